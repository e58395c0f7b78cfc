"""Money-extraction accuracy on the hand-annotated news excerpts in ``shared/corpus``.

The corpus is third-party text: it is read here at run time and never copied into the project.
It is looked up in ``$FACTCHECK_SHARED/corpus`` or else ``../shared/corpus`` next to the repo.

For each article the text is the title line (when there is one) followed by the excerpt
sentences, one per line; ``extract_text`` runs with the article's language, ``source=url`` and
the publication date when it is a full ISO date. Expected money = corpus figures whose unit is a
plain ISO 4217 code; predicted money = figures of kind "money". A prediction matches an expected
figure of the same sentence (title = -1) when the currency is equal and the value is within 0.5%;
a predicted range matches the figures marked range_low / range_high by its low and high ends.
A corpus conversion pair is found when the converted figure's prediction has ``equivalent_of``
pointing at the source figure's prediction.

    python benchmarks/corpus_accuracy.py [--verbose]
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
from bisect import bisect_right
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
    fmt_value,
    greedy_assign,
    overlap,
    prf,
    range_end_matches,
    rel_close,
)

LANGS: tuple[str, ...] = ("id", "fr", "en")
VALUE_TOL = 0.005
ISO_CODE = re.compile(r"[A-Z]{3}")
RANGE_ROLES = {"range_low": "low", "range_high": "high"}


def shared_dir() -> Path:
    """The shared folder: ``$FACTCHECK_SHARED`` if set, else ``../shared`` from the repo root."""
    env = os.environ.get("FACTCHECK_SHARED")
    return Path(env) if env else REPO_ROOT.parent / "shared"


def corpus_dir() -> Path | None:
    """``<shared>/corpus/articles`` when it exists and holds articles, else None."""
    articles = shared_dir() / "corpus" / "articles"
    if articles.is_dir() and any(articles.glob("*.json")):
        return articles
    return None


@dataclass(frozen=True)
class Article:
    """One corpus article, laid out as the text the extractor reads."""

    id: str
    lang: str
    url: str | None
    published: date | None
    text: str
    lines: tuple[str, ...]
    line_starts: tuple[int, ...]
    has_title: bool
    figures: tuple[dict[str, Any], ...]
    pairs: tuple[dict[str, Any], ...]

    def sentence_of(self, offset: int) -> int:
        """Excerpt sentence index of a text offset (the title line is -1)."""
        line = bisect_right(self.line_starts, offset) - 1
        return line - 1 if self.has_title else line

    def line_start(self, sentence: int) -> int:
        return self.line_starts[sentence + 1 if self.has_title else sentence]

    def line_text(self, sentence: int) -> str:
        return self.lines[sentence + 1 if self.has_title else sentence]


def _published(value: object) -> date | None:
    """A full ISO date, else None (month-precision dates such as "2015-05" are not used)."""
    if not isinstance(value, str):
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        return None


def load_article(path: Path) -> Article:
    raw = json.loads(path.read_text(encoding="utf-8"))
    lines = ([raw["title"]] if raw.get("title") is not None else []) + list(raw["excerpt"])
    starts: list[int] = []
    position = 0
    for line in lines:
        starts.append(position)
        position += len(line) + 1
    return Article(
        id=str(raw["id"]),
        lang=str(raw["language"]),
        url=raw.get("url"),
        published=_published(raw.get("publication_date")),
        text="\n".join(lines),
        lines=tuple(lines),
        line_starts=tuple(starts),
        has_title=raw.get("title") is not None,
        figures=tuple(raw.get("figures") or ()),
        pairs=tuple(raw.get("pairs") or ()),
    )


def load_articles() -> list[Article]:
    folder = corpus_dir()
    if folder is None:
        return []
    return [load_article(path) for path in sorted(folder.glob("*.json"))]


def is_money(fig: dict[str, Any]) -> bool:
    return isinstance(fig.get("unit"), str) and ISO_CODE.fullmatch(fig["unit"]) is not None


@dataclass
class LangResult:
    """Counters for one language."""

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

    def as_dict(self) -> dict[str, Any]:
        precision, recall, f1 = prf(
            self.predicted_matched, self.predicted, self.expected_matched, self.expected
        )
        return {
            "articles": self.articles,
            "expected": self.expected,
            "predicted": self.predicted,
            "expected_matched": self.expected_matched,
            "predicted_matched": self.predicted_matched,
            "precision": precision,
            "recall": recall,
            "f1": f1,
            "pairs": self.pairs,
            "pairs_found": self.pairs_found,
            "links_predicted": self.links_predicted,
            "links_correct": self.links_correct,
            "misses": self.misses,
            "false_positives": self.false_positives,
            "pair_misses": self.pair_misses,
            "errors": self.errors,
        }


def _expected_spans(article: Article) -> dict[int, tuple[int, int] | None]:
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


def match_article(
    article: Article, predicted: Sequence[Any]
) -> tuple[dict[int, int], list[int], list[int]]:
    """Expected money index -> predicted index; plus the expected and predicted money indices."""
    expected = [i for i, fig in enumerate(article.figures) if is_money(fig)]
    preds = [i for i, p in enumerate(predicted) if p.kind == "money"]
    spans = _expected_spans(article)
    candidates: list[Candidate] = []
    for e in expected:
        fig = article.figures[e]
        span = spans[e]
        for p in preds:
            pred = predicted[p]
            if pred.currency != fig["unit"] or article.sentence_of(pred.start) != fig["sentence"]:
                continue
            side = RANGE_ROLES.get(str(fig.get("role")))
            if pred.qualifier == "range":
                if side is None:
                    continue
                end = pred.low if side == "low" else pred.high
                if not range_end_matches(end, float(fig["value"]), side, VALUE_TOL):
                    continue
                slot = side
            else:
                if not rel_close(float(pred.value), float(fig["value"]), VALUE_TOL):
                    continue
                slot = ""
            start, end_ = span if span is not None else (None, None)
            candidates.append(
                Candidate(
                    e,
                    p,
                    overlap(pred.start, pred.end, start, end_),
                    abs(pred.start - start) if start is not None else 10**9,
                    slot,
                )
            )

    def capacity(p: int) -> frozenset[str]:
        return frozenset({"low", "high"}) if predicted[p].qualifier == "range" else frozenset({""})

    assignment = {e: p for e, (p, _) in greedy_assign(candidates, capacity).items()}
    return assignment, expected, preds


def score_article(article: Article, predicted: Sequence[Any], result: LangResult) -> None:
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
    by_id = {pred.id: i for i, pred in enumerate(predicted)}
    corpus_links = set()
    for pair in article.pairs:
        src, conv = int(pair["source_figure"]), int(pair["converted_figure"])
        result.pairs += 1
        p_src, p_conv = assignment.get(src), assignment.get(conv)
        if p_src is not None and p_conv is not None:
            corpus_links.add((p_conv, p_src))
        found = (
            p_src is not None
            and p_conv is not None
            and predicted[p_conv].equivalent_of == predicted[p_src].id
        )
        result.pairs_found += found
        if not found:
            result.pair_misses.append(
                {
                    "article": article.id,
                    "source": pair["source_text"],
                    "converted": pair["converted_text"],
                    "reason": "source not matched"
                    if p_src is None
                    else "converted not matched"
                    if p_conv is None
                    else f"equivalent_of={predicted[p_conv].equivalent_of}",
                }
            )
    for i, pred in enumerate(predicted):
        if pred.equivalent_of is not None:
            result.links_predicted += 1
            result.links_correct += (i, by_id.get(pred.equivalent_of, -1)) in corpus_links


def _overlaps(article: Article, fig: dict[str, Any], pred: Any) -> bool:
    if article.sentence_of(pred.start) != fig["sentence"]:
        return False
    line = article.line_text(int(fig["sentence"]))
    found = line.find(str(fig["surface"]))
    if found < 0:
        return False
    start = article.line_start(int(fig["sentence"])) + found
    return overlap(pred.start, pred.end, start, start + len(str(fig["surface"]))) > 0


def _pred_info(article: Article, pred: Any) -> dict[str, Any]:
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


def measure() -> dict[str, dict[str, Any]]:
    """Scores per language over the corpus (an empty dict when the corpus is absent)."""
    articles = load_articles()
    if not articles:
        return {}
    ensure_repo_on_path()
    from factcheck.extract import extract_text

    results: dict[str, LangResult] = {}
    for article in articles:
        result = results.setdefault(article.lang, LangResult())
        try:
            predicted: Sequence[Any] = extract_text(
                article.text,
                article.lang,  # type: ignore[arg-type]
                published=article.published,
                source=article.url,
            )
        except Exception as exc:  # report and go on
            result.errors.append({"article": article.id, "error": f"{type(exc).__name__}: {exc}"})
            predicted = ()
        score_article(article, predicted, result)
    return {lang: results[lang].as_dict() for lang in LANGS if lang in results}


def _describe(item: dict[str, Any]) -> str:
    text = (
        f"{item['article']} s{item['sentence']}: {item['surface']!r} "
        f"{fmt_value(item['value'])} {item['currency']}"
    )
    if item.get("qualifier") == "range":
        text += f" range [{fmt_value(item['low'])}, {fmt_value(item['high'])}]"
    if item.get("role"):
        text += f" ({item['role']})"
    return text


def report(lang: str, scores: dict[str, Any], verbose: bool) -> str:
    out = [
        f"== {lang}: {scores['articles']} articles, {scores['expected']} expected money, "
        f"{scores['predicted']} predicted money",
        f"   money precision {scores['precision']:.3f} "
        f"({scores['predicted_matched']}/{scores['predicted']})  recall {scores['recall']:.3f} "
        f"({scores['expected_matched']}/{scores['expected']})  F1 {scores['f1']:.3f}",
        f"   conversion pairs found {scores['pairs_found']}/{scores['pairs']}; "
        f"predicted links {scores['links_predicted']}, of which on a corpus pair "
        f"{scores['links_correct']}",
    ]
    out.extend(f"   ERROR {err['article']}: {err['error']}" for err in scores["errors"])
    if verbose:
        for miss in scores["misses"]:
            near = (
                "; ".join(
                    f"{p['surface']!r} {fmt_value(p['value'])} {p['currency']}"
                    for p in miss["overlapping"]
                )
                or "nothing"
            )
            out.append(f"   MISS {_describe(miss)}  <- predicted {near}")
        for fp in scores["false_positives"]:
            note = f"  (corpus: {', '.join(fp['corpus_units'])})" if fp["corpus_units"] else ""
            out.append(f"   FALSE POSITIVE {_describe(fp)}{note}")
        out.extend(
            f"   PAIR {pm['article']}: {pm['converted']!r} <- {pm['source']!r} ({pm['reason']})"
            for pm in scores["pair_misses"]
        )
    return "\n".join(out)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument(
        "-v",
        "--verbose",
        action="store_true",
        help="list every miss, false positive and missed pair",
    )
    args = parser.parse_args(argv)
    if corpus_dir() is None:
        print(
            f"corpus not found: {shared_dir() / 'corpus' / 'articles'} "
            "(set FACTCHECK_SHARED to the shared folder); nothing to measure"
        )
        return 0
    for lang, scores in measure().items():
        print(report(lang, scores, args.verbose))
    return 0


if __name__ == "__main__":
    sys.exit(main())
