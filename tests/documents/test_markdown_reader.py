"""Plain text and Markdown with YAML front matter."""

from __future__ import annotations

from datetime import date

import pytest

from factcheck.documents import read_markdown, read_text
from factcheck.errors import InputError

ARTICLE = """---
title: Ekspor kopi naik
source: Harian Contoh
published: 2024-07-15
lang: id
tags: [kopi, ekspor]
---
# Ekspor kopi

Nilai ekspor kopi tahun ini mencapai US$ 1,2 miliar.
Angka itu naik dibanding tahun lalu.
"""


def test_front_matter_fields() -> None:
    doc = read_markdown(ARTICLE, "kopi.md")
    assert doc.title == "Ekspor kopi naik"
    assert doc.source == "Harian Contoh"
    assert doc.published == date(2024, 7, 15)
    assert doc.lang == "id"
    assert doc.path == "kopi.md"


def test_body_is_the_visible_text_after_front_matter() -> None:
    doc = read_markdown(ARTICLE, "kopi.md")
    assert doc.text == ("Ekspor kopi\n\nNilai ekspor kopi tahun ini mencapai US$ 1,2 miliar.\n"
                        "Angka itu naik dibanding tahun lalu.")
    assert doc.position(0) == (8, 3)


def test_position_of_a_body_word_is_its_file_line() -> None:
    doc = read_markdown(ARTICLE, "kopi.md")
    lines = ARTICLE.split("\n")
    offset = doc.text.index("US$")
    line, column = doc.position(offset)
    assert line == 10
    assert lines[line - 1][column - 1:].startswith("US$ 1,2 miliar")
    assert doc.position(doc.text.index("Angka")) == (11, 1)


def test_crlf_file_positions() -> None:
    raw = ARTICLE.replace("\n", "\r\n")
    doc = read_markdown(raw, "kopi.md")
    assert doc.title == "Ekspor kopi naik"
    assert doc.position(doc.text.index("Angka")) == (11, 1)


def test_no_front_matter() -> None:
    raw = "Intro line\n\nLe budget atteint 3 milliards d'euros.\n"
    doc = read_markdown(raw, "x.md")
    assert doc.text == raw.rstrip("\n")
    assert doc.title is None and doc.published is None
    assert doc.lang == "fr"
    assert doc.position(raw.index("3 milliards")) == (3, 19)


@pytest.mark.parametrize(
    ("value", "expected"),
    [("2024-07-15", date(2024, 7, 15)), ("'2024-07-15'", date(2024, 7, 15)),
     ("2024-07-15T10:30:00", date(2024, 7, 15)), ("'2024-07-15T23:30:00+07:00'",
                                                    date(2024, 7, 15))],
)
def test_published_forms(value: str, expected: date) -> None:
    doc = read_markdown(f"---\npublished: {value}\n---\nThe body.\n", "d.md")
    assert doc.published == expected


def test_empty_front_matter_and_null_values() -> None:
    doc = read_markdown("---\n---\nThe body is here.\n", "e.md")
    assert doc.text == "The body is here." and doc.position(0) == (3, 1)
    doc = read_markdown("---\ntitle:\npublished: null\n---\nThe body.\n", "n.md")
    assert doc.title is None and doc.published is None


def test_title_is_kept_as_written() -> None:
    doc = read_markdown("---\ntitle: 1984\n---\nbody\n", "t.md")
    assert doc.title == "1984"


@pytest.mark.parametrize(
    ("raw", "line", "field"),
    [
        ("---\ntitle: ok\npublished: 2024-02-30\n---\nbody\n", 3, "published"),
        ("---\ntitle: ok\n\npublished: next week\n---\nbody\n", 4, "published"),
        ("---\npublished: 2024\n---\nbody\n", 2, "published"),
        ("---\ntitle: ok\nlang: de\n---\nbody\n", 3, "lang"),
        ("---\ntitle: [unclosed\n---\nbody\n", 2, "front matter"),
        ("---\ntitle: a\n  bad: indent\n---\nbody\n", 3, "front matter"),
        ("---\njust a sentence\n---\nbody\n", 2, "front matter"),
        ("---\ntitle: {a: 1}\n---\nbody\n", 2, "title"),
        ("---\ntitle: a\ntitle: b\n---\nbody\n", 3, "title"),
        ("---\ntitle: never closed\nbody\n", 1, "front matter"),
    ],
)
def test_front_matter_errors_name_line_and_field(raw: str, line: int, field: str) -> None:
    with pytest.raises(InputError) as caught:
        read_markdown(raw, "bad.md")
    assert caught.value.path == "bad.md"
    assert caught.value.line == line
    assert caught.value.field == field
    assert str(caught.value).startswith(f"bad.md:{line}: {field}: ")


def test_arguments_override_front_matter() -> None:
    doc = read_markdown(ARTICLE, "kopi.md", lang="en", published=date(2023, 1, 2))
    assert doc.lang == "en" and doc.published == date(2023, 1, 2)


def test_read_text_is_verbatim() -> None:
    raw = "---\ntitle: not front matter in a text file\n---\nThe end.\n"
    doc = read_text(raw, "p.txt", published=date(2024, 1, 1))
    assert doc.text == raw and doc.title is None
    assert doc.published == date(2024, 1, 1)
    assert doc.position(raw.index("The end")) == (4, 1)
