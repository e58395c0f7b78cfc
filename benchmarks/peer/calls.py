"""Calling the extractor on peer cases (exceptions recorded, never raised; the output
contract checked on every call), and the counts kept per suite and language."""

from __future__ import annotations

import importlib
import json
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import factcheck
from benchmarks.peer.currencies import SUBUNIT_PROBES, SUBUNIT_WORDS
from benchmarks.peer.matching import CaseResult, Pred, close
from factcheck.model import Figure, Lang

NUMERAL_MODULE = "factcheck.extract.numbers"  # parse_numeral(token, lang)

ExtractFn = Callable[[str, Lang], Sequence[Figure]]
NumeralFn = Callable[[str, Lang], object]


def load_json(path: Path) -> Any:
    with path.open(encoding="utf-8-sig") as fh:
        return json.load(fh)


@dataclass
class Harness:
    """The functions under test, and the output-contract violations seen so far."""

    extract: ExtractFn
    parse_numeral: NumeralFn | None
    numeral_error: str | None
    contract: list[tuple[str, str]] = field(default_factory=list)  # (problem, input)

    def call(self, text: str, lang: Lang) -> tuple[list[Pred], str | None]:
        """Figures for ``text`` (empty on an exception), and the exception if any."""
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
    """``factcheck.extract_text``, and the numeral parser when the library has it where the
    number suites look for it (reported, not raised, when it has moved)."""
    numeral: NumeralFn | None = None
    numeral_error: str | None = None
    try:
        numeral = importlib.import_module(NUMERAL_MODULE).parse_numeral
    except (ImportError, AttributeError) as exc:
        numeral_error = f"{type(exc).__name__}: {exc}"
    return Harness(factcheck.extract_text, numeral, numeral_error)


def probe_subunits(h: Harness) -> dict[str, list[str]]:
    """The sub-units that the extractor reads, per language ("50 cents" -> 0.50), as money
    or as the price of a share the probe sentence names."""
    found: dict[str, list[str]] = {}
    for lang, template in SUBUNIT_PROBES.items():
        found[lang] = []
        for name, word in SUBUNIT_WORDS.items():
            preds, _ = h.call(template.format(word=word), lang)
            want = 0.5 * _SUB_FACTOR.get(name, 1.0)
            if any(p.kind in ("money", "price") and close(p.value, want) for p in preds):
                found[lang].append(name)
    return found


_SUB_FACTOR: dict[str, float] = {"Dime": 10.0}


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


def record(t: Tally, text: str, res: CaseResult, error: str | None) -> None:
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
