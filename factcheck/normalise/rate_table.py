"""What every rate table shares: a quote, the error of a missing rate, the provider
protocol, and the look-ups over published series (a rate is a product of legs on a common
day, at most ``MAX_STALE_DAYS`` before the date asked for).

The ECB provider (:mod:`factcheck.normalise.fx`) and a user's CSV table
(:mod:`factcheck.normalise.fx_csv`) both build on :class:`TableRates`.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from datetime import date
from typing import NamedTuple, Protocol

MAX_STALE_DAYS = 7


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


class TableRates:
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
