"""The date set's report, in the harness's table format."""

from __future__ import annotations

from typing import Any

from benchmarks.date_errors.generator import LANGS
from benchmarks.date_errors.mutations import KINDS
from benchmarks.harness.mutation_report import (
    alarm_lines,
    common_sections,
    false_alarm_row,
    miss_lines,
)
from benchmarks.harness.report import INDENT, fmt_rate, fmt_tally, table


def report(result: dict[str, Any], verbose: bool = False) -> str:
    probe = result["probe"]
    headline: list[list[object]] = [
        ["false alarms (originals with a warning or error)",
         fmt_rate(result["false_alarm_rate"], len(result["false_alarms"]), result["articles"]),
         "<= 0.02"],
    ]  # fmt: skip
    if probe["articles"]:
        headline.append(
            ["probe: a current-rate conversion of the same pair beside the past one",
             fmt_rate(probe["false_alarm_rate"], probe["false_alarms"], probe["articles"]), ""],
        )  # fmt: skip
    out = table(
        f"== generated articles: {result['articles']} articles, {result['mutations']} mutants "
        f"(not applicable: {result['not_applicable'] or 'none'})",
        ["measure", "value", "target"],
        headline,
    )
    for title, key in (
        ("recall, all mutations", "recall"),
        (
            "recall, mutations the printed figures rule out (a: > 3% off; c: X/Y misses the word)",
            "recall_detectable",
        ),
    ):
        out += table(
            f"{INDENT}{title}",
            ["kind", "all", *LANGS],
            [
                [f"{k.key} {k.description}"]
                + [fmt_tally(result[key][k.key][col]) for col in ("all", *LANGS)]
                for k in KINDS
            ],
        )
    shift = result["shift"]
    out += table(
        f"{INDENT}kind a: FX005/FX002 on the line",
        ["shifts", "recall"],
        [
            ["the two dates' rates differ by 3% or more", fmt_tally(shift["rates_3pct"])],
            ["every reading of the print is > 3% off the new rate", fmt_tally(shift["gap_3pct"])],
            ["within 3% (no check can tell)", fmt_tally(shift["under_3pct"])],
        ],
    )
    out += table(
        f"{INDENT}by language",
        ["lang", "false alarms", "probe alarms"],
        [
            [*false_alarm_row(lang, row), row["probe_alarms"]]
            for lang, row in result["by_lang"].items()
        ],
    )
    if probe["codes"]:
        out.append(f"{INDENT}probe alarms by code: {probe['codes']}")
    out += common_sections(result, KINDS)
    if verbose:
        for miss in sorted(result["misses"], key=lambda m: (m["kind"], m["cause"], m["id"])):
            extra = ""
            if miss["kind"] == "a":
                extra = f", rates {miss['rate_diff']:.1%} apart, gap {miss['gap']:.1%}"
            out += miss_lines(
                f"{miss['id']} ({miss['cause']}): {miss['before']!r} -> {miss['after']!r} "
                f"[{miss['detail']}{extra}, published {miss['published']}]",
                miss,
            )
        out += alarm_lines("FALSE ALARM", result["false_alarms"])
        out += alarm_lines("PROBE ALARM", probe["alarms"])
    return "\n".join(out)
