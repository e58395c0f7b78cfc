"""Relations between the figures of one document, for the arithmetic checks AR002-AR004.

A *change* is a change word with its stated figure ("naik 4,2 persen", "rose 12.5%",
"turun Rp 2 triliun") and its values before and after: marked ones in its clause ("dari",
"menjadi", "from", "to", "contre", "à"), the figure just before the change word ("Rp 8,3
triliun atau naik ..."), the one figure of the previous sentence when that figure is the
sentence's subject ("Nilai ini naik ...") and the one figure the next sentence gives
for an earlier period. A *breakdown* is a whole and the parts listed after a list word
("terdiri dari", "comprises", "se répartit entre": complete; "termasuk", "including",
"dont": partial), "X dari total Y" or "dari Y itu, X ...". The words are in
``extract/data/<lang>/relations.yaml``. Relations are found once per document, sentence by
sentence, in time linear in the text; anything unclear is left out.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from functools import cache
from typing import Any

from factcheck.checks._restate import _format_number
from factcheck.engine.context import DocumentContext
from factcheck.extract.lexicon import (
    NOT_LETTER_AFTER,
    NOT_LETTER_BEFORE,
    alternation,
    load_data,
    trie_pattern,
)
from factcheck.extract.number_words import parse_number_words
from factcheck.extract.numbers import NUMERAL, parse_numeral
from factcheck.model import Figure, Lang

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


@dataclass(frozen=True)
class Relations:
    changes: tuple[Change, ...]
    breakdowns: tuple[Breakdown, ...]


@cache
def patterns(lang: Lang) -> tuple[dict[str, re.Pattern[str]], frozenset[str], frozenset[str],
                                  frozenset[str]]:
    """relations.yaml compiled: patterns by name; link, subject lead and value words."""
    data: dict[str, Any] = load_data("relations", lang)

    def src(items: list[str]) -> str:
        return rf"{NOT_LETTER_BEFORE}(?:{alternation(items)}){NOT_LETTER_AFTER}"

    pats = {n: re.compile(src(data[n]), re.I) for n in (
        "points", "after_markers", "anaphors", "earlier_period", "breaks", "hedges",
        "part_of", "part_intro_links", "postposed")}
    pats["before"] = re.compile(src(data["from_markers"] + data["earlier_markers"]), re.I)
    def fast(items: list[str]) -> str:  # a case-variant trie: scanned on every sentence
        variants = {v for w in items for v in (w.lower(), w[:1].upper() + w[1:].lower(),
                                                   w.upper())}
        return rf"{NOT_LETTER_BEFORE}(?:{trie_pattern(variants)}){NOT_LETTER_AFTER}"

    pats["change"] = re.compile("|".join(f"(?P<{g[:3]}_{d}>{fast(ws)})" for g in (
        "change", "comparative") for d, ws in data[g].items()))
    pats["list"] = re.compile(
        f"(?P<complete>{src(data['complete'])})|(?P<partial>{src(data['partial'])})", re.I)
    pats["separator"] = re.compile(rf"[,(]|{src(data['separators'])}", re.I)
    pats["each_after"] = re.compile(rf"[\s,]{{0,3}}{src(data['each'])}", re.I)
    pats["each_before"] = re.compile(rf"{src(data['each'])}\W*$", re.I)
    pats["intro"] = re.compile(rf"{src(data['part_intro'])}\s*$", re.I)
    pats["whole_before"] = re.compile(
        rf"{src(data['whole_of']['before'])}(?:\s+[^\W\d_]+){{0,2}}\s*$", re.I)
    pats["whole_after"] = re.compile(rf"\s*(?:{alternation(data['whole_of']['after'])})", re.I)
    pats["relative"] = re.compile(rf"{src(data['relative'])}(?P<rest>(?:(?!{src(data['relative'])})"
                                  rf"[\s\S])*)$", re.I)
    values = frozenset(w for p in data["value_words"] for w in words(p))
    return (pats, frozenset(w for p in data["links"] for w in words(p)),
            frozenset(w for p in data["subject_leads"] for w in words(p)), values)


def relations(ctx: DocumentContext) -> Relations:
    """The document's relations, found once and shared by the checks."""
    found = ctx.memo.get("ar.relations")
    if not isinstance(found, Relations):
        scan = Scan(ctx)
        found = Relations(tuple(scan.changes()), tuple(scan.breakdowns()))
        ctx.memo["ar.relations"] = found
    return found


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

    # -- changes -----------------------------------------------------------------------
    def changes(self) -> list[Change]:
        out: list[Change] = []
        for s, (lo, hi) in enumerate(self.spans):
            if not self.figs[s]:
                continue  # a stated change is a figure of its own sentence
            cues = [c for m in self.pats["change"].finditer(self.text, lo, hi)
                    if (c := self.cue(s, m)) is not None]
            for i, (start, end, direction, stated) in enumerate(cues):
                stop = cues[i + 1][0] if i + 1 < len(cues) else hi
                brk = self.pats["breaks"].search(self.text, end, stop)
                pairs = self.pairs(s, start, end, brk.start() if brk else stop, stated)
                out += [Change(f, direction, pairs) for f in stated if pairs]
        return out

    def cue(self, s: int, m: re.Match[str]) -> tuple[int, int, int, list[Figure]] | None:
        """(start, end, direction, stated figures) of a change word, if it states one."""
        direction = 1 if (m.lastgroup or "").endswith("up") else -1
        hi = self.spans[s][1]
        if (m.lastgroup or "").startswith("com"):  # "12% lebih tinggi": the % before it
            prev = self.between(s, m.start() - REACH, m.start(), last=1)
            ok = prev and prev[0].kind == "percent" and not self.text[
                prev[0].end:m.start()].strip()
            return (prev[0].start, m.end(), direction, prev) if ok else None
        nxt = self.between(s, m.end(), min(hi, m.end() + REACH), first=2)
        gap = self.text[m.end():nxt[0].start] if nxt else "."
        if (re.search(r"[^\w\s-]|\d", gap) or len(words(gap)) > 3
                or self.pats["after_markers"].search(gap) or self.pats["before"].search(gap)):
            return None
        stated = nxt[:1]
        if stated[0].kind not in (*PARTS, "percent") or stated[0].qualifier == "range":
            return None
        if stated[0].kind in PARTS and len(nxt) > 1 and nxt[1].kind == "percent":
            link = self.text[nxt[0].end:nxt[1].start]  # "naik Rp 0,6 triliun (7,8 persen)"
            if set(words(link)) <= self.links and len(words(link)) <= 1 \
                    and not re.search(r"[^\w\s(,]", link):
                stated.append(nxt[1])
        if self.pats["points"].match(self.text[stated[-1].end:stated[-1].end + 40].lstrip()):
            return None  # "naik 2 poin persentase"
        return m.start(), stated[-1].end, direction, stated

    def pairs(self, s: int, start: int, end: int, stop: int, stated: list[Figure]
              ) -> tuple[tuple[Figure, Figure], ...]:
        before: list[Figure] = []
        after: list[Figure] = []
        last = end
        for f in self.between(s, end, stop):
            gap, last = self.text[last:f.start], f.end
            if f in stated or f.kind not in LEVELS or f.qualifier == "range":
                continue
            if self.marked(gap, "after_markers", 1, 2) and self.last(gap, "after_markers") \
                    > self.last(gap, "before"):  # "from a year earlier to $2.1 billion"
                after.append(f)
            elif self.marked(gap, "before", 1, 7):
                before.append(f)
        lo = self.spans[s][0]
        prev = self.between(s, max(lo, start - REACH), start, last=1)
        if prev:  # "Rp 8,3 triliun atau naik ...", "US$ 842 per ton, 18% lebih tinggi"
            gap = YEAR.sub(" ", self.text[prev[0].end:start])
            if set(words(gap)) <= self.links and len(words(gap)) <= 5 \
                    and not re.search(r"[^\w\s,()–-]|\d", gap):
                after += self.with_source(prev[0])
        lone: set[str] = set()
        head = self.pats["anaphors"].sub(" ", self.text[max(lo, start - REACH):start])
        if not after and not prev and s > 0 and start - lo < REACH \
                and set(words(head)) <= self.leads:
            after, lone = self.figs[s - 1], {"after"}  # "Nilai ini naik ...": its subject
        if not before and s + 1 < len(self.spans):
            before, lone = self.earlier(s + 1), lone | {"before"}
        out = []
        for b in before:
            same = [a for a in after if key(a) == key(b) and a is not b and a.value > 0
                    and a.qualifier != "range" and a.low is not None and a.high is not None]
            if not (("after" in lone and len(same) != 1)
                    or ("before" in lone and sum(key(x) == key(b) for x in before) != 1)):
                out += [(b, a) for a in same]
        return tuple(out)

    def earlier(self, s: int) -> list[Figure]:
        """The figures sentence ``s`` gives for an earlier period, if it states no change
        of its own ("Pada periode yang sama tahun sebelumnya, nilainya US$ 20,1 miliar")."""
        if s not in self.memo:
            lo, hi = self.spans[s]
            period = self.pats["earlier_period"].search(self.text, lo, hi)
            self.memo[s] = [] if period is None or self.has("change", lo, hi) else [
                f for f in self.between(s, period.end(), hi, first=4)
                if f.kind in LEVELS and f.qualifier != "range"
                and len(words(self.text[period.end():f.start])) <= 7]
        return self.memo[s]

    # -- breakdowns --------------------------------------------------------------------
    def breakdowns(self) -> list[Breakdown]:
        out: list[Breakdown] = []
        for s, (lo, hi) in enumerate(self.spans):
            for m in self.pats["list"].finditer(self.text, lo, hi):
                head = self.between(s, max(lo, m.start() - REACH), m.start(), last=1)
                complete = m.lastgroup == "complete"
                wholes: list[Figure] = []
                gap = self.text[head[0].end:m.start()] if head else ""
                if head and self.pats["postposed"].match(m.group()) and not gap.strip():
                    continue  # "Rp 14 triliun di antaranya": the figure is the part
                if head and len(words(gap)) <= (8 if complete else 3) and not any(
                        self.pats[n].search(gap) for n in ("breaks", "list")):
                    wholes = self.with_source(head[0])
                elif not head and complete and s > 0 and m.start() - lo < REACH \
                        and len(words(self.text[lo:m.start()])) <= 4:
                    prev = self.figs[s - 1]  # "Ce budget comprend ...": its subject
                    wholes = [f for f in prev if sum(key(g) == key(f) for g in prev) == 1]
                parts, counts, clean = self.listed(s, m.end(), hi, complete)
                if complete and not parts and hi - m.end() < REACH \
                        and len(words(self.text[m.end():hi])) <= 3:
                    parts, counts, clean = self.following(s)
                hedged = self.has("hedges", head[0].end if head else m.start(),
                                  parts[0].start if parts else m.end())
                complete = complete and clean and not hedged
                out += [Breakdown(w, parts, counts, complete) for w in wholes if parts]
            out += self.part_of(s, hi)
        return out

    def listed(self, s: int, at: int, stop: int, chain: bool = False, loose: bool = False
               ) -> tuple[tuple[Figure, ...], tuple[int, ...], bool]:
        """The parts listed from ``at`` on, how many times each counts, and whether the
        list ends cleanly (at a clause break, or with no amount of its kind after it).
        ``chain``: a second list word may precede the first part; ``loose``: a comma too."""
        parts: list[Figure] = []
        counts: list[int] = []
        last = at
        rest = [f for f in self.between(s, at, stop) if f.kind in PARTS]
        for i, f in enumerate(rest):
            gap = self.text[last:f.start]
            if self.pats["breaks"].search(gap) or self.pats["change"].search(gap) \
                    or len(gap) > 2 * REACH:
                break
            listed = self.pats["list"].search(gap)
            if listed and self.pats["postposed"].match(listed.group()) and parts \
                    and not gap[:listed.start()].strip():
                listed = None  # "Rp 14 triliun di antaranya ... dan Rp 9 triliun"
            relative = self.pats["relative"].search(gap)
            if ((listed and not (chain and not parts and listed.lastgroup == "complete"))
                    or (relative and not set(words(relative.group("rest"))) <= self.values)
                    or len(words(gap)) > (15 if parts else 10)
                    or (parts and not self.pats["separator"].search(gap))
                    or (not parts and not loose and re.search(r"[;—–]|,(?!\d)", gap))):
                keys = {key(p) for p in parts}
                return tuple(parts), tuple(counts), not any(key(g) in keys for g in rest[i:])
            nxt = self.text[f.end:rest[i + 1].start] if i + 1 < len(rest) else "x x"
            single = self.pats["each_after"].match(self.text, f.end) or (
                self.pats["each_before"].search(gap) and len(words(nxt)) > 1)
            parts.append(f)
            counts.append(self.count(gap) if single else 1)  # else: "respectively"
            last = f.end
        return tuple(parts), tuple(counts), True

    def following(self, s: int) -> tuple[tuple[Figure, ...], tuple[int, ...], bool]:
        """Parts listed one per sentence (or list item) after a sentence ending in a list word."""
        parts: list[Figure] = []
        for k in range(s + 1, len(self.spans)):
            lo, hi = self.spans[k]
            items = [f for f in self.figs[k] if f.kind in PARTS]
            if not items:
                break
            if any(self.has(n, lo, hi) for n in ("list", "change", "breaks")):
                return tuple(parts), tuple(1 for _ in parts), False  # an item we cannot read
            parts += items
        return tuple(parts), tuple(1 for _ in parts), True

    def part_of(self, s: int, stop: int) -> list[Breakdown]:
        """"X dari total Y", "sebanyak X dari Y", "dari Y itu, X dan Z ..."."""
        out = []
        figs = self.figs[s]
        for i, f in enumerate(figs):
            nxt = figs[i + 1] if i + 1 < len(figs) else None
            if nxt is not None and f.kind in PARTS and nxt.start - f.end < REACH:
                gap = self.text[f.end:nxt.start].strip()
                link = self.pats["part_of"].match(gap) or (
                    self.pats["part_intro_links"].match(gap) if self.has(
                        "intro", max(0, f.start - 30), f.start) else None)
                if link and len(words(gap)) <= len(words(link.group())) + 1 \
                        and not self.has("change", max(0, f.start - 40), f.start):
                    out.append(Breakdown(nxt, (f,), (1,), False))
            if self.has("whole_before", max(0, f.start - 40), f.start) \
                    and self.pats["whole_after"].match(self.text, f.end) \
                    and not self.has("change", max(0, f.start - 50), f.start):
                parts, counts, _ = self.listed(s, f.end, stop, loose=True)
                out += [Breakdown(f, parts, counts, False)] if parts else []
        return out


def written(value: float, like: Figure, lang: Lang, extra: int = 1) -> str:
    """``value`` written like the figure ``like``, with ``extra`` more decimals."""
    m = NUMERAL.search(like.text)
    printed = parse_numeral(m.group(), lang) if m else None
    if m is None or printed is None or printed.value == 0:
        return f"{value:,.6g}"
    number = _format_number(value * printed.value / like.value, printed.decimals + extra,
                            lang, m.group())
    return like.text[:m.start()] + number + like.text[m.end():]
