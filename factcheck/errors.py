"""One error family. Bad input and bad configuration are exceptions (exit code 2);
findings about figures are never exceptions."""

from __future__ import annotations


class FactcheckError(Exception):
    """Base of every error the CLI maps to exit code 2."""

    exit_code = 2

    def __init__(
        self, message: str, *, path: str | None = None, line: int | None = None,
        field: str | None = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.path = path
        self.line = line
        self.field = field

    def __str__(self) -> str:
        where = ":".join(str(p) for p in (self.path, self.line) if p is not None)
        parts = [p for p in (where, self.field) if p]
        return ": ".join([*parts, self.message])


class InputError(FactcheckError):
    """An input file that cannot be read, decoded or parsed."""


class ConfigError(FactcheckError):
    """A bad option, rule pack or rate table."""
