"""FX003 conversion-scale-error: a conversion off by a power of 1000.

What it flags:
    A conversion whose implied exchange rate is the expected rate times 10^3, 10^6 or
    10^-3 (within 15%): "miliar" written for "triliun", a French "billion" (10^12) read as
    an English one, a magnitude word dropped. The expected rate is a rate stated in the
    text, else the rate the article's other conversions imply, else the reference rate on
    the valuation date.

Why it matters:
    A scale slip misstates the amount a thousandfold; no rounding explains it.

Example:
    "US$ 5 miliar (sekitar Rp 81 miliar)" implies 16 IDR/USD against about 16,200: the
    converted figure should read "Rp 81 triliun".

Options:
    tolerance: how close, after the power of 1000, the rate must be (default 0.15).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from factcheck.analyse.context import DocumentContext
from factcheck.analyse.fx_groups import OTHER_DATE_TOLERANCE, ConversionGroups
from factcheck.analyse.restate import clean, rescale
from factcheck.checks._scopes import DocumentCheck
from factcheck.evidence import Evidence
from factcheck.model import Finding
from factcheck.readings import Amount, Power, Row, Span
from factcheck.registry import CheckOptions, register

if TYPE_CHECKING:
    from factcheck.analyse.records import Mask, RecordConversions


@dataclass(frozen=True)
class ScaleSlip(Evidence):
    implied_rate: tuple[float, float]
    expected_rate: float
    power_of_1000: int
    pair: str

    def rows(self) -> list[Row]:
        return [("Rate this conversion implies", Span(*self.implied_rate, self.pair)),
                ("Expected rate", Amount(self.expected_rate, self.pair)),
                ("Scale slip", Power(self.power_of_1000))]


class ScaleOptions(CheckOptions):
    tolerance: float = 0.15


@register
class ConversionScaleError(DocumentCheck):
    code = "FX003"
    name = "conversion-scale-error"
    default_severity = "error"
    Options = ScaleOptions

    @classmethod
    def quiet_records(cls, records: RecordConversions, options: ScaleOptions) -> Mask:
        """No slip of a power of 1000 where a conversion is near its reference rate, agrees
        with its siblings and with every stated rate: each of its scale references is then
        within a factor of 16 of it."""
        return records.lone | (records.near_reference(OTHER_DATE_TOLERANCE)
                               & records.group_agrees & records.stated_agree)

    def run(self, ctx: DocumentContext, options: ScaleOptions) -> Iterator[Finding]:
        fx = ctx.analysis(ConversionGroups)
        for c in ctx.conversions:
            power, expected = fx.scaled(c, options.tolerance)
            if power == 0:
                continue
            lang = ctx.document.lang
            # The converted figure carries the slip: rescale it towards the expected rate.
            fix_power = -power if c.converted.currency == c.quote else power
            suggestion = rescale(c.converted, fix_power, lang)
            times = f"10^{3 * abs(power)}"
            direction = "above" if power > 0 else "below"
            message = (
                f"{clean(c.source.text)} -> {clean(c.converted.text)} implies "
                f"{c.point:,.6g} {c.quote}/{c.base}, {times} times {direction} the expected "
                f"{expected:,.6g}: a scale word is off"
                + (f"; it should read {suggestion}" if suggestion else "")
            )
            yield self.finding(ctx, c.converted, "error", message, figures=(c.source, c.converted),
                suggestion=suggestion,
                evidence=ScaleSlip((c.low, c.high), expected, power, f"{c.quote}/{c.base}"),
            )
