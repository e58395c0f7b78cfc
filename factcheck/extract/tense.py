"""Whether the clause holding a figure is worded as a prediction (future) or a record (past).

Markers are whole words or short phrases from ``factcheck/lang/<lang>/tense.yaml``
(``future``, ``past``), matched case-insensitively. The marker nearest before the figure in
its clause wins; failing that, the nearest after it. Neutral verbs ("mencapai", "reach") are
not markers, so prediction wording around them decides. A clause ends at ";" or at a comma
followed by one of the ``clause_breaks`` conjunctions.
"""

from __future__ import annotations

import functools
import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass

from factcheck.extract.tries import phrase_trie
from factcheck.extract.word_patterns import trie_pattern
from factcheck.lang.loader import language
from factcheck.model import Lang, Tense
from factcheck.patterns import compiled

__all__ = ["clause_tense"]



_WORD = re.compile(r"[^\W\d_]+")


@dataclass(frozen=True, slots=True)
class _Lexicon:
    markers: re.Pattern[str]
    first_words: re.Pattern[str]
    tense: dict[str, Tense]
    breaks: re.Pattern[str]


@dataclass(frozen=True, slots=True)
class _Scan:
    starts: tuple[int, ...]
    ends: tuple[int, ...]
    tenses: tuple[Tense, ...]
    break_starts: tuple[int, ...]
    break_ends: tuple[int, ...]


def _norm(s: object) -> str:
    return " ".join(str(s).casefold().replace("’", "'").split())


def _alt(phrases: list[str]) -> str:
    return phrase_trie(phrases)


@functools.cache
def _lexicon(lang: Lang) -> _Lexicon:
    data = language(lang).tense
    markers: tuple[tuple[Tense, tuple[str, ...]], ...] = (
        ("future", data.future), ("past", data.past))
    tense = {_norm(w): t for t, words in markers for w in words}
    firsts = {m.group() for w in tense if (m := _WORD.search(w))}
    variants = {v for w in firsts for v in (w, w[:1].upper() + w[1:], w.upper())}
    breaks = [str(w) for w in data.clause_breaks]
    return _Lexicon(
        markers=compiled(rf"(?<!\w){_alt(list(tense))}(?!\w)", re.IGNORECASE),
        first_words=compiled(rf"(?<![^\W\d_]){trie_pattern(variants)}(?![^\W\d_])"),
        tense=tense,
        breaks=compiled(rf";|,\s*+{_alt(breaks)}(?!\w)", re.IGNORECASE),
    )


@functools.lru_cache(maxsize=64)
def _scan(text: str, s0: int, s1: int, lang: Lang) -> _Scan:
    """The markers and clause breaks of one sentence (cached: a sentence holds many figures)."""
    lex = _lexicon(lang)
    found = []
    end = s0
    for word in lex.first_words.finditer(text, s0, s1):  # only where a marker can start
        if word.start() < end:
            continue
        m = lex.markers.match(text, word.start(), s1)
        if m:
            found.append((m.start(), m.end(), lex.tense.get(_norm(m.group()))))
            end = m.end()
    marks: list[tuple[int, int, Tense]] = []
    for s, e, t in found:
        if t is None:
            continue
        if t == "past" and marks and marks[-1][2] == "future" and s - marks[-1][1] <= 2:
            continue  # "akan meraup": an outcome verb after "akan" is what will happen
        marks.append((s, e, t))
    cuts = [m.span() for m in lex.breaks.finditer(text, s0, s1)]
    return _Scan(
        starts=tuple(s for s, _, _ in marks),
        ends=tuple(e for _, e, _ in marks),
        tenses=tuple(t for _, _, t in marks),
        break_starts=tuple(s for s, _ in cuts),
        break_ends=tuple(e for _, e in cuts),
    )


def clause_tense(text: str, sentence: tuple[int, int], start: int, lang: Lang) -> Tense | None:
    """The tense of the clause holding a figure that starts at ``start`` in ``sentence``."""
    s0, s1 = sentence
    scan = _scan(text, s0, s1, lang)
    i = bisect_right(scan.break_ends, start)
    lo = scan.break_ends[i - 1] if i else s0
    k = bisect_left(scan.break_starts, start)
    hi = scan.break_starts[k] if k < len(scan.break_starts) else s1
    before = bisect_right(scan.ends, start) - 1
    if before >= 0 and scan.starts[before] >= lo:
        return scan.tenses[before]
    after = bisect_left(scan.starts, start)
    if after < len(scan.starts) and scan.ends[after] <= hi:
        return scan.tenses[after]
    return None
