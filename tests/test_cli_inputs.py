"""`--max-input-size` on `audit` and `extract`: parsed as a size, applied to every input."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import typer
from hypothesis import given
from hypothesis import strategies as st
from typer.testing import CliRunner

from factcheck.cli import app
from factcheck.cli.options import parse_size

WRONG = ("Perusahaan itu merugi US$ 5 miliar atau sekitar Rp 77,5 triliun, sementara "
         "pendapatannya US$ 3 miliar (Rp 52 triliun).\n")


@given(number=st.integers(1, 10**9), unit=st.sampled_from(["", "k", "m", "g"]),
       tail=st.sampled_from(["", "b", "ib"]), upper=st.booleans(), space=st.booleans())
def test_sizes_in_bytes_and_binary_multiples(number: int, unit: str, tail: str, upper: bool,
                                             space: bool) -> None:
    written = f"{number}{' ' if space else ''}{unit}{tail if unit else tail.lstrip('i')}"
    expected = number * {"": 1, "k": 1024, "m": 1024**2, "g": 1024**3}[unit]
    assert parse_size(written.upper() if upper else written) == expected


@pytest.mark.parametrize("written", ["", "0", "0M", "-5", "1.5M", "64T", "M", "64 M B", "6x"])
def test_what_is_not_a_size(written: str) -> None:
    with pytest.raises(typer.BadParameter, match="is not a size"):
        parse_size(written)


def test_audit_and_extract_apply_the_cap_and_still_read_the_rest(tmp_path: Path) -> None:
    big = tmp_path / "big.md"
    big.write_text(WRONG * 20, encoding="utf-8")
    good = tmp_path / "good.md"
    good.write_text(WRONG, encoding="utf-8")
    runner = CliRunner()
    audited = runner.invoke(app, ["audit", str(big), str(good), "--max-input-size", "1K",
                                  "--format", "json"])
    assert audited.exit_code == 2, audited.output
    findings = json.loads(audited.stdout)["findings"]
    assert [(f["path"], f["message"]) for f in findings if f["code"] == "IN001"] == [
        (str(big), f"file of {big.stat().st_size:,} bytes is over the input size cap of "
                   "1,024 bytes (--max-input-size)")]
    assert "FX001" in {f["code"] for f in findings if f["path"] == str(good)}
    assert runner.invoke(app, ["audit", str(big), "--format", "json"]).exit_code == 1
    extracted = runner.invoke(app, ["extract", str(big), str(good), "--max-input-size", "1k"])
    assert extracted.exit_code == 2
    assert [d["path"] for d in json.loads(extracted.stdout)["documents"]] == [str(good)]
    assert "over the input size cap of 1,024 bytes" in extracted.stderr
    refused = runner.invoke(app, ["extract", str(good), "--max-input-size", "lots"])
    assert refused.exit_code == 2 and "'lots' is not a size" in refused.output
