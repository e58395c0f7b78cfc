"""The message catalogs are complete and compiled: every message of the code and the
templates is in each locale's catalog, translated, and the compiled ``.mo`` files say what
their ``.po`` sources say. A message added without a translation fails here, with the
commands that bring the catalogs in step."""

from __future__ import annotations

import gettext
import io
from pathlib import Path

import pytest
from babel.messages.extract import DEFAULT_KEYWORDS, extract_from_dir
from babel.messages.frontend import parse_mapping_cfg
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

from factcheck.i18n import CATALOG_COMMANDS, DOMAIN, KEYWORDS, LOCALE_DIR, LOCALES, SOURCE_LOCALE

ROOT = Path(__file__).resolve().parents[2]
TRANSLATED = [locale for locale in LOCALES if locale != SOURCE_LOCALE]
HOW = "bring the catalogs in step, from the repository's root:\n    " + "\n    ".join(
    CATALOG_COMMANDS)


def _keywords() -> dict[str, object]:
    keywords: dict[str, object] = dict(DEFAULT_KEYWORDS)
    for keyword in KEYWORDS:
        name, _, spec = keyword.partition(":")
        keywords[name] = tuple(int(n) for n in spec.split(",")) if spec else None
    return keywords


def _messages_in_the_code() -> set[str]:
    with open(ROOT / "babel.cfg", encoding="utf-8") as config:
        method_map, options_map = parse_mapping_cfg(config)
    found = set()
    for _, _, message, _, _ in extract_from_dir(str(ROOT), method_map, options_map,
                                                keywords=_keywords()):
        found.add(message[0] if isinstance(message, tuple) else message)
    return found


def _catalog(locale: str) -> object:
    path = LOCALE_DIR / locale / "LC_MESSAGES" / f"{DOMAIN}.po"
    with open(path, "rb") as source:
        return read_po(source, locale=locale)


@pytest.mark.parametrize("locale", TRANSLATED)
def test_every_message_is_translated(locale: str) -> None:
    catalog = _catalog(locale)
    entries = {(m.id[0] if isinstance(m.id, tuple) else m.id): m
               for m in catalog if m.id}  # type: ignore[attr-defined]
    missing = sorted(_messages_in_the_code() - set(entries))
    assert not missing, f"not in the {locale} catalog: {missing}; {HOW}"
    untranslated = sorted(key for key, m in entries.items()
                          if "fuzzy" in m.flags or not all(
                              m.string if isinstance(m.string, tuple) else (m.string,)))
    assert not untranslated, f"not translated in {locale}: {untranslated}; {HOW}"


@pytest.mark.parametrize("locale", TRANSLATED)
def test_the_compiled_catalog_matches_its_source(locale: str) -> None:
    compiled = io.BytesIO()
    write_mo(compiled, _catalog(locale))  # type: ignore[arg-type]
    compiled.seek(0)
    expected = gettext.GNUTranslations(compiled)
    with open(LOCALE_DIR / locale / "LC_MESSAGES" / f"{DOMAIN}.mo", "rb") as shipped:
        committed = gettext.GNUTranslations(shipped)
    assert committed._catalog == expected._catalog, (  # type: ignore[attr-defined]
        f"factcheck/i18n/locales/{locale}/LC_MESSAGES/{DOMAIN}.mo is out of date; {HOW}")
