"""Regular expressions built from the language data, compiled once per machine.

Python compiles a pattern in Python code (``re._parser`` and ``re._compiler``): the
alternations of every scale word, currency name and period phrase of three languages cost
about a tenth of a second, which every fresh process would pay again. ``compiled`` keeps
what compiling yields (the engine's code, the groups and their names) in the user cache
(``disk_cache``: absent, unwritable or turned off, nothing is kept and every pattern is
compiled as ``re.compile`` does), keyed by the pattern's own text and flags, so a pattern
changed by new data or new code is compiled afresh. What a run compiled anew is written
when the process ends. The engine checks the code it is given; where it is not the one
CPython's ``re`` uses, or the cache is damaged, the pattern is compiled by ``re.compile``.
"""

from __future__ import annotations

import atexit
import contextlib
import importlib
import marshal
import re
import sys
from array import array
from pathlib import Path
from typing import Any

from factcheck.disk_cache import cache_dir, digest, store

#: (flags, code, groups, group names, names by index): what ``re._compiler.compile`` hands
#: to the engine, the code as the bytes of an array of 32-bit words (read back far faster
#: than a list of numbers).
Parts = tuple[int, bytes, int, dict[str, int], tuple[str | None, ...]]
WORD = "I" if array("I").itemsize == 4 else "L"  # the engine's code words are 32 bits
MAX_KEPT = 4096  # patterns in the file; beyond, only those the last run used are kept


class _Store:
    """The patterns of the cache file, those this process used, and whether it added any."""

    def __init__(self) -> None:
        self.loaded = False
        self.parts: dict[tuple[str, int], Parts] = {}
        self.used: set[tuple[str, int]] = set()
        self.added = False

    def path(self) -> Path | None:
        folder = cache_dir()
        engine = getattr(_engine(), "MAGIC", None)
        if folder is None or engine is None:
            return None
        return folder / f"patterns-{digest('compiled patterns', str(engine), sys.version)}.marshal"

    def load(self) -> None:
        self.loaded = True
        path = self.path()
        if path is None:
            return
        with contextlib.suppress(OSError, EOFError, ValueError, TypeError):
            with path.open("rb") as handle:
                found = marshal.load(handle)
            if isinstance(found, dict):
                self.parts = found

    def save(self) -> None:
        """Write the patterns (those used, when the file has grown past ``MAX_KEPT``)."""
        path = self.path()
        if path is None or not self.added:
            return
        kept = self.parts if len(self.parts) <= MAX_KEPT else {
            key: self.parts[key] for key in self.used if key in self.parts}
        store(path, kept, replaces_older=False)


_STORE = _Store()


def _engine() -> Any:
    """CPython's regular-expression engine, or None where there is none to hand code to."""
    try:
        return importlib.import_module("_sre")
    except ImportError:  # pragma: no cover - another implementation of Python
        return None


def compiled(source: str, flags: int = 0) -> re.Pattern[str]:
    """``re.compile(source, flags)``, its compilation kept between runs."""
    engine = _engine()
    if engine is None:
        return re.compile(source, flags)
    if not _STORE.loaded:
        _STORE.load()
    key = (source, int(flags))
    _STORE.used.add(key)
    parts = _STORE.parts.get(key)
    if parts is not None:
        try:
            flags_used, code, groups, names, by_index = parts
            pattern: re.Pattern[str] = engine.compile(source, flags_used, _words(code), groups,
                                                      names, by_index)
            return pattern
        except (TypeError, ValueError, RuntimeError, OverflowError, MemoryError):
            pass  # damaged, or another engine's code: compiled again below
    try:
        parts = _parts(source, int(flags))
        flags_used, code, groups, names, by_index = parts
        pattern = engine.compile(source, flags_used, _words(code), groups, names, by_index)
    except (AttributeError, TypeError, ValueError, RuntimeError, OverflowError):
        return re.compile(source, flags)  # an engine that takes its code otherwise
    if not _STORE.added:
        _STORE.added = True
        atexit.register(_STORE.save)
    _STORE.parts[key] = parts
    return pattern


def _parts(source: str, flags: int) -> Parts:
    """What ``re._compiler.compile`` computes before it calls the engine (raises
    ``re.error`` for a bad pattern, as ``re.compile`` does)."""
    parser = importlib.import_module("re._parser")
    compiler = importlib.import_module("re._compiler")
    parsed = parser.parse(source, flags)
    code = array(WORD, compiler._code(parsed, flags)).tobytes()
    names: dict[str, int] = dict(parsed.state.groupdict)
    by_index: list[str | None] = [None] * parsed.state.groups
    for name, index in names.items():
        by_index[index] = name
    return (int(flags | parsed.state.flags), code, parsed.state.groups - 1, names,
            tuple(by_index))


def _words(code: bytes) -> list[int]:
    words = array(WORD)
    words.frombytes(code)
    return words.tolist()
