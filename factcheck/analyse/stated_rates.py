"""The rates a text states ("kurs Rp 16.200 per dolar AS") as the intervals they give in a
conversion's orientation, with the two questions the FX checks ask of them answered in
O(log n) each, so that an article's cost does not grow with the product of its
conversions and its stated rates: does any stated rate overlap a conversion's interval,
and which one is nearest to it or to its rate.
"""

from __future__ import annotations

import math
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from functools import cached_property
from itertools import accumulate
from typing import NamedTuple

from factcheck.analyse.conversions import Conversion
from factcheck.model import Figure


class StatedRate(NamedTuple):
    """A rate stated in the text, as the interval it gives in a conversion's orientation."""

    figure: Figure
    low: float
    high: float

    @property
    def middle(self) -> float:
        return (self.low + self.high) / 2


class StatedRates(tuple[StatedRate, ...]):
    """Stated rates in text order, with their searches (built on first use)."""

    @cached_property
    def _by_low(self) -> tuple[list[float], list[float]]:
        """The lows in order, and the highest high among the rates up to each."""
        ordered = sorted(self, key=lambda s: s.low)
        return [s.low for s in ordered], list(accumulate((s.high for s in ordered), max))

    @cached_property
    def _by_middle(self) -> tuple[list[float], list[int]]:
        """The distinct middles in order, and the first rate (in text order) of each."""
        first: dict[float, int] = {}
        for index, stated in enumerate(self):
            first.setdefault(stated.middle, index)
        middles = sorted(first)
        return middles, [first[m] for m in middles]

    @cached_property
    def _by_sum(self) -> tuple[list[float], list[int]]:
        """The distinct sums of the ends (twice the middles) in order, and the first rate
        (in text order) of each."""
        first: dict[float, int] = {}
        for index, stated in enumerate(self):
            first.setdefault(stated.low + stated.high, index)
        sums = sorted(first)
        return sums, [first[s] for s in sums]

    def overlaps(self, low: float, high: float) -> bool:
        """Whether a stated interval shares a rate with ``[low, high]``."""
        lows, highest = self._by_low
        count = bisect_right(lows, high)  # the rates whose low is at most ``high``
        return count > 0 and highest[count - 1] >= low

    def nearest(self, c: Conversion) -> StatedRate:
        """The first rate, in text order, whose middle is nearest ``c``'s interval
        (``Conversion.distance``): what ``min`` over the rates by that distance gives."""
        middles, firsts = self._by_middle
        start, stop = bisect_left(middles, c.low), bisect_right(middles, c.high)
        if start < stop:  # middles inside the interval, all at distance 0
            return self[min(firsts[start:stop])]
        near = [i for i in (start - 1, stop) if 0 <= i < len(middles)]
        best = min(c.distance(middles[i]) for i in near)
        return self[min(firsts[i] for i in near if c.distance(middles[i]) == best)]

    def nearest_to(self, point: float) -> StatedRate:
        """The first rate, in text order, whose middle is nearest ``point`` as a ratio:
        what ``min`` over the rates by ``abs(log(2 * point / (low + high)))`` gives."""
        sums, firsts = self._by_sum
        at = bisect_left(sums, 2 * point)
        near = [i for i in (at - 1, at) if 0 <= i < len(sums)]
        distance = {i: abs(math.log(2 * point / sums[i])) for i in near}
        best = min(distance.values())
        return self[min(firsts[i] for i in near if distance[i] == best)]

    def followers(self, intervals: Sequence[tuple[float, float]]) -> list[int]:
        """For each rate, how many of ``intervals`` share a rate with it (two searches
        each, not a walk over the intervals)."""
        lows = sorted(low for low, _ in intervals)
        highs = sorted(high for _, high in intervals)
        return [len(intervals) - bisect_left(highs, s.low)
                - (len(lows) - bisect_right(lows, s.high)) for s in self]
