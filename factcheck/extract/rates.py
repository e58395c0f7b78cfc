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

from factcheck.extract.attach import Written, currency_name_at, sign_at, suffix_currency
from factcheck.extract.cores import Amount, Core
from factcheck.extract.currency_evidence import family_default
from factcheck.extract.lexicon import SP, Lexicon
from factcheck.extract.numbers import NUMERAL, parse_numeral
from factcheck.extract.scales import numeral_at

RATE_EQUALS = re.compile(r"[ \u00a0]?=[ \u00a0]?")
SPACE = re.compile(f"{SP}?")


def certain(written: Written | None, dollar: str) -> str | None:
    """The one currency ``written`` stands for, or its family's default: a rate is between
    two currencies, never candidates."""
    if written is None:
        return None
    if len(written.reading) == 1:
        return next(iter(written.reading))
    return family_default(written.reading, dollar)


def _make_rate(amount: Amount, quote: str, base: str) -> None:
    amount.kind, amount.currency, amount.unit = "rate", quote, base
    amount.candidates, amount.needs_evidence, amount.currency_source = None, False, None


def _money_at(
    text: str, pos: int, lex: Lexicon, dollar: str, tz: bool
) -> tuple[float, float, str, int] | None:
    """(value, step, currency, end) of a money amount starting at ``pos``."""
    currency = None
    sign = sign_at(text, pos, lex)
    if sign is not None:
        currency, pos = certain(sign, dollar), SPACE.match(text, sign.end).end()  # type: ignore[union-attr]
    m = NUMERAL.match(text, pos)
    if m is None:
        return None
    num = parse_numeral(m.group(), lex.lang, trailing_zeros_significant=tz)
    if num is None:
        return None
    core = Core(m.start(), m.end(), num.value, num.step, False, False)
    read = numeral_at(text, core, lex, tz)
    value, step, factor, end = read.value, read.step, read.factor, read.end
    if currency is None:
        suffix = suffix_currency(text, end, lex, factor != 1.0)
        if suffix:
            currency, end = certain(suffix, dollar), suffix.end
    if currency is None:
        return None
    return value * factor, step * factor, currency, end


def read_rate(text: str, amount: Amount, lex: Lexicon, dollar: str, tz: bool) -> None:
    """Turn ``amount`` into a rate or a price if the text around it says so."""
    own = amount.currency or (family_default(amount.candidates, dollar)
                              if amount.candidates and not amount.needs_evidence else None)
    if amount.kind == "money" and amount.value == 1 and amount.range_first is None:
        eq = RATE_EQUALS.match(text, amount.end)
        right = _money_at(text, eq.end(), lex, dollar, tz) if eq else None
        if right is not None and own is not None and right[2] != own:
            amount.value, amount.step, quote, amount.end = right
            _make_rate(amount, quote, own)
            return
    per = lex.per_re.match(text, amount.end)
    written = None
    if per:
        written = (sign_at(text, per.end(), lex)
                   or currency_name_at(text, per.end(), lex, has_scale=False))
    if per and written:
        base = certain(written, dollar)
        quoted = own or (lex.rate_default_currency if amount.candidates is None else None)
        if base and quoted and base != quoted and not amount.has_scale:
            _make_rate(amount, quoted, base)
            amount.end = written.end
        return
    m = lex.denominator_re.match(text, amount.end)
    if m and amount.kind == "money":
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

