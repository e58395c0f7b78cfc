"""The checks' documentation on the report and the desk, in the locale where it is
translated, in English elsewhere, said once above the checks."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from factcheck.i18n import LOCALE_DIR, LOCALES, SOURCE_LOCALE
from factcheck.i18n.check_docs import localised_rules, translated_doc
from factcheck.registry import all_checks, rule_info
from factcheck.report.check_docs import _sections

TRANSLATED = [locale for locale in LOCALES if locale != SOURCE_LOCALE]
FILES = sorted(LOCALE_DIR.glob("*/checks/*.txt"))


@pytest.mark.parametrize("path", FILES, ids=lambda p: f"{p.parts[-3]}/{p.name}")
def test_a_translated_documentation_has_the_shape_of_its_check_s(path: Path) -> None:
    code, locale = path.stem, path.parts[-3]
    assert locale in TRANSLATED and code in all_checks(), path
    rule = rule_info(code)
    doc = path.read_text(encoding="utf-8")
    assert doc.startswith(f"{code} {rule.name}: ")  # the code and name as they are
    theirs, ours = list(_sections(rule.doc)), list(_sections(doc))
    assert len(ours) == len(theirs) and all(body for _, body in ours)
    assert [h for h, _ in ours] != [h for h, _ in theirs]  # the headings translated
    options = dict(theirs).get("Options", "")
    assert re.findall(r"^(\w+):", options, re.M) == re.findall(r"^(\w+) ?:", ours[-1][1],
                                                               re.M) or not options


def test_the_rules_are_shown_in_the_locale_where_translated() -> None:
    rules = [rule_info(code) for code in ("AR001", "FX001")]
    shown, english = localised_rules(rules, "fr")
    assert english == ["AR001"] and shown[0] == rules[0]
    assert shown[1].summary.startswith("des conversions d'un même document")
    assert shown[1].doc == translated_doc("FX001", "fr").rstrip("\n")  # type: ignore[union-attr]
    assert (shown[1].code, shown[1].name, shown[1].severity) == (
        rules[1].code, rules[1].name, rules[1].severity)
    assert localised_rules(rules, "en") == (rules, [])
    assert translated_doc("../FX001", "fr") is None  # a code is never a path
