"""How AR001 reads a share: the words that tie a ratio to its part and its whole (language
data of ``ratios.yaml`` and ``relations.yaml``), and the readings: a ratio beside an amount
("X atau 10,2 persen dari ..."), a ratio that opens its sentence after a word for the
previous sentence's amount ("Nilai ini setara dengan 24,3% dari ..."), the share printed
with each listed part of a whole, and the wholes a ratio's noun names near it."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator
from functools import cache

from factcheck.analyse.context import DocumentContext
from factcheck.analyse.relation_scan import patterns
from factcheck.analyse.relations import relations
from factcheck.extract.lexicon import lexicon
from factcheck.extract.word_patterns import alternation
from factcheck.lang.loader import language
from factcheck.model import Figure, Lang

NAMED_REACH = 3  # words from the ratio's own noun to the amount it names
ITEM_END = re.compile(r"\s*\)?\s*(?:[,;.\n]|$|(?:and|dan|et|serta)\b)")  # after "(40%)"


@cache
def ratio_words(lang: Lang) -> tuple[list[re.Pattern[str]], dict[str, str]]:
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
def subject_words(lang: Lang) -> re.Pattern[str]:
    """Verbs, joiners and qualifiers between a subject and its ratio ("setara dengan")."""
    data, lex = language(lang).ratios, lexicon(lang)
    words = alternation([*data.joiners, *data.subject_verbs, *lex.qualifiers])
    return re.compile(rf"[\s,]*(?:(?:{words})(?![^\W\d_])[\s,]*)*", re.I)


def metric_of(lang: Lang, text: str, start: int, end: int) -> str | None:
    """The metric of the last noun in text[start:end] ("target pendapatan": another)."""
    (_, _, nouns, modifier), metric = ratio_words(lang)
    if (m := max(nouns.finditer(text, start, end), key=re.Match.start, default=None)) is None:
        return None
    key = metric[" ".join(m.group("n").casefold().replace("’", "'").split())]
    return f"target:{key}" if modifier.search(text, max(0, m.start() - 30), m.start()) else key


def subject_shares(ctx: DocumentContext, seen: set[str], window: int
                   ) -> Iterator[tuple[Figure, Figure, list[Figure]]]:
    """"Nilai ini setara dengan 24,3% dari total dana hibah EUR 41 juta": a ratio that
    is its sentence's first figure, after a word for the previous sentence's one amount
    (``relations.yaml``'s anaphors, "Nilai ini", "This figure") and verbs of
    ``subject_verbs``: that amount (or its conversion) is the part."""
    figs, text, lang = ctx.figures, ctx.document.text, ctx.document.lang
    (_, of, nouns, _), _ = ratio_words(lang)
    anaphor, verbs = patterns(lang)[0]["anaphors"], subject_words(lang)
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
            wholes = wholes_near(ctx, r, roots[0], str(metric_of(lang, text, *noun.span())),
                                  noun.end(), window)
        seen.add(r.id)
        for x in (roots[0], *(f for f in figs if f.equivalent_of == roots[0].id)):
            yield r, x, wholes

def listed_shares(ctx: DocumentContext, seen: set[str]
                  ) -> Iterator[tuple[Figure, Figure, list[Figure]]]:
    """The share printed with each listed part of a whole ("terdiri dari APBN sebesar
    41,3% atau Rp1.951,3 triliun, ...", "including grants of $200 million (25%) and
    ..."): a percentage right before the part (not a change: "naik 5% atau ..."), or
    right after it where the item ends; one already read with a whole of its own is
    left to that reading."""
    figs, text, lang = ctx.figures, ctx.document.text, ctx.document.lang
    (joiners, _, _, _), _ = ratio_words(lang)
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

def wholes_near(ctx: DocumentContext, r: Figure, x: Figure, metric: str, named: int,
               window: int) -> list[Figure]:
    """Amounts of the metric and the ratio's period near it (no period: next to it, or
    of the part's period within ``window`` sentences: "Jumlah tersebut menguasai 48,47
    persen dari total laba" is a share of the profit of the part's year).
    The ratio's own noun (ending at ``named``) names an amount only a few words on
    ("..., yang mencapai Rp 50 triliun"), not one of a clause of its own ("..., di
    bawah Hong Kong yang menanam US$4,6 juta": another part)."""
    figs, text, label = ctx.figures, ctx.document.text, getattr(r.period, "label", None)
    parts = None if label else getattr(x.period, "label", None)  # the part's period
    out: list[Figure] = []
    for j in range(bisect_left(figs, r.start - 2000, key=lambda f: f.start), len(figs)):
        y, near = figs[j], abs(figs[j].sentence - r.sentence)
        dated = getattr(y.period, "label", None)
        if y.start > r.end + 2000:  # a bound in characters too: linear in the document
            break
        k = j - 1 if j and y.equivalent_of == figs[j - 1].id else j  # "X (sekitar Y)"
        lo, hi = max(figs[k - 1].end if k else 0, figs[k].start - 150), figs[k].start
        lo = max(lo, text.rfind(". ", lo, hi) + 1, text.rfind("\n", lo, hi) + 1)  # sentence
        if lo < named <= hi and len(text[named:hi].split()) > NAMED_REACH:
            lo = named
        if (y.kind in ("money", "quantity") and y.id not in (x.id, x.equivalent_of)
                and near <= window and y.qualifier != "range"
                and ((dated == label and (label or near <= 1))
                     or (parts is not None and dated == parts))
                and metric_of(ctx.document.lang, text, lo, hi) == metric):
            out.append(y)
    lower = text.casefold()
    out.extend(Figure(id="", text=f"{k.metric} {label}: {k.value:,.6g} {k.currency or ''}",
                      start=0, end=0, line=0, column=0, kind="money", value=k.value,
                      low=k.value, high=k.value, currency=k.currency, period=k.period)
               for k in ctx.known
               if k.metric == metric and label and getattr(k.period, "label", None) == label
               and (not k.subject or k.subject.casefold() in lower))
    return out



def amount_and_ratio(figs: tuple[Figure, ...]) -> Iterator[tuple[Figure, Figure, int]]:
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
