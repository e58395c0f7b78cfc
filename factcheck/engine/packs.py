"""Rule packs: which checks run, at what severity, with which options (YAML, validated).

A pack may ``extends:`` another (a shipped pack by name, or a path relative to it); the
child's settings override the parent's check by check. A pack is validated strictly, and
every problem is a ``ConfigError`` naming the file, the line and the dotted field: unknown
codes, options or keys; a check that always runs (IN002) disabled; a key written twice
(both lines named); a value of the wrong type (``true`` is not a number, ``"0.1"`` is not
a number); a number that is negative, NaN or infinite (a tolerance below zero would make
intervals whose low end is above the high); ``approx_tolerance`` of 1 or more; a
``bare_dollar`` that is not a known ISO 4217 code; a file that is not UTF-8, not a regular
file, or larger than ``MAX_PACK_BYTES`` (10 MB: the shipped pack is 1 KB); and the YAML
bounds of :mod:`factcheck.yamlsafe`.
"""

from __future__ import annotations

import importlib.resources
from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated, Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator
from pydantic_core import ErrorDetails

from factcheck.claims.amounts import check_currency
from factcheck.config_files import read_config_text
from factcheck.errors import ConfigError
from factcheck.escaping import excerpt
from factcheck.extract.intervals import ExtractOptions
from factcheck.registry import CheckOptions, all_checks
from factcheck.yamlsafe import load_yaml

MAX_PACK_BYTES = 10 * 2**20
_STRICT = ConfigDict(extra="forbid", strict=True)


class RuleConfig(BaseModel):
    model_config = _STRICT

    enabled: bool | None = None
    severity: Literal["auto", "error", "warning", "info"] | None = None
    options: dict[str, Any] | None = None


class ExtractionConfig(BaseModel):
    model_config = _STRICT

    approx_tolerance: Annotated[float, Field(ge=0, lt=1, allow_inf_nan=False)] | None = None
    trailing_zeros_significant: bool | None = None
    converted_zeros: Literal["insignificant", "significant", "unless-qualified",
                             "two-digits"] | None = None
    bare_dollar: str | None = None

    @field_validator("bare_dollar")
    @classmethod
    def _known_currency(cls, code: str | None) -> str | None:
        return None if code is None else check_currency(code)


class PackFile(BaseModel):
    model_config = _STRICT

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


def _line_of(node: Any, keys: list[str]) -> int | None:
    """1-based line of the deepest key of a key path found in a YAML node."""
    line = None
    for key in keys:
        if isinstance(node, yaml.SequenceNode) and key.isdigit() and int(key) < len(node.value):
            node = node.value[int(key)]
            line = node.start_mark.line + 1
            continue
        if not isinstance(node, yaml.MappingNode):
            break
        match = next(((k, v) for k, v in node.value if getattr(k, "value", None) == key), None)
        if match is None:
            break
        line, node = match[0].start_mark.line + 1, match[1]
    return line


def _message(error: ErrorDetails, noun: str = "key") -> str:
    """pydantic's message for one error, with an excerpt of the value it refused."""
    if error["type"] in ("missing", "extra_forbidden"):
        return f"unknown {noun}" if error["type"] == "extra_forbidden" else error["msg"]
    if error["type"] == "value_error":  # a message of ours, which names the value
        return error["msg"].removeprefix("Value error, ")
    return f"{error['msg']} (got {excerpt(error['input'])})"


@dataclass(frozen=True)
class _PackText:
    """One file of a chain: where it is, its YAML node (for lines) and its settings."""

    path: Path
    node: Any
    pack: PackFile


def _read(path: Path, seen: tuple[Path, ...]) -> list[_PackText]:
    if path in seen:
        loop = " -> ".join(excerpt(str(p)) for p in (*seen, path))
        raise ConfigError(f"rule pack extends itself: {loop}", path=str(path))
    text = read_config_text(path, MAX_PACK_BYTES, "rule pack")
    node, raw = load_yaml(text, str(path), ConfigError)
    try:
        pack = PackFile.model_validate({} if raw is None else raw)
    except ValidationError as error:
        first = error.errors()[0]
        keys = [str(k) for k in first["loc"]]
        raise ConfigError(_message(first), path=str(path), line=_line_of(node, keys),
                          field=".".join(keys) or None) from None
    chain = [_PackText(path, node, pack)]
    if pack.extends:
        parent = Path(pack.extends)
        parent = shipped(pack.extends) if not parent.suffix else (path.parent / parent)
        chain = _read(parent, (*seen, path)) + chain
    return chain


def _options(check: type[Any], given: dict[str, Any], file: _PackText,
             code: str) -> CheckOptions:
    """A check's options from ``given``; an error names the file and line they came from."""
    try:
        options: CheckOptions = check.Options(**given)
    except ValidationError as error:
        first = error.errors()[0]
        keys = ["checks", code, "options", *(str(k) for k in first["loc"])]
        raise ConfigError(_message(first, "option"), path=str(file.path),
                          line=_line_of(file.node, keys), field=".".join(keys)) from None
    return options


def load_pack(path: Path | str | None = None) -> Pack:
    """The pack at ``path`` (the shipped ``default`` when None), with its parents merged."""
    chain = _read(Path(path) if path else shipped("default"), ())
    checks = all_checks()
    merged: dict[str, dict[str, Any]] = {}
    extraction: dict[str, Any] = {}
    rates: Path | None = None
    for file in chain:
        for code, config in file.pack.checks.items():
            if code not in checks:
                raise ConfigError(f"unknown check code {excerpt(code)}", path=str(file.path),
                                  line=_line_of(file.node, ["checks", code]),
                                  field=f"checks.{code}")
            _options(checks[code], config.options or {}, file, code)  # each file's own
            if config.enabled is False and checks[code].required:
                raise ConfigError(f"{code} cannot be disabled: it reports the inputs that "
                                  "were not audited", path=str(file.path),
                                  line=_line_of(file.node, ["checks", code, "enabled"]),
                                  field=f"checks.{code}.enabled")
            entry = merged.setdefault(code, {"options": {}})
            for key in ("enabled", "severity"):
                if getattr(config, key) is not None:
                    entry[key] = getattr(config, key)
            entry["options"].update(config.options or {})
        extraction.update(file.pack.extraction.model_dump(exclude_none=True))
        if file.pack.rates:
            rates = (file.path.parent / file.pack.rates).resolve()
    rules = {}
    for code, check in checks.items():
        entry = merged.get(code, {"options": {}})
        options = _options(check, entry["options"], chain[-1], code)
        rules[code] = Rule(code, entry.get("enabled", True), entry.get("severity", "auto"),
                           options)
    last = chain[-1]
    return Pack(name=last.pack.name or last.path.stem, rules=rules,
                extraction=ExtractOptions(**extraction), rates=rates,
                sources=tuple(str(f.path) for f in chain))
