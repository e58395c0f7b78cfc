"""Exchange rates and prices written in the text.

A money amount becomes a rate when it is priced per another currency ("Rp 16.200 per
dolar AS", "15.046/dolar", "at 16,200 rupiah to the dollar"), when it is the right side
of "1 X = Y" ("US$1=Rp 15.400", "$1 = 0.92 euros"), or when a rate word stands before it
("kurs Rp 13.000"; its base currency then comes from the conversion it qualifies). It
becomes a price when it is per a unit or a counted thing ("US$ 64 per ton", "Rp 106 per
saham").
"""

from __future__ import annotations

import re
from functools import cache

from factcheck.extract.attach import suffix_currency
from factcheck.extract.cores import Amount, Core, numeral_at
from factcheck.extract.lexicon import Lexicon
from factcheck.extract.numbers import NUMERAL, parse_numeral

RATE_EQUALS = re.compile(r"[ \u00a0]?=[ \u00a0]?")


@cache
def _prefix_at(lex: Lexicon) -> re.Pattern[str]:
    return re.compile(lex.prefix_re.pattern.rstrip("$"))


def _money_at(
    text: str, pos: int, lex: Lexicon, dollar: str, tz: bool
) -> tuple[float, float, str, int] | None:
    """(value, step, currency, end) of a money amount starting at ``pos``."""
    currency = None
    sym = _prefix_at(lex).match(text, pos)
    if sym:
        currency, pos = lex.symbol(sym.group("sym")), sym.end()
    m = NUMERAL.match(text, pos)
    if m is None:
        return None
    num = parse_numeral(m.group(), lex.lang, trailing_zeros_significant=tz)
    if num is None:
        return None
    core = Core(m.start(), m.end(), num.value, num.step, False, False)
    value, step, factor, end, _ = numeral_at(text, core, lex, tz)
    if currency is None:
        suffix = suffix_currency(text, end, lex, factor != 1.0)
        if suffix:
            currency, _, end = suffix
    if currency is None:
        return None
    return value * factor, step * factor, dollar if currency == "$" else currency, end


def read_rate(text: str, amount: Amount, lex: Lexicon, dollar: str, tz: bool) -> None:
    """Turn ``amount`` into a rate or a price if the text around it says so."""
    if amount.kind == "money" and amount.value == 1 and amount.range_first is None:
        eq = RATE_EQUALS.match(text, amount.end)
        right = _money_at(text, eq.end(), lex, dollar, tz) if eq else None
        if right is not None and right[2] != amount.currency:
            amount.value, amount.step, quote, amount.end = right
            amount.kind, amount.unit, amount.currency = "rate", amount.currency, quote
            return
    m = lex.denominator_re.match(text, amount.end)
    if m:
        if m.group("sym") or _is_currency_name(lex, m.group("name")):
            written = m.group("sym") or m.group("name")
            base: str | None = (lex.symbol(written) if m.group("sym")
                                 else lex.lookup(lex.currencies, written))
            if base == "$":
                base = dollar
            quoted = amount.currency or lex.rate_default_currency
            if base and quoted and base != quoted and not amount.has_scale:
                amount.kind, amount.currency, amount.unit = "rate", quoted, base
                amount.end = m.end()
            return
        if amount.kind == "money":
            denominator = m.group("name") or ""
            unit = lex.lookup(lex.units, denominator) or lex.lookup(lex.per_nouns, denominator)
            if unit:
                amount.kind, amount.unit, amount.end = "price", unit.replace(" ", ""), m.end()
            return
    if amount.kind != "money" or amount.has_scale or amount.range_first is not None:
        return
    if lex.rate_word_re.search(text, max(0, amount.start - 40), amount.start):
        amount.kind, amount.rate_base_pending = "rate", True
        return
    before = lex.per_noun_before_re.search(text, max(0, amount.start - 60), amount.start)
    if before:  # "laba per saham dari Rp 486 menjadi Rp 578"
        amount.kind, amount.unit = "price", lex.lookup(lex.per_nouns, before.group("noun"))


def _is_currency_name(lex: Lexicon, written: str | None) -> bool:
    return bool(written) and lex.lookup(lex.currencies, written or "") is not None
