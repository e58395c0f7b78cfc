"""Inputs that are not regular files, or cannot be read: each is one IN001 naming why, it is
never opened for reading, and the good article beside it is still audited."""

from __future__ import annotations

import json
import os
import socket
import stat
import subprocess
import sys
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TypeVar

import pytest

from factcheck.documents import iter_documents, read_path
from factcheck.documents.opening import opened
from factcheck.errors import InputError

WRONG = ("Perusahaan itu merugi US$ 5 miliar atau sekitar Rp 77,5 triliun, sementara "
         "pendapatannya US$ 3 miliar (Rp 52 triliun).\n")
REGULAR_ONLY = "only regular files are read"
T = TypeVar("T")


@pytest.fixture()
def folder(tmp_path: Path) -> Iterator[Path]:
    """A good article beside a pipe, a link to /dev/zero and a socket, all with article
    suffixes (so a directory walk picks them up)."""
    (tmp_path / "good.md").write_text(WRONG, encoding="utf-8")
    os.mkfifo(tmp_path / "feed.md")
    (tmp_path / "zero.txt").symlink_to("/dev/zero")
    server = socket.socket(socket.AF_UNIX)
    server.bind(str(tmp_path / "sock.jsonl"))
    yield tmp_path
    server.close()


def _audit(*args: str | Path, cwd: Path) -> subprocess.CompletedProcess[str]:
    """The command in a fresh process that must be done within a few seconds (a run that
    opens the pipe blocks forever, and one that reads /dev/zero never ends)."""
    return subprocess.run([sys.executable, "-m", "factcheck", "audit", *map(str, args),
                           "--format", "json", "--fail-on", "never"],
                          capture_output=True, text=True, timeout=60, cwd=cwd, check=False)


def _unreadable(output: str) -> dict[str, str]:
    findings = json.loads(output)["findings"]
    return {Path(f["path"]).name: f["message"] for f in findings if f["code"] == "IN001"}


def test_special_files_in_a_folder_are_reported_and_the_good_article_audited(
        folder: Path) -> None:
    done = _audit(folder, cwd=folder)
    assert done.returncode == 2, done.stderr
    assert _unreadable(done.stdout) == {
        "feed.md": f"not a regular file (a named pipe); {REGULAR_ONLY}",
        "zero.txt": f"not a regular file (a character device); {REGULAR_ONLY}",
        "sock.jsonl": f"not a regular file (a socket); {REGULAR_ONLY}",
    }
    findings = json.loads(done.stdout)["findings"]
    assert "FX001" in [f["code"] for f in findings if f["path"].endswith("good.md")]


@pytest.mark.parametrize("engine", [[], ["--jobs", "2"]])
def test_special_files_named_are_reported_and_the_good_article_audited(
        folder: Path, engine: list[str]) -> None:
    done = _audit("feed.md", "good.md", "/dev/zero", "zero.txt", "sock.jsonl", *engine,
                  cwd=folder)
    assert done.returncode == 2, done.stderr
    unreadable = _unreadable(done.stdout)
    assert set(unreadable) == {"feed.md", "zero", "sock.jsonl"}  # zero.txt is /dev/zero
    assert unreadable["zero"] == f"not a regular file (a character device); {REGULAR_ONLY}"
    assert any(f["code"] == "FX001" for f in json.loads(done.stdout)["findings"])


def test_special_files_are_never_claims_either(folder: Path) -> None:
    (folder / "claims").mkdir()  # a walked folder's claims files are those in claims/
    os.mkfifo(folder / "claims" / "claims.yaml")
    (folder / "claims" / "rates.csv").symlink_to("/dev/zero")
    done = _audit(folder, cwd=folder)
    unreadable = _unreadable(done.stdout)
    assert unreadable["claims.yaml"] == f"not a regular file (a named pipe); {REGULAR_ONLY}"
    assert unreadable["rates.csv"] == (
        f"not a regular file (a character device); {REGULAR_ONLY}")


def _within(seconds: float, task: Callable[[], T]) -> T:
    """``task()``, which must be done within ``seconds`` (it runs in a thread that a
    blocked open would hold for ever)."""
    outcome: list[T] = []
    worker = threading.Thread(target=lambda: outcome.append(task()), daemon=True)
    worker.start()
    worker.join(timeout=seconds)
    assert outcome, f"not done within {seconds} s"
    return outcome[0]


def test_extract_reads_around_them(folder: Path) -> None:
    items = _within(20, lambda: list(iter_documents([folder, folder / "feed.md"])))
    errors = sorted((Path(str(e.path)).name, e.message) for e in items
                    if isinstance(e, InputError))
    assert [name for name, _ in errors] == ["feed.md", "feed.md", "sock.jsonl", "zero.txt"]
    assert [d.path for d in items if not isinstance(d, InputError)] == [
        str(folder / "good.md")]


def test_a_pipe_swapped_in_after_the_check_is_refused_without_blocking(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The race: the path is a regular file when checked and a pipe when opened."""
    regular = os.stat(__file__)
    pipe = tmp_path / "feed.txt"
    os.mkfifo(pipe)
    real_stat = os.stat
    monkeypatch.setattr(os, "stat", lambda path, *a, **k: regular if str(path) == str(
        pipe) else real_stat(path, *a, **k))

    def attempt() -> str:
        try:
            with opened(str(pipe)):
                return "opened"
        except InputError as error:
            return error.message

    assert _within(10, attempt) == f"not a regular file (a named pipe); {REGULAR_ONLY}"


def test_a_directory_named_like_a_file_and_a_vanished_file(tmp_path: Path) -> None:
    folder = tmp_path / "article.md"
    folder.mkdir()
    documents, errors = read_path(folder)
    assert documents == [] and [(e.path, e.message) for e in errors] == [
        (str(folder), f"not a regular file (a directory); {REGULAR_ONLY}")]
    _, errors = read_path(tmp_path / "gone.md")
    assert errors[0].message == "cannot read: No such file or directory"


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads any file")
def test_a_file_without_read_permission(tmp_path: Path) -> None:
    secret = tmp_path / "secret.md"
    secret.write_text(WRONG, encoding="utf-8")
    secret.chmod(stat.S_IWUSR)
    _, errors = read_path(secret)
    assert errors[0].message == "cannot read: Permission denied"


def test_a_file_that_vanishes_between_planning_and_reading(tmp_path: Path) -> None:
    from factcheck.engine.shards import Shard, plan, read_shard

    (tmp_path / "a.md").write_text(WRONG, encoding="utf-8")
    (tmp_path / "b.md").write_text(WRONG, encoding="utf-8")
    shards = [s for s in plan([tmp_path]) if isinstance(s, Shard)]
    (tmp_path / "a.md").unlink()
    documents, errors = read_shard(shards[0])
    assert [d.path for d in documents] == [str(tmp_path / "b.md")]
    assert [(e.path, e.message) for e in errors] == [
        (str(tmp_path / "a.md"), "cannot read: No such file or directory")]
