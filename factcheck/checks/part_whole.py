"""AR003 part-exceeds-whole: a part (or the listed parts) larger than the whole it belongs to.

What it flags:
    A whole and parts of it ("Rp 7 triliun, termasuk sewa Rp 4 triliun", "$14.4 billion,
    including $3.1 billion", "3,2 milliards, dont 1,1 milliard", "sebanyak X dari Y", "X out
    of Y", "dari Y itu, X ...") where the parts' smallest possible sum, at their printed
    precision, is larger than the largest value the whole admits. The whole may be the
    previous sentence's one figure of its kind when the list word's subject points back to
    it ("Dana tersebut termasuk ...", "Ce prêt comporte ...", "This fund includes ...", "The
    breakdown includes ...") or when the part comes first ("Rp 14 triliun di antaranya
    ..."); the parts may be the list items after a sentence that ends in the list word. Such
    parts may not be all of the whole: they are held to at most the whole, never to equal
    it. Parts and whole must be of the same kind, currency, unit and time basis (per day vs
    per year is UN002's). A complete list ("terdiri dari", "comprises") of two or more parts
    is AR004's.

Why it matters:
    A part cannot exceed its whole: one of the two figures is wrong (often a scale word, or
    a figure for another period or scope).

Example:
    "Biaya Rp 7 triliun, termasuk sewa server Rp 9 triliun": the part is at least
    Rp 8,5 triliun, the whole at most Rp 7,5 triliun.

Options:
    none. Any excess beyond the intervals is an error.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from factcheck.analyse.context import DocumentContext
from factcheck.analyse.relations import key, relations
from factcheck.analyse.restate import clean, written_said
from factcheck.checks._scopes import DocumentCheck
from factcheck.evidence import Evidence
from factcheck.model import Finding
from factcheck.phrases import said
from factcheck.readings import Amount, Counts, Relative, Row, Span
from factcheck.registry import CheckOptions, register

if TYPE_CHECKING:
    from factcheck.analyse.records import Mask, RecordConversions


@dataclass(frozen=True)
class PartsExceed(Evidence):
    whole: tuple[float | None, float | None]
    parts_at_least: float
    counts: tuple[int, ...]
    excess: float

    def rows(self) -> list[Row]:
        return [("Whole", Span(*self.whole)),
                ("Parts add up to at least", Amount(self.parts_at_least)),
                ("Figures counted", Counts(self.counts)), ("Excess", Relative(self.excess))]


@register
class PartExceedsWhole(DocumentCheck):
    code = "AR003"
    name = "part-exceeds-whole"
    default_severity = "error"
    Options = CheckOptions

    @classmethod
    def quiet_records(cls, records: RecordConversions, options: CheckOptions) -> Mask:
        """A record's document is its value, its equivalent in brackets and a stated rate:
        no list words."""
        return records.lone | records.plain_money

    def run(self, ctx: DocumentContext, options: CheckOptions) -> Iterator[Finding]:
        lang = ctx.document.lang
        seen: set[tuple[str, ...]] = set()
        for b in ctx.analysis(relations).breakdowns:
            whole = b.whole
            listed = [(p, max(n, 1)) for p, n in zip(b.parts, b.counts, strict=True)
                      if key(p) == key(whole) and p is not whole]
            if (not listed or whole.high is None or whole.qualifier == "range"
                    or (b.complete and len(listed) > 1)):
                continue
            least = sum(n * (p.low or 0.0) for p, n in listed)
            ids = (whole.id, *(p.id for p, _ in listed))
            if least <= whole.high or ids in seen:
                continue
            seen.add(ids)
            parts = " + ".join(f"{n} × {clean(p.text)}" if n > 1 else clean(p.text)
                               for p, n in listed)
            message = said(
                ("the part {part} (at least {least}) exceeds" if len(listed) == 1 else
                 "the parts {parts} (at least {least}) exceed")
                + " the whole {whole} (at most {most})",
                part=parts if len(listed) == 1 else None,
                parts=parts if len(listed) > 1 else None,
                least=written_said(least, whole, lang), whole=clean(whole.text),
                most=written_said(whole.high, whole, lang))
            yield self.finding(ctx, listed[0][0], "error", message,
                figures=(whole, *(p for p, _ in listed)),
                evidence=PartsExceed((whole.low, whole.high), least,
                                     tuple(n for _, n in listed), least / whole.high - 1),
            )
