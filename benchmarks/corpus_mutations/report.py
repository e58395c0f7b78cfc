"""The real-corpus set's report, in the harness's table format."""

from __future__ import annotations

from typing import Any

from benchmarks.corpus_mutations.mutations import KINDS
from benchmarks.harness.mutation_report import alarm_lines, common_sections, miss_lines
from benchmarks.harness.report import INDENT, fmt_rate, fmt_tally, table

RECALL_TARGET = ">= 0.95"


def report(result: dict[str, Any], verbose: bool = False) -> str:
    out = table(
        f"== real clean articles mutated: {result['articles']} articles, {result['figures']} "
        f"converted figures, {result['mutations']} mutants",
        ["measure", "value", "target"],
        [
            ["recall at warning or above on the mutated figure's line, slips of 3% or more",
             fmt_tally(result["recall"]), RECALL_TARGET],
            ["  of those, mutants whose pair the extractor links",
             fmt_tally(result["recall_linked"]), ""],
            ["  every mutant (some within the printed precision)",
             fmt_tally(result["recall_all"]), ""],
            ["originals with a warning or error",
             fmt_rate(result["false_alarm_rate"], len(result["false_alarms"]),
                      result["articles"]), "0"],
        ],
    )  # fmt: skip
    out += table(
        f"{INDENT}by kind",
        ["kind", "3% or more", "pair linked", "every mutant"],
        [[f"{k.key} {k.description}", fmt_tally(result["by_kind"][k.key]),
          fmt_tally(result["by_kind_linked"][k.key]), fmt_tally(result["by_kind_all"][k.key])]
         for k in KINDS],
    )
    out += table(f"{INDENT}by folder (3% or more)", ["folder", "recall"],
                 [[name, fmt_tally(t)] for name, t in result["by_folder"].items()])
    if result["skipped"]:
        out.append(f"{INDENT}converted figures not mutated: "
                   + ", ".join(f"{why}: {n}" for why, n in result["skipped"].items()))
    out += common_sections(result, KINDS)
    if verbose:
        for miss in sorted(result["misses"], key=lambda m: (m["cause"], m["id"])):
            out += miss_lines(f"{miss['id']} ({miss['cause']}): {miss['before']!r} -> "
                              f"{miss['after']!r} [line {miss['line']}, published "
                              f"{miss['published']}]", miss)
        out += alarm_lines("ALARM ON ORIGINAL", result["false_alarms"])
    return "\n".join(out)
