"""AR002 percent-change-mismatch: a stated percentage change its before and after values contradict.

What it flags:
    A change word with a percentage ("naik 4,2 persen", "melonjak 21,5 persen", "rose
    12.5%", "en hausse de 8 %", "18% lebih tinggi", "14.7 per cent up") whose before and
    after values, stated in the same clause ("dari", "menjadi", "from", "to", "contre",
    "à", "dibandingkan ... tahun sebelumnya"), just before the change word ("US$ 2,25
    miliar atau turun ..."), in the previous sentence when that figure is the subject
    ("Angka ini melonjak ...", or by a metric noun of ``ratios.yaml``: "The profit is
    ...", "Laba tersebut naik ...") or in the next sentence for the earlier period, do
    not give that change. The values are intervals at their printed precision, a round
    value read to two significant digits ("US$ 700 juta" is 695-705 juta, not 650-750: a
    writer who rounds prints fewer digits, not a round hundred); the percentage is read
    as rounded or truncated at its last digit. Direction words count:
    turun / fell / baisse are decreases. The values must be of the same kind, currency,
    unit and time basis; a change in points ("2 poin persentase") is not a relative change.

Why it matters:
    Readers remember the percentage; a growth rate that its own figures contradict misstates
    the story (and often betrays a wrong base figure).

Example:
    "pendapatan Rp 58,4 triliun pada 2023. Angka ini melonjak 21,5 persen dibandingkan
    tahun sebelumnya yang sebesar Rp 43,6 triliun": Rp 43,6 triliun -> Rp 58,4 triliun is
    +33,9% (33,7% to 34,2%), not 21,5 persen; it should read 33,9 persen.

Options:
    round_amounts: how the trailing zeros of the before and after values are read:
    "two-digits" (default), "insignificant", "significant", "unless-qualified" (as the
    converted figures' reading). Whether it is a slip is decided on the intervals; how
    big, by the distance from the stated percentage to the change the printed values
    give, relative to that change: under 1% info, 1-2% warning, more an error ("14.7 per
    cent up" where the figures give +14.4% is a warning).
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from factcheck.analyse.context import DocumentContext
from factcheck.analyse.relations import Change, relations
from factcheck.analyse.restate import clean, restate
from factcheck.checks._base import graded
from factcheck.checks._scopes import DocumentCheck
from factcheck.evidence import Evidence
from factcheck.extract.numbers import NUMERAL, parse_numeral, symbols
from factcheck.extract.precision import ZerosReading, read_interval
from factcheck.model import Figure, Finding, Lang
from factcheck.phrases import Pct, said
from factcheck.readings import Relative, Row, Span
from factcheck.registry import CheckOptions, register

if TYPE_CHECKING:
    from factcheck.analyse.records import Mask, RecordConversions


#: How the round amounts of a change are read (measured: README, Design).
ROUND_AMOUNTS: ZerosReading = "two-digits"


def growth(before: Figure, after: Figure, lang: Lang,
           reading: ZerosReading = ROUND_AMOUNTS) -> tuple[float, float]:
    """The interval of after/before - 1 over both figures' intervals, their trailing zeros
    read under ``reading`` (``extract.precision.read_interval``)."""
    (b_low, b_high), (a_low, a_high) = (read_interval(f, lang, reading) for f in (before, after))
    b_low, b_high = b_low or 0.0, b_high or math.inf
    a_low, a_high = a_low or 0.0, a_high or math.inf
    return a_low / b_high - 1, (a_high / b_low - 1 if b_low > 0 else math.inf)


def stated_change(p: Figure, direction: int) -> tuple[float, float]:
    """The signed change a percentage states, read as rounded or truncated at its last
    digit (a qualified one by its own interval)."""
    size, direction = abs(p.value), -1 if p.value < 0 else direction
    low, high = size - p.step / 2, size + p.step
    if p.qualifier is not None:
        low = abs(p.low) if p.low is not None else 0.0
        high = abs(p.high) + p.step / 2 if p.high is not None else math.inf
    return (low, high) if direction > 0 else (-high, -low)


def percent_fits(change: Change, lang: Lang) -> bool:
    """Whether some (before, after) reading of a percentage change fits it."""
    low, high = stated_change(change.stated, change.direction)
    return any(c_low <= high and low <= c_high
               for c_low, c_high in (growth(b, a, lang) for b, a in change.pairs))


def percent(value: float, decimals: int, lang: Lang, sign: str = "+") -> str:
    return f"{value * 100:{sign}.{decimals}f}%".replace(".", symbols(lang)[0])


def _percent(value: float, decimals: int, lang: Lang, sign: str = "+") -> Pct:
    """``percent`` as a piece of a message built from its form."""
    return Pct(value, percent(value, decimals, lang, sign), decimals, signed=sign == "+")


Ends = tuple[float | None, float | None]


@dataclass(frozen=True)
class ChangeOff(Evidence):
    before: Ends
    after: Ends
    computed_change: tuple[float, float]
    stated_change: tuple[float, float]
    relative_error: float

    def rows(self) -> list[Row]:
        return [("Before", Span(*self.before)), ("After", Span(*self.after)),
                ("Change the values give", Span(*self.computed_change, percent=True)),
                ("Change stated", Span(*self.stated_change, percent=True)),
                ("Relative error", Relative(self.relative_error))]


class ChangeOptions(CheckOptions):
    round_amounts: ZerosReading = ROUND_AMOUNTS


@register
class PercentChangeMismatch(DocumentCheck):
    code = "AR002"
    name = "percent-change-mismatch"
    default_severity = "error"
    Options = ChangeOptions

    @classmethod
    def quiet_records(cls, records: RecordConversions, options: ChangeOptions) -> Mask:
        """A record's document is its value, its equivalent in brackets and a stated rate:
        no change words."""
        return records.lone | records.plain_money

    def run(self, ctx: DocumentContext, options: ChangeOptions) -> Iterator[Finding]:
        for change in ctx.analysis(relations).changes:
            p = change.stated
            if p.kind != "percent" or (p.value < 0 and change.direction < 0):
                continue  # "turun -3%" says nothing clear
            finding = self.check(ctx, change, options.round_amounts)
            if finding is not None:
                yield finding

    def check(self, ctx: DocumentContext, change: Change,
              reading: ZerosReading = ROUND_AMOUNTS) -> Finding | None:
        p, lang = change.stated, ctx.document.lang
        low, high = stated_change(p, change.direction)
        computed = []
        for before, after in change.pairs:
            c_low, c_high = growth(before, after, lang, reading)
            if c_low <= high and low <= c_high:
                return None  # one reading of the text fits
            if before.value:  # a change from zero is no percentage
                computed.append((before, after, c_low, c_high))
        if not computed:
            return None
        before, after, c_low, c_high = computed[0]
        point = after.value / before.value - 1
        m = NUMERAL.search(p.text)
        numeral = parse_numeral(m.group(), lang) if m else None
        decimals = max(1, numeral.decimals if numeral else 1)
        signed = math.copysign(abs(p.value), low)
        same_way = (point > 0) == (signed > 0)
        suggestion = restate(p, abs(point), lang) if same_way and p.qualifier is None else None
        sign = "-" if c_low >= 0 else "+"
        message = said(
            "{before} -> {after} is {change} ({low} to {high}), not the stated {stated}[; it "
            "should read {suggestion}]", before=clean(before.text), after=clean(after.text),
            change=_percent(point, decimals, lang), low=_percent(c_low, decimals, lang, sign),
            high=_percent(c_high, decimals, lang, sign), suggestion=suggestion,
            stated=clean(p.text) + ("" if same_way else " decrease" if signed < 0
                                    else " increase"))
        error = abs(signed - point) / max(abs(point), 1e-9)  # the slip, once it is one
        return self.finding(ctx, p, graded(error), message, figures=(p, before, after),
            suggestion=suggestion,
            evidence=ChangeOff(read_interval(before, lang, reading),
                               read_interval(after, lang, reading),
                               (c_low, c_high), (low, high), error),
        )
