"""Forms of wire and press copy: a country qualifier between the scale word and the currency
noun, capitalised scale abbreviations and the won's "W" (sentences written for these
tests)."""

from __future__ import annotations

import pytest

from factcheck.extract import extract_text
from factcheck.model import Figure


def money(text: str, lang: str) -> list[Figure]:
    return [f for f in extract_text(text, lang) if f.kind == "money"]  # type: ignore[arg-type]


@pytest.mark.parametrize(("text", "lang", "value", "currency"), [
    ("The lender will put 2.3 billion U.S. dollars into new ports.", "en", 2.3e9, "USD"),
    ("A bond of 7 million U.S. dollar was sold.", "en", 7e6, "USD"),
    ("The group borrowed 4 billion US dollars from banks.", "en", 4e9, "USD"),
    ("Its tower sold for 3 billion HK dollars.", "en", 3e9, "HKD"),
    ("Farmers were paid 80 million NZ dollars.", "en", 80e6, "NZD"),
    ("Miners paid 12 billion Australian dollars in royalties.", "en", 12e9, "AUD"),
    ("Le fonds a placé 3 milliards de dollars U.S. en obligations.", "fr", 3e9, "USD"),
    ("Le fonds a placé 3 milliards de dollars US en obligations.", "fr", 3e9, "USD"),
    ("Pinjaman itu bernilai 2,5 miliar dolar A.S. tahun lalu.", "id", 2.5e9, "USD"),
    ("Pinjaman itu bernilai 2,5 miliar dolar AS tahun lalu.", "id", 2.5e9, "USD"),
])
def test_a_country_qualifier_between_the_scale_word_and_the_noun(
        text: str, lang: str, value: float, currency: str) -> None:
    f, = money(text, lang)
    assert (f.value, f.currency) == (pytest.approx(value), currency)
    assert f.text.endswith(("dollars", "dollar", "US", "U.S.", "A.S.", "AS"))


def test_a_qualifier_with_periods_on_the_next_line() -> None:
    f, = money("The lender will put 2.3 billion U.S.\ndollars into ports.", "en")
    assert (f.value, f.currency) == (2.3e9, "USD")


@pytest.mark.parametrize(("text", "lang", "value"), [
    ("Exports rose to $4.5 Bln in March.", "en", 4.5e9),
    ("The bank lent $300 Mln to growers.", "en", 300e6),
    ("Public debt reached $1.2 Trln.", "en", 1.2e12),
    ("Public debt reached $1.2 trln.", "en", 1.2e12),
    ("Public debt reached US$1.2 TRLN.", "en", 1.2e12),
    ("The deal is worth $8 Bn.", "en", 8e9),
    ("Iurannya Rp 120 Jt per tahun.", "id", 120e6),
    ("Harganya Rp 50 Rb saja.", "id", 50e3),
    ("La dette atteint 3,4 mds d'euros.", "fr", 3.4e9),
    ("La commune a reçu 15 mio de francs suisses.", "fr", 15e6),
    ("Le canton a emprunté 2 mrd de francs suisses.", "fr", 2e9),
])
def test_scale_abbreviations_as_the_press_writes_them(text: str, lang: str, value: float) -> None:
    f, = money(text, lang)
    assert f.value == pytest.approx(value)


def test_an_abbreviation_in_another_case_is_read_in_its_own_language_only() -> None:
    # "bln" is the Indonesian short form of "bulan" (month): 3 months, no figure
    assert money("Cicilannya Rp 500.000 selama 3 bln.", "id")[0].value == 500_000
    assert len(money("Cicilannya Rp 500.000 selama 3 bln.", "id")) == 1


@pytest.mark.parametrize(("text", "value"), [
    ("The chipmaker earned W1.6tr in the quarter.", 1.6e12),
    ("The carmaker spent W200bn on a plant.", 200e9),
    ("Its debt stood at W3.2trn.", 3.2e12),
])
def test_the_won_sign_against_digits_with_a_scale_abbreviation(text: str, value: float) -> None:
    f, = money(text, "en")
    assert (f.value, f.currency) == (pytest.approx(value), "KRW")


def test_a_lone_w_is_the_won_only_where_the_document_speaks_of_korea() -> None:
    assert money("Gate W 2 opens at noon; the W 5 bus is late.", "en") == []
    f, = money("In South Korea the subsidy costs W 500 billion.", "en")
    assert (f.value, f.currency) == (500e9, "KRW")
    f, = money("The Korean group paid W 2,000 in fees.", "en")
    assert (f.currency, f.currency_source) == ("KRW", "evidence")
    assert money("The group paid W 2,000 in fees.", "en") == []


def test_a_w_after_the_number_is_watts_not_won() -> None:
    figures = extract_text("A 100 W lamp sells in South Korea for W 9,000.", "en")
    assert [(f.text, f.currency) for f in figures if f.kind == "money"] == [("W 9,000", "KRW")]


def test_tr_is_a_scale_only_next_to_a_currency() -> None:
    assert money("The second heat ran 5 tr later.", "en") == []


@pytest.mark.parametrize(("text", "lang", "currency"), [
    ("In Chile, the copper levy raised 900 billion pesos.", "en", "CLP"),
    ("Mexico's central bank issued 40 billion pesos of notes.", "en", "MXN"),
    ("The Philippine treasury spent 40 billion pesos.", "en", "PHP"),
    ("Au Chili, la taxe a rapporté 900 milliards de pesos.", "fr", "CLP"),
    ("Pemerintah Kolombia menghabiskan 40 miliar peso.", "id", "COP"),
    ("Le Sénégal a emprunté 300 milliards FCFA.", "fr", "XOF"),
    # the dirham is no CFA franc: Morocco named beside Senegal decides nothing between them
    ("Le Maroc et le Sénégal signent un accord de 300 milliards FCFA.", "fr", "XOF"),
    ("Dakar signed for 300 billion CFA francs with Senegal.", "en", "XOF"),
])
def test_a_shared_currency_noun_decided_by_the_country_named(
        text: str, lang: str, currency: str) -> None:
    f, = money(text, lang)
    assert (f.currency, f.currency_source) == (currency, "evidence")


@pytest.mark.parametrize(("text", "lang"), [
    ("The ministry spent 40 billion pesos.", "en"),
    ("Le Cameroun et le Sénégal signent un accord de 300 milliards FCFA.", "fr"),
    ("The deal is worth 300 billion CFA francs.", "en"),
])
def test_without_one_country_the_noun_stays_ambiguous(text: str, lang: str) -> None:
    f, = money(text, lang)
    assert f.currency is None and f.currency_candidates is not None
    assert len(f.currency_candidates) > 1


def test_a_letter_sign_is_money_where_the_document_names_its_country() -> None:
    f, = money("Bangladesh will spend Tk 900 on each school.", "en")
    assert (f.value, f.currency) == (900, "BDT")
    assert money("Form Tk 900 is due.", "en") == []


def test_a_capitalised_abbreviation_that_is_also_a_symbol_needs_a_currency() -> None:
    assert money("The alloy holds 5 Mn and 2 Tn.", "en") == []
    f, = money("The fund lost $5 Mn.", "en")
    assert f.value == 5e6
