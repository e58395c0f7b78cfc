"""`audit --format markdown --locale`: the Markdown report's labels through the catalogs,
its arithmetic's numbers as the locale writes them; English as it always was."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from factcheck.cli import app

DRAFT = (
    "Jembatan utara dibangun dengan US$ 4 miliar atau setara Rp 65 triliun.\n"
    "Jembatan selatan dibangun dengan US$ 6 miliar atau setara Rp 97 triliun.\n"
    "Jembatan timur dibangun dengan US$ 3 miliar atau setara Rp 55 triliun.\n"
)


def _markdown(tmp_path: Path, locale: str) -> str:
    draft = tmp_path / "jembatan.txt"
    draft.write_text(DRAFT, encoding="utf-8")
    result = CliRunner().invoke(app, ["audit", str(draft), "--format", "markdown",
                                      "--published", "2024-07-30", "--locale", locale])
    assert result.exit_code == 1, result.stderr
    return result.stdout


def test_english_labels_and_numbers(tmp_path: Path) -> None:
    english = _markdown(tmp_path, "en")
    assert english.startswith("## factcheck report\n\n**1 error, 0 warnings, 0 info** in 1 "
                              "article and 0 other files\n")
    assert "| File | Figures (finding / fine / not checked) | Errors |" in english
    assert "- **error FX001** conversion-rate-mismatch, line 3:" in english
    assert "  - **Correction:** ~~Rp 55 triliun~~ → **Rp" in english
    assert "  - Rate this conversion implies: 18,166.7 – 18,666.7 IDR/USD" in english


def test_indonesian_labels_and_numbers(tmp_path: Path) -> None:
    shown = _markdown(tmp_path, "id")
    assert shown.startswith("## laporan factcheck\n\n**1 kesalahan, 0 peringatan, 0 info** "
                            "dalam 1 artikel dan 0 berkas lain\n")
    assert "| Berkas | Angka (temuan / cocok / belum diperiksa) | Kesalahan |" in shown
    assert "- **kesalahan FX001** conversion-rate-mismatch, baris 3:" in shown
    assert "  - **Koreksi:** ~~Rp 55 triliun~~ → **Rp" in shown
    assert "  - Kurs yang tersirat dari konversi ini: 18.166,7 – 18.666,7 IDR/USD" in shown
    for english in ("Correction", "Rate this", "Off by", "18,166.7", " line ", "error"):
        assert english not in shown


def test_french_labels_and_numbers(tmp_path: Path) -> None:
    shown = _markdown(tmp_path, "fr")
    assert shown.startswith("## rapport factcheck\n\n**1 erreur, 0 avertissement, 0 info** "
                            "dans 1 article et 0 autre fichier\n")
    assert "| Fichier | Chiffres (remarque / vérifié / non vérifié) | Erreurs |" in shown
    assert "- **erreur FX001** conversion-rate-mismatch, ligne 3:" in shown
    assert "  - **Correction :** ~~Rp 55 triliun~~ → **Rp" in shown
    assert "  - Cours qu'implique cette conversion : 18 166,7 – 18 666,7 IDR/USD" in shown
    for english in ("Rate this", "Off by", "18,166.7", " line ", "error "):
        assert english not in shown


def test_a_report_without_findings_says_so_in_the_locale(tmp_path: Path) -> None:
    draft = tmp_path / "kosong.txt"
    draft.write_text("Jembatan itu panjangnya 2 kilometer.\n", encoding="utf-8")
    said = {}
    for locale in ("en", "fr", "id"):
        result = CliRunner().invoke(app, ["audit", str(draft), "--format", "markdown",
                                          "--locale", locale])
        assert result.exit_code == 0, result.stderr
        said[locale] = result.stdout.rstrip("\n").rsplit("\n", 1)[-1]
    assert said["en"] == "No findings."
    assert said["fr"] == "Aucune remarque."
    assert said["id"] == "Tidak ada temuan."
