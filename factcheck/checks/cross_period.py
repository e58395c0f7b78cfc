"""XS003 cross-source-period-mismatch: one figure attributed to different periods.

What it flags:
    Claims records of the same subject, metric and kind from different sources whose
    values agree (their intervals intersect, in one currency) but whose periods differ:
    "a US$ 5 billion loss in 2024" in one source, "a US$ 5 billion loss in 2023" in another.
    Neighbouring values are compared after sorting, so the check is n log n.

Why it matters:
    A number carried from one report to another often loses its period on the way; the
    reader of the second is told about the wrong year.

Example:
    Source A: OpenAI net_loss 2024 actual "$5 billion"; source B: OpenAI net_loss 2023
    actual "US$ 5 miliar".

Options:
    none.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from factcheck.analyse.frame import ClaimsFrame, named_rows
from factcheck.checks._scopes import TableCheck
from factcheck.evidence import Evidence
from factcheck.model import Finding
from factcheck.phrases import Word, said
from factcheck.readings import Names, Row, Text
from factcheck.registry import register

if TYPE_CHECKING:
    import pandas as pd



@dataclass(frozen=True)
class PeriodDisagreement(Evidence):
    record: str
    other_record: str
    periods: tuple[str, str]

    def rows(self) -> list[Row]:
        return [("Record", Text(self.record)), ("Other record", Text(self.other_record)),
                ("Periods", Names(self.periods))]


ROW = ["path", "line", "id", "source", "subject", "metric", "kind", "period", "written",
       "ignore"]


@register
class CrossSourcePeriodMismatch(TableCheck):
    code = "XS003"
    name = "cross-source-period-mismatch"
    default_severity = "info"


    group_columns = ("subject", "metric", "kind")

    def run(self, claims: ClaimsFrame, options: object) -> list[Finding]:
        cls, common = type(self), claims.common
        low, high = common["common_low"], common["common_high"]
        # "as much as $70 billion" matches any smaller figure: unbounded values are left out
        table = common[low.notna() & high.notna() & (low > 0) & (high < float("inf"))]
        keys = ["subject", "metric", "kind", "common_unit"]
        table = table.iloc[_order(table, [*keys, "common_low"])]
        hits = _after_twin(table, keys)
        rows = named_rows(table.iloc[hits], ROW)
        previous = named_rows(table.iloc[hits - 1], ROW)
        out = []
        for row, before in zip(rows, previous, strict=True):
            if cls.ignored(row):
                continue
            message = said("{claim} ({kind}): {source} gives {written} for {period}, {other} "
                           "gives {other_written} for {other_period}: the same figure, two "
                           "periods", claim=f"{row.subject} {row.metric}", kind=Word(str(row.kind)),
                           source=str(row.source), written=str(row.written),
                           period=str(row.period), other=str(before.source),
                           other_written=str(before.written), other_period=str(before.period))
            out.append(cls.row_finding(row, "info", message, PeriodDisagreement(
                row.id, before.id, (before.period, row.period))))
        return out


def _after_twin(table: pd.DataFrame, keys: list[str]) -> Any:
    """Positions of the rows (after sorting) whose value meets the row before's, of the
    same keys, from another source and for another period."""
    import numpy as np  # deferred, like pandas: loaded only when claims are audited

    def changed(name: str) -> Any:
        column = table[name]
        return (column.iloc[1:].to_numpy() != column.iloc[:-1].to_numpy()) | column.isna(
        ).to_numpy()[1:] | column.isna().to_numpy()[:-1]

    if len(table) < 2:
        return np.zeros(0, dtype=np.intp)
    same = np.ones(len(table) - 1, dtype=bool)
    for name in keys:
        same &= ~changed(name)
    low, high = table["common_low"].to_numpy(), table["common_high"].to_numpy()
    hit = same & (low[1:] <= high[:-1]) & changed("period") & changed("source")
    return np.flatnonzero(hit) + 1


def _order(table: pd.DataFrame, keys: list[str]) -> Any:
    """The positions that sort ``table`` by ``keys``, stably: the lexsort ``sort_values``
    makes of several keys, on the codes of each key in sorted order (NaN last)."""
    import numpy as np  # deferred: loaded only when claims are audited
    import pandas as pd

    codes = []
    for name in keys:
        code, uniques = pd.factorize(table[name], sort=True, use_na_sentinel=True)
        codes.append(np.where(code < 0, len(uniques), code))
    return np.lexsort(codes[::-1]) if codes else np.arange(len(table))
