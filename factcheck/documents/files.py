"""Reading files and directories: dispatch on the suffix, never raise but ``InputError``."""

from __future__ import annotations

import codecs
import os
from collections.abc import Callable, Iterator, Sequence
from datetime import date
from pathlib import Path

from factcheck.documents.htmlpage import read_html
from factcheck.documents.jsonl import read_jsonl
from factcheck.documents.markdown import read_markdown
from factcheck.documents.parquet import read_parquet
from factcheck.documents.text import read_text
from factcheck.errors import InputError
from factcheck.model import Document, Lang

Reader = Callable[..., Document]
READERS: dict[str, Reader] = {
    ".txt": read_text, ".text": read_text,
    ".md": read_markdown, ".markdown": read_markdown,
    ".html": read_html, ".htm": read_html,
}
#: The suffixes a directory walk reads (a file named explicitly is read whatever its suffix).
SUFFIXES = frozenset({*READERS, ".jsonl", ".parquet"})
BINARY_SNIFF = 8192


def decode(data: bytes, path: str, first_byte: int = 0, first_line: int = 1) -> str:
    """UTF-8 text without its BOM; ``InputError`` names the line and byte of a bad byte.

    ``data`` may be a block of a file that starts at a line start: byte ``first_byte``,
    line ``first_line`` (the BOM is only looked for at the start of the file)."""
    skip = len(codecs.BOM_UTF8) if first_byte == 0 and data.startswith(codecs.BOM_UTF8) else 0
    try:
        return data[skip:].decode("utf-8")
    except UnicodeDecodeError as error:
        offset = skip + error.start
        line = first_line + data.count(b"\n", 0, offset)
        column = offset - (data.rfind(b"\n", 0, offset) + 1) + 1
        raise InputError(
            f"invalid UTF-8: byte 0x{data[offset]:02x} at byte offset {first_byte + offset} "
            f"(byte {column} of the line); the file must be UTF-8",
            path=path, line=line,
        ) from None


def read_path(
    path: Path | str, *, lang: Lang | None = None, published: date | None = None,
    base: str = "",
) -> tuple[list[Document], list[InputError]]:
    """The documents in one file, or the errors that made it (or some of its lines) unreadable.

    ``.txt``/``.text`` plain text, ``.md``/``.markdown`` Markdown, ``.html``/``.htm`` HTML,
    ``.jsonl`` JSON Lines, ``.parquet`` Parquet (``documents.parquet``); any other suffix is
    read as plain text. Binary, empty and non-UTF-8 files are errors. Raises nothing: every
    failure is an ``InputError``. A relative ``path`` is read from the directory ``base``
    (a worker's view of the command's working directory) and named as given.
    """
    name = str(path)
    suffix = Path(path).suffix.lower()
    try:
        if suffix == ".parquet":
            return read_parquet(name, lang=lang, published=published, base=base)
        data = Path(base, path).read_bytes()
    except InputError as error:
        return [], [error]
    except OSError as error:
        return [], [InputError(f"cannot read: {error.strerror or error}", path=name)]
    except Exception as error:  # the IN001 safety net: one bad file never stops a run
        return [], [InputError(f"cannot parse: {type(error).__name__}: {error}", path=name)]
    try:
        if b"\0" in data[:BINARY_SNIFF]:
            raise InputError("binary file (a NUL byte in the first 8 KB)", path=name)
        raw = decode(data, name)
        del data
        if not raw.strip():
            raise InputError("empty file", path=name)
        if suffix == ".jsonl":
            return read_jsonl(raw, name, lang=lang, published=published)
        reader = READERS.get(suffix, read_text)
        return [reader(raw, name, lang=lang, published=published)], []
    except InputError as error:
        return [], [error]
    except Exception as error:  # the IN001 safety net: one bad file never stops a run
        message = f"cannot parse: {type(error).__name__}: {error}"
        return [], [InputError(message, path=name)]


def _entries(folder: Path) -> Iterator[os.DirEntry[str]] | InputError:
    try:
        with os.scandir(folder) as scan:
            return iter(sorted(scan, key=lambda entry: entry.name))
    except OSError as error:
        return InputError(f"cannot list directory: {error.strerror or error}", path=str(folder))


def _is_dir(entry: os.DirEntry[str]) -> bool:
    try:
        return entry.is_dir(follow_symlinks=False)
    except OSError:
        return False


def walk(root: Path) -> Iterator[Path | InputError]:
    """Files under ``root`` with a known suffix, in sorted path order (depth first).

    Hidden entries (a name starting with ".") are skipped; symbolic links to directories
    are not followed, so there are no cycles. Each directory is listed when reached.
    """
    stack: list[Iterator[os.DirEntry[str]]] = []
    first = _entries(root)
    if isinstance(first, InputError):
        yield first
        return
    stack.append(first)
    while stack:
        entry = next(stack[-1], None)
        if entry is None:
            stack.pop()
        elif entry.name.startswith("."):
            continue
        elif _is_dir(entry):
            below = _entries(Path(entry.path))
            if isinstance(below, InputError):
                yield below
            else:
                stack.append(below)
        elif Path(entry.name).suffix.lower() in SUFFIXES:
            yield Path(entry.path)


def iter_documents(
    paths: Sequence[Path | str], *, lang: Lang | None = None, published: date | None = None
) -> Iterator[Document | InputError]:
    """Documents and errors of every path, in argument order; directories are walked.

    Files are read one at a time, as the iterator is consumed. A file's documents come
    before its errors. ``lang``/``published`` override each file's own metadata.
    """
    if isinstance(paths, str | Path):
        paths = [paths]
    for given in paths:
        path = Path(given)
        files: Iterator[Path | InputError] = walk(path) if path.is_dir() else iter([path])
        for item in files:
            if isinstance(item, InputError):
                yield item
                continue
            documents, errors = read_path(item, lang=lang, published=published)
            yield from documents
            yield from errors
