"""Reading files and walking directories."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

import factcheck.documents.files as files
from factcheck.documents import iter_documents, read_path
from factcheck.errors import InputError
from factcheck.model import Document

MARKDOWN = "---\nlang: id\npublished: 2024-07-15\n---\nNilai proyek itu Rp 3 triliun.\n"


def write(path: Path, content: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


def only_error(path: Path) -> InputError:
    documents, errors = read_path(path)
    assert documents == [] and len(errors) == 1
    return errors[0]


def test_dispatch_on_suffix(tmp_path: Path) -> None:
    md = read_path(write(tmp_path / "a.MD", MARKDOWN))[0][0]
    assert md.text == "Nilai proyek itu Rp 3 triliun." and md.lang == "id"
    html = read_path(write(tmp_path / "b.htm", "<p>Rp 3 <b>triliun</b></p>"))[0][0]
    assert html.text == "Rp 3 triliun"
    text = read_path(write(tmp_path / "c.log", "<p>kept as text</p>"))[0][0]
    assert text.text == "<p>kept as text</p>"
    batch = write(tmp_path / "d.jsonl", json.dumps({"id": 1, "text": "Rp 3 triliun"}))
    docs, errors = read_path(batch)
    assert [d.path for d in docs] == [f"{batch}#1"] and not errors


def test_binary_file(tmp_path: Path) -> None:
    error = only_error(write(tmp_path / "x.txt", b"PK\x03\x04\x00\x00binary"))
    assert "binary file" in error.message and error.path == str(tmp_path / "x.txt")


@pytest.mark.parametrize("content", [b"", b"  \n\t\r\n", b"\xef\xbb\xbf\n"])
def test_empty_file(tmp_path: Path, content: bytes) -> None:
    assert only_error(write(tmp_path / "e.md", content)).message == "empty file"


def test_invalid_utf8_names_line_3(tmp_path: Path) -> None:
    path = write(tmp_path / "u.txt", b"first\nsecond\ncaf\xe9 latte\nfourth\n")
    error = only_error(path)
    assert error.line == 3
    assert f"{path}:3:" in str(error)
    assert "0xe9" in error.message and "byte offset 16" in error.message


def test_bom_is_stripped_and_positions_unchanged(tmp_path: Path) -> None:
    path = write(tmp_path / "b.txt", b"\xef\xbb\xbfLine one\nLine two\n")
    doc = read_path(path)[0][0]
    assert doc.text == "Line one\nLine two\n"
    assert doc.position(doc.text.index("two")) == (2, 6)


def test_unreadable_paths(tmp_path: Path) -> None:
    assert "cannot read" in only_error(tmp_path / "missing.txt").message
    assert only_error(tmp_path).message == (  # a directory is not a file
        "not a regular file (a directory); only regular files are read")


def test_markdown_error_is_returned_not_raised(tmp_path: Path) -> None:
    error = only_error(write(tmp_path / "m.md", "---\npublished: tomorrow\n---\nx\n"))
    assert (error.line, error.field) == (2, "published")


def test_directory_walk_order(tmp_path: Path) -> None:
    for name in ("b.txt", "a/z.md", "a/b/c.html", "a.txt", "c.csv", ".hidden/h.txt",
                 "a/.secret.md", "e/f.markdown", "d.JSONL"):
        write(tmp_path / name, "<p>Some text here.</p>" if name.endswith("html")
              else json.dumps({"id": "k", "text": "Some text."}) if name.endswith("JSONL")
              else "Some text here.\n")
    paths = [item.path for item in iter_documents([tmp_path]) if isinstance(item, Document)]
    expected = ["a/b/c.html", "a/z.md", "a.txt", "b.txt", "d.JSONL#k", "e/f.markdown"]
    assert paths == [str(tmp_path / p) for p in expected]
    assert paths == [item.path for item in iter_documents([str(tmp_path)])  # deterministic
                     if isinstance(item, Document)]


def test_arguments_keep_their_order_and_errors_are_yielded(tmp_path: Path) -> None:
    good = write(tmp_path / "z.txt", "A good file.\n")
    items = list(iter_documents([tmp_path / "nope.md", good, write(tmp_path / "e.txt", "")]))
    assert isinstance(items[0], InputError) and items[0].path == str(tmp_path / "nope.md")
    assert isinstance(items[1], Document) and items[1].text == "A good file.\n"
    assert isinstance(items[2], InputError) and items[2].message == "empty file"


def test_files_are_read_one_at_a_time(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("a.txt", "b.txt", "c.txt"):
        write(tmp_path / name, f"File {name}.\n")
    calls: list[Path] = []
    real = files.read_path

    def counting(path: Path, **kwargs: object) -> tuple[list[Document], list[InputError]]:
        calls.append(path)
        return real(path, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(files, "read_path", counting)
    stream = iter_documents([tmp_path])
    first = next(stream)
    assert isinstance(first, Document) and len(calls) == 1
    assert len(list(stream)) == 2 and len(calls) == 3


def test_cli_overrides_beat_file_metadata(tmp_path: Path) -> None:
    md = write(tmp_path / "a.md", MARKDOWN)
    html = write(tmp_path / "b.html", '<html lang="id"><head><meta name="date" '
                 'content="2024-07-15"></head><body><p>Nilai itu naik.</p></body></html>')
    plain = write(tmp_path / "c.txt", "Nilai proyek itu akan naik tahun ini.\n")
    found = [d for d in iter_documents([md, html, plain]) if isinstance(d, Document)]
    assert [(d.lang, d.published) for d in found] == [
        ("id", date(2024, 7, 15)), ("id", date(2024, 7, 15)), ("id", None)]
    forced = [d for d in iter_documents([md, html, plain], lang="fr",
                                        published=date(2023, 12, 31))
              if isinstance(d, Document)]
    assert {(d.lang, d.published) for d in forced} == {("fr", date(2023, 12, 31))}


def test_large_text_file_is_read_in_linear_time(tmp_path: Path) -> None:
    line = "Nilai ekspor naik menjadi US$ 5 miliar (sekitar Rp 81 triliun) pada 2024.\n"
    path = write(tmp_path / "big.txt", line * 700_000)  # about 50 MB
    docs, errors = read_path(path)
    assert not errors and len(docs[0].text) == len(line) * 700_000
    assert docs[0].position(len(docs[0].text) - 2)[0] == 700_000
