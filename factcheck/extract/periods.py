"""Find the periods a text states its figures for: dates, months, quarters, halves, years.

The grammar is compiled in ``period_grammar.py``. Relative
periods ("tahun lalu", "last month") resolve against the publication date, or stay unresolved.
Anaphoric ones ("tahun yang sama", "that year") take the year of the nearest resolved mention
before them.
"""

from __future__ import annotations

import calendar
import re
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from factcheck.extract.period_grammar import (
    NEXT_WORD,
    NUMERIC_JOIN,
    WORD,
    Grammar,
    grammar,
    norm,
)
from factcheck.model import Lang, Period

__all__ = ["PeriodMention", "attach_period", "find_periods"]

@dataclass(frozen=True, slots=True)
class PeriodMention:
    """A period written in the text at ``[start, end)``."""

    start: int
    end: int
    period: Period


def _months(text: str, y1: int, m1: int, y2: int, m2: int, label: str | None, rel: bool) -> Period:
    """The period from the first day of month ``y1-m1`` to the last day of ``y2-m2``."""
    if label is None:
        label = f"{y1}-{m1:02d}" + ("" if (y1, m1) == (y2, m2) else f"/{y2}-{m2:02d}")
    end = date(y2, m2, calendar.monthrange(y2, m2)[1])
    return Period(text=text, label=label, start=date(y1, m1, 1), end=end, relative=rel)


def _resolve(g: Grammar, kind: str, m: re.Match[str], published: date | None) -> Period | None:
    gd, text = m.groupdict(), m.group(0)
    if kind == "anaphor":
        return Period(text=text, relative=True)  # resolved once all mentions are known
    if kind in ("rmonth", "rquarter"):
        k = g.relative["month" if kind == "rmonth" else "quarter"][norm(gd["rel"])]
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
            mo, dd = g.months[norm(gd["m"])], int(gd["d"])
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
        offset = g.relative["year"][norm(gd["year"])]
        y = None if published is None else published.year + offset
    if y is None:
        return Period(text=text, relative=True)
    if kind == "year":
        return _months(text, y, 1, y, 12, str(y), relative)
    if kind in ("quarter", "half"):
        size, n = (3, "Q") if kind == "quarter" else (6, "H")
        i = g.ordinals[norm(gd["n"])]
        return _months(text, y, size * i - size + 1, y, size * i, f"{y}-{n}{i}", relative)
    m2 = g.months[norm(gd["m2" if kind == "mrange" else "m"])]
    if kind == "month":
        return _months(text, y, m2, y, m2, None, relative)
    m1 = g.months[norm(gd["m1"])]
    first = int(gd["y1"]) if gd.get("y1") else (y if m1 <= m2 else y - 1)
    return _months(text, first, m1, y, m2, None, relative) if (first, m1) < (y, m2) else None


def _keep(g: Grammar, kind: str, text: str, m: re.Match[str]) -> bool:
    """A bare year must not be a number with a currency or a unit; a relative period must not
    be counted ("4 tahun lalu" is four years ago, not last year)."""
    s, e = m.span()
    gd = m.groupdict()
    words = text[max(0, s - 16) : s].split()
    last = norm(words[-1]).lstrip("([{\"'«“") if words else ""
    year = gd.get("year") or ""
    if gd.get("noun") or kind not in ("rmonth", "rquarter", "year"):
        return True
    if kind != "year" or not year.isdigit():
        return gd.get("pre") is not None or not (last.isdigit() or last in g.counts)
    if NUMERIC_JOIN.fullmatch(text[max(0, s - 2) : s]) or NUMERIC_JOIN.match(text, e):
        return False
    nxt = NEXT_WORD.match(text, e)
    return last not in g.not_before and (nxt is None or norm(nxt.group(1)) not in g.not_after)


BEFORE_TRIGGER, AFTER_TRIGGER = 80, 12


def _windows(
    g: Grammar, text: str, spans: Sequence[tuple[int, int]]
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
    g = grammar(lang)
    found: list[tuple[int, int, str, Period]] = []
    spans = _windows(g, text, [(0, len(text))] if within is None else within)
    candidates = (
        (kind, m)
        for s, e in spans
        for words in [{w.casefold() for w in WORD.findall(text, s, e)}]
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
    mentions: Sequence[PeriodMention], sentence: tuple[int, int], start: int, end: int,
    text: str = "", lang: Lang | None = None, amounts: Sequence[int] = (),
    own: frozenset[int] = frozenset(),
) -> Period | None:
    """The period of a figure at ``[start, end)``: the nearest mention after it in its sentence,
    else the nearest before it there; ``mentions`` as returned by :func:`find_periods`.

    Given the ``text`` and its ``lang``, a mention the sentence does not tie to the figure is
    passed over: one after a "since" word in its clause ("the highest since records began in
    the 1970s", "sejak 2015"), and one after the figure with another amount between them
    (``amounts``: the sorted starts of the text's amounts, ``own`` those of the figure and
    its restatement; "$3 billion, up from $1 billion in 2015")."""
    s0, s1 = sentence
    since = grammar(lang).since if lang is not None and text else None
    i = bisect_left(mentions, end, key=_start)
    if i < len(mentions) and mentions[i].end <= s1:
        m = mentions[i]
        between = amounts[bisect_left(amounts, end):bisect_left(amounts, m.start)]
        if not _untied(m, text, s0, since) and all(a in own for a in between):
            return m.period
    j = bisect_left(mentions, start, key=_start) - 1
    if j >= 0 and mentions[j].end > start:
        j -= 1  # it overlaps the figure
    if j >= 0 and mentions[j].start >= s0 and not _untied(mentions[j], text, s0, since):
        return mentions[j].period
    return None


def _untied(m: PeriodMention, text: str, s0: int, since: re.Pattern[str] | None) -> bool:
    """Whether a "since" word stands before the mention in its clause."""
    if since is None:
        return False
    head = text[s0:m.start]
    clause = max(head.rfind(mark) for mark in ",;:()") + 1
    return since.search(head, clause) is not None
