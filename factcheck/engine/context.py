"""What a check sees of one document: its figures, its conversions as implied-rate
intervals, its stated rates, valuation dates and the reference rates.

A conversion "X (sekitar Y)" implies a rate Y/X. The figure being converted is taken as
printed; the converted figure admits rounding or truncation, [y - u/2, y + u) with u its
last digit's unit (a pack option takes the loosest reading, both figures rounded). Rates
are oriented so that they are at least 1 (IDR per USD, USD per EUR).
"""

from __future__ import annotations

import hashlib
import math
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property
from typing import TYPE_CHECKING

from factcheck.engine.edits import figure_end, replacement
from factcheck.model import Document, Figure, Finding, Severity

if TYPE_CHECKING:
    from factcheck.engine.registry import Check
    from factcheck.normalise.fx import RateProvider, RateQuote


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
    source: Figure, converted: Figure, loosest: bool = False, flip: bool | None = None
) -> Conversion | None:
    """The rate interval a conversion admits, or None if it cannot be read as one. The pair
    is quoted with the alphabetically first currency as base, turned round when ``flip``
    (None: when the rate is below 1)."""
    if source.value <= 0 or converted.value <= 0 or not source.currency or not converted.currency:
        return None
    if "range" in (source.qualifier, converted.qualifier) or source.per != converted.per:
        return None
    y, u = converted.value, converted.step
    y_low, y_high = y - u / 2, (y + u / 2 if loosest else y + u)
    x_low = x_high = source.value
    if loosest:
        x_low, x_high = source.value - source.step / 2, source.value + source.step / 2
    if y_low <= 0 or x_low <= 0:
        return None
    low, high, point = y_low / x_high, y_high / x_low, y / source.value
    base, quote = source.currency, converted.currency
    if base > quote:
        low, high, point, base, quote = 1 / high, 1 / low, 1 / point, quote, base
    if flip if flip is not None else point < 1:
        low, high, point, base, quote = 1 / high, 1 / low, 1 / point, quote, base
    return Conversion(source, converted, base, quote, low, high, point)


@dataclass
class DocumentContext:
    """One document under audit."""

    document: Document
    figures: tuple[Figure, ...]
    rates: RateProvider | None = None
    loosest: bool = False
    memo: dict[str, object] = field(default_factory=dict)  # analyses shared by checks
    unavailable: dict[tuple[str, str, date], str] = field(default_factory=dict)
    paths: dict[str, str] = field(default_factory=dict)  # figure id -> file, when they differ
    _by_id: dict[str, Figure] = field(default_factory=dict)

    def figure(self, figure_id: str) -> Figure:
        if not self._by_id:
            self._by_id = {f.id: f for f in self.figures}
        return self._by_id[figure_id]

    @cached_property
    def conversions(self) -> tuple[Conversion, ...]:
        """Every money conversion pair of the document, in text order, each currency pair
        quoted one way (the way its median rate is at least 1)."""
        pairs = []
        for f in self.figures:
            if f.equivalent_of and f.kind == "money":
                source = self.figure(f.equivalent_of)
                if source.kind == "money" and source.currency != f.currency:
                    pairs.append((source, f))
        raw = [(s, f, implied(s, f, self.loosest, flip=False)) for s, f in pairs]
        by_pair: dict[tuple[str, str], list[float]] = {}
        for _, _, c in raw:
            if c is not None:
                by_pair.setdefault((c.base, c.quote), []).append(c.point)
        flips = {key: sorted(points)[len(points) // 2] < 1 for key, points in by_pair.items()}
        out = []
        for s, f, c in raw:
            if c is not None:
                turned = implied(s, f, self.loosest, flip=flips[(c.base, c.quote)])
                if turned is not None:
                    out.append(turned)
        return tuple(out)

    @cached_property
    def sentences(self) -> list[tuple[int, int]]:
        """The document's sentence spans (figures' ``sentence`` index into them)."""
        from factcheck.extract.sentences import sentence_spans

        return sentence_spans(self.document.text)

    @cached_property
    def stated_rates(self) -> tuple[Figure, ...]:
        return tuple(f for f in self.figures if f.kind == "rate" and f.currency and f.unit)

    def valuation_date(self, figure: Figure) -> date | None:
        """The publication date, or the end of a period that ended before it."""
        published = self.document.published
        period = figure.period
        if published is None:
            return None
        if period is not None and period.end is not None and period.end < published:
            return period.end
        return published

    def reference(self, base: str, quote: str, on: date | None) -> RateQuote | None:
        """The reference rate of ``quote`` per ``base`` on a date, or None if unavailable
        (why is kept in ``unavailable``, for the checks to report)."""
        if on is None or self.rates is None:
            return None
        from factcheck.normalise.fx import RateUnavailable

        try:
            return self.rates.rate(base, quote, on)
        except RateUnavailable as error:
            self.unavailable[(base, quote, on)] = str(error)
            return None

    def finding(
        self, check: type[Check], at: Figure, severity: Severity, message: str, *,
        figures: tuple[Figure, ...] = (), suggestion: str | None = None,
        evidence: dict[str, object] | None = None, corrects: bool = True,
    ) -> Finding:
        """A finding anchored at a figure, keyed for baselines by its content. ``corrects``:
        the suggestion is the anchored figure corrected, so it is the finding's exact edit
        where the file allows one (``engine.edits``); False when it is only a hint."""
        involved = figures or (at,)
        end = figure_end(self.document, at)
        path = self.paths.get(at.id, self.document.path)
        key = "|".join([check.code, path,
                         *sorted(f"{f.kind}:{f.currency}:{f.unit}:{f.value:.6g}"
                                 for f in involved)])
        return Finding(
            code=check.code, name=check.name, severity=severity, message=message,
            path=path, line=at.line, column=at.column,
            end_line=end[0] if end else None, end_column=end[1] if end else None,
            figures=tuple(f.id for f in involved), suggestion=suggestion,
            replacement=replacement(self.document, at, suggestion) if corrects else None,
            evidence=dict(evidence or {}),
            fingerprint=hashlib.sha256(key.encode("utf-8")).hexdigest()[:16],
        )
