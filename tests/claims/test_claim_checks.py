"""CL001-CL003 on loaded records; records as documents for the FX checks; the claims table
for the cross-source checks."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest

from factcheck.analyse.context import DocumentContext
from factcheck.analyse.frame import ClaimsFrame
from factcheck.checks.claim_dates import ClaimDateOrder
from factcheck.checks.claim_duplicate import DuplicateClaimId
from factcheck.checks.claim_invalid import InvalidClaimRecord
from factcheck.checks.cross_value import CrossSourceValueMismatch
from factcheck.claims.loaders import load_claims
from factcheck.claims.records import record_document, record_frame
from factcheck.claims.validate import LoadedRecord
from factcheck.engine.dispatch import document_findings
from factcheck.engine.settings import AuditSettings, settings
from factcheck.errors import InputError
from factcheck.model import Finding


def record(ident: str, body: str, source: str = "S") -> str:
    return (f"- id: {ident}\n  source: {source}\n  subject: OpenAI\n"
            + "".join(f"  {line}\n" for line in body.strip().splitlines()))


def load(tmp_path: Path, name: str, *records: str
         ) -> tuple[list[LoadedRecord], list[InputError]]:
    path = tmp_path / name
    path.write_text("".join(records), encoding="utf-8")
    loaded, errors = load_claims(path)
    return loaded, list(errors)


LOSS = """
published: 2024-07-30
lang: id
metric: net_loss
period: "2024"
kind: projection
value: US$ 5 miliar
"""


def test_cl001_one_error_finding_per_problem_with_file_line_field(tmp_path: Path) -> None:
    bad = LOSS.replace("kind: projection", "kind: forecast").replace("miliar", "miliar\nfoo: 1")
    records, errors = load(tmp_path, "c.yaml", record("ok", LOSS), record("bad", bad))
    assert [r.id for r in records] == ["ok"]
    findings = InvalidClaimRecord.findings(errors)
    assert [(f.code, f.severity, f.line, f.column) for f in findings] == [
        ("CL001", "error", 17, 1), ("CL001", "error", 19, 1)]
    assert findings[0].message.startswith("kind: Input should be")
    assert findings[1].message == "foo: unknown field"
    assert findings[0].path.endswith("c.yaml") and findings[0].evidence["record"] == "bad"
    assert len({f.fingerprint for f in findings}) == 2
    _, unreadable = load(tmp_path, "u.yaml", "- id: [\n")
    assert InvalidClaimRecord.findings(unreadable) == []  # IN001's, not CL001's


def test_cl002_names_the_first_record_across_files(tmp_path: Path) -> None:
    first, _ = load(tmp_path, "a.yaml", record("x", LOSS), record("y", LOSS))
    second, _ = load(tmp_path, "b.yaml", record("z", LOSS), record("x", LOSS),
                     record("y", LOSS + "ignore: [CL002]\n"))
    findings = DuplicateClaimId.findings([*first, *second])
    assert [(Path(f.path).name, f.line) for f in findings] == [("b.yaml", 10)]
    assert findings[0].message == f"duplicate id 'x': first used at {tmp_path / 'a.yaml'}:1"
    assert findings[0].evidence["first_line"] == 1
    assert DuplicateClaimId.findings(first) == []


def test_cl003_dates_in_impossible_or_suspicious_order(tmp_path: Path) -> None:
    valuation = """
published: 2024-07-30
lang: id
metric: valuation
period: 2024-02
kind: projection
value: US$ 80 miliar
equivalent: sekitar Rp 1.303 triliun
fx_date: 2024-08-15
"""
    actual = """
published: 2024-07-30
metric: revenue
period: 2024-Q4
kind: actual
value: $1 billion
valuation_date: 2024-12-31
"""
    fine = LOSS.replace('"2024"', "2025")
    records, errors = load(tmp_path, "d.yaml", record("v", valuation), record("a", actual),
                           record("f", fine), record("i", actual + "ignore: [CL003]\n"))
    assert errors == []
    findings = ClaimDateOrder.findings(records)
    got = [(f.line, f.severity, f.evidence["field"]) for f in findings]
    assert got == [(11, "error", "fx_date"), (7, "warning", "period"),
                   (20, "error", "valuation_date"), (17, "error", "period")]
    assert findings[1].message == ("projection for 2024-02, which had ended when the source "
                                   "was published (2024-07-30)")
    assert len({f.fingerprint for f in findings}) == 4


@cache
def setup() -> AuditSettings:
    return settings()


def audit_record(loaded: LoadedRecord) -> list[Finding]:
    """What the engine will do with a record: the pack's document checks on its figures,
    then the inline suppression of its text."""
    document, figures = record_document(loaded)
    ctx = DocumentContext(document, figures, setup().rates)
    return document_findings(ctx, setup().pack)[0]


def test_a_record_is_a_document_the_conversion_checks_read(tmp_path: Path) -> None:
    stated = """
published: 2024-07-30
lang: id
metric: funding
period: 2024-07
kind: actual
value: US$ 2 miliar
equivalent: Rp 34 triliun
fx_rate: 16200
"""
    records, _ = load(tmp_path, "e.yaml", record("s", LOSS), record("t", stated),
                      record("u", stated + "ignore: [FX004, FX002]\n"))
    document, figures = record_document(records[1])
    assert document.text == "US$ 2 miliar (Rp 34 triliun) [16.200 IDR/USD]"
    assert [(f.id, f.kind, f.equivalent_of, f.line, f.column) for f in figures] == [
        ("f1", "money", None, 10, 1), ("f2", "money", "f1", 10, 1), ("f3", "rate", None, 10, 1)]
    assert (figures[2].currency, figures[2].unit, figures[2].value) == ("IDR", "USD", 16200)
    assert document.published is not None and document.path.endswith("e.yaml")
    findings = audit_record(records[1])
    assert "FX004" in {f.code for f in findings}
    assert all(f.line == 10 for f in findings)
    assert audit_record(records[0]) == [] and audit_record(records[2]) == []


def test_fx_date_is_the_day_the_conversion_is_checked_at(tmp_path: Path) -> None:
    # US$ 6,6 miliar = Rp 101 triliun is October 2024's rate (~15,470), not June 2025's
    late = """
published: 2025-06-02
lang: id
metric: funding
period: 2025-H1
kind: actual
value: US$ 6,6 miliar
equivalent: Rp 101 triliun
"""
    records, _ = load(tmp_path, "f.yaml", record("late", late),
                      record("dated", late + "fx_date: 2024-10-03\n"))
    assert {f.code for f in audit_record(records[0])} & {"FX002", "FX005"}
    assert audit_record(records[1]) == []


def test_the_claims_table_is_columnar_and_feeds_the_cross_source_checks(
        tmp_path: Path) -> None:
    nyt = LOSS.replace("lang: id", "lang: en").replace("US$ 5 miliar", "$4.2 billion")
    records, _ = load(tmp_path, "g.yaml", record("a", LOSS, "CNBC"), record("b", nyt, "NYT"),
                      record("c", LOSS.replace("2024-07-30", "2024-07-31"), "Kompas"))
    frame = record_frame(records)
    assert list(frame["id"]) == ["a", "b", "c"] and list(frame["line"]) == [1, 10, 19]
    assert frame["value"].dtype == "float64" and frame["low"].dtype == "float64"
    assert str(frame["published"].dtype).startswith("datetime64")
    assert list(frame.loc[1, ["low", "high"]]) == pytest.approx([4.15e9, 4.25e9])
    assert frame["equivalent_value"].isna().all() and frame["fx_date"].isna().all()
    assert frame["rate_low"].isna().all() and frame.loc[0, "ignore"] == ()
    findings = CrossSourceValueMismatch().run(ClaimsFrame(frame, setup().rates), None)
    assert [(f.code, Path(f.path).name, f.line) for f in findings] == [("XS001", "g.yaml", 10)]


def test_the_table_states_each_conversion_rate(tmp_path: Path) -> None:
    converted = LOSS + "equivalent: sekitar Rp 81 triliun\n"
    rated = LOSS + "equivalent: Rp 81 triliun\nfx_rate: 16200\n"
    records, _ = load(tmp_path, "h.yaml", record("a", converted), record("b", rated))
    frame = record_frame(records)
    # the equivalent admits rounding or truncation: [80.5, 82) / 5
    assert list(frame.loc[0, ["rate_low", "rate_high"]]) == pytest.approx([16100, 16400])
    assert frame.loc[1, "fx_rate"] == 16200 and frame.loc[1, "equivalent_currency"] == "IDR"
    assert frame.loc[0, "equivalent_low"] == pytest.approx(80.5e12)  # no "sekitar" width
    assert record_frame([]).empty
