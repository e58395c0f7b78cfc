"""XS002 cross-source-rate-mismatch: sources of the same date converting at incompatible rates.

What it flags:
    Claims records from different sources that give a converted equivalent (or a stated
    fx_rate) for the same pair of currencies on the same date (their fx_date, else their
    publication date) whose implied rates, read at printed precision, admit no common rate.
    The records outside the largest agreeing set are named, with the rate the others agree
    on; a tie goes to the set holding the reference rate. A record that is also off the
    reference rate is FX002's to report, so this check speaks where the market cannot:
    currencies or dates outside the rate table. Records of one source are held
    together like one article's conversions (FX001), and a rate off by a power of ten is
    FX003's to report.

Why it matters:
    On one day there is one market rate; two sources converting the same day at rates that
    cannot both be right mean at least one conversion is wrong.

Example:
    Two records dated 2024-07-15: "US$ 2 miliar" = "Rp 32,4 triliun" (16,175-16,250
    IDR/USD) and "US$ 3 miliar" = "Rp 45 triliun" (14,833-15,333): no common rate.

Options:
    none.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from factcheck.analyse.frame import ClaimsFrame, inconsistent, largest_agreeing
from factcheck.analyse.fx_groups import scale_power
from factcheck.checks._scopes import TableCheck
from factcheck.evidence import Evidence
from factcheck.model import Finding
from factcheck.normalise.fx import RateProvider, RateUnavailable
from factcheck.phrases import Day, Num, Said, said
from factcheck.readings import Names, Row, Span, Text
from factcheck.registry import register

if TYPE_CHECKING:
    from datetime import date

    import pandas as pd


@dataclass(frozen=True)
class RateDisagreement(Evidence):
    record: str
    rate: tuple[float, float]
    agreed: tuple[float, float]
    pair: str
    date: str
    agreeing_records: tuple[str, ...]

    def rows(self) -> list[Row]:
        return [("Record", Text(self.record)), ("Rate", Span(*self.rate, self.pair)),
                ("Value the other sources agree on", Span(*self.agreed)),
                ("Date", Text(self.date)), ("Records that agree", Names(self.agreeing_records))]


OFF_MARKET = 0.03  # FX002's default tolerance
ROW = ["path", "line", "id", "source", "currency", "equivalent_currency", "rate_low",
       "rate_high", "ignore"]


@register
class CrossSourceRateMismatch(TableCheck):
    code = "XS002"
    name = "cross-source-rate-mismatch"
    default_severity = "warning"


    group_columns = ("currency", "equivalent_currency", "fx_date", "published")

    @classmethod
    def partition_keys(cls, frame: pd.DataFrame) -> pd.DataFrame:
        """The pair and the day of the conversion (its fx_date, else publication)."""
        return frame[["currency", "equivalent_currency"]].assign(
            day=frame["fx_date"].fillna(frame["published"]).astype(str))

    def run(self, claims: ClaimsFrame, options: object) -> list[Finding]:
        import pandas as pd  # deferred: pandas loads only when a table is audited

        cls, frame, rates = type(self), claims.frame, claims.rates
        rated = frame[frame["rate_low"].notna() & frame["rate_high"].notna()].copy()
        if rated.empty:
            return []
        rated["pair"] = rated["equivalent_currency"] + "/" + rated["currency"]
        rated["on"] = pd.to_datetime(rated["fx_date"]).fillna(pd.to_datetime(rated["published"]))
        out = []
        for (pair, day), rows in inconsistent(rated, ["pair", "on"], "rate_low", "rate_high",
                                              ROW):
            if len({r.source for r in rows}) < 2:
                continue  # one source's conversions: FX001 holds them to one rate
            on = day.date()
            reference = _reference(rates, rows[0], on)
            if reference is not None:  # a slip of a power of ten is FX003's
                rows = [r for r in rows if scale_power((r.rate_low + r.rate_high) / 2,
                                                       reference) == 0]
            if len({r.source for r in rows}) < 2:
                continue
            agreeing = largest_agreeing([r.rate_low for r in rows], [r.rate_high for r in rows],
                                        prefer=reference)
            if len(agreeing) == 1 and reference is None:
                agreeing = {0}
            low = max(rows[i].rate_low for i in agreeing)
            high = min(rows[i].rate_high for i in agreeing)
            for i, row in enumerate(rows):
                if i in agreeing or cls.ignored(row):
                    continue
                if reference is not None and not (
                        row.rate_low * (1 - OFF_MARKET) <= reference
                        <= row.rate_high * (1 + OFF_MARKET)):
                    continue  # off the market too: FX002 reports it, once
                gap = max(low / row.rate_high, row.rate_low / high) - 1
                message = said("{source} converts at {rate} on {day}, but other sources of "
                               "that date agree on {agreed}", source=row.source,
                               rate=_span(row.rate_low, row.rate_high, pair),
                               day=Day(on.isoformat()), agreed=_span(low, high, pair))
                out.append(cls.row_finding(
                    row, "warning" if gap <= 0.02 else "error", message, RateDisagreement(
                        row.id, (row.rate_low, row.rate_high), (low, high), pair, str(on),
                        tuple(rows[j].id for j in sorted(agreeing)))))
        return out


def _reference(rates: RateProvider | None, row: Any, on: date) -> float | None:
    """The reference rate of the row's pair (equivalent currency per value currency)."""
    if rates is None:
        return None
    try:
        return rates.rate(row.currency, row.equivalent_currency, on).rate
    except RateUnavailable:
        return None


def _span(low: float, high: float, pair: str) -> Said:
    """"16,200–16,300 IDR/USD", its numbers as the locale writes them."""
    return said("{low}–{high} {pair}", low=Num(low, f"{low:,.6g}"), high=Num(high, f"{high:,.6g}"),
                pair=pair)
