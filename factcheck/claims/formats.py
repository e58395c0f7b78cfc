"""YAML and JSON claims files: the records with the line where each starts and the line
of each of its fields, read in one pass of the parser.

YAML: a list of records, or ``{records: [...]}``; a record's line is its first key's.
JSON: a list, or ``{"records": [...]}``; a record's line is where its object starts,
found by walking the text with ``json.JSONDecoder.raw_decode`` (the C scanner).
"""

from __future__ import annotations

import json
from bisect import bisect_right
from collections.abc import Iterable
from typing import Any, cast

import yaml

from factcheck.claims.validate import ClaimError, LoadedRecord, validate
from factcheck.errors import InputError
from factcheck.escaping import short_name
from factcheck.yamlsafe import BoundedLoader, load_yaml

NESTED = frozenset({"value", "equivalent", "source"})
Loaded = tuple[list[LoadedRecord], list[InputError]]
_DECODER = json.JSONDecoder()


class _YamlLoader(BoundedLoader):
    """The bounded safe loader, with dates left as text for the schema to check (PyYAML's
    own date constructor raises on "2024-13-01" and stops the file), and repeated keys
    left to :func:`_yaml_lines`, which makes them errors of their record alone."""

    strict_keys = False


def _date_as_text(loader: BoundedLoader, node: yaml.Node) -> str:
    return str(node.value)


_YamlLoader.add_constructor("tag:yaml.org,2002:timestamp", _date_as_text)


def _collect(items: Iterable[tuple[object, int, dict[str, int]]], path: str) -> Loaded:
    records: list[LoadedRecord] = []
    errors: list[InputError] = []
    for raw, line, lines in items:
        result = validate(raw, path, line, lines)
        if isinstance(result, LoadedRecord):
            records.append(result)
        else:
            errors.extend(result)
    return records, errors


def _in_order(records: list[LoadedRecord], errors: list[InputError]) -> Loaded:
    return records, sorted(errors, key=lambda e: e.line or 0)


def _records_node(top: Any, path: str) -> tuple[list[Any], list[InputError]]:
    """The record nodes of a YAML document: its list, or the list under ``records``."""
    if isinstance(top, yaml.SequenceNode):
        return list(top.value), []
    if isinstance(top, yaml.MappingNode):
        found: list[Any] | None = None
        errors: list[InputError] = []
        for key, value in top.value:
            at = key.start_mark.line + 1
            if getattr(key, "value", None) != "records":
                errors.append(ClaimError("unknown key: a claims file is a list of records or "
                                         "a mapping with one key, 'records'", path=path,
                                         line=at, field=short_name(_key(key))))
            elif found is not None:
                raise InputError("duplicate key 'records'", path=path, line=at)
            elif isinstance(value, yaml.SequenceNode):
                found = list(value.value)
            elif value.tag == "tag:yaml.org,2002:null":
                found = []
            else:
                raise InputError("'records' must be a list of records", path=path, line=at)
        if found is not None:
            return found, errors
    line = top.start_mark.line + 1 if top is not None else 1
    raise InputError("expected a list of records, or a mapping with a 'records' list",
                     path=path, line=line)


def _key(node: Any) -> str:
    return str(getattr(node, "value", ""))


def _repeated(node: Any, prefix: str) -> list[tuple[str, int, int]]:
    """(dotted key, line, first line) of each key repeated in a mapping, at any depth."""
    found: list[tuple[str, int, int]] = []
    if isinstance(node, yaml.SequenceNode):
        for item in node.value:
            found += _repeated(item, prefix)
    elif isinstance(node, yaml.MappingNode):
        first: dict[str, int] = {}
        for key, value in node.value:
            name, at = f"{prefix}{_key(key)}", key.start_mark.line + 1
            if name in first:
                found.append((name, at, first[name]))
            first.setdefault(name, at)
            found += _repeated(value, f"{name}.")
    return found


def _yaml_lines(node: Any, path: str) -> tuple[dict[str, int], list[InputError]]:
    """The line of each field of a record (nested ones dotted), and an error for each key
    the record repeats, at any depth."""
    lines: dict[str, int] = {}
    for key, value in node.value:
        name = _key(key)
        lines.setdefault(name, key.start_mark.line + 1)
        if name in NESTED and isinstance(value, yaml.MappingNode):
            for sub, _ in value.value:
                lines.setdefault(f"{name}.{_key(sub)}", sub.start_mark.line + 1)
    errors: list[InputError] = [
        ClaimError(f"duplicate key (first on line {first})", path=path, line=at,
                   field=short_name(name))
        for name, at, first in _repeated(node, "")]
    return lines, errors


def read_yaml(text: str, path: str) -> Loaded:
    top, data = load_yaml(text, path, InputError, _YamlLoader)
    nodes, errors = _records_node(top, path)
    raws: list[Any] = data if isinstance(data, list) else (
        cast(dict[str, Any], data).get("records") or [])
    items = []
    for node, raw in zip(nodes, raws, strict=True):
        first = node.value[0][0] if isinstance(node, yaml.MappingNode) and node.value else node
        line = first.start_mark.line + 1
        lines: dict[str, int] = {}
        if isinstance(node, yaml.MappingNode):
            lines, duplicates = _yaml_lines(node, path)
            if duplicates:
                errors.extend(duplicates)
                continue
        items.append((raw, line, lines))
    records, invalid = _collect(items, path)
    return _in_order(records, errors + invalid)


def _skip(text: str, i: int) -> int:
    while i < len(text) and text[i] in " \t\r\n":
        i += 1
    return i


def _walk(text: str, i: int) -> tuple[dict[str, int], list[tuple[str, int]], int]:
    """Offsets of the keys of the JSON object at ``i`` (nested ones dotted), the keys seen
    again (with the offset of the repeat), and the offset after the object."""
    keys: dict[str, int] = {}
    twice: list[tuple[str, int]] = []
    i = _skip(text, i + 1)
    while text[i] != "}":
        start = i
        key, i = _DECODER.raw_decode(text, i)
        value = _skip(text, _skip(text, i) + 1)
        if key in keys:
            twice.append((key, start))
        keys.setdefault(key, start)
        if key in NESTED and text[value] == "{":
            inner, repeated, i = _walk(text, value)
            for sub, at in inner.items():
                keys.setdefault(f"{key}.{sub}", at)
            twice.extend((f"{key}.{sub}", at) for sub, at in repeated)
        else:
            _, i = _DECODER.raw_decode(text, value)
        i = _skip(text, i)
        if text[i] == ",":
            i = _skip(text, i + 1)
    return keys, twice, i + 1


def _array_items(text: str, i: int) -> list[int]:
    """Offsets of the items of the JSON array at ``i``."""
    starts = []
    i = _skip(text, i + 1)
    while text[i] != "]":
        starts.append(i)
        _, i = _DECODER.raw_decode(text, i)
        i = _skip(text, i)
        if text[i] == ",":
            i = _skip(text, i + 1)
    return starts


def read_json(text: str, path: str) -> Loaded:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise InputError(f"not valid JSON: {error.msg} (column {error.colno})", path=path,
                         line=error.lineno) from None
    except RecursionError:
        raise InputError("not valid JSON: nested too deeply", path=path) from None
    newlines = [i for i, c in enumerate(text) if c == "\n"]

    def line(offset: int) -> int:
        return bisect_right(newlines, offset - 1) + 1

    start = _skip(text, 0)
    if isinstance(data, dict):
        keys, _, _ = _walk(text, start)
        extra = sorted(set(data) - {"records"})
        if extra or not isinstance(data.get("records"), list):
            raise InputError("expected a list of records, or an object whose only key is "
                             "'records' (a list)", path=path, line=line(keys.get(
                                 extra[0] if extra else "records", start)))
        start = _skip(text, _skip(text, text.index(":", keys["records"]) + 1))
        data = data["records"]
    elif not isinstance(data, list):
        raise InputError("expected a list of records, or an object with a 'records' list",
                         path=path, line=line(start))
    items: list[tuple[object, int, dict[str, int]]] = []
    errors: list[InputError] = []
    for raw, at in zip(data, _array_items(text, start), strict=True):
        lines: dict[str, int] = {}
        if text[at] == "{":
            offsets, twice, _ = _walk(text, at)
            lines = {key: line(offset) for key, offset in offsets.items()}
            if twice:
                errors.extend(ClaimError(f"duplicate key (first on line {lines[key]})",
                                         path=path, line=line(again), field=key)
                              for key, again in twice)
                continue
        items.append((raw, line(at), lines))
    records, invalid = _collect(items, path)
    return _in_order(records, errors + invalid)
