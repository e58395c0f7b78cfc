"""What the printed X and Y of a ratio statement admit."""

from __future__ import annotations

from fractions import Fraction

from benchmarks.date_errors.articles import DatedArticle


def share_interval(article: DatedArticle) -> tuple[float, float]:
    """The shares X/Y the printed X and Y admit (each read as rounded at its last significant
    digit; trailing zeros of a whole number are not significant, as the extractor reads them)."""
    style = article.style
    x, ux = float(style.parse(article.part_numeral)), float(style.unit(article.part_numeral))
    y, uy = float(style.parse(article.whole_numeral)), float(style.unit(article.whole_numeral))
    return (x - ux / 2) / (y + uy / 2), (x + ux / 2) / (y - uy / 2)


def ratio_admitted(article: DatedArticle, key: str, qualified: bool) -> bool:
    """Whether the ratio ``key`` fits the printed X and Y, widened as AR001 widens it (10% with
    a qualifier, 5% for a bare fraction word)."""
    tolerance = 0.10 if qualified else 0.05
    value = float(Fraction(key))
    low, high = share_interval(article)
    return low <= value * (1 + tolerance) and value * (1 - tolerance) <= high
