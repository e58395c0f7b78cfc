"""One large article: the audit stays linear in its conversions, and a 5 MB article is
audited in bounded time and memory.

1. **Conversions.** Articles of the conversion-error mutation set
   (``benchmarks.conversion_errors``, Indonesian business news written for this project,
   one conversion a paragraph, each article at the ECB rate of its own date) are joined
   into one article of N conversions, audited with ``factcheck.api.audit_text`` at N and
   4N. Then two shapes that used to cost a walk over the article per figure, in sentences
   of our own: every conversion with a stated rate in another sentence, and every bare
   amount carrying the currency of a conversion ("JPY40 miliar (US$360 juta), lalu 9
   miliar (US$35 juta)"). Target: 4N within 6x the time of N (CPU seconds, so that a
   busy machine does not count).
2. **A 5 MB article** of such paragraphs, a conversion in almost every one, audited by
   the command line in a fresh process (``factcheck audit FILE --format json``): wall
   and CPU seconds and peak resident memory. Target: under 60 s and 400 MB.

    python -m benchmarks.large_article [--conversions 4000] [--megabytes 5]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path

if not __package__:  # run as a file: python benchmarks/large_article.py
    sys.path[0] = str(Path(__file__).resolve().parents[1])

from benchmarks.conversion_errors.articles import render
from benchmarks.conversion_errors.generator import generate
from benchmarks.harness.memory import run_measured
from benchmarks.harness.report import table
from factcheck.api import audit_text

PUBLISHED = date(2024, 7, 30)
TARGET_RATIO = 6.0
TARGET_SECONDS, TARGET_MB = 60.0, 400.0


def paragraphs(lang: str = "id") -> tuple[list[str], list[int]]:
    """The generated articles' paragraphs in one language (headlines left out), and the
    running count of conversions after each."""
    texts: list[str] = []
    counts: list[int] = []
    total = 0
    for article in generate(40_000):
        if article.lang != lang:
            continue
        text, _ = render(article)
        for index, paragraph in enumerate(text.split("\n\n")[1:]):
            total += isinstance(article.paragraphs[index], int)
            texts.append(paragraph)
            counts.append(total)
    return texts, counts


def generated(conversions: int, pool: tuple[list[str], list[int]]) -> str:
    texts, counts = pool
    end = next((i for i, c in enumerate(counts) if c >= conversions), len(texts) - 1)
    if counts[end] < conversions:
        raise SystemExit(f"the generator gives {counts[-1]} conversions, not {conversions}")
    return "\n\n".join(texts[:end + 1])


def stated_elsewhere(n: int) -> str:
    return "".join(f"Kurs Rp {16000 + k % 50} per dolar AS. Proyek itu US$ {5 + k % 9} juta "
                   f"atau setara Rp {81 + k % 9} miliar. " for k in range(n))


def carried(n: int) -> str:
    return " ".join(f"Penjualan ke-{k} JPY{40 + k % 7} miliar (US${360 + k % 5} juta), lalu "
                    f"{9 + k % 3} miliar (US${35 + k % 4} juta)." for k in range(n))


def cpu_seconds(text: str) -> float:
    start = time.process_time()
    audit_text(text, "id", published=PUBLISHED)
    return time.process_time() - start


def scaling(n: int, shapes: Sequence[tuple[str, Callable[[int], str]]]) -> list[str]:
    audit_text("US$ 5 juta (Rp 81 miliar).", "id", published=PUBLISHED)  # warm up
    rows = []
    worst = 0.0
    for name, make in shapes:
        small, large = cpu_seconds(make(n)), cpu_seconds(make(4 * n))
        ratio = large / small
        worst = max(worst, ratio)
        rows.append([name, f"{small:.2f}", f"{large:.2f}", f"{ratio:.1f}x"])
    lines = table(f"== one article, {n:,} and {4 * n:,} conversions (CPU seconds of the audit)",
                  ["shape", f"{n:,}", f"{4 * n:,}", "ratio"], rows)
    verdict = "ok" if worst <= TARGET_RATIO else "ABOVE TARGET"
    lines.append(f"worst ratio {worst:.1f}x (target <= {TARGET_RATIO:.0f}x) {verdict}")
    return lines


def five_megabytes(megabytes: float, pool: tuple[list[str], list[int]]) -> list[str]:
    texts, _ = pool
    parts, size = [], 0
    for paragraph in texts * (1 + int(megabytes * 1e6) // max(1, sum(map(len, texts)))):
        parts.append(paragraph)
        size += len(paragraph.encode("utf-8")) + 2
        if size >= megabytes * 1e6:
            break
    with tempfile.TemporaryDirectory() as folder:
        article = Path(folder) / "large.md"
        article.write_text("\n\n".join(parts), encoding="utf-8")
        run = run_measured([sys.executable, "-m", "factcheck", "audit", str(article),
                            "--published", PUBLISHED.isoformat(), "--format", "json",
                            "--fail-on", "never"])
    ok = run.returncode == 0 and run.seconds < TARGET_SECONDS and run.peak_mb < TARGET_MB
    lines = table(f"== one article of {size / 1e6:.1f} MB, {len(parts):,} paragraphs "
                  "(factcheck audit --format json, a fresh process)",
                  ["exit", "wall s", "CPU s", "peak MB"],
                  [[run.returncode, f"{run.seconds:.1f}", f"{run.cpu_seconds:.1f}",
                    f"{run.peak_mb:.0f}"]])
    lines.append(f"target: under {TARGET_SECONDS:.0f} s and {TARGET_MB:.0f} MB "
                 + ("ok" if ok else "ABOVE TARGET"))
    return lines


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--conversions", type=int, default=4000,
                        help="N: conversions of the smaller article (4000)")
    parser.add_argument("--megabytes", type=float, default=5.0,
                        help="size of the large article (5)")
    args = parser.parse_args(argv)
    pool = paragraphs()
    shapes = [("generated articles", lambda n: generated(n, pool)),
              ("stated rates elsewhere", stated_elsewhere),
              ("carried currencies", carried)]
    print("\n".join(scaling(args.conversions, shapes)))
    print("\n".join(five_megabytes(args.megabytes, pool)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
