"""Regex sources of the words and phrases of the language data.

A word or phrase of the YAML is matched with any run of whitespace for its spaces and either
apostrophe for its apostrophe (``phrase``); a list of them as one alternation, the longest
first, or as a trie where that matches alike (``alternation``, ``trie_pattern``); the spaces
and letter boundaries around a word (``SP``, ``LINE_BREAK``, ``NOT_LETTER_*``); and the key
under which a table holds a form as written (``written_key``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from factcheck.extract.tries import guarded_trie, same_as_trie

NOT_LETTER_AFTER = r"(?![^\W\d_])"
NOT_LETTER_BEFORE = r"(?<![^\W\d_])"
SP = r"[ \u00a0\u202f]"
LINE_BREAK = rf"{SP}*\r?\n{SP}*"
"""One line break with the spaces around it: a scale word or a currency on the next line of
hard-wrapped text still belongs to the number (a blank line does not)."""


def phrase(word: str) -> str:
    """Regex source of a word or phrase: flexible spaces and apostrophes."""
    escaped = re.escape(word.replace("’", "'"))
    return escaped.replace(r"\ ", r"[\s\u00a0]+").replace("'", "['’]")


def trie_pattern(words: Iterable[str]) -> str:
    """Literal words as a regex trie ("a(?:n|lf)?"...): the engine rejects a position on its
    first character instead of trying every word, several times faster than ``a|an|alf``.
    A space in a phrase matches any run of whitespace."""
    trie: dict[str, Any] = {}
    for word in words:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict[str, Any]) -> str:
        branches = [(r"[\s\u00a0]+" if ch == " " else re.escape(ch)) + build(child)
                    for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if "" in node else body

    return build(trie) or r"(?!x)x"


def alternation(words: Iterable[str]) -> str:
    """Regex source of the words and phrases (``phrase``), the longest first; as a trie
    where that matches alike in any case (``tries.same_as_trie``), so that the engine steps
    through the characters of the text instead of trying each word in turn."""
    unique = sorted(set(words), key=lambda w: (-len(w), w))
    if len(unique) > 1 and same_as_trie([w.replace("’", "'") for w in unique],
                                        ignore_case=True):
        return guarded_trie({w.replace("’", "'"): "" for w in unique}, _PHRASE_TOKENS)
    return "|".join(phrase(w) for w in unique) or r"(?!x)x"


_PHRASE_TOKENS = {" ": r"[\s\u00a0]+", "'": "['’]"}  # what ``phrase`` makes of them


def written_key(written: str) -> str:
    """A word, phrase or symbol as the tables hold it: every run of whitespace one space,
    the typographic apostrophe a straight one."""
    return re.sub(r"[\s\u00a0]+", " ", written).replace("’", "'")
