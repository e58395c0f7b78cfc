"""Parquet archives: one article per row, read by row group."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from factcheck.documents import read_path
from factcheck.engine.shards import Shard, plan, read_shard

TEXT = "Perusahaan itu merugi US$ 5 miliar atau sekitar Rp 77,5 triliun."


def _write(path: Path, rows: dict[str, list[object]], group: int = 2) -> Path:
    pq.write_table(pa.table(rows), path, row_group_size=group)
    return path


def test_rows_become_documents_named_by_row_and_id(tmp_path: Path) -> None:
    path = _write(tmp_path / "a.parquet", {
        "id": ["x", None, "z", "x", "w"],
        "text": [TEXT, "Harga naik 4%.", TEXT, TEXT, None],
        "published": [date(2024, 3, 28), None, date(2024, 4, 1), None, None],
        "lang": ["id", "id", "xx", "id", "id"],
    })
    docs, errors = read_path(path)
    assert [(d.path, d.anchors[0].line) for d in docs] == [
        (f"{path}#x", 1), (f"{path}#2", 2)]  # a null id is the row number
    assert docs[0].published == date(2024, 3, 28) and docs[1].published is None
    assert [(e.line, e.field) for e in errors] == [(3, "lang"), (4, "id"), (5, "text")]
    assert "duplicate id 'x' (first on line 1)" in str(errors[1])


def test_each_row_group_is_a_shard_and_reads_the_same(tmp_path: Path) -> None:
    path = _write(tmp_path / "a.parquet", {"id": list(range(7)), "text": [TEXT] * 7}, group=3)
    planned = list(plan([path]))
    assert [(s.kind, s.start, s.first_line) for s in planned  # type: ignore[union-attr]
            ] == [("parquet", 0, 1), ("parquet", 1, 4), ("parquet", 2, 7)]
    docs = [d for s in planned if isinstance(s, Shard) for d in read_shard(s)[0]]
    assert docs == read_path(path)[0]


def test_an_archive_without_text_or_not_parquet_at_all_is_an_input_error(
        tmp_path: Path) -> None:
    untitled = _write(tmp_path / "b.parquet", {"id": [1], "body": [TEXT]})
    docs, errors = read_path(untitled)
    assert not docs and errors[0].field == "text" and "no 'text' column" in str(errors[0])
    fake = tmp_path / "c.parquet"
    fake.write_text("id,text\n1,x\n", encoding="utf-8")
    docs, errors = read_path(fake)
    assert not docs and "not a Parquet file" in str(errors[0])
    planned = list(plan([fake]))
    assert len(planned) == 1 and not isinstance(planned[0], Shard)


def test_columns_as_pandas_and_other_writers_type_them(tmp_path: Path) -> None:
    path = _write(tmp_path / "d.parquet", {
        "id": pa.array([1.0, None, 3.0], type=pa.float64()),  # ids with a null, from pandas
        "text": pa.array([TEXT.encode(), b"Harga naik 4%.", b"\xff"], type=pa.binary()),
    })
    docs, errors = read_path(path)
    assert [d.path for d in docs] == [f"{path}#1", f"{path}#2"]
    assert docs[0].text == TEXT
    assert [(e.line, e.field) for e in errors] == [(3, "text")]
