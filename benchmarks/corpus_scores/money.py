"""Money-extraction precision/recall and conversion pairs linked, against the corpus annotations.

The corpus's money figures (and the ends of its pairs of prices) are matched one to one to
the predicted ones (``money_matching``); a corpus conversion pair is found when the converted
figure's prediction has ``equivalent_of`` pointing at the source figure's prediction.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, fields
from typing import Any

from benchmarks.corpus_scores.money_matching import is_money, match_article, match_price_ends
from benchmarks.harness.auditing import extract
from benchmarks.harness.corpus import LANGS, CorpusArticle
from benchmarks.harness.scoring import overlap, prf
from factcheck.model import Figure


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
