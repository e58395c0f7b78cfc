"""``factcheck extract`` writes each document as it comes: the same bytes as formatting the
whole (the JSON contract's model, pandas' CSV), sorted by path, without holding the
documents; an archive is read block by block with its ids checked across blocks; and a
hostile file name or text comes out escaped in every format, its values intact."""

from __future__ import annotations

import csv
import gc
import io
import json
import weakref
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from factcheck.api import extract_paths
from factcheck.cli import app
from factcheck.engine import shards
from factcheck.extract import extract_document
from factcheck.model import Document, DocumentFigures
from factcheck.report.figures import (
    COLUMNS,
    FORMATS,
    _contract,
    render,
    render_chunks,
    to_output,
)

TEXTS = [
    ("b.md", "id", "Proyek itu bernilai US$ 5 juta (Rp 81 miliar), naik 5,5 persen dari "
                   "tahun lalu; \"kurs\", katanya, Rp 16.200 per dolar AS.\nHampir 1.303 ton."),
    ("a.md", "en", "Revenue rose to more than $10,000 billion, or 1e16 in all, up from $0.1."),
    ("c.md", "fr", "Le chiffre d'affaires atteint 3,6 milliards d'euros (environ 3,9 "
                   "milliards de dollars) en 2023."),
    ("a.md", "en", "A second document of the same path: $5 million."),
    ("d.md", "en", "No figure here."),
]
#: Controls a terminal, a bidirectional override and a C1 control, in a name and a text.
HOSTILE_NAME = "bad\x1b[31mname\u202e\x85.txt"
HOSTILE_TEXT = ("Proyek \x1b]0;x\x07 OpenAI bernilai US$ 5 juta (Rp 81 miliar) pada\u202e "
                "2024, naik\x85 5 persen.\n")
RAW = "\x1b\x07\u202e\x85"


def documents() -> list[DocumentFigures]:
    out = []
    for path, lang, text in TEXTS:
        doc = Document(path=path, text=text, lang=lang, published=date(2024, 7, 30))
        out.append(DocumentFigures(document=doc, figures=extract_document(doc)))
    return out


def pandas_csv(results: list[DocumentFigures]) -> str:
    """The CSV as pandas wrote it before it was streamed: the specification of its bytes."""
    import pandas as pd

    from factcheck.report.figures import _rows

    rows = [row for r in sorted(results, key=lambda r: r.document.path) for row in _rows(r)]
    buffer = io.StringIO()
    pd.DataFrame(rows, columns=COLUMNS).to_csv(buffer, index=False, lineterminator="\n")
    return buffer.getvalue()


def test_streamed_outputs_are_the_bytes_of_the_whole() -> None:
    results = documents()
    output = to_output(results)
    whole = {"version": output.version, "documents": [_contract(d) for d in output.documents]}
    assert render(results, "json") == json.dumps(whole, ensure_ascii=False, indent=2) + "\n"
    assert render(results, "jsonl") == "".join(
        json.dumps(d, ensure_ascii=False) + "\n" for d in whole["documents"])
    assert [d["path"] for d in whole["documents"]] == ["a.md", "a.md", "b.md", "c.md", "d.md"]
    assert whole["documents"][0]["figures"][0]["text"] == "$10,000 billion"
    assert render(results, "csv") == pandas_csv(results)
    assert render([], "json") == json.dumps({"version": 1, "documents": []}, indent=2) + "\n"
    assert render([], "csv") == pandas_csv([]) and render([], "claims") == ""
    claims = yaml.safe_load(render(results, "claims"))
    assert claims[0]["value"] == "$10,000 billion" and claims[0]["source"] == "a.md"


def test_documents_are_not_held_until_the_output_is_written() -> None:
    alive: list[weakref.ref[DocumentFigures]] = []

    def made() -> Iterator[DocumentFigures]:
        for result in documents():
            alive.append(weakref.ref(result))
            yield result

    for fmt in ("json", "jsonl", "csv", "claims"):
        alive.clear()
        pieces = render_chunks(made(), fmt)
        first = next(pieces)  # every document has been formatted by now
        gc.collect()
        assert len(alive) == len(TEXTS) and sum(ref() is not None for ref in alive) <= 1, fmt
        assert first + "".join(pieces) == render(documents(), fmt)


def test_an_archive_is_read_in_blocks_with_its_ids_checked_across_them(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    archive = tmp_path / "news.jsonl"
    records = [{"id": f"n{i}", "lang": "id", "text": f"Proyek {i} bernilai US$ {i + 1} juta "
                f"(Rp {(i + 1) * 16} miliar)."} for i in range(60)]
    records[45]["id"] = "n3"  # the id of a record of the first block
    archive.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    whole = extract_paths([archive])
    monkeypatch.setattr(shards, "BLOCK", 400)  # about five records a block
    assert len(list(shards.plan([archive]))) > 10
    blocks = extract_paths([archive])
    assert blocks[0] == whole[0] and len(blocks[0]) == 59
    assert [str(e) for e in blocks[1]] == [str(e) for e in whole[1]] == [
        f"{archive}:46: id: duplicate id 'n3' (first on line 4)"]


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_hostile_name_and_text_come_out_escaped(tmp_path: Path, fmt: str) -> None:
    path = tmp_path / HOSTILE_NAME
    path.write_text(HOSTILE_TEXT, encoding="utf-8")
    done = CliRunner().invoke(app, ["extract", str(path), "--lang", "id", "--format", fmt])
    assert done.exit_code == 0, done.output
    assert not [c for c in RAW if c in done.stdout], repr(done.stdout)
    if fmt in ("json", "jsonl"):
        data = json.loads(done.stdout.splitlines()[0] if fmt == "jsonl" else done.stdout)
        document = data if fmt == "jsonl" else data["documents"][0]
        assert document["path"] == str(path)  # escapes that JSON reads back as the text
        assert document["figures"][0]["text"] == "US$ 5 juta"
    elif fmt == "csv":
        rows = list(csv.DictReader(io.StringIO(done.stdout)))
        assert rows[0]["path"] == str(path).replace("\x1b", "\\x1b").replace(
            "\u202e", "\\u202e").replace("\x85", "\\x85")
    elif fmt == "claims":
        (record, *_) = yaml.safe_load(done.stdout)
        assert record["source"] == str(path) and record["value"] == "US$ 5 juta"
