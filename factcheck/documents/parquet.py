"""Parquet archives: one article per row, with the JSON Lines fields as columns.

``text`` is required; ``id``, ``published`` (a date, timestamp or ``YYYY-MM-DD`` string),
``lang``, ``title`` and ``source`` are optional, and a null is the same as an absent
field. A row's "line" is its 1-based row number, so a finding names ``archive.parquet``,
the row, and the document ``archive.parquet#id``. Row groups are read one at a time
(``engine.shards`` audits them separately); a bad row is an ``InputError`` and the
others are still read. A relative path is read from the directory ``base`` when one is
given (see ``read_path``). Needs pyarrow (the ``scale`` extra).
"""

from __future__ import annotations

import os
from datetime import date
from typing import Any

from factcheck.documents.jsonl import record_document
from factcheck.errors import InputError
from factcheck.model import Anchor, Document, Lang

COLUMNS = ("id", "text", "published", "lang", "title", "source")


def _parquet_file(path: str, base: str = "") -> Any:
    try:
        import pyarrow.parquet as pq
    except ImportError:
        raise InputError("reading Parquet needs pyarrow: pip install 'factcheck[scale]'",
                         path=path) from None
    try:
        return pq.ParquetFile(os.path.join(base, path))
    except OSError as error:
        raise InputError(f"cannot read: {error}", path=path) from None
    except Exception as error:  # pyarrow's ArrowInvalid on a file that is not Parquet
        raise InputError(f"not a Parquet file: {error}", path=path) from None


def row_groups(path: str) -> list[tuple[int, int]]:
    """(row group, its first row number) of each row group of the file."""
    meta = _parquet_file(path).metadata
    out, row = [], 1
    for index in range(meta.num_row_groups):
        out.append((index, row))
        row += meta.row_group(index).num_rows
    return out


def read_row_group(
    path: str, group: int, first_row: int, *, lang: Lang | None = None,
    published: date | None = None, seen: dict[str, int] | None = None, base: str = "",
) -> tuple[list[Document], list[InputError]]:
    """The documents of one row group and one ``InputError`` per bad row; ``seen``
    (id -> first row) carries the duplicate-id check across row groups (None: no check,
    ``engine.merge`` does it)."""
    archive = _parquet_file(path, base)
    present = [c for c in COLUMNS if c in archive.schema_arrow.names]
    if "text" not in present:
        raise InputError("no 'text' column", path=path, field="text")
    rows = archive.read_row_group(group, columns=present).to_pylist()
    documents: list[Document] = []
    errors: list[InputError] = []
    for number, row in enumerate(rows, start=first_row):
        record = {key: value for key, value in row.items() if value is not None}
        try:
            ident, document = record_document(
                record, [Anchor(offset=0, line=number, column=1)], number, path, lang, published)
        except InputError as error:
            errors.append(error)
            continue
        if seen is not None and ident in seen:
            errors.append(InputError(f"duplicate id {ident!r} (first on line {seen[ident]})",
                                     path=path, line=number, field="id"))
            continue
        if seen is not None:
            seen[ident] = number
        documents.append(document)
    return documents, errors


def read_parquet(
    path: str, *, lang: Lang | None = None, published: date | None = None, base: str = ""
) -> tuple[list[Document], list[InputError]]:
    """Every row group of a Parquet file (``read_row_group``), in order."""
    documents: list[Document] = []
    errors: list[InputError] = []
    seen: dict[str, int] = {}
    for group, first_row in row_groups(path):
        found, bad = read_row_group(path, group, first_row, lang=lang, published=published,
                                    seen=seen, base=base)
        documents.extend(found)
        errors.extend(bad)
    return documents, errors
