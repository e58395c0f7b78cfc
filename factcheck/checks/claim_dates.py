"""CL003 claim-date-order: dates of a claims record in an impossible or suspicious order.

What it flags:
    - an ``fx_date`` after ``published`` (any kind): a conversion cannot use a rate that
      was not known yet (error);
    - an ``actual`` with a ``valuation_date`` after ``published``: it was not yet valued
      (error);
    - an ``actual`` for a period that starts after ``published``: nothing had happened
      yet, so it is a projection or the period is wrong (error);
    - a ``projection`` for a period that had ended before ``published``: by then the
      figure was an actual or an estimate, or the period is wrong (warning). This is the
      record form of DT001's "diprediksi akan mencapai ... pada Februari 2024" in July.
    Each finding is at the line of the field at fault (YAML and JSON; the row in CSV).

Why it matters:
    A record is only as good as its dates: the valuation date picks the reference rate
    FX002 and FX005 compare with, and the kind decides which records XS001 compares.
    Dates in the wrong order are a typo or a misread source, and either way the figure
    is checked against the wrong day.

Example:
    "claims/openai.yaml:30: projection for 2024-02, which had ended when the source
    was published (2024-07-30)"

Options:
    none.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from factcheck.checks._base import record_finding
from factcheck.checks._scopes import RecordsCheck
from factcheck.evidence import Evidence, optional
from factcheck.model import Finding, Severity
from factcheck.phrases import Day, Piece, said
from factcheck.readings import DateSpans, Row, Text
from factcheck.registry import register

if TYPE_CHECKING:
    import pandas as pd

    from factcheck.claims.table import ClaimsTable
    from factcheck.claims.validate import LoadedRecord

#: The rules, in the order a record's findings are given: the field at fault, the
#: severity, which records break it (over the claims frame, whose missing dates compare
#: false) and the message, filled in with the record's own fields.
RULES: tuple[tuple[str, Severity, Callable[[pd.DataFrame], Any], str], ...] = (
    ("fx_date", "error", lambda f: f["fx_date"] > f["published"],
     "fx_date {fx_date} is after the source was published ({published})"),
    ("valuation_date", "error",
     lambda f: (f["kind"] == "actual") & (f["valuation_date"] > f["published"]),
     "actual valued on {valuation_date}, after the source was published ({published})"),
    ("period", "error", lambda f: (f["kind"] == "actual") & (f["period_start"] > f["published"]),
     "actual for {period}, which had not started when the source was published ({published})"),
    ("period", "warning",
     lambda f: (f["kind"] == "projection") & (f["period_end"] < f["published"]),
     "projection for {period}, which had ended when the source was published ({published})"),
)


@dataclass(frozen=True)
class DatesOutOfOrder(Evidence):
    record: str
    field: str
    kind: str
    published: str
    period: tuple[str, str]
    fx_date: str | None = optional()
    valuation_date: str | None = optional()

    def rows(self) -> list[Row]:
        rows: list[Row] = [("Record", Text(f"{self.record}, field {self.field}")),
                           ("Kind", Text(self.kind)), ("Published", Text(self.published)),
                           ("Period", DateSpans((self.period,)))]
        if self.fx_date is not None:
            rows.append(("Conversion date", Text(self.fx_date)))
        if self.valuation_date is not None:
            rows.append(("Valuation date", Text(self.valuation_date)))
        return rows


@register
class ClaimDateOrder(RecordsCheck):
    code = "CL003"
    name = "claim-date-order"
    default_severity = "error"

    def run(self, table: ClaimsTable, options: object) -> Iterator[Finding]:
        import numpy as np  # deferred, like pandas: loaded only when claims are audited

        broken = [rule(table.frame).to_numpy(dtype=bool) for _, _, rule, _ in RULES]
        rows: list[int] = np.flatnonzero(np.logical_or.reduce(broken)).tolist()
        for row, loaded in zip(rows, table.records(rows), strict=True):
            yield from self._findings(loaded, [r for r, hit in zip(RULES, broken, strict=True)
                                               if hit[row]])

    @classmethod
    def findings(cls, records: Iterable[LoadedRecord]) -> list[Finding]:
        """The findings of ``records`` (as the table of those records gives them)."""
        from factcheck.claims.table import records_table  # the claims readers, on use

        return list(cls().run(records_table(list(records)), None))

    def _findings(self, loaded: LoadedRecord, broken: list[tuple[str, Severity, Any, str]]
                  ) -> Iterator[Finding]:
        r = loaded.record
        if self.code in r.ignore:
            return
        published = r.published.isoformat()
        start, end = r.span
        pieces: dict[str, Piece] = {  # a field a rule does not use may be missing
            "fx_date": Day(r.fx_date.isoformat()) if r.fx_date else str(r.fx_date),
            "valuation_date": (Day(r.valuation_date.isoformat()) if r.valuation_date
                               else str(r.valuation_date)),
            "period": str(r.period), "published": Day(published)}
        for field, severity, _, message in broken:
            yield record_finding(
                type(self), loaded.path, loaded.line_of(field), r.id, severity,
                said(message, **pieces), aspect=field, evidence=DatesOutOfOrder(
                    r.id, field, r.kind, published, (start.isoformat(), end.isoformat()),
                    r.fx_date.isoformat() if r.fx_date else None,
                    r.valuation_date.isoformat() if r.valuation_date else None))
