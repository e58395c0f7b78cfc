"""The package configuration lists every folder the package installs, and the files in them.

A folder of the package that pyproject.toml does not list is installed only through a
deprecated setuptools fallback, with a warning for each at every install, unless it is data
of a listed package (a package-data pattern with a folder part, such as factcheck.lang's
"*/*.yaml" for the language folders) and include-package-data is off; a file that no
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


def _covered(name: str, file: Path) -> bool:
    """Whether a package-data pattern of the file's own package, or of the nearest listed
    package above its folder, names the file."""
    tool = _setuptools()
    listed = set(tool["packages"])  # type: ignore[call-overload]
    patterns: dict[str, list[str]] = tool["package-data"]  # type: ignore[assignment]
    parts = name.split(".")
    for depth in range(len(parts), 0, -1):
        package = ".".join(parts[:depth])
        if package in listed:
            relative = "/".join([*parts[depth:], file.name])
            return any(fnmatch.fnmatch(relative, p) for p in patterns.get(package, []))
    return False


def _data_folder(name: str, folder: Path) -> bool:
    """Whether an unlisted folder holds only data of a listed package above it (no module),
    which setuptools installs without a warning when include-package-data is off."""
    files = [p for p in folder.iterdir() if p.is_file()]
    return (_setuptools().get("include-package-data") is False
            and not any(p.suffix == ".py" for p in files)
            and all(_covered(name, p) for p in files))


def test_every_folder_of_the_package_is_listed() -> None:
    listed = set(_setuptools()["packages"])  # type: ignore[call-overload]
    folders = _folders()
    unlisted = {name for name in set(folders) - listed if not _data_folder(name, folders[name])}
    assert unlisted == set(), "add these to [tool.setuptools] packages"
    assert listed - set(folders) == set(), "these listed packages have no folder"


def test_every_data_file_is_covered_by_package_data() -> None:
    missing = []
    for name, folder in _folders().items():
        for file in folder.iterdir():
            if not file.is_file() or file.suffix in (".py", ".pyc"):
                continue
            if name == "factcheck.rules" and file.suffix == ".json":
                continue  # the repository's own CI baseline, not part of the package
            if not _covered(name, file):
                missing.append(str(file.relative_to(ROOT)))
    assert missing == []


def test_the_project_urls_are_the_ones_sarif_and_the_docs_use() -> None:
    from factcheck.report.check_docs import HOME, PAGE

    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert config["project"]["urls"] == {"Homepage": HOME, "Documentation": PAGE}
