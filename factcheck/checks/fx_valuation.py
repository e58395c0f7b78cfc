"""FX005 valuation-date-rate: a conversion made at another date's rate than its valuation date.

What it flags:
    A conversion whose implied rate is off the reference rate of its valuation date (more
    than the tolerance) but fits the reference rates of other dates between a month before
    that date and publication, typically a figure stated for a past period ("pada
    Februari 2024") converted at the rate of the day the article was written. The finding
    names both rates and the dates whose rate the conversion does fit, and the figure at
    the valuation date's rate. FX002 stays silent about what this explains. Without a
    publication date, it says instead which periods' rates fit all the article's
    conversions (info), as evidence of when the article was written.

Why it matters:
    An amount valued at a past date should be converted at that date's rate; converted at
    today's it misstates the value the reader is told about.

Example:
    Published 2024-07-30: "US$ 80 miliar (sekitar Rp 1.303 triliun) pada Februari 2024" is
    converted at about 16,290 IDR/USD, the rate of June–July 2024; on the valuation date,
    29 February 2024, the rate was about 15,738, which gives Rp 1.259 triliun.

Options:
    tolerance: relative distance from the valuation date's rate that is still fine (0.03).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from factcheck.analyse.context import DocumentContext
from factcheck.analyse.corrections import corrected
from factcheck.analyse.dating import Span, describe
from factcheck.analyse.fx_groups import ConversionGroups
from factcheck.analyse.restate import clean, number_text
from factcheck.checks._scopes import DocumentCheck
from factcheck.evidence import Evidence
from factcheck.model import Finding
from factcheck.readings import Amount, DateSpans, Row, Text
from factcheck.readings import Span as Interval
from factcheck.registry import CheckOptions, register

if TYPE_CHECKING:
    from factcheck.analyse.records import Mask, RecordConversions


@dataclass(frozen=True)
class OtherDateRate(Evidence):
    implied_rate: tuple[float, float]
    valuation_date: str
    valuation_rate: float
    reference_date: str
    fitting_dates: tuple[tuple[str, str], ...]
    pair: str

    def rows(self) -> list[Row]:
        return [("Rate this conversion implies", Interval(*self.implied_rate, self.pair)),
                ("Valuation date", Text(self.valuation_date)),
                ("Reference rate on the valuation date",
                 Amount(self.valuation_rate, self.pair, after=f" (rate of {self.reference_date})")),
                ("Dates whose reference rate fits", DateSpans(self.fitting_dates))]


@dataclass(frozen=True)
class FittingDates(Evidence):
    fitting_dates: tuple[tuple[str, str], ...]

    def rows(self) -> list[Row]:
        return [("Dates whose reference rate fits", DateSpans(self.fitting_dates))]


def _iso(spans: list[Span]) -> tuple[tuple[str, str], ...]:
    return tuple((start.isoformat(), end.isoformat()) for start, end in spans)


class ValuationOptions(CheckOptions):
    tolerance: float = 0.03


@register
class ValuationDateRate(DocumentCheck):
    code = "FX005"
    name = "valuation-date-rate"
    default_severity = "warning"
    Options = ValuationOptions

    @classmethod
    def quiet_records(cls, records: RecordConversions, options: ValuationOptions) -> Mask:
        """Nothing to say of a conversion within the tolerance of its valuation date's
        rate (every record has a publication date)."""
        return records.lone | records.near_reference(options.tolerance)

    def run(self, ctx: DocumentContext, options: ValuationOptions) -> Iterator[Finding]:
        published = ctx.document.published
        if published is None:
            yield from self._dating(ctx)
            return
        fx = ctx.analysis(ConversionGroups)
        for group, conversions in fx.groups.items():
            base, quote = group.base, group.quote
            for c in conversions:
                if fx.explained_before_siblings(c) or fx.blamed_by_siblings(c):
                    continue
                fit = fx.other_date_fit(c, options.tolerance)
                if fit is None:
                    continue
                ref, on, spans = fit
                nearest = min(spans, key=lambda s: abs((s[1] - published).days))
                gap = c.distance(ref.rate)
                lang = ctx.document.lang
                suggestion = corrected(c, ref.rate, lang)
                message = (
                    f"{clean(c.source.text)} -> {clean(c.converted.text)} is converted at "
                    f"about {number_text(c.point, lang)} {quote}/{base}, the rate of "
                    f"{describe(nearest)}; on the valuation date, {on.isoformat()}, the rate "
                    f"was {number_text(ref.rate, lang)}"
                    + (f", which gives {suggestion}" if suggestion else "")
                )
                yield self.finding(ctx, c.converted, "warning" if gap <= 2 * options.tolerance
                    else "error", message, figures=(c.source, c.converted),
                    suggestion=suggestion,
                    evidence=OtherDateRate((c.low, c.high), on.isoformat(), ref.rate,
                                           ref.used.isoformat(), _iso(spans), f"{quote}/{base}"),
                )

    def _dating(self, ctx: DocumentContext) -> Iterator[Finding]:
        """No publication date: which periods' rates fit the conversions, as evidence."""
        fx = ctx.analysis(ConversionGroups)
        for (pair, used, spans), conversions in zip(fx.article_dates(), fx.groups.values(),
                                                    strict=True):
            if not spans or len(spans) > 12:
                continue  # nothing fits, or so much that it dates nothing
            listed = ", ".join(describe(s) for s in spans[-6:])
            yield self.finding(ctx, conversions[0].converted, "info",
                f"no publication date: the {ctx.unit}'s {used} {pair} conversion"
                f"{'s' if used > 1 else ''} fit the reference rates of {listed}",
                figures=tuple(c.converted for c in conversions),
                evidence=FittingDates(_iso(spans)),
            )
