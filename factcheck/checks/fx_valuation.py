"""FX005 valuation-date-rate: a conversion made at another date's rate than its valuation date.

What it flags:
    A conversion whose implied rate is off the reference rate of its valuation date (more
    than the tolerance) but fits the reference rates of other dates between a month before
    that date and publication, typically a figure stated for a past period ("pada Februari
    2024") converted at the rate of the day the article was written. The finding names both
    rates and the dates whose rate the conversion does fit, and the figure at the valuation
    date's rate. FX002 stays silent about what this explains. A stock (a valuation,
    reserves, a debt, a price on a day: the words of ``lang/<lang>/valuation.yaml``) so
    converted is a warning, or an error when more than twice the tolerance off; so is an
    amount no word names. A flow over a past period (revenue, exports, investment, a loss
    for a year) converted at its period's average rate is right, and converted at the
    publication date's rate follows the newsroom convention: an info naming the period's
    average rate and what it gives. Claims records follow the same rule, by the words of
    their ``metric``. An amount with no period of its own (valued at the publication date)
    whose conversion fits the rate of a date at most ``recent_days`` before publication
    follows another newsroom habit, converting at a rate a few weeks old: an info naming
    that date's rate. Without a publication date, it says instead which periods' rates fit
    all the article's conversions (info), as evidence of when the article was written.

Why it matters:
    An amount valued at a past date should be converted at that date's rate; converted at
    today's it misstates the value the reader is told about.

Example:
    Published 2024-07-30: "nilai pasarnya US$ 80 miliar (sekitar Rp 1.303 triliun) pada
    Februari 2024" is converted at about 16,290 IDR/USD, the rate of June–July 2024; on the
    valuation date, 29 February 2024, the rate was about 15,738, which gives Rp 1.259
    triliun. "Pendapatan 2023 sebesar US$ 2 miliar (Rp 32,6 triliun)" is converted at the
    publication date's rate: info, naming 2023's average rate and what it gives. Published
    2020-03-13, "nilai kontrak US$ 1 miliar (Rp 14,17 triliun)" fits 5 March's rate: info.

Options:
    tolerance: relative distance from the valuation date's rate that is still fine (0.03).
    recent_days: how many days before publication the rate of an amount with no period of
        its own may date from and be only an info (21; 0 makes every such conversion a
        warning). Measured on the audited corpora and the mutation sets: any value from 21
        to 31 removes a false alarm on a clean article and loses no recall; 14 and below
        remove none.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from factcheck.analyse.context import DocumentContext
from factcheck.analyse.conversions import Conversion
from factcheck.analyse.corrections import corrected
from factcheck.analyse.dating import Span, describe
from factcheck.analyse.fx_groups import ConversionGroups
from factcheck.analyse.restate import clean, number_text
from factcheck.analyse.valuation import nature_of
from factcheck.checks._fx_flow_finding import flow_findings
from factcheck.checks._scopes import DocumentCheck
from factcheck.evidence import Evidence
from factcheck.i18n import N_
from factcheck.model import Finding
from factcheck.phrases import Day, Months, Num, said
from factcheck.readings import Amount, DateSpans, Note, Row, Text
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
                 Amount(self.valuation_rate, self.pair, after=Note(
                     N_(" (rate of {day})"), (("day", self.reference_date),)))),
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
    recent_days: int = 21


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
                flow = (flow_findings(self, ctx, c, options.tolerance)
                        if nature_of(ctx, c.source) == "flow" else None)
                if flow is not None:
                    yield from flow
                    continue
                ref, on, spans = fit
                nearest = min(spans, key=lambda s: abs((s[1] - published).days))
                if (on == published and (c.converted.period or c.source.period) is None
                        and (published - nearest[1]).days <= options.recent_days):
                    yield self._recent(ctx, c, ref.rate, ref.used.isoformat(), nearest, spans)
                    continue
                gap = c.distance(ref.rate)
                lang = ctx.document.lang
                suggestion = corrected(c, ref.rate, lang)
                message = said(
                    "{source} -> {converted} is converted at about {rate} {pair}, the rate of "
                    "{months}; on the valuation date, {day}, the rate was {reference}[, which "
                    "gives {suggestion}]", source=clean(c.source.text),
                    converted=clean(c.converted.text),
                    rate=Num(c.point, number_text(c.point, lang)), pair=f"{quote}/{base}",
                    months=_months(nearest), day=Day(on.isoformat()),
                    reference=Num(ref.rate, number_text(ref.rate, lang)),
                    suggestion=suggestion)
                yield self.finding(ctx, c.converted, "warning" if gap <= 2 * options.tolerance
                    else "error", message, figures=(c.source, c.converted),
                    suggestion=suggestion,
                    evidence=OtherDateRate((c.low, c.high), on.isoformat(), ref.rate,
                                           ref.used.isoformat(), _iso(spans), f"{quote}/{base}"),
                )

    def _recent(self, ctx: DocumentContext, c: Conversion, today: float, used: str,
                nearest: Span, spans: list[Span]) -> Finding:
        """An amount with no period of its own converted at the rate of a date shortly before
        publication, as newsrooms often do: an info naming that date's rate."""
        lang, pair = ctx.document.lang, f"{c.quote}/{c.base}"
        then = ctx.reference(c.base, c.quote, nearest[1])
        rate = then.rate if then is not None else c.point
        message = said(
            "{source} -> {converted} has no period of its own and is converted at {rate} "
            "{pair}, the rate of {months} shortly before publication, as newsrooms often do; "
            "on the publication date the rate was {reference}", source=clean(c.source.text),
            converted=clean(c.converted.text), rate=Num(rate, number_text(rate, lang)),
            pair=pair, months=_months(nearest), reference=Num(today, number_text(today, lang)))
        published = ctx.document.published
        return self.finding(ctx, c.converted, "info", message, figures=(c.source, c.converted),
                            evidence=OtherDateRate((c.low, c.high), str(published), today, used,
                                                   _iso(spans), pair))

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


def _months(span: Span) -> Months:
    """The days of ``span`` named by their months, for a message (``describe``)."""
    return Months(span[0].isoformat(), span[1].isoformat(), describe(span))
