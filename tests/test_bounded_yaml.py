"""Every YAML file is read with bounds, and no message quotes more than a short, escaped
excerpt of its input: alias bombs, recursive aliases, deep nesting and repeated keys are
errors naming the file and the line, and the inputs beside are still audited."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st

from factcheck.claims.loaders import load_claims
from factcheck.engine.audit import audit_paths
from factcheck.errors import ConfigError, InputError
from factcheck.escaping import EXCERPT_CHARS, excerpt, one_line
from factcheck.yamlsafe import MAX_DEPTH, load_yaml

GOOD = """\
- id: good-1
  source: Example News
  published: 2024-07-30
  lang: en
  subject: OpenAI
  metric: net_loss
  period: "2024"
  kind: projection
  value: up to $5 billion
"""


def bomb(levels: int, width: int = 10) -> str:
    """A "billion laughs": ``width ** levels`` strings in a few lines of aliases."""
    lines = ['- &l0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    lines += [f"- &l{i} [{', '.join([f'*l{i - 1}'] * width)}]" for i in range(1, levels)]
    return "\n".join(lines) + "\n"


def claims_bomb(levels: int) -> str:
    """A valid-looking record whose ``ignore`` is an alias bomb, after a good record."""
    anchors = bomb(levels).replace("- &", "  x&").splitlines()
    record = GOOD.replace("good-1", "bomb-1") + f"  ignore: *l{levels - 1}\n"
    return GOOD + "- anchors:\n" + "\n".join(
        "    - " + line.removeprefix("  x") for line in anchors) + "\n" + record


def test_an_alias_bomb_is_refused_at_the_alias_that_crosses_the_bound() -> None:
    text = bomb(9)  # 10^9 strings once expanded
    started = time.perf_counter()
    with pytest.raises(InputError) as caught:
        load_yaml(text, "bomb.yaml", InputError)
    assert time.perf_counter() - started < 1
    assert caught.value.path == "bomb.yaml" and caught.value.line == 5  # 10^5 strings there
    assert "aliases expand the document to more than 100,000 nodes" in caught.value.message


def test_aliases_within_the_bound_load_as_before() -> None:
    _, data = load_yaml(bomb(4), "ok.yaml", InputError)  # 10^4 strings: allowed
    assert data == yaml.safe_load(bomb(4))
    text = "base: &b {currency: USD}\nitems:\n" + "".join("  - *b\n" for _ in range(3000))
    assert load_yaml(text, "many.yaml", InputError)[1]["items"][-1] == {"currency": "USD"}


def test_a_claims_file_with_a_bomb_in_ignore_is_one_short_error_and_its_neighbours_audited(
        tmp_path: Path) -> None:
    bad = tmp_path / "a-bad.yaml"
    bad.write_text(claims_bomb(7), encoding="utf-8")  # 10^7 codes: the old loader read them
    (tmp_path / "b-good.yaml").write_text(GOOD, encoding="utf-8")
    started = time.perf_counter()
    records, errors = load_claims(bad)
    assert records == [] and len(errors) == 1
    assert errors[0].line is not None and errors[0].line > 10
    assert len(str(errors[0])) < 300
    result = audit_paths([tmp_path])
    assert time.perf_counter() - started < 30
    unreadable = [f for f in result.findings if f.path == str(bad)]
    assert [f.code for f in unreadable] == ["IN001"]
    assert result.records == 1  # the good file's record is audited
    assert not any("internal error" in f.message for f in result.findings)


def test_a_recursive_alias_and_deep_nesting_are_errors_not_crashes() -> None:
    with pytest.raises(ConfigError, match="inside the node it names") as caught:
        load_yaml("a: 1\nb: &x\n  - *x\n", "loop.yaml", ConfigError)
    assert caught.value.line == 3
    for deep in ("[" * (MAX_DEPTH + 1) + "]" * (MAX_DEPTH + 1), "- " * (MAX_DEPTH + 1) + "x\n"):
        with pytest.raises(ConfigError, match=f"nested more than {MAX_DEPTH} levels") as caught:
            load_yaml(deep, "deep.yaml", ConfigError)
        assert caught.value.line == 1
    # overflowed the C composer's stack; a newer libyaml refuses it itself while scanning
    # ahead ("exceeded maximum nesting depth"), before the bound sees an event
    deep = "[" * 200_000 + "]" * 200_000
    with pytest.raises(ConfigError, match=r"nested more than|maximum nesting depth") as caught:
        load_yaml(deep, "deep.yaml", ConfigError)
    assert caught.value.line == 1
    load_yaml("[" * MAX_DEPTH + "]" * MAX_DEPTH, "fine.yaml", ConfigError)
    load_yaml("- " * MAX_DEPTH + "x\n", "fine.yaml", ConfigError)


def test_a_repeated_key_names_both_lines_and_its_path() -> None:
    with pytest.raises(ConfigError) as caught:
        load_yaml("a:\n  b: 1\n  c: 2\n  b: 3\n", "dup.yaml", ConfigError)
    assert (caught.value.line, caught.value.field) == (4, "a.b")
    assert caught.value.message == "duplicate key 'b' (first on line 2)"
    _, data = load_yaml("x: &m {a: 1}\ny:\n  <<: *m\n  b: 2\n", "merge.yaml", ConfigError)
    assert data["y"] == {"a": 1, "b": 2}  # a merge key is not a repeated key


def test_a_claims_record_repeating_a_nested_key_is_its_own_error(tmp_path: Path) -> None:
    twice = GOOD.replace("good-1", "twice").replace(
        "value: up to $5 billion", "value:\n    amount: 5.0e+9\n    amount: 6.0e+9\n"
        "    currency: USD")
    path = tmp_path / "c.yaml"
    path.write_text(GOOD + twice, encoding="utf-8")
    records, errors = load_claims(path)
    assert [r.id for r in records] == ["good-1"]
    assert [(e.line, e.field, e.message) for e in errors] == [
        (20, "value.amount", "duplicate key (first on line 19)")]


def test_yaml_problems_quote_no_more_than_an_excerpt() -> None:
    long_alias = "a: *" + "z" * 100_000 + "\n"
    with pytest.raises(InputError) as caught:
        load_yaml(long_alias, "alias.yaml", InputError)
    assert len(str(caught.value)) < 400 and "characters)" in str(caught.value)


@given(st.text(max_size=400) | st.lists(st.text(max_size=200), max_size=50))
def test_an_excerpt_is_short_and_has_no_control_character(value: object) -> None:
    quoted = excerpt(value)
    assert len(quoted) <= 2 * EXCERPT_CHARS + 40
    assert one_line(quoted) == quoted
    assert not any(ord(c) < 0x20 or 0x7F <= ord(c) < 0xA0 for c in quoted)
    if isinstance(value, str) and len(value) <= EXCERPT_CHARS:
        assert quoted == one_line(repr(value))


def test_an_excerpt_of_an_expanded_bomb_is_immediate() -> None:
    level: list[object] = ["lol"] * 10
    for _ in range(8):
        level = [level] * 10  # 10^9 leaves, shared
    started = time.perf_counter()
    assert len(excerpt(level)) <= 2 * EXCERPT_CHARS + 1
    assert time.perf_counter() - started < 0.1


def test_an_error_prints_its_path_and_message_on_their_own_lines() -> None:
    error = InputError("bad value 'x'\nsecond line", path="a\nb:1: error FAKE\x1b[2J.md",
                       line=3, field="f\x07")
    printed = str(error)
    assert printed.splitlines() == ["a\\nb:1: error FAKE\\x1b[2J.md:3: f\\x07: bad value 'x'",
                                    "second line"]


@pytest.mark.parametrize(("front", "line", "field", "message"), [
    ("".join(f"k{i}: {row[2:]}\n" for i, row in enumerate(bomb(7).splitlines())), 6,
     "front matter",
     "aliases expand the document"),
    ("tags: &b [" + ", ".join(["x"] * 9) + "]\nlang: *b\n", 3, "lang",
     "unsupported language ['x', 'x', 'x', 'x', 'x', 'x', ...]"),
    ("title: a\nextra:\n  k: 1\n  k: 2\n", 5, "extra.k", "duplicate key 'k' (first on line 4)"),
    ("lang: " + "x" * 100_000 + "\n", 2, "lang", "unsupported language 'xxx"),
])
def test_front_matter_is_read_with_the_same_bounds(front: str, line: int, field: str,
                                                   message: str) -> None:
    from factcheck.documents import read_markdown

    with pytest.raises(InputError) as caught:
        read_markdown(f"---\n{front}---\nBody.\n", "a.md")
    assert message in caught.value.message and len(str(caught.value)) < 300
    assert (caught.value.line, caught.value.field) == (line, field)


def test_a_claims_field_of_a_megabyte_is_quoted_as_an_excerpt(tmp_path: Path) -> None:
    path = tmp_path / "long.yaml"
    path.write_text(GOOD.replace("2024-07-30", "2024-" + "7" * 1_000_000).replace(
        "net_loss", "N" * 1_000_000), encoding="utf-8")
    records, errors = load_claims(path)
    assert records == [] and {e.field for e in errors} == {"published", "metric"}
    assert all(len(str(e)) < 400 and "characters)" in str(e) for e in errors)
