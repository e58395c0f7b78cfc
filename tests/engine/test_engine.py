"""Rule packs, suppression, baselines and the registry."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from factcheck.api import audit, audit_text
from factcheck.engine.packs import load_pack
from factcheck.errors import ConfigError
from factcheck.registry import Check, all_checks, register

ODD = (
    "Proyek pertama bernilai US$ 5 miliar atau setara Rp 81 triliun.\n"
    "Proyek kedua bernilai US$ 7 miliar atau setara Rp 114 triliun.\n"
    "Proyek ketiga bernilai US$ 2 miliar atau setara Rp 36 triliun.\n"
)


def test_registry_holds_the_catalogue_and_refuses_a_duplicate_code() -> None:
    checks = all_checks()
    assert {"FX001", "FX002", "FX003", "FX004", "UN001", "IN001"} <= set(checks)
    for check in checks.values():
        doc = check.doc()
        for section in ("What it flags:", "Why it matters:", "Example:", "Options:"):
            assert section in doc, (check.code, section)

    class Impostor(Check):
        code = "FX001"
        name = "impostor"

    with pytest.raises(ValueError, match="duplicate check code FX001"):
        register(Impostor)


def test_default_pack_is_shipped_and_complete() -> None:
    pack = load_pack()
    assert pack.name == "default" and set(pack.rules) == set(all_checks())
    assert pack.rules["FX002"].options.tolerance == 0.03  # type: ignore[attr-defined]


def test_pack_extends_and_overrides(tmp_path: Path) -> None:
    child = tmp_path / "strict.yaml"
    child.write_text("extends: default\nchecks:\n  FX002: {options: {tolerance: 0.01}}\n"
                     "  UN001: {enabled: false}\n  FX001: {severity: info}\n", encoding="utf-8")
    pack = load_pack(child)
    assert pack.rules["FX002"].options.tolerance == 0.01  # type: ignore[attr-defined]
    assert not pack.rules["UN001"].enabled and pack.rules["FX004"].enabled
    findings = audit_text(ODD, "id", published=date(2024, 7, 30), rules=child)
    assert [f.severity for f in findings if f.code == "FX001"] == ["info"]


@pytest.mark.parametrize(
    ("content", "line", "field"),
    [
        ("checks:\n  FX999: {enabled: true}\n", 2, "checks.FX999"),
        ("checks:\n  FX002: {options: {tolerence: 0.1}}\n", 2, "checks.FX002.options.tolerence"),
        ("checks:\n  FX002:\n    severity: loud\n", 3, "checks.FX002.severity"),
        ("colour: blue\n", 1, "colour"),
    ],
)
def test_bad_packs_name_file_line_and_field(
    tmp_path: Path, content: str, line: int | None, field: str
) -> None:
    pack = tmp_path / "bad.yaml"
    pack.write_text(content, encoding="utf-8")
    with pytest.raises(ConfigError) as caught:
        load_pack(pack)
    assert caught.value.path == str(pack) and caught.value.field == field
    assert caught.value.line == line


def test_inline_comment_suppresses_on_its_line_or_the_next(tmp_path: Path) -> None:
    article = tmp_path / "draft.md"
    lines = ODD.splitlines()
    article.write_text("\n".join([*lines[:2], "<!-- factcheck: ignore FX001 -->", lines[2]]) + "\n",
                       encoding="utf-8")
    result = audit([article], published=date(2024, 7, 30), lang="id")
    assert [f.code for f in result.findings] == [] and result.suppressed == 1
    other = tmp_path / "other.md"
    other.write_text(article.read_text(encoding="utf-8").replace("FX001", "FX002"),
                     encoding="utf-8")
    assert [f.code for f in audit([other], published=date(2024, 7, 30), lang="id").findings] \
        == ["FX001"]


def test_baseline_is_keyed_by_content_not_lines(tmp_path: Path) -> None:
    from factcheck.engine.suppress import baseline_text

    article = tmp_path / "a.txt"
    article.write_text(ODD, encoding="utf-8")
    first = audit([article], published=date(2024, 7, 30), lang="id")
    assert [f.code for f in first.findings] == ["FX001"]
    baseline = tmp_path / "baseline.json"
    baseline.write_text(baseline_text(first.findings), encoding="utf-8")
    article.write_text("Paragraf pembuka yang baru.\n\n" + ODD, encoding="utf-8")
    moved = audit([article], published=date(2024, 7, 30), lang="id", baseline=baseline)
    assert moved.findings == () and moved.baselined == 1
    article.write_text(ODD + "Proyek keempat bernilai US$ 3 miliar atau setara Rp 60 triliun.\n",
                       encoding="utf-8")
    grown = audit([article], published=date(2024, 7, 30), lang="id", baseline=baseline)
    assert [f.line for f in grown.findings] == [4] and grown.baselined == 1


def test_findings_are_sorted_and_deterministic(tmp_path: Path) -> None:
    for name in ("b.txt", "a.txt"):
        (tmp_path / name).write_text(ODD, encoding="utf-8")
    result = audit([tmp_path], published=date(2024, 7, 30), lang="id")
    assert [f.path.rsplit("/", 1)[-1] for f in result.findings] == ["a.txt", "b.txt"]
    again = audit([tmp_path], published=date(2024, 7, 30), lang="id")
    assert again.findings == result.findings
