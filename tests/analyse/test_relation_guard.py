"""A guard of first characters before a pattern of words changes no match: each word, in
any case, with a curly or straight apostrophe, found where the pattern alone finds it."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from factcheck.analyse.relation_scan import guard
from factcheck.extract.word_patterns import NOT_LETTER_AFTER, NOT_LETTER_BEFORE, alternation

WORDS = ["terdiri dari", "antara lain", "l'ensemble", "’s total", "Including", "dont", "ÉTAT"]


def pattern(words: list[str], guarded: bool) -> re.Pattern[str]:
    body = rf"{NOT_LETTER_BEFORE}(?:{alternation(words)}){NOT_LETTER_AFTER}"
    return re.compile((guard(words) if guarded else "") + body, re.I)


@given(st.lists(st.sampled_from([*WORDS, "x", " ", "'", "’", "É", "é", "I", "\u00a0"]),
                max_size=30))
def test_the_guard_changes_no_match(pieces: list[str]) -> None:
    text = " ".join(pieces) + " ".join(w.upper() for w in pieces)
    plain, guarded = pattern(WORDS, False), pattern(WORDS, True)
    assert [m.span() for m in guarded.finditer(text)] == [m.span() for m in plain.finditer(text)]


def test_the_guard_rejects_on_the_first_character() -> None:
    assert guard(["terdiri dari", "antara"]) == "(?=[at])"
    curly = re.compile(guard(["’s total"]))
    assert curly.match("'") and curly.match("’") and not curly.match("s")
    assert re.compile(guard([" s"]) + r"\s").match("\u00a0")
    assert guard(["a", ""]) == ""  # an empty word matches anywhere: no guard
