"""Locale-aware reading of a written number ("1.303", "5,83", "1 200", "14.306,5").

The decimal and group symbols come from babel's CLDR data for the language. The other of
"." and "," is accepted as a group symbol too, and a space-like group symbol stands for
all space characters. An ambiguous token (one "." or "," followed by exactly three
digits) is a group in the language whose group symbol it is and a decimal elsewhere; the
caller passes the language of the figure's context (the scale word's language, say).
Indian grouping ("3,12,500": pairs of digits before the last three) is read where it is the
only reading, and Swiss grouping with an apostrophe ("84'200", "1’250’000": CLDR's de_CH and
fr_CH group symbol, ``common/typography.yaml``) in a text of any language: an apostrophe
between a digit and exactly three digits is no elision or quote.

A numeral of more than ``MAX_DIGITS`` significant digits and decimals is not read as a
number: its figure is scaled by words and units, divided by others and summed, and every
such result must stay a finite float (a float overflows past 309 digits). No figure is
written with fifty digits; an identifier or a run of digits may be.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache
from typing import NamedTuple

from factcheck.model import Lang

SPACES = " \u00a0\u202f\u2009"
#: The most digits (without leading zeros) and decimals a numeral read as a number has.
MAX_DIGITS = 50


def _group_apostrophes() -> str:
    """The apostrophes that group digits in Swiss copy (``common/typography.yaml``), as a
    regex character class body."""
    from factcheck.lang.loader import common

    return "".join(re.escape(c) for c in common().typography.digit_group_apostrophes)


APOSTROPHES = _group_apostrophes()
_APOSTROPHE_GROUP = (rf"|(?:[{APOSTROPHES}]\d{{3}}(?!\d|[{APOSTROPHES}][^\d]))"
                     if APOSTROPHES else "")
NUMERAL = re.compile(
    rf"\d+(?:(?:[.,]\d+)|(?:[ \u00a0\u202f\u2009]\d{{3}}(?!\d)){_APOSTROPHE_GROUP})*")
_PIECES = re.compile(rf"(\d+)([., \u00a0\u202f\u2009{APOSTROPHES}]?)")


class Numeral(NamedTuple):
    """A parsed number: its value, the unit of its last significant digit, and how many
    digits it has after the decimal symbol."""

    value: float
    step: float
    decimals: int


@cache
def symbols(lang: Lang) -> tuple[str, str]:
    """(decimal symbol, group symbol) of a language, from CLDR."""
    from factcheck.lang.cldr_data import number_symbols

    return number_symbols(lang)


def _groups_valid(groups: list[str], seps: list[str]) -> bool:
    """Thousands groups ("1.303.000"), or the Indian grouping with commas: the last three
    digits, then pairs ("3,12,500", "7,46,651", "12,34,567")."""
    if 1 <= len(groups[0]) <= 3 and all(len(g) == 3 for g in groups[1:]):
        return True
    return (len(groups) >= 3 and set(seps) == {","} and 1 <= len(groups[0]) <= 2
            and all(len(g) == 2 for g in groups[1:-1]) and len(groups[-1]) == 3)


def parse_numeral(
    token: str, lang: Lang, *, trailing_zeros_significant: bool = False
) -> Numeral | None:
    """Read a digit token in the conventions of ``lang``; None if it is not one number
    (a token too long to be one is refused before it is parsed or cached).

    >>> parse_numeral("1.303", "id").value, parse_numeral("1.303", "en").value
    (1303.0, 1.303)
    """
    if len(token) > 3 * MAX_DIGITS:
        return None
    return _parse_numeral(token, lang, trailing_zeros_significant)


@lru_cache(maxsize=65536)
def _parse_numeral(token: str, lang: Lang, trailing_zeros_significant: bool
                   ) -> Numeral | None:
    if token[:1] in ("-", "+", "−"):
        unsigned = parse_numeral(token[1:], lang,
                                 trailing_zeros_significant=trailing_zeros_significant)
        if unsigned is None or token[0] == "+":
            return unsigned
        return Numeral(-unsigned.value, unsigned.step, unsigned.decimals)
    if not token or not token[0].isdigit() or not token[-1].isdigit():
        return None
    decimal = symbols(lang)[0]
    pieces = _PIECES.findall(token)
    digits = [d for d, _ in pieces]
    seps = [("space" if s in SPACES else "apostrophe" if s in APOSTROPHES else s)
            for _, s in pieces[:-1]]
    if any(s == "" for s in seps):
        return None
    kinds = set(seps)
    decimal_at: int | None = None
    if "apostrophe" in kinds:  # Swiss grouping ("1'250'000", "1'250.50"): never a decimal
        decimal_at = None if seps[-1] == "apostrophe" else len(seps) - 1
        groups = seps if decimal_at is None else seps[:-1]
        if set(groups) != {"apostrophe"} or seps[-1] == "space" or not _groups_valid(
                digits[:len(groups) + 1], groups):
            return None
    elif len(kinds) > 1:
        last = seps[-1]
        if last == "space" or seps.count(last) > 1:
            return None
        decimal_at = len(seps) - 1
        if not _groups_valid(digits[: decimal_at + 1], seps[:decimal_at]):
            return None
    elif len(seps) > 1 or seps == ["space"]:
        if not _groups_valid(digits, seps):
            return None
    elif seps:
        ambiguous = len(digits[1]) == 3 and len(digits[0]) <= 3
        if seps[0] == decimal or not ambiguous:
            decimal_at = 0
    integer = "".join(digits if decimal_at is None else digits[: decimal_at + 1])
    fraction = "" if decimal_at is None else "".join(digits[decimal_at + 1 :])
    if len(integer.lstrip("0")) > MAX_DIGITS or len(fraction) > MAX_DIGITS:
        return None
    value = float(f"{integer}.{fraction}" if fraction else integer)
    if fraction:
        step = 10.0 ** -len(fraction)
    elif trailing_zeros_significant or value == 0:
        step = 1.0
    else:
        stripped = integer.rstrip("0")
        step = 10.0 ** (len(integer) - len(stripped))
    return Numeral(value, step, len(fraction))
