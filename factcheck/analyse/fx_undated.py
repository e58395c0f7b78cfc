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

from factcheck.analyse.conversions import Conversion
from factcheck.analyse.dating import FIT_SLACK, available
from factcheck.analyse.fx_scale import ScaleSlip
from factcheck.normalise.fx import RateProvider, RateUnavailable, fitting_dates


def undated_power(rates: RateProvider, c: Conversion, tolerance: float) -> int:
    """k != 0 when no date's reference rate fits ``c`` and only the dates' rates times
    10**k do (within ``tolerance``, and the slack every fit allows)."""
    return _slip_power(rates, c.base, c.quote, (c.low, c.high, c.point), tolerance, FIT_SLACK)


def undated_rate_power(rates: RateProvider, base: str, quote: str, value: float,
                       tolerance: float) -> int:
    """k != 0 when no date's reference rate of ``quote`` per ``base`` is ``value`` and only
    the dates' rates times 10**k are (within ``tolerance``): a stated rate's slip."""
    return _slip_power(rates, base, quote, (value, value, value), tolerance, 0.0)


def _slip_power(rates: RateProvider, base: str, quote: str,
                rate: tuple[float, float, float], tolerance: float, moved_slack: float) -> int:
    """The one power of ten k != 0 that takes the (low, high, point) ``rate`` onto some
    date's reference rate when no date's rate fits it as it is (within ``FIT_SLACK``);
    moved, it is widened by ``tolerance`` and ``moved_slack``. 0 when none or two do."""
    low, high, point = rate
    span = available(rates, base, quote)
    if span is None or low <= 0:
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
    if latest <= 0 or fits_at(low * (1 - FIT_SLACK), high * (1 + FIT_SLACK)):
        return 0
    near = round(math.log10(point / latest))
    found = [k for k in (near - 1, near, near + 1) if k and fits_at(
        low / 10.0**k / (1 + tolerance) * (1 - moved_slack),
        high / 10.0**k * (1 + tolerance) * (1 + moved_slack))]
    return found[0] if len(found) == 1 else 0


def undated_slip(rates: RateProvider, c: Conversion, tolerance: float) -> ScaleSlip | None:
    """``c`` as a slip against the rates of every date (see the module's docstring); the
    rate expected is its own moved back by the power."""
    power = undated_power(rates, c, tolerance)
    if not power:
        return None
    return ScaleSlip(c, power, c.point / 10.0**power, "history")
