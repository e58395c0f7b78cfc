"""The library entry points behind the command line: figures and audits of paths and
texts (the rate look-ups are in ``factcheck.reference_rates``)."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from datetime import date
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from factcheck.documents import MAX_INPUT_SIZE
from factcheck.documents.given import GivenInput
from factcheck.errors import InputError, guarded
from factcheck.extract import ExtractOptions, extract_document
from factcheck.model import AuditResult, Document, DocumentFigures, Finding, Lang

if TYPE_CHECKING:
    from factcheck.engine.settings import AuditSettings


def extract_paths(
    paths: Sequence[Path | str | GivenInput], *, lang: Lang | None = None,
    published: date | None = None, options: ExtractOptions | None = None,
    max_input_size: int = MAX_INPUT_SIZE,
) -> tuple[list[DocumentFigures], list[InputError]]:
    """Figures of every document under ``paths``, and the inputs that could not be read.

    A bad input never stops the others: it is returned as an error beside the results,
    and so is a document the tool failed on (an ``InternalError``).
    ``max_input_size`` caps a file read whole, or each record of an archive, in bytes.
    """
    results: list[DocumentFigures] = []
    errors: list[InputError] = []
    for item in iter_extracted(paths, lang=lang, published=published, options=options,
                               max_input_size=max_input_size):
        if isinstance(item, InputError):
            errors.append(item)
        else:
            results.append(item)
    return results, errors


def iter_extracted(
    paths: Sequence[Path | str | GivenInput], *, lang: Lang | None = None,
    published: date | None = None, options: ExtractOptions | None = None,
    max_input_size: int = MAX_INPUT_SIZE,
) -> Iterator[DocumentFigures | InputError]:
    """``extract_paths`` as a stream: each document's figures, or an input's error, as the
    inputs are read (an archive in blocks, ``engine.shards.stream_documents``), so that a
    caller that writes them as they come holds one block's documents and one document's
    figures at a time."""
    from factcheck.engine.shards import stream_documents

    for item in stream_documents(paths, lang, published, max_input_size):
        if isinstance(item, InputError):
            yield item
            continue
        figures = guarded(lambda: extract_document(item, options),  # noqa: B023
                          "extracting", item.path)
        if isinstance(figures, InputError):  # a bug met on this document (IN002)
            yield figures
            continue
        yield DocumentFigures(document=item, figures=figures)


def audit(
    paths: Sequence[Path | str], *, rules: Path | str | None = None,
    rates: Path | str | None = None, lang: Lang | None = None, published: date | None = None,
    baseline: Path | None = None, jobs: int = 1, engine: str = "local",
    scheduler: str | None = None, max_input_size: int = MAX_INPUT_SIZE,
) -> AuditResult:
    """Audit every document under ``paths`` with a rule pack (the default when None), in
    this process, in ``jobs`` processes, or on Dask (``engine="dask"``, a local cluster of
    ``jobs`` workers or the one at ``scheduler``): the same result from each.
    ``max_input_size`` caps a file read whole, or each record of an archive, in bytes."""
    from factcheck.engine.audit import audit_paths

    return audit_paths(paths, rules=rules, rates=rates, lang=lang, published=published,
                       baseline=baseline, jobs=jobs, engine=engine, scheduler=scheduler,
                       max_input_size=max_input_size)


def filter_findings(
    result: AuditResult, *, select: Sequence[str] = ("ALL",), ignore: Sequence[str] = (),
    diff_base: str | None = None, cwd: Path | None = None,
) -> AuditResult:
    """The findings a gate reports, a step after the audit: those of the selected and not
    ignored codes (``engine.code_filter``), and with ``diff_base`` only those on lines
    changed since that git revision (``engine.diff_filter``). Raises ``ConfigError`` for a
    code that names no check, or when git cannot tell what changed."""
    from factcheck.engine.code_filter import check_codes, select_findings
    from factcheck.registry import all_checks

    check_codes(select, all_checks(), "select")
    check_codes(ignore, all_checks(), "ignore")
    result = select_findings(result, select, ignore)
    if diff_base is not None:
        from factcheck.engine.diff_filter import changed_findings, changes_since

        result = changed_findings(result, changes_since(diff_base, cwd))
    return result


def audit_text(
    text: str, lang: Lang = "id", *, published: date | None = None, source: str | None = None,
    rules: Path | str | None = None, rates: Path | str | None = None,
) -> tuple[Finding, ...]:
    """The findings of one article given as a string."""
    from factcheck.engine.runner import check_document
    from factcheck.engine.settings import settings

    setup = settings(rules, rates) if rules or rates else _cached_settings(None, None)
    doc = Document(path="<text>", text=text, lang=lang, published=published, source=source)
    _, findings, _ = check_document(doc, setup)
    return tuple(sorted(findings, key=Finding.sort_key))


@cache
def _cached_settings(rules: str | None, rates: str | None) -> AuditSettings:
    from factcheck.engine.settings import settings

    return settings(rules, rates)
