"""Findings that quote their paragraph: where a line number does not show an editor where
to look, a finding's message ends with the number and the text of the paragraph its
figure is in, ``(paragraph 3: "... US$ 4 miliar (sekitar Rp 64 triliun) ...")``.

A document asks for it (``Document.cite_paragraph``) when its reader knows that lines do
not locate a paragraph: a word processor's draft (``.docx``, ``.odt``, whose line is the
paragraph's number, which the editor does not see), and an HTML page whose blocks share
lines (a Google Docs export is one line). A paragraph is a line of the document's text:
a draft's paragraph, a block of the page's visible text. A long paragraph is quoted
around the figure.
"""

from __future__ import annotations

from collections.abc import Sequence

from factcheck.analyse.context import DocumentContext
from factcheck.model import Figure, Finding

#: A paragraph longer than this is quoted around the figure, this many characters in all.
QUOTED = 160


def _anchored(finding: Finding, figures: dict[str, Figure]) -> Figure | None:
    """The figure a finding is at (its line and column), else its first figure."""
    involved = [figures[i] for i in finding.figures if i in figures]
    for figure in involved:
        if (figure.line, figure.column) == (finding.line, finding.column):
            return figure
    return involved[0] if involved else None


def quoted(text: str, start: int, end: int) -> str:
    """``text`` whole when short, else ``QUOTED`` characters around ``start``-``end`` with an
    ellipsis where it is cut."""
    text = text.replace("\t", " ")
    if len(text) <= QUOTED:
        return text
    room = max(0, QUOTED - (end - start)) // 2
    first = max(0, min(start - room, len(text) - QUOTED))
    last = min(len(text), first + max(QUOTED, end - start))
    return ("…" if first else "") + text[first:last].strip() + ("…" if last < len(text) else "")


def cite_paragraphs(ctx: DocumentContext, findings: Sequence[Finding]) -> list[Finding]:
    """``findings`` with their paragraph quoted when the document asks for it."""
    document = ctx.document
    if not document.cite_paragraph or not findings:
        return list(findings)
    figures = {figure.id: figure for figure in ctx.figures}
    text = document.text
    out = []
    for finding in findings:
        figure = _anchored(finding, figures)
        if figure is None:
            out.append(finding)
            continue
        start = text.rfind("\n", 0, figure.start) + 1
        stop = text.find("\n", figure.start)
        stop = len(text) if stop < 0 else stop
        number = text.count("\n", 0, start) + 1
        quote = quoted(text[start:stop], figure.start - start, figure.end - start)
        out.append(finding.model_copy(update={
            "message": f'{finding.message} (paragraph {number}: "{quote}")'}))
    return out
