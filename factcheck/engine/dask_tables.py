"""The table checks on dask.dataframe: shuffle the claims table so that every group a
check compares lands in one partition, then run the pandas check on each partition where
it lies.

A table check says which values keep its groups together (``TableCheck.partition_keys``:
XS001 and XS003 the subject, metric and kind, XS002 the currency pair and the day of the
conversion); checks that give the same keys share one shuffle. The shuffle moves pickled
pandas partitions (not Arrow tables), so every cell arrives as it left. Each partition is
put back in the table's row order before it is checked, so a check sees every group's
rows in the order the local engine gives them, and the findings are the same.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import dask
import dask.dataframe as dd
import numpy as np
import pandas as pd

from factcheck.analyse.frame import ClaimsFrame
from factcheck.checks._scopes import TableCheck
from factcheck.claims.ratecache import cached
from factcheck.engine.dispatch import enabled, run_checks
from factcheck.engine.settings import AuditJob, job_settings
from factcheck.model import Finding

ROW = "_table_row"
KEY = "_partition_key_"
ROWS_PER_PARTITION = 50_000


def _partition_findings(part: pd.DataFrame, job: AuditJob, codes: tuple[str, ...]
                        ) -> list[Finding]:
    if part.empty:
        return []
    setup = job_settings(job)
    extra = [ROW, *(c for c in part.columns if str(c).startswith(KEY))]
    table = part.sort_values(ROW).drop(columns=extra).reset_index(drop=True)
    return run_checks(setup.pack, TableCheck, ClaimsFrame(table, cached(setup.rates)), codes)


def shuffles(frame: pd.DataFrame, checks: list[type[TableCheck]]
             ) -> list[tuple[tuple[str, ...], pd.DataFrame]]:
    """(codes, partition keys) of the checks, those with equal keys together."""
    out: list[tuple[tuple[str, ...], pd.DataFrame]] = []
    for check in checks:
        keys = check.partition_keys(frame).reset_index(drop=True)
        for i, (codes, known) in enumerate(out):
            if list(known.columns) == list(keys.columns) and known.equals(keys):
                out[i] = ((*codes, check.code), known)
                break
        else:
            out.append(((check.code,), keys))
    return out


def cross_source_findings(frame: pd.DataFrame, job: AuditJob, client: Any) -> list[Finding]:
    """The table checks' findings on the claims table ``frame``, computed on the cluster
    of ``client``."""
    checks = [check for check, _ in enabled(job_settings(job).pack, TableCheck)]
    job = replace(job, known=())  # the articles' business, not the table's
    table = frame.reset_index(drop=True)
    table[ROW] = np.arange(len(table))
    planned = shuffles(table, checks)
    parts = max(1, -(-len(table) // ROWS_PER_PARTITION))
    tasks: list[Any] = []
    # the table's cells as they are: Dask would make object columns Arrow strings, and its
    # peer-to-peer shuffle goes through Arrow (a tuple of ignored codes comes back an array)
    with dask.config.set({"dataframe.convert-string": False}):
        for n, (codes, keys) in enumerate(planned):
            named = {f"{KEY}{n}_{i}": keys[c] for i, c in enumerate(keys.columns)}
            source = dd.from_pandas(table.assign(**named), npartitions=parts, sort=False)
            shuffled = source.shuffle(on=list(named), npartitions=parts, shuffle_method="tasks")
            tasks.extend(dask.delayed(_partition_findings)(part, job, codes)
                         for part in shuffled.to_delayed())
        computed = client.gather(client.compute(tasks))
    out: list[Finding] = []
    for found in computed:
        out.extend(found)
    return out
