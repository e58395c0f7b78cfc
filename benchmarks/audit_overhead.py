"""How much auditing adds to extraction, and how fast rates are looked up.

Runs extraction alone, then the full audit (extraction, the default pack's checks, rate
look-ups), over the same articles: the generated detection corpus (articles with 1-5
currency conversions each, see detection.py) when it is importable, else the throughput
benchmark's news-style articles. Prints seconds, MB/s and the ratio audit / extraction
(target: at most 2x). Best of 3 after a warm-up, on one process.
"""

from __future__ import annotations

import importlib.util
import sys
import time
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from factcheck.api import audit_text  # noqa: E402
from factcheck.extract import extract_text  # noqa: E402


def _load(name: str) -> object:
    spec = importlib.util.spec_from_file_location(name, HERE / f"{name}.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


def articles() -> tuple[str, list[tuple[str, str, date | None]]]:
    """(corpus name, [(text, lang, published)])."""
    try:
        detection = _load("detection")
        generated = detection.generate(360)  # type: ignore[attr-defined]
        render = detection.render  # type: ignore[attr-defined]
        return "detection corpus", [(render(a)[0], a.lang, a.published) for a in generated]
    except (ImportError, AttributeError, FileNotFoundError):
        throughput = _load("extract_throughput")
        texts = throughput.articles("id", 500_000)  # type: ignore[attr-defined]
        return "throughput articles (id)", [(t, "id", date(2024, 7, 15)) for t in texts]


def best_of(runs: int, work: Callable[[], object]) -> float:
    work()
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    return min(times)


def main(argv: Sequence[str] | None = None) -> int:
    name, docs = articles()
    size = sum(len(text.encode("utf-8")) for text, _, _ in docs)

    def extract_all() -> None:
        for text, lang, published in docs:
            extract_text(text, lang, published=published)  # type: ignore[arg-type]

    def audit_all() -> None:
        for text, lang, published in docs:
            audit_text(text, lang, published=published)  # type: ignore[arg-type]

    extracting = best_of(3, extract_all)
    auditing = best_of(3, audit_all)
    print(f"corpus: {name}, {len(docs)} articles, {size:,} bytes")
    print(f"extract: {extracting:.3f} s ({size / extracting / 1e6:.2f} MB/s)")
    print(f"audit:   {auditing:.3f} s ({size / auditing / 1e6:.2f} MB/s)")
    ratio = auditing / extracting
    print(f"audit / extract: {ratio:.2f}x (target <= 2x) {'ok' if ratio <= 2 else 'ABOVE TARGET'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
