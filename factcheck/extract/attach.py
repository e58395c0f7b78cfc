"""What is written around a number: a currency after it or before it, a sub-unit, a unit,
a percent sign, cents, and a rate or price denominator.

Each function reads at a position of the text and updates the ``Amount`` being built. A
currency is read as the set of codes its sign or name may stand for (``set_reading``): one
code is the amount's currency, more are candidates ``currency_evidence`` decides between.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from factcheck.extract.cores import Amount, Core
from factcheck.extract.currency_match import WORD, name_at, read_sign
from factcheck.extract.guards import may_end_before, sign_ends
from factcheck.extract.lexicon import Lexicon
from factcheck.extract.number_words import parse_number_words
from factcheck.extract.precision import percent_step
from factcheck.extract.word_patterns import LINE_BREAK, SP
from factcheck.lang.currency_words import Reading, is_code, needs_evidence, normalise
from factcheck.lang.loader import common
from factcheck.normalise.units import canonical

DIGIT_NEXT = re.compile(rf"{SP}?\d")
CODE = re.compile(r"[A-Z]{3}")  # "17 USD 25" is 17.25 dollars; "2023 Rp 4 triliun" is not
SPACE = re.compile(f"(?:{LINE_BREAK}|{SP})?")


class Written(NamedTuple):
    """A currency as written: what it may stand for, its text, where it ends, the scale a
    prefix gives it ("MUSD"), and whether it is a sign (not a name)."""

    reading: Reading
    text: str
    end: int
    factor: float = 1.0
    sign: bool = True


def sign_at(text: str, pos: int, lex: Lexicon) -> Written | None:
    """A currency sign starting at ``pos``."""
    m = lex.sign_re.match(text, pos)
    if m is None:
        return None
    written = m.group("sym")
    found = read_sign(lex.words, written)
    return Written(found.reading, written, m.end(), found.factor) if found else None


def currency_name_at(text: str, pos: int, lex: Lexicon, has_scale: bool) -> Written | None:
    """A currency name starting at ``pos``; a code in lower case ("32b usd") and a name
    that may be something else ("20 pounds") only after a scale word."""
    found = name_at(text, pos, lex.lang)
    if found is not None:
        reading, written, end = found
        if written.lower() in lex.words.scale_only and not has_scale:
            return None
        return Written(reading, written, end, sign=False)
    word = WORD.match(text, pos)
    if word is None or not word.group().islower():
        return None
    code = word.group().upper()
    if code in lex.words.signs and is_code(code) and (has_scale or not needs_evidence(code)):
        return Written(lex.words.signs[code], word.group(), word.end(), sign=False)
    return None


def suffix_currency(text: str, pos: int, lex: Lexicon, has_scale: bool) -> Written | None:
    """A currency written after a number at ``pos``: right after it or after a space, or
    after a joiner ("de dollars", "-rand") when a scale word precedes."""
    starts = []
    joined = lex.join_re.match(text, pos)
    if joined and has_scale:
        starts.append(joined.end())
    starts.append(SPACE.match(text, pos).end())  # type: ignore[union-attr]
    for start in starts:
        sign = sign_at(text, start, lex)
        if sign is not None and sign.text in common().currencies.signs_before_number_only:
            sign = None  # "100 W" is watts
        name = currency_name_at(text, start, lex, has_scale) if sign is not None else None
        if name is not None and sign is not None and name.end > sign.end:
            return name  # "300 billion CFA francs": the name the sign begins
        if sign is not None:
            cents = lex.cents_re.match(text, sign.end)
            if not CODE.fullmatch(sign.text) and DIGIT_NEXT.match(text, sign.end) and not (
                    cents and cents.group("sub")):  # "10 $ 30 cent": whole units and cents
                return None  # "pada 2023 Rp 4 triliun", "10 $ 30 $": the sign opens the next
            return sign
        name = currency_name_at(text, start, lex, has_scale)
        if name is not None:
            return name
    return None


def set_reading(amount: Amount, written: Written, *, after: bool) -> None:
    """Give ``amount`` the currency ``written`` stands for, or its candidates."""
    amount.kind = "money"
    scaled = amount.has_scale or written.factor != 1.0
    evidence = written.sign and needs_evidence(written.text) and not (
        is_code(written.text) and scaled)
    if len(written.reading) == 1 and not evidence:
        amount.currency, amount.candidates = next(iter(written.reading)), None
        return
    amount.currency, amount.candidates = None, written.reading
    amount.sign, amount.sign_after = normalise(written.text), after
    amount.needs_evidence = evidence


def attach_after(text: str, amount: Amount, lex: Lexicon, has_scale: bool) -> None:
    pos = amount.end
    suffix = suffix_currency(text, pos, lex, has_scale)
    if suffix is not None:
        set_reading(amount, suffix, after=True)
        amount.end = suffix.end
        scale_amount(amount, suffix.factor)
        if not has_scale and suffix.factor == 1.0:
            late = lex.scale_re.match(text, amount.end)
            scale = lex.lookup(lex.scale, late.group("word")) if late and late.group("word") \
                else None
            if late and scale:  # "75 USD million"
                scale_amount(amount, scale[0])
                amount.end, has_scale = late.end(), True
        if not has_scale:
            attach_cents(text, amount, lex, require_subunit=False)
        return
    m = lex.subunit_re.match(text, pos)
    if m and not has_scale and (len(m.group("sub")) > 1 or m.start("sub") == pos):
        code = lex.lookup(lex.subunits, m.group("sub")) or ""
        set_reading(amount, Written(lex.words.sign(code) or frozenset({code}), code, m.end()),
                    after=True)
        amount.needs_evidence, amount.minor = False, True
        amount.value /= 100
        amount.step /= 100
        amount.end = m.end()
        return
    m = lex.unit_re.match(text, pos)
    if m and (has_scale or m.group("join").strip() in ("", "-")):
        expression = lex.lookup(lex.units, m.group("name") or m.group("sym"))
        if expression:
            unit = canonical(expression)
            amount.value *= unit.factor
            amount.step *= unit.factor
            if amount.range_first:
                amount.range_first = (amount.range_first[0] * unit.factor,
                                      amount.range_first[1] * unit.factor)
            amount.unit, amount.per, amount.end, amount.kind = unit.unit, unit.per, m.end(), \
                "quantity"
            return
    m = lex.percent_re.match(text, pos)
    if m:
        amount.step = percent_step(amount.value, amount.step)
        amount.value /= 100
        amount.step /= 100
        if amount.range_first:
            amount.range_first = (amount.range_first[0] / 100, amount.range_first[1] / 100)
        amount.end, amount.kind = m.end(), "percent"


def scale_amount(amount: Amount, factor: float) -> None:
    if factor == 1.0:
        return
    amount.value *= factor
    amount.step *= factor
    amount.has_scale = True
    if amount.range_first:
        amount.range_first = (amount.range_first[0] * factor, amount.range_first[1] * factor)


def attach_cents(text: str, amount: Amount, lex: Lexicon, *, require_subunit: bool) -> None:
    """ "15 dollars 50", "13 dollars and 45 cents", "10 $ 30 cent": whole units and cents."""
    if amount.range_first is not None or amount.step < 1 or amount.value != int(amount.value):
        return
    m = lex.cents_re.match(text, amount.end)
    if m is None or (require_subunit and not m.group("sub")):
        return
    if not m.group("sub") and suffix_currency(text, m.end(), lex, False):
        return  # "50 dollar 40 rmb": the number is the next amount
    written = m.group("n")
    cents = float(written) if written.isdigit() else parse_number_words(written, lex.lang)
    if cents is None or not 0 <= cents < 100 or cents != int(cents):
        return
    amount.value += cents / 100
    amount.step, amount.end = 0.01, m.end()


def _reading(amount: Amount) -> Reading | None:
    if amount.currency is not None:
        return frozenset({amount.currency})
    return amount.candidates


def attach_prefix(
    text: str, amount: Amount, lex: Lexicon, core: Core, needs_currency: bool, floor: int
) -> None:
    """A currency sign before the number ("US$ 5", "RpRp5", "R450bn"). Written against the
    digits with a scale abbreviation or cents, a letter sign needs no other evidence."""
    lo = max(floor, core.start - 12)
    if not may_end_before(text, lo, core.start, sign_ends(lex.lang), ignore_case=False):
        return
    m = lex.prefix_re.search(text, lo, core.start)
    if m is None:
        return
    found = read_sign(lex.words, m.group("sym"))
    twice = m.group("twice")
    start = m.start() if twice and normalise(twice) == normalise(m.group("sym")) \
        else m.start("sym")  # "RpRp5": a sign written twice is one
    if found is None:
        return
    after = _reading(amount)
    if after is not None:
        both = found.reading & after
        if not both:
            return  # "Rp 42,5 juta pounds": the name after the number decides
        written = Written(both, m.group("sym"), core.start)
    else:
        scale_amount(amount, found.factor)
        if not amount.has_scale:
            attach_cents(text, amount, lex, require_subunit=True)
        written = Written(found.reading, m.group("sym"), core.start, found.factor)
    set_reading(amount, written, after=False)
    attached = m.end() == core.start and not core.words
    if amount.needs_evidence and attached and (
            needs_currency or amount.has_scale or round(amount.step, 9) == 0.01):
        amount.needs_evidence = False  # "R450bn", "N200bn", "R1.10"
    amount.start = start
