"""Which dates' reference rates fit a set of conversions.

Used by FX005 (a conversion made at another date's rate than its valuation date), by the
grouping of conversions (``analyse.fx_groups``) and by ``factcheck date-rates`` (dating an
article that shows no publication date).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta
from typing import NamedTuple
from weakref import WeakKeyDictionary

from factcheck.analyse.context import DocumentContext
from factcheck.analyse.conversions import Conversion
from factcheck.normalise.fx import RateProvider, RateQuote, RateUnavailable, fitting_dates

MERGE_GAP = timedelta(days=21)
FIT_SLACK = 0.0025  # a rate within 0.25% of the interval fits: the rate a writer read may be
# a bank's or a day's high, not the ECB fixing

Span = tuple[date, date]
_AVAILABLE: WeakKeyDictionary[RateProvider, dict[tuple[str, str], Span | None]] = (
    WeakKeyDictionary())


class OtherDateFit(NamedTuple):
    """A conversion off the rate of its valuation date that fits other dates' rates."""

    reference: RateQuote  # the valuation date's rate
    on: date  # the valuation date
    spans: list[Span]  # the spans of dates whose rates fit


def fits(
    provider: RateProvider, conversions: Sequence[Conversion], start: date, end: date
) -> list[Span]:
    """Spans of business days in [start, end] whose reference rate fits every conversion
    (one currency pair), runs closer than three weeks merged."""
    if not conversions:
        return []
    base, quote = conversions[0].base, conversions[0].quote
    low = max(c.low for c in conversions) * (1 - FIT_SLACK)
    high = min(c.high for c in conversions) * (1 + FIT_SLACK)
    if low > high:
        return []
    span = available(provider, base, quote)
    if span is None:
        return []  # no reference rate for the pair at all: nothing fits, nothing to date
    start, end = max(start, span[0]), min(end, span[1])
    if start > end:
        return []
    try:
        runs = fitting_dates(provider, base, quote, low, high, start, end)
    except RateUnavailable:
        return []  # a gap in the table inside the window: no date is said to fit
    merged: list[Span] = []
    for run_start, run_end in runs:
        if merged and run_start - merged[-1][1] <= MERGE_GAP:
            merged[-1] = (merged[-1][0], run_end)
        else:
            merged.append((run_start, run_end))
    return merged


def available(provider: RateProvider, base: str, quote: str) -> Span | None:
    """The first and last day the provider has a rate for the pair (the latest first day
    of its legs), or None when it has none (a currency it does not know); asked once per
    provider and pair."""
    try:
        known = _AVAILABLE.setdefault(provider, {})
    except TypeError:  # a provider that cannot be referred to weakly: asked each time
        return _available(provider, base, quote)
    if (base, quote) not in known:
        known[(base, quote)] = _available(provider, base, quote)
    return known[(base, quote)]


def _available(provider: RateProvider, base: str, quote: str) -> Span | None:
    first, last = provider.span()
    for _ in range(4):  # a cross rate has two legs, a pegged one its anchor's
        try:
            provider.rate(base, quote, first)
            return first, last
        except RateUnavailable as error:
            if error.reason != "before the table" or error.first is None or error.first <= first:
                return None if error.reason == "unknown currency" else (first, last)
            first = error.first
    return first, last


def describe(span: Span) -> str:
    """"June–July 2024", "12 March 2024", "November 2023–January 2024"."""
    start, end = span
    if start == end:
        return f"{start.day} {start:%B %Y}"
    if (start.year, start.month) == (end.year, end.month):
        return f"{start:%B %Y}"
    if start.year == end.year:
        return f"{start:%B}–{end:%B %Y}"
    return f"{start:%B %Y}–{end:%B %Y}"


def other_date_fit(ctx: DocumentContext, c: Conversion, tolerance: float) -> OtherDateFit | None:
    """When a conversion is off the rate of its valuation date but fits the rates of other
    dates between a month before that date and publication (``ConversionGroups`` keeps the
    answer: FX005 reports it and FX002 stays silent about it)."""
    published, on = ctx.document.published, ctx.valuation_date(c.converted)
    ref = ctx.reference(c.base, c.quote, on)
    if (ctx.rates is not None and published is not None and on is not None and ref is not None
            and c.distance(ref.rate) > tolerance):
        spans = fits(ctx.rates, [c], on - timedelta(days=31), max(on, published))
        if spans:
            return OtherDateFit(ref, on, spans)
    return None
