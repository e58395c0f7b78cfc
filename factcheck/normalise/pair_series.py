"""One currency pair's rates as a table gives them: the days every leg has a rate, the
rate on each, and the lowest and highest rate of each block of days.

A provider builds it once per pair and process; a window of days is found by bisection,
and so are the days whose rate lies in an interval (the dates a conversion fits), in the
positions ordered by rate: when they are few, they are the runs once put back in order of
day; when they are many, the runs skip every block whose rates all lie outside the
interval or all inside it. Dating an article costs a few hundred steps instead of a pass
over decades of rates.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from itertools import compress, islice, repeat
from operator import ne, sub

#: A factor of a rate: its days, its rates on them, and whether it divides.
Factor = tuple[Sequence[int], Sequence[float], bool]
BLOCKS = (512, 32)  # days per block of the lowest/highest rates, coarse to fine
FEW = 448  # at most this many days in the interval: read in rate order, not by blocks


@dataclass(frozen=True, slots=True)
class PairSeries:
    """Ascending day ordinals, the pair's rate on each, and for each block size of
    ``BLOCKS`` the lowest and highest rate of every block; the positions ordered by rate
    (then by day), and the rates in that order."""

    days: list[int]
    values: list[float]
    lows: tuple[list[float], ...]
    highs: tuple[list[float], ...]
    by_rate: list[int]
    ranked: list[float]

    @classmethod
    def of(cls, legs: Sequence[Factor]) -> PairSeries:
        """The product of ``legs`` on the days all of them have a rate (a leg that
        inverts divides), multiplied in the legs' order from 1.0."""
        common = set(legs[0][0])
        for leg_days, _, _ in legs[1:]:
            common.intersection_update(leg_days)
        days = sorted(common)
        values = [1.0] * len(days)
        for leg_days, leg_rates, invert in legs:
            by_day = dict(zip(leg_days, leg_rates, strict=True))
            if invert:
                values = [value / by_day[day] for value, day in zip(values, days, strict=True)]
            else:
                values = [value * by_day[day] for value, day in zip(values, days, strict=True)]
        blocks = [[values[i:i + size] for i in range(0, len(values), size)] for size in BLOCKS]
        by_rate = sorted(range(len(values)), key=values.__getitem__)
        return cls(days, values, tuple([min(b) for b in level] for level in blocks),
                   tuple([max(b) for b in level] for level in blocks), by_rate,
                   [values[position] for position in by_rate])

    def window(self, start: date, end: date) -> tuple[int, int]:
        """The slice of positions whose days are in [start, end]."""
        return (bisect_left(self.days, start.toordinal()),
                bisect_right(self.days, end.toordinal()))

    def runs(self, low: float, high: float, i: int, j: int) -> list[tuple[int, int]]:
        """Maximal runs (first, last day ordinal) of positions i..j-1 whose rate is in
        [low, high]."""
        first, stop = bisect_left(self.ranked, low), bisect_right(self.ranked, high)
        if stop - first <= FEW:
            chosen = self.by_rate[first:stop]
            if i > 0 or j < len(self.days):
                chosen = [p for p in chosen if i <= p < j]
            return self._few_runs(sorted(chosen))
        found = _Runs(self, low, high)
        found.visit(i, j, 0)
        return found.close()

    def _few_runs(self, positions: list[int]) -> list[tuple[int, int]]:
        """Maximal runs (first, last day ordinal) of consecutive ``positions`` (ascending),
        found without a loop in Python: a run ends where the next position is not one on."""
        if not positions:
            return []
        ends = list(compress(range(len(positions) - 1),
                             map(ne, map(sub, islice(positions, 1, None), positions), repeat(1))))
        days = self.days
        firsts = map(days.__getitem__, map(positions.__getitem__, [0, *(k + 1 for k in ends)]))
        lasts = map(days.__getitem__, map(positions.__getitem__, [*ends, len(positions) - 1]))
        return list(zip(firsts, lasts, strict=True))


class _Runs:
    """The runs found so far, and the one open."""

    def __init__(self, pair: PairSeries, low: float, high: float) -> None:
        self.pair, self.low, self.high = pair, low, high
        self.out: list[tuple[int, int]] = []
        self.first = self.last = -1

    def close(self) -> list[tuple[int, int]]:
        if self.first >= 0:
            self.out.append((self.first, self.last))
            self.first = -1
        return self.out

    def visit(self, k: int, stop: int, level: int) -> None:
        """Positions k..stop-1 by blocks of ``BLOCKS[level]``: a block wholly outside or
        inside [low, high] at once, the others by the next size, the last by position."""
        pair, low, high, count = self.pair, self.low, self.high, len(self.pair.days)
        if level == len(BLOCKS):  # the hottest loop of dating an article: locals only
            days, values, out = pair.days, pair.values, self.out
            first, last = self.first, self.last
            for position in range(k, stop):
                if low <= values[position] <= high:
                    if first < 0:
                        first = days[position]
                    last = days[position]
                elif first >= 0:
                    out.append((first, last))
                    first = -1
            self.first, self.last = first, last
            return
        size = BLOCKS[level]
        while k < stop:
            block = k // size
            end = min((block + 1) * size, stop)
            if k == block * size and end == min((block + 1) * size, count):
                if pair.highs[level][block] < low or pair.lows[level][block] > high:
                    self.close()
                    k = end
                    continue
                if low <= pair.lows[level][block] and pair.highs[level][block] <= high:
                    self.first = pair.days[k] if self.first < 0 else self.first
                    self.last = pair.days[end - 1]
                    k = end
                    continue
            self.visit(k, end, level + 1)
            k = end
