"""Amounts and exchange rates written the way a writer of the language would write them.

``format_amount(80.9e12, "IDR", "id")`` is "Rp 80,9 triliun"; ``format_amount(5e9, "USD",
"fr")`` is "5 milliards de dollars"; ``format_amount(80.9e9, "USD", "en")`` is "$80.9
billion". An amount of a million or more takes the largest scale word that keeps the number
at least 1 (and under 1000 unless no larger word exists: "Rp 1.303 triliun", "1 303 milliards
de rupiahs"); a smaller amount is written in full ("Rp 16.250"). Decimal and group separators
are babel's (CLDR) for the language. Used for suggested corrections, so the result must read
back through the extractor as the same figure. The words and symbols, and whether the
currency is a symbol before the number or a name after it, are each language's
``factcheck/lang/<lang>/money_format.yaml``.
"""

from __future__ import annotations

import math
from decimal import ROUND_HALF_UP, Decimal
from functools import cache

from factcheck.lang.cldr_data import number_symbols
from factcheck.lang.loader import language
from factcheck.lang.schema_language import ScaleWord
from factcheck.model import Lang

AMOUNT_DECIMALS = 3  # most decimals shown with a scale word when ``decimals`` is None
FULL_DECIMALS = 2  # ... and for an amount written in full
RATE_DIGITS = 4  # significant digits of a rate under 100


def format_amount(value: float, currency: str, lang: Lang, *, decimals: int | None = None) -> str:
    """``value`` (in currency units) as a writer in ``lang`` would print it.

    ``decimals`` fixes the decimals of the printed number; with None, up to 3 decimals
    (2 for an amount written in full) are shown and trailing zeros are dropped.
    """
    if not math.isfinite(value):
        raise ValueError(f"cannot format a non-finite amount: {value!r}")
    number, scale, places = scale_amount(abs(value), lang, decimals)
    digits = format_number(number, places, lang, trim=decimals is None)
    sign = "-" if value < 0 and digits.strip("0,. \u202f\u00a0") else ""
    style = language(lang).money_format
    plural = rounded(number, places) >= Decimal(repr(style.plural_from))
    word = (scale.many if plural else scale.one) if scale else ""
    if style.currency == "name_after":
        name = style.names.get(currency)
        if not word:
            return f"{sign}{digits} {(name.many if plural else name.one) if name else currency}"
        if name is None:
            return f"{sign}{digits} {word} {currency}"
        elided = name.many[0] in style.elide_before
        joiner = style.name_joiner_elided if elided else style.name_joiner
        return f"{sign}{digits} {word} {joiner}{name.many}"
    symbol = style.symbols.get(currency, currency)
    space = " " if style.space_after_symbol == "always" or symbol[-1].isalpha() else ""
    tail = f" {word}" if word else ""
    return f"{sign}{symbol}{space}{digits}{tail}"


def scale_amount(magnitude: float, lang: Lang,
                 decimals: int | None) -> tuple[float, ScaleWord | None, int]:
    """(number as printed before rounding, scale word or None, decimals) for an amount."""
    scales = language(lang).money_format.scales
    index = -1
    for i, scale_word in enumerate(scales):
        if magnitude >= scale_word.factor:
            index = i
    while True:
        scale = scales[index] if index >= 0 else None
        places = decimals if decimals is not None else (
            AMOUNT_DECIMALS if scale else FULL_DECIMALS)
        number = magnitude / (scale.factor if scale else 1.0)
        next_factor = scales[index + 1].factor if index + 1 < len(scales) else None
        limit = next_factor / (scale.factor if scale else 1.0) if next_factor else math.inf
        # Rounding can carry the number up to the next scale word (999.9996 miliar).
        if rounded(number, places) < limit:
            return number, scale, places
        index += 1


def format_number(number: float, places: int, lang: Lang, *, trim: bool) -> str:
    """``number`` with ``places`` decimals and the language's separators."""
    text = f"{rounded(number, places):,.{max(places, 0)}f}"
    if trim and "." in text:
        text = text.rstrip("0").rstrip(".")
    group, decimal = _separators(lang)
    return text.replace(",", "\0").replace(".", decimal).replace("\0", group)


def format_rate(rate: float, base: str, quote: str, lang: Lang) -> str:
    """An exchange rate as "16.288 IDR/USD" (units of ``quote`` per one ``base``): whole
    numbers from 100 up, 4 significant digits below."""
    if not math.isfinite(rate) or rate <= 0:
        raise ValueError(f"an exchange rate must be positive: {rate!r}")
    places = 0 if rate >= 100 else RATE_DIGITS - 1 - math.floor(math.log10(rate))
    if places > 0 and rounded(rate, places) >= 10 ** (RATE_DIGITS - places):
        places -= 1  # 99.996 rounds to 100.0: keep 4 significant digits
    return f"{format_number(rate, places, lang, trim=True)} {quote}/{base}"


def rounded(number: float, places: int) -> Decimal:
    """``number`` rounded half up as written in decimal (5.835 -> 5.84, not binary 5.83)."""
    exact = Decimal(repr(number))
    return exact.quantize(Decimal(1).scaleb(-max(places, 0)), rounding=ROUND_HALF_UP)


@cache
def _separators(lang: Lang) -> tuple[str, str]:
    """(group, decimal) symbols of the language from babel's CLDR data."""
    decimal, group = number_symbols(lang)
    return group, decimal
