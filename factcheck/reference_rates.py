"""Reference exchange rates as a library: the rate of a pair on a date, an amount as
written converted at it, and the periods whose rates fit an article's conversions.

Behind ``factcheck rate``, ``factcheck convert`` and ``factcheck date-rates``. Bad input
(an unknown currency, a date outside the table, text that is not one amount of money, a
bad rate table) raises an error of the ``factcheck.errors`` family.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from factcheck.errors import InputError
from factcheck.model import Document, Figure, Lang
from factcheck.normalise.fx import RateProvider, RateQuote, RateUnavailable, provider_from

#: Significant digits of a converted amount (the precision a reference rate justifies).
CONVERTED_DIGITS = 3


@dataclass(frozen=True)
class Conversion:
    """``amount`` (the money figure read from the text) converted at ``rate``: ``value``
    units of ``rate.quote``, written as a writer in the amount's language would (``text``)."""

    amount: Figure
    value: float
    text: str
    rate: RateQuote


@dataclass(frozen=True)
class PairFit:
    """The conversions of one currency pair in an article (``pair`` "IDR/USD", quote per
    base) and the spans of days whose reference rates fit them all, with their names."""

    pair: str
    conversions: int
    spans: tuple[tuple[date, date], ...]
    periods: tuple[str, ...]


@dataclass(frozen=True)
class ArticleDating:
    """The currency pairs an article converts between (none: nothing to date it by)."""

    path: str
    pairs: tuple[PairFit, ...]


def _provider(rates: Path | str | None) -> RateProvider:
    return provider_from(Path(rates) if rates is not None else None)


def _quote(provider: RateProvider, base: str, quote: str, on: date | None) -> RateQuote:
    try:
        return provider.rate(base.upper(), quote.upper(), on or provider.span()[1])
    except RateUnavailable as error:
        raise InputError(str(error)) from error


def rate(
    base: str, quote: str, on: date | None = None, *, rates: Path | str | None = None
) -> RateQuote:
    """The reference rate of ``quote`` per one ``base`` on ``on`` (the table's last day
    when None), from the ECB table or the CSV table ``rates``, with the day it was taken."""
    return _quote(_provider(rates), base, quote, on)


def significant_decimals(value: float, digits: int) -> int:
    """Decimals that give ``digits`` significant digits once a scale word is chosen."""
    if value <= 0:
        return 0
    mantissa = value / 1000.0 ** (max(0, int(math.log10(value)) // 3))
    return max(0, digits - 1 - math.floor(math.log10(mantissa)))


def convert(
    text: str, to: str, on: date | None = None, lang: Lang = "id", *,
    rates: Path | str | None = None,
) -> Conversion:
    """``text``, one amount of money as written in ``lang`` ("US$ 5 miliar"), converted
    into ``to`` at the reference rate of ``on`` (the table's last day when None)."""
    from factcheck.extract import extract_text
    from factcheck.normalise.money_format import format_amount

    money = [f for f in extract_text(text, lang) if f.kind == "money"]
    if len(money) != 1 or not money[0].currency:
        raise InputError(f"{text!r} is not one amount of money")
    found = _quote(_provider(rates), money[0].currency, to, on)
    value = money[0].value * found.rate
    written = format_amount(value, found.quote, lang,
                            decimals=significant_decimals(value, CONVERTED_DIGITS))
    return Conversion(amount=money[0], value=value, text=written, rate=found)


def date_rates(
    paths: Sequence[Path | str], *, lang: Lang | None = None, rates: Path | str | None = None,
) -> tuple[list[ArticleDating], list[InputError]]:
    """For each article under ``paths``, the periods whose reference rates fit all of its
    conversions (per currency pair; the ones the other conversions disagree with left
    out), and the inputs that could not be read. A bad input never stops the others,
    nor does an article the tool fails on (an ``InternalError`` among the errors)."""
    from factcheck.documents import iter_documents
    from factcheck.errors import guarded

    provider = _provider(rates)
    results: list[ArticleDating] = []
    errors: list[InputError] = []
    for item in iter_documents(paths, lang=lang):
        if isinstance(item, InputError):
            errors.append(item)
            continue
        dated = guarded(lambda: _dating(item, provider), "dating", item.path)  # noqa: B023
        if isinstance(dated, InputError):  # a bug met on this article (IN002)
            errors.append(dated)
            continue
        results.append(dated)
    return results, errors


def _dating(item: Document, provider: RateProvider) -> ArticleDating:
    from factcheck.analyse.context import DocumentContext
    from factcheck.analyse.dating import describe
    from factcheck.analyse.fx_groups import ConversionGroups
    from factcheck.extract import extract_document

    ctx = DocumentContext(item, extract_document(item), provider)
    pairs = tuple(
        PairFit(found.pair, found.used, tuple(found.spans),
                tuple(describe(span) for span in found.spans))
        for found in ctx.analysis(ConversionGroups).article_dates())
    return ArticleDating(item.path, pairs)
