"""Auditing claims data: every record is checked like a small document, the records of one
source are held together like one article, and the whole table across sources.

- A file that cannot be parsed is IN001; a record that fails the schema is CL001 (file,
  line, field); duplicate ids CL002; dates out of order CL003.
- The records of one source, file and publication date form one document: the document
  checks (FX001-FX005, UN001, ...) run on their figures unchanged, so four conversions of
  one article in four records are held to one rate as they would be in the article.
- The cross-source checks (XS001-XS003) group the table of all records with pandas.

At scale (``benchmarks/claims_scale.py``): a CSV file is read and validated by column
(``claims.table``), CL002 and CL003 see only the records the frame shows they can flag,
the documents are built only where ``claims.screen`` finds something for the document
checks to say, and rates are looked up once (``claims.ratecache``). ``per_record=True``
is the audit without any of this, which the tests hold the fast one to.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import replace
from itertools import groupby
from pathlib import Path
from typing import TYPE_CHECKING, Any

from factcheck.analyse.context import DocumentContext
from factcheck.engine.registry import all_checks
from factcheck.engine.suppress import is_suppressed, markers
from factcheck.model import Anchor, Document, Figure, Finding

if TYPE_CHECKING:
    import pandas as pd

    from factcheck.claims.records import RecordFacts
    from factcheck.claims.table import ClaimsTable
    from factcheck.claims.validate import LoadedRecord
    from factcheck.engine.parallel import AuditJob
    from factcheck.engine.runner import AuditSettings

TABLE_CHECKS = ("CL001", "CL002", "CL003", "XS001", "XS002", "XS003")


def audit_claim_files(paths: Sequence[Path | str], setup: AuditSettings, *,
                      per_record: bool = False, job: AuditJob | None = None,
                      client: Any = None) -> tuple[list[Finding], int, int]:
    """(findings, records read, suppressed) of the claims files under ``paths``.

    ``per_record`` takes the way round that the vectorised one must agree with (the
    tests hold them together): every file loaded record by record by pydantic, CL002 and
    CL003 given every record, every per-source document checked. With a Dask ``client``
    the cross-source checks run on dask.dataframe partitions (``engine.dask_tables``),
    each worker loading ``job``'s pack and rates."""
    from factcheck.claims.csvcolumns import paused_gc

    with paused_gc():  # see there: millions of objects, a few hundred in cycles
        return _audit(paths, setup, per_record, job, client)


def _audit(paths: Sequence[Path | str], setup: AuditSettings, per_record: bool,
           job: AuditJob | None, client: Any) -> tuple[list[Finding], int, int]:
    from factcheck.checks.claim_invalid import InvalidClaimRecord
    from factcheck.checks.unreadable import UnreadableInput
    from factcheck.claims.loaders import iter_claim_files, load_claims
    from factcheck.claims.ratecache import cached
    from factcheck.claims.table import concat, load_table, records_table
    from factcheck.claims.validate import ClaimError
    from factcheck.documents.opening import MAX_INPUT_SIZE

    max_size = job.max_input_size if job is not None else MAX_INPUT_SIZE
    rules = setup.pack.rules
    tables: list[ClaimsTable] = []
    findings: list[Finding] = []
    for path in iter_claim_files(paths):
        if per_record:
            records, errors = load_claims(path, max_size)
            tables.append(records_table(records))
        else:
            loaded, errors = load_table(path, max_size)
            tables.append(loaded)
        bad_records = [e for e in errors if isinstance(e, ClaimError)]
        unreadable = [e for e in errors if not isinstance(e, ClaimError)]
        if rules["CL001"].enabled:
            findings.extend(InvalidClaimRecord.findings(bad_records))
        if rules["IN001"].enabled:
            findings.extend(UnreadableInput.error_finding(e) for e in unreadable)
    table = concat(tables)
    if not len(table):
        return findings, 0, 0
    setup = replace(setup, rates=cached(setup.rates))  # one answer per rate question
    findings.extend(_record_findings(table, setup, every=per_record))
    suppressed = 0
    for ctx in table_documents(table, setup, screen=not per_record):
        found, hidden = _document_findings(ctx, setup)
        findings.extend(found)
        suppressed += hidden
    if client is not None and job is not None:
        from factcheck.engine.dask_tables import cross_source_findings

        findings.extend(cross_source_findings(table.frame, job, client))
    else:
        findings.extend(table_findings(table.frame, setup))
    return _graded(findings, setup), len(table), suppressed


def _record_findings(table: ClaimsTable, setup: AuditSettings, every: bool = False
                     ) -> list[Finding]:
    """CL002 and CL003, given the only records they can flag (unless ``every``): those
    whose id is used again, and those with a date out of order (found on the frame)."""
    from factcheck.checks.claim_dates import ClaimDateOrder
    from factcheck.checks.claim_duplicate import DuplicateClaimId

    frame, rules, out = table.frame, setup.pack.rules, []
    if rules["CL002"].enabled:
        twice = frame["id"].duplicated(keep=False).to_numpy() | every
        out.extend(DuplicateClaimId.findings(table.records(twice.nonzero()[0].tolist())))
    if rules["CL003"].enabled:
        published, kind = frame["published"], frame["kind"]
        late = (frame["fx_date"] > published) | ((kind == "actual") & (
            (frame["valuation_date"] > published) | (frame["period_start"] > published))) | (
            (kind == "projection") & (frame["period_end"] < published)) | every
        out.extend(ClaimDateOrder.findings(table.records(late.to_numpy().nonzero()[0].tolist())))
    return out


def source_documents(
    records: Sequence[LoadedRecord], setup: AuditSettings
) -> Iterable[DocumentContext]:
    """One context per (source, publication date), whatever files its records are in:
    its records' figures together, each reporting its own file and line."""
    from factcheck.claims.records import record_document

    def key(r: LoadedRecord) -> tuple[str, str]:
        return (r.record.source_name, r.record.published.isoformat())

    for _, group in groupby(sorted(records, key=key), key=key):
        parts = [record_document(r, setup.pack.extraction) for r in group]
        yield combined(parts, setup)


def table_documents(table: ClaimsTable, setup: AuditSettings, screen: bool = True
                    ) -> Iterable[DocumentContext]:
    """``source_documents`` of the table's records, for the documents the document checks
    can find something in (see ``claims.screen``); all of them when not ``screen``."""
    from factcheck.claims.amounts import DEFAULT_OPTIONS
    from factcheck.claims.screen import documents_to_check

    options = setup.pack.extraction
    rules = setup.pack.rules
    tolerance = min([0.03] + [float(getattr(rules[c].options, "tolerance", 0.0))
                              for c in ("FX002", "FX005") if c in rules])
    plain = options is None or options == DEFAULT_OPTIONS  # the table's reading
    if not screen:
        yield from source_documents(table.records(range(len(table))), setup)
        return
    documents = documents_to_check(table, setup.rates, tolerance, screen=plain)
    facts = table.facts_of([int(i) for rows in documents for i in rows])
    start = 0
    for rows in documents:
        yield joined(facts[start:start + len(rows)], setup)
        start += len(rows)


def joined(facts: Sequence[RecordFacts], setup: AuditSettings) -> DocumentContext:
    """``combined`` of the documents of several records, built as one: each figure made
    once, with its id, offset and sentence in the whole."""
    from factcheck.claims.records import record_parts

    texts: list[str] = []
    figures: list[Figure] = []
    anchors: list[Anchor] = []
    offset = 0
    paths: dict[str, str] = {}
    for index, r in enumerate(facts):
        text, figs = record_parts(r, setup.pack.extraction, f"r{index + 1}", offset, index)
        for f in figs:
            anchors.append(Anchor(offset=f.start, line=r.line, column=1))
            paths[f.id] = r.path
        figures.extend(figs)
        texts.append(text)
        offset += len(text) + 1
    first = facts[0]
    document = Document(
        path=first.path, text="\n".join(texts), lang=first.lang, published=first.published,
        title=f"{first.subject} {first.metric} {first.period} ({first.kind}) [{first.id}]",
        source=first.source, anchors=tuple(anchors))
    return DocumentContext(document, tuple(figures), setup.rates, paths=paths)


def combined(parts: list[tuple[Document, tuple[Figure, ...]]], setup: AuditSettings
             ) -> DocumentContext:
    """Several record documents as one: texts joined, figure ids made unique, every figure
    still reporting its own record's line."""
    texts, figures, anchors, offset = [], [], [], 0
    paths: dict[str, str] = {}
    for index, (doc, figs) in enumerate(parts):
        prefix = f"r{index + 1}"
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
    return DocumentContext(document, tuple(figures), setup.rates, paths=paths)


def _document_findings(ctx: DocumentContext, setup: AuditSettings) -> tuple[list[Finding], int]:
    checks = all_checks()
    found: list[Finding] = []
    for code, rule in setup.pack.rules.items():
        if rule.enabled and code not in TABLE_CHECKS and code != "IN001":
            found.extend(checks[code]().run(ctx, rule.options))
    marks = markers(ctx.document) if found else {}
    kept = [f for f in found if not is_suppressed(f, marks)]
    return kept, len(found) - len(kept)


def table_findings(frame: pd.DataFrame, setup: AuditSettings,
                   codes: Sequence[str] = ("XS001", "XS002", "XS003")) -> list[Finding]:
    """The cross-source findings (of the enabled checks among ``codes``) of a table."""
    from factcheck.analyse.frame import in_common_currency
    from factcheck.checks.cross_period import CrossSourcePeriodMismatch
    from factcheck.checks.cross_rate import CrossSourceRateMismatch
    from factcheck.checks.cross_value import CrossSourceValueMismatch

    on = {code for code in codes if setup.pack.rules[code].enabled}
    out: list[Finding] = []
    common = in_common_currency(frame, setup.rates) if on & {"XS001", "XS003"} else None
    if "XS001" in on:
        out.extend(CrossSourceValueMismatch.findings(frame, setup.rates, common))
    if "XS002" in on:
        out.extend(CrossSourceRateMismatch.findings(frame, setup.rates))
    if "XS003" in on:
        out.extend(CrossSourcePeriodMismatch.findings(frame, setup.rates, common))
    return out


def _graded(findings: list[Finding], setup: AuditSettings) -> list[Finding]:
    """The pack's severity where it sets one."""
    out = []
    for f in findings:
        severity = setup.pack.rules[f.code].severity if f.code in setup.pack.rules else "auto"
        out.append(f if severity == "auto" else f.model_copy(update={"severity": severity}))
    return out
