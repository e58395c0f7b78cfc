"""Rule packs are validated strictly: every bad value, key or file is a ConfigError naming
the file, the line and the field (exit 2), never an internal error or a silent default."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from typer.testing import CliRunner

from factcheck.cli import app
from factcheck.engine.packs import MAX_PACK_BYTES, load_pack
from factcheck.errors import ConfigError
from factcheck.registry import CheckOptions

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize(
    ("content", "line", "field", "message"),
    [
        ("checks:\n  FX002: {options: {tolerance: -0.1}}\n", 2,
         "checks.FX002.options.tolerance", "must not be negative (got -0.1)"),
        ("checks:\n  FX002:\n    options:\n      tolerance: .nan\n", 4,
         "checks.FX002.options.tolerance", "Input should be a finite number (got nan)"),
        ("checks:\n  FX002:\n    options: {tolerance: .inf}\n", 3,
         "checks.FX002.options.tolerance", "Input should be a finite number (got inf)"),
        ("checks:\n  FX005: {options: {tolerance: true}}\n", 2,
         "checks.FX005.options.tolerance", "Input should be a valid number (got True)"),
        ("checks:\n  AR001: {options: {tolerance: '0.1'}}\n", 2,
         "checks.AR001.options.tolerance", "Input should be a valid number (got '0.1')"),
        ("checks:\n  AR001: {options: {window: 2.5}}\n", 2,
         "checks.AR001.options.window", "Input should be a valid integer (got 2.5)"),
        ("checks:\n  DT001: {options: {grace_days: -1}}\n", 2,
         "checks.DT001.options.grace_days", "must not be negative (got -1)"),
        ("checks:\n  FX002: {enabled: 1}\n", 2, "checks.FX002.enabled",
         "Input should be a valid boolean (got 1)"),
        ("extraction:\n  approx_tolerance: -0.05\n", 2, "extraction.approx_tolerance",
         "Input should be greater than or equal to 0 (got -0.05)"),
        ("extraction:\n  approx_tolerance: 1.5\n", 2, "extraction.approx_tolerance",
         "Input should be less than 1 (got 1.5)"),
        ("extraction:\n  approx_tolerance: false\n", 2, "extraction.approx_tolerance",
         "Input should be a valid number (got False)"),
        ("extraction:\n  bare_dollar: XYZ\n", 2, "extraction.bare_dollar",
         "unknown currency code 'XYZ' (expected an ISO 4217 code such as USD, EUR, IDR)"),
        ("checks:\n  FX002: {severity: error}\n  FX001: {}\n  FX002: {enabled: false}\n", 4,
         "checks.FX002", "duplicate key 'FX002' (first on line 2)"),
        ("checks:\n  FX002: {options: {tolerance: 0.1, tolerance: 0.2}}\n", 2,
         "checks.FX002.options.tolerance", "duplicate key 'tolerance' (first on line 2)"),
        ("checks:\n  FX002: {options: {tolerence: 0.1}}\n", 2,
         "checks.FX002.options.tolerence", "unknown option"),
    ],
)
def test_a_bad_value_names_file_line_and_field(tmp_path: Path, content: str, line: int,
                                                field: str, message: str) -> None:
    pack = tmp_path / "bad.yaml"
    pack.write_text(content, encoding="utf-8")
    with pytest.raises(ConfigError) as caught:
        load_pack(pack)
    error = caught.value
    assert (error.path, error.line, error.field, error.message) == (str(pack), line, field,
                                                                    message)


def test_a_bad_option_in_a_parent_pack_names_the_parent(tmp_path: Path) -> None:
    parent = tmp_path / "parent.yaml"
    parent.write_text("extends: default\nchecks:\n  UN001:\n    options: {tolerance: -1}\n",
                      encoding="utf-8")
    child = tmp_path / "child.yaml"
    child.write_text("extends: parent.yaml\nchecks:\n  FX001: {enabled: false}\n",
                     encoding="utf-8")
    with pytest.raises(ConfigError) as caught:
        load_pack(child)
    assert (caught.value.path, caught.value.line) == (str(parent), 4)


def test_options_refuse_what_a_lax_model_would_coerce() -> None:
    class Options(CheckOptions):
        tolerance: float = 0.1
        window: int = 3

    assert Options(tolerance=1, window=2).tolerance == 1.0  # an int is a number
    for bad in ({"tolerance": True}, {"tolerance": "0.2"}, {"tolerance": float("nan")},
                {"window": -2}, {"window": 2.0}):
        with pytest.raises(ValueError):
            Options(**bad)  # type: ignore[arg-type]


def test_a_pack_not_in_utf8_names_the_line(tmp_path: Path) -> None:
    pack = tmp_path / "latin1.yaml"
    pack.write_bytes(b"name: test\nchecks:\n  FX001: {enabled: false}  # caf\xe9\n")
    with pytest.raises(ConfigError) as caught:
        load_pack(pack)
    assert caught.value.line == 3 and "invalid UTF-8: byte 0xe9" in caught.value.message


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes")
def test_a_pack_that_is_a_pipe_or_too_large_is_refused_without_reading_it(
        tmp_path: Path) -> None:
    fifo = tmp_path / "pack.yaml"
    os.mkfifo(fifo)  # reading it would block forever
    with pytest.raises(ConfigError, match=r"not a regular file \(a named pipe\)"):
        load_pack(fifo)
    big = tmp_path / "big.yaml"
    big.write_bytes(b"# " + b"x" * MAX_PACK_BYTES + b"\n")
    with pytest.raises(ConfigError, match="rule pack larger than 10 MB"):
        load_pack(big)


def test_a_bad_pack_exits_2_and_names_where(tmp_path: Path) -> None:
    pack = tmp_path / "p.yaml"
    pack.write_text("checks:\n  FX002: {options: {tolerance: .nan}}\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["audit", str(ROOT / "examples"), "--rules", str(pack)])
    code, err = result.exit_code, result.stderr
    assert code == 2
    assert f"{pack}:2: checks.FX002.options.tolerance: Input should be a finite number" in err
    assert "internal error" not in err and "Traceback" not in err
