"""Markdown with optional YAML front matter.

The front matter sits between a first line ``---`` and the next line ``---``. Its keys
``title``, ``source``, ``published`` and ``lang`` are read; other keys are valid and
ignored. The document's text is the visible text of the body after the front matter
(``documents.markdown_text``: the markup dropped, each piece anchored to its line and
column in the file).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

import yaml

from factcheck.documents.fields import build_document, parse_date, parse_lang
from factcheck.documents.reader import WholeDocument
from factcheck.errors import InputError
from factcheck.escaping import shorten
from factcheck.model import Anchor, Document, Lang
from factcheck.yamlsafe import BoundedLoader, YamlLimitError

_FENCE = "---"
#: Markup that plain text does not hold: an ATX heading, an inline link or image, strong
#: emphasis, a code fence. A pasted draft that holds it is read as Markdown.
_MARKUP = re.compile(r"^#{1,6}[ \t]+\S|!?\[[^\]\n]+\]\([^)\s]+(?:[ \t]+\"[^\"\n]*\")?\)"
                     r"|\*\*\S[^*\n]*\*\*|(?<!\w)__\S[^_\n]*__(?!\w)|^(?:```|~~~)", re.MULTILINE)


def looks_like_markdown(text: str) -> bool:
    """Whether a text without a name (a pasted draft) is written in Markdown: whether it
    holds markup that plain text does not (``**US$ 5 miliar**``, ``[Rp 81 triliun](...)``,
    a ``#`` heading, a code fence)."""
    return _MARKUP.search(text) is not None


@dataclass
class FrontMatter:
    """The front-matter keys a document uses; any other key is valid and ignored."""

    title: str | None = None
    source: str | None = None
    published: date | None = None
    lang: Lang | None = None


def split_front_matter(raw: str, path: str) -> tuple[str | None, int, int]:
    """(front matter or None, offset of the body, 1-based line of the body).

    Scans only the front matter's lines, so a large body costs nothing here.
    """
    first_end = raw.find("\n")
    first = raw if first_end < 0 else raw[:first_end]
    if first.rstrip() != _FENCE or first_end < 0:
        return None, 0, 1
    start = pos = first_end + 1
    line = 2
    while pos < len(raw):
        end = raw.find("\n", pos)
        stop = len(raw) if end < 0 else end
        if raw[pos:stop].rstrip() == _FENCE:
            body = len(raw) if end < 0 else end + 1
            return raw[start:pos], body, line + 1
        pos, line = stop + 1, line + 1
    raise InputError("front matter has no closing '---' line", path=path, line=1,
                     field="front matter")


def _scalar(node: yaml.Node, path: str, line: int, key: str) -> str | None:
    """A string field: the scalar as written (``title: 1984`` stays "1984"), or None."""
    if not isinstance(node, yaml.ScalarNode):
        raise InputError("must be a string", path=path, line=line, field=key)
    if node.tag == "tag:yaml.org,2002:null":
        return None
    return str(node.value)


def _value(loader: BoundedLoader, node: yaml.Node) -> object:
    """The value of a node; a timestamp YAML cannot build (2024-02-30) stays text."""
    try:
        return loader.construct_document(node)
    except ValueError:
        return str(node.value)


def parse_front_matter(text: str, path: str) -> FrontMatter:
    """The known keys of a front matter, validated.

    ``InputError`` names the file line of the offending key (the front matter starts
    on line 2) and the field.
    """
    loader = BoundedLoader(text)
    loader.line_offset = 1  # the front matter starts on the file's second line
    try:
        node = loader.get_single_node()
        meta = FrontMatter()
        if node is None:
            return meta
        if not isinstance(node, yaml.MappingNode):
            raise InputError("front matter must be a mapping of keys to values", path=path,
                             line=node.start_mark.line + 2, field="front matter")
        for key_node, value_node in node.value:  # no key twice: the loader refuses it
            key = str(key_node.value)
            line = key_node.start_mark.line + 2
            if key == "title":
                meta.title = _scalar(value_node, path, line, key)
            elif key == "source":
                meta.source = _scalar(value_node, path, line, key)
            elif key in ("published", "lang"):
                value = _value(loader, value_node)
                try:
                    if value is not None and key == "published":
                        meta.published = parse_date(value)
                    elif value is not None:
                        meta.lang = parse_lang(value)
                except ValueError as error:
                    raise InputError(str(error), path=path, line=line, field=key) from None
        return meta
    except YamlLimitError as refused:  # aliases, nesting or a repeated key
        line = refused.problem_mark.line + 2 if refused.problem_mark else 2
        raise InputError(str(refused.problem), path=path, line=line,
                         field=refused.field or "front matter") from None
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark
        if mark is None or (mark.index >= len(text) and error.context_mark is not None):
            mark = error.context_mark  # an error at the end: point at what was left open
        line = mark.line + 2 if mark is not None else 2
        message = f"{error.problem}" + (f" {error.context}" if error.context else "")
        raise InputError(f"invalid YAML: {shorten(message)}", path=path, line=line,
                         field="front matter") from None
    except yaml.YAMLError as error:
        raise InputError(f"invalid YAML: {shorten(str(error))}", path=path, line=2,
                         field="front matter") from None
    finally:
        loader.dispose()


def read_markdown(
    raw: str, path: str, *, lang: Lang | None = None, published: date | None = None
) -> Document:
    """A Markdown document; front-matter ``lang``/``published`` yield to the arguments."""
    from factcheck.documents.markdown_text import visible_text  # markdown-it: only for Markdown

    front, body_start, body_line = split_front_matter(raw, path)
    meta = parse_front_matter(front, path) if front is not None else FrontMatter()
    text, anchors, headings = visible_text(raw[body_start:], body_line)
    return build_document(
        path,
        text,
        lang=lang,
        published=published,
        meta_lang=meta.lang,
        meta_published=meta.published,
        title=meta.title,
        source=meta.source,
        anchors=anchors or (Anchor(offset=0, line=body_line, column=1),),
        headings=headings,
    )


READER = WholeDocument("markdown", (".md", ".markdown"), read_markdown)
