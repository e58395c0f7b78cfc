"""JSON Lines batches: one article per line, ``{"id", "text", "published", "lang", ...}``.

A bad line is reported and the good ones are still read. A document's anchors map every
offset of its text to the line and column of the character in the file, JSON escapes
included (``\\n`` in the text stays on the record's line).

A file larger than a block is read in blocks cut at line starts (``documents.lines``),
each naming the file's own lines. The size cap bounds each line (a record), not the
file: an archive of any size is read, a line over the cap is an error on its line.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from datetime import date
from typing import BinaryIO

from factcheck.documents.fields import MAX_ANCHORS, build_document, parse_date, parse_lang
from factcheck.documents.lines import line_blocks
from factcheck.documents.opening import MAX_INPUT_SIZE, over_cap
from factcheck.documents.reader import Block, Read, ReadOptions, TextReader
from factcheck.errors import InputError
from factcheck.model import Anchor, Document, Lang

_DECODER = json.JSONDecoder()
#: One JSON escape, which decodes to one character (a surrogate pair included).
_ESCAPE = re.compile(
    r"\\(?:u[dD][89abAB][0-9a-fA-F]{2}\\u[dD][c-fC-F][0-9a-fA-F]{2}|u[0-9a-fA-F]{4}|.)"
)


def _skip_blank(line: str, i: int) -> int:
    while i < len(line) and line[i] in " \t\r\n":
        i += 1
    return i


def _text_literal(line: str) -> tuple[int, int] | None:
    """Start and end index of the string literal of the object's top-level ``text``."""
    found = None
    i = _skip_blank(line, 0)
    if not line.startswith("{", i):
        return None
    i = _skip_blank(line, i + 1)
    while i < len(line) and line[i] != "}":
        key, i = _DECODER.raw_decode(line, i)
        i = _skip_blank(line, i)
        if not line.startswith(":", i):
            return None
        start = _skip_blank(line, i + 1)
        _, i = _DECODER.raw_decode(line, start)
        if key == "text":
            found = (start, i)
        i = _skip_blank(line, i)
        if line.startswith(",", i):
            i = _skip_blank(line, i + 1)
    return found


def _anchors(line: str, number: int) -> list[Anchor]:
    """Anchors of the ``text`` value: at its start and after every escape."""
    try:
        span = _text_literal(line)
    except ValueError:
        span = None
    if span is None:
        return [Anchor(offset=0, line=number, column=1)]
    start, end = span
    anchors = [Anchor(offset=0, line=number, column=start + 2)]
    offset, raw = 0, start + 1
    for match in _ESCAPE.finditer(line, start + 1, end - 1):
        if len(anchors) >= MAX_ANCHORS:
            break
        offset += match.start() - raw + 1
        raw = match.end()
        anchors.append(Anchor(offset=offset, line=number, column=raw + 1))
    return anchors


def _optional_string(record: dict[str, object], key: str) -> str | None:
    value = record.get(key)
    if value is None or isinstance(value, str):
        return value
    raise ValueError("must be a string")


def record_document(
    record: dict[str, object], anchors: list[Anchor], number: int, path: str,
    lang: Lang | None, published: date | None,
) -> tuple[str, Document]:
    """(id, document) of one record (a JSON line or a Parquet row); an ``InputError``
    names the bad field. ``number`` is the record's line (row) and its default id."""
    field = "id"
    try:
        ident = record.get("id", number)
        if isinstance(ident, bool) or not isinstance(ident, str | int) or ident == "":
            raise ValueError("must be a non-empty string or an integer")
        field = "text"
        if "text" not in record:
            raise ValueError("missing required field")
        text = record["text"]
        if not isinstance(text, str):
            raise ValueError("must be a string")
        if not text.strip():
            raise ValueError("is empty")
        field = "published"
        meta_published = record.get("published")
        meta_published = None if meta_published is None else parse_date(meta_published)
        field = "lang"
        meta_lang = record.get("lang")
        meta_lang = None if meta_lang is None else parse_lang(meta_lang)
        field = "title"
        title = _optional_string(record, "title")
        field = "source"
        source = _optional_string(record, "source")
    except ValueError as error:
        raise InputError(str(error), path=path, line=number, field=field) from None
    document = build_document(
        f"{path}#{ident}", text, lang=lang, published=published, meta_lang=meta_lang,
        meta_published=meta_published, title=title, source=source,
        anchors=anchors,
    )
    return str(ident), document


def repeated_id(ident: str, first: int, path: str, line: int) -> InputError:
    """The error of a record whose id the record on line ``first`` already has (one wording
    for a whole file, a Parquet archive and ids checked across blocks)."""
    return InputError(f"duplicate id {ident!r} (first on line {first})", path=path, line=line,
                      field="id")


def read_jsonl(
    raw: str, path: str, *, lang: Lang | None = None, published: date | None = None,
    first_line: int = 1, check_ids: bool = True, seen: dict[str, int] | None = None,
    max_line: int = MAX_INPUT_SIZE,
) -> tuple[list[Document], list[InputError]]:
    """The documents of the good lines, and one ``InputError`` per bad line.

    ``id`` defaults to the line number; a document's path is ``f"{path}#{id}"``.
    Blank lines are skipped; a repeated id is an error on its second line; a line of more
    than ``max_line`` bytes is an error. ``raw`` may be a block of a larger file that starts
    on line ``first_line`` (see ``documents.lines``): ``seen`` (id -> line) carries the id
    check across blocks, and without ``check_ids`` it is left to the caller
    (``engine.merge``).
    """
    documents: list[Document] = []
    errors: list[InputError] = []
    seen = {} if seen is None else seen
    for number, line in enumerate(raw.split("\n"), start=first_line):
        if len(line) * 4 > max_line and (size := len(line.encode("utf-8"))) > max_line:
            errors.append(over_cap(size, max_line, path, what="line", line=number))
            continue
        line = line.removesuffix("\r")
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as error:
            errors.append(InputError(f"invalid JSON: {error.msg} (column {error.colno})",
                                     path=path, line=number))
            continue
        if not isinstance(record, dict):
            errors.append(InputError("expected a JSON object", path=path, line=number))
            continue
        try:
            ident, document = record_document(record, _anchors(line, number), number, path,
                                               lang, published)
        except InputError as error:
            errors.append(error)
            continue
        if check_ids and ident in seen:
            errors.append(repeated_id(ident, seen[ident], path, number))
            continue
        seen[ident] = number
        documents.append(document)
    return documents, errors


class JsonLinesReader(TextReader):
    """``.jsonl``: cut at line starts when larger than a block; the cap bounds each line."""

    name = "jsonl"
    suffixes = (".jsonl",)
    capped = "record"

    def splits(self, size: int, block: int) -> bool:
        return size > block

    def blocks(self, handle: BinaryIO, path: str, block: int, max_size: int
               ) -> Iterator[Block | InputError]:
        return line_blocks(handle, path, block, max_size)

    def read(self, text: str, path: str, block: Block, options: ReadOptions,
             ids: dict[str, int] | None) -> Read:
        return read_jsonl(text, path, lang=options.lang, published=options.published,
                          first_line=block.first_line, check_ids=ids is not None, seen=ids,
                          max_line=options.max_size)


READER = JsonLinesReader()
