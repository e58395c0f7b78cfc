"""The conversion set's report, in the harness's table format."""

from __future__ import annotations

from typing import Any

from benchmarks.conversion_errors.mutations import KINDS, SIZES_A
from benchmarks.harness.mutation_report import (
    alarm_lines,
    common_sections,
    false_alarm_row,
    miss_lines,
)
from benchmarks.harness.report import INDENT, fmt_rate, fmt_tally, table

RECALL_TARGET = ">= 0.95"
FALSE_ALARM_TARGET = "<= 0.02"


def report(result: dict[str, Any], verbose: bool = False) -> str:
    out = table(
        f"== generated articles: {result['articles']} articles, {result['conversions']} "
        f"conversions, {result['mutations']} mutants",
        ["measure", "value", "target"],
        [
            ["recall, mutations of 3% or more (every reading >= 3% off)",
             fmt_tally(result["recall_3pct"]), RECALL_TARGET],
            ["recall, nominal 3% or more (all but a2)",
             fmt_tally(result["recall_3pct_nominal"]), ""],
            ["recall, all mutations", fmt_tally(result["recall_all"]), ""],
            ["false alarms (originals with a warning or error)",
             fmt_rate(result["false_alarm_rate"], len(result["false_alarms"]),
                      result["articles"]), FALSE_ALARM_TARGET],
            ["3% or more, caught by a finding on the mutated figure's line",
             fmt_tally(result["pinpointed_3pct"]), ""],
        ],
    )  # fmt: skip
    out += table(
        f"{INDENT}by kind",
        ["kind", "all", "3% or more"],
        [
            [f"{k.key} {k.description}", fmt_tally(result["by_kind"][k.key]),
             fmt_tally(result["by_kind_3pct"][k.key])]
            for k in KINDS
        ],
    )  # fmt: skip
    out += table(
        f"{INDENT}kind a by size p",
        ["p", "all", "3% or more"],
        [
            [f"{p}%", fmt_tally(result["by_size_a"][f"a{p}"]),
             fmt_tally(result["by_size_a_3pct"][f"a{p}"])]
            for p in SIZES_A
        ],
    )  # fmt: skip
    out += table(
        f"{INDENT}by gap (nearest admissible implied rate vs the article's rate)",
        ["gap", "recall"],
        [[name, fmt_tally(t)] for name, t in result["by_gap"].items()],
    )
    out += table(
        f"{INDENT}by language",
        ["lang", "false alarms", "recall (3% or more)"],
        [
            [*false_alarm_row(lang, row), fmt_tally(row["recall_3pct"])]
            for lang, row in result["by_lang"].items()
        ],
    )
    out += common_sections(result, KINDS)
    if verbose:
        for miss in sorted(result["misses"], key=lambda m: (m["cause"], m["kind"], m["id"])):
            out += miss_lines(
                f"{miss['id']} ({miss['cause']}): {miss['before']!r} -> {miss['after']!r} "
                f"[{miss['role']}, size {miss['size']:.1%}, gap {miss['gap']:.1%}, "
                f"figure {miss['figure']}, published {miss['published']}]",
                miss,
            )
        out += alarm_lines("FALSE ALARM", result["false_alarms"])
    out += corpus_section(result.get("corpus"), verbose)
    return "\n".join(out)


def corpus_section(corpus: dict[str, Any] | None, verbose: bool) -> list[str]:
    """The real corpus: per article, its group, the verdict and the FX findings."""
    if corpus is None:
        return ["== real corpus: not found (set FACTCHECK_SHARED to the shared folder); skipped"]
    out = table(
        f"== real corpus ({corpus['folder']})",
        ["measure", "value"],
        [
            ["conversion errors with an FX finding",
             f"{corpus['errors_flagged']}/{corpus['errors']}"],
            ["clean articles with an FX warning/error",
             f"{corpus['clean_alarmed']}/{corpus['clean']}"],
            ["clean articles with an FX error", f"{corpus['clean_fx_errors']}/{corpus['clean']}"],
            ["minor/borderline with an FX warning/error",
             f"{corpus['borderline_alarmed']}/{corpus['borderline']}"],
        ],
    )  # fmt: skip
    rows = []
    for row in corpus["articles"]:
        verdict = "ok" if row["ok"] else ("MISS" if row["group"] == "error" else "FALSE ALARM")
        if row["group"] == "borderline" and row["fx_alarms"]:
            verdict = "flagged"
        codes = ", ".join(f"{f['code']} {f['severity']} l{f['line']}" for f in row["fx"]) or "-"
        rows.append([row["id"][:52], row["group"], verdict, codes])
    lines = table(f"{INDENT}per article", ["article", "group", "verdict", "FX findings"], rows)
    out.append(lines[0])
    out.append(lines[1])
    for row, line in zip(corpus["articles"], lines[2:], strict=True):
        out.append(line)
        if row["error"]:
            out.append(f"      AUDIT ERROR {row['error']}")
        if verbose and (not row["ok"] or row["fx"]):
            out.extend(f"      > {f}" for f in row["findings"])
    return out
