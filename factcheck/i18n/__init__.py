"""Messages in the editor's language: gettext catalogs for English, French and Indonesian.

English is the source language: every message is written in English in the code and the
templates, and translated through the catalogs in ``factcheck/i18n/locales/``
(``<locale>/LC_MESSAGES/factcheck.po``, compiled to ``factcheck.mo`` beside it; both are
in the repository, and a test keeps the compiled catalogs in step with their sources).
The catalogs are made and kept with Babel (``CATALOG_COMMANDS``; docs/languages.md,
"Messages"): extract the messages into ``factcheck.pot``, merge them into each locale's
``.po``, translate what is new there, compile the ``.mo`` files.

``translations(locale)`` is a locale's catalog (English has none: the messages as
written). ``N_`` marks a string for extraction where it is defined and translated later,
where it is shown.
"""

from __future__ import annotations

import gettext
from functools import cache
from pathlib import Path

#: The locales the messages exist in; English is the language they are written in.
LOCALES = ("en", "fr", "id")
SOURCE_LOCALE = "en"
DOMAIN = "factcheck"
LOCALE_DIR = Path(__file__).with_name("locales")
#: The functions whose string arguments are messages, beyond gettext's own: ``N_``, and
#: ``translatable`` and ``translatable_plural`` (``i18n.messages``), as ``pybabel -k`` names
#: them.
KEYWORDS = ("N_", "translatable", "translatable_plural:1,2")
#: The commands that bring the catalogs in step with the code, from the repository's root.
CATALOG_COMMANDS = (
    "pybabel extract -F babel.cfg " + " ".join(f"-k {k}" for k in KEYWORDS)
    + " --no-location --sort-output -o factcheck/i18n/locales/factcheck.pot .",
    "pybabel update -i factcheck/i18n/locales/factcheck.pot -d factcheck/i18n/locales "
    "-D factcheck --ignore-obsolete",
    "(translate the new entries of factcheck/i18n/locales/*/LC_MESSAGES/factcheck.po)",
    "pybabel compile -d factcheck/i18n/locales -D factcheck",
)


def N_(text: str) -> str:
    """``text``, marked for the catalogs: translated where it is shown."""
    return text


def check_locale(locale: str) -> str:
    """``locale`` when it is one of ``LOCALES``; else a ``ValueError`` naming them."""
    if locale not in LOCALES:
        raise ValueError(f"unknown locale {locale!r}; choose one of {', '.join(LOCALES)}")
    return locale


@cache
def translations(locale: str) -> gettext.NullTranslations:
    """The catalog of ``locale`` (one of ``LOCALES``); English's is the messages as
    written. A catalog that is missing is a ``FileNotFoundError`` (a broken install)."""
    if check_locale(locale) == SOURCE_LOCALE:
        return gettext.NullTranslations()
    return gettext.translation(DOMAIN, LOCALE_DIR, languages=[locale])
