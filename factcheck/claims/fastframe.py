"""``record_frame``'s columns for the valid rows of a CSV file, built from the distinct
cells: every attribute of a distinct value, equivalent, date or period is computed once
and spread over the rows with numpy, so that the frame is the one ``record_frame`` gives
of the same records, without a record object per row."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from factcheck.claims.amounts import Amount, printed_step, widened
from factcheck.claims.periods import resolve
from factcheck.claims.records import _NO_EQUIVALENT
from factcheck.documents.fields import parse_date

if TYPE_CHECKING:

    from factcheck.claims.csvcolumns import Codes, Column, CsvColumns
    from factcheck.claims.fastcheck import Checked

_INF = float("inf")


def _dates(col: Column | None, rows: Codes, parse: Any = parse_date) -> Any:
    """``datetime64`` of a column of dates (NaT when empty), converted once per distinct
    cell the rows use, as ``pd.to_datetime`` converts the dates of ``record_frame``."""
    import numpy as np
    import pandas as pd

    if col is None:
        return pd.to_datetime(pd.Series([None] * len(rows), dtype=object)).to_numpy()
    used, codes = np.unique(col.codes[rows], return_inverse=True)
    days = pd.Series([parse(col.uniques[u]) if col.uniques[u] else None for u in used.tolist()],
                     dtype=object)
    return pd.to_datetime(days).to_numpy()[codes.reshape(-1)]


def _array(values: list[Any], keys: Codes, dtype: Any = object) -> Any:
    """``values[key]`` per row (-1: the last value)."""
    import numpy as np

    if dtype is not object:
        return np.array(values, dtype=dtype)[keys]
    out = np.empty(len(values), dtype=object)
    for i, value in enumerate(values):  # element by element: an Amount is a tuple
        out[i] = value
    return out[keys]


def _attributes(amounts: list[Amount], keys: Codes) -> dict[str, Any]:
    """Each field of the ``Amount`` of every row (``keys`` into ``amounts``)."""
    return {
        "text": _array([a.text or None for a in amounts], keys),
        "kind": _array([a.kind for a in amounts], keys),
        "value": _array([a.value for a in amounts], keys, float),
        "low": _array([-_INF if a.low is None else a.low for a in amounts], keys, float),
        "high": _array([_INF if a.high is None else a.high for a in amounts], keys, float),
        "step": _array([a.step for a in amounts], keys, float),
        **{name: _array([getattr(a, name) for a in amounts], keys)
           for name in ("qualifier", "currency", "unit", "per")},
    }


def _rates(cols: CsvColumns, rows: Codes, value: dict[str, Any], equivalent: dict[str, Any]
           ) -> tuple[Any, Any]:
    """``rate_interval`` of every row, with numpy: the rate a conversion implies, else the
    stated rate at its printed precision, else NaN."""
    import numpy as np

    x, y, u = value["value"], equivalent["value"], equivalent["step"]
    with np.errstate(divide="ignore", invalid="ignore"):
        implied = ((equivalent["kind"] == "money") & _given(value["currency"])
                   & _given(equivalent["currency"]) & (x > 0) & (y > 0)
                   & (value["per"] == equivalent["per"]) & (value["qualifier"] != "range")
                   & (equivalent["qualifier"] != "range"))
        low = np.where(implied, (y - u / 2) / x, np.nan)
        high = np.where(implied, (y + u) / x, np.nan)
    fx = cols.columns.get("fx_rate")
    if fx is not None:
        rate = np.array([_stated(cell) for cell in fx.uniques])  # NaN: none, or not valid
        half = np.array([min(1.0, printed_step(r)) / 2 if r == r else np.nan
                         for r in rate.tolist()])
        stated = ~implied & ~np.isnan(rate[fx.codes[rows]])
        low = np.where(stated, (rate - half)[fx.codes[rows]], low)
        high = np.where(stated, (rate + half)[fx.codes[rows]], high)
    return low, high


def _stated(cell: str) -> float:
    from factcheck.claims.fastcheck import _number

    try:
        return _number(cell, positive=True)
    except ValueError:
        return float("nan")


def _given(values: Any) -> Any:
    """Per row: a non-empty string (a currency code)."""
    import numpy as np

    return np.array([bool(v) for v in values.tolist()], dtype=bool)


def frame_columns(cols: CsvColumns, checked: Checked, rows: Codes, path: str
                  ) -> tuple[dict[str, Any], dict[str, Any]]:
    """(``record_frame``'s columns, the ``FACTS`` columns) of the rows that passed."""
    import numpy as np

    def take(name: str) -> Any:
        return checked.values[name][rows]

    amounts = checked.amounts
    equivalents = [widened(a, 0.0) for a in amounts] + [_NO_EQUIVALENT]  # -1: none
    value_keys, keys = checked.value[rows], checked.equivalent[rows]
    period = cols.columns["period"]
    starts = _dates(period, rows, lambda label: resolve(label)[0])
    ends = _dates(period, rows, lambda label: resolve(label)[1])
    value = _attributes(amounts, value_keys)
    equivalent = _attributes(equivalents, keys)
    rate_low, rate_high = _rates(cols, rows, value, equivalent)
    columns = {
        "id": take("id"), "path": np.full(len(rows), path, dtype=object),
        "line": cols.lines[rows].astype(np.int64), "source": take("source"),
        "source_url": take("source_url"), "published": _dates(cols.columns.get("published"),
                                                              rows),
        "lang": take("lang"), "subject": take("subject"), "metric": take("metric"),
        "period": np.array(period.uniques, dtype=object)[period.codes[rows]],
        "period_start": starts, "period_end": ends, "kind": take("kind"),
        "written": value["text"],
        **{name: value[name] for name in ("value", "low", "high", "step", "qualifier",
                                          "currency", "unit", "per")},
        "equivalent_written": equivalent["text"],
        **{f"equivalent_{name}": equivalent[name] for name in (
            "value", "low", "high", "step", "currency", "unit")},
        "fx_rate": np.array([np.nan if r is None else r for r in take("fx_rate").tolist()],
                            dtype=float),
        "rate_low": rate_low, "rate_high": rate_high,
        "fx_date": _dates(cols.columns.get("fx_date"), rows),
        "valuation_date": _dates(cols.columns.get("valuation_date"), rows),
        "ignore": take("ignore"),
    }
    facts = {
        "value_amount": _array([*amounts, None], value_keys),
        "equivalent_amount": _array([*amounts, None], keys),
        "value_is_text": take("value_is_text").astype(bool),
        "equivalent_is_text": take("equivalent_is_text").astype(bool),
    }
    return columns, facts
