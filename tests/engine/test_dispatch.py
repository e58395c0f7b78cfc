"""Checks declare their scope and the engine finds and runs them only through the registry:
a new check is one module (here, one class registered by a test) and nothing else."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from factcheck import registry
from factcheck.analyse.context import DocumentContext
from factcheck.checks._scopes import (
    DocumentCheck,
    InputCheck,
    RecordsCheck,
    ScopedCheck,
    TableCheck,
)
from factcheck.claims.table import load_table
from factcheck.engine.claims import table_documents
from factcheck.engine.dispatch import enabled
from factcheck.engine.runner import check_document
from factcheck.engine.settings import settings
from factcheck.model import Document, Finding
from factcheck.registry import REGISTRY, register

SCOPES = {DocumentCheck: "document", RecordsCheck: "records", TableCheck: "table",
          InputCheck: "input"}


def test_every_check_has_exactly_one_scope() -> None:
    for code, check in registry.all_checks().items():
        kinds = [scope for scope in SCOPES if issubclass(check, scope)]
        assert len(kinds) == 1, code
        assert check.scope == SCOPES[kinds[0]], code  # type: ignore[attr-defined]
    pack = settings().pack
    assert [c.code for c, _ in enabled(pack, TableCheck)] == ["XS001", "XS002", "XS003"]
    assert [c.code for c, _ in enabled(pack, InputCheck)] == ["CL001", "IN001", "IN002"]
    assert [c.code for c, _ in enabled(pack, RecordsCheck)] == ["CL002", "CL003"]


class EveryThousand(DocumentCheck):
    """ZZ901 every-thousand: a test check that flags every figure of exactly 1000."""

    code = "ZZ901"
    name = "every-thousand"

    def run(self, ctx: DocumentContext, options: object) -> Iterator[Finding]:
        for f in ctx.figures:
            if f.value == 1000:
                yield self.finding(ctx, f, "info", f"{f.text} is a thousand")


@pytest.fixture
def registered() -> Iterator[type[ScopedCheck[DocumentContext]]]:
    register(EveryThousand)
    registry.all_checks.cache_clear()
    try:
        yield EveryThousand
    finally:
        del REGISTRY["ZZ901"]
        registry.all_checks.cache_clear()


def test_a_registered_check_is_run_with_nothing_else_changed(
        registered: type[DocumentCheck]) -> None:
    setup = settings()
    assert setup.pack.rules["ZZ901"].enabled  # a pack enables a check it does not name
    doc = Document(path="t.txt", text="Harganya Rp 1.000 dan Rp 2.000.", lang="id",
                   published=date(2024, 7, 30))
    _, found, _ = check_document(doc, setup)
    assert [(f.code, f.message) for f in found] == [("ZZ901", "Rp 1.000 is a thousand")]


def test_a_document_check_that_cannot_tell_makes_every_record_document_checked(
        registered: type[DocumentCheck], tmp_path: Path) -> None:
    path = tmp_path / "c.yaml"
    path.write_text("".join(
        f"- id: r{i}\n  source: S{i}\n  published: 2024-07-30\n  lang: id\n  subject: PLN\n"
        f"  metric: capex\n  period: '2023'\n  kind: actual\n  value: US$ {i} miliar\n"
        for i in range(1, 4)), encoding="utf-8")
    table, errors = load_table(path)
    assert not errors
    without = settings()  # ZZ901 says nothing of records (no quiet_records): all are checked
    assert len(list(table_documents(table, without))) == 3
    del REGISTRY["ZZ901"]
    registry.all_checks.cache_clear()
    try:  # the shipped checks are all quiet on records without an equivalent
        assert list(table_documents(table, settings())) == []
    finally:
        register(EveryThousand)
