"""FX004 stated-rate-mismatch: a conversion that disagrees with a rate stated in the text.

What it flags:
    A conversion whose implied rate interval does not contain the exchange rate the text
    states for it ("dengan asumsi kurs Rp16.200 per dolar AS", "(kurs Rp 13.000)",
    "($1 = 0.92 euros)"). A rate stated in the conversion's own sentence applies to it;
    otherwise every rate the document states for that currency pair does, and one that
    fits is enough. The stated rate is read at its printed precision, trailing zeros
    significant (an assumption is stated exactly). When the conversions a stated rate
    governs disagree with it but agree with the reference rate (within 3%), and the stated
    rate is more than 3% off the reference, the stated rate is what is off: one finding on
    it. Severity follows the size of the error, but a figure off by more than five times
    its printed precision (and 0.5%) is at least a warning: its digits are wrong, not
    rounded. A stated rate that is a power of ten off the reference is FX003's. With FX003
    enabled, a conversion it explains as a scale slip is left to it.

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

import math
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from factcheck.analyse.context import DocumentContext
from factcheck.analyse.conversions import Conversion
from factcheck.analyse.corrections import corrected
from factcheck.analyse.fx_groups import ConversionGroups
from factcheck.analyse.restate import clean, number_text, percent_text, span_said
from factcheck.analyse.stated_rates import StatedRate, StatedRates
from factcheck.checks._base import graded
from factcheck.checks._scopes import DocumentCheck
from factcheck.evidence import Evidence
from factcheck.model import Finding, Severity
from factcheck.phrases import Num, Pct, Word, said
from factcheck.readings import Amount, Relative, Row, Span, Spans
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


@dataclass(frozen=True)
class StatedRateContradicted(Evidence):
    stated_rate: float
    reference_rate: float
    implied_rates: tuple[tuple[float, float], ...]
    pair: str

    def rows(self) -> list[Row]:
        return [("Rate stated in the text", Amount(self.stated_rate, self.pair)),
                ("Reference rate", Amount(self.reference_rate, self.pair)),
                ("Rates the conversions imply",
                 Spans(tuple(Span(low, high, self.pair) for low, high in self.implied_rates)))]


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
        against: dict[str, list[tuple[Conversion, StatedRate]]] = {}
        followed: dict[str, int] = {}
        asking: dict[int, tuple[StatedRates, list[tuple[float, float]]]] = {}
        for c in ctx.conversions:
            stated = fx.stated_for(c)
            asking.setdefault(id(stated), (stated, []))[1].append((c.low, c.high))
            if fx.stated_mismatch(c):
                nearest = stated.nearest(c)
                against.setdefault(nearest.figure.id, []).append((c, nearest))
        for stated, intervals in asking.values():  # the conversions each rate agrees with
            for s, count in zip(stated, stated.followers(intervals), strict=True):
                followed[s.figure.id] = followed.get(s.figure.id, 0) + count
        for mismatched in against.values():
            market = [fx.market(fx.group_of(c)) for c, _ in mismatched]
            rate = mismatched[0][1]
            value = (rate.low + rate.high) / 2
            if (len(mismatched) > followed.get(rate.figure.id, 0)
                    and all(m is not None and c.distance(m) <= MARKET_TOLERANCE
                            and abs(math.log(value / m)) > MARKET_TOLERANCE
                            for (c, _), m in zip(mismatched, market, strict=True))):
                yield self._stated_off(ctx, rate, [c for c, _ in mismatched], market)
                continue
            for c, nearest in mismatched:
                yield self._conversion_off(ctx, c, nearest)

    def _conversion_off(self, ctx: DocumentContext, c: Conversion, stated: StatedRate
                        ) -> Finding:
        lang, pair = ctx.document.lang, f"{c.quote}/{c.base}"
        value = (stated.low + stated.high) / 2
        gap = c.distance(value)
        suggestion = corrected(c, value, lang, low=stated.low, high=stated.high)
        message = said(
            "{source} -> {converted} implies {implied} {pair}, but the text states {stated} "
            "({rate} {pair}, {gap} away)[; at that rate it is {suggestion}]",
            source=clean(c.source.text), converted=clean(c.converted.text),
            implied=span_said(c.low, c.high, lang), pair=pair,
            stated=clean(stated.figure.text), rate=Num(value, number_text(value, lang)),
            gap=Pct(gap, percent_text(gap, lang)), suggestion=suggestion)
        return self.finding(ctx, c.converted, at_least_warning(c.point / value - 1, c),
            message, figures=(c.source, c.converted, stated.figure), suggestion=suggestion,
            evidence=StatedRateOff((c.low, c.high), value, stated.figure.text, gap, pair),
        )

    def _stated_off(self, ctx: DocumentContext, stated: StatedRate,
                    conversions: list[Conversion], market: list[float | None]) -> Finding:
        """The stated rate is what is off: the conversions it should govern agree with the
        reference rate instead."""
        lang, first = ctx.document.lang, conversions[0]
        pair = f"{first.quote}/{first.base}"
        value = (stated.low + stated.high) / 2
        reference = market[0] or value
        count = len(conversions)
        what = "record" if ctx.records else "conversion"
        implied = span_said(min(c.low for c in conversions), max(c.high for c in conversions),
                            lang)
        message = said(
            "the text states {stated} ({rate} {pair}), but "
            + ("its {count} {what}" if count > 1 else "the 1 {what}")
            + " it governs imply {implied} {pair}, as the reference rate does ({reference}): "
            "the stated rate is off", stated=clean(stated.figure.text),
            rate=Num(value, number_text(value, lang)), pair=pair,
            count=Num(count, str(count)), what=Word(what + ("s" if count > 1 else "")),
            implied=implied, reference=Num(reference, number_text(reference, lang)))
        return self.finding(ctx, stated.figure, graded(value / reference - 1), message,
            figures=(stated.figure, *(f for c in conversions for f in (c.source, c.converted))),
            corrects=False,
            evidence=StatedRateContradicted(value, reference,
                                            tuple((c.low, c.high) for c in conversions), pair),
        )


MARKET_TOLERANCE = 0.03  # conversions this close to the market bear it out


def at_least_warning(deviation: float, c: Conversion) -> Severity:
    """``graded``, but a warning at least when the figure is off by more than five times
    its printed precision and 0.5%: its digits are wrong, not rounded."""
    severity = graded(deviation)
    width = c.high / c.low - 1
    if severity == "info" and abs(deviation) > max(0.005, 5 * width):
        return "warning"
    return severity
