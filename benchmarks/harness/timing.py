"""Timing: the best of several runs on one pinned core, wall and CPU time."""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Generic, TypeVar

T = TypeVar("T")


@dataclass(frozen=True)
class Timing(Generic[T]):
    """The best run: its wall seconds, the process CPU seconds it took (far below the wall
    time means a contended machine), and what it returned."""

    seconds: float
    cpu_seconds: float
    result: T


def best_of(
    work: Callable[[], T],
    runs: int,
    warm_up: Callable[[], object] | None = None,
    label: str | None = None,
) -> Timing[T]:
    """``warm_up`` (by default one run of ``work``), then the fastest of ``runs`` runs
    (``time.perf_counter``); with ``label``, each run's time goes to stderr."""
    (warm_up or work)()
    best: Timing[T] | None = None
    for i in range(runs):
        c0, t0 = time.process_time(), time.perf_counter()
        result = work()
        wall, cpu = time.perf_counter() - t0, time.process_time() - c0
        if label:
            print(f"  {label} run {i + 1}/{runs}: {wall:.3f} s", file=sys.stderr)
        if best is None or wall < best.seconds:
            best = Timing(wall, cpu, result)
    assert best is not None, "runs must be at least 1"
    return best


def _idle_ticks() -> dict[int, int]:
    """Idle (+ iowait) ticks per CPU from /proc/stat; empty where there is none."""
    ticks: dict[int, int] = {}
    try:
        lines = Path("/proc/stat").read_text().splitlines()
    except OSError:
        return ticks
    for line in lines:
        name, *fields = line.split()
        if name.startswith("cpu") and name[3:].isdigit() and len(fields) > 4:
            ticks[int(name[3:])] = int(fields[3]) + int(fields[4])
    return ticks


def pin_one_core() -> str:
    """Run on the idlest allowed core (and keep numeric libraries to one thread)."""
    for var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
        os.environ.setdefault(var, "1")
    if not (hasattr(os, "sched_setaffinity") and hasattr(os, "sched_getaffinity")):
        return "not pinned (no sched_setaffinity)"
    allowed = sorted(os.sched_getaffinity(0))
    before = _idle_ticks()
    time.sleep(0.3)
    after = _idle_ticks()
    idle = {c: after.get(c, 0) - before.get(c, 0) for c in allowed}
    cpu = max(allowed, key=lambda c: (idle[c], -c))
    os.sched_setaffinity(0, {cpu})
    return f"pinned to CPU {cpu} (the idlest of {allowed})"
