"""A document's conversions in groups held to one rate, and what explains each one.

One root cause gives one finding, so the FX checks take turns: a scale slip (FX003)
explains a conversion before a stated rate does (FX004), a stated rate before the other
conversions of the article (FX001), and those before the market rate (FX002); a
conversion made at another date's rate (FX005) is held to the rates of that date. A check
hides another's finding only when it is enabled (``DocumentContext.checks``) and explains
that conversion itself, by its own options: with FX003 disabled a scale slip is FX001's or
FX002's to report. :class:`ConversionGroups` is that reading of one document, made once
(``ctx.analysis(ConversionGroups)``) and shared by the checks; blame within a group is
``analyse.fx_agreement``'s, slips of a power of ten ``analyse.fx_scale``'s (in a
document with no date, against every date's rate: ``analyse.fx_undated``), which stated
rate applies to which conversion ``analyse.fx_stated_reading``'s.
"""

from __future__ import annotations

import math
from collections import defaultdict
from datetime import date
from functools import cached_property
from typing import NamedTuple

from factcheck.analyse.context import DocumentContext
from factcheck.analyse.conversions import Conversion
from factcheck.analyse.dating import OtherDateFit, Span, fits, other_date_fit
from factcheck.analyse.fx_agreement import Agreement, agreement
from factcheck.analyse.fx_cross import CrossRate, cross_rate
from factcheck.analyse.fx_scale import (
    GroupLevels,
    ScaleSlip,
    slip_against_stated,
    slip_in_group,
)
from factcheck.analyse.fx_stated_reading import SCALE_TOLERANCE, StatedReading
from factcheck.analyse.fx_undated import undated_slip
from factcheck.analyse.stated_rates import StatedRates
from factcheck.model import Figure

OTHER_DATE_TOLERANCE = 0.03  # FX005's default tolerance


class Group(NamedTuple):
    """Conversions held to one rate: one currency pair, one valuation date (figures valued
    at different dates are converted at different rates, rightly)."""

    base: str
    quote: str
    on: date | None


def scale_power(point: float, reference: float, tolerance: float = SCALE_TOLERANCE) -> int:
    """k != 0 when ``point`` is ``reference`` times 1000**k (a scale word slip)."""
    if point <= 0 or reference <= 0:
        return 0
    k = round(math.log10(point / reference) / 3)
    if k == 0 or abs(point / reference / 1000.0**k - 1) > tolerance:
        return 0
    return k


class SiblingReading(NamedTuple):
    """FX001's reading of one group (shared with FX002 and FX005): the agreement of the
    conversions no scale slip or stated rate explains, and the market rate of the group."""

    agreement: Agreement | None
    market: float | None


class PairDating(NamedTuple):
    """Per currency pair of an article: the conversions used to date it and the spans of
    dates whose reference rates fit them all."""

    pair: str
    used: int
    spans: list[Span]


class ConversionGroups:
    """The FX reading of one document (see the module's docstring)."""

    def __init__(self, ctx: DocumentContext) -> None:
        self.ctx = ctx
        self.scale_tolerance = ctx.option("FX003", "tolerance", SCALE_TOLERANCE)
        self.date_tolerance = ctx.option("FX005", "tolerance", OTHER_DATE_TOLERANCE)
        self._other_dates: dict[tuple[str, float, float], OtherDateFit | None] = {}
        self._siblings: dict[Group, SiblingReading] = {}
        self._slips: dict[tuple[str, float, float], ScaleSlip | None] = {}
        self._levels: dict[Group, GroupLevels] = {}
        self.stated = StatedReading(ctx, self.scale_tolerance)
        self._odd: dict[Group, set[int]] = {}

    @cached_property
    def groups(self) -> dict[Group, list[Conversion]]:
        out: dict[Group, list[Conversion]] = defaultdict(list)
        for c in self.ctx.conversions:
            out[self.group_of(c)].append(c)
        return dict(out)

    def group_of(self, c: Conversion) -> Group:
        """A conversion's group: its valuation date's, unless FX005 (enabled) finds it
        converted at another date's rate, when it joins the conversions of the
        publication date."""
        ctx = self.ctx
        on = ctx.valuation_date(c.converted)
        if on != ctx.document.published and self.explained_by_date(c):
            on = ctx.document.published
        return Group(c.base, c.quote, on)

    def other_date_fit(self, c: Conversion, tolerance: float) -> OtherDateFit | None:
        """``dating.other_date_fit``, once per conversion and tolerance."""
        key = (c.converted.id, c.converted.value, tolerance)
        if key not in self._other_dates:
            self._other_dates[key] = other_date_fit(self.ctx, c, tolerance)
        return self._other_dates[key]

    def explained_by_date(self, c: Conversion) -> bool:
        """Whether FX005 (enabled) finds ``c`` converted at another date's rate."""
        return (self.date_tolerance is not None
                and self.other_date_fit(c, self.date_tolerance) is not None)

    def cross(self, group: Group) -> CrossRate | None:
        """The rate of a pair no reference quotes, through the article's conversions of
        the currency it shares with another pair (``analyse.fx_cross``)."""
        return cross_rate(self.groups, group, self.ctx.reference)

    def market(self, group: Group) -> float | None:
        found = self.ctx.reference(group.base, group.quote, group.on)
        return found.rate if found is not None else None

    @property
    def stated_slips(self) -> list[tuple[Figure, int, float]]:
        """Stated rates a power of ten off the reference (``StatedReading.slips``)."""
        return self.stated.slips

    def stated_for(self, c: Conversion) -> StatedRates:
        """The stated rates that apply to ``c`` (``StatedReading.applying_to``)."""
        return self.stated.applying_to(c)

    def stated_consistent(self, c: Conversion) -> bool:
        return self.stated_for(c).overlaps(c.low, c.high)

    def levels(self, group: Group) -> GroupLevels:
        if group not in self._levels:
            self._levels[group] = GroupLevels(self.groups.get(group, []))
        return self._levels[group]

    def scale_slip(self, c: Conversion, tolerance: float | None = None) -> ScaleSlip | None:
        """FX003's reading of ``c`` at ``tolerance`` (FX003's own by default; None when
        FX003 is disabled and no tolerance is given)."""
        tolerance = self.scale_tolerance if tolerance is None else tolerance
        if tolerance is None:
            return None
        key = (c.converted.id, c.converted.value, tolerance)
        if key not in self._slips:
            group = self.group_of(c)
            reference = self.market(group)
            stated = self.stated_for(c)
            found: ScaleSlip | bool | None = False
            if stated:
                nearest = stated.nearest_to(c.point)
                found = slip_against_stated(c, (nearest.low + nearest.high) / 2, reference,
                                            tolerance)
            if found is False:
                found = slip_in_group(c, self.levels(group), reference, tolerance)
            if (found is None and group.on is None and self.ctx.rates is not None
                    and not self.levels(group).levels(c, tolerance).get(0)):
                found = undated_slip(self.ctx.rates, c, tolerance)  # no date to hold it to
            self._slips[key] = found if isinstance(found, ScaleSlip) else None
        return self._slips[key]

    def stated_mismatch(self, c: Conversion) -> StatedRates:
        """FX004's reading: the stated rates ``c`` disagrees with (none when FX003,
        enabled, explains it as a slip, or one stated rate fits)."""
        stated = self.stated_for(c)
        if not stated or self.stated_consistent(c) or self.scale_slip(c) is not None:
            return StatedRates()
        return stated

    def explained_before_siblings(self, c: Conversion) -> bool:
        """Whether FX003 or FX004, enabled, accounts for this conversion."""
        return self.scale_slip(c) is not None or (self.ctx.enabled("FX004")
                                                  and bool(self.stated_mismatch(c)))

    def siblings(self, group: Group) -> SiblingReading:
        if group not in self._siblings:
            usable = [c for c in self.groups.get(group, [])
                      if not self.explained_before_siblings(c)]
            market = self.market(group) if usable else None
            self._siblings[group] = SiblingReading(agreement(usable, market), market)
        return self._siblings[group]

    def blamed_by_siblings(self, c: Conversion) -> bool:
        """Whether FX001 (enabled) names ``c`` as the odd one out of its group."""
        if not self.ctx.enabled("FX001"):
            return False
        group = self.group_of(c)
        if group not in self._odd:
            found = self.siblings(group).agreement
            self._odd[group] = {id(o) for o in found.odd} if found is not None else set()
        return id(c) in self._odd[group]

    def article_dates(self) -> list[PairDating]:
        """Per currency pair: the spans of dates whose reference rates fit the article's
        conversions; the conversions their group finds odd, or slips, are left out."""
        rates = self.ctx.rates
        out: list[PairDating] = []
        if rates is None:
            return out
        for group, conversions in self.groups.items():
            found = self.siblings(group).agreement
            used = (list(found.agreeing) if found is not None else
                    [c for c in conversions if self.scale_slip(c, SCALE_TOLERANCE) is None])
            out.append(PairDating(f"{group.quote}/{group.base}", len(used),
                                  fits(rates, used, date.min, date.max)))
        return out
