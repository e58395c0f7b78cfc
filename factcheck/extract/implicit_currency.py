"""Implicit currency: which currency a bare amount with a scale word is in.

A bare amount ("1,4 miliar", "148 millions", "40,000 crores") is money when the text around
it says which currency, by the first of these that applies:

1. a restatement: it restates a money amount, or one restates it at once, through a
   conversion connector ("100 millions de dollars, soit environ 55 milliards", "9 billion
   (US$35 million)"): the currency the document's conversions turn that amount's currency
   into, or turn into that currency (the nearest such conversion before it, else after);
2. the same amount written elsewhere in one certain currency ("HSBC verse 38 millions" in a
   headline, "38 millions d'euros" in the text);
3. carried: the currency of the last amount before it in its paragraph, within 400
   characters, that is not itself a converted figure (and is in a currency it admits),
   when the next word cannot be a counted noun (a function word or punctuation): "US$ 2
   miliar dan 1,4 miliar", "290 millions chacune" ("6 million customers" stays no figure);
4. a money word shortly before it in its sentence ("a levé 148 millions", "revenue of
   12.4 billion", data: ``money_words``), when the next word cannot be a counted noun: the
   one currency its paragraph, else its document, has established (the currencies of its
   money amounts that are not converted figures), when there is exactly one.

A scale word used with some currencies only (lakh, crore: ``scale_word_currencies``) admits
only those. The figure records ``currency_source: context``; an amount none of these gives
a currency stays a number, no figure.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from factcheck.extract.cores import Amount
from factcheck.extract.lexicon import Lexicon

NEXT_WORD = re.compile(r"[ \u00a0]*([^\W\d_]+(?:-[^\W\d_]+)*['’]?|[^\w\s]|$)")
WORD = re.compile(r"[^\W\d_]+")
CARRY_WINDOW = 400
MONEY_WORD_WINDOW = 50  # characters before the amount, in its sentence
SENTENCE_END = re.compile(r"[.!?;]\s|\n")


@dataclass(frozen=True)
class Conversions:
    """The document's conversions between certain currencies: (source, converted) amounts
    in text order."""

    pairs: tuple[tuple[Amount, Amount], ...]

    def into(self, source: str, at: int) -> str | None:
        """The currency the document converts ``source`` into, nearest ``at``."""
        return _nearest([(c.start, c.currency) for s, c in self.pairs
                         if s.currency == source and c.currency != source], at)

    def from_(self, converted: str, at: int) -> str | None:
        """The currency the document converts into ``converted``, nearest ``at``."""
        return _nearest([(c.start, s.currency) for s, c in self.pairs
                         if c.currency == converted and s.currency != converted], at)


def _nearest(found: list[tuple[int, str | None]], at: int) -> str | None:
    before = [code for start, code in found if start < at and code]
    after = [code for start, code in found if start >= at and code]
    return before[-1] if before else (after[0] if after else None)


def implicit_currencies(
    text: str, amounts: list[Amount], lex: Lexicon, pairs: dict[int, int]
) -> list[Amount]:
    """Give bare amounts the currency the text around them says; drop those it does not."""
    converted = {id(amounts[i]) for i in pairs}
    conversions = Conversions(tuple((amounts[j], amounts[i]) for i, j in sorted(pairs.items())
                                    if amounts[i].currency and amounts[j].currency))
    kept: list[Amount] = []
    for index, amount in enumerate(amounts):
        if amount.kind != "bare":
            kept.append(amount)
            continue
        allowed = _allowed(text, amount, lex)
        found = next((r for r in _readings(text, amounts, index, lex, converted, conversions,
                                           kept, allowed)
                      if r is not None and (allowed is None or _code(r) in allowed)), None)
        if found is not None:
            amount.kind, amount.currency_source = "money", "context"
            amount.currency = _code(found)
            amount.candidates = found.candidates if isinstance(found, Amount) else None
            kept.append(amount)
    return kept


def _code(found: Amount | str) -> str | None:
    return found.currency if isinstance(found, Amount) else found


def _allowed(text: str, amount: Amount, lex: Lexicon) -> frozenset[str] | None:
    """The currencies the amount's scale words admit ("crores": the rupees and the taka);
    None: any."""
    for word in WORD.finditer(text, amount.start, amount.end):
        found = lex.scale_currencies.get(word.group().lower())
        if found is not None:
            return found
    return None


def _readings(text: str, amounts: Sequence[Amount], index: int, lex: Lexicon,
              converted: set[int], conversions: Conversions, kept: Sequence[Amount],
              allowed: frozenset[str] | None) -> Iterator[Amount | str | None]:
    """The currencies the four rules give, in their order (an ``Amount`` for a carried
    currency, whose candidates come with it)."""
    amount = amounts[index]
    before = amounts[index - 1] if index else None
    after = amounts[index + 1] if index + 1 < len(amounts) else None
    if after is not None and after.kind == "money" and after.currency and \
            lex.connector_re.fullmatch(text, amount.end, after.start):
        yield conversions.from_(after.currency, amount.start)
    if before is not None and before.kind == "money" and before.currency and \
            lex.connector_re.fullmatch(text, before.end, amount.start):
        yield conversions.into(before.currency, amount.start)
    yield _same_amount(amounts, amount)
    if not _counted_noun_next(text, amount, lex):
        yield _last_money(text, kept, amount, converted, allowed)
        if _money_word_before(text, amount, lex):
            yield _established(text, amounts, amount, converted, allowed)


def _same_amount(amounts: Sequence[Amount], amount: Amount) -> str | None:
    found = {a.currency for a in amounts if a is not amount and a.kind == "money"
             and a.currency and a.currency_source is None
             and math.isclose(a.value, amount.value, rel_tol=1e-9)}
    return found.pop() if len(found) == 1 else None


def _counted_noun_next(text: str, amount: Amount, lex: Lexicon) -> bool:
    m = NEXT_WORD.match(text, amount.end)
    word = m.group(1).lower().replace("’", "'") if m else ""
    return bool(word) and word[0].isalpha() and word not in lex.carry_before


def _last_money(text: str, before: Sequence[Amount], amount: Amount, converted: set[int],
                allowed: frozenset[str] | None) -> Amount | None:
    for index in range(len(before) - 1, -1, -1):
        other = before[index]
        if other.end < amount.start - CARRY_WINDOW or "\n\n" in text[other.end:amount.start]:
            return None
        if other.kind == "money" and id(other) not in converted and (
                allowed is None or other.currency in allowed):
            return other
    return None


def _money_word_before(text: str, amount: Amount, lex: Lexicon) -> bool:
    start = max(0, amount.start - MONEY_WORD_WINDOW)
    window = text[start:amount.start]
    ends = list(SENTENCE_END.finditer(window))
    if ends:
        window = window[ends[-1].end():]
    return lex.money_word_re.search(window) is not None


def _established(text: str, amounts: Sequence[Amount], amount: Amount, converted: set[int],
                 allowed: frozenset[str] | None) -> str | None:
    """The one currency (among those ``allowed``) of the unconverted money amounts of the
    amount's paragraph, else of its document."""
    start = text.rfind("\n\n", 0, amount.start) + 1
    stop = text.find("\n\n", amount.end)
    stop = len(text) if stop < 0 else stop
    certain = [a for a in amounts if a.kind == "money" and a.currency
               and id(a) not in converted and a.currency_source != "context"
               and (allowed is None or a.currency in allowed)]
    for scope in ([a for a in certain if start <= a.start < stop], certain):
        found = {a.currency for a in scope}
        if found:
            return found.pop() if len(found) == 1 else None
    return None
