"""The audit: a pack's checks over articles and claims data, as one entry point.

Documents are read and audited shard by shard (``engine.shards``), in this process, in
``--jobs N`` processes or on Dask (``engine.parallel``), with the same result; only the
findings (and, when a report shows them, the figures) are kept, so memory stays flat
however many articles an archive holds. Claims files are audited as a table
(``engine.claims``). An input that cannot be read becomes an IN001 finding, one the tool
fails on (a bug, in any engine) an IN002 finding, and the others are still audited.
Findings come out sorted by (path, line, column, code) so that outputs diff cleanly.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from contextlib import ExitStack
from dataclasses import replace
from datetime import date
from itertools import chain
from pathlib import Path

from factcheck.claims.known import known_figures
from factcheck.documents.given import GivenInput
from factcheck.documents.opening import MAX_INPUT_SIZE
from factcheck.engine import parallel
from factcheck.engine.dispatch import input_findings
from factcheck.engine.inputs import CLAIMS_SUFFIXES, InputSelection
from factcheck.engine.merge import Merged
from factcheck.engine.parallel import ShardResult
from factcheck.engine.settings import AuditJob, job_settings
from factcheck.engine.shards import is_dir, plan
from factcheck.engine.suppress import apply_baseline, read_baseline
from factcheck.model import AuditResult, Finding, Lang


def audit_paths(
    paths: Sequence[Path | str], *, rules: Path | str | None = None,
    rates: Path | str | None = None, lang: Lang | None = None, published: date | None = None,
    baseline: Path | None = None, jobs: int = 1, engine: str = "local",
    scheduler: str | None = None, max_input_size: int = MAX_INPUT_SIZE,
) -> AuditResult:
    """Audit every document under ``paths`` (see ``audit_inputs`` for the engines); the
    result keeps every document's figures. ``max_input_size``: the size cap of an input,
    in bytes (see ``documents.opening``)."""
    job = AuditJob(str(rules) if rules else None, str(rates) if rates else None, lang,
                   published, keep_documents=True, max_input_size=max_input_size)
    return audit_inputs(paths, job, baseline, engine=engine, jobs=jobs, scheduler=scheduler)


def audit_inputs(
    paths: Sequence[Path | str | GivenInput], job: AuditJob, baseline: Path | None = None, *,
    engine: str = "local", jobs: int = 1, scheduler: str | None = None,
    progress: Callable[[Iterable[ShardResult]], Iterable[ShardResult]] | None = None,
    selection: InputSelection | None = None,
) -> AuditResult:
    """Audit the articles and claims files under ``paths`` with ``engine`` ("local", in
    ``jobs`` processes when more than one, or "dask"): the same findings from each.
    ``selection`` says which walked files are articles and which claims (the project's
    globs: ``engine.inputs``); without it, a directory's claims files are those with a
    claims suffix. Raises ``ConfigError`` for a bad pack or rate table before any work
    starts."""
    setup = job_settings(job)
    articles, claims = selection.split(paths) if selection else split_inputs(paths)
    merged = Merged(lambda error: input_findings([error], setup.pack))
    todo = merged.shards_of(plan(articles, max_size=job.max_input_size))
    first = next(todo, None)
    if first is not None and claims:  # read the records only when an article may need them
        known, failures = known_figures(claims, job.max_input_size)
        job = replace(job, known=known)
        for failure in failures:
            merged.add_unreadable(failure)
    todo = chain([first], todo) if first is not None else todo
    with ExitStack() as stack:
        client = stack.enter_context(parallel.dask_client(jobs, scheduler)) if (
            engine == "dask") else None
        if client is not None:
            results = parallel.run_dask(job, todo, client)
        elif jobs > 1:
            results = parallel.run_processes(job, todo, jobs)
        else:
            results = parallel.run_local(job, todo)
        for result in progress(results) if progress else results:
            merged.add(result)
        merged.settle_repeats()
        findings, suppressed, records = merged.findings, merged.suppressed, 0
        if claims:
            # the claims readers (their schemas, pandas) only when there may be claims
            from factcheck.engine.claims import audit_claim_files

            found, records, hidden = audit_claim_files(claims, setup, job=job, client=client)
            findings.extend(found)
            suppressed += hidden
    baselined = 0
    if baseline is not None:
        findings, baselined = apply_baseline(findings, read_baseline(baseline))
    findings.sort(key=Finding.sort_key)
    merged.documents.sort(key=lambda d: d.document.path)
    return AuditResult(findings=tuple(findings), documents=tuple(merged.documents),
                       suppressed=suppressed, baselined=baselined, audited=merged.audited,
                       records=records)


def split_inputs(paths: Sequence[Path | str | GivenInput]
                 ) -> tuple[list[Path | GivenInput], list[Path | GivenInput]]:
    """(article inputs, claims inputs): a directory is both (each reader takes its own
    files from it); a file is claims data when it is YAML, JSON or CSV (standard input
    when its name is)."""
    articles: list[Path | GivenInput] = []
    claims: list[Path | GivenInput] = []
    for item in paths:
        given = item if isinstance(item, GivenInput) else Path(item)
        is_claims = Path(str(given)).suffix.lower() in CLAIMS_SUFFIXES
        folder = not isinstance(given, GivenInput) and is_dir(given)
        if folder or not is_claims:
            articles.append(given)
        if folder or is_claims:
            claims.append(given)
    return articles, claims
