"""What the word-processor readers share (``documents.docx``, ``documents.odt``): the zip
they are opened from, the paragraphs they are read as, and the message when the library
that reads them is not installed.

A draft is read as its paragraphs, in document order, each one line of the document's
text: a position's ``line`` is the paragraph's number (every paragraph of the body
counted, empty ones and those of tables and text boxes too) and its ``column`` the
character within the paragraph's text. A paragraph is a list of ``Piece``: the text of
one stretch of a run (Word's ``w:t``, an OpenDocument text node), which a correction may
rewrite in place (so the run keeps its formatting), or a character that stands for markup
(a tab, a line break, a run of spaces), which it may not. A line break inside a paragraph
reads as one space, so that a paragraph stays one line.

Both formats are zip files: one whose content would unpack to more than the size cap is
refused before it is unpacked (a zip bomb), and one that is no zip is an ``InputError``.
The libraries come with the ``office`` extra; without it a draft is an ``InputError``
saying what to install, never skipped.
"""

from __future__ import annotations

import zipfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import BinaryIO

from factcheck.documents.fields import build_document
from factcheck.errors import InputError
from factcheck.model import Document, Lang

#: What installing the readers of drafts takes.
INSTALL_HINT = "pip install 'factcheck[office]'"


@dataclass
class Piece:
    """A stretch of a paragraph's text: ``write`` rewrites it in the file (None: it stands
    for markup, a tab or a break, and is read-only)."""

    text: str
    write: Callable[[str], None] | None = None


Paragraph = list[Piece]


def paragraph_text(pieces: Sequence[Piece]) -> str:
    """The text a paragraph is read as: its pieces, a line break in one read as a space
    (one character for one, so that columns stay the pieces' own)."""
    return "".join(piece.text for piece in pieces).replace("\r", " ").replace("\n", " ")


def missing_library(module: str, suffix: str, path: str) -> InputError:
    """The error of a draft whose reading library (``module``) is not installed."""
    return InputError(f"reading {suffix} files needs {module}, which is not installed: "
                      f"{INSTALL_HINT}", path=path)


def checked_zip(handle: BinaryIO, path: str, max_size: int, what: str) -> None:
    """Refuse a file that is no zip, or whose members would unpack to more than
    ``max_size`` bytes; the handle is left at its start."""
    handle.seek(0)
    try:
        with zipfile.ZipFile(handle) as archive:
            unpacked = sum(member.file_size for member in archive.infolist())
    except (zipfile.BadZipFile, EOFError, ValueError) as error:
        raise InputError(f"not a {what} file (not a zip archive: {error})", path=path
                         ) from None
    if unpacked > max_size:
        raise InputError(f"{what} file unpacks to {unpacked:,} bytes, over the input size "
                         f"cap of {max_size:,} bytes (--max-input-size)", path=path)
    handle.seek(0)


def draft_document(path: str, paragraphs: Sequence[Paragraph], *, lang: Lang | None,
                   published: date | None, meta_lang: Lang | None, title: str | None
                   ) -> Document:
    """A draft's paragraphs as a document: one line each, findings quoting their
    paragraph."""
    text = "\n".join(paragraph_text(p) for p in paragraphs)
    if not text.strip():
        raise InputError("empty document: no text in its paragraphs", path=path)
    return build_document(path, text, lang=lang, published=published, meta_lang=meta_lang,
                          title=title, line_unit="paragraph", cite_paragraph=True)

