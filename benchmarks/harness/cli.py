"""The command-line pieces every benchmark script shares."""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any


def mutation_set_parser(
    doc: str | None, default_articles: int, seed: int
) -> argparse.ArgumentParser:
    """The options of a mutation-set script: how many articles, the seed, verbosity, where to
    write the whole result and where to dump the generated articles."""
    parser = argparse.ArgumentParser(description=doc.split("\n\n")[0] if doc else None)
    parser.add_argument(
        "--articles", type=int, default=default_articles,
        help=f"articles to generate (default {default_articles})",
    )  # fmt: skip
    parser.add_argument("--limit", type=int, default=None, help="use only the first N articles")
    parser.add_argument("--seed", type=int, default=seed)
    parser.add_argument(
        "-v", "--verbose", action="store_true",
        help="list every miss and false alarm with its text and findings",
    )  # fmt: skip
    parser.add_argument("--json", type=Path, default=None, help="write the whole result here")
    parser.add_argument(
        "--dump", type=Path, default=None,
        help="write the generated articles to this folder and stop",
    )  # fmt: skip
    return parser


def write_json(path: Path | None, result: Any) -> None:
    """The whole result as JSON (nothing when ``path`` is None)."""
    if path is not None:
        path.write_text(
            json.dumps(result, indent=1, ensure_ascii=False, default=str), encoding="utf-8"
        )
