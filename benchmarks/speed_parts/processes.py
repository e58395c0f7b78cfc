"""Whole-process times: the CPU time (user + system, from ``RUSAGE_CHILDREN``) of a fresh
``python -m factcheck ...`` on one small article, the best of several runs after one
that writes the bytecode and the user cache (as an installed tool has them), and the same
with the user cache turned off (``FACTCHECK_CACHE_DIR=off``: everything built in memory)."""

from __future__ import annotations

import os
import resource
import subprocess
import sys
import tempfile
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
