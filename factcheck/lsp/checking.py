"""Checking an editor's buffer: its text, as a file of its name, with its project's
configuration; what stays the same between keystrokes is kept.

- The configuration is discovered from the buffer's folder up, as ``factcheck audit``
  does from the working directory (``.factcheck.yaml``, ``[tool.factcheck]``), and read
  again when that file changes or another appears; without one the workspace folder is
  the project's root (so its ``claims`` folders hold claims); an untitled buffer takes the
  workspace folder's.
- The rule pack and the rate table are loaded once (``engine.settings``), and the rates
  asked for are kept (``claims.ratecache``): a re-check only reads, extracts and checks
  the text.
- A buffer is an article when the configuration's article globs take its path (any
  Markdown, text or HTML file outside the project, an untitled one by its language), and
  claims data when its claims globs do; a file they exclude, or another YAML file, is not
  checked. Claims are checked as the open file's records alone.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, replace
from pathlib import Path

from factcheck.analyse.context import DocumentContext
from factcheck.claims.ratecache import cached
from factcheck.config import ProjectConfig, load_config
from factcheck.config.files import find_config
from factcheck.documents.files import read_path
from factcheck.documents.given import GivenInput
from factcheck.engine.code_filter import select_findings
from factcheck.engine.dispatch import input_findings
from factcheck.engine.inputs import InputSelection
from factcheck.engine.runner import check_document
from factcheck.engine.settings import AuditJob, AuditSettings, job_settings
from factcheck.errors import ConfigError
from factcheck.model import AuditResult, Document, Figure, Finding
from factcheck.normalise.fx import RateProvider

#: Buffers whose path is outside the project are articles by these suffixes.
ARTICLE_SUFFIXES = frozenset({".md", ".markdown", ".txt", ".text", ".html", ".htm"})


@dataclass(frozen=True)
class Checked:
    """A buffer's check: its findings, and its documents' figures for hover (claims data:
    none). ``error`` is a configuration that could not be read."""

    path: str
    findings: tuple[Finding, ...] = ()
    documents: tuple[tuple[Document, tuple[Figure, ...]], ...] = ()
    error: str | None = None
    rates: RateProvider | None = None

    def context(self, index: int) -> DocumentContext:
        """The context the checks saw of the ``index``-th document (its conversions)."""
        document, figures = self.documents[index]
        return DocumentContext(document, figures, self.rates)


def _stamp(path: Path | None) -> tuple[int, int]:
    try:
        found = os.stat(path) if path else None
    except OSError:
        return (0, 0)
    return (found.st_mtime_ns, found.st_size) if found else (0, 0)


class BufferChecker:
    """Checks buffers; keeps configurations by folder and settings by configuration."""

    def __init__(self, workspace: Path | None = None) -> None:
        self.workspace = workspace
        self._configs: dict[Path, tuple[tuple[Path | None, int, int], ProjectConfig]] = {}
        self._settings: dict[int, tuple[AuditSettings, AuditSettings]] = {}

    def config(self, folder: Path) -> ProjectConfig:
        """The configuration that applies in ``folder`` (``ConfigError`` if it is bad):
        the first file from there up; without one, the defaults with the workspace
        folder as the root (as the working directory is for the command line)."""
        found = find_config(folder)
        stamp = (found, *_stamp(found))
        known = self._configs.get(folder)
        if known is not None and known[0] == stamp:
            return known[1]
        config = load_config(folder)
        workspace = self.workspace.absolute() if self.workspace else None
        if config.file is None and workspace is not None and folder.is_relative_to(workspace):
            config = load_config(workspace)
        self._configs[folder] = (stamp, config)
        return config

    def settings(self, config: ProjectConfig) -> AuditSettings:
        """The pack and rates of ``config``, loaded once, the rates' answers kept."""
        rules, rates = config.path("rules"), config.path("rates")
        loaded = job_settings(AuditJob(str(rules) if rules else None,
                                       str(rates) if rates else None))
        kept = self._settings.get(id(loaded))
        if kept is None or kept[0] is not loaded:
            kept = (loaded, replace(loaded, rates=cached(loaded.rates)))
            self._settings[id(loaded)] = kept
        return kept[1]

    def warm_up(self) -> None:
        """Load what the first check needs (the workspace's configuration, pack and rates,
        the language data), so that opening the first buffer does not wait for it."""
        try:
            self.check((self.workspace or Path.cwd()) / "warm-up.md",
                       "Nilai US$ 1 miliar (sekitar Rp 16 triliun) pada 2024.")
        except Exception:  # a bad configuration is said when a buffer is checked
            return

    def kind(self, path: Path, config: ProjectConfig) -> str | None:
        """"articles", "claims" or None (not checked) for a buffer's path."""
        selection = InputSelection(config.root, tuple(config.value("articles")),
                                   tuple(config.value("claims")), config.exclude())
        try:
            relative = path.absolute().relative_to(config.root.absolute()).as_posix()
        except ValueError:
            return "articles" if path.suffix.lower() in ARTICLE_SUFFIXES else None
        return selection.kind(relative)

    def check(self, path: Path, text: str) -> Checked:
        """The findings of a buffer of ``text`` that is (or will be) the file ``path``."""
        folder = path.parent if path.parent.is_dir() else (self.workspace or Path.cwd())
        try:
            config = self.config(folder.absolute())
            setup = self.settings(config)
        except ConfigError as error:
            return Checked(str(path), error=str(error))
        kind = self.kind(path, config)
        if kind is None:
            return Checked(str(path))
        given = GivenInput(str(path), text.encode("utf-8", "surrogatepass"))
        lang = None if config.value("lang") == "auto" else config.value("lang")
        findings: list[Finding] = []
        documents: list[tuple[Document, tuple[Figure, ...]]] = []
        if kind == "claims":
            from factcheck.engine.claims import audit_claim_files

            findings.extend(audit_claim_files([given], setup)[0])
        else:
            found, errors = read_path(given, lang=lang)
            findings.extend(input_findings(errors, setup.pack))
            for document in found:
                figures, kept, _ = check_document(document, setup)
                findings.extend(kept)
                documents.append((document, figures.figures))
        result = select_findings(AuditResult(findings=tuple(findings)),
                                 config.value("select"), config.value("ignore"))
        ordered = tuple(sorted(result.findings, key=Finding.sort_key))
        return Checked(str(path), ordered, tuple(documents), rates=setup.rates)

