"""AR004 sum-mismatch: stated parts that do not add up to the stated total.

What it flags:
    A total and the complete list of its parts ("Rp 164,52 triliun terdiri dari ...", "the
    $845 million comprises ...", "48,6 milliards se compose de ...", the parts in the same
    sentence or in the list items that follow a sentence ending in the list word; "Ce plan
    comprend ..." after the plan's figure), or a total whose sentence counts its items
    ("loans to three cities, totalling $412 million", "empat perjanjian senilai ...") with
    exactly that many figures of its kind in the sentences right after it (a count of time,
    "selama tiga tahun", is held to that many figures each dated to a period of its own:
    "US$1,5 miliar pada 2015, US$2,2 miliar pada 2016, ..."), whose sum interval, at the
    printed precision of every part, does not meet the total's interval. A part said to
    count for each of several items ("dua bank masing-masing Rp 5 triliun", "$420 million
    each") counts that many times; when the number of items cannot be read the list is left
    alone. Also a change stated as an amount: before + increase (or - decrease) must give
    the after value ("naik Rp 9,3 triliun dari Rp 176,2 triliun" after "menjadi Rp 187,5
    triliun"). And a figure for each one of a counted set ("masing-masing orang menyumbang
    Rp 15,4 juta", "each resident would owe $6,400", "35 millions d'euros en moyenne") times
    the count printed in its sentence or the next one ("254,9 juta jiwa", "410,000
    residents", "64 opérations"), against the totals of those sentences and the one before:
    flagged when none fits and the closest is within half of the product or a power of ten
    off it (a scale slip; further off, it is another figure). A count "at least" so many
    fits any larger total but one a hundred or more times the product, to the percent. Parts
    and total must be of the same kind, currency, unit and time basis. A list that is not
    clearly complete ("termasuk", "antara lain", "sebagian besar berasal dari") is AR003's.
    Words: ``lang/<lang>/relations.yaml`` (``per_item`` for the per-item figures).

Why it matters:
    Readers and editors add up breakdowns; parts that do not make their total mean one of
    the figures is wrong (a slipped digit, a scale word, a missing item).

Example:
    "subsidi energi Rp 164,52 triliun terdiri dari subsidi BBM Rp 104,38 triliun dan
    subsidi listrik Rp 62,14 triliun": the parts add up to Rp 166,52 triliun; the stated
    total is 1,2% short. "Utang Rp 1.240,5 miliar ... masing-masing orang dari 3,1 juta
    penduduknya membayar Rp 420.000": 3,1 juta × Rp 420.000 is Rp 1.302 miliar (4,7% off).

Options:
    none. Severity follows the size of the error: under 1% info, 1-2% warning, more error.
    The suggestion is the total the figures give; the total or a part (the per-item
    figure, the count) may be the wrong one.
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from factcheck.analyse.context import DocumentContext
from factcheck.analyse.relations import Breakdown, Change, PerItem, key, relations
from factcheck.analyse.restate import clean, restate, written, written_said
from factcheck.checks._base import graded
from factcheck.checks._per_item_total import product_off, scaled_down
from factcheck.checks._scopes import DocumentCheck
from factcheck.checks.percent_change import percent_fits
from factcheck.evidence import Evidence
from factcheck.extract.numbers import NUMERAL, parse_numeral, symbols
from factcheck.model import Figure, Finding, Lang
from factcheck.phrases import Pct, said
from factcheck.readings import Counts, Relative, Row, Span
from factcheck.registry import CheckOptions, register

if TYPE_CHECKING:
    from factcheck.analyse.records import Mask, RecordConversions

AMOUNTS = ("money", "quantity")
Ends = tuple[float | None, float | None]


@dataclass(frozen=True)
class PartsOff(Evidence):
    total: Ends
    parts_sum: Ends
    counts: tuple[int, ...]
    deviation: float

    def rows(self) -> list[Row]:
        return [("Total", Span(*self.total)), ("Sum of the parts", Span(*self.parts_sum)),
                ("Figures counted", Counts(self.counts)),
                ("Off by", Relative(self.deviation, signed=True))]


@dataclass(frozen=True)
class ChangeSumOff(Evidence):
    before: Ends
    change: Ends
    after: Ends
    deviation: float

    def rows(self) -> list[Row]:
        return [("Before", Span(*self.before)), ("Change", Span(*self.change)),
                ("After", Span(*self.after)), ("Off by", Relative(self.deviation, signed=True))]


def finer(whole: Figure, step: float, lang: Lang) -> int:
    """How many more decimals than the whole's printed ones the parts' ``step`` needs."""
    m = NUMERAL.search(whole.text)
    printed = parse_numeral(m.group(), lang) if m else None
    if printed is None or printed.value == 0 or step <= 0:
        return 0
    unit = whole.value / printed.value * 10.0 ** -printed.decimals
    return max(0, min(3, math.ceil(math.log10(unit / step) - 1e-9)))


def ids(change: Change) -> tuple[tuple[str, str], ...]:
    return tuple((b.id, a.id) for b, a in change.pairs)


def share(value: float, lang: Lang) -> Pct:
    return Pct(value, f"{value:+.1%}".replace(".", symbols(lang)[0]), 1, signed=True)


@register
class SumMismatch(DocumentCheck):
    code = "AR004"
    name = "sum-mismatch"
    default_severity = "error"
    Options = CheckOptions

    @classmethod
    def quiet_records(cls, records: RecordConversions, options: CheckOptions) -> Mask:
        """A record's document is its value, its equivalent in brackets and a stated rate:
        no list or change words."""
        return records.lone | records.plain_money

    def run(self, ctx: DocumentContext, options: CheckOptions) -> Iterator[Finding]:
        found = ctx.analysis(relations)
        seen: set[tuple[str, ...]] = set()
        for b in found.breakdowns:
            finding = self.total(ctx, b, seen)
            if finding is not None:
                yield finding
        for item in found.per_items:
            finding = self.per_item(ctx, item)
            if finding is not None:
                yield finding
        wrong = {ids(c) for c in found.changes  # one root cause: AR002 reports it
                 if c.stated.kind == "percent" and not percent_fits(c, ctx.document.lang)}
        for change in found.changes:
            if change.stated.kind in AMOUNTS and ids(change) not in wrong:
                finding = self.delta(ctx, change)
                if finding is not None:
                    yield finding

    def total(self, ctx: DocumentContext, b: Breakdown, seen: set[tuple[str, ...]]
              ) -> Finding | None:
        whole, lang = b.whole, ctx.document.lang
        listed = [(p, n) for p, n in zip(b.parts, b.counts, strict=True)
                  if key(p) == key(whole) and p is not whole]
        ids = (whole.id, *(p.id for p, _ in listed))
        if (not b.complete or len(listed) < 2 or any(n == 0 for _, n in listed)
                or whole.kind not in AMOUNTS or ids in seen):
            return None
        seen.add(ids)
        low = sum(n * (p.low if p.low is not None else 0.0) for p, n in listed)
        high = sum(n * (p.high if p.high is not None else math.inf) for p, n in listed)
        w_low = whole.low if whole.low is not None else 0.0
        w_high = whole.high if whole.high is not None else math.inf
        if low <= w_high and w_low <= high:
            return None
        point = sum(n * p.value for p, n in listed)
        deviation = point / whole.value - 1
        parts = " + ".join(f"{n} × {clean(p.text)}" if n > 1 else clean(p.text)
                           for p, n in listed)
        extra = finer(whole, min(p.step for p, _ in listed), lang)
        suggestion = written(point, whole, lang, extra)
        message = said("{parts} = {total} (between {low} and {high}), not the stated {stated} "
                       "({gap})", parts=parts, total=suggestion,
                       low=written_said(low, whole, lang, extra + 1),
                       high=written_said(high, whole, lang, extra + 1),
                       stated=clean(whole.text), gap=share(whole.value / point - 1, lang))
        return self.finding(ctx, whole, graded(deviation), message,
            figures=(whole, *(p for p, _ in listed)), suggestion=suggestion,
            corrects=False,  # the total or a part may be the wrong one
            evidence=PartsOff((whole.low, whole.high), (low, high),
                              tuple(n for _, n in listed), deviation),
        )

    def per_item(self, ctx: DocumentContext, item: PerItem) -> Finding | None:
        """A per-item figure times its count, against the total ``product_off`` holds it
        to."""
        off, p, n, lang = product_off(item), item.item, item.count, ctx.document.lang
        if off is None:
            return None
        total = off.total
        model = scaled_down(total, off.point, lang)
        extra = finer(model, p.step * n.value, lang)
        suggestion = written(off.point, model, lang, extra)
        message = said("{parts} = {total} (between {low} and {high}), not the stated {stated} "
                       "({gap})", parts=f"{clean(n.text)} × {clean(p.text)}", total=suggestion,
                       low=written_said(off.low, model, lang, extra + 1),
                       high=written_said(off.high, model, lang, extra + 1),
                       stated=clean(total.text), gap=share(total.value / off.point - 1, lang))
        return self.finding(ctx, total, graded(off.deviation), message, figures=(total, p),
            suggestion=suggestion, corrects=False,  # the total or the per-item figure
            evidence=PartsOff((total.low, total.high), (off.low, off.high),
                              (round(n.value),), off.deviation),
        )

    def delta(self, ctx: DocumentContext, change: Change) -> Finding | None:
        d, lang = change.stated, ctx.document.lang
        pairs = [(b, a) for b, a in change.pairs if key(b) == key(d)]
        if not pairs or d.low is None or d.high is None:
            return None
        for b, a in pairs:
            assert b.low is not None and b.high is not None
            assert a.low is not None and a.high is not None
            low, high = ((b.low + d.low, b.high + d.high) if change.direction > 0
                         else (b.low - d.high, b.high - d.low))
            if low <= a.high and a.low <= high:
                return None
        b, a = pairs[0]
        point = b.value + change.direction * d.value
        sign = "+" if change.direction > 0 else "-"
        suggestion = restate(a, point, lang)
        deviation = point / a.value - 1
        message = said("{parts} = {total}, not the stated {stated} ({gap})",
                       parts=f"{clean(b.text)} {sign} {clean(d.text)}",
                       total=written_said(point, a, lang), stated=clean(a.text),
                       gap=share(a.value / point - 1, lang))
        return self.finding(ctx, d, graded(deviation), message, figures=(d, b, a),
            suggestion=suggestion, corrects=False,  # a suggestion for the after value
            evidence=ChangeSumOff((b.low, b.high), (d.low, d.high), (a.low, a.high),
                                  deviation),
        )
