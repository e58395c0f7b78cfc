"""Writing a fixed file, and the unified diff that shows a fix without writing it."""

from __future__ import annotations

import difflib
import os
import stat
import tempfile
from pathlib import Path

from factcheck.documents.walk import corrected_copy
from factcheck.errors import OutputError
from factcheck.escaping import one_line


def copy_path(path: str) -> str:
    """Where a draft's corrected copy goes: ``draft.docx`` -> ``draft.fixed.docx``."""
    return str(corrected_copy(Path(path)))


def write_atomic_bytes(path: str, data: bytes, *, like: str | None = None) -> None:
    """Write ``data`` to ``path`` through a temporary file beside it and a rename, so that
    a reader sees the old file or the new one; with the permissions of ``like`` (the file
    being replaced). A file reached through a symbolic link is written where the link
    points. ``OutputError`` when it cannot be written."""
    target = os.path.realpath(path)
    folder = os.path.dirname(target) or "."
    try:
        mode = stat.S_IMODE(os.stat(like or target).st_mode)
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        mode = 0o666 & ~umask
    try:
        fd, temporary = tempfile.mkstemp(prefix=f".{os.path.basename(target)}.",
                                         suffix=".tmp", dir=folder)
    except OSError as error:
        raise OutputError(f"cannot write {one_line(path)}: {error.strerror or error}"
                          ) from None
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.chmod(temporary, mode)
        os.replace(temporary, target)
    except OSError as error:
        Path(temporary).unlink(missing_ok=True)
        raise OutputError(f"cannot write {one_line(path)}: {error.strerror or error}"
                          ) from None


def unified_diff(before: str, after: str, old_name: str, new_name: str) -> str:
    """A unified diff of two texts, as ``diff -u`` and git print it (empty when equal); a
    last line without its newline is marked so."""
    lines = difflib.unified_diff(before.splitlines(keepends=True),
                                 after.splitlines(keepends=True),
                                 f"a/{old_name}", f"b/{new_name}")
    return "".join(line if line.endswith("\n") else line + "\n\\ No newline at end of file\n"
                   for line in lines)
