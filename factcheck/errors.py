"""One error family. Bad input, bad configuration and an output that cannot be written are
exceptions of this family (the command line exits 2 on them); findings about figures are
never exceptions. Any other exception is a bug in the tool (exit 3); ``working_on`` records
which input it happened on.

An error prints as ``path:line: field: message`` on one line per line of its message: the
path and the field are escaped whole, the message line by line (see
:mod:`factcheck.escaping`), so a file name with a line break or an escape sequence can
neither fake a line of output nor reach the terminal. A message quotes its input only
through :func:`factcheck.escaping.excerpt`.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager, suppress

from factcheck.escaping import one_line

_CONTEXT = "factcheck_context"


class FactcheckError(Exception):
    """Base of the errors about what the tool was given: bad input, options or output."""

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


class OutputError(FactcheckError):
    """An output file or folder that cannot be written."""


@contextmanager
def working_on(activity: str, path: str) -> Iterator[None]:
    """Mark a bug raised inside the block with what was being done to which input
    ("auditing", "articles/a.md"), for the one-line internal error; the innermost mark
    wins. Errors of the family pass unmarked: they name their input themselves."""
    try:
        yield
    except FactcheckError:
        raise
    except Exception as error:
        if not hasattr(error, _CONTEXT):
            with suppress(AttributeError, TypeError):  # an exception type without __dict__
                setattr(error, _CONTEXT, f"{activity} {path}")
        raise


def context_of(error: BaseException) -> str | None:
    """What the tool was doing when ``error`` was raised ("auditing PATH"), when known."""
    found = getattr(error, _CONTEXT, None)
    return found if isinstance(found, str) else None
