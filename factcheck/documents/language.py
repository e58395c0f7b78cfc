"""Language detection by counting function words (stop words).

Each language's stop words live in ``factcheck/extract/data/<lang>/stopwords.yaml``; the
lists are disjoint, so every word found is evidence for exactly one language.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache
from importlib import resources

import yaml

from factcheck.model import LANGS, Lang

#: Only the start of a long text is looked at: plenty of evidence, bounded time.
SAMPLE_CHARS = 20_000
#: Letters only: "l'économie" gives "l" and "économie", "d'un" gives "d" and "un".
_WORD = re.compile(r"[^\W\d_]+")
#: Order in which ties are broken; "en" is also the answer when there is no evidence.
_TIE_ORDER: tuple[Lang, ...] = ("en", "fr", "id")


@lru_cache(maxsize=1)
def stopwords() -> dict[str, Lang]:
    """Every stop word mapped to its language (loaded once)."""
    table: dict[str, Lang] = {}
    for lang in LANGS:
        resource = resources.files("factcheck").joinpath(
            "extract", "data", lang, "stopwords.yaml"
        )
        words = yaml.safe_load(resource.read_text(encoding="utf-8"))
        if not isinstance(words, list) or not all(isinstance(w, str) for w in words):
            raise ValueError(f"{lang}/stopwords.yaml must be a list of strings")
        for word in words:
            other = table.setdefault(word.lower(), lang)
            if other != lang:
                raise ValueError(f"stop word {word!r} is listed for both {other} and {lang}")
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
    """The language ("id", "fr" or "en") with the most stop words in ``text``.

    Ties go to "en", then "fr"; with no evidence at all the answer is "en".
    Linear in the sample, which is at most ``SAMPLE_CHARS`` characters.
    """
    scores = language_scores(text)
    return max(_TIE_ORDER, key=lambda lang: scores[lang])  # max keeps the first of equals
