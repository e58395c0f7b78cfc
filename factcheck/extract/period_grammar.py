"""The period grammar of a language, compiled once: the regular expressions for dates,
months, quarters, halves, years and relative periods, their trigger scans, and the words
each pattern needs. The words live in ``factcheck/lang/<lang>/periods.yaml``; month names
come from babel's CLDR data.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from factcheck.extract.tries import phrase_trie
from factcheck.extract.word_patterns import trie_pattern
from factcheck.lang.cldr_data import month_names
from factcheck.lang.loader import language
from factcheck.model import Lang
from factcheck.patterns import compiled

_Y4 = r"(?:19|20)[0-9]{2}(?![.,]?[0-9])"
_YY = r"['’]?(?P<yy>[0-9]{2})(?![0-9])"
_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4}
NEXT_WORD = re.compile(r"\s*+([\w%]+)")
NUMERIC_JOIN = re.compile(r"[0-9][-/]|[-/][0-9]")
WORD = re.compile(r"[^\W\d_]+")


@dataclass(frozen=True, slots=True)
class Grammar:
    patterns: tuple[tuple[str, re.Pattern[str], frozenset[str] | None], ...]
    months: dict[str, int]
    ordinals: dict[str, int]
    relative: dict[str, dict[str, int]]
    not_before: frozenset[str]
    not_after: frozenset[str]
    counts: frozenset[str]
    dmy: bool
    triggers: tuple[re.Pattern[str], ...]
    since: re.Pattern[str]


def norm(s: object) -> str:
    return " ".join(str(s).casefold().replace("’", "'").replace(".", "").split())


def _alt(phrases: Iterable[object], lead: bool = False) -> str:
    """The phrases as alternatives (a trie, matching as the alternation sorted longest
    first does), never matching if there are none; ``lead``: each is followed by
    whitespace, unless it ends in an elided article such as d'."""
    return phrase_trie(phrases, lead)


def _link(items: Sequence[object], bare: bool) -> str:
    """A separator: a symbol with optional spaces, a word between spaces, or (bare) spaces."""
    syms = [i for i in items if not str(i)[0].isalnum()]
    words = [i for i in items if str(i)[0].isalnum()]
    return rf"(?:\s*+{_alt(syms)}\s*+|\s++{_alt(words)}\s++" + (r"|\s++)" if bare else ")")


@functools.cache
def grammar(lang: Lang) -> Grammar:
    d = language(lang).periods
    months = {
        norm(name): n
        for width in ("wide", "abbreviated")
        for n, name in month_names(lang, width).items()
    }
    months |= {norm(v): int(n) for n, vs in d.months.items() for v in vs}
    ords = {norm(k): int(v) for k, v in d.ordinals.items()}
    ords |= _ROMAN | {str(i): i for i in range(1, 5)}
    relative = d.relative.model_dump()
    rel = {k: {norm(p): int(o) for p, o in v.items()} for k, v in relative.items()}

    def month(g: str) -> str:
        return rf"(?P<{g}>{_alt(months)})(?:\.|(?!\w))"

    year = rf"(?P<year>{_Y4}|{_alt(rel['year'])})"
    link, join = _link(d.links, True), _link(d.joiners, False)
    close = _link([*d.joiners, *d.range_close], False)
    opn, mnoun = _alt(d.range_open, True), rf"(?:{_alt(d.month_nouns, True)})?"
    day = rf"(?P<d>[0-9]{{1,2}})(?![0-9])(?:{_alt(d.day_suffixes)})?"
    y1 = rf"(?:\s++(?P<y1>{_Y4}))?"

    def portion(nouns: Sequence[str], top: int, codes: Sequence[str]) -> list[str]:
        n, c = _alt(nouns), _alt(codes)
        o = rf"(?P<n>{_alt(k for k, v in ords.items() if v <= top)})(?!\w)"
        return [
            rf"{n}\s++{o}{link}{year}",
            rf"{o}\s++{n}{link}{year}",
            rf"{c}(?P<n>[1-{top}])(?:\s*+[-/]?\s*+(?P<year>{_Y4})|{_YY})",
            rf"(?P<n>[1-{top}]){c}(?:\s*+(?P<year>{_Y4})|{_YY})",
        ]

    cores: dict[str, list[str]] = {
        "date": [
            rf"{day}\s++{month('m')},?\s++(?P<year>{_Y4})",
            rf"{month('m')}\s++{day},?\s++(?P<year>{_Y4})",
            rf"(?P<a>[0-9]{{1,2}})(?P<sep>[/.-])(?P<b>[0-9]{{1,2}})(?P=sep)(?P<year>{_Y4})",
            rf"(?P<year>{_Y4})-(?P<mo>[0-9]{{2}})-(?P<d>[0-9]{{2}})",
        ],
        "month": [rf"{mnoun}{month('m')}{link}{year}"],
        "mrange": [
            rf"{mnoun}{month('m1')}{y1}{join}{month('m2')}{link}{year}",
            rf"{opn}{mnoun}{month('m1')}{y1}{close}{month('m2')}{link}{year}",
        ],
        "quarter": portion(d.quarter_nouns, 4, d.quarter_codes),
        "half": portion(d.half_nouns, 2, d.half_codes),
        "year": [
            rf"(?P<noun>{_alt(d.year_nouns, True)})?{year}",
            rf"(?P<noun>{_alt(d.year_codes)})\s?+(?:(?P<year>{_Y4})|{_YY})",
        ],
        "yrange": [
            rf"(?P<y1>{_Y4}){join}(?P<y2>{_Y4})",
            rf"{opn}(?P<y1>{_Y4}){close}(?P<y2>{_Y4})",
        ],
        "rmonth": [rf"(?P<rel>{_alt(rel['month'])})"],
        "rquarter": [rf"(?P<rel>{_alt(rel['quarter'])})"],
        "anaphor": [_alt(d.anaphora)],
    }
    pre = rf"(?P<pre>{_alt(d.prefixes, True)})?"

    def first_words(phrases: Iterable[object]) -> frozenset[str]:
        return frozenset(m.group() for p in phrases if (m := WORD.search(norm(p))))

    # A pattern runs on a window only if the window holds one of the words it needs.
    word_sets = {
        "month": first_words(months),
        "quarter": first_words(d.quarter_nouns + d.quarter_codes),
        "half": first_words(d.half_nouns + d.half_codes),
        "rel": first_words([*(p for v in relative.values() for p in v), *d.anaphora]),
    }
    needs: dict[str, list[str | None]] = {
        "date": ["month", "month", None, None], "month": ["month"],
        "mrange": ["month", "month"], "quarter": ["quarter"] * 4, "half": ["half"] * 4,
        "year": [None, None], "yrange": [None, None], "rmonth": ["rel"],
        "rquarter": ["rel"], "anaphor": ["rel"],
    }
    patterns = tuple(
        (kind, compiled(rf"(?<!\w)(?<![0-9][.,]){pre}(?:{core})(?!\w)", re.IGNORECASE),
         None if need is None else word_sets[need])
        for kind, group in cores.items()
        for core, need in zip(group, needs[kind], strict=True)
    )
    before, after, counts = (
        frozenset(norm(w) for w in group) for group in (d.year_not_before, d.year_not_after,
                                                        d.counts)
    )
    # Every mention holds a four-digit year, a two-digit year after a letter ("Q3'24",
    # "FY24"), or a relative or anaphoric phrase: the patterns only run near one of these.
    # Three scans that each start with a literal or a character class, which the regex
    # engine skips to quickly; case-sensitive with the usual capitalisations, since
    # IGNORECASE makes the scan several times slower.
    words = [str(p) for v in relative.values() for p in v] + [str(p) for p in d.anaphora]
    variants = {v for w in words for v in (w, w[:1].upper() + w[1:], w.upper())}
    triggers = (
        re.compile(r"(?:19|20)[0-9]{2}(?![.,]?[0-9])"),
        re.compile(r"[0-9][0-9](?<=[A-Za-z'’][0-9][0-9])(?![0-9])"),
        compiled(trie_pattern(variants)),
    )
    since = compiled(rf"(?<!\w){_alt(d.since)}(?!\w)", re.IGNORECASE)
    return Grammar(patterns, months, ords, rel, before, after, counts, d.date_order == "dmy",
                   triggers, since)
