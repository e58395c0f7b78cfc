"""Language detection that holds on short text: figures' words first, then stop words, then
an optional model.

1. Figure evidence (``factcheck/lang/<lang>/detection.yaml``): scale words and currency
   names that only one language's press writes next to figures ("juta", "miliar",
   "milliards", "billion") count :data:`FIGURE_WORD_WEIGHT` each; signs mostly one
   language's press writes ("Rp") count one; a decimal written with a comma or a point
   ("5,83", "5.83") counts one for each language whose CLDR decimal sign it is.
2. Stop words (``stopwords.yaml``; the lists are disjoint) count one each.
3. When that evidence is thin (fewer than :data:`ENOUGH_EVIDENCE` points, or two languages
   within :data:`CLEAR_LEAD` of each other) and the optional ``lingua-language-detector``
   is installed (``pip install 'factcheck[lang]'``), its model, limited to the languages
   factcheck reads and loaded on first use, decides.

Otherwise the language with the most points wins; ties go to the language with the lowest
``detection_tie_order`` in its ``language.yaml``. So a headline such as "Dolar Singapura
kini Rp 10.500" is Indonesian, and its "10.500" is ten thousand five hundred.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import cache
from typing import Any

from factcheck.errors import ConfigError
from factcheck.lang.cldr_data import number_symbols
from factcheck.lang.loader import language
from factcheck.model import LANGS, Lang

#: Only the start of a long text is looked at: plenty of evidence, bounded time.
SAMPLE_CHARS = 20_000
#: What one figure word counts, in stop words.
FIGURE_WORD_WEIGHT = 3
#: Below this many points, or with two languages this close, the evidence is thin.
ENOUGH_EVIDENCE = 4
CLEAR_LEAD = 2
#: Letters only: "l'économie" gives "l" and "économie", "d'un" gives "d" and "un".
_WORD = re.compile(r"[^\W\d_]+")
#: A decimal that cannot be a thousands group: one or two digits after the sign.
_DECIMAL = re.compile(r"(?<![\d.,])\d+([.,])\d{1,2}(?![\d.,]*\d)")


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


def _words_pattern(words: tuple[str, ...]) -> str:
    """Whole words or phrases, a space matching any blank run, an apostrophe either one."""
    escaped = sorted((re.escape(w).replace(r"\ ", r"\s+").replace("'", "['’]") for w in words),
                     key=len, reverse=True)
    return "|".join(escaped) or r"(?!x)x"


@cache
def figure_patterns() -> tuple[tuple[Lang, re.Pattern[str], re.Pattern[str]], ...]:
    """Per language, its figure words and its figure signs as patterns (loaded once)."""
    out = []
    for lang in LANGS:
        data = language(lang).detection
        words = re.compile(rf"(?<![^\W\d_])(?:{_words_pattern(data.figure_words)})"
                           r"(?![^\W\d_])", re.IGNORECASE)
        signs = re.compile(rf"(?<![^\W\d_])(?:{_words_pattern(data.figure_signs)})"
                           r"(?![^\W\d_])", re.IGNORECASE)
        out.append((lang, words, signs))
    return tuple(out)


@cache
def decimal_languages() -> dict[str, tuple[Lang, ...]]:
    """The languages whose CLDR decimal sign is "," and those whose is "."."""
    return {sign: tuple(lang for lang in LANGS if number_symbols(lang)[0] == sign)
            for sign in ",."}


def language_scores(text: str) -> Counter[Lang]:
    """How many stop words of each language occur in the sample of ``text``."""
    table = stopwords()
    scores: Counter[Lang] = Counter()
    for word in _WORD.findall(text[:SAMPLE_CHARS].lower()):
        lang = table.get(word)
        if lang is not None:
            scores[lang] += 1
    return scores


def figure_scores(text: str) -> Counter[Lang]:
    """The points of each language from the figures' words, signs and decimals."""
    sample = text[:SAMPLE_CHARS]
    scores: Counter[Lang] = Counter()
    for lang, words, signs in figure_patterns():
        scores[lang] += FIGURE_WORD_WEIGHT * len(words.findall(sample))
        scores[lang] += len(signs.findall(sample))
    for match in _DECIMAL.finditer(sample):
        for lang in decimal_languages()[match.group(1)]:
            scores[lang] += 1
    return scores


def detect_language(text: str) -> Lang:
    """The language of ``text`` (see the module's documentation). Linear in the sample,
    which is at most ``SAMPLE_CHARS`` characters."""
    scores = figure_scores(text) + language_scores(text)
    ranked = sorted(tie_order(), key=lambda lang: -scores[lang])  # stable: ties keep order
    best = ranked[0]
    thin = scores[best] < ENOUGH_EVIDENCE or scores[best] - scores[ranked[1]] < CLEAR_LEAD
    if thin and text.strip():
        guess = model_language(text[:SAMPLE_CHARS])
        if guess is not None:
            return guess
    return best


@cache
def _model() -> Any:
    """lingua's detector for the languages factcheck reads, or None when lingua is not
    installed (built once, on first use)."""
    try:
        from lingua import IsoCode639_1, Language, LanguageDetectorBuilder
    except ImportError:
        return None
    languages = [Language.from_iso_code_639_1(getattr(IsoCode639_1, lang.upper()))
                 for lang in LANGS]
    return LanguageDetectorBuilder.from_languages(*languages).build()


def model_language(text: str) -> Lang | None:
    """The optional model's language of ``text``, or None (no model, or no answer)."""
    detector = _model()
    if detector is None:
        return None
    found = detector.detect_language_of(text)
    if found is None:
        return None
    code = found.iso_code_639_1.name.lower()
    return next((lang for lang in LANGS if lang == code), None)
