"""UN001 unit-conversion-mismatch: a quantity restated in another unit that pint disagrees with.

What it flags:
    A pair such as "80 juta mil (sekitar 129 juta km)" where both figures are converted to
    the same SI unit by pint and the restated figure, read at its printed precision
    (rounded or truncated), does not contain the first one within the tolerance.

Why it matters:
    A wrong unit conversion (miles read as kilometres, tons as barrels) misstates a
    quantity as surely as a wrong exchange rate misstates an amount.

Example:
    "80 juta mil (sekitar 100 juta km)": 80 million miles are 128.7 million km.

Options:
    tolerance: relative slack beyond the printed precision (default 0.01).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from factcheck.analyse.context import DocumentContext
from factcheck.analyse.restate import clean, number_text, percent_text, restate
from factcheck.checks._scopes import DocumentCheck
from factcheck.evidence import Evidence
from factcheck.model import Finding, Lang
from factcheck.phrases import Num, Pct, Said, said
from factcheck.readings import Amount, Relative, Row, Span
from factcheck.registry import CheckOptions, register

if TYPE_CHECKING:
    from factcheck.analyse.records import Mask, RecordConversions


@dataclass(frozen=True)
class UnitRestated(Evidence):
    source_value: float
    restated: tuple[float, float]
    unit: str | None
    deviation: float

    def rows(self) -> list[Row]:
        return [("Value converted", Amount(self.source_value, self.unit or None)),
                ("Restated value admits", Span(*self.restated, self.unit or None)),
                ("Off by", Relative(self.deviation, signed=True))]


class UnitOptions(CheckOptions):
    tolerance: float = 0.01


@register
class UnitConversionMismatch(DocumentCheck):
    code = "UN001"
    name = "unit-conversion-mismatch"
    default_severity = "error"
    Options = UnitOptions

    @classmethod
    def quiet_records(cls, records: RecordConversions, options: UnitOptions) -> Mask:
        """A record's document is its value, its equivalent in brackets and a stated rate:
        no quantity restated in another unit where the equivalent is money."""
        return records.lone | records.plain_money

    def run(self, ctx: DocumentContext, options: UnitOptions) -> Iterator[Finding]:
        for f in ctx.figures:
            if f.kind != "quantity" or not f.equivalent_of or f.qualifier == "range":
                continue
            source = ctx.figure(f.equivalent_of)
            if (source.kind != "quantity" or source.unit != f.unit or source.value <= 0
                    or source.per != f.per):  # per day vs per year is UN002's to check
                continue
            low = (f.value - f.step / 2) * (1 - options.tolerance)
            high = (f.value + f.step) * (1 + options.tolerance)
            if low <= source.value <= high:
                continue
            gap = f.value / source.value - 1
            suggestion = restate(f, source.value, ctx.document.lang)
            lang = ctx.document.lang
            message = said(
                "{source} is {value}, but the text restates it as {restated} "
                "({restated_value}, {gap})[; it should read about {suggestion}]",
                source=clean(source.text), value=_amount(source.value, f.unit, lang),
                restated=clean(f.text), restated_value=_amount(f.value, f.unit, lang),
                gap=Pct(gap, percent_text(gap, lang, sign="+"), signed=True),
                suggestion=suggestion)
            yield self.finding(ctx, f, "warning" if abs(gap) <= 0.02 else "error", message,
                figures=(source, f), suggestion=suggestion,
                evidence=UnitRestated(source.value, (f.value - f.step / 2, f.value + f.step),
                                      f.unit, gap),
            )


def _amount(value: float, unit: str | None, lang: Lang) -> Said:
    """"1.500 km": the number in the locale's style where the message is shown."""
    return said("{number} {unit}", number=Num(value, number_text(value, lang)), unit=unit or "")
