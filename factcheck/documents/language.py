"""Language detection by counting function words (stop words).

Each language's stop words live in ``factcheck/lang/<lang>/stopwords.yaml``; the lists are
disjoint, so every word found is evidence for exactly one language. Ties go to the language
with the lowest ``detection_tie_order`` in its ``language.yaml``.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import cache

from factcheck.errors import ConfigError
from factcheck.lang.loader import language
from factcheck.model import LANGS, Lang

#: Only the start of a long text is looked at: plenty of evidence, bounded time.
SAMPLE_CHARS = 20_000
#: Letters only: "l'économie" gives "l" and "économie", "d'un" gives "d" and "un".
_WORD = re.compile(r"[^\W\d_]+")


@cache
def tie_order() -> tuple[Lang, ...]:
    """The languages in the order ties are broken; the first is also the answer when there
    is no evidence."""
    return tuple(sorted(LANGS, key=lambda lang: language(lang).about.detection_tie_order))


@cache
def stopwords() -> dict[str, Lang]:
    """Every stop word mapped to its language (loaded once)."""
    table: dict[str, Lang] = {}
    for lang in LANGS:
        for word in language(lang).stopwords:
            other = table.setdefault(word.lower(), lang)
            if other != lang:
                raise ConfigError(f"stop word {word!r} is listed for both {other} and {lang}",
                                  path=str(language(lang).folder / "stopwords.yaml"))
    return table


def language_scores(text: str) -> Counter[Lang]:
    """How many stop words of each language occur in the sample of ``text``."""
    table = stopwords()
    scores: Counter[Lang] = Counter()
    for word in _WORD.findall(text[:SAMPLE_CHARS].lower()):
        lang = table.get(word)
        if lang is not None:
            scores[lang] += 1
    return scores


def detect_language(text: str) -> Lang:
    """The language with the most stop words in ``text``.

    Ties go to "en", then "fr" (see :func:`tie_order`); with no evidence at all the answer
    is "en". Linear in the sample, which is at most ``SAMPLE_CHARS`` characters.
    """
    scores = language_scores(text)
    return max(tie_order(), key=lambda lang: scores[lang])  # max keeps the first of equals
