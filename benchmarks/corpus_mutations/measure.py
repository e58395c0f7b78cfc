"""The real-corpus set's run: every clean article and its mutants audited, tallied as a dict."""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from benchmarks.corpus_mutations.mutations import (
    KINDS,
    PrintedFigure,
    locate,
    mutated_surfaces,
    reading,
)
from benchmarks.corpus_scores.verdicts import verdict
from benchmarks.harness.auditing import (
    ALARM,
    Audited,
    Auditor,
    audit_safely,
    default_auditor,
    extract,
    figure_at,
)
from benchmarks.harness.corpus import CorpusArticle, load_folder, shared_folders
from benchmarks.harness.mutation_sets import Survey, Verdict, judge_hits
from benchmarks.harness.scoring import tally
from factcheck.model import Finding, Lang


@dataclass(frozen=True)
class Original:
    """A clean corpus article, as the harness's surveys see it."""

    article: CorpusArticle
    folder: str

    @property
    def id(self) -> str:
        return self.article.id

    @property
    def lang(self) -> Lang:
        return self.article.lang

    @property
    def published(self) -> date:
        return self.article.published or self.article.reference_date or date.min


@dataclass(frozen=True)
class Mutant:
    """One converted figure of a clean article printed otherwise."""

    id: str
    kind: str
    figure: PrintedFigure
    after: str
    original: Original
    linked: bool  # whether the extractor links the pair in the original
    gap: float  # how far every reading of the mutant is from every reading of the original


    @property
    def label(self) -> str:
        return self.kind

    @property
    def article(self) -> Original:
        return self.original

    @property
    def text(self) -> str:
        f = self.figure
        return f.article.text[:f.start] + self.after + f.article.text[f.start + len(f.surface):]

    def describe(self) -> dict[str, Any]:
        return {"id": self.id, "kind": self.kind, "folder": self.original.folder,
                "lang": self.original.lang, "before": self.figure.surface, "after": self.after,
                "line": self.figure.line, "linked": self.linked, "gap": round(self.gap, 5),
                "published": self.original.published.isoformat()}


THRESHOLD = 0.03  # a mutant every reading puts this far from the original


def rates(source: tuple[float, float], converted: tuple[float, float]) -> tuple[float, float]:
    """The rate interval (converted per source) under every reading: the source rounded,
    the converted figure rounded or cut off."""
    (x, s), (y, u) = source, converted
    return (y - u / 2) / (x + s / 2), (y + u) / max(x - s / 2, 1e-300)


def gap(source: tuple[float, float] | None, before: tuple[float, float],
        after: tuple[float, float]) -> float:
    """The log distance between the rate intervals of the original and of the mutant (0 when
    some reading of each agrees: no check can tell them apart)."""
    if source is None:
        return math.inf
    (a, b), (c, d) = rates(source, before), rates(source, after)
    if c > b:
        return math.log(c / b)
    if a > d:
        return math.log(a / d)
    return 0.0


def dated(article: CorpusArticle) -> date | None:
    """The publication date, or the corpus's own estimate of it."""
    return article.published or article.reference_date


def _key(finding: Finding) -> tuple[str, int]:
    return finding.code, finding.line


def judge(mutant: Mutant, auditor: Auditor, original: Audited) -> Verdict[Mutant]:
    """Caught when a warning or error sits on the mutated figure's line and the original had
    no finding of that code there."""
    article = mutant.original.article
    text = mutant.text
    audited = audit_safely(auditor, text, article.lang, dated(article), article.url)
    before = {_key(f) for f in original.findings if f.severity in ALARM}
    hits = [f for f in audited.findings if f.severity in ALARM and f.line == mutant.figure.line
            and _key(f) not in before]

    def explain() -> str:
        if mutant.gap < THRESHOLD:
            return "within printed precision (< 3%)"
        if not mutant.linked:
            return "pair not linked by the extractor in the original"
        span = (mutant.figure.start, mutant.figure.start + len(mutant.after))
        figure = figure_at(extract(text, article.lang, dated(article)), span)
        if figure is None or figure.kind != "money":
            return "mutated figure not read as money"
        if not figure.equivalent_of:
            return "mutated pair not linked"
        on_line = [f for f in audited.findings if f.line == mutant.figure.line]
        if on_line:
            return "only info on its line (" + ", ".join(sorted({f.code for f in on_line})) + ")"
        return "no finding on its line"

    return judge_hits(mutant, text, audited, hits, original, _key, explain)


def is_linked(figure: PrintedFigure, lang: Lang, published: date | None) -> bool:
    figures = extract(figure.article.text, lang, published)
    target = figure_at(figures, (figure.start, figure.start + len(figure.surface)))
    return target is not None and target.kind == "money" and bool(target.equivalent_of)


def source_reading(article: CorpusArticle, pair: int) -> tuple[float, float] | None:
    """(value, unit) of a pair's source figure."""
    index = int(article.pairs[pair]["source_figure"])
    figure = article.figures[index]
    printed = PrintedFigure(article, index, pair, 0, str(figure.get("surface", "")),
                            float(figure["value"]))
    return reading(printed)


def run(folders: Sequence[Path] | None = None, auditor: Auditor | None = None,
        ) -> dict[str, Any]:
    """The whole set as a dict (the shared corpus's folders unless ``folders``)."""
    auditor = auditor or default_auditor()
    survey: Survey[Mutant] = Survey(KINDS)
    skipped: Counter[str] = Counter()
    figures = 0
    for folder in folders if folders is not None else shared_folders():
        for article in load_folder(folder):
            if verdict(article) != "clean" or not article.pairs:
                continue
            original = Original(article, folder.name)
            audited = survey.audit_original(original, article.text, auditor)
            for pair in range(len(article.pairs)):
                figure = locate(article, pair)
                if figure is None:
                    skipped["a range end, or not found in its sentence"] += 1
                    continue
                figures += 1
                linked = is_linked(figure, article.lang, dated(article))
                own = reading(figure)
                source = source_reading(article, pair)
                for kind, after, value, unit in mutated_surfaces(figure):
                    size = gap(source, own, (value, unit)) if own else math.inf
                    mutant = Mutant(f"{article.id}#{pair}-{kind}", kind, figure, after,
                                    original, linked, size)
                    survey.verdicts.append(judge(mutant, auditor, audited))
    results = survey.verdicts
    big = [v for v in results if v.mutation.gap >= THRESHOLD]
    linked_only = [v for v in big if v.mutation.linked]
    return survey.summary() | {
        "figures": figures,
        "skipped": dict(skipped),
        "recall_all": tally(results),
        "recall": tally(big),
        "recall_linked": tally(linked_only),
        "by_kind_all": {k.key: tally([v for v in results if v.mutation.kind == k.key])
                        for k in KINDS},
        "by_kind": {k.key: tally([v for v in big if v.mutation.kind == k.key]) for k in KINDS},
        "by_kind_linked": {k.key: tally([v for v in linked_only if v.mutation.kind == k.key])
                           for k in KINDS},
        "by_folder": {name: tally([v for v in big if v.mutation.original.folder == name])
                      for name in sorted({v.mutation.original.folder for v in results})},
        "caught_by": dict(Counter(code for v in results for code in v.codes)),
    }
