"""The command line as a user runs it: outputs, the JSON contract, errors and exit codes."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from factcheck.cli import app

ROOT = Path(__file__).resolve().parents[1]
CONTRACT_FIGURE_KEYS = ["id", "text", "start", "end", "line", "column", "kind", "value", "low",
                        "high", "currency", "unit", "per", "qualifier", "period", "equivalent_of"]
OPTIONAL_FIGURE_KEYS = ["currency_source", "currency_candidates"]  # written only when set


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_extract_json_follows_the_contract() -> None:
    code, out, _ = run("extract", str(ROOT / "examples" / "openai-kerugian.md"))
    assert code == 0
    data = json.loads(out)
    assert data["version"] == 1
    (doc,) = data["documents"]
    assert (doc["lang"], doc["published"]) == ("id", "2024-07-30")
    assert all(list(f) == CONTRACT_FIGURE_KEYS for f in doc["figures"])
    by_text = {f["text"]: f for f in doc["figures"]}
    rupiah, dollars = by_text["Rp 64 triliun"], by_text["US$ 4 miliar"]
    assert rupiah["equivalent_of"] == dollars["id"]
    assert (rupiah["low"], rupiah["high"]) == (63.5e12, 64.5e12)
    text = (ROOT / "examples" / "openai-kerugian.md").read_text(encoding="utf-8")
    line = text.splitlines()[rupiah["line"] - 1]
    assert line[rupiah["column"] - 1:].startswith("Rp 64 triliun")


def test_jsonl_csv_and_table_agree_on_the_figures() -> None:
    path = str(ROOT / "examples" / "openai-pertes.txt")
    _, jsonl, _ = run("extract", path, "--format", "jsonl")
    _, table_csv, _ = run("extract", path, "--format", "csv")
    _, table, _ = run("extract", path, "--format", "table")
    figures = [f for line in jsonl.splitlines() for f in json.loads(line)["figures"]]
    rows = list(csv.DictReader(io.StringIO(table_csv)))
    assert [r["text"] for r in rows] == [f["text"] for f in figures]
    assert all(f["text"] in table for f in figures)
    assert rows[0]["currency"] == "USD" and figures[1]["currency"] == "EUR"


def test_lang_and_published_override_the_file(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text("Le déficit atteint 1.303 milliards d'euros cette année.", encoding="utf-8")
    _, out, _ = run("extract", str(article), "--lang", "fr", "--published", "2025-03-01")
    (figure,) = json.loads(out)["documents"][0]["figures"]
    assert figure["value"] == 1303e9
    assert figure["period"]["label"] == "2025"


def test_bad_inputs_are_named_and_the_rest_is_still_extracted(tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text("Nilainya US$ 2 miliar.", encoding="utf-8")
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "binary.txt").write_bytes(b"US$\x00\x01")
    (tmp_path / "broken.txt").write_bytes(b"satu\ndua\nRp 5 triliun \xff\n")
    code, out, err = run("extract", str(tmp_path))
    assert code == 2
    assert [d["path"].rsplit("/", 1)[-1] for d in json.loads(out)["documents"]] == ["good.txt"]
    assert "empty.txt: empty file" in err
    assert "binary.txt: binary file" in err
    assert "broken.txt:3:" in err
    assert "Traceback" not in err


def test_bad_option_is_a_usage_error() -> None:
    code, _, err = run("extract", str(ROOT / "examples"), "--published", "2024-02-30")
    assert code == 2 and "not a date" in err


def test_schema_describes_the_extract_output() -> None:
    code, out, _ = run("schema", "figures")
    schema = json.loads(out)
    assert code == 0 and schema["title"] == "FiguresOutput"
    figure = schema["$defs"]["FigureRecord"]
    assert list(figure["properties"]) == CONTRACT_FIGURE_KEYS + OPTIONAL_FIGURE_KEYS
    assert not set(OPTIONAL_FIGURE_KEYS) & set(figure["required"])
    assert figure["additionalProperties"] is False


@pytest.mark.parametrize("args", [["--help"], ["extract", "--help"]])
def test_console_script_runs(args: list[str]) -> None:
    result = subprocess.run([sys.executable, "-m", "factcheck", *args], capture_output=True,
                            text=True, check=False)
    assert result.returncode == 0 and "extract" in result.stdout


def test_help_does_not_import_heavy_modules() -> None:
    code = ("import sys; from factcheck.cli import app; "
            "heavy = [m for m in ('pydantic', 'babel', 'pint', 'pandas') if m in sys.modules]; "
            "print(','.join(heavy))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            check=True)
    assert result.stdout.strip() == ""
