"""Language data compiled into lookup tables and regular expressions, once per language.

The words live in ``factcheck/lang/<lang>/amounts.yaml``, ``units.yaml`` and
``factcheck/lang/common/``, the currencies in ``lang/currency_words.py`` (matched by
``currency_match``); this module only turns them into patterns. Scale words of the
other supported languages are recognised too (with their own language noted) so that
"Rp 1.303 triliun" in an English text still reads as Indonesian.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from functools import cache
from typing import Any, TypeVar, cast

from factcheck.extract.currency_match import sign_source
from factcheck.extract.number_words import number_words_pattern
from factcheck.extract.word_patterns import (
    LINE_BREAK,
    NOT_LETTER_AFTER,
    NOT_LETTER_BEFORE,
    SP,
    phrase,
    written_key,
)
from factcheck.extract.word_patterns import alternation as alternation  # imported from here too
from factcheck.lang.currency_words import CurrencyWords, currency_words
from factcheck.lang.loader import language
from factcheck.lang.schema_amounts import Amounts
from factcheck.model import LANGS, Lang
from factcheck.normalise.units import unit_symbols
from factcheck.patterns import compiled

V = TypeVar("V")


@dataclass(frozen=True, eq=False)
class Lexicon:
    lang: Lang
    scale: dict[str, tuple[float, Lang]]
    short_senses: dict[str, float]  # long-scale word -> its English sense
    scale_abbr: dict[str, float]
    abbr_next_to_currency: frozenset[str]
    one_scale: dict[str, float]
    words: CurrencyWords
    cents_re: re.Pattern[str]
    units: dict[str, str]
    qualifiers: dict[str, str]
    per_time: dict[str, str]
    per_nouns: dict[str, str]
    rate_default_currency: str | None
    carry_before: frozenset[str]
    money_word_re: re.Pattern[str]
    scale_currencies: dict[str, frozenset[str]]
    scale_re: re.Pattern[str]
    power_re: re.Pattern[str]
    join_re: re.Pattern[str]
    sign_re: re.Pattern[str]
    prefix_re: re.Pattern[str]
    unit_re: re.Pattern[str]
    percent_re: re.Pattern[str]
    subunit_re: re.Pattern[str]
    subunits: dict[str, str]
    qualifier_re: re.Pattern[str]
    qualifiers_after: dict[str, str]
    qualifier_after_re: re.Pattern[str]
    per_time_re: re.Pattern[str]
    per_re: re.Pattern[str]
    denominator_re: re.Pattern[str]
    range_re: re.Pattern[str]
    opener_re: re.Pattern[str]
    full_range_openers: frozenset[str]
    rate_word_re: re.Pattern[str]
    per_noun_before_re: re.Pattern[str]
    connector_re: re.Pattern[str]
    one_articles: str
    fraction_of_re: re.Pattern[str]

    def lookup(self, table: Mapping[str, V], written: str) -> V | None:
        """The entry of ``table`` whose key a pattern built from its keys matched as
        ``written``, never by the text as written: a space in a key matches any run of
        whitespace ("US\u00a0$", "half\na billion"), and a case-insensitive pattern
        matches letters that lower-case to something else ("ſ" matches "s", "İ" "i")."""
        found = table.get(written)
        if found is not None:
            return found
        key = written_key(written)
        for candidate in (key, key.lower()):
            found = table.get(candidate)
            if found is not None:
                return found
        seen = _SCANNED.get((id(table), written))
        if seen is not None and seen[0] is table:
            return cast("V | None", seen[1])
        found = next((value for name, value in table.items()
                      if re.fullmatch(phrase(name), written, re.IGNORECASE)), None)
        if len(_SCANNED) >= _SCANNED_MAX:
            _SCANNED.clear()
        _SCANNED[(id(table), written)] = (table, found)
        return found


_SCANNED: dict[tuple[int, str], tuple[Mapping[str, Any], Any]] = {}
"""What ``Lexicon.lookup`` found by trying every key of a table on a form the keys do not
hold as written (by the table's identity, kept alive here, and the form): a denominator or a
unit that is not in the first table tried costs that scan once, not at every figure."""
_SCANNED_MAX = 4096


def _casefold_table(items: dict[str, Any]) -> dict[str, str]:
    table: dict[str, str] = {}
    for key, value in items.items():
        norm = str(key).replace("’", "'")
        table.setdefault(norm, str(value))
        table.setdefault(norm.lower(), str(value))
    return table


def _every_language(words: Callable[[Amounts], Iterable[str]]) -> list[str]:
    """Words of every language's amounts.yaml, once each, in the order of the languages."""
    found: dict[str, None] = {}
    for code in LANGS:
        found.update(dict.fromkeys(words(language(code).amounts)))
    return list(found)


def _joiners() -> str:
    """Regex source of a word joining a number to a name: a space must follow it, unless
    it ends in an apostrophe ("de dollars", "d'euros", "d’euros")."""
    parts = [phrase(w) + (f"{SP}?" if w.endswith(("'", "’")) else f"(?:{LINE_BREAK}|{SP})")
             for w in _every_language(lambda a: a.name_joiners)]
    return "|".join(parts) or r"(?!x)x"


@cache
def lexicon(lang: Lang) -> Lexicon:
    """The compiled language data of one language."""
    data = language(lang).amounts
    units = {**_casefold_table(language(lang).units.names)}
    unit_syms = unit_symbols()
    scale: dict[str, tuple[float, Lang]] = {}
    short_senses: dict[str, float] = {}
    for other in (lang, *[x for x in LANGS if x != lang]):
        for word, factor in language(other).amounts.scale_words.items():
            scale.setdefault(str(word).lower(), (float(factor), other))
        for word, factor in language(other).amounts.short_scale_senses.items():
            short_senses.setdefault(str(word).lower(), float(factor))
    scale_abbr = {str(k): float(v) for k, v in data.scale_abbreviations.items()}
    qualifiers = _casefold_table(data.qualifiers)
    per_time = _casefold_table(data.per_time)
    per_nouns = _casefold_table(data.per_nouns)
    sign = sign_source(lang)
    percent = alternation(data.percent_words)
    openers = data.range_openers
    joiners = _joiners()
    articles = "|".join(phrase(w) for w in _every_language(lambda a: a.qualifier_articles))
    per_noun = "|".join(phrase(w) for w in _every_language(lambda a: a.per_noun_words))
    return Lexicon(
        lang=lang, scale=scale, scale_abbr=scale_abbr, short_senses=short_senses,
        abbr_next_to_currency=frozenset(data.abbreviations_next_to_currency),
        one_scale={str(k).lower(): float(v) for k, v in data.one_scale_words.items()},
        words=currency_words(lang), units={**units, **unit_syms},
        cents_re=compiled(
            rf"{SP}(?:(?i:{alternation(data.cents_joiners)}){SP})?(?P<n>\d{{1,2}}(?!\d)|"
            rf"(?i:{number_words_source(lang)}))(?:{SP}?(?P<sub>"
            rf"{alternation(data.subunits)}))?(?![^\W\d_]|[.,]\d)"),
        qualifiers=qualifiers, per_time=per_time, per_nouns=per_nouns,
        rate_default_currency=data.rate_default_currency,
        carry_before=frozenset(str(w).lower().replace("’", "'")
                               for w in data.carry_currency_before),
        money_word_re=compiled(
            rf"{NOT_LETTER_BEFORE}(?i:{alternation(data.money_words)}){NOT_LETTER_AFTER}"),
        scale_currencies={word.lower(): frozenset(codes) for other in LANGS
                          for word, codes in
                          language(other).amounts.scale_word_currencies.items()},
        scale_re=compiled(
            rf"(?:{LINE_BREAK}|{SP}?|-)(?:(?P<word>(?i:{alternation(scale)})){NOT_LETTER_AFTER}"
            rf"|(?P<abbr>{alternation(scale_abbr)})(?![A-Za-z]))"),
        power_re=compiled(
            rf"{SP}?[x×*·]{SP}?10{SP}?(?:\^|(?i:{alternation(data.power_words)}){SP}+)"
            rf"{SP}?(?P<exp>[-−+]?\d{{1,3}})(?![\d.,]\d)|(?P<e>[eE])(?P<eexp>[-+]?\d{{1,3}})\b"
            rf"|{SP}?(?i:{alternation(data.followed_by_words)}){SP}+(?P<zeros>\d{{1,2}})"
            rf"{SP}+(?i:{alternation(data.zero_words)}){NOT_LETTER_AFTER}"),
        join_re=compiled(rf"(?:{LINE_BREAK}|{SP})?(?:-|(?i:{joiners}))"),
        sign_re=compiled(rf"(?P<sym>{sign})"),
        prefix_re=compiled(rf"{NOT_LETTER_BEFORE}(?:(?P<twice>{sign_source(lang, False)}){SP}?)??"
                             rf"(?P<sym>{sign})(?:{LINE_BREAK}|{SP})?$"),
        unit_re=compiled(
            rf"(?P<join>{SP}?(?i:{joiners})|-|{SP}?)(?:(?P<name>(?i:{alternation(units)}))"
            rf"|(?P<sym>{alternation(unit_syms)})){NOT_LETTER_AFTER}"),
        subunits=_casefold_table(data.subunits),
        subunit_re=compiled(
            rf"{SP}?(?P<sub>{alternation(data.subunits)})(?![^\W\d_])"),
        percent_re=compiled(rf"{SP}?(?:%|(?i:{percent}){NOT_LETTER_AFTER})"),
        qualifier_re=compiled(
            rf"(?:^|(?<=[\s(,;:\"“]))(?P<q>(?i:{alternation(qualifiers)}))"
            rf"(?:{SP}+(?i:{articles or '(?!x)x'}))?{SP}*$"),
        qualifiers_after=_casefold_table(data.qualifiers_after),
        qualifier_after_re=re.compile(
            rf"{SP}+(?P<q>(?i:{alternation(data.qualifiers_after)}))"
            r"(?=[ \t]*(?:[.,;:!?)\]\"”’]|$))", re.MULTILINE),
        per_time_re=compiled(
            rf"{SP}?(?P<per>(?i:{alternation(per_time)})){NOT_LETTER_AFTER}"
            rf"(?!{SP}+(?i:{alternation(data.not_per_time_after)}){NOT_LETTER_AFTER})"),
        per_re=compiled(rf"{SP}?(?i:{alternation(data.per_words)}){SP}?"),
        denominator_re=compiled(
            rf"{SP}?(?i:{alternation(data.per_words)}){SP}?"
            rf"(?P<name>(?i:{alternation(units)})|{alternation(unit_syms)}"
            rf"|(?i:{alternation(per_nouns)})){NOT_LETTER_AFTER}"),
        range_re=compiled(
            rf"(?P<dash>{SP}?[-–—]{SP}?)|{SP}(?P<word>(?i:{alternation(data.range_words)})){SP}"),
        opener_re=compiled(
            rf"(?:^|(?<=\W))(?P<open>(?i:{alternation(openers)})){SP}+(?:\S{{1,4}}{SP}?)?$"),
        full_range_openers=frozenset(str(w).lower() for w in data.full_range_openers),
        rate_word_re=compiled(
            rf"(?i:{alternation(data.rate_words)})(?:[\s=:]+[^\s\d=:]+){{0,2}}[\s=:]*$"),
        per_noun_before_re=compiled(
            rf"(?i:{per_noun or '(?!x)x'}){SP}(?P<noun>(?i:{alternation(per_nouns)}))"
            r"\b(?:[^.;:!?\n]|\.(?=\d)){0,45}$"),
        connector_re=compiled(
            "(?i:" + "|".join(f"(?:{c})" for c in language(lang).conversions.pair_connectors)
            + ")"
            + rf"(?:(?i:{alternation(qualifiers)})\s+)?"),
        one_articles=alternation(data.one_articles),
        fraction_of_re=compiled(
            rf"\s+(?i:{alternation(_every_language(lambda a: a.fraction_of))})\b"),
    )


def number_words_source(lang: Lang) -> str:
    return number_words_pattern(lang)


def range_closer(lang: Lang, opener: str) -> str:
    """The word that closes a range opened by ``opener`` ("antara" ... "dan")."""
    openers = language(lang).amounts.range_openers
    return {k.lower(): v for k, v in openers.items()}.get(opener.lower(), "")
