"""Each corpus article's verdict, and where the slip of an ``error`` article is.

The ``wider`` folder writes a ``verdict`` on every article; the ``articles`` folder does
not, but its README sorts the articles into clear errors, minor or borderline ones, and the
rest (clean); those lists are here, by article id. For every ``error`` article of both
folders, :data:`SLIPS` names the corpus figures (by their index in the file's ``figures``)
that the ``judgement`` says are wrong: a finding on the line of any of them is a finding on
the slip. An article whose slip the tool cannot see at all is listed in :data:`UNSEEABLE`
with the reason (the corpus's own words are never copied here).
"""

from __future__ import annotations

import re

from benchmarks.harness.corpus import CorpusArticle

ARTICLE_ERRORS = frozenset({
    "dev-id04", "dev-id05", "dev-id07", "dev-id10", "dev-id14", "dev-id19", "dev-id23",
    "dev-idn01", "dev-idn05", "dev-idn07", "dev-en03", "dev-en06", "dev-en07",
})  # fmt: skip
ARTICLE_BORDERLINE = frozenset({
    "dev-id06", "dev-idn04", "dev-id16", "dev-id22", "dev-id11", "dev-en02", "dev-fr06",
    "dev-id17", "dev-id02", "dev-id08", "dev-id09", "dev-id18", "dev-fr02", "dev-fr03",
})  # fmt: skip


def short(article_id: str) -> str:
    return article_id.split("_", 1)[0]


ARTICLES_ID = re.compile(r"dev-(?:id|fr|en)n?\d\d")  # how the ``articles`` folder names them


def verdict(article: CorpusArticle) -> str | None:
    """``error``, ``clean`` or ``borderline``: the file's own, or the README's for an
    article of the ``articles`` folder; None for an article judged nowhere."""
    if article.verdict is not None:
        return article.verdict
    name = short(article.id)
    if not ARTICLES_ID.fullmatch(name):
        return None
    if name in ARTICLE_ERRORS:
        return "error"
    return "borderline" if name in ARTICLE_BORDERLINE else "clean"


def slip_figures(article: CorpusArticle) -> tuple[int, ...] | None:
    """The figures (by index into ``figures``) whose printed surface the judgement of an
    error article quotes: the figures it names (None when it quotes none)."""
    judgement = article.judgement or ""
    found = tuple(i for i, figure in enumerate(article.figures)
                  if len(surface := str(figure.get("surface") or "")) >= 3
                  and surface in judgement)
    return found or None


# Error articles whose slipped figures the judgement names in other words than their
# printed surface, by index into ``figures`` (none so far: ``slip_figures`` reads them).
SLIPS: dict[str, tuple[int, ...]] = {}

# Error articles whose slip no reading of the text can show, and why.
UNSEEABLE: dict[str, str] = {}
