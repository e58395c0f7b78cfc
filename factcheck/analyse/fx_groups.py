"""A document's conversions in groups held to one rate, and what explains each one.

One root cause gives one finding, so the FX checks take turns in this order: a scale
error (FX003) explains a conversion before a stated rate does (FX004), a stated rate
before the other conversions of the article (FX001), and those before the market rate
(FX002). :class:`ConversionGroups` is that reading of one document, made once
(``ctx.analysis(ConversionGroups)``) and shared by the checks.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from functools import cached_property
from typing import NamedTuple

from factcheck.analyse.context import DocumentContext
from factcheck.analyse.conversions import Conversion
from factcheck.analyse.dating import OtherDateFit, Span, fits, other_date_fit
from factcheck.model import Figure

SCALE_TOLERANCE = 0.15
OTHER_DATE_TOLERANCE = 0.03


class Group(NamedTuple):
    """Conversions held to one rate: one currency pair, one valuation date (figures valued
    at different dates are converted at different rates, rightly)."""

    base: str
    quote: str
    on: date | None


class StatedRate(NamedTuple):
    """A rate stated in the text, as the interval it gives in a conversion's orientation."""

    figure: Figure
    low: float
    high: float


def scale_power(point: float, reference: float, tolerance: float = SCALE_TOLERANCE) -> int:
    """k != 0 when ``point`` is ``reference`` times 1000**k (a scale word slip)."""
    if point <= 0 or reference <= 0:
        return 0
    k = round(math.log10(point / reference) / 3)
    if k == 0 or abs(point / reference / 1000.0**k - 1) > tolerance:
        return 0
    return k


@dataclass(frozen=True)
class Agreement:
    """The conversions of one currency pair that share a rate, and the odd ones out."""

    agreeing: tuple[Conversion, ...]
    odd: tuple[Conversion, ...]
    low: float
    high: float

    @property
    def rate(self) -> float:
        return (self.low + self.high) / 2


def agreement(conversions: Sequence[Conversion], reference: float | None) -> Agreement | None:
    """The largest set of conversions whose intervals share a rate (a sweep over the interval
    ends). Ties go to the set whose shared interval holds, or is nearest, the reference rate;
    then to the set holding the most precisely printed conversion (the narrowest interval:
    "Rp 1.303 triliun" says more about the rate than "Rp 64 triliun"); then the earliest."""
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
    odd = tuple(c for i, c in enumerate(conversions) if i not in chosen)
    low = max(c.low for c in agreeing)
    high = min(c.high for c in agreeing)
    return Agreement(agreeing, odd, low, high)


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
        self._other_dates: dict[tuple[str, float], OtherDateFit | None] = {}
        self._siblings: dict[Group, SiblingReading] = {}
        self._stated: dict[tuple[str, str], list[StatedRate]] = {}

    @cached_property
    def groups(self) -> dict[Group, list[Conversion]]:
        out: dict[Group, list[Conversion]] = defaultdict(list)
        for c in self.ctx.conversions:
            out[self.group_of(c)].append(c)
        return dict(out)

    def group_of(self, c: Conversion) -> Group:
        """A conversion's group: its valuation date's, unless it was converted at another
        date's rate (FX005's case), when it joins the conversions of the publication date."""
        ctx = self.ctx
        on = ctx.valuation_date(c.converted)
        if on != ctx.document.published and self.other_date_fit(c, OTHER_DATE_TOLERANCE):
            on = ctx.document.published
        return Group(c.base, c.quote, on)

    def other_date_fit(self, c: Conversion, tolerance: float) -> OtherDateFit | None:
        """``dating.other_date_fit``, once per conversion and tolerance."""
        key = (c.converted.id, tolerance)
        if key not in self._other_dates:
            self._other_dates[key] = other_date_fit(self.ctx, c, tolerance)
        return self._other_dates[key]

    def stated_for(self, c: Conversion) -> list[StatedRate]:
        """Stated rates that apply to a conversion, in its orientation: those in its own
        sentence if any, else those anywhere in the document (once per conversion: the
        checks ask about every conversion many times)."""
        key = (c.source.id, c.converted.id)
        if key not in self._stated:
            self._stated[key] = self._stated_rates(c)
        return self._stated[key]

    def _stated_rates(self, c: Conversion) -> list[StatedRate]:
        found = []
        for rate in self.ctx.stated_rates:
            if {rate.currency, rate.unit} != {c.base, c.quote} or rate.value <= 0:
                continue
            decimals = max(0, -math.floor(math.log10(rate.step))) if rate.step < 1 else 0
            half = 0.5 * 10.0**-decimals  # a stated rate's trailing zeros are significant
            low, high = rate.value - half, rate.value + half
            if rate.currency == c.base:  # written the other way round: invert
                low, high = 1 / high, 1 / max(low, 1e-300)
            found.append(StatedRate(rate, low, high))
        same = [s for s in found if s.figure.sentence == c.converted.sentence]
        return same or found

    def stated_consistent(self, c: Conversion) -> bool:
        return any(c.low <= s.high and s.low <= c.high for s in self.stated_for(c))

    def scaled(self, c: Conversion, tolerance: float = SCALE_TOLERANCE) -> tuple[int, float]:
        """(k, expected rate): the conversion is the expected rate times 1000**k, against
        the best reference the document offers: a stated rate, else the median of its
        siblings, else the market rate. k is 0 when there is no slip or no reference."""
        stated = self.stated_for(c)
        if stated:
            reference = (stated[0].low + stated[0].high) / 2
        else:
            siblings = sorted(o.point for o in self.groups[self.group_of(c)] if o is not c)
            if siblings:
                reference = siblings[len(siblings) // 2]
            else:
                quote = self.ctx.reference(c.base, c.quote, self.ctx.valuation_date(c.converted))
                if quote is None:
                    return 0, 0.0
                reference = quote.rate
        return scale_power(c.point, reference, tolerance), reference

    def explained_before_siblings(self, c: Conversion) -> bool:
        """Whether FX003 or FX004 already accounts for this conversion."""
        return self.scaled(c)[0] != 0 or (bool(self.stated_for(c))
                                          and not self.stated_consistent(c))

    def siblings(self, group: Group) -> SiblingReading:
        if group not in self._siblings:
            usable = [c for c in self.groups.get(group, [])
                      if not self.explained_before_siblings(c)]
            market = self.ctx.reference(group.base, group.quote, group.on) if usable else None
            rate = market.rate if market else None
            self._siblings[group] = SiblingReading(agreement(usable, rate), rate)
        return self._siblings[group]

    def article_dates(self) -> list[PairDating]:
        """Per currency pair: the spans of dates whose reference rates fit the article's
        conversions; the conversions FX001 finds odd are left out."""
        rates = self.ctx.rates
        out: list[PairDating] = []
        if rates is None:
            return out
        for group, conversions in self.groups.items():
            found = self.siblings(group).agreement
            used = list(found.agreeing) if found is not None else conversions
            out.append(PairDating(f"{group.quote}/{group.base}", len(used),
                                  fits(rates, used, date.min, date.max)))
        return out
