"""Opening an input: the one way every article, archive and claims file is opened and read.

- Only regular files are read. A named pipe, a device (``/dev/zero``), a socket or a
  directory, named or found in a folder, directly or through a symbolic link, is an
  ``InputError`` "not a regular file" and is never read. The path is checked with
  ``os.stat`` before it is opened, and opened with ``O_NONBLOCK`` and checked again on the
  open descriptor, so a file swapped for a pipe or a device between the two cannot block
  the run or feed it without end: it is refused as well.
- A file read whole (an article, a claims file) is at most ``max_size`` bytes
  (``MAX_INPUT_SIZE``, 64 MiB, by default): a larger one is an ``InputError`` naming its
  size and the cap, told from its size before a byte of it is read, and never read past the
  cap even if it grows meanwhile. An archive read in blocks (JSON Lines, Parquet) holds no
  more than a block at a time, so there the cap bounds each record instead (see the
  readers).
- Text is UTF-8 (a BOM is dropped): a NUL byte in the first 8 KB is a binary file, a bad
  byte is an error naming its line and byte offset, and a file with nothing but blanks is
  empty.

Every failure is an ``InputError`` naming the file; nothing here raises anything else.
"""

from __future__ import annotations

import codecs
import os
import stat
from collections.abc import Iterator
from contextlib import contextmanager
from typing import BinaryIO

from factcheck.errors import InputError
from factcheck.phrases import Num, said

#: The default cap on what one input may hold in memory (``--max-input-size``).
MAX_INPUT_SIZE = 64 * 1024 * 1024
BINARY_SNIFF = 8192
_OPEN_FLAGS = (os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
               | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_BINARY", 0))
_KINDS = ((stat.S_ISDIR, "a directory"), (stat.S_ISFIFO, "a named pipe"),
          (stat.S_ISCHR, "a character device"), (stat.S_ISBLK, "a block device"),
          (stat.S_ISSOCK, "a socket"))


def cannot_read(error: OSError | ValueError, path: str, line: int | None = None) -> InputError:
    """The error of a file the system would not open or read (a ``ValueError``: a name
    with a NUL character)."""
    reason = getattr(error, "strerror", None) or error
    return InputError(f"cannot read: {reason}", path=path, line=line)


def not_regular(mode: int, path: str) -> InputError:
    kind = next((name for test, name in _KINDS if test(mode)), "a special file")
    return InputError(f"not a regular file ({kind}); only regular files are read", path=path)


def over_cap(size: int, cap: int, path: str, *, what: str = "file", line: int | None = None,
             field: str | None = None) -> InputError:
    """The error of an input (``what``: a file, a line, a record) larger than the cap."""
    return InputError(f"{what} of {size:,} bytes is over the input size cap of {cap:,} bytes "
                      "(--max-input-size)", path=path, line=line, field=field)


@contextmanager
def opened(path: str, base: str = "") -> Iterator[tuple[BinaryIO, int]]:
    """A regular file open for reading in binary, and its size; ``InputError`` for a path
    that is not a regular file or cannot be opened. Never blocks on a pipe or a device.
    A relative ``path`` is opened from the directory ``base`` (when given) and named as given.
    """
    full = os.path.join(base, path) if base else path
    try:
        if not stat.S_ISREG(mode := os.stat(full).st_mode):
            raise not_regular(mode, path)
        descriptor = os.open(full, _OPEN_FLAGS)
    except (OSError, ValueError) as error:
        raise cannot_read(error, path) from None
    try:
        found = os.fstat(descriptor)
        if not stat.S_ISREG(found.st_mode):  # swapped since the stat: still never read it
            raise not_regular(found.st_mode, path)
        handle = os.fdopen(descriptor, "rb")
    except BaseException:
        os.close(descriptor)
        raise
    with handle:
        yield handle, found.st_size


def read_upto(handle: BinaryIO, size: int, limit: int) -> bytes | None:
    """The rest of the file, ``size`` bytes as last measured; None when there is more than
    ``limit`` (it grew past it since): never more than ``limit + 1`` bytes are read."""
    data = handle.read(min(size, limit) + 1)
    if len(data) <= size:
        return data
    pieces, total = [data], len(data)
    while total <= limit:
        piece = handle.read(min(1 << 20, limit + 1 - total))
        if not piece:
            break
        pieces.append(piece)
        total += len(piece)
    return None if total > limit else b"".join(pieces)


def is_binary(handle: BinaryIO) -> bool:
    """Whether the file has a NUL byte in its first 8 KB (the handle is left at its start)."""
    handle.seek(0)
    found = b"\0" in handle.read(BINARY_SNIFF)
    handle.seek(0)
    return found


def binary_file(path: str) -> InputError:
    return InputError(said("binary file (a NUL byte in the first 8 KB)"), path=path)


def decode(data: bytes, path: str, first_byte: int = 0, first_line: int = 1) -> str:
    """UTF-8 text without its BOM; ``InputError`` names the line and byte of a bad byte.

    ``data`` may be a block of a file that starts at a line start: byte ``first_byte``,
    line ``first_line`` (the BOM is only looked for at the start of the file)."""
    skip = len(codecs.BOM_UTF8) if first_byte == 0 and data.startswith(codecs.BOM_UTF8) else 0
    try:
        return data[skip:].decode("utf-8")
    except UnicodeDecodeError as error:
        offset = skip + error.start
        line = first_line + data.count(b"\n", 0, offset)
        column = offset - (data.rfind(b"\n", 0, offset) + 1) + 1
        raise InputError(said(
            "invalid UTF-8: byte {byte} at byte offset {offset} (byte {column} of the line); "
            "the file must be UTF-8", byte=f"0x{data[offset]:02x}",
            offset=count(first_byte + offset), column=count(column)),
            path=path, line=line,
        ) from None


def count(number: int) -> Num:
    """A whole number as a piece of a message, every digit kept."""
    return Num(float(number), str(number), len(str(abs(number))))


def whole_text(handle: BinaryIO, size: int, path: str, max_size: int | None, *,
               empty: str = "empty file") -> str:
    """The text of a whole file of ``size`` bytes; ``InputError`` for a file over the cap
    ``max_size``, binary, not UTF-8, or blank (``empty`` says what was expected). Without a
    cap (a record archive read whole, which checks its records) ``size`` bytes are read."""
    if max_size is not None and size > max_size:
        raise over_cap(size, max_size, path)
    if is_binary(handle):
        raise binary_file(path)
    data = handle.read(size) if max_size is None else read_upto(handle, size, max_size)
    if data is None:
        raise InputError(f"grew past the input size cap of {max_size:,} bytes while being read "
                         "(--max-input-size)", path=path)
    text = decode(data, path)
    if not text.strip():
        raise InputError(said(empty), path=path)
    return text


def read_text_file(path: str, max_size: int = MAX_INPUT_SIZE, *, base: str = "",
                   empty: str = "empty file") -> str:
    """The text of the regular file ``path`` read whole (see ``whole_text``)."""
    try:
        with opened(path, base) as (handle, size):
            return whole_text(handle, size, path, max_size, empty=empty)
    except OSError as error:  # a read that fails after the open (EIO, a vanished mount)
        raise cannot_read(error, path) from None
