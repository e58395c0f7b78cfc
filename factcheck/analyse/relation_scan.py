"""The words of relations.yaml compiled, the relation types, and one document's sentences
and figures indexed for the relation finders (``analyse.relations`` tells what they find).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from typing import Any

from factcheck.analyse.context import DocumentContext
from factcheck.extract.number_words import parse_number_words
from factcheck.extract.word_patterns import (
    NOT_LETTER_AFTER,
    NOT_LETTER_BEFORE,
    alternation,
    trie_pattern,
)
from factcheck.lang.loader import language
from factcheck.model import Figure, Lang
from factcheck.patterns import compiled

PARTS = ("money", "quantity")
LEVELS = ("money", "quantity", "price")
WORD = re.compile(r"[^\W\d_]+")
YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")
WINDOW = 64  # figures a relation may reach in one sentence
REACH = 160  # characters between a figure and the word that relates it
Key = tuple[str, str | None, str | None, str | None]


def key(f: Figure) -> Key:
    return (f.kind, f.currency, f.unit, f.per)


def words(text: str) -> list[str]:
    return WORD.findall(text.lower())


@dataclass(frozen=True)
class Change:
    """A stated change (a percentage, or an amount) and its (before, after) candidates."""

    stated: Figure
    direction: int
    pairs: tuple[tuple[Figure, Figure], ...]


@dataclass(frozen=True)
class Breakdown:
    """A whole and its listed parts, each counted ``counts`` times (0: an unknown number
    of times, "masing-masing" with no count)."""

    whole: Figure
    parts: tuple[Figure, ...]
    counts: tuple[int, ...]
    complete: bool



def guard(items: Iterable[str]) -> str:
    """A lookahead for the first characters of the words (as ``alternation`` reads them)
    before a pattern of the words, so that a scan rejects most positions on one character;
    case is left to the pattern's flags. Empty when a word is empty (it matches anywhere)."""
    firsts = {w.replace("’", "'")[:1] for w in items}
    if "" in firsts:
        return ""
    spelled = {" ": r"\s\u00a0", "'": "'’"}
    return "(?=[" + "".join(spelled.get(c) or re.escape(c) for c in sorted(firsts)) + "])"


@cache
def patterns(lang: Lang) -> tuple[dict[str, re.Pattern[str]], frozenset[str], frozenset[str],
                                  frozenset[str]]:
    """relations.yaml compiled: patterns by name; link, subject lead and value words."""
    data: dict[str, Any] = language(lang).relations.model_dump()

    def src(items: list[str]) -> str:
        return rf"{NOT_LETTER_BEFORE}(?:{alternation(items)}){NOT_LETTER_AFTER}"

    pats = {n: compiled(src(data[n]), re.I) for n in (
        "points", "after_markers", "earlier_period", "breaks", "hedges",
        "part_of", "part_intro_links", "postposed")}
    nouns = [str(n) for ns in language(lang).ratios.metrics.values() for n in ns]
    pats["anaphors"] = compiled(src([*data["anaphors"]] + [
        form.replace("{noun}", n) for form in data["anaphor_forms"] for n in nouns]), re.I)
    pats["before"] = compiled(src(data["from_markers"] + data["earlier_markers"]), re.I)
    def fast(items: list[str]) -> str:  # a case-variant trie: scanned on every sentence
        variants = {v for w in items for v in (w.lower(), w[:1].upper() + w[1:].lower(),
                                                   w.upper())}
        return rf"{NOT_LETTER_BEFORE}(?:{trie_pattern(variants)}){NOT_LETTER_AFTER}"

    changing = [(f"{g[:3]}_{d}", ws) for g in ("change", "comparative")
                for d, ws in data[g].items()]
    firsts = {v[:1] for _, ws in changing for w in ws
              for v in (w.lower(), w[:1].upper() + w[1:].lower(), w.upper())}
    opening = "".join(re.escape(c) for c in sorted(firsts))  # most positions fail on it at once
    pats["change"] = compiled(rf"(?=[{opening}])(?:" + "|".join(
        f"(?P<{name}>{fast(ws)})" for name, ws in changing) + ")")
    pats["list"] = compiled(
        f"{guard(data['complete'] + data['partial'])}"
        f"(?:(?P<complete>{src(data['complete'])})|(?P<partial>{src(data['partial'])}))", re.I)
    pats["separator"] = compiled(rf"[,(]|{src(data['separators'])}", re.I)
    pats["each_after"] = compiled(rf"[\s,]{{0,3}}{src(data['each'])}", re.I)
    pats["each_before"] = compiled(rf"{src(data['each'])}\W*$", re.I)
    pats["intro"] = compiled(rf"{src(data['part_intro'])}\s*$", re.I)
    pats["whole_before"] = compiled(
        rf"{src(data['whole_of']['before'])}(?:\s+[^\W\d_]+){{0,2}}\s*$", re.I)
    pats["whole_after"] = compiled(rf"\s*(?:{alternation(data['whole_of']['after'])})", re.I)
    referring = data["demonstratives"] + data["breakdown_nouns"]
    refer = alternation(referring) if referring else "(?!)"
    pats["referring"] = compiled(  # "Dana tersebut", "cette ligne de crédit": a subject
        rf"{NOT_LETTER_BEFORE}(?:{refer}|{pats['anaphors'].pattern}){NOT_LETTER_AFTER}"
        rf"(?:\s+[^\W\d_]+){{0,4}}\s*$", re.I)
    pats["duration"] = compiled(  # "4 tahun", "two or three years": a count of time
        rf"\S+(?:\s+\S+\s+\S+)?\s+{src(data['durations'])}" if data["durations"] else "(?!)", re.I)
    pats["relative"] = compiled(rf"{src(data['relative'])}(?P<rest>(?:(?!{src(data['relative'])})"
                                  rf"[\s\S])*)$", re.I)
    values = frozenset(w for p in data["value_words"] for w in words(p))
    return (pats, frozenset(w for p in data["links"] for w in words(p)),
            frozenset(w for p in data["subject_leads"] for w in words(p)), values)



class Scan:
    """One document's sentences and figures, and the relation finders over them."""

    def __init__(self, ctx: DocumentContext) -> None:
        self.text, self.lang = ctx.document.text, ctx.document.lang
        self.pats, self.links, self.leads, self.values = patterns(self.lang)
        self.spans = ctx.sentences or [(0, len(self.text))]
        self.figs: list[list[Figure]] = [[] for _ in self.spans]
        for f in ctx.figures:
            if 0 <= f.sentence < len(self.spans):
                self.figs[f.sentence].append(f)
        self.starts = [[f.start for f in figs] for figs in self.figs]
        self.ends = [[f.end for f in figs] for figs in self.figs]
        self.by_id = {f.id: f for f in ctx.figures}
        self.memo: dict[int, list[Figure]] = {}

    def has(self, name: str, lo: int, hi: int) -> bool:
        return self.pats[name].search(self.text, lo, hi) is not None

    def between(self, s: int, lo: int, hi: int, first: int = WINDOW, last: int = 0
                ) -> list[Figure]:
        """The figures of sentence ``s`` that lie in [lo, hi): the ``first`` ones, or the
        ``last`` ones (a bounded window keeps long sentences linear)."""
        i, j = bisect_left(self.starts[s], lo), bisect_right(self.ends[s], hi)
        return self.figs[s][max(i, j - last):j] if last else self.figs[s][i:min(j, i + first)]

    def with_source(self, f: Figure) -> list[Figure]:
        source = self.by_id.get(f.equivalent_of or "")
        return [f, source] if source is not None else [f]

    def marked(self, gap: str, name: str, lead: int, tail: int) -> bool:
        """Whether ``gap`` (the text before a figure) holds a marker with at most ``lead``
        words before it (none after a comma) and ``tail`` words after its last one."""
        comma = max(gap.rfind(","), gap.rfind(";"))
        part = gap[comma + 1:]
        found = list(self.pats[name].finditer(part))
        return bool(found) and not self.pats["breaks"].search(part) and len(words(
            part[:found[0].start()])) <= (0 if comma >= 0 else lead) and len(words(
                YEAR.sub(" ", part[found[-1].end():]))) <= tail

    def last(self, gap: str, name: str) -> int:
        return max((m.end() for m in self.pats[name].finditer(gap)), default=-1)

    def count(self, gap: str) -> int:
        """The one number of items in ``gap`` ("dua bank", "two banks"), or 0."""
        found = [int(t) for t in re.findall(r"(?<![\d.,])(\d{1,2})(?=\s+[^\W\d_])", gap)]
        found += [int(n) for w in words(gap) if (n := parse_number_words(w, self.lang))
                  and n >= 2 and n == int(n)]
        return found[0] if len(found) == 1 else 0
