"""The scanner's guards only ever skip a search that would have failed: wherever a guard
says no, the pattern it stands for finds nothing either (and they do say no on plain
words, or they would save nothing)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.extract.guards import (
    may_end_before,
    may_hold,
    opener_words,
    qualifier_ends,
    sign_ends,
    tails,
)
from factcheck.extract.lexicon import lexicon
from factcheck.lang.currency_words import currency_words
from factcheck.model import Lang

LANGS: tuple[Lang, ...] = ("id", "fr", "en")
PIECES = ["US$", "Rp", "Rp.", "$", "€", "£", "EUR", "usd", "Rs", "kr", "N", "R", "FCFA",
          "sekitar", "SEKITAR", "about", "About", "nearly", "environ", "près de", "plus de",
          "l'", "l’", "la", "the", "antara", "ANTARA", "between", "from", "entre", "de",
          "ſome", "abouT", "İ", "approx.", "jusqu'à", "à", "dan", "and", "hingga", "-", "–",
          " ", "  ", "\u00a0", "\u202f", "\n", "\r\n", "(", ",", "x", "ab", "é", "5", "1,5"]
windows = st.lists(st.sampled_from(PIECES), max_size=8).map("".join)


@settings(max_examples=400, deadline=None)
@given(lang=st.sampled_from(LANGS), before=windows)
def test_no_sign_is_missed(lang: Lang, before: str) -> None:
    text, lex = before + "5", lexicon(lang)
    pos, lo = len(before), max(0, len(before) - 12)
    if not may_end_before(text, lo, pos, sign_ends(lang), ignore_case=False):
        assert lex.prefix_re.search(text, lo, pos) is None


@settings(max_examples=400, deadline=None)
@given(lang=st.sampled_from(LANGS), before=windows)
def test_no_qualifier_is_missed(lang: Lang, before: str) -> None:
    text, lex = before + "5", lexicon(lang)
    pos, lo = len(before), max(0, len(before) - 30)
    if not may_end_before(text, lo, pos, qualifier_ends(lang), ignore_case=True):
        assert lex.qualifier_re.search(text, lo, pos) is None


@settings(max_examples=400, deadline=None)
@given(lang=st.sampled_from(LANGS), before=windows)
def test_no_range_opener_is_missed(lang: Lang, before: str) -> None:
    text, lex = before + "5", lexicon(lang)
    pos, lo = len(before), max(0, len(before) - 20)
    if not may_hold(text, lo, pos, opener_words(lang)):
        assert lex.opener_re.search(text, lo, pos) is None


def test_they_say_no_on_plain_words() -> None:
    text = "the company said that 5"
    assert not may_end_before(text, 0, len(text) - 1, sign_ends("en"), ignore_case=False)
    assert not may_end_before(text, 0, len(text) - 1, qualifier_ends("en"), ignore_case=True)
    assert not may_hold(text, 0, len(text) - 1, opener_words("en"))
    assert may_end_before("about 5", 0, 6, qualifier_ends("en"), ignore_case=True)
    assert may_end_before("US$ 5", 0, 4, sign_ends("en"), ignore_case=False)
    assert may_hold("between 5", 0, 8, opener_words("en"))


def test_every_sign_of_every_language_is_seen() -> None:
    for lang in LANGS:
        for sign in currency_words(lang).signs:
            text = f"{sign} 5"
            assert may_end_before(text, 0, len(text) - 1, sign_ends(lang), ignore_case=False)


def test_no_guard_where_case_folding_reaches_ascii() -> None:
    assert tails(["ſome"], ignore_case=True) is None  # "ſ" matches "s" case-insensitively
    assert tails(["près"], ignore_case=True) == {"s": ("près",)}
    assert tails(["de "], ignore_case=True) is None
