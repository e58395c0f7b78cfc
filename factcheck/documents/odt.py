"""OpenDocument drafts (``.odt``, read with odfpy from the ``office`` extra).

The paragraphs and headings of the body (``text:p``, ``text:h``) are read in document
order (those of tables, lists, frames and notes too; comments and the deleted text kept
for tracked changes are not), each one line of the document's text
(``documents.office``). A paragraph's text is that of its text nodes, through spans,
links and fields: a text node is a piece a correction may rewrite (its span keeps its
style), a run of spaces (``text:s``), a tab or a line break a character it may not. A
note's citation and body are not text of the paragraph it is in (its body's paragraphs
are read as paragraphs of their own). The title and the language come from the
document's metadata; a draft has no publication date of its own (``--published``).
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

_TEXT = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
_OFFICE = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
_DC = "http://purl.org/dc/elements/1.1/"
_PARAGRAPHS = frozenset({(_TEXT, "p"), (_TEXT, "h")})
#: Elements whose paragraphs are no text of the draft.
_NOT_TEXT = frozenset({(_OFFICE, "annotation"), (_OFFICE, "annotation-end"),
                       (_TEXT, "tracked-changes")})
#: Inline elements that are no text of the paragraph they sit in.
_NOT_INLINE = _PARAGRAPHS | _NOT_TEXT | {(_TEXT, "note"), (_TEXT, "list")}
_MARKS = {(_TEXT, "tab"): "\t", (_TEXT, "line-break"): "\n"}
_ELEMENT, _TEXT_NODE = 1, 3


def _writer(node: Any) -> Callable[[str], None]:
    def write(text: str) -> None:
        node.data = text
    return write


def _spaces(element: Any) -> str:
    try:
        count = int(element.getAttrNS(_TEXT, "c") or 1)
    except ValueError:
        count = 1
    return " " * max(1, min(count, 10_000))


def _inline(element: Any, pieces: Paragraph) -> None:
    for child in element.childNodes:
        if child.nodeType == _TEXT_NODE:
            pieces.append(Piece(child.data, _writer(child)))
        elif child.nodeType != _ELEMENT or child.qname in _NOT_INLINE:
            continue
        elif child.qname == (_TEXT, "s"):
            pieces.append(Piece(_spaces(child)))
        elif child.qname in _MARKS:
            pieces.append(Piece(_MARKS[child.qname]))
        elif child.qname[0] == _TEXT:  # spans, links, fields, bookmarks
            _inline(child, pieces)


def _collect(element: Any, found: list[Paragraph]) -> None:
    for child in element.childNodes:
        if child.nodeType != _ELEMENT or child.qname in _NOT_TEXT:
            continue
        if child.qname in _PARAGRAPHS:
            pieces: Paragraph = []
            _inline(child, pieces)
            found.append(pieces)
        _collect(child, found)


def paragraphs_of(body: Any) -> list[Paragraph]:
    """Every paragraph and heading under ``body``, in document order, as its pieces."""
    found: list[Paragraph] = []
    _collect(body, found)
    return found


@dataclass
class OpenDocumentDraft:
    """An open OpenDocument text and its paragraphs; ``save`` writes it, pieces rewritten."""

    document: Any
    paragraphs: list[Paragraph]

    def save(self, target: BinaryIO) -> None:
        self.document.save(target)

    def metadata(self, name: str) -> str | None:
        """A Dublin Core field of the document's metadata (``title``, ``language``)."""
        for child in self.document.meta.childNodes:
            if child.nodeType == _ELEMENT and child.qname == (_DC, name):
                text = "".join(str(node.data) for node in child.childNodes
                               if node.nodeType == _TEXT_NODE).strip()
                return text or None
        return None


def open_draft(handle: BinaryIO, path: str, max_size: int) -> OpenDocumentDraft:
    """The draft in ``handle``; ``InputError`` when odfpy is missing or the file is no
    OpenDocument text."""
    try:
        from odf.opendocument import load
    except ImportError:
        raise missing_library("odfpy", ".odt", path) from None
    checked_zip(handle, path, max_size, "OpenDocument")
    try:
        document = load(handle)
    except Exception as error:  # a zip that is no OpenDocument: odfpy's own errors
        raise InputError(f"not a readable OpenDocument text: {type(error).__name__}: "
                         f"{shorten(str(error))}", path=path) from None
    kind = str(document.mimetype or "")
    if not kind.startswith("application/vnd.oasis.opendocument.text"):
        raise InputError(f"not an OpenDocument text (its type is {shorten(kind)})", path=path)
    return OpenDocumentDraft(document, paragraphs_of(document.text))


class OdtReader(BytesReader):
    """``.odt``: one document, read whole; the cap bounds the file and what it unpacks to."""

    name = "odt"
    suffixes = (".odt",)

    def read(self, handle: BinaryIO, path: str, block: Block, options: ReadOptions,
             ids: dict[str, int] | None) -> Read:
        draft = open_draft(handle, path, options.max_size)
        document = draft_document(
            path, draft.paragraphs, lang=options.lang, published=options.published,
            meta_lang=lang_or_none(draft.metadata("language")), title=draft.metadata("title"))
        return [document], []


READER = OdtReader()
