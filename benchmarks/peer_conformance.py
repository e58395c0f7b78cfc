"""Peer conformance: run our extractor on other extractors' public test suites.

``benchmarks.peer`` describes the suites (Recognizers-Text currency and numbers, quantulum3
quantities and error strings) and how each is scored. ``run()`` returns the summary as a
JSON-serialisable dict (``tests/extract/test_peer_conformance.py`` holds its targets).

    python -m benchmarks.peer_conformance [--peer DIR] [--examples N] [--json FILE]
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

if not __package__:  # run as a file: python benchmarks/peer_conformance.py
    sys.path[0] = str(Path(__file__).resolve().parents[1])

from benchmarks.harness.cli import write_json
from benchmarks.peer.report import report
from benchmarks.peer.suites import peer_dir, run


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    ap.add_argument("--peer", type=Path, help="peer suites folder (default ../shared/peer)")
    ap.add_argument("--examples", type=int, default=3, help="examples per failure cause")
    ap.add_argument("--json", type=Path, help="also write the full summary as JSON here")
    args = ap.parse_args(argv)
    peer = args.peer or peer_dir()
    if peer is None or not peer.is_dir():
        print(f"peer suites not found ({peer or '../shared/peer'}); nothing to measure")
        return 0
    results = run(peer)
    print("\n".join(report(results, args.examples)))
    write_json(args.json, results)
    return 0


if __name__ == "__main__":
    sys.exit(main())
