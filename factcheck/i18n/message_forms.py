"""The forms of the checks' messages, in English, as the catalogs translate them.

A check writes its message in English (the JSON contract's ``message``); ``FORMS`` lists,
by check code, the shape of each message a check writes: its words, with ``{name}`` for a
piece that comes from the text or the arithmetic (a figure, a rate, a date) and
``[...]`` around a part that is there only when its pieces are (a correction). A message
is shown in another locale by finding its form (``i18n.messages``), translating the form
through the catalog and putting the pieces back: figures stay as the article writes them,
dates are written out in the locale, and the pieces named in ``WORDS`` and ``PIECES`` are
translated too. A message added to a check needs its form here, and its translations in
the catalogs (``tests/i18n/test_check_messages.py`` says so, with the commands).
"""

from __future__ import annotations


def translatable(form: str) -> str:
    """``form``, marked for the catalogs."""
    return form


FORMS: dict[str, tuple[str, ...]] = {
    "AR001": (translatable(
        "{part} is {share} of {whole} (about {about}), not {stated} ({stated_share})"),),
    "AR002": (translatable(
        "{before} -> {after} is {change} ({low} to {high}), not the stated {stated}"
        "[; it should read {suggestion}]"),),
    "AR003": (
        translatable("the part {part} (at least {least}) exceeds the whole {whole} (at most "
                     "{most})"),
        translatable("the parts {parts} (at least {least}) exceed the whole {whole} (at most "
                     "{most})"),
    ),
    "AR004": (
        translatable("{parts} = {total} (between {low} and {high}), not the stated {stated} "
                     "({gap})"),
        translatable("{parts} = {total}, not the stated {stated} ({gap})"),
    ),
    "CL001": (
        translatable("{field}: unknown column; did you mean {name}?"),
        translatable("{field}: unknown column"),
        translatable("{field}: unknown currency code {code} (expected an ISO 4217 code such as "
                     "USD, EUR, IDR)[; did you mean {suggestion}?]"),
        translatable("{field}: not a period: {value} (expected YYYY, YYYY-MM, YYYY-MM-DD, YYYY-Qn, "
                     "YYYY-Hn or FROM/TO of two of them)"),
        translatable("{field}: expected one amount with its currency or unit in {value} (read as "
                     "{lang}), found no figure"),
        translatable("{field}: Input should be {choices} (got {value})"),
    ),
    "CL002": (translatable("duplicate id {ident}: first used at {place}"),),
    "CL003": (
        translatable("fx_date {fx_date} is after the source was published ({published})"),
        translatable("actual valued on {valuation_date}, after the source was published "
                     "({published})"),
        translatable("actual for {period}, which had not started when the source was published "
                     "({published})"),
        translatable("projection for {period}, which had ended when the source was published "
                     "({published})"),
    ),
    "DT001": (
        translatable('"{wording}" ({tense} wording) about "{phrase}" ({period}), which ended '
                     "on {end}, before the publication date {published}"),
        translatable('"{wording}" ({tense} wording) about "{phrase}" ({period}), which starts '
                     "on {start}, after the publication date {published}"),
    ),
    "DT002": (
        translatable('"{phrase}" is relative to the publication date, which the document does '
                     "not give; 1 figure stated for it cannot be dated or valued (supply "
                     "--published)"),
        translatable('"{phrase}" is relative to the publication date, which the document does '
                     "not give; {count} figures stated for it cannot be dated or valued "
                     "(supply --published)"),
    ),
    "FX001": (
        translatable("{source} -> {converted} implies {implied} {pair}; the {unit}'s other 1 "
                     "conversion agree on {common} {pair}[: at that rate it is {suggestion}]"),
        translatable("{source} -> {converted} implies {implied} {pair}; the {unit}'s other {count} "
                     "conversions agree on {common} {pair}[: at that rate it is {suggestion}]"),
        translatable("{source} -> {converted} implies {implied} {pair}; 1 other record of this "
                     "source agree on {common} {pair}[: at that rate it is {suggestion}]"),
        translatable("{source} -> {converted} implies {implied} {pair}; {count} other records of "
                     "this source agree on {common} {pair}[: at that rate it is {suggestion}]"),
        translatable("these conversions admit no common {pair} rate ({spans}) and no reference "
                     "rate says which is off"),
    ),
    "FX002": (
        translatable("{source} -> {converted} implies {implied} {pair}[ (as do {more} more {what} "
                     "at that rate)]; the reference rate on {day} was {rate} ({gap} away)[: "
                     "{suggestion}]"),
        translatable("{source} -> {converted} implies {implied} {pair}[ (as do {more} more {what} "
                     "at that rate)]; the reference rate on {day} was {rate} ({gap} away), which "
                     "rounds to the {round} the article converts at"),
        translatable("{source} -> {converted} implies {implied} {pair}[ (as do {more} more {what} "
                     "at that rate)]; the article's {through} conversions and the reference rate "
                     "on {day} give {rate} ({gap} away)[: {suggestion}]"),
        translatable("1 {what} cannot be checked against a reference rate ({source} -> "
                     "{converted}): {reason}"),
        translatable("{count} {what} cannot be checked against a reference rate ({source} -> "
                     "{converted} and others): {reason}"),
    ),
    "FX003": (
        translatable("{source} -> {converted} implies {implied} {pair}, {factor} times {direction} "
                     "{basis} {expected}: the converted figure is {fix} times too {size}[; it "
                     "should read {suggestion}]"),
        translatable("{source} -> {converted} implies {implied} {pair}, {factor} times {direction} "
                     "{basis} {expected}: one of them has slipped by a power of ten, and no "
                     "reference rate says which"),
        translatable("the stated rate {stated} is {factor} times {direction} the reference rate on "
                     "the publication date, {expected} {pair}: a scale is off"),
        translatable("the stated rate {stated} is {factor} times {direction} any reference rate "
                     "{pair} has had (the text gives no date), such as {expected}: a scale is off"),
    ),
    "FX004": (
        translatable("{source} -> {converted} implies {implied} {pair}, but the text states "
                     "{stated} ({rate} {pair}, {gap} away)[; at that rate it is {suggestion}]"),
        translatable("the text states {stated} ({rate} {pair}), but the 1 {what} it governs imply "
                     "{implied} {pair}, as the reference rate does ({reference}): the stated rate "
                     "is off"),
        translatable("the text states {stated} ({rate} {pair}), but its {count} {what} it governs "
                     "imply {implied} {pair}, as the reference rate does ({reference}): the "
                     "stated rate is off"),
    ),
    "FX005": (
        translatable("{source} -> {converted} is converted at about {rate} {pair}, the rate of "
                     "{months}; on the valuation date, {day}, the rate was {reference}[, which "
                     "gives {suggestion}]"),
        translatable("{source} -> {converted} is summed over {period} and converted at the "
                     "publication date's rate, {rate} {pair}, as is usual"),
        translatable("{source} -> {converted} is summed over {period} and converted at the "
                     "publication date's rate, {rate} {pair}, as is usual; the period's average "
                     "rate was {average}[, which gives {suggestion}]"),
        translatable("{source} -> {converted} has no period of its own and is converted at "
                     "{rate} {pair}, the rate of {months} shortly before publication, as "
                     "newsrooms often do; on the publication date the rate was {reference}"),
        translatable("no publication date: the {unit}'s 1 {pair} conversion fit the reference "
                     "rates of {months}"),
        translatable("no publication date: the {unit}'s {count} {pair} conversions fit the "
                     "reference rates of {months}"),
    ),
    "IN001": (
        translatable("empty file"),
        translatable("binary file (a NUL byte in the first 8 KB)"),
        translatable("invalid UTF-8: byte {byte} at byte offset {offset} (byte {column} of the "
                     "line); the file must be UTF-8"),
    ),
    "TX001": (translatable('"{written}" is a slip for "{meant}": {figure} read as {fixed}'),),
    "UN001": (
        translatable("{source} is {value}, but the text restates it as {restated} "
                     "({restated_value}, {gap})[; it should read about {suggestion}]"),),
    "UN002": (
        translatable("{source} is about {expected} (1 {long} = {ratio} {shorts}[, at {rate}]), but "
                     "the text restates it as {restated} ({gap})"),),
    "XS001": (
        translatable("{claim} ({kind}): {source} gives {written} ({range}), but {others} gives "
                     "{agreed}"),
        translatable("{claim} ({kind}): {source} gives {written} ({range}), but {others} give "
                     "{agreed}"),
    ),
    "XS002": (
        translatable("{source} converts at {rate} on {day}, but other sources of that date agree "
                     "on {agreed}"),),
    "XS003": (
        translatable("{claim} ({kind}): {source} gives {written} for {period}, {other} gives "
                     "{other_written} for {other_period}: the same figure, two periods"),),
}

#: Pieces that are words of the message rather than of the text, by the name of their
#: place: translated whole through the catalog.
WORDS: dict[str, tuple[str, ...]] = {
    "unit": (translatable("article"), translatable("document")),
    "what": (translatable("conversion"), translatable("conversions"), translatable("record"),
             translatable("records")),
    "tense": (translatable("past"), translatable("future")),
    "direction": (translatable("above"), translatable("below")),
    "size": (translatable("large"), translatable("small")),
    "basis": (translatable("the rate the text states,"),
              translatable("the rate the other conversions and the reference agree on,"),
              translatable("the reference rate,"),
              translatable("the rate most of the other conversions imply,"),
              translatable("the rate of the other conversion,"),
              translatable("the reference rate of some date (the text gives none),")),
    "kind": (translatable("actual"), translatable("projection"), translatable("estimate")),
    "long": (translatable("year"), translatable("quarter"), translatable("month"),
             translatable("week")),
    "shorts": (translatable("days"), translatable("weeks"), translatable("months"),
               translatable("quarters")),
}

#: Pieces that have forms of their own, by the name of their place.
PIECES: dict[str, tuple[str, ...]] = {
    "reason": (
        translatable("no {pair} rate on {day} in {table}: before the table ({currency} rates start "
                     "{start})"),
        translatable("no {pair} rate on {day} in {table}: after the table (last {currency} rate "
                     "{end})"),
        translatable("no {pair} rate on {day} in {table}: no rate (none in the {days} days up to "
                     "it)"),
        translatable("no {pair} rate on {day} in {table}: unknown currency ({currency} is not in "
                     "the table)"),
    ),
    "suggestion": (translatable("about {figure}"),),
    "expected": (translatable("{value} {unit} per {period}"),),
    "factor": (translatable("a million"),),
    "fix": (translatable("a million"),),
    "range": (translatable("{low} to {high}"), translatable("{low} to {high} {unit}")),
    "agreed": (translatable("{low} to {high}"), translatable("{low} to {high} {unit}")),
    "written": (translatable("{low} to {high}"),),
}
