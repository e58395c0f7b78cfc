"""Peer conformance: run our extractor on other extractors' public test suites.

The suites live outside the repository, in ``../shared/peer`` (or ``$FACTCHECK_SHARED/peer``),
and are read at run time only; nothing from them is copied into the project. Their schemas
and quirks are described in ``../shared/peer/README.md``. Suites measured here:

``recognizers.currency``
    Microsoft Recognizers-Text ``NumberWithUnit/{English,French}/CurrencyModel.json``.
    Cases flagged ``NotSupported``/``NotSupportedByDesign`` for ``dotnet`` are skipped (the
    reference implementation fails them). An expected result is *in scope* when it has a
    value and its currency maps to an ISO 4217 code we support (one with an ECB reference
    rate in ``currencyconverter``, the product's FX source). Results with a ``null`` value
    (a bare "dollar") are dropped and our figures overlapping them are ignored. The
    ambiguous names ``Dollar``, ``Pound``/``Livre``, ``Franc`` and ``Rupee``/``Roupie``
    accept any currency of that family or an unknown (``None``) currency; a *strict* line
    reads them as USD, GBP, CHF and INR. Sub-units (``Cent``, ``Pence``, ``Centimes`` ...)
    are in scope only when a probe shows that the extractor reads them (as 1/100 of the
    main unit). A case is in scope when all its expected results are; it *passes* when
    our currency figures (kind money, price or rate) and the expected results pair up one
    to one by span overlap, value (relative 1e-6) and currency; a range figure may
    stand for both of its bounds. *Exact span* also requires identical offsets.
``recognizers.number``
    ``Number/{English,French}/NumberModel.json``, numeral parsing only, because plain
    numbers are not emitted as figures: each expected result whose text is a digit token
    (``^[+-]?\\d[\\d,.\\s]*$``) is given to ``factcheck.extract.numbers.parse_numeral``.
    Other results (number words, scale words, fractions) are tried too but reported as
    informational only.
``quantulum3`` / ``quantulum3.ambiguity``
    ``quantities.json`` and ``quantities.ambiguity.json`` (English). ``dimensionless``
    results are plain numbers: out of scope, and a figure of ours on one is spurious.
    Core scope: currencies we support and metre, kilometre, mile, square kilometre,
    hectare, litre, barrel, kilogram, tonne, watt (k/M/G) and percent; *extended* adds
    other length, area, volume, mass and energy units that convert to our canonical
    units. Values are converted to our units (10 km -> 10000 meter; 35 % -> 0.35);
    ranges (midpoint +- uncertainty) compare with our ``low``/``high``.
``quantulum3.errors``
    ``errors.json``: the extractor must not raise on these strings.

Every call also checks the output contract: ``figure.text == text[start:end]`` and
figures sorted by ``start``. Exceptions are recorded, never propagated.

Run ``python benchmarks/peer_conformance.py`` (``--examples N``, ``--json FILE``).
``run()`` returns the summary as a JSON-serialisable dict (used by
``tests/extract/test_peer_conformance.py``).
"""

from __future__ import annotations

import argparse
import json
import math
import os
import re
import sys
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

if TYPE_CHECKING:
    from factcheck.model import Figure

REPO_ROOT = Path(__file__).resolve().parents[1]
if str(REPO_ROOT) not in sys.path:
    sys.path.insert(0, str(REPO_ROOT))

LangCode = Literal["id", "fr", "en"]
ExtractFn = Callable[[str, LangCode], Sequence["Figure"]]
NumeralFn = Callable[[str, LangCode], object]

REL_TOL = 1e-6
ABS_TOL = 1e-12
TARGET_CURRENCY_RATE = 0.90
CURRENCY_KINDS = frozenset({"money", "price", "rate"})
QUANTULUM_KINDS = frozenset({"money", "percent", "quantity", "price", "rate"})
RECOGNIZERS_LANGS: dict[str, LangCode] = {"English": "en", "French": "fr"}
NON_DIGIT_LABEL = "words, scales, fractions (informational: not digit tokens)"
DIGIT_TOKEN = re.compile(r"^[+-]?\d[\d,.\s]*$")

# ---------------------------------------------------------------------------------------
# Where the peer data is
# ---------------------------------------------------------------------------------------


def peer_dir() -> Path | None:
    """The peer suites folder: ``$FACTCHECK_SHARED/peer`` if set, else ``<repo>/../shared/peer``."""
    env = os.environ.get("FACTCHECK_SHARED")
    path = Path(env) / "peer" if env else REPO_ROOT.parent / "shared" / "peer"
    return path if path.is_dir() else None


def _load_json(path: Path) -> Any:
    with path.open(encoding="utf-8-sig") as fh:
        return json.load(fh)


# ---------------------------------------------------------------------------------------
# Currencies
# ---------------------------------------------------------------------------------------

_ECB_FALLBACK = (
    "AUD BGN BRL CAD CHF CNY CYP CZK DKK EEK EUR GBP HKD HRK HUF IDR ILS INR ISK JPY KRW LTL "
    "LVL MTL MXN MYR NOK NZD PHP PLN ROL RON RUB SEK SGD SIT SKK THB TRL TRY USD ZAR"
)


def supported_currencies() -> frozenset[str]:
    """ISO codes with an ECB reference rate (the product's FX source)."""
    try:
        from currency_converter import CurrencyConverter

        return frozenset(str(c) for c in CurrencyConverter().currencies)
    except Exception:  # the package or its data is missing: use the list it shipped with
        return _codes(_ECB_FALLBACK)


# Recognizers-Text unit names (English and French files) -> ISO 4217 (README section 1).
RECOGNIZERS_ISO: dict[str, str] = {
    "United States dollar": "USD",
    "Euro": "EUR",
    "Chinese yuan": "CNY",
    "Canadian dollar": "CAD",
    "Japanese yen": "JPY",
    "Australian dollar": "AUD",
    "British pound": "GBP",
    "Turkish lira": "TRY",
    "Mexican peso": "MXN",
    "Hong Kong dollar": "HKD",
    "Swiss franc": "CHF",
    "Costa Rican colón": "CRC",
    "Georgian lari": "GEL",
    "Lao kip": "LAK",
    "Sri Lankan rupee": "LKR",
    "New Zealand dollar": "NZD",
    "Finnish markka": "FIM",
    "Peseta": "ESP",
    "Netherlands guilder": "NLG",
    "Bitcoin": "BTC",
    "Dollar États-Unis": "USD",
    "Yen Japonais": "JPY",
    "Dollar Canadien": "CAD",
    "Dollar de Hong Kong": "HKD",
    "Dollar Australien": "AUD",
    "Dollar néo-zélandais": "NZD",
    "Yuan Chinois": "CNY",
    "Franc Suisse": "CHF",
    "Roupie indienne": "INR",
    "Mark Finlandais": "FIM",
    "Florins Néerlandais": "NLG",
}


def _codes(words: str) -> frozenset[str]:
    return frozenset(words.split())


DOLLARS = _codes("USD CAD AUD NZD HKD SGD TWD JMD BSD BBD BZD BMD BND FJD GYD KYD LRD NAD SBD SRD")
DOLLARS |= _codes("TTD XCD")
POUNDS = _codes("GBP EGP LBP SYP SDG SSP FKP GIP SHP")
FRANCS = _codes("CHF FRF BEF LUF XOF XAF XPF CDF RWF BIF DJF GNF KMF")
RUPEES = _codes("INR LKR PKR NPR MUR SCR")

# Ambiguous names: (strict reading, family of acceptable codes).
AMBIGUOUS: dict[str, tuple[str, frozenset[str]]] = {
    "Dollar": ("USD", DOLLARS),
    "Pound": ("GBP", POUNDS),
    "Livre": ("GBP", POUNDS),
    "Franc": ("CHF", FRANCS),
    "Rupee": ("INR", RUPEES),
    "Roupie": ("INR", RUPEES),
}

# Sub-units: (probe language, strict main currency, family) -- value is 1/100 of the unit.
SUBUNITS: dict[str, tuple[str, frozenset[str]]] = {
    "Cent": ("USD", DOLLARS | {"EUR"}),
    "Centimes": ("EUR", FRANCS | {"EUR"}),
    "Pence": ("GBP", frozenset({"GBP"})),
    "Penny": ("GBP", frozenset({"GBP"})),
}
# Probes: does the extractor read "50 <word>" as 0.50 of a currency? (per sub-unit and language)
SUBUNIT_WORDS: dict[str, str] = {
    "Cent": "cents",
    "Centimes": "centimes",
    "Pence": "pence",
    "Penny": "pennies",
    "Dime": "dimes",
}
SUBUNIT_PROBES: dict[LangCode, str] = {
    "en": "The shares closed 50 {word} higher.",
    "fr": "Le ticket coûte 50 {word} de plus.",
}


@dataclass(frozen=True)
class CurrencySpec:
    """Which currency codes an expected result accepts."""

    strict: str
    family: frozenset[str]
    accept_unknown: bool = False

    def ok(self, got: str | None, *, strict: bool) -> bool:
        if strict:
            return got == self.strict
        if got is None:
            return self.accept_unknown
        return got == self.strict or got in self.family


# ---------------------------------------------------------------------------------------
# Expectations, predictions and matching
# ---------------------------------------------------------------------------------------


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
        bounds = f" [{_num(self.low)}, {_num(self.high)}]" if self.qualifier == "range" else ""
        return f"{self.kind} {_num(self.value)}{bounds} {what} {self.text!r}".replace("  ", " ")


def _num(x: float | None) -> str:
    return "None" if x is None else f"{x:.6g}"


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
    want = f"{_num(e.value)} {e.label}"
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


# ---------------------------------------------------------------------------------------
# Calling the extractor
# ---------------------------------------------------------------------------------------


@dataclass
class Harness:
    extract: ExtractFn | None
    import_error: str | None
    parse_numeral: NumeralFn | None
    numeral_error: str | None
    contract: list[tuple[str, str]] = field(default_factory=list)  # (problem, input)

    def call(self, text: str, lang: LangCode) -> tuple[list[Pred], str | None]:
        """Figures for ``text`` (empty on an exception), and the exception if any."""
        if self.extract is None:
            return [], f"ImportError: {self.import_error}"
        try:
            figures = tuple(self.extract(text, lang))
        except Exception as exc:
            return [], f"{type(exc).__name__}: {exc}"
        preds: list[Pred] = []
        last = -1
        for f in figures:
            if text[f.start : f.end] != f.text:
                self.contract.append(("figure.text != text[start:end]", f"{text!r} -> {f.text!r}"))
            if f.start < last:
                self.contract.append(("figures not sorted by start", text))
            last = f.start
            preds.append(Pred.of(f))
        return preds, None


def load_harness() -> Harness:
    extract: ExtractFn | None = None
    import_error: str | None = None
    numeral: NumeralFn | None = None
    numeral_error: str | None = None
    try:
        from factcheck.extract import extract_text

        extract = extract_text
    except Exception as exc:  # report, do not crash: the extractor is being written
        import_error = f"{type(exc).__name__}: {exc}"
    try:
        from factcheck.extract.numbers import parse_numeral

        numeral = parse_numeral
    except Exception as exc:
        numeral_error = f"{type(exc).__name__}: {exc}"
    return Harness(extract, import_error, numeral, numeral_error)


def probe_subunits(h: Harness) -> dict[str, list[str]]:
    """The sub-units that the extractor reads, per language ("50 cents" -> 0.50)."""
    found: dict[str, list[str]] = {}
    for lang, template in SUBUNIT_PROBES.items():
        found[lang] = []
        for name, word in SUBUNIT_WORDS.items():
            preds, _ = h.call(template.format(word=word), lang)
            want = 0.5 * _SUB_FACTOR.get(name, 1.0)
            if any(p.kind == "money" and close(p.value, want) for p in preds):
                found[lang].append(name)
    return found


_SUB_FACTOR: dict[str, float] = {"Dime": 10.0}


# ---------------------------------------------------------------------------------------
# Suite statistics
# ---------------------------------------------------------------------------------------


@dataclass
class Tally:
    """Counts for one suite and language."""

    in_scope: int = 0
    passed: int = 0
    exact: int = 0
    out_of_scope: int = 0
    skipped: int = 0
    exceptions: int = 0
    entities: int = 0
    entities_matched: int = 0
    spurious: int = 0
    extra: dict[str, list[int]] = field(default_factory=dict)  # label -> [passed, total]
    out_reasons: Counter[str] = field(default_factory=Counter)
    failures: list[dict[str, str]] = field(default_factory=list)

    def add_extra(self, label: str, ok: bool) -> None:
        cell = self.extra.setdefault(label, [0, 0])
        cell[0] += int(ok)
        cell[1] += 1

    def fail(self, cause: str, text: str, detail: str) -> None:
        self.failures.append({"cause": cause, "input": text, "detail": detail})

    def as_dict(self) -> dict[str, Any]:
        rate = self.passed / self.in_scope if self.in_scope else None
        exact = self.exact / self.in_scope if self.in_scope else None
        return {
            "in_scope": self.in_scope,
            "passed": self.passed,
            "pass_rate": rate,
            "exact": self.exact,
            "exact_rate": exact,
            "out_of_scope": self.out_of_scope,
            "skipped": self.skipped,
            "exceptions": self.exceptions,
            "entities": self.entities,
            "entities_matched": self.entities_matched,
            "spurious": self.spurious,
            "extra": {
                k: {"passed": v[0], "total": v[1], "rate": v[0] / v[1] if v[1] else None}
                for k, v in self.extra.items()
            },
            "out_reasons": dict(self.out_reasons.most_common()),
            "failures": self.failures,
        }


def _record(t: Tally, text: str, res: CaseResult, error: str | None) -> None:
    t.in_scope += 1
    t.entities += res.scored
    t.entities_matched += res.matched
    t.spurious += res.spurious
    if error is not None:
        t.exceptions += 1
        t.fail("exception", text, error)
        return
    t.passed += int(res.passed)
    t.exact += int(res.exact)
    for cause, detail in res.causes:
        if res.passed and cause == "span differs":
            t.fail("span differs (exact-span only)", text, detail)
        elif not res.passed:
            t.fail(cause, text, detail)


# ---------------------------------------------------------------------------------------
# Recognizers-Text
# ---------------------------------------------------------------------------------------


def _flagged(case: dict[str, Any], platform: str) -> bool:
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
        return _replace(base, scope="no value (bare unit mention)")
    iso = res.get("isoCurrency") or RECOGNIZERS_ISO.get(name)
    if iso:
        if iso not in supported:
            return _replace(base, scope=f"unsupported currency {iso}")
        return _replace(base, currency=CurrencySpec(iso, frozenset({iso})))
    if name in AMBIGUOUS:
        strict, family = AMBIGUOUS[name]
        spec = CurrencySpec(strict, family, accept_unknown=True)
        return _replace(base, currency=spec, ambiguous=True)
    if name in SUBUNITS:
        if name not in subunits:
            return _replace(base, scope=f"sub-unit {name}")
        strict, family = SUBUNITS[name]
        spec = CurrencySpec(strict, family, accept_unknown=True)
        return _replace(base, value=value / 100, currency=spec, ambiguous=True)
    return _replace(base, scope=f"unmapped unit {name}")


def _replace(e: Expected, **changes: Any) -> Expected:
    return replace(e, **changes)


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
        for case in _load_json(path):
            text = str(case["Input"])
            if _flagged(case, "dotnet"):
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
            _record(t, text, res, error)
            ambiguous = any(e.ambiguous for e in exp if e.scope == "in")
            if error is None:
                subset = "cases with an ambiguous currency" if ambiguous else "unambiguous cases"
                t.add_extra(subset, res.passed)
                strict = match_case(exp, preds, strict=True).passed
                t.add_extra("strict reading (Dollar=USD, Pound=GBP, Franc=CHF)", strict)
                if not _flagged(case, "python"):
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
        for case in _load_json(path):
            if _flagged(case, "dotnet"):
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
                        f"expected {_num(want)}, got {_num(got)}",
                    )
        out[lang] = t.as_dict()
    return out


def _numeral_cause(
    fn: NumeralFn, token: str, lang: LangCode, got: float | None, want: float | None
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


def _call_numeral(fn: NumeralFn, token: str, lang: LangCode) -> tuple[float | None, str | None]:
    try:
        return _numeral_value(fn(token, lang)), None
    except Exception as exc:
        return None, f"{type(exc).__name__}: {exc}"


# ---------------------------------------------------------------------------------------
# quantulum3
# ---------------------------------------------------------------------------------------

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
        return _replace(base, value=value, scope="dimensionless (plain number)", ignore_zone=False)
    spec = QUANTULUM_UNITS.get(name)
    if spec is None and name in QUANTULUM_SUBUNITS:
        probe, code, factor = QUANTULUM_SUBUNITS[name]
        if probe in subunits:
            spec = ("money", code, factor, "core")
    if spec is None:
        return _replace(base, value=value, scope=f"unit {name}")
    kind, target, factor, tier = spec
    if tier not in tiers:
        return _replace(base, value=value, scope=f"{tier} unit {name}")
    exp = _replace(base, kind=kind, value=value * factor)
    if unc is not None:
        exp = _replace(exp, low=(value - unc) * factor, high=(value + unc) * factor)
    if kind == "money":
        if target in AMBIGUOUS:
            strict, family = AMBIGUOUS[target]
            return _replace(exp, currency=CurrencySpec(strict, family, accept_unknown=True))
        if target not in supported:
            return _replace(exp, scope=f"unsupported currency {target}")
        return _replace(exp, currency=CurrencySpec(target, frozenset({target})))
    if kind == "quantity":
        return _replace(exp, unit=target)
    return exp


def run_quantulum(
    h: Harness, path: Path, supported: frozenset[str], subunits: Sequence[str]
) -> dict[str, Any]:
    if not path.exists():
        return {"missing": str(path)}
    cases = _load_json(path)
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
        _record(core, text, match_case(exp_core, preds), error)
    return core.as_dict()


def run_quantulum_errors(h: Harness, path: Path) -> dict[str, Any]:
    if not path.exists():
        return {"missing": str(path)}
    strings = [str(s) for s in _load_json(path)]
    raised: list[dict[str, str]] = []
    for s in strings:
        _, error = h.call(s, "en")
        if error is not None:
            raised.append({"input": s, "error": error})
    return {"strings": len(strings), "raised": raised}


# ---------------------------------------------------------------------------------------
# Entry points
# ---------------------------------------------------------------------------------------


def run(peer: Path | None = None) -> dict[str, Any]:
    """Run every suite; a JSON-serialisable summary (``available`` False if no peer data)."""
    peer = peer or peer_dir()
    if peer is None:
        return {"available": False, "reason": "peer suites not found (../shared/peer)"}
    h = load_harness()
    supported = supported_currencies()
    subunits = probe_subunits(h) if h.extract else {"en": [], "fr": []}
    q = peer / "quantulum3"
    suites: dict[str, Any] = {
        "recognizers.currency": run_recognizers_currency(h, peer, supported, subunits),
        "recognizers.number": run_recognizers_number(h, peer),
        "quantulum3": run_quantulum(h, q / "quantities.json", supported, subunits["en"]),
        "quantulum3.ambiguity": run_quantulum(
            h, q / "quantities.ambiguity.json", supported, subunits["en"]
        ),
        "quantulum3.errors": run_quantulum_errors(h, q / "errors.json"),
    }
    return {
        "available": True,
        "peer_dir": str(peer),
        "extractor": h.import_error or "factcheck.extract.extract_text",
        "parse_numeral": h.numeral_error or "factcheck.extract.numbers.parse_numeral",
        "supported_currencies": sorted(supported),
        "subunits_read": subunits,
        "suites": suites,
        "contract_violations": [{"problem": p, "input": i} for p, i in h.contract],
    }


def _pct(x: float | None) -> str:
    return "   -  " if x is None else f"{100 * x:5.1f}%"


def _rows(results: dict[str, Any]) -> Iterable[tuple[str, str, dict[str, Any]]]:
    for name, suite in results["suites"].items():
        if name == "quantulum3.errors":
            continue
        if "pass_rate" in suite or "missing" in suite:
            yield name, "en", suite
        else:
            for lang, tally in suite.items():
                yield name, lang, tally if isinstance(tally, dict) else {"missing": tally}


def print_report(results: dict[str, Any], examples: int = 3) -> None:
    if not results["available"]:
        print(results["reason"])
        return
    print(f"peer suites: {results['peer_dir']}")
    print(f"extractor:   {results['extractor']}")
    print(f"numerals:    {results['parse_numeral']}")
    print(f"sub-units read (in scope): {results['subunits_read']}")
    print()
    head = (
        f"{'suite':<22} {'lang':<4} {'in scope':>8} {'pass':>5} {'rate':>7} "
        f"{'exact':>7} {'entities':>9} {'spurious':>8} {'out':>5} {'skip':>5} {'exc':>4}"
    )
    print(head)
    print("-" * len(head))
    for name, lang, t in _rows(results):
        if "in_scope" not in t:
            print(f"{name:<22} {lang:<4} {next(iter(t.values()))}")
            continue
        ents = f"{t['entities_matched']}/{t['entities']}"
        print(
            f"{name:<22} {lang:<4} {t['in_scope']:>8} {t['passed']:>5} {_pct(t['pass_rate']):>7} "
            f"{_pct(t['exact_rate']):>7} {ents:>9} {t['spurious']:>8} {t['out_of_scope']:>5} "
            f"{t['skipped']:>5} {t['exceptions']:>4}"
        )
        for label, cell in t["extra"].items():
            print(f"{'':<27}  {label}: {cell['passed']}/{cell['total']} = {_pct(cell['rate'])}")
    err = results["suites"]["quantulum3.errors"]
    if "strings" in err:
        print(
            f"{'quantulum3.errors':<22} en   {err['strings']} strings, "
            f"{len(err['raised'])} raised {[r['input'] for r in err['raised']]}"
        )
    currency = results["suites"]["recognizers.currency"]
    for lang in ("en", "fr"):
        rate = currency.get(lang, {}).get("pass_rate")
        verdict = "ok" if rate is not None and rate >= TARGET_CURRENCY_RATE else "BELOW TARGET"
        print(f"target: currency {lang} >= {TARGET_CURRENCY_RATE:.0%}: {_pct(rate)} {verdict}")
    print()
    print("out of scope (reasons, counted per result):")
    for name, lang, t in _rows(results):
        if t.get("out_reasons"):
            reasons = ", ".join(f"{k}: {v}" for k, v in list(t["out_reasons"].items())[:12])
            print(f"  {name} {lang}: {reasons}")
    if results["contract_violations"]:
        print(f"\ncontract violations: {len(results['contract_violations'])}")
        for v in results["contract_violations"][:examples]:
            print(f"  {v['problem']}: {v['input'][:120]!r}")
    print("\nfailures by cause:")
    for name, lang, t in _rows(results):
        groups: dict[str, list[dict[str, str]]] = defaultdict(list)
        for f in t.get("failures", []):
            groups[f["cause"]].append(f)
        if not groups:
            continue
        print(f"  [{name} {lang}]")
        for cause, items in sorted(groups.items(), key=lambda kv: -len(kv[1])):
            print(f"    {len(items):>3}  {cause}")
            for f in items[:examples]:
                print(f"           {f['detail'][:150]}")
                print(f"             in: {_clip(f['input'])}")


def _clip(s: str, n: int = 110) -> str:
    return repr(s if len(s) <= n else s[: n - 3] + "...")


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    ap.add_argument("--peer", type=Path, help="peer suites folder (default ../shared/peer)")
    ap.add_argument("--examples", type=int, default=3, help="examples per failure cause")
    ap.add_argument("--json", type=Path, help="also write the full summary as JSON here")
    args = ap.parse_args(argv)
    peer = args.peer or peer_dir()
    if peer is None or not peer.is_dir():
        print(f"peer suites not found ({peer or '../shared/peer'}); nothing to measure")
        return 0
    results = run(peer)
    print_report(results, args.examples)
    if args.json:
        args.json.write_text(json.dumps(results, indent=1, ensure_ascii=False), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
