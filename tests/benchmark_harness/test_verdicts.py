"""Where the slip of an error article is: the figures its judgement quotes."""

from __future__ import annotations

from benchmarks.corpus_scores.judgement import slip_lines
from benchmarks.corpus_scores.verdicts import slip_figures
from benchmarks.harness.corpus import CorpusArticle


def article(judgement: str) -> CorpusArticle:
    text = "Judul\nNilai proyek US$ 2 miliar (Rp 3 triliun).\nLaba Rp 5 triliun tahun ini."
    lines = tuple(text.split("\n"))
    return CorpusArticle(
        id="own-error", lang="id", url=None, published=None, reference_date=None, text=text,
        lines=lines, line_starts=(0, 6, 48), has_title=True,
        figures=({"surface": "US$ 2 miliar", "sentence": 0},
                 {"surface": "Rp 3 triliun", "sentence": 0},
                 {"surface": "Rp 5 triliun", "sentence": 1}),
        pairs=(), verdict="error", judgement=judgement)


def test_the_figures_a_judgement_quotes_are_the_slip() -> None:
    slipped = article("'US$ 2 miliar (Rp 3 triliun)' is a thousand times off")
    assert slip_figures(slipped) == (0, 1)
    assert slip_lines(slipped) == frozenset({2})


def test_a_judgement_quoting_no_figure_names_no_slip() -> None:
    assert slip_figures(article("the rate is wrong")) is None
    assert slip_lines(article("the rate is wrong")) is None
