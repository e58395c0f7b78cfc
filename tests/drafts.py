"""Word and OpenDocument drafts built for the tests, with python-docx and odfpy: each
paragraph a list of runs, each run its text and its formatting ("b" bold, "i" italic)."""

from __future__ import annotations

from pathlib import Path

Run = tuple[str, str]  # (text, formatting: "", "b", "i" or "bi")

#: Four conversions of one article; the last (in a table cell when built so) disagrees
#: with the others, and its "64" is in an italic run of its own.
CONVERSIONS: list[list[Run]] = [
    [("Laporan keuangan kelompok usaha itu terbit pada Senin.", "")],
    [("Kerugian mereka mencapai ", ""), ("US$ 5 miliar", "b"),
     (" (sekitar Rp 81 triliun), sedangkan belanja modal US$ 7 miliar "
      "(sekitar Rp 114 triliun).", "")],
    [],
    [("Nilai asetnya US$ 80 miliar (sekitar Rp 1.303 triliun).", "")],
    [("Utang jangka pendeknya US$ 4 miliar (sekitar Rp ", ""), ("6", "i"), ("4", "bi"),
     (" triliun) pada akhir tahun.", "")],
]


def word_draft(path: Path, paragraphs: list[list[Run]], *, table_last: bool = False,
               title: str | None = None, language: str | None = None) -> Path:
    """A .docx of ``paragraphs``; with ``table_last`` the last one is in a table's cell."""
    import docx

    document = docx.Document()
    if title:
        document.core_properties.title = title
    if language:
        document.core_properties.language = language
    for index, runs in enumerate(paragraphs):
        if table_last and index == len(paragraphs) - 1:
            paragraph = document.add_table(rows=1, cols=1).cell(0, 0).paragraphs[0]
        else:
            paragraph = document.add_paragraph()
        for text, style in runs:
            run = paragraph.add_run(text)
            run.bold = "b" in style or None
            run.italic = "i" in style or None
    document.save(str(path))
    return path


def word_runs(path: Path) -> list[list[Run]]:
    """The runs of every body paragraph of a .docx (those of tables after the others)."""
    import docx

    document = docx.Document(str(path))
    paragraphs = list(document.paragraphs)
    for table in document.tables:
        for row in table.rows:
            for cell in row.cells:
                paragraphs.extend(cell.paragraphs)
    return [[(run.text, ("b" if run.bold else "") + ("i" if run.italic else ""))
             for run in p.runs] for p in paragraphs]


def odt_draft(path: Path, paragraphs: list[list[Run]], *, heading: str | None = None,
              title: str | None = None) -> Path:
    """An .odt of ``paragraphs`` (after a heading when given); formatted runs are spans."""
    from odf.dc import Title
    from odf.opendocument import OpenDocumentText
    from odf.style import Style, TextProperties
    from odf.text import H, P, Span

    document = OpenDocumentText()
    styles = {}
    for name, props in (("b", {"fontweight": "bold"}), ("i", {"fontstyle": "italic"}),
                        ("bi", {"fontweight": "bold", "fontstyle": "italic"})):
        style = Style(name=f"s{name}", family="text")
        style.addElement(TextProperties(**props))
        document.automaticstyles.addElement(style)
        styles[name] = style
    if title:
        document.meta.addElement(Title(text=title))
    if heading:
        document.text.addElement(H(outlinelevel=1, text=heading))
    for runs in paragraphs:
        paragraph = P()
        for text, style in runs:
            if style:
                paragraph.addElement(Span(stylename=styles[style], text=text))
            else:
                paragraph.addText(text)
        document.text.addElement(paragraph)
    document.save(str(path))
    return path


def odt_runs(path: Path) -> list[list[Run]]:
    """The runs of every paragraph and heading of an .odt: plain text, and spans with the
    formatting their style gives."""
    from odf.opendocument import load

    document = load(str(path))
    text_ns = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
    out = []
    for element in document.text.childNodes:
        if element.qname not in ((text_ns, "p"), (text_ns, "h")):
            continue
        runs: list[Run] = []
        for child in element.childNodes:
            if child.nodeType == 3:
                runs.append((str(child.data), ""))
            elif child.qname == (text_ns, "span"):
                style = str(child.getAttrNS(text_ns, "style-name"))
                runs.append(("".join(str(n.data) for n in child.childNodes), style[1:]))
        out.append(runs)
    return out
