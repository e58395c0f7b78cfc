"""A CSV claims file read into columns: each column as integer codes into its distinct
cells, with the first line of every row.

The cells are those ``tabular.read_csv`` reads with the ``csv`` module (blank rows
skipped, a row with another number of cells than the header one error). A file whose
every row is one line of as many cells as the header, the common case, is parsed by
pandas' C reader, five times faster; each line is first marked with a last cell that no
cell holds, so that a short row cannot be padded unseen, and anything else (a quoted
line break, a blank or ragged row, a lone carriage return, a cell over the ``csv``
module's size limit) sends the file to the ``csv`` module, which reads it in chunks. The
cells are factorised with pandas (hashing in C), so that a column of 10^6 cells costs a
small code each and every check downstream runs once per distinct cell. A row's line is
where it starts: a chunk that spans as many lines as it has rows gives each row its own
line; otherwise the line breaks inside quoted cells are counted.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from dataclasses import dataclass, field
from itertools import compress, islice
from typing import TYPE_CHECKING, Any

from factcheck.claims.tabular import COLUMNS, MISSING, _header
from factcheck.claims.validate import ClaimError
from factcheck.errors import InputError

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt

    Codes = npt.NDArray[np.intp]

CHUNK = 100_000


@dataclass
class Column:
    """One column: ``uniques[codes[i]]`` is the cell of row ``i`` ("" when empty)."""

    codes: Codes
    uniques: list[str]

    def cells(self, rows: Codes | None = None) -> list[str]:
        """The cells themselves (of ``rows``, else of every row)."""
        codes = self.codes if rows is None else self.codes[rows]
        return [self.uniques[c] for c in codes.tolist()]


@dataclass
class CsvColumns:
    """The rows of a CSV claims file by column (known columns only, first of a repeated
    name), the line of each row, and the header and row errors."""

    columns: dict[str, Column]
    lines: Codes
    errors: list[InputError] = field(default_factory=list)

    @property
    def size(self) -> int:
        return len(self.lines)


#: Columns whose cells are mostly distinct: coded as they come, not hashed.
DISTINCT = frozenset({"id", "quote"})


class _Coder:
    """Each column's chunks coded into one code space: a chunk's cells are factorised on
    their own, its distinct cells appended, and the codes of one cell in several chunks
    merged at the end (cells of ``DISTINCT`` columns are each their own code)."""

    def __init__(self, names: list[str]) -> None:
        self.names = names
        self.uniques: list[list[str]] = [[] for _ in names]
        self.parts: list[list[Codes]] = [[] for _ in names]

    def add(self, i: int, cells: tuple[str, ...] | npt.NDArray[np.object_]) -> None:
        import numpy as np
        import pandas as pd

        array = cells if isinstance(cells, np.ndarray) else np.fromiter(
            cells, dtype=object, count=len(cells))
        offset = len(self.uniques[i])
        if self.names[i] in DISTINCT:
            codes, uniques = np.arange(len(array), dtype=np.intp), array
        else:
            codes, uniques = pd.factorize(array)
        self.parts[i].append(codes.astype(np.intp) + offset)
        self.uniques[i].extend(uniques.tolist())

    def column(self, i: int, keep: npt.NDArray[np.bool_]) -> Column:
        """Column ``i`` of the rows kept, a cell coded in several chunks given one code."""
        import numpy as np
        import pandas as pd

        codes, uniques = self.codes(i)[keep], self.uniques[i]
        if self.names[i] in DISTINCT or len(self.parts[i]) < 2:
            return Column(codes, uniques)
        canonical, merged = pd.factorize(np.fromiter(uniques, dtype=object, count=len(uniques)))
        return Column(canonical.astype(np.intp)[codes], merged.tolist())

    def codes(self, i: int) -> Codes:
        import numpy as np

        return np.concatenate(self.parts[i]) if self.parts[i] else np.zeros(0, np.intp)

    def blank(self, i: int) -> npt.NDArray[np.bool_]:
        """Per row: whether the cell of column ``i`` is blank."""
        import numpy as np

        blank = np.array([not u.strip() for u in self.uniques[i]], dtype=bool)
        return blank[self.codes(i)] if len(blank) else np.zeros(0, dtype=bool)


def _breaks(row: list[str]) -> int:
    """Line breaks inside a row's cells (``\\r\\n`` is one)."""
    return sum(c.count("\n") + c.count("\r") - c.count("\r\n") for c in row)


def _lines(chunk: list[list[str]], before: int, after: int) -> Codes:
    import numpy as np

    if after - before == len(chunk):
        return np.arange(before + 1, after + 1, dtype=np.intp)
    lines, line = [], before + 1
    for row in chunk:
        lines.append(line)
        line += 1 + _breaks(row)
    return np.array(lines, dtype=np.intp)


def _header_row(reader: Any) -> tuple[int, list[str]]:
    last = 0
    for row in reader:
        if any(cell.strip() for cell in row):
            return last + 1, row
        last = reader.line_num
    return 1, []


def _chunks(reader: Any) -> Iterator[tuple[list[list[str]], Codes]]:
    while True:
        before = reader.line_num
        chunk = list(islice(reader, CHUNK))
        if not chunk:
            return
        yield chunk, _lines(chunk, before, reader.line_num)


MARK = "\x01"


def _by_pandas(text: str, width: int) -> list[npt.NDArray[np.object_]] | None:
    """The cells of each column after the header line, when every row is one line of
    ``width`` cells (else None): parsed by pandas, each line marked with a last cell."""
    import pandas as pd

    crlf = text.count("\r\n")
    if MARK in text or "\0" in text or text.count("\r") != crlf or (
            crlf and text.count("\n") != crlf):
        return None
    end = "\r\n" if crlf else "\n"
    lines = text.count(end) + (not text.endswith(end))
    marked = (text.replace(end, f",{MARK}{end}") + ("" if text.endswith(end) else f",{MARK}")
              ).encode("utf-8")  # bytes: pandas reads them faster than text
    try:
        frame = pd.read_csv(io.BytesIO(marked), header=None, skiprows=1, dtype=object,
                            na_filter=False, keep_default_na=False, skip_blank_lines=False,
                            engine="c")
    except Exception:  # a ragged row, or anything else the C reader refuses
        return None
    del marked
    if frame.shape[1] != width + 1 or len(frame) != lines - 1 or not (
            frame[width] == MARK).all():
        return None
    return [frame[i].to_numpy(dtype=object) for i in range(width)]


def _pandas_rows(text: str, coder: _Coder, width: int) -> Codes | None:
    """The rows after the header into ``coder`` by pandas, and their lines; None when the
    file is not one row a line (nothing is added then)."""
    import numpy as np

    by_pandas = _by_pandas(text, width)
    if by_pandas is None:
        return None
    for i, cells in enumerate(by_pandas):
        coder.add(i, cells)
    if max(max(map(len, uniques), default=0) for uniques in coder.uniques) >= (
            csv.field_size_limit()):  # where the csv module stops, so must this reader
        raise csv.Error("field larger than field limit")
    return np.arange(2, len(by_pandas[0]) + 2, dtype=np.intp)


def _csv_rows(reader: Any, coder: _Coder, width: int, path: str,
              errors: list[InputError]) -> list[Codes]:
    """The rows into ``coder`` by the csv module, chunk by chunk, and their lines; a
    ragged row that is not blank is an error."""
    import numpy as np

    lines = []
    for chunk, chunk_lines in _chunks(reader):
        sizes = np.fromiter(map(len, chunk), dtype=np.intp, count=len(chunk))
        fits = sizes == width
        for at in np.flatnonzero(~fits).tolist():
            row = chunk[at]
            if any(cell.strip() for cell in row):
                errors.append(ClaimError(f"the row has {len(row)} cells, the header "
                                         f"{width}", path=path, line=int(chunk_lines[at])))
        good = list(compress(chunk, fits.tolist())) if not fits.all() else chunk
        lines.append(chunk_lines[fits])
        for i, cells in enumerate(zip(*good, strict=True)) if good else ():
            coder.add(i, cells)
    return lines


def read_columns(text: str, path: str) -> CsvColumns | None:
    """The file by column, or None when the ``csv`` module cannot read it to the end (the
    row-by-row reader then reports where, and keeps the rows before)."""
    import numpy as np

    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header_line, header = _header_row(reader)
        errors: list[InputError] = list(_header(header, path, header_line))
        if any(e.message == MISSING for e in errors):
            return CsvColumns({}, np.zeros(0, np.intp), errors)
        width = len(header)
        coder = _Coder(header)
        one_line = reader.line_num == header_line == 1  # pandas skips the first line
        quick = _pandas_rows(text, coder, width) if one_line else None
        lines = [quick] if quick is not None else _csv_rows(reader, coder, width, path, errors)
    except csv.Error:
        return None
    rows = np.concatenate(lines) if lines else np.zeros(0, dtype=np.intp)
    blank = np.ones(len(rows), dtype=bool)
    for i in range(width):
        blank &= coder.blank(i)
    keep = ~blank
    columns = {name: coder.column(i, keep)
               for i, name in enumerate(header) if name in COLUMNS and header.index(name) == i}
    return CsvColumns(columns, rows[keep], errors)
