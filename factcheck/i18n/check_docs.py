"""The checks' documentation in a locale, where it is translated.

A check's documentation is its module's docstring, in English (``registry.rule_info``).
Its translation is a file of the same shape, ``locales/<locale>/checks/<CODE>.txt``: a first
line "CODE name: summary" (the code and name as they are, the summary translated), then the
sections (What it flags, Why it matters, Example, Options) under translated headings. A
check with no such file is documented in English; the report and the desk say so once,
above the checks' documentation.

Each translation records the English it translates (``SOURCES``), so that a change to a
check's docstring shows which translations it left behind:
``python -m factcheck.i18n.check_docs --stale`` lists them (and a test fails on them);
``--untranslated`` lists the checks a locale does not document yet, and ``--record LOCALE
CODE...`` records a translation brought up to date.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from collections.abc import Iterable, Mapping, Sequence

from factcheck.i18n import LOCALE_DIR, LOCALES, SOURCE_LOCALE, check_locale
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


#: Each locale's record of the English its translations translate, beside them
#: (``locales/<locale>/checks/translated_from.json``): each code with the ``english_hash``
#: of the check's English documentation when it was translated.
SOURCES = "translated_from.json"


def english_hash(doc: str) -> str:
    """What a translation records of the English documentation it translates."""
    return hashlib.sha256(doc.strip().encode("utf-8")).hexdigest()[:16]


def translated_codes(locale: str) -> list[str]:
    """The codes of the checks documented in ``locale``, sorted."""
    return sorted(p.stem for p in (LOCALE_DIR / locale / "checks").glob("*.txt"))


def recorded_sources(locale: str) -> dict[str, str]:
    """Code -> the ``english_hash`` each translation of ``locale`` records."""
    path = LOCALE_DIR / locale / "checks" / SOURCES
    if not path.is_file():
        return {}
    return {str(code): str(digest)
            for code, digest in json.loads(path.read_text(encoding="utf-8")).items()}


def stale_translations(english: Mapping[str, str]) -> list[tuple[str, str]]:
    """(locale, code) of every translation whose check's English documentation (``english``:
    code -> docstring) is not the one it records, sorted: changed since, or never recorded."""
    stale = []
    for locale in LOCALES:
        if locale == SOURCE_LOCALE:
            continue
        sources = recorded_sources(locale)
        stale += [(locale, code) for code in translated_codes(locale)
                  if code in english and sources.get(code) != english_hash(english[code])]
    return stale


def record_translations(locale: str, english: Mapping[str, str], codes: Iterable[str]
                        ) -> None:
    """Record that ``locale``'s documentation of ``codes`` translates their English now."""
    sources = recorded_sources(check_locale(locale))
    sources.update({code: english_hash(english[code]) for code in codes})
    path = LOCALE_DIR / locale / "checks" / SOURCES
    path.write_text(json.dumps(dict(sorted(sources.items())), indent=2) + "\n",
                    encoding="utf-8")


def main(argv: Sequence[str] | None = None) -> int:
    """``--stale``: the translations whose English changed since (exit 1 if any);
    ``--untranslated``: the checks a locale does not document; ``--record LOCALE CODE...``:
    a translation brought up to date with its English."""
    from factcheck.registry import all_checks, rule_info

    parser = argparse.ArgumentParser(prog="python -m factcheck.i18n.check_docs")
    group = parser.add_mutually_exclusive_group(required=True)
    group.add_argument("--stale", action="store_true")
    group.add_argument("--untranslated", action="store_true")
    group.add_argument("--record", nargs="+", metavar="LOCALE CODE")
    args = parser.parse_args(argv)
    english = {code: rule_info(code).doc for code in sorted(all_checks())}
    if args.record:
        locale, codes = args.record[0], args.record[1:]
        unknown = [c for c in codes if c not in english or c not in translated_codes(locale)]
        if locale == SOURCE_LOCALE or locale not in LOCALES or unknown or not codes:
            parser.error(f"--record takes a locale ({', '.join(LOCALES[1:])}) and codes it "
                         f"documents{'; not: ' + ', '.join(unknown) if unknown else ''}")
        record_translations(locale, english, codes)
        return 0
    if args.untranslated:
        for locale in LOCALES[1:]:
            for code in sorted(set(english) - set(translated_codes(locale))):
                print(f"{locale} {code}")
        return 0
    stale = stale_translations(english)
    for locale, code in stale:
        why = ("the English documentation changed after its translation"
               if code in recorded_sources(locale) else "records no English text it translates")
        print(f"{locale} {code}: {why} (locales/{locale}/checks/{code}.txt)")
    return 1 if stale else 0


if __name__ == "__main__":
    sys.exit(main())
