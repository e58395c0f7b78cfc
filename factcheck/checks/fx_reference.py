"""FX002 conversion-off-reference: an implied rate far from the market on its valuation date.

What it flags:
    A conversion whose implied-rate interval lies more than the pack's tolerance (3% by
    default) from the reference rate (ECB, cross rate through EUR, nearest earlier
    business day; or the pack's own rate table) on the figure's valuation date: the
    publication date, or the last day of a period that ended before it. Conversions
    explained by a scale slip (FX003), by a stated rate (FX004, or consistent with one) or
    by the article's other conversions (FX001) are left to those, when those checks are
    enabled (with FX003 disabled, a scale slip is reported here). When several
    conversions of one currency pair agree with each other and are all off, that is one
    finding, on the first of them. Severity grows with the distance: a warning up to
    twice the tolerance, an error beyond. Conversions that all share a round rate the
    reference rate rounds to (4,000 for 4,192.66: one or two significant digits), within
    twice the tolerance, are the writer's rounded rate: info, naming it. A converted
    figure given as a bound ("Rp 30 triliun lebih", "nearly $5 million") admits the
    values on its open side, to the next step of its last non-zero digit. A conversion
    that fits the rate of another date near its valuation date is a valuation-date error
    (FX005), not this. Currencies
    fixed to one the table quotes (the CFA francs, the Gulf currencies: see
    ``lang/common/currency_pegs.yaml``) are checked through their peg. Where there is no
    reference rate (a currency neither the table nor a peg gives, a date outside the
    table), the article's own conversions may give a cross: a pair no reference quotes
    (EUR/TND) is held to the rate its shared currency's other conversions (USD/TND) and
    the reference between the other two (EUR/USD) give, reported once, on the pair with
    fewer conversions (the later of two as many), naming the cross; where there is no
    such cross either, one note per document (info) names the conversions that cannot be
    checked and why: never a guess from the table's edge, never a warning. A range restated as a
    range ("SGD 600-800 atau sekitar Rp 5-7 juta") is two conversions, its lower ends and
    its upper ends, each read to its own printed precision; a range restated as one
    amount admits every rate that takes some value of the range to it, and is flagged,
    with no correction, only when none is near the market; a period written once after
    the converted figure ("... atau setara dengan Rp 4,2 juta per bulan") counts for both.

Why it matters:
    A reader takes the converted figure at face value; converted at the wrong rate it
    misstates the amount.

Example:
    Published 2015-03-11: "Rp 300 miliar atau setara US$ 27 juta" implies 10,714–11,321
    IDR/USD; the reference rate was 13,176: about US$ 23 juta. Published 2022-11-17,
    "23.000 riyal (Rp 92 juta)" is at a round 4.000 IDR/SAR, the reference 4.192,66
    rounded: info. Published 2024-07-15 (12.059 IDR/SGD), "SGD 600-800 atau sekitar
    Rp 5-7 juta" implies 7.500-10.000 for its lower ends: about Rp 7 juta.

Options:
    tolerance: relative distance from the reference rate that is still fine (0.03).
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
from factcheck.analyse.restate import (
    about_said,
    clean,
    number_text,
    percent_text,
    span_said,
)
from factcheck.checks._fx_cross_finding import OffReference, blamed, off_cross
from factcheck.checks._scopes import DocumentCheck
from factcheck.evidence import Evidence
from factcheck.model import Finding, Severity
from factcheck.normalise.fx import RateQuote
from factcheck.phrases import Day, Num, Pct, Piece, Word, said
from factcheck.readings import Fields, Records, Row, Span, Text
from factcheck.registry import CheckOptions, register

if TYPE_CHECKING:
    from factcheck.analyse.records import Mask, RecordConversions


@dataclass(frozen=True)
class UncheckedConversion(Evidence):
    pair: str
    implied_rate: tuple[float, float]
    reason: str


@dataclass(frozen=True)
class Unchecked(Evidence):
    unchecked: tuple[UncheckedConversion, ...]

    def rows(self) -> list[Row]:
        return [("Unchecked", Records(tuple(
            Fields((("implied_rate", Span(*c.implied_rate, c.pair)), ("pair", Text(c.pair)),
                    ("reason", Text(c.reason)))) for c in self.unchecked)))]


class ReferenceOptions(CheckOptions):
    tolerance: float = 0.03


@register
class ConversionOffReference(DocumentCheck):
    code = "FX002"
    name = "conversion-off-reference"
    default_severity = "warning"
    Options = ReferenceOptions

    @classmethod
    def quiet_records(cls, records: RecordConversions, options: ReferenceOptions) -> Mask:
        """Nothing to say of a conversion within the tolerance of its reference rate."""
        return records.lone | records.near_reference(options.tolerance)

    def run(self, ctx: DocumentContext, options: ReferenceOptions) -> Iterator[Finding]:
        unchecked: list[tuple[Conversion, str]] = []
        yield from self._off(ctx, options, unchecked)
        if unchecked:
            yield self._unchecked(ctx, unchecked)

    def _off(self, ctx: DocumentContext, options: ReferenceOptions,
             unchecked: list[tuple[Conversion, str]]) -> Iterator[Finding]:
        """The findings on conversions off their reference rate; those that have none are
        added to ``unchecked`` with the reason."""
        fx = ctx.analysis(ConversionGroups)
        for group, conversions in fx.groups.items():
            base, quote = group.base, group.quote
            off = []
            crossed: list[Conversion] = []
            cross = fx.cross(group)
            for c in conversions:
                if (fx.explained_before_siblings(c) or fx.stated_consistent(c)
                        or fx.blamed_by_siblings(c)):
                    continue  # FX003, FX004 or FX001 speaks for it, or the text states it
                on = ctx.valuation_date(c.converted)
                ref = ctx.reference(base, quote, on)
                if ref is None and on is not None and (base, quote, on) in ctx.unavailable:
                    if cross is None:
                        unchecked.append((c, ctx.unavailable[(base, quote, on)]))
                    elif cross.distance(c) > options.tolerance and blamed(group, cross, fx):
                        crossed.append(c)
                    continue
                if ref is None or c.distance(ref.rate) <= options.tolerance:
                    continue
                if fx.explained_by_date(c):
                    continue  # converted at another date's rate: FX005 explains it
                off.append((c, ref))
            if off:
                yield self._far(ctx, options, off)
            if crossed and cross is not None:
                yield off_cross(self, ctx, options.tolerance, crossed, cross)

    def _far(self, ctx: DocumentContext, options: ReferenceOptions,
             off: list[tuple[Conversion, RateQuote]]) -> Finding:
        """One finding for the conversions of a group that are off the market, on the
        first of them."""
        c, ref = off[0]
        gap = c.distance(ref.rate)
        lang, pair = ctx.document.lang, f"{c.quote}/{c.base}"
        rounded = round_rate(ref.rate, [o for o, _ in off]) if gap <= 2 * options.tolerance \
            else None
        suggestion = corrected(c, ref.rate, lang)
        more = len(off) - 1
        pieces: dict[str, Piece | None] = dict(
            source=clean(c.source.text), converted=clean(c.converted.text),
            implied=span_said(c.low, c.high, lang), pair=pair,
            more=Num(more, str(more)) if more else None,
            what=Word("records" if ctx.records else "conversions") if more else None,
            day=Day(ref.used.isoformat()), rate=Num(ref.rate, number_text(ref.rate, lang)),
            gap=Pct(gap, percent_text(gap, lang)))
        if rounded:
            message = said(
                "{source} -> {converted} implies {implied} {pair}[ (as do {more} more {what} "
                "at that rate)]; the reference rate on {day} was {rate} ({gap} away), which "
                "rounds to the {round} the article converts at",
                round=Num(rounded, number_text(rounded, lang)), **pieces)
        else:
            message = said(
                "{source} -> {converted} implies {implied} {pair}[ (as do {more} more {what} "
                "at that rate)]; the reference rate on {day} was {rate} ({gap} away)[: "
                "{suggestion}]", suggestion=about_said(suggestion, lang) if suggestion else None,
                **pieces)
        severity: Severity = ("info" if rounded else
                              "warning" if gap <= 2 * options.tolerance else "error")
        return self.finding(ctx, c.converted, severity, message,
            figures=tuple(f for o, _ in off for f in (o.source, o.converted)),
            suggestion=suggestion,
            evidence=OffReference((c.low, c.high), ref.rate, ref.used.isoformat(), ref.source,
                                  ref.requested.isoformat(), gap, pair),
        )

    def _unchecked(self, ctx: DocumentContext, unchecked: list[tuple[Conversion, str]]
                   ) -> Finding:
        """One note for the document: which conversions no reference rate can check, and
        why (a currency the table does not quote, a date outside it). Never clamped to the
        table's edge, never a warning: the figures are not wrong for lacking a reference."""
        unchecked.sort(key=lambda item: item[0].converted.start)
        reasons = sorted({reason for _, reason in unchecked})
        count = len(unchecked)
        first = unchecked[0][0]
        what = "record" if ctx.records else "conversion"
        message = (f"{count} {what}{'s' if count > 1 else ''} cannot be checked against "
                   f"a reference rate ({clean(first.source.text)} -> "
                   f"{clean(first.converted.text)}{' and others' if count > 1 else ''}): "
                   + "; ".join(reasons))
        return self.finding(ctx, first.converted, "info", message,
            figures=tuple(f for c, _ in unchecked for f in (c.source, c.converted)),
            evidence=Unchecked(tuple(UncheckedConversion(f"{c.quote}/{c.base}", (c.low, c.high),
                                                         reason) for c, reason in unchecked)),
        )


def round_rate(reference: float, conversions: list[Conversion]) -> float | None:
    """The reference rate rounded to one or two significant digits, when every conversion
    is that rate's figure rounded as printed (the writer converted at a round rate), else
    None."""
    for digits in (1, 2):
        exponent = math.floor(math.log10(reference)) - digits + 1
        rounded = round(reference / 10.0**exponent) * 10.0**exponent
        if rounded != reference and all(
                abs(c.value_at(rounded) - c.converted.value) <= c.converted_unit / 2 * (1 + 1e-9)
                for c in conversions):
            return rounded
    return None
