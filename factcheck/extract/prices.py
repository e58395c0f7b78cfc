"""Prices told by the words before them and by what they restate.

An amount written without a scale word is the price of something, not a money amount:

- when a price word of ``amounts.yaml`` stands shortly before it in its clause ("a litre
  of petrol sells for $0.31", "the closing price of AUD8.27", "shares rose 2 percent to
  £3.63"): a price of the unit or counted thing named shortly before that word or by it
  ("a litre", "shares"), else of "unit"; a cost word ("costs") only after a unit or
  counted thing ("a litre of petrol costs $0.31"; "the ticket costs $5" is money);
- when it restates a price next to it, or a price restates it ("$0.72 per litre
  (N1,152)", "costs $0.31, roughly N494"): a price of the same unit;
- when a denominator follows the bracket that closes its restatement ("30 cents (N125) a
  litre", "30 cents (N125) average per litre", "50 sen (12 cents) per 1,000 gallons"):
  both are prices of that unit (or of that many units: "1000gallon").
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from itertools import pairwise

from factcheck.extract.cores import Amount
from factcheck.extract.lexicon import Lexicon, lexicon
from factcheck.extract.pairs import PHRASE_GAP, conversion_words
from factcheck.extract.word_patterns import NOT_LETTER_AFTER, NOT_LETTER_BEFORE, SP, alternation
from factcheck.lang.loader import language
from factcheck.model import Lang

#: How far before an amount a price word may stand, and a unit before the price word.
PRICE_REACH = 60
UNIT_REACH = 40
UNNAMED = "unit"  # the unit of a price whose text names none ("the closing price of AUD8.27")
#: Within a sentence: any character but a sentence or clause break (a decimal point is none).
_IN_SENTENCE = r"(?:[^.;!?\n]|\.(?=\d))"
CLAUSE = re.compile(rf"{_IN_SENTENCE}*")
_AFTER_BRACKET = re.compile(rf"{SP}*\)")
_ONE_WORD = re.compile(rf"{SP}*[^\W\d_]+")
_NOT_DIGIT = re.compile(r"\D")


@dataclass(frozen=True)
class PriceWords:
    """The compiled price words of one language."""

    word: re.Pattern[str]  # a price word (group "price") or a cost word (group "cost")
    unit: re.Pattern[str]  # a unit or counted thing, then the clause up to the price word
    counted: re.Pattern[str]  # a denominator of a count of units ("per 1,000 gallons")


@cache
def price_words(lang: Lang) -> PriceWords:
    lex = lexicon(lang)
    data = language(lang).amounts
    things = alternation((*language(lang).units.names, *lex.per_nouns))
    return PriceWords(
        word=re.compile(rf"{NOT_LETTER_BEFORE}(?:(?P<price>(?i:{alternation(data.price_words)}))"
                        rf"|(?P<cost>(?i:{alternation(data.cost_words)}))){NOT_LETTER_AFTER}"),
        unit=re.compile(rf"{NOT_LETTER_BEFORE}(?P<thing>(?i:{things})){NOT_LETTER_AFTER}(?!['’])"
                        rf"{_IN_SENTENCE}{{0,{UNIT_REACH}}}$"),
        counted=re.compile(rf"{SP}?(?i:{alternation(data.per_words)}){SP}?"
                           rf"(?P<count>\d{{1,3}}(?:[,.\u00a0\u202f ]\d{{3}})+|\d+){SP}"
                           rf"(?P<name>(?i:{things})){NOT_LETTER_AFTER}"),
    )


def plain(amount: Amount) -> bool:
    """Money written without a scale word, a time or a range: what may be a price."""
    return (amount.kind == "money" and not amount.has_scale and amount.per is None
            and amount.range_first is None)


def price_before(text: str, amount: Amount, lex: Lexicon) -> bool:
    """Make ``amount`` a price if a price word stands shortly before it."""
    if not plain(amount):
        return False
    words = price_words(lex.lang)
    words_before = list(words.word.finditer(text, max(0, amount.start - PRICE_REACH),
                                            amount.start))
    found = words_before[-1] if words_before else None  # the nearest
    if found is None or not CLAUSE.fullmatch(text, found.end(), amount.start):
        return False
    thing = words.unit.search(text, max(0, found.start() - UNIT_REACH), found.end())
    unit = _unit_of(thing.group("thing"), lex) if thing else None
    if found.group("cost") and unit is None:
        return False  # "the ticket costs $5": money
    amount.kind, amount.unit = "price", unit or UNNAMED
    return True


def _unnamed(amount: Amount, other: Amount) -> bool:
    """Whether ``amount`` is a price of no named unit and ``other`` names one."""
    return amount.kind == "price" and amount.unit == UNNAMED and other.unit != UNNAMED


def _unit_of(written: str, lex: Lexicon) -> str | None:
    unit = lex.lookup(lex.units, written) or lex.lookup(lex.per_nouns, written)
    return unit.replace(" ", "") if unit else None


def restated_prices(text: str, amounts: Sequence[Amount], lex: Lexicon) -> None:
    """Price the amounts that restate a price or are restated by one (a pair connector
    between them, or a phrase and a restating connector: "40 cents per litre of petrol is
    N166"), and both ends of a bracketed restatement a denominator follows."""
    after_phrase = conversion_words(lex.lang).after_phrase
    joined = [(a, b) for a, b in pairwise(amounts) if b.start - a.end <= PHRASE_GAP and (
        lex.connector_re.fullmatch(text, a.end, b.start)
        or after_phrase.fullmatch(text, a.end, b.start))]
    for _ in range(2):  # a price, its restatement, and what restates that
        for a, b in joined:
            if a.kind == "price" and (plain(b) or _unnamed(b, a)):
                b.kind, b.unit = "price", a.unit
            elif b.kind == "price" and (plain(a) or _unnamed(a, b)):
                a.kind, a.unit = "price", b.unit
            elif plain(a) and plain(b) and "(" in text[a.end:b.start]:
                unit = _denominator_after_bracket(text, b.end, lex)
                if unit:
                    a.kind = b.kind = "price"
                    a.unit = b.unit = unit


def _denominator_after_bracket(text: str, pos: int, lex: Lexicon) -> str | None:
    """The unit of a denominator after the bracket closing at ``pos``, right after it or
    after one word ("(N125) a litre", "(N125) average per litre")."""
    bracket = _AFTER_BRACKET.match(text, pos)
    if bracket is None:
        return None
    word = _ONE_WORD.match(text, bracket.end())
    for at in (bracket.end(), word.end() if word else None):
        m = lex.denominator_re.match(text, at) if at is not None else None
        if m:
            return _unit_of(m.group("name"), lex)
    counted = counted_denominator(text, bracket.end(), lex)
    return counted[0] if counted else None


def counted_denominator(text: str, pos: int, lex: Lexicon) -> tuple[str, int] | None:
    """A denominator of a count of units at ``pos`` ("per 1,000 gallons"): the price's unit
    ("1000gallon") and where the denominator ends."""
    m = price_words(lex.lang).counted.match(text, pos)
    unit = _unit_of(m.group("name"), lex) if m else None
    if m is None or unit is None:
        return None
    return str(int(_NOT_DIGIT.sub("", m.group("count")))) + unit, m.end()
