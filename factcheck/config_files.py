"""Reading a configuration file (a rule pack, a rate table): a regular file, bounded in
size, decoded strictly.

A configuration file is read whole before anything is checked, so it must be something
that ends: a named pipe would block the run, ``/dev/zero`` would fill the memory. The path
is opened without blocking (``O_NONBLOCK``) and the open file itself checked, so nothing
swapped in between the check and the read is ever read; then at most ``limit`` bytes
are read, and one more byte means the file is refused, not cut. Bytes that are not UTF-8
are an error naming the line and column of the first bad one. Every problem is a
:class:`ConfigError` naming the file.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from factcheck.errors import ConfigError

_OPEN_FLAGS = (os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
               | getattr(os, "O_BINARY", 0))
_KINDS = ((stat.S_ISDIR, "a directory"), (stat.S_ISFIFO, "a named pipe"),
          (stat.S_ISCHR, "a character device"), (stat.S_ISBLK, "a block device"),
          (stat.S_ISSOCK, "a socket"))


def _mebibytes(size: int) -> str:
    return f"{size / 2**20:g} MB"


def read_config_bytes(path: Path | str, limit: int, what: str) -> bytes:
    """The bytes of the regular file ``path``; ``what`` names it in errors ("rule pack")."""
    name = str(path)
    try:
        fd = os.open(path, _OPEN_FLAGS)
    except OSError as error:
        raise ConfigError(f"cannot read {what}: {error.strerror or error}", path=name) from None
    try:
        mode = os.fstat(fd).st_mode
        if not stat.S_ISREG(mode):
            kind = next((k for test, k in _KINDS if test(mode)), "not a file")
            raise ConfigError(f"cannot read {what}: not a regular file ({kind})", path=name)
        chunks, size = [], 0
        while size <= limit and (chunk := os.read(fd, min(1 << 20, limit + 1 - size))):
            chunks.append(chunk)
            size += len(chunk)
    except OSError as error:
        raise ConfigError(f"cannot read {what}: {error.strerror or error}", path=name) from None
    finally:
        os.close(fd)
    if size > limit:
        raise ConfigError(f"{what} larger than {_mebibytes(limit)}: refused", path=name)
    return b"".join(chunks)


def decode_config(data: bytes, path: Path | str, what: str, encoding: str = "utf-8") -> str:
    """``data`` as text; a byte that is not ``encoding`` is an error at its line."""
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        column = error.start - (data.rfind(b"\n", 0, error.start) + 1) + 1
        raise ConfigError(f"{what} is not UTF-8: byte 0x{data[error.start]:02x} at column "
                          f"{column}", path=str(path), line=line) from None


def read_config_text(path: Path | str, limit: int, what: str,
                     encoding: str = "utf-8") -> str:
    """The text of the regular file ``path`` (see the module's docstring)."""
    return decode_config(read_config_bytes(path, limit, what), path, what, encoding)
