"""The text a reader of a rendered Markdown page sees, with anchors back to the source.

markdown-it-py parses the body (CommonMark, with GitHub's tables and strikethrough). The
visible text keeps what a page shows and drops the markup around it, so that
``**US$ 5 miliar** (sekitar [Rp 81 triliun](https://...))`` reads as ``US$ 5 miliar
(sekitar Rp 81 triliun)``:

- emphasis, strong, strikethrough and link markers, link destinations and titles, images
  (their alt text is not shown), inline HTML tags and HTML comments are dropped;
  inline code and code blocks keep their text; backslash escapes and entities are decoded;
- each block (a paragraph, a heading, a list item, a table row, a code block, an HTML block
  read for its visible text) starts on a line of its own; a blank line of the source, a
  heading and a table row end a paragraph of the visible text (a blank line); list items
  start with "• "; the cells of a row are joined by " | "; where each heading starts is
  kept (``Document.headings``), for the reports to show it as a heading;
- every piece of text carries its source position: an ``Anchor`` where it does not follow
  from the text before it, so ``Document.position`` gives the line and column in the file.
"""

from __future__ import annotations

import html
import re
from bisect import bisect_right

from markdown_it import MarkdownIt
from markdown_it.token import Token

from factcheck.documents.fields import MAX_ANCHORS
from factcheck.documents.htmlpage import parse_html
from factcheck.documents.markdown_source import after_destination, skips_text
from factcheck.model import Anchor

_PARSER = MarkdownIt("commonmark", {"html": True}).enable(["table", "strikethrough"])
#: Line breaks as markdown-it counts them (its token lines); a file's lines are counted
#: at "\n" only, as everywhere else.
_BREAK = re.compile(r"\r\n?|\n")
#: What starts the first line of a block before its text: indentation, block quote signs,
#: a list marker, a heading's hashes.
_LINE_MARKUP = re.compile(r"[ \t>]*(?:(?:[-*+]|\d{1,9}[.)])[ \t]+)?(?:#{1,6}[ \t]+)?")
_ENTITY = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{0,31});")
#: Blocks that stand apart as a paragraph of their own in the visible text.
_APART = frozenset({"heading", "tr", "html", "code"})
BULLET = "• "
CELL = " | "


class _Builder:
    """Visible text and its anchors, written piece by piece with source offsets."""

    def __init__(self, source: str, first_line: int) -> None:
        self.source = source
        self.first_line = first_line
        self.line_starts = [0] + [m.end() for m in _BREAK.finditer(source)]
        self.file_lines = [0] + [m.end() for m in re.finditer("\n", source)]
        self.parts: list[str] = []
        self.anchors: list[Anchor] = []
        self.length = 0
        self.expect: int | None = None  # the source offset the next piece would continue
        self.headings: list[tuple[int, int]] = []  # (text offset, level) of each heading

    def position(self, offset: int) -> tuple[int, int]:
        """(file line, 1-based column) of a source offset."""
        index = bisect_right(self.file_lines, offset) - 1
        return self.first_line + index, offset - self.file_lines[index] + 1

    def text(self, piece: str, at: int | None, verbatim: bool = True) -> None:
        """``piece``, which starts at source offset ``at`` (None: synthetic, no position);
        ``verbatim`` when it is the source's own characters there."""
        if not piece:
            return
        if at is not None and at != self.expect and len(self.anchors) < MAX_ANCHORS:
            line, column = self.position(at)
            self.anchors.append(Anchor(offset=self.length, line=line, column=column))
        self.parts.append(piece)
        self.length += len(piece)
        self.expect = at + len(piece) if at is not None and verbatim else None

    def separate(self, newlines: int) -> None:
        """End the text so far with ``newlines`` line breaks (none at the very start)."""
        if self.length:
            self.text("\n" * newlines, None)

    def result(self) -> tuple[str, list[Anchor], list[tuple[int, int]]]:
        return "".join(self.parts), self.anchors, self.headings


def visible_text(body: str, first_line: int
                 ) -> tuple[str, list[Anchor], list[tuple[int, int]]]:
    """The visible text of a Markdown body that starts on ``first_line`` of its file, the
    anchors of its pieces and where its headings start (text offset, level)."""
    out = _Builder(body, first_line)
    last_line: int | None = None  # the source line after the previous block
    last_kind = ""
    in_item = cells = 0
    for token in _PARSER.parse(body):
        kind = _STARTS.get(token.type)
        if kind == "cell":
            if cells:
                out.text(CELL, None)
            cells += 1
            continue
        if kind == "block" and in_item:
            in_item = 0  # a list item's first paragraph is on the item's line
            last_line = token.map[1] if token.map else last_line
            continue
        if kind is not None and token.map is not None:
            blank = last_line is not None and token.map[0] > last_line
            apart = blank or kind in _APART or last_kind in _APART
            out.separate(2 if apart else 1)
            last_kind, last_line, cells = kind, token.map[1], 0
            in_item = kind == "item"
            if kind == "heading":
                out.headings.append((out.length, int(token.tag[1:])))
            elif kind == "item":
                out.text(BULLET, _first_char(body, _line_end(out, token.map[0])), False)
            elif kind == "code":
                _code_block(out, token)
            elif kind == "html":
                _html_block(out, token)
        elif token.type == "inline":
            _inline(out, token)
    return out.result()


#: Block tokens that start a block of the visible text, and its kind.
_STARTS = {"paragraph_open": "block", "heading_open": "heading", "list_item_open": "item",
           "tr_open": "tr", "th_open": "cell", "td_open": "cell", "fence": "code",
           "code_block": "code", "html_block": "html"}


def _first_char(source: str, start: int) -> int:
    """The first character of a line that is not blank or a block quote's ``>``."""
    index = start
    while index < len(source) and source[index] in " \t>":
        index += 1
    return index


def _code_block(out: _Builder, token: Token) -> None:
    """A code block's lines, each found on its source line (indentation dropped)."""
    assert token.map is not None
    line = token.map[0] + (token.type == "fence")
    for index, content in enumerate(token.content.rstrip("\n").split("\n")):
        if index:
            out.text("\n", None)
        start, stop = _line_end(out, line + index), _line_end(out, line + index + 1)
        at = out.source.find(content, start, stop) if content else -1
        out.text(content, at if at >= 0 else start, verbatim=at >= 0)


def _html_block(out: _Builder, token: Token) -> None:
    """The visible text of an HTML block, anchored to the file through the HTML parser's
    own anchors (each line found on its source line, a container's prefix skipped)."""
    assert token.map is not None
    parser = parse_html(token.content)
    raw = "".join(parser.parts)
    text = raw.strip()
    if not text:
        return
    lead = len(raw) - len(raw.lstrip())
    lines = token.content.split("\n")
    for anchor in parser.anchors:
        if len(out.anchors) >= MAX_ANCHORS or anchor.offset - lead >= len(text):
            break
        start = _line_end(out, token.map[0] + anchor.line - 1)
        stop = _line_end(out, token.map[0] + anchor.line)
        indent = max(0, out.source.find(lines[anchor.line - 1], start, stop) - start) \
            if anchor.line <= len(lines) else 0
        line, column = out.position(start + indent + anchor.column - 1)
        out.anchors.append(Anchor(offset=out.length + max(0, anchor.offset - lead), line=line,
                                  column=column))
    out.text(text, None)


def _line_end(out: _Builder, line: int) -> int:
    """The source offset where markdown-it's line ``line`` (0-based) starts."""
    return out.line_starts[line] if line < len(out.line_starts) else len(out.source)


def _inline(out: _Builder, token: Token) -> None:
    """The text of one inline block (a paragraph, a heading, a cell), child by child."""
    assert token.map is not None
    source = out.source
    cursor, limit = _line_end(out, token.map[0]), _line_end(out, token.map[1])
    markup = _LINE_MARKUP.match(source, cursor, limit)
    cursor = markup.end() if markup else cursor
    for child in token.children or ():
        kind = child.type
        if kind in ("text", "code_inline"):
            cursor = _aligned(out, child.content, cursor, limit)
        elif kind in ("softbreak", "hardbreak"):
            newline = _BREAK.search(source, cursor, limit)
            out.text("\n", None)
            cursor = newline.end() if newline else cursor
        elif kind == "link_close" and child.markup != "autolink":
            cursor = after_destination(source, cursor, limit)
        elif kind == "image":
            opening = source.find("![", cursor, limit)
            if opening >= 0:
                close = source.find("]", opening + 2, limit)
                cursor = after_destination(source, close if close >= 0 else opening, limit)
        elif kind == "html_inline":
            found = source.find(child.content, cursor, limit)
            cursor = found + len(child.content) if found >= 0 else cursor


def _aligned(out: _Builder, content: str, cursor: int, limit: int) -> int:
    """Write ``content`` (markup resolved) with the source offsets of its characters, found
    from ``cursor`` on: markup between them is skipped, escapes and entities decoded."""
    source = out.source
    found = source.find(content, cursor, limit)
    if found >= 0 and not skips_text(source, cursor, found):
        out.text(content, found)
        return found + len(content)
    i, j = 0, cursor
    while i < len(content) and j < limit:
        char = content[i]
        if source[j] == char:
            run = j
            while i < len(content) and j < limit and source[j] == content[i]:
                i, j = i + 1, j + 1
            out.text(source[run:j], run)
        elif char == " " and source[j] in "\r\n":  # a code span's line break
            out.text(char, j, verbatim=False)
            i, j = i + 1, j + 1 + source.startswith("\r\n", j)
        elif source[j] == "\\" and source.startswith(char, j + 1):
            out.text(char, j, verbatim=False)
            i, j = i + 1, j + 2
        elif source[j] == "&" and (entity := _ENTITY.match(source, j)) and \
                content.startswith(decoded := html.unescape(entity.group()), i):
            out.text(decoded, j, verbatim=False)
            i, j = i + len(decoded), entity.end()
        else:
            j += 1  # markup
    if i < len(content):  # not found as written: keep the text, placed at the cursor
        out.text(content[i:], min(j, limit), verbatim=False)
    return j
