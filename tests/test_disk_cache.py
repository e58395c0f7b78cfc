"""The user cache keeps what is built from data files between runs, and is never needed:
an absent, unwritable or turned-off directory, or a damaged file, means building again."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest

from factcheck import yamlsafe
from factcheck.disk_cache import cache_dir, digest, kept
from factcheck.errors import ConfigError
from factcheck.lang import yaml_file
from factcheck.lang.loader import common
from factcheck.lang.schema_amounts import Amounts
from factcheck.normalise import fx
from factcheck.normalise.pegs import with_pegs


def counting_builder(calls: list[int]) -> object:
    def build() -> dict[str, list[float]]:
        calls.append(1)
        return {"USD": [1.5, 2.5]}
    return build


def test_a_value_is_built_once_then_read_back(tmp_path: Path,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FACTCHECK_CACHE_DIR", str(tmp_path / "cache"))
    calls: list[int] = []
    first = kept("table", digest("a"), counting_builder(calls))  # type: ignore[arg-type]
    again = kept("table", digest("a"), counting_builder(calls))  # type: ignore[arg-type]
    assert first == again == {"USD": [1.5, 2.5]} and len(calls) == 1
    kept("table", digest("b"), counting_builder(calls))  # type: ignore[arg-type]
    assert len(calls) == 2  # other data, other key
    assert [p.name for p in (tmp_path / "cache").iterdir()] == [f"table-{digest('b')}.marshal"]


def test_a_damaged_file_is_built_again(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FACTCHECK_CACHE_DIR", str(tmp_path))
    (tmp_path / f"table-{digest('a')}.marshal").write_bytes(b"\x00garbage")
    calls: list[int] = []
    assert kept("table", digest("a"), counting_builder(calls)) == {"USD": [1.5, 2.5]}  # type: ignore[arg-type]
    assert len(calls) == 1


@pytest.mark.skipif(hasattr(os, "geteuid") and os.geteuid() == 0,
                    reason="root writes to a read-only directory")
def test_an_unwritable_directory_builds_in_memory(tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    tmp_path.chmod(0o500)
    monkeypatch.setenv("FACTCHECK_CACHE_DIR", str(tmp_path / "cache"))
    calls: list[int] = []
    assert kept("table", digest("a"), counting_builder(calls)) == {"USD": [1.5, 2.5]}  # type: ignore[arg-type]
    tmp_path.chmod(0o700)


def test_a_directory_that_cannot_exist_builds_in_memory(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a directory")
    monkeypatch.setenv("FACTCHECK_CACHE_DIR", str(blocker / "cache"))
    calls: list[int] = []
    for _ in range(2):
        assert kept("table", digest("a"), counting_builder(calls)) == {"USD": [1.5, 2.5]}  # type: ignore[arg-type]
    assert len(calls) == 2


def test_turned_off(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FACTCHECK_CACHE_DIR", "off")
    assert cache_dir() is None


def test_the_ecb_table_read_back_is_the_table_parsed(tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FACTCHECK_CACHE_DIR", str(tmp_path))
    data = fx._ecb_history().read_bytes()
    parsed = fx._parse_ecb(data, "history")
    fx._ecb_table.cache_clear()
    try:
        built, read_back = fx._ecb_table(), None
        fx._ecb_table.cache_clear()
        read_back = fx._ecb_table()
    finally:
        fx._ecb_table.cache_clear()
    assert any(tmp_path.iterdir())
    for table in (built, read_back):
        assert {code: (s.days, s.rates) for code, s in table.items()} == parsed


def test_the_pegged_series_read_back_are_those_the_pegs_give(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FACTCHECK_CACHE_DIR", str(tmp_path))
    expected = with_pegs(fx._ecb_table(), common().currency_pegs.pegs)
    assert set(expected[0]) - set(fx._ecb_table())  # the table lacks some pegged currencies
    fx._ecb_with_pegs.cache_clear()
    try:
        built = fx._ecb_with_pegs()
        fx._ecb_with_pegs.cache_clear()
        read_back = fx._ecb_with_pegs()
    finally:
        fx._ecb_with_pegs.cache_clear()
    assert [p.name.split("-")[1] for p in tmp_path.glob("ecb-pegged-*")]
    for table, notes in (built, read_back):
        assert list(table) == list(expected[0]) and table == expected[0] and notes == expected[1]


def test_a_language_file_is_parsed_once_and_its_errors_still_name_the_line(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FACTCHECK_CACHE_DIR", str(tmp_path / "cache"))
    folder = tmp_path / "xx"
    folder.mkdir()
    source = Path(yaml_file.__file__).parent / "en" / "amounts.yaml"
    copy = folder / "amounts.yaml"
    copy.write_text(source.read_text(encoding="utf-8"), encoding="utf-8")
    parsed: list[str] = []
    real = yamlsafe.load_yaml

    def counting(text: str, where: str, error: type[ConfigError]) -> Any:
        parsed.append(where)
        return real(text, where, error)

    monkeypatch.setattr(yaml_file, "load_yaml", counting)
    first = yaml_file.read_yaml_file(copy, Amounts)
    again = yaml_file.read_yaml_file(copy, Amounts)
    assert first == again == yaml_file.read_yaml_file(source, Amounts) and len(parsed) == 2
    bad = folder / "amounts.yaml"  # the same name, other text: another key
    bad.write_text("percent_words: [percent]\nscale_words: 12\n", encoding="utf-8")
    for _ in range(2):
        with pytest.raises(ConfigError) as raised:
            yaml_file.read_yaml_file(bad, Amounts)
        assert raised.value.line is not None
