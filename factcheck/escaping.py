"""Input text made safe to print in a message or a line of output.

Two helpers, used wherever text from an input (a file name, a field's value, a line of an
article) goes into an error message or a line-oriented output:

- :func:`one_line` shows line breaks and the other control characters as escapes
  (``\\n``, ``\\x1b``, ``\\u202e``), so that one message stays one line and nothing from an
  input can move a terminal's cursor, recolour it, ring its bell or reverse the order of
  the characters that follow (the bidirectional overrides). Tab is kept.
- :func:`visible_controls` does the same but keeps line breaks, for text that may span
  lines (an HTML page); :func:`json_safe` writes as ``\\uXXXX`` escapes the control
  characters that JSON lets through raw (DEL, C1, the separators, the bidirectional
  controls), which changes no value.
- :func:`excerpt` quotes a value as ``repr`` would, but never more than a short excerpt of
  it: a long string is cut (its length said), a list or mapping shows its first items and
  levels only. A message built from it is small whatever the input, even a structure that
  YAML aliases have made enormous.
"""

from __future__ import annotations

import reprlib

#: The longest excerpt of a string that a message quotes.
EXCERPT_CHARS = 80

_CONTROLS = [*range(0x20), 0x7F, *range(0x80, 0xA0), 0x2028, 0x2029, *range(0x202A, 0x202F),
             *range(0x2066, 0x206A)]
_ESCAPES = {code: (f"\\x{code:02x}" if code <= 0xFF else f"\\u{code:04x}")
            for code in _CONTROLS if code != 0x09}
_KEEP_LINES = {code: text for code, text in _ESCAPES.items() if code not in (0x0A, 0x0D)}
_ESCAPES.update({0x0A: "\\n", 0x0D: "\\r"})
_JSON_ESCAPES = {code: f"\\u{code:04x}" for code in _CONTROLS if code >= 0x7F}

_REPR = reprlib.Repr()
_REPR.maxlevel = 3
_REPR.maxlist = _REPR.maxtuple = _REPR.maxset = _REPR.maxfrozenset = 6
_REPR.maxdict = 6
_REPR.maxstring = EXCERPT_CHARS
_REPR.maxother = EXCERPT_CHARS


def one_line(text: str) -> str:
    """``text`` with line breaks and control characters (tab excepted) escaped."""
    return text.translate(_ESCAPES)


def visible_controls(text: str) -> str:
    """``text`` with control characters escaped, except tab and line breaks."""
    return text.translate(_KEEP_LINES)


def json_safe(text: str) -> str:
    """A JSON text (from ``json.dumps``, which escapes the C0 controls) with the other
    control characters escaped too; it parses to the same value."""
    return text.translate(_JSON_ESCAPES)


def excerpt(value: object, limit: int = EXCERPT_CHARS) -> str:
    """``value`` quoted for a message: its ``repr`` when short, else the start of it with
    an ellipsis (and, for a string, its length). Never more than about ``2 * limit``
    characters, never a control character."""
    if isinstance(value, str):
        if len(value) <= limit:
            return one_line(repr(value))
        return f"{one_line(repr(value[:limit]))}… ({len(value):,} characters)"
    text = one_line(_REPR.repr(value))
    return text if len(text) <= 2 * limit else text[:2 * limit] + "…"


def short_name(name: str) -> str:
    """A name from an input (a key, a column) as an error's field: as written when short,
    else an excerpt; escaped either way."""
    return one_line(name) if len(name) <= EXCERPT_CHARS else excerpt(name)


def shorten(text: str, limit: int = 4 * EXCERPT_CHARS) -> str:
    """A message from elsewhere (a parser's, an exception's) that may quote its input:
    escaped to one line and cut to ``limit`` characters."""
    text = one_line(text[:limit + 1])
    return text if len(text) <= limit else text[:limit] + "…"
