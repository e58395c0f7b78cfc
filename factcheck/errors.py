"""One error family. Bad input and bad configuration are exceptions (exit code 2);
findings about figures are never exceptions.

An error prints as ``path:line: field: message`` on one line per line of its message: the
path and the field are escaped whole, the message line by line (see
:mod:`factcheck.escaping`), so a file name with a line break or an escape sequence can
neither fake a line of output nor reach the terminal. A message quotes its input only
through :func:`factcheck.escaping.excerpt`.
"""

from __future__ import annotations

from factcheck.escaping import one_line


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
        parts = [one_line(p) for p in (where, self.field) if p]
        message = "\n".join(one_line(line) for line in self.message.split("\n"))
        return ": ".join([*parts, message])


class InputError(FactcheckError):
    """An input file that cannot be read, decoded or parsed."""


class ConfigError(FactcheckError):
    """A bad option, rule pack or rate table."""
