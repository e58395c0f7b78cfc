"""Find the periods a text states its figures for: dates, months, quarters, halves, years.

The words live in ``data/<lang>/periods.yaml``; month names come from babel's CLDR data. Relative
periods ("tahun lalu", "last month") resolve against the publication date, or stay unresolved.
Anaphoric ones ("tahun yang sama", "that year") take the year of the nearest resolved mention
before them.
"""

from __future__ import annotations

import calendar
import functools
import re
from bisect import bisect_left
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import yaml
from babel.dates import get_month_names

from factcheck.extract.lexicon import trie_pattern
from factcheck.model import Lang, Period

__all__ = ["PeriodMention", "attach_period", "find_periods"]

_DATA = Path(__file__).with_name("data")
_Y4 = r"(?:19|20)[0-9]{2}(?![.,]?[0-9])"
_YY = r"['’]?(?P<yy>[0-9]{2})(?![0-9])"
_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4}
_NEXT_WORD = re.compile(r"\s*+([\w%]+)")
_NUMERIC_JOIN = re.compile(r"[0-9][-/]|[-/][0-9]")
_WORD = re.compile(r"[^\W\d_]+")


@dataclass(frozen=True, slots=True)
class PeriodMention:
    """A period written in the text at ``[start, end)``."""

    start: int
    end: int
    period: Period


@dataclass(frozen=True, slots=True)
class _Grammar:
    patterns: tuple[tuple[str, re.Pattern[str], frozenset[str] | None], ...]
    months: dict[str, int]
    ordinals: dict[str, int]
    relative: dict[str, dict[str, int]]
    not_before: frozenset[str]
    not_after: frozenset[str]
    counts: frozenset[str]
    dmy: bool
    triggers: tuple[re.Pattern[str], ...]


def _norm(s: object) -> str:
    return " ".join(str(s).casefold().replace("’", "'").replace(".", "").split())


def _alt(phrases: Iterable[object], lead: bool = False) -> str:
    """The phrases as alternatives, longest first, never matching if there are none; ``lead``:
    each is followed by whitespace, unless it ends in an elided article such as d'."""
    items = sorted({str(p) for p in phrases}, key=len, reverse=True)
    parts = [
        r"\s++".join(re.escape(w).replace("'", "['’]") for w in p.split())
        + (r"\s++" if lead and not p.endswith("'") else "")
        for p in items
    ]
    return "(?:" + "|".join(parts) + ")" if parts else "(?!)"


def _link(items: Sequence[object], bare: bool) -> str:
    """A separator: a symbol with optional spaces, a word between spaces, or (bare) spaces."""
    syms = [i for i in items if not str(i)[0].isalnum()]
    words = [i for i in items if str(i)[0].isalnum()]
    return rf"(?:\s*+{_alt(syms)}\s*+|\s++{_alt(words)}\s++" + (r"|\s++)" if bare else ")")


@functools.cache
def _grammar(lang: Lang) -> _Grammar:
    d: dict[str, Any] = yaml.safe_load((_DATA / lang / "periods.yaml").read_text("utf-8"))
    months = {
        _norm(name): n
        for width in ("wide", "abbreviated")
        for n, name in get_month_names(width, locale=lang).items()
    }
    months |= {_norm(v): int(n) for n, vs in d["months"].items() for v in vs}
    ords = {_norm(k): int(v) for k, v in d["ordinals"].items()}
    ords |= _ROMAN | {str(i): i for i in range(1, 5)}
    rel = {k: {_norm(p): int(o) for p, o in v.items()} for k, v in d["relative"].items()}

    def month(g: str) -> str:
        return rf"(?P<{g}>{_alt(months)})(?:\.|(?!\w))"

    year = rf"(?P<year>{_Y4}|{_alt(rel['year'])})"
    link, join = _link(d["links"], True), _link(d["joiners"], False)
    close = _link([*d["joiners"], *d["range_close"]], False)
    opn, mnoun = _alt(d["range_open"], True), rf"(?:{_alt(d['month_nouns'], True)})?"
    day = rf"(?P<d>[0-9]{{1,2}})(?![0-9])(?:{_alt(d['day_suffixes'])})?"
    y1 = rf"(?:\s++(?P<y1>{_Y4}))?"

    def portion(nouns: list[str], top: int, codes: list[str]) -> list[str]:
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
        "quarter": portion(d["quarter_nouns"], 4, d["quarter_codes"]),
        "half": portion(d["half_nouns"], 2, d["half_codes"]),
        "year": [
            rf"(?P<noun>{_alt(d['year_nouns'], True)})?{year}",
            rf"(?P<noun>{_alt(d['year_codes'])})\s?+(?:(?P<year>{_Y4})|{_YY})",
        ],
        "yrange": [
            rf"(?P<y1>{_Y4}){join}(?P<y2>{_Y4})",
            rf"{opn}(?P<y1>{_Y4}){close}(?P<y2>{_Y4})",
        ],
        "rmonth": [rf"(?P<rel>{_alt(rel['month'])})"],
        "rquarter": [rf"(?P<rel>{_alt(rel['quarter'])})"],
        "anaphor": [_alt(d["anaphora"])],
    }
    pre = rf"(?P<pre>{_alt(d['prefixes'], True)})?"

    def first_words(phrases: Iterable[object]) -> frozenset[str]:
        return frozenset(m.group() for p in phrases if (m := _WORD.search(_norm(p))))

    # A pattern runs on a window only if the window holds one of the words it needs.
    word_sets = {
        "month": first_words(months),
        "quarter": first_words(d["quarter_nouns"] + d["quarter_codes"]),
        "half": first_words(d["half_nouns"] + d["half_codes"]),
        "rel": first_words([*(p for v in d["relative"].values() for p in v), *d["anaphora"]]),
    }
    needs: dict[str, list[str | None]] = {
        "date": ["month", "month", None, None], "month": ["month"],
        "mrange": ["month", "month"], "quarter": ["quarter"] * 4, "half": ["half"] * 4,
        "year": [None, None], "yrange": [None, None], "rmonth": ["rel"],
        "rquarter": ["rel"], "anaphor": ["rel"],
    }
    patterns = tuple(
        (kind, re.compile(rf"(?<!\w)(?<![0-9][.,]){pre}(?:{core})(?!\w)", re.IGNORECASE),
         None if need is None else word_sets[need])
        for kind, group in cores.items()
        for core, need in zip(group, needs[kind], strict=True)
    )
    before, after, counts = (
        frozenset(_norm(w) for w in d[k]) for k in ("year_not_before", "year_not_after", "counts")
    )
    # Every mention holds a four-digit year, a two-digit year after a letter ("Q3'24",
    # "FY24"), or a relative or anaphoric phrase: the patterns only run near one of these.
    # Three scans that each start with a literal or a character class, which the regex
    # engine skips to quickly; case-sensitive with the usual capitalisations, since
    # IGNORECASE makes the scan several times slower.
    words = [str(p) for v in d["relative"].values() for p in v] + [str(p) for p in d["anaphora"]]
    variants = {v for w in words for v in (w, w[:1].upper() + w[1:], w.upper())}
    triggers = (
        re.compile(r"(?:19|20)[0-9]{2}(?![.,]?[0-9])"),
        re.compile(r"[0-9][0-9](?<=[A-Za-z'’][0-9][0-9])(?![0-9])"),
        re.compile(trie_pattern(variants)),
    )
    return _Grammar(patterns, months, ords, rel, before, after, counts, d["date_order"] == "dmy",
                    triggers)


def _months(text: str, y1: int, m1: int, y2: int, m2: int, label: str | None, rel: bool) -> Period:
    """The period from the first day of month ``y1-m1`` to the last day of ``y2-m2``."""
    if label is None:
        label = f"{y1}-{m1:02d}" + ("" if (y1, m1) == (y2, m2) else f"/{y2}-{m2:02d}")
    end = date(y2, m2, calendar.monthrange(y2, m2)[1])
    return Period(text=text, label=label, start=date(y1, m1, 1), end=end, relative=rel)


def _resolve(g: _Grammar, kind: str, m: re.Match[str], published: date | None) -> Period | None:
    gd, text = m.groupdict(), m.group(0)
    if kind == "anaphor":
        return Period(text=text, relative=True)  # resolved once all mentions are known
    if kind in ("rmonth", "rquarter"):
        k = g.relative["month" if kind == "rmonth" else "quarter"][_norm(gd["rel"])]
        if published is None:
            return Period(text=text, relative=True)
        if kind == "rmonth":
            yr, mo = divmod(published.year * 12 + published.month - 1 + k, 12)
            return _months(text, yr, mo + 1, yr, mo + 1, None, True)
        yr, q = divmod(published.year * 4 + (published.month - 1) // 3 + k, 4)
        return _months(text, yr, 3 * q + 1, yr, 3 * q + 3, f"{yr}-Q{q + 1}", True)
    if kind == "yrange":
        a, b = int(gd["y1"]), int(gd["y2"])
        return _months(text, a, 1, b, 12, f"{a}/{b}", False) if a < b else None
    if kind == "date":
        if gd.get("m"):
            mo, dd = g.months[_norm(gd["m"])], int(gd["d"])
        elif gd.get("mo"):
            mo, dd = int(gd["mo"]), int(gd["d"])
        else:
            dd, mo = (int(gd["a"]), int(gd["b"])) if g.dmy else (int(gd["b"]), int(gd["a"]))
            dd, mo = (mo, dd) if mo > 12 else (dd, mo)
        day = date(int(gd["year"]), mo, dd)
        return Period(text=text, label=day.isoformat(), start=day, end=day)
    relative = False
    if gd.get("yy"):
        y: int | None = 2000 + int(gd["yy"])
    elif gd["year"].isdigit():
        y = int(gd["year"])
    else:
        relative = True
        offset = g.relative["year"][_norm(gd["year"])]
        y = None if published is None else published.year + offset
    if y is None:
        return Period(text=text, relative=True)
    if kind == "year":
        return _months(text, y, 1, y, 12, str(y), relative)
    if kind in ("quarter", "half"):
        size, n = (3, "Q") if kind == "quarter" else (6, "H")
        i = g.ordinals[_norm(gd["n"])]
        return _months(text, y, size * i - size + 1, y, size * i, f"{y}-{n}{i}", relative)
    m2 = g.months[_norm(gd["m2" if kind == "mrange" else "m"])]
    if kind == "month":
        return _months(text, y, m2, y, m2, None, relative)
    m1 = g.months[_norm(gd["m1"])]
    first = int(gd["y1"]) if gd.get("y1") else (y if m1 <= m2 else y - 1)
    return _months(text, first, m1, y, m2, None, relative) if (first, m1) < (y, m2) else None


def _keep(g: _Grammar, kind: str, text: str, m: re.Match[str]) -> bool:
    """A bare year must not be a number with a currency or a unit; a relative period must not
    be counted ("4 tahun lalu" is four years ago, not last year)."""
    s, e = m.span()
    gd = m.groupdict()
    words = text[max(0, s - 16) : s].split()
    last = _norm(words[-1]).lstrip("([{\"'«“") if words else ""
    year = gd.get("year") or ""
    if gd.get("noun") or kind not in ("rmonth", "rquarter", "year"):
        return True
    if kind != "year" or not year.isdigit():
        return gd.get("pre") is not None or not (last.isdigit() or last in g.counts)
    if _NUMERIC_JOIN.fullmatch(text[max(0, s - 2) : s]) or _NUMERIC_JOIN.match(text, e):
        return False
    nxt = _NEXT_WORD.match(text, e)
    return last not in g.not_before and (nxt is None or _norm(nxt.group(1)) not in g.not_after)


BEFORE_TRIGGER, AFTER_TRIGGER = 80, 12


def _windows(
    g: _Grammar, text: str, spans: Sequence[tuple[int, int]]
) -> list[tuple[int, int]]:
    """The stretches of ``spans`` near a trigger, merged: the only places a mention can be."""
    found = sorted(
        (max(s, m.start() - BEFORE_TRIGGER), min(e, m.end() + AFTER_TRIGGER))
        for s, e in spans for trigger in g.triggers for m in trigger.finditer(text, s, e)
    )
    out: list[tuple[int, int]] = []
    for lo, hi in found:
        if out and out[-1][1] >= lo:
            out[-1] = (out[-1][0], max(out[-1][1], hi))
        else:
            out.append((lo, hi))
    return out


def find_periods(
    text: str, lang: Lang, published: date | None,
    within: Sequence[tuple[int, int]] | None = None,
) -> list[PeriodMention]:
    """All period mentions in ``text`` (or only inside the ``within`` spans, which the
    extractor limits to sentences holding figures and the sentence before each), sorted,
    non-overlapping, the longest match winning."""
    g = _grammar(lang)
    found: list[tuple[int, int, str, Period]] = []
    spans = _windows(g, text, [(0, len(text))] if within is None else within)
    candidates = (
        (kind, m)
        for s, e in spans
        for words in [{w.casefold() for w in _WORD.findall(text, s, e)}]
        for kind, pattern, need in g.patterns if need is None or not need.isdisjoint(words)
        for m in pattern.finditer(text, s, e)
    )
    for kind, m in candidates:
            if not _keep(g, kind, text, m):
                continue
            try:
                period = _resolve(g, kind, m, published)
            except (KeyError, ValueError):  # a variant spelling or an impossible date
                continue
            if period is not None:
                found.append((m.start(), m.end(), kind, period))
    found.sort(key=lambda c: (c[0] - c[1], c[0]))
    taken = bytearray(len(text))
    chosen: list[tuple[int, int, str, Period]] = []
    for c in found:
        if taken.find(1, c[0], c[1]) < 0:
            taken[c[0] : c[1]] = b"\x01" * (c[1] - c[0])
            chosen.append(c)
    chosen.sort(key=lambda c: c[0])
    out: list[PeriodMention] = []
    last_year: int | None = None
    for s, e, kind, p in chosen:
        if kind == "anaphor" and last_year is not None:
            p = _months(p.text, last_year, 1, last_year, 12, str(last_year), True)
        if p.start is not None and p.end is not None and p.start.year == p.end.year:
            last_year = p.start.year
        out.append(PeriodMention(s, e, p))
    return out


def _start(m: PeriodMention) -> int:
    return m.start


def attach_period(
    mentions: Sequence[PeriodMention], sentence: tuple[int, int], start: int, end: int
) -> Period | None:
    """The period of a figure at ``[start, end)``: the nearest mention after it in its sentence,
    else the nearest before it there; ``mentions`` as returned by :func:`find_periods`."""
    s0, s1 = sentence
    i = bisect_left(mentions, end, key=_start)
    if i < len(mentions) and mentions[i].end <= s1:
        return mentions[i].period
    j = bisect_left(mentions, start, key=_start) - 1
    if j >= 0 and mentions[j].end > start:
        j -= 1  # it overlaps the figure
    if j >= 0 and mentions[j].start >= s0:
        return mentions[j].period
    return None
