"""Analyses of a document's conversions shared by the FX checks.

One root cause gives one finding, so the checks take turns in this order: a scale error
(FX003) explains a conversion before a stated rate does (FX004), a stated rate before the
other conversions of the article (FX001), and those before the market rate (FX002).
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import NamedTuple

from factcheck.engine.context import Conversion, DocumentContext
from factcheck.model import Figure, Severity

SCALE_TOLERANCE = 0.15
OTHER_DATE_TOLERANCE = 0.03


def graded(deviation: float) -> Severity:
    """Severity by the size of the error: under 1% it misleads nobody (info), 1-2% a
    little (warning), beyond that it is wrong (error)."""
    size = abs(deviation)
    return "info" if size < 0.01 else "warning" if size <= 0.02 else "error"


class Group(NamedTuple):
    """Conversions held to one rate: one currency pair, one valuation date (figures valued
    at different dates are converted at different rates, rightly)."""

    base: str
    quote: str
    on: date | None


def groups(ctx: DocumentContext) -> dict[Group, list[Conversion]]:
    cached = ctx.memo.get("groups")
    if cached is None:
        out: dict[Group, list[Conversion]] = defaultdict(list)
        for c in ctx.conversions:
            out[group_of(ctx, c)].append(c)
        cached = ctx.memo["groups"] = dict(out)
    return cached  # type: ignore[return-value]


def group_of(ctx: DocumentContext, c: Conversion) -> Group:
    """A conversion's group: its valuation date's, unless it was converted at another
    date's rate (FX005's case), when it joins the conversions of the publication date."""
    from factcheck.checks._dating import other_date_fit

    on = ctx.valuation_date(c.converted)
    if on != ctx.document.published and other_date_fit(ctx, c, OTHER_DATE_TOLERANCE):
        on = ctx.document.published
    return Group(c.base, c.quote, on)


def stated_for(ctx: DocumentContext, c: Conversion) -> list[tuple[Figure, float, float]]:
    """Stated rates that apply to a conversion, as (figure, low, high) in its orientation:
    those in its own sentence if any, else those anywhere in the document."""
    found = []
    for rate in ctx.stated_rates:
        if {rate.currency, rate.unit} != {c.base, c.quote} or rate.value <= 0:
            continue
        decimals = max(0, -math.floor(math.log10(rate.step))) if rate.step < 1 else 0
        half = 0.5 * 10.0**-decimals  # a stated rate's trailing zeros are significant
        low, high = rate.value - half, rate.value + half
        if rate.currency == c.base:  # written the other way round: invert
            low, high = 1 / high, 1 / max(low, 1e-300)
        found.append((rate, low, high))
    same = [s for s in found if s[0].sentence == c.converted.sentence]
    return same or found


def stated_consistent(ctx: DocumentContext, c: Conversion) -> bool:
    return any(c.low <= high and low <= c.high for _, low, high in stated_for(ctx, c))


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


def explained_before_siblings(ctx: DocumentContext, c: Conversion) -> bool:
    """Whether FX003 or FX004 already accounts for this conversion."""
    return scaled(ctx, c)[0] != 0 or (bool(stated_for(ctx, c))
                                      and not stated_consistent(ctx, c))


def scaled(
    ctx: DocumentContext, c: Conversion, tolerance: float = SCALE_TOLERANCE
) -> tuple[int, float]:
    """(k, expected rate): the conversion is the expected rate times 1000**k, against the
    best reference the document offers: a stated rate, else the median of its siblings,
    else the market rate. k is 0 when there is no slip or no reference."""
    stated = stated_for(ctx, c)
    if stated:
        reference = (stated[0][1] + stated[0][2]) / 2
    else:
        siblings = sorted(o.point for o in groups(ctx)[group_of(ctx, c)] if o is not c)
        if siblings:
            reference = siblings[len(siblings) // 2]
        else:
            quote = ctx.reference(c.base, c.quote, ctx.valuation_date(c.converted))
            if quote is None:
                return 0, 0.0
            reference = quote.rate
    return scale_power(c.point, reference, tolerance), reference


def _sibling_reading(ctx: DocumentContext, group: Group) -> tuple[Agreement | None, float | None]:
    key = f"agreement:{group}"
    cached = ctx.memo.get(key)
    if cached is None:
        usable = [c for c in groups(ctx).get(group, []) if not explained_before_siblings(ctx, c)]
        market = ctx.reference(group.base, group.quote, group.on) if usable else None
        rate = market.rate if market else None
        cached = ctx.memo[key] = (agreement(usable, rate), rate)
    return cached  # type: ignore[return-value]


def sibling_agreement(ctx: DocumentContext, group: Group) -> Agreement | None:
    """FX001's reading of one group of conversions (shared with FX002 and FX005)."""
    return _sibling_reading(ctx, group)[0]


def has_market(ctx: DocumentContext, group: Group) -> bool:
    return _sibling_reading(ctx, group)[1] is not None
