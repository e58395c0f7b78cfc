"""One error family. Bad input, bad configuration and an output that cannot be written are
exceptions of this family (the command line exits 2 on them); findings about figures are
never exceptions. Any other exception is a bug in the tool (exit 3). A bug met while
reading, extracting or checking one input is contained there (:func:`guarded`): it becomes
an ``InternalError``, the record of the failure on that input (IN002), and the other inputs
are still audited.

An error prints as ``path:line: field: message`` on one line per line of its message: the
path and the field are escaped whole, the message line by line (see
:mod:`factcheck.escaping`), so a file name with a line break or an escape sequence can
neither fake a line of output nor reach the terminal. A message quotes its input only
through :func:`factcheck.escaping.excerpt`.
"""

from __future__ import annotations

import os
import sys
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from factcheck.escaping import one_line, shorten
from factcheck.phrases import Said

T = TypeVar("T")
_PACKAGE = Path(__file__).resolve().parent


class FactcheckError(Exception):
    """Base of the errors about what the tool was given: bad input, options or output."""

    def __init__(
        self, message: str | Said, *, path: str | None = None, line: int | None = None,
        field: str | None = None,
    ) -> None:
        text = message.english() if isinstance(message, Said) else message
        super().__init__(text)
        self.message = text
        #: the message as its form and pieces (``phrases``), for a locale; None: as written
        self.said = message if isinstance(message, Said) else None
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

    def elsewhere(self, path: str) -> InputError:
        """The same error on the input at ``path``."""
        return InputError(self.said or self.message, path=path, line=self.line,
                          field=self.field)


class ConfigError(FactcheckError):
    """A bad option, rule pack or rate table."""


class OutputError(FactcheckError):
    """An output file or folder that cannot be written."""


class InternalError(InputError):
    """A bug in the tool met on one input, contained there. Never raised: it is the record
    that input's audit leaves (IN002), naming the input, where known its line, the
    exception's type and message, and the place in factcheck's code that raised it."""

    def __init__(self, message: str, *, path: str | None = None, line: int | None = None,
                 exception: str = "", raised_at: str | None = None) -> None:
        super().__init__(message, path=path, line=line)
        self.exception = exception
        self.raised_at = raised_at

    def elsewhere(self, path: str) -> InternalError:
        """The same failure on the input at ``path``."""
        return InternalError(self.message, path=path, line=self.line,
                             exception=self.exception, raised_at=self.raised_at)

    @classmethod
    def of(cls, error: BaseException, activity: str, path: str,
           line: int | None = None) -> InternalError:
        """The record of ``error``, raised while ``activity`` ("auditing") the input at
        ``path``; with FACTCHECK_DEBUG set the traceback goes to stderr too."""
        if os.environ.get("FACTCHECK_DEBUG"):
            traceback.print_exception(error, file=sys.stderr)
        kind = type(error).__name__
        detail = shorten(str(error))
        message = f"internal error while {activity}: {kind}" + (f": {detail}" if detail else "")
        return cls(message, path=path, line=line, exception=kind,
                   raised_at=_raised_at(error))


def _raised_at(error: BaseException) -> str | None:
    """"factcheck/checks/ratio.py:143": the innermost frame of the traceback in the
    package's own code, if any."""
    place = None
    for frame in traceback.extract_tb(error.__traceback__):
        file = Path(frame.filename).resolve()
        if file.is_relative_to(_PACKAGE):
            place = f"factcheck/{file.relative_to(_PACKAGE).as_posix()}:{frame.lineno}"
    return place


def guarded(call: Callable[[], T], activity: str, path: str,
            line: int | None = None) -> T | InputError:
    """``call()``, or the record of why it failed on the input at ``path``: an
    ``InputError`` it raised as it is, any other exception but the family's (a bad option
    or output concerns the whole run, and stops it) as an ``InternalError``. One input's
    failure never stops the others."""
    try:
        return call()
    except InputError as error:
        return error
    except FactcheckError:
        raise
    except Exception as error:
        return InternalError.of(error, activity, path, line)
