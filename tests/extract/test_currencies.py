"""Currencies read from CLDR's names and signs and the press forms of the language data, and
what a sign several currencies share means in a document (sentences written for these
tests)."""

from __future__ import annotations

import json
from datetime import date

import pytest

from factcheck.api import audit_text
from factcheck.extract import ExtractOptions, extract_text
from factcheck.model import Document, DocumentFigures, Figure
from factcheck.report.figures import render


def money(text: str, lang: str, **kw: object) -> list[Figure]:
    return [f for f in extract_text(text, lang, **kw) if f.kind == "money"]  # type: ignore[arg-type]


def one(text: str, lang: str, **kw: object) -> Figure:
    found = money(text, lang, **kw)
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize(("text", "lang", "value", "currency"), [
    ("The fund now holds 92 billion kronor.", "en", 92e9, "SEK"),
    ("Brasília freed 12.5 billion reais for the states.", "en", 12.5e9, "BRL"),
    ("Le prêt porte sur 307 millions de dinars tunisiens.", "fr", 307e6, "TND"),
    ("Nilai proyek itu 5 miliar Shilling Kenya.", "id", 5e9, "KES"),
    ("Utangnya mencapai 2 triliun rubel Rusia.", "id", 2e12, "RUB"),
    ("Le club a payé 40 millions de livres sterling.", "fr", 40e6, "GBP"),
    ("Ekspornya senilai 45 juta dolar Singapura.", "id", 45e6, "SGD"),
    ("Il a été condamné à 3 millions de francs suisses.", "fr", 3e6, "CHF"),
])
def test_cldr_names_in_each_language(text: str, lang: str, value: float, currency: str) -> None:
    f = one(text, lang)
    assert (f.value, f.currency, f.currency_source) == (pytest.approx(value), currency, None)


@pytest.mark.parametrize(("text", "lang", "value", "currency"), [
    ("Kenya's treasury paid KSh 1.2 billion to the operator.", "en", 1.2e9, "KES"),
    ("The bid was worth AUS$13 billion.", "en", 13e9, "AUD"),
    ("Turis membelanjakan SG$ 653 juta di sana.", "id", 653e6, "SGD"),
    ("Petrol subsidies in Nigeria cost N200bn a month.", "en", 200e9, "NGN"),
    ("Eskom's debt has grown to R450bn.", "en", 450e9, "ZAR"),
    ("Montréal a attiré 2,7 G$ d'investissements.", "fr", 2.7e9, "CAD"),
    ("L'État a levé 921 MDT auprès des banques tunisiennes.", "fr", 921e6, "TND"),
    ("Harga tiket naik menjadi 2 juta pounds.", "id", 2e6, "GBP"),
])
def test_press_forms_cldr_lacks(text: str, lang: str, value: float, currency: str) -> None:
    f = one(text, lang)
    assert (f.value, f.currency) == (pytest.approx(value), currency)


def test_a_shared_sign_without_evidence_stays_ambiguous_with_its_candidates() -> None:
    f = one("Une offre de 528 millions de francs a été déposée.", "fr")
    assert f.currency is None and f.currency_candidates is not None
    assert {"CHF", "XOF", "XAF"} <= set(f.currency_candidates)
    assert f.value == 528e6 and f.currency_source is None


@pytest.mark.parametrize(("text", "lang", "currency"), [
    # a territory that uses one candidate, or the word its names qualify it with
    ("Le Sénégal a obtenu 200 milliards de francs CFA.", "fr", "XOF"),
    ("Safaricom reported Sh63.4 billion in profit, a record for Kenya.", "en", "KES"),
    ("L'économie algérienne brasse 6 000 milliards de dinars.", "fr", "DZD"),
    # a candidate named for certain elsewhere
    ("Nilai yuan melemah; harganya kini ¥ 800.000.", "id", "CNY"),
    ("The yen fell again and the bill came to ¥9 billion.", "en", "JPY"),
])
def test_evidence_in_the_text_decides(text: str, lang: str, currency: str) -> None:
    f = one(text, lang)
    assert (f.currency, f.currency_source) == (currency, "evidence")


def test_a_pair_decides_by_the_size_of_the_rate_and_by_being_another_currency() -> None:
    first, second = money("Biayanya ¥ 800.000 (sekitar Rp 1,8 miliar) per orang.", "id",
                          published=date(2019, 5, 2))
    assert (first.currency, first.currency_source) == ("CNY", "evidence")  # not ~110 IDR/JPY
    assert second.equivalent_of == first.id
    a, b = money("The deal was worth S$16.3 million ($12 million).", "en",
                 published=date(2018, 6, 18))
    assert (a.currency, b.currency) == ("SGD", "USD")


def test_a_pair_whose_other_amount_is_a_family_too_decides_by_the_rate() -> None:
    # "$" is any dollar, yet ¥ at about 90 to any of them is the yen, not the yuan of the
    # China the text names (a yuan is about a seventh of a US dollar)
    text = ("Sales to China grew fast last year.\n"
            "The group earned a net profit of ¥7 billion ($78m) in the third quarter.")
    yen, dollars = money(text, "en", published=date(2010, 2, 17))
    assert (yen.currency, yen.currency_source) == ("JPY", "evidence")
    assert dollars.equivalent_of == yen.id
    # the same pair at a yuan's rate is the yuan
    yuan, _ = money(text.replace("($78m)", "($1.03 billion)"), "en",
                    published=date(2010, 2, 17))
    assert (yuan.currency, yuan.currency_source) == ("CNY", "evidence")


def test_the_same_amount_written_elsewhere_decides() -> None:
    figures = money("Summit cost $16.3m\nThe state said it spent S$16.3 million on it.", "en")
    assert [f.currency for f in figures] == ["SGD", "SGD"]
    assert figures[0].currency_source == "evidence"


def test_the_page_country_decides_a_sign_after_the_number_and_the_default_otherwise() -> None:
    assert one("Profit rose to Sh4.3 billion.", "en",
               source="https://www.example.co.ke/x").currency == "KES"
    assert one("Un contrat de 125 millions $ signé.", "fr",
               source="https://example.ca/x").currency == "CAD"
    usd = one("A $4 billion deal.", "en", source="https://example.ca/x")
    assert (usd.currency, usd.currency_source) == ("USD", "default")
    assert one("A $4 billion deal.", "en",
               options=ExtractOptions(bare_dollar="AUD")).currency == "AUD"


def test_an_example_city_decides_a_family_with_no_default() -> None:
    f = one("Kampala — The treasury paid Shs262.5 billion last year.", "en")
    assert (f.currency, f.currency_source) == ("UGX", "evidence")


@pytest.mark.parametrize(("text", "lang"), [
    ("Le 5 mars, la séance a été levée.", "fr"),
    ("ALL 5 solutions are wrong.", "en"),
    ("The TOP 10 list is out.", "en"),
    ("Rs 500 is printed on the ticket.", "en"),
])
def test_letter_signs_and_uncommon_codes_need_evidence(text: str, lang: str) -> None:
    assert money(text, lang) == []


def test_letter_signs_and_codes_read_with_evidence_or_a_scale_word() -> None:
    assert one("In India the ticket costs Rs 500.", "en").currency == "INR"
    assert one("Exports reached KES 5 billion.", "en").currency == "KES"
    assert one("La Tunisie a reçu TND 300.", "fr").currency == "TND"


def test_candidates_no_territory_used_on_the_date_are_dropped() -> None:
    f = one("Le pays a emprunté 5 milliards de livres turques.", "fr",
            published=date(2024, 5, 1))
    assert f.currency == "TRY"


def test_the_json_contract_writes_the_new_fields_only_when_set() -> None:
    text = "Le contrat de 528 millions de francs et 3 millions d'euros."
    doc = Document(path="a.txt", text=text, lang="fr")
    figures = extract_text(text, "fr")
    records = json.loads(render([DocumentFigures(document=doc, figures=figures)], "json"))
    francs, euros = records["documents"][0]["figures"]
    assert francs["currency"] is None and "CHF" in francs["currency_candidates"]
    assert "currency_candidates" not in euros and "currency_source" not in euros
    assert list(euros)[-1] == "equivalent_of"


def test_checks_do_not_judge_a_conversion_in_an_ambiguous_currency() -> None:
    text = "Le contrat vaut 500 millions de francs (environ 100 millions de dollars)."
    assert [f for f in audit_text(text, "fr", published=date(2024, 7, 30))
            if f.code.startswith("FX")] == []


def test_whole_units_and_cents_with_the_sign_between() -> None:
    assert [(f.text, f.value) for f in money("He paid 12 $ 40 cents today.", "en")] == [
        ("12 $ 40 cents", 12.4)]
    assert [f.value for f in money("He paid 12 $ and 40 $ then.", "en")] == [12, 40]


def test_a_quarter_million_is_a_scale() -> None:
    assert one("It cost a quarter million us dollars.", "en").value == 250_000
    assert one("They raised a quarter of a billion dollars.", "en").value == 250e6


@pytest.mark.parametrize(("text", "lang", "currency", "name"), [
    ("Ottawa a reçu 3 millions de dollars canadiens. Le fonds a placé 8 millions de "
     "dollars É.-U. ailleurs.", "fr", "USD", "dollars É.-U."),
    ("Ottawa a reçu 3 millions de dollars canadiens. Le fonds a placé 8 millions de "
     "dollars EU ailleurs.", "fr", "USD", "dollars EU"),
    ("Ottawa got C$3 million. The fund placed 8 million dollars US elsewhere.", "en", "USD",
     "dollars US"),
    ("Le fonds a placé 8 millions de dollars singapouriens à Jakarta.", "fr", "SGD",
     "dollars singapouriens"),
    ("The fund placed 8 million Singaporean dollars in Jakarta.", "en", "SGD",
     "Singaporean dollars"),
    ("Tourists spent 8 million Aussie dollars in Bali.", "en", "AUD", "Aussie dollars"),
])
def test_a_currency_noun_with_a_country_qualifier_is_that_countrys(
        text: str, lang: str, currency: str, name: str) -> None:
    f = money(text, lang)[-1]
    assert (f.value, f.currency, f.currency_source) == (8e6, currency, None)
    assert f.text.endswith(name)


@pytest.mark.parametrize(("text", "lang", "currency"), [
    ("Le Trésor ivoirien a levé 150 milliards de FCFA sur le marché.", "fr", "XOF"),
    ("La banque gabonaise a prêté 150 milliards de francs CFA à l'État.", "fr", "XAF"),
    ("Senegalese lenders put up 150 billion CFA francs for the port.", "en", "XOF"),
    ("A Chadian lender put up 150 billion CFA francs for the railway.", "en", "XAF"),
    ("Emirati buyers paid 150 billion dirhams for the towers.", "en", "AED"),
])
def test_the_people_of_a_country_are_evidence_of_its_currency(
        text: str, lang: str, currency: str) -> None:
    f = one(text, lang)
    assert (f.value, f.currency, f.currency_source) == (150e9, currency, "evidence")


def test_a_people_whose_countries_use_different_candidates_decides_nothing() -> None:
    f = one("Des banques sénégalaises et camerounaises ont prêté 150 milliards de FCFA.", "fr")
    assert (f.currency, f.currency_candidates) == (None, ("XAF", "XOF"))


def test_an_amount_in_cents_takes_the_dollar_the_writer_used_for_whole_dollars() -> None:
    text = ("Auckland paid NZ$30 million ($19 million) for the ferries. Fares rise by "
            "40 cents next month.")
    cents = money(text, "en")[-1]
    assert (cents.value, cents.currency, cents.currency_source) == (0.4, "USD", "evidence")
    text = "The Auckland council raised NZ$30 million. Fares rise by 40 cents next month."
    cents = money(text, "en")[-1]
    assert (cents.value, cents.currency) == (0.4, "NZD")


def test_cents_before_any_whole_dollar_take_the_one_after() -> None:
    text = ("Fares rise by 40 cents, the council said. The ferries cost NZ$30 million "
            "($19 million).")
    cents = money(text, "en")[0]
    assert (cents.value, cents.currency) == (0.4, "USD")
