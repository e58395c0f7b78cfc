"""A saved web page read for its article: main content, not the page around it; the
publication date from structured data."""

from __future__ import annotations

from datetime import date

import pytest

from factcheck.documents import read_html
from factcheck.documents.htmlregions import is_boilerplate
from factcheck.extract import extract_document

PAGE = """<!doctype html>
<html lang="id"><head><title>Berita</title></head>
<body>
<header class="site"><nav><a href="/">Beranda</a> <a href="/kurs">Kurs Rp 16.400</a></nav></header>
<div class="wrap">
  <h1>Ekspor kopi naik</h1>
  {main}
  <aside><h3>Populer</h3><ul><li><a href="/a">Utang Rp 8.000 triliun</a></li></ul></aside>
  <section class="related-posts"><h3>Berita terkait</h3>
    <article><a href="/b">Impor Rp 90 triliun</a></article></section>
</div>
<footer>Hak cipta. Iklan Rp 5 juta.</footer>
</body></html>
"""
BODY = ("<p>Nilai ekspor kopi mencapai US$ 1,2 miliar (sekitar Rp 19 triliun).</p>"
        "<div class=\"baca-juga\">Baca juga: <a href=\"/c\">Harga beras Rp 15.000</a></div>"
        "<p>Angka itu naik dari tahun lalu.</p>")


@pytest.mark.parametrize("main", [f"<main>{BODY}</main>", f"<div role=\"main\">{BODY}</div>",
                                  f"<article>{BODY}</article>"])
def test_the_main_content_and_the_headline_are_read_not_the_page_around_them(
        main: str) -> None:
    doc = read_html(PAGE.format(main=main), "p.html")
    assert doc.text == ("Ekspor kopi naik\nNilai ekspor kopi mencapai US$ 1,2 miliar (sekitar "
                        "Rp 19 triliun).\nAngka itu naik dari tahun lalu.")
    assert [f.text for f in extract_document(doc)] == ["US$ 1,2 miliar", "Rp 19 triliun"]


def test_a_page_with_no_main_content_marked_drops_its_chrome_and_sidebars() -> None:
    doc = read_html(PAGE.format(main=BODY), "p.html")
    assert [f.text for f in extract_document(doc)] == ["US$ 1,2 miliar", "Rp 19 triliun"]


def test_positions_still_point_into_the_file() -> None:
    raw = PAGE.format(main=f"<main>{BODY}</main>")
    doc = read_html(raw, "p.html")
    lines = raw.split("\n")
    for figure in extract_document(doc):
        line, column = doc.position(figure.start)
        assert lines[line - 1][column - 1:].startswith(figure.text)


@pytest.mark.parametrize(
    ("value", "expected"),
    [("related-posts", True), ("relatedArticles", True), ("box baca-juga", True),
     ("a-lire-aussi", True), ("social share", True), ("article-body", False),
     ("shareholders", False), ("content", False)],
)
def test_boilerplate_classes_are_read_as_words(value: str, expected: bool) -> None:
    assert is_boilerplate(value) is expected


JSON_LD = """<html><head>
<meta property="og:updated_time" content="2024-09-01">
<script type="application/ld+json">{"@context": "https://schema.org", "@graph": [
  {"@type": "WebPage", "datePublished": "2020-01-01"},
  {"@type": "NewsArticle", "headline": "x", "datePublished": "2024-07-30T08:15:00+07:00"}]}
</script>{meta}</head><body><article><p>Teks US$ 1 miliar.</p></article></body></html>"""


def test_json_ld_gives_the_publication_date_of_the_article_object() -> None:
    doc = read_html(JSON_LD.replace("{meta}", ""), "p.html")
    assert doc.published == date(2024, 7, 30)
    assert "datePublished" not in doc.text and "@graph" not in doc.text


def test_json_ld_wins_over_meta_tags_and_bad_json_is_passed_over() -> None:
    with_meta = JSON_LD.replace("{meta}", '<meta property="article:published_time" '
                                          'content="2024-07-29">')
    assert read_html(with_meta, "p.html").published == date(2024, 7, 30)
    broken = with_meta.replace('"@graph": [', '"@graph": [[')
    assert read_html(broken, "p.html").published == date(2024, 7, 29)


@pytest.mark.parametrize(
    ("markup", "expected"),
    [('<time itemprop="datePublished" datetime="2023-05-02">2 Mei</time>', date(2023, 5, 2)),
     ('<span itemprop="datePublished" content="2023-05-03"></span>'
      '<meta itemprop="datePublished" content="2023-05-04">', date(2023, 5, 4)),
     ('<time datetime="2023-05-05T10:00">5 Mei</time>', date(2023, 5, 5)),
     ('<aside><time datetime="2023-05-06">6 Mei</time></aside>', None)],
)
def test_time_and_itemprop_give_the_date_when_nothing_better_does(
        markup: str, expected: date | None) -> None:
    raw = f"<html><body><article>{markup}<p>Teks US$ 1 miliar.</p></article></body></html>"
    assert read_html(raw, "p.html").published == expected
