"""Validation of metadata fields shared by every reader, and the precedence rule.

Explicit arguments (the CLI's ``--lang`` and ``--published``) win over a file's own
metadata, which wins over language detection; ``published`` has no fallback.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date, datetime
from email.utils import parsedate_to_datetime
from typing import Literal

from factcheck.documents.language import detect_language
from factcheck.escaping import excerpt
from factcheck.lang.loader import language
from factcheck.model import LANGS, Anchor, Document, Lang

#: Past this many anchors in one document a pathological input gets no more, and its
#: positions after that point are approximate (``Document.position`` is linear in them).
MAX_ANCHORS = 100_000
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
# Each language's code (ISO 639-1) and its other tags (language.yaml: deprecated and ISO
# 639-2 codes).
_LANG_ALIASES: dict[str, Lang] = {
    **{tag: code for code in LANGS for tag in language(code).about.tags},
    **{code: code for code in LANGS},
}


def parse_date(value: object) -> date:
    """A date from a date, a datetime or a string ``YYYY-MM-DD[THH:MM...]``.

    A datetime keeps the calendar date it was written with (no time-zone conversion).
    Raises ``ValueError`` for anything else.
    """
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if not isinstance(value, str):
        raise ValueError(f"expected a date YYYY-MM-DD, got {type(value).__name__}")
    text = value.strip()
    if not _DATE.match(text):
        raise ValueError(f"expected a date YYYY-MM-DD, got {excerpt(value)}")
    try:
        if len(text) == 10:
            return date.fromisoformat(text)
        return datetime.fromisoformat(text.replace("z", "Z")).date()
    except ValueError:
        raise ValueError(f"not a valid date: {excerpt(value)}") from None


def parse_lang(value: object) -> Lang:
    """One of :data:`LANGS` from a language tag such as ``fr`` or ``id-ID``.

    Raises ``ValueError`` for any other language.
    """
    if isinstance(value, str):
        primary = re.split(r"[-_]", value.strip().lower(), maxsplit=1)[0]
        lang = _LANG_ALIASES.get(primary)
        if lang is not None:
            return lang
    raise ValueError(f"unsupported language {excerpt(value)} (expected one of: "
                     f"{', '.join(LANGS)})")


def date_or_none(value: str) -> date | None:
    """A date from ISO 8601 or RFC 2822 text (as web pages write them), or None."""
    try:
        return parse_date(value)
    except ValueError:
        pass
    try:
        return parse_date(parsedate_to_datetime(value))
    except (TypeError, ValueError, IndexError):
        return None


def lang_or_none(value: str | None) -> Lang | None:
    """``parse_lang`` for metadata that may be absent or name another language."""
    try:
        return parse_lang(value) if value else None
    except ValueError:
        return None


def build_document(
    path: str,
    text: str,
    *,
    lang: Lang | None,
    published: date | None,
    meta_lang: Lang | None = None,
    meta_published: date | None = None,
    title: str | None = None,
    source: str | None = None,
    anchors: Sequence[Anchor] = (),
    line_unit: Literal["line", "paragraph"] = "line",
    cite_paragraph: bool = False,
    headings: Sequence[tuple[int, int]] = (),
) -> Document:
    """A ``Document``, applying the precedence: argument, then metadata, then detection
    (``line_unit``, ``cite_paragraph``, ``headings``: see ``model.Document``)."""
    return Document(
        path=path,
        text=text,
        lang=lang or meta_lang or detect_language(text),
        published=published if published is not None else meta_published,
        title=title,
        source=source,
        anchors=tuple(anchors) or (Anchor(offset=0, line=1, column=1),),
        line_unit=line_unit,
        cite_paragraph=cite_paragraph,
        headings=tuple(headings),
    )
