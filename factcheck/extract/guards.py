"""Cheap tests that tell, before a pattern is searched for, that it cannot match.

The scanner looks behind every number for a currency sign, a qualifier or a range opener
with a pattern anchored at the number (``...$`` searched in a short window). Such a search
tries the whole alternation at every position of the window, and nearly always fails: the
guards here give the same answer for the common case in a few string operations, and say
"maybe" whenever they cannot be sure, so the pattern decides as before.

- ``tails``: the last words of a list of phrases (what follows their last space), as a
  pattern built by ``word_patterns.phrase`` matches them; ``None`` when a phrase ends in a space
  or holds a character outside ASCII that a case-insensitive pattern may match with an
  ASCII one ("ſ" and "s"), which these guards do not model.
- ``may_end_before``: whether such a phrase may end just before ``pos``, with only spaces
  and line breaks between: the window must end with one of the tails (in any case, for a
  case-insensitive pattern, when the window is plain ASCII).
- ``may_hold``: whether a window may hold one of some ASCII words, case-insensitively.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache

from factcheck.extract.lexicon import lexicon
from factcheck.lang.currency_words import currency_words
from factcheck.lang.loader import language
from factcheck.model import LANGS, Lang

ASCII = tuple(chr(code) for code in range(128))
SPACES = frozenset(" \u00a0\u202f\r\n")
"""What may stand between a phrase and the number it is anchored to: the scanner's spaces
(``word_patterns.SP``) and line breaks (``word_patterns.LINE_BREAK``)."""


def _folds_to_ascii(char: str) -> bool:
    pattern = re.compile(re.escape(char), re.IGNORECASE)
    return any(pattern.fullmatch(a) for a in ASCII)


Tails = dict[str, tuple[str, ...]]
"""Last words of phrases by their last character."""


def tails(phrases: Iterable[str], ignore_case: bool) -> Tails | None:
    """The last words of the phrases as the text may write them (lower case when
    ``ignore_case``), by their last character, for ``may_end_before``."""
    found: dict[str, set[str]] = {}
    for written in phrases:
        if not written or written[-1].isspace():
            return None
        tail = written.replace("’", "'").split()[-1]
        if ignore_case and any(not c.isascii() and _folds_to_ascii(c) for c in tail):
            return None
        tail = tail.lower() if ignore_case else tail
        for variant in (tail, tail.replace("'", "’")):
            found.setdefault(variant[-1], set()).add(variant)
    return {last: tuple(sorted(words)) for last, words in found.items()}


def may_end_before(text: str, lo: int, pos: int, ends: Tails | None, ignore_case: bool) -> bool:
    """Whether a phrase ending with one of ``ends`` may end in ``text[lo:pos]`` with only
    spaces and line breaks after it (``ends`` None: always maybe)."""
    if ends is None:
        return True
    k = pos
    while k > lo and text[k - 1] in SPACES:
        k -= 1
    if k <= lo:
        return False
    if not ignore_case:
        return text.endswith(ends.get(text[k - 1], ()), lo, k)
    window = text[lo:k]
    if not window.isascii():
        return True
    window = window.lower()
    return window.endswith(ends.get(window[-1], ()))


def first_words(phrases: Iterable[str]) -> tuple[str, ...] | None:
    """The lower-case first words of the phrases, for ``may_hold``; ``None`` when one is
    not plain ASCII letters (a guard would not be sure)."""
    words = []
    for written in phrases:
        first = written.split()[0].lower() if written.split() else ""
        if not first.isascii() or not first.isalpha():
            return None
        words.append(first)
    return tuple(sorted(set(words)))


def may_hold(text: str, lo: int, hi: int, words: tuple[str, ...] | None) -> bool:
    """Whether ``text[lo:hi]`` may hold one of ``words`` in any case (``words`` None:
    always maybe)."""
    if words is None:
        return True
    window = text[lo:hi]
    if not window.isascii():
        return True
    window = window.lower()
    return any(word in window for word in words)


@cache
def sign_ends(lang: Lang) -> Tails | None:
    """How a currency sign (``Lexicon.prefix_re``, case-sensitive) can end."""
    return tails(currency_words(lang).signs, ignore_case=False)


@cache
def qualifier_ends(lang: Lang) -> Tails | None:
    """How a qualifier, or the article after it (``Lexicon.qualifier_re``), can end."""
    articles = [word for code in LANGS for word in language(code).amounts.qualifier_articles]
    return tails([*lexicon(lang).qualifiers, *articles], ignore_case=True)


@cache
def opener_words(lang: Lang) -> tuple[str, ...] | None:
    """The first words of the range openers (``Lexicon.opener_re``)."""
    return first_words(language(lang).amounts.range_openers)
