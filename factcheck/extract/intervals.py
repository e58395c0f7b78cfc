"""From a printed figure to the interval of values it admits.

The printed precision gives the interval: "Rp 64 triliun" is [63.5, 64.5] × 10^12, and
trailing zeros before the decimal symbol are not significant by default ("Rp 1.300
triliun" is [1250, 1350] × 10^12), except in a whole percentage, read to two significant
digits ("10%" is [9.5, 10.5]%: ``precision.percent_step``). Qualifiers change it: about
widens by a tolerance, nearly bounds from above, more than and at least are open above,
up to and less than are bounded by zero below. A range spans its two ends, its second end
read no coarser than its first ("9.000-10.000" is [8 500, 10 500]).
"""

from __future__ import annotations

from dataclasses import dataclass

from factcheck.extract.precision import DEFAULT_ZEROS, ZerosReading


@dataclass(frozen=True)
class ExtractOptions:
    """What a rule pack can say about reading figures."""

    approx_tolerance: float = 0.05
    trailing_zeros_significant: bool = False
    bare_dollar: str | None = None
    #: How a converted figure's trailing zeros are read (``extract.precision``).
    converted_zeros: ZerosReading = DEFAULT_ZEROS


def interval(
    value: float, step: float, qualifier: str | None, tolerance: float,
    range_first: tuple[float, float] | None = None,
) -> tuple[float | None, float | None]:
    """(low, high) of a figure; ``None`` is unbounded."""
    if value < 0 and range_first is None:
        low, high = interval(-value, step, qualifier, tolerance)
        return (None if high is None else -high), (None if low is None else -low)
    half = step / 2
    if qualifier == "range" and range_first is not None:
        first, first_step = range_first
        # each end to its own precision: "6000 et 10 000 milliards" starts at 5 500, not at
        # the 5 000 that the second end's round "10 000" alone would admit; and the second
        # end's trailing zeros count down to the first end's precision ("HKD 9.000-10.000"
        # ends at 10 500, not at the 15 000 a lone "10.000" would admit)
        end_half = min(half, first_step / 2)
        return first - first_step / 2, max(value + end_half, first + first_step / 2)
    low, high = value - half, value + half
    if qualifier == "about":
        return low - tolerance * value, high + tolerance * value
    if qualifier == "nearly":
        return value * (1 - tolerance) - half, value
    if qualifier in ("more_than", "at_least"):
        return value, None
    if qualifier == "up_to":
        return 0.0, high
    if qualifier == "less_than":
        return 0.0, value
    return low, high


def point_value(value: float, range_first: tuple[float, float] | None) -> float:
    """The value reported for a figure: the midpoint of a range, else the printed value."""
    if range_first is None:
        return value
    return (range_first[0] + value) / 2
