"""The peer conformance report, in the harness's table format."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from typing import Any

from benchmarks.harness.report import INDENT, clip, table
from benchmarks.peer.suites import TARGET_CURRENCY_RATE


def _pct(x: float | None) -> str:
    return "-" if x is None else f"{100 * x:.1f}%"


def _rows(results: dict[str, Any]) -> Iterable[tuple[str, str, dict[str, Any]]]:
    for name, suite in results["suites"].items():
        if name == "quantulum3.errors":
            continue
        if "pass_rate" in suite or "missing" in suite:
            yield name, "en", suite
        else:
            for lang, tally in suite.items():
                yield name, lang, tally if isinstance(tally, dict) else {"missing": tally}


def report(results: dict[str, Any], examples: int = 3) -> list[str]:
    if not results["available"]:
        return [results["reason"]]
    out = [
        f"peer suites: {results['peer_dir']}",
        f"extractor:   {results['extractor']}",
        f"numerals:    {results['parse_numeral']}",
        f"sub-units read (in scope): {results['subunits_read']}",
    ]
    rows: list[list[object]] = []
    subsets: list[list[object]] = []
    for name, lang, t in _rows(results):
        if "in_scope" not in t:
            rows.append([name, lang, next(iter(t.values())), "", "", "", "", "", "", "", ""])
            continue
        rows.append(
            [name, lang, t["in_scope"], t["passed"], _pct(t["pass_rate"]),
             _pct(t["exact_rate"]), f"{t['entities_matched']}/{t['entities']}", t["spurious"],
             t["out_of_scope"], t["skipped"], t["exceptions"]]
        )  # fmt: skip
        subsets.extend(
            [name, lang, label, f"{cell['passed']}/{cell['total']}", _pct(cell["rate"])]
            for label, cell in t["extra"].items()
        )
    out += table(
        "== cases passed per suite and language",
        ["suite", "lang", "in scope", "pass", "rate", "exact", "entities", "spurious", "out",
         "skip", "exc"],
        rows,
    )  # fmt: skip
    out += table(f"{INDENT}subsets", ["suite", "lang", "subset", "pass", "rate"], subsets)
    err = results["suites"]["quantulum3.errors"]
    if "strings" in err:
        out.append(
            f"{INDENT}quantulum3.errors en: {err['strings']} strings, "
            f"{len(err['raised'])} raised {[r['input'] for r in err['raised']]}"
        )
    currency = results["suites"]["recognizers.currency"]
    for lang in ("en", "fr"):
        rate = currency.get(lang, {}).get("pass_rate")
        verdict = "ok" if rate is not None and rate >= TARGET_CURRENCY_RATE else "BELOW TARGET"
        out.append(
            f"{INDENT}target: currency {lang} >= {TARGET_CURRENCY_RATE:.0%}: {_pct(rate)} {verdict}"
        )
    out.append("== out of scope (reasons, counted per result)")
    for name, lang, t in _rows(results):
        if t.get("out_reasons"):
            reasons = ", ".join(f"{k}: {v}" for k, v in list(t["out_reasons"].items())[:12])
            out.append(f"{INDENT}{name} {lang}: {reasons}")
    if results["contract_violations"]:
        out.append(f"== contract violations: {len(results['contract_violations'])}")
        out.extend(
            f"{INDENT}{v['problem']}: {v['input'][:120]!r}"
            for v in results["contract_violations"][:examples]
        )
    out.append("== failures by cause")
    for name, lang, t in _rows(results):
        groups: dict[str, list[dict[str, str]]] = defaultdict(list)
        for f in t.get("failures", []):
            groups[f["cause"]].append(f)
        if not groups:
            continue
        out.append(f"{INDENT}[{name} {lang}]")
        for cause, items in sorted(groups.items(), key=lambda kv: -len(kv[1])):
            out.append(f"     {len(items):>3}  {cause}")
            for f in items[:examples]:
                out.append(f"           {f['detail'][:150]}")
                out.append(f"             in: {clip(f['input'])}")
    return out
