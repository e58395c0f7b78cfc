"""Whether an audit caught a conversion mutant, and why not when it did not."""

from __future__ import annotations

from collections.abc import Sequence
from functools import partial

from benchmarks.conversion_errors.arithmetic import ruled_out_by
from benchmarks.conversion_errors.articles import Spans, render
from benchmarks.conversion_errors.mutations import THRESHOLD, Mutation
from benchmarks.harness.auditing import (
    FX_CODES,
    Audited,
    Auditor,
    audit_safely,
    extract,
    figure_at,
    line_of,
)
from benchmarks.harness.mutation_sets import Verdict, judge_hits
from factcheck.model import Figure, Finding


def _key(finding: Finding) -> tuple[str, int, tuple[str, ...]]:
    return finding.code, finding.line, finding.figures


def judge(mutation: Mutation, auditor: Auditor, original: Audited) -> Verdict[Mutation]:
    """Caught when an FX finding names the mutated figure or sits on its line."""
    art = mutation.article
    text, spans = render(art)
    span = spans[(mutation.conversion, mutation.role)]
    line = line_of(text, span[0])
    audited = audit_safely(auditor, text, art.lang, art.published)
    figures = extract(text, art.lang, art.published)
    target = figure_at(figures, span)
    target_id = target.id if target is not None else None
    hits = [
        f
        for f in audited.findings
        if f.code in FX_CODES
        and ((target_id is not None and target_id in f.figures) or f.line == line)
    ]
    why = partial(miss_cause, mutation, figures, spans, target, audited.findings)
    verdict = judge_hits(mutation, text, audited, hits, original, _key, why)
    verdict.details = {"figure": target_id, "pinpointed": any(f.line == line for f in hits)}
    return verdict


def linked(figures: Sequence[Figure], spans: Spans) -> set[int]:
    """The conversions whose two figures the extractor linked as a pair."""
    out = set()
    for (index, role), span in spans.items():
        if role != "dst":
            continue
        dst, src = figure_at(figures, span), figure_at(figures, spans[(index, "src")])
        if dst is not None and src is not None and dst.equivalent_of == src.id:
            out.add(index)
    return out


def miss_cause(
    mutation: Mutation,
    figures: Sequence[Figure],
    spans: Spans,
    target: Figure | None,
    findings: Sequence[Finding],
) -> str:
    """Why a mutant went unflagged, as far as the extracted figures tell."""
    other = "dst" if mutation.role == "src" else "src"
    partner = figure_at(figures, spans[(mutation.conversion, other)])
    if target is None or target.kind != "money" or partner is None or partner.kind != "money":
        return "figure not read as money"
    src, dst = (target, partner) if mutation.role == "src" else (partner, target)
    if dst.equivalent_of != src.id:
        return "pair not linked by the extractor"
    if mutation.gap < THRESHOLD:
        reasons = ruled_out_by(mutation.article, mutation.conversion, linked(figures, spans))
        if "siblings" in reasons:
            return "< 3%, but the article's other conversions rule it out (FX001's case)"
        if "stated" in reasons:
            return "< 3%, but the stated rate rules it out (FX004's case)"
        return "within printed precision (< 3%)"
    if any(f.code in FX_CODES for f in findings):
        return "FX finding names another figure"
    return "no FX finding"
