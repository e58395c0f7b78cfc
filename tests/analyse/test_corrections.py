"""Corrected figures tested against the arithmetic they claim, and numbers in messages
written the way the article writes them."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import factcheck
from factcheck.analyse.conversions import Conversion, implied
from factcheck.analyse.corrections import admits, corrected, implied_by, reread, shifted
from factcheck.analyse.restate import about, format_number, number_text, percent_text, restate


def pair(text: str, lang: str = "id") -> Conversion:
    figures = factcheck.extract_text(text, lang)  # type: ignore[arg-type]
    source, converted = figures[0], figures[1]
    assert converted.equivalent_of == source.id
    found = implied(source, converted)
    assert found is not None
    return found


def test_a_correction_at_the_printed_precision_when_it_holds_the_rate() -> None:
    c = pair("US$ 4 miliar (sekitar Rp 64 triliun)")
    assert corrected(c, 16_290.0, "id") == "Rp 65 triliun"


def test_a_correction_one_decimal_finer_when_the_precision_cannot_hold_the_rate() -> None:
    c = pair("US$ 6,42 miliar atau Rp103,8 triliun")
    text = corrected(c, 16_306.4, "id")
    assert text == "Rp104,7 triliun"
    c = pair("US$ 80 miliar (sekitar Rp 1.200 triliun)")  # read as 1.150-1.300
    assert corrected(c, 16_281.0, "id") == "Rp 1.300 triliun"  # read as 1.250-1.400


def test_no_correction_when_none_can_be_written() -> None:
    c = pair("US$ 4 miliar (sekitar Rp 64 triliun)")
    assert corrected(c, 1e-300, "id") is None


def test_moving_the_decimal_keeps_the_digits() -> None:
    c = pair("US$ 31,6 juta (Rp 47,12 miliar)")
    assert shifted(c, 1, "id", low=14_800.0, high=15_200.0) == "Rp 471,2 miliar"
    assert shifted(c, 1, "id", low=16_000.0, high=16_500.0) is None  # the digits are off too


def test_a_corrected_text_is_reread_like_an_article() -> None:
    c = pair("US$ 4 miliar (sekitar Rp 64 triliun)")
    figure = reread("Rp 65 triliun", c.converted, "id")
    assert figure is not None and figure.value == 65e12 and figure.step == 1e12
    assert implied_by(c, figure) == (16_125.0, 16_500.0)
    assert admits(c, "Rp 65 triliun", "id", 16_290.0, 16_290.0)
    assert not admits(c, "Rp 66 triliun", "id", 16_290.0, 16_290.0)
    assert not admits(c, "US$ 65 triliun", "id", 16_290.0, 16_290.0)  # not the currency


@settings(max_examples=60, deadline=None)
@given(st.floats(0.5, 900.0), st.floats(9_000.0, 17_000.0))
def test_every_correction_implies_the_rate_it_claims(dollars: float, rate: float) -> None:
    c = pair(f"US$ {format_number(round(dollars, 1), 1, 'id', '1,0', 1)} miliar "
             f"(sekitar Rp {format_number(round(dollars * 15.0, 1), 1, 'id', '1,0', 1)} triliun)")
    text = corrected(c, rate, "id")
    if text is not None:
        figure = reread(text, c.converted, "id")
        assert figure is not None
        low, high = implied_by(c, figure)
        assert low * (1 - 0.0025) <= rate <= high * (1 + 0.0025)


@pytest.mark.parametrize(("value", "lang", "text"), [
    (16_281.25, "id", "16.281,2"), (16_281.25, "en", "16,281.2"),
    (16_281.25, "fr", "16\u202f281,2"), (0.00123456, "id", "0,00123456"), (3.75, "en", "3.75"),
    (1_173_180.4, "id", "1.173.180"), (15_738.0, "id", "15.738"),
])
def test_numbers_in_messages_follow_the_language(value: float, lang: str, text: str) -> None:
    assert number_text(value, lang) == text


def test_percentages_follow_the_language() -> None:
    assert percent_text(0.035, "id") == "3,5%"
    assert percent_text(0.035, "en") == "3.5%"
    assert percent_text(-0.2, "fr", 1, "+") == "-20,0%"


def test_a_qualifier_is_never_doubled() -> None:
    assert about("Rp 65 triliun", "id") == "about Rp 65 triliun"
    assert about("sekitar Rp 65 triliun", "id") == "sekitar Rp 65 triliun"
    assert about("environ 4,6 milliards d'euros", "fr") == "environ 4,6 milliards d'euros"
    assert about("nearly $5 billion", "en") == "nearly $5 billion"


def test_restating_keeps_the_writers_group_symbol_and_not_its_decimal() -> None:
    figures = factcheck.extract_text("US$ 97,4 miliar (Rp1,51 triliun)", "id")
    # "1,51" had no thousands to group: the thousands of "1.590" are grouped the Indonesian
    # way, never with the writer's decimal comma.
    assert restate(figures[1], 1_594.1e12, "id", step=10e12) == "Rp1.590 triliun"
    assert restate(figures[1], 1_594.1e12, "id", step=10e12, finer=1) == "Rp1.594 triliun"
    figures = factcheck.extract_text("US$ 80 miliar (Rp 1303 triliun)", "id")
    assert restate(figures[1], 1_259.4e12, "id") == "Rp 1259 triliun"
    figures = factcheck.extract_text("US$ 80 miliar (Rp 1.303 triliun)", "id")
    assert restate(figures[1], 1_259.4e12, "id") == "Rp 1.259 triliun"
