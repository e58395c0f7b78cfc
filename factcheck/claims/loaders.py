"""Claims files -> validated records with their file and line, and the errors of the rest.

``.yaml``/``.yml``: a list of records, or a mapping ``{records: [...]}``; a record's line
is the line of its first key. ``.json``: a list, or ``{"records": [...]}``; a record's
line is where its object starts. ``.csv``: one record per row (see ``tabular``). Every
problem is an ``InputError`` naming the file, the line of the offending field and the
dotted field; a broken record never stops the others, nor a broken file the other files.

Claims files are found by the articles' walk and opened as every input is
(``documents.opening``). A claims file is parsed whole, so the size cap bounds the file:
a table larger than 64 MiB (about 600,000 CSV records) is audited with a larger
``--max-input-size``.
"""

from __future__ import annotations

import io
from collections.abc import Iterable, Iterator
from pathlib import Path

from factcheck.claims.formats import Loaded, read_json, read_yaml
from factcheck.claims.tabular import read_csv
from factcheck.claims.validate import ClaimError, LoadedRecord
from factcheck.documents.given import GivenInput
from factcheck.documents.opening import MAX_INPUT_SIZE, read_text_file, whole_text
from factcheck.documents.walk import iter_inputs
from factcheck.errors import InputError
from factcheck.escaping import one_line, shorten

__all__ = ["SUFFIXES", "ClaimError", "Loaded", "LoadedRecord", "iter_claim_files",
           "load_claims", "parse_claims"]

SUFFIXES = frozenset({".yaml", ".yml", ".json", ".csv"})


def iter_claim_files(paths: Iterable[Path | str | GivenInput] | Path | str
                     ) -> Iterator[Path | GivenInput | InputError]:
    """Claims files under ``paths``, in argument order, directories walked in sorted order
    (hidden entries skipped, links to directories not followed), and the directories that
    cannot be listed (which ``load_claims`` returns as the file's error). A file named
    explicitly is yielded whatever its suffix. The walk is the articles' (``documents.walk``)."""
    return iter_inputs(paths, SUFFIXES)


def claims_text(path: Path | str | GivenInput, max_size: int = MAX_INPUT_SIZE
                ) -> str | InputError:
    """The text of a claims file, or why it cannot be read as one: a claims file is read
    whole, so it is opened as every input is (``documents.opening``: a regular file, at
    most ``max_size`` bytes, UTF-8, not binary, not blank); standard input is read from
    its bytes the same way."""
    empty = "empty file: expected a list of claims records"
    try:
        if isinstance(path, GivenInput) and path.error is not None:
            return path.error
        if isinstance(path, GivenInput):
            return whole_text(io.BytesIO(path.data), len(path.data), path.name, max_size,
                              empty=empty)
        return read_text_file(str(path), max_size, empty=empty)
    except InputError as error:
        return error


def load_claims(path: Path | str | GivenInput | InputError, max_size: int = MAX_INPUT_SIZE
                ) -> Loaded:
    """The valid records of one file, and one error per problem (never raises). ``path``
    may be the error ``iter_claim_files`` yields for a directory it cannot list."""
    if isinstance(path, InputError):
        return [], [path]
    name = str(path)
    text = claims_text(path, max_size)
    if not isinstance(text, str):
        return [], [text]
    return parse_claims(text, name)


def parse_claims(text: str, name: str) -> Loaded:
    """The valid records of the text of a claims file named ``name`` (its suffix is its
    format), and one error per problem (never raises)."""
    try:
        suffix = Path(name).suffix.lower()
        if suffix == ".csv":
            return read_csv(text, name)
        if suffix == ".json":
            return read_json(text, name)
        if suffix in (".yaml", ".yml"):
            return read_yaml(text, name)
        raise InputError(f"not a claims file suffix: {one_line(suffix) or '(none)'} "
                         "(expected .yaml, .yml, .json or .csv)", path=name)
    except InputError as error:
        return [], [error]
    except Exception as error:  # the safety net: one bad file never stops the others
        return [], [InputError(f"cannot parse: {type(error).__name__}: {shorten(str(error))}",
                               path=name)]
