"""Figure-extraction accuracy on the labelled fixtures in ``tests/extract/fixtures``.

Runs ``factcheck.extract_text`` on every case of ``figures_<lang>.yaml`` and matches predicted
figures to the expected ones within the case: a prediction matches when its kind is equal, its
value is within 1e-6 relative, and its currency and unit equal the expected ones where the
fixture gives them; matching is one-to-one, greedy by span overlap
(``benchmarks.extraction``). Prints per language figure precision, recall and F1, the
exact-span rate among matches, pair (``equivalent_of``) precision and recall, agreement on
the secondary fields (per, qualifier, range ends) and recall per kind and per tag.

    python -m benchmarks.extract_accuracy [--lang id|fr|en] [--verbose]
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

if not __package__:  # run as a file: python benchmarks/extract_accuracy.py
    sys.path[0] = str(Path(__file__).resolve().parents[1])

from benchmarks.extraction.cases import LANGS
from benchmarks.extraction.scoring import measure
from benchmarks.harness.report import INDENT, fmt_ratio, fmt_score, fmt_value, table


def _describe(item: dict[str, Any]) -> str:
    extra = " ".join(
        f"{key}={item[key]}"
        for key in ("currency", "unit", "per", "qualifier")
        if item.get(key) is not None
    )
    return f"{item['text']!r} {item['kind']} {fmt_value(item['value'])} {extra}".rstrip()


def summary(scores: dict[str, dict[str, Any]]) -> list[str]:
    """One row per language."""
    rows = []
    for lang, s in scores.items():
        pairs, neg = s["pairs"], s["negatives"]
        rows.append(
            [lang, s["cases"], fmt_score(s["precision"], s["matched"], s["predicted"]),
             fmt_score(s["recall"], s["matched"], s["expected"]), f"{s['f1']:.3f}",
             f"{s['exact_span_rate']:.3f}",
             fmt_score(pairs["precision"], pairs["predicted_correct"], pairs["predicted"]),
             fmt_score(pairs["recall"], pairs["found"], pairs["expected"]),
             f"{neg['with_false_positives']}/{neg['cases']}"]
        )  # fmt: skip
    return table(
        "== figures on the labelled fixtures (kind, value within 1e-6, currency and unit)",
        ["lang", "cases", "precision", "recall", "F1", "exact span", "pair precision",
         "pair recall", "negatives with a FP"],
        rows,
    )  # fmt: skip


def details(scores: dict[str, Any], verbose: bool) -> list[str]:
    """Field agreement, recall by kind and by tag of one language; every miss with ``verbose``."""
    lang = scores["lang"]
    out = table(
        f"== {lang}: field agreement among matches, recall by kind and by tag",
        ["what", "agree or found"],
        [[f"field {k}", fmt_ratio(v["agree"], v["checked"])] for k, v in scores["fields"].items()]
        + [[f"kind {k}", fmt_ratio(v["found"], v["expected"])]
           for k, v in scores["kinds"].items() if v["expected"]]
        + [[f"tag {tag}", fmt_ratio(v["found"], v["expected"])]
           for tag, v in scores["tags"].items()],
    )  # fmt: skip
    out.extend(f"{INDENT}ERROR {err['case']}: {err['error']}" for err in scores["errors"])
    if not verbose:
        return out
    for miss in scores["misses"]:
        near = "; ".join(_describe(p) for p in miss["overlapping"]) or "nothing"
        out.append(f"{INDENT}MISS {miss['case']}: {_describe(miss)}  <- predicted {near}")
    out.extend(
        f"{INDENT}FALSE POSITIVE {fp['case']}: {_describe(fp)}" for fp in scores["false_positives"]
    )
    out.extend(
        f"{INDENT}FIELD {mm['case']}: {mm['text']!r} {mm['field']} expected "
        f"{mm['expected']!r}, got {mm['predicted']!r}"
        for mm in scores["field_mismatches"]
    )
    out.extend(
        f"{INDENT}PAIR {pm['case']}: {pm['converted']!r} should restate {pm['source']!r} "
        f"(equivalent_of={pm['predicted_equivalent_of']})"
        for pm in scores["pair_misses"]
    )
    out.extend(
        f"{INDENT}SPAN {sm['case']}: expected {sm['expected']!r}, got {sm['predicted']!r}"
        for sm in scores["span_mismatches"]
    )
    return out


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument(
        "--lang", choices=LANGS, action="append", help="language(s) to measure (default: all)"
    )
    parser.add_argument(
        "-v", "--verbose", action="store_true",
        help="list every miss, false positive and field disagreement",
    )  # fmt: skip
    args = parser.parse_args(argv)
    scores = {lang: measure(lang) for lang in args.lang or LANGS}
    out = summary(scores)
    for lang_scores in scores.values():
        out += details(lang_scores, args.verbose)
    print("\n".join(out))
    return 0


if __name__ == "__main__":
    sys.exit(main())
