"""Property tests: offsets map back to the true line and column of the source."""

from __future__ import annotations

import json

from hypothesis import given
from hypothesis import strategies as st

from factcheck.documents import read_html, read_jsonl, read_markdown, read_text

TEXT = st.text(alphabet=st.sampled_from("ab9 .,\n\t\r€é"), max_size=300)


def naive_position(text: str, offset: int) -> tuple[int, int]:
    line, column = 1, 1
    for char in text[:offset]:
        line, column = (line + 1, 1) if char == "\n" else (line, column + 1)
    return line, column


@given(TEXT, st.data())
def test_read_text_positions(text: str, data: st.DataObject) -> None:
    doc = read_text(text, "p.txt", lang="en")
    offset = data.draw(st.integers(min_value=0, max_value=len(text)))
    assert doc.position(offset) == naive_position(text, offset)


MD_WORD = st.text(alphabet=st.sampled_from("ab9.,€é$"), min_size=1, max_size=8)
MD_MARKUP = st.sampled_from([
    " ", "\n", "\n\n", "\r\n", "**", "*", "_", "`", "~~", "[", "](http://x.id/a b)",
    "](<u v> 'title')", "][r]", "![alt", "\n- ", "\n1. ", "\n# ", "\n> ", "&amp;", "&#8364;",
    "\\*", "\\[", "<b>", "</b>", "<!-- c -->", "\n| a | b |\n|---|---|\n| ", " | ",
    "\n```\n", "\n    ", "<http://a.b>", "  \n", "\\\n", "\n<div>x</div>\n"])


@given(st.lists(st.text(alphabet="ab: ", max_size=12), max_size=4),
       st.lists(st.one_of(MD_WORD, MD_MARKUP), max_size=40))
def test_markdown_visible_characters_map_to_themselves(front: list[str],
                                                       pieces: list[str]) -> None:
    front_matter = "".join(f"k{i}: '{v}'\n" for i, v in enumerate(front))
    body = "".join(pieces)
    raw = f"---\n{front_matter}---\n{body}"
    doc = read_markdown(raw, "p.md", lang="en")
    lines = raw.split("\n")
    assert "---" not in doc.text[:3]
    for offset, char in enumerate(doc.text):
        if char.isspace() or char in "•|":
            continue
        line, column = doc.position(offset)
        assert line > len(front) + 2, (offset, char)
        source = lines[line - 1][column - 1]
        assert source == char or (source in "&\\" and char in "&€*[\\"), (offset, char)


WORD = st.text(alphabet=st.sampled_from("abc12.,€"), min_size=1, max_size=8)
MARKUP = st.sampled_from(["<p>", "</p>", "<b>", "</b>", "<br>", " ", "\n", "\n  ",
                          "<!-- c -->", "<span class='x'>", "</span>", "&amp;", "&nbsp;",
                          "&#8364;", "<script>x=1</script>"])


@given(st.lists(st.one_of(WORD, MARKUP), max_size=40))
def test_html_characters_map_to_themselves(pieces: list[str]) -> None:
    raw = "".join(pieces)
    doc = read_html(raw, "p.html", lang="en")
    lines = raw.split("\n")
    for offset, char in enumerate(doc.text):
        if char.isspace():
            continue
        line, column = doc.position(offset)
        source = lines[line - 1][column - 1]
        assert source == char or (source == "&" and char in "&€\xa0"), (offset, char)


@given(st.text(max_size=80).filter(str.strip), st.booleans())
def test_jsonl_characters_map_to_their_literal(text: str, ascii_only: bool) -> None:
    line = json.dumps({"id": 1, "lang": "en", "text": text}, ensure_ascii=ascii_only)
    docs, errors = read_jsonl("\n" + line, "p.jsonl")
    assert not errors and docs[0].text == text
    for offset, char in enumerate(text):
        number, column = docs[0].position(offset)
        assert number == 2
        assert line[column - 1:].startswith(json.dumps(char, ensure_ascii=ascii_only)[1:-1])
