"""How much auditing adds to extraction.

Runs extraction alone (``factcheck.extract_text``), then the full audit
(``factcheck.api.audit_text``: extraction, the default pack's checks, rate look-ups), over the
same articles: the 360 generated articles of the conversion-error mutation set (1-5 currency
conversions each, ``benchmarks.conversion_errors``). Prints seconds, MB/s and the ratio
audit / extraction (target: at most 2x). Best of 3 after a warm-up, in one process.

    python -m benchmarks.audit_overhead [--articles N] [--runs N]
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

if not __package__:  # run as a file: python benchmarks/audit_overhead.py
    sys.path[0] = str(Path(__file__).resolve().parents[1])

import factcheck
from benchmarks.conversion_errors.articles import render
from benchmarks.conversion_errors.generator import generate
from benchmarks.harness.report import table
from benchmarks.harness.timing import best_of
from factcheck.api import audit_text

TARGET_RATIO = 2.0


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--articles", type=int, default=360, help="generated articles (360)")
    parser.add_argument("--runs", type=int, default=3, help="timed runs; the best counts")
    args = parser.parse_args(argv)
    docs = [(render(a)[0], a.lang, a.published) for a in generate(args.articles)]
    size = sum(len(text.encode("utf-8")) for text, _, _ in docs)

    def extract_all() -> None:
        for text, lang, published in docs:
            factcheck.extract_text(text, lang, published=published)

    def audit_all() -> None:
        for text, lang, published in docs:
            audit_text(text, lang, published=published)

    extracting = best_of(extract_all, args.runs).seconds
    auditing = best_of(audit_all, args.runs).seconds
    ratio = auditing / extracting
    lines = table(
        f"== audit overhead: {len(docs)} generated articles, {size:,} bytes",
        ["step", "best s", "MB/s"],
        [
            ["extract", f"{extracting:.3f}", f"{size / extracting / 1e6:.2f}"],
            ["audit", f"{auditing:.3f}", f"{size / auditing / 1e6:.2f}"],
        ],
    )
    verdict = "ok" if ratio <= TARGET_RATIO else "ABOVE TARGET"
    lines.append(f"audit / extract: {ratio:.2f}x (target <= {TARGET_RATIO:.0f}x) {verdict}")
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    sys.exit(main())
