"""Find amounts in text: a number (digits or words) and what is written around it.

For every number the scanner reads, left to right: a scale word, a range's second end, a
currency, unit or percent sign after it, a currency symbol before it, a "1 X = Y Z"
rate, a denominator ("per ton", "/dolar", "per hari"), and the qualifier before it. A
number that gets none of these is not a figure (years, counts, dates); a number with a
scale word but nothing else ("1,4 miliar") is kept as ``bare`` for the context to give
it a currency.
"""

from __future__ import annotations

import re
from functools import cache

from factcheck.extract.attach import attach_after, attach_prefix
from factcheck.extract.cores import Amount, Core, number_cores
from factcheck.extract.currency_match import read_sign
from factcheck.extract.guards import may_end_before, may_hold, opener_words, qualifier_ends
from factcheck.extract.lexicon import Lexicon, range_closer
from factcheck.extract.rates import read_rate
from factcheck.extract.scales import numeral_at, numeral_written_at
from factcheck.extract.word_patterns import SP, alternation
from factcheck.lang.loader import language
from factcheck.patterns import compiled

__all__ = ["Amount", "read_amounts"]


def read_amounts(text: str, lex: Lexicon, dollar: str, trailing_zeros: bool) -> list[Amount]:
    """Every amount in ``text``, in order, non-overlapping (``dollar``: what a "$" of a rate
    means, "$1 = 0.92 euros")."""
    out: list[Amount] = []
    last_end = 0
    for core in number_cores(text, lex, trailing_zeros):
        if core.start < last_end:
            continue
        amount = _read(text, core, lex, dollar, trailing_zeros, last_end)
        if amount is None:
            continue
        if out and _joins_range(text, out[-1], amount, lex):
            _merge_range(out[-1], amount)
        else:
            out.append(amount)
        last_end = amount.end
    return out


DASH_GAP = re.compile(rf"{SP}?[-–—]{SP}?")


def _joins_range(text: str, first: Amount, second: Amount, lex: Lexicon) -> bool:
    """Two complete amounts that form a range: "US$ 1,2 miliar - US$ 1,9 miliar",
    "between 2% and 3%", "antara Rp 5 triliun dan Rp 7 triliun"."""
    if (first.range_first or second.range_first or first.kind != second.kind
            or first.kind not in ("money", "percent", "quantity")
            or (first.currency, first.candidates, first.unit)
            != (second.currency, second.candidates, second.unit)
            or not 0 <= first.value < second.value):
        return False
    if DASH_GAP.fullmatch(text, first.end, second.start):
        return True
    opener = lex.opener_re.search(text, max(0, first.start - 20), first.start)
    if opener is None or opener.group("open").lower() not in lex.full_range_openers:
        return False
    closer = range_closer(lex.lang, opener.group("open"))
    return re.fullmatch(rf"{SP}+{closer}{SP}+", text[first.end:second.start], re.I) is not None


def _merge_range(first: Amount, second: Amount) -> None:
    first.range_first = (first.value, first.step)
    first.value, first.step, first.end = second.value, second.step, second.end
    first.qualifier, first.per = "range", first.per or second.per


def _read(
    text: str, core: Core, lex: Lexicon, dollar: str, tz: bool, floor: int
) -> Amount | None:
    """The amount whose number is ``core``; it may not start before ``floor``."""
    read = numeral_at(text, core, lex, tz)
    value, step, factor, pos, needs_currency = (read.value, read.step, read.factor, read.end,
                                                read.needs_currency)
    has_scale = factor != 1.0 or bool(core.words and core.value == core.step and core.value > 1)
    start, first = core.start, None
    ranged = _range(text, core, pos, (value, factor, has_scale), lex, tz)
    if ranged is not None:
        second, second_factor, pos = ranged
        factor = factor if has_scale else second_factor
        has_scale = has_scale or second_factor != 1.0
        first, (value, step) = (value * factor, step * factor), second
    amount = Amount(start, pos, value * factor, step * factor, "bare", has_scale=has_scale)
    if first is not None:
        amount.range_first, amount.qualifier = first, "range"
    attach_after(text, amount, lex, has_scale)
    if amount.kind in ("bare", "money") and (has_scale or not core.words):
        attach_prefix(text, amount, lex, core, needs_currency, floor)
    if amount.kind in ("money", "bare"):
        read_rate(text, amount, lex, dollar, tz)
    if read.typo is not None:
        if amount.kind != "money":
            return None  # a slip of a scale word is read only on money: "5 trilion orang"
        amount.scale_typo = read.typo
    if amount.kind == "bare":
        if core.fraction and lex.fraction_of_re.match(text, amount.end):
            amount.kind = "ratio"
        elif not has_scale or needs_currency:
            return None
    if amount.kind in ("quantity", "money", "bare") and amount.per is None:
        m = lex.per_time_re.match(text, amount.end)
        if m:
            amount.per, amount.end = lex.lookup(lex.per_time, m.group("per")), m.end()
    lo = max(0, amount.start - 30)
    if amount.qualifier is None and may_end_before(text, lo, amount.start,
                                                   qualifier_ends(lex.lang), ignore_case=True):
        m = lex.qualifier_re.search(text, lo, amount.start)
        if m:
            amount.qualifier = lex.lookup(lex.qualifiers, m.group("q"))
    if amount.qualifier is None and (m := lex.qualifier_after_re.match(text, amount.end)):
        amount.qualifier = lex.lookup(lex.qualifiers_after, m.group("q"))
    if amount.start > floor and text[amount.start - 1] in "-−" and (
        amount.start < 2 or text[amount.start - 2] in " (\n\t"
    ):
        amount.start -= 1
        amount.value = -amount.value
    return amount


def _range(
    text: str, core: Core, pos: int, first: tuple[float, float, bool], lex: Lexicon, tz: bool
) -> tuple[tuple[float, float], float, int] | None:
    """The second end of a range starting at ``core``: ((value, step), its scale, end).

    ``first`` is the first end's (value, scale factor, has a scale word); the first end
    must be the smaller, so "Juni 2022 hingga 2,64 miliar" is a date, then an amount.
    """
    first_value, first_factor, has_scale = first
    m = lex.range_re.match(text, pos)
    alternative = _alternative(lex).match(text, pos) if m is None and not has_scale else None
    if alternative is not None:
        if _sign_before(text, core.start, lex) or _second_sign(lex).match(text, alternative.end()):
            return None  # "$5 or Rp 70,000": a sign is written for each amount
        m = alternative
    elif m is None:
        lo = max(0, core.start - 20)
        opener = lex.opener_re.search(text, lo, core.start) if may_hold(
            text, lo, core.start, opener_words(lex.lang)) else None
        closer = range_closer(lex.lang, opener.group("open")) if opener else ""
        m = re.compile(rf"{SP}+(?i:{closer}){SP}+").match(text, pos) if closer else None
        if m is None:
            return None
    elif m.group("word") and has_scale:
        return None
    at = m.end()
    sym = _second_sign(lex).match(text, at)
    if sym and not _same_sign(text, core.start, sym.group("sym"), lex):
        return None  # "$0.35 – N145": two currencies are no range
    at = sym.end() if sym else at
    read = numeral_written_at(text, at, lex, tz)
    if read is None:
        return None
    value, step, factor, end = read.value, read.step, read.factor, read.end
    if first_value * (first_factor if has_scale else factor) >= value * factor:
        return None
    return (value, step), factor, end


@cache
def _alternative(lex: Lexicon) -> re.Pattern[str]:
    """Two bare numbers given as alternatives ("10 or 12 dollars", "152 ou 153 dirhams", "5
    atau 6 miliar rupiah"): a range whose scale word and currency are written once."""
    words = language(lex.lang).amounts.alternative_words
    return compiled(rf"{SP}(?i:{alternation(words)}){SP}")


def _sign_before(text: str, start: int, lex: Lexicon) -> bool:
    return lex.prefix_re.search(text, max(0, start - 12), start) is not None


@cache
def _second_sign(lex: Lexicon) -> re.Pattern[str]:
    """A currency sign before the second end of a range ("US$ 1,4-US$ 1,7 miliar")."""
    return re.compile(lex.prefix_re.pattern.rstrip("$"))


def _same_sign(text: str, start: int, second: str, lex: Lexicon) -> bool:
    """Whether the sign before the first end of a range (if any) may stand for a currency
    ``second`` stands for."""
    first = lex.prefix_re.search(text, max(0, start - 12), start)
    if first is None:
        return True
    a, b = read_sign(lex.words, first.group("sym")), read_sign(lex.words, second)
    return a is None or b is None or bool(a.reading & b.reading)
