"""YAML read with bounds: the one loader every YAML file factcheck reads goes through
(claims files, rule packs, front matter, the language data).

PyYAML's safe loader builds whatever a document describes. Nine lines of anchors and
aliases (the "billion laughs") describe a list of 10^9 strings: the loader shares them
rather than copying, but anything that walks the result (validation, a message quoting
it) expands them, for minutes and gigabytes. And a few hundred kilobytes of nested
brackets overflow the stack of the C composer, which kills the process. So
:class:`BoundedLoader` composes the document itself, one parser event at a time with no
recursion, and refuses, naming the line where the bound is crossed:

- nesting deeper than ``MAX_DEPTH`` (100) levels: no file of ours needs ten;
- aliases that make the document hold more than ``EXPANSION`` (10) times the nodes
  written in it, or ``MIN_NODES`` (100,000) for a small file: what anything walking the
  data will visit stays proportional to the file's size;
- an alias inside the node it names (a structure containing itself);
- a mapping with one key twice (both lines named), unless the caller checks that itself
  (``strict_keys = False``): PyYAML keeps the last silently.

:func:`load_yaml` turns every problem into the caller's error class with the file, the
line and a short, escaped message.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import yaml
from yaml.constructor import SafeConstructor
from yaml.events import (
    AliasEvent,
    MappingEndEvent,
    ScalarEvent,
    SequenceEndEvent,
    SequenceStartEvent,
    StreamEndEvent,
)
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode
from yaml.resolver import Resolver

from factcheck.errors import FactcheckError
from factcheck.escaping import excerpt, short_name, shorten

#: libyaml's parser when PyYAML was built with it, else PyYAML's own; composing, building
#: and resolving tags are done here and by PyYAML's Python classes either way
_Parser: Any = getattr(yaml, "CBaseLoader", yaml.BaseLoader)

MAX_DEPTH = 100
EXPANSION = 10
MIN_NODES = 100_000
_MERGE = "tag:yaml.org,2002:merge"


class YamlLimitError(yaml.MarkedYAMLError):
    """A document refused by a bound, or a repeated key: readable YAML, not accepted.
    ``field`` is the dotted path of the key, when it is about one."""

    field: str | None = None


@dataclass
class _Open:
    """A collection being composed: its expanded size so far, its keys (mappings)."""

    node: SequenceNode | MappingNode
    size: int = 1
    key: Node | None = None
    keys: dict[tuple[str, str], int] = field(default_factory=dict)


def _path(stack: list[_Open]) -> list[str]:
    """The dotted path of the node being composed: keys of mappings, indexes of lists."""
    parts = []
    for open_ in stack:
        if isinstance(open_.node, SequenceNode):
            parts.append(str(len(open_.node.value)))
        elif open_.key is not None:
            parts.append(short_name(str(open_.key.value)))
    return parts


class BoundedLoader(_Parser, SafeConstructor, Resolver):  # type: ignore[misc]
    """The safe loader (libyaml's parser when available) with the bounds of the module's
    docstring. ``get_single_node`` and ``get_single_data`` work as PyYAML's."""

    strict_keys = True
    #: what to add to a line of the text to make it a line of the file (front matter: 1)
    line_offset = 0

    def __init__(self, stream: str) -> None:
        _Parser.__init__(self, stream)
        SafeConstructor.__init__(self)
        Resolver.__init__(self)

    def get_single_node(self) -> Node | None:
        self.get_event()  # stream start
        document = None
        if not self.check_event(StreamEndEvent):
            document = self._compose_document()
        if not self.check_event(StreamEndEvent):
            event: Any = self.get_event()
            raise yaml.composer.ComposerError(
                None, None, "expected a single document in the stream, found another",
                event.start_mark)
        self.get_event()  # stream end
        return document

    def _compose_document(self) -> Node:
        self.get_event()  # document start
        anchors: dict[str, Node] = {}
        sizes: dict[int, int] = {}  # id of an anchored node -> its size with aliases expanded
        stack: list[_Open] = []
        counts = [0, 0]  # nodes written, nodes held with aliases expanded
        root: Node | None = None
        while root is None:
            event: Any = self.get_event()
            if isinstance(event, SequenceEndEvent | MappingEndEvent):
                done = stack.pop()
                done.node.end_mark = event.end_mark
                if id(done.node) in sizes:
                    sizes[id(done.node)] = done.size
                root = self._add(stack, done.node, done.size, event)
                continue
            if isinstance(event, AliasEvent):
                node, size = self._alias(event, anchors, sizes, stack, counts)
                root = self._add(stack, node, size, event)
                continue
            if event.anchor is not None and event.anchor in anchors:
                raise yaml.composer.ComposerError(
                    f"found duplicate anchor {excerpt(event.anchor)}; first occurrence",
                    anchors[event.anchor].start_mark, "second occurrence", event.start_mark)
            counts[0] += 1
            counts[1] += 1
            tag, start, end = event.tag, event.start_mark, event.end_mark
            if isinstance(event, ScalarEvent):
                if tag is None or tag == "!":
                    tag = self._resolve(ScalarNode, event.value, event.implicit)
                node = ScalarNode(tag, event.value, start, end, style=event.style)
                if event.anchor is not None:
                    anchors[event.anchor] = node
                    sizes[id(node)] = 1
                root = self._add(stack, node, 1, event)
                continue
            if len(stack) >= MAX_DEPTH:
                raise YamlLimitError(None, None, f"nested more than {MAX_DEPTH} levels deep",
                                     start)
            kind = SequenceNode if isinstance(event, SequenceStartEvent) else MappingNode
            if tag is None or tag == "!":
                tag = self._resolve(kind, None, event.implicit)
            opened = kind(tag, [], start, None, flow_style=event.flow_style)
            if event.anchor is not None:
                anchors[event.anchor] = opened
                sizes[id(opened)] = 0  # 0 while open: an alias to it is recursive
            stack.append(_Open(opened))
        self.get_event()  # document end
        return root

    def _resolve(self, kind: type[Node], value: str | None, implicit: Any) -> str:
        return str(self.resolve(kind, value, implicit))  # type: ignore[no-untyped-call]

    def _alias(self, event: Any, anchors: dict[str, Node], sizes: dict[int, int],
               stack: list[_Open], counts: list[int]) -> tuple[Node, int]:
        if event.anchor not in anchors:
            raise yaml.composer.ComposerError(
                None, None, f"found undefined alias {excerpt(event.anchor)}", event.start_mark)
        node = anchors[event.anchor]
        size = sizes[id(node)]
        if size == 0:
            raise YamlLimitError(None, None, f"the alias {excerpt(event.anchor)} is inside "
                                 "the node it names (a structure containing itself)",
                                 event.start_mark)
        counts[0] += 1
        counts[1] += size
        if counts[1] > max(MIN_NODES, EXPANSION * counts[0]):
            raise YamlLimitError(None, None, f"the aliases expand the document to more than "
                                 f"{max(MIN_NODES, EXPANSION * counts[0]):,} nodes "
                                 f"({EXPANSION} times the {counts[0]:,} written, at least "
                                 f"{MIN_NODES:,}): refused", event.start_mark)
        return node, size

    def _add(self, stack: list[_Open], node: Node, size: int, event: Any) -> Node | None:
        """Put ``node`` into the collection being composed; the node when it is the root."""
        if not stack:
            return node
        parent = stack[-1]
        parent.size += size
        if isinstance(parent.node, SequenceNode):
            parent.node.value.append(node)
        elif parent.key is None:
            parent.key = node
            if isinstance(node, ScalarNode) and node.tag != _MERGE:
                ident = (node.tag, node.value)
                first = parent.keys.get(ident)
                parent.keys.setdefault(ident, event.start_mark.line + 1 + self.line_offset)
                if first is not None and self.strict_keys:
                    refused = YamlLimitError(None, None, f"duplicate key {excerpt(node.value)} "
                                             f"(first on line {first})", event.start_mark)
                    refused.field = ".".join(_path(stack))
                    raise refused
        else:
            parent.node.value.append((parent.key, node))
            parent.key = None
        return None


def load_yaml(text: str, path: str, error: type[FactcheckError],
              loader: type[BoundedLoader] = BoundedLoader, *,
              first_line: int = 1) -> tuple[Node | None, Any]:
    """The document of ``text`` as a node (for lines) and as data, or ``error`` naming
    ``path``, the line (``first_line`` is the file line of the text's first line) and
    what is wrong, in a short message."""
    reader = loader(text)
    reader.line_offset = first_line - 1
    try:
        node = reader.get_single_node()
        return node, reader.construct_document(node) if node is not None else None
    except YamlLimitError as refused:
        mark = refused.problem_mark
        raise error(str(refused.problem), path=path, field=refused.field,
                    line=mark.line + first_line if mark else None) from None
    except yaml.MarkedYAMLError as invalid:
        mark = invalid.problem_mark or invalid.context_mark
        raise error(f"not valid YAML: {shorten(str(invalid.problem or invalid.context))}",
                    path=path, line=mark.line + first_line if mark else None) from None
    except (yaml.YAMLError, ValueError, TypeError, OverflowError) as invalid:
        raise error(f"not valid YAML: {shorten(str(invalid))}", path=path) from None
    finally:
        reader.dispose()
