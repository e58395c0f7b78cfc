"""The claims records of one source and publication date as one document, made of their
record documents (``claims.records``): its texts joined, its figure ids unique, every
figure still reporting its own record's file and line. The document checks read it as
they read an article, so four conversions of one article in four records are held to one
rate as they would be in the article."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from itertools import groupby

from factcheck.analyse.context import DocumentContext
from factcheck.claims.records import RecordFacts, record_document, record_parts
from factcheck.claims.validate import LoadedRecord
from factcheck.extract import ExtractOptions
from factcheck.extract.precision import DEFAULT_ZEROS
from factcheck.model import Anchor, Document, Figure
from factcheck.normalise.fx import RateProvider


def source_documents(records: Sequence[LoadedRecord], options: ExtractOptions | None,
                     rates: RateProvider | None) -> Iterable[DocumentContext]:
    """One context per (source, publication date), whatever files its records are in."""

    def key(r: LoadedRecord) -> tuple[str, str]:
        return (r.record.source_name, r.record.published.isoformat())

    for _, group in groupby(sorted(records, key=key), key=key):
        records_of = list(group)
        yield combined([record_document(r, options) for r in records_of], rates,
                       zeros_of(options), [r.record.metric for r in records_of])


def joined(facts: Sequence[RecordFacts], options: ExtractOptions | None,
           rates: RateProvider | None) -> DocumentContext:
    """``combined`` of the documents of several records, built as one: each figure made
    once, with its id, offset and sentence in the whole."""
    texts: list[str] = []
    figures: list[Figure] = []
    anchors: list[Anchor] = []
    offset = 0
    paths: dict[str, str] = {}
    metrics: dict[str, str] = {}
    for index, r in enumerate(facts):
        text, figs = record_parts(r, options, f"r{index + 1}", offset, index)
        for f in figs:
            anchors.append(Anchor(offset=f.start, line=r.line, column=1))
            paths[f.id] = r.path
            metrics[f.id] = r.metric
        figures.extend(figs)
        texts.append(text)
        offset += len(text) + 1
    first = facts[0]
    document = Document(
        path=first.path, text="\n".join(texts), lang=first.lang, published=first.published,
        title=f"{first.subject} {first.metric} {first.period} ({first.kind}) [{first.id}]",
        source=first.source, anchors=tuple(anchors))
    return DocumentContext(document, tuple(figures), rates, paths=paths, records=True,
                           zeros=zeros_of(options), metrics=metrics)


def zeros_of(options: ExtractOptions | None) -> str:
    """How the pack reads converted figures' trailing zeros."""
    return options.converted_zeros if options is not None else DEFAULT_ZEROS


def combined(parts: list[tuple[Document, tuple[Figure, ...]]], rates: RateProvider | None,
             zeros: str = DEFAULT_ZEROS, metrics: Sequence[str] = ()) -> DocumentContext:
    """Several record documents as one: texts joined, figure ids made unique, every figure
    still reporting its own record's line (and its record's metric, from ``metrics``)."""
    texts, figures, anchors, offset = [], [], [], 0
    paths: dict[str, str] = {}
    metric_of: dict[str, str] = {}
    for index, (doc, figs) in enumerate(parts):
        prefix = f"r{index + 1}"
        if index < len(metrics):
            metric_of.update({f"{prefix}{f.id}": metrics[index] for f in figs})
        for anchor in doc.anchors:
            anchors.append(Anchor(offset=anchor.offset + offset, line=anchor.line,
                                  column=anchor.column))
        for f in figs:
            paths[f"{prefix}{f.id}"] = doc.path
            figures.append(f.model_copy(update={
                "id": f"{prefix}{f.id}", "start": f.start + offset, "end": f.end + offset,
                "equivalent_of": f"{prefix}{f.equivalent_of}" if f.equivalent_of else None,
                "sentence": index}))
        texts.append(doc.text)
        offset += len(doc.text) + 1
    first = parts[0][0]
    document = first.model_copy(update={"text": "\n".join(texts), "anchors": tuple(anchors)})
    return DocumentContext(document, tuple(figures), rates, paths=paths, records=True,
                           zeros=zeros, metrics=metric_of)
