"""The annotated news corpus, laid out as the text the tool reads.

The corpus is third-party text (``<shared>/corpus``, see ``paths.shared_dir``): it is read
here at run time and never copied into the project. Each folder holds one JSON file per
article in the corpus's schema (``id``, ``language``, ``url``, ``title``, ``excerpt``,
``figures``, ``pairs``, ``publication_date``; optionally ``verdict`` and ``judgement``).
The shared corpus has two folders, ``articles`` and ``wider``; any other folder in the same
schema (a held-out sample) can be measured by naming it.

An article is read as its title line (when there is one) followed by the excerpt sentences,
one per line, in its language, with its ``url`` as the source and its publication date when
that is a full ISO date (a month such as "2015-05" is not used).
"""

from __future__ import annotations

import json
from bisect import bisect_right
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from benchmarks.harness.paths import shared_dir
from factcheck.model import Lang

SHARED_FOLDERS: tuple[str, ...] = ("articles", "wider")
LANGS: tuple[Lang, ...] = ("id", "fr", "en")


class CorpusError(ValueError):
    """A corpus file that does not follow the schema (names the file and the field)."""


@dataclass(frozen=True)
class CorpusArticle:
    """One corpus article, laid out as the text the tool reads."""

    id: str
    lang: Lang
    url: str | None
    published: date | None  # the publication date when it is a full ISO date
    reference_date: date | None  # the date the corpus used for reference rates, when full
    text: str
    lines: tuple[str, ...]
    line_starts: tuple[int, ...]
    has_title: bool
    figures: tuple[dict[str, Any], ...]
    pairs: tuple[dict[str, Any], ...]
    verdict: str | None  # "error", "clean" or "borderline" where the folder judges articles
    judgement: str | None
    relations: tuple[dict[str, Any], ...] = ()  # arithmetic between figures (optional)

    def sentence_of(self, offset: int) -> int:
        """Excerpt sentence index of a text offset (the title line is -1)."""
        line = bisect_right(self.line_starts, offset) - 1
        return line - 1 if self.has_title else line

    def line_start(self, sentence: int) -> int:
        return self.line_starts[sentence + 1 if self.has_title else sentence]

    def line_text(self, sentence: int) -> str:
        return self.lines[sentence + 1 if self.has_title else sentence]


def full_date(value: object) -> date | None:
    """A full ISO date, else None."""
    if not isinstance(value, str):
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        return None


def as_lang(value: object) -> Lang:
    """A language code the tool reads (``ValueError`` naming the value otherwise)."""
    if value not in LANGS:
        raise ValueError(f"{value!r} is not one of {', '.join(LANGS)}")
    return value


def load_article(path: Path) -> CorpusArticle:
    """One corpus file (``CorpusError`` naming the file and field when it is malformed)."""
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise CorpusError(f"{path}: {exc}") from exc
    if not isinstance(raw, dict):
        raise CorpusError(f"{path}: not a JSON object")
    for key, kind in (("id", str), ("language", str), ("excerpt", list)):
        if not isinstance(raw.get(key), kind):
            raise CorpusError(f"{path}: {key}: missing or not a {kind.__name__}")
    try:
        lang = as_lang(raw["language"])
    except ValueError as exc:
        raise CorpusError(f"{path}: language: {exc}") from exc
    title = raw.get("title")
    lines = ([str(title)] if title is not None else []) + [str(s) for s in raw["excerpt"]]
    starts: list[int] = []
    position = 0
    for line in lines:
        starts.append(position)
        position += len(line) + 1
    verdict = raw.get("verdict")
    return CorpusArticle(
        id=raw["id"],
        lang=lang,
        url=raw.get("url"),
        published=full_date(raw.get("publication_date")),
        reference_date=full_date(raw.get("date_used_for_reference_rates")),
        text="\n".join(lines),
        lines=tuple(lines),
        line_starts=tuple(starts),
        has_title=title is not None,
        figures=tuple(raw.get("figures") or ()),
        pairs=tuple(raw.get("pairs") or ()),
        verdict=str(verdict) if verdict is not None else None,
        judgement=raw.get("judgement"),
        relations=tuple(raw.get("relations") or ()),
    )


def holds_articles(folder: Path) -> bool:
    return folder.is_dir() and any(folder.glob("*.json"))


def load_folder(folder: Path) -> list[CorpusArticle]:
    """Every article of a folder, sorted by file name (empty when the folder is absent);
    ``CorpusError`` on the first malformed file."""
    if not folder.is_dir():
        return []
    return [load_article(path) for path in sorted(folder.glob("*.json"))]


def read_folder(folder: Path) -> tuple[list[CorpusArticle], list[str]]:
    """Every well-formed article of a folder, and a problem per malformed file or for a
    folder that is absent or holds no ``*.json`` file."""
    if not holds_articles(folder):
        return [], [f"{folder}: not a folder of corpus articles (*.json)"]
    articles: list[CorpusArticle] = []
    problems: list[str] = []
    for path in sorted(folder.glob("*.json")):
        try:
            articles.append(load_article(path))
        except CorpusError as exc:
            problems.append(str(exc))
    return articles, problems


def shared_folder(name: str) -> Path:
    """``<shared>/corpus/<name>`` (which may be absent)."""
    return shared_dir() / "corpus" / name


def shared_folders() -> list[Path]:
    """The shared corpus folders that are present and hold articles."""
    return [shared_folder(name) for name in SHARED_FOLDERS if holds_articles(shared_folder(name))]
