"""The report sections every mutation set prints, in the harness's table format."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from benchmarks.harness.mutation_sets import MutationKind
from benchmarks.harness.report import INDENT, fmt_rate, quoted, table


def false_alarm_row(label: str, row: dict[str, Any]) -> list[object]:
    return [label, fmt_rate(row["false_alarm_rate"], row["false_alarms"], row["articles"])]


def common_sections(result: dict[str, Any], kinds: Sequence[MutationKind]) -> list[str]:
    """What caught each kind, findings on the originals, misses by cause, audit errors."""
    out = table(
        f"{INDENT}caught by (codes of the catching findings; caught only by a finding the "
        f"original already had: {result['stale_catches']})",
        ["kind", "codes"],
        [
            [f"{k.key} {k.description}", _codes(result["caught_by_kind"][k.key])]
            for k in kinds
        ],
    )
    info = _codes(result["info_on_originals"])
    out.append(f"{INDENT}info findings on originals (not alarms): {info}")
    if result["false_alarm_codes"]:
        out.append(f"{INDENT}false alarms by code: {_codes(result['false_alarm_codes'])}")
    if result["miss_causes"]:
        out += table(
            f"{INDENT}misses by kind and cause",
            ["cause", "misses"],
            [[cause, n] for cause, n in result["miss_causes"].items()],
        )
    out.extend(f"{INDENT}AUDIT ERROR {err['id']}: {err['error']}" for err in result["audit_errors"])
    return out


def _codes(counts: dict[str, int]) -> str:
    return ", ".join(f"{code} {n}" for code, n in sorted(counts.items())) or "-"


def miss_lines(head: str, miss: dict[str, Any]) -> list[str]:
    """A missed mutant (verbose): its header, its text and the findings it got."""
    return [
        f"{INDENT}MISS {head}",
        *quoted(miss["text"]),
        *(f"      > {f}" for f in miss["findings"] or ["(no findings)"]),
    ]


def alarm_lines(label: str, alarms: Sequence[dict[str, Any]]) -> list[str]:
    """Correct articles that got a warning or an error (verbose), with their findings."""
    out: list[str] = []
    for alarm in alarms:
        published = alarm["published"]
        out.append(f"{INDENT}{label} {alarm['id']} {alarm['codes']} [published {published}]")
        out.extend(quoted(alarm["text"]))
        out.extend(f"      > {f}" for f in alarm["findings"])
    return out
