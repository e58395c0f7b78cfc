"""The engines timed on the same text: ours (one ``extract_text`` call per document),
quantulum3 and Recognizers-Text (one call per line, their fastest use: quantulum3's cost
grows with the square of its input), and the bare-regex floor (``re.finditer`` of digit
runs over each document: what reading the text at all costs in Python)."""

from __future__ import annotations

import decimal
import re
import warnings
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import factcheck
from factcheck.model import Lang

Engine = Callable[[str], int]  # a text -> how many things it found
DIGITS = re.compile(r"\d+")


@dataclass(frozen=True)
class Available:
    """An engine for a language, or why there is none."""

    run: Engine | None
    why_not: str = ""


def ours(lang: Lang) -> Available:
    return Available(lambda text: len(factcheck.extract_text(text, lang)))


def floor(lang: Lang) -> Available:
    return Available(lambda text: sum(1 for _ in DIGITS.finditer(text)))


def quantulum(lang: Lang) -> Available:
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # "classifier dependencies not installed"
            from quantulum3 import parser
    except ImportError as error:
        return Available(None, f"quantulum3 not importable ({error})")
    return Available(lambda text: len(parser.parse(text)))  # English only: its one parser


RECOGNIZER_CULTURES = {"en": "English", "fr": "French"}  # it has no Indonesian


def recognizers(lang: Lang) -> Available:
    """Recognizers-Text's currency model of the language (``recognizers-text-suite``)."""
    if lang not in RECOGNIZER_CULTURES:
        return Available(None, f"Recognizers-Text has no {lang} culture")
    try:
        # Importing it sets the thread's decimal precision to 15 digits: kept to a context
        # of its own, so that it changes nothing of ours in the same process.
        with decimal.localcontext():
            from recognizers_number_with_unit import Culture, NumberWithUnitRecognizer
    except ImportError as error:
        return Available(None, f"recognizers-text-suite not importable ({error})")
    culture = getattr(Culture, RECOGNIZER_CULTURES[lang])
    model = NumberWithUnitRecognizer(culture).get_currency_model()
    return Available(lambda text: len(model.parse(text)))


ENGINES: dict[str, Callable[[Lang], Available]] = {
    "factcheck": ours, "quantulum3": quantulum, "Recognizers-Text": recognizers,
    "re.finditer floor": floor,
}
LINE_FED = frozenset({"quantulum3", "Recognizers-Text"})


def feed(engine: Engine, pieces: Sequence[str]) -> int:
    return sum(engine(piece) for piece in pieces)
