"""FX003 conversion-scale-error: a conversion off by a power of ten.

What it flags:
    A conversion whose implied exchange rate is the expected rate times a power of ten
    (10, 100, 10^3, 10^6, ..., within the tolerance): "miliar" written for "triliun", a
    French "billion" (10^12) read as an English one, a magnitude word dropped, a digit
    lost or a decimal point moved. The expected rate is what the others agree on: a rate
    stated for the conversion; else the reference rate on the valuation date and the
    article's conversions that agree with it (so of two pairs a thousand times apart, the
    one the market bears out is right); with no reference rate, the rate most of the
    article's conversions imply (two readings as many: the later pair is named as
    undecided, with no correction); in a document with no date, every date's reference
    rate (a conversion no date's rate fits, that fits some date's once moved by one
    power of ten and by no other: "£95 million (US$118.40)" is a million times off any
    rate the pound has had). A conversion whose whole group is off the reference
    by the same power is left to FX002, once. The correction keeps the figure's digits
    with the right scale word ("Rp 81 triliun"; one above a trillion only if the article
    writes it), else its decimal point moved ("Rp 24 triliun" for "Rp 240 triliun", "Rp
    1.590 triliun" for "Rp 1,59 triliun" in an article that never writes "kuadriliun"),
    else the figure at the expected rate; it is re-read to check. A stated rate that is
    itself a power of ten off the reference rate is flagged on its own ("Rp 19.500 per
    rupee"; with no date, off every date's rate: "kurs Rp 95 per dolar AS"), and
    governs no conversion. The evidence names the first 20 conversions that
    agree on the expected rate and counts them all.

Why it matters:
    A scale slip misstates the amount tenfold or a thousandfold; no rounding explains it.

Example:
    "US$ 5 miliar (sekitar Rp 81 miliar)" implies 16 IDR/USD against about 16.200: the
    converted figure is 1000 times too small and should read "Rp 81 triliun"; "US$ 1,5
    miliar (sekitar Rp 240 triliun)" is 10 times too large: "Rp 24 triliun".

Options:
    tolerance: how close, after the power of ten, the rate must be (default 0.15).
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
from factcheck.phrases import Num, Piece, Word, said
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
    undated: bool = False  # no date: ``reference_rate`` is a rate some date had

    def rows(self) -> list[Row]:
        label = ("A reference rate of some date (no date given)" if self.undated else
                 "Reference rate on the publication date")
        return [("Rate stated in the text", Amount(self.stated_rate, self.pair)),
                (label, Amount(self.reference_rate, self.pair)),
                ("Scale slip", Power(self.power_of_ten))]


BASIS_NAMES = {"stated": N_("the stated rate"),
               "history": N_("the reference rates of every date (no date given)"),
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
        message = said(
            "{source} -> {converted} implies {implied} {pair}, {factor} times {direction} "
            "{basis} {expected}: " + (
                "one of them has slipped by a power of ten, and no reference rate says which"
                if slip.basis == "undecided" else
                "the converted figure is {fix} times too {size}[; it should read {suggestion}]"),
            source=clean(c.source.text), converted=clean(c.converted.text),
            implied=Num(c.point, number_text(c.point, lang)), pair=pair, factor=factor(power),
            direction=Word("above" if power > 0 else "below"), basis=Word(BASIS[slip.basis]),
            expected=Num(expected, number_text(expected, lang)),
            fix=factor(fix) if slip.basis != "undecided" else None,
            size=Word("large" if fix < 0 else "small"), suggestion=suggestion)
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
        undated = ctx.document.published is None
        message = said(("the stated rate {stated} is {factor} times {direction} any reference "
                        "rate {pair} has had (the text gives no date), such as {expected}: a "
                        "scale is off") if undated else
                       ("the stated rate {stated} is {factor} times {direction} the reference "
                        "rate on the publication date, {expected} {pair}: a scale is off"),
                       stated=clean(rate.text), factor=factor(power),
                       direction=Word("above" if power > 0 else "below"),
                       expected=Num(reference, number_text(reference, lang)), pair=pair)
        return self.finding(ctx, rate, "error", message, corrects=False,
            evidence=StatedSlip(rate.value, reference, power, pair, undated),
        )


BASIS = {"stated": "the rate the text states,",
         "history": "the reference rate of some date (the text gives none),",
         "siblings": "the rate the other conversions "
         "and the reference agree on,", "reference": "the reference rate,",
         "majority": "the rate most of the other conversions imply,",
         "undecided": "the rate of the other conversion,"}
SUGGESTION_TOLERANCE = 0.03  # a correction lands within this of the expected rate


def factor(power: int) -> Piece:
    """"10", "1000", "a million", "10^9": the factor of a slip of ``power`` powers of ten,
    as the message writes it before "times"."""
    size = abs(power)
    if size == 6:
        return Word("a million")
    return Num(10.0 ** size, str(10 ** size)) if size <= 3 else f"10^{size}"
