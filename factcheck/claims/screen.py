"""Which per-source documents of a claims table the document checks need to see.

The records of one source and publication date form one document (``engine.claims``).
The document checks (FX, UN, AR, DT) find nothing in a document none of whose records
has an equivalent: a record's lone figure is in a sentence of its own, with no words
around it, no conversion, no stated rate, no restatement, no ratio and no tense. Of the
documents with conversions, those are left out where, vectorised over the table:

- every record with an equivalent is a money conversion (no range, no time denominator)
  whose implied rate interval is within ``tolerance`` (the least of FX002's, FX005's and
  the dating tolerance) of the reference rate of its valuation date, so that FX002 and
  FX005 have nothing to say and the conversion stays in its valuation date's group;
- the conversions of one pair and valuation date share a rate (FX001 finds no odd one);
- every stated rate of a pair agrees with every conversion of that pair (FX004), which
  with the above keeps every conversion within a factor of 16 of its scale references
  (FX003 needs a factor of about 1000).

Intervals are narrowed by 1e-9 first, so that rounding can only send a document to the
checks, never keep one from them. The other documents are checked as they always were.
"""

from __future__ import annotations

import math
from datetime import date
from itertools import pairwise
from typing import TYPE_CHECKING, Any

from factcheck.claims.amounts import printed_step

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt
    import pandas as pd

    from factcheck.claims.table import ClaimsTable
    from factcheck.normalise.fx import RateProvider

    Mask = npt.NDArray[np.bool_]

SLACK = 1e-9
EPOCH = date(1970, 1, 1).toordinal()  # day 0 of numpy's datetime64[D]


def documents(frame: pd.DataFrame) -> tuple[Any, Any]:
    """(rows in document order: by source name and publication date, each document's in
    load order; the document of each of those rows, 0, 1, ...)."""
    import numpy as np

    order = frame.sort_values(["source", "published"], kind="stable").index.to_numpy()
    keys = frame[["source", "published"]].iloc[order]
    new = np.ones(len(order), dtype=bool)
    new[1:] = ((keys["source"].to_numpy()[1:] != keys["source"].to_numpy()[:-1])
               | (keys["published"].to_numpy()[1:] != keys["published"].to_numpy()[:-1]))
    return order, np.cumsum(new) - 1


def _references(frame: pd.DataFrame, on: pd.Series, rows: Mask, rates: RateProvider
                ) -> Any:
    """The reference rate (equivalent's currency per value's) on each row's date, NaN
    when unavailable: one look-up per distinct (pair, date)."""
    import numpy as np
    import pandas as pd

    from factcheck.claims.fastcheck import combine
    from factcheck.normalise.fx import RateUnavailable

    out = np.full(len(frame), np.nan)
    where = np.flatnonzero(rows)
    if not len(where):
        return out
    base, bases = pd.factorize(frame["currency"].to_numpy()[where])
    quote, quotes = pd.factorize(frame["equivalent_currency"].to_numpy()[where])
    days = on.to_numpy()[where].astype("datetime64[D]")
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


def _stated(frame: pd.DataFrame) -> tuple[Any, Any]:
    """The interval of each stated rate (equivalent's currency per value's), as FX004
    reads it: its last printed digit, trailing zeros significant."""
    import numpy as np

    rate = frame["fx_rate"].to_numpy()
    half = np.full(len(rate), np.nan)
    for i in np.flatnonzero(~np.isnan(rate)).tolist():
        step = min(1.0, printed_step(rate[i]))
        decimals = max(0, -math.floor(math.log10(step))) if step < 1 else 0
        half[i] = 0.5 * 10.0**-decimals
    return rate - half, rate + half


def documents_to_check(table: ClaimsTable, rates: RateProvider | None, tolerance: float,
                       screen: bool = True) -> list[Any]:
    """The rows of each document the document checks must see, in document order."""
    import numpy as np

    frame, facts = table.frame, table.facts
    order, doc = documents(frame)
    has_equivalent = frame["equivalent_written"].notna().to_numpy()
    busy = has_equivalent
    if screen and rates is not None:
        busy = has_equivalent & ~_quiet(frame, facts, has_equivalent, rates, tolerance, doc,
                                        order)
    needed = np.zeros(int(doc[-1]) + 1 if len(doc) else 0, dtype=bool)
    needed[doc[busy[order]]] = True
    keep = needed[doc]
    bounds = np.flatnonzero(np.diff(doc[keep], prepend=-1, append=len(needed) + 1))
    rows = order[keep]
    return [rows[a:b] for a, b in pairwise(bounds.tolist())] if len(rows) else []


def _quiet(frame: pd.DataFrame, facts: pd.DataFrame, has_equivalent: Mask,
           rates: RateProvider, tolerance: float, doc: Any, order: Any) -> Mask:
    """Records whose conversion, and whose document's other conversions and stated
    rates, give the document checks nothing to say (see the module's docstring)."""
    import numpy as np
    import pandas as pd

    value, equivalent = facts["value_amount"], facts["equivalent_amount"]
    plain = np.array([e is not None and e.per is None and v.per is None
                      and "range" not in (v.qualifier, e.qualifier)
                      for v, e in zip(value, equivalent, strict=True)], dtype=bool)
    x, y = frame["value"].to_numpy(), frame["equivalent_value"].to_numpy()
    u = frame["equivalent_step"].to_numpy()
    money = (frame["currency"].notna() & frame["equivalent_currency"].notna()).to_numpy()
    with np.errstate(divide="ignore", invalid="ignore"):
        low = (y - u / 2) / x * (1 + SLACK)
        high = (y + u) / x * (1 - SLACK)
        rows = has_equivalent & plain & money & (x > 0) & (y - u / 2 > 0)
        end = frame["fx_date"].fillna(frame["valuation_date"]).fillna(frame["period_end"])
        on = end.where(end < frame["published"], frame["published"])
        reference = _references(frame, on, rows, rates)
        distance = np.where(reference < low, np.log(low / reference),
                            np.where(reference > high, np.log(reference / high), 0.0))
        quiet = rows & ~np.isnan(reference) & (distance <= tolerance)
        stated_low, stated_high = _stated(frame)
        stated_low, stated_high = stated_low * (1 + SLACK), stated_high * (1 - SLACK)
        currency = frame["currency"].fillna("").astype(object)
        other = frame["equivalent_currency"].fillna("").astype(object)
        flip = (currency > other).to_numpy(dtype=bool)
        low, high = np.where(flip, 1 / high, low), np.where(flip, 1 / low, high)
        stated_low, stated_high = (np.where(flip, 1 / stated_high, stated_low),
                                   np.where(flip, 1 / stated_low, stated_high))
    pair = np.where(flip, other + "/" + currency, currency + "/" + other)
    docs = np.empty(len(frame), dtype=np.int64)
    docs[order] = doc
    table = pd.DataFrame({"doc": docs, "pair": pair, "on": on, "low": low, "high": high,
                          "s_low": stated_low, "s_high": stated_high})[has_equivalent & money]
    by_group = table.groupby(["doc", "pair", "on"])
    agree = by_group["low"].transform("max") <= by_group["high"].transform("min")
    by_pair = table.groupby(["doc", "pair"])
    stated = (by_pair["s_low"].transform("max") <= by_pair["high"].transform("min")) & (
        by_pair["low"].transform("max") <= by_pair["s_high"].transform("min"))
    stated |= by_pair["s_low"].transform("count") == 0
    fine = np.ones(len(frame), dtype=bool)
    fine[np.flatnonzero(has_equivalent & money)] = (agree & stated).to_numpy()
    return np.asarray(quiet & fine, dtype=bool)
