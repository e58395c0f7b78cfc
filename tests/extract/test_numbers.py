from __future__ import annotations

from decimal import Decimal

import pytest
from babel.numbers import format_decimal
from hypothesis import given
from hypothesis import strategies as st

from factcheck.extract.numbers import parse_numeral


@pytest.mark.parametrize(
    ("token", "lang", "value", "step"),
    [
        ("1.303", "id", 1303, 1),
        ("1.303", "en", 1.303, 0.001),
        ("5,83", "id", 5.83, 0.01),
        ("5,83", "fr", 5.83, 0.01),
        ("16,200", "en", 16200, 100),
        ("1 200", "fr", 1200, 100),
        ("1\u202f200", "fr", 1200, 100),
        ("1\u00a0200,5", "fr", 1200.5, 0.1),
        ("1.900", "fr", 1900, 100),
        ("14.306,5", "id", 14306.5, 0.1),
        ("377,045,000", "id", 377045000, 1000),
        ("1.7", "id", 1.7, 0.1),
        ("64", "id", 64, 1),
        ("80", "id", 80, 10),
        ("1.300", "id", 1300, 100),
        ("5,80", "id", 5.8, 0.01),
    ],
)
def test_reads_each_language_convention(
    token: str, lang: str, value: float, step: float
) -> None:
    numeral = parse_numeral(token, lang)  # type: ignore[arg-type]
    assert numeral is not None
    assert numeral.value == pytest.approx(value)
    assert numeral.step == pytest.approx(step)


def test_trailing_zeros_can_be_significant() -> None:
    numeral = parse_numeral("1.300", "id", trailing_zeros_significant=True)
    assert numeral is not None and numeral.step == 1


@pytest.mark.parametrize("token", ["192.168.1.2", "12.34.5", "1.2,3.4", "2015 300", "1,2345,6"])
def test_refuses_tokens_that_are_not_one_number(token: str) -> None:
    assert parse_numeral(token, "en") is None
    assert parse_numeral(token, "id") is None


@given(
    st.decimals(min_value=0, max_value=10**12, places=2, allow_nan=False, allow_infinity=False),
    st.sampled_from(["id", "fr", "en"]),
)
def test_round_trips_babel_formatted_numbers(number: Decimal, lang: str) -> None:
    """Whatever CLDR writes for a language, the parser reads back in that language."""
    written = format_decimal(number, format="#,##0.##", locale=lang)
    numeral = parse_numeral(written, lang)  # type: ignore[arg-type]
    assert numeral is not None, written
    assert numeral.value == pytest.approx(float(number), rel=1e-12, abs=1e-9)


@given(st.text(alphabet="0123456789., \u00a0\u202f", max_size=40), st.sampled_from(["id", "en"]))
def test_never_raises(token: str, lang: str) -> None:
    parse_numeral(token.strip(), lang)  # type: ignore[arg-type]
