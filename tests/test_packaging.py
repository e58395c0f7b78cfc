"""The package configuration lists every folder the package installs, and the files in them.

A folder of the package that pyproject.toml does not list is installed only through a
deprecated setuptools fallback, with a warning for each at every install; a file that no
package-data pattern covers is left out of the wheel.
"""

from __future__ import annotations

import fnmatch
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _setuptools() -> dict[str, object]:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    tool: dict[str, object] = config["tool"]["setuptools"]
    return tool


def _folders() -> dict[str, Path]:
    """{package name: folder} of every folder under factcheck/ that holds a file."""
    tool = _setuptools()
    renamed: dict[str, str] = tool["package-dir"]  # type: ignore[assignment]
    found = {name: ROOT / folder for name, folder in renamed.items()}
    for folder in [ROOT / "factcheck", *(ROOT / "factcheck").rglob("*")]:
        if folder.is_dir() and folder.name != "__pycache__" and any(
                p.is_file() for p in folder.iterdir()):
            found[".".join(folder.relative_to(ROOT).parts)] = folder
    return found


def test_every_folder_of_the_package_is_listed() -> None:
    listed = set(_setuptools()["packages"])  # type: ignore[call-overload]
    folders = set(_folders())
    assert folders - listed == set(), "add these to [tool.setuptools] packages"
    assert listed - folders == set(), "these listed packages have no folder"


def test_every_data_file_is_covered_by_package_data() -> None:
    patterns: dict[str, list[str]] = _setuptools()["package-data"]  # type: ignore[assignment]
    missing = []
    for name, folder in _folders().items():
        for file in folder.iterdir():
            if not file.is_file() or file.suffix in (".py", ".pyc"):
                continue
            if name == "factcheck.rules" and file.suffix == ".json":
                continue  # the repository's own CI baseline, not part of the package
            if not any(fnmatch.fnmatch(file.name, p) for p in patterns.get(name, [])):
                missing.append(str(file.relative_to(ROOT)))
    assert missing == []
