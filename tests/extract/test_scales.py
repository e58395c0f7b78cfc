"""Scale words and number systems: the Indonesian ladder and its compounds, the French long
scale and the English sense where the text shows it, lakh and crore with Indian grouping,
powers of ten, abbreviations (sentences written for these tests)."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from factcheck.extract import extract_text
from factcheck.extract.numbers import parse_numeral
from factcheck.model import Figure


def one(text: str, lang: str, **kw: object) -> Figure:
    found = [f for f in extract_text(text, lang, **kw) if f.kind == "money"]  # type: ignore[arg-type]
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize(("text", "value"), [
    ("Cadangan itu bernilai Rp 6,3 kuadriliun.", 6.3e15),
    ("Utang dunia mencapai Rp2,8 kuintiliun.", 2.8e18),
    ("Angkanya Rp 4 sekstiliun menurut model itu.", 4e21),
    ("Hitungan teoretisnya Rp 1 desiliun.", 1e33),
    ("Utang dunia mencapai Rp2,8 juta triliun.", 2.8e18),
    ("Nilai tambang itu Rp 15 ribu triliun.", 15e15),
])
def test_the_indonesian_ladder_and_its_compounds(text: str, value: float) -> None:
    f = one(text, "id")
    assert (f.value, f.currency) == (pytest.approx(value), "IDR")


@pytest.mark.parametrize(("text", "lang", "value"), [
    ("Le projet coûte 3 billiards de francs suisses.", "fr", 3e15),
    ("The fund's notional value was $4 quadrillion.", "en", 4e15),
    ("Une dette de 500 billions d'euros.", "fr", 500e12),
])
def test_french_and_english_ladders(text: str, lang: str, value: float) -> None:
    assert one(text, lang).value == pytest.approx(value)


def test_a_french_trillion_larger_than_any_economy_is_read_in_the_english_sense() -> None:
    f = one("Le fonds a prêté 1,4 trillion de dollars aux banques.", "fr",
            published=date(2009, 2, 10))
    assert f.value == pytest.approx(1.4e12)
    # a French billion is a plausible sum: it keeps the long sense (FX003 names the slip)
    g = one("L'État a emprunté 1,84 billion d'euros.", "fr", published=date(2024, 7, 30))
    assert g.value == pytest.approx(1.84e12)


@pytest.mark.parametrize(("text", "value"), [
    ("In India, receipts this year are put at Rs.7,46,651 crore.", 7.46651e12),
    ("India's debt reached 36.4 lakh crore rupees.", 36.4e12),
    ("The state raised 412 thousand crores of rupees in India.", 4.12e12),
    ("The Indian firm paid Rs 3,12,500 for the licence.", 312500),
    ("India spent Rs1,47,344crores on defence.", 1.47344e12),
])
def test_lakh_crore_and_indian_grouping(text: str, value: float) -> None:
    f = one(text, "en")
    assert (f.value, f.currency) == (pytest.approx(value), "INR")


@given(st.integers(min_value=100_000, max_value=10**12))
def test_indian_grouping_reads_what_it_writes(number: int) -> None:
    digits = str(number)
    head, last = digits[:-3], digits[-3:]
    pairs = [head[max(0, i - 2):i] for i in range(len(head), 0, -2)][::-1]
    written = ",".join([*pairs, last])
    for lang in ("en", "id", "fr"):
        parsed = parse_numeral(written, lang)  # type: ignore[arg-type]
        assert parsed is not None and parsed.value == number, (written, lang)


def test_western_grouping_is_not_read_as_indian() -> None:
    assert parse_numeral("12,34,56", "en") is None
    assert parse_numeral("1,234,567", "en").value == 1234567  # type: ignore[union-attr]


@pytest.mark.parametrize(("text", "lang", "value"), [
    ("Nilainya 2,5 x 10 pangkat 33 rupiah.", "id", 2.5e33),
    ("The total was 3 × 10^15 rupiah.", "en", 3e15),
    ("A value of 2.8e18 rupiah was quoted.", "en", 2.8e18),
    ("Around 10^18 rupiah circulate.", "en", 1e18),
    # digits followed by a count of zeros, read as such copy counts: the number x 10^N
    ("Utang dunia setara Rp3,1 diikuti dengan 17 angka nol.", "id", 3.1e17),
    ("The bill came to $4 followed by 12 zeros.", "en", 4e12),
    ("Une dette de 1,5 suivi de 15 zéros euros.", "fr", 1.5e15),
])
def test_powers_of_ten(text: str, lang: str, value: float) -> None:
    assert one(text, lang).value == pytest.approx(value)


def test_a_count_of_zeros_is_one_figure_with_its_text() -> None:
    f = one("Utang dunia setara Rp3,1 diikuti dengan 17 angka nol.", "id")
    assert (f.text, f.currency) == ("Rp3,1 diikuti dengan 17 angka nol", "IDR")
    # a count of other things is no power
    assert [g.value for g in extract_text("Skornya 3 diikuti 2 gol lagi.", "id")] == []


def test_a_power_past_a_finite_float_is_no_figure() -> None:
    assert [f for f in extract_text("It was 2 x 10^999 rupiah.", "en")
            if f.value > 1e300] == []


@pytest.mark.parametrize(("text", "lang", "value", "currency"), [
    ("The loan was $310 mm.", "en", 310e6, "USD"),
    ("The deal is worth $14.9-billion.", "en", 14.9e9, "USD"),
    ("Le plan coûte 12 Md€ et 300 M€.", "fr", 12e9, "EUR"),
    ("Dana sebesar Rp 5 jt cair kemarin.", "id", 5e6, "IDR"),
    ("Modalnya Rp 2 T.", "id", 2e12, "IDR"),
])
def test_abbreviations(text: str, lang: str, value: float, currency: str) -> None:
    f = extract_text(text, lang)[0]  # type: ignore[arg-type]
    assert (f.value, f.currency) == (pytest.approx(value), currency)


def test_an_abbreviation_that_is_a_unit_needs_a_currency() -> None:
    assert [f for f in extract_text("Rainfall reached 5 mm in the city.", "en")
            if f.kind == "money"] == []


def test_a_smaller_part_is_added() -> None:
    f = one("Le Sénégal a reçu 24 milliards 750 millions de FCFA.", "fr")
    assert (f.value, f.currency) == (pytest.approx(24.75e9), "XOF")
    g = one("Dana Rp 2 miliar 500 juta dicairkan.", "id")
    assert g.value == pytest.approx(2.5e9) and g.low == pytest.approx(2.45e9)  # "500": 100 juta


def test_a_slip_reads_as_the_documents_own_scale_word_first() -> None:
    # "milliar" is one edit from Indonesian "miliar" and from French "millier"
    (found,) = extract_text("Klub itu membayar Rp 980 milliar musim ini.", "id")
    assert (found.value, found.scale_typo) == (980e9, ("milliar", "miliar"))


def test_a_number_in_words_then_in_digits_in_brackets_is_one_number() -> None:
    text = "Le Fonds apporte un (1) milliard de dirhams au Maroc et signe quatre (4) accords."
    (found,) = extract_text(text, "fr")
    assert (found.text, found.value, found.currency) == (
        "un (1) milliard de dirhams", 1e9, "MAD")


def test_milliers_is_a_scale_word() -> None:
    (found,) = extract_text("Le Sénégal recevra 110 milliers de FCFA de plus.", "fr")
    assert (found.value, found.currency) == (110e3, "XOF")


def test_the_first_end_of_a_range_keeps_its_own_precision_and_lends_it_to_the_second() -> None:
    # the round second end is read down to the first end's thousands, not as a lone
    # "20 000" (which would admit up to 25 000)
    text = "Le coût du plan serait compris entre 4000 et 20 000 milliards de dirhams."
    (found,) = extract_text(text, "fr")
    assert (found.qualifier, found.low, found.high) == ("range", 3.5e12, 20.5e12)
