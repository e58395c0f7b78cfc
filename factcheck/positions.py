"""Where a character offset of a document's text is in its source file: line and column.

A document's ``anchors`` say where offsets are known to map to a source line and column
(a Markdown or HTML page drops markup between them); between anchors, lines are counted
from the text's newlines.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from typing import Protocol


class Anchored(Protocol):
    """A point of the text whose source line and column are known (``model.Anchor``)."""

    @property
    def offset(self) -> int: ...
    @property
    def line(self) -> int: ...
    @property
    def column(self) -> int: ...


class Mapped(Protocol):
    """A text with its anchors (``model.Document``)."""

    @property
    def text(self) -> str: ...
    @property
    def anchors(self) -> Sequence[Anchored]: ...


class PositionMap:
    """Maps text offsets of one document to source (line, column) in O(log n) each."""

    def __init__(self, doc: Mapped) -> None:
        self._anchors = doc.anchors
        self._keys = [a.offset for a in doc.anchors]
        self._newlines = [m.start() for m in re.finditer("\n", doc.text)]

    def end(self, end: int) -> tuple[int, int]:
        """(line, column) just after the character before ``end``: the end of a span, found
        from its last character, as markup may follow it (a link's ``](https://...)``, a
        closing tag) and put the text's next character further on in the file."""
        line, column = self.position(max(end - 1, 0))
        return line, column + (end > 0)

    def position(self, offset: int) -> tuple[int, int]:
        anchor = self._anchors[max(0, bisect_right(self._keys, offset) - 1)]
        first = bisect_right(self._newlines, anchor.offset - 1)
        last = bisect_right(self._newlines, offset - 1)
        newlines = last - first
        if newlines == 0:
            return anchor.line, anchor.column + offset - anchor.offset
        return anchor.line + newlines, offset - self._newlines[last - 1]


_LAST_POSITIONS: tuple[Mapped, PositionMap] | None = None


def positions_of(doc: Mapped) -> PositionMap:
    """The map of ``doc``; the map of the last document asked about is kept, so that the
    findings of one document cost a search each, not a scan of its text."""
    global _LAST_POSITIONS
    last = _LAST_POSITIONS  # read once: another thread may replace it
    if last is None or last[0] is not doc:
        last = (doc, PositionMap(doc))
        _LAST_POSITIONS = last
    return last[1]
