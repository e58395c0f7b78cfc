"""Where a currency is used, and how a text names it, from CLDR through babel: the evidence
``currency_evidence`` weighs to decide what a family sign ("francs", "Sh", "¥") means.

For a set of candidate currencies, in the document's language:
- ``mentions``: the names that are certain (one currency: "Kenyan shillings", "yuan") and
  the ISO codes of the candidates, anywhere in the text;
- ``countries``: the names of the territories that use a candidate at the date ("Kenya",
  "Sénégal", "Tiongkok"), the words its CLDR names qualify it with ("Kenyan", "kényans",
  "CFA afrika barat"), and the adjectives of the territories' people CLDR lacks
  (``countries`` of ``<lang>/currencies.yaml``: "ivoirien", "Senegalese");
- ``cities``: the example cities of CLDR's time zones in those territories ("Kampala"),
  weaker than the rest: only a family with no default reading is decided by them.

Everything here is read when a document first needs it (the global CLDR tables cost ~10 ms)
and cached per language and candidate set.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date
from functools import cache

from factcheck.extract.tries import same_as_trie
from factcheck.extract.word_patterns import trie_pattern
from factcheck.lang.currency_words import Reading, cldr_names, currency_words, name_noun
from factcheck.lang.loader import language
from factcheck.model import Lang

Pattern = re.Pattern[str]
WORD = re.compile(r"[^\W\d_]+")
NOT_LETTER_BEFORE = r"(?<![^\W\d_])"
NOT_LETTER_AFTER = r"(?![^\W\d_])"


@cache
def _territory_uses() -> dict[str, tuple[tuple[str, date, date | None], ...]]:
    """{territory: ((code, first day, last day or None), ...)} of legal tender, from CLDR."""
    from babel.core import get_global

    uses: dict[str, tuple[tuple[str, date, date | None], ...]] = {}
    for territory, found in get_global("territory_currencies").items():
        uses[territory] = tuple((code, date(*start), date(*end) if end else None)
                                for code, start, end, tender in found if tender and start)
    return uses


@cache
def in_use(codes: frozenset[str], on: date) -> frozenset[str]:
    """The currencies among ``codes`` that some territory used on ``on``."""
    return frozenset(code for uses in _territory_uses().values() for code, first, last in uses
                     if code in codes and first <= on and (last is None or last >= on))


@cache
def territories(code: str, on: date) -> frozenset[str]:
    """The territories that used ``code`` on ``on`` (asked for each time zone of a city
    look-up, so kept)."""
    return frozenset(t for t, uses in _territory_uses().items()
                     if any(c == code and f <= on and (last is None or last >= on)
                            for c, f, last in uses))


def territory_currencies(territory: str, on: date) -> frozenset[str]:
    """The currencies ``territory`` used on ``on``."""
    return frozenset(code for code, first, last in _territory_uses().get(territory, ())
                     if first <= on and (last is None or last >= on))


@cache
def _modifiers(lang: Lang) -> dict[str, frozenset[str]]:
    """{code: the words its CLDR names in ``lang`` qualify it with ("kenyan", "kényans")}."""
    data = language(lang).currencies
    found: dict[str, set[str]] = {}
    for key, codes in cldr_names(lang, currency_words(lang).codes).items():
        words = key.split(" ")
        if len(codes) != 1 or len(words) < 2 or "(" in key:
            continue
        _, rest = name_noun(words, data.noun == "first", frozenset(data.noun_skip))
        modifier = re.sub(r"^(?:(?:de|des|du) |d')", "", " ".join(rest))
        if len(modifier) >= 4 and re.fullmatch(r"[^\W\d_]+(?:[ -][^\W\d_]+)*", modifier):
            found.setdefault(next(iter(codes)), set()).add(modifier)
    return {code: frozenset(words) for code, words in found.items()}


class Finder:
    """Words that point at a currency: matched as written (``cased``) or in any case
    (``folded``; with up to three more letters when ``inflected``: "kényan" in "kényane",
    "Kenyan" in "Kenyans"), indexed by their first word in lower case."""

    def __init__(self, cased: dict[str, str], folded: dict[str, str],
                 inflected: bool = False) -> None:
        self.cased, self.folded, self.inflected = cased, folded, inflected
        self.cased_by_first = _by_first(cased)
        self.folded_by_first = _by_first(folded)
        self.firsts = frozenset(self.cased_by_first.keys() | self.folded_by_first.keys())

    def codes_in(self, text: str, firsts: frozenset[str],
                 skip: tuple[tuple[int, int], ...]) -> frozenset[str]:
        """The codes whose words ``text`` holds outside the ``skip`` spans; ``firsts`` are
        the first words found in the text (``first_words``): a word whose first word is not
        there is not looked for."""
        cased = [w for first in firsts & self.cased_by_first.keys()
                 for w in self.cased_by_first[first]]
        folded = [w for first in firsts & self.folded_by_first.keys()
                  for w in self.folded_by_first[first]]
        if not cased and not folded:
            return frozenset()
        hits = set()
        pattern = _pattern(tuple(sorted(cased)), tuple(sorted(folded)), self.inflected)
        for m in pattern.finditer(text):
            if any(start <= m.start() < end for start, end in skip):
                continue
            ending = (m.group("ending") or "") if self.inflected and folded else ""
            word = re.sub(r"[\s\u00a0]+", " ", m.group()[:len(m.group()) - len(ending)])
            code = self.cased.get(word) or self.folded.get(word.lower())
            if code:
                hits.add(code)
        return frozenset(hits)


@cache
def _firsts_pattern(firsts: frozenset[str]) -> Pattern:
    return re.compile(rf"\b(?:{trie_pattern(firsts)})")


def first_words(lower_text: str, finders: Iterable[Finder]) -> frozenset[str]:
    """The first words of the ``finders``' words that begin a word of the lower-cased text:
    one search of one expression (a trie) for all of them."""
    firsts = frozenset().union(*(f.firsts for f in finders))
    if not firsts:
        return frozenset()
    return frozenset(_firsts_pattern(firsts).findall(lower_text))


def _by_first(words: Iterable[str]) -> dict[str, tuple[str, ...]]:
    index: dict[str, list[str]] = {}
    for word in words:
        first = WORD.match(word.lower())
        if first:
            index.setdefault(first.group(), []).append(word)
    return {first: tuple(found) for first, found in index.items()}


@cache
def _pattern(cased: tuple[str, ...], folded: tuple[str, ...], inflected: bool) -> Pattern:
    def alt(words: Iterable[str], ignore_case: bool) -> str:
        """Longest first, as a trie where that matches alike (``tries.same_as_trie``)."""
        ordered = sorted(words, key=lambda w: (-len(w), w))
        if same_as_trie(ordered, ignore_case):
            return trie_pattern(ordered)
        return "|".join(re.escape(w).replace(r"\ ", r"[\s\u00a0]+") for w in ordered)

    parts = [f"(?:{alt(cased, False)}){NOT_LETTER_AFTER}"] if cased else []
    if folded:
        ending = r"(?P<ending>[^\W\d_]{0,3})" if inflected else ""
        parts.append(f"(?i:{alt(folded, True)}){ending}{NOT_LETTER_AFTER}")
    return re.compile(rf"{NOT_LETTER_BEFORE}(?:{'|'.join(parts)})")


@cache
def mentions(lang: Lang, candidates: Reading) -> Finder:
    """The certain names of the candidates and their codes."""
    words = currency_words(lang)
    names = {key: next(iter(codes)) for key, codes in words.names.items()
             if len(codes) == 1 and codes <= candidates}
    return Finder({code: code for code in candidates}, names)


@cache
def countries(lang: Lang, candidates: Reading, on: date) -> Finder:
    """The names of the candidates' territories and their names' qualifying words."""
    from babel import Locale

    names = Locale.parse(lang).territories
    cased: dict[str, str] = {}
    folded: dict[str, str] = {}
    modifiers = _modifiers(lang)
    people: dict[str, set[str]] = {}
    demonyms = {t: w.demonyms for t, w in language(lang).currencies.countries.items()}
    for code in sorted(candidates):
        for territory in territories(code, on):
            if territory in names and not territory.isdigit():
                cased.setdefault(names[territory], code)
            for word in demonyms.get(territory, ()):
                people.setdefault(word, set()).add(code)
        for word in modifiers.get(code, ()):
            folded.setdefault(word, code)
    for word, codes in sorted(people.items()):
        if len(codes) == 1:  # a people whose countries use one of the candidates
            folded.setdefault(word, next(iter(codes)))
    return Finder(cased, folded, inflected=True)


@cache
def cities(lang: Lang, candidates: Reading, on: date) -> Finder:
    """The example cities of the time zones of the candidates' territories."""
    from babel import Locale
    from babel.core import get_global

    zones = Locale.parse(lang).time_zones
    places: dict[str, str] = {}
    for zone, territory in get_global("zone_territories").items():
        for code in sorted(candidates):
            if territory in territories(code, on) and "/" in zone:
                local = zones.get(zone, {}).get("city") if zone in zones else None
                places.setdefault(local or zone.rsplit("/", 1)[1].replace("_", " "), code)
    return Finder(places, {})
