"""XS001 cross-source-value-mismatch: one metric reported with incompatible values.

What it flags:
    Claims records with the same subject, metric, period and kind (actual, projection,
    estimate) whose values, read as intervals at their printed precision and converted to
    one currency at each record's valuation date, do not all intersect. The records outside
    the largest agreeing set are named, with the interval the others agree on.

Why it matters:
    When sources disagree on one number, at least one of them is wrong, or they do not
    measure the same thing; either way a newsroom repeating the figure should know.

Example:
    OpenAI, net_loss, 2024, projection: "US$ 5 miliar" (4.5-5.5 billion USD) in one source
    and "$4.2 billion" (4.15-4.25 billion) in another admit no common value; "$5 billion"
    would agree.

Options:
    none.
"""

from __future__ import annotations

from functools import lru_cache

from factcheck.analyse.frame import ClaimsFrame, inconsistent, largest_agreeing
from factcheck.checks._scopes import TableCheck
from factcheck.evidence import ValueDisagreement
from factcheck.model import Finding
from factcheck.normalise.money_format import format_amount
from factcheck.phrases import Amount, Num, Piece, Word, said
from factcheck.registry import register

KEYS = ["subject", "metric", "period", "kind", "common_unit"]
ROW = ["path", "line", "id", "source", "written", "common_low", "common_high", "ignore"]


@register
class CrossSourceValueMismatch(TableCheck):
    code = "XS001"
    name = "cross-source-value-mismatch"
    default_severity = "warning"


    group_columns = ("subject", "metric", "kind")

    def run(self, claims: ClaimsFrame, options: object) -> list[Finding]:
        cls = type(self)
        table = claims.common.dropna(subset=["common_low", "common_high"])
        out = []
        for key, rows in inconsistent(table, KEYS, "common_low", "common_high", ROW):
            agreeing = largest_agreeing([r.common_low for r in rows], [r.common_high for r in rows])
            if len(agreeing) == 1:  # no majority: the later record is named, against the first
                agreeing = {0}
            low = max(rows[i].common_low for i in agreeing)
            high = min(rows[i].common_high for i in agreeing)
            sources = sorted({str(rows[i].source) for i in agreeing})
            subject, metric, period, kind, unit = key
            agreed = span(low, high, unit)
            for i, row in enumerate(rows):
                if i in agreeing or cls.ignored(row):
                    continue
                gap = max(low / row.common_high, row.common_low / high) - 1
                message = said(
                    "{claim} ({kind}): {source} gives {written} ({range}), but {others} "
                    + ("gives" if len(sources) == 1 else "give") + " {agreed}",
                    claim=f"{subject} {metric} {period}", kind=Word(str(kind)),
                    source=str(row.source), written=str(row.written),
                    range=span(row.common_low, row.common_high, unit),
                    others=", ".join(sources), agreed=agreed)
                out.append(cls.row_finding(
                    row, "warning" if gap <= 0.05 else "error", message, ValueDisagreement(
                        row.id, (row.common_low, row.common_high), (low, high), unit,
                        tuple(rows[j].id for j in sorted(agreeing)))))
        return out


@lru_cache(maxsize=1 << 16)
def span(low: float, high: float, unit: str) -> Piece:
    """An interval as a reader writes it: "$4.65 billion to $4.75 billion"."""
    if len(unit) == 3 and unit.isupper():
        first, last = format_amount(low, unit, "en"), format_amount(high, unit, "en")
        if first == last:
            return Amount(low, unit, first)
        return said("{low} to {high}", low=Amount(low, unit, first),
                    high=Amount(high, unit, last))
    return said("{low} to {high} {unit}", low=Num(low, f"{low:,.4g}", 4),
                high=Num(high, f"{high:,.4g}", 4), unit=unit)
