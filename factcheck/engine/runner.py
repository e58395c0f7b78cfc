"""One document audited: its figures extracted, its context made, its checks run.

Every engine audits documents through :func:`check_document` (``engine.parallel`` for the
articles of a shard, ``api.audit_text`` for a string); the claims audit makes its
documents from records and runs the same checks on them (``engine.claims``).
"""

from __future__ import annotations

from factcheck.analyse.context import DocumentContext, KnownFigure
from factcheck.analyse.rate_charts import rate_charts
from factcheck.engine.dispatch import document_findings
from factcheck.engine.settings import AuditSettings
from factcheck.extract import extract_document
from factcheck.model import Document, DocumentFigures, Finding


def loosest_reading(setup: AuditSettings) -> bool:
    """Whether an enabled FX check asks for the loosest reading of conversions."""
    return setup.loosest_reading


def check_document(
    doc: Document, setup: AuditSettings, known: tuple[KnownFigure, ...] = (),
    charts: bool = False,
) -> tuple[DocumentFigures, list[Finding], int]:
    """The figures of one document, its findings, and how many were suppressed inline.
    ``known`` are figures recorded elsewhere (claims records) that checks may compare with;
    ``charts``: the figures come with the rate charts of the document's conversions, from
    the audit's own rate table, for a report that draws them."""
    figures = extract_document(doc, setup.pack.extraction)
    ctx = DocumentContext(doc, figures, setup.rates, loosest=loosest_reading(setup),
                          known=known, zeros=setup.pack.extraction.converted_zeros)
    kept, hidden = document_findings(ctx, setup.pack)
    drawn = rate_charts(ctx) if charts else ()
    return DocumentFigures(document=doc, figures=figures, charts=drawn), kept, hidden
