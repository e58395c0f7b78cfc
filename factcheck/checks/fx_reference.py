"""FX002 conversion-off-reference: an implied rate far from the market on its valuation date.

What it flags:
    A conversion whose implied-rate interval lies more than the pack's tolerance (3% by
    default) from the reference rate (ECB, cross rate through EUR, nearest earlier
    business day; or the pack's own rate table) on the figure's valuation date: the
    publication date, or the last day of a period that ended before it. Conversions
    explained by a scale slip (FX003), by a stated rate (FX004, or consistent with one) or
    by the article's other conversions (FX001) are left to those. When several
    conversions of one currency pair agree with each other and are all off, that is one
    finding, on the first of them. Severity grows with the distance: a warning up to
    twice the tolerance, an error beyond. A conversion that fits the rate of another date
    near its valuation date is a valuation-date error (FX005), not this. Currencies
    fixed to one the table quotes (the CFA francs, the Gulf currencies: see
    ``lang/common/currency_pegs.yaml``) are checked through their peg. Where there is no
    reference rate (a currency neither the table nor a peg gives, a date outside the
    table), one note per document (info) names the conversions that cannot be checked and
    why: never a guess from the table's edge, never a warning.

Why it matters:
    A reader takes the converted figure at face value; converted at the wrong rate it
    misstates the amount.

Example:
    Published 2015-03-11: "Rp 200 miliar atau setara US$ 18 juta" implies 10,500–11,430
    IDR/USD; the reference rate was 13,176: about US$ 15 juta.

Options:
    tolerance: relative distance from the reference rate that is still fine (0.03).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from factcheck.analyse.context import DocumentContext
from factcheck.analyse.conversions import Conversion
from factcheck.analyse.fx_groups import ConversionGroups
from factcheck.analyse.restate import clean, restate
from factcheck.checks._scopes import DocumentCheck
from factcheck.evidence import Evidence
from factcheck.model import Finding, Severity
from factcheck.readings import Amount, Fields, Records, Relative, Row, Span, Text
from factcheck.registry import CheckOptions, register

if TYPE_CHECKING:
    from factcheck.analyse.records import Mask, RecordConversions


@dataclass(frozen=True)
class OffReference(Evidence):
    implied_rate: tuple[float, float]
    reference_rate: float
    reference_date: str
    source: str
    valuation_date: str
    distance: float
    pair: str

    def rows(self) -> list[Row]:
        on = f" on {self.reference_date}" + (f" ({self.source})" if self.source else "")
        return [("Rate this conversion implies", Span(*self.implied_rate, self.pair)),
                ("Reference rate", Amount(self.reference_rate, self.pair, after=on)),
                ("Valuation date", Text(self.valuation_date)),
                ("Distance from the reference", Relative(self.distance))]


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
            candidates = [c for c in conversions if not fx.explained_before_siblings(c)
                          and not fx.stated_consistent(c)]
            if not candidates:
                continue
            found = fx.siblings(group).agreement
            if found is not None:  # FX001 speaks for the odd ones
                candidates = [c for c in candidates if c not in found.odd]
            off = []
            for c in candidates:
                on = ctx.valuation_date(c.converted)
                ref = ctx.reference(base, quote, on)
                if ref is None and on is not None and (base, quote, on) in ctx.unavailable:
                    unchecked.append((c, ctx.unavailable[(base, quote, on)]))
                    continue
                if ref is None or c.distance(ref.rate) <= options.tolerance:
                    continue
                if fx.other_date_fit(c, options.tolerance) is not None:
                    continue  # converted at another date's rate: FX005 explains it
                off.append((c, ref))
            if not off:
                continue
            c, ref = off[0]
            gap = c.distance(ref.rate)
            lang = ctx.document.lang
            suggestion = restate(c.converted, c.value_at(ref.rate), lang)
            more = f" (as do {len(off) - 1} more conversions at that rate)" if len(off) > 1 else ""
            message = (
                f"{clean(c.source.text)} -> {clean(c.converted.text)} implies "
                f"{c.low:,.6g}–{c.high:,.6g} {quote}/{base}{more}; the reference rate on "
                f"{ref.used.isoformat()} was {ref.rate:,.6g} ({gap:.1%} away)"
                + (f": about {suggestion}" if suggestion else "")
            )
            severity: Severity = "warning" if gap <= 2 * options.tolerance else "error"
            yield self.finding(ctx, c.converted, severity, message,
                figures=tuple(f for o, _ in off for f in (o.source, o.converted)),
                suggestion=suggestion,
                evidence=OffReference((c.low, c.high), ref.rate, ref.used.isoformat(),
                                      ref.source, ref.requested.isoformat(), gap,
                                      f"{quote}/{base}"),
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
        message = (f"{count} conversion{'s' if count > 1 else ''} cannot be checked against "
                   f"a reference rate ({clean(first.source.text)} -> "
                   f"{clean(first.converted.text)}{' and others' if count > 1 else ''}): "
                   + "; ".join(reasons))
        return self.finding(ctx, first.converted, "info", message,
            figures=tuple(f for c, _ in unchecked for f in (c.source, c.converted)),
            evidence=Unchecked(tuple(UncheckedConversion(f"{c.quote}/{c.base}", (c.low, c.high),
                                                         reason) for c, reason in unchecked)),
        )
