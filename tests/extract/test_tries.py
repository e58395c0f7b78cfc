"""``phrase_trie`` matches as the alternation of the same phrases sorted longest first,
case-insensitively: at every position of texts made of the language data's own phrases
(the period and tense words of every language, in every case), the same span or none."""

from __future__ import annotations

import re
from typing import Any

from babel.dates import get_month_names
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.extract.lexicon import trie_pattern
from factcheck.extract.tries import phrase_trie, same_as_trie
from factcheck.lang.currency_words import currency_words
from factcheck.lang.loader import language
from factcheck.model import Lang

LANGS: tuple[Lang, ...] = ("id", "fr", "en")


def sorted_alternation(phrases: list[str], lead: bool = False) -> str:
    """The alternation the trie replaces: longest first."""
    items = sorted(set(phrases), key=len, reverse=True)
    parts = [r"\s++".join(re.escape(w).replace("'", "['’]") for w in p.split())
             + (r"\s++" if lead and not p.endswith("'") else "") for p in items]
    return "(?:" + "|".join(parts) + ")" if parts else "(?!)"


def strings(value: Any) -> list[str]:
    if isinstance(value, dict):
        return [s for k, v in value.items() for s in (str(k), *strings(v))]
    if isinstance(value, list | tuple):
        return [s for v in value for s in strings(v)]
    return [str(value)] if isinstance(value, str) else []


def phrase_lists() -> list[list[str]]:
    lists = []
    for lang in LANGS:
        months = [name for width in ("wide", "abbreviated")
                  for name in get_month_names(width, locale=lang).values()]
        lists.append(months + [m.casefold() for m in months])
        for data in (language(lang).periods.model_dump(), language(lang).tense.model_dump()):
            lists += [strings(v) for v in data.values() if strings(v)]
    return lists


LISTS = phrase_lists()


@st.composite
def cases(draw: st.DrawFn) -> tuple[list[str], str, bool]:
    phrases = draw(st.sampled_from(LISTS))
    pieces = draw(st.lists(st.one_of(
        st.sampled_from(phrases).map(lambda p: p.upper()),
        st.sampled_from(phrases).map(lambda p: p.capitalize()),
        st.sampled_from(phrases),
        st.sampled_from(phrases).map(lambda p: p[:-1]),
        st.sampled_from([" ", "  ", "\n", "-", "’", "'", ".", "x", "s", "2024"])), max_size=6))
    return phrases, "".join(pieces), draw(st.booleans())


@settings(max_examples=300, deadline=None)
@given(case=cases())
def test_the_trie_matches_as_the_sorted_alternation(case: tuple[list[str], str, bool]) -> None:
    phrases, text, lead = case
    trie = re.compile(rf"(?:{phrase_trie(phrases, lead)})(?:\.|(?!\w))", re.IGNORECASE)
    alternation = re.compile(rf"(?:{sorted_alternation(phrases, lead)})(?:\.|(?!\w))",
                             re.IGNORECASE)
    for pos in range(len(text) + 1):
        a, b = trie.match(text, pos), alternation.match(text, pos)
        assert (a and a.span()) == (b and b.span()), (text, pos)


def test_longest_first_across_case() -> None:
    pattern = re.compile(rf"{phrase_trie(['Mai', 'mais'])}", re.IGNORECASE)
    assert pattern.match("MAIS").group() == "MAIS"  # not "MAI": one branch up to case
    assert phrase_trie([]) == "(?!)"
    assert re.fullmatch(phrase_trie(["d'", "de"], lead=True), "de  ", re.IGNORECASE)
    assert re.fullmatch(phrase_trie(["d'"], lead=True), "d’", re.IGNORECASE)


def test_same_as_trie_refuses_branches_one_character_matches_both_ways() -> None:
    assert same_as_trie(["krona", "Krone"], ignore_case=False)
    assert not same_as_trie(["krona", "Krone"], ignore_case=True)
    assert not same_as_trie(["ai", "aı"], ignore_case=True)  # "ı" matches "I"
    assert not same_as_trie(["new dollar", "new\u00a0sol"], ignore_case=False)
    assert same_as_trie(["dollar", "dinar", "dirham"], ignore_case=True)


NAMES = sorted({name for lang in LANGS for name in currency_words(lang).names})


@settings(max_examples=300, deadline=None)
@given(words=st.lists(st.sampled_from(NAMES), min_size=1, max_size=12, unique=True),
       ignore_case=st.booleans(), data=st.data())
def test_where_allowed_the_trie_matches_as_the_alternation(
        words: list[str], ignore_case: bool, data: st.DataObject) -> None:
    ordered = sorted(words, key=lambda w: (-len(w), w))
    if not same_as_trie(ordered, ignore_case):
        return
    flags = re.IGNORECASE if ignore_case else 0
    trie = re.compile(rf"(?:{trie_pattern(ordered)})(?![^\W\d_])", flags)
    alternation = re.compile("(?:" + "|".join(
        re.escape(w).replace(r"\ ", r"[\s\u00a0]+") for w in ordered) + r")(?![^\W\d_])", flags)
    text = "".join(data.draw(st.lists(st.one_of(
        st.sampled_from(words), st.sampled_from(words).map(str.upper),
        st.sampled_from(words).map(lambda w: w[:-1]),
        st.sampled_from([" ", "\u00a0", "s", "-", "5"])), max_size=6)))
    for pos in range(len(text) + 1):
        a, b = trie.match(text, pos), alternation.match(text, pos)
        assert (a and a.span()) == (b and b.span()), (text, pos)
