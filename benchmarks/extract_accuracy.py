"""Figure-extraction accuracy on the labelled fixtures in ``tests/extract/fixtures``.

Runs ``extract_text`` on every case of ``figures_<lang>.yaml`` and matches predicted figures to
the expected ones within the case: a prediction matches when its kind is equal, its value is
within 1e-6 relative, and its currency and unit equal the expected ones where the fixture gives
them; matching is one-to-one, greedy by span overlap. Prints per language figure precision,
recall and F1, the exact-span rate among matches, pair (``equivalent_of``) precision and recall,
agreement on the secondary fields (per, qualifier, range ends) and recall per tag.

    python benchmarks/extract_accuracy.py [--lang id|fr|en] [--verbose]
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _matching import (
    REPO_ROOT,
    Candidate,
    ensure_repo_on_path,
    fmt_ratio,
    fmt_value,
    greedy_assign,
    overlap,
    prf,
    range_end_matches,
    rel_close,
)

FIXTURES = REPO_ROOT / "tests" / "extract" / "fixtures"
LANGS: tuple[str, ...] = ("id", "fr", "en")
KINDS = frozenset({"money", "percent", "quantity", "rate", "price", "ratio"})
QUALIFIERS = frozenset({"about", "nearly", "more_than", "at_least", "up_to", "less_than", "range"})
PERS = frozenset({"day", "week", "month", "quarter", "year"})
FIGURE_KEYS = frozenset(
    {
        "text",
        "kind",
        "value",
        "low",
        "high",
        "currency",
        "unit",
        "per",
        "qualifier",
        "equivalent_of",
    }
)
CASE_KEYS = frozenset({"id", "text", "tags", "published", "figures"})
VALUE_TOL = 1e-6


@dataclass(frozen=True)
class Expected:
    """One labelled figure, located in its case text."""

    index: int
    text: str
    start: int
    end: int
    kind: str
    value: float
    fields: dict[str, Any]  # the optional keys exactly as given (None included)

    def has(self, key: str) -> bool:
        return key in self.fields

    def describe(self) -> str:
        extra = " ".join(
            f"{key}={self.fields[key]}"
            for key in ("currency", "unit", "per", "qualifier")
            if self.fields.get(key) is not None
        )
        return f"{self.text!r} {self.kind} {fmt_value(self.value)} {extra}".rstrip()


@dataclass(frozen=True)
class Case:
    """One sentence (or headline) with its expected figures."""

    id: str
    text: str
    tags: tuple[str, ...]
    published: date | None
    figures: tuple[Expected, ...]


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


def fixture_path(lang: str) -> Path:
    return FIXTURES / f"figures_{lang}.yaml"


def load_raw(lang: str) -> list[dict[str, Any]]:
    """The fixture file as PyYAML reads it."""
    import yaml

    with fixture_path(lang).open(encoding="utf-8") as handle:
        data = yaml.safe_load(handle)
    if not isinstance(data, list):
        raise ValueError(f"{fixture_path(lang)}: expected a list of cases")
    return data


def _locate(text: str, needle: str, after: int) -> int:
    """Start of ``needle`` at or after ``after`` (figures are listed in text order)."""
    found = text.find(needle, after)
    return found if found >= 0 else text.find(needle)


def validate(lang: str) -> list[str]:
    """Problems in a fixture file (empty when it is well-formed); used by the tests."""
    problems: list[str] = []
    seen: set[str] = set()
    for number, raw in enumerate(load_raw(lang)):
        cid = str(raw.get("id", f"#{number}"))
        where = f"{fixture_path(lang).name}:{cid}"
        if cid in seen:
            problems.append(f"{where}: duplicate id")
        seen.add(cid)
        unknown = set(raw) - CASE_KEYS
        if unknown:
            problems.append(f"{where}: unknown keys {sorted(unknown)}")
        text, tags, figures = raw.get("text"), raw.get("tags"), raw.get("figures")
        if not isinstance(text, str) or not text:
            problems.append(f"{where}: text must be a non-empty string")
            continue
        if not isinstance(tags, list) or not tags:
            problems.append(f"{where}: tags must be a non-empty list")
        if not isinstance(figures, list):
            problems.append(f"{where}: figures must be a list")
            continue
        if "published" in raw:
            try:
                _published(raw["published"])
            except ValueError:
                problems.append(f"{where}: published is not an ISO date")
        if isinstance(tags, list) and ("negative" in tags) != (not figures):
            problems.append(f"{where}: a case is tagged negative exactly when it has no figures")
        position = 0
        for index, fig in enumerate(figures):
            problems.extend(_validate_figure(f"{where}[{index}]", text, fig, len(figures)))
            span = fig.get("text") if isinstance(fig, dict) else None
            if isinstance(span, str) and span:
                start = text.find(span, position)
                if start < 0:
                    kind = "out of order" if span in text else "not in the case text"
                    problems.append(f"{where}[{index}]: figure text {span!r} {kind}")
                else:
                    position = start + len(span)
    return problems


def _validate_figure(where: str, text: str, fig: object, count: int) -> list[str]:
    if not isinstance(fig, dict):
        return [f"{where}: a figure must be a mapping"]
    problems: list[str] = []
    unknown = set(fig) - FIGURE_KEYS
    if unknown:
        problems.append(f"{where}: unknown keys {sorted(unknown)}")
    if not isinstance(fig.get("text"), str) or not fig.get("text"):
        problems.append(f"{where}: text must be a non-empty string")
    if fig.get("kind") not in KINDS:
        problems.append(f"{where}: kind {fig.get('kind')!r} not one of {sorted(KINDS)}")
    for key in ("value", "low", "high"):
        if key in fig and (isinstance(fig[key], bool) or not isinstance(fig[key], int | float)):
            problems.append(f"{where}: {key} must be a number, got {fig[key]!r}")
    if "value" not in fig:
        problems.append(f"{where}: value is required")
    if fig.get("qualifier") not in QUALIFIERS | {None}:
        problems.append(f"{where}: qualifier {fig.get('qualifier')!r}")
    if fig.get("per") not in PERS | {None}:
        problems.append(f"{where}: per {fig.get('per')!r}")
    is_range = fig.get("qualifier") == "range"
    if is_range != ("low" in fig and "high" in fig):
        problems.append(f"{where}: a range has qualifier 'range' and both low and high")
    if is_range and all(isinstance(fig.get(k), int | float) for k in ("low", "high", "value")):
        low, high, value = float(fig["low"]), float(fig["high"]), float(fig["value"])
        if not (low < high and rel_close(value, (low + high) / 2, VALUE_TOL)):
            problems.append(f"{where}: range value must be the midpoint of low < high")
    target = fig.get("equivalent_of")
    if target is not None and not (isinstance(target, int) and 0 <= target < count):
        problems.append(f"{where}: equivalent_of {target!r} is not a figure index")
    return problems


def _published(value: object) -> date | None:
    if value is None or isinstance(value, date):
        return value
    return date.fromisoformat(str(value))


def load_cases(lang: str) -> list[Case]:
    """The fixture cases with each expected figure located in its text."""
    cases: list[Case] = []
    for raw in load_raw(lang):
        text = str(raw["text"])
        figures: list[Expected] = []
        position = 0
        for index, fig in enumerate(raw.get("figures") or []):
            span = str(fig["text"])
            start = _locate(text, span, position)
            position = start + len(span) if start >= 0 else position
            optional = {k: fig[k] for k in fig if k not in ("text", "kind", "value")}
            figures.append(
                Expected(
                    index,
                    span,
                    start,
                    start + len(span),
                    str(fig["kind"]),
                    float(fig["value"]),
                    optional,
                )
            )
        cases.append(
            Case(
                str(raw["id"]),
                text,
                tuple(raw.get("tags") or ()),
                _published(raw.get("published")),
                tuple(figures),
            )
        )
    return cases


def compatible(exp: Expected, pred: Any) -> bool:
    """The matching rule: kind, value (1e-6 relative), currency and unit where given."""
    if pred.kind != exp.kind or not rel_close(float(pred.value), exp.value, VALUE_TOL):
        return False
    if exp.has("currency") and pred.currency != exp.fields["currency"]:
        return False
    return not (exp.has("unit") and pred.unit != exp.fields["unit"])


def _pred_dict(case: Case, pred: Any) -> dict[str, Any]:
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


def _exp_dict(case: Case, exp: Expected) -> dict[str, Any]:
    return {
        "case": case.id,
        "text": exp.text,
        "start": exp.start,
        "kind": exp.kind,
        "value": exp.value,
        **exp.fields,
    }


def score_case(case: Case, predicted: Sequence[Any], result: LangResult) -> None:
    """Match one case's predictions and add them to ``result``."""
    result.cases += 1
    result.expected += len(case.figures)
    result.predicted += len(predicted)
    if not case.figures:
        result.negatives += 1
        result.negatives_with_fp += bool(predicted)
    candidates = [
        Candidate(e.index, p_index, overlap(p.start, p.end, e.start, e.end), abs(p.start - e.start))
        for e in case.figures
        for p_index, p in enumerate(predicted)
        if compatible(e, p)
    ]
    assignment = {e: p for e, (p, _) in greedy_assign(candidates).items()}
    matched_preds = set(assignment.values())
    result.matched += len(assignment)
    for pred in predicted:
        result.kind_predicted[pred.kind] += 1
    for p_index in matched_preds:
        result.kind_predicted_ok[predicted[p_index].kind] += 1
    for exp in case.figures:
        result.kind_expected[exp.kind] += 1
        for tag in case.tags:
            result.tag_expected[tag] += 1
        if exp.index not in assignment:
            miss = _exp_dict(case, exp)
            near = [p for p in predicted if overlap(p.start, p.end, exp.start, exp.end)]
            miss["overlapping"] = [_pred_dict(case, p) for p in near]
            result.misses.append(miss)
            continue
        result.kind_found[exp.kind] += 1
        for tag in case.tags:
            result.tag_found[tag] += 1
        pred = predicted[assignment[exp.index]]
        if pred.text == exp.text and pred.start == exp.start:
            result.exact_span += 1
        else:
            result.span_mismatches.append(
                {"case": case.id, "expected": exp.text, "predicted": pred.text}
            )
        _check_fields(case, exp, pred, predicted, assignment, result)
    for p_index, pred in enumerate(predicted):
        if p_index not in matched_preds:
            result.false_positives.append(_pred_dict(case, pred))
    _score_pairs(case, predicted, assignment, result)


def _check_fields(
    case: Case,
    exp: Expected,
    pred: Any,
    predicted: Sequence[Any],
    assignment: dict[int, int],
    result: LangResult,
) -> None:
    checks: list[tuple[str, object, object, bool]] = []
    for key in ("per", "qualifier"):
        if exp.has(key):
            want, got = exp.fields[key], getattr(pred, key)
            checks.append((key, want, got, want == got))
    for key in ("low", "high"):
        if exp.has(key):  # printed range ends; the extractor may widen them by precision
            want, got = exp.fields[key], getattr(pred, key)
            checks.append((key, want, got, range_end_matches(got, float(want), key, VALUE_TOL)))
    if exp.has("equivalent_of"):
        target = exp.fields["equivalent_of"]
        want_id = (
            predicted[assignment[target]].id
            if target is not None and target in assignment
            else None
        )
        if target is None or want_id is not None:  # unmatched target: counted in pair recall
            checks.append(
                ("equivalent_of", want_id, pred.equivalent_of, pred.equivalent_of == want_id)
            )
    for key, want, got, ok in checks:
        result.field_checked[key] += 1
        result.field_agree[key] += ok
        if not ok:
            result.field_mismatches.append(
                {
                    "case": case.id,
                    "text": exp.text,
                    "field": key,
                    "expected": want,
                    "predicted": got,
                }
            )


def _score_pairs(
    case: Case, predicted: Sequence[Any], assignment: dict[int, int], result: LangResult
) -> None:
    by_id = {p.id: i for i, p in enumerate(predicted)}
    exp_of_pred = {p: e for e, p in assignment.items()}
    expected_pairs = {
        (e.index, e.fields["equivalent_of"])
        for e in case.figures
        if e.fields.get("equivalent_of") is not None
    }
    result.pairs_expected += len(expected_pairs)
    for p_index, pred in enumerate(predicted):
        if pred.equivalent_of is None:
            continue
        result.pairs_predicted += 1
        target = by_id.get(pred.equivalent_of)
        key = (exp_of_pred.get(p_index), exp_of_pred.get(target) if target is not None else None)
        result.pairs_predicted_correct += key in expected_pairs
    for conv, src in sorted(expected_pairs):
        p_conv, p_src = assignment.get(conv), assignment.get(src)
        found = (
            p_conv is not None
            and p_src is not None
            and predicted[p_conv].equivalent_of == predicted[p_src].id
        )
        result.pairs_found += found
        if not found:
            result.pair_misses.append(
                {
                    "case": case.id,
                    "source": case.figures[src].text,
                    "converted": case.figures[conv].text,
                    "predicted_equivalent_of": None
                    if p_conv is None
                    else predicted[p_conv].equivalent_of,
                }
            )


def measure(lang: str) -> dict[str, Any]:
    """Run the extractor over ``figures_<lang>.yaml`` and return the scores and the errors."""
    ensure_repo_on_path()
    from factcheck.extract import extract_text

    result = LangResult(lang)
    for case in load_cases(lang):
        try:
            predicted: Sequence[Any] = extract_text(
                case.text,
                lang,  # type: ignore[arg-type]
                published=case.published,
            )
        except Exception as exc:  # report and go on: one crash must not hide the rest
            result.errors.append({"case": case.id, "error": f"{type(exc).__name__}: {exc}"})
            predicted = ()
        score_case(case, predicted, result)
    return result.as_dict()


def _describe_pred(item: dict[str, Any]) -> str:
    extra = " ".join(
        f"{key}={item[key]}"
        for key in ("currency", "unit", "per", "qualifier")
        if item.get(key) is not None
    )
    return f"{item['text']!r} {item['kind']} {fmt_value(item['value'])} {extra}".rstrip()


def report(scores: dict[str, Any], verbose: bool) -> str:
    """The human-readable summary of one language."""
    out: list[str] = []
    pairs, neg = scores["pairs"], scores["negatives"]
    out.append(
        f"== {scores['lang']}: {scores['cases']} cases, {scores['expected']} expected, "
        f"{scores['predicted']} predicted, {scores['matched']} matched"
    )
    out.append(
        f"   precision {scores['precision']:.3f}  recall {scores['recall']:.3f}  "
        f"F1 {scores['f1']:.3f}  exact span {scores['exact_span_rate']:.3f}"
    )
    out.append(
        f"   pairs: precision {pairs['precision']:.3f} "
        f"({pairs['predicted_correct']}/{pairs['predicted']})  recall "
        f"{pairs['recall']:.3f} ({pairs['found']}/{pairs['expected']})"
    )
    out.append(
        f"   negative cases with a false positive: {neg['with_false_positives']}/{neg['cases']}"
    )
    fields = "  ".join(
        f"{k} {fmt_ratio(v['agree'], v['checked'])}" for k, v in scores["fields"].items()
    )
    out.append(f"   field agreement among matches: {fields}")
    out.append(
        "   recall by kind: "
        + "  ".join(
            f"{k} {fmt_ratio(v['found'], v['expected'])}"
            for k, v in scores["kinds"].items()
            if v["expected"]
        )
    )
    out.append("   recall by tag:")
    for tag, info in scores["tags"].items():
        out.append(f"     {tag:<16} {fmt_ratio(info['found'], info['expected'])}")
    for err in scores["errors"]:
        out.append(f"   ERROR {err['case']}: {err['error']}")
    if verbose:
        for miss in scores["misses"]:
            near = "; ".join(_describe_pred(p) for p in miss["overlapping"]) or "nothing"
            out.append(f"   MISS {miss['case']}: {_describe_pred(miss)}  <- predicted {near}")
        for fp in scores["false_positives"]:
            out.append(f"   FALSE POSITIVE {fp['case']}: {_describe_pred(fp)}")
        for mm in scores["field_mismatches"]:
            out.append(
                f"   FIELD {mm['case']}: {mm['text']!r} {mm['field']} expected "
                f"{mm['expected']!r}, got {mm['predicted']!r}"
            )
        for pm in scores["pair_misses"]:
            out.append(
                f"   PAIR {pm['case']}: {pm['converted']!r} should restate "
                f"{pm['source']!r} (equivalent_of={pm['predicted_equivalent_of']})"
            )
        for sm in scores["span_mismatches"]:
            out.append(
                f"   SPAN {sm['case']}: expected {sm['expected']!r}, got {sm['predicted']!r}"
            )
    return "\n".join(out)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument(
        "--lang", choices=LANGS, action="append", help="language(s) to measure (default: all)"
    )
    parser.add_argument(
        "-v",
        "--verbose",
        action="store_true",
        help="list every miss, false positive and field disagreement",
    )
    args = parser.parse_args(argv)
    for lang in args.lang or LANGS:
        print(report(measure(lang), args.verbose))
    return 0


if __name__ == "__main__":
    sys.exit(main())
