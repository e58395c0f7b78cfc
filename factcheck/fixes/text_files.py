"""Edits applied to a text file (.txt, .md, .html): by line and column, in the file's own
characters, everything else kept byte for byte (a BOM, CRLF line ends, the front matter).

Lines and columns are those the readers give (``documents``): UTF-8 text without its BOM,
lines split at "\\n", columns in code points from 1. An edit whose span does not hold its
figure's text (the file changed since it was read) is not applied.
"""

from __future__ import annotations

import codecs
from collections.abc import Sequence
from dataclasses import dataclass

from factcheck.fixes.plan import Edit, RecordEdit


@dataclass(frozen=True)
class TextFix:
    """A text file's text before and after, its BOM, and the edits applied."""

    before: str
    after: str
    bom: bytes
    applied: tuple[Edit | RecordEdit, ...]

    def data(self) -> bytes:
        return self.bom + self.after.encode("utf-8")


def _line_starts(text: str) -> list[int]:
    starts = [0]
    index = text.find("\n")
    while index >= 0:
        starts.append(index + 1)
        index = text.find("\n", index + 1)
    return starts


def _offset(starts: list[int], text: str, line: int, column: int) -> int | None:
    if not 1 <= line <= len(starts) or column < 1:
        return None
    offset = starts[line - 1] + column - 1
    end = starts[line] - 1 if line < len(starts) else len(text)
    return offset if offset <= end else None


def fix_text(data: bytes, edits: Sequence[Edit]) -> TextFix:
    """``edits`` applied to a UTF-8 file's bytes (last first, so that the positions of
    the others hold)."""
    bom = codecs.BOM_UTF8 if data.startswith(codecs.BOM_UTF8) else b""
    text = data[len(bom):].decode("utf-8")
    starts = _line_starts(text)
    spans = []
    for edit in edits:
        start = _offset(starts, text, edit.line, edit.column)
        end = _offset(starts, text, edit.end_line, edit.end_column)
        if start is not None and end is not None and text[start:end] == edit.original:
            spans.append((start, end, edit))
    after = text
    for start, end, edit in sorted(spans, key=lambda s: s[0], reverse=True):
        after = after[:start] + edit.replacement + after[end:]
    return TextFix(text, after, bom,
                   tuple(edit for _, _, edit in sorted(spans, key=lambda s: s[0])))
