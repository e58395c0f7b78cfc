"""A finding's arithmetic spelled out from its ``evidence``, for people to read.

``explain(finding, names)`` turns the evidence dict a check wrote (intervals, implied
rates, reference rates and their dates, deviations) into labelled rows such as
``("Implied rate", "15,875 – 16,250 IDR/USD")``. Known keys get a label and a unit; an
unknown key is still shown, labelled from its name, so a check that adds evidence is
reported without a change here. ``names`` maps figure ids to their text ("f6" ->
"Rp 64 triliun") where the document is known. Nothing is computed beyond formatting.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from typing import Any

from factcheck.model import Finding

_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_SCALES = ((1e12, "trillion"), (1e9, "billion"), (1e6, "million"))
# evidence keys that are relative sizes (0.018 is 1.8%)
_RELATIVE = frozenset({"deviation", "distance", "excess", "relative_error"})
# evidence keys holding fractions people read as percentages
_PERCENT = frozenset({"computed_change", "stated_change", "share", "stated"})
# evidence keys that count things
_COUNTS = frozenset({"figures", "counts", "power_of_1000", "first_line", "factor"})
# keys folded into another row, or shown elsewhere on the page
_FOLDED = frozenset({"pair", "reference_date", "source", "stated_text", "unit", "period_label",
                     "period_start", "period_end", "first_line"})
_LABELS = {
    "implied_rate": "Rate this conversion implies",
    "implied_rates": "Rates the conversions imply",
    "common_rate": "Rate the article's other conversions agree on",
    "agreeing": "Conversions that agree",
    "deviation": "Off by",
    "distance": "Distance from the reference",
    "reference_rate": "Reference rate",
    "valuation_date": "Valuation date",
    "valuation_rate": "Reference rate on the valuation date",
    "fitting_dates": "Dates whose reference rate fits",
    "expected_rate": "Expected rate",
    "power_of_1000": "Scale slip",
    "stated_rate": "Rate stated in the text",
    "interval": "This record's value",
    "agreed": "Value the other sources agree on",
    "agreeing_records": "Records that agree",
    "record": "Record",
    "period": "Period",
    "wording": "Wording",
    "tense": "Tense",
    "published": "Published",
    "parts_sum": "Sum of the parts",
    "parts_at_least": "Parts add up to at least",
    "computed_change": "Change the values give",
    "stated_change": "Change stated",
    "first_path": "First seen in",
    "figures": "Figures it concerns",
    "counts": "Figures counted",
    "fx_date": "Conversion date",
    "source_value": "Value converted",
    "restated": "Restated value admits",
}


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


def _is_number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def _is_interval(value: Any) -> bool:
    return (isinstance(value, list | tuple) and len(value) == 2
            and all(v is None or _is_number(v) for v in value))


def interval(value: Any, unit: str = "", as_percent: bool = False) -> str:
    """``[low, high]`` as ``low – high unit`` (one number when both ends agree)."""
    ends = ["unbounded" if v is None else (percent(v) if as_percent else number(v))
            for v in value]
    text = ends[0] if ends[0] == ends[1] else f"{ends[0]} – {ends[1]}"
    return f"{text} {unit}".rstrip()


def value_text(key: str, value: Any, unit: str = "", names: Mapping[str, str] | None = None
               ) -> str:
    """Any JSON value of an evidence dict as text."""
    if value is None:
        return "none"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if _is_number(value):
        if key in _RELATIVE:
            return percent(float(value), signed=key == "deviation")
        if key in _PERCENT:
            return percent(float(value))
        if key == "power_of_1000":
            power = int(value)
            return f"×{1000 ** power:,}" if power >= 0 else f"×1/{1000 ** -power:,}"
        if key in _COUNTS:
            return f"{value:,}" if isinstance(value, int) else number(float(value))
        return f"{number(float(value))} {unit}".rstrip()
    if key in _COUNTS and isinstance(value, list | tuple):
        return ", ".join(value_text(key, v) for v in value)
    if _is_interval(value):
        return interval(value, unit, as_percent=key in _PERCENT)
    if isinstance(value, list | tuple):
        if len(value) == 2 and all(isinstance(v, str) and _DATE.fullmatch(v) for v in value):
            return _span(value)
        if all(isinstance(v, str) for v in value):
            return ", ".join((names or {}).get(v, v) for v in value)
        return "; ".join(value_text(key, v, unit, names) for v in value)
    if isinstance(value, dict):
        return "; ".join(f"{k}: {value_text(k, v, unit, names)}" for k, v in sorted(value.items()))
    return str(value)


def label(key: str) -> str:
    return _LABELS.get(key, key.replace("_", " ").capitalize())


def explain(finding: Finding, names: Mapping[str, str] | None = None,
            unit: str = "") -> list[tuple[str, str]]:
    """Labelled rows of the finding's arithmetic, in the evidence's own order; ``unit`` is
    the currency or unit of the figures involved, used for plain amounts."""
    ev = finding.evidence
    rate_unit = str(ev.get("pair", ""))
    amount_unit = str(ev.get("unit") or unit)
    rows: list[tuple[str, str]] = []
    for key, value in ev.items():
        if key in _FOLDED:
            continue
        is_rate = "rate" in key
        text = value_text(key, value, rate_unit if is_rate else amount_unit, names)
        if key == "reference_rate" and "reference_date" in ev:
            text += f" on {ev['reference_date']}"
            if ev.get("source"):
                text += f" ({ev['source']})"
        elif key == "valuation_rate" and "reference_date" in ev:
            text += f" (rate of {ev['reference_date']})"
        elif key == "stated_rate" and ev.get("stated_text"):
            text = f"{ev['stated_text']} = {text}"
        elif key == "period" and ev.get("period_start") and ev.get("period_end"):
            text += f" ({ev['period_start']} to {ev['period_end']})"
        elif key == "record" and ev.get("field"):
            continue  # shown with the field below
        elif key == "field" and ev.get("record"):
            text = f"{ev['record']}, field {value}"
        elif key == "first_path" and "first_line" in ev:
            text += f", line {ev['first_line']}"
        elif key == "fitting_dates" and isinstance(value, list):
            text = ", ".join(_span(v) for v in value) or "none"
        rows.append(("Record" if key == "field" and ev.get("record") else label(key), text))
    return rows


def _span(value: Any) -> str:
    if isinstance(value, list | tuple) and len(value) == 2:
        start, end = (str(v) for v in value)
        return start if start == end else f"{start} to {end}"
    return str(value)
