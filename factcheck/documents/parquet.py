"""Parquet archives: one article per row, with the JSON Lines fields as columns.

``text`` is required; ``id``, ``published`` (a date, timestamp or ``YYYY-MM-DD`` string),
``lang``, ``title`` and ``source`` are optional, and a null is the same as an absent
field; a text or binary column of UTF-8 is text, and a whole-number float id an integer.
A row's "line" is its 1-based row number, so a finding names ``archive.parquet``, the
row, and the document ``archive.parquet#id``. Row groups are the unit of parallel work
(``engine.shards`` audits them separately), read a few thousand rows at a time; a bad
row is an ``InputError`` and the others are still read. A relative path is read from the
directory ``base`` when one is given (see ``read_path``). Needs pyarrow (the ``scale``
extra). pyarrow writes up to a million rows per group by default: an archive meant for
several workers is written with smaller groups (``row_group_size=10_000``).
"""

from __future__ import annotations

import os
from datetime import date
from typing import Any

from factcheck.documents.jsonl import record_document, repeated_id
from factcheck.errors import InputError
from factcheck.model import Anchor, Document, Lang

COLUMNS = ("id", "text", "published", "lang", "title", "source")
BATCH_ROWS = 4096


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
    documents: list[Document] = []
    errors: list[InputError] = []
    number = first_row - 1
    for batch in archive.iter_batches(batch_size=BATCH_ROWS, row_groups=[group],
                                      columns=present):
        for row in batch.to_pylist():
            number += 1
            _read_row(row, number, path, lang, published, seen, documents, errors)
    return documents, errors


def _plain(key: str, value: Any) -> Any:
    """A cell as the JSON Lines reader would have it: UTF-8 bytes as text, a whole float
    id (pandas writes an id column with nulls as doubles) as an integer."""
    if isinstance(value, bytes):
        try:
            return value.decode("utf-8")
        except UnicodeDecodeError:
            return value  # and the field check names it
    if key == "id" and isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def _read_row(row: dict[str, Any], number: int, path: str, lang: Lang | None,
              published: date | None, seen: dict[str, int] | None,
              documents: list[Document], errors: list[InputError]) -> None:
    record = {key: _plain(key, value) for key, value in row.items() if value is not None}
    try:
        ident, document = record_document(
            record, [Anchor(offset=0, line=number, column=1)], number, path, lang, published)
    except InputError as error:
        errors.append(error)
        return
    if seen is not None and ident in seen:
        errors.append(repeated_id(ident, seen[ident], path, number))
        return
    if seen is not None:
        seen[ident] = number
    documents.append(document)


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
