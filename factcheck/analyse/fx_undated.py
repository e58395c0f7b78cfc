"""Slips of a power of ten in an article with no date, against every date's reference rate.

With no publication date there is no one reference rate to hold a conversion to, yet a
slip of a power of ten still shows: "£178 million (US$222.16)" implies 801,224 GBP per
USD, a rate the pound has never had, while a millionth of it is a rate it has had on many
days. A conversion (or a stated rate) is a slip of 10**k when no date's reference rate
fits it, some date's rate fits it moved by 10**k (within the scale tolerance), and no
other power does: a currency whose rate has moved over orders of magnitude, where two
powers fit, is left alone, as is a pair with no reference rate at all.
"""

from __future__ import annotations

import math
from dataclasses import replace

from factcheck.analyse.conversions import Conversion
from factcheck.analyse.dating import FIT_SLACK, available, fits
from factcheck.analyse.fx_scale import ScaleSlip
from factcheck.normalise.fx import RateProvider, RateUnavailable, fitting_dates


def undated_power(rates: RateProvider, c: Conversion, tolerance: float) -> int:
    """k != 0 when no date's reference rate fits ``c`` and only the dates' rates times
    10**k do (within ``tolerance``)."""
    span = available(rates, c.base, c.quote)
    if span is None or c.low <= 0:
        return 0
    try:
        latest = rates.rate(c.base, c.quote, span[1]).rate
    except RateUnavailable:
        return 0
    if latest <= 0 or fits(rates, [c], *span):
        return 0
    near = round(math.log10(c.point / latest))
    found = [k for k in (near - 1, near, near + 1)
             if k and fits(rates, [moved(c, k, tolerance)], *span)]
    return found[0] if len(found) == 1 else 0


def undated_rate_power(rates: RateProvider, base: str, quote: str, value: float,
                       tolerance: float) -> int:
    """k != 0 when no date's reference rate of ``quote`` per ``base`` is ``value`` and only
    the dates' rates times 10**k are (within ``tolerance``): a stated rate's slip."""
    span = available(rates, base, quote)
    if span is None or value <= 0:
        return 0

    def fits_at(low: float, high: float) -> bool:
        try:
            return bool(fitting_dates(rates, base, quote, low, high, *span))
        except RateUnavailable:
            return False

    try:
        latest = rates.rate(base, quote, span[1]).rate
    except RateUnavailable:
        return 0
    if latest <= 0 or fits_at(value * (1 - FIT_SLACK), value * (1 + FIT_SLACK)):
        return 0
    near = round(math.log10(value / latest))
    found = [k for k in (near - 1, near, near + 1) if k and fits_at(
        value / 10.0**k / (1 + tolerance), value / 10.0**k * (1 + tolerance))]
    return found[0] if len(found) == 1 else 0


def moved(c: Conversion, power: int, tolerance: float) -> Conversion:
    """``c``'s interval divided by 10**``power``, widened by ``tolerance``."""
    factor = 10.0**power
    return replace(c, low=c.low / factor / (1 + tolerance),
                   high=c.high / factor * (1 + tolerance), point=c.point / factor)


def undated_slip(rates: RateProvider, c: Conversion, tolerance: float) -> ScaleSlip | None:
    """``c`` as a slip against the rates of every date (see the module's docstring); the
    rate expected is its own moved back by the power."""
    power = undated_power(rates, c, tolerance)
    if not power:
        return None
    return ScaleSlip(c, power, c.point / 10.0**power, "history")
