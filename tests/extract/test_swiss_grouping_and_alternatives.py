"""Digits grouped with an apostrophe as Swiss copy writes them, and two numbers given as
alternatives read as one range (sentences written for these tests)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from factcheck.extract import extract_text
from factcheck.extract.numbers import parse_numeral
from factcheck.lang.cldr_data import number_symbols
from factcheck.lang.loader import common
from factcheck.model import Figure


def money(text: str, lang: str) -> list[Figure]:
    return [f for f in extract_text(text, lang) if f.kind == "money"]  # type: ignore[arg-type]


@pytest.mark.parametrize("locale", ["de_CH", "fr_CH", "it_CH", "de_LI"])
def test_the_apostrophes_read_hold_cldrs_swiss_group_symbol(locale: str) -> None:
    group = number_symbols(locale)[1]
    assert group in common().typography.digit_group_apostrophes
    assert "\u2019" in common().typography.digit_group_apostrophes  # its typeset form


@pytest.mark.parametrize(("text", "lang", "value", "currency"), [
    ("Le salaire médian atteint 84'200 francs suisses à Lausanne.", "fr", 84_200, "CHF"),
    ("The Zurich bank paid CHF 1'250'000 in fines.", "en", 1_250_000, "CHF"),
    ("The Geneva bonus was 1’500 Swiss francs in all.", "en", 1_500, "CHF"),
    ("Bank di Jenewa itu didenda CHF 2'400'000.", "id", 2_400_000, "CHF"),
    ("Le loyer bâlois moyen vaut CHF 1'875.50.", "fr", 1_875.5, "CHF"),
])
def test_digits_grouped_with_an_apostrophe_in_any_language(
        text: str, lang: str, value: float, currency: str) -> None:
    f, = money(text, lang)
    assert (f.value, f.currency) == (pytest.approx(value), currency)


@pytest.mark.parametrize("text", [
    "He said '200' was the figure.",   # a quoted number
    "The '500 club' met in Bern.",
    "Rated 4'5 by the panel.",          # not three digits
    "The code 12'3456 is an id.",
])
def test_an_apostrophe_that_is_a_quote_or_no_group_is_not_read_as_one(text: str) -> None:
    assert all("'" not in f.text or f.value < 100 for f in extract_text(text, "en"))


def test_an_apostrophe_never_marks_the_decimals() -> None:
    assert parse_numeral("1.250'000", "en") is None
    assert parse_numeral("1'25", "fr") is None


@given(st.integers(min_value=1_000, max_value=10**15), st.sampled_from(["id", "fr", "en"]),
       st.sampled_from(["'", "\u2019"]))
def test_swiss_grouping_reads_back_the_number(n: int, lang: str, mark: str) -> None:
    written = f"{n:,}".replace(",", mark)
    parsed = parse_numeral(written, lang)
    assert parsed is not None and parsed.value == n


@pytest.mark.parametrize(("text", "lang", "low", "high", "currency"), [
    ("Au Maroc, un taxi coûte 152 ou 153 dirhams.", "fr", 152, 153, "MAD"),
    ("The ferry ticket costs 10 or 12 dollars.", "en", 10, 12, "USD"),
    ("Proyek itu butuh 5 atau 6 miliar rupiah.", "id", 5e9, 6e9, "IDR"),
    ("Le chantier coûtera 3 ou 4 milliards d'euros.", "fr", 3e9, 4e9, "EUR"),
    ("The plant will cost 2 or 3 billion dollars.", "en", 2e9, 3e9, "USD"),
])
def test_alternatives_share_the_scale_and_currency_written_once(
        text: str, lang: str, low: float, high: float, currency: str) -> None:
    f, = money(text, lang)
    assert f.range_first is not None and f.qualifier == "range"
    assert (f.range_first[0], f.value + (f.value - f.range_first[0]), f.currency) == (
        pytest.approx(low), pytest.approx(high), currency)


@pytest.mark.parametrize(("text", "lang", "currencies"), [
    ("The fare is $5 or Rp 70,000 at the gate.", "en", ["USD", "IDR"]),
    ("Tiketnya US$ 5 atau Rp 70.000 saja.", "id", ["USD", "IDR"]),
    ("Il a payé 4 milliards de dollars ou 3,7 milliards d'euros.", "fr", ["USD", "EUR"]),
])
def test_an_alternative_after_a_sign_or_a_scale_word_stays_two_amounts(
        text: str, lang: str, currencies: list[str]) -> None:
    found = money(text, lang)
    assert [f.currency for f in found] == currencies
    assert all(f.range_first is None for f in found)


def test_years_given_as_alternatives_are_no_amount() -> None:
    f, = money("In 2019 or 2020 the group paid $4 billion.", "en")
    assert (f.value, f.range_first) == (4e9, None)
