"""The harness reads a corpus folder as the tool reads an article, and names bad files.

The articles here are written for this test, in the corpus's JSON schema."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from benchmarks.harness.corpus import CorpusError, load_article, read_folder
from benchmarks.harness.report import table


def write(folder: Path, name: str, **fields: Any) -> Path:
    article = {"id": name, "language": "en", "url": f"https://example.com/{name}",
               "title": "A headline", "excerpt": ["First sentence.", "Second one."]} | fields
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{name}.json"
    path.write_text(json.dumps(article), encoding="utf-8")
    return path


def test_an_article_is_its_title_line_then_one_line_per_sentence(tmp_path: Path) -> None:
    article = load_article(write(tmp_path, "a"))
    assert article.text == "A headline\nFirst sentence.\nSecond one."
    assert article.sentence_of(0) == -1
    assert article.sentence_of(article.text.index("Second")) == 1
    assert article.line_text(0) == "First sentence."
    assert article.text[article.line_start(1) :].startswith("Second")
    assert article.url == "https://example.com/a"


def test_without_a_title_the_first_line_is_sentence_zero(tmp_path: Path) -> None:
    article = load_article(write(tmp_path, "a", title=None))
    assert article.text == "First sentence.\nSecond one."
    assert article.sentence_of(0) == 0


def test_only_a_full_publication_date_dates_the_article(tmp_path: Path) -> None:
    month = load_article(write(tmp_path, "m", publication_date="2015-05"))
    day = load_article(write(tmp_path, "d", publication_date="2015-05-04",
                             date_used_for_reference_rates="2015-05-01"))
    assert month.published is None
    assert day.published == date(2015, 5, 4)
    assert day.reference_date == date(2015, 5, 1)


def test_bad_files_are_named_with_their_field_and_the_others_still_read(tmp_path: Path) -> None:
    write(tmp_path, "good", verdict="clean")
    write(tmp_path, "german", language="de")
    write(tmp_path, "no_excerpt", excerpt=None)
    (tmp_path / "broken.json").write_text("{not json", encoding="utf-8")
    articles, problems = read_folder(tmp_path)
    assert [a.id for a in articles] == ["good"]
    assert articles[0].verdict == "clean"
    assert len(problems) == 3
    assert any("broken.json" in p for p in problems)
    assert any("german.json: language: 'de'" in p for p in problems)
    assert any("no_excerpt.json: excerpt:" in p for p in problems)


def test_a_missing_folder_is_a_problem_not_an_empty_measurement(tmp_path: Path) -> None:
    articles, problems = read_folder(tmp_path / "absent")
    assert articles == []
    assert problems and "absent" in problems[0]


def test_load_article_raises_on_a_malformed_file(tmp_path: Path) -> None:
    path = write(tmp_path, "x", language=3)
    with pytest.raises(CorpusError, match=r"x\.json: language"):
        load_article(path)


def test_tables_align_numbers_right_and_words_left() -> None:
    lines = table("== title", ["name", "count", "note"], [["a", 5, "short"], ["bbb", 12, "x"]])
    assert lines[0] == "== title"
    assert lines[1:] == [
        "   name  count  note",
        "   a         5  short",
        "   bbb      12  x",
    ]
