"""Conversion-error detection: the conversion-error mutation set over the harness.

Recall on seeded mutations of generated articles, false alarms on the correct ones, and the
FX findings on the real articles of the shared corpus (``benchmarks.conversion_errors``
explains the set).

    python -m benchmarks.detection [--articles N] [--limit N] [--verbose] [--json FILE]
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path

if not __package__:  # run as a file: python benchmarks/detection.py
    sys.path[0] = str(Path(__file__).resolve().parents[1])

from benchmarks.conversion_errors.articles import render
from benchmarks.conversion_errors.generator import DEFAULT_ARTICLES, SEED, generate
from benchmarks.conversion_errors.measure import run
from benchmarks.conversion_errors.report import report
from benchmarks.harness.cli import mutation_set_parser, write_json


def main(argv: Sequence[str] | None = None) -> int:
    parser = mutation_set_parser(__doc__, DEFAULT_ARTICLES, SEED)
    args = parser.parse_args(argv)
    if args.dump is not None:
        args.dump.mkdir(parents=True, exist_ok=True)
        for article in generate(args.limit or args.articles, args.seed):
            text, _ = render(article)
            suffix = ".md" if article.front_matter else ".txt"
            (args.dump / f"{article.id}{suffix}").write_text(text, encoding="utf-8")
        return 0
    result = run(args.limit, articles=args.articles, seed=args.seed)
    print(report(result, args.verbose))
    write_json(args.json, result)
    return 0


if __name__ == "__main__":
    sys.exit(main())
