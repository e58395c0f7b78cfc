"""Which conversions of one group share a rate, and which of the others to blame.

The largest set of conversions whose intervals share a rate is the group's rate (a sweep
over the interval ends). Ties go to the set whose shared interval holds, or is nearest, the
reference rate; then to the set holding the most precisely printed conversion (the
narrowest interval: "Rp 1.303 triliun" says more about the rate than "Rp 64 triliun");
then the earliest. A conversion outside that set is blamed only when it also disagrees
with the reference rate: one that the market bears out is spared (the majority is then
what is off, which the reference check reports).
"""

from __future__ import annotations

import heapq
import math
from collections.abc import Sequence
from dataclasses import dataclass

from factcheck.analyse.conversions import Conversion

FIT_SLACK = 0.0025  # a rate within 0.25% of an interval fits it: the rate a writer read may
# be a bank's or a day's high, not the ECB fixing


@dataclass(frozen=True)
class Agreement:
    """The conversions of one group that share a rate, the odd ones blamed, and the odd
    ones spared because the reference rate bears them out."""

    agreeing: tuple[Conversion, ...]
    odd: tuple[Conversion, ...]
    low: float
    high: float
    spared: tuple[Conversion, ...] = ()

    @property
    def rate(self) -> float:
        return (self.low + self.high) / 2


def agreement(conversions: Sequence[Conversion], reference: float | None) -> Agreement | None:
    """The group's agreement (see the module's docstring), or None for fewer than two.

    In O(n log n): the sweep notes where the largest sets are, a second sweep keeps heaps of
    the open intervals' high ends, widths and indexes to weigh each of them, and only the
    chosen set is listed."""
    if len(conversions) < 2:
        return None
    events = sorted([(c.low, 0, i) for i, c in enumerate(conversions)]
                    + [(c.high, 1, i) for i, c in enumerate(conversions)])
    candidates: list[int] = []  # the events after which the open set is a largest one
    size = best_size = 0
    for at, (_, kind, _) in enumerate(events):
        size += 1 if kind == 0 else -1
        if kind == 0 and size > best_size:
            best_size, candidates = size, [at]
        elif kind == 0 and size == best_size:
            candidates.append(at)
    weighed = set(candidates)
    highs: list[tuple[float, int]] = []
    widths: list[tuple[float, int]] = []
    firsts: list[int] = []
    closed: set[int] = set()
    keys: list[tuple[tuple[float, float, int], int]] = []
    for at, (value, kind, i) in enumerate(events):
        if kind == 1:
            closed.add(i)
            continue
        c = conversions[i]
        heapq.heappush(highs, (c.high, i))
        heapq.heappush(widths, (c.high / c.low, i))
        heapq.heappush(firsts, i)
        if at in weighed:
            for heap in (highs, widths):
                while heap[0][1] in closed:
                    heapq.heappop(heap)
            while firsts[0] in closed:
                heapq.heappop(firsts)
            low, high = value, highs[0][0]  # the last interval opened has the highest low
            off = 0.0 if reference is None or low <= reference <= high else abs(
                math.log(reference / (low if reference < low else high)))
            keys.append(((off, widths[0][0], firsts[0]), at))
    chosen_at = min(keys, key=lambda item: item[0])[1]
    opened: set[int] = set()
    ended: set[int] = set()
    for _, kind, i in events[:chosen_at + 1]:
        (opened if kind == 0 else ended).add(i)
    chosen = opened - ended
    agreeing = tuple(c for i, c in enumerate(conversions) if i in chosen)
    others = [c for i, c in enumerate(conversions) if i not in chosen]
    spared = tuple(c for c in others
                   if reference is not None and c.distance(reference) <= FIT_SLACK)
    kept = {id(c) for c in spared}
    odd = tuple(c for c in others if id(c) not in kept)
    low = max(c.low for c in agreeing)
    high = min(c.high for c in agreeing)
    return Agreement(agreeing, odd, low, high, spared)
