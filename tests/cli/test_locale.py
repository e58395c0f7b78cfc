"""`factcheck audit --locale`: the findings' messages in French or Indonesian in every
format, the codes, fields and corrections as in English."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from factcheck.cli import app

ODD = (
    "Proyek pertama bernilai US$ 5 miliar atau setara Rp 81 triliun.\n"
    "Proyek kedua bernilai US$ 7 miliar atau setara Rp 114 triliun.\n"
    "Proyek ketiga bernilai US$ 2 miliar atau setara Rp 36 triliun.\n"
)


def _audit(*args: str) -> str:
    result = CliRunner().invoke(app, ["audit", *args])
    assert result.exit_code == 1, result.stderr
    return result.stdout


def test_json_messages_follow_the_locale_and_nothing_else_changes(tmp_path: Path) -> None:
    draft = tmp_path / "berita.txt"
    draft.write_text(ODD, encoding="utf-8")
    english = json.loads(_audit(str(draft), "--format", "json", "--published", "2024-07-30"))
    findings = {}
    for locale in ("fr", "id"):
        shown = json.loads(_audit(str(draft), "--format", "json", "--published",
                                  "2024-07-30", "--locale", locale))
        assert [f["code"] for f in shown["findings"]] == [
            f["code"] for f in english["findings"]]
        for mine, theirs in zip(shown["findings"], english["findings"], strict=True):
            assert mine["message"] != theirs["message"]
            assert {**mine, "message": ""} == {**theirs, "message": ""}
        findings[locale] = shown["findings"]
    fx001 = [f for f in findings["id"] if f["code"] == "FX001"]
    assert fx001 and "2 konversi lain di artikel ini sepakat pada" in fx001[0]["message"]
    assert english == json.loads(_audit(str(draft), "--format", "json", "--published",
                                        "2024-07-30", "--locale", "en"))


def test_text_and_report_pages_in_the_locale(tmp_path: Path) -> None:
    draft = tmp_path / "berita.txt"
    draft.write_text(ODD, encoding="utf-8")
    text = _audit(str(draft), "--published", "2024-07-30", "--locale", "fr",
                  "--report-dir", str(tmp_path / "out"))
    assert "FX001" in text and "les 2 autres conversions dans l'article" in text
    page = (tmp_path / "out" / "report.html").read_text(encoding="utf-8")
    assert '<html lang="fr">' in page and "les 2 autres conversions dans l&#39;article" in page
    assert "<dt>Cours qu&#39;implique cette conversion</dt>" in page  # the arithmetic's labels
    assert "autres conversions dans l'article" in (tmp_path / "out" / "report.md").read_text(
        encoding="utf-8")


def test_an_unknown_locale_is_bad_usage(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["audit", str(tmp_path), "--locale", "de"])
    assert result.exit_code == 2 and "locale" in result.stderr
