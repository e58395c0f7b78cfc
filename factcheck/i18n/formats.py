"""Numbers and dates as a locale writes them (Babel's CLDR data): "1,234.5" and
"30 July 2024" in English, "1 234,5" and "30 juillet 2024" in French, "1.234,5" and
"30 Juli 2024" in Indonesian; large numbers with the locale's scale word ("4.65 billion",
"4,65 milliards", "4,65 miliar", CLDR's long compact forms)."""

from __future__ import annotations

import math
import re
from datetime import date
from decimal import Decimal

#: The scales a large number is written with, largest first.
SCALES = (10 ** 12, 10 ** 9, 10 ** 6)
ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


def format_day(day: date, locale: str) -> str:
    """A date written out in ``locale`` (CLDR's long format)."""
    from babel.dates import format_date

    return str(format_date(day, format="long", locale=locale))


def format_iso_day(text: str, locale: str) -> str:
    """``text`` written out as a date in ``locale`` when it is one (``2024-07-29``); else
    as it is."""
    if ISO_DAY.fullmatch(text):
        try:
            return format_day(date.fromisoformat(text), locale)
        except ValueError:
            return text
    return text


def format_count(count: int, locale: str) -> str:
    """A whole number grouped as ``locale`` groups digits."""
    from babel.numbers import format_decimal

    return str(format_decimal(count, locale=locale))


def format_significant(value: float, locale: str, digits: int = 6) -> str:
    """``value`` to ``digits`` significant digits, grouped as ``locale`` groups them, with
    no trailing zeros ("16,250.5"; "16 250,5"; "16.250,5")."""
    from babel.numbers import format_decimal

    rounded = Decimal(f"{value:.{digits}g}")
    return str(format_decimal(rounded, locale=locale, decimal_quantization=False))


def format_number(value: float, locale: str) -> str:
    """A number as reports print it: 6 significant digits, grouped; from a million on,
    with the locale's scale word ("4.65 billion", "4,65 milliards"); ∞ and n/a for what is
    not a number."""
    if math.isinf(value):
        return "∞" if value > 0 else "−∞"
    if math.isnan(value):
        return "n/a"
    for scale in SCALES:
        if abs(value) >= scale:
            return _scaled(value / scale, scale, locale)
    return format_significant(value, locale)


def _scaled(value: float, scale: int, locale: str) -> str:
    from babel import Locale

    digits = format_significant(value, locale)
    cldr = Locale.parse(locale)
    forms = cldr.compact_decimal_formats["long"]
    pattern = forms.get(cldr.plural_form(abs(value)), {}).get(str(scale)) \
        or forms["other"][str(scale)]
    return f"{digits}{pattern.suffix[0]}"


def format_percent(fraction: float, locale: str, signed: bool = False) -> str:
    """A fraction as a percentage to 3 significant digits ("1.83%", "1,83 %"); ``signed``:
    with its sign ("+1.83%", "−1.83%")."""
    from babel.numbers import format_percent as babel_percent

    percent = Decimal(f"{abs(fraction) * 100:.3g}") / 100
    text = str(babel_percent(percent, locale=locale, decimal_quantization=False))
    if not signed or fraction == 0:
        return text
    return ("+" if fraction > 0 else "−") + text
