"""What the readers take from CLDR (babel): a language's decimal and group symbols and
its month names, kept in the user cache.

Reading a locale's CLDR data costs more than the audit of a short article: each value is
read once per babel version and kept (``disk_cache``), so that a run whose cache holds
them loads neither babel's locale data nor babel itself (``cldr_key`` keys any such value).
"""

from __future__ import annotations

from functools import cache
from typing import Literal

Width = Literal["wide", "abbreviated"]


def cldr_key(*parts: str) -> str:
    """The user cache's key of a value read from babel's CLDR data: ``parts`` and the
    version of babel that holds the data."""
    from importlib.metadata import version

    from factcheck.disk_cache import digest

    return digest("cldr", version("babel"), *parts)


@cache
def number_symbols(lang: str) -> tuple[str, str]:
    """(decimal symbol, group symbol) of ``lang`` in CLDR."""
    from factcheck.disk_cache import kept

    def read() -> tuple[str, str]:
        from babel.numbers import get_decimal_symbol, get_group_symbol

        return str(get_decimal_symbol(lang)), str(get_group_symbol(lang))

    decimal, group = kept(f"cldr-numbers-{lang}", cldr_key("number symbols", lang), read)
    return decimal, group


@cache
def month_names(lang: str, width: Width) -> dict[int, str]:
    """The month names of ``lang`` in CLDR's ``width`` ("wide", "abbreviated"), by number."""
    from factcheck.disk_cache import kept

    def read() -> dict[int, str]:
        from babel.dates import get_month_names

        return {int(n): str(name) for n, name in get_month_names(width, locale=lang).items()}

    return kept(f"cldr-months-{lang}-{width}", cldr_key("month names", lang, width), read)
