"""Rates and prices are not money amounts: a price of one unit of another currency is a
rate, an amount per litre or per share is a price, and so is what restates one (sentences
written for these tests)."""

from __future__ import annotations

from factcheck.extract import extract_text
from factcheck.model import Figure


def kinds(text: str, lang: str) -> list[tuple[str, str, float, str | None, str | None]]:
    return [(f.text, f.kind, round(f.value, 4), f.currency, f.unit)
            for f in extract_text(text, lang)]  # type: ignore[arg-type]


def figures(text: str, lang: str) -> list[Figure]:
    return list(extract_text(text, lang))  # type: ignore[arg-type]


def test_a_price_of_one_unit_of_another_currency_is_a_rate() -> None:
    text = ("Nigerian traders quoted the naira at N760/$1 on Friday and at N820 to $1 "
            "on Monday.")
    assert kinds(text, "en") == [("N760/$1", "rate", 760.0, "NGN", "USD"),
                                 ("N820 to $1", "rate", 820.0, "NGN", "USD")]
    assert kinds("Di pasar gelap Rp 16.900 untuk US$1 kemarin.", "id") == [
        ("Rp 16.900 untuk US$1", "rate", 16900.0, "IDR", "USD")]


def test_one_unit_equal_to_an_amount_of_another_currency_is_a_rate() -> None:
    assert kinds("Before the vote, £1 equals €1.17 on the market.", "en") == [
        ("£1 equals €1.17", "rate", 1.17, "EUR", "GBP")]
    assert kinds("Sebelum pemilu, £1 sama dengan €1,17.", "id") == [
        ("£1 sama dengan €1,17", "rate", 1.17, "EUR", "GBP")]
    assert kinds("Hari ini SG$ 1 dibanderol di Rp 11.200.", "id") == [
        ("SG$ 1 dibanderol di Rp 11.200", "rate", 11200.0, "IDR", "SGD")]


def test_a_code_in_lower_case_after_a_per_word_is_the_base_of_a_rate() -> None:
    text = "India's planners used Rs74.5 per usd for the whole plan."
    assert kinds(text, "en") == [("Rs74.5 per usd", "rate", 74.5, "INR", "USD")]


def test_an_amount_of_one_unit_with_a_scale_word_stays_money() -> None:
    found = kinds("The fund lent $1 billion to Kenya and N820 billion to Nigeria.", "en")
    assert [k for _, k, *_ in found] == ["money", "money"]
