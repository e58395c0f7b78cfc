"""Numbers written in words: "delapan", "dua ratus lima puluh", "quinze", "three quarters".

:func:`number_words_pattern` gives the source of a regex (no capturing groups, for
``re.IGNORECASE``, safe under ``re.VERBOSE``) that matches a maximal number-word phrase
below one million; :func:`parse_number_words` reads the phrase it matched. Scale words from
one million up (juta, million, milliard...) are left to the amount extractor, so "delapan
miliar" matches "delapan" only; "ribu"/"mille"/"thousand" belong here ("dua ribu" = 2000).

A phrase is one of:

- a cardinal below one million ("sebelas", "deux cent mille", "two hundred and fifty"), read
  by the Indonesian grammar of :mod:`number_words_id` or by ``text2num`` (French, English);
- a cardinal with a decimal part ("satu koma lima" 1.5): the words after the decimal word are
  read as a run of chunks whose digits are joined, so "koma dua lima", "koma dua puluh lima"
  and "point two five" are all .25 and "koma nol tujuh" is .07;
- a cardinal plus a half ("satu setengah" 1.5, "deux et demi" 2.5, "one and a half");
- a fraction: a unit (or "a"/"an") and a denominator ("tiga perempat", "two thirds",
  "trois quarts", "a quarter"), or a fraction word alone ("setengah", "moitié", "half").

All words are in ``factcheck/lang/<lang>/number_words.yaml``, whose ``grammar`` names the
cardinal grammar: ``indonesian`` or ``text2num``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache

from text_to_num import text2num

from factcheck.extract.number_words_id import (
    SEP,
    alt,
    id_cardinal_patterns,
    id_not_followed_by,
    parse_id_cardinal,
)
from factcheck.lang.loader import language
from factcheck.lang.schema_amounts import IndonesianNumberWords, Text2NumNumberWords
from factcheck.model import Lang
from factcheck.patterns import compiled

__all__ = ["is_fraction", "number_words_pattern", "parse_number_words"]

_SPLIT = re.compile(r"[\s\-]+")


@dataclass(frozen=True)
class _Grammar:
    """The compiled forms of one language's pattern."""

    source: str
    full: re.Pattern[str]
    chunk: re.Pattern[str]
    half_suffixes: tuple[tuple[str, ...], ...]


def _scaled(multiplier: str, scale: str, below: str, words: Text2NumNumberWords) -> str:
    """`multiplier scale [and] below`: "deux cent trois", "two thousand and twenty", "mille un".

    The part after the scale word may not itself be followed by it, so that "two hundred
    and three hundred" reads as two numbers.
    """
    head = f"(?:{multiplier}|{alt(words.articles)})" if words.articles else multiplier
    if words.not_before_scale:
        head = rf"(?!{alt(words.not_before_scale)}{SEP}{scale}\b){head}"
    head = f"(?:{head}{SEP})" + ("?" if words.bare_scale else "")
    conj = f"(?:{SEP}{alt(words.and_)})?" if words.and_after_scale else ""
    return rf"(?:{head}{scale}(?:{conj}{SEP}{below}(?!{SEP}{scale}\b))?)"


def _western_cardinal_patterns(words: Text2NumNumberWords) -> tuple[str, str]:
    """Regex sources of a French or English cardinal below one million, and of one chunk of
    decimal digits (a cardinal below one thousand, or zero)."""
    unit, teen, and_ = alt(words.units), alt(words.teens), alt(words.and_)
    and_units = alt(words.and_units)
    tens = rf"{alt(words.tens)}(?:{SEP}{and_}{SEP}{and_units}|{SEP}(?!{and_units}\b){unit})?"
    bare_one = f"{alt(words.tens_bare_one)}{SEP}{unit}"
    and_teen = f"{and_}{SEP}{alt(words.and_teens)}"
    with_teen = f"{alt(words.tens_with_teens)}{SEP}(?:{and_teen}|{teen})"
    plural = alt(words.tens_plural)
    below_100 = f"(?:{plural}|{with_teen}|{bare_one}|{tens}|{teen}|{unit})"
    hundred = alt(words.hundred)
    below_1000 = f"(?:{_scaled(unit, hundred, below_100, words)}|{below_100})"
    below_million = _scaled(below_1000, alt(words.thousand), below_1000, words)
    if words.hundred_pairing:  # "fifteen hundred", on its own only
        below_million = f"(?:{below_million}|{_scaled(below_100, hundred, below_100, words)})"
    zero = alt(words.zero)
    return f"(?:{below_million}|{below_1000}|{zero})", f"(?:{below_1000}|{zero})"


def _western_not_followed_by(words: Text2NumNumberWords) -> str:
    """A lookahead that rejects a match that goes on, through number words, into an ordinal
    ("vingt" in "vingt et unième", "twenty" in "twenty-first")."""
    number_word = alt(w for group in (words.units, words.teens, words.tens, words.tens_plural,
                                      words.hundred, words.thousand, words.and_) for w in group)
    joiner = r"\s*-\s*" if words.ordinal_hyphen_only else SEP
    ordinal = rf"\w*{alt(words.ordinal_suffixes)}\b"
    return f"(?!(?:{SEP}{number_word})*{joiner}{ordinal})"


@cache
def _grammar(lang: Lang) -> _Grammar:
    words = language(lang).number_words
    articles: dict[str, str] = {}
    if isinstance(words, IndonesianNumberWords):
        cardinal, chunk = id_cardinal_patterns(words)
        tail_guard = id_not_followed_by(words)
    else:
        cardinal, chunk = _western_cardinal_patterns(words)
        tail_guard = _western_not_followed_by(words)
        articles = words.articles
    fractions = words.fractions
    numerator = alt([*words.units, *articles])
    with_numerator = f"{numerator}{SEP}{alt(fractions.denominators)}"
    fraction = f"(?:{with_numerator}|{alt(fractions.standalone)})"
    decimal = f"{SEP}{alt(words.decimal)}{SEP}{chunk}(?:{SEP}{chunk})*"
    extension = f"(?:{decimal}|{SEP}{alt(words.half_suffix)})"
    source = rf"\b(?:{fraction}|{cardinal}{extension}?)\b{tail_guard}"
    return _Grammar(
        source=source,
        full=compiled(source, re.IGNORECASE),
        chunk=compiled(rf"{chunk}\b", re.IGNORECASE),
        half_suffixes=tuple(tuple(_SPLIT.split(s.casefold())) for s in words.half_suffix),
    )


def number_words_pattern(lang: Lang) -> str:
    """Source of a regex matching a maximal number-word phrase of ``lang`` (use with
    ``re.IGNORECASE``; it has no capturing groups and starts and ends at word boundaries)."""
    return _grammar(lang).source


def _cardinal(tokens: list[str], lang: Lang) -> int | None:
    words = language(lang).number_words
    if isinstance(words, IndonesianNumberWords):
        return parse_id_cardinal(tokens, words)
    articles = words.articles
    try:
        value = text2num(" ".join(articles.get(t, t) for t in tokens), lang)
    except ValueError:
        return None
    return int(value)


def _decimal(tokens: list[str], at: int, lang: Lang) -> float | None:
    """Value of `<cardinal> <decimal word> <chunks>`; chunk digits are joined (module doc)."""
    whole = _cardinal(tokens[:at], lang)
    tail, chunk = " ".join(tokens[at + 1 :]), _grammar(lang).chunk
    digits: list[str] = []
    pos = 0
    while pos < len(tail) and whole is not None:
        match = chunk.match(tail, pos)
        value = None if match is None else _cardinal(match.group().split(), lang)
        if match is None or value is None:
            return None
        digits.append(str(value))
        pos = match.end() + 1
    return None if whole is None or not digits else float(f"{whole}.{''.join(digits)}")


@lru_cache(maxsize=4096)
def _analyse(phrase: str, lang: Lang) -> tuple[float, bool] | None:
    """(value, is a fraction) of a phrase the pattern matches whole, else ``None``; kept
    per phrase, since the scanner asks twice (its value, whether it is a fraction) and
    running text repeats its few number words ("un", "une", "two", "half") many times."""
    grammar = _grammar(lang)
    text = phrase.strip()
    if grammar.full.fullmatch(text) is None:
        return None
    tokens = _SPLIT.split(text.casefold())
    words = language(lang).number_words
    half_of_place = words.half_of_place if isinstance(words, IndonesianNumberWords) else {}
    for suffix in grammar.half_suffixes:
        if len(tokens) > len(suffix) and tuple(tokens[-len(suffix) :]) == suffix:
            base = _cardinal(tokens[: -len(suffix)], lang)
            place = half_of_place.get(tokens[-len(suffix) - 1], 1)
            return None if base is None else (base + place / 2, False)
    standalone = words.fractions.standalone
    denominators = words.fractions.denominators
    if len(tokens) == 1 and tokens[0] in standalone:
        return 1 / standalone[tokens[0]], True
    if len(tokens) > 1 and tokens[-1] in denominators:
        numerator = _cardinal(tokens[:-1], lang)
        return None if numerator is None else (numerator / denominators[tokens[-1]], True)
    for at, token in enumerate(tokens):
        if at and token in words.decimal:
            value = _decimal(tokens, at, lang)
            return None if value is None else (value, False)
    cardinal = _cardinal(tokens, lang)
    return None if cardinal is None else (float(cardinal), False)


def parse_number_words(phrase: str, lang: Lang) -> float | None:
    """Value of a number-word phrase (case-insensitive; spaces and hyphens between words are
    interchangeable), or ``None`` if the whole phrase is not one that
    :func:`number_words_pattern` matches. Never raises on text.

    >>> parse_number_words("dua ratus lima puluh", "id"), parse_number_words("trois quarts", "fr")
    (250.0, 0.75)
    """
    result = _analyse(phrase, lang)
    return None if result is None else result[0]


def is_fraction(phrase: str, lang: Lang) -> bool:
    """Whether a phrase is a fraction ("tiga perempat", "setengah", "moitié", "two thirds"),
    which states a ratio rather than a count.

    A cardinal plus a half ("satu setengah" 1.5, "deux et demi", "one and a half") is not a
    fraction: it is a count, usually of a scale word after it ("satu setengah juta"), so it
    gives ``False``, as do decimals and phrases that are not numbers.
    """
    result = _analyse(phrase, lang)
    return result is not None and result[1]
