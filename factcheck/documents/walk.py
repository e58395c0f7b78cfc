"""Finding the files under the paths given: the one walk for articles and claims files.

Each family names its suffixes (``documents.registry.SUFFIXES`` for articles,
``claims.loaders.SUFFIXES`` for claims); what is found is opened through
``documents.opening``, which refuses anything but a regular file.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Collection, Iterable, Iterator
from pathlib import Path

from factcheck.documents.given import GivenInput
from factcheck.errors import InputError

#: Names a walk passes over: hidden entries, and the lock files a word processor keeps
#: beside an open draft ("~$draft.docx", ".~lock.draft.odt#"), which are no documents.
SKIPPED_PREFIXES = (".", "~$")


#: What ``factcheck fix`` inserts before the suffix of the corrected copy it writes beside
#: a draft it cannot change in place: ``draft.docx`` -> ``draft.fixed.docx``.
CORRECTED_COPY_INFIX = ".fixed"


def skipped(name: str) -> bool:
    """Whether a walk passes over an entry of this name (see ``SKIPPED_PREFIXES``)."""
    return name.startswith(SKIPPED_PREFIXES)


def corrected_copy(path: Path) -> Path:
    """Where the corrected copy of the draft at ``path`` goes: ``draft.fixed.docx``."""
    return path.with_name(f"{path.stem}{CORRECTED_COPY_INFIX}{path.suffix}")


def is_corrected_copy(name: str, siblings: Collection[str]) -> bool:
    """Whether ``name`` is the corrected copy of a draft that is among ``siblings`` (the
    names of its folder): ``draft.fixed.docx`` beside ``draft.docx``. Such a copy restates
    its draft, so a folder audit reads the draft alone; a ``notes.fixed.md`` with no
    ``notes.md`` beside it is a document like any other."""
    path = Path(name)
    if not path.stem.endswith(CORRECTED_COPY_INFIX):
        return False
    return f"{path.stem.removesuffix(CORRECTED_COPY_INFIX)}{path.suffix}" in siblings


def is_dir(path: Path) -> bool:
    """Whether ``path`` is a directory (through links); False when it cannot be told."""
    try:
        return path.is_dir()
    except (OSError, ValueError):  # a name too long, say: a file, which the reader refuses
        return False


_Listing = tuple[Iterator[os.DirEntry[str]], frozenset[str]]


def _entries(folder: Path) -> _Listing | InputError:
    """A folder's entries in name order, and the set of their names."""
    try:
        with os.scandir(folder) as scan:
            entries = sorted(scan, key=lambda entry: entry.name)
        return iter(entries), frozenset(entry.name for entry in entries)
    except OSError as error:
        return InputError(f"cannot list directory: {error.strerror or error}", path=str(folder))


def _is_dir(entry: os.DirEntry[str]) -> bool:
    try:
        return entry.is_dir(follow_symlinks=False)
    except OSError:
        return False


def _always(_: Path) -> bool:
    return True


def walk(root: Path, keep: Callable[[Path], bool],
         descend: Callable[[Path], bool] = _always) -> Iterator[Path | InputError]:
    """Files under ``root`` that ``keep`` accepts, in sorted path order (depth first), and
    the directories that cannot be listed; a directory is walked when ``descend`` accepts it.

    Hidden entries (a name starting with "."), a word processor's lock files ("~$") and
    the corrected copies ``factcheck fix`` wrote beside their drafts are skipped;
    symbolic links to directories are not followed, so there are no cycles. Each directory
    is listed when reached. An entry is yielded whatever its type (a pipe named
    ``feed.md`` too): opening it says whether it can be read.
    """
    stack: list[_Listing] = []
    first = _entries(root)
    if isinstance(first, InputError):
        yield first
        return
    stack.append(first)
    while stack:
        entries, names = stack[-1]
        entry = next(entries, None)
        if entry is None:
            stack.pop()
        elif skipped(entry.name):
            continue
        elif _is_dir(entry):
            if not descend(Path(entry.path)):
                continue
            below = _entries(Path(entry.path))
            if isinstance(below, InputError):
                yield below
            else:
                stack.append(below)
        elif not is_corrected_copy(entry.name, names) and keep(Path(entry.path)):
            yield Path(entry.path)


def with_suffix_in(suffixes: Collection[str]) -> Callable[[Path], bool]:
    """A ``keep`` for ``walk``: files whose suffix (lower case) is in ``suffixes``."""
    return lambda path: path.suffix.lower() in suffixes


def iter_inputs(paths: Iterable[Path | str | GivenInput] | Path | str,
                suffixes: Collection[str]) -> Iterator[Path | GivenInput | InputError]:
    """The files of ``paths`` in argument order: a directory walked (``walk``), anything
    else yielded as named, whatever its suffix (an input given whole as it is)."""
    for given in [paths] if isinstance(paths, str | Path) else paths:
        if isinstance(given, GivenInput):
            yield given
            continue
        path = Path(given)
        if is_dir(path):
            yield from walk(path, with_suffix_in(suffixes))
        else:
            yield path
