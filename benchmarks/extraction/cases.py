"""The labelled fixture cases: loading, validating and locating each expected figure.

``tests/extract/fixtures/figures_<lang>.yaml`` holds sentences written for this project, each
with the figures it states (kind, value and the optional fields below) and tags naming what
makes it hard; ``tests/extract/test_accuracy.py`` checks the files with ``validate``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import yaml

from benchmarks.harness.paths import EXTRACT_FIXTURES
from benchmarks.harness.report import fmt_value
from benchmarks.harness.scoring import rel_close

LANGS: tuple[str, ...] = ("id", "fr", "en")
KINDS = frozenset({"money", "percent", "quantity", "rate", "price", "ratio"})
QUALIFIERS = frozenset({"about", "nearly", "more_than", "at_least", "up_to", "less_than", "range"})
PERS = frozenset({"day", "week", "month", "quarter", "year"})
FIGURE_KEYS = frozenset(
    {
        "text",
        "kind",
        "value",
        "low",
        "high",
        "currency",
        "unit",
        "per",
        "qualifier",
        "equivalent_of",
    }
)
CASE_KEYS = frozenset({"id", "text", "tags", "published", "figures"})
VALUE_TOL = 1e-6


@dataclass(frozen=True)
class Expected:
    """One labelled figure, located in its case text."""

    index: int
    text: str
    start: int
    end: int
    kind: str
    value: float
    fields: dict[str, Any]  # the optional keys exactly as given (None included)

    def has(self, key: str) -> bool:
        return key in self.fields

    def describe(self) -> str:
        extra = " ".join(
            f"{key}={self.fields[key]}"
            for key in ("currency", "unit", "per", "qualifier")
            if self.fields.get(key) is not None
        )
        return f"{self.text!r} {self.kind} {fmt_value(self.value)} {extra}".rstrip()


@dataclass(frozen=True)
class Case:
    """One sentence (or headline) with its expected figures."""

    id: str
    text: str
    tags: tuple[str, ...]
    published: date | None
    figures: tuple[Expected, ...]


def fixture_path(lang: str) -> Path:
    return EXTRACT_FIXTURES / f"figures_{lang}.yaml"


def load_raw(lang: str) -> list[dict[str, Any]]:
    """The fixture file as PyYAML reads it."""
    with fixture_path(lang).open(encoding="utf-8") as handle:
        data = yaml.safe_load(handle)
    if not isinstance(data, list):
        raise ValueError(f"{fixture_path(lang)}: expected a list of cases")
    return data


def _locate(text: str, needle: str, after: int) -> int:
    """Start of ``needle`` at or after ``after`` (figures are listed in text order)."""
    found = text.find(needle, after)
    return found if found >= 0 else text.find(needle)


def validate(lang: str) -> list[str]:
    """Problems in a fixture file (empty when it is well-formed); used by the tests."""
    problems: list[str] = []
    seen: set[str] = set()
    for number, raw in enumerate(load_raw(lang)):
        cid = str(raw.get("id", f"#{number}"))
        where = f"{fixture_path(lang).name}:{cid}"
        if cid in seen:
            problems.append(f"{where}: duplicate id")
        seen.add(cid)
        unknown = set(raw) - CASE_KEYS
        if unknown:
            problems.append(f"{where}: unknown keys {sorted(unknown)}")
        text, tags, figures = raw.get("text"), raw.get("tags"), raw.get("figures")
        if not isinstance(text, str) or not text:
            problems.append(f"{where}: text must be a non-empty string")
            continue
        if not isinstance(tags, list) or not tags:
            problems.append(f"{where}: tags must be a non-empty list")
        if not isinstance(figures, list):
            problems.append(f"{where}: figures must be a list")
            continue
        if "published" in raw:
            try:
                _published(raw["published"])
            except ValueError:
                problems.append(f"{where}: published is not an ISO date")
        if isinstance(tags, list) and ("negative" in tags) != (not figures):
            problems.append(f"{where}: a case is tagged negative exactly when it has no figures")
        position = 0
        for index, fig in enumerate(figures):
            problems.extend(_validate_figure(f"{where}[{index}]", text, fig, len(figures)))
            span = fig.get("text") if isinstance(fig, dict) else None
            if isinstance(span, str) and span:
                start = text.find(span, position)
                if start < 0:
                    kind = "out of order" if span in text else "not in the case text"
                    problems.append(f"{where}[{index}]: figure text {span!r} {kind}")
                else:
                    position = start + len(span)
    return problems


def _validate_figure(where: str, text: str, fig: object, count: int) -> list[str]:
    if not isinstance(fig, dict):
        return [f"{where}: a figure must be a mapping"]
    problems: list[str] = []
    unknown = set(fig) - FIGURE_KEYS
    if unknown:
        problems.append(f"{where}: unknown keys {sorted(unknown)}")
    if not isinstance(fig.get("text"), str) or not fig.get("text"):
        problems.append(f"{where}: text must be a non-empty string")
    if fig.get("kind") not in KINDS:
        problems.append(f"{where}: kind {fig.get('kind')!r} not one of {sorted(KINDS)}")
    for key in ("value", "low", "high"):
        if key in fig and (isinstance(fig[key], bool) or not isinstance(fig[key], int | float)):
            problems.append(f"{where}: {key} must be a number, got {fig[key]!r}")
    if "value" not in fig:
        problems.append(f"{where}: value is required")
    if fig.get("qualifier") not in QUALIFIERS | {None}:
        problems.append(f"{where}: qualifier {fig.get('qualifier')!r}")
    if fig.get("per") not in PERS | {None}:
        problems.append(f"{where}: per {fig.get('per')!r}")
    is_range = fig.get("qualifier") == "range"
    if is_range != ("low" in fig and "high" in fig):
        problems.append(f"{where}: a range has qualifier 'range' and both low and high")
    if is_range and all(isinstance(fig.get(k), int | float) for k in ("low", "high", "value")):
        low, high, value = float(fig["low"]), float(fig["high"]), float(fig["value"])
        if not (low < high and rel_close(value, (low + high) / 2, VALUE_TOL)):
            problems.append(f"{where}: range value must be the midpoint of low < high")
    target = fig.get("equivalent_of")
    if target is not None and not (isinstance(target, int) and 0 <= target < count):
        problems.append(f"{where}: equivalent_of {target!r} is not a figure index")
    return problems


def _published(value: object) -> date | None:
    if value is None or isinstance(value, date):
        return value
    return date.fromisoformat(str(value))


def load_cases(lang: str) -> list[Case]:
    """The fixture cases with each expected figure located in its text."""
    cases: list[Case] = []
    for raw in load_raw(lang):
        text = str(raw["text"])
        figures: list[Expected] = []
        position = 0
        for index, fig in enumerate(raw.get("figures") or []):
            span = str(fig["text"])
            start = _locate(text, span, position)
            position = start + len(span) if start >= 0 else position
            optional = {k: fig[k] for k in fig if k not in ("text", "kind", "value")}
            figures.append(
                Expected(
                    index,
                    span,
                    start,
                    start + len(span),
                    str(fig["kind"]),
                    float(fig["value"]),
                    optional,
                )
            )
        cases.append(
            Case(
                str(raw["id"]),
                text,
                tuple(raw.get("tags") or ()),
                _published(raw.get("published")),
                tuple(figures),
            )
        )
    return cases
