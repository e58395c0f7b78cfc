"""Plain text: the text is the file, offset 0 is line 1, column 1."""

from __future__ import annotations

from datetime import date

from factcheck.documents.fields import build_document
from factcheck.documents.reader import WholeDocument
from factcheck.model import Document, Lang


def read_text(
    raw: str, path: str, *, lang: Lang | None = None, published: date | None = None
) -> Document:
    """A plain-text document; the language is detected unless ``lang`` is given."""
    return build_document(path, raw, lang=lang, published=published)


READER = WholeDocument("text", (".txt", ".text"), read_text)
