"""The value of a claims record, in either form, read into one small typed tuple.

A string ("US$ 5 miliar", "$4.2 billion", "80 milliards de dollars") is read by the
extractor in the record's language and must hold exactly one money or quantity figure. A
mapping ``{amount, currency, unit}`` is taken as written: its interval comes from the
number's printed precision, the same rule as for text (trailing zeros before the decimal
point are not significant, so 5000000000 is 4.5e9-5.5e9 and 5.83e9 is 5.825e9-5.835e9).
"""

from __future__ import annotations

import re
from decimal import Decimal
from functools import cache, lru_cache
from typing import NamedTuple

from factcheck.escaping import excerpt
from factcheck.extract import ExtractOptions, bare_dollar, extract_text
from factcheck.extract.apostrophes import scanned_text
from factcheck.extract.cores import Amount as ScannedAmount
from factcheck.extract.intervals import interval, point_value
from factcheck.extract.lexicon import lexicon
from factcheck.extract.scanner import read_amounts
from factcheck.lang.loader import common
from factcheck.model import Lang

DEFAULT_OPTIONS = ExtractOptions()


class Amount(NamedTuple):
    """A record's value or equivalent, normalised (base units, like a ``Figure``)."""

    text: str
    kind: str  # "money" or "quantity"
    value: float
    low: float | None
    high: float | None
    step: float
    currency: str | None
    unit: str | None
    per: str | None
    qualifier: str | None
    scale_typo: tuple[str, str] | None = None  # a misspelt scale word (TX001)


@cache
def currency_codes() -> frozenset[str]:
    """The ISO 4217 codes the extractor knows (``lang/common/cldr_currencies.yaml``)."""
    return frozenset(common().cldr_currencies.codes)


def check_currency(code: str) -> str:
    if code in currency_codes():
        return code
    hint = f"; did you mean {excerpt(code.upper())}?" if code.upper() in currency_codes() else ""
    raise ValueError(f"unknown currency code {excerpt(code)} (expected an ISO 4217 code such as "
                     f"USD, EUR, IDR){hint}")


def read_text(text: str, lang: Lang, options: ExtractOptions | None = None) -> Amount:
    """The one money or quantity figure of ``text``; ``ValueError`` says why there is not
    exactly one. Cached per distinct string."""
    text = " ".join(text.split())  # a line break or tab inside a value is a space
    if options is None or options == DEFAULT_OPTIONS:
        return _read_default(text, lang)
    return _read(text, lang, options)


@lru_cache(maxsize=1 << 16)
def _read_default(text: str, lang: Lang) -> Amount:
    return _read(text, lang, DEFAULT_OPTIONS)


@lru_cache(maxsize=1 << 12)
def _read(text: str, lang: Lang, options: ExtractOptions) -> Amount:
    """The scanner alone when it finds one money or quantity amount (the rest of the
    extractor, pairs, carried currencies, periods and tense, cannot change a lone amount:
    five times faster); else the whole extractor, for the exact reading or error. A sign
    several currencies share ("$", "dollars") is decided as the extractor decides it for
    the first value written the same way (``_family_currency``)."""
    amounts = read_amounts(scanned_text(text), lexicon(lang), bare_dollar(options),
                           options.trailing_zeros_significant)
    if len(amounts) == 1 and amounts[0].kind in ("money", "quantity"):
        a = amounts[0]
        _alone(text, a.start, a.end, a.qualifier)
        currency = a.currency
        if a.kind == "money" and currency is None and a.candidates is not None:
            currency = _family_currency(text, lang, options)
        if a.kind == "quantity" or (currency is not None and currency in currency_codes()):
            return _scanned(text, a, currency, options)
    return _read_extracted(text, lang, options)


def _scanned(text: str, a: ScannedAmount, currency: str | None,
             options: ExtractOptions) -> Amount:
    low, high = interval(a.value, a.step, a.qualifier, options.approx_tolerance, a.range_first)
    return Amount(text.strip(), a.kind, point_value(a.value, a.range_first), low, high,
                  a.step, currency, a.unit, a.per, a.qualifier, a.scale_typo)


def _family_currency(text: str, lang: Lang, options: ExtractOptions) -> str | None:
    """The currency the extractor gives a lone amount written with a family sign, the same
    for every value written as ``text`` is but for its digits: what decides it is the
    sign, the words beside it and the date (a lone amount has no pair and no other amount
    to take evidence from). Found once per way of writing by the whole extractor, and only
    trusted when the extractor's reading of that first value is the scanner's with that
    currency (None: read every such value by the whole extractor)."""
    key = (_DIGIT.sub("0", text), lang, options)
    if key not in _FAMILY_CURRENCY:
        if len(_FAMILY_CURRENCY) >= MAX_WAYS_OF_WRITING:
            _FAMILY_CURRENCY.clear()
        _FAMILY_CURRENCY[key] = _decided(text, lang, options)
    return _FAMILY_CURRENCY[key]


def _decided(text: str, lang: Lang, options: ExtractOptions) -> str | None:
    try:
        extracted = _read_extracted(text, lang, options)
    except ValueError:
        return None
    scanned = read_amounts(scanned_text(text), lexicon(lang), bare_dollar(options),
                           options.trailing_zeros_significant)[0]
    same = _scanned(text, scanned, extracted.currency, options) == extracted
    return extracted.currency if same else None


_DIGIT = re.compile(r"\d")
MAX_WAYS_OF_WRITING = 1 << 14
_FAMILY_CURRENCY: dict[tuple[str, Lang, ExtractOptions], str | None] = {}


def _read_extracted(text: str, lang: Lang, options: ExtractOptions) -> Amount:
    figures = [f for f in extract_text(text, lang, options=options)]
    wanted = [f for f in figures if f.kind in ("money", "quantity")]
    if len(wanted) != 1 or len(figures) != 1:
        found = ", ".join(f"{excerpt(f.text)} ({f.kind})" for f in figures[:3]) or "no figure"
        found += f" and {len(figures) - 3} more" if len(figures) > 3 else ""
        raise ValueError(f"expected one amount with its currency or unit in {excerpt(text)} "
                         f"(read as {excerpt(lang)}), found {found}")
    f = wanted[0]
    _alone(text, f.start, f.end, f.qualifier)
    if f.kind == "money" and (f.currency is None or f.currency not in currency_codes()):
        raise ValueError(f"no known currency in {excerpt(text)}")
    return Amount(text.strip(), f.kind, f.value, f.low, f.high, f.step, f.currency, f.unit,
                  f.per, f.qualifier, f.scale_typo)


def _alone(text: str, start: int, end: int, qualifier: str | None) -> None:
    """A value is the amount alone: words before it only as its qualifier ("sekitar",
    "more than", "between"), nothing but punctuation after it."""
    before, after = text[:start].strip(" .,;:"), text[end:].strip(" .,;:")
    if after or (before and qualifier is None):
        extra = " ... ".join(p for p in (before, after) if p)
        raise ValueError(f"unexpected text {excerpt(extra)} around the amount in "
                         f"{excerpt(text)}: a value is one amount, such as 'US$ 5 miliar'")


def printed_step(amount: float) -> float:
    """The unit of the last significant digit of a number as written (trailing zeros
    before the decimal point not significant): 5000000000 -> 1e9, 4.2e9 -> 1e8."""
    if amount == 0:
        return 1.0
    exponent = Decimal(repr(float(amount))).normalize().as_tuple().exponent
    return 10.0 ** int(exponent)


def format_number(value: float, lang: Lang) -> str:
    """A number in the language's own separators, every digit kept ("16.200", "0,92")."""
    number = int(value) if float(value).is_integer() else value
    group = _thousands_group(lang)
    if isinstance(number, int) and number >= 0 and group is not None:
        return f"{number:,}".replace(",", group)  # as babel writes it, without its parsing
    from babel.numbers import format_decimal

    return str(format_decimal(number, locale=lang, decimal_quantization=False))


@cache
def _thousands_group(lang: Lang) -> str | None:
    """The language's group separator when babel writes whole numbers in groups of three
    with nothing around them (as for every language the tool reads), else None."""
    from babel.numbers import format_decimal, get_group_symbol

    group = str(get_group_symbol(locale=lang))
    probe = 1234567890
    written = format_decimal(probe, locale=lang, decimal_quantization=False)
    return group if written == f"{probe:,}".replace(",", group) else None


def check_unit(unit: str) -> tuple[float, str, str | None]:
    """(factor to the canonical unit, canonical unit, time denominator) of a pint unit."""
    from factcheck.normalise.units import canonical

    try:
        resolved = canonical(unit)
    except Exception:  # pint raises several kinds of error for an unknown expression
        raise ValueError(f"unknown unit {excerpt(unit)} (expected a pint unit such as "
                         "'gigawatt', 'barrel', 'metric_ton')") from None
    return resolved.factor, resolved.unit, resolved.per


def from_mapping(amount: float, currency: str | None, unit: str | None, lang: Lang,
                 tolerance: float = 0.0) -> Amount:
    """The ``{amount, currency, unit}`` form, validated (currency or unit, not both)."""
    if (currency is None) == (unit is None):
        raise ValueError("give either a currency or a unit")
    step = printed_step(amount)
    if currency is not None:
        check_currency(currency)
        low, high = interval(float(amount), step, None, tolerance)
        text = f"{currency} {format_number(amount, lang)}"
        return Amount(text, "money", float(amount), low, high, step, currency, None, None, None)
    assert unit is not None
    factor, canonical_unit, per = check_unit(unit)
    value, step = float(amount) * factor, step * factor
    low, high = interval(value, step, None, tolerance)
    text = f"{format_number(amount, lang)} {unit}"
    return Amount(text, "quantity", value, low, high, step, None, canonical_unit, per, None)


def widened(amount: Amount, tolerance: float) -> Amount:
    """The amount with its interval recomputed for a qualifier tolerance (0 inside a
    conversion pair, where "about" marks the rounding the precision already models)."""
    if amount.qualifier in (None, "range"):
        return amount
    low, high = interval(amount.value, amount.step, amount.qualifier, tolerance)
    return amount._replace(low=low, high=high)
