"""Split a text into sentence spans that cover it exactly, in order.

A sentence ends at a line break that is not a soft wrap, or at ``. ! ? …`` (optionally
followed by closing quotes or brackets) followed by whitespace and an upper-case letter, a
digit or an opening quote. A full stop after a common abbreviation ("Rp.", "No.", "Dr.",
"U.S."), a month abbreviation or a single capital initial does not end a sentence. A single
line break inside a paragraph is a soft wrap (Markdown, wrapped plain text) unless the line
before ends a sentence, the next line is blank or starts a list item or heading, or the next
line starts with a capitalised word after a line with no final punctuation (a heading).
Runs in linear time.
"""

from __future__ import annotations

import re
from functools import cache
from itertools import pairwise

from factcheck.lang.loader import language, languages

__all__ = ["sentence_spans"]

_CLOSERS = "\"'”’»)]"
_OPENERS = "\"'“‘«(["
# A line break and the spaces after it, or a run of final punctuation, closers and spaces:
# the first character a class, so that the engine skips to the next candidate in C instead
# of trying the pattern at every position ("more" is the rest of the punctuation run).
_CANDIDATE = re.compile(
    rf"(?P<c>[\n.!?…])(?:(?<=\n)\s*+|(?P<more>[.!?…]*+)[{re.escape(_CLOSERS)}]*+(?P<ws>\s++))")
_DOTTED = re.compile(r"(?:\w\.)+\w")
_WINDOW = 16  # no abbreviation is longer than this (sentences.yaml: at most 15 characters)


@cache
def _abbreviations() -> frozenset[str]:
    """Tokens (lower case, without the final dot) a full stop follows without ending the
    sentence: the ``sentences.yaml`` abbreviations of every language, since the text's
    language is not known here."""
    return frozenset(word for code in languages()
                     for word in language(code).sentences.abbreviations)


def _is_abbreviation(text: str, dot: int) -> bool:
    """Whether the single full stop at ``dot`` closes an abbreviation or an initial."""
    lo = max(0, dot - _WINDOW)
    chunk = text[lo:dot]
    cut = max(chunk.rfind(" "), chunk.rfind("\n"), chunk.rfind("\t"), chunk.rfind("\xa0"))
    if cut < 0 and lo > 0:
        return False  # a token longer than any abbreviation
    token = chunk[cut + 1 :].lstrip(_OPENERS)
    if len(token) == 1:
        return token.isupper()
    return token.lower() in _abbreviations() or _DOTTED.fullmatch(token) is not None


_BLOCK_START = re.compile(r"[-*•#>]\s|\d+[.)]\s|[A-ZÀ-Ý][a-zà-ÿ]{2}")
_LINE_END = ".!?…:;" + _CLOSERS


def _soft_wrap(text: str, newline: int, next_line: int) -> bool:
    """Whether the line break at ``newline`` only wraps a paragraph."""
    if text.count("\n", newline, next_line) > 1:
        return False  # a blank line
    before = text[max(0, newline - 1) : newline]
    if not before or before in _LINE_END:
        return False
    return _BLOCK_START.match(text, next_line) is None


def _starts_sentence(ch: str) -> bool:
    return ch.isupper() or ch.isdigit() or ch in _OPENERS


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Contiguous ``(start, end)`` spans covering ``text``; whitespace joins the sentence before."""
    n = len(text)
    cuts: list[int] = [0]
    for m in _CANDIDATE.finditer(text):
        end = m.end()
        if end >= n or end <= cuts[-1]:
            continue
        first = m.group("c")
        if first == "\n":
            if not _soft_wrap(text, m.start(), end):
                cuts.append(end)
            continue
        ws = m.group("ws")
        if "\n" in ws or (
            ws
            and _starts_sentence(text[end])
            and not (first == "." and not m.group("more") and _is_abbreviation(text, m.start()))
        ):
            cuts.append(end)
    if n == 0:
        return []
    cuts.append(n)
    return list(pairwise(cuts))
