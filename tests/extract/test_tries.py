"""``phrase_trie`` matches as the alternation of the same phrases sorted longest first,
case-insensitively: at every position of texts made of the language data's own phrases
(the period and tense words of every language, in every case), the same span or none. So do
the currency signs' trie (``sign_source``) and ``alternation``'s tries of the lexicon's word
lists, where ``same_as_trie`` allows them, against the flat lists they replace."""

from __future__ import annotations

import re
from typing import Any

from babel.dates import get_month_names
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.extract.currency_match import _phrase, sign_source
from factcheck.extract.tries import phrase_trie, same_as_trie
from factcheck.extract.word_patterns import alternation, phrase, trie_pattern
from factcheck.lang.currency_words import currency_words
from factcheck.lang.loader import common, language
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


def flat_signs(lang: Lang, guarded: bool) -> str:
    """The signs as the flat alternation ``sign_source`` replaces: longest first."""
    signs = sorted(currency_words(lang).signs, key=lambda s: (-len(s), s))
    return "|".join(_phrase(s, guarded) for s in signs)


SIGNS = {lang: sorted(currency_words(lang).signs) for lang in LANGS}


@settings(max_examples=200, deadline=None)
@given(lang=st.sampled_from(LANGS), guarded=st.booleans(), data=st.data())
def test_the_signs_trie_matches_as_their_alternation(lang: Lang, guarded: bool,
                                                     data: st.DataObject) -> None:
    assert same_as_trie(SIGNS[lang], ignore_case=False)  # else sign_source keeps the list
    trie = re.compile(rf"(?P<sym>{sign_source(lang, guarded)})")
    prefixes = "|".join(re.escape(p) for p in common().currencies.scaled_code_prefixes)
    alternation = re.compile(rf"(?P<sym>(?:(?:{prefixes})?(?:{flat_signs(lang, guarded)})))")
    text = "".join(data.draw(st.lists(st.one_of(
        st.sampled_from(SIGNS[lang]), st.sampled_from(SIGNS[lang]).map(lambda s: s[:-1]),
        st.sampled_from([" ", "\u00a0", "M", "s", "S", "'", "’", "$", ".", "5"])), max_size=5)))
    for pos in range(len(text) + 1):
        a, b = trie.match(text, pos), alternation.match(text, pos)
        assert (a and a.span()) == (b and b.span()), (text, pos)


def lexicon_word_lists() -> list[list[str]]:
    """The word lists the lexicon's patterns are built from (units, scale words,
    qualifiers, per-time words, ...): what ``alternation`` is given."""
    lists = []
    for lang in LANGS:
        amounts = language(lang).amounts.model_dump()
        lists += [strings(v) for v in amounts.values() if len(strings(v)) > 1]
        lists.append(strings(language(lang).units.model_dump()))
    return lists


WORD_LISTS = lexicon_word_lists()


@settings(max_examples=300, deadline=None)
@given(words=st.sampled_from(WORD_LISTS), ignore_case=st.booleans(), data=st.data())
def test_alternation_matches_as_the_phrases_longest_first(
        words: list[str], ignore_case: bool, data: st.DataObject) -> None:
    unique = sorted(set(words), key=lambda w: (-len(w), w))
    flags = re.IGNORECASE if ignore_case else 0
    ours = re.compile(rf"(?:{alternation(words)})(?![^\W\d_])", flags)
    flat = re.compile("(?:" + "|".join(phrase(w) for w in unique) + r")(?![^\W\d_])", flags)
    text = "".join(data.draw(st.lists(st.one_of(
        st.sampled_from(unique), st.sampled_from(unique).map(str.upper),
        st.sampled_from(unique).map(str.capitalize), st.sampled_from(unique).map(lambda w: w[:-1]),
        st.sampled_from([" ", "\u00a0", "  ", "'", "’", "s", "-", "5", "."])), max_size=6)))
    for pos in range(len(text) + 1):
        a, b = ours.match(text, pos), flat.match(text, pos)
        assert (a and a.span()) == (b and b.span()), (text, pos)


def test_the_lexicon_s_long_lists_are_tries() -> None:
    """The point of it: the units and scale words are a trie, not a list of tries."""
    units = language("en").units.model_dump()["names"]
    assert alternation(["dollar", "dinar"]) == "d(?:inar|ollar)"  # one first step, not two
    assert alternation(units) != "|".join(phrase(w) for w in
                                          sorted(set(units), key=lambda w: (-len(w), w)))
    assert alternation(["Kr", "kr"]) == r"Kr|kr"  # one character both ways: the list


def test_same_as_trie_reads_ascii_case_as_the_engine_does() -> None:
    """Two ASCII characters overlap as ``re`` says they do (the quick rule for them)."""
    chars = [chr(c) for c in range(33, 127)]
    for ignore_case in (False, True):
        flags = re.IGNORECASE if ignore_case else 0
        for i, a in enumerate(chars):
            for b in chars[i + 1:]:
                engine = bool(re.fullmatch(re.escape(a), b, flags))
                assert same_as_trie([a + "x", b + "y"], ignore_case) is not engine, (a, b)
