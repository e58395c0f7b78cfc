"""Shards: cutting a JSON Lines archive into blocks and batching small files must read
exactly what reading each file whole reads."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.documents import read_path
from factcheck.engine.shards import Shard, plan, read_shard

TEXTS = st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), min_size=1,
                max_size=60).filter(str.strip)


def _read_all(path: Path, block: int) -> tuple[list[object], list[tuple[object, ...]]]:
    documents, errors = [], []
    for shard in plan([path], block=block):
        assert isinstance(shard, Shard)
        found, bad = read_shard(shard)
        documents.extend(found)
        errors.extend(bad)
    return documents, [(e.path, e.line, e.field, e.message) for e in errors]


@settings(max_examples=60, deadline=None)
@given(texts=st.lists(TEXTS, min_size=1, max_size=25),
       broken=st.sets(st.integers(0, 24)), blank=st.sets(st.integers(0, 24)),
       block=st.integers(1, 400))
def test_blocks_read_what_the_whole_file_reads(
    tmp_path_factory: object, texts: list[str], broken: set[int], blank: set[int], block: int
) -> None:
    lines = []
    for i, text in enumerate(texts):
        if i in blank:
            lines.append("")
        lines.append("{not json" if i in broken else json.dumps({"id": f"d{i}", "text": text}))
    folder = tmp_path_factory.mktemp("archive")  # type: ignore[attr-defined]
    path = folder / "archive.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    whole_docs, whole_errors = read_path(path)
    docs, errors = _read_all(path, block)
    assert docs == whole_docs  # paths, texts and every anchor (file line and column)
    assert sorted(errors, key=repr) == sorted(
        [(e.path, e.line, e.field, e.message) for e in whole_errors], key=repr)


def test_a_large_archive_is_cut_at_line_starts_with_the_file_line_numbers(
        tmp_path: Path) -> None:
    path = tmp_path / "a.jsonl"
    path.write_text("".join(json.dumps({"id": i, "text": f"Harga naik {i}%."}) + "\n"
                            for i in range(100)), encoding="utf-8")
    shards = list(plan([path], block=500))
    assert len(shards) > 5 and all(isinstance(s, Shard) and s.kind == "jsonl" for s in shards)
    docs = [d for s in shards for d in read_shard(s)[0]]  # type: ignore[arg-type]
    assert [d.anchors[0].line for d in docs] == list(range(1, 101))
    assert [d.path for d in docs] == [f"{path}#{i}" for i in range(100)]


def test_a_bad_byte_spoils_only_its_block_and_is_named_by_file_line_and_offset(
        tmp_path: Path) -> None:
    path = tmp_path / "a.jsonl"
    lines = [json.dumps({"id": i, "text": f"Naik {i}%."}).encode() for i in range(60)]
    lines[41] = lines[41].replace(b"Naik", b"N\xffik")
    data = b"\n".join(lines) + b"\n"
    path.write_bytes(data)
    docs, errors = _read_all(path, 300)
    assert len(errors) == 1
    where, line, _, message = errors[0]
    assert (where, line) == (str(path), 42)
    bad_byte = data.index(b"\xff")
    assert f"at byte offset {bad_byte} " in str(message)
    read = {d.anchors[0].line for d in docs}  # type: ignore[attr-defined]
    assert 1 in read and 60 in read and 42 not in read and len(read) > 40


def test_small_files_are_batched_in_walk_order(tmp_path: Path) -> None:
    for i in range(130):
        (tmp_path / f"{i:03d}.txt").write_text(f"Harga naik {i}%.", encoding="utf-8")
    shards = [s for s in plan([tmp_path]) if isinstance(s, Shard)]
    assert [len(s.paths) for s in shards] == [64, 64, 2]
    assert [p for s in shards for p in s.paths] == sorted(str(p) for p in tmp_path.iterdir())


def test_ids_repeated_across_blocks_are_reported_as_reading_the_whole_file_reports_them(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from factcheck.engine import shards
    from factcheck.engine.audit import audit_inputs
    from factcheck.engine.settings import AuditJob

    path = tmp_path / "a.jsonl"
    ids = [f"d{i}" for i in range(60)]
    ids[49] = ids[59] = ids[58] = "d2"  # the same id three more times, in later blocks
    wrong = "Rugi US$ 5 miliar (Rp 77,5 triliun) dan US$ 3 miliar (Rp 52 triliun)."
    path.write_text("".join(json.dumps({"id": ident, "text": wrong, "lang": "id",
                                        "published": "2024-03-28"}) + "\n"
                            for ident in ids), encoding="utf-8")
    _, whole_errors = read_path(path)
    monkeypatch.setattr(shards, "BLOCK", 400)
    assert len(list(plan([path]))) > 10
    result = audit_inputs([path], AuditJob())
    repeats = [(f.line, f.message) for f in result.findings if f.code == "IN001"]
    assert repeats == [(e.line, f"id: {e.message}") for e in whole_errors]
    assert [line for line, _ in repeats] == [50, 59, 60]
    assert all("(first on line 3)" in message for _, message in repeats)
    assert result.audited == 57
    assert {f.line for f in result.findings if f.code != "IN001"} == set(range(1, 61)) - {
        50, 59, 60}  # the repeated records' own findings are taken back with them


def test_a_file_named_twice_is_audited_once_and_odd_ids_are_compared_as_text(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from factcheck.engine import shards
    from factcheck.engine.audit import audit_inputs
    from factcheck.engine.settings import AuditJob

    path = tmp_path / "a.jsonl"
    ids = [f"d{i}" for i in range(40)]
    ids[5] = ids[35] = "x\ud800"  # valid JSON (a lone surrogate), in two blocks
    path.write_text("".join(json.dumps({"id": ident, "text": "Harga naik 4%."}) + "\n"
                            for ident in ids), encoding="utf-8")
    monkeypatch.setattr(shards, "BLOCK", 300)
    result = audit_inputs([path, tmp_path, path], AuditJob())
    assert result.audited == 39
    assert [(f.line, f.message) for f in result.findings] == [
        (36, "id: duplicate id 'x\\ud800' (first on line 6)")]


def test_a_binary_archive_is_one_error_however_large(tmp_path: Path) -> None:
    path = tmp_path / "a.jsonl"
    path.write_text("".join(json.dumps({"id": i, "text": f"Naik {i}%."}) + "\n"
                            for i in range(3000)), encoding="utf-16")
    planned = list(plan([path], block=1000))
    assert len(planned) == 1
    docs, errors = read_shard(planned[0])  # type: ignore[arg-type]
    assert not docs and [e.message for e in errors] == [
        "binary file (a NUL byte in the first 8 KB)"]
