"""Work units of an audit: what one process reads and audits at a time.

Every engine (in process, ``--jobs N`` processes, Dask) audits the same shards, planned
the same way, so their outputs are identical by construction:

- a file is read whole, and small files that follow each other in a directory walk are
  batched into one shard (up to ``BLOCK`` bytes or ``BATCH`` files);
- a JSON Lines file larger than ``BLOCK`` is cut at line starts into blocks of about
  ``BLOCK`` bytes, each knowing its first byte and line, so a finding still names the
  file's own line; a bad byte spoils only its block, not the archive;
- a Parquet file is one shard per row group.

Planning reads a large JSON Lines file once, to count its lines (at disk speed); the
parsing, extraction and checks happen where the shard is audited. The ids of a
cut archive are checked across its blocks or row groups when the results are merged
(``engine.merge``).
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from typing import Literal

from factcheck.documents.files import BINARY_SNIFF, decode, read_path, walk
from factcheck.errors import InputError
from factcheck.model import Document, Lang

BLOCK = 1 << 18
BATCH = 64


@dataclass(frozen=True)
class Shard:
    """``files``: ``paths`` read whole. ``jsonl``: bytes ``start``-``stop`` of one file,
    starting on line ``first_line``. ``parquet``: row group ``start`` of one file, whose
    first row is ``first_line``. Paths are as given, and findings name them so."""

    paths: tuple[str, ...]
    kind: Literal["files", "jsonl", "parquet"] = "files"
    start: int = 0
    stop: int = 0
    first_line: int = 1
    #: The planner's working directory: a worker elsewhere reads relative paths from it.
    base: str = ""

    @property
    def path(self) -> str:
        return self.paths[0]


def _jsonl_blocks(path: str, size: int, block: int) -> Iterator[Shard | InputError]:
    try:
        with open(path, "rb") as handle:
            if b"\0" in handle.read(BINARY_SNIFF):  # read_path says why, once
                yield Shard((path,))
                return
            handle.seek(0)
            start, line = 0, 1
            while start < size:
                data = handle.read(block) + handle.readline()
                if not data:  # shorter than it was a moment ago
                    break
                stop = start + len(data)
                yield Shard((path,), "jsonl", start, stop, line)
                line += data.count(b"\n")
                start = stop
    except OSError as error:
        yield InputError(f"cannot read: {error.strerror or error}", path=path)


def _file_shards(path: str, size: int, block: int) -> Iterator[Shard | InputError]:
    suffix = Path(path).suffix.lower()
    if suffix == ".parquet":
        from factcheck.documents.parquet import row_groups

        try:
            groups = row_groups(path)
        except InputError as error:
            yield error
            return
        for group, first_row in groups:
            yield Shard((path,), "parquet", group, group + 1, first_row)
        return
    if suffix == ".jsonl" and size > block:
        yield from _jsonl_blocks(path, size, block)
    else:
        yield Shard((path,))


def plan(paths: Sequence[Path | str], block: int | None = None, batch: int = BATCH
         ) -> Iterator[Shard | InputError]:
    """The shards of every input, in argument and walk order, and the inputs that
    cannot be listed. Lazy: a directory is walked as the shards are taken. ``block``
    defaults to ``BLOCK`` as it is when called."""
    base = os.getcwd()
    for item in _plan(paths, block or BLOCK, batch):
        yield replace(item, base=base) if isinstance(item, Shard) else item


def _plan(paths: Sequence[Path | str], block: int, batch: int) -> Iterator[Shard | InputError]:
    pending: list[str] = []
    pending_bytes = 0
    reached: set[str] = set()
    for given in map(Path, paths):
        files = walk(given) if is_dir(given) else iter([given])
        for item in files:
            if isinstance(item, InputError):
                yield item
                continue
            if len(paths) > 1:  # a file named twice, or inside a directory also named: once
                real = os.path.realpath(item)
                if real in reached:
                    continue
                reached.add(real)
            size = _size(str(item))
            for shard in _file_shards(str(item), size, block):
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


def is_dir(path: Path) -> bool:
    try:
        return path.is_dir()
    except OSError:  # a name too long, say: then it is a file, and read_path says why
        return False


def _size(path: str) -> int:
    try:
        return os.stat(path).st_size
    except OSError:
        return 0  # read_path reports why


def read_shard(shard: Shard, lang: Lang | None = None, published: date | None = None
               ) -> tuple[list[Document], list[InputError]]:
    """The documents of a shard and its unreadable inputs; raises nothing."""
    documents: list[Document] = []
    errors: list[InputError] = []
    try:
        if shard.kind == "files":
            for path in shard.paths:
                found, bad = read_path(path, lang=lang, published=published, base=shard.base)
                documents.extend(found)
                errors.extend(bad)
        elif shard.kind == "parquet":
            from factcheck.documents.parquet import read_row_group

            return read_row_group(shard.path, shard.start, shard.first_line, lang=lang,
                                  published=published, base=shard.base)
        else:
            return _read_block(shard, lang, published)
    except InputError as error:
        errors.append(error)
    except Exception as error:  # the IN001 safety net: one bad block never stops a run
        errors.append(InputError(f"cannot parse: {type(error).__name__}: {error}",
                                 path=shard.path, line=shard.first_line))
    return documents, errors


def _read_block(shard: Shard, lang: Lang | None, published: date | None
                ) -> tuple[list[Document], list[InputError]]:
    from factcheck.documents.jsonl import read_jsonl

    try:
        with open(os.path.join(shard.base, shard.path), "rb") as handle:
            handle.seek(shard.start)
            data = handle.read(shard.stop - shard.start)
    except OSError as error:
        raise InputError(f"cannot read: {error.strerror or error}", path=shard.path,
                         line=shard.first_line) from None
    raw = decode(data, shard.path, shard.start, shard.first_line)
    return read_jsonl(raw, shard.path, lang=lang, published=published,
                      first_line=shard.first_line, check_ids=False)
