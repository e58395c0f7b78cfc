"""Schemas of the language-independent tables in ``common/``: the currencies fixed to
another, unit symbols, the characters written for an apostrophe and what in a web page is
not the article (the currencies are in ``schema_currencies``, the claims-drafting entities
in ``schema_language``)."""

from __future__ import annotations

import unicodedata
from datetime import date
from itertools import pairwise
from typing import Annotated

from pydantic import AfterValidator, model_validator

from factcheck.lang.fields import CurrencyCode, DataFile, Factor, LowerWords, Word


class UnitTables(DataFile):
    """``common/units.yaml``: unit symbols -> pint expression, and the SI unit each pint
    dimensionality is reported in."""

    symbols: dict[Word, Word]
    canonical: dict[Word, Word]


class CurrencyPeg(DataFile):
    """One fixed rate: ``rate`` units of ``currency`` per one ``anchor`` from ``since`` to
    ``until`` (open when absent); ``band`` the low and high rate when the anchor is held
    within a band around ``rate``."""

    currency: CurrencyCode
    anchor: CurrencyCode
    rate: Factor
    since: date
    until: date | None = None
    band: tuple[Factor, Factor] | None = None

    @model_validator(mode="after")
    def _consistent(self) -> CurrencyPeg:
        if self.currency == self.anchor:
            raise ValueError(f"{self.currency} cannot be fixed to itself")
        if self.until is not None and self.until < self.since:
            raise ValueError(f"until ({self.until}) is before since ({self.since})")
        if self.band is not None and not self.band[0] <= self.rate <= self.band[1]:
            raise ValueError(f"band {list(self.band)} does not hold the rate {self.rate}")
        return self


class CurrencyPegs(DataFile):
    """``common/currency_pegs.yaml``: the currencies fixed to another, over time."""

    pegs: tuple[CurrencyPeg, ...]

    @model_validator(mode="after")
    def _no_overlap(self) -> CurrencyPegs:
        by_currency: dict[str, list[CurrencyPeg]] = {}
        for peg in self.pegs:
            by_currency.setdefault(peg.currency, []).append(peg)
        for code, pegs in by_currency.items():
            ordered = sorted(pegs, key=lambda p: p.since)
            for earlier, later in pairwise(ordered):
                if earlier.until is None or earlier.until >= later.since:
                    raise ValueError(f"the pegs of {code} from {earlier.since} and "
                                     f"{later.since} overlap")
        return self


def _apostrophe(char: str) -> str:
    letter = char.isalpha() and unicodedata.category(char) != "Lm"  # "ʼ" is a modifier
    if len(char) != 1 or letter or char.isdigit() or char.isspace() or char in "'\u2019":
        raise ValueError("cannot stand for an apostrophe: one character, not a letter, digit, "
                         "space or an apostrophe already read as one")
    return char


def _group_apostrophe(char: str) -> str:
    if len(char) != 1 or char.isalnum() or char.isspace() or char in ".,":
        raise ValueError("cannot group digits: one character, not a letter, digit, space, "
                         "or a decimal symbol")
    return char


class Typography(DataFile):
    """``common/typography.yaml``: the characters written for an apostrophe, and those that
    group digits in Swiss copy."""

    apostrophes: tuple[Annotated[str, AfterValidator(_apostrophe)], ...]
    digit_group_apostrophes: tuple[Annotated[str, AfterValidator(_group_apostrophe)], ...] = ()


class WebPages(DataFile):
    """``common/web_pages.yaml``: what in a saved web page is not the article."""

    boilerplate_classes: LowerWords
    excluded_elements: LowerWords
    page_chrome_elements: LowerWords
