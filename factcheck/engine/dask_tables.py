"""The cross-source checks on dask.dataframe: shuffle the claims table so that every
group a check compares lands in one partition, then run the pandas check on each
partition where it lies.

XS001 groups by subject, metric, period and kind, XS003 by subject, metric and kind:
one shuffle on (subject, metric, kind) serves both. XS002 groups by currency pair and
conversion date (the record's ``fx_date``, else its publication date). The shuffle moves
pickled pandas partitions (not Arrow tables), so every cell arrives as it left. Each partition
is put back in the table's row order before it is checked, so a check sees every group's
rows in the order the local engine gives them, and the findings are the same.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from factcheck.model import Finding

if TYPE_CHECKING:
    import pandas as pd

    from factcheck.engine.parallel import AuditJob

ROW = "_table_row"
ON = "_conversion_day"
#: (checks, the columns whose equal values keep a check's groups together)
SHUFFLES = ((("XS001", "XS003"), ["subject", "metric", "kind"]),
            (("XS002",), ["currency", "equivalent_currency", ON]))
ROWS_PER_PARTITION = 50_000


def _partition_findings(part: pd.DataFrame, job: AuditJob, codes: tuple[str, ...]
                        ) -> list[Finding]:
    from dataclasses import replace

    from factcheck.claims.ratecache import cached
    from factcheck.engine.claims import table_findings
    from factcheck.engine.parallel import job_settings

    if part.empty:
        return []
    setup = job_settings(job)
    setup = replace(setup, rates=cached(setup.rates))
    table = part.sort_values(ROW).drop(columns=[ROW, ON]).reset_index(drop=True)
    return table_findings(table, setup, codes)


def cross_source_findings(frame: pd.DataFrame, job: AuditJob, client: Any) -> list[Finding]:
    """XS001-XS003 of the claims table ``frame``, computed on the cluster of ``client``."""
    from dataclasses import replace

    import dask
    import dask.dataframe as dd
    import numpy as np

    from factcheck.engine.parallel import job_settings

    rules = job_settings(job).pack.rules
    job = replace(job, known=())  # the articles' business, not the table's
    table = frame.reset_index(drop=True)
    table[ROW] = np.arange(len(table))
    table[ON] = table["fx_date"].fillna(table["published"]).astype(str)
    parts = max(1, -(-len(table) // ROWS_PER_PARTITION))
    tasks: list[Any] = []
    # the table's cells as they are: Dask would make object columns Arrow strings, and its
    # peer-to-peer shuffle goes through Arrow (a tuple of ignored codes comes back an array)
    with dask.config.set({"dataframe.convert-string": False}):
        source = dd.from_pandas(table, npartitions=parts, sort=False)
        for codes, keys in SHUFFLES:
            enabled = tuple(code for code in codes if rules[code].enabled)
            if enabled:
                shuffled = source.shuffle(on=keys, npartitions=parts, shuffle_method="tasks")
                tasks.extend(dask.delayed(_partition_findings)(part, job, enabled)
                             for part in shuffled.to_delayed())
        computed = client.gather(client.compute(tasks))
    out: list[Finding] = []
    for found in computed:
        out.extend(found)
    return out
