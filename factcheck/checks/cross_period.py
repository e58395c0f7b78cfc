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

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from factcheck.checks._frame import finding, ignored, in_common_currency
from factcheck.engine.context import DocumentContext
from factcheck.engine.registry import Check, register
from factcheck.model import Finding

if TYPE_CHECKING:
    import pandas as pd

    from factcheck.normalise.fx import RateProvider


@register
class CrossSourcePeriodMismatch(Check):
    code = "XS003"
    name = "cross-source-period-mismatch"
    default_severity = "info"

    def run(self, ctx: DocumentContext, options: Any) -> Iterator[Finding]:
        return iter(())  # a check of the claims table: see ``findings``

    @classmethod
    def findings(cls, frame: pd.DataFrame, rates: RateProvider | None) -> list[Finding]:
        table = in_common_currency(frame, rates).dropna(subset=["common_low", "common_high"])
        bounded = (table["common_low"] > 0) & (table["common_high"] < float("inf"))
        table = table[bounded]  # "as much as $70 billion" matches any smaller figure
        table = table.sort_values(["subject", "metric", "kind", "common_unit", "common_low"])
        keys = ["subject", "metric", "kind", "common_unit"]
        same = (table[keys] == table[keys].shift()).all(axis=1)
        overlap = table["common_low"] <= table["common_high"].shift()
        moved = (table["period"] != table["period"].shift()) & (
            table["source"] != table["source"].shift())
        hits = table[same & overlap & moved]
        previous = table.shift().loc[hits.index]
        out = []
        for row, before in zip(hits.itertuples(index=False), previous.itertuples(index=False),
                               strict=True):
            if ignored(row, cls.code):
                continue
            message = (f"{row.subject} {row.metric} ({row.kind}): {row.source} gives "
                       f"{row.written} for {row.period}, {before.source} gives "
                       f"{before.written} for {before.period}: the same figure, two periods")
            out.append(finding(cls, row, "info", message, {
                "record": row.id, "other_record": before.id, "periods": [before.period,
                                                                         row.period]}))
        return out
