"""FX001 conversion-rate-mismatch: conversions in one document that admit no common rate.

What it flags:
    Conversions between the same two currencies, valued at the same date (figures stated
    for different periods are rightly converted at different rates), whose implied-rate
    intervals do not all
    intersect. The largest set that shares a rate is taken as the article's rate (ties go
    to the set nearest the reference rate); each conversion outside it that the reference
    rate does not bear out is named, with the rate the rest agree on and the figure at that
    rate in the article's own number style, re-read to check that it implies that rate. A
    conversion outside the set that the reference rate bears out (within 0.25%) is not
    blamed: the rest are then off the market, which FX002 reports. Severity follows the
    size of the error: under 1% off the shared rate is info, 1-2% a warning, more an
    error. Conversions that FX003 or FX004 explains (a scale slip, a stated rate) are left
    to those checks when they are enabled. On claims records the rate is that of the
    source's other records. The evidence names the first 20 conversions that agree and
    counts them all, so that a finding's size does not grow with the article. A range
    restated as a range is two conversions, end to end, each end to its own precision:
    "SGD 600-800 atau sekitar Rp 7,2-8 juta" has an upper end ("SGD 800 -> Rp 8 juta")
    off its lower end's rate.

Why it matters:
    An article converts at one rate; a conversion that fits none of its siblings is a
    miscalculation or a figure copied from elsewhere.

Example:
    "US$ 5 miliar (sekitar Rp 81 triliun)", "US$ 7 miliar (sekitar Rp 114 triliun)",
    "US$ 80 miliar (sekitar Rp 1.303 triliun)" agree on 16,281–16,300 IDR/USD;
    "US$ 4 miliar (sekitar Rp 64 triliun)" allows at most 16,250: about Rp 65 triliun.

Options:
    loosest_reading: read both figures of each conversion as rounded (default false:
    the converted figure is taken as printed, rounded or truncated).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from factcheck.analyse.context import DocumentContext
from factcheck.analyse.conversions import Conversion
from factcheck.analyse.corrections import corrected
from factcheck.analyse.fx_agreement import Agreement
from factcheck.analyse.fx_groups import OTHER_DATE_TOLERANCE, ConversionGroups
from factcheck.analyse.restate import about_said, clean, span_said, span_text
from factcheck.checks._base import graded
from factcheck.checks._scopes import DocumentCheck
from factcheck.evidence import MAX_NAMED, Evidence
from factcheck.model import Finding
from factcheck.phrases import Num, Word, said
from factcheck.readings import Count, Names, Relative, Row, Span, Spans
from factcheck.registry import CheckOptions, register

if TYPE_CHECKING:
    from factcheck.analyse.records import Mask, RecordConversions


@dataclass(frozen=True)
class OddConversion(Evidence):
    implied_rate: tuple[float, float]
    common_rate: tuple[float, float]
    deviation: float
    pair: str
    agreeing: tuple[str, ...]  # the first MAX_NAMED
    agreeing_count: int

    def rows(self) -> list[Row]:
        return [("Rate this conversion implies", Span(*self.implied_rate, self.pair)),
                ("Rate the other conversions agree on",
                 Span(*self.common_rate, self.pair)),
                ("Off by", Relative(self.deviation, signed=True)),
                ("Conversions that agree", Names(self.agreeing)),
                ("Conversions that agree, in all", Count(self.agreeing_count))]


@dataclass(frozen=True)
class NoCommonRate(Evidence):
    implied_rates: tuple[tuple[float, float], ...]

    def rows(self) -> list[Row]:
        return [("Rates the conversions imply",
                 Spans(tuple(Span(low, high, "") for low, high in self.implied_rates)))]


class MismatchOptions(CheckOptions):
    loosest_reading: bool = False


@register
class ConversionRateMismatch(DocumentCheck):
    code = "FX001"
    name = "conversion-rate-mismatch"
    default_severity = "error"
    Options = MismatchOptions

    @classmethod
    def quiet_records(cls, records: RecordConversions, options: MismatchOptions) -> Mask:
        """No odd one out where every conversion is near its reference rate (so none joins
        another date's group) and those of one pair and date share a rate."""
        return records.lone | (records.near_reference(OTHER_DATE_TOLERANCE)
                               & records.group_agrees)

    def run(self, ctx: DocumentContext, options: MismatchOptions) -> Iterator[Finding]:
        fx = ctx.analysis(ConversionGroups)
        for group in fx.groups:
            found, market = fx.siblings(group)
            if found is None or not found.odd:
                continue
            if len(found.agreeing) == 1 and market is None and len(found.odd) == 1:
                yield self._undecided(ctx, found.agreeing + found.odd)
                continue
            for c in found.odd:
                yield self._odd(ctx, c, found)

    def _odd(self, ctx: DocumentContext, c: Conversion, found: Agreement) -> Finding:
        lang, pair = ctx.document.lang, f"{c.quote}/{c.base}"
        rate = found.rate
        gap = c.point / rate - 1
        suggestion = corrected(c, rate, lang, low=found.low, high=found.high)
        others = len(found.agreeing)
        whose = (("the {unit}'s other 1 conversion", "the {unit}'s other {count} conversions")
                 if not ctx.records else
                 ("1 other record of this source", "{count} other records of this source"))
        message = said(
            "{source} -> {converted} implies {implied} {pair}; " + whose[others > 1]
            + " agree on {common} {pair}[: at that rate it is {suggestion}]",
            source=clean(c.source.text), converted=clean(c.converted.text),
            implied=span_said(c.low, c.high, lang), pair=pair, unit=Word(ctx.unit),
            count=Num(others, str(others)), common=span_said(found.low, found.high, lang),
            suggestion=about_said(suggestion, lang) if suggestion else None)
        return self.finding(ctx, c.converted, graded(gap), message,
            figures=(c.source, c.converted), suggestion=suggestion,
            evidence=OddConversion((c.low, c.high), (found.low, found.high), gap, pair,
                                   tuple(a.converted.id for a in found.agreeing[:MAX_NAMED]),
                                   others),
        )

    def _undecided(self, ctx: DocumentContext, pair: tuple[Conversion, ...]) -> Finding:
        lang = ctx.document.lang
        last = max(pair, key=lambda c: c.converted.start)
        spans = "; ".join(f"{clean(c.converted.text)}: {span_text(c.low, c.high, lang)}"
                          for c in pair)
        message = (f"these conversions admit no common {last.quote}/{last.base} rate ({spans}) "
                   "and no reference rate says which is off")
        gap = max(c.point for c in pair) / min(c.point for c in pair) - 1
        return self.finding(ctx, last.converted, graded(gap), message,
            figures=tuple(f for c in pair for f in (c.source, c.converted)),
            evidence=NoCommonRate(tuple((c.low, c.high) for c in pair)),
        )
