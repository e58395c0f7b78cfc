"""Conversion-error detection gates: seeded mutations of generated articles, and the real corpus.

The conversion-error mutation set (``benchmarks.conversion_errors``, run by
``benchmarks/detection.py``) runs on the first ``LIMIT`` generated articles (a deterministic
subsample: article ``i`` does not depend on how many are generated) and on
``../shared/corpus/articles`` when that folder exists.
"""

from __future__ import annotations

from functools import cache
from typing import Any

import pytest

from benchmarks.conversion_errors.articles import printed, render
from benchmarks.conversion_errors.generator import generate
from benchmarks.conversion_errors.measure import run
from benchmarks.conversion_errors.mutations import THRESHOLD, mutations
from benchmarks.conversion_errors.real_corpus import CONVERSION_ERRORS
from benchmarks.generation.amounts import gap
from benchmarks.harness.rates import Rates

LIMIT = 240  # of the 360 articles the benchmark makes; about 2,400 mutants
RECALL_TARGET = 0.95
FALSE_ALARM_TARGET = 0.02


@cache
def result() -> dict[str, Any]:
    outcome: dict[str, Any] = run(limit=LIMIT)
    return outcome


def _misses(limit: int = 15) -> str:
    misses = [m for m in result()["misses"] if m["gap"] >= THRESHOLD]
    lines = [
        f"  {m['id']} ({m['cause']}): {m['before']!r} -> {m['after']!r} gap {m['gap']:.1%}; "
        f"findings: {'; '.join(m['findings']) or 'none'}"
        for m in misses[:limit]
    ]
    return "\n".join(lines)


def test_generated_articles_are_correct_at_their_rate() -> None:
    # The generator's own promise: every original conversion admits the rate it was made at.
    for article in generate(40):
        for conv in article.conversions:
            assert gap(conv, article.style, conv.rate) == 0.0
        text, spans = render(article)
        for (index, role), (start, end) in spans.items():
            amount = getattr(article.conversions[index], role)
            assert text[start:end] == printed(amount, article.lang, article.style)


def test_mutations_change_exactly_one_figure() -> None:
    rates = Rates()
    for article in generate(20, rates=rates):
        original, _ = render(article)
        for mutation in mutations(article, rates):
            text, spans = render(mutation.article)
            start, end = spans[(mutation.conversion, mutation.role)]
            assert text[start:end] == mutation.after != mutation.before
            offset = len(text) - len(original)
            assert text[:start] == original[:start]
            assert text[end:] == original[end - offset :]


def test_recall_on_mutations_of_three_percent_or_more() -> None:
    tally = result()["recall_3pct"]
    assert tally["n"] >= 500
    assert tally["recall"] >= RECALL_TARGET, f"{tally}\n{_misses()}"


def test_false_alarms_on_correct_articles() -> None:
    res = result()
    listing = "\n".join(
        f"  {fa['id']}: {'; '.join(fa['findings'])}" for fa in res["false_alarms"][:15]
    )
    assert res["false_alarm_rate"] <= FALSE_ALARM_TARGET, listing


def _corpus() -> dict[str, Any]:
    corpus = result()["corpus"]
    if corpus is None:
        pytest.skip("../shared/corpus is absent (set FACTCHECK_SHARED to the shared folder)")
    assert isinstance(corpus, dict)
    return corpus


def test_every_corpus_conversion_error_gets_an_fx_finding() -> None:
    rows = [r for r in _corpus()["articles"] if r["group"] == "error"]
    assert len(rows) == len(CONVERSION_ERRORS)
    missed = [r["id"] for r in rows if not r["fx"]]
    assert not missed, f"no FX finding on: {missed}"


def test_no_clean_corpus_article_gets_an_fx_error() -> None:
    rows = [r for r in _corpus()["articles"] if r["group"] == "clean"]
    assert rows
    flagged = {
        r["id"]: [f"{f['code']}: {f['message']}" for f in r["fx"] if f["severity"] == "error"]
        for r in rows
        if r["fx_errors"]
    }
    assert not flagged, f"FX errors on clean articles: {flagged}"
