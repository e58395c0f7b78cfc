"""The language data of one root folder: which languages there are, and each data file,
read once per process. ``languages()``, ``language(code)`` and ``common()`` are the
interface to the data factcheck ships.

A language is a folder holding ``language.yaml`` (its code is the folder's name); ``common/``
holds the tables every language shares. Files are read when first asked for (so that
``factcheck --help`` reads none of them) and validated by ``yaml_file``; a folder that lacks
one of :data:`LANGUAGE_FILES` is an error as soon as the languages are listed.
"""

from __future__ import annotations

import functools
import re
from pathlib import Path

from factcheck.errors import ConfigError
from factcheck.lang import ABOUT, COMMON, PACKAGE_ROOT
from factcheck.lang.schema_amounts import NUMBER_WORDS, Amounts, NumberWords, UnitNames
from factcheck.lang.schema_common import CurrencyPegs, Typography, UnitTables, WebPages
from factcheck.lang.schema_currencies import CldrCurrencies, Currencies, CurrencyNames
from factcheck.lang.schema_language import (
    STOPWORDS,
    About,
    ClaimsDrafting,
    ClaimsEntities,
    Detection,
    MoneyFormat,
    Sentences,
)
from factcheck.lang.schema_text import Conversions, Periods, Ratios, Relations, Tense, Valuation
from factcheck.lang.yaml_file import line_of, read_yaml_file

LANGUAGE_FILES = ("language.yaml", "amounts.yaml", "claims_drafting.yaml", "conversions.yaml",
                  "currencies.yaml", "detection.yaml", "money_format.yaml", "number_words.yaml",
                  "periods.yaml", "ratios.yaml", "relations.yaml", "sentences.yaml",
                  "stopwords.yaml", "tense.yaml", "units.yaml", "valuation.yaml")
"""What a language folder holds; ``common/`` holds currencies, cldr_currencies (generated),
currency_pegs, units, typography, web_pages and claims_drafting."""

_CODE = re.compile(r"[a-z]{2,3}")


class Language:
    """The data files of one language folder, each read and validated on first use."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.code = folder.name

    @functools.cached_property
    def about(self) -> About:
        return read_yaml_file(self.folder / "language.yaml", About)

    @functools.cached_property
    def amounts(self) -> Amounts:
        return read_yaml_file(self.folder / "amounts.yaml", Amounts)

    @functools.cached_property
    def claims_drafting(self) -> ClaimsDrafting:
        return read_yaml_file(self.folder / "claims_drafting.yaml", ClaimsDrafting)

    @functools.cached_property
    def conversions(self) -> Conversions:
        return read_yaml_file(self.folder / "conversions.yaml", Conversions)

    @functools.cached_property
    def currencies(self) -> CurrencyNames:
        return read_yaml_file(self.folder / "currencies.yaml", CurrencyNames)

    @functools.cached_property
    def detection(self) -> Detection:
        return read_yaml_file(self.folder / "detection.yaml", Detection)

    @functools.cached_property
    def money_format(self) -> MoneyFormat:
        return read_yaml_file(self.folder / "money_format.yaml", MoneyFormat)

    @functools.cached_property
    def number_words(self) -> NumberWords:
        return read_yaml_file(self.folder / "number_words.yaml", NUMBER_WORDS)

    @functools.cached_property
    def periods(self) -> Periods:
        return read_yaml_file(self.folder / "periods.yaml", Periods)

    @functools.cached_property
    def ratios(self) -> Ratios:
        return read_yaml_file(self.folder / "ratios.yaml", Ratios)

    @functools.cached_property
    def relations(self) -> Relations:
        return read_yaml_file(self.folder / "relations.yaml", Relations)

    @functools.cached_property
    def sentences(self) -> Sentences:
        return read_yaml_file(self.folder / "sentences.yaml", Sentences)

    @functools.cached_property
    def stopwords(self) -> tuple[str, ...]:
        return read_yaml_file(self.folder / "stopwords.yaml", STOPWORDS)

    @functools.cached_property
    def tense(self) -> Tense:
        return read_yaml_file(self.folder / "tense.yaml", Tense)

    @functools.cached_property
    def units(self) -> UnitNames:
        return read_yaml_file(self.folder / "units.yaml", UnitNames)

    @functools.cached_property
    def valuation(self) -> Valuation:
        return read_yaml_file(self.folder / "valuation.yaml", Valuation)


class Common:
    """The language-independent tables of ``common/``, each read on first use."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    @functools.cached_property
    def currencies(self) -> Currencies:
        return read_yaml_file(self.folder / "currencies.yaml", Currencies)

    @functools.cached_property
    def web_pages(self) -> WebPages:
        return read_yaml_file(self.folder / "web_pages.yaml", WebPages)

    @functools.cached_property
    def typography(self) -> Typography:
        return read_yaml_file(self.folder / "typography.yaml", Typography)

    @functools.cached_property
    def currency_pegs(self) -> CurrencyPegs:
        return read_yaml_file(self.folder / "currency_pegs.yaml", CurrencyPegs)

    @functools.cached_property
    def cldr_currencies(self) -> CldrCurrencies:
        return read_yaml_file(self.folder / "cldr_currencies.yaml", CldrCurrencies)

    @functools.cached_property
    def units(self) -> UnitTables:
        return read_yaml_file(self.folder / "units.yaml", UnitTables)

    @functools.cached_property
    def claims_drafting(self) -> ClaimsEntities:
        return read_yaml_file(self.folder / "claims_drafting.yaml", ClaimsEntities)


class LanguageData:
    """Every language under ``root`` (a folder per language) and ``root/common``."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.common = Common(root / COMMON)

    @functools.cached_property
    def languages(self) -> dict[str, Language]:
        """The languages by code, in the order of their ``list_order``."""
        try:
            folders = sorted(p for p in self.root.iterdir() if (p / ABOUT).is_file())
        except OSError as exc:
            raise ConfigError(f"cannot list the language folders: {exc}",
                              path=str(self.root)) from None
        found = [Language(folder) for folder in folders]  # as language_codes() finds them
        for language in found:
            _check_folder(language)
        _check_unique(found, "list_order")
        _check_unique(found, "detection_tie_order")
        _check_tags(found)
        found.sort(key=lambda lang: lang.about.list_order)
        return {lang.code: lang for lang in found}

    def language(self, code: str) -> Language:
        try:
            return self.languages[code]
        except KeyError:
            known = ", ".join(self.languages)
            raise ConfigError(f"unknown language {code!r} (expected one of: {known})",
                              path=str(self.root)) from None


def _check_folder(language: Language) -> None:
    if not _CODE.fullmatch(language.code):
        raise ConfigError("a language folder is named by its ISO 639 code (2 or 3 lower-case "
                          "letters)", path=str(language.folder))
    for name in LANGUAGE_FILES:
        if not (language.folder / name).is_file():
            raise ConfigError(f"language data file is missing (a language folder holds "
                              f"{', '.join(LANGUAGE_FILES)})", path=str(language.folder / name))


def _check_unique(found: list[Language], field: str) -> None:
    first: dict[int, Language] = {}
    for language in found:
        value = getattr(language.about, field)
        if value in first:
            path = language.folder / ABOUT
            raise ConfigError(f"{value} is also the {field} of {first[value].code}",
                              path=str(path), line=line_of(path, (field,)), field=field)
        first[value] = language


def _check_tags(found: list[Language]) -> None:
    owner = {language.code: language.code for language in found}
    for language in found:
        for index, tag in enumerate(language.about.tags):
            if owner.setdefault(tag, language.code) != language.code:
                path = language.folder / ABOUT
                raise ConfigError(f"tag {tag!r} already names {owner[tag]}", path=str(path),
                                  line=line_of(path, ("tags", index)), field=f"tags[{index}]")


@functools.cache
def language_data(root: Path = PACKAGE_ROOT) -> LanguageData:
    """The language data under ``root`` (by default the data factcheck ships), read once."""
    return LanguageData(root)


def languages() -> tuple[str, ...]:
    """The codes of the languages factcheck reads, in their ``list_order``."""
    return tuple(language_data().languages)


def language(code: str) -> Language:
    """The data of one language (a ``ConfigError`` for a code with no folder)."""
    return language_data().language(code)


def common() -> Common:
    """The language-independent tables."""
    return language_data().common
