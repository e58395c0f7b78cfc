"""What an audit is run with: the rule pack and the rate table, loaded once per process.

A worker (a ``--jobs`` process, a Dask worker) gets an :class:`AuditJob`, the paths of
the pack and the rate table rather than the loaded objects, and loads them once
(``job_settings``), again only when a file of theirs has changed.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property
from pathlib import Path

from factcheck.claims.known import KnownFigure
from factcheck.documents.opening import MAX_INPUT_SIZE
from factcheck.engine.packs import Pack, load_pack
from factcheck.model import Lang, RuleInfo
from factcheck.normalise.fx import RateProvider, provider_from
from factcheck.registry import rule_info


@dataclass(frozen=True)
class AuditSettings:
    pack: Pack
    rates: RateProvider | None

    @cached_property
    def loosest_reading(self) -> bool:
        """Whether an enabled FX check asks for the loosest reading of conversions (asked
        once per audit, not once per document)."""
        return any(getattr(r.options, "loosest_reading", False)
                   for r in self.pack.rules.values() if r.enabled and r.code.startswith("FX"))


def settings(rules: Path | str | None = None, rates: Path | str | None = None) -> AuditSettings:
    """The pack (default when None) and the rate table (``rates`` over the pack's, over ECB)."""
    pack = load_pack(rules)
    table = Path(rates) if rates else pack.rates
    return AuditSettings(pack, provider_from(table))


def rules_of(pack: Pack) -> list[RuleInfo]:
    """The enabled rules of a pack, for reports."""
    return [rule_info(code, None if r.severity == "auto" else r.severity)  # type: ignore[arg-type]
            for code, r in pack.rules.items() if r.enabled]


@dataclass(frozen=True)
class AuditJob:
    """What a worker needs to audit a shard, all of it picklable."""

    rules: str | None = None
    rates: str | None = None
    lang: Lang | None = None
    published: date | None = None
    keep_documents: bool = False
    known: tuple[KnownFigure, ...] = ()
    #: The size cap of an input, in bytes (``documents.opening``).
    max_input_size: int = MAX_INPUT_SIZE
    #: The maker's working directory, from which relative ``rules``/``rates`` are read.
    base: str = field(default_factory=os.getcwd)


_SETTINGS: dict[tuple[tuple[str | None, int, int], tuple[str | None, int, int]],
                AuditSettings] = {}


def _located(path: str | None, base: str) -> str | None:
    """``path`` as the job's maker meant it: a relative one from ``base`` when this
    process runs elsewhere (a Dask worker), as given otherwise (so messages name it so)."""
    if path is None or os.path.isabs(path) or not base or os.getcwd() == base:
        return path
    return os.path.join(base, path)


def _stamp(path: str | None) -> tuple[str | None, int, int]:
    try:
        found = os.stat(path) if path else None
    except OSError:
        found = None
    return (path, found.st_mtime_ns, found.st_size) if found else (path, 0, 0)


def job_settings(job: AuditJob) -> AuditSettings:
    """The pack and rates of ``job``, loaded once per process (again when a file of
    theirs has changed)."""
    rules, rates = _located(job.rules, job.base), _located(job.rates, job.base)
    key = (_stamp(rules), _stamp(rates))
    if key not in _SETTINGS:
        _SETTINGS[key] = settings(rules, rates)
    return _SETTINGS[key]
