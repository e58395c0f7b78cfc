"""quantulum3's test suites: quantities in our units, and strings that must not raise."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

from benchmarks.peer.calls import Harness, Tally, load_json, record
from benchmarks.peer.currencies import AMBIGUOUS, CurrencySpec
from benchmarks.peer.matching import QUANTULUM_KINDS, Expected, match_case

# quantulum3 unit name -> (our kind, our unit or ISO code, factor to our unit, tier)
QUANTULUM_UNITS: dict[str, tuple[str, str, float, str]] = {
    # core: what a money/quantity extractor for news must read
    "dollar": ("money", "Dollar", 1.0, "core"),
    "euro": ("money", "EUR", 1.0, "core"),
    "pound sterling": ("money", "GBP", 1.0, "core"),
    "percentage": ("percent", "", 0.01, "core"),
    "metre": ("quantity", "meter", 1.0, "core"),
    "kilometre": ("quantity", "meter", 1e3, "core"),
    "mile": ("quantity", "meter", 1609.344, "core"),
    "square kilometre": ("quantity", "square_meter", 1e6, "core"),
    "hectare": ("quantity", "square_meter", 1e4, "core"),
    "litre": ("quantity", "cubic_meter", 1e-3, "core"),
    "barrel": ("quantity", "cubic_meter", 0.158987294928, "core"),
    "kilogram": ("quantity", "kilogram", 1.0, "core"),
    "tonne": ("quantity", "kilogram", 1e3, "core"),
    "watt": ("quantity", "watt", 1.0, "core"),
    "kilowatt": ("quantity", "watt", 1e3, "core"),
    "megawatt": ("quantity", "watt", 1e6, "core"),
    "gigawatt": ("quantity", "watt", 1e9, "core"),
    # extended: other units that convert to our canonical units
    "centimetre": ("quantity", "meter", 1e-2, "extended"),
    "millimetre": ("quantity", "meter", 1e-3, "extended"),
    "nanometre": ("quantity", "meter", 1e-9, "extended"),
    "picometre": ("quantity", "meter", 1e-12, "extended"),
    "attometre": ("quantity", "meter", 1e-18, "extended"),
    "inch": ("quantity", "meter", 0.0254, "extended"),
    "foot": ("quantity", "meter", 0.3048, "extended"),
    "square metre": ("quantity", "square_meter", 1.0, "extended"),
    "square mile": ("quantity", "square_meter", 2589988.110336, "extended"),
    "cubic metre": ("quantity", "cubic_meter", 1.0, "extended"),
    "cubic kilometre": ("quantity", "cubic_meter", 1e9, "extended"),
    "cubic centimetre": ("quantity", "cubic_meter", 1e-6, "extended"),
    "centilitre": ("quantity", "cubic_meter", 1e-5, "extended"),
    "millilitre": ("quantity", "cubic_meter", 1e-6, "extended"),
    "gallon": ("quantity", "cubic_meter", 0.003785411784, "extended"),
    "gram": ("quantity", "kilogram", 1e-3, "extended"),
    "milligram": ("quantity", "kilogram", 1e-6, "extended"),
    "pound-mass": ("quantity", "kilogram", 0.45359237, "extended"),
    "watt hour": ("quantity", "joule", 3600.0, "extended"),
    "kilowatt hour": ("quantity", "joule", 3.6e6, "extended"),
    "megawatt hour": ("quantity", "joule", 3.6e9, "extended"),
    "gigawatt hour": ("quantity", "joule", 3.6e12, "extended"),
    "joule": ("quantity", "joule", 1.0, "extended"),
    "british thermal unit": ("quantity", "joule", 1055.05585262, "extended"),
}


# quantulum3 sub-unit -> (our sub-unit probe name, currency, factor)
QUANTULUM_SUBUNITS: dict[str, tuple[str, str, float]] = {
    "cent": ("Cent", "Dollar", 0.01),
    "penny": ("Penny", "GBP", 0.01),
    "dime": ("Dime", "Dollar", 0.1),
}


def quantulum_expected(
    text: str,
    q: dict[str, Any],
    supported: frozenset[str],
    subunits: Sequence[str],
    tiers: set[str],
) -> Expected:
    surface = str(q.get("surface", ""))
    start = text.find(surface)
    span = (start, start + len(surface)) if start >= 0 else (0, 0)
    name = str(q.get("unit", ""))
    value = float(q["value"])
    unc = q.get("uncertainty")
    base = Expected(span[0], span[1], surface, name)
    if name == "dimensionless":
        # A plain number: we must not put a figure there, and it is not ours to find.
        return replace(base, value=value, scope="dimensionless (plain number)", ignore_zone=False)
    spec = QUANTULUM_UNITS.get(name)
    if spec is None and name in QUANTULUM_SUBUNITS:
        probe, code, factor = QUANTULUM_SUBUNITS[name]
        if probe in subunits:
            spec = ("money", code, factor, "core")
    if spec is None:
        return replace(base, value=value, scope=f"unit {name}")
    kind, target, factor, tier = spec
    if tier not in tiers:
        return replace(base, value=value, scope=f"{tier} unit {name}")
    exp = replace(base, kind=kind, value=value * factor)
    if unc is not None:
        exp = replace(exp, low=(value - unc) * factor, high=(value + unc) * factor)
    if kind == "money":
        if target in AMBIGUOUS:
            strict, family = AMBIGUOUS[target]
            return replace(exp, currency=CurrencySpec(strict, family, accept_unknown=True))
        if target not in supported:
            return replace(exp, scope=f"unsupported currency {target}")
        return replace(exp, currency=CurrencySpec(target, frozenset({target})))
    if kind == "quantity":
        return replace(exp, unit=target)
    return exp


def run_quantulum(
    h: Harness, path: Path, supported: frozenset[str], subunits: Sequence[str]
) -> dict[str, Any]:
    if not path.exists():
        return {"missing": str(path)}
    cases = load_json(path)
    core = Tally()
    for case in cases:
        text = str(case["req"])
        exp_core = [quantulum_expected(text, q, supported, subunits, {"core"}) for q in case["res"]]
        exp_ext = [
            quantulum_expected(text, q, supported, subunits, {"core", "extended"})
            for q in case["res"]
        ]
        preds, error = h.call(text, "en")
        preds = [p for p in preds if p.kind in QUANTULUM_KINDS]

        def out_of(exp: list[Expected]) -> list[str]:
            return [e.scope for e in exp if e.scope != "in" and e.ignore_zone]

        if not out_of(exp_ext) and error is None:
            core.add_extra("extended units (cases)", match_case(exp_ext, preds).passed)
        reasons = out_of(exp_core)
        if reasons:
            core.out_of_scope += 1
            core.out_reasons.update(reasons)
            continue
        record(core, text, match_case(exp_core, preds), error)
    return core.as_dict()


def run_quantulum_errors(h: Harness, path: Path) -> dict[str, Any]:
    if not path.exists():
        return {"missing": str(path)}
    strings = [str(s) for s in load_json(path)]
    raised: list[dict[str, str]] = []
    for s in strings:
        _, error = h.call(s, "en")
        if error is not None:
            raised.append({"input": s, "error": error})
    return {"strings": len(strings), "raised": raised}
