"""The text as the extractor scans it: every character written for an apostrophe between two
letters ("d´euros", "lʼéquivalent", "d`euros") read as the typographic one.

The language files match an elision with the straight or the typographic apostrophe
("d'euros", "d’euros"); real copy has others (``common/typography.yaml``). Each is replaced
by U+2019 one character for one, so every offset into the scanned text is an offset into
the document's own, whose text the figures keep.
"""

from __future__ import annotations

import re
from functools import cache

from factcheck.lang.loader import common

TYPOGRAPHIC = "\u2019"


@cache
def _variants() -> tuple[tuple[str, ...], re.Pattern[str] | None]:
    chars = common().typography.apostrophes
    if not chars:
        return (), None
    alternatives = "".join(re.escape(c) for c in chars)
    return chars, re.compile(rf"(?<=[^\W\d_])[{alternatives}](?=[^\W\d_])")


def scanned_text(text: str) -> str:
    """``text`` with the apostrophe variants between letters read as U+2019; the same
    length, and ``text`` itself when it holds none."""
    chars, pattern = _variants()
    if pattern is None or not any(c in text for c in chars):
        return text
    return pattern.sub(TYPOGRAPHIC, text)
