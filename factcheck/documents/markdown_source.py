"""Positions in a Markdown source that markdown-it's tokens do not give: where a link's
destination and title end, and whether the source between two pieces of visible text holds
more than markup."""

from __future__ import annotations

from markdown_it.helpers import parseLinkDestination, parseLinkTitle


def skips_text(source: str, start: int, stop: int) -> bool:
    """Whether the source between two pieces holds more than markup (letters or digits
    that a plain ``find`` would have skipped)."""
    return any(ch.isalnum() for ch in source[start:stop])


def after_destination(source: str, cursor: int, limit: int) -> int:
    """The offset after a link's ``](destination "title")``, ``][label]`` or ``]``."""
    close = source.find("]", cursor, limit)
    if close < 0:
        return cursor
    pos = close + 1
    if source.startswith("(", pos):
        pos = _skip_blank(source, pos + 1, limit)
        destination = parseLinkDestination(source, pos, limit)
        if destination.ok:
            pos = _skip_blank(source, destination.pos, limit)
        if pos < limit and source[pos] in "\"'(":
            title = parseLinkTitle(source, pos, limit)
            if title.ok:
                pos = _skip_blank(source, title.pos, limit)
        return pos + 1 if source.startswith(")", pos) else close + 1
    if source.startswith("[", pos):
        end = source.find("]", pos, limit)
        return end + 1 if end >= 0 else pos
    return pos


def _skip_blank(source: str, pos: int, limit: int) -> int:
    while pos < limit and source[pos] in " \t\n":
        pos += 1
    return pos
