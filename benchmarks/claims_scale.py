"""How the claims audit scales: 10^4, 10^5 (and 10^6) records, against ``pandas.read_csv``.

For each size and each form of the value (``text``: ``value``/``equivalent`` strings as
newsrooms print them, read in the row's ``lang``; ``numeric``: ``value.amount`` +
``value.currency`` and ``equivalent.*`` columns), a CSV file is generated
(``benchmarks/claims_scale_data.py``, deterministic seed) and, each in a fresh subprocess:

- ``read_csv``: ``pandas.read_csv`` of the file, the yardstick;
- ``audit``: ``factcheck.api.audit([file])``, the default rule pack and ECB rates, split
  into setup (the pack and the rate table), load (read, validate, build the table),
  records (CL002, CL003), cross (XS001-XS003 on the frame) and documents: the rest, the
  per-source documents built and run through the FX/UN/AR/DT checks (and the findings
  sorted). A phase whose function the library no longer has is shown as ``n/a``.

Times are wall-clock seconds (``time.perf_counter``) of one run after the imports, and
the audit's CPU seconds (``time.process_time``: what a busy machine inflates least); peak
memory is the peak resident set of the subprocess (``ru_maxrss`` of
``resource.getrusage(RUSAGE_CHILDREN)`` read by the parent right after that one child
exits, so it includes the interpreter, pandas and the file's text). The table gives the
ratio audit / read_csv and the growth of the audit time from the size before (x10 in
records: n log n growth is 12 to 12.5). Targets: at 10^6 records, audit under 10x
read_csv, memory under 2 GB, growth no worse than n log n.

    python -m benchmarks.claims_scale                  # 10^4 and 10^5 (under a minute)
    python -m benchmarks.claims_scale --max 1000000    # and 10^6 (about three minutes)
    python -m benchmarks.claims_scale --form text --data /tmp/claims-scale  # keep files
"""

from __future__ import annotations

import argparse
import json
import math
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

if not __package__:  # run as a file: python benchmarks/claims_scale.py
    sys.path[0] = str(Path(__file__).resolve().parents[1])

from benchmarks import claims_scale_data
from benchmarks.claims_scale_data import Form
from benchmarks.harness.report import table

PHASES = ("setup", "load", "records", "documents", "cross")


def _timed(owner: Any, name: str, spent: dict[str, float], label: str) -> None:
    """Wrap ``owner.name`` so that its time adds up under ``label`` (nothing when the library
    no longer has it: the phase is then reported as n/a)."""
    inner: Callable[..., Any] | None = getattr(owner, name, None)
    if inner is None:
        return

    def wrapper(*args: Any, **kwargs: Any) -> Any:
        start = time.perf_counter()
        try:
            return inner(*args, **kwargs)
        finally:
            spent[label] = spent.get(label, 0.0) + time.perf_counter() - start

    setattr(owner, name, wrapper)


def child_read(path: str) -> dict[str, Any]:
    import pandas as pd

    start, cpu_start = time.perf_counter(), time.process_time()
    frame = pd.read_csv(path)
    return {"seconds": time.perf_counter() - start, "rows": len(frame),
            "cpu_seconds": time.process_time() - cpu_start}


def child_audit(path: str) -> dict[str, Any]:
    import factcheck.engine.claims as engine
    import factcheck.engine.settings as engine_settings
    from factcheck.api import audit

    spent: dict[str, float] = {}
    _timed(engine_settings, "settings", spent, "setup")
    _timed(engine, "load_table", spent, "load")  # the name the engine calls
    _timed(engine, "record_findings", spent, "records")
    _timed(engine, "table_findings", spent, "cross")
    start, cpu_start = time.perf_counter(), time.process_time()
    result = audit([path], max_input_size=1 << 31)  # 10^6 records are ~100 MB: over 64 MiB
    seconds, cpu_seconds = time.perf_counter() - start, time.process_time() - cpu_start
    # the rest: the per-source documents, built and checked (and sorting the findings)
    spent["documents"] = seconds - sum(spent.values())
    codes: dict[str, int] = {}
    for finding in result.findings:
        codes[finding.code] = codes.get(finding.code, 0) + 1
    return {"seconds": seconds, "cpu_seconds": cpu_seconds, "phases": spent,
            "findings": len(result.findings),
            "codes": dict(sorted(codes.items()))}


def run_child(mode: str, path: Path) -> dict[str, Any]:
    """One measurement in a fresh interpreter; its peak RSS read from the parent."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    done = subprocess.run([sys.executable, __file__, "--child", mode, str(path)],
                          check=True, capture_output=True, text=True)
    peak_kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    # RUSAGE_CHILDREN is the largest child so far: a smaller child than an earlier one
    # reports its own peak, measured by itself.
    result["peak_mb"] = (peak_kb if peak_kb > before else result["self_kb"]) / 1024
    return result


def measure(sizes: Sequence[int], forms: Sequence[Form], data: Path) -> list[dict[str, Any]]:
    rows = []
    for form in forms:
        for n in sizes:
            path = data / f"claims-{form}-{n}.csv"
            if not path.exists():
                claims_scale_data.write(path, n, form=form)
            read = run_child("read", path)
            audit = run_child("audit", path)
            rows.append({"form": form, "n": n, "mb": path.stat().st_size / 1e6, "read": read,
                         "audit": audit})
            print(f"  {form} {n:>9,}: read_csv {read['seconds']:.2f} s, audit "
                  f"{audit['seconds']:.2f} s, {audit['findings']:,} findings "
                  f"{audit['codes']}", file=sys.stderr)
    return rows


def report(rows: list[dict[str, Any]]) -> str:
    lines = []
    previous: dict[str, dict[str, Any]] = {}
    for row in rows:
        audit, read = row["audit"], row["read"]
        before = previous.get(row["form"])
        growth = f"{audit['seconds'] / before['audit']['seconds']:.1f}x" if before else "-"
        phases = " / ".join(
            f"{audit['phases'][k]:.2f}" if k in audit["phases"] else "n/a" for k in PHASES
        )
        lines.append(
            [row["form"], f"{row['n']:,}", f"{row['mb']:.0f}", f"{read['seconds']:.2f}",
             f"{audit['seconds']:.2f}", f"{audit['cpu_seconds']:.2f}",
             f"{audit['seconds'] / read['seconds']:.1f}x",
             f"{audit['peak_mb']:.0f}", f"{read['peak_mb']:.0f}", growth, phases]
        )  # fmt: skip
        previous[row["form"]] = row
    n_log_n = 10 * math.log(1e5) / math.log(1e4)
    out = table(
        "== claims audit against pandas.read_csv",
        ["form", "records", "MB", "read_csv s", "audit s", "audit CPU s", "ratio", "peak MB",
         "read MB",
         "growth", " / ".join(PHASES) + " s"],
        lines,
    )  # fmt: skip
    out.append(
        f"(growth of n log n for x10 records: about {n_log_n:.1f}x; "
        "targets at 10^6: under 10 s with text values, 5 s numeric, peak < 1536 MB)"
    )
    return "\n".join(out)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--max", type=int, default=100_000, help="largest size (1000000 to "
                        "include 10^6)")
    parser.add_argument("--form", choices=("text", "numeric", "both"), default="both")
    parser.add_argument("--data", type=Path, help="directory for the generated files "
                        "(kept and reused; default: a temporary directory)")
    parser.add_argument("--json", type=Path, help="write the measurements to this file")
    parser.add_argument("--child", nargs=2, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        mode, path = args.child
        result = (child_read if mode == "read" else child_audit)(path)
        result["self_kb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        print(json.dumps(result))
        return 0
    sizes = [n for n in (10_000, 100_000, 1_000_000) if n <= args.max]
    forms: list[Form] = ["text", "numeric"] if args.form == "both" else [args.form]
    with tempfile.TemporaryDirectory() as scratch:
        data = args.data or Path(scratch)
        data.mkdir(parents=True, exist_ok=True)
        rows = measure(sizes, forms, data)
    print(report(rows))
    if args.json:
        args.json.write_text(json.dumps(rows, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
