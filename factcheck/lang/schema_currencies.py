"""Schemas of the currency tables: ``common/currencies.yaml`` (press signs and code spellings
every language shares), ``common/cldr_currencies.yaml`` (generated from CLDR) and
``<lang>/currencies.yaml`` (the press names of one language).

A reading is one ISO 4217 code, or a list of codes: a sign or name several currencies share,
which the document's evidence decides between (``extract/currency_evidence.py``).
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import AfterValidator, BeforeValidator, Field, StringConstraints

from factcheck.lang.fields import (
    CurrencyCode,
    DataFile,
    Factor,
    LowerWord,
    LowerWords,
    Word,
    Words,
)

Reading = CurrencyCode | tuple[CurrencyCode, ...]
"""What a written sign stands for: a code, or the codes it may mean."""

NameReading = CurrencyCode | tuple[CurrencyCode, ...] | LowerWord
"""What a written name stands for: a code, the codes it may mean, or another name of the
table it reads as ("dollar: dolar", "pounds: pound")."""


def _split(value: object) -> object:
    return value.split() if isinstance(value, str) else value


CodeList = Annotated[tuple[CurrencyCode, ...], BeforeValidator(_split)]
"""Codes written separated by spaces ("KES TZS UGX")."""


class CldrCurrencies(DataFile):
    """``common/cldr_currencies.yaml``, written by ``python -m factcheck.lang.cldr_currencies``."""

    codes: CodeList = Field(min_length=1)
    signs: dict[Word, CodeList]


class Currencies(DataFile):
    """``common/currencies.yaml``: what the press writes in every language beside CLDR's
    signs, and the readings a document with no evidence gets."""

    common_codes: tuple[CurrencyCode, ...]
    code_aliases: dict[Word, CurrencyCode]
    signs: dict[Word, Reading]
    read_alone: Words
    scaled_code_prefixes: dict[Word, Factor]
    bare_dollar: CurrencyCode
    family_defaults: tuple[CurrencyCode, ...]
    largest_money_usd: Factor
    domain_after_number_only: Words
    signs_before_number_only: Words = ()
    country_domains: dict[Word, Word]


class ScaledSign(DataFile):
    """A sign that also writes a scale ("G$" in Quebec French: milliards de dollars)."""

    reading: Reading
    factor: Factor


def _territory(code: str) -> str:
    from factcheck.lang.cldr_data import territories

    if code not in territories():
        raise ValueError(f"{code} is no territory CLDR gives a currency for")
    return code


Territory = Annotated[str, StringConstraints(pattern=r"^[A-Z]{2}$"), AfterValidator(_territory)]
"""A territory's ISO 3166 code that CLDR knows the currencies of."""


class CountryWords(DataFile):
    """Words for a country that CLDR's names lack: its abbreviations, which name its
    currency beside a currency noun only ("dollars É.-U."), and the adjective of its people,
    which does so too ("dollars singapouriens") and is evidence of the country anywhere in
    the text ("le gouvernement ivoirien")."""

    abbreviations: Words = ()
    demonyms: LowerWords = ()


class CurrencyNames(DataFile):
    """``<lang>/currencies.yaml``: the press names of currencies in one language, beside the
    names CLDR gives through babel, and the signs only this language writes."""

    noun: Literal["first", "last"]
    noun_skip: LowerWords
    names: dict[Word, NameReading]
    scale_only: LowerWords
    signs: dict[Word, ScaledSign]
    countries: dict[Territory, CountryWords]
