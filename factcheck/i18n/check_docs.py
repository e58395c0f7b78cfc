"""The checks' documentation in a locale, where it is translated.

A check's documentation is its module's docstring, in English (``registry.rule_info``).
Its translation is a file of the same shape, ``locales/<locale>/checks/<CODE>.txt``: a first
line "CODE name: summary" (the code and name as they are, the summary translated), then the
sections (What it flags, Why it matters, Example, Options) under translated headings. A
check with no such file is documented in English; the report and the desk say so once,
above the checks' documentation.
"""

from __future__ import annotations

from collections.abc import Iterable

from factcheck.i18n import LOCALE_DIR, SOURCE_LOCALE, check_locale
from factcheck.model import RuleInfo


def translated_doc(code: str, locale: str) -> str | None:
    """The documentation of the check ``code`` in ``locale``; None where it has none (and
    in English, the language it is written in)."""
    if check_locale(locale) == SOURCE_LOCALE or not code.isalnum():
        return None
    path = LOCALE_DIR / locale / "checks" / f"{code}.txt"
    return path.read_text(encoding="utf-8") if path.is_file() else None


def localised_rule(rule: RuleInfo, locale: str) -> RuleInfo | None:
    """``rule`` with its summary and documentation in ``locale``; None where they are not
    translated."""
    doc = translated_doc(rule.code, locale)
    if doc is None:
        return None
    first = doc.splitlines()[0] if doc else ""
    lead = f"{rule.code} {rule.name}:"
    summary = first[len(lead):].strip() if first.startswith(lead) else first.strip()
    return rule.model_copy(update={"summary": summary, "doc": doc.rstrip("\n")})


def localised_rules(rules: Iterable[RuleInfo], locale: str
                    ) -> tuple[list[RuleInfo], list[str]]:
    """The rules in ``locale`` where translated (as written elsewhere), and the codes of
    those shown in English (none in English itself)."""
    shown, english = [], []
    for rule in rules:
        translated = localised_rule(rule, locale)
        if translated is None and locale != SOURCE_LOCALE:
            english.append(rule.code)
        shown.append(translated or rule)
    return shown, english
