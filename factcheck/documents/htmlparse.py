"""The HTML parser behind ``read_html``: visible text, anchored to the source.

Text runs are kept verbatim between their first and last non-blank character; blank
runs become one space, block elements one newline. Every run whose source position does
not follow from the text before it gets an ``Anchor``, so ``Document.position`` maps any
offset of a run to its line and column in the file.
"""

from __future__ import annotations

import html
from datetime import date
from html.parser import HTMLParser

from factcheck.documents.fields import MAX_ANCHORS, date_or_none, lang_or_none
from factcheck.documents.htmlmeta import json_ld_published
from factcheck.documents.htmlregions import Regions
from factcheck.model import Anchor, Lang

WS = " \t\n\r\f"
HIDDEN = frozenset({"script", "style", "noscript", "template"})
HEAD_ONLY = frozenset({"title", "meta", "link", "base", "script", "style", "noscript",
                       "template"})
BLOCKS = frozenset({
    "p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "td", "th", "section",
    "article", "header", "footer", "blockquote", "table", "ul", "ol", "pre", "dl", "dt", "dd",
    "hr", "main", "nav", "aside", "figure", "figcaption", "caption", "address", "details",
    "summary", "form", "fieldset", "body",
})
HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
#: Meta names/properties that give the publication date, best first.
PUBLISHED_KEYS = (
    "article:published_time", "og:published_time", "datepublished", "pubdate", "publishdate",
    "publish-date", "publish_date", "dcterms.issued", "dc.date.issued", "dc.date",
    "dcterms.created", "parsely-pub-date", "sailthru.date", "date",
)
LANG_KEYS = frozenset({"language", "content-language", "dc.language", "og:locale"})


class TextParser(HTMLParser):
    """Collects visible text, anchors, ``<title>``, and date/language metadata."""

    def __init__(self, amp_placeholder: str | None = None, mode: str = "body") -> None:
        super().__init__(convert_charrefs=False)
        self.regions = Regions(mode)
        #: Characters of text read inside the main content itself (not the headline).
        self.region_chars = 0
        self._json_ld: list[str] | None = None
        self.parts: list[str] = []
        self.anchors: list[Anchor] = []
        #: (text offset, level) where each visible heading (h1-h6) starts.
        self.headings: list[tuple[int, int]] = []
        self._heading = 0  # the level of the heading whose text is awaited
        self.title: str | None = None
        self.lang: Lang | None = None
        self.meta_lang: Lang | None = None
        self.published: date | None = None
        # JSON-LD -1, a meta key its index, a <time> len(PUBLISHED_KEYS), none yet one more
        self._published_rank = len(PUBLISHED_KEYS) + 1
        self._amp = amp_placeholder
        self._length = 0
        self._last = ""
        self._expect: tuple[int, int] | None = None
        self._hidden: dict[str, int] = dict.fromkeys(HIDDEN, 0)
        self._hidden_total = 0
        self._in_head = False
        self._title_parts: list[str] | None = None
        self._no_comment_end_from: tuple[str, int] | None = None

    # -- output ------------------------------------------------------------------------
    def _append(self, text: str) -> None:
        self.parts.append(text)
        self._length += len(text)
        self._last = text[-1]

    def _separator(self, char: str) -> None:
        """A synthetic space or newline, unless the text is empty or already ends in one."""
        if self._length and self._last not in WS:
            self._append(char)
            self._expect = None

    def _verbatim(self, text: str, line: int, column: int) -> None:
        """Text whose first character is at (line, 1-based column) of the source."""
        if self._amp is not None:
            text = text.replace(self._amp, "&")
        if (line, column) != self._expect and len(self.anchors) < MAX_ANCHORS:
            self.anchors.append(Anchor(offset=self._length, line=line, column=column))
        if self._heading:
            self.headings.append((self._length, self._heading))
            self._heading = 0
        self._append(text)
        newlines = text.count("\n")
        if newlines:
            self._expect = (line + newlines, len(text) - text.rfind("\n"))
        else:
            self._expect = (line, column + len(text))

    def _is_hidden(self) -> bool:
        return self._in_head or self._hidden_total > 0 or not self.regions.visible

    def text_at(self, data: str, line: int, col0: int) -> None:
        """A run of character data starting at (line, 0-based column)."""
        if self._title_parts is not None:
            self._title_parts.append(data)
            return
        if self._is_hidden():
            return
        core = data.strip(WS)
        if not core:
            self._separator(" ")
            return
        lead = len(data) - len(data.lstrip(WS))
        if lead:
            self._separator(" ")
            newlines = data.count("\n", 0, lead)
            if newlines:
                line, col0 = line + newlines, lead - data.rfind("\n", 0, lead) - 1
            else:
                col0 += lead
        self._verbatim(core, line, col0 + 1)
        if self.regions.in_region:
            self.region_chars += len(core)
        if lead + len(core) < len(data):
            self._append(" ")  # the first trailing blank, at its true position
            self._expect = None

    def reference_at(self, decoded: str, line: int, col0: int) -> None:
        """A decoded entity or character reference starting at (line, 0-based column)."""
        if self._title_parts is not None:
            self._title_parts.append(decoded)
        elif not self._is_hidden():
            self._verbatim(decoded, line, col0 + 1)
            self._expect = None

    # -- HTMLParser events -------------------------------------------------------------
    def handle_data(self, data: str) -> None:
        if self._json_ld is not None:
            self._json_ld.append(data)
            return
        self.text_at(data, *self.getpos())

    def handle_entityref(self, name: str) -> None:
        decoded = html.unescape(f"&{name};")
        self.reference_at(f"&{name}" if decoded == f"&{name};" else decoded, *self.getpos())

    def handle_charref(self, name: str) -> None:
        self.reference_at(html.unescape(f"&#{name};"), *self.getpos())

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "html":
            attributes = dict(attrs)
            self.lang = lang_or_none(attributes.get("lang") or attributes.get("xml:lang"))
        elif tag == "meta":
            self._meta(dict(attrs))
        elif tag == "time" or (tag == "script" and
                               (dict(attrs).get("type") or "").lower() == "application/ld+json"):
            self._dated_element(tag, dict(attrs))
        self.regions.start(tag, attrs)
        if tag == "head":
            self._in_head = True
        elif tag not in HEAD_ONLY:  # <body>, or any body element, ends the head
            self._in_head = False
            self._end_title()
        if tag == "title":
            self._title_parts = []
        elif tag in HIDDEN:
            self._hidden[tag] += 1
            self._hidden_total += 1
        if tag in BLOCKS:
            self._separator("\n")
        if tag in HEADINGS:
            self._heading = int(tag[1])

    def handle_endtag(self, tag: str) -> None:
        self.regions.end(tag)
        if tag in HEADINGS:
            self._heading = 0
        if tag == "script" and self._json_ld is not None:
            found = json_ld_published("".join(self._json_ld))
            self._json_ld = None
            if found is not None and self._published_rank >= 0:
                self.published, self._published_rank = found, -1  # the best source
        if tag == "head":
            self._in_head = False
        if tag in ("title", "head"):
            self._end_title()
        elif tag in HIDDEN and self._hidden[tag]:
            self._hidden[tag] -= 1
            self._hidden_total -= 1
        if tag in BLOCKS:
            self._separator("\n")

    # -- guards against quadratic scans and errors in the stdlib parser ----------------
    def parse_comment(self, i: int, report: bool = True) -> int:
        """As the base class, but a failed search for ``-->`` is not repeated further on."""
        known = self._no_comment_end_from
        if known is not None and known[0] is self.rawdata and i >= known[1]:
            return -1
        end = super().parse_comment(i, report)
        if end < 0:
            self._no_comment_end_from = (self.rawdata, i)
        return end

    def parse_marked_section(self, i: int, report: bool = True) -> int:
        """``<![...`` is a bogus comment up to ``>`` in HTML (the base class may raise)."""
        return self.parse_bogus_comment(i, report)

    # -- metadata ----------------------------------------------------------------------
    def _end_title(self) -> None:
        if self._title_parts is not None:
            title = " ".join("".join(self._title_parts).split())
            if self._amp is not None:
                title = title.replace(self._amp, "&")
            if self.title is None and title:
                self.title = title
            self._title_parts = None

    def _dated_element(self, tag: str, attrs: dict[str, str | None]) -> None:
        """A JSON-LD block starts, or a ``<time datetime>``: with ``itemprop
        datePublished`` it ranks as that meta key; else the first one in the article's text
        is the last resort."""
        if tag == "script":
            self._json_ld = []
            return
        value = attrs.get("datetime")
        if not value:
            return
        if (attrs.get("itemprop") or "").lower() == "datepublished":
            self._meta({"itemprop": "datepublished", "content": value})
        elif self._published_rank > len(PUBLISHED_KEYS) and self.regions.visible \
                and (found := date_or_none(value.strip())) is not None:
            self.published, self._published_rank = found, len(PUBLISHED_KEYS)

    def _meta(self, attrs: dict[str, str | None]) -> None:
        content = attrs.get("content")
        if not content:
            return
        for attr in ("name", "property", "itemprop", "http-equiv"):
            key = (attrs.get(attr) or "").strip().lower()
            if key in PUBLISHED_KEYS and PUBLISHED_KEYS.index(key) < self._published_rank:
                found = date_or_none(content)
                if found is not None:
                    self.published, self._published_rank = found, PUBLISHED_KEYS.index(key)
            elif key in LANG_KEYS and self.meta_lang is None:
                self.meta_lang = lang_or_none(content)
