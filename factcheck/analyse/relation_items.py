"""Per-item figures: an amount for each one of a counted set ("masing-masing orang
menyumbang Rp 15,4 juta", "520 millions de dollars en moyenne"), the number of items the
text counts near it ("254,9 juta jiwa", "177 transactions") and the amounts that may be
their product (see ``analyse.relations``). The words are ``per_item`` in
``lang/<lang>/relations.yaml``.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import cache

from factcheck.analyse.relation_scan import PARTS, REACH, Scan, guard, key, words
from factcheck.extract.lexicon import lexicon
from factcheck.extract.numbers import NUMERAL, parse_numeral
from factcheck.extract.word_patterns import NOT_LETTER_AFTER, NOT_LETTER_BEFORE, alternation
from factcheck.lang.loader import language
from factcheck.model import Figure, Lang

CUE_WORDS = 8  # words a per-item cue may stand before its amount
OPEN_ABOVE = frozenset({"more_than", "at_least"})
OPEN_BELOW = frozenset({"less_than", "up_to"})


@dataclass(frozen=True)
class Count:
    """A number of items as printed ("254,9 juta jiwa") and the interval it admits."""

    text: str
    value: float
    low: float
    high: float
    sentence: int


@dataclass(frozen=True)
class PerItem:
    """An amount for each item, the count of items, and the amounts near both that may
    be their product (of the same kind, currency, unit and time basis)."""

    item: Figure
    count: Count
    totals: tuple[Figure, ...]


@cache
def _patterns(lang: Lang) -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str],
                                   dict[str, float], re.Pattern[str]]:
    """The per-item cue before an amount, the one after it, a count, scale words and
    qualifiers ("setidaknya", "at least")."""
    data = language(lang).relations.per_item
    nouns, each = alternation(data.nouns), alternation(data.each)
    cue = re.compile(rf"{guard(data.each)}{NOT_LETTER_BEFORE}(?:{each})\s+(?:[^\W\d_]+\s+)?"
                     rf"(?:{nouns}){NOT_LETTER_AFTER}", re.I)
    after = re.compile(rf"[\s,—–-]{{0,4}}(?:(?:{each})\s+(?:{nouns})|{alternation(data.average)})"
                       rf"{NOT_LETTER_AFTER}", re.I)
    scales = {str(w).lower(): float(v) for w, v in language(lang).amounts.scale_words.items()}
    count = re.compile(rf"(?<![\w.,$€£¥]){NOT_LETTER_BEFORE}(?P<n>{NUMERAL.pattern})"
                       rf"(?:\s+(?P<scale>{alternation(scales)}))?\s+(?:{nouns})"
                       rf"{NOT_LETTER_AFTER}", re.I)
    qualifier = re.compile(rf"{NOT_LETTER_BEFORE}(?P<q>{alternation(lexicon(lang).qualifiers)})"
                           rf"{NOT_LETTER_AFTER}", re.I)
    return cue, after, count, scales, qualifier


def per_items(scan: Scan) -> list[PerItem]:
    cue, after, count_re, _, _ = _patterns(scan.lang)
    counts: dict[int, list[Count]] = {}
    out: list[PerItem] = []
    for s, (lo, _) in enumerate(scan.spans):
        for i, f in enumerate(scan.figs[s]):
            if (f.kind not in PARTS or f.qualifier == "range" or f.value <= 0
                    or f.low is None or f.high is None):
                continue
            start = max(scan.figs[s][i - 1].end if i else lo, f.start - REACH)
            found = list(cue.finditer(scan.text, start, f.start))
            if not ((found and len(words(scan.text[found[-1].end():f.start])) <= CUE_WORDS
                     and not scan.has("breaks", found[-1].end(), f.start))
                    or after.match(scan.text, f.end)):
                continue
            near = [c for k in (s, s - 1, s + 1) if 0 <= k < len(scan.spans)
                    for c in counts.setdefault(k, _counts(scan, k, count_re))]
            if not near:
                continue
            n = near[0]  # in its own sentence first, then the one before, then after
            first, last = max(min(s, n.sentence) - 1, 0), max(s, n.sentence)
            totals = tuple(t for k in range(first, last + 1) for t in scan.figs[k]
                           if t is not f and key(t) == key(f) and t.qualifier != "range"
                           and t.low is not None and t.high is not None
                           and t.value >= 2 * f.value)
            if totals:
                out.append(PerItem(f, n, totals))
    return out


def _counts(scan: Scan, s: int, pattern: re.Pattern[str]) -> list[Count]:
    """The counts of items sentence ``s`` prints: a number in digits before a counted
    noun ("90 perusahaan", "254,9 juta jiwa"), not part of an amount; "at least" leaves
    it open above, "up to" below."""
    lo, hi = scan.spans[s]
    taken = [(f.start, f.end) for f in scan.figs[s]]
    lex, (_, _, _, scales, qualifiers) = lexicon(scan.lang), _patterns(scan.lang)
    out = []
    for m in pattern.finditer(scan.text, lo, hi):
        numeral = parse_numeral(m.group("n"), scan.lang)
        if numeral is None or any(a < m.end() and m.start() < b for a, b in taken):
            continue
        factor = scales.get((m.group("scale") or "").lower(), 1.0)
        low = (numeral.value - numeral.step / 2) * factor
        high = (numeral.value + numeral.step / 2) * factor
        qualifier = max(qualifiers.finditer(scan.text, max(lo, m.start() - 40), m.start()),
                        key=re.Match.start, default=None)
        if qualifier and len(words(scan.text[qualifier.end():m.start()])) <= 1:
            kind = lex.qualifiers.get(qualifier.group("q").casefold(), "")
            high = math.inf if kind in OPEN_ABOVE else high
            low = 0.0 if kind in OPEN_BELOW else low
        if numeral.value * factor >= 2:
            out.append(Count(m.group(), numeral.value * factor, low, high, s))
    return out
