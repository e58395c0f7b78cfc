"""Edits applied to a Word or OpenDocument draft, inside the runs that hold the figure.

A draft's paragraphs are lists of pieces (``documents.office``): the text of a run (a
``w:t``, a text node of a span), which keeps its formatting when rewritten, and marks (a
tab, a break, spaces) that may not be. An edit is turned into the smallest changes of
characters (``difflib``: "Rp 64 triliun" -> "Rp 65 triliun" changes the "4" alone), each
made in the run that holds those characters; a change that spans several runs is written
into the first and removed from the others, and an insertion joins the run before it.
So a bold figure stays bold, and a figure whose digits sit in two runs keeps both runs'
formatting for the characters that stay. An edit that would have to rewrite a mark, or
whose span does not hold its figure's text, is not applied; a paragraph is changed only
when all its edits can be made.
"""

from __future__ import annotations

from collections.abc import Sequence
from difflib import SequenceMatcher

from factcheck.documents.office import Paragraph, paragraph_text
from factcheck.fixes.plan import Edit


def _bounds(texts: list[str]) -> list[tuple[int, int]]:
    out, start = [], 0
    for text in texts:
        out.append((start, start + len(text)))
        start += len(text)
    return out


def _splice(texts: list[str], editable: list[bool], start: int, end: int, insert: str
            ) -> bool:
    """Replace characters ``start``-``end`` of the joined ``texts`` with ``insert``, in the
    pieces that hold them; False when a read-only piece would change."""
    bounds = _bounds(texts)
    if start == end:
        before = [i for i, (a, b) in enumerate(bounds) if a < start <= b and editable[i]]
        after = [i for i, (a, b) in enumerate(bounds) if a <= start < b and editable[i]]
        if not before and not after:
            return False
        chosen = (before or after)[0]
        a = bounds[chosen][0]
        texts[chosen] = texts[chosen][:start - a] + insert + texts[chosen][start - a:]
        return True
    touched = [i for i, (a, b) in enumerate(bounds) if a < end and start < b]
    if not touched or not all(editable[i] for i in touched):
        return False
    for n, i in enumerate(touched):
        a = bounds[i][0]
        head, tail = texts[i][:max(0, start - a)], texts[i][max(0, end - a):]
        texts[i] = head + (insert if n == 0 else "") + tail
    return True


def _edit_paragraph(pieces: Paragraph, edits: Sequence[tuple[int, int, str]]) -> bool:
    """Apply ``(start, end, replacement)`` edits (columns from 0, not overlapping) to a
    paragraph's pieces; all or none."""
    texts = [piece.text for piece in pieces]
    editable = [piece.write is not None for piece in pieces]
    for start, end, replacement in sorted(edits, reverse=True):
        old = "".join(texts)[start:end]
        matcher = SequenceMatcher(None, old, replacement, autojunk=False)
        for tag, i1, i2, j1, j2 in reversed(matcher.get_opcodes()):
            if tag != "equal" and not _splice(texts, editable, start + i1, start + i2,
                                              replacement[j1:j2]):
                return False
    for piece, text in zip(pieces, texts, strict=True):
        if text != piece.text and piece.write is not None:
            piece.write(text)
            piece.text = text
    return True


def fix_paragraphs(paragraphs: Sequence[Paragraph], edits: Sequence[Edit]
                   ) -> tuple[Edit, ...]:
    """Apply ``edits`` (line: the paragraph's number) to a draft's pieces in place; the
    edits applied."""
    by_paragraph: dict[int, list[Edit]] = {}
    for edit in edits:
        if edit.line == edit.end_line and 1 <= edit.line <= len(paragraphs):
            by_paragraph.setdefault(edit.line, []).append(edit)
    applied: list[Edit] = []
    for number, wanted in sorted(by_paragraph.items()):
        pieces = paragraphs[number - 1]
        text = paragraph_text(pieces)
        fitting = [e for e in wanted
                   if text[e.column - 1:e.end_column - 1] == e.original
                   and e.end_column - 1 <= len(text)]
        spans = [(e.column - 1, e.end_column - 1, e.replacement) for e in fitting]
        if spans and _edit_paragraph(pieces, spans):
            applied.extend(fitting)
    return tuple(applied)


def paragraph_texts(paragraphs: Sequence[Paragraph]) -> str:
    """A draft's paragraphs as text, one a line (what ``fix --diff`` compares)."""
    return "".join(paragraph_text(p) + "\n" for p in paragraphs)
