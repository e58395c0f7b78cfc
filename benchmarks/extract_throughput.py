"""Extraction throughput: MB/s of article text on one core, ours next to quantulum3.

The text is news-style sentences written for this benchmark (``benchmarks/data/throughput``:
English, Indonesian, French sentences with figures, and sentences without), shuffled into
articles of about 2.5 KB and repeated to about 1 MB per language. Each article is one
``factcheck.extract_text`` call, as in an audit of many articles. quantulum3
(``parser.parse(text)``) reads a prefix of the same English articles (about 30 KB: it is
roughly a thousand times slower). Each measurement is a warm-up and then the best of 3
(``harness.timing``). The ratio is our English MB/s over quantulum3's; the target is at
least 50x. Figures found per KB are printed so that an extractor that finds nothing cannot
look fast. It also times ``factcheck --help`` (a subprocess, best of 5; target under 0.3 s)
when the console script is installed.

    python -m benchmarks.extract_throughput [--mb MB] [--quantulum-kb KB] [--runs N] [--json FILE]
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import subprocess
import sys
import time
import warnings
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass
from functools import cache
from pathlib import Path
from typing import Any

if not __package__:  # run as a file: python benchmarks/extract_throughput.py
    sys.path[0] = str(Path(__file__).resolve().parents[1])

import factcheck
from benchmarks.harness.cli import write_json
from benchmarks.harness.paths import BENCHMARK_DATA
from benchmarks.harness.report import table
from benchmarks.harness.timing import best_of, pin_one_core
from factcheck.model import Lang

TARGET_RATIO = 50.0
TARGET_HELP_SECONDS = 0.3
ARTICLE_SENTENCES = 14
PROSE_PER_FIGURE_SENTENCE = 2  # real articles carry a figure in a minority of their sentences
MB = 1_000_000


@cache
def sentences(kind: str, lang: str) -> tuple[str, ...]:
    """The ``figures`` or ``prose`` sentences of one language, one per line."""
    text = (BENCHMARK_DATA / "throughput" / f"{kind}_{lang}.txt").read_text(encoding="utf-8")
    return tuple(line for line in text.splitlines() if line.strip())


def articles(lang: str, target_bytes: int, seed: int = 7) -> list[str]:
    """Articles of shuffled sentences, about ``target_bytes`` of UTF-8 in all."""
    figured_pool, prose = list(sentences("figures", lang)), list(sentences("prose", lang))
    rng = random.Random(f"{seed}-{lang}")
    out: list[str] = []
    size = 0
    while size < target_bytes:
        figured = rng.sample(figured_pool, ARTICLE_SENTENCES // (1 + PROSE_PER_FIGURE_SENTENCE))
        plain = rng.choices(prose, k=ARTICLE_SENTENCES - len(figured))
        picked = figured + plain
        rng.shuffle(picked)
        paragraphs = [" ".join(picked[i : i + 4]) for i in range(0, len(picked), 4)]
        article = "\n\n".join(paragraphs) + "\n"
        out.append(article)
        size += len(article.encode("utf-8"))
    return out


def prefix(docs: Sequence[str], max_bytes: int) -> list[str]:
    """The first articles of ``docs`` up to ``max_bytes`` (at least one)."""
    out: list[str] = []
    size = 0
    for doc in docs:
        n = len(doc.encode("utf-8"))
        if out and size + n > max_bytes:
            break
        out.append(doc)
        size += n
    return out


@dataclass
class Measure:
    engine: str
    lang: str
    articles: int
    bytes: int
    seconds: float
    cpu_seconds: float  # process CPU time of the best run: far below ``seconds`` = contention
    figures: int

    @property
    def mb_per_s(self) -> float:
        return self.bytes / MB / self.seconds if self.seconds > 0 else float("inf")

    @property
    def figures_per_kb(self) -> float:
        return self.figures / (self.bytes / 1000) if self.bytes else 0.0


def measure(
    engine: str, lang: str, fn: Callable[[str], int], docs: Sequence[str], runs: int
) -> Measure:
    """Warm up on the first articles, then the best of ``runs`` full passes."""
    best = best_of(
        lambda: sum(fn(doc) for doc in docs),
        runs,
        warm_up=lambda: [fn(doc) for doc in docs[:3]],
        label=f"{engine} {lang}",
    )
    size = sum(len(d.encode("utf-8")) for d in docs)
    return Measure(engine, lang, len(docs), size, best.seconds, best.cpu_seconds, best.result)


def ours(lang: Lang) -> Callable[[str], int]:
    def run(text: str) -> int:
        return len(factcheck.extract_text(text, lang))

    return run


def quantulum() -> Callable[[str], int]:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # "classifier dependencies not installed"
        from quantulum3 import parser  # optional: the dev extras install it

    def run(text: str) -> int:
        return len(parser.parse(text))

    return run


def help_time(runs: int = 5) -> tuple[float, int, str] | None:
    """Best wall time of ``factcheck --help``, its exit code and the script's path; None
    without the script. The interpreter's own bin/ comes first (no pyenv shim)."""
    bindir = str(Path(sys.executable).parent)
    exe = shutil.which("factcheck", path=os.pathsep.join([bindir, os.environ.get("PATH", "")]))
    if exe is None:
        return None
    best = float("inf")
    code = 0
    for _ in range(runs):
        t0 = time.perf_counter()
        proc = subprocess.run([exe, "--help"], capture_output=True, check=False)
        best = min(best, time.perf_counter() - t0)
        code = proc.returncode
    return best, code, exe


def run(mb: float = 1.0, quantulum_kb: float = 30.0, runs: int = 3) -> dict[str, Any]:
    """Measure everything; a JSON-serialisable summary."""
    pinned = pin_one_core()
    measures: list[Measure] = []
    notes: list[str] = []
    english = articles("en", int(mb * MB))
    langs: tuple[Lang, ...] = ("en", "id", "fr")
    for lang in langs:
        docs = english if lang == "en" else articles(lang, int(mb * MB))
        measures.append(measure("factcheck", lang, ours(lang), docs, runs))
    try:
        q_docs = prefix(english, int(quantulum_kb * 1000))
        measures.append(measure("quantulum3", "en", quantulum(), q_docs, runs))
    except ImportError as exc:
        notes.append(f"quantulum3 not importable ({exc}); pip install -e '.[dev]'")
    by_key = {(m.engine, m.lang): m for m in measures}
    ratio: float | None = None
    if ("factcheck", "en") in by_key and ("quantulum3", "en") in by_key:
        ratio = by_key["factcheck", "en"].mb_per_s / by_key["quantulum3", "en"].mb_per_s
    helped = help_time()
    return {
        "cpu": pinned,
        "measures": [
            asdict(m) | {"mb_per_s": m.mb_per_s, "figures_per_kb": m.figures_per_kb}
            for m in measures
        ],
        "ratio_en": ratio,
        "target_ratio": TARGET_RATIO,
        "help_seconds": helped[0] if helped else None,
        "help_exit_code": helped[1] if helped else None,
        "help_command": helped[2] if helped else None,
        "target_help_seconds": TARGET_HELP_SECONDS,
        "notes": notes,
    }


def report(r: dict[str, Any]) -> list[str]:
    out = table(
        f"== extraction throughput, one core: {r['cpu']}",
        ["engine", "lang", "articles", "bytes", "best s", "cpu s", "MB/s", "figures/KB"],
        [
            [m["engine"], m["lang"], m["articles"], f"{m['bytes']:,}", f"{m['seconds']:.3f}",
             f"{m['cpu_seconds']:.3f}", f"{m['mb_per_s']:.4f}", f"{m['figures_per_kb']:.2f}"]
            for m in r["measures"]
        ],
    )  # fmt: skip
    if r["ratio_en"] is not None:
        verdict = "ok" if r["ratio_en"] >= r["target_ratio"] else "BELOW TARGET"
        out.append(
            f"ratio ours/quantulum3 (en): {r['ratio_en']:.0f}x "
            f"(target >= {r['target_ratio']:.0f}x) {verdict}"
        )
    if r["help_seconds"] is None:
        out.append("factcheck --help: skipped (console script not installed: pip install -e .)")
    else:
        verdict = "ok" if r["help_seconds"] < r["target_help_seconds"] else "ABOVE TARGET"
        out.append(
            f"factcheck --help: {r['help_seconds']:.3f} s best of 5, exit {r['help_exit_code']} "
            f"(target < {r['target_help_seconds']} s) {verdict}  [{r['help_command']}]"
        )
    out.extend(f"note: {note}" for note in r["notes"])
    return out


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    ap.add_argument("--mb", type=float, default=1.0, help="MB of text per language (ours)")
    ap.add_argument("--quantulum-kb", type=float, default=30.0, help="KB of text for quantulum3")
    ap.add_argument("--runs", type=int, default=3, help="timed runs; the best counts")
    ap.add_argument("--json", type=Path, help="also write the summary as JSON here")
    args = ap.parse_args(argv)
    results = run(args.mb, args.quantulum_kb, args.runs)
    print("\n".join(report(results)))
    write_json(args.json, results)
    return 0


if __name__ == "__main__":
    sys.exit(main())
