"""What the readers take from CLDR (babel): a language's decimal and group symbols, its
month names, the territories and the currencies each uses today, kept in the user cache.

Reading a locale's CLDR data costs more than the audit of a short article: each value is
read once per babel version and kept (``disk_cache``), so that a run whose cache holds
them loads neither babel's locale data nor babel itself (``cldr_key`` keys any such value).
"""

from __future__ import annotations

from datetime import date
from functools import cache
from pathlib import Path
from typing import Literal

Width = Literal["wide", "abbreviated"]


def cldr_key(*parts: str) -> str:
    """The user cache's key of a value read from babel's CLDR data: ``parts`` and the
    babel installed (where its data file is, its size and time: a new babel writes it)."""
    from factcheck.disk_cache import digest

    return digest("cldr", _babel_stamp(), *parts)


@cache
def _babel_stamp() -> str:
    from importlib.util import find_spec

    spec = find_spec("babel")
    if spec is None or spec.origin is None:
        return "no babel"
    data = Path(spec.origin).with_name("global.dat")
    try:
        stat = data.stat()
    except OSError:
        return f"{spec.origin}: no data"
    return f"{data}:{stat.st_size}:{stat.st_mtime_ns}"


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


@cache
def territories() -> frozenset[str]:
    """The territories CLDR gives the currencies of."""
    from factcheck.disk_cache import kept

    def read() -> list[str]:
        from babel.core import get_global

        return sorted(get_global("territory_currencies"))

    return frozenset(kept("cldr-territories", cldr_key("territories"), read))


@cache
def territory_currencies(name: str, codes: tuple[str, ...]) -> dict[str, tuple[str, ...]]:
    """The currencies each territory of ``codes`` uses today, kept in the user cache under
    ``name`` for the day."""
    from factcheck.disk_cache import kept

    def read() -> dict[str, tuple[str, ...]]:
        from babel.numbers import get_territory_currencies

        return {code: tuple(get_territory_currencies(code)) for code in codes}

    today = date.today().isoformat()
    return kept(f"cldr-territory-currencies-{name}",
                cldr_key("territory currencies", today, *codes), read)
