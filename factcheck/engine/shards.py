"""Work units of an audit: what one process reads and audits at a time.

Every engine (in process, ``--jobs N`` processes, Dask) audits the same shards, planned
the same way, so their outputs are identical by construction:

- a file is read whole, and small files that follow each other in a directory walk are
  batched into one shard (up to ``BLOCK`` bytes or ``BATCH`` files);
- an input given whole (standard input) is one shard that carries its bytes;
- a file whose reader splits it (``documents.registry``: a JSON Lines file larger than
  ``BLOCK``, cut at line starts; a Parquet file, by row group) is one shard per block,
  each knowing its first line, so a finding still names the file's own line, and a bad
  block spoils only itself, not the archive.

Formats are the readers' business: planning asks ``documents.files.file_blocks`` for a
file's blocks (which reads a large JSON Lines file once, at disk speed, to cut it) and
reading hands a block back to ``documents.files.read_block``; the parsing, extraction and
checks happen where the shard is audited. The ids of a cut archive are checked across
its blocks when the results are merged (``engine.merge``). Every input passes the size
cap, ``max_size`` (see ``documents.opening``).
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

from factcheck.documents.files import file_blocks, read_block, read_path
from factcheck.documents.given import GivenInput
from factcheck.documents.jsonl import repeated_id
from factcheck.documents.opening import MAX_INPUT_SIZE
from factcheck.documents.reader import Block
from factcheck.documents.registry import SUFFIXES, reader_for
from factcheck.documents.walk import is_dir, iter_inputs
from factcheck.errors import InputError, guarded
from factcheck.model import Document, Lang

__all__ = ["BATCH", "BLOCK", "Shard", "is_dir", "plan", "read_shard", "stream_documents"]

BLOCK = 1 << 18
BATCH = 64


@dataclass(frozen=True)
class Shard:
    """``files`` (``kind``): ``paths`` read whole. Otherwise one block of one file, read by
    the reader named ``kind``: its units ``start``-``stop`` (bytes, row groups), the first
    on line (row) ``first_line``. Paths are as given, and findings name them so."""

    paths: tuple[str, ...]
    kind: str = "files"
    start: int = 0
    stop: int = 0
    first_line: int = 1
    #: The planner's working directory: a worker elsewhere reads relative paths from it.
    base: str = ""
    #: The bytes of an input given whole (standard input), named ``paths[0]``.
    data: bytes | None = None

    @property
    def path(self) -> str:
        return self.paths[0]

    @property
    def block(self) -> Block:
        return Block(self.start, self.stop, self.first_line)


def _file_shards(path: str, size: int, block: int, max_size: int
                 ) -> Iterator[Shard | InputError]:
    parts = file_blocks(path, size, block, max_size)
    if parts is None:
        yield Shard((path,))
        return
    kind = reader_for(path).name
    for part in parts:
        if isinstance(part, InputError):
            yield part
        elif part.stop is None:  # read whole after all (a binary file: its reading says why)
            yield Shard((path,))
        else:
            yield Shard((path,), kind, part.start, part.stop, part.first_line)


def plan(paths: Sequence[Path | str | GivenInput], block: int | None = None, batch: int = BATCH,
         max_size: int = MAX_INPUT_SIZE) -> Iterator[Shard | InputError]:
    """The shards of every input, in argument and walk order, and the inputs that
    cannot be listed. Lazy: a directory is walked as the shards are taken. ``block``
    defaults to ``BLOCK`` as it is when called."""
    base = os.getcwd()
    for item in _plan(paths, block or BLOCK, batch, max_size):
        yield replace(item, base=base) if isinstance(item, Shard) else item


def _plan(paths: Sequence[Path | str | GivenInput], block: int, batch: int, max_size: int
          ) -> Iterator[Shard | InputError]:
    pending: list[str] = []
    pending_bytes = 0
    reached: set[str] = set()
    for item in iter_inputs(paths, SUFFIXES):
        if isinstance(item, InputError):
            yield item
            continue
        if isinstance(item, GivenInput):
            if pending:
                yield Shard(tuple(pending))
                pending, pending_bytes = [], 0
            if item.error is not None:
                yield item.error
            else:
                yield Shard((item.name,), data=item.data)
            continue
        if len(paths) > 1:  # a file named twice, or inside a directory also named: once
            real = os.path.realpath(item)
            if real in reached:
                continue
            reached.add(real)
        size = _size(str(item))
        for shard in _file_shards(str(item), size, block, max_size):
            if isinstance(shard, Shard) and shard.kind == "files":
                pending.append(shard.path)
                pending_bytes += size
                if len(pending) < batch and pending_bytes < block:
                    continue
                shard = Shard(tuple(pending))
                pending, pending_bytes = [], 0
            elif pending:
                yield Shard(tuple(pending))
                pending, pending_bytes = [], 0
            yield shard
    if pending:
        yield Shard(tuple(pending))


def _size(path: str) -> int:
    try:
        return os.stat(path).st_size
    except (OSError, ValueError):
        return 0  # read_path reports why


def read_shard(shard: Shard, lang: Lang | None = None, published: date | None = None,
               max_size: int = MAX_INPUT_SIZE) -> tuple[list[Document], list[InputError]]:
    """The documents of a shard and its unreadable inputs; raises nothing."""
    if shard.data is not None:
        return read_path(GivenInput(shard.path, shard.data), lang=lang, published=published,
                         max_size=max_size)
    if shard.kind != "files":
        return read_block(shard.path, shard.block, lang, published, max_size, shard.base)
    documents: list[Document] = []
    errors: list[InputError] = []
    for path in shard.paths:
        found, bad = read_path(path, lang=lang, published=published, base=shard.base,
                               max_size=max_size)
        documents.extend(found)
        errors.extend(bad)
    return documents, errors


def stream_documents(paths: Sequence[Path | str | GivenInput], lang: Lang | None = None,
                     published: date | None = None, max_size: int = MAX_INPUT_SIZE
                     ) -> Iterator[Document | InputError]:
    """The documents and errors of every input, shard by shard as ``plan`` cuts them, so
    that no more than a shard's documents are held however large an archive is. The ids
    of an archive cut in blocks are checked across its blocks as they come: a document
    whose id an earlier one has is the error ``read_jsonl`` makes of it. A bug met
    reading a file is that file's ``InternalError``."""
    seen: dict[str, dict[str, int]] = {}  # per archive cut in blocks: id -> first line
    for shard in plan(paths, max_size=max_size):
        if isinstance(shard, InputError):
            yield shard
            continue
        ids = seen.setdefault(shard.path, {}) if shard.kind != "files" else None
        for part in ([shard] if shard.kind != "files" else
                     [replace(shard, paths=(path,)) for path in shard.paths]):
            read = guarded(lambda: read_shard(part, lang, published, max_size),  # noqa: B023
                           "reading", part.path, None if ids is None else part.first_line)
            if isinstance(read, InputError):
                yield read
                continue
            for doc in read[0]:
                line = doc.anchors[0].line
                ident = doc.path.removeprefix(part.path + "#")
                if ids is not None and ident in ids:
                    yield repeated_id(ident, ids[ident], part.path, line)
                    continue
                if ids is not None:
                    ids[ident] = line
                yield doc
            yield from read[1]
