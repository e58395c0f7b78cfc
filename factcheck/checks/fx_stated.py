"""FX004 stated-rate-mismatch: a conversion that disagrees with a rate stated in the text.

What it flags:
    A conversion whose implied rate interval does not contain the exchange rate the text
    states for it ("dengan asumsi kurs Rp16.200 per dolar AS", "(kurs Rp 13.000)",
    "($1 = 0.92 euros)"). A rate stated in the conversion's own sentence applies to it;
    otherwise every rate the document states for that currency pair does, and one that
    fits is enough. The stated rate is read at its printed precision, trailing zeros
    significant (an assumption is stated exactly).

Why it matters:
    The article tells the reader which rate it used; a figure converted at another rate
    contradicts the article itself.

Example:
    "US$ 2 miliar atau Rp 34 triliun (kurs Rp 16.200)" implies 16,750–17,500 IDR/USD;
    at the stated 16,200 it is Rp 32,4 triliun.

Options:
    loosest_reading: read both figures of the conversion as rounded (default false).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from factcheck.analyse.context import DocumentContext
from factcheck.analyse.fx_groups import ConversionGroups
from factcheck.analyse.restate import clean, restate
from factcheck.checks._base import graded
from factcheck.checks._scopes import DocumentCheck
from factcheck.evidence import Evidence
from factcheck.model import Finding
from factcheck.readings import Amount, Relative, Row, Span
from factcheck.registry import CheckOptions, register

if TYPE_CHECKING:
    from factcheck.analyse.records import Mask, RecordConversions


@dataclass(frozen=True)
class StatedRateOff(Evidence):
    implied_rate: tuple[float, float]
    stated_rate: float
    stated_text: str
    distance: float
    pair: str

    def rows(self) -> list[Row]:
        written = f"{self.stated_text} = " if self.stated_text else ""
        return [("Rate this conversion implies", Span(*self.implied_rate, self.pair)),
                ("Rate stated in the text", Amount(self.stated_rate, self.pair, before=written)),
                ("Distance from the reference", Relative(self.distance))]


class StatedOptions(CheckOptions):
    loosest_reading: bool = False


@register
class StatedRateMismatch(DocumentCheck):
    code = "FX004"
    name = "stated-rate-mismatch"
    default_severity = "error"
    Options = StatedOptions

    @classmethod
    def quiet_records(cls, records: RecordConversions, options: StatedOptions) -> Mask:
        """Nothing to say where every stated rate agrees with every conversion of its pair."""
        return records.lone | (records.plain_money & records.stated_agree)

    def run(self, ctx: DocumentContext, options: StatedOptions) -> Iterator[Finding]:
        fx = ctx.analysis(ConversionGroups)
        for c in ctx.conversions:
            stated = fx.stated_for(c)
            if not stated or fx.stated_consistent(c) or fx.scaled(c)[0] != 0:
                continue
            rate, low, high = min(stated, key=lambda s: c.distance((s[1] + s[2]) / 2))
            value = (low + high) / 2
            gap = c.distance(value)
            suggestion = restate(c.converted, c.value_at(value), ctx.document.lang)
            message = (
                f"{clean(c.source.text)} -> {clean(c.converted.text)} implies "
                f"{c.low:,.6g}–{c.high:,.6g} {c.quote}/{c.base}, but the text states "
                f"{clean(rate.text)} ({value:,.6g} {c.quote}/{c.base}, {gap:.1%} away)"
                + (f"; at that rate it is {suggestion}" if suggestion else "")
            )
            yield self.finding(ctx, c.converted, graded(c.point / value - 1), message,
                figures=(c.source, c.converted, rate), suggestion=suggestion,
                evidence=StatedRateOff((c.low, c.high), value, rate.text, gap,
                                       f"{c.quote}/{c.base}"),
            )
