"""The Python API as the README shows it: everything the command line does, callable
from Python with typed results, and the command line printing what it returns."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from datetime import date
from pathlib import Path

import pytest
from typer.testing import CliRunner

import factcheck
from factcheck.cli import app
from factcheck.errors import ConfigError, InputError
from factcheck.reference_rates import ArticleDating, Conversion

ROOT = Path(__file__).resolve().parents[1]
UNDATED = "Valuasi perusahaan itu US$ 80 miliar (sekitar Rp 1.303 triliun).\n"


def cli(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_extract_is_callable_after_its_subpackage_is_imported() -> None:
    script = textwrap.dedent(f"""
        import factcheck.extract
        import factcheck.extract.numbers
        from factcheck.extract import extract_text
        import factcheck
        results, errors = factcheck.extract([{str(ROOT / "examples")!r}])
        results_again, _ = factcheck.extract([{str(ROOT / "examples")!r}])
        assert not errors and len(results) == len(results_again) == 2, (results, errors)
        texts = [f.text for r in results for f in r.figures]
        assert "Rp 64 triliun" in texts, texts
        import factcheck.extract as subpackage
        from factcheck import extract
        assert extract is factcheck.extract
        assert subpackage.extract_text is extract_text
        assert subpackage.extract_document is factcheck.extract.extract_document
        assert extract_text("US$ 4 miliar", "id")[0].value == 4e9
        print("ok")
    """)
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                          check=False, timeout=120)
    assert done.returncode == 0 and done.stdout == "ok\n", done.stderr


def test_extract_returns_the_unreadable_inputs_beside_the_figures(tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text("Nilainya US$ 2 miliar.", encoding="utf-8")
    (tmp_path / "empty.txt").write_bytes(b"")
    results, errors = factcheck.extract([tmp_path])
    assert [f.value for r in results for f in r.figures] == [2e9]
    assert [(Path(e.path or "").name, e.message) for e in errors] == [("empty.txt", "empty file")]


def test_convert_is_the_amount_times_the_reference_rate() -> None:
    on = date(2024, 7, 15)
    done = factcheck.convert("US$ 5 miliar", "idr", on, "id")
    reference = factcheck.rate("USD", "IDR", on)
    assert isinstance(done, Conversion)
    assert (done.amount.text, done.amount.currency) == ("US$ 5 miliar", "USD")
    assert done.rate == reference and done.value == pytest.approx(5e9 * reference.rate)
    assert done.text == "Rp 80,9 triliun"
    french = factcheck.convert("5 milliards de dollars", "EUR", on, "fr")
    assert french.text.endswith("milliards d'euros")  # written in the amount's language
    code, out, _ = cli("convert", "US$ 5 miliar", "--to", "IDR", "--date", "2024-07-15")
    assert code == 0 and out.startswith(f"{done.text}  (at {reference.rate:,.6g} IDR/USD on "
                                        f"{reference.used.isoformat()}")


def test_rate_and_convert_raise_errors_of_the_family(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="not one amount of money"):
        factcheck.convert("dua ekor kucing", "IDR")
    with pytest.raises(InputError, match="unknown currency"):
        factcheck.rate("USD", "XYZ", date(2024, 7, 15))
    with pytest.raises(InputError, match="before the table"):
        factcheck.rate("USD", "IDR", date(1990, 1, 1))
    table = tmp_path / "rates.csv"
    table.write_text("date,base,quote,rate\n2024-07-15,USD,IDR,abc\n", encoding="utf-8")
    with pytest.raises(ConfigError, match=r"rates\.csv:2: rate"):
        factcheck.rate("USD", "IDR", rates=table)
    assert cli("convert", "dua ekor kucing", "--to", "IDR")[0] == 2


def test_a_rate_table_of_ones_own_is_used(tmp_path: Path) -> None:
    table = tmp_path / "rates.csv"
    table.write_text("date,base,quote,rate\n2024-07-12,USD,IDR,16000\n", encoding="utf-8")
    found = factcheck.rate("USD", "IDR", date(2024, 7, 14), rates=table)
    assert (found.rate, found.used) == (16000, date(2024, 7, 12))
    assert factcheck.convert("US$ 2 miliar", "IDR", date(2024, 7, 14), rates=table).text == (
        "Rp 32,0 triliun")  # three significant digits


def test_date_rates_gives_the_spans_whose_rates_fit(tmp_path: Path) -> None:
    article = tmp_path / "undated.txt"
    article.write_text(UNDATED, encoding="utf-8")
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "plain.txt").write_text("Tidak ada angka di sini.", encoding="utf-8")
    results, errors = factcheck.date_rates([tmp_path], lang="id")
    assert [Path(e.path or "").name for e in errors] == ["empty.txt"]
    assert all(isinstance(r, ArticleDating) for r in results)
    by_name = {Path(r.path).name: r for r in results}
    assert by_name["plain.txt"].pairs == ()
    (fit,) = by_name["undated.txt"].pairs
    assert (fit.pair, fit.conversions) == ("IDR/USD", 1)
    assert fit.spans and len(fit.periods) == len(fit.spans)
    low, high = 1302.5e12 / 85e9, 1303.5e12 / 75e9  # the interval the printed figures admit
    for start, end in fit.spans:
        for day in (start, end):  # the rate at each end of a span fits (0.25% slack)
            assert low * 0.9975 <= factcheck.rate("USD", "IDR", day).rate <= high * 1.0025
        assert start.year >= 2015  # the rupiah was under 13,000 before
    code, out, err = cli("date-rates", str(tmp_path), "--lang", "id")
    assert code == 2 and "empty.txt: empty file" in err
    assert f"{article}: IDR/USD, 1 conversion: {', '.join(fit.periods)}" in out
    assert "plain.txt: no currency conversions to date it by" in out


def test_audit_and_audit_text_are_the_api_names() -> None:
    result = factcheck.audit([ROOT / "examples" / "openai-kerugian.md"])
    assert "FX001" in {f.code for f in result.findings}
    findings = factcheck.audit_text("Proyek itu US$ 4 miliar (sekitar Rp 640 triliun).", "id",
                                    published=date(2024, 7, 30))
    assert {f.code for f in findings} & {"FX002", "FX003"}
    assert set(factcheck.__all__) == {"audit", "audit_text", "convert", "date_rates",
                                      "extract", "extract_text", "fix", "rate"}
    assert all(callable(getattr(factcheck, name)) for name in factcheck.__all__)
