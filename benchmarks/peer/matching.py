"""Expected results in our conventions, our figures, and pairing them one to one per case."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field

from benchmarks.harness.report import fmt_value
from benchmarks.peer.currencies import CurrencySpec
from factcheck.model import Figure

REL_TOL = 1e-6


ABS_TOL = 1e-12


CURRENCY_KINDS = frozenset({"money", "price", "rate"})


QUANTULUM_KINDS = frozenset({"money", "percent", "quantity", "price", "rate"})


@dataclass(frozen=True)
class Expected:
    """One expected entity, converted to our conventions."""

    start: int
    end: int
    text: str
    label: str  # the peer's own unit name, for reports
    kind: str = "money"
    value: float | None = None
    low: float | None = None
    high: float | None = None
    currency: CurrencySpec | None = None
    unit: str | None = None
    ambiguous: bool = False
    scope: str = "in"  # "in", or why it is out of scope
    ignore_zone: bool = True  # out of scope: do our figures overlapping it not count?


@dataclass
class Pred:
    """The parts of a Figure that matching needs."""

    start: int
    end: int
    text: str
    kind: str
    value: float
    low: float | None
    high: float | None
    currency: str | None
    unit: str | None
    qualifier: str | None

    @classmethod
    def of(cls, f: Figure) -> Pred:
        return cls(
            start=f.start,
            end=f.end,
            text=f.text,
            kind=f.kind,
            value=f.value,
            low=f.low,
            high=f.high,
            currency=f.currency,
            unit=f.unit,
            qualifier=f.qualifier,
        )

    def describe(self) -> str:
        what = self.currency or self.unit or ""
        ranged = self.qualifier == "range"
        bounds = f" [{fmt_value(self.low)}, {fmt_value(self.high)}]" if ranged else ""
        shown = f"{self.kind} {fmt_value(self.value)}{bounds} {what} {self.text!r}"
        return shown.replace("  ", " ")


def close(a: float | None, b: float | None) -> bool:
    if a is None or b is None:
        return False
    return math.isclose(a, b, rel_tol=REL_TOL, abs_tol=ABS_TOL)


def overlaps(a0: int, a1: int, b0: int, b1: int) -> bool:
    return a0 < b1 and b0 < a1


_UNIT_ALIASES: dict[str, frozenset[str]] = {
    "meter": frozenset({"meter", "metre", "m"}),
    "kilogram": frozenset({"kilogram", "kg"}),
    "cubic_meter": frozenset({"cubic_meter", "cubic_metre", "meter**3", "m3", "m**3"}),
    "square_meter": frozenset({"square_meter", "square_metre", "meter**2", "m2", "m**2"}),
    "watt": frozenset({"watt", "w"}),
    "joule": frozenset({"joule", "j"}),
}


def unit_ok(expected: str | None, got: str | None) -> bool:
    if expected is None:
        return True
    if got is None:
        return False
    norm = got.strip().lower().replace(" ", "_")
    return norm in _UNIT_ALIASES.get(expected, frozenset({expected}))


def within(x: float | None, p: Pred) -> bool:
    """``x`` inside the figure's interval (with the relative tolerance)."""
    if x is None:
        return False
    slack = REL_TOL * abs(x) + ABS_TOL
    return (p.low is None or p.low - slack <= x) and (p.high is None or x <= p.high + slack)


def value_ok(e: Expected, p: Pred) -> bool:
    """Our ``value`` is the written amount (a range's midpoint) and ``low``/``high`` its
    interval, widened by the printed precision, so range ends are checked by containment."""
    if e.low is not None and e.high is not None:  # an expected range: midpoint +- half-width
        if not close(p.value, e.value):
            return False
        return p.qualifier != "range" or (within(e.low, p) and within(e.high, p))
    if close(p.value, e.value):
        return True
    # One end of a range figure: it and the other end (mirrored about the midpoint) must
    # both lie in the figure's interval.
    if p.qualifier == "range" and e.value is not None:
        return within(e.value, p) and within(2 * p.value - e.value, p)
    return False


def kind_ok(e: Expected, p: Pred) -> bool:
    if e.kind == "money":
        return p.kind in CURRENCY_KINDS
    return p.kind == e.kind


def pair_ok(e: Expected, p: Pred, *, strict: bool) -> bool:
    if not overlaps(e.start, e.end, p.start, p.end) or not kind_ok(e, p):
        return False
    if e.currency is not None and not e.currency.ok(p.currency, strict=strict):
        return False
    return unit_ok(e.unit, p.unit) and value_ok(e, p)


@dataclass
class CaseResult:
    passed: bool
    exact: bool
    matched: int
    scored: int
    spurious: int
    causes: list[tuple[str, str]] = field(default_factory=list)  # (cause, detail)


def match_case(
    expected: Sequence[Expected], preds: Sequence[Pred], *, strict: bool = False
) -> CaseResult:
    """Pair expected and predicted entities one to one (a range figure may take two)."""
    scored = [e for e in expected if e.scope == "in"]
    zones = [e for e in expected if e.scope != "in" and e.ignore_zone]
    capacity = [2 if p.qualifier == "range" else 1 for p in preds]
    pairs: list[tuple[Expected, Pred]] = []
    unmatched: list[Expected] = []
    for e in scored:
        candidates = [
            i for i, p in enumerate(preds) if capacity[i] > 0 and pair_ok(e, p, strict=strict)
        ]
        if not candidates:
            unmatched.append(e)
            continue
        exact = [i for i in candidates if (preds[i].start, preds[i].end) == (e.start, e.end)]
        best = (exact or candidates)[0]
        capacity[best] -= 1
        pairs.append((e, preds[best]))
    used = {id(p) for _, p in pairs}
    extras = [
        p
        for p in preds
        if id(p) not in used and not any(overlaps(z.start, z.end, p.start, p.end) for z in zones)
    ]
    causes = [diagnose(e, preds, strict=strict) for e in unmatched]
    # A figure on an expected entity that it failed to match is diagnosed there already.
    spurious = [
        p for p in extras if not any(overlaps(e.start, e.end, p.start, p.end) for e in unmatched)
    ]
    causes += [("spurious figure", p.describe()) for p in spurious]
    passed = not unmatched and not extras
    exact_span = passed and all((p.start, p.end) == (e.start, e.end) for e, p in pairs)
    if passed and not exact_span:
        for e, p in pairs:
            if (p.start, p.end) != (e.start, e.end):
                causes.append(("span differs", f"expected {e.text!r}, got {p.text!r}"))
    return CaseResult(passed, exact_span, len(pairs), len(scored), len(spurious), causes)


def diagnose(e: Expected, preds: Sequence[Pred], *, strict: bool) -> tuple[str, str]:
    """Why an expected entity found no partner."""
    want = f"{fmt_value(e.value)} {e.label}"
    near = [p for p in preds if overlaps(e.start, e.end, p.start, p.end)]
    if not near:
        return "missed", f"expected {e.text!r} = {want}"
    p = near[0]
    got = p.describe()
    if not kind_ok(e, p):
        return f"wrong kind ({p.kind})", f"expected {e.text!r} = {want}; got {got}"
    if e.currency is not None and not e.currency.ok(p.currency, strict=strict):
        return (
            f"wrong currency ({e.label} -> {p.currency})",
            f"expected {e.text!r} = {want}; got {got}",
        )
    if not unit_ok(e.unit, p.unit):
        return f"wrong unit ({e.unit} -> {p.unit})", f"expected {e.text!r} = {want}; got {got}"
    if not value_ok(e, p):
        if e.value and p.value and not close(p.value, e.value):
            ratio = p.value / e.value
            power = math.log10(abs(ratio)) if ratio else 0.0
            if ratio > 0 and close(power, round(power)) and round(power) != 0:
                return f"value off by 10^{round(power)}", f"expected {e.text!r} = {want}; got {got}"
            if close(-p.value, e.value):
                return "sign", f"expected {e.text!r} = {want}; got {got}"
        return "wrong value", f"expected {e.text!r} = {want}; got {got}"
    return "unmatched (figure taken by another result)", f"expected {e.text!r}; got {got}"
