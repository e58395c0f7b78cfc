"""Implicit currency: which currency a bare amount with a scale word is in.

A bare amount ("1,4 miliar", "148 millions", "40,000 crores") is money when the text around
it says which currency, by the first of these that applies:

1. a restatement: it restates a money amount, or one restates it at once, through a
   conversion connector ("200 millions de dollars, soit près de 110 milliards", "9 billion
   (US$35 million)"): the currency the document's conversions turn that amount's currency
   into, or turn into that currency (the nearest such conversion before it, else after);
2. the same amount written elsewhere in one certain currency ("un assureur paie 27 millions"
   in a headline, "27 millions d'euros" in the text);
3. carried: the currency of the last amount before it in its paragraph, within 400
   characters, that is not itself a converted figure (and is in a currency it admits),
   when the next word cannot be a counted noun (a function word or punctuation): "US$ 2
   miliar dan 1,4 miliar", "290 millions chacune" ("6 million customers" stays no figure);
4. a money word shortly before it in its sentence ("a levé 148 millions", "revenue of
   12.4 billion", data: ``money_words``), when the next word cannot be a counted noun: the
   one currency its paragraph, else its document, has established (the currencies of its
   money amounts that are not converted figures), when there is exactly one.

A sub-unit after the scale word ("100 milliards de centimes", data: ``scaled_subunits``)
makes the amount a hundredth of the currency found, when that currency is one the sub-unit
is counted in that way (the dinar, the dirham); otherwise the amount is left as written.

A scale word used with some currencies only (lakh, crore: ``scale_word_currencies``) admits
only those. The figure records ``currency_source: context``; an amount none of these gives
a currency stays a number, no figure.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_left, bisect_right
from collections import defaultdict
from collections.abc import Iterator, Sequence
from functools import cache

from factcheck.extract.cores import Amount
from factcheck.extract.lexicon import Lexicon
from factcheck.extract.word_patterns import NOT_LETTER_AFTER, SP, alternation
from factcheck.lang.loader import language

NEXT_WORD = re.compile(r"[ \u00a0]*([^\W\d_]+(?:-[^\W\d_]+)*['’]?|[^\w\s]|$)")
WORD = re.compile(r"[^\W\d_]+")
CARRY_WINDOW = 400
MONEY_WORD_WINDOW = 50  # characters before the amount, in its sentence
SENTENCE_END = re.compile(r"[.!?;]\s|\n")
PARAGRAPH_BREAK = re.compile(r"(?=\n\n)")


class Conversions:
    """The document's conversions between certain currencies, indexed by currency: for each,
    the (start of the converted amount, other currency) of those out of it and into it."""

    def __init__(self, pairs: Sequence[tuple[Amount, Amount]]) -> None:
        self._out: dict[str, list[tuple[int, str]]] = defaultdict(list)
        self._in: dict[str, list[tuple[int, str]]] = defaultdict(list)
        for source, converted in sorted(pairs, key=lambda p: p[1].start):
            if source.currency and converted.currency and source.currency != converted.currency:
                self._out[source.currency].append((converted.start, converted.currency))
                self._in[converted.currency].append((converted.start, source.currency))

    def into(self, source: str, at: int) -> str | None:
        """The currency the document converts ``source`` into, nearest ``at``."""
        return _nearest(self._out.get(source, []), at)

    def from_(self, converted: str, at: int) -> str | None:
        """The currency the document converts into ``converted``, nearest ``at``."""
        return _nearest(self._in.get(converted, []), at)


def _nearest(found: list[tuple[int, str]], at: int) -> str | None:
    """The last of ``found`` (sorted by start) before ``at``, else the first after."""
    index = bisect_left(found, at, key=lambda item: item[0])
    if index:
        return found[index - 1][1]
    return found[0][1] if found else None


class Certain:
    """The money amounts whose currency the text wrote (no converted figure for
    ``established``), indexed once per document: by value for ``same``, by paragraph for
    ``established``."""

    def __init__(self, text: str, amounts: Sequence[Amount], converted: set[int]) -> None:
        written = [a for a in amounts if a.kind == "money" and a.currency
                   and a.currency_source is None]
        by_value: dict[float, set[str]] = defaultdict(set)
        for a in written:
            by_value[a.value].add(a.currency or "")
        self._values = sorted(by_value)
        self._currencies = [by_value[v] for v in self._values]
        self._unconverted = sorted((a for a in amounts if a.kind == "money" and a.currency
                                    and id(a) not in converted
                                    and a.currency_source != "context"),
                                   key=lambda a: a.start)
        self._starts = [a.start for a in self._unconverted]
        self._breaks = [m.start() for m in PARAGRAPH_BREAK.finditer(text)]
        self._length = len(text)
        self._found: dict[tuple[int, int, frozenset[str] | None], str | None] = {}

    def same(self, value: float) -> str | None:
        """The one currency the same amount is written in elsewhere."""
        margin = 2e-9 * abs(value)
        low = bisect_left(self._values, value - margin)
        high = bisect_right(self._values, value + margin)
        found = {code for v, codes in zip(self._values[low:high], self._currencies[low:high],
                                          strict=True)
                 if math.isclose(v, value, rel_tol=1e-9) for code in codes}
        return found.pop() if len(found) == 1 else None

    def established(self, amount: Amount, allowed: frozenset[str] | None) -> str | None:
        """The one currency (among those ``allowed``) of the unconverted money amounts of
        the amount's paragraph, else of its document."""
        index = bisect_right(self._breaks, amount.start - 2)
        start = self._breaks[index - 1] + 1 if index else 0
        index = bisect_left(self._breaks, amount.end)
        stop = self._breaks[index] if index < len(self._breaks) else self._length
        key = (start, stop, allowed)
        if key not in self._found:
            inside = self._unconverted[bisect_left(self._starts, start):
                                       bisect_left(self._starts, stop)]
            for scope in (inside, self._unconverted):
                found = {a.currency for a in scope if allowed is None or a.currency in allowed}
                if found:
                    self._found[key] = found.pop() if len(found) == 1 else None
                    break
            else:
                self._found[key] = None
        return self._found[key]


def implicit_currencies(
    text: str, amounts: list[Amount], lex: Lexicon, pairs: dict[int, int]
) -> list[Amount]:
    """Give bare amounts the currency the text around them says; drop those it does not."""
    converted = {id(amounts[i]) for i in pairs}
    conversions = Conversions([(amounts[j], amounts[i]) for i, j in pairs.items()])
    certain = Certain(text, amounts, converted)
    kept: list[Amount] = []
    for index, amount in enumerate(amounts):
        if amount.kind != "bare":
            kept.append(amount)
            continue
        allowed = _allowed(text, amount, lex)
        found = next((r for r in _readings(text, amounts, index, lex, converted, conversions,
                                           certain, kept, allowed)
                      if r is not None and (allowed is None or _code(r) in allowed)), None)
        if found is not None:
            amount.kind, amount.currency_source = "money", "context"
            amount.currency = _code(found)
            amount.candidates = found.candidates if isinstance(found, Amount) else None
            applied = _in_subunits(text, amount, lex)
            if applied is not False or not _counted_noun_next(text, amount, lex,
                                                             subunit_too=True):
                kept.append(amount)  # a sub-unit not counted so in it is a counted noun
    return kept


@cache
def _scaled_subunit_re(lex: Lexicon) -> re.Pattern[str] | None:
    words = language(lex.lang).amounts.scaled_subunits
    if not words:
        return None
    return re.compile(rf"(?:{lex.join_re.pattern})?{SP}?(?P<sub>(?i:{alternation(words)}))"
                      rf"{NOT_LETTER_AFTER}")


def _in_subunits(text: str, amount: Amount, lex: Lexicon) -> bool | None:
    """Read "100 milliards de centimes" as a hundredth of the amount's currency, when the
    sub-unit is counted so in it (see the module's documentation): whether it was; None
    when no such sub-unit follows."""
    pattern = _scaled_subunit_re(lex)
    m = pattern.match(text, amount.end) if pattern else None
    if m is None:
        return None
    codes = lex.lookup(language(lex.lang).amounts.scaled_subunits, m.group("sub")) or ()
    if amount.currency not in codes:
        return False
    amount.value, amount.step, amount.end = amount.value / 100, amount.step / 100, m.end()
    return True


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
              converted: set[int], conversions: Conversions, certain: Certain,
              kept: Sequence[Amount],
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
    yield certain.same(amount.value)
    if not _counted_noun_next(text, amount, lex):
        yield _last_money(text, kept, amount, converted, allowed)
        if _money_word_before(text, amount, lex):
            yield certain.established(amount, allowed)


def _counted_noun_next(text: str, amount: Amount, lex: Lexicon, *,
                       subunit_too: bool = False) -> bool:
    """Whether the next word may be a counted noun ("6 million customers"); a sub-unit
    counted with scale words ("50 billion centimes") is none unless ``subunit_too``."""
    subunit = _scaled_subunit_re(lex)
    if not subunit_too and subunit is not None and subunit.match(text, amount.end):
        return False
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
