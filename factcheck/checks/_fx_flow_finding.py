"""FX005's judgement of a flow (``analyse.valuation``): an amount summed over a past period,
right at its period's average rate, and converted at the publication date's rate by the
newsroom convention (an info naming the average and what it gives); and the evidence of
that info. Part of FX005 (see its documentation)."""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import TYPE_CHECKING

from factcheck.analyse.context import DocumentContext
from factcheck.analyse.conversions import Conversion
from factcheck.analyse.corrections import corrected
from factcheck.analyse.restate import clean, number_text
from factcheck.evidence import Evidence
from factcheck.i18n import N_
from factcheck.model import Finding, Period
from factcheck.normalise.fx import RateUnavailable
from factcheck.phrases import Num, Piece, said
from factcheck.readings import Amount, Note, Row
from factcheck.readings import Span as Interval

if TYPE_CHECKING:
    from factcheck.checks._scopes import DocumentCheck


@dataclass(frozen=True)
class FlowAverage(Evidence):
    implied_rate: tuple[float, float]
    publication_rate: float
    average_rate: float
    period_start: str
    period_end: str
    pair: str

    def rows(self) -> list[Row]:
        return [("Rate this conversion implies", Interval(*self.implied_rate, self.pair)),
                ("Reference rate on the publication date", Amount(self.publication_rate,
                                                                   self.pair)),
                ("Average reference rate of the period",
                 Amount(self.average_rate, self.pair,
                        after=Note(N_(" ({start} to {end})"), (("start", self.period_start),
                                                                ("end", self.period_end)))))]


def period_average(ctx: DocumentContext, c: Conversion, period: Period | None
                   ) -> tuple[float, str, str] | None:
    """The mean reference rate (``c``'s orientation) over a past period, with its first and
    last day; None without one or without rates for it."""
    published = ctx.document.published
    if (period is None or period.start is None or period.end is None or ctx.rates is None
            or published is None or period.end >= published):
        return None
    try:
        series = ctx.rates.series(c.base, c.quote, period.start, period.end)
    except RateUnavailable:
        return None
    if not series:
        return None
    mean = math.fsum(value for _, value in series) / len(series)
    return mean, period.start.isoformat(), period.end.isoformat()


def flow_findings(check: DocumentCheck, ctx: DocumentContext, c: Conversion, tolerance: float
                  ) -> list[Finding] | None:
    """A flow: nothing at its period's average rate; at the publication date's rate, the
    usual convention, an info naming the average and what it gives. None when it is
    converted at neither (judged as a stock is)."""
    today = ctx.reference(c.base, c.quote, ctx.document.published)
    period = c.converted.period or c.source.period
    average = period_average(ctx, c, period)
    if average is not None and c.distance(average[0]) <= tolerance:
        return []
    if today is None or c.distance(today.rate) > tolerance:
        return None
    lang = ctx.document.lang
    pair = f"{c.quote}/{c.base}"
    form = ("{source} -> {converted} is summed over {period} and converted at the "
            "publication date's rate, {rate} {pair}, as is usual")
    pieces: dict[str, Piece | None] = {
        "source": clean(c.source.text), "converted": clean(c.converted.text),
        "period": (period.label or clean(period.text)) if period else "a past period",
        "rate": Num(today.rate, number_text(today.rate, lang)), "pair": pair}
    if average is None:
        return [check.finding(ctx, c.converted, "info", said(form, **pieces),
                              figures=(c.source, c.converted))]
    suggestion = corrected(c, average[0], lang)
    message = said(form + "; the period's average rate was {average}[, which gives "
                   "{suggestion}]", **pieces, suggestion=suggestion,
                   average=Num(average[0], number_text(average[0], lang)))
    return [check.finding(ctx, c.converted, "info", message, figures=(c.source, c.converted),
                          evidence=FlowAverage((c.low, c.high), today.rate, *average, pair))]
