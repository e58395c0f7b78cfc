"""Period labels of claims records: "2024", "2024-02", "2024-02-29", "2024-Q3", "2024-H1",
and a span of two of them, "2023-01/2023-08".

A label resolves to its first and last day. Only these forms are accepted: a label is a
key that records are grouped by, so "2024-1" or "Q3 2024" are refused rather than guessed.
"""

from __future__ import annotations

import calendar
import re
from datetime import date
from functools import lru_cache

from factcheck.escaping import excerpt
from factcheck.model import Period

PERIOD_FORMS = "YYYY, YYYY-MM, YYYY-MM-DD, YYYY-Qn, YYYY-Hn or FROM/TO of two of them"
#: The JSON Schema pattern of a label (the dates themselves are checked by ``resolve``).
PATTERN = (r"^\d{4}(-(0[1-9]|1[0-2])(-\d{2})?|-Q[1-4]|-H[12])?"
           r"(/\d{4}(-(0[1-9]|1[0-2])(-\d{2})?|-Q[1-4]|-H[12])?)?$")
_ONE = re.compile(
    r"(?P<y>\d{4})(?:-(?:(?P<m>\d{2})(?:-(?P<d>\d{2}))?|Q(?P<q>[1-4])|H(?P<h>[12])))?")


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def _one(label: str) -> tuple[date, date]:
    m = _ONE.fullmatch(label)
    if m is None:
        raise ValueError(f"not a period: {excerpt(label)} (expected {PERIOD_FORMS})")
    year = int(m["y"])
    if year < 1:
        raise ValueError(f"not a period: {excerpt(label)} (year 0)")
    if m["q"] or m["h"]:
        size = 3 if m["q"] else 6
        n = int(m["q"] or m["h"])
        return date(year, size * (n - 1) + 1, 1), _month_end(year, size * n)
    if m["m"] is None:
        return date(year, 1, 1), date(year, 12, 31)
    month = int(m["m"])
    if not 1 <= month <= 12:
        raise ValueError(f"not a period: {excerpt(label)} (month {month})")
    if m["d"] is None:
        return date(year, month, 1), _month_end(year, month)
    try:
        day = date(year, month, int(m["d"]))
    except ValueError:
        raise ValueError(f"not a period: {excerpt(label)} (no such day)") from None
    return day, day


@lru_cache(maxsize=4096)
def resolve(label: str) -> tuple[date, date]:
    """First and last day of a period label; ``ValueError`` names what is wrong."""
    if not isinstance(label, str):
        raise ValueError(f"expected a period label ({PERIOD_FORMS})")
    first, sep, second = label.partition("/")
    start, end = _one(first)
    if sep:
        if "/" in second:
            raise ValueError(f"not a period: {excerpt(label)} (more than one '/')")
        second_start, end = _one(second)
        if second_start <= start:
            raise ValueError(f"not a period: {excerpt(label)} (the span ends before it starts)")
    return start, end


def period_of(label: str, valuation: date | None = None) -> Period:
    """The model's ``Period`` of a label; a valuation date, when given, overrides it as the
    day the figure is valued (a period ending that day)."""
    if valuation is not None:
        return Period(text=label, label=valuation.isoformat(), start=valuation, end=valuation)
    start, end = resolve(label)
    return Period(text=label, label=label, start=start, end=end)
