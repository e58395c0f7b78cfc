"""A raw record (a mapping from a file) -> a ``LoadedRecord``, or ``ClaimError``s that name
the file, the line and the dotted field of every problem.
"""

from __future__ import annotations

import difflib
from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any

from pydantic import ValidationError

from factcheck.claims.claim_error import ClaimError as ClaimError
from factcheck.claims.schema import FIELDS, FORM_TAGS, ClaimRecord
from factcheck.escaping import excerpt, short_name

NO_LINES: Mapping[str, int] = MappingProxyType({})


@dataclass(frozen=True, slots=True)
class LoadedRecord:
    """A valid record, where it is: its file, the 1-based line where it starts, and (YAML
    and JSON) the line of each field, dotted for nested ones ("value.amount")."""

    record: ClaimRecord
    path: str
    line: int
    lines: Mapping[str, int] = field(default_factory=lambda: NO_LINES, compare=False)

    @property
    def id(self) -> str:
        return self.record.id

    def line_of(self, name: str) -> int:
        """The line of a field, else of its parent field, else of the record."""
        return line_in(self.lines, name, self.line)


def field_name(loc: tuple[int | str, ...]) -> str:
    """A pydantic error location as a dotted field name, without the form tags."""
    parts = [str(p) for i, p in enumerate(loc) if not (i == 1 and p in FORM_TAGS)]
    return ".".join(parts)


def message(error: Mapping[str, Any], name: str, fields: tuple[str, ...] = FIELDS) -> str:
    """A short message for one pydantic error."""
    kind = error["type"]
    if kind == "missing":
        return "missing required field"
    if kind == "extra_forbidden":
        top = name.rpartition(".")[2]
        close = difflib.get_close_matches(top, fields, n=1) if "." not in name else []
        return "unknown field" + (f"; did you mean {excerpt(close[0])}?" if close else "")
    text = str(error["msg"])
    value = error.get("input")
    if kind in ("literal_error", "string_type", "float_parsing", "float_type",
                "greater_than", "string_too_short") and isinstance(value, str | int | float):
        text += f" (got {excerpt(value)})"
    return text


def validate(raw: object, path: str, line: int,
             lines: Mapping[str, int] = NO_LINES) -> LoadedRecord | list[ClaimError]:
    """One raw record validated: the record, or one error per problem."""
    if not isinstance(raw, dict):
        return [ClaimError(f"expected a record (a mapping of fields), got "
                           f"{type(raw).__name__}", path=path, line=line)]
    try:
        record = ClaimRecord.model_validate(raw)
    except ValidationError as invalid:
        ident = raw.get("id")
        ident = ident if isinstance(ident, str) and ident else None
        errors = []
        for error in invalid.errors():
            name = field_name(error["loc"])
            at = line_in(lines, name, line)
            errors.append(ClaimError(message(error, name), path=path, line=at,
                                     field=short_name(name) or None, record_id=ident))
        return errors
    return LoadedRecord(record, path, line, lines)


def line_in(lines: Mapping[str, int], name: str, default: int) -> int:
    """The line of a dotted field, else of its parent, else ``default``."""
    while name:
        if name in lines:
            return lines[name]
        name = name.rpartition(".")[0]
    return default
