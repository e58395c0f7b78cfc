"""Cutting a file of one record per line into blocks that start and end at line starts.

Each block knows its first byte and line, so a record read from it is still named by the
file's own line. A line longer than the cap is in no block and is never held whole: it is
skipped a megabyte at a time and reported on its line, with its size.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import BinaryIO

from factcheck.documents.opening import over_cap
from factcheck.documents.reader import Block
from factcheck.errors import InputError

_SKIP = 1 << 20


def line_blocks(handle: BinaryIO, path: str, block: int, max_line: int
                ) -> Iterator[Block | InputError]:
    """Blocks of about ``block`` bytes (a block ends with the line it cuts), from the
    handle's position to the end of the file, and an error for each line (its newline not
    counted) over ``max_line`` bytes that ends a block (the lines inside a block are the
    reader's to check)."""
    start, line = handle.tell(), 1
    while chunk := handle.read(block):
        cut = chunk.rfind(b"\n") + 1
        partial = len(chunk) - cut  # the start of a line that goes on past the chunk
        rest = handle.readline(max(max_line - partial, 0) + 1) if partial else b""
        length = partial + len(rest) - rest.endswith(b"\n")
        if length <= max_line:
            data = chunk + rest
            yield Block(start, start + len(data), line)
            line += data.count(b"\n")
            start += len(data)
            continue
        if cut:
            yield Block(start, start + cut, line)
            line += chunk.count(b"\n", 0, cut)
        if not rest.endswith(b"\n"):
            length += _skip_line(handle)
        yield over_cap(length, max_line, path, what="line", line=line)
        line += 1
        start = handle.tell()


def _skip_line(handle: BinaryIO) -> int:
    """Bytes up to the end of the line (its newline not counted), read past, not kept."""
    skipped = 0
    while piece := handle.readline(_SKIP):
        if piece.endswith(b"\n"):
            return skipped + len(piece) - 1
        skipped += len(piece)
    return skipped
