"""Language detection on short text: the corpus titles and short drafts of our own.

The titles of ``../shared/corpus`` (each with its article's language) and the drafts of
``benchmarks/data/language/short_drafts.tsv`` are detected with
``factcheck.documents.language.detect_language``, with the optional model (lingua, the
``lang`` extra) when it is installed and without it; every miss is listed with ``-v``.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from unittest import mock

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.harness.corpus import shared_folders
from benchmarks.harness.paths import BENCHMARK_DATA
from factcheck.documents import language as detection

DRAFTS = BENCHMARK_DATA / "language" / "short_drafts.tsv"
Case = tuple[str, str]  # (language, text)


def titles() -> Iterator[Case]:
    """(language, title) of every corpus article with a title."""
    for folder in shared_folders():
        for path in sorted(folder.glob("*.json")):
            data = json.loads(path.read_text(encoding="utf-8"))
            if data.get("title"):
                yield str(data["language"]), str(data["title"])


def drafts() -> Iterator[Case]:
    for line in DRAFTS.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            lang, text = line.split("\t", 1)
            yield lang, text


def score(cases: list[Case], detect: Callable[[str], str]) -> tuple[int, list[str]]:
    """How many cases are detected right, and a line per miss."""
    misses = [f"{lang} -> {found}: {text}" for lang, text in cases
              if (found := detect(text)) != lang]
    return len(cases) - len(misses), misses


def run(verbose: bool) -> dict[str, dict[str, int]]:
    sets = {"corpus titles": list(titles()), "short drafts": list(drafts())}
    modes: dict[str, Callable[[str], str]] = {
        "with the model": detection.detect_language,
        "without the model": _without_model,
    }
    if detection.model_language("Harga emas naik") is None:
        modes.pop("with the model")
        print("(lingua is not installed: pip install 'factcheck[lang]' for the model)")
    results: dict[str, dict[str, int]] = {}
    for name, cases in sets.items():
        for mode, detect in modes.items():
            right, misses = score(cases, detect)
            results[f"{name}, {mode}"] = {"right": right, "cases": len(cases)}
            share = right / len(cases) if cases else 0.0
            print(f"{name:14} {mode:18} {right:3}/{len(cases):<3} {share:.3f}")
            if verbose:
                for miss in misses:
                    print(f"    MISS {miss}")
    return results


def _without_model(text: str) -> str:
    with mock.patch.object(detection, "model_language", return_value=None):
        return detection.detect_language(text)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-v", "--verbose", action="store_true", help="list every miss")
    run(parser.parse_args(argv).verbose)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
