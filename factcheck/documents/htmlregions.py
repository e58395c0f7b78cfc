"""Which parts of a saved web page are the article: the main content, not the page around it.

A page with a ``<main>`` (or an element with ``role="main"``) is read inside it; else a page
with an ``<article>`` is read inside its articles; else, or when those hold no text that is
not left out below (a page whose only articles are related-story cards), the whole body.
Wherever it is, the text of navigation, side content and forms (``nav``, ``aside``,
``form``...) and of an element whose class or id names related stories, sharing, comments,
menus or advertising (``common/web_pages.yaml``: "related-posts", "baca-juga",
"lire-aussi") is not read; nor,
on a page with no main content marked, the page's own ``header`` and ``footer``. The
page's ``<h1>`` headline is read even when it stands outside the main content. So the
sidebars and related-story links of a saved page give no figures.

``Regions`` follows the open elements (void elements and unclosed ones handled as browsers
do: an end tag closes everything opened after its element).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from factcheck.lang.loader import common

#: Elements that never have an end tag.
VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
                  "param", "source", "track", "wbr"})
_MAIN = re.compile(r"<main[\s>/]|\srole\s*=\s*[\"']?main\b", re.IGNORECASE)
_ARTICLE = re.compile(r"<article[\s>/]", re.IGNORECASE)
_SPLIT = re.compile(r"[\s_\-]+|(?<=[a-z])(?=[A-Z])")


@dataclass(frozen=True)
class Boilerplate:
    classes: tuple[tuple[str, ...], ...]
    excluded: frozenset[str]
    chrome: frozenset[str]


@cache
def boilerplate() -> Boilerplate:
    data = common().web_pages
    return Boilerplate(tuple(tuple(phrase.split()) for phrase in data.boilerplate_classes),
                       frozenset(data.excluded_elements), frozenset(data.page_chrome_elements))


def page_mode(raw: str) -> str:
    """"main", "article" or "body": where the page's article is."""
    if _MAIN.search(raw):
        return "main"
    return "article" if _ARTICLE.search(raw) else "body"


def is_boilerplate(value: str) -> bool:
    """Whether a class or id value names a part of the page that is not the article."""
    words = [w.lower() for w in _SPLIT.split(value) if w]
    for phrase in boilerplate().classes:
        size = len(phrase)
        if any(tuple(words[i:i + size]) == phrase for i in range(len(words) - size + 1)):
            return True
    return False


@dataclass
class _Open:
    tag: str
    inside: bool  # inside the main content (or the headline)
    excluded: bool  # inside a part that is not the article
    strict: bool  # ... a part that is not the article even for its headline (not chrome)
    region: bool  # inside the main content itself (not only the headline)


class Regions:
    """Whether text at the current point of the page is the article's."""

    def __init__(self, mode: str) -> None:
        self.mode = mode
        self._stack: list[_Open] = []

    @property
    def in_region(self) -> bool:
        """Whether text here is the main content's own (not the headline's)."""
        if not self._stack:
            return self.mode == "body"
        top = self._stack[-1]
        return top.region and not top.excluded

    @property
    def visible(self) -> bool:
        if not self._stack:
            return self.mode == "body"
        top = self._stack[-1]
        return top.inside and not top.excluded

    def start(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in VOID:
            return
        parent = self._stack[-1] if self._stack else None
        inside = parent.inside if parent else self.mode == "body"
        region = parent.region if parent else self.mode == "body"
        excluded, strict = (parent.excluded, parent.strict) if parent else (False, False)
        values = dict(attrs)
        if (self.mode == "main" and (tag == "main" or (values.get("role") or "") == "main")) \
                or (self.mode == "article" and tag == "article"):
            inside = region = True
        elif tag == "h1":
            inside = True
        rules = boilerplate()
        if tag in rules.excluded or any(is_boilerplate(values.get(key) or "")
                                        for key in ("class", "id")):
            excluded = strict = True
        elif self.mode == "body" and tag in rules.chrome:
            excluded = True
        if tag == "h1":
            excluded = strict  # the headline, unless it sits in a sidebar or a menu
        self._stack.append(_Open(tag, inside, excluded, strict, region))

    def end(self, tag: str) -> None:
        for index in range(len(self._stack) - 1, -1, -1):
            if self._stack[index].tag == tag:
                del self._stack[index:]
                return
