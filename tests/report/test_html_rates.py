"""The HTML report and --report-dir draw the rates the audit used: with --rates, the charts
show the user's table, as the findings beside them do, not the ECB curve."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from typer.testing import CliRunner

from factcheck.cli import app

ARTICLE = ("---\npublished: 2024-07-30\nlang: id\n---\n"
           "Perusahaan itu meraih pendanaan US$ 5 miliar (sekitar Rp 100 triliun).\n")


def rate_table(path: Path, rate: str) -> Path:
    """A table of one rate, USD to IDR, on every weekday of 2024 up to October."""
    day, lines = date(2024, 1, 1), ["date,base,quote,rate"]
    while day < date(2024, 10, 1):
        if day.weekday() < 5:
            lines.append(f"{day.isoformat()},USD,IDR,{rate}")
        day += timedelta(days=1)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_html_and_report_dir_chart_the_rate_table_the_audit_used(tmp_path: Path) -> None:
    article = tmp_path / "pendanaan.md"
    article.write_text(ARTICLE, encoding="utf-8")
    rates = rate_table(tmp_path / "jisdor.csv", "20000")
    runner = CliRunner()
    common = ["audit", str(article), "--rates", str(rates), "--fail-on", "never"]
    page = runner.invoke(app, [*common, "--format", "html"])
    assert page.exit_code == 0, page.output
    out = tmp_path / "reports"
    written = runner.invoke(app, [*common, "--format", "json", "--report-dir", str(out)])
    assert written.exit_code == 0, written.output
    assert '"findings": []' in written.output  # at the table's 20,000 the conversion is right
    for html in (page.output, (out / "report.html").read_text(encoding="utf-8")):
        chart = html[html.index('<figure class="chart-box">'):]
        assert "20,000 IDR/USD on 2024-07-30" in chart  # the reference the audit used
        assert f"IDR/USD, {rates}" in chart  # the curve's source is the user's table
        assert "ECB" not in chart
