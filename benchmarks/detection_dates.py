"""Date, tense and ratio detection: the date-error mutation set over the harness.

Recall on seeded mutations of generated articles (a past period moved a year earlier, future
wording on a past period, a ratio word changed), false alarms on the correct ones, and a probe
of articles with two correct conversions at two valuation dates (``benchmarks.date_errors``
explains the set).

    python -m benchmarks.detection_dates [--articles N] [--limit N] [--verbose] [--json FILE]
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path

if not __package__:  # run as a file: python benchmarks/detection_dates.py
    sys.path[0] = str(Path(__file__).resolve().parents[1])

from benchmarks.date_errors.articles import render
from benchmarks.date_errors.generator import DEFAULT_ARTICLES, SEED, generate
from benchmarks.date_errors.measure import run
from benchmarks.date_errors.mutations import mutations
from benchmarks.date_errors.report import report
from benchmarks.harness.cli import mutation_set_parser, write_json
from benchmarks.harness.rates import Rates


def main(argv: Sequence[str] | None = None) -> int:
    parser = mutation_set_parser(__doc__, DEFAULT_ARTICLES, SEED)
    parser.add_argument("--no-probe", action="store_true", help="skip the mixed-dates probe")
    args = parser.parse_args(argv)
    if args.dump is not None:
        args.dump.mkdir(parents=True, exist_ok=True)
        rates = Rates()
        for article in generate(args.limit or args.articles, args.seed, rates):
            for name, variant in [(article.id, article)] + [
                (m.id, m.article) for m in mutations(article, rates, args.seed)
            ]:
                (args.dump / f"{name}.md").write_text(render(variant)[0], encoding="utf-8")
        return 0
    result = run(args.limit, articles=args.articles, seed=args.seed, probe=not args.no_probe)
    print(report(result, args.verbose))
    write_json(args.json, result)
    return 0


if __name__ == "__main__":
    sys.exit(main())
