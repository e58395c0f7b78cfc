"""The records of claims files as one table: the columnar frame the cross-source checks
read (``record_frame``'s columns), beside each record's value and equivalent read, and a
way back to the record itself for the few rows a per-record check needs.

A CSV file goes the vectorised way (``csvcolumns``, ``fastcheck``): no record object is
made for a valid row, whose frame row is built from the distinct cells; a row the column
checks do not pass is validated by pydantic like a YAML or JSON record, which names its
problems. The frame of a table is the frame ``record_frame`` gives of the same records.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from factcheck.claims.records import RecordFacts, assemble, facts_of, record_frame
from factcheck.claims.validate import ClaimError, LoadedRecord, validate
from factcheck.documents.given import GivenInput
from factcheck.documents.opening import MAX_INPUT_SIZE
from factcheck.errors import InputError

if TYPE_CHECKING:
    import pandas as pd

    from factcheck.claims.csvcolumns import Codes, CsvColumns

EPOCH = date(1970, 1, 1).toordinal()  # day 0 of numpy's datetime64[D]
#: Columns of ``ClaimsTable.facts``: the value and equivalent (``Amount``), whether each
#: was written as text, and where the record comes from (part, row in the part).
FACTS = ("value_amount", "equivalent_amount", "value_is_text", "equivalent_is_text", "part",
         "row")


class CsvPart:
    """Rows of a CSV file, kept as its columns: a row's record is validated from its cells
    when it is asked for."""

    def __init__(self, cols: CsvColumns, rows: Codes, path: str) -> None:
        from factcheck.claims.tabular import _split

        self.cols, self.rows, self.path = cols, rows, path
        self._spec = [(name, *_split(name)) for name in cols.columns]

    def validated(self, i: int) -> LoadedRecord | list[ClaimError]:
        """Row ``i`` of the part validated by pydantic, as ``tabular.read_csv`` does."""
        from factcheck.claims.tabular import _raw

        row = int(self.rows[i])
        cells = tuple(c.uniques[c.codes[row]] for c in self.cols.columns.values())
        return validate(_raw(self._spec, cells), self.path, int(self.cols.lines[row]))

    def record(self, i: int) -> LoadedRecord:
        loaded = self.validated(i)
        if not isinstance(loaded, LoadedRecord):
            raise RuntimeError(f"{self.path}: a row the column checks passed is not valid: "
                               f"{loaded[0]}")
        return loaded


Part = CsvPart | list[LoadedRecord]


@dataclass
class ClaimsTable:
    """Valid records in load order: ``frame`` (``record_frame``'s columns) and ``facts``
    (``FACTS``), row for row, and the parts that give each record back."""

    frame: pd.DataFrame
    facts: pd.DataFrame
    parts: list[Part]

    def __len__(self) -> int:
        return len(self.frame)

    def records(self, rows: Sequence[int]) -> list[LoadedRecord]:
        """The records of some rows (positions in the table)."""
        parts, at = self.facts["part"].to_numpy(), self.facts["row"].to_numpy()
        out = []
        for i in rows:
            part = self.parts[parts[i]]
            j = int(at[i])
            out.append(part[j] if isinstance(part, list) else part.record(j))
        return out

    def facts_of(self, rows: Sequence[int]) -> list[RecordFacts]:
        """What the documents of some rows are made of (read column by column)."""
        import numpy as np

        at = np.asarray(rows, dtype=np.intp)

        def column(name: str, frame: pd.DataFrame | None = None) -> list[Any]:
            return list((self.frame if frame is None else frame)[name].to_numpy()[at].tolist())

        def days(name: str) -> list[date | None]:
            values = self.frame[name].to_numpy()[at]
            ordinals = values.astype("datetime64[D]").astype(np.int64).tolist()
            return [None if missing else date.fromordinal(EPOCH + day)
                    for missing, day in zip(np.isnat(values).tolist(), ordinals, strict=True)]

        rates = [None if rate != rate else rate for rate in column("fx_rate")]  # NaN: none
        sources = [url or name for url, name in zip(column("source_url"), column("source"),
                                                       strict=True)]
        return [RecordFacts(*fields) for fields in zip(
            column("path"), column("line"), column("id"), sources, days("published"),
            column("lang"), column("subject"), column("metric"), column("period"),
            column("kind"), column("value_amount", self.facts),
            column("equivalent_amount", self.facts), column("value_is_text", self.facts),
            column("equivalent_is_text", self.facts), rates, days("fx_date"),
            days("valuation_date"), column("ignore"), strict=True)]


def _facts(values: dict[str, Any], part: int) -> pd.DataFrame:
    import numpy as np
    import pandas as pd

    size = len(values["value_amount"])
    return pd.DataFrame({**values, "part": np.full(size, part, dtype=np.int32),
                         "row": np.arange(size, dtype=np.int64)}, columns=list(FACTS))


def records_table(records: list[LoadedRecord]) -> ClaimsTable:
    """The table of records already made (YAML, JSON, rows pydantic validated)."""
    facts = [facts_of(r) for r in records]
    return ClaimsTable(record_frame(records), _facts({
        "value_amount": [f.value for f in facts],
        "equivalent_amount": [f.equivalent for f in facts],
        "value_is_text": [f.value_is_text for f in facts],
        "equivalent_is_text": [f.equivalent_is_text for f in facts]}, 0), [records])


def concat(tables: Sequence[ClaimsTable]) -> ClaimsTable:
    """Tables one after the other (files in audit order)."""
    import pandas as pd

    tables = [t for t in tables if len(t)] or list(tables[:1])
    if not tables:
        return records_table([])
    if len(tables) == 1:
        return tables[0]
    parts: list[Part] = []
    facts = []
    for table in tables:
        shifted = table.facts.copy()
        shifted["part"] += len(parts)
        parts.extend(table.parts)
        facts.append(shifted)
    return ClaimsTable(pd.concat([t.frame for t in tables], ignore_index=True),
                       pd.concat(facts, ignore_index=True), parts)


def csv_table(text: str, path: str) -> tuple[ClaimsTable, list[InputError]] | None:
    """The table and the errors of a CSV file, the vectorised way; None when the file is
    not CSV to its end (the row-by-row reader says where)."""
    import numpy as np

    from factcheck.claims.csvcolumns import read_columns
    from factcheck.claims.fastcheck import check_columns
    from factcheck.claims.fastframe import frame_columns

    cols = read_columns(text, path)
    if cols is None:
        return None
    checked = check_columns(cols)
    fast = np.flatnonzero(checked.ok)
    columns, facts = frame_columns(cols, checked, fast, path)
    fast_table = ClaimsTable(assemble(columns), _facts(facts, 0), [CsvPart(cols, fast, path)])
    errors = list(cols.errors)
    slow = CsvPart(cols, np.flatnonzero(~checked.ok), path)
    records = []
    for i in range(len(slow.rows)):
        result = slow.validated(i)
        if isinstance(result, LoadedRecord):
            records.append(result)
        else:
            errors.extend(result)
    errors.sort(key=lambda e: e.line or 0)
    if not records:
        return fast_table, errors
    both = concat([fast_table, records_table(records)])
    order = np.argsort(both.frame["line"].to_numpy(), kind="stable")
    return ClaimsTable(both.frame.iloc[order].reset_index(drop=True),
                       both.facts.iloc[order].reset_index(drop=True), both.parts), errors


def load_table(path: Path | str | GivenInput | InputError, max_size: int = MAX_INPUT_SIZE
               ) -> tuple[ClaimsTable, list[InputError]]:
    """``load_claims`` as a table: the same records and errors (never raises)."""
    from factcheck.claims.collector import paused_gc
    from factcheck.claims.loaders import claims_text, load_claims

    if not isinstance(path, InputError) and Path(str(path)).suffix.lower() == ".csv":
        text = claims_text(path, max_size)
        if not isinstance(text, str):
            return records_table([]), [text]
        try:
            with paused_gc():
                found = csv_table(text, str(path))
        except Exception:  # the row-by-row reader says what is wrong, as it always has
            found = None
        if found is not None:
            return found
    records, errors = load_claims(path, max_size)
    return records_table(records), errors
