"""FX003 conversion-scale-error: a conversion off by a power of 1000.

What it flags:
    A conversion whose implied exchange rate is the expected rate times a power of ten
    (10, 100, 10^3, 10^6, ..., within the tolerance): "miliar" written for "triliun", a
    French "billion" (10^12) read as an English one, a magnitude word dropped, a digit
    lost or a decimal point moved. The expected rate is what the others agree on: a rate
    stated for the conversion; else the reference rate on the valuation date and the
    article's conversions that agree with it (so of two pairs a thousand times apart, the
    one the market bears out is right); with no reference rate, the rate most of the
    article's conversions imply (two readings as many: the later pair is named as
    undecided, with no correction). A conversion whose whole group is off the reference
    by the same power is left to FX002, once. The correction keeps the figure's digits
    with the right scale word ("Rp 81 triliun"; one above a trillion only if the article
    writes it), else its decimal point moved ("Rp 24 triliun" for "Rp 240 triliun", "Rp
    1.590 triliun" for "Rp 1,59 triliun" in an article that never writes "kuadriliun"),
    else the figure at the expected rate; it is re-read to check. A stated rate that is
    itself a power of ten off the reference rate is flagged on its own ("Rp 19.500 per
    rupee"), and governs no conversion. The evidence names the first 20 conversions that
    agree on the expected rate and counts them all.

Why it matters:
    A scale slip misstates the amount a thousandfold; no rounding explains it.

Example:
    "US$ 5 miliar (sekitar Rp 81 miliar)" implies 16 IDR/USD against about 16.200: the
    converted figure is 1000 times too small and should read "Rp 81 triliun"; "US$ 1,5
    miliar (sekitar Rp 240 triliun)" is 10 times too large: "Rp 24 triliun".

Options:
    tolerance: how close, after the power of 1000, the rate must be (default 0.15).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from factcheck.analyse.context import DocumentContext
from factcheck.analyse.corrections import corrected, rescaled, shifted
from factcheck.analyse.fx_groups import OTHER_DATE_TOLERANCE, ConversionGroups
from factcheck.analyse.fx_scale import ScaleSlip
from factcheck.analyse.restate import clean, number_text
from factcheck.checks._scopes import DocumentCheck
from factcheck.evidence import MAX_NAMED, Evidence
from factcheck.i18n import N_
from factcheck.model import Figure, Finding
from factcheck.readings import Amount, Count, Names, Note, Power, Row, Span
from factcheck.registry import CheckOptions, register

if TYPE_CHECKING:
    from factcheck.analyse.records import Mask, RecordConversions


@dataclass(frozen=True)
class SlipEvidence(Evidence):
    implied_rate: tuple[float, float]
    expected_rate: float
    power_of_ten: int
    basis: str
    pair: str
    agreeing: tuple[str, ...]  # the first MAX_NAMED
    agreeing_count: int

    def rows(self) -> list[Row]:
        rows: list[Row] = [
            ("Rate this conversion implies", Span(*self.implied_rate, self.pair)),
            ("Expected rate", Amount(self.expected_rate, self.pair,
                                     after=Note(" ({basis})", (("basis",
                                                BASIS_NAMES[self.basis]),), ("basis",)))),
            ("Scale slip", Power(self.power_of_ten))]
        if self.agreeing:
            rows.append(("Conversions that agree on the expected rate", Names(self.agreeing)))
            rows.append(("Conversions that agree, in all", Count(self.agreeing_count)))
        return rows


@dataclass(frozen=True)
class StatedSlip(Evidence):
    stated_rate: float
    reference_rate: float
    power_of_ten: int
    pair: str

    def rows(self) -> list[Row]:
        return [("Rate stated in the text", Amount(self.stated_rate, self.pair)),
                ("Reference rate on the publication date", Amount(self.reference_rate, self.pair)),
                ("Scale slip", Power(self.power_of_ten))]


BASIS_NAMES = {"stated": N_("the stated rate"),
               "siblings": N_("the reference rate and the other conversions"),
               "reference": N_("the reference rate"),
               "majority": N_("most of the other conversions"),
               "undecided": N_("the other conversion")}


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
            slip = fx.scale_slip(c, options.tolerance)
            if slip is not None:
                yield self._slip(ctx, slip, options.tolerance)
        for rate, power, reference in fx.stated_slips:
            yield self._stated(ctx, rate, power, reference)

    def _slip(self, ctx: DocumentContext, slip: ScaleSlip, tolerance: float) -> Finding:
        c, power, expected = slip.conversion, slip.power, slip.expected
        lang, pair = ctx.document.lang, f"{c.quote}/{c.base}"
        # The converted figure carries the slip: moved by a power of ten towards `expected`.
        fix = -power if c.converted.currency == c.quote else power
        low, high = expected / (1 + SUGGESTION_TOLERANCE), expected * (1 + SUGGESTION_TOLERANCE)
        suggestion = None
        if slip.basis != "undecided":
            # A scale word above a trillion only if the article writes it ("Rp1.590
            # triliun", not "Rp1,59 kuadriliun", in an article that never does).
            suggestion = (rescaled(c, fix, lang, low=low, high=high,
                                   used_in=ctx.document.text.casefold())
                          or shifted(c, fix, lang, low=low, high=high)
                          or rescaled(c, fix, lang, low=low, high=high)
                          or corrected(c, expected, lang, low=low, high=high,
                                       step=c.converted.step * 10.0**fix))
        message = (
            f"{clean(c.source.text)} -> {clean(c.converted.text)} implies "
            f"{number_text(c.point, lang)} {pair}, {factor_text(power)} "
            f"{'above' if power > 0 else 'below'} {BASIS[slip.basis]} "
            f"{number_text(expected, lang)}: "
            + ("one of them has slipped by a power of ten, and no reference rate says which"
               if slip.basis == "undecided" else f"the converted figure is "
               f"{factor_text(abs(fix))} too {'large' if fix < 0 else 'small'}")
            + (f"; it should read {suggestion}" if suggestion else "")
        )
        return self.finding(ctx, c.converted, "error", message, figures=(c.source, c.converted),
            suggestion=suggestion, corrects=slip.basis != "undecided",
            evidence=SlipEvidence((c.low, c.high), expected, power, slip.basis, pair,
                                  tuple(a.converted.id for a in slip.agreeing[:MAX_NAMED]),
                                  len(slip.agreeing)),
        )

    def _stated(self, ctx: DocumentContext, rate: Figure, power: int, reference: float
                ) -> Finding:
        lang = ctx.document.lang
        pair = f"{rate.currency}/{rate.unit}"
        message = (f"the stated rate {clean(rate.text)} is {factor_text(power)} "
                   f"{'above' if power > 0 else 'below'} the reference rate on the publication "
                   f"date, {number_text(reference, lang)} {pair}: a scale is off")
        return self.finding(ctx, rate, "error", message, corrects=False,
            evidence=StatedSlip(rate.value, reference, power, pair),
        )


BASIS = {"stated": "the rate the text states,", "siblings": "the rate the other conversions "
         "and the reference agree on,", "reference": "the reference rate,",
         "majority": "the rate most of the other conversions imply,",
         "undecided": "the rate of the other conversion,"}
SUGGESTION_TOLERANCE = 0.03  # a correction lands within this of the expected rate


def factor_text(power: int) -> str:
    """"10 times", "1000 times", "a million times", "10^9 times"."""
    size = abs(power)
    return {1: "10 times", 2: "100 times", 3: "1000 times", 6: "a million times"}.get(
        size, f"10^{size} times")
