"""FX002's finding on conversions held to a cross rate (``analyse.fx_cross``): a pair no
reference quotes, off the rate the article's conversions of its shared currency and the
reference between the two other currencies give; and the evidence of every FX002 finding on
a conversion off its rate. Part of FX002 (see its documentation)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from factcheck.analyse.context import DocumentContext
from factcheck.analyse.conversions import Conversion
from factcheck.analyse.corrections import corrected
from factcheck.analyse.fx_cross import CrossRate
from factcheck.analyse.restate import about_said, clean, number_text, percent_text, span_said
from factcheck.evidence import Evidence
from factcheck.i18n import N_
from factcheck.model import Finding, Severity
from factcheck.phrases import Day, Num, Pct, Word, said
from factcheck.readings import Amount, Note, Relative, Row, Span, Text

if TYPE_CHECKING:
    from factcheck.analyse.fx_groups import ConversionGroups, Group
    from factcheck.checks._scopes import DocumentCheck


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
        on = Note(N_(" on {day} ({table})") if self.source else N_(" on {day}"),
                  (("day", self.reference_date), ("table", self.source or "")))
        return [("Rate this conversion implies", Span(*self.implied_rate, self.pair)),
                ("Reference rate", Amount(self.reference_rate, self.pair, after=on)),
                ("Valuation date", Text(self.valuation_date)),
                ("Distance from the reference", Relative(self.distance))]


def blamed(group: Group, cross: CrossRate, fx: ConversionGroups) -> bool:
    """Whether, of two pairs off each other's cross, ``group`` is the one reported: the
    one with fewer conversions, or the later of two as many (which slipped is not known;
    one finding names both through the cross)."""
    own = fx.groups.get(group, [])
    if not own:
        return False
    theirs = cross.conversions
    if len(own) != len(theirs):
        return len(own) < len(theirs)
    return (min(c.converted.start for c in own) > min(c.converted.start for c in theirs))


def off_cross(check: DocumentCheck, ctx: DocumentContext, tolerance: float,
              off: list[Conversion], cross: CrossRate) -> Finding:
    """One finding for the conversions of a group off their cross rate, on the first."""
    c = off[0]
    gap = cross.distance(c)
    lang, pair = ctx.document.lang, f"{c.quote}/{c.base}"
    suggestion = corrected(c, cross.middle, lang)
    more = len(off) - 1
    message = said(
        "{source} -> {converted} implies {implied} {pair}[ (as do {more} more {what} at that "
        "rate)]; the article's {through} conversions and the reference rate on {day} give "
        "{rate} ({gap} away)[: {suggestion}]",
        source=clean(c.source.text), converted=clean(c.converted.text),
        implied=span_said(c.low, c.high, lang), pair=pair,
        more=Num(more, str(more)) if more else None,
        what=Word("records" if ctx.records else "conversions") if more else None,
        through=cross.through, day=Day(cross.reference.used.isoformat()),
        rate=Num(cross.middle, number_text(cross.middle, lang)),
        gap=Pct(gap, percent_text(gap, lang)),
        suggestion=about_said(suggestion, lang) if suggestion else None)
    severity: Severity = "warning" if gap <= 2 * tolerance else "error"
    source = (f"{cross.reference.source}, crossed with the article's {cross.through}/"
              f"{cross.shared} conversions")
    return check.finding(ctx, c.converted, severity, message,
        figures=tuple(f for o in off for f in (o.source, o.converted)),
        suggestion=suggestion,
        evidence=OffReference((c.low, c.high), cross.middle,
                              cross.reference.used.isoformat(), source,
                              cross.reference.requested.isoformat(), gap, pair),
    )
