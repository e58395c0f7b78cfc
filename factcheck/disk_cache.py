"""What the tool builds from its data files, kept between runs in a user cache directory.

A value is stored under a name and a key (a hash of the data it was built from, and of
the interpreter that wrote it), in ``marshal``'s format: plain lists, dicts, numbers and
strings. The directory is ``$FACTCHECK_CACHE_DIR``, else ``$XDG_CACHE_HOME/factcheck``,
else ``~/.cache/factcheck``; ``FACTCHECK_CACHE_DIR=off`` turns the cache off. A directory
that is absent and cannot be made, or cannot be written, or a file that cannot be read,
is no error: the value is then built in memory, as on a first run.
"""

from __future__ import annotations

import contextlib
import hashlib
import marshal
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

T = TypeVar("T")
_FORMAT = f"{sys.implementation.cache_tag}-{marshal.version}-1"


def cache_dir() -> Path | None:
    """The cache directory, or None when it is turned off."""
    named = os.environ.get("FACTCHECK_CACHE_DIR")
    if named is not None:
        return None if named.strip().lower() in ("", "off", "0", "none") else Path(named)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "factcheck"


def digest(*parts: bytes | str) -> str:
    """A key for data: the hash of its parts and of the format of the cache."""
    hashed = hashlib.sha256(_FORMAT.encode())
    for part in parts:
        hashed.update(part.encode("utf-8") if isinstance(part, str) else part)
        hashed.update(b"\0")
    return hashed.hexdigest()[:32]


def kept(name: str, key: str, build: Callable[[], T]) -> T:
    """The value stored under ``name`` and ``key``, or ``build()``'s, stored for next time."""
    folder = cache_dir()
    path = None if folder is None else folder / f"{name}-{key}.marshal"
    if path is not None:
        try:
            return _load(path)  # type: ignore[no-any-return]
        except (OSError, EOFError, ValueError, TypeError):
            pass  # absent, unreadable or damaged: built again
    value = build()
    if path is not None:
        store(path, value)
    return value


def _load(path: Path) -> Any:
    with path.open("rb") as handle:
        return marshal.load(handle)


def store(path: Path, value: Any, *, replaces_older: bool = True) -> None:
    """Written whole or not at all (a temporary file renamed); a failure is ignored. With
    ``replaces_older``, the files of the same name and another key are removed."""
    temporary = path.with_name(f".{path.name}.{os.getpid()}")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with temporary.open("wb") as handle:
            marshal.dump(value, handle)
        os.replace(temporary, path)
        family = f"{path.name.rsplit('-', 1)[0]}-*.marshal"
        for older in path.parent.glob(family) if replaces_older else ():
            if older != path:
                older.unlink(missing_ok=True)  # built from data files since replaced
    except (OSError, ValueError):
        with contextlib.suppress(OSError):
            temporary.unlink(missing_ok=True)
