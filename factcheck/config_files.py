"""Reading a configuration file (a rule pack, a rate table, a baseline): opened as every
input is (:mod:`factcheck.documents.opening`), bounded in size, decoded strictly.

A configuration file is read whole before anything is checked, so it must be something
that ends: only a regular file is read (a named pipe would block the run, ``/dev/zero``
fill the memory), one larger than its limit is refused from its size before a byte is
read (and never read past the limit if it grows meanwhile), and text is UTF-8 (a BOM is
dropped; a bad byte is an error at its line). Every problem is a :class:`ConfigError`
naming the file: a bad configuration stops the run (exit 2), unlike a bad input.
"""

from __future__ import annotations

from pathlib import Path

from factcheck.documents.opening import decode, opened, read_upto
from factcheck.errors import ConfigError, InputError


def _mebibytes(size: int) -> str:
    return f"{size / 2**20:g} MB"


def read_config_text(path: Path | str, limit: int, what: str) -> str:
    """The text of the regular file ``path`` of at most ``limit`` bytes; ``what`` names it
    in errors ("rule pack")."""
    name = str(path)
    too_large = ConfigError(f"{what} larger than {_mebibytes(limit)}: refused", path=name)
    try:
        with opened(name) as (handle, size):
            if size > limit:
                raise too_large
            data = read_upto(handle, size, limit)
            if data is None:
                raise too_large
            return decode(data, name)
    except InputError as error:
        raise ConfigError(f"cannot read {what}: {error.message}", path=name,
                          line=error.line) from None
