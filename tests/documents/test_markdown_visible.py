"""Markdown read as the text a reader sees: markup dropped, figures placed in the file."""

from __future__ import annotations

from pathlib import Path

import pytest

from factcheck.api import audit
from factcheck.documents import read_markdown
from factcheck.extract import extract_document
from factcheck.model import Figure

FRONT = "---\nlang: id\npublished: 2024-07-30\n---\n"


def figures(body: str) -> tuple[list[Figure], list[str]]:
    """The figures of a Markdown file (front matter, then ``body``) and the file's lines."""
    raw = FRONT + body
    doc = read_markdown(raw, "a.md")
    return list(extract_document(doc)), raw.split("\n")


def at(lines: list[str], figure: Figure) -> str:
    """The file's characters at a figure's line and column, as long as its text."""
    return lines[figure.line - 1][figure.column - 1:figure.column - 1 + len(figure.text)]


@pytest.mark.parametrize(
    "body",
    [
        "Rugi **US$ 5 miliar** (sekitar Rp 81 triliun) tahun ini.\n",
        "Rugi US$ 5 miliar (sekitar [Rp 81 triliun](https://contoh.id/kurs \"kurs\")).\n",
        "Rugi [US$ 5 miliar][angka] (*sekitar* Rp 81 triliun).\n\n[angka]: https://contoh.id\n",
        "Rugi `US$ 5 miliar` (sekitar __Rp 81 triliun__) tahun ini.\n",
        "Rugi US$ 5 miliar <!-- dicek --> (sekitar <b>Rp 81 triliun</b>).\n",
        "> Rugi ~~US$ 6 miliar~~ US$ 5 miliar\n> (sekitar Rp 81 triliun) tahun ini.\n",
    ],
)
def test_markup_around_a_conversion_keeps_the_pair_and_its_qualifier(body: str) -> None:
    found, lines = figures(body)
    source, converted = found[-2:]
    assert (source.text, converted.text) == ("US$ 5 miliar", "Rp 81 triliun")
    assert converted.equivalent_of == source.id and converted.qualifier == "about"
    assert at(lines, source) == source.text and at(lines, converted) == converted.text


def test_headings_lists_and_tables_are_blocks_of_their_own() -> None:
    body = ("## Ekspor naik ke US$ 2 miliar\n"
            "Nilai itu setara Rp 32 triliun.\n\n"
            "- pertama US$ 1 miliar\n"
            "- kedua Rp 9 triliun\n\n"
            "| Komoditas | Nilai |\n|---|---|\n| Kopi | US$ 3 miliar |\n| Teh | Rp 8 triliun |\n")
    doc = read_markdown(FRONT + body, "a.md")
    assert doc.text == ("Ekspor naik ke US$ 2 miliar\n\nNilai itu setara Rp 32 triliun.\n\n"
                        "• pertama US$ 1 miliar\n• kedua Rp 9 triliun\n\n"
                        "Komoditas | Nilai\n\nKopi | US$ 3 miliar\n\nTeh | Rp 8 triliun")
    found, lines = figures(body)
    assert [at(lines, f) for f in found] == [f.text for f in found]
    # a heading, a list item and a table row each stand apart: nothing is paired across them
    assert all(f.equivalent_of is None for f in found)


def test_an_html_block_is_read_for_its_visible_text() -> None:
    body = ("Paragraf pertama.\n\n"
            "<div class=\"kotak\">\n  <p>Hibah <b>US$ 2 miliar</b> (Rp 32 triliun)</p>\n</div>\n")
    found, lines = figures(body)
    assert [f.text for f in found] == ["US$ 2 miliar", "Rp 32 triliun"]
    assert found[1].equivalent_of == found[0].id
    assert [(f.line, at(lines, f)) for f in found] == [(8, "US$ 2 miliar"), (8, "Rp 32 triliun")]


def test_escapes_and_entities_are_read_as_what_they_show() -> None:
    found, lines = figures("Dana \\*baru\\* US$ 4 miliar &amp; Rp 9 triliun (sekitar US$ 0,6 "
                           "miliar).\n")
    assert [f.text for f in found] == ["US$ 4 miliar", "Rp 9 triliun", "US$ 0,6 miliar"]
    assert [at(lines, f) for f in found] == [f.text for f in found]


def test_images_and_link_destinations_give_no_figures() -> None:
    found, _ = figures("Lihat ![grafik Rp 5 triliun](g.png) dan "
                       "[laporan](https://contoh.id/rp-7-triliun \"Rp 7 triliun\").\n")
    assert found == []


def test_an_ignore_comment_in_markdown_silences_its_line(tmp_path: Path) -> None:
    body = ("Rugi US$ 5 miliar (sekitar Rp 81 triliun) dan US$ 7 miliar (sekitar Rp 114 "
            "triliun).\n\n**Sewa** server US$ 4 miliar (sekitar Rp 50 triliun).{}\n")
    plain, marked = tmp_path / "plain.md", tmp_path / "marked.md"
    plain.write_text(FRONT + body.format(""), encoding="utf-8")
    marked.write_text(FRONT + body.format(" <!-- factcheck: ignore -->"), encoding="utf-8")
    on_line_7 = [f for f in audit([plain]).findings if f.line == 7]
    assert on_line_7
    result = audit([marked])
    assert result.suppressed == len(on_line_7)
    assert not [f for f in result.findings if f.line == 7]


def test_headings_are_kept_with_their_level() -> None:
    doc = read_markdown(FRONT + "# Judul *utama*\n\nIsi teks.\n\nSub judul\n---------\n"
                        "- butir\n\n### Akhir\n", "a.md")
    assert [(doc.text[at:].split("\n", 1)[0], level) for at, level in doc.headings] == [
        ("Judul utama", 1), ("Sub judul", 2), ("Akhir", 3)]
