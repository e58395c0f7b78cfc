"""Currency names and signs as lookup tables, one per language.

Names are CLDR's, read through babel in the document's language (singular and plural:
"Kenyan shilling(s)", "shilling(s) kényan(s)", "Shilling Kenya"; its locale is loaded anyway
for its number symbols), with the press forms of ``<lang>/currencies.yaml`` over them. The
noun of a CLDR name alone ("naira", "shillings", "francs", "dolar") names every currency
whose name has it. Signs are those of CLDR's locales (``common/cldr_currencies.yaml``,
generated), every ISO code, and the press signs of ``common/currencies.yaml`` over them.

A reading is the set of codes a name or sign may stand for: one code is certain, more are a
family the document's evidence decides between (``extract/currency_evidence.py``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from factcheck.disk_cache import kept
from factcheck.lang.cldr_data import cldr_key, territory_currencies
from factcheck.lang.loader import common, language
from factcheck.lang.schema_currencies import NameReading

Reading = frozenset[str]
"""The ISO 4217 codes a written name or sign may stand for."""

SPACES = re.compile(r"[\s\u00a0\u202f\u2009]+")
PARENTHESES = re.compile(r"\s*\([^)]*\)")


def normalise(text: str) -> str:
    """A name or sign as the tables key it: runs of any space one space, ’ an apostrophe."""
    return SPACES.sub(" ", text.replace("’", "'")).strip()


def name_key(text: str) -> str:
    return normalise(text).lower()


def reading(written: NameReading) -> Reading:
    return frozenset({written} if isinstance(written, str) else written)


def is_code(sign: str) -> bool:
    return len(sign) == 3 and sign.isalpha() and sign.isupper()


def needs_evidence(sign: str) -> bool:
    """A sign of one or two letters ("Rs", "Sh", "N", "DA") is also an abbreviation or a
    word, and so is a code other than the common ones ("ALL", "TOP"): it is money only with
    evidence, or for a code after a scale word (``common/currencies.yaml``)."""
    cur = common().currencies
    if is_code(sign):
        return sign not in cur.common_codes and sign not in cur.code_aliases
    letters = normalise(sign).replace(".", "")
    return letters.isalpha() and len(letters) <= 2 and sign not in cur.read_alone


@dataclass(frozen=True, eq=False)
class CurrencyWords:
    """The currency names and signs read in a text of one language."""

    lang: str
    codes: frozenset[str]
    names: dict[str, Reading]  # name_key -> reading
    first_words: dict[str, tuple[str, ...]]  # a name's first word -> its names, longest first
    signs: dict[str, Reading]  # normalise()d sign, case as written -> reading
    sign_factors: dict[str, float]  # signs that write a scale too ("G$")
    scale_only: frozenset[str]

    def name(self, written: str) -> Reading | None:
        return self.names.get(name_key(written))

    def sign(self, written: str) -> Reading | None:
        return self.signs.get(normalise(written))


def cldr_names(lang: str, codes: frozenset[str]) -> dict[str, set[str]]:
    """CLDR's names of ``codes`` in ``lang``, singular and plural, each also without its
    parenthesis ("franc CFA (BCEAO)"): {name_key: codes}."""
    singular, plural = _cldr_forms(lang, codes)
    found: dict[str, set[str]] = {}
    for code in sorted(codes):
        forms = {singular.get(code) or ""}
        if code in plural:
            forms |= set(plural[code])
        for form in forms:
            for key in {name_key(form), name_key(PARENTHESES.sub("", form))} - {""}:
                found.setdefault(key, set()).add(code)
    return found


def _cldr_forms(lang: str, codes: frozenset[str]
                ) -> tuple[dict[str, str], dict[str, list[str]]]:
    """CLDR's singular name and plural forms of each of ``codes`` in ``lang``, kept in the
    user cache (reading a locale's CLDR data costs more than a short article's audit)."""
    def read() -> tuple[dict[str, str], dict[str, list[str]]]:
        from babel import Locale

        data = Locale.parse(lang)._data  # babel has no public accessor for the plural names
        singular, plural = dict(data["currency_names"]), data["currency_names_plural"]
        return ({code: singular[code] for code in sorted(codes) if code in singular},
                {code: sorted(set(dict(plural[code]).values())) for code in sorted(codes)
                 if code in plural})

    return kept(f"cldr-currency-names-{lang}",
                cldr_key("currency names", lang, *sorted(codes)), read)


def name_noun(words: list[str], first: bool, skip: frozenset[str]) -> tuple[str, list[str]]:
    """(the noun of a name's words, the words that qualify it)."""
    order = words if first else words[::-1]
    for index, word in enumerate(order):
        if word not in skip:
            rest = order[:index] + order[index + 1:]
            return word, (rest if first else rest[::-1])
    return order[0], order[1:]


FIRST_WORD = re.compile(r"[^\W\d_]+")


def _first_words(keys: list[str]) -> dict[str, tuple[str, ...]]:
    """Names by their first run of letters, as ``extract/currency_match`` looks them up at a
    word of the text: "u" for "u.s. dollars", "é" for "dollars é.-u."'s country form."""
    index: dict[str, list[str]] = {}
    for key in keys:
        first = FIRST_WORD.match(key)
        index.setdefault(first.group() if first else key.split(" ")[0], []).append(key)
    return {word: tuple(sorted(found, key=lambda k: (-len(k), k))) for word, found in index.items()}


def cldr_nouns(lang: str, names: dict[str, set[str]]) -> dict[str, set[str]]:
    """{noun: codes}: the noun of every CLDR name of more than one word ("naira" of "Nigerian
    naira", "shillings" of "Kenyan shillings"), standing for every currency it names."""
    data = language(lang).currencies
    skip = frozenset(data.noun_skip)
    nouns: dict[str, set[str]] = {}
    for key, found in names.items():
        words = key.split(" ")
        if len(words) > 1 and "(" not in key:
            noun, _ = name_noun(words, data.noun == "first", skip)
            nouns.setdefault(noun, set()).update(found)
    return nouns


def country_names(lang: str, nouns: dict[str, set[str]]) -> dict[str, set[str]]:
    """The names a currency noun and a word for a country make (``countries`` of
    ``<lang>/currencies.yaml``): "dollars É.-U.", "dollars singapouriens", and where the noun
    comes last both "Singaporean dollars" and "dollars US"; each reads as the currencies of
    that noun the country uses today (babel's territory currencies)."""
    data = language(lang).currencies
    in_use = territory_currencies(lang, tuple(sorted(data.countries)))
    found: dict[str, set[str]] = {}
    for territory, words in sorted(data.countries.items()):
        used = set(in_use[territory])
        for word in (*words.abbreviations, *words.demonyms):
            for noun, codes in nouns.items():
                if codes & used:
                    orders = [f"{noun} {word}"] + ([f"{word} {noun}"] if data.noun == "last"
                                                   else [])
                    for name in orders:
                        found.setdefault(name_key(name), set()).update(codes & used)
    return found


@cache
def currency_words(lang: str) -> CurrencyWords:
    """The tables of ``lang``: its press names, CLDR's names, and the nouns of CLDR's names."""
    cur, cldr = common().currencies, common().cldr_currencies
    codes = frozenset(cldr.codes)
    data = language(lang).currencies
    names: dict[str, Reading] = {name_key(w): reading(r) for w, r in data.names.items()
                                 if not isinstance(r, str) or r.isupper()}
    found = cldr_names(lang, codes)
    nouns = cldr_nouns(lang, found)
    for key, found_codes in (*found.items(), *nouns.items(), *country_names(lang, nouns).items()):
        names.setdefault(key, frozenset(found_codes))
    for written, same_as in data.names.items():  # "pounds: pound"
        if isinstance(same_as, str) and not same_as.isupper() and same_as in names:
            names[name_key(written)] = names[same_as]
    signs: dict[str, Reading] = {code: frozenset({code}) for code in codes}
    signs.update({normalise(s): frozenset(c) for s, c in cldr.signs.items()})
    signs.update({alias: frozenset({code}) for alias, code in cur.code_aliases.items()})
    for written, read in cur.signs.items():
        signs[normalise(written)] = reading(read)
    for written, scaled in data.signs.items():
        signs[normalise(written)] = reading(scaled.reading)
    return CurrencyWords(
        lang=lang, codes=codes, names=names, first_words=_first_words(list(names)),
        signs=signs, scale_only=frozenset(data.scale_only),
        sign_factors={normalise(w): scaled.factor for w, scaled in data.signs.items()},
    )
