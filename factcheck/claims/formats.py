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

NESTED = frozenset({"value", "equivalent", "source"})
Loaded = tuple[list[LoadedRecord], list[InputError]]
_DECODER = json.JSONDecoder()


class _YamlLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
    """The safe loader (libyaml when available), with dates left as text for the schema to
    check: PyYAML's own date constructor raises on "2024-13-01" and stops the file."""


_YamlLoader.add_constructor("tag:yaml.org,2002:timestamp",
                            lambda loader, node: loader.construct_scalar(node))


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
                                         line=at, field=str(getattr(key, "value", ""))))
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


def _yaml_lines(node: Any, path: str) -> tuple[dict[str, int], list[InputError]]:
    lines: dict[str, int] = {}
    errors: list[InputError] = []
    for key, value in node.value:
        name = str(getattr(key, "value", ""))
        at = key.start_mark.line + 1
        if name in lines:
            errors.append(ClaimError(f"duplicate key (first on line {lines[name]})", path=path,
                                     line=at, field=name))
            continue
        lines[name] = at
        if name in NESTED and isinstance(value, yaml.MappingNode):
            for sub, _ in value.value:
                lines.setdefault(f"{name}.{getattr(sub, 'value', '')}", sub.start_mark.line + 1)
    return lines, errors


def read_yaml(text: str, path: str) -> Loaded:
    loader = _YamlLoader(text)
    try:
        top = loader.get_single_node()
        data = loader.construct_document(top) if top is not None else None
    except (yaml.YAMLError, ValueError, TypeError) as error:
        mark = getattr(error, "problem_mark", None) or getattr(error, "context_mark", None)
        problem = getattr(error, "problem", None) or str(error)
        raise InputError(f"not valid YAML: {problem}", path=path,
                         line=mark.line + 1 if mark else None) from None
    finally:
        loader.dispose()
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
