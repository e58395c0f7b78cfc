"""The scale of a number: its scale words, a power of ten, and the layout noise of real pages.

After a number the scanner reads, in order: a power of ten ("2,5 x 10 pangkat 33", "3 ×
10^15", "2.8e18", "10^18"); a decimal part split off by a space ("Rp 7, 2 triliun", "15, 1
milliards": the language's decimal symbol, a space, one or two digits, then a scale word);
the scale words, which may stand on the next line of hard-wrapped text, multiply when they
rise ("juta triliun", "lakh crore") and add a smaller part ("272 milliards 250 millions");
and a scale word misspelt within one edit ("triliu", "trilliun", "milyard"), read as the
word meant and recorded for TX001 when the number is money.
"""

from __future__ import annotations

import re
from functools import cache
from typing import NamedTuple

from factcheck.extract.cores import Core
from factcheck.extract.lexicon import Lexicon
from factcheck.extract.numbers import NUMERAL, parse_numeral, symbols
from factcheck.extract.word_patterns import LINE_BREAK, SP
from factcheck.model import Lang

MAX_POWER = 300  # 10^300 keeps a float finite; no figure of the news is larger
CARET = re.compile(r"\^(?P<exp>[-−+]?\d{1,3})(?!\d)")
ADDED = re.compile(rf"{SP}(?P<n>\d{{1,3}}(?:[.,]\d+)?)(?!\d)")
SPLIT_DECIMAL = re.compile(rf"(?P<sep>[.,]){SP}(?P<digits>\d{{1,2}})(?![\d.,])")
WORD_AFTER = re.compile(rf"(?:{LINE_BREAK}|{SP}?|-)(?P<word>[^\W\d_]{{5,}})(?![^\W\d_])")
MIN_TYPO_TARGET = 6  # "juta", "ribu", "mille" are too short to tell a slip from a word


class Numeral(NamedTuple):
    """A number with its scale: value and step before the scale, the scale factor, where it
    ends, whether a one-letter scale needs a currency, and a misspelt scale word (as
    written, as meant) when one was read."""

    value: float
    step: float
    factor: float
    end: int
    needs_currency: bool = False
    typo: tuple[str, str] | None = None


def scale_at(text: str, pos: int, lex: Lexicon) -> tuple[float, int, Lang | None, bool] | None:
    """(factor, end, language of the word, counts only next to a currency) of a scale word
    or abbreviation at ``pos``."""
    m = lex.scale_re.match(text, pos)
    if not m:
        return None
    if m.group("word"):
        found = lex.lookup(lex.scale, m.group("word"))
        return None if found is None else (found[0], m.end(), found[1], False)
    abbr = m.group("abbr")
    factor = lex.lookup(lex.scale_abbr, abbr)
    near = len(abbr) == 1 or abbr in lex.abbr_next_to_currency
    return None if factor is None else (factor, m.end(), None, near)


def power_at(text: str, core: Core, lex: Lexicon) -> tuple[float, int] | None:
    """(10 to the power written, end) after a number: "2,5 x 10 pangkat 33", "3 × 10^15",
    "2.8e18", "2,8 diikuti dengan 18 angka nol", or "10^18" itself."""
    if core.words:
        return None
    if text.startswith("^", core.end) and text[core.start:core.end] == "10":
        m = CARET.match(text, core.end)
        found = m.group("exp") if m else None
    else:
        m = lex.power_re.match(text, core.end)
        found = (m.group("exp") or m.group("eexp") or m.group("zeros")) if m else None
    if m is None or found is None:
        return None
    power = int(found.replace("−", "-"))
    return (10.0 ** power, m.end()) if abs(power) <= MAX_POWER else None


def numeral_written_at(text: str, pos: int, lex: Lexicon, trailing_zeros: bool
                       ) -> Numeral | None:
    """The number written in digits at ``pos``, with its scale (``numeral_at``); None where
    no numeral starts there."""
    m = NUMERAL.match(text, pos)
    if m is None:
        return None
    num = parse_numeral(m.group(), lex.lang, trailing_zeros_significant=trailing_zeros)
    if num is None:
        return None
    return numeral_at(text, Core(m.start(), m.end(), num.value, num.step, False, False), lex,
                      trailing_zeros)


def numeral_at(text: str, core: Core, lex: Lexicon, trailing_zeros: bool) -> Numeral:
    """The number at ``core`` with its scale (see the module's docstring)."""
    value, step = core.value, core.step
    power = power_at(text, core, lex)
    if power is not None:
        if text.startswith("^", core.end):  # "10^18": the power is the number
            return Numeral(1.0, 1.0, power[0], power[1])
        return Numeral(value, step, power[0], power[1])
    pos = core.end
    split = _split_decimal(text, core, lex, trailing_zeros)
    if split is not None:
        value, step, pos = split
    scale = scale_at(text, pos, lex)
    typo = None
    if scale is None:
        misspelt = _misspelt_scale(text, pos, lex)
        if misspelt is None:
            return Numeral(core.value, core.step, 1.0, core.end)
        scale, typo = misspelt
    factor, end, scale_lang, needs_currency = scale
    if scale_lang and scale_lang != lex.lang and not core.words and split is None:
        num = parse_numeral(text[core.start:core.end], scale_lang,
                            trailing_zeros_significant=trailing_zeros)
        if num is not None:
            value, step = num.value, num.step
    if scale_lang is None:
        return Numeral(value, step, factor, end, needs_currency)
    last = factor
    while (more := scale_at(text, end, lex)) is not None and more[2] and more[0] > last:
        factor, end, last = factor * more[0], more[1], more[0]
    value, step, factor, end = _added(text, end, lex, (value, step, factor), trailing_zeros)
    return Numeral(value, step, factor, end, needs_currency, typo)


def _split_decimal(text: str, core: Core, lex: Lexicon,
                   tz: bool) -> tuple[float, float, int] | None:
    """(value, step, end) of "7, 2" in "Rp 7, 2 triliun": a decimal part split off by a
    space, read only when a scale word follows it."""
    if core.words or not text[core.start:core.end].isdigit():
        return None
    m = SPLIT_DECIMAL.match(text, core.end)
    if m is None or m.group("sep") != symbols(lex.lang)[0]:
        return None
    scale = scale_at(text, m.end(), lex)
    if (scale is None or scale[2] is None) and _misspelt_scale(text, m.end(), lex) is None:
        return None  # a scale word must follow, not an abbreviation: "7, 2 M" is no decimal
    num = parse_numeral(f"{text[core.start:core.end]}{m.group('sep')}{m.group('digits')}",
                        lex.lang, trailing_zeros_significant=tz)
    return None if num is None else (num.value, num.step, m.end())


def _added(text: str, end: int, lex: Lexicon, read: tuple[float, float, float],
           tz: bool) -> tuple[float, float, float, int]:
    """(value, step, factor, end) with a smaller part added: "272 milliards 250 millions",
    "2 miliar 500 juta"; else the amount ``read`` (value, step, factor) as it is."""
    value, step, factor = read
    m = ADDED.match(text, end)
    more = scale_at(text, m.end(), lex) if m else None
    if m is None or more is None or more[2] is None or more[0] >= factor:
        return value, step, factor, end
    num = parse_numeral(m.group("n"), lex.lang, trailing_zeros_significant=tz)
    if num is None or num.value * more[0] >= factor:
        return value, step, factor, end
    return value * factor / more[0] + num.value, num.step, more[0], more[1]


def _misspelt_scale(
    text: str, pos: int, lex: Lexicon
) -> tuple[tuple[float, int, Lang | None, bool], tuple[str, str]] | None:
    """A word after the number that is one edit from scale words of a single factor (an
    insertion, a deletion, a substitution or two letters swapped, the first two letters
    kept; of the document's language when some are): the scale it meant, and (as written, as
    meant)."""
    m = WORD_AFTER.match(text, pos)
    if m is None:
        return None
    written = m.group("word")
    key = written.lower()
    if key in lex.scale:
        return None
    meant = [word for word in _targets(lex).get(key[:2], ()) if _one_edit(key, word)]
    own = [word for word in meant if lex.scale[word][1] == lex.lang]
    meant = own or meant  # the document's own words first: "milliar" is "miliar" in Indonesian
    if len({lex.scale[word][0] for word in meant}) != 1:
        return None  # no word, or words of different values: no certain reading
    word = min(meant, key=lambda w: (lex.scale[w][1] != lex.lang, len(w), w))
    factor, lang = lex.scale[word]
    return (factor, m.end(), lang, False), (written, word)


@cache
def _targets(lex: Lexicon) -> dict[str, tuple[str, ...]]:
    """The scale words a slip may be read as, by their first two letters."""
    found: dict[str, list[str]] = {}
    for word in lex.scale:
        if len(word) >= MIN_TYPO_TARGET and word.isalpha():
            found.setdefault(word[:2], []).append(word)
    return {first: tuple(sorted(words)) for first, words in found.items()}


def _one_edit(a: str, b: str) -> bool:
    """Whether ``a`` is ``b`` with one letter inserted, deleted or changed, or two
    neighbouring letters swapped (and not ``b`` itself)."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        diff = [i for i, (x, y) in enumerate(zip(a, b, strict=True)) if x != y]
        return len(diff) == 1 or (len(diff) == 2 and diff[1] == diff[0] + 1
                                  and a[diff[0]] == b[diff[1]] and a[diff[1]] == b[diff[0]])
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    i = next((k for k, (x, y) in enumerate(zip(short, long_, strict=False)) if x != y),
             len(short))
    return short[i:] == long_[i + 1:]
