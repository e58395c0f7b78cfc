"""What a reader of one file format is: the suffixes it takes, whether it reads text or
bytes, how a large file of its format splits into blocks, and what the size cap bounds.

The reading around it (``documents.files``) is the same for every format: the file is
opened as a regular file (``documents.opening``), a text reader is given UTF-8 text (of the
whole file or of one block), a bytes reader the open file; blocks are read apart, by the
engine's workers or one after another, and the documents of a file read whole are the
documents of its blocks read in order.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date
from typing import BinaryIO, Literal

from factcheck.documents.opening import MAX_INPUT_SIZE
from factcheck.errors import InputError
from factcheck.model import Document, Lang

#: The documents read, and one error per unreadable part (a line, a row, the file).
Read = tuple[list[Document], list[InputError]]


@dataclass(frozen=True)
class ReadOptions:
    """``lang``/``published`` override a file's own metadata; ``max_size`` is the cap on
    what one input (see ``Reader.capped``) may hold, in bytes."""

    lang: Lang | None = None
    published: date | None = None
    max_size: int = MAX_INPUT_SIZE


@dataclass(frozen=True)
class Block:
    """A part of a file read on its own: units ``start`` to ``stop`` of the file (bytes for a
    text reader, the reader's own units otherwise, e.g. Parquet row groups), the first on
    line (or row) ``first_line``. ``stop`` None is the whole file."""

    start: int = 0
    stop: int | None = None
    first_line: int = 1

    @property
    def whole(self) -> bool:
        return self.stop is None


WHOLE = Block()


class Reader(ABC):
    """One file format. Subclass ``TextReader`` or ``BytesReader``."""

    #: A short name of the format; shards of files it splits are labelled with it.
    name: str
    #: The suffixes of its files, lower case with the dot; a directory walk reads them.
    suffixes: tuple[str, ...]
    #: What the size cap bounds: the whole "file" (read whole, refused when larger), or
    #: each "record" (a file read in blocks; the reader refuses a larger record itself).
    capped: Literal["file", "record"] = "file"

    def splits(self, size: int, block: int) -> bool:
        """Whether a file of ``size`` bytes is read in blocks of about ``block`` bytes
        (``blocks``) rather than whole, as one part."""
        return False

    def blocks(self, handle: BinaryIO, path: str, block: int, max_size: int
               ) -> Iterator[Block | InputError]:
        """The blocks of a file that ``splits``, in file order, and errors about parts that
        are in none (a record over the cap). The handle is at the file's start."""
        yield WHOLE


class TextReader(Reader):
    """A format read from its UTF-8 text (a BOM dropped; binary files refused before)."""

    @abstractmethod
    def read(self, text: str, path: str, block: Block, options: ReadOptions,
             ids: dict[str, int] | None) -> Read:
        """The documents of ``text``, the whole file or ``block`` of it. ``ids`` (id -> its
        line) carries the check for repeated ids across blocks; None: checked elsewhere."""


class BytesReader(Reader):
    """A format read from the open file itself (a binary format, a zip, Parquet)."""

    @abstractmethod
    def read(self, handle: BinaryIO, path: str, block: Block, options: ReadOptions,
             ids: dict[str, int] | None) -> Read:
        """The documents of the file, or of ``block`` of it (see ``TextReader.read``)."""


class WholeDocument(TextReader):
    """A format whose file is one document, built from the file's text by ``build``
    (``build(text, path, lang=..., published=...)``)."""

    def __init__(self, name: str, suffixes: tuple[str, ...],
                 build: Callable[..., Document]) -> None:
        self.name = name
        self.suffixes = suffixes
        self.build = build

    def read(self, text: str, path: str, block: Block, options: ReadOptions,
             ids: dict[str, int] | None) -> Read:
        return [self.build(text, path, lang=options.lang, published=options.published)], []
