"""The claims table as the cross-source checks read it: one row per record, money in one
currency at each record's valuation date, intervals as columns.

Grouping and interval overlap are vectorised with pandas; Python only walks the groups
that turn out inconsistent, which are few.
"""

from __future__ import annotations

from collections import namedtuple
from collections.abc import Iterator
from datetime import date
from functools import cached_property
from typing import TYPE_CHECKING, Any

from factcheck.normalise.fx import RateProvider, RateUnavailable

if TYPE_CHECKING:
    import pandas as pd

COMMON = "USD"
EPOCH = date(1970, 1, 1).toordinal()  # day 0 of numpy's datetime64[D]


class ClaimsFrame:
    """The claims table as the cross-source checks read it: the frame, the rate provider,
    and the frame in one currency (``common``), made once for every check that asks."""

    def __init__(self, frame: pd.DataFrame, rates: RateProvider | None) -> None:
        self.frame, self.rates = frame, rates

    @cached_property
    def common(self) -> pd.DataFrame:
        return in_common_currency(self.frame, self.rates)


def valuation_dates(frame: pd.DataFrame) -> pd.Series:
    """Each record's valuation date (``datetime64``): its own, else the end of a period
    that ended before publication, else the publication date."""
    import pandas as pd  # deferred: pandas loads only when a table is audited

    published = pd.to_datetime(frame["published"])
    own = pd.to_datetime(frame["valuation_date"])
    period_end = pd.to_datetime(frame["period_end"]) if "period_end" in frame else own
    earlier = period_end.where(period_end < published)
    return own.fillna(earlier).fillna(published)


def in_common_currency(frame: pd.DataFrame, rates: RateProvider | None) -> pd.DataFrame:
    """``frame`` with ``common_low``/``common_high``: money in USD at the valuation date
    (one rate look-up per distinct currency and date), other quantities as they are."""
    import numpy as np  # deferred: numpy and pandas load only when a table is audited
    import pandas as pd

    out = frame.copy(deep=False)
    out["valuation"] = valuation_dates(frame)
    currency = out["currency"]
    factor = np.where(currency.isna() | (currency == COMMON), 1.0, np.nan)
    money = (currency.notna() & (currency != COMMON)).to_numpy()
    if rates is not None and money.any():
        codes, currencies = pd.factorize(currency[money])
        days = out["valuation"][money].to_numpy().astype("datetime64[D]").astype(np.int64)
        first = int(days.min())
        pairs, keys = pd.factorize(codes.astype(np.int64) * (int(days.max()) - first + 1)
                                   + (days - first))
        found = np.full(len(keys), np.nan)
        for i, key in enumerate(keys.tolist()):
            code, day = divmod(key, int(days.max()) - first + 1)
            on = date.fromordinal(EPOCH + first + day)
            try:
                found[i] = rates.rate(currencies[code], COMMON, on).rate
            except RateUnavailable:
                continue
        factor[money] = found[pairs]
    out["common_low"] = out["low"] * factor
    out["common_high"] = out["high"] * factor
    out["common_unit"] = currency.where(currency.isna(), COMMON).fillna(out["unit"])
    return out


def inconsistent(frame: pd.DataFrame, keys: list[str], low: str, high: str,
                 columns: list[str]) -> Iterator[tuple[Any, list[Any]]]:
    """The groups (by ``keys``, in key order) whose intervals do not all intersect: the
    key, and the group's rows in frame order as named tuples of ``columns``. The groups
    are found with one ``groupby``; the rows of the inconsistent ones are read at once."""
    import numpy as np  # deferred: numpy loads only when a table is audited

    table = frame.dropna(subset=keys)
    grouped = table.groupby(keys, sort=True, dropna=True)
    spans = grouped.agg(top=(low, "max"), bottom=(high, "min"), n=(low, "size"))
    bad = ((spans["n"] > 1) & (spans["top"] > spans["bottom"])).to_numpy()
    if not bad.any():
        return
    group = grouped.ngroup().to_numpy()
    picked = np.flatnonzero(bad[group])
    picked = picked[np.argsort(group[picked], kind="stable")]
    rows = named_rows(table.iloc[picked], columns)
    starts = np.flatnonzero(np.diff(group[picked], prepend=-1))
    ends = [*starts[1:].tolist(), len(rows)]
    for key, start, end in zip(spans.index[bad], starts.tolist(), ends, strict=True):
        yield key, rows[start:end]


def named_rows(frame: pd.DataFrame, columns: list[str]) -> list[Any]:
    """The rows of ``frame`` as named tuples of ``columns`` (Python values, as
    ``itertuples`` gives them), read column by column."""
    row = namedtuple("Row", columns)  # type: ignore[misc]
    return list(map(row._make, zip(*(frame[c].tolist() for c in columns), strict=True)))


def largest_agreeing(
    lows: list[float], highs: list[float], prefer: float | None = None
) -> set[int]:
    """Indices of the largest set of intervals that share a point (a sweep over the ends).
    Ties go to the set whose shared interval holds, or is nearest, ``prefer``; else to the
    set found first (the lowest values)."""
    events = sorted([(v, 0, i) for i, v in enumerate(lows)] + [(v, 1, i) for i, v in
                                                              enumerate(highs)])
    active: set[int] = set()
    best: list[set[int]] = [set()]
    for _, kind, i in events:
        if kind == 0:
            active.add(i)
            if len(active) > len(best[0]):
                best = [set(active)]
            elif len(active) == len(best[0]):
                best.append(set(active))
        else:
            active.discard(i)
    if prefer is None or len(best) == 1:
        return best[0]

    def distance(members: set[int]) -> float:
        low, high = max(lows[i] for i in members), min(highs[i] for i in members)
        return 0.0 if low <= prefer <= high else min(abs(prefer - low), abs(prefer - high))

    return min(best, key=distance)
