"""Phrases as one case-insensitive regular expression in the form of a trie.

``phrase_trie(["march", "may", "ma"])`` is ``(?:ma(?:(?:rch|y))?)``: the engine rejects a
position on its first character instead of trying every phrase in turn, and at a position
where several phrases fit (each then a prefix of the next) it tries them longest first, as
the alternation sorted longest first ("march|may|ma") does, so the two match alike. Words of
a phrase are joined by any run of whitespace, and an apostrophe matches the typographic one.

The source is for a pattern compiled with ``re.IGNORECASE``: characters that differ only in
case share a branch (their matches are the same), so that "Mai" and "mais" are still tried
longest first.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

__all__ = ["guarded_trie", "phrase_trie", "same_as_trie"]

SPACE_RUN = r"\s++"


def phrase_trie(phrases: Iterable[object], lead: bool = False) -> str:
    """Regex source of the phrases (never matching if there are none); ``lead``: each is
    followed by whitespace, unless it ends in an elided article such as d'."""
    items = {str(p) for p in phrases}
    if not items:
        return "(?!)"
    trie: dict[str, Any] = {}
    for item in items:
        node = trie
        for index, word in enumerate(item.split()):
            if index:
                node = node.setdefault(SPACE_RUN, {})
            for ch in word:
                node = node.setdefault(_token(ch), {})
        if lead and not item.endswith("'"):
            node = node.setdefault(SPACE_RUN, {})
        node[""] = {}
    return "(?:" + _branches(trie) + ")"


def _token(ch: str) -> str:
    """The branch of a character: one per character up to case."""
    if ch == "'":
        return "['’]"
    for folded in (ch.casefold(), ch.lower()):
        if len(folded) == 1:
            return re.escape(folded)
    return re.escape(ch)


def _branches(node: dict[str, Any]) -> str:
    parts = [token + _branches(child) for token, child in sorted(node.items()) if token]
    if not parts:
        return ""
    body = parts[0] if len(parts) == 1 else "(?:" + "|".join(parts) + ")"
    return f"(?:{body})?" if "" in node else body


SIGN_TOKENS = {" ": r"[\s\u00a0\u202f]+"}


def guarded_trie(guards: dict[str, str], tokens: dict[str, str] = SIGN_TOKENS) -> str:
    """Regex source of the words (the keys) as a trie, each followed by its own guard (a
    zero-width assertion, or nothing); ``tokens``: the source of characters that match more
    than themselves (a space: any run of spaces). Where ``same_as_trie`` holds for the
    words, it matches as their alternation sorted longest first, each word with its guard,
    does, in any case: several hundred signs cost a step per character of the text instead
    of a try of each sign."""
    trie: dict[str, Any] = {}
    for word, guard in guards.items():
        node = trie
        for ch in word:
            node = node.setdefault(tokens.get(ch) or re.escape(ch), {})
        node[""] = guard
    return _guarded_branches(trie) if trie else "(?!)"


def _guarded_branches(node: dict[str, Any]) -> str:
    parts = [token + _guarded_branches(child) for token, child in sorted(node.items()) if token]
    if "" in node:
        parts.append(node[""])  # the word that ends here, after every longer one
    return parts[0] if len(parts) == 1 else "(?:" + "|".join(parts) + ")"


def same_as_trie(words: Iterable[str], ignore_case: bool) -> bool:
    """Whether ``word_patterns.trie_pattern(words)`` matches as their alternation sorted longest
    first: unless two words part at characters one text character may match both ways
    (in another case, "Kr" and "kr", "i" and "ı"; a space and a no-break space), where the
    trie would try one branch before the longer word of the other."""
    flags = re.IGNORECASE if ignore_case else 0

    def source(ch: str) -> str:
        return r"[\s\u00a0]+" if ch == " " else re.escape(ch)

    def overlap(a: str, b: str) -> bool:
        if a.isascii() and b.isascii() and " " not in (a, b):  # the engine's case rule
            return ignore_case and a.lower() == b.lower()
        return bool(re.fullmatch(source(a), b, flags) or re.fullmatch(source(b), a, flags))

    trie: dict[str, Any] = {}
    for word in words:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
    stack = [trie]
    while stack:
        node = stack.pop()
        chars = sorted(node)
        for i, a in enumerate(chars):
            for b in chars[i + 1:]:
                if overlap(a, b):
                    return False
        stack.extend(node.values())
    return True
