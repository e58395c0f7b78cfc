"""Number-shaped texts, and the invariants every reading of one must keep.

The texts are built from pieces: digits mixed with separators, no-break spaces, dashes,
parentheses, signs, huge and tiny numbers; and the language data's own words (every
language's scale words and their abbreviations, currency signs and names, qualifiers,
units), so that a word added to a language file is fuzzed with the rest. ``draw`` builds
one text from a random stream: a soup of pieces; amounts (each an optional qualifier,
sign, number, scale word and currency) joined by connectors; or conversions, an amount
restated in another currency, which the audit's checks then judge.

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
from dataclasses import dataclass
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

RESTATING = (" (", " (sekitar ", " atau setara ", " (soit ", ", soit environ ", " (about ",
             " or ", " = ")


@cache
def vocabulary() -> dict[str, tuple[str, ...]]:
    """Every language's words by role: scale words, currency signs, currency names,
    qualifiers, units."""
    found: dict[str, set[str]] = {"scale": set(), "sign": set(), "name": set(),
                                  "qualifier": set(), "unit": set()}
    for lang in LANGS:
        lex = lexicon(lang)
        found["scale"].update(lex.scale, lex.scale_abbr)
        found["sign"].update(lex.words.signs)
        found["name"].update(lex.words.names)
        found["qualifier"].update(lex.qualifiers)
        found["unit"].update(lex.units, lex.per_time)
    return {role: tuple(sorted(words_)) for role, words_ in found.items()}


@cache
def words() -> tuple[str, ...]:
    return tuple(sorted({w for words_ in vocabulary().values() for w in words_}))


@cache
def pieces() -> tuple[str, ...]:
    return NUMBERS + MARKS + CONNECTORS + words()


def draw(rng: random.Random) -> str:
    """One number-shaped text: a soup of pieces, amounts joined by connectors, or
    conversions (an amount with a currency restated in another)."""
    mode = rng.random()
    if mode < 0.25:
        return "".join(rng.choice(pieces()) for _ in range(rng.randint(1, 30)))
    if mode < 0.6:
        return "".join(_amount(rng) + rng.choice(CONNECTORS) for _ in range(rng.randint(1, 4)))
    return " ".join(_amount(rng, 1.0) + rng.choice(RESTATING) + _amount(rng, 1.0) + ")."
                    for _ in range(rng.randint(1, 3)))


def _amount(rng: random.Random, sign: float = 0.6) -> str:
    """Maybe a qualifier, maybe a currency sign (with chance ``sign``), a number, maybe a
    scale word, maybe a currency name or a unit after it; each word from any language."""
    words_ = vocabulary()
    space = rng.choice((" ", " ", "\u00a0", "", "  ", "\n"))

    def maybe(role: str, chance: float, before: str = "", after: str = "") -> str:
        return before + rng.choice(words_[role]) + after if rng.random() < chance else ""

    return (maybe("qualifier", 0.25, after=" ") + maybe("sign", sign, after=space)
            + rng.choice(NUMBERS) + maybe("scale", 0.6, before=space)
            + maybe("name", 0.2, before=" ") + maybe("unit", 0.1, before=" "))


def texts(count: int, seed: int) -> Iterator[tuple[str, Lang]]:
    """``count`` texts and the language each is read in, the same for the same seed."""
    rng = random.Random(seed)
    for _ in range(count):
        yield draw(rng), rng.choice(LANGS)


@cache
def _rules() -> tuple[Any, ...]:
    return tuple(rules_of(settings().pack))


@dataclass(frozen=True)
class Checked:
    """One text read: how many figures and findings it gave, and what broke."""

    figures: int
    findings: int
    problems: list[str]


def violations(text: str, lang: Lang) -> list[str]:
    """What broke when ``text`` was read in ``lang``: empty when every invariant held.
    A message starting "crash" is an exception or an internal-error finding."""
    return check(text, lang).problems


def check(text: str, lang: Lang) -> Checked:
    """``text`` read in ``lang``, its invariants checked."""
    try:
        figures = extract_text(text, lang, published=date(2024, 7, 30))
        findings = audit_text(text, lang, published=date(2024, 7, 30))
    except Exception as exc:  # what the fuzzing looks for
        return Checked(0, 0, [f"crash: {type(exc).__name__}: {exc}"[:300]])
    problems = [f"crash: {f.message}"[:300] for f in findings if f.code == "IN002"]
    for figure in figures:
        problems.extend(_figure_problems(text, figure))
    problems.extend(_json_problems(text, lang, figures, findings))
    return Checked(len(figures), len(findings), problems)


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
