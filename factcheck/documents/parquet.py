"""Parquet archives: one article per row, with the JSON Lines fields as columns.

``text`` is required; ``id``, ``published`` (a date, timestamp or ``YYYY-MM-DD`` string),
``lang``, ``title`` and ``source`` are optional, and a null is the same as an absent
field; a text or binary column of UTF-8 is text, and a whole-number float id an integer.
A row's "line" is its 1-based row number, so a finding names ``archive.parquet``, the
row, and the document ``archive.parquet#id``. Row groups are the unit of parallel work
(``engine.shards`` audits them separately), read a few thousand rows at a time; a bad
row is an ``InputError`` and the others are still read. The size cap bounds each row's
text, not the archive (pyarrow decodes a batch of rows at a time). Needs pyarrow (the
``scale`` extra). pyarrow writes up to a million rows per group by default: an archive meant for
several workers is written with smaller groups (``row_group_size=10_000``).
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from typing import Any, BinaryIO

from factcheck.documents.jsonl import record_document, repeated_id
from factcheck.documents.opening import over_cap
from factcheck.documents.reader import Block, BytesReader, Read, ReadOptions
from factcheck.errors import InputError
from factcheck.model import Anchor, Document, Lang

COLUMNS = ("id", "text", "published", "lang", "title", "source")
BATCH_ROWS = 4096


def _parquet_file(handle: BinaryIO, path: str) -> Any:
    try:
        import pyarrow.parquet as pq
    except ImportError:
        raise InputError("reading Parquet needs pyarrow: pip install 'factcheck[scale]'",
                         path=path) from None
    try:
        return pq.ParquetFile(handle)
    except OSError as error:
        raise InputError(f"cannot read: {error}", path=path) from None
    except Exception as error:  # pyarrow's ArrowInvalid on a file that is not Parquet
        raise InputError(f"not a Parquet file: {error}", path=path) from None


def row_groups(handle: BinaryIO, path: str) -> list[tuple[int, int]]:
    """(row group, its first row number) of each row group of the file."""
    meta = _parquet_file(handle, path).metadata
    out, row = [], 1
    for index in range(meta.num_row_groups):
        out.append((index, row))
        row += meta.row_group(index).num_rows
    return out


def read_row_group(
    handle: BinaryIO, path: str, group: int, first_row: int, *, lang: Lang | None = None,
    published: date | None = None, seen: dict[str, int] | None = None,
    max_size: int | None = None,
) -> tuple[list[Document], list[InputError]]:
    """The documents of one row group and one ``InputError`` per bad row; ``seen``
    (id -> first row) carries the duplicate-id check across row groups (None: no check,
    ``engine.merge`` does it). A row whose text is over ``max_size`` bytes is an error."""
    archive = _parquet_file(handle, path)
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
            if max_size is not None and (size := _oversize(row.get("text"), max_size)):
                errors.append(over_cap(size, max_size, path, what="text", line=number,
                                       field="text"))
                continue
            _read_row(row, number, path, lang, published, seen, documents, errors)
    return documents, errors


def _oversize(value: Any, cap: int) -> int | None:
    """The bytes of a text cell when over ``cap``, else None (UTF-8 takes at most four
    bytes a character, so only a long text is measured)."""
    if isinstance(value, bytes):
        size = len(value)
    elif isinstance(value, str) and len(value) * 4 > cap:
        size = len(value.encode("utf-8", "surrogatepass"))
    else:
        return None
    return size if size > cap else None
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


class ParquetReader(BytesReader):
    """``.parquet``: read by row group, each a block; the cap bounds each row's text."""

    name = "parquet"
    suffixes = (".parquet",)
    capped = "record"

    def splits(self, size: int, block: int) -> bool:
        return True

    def blocks(self, handle: BinaryIO, path: str, block: int, max_size: int
               ) -> Iterator[Block | InputError]:
        try:
            groups = row_groups(handle, path)
        except InputError as error:
            yield error
            return
        for group, first_row in groups:
            yield Block(group, group + 1, first_row)

    def read(self, handle: BinaryIO, path: str, block: Block, options: ReadOptions,
             ids: dict[str, int] | None) -> Read:
        return read_row_group(handle, path, block.start, block.first_line, lang=options.lang,
                              published=options.published, seen=ids,
                              max_size=options.max_size)


READER = ParquetReader()
