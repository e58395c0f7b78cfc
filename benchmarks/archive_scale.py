"""Archive scale: documents/s, MB/s and peak memory of ``factcheck audit`` on a JSON
Lines archive of 10^4 to 10^6 articles, with ``--jobs 1``, ``--jobs 2`` and
``--engine dask`` (a local cluster of two single-threaded workers).

The archive is written from a pool of articles made by the generator of the
conversion-error mutation set (``benchmarks.conversion_errors``: Indonesian, French and
English business news written for this project, one to five currency conversions at the
ECB rate of a random date, fillers with percentages, prices and shares); one article in
ten carries one of that set's mutations (a converted figure off by a few percent, a
swapped scale word, transposed digits, a rate of the year before, a misread decimal comma,
a changed source). Article ``k`` is pool article ``k mod POOL`` under its own id, so the figure
density is the same at every size and every article is audited in full.

Each run is the real command line in a fresh process (``python -m factcheck audit
ARCHIVE --format json``), timed from start to exit (interpreter start, and for Dask the
cluster start, included). Peak memory is the largest sum of the resident sets of the
command and all its descendant processes, sampled every 100 ms from ``/proc`` (Linux).
The JSON outputs of the engines are compared byte for byte (``same`` column).

    python -m benchmarks.archive_scale                    # 10^4 and 10^5 articles
    python -m benchmarks.archive_scale --max 1000000      # and 10^6 (long: about 1 GB)
    python -m benchmarks.archive_scale --sizes 2000 --engines jobs1 jobs2
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

if not __package__:  # run as a file: python benchmarks/archive_scale.py
    sys.path[0] = str(Path(__file__).resolve().parents[1])

from benchmarks.conversion_errors.articles import render
from benchmarks.conversion_errors.generator import generate
from benchmarks.conversion_errors.mutations import mutations
from benchmarks.harness.rates import Rates
from benchmarks.harness.report import table

POOL = 2000
PAGE = os.sysconf("SC_PAGE_SIZE")
ERROR_EVERY = 10
ENGINES = {"jobs1": ["--jobs", "1"], "jobs2": ["--jobs", "2"],
           "dask": ["--engine", "dask", "--jobs", "2"]}


def pool_articles(size: int = POOL) -> list[dict[str, Any]]:
    """``size`` articles as archive records, each with ``mutant``: the text with one
    seeded error (or None when no mutation applies)."""
    rates = Rates()
    out = []
    for article in generate(size, rates=rates):
        text, _ = render(article)
        changed = mutations(article, rates)
        mutant = render(changed[0].article)[0] if changed else None
        out.append({"text": text, "lang": article.lang,
                    "published": article.published.isoformat(), "mutant": mutant})
    return out


def write_archive(path: Path, count: int, pool: Sequence[dict[str, Any]]) -> None:
    with path.open("w", encoding="utf-8") as out:
        for k in range(count):
            base = pool[k % len(pool)]
            text = base["mutant"] if k % ERROR_EVERY == 3 and base["mutant"] else base["text"]
            record = {"id": f"a{k:07d}", "lang": base["lang"], "published": base["published"],
                      "text": text}
            out.write(json.dumps(record, ensure_ascii=False) + "\n")


def _children(pid: int) -> list[int]:
    out: list[int] = []
    try:
        for task in os.listdir(f"/proc/{pid}/task"):
            with open(f"/proc/{pid}/task/{task}/children", "rb") as handle:
                out.extend(int(child) for child in handle.read().split())
    except OSError:
        pass
    return out


def _tree_rss(root: int) -> int:
    """Resident bytes of ``root`` and all its descendants (from /proc)."""
    total, todo = 0, [root]
    while todo:
        pid = todo.pop()
        todo.extend(_children(pid))
        try:
            with open(f"/proc/{pid}/statm", "rb") as handle:
                total += int(handle.read().split()[1]) * PAGE
        except (OSError, IndexError, ValueError):
            continue
    return total


def run_audit(archive: Path, flags: Sequence[str]) -> dict[str, Any]:
    command = [sys.executable, "-m", "factcheck", "audit", str(archive), "--format", "json",
               "--fail-on", "never", *flags]
    env = {**os.environ, "CI": "1"}  # no progress bar
    start = time.perf_counter()
    child = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
    peak = [0]

    def sample() -> None:
        while child.poll() is None:
            peak[0] = max(peak[0], _tree_rss(child.pid))
            time.sleep(0.1)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    stdout, stderr = child.communicate()
    seconds = time.perf_counter() - start
    sampler.join()
    if child.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed ({child.returncode}):\n{stderr.decode()}")
    report = json.loads(stdout)
    return {"seconds": seconds, "peak_mb": peak[0] / 2**20,
            "findings": len(report["findings"]), "documents": report["summary"]["documents"],
            "sha256": hashlib.sha256(stdout).hexdigest()}


def measure(sizes: Sequence[int], engines: Sequence[str], data: Path) -> list[dict[str, Any]]:
    pool: list[dict[str, Any]] = []
    rows = []
    for n in sizes:
        archive = data / f"archive-{n}.jsonl"
        if not archive.exists():
            pool = pool or pool_articles()
            write_archive(archive, n, pool)
        mb = archive.stat().st_size / 1e6
        runs = {name: run_audit(archive, ENGINES[name]) for name in engines}
        for name, run in runs.items():
            print(f"  {n:>9,} {name:6}: {run['seconds']:.1f} s, {run['peak_mb']:.0f} MB, "
                  f"{run['findings']:,} findings", file=sys.stderr)
        rows.append({"n": n, "mb": mb, "runs": runs,
                     "same": len({r["sha256"] for r in runs.values()}) == 1})
    return rows


def report(rows: list[dict[str, Any]]) -> str:
    lines = []
    for row in rows:
        first = next(iter(row["runs"].values()))
        for name, run in row["runs"].items():
            lines.append(
                [f"{row['n']:,}", f"{row['mb']:.1f}", name, f"{run['seconds']:.1f}",
                 f"{row['n'] / run['seconds']:.0f}", f"{row['mb'] / run['seconds']:.2f}",
                 f"{first['seconds'] / run['seconds']:.2f}x", f"{run['peak_mb']:.0f}",
                 f"{run['findings']:,}", "yes" if row["same"] else "NO"]
            )  # fmt: skip
    return "\n".join(
        table(
            "== factcheck audit on JSON Lines archives",
            ["articles", "MB", "engine", "seconds", "docs/s", "MB/s", "speed-up", "peak MB",
             "findings", "same"],
            lines,
        )
    )  # fmt: skip


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--max", type=int, default=100_000, help="largest size (1000000 to "
                        "include 10^6)")
    parser.add_argument("--sizes", type=int, nargs="+", help="sizes instead of 10^4..--max")
    parser.add_argument("--engines", nargs="+", choices=sorted(ENGINES), default=list(ENGINES))
    parser.add_argument("--data", type=Path, help="directory for the archives (kept and "
                        "reused; default: a temporary directory)")
    parser.add_argument("--json", type=Path, help="write the measurements to this file")
    args = parser.parse_args(argv)
    sizes = args.sizes or [n for n in (10_000, 100_000, 1_000_000) if n <= args.max]
    with tempfile.TemporaryDirectory() as scratch:
        data = args.data or Path(scratch)
        data.mkdir(parents=True, exist_ok=True)
        rows = measure(sizes, args.engines, data)
    print(report(rows))
    if args.json:
        args.json.write_text(json.dumps(rows, indent=1), encoding="utf-8")
    return 0 if all(row["same"] for row in rows) else 1


if __name__ == "__main__":
    sys.exit(main())
