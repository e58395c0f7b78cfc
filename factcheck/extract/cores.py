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

from factcheck.extract.lexicon import SP, Lexicon, alternation, trie_pattern
from factcheck.extract.number_words import is_fraction, number_words_pattern, parse_number_words
from factcheck.extract.numbers import NUMERAL, parse_numeral
from factcheck.lang.loader import language
from factcheck.model import Lang


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
    return re.compile(
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
    return re.compile(rf"(?<![^\W\d_]){trie_pattern(word_starts(lang, lex))}(?![^\W\d_])")


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
                yield Core(w.start(), w.end(), value, 1.0 if not frac else 0.0, frac, True)
        w = next(words, None)


def scale_at(text: str, pos: int, lex: Lexicon) -> tuple[float, int, Lang | None, bool] | None:
    """(factor, end, language of the word, is a one-letter abbreviation) of a scale word."""
    m = lex.scale_re.match(text, pos)
    if not m:
        return None
    if m.group("word"):
        found = lex.lookup(lex.scale, m.group("word"))
        return None if found is None else (found[0], m.end(), found[1], False)
    abbr = m.group("abbr")
    factor = lex.lookup(lex.scale_abbr, abbr)
    near = len(abbr) == 1 or abbr in lex.abbr_next_to_currency
    return None if factor is None else (factor, m.end(), None, near)


MAX_POWER = 300  # 10^300 keeps a float finite; no figure of the news is larger


def power_at(text: str, core: Core, lex: Lexicon) -> tuple[float, int] | None:
    """(10 to the power written, end) after a number: "2,5 x 10 pangkat 33", "3 × 10^15",
    "2.8e18", or "10^18" itself."""
    if core.words:
        return None
    if text.startswith("^", core.end) and text[core.start:core.end] == "10":
        m = re.compile(r"\^(?P<exp>[-−+]?\d{1,3})(?!\d)").match(text, core.end)
        found = m.group("exp") if m else None
    else:
        m = lex.power_re.match(text, core.end)
        found = (m.group("exp") or m.group("eexp")) if m else None
    if m is None or found is None:
        return None
    power = int(found.replace("−", "-"))
    return (10.0 ** power, m.end()) if abs(power) <= MAX_POWER else None


def numeral_at(
    text: str, core: Core, lex: Lexicon, trailing_zeros: bool
) -> tuple[float, float, float, int, bool]:
    """(value, step, scale factor, end, scale needs a currency) of the number at ``core``:
    with its scale words ("juta triliun" and "lakh crore" multiply; "272 milliards 250
    millions" adds) or a power of ten."""
    value, step = core.value, core.step
    power = power_at(text, core, lex)
    if power is not None:
        if text.startswith("^", core.end):  # "10^18": the power is the number
            return 1.0, 1.0, power[0], power[1], False
        return value, step, power[0], power[1], False
    scale = scale_at(text, core.end, lex)
    if scale is None:
        return value, step, 1.0, core.end, False
    factor, end, scale_lang, needs_currency = scale
    if scale_lang and scale_lang != lex.lang and not core.words:
        num = parse_numeral(text[core.start:core.end], scale_lang,
                            trailing_zeros_significant=trailing_zeros)
        if num is not None:
            value, step = num.value, num.step
    if scale_lang is None:
        return value, step, factor, end, needs_currency
    last = factor
    while (more := scale_at(text, end, lex)) is not None and more[2] and more[0] > last:
        factor, end, last = factor * more[0], more[1], more[0]
    return (*_added(text, end, lex, (value, step, factor), trailing_zeros), needs_currency)


ADDED = re.compile(rf"{SP}(?P<n>\d{{1,3}}(?:[.,]\d+)?)(?!\d)")


def _added(text: str, end: int, lex: Lexicon, read: tuple[float, float, float],
           tz: bool) -> tuple[float, float, float, int]:
    """(value, step, factor, end) with a smaller part added: "272 milliards 250 millions",
    "2 miliar 500 juta"; else the amount ``read`` (value, step, factor) as it is."""
    value, step, factor = read
    m = ADDED.match(text, end)
    more = scale_at(text, m.end(), lex) if m else None
    if m is None or more is None or more[2] is None or more[0] >= factor:
        return value, step, factor, end
    num = parse_numeral(m.group("n"), lex.lang, trailing_zeros_significant=tz)
    if num is None or num.value * more[0] >= factor:
        return value, step, factor, end
    return value * factor / more[0] + num.value, num.step, more[0], more[1]
