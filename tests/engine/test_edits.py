"""Findings carry an exact edit: the end of the anchored figure and, when the correction is
certain, the text that replaces it; applying the edit to the file fixes the finding."""

from __future__ import annotations

import json
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from factcheck.analyse.edits import _anchor_inside
from factcheck.api import audit as run_audit
from factcheck.model import Anchor, Finding

# Three conversions of one article; the third is the odd one out.
ODD = (
    "Proyek pertama bernilai US$ 5 miliar atau setara Rp 81 triliun.\n"
    "Proyek kedua bernilai US$ 7 miliar atau setara Rp 114 triliun.\n"
    "Proyek ketiga bernilai US$ 2 miliar atau setara Rp 36 triliun.\n"
)


def apply(text: str, finding: Finding) -> str:
    """``text`` with the finding's span replaced by its replacement (1-based lines and
    columns, the end exclusive)."""
    assert finding.end_line is not None and finding.end_column is not None
    assert finding.replacement is not None
    lines = text.split("\n")
    starts = [0]
    for line in lines:
        starts.append(starts[-1] + len(line) + 1)
    start = starts[finding.line - 1] + finding.column - 1
    end = starts[finding.end_line - 1] + finding.end_column - 1
    return text[:start] + finding.replacement + text[end:]


def audit(path: Path) -> list[Finding]:
    return list(run_audit([path], lang="id", published=None).findings)


def test_the_edit_spans_the_figure_and_applying_it_clears_the_finding(tmp_path: Path) -> None:
    article = tmp_path / "a.md"
    article.write_text("---\ntitle: Proyek\n---\n\n" + ODD, encoding="utf-8")
    (finding,) = [f for f in audit(article) if f.code == "FX001"]
    text = article.read_text(encoding="utf-8")
    lines = text.split("\n")
    assert finding.line == finding.end_line == 7
    assert lines[6][finding.column - 1:finding.end_column - 1] == "Rp 36 triliun"
    assert finding.replacement == finding.suggestion == "Rp 33 triliun"
    article.write_text(apply(text, finding), encoding="utf-8")
    assert "Rp 33 triliun" in article.read_text(encoding="utf-8")
    assert [f.code for f in audit(article) if f.code == "FX001"] == []


def test_an_html_entity_inside_the_figure_gives_an_end_but_no_edit(tmp_path: Path) -> None:
    body = ODD.replace("Rp 36 triliun", "Rp&nbsp;36 triliun")
    page = tmp_path / "a.html"
    page.write_text(f"<html><body><p>{body}</p></body></html>\n", encoding="utf-8")
    (finding,) = [f for f in audit(page) if f.code == "FX001"]
    line = page.read_text(encoding="utf-8").split("\n")[finding.line - 1]
    assert line[finding.column - 1:finding.end_column - 1] == "Rp&nbsp;36 triliun"
    assert finding.suggestion is not None and finding.replacement is None


def test_a_json_lines_record_gets_the_edit_in_its_line(tmp_path: Path) -> None:
    archive = tmp_path / "a.jsonl"
    archive.write_text(json.dumps({"id": "x", "text": ODD}) + "\n", encoding="utf-8")
    (finding,) = [f for f in audit(archive) if f.code == "FX001"]
    line = archive.read_text(encoding="utf-8").split("\n")[0]
    assert line[finding.column - 1:finding.end_column - 1] == "Rp 36 triliun"
    assert finding.replacement == "Rp 33 triliun"


def test_a_sum_names_no_edit_since_any_of_its_figures_may_be_wrong(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text("Dana Rp 25 triliun berasal dari APBN Rp 18,4 triliun dan swasta "
                       "Rp 12,6 triliun.\n", encoding="utf-8")
    (finding,) = [f for f in audit(article) if f.code == "AR004"]
    assert finding.suggestion is not None and finding.end_column is not None
    assert finding.replacement is None


def test_claims_findings_have_no_text_positions(tmp_path: Path) -> None:
    claims = tmp_path / "claims.yaml"
    claims.write_text(
        "- {id: a, source: {name: a.example}, published: 2024-07-30, subject: X, metric: "
        "loss, period: '2024', kind: projection, lang: id, value: US$ 2 miliar, "
        "equivalent: Rp 36 triliun}\n"
        "- {id: b, source: {name: a.example}, published: 2024-07-30, subject: Y, metric: "
        "loss, period: '2024', kind: projection, lang: id, value: US$ 5 miliar, "
        "equivalent: Rp 81 triliun}\n"
        "- {id: c, source: {name: a.example}, published: 2024-07-30, subject: Z, metric: "
        "loss, period: '2024', kind: projection, lang: id, value: US$ 7 miliar, "
        "equivalent: Rp 114 triliun}\n", encoding="utf-8")
    findings = audit(claims)
    assert any(f.suggestion for f in findings)
    assert all(f.end_line is None and f.replacement is None for f in findings)


@given(st.lists(st.integers(0, 40), max_size=12), st.integers(0, 40), st.integers(0, 40))
def test_an_anchor_inside_a_figure_is_found_as_a_walk_over_every_anchor_finds_it(
        offsets: list[int], start: int, end: int) -> None:
    anchors = tuple(Anchor(offset=o, line=1, column=1) for o in sorted(offsets))
    assert _anchor_inside(anchors, start, end) == any(start < a.offset < end for a in anchors)
