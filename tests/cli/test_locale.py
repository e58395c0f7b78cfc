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


def _run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_fix_says_what_it_did_in_the_locale(tmp_path: Path) -> None:
    draft = tmp_path / "berita.txt"
    draft.write_text(ODD, encoding="utf-8")
    args = ("fix", str(draft), "--diff", "--published", "2024-07-30")
    code, diff, english = _run(*args)
    assert code == 1 and english.endswith("Would fix 1 finding in 1 file.\n")
    for locale, said in (("fr", ": corrigerait FX001 (Rp 33 triliun)\nCorrigerait 1 remarque "
                                "dans 1 fichier.\n"),
                         ("id", ": akan diperbaiki FX001 (Rp 33 triliun)\nAkan memperbaiki "
                                "1 temuan di 1 berkas.\n")):
        shown = _run(*args, "--locale", locale)
        assert shown[:2] == (code, diff)  # the diff itself is the same in every locale
        assert shown[2].endswith(said), shown[2]


def test_fix_names_what_remains_in_the_locale(tmp_path: Path) -> None:
    draft = tmp_path / "berita.txt"
    draft.write_text("Perusahaan itu merugi US$ 5 miliar tahun ini.\n", encoding="utf-8")
    code, english, _ = _run("fix", str(draft))
    assert code == 0 and english.endswith("Nothing to fix; 1 remains.\n")
    code, out, _ = _run("fix", str(draft), "--locale", "fr")
    assert code == 0 and out.endswith("Rien à corriger ; 1 reste.\n")
    assert "info DT002 « tahun ini » se rapporte à la date de publication" in out


def test_extract_table_reads_in_the_locale_and_the_contract_does_not(tmp_path: Path) -> None:
    draft = tmp_path / "berita.txt"
    draft.write_text(ODD, encoding="utf-8")
    table = {loc: _run("extract", str(draft), "--format", "table", "--locale", loc)[1]
             for loc in ("en", "fr", "id")}
    assert "┃ where" in table["en"] and "│ money " in table["en"]
    assert "5,000,000,000 " in table["en"] and "81,000,000,000,000 " in table["en"]
    assert "┃ où" in table["fr"] and "│ montant " in table["fr"]
    assert "5\u202f000\u202f000\u202f000 " in table["fr"]
    assert "┃ letak" in table["id"] and "│ uang " in table["id"] and "5.000.000.000 " in table["id"]
    contract = {loc: _run("extract", str(draft), "--locale", loc)[1] for loc in ("en", "id")}
    assert contract["en"] == contract["id"]


def test_extract_warns_of_an_unreadable_input_in_the_locale(tmp_path: Path) -> None:
    (tmp_path / "kosong.txt").write_bytes(b"")
    (tmp_path / "berita.txt").write_text(ODD, encoding="utf-8")
    code, out, err = _run("extract", str(tmp_path), "--locale", "id")
    assert (code == 2 and '"berita.txt"' in out) or "berita.txt" in out
    assert err.startswith("galat: ") and "kosong.txt" in err and "empty file" not in err
