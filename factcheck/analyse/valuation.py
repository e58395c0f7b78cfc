"""Whether an amount is a stock or a flow, from the words of ``lang/<lang>/valuation.yaml``.

A stock is valued on a day (a valuation, a market capitalisation, reserves, a debt, a
price); a flow is summed over a period (revenue, exports, investment, a loss for a year).
In an article the word nearest before the amount in its sentence decides; for a claims
record, the words of its ``metric`` ("net_loss": a loss, a flow) in the record's language
or in English. None when no word says.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Literal

from factcheck.analyse.context import DocumentContext
from factcheck.extract.word_patterns import alternation
from factcheck.lang.loader import language
from factcheck.model import Figure, Lang

Nature = Literal["stock", "flow"]
NATURES: tuple[Nature, ...] = ("stock", "flow")


@cache
def _patterns(lang: Lang) -> dict[Nature, re.Pattern[str]]:
    words = language(lang).valuation
    return {nature: re.compile(rf"(?<!\w)(?:{alternation(getattr(words, nature))})(?!\w)",
                               re.IGNORECASE) for nature in NATURES}


def _last_word(text: str, langs: tuple[Lang, ...]) -> Nature | None:
    """The nature of the word that ends last in ``text``."""
    best: tuple[int, Nature] | None = None
    for lang in langs:
        for nature, pattern in _patterns(lang).items():
            for m in pattern.finditer(text):
                if best is None or m.end() > best[0]:
                    best = (m.end(), nature)
    return best[1] if best else None


def metric_nature(metric: str, lang: Lang) -> Nature | None:
    """The nature a claims record's metric names ("net_loss", "market_cap")."""
    langs: tuple[Lang, ...] = (lang,) if lang == "en" else (lang, "en")
    return _last_word(metric.replace("_", " ").replace("-", " "), langs)


def nature_of(ctx: DocumentContext, figure: Figure) -> Nature | None:
    """Whether ``figure`` (the amount a conversion restates) is a stock or a flow."""
    if ctx.records:
        metric = ctx.metrics.get(figure.id)
        return metric_nature(metric, ctx.document.lang) if metric else None
    text = ctx.document.text
    spans = ctx.sentences
    start = next((s for s, e in spans if s <= figure.start < e), 0)
    return _last_word(text[start:figure.start], (ctx.document.lang,))
