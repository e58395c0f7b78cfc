"""The rates a document states, read for its conversions: which apply to which.

A stated rate applies to the conversions of its own sentence, else to those valued on the
same day anywhere in the document (a spot rate quoted today governs no figure of last
year). A stated rate that is itself a power of ten off the reference rate on the
publication date (with no date, off every date's rate by one power of ten and no other) is
a slip of its own, which FX003 reports, and governs no conversion.
"""

from __future__ import annotations

import math
from collections import defaultdict
from datetime import date
from functools import cached_property

from factcheck.analyse.context import DocumentContext
from factcheck.analyse.conversions import Conversion
from factcheck.analyse.fx_scale import power_of_ten
from factcheck.analyse.fx_undated import undated_rate_power
from factcheck.analyse.stated_rates import StatedRate, StatedRates
from factcheck.model import Figure

SCALE_TOLERANCE = 0.15  # FX003's default tolerance

ByPlace = tuple[dict[int, StatedRates], dict[date | None, StatedRates]]


class StatedReading:
    """The stated rates of one document, by currency pair (see the module's docstring)."""

    def __init__(self, ctx: DocumentContext, scale_tolerance: float | None) -> None:
        self.ctx = ctx
        self.scale_tolerance = scale_tolerance
        self._by_pair: dict[tuple[str, str], ByPlace] = {}

    @cached_property
    def slips(self) -> list[tuple[Figure, int, float]]:
        """Stated rates that are a power of ten off the reference rate on the publication
        date: (the rate, the power, the reference rate); in a document with no date, off
        every date's rate: (the rate, the power, the rate moved back by it). They apply to
        no conversion."""
        out = []
        tolerance = self.scale_tolerance or SCALE_TOLERANCE
        for rate in self.ctx.stated_rates:
            if rate.value <= 0 or rate.currency is None or rate.unit is None:
                continue
            if self.ctx.document.published is None and self.ctx.rates is not None:
                power = undated_rate_power(self.ctx.rates, rate.unit, rate.currency,
                                           rate.value, tolerance)
                if power:  # no date: off every date's rate (``analyse.fx_undated``)
                    out.append((rate, power, rate.value / 10.0**power))
                continue
            found = self.ctx.reference(rate.unit, rate.currency, self.ctx.document.published)
            if found is not None and (power := power_of_ten(rate.value / found.rate, tolerance)):
                out.append((rate, power, found.rate))
        return out

    def applying_to(self, c: Conversion) -> StatedRates:
        """Stated rates that apply to a conversion, in its orientation: those in its own
        sentence if any, else those anywhere in the document valued on the same day."""
        by_sentence, by_day = self._of_pair(c.base, c.quote)
        same = by_sentence.get(c.converted.sentence)
        if same:
            return same
        return by_day.get(self.ctx.valuation_date(c.converted), StatedRates(()))

    def _of_pair(self, base: str, quote: str) -> ByPlace:
        """The stated rates of one pair in its orientation, by sentence and by valuation
        date: read once per pair, so that a conversion's cost does not grow with the
        article's rates."""
        key = (base, quote)
        if key in self._by_pair:
            return self._by_pair[key]
        slipped = {id(rate) for rate, _, _ in self.slips}
        found = []
        for rate in self.ctx.stated_rates:
            if ({rate.currency, rate.unit} != {base, quote} or rate.value <= 0
                    or id(rate) in slipped):
                continue
            decimals = max(0, -math.floor(math.log10(rate.step))) if rate.step < 1 else 0
            half = 0.5 * 10.0**-decimals  # a stated rate's trailing zeros are significant
            low, high = rate.value - half, rate.value + half
            if rate.currency == base:  # written the other way round: invert
                low, high = 1 / high, 1 / max(low, 1e-300)
            found.append(StatedRate(rate, low, high))
        by_sentence: dict[int, list[StatedRate]] = defaultdict(list)
        by_day: dict[date | None, list[StatedRate]] = defaultdict(list)
        for stated in found:
            by_sentence[stated.figure.sentence].append(stated)
            by_day[self.ctx.valuation_date(stated.figure)].append(stated)
        self._by_pair[key] = (
            {sentence: StatedRates(rates) for sentence, rates in by_sentence.items()},
            {day: StatedRates(rates) for day, rates in by_day.items()})
        return self._by_pair[key]
