"""The conversion set's mutations: the kinds as data, and one mutator per kind."""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass, replace
from decimal import Decimal
from functools import partial
from typing import Any

from benchmarks.conversion_errors.arithmetic import point_deviation
from benchmarks.conversion_errors.articles import FAMILY, Article, printed
from benchmarks.conversion_errors.generator import SEED
from benchmarks.generation.amounts import Amount, Conversion, amount_value, gap, templates
from benchmarks.generation.numbers import NumberStyle, quantize
from benchmarks.harness.auditing import FX_CODES
from benchmarks.harness.mutation_sets import MutationKind
from benchmarks.harness.rates import Rates

THRESHOLD = 0.03  # a mutation of 3% or more: every reading of the print is that far off
SIZES_A: tuple[int, ...] = (2, 3, 5, 8, 10, 15)
KINDS: tuple[MutationKind, ...] = (
    MutationKind("a", "converted figure off by p%", FX_CODES),
    MutationKind("b", "scale word swapped", FX_CODES),
    MutationKind("c", "adjacent digits transposed", FX_CODES),
    MutationKind("d", "converted at the rate of a year earlier", FX_CODES),
    MutationKind("e", "decimal comma read as thousands separator", FX_CODES),
    MutationKind("f", "source figure off by 10%", FX_CODES),
)


@dataclass(frozen=True)
class Mutation:
    """One article with one conversion changed, and which figure changed."""

    id: str
    kind: str
    label: str  # "a5", "b", ...
    article: Article
    conversion: int
    role: str  # "src" or "dst"
    before: str
    after: str
    size: float  # implied point rate vs the article's rate
    gap: float  # nearest admissible implied rate vs the article's rate

    def describe(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "kind": self.kind,
            "label": self.label,
            "lang": self.article.lang,
            "role": self.role,
            "before": self.before,
            "after": self.after,
            "size": round(self.size, 5),
            "gap": round(self.gap, 5),
            "published": self.article.published.isoformat(),
        }


def _reprint(amount: Amount, mantissa: float, style: NumberStyle, truncate: bool) -> Amount | None:
    if mantissa < 1.0:
        return None
    numeral = style.format(quantize(mantissa, amount.print_step, truncate))
    return None if numeral == amount.numeral else replace(amount, numeral=numeral)


def _mutate_a(art: Article, i: int, *, p: int, rng: random.Random) -> Conversion | None:
    conv = art.conversions[i]
    exact = amount_value(conv.src, art.style) * conv.rate / 10.0**conv.dst.exp
    sign = rng.choice((-1, 1))
    dst = _reprint(conv.dst, exact * (1 + sign * p / 100), art.style, conv.truncate)
    return None if dst is None else replace(conv, dst=dst)


def _mutate_b(art: Article, i: int, rng: random.Random) -> Conversion | None:
    conv = art.conversions[i]
    available = templates(FAMILY, art.lang)["scales"][conv.dst.scales]
    preferred = {12: [9], 9: [12, 6] if conv.dst.currency == "IDR" else [6, 12], 6: [9]}
    options = [e for e in preferred[conv.dst.exp] if e in available]
    if not options:
        return None
    exp = options[0] if len(options) == 1 or rng.random() < 0.7 else options[1]
    return replace(conv, dst=replace(conv.dst, exp=exp))


def _mutate_c(art: Article, i: int, rng: random.Random) -> Conversion | None:
    conv, style = art.conversions[i], art.style
    numeral = conv.dst.numeral
    old = style.parse(numeral)
    choices = []
    for k in range(len(numeral) - 1):
        a, b = numeral[k], numeral[k + 1]
        if not (a.isdigit() and b.isdigit()) or a == b or (k == 0 and b == "0"):
            continue
        swapped = numeral[:k] + b + a + numeral[k + 2 :]
        if abs(float(style.parse(swapped) / old) - 1.0) >= THRESHOLD:
            choices.append(swapped)
    if not choices:
        return None
    return replace(conv, dst=replace(conv.dst, numeral=rng.choice(choices)))


def _mutate_d(art: Article, i: int, rates: Rates) -> Conversion | None:
    conv = art.conversions[i]
    try:
        earlier = art.published.replace(year=art.published.year - 1)
    except ValueError:  # 29 February
        earlier = art.published.replace(year=art.published.year - 1, day=28)
    currencies = [conv.src.currency, conv.dst.currency]
    day = rates.business_day_on_or_before(earlier, currencies)
    if day is None:
        return None
    old = rates.rate(conv.src.currency, conv.dst.currency, day)
    if abs(old / conv.rate - 1.0) < THRESHOLD:
        return None
    exact = amount_value(conv.src, art.style) * old / 10.0**conv.dst.exp
    dst = _reprint(conv.dst, exact, art.style, conv.truncate)
    return None if dst is None else replace(conv, dst=dst)


def _mutate_e(art: Article, i: int) -> Conversion | None:
    conv, style = art.conversions[i], art.style
    whole, sep, frac = conv.dst.numeral.partition(style.decimal)
    if not sep or len(frac) != 1:
        return None
    numeral = style.format(Decimal("".join(ch for ch in whole if ch.isdigit()) + frac))
    return replace(conv, dst=replace(conv.dst, numeral=numeral, print_step=Decimal(1)))


def _mutate_f(art: Article, i: int, rng: random.Random) -> Conversion | None:
    conv, style = art.conversions[i], art.style
    old = float(style.parse(conv.src.numeral))
    target = old * (1 + rng.choice((-1, 1)) * 0.10)
    for step in (conv.src.print_step, conv.src.print_step / 10, conv.src.print_step / 100):
        numeral = style.format(quantize(target, step, truncate=False))
        change = abs(float(style.parse(numeral)) / old - 1.0)
        if numeral != conv.src.numeral and 0.07 <= change <= 0.13:
            return replace(conv, src=replace(conv.src, numeral=numeral, print_step=step))
    return None


Maker = Callable[[int], Conversion | None]
Makers = list[tuple[str, str, str, Maker]]


def _makers(article: Article, rates: Rates, rng: random.Random) -> Makers:
    """(kind, label, role of the changed figure, mutator of conversion i), in order."""
    return [
        *(("a", f"a{p}", "dst", partial(_mutate_a, article, p=p, rng=rng)) for p in SIZES_A),
        ("b", "b", "dst", lambda i: _mutate_b(article, i, rng)),
        ("c", "c", "dst", lambda i: _mutate_c(article, i, rng)),
        ("d", "d", "dst", lambda i: _mutate_d(article, i, rates)),
        ("e", "e", "dst", lambda i: _mutate_e(article, i)),
        ("f", "f", "src", lambda i: _mutate_f(article, i, rng)),
    ]


def mutations(article: Article, rates: Rates, seed: int = SEED) -> list[Mutation]:
    """Every mutation of ``article`` that applies (at most one per label)."""
    rng = random.Random(f"{seed}:mutate:{article.id}")
    out: list[Mutation] = []
    for kind, label, role, make in _makers(article, rates, rng):
        order = list(range(len(article.conversions)))
        rng.shuffle(order)
        for index in order:
            conv = make(index)
            if conv is None:
                continue
            convs = list(article.conversions)
            convs[index] = conv
            old, new = getattr(article.conversions[index], role), getattr(conv, role)
            style, rate = article.style, article.conversions[index].rate
            out.append(
                Mutation(
                    id=f"{article.id}-{label}",
                    kind=kind,
                    label=label,
                    article=replace(article, conversions=tuple(convs)),
                    conversion=index,
                    role=role,
                    before=printed(old, article.lang, style),
                    after=printed(new, article.lang, style),
                    size=point_deviation(conv, style, rate),
                    gap=gap(conv, style, rate),
                )
            )
            break
    return out
