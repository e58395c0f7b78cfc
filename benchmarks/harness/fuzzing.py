"""Number-shaped texts, and the invariants every reading of one must keep.

The texts are built from pieces: digits mixed with separators, no-break spaces, dashes,
parentheses, signs, huge and tiny numbers; and the language data's own words (every
language's scale words and their abbreviations, currency signs and names, qualifiers,
units), so that a word added to a language file is fuzzed with the rest. ``draw`` builds
one text from a random stream: either a soup of pieces or a sentence of amounts, each an
optional qualifier, sign, number, scale word and currency, joined by connectors.

``violations`` reads a text as the tool does (``extract_text`` and ``audit_text``, then the
figures and findings in every JSON format) and names what broke: an exception (a crash),
an internal-error finding (a crash the audit contained), a figure whose text is not its
slice, a bound on the wrong side of its value, a value that is not finite, a JSON output a
strict parser refuses.
"""

from __future__ import annotations

import json
import math
import random
from collections.abc import Iterator
from datetime import date
from functools import cache
from typing import Any

from factcheck import extract_text
from factcheck.api import audit_text
from factcheck.engine.settings import rules_of, settings
from factcheck.extract.lexicon import lexicon
from factcheck.model import AuditResult, Document, DocumentFigures, Figure, Finding, Lang
from factcheck.report import figures as figures_report
from factcheck.report import render

LANGS: tuple[Lang, ...] = ("id", "fr", "en")
HUGE = ("9" * 309, "1" + "0" * 400, "0." + "0" * 330 + "1", "1e308", "179" + "9" * 306)
NUMBERS = ("0", "1", "5", "12", "83", "100", "2024", "1.303", "5,83", "1,000", "1.234.567,89",
           "1 000", "1\u00a0000", "1\u202f000", "12'345", "0,5", ".5", "5.", "007",
           "3/4", "1½", "10-20", "5–7", "1.5-2", *HUGE)
MARKS = (" ", "  ", "\u00a0", "\u202f", "\n", "\n\n", ".", ",", ";", ":", "-", "–", "—", "(",
         ")", "[", "]", "%", "‰", "=", "/", "+", "±", "~", "≈", "x", "×", "*", "'", "’", "\"")
CONNECTORS = (" (", ") ", " atau ", " setara ", " sekitar ", " soit ", " environ ", " about ",
              " or ", " = ", ", ", " dan ", " et ", " and ", " to ", " à ", " hingga ", " per ",
              "\u00a0", " ")


@cache
def words() -> tuple[str, ...]:
    """Every language's scale words, currency signs and names, qualifiers and units."""
    found: set[str] = set()
    for lang in LANGS:
        lex = lexicon(lang)
        found.update(lex.scale, lex.scale_abbr, lex.words.signs, lex.words.names,
                     lex.qualifiers, lex.units, lex.per_time)
    return tuple(sorted(found))


@cache
def pieces() -> tuple[str, ...]:
    return NUMBERS + MARKS + CONNECTORS + words()


def draw(rng: random.Random) -> str:
    """One number-shaped text."""
    if rng.random() < 0.4:
        return "".join(rng.choice(pieces()) for _ in range(rng.randint(1, 30)))
    return "".join(_amount(rng) + rng.choice(CONNECTORS) for _ in range(rng.randint(1, 4)))


def _amount(rng: random.Random) -> str:
    vocabulary = words()
    parts = [rng.choice(vocabulary) + " " if rng.random() < 0.3 else "",  # a qualifier...
             rng.choice(vocabulary) + rng.choice(("", " ", "\u00a0")) if rng.random() < 0.6
             else "",  # a sign or a name before
             rng.choice(NUMBERS),
             rng.choice((" ", "\u00a0", "")) + rng.choice(vocabulary) if rng.random() < 0.7
             else "",  # a scale word, a currency or a unit after
             " " + rng.choice(vocabulary) if rng.random() < 0.3 else ""]
    return "".join(parts)


def texts(count: int, seed: int) -> Iterator[tuple[str, Lang]]:
    """``count`` texts and the language each is read in, the same for the same seed."""
    rng = random.Random(seed)
    for _ in range(count):
        yield draw(rng), rng.choice(LANGS)


@cache
def _rules() -> tuple[Any, ...]:
    return tuple(rules_of(settings().pack))


def violations(text: str, lang: Lang) -> list[str]:
    """What broke when ``text`` was read in ``lang``: empty when every invariant held.
    A message starting "crash" is an exception or an internal-error finding."""
    try:
        figures = extract_text(text, lang, published=date(2024, 7, 30))
        findings = audit_text(text, lang, published=date(2024, 7, 30))
    except Exception as exc:  # what the fuzzing looks for
        return [f"crash: {type(exc).__name__}: {exc}"[:300]]
    problems = [f"crash: {f.message}"[:300] for f in findings if f.code == "IN002"]
    for figure in figures:
        problems.extend(_figure_problems(text, figure))
    problems.extend(_json_problems(text, lang, figures, findings))
    return problems


def _figure_problems(text: str, figure: Figure) -> Iterator[str]:
    name = f"{figure.id} {figure.text!r}"
    if text[figure.start:figure.end] != figure.text:
        yield f"slice: {name} is not text[{figure.start}:{figure.end}]"
    if figure.low is not None and figure.low > figure.value:
        yield f"bounds: {name} low {figure.low} > value {figure.value}"
    if figure.high is not None and figure.value > figure.high:
        yield f"bounds: {name} value {figure.value} > high {figure.high}"
    for number in _numbers(figure.model_dump()):
        if not math.isfinite(number):
            yield f"finite: {name} holds {number}"


def _numbers(data: Any) -> Iterator[float]:
    if isinstance(data, float):
        yield data
    elif isinstance(data, dict):
        for item in data.values():
            yield from _numbers(item)
    elif isinstance(data, list | tuple):
        for item in data:
            yield from _numbers(item)


def _json_problems(text: str, lang: Lang, figures: tuple[Figure, ...],
                   findings: tuple[Finding, ...]) -> Iterator[str]:
    document = DocumentFigures(document=Document(path="fuzz.txt", text=text, lang=lang),
                               figures=figures)
    result = AuditResult(findings=findings, documents=(document,))
    outputs = {f"extract {fmt}": figures_report.render([document], fmt) for fmt in
               ("json", "jsonl")}
    outputs["audit json"] = render("json", result, _rules())
    if findings:  # SARIF's rules part is the same for every text
        outputs["audit sarif"] = render("sarif", result, _rules())
    for name, output in sorted(outputs.items()):
        for line in output.splitlines() if name.endswith("jsonl") else [output]:
            try:
                strict_json(line)
            except ValueError as exc:
                yield f"json: {name}: {exc}"[:300]


def strict_json(text: str) -> Any:
    """JSON as a strict parser reads it: Infinity and NaN are not JSON."""
    def refuse(constant: str) -> None:
        raise ValueError(f"{constant} in the JSON")
    return json.loads(text, parse_constant=refuse)
