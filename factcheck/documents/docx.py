"""Word drafts (``.docx``, read with python-docx from the ``office`` extra).

The paragraphs of the body are read in document order (those of tables and text boxes
too; headers, footers, footnotes and comments are not), each one line of the document's
text (``documents.office``). A paragraph's text is that of its runs, hyperlinks, fields'
results and tracked insertions included, deleted text not: a ``w:t`` is a piece a
correction may rewrite (the run keeps its formatting), a tab, a break or a non-breaking
hyphen a character it may not. The title and the language come from the document's
properties; a draft has no publication date of its own (``--published`` gives one).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, BinaryIO

from factcheck.documents.fields import lang_or_none
from factcheck.documents.office import (
    Paragraph,
    Piece,
    checked_zip,
    draft_document,
    missing_library,
)
from factcheck.documents.reader import Block, BytesReader, Read, ReadOptions
from factcheck.errors import InputError
from factcheck.escaping import shorten

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
_XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
#: Run content read as one character each, and what it reads as.
_MARKS = {f"{_W}tab": "\t", f"{_W}ptab": "\t", f"{_W}cr": "\n", f"{_W}noBreakHyphen": "-"}
#: Containers whose runs are no text of the draft: deleted and moved-away text, and the
#: fallback copy of a text box that Word writes beside the box itself.
_NOT_TEXT = frozenset({f"{_W}del", f"{_W}moveFrom", _FALLBACK})


def _writer(element: Any) -> Callable[[str], None]:
    def write(text: str) -> None:
        element.text = text
        if text != text.strip():
            element.set(_XML_SPACE, "preserve")
    return write


def _owned(element: Any, paragraph: Any) -> bool:
    """Whether ``element`` is text of ``paragraph`` itself: not of a paragraph nested in
    it (a text box) nor in a container that is no text."""
    for ancestor in element.iterancestors():
        if ancestor.tag in _NOT_TEXT:
            return False
        if ancestor.tag == f"{_W}p":
            return ancestor is paragraph
    return False


def _pieces(paragraph: Any) -> Paragraph:
    pieces: Paragraph = []
    for run in paragraph.iter(f"{_W}r"):
        if not _owned(run, paragraph):
            continue
        for child in run:
            if child.tag == f"{_W}t":
                pieces.append(Piece(child.text or "", _writer(child)))
            elif child.tag in _MARKS:
                pieces.append(Piece(_MARKS[child.tag]))
            elif child.tag == f"{_W}br":
                pieces.append(Piece("\n"))
    return pieces


def paragraphs_of(body: Any) -> list[Paragraph]:
    """Every paragraph of a document's body, in document order, as its pieces."""
    return [_pieces(p) for p in body.iter(f"{_W}p")
            if not any(a.tag in _NOT_TEXT for a in p.iterancestors())]


@dataclass
class WordDraft:
    """An open Word document and its paragraphs; ``save`` writes it, pieces rewritten."""

    document: Any
    paragraphs: list[Paragraph]

    def save(self, target: BinaryIO) -> None:
        self.document.save(target)


def open_draft(handle: BinaryIO, path: str, max_size: int) -> WordDraft:
    """The draft in ``handle``; ``InputError`` when python-docx is missing or the file is
    no Word document."""
    try:
        import docx
    except ImportError:
        raise missing_library("python-docx", ".docx", path) from None
    checked_zip(handle, path, max_size, "Word")
    try:
        document = docx.Document(handle)
    except Exception as error:  # a zip that is no Word document: python-docx's own errors
        raise InputError(f"not a readable Word document: {type(error).__name__}: "
                         f"{shorten(str(error))}",
                         path=path) from None
    return WordDraft(document, paragraphs_of(document.element.body))


class DocxReader(BytesReader):
    """``.docx``: one document, read whole; the cap bounds the file and what it unpacks to."""

    name = "docx"
    suffixes = (".docx",)

    def read(self, handle: BinaryIO, path: str, block: Block, options: ReadOptions,
             ids: dict[str, int] | None) -> Read:
        draft = open_draft(handle, path, options.max_size)
        properties = draft.document.core_properties
        document = draft_document(
            path, draft.paragraphs, lang=options.lang, published=options.published,
            meta_lang=lang_or_none(properties.language), title=properties.title or None)
        return [document], []


READER = DocxReader()
