"""Claims records follow FX005's rule for stocks and flows: a flow of a past year converted at
the publication date's rate is the usual convention (info), so a dataset of such records
keeps its one real disagreement between sources in view; a stock so converted is a warning."""

from __future__ import annotations

from pathlib import Path

from factcheck.api import audit
from factcheck.model import Finding


def entry(ident: str, source: str, subject: str, metric: str, period: str, value: str,
          equivalent: str | None = None, published: str = "2024-07-30") -> str:
    lines = [f"- id: {ident}", f"  source: {source}", f"  published: {published}",
             f"  subject: {subject}", f"  metric: {metric}", f'  period: "{period}"',
             "  kind: actual", "  lang: id", f"  value: {value}"]
    if equivalent:
        lines.append(f"  equivalent: {equivalent}")
    return "\n".join(lines) + "\n"


def audited(tmp_path: Path, records: list[str]) -> list[Finding]:
    folder = tmp_path / "claims"
    folder.mkdir()
    (folder / "records.yaml").write_text("".join(records), encoding="utf-8")
    return list(audit([folder]).findings)


def test_flows_at_todays_rate_do_not_bury_the_disagreement_between_sources(
        tmp_path: Path) -> None:
    # 28 revenues of 2023, each converted at the rate of the day of publication (~16,300)
    records = [entry(f"r{i}", f"Source {i % 7}", f"Perusahaan {i}", "revenue", "2023",
                     f"US$ {i} miliar", f"Rp {i * 16.3:.1f} triliun".replace(".", ","))
               for i in range(1, 29)]
    records += [entry("loss-a", "Harian Ekonomi", "OpenAI", "net_loss", "2024", "US$ 5 miliar"),
                entry("loss-b", "Tech Weekly", "OpenAI", "net_loss", "2024", "US$ 4,2 miliar",
                      published="2024-08-02")]
    findings = audited(tmp_path, records)
    alarms = [f for f in findings if f.severity in ("warning", "error")]
    assert [f.code for f in alarms] == ["XS001"], [f"{f.code} {f.message}" for f in alarms]
    flows = [f for f in findings if f.code == "FX005"]
    assert len(flows) == 28 and all(f.severity == "info" for f in flows)
    assert all("average rate" in f.message for f in flows)


def test_a_stock_record_at_todays_rate_is_a_warning(tmp_path: Path) -> None:
    findings = audited(tmp_path, [entry("v", "Harian Ekonomi", "OpenAI", "market_cap",
                                        "2023-12", "US$ 2 miliar", "Rp 32,6 triliun")])
    assert [(f.code, f.severity) for f in findings] == [("FX005", "warning")]
