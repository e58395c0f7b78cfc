"""Slips of a power of ten in conversions, blamed where the evidence points.

A conversion off by a factor of 10, 100, 1000 or a million (a scale word for another,
"miliar" for "triliun"; a digit dropped or added; a magnitude word left out) implies a rate
that is the expected one times that power. What is expected is what the others agree on:

- a rate stated for the conversion, unless the stated rate is itself a power of ten off
  the reference rate (then the statement is the slip, not the conversion);
- otherwise the reference rate on the conversion's valuation date, with the conversions of
  its group that agree with it: a conversion a power of ten off the reference is a slip
  (no conversion is rightly made at a power of ten from the market), unless none of its
  group agrees with the reference while some agree with it (a group off as a whole is the
  reference check's to report, once);
- with no reference rate, the majority of the group; when the two readings are as many,
  neither is blamed on its own: the later one is reported as undecided.

Counting is by windows over the group's sorted points, so a group of n conversions costs
n log n; the conversions of a window are listed only for a slip.
"""

from __future__ import annotations

import math
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from factcheck.analyse.conversions import Conversion

Basis = Literal["stated", "siblings", "reference", "majority", "undecided", "history"]
MAX_POWER = 15  # the widest slip looked for: 10^15 ("juta triliun")


def power_of_ten(ratio: float, tolerance: float) -> int:
    """k != 0 when ``ratio`` is 10**k within ``tolerance`` (relative, either way)."""
    if not ratio > 0 or not math.isfinite(ratio):
        return 0
    k = round(math.log10(ratio))
    if k == 0 or abs(k) > MAX_POWER:
        return 0
    off = ratio / 10.0**k
    return k if 1 / (1 + tolerance) <= off <= 1 + tolerance else 0


@dataclass(frozen=True)
class ScaleSlip:
    """A conversion whose implied rate is ``expected`` times 10**``power``; ``agreeing``
    are the conversions of its group that imply ``expected``."""

    conversion: Conversion
    power: int
    expected: float
    basis: Basis
    agreeing: tuple[Conversion, ...] = ()


class GroupLevels:
    """The points of one group's conversions, sorted, for counting the ones in a window
    (a search each) and listing them only where a slip is found."""

    def __init__(self, conversions: Sequence[Conversion]) -> None:
        self.ordered = sorted(conversions, key=lambda c: c.point)
        self.points = [c.point for c in self.ordered]
        self._members = {id(c) for c in conversions}

    def _window(self, rate: float, tolerance: float) -> tuple[int, int]:
        return (bisect_left(self.points, rate / (1 + tolerance)),
                bisect_right(self.points, rate * (1 + tolerance)))

    def near(self, rate: float, tolerance: float, but: Conversion) -> list[Conversion]:
        """The conversions (other than ``but``) whose point is within ``tolerance`` of
        ``rate``, sorted by point."""
        lo, hi = self._window(rate, tolerance)
        return [c for c in self.ordered[lo:hi] if c is not but]

    def count(self, rate: float, tolerance: float, but: Conversion) -> int:
        """How many ``near`` lists, without listing them."""
        lo, hi = self._window(rate, tolerance)
        inside = (id(but) in self._members
                  and rate / (1 + tolerance) <= but.point <= rate * (1 + tolerance))
        return hi - lo - inside

    def levels(self, c: Conversion, tolerance: float) -> dict[int, int]:
        """How many other conversions sit at each power of ten from ``c`` (0: at its
        level), for the powers some do."""
        if not self.points or c.point <= 0:
            return {}
        top = math.log10(self.points[-1] / c.point)
        bottom = math.log10(self.points[0] / c.point)
        out: dict[int, int] = {}
        for k in range(max(-MAX_POWER, math.floor(bottom)),
                       min(MAX_POWER, math.ceil(top)) + 1):
            found = self.count(c.point * 10.0**k, tolerance, c)
            if found:
                out[k] = found
        return out


def median(conversions: Sequence[Conversion]) -> float:
    """The median point of conversions sorted by point (the upper one of an even count)."""
    return conversions[len(conversions) // 2].point


def slip_against_stated(c: Conversion, stated: float, reference: float | None,
                        tolerance: float) -> ScaleSlip | Literal[False] | None:
    """The slip of ``c`` against a stated rate; False when the stated rate cannot serve
    (it is itself a power of ten off the reference)."""
    if reference is not None and power_of_ten(stated / reference, tolerance):
        return False
    power = power_of_ten(c.point / stated, tolerance)
    return ScaleSlip(c, power, stated, "stated") if power else None


def slip_in_group(c: Conversion, levels: GroupLevels, reference: float | None,
                  tolerance: float) -> ScaleSlip | None:
    """The slip of ``c`` against its group and the reference rate (see the module's
    docstring)."""
    at = levels.levels(c, tolerance)
    own = at.get(0, 0)
    if reference is not None:
        power = power_of_ten(c.point / reference, tolerance)
        if power == 0:
            return None
        with_reference = levels.near(reference, tolerance, c)
        if own and not with_reference:
            return None  # the whole group is off the reference: the reference check's
        if not with_reference:
            return ScaleSlip(c, power, reference, "reference")
        expected = median(with_reference)
        power = power_of_ten(c.point / expected, tolerance)
        return ScaleSlip(c, power, expected, "siblings", tuple(with_reference)) if power else None
    others = [(k, count) for k, count in at.items() if k != 0]
    if not others:
        return None
    k, _ = max(others, key=lambda item: (item[1], -abs(item[0])))
    found = levels.near(c.point * 10.0**k, tolerance, c)
    first = c.converted.start < min(o.converted.start for o in found)
    if len(found) < own + 1 or (len(found) == own + 1 and first):
        return None  # the majority, or the earlier of two readings as many
    expected = median(found)
    basis: Basis = "majority" if len(found) > own + 1 else "undecided"
    return ScaleSlip(c, power_of_ten(c.point / expected, tolerance) or -k, expected, basis,
                     tuple(found))
