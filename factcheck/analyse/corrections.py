"""Corrected conversions that are tested against the arithmetic they claim.

A check that says "at that rate it is Rp 65 triliun" claims that the converted figure,
written so, implies the rate. The corrected text is re-read by the extractor, as an
article's figure would be, and the rate interval it implies (``analyse.conversions``) must
hold the rate (within the slack a writer's rate may have); if the figure's printed
precision is too coarse for that, one decimal more is tried, up to three, and a correction
that still fails is not offered at all. A correction that keeps the figure's digits and
changes only its scale word ("Rp 81 miliar" -> "Rp 81 triliun"), or moves its decimal point
("Rp 24 triliun" for "Rp 240 triliun"), is tested the same way.
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

from factcheck.analyse.conversions import Conversion
from factcheck.analyse.fx_agreement import FIT_SLACK
from factcheck.analyse.restate import rescale, restate
from factcheck.extract.precision import read_step
from factcheck.model import Figure, Lang

if TYPE_CHECKING:
    from factcheck.claims.amounts import Amount

    Read = Figure | Amount  # a figure re-read: by the extractor, or as a value alone

MAX_FINER = 3


def reread(text: str, like: Figure, lang: Lang) -> Read | None:
    """``text`` read by the extractor: its one money figure in ``like``'s currency."""
    found = [f for f in _money(text, lang) if f.currency == like.currency]
    return found[0] if len(found) == 1 else None


@lru_cache(maxsize=1 << 12)
def _money(text: str, lang: Lang) -> tuple[Read, ...]:
    """The money figures of ``text`` read alone (the same corrections are offered to many
    records of a claims table). A text that is one amount alone is read as a claims
    record's value is (``claims.amounts.read_text``: the scanner alone, which reads a lone
    amount as the whole extractor does, five times faster); anything else by the
    extractor."""
    from factcheck.claims.amounts import read_text  # read lazily, as the extractor
    from factcheck.extract import extract_text

    if " ".join(text.split()) == text:  # read_text reads a value's spaces as spaces
        try:
            amount = read_text(text, lang)
        except ValueError:  # not one amount alone: the extractor says what it is
            amount = None
        if amount is not None and amount.kind == "money":
            return (amount,) if amount.value > 0 else ()
    return tuple(f for f in extract_text(text, lang) if f.kind == "money" and f.value > 0)


def implied_by(c: Conversion, figure: Read, lang: Lang = "en") -> tuple[float, float]:
    """The rate interval (``c``'s orientation) that ``figure`` as the converted figure of
    ``c`` implies, read as ``analyse.conversions`` reads a converted figure (its trailing
    zeros as ``c``'s were)."""
    x = c.source.value
    u = read_step(figure.text, figure.value, figure.step, figure.qualifier, lang, c.zeros)
    low, high = (figure.value - u / 2) / x, (figure.value + u) / x
    if c.converted.currency != c.quote:
        low, high = 1 / high, 1 / low
    return low, high


def admits(c: Conversion, text: str, lang: Lang, low: float, high: float) -> bool:
    """Whether ``text`` as ``c``'s converted figure implies a rate in [low, high]."""
    figure = reread(text, c.converted, lang)
    if figure is None or " ".join(text.split()) == " ".join(c.converted.text.split()):
        return False  # the figure as printed is no correction
    got_low, got_high = implied_by(c, figure, lang)
    return got_low <= high * (1 + FIT_SLACK) and low * (1 - FIT_SLACK) <= got_high


def corrected(c: Conversion, rate: float, lang: Lang, *, low: float | None = None,
              high: float | None = None, step: float | None = None) -> str | None:
    """``c``'s converted figure at ``rate``, at its printed precision (``step`` if given)
    or finer, such that it implies a rate in [low, high] (``rate`` itself by default);
    None when no such text can be written."""
    if "range" in (c.source.qualifier, c.converted.qualifier):
        return None  # a range restated as one amount: no one value of it was meant
    low = rate if low is None else low
    high = rate if high is None else high
    value = c.value_at(rate)
    for finer in range(MAX_FINER + 1):
        text = restate(c.converted, value, lang, step=c.converted_unit if step is None else step,
                       finer=finer)
        if text is not None and admits(c, text, lang, low, high):
            return text
    return None


def rescaled(c: Conversion, power: int, lang: Lang, *, low: float, high: float,
             used_in: str | None = None) -> str | None:
    """``c``'s converted figure with its digits kept and its scale word multiplied by
    10**``power`` ("miliar" -> "triliun"), when the language has such a word (one the
    text ``used_in`` uses, if given) and that gives a rate in [low, high]."""
    if power % 3:
        return None
    text = rescale(c.converted, power // 3, lang, used_in=used_in)
    return text if text is not None and admits(c, text, lang, low, high) else None


def shifted(c: Conversion, power: int, lang: Lang, *, low: float, high: float) -> str | None:
    """``c``'s converted figure with its digits kept and its decimal point moved by
    ``power`` ("Rp 46,98" -> "Rp 469,8"), when that gives a rate in [low, high]."""
    factor = 10.0**power
    text = restate(c.converted, c.converted.value * factor, lang,
                   step=c.converted.step * factor)
    return text if text is not None and admits(c, text, lang, low, high) else None
