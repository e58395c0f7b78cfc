"""CSV claims files: one record per row, one field per column.

``value`` and ``equivalent`` are strings read in the row's ``lang`` ("US$ 5 miliar"), or
their mapping form in dotted columns (``value.amount``, ``value.currency``,
``value.unit``); ``source`` is a name, or ``source.name`` and ``source.url``; ``ignore``
is a ``;``-separated list of codes; an empty cell is an absent field; numbers are written
with a "." decimal point. Rows whose cells are all blank are skipped. A row's line is the
line where it starts in the file (a quoted cell may span lines). A problem with the
header (an unknown, repeated or missing required column) is reported once, on the
header's line, not once per row; a row with another number of cells than the header is
one error, and the other rows are still read.
"""

from __future__ import annotations

import csv
import difflib
import io
from collections.abc import Iterator
from typing import Any

from factcheck.claims.schema import FIELDS, ClaimRecord
from factcheck.claims.validate import ClaimError, LoadedRecord, validate
from factcheck.errors import InputError
from factcheck.escaping import excerpt

NESTED_COLUMNS = frozenset(f"{parent}.{child}" for parent, children in {
    "value": ("amount", "currency", "unit"), "equivalent": ("amount", "currency", "unit"),
    "source": ("name", "url")}.items() for child in children)
COLUMNS = frozenset(FIELDS) | NESTED_COLUMNS
REQUIRED = tuple(name for name, info in ClaimRecord.model_fields.items() if info.is_required())
MISSING = "missing required column"


def _header(header: list[str], path: str, line: int) -> list[ClaimError]:
    errors = []
    seen: set[str] = set()
    for name in header:
        if name in seen:
            errors.append(ClaimError("repeated column", path=path, line=line, field=name))
        elif name not in COLUMNS:
            close = difflib.get_close_matches(name, sorted(COLUMNS), n=1)
            errors.append(ClaimError("unknown column" + (f"; did you mean {excerpt(close[0])}?"
                                                         if close else ""),
                                     path=path, line=line, field=name))
        seen.add(name)
    present = {n.partition(".")[0] for n in header}
    for name in REQUIRED:
        if name not in present:
            errors.append(ClaimError(MISSING, path=path, line=line, field=name))
    return errors


def _raw(columns: list[tuple[str, str, str]], values: tuple[Any, ...]) -> dict[str, Any]:
    raw: dict[str, Any] = {}
    for (name, parent, child), cell in zip(columns, values, strict=True):
        if not cell:
            continue
        if child:
            nested = raw.setdefault(parent, {})
            if isinstance(nested, dict):
                nested[child] = cell
        elif name == "ignore":
            raw[name] = [c.strip() for c in cell.split(";") if c.strip()]
        else:
            raw[name] = cell  # a string form wins over dotted columns given too
    return raw


def read_csv(text: str, path: str) -> tuple[list[LoadedRecord], list[InputError]]:
    """The records of a CSV file. Rows are read by the ``csv`` module (C), which gives
    each row's exact first line and lets a ragged row be one error instead of a broken
    file; the cost of a load is the validation of each row (see ``validate``)."""
    reader = csv.reader(io.StringIO(text, newline=""))
    rows = _rows(reader)
    records: list[LoadedRecord] = []
    errors: list[InputError] = []
    try:
        header_line, header = next(rows, (1, []))
        found = _header(header, path, header_line)
        errors.extend(found)
        if any(e.message == MISSING for e in found):
            return [], errors
        keep = [i for i, name in enumerate(header) if name in COLUMNS
                and header.index(name) == i]
        columns = [(header[i], *_split(header[i])) for i in keep]
        shared: list[dict[str, str]] = [{} for _ in keep]
        for line, row in rows:
            if len(row) != len(header):
                errors.append(ClaimError(f"the row has {len(row)} cells, the header "
                                         f"{len(header)}", path=path, line=line))
                continue
            values = tuple(memo.setdefault(row[i], row[i])
                           for memo, i in zip(shared, keep, strict=True))
            result = validate(_raw(columns, values), path, line)
            if isinstance(result, LoadedRecord):
                records.append(result)
            else:
                errors.extend(result)
    except csv.Error as error:  # the rest of the file cannot be read
        errors.append(InputError(f"not valid CSV: {error}", path=path, line=reader.line_num))
    return records, errors


def _rows(reader: Any) -> Iterator[tuple[int, list[str]]]:
    """(first line, cells) of each row that has a non-blank cell."""
    last = 0
    for row in reader:
        if any(cell.strip() for cell in row):
            yield last + 1, row
        last = reader.line_num


def _split(name: str) -> tuple[str, str]:
    parent, _, child = name.partition(".")
    return parent, child
