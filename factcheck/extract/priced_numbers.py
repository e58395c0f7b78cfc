"""Money written as a plain number, with no scale word and no currency, that words of price
right after it make money: "yang saya kira 10.000 paling mahal", "it came in 800 cheaper".

The words are data (``money_words_after`` of ``amounts.yaml``). The number takes the one
currency written in its sentence ("..., ternyata di Yaman 25.000 riyal"), else the one its
paragraph, else its document, has established (the currencies of its money amounts that are
not converted figures, as ``implicit_currency`` rule 4 reads them), and records
``currency_source: context``; with no such currency, or with several, it stays no figure. A
year ("2022 paling mahal") is none.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator, Sequence
from functools import cache

from factcheck.extract.cores import Amount
from factcheck.extract.implicit_currency import Certain
from factcheck.extract.lexicon import Lexicon
from factcheck.extract.numbers import NUMERAL, parse_numeral
from factcheck.extract.word_patterns import NOT_LETTER_AFTER, SP, alternation
from factcheck.lang.loader import language

YEAR = re.compile(r"(?:1[89]|20)\d\d")
REACH = 40  # characters before the words where the number may end


@cache
def _words_re(lex: Lexicon) -> re.Pattern[str] | None:
    words = language(lex.lang).amounts.money_words_after
    if not words:
        return None
    return re.compile(rf"(?<![^\W\d_])(?i:{alternation(words)}){NOT_LETTER_AFTER}")


@cache
def _number_before_re() -> re.Pattern[str]:
    return re.compile(rf"(?<![\d.,])(?P<n>{NUMERAL.pattern}){SP}+$")


def priced_numbers(text: str, amounts: list[Amount], lex: Lexicon, pairs: dict[int, int],
                   sentences: Sequence[tuple[int, int]]) -> list[Amount]:
    """``amounts`` with the plain numbers that words of price make money, in text order."""
    words = _words_re(lex)
    if words is None:
        return amounts
    found: list[Amount] = []
    certain: Certain | None = None
    converted = {id(amounts[i]) for i in pairs}
    for m in _matches(text, words, _first_words(lex)):
        number = _number_before_re().search(text, max(0, m.start() - REACH), m.start())
        if number is None or YEAR.fullmatch(number.group("n")) or _inside(amounts, number):
            continue
        read = parse_numeral(number.group("n"), lex.lang)
        if read is None:
            continue
        amount = Amount(number.start("n"), number.end("n"), read.value, read.step, "money")
        if certain is None:
            certain = Certain(text, amounts, converted)
        currency = _in_sentence(amount, amounts, converted, sentences) or \
            certain.established(amount, None)
        if currency is not None:
            amount.currency, amount.currency_source = currency, "context"
            found.append(amount)
    if not found:
        return amounts
    return sorted([*amounts, *found], key=lambda a: a.start)


def _in_sentence(amount: Amount, amounts: Sequence[Amount], converted: set[int],
                 sentences: Sequence[tuple[int, int]]) -> str | None:
    """The one currency written in the amount's sentence (or decided by evidence for a sign
    written there), if one is."""
    index = bisect_right([s for s, _ in sentences], amount.start) - 1
    if index < 0:
        return None
    start, end = sentences[index]
    found = {a.currency for a in amounts if start <= a.start < end and a.kind == "money"
             and a.currency and a.currency_source in (None, "evidence")
             and id(a) not in converted}
    return found.pop() if len(found) == 1 else None


@cache
def _first_words(lex: Lexicon) -> tuple[str, ...]:
    words = language(lex.lang).amounts.money_words_after
    return tuple(sorted({w.split()[0].lower() for w in words}))


def _matches(text: str, words: re.Pattern[str],
             firsts: Sequence[str]) -> Iterator[re.Match[str]]:
    """The words of price in ``text``: matched only where the lower-cased text holds a first
    word of one (``str.find`` is some hundred times faster than scanning every position)."""
    lower = text.lower()
    if len(lower) != len(text):  # a letter whose lower case is longer: scan it all
        yield from words.finditer(text)
        return
    starts: set[int] = set()
    for first in firsts:
        at = lower.find(first)
        while at >= 0:
            starts.add(at)
            at = lower.find(first, at + 1)
    for at in sorted(starts):
        m = words.match(text, at)
        if m:
            yield m


def _inside(amounts: Sequence[Amount], number: re.Match[str]) -> bool:
    start, end = number.start("n"), number.end("n")
    return any(a.start < end and start < a.end for a in amounts)
