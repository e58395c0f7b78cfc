"""A finding's arithmetic spelled out from its evidence, for people to read.

``explain(finding, names)`` formats the labelled readings the finding's evidence gives
(``factcheck.readings``: amounts, intervals, relative sizes, dates, figure names) as rows
such as ``("Rate this conversion implies", "15,875 – 16,250 IDR/USD")``. Each kind of
reading is written one way; what a value is, and its label, is the evidence's own
business, so a check that adds evidence is reported without a change here. ``names``
maps figure ids to their text ("f6" -> "Rp 64 triliun") where the document is known;
``unit`` is the currency or unit of the figures involved, for amounts given without one.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence

from factcheck.model import Finding
from factcheck.readings import (
    Amount,
    Amounts,
    Count,
    Counts,
    DateSpans,
    Fields,
    Names,
    Power,
    Reading,
    Records,
    Relative,
    Span,
    Spans,
    Text,
)

_SCALES = ((1e12, "trillion"), (1e9, "billion"), (1e6, "million"))


def number(value: float) -> str:
    """A number the way the messages print it: 6 significant digits, grouped; large
    values with a scale word (4.65 billion)."""
    if math.isinf(value):
        return "∞" if value > 0 else "−∞"
    if math.isnan(value):
        return "n/a"
    for scale, word in _SCALES:
        if abs(value) >= scale:
            return f"{value / scale:,.6g} {word}"
    return f"{value:,.6g}"


def percent(value: float, signed: bool = False) -> str:
    text = f"{abs(value) * 100:.3g}%"
    if not signed or value == 0:
        return text
    return ("+" if value > 0 else "−") + text


def interval(value: Sequence[float | None], unit: str = "", as_percent: bool = False) -> str:
    """``[low, high]`` as ``low – high unit`` (one number when both ends agree)."""
    ends = ["unbounded" if v is None else (percent(v) if as_percent else number(v))
            for v in value]
    text = ends[0] if ends[0] == ends[1] else f"{ends[0]} – {ends[1]}"
    return f"{text} {unit}".rstrip()


def _span(start: str, end: str) -> str:
    return start if start == end else f"{start} to {end}"


def _count(value: float) -> str:
    return f"{value:,}" if isinstance(value, int) else number(float(value))


def reading_text(reading: Reading, unit: str = "", names: Mapping[str, str] | None = None
                 ) -> str:
    """One reading as text; ``unit`` stands for an amount's unit when it gives none."""
    match reading:
        case Amount(value, own, before, after):
            amount = f"{number(float(value))} {unit if own is None else own}".rstrip()
            return f"{before}{amount}{after}"
        case Amounts(values, own):
            return "; ".join(f"{number(float(v))} {unit if own is None else own}".rstrip()
                             for v in values)
        case Span(low, high, own, as_percent):
            return interval((low, high), unit if own is None else own, as_percent)
        case Spans(spans):
            return "; ".join(reading_text(s, unit, names) for s in spans)
        case Relative(value, signed):
            return percent(float(value), signed=signed)
        case Count(value):
            return _count(value)
        case Counts(values):
            return ", ".join(_count(v) for v in values)
        case Power(power):
            return f"×{10 ** power:,}" if power >= 0 else f"×1/{10 ** -power:,}"
        case DateSpans(spans, empty):
            return ", ".join(_span(start, end) for start, end in spans) or empty
        case Names(items):
            return ", ".join((names or {}).get(v, v) for v in items)
        case Text(text):
            return text
        case Fields(named):
            return "; ".join(f"{name}: {reading_text(r, unit, names)}" for name, r in named)
        case Records(items):
            return "; ".join(reading_text(item, unit, names) for item in items)
    raise TypeError(f"not a reading: {reading!r}")


def explain(finding: Finding, names: Mapping[str, str] | None = None,
            unit: str = "") -> list[tuple[str, str]]:
    """Labelled rows of the finding's arithmetic, in the evidence's own order."""
    return [(label, reading_text(reading, unit, names))
            for label, reading in finding.evidence.rows()]
