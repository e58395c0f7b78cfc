"""The exact edit a finding carries: where its figure ends in the file, and the text that
replaces the figure when the check's correction is certain.

A figure's span is the file's own characters only in the formats whose text is read as it
stands between anchors (plain text, Markdown, HTML, JSON Lines), or, in a word processor's
draft (.docx, .odt), its paragraph's characters (line the paragraph's number, column the
character in its text); a claims record's or a Parquet row's document is built from
fields, so its offsets are no file positions and its findings get no end position and no
edit. Within those formats a replacement is given only
when

- the check marks its suggestion as the anchored figure corrected (not a hint about which
  of several figures is wrong),
- the span holds no anchor (an HTML entity, a tag or a JSON escape inside the figure would
  make the file's characters differ from the text's),
- the replacement can be written into the file as it is (nothing HTML, JSON or Markdown
  would have to escape or would read as markup), and it changes something.

A claims record's figure has no span, but it is one field of its record written whole (the
value, or its equivalent: ``claims.records`` gives them the ids ``f1`` and ``f2``), so a
certain correction of it names that field (``record_field``), which ``factcheck fix``
rewrites in a YAML file.
"""

from __future__ import annotations

import html
import json
import re
from bisect import bisect_right
from collections.abc import Sequence
from functools import lru_cache
from pathlib import PurePath
from typing import TYPE_CHECKING

from factcheck.model import Anchor, Document, Figure, PositionMap

if TYPE_CHECKING:
    from factcheck.analyse.context import DocumentContext

#: Suffixes of the files whose document text is the file's own characters between anchors
#: (or, for a draft, its paragraphs' characters).
TEXT_SUFFIXES = frozenset({".txt", ".text", ".md", ".markdown", ".html", ".htm", ".jsonl",
                           ".docx", ".odt"})


#: Suffixes of claims files, whose records' documents are built from their fields.
CLAIMS_SUFFIXES = frozenset({".yaml", ".yml", ".json", ".csv"})
#: The field of a claims record each of its document's figures is read from, by the end of
#: the figure's id (``claims.records``: f1 the value, f2 its equivalent; f3, the stated
#: rate, is a number and no text to correct).
RECORD_FIELDS = {"1": "value", "2": "equivalent"}
_RECORD_FIGURE = re.compile(r"f(\d+)\Z")
#: Characters that are, or may start, Markdown markup.
_MARKDOWN_SIGNS = re.compile(r"[\\`*_\[\]<>&|#~!]")


def _suffix(document: Document) -> str:
    """The suffix of the file a document is read from (a JSON Lines record's path is
    ``file.jsonl#id``)."""
    return _path_suffix(document.path)


@lru_cache(maxsize=1024)
def _path_suffix(path: str) -> str:
    """``_suffix`` of a path, worked out once per path (every finding asks for it)."""
    return PurePath(path.partition("#")[0]).suffix.lower()


def has_positions(document: Document) -> bool:
    """Whether offsets into the document's text map to text positions in its file."""
    return _suffix(document) in TEXT_SUFFIXES


def figure_end(document: Document, figure: Figure, positions: PositionMap | None = None
               ) -> tuple[int, int] | None:
    """(line, column) just after the figure's last character, or None where the file has
    no text positions; ``positions`` is the document's map, when one is at hand (making
    one reads the whole text), whose ``end`` reads it from the figure's last character."""
    if not has_positions(document):
        return None
    return (positions or PositionMap(document)).end(figure.end)


def position_map(ctx: DocumentContext) -> PositionMap:
    """The position map of a context's document, an analysis made once per document
    (``ctx.analysis(position_map)``), however many findings ask for their end."""
    return PositionMap(ctx.document)


def _writable(text: str, suffix: str) -> bool:
    if suffix in (".html", ".htm"):
        return html.escape(text, quote=False) == text
    if suffix in (".md", ".markdown"):
        return _MARKDOWN_SIGNS.search(text) is None
    if suffix == ".jsonl":
        return json.dumps(text, ensure_ascii=False)[1:-1] == text
    return True


def replacement(document: Document, figure: Figure, suggestion: str | None) -> str | None:
    """``suggestion`` as the exact replacement of ``figure``'s span in its file, or None
    when it cannot be one (see the module's documentation)."""
    if suggestion is None or suggestion == figure.text or not has_positions(document):
        return None
    if document.text[figure.start:figure.end] != figure.text:
        return None
    if _anchor_inside(document.anchors, figure.start, figure.end):
        return None
    if not suggestion.strip() or not _writable(suggestion, _suffix(document)):
        return None
    return suggestion


def _anchor_inside(anchors: Sequence[Anchor], start: int, end: int) -> bool:
    """Whether an anchor (sorted by offset, as ``PositionMap`` reads them) falls strictly
    inside ``start``-``end``: found by bisection, as a document read from markup has one
    anchor per piece of text and an audit asks once per finding."""
    index = bisect_right(anchors, start, key=lambda anchor: anchor.offset)
    return index < len(anchors) and anchors[index].offset < end


def record_field(document: Document, figure: Figure, suggestion: str | None) -> str | None:
    """The claims record's field that ``suggestion`` replaces whole, or None (not a claims
    record's document, not a field written as text, nothing to change)."""
    if suggestion is None or suggestion == figure.text or not suggestion.strip():
        return None
    if _suffix(document) not in CLAIMS_SUFFIXES:
        return None
    found = _RECORD_FIGURE.search(figure.id)
    return RECORD_FIELDS.get(found.group(1)) if found else None
