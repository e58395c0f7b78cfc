"""HTML: visible text, entities, metadata and positions back into the file."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import factcheck
from factcheck.documents import read_html
from factcheck.model import Document

PAGE = """<!DOCTYPE html>
<html lang="en-GB">
<head><title>Port &amp; Trade</title>
<meta property="article:published_time" content="2024-03-05T09:15:00+00:00">
<script>var total = "999 million"; if (a < b) { go(); }</script><style>.x { width: 40px }</style>
</head>
<body>  <p>The harbour handled <b>12&nbsp;million</b> tonnes, worth &#8364;3 billion.</p>
  <p>Exports rose &#x2014; again.</p><noscript>Enable scripts</noscript>
</body></html>
"""


def source_char(raw: str, doc: Document, offset: int) -> str:
    line, column = doc.position(offset)
    return raw.split("\n")[line - 1][column - 1]


def test_script_style_and_head_are_dropped() -> None:
    doc = read_html(PAGE, "port.html")
    for hidden in ("999", "width", "go()", "Enable scripts", "Port", "DOCTYPE"):
        assert hidden not in doc.text


def test_entities_are_decoded() -> None:
    doc = read_html(PAGE, "port.html")
    assert "12\xa0million tonnes" in doc.text
    assert "worth €3 billion." in doc.text
    assert "rose — again." in doc.text


def test_metadata() -> None:
    doc = read_html(PAGE, "port.html")
    assert doc.title == "Port & Trade"
    assert doc.lang == "en"
    assert doc.published == date(2024, 3, 5)


def test_word_on_line_7_maps_to_line_7_and_its_column() -> None:
    doc = read_html(PAGE, "port.html")
    line7 = PAGE.split("\n")[6]
    for word in ("harbour", "tonnes", "billion", "million"):
        assert doc.position(doc.text.index(word)) == (7, line7.index(word) + 1), word
    assert doc.position(doc.text.index("again")) == (8, PAGE.split("\n")[7].index("again") + 1)


def test_indented_word_maps_to_its_line() -> None:
    raw = (
        "<html>\n<head>\n<title>t</title>\n</head>\n<body>\n<div>\n"
        '    <span class="lead">Le port a traité 4,5 millions de tonnes.</span>\n'
        "</div>\n</body>\n</html>\n"
    )
    doc = read_html(raw, "port.html")
    offset = doc.text.index("millions")
    assert doc.position(offset) == (7, raw.split("\n")[6].index("millions") + 1)
    assert doc.lang == "fr"


def test_every_visible_character_maps_to_itself() -> None:
    doc = read_html(PAGE, "port.html")
    for offset, char in enumerate(doc.text):
        if not char.isspace() and char not in "€—":
            assert source_char(PAGE, doc, offset) == char, (offset, char)
    # a decoded reference maps to its "&"
    assert source_char(PAGE, doc, doc.text.index("€")) == "&"


def test_blocks_are_separated() -> None:
    doc = read_html("<p>First one.</p><p>Second one.</p><ul><li>a</li><li>b</li></ul>"
                    "x<br>y", "b.html")
    assert doc.text == "First one.\nSecond one.\na\nb\nx\ny"


def test_inline_whitespace_is_kept_between_runs() -> None:
    doc = read_html("<p>US$ <b>5</b>\n   <i>miliar</i> (sekitar Rp 81 triliun)</p>", "i.html")
    assert doc.text == "US$ 5 miliar (sekitar Rp 81 triliun)"


def test_malformed_markup_keeps_text_and_positions() -> None:
    raw = "<p>R&D &unknown; Q&#A; 5 &lt; 6 <!-- note --> end</p>\ntail < 7 &amp; more"
    doc = read_html(raw, "m.html")
    assert doc.text == "R&D &unknown Q&#A; 5 < 6 end\ntail < 7 & more"
    for offset, char in enumerate(doc.text):
        if char.isalnum():
            assert source_char(raw, doc, offset) == char


def test_head_without_closing_tag_still_shows_body_text() -> None:
    doc = read_html("<html><head><title>T</title><p>Visible text.</p>", "h.html")
    assert doc.text == "Visible text." and doc.title == "T"


def test_lang_and_published_precedence() -> None:
    raw = ('<html lang="de"><head><meta name="language" content="id">'
           '<meta name="date" content="Mon, 15 Jul 2024 08:00:00 +0700"></head>'
           "<body><p>Harga naik.</p></body></html>")
    doc = read_html(raw, "p.html")
    assert doc.lang == "id"  # html lang "de" is not supported: the meta tag decides
    assert doc.published == date(2024, 7, 15)
    doc = read_html(raw, "p.html", lang="fr", published=date(2020, 1, 1))
    assert doc.lang == "fr" and doc.published == date(2020, 1, 1)
    doc = read_html("<p>No metadata at all in this page.</p>", "n.html")
    assert doc.published is None and doc.lang == "en"


def test_pathological_inputs_do_not_hang() -> None:
    assert read_html("<p>" * 1_000_000, "p.html").text == ""
    nested = "<div>" * 100_000 + "deep" + "</div>" * 100_000
    assert read_html(nested, "n.html").text == "deep"
    assert read_html("1." * 100_000, "d.html").text == "1." * 100_000
    for junk in ("<a" * 50_000, "<!--x>" * 50_000, "<![x" * 50_000 + ">", "&#;" * 50_000,
                 "</" * 50_000, "<a b='" * 20_000):
        read_html(junk, "j.html")


def _google_docs_export() -> str:
    """A draft as Google Docs exports it: one line, a style sheet, spans in paragraphs."""
    paragraphs = [
        "Laporan keuangan kelompok usaha itu terbit pada Senin.",
        "Kerugian mereka mencapai <span class=\"c1\">US$ 5 miliar</span> (sekitar Rp 81 "
        "triliun), sedangkan belanja modal US$ 7 miliar (sekitar Rp 114 triliun).",
        "Nilai asetnya US$ 80 miliar (sekitar Rp 1.303 triliun).",
        "Utang jangka pendeknya US$ 4 miliar (sekitar Rp 64 triliun) pada akhir tahun.",
    ]
    body = "".join(f'<p class="c2"><span class="c0">{p}</span></p>' for p in paragraphs)
    return ('<html><head><meta content="text/html; charset=UTF-8" http-equiv="content-type">'
            '<style type="text/css">.c1{font-weight:700}.c0{color:#000000}</style></head>'
            f'<body class="c3 doc-content">{body}</body></html>')


def test_a_one_line_google_docs_export_cites_the_paragraph(tmp_path: Path) -> None:
    raw = _google_docs_export()
    path = tmp_path / "draft.html"
    path.write_text(raw, encoding="utf-8")
    result = factcheck.audit([path])
    (finding,) = [f for f in result.findings if f.code == "FX001"]
    assert finding.line == finding.end_line == 1
    assert raw[finding.column - 1:finding.end_column - 1] == "Rp 64 triliun"
    assert finding.replacement == "Rp 65 triliun"
    assert finding.message.endswith('(paragraph 4: "Utang jangka pendeknya US$ 4 miliar '
                                    '(sekitar Rp 64 triliun) pada akhir tahun.")')


def test_a_page_with_a_line_a_paragraph_cites_none() -> None:
    raw = _google_docs_export().replace("<p ", "\n<p ")
    doc = read_html(raw, "draft.html")
    assert not doc.cite_paragraph
    assert read_html(_google_docs_export(), "draft.html").cite_paragraph
    findings = factcheck.audit_text(doc.text, "id")
    assert findings and not any("(paragraph" in f.message for f in findings)


def test_headings_are_kept_with_their_level() -> None:
    doc = read_html("<html><body><h1>Judul <b>utama</b></h1><p>Isi US$ 5 miliar.</p><h3></h3>"
                    "<p>lagi</p><h2>\n  Bagian</h2><script><h4>x</h4></script></body></html>",
                    "a.html", lang="id")
    assert [(doc.text[at:].split("\n", 1)[0], level) for at, level in doc.headings] == [
        ("Judul utama", 1), ("Bagian", 2)]
