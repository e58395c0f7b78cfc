"""Auditing claims data: every record is checked like a small document, the records of one
source are held together like one article, and the whole table across sources.

- A file that cannot be parsed, and a record that fails the schema, are the input checks'
  (IN001, CL001: file, line, field); the records checks read the table of valid records
  (CL002 duplicate ids, CL003 dates out of order).
- The records of one source, file and publication date form one document
  (``analyse.record_documents``): the document checks (FX001-FX005, UN001, ...) run on
  their figures unchanged.
- The table checks (XS001-XS003) group the table of all records with pandas, on Dask
  by partitions (``engine.dask_tables``).

At scale (``benchmarks/claims_scale.py``): a CSV file is read and validated by column
(``claims.table``), a records check reads only the records the frame shows it can flag,
the documents are built only where a document check may find something
(``DocumentCheck.quiet_records`` over ``analyse.records``) and run only the checks that may
(the others still count as enabled, for the readings that hide a finding), and rates are
looked up once (``claims.ratecache``). ``per_record=True`` is the audit without the column
reading and the screening of documents, which the tests hold the fast one to.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from factcheck.analyse.context import DocumentContext
from factcheck.analyse.frame import ClaimsFrame
from factcheck.analyse.record_documents import joined, source_documents
from factcheck.checks._scopes import RecordsCheck, TableCheck
from factcheck.claims.amounts import DEFAULT_OPTIONS
from factcheck.claims.collector import paused_gc
from factcheck.claims.loaders import iter_claim_files, load_claims
from factcheck.claims.ratecache import cached
from factcheck.claims.table import ClaimsTable, concat, load_table, records_table
from factcheck.documents.given import GivenInput
from factcheck.documents.opening import MAX_INPUT_SIZE
from factcheck.engine.dispatch import document_findings, input_findings, quiet_by_check, run_checks
from factcheck.engine.packs import Pack
from factcheck.engine.settings import AuditJob, AuditSettings
from factcheck.errors import InputError, guarded
from factcheck.model import Finding

if TYPE_CHECKING:
    import pandas as pd

MAX_SCREENED = 62  # document checks screened one by one (the bits of a mask)


def audit_claim_files(paths: Sequence[Path | str | GivenInput], setup: AuditSettings, *,
                      per_record: bool = False, job: AuditJob | None = None,
                      client: Any = None) -> tuple[list[Finding], int, int]:
    """(findings, records read, suppressed) of the claims files under ``paths``.

    ``per_record`` takes the way round that the vectorised one must agree with (the
    tests hold them together): every file loaded record by record by pydantic, every
    per-source document checked. With a Dask ``client`` the table checks run on
    dask.dataframe partitions (``engine.dask_tables``), each worker loading ``job``'s
    pack and rates."""
    with paused_gc():  # see there: millions of objects, a few hundred in cycles
        return _audit(paths, setup, per_record, job, client)


def _audit(paths: Sequence[Path | str | GivenInput], setup: AuditSettings, per_record: bool,
           job: AuditJob | None, client: Any) -> tuple[list[Finding], int, int]:
    pack = setup.pack
    max_size = job.max_input_size if job is not None else MAX_INPUT_SIZE
    tables: list[ClaimsTable] = []
    findings: list[Finding] = []
    names: list[str] = []
    for path in iter_claim_files(paths):
        name = (path.path or "<claims>") if isinstance(path, InputError) else str(path)
        loaded = guarded(lambda: _load(path, max_size, per_record), "reading", name)  # noqa: B023
        if isinstance(loaded, InputError):
            findings.extend(input_findings([loaded], pack))
            continue
        found, errors = loaded
        tables.append(found)
        findings.extend(input_findings(errors, pack))
        names.append(name)
    table = concat(tables)
    if not len(table):
        return findings, 0, 0
    setup = replace(setup, rates=cached(setup.rates))  # one answer per rate question
    files = list(dict.fromkeys(names))
    checked = guarded(lambda: record_findings(table, setup), "checking the records", files[0])
    findings.extend(_every_file(checked, files, pack))
    documents = guarded(lambda: _document_findings(table, setup, per_record), "checking the "
                        "records of each source", files[0])
    suppressed = 0 if isinstance(documents, InputError) else documents[1]
    findings.extend(_every_file(
        documents if isinstance(documents, InputError) else documents[0], files, pack))
    if client is not None and job is not None:
        from factcheck.engine.dask_tables import cross_source_findings  # deferred: Dask

        compared = guarded(lambda: cross_source_findings(table.frame, job, client),
                           "comparing the sources", files[0])
    else:
        compared = guarded(lambda: table_findings(table.frame, setup), "comparing the sources",
                           files[0])
    findings.extend(_every_file(compared, files, pack))
    return findings, len(table), suppressed


def _load(path: Path | GivenInput | InputError, max_size: int, per_record: bool
          ) -> tuple[ClaimsTable, list[InputError]]:
    if per_record:
        records, errors = load_claims(path, max_size)
        return records_table(records), errors
    return load_table(path, max_size)


def _every_file(found: list[Finding] | InputError, files: list[str], pack: Pack
                ) -> list[Finding]:
    """The findings of a step over the whole table, or when the tool failed on it, that
    failure on every file of the table (the step was done for none)."""
    if not isinstance(found, InputError):
        return found
    return input_findings([found.elsewhere(name) for name in files], pack)


def _document_findings(table: ClaimsTable, setup: AuditSettings, per_record: bool
                       ) -> tuple[list[Finding], int]:
    """The findings of the document checks on the records of each source, and how many
    were suppressed; a source's document the tool fails on is its IN002."""
    findings: list[Finding] = []
    suppressed = 0
    for ctx, only in screened_documents(table, setup, screen=not per_record):
        path = ctx.document.path
        checked = guarded(lambda: document_findings(ctx, setup.pack, only),  # noqa: B023
                          "auditing", path)
        ctx.release()
        if isinstance(checked, InputError):
            findings.extend(input_findings([checked], setup.pack))
            continue
        findings.extend(checked[0])
        suppressed += checked[1]
    return findings, suppressed


def record_findings(table: ClaimsTable, setup: AuditSettings) -> list[Finding]:
    """The findings of the records checks (CL002, CL003, ...) on the table."""
    return run_checks(setup.pack, RecordsCheck, table)


def table_documents(table: ClaimsTable, setup: AuditSettings, screen: bool = True
                    ) -> Iterable[DocumentContext]:
    """The per-source documents of the table's records that a document check may find
    something in (every document when not ``screen``)."""
    for ctx, _ in screened_documents(table, setup, screen):
        yield ctx


def screened_documents(table: ClaimsTable, setup: AuditSettings, screen: bool = True
                       ) -> Iterable[tuple[DocumentContext, frozenset[str] | None]]:
    """``table_documents``, each with the codes of the document checks that may find
    something in it: those that hold one of its records not quiet (None: every check)."""
    options = setup.pack.extraction
    if not screen:
        for ctx in source_documents(table.records(range(len(table))), options, setup.rates):
            yield ctx, None
        return
    # deferred: the record columns are numpy and pandas, loaded only when claims are audited
    import numpy as np

    from factcheck.analyse.records import RecordConversions

    same_reading = options is None or options == DEFAULT_OPTIONS  # the table's reading
    records = RecordConversions(table, setup.rates, same_reading)
    quiet = quiet_by_check(records, setup.pack)
    codes = sorted(quiet)
    if len(codes) > MAX_SCREENED:  # more than a bit mask holds: one mask for them all
        quiet = {"": np.logical_and.reduce(list(quiet.values()))}
        codes = [""]
    busy = np.zeros(len(table), dtype=np.int64)  # bit i: not quiet for codes[i]
    for bit, code in enumerate(codes):
        busy |= (~quiet[code]).astype(np.int64) << bit
    documents = records.documents_with(busy != 0)
    if not documents:
        return
    rows = np.concatenate(documents)
    starts = np.cumsum([0] + [len(d) for d in documents[:-1]])
    masks = np.bitwise_or.reduceat(busy[rows], starts).tolist()
    checks_of: dict[int, frozenset[str] | None] = {
        mask: frozenset(c for bit, c in enumerate(codes) if mask >> bit & 1)
        if codes != [""] else None for mask in set(masks)}
    facts = table.facts_of([int(i) for i in rows.tolist()])
    start = 0
    for document, mask in zip(documents, masks, strict=True):
        yield joined(facts[start:start + len(document)], options, setup.rates), checks_of[mask]
        start += len(document)


def table_findings(frame: pd.DataFrame, setup: AuditSettings,
                   codes: Sequence[str] | None = None) -> list[Finding]:
    """The findings of the table checks (of those among ``codes`` if given) on a table."""
    return run_checks(setup.pack, TableCheck, ClaimsFrame(frame, setup.rates), codes)
