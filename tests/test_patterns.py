"""Patterns kept compiled in the user cache behave exactly as ``re.compile``'s, and the
cache is never needed: damaged, turned off or unwritable, patterns are compiled again."""

from __future__ import annotations

import hashlib
import os
import re
import subprocess
import sys
from dataclasses import fields
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck import patterns
from factcheck.extract.lexicon import Lexicon, lexicon

SAMPLES = [
    "Rp 1,6 triliun (US$98 juta) pada kuartal ketiga 2024",
    "about $4.2 billion, or €3.9bn, up 12% from 2023",
    "80 milliards d'euros, soit environ 86 milliards de dollars",
    "sekitar 5 miliar dolar AS per tahun", "",
]


def lexicon_patterns() -> list[re.Pattern[str]]:
    return [value for lang in ("en", "id", "fr") for value in
            (getattr(lexicon(lang), field.name) for field in fields(Lexicon))
            if isinstance(value, re.Pattern)]


def matches(pattern: re.Pattern[str], text: str
            ) -> list[tuple[tuple[int, int], dict[str, str | Any]]]:
    return [(m.span(), m.groupdict()) for m in pattern.finditer(text)]


@pytest.fixture
def store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A fresh store over an empty cache directory."""
    monkeypatch.setenv("FACTCHECK_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setattr(patterns, "_STORE", patterns._Store())
    return tmp_path / "cache"


def reopen(monkeypatch: pytest.MonkeyPatch) -> None:
    """What the next process sees: the file written, a store not yet loaded."""
    patterns._STORE.save()
    monkeypatch.setattr(patterns, "_STORE", patterns._Store())


def test_patterns_read_back_match_as_compiled(store: Path,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    originals = lexicon_patterns()
    assert len(originals) > 30
    for pattern in originals:
        patterns.compiled(pattern.pattern, pattern.flags & ~re.UNICODE)
    reopen(monkeypatch)
    assert len(list(store.glob("patterns-*"))) == 1  # the language data may be kept beside
    for pattern in originals:
        again = patterns.compiled(pattern.pattern, pattern.flags & ~re.UNICODE)
        assert (again.pattern, again.flags, again.groups, again.groupindex) == (
            pattern.pattern, pattern.flags, pattern.groups, pattern.groupindex)
        for text in SAMPLES:
            assert matches(again, text) == matches(pattern, text)
    assert not patterns._STORE.added  # every one read back, none compiled


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet="0123456789.,  $€Rp%-abcdeilmnorstuy", max_size=40))
def test_a_pattern_read_back_finds_what_re_finds(text: str) -> None:
    source = r"(?P<cur>\$|€|Rp ?)?(?P<n>\d+(?:[.,]\d+)*)\s*(?P<scale>miliar|bn|million)?"
    saved = patterns._STORE
    patterns._STORE = patterns._Store()
    try:
        patterns._STORE.loaded = True  # no file: compiled here, then kept in memory
        first = patterns.compiled(source, re.IGNORECASE)
        again = patterns.compiled(source, re.IGNORECASE)
    finally:
        patterns._STORE = saved
    expected = re.compile(source, re.IGNORECASE)
    assert matches(first, text) == matches(again, text) == matches(expected, text)


def test_a_damaged_file_means_compiling_again(store: Path,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    patterns.compiled(r"(?P<a>x+)y")
    reopen(monkeypatch)
    path = next(store.iterdir())
    path.write_bytes(b"\x00garbage")
    assert patterns.compiled(r"(?P<a>x+)y").match("xxy") is not None
    assert patterns._STORE.added


def test_code_that_is_not_the_engine_s_is_compiled_again(
        store: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    patterns.compiled(r"a(b|c)d")
    key = (r"a(b|c)d", 0)
    flags, _, groups, names, by_index = patterns._STORE.parts[key]
    patterns._STORE.parts[key] = (flags, b"\x07\x00\x00\x00" * 3, groups, names, by_index)
    reopen(monkeypatch)
    found = patterns.compiled(r"a(b|c)d")
    assert found.fullmatch("acd") is not None and found.fullmatch("aed") is None


def test_turned_off_nothing_is_written(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FACTCHECK_CACHE_DIR", "off")
    monkeypatch.setattr(patterns, "_STORE", patterns._Store())
    assert patterns.compiled(r"\d+").findall("a1b22") == ["1", "22"]
    patterns._STORE.save()
    assert list(tmp_path.iterdir()) == []


def test_a_bad_pattern_raises_as_re_compile_does(store: Path) -> None:
    with pytest.raises(re.error):
        patterns.compiled(r"(unclosed")


def test_the_language_data_gives_the_same_patterns_in_every_process(tmp_path: Path) -> None:
    """A pattern whose text depended on the order of a set would be compiled anew in every
    process (string hashing is salted per process), and the cache would only grow."""
    script = ("import hashlib, re\n"
              "from factcheck.api import audit_text\n"
              "from factcheck import patterns\n"
              "for lang in ('en', 'id', 'fr'):\n"
              "    audit_text('Rp 5 triliun, $4 billion, 80 milliards in 2024, up 4%.', lang)\n"
              "print(hashlib.sha256(repr(sorted(patterns._STORE.used)).encode()).hexdigest())\n")
    digests = set()
    for seed in ("1", "2"):
        env = os.environ | {"PYTHONHASHSEED": seed, "FACTCHECK_CACHE_DIR": str(tmp_path)}
        done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                              env=env, check=True)
        digests.add(done.stdout.strip())
    assert len(digests) == 1 and len(hashlib.sha256().hexdigest()) == len(digests.pop())
