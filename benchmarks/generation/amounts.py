"""Printed amounts and conversions, their templates, and the rates a printed conversion admits."""

from __future__ import annotations

import random
from dataclasses import dataclass
from decimal import Decimal
from functools import cache
from typing import Any

import yaml

from benchmarks.generation.numbers import NumberStyle, precision_step, quantize, source_amount
from benchmarks.harness.paths import ARTICLE_TEMPLATES


@cache
def templates(family: str, lang: str) -> dict[str, Any]:
    """The sentence templates and number style of one language (``<family>_<lang>.yaml``)."""
    path = ARTICLE_TEMPLATES / f"{family}_{lang}.yaml"
    data: dict[str, Any] = yaml.safe_load(path.read_text(encoding="utf-8"))
    return data


@dataclass(frozen=True)
class Amount:
    """A money amount as printed: numeral (in the article's number style), scale, format."""

    currency: str
    exp: int
    numeral: str
    template: str
    scales: str  # which scale-word set of the language ("words", "abbr")
    print_step: Decimal  # the precision the writer printed at, in mantissa units


@dataclass(frozen=True)
class Conversion:
    """One amount and its conversion (and, in the conversion set, the sentence holding them)."""

    src: Amount
    dst: Amount
    rate: float  # the rate the writer converted at (dst units per src unit)
    truncate: bool
    pair: str = ""  # pair template with {src} and {dst}
    sentence: str = ""  # sentence with the slot {pair}


def render_amount(amount: Amount, tpl: dict[str, Any], style: NumberStyle) -> str:
    """An amount as printed, with the scale word of the templates ``tpl``."""
    words = tpl["scales"][amount.scales][amount.exp]
    scale = words[1] if style.parse(amount.numeral) >= 2 else words[0]
    return str(amount.template.format(n=amount.numeral, s=scale))


def printed_conversion(
    rng: random.Random,
    tpl: dict[str, Any],
    style: NumberStyle,
    formats: dict[str, dict[str, Any]],
    pair: tuple[str, str],
    rate: float,
    truncate: bool,
) -> Conversion | None:
    """A source amount of ``pair[0]`` and its conversion to ``pair[1]`` at ``rate``, printed
    with two or three significant digits (rounded, or cut off when ``truncate``); None when
    the draw does not print sensibly."""
    base, quote = pair
    src_fmt, dst_fmt = formats[base], formats[quote]
    src_scales, dst_scales = src_fmt.get("scales", "words"), dst_fmt.get("scales", "words")
    src_exp, src_value, src_step = source_amount(rng, base)
    if src_exp not in tpl["scales"][src_scales] or src_value <= 0:
        return None
    value = float(src_value) * 10.0**src_exp * rate
    allowed = [e for e in tpl["exponents"].get(quote, [6, 9]) if e in tpl["scales"][dst_scales]]
    fitting = [e for e in allowed if value / 10.0**e >= 1.0]
    if not fitting:
        return None
    exp = max(fitting)
    mantissa = value / 10.0**exp
    if mantissa >= 10000:
        return None
    step = precision_step(mantissa, rng)
    printed = quantize(mantissa, step, truncate)
    if printed <= 0:
        return None
    numeral = style.format(printed)
    step = style.unit(numeral) if style.decimal in numeral else max(step, Decimal(1))
    return Conversion(
        src=Amount(base, src_exp, style.format(src_value), src_fmt["t"], src_scales, src_step),
        dst=Amount(quote, exp, numeral, dst_fmt["t"], dst_scales, step),
        rate=rate,
        truncate=truncate,
    )


def amount_value(amount: Amount, style: NumberStyle) -> float:
    return float(style.parse(amount.numeral)) * 10.0**amount.exp


def implied_interval(conv: Conversion, style: NumberStyle) -> tuple[float, float]:
    """The rates a writer may have used: source as printed, converted figure rounded or cut off
    ([x - u/2, x + u) with u the unit of its last significant digit)."""
    src = amount_value(conv.src, style)
    dst = float(style.parse(conv.dst.numeral))
    unit = float(style.unit(conv.dst.numeral))
    scale = 10.0**conv.dst.exp
    return (dst - unit / 2) * scale / src, (dst + unit) * scale / src


def gap(conv: Conversion, style: NumberStyle, rate: float) -> float:
    """How far the nearest admissible implied rate lies from ``rate``, relative to the larger
    of the two, so that it is the same whichever way the rate is quoted (USD/EUR or EUR/USD)."""
    low, high = implied_interval(conv, style)
    if low > rate:
        return 1.0 - rate / low
    if high < rate:
        return 1.0 - high / rate
    return 0.0
