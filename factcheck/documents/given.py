"""Inputs given as bytes rather than named by a path: standard input (``-``).

A ``GivenInput`` is read like a file of its name: its suffix chooses the reader (a draft
piped in is named ``--stdin-filename draft.docx``), the findings name it, and the size
cap bounds it; without a name it is plain text named ``<stdin>``. It is read once, whole,
before anything else, so it can be audited by any engine.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from factcheck.documents.opening import MAX_INPUT_SIZE
from factcheck.errors import InputError

#: The argument that names standard input.
STDIN = "-"
#: The name standard input is reported as when ``--stdin-filename`` gives none.
STDIN_NAME = "<stdin>"


@dataclass(frozen=True)
class GivenInput:
    """An input's ``name`` (its suffix is its format; findings name it) and its bytes, or
    the ``error`` that kept them from being read (reported as any unreadable input is)."""

    name: str
    data: bytes
    error: InputError | None = None

    def __str__(self) -> str:
        return self.name


def read_stdin(name: str | None = None, max_size: int = MAX_INPUT_SIZE,
               stream: BinaryIO | None = None) -> GivenInput:
    """Standard input (or ``stream``) read whole as the input ``name``. More than
    ``max_size`` bytes (never more than that is read), or a failed read, is its
    ``error``."""
    source = stream if stream is not None else sys.stdin.buffer
    shown = name or STDIN_NAME
    try:
        data = source.read(max_size + 1)
    except OSError as error:
        return GivenInput(shown, b"", InputError(
            f"cannot read standard input: {error.strerror or error}", path=shown))
    if len(data) > max_size:
        return GivenInput(shown, b"", InputError(
            f"standard input holds more than the input size cap of {max_size:,} bytes "
            "(--max-input-size)", path=shown))
    return GivenInput(shown, data)


def with_stdin(paths: Sequence[Path | str], name: str | None = None,
               max_size: int = MAX_INPUT_SIZE, stream: BinaryIO | None = None
               ) -> list[Path | str | GivenInput]:
    """``paths`` with ``-`` standing for standard input, read once (see ``read_stdin``);
    with no paths and a ``name``, standard input alone."""
    if not paths and name is not None:
        return [read_stdin(name, max_size, stream)]
    given: GivenInput | None = None
    out: list[Path | str | GivenInput] = []
    for path in paths:
        if str(path) != STDIN:
            out.append(path)
        elif given is None:
            given = read_stdin(name, max_size, stream)
            out.append(given)
    return out
