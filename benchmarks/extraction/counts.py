"""Counters of the extraction scores for one language, and how matches are described."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from benchmarks.extraction.cases import Case, Expected
from benchmarks.harness.scoring import prf
from factcheck.model import Figure


@dataclass
class LangResult:
    """Counters for one language, turned into the ``measure`` dict by ``as_dict``."""

    lang: str
    cases: int = 0
    expected: int = 0
    predicted: int = 0
    matched: int = 0
    exact_span: int = 0
    pairs_expected: int = 0
    pairs_predicted: int = 0
    pairs_predicted_correct: int = 0
    pairs_found: int = 0
    negatives: int = 0
    negatives_with_fp: int = 0
    tag_expected: Counter[str] = field(default_factory=Counter)
    tag_found: Counter[str] = field(default_factory=Counter)
    kind_expected: Counter[str] = field(default_factory=Counter)
    kind_found: Counter[str] = field(default_factory=Counter)
    kind_predicted: Counter[str] = field(default_factory=Counter)
    kind_predicted_ok: Counter[str] = field(default_factory=Counter)
    field_checked: Counter[str] = field(default_factory=Counter)
    field_agree: Counter[str] = field(default_factory=Counter)
    misses: list[dict[str, Any]] = field(default_factory=list)
    false_positives: list[dict[str, Any]] = field(default_factory=list)
    field_mismatches: list[dict[str, Any]] = field(default_factory=list)
    span_mismatches: list[dict[str, Any]] = field(default_factory=list)
    pair_misses: list[dict[str, Any]] = field(default_factory=list)
    errors: list[dict[str, Any]] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        precision, recall, f1 = prf(self.matched, self.predicted, self.matched, self.expected)
        pair_p, pair_r, _ = prf(
            self.pairs_predicted_correct,
            self.pairs_predicted,
            self.pairs_found,
            self.pairs_expected,
        )
        return {
            "lang": self.lang,
            "cases": self.cases,
            "expected": self.expected,
            "predicted": self.predicted,
            "matched": self.matched,
            "precision": precision,
            "recall": recall,
            "f1": f1,
            "exact_span_rate": self.exact_span / self.matched if self.matched else 1.0,
            "pairs": {
                "expected": self.pairs_expected,
                "predicted": self.pairs_predicted,
                "predicted_correct": self.pairs_predicted_correct,
                "found": self.pairs_found,
                "precision": pair_p,
                "recall": pair_r,
            },
            "negatives": {"cases": self.negatives, "with_false_positives": self.negatives_with_fp},
            "tags": {
                tag: {
                    "expected": n,
                    "found": self.tag_found[tag],
                    "recall": self.tag_found[tag] / n,
                }
                for tag, n in sorted(self.tag_expected.items())
            },
            "kinds": {
                kind: {
                    "expected": self.kind_expected[kind],
                    "found": self.kind_found[kind],
                    "predicted": self.kind_predicted[kind],
                    "predicted_matched": self.kind_predicted_ok[kind],
                }
                for kind in sorted(set(self.kind_expected) | set(self.kind_predicted))
            },
            "fields": {
                key: {"checked": n, "agree": self.field_agree[key]}
                for key, n in sorted(self.field_checked.items())
            },
            "misses": self.misses,
            "false_positives": self.false_positives,
            "field_mismatches": self.field_mismatches,
            "span_mismatches": self.span_mismatches,
            "pair_misses": self.pair_misses,
            "errors": self.errors,
        }


def pred_dict(case: Case, pred: Figure) -> dict[str, Any]:
    return {
        "case": case.id,
        "text": pred.text,
        "start": pred.start,
        "kind": pred.kind,
        "value": pred.value,
        "low": pred.low,
        "high": pred.high,
        "currency": pred.currency,
        "unit": pred.unit,
        "per": pred.per,
        "qualifier": pred.qualifier,
    }


def exp_dict(case: Case, exp: Expected) -> dict[str, Any]:
    return {
        "case": case.id,
        "text": exp.text,
        "start": exp.start,
        "kind": exp.kind,
        "value": exp.value,
        **exp.fields,
    }
