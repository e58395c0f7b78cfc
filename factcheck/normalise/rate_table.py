"""What every rate table shares: a quote, the error of a missing rate, the provider
protocol, and the look-ups over published series (a rate is a product of legs on a common
day, at most ``MAX_STALE_DAYS`` before the date asked for).

The ECB provider (:mod:`factcheck.normalise.fx`) and a user's CSV table
(:mod:`factcheck.normalise.fx_csv`) both build on :class:`TableRates`.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass
from datetime import date
from typing import NamedTuple, Protocol, runtime_checkable

from factcheck.normalise.pair_series import PairSeries

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


@runtime_checkable
class FindsRuns(Protocol):
    """A provider that finds the runs of days whose rate lies in an interval itself."""

    def fitting_runs(self, base: str, quote: str, low: float, high: float, start: date,
                     end: date) -> list[tuple[date, date]]: ...


class Series(NamedTuple):
    """One published series: ascending day ordinals and the rate on each."""

    days: list[int]
    rates: list[float]


class Leg(NamedTuple):
    """A series that enters a rate as a factor (``invert`` False) or a divisor."""

    code: str
    series: Series
    invert: bool


MAX_KEPT_FITS = 100_000  # answers of fitting_runs kept per provider before they are forgotten
FitQuery = tuple[str, str, float, float, date, date]


class TableRates:
    """Look-ups shared by the providers: a rate is a product of legs on a common day."""

    name: str
    max_stale_days: int = MAX_STALE_DAYS
    _pair_series: dict[tuple[str, str], PairSeries] | None = None  # built on first use
    _fitting: dict[FitQuery, list[tuple[date, date]]] | None = None  # the answers given

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
        pair = self._checked_pair(base, quote, start, end)
        i, j = pair.window(start, end)
        return [(date.fromordinal(day), value)
                for day, value in zip(pair.days[i:j], pair.values[i:j], strict=True)]

    def fitting_runs(self, base: str, quote: str, low: float, high: float, start: date,
                     end: date) -> list[tuple[date, date]]:
        """Maximal runs (first, last day) of the pair's series in [start, end] whose rate
        is in [low, high]; raises as ``series`` does. An answer is kept for the process:
        the checks of one article, and articles alike, ask the same of a pair."""
        query = (base, quote, low, high, start, end)
        if self._fitting is None:
            self._fitting = {}
        found = self._fitting.get(query)
        if found is None:
            pair = self._checked_pair(base, quote, start, end)  # may raise: not kept
            i, j = pair.window(start, end)
            found = [(date.fromordinal(first), date.fromordinal(last))
                     for first, last in pair.runs(low, high, i, j)]
            if len(self._fitting) >= MAX_KEPT_FITS:
                self._fitting.clear()
            self._fitting[query] = found
        return list(found)

    def _checked_pair(self, base: str, quote: str, start: date, end: date) -> PairSeries:
        """The pair's series, built once per provider, after the checks a look-up at each
        end of the window makes (an unknown currency, a date outside the table)."""
        legs = self._legs(base, quote, start)
        self._check_span(legs, base, quote, start)
        self._check_span(legs, base, quote, end)
        if self._pair_series is None:
            self._pair_series = {}
        found = self._pair_series.get((base, quote))
        if found is None:
            found = self._pair_series[(base, quote)] = PairSeries.of(
                [(leg.series.days, leg.series.rates, leg.invert) for leg in legs])
        return found


def runs_in(series: list[tuple[date, float]], low: float,
            high: float) -> list[tuple[date, date]]:
    """Maximal runs (first, last day) of ``series`` whose rate is in [low, high]."""
    runs: list[tuple[date, date]] = []
    first: date | None = None
    last: date | None = None
    for day, value in series:
        if low <= value <= high:
            first, last = first or day, day
        elif first is not None and last is not None:
            runs.append((first, last))
            first = None
    if first is not None and last is not None:
        runs.append((first, last))
    return runs
