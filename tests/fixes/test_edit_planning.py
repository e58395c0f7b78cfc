"""The pieces of a draft's paragraph rewritten by an edit, and edits that clash."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from factcheck.documents.office import Piece
from factcheck.fixes.drafts import fix_paragraphs
from factcheck.fixes.plan import Edit, _without_conflicts
from factcheck.fixes.text_files import fix_text
from factcheck.model import Finding

FINDING = Finding(code="FX001", name="conversion-rate-mismatch", severity="warning",
                  message="m", path="a.txt", line=1, column=1)


def _pieces(parts: list[tuple[str, bool]]) -> tuple[list[Piece], list[str]]:
    written: list[str] = [text for text, _ in parts]
    pieces = []
    for index, (text, editable) in enumerate(parts):
        def write(new: str, index: int = index) -> None:
            written[index] = new
        pieces.append(Piece(text, write if editable else None))
    return pieces, written


@given(parts=st.lists(st.tuples(st.text("ab 1.,", max_size=6), st.booleans()), min_size=1,
                      max_size=6),
       data=st.data())
def test_an_edit_changes_only_its_characters_and_never_a_mark(
        parts: list[tuple[str, bool]], data: st.DataObject) -> None:
    pieces, written = _pieces(parts)
    text = "".join(text for text, _ in parts)
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    new = data.draw(st.text("ab 1.,5", max_size=6))
    edit = Edit(1, start + 1, 1, end + 1, text[start:end], new, (FINDING,))
    applied = fix_paragraphs([pieces], [edit])
    if applied:
        assert "".join(written) == text[:start] + new + text[end:]
        assert "".join(piece.text for piece in pieces) == "".join(written)
    else:
        assert written == [text for text, _ in parts]
    for (old, editable), now in zip(parts, written, strict=True):
        assert editable or now == old


def test_an_edit_whose_span_moved_is_not_applied() -> None:
    pieces, written = _pieces([("Rp 64 triliun", True)])
    edit = Edit(1, 1, 1, 14, "Rp 46 triliun", "Rp 65 triliun", (FINDING,))
    assert fix_paragraphs([pieces], [edit]) == ()
    assert written == ["Rp 64 triliun"]
    assert fix_text(b"Rp 64 triliun\n", [edit]).after == "Rp 64 triliun\n"


def test_clashing_edits_are_left_to_a_person_and_equal_ones_merged() -> None:
    one = Edit(2, 5, 2, 18, "Rp 64 triliun", "Rp 65 triliun", (FINDING,))
    same = Edit(2, 5, 2, 18, "Rp 64 triliun", "Rp 65 triliun", (FINDING,))
    other = Edit(2, 8, 2, 18, "64 triliun", "66 triliun", (FINDING,))
    apart = Edit(3, 1, 3, 4, "4 %", "5 %", (FINDING,))
    merged = _without_conflicts([one, same, apart])
    assert [(e.line, len(e.findings)) for e in merged] == [(2, 2), (3, 1)]
    assert _without_conflicts([one, other, apart]) == [apart]
