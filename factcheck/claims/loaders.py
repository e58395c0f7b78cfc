"""Claims files -> validated records with their file and line, and the errors of the rest.

``.yaml``/``.yml``: a list of records, or a mapping ``{records: [...]}``; a record's line
is the line of its first key. ``.json``: a list, or ``{"records": [...]}``; a record's
line is where its object starts. ``.csv``: one record per row (see ``tabular``). Every
problem is an ``InputError`` naming the file, the line of the offending field and the
dotted field; a broken record never stops the others, nor a broken file the other files.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from pathlib import Path

from factcheck.claims.formats import Loaded, read_json, read_yaml
from factcheck.claims.tabular import read_csv
from factcheck.claims.validate import ClaimError, LoadedRecord
from factcheck.documents.files import BINARY_SNIFF, decode
from factcheck.errors import InputError

__all__ = ["SUFFIXES", "ClaimError", "Loaded", "LoadedRecord", "iter_claim_files",
           "load_claims"]

SUFFIXES = frozenset({".yaml", ".yml", ".json", ".csv"})


def iter_claim_files(paths: Iterable[Path | str]) -> Iterator[Path]:
    """Claims files under ``paths``, in argument order, directories walked in sorted order
    (hidden entries skipped, links to directories not followed). A file named explicitly
    is yielded whatever its suffix; a directory that cannot be listed is yielded as is,
    for ``load_claims`` to report."""
    for given in [paths] if isinstance(paths, str | Path) else paths:
        path = Path(given)
        if not path.is_dir():
            yield path
            continue
        try:
            entries = sorted(os.scandir(path), key=lambda e: e.name)
        except OSError:
            yield path
            continue
        for entry in entries:
            if entry.name.startswith("."):
                continue
            if entry.is_dir(follow_symlinks=False):
                yield from iter_claim_files([Path(entry.path)])
            elif Path(entry.name).suffix.lower() in SUFFIXES:
                yield Path(entry.path)


def claims_text(path: Path | str) -> str | InputError:
    """The text of a claims file, or why it cannot be read as one."""
    name = str(path)
    try:
        data = Path(path).read_bytes()
    except OSError as error:
        return InputError(f"cannot read: {error.strerror or error}", path=name)
    try:
        if b"\0" in data[:BINARY_SNIFF]:
            raise InputError("binary file (a NUL byte in the first 8 KB)", path=name)
        text = decode(data, name)
        if not text.strip():
            raise InputError("empty file: expected a list of claims records", path=name)
        return text
    except InputError as error:
        return error


def load_claims(path: Path | str) -> Loaded:
    """The valid records of one file, and one error per problem (never raises)."""
    name = str(path)
    text = claims_text(path)
    if not isinstance(text, str):
        return [], [text]
    try:
        suffix = Path(path).suffix.lower()
        if suffix == ".csv":
            return read_csv(text, name)
        if suffix == ".json":
            return read_json(text, name)
        if suffix in (".yaml", ".yml"):
            return read_yaml(text, name)
        raise InputError(f"not a claims file suffix: {suffix or '(none)'} "
                         "(expected .yaml, .yml, .json or .csv)", path=name)
    except InputError as error:
        return [], [error]
    except Exception as error:  # the safety net: one bad file never stops the others
        return [], [InputError(f"cannot parse: {type(error).__name__}: {error}", path=name)]
