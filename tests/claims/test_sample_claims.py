"""The sample dataset in claims/: valid (the CI gate audits it), and it holds the seed
articles' own claims with the rupiah equivalents they printed."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import yaml

from factcheck.checks.claim_dates import ClaimDateOrder
from factcheck.checks.claim_duplicate import DuplicateClaimId
from factcheck.claims.loaders import iter_claim_files, load_claims
from factcheck.claims.schema import claims_json_schema
from factcheck.claims.validate import LoadedRecord

ROOT = Path(__file__).parents[2]
SEEDS = {"https://hisoara.com/chat-gpt-bangkrut-openai-di-ambang-kerugian-besar",
         "https://windows.atsit.in/id/28555"}


def dataset() -> list[LoadedRecord]:
    records: list[LoadedRecord] = []
    for path in iter_claim_files([ROOT / "claims"]):
        loaded, errors = load_claims(path)
        assert errors == [], [str(e) for e in errors]
        records.extend(loaded)
    return records


def test_the_sample_dataset_is_valid_and_its_ids_unique() -> None:
    records = dataset()
    assert 25 <= len(records) <= 40
    assert len({r.path for r in records}) >= 3
    assert DuplicateClaimId.findings(records) == []
    schema = claims_json_schema()
    for path in sorted((ROOT / "claims").glob("*.yaml")):
        data = json.loads(json.dumps(yaml.safe_load(path.read_text(encoding="utf-8")),
                                     default=str))
        jsonschema.validate(data, schema)


def test_it_holds_the_seed_claims_and_their_conversions() -> None:
    records = dataset()
    seeds = [r.record for r in records if r.record.source_url in SEEDS]
    assert {(r.metric, r.value) for r in seeds} >= {
        ("net_loss", "hingga US$ 5 miliar"), ("compute_spending", "sekitar US$ 7 miliar"),
        ("server_rental", "US$ 4 miliar"), ("valuation", "US$ 80 miliar"),
        ("operating_loss", "sekitar $74 miliar"), ("compute_commitments", "mendekati $1,4 triliun"),
        ("stake_sale_proceeds", "$5,83 miliar")}
    rupiah = [r.record for r in records if r.record.equivalent_amount is not None
              and r.record.equivalent_amount.currency == "IDR"]
    assert len(rupiah) >= 8 and any(r.fx_rate for r in rupiah)
    # the seed's valuation: a prediction about February 2024 in a July 2024 article
    late = ClaimDateOrder.findings(records)
    assert [(f.evidence["record"], f.severity) for f in late] == [
        ("hisoara-openai-valuation-2024-02", "warning")]
