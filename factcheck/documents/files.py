"""Reading files through their readers; nothing here raises but returns ``InputError``.

A file is opened as a regular file (``documents.opening``) and read by the reader of its
suffix (``documents.registry``): whole, or block by block when its reader splits it.
``file_blocks`` and ``read_block`` are what the engine needs to read the blocks of one
file apart (``engine.shards``); ``read_path`` reads them one after the other, so the two
ways read the same documents. An unreadable file (missing, not a regular file, over the
size cap, binary, not UTF-8, unparsable) is an error naming it, and the others are read.
"""

from __future__ import annotations

import io
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import BinaryIO

from factcheck.documents.given import GivenInput
from factcheck.documents.opening import (
    MAX_INPUT_SIZE,
    cannot_read,
    decode,
    is_binary,
    opened,
    over_cap,
    whole_text,
)
from factcheck.documents.reader import (
    WHOLE,
    Block,
    BytesReader,
    Read,
    Reader,
    ReadOptions,
    TextReader,
)
from factcheck.documents.registry import SUFFIXES, reader_for
from factcheck.documents.walk import iter_inputs
from factcheck.errors import InputError
from factcheck.model import Document, Lang

#: The block size ``read_path`` reads a splitting format in (as ``engine.shards`` does).
BLOCK = 1 << 18


@contextmanager
def _opened(path: Path | str | GivenInput, base: str) -> Iterator[tuple[BinaryIO, int]]:
    """A file opened as every input is (``documents.opening``), or the bytes of an input
    given whole (standard input) as one."""
    if isinstance(path, GivenInput):
        if path.error is not None:
            raise path.error
        yield io.BytesIO(path.data), len(path.data)
        return
    with opened(str(path), base) as found:
        yield found


def read_path(
    path: Path | str | GivenInput, *, lang: Lang | None = None,
    published: date | None = None, base: str = "", max_size: int = MAX_INPUT_SIZE,
) -> Read:
    """The documents in one file, and the errors that made it (or some of its records)
    unreadable.

    The reader is chosen by suffix (``documents.registry``; any other suffix is plain
    text). A file is at most ``max_size`` bytes, or each of its records is for an archive.
    Raises nothing: every failure is an ``InputError``. A relative ``path`` is read from
    the directory ``base`` (a worker's view of the command's working directory) and
    named as given; a ``GivenInput`` (standard input) is read from its bytes, by the
    reader of its name.
    """
    name = str(path)
    reader = reader_for(name)
    options = ReadOptions(lang, published, max_size)
    documents: list[Document] = []
    errors: list[InputError] = []
    try:
        with _opened(path, base) as (handle, size):
            ids: dict[str, int] = {}
            for part in _parts(reader, handle, name, size, BLOCK, max_size):
                if isinstance(part, InputError):
                    errors.append(part)
                    continue
                found, bad = _read_part(reader, handle, size, name, part, options, ids)
                documents.extend(found)
                errors.extend(bad)
    except InputError as error:
        errors.append(error)
    except OSError as error:
        errors.append(cannot_read(error, name))
    except Exception as error:  # the IN001 safety net: one bad file never stops a run
        errors.append(InputError(f"cannot parse: {type(error).__name__}: {error}", path=name))
    return documents, errors


def file_blocks(path: str, size: int, block: int, max_size: int = MAX_INPUT_SIZE,
                base: str = "") -> Iterator[Block | InputError] | None:
    """The blocks of a file of about ``size`` bytes that its reader reads in blocks of
    about ``block`` bytes, or None for a file read whole. A binary file's only block is
    ``WHOLE`` (its reading says why). Lazy: the file stays open while blocks are taken."""
    reader = reader_for(path)
    if not reader.splits(size, block):
        return None
    return _opened_parts(reader, path, block, max_size, base)


def _opened_parts(reader: Reader, path: str, block: int, max_size: int, base: str
                  ) -> Iterator[Block | InputError]:
    try:
        with opened(path, base) as (handle, size):
            yield from _parts(reader, handle, path, size, block, max_size)
    except InputError as error:
        yield error
    except OSError as error:
        yield cannot_read(error, path)
    except Exception as error:  # the IN001 safety net: one bad file never stops a run
        yield InputError(f"cannot parse: {type(error).__name__}: {error}", path=path)


def _parts(reader: Reader, handle: BinaryIO, path: str, size: int, block: int,
           max_size: int) -> Iterator[Block | InputError]:
    """``WHOLE``, or the reader's blocks; a binary file is read whole, which says why."""
    if not reader.splits(size, block) or (
            isinstance(reader, TextReader) and is_binary(handle)):
        yield WHOLE
        return
    for part in reader.blocks(handle, path, block, max_size):
        place = handle.tell()  # the reader's place: reading the part moves the handle
        yield part
        handle.seek(place)


def read_block(path: str, block: Block, lang: Lang | None = None,
               published: date | None = None, max_size: int = MAX_INPUT_SIZE,
               base: str = "") -> Read:
    """The documents of one block of ``file_blocks`` (their ids are not checked against
    the other blocks': the caller does that), and the errors of its bad records."""
    options = ReadOptions(lang, published, max_size)
    try:
        with opened(path, base) as (handle, size):
            return _read_part(reader_for(path), handle, size, path, block, options, None)
    except InputError as error:
        error.line = error.line or block.first_line
        return [], [error]
    except OSError as error:
        return [], [cannot_read(error, path, block.first_line)]


def _read_part(reader: Reader, handle: BinaryIO, size: int, path: str, block: Block,
               options: ReadOptions, ids: dict[str, int] | None) -> Read:
    """One part of an open file through its reader; the reader's own failure is an
    error of that part, never an exception."""
    try:
        if isinstance(reader, BytesReader):
            if block.whole and reader.capped == "file" and size > options.max_size:
                raise over_cap(size, options.max_size, path)
            handle.seek(0)
            return reader.read(handle, path, block, options, ids)
        assert isinstance(reader, TextReader), "a reader reads text or bytes"
        if block.stop is None:
            text = whole_text(handle, size, path,
                              options.max_size if reader.capped == "file" else None)
        else:
            handle.seek(block.start)
            data = handle.read(block.stop - block.start)
            text = decode(data, path, block.start, block.first_line)
        return reader.read(text, path, block, options, ids)
    except InputError as error:
        return [], [error]
    except OSError as error:
        return [], [cannot_read(error, path, None if block.whole else block.first_line)]
    except Exception as error:  # the IN001 safety net: one bad file never stops a run
        return [], [InputError(f"cannot parse: {type(error).__name__}: {error}", path=path,
                               line=None if block.whole else block.first_line)]


def iter_documents(
    paths: Sequence[Path | str | GivenInput], *, lang: Lang | None = None,
    published: date | None = None, max_size: int = MAX_INPUT_SIZE,
) -> Iterator[Document | InputError]:
    """Documents and errors of every path, in argument order; directories are walked.

    Files are read one at a time, as the iterator is consumed. A file's documents come
    before its errors. ``lang``/``published`` override each file's own metadata;
    ``max_size`` is the size cap (see ``read_path``).
    """
    for item in iter_inputs(paths, SUFFIXES):
        if isinstance(item, InputError):
            yield item
            continue
        documents, errors = read_path(item, lang=lang, published=published,
                                      max_size=max_size)
        yield from documents
        yield from errors
