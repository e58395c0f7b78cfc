"""Standard input (`-`): read as a file of the name `--stdin-filename` gives it, by audit
and extract, a Word draft and claims data too."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from factcheck.cli import app
from tests.drafts import CONVERSIONS, word_draft

ARTICLE = ("Kerugian mereka US$ 5 miliar (sekitar Rp 81 triliun), belanja modal US$ 7 "
           "miliar (sekitar Rp 114 triliun), aset US$ 80 miliar (sekitar Rp 1.303 triliun)"
           " dan utang US$ 4 miliar (sekitar Rp 64 triliun).\n")
CLAIMS = """records:
  - id: acme-debt
    source: {name: example.org}
    published: 2024-07-30
    lang: id
    subject: Acme
    metric: debt
    period: "2024"
    kind: actual
    value: US$ 4 miliar
    equivalent: sekitar Rp 64 triliun
  - id: acme-assets
    source: {name: example.org}
    published: 2024-07-30
    lang: id
    subject: Acme
    metric: assets
    period: "2024"
    kind: actual
    value: US$ 80 miliar
    equivalent: sekitar Rp 1.303 triliun
  - id: acme-capex
    source: {name: example.org}
    published: 2024-07-30
    lang: id
    subject: Acme
    metric: capex
    period: "2024"
    kind: actual
    value: US$ 7 miliar
    equivalent: sekitar Rp 114 triliun
"""


def _findings(output: str) -> list[dict[str, object]]:
    return list(json.loads(output)["findings"])


def test_audit_reads_standard_input_as_the_file_it_names(tmp_path: Path) -> None:
    runner = CliRunner()
    done = runner.invoke(app, ["audit", "-", "--stdin-filename", "drafts/kerugian.md",
                               "--format", "json", "--isolated"], input=ARTICLE)
    assert done.exit_code == 1, done.output
    (finding,) = [f for f in _findings(done.stdout) if f["code"] == "FX001"]
    assert (finding["path"], finding["line"]) == ("drafts/kerugian.md", 1)
    assert ARTICLE[finding["column"] - 1:].startswith("Rp 64 triliun")
    plain = runner.invoke(app, ["audit", "-", "--isolated"], input=ARTICLE)
    assert plain.stdout.startswith("<stdin>:1:")


def test_a_word_draft_and_claims_data_come_through_standard_input(tmp_path: Path) -> None:
    data = word_draft(tmp_path / "d.docx", CONVERSIONS).read_bytes()
    runner = CliRunner()
    done = runner.invoke(app, ["audit", "--stdin-filename", "draft.docx", "--format", "json",
                               "--isolated"], input=data)
    assert done.exit_code == 1, done.output
    assert [(f["path"], f["line"]) for f in _findings(done.stdout)
            if f["code"] == "FX001"] == [("draft.docx", 5)]
    claims = runner.invoke(app, ["audit", "-", "--stdin-filename", "claims/acme.yaml",
                                 "--format", "json", "--isolated"], input=CLAIMS)
    assert [(f["code"], f["path"], f["line"]) for f in _findings(claims.stdout)
            if f["code"] == "FX001"] == [("FX001", "claims/acme.yaml", 2)]


def test_extract_reads_standard_input_beside_files(tmp_path: Path) -> None:
    other = tmp_path / "other.txt"
    other.write_text("Pendapatan naik 4%.\n", encoding="utf-8")
    done = CliRunner().invoke(app, ["extract", str(other), "-"], input=ARTICLE)
    assert done.exit_code == 0, done.output
    documents = json.loads(done.stdout)["documents"]
    assert [d["path"] for d in documents] == [str(other), "<stdin>"]
    assert [f["text"] for f in documents[1]["figures"]][-1] == "Rp 64 triliun"


def test_standard_input_over_the_cap_is_an_unreadable_input() -> None:
    runner = CliRunner()
    done = runner.invoke(app, ["audit", "-", "--max-input-size", "100", "--format", "json",
                               "--isolated"], input=ARTICLE)
    assert done.exit_code == 2
    (finding,) = _findings(done.stdout)
    assert (finding["code"], finding["path"]) == ("IN001", "<stdin>")
    assert finding["message"] == ("standard input holds more than the input size cap of 100 "
                                  "bytes (--max-input-size)")
    extracted = runner.invoke(app, ["extract", "-", "--max-input-size", "100"], input=ARTICLE)
    assert extracted.exit_code == 2 and "standard input holds more" in extracted.stderr


def test_a_stdin_filename_beside_paths_without_a_dash_is_a_usage_error(tmp_path: Path) -> None:
    other = tmp_path / "other.txt"
    other.write_text("Pendapatan naik 4%.\n", encoding="utf-8")
    done = CliRunner().invoke(app, ["audit", str(other), "--stdin-filename", "a.md",
                                    "--isolated"], input=ARTICLE)
    assert done.exit_code == 2 and "--stdin-filename names standard input" in done.output
    assert CliRunner().invoke(app, ["extract"]).exit_code == 2
