"""Whole-process times: the CPU time (user + system, from ``RUSAGE_CHILDREN``) of a fresh
``python -m factcheck ...`` on one small article, the best of several runs after one
that writes the bytecode and the user cache (as an installed tool has them), and the same
with the user cache turned off (``FACTCHECK_CACHE_DIR=off``: everything built in memory);
and of ``factcheck extract`` on a folder of a whole text's documents (``whole_extraction``),
what a user waits for, start-up and output included."""

from __future__ import annotations

import os
import resource
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

SMALL_ARTICLE = (
    "Jakarta, 3 June 2024. The ministry put the new port at Rp 1.6 trillion, about "
    "US$98 million, and said work would start in the third quarter.\n\nThe budget is 4% "
    "larger than last year's, the minister said.\n"
)


@dataclass(frozen=True)
class ProcessTime:
    label: str
    cpu_seconds: float
    exit_code: int


def _cpu_of(command: list[str], env: dict[str, str]) -> tuple[float, int]:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    done = subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                          env=env, check=False)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    spent = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return spent, done.returncode


def best_cpu(label: str, command: list[str], env: dict[str, str], runs: int) -> ProcessTime:
    _cpu_of(command, env)  # bytecode and cache written, files in the page cache
    timings = [_cpu_of(command, env) for _ in range(runs)]
    return ProcessTime(label, min(t for t, _ in timings), timings[-1][1])


def start_up(runs: int = 5) -> list[ProcessTime]:
    """``python -c pass`` (the interpreter alone), ``--help``, ``extract`` and ``audit`` of a
    small article, and ``audit`` without the user cache."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    python = sys.executable
    with tempfile.TemporaryDirectory() as scratch:
        article = Path(scratch) / "article.txt"
        article.write_text(SMALL_ARTICLE, encoding="utf-8")
        tool = [python, "-m", "factcheck"]
        uncached = env | {"FACTCHECK_CACHE_DIR": "off"}
        return [
            best_cpu("python -c pass", [python, "-c", "pass"], env, runs),
            best_cpu("factcheck --help", [*tool, "--help"], env, runs),
            best_cpu("factcheck extract (small article)", [*tool, "extract", str(article)],
                     env, runs),
            best_cpu("factcheck audit (small article)",
                     [*tool, "audit", str(article), "--fail-on", "never"], env, runs),
            best_cpu("factcheck audit, no user cache",
                     [*tool, "audit", str(article), "--fail-on", "never"], uncached, runs),
        ]


@dataclass(frozen=True)
class WholeExtraction:
    """``factcheck extract`` of a folder of one text's documents in a fresh process: its
    CPU seconds (start-up, reading the files, extraction and the JSON written) and the
    text's bytes."""

    text: str
    bytes: int
    cpu_seconds: float
    exit_code: int


def whole_extraction(name: str, lang: str, docs: Sequence[str], runs: int) -> WholeExtraction:
    """The best CPU time of ``runs`` runs of ``factcheck extract DIR --lang LANG`` on
    ``docs`` written one file each (after one run that writes the bytecode)."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        for index, doc in enumerate(docs):
            (folder / f"{index:05d}.txt").write_text(doc, encoding="utf-8")
        command = [sys.executable, "-m", "factcheck", "extract", str(folder), "--lang", lang,
                   "--format", "json"]
        best = best_cpu(name, command, env, runs)
    size = sum(len(doc.encode("utf-8")) for doc in docs)
    return WholeExtraction(name, size, best.cpu_seconds, best.exit_code)
