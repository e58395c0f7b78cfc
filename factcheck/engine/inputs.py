"""Which files an audit reads, and as what: the project's article and claims globs and its
exclusions, applied where the inputs are walked.

- A directory named on the command line (or the project's root, when no path is named)
  is walked in sorted order, hidden entries and word processors' lock files ("~$")
  skipped and links to directories not followed; a file in it is an article when it
  matches an ``articles`` glob, claims data when it matches a ``claims`` glob, and neither
  when it or a folder above it matches an ``exclude`` glob (an excluded folder is not
  walked).
- A file named on the command line is read as given (claims data by its suffix, .yaml,
  .yml, .json or .csv; an article otherwise), as ruff does; with ``force_exclude`` (for
  pre-commit, which names every changed file) it must match the globs like a walked file.
- The configuration file and the baseline are never inputs, however they are reached.

Globs follow .gitignore: ``*`` and ``?`` stay within a folder, ``**`` spans folders, a
pattern with no ``/`` matches a name at any depth, and one with a ``/`` is anchored at the
root. A path is matched relative to the project's root; a file outside it, relative to
the folder above the directory named.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from factcheck.documents.given import GivenInput
from factcheck.documents.walk import walk
from factcheck.errors import InputError

CLAIMS_SUFFIXES = frozenset({".yaml", ".yml", ".json", ".csv"})


@cache
def glob_regex(pattern: str) -> re.Pattern[str]:
    """The regular expression of a .gitignore-style glob over "/"-separated paths."""
    text = pattern.strip().replace("\\", "/").rstrip("/")
    anchored = "/" in text
    text = text.lstrip("/")
    out, i = [], 0
    while i < len(text):
        if text.startswith("**/", i):
            out.append("(?:.*/)?")
            i += 3
        elif text.startswith("**", i):
            out.append(".*")
            i += 2
        elif text[i] == "*":
            out.append("[^/]*")
            i += 1
        elif text[i] == "?":
            out.append("[^/]")
            i += 1
        elif text[i] == "[" and "]" in text[i + 2:]:
            end = text.index("]", i + 2)
            body = text[i + 1:end]
            negate = body.startswith("!")
            body = re.escape(body[1:] if negate else body).replace("\\-", "-")
            out.append(f"[{'^' if negate else ''}{body}]")
            i = end + 1
        else:
            out.append(re.escape(text[i]))
            i += 1
    return re.compile(("" if anchored else "(?:.*/)?") + "".join(out) + r"\Z", re.DOTALL)


def matches(path: str, patterns: Sequence[str]) -> bool:
    return any(glob_regex(p).match(path) for p in patterns)


@dataclass(frozen=True)
class InputSelection:
    """The globs that say which files are articles and which claims, relative to ``root``;
    ``never`` holds the real paths of files that are never inputs; ``only`` keeps one kind
    ("articles" or "claims")."""

    root: Path
    articles: tuple[str, ...]
    claims: tuple[str, ...]
    exclude: tuple[str, ...] = ()
    never: frozenset[str] = frozenset()
    force_exclude: bool = False
    only: str | None = None

    def _relative(self, path: Path, walked: Path) -> str:
        absolute = os.path.abspath(path)
        root = os.path.abspath(self.root)
        if os.path.commonpath([absolute, root]) == root:
            return Path(os.path.relpath(absolute, root)).as_posix()
        return Path(os.path.relpath(absolute, os.path.dirname(os.path.abspath(walked)))
                    ).as_posix()

    def excluded(self, relative: str) -> bool:
        """Whether a path, or a folder above it, matches an ``exclude`` glob."""
        parts = relative.split("/")
        return any(matches("/".join(parts[:n]), self.exclude) for n in range(1, len(parts) + 1))

    def kind(self, relative: str) -> str | None:
        """"articles", "claims" or None for a walked file's relative path."""
        if self.excluded(relative):
            return None
        if matches(relative, self.claims):
            return "claims"
        if matches(relative, self.articles):
            return "articles"
        return None

    def _walk(self, folder: Path) -> Iterator[tuple[Path, str | None]]:
        """(path, kind) of the files under ``folder`` (``documents.walk``, excluded folders
        not entered); a folder that cannot be listed is yielded with kind "unlisted" for
        the reader to report."""
        for found in walk(folder, keep=lambda _: True,
                          descend=lambda path: not self.excluded(self._relative(path, folder))):
            if isinstance(found, InputError):
                yield Path(found.path or folder), "unlisted"
            else:
                yield found, self.kind(self._relative(found, folder))

    def _named(self, path: Path) -> str | None:
        if self.force_exclude:
            return self.kind(self._relative(path, path))
        return "claims" if path.suffix.lower() in CLAIMS_SUFFIXES else "articles"

    def split(self, paths: Sequence[Path | str | GivenInput]
              ) -> tuple[list[Path | GivenInput], list[Path | GivenInput]]:
        """(article inputs, claims files) of ``paths``, or of the root when there are none.
        An article input may be a folder that could not be listed, for the reader to
        report. An input given whole (standard input) is claims data by the suffix of its
        name, and never excluded."""
        articles: list[Path | GivenInput] = []
        claims: list[Path | GivenInput] = []
        seen: set[str] = set()
        for item in paths:
            if isinstance(item, GivenInput):
                is_claims = Path(item.name).suffix.lower() in CLAIMS_SUFFIXES
                if self.only in (None, "claims" if is_claims else "articles"):
                    (claims if is_claims else articles).append(item)
        named = [Path(p) for p in paths if not isinstance(p, GivenInput)]
        for given in named or ([] if paths else [_relative_to_cwd(self.root)]):
            if _is_dir(given):
                found: Iterator[tuple[Path, str | None]] = self._walk(given)
            else:
                found = iter([(given, self._named(given))])
            for path, kind in found:
                real = os.path.realpath(path)
                if kind is None or real in seen or real in self.never:
                    continue
                seen.add(real)
                if kind == "unlisted":
                    articles.append(path)
                elif self.only in (None, kind):
                    (claims if kind == "claims" else articles).append(path)
        return articles, claims


def _is_dir(path: Path) -> bool:
    try:
        return path.is_dir()
    except OSError:
        return False


def _relative_to_cwd(path: Path) -> Path:
    """The root as the working directory names it, so that findings name files so too."""
    try:
        return Path(os.path.relpath(path))
    except ValueError:  # another drive
        return path
