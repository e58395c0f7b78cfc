"""Evidence is typed by the check that writes it, written to the JSON contract as the same
object, and read by reports through its labelled readings, not by key."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from factcheck.api import audit, audit_text
from factcheck.evidence import RawEvidence
from factcheck.model import AuditResult, Finding
from factcheck.readings import Amount, Names, Span, Text
from factcheck.report import render
from factcheck.report.explain import explain

ROOT = Path(__file__).resolve().parents[1]
ODD = ("Proyek pertama bernilai US$ 5 miliar atau setara Rp 81 triliun.\n"
       "Proyek kedua bernilai US$ 7 miliar atau setara Rp 114 triliun.\n"
       "Proyek ketiga bernilai US$ 2 miliar atau setara Rp 36 triliun.\n")


def test_typed_evidence_is_the_contract_s_object_and_reads_as_labelled_rows() -> None:
    odd = [f for f in audit_text(ODD, "id", published=date(2024, 7, 30)) if f.code == "FX001"]
    assert len(odd) == 1
    evidence = odd[0].evidence
    assert not isinstance(evidence, RawEvidence)
    written = json.loads(render("json", AuditResult(findings=tuple(odd)), []))
    written = written["findings"][0]["evidence"]
    assert list(written) == ["implied_rate", "common_rate", "deviation", "pair", "agreeing",
                             "agreeing_count"]
    assert written == evidence.to_json() and evidence["pair"] == "IDR/USD"
    assert written["implied_rate"] == list(evidence["implied_rate"])  # tuples as lists
    labels = [label for label, _ in evidence.rows()]
    assert labels == ["Rate this conversion implies",
                      "Rate the other conversions agree on", "Off by",
                      "Conversions that agree", "Conversions that agree, in all"]
    assert explain(odd[0])[0][1].endswith(" IDR/USD")  # the pair is the rate's unit


def test_every_finding_of_the_examples_and_claims_has_typed_evidence() -> None:
    result = audit([ROOT / "examples", ROOT / "claims"])
    assert result.findings
    assert not [f.code for f in result.findings if isinstance(f.evidence, RawEvidence)]


def test_evidence_given_as_a_dict_is_read_by_the_shapes_of_its_values() -> None:
    finding = Finding(code="ZZ001", name="z", severity="info", message="m", path="p", line=1,
                      column=1, evidence={"share_of_total": [0.25, 0.5], "amount": 3.0,
                                          "records": ["a", "b"], "note": "x"})
    assert finding.evidence.rows() == [("Share of total", Span(0.25, 0.5)),
                                       ("Amount", Amount(3.0)), ("Records", Names(("a", "b"))),
                                       ("Note", Text("x"))]
    assert explain(finding, unit="USD") == [("Share of total", "0.25 – 0.5 USD"),
                                            ("Amount", "3 USD"), ("Records", "a, b"),
                                            ("Note", "x")]
    assert finding.model_dump(mode="json")["evidence"]["records"] == ["a", "b"]
