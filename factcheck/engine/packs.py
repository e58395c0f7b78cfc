"""Rule packs: which checks run, at what severity, with which options (YAML, validated).

A pack may ``extends:`` another (a shipped pack by name, or a path relative to it); the
child's settings override the parent's check by check. Unknown codes, unknown options,
unknown keys and bad values are errors naming the file, line and field, never ignored.
"""

from __future__ import annotations

import importlib.resources
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, ValidationError

from factcheck.engine.registry import CheckOptions, all_checks
from factcheck.errors import ConfigError
from factcheck.extract.intervals import ExtractOptions


class RuleConfig(BaseModel):
    model_config = ConfigDict(extra="forbid")

    enabled: bool | None = None
    severity: Literal["auto", "error", "warning", "info"] | None = None
    options: dict[str, Any] | None = None


class ExtractionConfig(BaseModel):
    model_config = ConfigDict(extra="forbid")

    approx_tolerance: float | None = None
    trailing_zeros_significant: bool | None = None
    bare_dollar: str | None = None


class PackFile(BaseModel):
    model_config = ConfigDict(extra="forbid")

    name: str | None = None
    extends: str | None = None
    extraction: ExtractionConfig = ExtractionConfig()
    rates: str | None = None
    checks: dict[str, RuleConfig] = {}


@dataclass(frozen=True)
class Rule:
    """A check as a pack configures it."""

    code: str
    enabled: bool
    severity: str
    options: CheckOptions


@dataclass(frozen=True)
class Pack:
    name: str
    rules: dict[str, Rule]
    extraction: ExtractOptions = field(default_factory=ExtractOptions)
    rates: Path | None = None
    sources: tuple[str, ...] = field(default_factory=tuple)


def shipped(name: str) -> Path:
    return Path(str(importlib.resources.files("factcheck.rules").joinpath(f"{name}.yaml")))


def _line_of(text: str, keys: list[str]) -> int | None:
    """1-based line of a key path in a YAML text, for error messages."""
    try:
        node: Any = yaml.compose(text)
    except yaml.YAMLError:
        return None
    line = None
    for key in keys:
        if not isinstance(node, yaml.MappingNode):
            break
        match = next(((k, v) for k, v in node.value if getattr(k, "value", None) == key), None)
        if match is None:
            break
        line, node = match[0].start_mark.line + 1, match[1]
    return line


def _read(path: Path, seen: tuple[Path, ...]) -> list[tuple[Path, str, PackFile]]:
    if path in seen:
        raise ConfigError(f"rule pack extends itself: {' -> '.join(map(str, seen))}",
                          path=str(path))
    try:
        text = path.read_text(encoding="utf-8")
        raw = yaml.safe_load(text) or {}
    except OSError as error:
        raise ConfigError(f"cannot read rule pack: {error.strerror}", path=str(path)) from None
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        raise ConfigError(f"not valid YAML: {getattr(error, 'problem', error)}", path=str(path),
                          line=mark.line + 1 if mark else None) from None
    try:
        pack = PackFile.model_validate(raw)
    except ValidationError as error:
        first = error.errors()[0]
        keys = [str(k) for k in first["loc"]]
        raise ConfigError(first["msg"], path=str(path), line=_line_of(text, keys),
                          field=".".join(keys)) from None
    chain = [(path, text, pack)]
    if pack.extends:
        parent = Path(pack.extends)
        parent = shipped(pack.extends) if not parent.suffix else (path.parent / parent)
        chain = _read(parent, (*seen, path)) + chain
    return chain


def load_pack(path: Path | str | None = None) -> Pack:
    """The pack at ``path`` (the shipped ``default`` when None), with its parents merged."""
    chain = _read(Path(path) if path else shipped("default"), ())
    checks = all_checks()
    merged: dict[str, dict[str, Any]] = {}
    extraction: dict[str, Any] = {}
    rates: Path | None = None
    for file, text, pack in chain:
        for code, config in pack.checks.items():
            if code not in checks:
                raise ConfigError(f"unknown check code {code!r}", path=str(file),
                                  line=_line_of(text, ["checks", code]), field=f"checks.{code}")
            entry = merged.setdefault(code, {"options": {}})
            for key in ("enabled", "severity"):
                if getattr(config, key) is not None:
                    entry[key] = getattr(config, key)
            entry["options"].update(config.options or {})
        extraction.update(pack.extraction.model_dump(exclude_none=True))
        if pack.rates:
            rates = (file.parent / pack.rates).resolve()
    rules = {}
    for code, check in checks.items():
        entry = merged.get(code, {"options": {}})
        try:
            options = check.Options(**entry["options"])
        except ValidationError as error:
            first = error.errors()[0]
            name = ".".join(str(k) for k in first["loc"])
            raise ConfigError(f"{first['msg']}", path=str(chain[-1][0]),
                              field=f"checks.{code}.options.{name}") from None
        rules[code] = Rule(code, entry.get("enabled", True), entry.get("severity", "auto"),
                           options)
    return Pack(name=chain[-1][2].name or chain[-1][0].stem, rules=rules,
                extraction=ExtractOptions(**extraction), rates=rates,
                sources=tuple(str(f) for f, _, _ in chain))
