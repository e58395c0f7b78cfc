"""The real-corpus mutation set (``benchmarks.corpus_mutations``): its mutators on a
sentence of our own, and its headline numbers on the shared corpus when it is present."""

from __future__ import annotations

from functools import cache
from typing import Any

import pytest

from benchmarks.corpus_mutations.measure import run
from benchmarks.corpus_mutations.mutations import (
    PrintedFigure,
    changed,
    mutated_surfaces,
    rescaled,
    ten_times,
    transposed,
)
from benchmarks.harness.corpus import CorpusArticle, shared_folders

# Floors the set holds today; the target is 0.95 on every mutant of 3% or more.
RECALL_LINKED_FLOOR = 0.95
RECALL_FLOOR = 0.9


def printed(surface: str, value: float, lang: str = "id") -> PrintedFigure:
    text = f"Nilai proyek US$ 2 miliar (sekitar {surface}) tahun ini."
    article = CorpusArticle(
        id="own", lang=lang, url=None, published=None, reference_date=None, text=text,  # type: ignore[arg-type]
        lines=(text,), line_starts=(0,), has_title=False, figures=(), pairs=(), verdict=None,
        judgement=None)
    return PrintedFigure(article, 0, 0, text.index(surface), surface, value)


def test_each_mutator_rewrites_the_numeral_in_the_articles_style() -> None:
    figure = printed("Rp 32,4 triliun", 32.4e12)
    assert changed(figure, 1.08) == "Rp 35 triliun"
    assert changed(figure, 0.92) == "Rp 29,8 triliun"
    assert transposed(figure) == "Rp 23,4 triliun"
    assert ten_times(figure) == "Rp 324 triliun"
    assert rescaled(figure) == ("Rp 32,4 miliar", -3)


def test_a_grouped_numeral_keeps_its_grouping() -> None:
    figure = printed("Rp 1.620 miliar", 1.62e12)
    assert ten_times(figure) == "Rp 16.200 miliar"
    assert transposed(figure) == "Rp 1.260 miliar"


def test_every_mutant_differs_from_the_original_and_says_its_value() -> None:
    figure = printed("Rp 32,4 triliun", 32.4e12)
    kinds = {kind: (text, value) for kind, text, value, _ in mutated_surfaces(figure)}
    assert set(kinds) == {"up", "down", "scale", "swap", "ten"}
    assert all(text != figure.surface for text, _ in kinds.values())
    assert kinds["ten"][1] == pytest.approx(324e12)
    assert kinds["scale"][1] == pytest.approx(32.4e9)


@cache
def result() -> dict[str, Any]:
    outcome: dict[str, Any] = run()
    return outcome


@pytest.mark.skipif(not shared_folders(), reason="shared corpus not present")
def test_mutants_of_linked_pairs_are_caught_on_their_line() -> None:
    linked = result()["recall_linked"]
    assert linked["recall"] >= RECALL_LINKED_FLOOR, linked
    assert result()["recall"]["recall"] >= RECALL_FLOOR, result()["recall"]
