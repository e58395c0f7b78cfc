"""Peak memory and time of a command run in a fresh process: its wall seconds, the CPU
seconds it used (user + system; far below the wall time means a contended machine) and
its peak resident set, as the kernel reports them for that one child (``os.wait4``)."""

from __future__ import annotations

import os
import subprocess
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Measured:
    seconds: float
    cpu_seconds: float
    peak_mb: float
    returncode: int


def run_measured(argv: Sequence[str], stdout: Path | None = None,
                 cwd: Path | None = None) -> Measured:
    """Run ``argv`` (its output to ``stdout``, or discarded) and measure it."""
    out = stdout.open("wb") if stdout else open(os.devnull, "wb")  # noqa: SIM115
    with out:
        start = time.perf_counter()
        process = subprocess.Popen(list(argv), stdout=out, stderr=subprocess.PIPE, cwd=cwd)
        assert process.stderr is not None
        process.stderr.read()  # never full, never blocking the child
        _, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)  # reaped here, not by Popen
    return Measured(seconds, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024,
                    process.returncode)
