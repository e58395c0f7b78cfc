"""JSON Lines batches."""

from __future__ import annotations

import json
from datetime import date

from factcheck.documents import read_jsonl

GOOD_1 = json.dumps({"id": "a1", "text": "Penjualan mobil naik 4% tahun ini.",
                     "published": "2024-05-02", "title": "Mobil", "source": "Contoh"})
GOOD_2 = json.dumps({"id": 7, "text": "Le chiffre d'affaires atteint 2 milliards.",
                     "lang": "fr"}, ensure_ascii=False)


def test_good_lines_and_a_bad_line() -> None:
    raw = "\n".join([GOOD_1, "", '{"id": "b", "text": "x", "published": "soon"}', GOOD_2])
    docs, errors = read_jsonl(raw, "batch.jsonl")
    assert [d.path for d in docs] == ["batch.jsonl#a1", "batch.jsonl#7"]
    assert docs[0].published == date(2024, 5, 2) and docs[0].lang == "id"
    assert docs[0].title == "Mobil" and docs[0].source == "Contoh"
    assert docs[1].lang == "fr" and docs[1].published is None
    assert len(errors) == 1
    assert (errors[0].path, errors[0].line, errors[0].field) == ("batch.jsonl", 3, "published")
    assert str(errors[0]).startswith("batch.jsonl:3: published: ")


def test_each_kind_of_bad_line() -> None:
    lines = [
        "{not json",
        "[1, 2]",
        '{"id": "x"}',
        '{"id": "y", "text": 12}',
        '{"id": "z", "text": "ok", "lang": "de"}',
        '{"id": true, "text": "ok"}',
        '{"id": "w", "text": "ok", "title": 5}',
        '{"id": "a1", "text": "first"}',
        '{"id": "a1", "text": "second"}',
    ]
    docs, errors = read_jsonl("\n".join(lines), "b.jsonl")
    assert [d.text for d in docs] == ["first"]
    assert [(e.line, e.field) for e in errors] == [
        (1, None), (2, None), (3, "text"), (4, "text"), (5, "lang"), (6, "id"), (7, "title"),
        (9, "id"),
    ]
    assert "invalid JSON" in errors[0].message


def test_id_defaults_to_the_line_number() -> None:
    docs, errors = read_jsonl('\n\n{"text": "The third line."}\n', "b.jsonl")
    assert not errors and docs[0].path == "b.jsonl#3"


def test_positions_stay_on_the_record_line() -> None:
    text = "Harga naik\nmenjadi Rp 5 triliun — \"resmi\" é end"
    line = json.dumps({"id": 1, "text": text})  # ASCII escapes: \n, \u2014, \", \u00e9
    raw = GOOD_1 + "\n" + line + "\r\n"
    docs, errors = read_jsonl(raw, "b.jsonl")
    assert not errors
    doc = docs[1]
    assert doc.text == text
    for offset, char in enumerate(text):
        number, column = doc.position(offset)
        assert number == 2
        escaped = json.dumps(char)[1:-1]
        assert line[column - 1:].startswith(escaped), (offset, char)


def test_arguments_override_each_record() -> None:
    raw = "\n".join([GOOD_1, GOOD_2])
    docs, _ = read_jsonl(raw, "b.jsonl", lang="en", published=date(2022, 2, 2))
    assert {d.lang for d in docs} == {"en"}
    assert {d.published for d in docs} == {date(2022, 2, 2)}
