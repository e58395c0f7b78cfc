"""Wholes and their listed parts (see ``analyse.relations``)."""

from __future__ import annotations

import re

from factcheck.analyse.relation_scan import PARTS, REACH, Breakdown, Scan, key, words
from factcheck.model import Figure


def breakdowns(scan: Scan) -> list[Breakdown]:
    out: list[Breakdown] = []
    for s, (lo, hi) in enumerate(scan.spans):
        for m in scan.pats["list"].finditer(scan.text, lo, hi):
            head = scan.between(s, max(lo, m.start() - REACH), m.start(), last=1)
            complete = m.lastgroup == "complete"
            wholes: list[Figure] = []
            gap = scan.text[head[0].end:m.start()] if head else ""
            if head and scan.pats["postposed"].match(m.group()) and not gap.strip():
                out += _postposed(scan, s, head[0], hi)  # the figure is a part
                continue
            if head and len(words(gap)) <= (8 if complete else 3) and not any(
                    scan.pats[n].search(gap) for n in ("breaks", "list")):
                wholes = scan.with_source(head[0])
            elif not head and s > 0 and m.start() - lo < REACH and (
                    (complete and len(words(scan.text[lo:m.start()])) <= 4)
                    or scan.has("referring", lo, m.start())):
                wholes = _previous(scan, s)  # "Ce budget comprend ...": its subject
            parts, counts, clean = _listed(scan, s, m.end(), hi, complete)
            if not parts and hi - m.end() < REACH and len(words(scan.text[m.end():hi])) <= 3:
                parts, counts, clean = _following(scan, s)
            hedged = scan.has("hedges", head[0].end if head else m.start(),
                              parts[0].start if parts else m.end())
            complete = complete and clean and not hedged
            out += [Breakdown(w, parts, counts, complete) for w in wholes if parts]
        out += _part_of(scan, s, hi) + _counted(scan, s)
    return out

def _previous(scan: Scan, s: int) -> list[Figure]:
    """The previous sentence's figures that are the only one of their kind, currency, unit
    and basis there: what a subject that refers back ("This loan", "Dana tersebut") names."""
    prev = scan.figs[s - 1]
    return [f for f in prev if sum(key(g) == key(f) for g in prev) == 1]

def _postposed(scan: Scan, s: int, part: Figure, stop: int) -> list[Breakdown]:
    """"Rp 14 triliun di antaranya ...": the figure (and any listed after it) is a part of
    the one figure of its kind in the previous sentence, when its own sentence has none
    before it; a part of an open set, so at most that whole."""
    lo = scan.spans[s][0]
    if s == 0 or any(key(f) == key(part) for f in scan.between(s, lo, part.start)):
        return []
    parts, counts, _ = _listed(scan, s, part.start, stop)
    return [Breakdown(w, parts, counts, False) for w in _previous(scan, s) if parts]

def _listed(scan: Scan, s: int, at: int, stop: int, chain: bool = False, loose: bool = False
           ) -> tuple[tuple[Figure, ...], tuple[int, ...], bool]:
    """The parts listed from ``at`` on, how many times each counts, and whether the
    list ends cleanly (at a clause break, or with no amount of its kind after it).
    ``chain``: a second list word may precede the first part; ``loose``: a comma too."""
    parts: list[Figure] = []
    counts: list[int] = []
    last = at
    rest = [f for f in scan.between(s, at, stop) if f.kind in PARTS]
    for i, f in enumerate(rest):
        gap = scan.text[last:f.start]
        if scan.pats["breaks"].search(gap) or scan.pats["change"].search(gap) \
                or len(gap) > 2 * REACH:
            break
        listed = scan.pats["list"].search(gap)
        if listed and scan.pats["postposed"].match(listed.group()) and parts \
                and not gap[:listed.start()].strip():
            listed = None  # "Rp 14 triliun di antaranya ... dan Rp 9 triliun"
        relative = scan.pats["relative"].search(gap)
        if ((listed and not (chain and not parts and listed.lastgroup == "complete"))
                or (relative and not set(words(relative.group("rest"))) <= scan.values)
                or len(words(gap)) > (15 if parts else 10)
                or (parts and not scan.pats["separator"].search(gap))
                or (not parts and not loose and re.search(r"[;—–]|,(?!\d)", gap.lstrip(" ,:")))):
            keys = {key(p) for p in parts}
            return tuple(parts), tuple(counts), not any(key(g) in keys for g in rest[i:])
        nxt = scan.text[f.end:rest[i + 1].start] if i + 1 < len(rest) else "x x"
        single = scan.pats["each_after"].match(scan.text, f.end) or (
            scan.pats["each_before"].search(gap) and len(words(nxt)) > 1)
        parts.append(f)
        counts.append(scan.count(gap) if single else 1)  # else: "respectively"
        last = f.end
    return tuple(parts), tuple(counts), True

def _following(scan: Scan, s: int) -> tuple[tuple[Figure, ...], tuple[int, ...], bool]:
    """Parts listed one per sentence (or list item) after a sentence ending in a list word."""
    parts: list[Figure] = []
    for k in range(s + 1, len(scan.spans)):
        lo, hi = scan.spans[k]
        items = [f for f in scan.figs[k] if f.kind in PARTS]
        if not items:
            break
        if any(scan.has(n, lo, hi) for n in ("list", "change", "breaks")):
            return tuple(parts), tuple(1 for _ in parts), False  # an item we cannot read
        parts += items
    return tuple(parts), tuple(1 for _ in parts), True

def _counted(scan: Scan, s: int) -> list[Breakdown]:
    """"... projects in five countries, totalling $453 million." and then a sentence or two
    per project: a whole whose sentence counts its items ("five countries", "tiga
    perusahaan", "quatre accords") and the figures of its kind, for its period, that the
    sentences after it give one after another, when they give exactly that many by the
    end of one of them: the complete list of its parts. A whole that counts periods
    instead ("over three years", "selama 3 tahun") is the sum of that many figures each
    dated to a period of its own ("US$1,5 miliar pada 2015, US$2,2 miliar pada 2016, ...")."""
    lo, hi = scan.spans[s]
    figs = [f for f in scan.figs[s] if f.kind in PARTS]
    keys = [key(f) for f in figs]
    following = {key(f) for f in scan.figs[s + 1]} if s + 1 < len(scan.spans) else set()
    wholes = [w for w, k in zip(figs, keys, strict=True)
              if w.qualifier != "range" and keys.count(k) == 1 and k in following]
    if not wholes:  # no whole whose first part could follow: no count to read
        return []
    text = list(scan.text[lo:hi])
    for f in scan.figs[s]:
        text[f.start - lo:f.end - lo] = " " * (f.end - f.start)
    plain = "".join(text)
    n = scan.count(scan.pats["duration"].sub(" ", plain))
    periods = 0 if n else scan.count(
        " ".join(m.group() for m in scan.pats["duration"].finditer(plain)))
    out = []
    for w in wholes if max(n, periods) >= 2 else ():
        parts = _items(scan, s, w, n or periods, dated=not n)
        out += [Breakdown(w, parts, (1,) * len(parts), True)] if parts else []
    return out

def _items(scan: Scan, s: int, w: Figure, n: int, dated: bool) -> tuple[Figure, ...]:
    """The ``n`` figures of ``w``'s kind the sentences after ``s`` give, when exactly that
    many end one of them; ``dated``: each for a period of its own, else for ``w``'s."""
    parts: list[Figure] = []
    for k in range(s + 1, len(scan.spans)):
        items = [f for f in scan.figs[k] if key(f) == key(w)]
        if not items or len(parts) + len(items) > n or any(
                (_label(f) is None or any(_label(f) == _label(p) for p in parts + items[:i])
                 if dated else _label(f) not in (None, _label(w)))  # another period
                or f.value == w.value or any(f.text == p.text for p in parts)  # restated
                for i, f in enumerate(items)):
            return ()
        parts += items
        if len(parts) == n:
            return tuple(parts)
    return ()

def _label(f: Figure) -> str | None:
    return getattr(f.period, "label", None)

def _part_of(scan: Scan, s: int, stop: int) -> list[Breakdown]:
    """"X dari total Y", "sebanyak X dari Y", "dari Y itu, X dan Z ..."."""
    out = []
    figs = scan.figs[s]
    for i, f in enumerate(figs):
        nxt = figs[i + 1] if i + 1 < len(figs) else None
        if nxt is not None and f.kind in PARTS and nxt.start - f.end < REACH:
            gap = scan.text[f.end:nxt.start].strip()
            link = scan.pats["part_of"].match(gap) or (
                scan.pats["part_intro_links"].match(gap) if scan.has(
                    "intro", max(0, f.start - 30), f.start) else None)
            if link and len(words(gap)) <= len(words(link.group())) + 1 \
                    and not scan.has("change", max(0, f.start - 40), f.start):
                out.append(Breakdown(nxt, (f,), (1,), False))
        if scan.has("whole_before", max(0, f.start - 40), f.start) \
                and scan.pats["whole_after"].match(scan.text, f.end) \
                and not scan.has("change", max(0, f.start - 50), f.start):
            parts, counts, _ = _listed(scan, s, f.end, stop, loose=True)
            out += [Breakdown(f, parts, counts, False)] if parts else []
    return out
