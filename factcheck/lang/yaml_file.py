"""One YAML data file read and validated, with errors that name the file, line and field.

The file is parsed by :func:`factcheck.yamlsafe.load_yaml`, the YAML loader every file
factcheck reads goes through (bounded nesting and aliases, a key written twice refused),
and the data is validated against the pydantic schema of its kind; on failure the error's
field path is followed through the YAML node tree to the line it was written on. The data
parsed is kept in the user cache (``disk_cache``), keyed by the file's text, so that a
fresh process validates it without parsing it again.
"""

from __future__ import annotations

from collections.abc import Hashable, Sequence
from pathlib import Path
from typing import Any, TypeVar, overload

import yaml
from pydantic import BaseModel, TypeAdapter, ValidationError

from factcheck.disk_cache import digest, kept
from factcheck.errors import ConfigError
from factcheck.escaping import excerpt, short_name, shorten
from factcheck.yamlsafe import BoundedLoader, load_yaml

Model = TypeVar("Model", bound=BaseModel)
Data = TypeVar("Data")


@overload
def read_yaml_file(path: Path, schema: type[Model]) -> Model: ...


@overload
def read_yaml_file(path: Path, schema: TypeAdapter[Data]) -> Data: ...


def read_yaml_file(path: Path, schema: type[BaseModel] | TypeAdapter[Any]) -> Any:
    """The file at ``path`` validated by ``schema`` (a model, or an adapter for a file that
    is a list or a union); a ``ConfigError`` naming the file, line and field if it cannot be
    read, is not YAML, or does not fit the schema."""
    where = str(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ConfigError("language data file is missing", path=where) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"cannot read language data file: {exc}", path=where) from None
    data = kept(f"yaml-{path.parent.name}-{path.stem}", digest("yaml data", text),
                lambda: load_yaml(text, where, ConfigError)[1])
    try:
        if isinstance(schema, TypeAdapter):
            return schema.validate_python(data)
        return schema.model_validate(data)
    except ValidationError as exc:
        root, _ = load_yaml(text, where, ConfigError)  # for the lines of the errors
        raise _schema_error(where, root, exc) from None


def _schema_error(where: str, root: yaml.Node | None, exc: ValidationError) -> ConfigError:
    """The first error in the file (by line), with a count of the others."""
    found = []
    for error in exc.errors():
        loc = tuple(error["loc"])
        if error["type"] in ("union_tag_invalid", "union_tag_not_found"):
            loc += (str(error.get("ctx", {}).get("discriminator", "")).strip("'"),)
        line, field = locate(root, loc)
        message = _message(error)
        found.append((line, field, message))
    line, field, message = min(found, key=lambda f: (f[0], f[1]))
    if len(found) > 1:
        message += f" (and {len(found) - 1} more error{'s' if len(found) > 2 else ''})"
    return ConfigError(message, path=where, line=line, field=short_name(field) if field else None)


def _message(error: Any) -> str:
    kind, value = error["type"], error.get("input")
    if kind in ("missing", "union_tag_not_found"):
        return "required field is missing"
    if kind == "extra_forbidden":
        return "unknown field"
    if kind == "union_tag_invalid":
        expected = error.get("ctx", {}).get("expected_tags", "")
        return f"{excerpt(error['ctx']['tag'])} is not one of {shorten(str(expected))}"
    message = shorten(str(error["msg"]).removeprefix("Value error, "))
    if isinstance(value, dict | list):
        return f"{message} (got a {'mapping' if isinstance(value, dict) else 'list'})"
    got = f"{message} (got {excerpt(value)})"
    if isinstance(value, bool):  # an unquoted yes/no/on/off/true/false
        return f"{got}; YAML reads an unquoted yes, no, on, off, true or false as a boolean"
    return got


def line_of(path: Path, loc: Sequence[Hashable]) -> int | None:
    """The line of a field of a file that has been read and validated (for errors that
    span several files)."""
    try:
        root = BoundedLoader(path.read_text(encoding="utf-8")).get_single_node()
    except (OSError, UnicodeDecodeError, yaml.YAMLError):
        return None
    return locate(root, loc)[0]


def locate(root: yaml.Node | None, loc: Sequence[Hashable]) -> tuple[int, str]:
    """(line, field path) of a pydantic error location in a YAML node tree.

    Location parts that are not in the tree (a union's tag, pydantic's "[key]") are
    skipped; a missing field is named after the last node found, on that node's line.
    """
    node, line, field = root, 1 if root is None else root.start_mark.line + 1, ""
    for part in loc:
        found = None if node is None else _child(node, part)
        if found is None:
            continue
        if isinstance(node, yaml.SequenceNode):
            field += f"[{part}]"
        else:
            field = f"{field}.{part}" if field else str(part)
        line, node = found
    last = loc[-1] if loc else None
    if isinstance(last, str) and last != "[key]" and field.rsplit(".", 1)[-1] != last:
        field = f"{field}.{last}" if field else last
    return line, field


def _child(node: yaml.Node, part: Hashable) -> tuple[int, yaml.Node] | None:
    """(line, node) of a mapping's value by key, or a sequence's item by index."""
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            if isinstance(key, yaml.ScalarNode) and key.value == str(part):
                return key.start_mark.line + 1, value
    elif isinstance(node, yaml.SequenceNode) and isinstance(part, int) \
            and 0 <= part < len(node.value):
        item = node.value[part]
        return item.start_mark.line + 1, item
    return None
