"""Schemas of the language-independent tables in ``common/``: currencies and unit symbols
(the claims-drafting entities are in ``schema_language``)."""

from __future__ import annotations

from factcheck.lang.fields import CurrencyCode, CurrencyOrDollar, DataFile, Factor, Word


class Currencies(DataFile):
    """``common/currencies.yaml``: ISO codes, symbols and the bare dollar's country."""

    codes: tuple[CurrencyCode, ...]
    code_aliases: dict[Word, CurrencyCode]
    symbols: dict[Word, CurrencyOrDollar]
    scaled_code_prefixes: dict[Word, Factor]
    bare_dollar: CurrencyCode
    dollar_by_country_domain: dict[Word, CurrencyCode]
    rand_prefix: Word


class UnitTables(DataFile):
    """``common/units.yaml``: unit symbols -> pint expression, and the SI unit each pint
    dimensionality is reported in."""

    symbols: dict[Word, Word]
    canonical: dict[Word, Word]
