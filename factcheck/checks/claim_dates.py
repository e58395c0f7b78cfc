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

from collections.abc import Iterable

from factcheck.checks._base import InputCheck, register
from factcheck.claims.validate import LoadedRecord
from factcheck.model import Finding, Severity


@register
class ClaimDateOrder(InputCheck):
    code = "CL003"
    name = "claim-date-order"
    default_severity = "error"


    @classmethod
    def findings(cls, records: Iterable[LoadedRecord]) -> list[Finding]:
        out = []
        for loaded in records:
            r = loaded.record
            if cls.code in r.ignore:
                continue
            published = r.published.isoformat()
            problems: list[tuple[str, Severity, str]] = []
            if r.fx_date is not None and r.fx_date > r.published:
                problems.append(("fx_date", "error", f"fx_date {r.fx_date} is after the "
                                 f"source was published ({published})"))
            start, end = r.span
            if r.kind == "actual":
                if r.valuation_date is not None and r.valuation_date > r.published:
                    problems.append(("valuation_date", "error", f"actual valued on "
                                     f"{r.valuation_date}, after the source was published "
                                     f"({published})"))
                if start > r.published:
                    problems.append(("period", "error", f"actual for {r.period}, which had "
                                     f"not started when the source was published "
                                     f"({published})"))
            elif r.kind == "projection" and end < r.published:
                problems.append(("period", "warning", f"projection for {r.period}, which had "
                                 f"ended when the source was published ({published})"))
            for field, severity, message in problems:
                out.append(cls.record_finding(
                    loaded.path, loaded.line_of(field), r.id, severity, message,
                    aspect=field, evidence={
                        "record": r.id, "field": field, "kind": r.kind, "published": published,
                        "period": [start.isoformat(), end.isoformat()],
                        **({"fx_date": r.fx_date.isoformat()} if r.fx_date else {}),
                        **({"valuation_date": r.valuation_date.isoformat()}
                           if r.valuation_date else {})}))
        return out
