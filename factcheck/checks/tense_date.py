"""DT001 tense-date-mismatch: prediction wording about a period already past, or the reverse.

What it flags:
    A clause that predicts a figure ("diprediksi akan mencapai", "is expected to", "devrait
    atteindre") for a period that had ended before the publication date, or that records
    an outcome ("tercatat", "reached", "a atteint") for a period that starts after it.
    Relative periods ("tahun depan", "last year") are resolved against the publication
    date. To stay clear of estimates, old forecasts and plans it wants: a firm marker
    (not one of ``weak_future`` in ``lang/<lang>/tense.yaml``) or an ``outcome_past`` one
    before the figure, the period named after that marker, no marker of the other tense
    in the clause, and no ``purpose`` word ("untuk", "for fiscal") before the period. One
    finding per clause, on its first figure. Nothing without a publication date.

Why it matters:
    A forecast for a month that is already over is stale copy: the reader is told what
    "will" happen when the outcome is known, and the figure is usually valued at the
    wrong date.

Example:
    Published 2024-07-30: "nilainya diprediksi akan mencapai US$ 80 miliar pada Februari
    2024": February 2024 ended on 2024-02-29, five months before publication.

Options:
    grace_days: a period that ended at most this many days before publication is not
        flagged: estimates of its figures are common until results are out (default 92).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache
from typing import TYPE_CHECKING

from factcheck.analyse.context import DocumentContext
from factcheck.checks._scopes import DocumentCheck
from factcheck.evidence import Evidence
from factcheck.extract.tense import _scan  # the scan figure.tense was decided with
from factcheck.extract.word_patterns import alternation
from factcheck.lang.loader import language
from factcheck.model import Figure, Finding, Lang
from factcheck.phrases import Day, Word, said
from factcheck.readings import Row, Text
from factcheck.registry import CheckOptions, register

if TYPE_CHECKING:
    from factcheck.analyse.records import Mask, RecordConversions


@dataclass(frozen=True)
class TenseClash(Evidence):
    wording: str
    tense: str
    period: str
    period_label: str | None
    period_start: str
    period_end: str
    published: str

    def rows(self) -> list[Row]:
        return [("Wording", Text(self.wording)), ("Tense", Text(self.tense)),
                ("Period", Text(f"{self.period} ({self.period_start} to {self.period_end})")),
                ("Published", Text(self.published))]


class TenseOptions(CheckOptions):
    grace_days: int = 92


@cache
def _words(lang: Lang, key: str) -> frozenset[str]:
    return frozenset(" ".join(str(w).casefold().replace("’", "'").split())
                     for w in getattr(language(lang).tense, key))


@cache
def _purpose(lang: Lang) -> re.Pattern[str]:
    return re.compile(rf"(?<!\w)(?:{alternation(_words(lang, 'purpose'))})(?!\w)", re.I)


def _spans(ctx: DocumentContext) -> list[tuple[int, int]]:
    return ctx.sentences


def _clash(f: Figure, published: date, grace: int) -> str | None:
    """Which tense the figure's period contradicts: "future" wording about a past period,
    "past" wording about a later one."""
    period = f.period
    if period is None or period.start is None or period.end is None:
        return None
    if f.tense == "future" and period.end < published - timedelta(days=grace):
        return "future"
    if f.tense == "past" and period.start > published:
        return "past"
    return None


@register
class TenseDateMismatch(DocumentCheck):
    code = "DT001"
    name = "tense-date-mismatch"
    default_severity = "warning"
    Options = TenseOptions

    @classmethod
    def quiet_records(cls, records: RecordConversions, options: TenseOptions) -> Mask:
        """A record's document is its value, its equivalent in brackets and a stated rate:
        no tense words."""
        return records.lone | records.plain_money

    def run(self, ctx: DocumentContext, options: TenseOptions) -> Iterator[Finding]:
        doc, published = ctx.document, ctx.document.published
        if published is None:
            return
        text, spans = doc.text, _spans(ctx)
        done: set[int] = set()  # clause starts already reported
        for f in ctx.figures:
            tense = _clash(f, published, options.grace_days)
            if tense is None or f.period is None or not spans:
                continue
            s0, s1 = spans[min(f.sentence, len(spans) - 1)]
            scan = _scan(text, s0, s1, doc.lang)  # the clause: as tense.clause_tense has it
            i, k = bisect_right(scan.break_ends, f.start), bisect_left(scan.break_starts, f.start)
            lo = scan.break_ends[i - 1] if i else s0
            hi = scan.break_starts[k] if k < len(scan.break_starts) else s1
            i, k = bisect_left(scan.starts, lo), bisect_right(scan.ends, hi)
            marks = list(zip(scan.starts[i:k], scan.ends[i:k], scan.tenses[i:k], strict=True))
            before = [m for m in marks if m[1] <= f.start]
            if lo in done or not before or any(t != tense for _, _, t in marks):
                continue
            start, end, _ = before[-1]
            word = " ".join(text[start:end].casefold().replace("’", "'").split())
            if tense == "future" and word in _words(doc.lang, "weak_future"):
                continue
            if tense == "past" and word not in _words(doc.lang, "outcome_past"):
                continue
            at = text.find(f.period.text, start, hi)
            if at < 0 or _purpose(doc.lang).search(text, max(lo, at - 25), at + len(
                    f.period.text)):
                continue
            done.add(lo)
            first = start
            for s, e, _ in reversed(before[:-1]):  # "diprediksi akan": adjacent markers
                if text[e:first].strip():
                    break
                first = s
            wording = " ".join(text[first:end].split())
            yield self._finding(ctx, f, tense, wording, published)

    def _finding(self, ctx: DocumentContext, f: Figure, tense: str, wording: str,
                 published: date) -> Finding:
        assert f.period is not None and f.period.start and f.period.end
        period = " ".join(f.period.text.split())
        when = ("which ended on {end}, before" if tense == "future"
                else "which starts on {start}, after")
        message = said('"{wording}" ({tense} wording) about "{phrase}" ({period}), ' + when
                       + " the publication date {published}", wording=wording,
                       tense=Word(tense), phrase=period, period=f.period.label,
                       end=Day(f.period.end.isoformat()), start=Day(f.period.start.isoformat()),
                       published=Day(published.isoformat()))
        return self.finding(ctx, f, "warning", message,
            evidence=TenseClash(wording, tense, period, f.period.label,
                                f.period.start.isoformat(), f.period.end.isoformat(),
                                published.isoformat()),
        )
