"""The claims records as the document checks would read them, vectorised over the table.

The records of one source and publication date form one document (``engine.claims``).
Building those documents is most of a large claims audit, and most of them give the
document checks nothing to say; each document check says on which records it surely
finds nothing (``DocumentCheck.quiet_records``), from the columns computed here once:

- ``lone``: a record without an equivalent, whose one figure sits in a sentence of its
  own with no words around it;
- ``plain_money``: a record whose equivalent is a money conversion (no range, no time
  denominator, positive amounts) read as the table reads it;
- ``near_reference(tolerance)``: a plain money conversion whose implied rate interval is
  within ``tolerance`` of the reference rate of its valuation date;
- ``group_agrees``: the conversions of its document, pair and valuation date share a rate;
- ``stated_agree``: every stated rate of its document and pair agrees with every
  conversion of that pair.

Intervals are narrowed by 1e-9 first, so that rounding can only send a document to the
checks, never keep one from them. When the pack reads figures otherwise than the table
does (``same_reading`` False), or there are no reference rates, nothing is certified but
``lone``.
"""

from __future__ import annotations

import math
from datetime import date
from functools import cached_property
from itertools import pairwise
from typing import Any

import numpy as np
import numpy.typing as npt
import pandas as pd

from factcheck.claims.amounts import printed_step
from factcheck.claims.fastcheck import combine
from factcheck.claims.table import ClaimsTable
from factcheck.extract.precision import DEFAULT_ZEROS, read_step
from factcheck.normalise.fx import RateProvider, RateUnavailable

Mask = npt.NDArray[np.bool_]

SLACK = 1e-9
EPOCH = date(1970, 1, 1).toordinal()  # day 0 of numpy's datetime64[D]


class RecordConversions:
    """The columns of the module's docstring for one claims table, each computed once."""

    def __init__(self, table: ClaimsTable, rates: RateProvider | None,
                 same_reading: bool = True) -> None:
        self.frame, self.facts, self.rates = table.frame, table.facts, rates
        self.same_reading = same_reading

    @cached_property
    def layout(self) -> tuple[Any, Any]:
        """(rows in document order: by source name and publication date, each document's
        in load order; the document of each of those rows, 0, 1, ...)."""

        frame = self.frame
        order = frame.sort_values(["source", "published"], kind="stable").index.to_numpy()
        keys = frame[["source", "published"]].iloc[order]
        new = np.ones(len(order), dtype=bool)
        new[1:] = ((keys["source"].to_numpy()[1:] != keys["source"].to_numpy()[:-1])
                   | (keys["published"].to_numpy()[1:] != keys["published"].to_numpy()[:-1]))
        return order, np.cumsum(new) - 1

    @cached_property
    def has_equivalent(self) -> Mask:
        return self.frame["equivalent_written"].notna().to_numpy()

    @cached_property
    def lone(self) -> Mask:
        return ~self.has_equivalent

    @cached_property
    def money(self) -> Mask:
        frame = self.frame
        return (frame["currency"].notna() & frame["equivalent_currency"].notna()).to_numpy()

    @cached_property
    def on(self) -> pd.Series:
        """Each record's valuation date: its fx_date, valuation date or period end when
        before publication, else the publication date."""
        frame = self.frame
        end = frame["fx_date"].fillna(frame["valuation_date"]).fillna(frame["period_end"])
        return end.where(end < frame["published"], frame["published"])

    @cached_property
    def intervals(self) -> tuple[Any, Any]:
        """The implied rate interval of each record (equivalent's currency per value's),
        narrowed by ``SLACK``."""

        frame = self.frame
        x, y = frame["value"].to_numpy(), frame["equivalent_value"].to_numpy()
        u = self.equivalent_unit
        with np.errstate(divide="ignore", invalid="ignore"):
            return (y - u / 2) / x * (1 + SLACK), (y + u) / x * (1 - SLACK)

    @cached_property
    def equivalent_unit(self) -> Any:
        """The last digit each equivalent is read to as a converted figure, its trailing
        zeros read the default way (``extract.precision``: the pack's, when it reads
        figures as the table does)."""
        u = self.frame["equivalent_step"].to_numpy().copy()
        langs = self.frame["lang"].to_numpy()
        for i, e in enumerate(self.facts["equivalent_amount"]):
            if e is not None and e.value > 0:
                u[i] = read_step(e.text, e.value, u[i], e.qualifier, langs[i], DEFAULT_ZEROS)
        return u

    @cached_property
    def plain_money(self) -> Mask:

        if not self.same_reading:
            return np.zeros(len(self.frame), dtype=bool)
        value, equivalent = self.facts["value_amount"], self.facts["equivalent_amount"]
        plain = np.array([e is not None and e.per is None and v.per is None
                          and "range" not in (v.qualifier, e.qualifier)
                          for v, e in zip(value, equivalent, strict=True)], dtype=bool)
        x, y = self.frame["value"].to_numpy(), self.frame["equivalent_value"].to_numpy()
        u = self.equivalent_unit
        with np.errstate(invalid="ignore"):
            found: Mask = self.has_equivalent & plain & self.money & (x > 0) & (y - u / 2 > 0)
        return found

    @cached_property
    def reference(self) -> Any:
        """The reference rate of each plain money conversion on its valuation date (NaN
        where there is none)."""
        return self._references(self.plain_money)

    @cached_property
    def distance(self) -> Any:
        """Log distance of each record's implied rate interval from its reference rate."""

        low, high = self.intervals
        reference = self.reference
        with np.errstate(divide="ignore", invalid="ignore"):
            return np.where(reference < low, np.log(low / reference),
                            np.where(reference > high, np.log(reference / high), 0.0))

    def near_reference(self, tolerance: float) -> Mask:

        near: Mask = self.plain_money & ~np.isnan(self.reference) & (self.distance <= tolerance)
        return near

    def _references(self, rows: Mask) -> Any:
        """The reference rate (equivalent's currency per value's) on each row's date, NaN
        when unavailable: one look-up per distinct (pair, date)."""

        frame, rates = self.frame, self.rates
        out = np.full(len(frame), np.nan)
        where = np.flatnonzero(rows)
        if not len(where) or rates is None:
            return out
        base, bases = pd.factorize(frame["currency"].to_numpy()[where])
        quote, quotes = pd.factorize(frame["equivalent_currency"].to_numpy()[where])
        days = self.on.to_numpy()[where].astype("datetime64[D]")
        day, _ = pd.factorize(days)
        groups, first = combine(base, quote, day)
        found = np.full(len(first), np.nan)
        for g, row in enumerate(first.tolist()):
            when = date.fromordinal(EPOCH + int(days[row].astype(np.int64)))
            try:
                found[g] = rates.rate(bases[base[row]], quotes[quote[row]], when).rate
            except RateUnavailable:
                continue
        out[where] = found[groups]
        return out

    @cached_property
    def agreement(self) -> tuple[Mask, Mask]:
        """(group_agrees, stated_agree) of every record; True where a record has no money
        equivalent."""

        frame = self.frame
        low, high = self.intervals
        stated_low, stated_high = _stated(frame)
        with np.errstate(divide="ignore", invalid="ignore"):
            stated_low, stated_high = stated_low * (1 + SLACK), stated_high * (1 - SLACK)
            currency = frame["currency"].fillna("").astype(object)
            other = frame["equivalent_currency"].fillna("").astype(object)
            flip = (currency > other).to_numpy(dtype=bool)
            low, high = np.where(flip, 1 / high, low), np.where(flip, 1 / low, high)
            stated_low, stated_high = (np.where(flip, 1 / stated_high, stated_low),
                                       np.where(flip, 1 / stated_low, stated_high))
        pair = np.where(flip, other + "/" + currency, currency + "/" + other)
        order, doc = self.layout
        docs = np.empty(len(frame), dtype=np.int64)
        docs[order] = doc
        rows = self.has_equivalent & self.money
        table = pd.DataFrame({"doc": docs, "pair": pair, "on": self.on, "low": low,
                              "high": high, "s_low": stated_low, "s_high": stated_high})[rows]
        by_group = table.groupby(["doc", "pair", "on"])
        agree = by_group["low"].transform("max") <= by_group["high"].transform("min")
        by_pair = table.groupby(["doc", "pair"])
        stated = (by_pair["s_low"].transform("max") <= by_pair["high"].transform("min")) & (
            by_pair["low"].transform("max") <= by_pair["s_high"].transform("min"))
        stated |= by_pair["s_low"].transform("count") == 0
        group_agrees = np.ones(len(frame), dtype=bool)
        stated_agree = np.ones(len(frame), dtype=bool)
        group_agrees[np.flatnonzero(rows)] = agree.to_numpy()
        stated_agree[np.flatnonzero(rows)] = stated.to_numpy()
        return group_agrees, stated_agree

    @property
    def group_agrees(self) -> Mask:
        return self.agreement[0]

    @property
    def stated_agree(self) -> Mask:
        return self.agreement[1]

    def documents_with(self, busy: Mask) -> list[Any]:
        """The rows of each document that holds a ``busy`` record, in document order."""

        order, doc = self.layout
        needed = np.zeros(int(doc[-1]) + 1 if len(doc) else 0, dtype=bool)
        needed[doc[busy[order]]] = True
        keep = needed[doc]
        bounds = np.flatnonzero(np.diff(doc[keep], prepend=-1, append=len(needed) + 1))
        rows = order[keep]
        return [rows[a:b] for a, b in pairwise(bounds.tolist())] if len(rows) else []


def _stated(frame: pd.DataFrame) -> tuple[Any, Any]:
    """The interval of each stated rate (equivalent's currency per value's), as FX004
    reads it: its last printed digit, trailing zeros significant."""

    rate = frame["fx_rate"].to_numpy()
    half = np.full(len(rate), np.nan)
    for i in np.flatnonzero(~np.isnan(rate)).tolist():
        step = min(1.0, printed_step(rate[i]))
        decimals = max(0, -math.floor(math.log10(step))) if step < 1 else 0
        half[i] = 0.5 * 10.0**-decimals
    return rate - half, rate + half
