"""Edits applied to a claims YAML file: a record's ``value`` or ``equivalent`` rewritten,
comments, order, quoting and spacing kept byte for byte.

ruamel.yaml composes the file into nodes that know where each scalar starts and ends in
the text; only those characters are replaced, by the new text in the scalar's own style
(plain, single- or double-quoted; plain turns double-quoted when the text would read as
something else unquoted). A record is found by the line of its first key, as the claims
loader reports it. The result is loaded again and must equal the original data with the
fields replaced, and nothing else changed; otherwise nothing is written. A field that is
not a string scalar (a mapping ``{amount, currency}``, a block scalar) is not edited.
"""

from __future__ import annotations

import codecs
import io
import json
from collections.abc import Sequence
from typing import Any

from factcheck.fixes.plan import RecordEdit
from factcheck.fixes.text_files import TextFix

_STR = "tag:yaml.org,2002:str"


def _yaml(kind: str) -> Any:
    from ruamel.yaml import YAML

    return YAML(typ=kind, pure=True)


def _records(root: Any) -> list[Any]:
    """The record nodes: the top sequence, or the one under ``records``."""
    from ruamel.yaml.nodes import MappingNode, SequenceNode

    if isinstance(root, MappingNode):
        root = next((value for key, value in root.value if key.value == "records"), None)
    if not isinstance(root, SequenceNode):
        return []
    return [node for node in root.value if isinstance(node, MappingNode) and node.value]


def _scalar(text: str, style: str | None) -> str:
    if style == "'":
        return "'" + text.replace("'", "''") + "'"
    if style == '"':
        return json.dumps(text, ensure_ascii=False, allow_nan=False)
    return text


def _load(text: str) -> Any:
    return _yaml("safe").load(io.StringIO(text))


def _replaced(data: Any, fields: dict[tuple[int, str], str], lines: dict[int, int]) -> Any:
    """``data`` as the edits should leave it: the fields of the records (by index) set."""
    records = data["records"] if isinstance(data, dict) else data
    for (line, field), text in fields.items():
        records[lines[line]][field] = text
    return data


def _fields(text: str) -> tuple[list[Any], dict[int, int]] | None:
    """The record nodes of a claims file's text, and their index by the line of their first
    key; None when ruamel cannot compose it (it is fixed by hand)."""
    try:
        records = _records(_yaml("rt").compose(io.StringIO(text)))
    except Exception:
        return None
    return records, {node.value[0][0].start_mark.line + 1: i for i, node in enumerate(records)}


def _scalar_node(records: list[Any], index: dict[int, int], line: int, field: str
                 ) -> Any | None:
    """The string scalar of ``field`` in the record whose first key is on ``line``, when it
    is one that can be rewritten (plain or quoted, not a block scalar)."""
    from ruamel.yaml.nodes import ScalarNode

    if line not in index:
        return None
    value = next((v for k, v in records[index[line]].value if k.value == field), None)
    if (isinstance(value, ScalarNode) and str(value.tag) == _STR
            and value.style in (None, "'", '"')):
        return value
    return None


def field_span(text: str, line: int, field: str) -> tuple[int, int] | None:
    """Where the scalar of ``field`` of the record whose first key is on ``line`` is in
    ``text`` (character offsets), when it can be rewritten."""
    fields = _fields(text)
    node = _scalar_node(*fields, line, field) if fields is not None else None
    return None if node is None else (node.start_mark.index, node.end_mark.index)


def fix_claims_yaml(data: bytes, edits: Sequence[RecordEdit]) -> TextFix:
    """``edits`` applied to a claims YAML file's bytes, or none when the result would not
    read back as the same records with those fields replaced."""
    bom = codecs.BOM_UTF8 if data.startswith(codecs.BOM_UTF8) else b""
    text = data[len(bom):].decode("utf-8")
    unchanged = TextFix(text, text, bom, ())
    fields = _fields(text)
    if fields is None:
        return unchanged
    records, index = fields
    spans: list[tuple[int, int, str | None, RecordEdit]] = []
    for edit in edits:
        value = _scalar_node(records, index, edit.line, edit.field)
        if value is not None:
            spans.append((value.start_mark.index, value.end_mark.index, value.style, edit))
    if not spans:
        return unchanged
    expected = {(e.line, e.field): e.replacement for *_, e in spans}
    for quote_all in (False, True):
        after = _spliced(text, [(a, b, _scalar(e.replacement, '"' if quote_all else style), e)
                                for a, b, style, e in spans])
        try:
            same = _load(after) == _replaced(_load(text), expected, index)
        except Exception:  # what does not read back is not written
            same = False
        if same:
            return TextFix(text, after, bom, tuple(e for *_, e in spans))
    return unchanged


def _spliced(text: str, spans: Sequence[tuple[int, int, str, RecordEdit]]) -> str:
    for start, end, scalar, _ in sorted(spans, key=lambda s: s[0], reverse=True):
        text = text[:start] + scalar + text[end:]
    return text
