"""Which predicted figure is which corpus figure: the one-to-one matching of the money scores.

Expected money = corpus figures whose unit is a plain ISO 4217 code; predicted money = figures
of kind "money". A prediction matches an expected figure of the same sentence (title = -1)
when the currency is equal and the value is within ``VALUE_TOL``; a predicted range matches
the figures marked range_low / range_high by its low and high ends; matching is one to one,
greedy by span overlap. The ends of a pair of prices (the corpus's "USD/l", "NGN/l") are
matched the same way to predicted figures of kind "price" in their currency.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import Any

from benchmarks.harness.corpus import CorpusArticle
from benchmarks.harness.scoring import (
    Candidate,
    greedy_assign,
    overlap,
    range_end_matches,
    rel_close,
)
from factcheck.model import Figure

VALUE_TOL = 0.005
ISO_CODE = re.compile(r"[A-Z]{3}")
PRICE_UNIT = re.compile(r"[A-Z]{3}/(?![A-Z]{3}$).+")  # per a unit or a thing, not a rate
RANGE_ROLES = {"range_low": "low", "range_high": "high"}


def is_money(fig: dict[str, Any]) -> bool:
    return isinstance(fig.get("unit"), str) and ISO_CODE.fullmatch(fig["unit"]) is not None


def _expected_spans(article: CorpusArticle) -> dict[int, tuple[int, int] | None]:
    """Text offsets of each corpus figure's surface, searching in order within its sentence."""
    spans: dict[int, tuple[int, int] | None] = {}
    cursor: dict[int, int] = {}
    for index, fig in enumerate(article.figures):
        sentence, surface = int(fig["sentence"]), str(fig["surface"])
        first = -1 if article.has_title else 0
        if not first <= sentence < len(article.lines) - article.has_title:
            spans[index] = None
            continue
        line = article.line_text(sentence)
        found = line.find(surface, cursor.get(sentence, 0))
        if found < 0:
            found = line.find(surface)
        if found < 0:
            spans[index] = None
            continue
        cursor[sentence] = found  # a range's two ends share one surface
        start = article.line_start(sentence) + found
        spans[index] = (start, start + len(surface))
    return spans


def _assign(
    article: CorpusArticle, predicted: Sequence[Figure], expected: Sequence[int],
    preds: Sequence[int], currency_of: Callable[[dict[str, Any]], str],
) -> dict[int, int]:
    """Expected index -> predicted index: same sentence and currency, value within
    ``VALUE_TOL`` (a range by its ends), one to one, greedy by span overlap."""
    spans = _expected_spans(article)
    candidates: list[Candidate] = []
    for e in expected:
        fig = article.figures[e]
        for p in preds:
            pred = predicted[p]
            if (pred.currency != currency_of(fig)
                    or article.sentence_of(pred.start) != fig["sentence"]):
                continue
            side = RANGE_ROLES.get(str(fig.get("role")))
            if pred.qualifier == "range":
                end = None if side is None else (pred.low if side == "low" else pred.high)
                if side is None or not range_end_matches(end, float(fig["value"]), side, VALUE_TOL):
                    continue
                slot = side
            elif rel_close(float(pred.value), float(fig["value"]), VALUE_TOL):
                slot = ""
            else:
                continue
            span = spans[e]
            start, end_ = span if span is not None else (None, None)
            shared = overlap(pred.start, pred.end, start, end_)
            distance = abs(pred.start - start) if start is not None else 10**9
            candidates.append(Candidate(e, p, shared, distance, slot))

    def capacity(p: int) -> frozenset[str]:
        return frozenset({"low", "high"}) if predicted[p].qualifier == "range" else frozenset({""})

    return {e: p for e, (p, _) in greedy_assign(candidates, capacity).items()}


def match_article(
    article: CorpusArticle, predicted: Sequence[Figure]
) -> tuple[dict[int, int], list[int], list[int]]:
    """Expected money index -> predicted index; plus the expected and predicted money indices."""
    expected = [i for i, fig in enumerate(article.figures) if is_money(fig)]
    preds = [i for i, p in enumerate(predicted) if p.kind == "money"]
    return _assign(article, predicted, expected, preds, lambda fig: str(fig["unit"])), \
        expected, preds


def match_price_ends(article: CorpusArticle, predicted: Sequence[Figure]) -> dict[int, int]:
    """The prices a conversion pair joins ("$0.40 per litre (N166)", the corpus's units
    "USD/l", "NGN/l"), matched to predicted prices of their currency: expected index ->
    predicted index."""
    ends = {int(pair[key]) for pair in article.pairs
            for key in ("source_figure", "converted_figure")}
    expected = [e for e in sorted(ends) if PRICE_UNIT.fullmatch(str(article.figures[e]["unit"]))]
    if not expected:
        return {}
    preds = [i for i, p in enumerate(predicted) if p.kind == "price"]
    return _assign(article, predicted, expected, preds, lambda fig: str(fig["unit"])[:3])
