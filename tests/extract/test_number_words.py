"""Number words: the pattern, the parser, fractions (examples; conformance and properties in
test_number_words_properties.py)."""

from __future__ import annotations

import re

import pytest

from factcheck.extract.number_words import is_fraction, number_words_pattern, parse_number_words
from factcheck.model import LANGS, Lang


def _matches(text: str, lang: Lang) -> list[str]:
    return [m.group() for m in re.finditer(number_words_pattern(lang), text, re.IGNORECASE)]


# --- examples -----------------------------------------------------------------------------

VALUES: list[tuple[Lang, str, float]] = [
    ("id", "nol", 0),
    ("id", "delapan", 8),
    ("id", "sepuluh", 10),
    ("id", "sebelas", 11),
    ("id", "dua belas", 12),
    ("id", "sembilan belas", 19),
    ("id", "dua puluh", 20),
    ("id", "dua ratus lima puluh", 250),
    ("id", "seratus", 100),
    ("id", "seratus satu", 101),
    ("id", "seribu", 1000),
    ("id", "seribu seratus empat", 1104),
    ("id", "dua ribu", 2000),
    ("id", "sebelas ribu", 11_000),
    ("id", "seratus ribu", 100_000),
    ("id", "dua ratus lima puluh ribu tiga", 250_003),
    ("id", "Dua  Ratus", 200),
    ("id", "tiga perempat", 0.75),
    ("id", "setengah", 0.5),
    ("id", "separuh", 0.5),
    ("id", "sepertiga", 1 / 3),
    ("id", "seperempat", 0.25),
    ("id", "dua pertiga", 2 / 3),
    ("id", "satu setengah", 1.5),
    ("id", "dua setengah", 2.5),
    ("id", "seribu setengah", 1500),
    ("id", "satu koma lima", 1.5),
    ("id", "satu koma dua lima", 1.25),
    ("id", "satu koma dua puluh lima", 1.25),
    ("id", "nol koma nol nol tujuh", 0.007),
    ("id", "dua puluh tujuh koma tiga ratus dua belas", 27.312),
    ("fr", "zéro", 0),
    ("fr", "un", 1),
    ("fr", "une", 1),
    ("fr", "quinze", 15),
    ("fr", "dix-sept", 17),
    ("fr", "vingt-et-un", 21),
    ("fr", "vingt et une", 21),
    ("fr", "soixante et onze", 71),
    ("fr", "quatre-vingts", 80),
    ("fr", "quatre-vingt-dix", 90),
    ("fr", "quatre-vingt-dix-neuf", 99),
    ("fr", "cent", 100),
    ("fr", "deux cents", 200),
    ("fr", "mille un", 1001),
    ("fr", "deux mille", 2000),
    ("fr", "deux cent mille", 200_000),
    ("fr", "deux-mille-huit-cent-vingt-quatre", 2824),
    ("fr", "trois quarts", 0.75),
    ("fr", "moitié", 0.5),
    ("fr", "un tiers", 1 / 3),
    ("fr", "un quart", 0.25),
    ("fr", "deux tiers", 2 / 3),
    ("fr", "demi", 0.5),
    ("fr", "deux et demi", 2.5),
    ("fr", "cinq virgule cinq", 5.5),
    ("en", "zero", 0),
    ("en", "one", 1),
    ("en", "fifteen", 15),
    ("en", "twenty-one", 21),
    ("en", "two hundred and fifty", 250),
    ("en", "a hundred", 100),
    ("en", "eleven hundred", 1100),
    ("en", "two thousand and twenty", 2020),
    ("en", "nine hundred ninety-nine thousand nine hundred ninety-nine", 999_999),
    ("en", "three quarters", 0.75),
    ("en", "three-quarters", 0.75),
    ("en", "half", 0.5),
    ("en", "a half", 0.5),
    ("en", "a third", 1 / 3),
    ("en", "one third", 1 / 3),
    ("en", "two thirds", 2 / 3),
    ("en", "a quarter", 0.25),
    ("en", "one and a half", 1.5),
    ("en", "seventeen point four two", 17.42),
]


@pytest.mark.parametrize(("lang", "phrase", "value"), VALUES)
def test_value_and_whole_match(lang: Lang, phrase: str, value: float) -> None:
    assert re.fullmatch(number_words_pattern(lang), phrase, re.IGNORECASE), phrase
    assert parse_number_words(phrase, lang) == pytest.approx(value, rel=1e-12)


NOT_NUMBERS: list[tuple[Lang, str]] = [
    ("id", "ratus"),
    ("id", "puluh"),
    ("id", "belas"),
    ("id", "ribu"),
    ("id", "ratusan"),
    ("id", "puluhan"),
    ("id", "perempat"),
    ("id", "koma"),
    ("id", "satu dua"),
    ("id", ""),
    ("id", "juta"),
    ("id", "dua juta"),
    ("fr", "la moitié"),
    ("fr", "un mille"),
    ("fr", "quarts"),
    ("fr", "million"),
    ("fr", "et"),
    ("en", "a"),
    ("en", "an"),
    ("en", "hundred"),
    ("en", "thousand"),
    ("en", "quarter"),
    ("en", "one two"),
    ("en", "two million"),
]


@pytest.mark.parametrize(("lang", "phrase"), NOT_NUMBERS)
def test_not_a_number(lang: Lang, phrase: str) -> None:
    assert parse_number_words(phrase, lang) is None
    assert not is_fraction(phrase, lang)


IN_TEXT: list[tuple[Lang, str, list[str]]] = [
    ("id", "delapan miliar dolar", ["delapan"]),
    ("id", "sekitar tiga perempat dari proyeksi pendapatannya", ["tiga perempat"]),
    ("id", "dua ribu orang dan dua juta rupiah", ["dua ribu", "dua"]),
    ("id", "beberapa ratus orang, ratusan ribu warga", []),
    ("id", "dua puluhan tahun, tiga ratus ribuan", []),
    ("id", "satu-satunya, kedua, ketiga", []),
    ("id", "satu setengah juta, setengah dari", ["satu setengah", "setengah"]),
    ("id", "dua-tiga orang", ["dua", "tiga"]),
    ("fr", "quinze milliards de dollars", ["quinze"]),
    ("fr", "la moitié des deux cent mille", ["moitié", "deux cent mille"]),
    (
        "fr",
        "deux millions, deux centimes, vingt et un mille",
        ["deux", "deux", "vingt et un mille"],
    ),
    ("fr", "le vingt et unième siècle, quatre-vingt-dixième", []),
    ("en", "a man paid two hundred and fifty dollars", ["two hundred and fifty"]),
    ("en", "between two hundred and three hundred", ["two hundred", "three hundred"]),
    ("en", "two and a half million, a third of", ["two and a half", "a third"]),
    ("en", "hundreds of thousands, the twenty-first century", []),
]


@pytest.mark.parametrize(("lang", "text", "expected"), IN_TEXT)
def test_maximal_phrases_in_text(lang: Lang, text: str, expected: list[str]) -> None:
    assert _matches(text, lang) == expected


@pytest.mark.parametrize(
    ("lang", "phrase", "expected"),
    [
        ("id", "tiga perempat", True),
        ("id", "setengah", True),
        ("id", "sepertiga", True),
        ("id", "satu setengah", False),
        ("id", "satu koma lima", False),
        ("id", "delapan", False),
        ("fr", "trois quarts", True),
        ("fr", "moitié", True),
        ("fr", "deux tiers", True),
        ("fr", "deux et demi", False),
        ("fr", "quinze", False),
        ("en", "half", True),
        ("en", "two thirds", True),
        ("en", "a quarter", True),
        ("en", "one and a half", False),
        ("en", "one", False),
    ],
)
def test_is_fraction(lang: Lang, phrase: str, expected: bool) -> None:
    assert is_fraction(phrase, lang) is expected


@pytest.mark.parametrize("lang", LANGS)
def test_pattern_embeds(lang: Lang) -> None:
    source = number_words_pattern(lang)
    assert re.compile(source).groups == 0
    bigger = re.compile(rf"(?P<n>{source})(?:\s+(?P<scale>juta|millions?|milliards?))?", re.I)
    assert bigger.groups == 2
    # Safe under re.VERBOSE: no literal whitespace or "#" in the source.
    assert re.compile(source, re.IGNORECASE | re.VERBOSE).pattern == source
    assert not re.search(r"[ #]", source)


@pytest.mark.parametrize(("phrase", "value"), [("quart", 0.25), ("tiers", 1 / 3)])
def test_french_quart_and_tiers_stand_alone_as_in_le_quart_de(phrase: str, value: float) -> None:
    assert parse_number_words(phrase, "fr") == pytest.approx(value)
    assert is_fraction(phrase, "fr")


def test_a_phrase_is_read_in_the_language_asked_whatever_was_read_before() -> None:
    """Readings are kept per phrase and language: a phrase read in one language first is
    still read in another's own way, and the same way every time."""
    for _ in range(2):
        assert parse_number_words("sept", "en") is None
        assert parse_number_words("sept", "fr") == 7
        assert is_fraction("trois quarts", "fr") and not is_fraction("trois quarts", "en")
        assert parse_number_words("trois quarts", "fr") == 0.75
