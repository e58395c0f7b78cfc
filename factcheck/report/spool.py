"""Pieces of output made in one order and written in another: each piece is spooled (in
memory up to a few megabytes, then in a temporary file) with its sort key, and only the
keys are held, so that output sorted by document is written without holding every
document's figures until the end."""

from __future__ import annotations

import tempfile
from collections.abc import Iterator
from typing import IO

IN_MEMORY = 8 * 2**20


class SortedSpool:
    """Add ``(key, text)`` pieces; ``pieces()`` gives the texts by key, those of one key in
    the order they were added (a stable sort)."""

    def __init__(self) -> None:
        self._file: IO[bytes] = tempfile.SpooledTemporaryFile(  # noqa: SIM115 - closed by pieces()
            max_size=IN_MEMORY)
        self._index: list[tuple[str, int, int, int]] = []  # key, order, offset, length

    def add(self, key: str, text: str) -> None:
        data = text.encode("utf-8", "surrogatepass")
        self._index.append((key, len(self._index), self._file.tell(), len(data)))
        self._file.write(data)

    def pieces(self) -> Iterator[str]:
        """The texts in key order; the spool is closed when they have all been read."""
        with self._file:
            for _, _, offset, length in sorted(self._index):
                self._file.seek(offset)
                yield self._file.read(length).decode("utf-8", "surrogatepass")
