"""AR001-AR004 against the relations recorded in the shared development corpus.

The corpus (``../shared/corpus/{articles,wider}/*.json``, or ``$FACTCHECK_SHARED/corpus``)
is read at run time and never copied into the project; the test skips when it is absent.
Each article is audited as its title line followed by its excerpt sentences, one per line.
A relation of kind share (AR001), percent_change (AR002), parts_at_most_total (AR003), sum,
difference or product (AR004: a per-person figure times a count) that does not hold under
rounding is found when a finding of its code sits on the line of one of its figures
(recall, per folder and kind; kinds no check reads are counted apart). A warning or error
of these codes that no failing relation explains is a false alarm (on a relation that
holds, or anywhere else) when the article is not one whose ``verdict`` is ``error``: there
must be none. (On an error article such a finding sits in text that holds a slip anyway; it
is reported, not counted.)
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from factcheck.api import audit_text

CODES = {"share": "AR001", "percent_change": "AR002", "parts_at_most_total": "AR003",
         "sum": "AR004", "difference": "AR004", "product": "AR004"}
RECALL_FLOOR = 0.40  # measured: 11 of 25 over both folders (see the printed report)
FOLDERS = ("articles", "wider")


def corpus_dir(folder: str = "articles") -> Path:
    shared = os.environ.get("FACTCHECK_SHARED")
    base = Path(shared) if shared else Path(__file__).resolve().parents[3] / "shared"
    return base / "corpus" / folder


def published(article: dict[str, Any]) -> date | None:
    for name in ("publication_date", "date_used_for_reference_rates"):
        value = article.get(name)
        if isinstance(value, str) and len(value) == 10:
            return date.fromisoformat(value)
    return None


def text_and_lines(article: dict[str, Any]) -> tuple[str, dict[int, int]]:
    """The audited text, and the line of each excerpt sentence (-1: the title)."""
    lines: list[str] = []
    where: dict[int, int] = {}
    if article.get("title"):
        lines.append(article["title"])
        where[-1] = 1
    for i, sentence in enumerate(article["excerpt"]):
        lines.append(sentence)
        where[i] = len(lines)
    return "\n".join(lines), where


def relation_lines(relation: dict[str, Any], article: dict[str, Any], where: dict[int, int]
                   ) -> set[int]:
    indices = [relation.get(k) for k in ("before", "after", "total", "result", "part", "whole")]
    indices += list(relation.get("parts") or [])
    indices += [f.get("figure") for f in relation.get("factors") or [] if isinstance(f, dict)]
    figures = article["figures"]
    return {where[figures[i]["sentence"]] for i in indices
            if isinstance(i, int) and figures[i]["sentence"] in where}


@dataclass
class Tally:
    failing: int = 0
    found: int = 0
    infos: int = 0
    by_kind: dict[str, list[int]] = field(default_factory=dict)  # kind: [failing, found]
    unchecked: int = 0  # failing relations of a kind no check reads
    on_errors: list[str] = field(default_factory=list)  # unexplained, on error articles
    false_alarms: list[str] = field(default_factory=list)
    missed: list[str] = field(default_factory=list)


def audit_article(article: dict[str, Any], tally: Tally) -> None:
    text, where = text_and_lines(article)
    findings = [f for f in audit_text(text, article["language"], published=published(article))
                if f.code in CODES.values()]
    explained: set[int] = set()
    holding: set[int] = set()
    for relation in article.get("relations") or []:
        code = CODES.get(relation["kind"])
        if code is None:
            tally.unchecked += not relation.get("holds_under_rounding")
            continue
        lines = relation_lines(relation, article, where)
        if relation.get("holds_under_rounding"):
            holding |= lines
            continue
        tally.failing += 1
        kind = tally.by_kind.setdefault(relation["kind"], [0, 0])
        kind[0] += 1
        hits = [i for i, f in enumerate(findings) if f.code == code and f.line in lines]
        explained.update(hits)
        if hits:
            tally.found += 1
            kind[1] += 1
        else:
            tally.missed.append(f"{article['id']} {relation['kind']} lines {sorted(lines)}")
    for i, f in enumerate(findings):
        if f.severity == "info":
            tally.infos += 1
        elif i not in explained:
            where_ = "a relation that holds" if f.line in holding else "no failing relation"
            if article.get("verdict") == "error":
                tally.on_errors.append(f"{article['id']}:{f.line} {f.code} {f.severity} on "
                                       f"{where_}: {f.message}")
                continue
            tally.false_alarms.append(
                f"{article['id']}:{f.line} {f.code} {f.severity} on {where_}: {f.message}")


def report(tally: Tally) -> str:
    recall = tally.found / tally.failing if tally.failing else 1.0
    kinds = ", ".join(f"{kind} {found}/{failing}"
                      for kind, (failing, found) in sorted(tally.by_kind.items()))
    out = [f"AR relations that do not hold: {tally.failing}, found {tally.found} "
           f"(recall {recall:.2f}; {kinds}); of a kind no check reads: {tally.unchecked}",
           f"AR warnings/errors no failing relation explains (false alarms): "
           f"{len(tally.false_alarms)}; AR infos: {tally.infos}"]
    out += [f"  missed: {m}" for m in tally.missed]
    out += [f"  false alarm: {m}" for m in tally.false_alarms]
    out += [f"  on an error article: {m}" for m in tally.on_errors]
    return "\n".join(out)


def test_relations_against_corpus(capsys: pytest.CaptureFixture[str]) -> None:
    folders = [corpus_dir(name) for name in FOLDERS if corpus_dir(name).is_dir()]
    if not folders:
        pytest.skip(f"development corpus not found at {corpus_dir()} (set FACTCHECK_SHARED)")
    tally = Tally()
    for folder in folders:
        own = Tally()
        for path in sorted(folder.glob("*.json")):
            audit_article(json.loads(path.read_text(encoding="utf-8")), own)
        with capsys.disabled():
            print(f"\n{folder.name}: " + report(own))
        tally.failing += own.failing
        tally.found += own.found
        tally.false_alarms += own.false_alarms
    assert not tally.false_alarms, report(tally)
    assert tally.failing and tally.found / tally.failing >= RECALL_FLOOR, report(tally)


def test_lines_of_a_relation() -> None:
    """The measure maps a relation's figures to the lines of the audited text."""
    article = {
        "title": "Laba naik",
        "excerpt": ["Laba Rp 5,0 triliun.", "Nilai ini naik 9,0% dari Rp 4,0 triliun."],
        "figures": [{"sentence": 0}, {"sentence": 1}],
        "language": "id",
    }
    text, where = text_and_lines(article)
    assert text.splitlines()[2].startswith("Nilai ini")
    relation = {"kind": "percent_change", "before": 1, "after": 0}
    assert relation_lines(relation, article, where) == {2, 3}
    found = [f for f in audit_text(text, "id") if f.code == "AR002"]
    assert [(f.line, f.severity) for f in found] == [(3, "error")]
