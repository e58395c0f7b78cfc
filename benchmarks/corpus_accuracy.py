"""Money extraction and audit verdicts on the hand-annotated news excerpts of the shared corpus.

For each corpus folder (``articles`` and ``wider`` of ``$FACTCHECK_SHARED/corpus``, else
``../shared/corpus``; or the folders named with ``--corpus DIR``, in the same JSON schema):

- money precision/recall per language and over the folder (``benchmarks.corpus_scores.money``),
  and how many of the corpus's conversion pairs are linked;
- where the articles carry a ``verdict``, how many ``error`` articles get a warning or error
  finding and how many ``clean`` ones do (``benchmarks.corpus_scores.judgement``).

Each article is read as ``benchmarks.harness.corpus`` lays it out (title line, then the
excerpt sentences one per line; its language; its url as the source; its publication date
when that is a full ISO date). The corpus is read at run time and never copied into the
project; a shared folder that is absent is skipped, a named one that is absent or a malformed
file is an error (exit 2, the other folders and files still measured).

    python -m benchmarks.corpus_accuracy [--corpus DIR]... [--verbose] [--json FILE]
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

if not __package__:  # run as a file: python benchmarks/corpus_accuracy.py
    sys.path[0] = str(Path(__file__).resolve().parents[1])

from benchmarks.corpus_scores.judgement import judge_articles
from benchmarks.corpus_scores.money import measure
from benchmarks.corpus_scores.report import judgement_section, money_details, money_section
from benchmarks.harness.cli import write_json
from benchmarks.harness.corpus import read_folder, shared_folder, shared_folders


def run(folders: Sequence[Path]) -> tuple[dict[str, Any], list[str]]:
    """Money scores and audit judgements per folder (keyed by its name), and the problems."""
    money: dict[str, Any] = {}
    judged: dict[str, Any] = {}
    problems: list[str] = []
    for folder in folders:
        articles, found = read_folder(folder)
        problems += found
        if not articles:
            continue
        name = folder.name if folder.name not in money else str(folder)
        money[name] = measure(articles)
        judged[name] = judge_articles(articles)
    return {"money": money, "judgement": judged}, problems


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument(
        "--corpus", type=Path, action="append", metavar="DIR",
        help="a folder of corpus articles to measure instead of the shared ones (repeatable)",
    )  # fmt: skip
    parser.add_argument(
        "-v", "--verbose", action="store_true",
        help="list every miss, false positive and missed pair, and the judged articles",
    )  # fmt: skip
    parser.add_argument("--json", type=Path, default=None, help="write the whole result here")
    args = parser.parse_args(argv)
    folders = args.corpus or shared_folders()
    if not folders:
        print(
            f"corpus not found: {shared_folder('')} (set FACTCHECK_SHARED to the shared folder); "
            "nothing to measure"
        )
        return 0
    result, problems = run(folders)
    out = money_section(result["money"]) if result["money"] else ["no corpus article measured"]
    if args.verbose:
        for name, by_lang in result["money"].items():
            out += money_details(name, by_lang["all"])
    for name, judged in result["judgement"].items():
        out += judgement_section(name, judged, args.verbose)
    print("\n".join(out))
    for problem in problems:
        print(f"error: {problem}", file=sys.stderr)
    write_json(args.json, result)
    return 2 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
