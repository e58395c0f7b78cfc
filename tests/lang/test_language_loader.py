"""The one loader of the language data: discovery of the language folders, a schema per
file kind, errors that name the file, line and field, and each file read once."""

from __future__ import annotations

import re
import shutil
import tempfile
from pathlib import Path
from typing import get_args

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import BaseModel

from factcheck.errors import ConfigError
from factcheck.lang import PACKAGE_ROOT, language_codes
from factcheck.lang.fields import Words
from factcheck.lang.loader import LANGUAGE_FILES, LanguageData, language, languages
from factcheck.lang.yaml_file import read_yaml_file
from factcheck.model import LANGS, Document, Lang


def copy_data(tmp_path: Path) -> Path:
    """The shipped language data, copied (YAML files only) to a root of our own."""
    root = tmp_path / "lang"
    shutil.copytree(PACKAGE_ROOT, root, ignore=shutil.ignore_patterns("*.py", "__pycache__"))
    return root


def load_everything(data: LanguageData, code: str) -> None:
    lang = data.language(code)
    for name in LANGUAGE_FILES:
        getattr(lang, "about" if name == "language.yaml" else name.removesuffix(".yaml"))
    for table in ("currencies", "currency_pegs", "units", "typography", "claims_drafting"):
        getattr(data.common, table)


def test_the_languages_are_the_folders_in_list_order() -> None:
    assert languages() == LANGS == get_args(Lang) == ("id", "fr", "en")
    folders = {p.name for p in PACKAGE_ROOT.iterdir() if (p / "language.yaml").is_file()}
    assert set(languages()) == folders == set(language_codes())
    assert "common" not in languages()


def test_the_command_line_offers_every_language_folder() -> None:
    from factcheck.cli.options import LangChoice

    assert [choice.value for choice in LangChoice] == ["auto", *sorted(languages())]


def test_a_new_folder_is_a_new_language(tmp_path: Path) -> None:
    root = copy_data(tmp_path)
    shutil.copytree(root / "en", root / "xx")
    about = root / "xx" / "language.yaml"
    about.write_text(about.read_text(encoding="utf-8")
                     .replace("name: English", "name: Test language")
                     .replace("tags: [eng]", "tags: [xxx]")
                     .replace("list_order: 3", "list_order: 0")
                     .replace("detection_tie_order: 1", "detection_tie_order: 9"),
                     encoding="utf-8")
    data = LanguageData(root)
    assert language_codes(root) == ("en", "fr", "id", "xx")
    assert tuple(data.languages) == ("xx", "id", "fr", "en")  # list_order 0 comes first
    load_everything(data, "xx")  # every file of the new folder fits its schema
    assert data.language("xx").about.name == "Test language"
    assert data.language("xx").amounts.scale_words["billion"] == 1e9


def test_a_folder_without_language_yaml_is_not_a_language(tmp_path: Path) -> None:
    root = copy_data(tmp_path)
    shutil.copytree(root / "en", root / "xx")
    (root / "xx" / "language.yaml").unlink()
    assert tuple(LanguageData(root).languages) == ("id", "fr", "en")


def test_a_language_folder_lacking_a_file_is_an_error(tmp_path: Path) -> None:
    root = copy_data(tmp_path)
    (root / "fr" / "tense.yaml").unlink()
    with pytest.raises(ConfigError) as caught:
        _ = LanguageData(root).languages
    assert caught.value.path == str(root / "fr" / "tense.yaml")
    assert "missing" in caught.value.message and "tense.yaml" in caught.value.message


def test_two_languages_with_one_list_order_is_an_error(tmp_path: Path) -> None:
    root = copy_data(tmp_path)
    about = root / "id" / "language.yaml"  # folders are read in name order: en, fr, id
    about.write_text(about.read_text(encoding="utf-8").replace("list_order: 1", "list_order: 3"),
                     encoding="utf-8")
    with pytest.raises(ConfigError) as caught:
        _ = LanguageData(root).languages
    error = caught.value
    lines = about.read_text(encoding="utf-8").splitlines()
    assert (error.path, error.field) == (str(about), "list_order")
    assert error.line is not None and lines[error.line - 1] == "list_order: 3"
    assert "3 is also the list_order of en" in error.message


def test_a_tag_of_two_languages_is_an_error(tmp_path: Path) -> None:
    root = copy_data(tmp_path)
    about = root / "en" / "language.yaml"
    about.write_text(about.read_text(encoding="utf-8").replace("tags: [eng]", "tags: [eng, fr]"),
                     encoding="utf-8")
    with pytest.raises(ConfigError, match="tag 'fr' already names fr") as caught:
        _ = LanguageData(root).languages
    assert caught.value.field == "tags[1]"


def test_an_unknown_language_names_the_known_ones() -> None:
    with pytest.raises(ConfigError, match=r"unknown language 'de' \(expected one of: id, fr, en\)"):
        language("de")


# A mutation of one data file: (file, old text, new text, field, words of the message). The
# error must be on the line where the new text is.
BROKEN = [
    ("id/amounts.yaml", "  juta: 1.0e+6", "  juta: lots", "scale_words.juta", "valid number"),
    ("id/amounts.yaml", "  juta: 1.0e+6", "  juta: -1.0e+6", "scale_words.juta", "greater than 0"),
    ("en/amounts.yaml", '"on"', "on", "carry_currency_before[12]", "valid string"),
    ("fr/amounts.yaml", "  environ: about", "  environ: roughly", "qualifiers.environ",
     "'about'"),
    ("id/amounts.yaml", "rate_default_currency: IDR", "rate_default_currency: rupiah",
     "rate_default_currency", "pattern"),
    ("id/amounts.yaml", "cents_joiners: [dan]", "cents_joiners: [dan]\nbogus_words: [x]",
     "bogus_words", "unknown field"),
    ("id/amounts.yaml", "  juta: 1.0e+6", "  juta: 1.0e+6\n  juta: 1.0e+6", "scale_words.juta",
     "duplicate key 'juta' (first on line"),
    ("fr/periods.yaml", "date_order: dmy", "date_order: ymd", "date_order", "'dmy' or 'mdy'"),
    ("en/periods.yaml", "    last year: -1", "    last year: last", "relative.year.last year",
     "valid integer"),
    ("id/number_words.yaml", "  dua: 2", "  dua: two", "units.dua", "valid integer"),
    ("fr/number_words.yaml", "grammar: text2num", "grammar: roman", "grammar",
     "'roman' is not one of 'indonesian', 'text2num'"),
    ("en/number_words.yaml", "hundred_pairing: true", "hundred_pairing: maybe",
     "hundred_pairing", "valid boolean"),
    ("fr/relations.yaml", "change:", "change:\n  sideways: [x]", "change.sideways", "'up'"),
    ("en/stopwords.yaml", "- the", "- 12", "[0]", "valid string"),
    ("id/sentences.yaml", '"no"', "no", "abbreviations[1]", "YAML reads an unquoted"),
    ("fr/sentences.yaml", " mlle,", " Mlle,", "abbreviations[3]", "lower case"),
    ("fr/money_format.yaml", "  USD: {one: dollar, many: dollars}", "  USD: {one: dollar}",
     "names.USD.many", "required field is missing"),
    ("common/currencies.yaml", "bare_dollar: USD", "bare_dollar: [USD]", "bare_dollar",
     "valid string"),
    ("common/units.yaml", "  km: kilometer", "  km: ''", "symbols.km", "at least 1 character"),
    ("fr/currencies.yaml", "  SG: {demonyms", "  XY: {demonyms", "countries.XY",
     "no territory CLDR gives a currency for"),
    ("common/typography.yaml", '"`", ', '"e", ', "apostrophes[2]",
     "cannot stand for an apostrophe"),
    ("common/currency_pegs.yaml", "rate: 3.75,", "rate: -3.75,", "pegs[7].rate",
     "greater than 0"),
    ("common/currency_pegs.yaml", "anchor: USD, rate: 3.75,", "anchor: SAR, rate: 3.75,",
     "pegs[7]", "cannot be fixed to itself"),
]


@pytest.mark.parametrize(("name", "old", "new", "field", "words"), BROKEN)
def test_a_broken_file_is_named_with_its_line_and_field(
    tmp_path: Path, name: str, old: str, new: str, field: str, words: str
) -> None:
    root = copy_data(tmp_path)
    path = root / name
    text = path.read_text(encoding="utf-8")
    assert text.count(old) >= 1
    broken = text.replace(old, new, 1)
    path.write_text(broken, encoding="utf-8")
    expected_line = broken[:text.index(old) + len(new)].count("\n") + 1
    data = LanguageData(root)
    with pytest.raises(ConfigError) as caught:
        if name.startswith("common/"):
            getattr(data.common, Path(name).stem)
        else:
            code, file = name.split("/")
            getattr(data.language(code), file.removesuffix(".yaml"))
    error = caught.value
    assert (error.path, error.line, error.field) == (str(path), expected_line, field)
    assert words in error.message
    assert str(error).startswith(f"{path}:{expected_line}: {field}: ")


def test_a_syntax_error_names_its_line(tmp_path: Path) -> None:
    path = tmp_path / "broken.yaml"
    path.write_text("names:\n  km: kilometer\n  mi: [mile\n  ton: metric_ton\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="not valid YAML") as caught:
        read_yaml_file(path, UnitNamesLike)
    assert caught.value.line is not None and caught.value.line >= 3


def test_a_bad_regular_expression_is_named(tmp_path: Path) -> None:
    root = copy_data(tmp_path)
    path = root / "id" / "conversions.yaml"
    text = path.read_text(encoding="utf-8")
    first = re.search(r"^  - '.*'$", text, re.M)
    assert first is not None
    path.write_text(text.replace(first.group(), "  - '(unclosed'", 1), encoding="utf-8")
    with pytest.raises(ConfigError, match="not a valid regular expression") as caught:
        _ = LanguageData(root).language("id").conversions
    assert caught.value.field == "pair_connectors[0]"


def test_several_errors_report_the_first_and_count_the_rest(tmp_path: Path) -> None:
    path = tmp_path / "units.yaml"
    path.write_text("names:\n  km: 1\n  mi: 2\n  ton: 3\n", encoding="utf-8")
    with pytest.raises(ConfigError) as caught:
        read_yaml_file(path, UnitNamesLike)
    assert (caught.value.line, caught.value.field) == (2, "names.km")
    assert caught.value.message.endswith("(and 2 more errors)")


def test_an_empty_or_missing_file_is_an_error(tmp_path: Path) -> None:
    empty = tmp_path / "empty.yaml"
    empty.write_text("", encoding="utf-8")
    with pytest.raises(ConfigError, match="valid dictionary"):
        read_yaml_file(empty, UnitNamesLike)
    with pytest.raises(ConfigError, match="missing") as caught:
        read_yaml_file(tmp_path / "absent.yaml", UnitNamesLike)
    assert caught.value.path == str(tmp_path / "absent.yaml")


def test_each_file_is_read_once(tmp_path: Path) -> None:
    root = copy_data(tmp_path)
    data = LanguageData(root)
    first = data.language("id").tense
    (root / "id" / "tense.yaml").write_text("not: [what, it, was]\n", encoding="utf-8")
    assert data.language("id").tense is first  # the cached copy: the file is not read again
    assert LanguageData(root) is not data  # a new root object reads afresh ...
    with pytest.raises(ConfigError):
        _ = LanguageData(root).language("id").tense  # ... and sees the broken file


def test_the_model_validates_languages_from_the_folders() -> None:
    Document(path="x", text="", lang="fr")
    with pytest.raises(ValueError, match="'id', 'fr' or 'en'"):
        Document(path="x", text="", lang="de")


class UnitNamesLike(BaseModel):
    names: dict[str, str]


class WordTable(BaseModel):
    table: dict[str, Words]


@settings(max_examples=60, deadline=None)
@given(
    st.dictionaries(st.from_regex(r"[a-z]{1,8}", fullmatch=True),
                    st.lists(st.from_regex(r"[a-z]{1,8}", fullmatch=True), min_size=1,
                             max_size=5), min_size=1, max_size=6),
    st.data(),
)
def test_the_reported_line_is_where_the_bad_item_is(
    table: dict[str, list[object]], data: st.DataObject
) -> None:
    key = data.draw(st.sampled_from(sorted(table)))
    index = data.draw(st.integers(0, len(table[key]) - 1))
    table[key][index] = 987654
    text = yaml.safe_dump({"table": table}, default_flow_style=data.draw(st.booleans()), width=20)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "table.yaml"
        path.write_text(text, encoding="utf-8")
        with pytest.raises(ConfigError) as caught:
            read_yaml_file(path, WordTable)
    bad_line = next(n for n, line in enumerate(text.splitlines(), 1) if "987654" in line)
    assert (caught.value.line, caught.value.field) == (bad_line, f"table.{key}[{index}]")
