"""What is written around a number: a currency after it or before it, a sub-unit, a unit,
a percent sign, cents, and a rate or price denominator.

Each function reads at a position of the text and updates the ``Amount`` being built.
"""

from __future__ import annotations

import re

from factcheck.extract.cores import Amount, Core
from factcheck.extract.lexicon import SP, Lexicon
from factcheck.extract.number_words import parse_number_words
from factcheck.lang.loader import common
from factcheck.normalise.units import canonical


def suffix_currency(
    text: str, pos: int, lex: Lexicon, has_scale: bool
) -> tuple[str, str, int] | None:
    """(currency code, as written, end) of a currency written after a number at ``pos``."""
    m = lex.suffix_re.match(text, pos)
    if m is None or not (has_scale or not m.group("join").strip()):
        return None  # "de dollars", "-rand" join only a scale word: "milliards de dollars"
    written = m.group("sym") or m.group("name")
    code = lex.symbol(written) if m.group("sym") else lex.lookup(lex.currencies, written)
    if m.group("name") and written.lower() in lex.scale_only and not has_scale:
        return None  # "20 pounds" may weigh; "20 million pounds" is money
    if m.group("sym") and not CODE.fullmatch(written) and DIGIT_NEXT.match(text, m.end()):
        return None  # "pada 2023 Rp 4 triliun", "10 $ 30 $": the sign opens the next amount
    return (code, written, m.end()) if code else None


def attach_after(text: str, amount: Amount, lex: Lexicon, has_scale: bool) -> None:
    pos = amount.end
    suffix = suffix_currency(text, pos, lex, has_scale)
    if suffix is not None:
        code, written, end = suffix
        amount.currency, amount.end, amount.kind = code, end, "money"
        factor = lex.symbol_scale(written)
        scale_amount(amount, factor or 1.0)
        if not has_scale and factor is None:
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
        amount.currency = lex.lookup(lex.subunits, m.group("sub"))
        amount.value /= 100
        amount.step /= 100
        amount.end, amount.kind = m.end(), "money"
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
        amount.value /= 100
        amount.step /= 100
        if amount.range_first:
            amount.range_first = (amount.range_first[0] / 100, amount.range_first[1] / 100)
        amount.end, amount.kind = m.end(), "percent"


DIGIT_NEXT = re.compile(rf"{SP}?\d")
CODE = re.compile(r"[A-Z]{3}")  # "17 USD 25" is 17.25 dollars; "2023 Rp 4 triliun" is not


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
    if not m.group("sub") and lex.suffix_re.match(text, m.end()):
        return  # "50 dollar 40 rmb": the number is the next amount
    written = m.group("n")
    cents = float(written) if written.isdigit() else parse_number_words(written, lex.lang)
    if cents is None or not 0 <= cents < 100 or cents != int(cents):
        return
    amount.value += cents / 100
    amount.step, amount.end = 0.01, m.end()


def attach_prefix(
    text: str, amount: Amount, lex: Lexicon, core: Core, needs_currency: bool, floor: int
) -> None:
    m = lex.prefix_re.search(text, max(floor, core.start - 8), core.start)
    code = lex.symbol(m.group("sym")) if m else None
    if m and code:
        if amount.currency is None or amount.currency == code or code == "$":
            if amount.currency is None:
                scale_amount(amount, lex.symbol_scale(m.group("sym")) or 1.0)
                if not amount.has_scale:
                    attach_cents(text, amount, lex, require_subunit=True)
            amount.currency, amount.start, amount.kind = code, m.start(), "money"
        return
    if amount.currency is not None:
        return
    rand = common().currencies.rand_prefix
    if (core.start > floor and text[core.start - 1] == rand and not core.words
            and (core.start < 2 or not text[core.start - 2].isalnum())
            and (needs_currency or amount.has_scale or round(amount.step, 9) == 0.01)):
        amount.currency, amount.start = "ZAR", core.start - 1

