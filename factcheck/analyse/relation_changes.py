"""Stated changes and their before and after values (see ``analyse.relations``)."""

from __future__ import annotations

import re

from factcheck.analyse.relation_scan import (
    LEVELS,
    PARTS,
    REACH,
    YEAR,
    Change,
    Scan,
    key,
    words,
)
from factcheck.model import Figure


def changes(scan: Scan) -> list[Change]:
    out: list[Change] = []
    for s, (lo, hi) in enumerate(scan.spans):
        if not scan.figs[s]:
            continue  # a stated change is a figure of its own sentence
        cues = [c for m in scan.pats["change"].finditer(scan.text, lo, hi)
                if (c := _cue(scan, s, m)) is not None]
        for i, (start, end, direction, stated) in enumerate(cues):
            stop = cues[i + 1][0] if i + 1 < len(cues) else hi
            brk = scan.pats["breaks"].search(scan.text, end, stop)
            pairs = _pairs(scan, s, start, end, brk.start() if brk else stop, stated)
            out += [Change(f, direction, pairs) for f in stated if pairs]
    return out

def _cue(scan: Scan, s: int, m: re.Match[str]) -> tuple[int, int, int, list[Figure]] | None:
    """(start, end, direction, stated figures) of a change word, if it states one."""
    direction = 1 if (m.lastgroup or "").endswith("up") else -1
    hi = scan.spans[s][1]
    prev = scan.between(s, m.start() - REACH, m.start(), last=1)
    right_after = prev and prev[0].kind == "percent" and not scan.text[
        prev[0].end:m.start()].strip()  # "12% lebih tinggi", "14.7 per cent up": that %
    if (m.lastgroup or "").startswith("com") or right_after:
        return (prev[0].start, m.end(), direction, prev) if right_after else None
    nxt = scan.between(s, m.end(), min(hi, m.end() + REACH), first=2)
    gap = scan.text[m.end():nxt[0].start] if nxt else "."
    if (re.search(r"[^\w\s-]|\d", gap) or len(words(gap)) > 3
            or scan.pats["after_markers"].search(gap) or scan.pats["before"].search(gap)):
        return None
    stated = nxt[:1]
    if stated[0].kind not in (*PARTS, "percent") or stated[0].qualifier == "range":
        return None
    if stated[0].kind in PARTS and len(nxt) > 1 and nxt[1].kind == "percent":
        link = scan.text[nxt[0].end:nxt[1].start]  # "naik Rp 0,6 triliun (7,8 persen)"
        if set(words(link)) <= scan.links and len(words(link)) <= 1 \
                and not re.search(r"[^\w\s(,]", link):
            stated.append(nxt[1])
    if scan.pats["points"].match(scan.text[stated[-1].end:stated[-1].end + 40].lstrip()):
        return None  # "naik 2 poin persentase"
    return m.start(), stated[-1].end, direction, stated

def _pairs(scan: Scan, s: int, start: int, end: int, stop: int, stated: list[Figure]
          ) -> tuple[tuple[Figure, Figure], ...]:
    before: list[Figure] = []
    after: list[Figure] = []
    last = end
    for f in scan.between(s, end, stop):
        gap, last = scan.text[last:f.start], f.end
        if f in stated or f.kind not in LEVELS or f.qualifier == "range":
            continue
        if scan.marked(gap, "after_markers", 1, 2) and scan.last(gap, "after_markers") \
                > scan.last(gap, "before"):  # "from a year earlier to $2.1 billion"
            after.append(f)
        elif scan.marked(gap, "before", 1, 7):
            before.append(f)
    lo = scan.spans[s][0]
    prev = scan.between(s, max(lo, start - REACH), start, last=1)
    if prev:  # "Rp 8,3 triliun atau naik ...", "US$ 842 per ton, 18% lebih tinggi"
        gap = YEAR.sub(" ", scan.text[prev[0].end:start])
        if set(words(gap)) <= scan.links and len(words(gap)) <= 5 \
                and not re.search(r"[^\w\s,()–-]|\d", gap):
            after += scan.with_source(prev[0])
    lone: set[str] = set()
    head = scan.pats["anaphors"].sub(" ", scan.text[max(lo, start - REACH):start])
    if not after and not prev and s > 0 and start - lo < REACH \
            and set(words(head)) <= scan.leads:
        after, lone = scan.figs[s - 1], {"after"}  # "Nilai ini naik ...": its subject
    if not before and s + 1 < len(scan.spans):
        before, lone = _earlier(scan, s + 1), lone | {"before"}
    out = []
    for b in before:
        same = [a for a in after if key(a) == key(b) and a is not b and a.value > 0
                and a.qualifier != "range" and a.low is not None and a.high is not None]
        if not (("after" in lone and len(same) != 1)
                or ("before" in lone and sum(key(x) == key(b) for x in before) != 1)):
            out += [(b, a) for a in same]
    return tuple(out)

def _earlier(scan: Scan, s: int) -> list[Figure]:
    """The figures sentence ``s`` gives for an earlier period, if it states no change
    of its own ("Pada periode yang sama tahun sebelumnya, nilainya US$ 20,1 miliar")."""
    if s not in scan.memo:
        lo, hi = scan.spans[s]
        period = scan.pats["earlier_period"].search(scan.text, lo, hi)
        scan.memo[s] = [] if period is None or scan.has("change", lo, hi) else [
            f for f in scan.between(s, period.end(), hi, first=4)
            if f.kind in LEVELS and f.qualifier != "range"
            and len(words(scan.text[period.end():f.start])) <= 7]
    return scan.memo[s]
