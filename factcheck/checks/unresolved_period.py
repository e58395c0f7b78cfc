"""DT002 unresolvable-period: a relative period with no publication date to resolve it.

What it flags:
    A figure stated for a period relative to the time of writing ("tahun ini", "bulan
    lalu", "this year", "last quarter", "l'an dernier") in a document that gives no
    publication date, so the period stays unresolved. One finding per distinct period
    phrase in a document, on the first figure stated for it. A phrase that refers back to
    a year named in the text ("tahun yang sama", "that year") resolves without the date
    and is not reported.

Why it matters:
    Without the date neither the period nor the exchange rate of the figures can be
    known: the date checks (DT001, FX005) and the reference-rate check (FX002) cannot run
    on them. Supplying ``--published`` (or front matter) lets them.

Example:
    No publication date: "kerugian US$ 5 miliar pada tahun ini": which year is "this
    year" cannot be told.

Options:
    (none)
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

from factcheck.analyse.context import DocumentContext
from factcheck.checks._scopes import DocumentCheck
from factcheck.evidence import Evidence
from factcheck.lang.loader import language
from factcheck.model import Figure, Finding, Lang
from factcheck.phrases import Num, said
from factcheck.readings import Count, Row, Text
from factcheck.registry import register

if TYPE_CHECKING:
    from factcheck.analyse.records import Mask, RecordConversions


@cache
def _prefixes(lang: Lang) -> tuple[str, ...]:
    words = (str(w).casefold() + " " for w in language(lang).periods.prefixes)
    return tuple(sorted(words, key=len, reverse=True))


def _phrase(text: str, lang: Lang) -> str:
    """The period phrase without its preposition: "Pada tahun ini" and "tahun ini" are one."""
    phrase = " ".join(text.casefold().replace("’", "'").split())
    lead = next((p for p in _prefixes(lang) if phrase.startswith(p)), "")
    return phrase[len(lead):]


@dataclass(frozen=True)
class RelativePeriod(Evidence):
    period: str
    figures: int

    def rows(self) -> list[Row]:
        return [("Period", Text(self.period)), ("Figures it concerns", Count(self.figures))]


@register
class UnresolvablePeriod(DocumentCheck):
    code = "DT002"
    name = "unresolvable-period"
    default_severity = "info"

    @classmethod
    def quiet_records(cls, records: RecordConversions, options: object) -> Mask:
        """A record's document is its value, its equivalent in brackets and a stated rate:
        a record's period is never relative."""
        return records.lone | records.plain_money

    def run(self, ctx: DocumentContext, options: object) -> Iterator[Finding]:
        if ctx.document.published is not None:
            return
        by_phrase: dict[str, list[Figure]] = {}
        for f in ctx.figures:
            period = f.period
            if period is not None and period.relative and period.end is None:
                by_phrase.setdefault(_phrase(period.text, ctx.document.lang), []).append(f)
        for phrase, figures in by_phrase.items():
            first = figures[0]
            count = len(figures)
            message = said('"{phrase}" is relative to the publication date, which the '
                           "document does not give; "
                           + ("{count} figures" if count > 1 else "1 figure")
                           + " stated for it cannot be dated or valued (supply --published)",
                           phrase=phrase, count=Num(count, str(count)))
            yield self.finding(ctx, first, "info", message, figures=tuple(figures),
                evidence=RelativePeriod(phrase, count),
            )
