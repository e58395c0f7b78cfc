"""How the relations benchmark scores an article: a relation is read when an AR check
links its own figures, confirmed when it holds and no AR warning names them, flagged when
it fails and one does (sentences of our own, in the corpus's schema)."""

from __future__ import annotations

from typing import Any

from benchmarks.corpus_relations import measure
from benchmarks.harness.corpus import CorpusArticle

LINES = ("Laba bank itu mencapai Rp 5,0 triliun pada 2024.",
         "Nilai ini naik {stated} persen dari Rp 4,0 triliun pada tahun sebelumnya.",
         "Utang kota Rp 1.240,5 miliar.",
         "Utang itu lunas jika masing-masing orang dari 3,1 juta penduduknya membayar {per}.")


def article(stated: str, per: str, holds: bool) -> CorpusArticle:
    lines = tuple(line.format(stated=stated, per=per) for line in LINES)
    starts = tuple(sum(len(x) + 1 for x in lines[:i]) for i in range(len(lines)))
    figures = ({"surface": "Rp 5,0 triliun", "sentence": 0},
               {"surface": "Rp 4,0 triliun", "sentence": 1},
               {"surface": "Rp 1.240,5 miliar", "sentence": 2},
               {"surface": per, "sentence": 3})
    relations: tuple[dict[str, Any], ...] = (
        {"kind": "percent_change", "before": 1, "after": 0, "holds_under_rounding": holds},
        {"kind": "product", "factors": [3100000, {"figure": 3}], "result": 2,
         "holds_under_rounding": holds},
        {"kind": "sum", "parts": [1, 2], "total": 0, "holds_under_rounding": True})
    return CorpusArticle(
        id="own", lang="id", url=None, published=None, reference_date=None,
        text="\n".join(lines), lines=lines, line_starts=starts, has_title=False,
        figures=figures, pairs=(), verdict=None, judgement=None, relations=relations)


def test_relations_that_hold_are_read_and_confirmed() -> None:
    counts = measure([article("25,0", "Rp 400.000", True)])["counts"]
    assert counts["percent_change"] == {"stated": 1, "read": 1, "holds": 1, "confirmed": 1,
                                        "fails": 0, "flagged": 0}
    assert counts["product"]["confirmed"] == 1
    assert counts["sum"] == {"stated": 1, "read": 0, "holds": 1, "confirmed": 0, "fails": 0,
                             "flagged": 0}  # no list word links them: not read


def test_relations_that_fail_are_read_and_flagged() -> None:
    result = measure([article("12,0", "Rp 420.000", False)])
    assert result["counts"]["percent_change"]["flagged"] == 1
    assert result["counts"]["product"] == {"stated": 1, "read": 1, "holds": 0,
                                           "confirmed": 0, "fails": 1, "flagged": 1}
    assert any("sum (holds): not read" in miss for miss in result["misses"])
