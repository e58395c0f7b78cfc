"""HTML documents: the visible text, with anchors back to the file's lines and columns.

``<title>`` gives the title; ``<html lang>`` (else a language ``<meta>``) the language;
JSON-LD ``datePublished`` (``documents.htmlmeta``), else ``<meta
property="article:published_time">`` and similar, else a ``<time datetime>`` the
publication date. The text is the article's (``documents.htmlregions``: the main content,
not navigation, sidebars or related stories); script, style, noscript, template and head
content are dropped.

Positions are the file's lines and columns. A page with more blocks of text than lines (a
Google Docs export is one line; a minified page) has its findings quote their paragraph,
the block of visible text their figure is in (``engine.citing``), since its line number
shows nobody where to look.

The stdlib parser (Python 3.11) rescans to the end of the input for every ``<`` that
has no ``>`` after it, and stops parsing at a malformed ``&#``. Both are avoided while
keeping every offset: the part after the last ``>`` (which holds no markup) is handled
here, and the ``&`` of a malformed ``&#`` is swapped for an unused character and back;
a comment that is never closed is searched for once. One known slow case remains in the
3.11.7 parser: thousands of start tags with unbalanced quotes (CPython gh-135462).
"""

from __future__ import annotations

import html
import re
from datetime import date

from factcheck.documents.fields import build_document
from factcheck.documents.htmlparse import TextParser
from factcheck.documents.htmlregions import page_mode
from factcheck.documents.reader import WholeDocument
from factcheck.model import Document, Lang

_BAD_CHARREF = re.compile(r"&(?=#)(?!#(?:[0-9]+|[xX][0-9a-fA-F]+)[^0-9a-fA-F])")
_TAIL_PIECES = re.compile(
    r"&(?:#(?:[0-9]+|[xX][0-9a-fA-F]+)|[a-zA-Z][-.a-zA-Z0-9]*);?|[^&]+|&"
)


def _placeholder(raw: str) -> str | None:
    """A private-use character that does not occur in ``raw`` (None if every one does)."""
    for code in range(0xE000, 0xF900):
        if chr(code) not in raw:
            return chr(code)
    return None


def _advance(line: int, col0: int, text: str) -> tuple[int, int]:
    """The (line, 0-based column) just after ``text`` that starts at (line, col0)."""
    newlines = text.count("\n")
    if newlines:
        return line + newlines, len(text) - text.rfind("\n") - 1
    return line, col0 + len(text)


def parse_html(raw: str) -> TextParser:
    """Run the parser over ``raw``; its ``parts`` and ``anchors`` hold the text of the
    page's main content (``documents.htmlregions``), or of its body when the main content
    holds none."""
    mode = page_mode(raw)
    parser = _parse(raw, mode)
    return parser if mode == "body" or parser.region_chars else _parse(raw, "body")


def _parse(raw: str, mode: str) -> TextParser:
    amp = None
    if _BAD_CHARREF.search(raw):
        amp = _placeholder(raw)
        if amp is not None:
            raw = _BAD_CHARREF.sub(amp, raw)
    parser = TextParser(amp, mode)
    split = raw.rfind(">") + 1
    head, tail = raw[:split], raw[split:]
    parser.feed(head)
    parser.close()
    if tail and not parser.rawdata:
        line, col0 = _advance(1, 0, head)
        for match in _TAIL_PIECES.finditer(tail):
            piece = match.group()
            if piece.startswith("&") and len(piece) > 1:
                parser.reference_at(html.unescape(piece), line, col0)
            else:
                parser.text_at(piece, line, col0)
            line, col0 = _advance(line, col0, piece)
    return parser


def read_html(
    raw: str, path: str, *, lang: Lang | None = None, published: date | None = None
) -> Document:
    """An HTML document; ``lang``/``published`` arguments win over the page's metadata."""
    parser = parse_html(raw)
    text = "".join(parser.parts)
    if text.endswith(("\n", " ")):
        text = text[:-1]
    return build_document(
        path,
        text,
        lang=lang,
        published=published,
        meta_lang=parser.lang or parser.meta_lang,
        meta_published=parser.published,
        title=parser.title,
        anchors=parser.anchors,
        cite_paragraph=text.count("\n") > raw.count("\n"),
        headings=[(at, level) for at, level in parser.headings if at < len(text)],
    )


READER = WholeDocument("html", (".html", ".htm"), read_html)
