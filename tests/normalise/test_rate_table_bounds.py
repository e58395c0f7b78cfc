"""A rate table is refused when it is loaded, with file:line:field, for rates no currency
pair has (beyond 1e-9 .. 1e9, zero, negative, NaN, infinite), and for a file that is not a
regular file, is too large or is not UTF-8: never accepted to crash or mislead later."""

from __future__ import annotations

import math
import os
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from factcheck.engine.audit import audit_paths
from factcheck.errors import ConfigError
from factcheck.normalise.fx import provider_from
from factcheck.normalise.fx_csv import MAX_RATE, MAX_TABLE_BYTES, MIN_RATE, CsvRates

HEADER = "date,base,quote,rate\n"


def table(tmp_path: Path, *rates: str) -> Path:
    path = tmp_path / "rates.csv"
    rows = [f"2024-07-{day:02d},USD,IDR,{rate}" for day, rate in enumerate(rates, 1)]
    path.write_text(HEADER + "\n".join(rows) + "\n", encoding="utf-8")
    return path


@pytest.mark.parametrize(("rate", "message"), [
    ("1e308", "out of range: '1e308' (a rate is from 1e-09 to 1e+09 units of quote per base)"),
    ("1e-320", "out of range: '1e-320'"),
    ("2e9", "out of range: '2e9'"),
    ("0", "must be a positive number, got '0'"),
    ("-16200", "must be a positive number, got '-16200'"),
    ("nan", "not a finite number: 'nan'"),
    ("inf", "not a finite number: 'inf'"),
    ("1e999", "not a finite number: '1e999'"),
])
def test_an_extreme_rate_is_refused_at_load_with_file_line_and_field(
        tmp_path: Path, rate: str, message: str) -> None:
    path = table(tmp_path, "16200", rate)
    with pytest.raises(ConfigError) as caught:
        CsvRates(path)
    assert (caught.value.path, caught.value.line, caught.value.field) == (str(path), 3, "rate")
    assert caught.value.message.startswith(message)


@given(st.floats(min_value=MIN_RATE, max_value=MAX_RATE))
def test_every_accepted_rate_and_its_inverse_stay_finite_and_normal(rate: float) -> None:
    for value in (rate, 1 / rate, rate * 1e280, 1e280 / rate):
        assert math.isfinite(value) and value != 0


def test_the_bounds_hold_the_widest_real_pairs(tmp_path: Path) -> None:
    rates = CsvRates(table(tmp_path, "4200000", "0.00000024"))  # VES/USD 2021, and inverse
    assert rates.rate("USD", "IDR", date(2024, 7, 1)).rate == 4.2e6


def test_an_audit_with_an_extreme_rate_table_is_a_config_error(tmp_path: Path) -> None:
    article = tmp_path / "a.md"
    article.write_text("US$ 5 miliar (sekitar Rp 81 triliun).\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="out of range"):
        audit_paths([article], rates=table(tmp_path, "1e308"))


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes")
def test_a_table_that_is_a_pipe_a_device_or_too_large_is_never_read(tmp_path: Path) -> None:
    fifo = tmp_path / "fifo.csv"
    os.mkfifo(fifo)  # reading it would block the run forever
    with pytest.raises(ConfigError, match=r"not a regular file \(a named pipe\)"):
        provider_from(fifo)
    if Path("/dev/zero").exists():  # reading it would fill the memory
        with pytest.raises(ConfigError, match=r"not a regular file \(a character device\)"):
            provider_from(Path("/dev/zero"))
    with pytest.raises(ConfigError, match=r"not a regular file \(a directory\)"):
        provider_from(tmp_path)
    big = tmp_path / "big.csv"
    with big.open("wb") as handle:
        handle.write(HEADER.encode())
        handle.truncate(MAX_TABLE_BYTES + 1)
    with pytest.raises(ConfigError, match="rate table larger than 64 MB: refused"):
        provider_from(big)


def test_a_table_not_in_utf8_or_not_csv_names_the_line(tmp_path: Path) -> None:
    path = tmp_path / "latin1.csv"
    path.write_bytes(b"\xef\xbb\xbf" + HEADER.encode() + b"2024-07-01,USD,IDR,16200\n"
                     b"2024-07-02,USD,IDR,16200 \xa0\n")
    with pytest.raises(ConfigError) as caught:
        CsvRates(path)
    assert caught.value.line == 3 and "invalid UTF-8: byte 0xa0" in caught.value.message
    huge_cell = tmp_path / "cell.csv"
    huge_cell.write_text(HEADER + '2024-07-01,USD,IDR,"' + "1" * 200_000 + '"\n',
                         encoding="utf-8")
    with pytest.raises(ConfigError, match="not valid CSV") as caught:
        CsvRates(huge_cell)
    assert caught.value.line == 2


def test_quoted_values_in_errors_are_short(tmp_path: Path) -> None:
    path = tmp_path / "long.csv"
    path.write_text(HEADER + "2024-07-01,USD,IDR," + "9" * 50_000 + "x\n", encoding="utf-8")
    with pytest.raises(ConfigError) as caught:
        CsvRates(path)
    assert len(str(caught.value)) < 300 and "characters)" in str(caught.value)
