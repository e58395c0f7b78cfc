"""Money-extraction precision/recall and conversion pairs linked, against the corpus annotations.

Expected money = corpus figures whose unit is a plain ISO 4217 code; predicted money = figures
of kind "money". A prediction matches an expected figure of the same sentence (title = -1)
when the currency is equal and the value is within 0.5%; a predicted range matches the
figures marked range_low / range_high by its low and high ends; matching is one to one,
greedy by span overlap. A corpus conversion pair is found when the converted figure's
prediction has ``equivalent_of`` pointing at the source figure's prediction; the ends of
a pair of prices (the corpus's "USD/l", "NGN/l": a price per unit restated in another
currency) are matched the same way to predicted figures of kind "price" in their currency.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, fields
from typing import Any

from benchmarks.harness.auditing import extract
from benchmarks.harness.corpus import LANGS, CorpusArticle
from benchmarks.harness.scoring import (
    Candidate,
    greedy_assign,
    overlap,
    prf,
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


@dataclass
class MoneyCounts:
    """Counters for one language of one folder (or their sum)."""

    articles: int = 0
    expected: int = 0
    predicted: int = 0
    expected_matched: int = 0
    predicted_matched: int = 0
    pairs: int = 0
    pairs_found: int = 0
    links_predicted: int = 0
    links_correct: int = 0
    misses: list[dict[str, Any]] = field(default_factory=list)
    false_positives: list[dict[str, Any]] = field(default_factory=list)
    pair_misses: list[dict[str, Any]] = field(default_factory=list)
    errors: list[dict[str, Any]] = field(default_factory=list)

    def add(self, other: MoneyCounts) -> None:
        for item in fields(self):
            setattr(self, item.name, getattr(self, item.name) + getattr(other, item.name))

    def as_dict(self) -> dict[str, Any]:
        precision, recall, f1 = prf(
            self.predicted_matched, self.predicted, self.expected_matched, self.expected
        )
        counts = {item.name: getattr(self, item.name) for item in fields(self)}
        on_other = sum(bool(fp["corpus_units"]) for fp in self.false_positives)
        return counts | {
            "precision": precision,
            "recall": recall,
            "f1": f1,
            "false_positives_on_other_units": on_other,  # where the corpus has a rate, a price
        }


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


def score_article(article: CorpusArticle, predicted: Sequence[Figure], result: MoneyCounts) -> None:
    assignment, expected, preds = match_article(article, predicted)
    result.articles += 1
    result.expected += len(expected)
    result.predicted += len(preds)
    result.expected_matched += len(assignment)
    matched_preds = set(assignment.values())
    result.predicted_matched += len(matched_preds)
    for e in expected:
        if e not in assignment:
            fig = article.figures[e]
            result.misses.append(
                {
                    "article": article.id,
                    "sentence": fig["sentence"],
                    "surface": fig["surface"],
                    "value": fig["value"],
                    "currency": fig["unit"],
                    "role": fig.get("role"),
                    "overlapping": [
                        _pred_info(article, predicted[p])
                        for p in preds
                        if _overlaps(article, fig, predicted[p])
                    ],
                }
            )
    for p in preds:
        if p not in matched_preds:
            info = _pred_info(article, predicted[p])
            info["corpus_units"] = [  # what the corpus records at this place, if anything
                str(fig["unit"])
                for fig in article.figures
                if not is_money(fig) and _overlaps(article, fig, predicted[p])
            ]
            result.false_positives.append(info)
    _score_pairs(article, predicted, assignment | match_price_ends(article, predicted), result)


def _score_pairs(
    article: CorpusArticle,
    predicted: Sequence[Figure],
    assignment: dict[int, int],
    result: MoneyCounts,
) -> None:
    by_id = {pred.id: i for i, pred in enumerate(predicted)}
    corpus_links = set()
    for pair in article.pairs:
        src, conv = int(pair["source_figure"]), int(pair["converted_figure"])
        result.pairs += 1
        p_src, p_conv = assignment.get(src), assignment.get(conv)
        if p_src is not None and p_conv is not None:
            corpus_links.add((p_conv, p_src))
        if p_src is None or p_conv is None:
            reason = "source not matched" if p_src is None else "converted not matched"
        elif predicted[p_conv].equivalent_of == predicted[p_src].id:
            result.pairs_found += 1
            continue
        else:
            reason = f"equivalent_of={predicted[p_conv].equivalent_of}"
        result.pair_misses.append(
            {
                "article": article.id,
                "source": pair["source_text"],
                "converted": pair["converted_text"],
                "reason": reason,
            }
        )
    for i, pred in enumerate(predicted):
        if pred.equivalent_of is not None:
            result.links_predicted += 1
            result.links_correct += (i, by_id.get(pred.equivalent_of, -1)) in corpus_links


def _overlaps(article: CorpusArticle, fig: dict[str, Any], pred: Figure) -> bool:
    if article.sentence_of(pred.start) != fig["sentence"]:
        return False
    line = article.line_text(int(fig["sentence"]))
    found = line.find(str(fig["surface"]))
    if found < 0:
        return False
    start = article.line_start(int(fig["sentence"])) + found
    return overlap(pred.start, pred.end, start, start + len(str(fig["surface"]))) > 0


def _pred_info(article: CorpusArticle, pred: Figure) -> dict[str, Any]:
    return {
        "article": article.id,
        "sentence": article.sentence_of(pred.start),
        "surface": pred.text,
        "value": pred.value,
        "currency": pred.currency,
        "low": pred.low,
        "high": pred.high,
        "qualifier": pred.qualifier,
    }


def measure(articles: Sequence[CorpusArticle]) -> dict[str, dict[str, Any]]:
    """Scores per language (in ``LANGS`` order) and over all of them (``"all"``)."""
    results: dict[str, MoneyCounts] = {}
    for article in articles:
        result = results.setdefault(article.lang, MoneyCounts())
        try:
            predicted: Sequence[Figure] = extract(
                article.text, article.lang, article.published, article.url
            )
        except Exception as exc:  # report and go on
            result.errors.append({"article": article.id, "error": f"{type(exc).__name__}: {exc}"})
            predicted = ()
        score_article(article, predicted, result)
    total = MoneyCounts()
    scores: dict[str, dict[str, Any]] = {}
    for lang in LANGS:
        if lang in results:
            total.add(results[lang])
            scores[lang] = results[lang].as_dict()
    return scores | ({"all": total.as_dict()} if scores else {})
