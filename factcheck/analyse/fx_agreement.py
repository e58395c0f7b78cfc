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
    """The group's agreement (see the module's docstring), or None for fewer than two."""
    if len(conversions) < 2:
        return None
    events = sorted([(c.low, 0, i) for i, c in enumerate(conversions)]
                    + [(c.high, 1, i) for i, c in enumerate(conversions)])
    active: set[int] = set()
    best: list[frozenset[int]] = []
    best_size = 0
    for _, kind, i in events:
        if kind == 0:
            active.add(i)
            if len(active) > best_size:
                best_size, best = len(active), [frozenset(active)]
            elif len(active) == best_size:
                best.append(frozenset(active))
        else:
            active.discard(i)

    def key(members: frozenset[int]) -> tuple[float, float, int]:
        low = max(conversions[i].low for i in members)
        high = min(conversions[i].high for i in members)
        narrowest = min(conversions[i].high / conversions[i].low for i in members)
        if reference is None or low <= reference <= high:
            return (0.0, narrowest, min(members))
        return (abs(math.log(reference / (low if reference < low else high))), narrowest,
                min(members))

    chosen = min(best, key=key)
    agreeing = tuple(c for i, c in enumerate(conversions) if i in chosen)
    others = [c for i, c in enumerate(conversions) if i not in chosen]
    spared = tuple(c for c in others
                   if reference is not None and c.distance(reference) <= FIT_SLACK)
    odd = tuple(c for c in others if c not in spared)
    low = max(c.low for c in agreeing)
    high = min(c.high for c in agreeing)
    return Agreement(agreeing, odd, low, high, spared)
