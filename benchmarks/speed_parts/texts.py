"""The texts every engine reads in ``benchmarks/speed.py``.

- News in each language: the throughput articles of ``extract_throughput`` (sentences
  written for the benchmarks, with and without figures, in articles of about 2.5 KB).
- Dense English: the inputs of the peers' own test suites (quantulum3's
  ``quantities.json`` and Recognizers-Text's English ``CurrencyModel.json`` under
  ``../shared/peer``), one case a line, in documents of about 2.5 KB, repeated to size:
  a figure in nearly every line. Absent shared data: no dense text.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from benchmarks.extract_throughput import articles
from benchmarks.harness.paths import shared_dir
from factcheck.model import Lang

DOC_BYTES = 2_500


@dataclass(frozen=True)
class Text:
    """One text as documents (one extraction call each) and as lines (one call each for
    the engines fed a line at a time)."""

    name: str
    lang: Lang
    docs: tuple[str, ...]

    @property
    def size(self) -> int:
        return sum(len(doc.encode("utf-8")) for doc in self.docs)

    def lines(self, max_bytes: int) -> list[str]:
        """Its non-empty lines, in order, up to ``max_bytes`` of UTF-8 (at least one)."""
        out: list[str] = []
        size = 0
        for doc in self.docs:
            for line in doc.splitlines():
                if not line.strip():
                    continue
                if out and size + len(line.encode("utf-8")) > max_bytes:
                    return out
                out.append(line)
                size += len(line.encode("utf-8"))
        return out


def news(lang: Lang, target_bytes: int) -> Text:
    return Text(f"news {lang}", lang, tuple(articles(lang, target_bytes)))


def peer_lines() -> list[str]:
    """The inputs of the peers' English test cases, one a line; empty without the data."""
    peer = shared_dir() / "peer"
    lines: list[str] = []
    quantities = peer / "quantulum3" / "quantities.json"
    currency = peer / "recognizers-text" / "NumberWithUnit" / "English" / "CurrencyModel.json"
    if quantities.is_file():
        lines += [case["req"] for case in json.loads(quantities.read_text(encoding="utf-8"))]
    if currency.is_file():
        lines += [case["Input"] for case in json.loads(currency.read_text(encoding="utf-8"))]
    return [" ".join(line.split()) for line in lines if line.strip()]


def dense_english(target_bytes: int) -> Text | None:
    """The peer inputs in documents of about ``DOC_BYTES``, repeated to ``target_bytes``."""
    lines = peer_lines()
    if not lines:
        return None
    docs: list[str] = []
    current: list[str] = []
    size = total = 0
    while total < target_bytes:
        for line in lines:
            current.append(line)
            size += len(line.encode("utf-8")) + 1
            if size >= DOC_BYTES:
                docs.append("\n".join(current) + "\n")
                total += size
                current, size = [], 0
    return Text("dense en (peer inputs)", "en", tuple(docs))
