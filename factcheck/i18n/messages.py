"""The checks' messages in a locale: a message's form found (``message_forms.FORMS``),
translated through the catalog, and its pieces put back.

The pieces keep the text's own writing (figures, rates, names), except the words of the
message (``WORDS``), the pieces that have forms of their own (``PIECES``), dates
(``2024-07-30`` written out as the locale writes a date) and months ("May–July 2024" in the
locale's month names). A message with no form, or whose translation does not take its
pieces, is shown as written (English): ``tests/i18n/test_check_messages.py`` fails on it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date
from functools import cache

from factcheck.i18n import SOURCE_LOCALE, translations
from factcheck.i18n.formats import format_day, format_iso_day, format_significant
from factcheck.i18n.message_forms import FORMS, PIECES, WORDS
from factcheck.model import AuditResult, Finding
from factcheck.normalise.money_format import format_amount
from factcheck.phrases import Amount, Day, Months, Num, Pct, Piece, Said, Word, fill

_TOKEN = re.compile(r"\{(\w+)\}|\[|\]")
_PLACE = re.compile(r"\{(\w+)\}")
_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
_MONTH = re.compile(r"\b(January|February|March|April|May|June|July|August|September|"
                    r"October|November|December)\b")
_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December")


def pattern(form: str) -> re.Pattern[str]:
    """The expression a form's messages match: each ``{name}`` a piece (one of its words
    where ``WORDS`` lists them; the same name twice, the same text), each ``[...]``
    optional."""
    parts, seen, at = [], set(), 0
    for token in _TOKEN.finditer(form):
        parts.append(re.escape(form[at:token.start()]))
        name = token.group(1)
        if name is None:
            parts.append("(?:" if token.group(0) == "[" else ")?")
        else:
            words = "|".join(re.escape(w) for w in sorted(WORDS.get(name, ()), key=len,
                                                           reverse=True))
            parts.append(f"(?P={name})" if name in seen
                         else f"(?P<{name}>{words or '.+?'})")
            seen.add(name)
        at = token.end()
    parts.append(re.escape(form[at:]))
    return re.compile("".join(parts), re.S)


@cache
def _compiled(forms: tuple[str, ...]) -> tuple[tuple[str, re.Pattern[str]], ...]:
    """The forms with their expressions, the most specific (most words of its own) first."""
    ranked = sorted(forms, key=lambda f: -len(_PLACE.sub("", f)))
    return tuple((form, pattern(form)) for form in ranked)


def form_of(forms: Iterable[str], text: str) -> tuple[str, dict[str, str | None]] | None:
    """The first of ``forms`` that ``text`` is written in, and its pieces."""
    for form, expression in _compiled(tuple(forms)):
        found = expression.fullmatch(text)
        if found is not None:
            return form, found.groupdict()
    return None


def _months(text: str, locale: str) -> str:
    from babel.dates import get_month_names

    names = get_month_names("wide", locale=locale)
    return _MONTH.sub(lambda m: str(names[_MONTHS.index(m.group(1)) + 1]), text)


def _piece(name: str, value: str | None, locale: str) -> str | None:
    """A piece of a message in ``locale``."""
    if value is None:
        return None
    if value in WORDS.get(name, ()):
        return translations(locale).gettext(value)
    if name in PIECES:
        found = form_of(PIECES[name], value)
        if found is not None:
            return _translated(found[0], found[1], locale) or value
    if _DAY.fullmatch(value):
        try:
            return format_day(date.fromisoformat(value), locale)
        except ValueError:
            return value
    return _months(value, locale) if name == "months" else value


def _translated(form: str, pieces: dict[str, str | None], locale: str) -> str | None:
    shown = {name: _piece(name, value, locale) for name, value in pieces.items()}
    try:
        return fill(translations(locale).gettext(form), shown)
    except (KeyError, IndexError):
        return None


def localised_message(code: str, message: str, locale: str) -> str:
    """``message`` of the check ``code`` in ``locale`` (as written where it has no form)."""
    if locale == SOURCE_LOCALE:
        return message
    found = form_of(FORMS.get(code, ()), message)
    if found is None:
        return message
    return _translated(found[0], found[1], locale) or message


def _shown(piece: Piece, locale: str) -> str:
    """A piece of a message built from its form (``phrases``), in ``locale``."""
    match piece:
        case Num(value, _, digits):
            return format_significant(value, locale, digits)
        case Pct(value, _, decimals, signed):
            return _percent(value, decimals, signed, locale)
        case Amount(value, currency, _):
            return format_amount(value, currency, locale)
        case Day(iso):
            return format_iso_day(iso, locale)
        case Months(start, end, _):
            return _months_between(date.fromisoformat(start), date.fromisoformat(end), locale)
        case Word(text):
            return translations(locale).gettext(text)
        case Said():
            return said_in(piece, locale) or piece.english()
    return piece


def _percent(fraction: float, decimals: int, signed: bool, locale: str) -> str:
    """A percentage with ``decimals`` decimals, in the locale's pattern ("-89,9 %")."""
    from babel import Locale
    from babel.numbers import format_percent

    pattern = str(Locale.parse(locale).percent_formats[None].pattern)
    if decimals:
        pattern = pattern.replace("#,##0", "#,##0." + "0" * decimals, 1)
    text = str(format_percent(abs(fraction), format=pattern, locale=locale))
    return ("+" if signed and fraction > 0 else "-" if fraction < 0 else "") + text


def _months_between(start: date, end: date, locale: str) -> str:
    """"mai–juillet 2024", "12 mars 2024": the days' months as ``locale`` names them."""
    from babel.dates import format_date

    def month(day: date, pattern: str) -> str:
        return str(format_date(day, pattern, locale=locale))

    if start == end:
        return month(start, "d MMMM y")
    if (start.year, start.month) == (end.year, end.month):
        return month(start, "LLLL y")
    first = month(start, "LLLL" if start.year == end.year else "LLLL y")
    return f"{first}–{month(end, 'LLLL y')}"


def said_in(message: Said, locale: str) -> str | None:
    """A message built from its form (``phrases``) in ``locale``: the form translated, its
    numbers and dates written as the locale writes them; None when the translation does
    not take its pieces."""
    shown = {name: _shown(piece, locale) for name, piece in message.pieces}
    try:
        return fill(translations(locale).gettext(message.form), shown)
    except (KeyError, IndexError):
        return None


def _localised(finding: Finding, locale: str) -> str:
    if finding.said is not None:
        return said_in(finding.said, locale) or finding.message
    return localised_message(finding.code, finding.message, locale)


def localised_findings(findings: Iterable[Finding], locale: str) -> tuple[Finding, ...]:
    """The findings with their messages in ``locale`` (from their form and pieces where the
    check built them so, else from the message's form); everything else as it was."""
    return tuple(f if locale == SOURCE_LOCALE else f.model_copy(
        update={"message": _localised(f, locale)}) for f in findings)


def localised_result(result: AuditResult, locale: str) -> AuditResult:
    """An audit's result with its findings' messages in ``locale``."""
    if locale == SOURCE_LOCALE:
        return result
    return result.model_copy(update={"findings": localised_findings(result.findings, locale)})
