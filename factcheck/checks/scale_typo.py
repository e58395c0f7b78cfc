"""TX001 misspelt-scale-word: a scale word written one letter off, read as the word meant.

What it flags:
    A money figure whose scale word is one edit (a letter inserted, left out or changed, or
    two letters swapped) from a scale word of the languages read, with its first two letters
    right, and is not itself a word the tool knows: "Rp 215 triliu", "Rp 1,4 trilliun",
    "5 milyard dolar", "US$ 2 bilion". The extractor reads the figure with the scale word
    meant, when every scale word within that edit has the same value, so the conversion and
    arithmetic checks judge the figure as the writer meant it; this check names the slip.
    Words short enough to be other words ("juta", "ribu", "mille") are not read as slips,
    nor vague plurals ("triliunan", "miliaran": two edits away). One finding per figure.

Why it matters:
    An editor wants the typo named: the figure reads right to the tool but looks wrong in
    print. The severity is info: the slip changes no number (a figure it could not read
    with certainty is not read at all), so it never fails a gate set at warning, and the
    correction is certain, so it is offered as the exact edit.

Example:
    "Kerugiannya mencapai Rp 215 triliu tahun ini." -> info TX001 "triliu" is a slip for
    "triliun" -> Rp 215 triliun

Options:
    (none)
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from factcheck.analyse.context import DocumentContext
from factcheck.checks._scopes import DocumentCheck
from factcheck.evidence import Evidence
from factcheck.model import Figure, Finding
from factcheck.phrases import said
from factcheck.readings import Row, Text
from factcheck.registry import register

if TYPE_CHECKING:
    from factcheck.analyse.records import Mask, RecordConversions


@dataclass(frozen=True)
class ScaleSlip(Evidence):
    written: str
    meant: str

    def rows(self) -> list[Row]:
        return [("Written", Text(self.written)), ("Read as", Text(self.meant))]


def corrected(figure: Figure, written: str, meant: str) -> str:
    """The figure's text with its scale word as meant, in the case it was written."""
    if written.isupper():
        meant = meant.upper()
    elif written[:1].isupper():
        meant = meant[:1].upper() + meant[1:]
    at = figure.text.rfind(written)
    return figure.text if at < 0 else figure.text[:at] + meant + figure.text[at + len(written):]


@register
class MisspeltScaleWord(DocumentCheck):
    code = "TX001"
    name = "misspelt-scale-word"
    default_severity = "info"

    @classmethod
    def quiet_records(cls, records: RecordConversions, options: object) -> Mask:
        """The records whose value and equivalent were read with no misspelt scale word."""
        import numpy as np  # deferred, like pandas: loaded only when claims are audited

        facts = records.facts
        return np.array([getattr(v, "scale_typo", None) is None
                         and getattr(e, "scale_typo", None) is None
                         for v, e in zip(facts["value_amount"], facts["equivalent_amount"],
                                         strict=True)], dtype=bool)

    def run(self, ctx: DocumentContext, options: object) -> Iterator[Finding]:
        for f in ctx.figures:
            if f.scale_typo is None or f.kind != "money":
                continue
            written, meant = f.scale_typo
            fixed = corrected(f, written, meant)
            message = said('"{written}" is a slip for "{meant}": {figure} read as {fixed}',
                           written=written, meant=meant, figure=f.text, fixed=fixed)
            yield self.finding(ctx, f, "info", message, suggestion=fixed,
                               evidence=ScaleSlip(written, meant))
