"""Indonesian cardinal grammar below one million, and the regex helpers it shares.

``number_words`` builds the full number-word pattern of each language from these pieces;
this module knows how Indonesian cardinals are put together ("dua ratus lima puluh",
"sebelas", "seribu"), never which words they use: those are in
``factcheck/lang/id/number_words.yaml`` (``grammar: indonesian``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from factcheck.lang.schema_amounts import IndonesianNumberWords

SEP = r"(?:\s*-\s*|\s+)"
"""What may stand between two number words: spaces, or a hyphen ("vingt-et-un")."""

_THOUSAND = 1000
_HUNDRED = 100


def alt(words: Iterable[str]) -> str:
    """A non-capturing alternation of ``words``, longest first, so that "dix-sept" is tried
    before "dix"; a space or hyphen inside a word matches :data:`SEP`. An empty list gives a
    pattern that never matches."""
    unique = sorted({w.casefold() for w in words}, key=lambda w: (-len(w), w))
    if not unique:
        return "(?!)"
    parts = (SEP.join(re.escape(p) for p in re.split(r"[\s\-]+", w)) for w in unique)
    return "(?:" + "|".join(parts) + ")"


def id_cardinal_patterns(words: IndonesianNumberWords) -> tuple[str, str]:
    """Regex sources of an Indonesian cardinal below one million, and of one chunk of the
    digits after "koma" (a cardinal below one thousand, or "nol")."""
    unit = alt(words.units)
    se_forms: dict[str, int] = words.se_forms
    se_small = alt(w for w, v in se_forms.items() if v < _HUNDRED)
    se_hundred = alt(w for w, v in se_forms.items() if _HUNDRED <= v < _THOUSAND)
    se_thousand = alt(w for w, v in se_forms.items() if v >= _THOUSAND)
    tens, teen = alt([words.tens_word]), alt([words.teen_word])
    hundred, thousand = alt([words.hundred_word]), alt([words.thousand_word])
    zero = alt(words.zero)

    below_100 = f"(?:{unit}{SEP}{tens}(?:{SEP}{unit})?|{unit}{SEP}{teen}|{se_small}|{unit})"
    hundreds = f"(?:(?:{se_hundred}|{unit}{SEP}{hundred})(?:{SEP}{below_100})?)"
    below_1000 = f"(?:{hundreds}|{below_100})"
    thousands = f"(?:(?:{se_thousand}|{below_1000}{SEP}{thousand})(?:{SEP}{below_1000})?)"
    return f"(?:{thousands}|{below_1000}|{zero})", f"(?:{below_1000}|{zero})"


def id_not_followed_by(words: IndonesianNumberWords) -> str:
    """A lookahead that rejects a match followed by a bare multiplier or its "-an" form
    ("dua puluhan", "tiga ratusan", "dua ratus ribuan") or by a reduplication ("satu-satunya")."""
    small = alt([words.tens_word, words.teen_word, words.hundred_word])
    suffix = re.escape(words.approx_suffix)
    thousand = alt([words.thousand_word])
    enclitic = re.escape(words.enclitic)
    return rf"(?!{SEP}{small}(?:{suffix})?\b|{SEP}{thousand}{suffix}\b|\s*-\s*\w*{enclitic}\b)"


def parse_id_cardinal(tokens: Sequence[str], words: IndonesianNumberWords) -> int | None:
    """Value of Indonesian cardinal words (lower case, one word per token), or ``None``.

    Accumulates a group below one thousand; "ribu" moves it to the thousands.
    """
    if len(tokens) == 1 and tokens[0] in words.zero:
        return 0
    units: dict[str, int] = words.units
    se_forms: dict[str, int] = words.se_forms
    factors = {words.tens_word: 10, words.hundred_word: _HUNDRED}
    total = group = pending = 0
    for token in tokens:
        if token in units and not pending:
            pending = units[token]
        elif token in se_forms and not pending:
            value = se_forms[token]
            if value >= _THOUSAND:
                total, group = total + group + value, 0
            else:
                group += value
        elif token == words.teen_word and pending:
            group, pending = group + 10 + pending, 0
        elif token in factors and pending:
            group, pending = group + factors[token] * pending, 0
        elif token == words.thousand_word and (group or pending):
            total, group, pending = total + (group + pending) * _THOUSAND, 0, 0
        else:
            return None
    return total + group + pending
