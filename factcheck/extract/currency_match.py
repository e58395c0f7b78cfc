"""Currency signs and names in a text, read through the tables of ``lang/currency_words.py``.

Signs are matched case-sensitively, the longest first (with a scale prefix, "MUSD", "MDT":
millions).
Names are matched case-insensitively by their first word: the names that begin with it are
tried longest first, so the thousand names of a language cost a dictionary look-up per word
instead of a thousand-way expression. A name whose first letter is written twice by a typing
slip ("Ddollars", "Rrupiah") is read as the name.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from factcheck.extract.tries import guarded_trie, same_as_trie
from factcheck.lang.currency_words import CurrencyWords, Reading, currency_words, normalise
from factcheck.lang.loader import common
from factcheck.model import Lang
from factcheck.patterns import compiled

NOT_LETTER_AFTER = r"(?![^\W\d_])"
WORD = re.compile(r"[^\W\d_]+")


@dataclass(frozen=True)
class SignReading:
    """A sign as read: what it stands for, and the scale its prefix gives ("MUSD")."""

    reading: Reading
    factor: float = 1.0


def _phrase(sign: str, guarded: bool) -> str:
    """A sign's regex: any space for a space, and (``guarded``) not followed by a letter or
    an apostrophe when it ends in a letter ("DA" is no sign in "DAN", "$ c" none in "$
    c'est")."""
    return re.escape(sign).replace(r"\ ", r"[\s\u00a0\u202f]+") + _guard(sign, guarded)


def _guard(sign: str, guarded: bool) -> str:
    return r"(?![^\W\d_]|['’])" if guarded and sign[-1].isalpha() else ""


@cache
def sign_source(lang: Lang, guarded: bool = True) -> str:
    """Regex source of one currency sign, the longest first (a named group is the caller's);
    a scale prefix may precede it ("MUSD"). Unguarded, a sign may run into a letter: the
    first of a doubled sign ("RpRp5")."""
    signs = sorted(currency_words(lang).signs, key=lambda s: (-len(s), s))
    prefixes = "|".join(re.escape(p) for p in common().currencies.scaled_code_prefixes)
    if same_as_trie(signs, ignore_case=False):  # a trie: a step per character, not per sign
        body = guarded_trie({s: _guard(s, guarded) for s in signs})
    else:
        body = "|".join(_phrase(s, guarded) for s in signs)
    return rf"(?:(?:{prefixes})?(?:{body}))" if prefixes else rf"(?:{body})"


def read_sign(words: CurrencyWords, written: str) -> SignReading | None:
    """What a matched sign stands for."""
    found = words.sign(written)
    if found is not None:
        return SignReading(found, words.sign_factors.get(normalise(written), 1.0))
    for prefix, factor in common().currencies.scaled_code_prefixes.items():
        if written.startswith(prefix):
            found = words.sign(written[len(prefix):])
            if found is not None and len(normalise(written)) > len(prefix) + 1:
                return SignReading(found, factor)
    return None


@cache
def _names_starting(lang: Lang, first: str) -> re.Pattern[str]:
    names = currency_words(lang).first_words[first]
    body = "|".join(re.escape(n).replace(r"\ ", r"[\s\u00a0\u202f]+").replace("'", "['’]")
                    for n in names)
    return compiled(rf"(?i:{body}){NOT_LETTER_AFTER}")


def name_at(text: str, pos: int, lang: Lang) -> tuple[Reading, str, int] | None:
    """(reading, the name as written, end) of a currency name starting at ``pos``; a name
    whose first letter a typing slip doubled ("Ddollars", "Rrupiah", as "RpRp" is one sign)
    reads as the name, one edit off, when the word as written is none."""
    found = _name_at(text, pos, lang)
    if found is None and _doubled_first_letter(text, pos):
        slip = _name_at(text, pos + 1, lang)
        if slip is not None:
            return slip[0], text[pos:slip[2]], slip[2]
    return found


def _doubled_first_letter(text: str, pos: int) -> bool:
    pair = text[pos:pos + 2]
    return len(pair) == 2 and pair.isalpha() and pair[0].lower() == pair[1]


def _name_at(text: str, pos: int, lang: Lang) -> tuple[Reading, str, int] | None:
    first = WORD.match(text, pos)
    if first is None:
        return None
    words = currency_words(lang)
    key = first.group().lower()
    if key not in words.first_words:
        return None
    m = _names_starting(lang, key).match(text, pos)
    if m is None:
        return None
    found = words.name(m.group())
    return (found, m.group(), m.end()) if found else None
