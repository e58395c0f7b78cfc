"""What the printed figures of a conversion admit, and what in the article rules it out."""

from __future__ import annotations

from collections.abc import Collection

from benchmarks.conversion_errors.articles import Article
from benchmarks.generation.amounts import Conversion, amount_value, implied_interval
from benchmarks.generation.numbers import NumberStyle


def oriented(conv: Conversion, style: NumberStyle, base: str) -> tuple[float, float]:
    """The implied-rate interval of ``conv`` as units of the other currency per one ``base``."""
    low, high = implied_interval(conv, style)
    return (low, high) if conv.src.currency == base else (1.0 / high, 1.0 / low)


def ruled_out_by(article: Article, index: int, usable: Collection[int] | None = None) -> list[str]:
    """Which in-article evidence excludes conversion ``index`` as printed: the article's other
    conversions of the same currency pair ("siblings", FX001's ground; only those in
    ``usable`` when given) or its stated rate ("stated", FX004's)."""
    conv, style = article.conversions[index], article.style
    pair = {conv.src.currency, conv.dst.currency}
    base = conv.src.currency
    low, high = oriented(conv, style, base)
    reasons = []
    siblings = [
        oriented(other, style, base)
        for k, other in enumerate(article.conversions)
        if k != index
        and {other.src.currency, other.dst.currency} == pair
        and (usable is None or k in usable)
    ]
    if siblings:
        common = (max(s[0] for s in siblings), min(s[1] for s in siblings))
        if high < common[0] or low > common[1]:
            reasons.append("siblings")
    if (
        article.stated_pair
        and article.stated_numeral
        and set(article.stated_pair.split(">")) == pair
    ):
        rate = float(style.parse(article.stated_numeral))
        half = float(style.unit(article.stated_numeral)) / 2
        stated = (rate - half, rate + half)
        if article.stated_pair.split(">")[0] != base:
            stated = (1.0 / stated[1], 1.0 / stated[0])
        if high < stated[0] or low > stated[1]:
            reasons.append("stated")
    return reasons


def point_deviation(conv: Conversion, style: NumberStyle, rate: float) -> float:
    """The implied point rate of ``conv`` against ``rate``, relative."""
    implied = float(style.parse(conv.dst.numeral)) * 10.0**conv.dst.exp
    return abs(implied / amount_value(conv.src, style) / rate - 1.0)
