"""Numbers and dates in each locale, from CLDR: what the reports' arithmetic and charts
print, read back as the same value in the locale that wrote it."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from babel.numbers import parse_decimal
from hypothesis import given
from hypothesis import strategies as st

from factcheck.i18n.formats import (
    format_iso_day,
    format_number,
    format_percent,
    format_significant,
)

NNBSP = "\u202f"  # CLDR's French group separator


@pytest.mark.parametrize(("locale", "written"), [
    ("en", ["16,250.5", "4.65 billion", "1 billion", "1,303 trillion", "2.5 million"]),
    ("fr", [f"16{NNBSP}250,5", "4,65 milliards", "1 milliard", f"1{NNBSP}303 billions",
            "2,5 millions"]),
    ("id", ["16.250,5", "4,65 miliar", "1 miliar", "1.303 triliun", "2,5 juta"]),
])
def test_numbers_are_grouped_and_scaled_as_the_locale_writes_them(
        locale: str, written: list[str]) -> None:
    values = [16250.5, 4.65e9, 1e9, 1.303e15, 2.5e6]
    assert [format_number(v, locale) for v in values] == written


def test_percentages_and_dates_in_each_locale() -> None:
    assert [format_percent(-0.0183, loc, signed=True) for loc in ("en", "fr", "id")] == [
        "−1.83%", "−1,83\u00a0%", "−1,83%"]
    assert [format_iso_day("2024-07-29", loc) for loc in ("en", "fr", "id")] == [
        "July 29, 2024", "29 juillet 2024", "29 Juli 2024"]
    assert format_iso_day("2024-02-30", "fr") == "2024-02-30"  # not a date: as written
    assert format_iso_day("r1f2", "id") == "r1f2"


@given(st.floats(min_value=-999_999, max_value=999_999, allow_nan=False),
       st.sampled_from(["en", "fr", "id"]))
def test_a_number_reads_back_as_its_six_significant_digits(value: float, locale: str) -> None:
    written = format_significant(value, locale)
    assert parse_decimal(written, locale=locale, strict=True) == Decimal(f"{value:.6g}")


def test_a_day_is_written_out_in_the_locale() -> None:
    assert format_iso_day(date(2024, 1, 5).isoformat(), "id") == "5 Januari 2024"
