"""What the extractor makes of sentences written for these tests."""

from __future__ import annotations

from datetime import date

import pytest

from factcheck.extract import ExtractOptions, extract_text
from factcheck.model import Figure


def only(text: str, lang: str = "id", **kw: object) -> Figure:
    figures = extract_text(text, lang, **kw)  # type: ignore[arg-type]
    assert len(figures) == 1, figures
    return figures[0]


def test_money_with_scale_word_and_interval_from_printed_precision() -> None:
    f = only("Laba perusahaan itu Rp 64 triliun.")
    assert (f.kind, f.currency, f.value) == ("money", "IDR", 64e12)
    assert (f.low, f.high) == (63.5e12, 64.5e12)
    assert f.text == "Rp 64 triliun"


def test_trailing_zeros_are_not_significant_unless_the_pack_says_so() -> None:
    f = only("Nilainya Rp 1.300 triliun.")
    assert (f.low, f.high) == (1250e12, 1350e12)
    strict = extract_text("Nilainya Rp 1.300 triliun.", "id",
                          options=ExtractOptions(trailing_zeros_significant=True))[0]
    assert (strict.low, strict.high) == (1299.5e12, 1300.5e12)


@pytest.mark.parametrize(
    ("text", "lang", "value", "currency"),
    [
        ("Ekspor naik menjadi $5,83 miliar tahun lalu.", "id", 5.83e9, "USD"),
        ("Komitmennya kini $1,4 triliun.", "id", 1.4e12, "USD"),
        ("Le plan coûte 80 Md$ au total.", "fr", 80e9, "USD"),
        ("La dette atteint 2 billions d'euros.", "fr", 2e12, "EUR"),
        ("Debt reached 2 billion euros.", "en", 2e9, "EUR"),
        ("The fund raised S$ 3.2 billion.", "en", 3.2e9, "SGD"),
        ("Modal awal RM 450 juta.", "id", 450e6, "MYR"),
        ("Pinjaman sebesar 1.303 miliar yen.", "id", 1303e9, "JPY"),
        ("It cost Rp 1.303 triliun in total.", "en", 1303e12, "IDR"),
        ("Dana sejuta dolar AS dikucurkan.", "id", 1e6, "USD"),
        ("Il a levé quinze milliards de dollars.", "fr", 15e9, "USD"),
    ],
)
def test_currencies_scales_and_separators(
    text: str, lang: str, value: float, currency: str
) -> None:
    f = only(text, lang)
    assert f.kind == "money" and f.currency == currency
    assert f.value == pytest.approx(value)


def test_conversion_pair_links_the_restated_figure_and_about_adds_no_width() -> None:
    a, b = extract_text("Biaya sewa server US$ 4 miliar (sekitar Rp 64 triliun).", "id")
    assert b.equivalent_of == a.id and a.equivalent_of is None
    assert b.qualifier == "about" and (b.low, b.high) == (63.5e12, 64.5e12)


def test_about_outside_a_pair_widens_by_the_tolerance() -> None:
    f = only("Investasinya sekitar Rp 100 triliun.", "id")
    assert f.qualifier == "about"
    assert f.low == pytest.approx(50e12 - 5e12) and f.high == pytest.approx(150e12 + 5e12)


@pytest.mark.parametrize(
    ("text", "lang", "qualifier", "low", "high"),
    [
        ("Sahamnya turun hampir 4%.", "id", "nearly", 0.04 * 0.95 - 0.005, 0.04),
        ("Nilainya lebih dari US$ 500 miliar.", "id", "more_than", 500e9, None),
        ("Kerugian hingga US$ 5 miliar.", "id", "up_to", 0.0, 5.5e9),
        ("Ventes de plus de 7 Mds€.", "fr", "more_than", 7e9, None),
        ("Costs of up to $9 billion.", "en", "up_to", 0.0, 9.5e9),
        # a qualifier after the figure, where the clause ends
        ("Dananya terkumpul Rp 40 triliun lebih.", "id", "more_than", 40e12, None),
        ("The bill came to $12 million or more, she said.", "en", "at_least", 12e6, None),
        ("La facture atteint 8 milliards d'euros environ.", "fr", "about", 7.1e9, 8.9e9),
    ],
)
def test_qualifiers_shape_the_interval(
    text: str, lang: str, qualifier: str, low: float, high: float | None
) -> None:
    f = only(text, lang)
    assert f.qualifier == qualifier
    assert f.low == pytest.approx(low)
    assert f.high == (pytest.approx(high) if high is not None else None)


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Pendapatannya Rp 40 triliun lebih tinggi dari tahun lalu.", "id"),
        ("Dananya Rp 40 triliun lebih dari target awal.", "id"),
        ("Sales were $12 million or more than analysts had feared.", "en"),
    ],
)
def test_a_word_after_a_figure_that_goes_on_is_no_qualifier(text: str, lang: str) -> None:
    assert only(text, lang).qualifier is None


def test_range_with_shared_currency_and_scale() -> None:
    f = only("Nilainya US$ 5–7 miliar per tahun.", "id")
    assert (f.qualifier, f.value, f.per) == ("range", 6e9, "year")
    assert (f.low, f.high) == (4.5e9, 7.5e9)


@pytest.mark.parametrize(("text", "lang", "low", "high"), [
    # a code before the range, dotted grouping: each end is read with the language's
    # grouping, the second end's trailing zeros down to the first end's precision
    ("Gaji pekerja di sana HKD 8.000-10.000 sebulan.", "id", 7500, 10500),
    ("Upahnya NT$ 17.000-20.000 per bulan.", "id", 16500, 20500),
    ("The stipend is HKD 8,000-10,000 a month.", "en", 7500, 10500),
    ("Le loyer varie entre 900 et 1 000 euros.", "fr", 850, 1050),
])
def test_a_range_reads_its_round_second_end_at_the_first_ends_precision(
        text: str, lang: str, low: float, high: float) -> None:
    f = only(text, lang)
    assert (f.qualifier, f.low, f.high) == ("range", low, high)


def test_range_between_words() -> None:
    f = only("Le coût se situe entre 5 et 7 milliards d'euros.", "fr")
    assert (f.currency, f.low, f.high) == ("EUR", 4.5e9, 7.5e9)


def test_units_in_base_units_and_unit_pairs() -> None:
    a, b = extract_text("Kabel sepanjang 80 juta mil (sekitar 129 juta km) dipasang.", "id")
    assert a.unit == b.unit == "meter"
    assert a.value == pytest.approx(80e6 * 1609.344)
    assert b.equivalent_of == a.id


def test_per_time_amounts_carry_per() -> None:
    f = only("Produksi 818.000 barel per hari.", "id")
    assert f.per == "day" and f.unit == "cubic_meter"
    g = only("Les deux zones échangent 4,4 milliards d’euros par jour.", "fr")
    assert g.per == "day" and g.value == pytest.approx(4.4e9)


def test_stated_rates_are_rates_not_money() -> None:
    figures = extract_text(
        "Nilai proyek US$ 2 miliar atau Rp 32,4 triliun dengan asumsi kurs Rp16.200 per dolar AS.",
        "id")
    rate = figures[-1]
    assert (rate.kind, rate.value, rate.currency, rate.unit) == ("rate", 16200, "IDR", "USD")
    (eq,) = [f for f in extract_text("kurs US$1=Rp 15.400 berlaku", "id")]
    assert (eq.kind, eq.value, eq.currency, eq.unit) == ("rate", 15400, "IDR", "USD")
    en = extract_text("The loan was priced at 16,200 rupiah to the dollar.", "en")
    assert [(f.kind, f.value, f.currency, f.unit) for f in en] == [("rate", 16200, "IDR", "USD")]


def test_rate_without_a_base_takes_the_source_of_its_conversion() -> None:
    figures = extract_text("Obligasi 1 miliar euro atau Rp 17,2 triliun (kurs Rp 17.200).", "id")
    assert [f.kind for f in figures] == ["money", "money", "rate"]
    assert (figures[2].currency, figures[2].unit) == ("IDR", "EUR")


def test_prices_per_unit() -> None:
    f = only("Harga batu bara US$ 64,37 per ton.", "id")
    assert (f.kind, f.currency, f.unit, f.value) == ("price", "USD", "metric_ton", 64.37)


def test_currency_carried_to_a_bare_amount_but_not_to_a_count() -> None:
    figures = extract_text("Nilainya US$ 2 miliar dan 1,4 miliar.", "id")
    assert [(f.currency, f.value) for f in figures] == [("USD", 2e9), ("USD", 1.4e9)]
    assert len(extract_text("The bank has $3 billion in assets and 6 million customers.",
                            "en")) == 1


def test_percent_and_ratio() -> None:
    f = only("Pangsa pasarnya 24,71 persen.", "id")
    assert (f.kind, f.value) == ("percent", pytest.approx(0.2471))
    r = only("Rugi itu sekitar tiga perempat dari pendapatannya.", "id")
    assert (r.kind, r.value) == ("ratio", 0.75)


def test_bare_dollar_follows_the_pack_then_the_country_domain_for_suffix_dollars() -> None:
    assert only("Un contrat de 125 millions $ signé.", "fr",
                source="https://example.ca/x").currency == "CAD"
    assert only("A $4 billion deal.", "en", source="https://example.ca/x").currency == "USD"
    assert only("A $4 billion deal.", "en",
                options=ExtractOptions(bare_dollar="AUD")).currency == "AUD"


def test_period_and_tense_of_the_clause() -> None:
    f = only("Valuasinya diprediksi akan mencapai US$ 80 miliar pada Februari 2024.", "id",
             published=date(2024, 7, 30))
    assert f.period is not None and f.period.label == "2024-02"
    assert f.tense == "future"


@pytest.mark.parametrize(
    "text",
    [
        "Pada 2024 ada 5 perusahaan yang tumbuh pada 4 November.",
        "Belanja beberapa ratus miliar dolar dan miliaran dolar lainnya.",
        "Perlombaan Senjata Triliun Dolar",
        "Un soutien financier et une réalité préoccupante.",
        "The R-80 aircraft and a third party in the 1990s.",
    ],
)
def test_no_false_figures(text: str) -> None:
    lang = "fr" if "soutien" in text else "en" if "aircraft" in text else "id"
    assert extract_text(text, lang) == ()  # type: ignore[arg-type]


def test_negative_sign() -> None:
    f = only("Arus kas tercatat -US$ 3 miliar.", "id")
    assert f.value == -3e9 and f.low == pytest.approx(-3.5e9) and f.high == pytest.approx(-2.5e9)


@pytest.mark.parametrize(
    ("text", "lang", "value", "currency"),
    [
        ("It only cost 13 dollars and 45 cents.", "en", 13.45, "USD"),
        ("Ça coûte 15 dollars et 15 cents.", "fr", 15.15, "USD"),
        ("Losses in excess of 30 MUSD were booked.", "en", 30e6, "USD"),
        ("They lost 75 USD million last year.", "en", 75e6, "USD"),
        ("I spent 20 million pounds on it.", "en", 20e6, "GBP"),
        ("Une offre de 528 millions de francs suisses.", "fr", 528e6, "CHF"),
        ("The fee is nzd$15 per user.", "en", 15, "NZD"),
    ],
)
def test_cents_codes_and_scale_only_names(
    text: str, lang: str, value: float, currency: str
) -> None:
    f = extract_text(text, lang)[0]  # type: ignore[arg-type]
    assert (f.value, f.currency) == (pytest.approx(value), currency)


def test_pounds_without_a_scale_word_may_be_weight_and_a_year_earlier_is_not_per_year() -> None:
    assert extract_text("The parcel weighs 20 pounds.", "en") == ()
    f = only("Sales were $11.9 billion a year earlier.", "en")
    assert f.per is None and f.text == "$11.9 billion"


def test_the_next_number_and_its_currency_are_not_cents() -> None:
    figures = extract_text("Prices: 10 rmb 20 usd.", "en")
    assert [(f.value, f.currency) for f in figures] == [(10, "CNY"), (20, "USD")]


def test_a_year_before_an_amount_is_not_part_of_it() -> None:
    f = only("Labanya pada 2023 Rp 4 triliun.", "id")
    assert (f.text, f.value, f.period.label if f.period else None) == ("Rp 4 triliun", 4e12,
                                                                     "2023")


def test_a_restatement_over_another_time_is_linked() -> None:
    a, b = extract_text("Biayanya Rp 1 triliun per tahun atau Rp 2,7 miliar per hari.", "id")
    assert (a.per, b.per, b.equivalent_of) == ("year", "day", a.id)
