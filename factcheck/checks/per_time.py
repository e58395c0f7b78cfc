"""UN002 per-time-mismatch: an amount per year restated per day (week, month...) that disagrees.

What it flags:
    Two amounts of one sentence that restate each other with different time denominators
    ("US$ 5 miliar per tahun, atau setara Rp 15 miliar setiap hari", "Rp 1 triliun per
    tahun atau Rp 2,7 miliar per hari", "3,500 tonnes a day, or about 1.28 million tonnes
    a year"): a pair the extractor linked, or two adjacent amounts of one currency or unit
    joined by a conversion connector. A year is 365 days, a quarter 91.25, a month 365/12,
    a week 7. The first amount is taken at its printed precision, the restated one as
    rounded or truncated; the pair is flagged when they do not meet within the tolerance.
    Amounts in two currencies are converted at the reference rate of the valuation date,
    widened by ``fx_tolerance``, or at a rate the article states or implies; with none
    available the pair is skipped. A longer-period amount of ``working_share`` or more of
    the calendar's counts working days (22 a month, 330 a year): no error; prices joined
    by a bare "atau" / "or" / "ou", the longer period up to 60% cheaper, are alternatives
    (a monthly plan beside a daily one), not a restatement.

Why it matters:
    A per-day figure read off a per-year one (or divided by 12 instead of 365) is off by a
    large factor, and readers remember the per-day figure.

Example:
    "Rp 1 triliun per tahun atau Rp 27 miliar per hari": Rp 1 triliun a year is about Rp
    2,7 miliar a day; the suggestion is "Rp 3 miliar per hari" at the printed precision.

Options:
    tolerance: relative slack beyond the printed precision (default 0.015, enough for
        30-day months and 360-day years).
    fx_tolerance: relative slack around a reference exchange rate (default 0.05).
    working_share: the least share of the calendar a longer period may count (0.65).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

from factcheck.analyse.context import DocumentContext
from factcheck.analyse.restate import clean, number_text, percent_text, restate
from factcheck.checks._scopes import DocumentCheck
from factcheck.evidence import Evidence
from factcheck.extract.lexicon import lexicon
from factcheck.lang.loader import language
from factcheck.model import Figure, Finding, Lang
from factcheck.phrases import Num, Pct, Word, said
from factcheck.readings import Amounts, Count, Names, Relative, Row, Span
from factcheck.registry import CheckOptions, register

if TYPE_CHECKING:
    from factcheck.analyse.records import Mask, RecordConversions

DAYS = {"day": 1.0, "week": 7.0, "month": 365 / 12, "quarter": 91.25, "year": 365.0}


@dataclass(frozen=True)
class PerTimeOff(Evidence):
    expected: tuple[float, float]
    restated: tuple[float, float]
    rate: tuple[float, float, float]
    per: tuple[str, str]
    factor: float
    deviation: float

    def rows(self) -> list[Row]:
        return [("Expected", Span(*self.expected)),
                ("Restated value admits", Span(*self.restated)),
                ("Rate", Amounts(self.rate, "")), ("Per", Names(self.per)),
                ("Factor", Count(self.factor)), ("Off by", Relative(self.deviation, signed=True))]


class PerTimeOptions(CheckOptions):
    tolerance: float = 0.015
    fx_tolerance: float = 0.05
    working_share: float = 0.65


@cache
def _alternatives(lang: Lang) -> frozenset[str]:
    return frozenset(str(w).casefold() for w in language(lang).ratios.alternatives)


def _pairs(ctx: DocumentContext) -> Iterator[tuple[Figure, Figure]]:
    """(amount, restatement) pairs with two different time denominators, in text order."""
    connector = lexicon(ctx.document.lang).connector_re
    previous: Figure | None = None
    for f in ctx.figures:
        a = ctx.figure(f.equivalent_of) if f.equivalent_of else previous
        previous = f
        if (a is None or a.per not in DAYS or f.per not in DAYS or a.per == f.per
                or "range" in (a.qualifier, f.qualifier) or a.value <= 0 or f.value <= 0):
            continue
        if f.equivalent_of or (
                a.sentence == f.sentence and a.kind == f.kind in ("money", "quantity")
                and (a.currency, a.unit) == (f.currency, f.unit) and not a.equivalent_of
                and connector.fullmatch(ctx.document.text, a.end, f.start)):
            yield a, f


def _rate(ctx: DocumentContext, a: Figure, b: Figure, slack: float) -> tuple[float, float,
                                                                             float] | None:
    """(low, high, point) of ``b.currency`` per ``a.currency``: the reference rate at the
    valuation date (widened) joined with the rates the article states or implies."""
    if a.currency == b.currency:
        return 1.0, 1.0, 1.0
    if a.currency is None or b.currency is None:
        return None
    bounds, point = [], None
    quote = ctx.reference(a.currency, b.currency, ctx.valuation_date(a))
    if quote is not None:
        point = quote.rate
        bounds.append((quote.rate * (1 - slack), quote.rate * (1 + slack)))
    for c in ctx.conversions:
        if (c.base, c.quote) == (a.currency, b.currency):
            bounds.append((c.low, c.high))
        elif (c.base, c.quote) == (b.currency, a.currency):
            bounds.append((1 / c.high, 1 / c.low))
    for r in ctx.stated_rates:
        if (r.unit, r.currency) == (a.currency, b.currency):
            bounds.append((r.value, r.value))
        elif (r.unit, r.currency) == (b.currency, a.currency):
            bounds.append((1 / r.value, 1 / r.value))
    if not bounds:
        return None
    low, high = min(lo for lo, _ in bounds), max(hi for _, hi in bounds)
    return low, high, point or (low + high) / 2


@register
class PerTimeMismatch(DocumentCheck):
    code = "UN002"
    name = "per-time-mismatch"
    default_severity = "error"
    Options = PerTimeOptions

    @classmethod
    def quiet_records(cls, records: RecordConversions, options: PerTimeOptions) -> Mask:
        """A record's document is its value, its equivalent in brackets and a stated rate:
        no time denominator in a plain money conversion."""
        return records.lone | records.plain_money

    def run(self, ctx: DocumentContext, options: PerTimeOptions) -> Iterator[Finding]:
        tol = options.tolerance
        for a, b in _pairs(ctx):
            if (rate := _rate(ctx, a, b, options.fx_tolerance)) is None:
                continue
            factor = DAYS[str(b.per)] / DAYS[str(a.per)]
            low = (a.value - a.step / 2) * factor * rate[0]
            high = (a.value + a.step / 2) * factor * rate[1]
            r_low, r_high = (b.value - b.step / 2) * (1 - tol), (b.value + b.step) * (1 + tol)
            if low <= r_high and r_low <= high:
                continue
            expected = a.value * factor * rate[2]
            share = b.value / expected if factor > 1 else expected / b.value
            if options.working_share <= share < 1 or self._alternative(ctx, a, b, share):
                continue  # working days, or a cheaper plan offered beside the other
            gap = b.value / expected - 1
            rounded = round(expected / b.step) * b.step if b.step else expected
            suggestion = (restate(b, expected, ctx.document.lang)
                          if abs(rounded / expected - 1) <= 0.1 else None)  # not "$0 million"
            lang = ctx.document.lang
            shown = suggestion or said("{value} {unit} per {period}", value=Num(
                round(expected), number_text(round(expected), lang, 15), 15),
                unit=b.currency or b.unit or "", period=Word(str(b.per)))
            long, short = sorted((str(a.per), str(b.per)), key=DAYS.__getitem__, reverse=True)
            at = (said("{rate} {pair}", rate=Num(rate[2], number_text(rate[2], lang)),
                       pair=f"{b.currency}/{a.currency}") if rate[2] != 1 else None)
            ratio = DAYS[long] / DAYS[short]
            message = said("{source} is about {expected} (1 {long} = {ratio} {shorts}[, at "
                           "{rate}]), but the text restates it as {restated} ({gap})",
                           source=clean(a.text), expected=shown, long=Word(long),
                           ratio=Num(ratio, number_text(ratio, lang)), shorts=Word(f"{short}s"),
                           rate=at, restated=clean(b.text),
                           gap=Pct(gap, percent_text(gap, lang, sign="+"), signed=True))
            yield self.finding(ctx, b, "warning" if abs(gap) <= 0.02 else "error", message,
                figures=(a, b), suggestion=suggestion,
                evidence=PerTimeOff((low, high), (r_low, r_high), rate, (str(a.per), str(b.per)),
                                    factor, gap),
            )

    @staticmethod
    def _alternative(ctx: DocumentContext, a: Figure, b: Figure, share: float) -> bool:
        """Whether "Rp 10.000 per hari atau Rp 250.000 per bulan" offers a cheaper longer
        plan (at 40-100% of the calendar) rather than a restatement: a bare "atau" / "or"
        / "ou", one currency or unit, no qualifier."""
        between = ctx.document.text[a.end:b.start].strip(" ,\u00a0").casefold()
        return ((a.currency, a.unit) == (b.currency, b.unit) and b.qualifier is None
                and between in _alternatives(ctx.document.lang) and 0.4 <= share < 1)
