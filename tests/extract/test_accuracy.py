"""Extraction accuracy gates: the labelled fixtures and the shared real-news corpus.

The measurements are the benchmarks' own (``benchmarks.extraction`` behind
``benchmarks/extract_accuracy.py``, ``benchmarks.corpus_scores`` behind
``benchmarks/corpus_accuracy.py``); the corpus gate holds the ``articles`` folder.
"""

from __future__ import annotations

from collections import Counter
from functools import cache
from typing import Any

import pytest

from benchmarks.corpus_scores.money import measure as corpus_measure
from benchmarks.extraction.cases import load_cases, validate
from benchmarks.extraction.scoring import measure as fixture_measure
from benchmarks.harness.corpus import holds_articles, load_folder, shared_folder

LANGS = ("id", "fr", "en")
TARGET = 0.97
CORPUS = shared_folder("articles")


@cache
def fixture_scores(lang: str) -> dict[str, Any]:
    scores: dict[str, Any] = fixture_measure(lang)
    return scores


@cache
def corpus_scores() -> dict[str, dict[str, Any]]:
    scores: dict[str, dict[str, Any]] = corpus_measure(load_folder(CORPUS))
    return scores


def _listing(items: list[dict[str, Any]], limit: int = 25) -> str:
    lines = [
        f"  {item.get('case') or item.get('article')}: {item.get('text') or item.get('surface')!r}"
        f" {item.get('kind', '')} {item.get('value')} {item.get('currency') or ''}"
        f" {item.get('unit') or ''}".rstrip()
        for item in items[:limit]
    ]
    if len(items) > limit:
        lines.append(f"  ... and {len(items) - limit} more")
    return "\n".join(lines)


# --- the fixture files themselves -------------------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
def test_fixture_file_is_well_formed(lang: str) -> None:
    """Loads as YAML; every figure text occurs (in order) in its case text; fields are valid."""
    problems = validate(lang)
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("lang", LANGS)
def test_fixture_spans_are_located(lang: str) -> None:
    for case in load_cases(lang):
        for fig in case.figures:
            assert fig.start >= 0, f"{case.id}: {fig.text!r} not in {case.text!r}"
            assert case.text[fig.start : fig.end] == fig.text


@pytest.mark.parametrize("lang", LANGS)
def test_fixture_size_per_language(lang: str) -> None:
    cases = load_cases(lang)
    assert sum(len(case.figures) for case in cases) >= 70


def test_fixture_size_overall() -> None:
    cases = [case for lang in LANGS for case in load_cases(lang)]
    figures = sum(len(case.figures) for case in cases)
    negatives = sum(1 for case in cases if not case.figures)
    tags = Counter(tag for case in cases for tag in case.tags)
    assert figures >= 230
    assert negatives >= 25
    for tag in (
        "separators",
        "scale",
        "abbrev",
        "number_words",
        "ratio",
        "percent",
        "range",
        "per_time",
        "qualifier",
        "unit",
        "rate",
        "price",
        "pair",
        "carry_currency",
    ):
        assert tags[tag] > 0, f"no case tagged {tag}"


# --- accuracy on the fixtures -----------------------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
def test_fixture_precision(lang: str) -> None:
    scores = fixture_scores(lang)
    assert not scores["errors"], scores["errors"]
    assert scores["precision"] >= TARGET, (
        f"{lang} precision {scores['precision']:.3f} < {TARGET}; false positives:\n"
        + _listing(scores["false_positives"])
    )


@pytest.mark.parametrize("lang", LANGS)
def test_fixture_recall(lang: str) -> None:
    scores = fixture_scores(lang)
    assert not scores["errors"], scores["errors"]
    assert scores["recall"] >= TARGET, (
        f"{lang} recall {scores['recall']:.3f} < {TARGET}; misses:\n" + _listing(scores["misses"])
    )


# --- accuracy on the shared corpus (read at run time, never copied) ---------------------


def _corpus_or_skip() -> dict[str, dict[str, Any]]:
    if not holds_articles(CORPUS):
        pytest.skip(f"../shared/corpus not found: {CORPUS} (set FACTCHECK_SHARED)")
    return corpus_scores()


@pytest.mark.parametrize("lang", LANGS)
def test_corpus_money_precision(lang: str) -> None:
    scores = _corpus_or_skip()
    if lang not in scores:
        pytest.skip(f"no {lang} articles in the corpus")
    result = scores[lang]
    assert not result["errors"], result["errors"]
    assert result["precision"] >= TARGET, (
        f"{lang} corpus money precision {result['precision']:.3f} < {TARGET}; "
        "false positives:\n" + _listing(result["false_positives"])
    )


@pytest.mark.parametrize("lang", LANGS)
def test_corpus_money_recall(lang: str) -> None:
    scores = _corpus_or_skip()
    if lang not in scores:
        pytest.skip(f"no {lang} articles in the corpus")
    result = scores[lang]
    assert not result["errors"], result["errors"]
    assert result["recall"] >= TARGET, (
        f"{lang} corpus money recall {result['recall']:.3f} < {TARGET}; misses:\n"
        + _listing(result["misses"])
    )
