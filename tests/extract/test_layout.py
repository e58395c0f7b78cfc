"""Layout noise of real pages: line breaks, split decimals, doubled signs, misspelt scale
words and vague plurals (sentences written for these tests)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from factcheck.extract import extract_text
from factcheck.model import Figure


def money(text: str, lang: str = "id") -> list[Figure]:
    return [f for f in extract_text(text, lang) if f.kind == "money"]  # type: ignore[arg-type]


def test_a_scale_word_or_a_currency_on_the_next_line() -> None:
    f, = money("Kerugian perusahaan itu mencapai US$ 4\nmiliar pada tahun lalu.")
    assert (f.value, f.currency, f.text) == (4e9, "USD", "US$ 4\nmiliar")
    g, = money("Labanya naik menjadi US$\n12 juta tahun ini.")
    assert (g.value, g.currency) == (12e6, "USD")
    # a blank line is a paragraph break: the number and the word are apart
    assert money("Tahun ini ada 4\n\nmiliar alasan untuk itu.") == []


@pytest.mark.parametrize(("text", "lang", "value"), [
    ("Pembangunannya menelan Rp 7, 2 triliun.", "id", 7.2e12),
    ("La Banque a promis 15, 1 milliards de dollars.", "fr", 15.1e9),
    ("The program costs $3. 5 billion.", "en", 3.5e9),
])
def test_a_decimal_split_by_a_space(text: str, lang: str, value: float) -> None:
    f, = money(text, lang)
    assert f.value == pytest.approx(value)


def test_a_split_decimal_needs_a_scale_word() -> None:
    assert [f.value for f in money("Harganya Rp 5, 8 orang membeli.")] == [5]


def test_a_sign_written_twice_is_one() -> None:
    f, = money("Nilai hibahnya RpRp852.090.355.500.000 pada tahun itu.")
    assert (f.value, f.currency, f.text) == (852090355500000, "IDR", "RpRp852.090.355.500.000")


@pytest.mark.parametrize(("text", "lang", "value", "typo"), [
    ("Kerugiannya Rp 215 triliu tahun ini.", "id", 215e12, ("triliu", "triliun")),
    ("Defisitnya Rp 1,4 trilliun.", "id", 1.4e12, ("trilliun", "triliun")),
    ("Investasinya 5 milyard dolar AS.", "id", 5e9, ("milyard", "milyar")),
    ("The fund lost $2 bililon.", "en", 2e9, ("bililon", "billion")),
])
def test_a_misspelt_scale_word_is_read_as_meant_and_recorded(
    text: str, lang: str, value: float, typo: tuple[str, str]
) -> None:
    f, = money(text, lang)
    assert (f.value, f.scale_typo) == (pytest.approx(value), typo)


@pytest.mark.parametrize(("text", "lang"), [
    ("Kerugiannya triliunan rupiah dan miliaran dolar menguap.", "id"),
    ("Puluhan triliun rupiah dan ratusan miliar lainnya hilang.", "id"),
    ("Des milliards d'euros ont été perdus.", "fr"),
    ("Billions of dollars were lost.", "en"),
    ("Ada 5 triliu orang di sana.", "id"),
    ("Sebanyak 5 juga ikut.", "id"),
])
def test_vague_plurals_and_words_near_a_scale_word_are_no_figures(text: str, lang: str) -> None:
    assert money(text, lang) == []


@pytest.mark.parametrize("mark", ["'", "\u2019", "\u02bc", "\u00b4", "`", "\u2018", "\u2032"])
def test_an_elision_with_any_character_written_for_its_apostrophe(mark: str) -> None:
    text = (f"La coopérative a emprunté 4,5 millions d{mark}euros, l{mark}équivalent de 5 "
            "millions de dollars.")
    f, g = money(text, "fr")
    assert (f.value, f.currency, f.text) == (4.5e6, "EUR", f"4,5 millions d{mark}euros")
    assert (g.value, g.currency, g.equivalent_of) == (5e6, "USD", f.id)


def test_an_apostrophe_variant_is_read_only_between_letters() -> None:
    from factcheck.extract.apostrophes import scanned_text

    text = "Le prix `12 euros` et d´une part"
    assert scanned_text(text) == "Le prix `12 euros` et d\u2019une part"
    assert len(scanned_text(text)) == len(text)
    assert scanned_text("rien à lire") == "rien à lire"


@given(st.text(alphabet="ab é1 '\u2019\u02bc\u00b4`\u2018\u2032", max_size=40))
def test_reading_apostrophes_keeps_every_offset(text: str) -> None:
    from factcheck.extract.apostrophes import scanned_text

    scanned = scanned_text(text)
    assert len(scanned) == len(text)
    for before, after in zip(text, scanned, strict=True):
        assert after == before or (after == "\u2019" and before in "\u02bc\u00b4`\u2018\u2032")


@pytest.mark.parametrize(("text", "lang", "value", "currency"), [
    ("Klub itu membayar 40 miliar Rrupiah untuknya.", "id", 40e9, "IDR"),
    ("Klub itu membayar 40 juta Ppoundsterling.", "id", 40e6, "GBP"),
    ("The club paid 40 million Ppounds sterling for him.", "en", 40e6, "GBP"),
    ("Le club a versé 40 millions d'Eeuros.", "fr", 40e6, "EUR"),
    ("Le club a versé 40 millions de Ddollars américains.", "fr", 40e6, "USD"),
])
def test_a_currency_name_with_its_first_letter_doubled(
        text: str, lang: str, value: float, currency: str) -> None:
    f, = money(text, lang)
    assert (f.value, f.currency) == (value, currency)
    assert f.text in text and f.text.startswith("40")


def test_a_doubled_letter_makes_no_currency_of_another_word() -> None:
    assert money("The 40 Aaron brothers met 3 Oomph fans.", "en") == []
    assert money("Ada 40 Ssekolah baru.", "id") == []


@pytest.mark.parametrize(("text", "lang", "value", "currency"), [
    ("The state spent 12 billion\nrupees on Indian roads.", "en", 12e9, "INR"),
    ("The state spent 12 billion U.S.\ndollars on roads.", "en", 12e9, "USD"),
    ("Negara itu menghabiskan 2,5 miliar\ndolar AS untuk jalan.", "id", 2.5e9, "USD"),
    ("L'État a dépensé 3 milliards\nd'euros pour les routes.", "fr", 3e9, "EUR"),
    ("L'État a dépensé 3 milliards de\ndollars américains.", "fr", 3e9, "USD"),
    ("L'État a dépensé 3 milliards\nde dollars américains.", "fr", 3e9, "USD"),
])
def test_a_currency_name_on_the_line_after_its_scale_word(
        text: str, lang: str, value: float, currency: str) -> None:
    f, = money(text, lang)
    assert (f.value, f.currency) == (pytest.approx(value), currency)
    assert "\n" in f.text


def test_a_blank_line_keeps_the_scale_word_and_the_currency_apart() -> None:
    f, = money("L'État a dépensé 3 milliards de dollars.\n\nd'euros", "fr")
    assert f.currency == "USD"
    assert [f.currency for f in money("Il y a 3 milliards\n\nd'euros ici.", "fr")] == []
