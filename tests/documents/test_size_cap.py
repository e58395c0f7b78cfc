"""The size cap: a file read whole above it, or a record of an archive above it, is one IN001
naming its size and the cap, and is never read whole; an archive larger than the cap is read."""

from __future__ import annotations

import io
import json
import subprocess
import sys
import time
from pathlib import Path

import pytest

from factcheck.claims.loaders import load_claims
from factcheck.documents import MAX_INPUT_SIZE, read_path
from factcheck.documents.opening import read_upto
from factcheck.engine.audit import audit_inputs
from factcheck.engine.settings import AuditJob
from factcheck.engine.shards import Shard, plan, read_shard

WRONG = ("Perusahaan itu merugi US$ 5 miliar atau sekitar Rp 77,5 triliun, sementara "
         "pendapatannya US$ 3 miliar (Rp 52 triliun).")
CAP = "is over the input size cap of"


def _over(what: str, size: int, cap: int) -> str:
    return f"{what} of {size:,} bytes {CAP} {cap:,} bytes (--max-input-size)"


def test_the_default_cap_is_64_mib() -> None:
    assert MAX_INPUT_SIZE == 64 * 1024 * 1024


def test_a_huge_file_is_refused_by_its_size_before_it_is_read(tmp_path: Path) -> None:
    huge = tmp_path / "huge.md"
    with huge.open("wb") as handle:
        handle.truncate(10 * 1024**3)  # 10 GiB, sparse: reading it would take minutes
    started = time.monotonic()
    documents, errors = read_path(huge)
    assert time.monotonic() - started < 1
    assert not documents and [(e.path, e.message) for e in errors] == [
        (str(huge), _over("file", 10 * 1024**3, MAX_INPUT_SIZE))]


def test_a_file_at_the_cap_is_read_and_one_byte_more_is_not(tmp_path: Path) -> None:
    text = (WRONG + "\n").encode()
    path = tmp_path / "a.txt"
    path.write_bytes(text)
    assert read_path(path, max_size=len(text))[0][0].text == text.decode()
    assert [e.message for e in read_path(path, max_size=len(text) - 1)[1]] == [
        _over("file", len(text), len(text) - 1)]


def test_a_file_that_grows_past_the_cap_while_read_is_not_read_past_it() -> None:
    data = io.BufferedReader(io.BytesIO(b"x" * 2000))  # type: ignore[arg-type]
    assert read_upto(data, 100, 1000) is None  # measured at 100 bytes, 2,000 by now
    data.seek(0)
    assert read_upto(data, 100, 5000) == b"x" * 2000
    data.seek(0)
    assert read_upto(data, 2000, 2000) == b"x" * 2000


def _archive(path: Path, long_lines: dict[int, int], count: int = 30) -> Path:
    """A JSON Lines archive whose lines ``long_lines`` (1-based) carry that many bytes."""
    lines = []
    for number in range(1, count + 1):
        record = {"id": f"d{number}", "text": f"Harga naik {number}%."}
        if number in long_lines:
            record["text"] += " " + "x" * long_lines[number]
        lines.append(json.dumps(record))
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _planned(path: Path, block: int, cap: int) -> tuple[list[int], list[tuple[int, str]]]:
    lines, errors = [], []
    for item in plan([path], block=block, max_size=cap):
        found, bad = read_shard(item, max_size=cap) if isinstance(item, Shard) else ([], [item])
        lines.extend(d.anchors[0].line for d in found)
        errors.extend((e.line or 0, e.message) for e in bad)
    return lines, sorted(errors)


@pytest.mark.parametrize("block", [1, 40, 150, 700, 100_000])
def test_the_cap_bounds_each_line_of_an_archive_not_the_archive(
        tmp_path: Path, block: int) -> None:
    path = _archive(tmp_path / "a.jsonl", {4: 500, 5: 120, 17: 3000, 30: 255})
    cap = 300
    sizes = [len(line) for line in path.read_bytes().split(b"\n")]
    assert sizes[29] == cap - 4 and path.stat().st_size > 10 * cap
    documents, errors = read_path(path, max_size=cap)  # whole: the file is under a block
    whole = ([d.anchors[0].line for d in documents],
             sorted((e.line or 0, e.message) for e in errors))
    assert whole[0] == [n for n in range(1, 31) if n not in (4, 17)]
    assert whole[1] == [(4, _over("line", sizes[3], cap)), (17, _over("line", sizes[16], cap))]
    assert _planned(path, block, cap) == whole  # cut into blocks: the same, line for line


def test_an_archive_over_the_cap_is_audited_with_every_engine(tmp_path: Path) -> None:
    path = tmp_path / "a.jsonl"
    path.write_text("".join(json.dumps({"id": i, "text": WRONG, "lang": "id"}) + "\n"
                            for i in range(40)), encoding="utf-8")
    cap = path.stat().st_size // 10
    for jobs in (1, 2):
        result = audit_inputs([path], AuditJob(max_input_size=cap), jobs=jobs)
        assert result.audited == 40
        assert not [f for f in result.findings if f.code == "IN001"]
    refused = audit_inputs([path], AuditJob(max_input_size=100))
    assert refused.audited == 0 and len(refused.findings) == 40


def test_a_line_far_over_the_cap_is_skipped_not_held(tmp_path: Path) -> None:
    """Line 2 holds 300 MB (sparse): reading the archive with a 1 MiB cap stays small."""
    path = tmp_path / "a.jsonl"
    with path.open("wb") as handle:
        handle.write(json.dumps({"id": 1, "text": WRONG}).encode() + b"\n")
        handle.write(b'{"id": 2, "text": "' + b"x" * 10_000)  # not binary at a glance
        handle.seek(300 * 1024**2, 1)
        handle.write(b'"}\n' + json.dumps({"id": 3, "text": WRONG}).encode() + b"\n")
    script = ("import json, re, sys\n"  # VmHWM: this process's peak (ru_maxrss keeps
              "from factcheck.documents import read_path\n"  # the parent's across exec)
              "docs, errors = read_path(sys.argv[1], max_size=1 << 20)\n"
              "with open('/proc/self/status') as status:\n"
              "    peak = int(re.search(r'VmHWM:\\s*(\\d+)', status.read()).group(1))\n"
              "print(json.dumps([[d.path for d in docs], [(e.line, e.message) for e in errors],"
              " peak // 1024]))\n")
    done = subprocess.run([sys.executable, "-c", script, str(path)], capture_output=True,
                          text=True, timeout=120, check=True)
    paths, errors, peak_mb = json.loads(done.stdout)
    assert paths == [f"{path}#1", f"{path}#3"]
    assert [line for line, _ in errors] == [2]
    assert errors[0][1] == _over("line", 300 * 1024**2 + 10_021, 1 << 20)
    assert peak_mb < 150, peak_mb


def test_a_parquet_row_over_the_cap_is_an_error_on_its_row(tmp_path: Path) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    path = tmp_path / "a.parquet"
    texts = [WRONG, WRONG + " " + "é" * 200, WRONG]
    pq.write_table(pa.table({"id": ["a", "b", "c"], "text": texts}), path, row_group_size=2)
    documents, errors = read_path(path, max_size=300)
    assert [d.path for d in documents] == [f"{path}#a", f"{path}#c"]
    assert [(e.line, e.field, e.message) for e in errors] == [
        (2, "text", _over("text", len(texts[1].encode()), 300))]


def test_a_claims_file_over_the_cap_is_refused_whole(tmp_path: Path) -> None:
    path = tmp_path / "claims.yaml"
    path.write_text("- id: x\n" * 100, encoding="utf-8")
    records, errors = load_claims(path, max_size=500)
    assert not records and [(e.path, e.message) for e in errors] == [
        (str(path), _over("file", 800, 500))]


def test_an_archive_larger_than_a_block_reads_as_the_whole_text_reads(tmp_path: Path) -> None:
    from factcheck.documents import read_jsonl
    from factcheck.documents.files import BLOCK

    path = tmp_path / "a.jsonl"
    lines = [json.dumps({"id": i % 2500, "text": f"{WRONG} {i}"}) for i in range(6000)]
    lines[3000] = "{not json"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert path.stat().st_size > 3 * BLOCK
    documents, errors = read_path(path)  # in blocks, ids checked across them
    whole_documents, whole_errors = read_jsonl(path.read_text(encoding="utf-8"), str(path))
    assert len(documents) == 2500 and documents == whole_documents
    assert [(e.line, e.message) for e in errors] == [
        (e.line, e.message) for e in whole_errors]
