"""The schema of a claims record checked column by column, once per distinct cell.

``check_columns`` runs the checks of ``ClaimRecord`` over the columns of a CSV file: each
distinct date, period, slug, code list and (value, language) pair is validated once, by
the same functions the schema calls (``parse_date``, ``resolve``, ``read_text``,
``from_mapping``, ...), and the results are spread over the rows with numpy. A row that
passes every check is valid; the others are validated row by row by pydantic, which
names every problem with its field, as for any other file. The checks here are never
looser than the schema's: a cell they do not know for sure is left to pydantic.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, get_args

from factcheck.claims.amounts import Amount, check_currency, check_unit, from_mapping, read_text
from factcheck.claims.csvcolumns import Column, CsvColumns
from factcheck.claims.periods import resolve
from factcheck.claims.schema import CODE, SLUG, Kind
from factcheck.documents.fields import parse_date
from factcheck.model import Lang

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt

    Codes = npt.NDArray[np.intp]
    Mask = npt.NDArray[np.bool_]
Objects = Any  # an object array: numpy's stubs type little of what it holds

#: A float as the schema's JSON Schema writes it (pydantic reads more; those go to it).
FLOAT = re.compile(r"[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?")
LANGS: frozenset[str] = frozenset(get_args(Lang))
KINDS: frozenset[str] = frozenset(get_args(Kind))


@dataclass
class Checked:
    """Per row: whether the checks passed, and the parsed fields (junk where they did not).
    Amounts are keys into ``amounts`` (-1: none)."""

    ok: Mask
    values: dict[str, Objects]
    value: Codes
    equivalent: Codes
    amounts: list[Amount]


def _absent(n: int) -> Column:
    import numpy as np

    return Column(np.zeros(n, dtype=np.intp), [""])


def _spread(col: Column, parse: Callable[[str], Any]) -> tuple[Mask, Objects]:
    """``parse`` of each distinct cell (ValueError: not valid) spread over the rows."""
    import numpy as np

    good = np.ones(len(col.uniques), dtype=bool)
    out = np.empty(len(col.uniques), dtype=object)
    for i, cell in enumerate(col.uniques):
        try:
            out[i] = parse(cell)
        except ValueError:
            good[i] = False
    return good[col.codes], out[col.codes]


def combine(*codes: Codes) -> tuple[Codes, Codes]:
    """Rows grouped by several code columns: (group of each row, first row of each group)."""
    import numpy as np
    import pandas as pd

    key = codes[0].astype(np.int64)
    for more in codes[1:]:
        key, _ = pd.factorize(key * (int(more.max(initial=0)) + 1) + more)
        key = key.astype(np.int64)
    groups, uniques = pd.factorize(key)
    first = np.full(len(uniques), len(key), dtype=np.intp)
    np.minimum.at(first, groups, np.arange(len(key), dtype=np.intp))
    return groups.astype(np.intp), first


def _optional(parse: Callable[[str], Any]) -> Callable[[str], Any]:
    return lambda cell: None if cell == "" else parse(cell)


def _required(parse: Callable[[str], Any] = str) -> Callable[[str], Any]:
    def checked(cell: str) -> Any:
        if cell == "":
            raise ValueError("missing")
        return parse(cell)

    return checked


def _member(allowed: frozenset[str]) -> Callable[[str], str]:
    def checked(cell: str) -> str:
        if cell not in allowed:
            raise ValueError(cell)
        return cell

    return checked


def _slug(cell: str) -> str:
    if not SLUG.fullmatch(cell):
        raise ValueError(cell)
    return cell


def _number(cell: str, positive: bool = False) -> float:
    number = float(cell) if FLOAT.fullmatch(cell) else math.nan
    if not math.isfinite(number) or (positive and number <= 0):
        raise ValueError(cell)
    return number


def _ignore(cell: str) -> tuple[str, ...]:
    from factcheck.registry import all_checks

    codes = tuple(c.strip() for c in cell.split(";") if c.strip())
    known = all_checks()
    if not all(CODE.fullmatch(c) and c in known for c in codes):
        raise ValueError(cell)
    return codes


class _Amounts:
    """The values and equivalents of the file, each distinct one read once."""

    def __init__(self, cols: CsvColumns, lang: Column) -> None:
        self.cols, self.lang, self.n = cols, lang, cols.size
        self.amounts: list[Amount] = []

    def col(self, name: str) -> Column:
        return self.cols.columns.get(name) or _absent(self.n)

    def read(self, field: str, required: bool) -> tuple[Mask, Codes, Mask]:
        """(ok, key into ``amounts`` or -1, written as text) per row of one field."""
        import numpy as np

        text = self.col(field)
        parts = [self.col(f"{field}.{p}") for p in ("amount", "currency", "unit")]
        has_text = np.array([u != "" for u in text.uniques])[text.codes]
        mapped = np.zeros(self.n, dtype=bool)
        for part in parts:
            mapped |= np.array([u != "" for u in part.uniques])[part.codes]
        mapped &= ~has_text
        keys = np.full(self.n, -1, dtype=np.intp)
        ok = has_text | mapped | (not required)
        for rows, columns, parse in ((has_text, [text], self._text),
                                     (mapped, parts, self._mapping)):
            if not rows.any():
                continue
            where = np.flatnonzero(rows)
            groups, first = combine(*(c.codes[where] for c in (*columns, self.lang)))
            found = np.empty(len(first), dtype=np.intp)
            for g, row in enumerate(first.tolist()):
                cells = [c.uniques[c.codes[where[row]]] for c in columns]
                lang = self.lang.uniques[self.lang.codes[where[row]]] or "en"
                try:
                    found[g] = len(self.amounts)
                    self.amounts.append(parse(cells, lang))
                except ValueError:
                    found[g] = -1
            keys[where] = found[groups]
            ok[where] &= found[groups] >= 0
        return ok, keys, has_text

    @staticmethod
    def _text(cells: list[str], lang: str) -> Amount:
        if lang not in LANGS:
            raise ValueError(lang)
        return read_text(cells[0], lang)

    @staticmethod
    def _mapping(cells: list[str], lang: str) -> Amount:
        amount, currency, unit = cells
        if lang not in LANGS or (currency == "") == (unit == ""):
            raise ValueError(lang)
        if currency:
            check_currency(currency)
        else:
            check_unit(unit)
        return from_mapping(_number(amount), currency or None, unit or None,
                            lang)

    def attribute(self, keys: Codes, name: str) -> Objects:
        import numpy as np

        values = np.array([getattr(a, name) for a in self.amounts] + [None], dtype=object)
        return values[keys]  # -1: the None at the end


FIELDS: dict[str, Callable[[str], Any]] = {
    "id": _required(), "published": _required(parse_date), "subject": _required(),
    "metric": _required(_slug), "period": _required(resolve), "kind": _member(KINDS),
    "lang": lambda cell: _member(LANGS)(cell or "en"), "fx_rate": _optional(
        lambda cell: _number(cell, positive=True)),
    "fx_date": _optional(parse_date), "valuation_date": _optional(parse_date),
    "quote": _optional(str), "ignore": lambda cell: _ignore(cell) if cell else (),
}


def check_columns(cols: CsvColumns) -> Checked:
    """The checks of the schema over the columns of a file."""
    import numpy as np

    n = cols.size
    ok = np.ones(n, dtype=bool)
    values: dict[str, Objects] = {}
    for name, parse in FIELDS.items():
        good, values[name] = _spread(cols.columns.get(name) or _absent(n), parse)
        ok &= good
    source, named_by, url = (cols.columns.get(c) or _absent(n)
                             for c in ("source", "source.name", "source.url"))
    plain = np.array([u != "" for u in source.uniques])[source.codes]
    named = np.array([u != "" for u in named_by.uniques])[named_by.codes]
    ok &= plain | named
    values["source"] = np.where(plain, np.array(source.uniques, dtype=object)[source.codes],
                                np.array(named_by.uniques, dtype=object)[named_by.codes])
    urls: Objects = np.array([u or None for u in url.uniques], dtype=object)[url.codes]
    urls[plain] = None
    values["source_url"] = urls
    amounts = _Amounts(cols, cols.columns.get("lang") or _absent(n))
    good, value, values["value_is_text"] = amounts.read("value", required=True)
    ok &= good
    good, equivalent, values["equivalent_is_text"] = amounts.read("equivalent", required=False)
    ok &= good
    kinds = [amounts.attribute(k, "kind") for k in (value, equivalent)]
    currencies = [amounts.attribute(k, "currency") for k in (value, equivalent)]
    units = [amounts.attribute(k, "unit") for k in (value, equivalent)]
    paired = equivalent >= 0
    ok &= ~paired | ((kinds[0] == kinds[1]) & np.where(
        kinds[0] == "money", currencies[0] != currencies[1], units[0] == units[1]))
    for field in ("fx_rate", "fx_date"):  # given only with a money equivalent
        given = np.array([v is not None for v in values[field]], dtype=bool)
        ok &= ~given | (paired & (kinds[1] == "money"))
    return Checked(ok, values, value, equivalent, amounts.amounts)
