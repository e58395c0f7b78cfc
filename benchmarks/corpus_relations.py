"""How the arithmetic checks read the relations the shared corpus records, per kind.

Every article of ``articles`` and ``wider`` (``$FACTCHECK_SHARED/corpus``, else
``../shared/corpus``; or the folders named with ``--corpus DIR``) may carry ``relations``:
sums of parts, parts within a total, percentage changes, shares, products (a per-person
or per-item figure times a count) and differences, each with the figures it relates and
whether it holds (see the corpus's README). For each relation:

- **read**: an AR check links the relation's own figures (AR002's change with that before
  and after, AR001's ratio with that part and whole, AR003/AR004's whole with every listed
  part (or, for a sum of two, AR004's change stated as an amount with that before value and
  after value as the total), AR005's per-item figure with that total; a difference is a
  change stated as an amount, AR004's);
- **confirmed**: read, holds, and no AR warning or error names its figures;
- **flagged**: does not hold, and an AR warning or error names one of its figures.

Each article is read as ``benchmarks.harness.corpus`` lays it out. A relation figure is
found by its surface in its sentence (the extracted figure on that span).

    python -m benchmarks.corpus_relations [--corpus DIR]... [--verbose]
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import Any

if not __package__:  # run as a file: python benchmarks/corpus_relations.py
    sys.path[0] = str(Path(__file__).resolve().parents[1])

from benchmarks.harness.auditing import figure_at
from benchmarks.harness.corpus import CorpusArticle, read_folder, shared_folder, shared_folders
from benchmarks.harness.report import fmt_ratio, table
from factcheck.analyse.context import DocumentContext
from factcheck.analyse.relations import Relations, relations
from factcheck.checks.ratio import RatioMismatch, RatioOptions
from factcheck.engine.dispatch import document_findings
from factcheck.engine.settings import settings
from factcheck.extract import extract_document
from factcheck.model import Document, Figure, Finding

KINDS = ("percent_change", "share", "sum", "parts_at_most_total", "parts_at_least_total",
         "product", "difference")
ROLES = ("before", "after", "part", "whole", "total", "result", "minuend", "subtrahend")
ALARM = ("warning", "error")


def relation_figures(article: CorpusArticle, predicted: Sequence[Figure],
                     relation: dict[str, Any]) -> dict[str, list[Figure | None]]:
    """The extracted figure of each of the relation's figures, by role (None: not found)."""
    def at(index: object) -> Figure | None:
        if not isinstance(index, int) or not 0 <= index < len(article.figures):
            return None
        fig = article.figures[index]
        line = article.line_text(fig["sentence"])
        offset = line.find(fig["surface"])
        if offset < 0:
            return None
        start = article.line_start(fig["sentence"]) + offset
        return figure_at(predicted, (start, start + len(fig["surface"])))

    out = {role: [at(relation.get(role))] for role in ROLES if role in relation}
    out["parts"] = [at(i) for i in relation.get("parts") or ()]
    out["factors"] = [at(f.get("figure")) for f in relation.get("factors") or ()
                      if isinstance(f, dict)]
    return out


def same(a: Figure | None, b: Figure) -> bool:
    """The same figure, its conversion, or the same figure printed again."""
    return a is not None and (a.id == b.id or a.id == b.equivalent_of or a.equivalent_of == b.id
                              or (a.text, a.value) == (b.text, b.value))


def read(kind: str, figs: dict[str, list[Figure | None]], found: Relations,
         ratios: list[tuple[Figure, Figure, list[Figure]]]) -> bool:
    """Whether an AR check links the relation's figures."""
    one = {role: got[0] for role, got in figs.items() if got and role not in ("parts",
                                                                              "factors")}
    if kind == "percent_change":
        return any(c.stated.kind == "percent" and same(one.get("before"), b)
                   and same(one.get("after"), a) for c in found.changes for b, a in c.pairs)
    if kind == "difference":
        return any(same(one.get("result"), c.stated) for c in found.changes)
    if kind == "share":
        return any(same(one.get("part"), x) and any(same(one.get("whole"), y) for y in ys)
                   for _, x, ys in ratios)
    if kind == "product":
        items = [f for f in figs["factors"] if f is not None]
        return any(same(one.get("result"), t) and any(same(f, p.item) for f in items)
                   for p in found.per_items for t in p.totals)
    parts = figs["parts"]
    if kind == "sum" and len(parts) == 2 and any(  # a before value + a change: AR004's
            same(one.get("total"), a) and any(same(x, b) and same(y, c.stated)
                                              for x, y in (parts, parts[::-1]))
            for c in found.changes if c.stated.kind != "percent" for b, a in c.pairs):
        return True
    return bool(parts) and all(p is not None for p in parts) and any(
        same(one.get("total"), b.whole)
        and all(any(same(p, q) for q in b.parts) for p in parts) for b in found.breakdowns)


def measure(articles: Sequence[CorpusArticle]) -> dict[str, Any]:
    setup = settings()
    counts: dict[str, Counter[str]] = {kind: Counter() for kind in KINDS}
    misses: list[str] = []
    for article in articles:
        if not article.relations:
            continue
        doc = Document(path=article.id, text=article.text, lang=article.lang,
                       published=article.published, source=article.url)
        predicted = extract_document(doc, setup.pack.extraction)
        ctx = DocumentContext(doc, predicted, setup.rates,
                              zeros=setup.pack.extraction.converted_zeros)
        findings: list[Finding] = document_findings(ctx, setup.pack)[0]
        named = {i for f in findings if f.code.startswith("AR") and f.severity in ALARM
                 for i in f.figures}
        found = ctx.analysis(relations)
        ratios = list(RatioMismatch().shares(ctx, RatioOptions()))
        for relation in article.relations:
            kind = str(relation.get("kind"))
            if kind not in counts:
                continue
            figs = relation_figures(article, predicted, relation)
            holds = bool(relation.get("holds_under_rounding"))
            is_read = read(kind, figs, found, ratios)
            hit = any(f is not None and f.id in named for got in figs.values() for f in got)
            tally = counts[kind]
            tally.update(stated=1, read=int(is_read), holds=int(holds),
                         confirmed=int(holds and is_read and not hit), fails=int(not holds),
                         flagged=int(not holds and hit))
            if not is_read or (not holds and not hit):
                what = "not read" if not is_read else "read, not flagged"
                said = str(relation.get("text") or relation.get("stated_text"))[:80]
                misses.append(f"{article.id} {kind} ({'holds' if holds else 'fails'}): "
                              f"{what}: {said}")
    return {"counts": {k: dict(v) for k, v in counts.items()}, "misses": misses}


def section(name: str, result: dict[str, Any]) -> list[str]:
    rows = []
    total: Counter[str] = Counter()
    for kind in KINDS:
        c = Counter(result["counts"][kind])
        total.update(c)
        if c["stated"]:
            rows.append(_row(kind, c))
    rows.append(_row("all", total))
    return table(f"== AR relations on {name} (read: an AR check links its figures)",
                 ("kind", "stated", "read", "holds: confirmed", "fails: flagged"), rows)


def _row(kind: str, c: Counter[str]) -> list[str]:
    return [kind, str(c["stated"]), fmt_ratio(c["read"], c["stated"]),
            fmt_ratio(c["confirmed"], c["holds"]), fmt_ratio(c["flagged"], c["fails"])]


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--corpus", type=Path, action="append", metavar="DIR",
                        help="a folder of corpus articles instead of the shared ones")
    parser.add_argument("-v", "--verbose", action="store_true",
                        help="list every relation not read or not flagged")
    args = parser.parse_args(argv)
    folders = args.corpus or shared_folders()
    if not folders:
        print(f"no corpus at {shared_folder('articles').parent}: nothing to measure")
        return 0
    problems: list[str] = []
    for folder in folders:
        articles, found = read_folder(folder)
        problems += found
        result = measure(articles)
        print("\n".join(section(folder.name, result)))
        if args.verbose:
            print("\n".join(f"   MISS {m}" for m in result["misses"]))
    for problem in problems:
        print(f"error: {problem}", file=sys.stderr)
    return 2 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
