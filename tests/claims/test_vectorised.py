"""The vectorised claims path agrees with the per-record one: the same records, errors,
frame and findings, on generated tables with broken rows and on a file of edge cases.

No timing here: ``benchmarks/claims_scale.py`` measures; these tests hold the two ways
together (``audit_claim_files(..., per_record=True)`` is the record-by-record audit)."""

from __future__ import annotations

import csv
import io
import random
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any

import pandas as pd
import pytest

import factcheck.claims.csvcolumns as csvcolumns
from benchmarks import claims_scale_data
from factcheck.checks._scopes import DocumentCheck
from factcheck.claims.loaders import load_claims
from factcheck.claims.ratecache import CachedRates
from factcheck.claims.records import facts_of, record_frame
from factcheck.claims.table import ClaimsTable, CsvPart, load_table
from factcheck.engine import dispatch
from factcheck.engine.claims import audit_claim_files, screened_documents, table_documents
from factcheck.engine.settings import AuditSettings, settings
from factcheck.errors import InputError
from factcheck.model import Finding
from factcheck.normalise.fx import RateUnavailable, default_provider


@cache
def _setup() -> AuditSettings:
    return settings()


HEADER = ("id,source,source.name,source.url,published,lang,subject,metric,period,kind,value,"
          "value.amount,value.currency,value.unit,equivalent,equivalent.amount,"
          "equivalent.currency,equivalent.unit,fx_rate,fx_date,valuation_date,quote,ignore,"
          "bogus\r\n")
EDGE_ROWS = [  # id, source, name, url, published, lang, subject, metric, period, kind, value
    # (value.amount, .currency, .unit), equivalent (.amount, .currency, .unit), fx_rate,
    # fx_date, valuation_date, quote, ignore, bogus
    "e1,CNBC,,,2024-07-30,id,OpenAI,net_loss,2024,projection,US$ 5 miliar,,,,"
    "sekitar Rp 81 triliun,,,,16200,2024-07-29,,,,",
    'e2,NYT,,,2024-09-27,id,OpenAI,revenue,2024,projection,"US$ 3,7\r\nmiliar",,,,,,,,,,,'
    '"a quote\nover two lines",XS001; XS003,x',
    "",
    ",,,,,,,,,,,,,,,,,,,,,,,",
    "e3,NYT,,,2024-09-27,en,OpenAI,revenue,2024",
    "e4,,The Information,https://example.com/a,2024-09-27,en,OpenAI,revenue,2024-H1,estimate,"
    "$1.9 billion,,,,,,,,,,2024-06-30,,,",
    "e5,,,https://example.com/b,2024-09-27,en,OpenAI,revenue,2024,estimate,$2 billion,,,,,,,,,,"
    ",,,",
    "e6,Reuters,,,2024-05-02,,Anthropic,funding_raised,2024-Q1,actual,,5.,USD,,,,,,,,,,,",
    "e7,Reuters,,,2024-05-02,en,Anthropic,funding_raised,2024-Q2,actual,,4000000000,usd,,,,"
    ",,,,,,,",
    "e8,PLN,,,2024-05-02,id,PLN,capacity,2023,actual,,5,,gigawatt,,5000,,megawatt,,,,,,",
    "e9,PLN,,,2024-05-02,id,PLN,capacity,2023,actual,,5,USD,gigawatt,,,,,,,,,,",
    "e10,Kompas,,,2024-05-02,id,PLN,capex,2023,actual,US$ 2 miliar,,,,,,,,15000,,,,,",
    "e11,Kompas,,,2024-05-02,id,PLN,capex,2022,actual,US$ 2 miliar,,,,Rp 31 triliun,,,,0,,,,,",
    "e12,Kompas,,,2024-05-02,id,PLN,debt,2022,actual,US$ 2 miliar,,,,Rp 31 triliun,,,,1e400,"
    ",,,,",
    "e13,Kompas,,,2024-05-02,id,PLN,debt,2023,actual,US$ 2 miliar,,,,Rp 31 triliun,,,,,,,,"
    "ZZ999,",
    "e14,Kompas,,,2024-05-02,id,PLN,cash,2023,actual,US$ 2 miliar,,,,,,,,,,,, ; ,",
    "e15,Kompas,,,2024-05-02,de,PLN,cash,2023,actual,US$ 2 miliar,,,,,,,,,,,,,",
    "e16,Kompas,,,2024-05-02,id,PLN,cash,2023,forecast,US$ 2 miliar,,,,,,,,,,,,,",
    "e17,Kompas,,,2024-05-02,id,PLN,Net Loss,2023,actual,US$ 2 miliar,,,,,,,,,,,,,",
    "e18,Kompas,,,2024-05-02,id,PLN,cash,2023-Q5,actual,US$ 2 miliar,,,,,,,,,,,,,",
    "e19,Kompas,,,2024-05-02,id,PLN,cash,2023-01/2023-08,actual,US$ 2 miliar,,,,,,,,,,,,,",
    "e20,Kompas,,,2024-13-01,id,PLN,cash,2023,actual,US$ 2 miliar,,,,,,,,,,,,,",
    "e21,Kompas,,, 2024-05-02,id,PLN,loan,2023,actual,US$ 2 miliar,3,EUR,,,,,,,,,,,",
    "e1,Kompas,,,2024-05-02,id,PLN,loan,2022,actual,lima miliar,,,,,,,,,,,,,",
    "e22,Kompas,,,2024-05-02,id,PLN,loan,2021,actual,,  5e9 ,USD,,,,,,,,,,,",
    "e23,Kompas,,,2024-05-02,id,PLN,loan,2020,actual,,1_000,USD,,,,,,,,,,,",
    "e24,Kompas,,,2024-05-02,id,PLN,bond,2023,actual,US$ 2 miliar,,,,US$ 2 miliar,,,,,,,,,",
    "e25,Kompas,,,2024-05-02,id,PLN,bond,2022,actual,,5,,gigawatt,Rp 31 triliun,,,,,,,,,",
    "e26,Kompas,,,2024-05-02,id,PLN,bond,2021,actual,US$ 2 miliar,,,,,,,,,2024-05-09,,,,",
    "e27,Kompas,,,2024-05-02,id,PLN,bond,2025,actual,US$ 2 miliar atau lebih,,,,,,,,,,,,,",
    "e28,Kompas,,,2024-05-02,id,PLN,grant,2023,projection,US$ 2 miliar,,,,Rp 36 triliun,,,,,"
    ",,,,",
    "e29,Kompas,,,2024-05-02,id,PLN,subsidy,2023,actual,US$ 3 miliar,,,,Rp 48 triliun,,,,,"
    ",,,,",
    "e30,Tempo,,,2024-05-03,id,PLN,grant,2025,projection,US$ 1 miliar,,,,Rp 16 triliun,,,,"
    "15000,,,,,",
    "e31,Detik,,,2024-05-02,id,PLN,bond,2024,projection,US$ 1 miliar,,,,Rp 16 triliun,,,,,"
    ",,,FX001,",
    "e32,Detik,,,2024-05-02,id,PLN,fine,2024,projection,US$ 1 miliar,,,,"
    "\"Rp 16,45 triliun\",,,,,,,,,",
    "e33,Tempo,,,2024-05-10,id,PLN,grant,2024,projection,US$ 1 miliar,,,,Rp 18 triliun,,,,,"
    ",,,,",
]
EDGE = HEADER + "\r\n".join(EDGE_ROWS) + "\r\n"
YAML = """\
- id: e2
  source: Tempo
  published: 2024-05-02
  lang: id
  subject: PLN
  metric: capex
  period: "2023"
  kind: actual
  value: US$ 2,1 miliar
  equivalent: Rp 33 triliun
"""


def _files(tmp_path: Path) -> list[Path]:
    made = [claims_scale_data.write(tmp_path / f"{form}.csv", 300, form=form, seed=11, broken=0.05)
            for form in ("text", "numeric")]
    made.append(claims_scale_data.write(tmp_path / "dense.csv", 300, seed=5, sources=4))
    (tmp_path / "edge.csv").write_bytes(EDGE.encode("utf-8"))
    return [*made, tmp_path / "edge.csv"]


def _errors(errors: list[InputError]) -> list[tuple[Any, ...]]:
    return [(type(e).__name__, e.message, e.path, e.line, e.field, getattr(e, "record_id", None))
            for e in errors]


def _same_load(table: ClaimsTable, errors: list[InputError], path: Path) -> None:
    assert isinstance(table.parts[0], CsvPart), "read by columns, not row by row"
    records, expected = load_claims(path)
    assert _errors(errors) == _errors(expected)
    got = table.records(range(len(table)))
    assert [(r.record.model_dump(), r.path, r.line, dict(r.lines)) for r in got] == [
        (r.record.model_dump(), r.path, r.line, dict(r.lines)) for r in records]
    pd.testing.assert_frame_equal(table.frame, record_frame(records), check_exact=True)
    assert table.facts_of(range(len(table))) == [facts_of(r) for r in records]


def test_the_columns_give_the_records_errors_and_frame_of_the_rows(tmp_path: Path) -> None:
    for path in _files(tmp_path):
        table, errors = load_table(path)
        _same_load(table, errors, path)
    table, errors = load_table(tmp_path / "edge.csv")
    assert len(table) == 16 and len(table.parts) == 2  # two rows pydantic reads itself
    assert [len(part.rows) for part in table.parts if isinstance(part, CsvPart)] == [14]
    assert {e.line for e in errors} >= {1, 8, 10}  # the header, a ragged row, source.url


def test_rows_read_by_the_csv_module_in_small_chunks_keep_their_lines(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    files = _files(tmp_path)
    text = files[0].read_text(encoding="utf-8")
    assert csvcolumns._by_pandas(text, len(text.splitlines()[0].split(","))) is not None
    assert csvcolumns._by_pandas(EDGE, EDGE.count(",", 0, EDGE.index("\r"))) is None
    monkeypatch.setattr(csvcolumns, "_by_pandas", lambda text, width: None)
    monkeypatch.setattr(csvcolumns, "CHUNK", 3)
    for path in files:
        table, errors = load_table(path)
        _same_load(table, errors, path)


def test_a_cell_over_the_csv_size_limit_is_reported_as_the_row_reader_does(
        tmp_path: Path) -> None:
    path = _files(tmp_path)[0]
    old = csv.field_size_limit(20)
    try:
        table, errors = load_table(path)
        records, expected = load_claims(path)
    finally:
        csv.field_size_limit(old)
    assert any("field larger than field limit" in e.message for e in errors)
    assert _errors(errors) == _errors(expected) and len(table) == len(records) > 0


def _field(rng: random.Random) -> str:
    """A cell as written: plain, quoted (with commas, doubled quotes, a carriage return),
    or with stray quotes."""
    kind = rng.random()
    pick = ["a", "é", " ", "\t", "'", "\\"] if kind < 0.4 else (
        ["a", ",", '""', " ", "\r", "é"] if kind < 0.8 else ["a", '"', " ", '""', "é"])
    text = "".join(rng.choice(pick) for _ in range(rng.randrange(6)))
    return f'"{text}"' if 0.4 <= kind < 0.8 else text


def test_the_c_reader_reads_the_cells_the_csv_module_reads() -> None:
    """Where pandas' C reader is trusted (every row one line of as many cells as the
    header, the lines marked), it gives the cells of the csv module."""
    rng = random.Random(3)
    trusted = 0
    for _ in range(2000):
        lines = [",".join(_field(rng) for _ in range(rng.choice((3, 3, 3, 2, 4))))
                 for _ in range(rng.randrange(1, 5))]
        end = rng.choice(["\n", "\r\n"])
        text = f"h1,h2,h3{end}" + end.join(lines) + rng.choice([end, ""])
        cells = csvcolumns._by_pandas(text, 3)
        if cells is None:
            continue
        trusted += 1
        rows = list(csv.reader(io.StringIO(text, newline="")))[1:]
        assert [list(row) for row in zip(*(c.tolist() for c in cells), strict=True)] == rows
    assert trusted > 200


def _findings(paths: list[Path], per_record: bool) -> tuple[list[dict[str, Any]], int, int]:
    found, count, hidden = audit_claim_files(paths, _setup(), per_record=per_record)
    return [f.model_dump() for f in sorted(found, key=Finding.sort_key)], count, hidden


def test_the_audit_finds_what_the_record_by_record_audit_finds(tmp_path: Path) -> None:
    paths = _files(tmp_path)
    (tmp_path / "more.yaml").write_text(YAML, encoding="utf-8")
    for chosen in ([p] for p in paths):
        assert _findings(chosen, False) == _findings(chosen, True)
    everything = _findings([tmp_path], False)
    assert everything == _findings([tmp_path], True)
    codes = {f["code"] for f in everything[0]}
    assert {"CL001", "CL002", "CL003", "FX001", "FX002", "FX004", "FX005", "XS001", "XS002",
            "XS003"} <= codes
    table, _ = load_table(paths[2])  # many records to a document, some of them screened out
    screened = [len(ctx.figures) for ctx in table_documents(table, _setup())]
    every = [len(ctx.figures) for ctx in table_documents(table, _setup(), screen=False)]
    assert 0 < len(screened) < len(every) and sum(screened) < sum(every)


def test_a_document_runs_the_checks_not_quiet_on_it_and_finds_what_all_would(
        tmp_path: Path) -> None:
    table, _ = load_table(_files(tmp_path)[2])
    setup = _setup()
    enabled = frozenset(check.code for check, _ in dispatch.enabled(setup.pack, DocumentCheck))
    screened = list(screened_documents(table, setup))
    assert screened and all(only is not None and only <= enabled for _, only in screened)
    assert any(only != enabled for _, only in screened)  # some checks skipped somewhere
    for ctx, only in screened:
        assert dispatch.document_findings(ctx, setup.pack, only) == dispatch.document_findings(
            ctx, setup.pack)


def test_the_rate_cache_answers_as_the_table() -> None:
    inner = default_provider()
    rates = CachedRates(inner)
    windows = [(date(2024, 1, 1), date(2024, 3, 1)), (date(2023, 12, 1), date(2024, 1, 15)),
               (date(2024, 2, 10), date(2024, 8, 1)), (date(2024, 2, 11), date(2024, 2, 11))]
    for start, end in windows:
        assert rates.series("USD", "IDR", start, end) == inner.series("USD", "IDR", start, end)
        assert rates.rate("EUR", "IDR", end) == inner.rate("EUR", "IDR", end)
    for base, start in (("XXX", date(2024, 1, 1)), ("IDR", date(1990, 1, 1))):
        with pytest.raises(RateUnavailable) as cached:
            rates.series(base, "USD", start, date(2024, 1, 1))
        with pytest.raises(RateUnavailable) as direct:
            inner.series(base, "USD", start, date(2024, 1, 1))
        assert str(cached.value) == str(direct.value)
