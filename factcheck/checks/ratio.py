"""AR001 ratio-mismatch: "X, about three quarters of Y" where X/Y is not that fraction.

What it flags:
    A ratio ("tiga perempat", "three quarters", "les trois quarts") or percentage right
    after an amount X (with punctuation, a qualifier or a joiner such as "atau" between), or
    right before it ("24,7 persen atau sekitar X dari ..."), linked by "dari" / "of" / "de"
    to its whole Y: an amount right there, or a metric noun ("proyeksi pendapatannya")
    leading to an amount of the same period and currency or unit within ``window`` sentences
    (and 2,000 characters); a ratio with no period of its own is of its part's ("Laba bank
    BUMN 2014 ... Jumlah tersebut menguasai 48,47 persen dari total laba": the profit of
    2014), or of an undated amount next to it. Flagged when X/Y misses the ratio (widened by
    the tolerance if qualified, by half of it for a bare fraction word) for every Y, both as
    intervals; no Y, no finding. A metric noun names an amount a few words on, not one in a
    clause of its own ("di bawah Hong Kong yang menanam ...": another part). When X/Y is the
    stated ratio times a power of a thousand, the part's scale word slipped ("US$3,2 juta
    atau 10,2 persen dari total investasi US$31 miliar": juta for miliar): the finding is on
    X and suggests it rescaled. Words: ``lang/<lang>/ratios.yaml``. Wholes from claims
    audited with the articles are the context's ``known`` figures.

    Also a ratio that opens a sentence about the previous sentence's one amount ("Nilai
    ini setara dengan 24,3% dari ...": ``subject_verbs``), and the share printed with each
    listed part of a whole (AR003/AR004's lists:
    "terdiri dari APBN sebesar 41,3% atau Rp1.951,3 triliun, ...", "including grants of
    $200 million (25%) and ..."), held against that whole.

Why it matters:
    A share that does not match the two amounts it relates misstates one of them.

Example:
    "Kerugiannya pada 2028 sekitar US$ 74 miliar, sekitar tiga perempat dari pendapatannya
    pada tahun itu" with "pendapatan 2028 diproyeksikan US$ 125 miliar": 74/125 is 59%.

Options:
    tolerance: relative widening of a ratio with a qualifier ("sekitar") (default 0.10).
    window: how many sentences before or after the ratio a whole may be (default 3).
    round_amounts: how the trailing zeros of the part and the whole are read (default
    "two-digits": "US$ 300 juta" is 295-305 juta; "insignificant", "significant",
    "unless-qualified" as the converted figures' reading).
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterator
from dataclasses import dataclass
from math import inf
from typing import TYPE_CHECKING

from factcheck.analyse.context import DocumentContext
from factcheck.analyse.restate import clean, rescale, restate
from factcheck.checks._ratio_reading import (
    amount_and_ratio,
    listed_shares,
    metric_of,
    ratio_words,
    subject_shares,
    wholes_near,
)
from factcheck.checks._scopes import DocumentCheck
from factcheck.evidence import Evidence
from factcheck.extract.lexicon import lexicon
from factcheck.extract.precision import ZerosReading, read_interval
from factcheck.model import Figure, Finding
from factcheck.phrases import Pct, Said, said
from factcheck.readings import Row, Span
from factcheck.registry import CheckOptions, register

if TYPE_CHECKING:
    from factcheck.analyse.records import Mask, RecordConversions


@dataclass(frozen=True)
class ShareOff(Evidence):
    share: tuple[float, float]
    stated: tuple[float, float]

    def rows(self) -> list[Row]:
        return [("Share", Span(*self.share, percent=True)),
                ("Stated", Span(*self.stated, percent=True))]


class RatioOptions(CheckOptions):
    tolerance: float = 0.10
    window: int = 3
    round_amounts: ZerosReading = "two-digits"


@register
class RatioMismatch(DocumentCheck):
    code = "AR001"
    name = "ratio-mismatch"
    Options = RatioOptions

    @classmethod
    def quiet_records(cls, records: RecordConversions, options: RatioOptions) -> Mask:
        """A record's document is its value, its equivalent in brackets and a stated rate:
        no ratio of one amount to another."""
        return records.lone | records.plain_money

    def run(self, ctx: DocumentContext, options: RatioOptions) -> Iterator[Finding]:
        for r, x, wholes in self.shares(ctx, options):
            yield from self._compare(ctx, r, x, wholes, options)

    def shares(self, ctx: DocumentContext, options: RatioOptions
               ) -> Iterator[tuple[Figure, Figure, list[Figure]]]:
        """Each stated ratio r, its part x and the wholes it may be of (what ``run``
        compares; a measurement of which relations the check reads uses it too)."""
        figs, text, lang = ctx.figures, ctx.document.text, ctx.document.lang
        (joiners, of, nouns, _), _ = ratio_words(lang)
        seen: set[str] = set()
        for r, x, j in amount_and_ratio(figs):
            # "74 milliards en 2028, soit les trois quarts": the period may come between
            first, second = (x, r) if x.start < r.start else (r, x)
            between = text[first.end:second.start].replace(
                x.period.text if x.period else "\0", " ")
            q = lexicon(lang).qualifier_re.search(between)
            link = of.match(text, second.end)
            if link is None or not joiners.fullmatch(between[:q.start() if q else None]):
                continue
            cut = next(re.compile(r"[.,;:()\n]|\Z").finditer(text, link.end())).start()
            y = figs[j] if j < len(figs) else r
            wholes = [y] if second.start < y.start < cut else []
            noun = nouns.search(text, link.end(), cut)
            if not wholes and noun and len(text[link.end():noun.start()].split()) <= 2:
                wholes = wholes_near(ctx, r, x, str(metric_of(lang, text, *noun.span())),
                                      noun.end(), options.window)
            if wholes:
                seen.add(r.id)
            yield r, x, wholes
        yield from subject_shares(ctx, seen, options.window)
        yield from listed_shares(ctx, seen)

    def _compare(self, ctx: DocumentContext, r: Figure, x: Figure, wholes: list[Figure],
                 options: RatioOptions) -> Iterator[Finding]:  # if X/Y misses for every Y
        tol = options.tolerance if r.qualifier else options.tolerance / 2 if r.step == 0 else 0
        lo_r = min(r.value if r.low is None else r.low, r.value * (1 - tol))
        hi_r = max(inf if r.high is None else r.high, r.value * (1 + tol))
        ys = [y for y in wholes if (x.currency, x.unit, x.per) == (y.currency, y.unit, y.per)
              and y.value > 0]  # nothing is a share of a whole of zero
        lang, reading = ctx.document.lang, options.round_amounts
        x_low, x_high = read_interval(x, lang, reading)
        read = [read_interval(y, lang, reading) for y in ys]
        shares = [((x_low or 0.0) / (y_high or inf),
                   (inf if x_high is None else x_high) / y_low if y_low else inf)
                  for y_low, y_high in read]
        if x.value <= 0 or not ys or any(lo <= hi_r and lo_r <= hi for lo, hi in shares):
            return
        y, (q_lo, q_hi), share = ys[0], shares[0], x.value / ys[0].value
        power = round(math.log10(share / r.value)) if share > 0 and r.value > 0 else 0
        slipped = (power % 3 == 0 and power != 0  # a scale word off: juta for miliar
                   and lo_r * 10.0**power <= q_hi and q_lo <= hi_r * 10.0**power)
        places = max(0, round(-math.log10(r.step * 100))) if 0 < r.step < 0.01 else 0
        message = said("{part} is {share} of {whole} (about {about}), not {stated} "
                       "({stated_share})", part=clean(x.text),
                       share=_shares(q_lo, q_hi, places), whole=clean(y.text),
                       about=_pct(share, places), stated=clean(r.text),
                       stated_share=_shares(lo_r, hi_r, places))
        percent = r.model_copy(update={"step": min(r.step, 0.01)})  # "25%", not "20%"
        if slipped:  # the part, a power of a thousand off its share: its scale word
            yield self.finding(ctx, x, "error", message, figures=(x, r, y) if y.id else (x, r),
                evidence=ShareOff((q_lo, q_hi), (lo_r, hi_r)),
                suggestion=rescale(x, -power // 3, ctx.document.lang,
                                   used_in=ctx.document.text.casefold()))
            return
        yield self.finding(  # on the first whole; ratio words get no suggestion
            ctx, r, "warning" if r.value and abs(share / r.value - 1) <= 0.2 else "error",
            message,
            figures=(x, r, y) if y.id else (x, r),
            evidence=ShareOff((q_lo, q_hi), (lo_r, hi_r)),
            suggestion=restate(percent, share, ctx.document.lang) if r.step else None)


def _shares(low: float, high: float, places: int = 0) -> Said:
    """"68%–71%", as percentages are written where the message is shown."""
    return said("{low}–{high}", low=_pct(low, places), high=_pct(high, places))


def _pct(share: float, places: int = 0) -> Pct:
    """A share as a percentage with ``places`` decimals (those of the stated one), and
    two significant digits below 1% ("0.010%")."""
    if 0 < share < 0.01:
        places = max(places, min(9, math.ceil(-math.log10(share * 100)) + 1))
    return Pct(share, f"{share:.{places}%}", places)
