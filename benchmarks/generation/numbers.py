"""How writers print numbers: a language's number style, rounding or cutting off at the
precision a writer chooses, and the amounts they convert."""

from __future__ import annotations

import math
import random
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import ROUND_DOWN, ROUND_HALF_UP, Decimal
from typing import Any


@dataclass(frozen=True)
class NumberStyle:
    """How one article writes numbers."""

    decimal: str
    group: str
    group4: bool = True  # group four-digit numbers ("1.303") or not ("1303")

    def format(self, value: Decimal) -> str:
        text = format(value, "f")
        whole, _, frac = text.partition(".")
        if len(whole) > 4 or (len(whole) == 4 and self.group4):
            groups = []
            while len(whole) > 3:
                groups.append(whole[-3:])
                whole = whole[:-3]
            whole = self.group.join([whole, *reversed(groups)])
        return whole + (self.decimal + frac if frac else "")

    def parse(self, numeral: str) -> Decimal:
        whole, _, frac = numeral.partition(self.decimal)
        digits = "".join(ch for ch in whole if ch.isdigit())
        return Decimal(f"{digits}.{frac}" if frac else digits)

    def unit(self, numeral: str) -> Decimal:
        """The unit of the last significant printed digit (trailing integer zeros are not)."""
        if self.decimal in numeral:
            return Decimal(1).scaleb(-len(numeral.partition(self.decimal)[2]))
        digits = "".join(ch for ch in numeral if ch.isdigit())
        return Decimal(1).scaleb(len(digits) - len(digits.rstrip("0")))


def quantize(value: float, step: Decimal, truncate: bool) -> Decimal:
    """``value`` to a multiple of ``step``, rounded half up or cut off; trailing decimal zeros
    dropped the way writers drop them ("15,60" -> "15,6")."""
    mode = ROUND_DOWN if truncate else ROUND_HALF_UP
    result = (Decimal(repr(value)) / step).to_integral_value(rounding=mode) * step
    if result == result.to_integral_value():
        return result.quantize(Decimal(1)) if step < 1 else result
    return result.normalize()


def precision_step(mantissa: float, rng: random.Random) -> Decimal:
    """How precisely a writer prints a converted amount of this size (2-3 significant digits;
    whole numbers from 100 up, now and then rounded to tens)."""
    if mantissa >= 100:
        return Decimal(10) if rng.random() < 0.1 else Decimal(1)
    if mantissa >= 10:
        return Decimal(1) if rng.random() < 0.55 else Decimal("0.1")
    return Decimal("0.1") if rng.random() < 0.55 else Decimal("0.01")


def source_amount(rng: random.Random, currency: str) -> tuple[int, Decimal, Decimal]:
    """(power of ten, mantissa as printed, print step) of an amount a writer converts: 1-3
    significant digits, sized like the news amounts of that currency."""
    if currency == "IDR":
        exp, low, high = (12, 1.0, 500.0) if rng.random() < 0.6 else (9, 50.0, 999.0)
    elif currency == "JPY":
        exp, low, high = 9, 5.0, 999.0
    else:
        exp, low, high = (9, 1.0, 99.0) if rng.random() < 0.6 else (6, 10.0, 999.0)
    magnitude = math.exp(rng.uniform(math.log(low), math.log(high)))
    sig = rng.choices((1, 2, 3), weights=(0.25, 0.5, 0.25))[0]
    whole_digits = math.floor(math.log10(magnitude)) + 1
    step = max(Decimal(1).scaleb(whole_digits - sig), Decimal("0.01"))
    return exp, quantize(magnitude, step, truncate=False), step


def weighted(rng: random.Random, items: Sequence[Any], key: str = "w") -> Any:
    """One item of dicts carrying a weight under ``key``."""
    return rng.choices(list(items), weights=[float(item.get(key, 1)) for item in items])[0]


def pick(rng: random.Random, table: dict[str, float]) -> str:
    """One key of a table of weights."""
    keys = list(table)
    return str(rng.choices(keys, weights=[float(table[k]) for k in keys])[0])


def article_style(rng: random.Random, tpl: dict[str, Any], lang: str) -> NumberStyle:
    """The number style of one article: the language's decimal mark, one of its group
    separators, and (in French) grouping four-digit numbers or not."""
    return NumberStyle(
        decimal=tpl["number"]["decimal"],
        group=rng.choice(tpl["number"]["group"]),
        group4=lang != "fr" or rng.random() < 0.5,
    )
