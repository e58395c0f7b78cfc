"""Slips seeded into the real clean articles of the shared corpus: the real-corpus mutation
set over the harness (``benchmarks.corpus_mutations`` explains it).

    python -m benchmarks.corpus_mutation [--corpus DIR] [--verbose] [--json FILE]
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

if not __package__:  # run as a file: python benchmarks/corpus_mutation.py
    sys.path[0] = str(Path(__file__).resolve().parents[1])

from benchmarks.corpus_mutations.measure import run
from benchmarks.corpus_mutations.report import report
from benchmarks.harness.cli import write_json
from benchmarks.harness.corpus import shared_folders


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, action="append", default=None,
                        help="a corpus folder to measure instead of the shared ones (repeatable)")
    parser.add_argument("-v", "--verbose", action="store_true",
                        help="list every miss and every original with a warning or error")
    parser.add_argument("--json", type=Path, default=None, help="write the whole result here")
    args = parser.parse_args(argv)
    folders = args.corpus or shared_folders()
    if not folders:
        print("shared corpus not found (set FACTCHECK_SHARED to the shared folder); skipped")
        return 0
    result = run(folders)
    print(report(result, args.verbose))
    write_json(args.json, result)
    return 0


if __name__ == "__main__":
    sys.exit(main())
