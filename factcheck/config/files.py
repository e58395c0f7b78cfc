"""Finding and reading a project's configuration file.

From the working directory up to the file system's root, the first directory holding
``.factcheck.yaml`` (or ``.factcheck.yml``), or a ``pyproject.toml`` with a
``[tool.factcheck]`` table, holds the configuration; in one directory the YAML file comes
first. A ``pyproject.toml`` without the table is passed over, as ruff does. Nothing is
merged across directories: the file found is the whole configuration.

A file is read into ``{key: (value, line)}``: the line of each key where the format tells
it (YAML through its node marks; TOML by the key's line in the table, which ``tomllib``
does not report). A file that does not parse is a ``ConfigError`` with its line.
"""

from __future__ import annotations

import os
import re
import tomllib
from pathlib import Path
from typing import Any

import yaml

from factcheck.errors import ConfigError

YAML_NAMES = (".factcheck.yaml", ".factcheck.yml")
PYPROJECT = "pyproject.toml"
TABLE = "tool.factcheck"
_TOML_LINE = re.compile(r"at line (\d+)")
_HEADER = re.compile(r"^\s*\[\s*tool\s*\.\s*factcheck\s*\]\s*(#.*)?$")

Entries = dict[str, tuple[Any, int | None]]


def _read_text(path: Path, shown: str | None = None) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except OSError as error:
        raise ConfigError(f"cannot read: {error.strerror or error}",
                          path=shown or str(path)) from None
    except UnicodeDecodeError:
        raise ConfigError("not UTF-8 text", path=shown or str(path)) from None


def relative(path: Path) -> Path:
    """``path`` relative to the working directory (as a person there would name it), or as
    it is on another drive."""
    try:
        return Path(os.path.relpath(path)) if path.is_absolute() else path
    except ValueError:
        return path


def has_table(path: Path) -> bool:
    """Whether a ``pyproject.toml`` has a ``[tool.factcheck]`` table (a file that does not
    mention it is not parsed)."""
    text = _read_text(path)
    if "factcheck" not in text:
        return False
    return isinstance(_toml(text, str(relative(path))).get("tool", {}).get("factcheck"), dict)


def find_config(start: Path) -> Path | None:
    """The configuration file that applies in ``start``, or None."""
    for folder in [start, *start.parents]:
        for name in YAML_NAMES:
            if (folder / name).is_file():
                return folder / name
        if (folder / PYPROJECT).is_file() and has_table(folder / PYPROJECT):
            return folder / PYPROJECT
    return None


def _toml(text: str, shown: str) -> dict[str, Any]:
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        m = _TOML_LINE.search(str(error))
        raise ConfigError(f"not valid TOML: {error}", path=shown,
                          line=int(m.group(1)) if m else None) from None


def _toml_lines(text: str, keys: list[str]) -> dict[str, int]:
    """The line of each key of the ``[tool.factcheck]`` table, where it can be found."""
    lines = text.splitlines()
    found: dict[str, int] = {}
    start = next((i for i, line in enumerate(lines) if _HEADER.match(line)), None)
    if start is None:
        return found
    for number in range(start + 1, len(lines)):
        line = lines[number]
        if line.lstrip().startswith("["):
            break
        for key in keys:
            if key not in found and re.match(rf'^\s*["\']?{re.escape(key)}["\']?\s*=', line):
                found[key] = number + 1
    return found


def read_pyproject(path: Path, shown: str) -> Entries:
    """The ``[tool.factcheck]`` table of a ``pyproject.toml`` (named ``shown`` in errors)."""
    text = _read_text(path, shown)
    table = _toml(text, shown).get("tool", {}).get("factcheck")
    if not isinstance(table, dict):
        raise ConfigError(f"no [{TABLE}] table", path=shown)
    lines = _toml_lines(text, list(table))
    return {key: (value, lines.get(key)) for key, value in table.items()}


def read_yaml(path: Path, shown: str) -> Entries:
    """The mapping of a ``.factcheck.yaml`` (an empty file is an empty configuration)."""
    text = _read_text(path, shown)
    try:
        node = yaml.compose(text, Loader=yaml.SafeLoader)
        data = yaml.safe_load(text)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        raise ConfigError(f"not valid YAML: {getattr(error, 'problem', None) or error}",
                          path=shown, line=mark.line + 1 if mark else None) from None
    if data is None:
        return {}
    if not isinstance(data, dict) or not isinstance(node, yaml.MappingNode):
        raise ConfigError("must be a mapping of settings (key: value)", path=shown,
                          line=node.start_mark.line + 1 if node is not None else None)
    lines = {str(key.value): key.start_mark.line + 1 for key, _ in node.value}
    return {str(key): (value, lines.get(str(key))) for key, value in data.items()}


def read_config(path: Path, shown: str | None = None) -> Entries:
    """The settings of a configuration file, with their lines (errors name it ``shown``)."""
    name = shown or str(path)
    return read_pyproject(path, name) if path.name == PYPROJECT else read_yaml(path, name)
