"""A message as its form and its pieces, so that it is written in any locale without
reading an English sentence back.

A check that builds its message with :func:`said` gives the message's form (the msgid of
the catalogs, listed in ``i18n.message_forms.FORMS``) and each piece by name: a number
(:class:`Num`, :class:`Pct`, an amount of money :class:`Amount`: its value, and its text
as the message writes it in English),
a date (:class:`Day`), a word of the message (:class:`Word`, translated through the
catalog), a piece with a form of its own (:class:`Said`), or text from the input (a plain
string, as it is). ``Said.english()`` is the message of the JSON contract;
``i18n.messages`` writes the same form in another locale from the pieces' values, the
numbers as that locale writes them. A ``[...]`` part of a form is written only when its
pieces are all given.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache

_PLACE = re.compile(r"\{(\w+)\}")
_OPTIONAL = re.compile(r"\[([^\[\]]*)\]")


@dataclass(frozen=True)
class Num:
    """A number: its value, the text the English message writes ("16.335,8" in an
    Indonesian article's style) and its significant digits."""

    value: float
    text: str
    digits: int = 6


@dataclass(frozen=True)
class Pct:
    """A fraction written as a percentage with ``decimals`` decimals ("-89,9%"), signed
    when ``signed``."""

    value: float
    text: str
    decimals: int = 1
    signed: bool = False


@dataclass(frozen=True)
class Amount:
    """An amount of money: its value in units of ``currency`` (ISO 4217) and its text as
    the English message writes it ("$4.65 billion")."""

    value: float
    currency: str
    text: str


@dataclass(frozen=True)
class Day:
    """A date, ISO (2024-07-29)."""

    iso: str


@dataclass(frozen=True)
class Months:
    """Days named by their months, ISO ends and the English text ("May–July 2024",
    "12 March 2024")."""

    start: str
    end: str
    text: str


@dataclass(frozen=True)
class Word:
    """A word of the message ("conversions"), translated through the catalog."""

    text: str


@dataclass(frozen=True)
class Said:
    """A message, or a piece of one, as its form and its pieces."""

    form: str
    pieces: tuple[tuple[str, Piece], ...] = ()

    def english(self) -> str:
        """The message as the checks write it (the JSON contract's ``message``)."""
        return fill(self.form, {name: english(piece) for name, piece in self.pieces})


Piece = str | Num | Pct | Amount | Day | Months | Word | Said


def said(form: str, **pieces: Piece | None) -> Said:
    """The message of ``form`` with its ``pieces`` (None: a piece that is not there)."""
    return Said(form, tuple((name, piece) for name, piece in pieces.items()
                            if piece is not None))


def english(piece: Piece) -> str:
    """A piece as the English message writes it."""
    match piece:
        case Num(_, text) | Pct(_, text) | Amount(_, _, text) | Months(_, _, text):
            return text
        case Day(iso):
            return iso
        case Word(text):
            return text
        case Said():
            return piece.english()
    return piece


def fill(form: str, pieces: Mapping[str, str | None]) -> str:
    """``form`` with its pieces; an optional part whose pieces are missing is left out.
    A ``KeyError`` for a place the pieces do not have."""
    given = frozenset(name for name, value in pieces.items() if value is not None)
    parts = _template(form, given)
    out = []
    for i, part in enumerate(parts):
        if i % 2 == 0:
            out.append(part)
            continue
        value = pieces[part]
        if value is None:
            raise KeyError(part)
        out.append(value)
    return "".join(out)


@lru_cache(maxsize=4096)
def _template(form: str, given: frozenset[str]) -> list[str]:
    """``form`` with the optional parts kept that ``given`` fills, split at its places:
    text, a place's name, text, ... (a check's millions of messages share a few forms)."""
    def optional(part: re.Match[str]) -> str:
        names = _PLACE.findall(part.group(1))
        return part.group(1) if all(n in given for n in names) else ""

    return _PLACE.split(_OPTIONAL.sub(optional, form))
