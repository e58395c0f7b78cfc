"""The conversion set's run: every original and mutant audited, tallied as a dict."""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Callable, Sequence
from typing import Any

from benchmarks.conversion_errors.articles import render
from benchmarks.conversion_errors.generator import DEFAULT_ARTICLES, LANGS, SEED, generate
from benchmarks.conversion_errors.judging import judge
from benchmarks.conversion_errors.mutations import KINDS, SIZES_A, THRESHOLD, Mutation, mutations
from benchmarks.conversion_errors.real_corpus import corpus_results
from benchmarks.harness.auditing import Auditor, default_auditor
from benchmarks.harness.mutation_sets import Survey, Verdict
from benchmarks.harness.rates import Rates
from benchmarks.harness.scoring import ratio, tally

Result = Verdict[Mutation]
GAP_BUCKETS: tuple[tuple[str, float], ...] = (
    ("0-1%", 0.01), ("1-2%", 0.02), ("2-3%", 0.03), ("3-5%", 0.05), ("5-10%", 0.10),
    (">=10%", math.inf),
)  # fmt: skip


def gap_bucket(result: Result) -> str:
    return next(name for name, top in GAP_BUCKETS if result.mutation.gap < top)


def _tally_by(
    results: Sequence[Result], key: Callable[[Result], object], values: Sequence[Any]
) -> dict[Any, dict[str, Any]]:
    return {value: tally([r for r in results if key(r) == value]) for value in values}


def _kind(result: Result) -> str:
    return result.mutation.kind


def _label(result: Result) -> str:
    return result.mutation.label


def run(
    limit: int | None = None,
    *,
    articles: int = DEFAULT_ARTICLES,
    seed: int = SEED,
    auditor: Auditor | None = None,
    corpus: bool = True,
) -> dict[str, Any]:
    """The whole benchmark as a dict; ``limit`` takes the first ``limit`` generated articles
    (a deterministic subsample: article ``i`` does not depend on how many are made)."""
    auditor = auditor or default_auditor()
    rates = Rates()
    originals = generate(min(articles, limit) if limit else articles, seed, rates)
    survey: Survey[Mutation] = Survey(KINDS)
    for article in originals:
        audited = survey.audit_original(article, render(article)[0], auditor)
        survey.verdicts.extend(judge(m, auditor, audited) for m in mutations(article, rates, seed))
    results = survey.verdicts
    big = [r for r in results if r.mutation.gap >= THRESHOLD]
    pinned = sum(r.caught and r.details["pinpointed"] for r in big)
    kinds = [kind.key for kind in KINDS]
    sizes = [f"a{p}" for p in SIZES_A]
    out = survey.summary() | {
        "conversions": sum(len(article.conversions) for article in originals),
        "recall_3pct": tally(big),
        "recall_3pct_nominal": tally([r for r in results if r.mutation.label != "a2"]),
        "recall_all": tally(results),
        "by_kind": _tally_by(results, _kind, kinds),
        "by_kind_3pct": _tally_by(big, _kind, kinds),
        "by_size_a": _tally_by(results, _label, sizes),
        "by_size_a_3pct": _tally_by(big, _label, sizes),
        "by_gap": _tally_by(results, gap_bucket, [name for name, _ in GAP_BUCKETS]),
        "by_lang": {
            lang: survey.lang_alarms(lang)
            | {"recall_3pct": tally([r for r in big if r.mutation.article.lang == lang])}
            for lang in LANGS
        },
        "caught_by": dict(Counter(code for r in results for code in r.codes)),
        "pinpointed_3pct": {"n": len(big), "caught": pinned, "recall": ratio(pinned, len(big))},
    }
    out["corpus"] = corpus_results(auditor) if corpus else None
    return out
