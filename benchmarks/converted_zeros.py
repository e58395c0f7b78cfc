"""How to read a converted figure's trailing zeros, decided by measurement.

Each reading of ``extract.precision`` (``insignificant``, ``significant``,
``unless-qualified``, ``two-digits``) is given to the audit in a rule pack
(``extraction.converted_zeros``), and three measures are taken with it:

- the conversion-error mutation set on generated articles (``benchmarks.detection``):
  recall on mutations of a nominal 3% or more, and false alarms on the originals;
- the real-corpus mutation set (``benchmarks.corpus_mutation``): recall over every mutant
  (slips of 8% and more), and the clean originals flagged;
- the audit judgement on the shared corpus's folders: error articles flagged and clean
  articles flagged.

    python -m benchmarks.converted_zeros [--limit N] [--json FILE]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import Any

if not __package__:  # run as a file: python benchmarks/converted_zeros.py
    sys.path[0] = str(Path(__file__).resolve().parents[1])

from benchmarks.conversion_errors.measure import run as detection
from benchmarks.corpus_mutations.measure import run as corpus_mutation
from benchmarks.corpus_scores.judgement import judge_articles
from benchmarks.harness.auditing import Auditor
from benchmarks.harness.cli import write_json
from benchmarks.harness.corpus import load_folder, shared_folders
from benchmarks.harness.report import fmt_rate, fmt_tally, table
from factcheck.api import audit_text
from factcheck.extract.precision import READINGS
from factcheck.model import Lang


def auditor(pack: Path) -> Auditor:
    def audit(text: str, lang: Lang, published: date | None, source: str | None) -> Any:
        return audit_text(text, lang, published=published, source=source, rules=pack)

    return audit


def measure(reading: str, folder: Path, limit: int | None) -> dict[str, Any]:
    pack = folder / f"{reading}.yaml"
    pack.write_text(f"extends: default\nextraction: {{converted_zeros: {reading}}}\n",
                    encoding="utf-8")
    audit = auditor(pack)
    generated = detection(limit, auditor=audit, corpus=False)
    real = corpus_mutation(auditor=audit)
    judged = {path.name: judge_articles(load_folder(path), audit) for path in shared_folders()}
    return {"generated_recall": generated["recall_3pct_nominal"],
            "generated_alarms": [len(generated["false_alarms"]), generated["articles"]],
            "corpus_mutants": real["recall_all"],
            "corpus_originals_flagged": [len(real["false_alarms"]), real["articles"]],
            "judged": {name: j["by_verdict"] if j else None for name, j in judged.items()}}


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--limit", type=int, default=None,
                        help="use only the first N generated articles")
    parser.add_argument("--json", type=Path, default=None, help="write the whole result here")
    args = parser.parse_args(argv)
    results: dict[str, Any] = {}
    with tempfile.TemporaryDirectory() as scratch:
        for reading in READINGS:
            results[reading] = measure(reading, Path(scratch), args.limit)
    rows = []
    for reading, r in results.items():
        judged = [f"{name}: errors {v['error']['flagged']}/{v['error']['articles']}, clean "
                  f"{v['clean']['flagged']}/{v['clean']['articles']}"
                  for name, v in r["judged"].items() if v]
        rows.append([reading, fmt_tally(r["generated_recall"]),
                     fmt_rate(r["generated_alarms"][0] / max(1, r["generated_alarms"][1]),
                              *r["generated_alarms"]),
                     fmt_tally(r["corpus_mutants"]),
                     f"{r['corpus_originals_flagged'][0]}/{r['corpus_originals_flagged'][1]}",
                     "; ".join(judged) or "-"])
    print("\n".join(table(
        "== converted figures' trailing zeros, by reading",
        ["reading", "generated recall (3%+)", "generated false alarms",
         "corpus mutants caught", "clean originals flagged", "corpus verdicts flagged"],
        rows)))
    write_json(args.json, results)
    return 0


if __name__ == "__main__":
    sys.exit(main())
