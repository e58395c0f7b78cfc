"""Conversion pairs (``extract.pairs``): which amount restates which, in sentences written
for these tests."""

from __future__ import annotations

import pytest

from factcheck.extract import extract_text
from factcheck.model import Figure, Lang


def links(text: str, lang: Lang) -> list[tuple[str, str]]:
    """(source text, converted text) of every linked pair."""
    figures = extract_text(text, lang)
    by_id: dict[str, Figure] = {f.id: f for f in figures}
    return [(by_id[f.equivalent_of].text, f.text) for f in figures if f.equivalent_of]


@pytest.mark.parametrize(
    ("text", "lang", "pair"),
    [
        # markers of each language
        ("Pinjaman USD 12 miliar atau di kisaran Rp 195 triliun disetujui.", "id",
         ("USD 12 miliar", "Rp 195 triliun")),
        ("Hibahnya 300 juta euro atau ekuivalen dengan US$ 330 juta per tahun.", "id",
         ("300 juta euro", "US$ 330 juta per tahun")),
        ("Bantuan 2,1 miliar euro atau (Rp 36 triliun) dicairkan.", "id",
         ("2,1 miliar euro", "Rp 36 triliun")),
        ("Nilai merek itu di atas USD 2M – atau setara dengan Rp 31 triliun, kata analis.",
         "id", ("USD 2M", "Rp 31 triliun")),
        ("Kontraknya £ 60 juta / Rp 1,2 triliun untuk lima musim.", "id",
         ("£ 60 juta", "Rp 1,2 triliun")),
        ("Le fonds lève 40 millions de dollars, ou encore 37 millions d'euros.", "fr",
         ("40 millions de dollars", "37 millions d'euros")),
        ("Il investit 90 millions de livres, équivalant à 104 millions d'euros.", "fr",
         ("90 millions de livres", "104 millions d'euros")),
        ("The loan is 640 million dollars or the equivalent of 9.8 trillion IDR.", "en",
         ("640 million dollars", "9.8 trillion IDR")),
        ("The deal is worth RM52,000,000.00 (~around $12 million) in total.", "en",
         ("RM52,000,000.00", "$12 million")),
        ("Fees rose to £40m/$51m last year.", "en", ("£40m", "$51m")),
        ("Tax receipts: Rs 6,20,000 crore = $135 billion.", "en",
         ("Rs 6,20,000 crore", "$135 billion")),
    ],
)
def test_a_connector_of_the_language_links_the_two_amounts(
        text: str, lang: Lang, pair: tuple[str, str]) -> None:
    assert links(text, lang) == [pair]


@pytest.mark.parametrize(
    ("text", "lang", "pair"),
    [
        ("The province drew 380 trillion rupiah of private investment last year, or "
         "equivalent to $24 billion.", "en", ("380 trillion rupiah", "$24 billion")),
        ("Pemerintah menyiapkan Rp 120 triliun untuk subsidi energi tahun depan, setara "
         "dengan US$ 7,4 miliar.", "id", ("Rp 120 triliun", "US$ 7,4 miliar")),
        ("Le pays reçoit 700 millions de dollars par an depuis dix ans, soit environ 640 "
         "millions d'euros.", "fr",
         ("700 millions de dollars par an", "640 millions d'euros")),
        # a bracket after the phrase
        ("L'Union achètera pour 300 milliards de dollars, puis 200 milliards "
         "supplémentaires (170 milliards d'euros).", "fr",
         ("200 milliards", "170 milliards d'euros")),
        ("The fund adds $40 billion of new money (about €37 billion) this year.", "en",
         ("$40 billion", "€37 billion")),
        # "is" after the phrase
        ("Kenya's 380 trillion rupiah of investment is $24 billion.", "en",
         ("380 trillion rupiah", "$24 billion")),
    ],
)
def test_a_restating_connector_links_across_a_phrase_about_the_first_amount(
        text: str, lang: Lang, pair: tuple[str, str]) -> None:
    assert links(text, lang) == [pair]


@pytest.mark.parametrize(
    ("text", "lang", "pair"),
    [
        # an aside between commas inside the connector
        ("Les 800 milliards d'euros correspondant, à peu de chose près, à 900 milliards "
         "de dollars.", "fr", ("800 milliards d'euros", "900 milliards de dollars")),
        ("The levy came to $6 billion, the ministry said, or the equivalent of 9 billion "
         "reais.", "en", ("$6 billion", "9 billion reais")),
        # the first amount's year or period before "atau"
        ("Subsidi itu dipatok US$ 9 miliar pada tahun 2016 ini, atau Rp 120 triliun.", "id",
         ("US$ 9 miliar", "Rp 120 triliun")),
        ("Belanja modal US$ 2 miliar untuk tahun depan, atau Rp 31 triliun.", "id",
         ("US$ 2 miliar", "Rp 31 triliun")),
        # a year in the phrase before a restating connector
        ("The port drew 90 trillion rupiah of funds in 2021, or equivalent to $6 billion.",
         "en", ("90 trillion rupiah", "$6 billion")),
    ],
)
def test_an_aside_or_a_period_between_an_amount_and_its_connector(
        text: str, lang: Lang, pair: tuple[str, str]) -> None:
    assert links(text, lang) == [pair]


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        # "atau" alone is no restatement across a phrase: two separate amounts
        ("Rp 5 triliun untuk jalan tol, atau US$ 2 miliar untuk pelabuhan.", "id"),
        # a digit in the phrase (another figure, a count) breaks it
        ("About $3 billion for 12 ports, equivalent to 40% of the budget.", "en"),
        # "senilai" with no comma or "atau" before it names the next amount
        ("Dana US$ 45 juta, serta PT Contoh dengan investasi senilai Rp 200 miliar.", "id"),
        # a clause break breaks it
        ("Il a reçu 80 millions de dollars; soit dit en passant, 70 millions d'euros.", "fr"),
        # an aside takes out no more than itself: what is left must still be a connector
        ("Il a reçu 80 millions de dollars, dit-on, puis, hélas, 70 millions d'euros.", "fr"),
    ],
)
def test_no_pair_without_a_restating_connector(text: str, lang: Lang) -> None:
    assert links(text, lang) == []


@pytest.mark.parametrize(
    ("text", "lang", "pair"),
    [
        ("Dana talangan itu mencapai US$ 51 miliar. Setara dengan Rp 830 triliun.", "id",
         ("US$ 51 miliar", "Rp 830 triliun")),
        ("Biaya paket perjalanan ke Tanah Suci 9.500 riyal. Jika dikurs menjadi rupiah yakni "
         "sebesar Rp 40 juta.", "id", ("9.500 riyal", "Rp 40 juta")),
        ("The club paid €90 million for him. That is equivalent to about £77 million.",
         "en", ("€90 million", "£77 million")),
        ("La facture atteint 3 milliards de dollars. Cela représente environ 2,8 milliards "
         "d'euros.", "fr", ("3 milliards de dollars", "2,8 milliards d'euros")),
    ],
)
def test_a_sentence_that_opens_with_a_conversion_marker_restates_the_one_before(
        text: str, lang: Lang, pair: tuple[str, str]) -> None:
    assert links(text, lang) == [pair]


def test_across_sentences_the_original_amount_is_restated_not_its_conversion() -> None:
    text = ("Klub membelinya seharga €80 juta atau setara Rp 1,3 triliun. Jika dikonversikan "
            "ke poundsterling, nilainya adalah £68 juta.")
    assert links(text, "id") == [("€80 juta", "Rp 1,3 triliun"), ("€80 juta", "£68 juta")]


def test_a_rate_that_opens_the_sentence_is_passed_over() -> None:
    text = ("Utang itu mencapai US$ 90 miliar. Jika dirupiahkan dengan kurs Rp 15.000 per "
            "dolar AS, nilainya mencapai Rp 1.350 triliun.")
    assert links(text, "id") == [("US$ 90 miliar", "Rp 1.350 triliun")]


def test_across_sentences_a_stated_rate_names_the_currency_restated() -> None:
    text = ("Aset senilai 6 miliar franc Swiss atau 6,4 miliar dolar AS dibekukan. Jika "
            "dirupiahkan, angka tersebut setara Rp 92 triliun (asumsi Rp 14.400 per dolar).")
    assert links(text, "id")[-1] == ("6,4 miliar dolar AS", "Rp 92 triliun")


@pytest.mark.parametrize(
    "text",
    [
        # no conversion marker at the start of the next sentence
        "Dana itu mencapai US$ 51 miliar. Pemerintah menambah Rp 830 triliun.",
        # a blank line: another paragraph
        "Dana itu mencapai US$ 51 miliar.\n\nSetara dengan Rp 830 triliun.",
    ],
)
def test_no_pair_across_sentences_without_an_opener_in_the_paragraph(text: str) -> None:
    assert links(text, "id") == []


def test_a_range_restated_as_two_amounts_is_one_range_paired_end_to_end() -> None:
    text = ("Upahnya berkisar antara RM 1.500 hingga RM 2.100 atau setara dengan Rp 5 juta "
            "hingga Rp 7 juta per bulan.")
    figures = extract_text(text, "id")
    assert [f.text for f in figures] == ["RM 1.500 hingga RM 2.100",
                                         "Rp 5 juta hingga Rp 7 juta per bulan"]
    source, converted = figures
    assert converted.equivalent_of == source.id
    assert (converted.qualifier, converted.per) == ("range", "month")
    assert (converted.low, converted.high) == (4.5e6, 7.5e6)


def test_a_range_written_with_a_dash_pairs_end_to_end() -> None:
    source, converted = extract_text("Proyeknya butuh US$ 1,2-1,5 miliar (Rp 19-24 triliun).",
                                     "id")
    assert converted.equivalent_of == source.id
    assert converted.qualifier == source.qualifier == "range"


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        # two conversions listed in one bracket
        ("Le budget atteint 80 millions d'euros (86 millions de dollars, 68 millions de "
         "livres sterling) cette année.", "fr",
         [("80 millions d'euros", "86 millions de dollars"),
          ("80 millions d'euros", "68 millions de livres sterling")]),
        ("The grant is €40 million ($43 million; £34 million) over five years.", "en",
         [("€40 million", "$43 million"), ("€40 million", "£34 million")]),
        # or each in a bracket of its own
        ("Hibah 70 juta euro (US$ 76 juta) (Rp 1,2 triliun) cair pekan ini.", "id",
         [("70 juta euro", "US$ 76 juta"), ("70 juta euro", "Rp 1,2 triliun")]),
        # a second conversion in the same currency at the rate the clause names
        ("Au marché noir, 20 euros permettent d'obtenir un peu plus de 4000 dinars "
         "algériens quand le taux officiel n'en donne que 3100 dinars algériens.", "fr",
         [("20 euros", "4000 dinars algériens"), ("20 euros", "3100 dinars algériens")]),
        ("On the street £10 buys 5,200 naira while the bank rate gives only 4,600 naira.",
         "en", [("£10", "5,200 naira"), ("£10", "4,600 naira")]),
    ],
)
def test_one_amount_followed_by_two_conversions(
        text: str, lang: Lang, expected: list[tuple[str, str]]) -> None:
    assert links(text, lang) == expected


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        # a comparison with another time is no second conversion
        ("Le chiffre d'affaires atteint 10 millions d'euros (11 millions de dollars) contre "
         "9 millions de dollars l'an dernier.", "fr"),
        ("Sales hit €10 million ($11 million) while costs were $9 million.", "en"),
        ("Penjualan Rp 150 miliar (US$ 10 juta), sedangkan biaya US$ 8 juta.", "id"),
    ],
)
def test_a_comparison_after_a_conversion_is_no_second_conversion(text: str, lang: Lang) -> None:
    assert len(links(text, lang)) == 1


@pytest.mark.parametrize(
    ("text", "lang", "pair"),
    [
        ("Le fonds passe de 1,2 trillion de dollars à 1,9 trillion de dollars. Selon la note "
         "que cite le quotidien, le premier chiffre correspond à « 1 000 milliards "
         "d'euros ».", "fr", ("1,2 trillion de dollars", "1 000 milliards d'euros")),
        ("Estimates rose from $1.4 trillion to $2.2 trillion. A footnote in the report says "
         "the first figure is about €1.1 trillion.", "en", ("$1.4 trillion", "€1.1 trillion")),
        ("Proyeksi naik dari US$ 40 miliar menjadi US$ 55 miliar. Laporan itu menyebut bahwa "
         "angka pertama setara dengan Rp 600 triliun.", "id",
         ("US$ 40 miliar", "Rp 600 triliun")),
    ],
)
def test_a_sentence_naming_the_first_figure_restates_the_first_amount_before(
        text: str, lang: Lang, pair: tuple[str, str]) -> None:
    assert links(text, lang) == [pair]


@pytest.mark.parametrize(("text", "lang", "pair"), [
    ("The columnist puts the navy's budget at $9.4 billion for the planned amount of "
     "Rs 43,000 crore this year.", "en", ("Rs 43,000 crore", "$9.4 billion")),
    ("Le fonds a versé 1,2 million d'euros pour la somme de 20 milliards de rupiah.",
     "fr", ("20 milliards de rupiah", "1,2 million d'euros")),
    ("Perusahaan itu menyetor US$ 1,3 juta untuk nilai sebesar Rp 20 miliar.", "id",
     ("Rp 20 miliar", "US$ 1,3 juta")),
])
def test_a_converted_amount_written_before_its_source(text: str, lang: Lang,
                                                      pair: tuple[str, str]) -> None:
    assert links(text, lang) == [pair]


def test_a_price_paid_for_a_thing_of_stated_value_is_no_conversion() -> None:
    """What a stake cost is not the stake's value converted, unless the words say it is the
    same amount ("for the amount of", "pour la somme de")."""
    assert links("A Dutch fund paid $1.3 million for the 20 billion rupiah stake in the mill.",
                 "en") == []
    assert links("Le fonds a payé 1,2 million d'euros pour la participation de 20 milliards "
                 "de rupiah.", "fr") == []


def test_for_between_amounts_of_one_currency_or_two_purchases_links_nothing() -> None:
    assert links("It spent $5 million for a new kiln and $2 million for the old one.",
                 "en") == []
    assert links("It spent $5 million for a new kiln and 3 million euros for a dryer.",
                 "en") == []
