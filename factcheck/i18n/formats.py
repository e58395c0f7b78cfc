"""Numbers and dates as a locale writes them (Babel's CLDR data): "1,234.5" and
"30 July 2024" in English, "1 234,5" and "30 juillet 2024" in French, "1.234,5" and
"30 Juli 2024" in Indonesian."""

from __future__ import annotations

from datetime import date


def format_day(day: date, locale: str) -> str:
    """A date written out in ``locale`` (CLDR's long format)."""
    from babel.dates import format_date

    return str(format_date(day, format="long", locale=locale))


def format_count(count: int, locale: str) -> str:
    """A whole number grouped as ``locale`` groups digits."""
    from babel.numbers import format_decimal

    return str(format_decimal(count, locale=locale))
