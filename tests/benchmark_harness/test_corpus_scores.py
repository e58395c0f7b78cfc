"""Money scores and the audit judgement over a corpus folder (articles written for this test)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from benchmarks.corpus_scores.judgement import judge_articles
from benchmarks.corpus_scores.money import measure
from benchmarks.harness.corpus import load_folder


def write(folder: Path, name: str, lang: str, sentence: str, **fields: Any) -> None:
    article = {"id": name, "language": lang, "title": None, "excerpt": [sentence]} | fields
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"{name}.json").write_text(json.dumps(article), encoding="utf-8")


def money(surface: str, value: float, unit: str) -> dict[str, Any]:
    return {"sentence": 0, "surface": surface, "value": value, "unit": unit}


def test_money_scores_count_matches_misses_false_positives_and_pairs(tmp_path: Path) -> None:
    write(
        tmp_path, "a", "en", "The firm raised $5 billion (about €4.6 billion) last year.",
        publication_date="2016-03-01",
        figures=[money("$5 billion", 5e9, "USD"), money("€4.6 billion", 4.6e9, "EUR")],
        pairs=[{"source_figure": 0, "converted_figure": 1, "source_text": "$5 billion",
                "converted_text": "€4.6 billion"}],
    )  # fmt: skip
    write(
        tmp_path, "b", "en", "It also paid $300 million in fees.",
        figures=[money("$300 million", 200e6, "USD")],  # annotated 1.5 times off: a miss
    )
    scores = measure(load_folder(tmp_path))
    assert set(scores) == {"en", "all"}
    en = scores["en"]
    assert (en["articles"], en["expected"], en["predicted"]) == (2, 3, 3)
    assert (en["expected_matched"], en["predicted_matched"]) == (2, 2)
    links = (en["pairs"], en["pairs_found"], en["links_predicted"], en["links_correct"])
    assert links == (1, 1, 1, 1)
    assert [m["surface"] for m in en["misses"]] == ["$300 million"]
    assert [f["surface"] for f in en["false_positives"]] == ["$300 million"]
    assert en["precision"] == en["recall"] == 2 / 3
    assert scores["all"]["expected"] == 3


def test_judgement_counts_flagged_articles_per_verdict(tmp_path: Path) -> None:
    loan = "Pinjaman sebesar US$ 2 miliar (sekitar Rp {} triliun) disetujui bank."
    write(tmp_path, "wrong", "id", loan.format("3"), publication_date="2015-06-01",
          verdict="error", judgement="the rupiah figure is ten times too small")
    write(tmp_path, "right", "id", loan.format("26,6"), publication_date="2015-06-01",
          verdict="clean")
    write(tmp_path, "unjudged", "id", loan.format("3"), publication_date="2015-06-01")
    judged = judge_articles(load_folder(tmp_path))
    assert judged is not None
    assert judged["articles"] == 2
    assert judged["by_verdict"]["error"] == {"articles": 1, "flagged": 1}
    assert judged["by_verdict"]["clean"] == {"articles": 1, "flagged": 0}
    assert judged["by_verdict"]["borderline"] == {"articles": 0, "flagged": 0}
    wrong = next(r for r in judged["rows"] if r["id"] == "wrong")
    assert wrong["codes"] == ["FX003 error"]  # a factor of ten, named as such


def test_a_folder_without_verdicts_is_not_judged(tmp_path: Path) -> None:
    write(tmp_path, "a", "en", "It paid $300 million in fees.")
    assert judge_articles(load_folder(tmp_path)) is None
