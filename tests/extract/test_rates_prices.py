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
    # a name that may be something else is not: a pound of weight
    assert kinds("Cocoa futures hit $4.10 a pound on Monday.", "en")[0][1] != "rate"


def test_an_amount_of_one_unit_with_a_scale_word_stays_money() -> None:
    found = kinds("The fund lent $1 billion to Kenya and N820 billion to Nigeria.", "en")
    assert [k for _, k, *_ in found] == ["money", "money"]


def test_a_price_word_before_an_amount_without_a_scale_word_makes_it_a_price() -> None:
    assert kinds("In Kenya a litre of diesel costs $0.64 this week.", "en") == [
        ("$0.64", "price", 0.64, "USD", "liter")]
    assert kinds("The group's shares fell 3 percent to £2.15 on Monday.", "en") == [
        ("3 percent", "percent", 0.03, None, None), ("£2.15", "price", 2.15, "GBP", "share")]
    assert kinds("The bid beat the closing price of AUD5.40 by a third.", "en") == [
        ("AUD5.40", "price", 5.4, "AUD", "unit")]
    assert kinds("Di Jakarta harga bensin Rp 10.000 per liter, Rp 9.800 di Bekasi.",
                 "id")[0][1] == "price"


def test_a_price_word_leaves_money_with_a_scale_word_or_in_another_clause() -> None:
    text = ("The price of the deal was $4.5 billion. Fuel prices rose; the state then paid "
            "$700 to each driver.")
    assert [k for _, k, *_ in kinds(text, "en")] == ["money", "money"]
    assert kinds("The ticket costs $5 at the gate.", "en")[0][1] == "money"
    assert kinds("A litre of milk costs $5 at the gate.", "en")[0][1] == "price"


def test_what_restates_a_price_is_a_price_of_the_same_unit() -> None:
    text = ("Nigerian drivers pay more than the naira suggests. Ghana sells diesel at "
            "$0.71 per litre (N294), Togo at $1.02 per litre, which is about N423, and "
            "Benin at $0.64 per litre, translating to N265.")
    found = figures(text, "en")
    assert [(f.text, f.kind, f.currency, f.unit) for f in found] == [
        ("$0.71 per litre", "price", "USD", "liter"), ("N294", "price", "NGN", "liter"),
        ("$1.02 per litre", "price", "USD", "liter"), ("N423", "price", "NGN", "liter"),
        ("$0.64 per litre", "price", "USD", "liter"), ("N265", "price", "NGN", "liter"),
    ]
    assert [f.equivalent_of for f in found] == [None, "f1", None, "f3", None, "f5"]


def test_a_denominator_after_a_bracketed_restatement_prices_both_ends() -> None:
    text = "Nigeria's naira buys little: Kenya sells it at 30 cents (N125) average per litre."
    assert [(f.kind, f.currency, f.unit, f.equivalent_of) for f in figures(text, "en")] == [
        ("price", "USD", "liter", None), ("price", "NGN", "liter", "f1")]


def test_two_currencies_joined_by_a_dash_are_a_restatement_not_a_range() -> None:
    text = "Nigeria's naira is weak: Angola is seventh ($0.35 – N145/l) on the list."
    assert [(f.text, f.kind, f.currency, f.unit, f.equivalent_of)
            for f in figures(text, "en")] == [
        ("$0.35", "price", "USD", "liter", None), ("N145/l", "price", "NGN", "liter", "f1")]
    ranged = figures("The bank lent US$1-$2 billion last year.", "en")
    assert [(f.qualifier, f.low, f.high) for f in ranged] == [("range", 0.5e9, 2.5e9)]


def test_is_alone_between_two_currencies_restates() -> None:
    text = ("Nigeria's naira buys little. Chad's 0.05 cents is N20.7 per litre, and 30 cents "
            "per litre of diesel is N125 there.")
    assert [(f.text, f.kind, f.currency, f.unit, f.equivalent_of)
            for f in figures(text, "en")] == [
        ("0.05 cents", "price", "USD", "liter", None),
        ("N20.7 per litre", "price", "NGN", "liter", "f1"),
        ("30 cents per litre", "price", "USD", "liter", None),
        ("N125", "price", "NGN", "liter", "f3"),
    ]


def test_an_elided_article_is_no_litre() -> None:
    text = "Après la chute, l'action du groupe vaut moins de 12 euros."
    assert kinds(text, "fr") == [("12 euros", "price", 12.0, "EUR", "share")]


def test_a_minor_unit_is_a_hundredth_of_its_currency() -> None:
    text = "Bus fares rose by 80 sen. A loaf gained 45 kobo. Stamps cost 75 paise more."
    assert [(t, v, c) for t, _, v, c, _ in kinds(text, "en")] == [
        ("80 sen", 0.8, "MYR"), ("45 kobo", 0.45, "NGN"), ("75 paise", 0.75, "INR")]


def test_a_price_per_a_count_of_units_and_its_bracketed_conversion() -> None:
    text = ("Johor pays 4 sen per 1,000 gallons of raw water. It sells treated water at "
            "60 sen (14 cents) per 1,000 gallons.")
    found = figures(text, "en")
    assert [(f.text, f.kind, f.currency, f.unit) for f in found] == [
        ("4 sen per 1,000 gallons", "price", "MYR", "1000gallon"),
        ("60 sen", "price", "MYR", "1000gallon"),
        ("14 cents", "price", "USD", "1000gallon")]
    assert found[2].equivalent_of == found[1].id
    assert kinds("Le gazole coûte 90 euros par 1 000 litres.", "fr") == [
        ("90 euros par 1 000 litres", "price", 90.0, "EUR", "1000liter")]


def test_a_price_verb_about_one_whole_thing_is_money_its_next_sentence_restates() -> None:
    for text, lang in [
        ("Kapal bekas itu dihargai 7.400 riyal. Harga itu setara dengan Rp 31 juta.", "id"),
        ("The old boat was priced at 7,400 riyals. That is about $1,973.", "en"),
        ("Le vieux bateau a été vendu 7 400 riyals. Cela représente environ 1 820 euros.",
         "fr"),
    ]:
        first, second = figures(text, lang)
        assert (first.kind, first.value, first.unit) == ("money", 7400, None), text
        assert second.equivalent_of == first.id, text


def test_a_price_verb_after_a_unit_still_makes_a_price() -> None:
    assert kinds("Solar per liter dihargai Rp 6.800 di Jambi.", "id")[-1] == (
        "Rp 6.800", "price", 6800.0, "IDR", "liter")
    assert kinds("A litre of diesel was priced at $0.95 in Lagos.", "en") == [
        ("$0.95", "price", 0.95, "USD", "liter")]


def test_that_is_restates_only_with_a_word_of_approximation() -> None:
    fare, more = figures("The fare was 30 dollars. That is $5 more than in May.", "en")
    assert more.equivalent_of is None
    fare, euros = figures("The fare was 30 dollars. That is about 27 euros.", "en")
    assert euros.equivalent_of == fare.id


def test_a_currency_quoted_by_a_verb_is_a_rate_of_that_currency() -> None:
    assert kinds("On Friday the dollar traded at 0.94 euro in late dealing.", "en") == [
        ("0.94 euro", "rate", 0.94, "EUR", "USD")]
    assert kinds("The yen weakened to 151 per dollar, its weakest in a year.", "en") == [
        ("151 per dollar", "rate", 151.0, "JPY", "USD")]
    assert kinds("Mardi, le dollar s'échangeait à 0,94 euro à Paris.", "fr") == [
        ("0,94 euro", "rate", 0.94, "EUR", "USD")]
    assert kinds("Pagi ini dolar AS diperdagangkan di Rp 15.900 di pasar spot.", "id") == [
        ("Rp 15.900", "rate", 15900.0, "IDR", "USD")]


def test_a_change_and_a_time_may_stand_between_the_quoting_verb_and_its_preposition() -> None:
    assert kinds("The yen weakened 0.4% this week to 151 per dollar.", "en") == [
        ("0.4%", "percent", 0.004, None, None), ("151 per dollar", "rate", 151.0, "JPY", "USD")]
    assert kinds("La roupie indienne a gagné 0,5 % cette semaine à 0,0113 euro.", "fr") == [
        ("0,5 %", "percent", 0.005, None, None), ("0,0113 euro", "rate", 0.0113, "EUR", "INR")]
    assert kinds("Sore ini dolar AS ditutup menguat ke level Rp 16.250.", "id") == [
        ("Rp 16.250", "rate", 16250.0, "IDR", "USD")]
    # a clause break between the verb and the amount: another sentence's figure
    assert kinds("The euro fell. Analysts expect $1.10 coffee at the fair.", "en")[0][1] != "rate"


def test_a_quoted_currency_several_share_is_decided_by_the_document() -> None:
    text = "In India, the rupee was quoted at 0.0113 euro on Tuesday."
    assert kinds(text, "en") == [("0.0113 euro", "rate", 0.0113, "EUR", "INR")]
    assert kinds("En Inde, la roupie valait 0,0113 euro mardi.", "fr") == [
        ("0,0113 euro", "rate", 0.0113, "EUR", "INR")]
    # nothing says which rupee: not a rate of a guessed one
    assert kinds("The rupee was quoted at 0.0113 euro on Tuesday.", "en")[0][1] != "rate"


def test_a_quoting_verb_without_a_currency_subject_or_with_a_sum_is_no_rate() -> None:
    assert kinds("Shares of the bank traded at €1.20 on Monday.", "en")[0][1] == "price"
    assert kinds("The euro zone's aid budget rose to $5 billion.", "en")[0][1] == "money"
    assert kinds("The dollar traded at $1.02 in Toronto.", "en")[0][1] != "rate"
    # the currency modifies another noun: the bonds' price, an index
    assert kinds("The euro bonds traded at 98 cents on Monday.", "en")[0][1] != "rate"
    assert kinds("The dollar index rose to $1.05 in a test.", "en")[0][1] != "rate"
    assert kinds("The rupee, weak all week, traded at 0.0113 euro in India.", "en") == [
        ("0.0113 euro", "rate", 0.0113, "EUR", "INR")]
    # a name that may be something else: a pound of weight
    assert kinds("A pound of beef rose to €12 in Dublin.", "en")[0][1] != "rate"
    # a number between the currency and the verb: another subject
    text = "The rupiah fell 2 percent; the fund's unit traded at €1.20."
    assert [k for _, k, *_ in kinds(text, "en")] == ["percent", "price"]
