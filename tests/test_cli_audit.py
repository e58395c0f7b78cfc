"""`factcheck audit`, `rules`, `rate` and `convert` as a user runs them."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from typer.testing import CliRunner

from factcheck.cli import app

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("FACTCHECK_SHARED", ROOT.parent / "shared"))
ODD = (
    "Proyek pertama bernilai US$ 5 miliar atau setara Rp 81 triliun.\n"
    "Proyek kedua bernilai US$ 7 miliar atau setara Rp 114 triliun.\n"
    "Proyek ketiga bernilai US$ 2 miliar atau setara Rp 36 triliun.\n"
)


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


def seed_000() -> Path:
    path = SHARED / "seeds" / "000_63944d43f8edd2f5.txt"
    if not path.is_file():
        pytest.skip(f"../shared/seeds not found: {path}")
    return path


def test_seed_000_flags_the_rp_64_triliun_conversion_and_the_february_valuation(
    tmp_path: Path,
) -> None:
    path = seed_000()
    lines = path.read_text(encoding="utf-8").splitlines()
    line_of_64 = next(i for i, line in enumerate(lines, 1) if "Rp 64 triliun" in line)
    line_of_feb = next(i for i, line in enumerate(lines, 1) if "Februari 2024" in line)
    code, out, _ = run("audit", str(path), "--published", "2024-07-30", "--lang", "id",
                       "--format", "json")
    assert code == 1
    found = {(f["code"], f["line"]): f for f in json.loads(out)["findings"]}
    fx = sorted(key for key in found if key[0].startswith("FX"))
    assert fx == [("FX001", line_of_64), ("FX005", line_of_feb)]
    mismatch, valuation = found[fx[0]], found[fx[1]]
    assert "16.281,3" in mismatch["message"] and mismatch["suggestion"] == "Rp 65 triliun"
    assert "2024-02-29" in valuation["message"] and "July 2024" in valuation["message"]
    fixed = tmp_path / "fixed.txt"
    fixed.write_text(path.read_text(encoding="utf-8").replace("Rp 64 triliun", "Rp 65 triliun"),
                     encoding="utf-8")
    code, out, _ = run("audit", str(fixed), "--published", "2024-07-30", "--lang", "id",
                       "--format", "json")
    codes = [(f["code"], f["line"]) for f in json.loads(out)["findings"]]
    assert ("FX001", line_of_64) not in codes and ("FX005", line_of_feb) in codes


def test_json_report_follows_the_contract(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text(ODD, encoding="utf-8")
    code, out, _ = run("audit", str(article), "--published", "2024-07-30", "--lang", "id",
                       "--format", "json")
    data = json.loads(out)
    assert code == 1 and data["version"] == 2
    (finding,) = data["findings"]
    assert list(finding) == ["code", "name", "severity", "message", "path", "line", "column",
                             "end_line", "end_column", "figures", "suggestion", "replacement",
                             "evidence"]
    assert (finding["code"], finding["line"], finding["suggestion"]) == ("FX001", 3,
                                                                         "Rp 33 triliun")
    assert data["summary"]["errors"] == 1


def test_sarif_report_is_valid_sarif(tmp_path: Path) -> None:
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads((ROOT / "tests/report/data/sarif-schema-2.1.0.json").read_text())
    article = tmp_path / "a.txt"
    article.write_text(ODD, encoding="utf-8")
    _, out, _ = run("audit", str(article), "--published", "2024-07-30", "--lang", "id",
                    "--format", "sarif")
    report = json.loads(out)
    jsonschema.validate(report, schema)
    (result,) = report["runs"][0]["results"]
    assert result["ruleId"] == "FX001"


def test_baseline_turns_a_failing_run_into_a_passing_one(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text(ODD, encoding="utf-8")
    baseline = tmp_path / "baseline.json"
    args = ["audit", str(article), "--published", "2024-07-30", "--lang", "id"]
    assert run(*args)[0] == 1
    code, out, _ = run(*args, "--write-baseline", str(baseline))
    assert code == 0 and "FX001" in out  # recording today's findings is a run that succeeded
    assert "FX001" in baseline.read_text(encoding="utf-8")
    assert run(*args, "--baseline", str(baseline))[0] == 0
    article.write_text(ODD + "Proyek keempat US$ 3 miliar atau setara Rp 60 triliun.\n",
                       encoding="utf-8")
    code, out, _ = run(*args, "--baseline", str(baseline))
    assert code == 1 and ":4:" in out


def test_one_unreadable_file_among_several(tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text(ODD, encoding="utf-8")
    (tmp_path / "bad.txt").write_bytes(b"baris\nRp 5 triliun \xff\n")
    code, out, _ = run("audit", str(tmp_path), "--published", "2024-07-30", "--lang", "id")
    assert code == 2
    assert "bad.txt:2:1: error IN001" in out and "good.txt:3:" in out


@pytest.mark.parametrize(("fail_on", "expected"), [("error", 1), ("never", 0), ("info", 1)])
def test_fail_on(tmp_path: Path, fail_on: str, expected: int) -> None:
    article = tmp_path / "a.txt"
    article.write_text(ODD, encoding="utf-8")
    assert run("audit", str(article), "--published", "2024-07-30", "--lang", "id",
               "--fail-on", fail_on)[0] == expected


def test_bad_pack_and_bad_rate_table_exit_2(tmp_path: Path) -> None:
    pack = tmp_path / "p.yaml"
    pack.write_text("checks:\n  ZZ001: {enabled: true}\n", encoding="utf-8")
    code, _, err = run("audit", str(ROOT / "examples"), "--rules", str(pack))
    assert code == 2 and "p.yaml:2: checks.ZZ001" in err
    table = tmp_path / "rates.csv"
    table.write_text("date,base,quote,rate\n2024-07-15,USD,IDR,abc\n", encoding="utf-8")
    code, _, err = run("rate", "USD", "IDR", "--date", "2024-07-15", "--rates", str(table))
    assert code == 2 and "rates.csv:2: rate" in err


def test_rules_lists_and_explains() -> None:
    code, out, _ = run("rules")
    assert code == 0 and out.count("\n") >= 6 and "FX001  conversion-rate-mismatch" in out
    code, out, _ = run("rules", "FX001")
    assert code == 0 and "What it flags:" in out and "Options:" in out
    assert run("rules", "XX999")[0] == 2


def test_rate_and_convert_use_the_ecb_table() -> None:
    code, out, _ = run("rate", "USD", "IDR", "--date", "2024-07-13")
    assert code == 0 and "IDR/USD on 2024-07-12" in out  # a Saturday: the Friday's rate
    code, out, _ = run("convert", "US$ 5 miliar", "--to", "IDR", "--date", "2024-07-15",
                       "--lang", "id")
    assert code == 0 and out.startswith("Rp 80,9 triliun")
    code, _, err = run("rate", "USD", "IDR", "--date", "1990-01-01")
    assert code == 2 and "before the table" in err


def test_date_rates_dates_an_article_by_its_conversions(tmp_path: Path) -> None:
    article = tmp_path / "undated.txt"
    article.write_text("Valuasi perusahaan itu US$ 80 miliar (sekitar Rp 1.303 triliun).\n",
                       encoding="utf-8")
    code, out, _ = run("date-rates", str(article), "--lang", "id")
    assert code == 0 and "IDR/USD, 1 conversion:" in out and "2024" in out
    assert "2010" not in out  # the rupiah was near 9,000 then


@pytest.mark.parametrize(("revenue", "expected"), [("100", []), ("200", ["AR001"])])
def test_seed_001_ratio_against_a_recorded_revenue(
    tmp_path: Path, revenue: str, expected: list[str]
) -> None:
    seed = SHARED / "seeds" / "001_cb86baf73aef99c8.txt"
    if not seed.is_file():
        pytest.skip(f"../shared/seeds not found: {seed}")
    (tmp_path / "article.txt").write_text(seed.read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "claims").mkdir()  # a walked folder's claims files are those in claims/
    (tmp_path / "claims" / "revenue.yaml").write_text(
        "- id: openai-revenue-2028\n  source: Analyst note\n  published: 2025-11-10\n"
        "  subject: OpenAI\n  metric: revenue\n  period: '2028'\n  kind: projection\n"
        f"  lang: id\n  value: US$ {revenue} miliar\n", encoding="utf-8")
    code, out, _ = run("audit", str(tmp_path), "--published", "2025-11-13", "--lang", "id",
                       "--format", "json")
    assert [f["code"] for f in json.loads(out)["findings"]] == expected
    assert code == (1 if expected else 0)


def test_also_writes_the_same_audit_in_other_formats(tmp_path: Path) -> None:
    article = tmp_path / "odd.txt"
    article.write_text(ODD, encoding="utf-8")
    sarif, markdown = tmp_path / "out" / "f.sarif", tmp_path / "f.md"
    code, out, _ = run("audit", str(article), "--format", "json", "--also", f"sarif={sarif}",
                       "--also", f"markdown={markdown}")
    assert code == 1
    codes = sorted(f["code"] for f in json.loads(out)["findings"])
    log = json.loads(sarif.read_text(encoding="utf-8"))
    assert codes and sorted(r["ruleId"] for r in log["runs"][0]["results"]) == codes
    assert all(code in markdown.read_text(encoding="utf-8") for code in codes)


@pytest.mark.parametrize("value", ["sarif", "sarif=", "pdf=x.pdf", "=x.sarif"])
def test_also_refuses_what_is_not_format_equals_path(tmp_path: Path, value: str) -> None:
    article = tmp_path / "odd.txt"
    article.write_text(ODD, encoding="utf-8")
    code, out, err = run("audit", str(article), "--also", value)
    assert code == 2 and out == "" and "FORMAT=PATH" in err
