"""The checks' documentation on the report and the desk, in the locale where it is
translated, in English elsewhere, said once above the checks."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from factcheck.i18n import LOCALE_DIR, LOCALES, SOURCE_LOCALE, check_docs
from factcheck.i18n.check_docs import (
    english_hash,
    localised_rules,
    main,
    stale_translations,
    translated_doc,
)
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


def test_the_rules_are_shown_in_the_locale_where_translated(
        monkeypatch: pytest.MonkeyPatch) -> None:
    translated = check_docs.translated_doc
    monkeypatch.setattr(check_docs, "translated_doc",  # as if AR001 were not translated
                        lambda code, locale: None if code == "AR001" else translated(code, locale))
    rules = [rule_info(code) for code in ("AR001", "FX001")]
    shown, english = localised_rules(rules, "fr")
    assert english == ["AR001"] and shown[0] == rules[0]
    assert shown[1].summary.startswith("des conversions d'un même document")
    assert shown[1].doc == translated_doc("FX001", "fr").rstrip("\n")  # type: ignore[union-attr]
    assert (shown[1].code, shown[1].name, shown[1].severity) == (
        rules[1].code, rules[1].name, rules[1].severity)
    assert localised_rules(rules, "en") == (rules, [])
    assert translated("../FX001", "fr") is None  # a code is never a path


def _english() -> dict[str, str]:
    return {code: rule_info(code).doc for code in sorted(all_checks())}


def test_every_translation_translates_its_check_s_english_as_it_is_now() -> None:
    stale = stale_translations(_english())
    assert not stale, (
        "translated before their check's English documentation changed: "
        + ", ".join(f"{code} in {locale}" for locale, code in stale)
        + "; bring them up to date, then `python -m factcheck.i18n.check_docs --record "
          "LOCALE CODE...`")


def test_a_changed_english_documentation_names_the_check_and_each_locale() -> None:
    english = _english()
    english["FX001"] += "\n    One more sentence."
    assert stale_translations(english) == [(locale, "FX001") for locale in TRANSLATED]
    english = _english()
    english["DT002"] = english["DT002"].replace("(none)", "none.")
    assert ("fr", "DT002") in stale_translations(english)
    assert english_hash(" a doc\n") == english_hash("a doc")  # the ends' white space aside


def test_the_command_lists_the_stale_translations(capsys: pytest.CaptureFixture[str],
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    assert main(["--stale"]) == 0 and capsys.readouterr().out == ""
    monkeypatch.setattr(check_docs, "english_hash", lambda doc: "0" * 16)
    assert main(["--stale"]) == 1
    out = capsys.readouterr().out.splitlines()
    assert len(out) == len(FILES) and out == sorted(out)
    assert out[0].startswith("fr ") and "the English documentation changed" in out[0]


def test_the_command_refuses_a_record_of_what_is_not_translated(
        capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stop:
        main(["--record", "fr", "../FX001"])
    assert stop.value.code == 2 and "../FX001" in capsys.readouterr().err
