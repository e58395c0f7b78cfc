"""Adding up shard results: findings, counts, kept documents, and ids repeated across the
blocks or row groups of one archive.

The ids of an archive cut into JSON Lines blocks or Parquet row groups are checked
here, across its shards, rather than by each shard. The parent keeps, per archive, each
document's id hash, line and id (about 30 bytes a document, in arrays, not a dict of
strings), and settles repeats when all shards are in: the first document keeps its
findings, a later one with the same id becomes an IN001 error on its line, worded as
``read_jsonl`` words it for a whole file.
"""

from __future__ import annotations

from array import array
from collections.abc import Callable, Iterable, Iterator

from factcheck.documents.jsonl import repeated_id
from factcheck.engine.parallel import ShardResult
from factcheck.engine.shards import Shard
from factcheck.errors import InputError
from factcheck.model import DocumentFigures, Finding


class IdLog:
    """The ids of one archive's documents, whatever order their shards came back in."""

    def __init__(self) -> None:
        self.hashes = array("q")
        self.lines = array("q")
        self.ends = array("q")
        self.text = bytearray()

    def add(self, ident: str, line: int) -> None:
        self.hashes.append(hash(ident))
        self.lines.append(line)
        self.text += ident.encode("utf-8", "surrogatepass")  # JSON allows a lone surrogate
        self.ends.append(len(self.text))

    def ident(self, index: int) -> str:
        start = self.ends[index - 1] if index else 0
        return self.text[start:self.ends[index]].decode("utf-8", "surrogatepass")

    def repeats(self) -> Iterator[tuple[str, int, int]]:
        """(id, line, line of its first document) of every document whose id an earlier
        line has; a hash shared by different ids is not a repeat. Linear after the sort:
        each run of equal hashes is walked once."""
        import numpy as np  # deferred: loaded only when an archive was cut into blocks

        hashes = np.frombuffer(self.hashes, dtype=np.int64)
        order = np.lexsort((np.frombuffer(self.lines, dtype=np.int64), hashes))
        ordered = hashes[order]
        starts = np.flatnonzero(np.diff(ordered, prepend=ordered[:1] - 1))
        ends = np.append(starts[1:], len(ordered))
        for start, end in zip(starts[ends - starts > 1].tolist(),
                              ends[ends - starts > 1].tolist(), strict=True):
            first_line: dict[str, int] = {}
            for index in order[start:end].tolist():  # by line
                ident = self.ident(index)
                if ident in first_line:
                    yield ident, self.lines[index], first_line[ident]
                else:
                    first_line[ident] = self.lines[index]


class Merged:
    """The findings, counts and documents of the shard results, in the order given."""

    def __init__(self, unreadable: Callable[[InputError], Iterable[Finding]]) -> None:
        self.unreadable = unreadable  # the findings of an input that could not be read
        self.findings: list[Finding] = []
        self.documents: list[DocumentFigures] = []
        self.audited = 0
        self.suppressed = 0
        self._ids: dict[str, IdLog] = {}
        self._hidden: dict[tuple[str, int], int] = {}  # suppressed, by document

    def shards_of(self, planned: Iterable[Shard | InputError]) -> Iterator[Shard]:
        """The shards of a plan; the inputs that could not be listed are reported."""
        for item in planned:
            if isinstance(item, Shard):
                yield item
            else:
                self.add_unreadable(item)

    def add_unreadable(self, error: InputError) -> None:
        self.findings.extend(self.unreadable(error))

    def add(self, result: ShardResult) -> None:
        self.findings.extend(result.unreadable)
        log = self._ids.setdefault(result.path, IdLog()) if result.checks_ids else None
        for doc in result.documents:
            if log is not None:
                log.add(doc.path.removeprefix(result.path + "#"), doc.line)
                if doc.suppressed:
                    self._hidden[(doc.path, doc.line)] = doc.suppressed
            self.audited += 1
            self.findings.extend(doc.findings)
            self.suppressed += doc.suppressed
            if doc.figures is not None:
                self.documents.append(doc.figures)

    def settle_repeats(self) -> None:
        """Take back the documents whose id an earlier shard of their archive had."""
        dropped: set[tuple[str, int]] = set()
        for path, log in self._ids.items():
            for ident, line, first in log.repeats():
                dropped.add((f"{path}#{ident}", line))
                self.add_unreadable(repeated_id(ident, first, path, line))
        if not dropped:
            return
        self.audited -= len(dropped)
        self.suppressed -= sum(self._hidden.get(key, 0) for key in dropped)
        self.findings = [f for f in self.findings if (f.path, f.line) not in dropped]
        self.documents = [d for d in self.documents
                          if (d.document.path, d.document.anchors[0].line) not in dropped]
