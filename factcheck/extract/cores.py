"""The numbers of a text: digit tokens and number-word phrases, with their scale words.

``Amount`` is what the scanner builds around a number; ``Core`` is the number itself. An
amount read with a sign or name several currencies share has no ``currency`` but its
``candidates`` until ``currency_evidence`` decides. Number
words are tried only at words that can start a number-word phrase (a regex trie finds
them), which keeps the scan fast on text that is mostly words.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

from factcheck.extract.lexicon import Lexicon
from factcheck.extract.number_words import is_fraction, number_words_pattern, parse_number_words
from factcheck.extract.numbers import NUMERAL, parse_numeral
from factcheck.extract.word_patterns import SP, alternation, trie_pattern
from factcheck.lang.loader import language
from factcheck.model import Lang
from factcheck.patterns import compiled

DIGITS_ECHO = re.compile(rf"{SP}?\(\s*(\d{{1,6}})\s*\)")  # a number in words, then in digits


@dataclass(slots=True)
class Amount:
    """One amount as read from the text, before ids, intervals and context."""

    start: int
    end: int
    value: float
    step: float
    kind: str
    currency: str | None = None
    unit: str | None = None
    per: str | None = None
    qualifier: str | None = None
    range_first: tuple[float, float] | None = None
    has_scale: bool = False
    rate_base_pending: bool = False
    candidates: frozenset[str] | None = None  # a family sign's currencies, while undecided
    sign: str | None = None  # the family sign or name as written (normalised)
    sign_after: bool = False  # written after the number
    needs_evidence: bool = False  # a sign of one or two letters ("Rs", "N")
    currency_source: str | None = None  # None: written; "evidence", "default", "context"
    scale_typo: tuple[str, str] | None = None  # a misspelt scale word: (as written, as meant)
    minor: bool = False  # written in a minor unit ("12 cents", "50 sen")
    quote_subject: frozenset[str] | None = None  # a quoted rate's base, while undecided


@dataclass(slots=True)
class Core:
    start: int
    end: int
    value: float
    step: float
    fraction: bool
    words: bool


@cache
def words_re(lang: Lang, lex: Lexicon) -> re.Pattern[str]:
    scale = alternation(w for w, (_, wl) in lex.scale.items() if wl == lang)
    return compiled(
        rf"(?<![^\W\d_])(?:(?:(?P<os>(?i:{alternation(lex.one_scale)}))"
        rf"|(?P<nw>{number_words_pattern(lang)}))(?![^\W\d_])"
        rf"|(?P<one>{lex.one_articles}){SP}+(?=(?i:{scale})\b))",
        re.IGNORECASE,
    )


WORD = re.compile(r"[^\W\d_]+")
# Keys of number_words.yaml whose words only join or end a phrase, never start one (and the
# name of the grammar, which is no word).
NOT_FIRST_WORDS = frozenset({"and", "decimal", "ordinal_suffixes", "half_suffix", "grammar"})


@cache
def word_starts(lang: Lang, lex: Lexicon) -> frozenset[str]:
    """The first word of every phrase in the number-word data: only these can start one."""
    words: set[str] = set()

    def walk(item: object) -> None:
        if isinstance(item, dict):
            for key, value in item.items():
                walk(key)
                walk(value)
        elif isinstance(item, list | tuple):
            for value in item:
                walk(value)
        elif isinstance(item, str):
            first = WORD.match(item.lower())  # only a phrase's first word can start it
            if first:
                words.add(first.group())

    tables = language(lang).number_words.model_dump(by_alias=True)
    for key, value in tables.items():  # top-level keys name tables
        if key not in NOT_FIRST_WORDS:
            walk(value)
    walk(list(lex.one_scale))
    walk(language(lang).amounts.one_articles)
    # Lower case, Capitalised and UPPER CASE, as running text writes them: no lower-casing.
    return frozenset(v for w in words for v in (w, w.capitalize(), w.upper()))


@cache
def starts_re(lang: Lang, lex: Lexicon) -> re.Pattern[str]:
    return compiled(rf"(?<![^\W\d_]){trie_pattern(word_starts(lang, lex))}(?![^\W\d_])")


def word_numbers(text: str, lex: Lexicon) -> Iterator[re.Match[str]]:
    """What ``_words_re(...).finditer(text)`` finds, trying the pattern only at words that
    can start a number-word phrase (most words cannot): several times faster."""
    pattern, starts = words_re(lex.lang, lex), starts_re(lex.lang, lex)
    end = 0
    for word in starts.finditer(text):
        if word.start() < end:
            continue
        m = pattern.match(text, word.start())
        if m:
            end = m.end()
            yield m


def number_cores(text: str, lex: Lexicon, trailing_zeros: bool) -> Iterator[Core]:
    digits = NUMERAL.finditer(text)
    words = word_numbers(text, lex)
    d, w = next(digits, None), next(words, None)
    while d or w:
        if d and (not w or d.start() <= w.start()):
            token = d.group()
            num = parse_numeral(token, lex.lang, trailing_zeros_significant=trailing_zeros)
            if num is not None:
                yield Core(d.start(), d.end(), num.value, num.step, False, False)
            d = next(digits, None)
            continue
        assert w is not None
        phrase = w.group()
        if w.group("os"):
            factor = lex.lookup(lex.one_scale, phrase)
            if factor is not None:
                yield Core(w.start(), w.end(), factor, factor, False, True)
        elif w.group("one"):
            yield Core(w.start(), w.start() + len(w.group("one")), 1.0, 1.0, False, True)
        else:
            value = parse_number_words(phrase, lex.lang)
            if value is not None:
                frac = is_fraction(phrase, lex.lang)
                echo = DIGITS_ECHO.match(text, w.end())  # "un (1) milliard", "quatre (4)"
                end = echo.end() if echo and float(echo.group(1)) == value else w.end()
                yield Core(w.start(), end, value, 1.0 if not frac else 0.0, frac, True)
        w = next(words, None)
