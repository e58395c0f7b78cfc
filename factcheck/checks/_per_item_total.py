"""Which total a per-item figure times its count is held to, for AR004 (``sum_parts``): the
closest of the totals near them, flagged only when none fits and that one is within half
of the product or a power of ten off it (a scale slip); further off, it is another figure.
A count open above ("at least 90") fits any larger total but one a hundred times or more
the printed product, to the percent: that is a scale word, not a coincidence."""

from __future__ import annotations

import math
from dataclasses import dataclass

from factcheck.analyse.relations import PerItem
from factcheck.analyse.restate import rescale
from factcheck.extract.numbers import NUMERAL, parse_numeral
from factcheck.model import Figure, Lang

LOOSE = 1.5  # a total further than this from a per-item product is another figure
SCALE_SLACK = 0.05  # ... unless it is that far by a power of ten (a scale slip)


@dataclass(frozen=True)
class ProductOff:
    """The total a product misses, the product and its interval at the printed precision."""

    total: Figure
    point: float
    low: float
    high: float

    @property
    def deviation(self) -> float:
        return self.point / self.total.value - 1


def product_off(item: PerItem) -> ProductOff | None:
    """The total ``item``'s product misses, or None when one fits or none is close."""
    p, n = item.item, item.count
    assert p.low is not None and p.high is not None
    low, high = n.low * p.low, n.high * p.high
    point = n.value * p.value
    total = min(item.totals, key=lambda t: abs(math.log(t.value / point)))
    ratio, power = total.value / point, round(math.log10(total.value / point))
    slip = power != 0 and abs(ratio / 10.0**power - 1) <= SCALE_SLACK
    if not math.isfinite(high):  # the printed count's own interval, for the message
        high = n.value * p.high
        if not (slip and abs(power) >= 2 and abs(ratio / 10.0**power - 1) <= 0.01):
            return None
    elif any(t.low is not None and t.high is not None and t.low <= high
             and low <= t.high for t in item.totals) or not (
                 1 / LOOSE <= ratio <= LOOSE or slip):
        return None
    return ProductOff(total, point, low, high)


def scaled_down(total: Figure, value: float, lang: Lang) -> Figure:
    """``total`` as the model to write ``value`` in: its scale word a thousand (or a
    million) times smaller where the number would read under 1 ("Rp17,1 miliar", not
    "Rp0,0171 triliun"), if the language has that word."""
    m = NUMERAL.search(total.text)
    printed = parse_numeral(m.group(), lang) if m else None
    if printed is None or printed.value <= 0 or value <= 0:
        return total
    power = math.floor(math.log10(value / (total.value / printed.value)) / 3)
    text = rescale(total, power, lang) if power < 0 else None
    return total if text is None else total.model_copy(
        update={"text": text, "value": total.value * 1000.0**power})
