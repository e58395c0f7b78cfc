"""Claims files in every format: records with their lines, errors with file, line, field."""

from __future__ import annotations

import csv
import io
import json
from datetime import date
from pathlib import Path
from typing import Any

import yaml
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from factcheck.claims.loaders import iter_claim_files, load_claims
from factcheck.claims.schema import ClaimRecord
from factcheck.claims.validate import ClaimError

YAML = """\
# OpenAI, 2024
records:
  - id: loss-cnbc
    source: {name: CNBC Indonesia, url: "https://example.id/a"}
    published: 2024-07-30
    lang: id
    subject: OpenAI
    metric: net_loss
    period: "2024"
    kind: projection
    value: US$ 5 miliar
    equivalent: sekitar Rp 81 triliun

  - id: broken
    source: X
    published: 2024-07-30
    subject: OpenAI
    metric: net_loss
    period: "2024"
    kind: forecast
    value: {amount: 5.0e9, currency: usd}
  - {id: bad-date, source: Y, published: 2024-13-01, subject: OpenAI, metric: revenue,
     period: "2024", kind: actual, value: "$3.7 billion"}
  - id: revenue-nyt
    source: NYT
    published: 2024-09-27
    subject: OpenAI
    metric: revenue
    period: 2024
    kind: projection
    value: {amount: 3.7e9, currency: USD}
  - id: twice
    id: again
    source: Z
"""


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_bytes(text.encode("utf-8"))
    return path


def where(errors: list[Any]) -> list[tuple[int | None, str | None]]:
    return [(e.line, e.field) for e in errors]


def test_yaml_records_keep_their_lines_and_each_error_names_line_and_field(
        tmp_path: Path) -> None:
    records, errors = load_claims(write(tmp_path, "a.yaml", YAML))
    assert [(r.id, r.line) for r in records] == [("loss-cnbc", 3), ("revenue-nyt", 24)]
    assert records[0].line_of("equivalent") == 12 and records[0].line_of("source.url") == 4
    assert records[1].record.period == "2024"  # a bare YAML year is read as the label
    assert where(errors) == [(20, "kind"), (21, "value.currency"), (22, "published"),
                             (33, "id")]
    assert all(isinstance(e, ClaimError) for e in errors)
    assert isinstance(errors[0], ClaimError) and errors[0].record_id == "broken"
    assert "(got 'forecast')" in errors[0].message
    assert "did you mean 'USD'?" in errors[1].message
    assert str(errors[2]).startswith(f"{tmp_path / 'a.yaml'}:22: published: not a valid date")


JSON = """\
{"records": [
  {"id": "j1", "source": "NYT", "published": "2024-09-27", "subject": "OpenAI",
   "metric": "revenue", "period": "2024", "kind": "projection", "value": "$3.7 billion"},
  {"id": "j2", "source": "NYT", "published": "2024-09-27", "subject": "OpenAI",
   "metric": "revenue", "period": "2025", "kind": "projection",
   "value": {"amount": 11.6e9, "currency": "USD", "unti": "x"}},
  7,
  {"id": "j3", "source": "NYT", "published": "2024-09-27", "subject": "OpenAI",
   "metric": "revenue", "period": "2025", "kind": "projection", "value": "$11.6 billion",
   "kind": "actual"},
     {"id": "j4", "source": {"name": "NYT"}, "published": "2024-09-27",
   "subject": "OpenAI", "metric": "revenue", "period": "2025-H1", "kind": "estimate",
   "value": "$11.6 billion", "ignore": ["XS001"]}
]}
"""


def test_json_records_start_where_their_object_starts(tmp_path: Path) -> None:
    records, errors = load_claims(write(tmp_path, "b.json", JSON))
    assert [(r.id, r.line) for r in records] == [("j1", 2), ("j4", 11)]
    assert records[1].record.ignore == ("XS001",)
    assert where(errors) == [(6, "value.unti"), (7, None), (10, "kind")]
    assert "unknown field" in errors[0].message
    assert "duplicate key" in errors[2].message


CSV = (
    "id,source,published,subject,metric,period,kind,value,lang,ignore,value.amount\r\n"
    "c1,NYT,2024-09-27,OpenAI,revenue,2024,projection,$3.7 billion,en,,\r\n"
    "\r\n"
    'c2,NYT,2024-09-27,OpenAI,revenue,2024,projection,"US$ 3,7\r\nmiliar",id,XS001;XS003,\r\n'
    ",,,,,,,,,,\r\n"
    "c3,NYT,2024-09-27,OpenAI,revenue,2024-Q5,projection,$3.7 billion,en,,\r\n"
    "c4,NYT,2024-09-27,OpenAI,revenue,2024,projection,$3.7 billion,en\r\n"
    "c5,NYT,2024-09-27,OpenAI,revenue,2024,projection,,en,,3700000000\r\n"
)


def test_csv_rows_keep_their_first_line_and_a_broken_row_stops_nothing(tmp_path: Path) -> None:
    records, errors = load_claims(write(tmp_path, "c.csv", CSV))
    assert [(r.id, r.line) for r in records] == [("c1", 2), ("c2", 4)]
    assert records[1].record.ignore == ("XS001", "XS003")
    assert records[1].record.amount.value == 3.7e9
    assert where(errors) == [(7, "period"), (8, None), (9, "value")]
    assert "the row has 9 cells, the header 11" in errors[1].message


def test_csv_header_problems_are_reported_once(tmp_path: Path) -> None:
    rows = "".join(f"r{i},NYT,2024-09-27,OpenAI,revenue,2024,actual,$3 billion,x\n"
                   for i in range(50))
    header = "id,source,published,subject,metric,period,kind,value,publised\n"
    records, errors = load_claims(write(tmp_path, "h.csv", header + rows))
    assert len(records) == 50
    assert where(errors) == [(1, "publised")]
    assert "did you mean 'published'?" in errors[0].message
    records, errors = load_claims(write(tmp_path, "m.csv", "id,source,id\n" + rows))
    assert records == []
    assert {(e.line, e.field) for e in errors} >= {(1, "id"), (1, "published"), (1, "value")}
    assert len(errors) == 7  # one repeated column, six missing ones: not one per row


def test_files_that_cannot_be_parsed_are_one_error_with_the_parser_line(tmp_path: Path) -> None:
    cases = {
        "bad.yaml": ("- id: a\n  source: [x\n- id: b\n", 3),
        "bad.json": ('[\n {"id": "a"},\n {"id": "b",}\n]\n', 3),
        "scalar.json": ('\n"records"\n', 2),
        "other.yaml": ("id: a\nsource: x\n", 1),
        "empty.yaml": ("  \n", None),
        "binary.csv": ("id\n\0\n", None),
    }
    for name, (text, line) in cases.items():
        records, errors = load_claims(write(tmp_path, name, text))
        assert records == [] and len(errors) == 1, name
        assert not isinstance(errors[0], ClaimError), name
        assert errors[0].line == line, (name, str(errors[0]))
    records, errors = load_claims(tmp_path / "missing.yaml")
    assert records == [] and "cannot read" in errors[0].message


def test_a_bom_and_an_unknown_top_level_key(tmp_path: Path) -> None:
    text = "\ufeffrecords:\n  - " + YAML.split("  - ", 2)[1] + "notes: x\n"
    records, errors = load_claims(write(tmp_path, "bom.yaml", text))
    assert [r.id for r in records] == ["loss-cnbc"]
    assert where(errors) == [(13, "notes")]


def test_iter_claim_files_walks_sorted_and_skips_hidden(tmp_path: Path) -> None:
    for name in ("b/z.csv", "b/a.json", "a.yml", ".hidden/x.yaml", "notes.md", "c.YAML"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("[]", encoding="utf-8")
    found = [p.relative_to(tmp_path).as_posix() for p in iter_claim_files([tmp_path])]
    assert found == ["a.yml", "b/a.json", "b/z.csv", "c.YAML"]
    assert list(iter_claim_files([tmp_path / "notes.md"])) == [tmp_path / "notes.md"]


# Round trip: random valid records written as YAML, JSON and CSV load back unchanged.

TEXT = st.text(st.characters(blacklist_categories=("Cs", "Cc"), blacklist_characters="\r"),
               min_size=1, max_size=12).filter(lambda s: s.strip() == s and s != "")
SLUG = st.from_regex(r"[a-z][a-z0-9_]{0,10}", fullmatch=True)
DAY = st.dates(min_value=date(2000, 1, 1), max_value=date(2030, 12, 31))
PERIOD = st.one_of(
    st.integers(2000, 2030).map(str),
    st.tuples(st.integers(2000, 2030), st.integers(1, 12)).map(lambda t: f"{t[0]}-{t[1]:02d}"),
    st.tuples(st.integers(2000, 2030), st.integers(1, 4)).map(lambda t: f"{t[0]}-Q{t[1]}"),
    st.tuples(st.integers(2000, 2030), st.integers(1, 2)).map(lambda t: f"{t[0]}-H{t[1]}"),
    st.tuples(st.integers(2000, 2020), st.integers(1, 9)).map(
        lambda t: f"{t[0]}-{t[1]:02d}/{t[0] + 1}-{t[1]:02d}"),
)
NUMBER = st.decimals(min_value=1, max_value=999, places=1, allow_nan=False)
WRITTEN = {
    "en": ["${} billion", "US$ {} million", "{} billion euros"],
    "id": ["US$ {} miliar", "Rp {} triliun", "sekitar US$ {} juta"],
    "fr": ["{} milliards de dollars", "{} millions d'euros"],
}


@st.composite
def records(draw: st.DrawFn) -> dict[str, Any]:
    lang = draw(st.sampled_from(["en", "id", "fr"]))
    number = str(draw(NUMBER))
    number = number.replace(".", ",") if lang != "en" else number
    record: dict[str, Any] = {
        "id": draw(TEXT), "published": draw(DAY), "lang": lang, "subject": draw(TEXT),
        "source": draw(st.one_of(TEXT, st.builds(lambda n, u: {"name": n, "url": u},
                                                 TEXT, TEXT))),
        "metric": draw(SLUG), "period": draw(PERIOD),
        "kind": draw(st.sampled_from(["actual", "projection", "estimate"])),
        "value": draw(st.one_of(
            st.sampled_from(WRITTEN[lang]).map(lambda t: t.format(number)),
            st.builds(lambda a, c: {"amount": a, "currency": c},
                      st.floats(0.01, 1e13, allow_nan=False), st.sampled_from(["USD", "EUR"])),
            st.builds(lambda a: {"amount": a, "unit": "gigawatt"}, st.integers(1, 90)))),
    }
    if draw(st.booleans()):
        record["equivalent"] = {"amount": draw(st.floats(1.0, 1e16)), "currency": "SGD"}
        if draw(st.booleans()):
            record["fx_rate"] = draw(st.floats(1.0, 20000.0))
            record["fx_date"] = draw(DAY)
    for name, strategy in (("valuation_date", DAY), ("quote", TEXT),
                           ("ignore", st.lists(st.sampled_from(["XS001", "FX002"]), min_size=1,
                                               max_size=2, unique=True))):
        if draw(st.booleans()):
            record[name] = draw(strategy)
    return record


def usable(record: dict[str, Any]) -> bool:
    value = record["value"]
    return not (isinstance(value, dict) and "unit" in value and "equivalent" in record)


def as_csv(raws: list[dict[str, Any]]) -> str:
    rows = []
    for raw in raws:
        row: dict[str, str] = {}
        for key, value in raw.items():
            if isinstance(value, dict):
                row.update({f"{key}.{k}": repr(v) if isinstance(v, float) else str(v)
                            for k, v in value.items()})
            elif isinstance(value, list):
                row[key] = ";".join(value)
            else:
                row[key] = repr(value) if isinstance(value, float) else str(value)
        rows.append(row)
    columns = sorted({c for row in rows for c in row})
    out = io.StringIO()
    writer = csv.DictWriter(out, columns, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue()


@settings(max_examples=40, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(st.lists(records(), min_size=1, max_size=6))
def test_random_records_round_trip_through_every_format(
        tmp_path: Path, raws: list[dict[str, Any]]) -> None:
    raws = [r for r in raws if usable(r)]
    assume(raws)
    expected = [ClaimRecord.model_validate(r).model_dump() for r in raws]
    plain = [{k: (v.isoformat() if isinstance(v, date) else v) for k, v in r.items()}
             for r in raws]
    files = {
        "r.yaml": yaml.safe_dump(raws, allow_unicode=True, sort_keys=False),
        "w.yaml": yaml.safe_dump({"records": plain}, allow_unicode=False),
        "r.json": json.dumps(plain, indent=2, ensure_ascii=False),
        "r.csv": as_csv(raws),
    }
    for name, text in files.items():
        records_, errors = load_claims(write(tmp_path, name, text))
        assert errors == [], (name, [str(e) for e in errors])
        assert [r.record.model_dump() for r in records_] == expected, name
        lines = text.split("\n")
        for loaded in records_:
            if name.endswith(".yaml"):
                assert lines[loaded.line - 1].lstrip().startswith("- ")  # its first key
            elif name.endswith(".json"):
                assert lines[loaded.line - 1].strip() == "{"
