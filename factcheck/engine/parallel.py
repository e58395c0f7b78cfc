"""Where the shards are audited: in this process, in ``--jobs N`` processes, or on Dask.

Every engine runs :func:`audit_shard` on the shards of ``engine.shards.plan`` and hands
the results back in shard order; ``engine.merge.Merged`` adds them up the same way for all
of them, which is why ``--jobs 1``, ``--jobs N`` and ``--engine dask`` print the same bytes.

A worker gets an ``AuditJob`` (paths of the pack and the rate table, not the loaded
objects) and loads the pack and rates once per process (``engine.settings``). Only
findings, counts and, when a report needs them, the documents' figures travel back; a
shard's texts stay where it was read, so the parent's memory does not grow with the
archive.
"""

from __future__ import annotations

import logging
import multiprocessing
import sys
from collections import deque
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from itertools import chain
from typing import Any

from factcheck.engine.dispatch import input_findings
from factcheck.engine.runner import check_document
from factcheck.engine.settings import AuditJob, job_settings
from factcheck.engine.shards import Shard, read_shard
from factcheck.errors import ConfigError, InputError, guarded
from factcheck.model import Document, DocumentFigures, Finding


@dataclass
class DocumentResult:
    path: str
    line: int
    findings: list[Finding]
    suppressed: int
    figures: DocumentFigures | None


@dataclass
class ShardResult:
    path: str
    checks_ids: bool  # several documents of one file: ids are checked across shards
    documents: list[DocumentResult] = field(default_factory=list)
    unreadable: list[Finding] = field(default_factory=list)


def audit_shard(job: AuditJob, shard: Shard) -> ShardResult:
    """Read one shard and audit its documents. Raises nothing but a bad pack or rate
    table: a bug met on a document is that document's IN002 finding, and one met reading
    the shard the shard's (``errors.guarded``)."""
    setup = job_settings(job)
    result = ShardResult(shard.path, shard.kind != "files")
    documents: list[Document] = []
    errors: list[InputError] = []
    for part in _parts(shard):  # each file of the shard on its own
        read = guarded(lambda: read_shard(part, job.lang, job.published,  # noqa: B023
                                          job.max_input_size),
                       "reading", part.path, None if part.kind == "files" else part.first_line)
        if isinstance(read, InputError):
            errors.append(read)
        else:
            documents.extend(read[0])
            errors.extend(read[1])
    for doc in documents:
        line = doc.anchors[0].line
        checked = guarded(lambda: check_document(doc, setup, job.known,  # noqa: B023
                                                 charts=job.keep_documents),
                          "auditing", doc.path, line)
        if isinstance(checked, InputError):
            result.documents.append(DocumentResult(
                doc.path, line, input_findings([checked], setup.pack), 0,
                DocumentFigures(document=doc, figures=()) if job.keep_documents else None))
            continue
        figures, found, hidden = checked
        result.documents.append(DocumentResult(doc.path, line, found, hidden,
                                               figures if job.keep_documents else None))
    result.unreadable = input_findings(errors, setup.pack)
    return result


def _parts(shard: Shard) -> list[Shard]:
    if shard.kind != "files" or len(shard.paths) == 1:
        return [shard]
    return [replace(shard, paths=(path,)) for path in shard.paths]


def _audit_partition(shards: list[Shard], job: AuditJob) -> list[ShardResult]:
    return [audit_shard(job, shard) for shard in shards]


def run_local(job: AuditJob, shards: Iterable[Shard]) -> Iterator[ShardResult]:
    for shard in shards:
        yield audit_shard(job, shard)


_WORKER_JOB: list[AuditJob] = []


def _start_worker(job: AuditJob) -> None:
    _WORKER_JOB[:] = [job]
    job_settings(job)


def _audit_in_worker(shard: Shard) -> ShardResult:
    return audit_shard(_WORKER_JOB[0], shard)


def run_processes(job: AuditJob, shards: Iterable[Shard], jobs: int) -> Iterator[ShardResult]:
    """``jobs`` worker processes, each given the job once; results in shard order."""
    context = multiprocessing.get_context("fork" if sys.platform == "linux" else "spawn")
    with context.Pool(jobs, initializer=_start_worker, initargs=(job,)) as pool:
        yield from pool.imap(_audit_in_worker, shards, chunksize=1)


@contextmanager
def dask_client(jobs: int, scheduler: str | None) -> Iterator[Any]:
    """A client of the scheduler at ``scheduler``, or of a local cluster of ``jobs``
    single-threaded worker processes (closed on exit)."""
    from distributed import Client, LocalCluster  # deferred: Dask loads only when asked for

    logging.getLogger("distributed").setLevel(logging.ERROR)  # the report is the output
    if scheduler:
        try:
            client = Client(scheduler)
        except OSError as error:  # refused, timed out, no such host
            raise ConfigError(f"cannot reach the Dask scheduler {scheduler}: {error}"
                              ) from None
        with client:
            yield client
        return
    cluster = LocalCluster(n_workers=jobs, threads_per_worker=1, processes=True,
                           dashboard_address=None, silence_logs=logging.ERROR)
    with cluster, Client(cluster) as client:
        yield client


def run_dask(job: AuditJob, shards: Iterable[Shard], client: Any) -> Iterator[ShardResult]:
    """The shards as dask.bag partitions, one shard each, gathered in shard order with a
    few per worker in flight (so neither side holds the whole archive's results)."""
    import dask.bag as db  # deferred: Dask loads only when asked for

    shared = client.scatter(job, broadcast=True, hash=False)  # sent once to each worker
    window = 4 * max(1, len(client.scheduler_info()["workers"]))
    pending: deque[Any] = deque()
    for shard in chain(shards, [None]):  # None: the end, gather the rest
        if shard is not None:
            bag = db.from_sequence([shard], npartitions=1)
            pending.append(client.compute(bag.map_partitions(_audit_partition, shared)))
        while pending and (shard is None or len(pending) >= window):
            yield from pending.popleft().result()
