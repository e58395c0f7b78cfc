"""Fuzzing: 10^5 number-shaped texts read, audited and written as JSON, every invariant
checked (``benchmarks.harness.fuzzing``): no exception and no internal-error finding; every
figure's text is its slice; low <= value <= high; every value finite; every JSON output
parses with a strict parser. Prints the counts and the first texts that broke each.

    python -m benchmarks.fuzz [--inputs 100000] [--seed 0] [--show 5]
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

if not __package__:  # run as a file: python benchmarks/fuzz.py
    sys.path[0] = str(Path(__file__).resolve().parents[1])

from benchmarks.harness.fuzzing import check, texts


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--inputs", type=int, default=100_000, help="texts (100000)")
    parser.add_argument("--seed", type=int, default=0, help="random seed (0)")
    parser.add_argument("--show", type=int, default=5, help="examples shown per kind (5)")
    args = parser.parse_args(argv)
    kinds: Counter[str] = Counter()
    broken = with_figures = with_findings = 0
    examples: dict[str, list[str]] = {}
    started = time.process_time()
    for number, (text, lang) in enumerate(texts(args.inputs, args.seed), 1):
        checked = check(text, lang)
        problems = checked.problems
        with_figures += checked.figures > 0
        with_findings += checked.findings > 0
        broken += bool(problems)
        for problem in problems:
            kind = problem.split(":", 1)[0]
            kinds[kind] += 1
            shown = examples.setdefault(kind, [])
            if len(shown) < args.show:
                shown.append(f"  {lang} {text[:160]!r}\n    {problem}")
        if number % 10_000 == 0:
            print(f"{number:,} texts, {broken} broke", file=sys.stderr, flush=True)
    seconds = time.process_time() - started
    print(f"== fuzzing: {args.inputs:,} texts (seed {args.seed}), {seconds:.0f} s CPU")
    print(f"texts with figures: {with_figures}, with findings: {with_findings}")
    print(f"texts that broke an invariant: {broken}")
    for kind in ("crash", "slice", "bounds", "finite", "json"):
        print(f"  {kind:7} {kinds[kind]}")
    for kind, shown in sorted(examples.items()):
        print(f"-- {kind}:\n" + "\n".join(shown))
    return 1 if broken else 0


if __name__ == "__main__":
    sys.exit(main())
