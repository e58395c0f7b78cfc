"""Opening a Word or OpenDocument draft for a correction, by the suffix of its name."""

from __future__ import annotations

from pathlib import PurePath
from typing import BinaryIO, Protocol

from factcheck.documents import docx, odt
from factcheck.documents.office import Paragraph
from factcheck.errors import InputError
from factcheck.escaping import shorten


class Draft(Protocol):
    """An open draft: its paragraphs, whose pieces a correction rewrites, and ``save``,
    which writes the document with them."""

    paragraphs: list[Paragraph]

    def save(self, target: BinaryIO) -> None: ...


def open_draft(handle: BinaryIO, path: str, max_size: int) -> Draft:
    """The draft in ``handle``, by the suffix of ``path`` (.docx or .odt); ``InputError``
    when it cannot be read."""
    suffix = PurePath(path).suffix.lower()
    if suffix == ".docx":
        return docx.open_draft(handle, path, max_size)
    if suffix == ".odt":
        return odt.open_draft(handle, path, max_size)
    raise InputError(f"not a draft: {shorten(suffix) or '(no suffix)'} (expected .docx or "
                     ".odt)", path=path)
