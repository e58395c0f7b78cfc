"""The linter lines' own words in the locale: the suggestion's label and the summary
(the messages are translated elsewhere); English stays as it was."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from factcheck.cli import app

DRAFT = (
    "Tahap pertama bernilai US$ 2 miliar (sekitar Rp 32,6 triliun).\n"
    "Tahap kedua bernilai US$ 3 miliar atau setara Rp 48,9 triliun.\n"
    "Tahap ketiga bernilai US$ 4 miliar (sekitar Rp 58 triliun).\n"
)


def audit_lines(tmp_path: Path, *options: str) -> str:
    draft = tmp_path / "draf.txt"
    draft.write_text(DRAFT, encoding="utf-8")
    result = CliRunner().invoke(app, ["audit", str(draft), "--published", "2024-07-30",
                                      "--fail-on", "never", *options])
    assert result.exit_code == 0, result.output
    return result.output


@pytest.mark.parametrize(
    ("locale", "label", "summary"),
    [
        ("en", "(suggestion: Rp 65 triliun)", "1 error, 0 warnings, 0 info in 1 document"),
        ("id", "(saran: Rp 65 triliun)", "1 kesalahan, 0 peringatan, 0 info di 1 dokumen"),
        ("fr", "(suggestion : Rp 65 triliun)",
         "1 erreur, 0 avertissement, 0 info dans 1 document"),
    ],
)
def test_the_summary_and_the_suggestions_label_are_in_the_locale(
        tmp_path: Path, locale: str, label: str, summary: str) -> None:
    out = audit_lines(tmp_path, "--locale", locale)
    assert label in out
    assert out.rstrip("\n").endswith(summary)


def test_plurals_follow_the_locale(tmp_path: Path) -> None:
    draft = tmp_path / "a.txt"
    draft.write_text("Tidak ada angka di sini.\n", encoding="utf-8")
    other = tmp_path / "b.txt"
    other.write_text("Juga tidak ada.\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["audit", str(tmp_path), "--lang", "id",
                                      "--fail-on", "never", "--locale", "fr"])
    assert result.output.rstrip("\n").endswith(
        "0 erreur, 0 avertissement, 0 info dans 2 documents")


def test_the_coloured_summary_table_is_in_the_locale() -> None:
    import re

    from factcheck.model import AuditResult
    from factcheck.report import render

    result = AuditResult(findings=(), audited=2)
    plain = re.sub(r"\x1b\[[0-9;]*m", "", render("text", result, [], color=True, locale="id"))
    assert "kesalahan" in plain and "peringatan" in plain and "jumlah" in plain
    assert "errors" not in plain and "warnings" not in plain
    english = re.sub(r"\x1b\[[0-9;]*m", "", render("text", result, [], color=True))
    assert "errors" in english and "in baseline" in english
