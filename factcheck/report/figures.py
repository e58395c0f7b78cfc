"""Figures out: the `extract` JSON contract, JSON Lines, CSV (pandas) and a rich table.

The contract (DESIGN.md): ``{"version": 1, "documents": [{"path", "lang", "published",
"figures": [{"id", "text", "start", "end", "line", "column", "kind", "value", "low",
"high", "currency", "unit", "per", "qualifier", "period", "equivalent_of"}]}]}``, and
``currency_source`` and ``currency_candidates`` where they are set.
Reporters only format; every number here was computed upstream.
"""

from __future__ import annotations

import io
import json
from collections.abc import Sequence
from datetime import date
from typing import Any

from pydantic import BaseModel, ConfigDict

from factcheck.model import (
    OPTIONAL_FIGURE_FIELDS,
    DocumentFigures,
    Figure,
    FigureContract,
    Lang,
)

FORMATS = ("json", "jsonl", "csv", "table", "claims")


class FigureRecord(FigureContract):
    """One figure as the JSON contract writes it."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class DocumentRecord(BaseModel):
    model_config = ConfigDict(extra="forbid")

    path: str
    lang: Lang
    published: date | None
    figures: list[FigureRecord]


class FiguresOutput(BaseModel):
    """The whole output of ``factcheck extract --format json``."""

    model_config = ConfigDict(extra="forbid")

    version: int = 1
    documents: list[DocumentRecord]


def _record(figure: Figure) -> FigureRecord:
    return FigureRecord(**{k: getattr(figure, k) for k in FigureContract.model_fields})


def to_output(results: Sequence[DocumentFigures]) -> FiguresOutput:
    ordered = sorted(results, key=lambda r: r.document.path)
    return FiguresOutput(documents=[
        DocumentRecord(path=r.document.path, lang=r.document.lang,
                       published=r.document.published,
                       figures=[_record(f) for f in r.figures])
        for r in ordered
    ])


def _contract(document: DocumentRecord) -> dict[str, Any]:
    """A document as the contract writes it: the optional figure fields only when set."""
    data = document.model_dump(mode="json")
    for figure in data["figures"]:
        for key in OPTIONAL_FIGURE_FIELDS:
            if figure[key] is None:
                del figure[key]
    return data


def render(results: Sequence[DocumentFigures], fmt: str) -> str:
    """The figures of several documents in one of ``FORMATS``."""
    output = to_output(results)
    if fmt == "json":
        data = {"version": output.version, "documents": [_contract(d) for d in output.documents]}
        return json.dumps(data, ensure_ascii=False, allow_nan=False, indent=2) + "\n"
    if fmt == "jsonl":
        lines = [json.dumps(_contract(d), ensure_ascii=False, allow_nan=False)
                 for d in output.documents]
        return "".join(line + "\n" for line in lines)
    if fmt == "claims":
        import yaml

        from factcheck.claims.drafts import draft_records

        records = [r for result in sorted(results, key=lambda r: r.document.path)
                   for r in draft_records(result)]
        return yaml.safe_dump(records, allow_unicode=True, sort_keys=False) if records else ""
    rows = _rows(results)
    if fmt == "csv":
        return _csv(rows)
    if fmt == "table":
        return _table(rows)
    raise ValueError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")


def _rows(results: Sequence[DocumentFigures]) -> list[dict[str, Any]]:
    rows = []
    for result in sorted(results, key=lambda r: r.document.path):
        doc = result.document
        for f in result.figures:
            row: dict[str, Any] = {"path": doc.path, "lang": doc.lang,
                                   "published": doc.published.isoformat()
                                   if doc.published else None}
            row.update(_record(f).model_dump(mode="json", exclude={"period"}))
            row["period"] = f.period.label if f.period else None
            row["period_text"] = f.period.text if f.period else None
            row["tense"] = f.tense
            candidates = f.currency_candidates
            row["currency_candidates"] = " ".join(candidates) if candidates else None
            rows.append(row)
    return rows


COLUMNS = ["path", "lang", "published",
           *(f for f in FigureRecord.model_fields if f not in OPTIONAL_FIGURE_FIELDS),
           "period_text", "tense", *OPTIONAL_FIGURE_FIELDS]


def _csv(rows: list[dict[str, Any]]) -> str:
    import pandas as pd

    frame = pd.DataFrame(rows, columns=COLUMNS)
    buffer = io.StringIO()
    frame.to_csv(buffer, index=False, lineterminator="\n")
    return buffer.getvalue()


def _table(rows: list[dict[str, Any]]) -> str:
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    table = Table(title="figures")
    for column in ("where", "text", "kind", "value", "currency/unit", "per", "qualifier",
                   "period", "≡", "tense"):
        table.add_column(column)
    for r in rows:
        cells = (
            f"{r['path']}:{r['line']}:{r['column']}", r["text"], r["kind"], f"{r['value']:.6g}",
            " per ".join(x for x in (r["currency"], r["unit"]) if x),
            r["per"], r["qualifier"], r["period"], r["equivalent_of"], r["tense"],
        )
        table.add_row(*(Text(str(c) if c is not None else "") for c in cells))
    console = Console(file=io.StringIO(), width=160, color_system=None)
    console.print(table)
    out = console.file.getvalue()  # type: ignore[attr-defined]
    return str(out)
