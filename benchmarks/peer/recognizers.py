"""Microsoft Recognizers-Text: the currency model (figures) and the number model (numerals)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

from benchmarks.harness.report import fmt_value
from benchmarks.peer.calls import Harness, NumeralFn, Tally, load_json, record
from benchmarks.peer.currencies import AMBIGUOUS, RECOGNIZERS_ISO, SUBUNITS, CurrencySpec
from benchmarks.peer.matching import CURRENCY_KINDS, Expected, close, match_case
from factcheck.model import Lang

RECOGNIZERS_LANGS: dict[str, Lang] = {"English": "en", "French": "fr"}


NON_DIGIT_LABEL = "words, scales, fractions (informational: not digit tokens)"


DIGIT_TOKEN = re.compile(r"^[+-]?\d[\d,.\s]*$")


def flagged(case: dict[str, Any], platform: str) -> bool:
    flags = f"{case.get('NotSupported', '')},{case.get('NotSupportedByDesign', '')}"
    return platform in {s.strip().lower() for s in flags.split(",")}


def parse_value(raw: object) -> float | None:
    """A Recognizers value string: either ',' or '.' is the decimal point (README)."""
    if raw is None:
        return None
    if isinstance(raw, int | float):
        return float(raw)
    s = str(raw).strip()
    if not s or s.lower() == "null":
        return None
    try:
        return float(s.replace(",", "."))
    except ValueError:
        return None


def recognizers_span(text: str, result: dict[str, Any]) -> tuple[int, int] | None:
    """Half-open span; ``End`` is inclusive and sometimes wrong or missing upstream."""
    surface = str(result.get("Text", ""))
    start, end = result.get("Start"), result.get("End")
    given = (start, end + 1) if isinstance(start, int) and isinstance(end, int) else None
    if given and text[given[0] : given[1]].lower() == surface.lower():
        return given
    idx = text.lower().find(surface.lower()) if surface else -1
    if idx >= 0:
        return idx, idx + len(surface)
    return given


def recognizers_currency_expected(
    text: str, result: dict[str, Any], supported: frozenset[str], subunits: Sequence[str]
) -> Expected | None:
    span = recognizers_span(text, result)
    if span is None:
        return None
    res = result.get("Resolution") or {}
    name = str(res.get("unit", ""))
    value = parse_value(res.get("value"))
    base = Expected(span[0], span[1], str(result.get("Text", "")), name, value=value)
    if value is None:
        return replace(base, scope="no value (bare unit mention)")
    iso = res.get("isoCurrency") or RECOGNIZERS_ISO.get(name)
    if iso:
        if iso not in supported:
            return replace(base, scope=f"unsupported currency {iso}")
        return replace(base, currency=CurrencySpec(iso, frozenset({iso})))
    if name in AMBIGUOUS:
        strict, family = AMBIGUOUS[name]
        spec = CurrencySpec(strict, family, accept_unknown=True)
        return replace(base, currency=spec, ambiguous=True)
    if name in SUBUNITS:
        if name not in subunits:
            return replace(base, scope=f"sub-unit {name}")
        strict, family = SUBUNITS[name]
        spec = CurrencySpec(strict, family, accept_unknown=True)
        return replace(base, value=value / 100, currency=spec, ambiguous=True)
    return replace(base, scope=f"unmapped unit {name}")


def run_recognizers_currency(
    h: Harness, peer: Path, supported: frozenset[str], subunits: dict[str, list[str]]
) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for folder, lang in RECOGNIZERS_LANGS.items():
        path = peer / "recognizers-text" / "NumberWithUnit" / folder / "CurrencyModel.json"
        if not path.exists():
            out[lang] = {"missing": str(path)}
            continue
        t = Tally()
        for case in load_json(path):
            text = str(case["Input"])
            if flagged(case, "dotnet"):
                t.skipped += 1
                continue
            exp = [
                e
                for r in case.get("Results", [])
                if (e := recognizers_currency_expected(text, r, supported, subunits[lang]))
            ]
            out_reasons = [e.scope for e in exp if e.scope not in ("in",) and e.value is not None]
            if out_reasons:
                t.out_of_scope += 1
                t.out_reasons.update(out_reasons)
                continue
            preds, error = h.call(text, lang)
            preds = [p for p in preds if p.kind in CURRENCY_KINDS]
            res = match_case(exp, preds)
            record(t, text, res, error)
            ambiguous = any(e.ambiguous for e in exp if e.scope == "in")
            if error is None:
                subset = "cases with an ambiguous currency" if ambiguous else "unambiguous cases"
                t.add_extra(subset, res.passed)
                strict = match_case(exp, preds, strict=True).passed
                t.add_extra("strict reading (Dollar=USD, Pound=GBP, Franc=CHF)", strict)
                if not flagged(case, "python"):
                    t.add_extra("cases the upstream Python port passes", res.passed)
        out[lang] = t.as_dict()
    return out


def _numeral_value(raw: object) -> float | None:
    """Read whatever parse_numeral returns: a number, an object with .value, or a tuple."""
    if raw is None or isinstance(raw, bool):
        return None
    if isinstance(raw, int | float):
        return float(raw)
    for attr in ("value", "number"):
        if hasattr(raw, attr):
            return _numeral_value(getattr(raw, attr))
    if isinstance(raw, tuple | list) and raw:
        return _numeral_value(raw[0])
    try:
        return float(raw)  # type: ignore[arg-type]  # Decimal, Fraction, numpy scalars
    except (TypeError, ValueError):
        return None


def run_recognizers_number(h: Harness, peer: Path) -> dict[str, Any]:
    out: dict[str, Any] = {}
    if h.parse_numeral is None:
        return {"unavailable": h.numeral_error or "parse_numeral not found"}
    for folder, lang in RECOGNIZERS_LANGS.items():
        path = peer / "recognizers-text" / "Number" / folder / "NumberModel.json"
        if not path.exists():
            out[lang] = {"missing": str(path)}
            continue
        t = Tally()
        for case in load_json(path):
            if flagged(case, "dotnet"):
                t.skipped += 1
                continue
            for r in case.get("Results", []):
                token = str(r.get("Text", ""))
                want = parse_value((r.get("Resolution") or {}).get("value"))
                digit = bool(DIGIT_TOKEN.match(token))
                got, error = _call_numeral(h.parse_numeral, token, lang)
                ok = error is None and close(got, want)
                if not digit:
                    t.out_of_scope += 1
                    t.out_reasons["not a digit token (informational)"] += 1
                    t.add_extra(NON_DIGIT_LABEL, ok)
                    continue
                t.in_scope += 1
                t.entities += 1
                t.passed += int(ok)
                t.exact += int(ok)
                t.entities_matched += int(ok)
                if error is not None:
                    t.exceptions += 1
                    t.fail("exception", token, error)
                elif not ok:
                    t.fail(
                        _numeral_cause(h.parse_numeral, token, lang, got, want),
                        token,
                        f"expected {fmt_value(want)}, got {fmt_value(got)}",
                    )
        out[lang] = t.as_dict()
    return out


def _numeral_cause(
    fn: NumeralFn, token: str, lang: Lang, got: float | None, want: float | None
) -> str:
    if token[:1] in "+-" and want is not None:
        unsigned, _ = _call_numeral(fn, token[1:].strip(), lang)
        if close(unsigned, abs(want)):
            return "sign not accepted"
    if got is None:
        return "no value (None)"
    if want and got and not close(got, want):
        return f"wrong value (x{got / want:.6g})"
    return "wrong value"


def _call_numeral(fn: NumeralFn, token: str, lang: Lang) -> tuple[float | None, str | None]:
    try:
        return _numeral_value(fn(token, lang)), None
    except Exception as exc:
        return None, f"{type(exc).__name__}: {exc}"
