"""The exchange-rate charts of a document's conversions, as data for a report to draw:
per currency pair, the rate interval each conversion implies at its valuation date, the
reference rate of that date, and the reference-rate curve from about six months before
publication to a month after (from the valuation dates when earlier), all from the rate
table the audit used."""

from __future__ import annotations

from datetime import date, timedelta

from factcheck.analyse.context import DocumentContext
from factcheck.analyse.conversions import Conversion
from factcheck.chart_data import ChartedConversion, RateChart
from factcheck.normalise.fx import RateProvider, RateUnavailable

BEFORE, AFTER = timedelta(days=182), timedelta(days=31)
MARGIN = timedelta(days=14)  # of the curve before the earliest valuation date


def rate_charts(ctx: DocumentContext) -> tuple[RateChart, ...]:
    """One chart per currency pair of the document's conversions, by pair (none without a
    publication date, which the chart is centred on, or without a rate table)."""
    published, rates = ctx.document.published, ctx.rates
    if published is None or rates is None:
        return ()
    by_pair: dict[tuple[str, str], list[tuple[int, Conversion]]] = {}
    for n, c in enumerate(ctx.conversions):
        by_pair.setdefault((c.base, c.quote), []).append((n, c))
    return tuple(_chart(ctx, base, quote, numbered, published, rates)
                 for (base, quote), numbered in sorted(by_pair.items()))


def _chart(ctx: DocumentContext, base: str, quote: str, numbered: list[tuple[int, Conversion]],
           published: date, rates: RateProvider) -> RateChart:
    dated = [(n, c, ctx.valuation_date(c.converted) or published) for n, c in numbered]
    first, last = rates.span()
    start = max(min([published - BEFORE, *(on - MARGIN for _, _, on in dated)]), first)
    end = min(published + AFTER, last)
    series: list[tuple[date, float]] = []
    error = None
    if start < end:
        try:
            series = rates.series(base, quote, start, end)
        except RateUnavailable as problem:
            error = str(problem)
    shown = (start, end) if series else (published - BEFORE, published + AFTER)
    conversions = []
    for n, c, on in dated:
        try:
            found = rates.rate(base, quote, on)
            reference, used = found.rate, found.used
        except RateUnavailable:
            reference, used = None, None
        conversions.append(ChartedConversion(
            number=n, source=c.source.text, converted=c.converted.text, figure=c.converted.id,
            low=c.low, high=c.high, point=c.point, on=on, reference=reference,
            reference_date=used))
    return RateChart(base=base, quote=quote, provider=rates.name, published=published,
                     asked=(start, end), start=shown[0], end=shown[1], series=tuple(series),
                     series_error=error, conversions=tuple(conversions))
