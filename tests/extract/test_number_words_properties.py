"""Number words: conformance with n2words' suites (read at run time) and properties of the
parser (round trips against a reference generator, any text, word soups)."""

from __future__ import annotations

import json
import math
import os
import re
from pathlib import Path
from typing import Any

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from factcheck.extract.number_words import is_fraction, number_words_pattern, parse_number_words
from factcheck.model import LANGS, Lang

# --- peer conformance (n2words, read at run time, never copied) ---------------------------

N2WORDS_FILES: dict[Lang, str] = {"id": "id-ID.json", "fr": "fr-FR.json", "en": "en-US.json"}


def _matches(text: str, lang: Lang) -> list[str]:
    return [m.group() for m in re.finditer(number_words_pattern(lang), text, re.IGNORECASE)]


def _n2words_cases(lang: Lang, integers: bool) -> list[dict[str, Any]]:
    env = os.environ.get("FACTCHECK_SHARED")
    shared = Path(env) if env else Path(__file__).resolve().parents[3] / "shared"
    path = shared / "peer" / "n2words" / N2WORDS_FILES[lang]
    if not path.is_file():
        pytest.skip(f"peer data absent: {path} (set FACTCHECK_SHARED to the shared folder)")
    cases: list[dict[str, Any]] = json.loads(path.read_text(encoding="utf-8"))["sections"][
        "cardinal"
    ]
    # In scope: non-negative, below one million (scale words above are the extractor's).
    return [
        c
        for c in cases
        if 0 <= c["number"] < 1_000_000 and float(c["number"]).is_integer() is integers
    ]


def _pass_rate(lang: Lang, cases: list[dict[str, Any]], label: str) -> float:
    results = [(c["text"], c["number"], parse_number_words(c["text"], lang)) for c in cases]
    failures = [
        (text, number, value)
        for text, number, value in results
        if value is None or not math.isclose(value, number, rel_tol=1e-9)
    ]
    rate = 1 - len(failures) / len(cases)
    print(f"n2words {lang} {label}: {rate:.1%} of {len(cases)} pass; failures: {failures}")
    return rate


@pytest.mark.parametrize("lang", LANGS)
def test_n2words_integers_below_a_million(lang: Lang) -> None:
    cases = _n2words_cases(lang, integers=True)
    assert len(cases) >= 50
    assert _pass_rate(lang, cases, "integers < 1e6") >= 0.95


@pytest.mark.parametrize("lang", LANGS)
def test_n2words_decimals_below_a_million(lang: Lang) -> None:
    cases = _n2words_cases(lang, integers=False)
    assert len(cases) >= 4
    assert _pass_rate(lang, cases, "decimals < 1e6") >= 0.95


# --- properties ---------------------------------------------------------------------------

_ID_UNITS = ["", "satu", "dua", "tiga", "empat", "lima", "enam", "tujuh", "delapan", "sembilan"]


def _id_below_1000(n: int) -> list[str]:
    """Independent reference: Indonesian words of 1..999."""
    hundreds, rest = divmod(n, 100)
    tens, units = divmod(rest, 10)
    words = ["seratus"] if hundreds == 1 else [_ID_UNITS[hundreds], "ratus"] if hundreds else []
    if rest == 10:
        words.append("sepuluh")
    elif rest == 11:
        words.append("sebelas")
    elif tens == 1:
        words += [_ID_UNITS[units], "belas"]
    else:
        words += [_ID_UNITS[tens], "puluh"] if tens else []
        words += [_ID_UNITS[units]] if units else []
    return words


def id_words(n: int) -> str:
    """Independent reference: Indonesian words of 0..999999."""
    if n == 0:
        return "nol"
    thousands, rest = divmod(n, 1000)
    words = ["seribu"] if thousands == 1 else [*_id_below_1000(thousands), "ribu"] * bool(thousands)
    return " ".join(words + _id_below_1000(rest)) if rest else " ".join(words)


def test_reference_generator_itself() -> None:
    assert id_words(0) == "nol"
    assert id_words(11) == "sebelas"
    assert id_words(1104) == "seribu seratus empat"
    assert id_words(250_019) == "dua ratus lima puluh ribu sembilan belas"
    assert id_words(110_000) == "seratus sepuluh ribu"


@settings(max_examples=600, deadline=None)
@given(st.integers(min_value=0, max_value=999_999))
@example(0)
@example(10)
@example(1000)
@example(100_000)
@example(999_999)
def test_indonesian_roundtrip(n: int) -> None:
    words = id_words(n)
    assert re.fullmatch(number_words_pattern("id"), words, re.IGNORECASE), words
    assert parse_number_words(words, "id") == n
    assert parse_number_words(words.upper(), "id") == n
    assert _matches(f"Sebanyak {words} orang hadir.", "id") == [words]


@pytest.mark.parametrize("lang", LANGS)
@settings(max_examples=300, deadline=None)
@given(text=st.text(max_size=80))
def test_parse_never_raises_on_text(lang: Lang, text: str) -> None:
    value = parse_number_words(text, lang)
    assert value is None or math.isfinite(value)
    assert is_fraction(text, lang) in (True, False)


_VOCAB = [
    word
    for line in (
        "nol satu dua tiga sebelas belas puluh ratus seratus ribu seribu koma setengah perempat",
        "zéro un une deux vingt et soixante dix quatre-vingt cent cents mille virgule demi tiers",
        "quart zero one a two twenty and hundred thousand point half thirds quarter - , juta",
        "million",
    )
    for word in line.split()
]


@pytest.mark.parametrize("lang", LANGS)
@settings(max_examples=300, deadline=None)
@given(words=st.lists(st.sampled_from(_VOCAB), max_size=12))
def test_word_soup_matches_parse(lang: Lang, words: list[str]) -> None:
    """Every match in a soup of number words parses; parsing never raises."""
    text = " ".join(words)
    parse_number_words(text, lang)
    for phrase in _matches(text, lang):
        assert parse_number_words(phrase, lang) is not None, phrase


@pytest.mark.parametrize("lang", LANGS)
def test_no_catastrophic_backtracking(lang: Lang) -> None:
    soup = " ".join(_VOCAB * 40) + " " + "-".join(_VOCAB * 40)
    _matches(soup, lang)
    for _ in range(1000):
        parse_number_words("dua ratus lima puluh ribu tiga", lang)
