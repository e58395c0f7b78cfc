"""Conversions as implied exchange rates.

A conversion "X (sekitar Y)" implies a rate Y/X. The figure being converted is taken as
printed; the converted figure admits rounding or truncation, [y - u/2, y + u) with u its
last digit's unit, its trailing zeros read as the pack says (``extract.precision``: by
default to at least two significant digits); a pack option takes the loosest reading,
both figures rounded. A converted figure given as a bound ("Rp 20 triliun lebih", "more
than $3 million", "nearly 5 milliards") admits every value from the bound to the next step
of its last non-zero digit on the side the qualifier opens ([20, 30) triliun): the writer
rounded towards the bound. Rates are oriented so that they are at least 1 (IDR per USD,
USD per EUR).

A range restated as a range ("HKD 4.000-5.000 atau sekitar 6-7 juta Rupiah") is two
conversions, end to end, each end read to its own printed precision (``range_ends``); a
range restated as one amount, or one amount as a range, admits every rate that takes some
value of the range to the amount ("SGD 600-800 (sekitar Rp 2 juta)": 1.875-5.000 IDR/SGD),
and no correction is offered for it (no one figure says which value was meant).
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace

from factcheck.extract.numbers import NUMERAL
from factcheck.extract.precision import DEFAULT_ZEROS, converted_step
from factcheck.model import Figure, Lang

LOWER_BOUNDS = frozenset({"more_than", "at_least"})  # the figure is at least its value
UPPER_BOUNDS = frozenset({"nearly", "up_to", "less_than"})  # at most its value


@dataclass(frozen=True)
class Conversion:
    """A conversion pair and the interval of rates (``quote`` per one ``base``) it admits."""

    source: Figure
    converted: Figure
    base: str
    quote: str
    low: float
    high: float
    point: float
    unit: float = 0.0  # the converted figure's last digit as read (0: its ``step``)
    zeros: str = DEFAULT_ZEROS  # how its trailing zeros were read (``extract.precision``)

    @property
    def converted_unit(self) -> float:
        return self.unit or self.converted.step

    def contains(self, rate: float, tolerance: float = 0.0) -> bool:
        return self.low * (1 - tolerance) <= rate <= self.high * (1 + tolerance)

    def distance(self, rate: float) -> float:
        """Relative distance from ``rate`` to the interval (0 inside), as a log ratio, so
        that it is the same whichever way the pair is quoted."""
        if rate < self.low:
            return math.log(self.low / rate)
        if rate > self.high:
            return math.log(rate / self.high)
        return 0.0

    def value_at(self, rate: float) -> float:
        """The converted figure's value at ``rate``."""
        per_source = rate if self.source.currency == self.base else 1 / rate
        return self.source.value * per_source


def implied(
    source: Figure, converted: Figure, loosest: bool = False, flip: bool | None = None,
    unit: float | None = None,
) -> Conversion | None:
    """The rate interval a conversion admits, or None if it cannot be read as one. The pair
    is quoted with the alphabetically first currency as base, turned round when ``flip``
    (None: when the rate is below 1); ``unit`` is the converted figure's last digit as read
    (``extract.precision``; its ``step`` when None)."""
    if source.value <= 0 or converted.value <= 0 or not source.currency or not converted.currency:
        return None
    if not same_per(source, converted):
        return None
    source_ends, converted_ends = range_ends(source), range_ends(converted)
    if ((source.qualifier == "range") != (source_ends is not None)
            or (converted.qualifier == "range") != (converted_ends is not None)
            or (source_ends is not None and converted_ends is not None)):
        return None  # a range whose ends are not read; two ranges are paired end to end
    y, u = converted.value, converted.step if unit is None else unit
    y_low, y_high = y - u / 2, (y + u / 2 if loosest else y + u)
    if converted_ends is not None:  # one amount as a range: any value of it
        first, second = converted_ends
        u = second.step
        y_low = first.value - first.step / 2
        y_high = second.value + (second.step / 2 if loosest else second.step)
    elif converted.qualifier in LOWER_BOUNDS:
        y_low, y_high = y, y + max(u, converted.step)
    elif converted.qualifier in UPPER_BOUNDS:
        y_low, y_high = y - max(u, converted.step), y
    x_low = x_high = source.value
    if source_ends is not None:  # a range as one amount: any value of it
        x_low, x_high = source_ends[0].value, source_ends[1].value
        if loosest:
            x_low, x_high = x_low - source_ends[0].step / 2, x_high + source_ends[1].step / 2
    elif loosest:
        x_low, x_high = source.value - source.step / 2, source.value + source.step / 2
    if y_low <= 0 or x_low <= 0:
        return None
    low, high, point = y_low / x_high, y_high / x_low, y / source.value
    base, quote = source.currency, converted.currency
    if base > quote:
        low, high, point, base, quote = 1 / high, 1 / low, 1 / point, quote, base
    if flip if flip is not None else point < 1:
        low, high, point, base, quote = 1 / high, 1 / low, 1 / point, quote, base
    return Conversion(source, converted, base, quote, low, high, point, u)


def same_per(source: Figure, converted: Figure) -> bool:
    """Whether two amounts of a pair count over the same time: the same ``per``, or one
    written once for both ("RM 1.800 atau setara dengan Rp 6 juta per bulan")."""
    return source.per == converted.per or None in (source.per, converted.per)


def range_ends(figure: Figure) -> tuple[Figure, Figure] | None:
    """A range's two ends as figures of their own, each to its printed precision and
    written as the range writes it ("HKD 4.000-5.000": "HKD 4.000" and "HKD 5.000"; "6-7
    juta Rupiah": "6 juta Rupiah" and "7 juta Rupiah"), with the range's id and place; None
    when ``figure`` is no range or its two numerals cannot be told apart."""
    if figure.qualifier != "range" or figure.range_first is None:
        return None
    numerals = list(NUMERAL.finditer(figure.text))
    if len(numerals) != 2:
        return None
    first, first_step = figure.range_first
    second, second_step = 2 * figure.value - first, min(figure.step, first_step)
    if not 0 < first < second or first_step <= 0 or second_step <= 0:
        return None
    before, after = figure.text[:numerals[0].start()], figure.text[numerals[1].end():]
    ends = []
    for numeral, value, step in ((numerals[0], first, first_step),
                                 (numerals[1], second, second_step)):
        ends.append(figure.model_copy(update={
            "text": before + numeral.group() + after, "value": value, "step": step,
            "low": value - step / 2, "high": value + step / 2, "qualifier": None,
            "range_first": None}))
    return ends[0], ends[1]


def paired_ends(source: Figure, converted: Figure) -> list[tuple[Figure, Figure]]:
    """The pairs of amounts a conversion pair compares: the pair itself, or a range's
    ends restated by a range's ends, end to end."""
    source_ends, converted_ends = range_ends(source), range_ends(converted)
    if source_ends is None or converted_ends is None:
        return [(source, converted)]
    return list(zip(source_ends, converted_ends, strict=True))


def document_conversions(figures: Sequence[Figure], by_id: Mapping[str, Figure],
                         loosest: bool = False, lang: Lang = "en",
                         zeros: str = DEFAULT_ZEROS) -> tuple[Conversion, ...]:
    """Every money conversion pair among ``figures`` (and every price restated in another
    currency: "$0.72 per litre (N1,152)"), in text order, each currency pair quoted one way
    (the way its median rate is at least 1), each converted figure read to the precision
    ``zeros`` gives its trailing zeros (``extract.precision``)."""
    pairs = []
    for f in figures:
        if f.equivalent_of and f.kind in ("money", "price"):
            source = by_id[f.equivalent_of]
            if (source.kind, source.unit) == (f.kind, f.unit) and source.currency != f.currency:
                pairs += paired_ends(source, f)
    units = [converted_step(f, lang, zeros) for _, f in pairs]
    raw = [(s, f, u, implied(s, f, loosest, flip=False, unit=u))
           for (s, f), u in zip(pairs, units, strict=True)]
    by_pair: dict[tuple[str, str], list[float]] = {}
    for _, _, _, c in raw:
        if c is not None:
            by_pair.setdefault((c.base, c.quote), []).append(c.point)
    flips = {key: sorted(points)[len(points) // 2] < 1 for key, points in by_pair.items()}
    out = []
    for s, f, u, c in raw:
        if c is not None:
            turned = implied(s, f, loosest, flip=flips[(c.base, c.quote)], unit=u)
            if turned is not None:
                out.append(replace(turned, zeros=zeros))
    return tuple(out)
