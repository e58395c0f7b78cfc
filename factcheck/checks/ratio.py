"""AR001 ratio-mismatch: "X, about three quarters of Y" where X/Y is not that fraction.

What it flags:
    A ratio ("tiga perempat", "three quarters", "les trois quarts") or percentage right
    after an amount X (with punctuation, a qualifier or a joiner such as "atau" between),
    or right before it ("24,7 persen atau sekitar X dari ..."), linked by "dari" / "of" /
    "de" to its whole Y: an amount right there, or a metric noun
    ("proyeksi pendapatannya") leading to an amount of the same period and currency or
    unit within ``window`` sentences (and 2,000 characters). Flagged when X/Y misses the
    ratio (widened by the tolerance if qualified, by half of it for a bare fraction word)
    for every Y, both as intervals; no Y, no finding. A metric noun names an amount a few
    words on, not one in a clause of its own ("di bawah Hong Kong yang menanam ...": another
    part). When X/Y is the stated ratio times a power of a thousand, the part's scale word
    slipped ("US$3,2 juta atau 10,2 persen dari total investasi US$31 miliar": juta for
    miliar): the finding is on X and suggests it rescaled. Words: ``lang/<lang>/ratios.yaml``.
    Wholes from claims audited with the articles are the context's ``known`` figures.

    Also a ratio that opens a sentence about the previous sentence's one amount ("Nilai
    ini setara dengan 24,3% dari ...": ``subject_verbs``), and the share printed with each
    listed part of a whole (AR003/AR004's lists:
    "terdiri dari APBN sebesar 41,3% atau Rp1.951,3 triliun, ...", "including grants of
    $200 million (25%) and ..."), held against that whole.

Why it matters:
    A share that does not match the two amounts it relates misstates one of them.

Example:
    "Kerugiannya pada 2028 sekitar US$ 74 miliar, sekitar tiga perempat dari pendapatannya
    pada tahun itu" with "pendapatan 2028 diproyeksikan US$ 125 miliar": 74/125 is 59%.

Options:
    tolerance: relative widening of a ratio with a qualifier ("sekitar") (default 0.10).
    window: how many sentences before or after the ratio a whole may be (default 3).
"""

from __future__ import annotations

import math
import re
from bisect import bisect_left
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from math import inf
from typing import TYPE_CHECKING

from factcheck.analyse.context import DocumentContext
from factcheck.analyse.relation_scan import patterns
from factcheck.analyse.relations import relations
from factcheck.analyse.restate import clean, rescale, restate
from factcheck.checks._scopes import DocumentCheck
from factcheck.evidence import Evidence
from factcheck.extract.lexicon import alternation, lexicon
from factcheck.lang.loader import language
from factcheck.model import Figure, Finding, Lang
from factcheck.phrases import Pct, Said, said
from factcheck.readings import Row, Span
from factcheck.registry import CheckOptions, register

if TYPE_CHECKING:
    from factcheck.analyse.records import Mask, RecordConversions


@dataclass(frozen=True)
class ShareOff(Evidence):
    share: tuple[float, float]
    stated: tuple[float, float]

    def rows(self) -> list[Row]:
        return [("Share", Span(*self.share, percent=True)),
                ("Stated", Span(*self.stated, percent=True))]


NAMED_REACH = 3  # words from the ratio's own noun to the amount it names
ITEM_END = re.compile(r"\s*\)?\s*(?:[,;.\n]|$|(?:and|dan|et|serta)\b)")  # after "(40%)"


class RatioOptions(CheckOptions):
    tolerance: float = 0.10
    window: int = 3


@cache
def _words(lang: Lang) -> tuple[list[re.Pattern[str]], dict[str, str]]:
    """The joiners, "of", metric noun and modifier patterns, and {noun: metric}."""
    data = language(lang).ratios
    nouns = {" ".join(str(n).casefold().split()): str(k) for k, v in data.metrics.items()
             for n in v}
    alt = {key: alternation(getattr(data, key)) for key in ("joiners", "of", "suffixes",
                                                            "modifiers")}
    return [re.compile(rf"[\s,;:(–—-]*(?:(?:{alt['joiners']})[\s,]*)*", re.I),
            re.compile(rf"\s*(?:{alt['of']})(?:\s+|(?<=['’]))", re.I),
            re.compile(rf"(?<!\w)(?P<n>{alternation(nouns)})(?:{alt['suffixes']})?(?!\w)", re.I),
            re.compile(rf"(?<!\w)(?:{alt['modifiers']})\W+(?:\w+\W+)?$", re.I)], nouns


@cache
def _subject_words(lang: Lang) -> re.Pattern[str]:
    """Verbs, joiners and qualifiers between a subject and its ratio ("setara dengan")."""
    data, lex = language(lang).ratios, lexicon(lang)
    words = alternation([*data.joiners, *data.subject_verbs, *lex.qualifiers])
    return re.compile(rf"[\s,]*(?:(?:{words})(?![^\W\d_])[\s,]*)*", re.I)


def _metric(lang: Lang, text: str, start: int, end: int) -> str | None:
    """The metric of the last noun in text[start:end] ("target pendapatan": another)."""
    (_, _, nouns, modifier), metric = _words(lang)
    if (m := max(nouns.finditer(text, start, end), key=re.Match.start, default=None)) is None:
        return None
    key = metric[" ".join(m.group("n").casefold().replace("’", "'").split())]
    return f"target:{key}" if modifier.search(text, max(0, m.start() - 30), m.start()) else key


@register
class RatioMismatch(DocumentCheck):
    code = "AR001"
    name = "ratio-mismatch"
    Options = RatioOptions

    @classmethod
    def quiet_records(cls, records: RecordConversions, options: RatioOptions) -> Mask:
        """A record's document is its value, its equivalent in brackets and a stated rate:
        no ratio of one amount to another."""
        return records.lone | records.plain_money

    def run(self, ctx: DocumentContext, options: RatioOptions) -> Iterator[Finding]:
        for r, x, wholes in self.shares(ctx, options):
            yield from self._compare(ctx, r, x, wholes, options)

    def shares(self, ctx: DocumentContext, options: RatioOptions
               ) -> Iterator[tuple[Figure, Figure, list[Figure]]]:
        """Each stated ratio r, its part x and the wholes it may be of (what ``run``
        compares; a measurement of which relations the check reads uses it too)."""
        figs, text, lang = ctx.figures, ctx.document.text, ctx.document.lang
        (joiners, of, nouns, _), _ = _words(lang)
        seen: set[str] = set()
        for r, x, j in _amount_and_ratio(figs):
            # "74 milliards en 2028, soit les trois quarts": the period may come between
            first, second = (x, r) if x.start < r.start else (r, x)
            between = text[first.end:second.start].replace(
                x.period.text if x.period else "\0", " ")
            q = lexicon(lang).qualifier_re.search(between)
            link = of.match(text, second.end)
            if link is None or not joiners.fullmatch(between[:q.start() if q else None]):
                continue
            cut = next(re.compile(r"[.,;:()\n]|\Z").finditer(text, link.end())).start()
            y = figs[j] if j < len(figs) else r
            wholes = [y] if second.start < y.start < cut else []
            noun = nouns.search(text, link.end(), cut)
            if not wholes and noun and len(text[link.end():noun.start()].split()) <= 2:
                wholes = self._wholes(ctx, r, x, str(_metric(lang, text, *noun.span())),
                                      noun.end(), options)
            if wholes:
                seen.add(r.id)
            yield r, x, wholes
        yield from self._subject_shares(ctx, seen, options)
        yield from self._listed_shares(ctx, seen)

    def _subject_shares(self, ctx: DocumentContext, seen: set[str], options: RatioOptions
                        ) -> Iterator[tuple[Figure, Figure, list[Figure]]]:
        """"Nilai ini setara dengan 24,3% dari total dana hibah EUR 41 juta": a ratio that
        is its sentence's first figure, after a word for the previous sentence's one amount
        (``relations.yaml``'s anaphors, "Nilai ini", "This figure") and verbs of
        ``subject_verbs``: that amount (or its conversion) is the part."""
        figs, text, lang = ctx.figures, ctx.document.text, ctx.document.lang
        (_, of, nouns, _), _ = _words(lang)
        anaphor, verbs = patterns(lang)[0]["anaphors"], _subject_words(lang)
        spans = ctx.sentences or [(0, len(text))]
        first: dict[int, int] = {}
        for i, f in enumerate(figs):
            first.setdefault(f.sentence, i)
        for s, i in first.items():
            r, start = figs[i], spans[s][0] if 0 <= s < len(spans) else -1
            roots = [f for f in figs[first.get(s - 1, i):i] if f.kind in ("money", "quantity")
                     and f.equivalent_of is None and f.qualifier != "range"]
            m = anaphor.search(text, start, r.start) if start >= 0 else None
            link = of.match(text, r.end)
            if (r.kind not in ("ratio", "percent") or r.id in seen or len(roots) != 1
                    or m is None or text[start:m.start()].strip(" \"“'‘")
                    or not verbs.fullmatch(text, m.end(), r.start) or link is None):
                continue
            cut = next(re.compile(r"[.,;:()\n]|\Z").finditer(text, link.end())).start()
            y = figs[i + 1] if i + 1 < len(figs) else r
            wholes = [y] if r.start < y.start < cut else []
            noun = nouns.search(text, link.end(), cut)
            if not wholes and noun and len(text[link.end():noun.start()].split()) <= 2:
                wholes = self._wholes(ctx, r, roots[0], str(_metric(lang, text, *noun.span())),
                                      noun.end(), options)
            seen.add(r.id)
            for x in (roots[0], *(f for f in figs if f.equivalent_of == roots[0].id)):
                yield r, x, wholes

    @staticmethod
    def _listed_shares(ctx: DocumentContext, seen: set[str]
                       ) -> Iterator[tuple[Figure, Figure, list[Figure]]]:
        """The share printed with each listed part of a whole ("terdiri dari APBN sebesar
        41,3% atau Rp1.951,3 triliun, ...", "including grants of $200 million (25%) and
        ..."): a percentage right before the part (not a change: "naik 5% atau ..."), or
        right after it where the item ends; one already read with a whole of its own is
        left to that reading."""
        figs, text, lang = ctx.figures, ctx.document.text, ctx.document.lang
        (joiners, _, _, _), _ = _words(lang)
        change = patterns(lang)[0]["change"]
        at = {f.id: i for i, f in enumerate(figs)}
        for b in ctx.analysis(relations).breakdowns:
            for p in b.parts:
                i = at.get(p.id, -1)
                near = ([(figs[i - 1], text[figs[i - 1].end:p.start])] if i > 0 else []) + (
                    [(figs[i + 1], text[p.end:figs[i + 1].start])] if 0 <= i < len(figs) - 1
                    else [])
                for r, gap in near:
                    q = lexicon(lang).qualifier_re.search(gap)
                    if (r.kind == "percent" and r.sentence == p.sentence and r.id not in seen
                            and joiners.fullmatch(gap[:q.start() if q else None])
                            and (ITEM_END.match(text, r.end) if r.start > p.start else
                                 not change.search(text, max(0, r.start - 25), r.start))):
                        seen.add(r.id)
                        yield r, p, [b.whole]

    @staticmethod
    def _wholes(ctx: DocumentContext, r: Figure, x: Figure, metric: str, named: int,
                options: RatioOptions) -> list[Figure]:
        """Amounts of the metric and the ratio's period near it (no period: next to it).
        The ratio's own noun (ending at ``named``) names an amount only a few words on
        ("..., yang mencapai Rp 50 triliun"), not one of a clause of its own ("..., di
        bawah Hong Kong yang menanam US$4,6 juta": another part)."""
        figs, text, label = ctx.figures, ctx.document.text, getattr(r.period, "label", None)
        out: list[Figure] = []
        for j in range(bisect_left(figs, r.start - 2000, key=lambda f: f.start), len(figs)):
            y, near = figs[j], abs(figs[j].sentence - r.sentence)
            if y.start > r.end + 2000:  # a bound in characters too: linear in the document
                break
            k = j - 1 if j and y.equivalent_of == figs[j - 1].id else j  # "X (sekitar Y)"
            lo, hi = max(figs[k - 1].end if k else 0, figs[k].start - 150), figs[k].start
            lo = max(lo, text.rfind(". ", lo, hi) + 1, text.rfind("\n", lo, hi) + 1)  # sentence
            if lo < named <= hi and len(text[named:hi].split()) > NAMED_REACH:
                lo = named
            if (y.kind in ("money", "quantity") and y.id not in (x.id, x.equivalent_of)
                    and near <= options.window
                    and y.qualifier != "range" and (label or near <= 1)
                    and getattr(y.period, "label", None) == label
                    and _metric(ctx.document.lang, text, lo, hi) == metric):
                out.append(y)
        lower = text.casefold()
        out.extend(Figure(id="", text=f"{k.metric} {label}: {k.value:,.6g} {k.currency or ''}",
                          start=0, end=0, line=0, column=0, kind="money", value=k.value,
                          low=k.value, high=k.value, currency=k.currency, period=k.period)
                   for k in ctx.known
                   if k.metric == metric and label and getattr(k.period, "label", None) == label
                   and (not k.subject or k.subject.casefold() in lower))
        return out

    def _compare(self, ctx: DocumentContext, r: Figure, x: Figure, wholes: list[Figure],
                 options: RatioOptions) -> Iterator[Finding]:  # if X/Y misses for every Y
        tol = options.tolerance if r.qualifier else options.tolerance / 2 if r.step == 0 else 0
        lo_r = min(r.value if r.low is None else r.low, r.value * (1 - tol))
        hi_r = max(inf if r.high is None else r.high, r.value * (1 + tol))
        ys = [y for y in wholes if (x.currency, x.unit, x.per) == (y.currency, y.unit, y.per)
              and y.value > 0]  # nothing is a share of a whole of zero
        shares = [((x.low or 0.0) / (y.high or inf),
                   (inf if x.high is None else x.high) / y.low if y.low else inf) for y in ys]
        if x.value <= 0 or not ys or any(lo <= hi_r and lo_r <= hi for lo, hi in shares):
            return
        y, (q_lo, q_hi), share = ys[0], shares[0], x.value / ys[0].value
        power = round(math.log10(share / r.value)) if share > 0 and r.value > 0 else 0
        slipped = (power % 3 == 0 and power != 0  # a scale word off: juta for miliar
                   and lo_r * 10.0**power <= q_hi and q_lo <= hi_r * 10.0**power)
        places = max(0, round(-math.log10(r.step * 100))) if 0 < r.step < 0.01 else 0
        message = said("{part} is {share} of {whole} (about {about}), not {stated} "
                       "({stated_share})", part=clean(x.text),
                       share=_shares(q_lo, q_hi, places), whole=clean(y.text),
                       about=_pct(share, places), stated=clean(r.text),
                       stated_share=_shares(lo_r, hi_r, places))
        percent = r.model_copy(update={"step": min(r.step, 0.01)})  # "25%", not "20%"
        if slipped:  # the part, a power of a thousand off its share: its scale word
            yield self.finding(ctx, x, "error", message, figures=(x, r, y) if y.id else (x, r),
                evidence=ShareOff((q_lo, q_hi), (lo_r, hi_r)),
                suggestion=rescale(x, -power // 3, ctx.document.lang,
                                   used_in=ctx.document.text.casefold()))
            return
        yield self.finding(  # on the first whole; ratio words get no suggestion
            ctx, r, "warning" if r.value and abs(share / r.value - 1) <= 0.2 else "error",
            message,
            figures=(x, r, y) if y.id else (x, r),
            evidence=ShareOff((q_lo, q_hi), (lo_r, hi_r)),
            suggestion=restate(percent, share, ctx.document.lang) if r.step else None)


def _amount_and_ratio(figs: tuple[Figure, ...]) -> Iterator[tuple[Figure, Figure, int]]:
    """(ratio r, amount x, index of the figure after both) for each ratio
    right after an amount ("X atau 10,2 persen dari ...") or right before one ("24,7
    persen atau sekitar X dari ...")."""
    for i, r in enumerate(figs):
        if r.kind not in ("ratio", "percent"):
            continue
        for k, j in ((i - 1, i + 1), (i + 1, i + 2)):
            x = figs[k] if 0 <= k < len(figs) else r
            if (x is not r and x.sentence == r.sentence and x.kind in ("money", "quantity")
                    and x.qualifier != "range"):
                yield r, x, j


def _shares(low: float, high: float, places: int = 0) -> Said:
    """"68%–71%", as percentages are written where the message is shown."""
    return said("{low}–{high}", low=_pct(low, places), high=_pct(high, places))


def _pct(share: float, places: int = 0) -> Pct:
    """A share as a percentage with ``places`` decimals (those of the stated one), and
    two significant digits below 1% ("0.010%")."""
    if 0 < share < 0.01:
        places = max(places, min(9, math.ceil(-math.log10(share * 100)) + 1))
    return Pct(share, f"{share:.{places}%}", places)
