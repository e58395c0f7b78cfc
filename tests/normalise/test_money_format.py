"""Amounts and rates as a writer of each language prints them, and read back by the
extractor as the same figure."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.extract import extract_text
from factcheck.model import LANGS, Lang
from factcheck.normalise.money_format import format_amount, format_rate

NNBSP = "\u202f"  # babel's French group separator


@pytest.mark.parametrize(("value", "currency", "lang", "expected"), [
    (80.9e12, "IDR", "id", "Rp 80,9 triliun"),
    (81e12, "IDR", "id", "Rp 81 triliun"),
    (5e9, "USD", "id", "US$ 5 miliar"),
    (5.83e9, "USD", "id", "US$ 5,83 miliar"),
    (1303e12, "IDR", "id", "Rp 1.303 triliun"),
    (16_250, "IDR", "id", "Rp 16.250"),
    (129e6, "EUR", "id", "€ 129 juta"),
    (2.5e9, "SGD", "id", "S$ 2,5 miliar"),
    (7e9, "GBP", "id", "£ 7 miliar"),
    (4.2e9, "CHF", "id", "CHF 4,2 miliar"),
    (80.9e9, "EUR", "fr", "80,9 milliards d'euros"),
    (5e9, "USD", "fr", "5 milliards de dollars"),
    (1.5e9, "USD", "fr", "1,5 milliard de dollars"),
    (1303e9, "IDR", "fr", f"1{NNBSP}303 milliards de rupiahs"),
    (3e6, "GBP", "fr", "3 millions de livres sterling"),
    (16_250, "EUR", "fr", f"16{NNBSP}250 euros"),
    (80.9e9, "USD", "en", "$80.9 billion"),
    (80.9e12, "IDR", "en", "Rp 80.9 trillion"),
    (5e9, "EUR", "en", "€5 billion"),
    (1303e12, "IDR", "en", "Rp 1,303 trillion"),
    (16_250.5, "USD", "en", "$16,250.5"),
    (-2e9, "USD", "en", "-$2 billion"),
    (999.9996e9, "USD", "en", "$1 trillion"),  # rounding carries to the next word
])
def test_format_amount(value: float, currency: str, lang: Lang, expected: str) -> None:
    assert format_amount(value, currency, lang) == expected


def test_fixed_decimals_keep_zeros() -> None:
    assert format_amount(64e12, "IDR", "id", decimals=1) == "Rp 64,0 triliun"
    assert format_amount(64.96e12, "IDR", "id", decimals=0) == "Rp 65 triliun"
    assert format_amount(5.835e9, "USD", "en", decimals=2) == "$5.84 billion"


@pytest.mark.parametrize(("rate", "lang", "expected"), [
    (16_288.4, "en", "16,288 IDR/USD"),
    (16_288.4, "id", "16.288 IDR/USD"),
    (16_288.4, "fr", f"16{NNBSP}288 IDR/USD"),
    (15_600.0, "id", "15.600 IDR/USD"),
])
def test_format_rate_whole_numbers(rate: float, lang: Lang, expected: str) -> None:
    assert format_rate(rate, "USD", "IDR", lang) == expected


def test_format_rate_significant_digits() -> None:
    assert format_rate(1.08943, "EUR", "USD", "en") == "1.089 USD/EUR"
    assert format_rate(1.08943, "EUR", "USD", "id") == "1,089 USD/EUR"
    assert format_rate(0.0000613874, "IDR", "USD", "fr") == "0,00006139 USD/IDR"
    assert format_rate(99.996, "USD", "INR", "en") == "100 INR/USD"
    with pytest.raises(ValueError):
        format_rate(0.0, "USD", "IDR", "en")


# Every currency the ECB publishes today, written with a symbol, a name or its code.
ROUND_TRIP = ("IDR", "USD", "EUR", "GBP", "JPY", "SGD", "AUD", "HKD", "CHF", "CNY", "INR",
              "MYR", "CAD", "ZAR", "KRW", "NZD", "THB", "PHP", "BRL", "MXN", "TRY", "SEK",
              "NOK", "DKK", "PLN", "CZK", "HUF", "ILS", "RON", "BGN", "ISK")



@pytest.mark.parametrize(("text", "lang", "currency", "value"), [
    ("1 ringgit", "fr", "MYR", 1.0), ("RON 5 miliar", "id", "RON", 5e9),
    ("BGN 5 billion", "en", "BGN", 5e9), ("5 milliards ISK", "fr", "ISK", 5e9),
])
def test_formatted_amounts_read_back(text: str, lang: Lang, currency: str, value: float) -> None:
    assert format_amount(value, currency, lang) == text
    money = [f for f in extract_text(text, lang) if f.kind == "money"]
    assert [(f.value, f.currency) for f in money] == [(value, currency)]


@settings(max_examples=300, deadline=None)
@given(mantissa=st.floats(1.0, 9.999, allow_nan=False), exponent=st.integers(0, 15),
       currency=st.sampled_from(ROUND_TRIP), lang=st.sampled_from(LANGS))
def test_extractor_reads_back_the_amount(mantissa: float, exponent: int, currency: str,
                                         lang: Lang) -> None:
    value = mantissa * 10.0**exponent
    text = format_amount(value, currency, lang)
    money = [f for f in extract_text(text, lang) if f.kind == "money"]
    assert len(money) == 1, (text, money)
    figure = money[0]
    assert figure.currency == currency, text
    # At most 3 decimals on a number >= 1 before a scale word; 2 decimals written in full.
    assert abs(figure.value - value) <= max(5e-4 * value, 0.005) * (1 + 1e-9), text
    assert figure.low is not None and figure.high is not None
    assert figure.low <= figure.value <= figure.high
