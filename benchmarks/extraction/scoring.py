"""Matching predicted figures to a case's expected ones, and scoring a language."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from benchmarks.extraction.cases import VALUE_TOL, Case, Expected, load_cases
from benchmarks.extraction.counts import LangResult, exp_dict, pred_dict
from benchmarks.harness.auditing import extract
from benchmarks.harness.corpus import as_lang
from benchmarks.harness.scoring import (
    Candidate,
    greedy_assign,
    overlap,
    range_end_matches,
    rel_close,
)
from factcheck.model import Figure


def compatible(exp: Expected, pred: Figure) -> bool:
    """The matching rule: kind, value (1e-6 relative), currency and unit where given."""
    if pred.kind != exp.kind or not rel_close(float(pred.value), exp.value, VALUE_TOL):
        return False
    if exp.has("currency") and pred.currency != exp.fields["currency"]:
        return False
    return not (exp.has("unit") and pred.unit != exp.fields["unit"])


def score_case(case: Case, predicted: Sequence[Figure], result: LangResult) -> None:
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
            miss = exp_dict(case, exp)
            near = [p for p in predicted if overlap(p.start, p.end, exp.start, exp.end)]
            miss["overlapping"] = [pred_dict(case, p) for p in near]
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
            result.false_positives.append(pred_dict(case, pred))
    _score_pairs(case, predicted, assignment, result)


def _check_fields(
    case: Case,
    exp: Expected,
    pred: Figure,
    predicted: Sequence[Figure],
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
    case: Case, predicted: Sequence[Figure], assignment: dict[int, int], result: LangResult
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
    result = LangResult(lang)
    for case in load_cases(lang):
        try:
            predicted: Sequence[Figure] = extract(case.text, as_lang(lang), case.published)
        except Exception as exc:  # report and go on: one crash must not hide the rest
            result.errors.append({"case": case.id, "error": f"{type(exc).__name__}: {exc}"})
            predicted = ()
        score_case(case, predicted, result)
    return result.as_dict()
