"""A rate provider that answers the same questions once: the claims audit asks the rate
table about thousands of small documents, many of them on the same pairs and days.

``rate`` is memoised per (base, quote, day). ``series`` of a table provider (ECB, CSV),
whose legs do not depend on the day, is sliced from one series per pair computed over
the union of the windows asked so far: a day's rate in a series does not depend on the
window, so a slice is the series the provider would give. The provider is first asked
for the one-day series at each end of the window, which raises as the whole call would.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from datetime import date

from factcheck.normalise.rate_table import (
    RateProvider,
    RateQuote,
    RateUnavailable,
    TableRates,
    runs_in,
)


class CachedRates:
    """``inner``, with its answers kept (see the module's docstring)."""

    def __init__(self, inner: RateProvider) -> None:
        self.inner = inner
        self.name = inner.name
        self._rates: dict[tuple[str, str, date], RateQuote] = {}
        self._series: dict[tuple[str, str], tuple[date, date, list[int],
                                                  list[tuple[date, float]]]] = {}

    def rate(self, base: str, quote: str, on: date) -> RateQuote:
        key = (base, quote, on)
        found = self._rates.get(key)
        if found is None:
            found = self._rates[key] = self.inner.rate(base, quote, on)  # may raise
        return found

    def series(self, base: str, quote: str, start: date,
               end: date) -> list[tuple[date, float]]:
        if not isinstance(self.inner, TableRates) or start > end:
            return self.inner.series(base, quote, start, end)
        self.inner.series(base, quote, start, start)  # unknown pair, before or after the table
        self.inner.series(base, quote, end, end)
        known = self._series.get((base, quote))
        if known is None or start < known[0] or end > known[1]:
            first = start if known is None else min(start, known[0])
            last = end if known is None else max(end, known[1])
            values = self.inner.series(base, quote, first, last)
            known = (first, last, [d.toordinal() for d, _ in values], values)
            self._series[(base, quote)] = known
        _, _, days, values = known
        return values[bisect_left(days, start.toordinal()):bisect_right(days, end.toordinal())]

    def fitting_runs(self, base: str, quote: str, low: float, high: float, start: date,
                     end: date) -> list[tuple[date, date]]:
        """The inner table's runs (it builds each pair's series once itself)."""
        if isinstance(self.inner, TableRates):
            return self.inner.fitting_runs(base, quote, low, high, start, end)
        return runs_in(self.series(base, quote, start, end), low, high)

    def currencies(self) -> frozenset[str]:
        return self.inner.currencies()

    def span(self) -> tuple[date, date]:
        return self.inner.span()


def cached(provider: RateProvider | None) -> RateProvider | None:
    return None if provider is None else CachedRates(provider)


__all__ = ["CachedRates", "RateUnavailable", "cached"]
