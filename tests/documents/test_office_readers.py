"""Word (.docx) and OpenDocument (.odt) drafts: read as paragraphs, one line each, with
positions as paragraph and column and findings that quote their paragraph."""

from __future__ import annotations

import io
import sys
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import factcheck
from factcheck.documents.files import read_path
from tests.drafts import CONVERSIONS, odt_draft, word_draft


def _fx001(path: Path) -> list[factcheck.model.Finding]:  # type: ignore[name-defined]
    result = factcheck.audit([path])
    return [f for f in result.findings if f.code == "FX001"]


def test_a_word_draft_is_read_as_its_paragraphs(tmp_path: Path) -> None:
    path = word_draft(tmp_path / "draft.docx", CONVERSIONS, table_last=True, title="Draf",
                      language="id-ID")
    (document,), errors = read_path(path)
    assert errors == []
    lines = document.text.split("\n")
    assert lines[1] == "".join(text for text, _ in CONVERSIONS[1])
    assert lines[2] == ""  # an empty paragraph still counts
    assert lines[4].startswith("Utang jangka pendeknya US$ 4 miliar (sekitar Rp 64 triliun)")
    assert (document.title, document.lang, document.line_unit) == ("Draf", "id", "paragraph")
    offset = document.text.index("Rp 64 triliun")
    assert document.position(offset) == (5, lines[4].index("Rp 64") + 1)


def test_a_conversion_at_odds_in_a_word_draft_names_its_paragraph(tmp_path: Path) -> None:
    path = word_draft(tmp_path / "draft.docx", CONVERSIONS, table_last=True)
    (finding,) = _fx001(path)
    column = "".join(t for t, _ in CONVERSIONS[4]).index("Rp 64") + 1
    assert (finding.path, finding.line, finding.column) == (str(path), 5, column)
    assert (finding.end_line, finding.end_column) == (5, column + len("Rp 64 triliun"))
    assert finding.replacement == "Rp 65 triliun"
    assert finding.message.endswith(
        '(paragraph 5: "Utang jangka pendeknya US$ 4 miliar (sekitar Rp 64 triliun) pada '
        'akhir tahun.")')


def test_an_opendocument_draft_is_read_as_its_paragraphs_and_headings(tmp_path: Path) -> None:
    path = odt_draft(tmp_path / "draft.odt", CONVERSIONS, heading="Laporan tahunan",
                     title="Draf")
    (document,), errors = read_path(path)
    assert errors == []
    assert document.text.split("\n")[0] == "Laporan tahunan"
    assert document.title == "Draf"
    (finding,) = _fx001(path)
    assert finding.line == 6 and finding.replacement == "Rp 65 triliun"
    assert '(paragraph 6: "Utang jangka pendeknya' in finding.message


def test_opendocument_spaces_tabs_breaks_notes_and_comments(tmp_path: Path) -> None:
    from odf.office import Annotation
    from odf.opendocument import OpenDocumentText
    from odf.text import LineBreak, Note, NoteBody, NoteCitation, P, S, Tab

    document = OpenDocumentText()
    paragraph = P(text="Harga")
    paragraph.addElement(S(c=3))
    paragraph.addText("naik")
    paragraph.addElement(Tab())
    paragraph.addText("tajam")
    paragraph.addElement(LineBreak())
    paragraph.addText("lagi")
    note = Note(noteclass="footnote")
    note.addElement(NoteCitation(text="1"))
    body = NoteBody()
    body.addElement(P(text="Catatan kaki."))
    note.addElement(body)
    paragraph.addElement(note)
    comment = Annotation()
    comment.addElement(P(text="Komentar penyunting."))
    paragraph.addElement(comment)
    paragraph.addText(".")
    document.text.addElement(paragraph)
    path = tmp_path / "marks.odt"
    document.save(str(path))
    (read,), _ = read_path(path)
    assert read.text == "Harga   naik\ttajam lagi.\nCatatan kaki."


def test_word_links_insertions_deletions_and_breaks(tmp_path: Path) -> None:
    import docx
    from docx.oxml import parse_xml

    document = docx.Document()
    paragraph = document.add_paragraph("Modal ")
    w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    for xml in (f'<w:hyperlink {w}><w:r><w:t>US$ 2 miliar</w:t></w:r></w:hyperlink>',
                f'<w:del {w} w:id="1" w:author="a"><w:r><w:delText>lama</w:delText></w:r>'
                '</w:del>',
                f'<w:ins {w} w:id="2" w:author="a"><w:r><w:t xml:space="preserve"> baru'
                '</w:t></w:r></w:ins>',
                f'<w:r {w}><w:br/><w:t>lalu</w:t><w:tab/><w:t>usai</w:t></w:r>'):
        paragraph._p.append(parse_xml(xml))
    path = tmp_path / "marks.docx"
    document.save(str(path))
    (read,), _ = read_path(path)
    assert read.text == "Modal US$ 2 miliar baru lalu\tusai"


def test_a_draft_in_a_folder_is_read_and_a_lock_file_passed_over(tmp_path: Path) -> None:
    word_draft(tmp_path / "draft.docx", CONVERSIONS)
    (tmp_path / "~$draft.docx").write_bytes(b"\x05owner" + b"\0" * 150)
    result = factcheck.audit([tmp_path])
    assert {f.path for f in result.findings} == {str(tmp_path / "draft.docx")}
    assert "FX001" in {f.code for f in result.findings}


def test_without_the_office_extra_a_draft_says_what_to_install(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    word_draft(tmp_path / "draft.docx", CONVERSIONS)
    odt_draft(tmp_path / "draft.odt", CONVERSIONS)
    monkeypatch.setitem(sys.modules, "docx", None)
    monkeypatch.setitem(sys.modules, "odf.opendocument", None)
    result = factcheck.audit([tmp_path])
    messages = sorted((f.code, f.path, f.message) for f in result.findings)
    assert messages == [
        ("IN001", str(tmp_path / "draft.docx"), "reading .docx files needs python-docx, "
         "which is not installed: pip install 'factcheck[office]'"),
        ("IN001", str(tmp_path / "draft.odt"), "reading .odt files needs odfpy, which is "
         "not installed: pip install 'factcheck[office]'"),
    ]


@pytest.mark.parametrize("suffix", [".docx", ".odt"])
def test_a_draft_that_is_no_zip_or_unpacks_past_the_cap_is_refused(
        tmp_path: Path, suffix: str) -> None:
    fake = tmp_path / f"notes{suffix}"
    fake.write_text("Rp 5 triliun, not a zip", encoding="utf-8")
    _, errors = read_path(fake)
    assert len(errors) == 1 and "(not a zip archive" in errors[0].message
    bomb = tmp_path / f"bomb{suffix}"
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/document.xml", b" " * 2_000_000)
    assert bomb.stat().st_size < 100_000
    _, errors = read_path(bomb, max_size=1_000_000)
    assert len(errors) == 1 and errors[0].message.endswith(
        "unpacks to 2,000,000 bytes, over the input size cap of 1,000,000 bytes "
        "(--max-input-size)")
    empty = io.BytesIO()
    zipfile.ZipFile(empty, "w").close()
    (tmp_path / f"empty{suffix}").write_bytes(empty.getvalue())
    _, errors = read_path(tmp_path / f"empty{suffix}")
    assert len(errors) == 1 and "not a" in errors[0].message


_WORDS = st.text(st.characters(codec="utf-8", exclude_categories=("Cs", "Cc", "Cn", "Co")),
                 max_size=12)


@settings(max_examples=25, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(paragraphs=st.lists(st.lists(st.tuples(_WORDS, st.sampled_from(["", "b", "i"])),
                                    max_size=4), min_size=1, max_size=5))
def test_any_draft_reads_as_its_paragraphs_one_a_line(
        tmp_path_factory: pytest.TempPathFactory, paragraphs: list[list[tuple[str, str]]]
) -> None:
    folder = tmp_path_factory.mktemp("drafts")
    texts = ["".join(text for text, _ in runs) for runs in paragraphs]
    if not "".join(texts).strip():
        return
    for path in (word_draft(folder / "d.docx", paragraphs),
                 odt_draft(folder / "d.odt", paragraphs)):
        (document,), errors = read_path(path, lang="en")
        assert errors == []
        lines = document.text.split("\n")
        assert lines == texts
        for number, line in enumerate(lines, 1):
            start = sum(len(x) + 1 for x in lines[:number - 1])
            for column in range(1, len(line) + 1):
                assert document.position(start + column - 1) == (number, column)
