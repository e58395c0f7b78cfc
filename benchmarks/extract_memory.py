"""Peak memory of ``factcheck extract`` on 10^4 articles: it writes the figures of each
document as they come (spooled, then written in path order), so memory grows with one
block of an archive and one document's figures, not with the archive.

The articles are those of ``benchmarks.archive_scale`` (the conversion-error set's
generator, one in ten with a seeded error), as one JSON Lines archive and as a folder of
one file each. Each run is the command line in a fresh process (``factcheck extract PATH
--format F``), its peak resident memory as the kernel reports it for that process.
Target: under 200 MB for every format but ``table`` (which lays out its columns over
every row, so holds them).

    python -m benchmarks.extract_memory [--articles 10000] [--formats json jsonl csv claims]
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

if not __package__:  # run as a file: python benchmarks/extract_memory.py
    sys.path[0] = str(Path(__file__).resolve().parents[1])

from benchmarks.archive_scale import pool_articles, write_archive
from benchmarks.harness.memory import run_measured
from benchmarks.harness.report import table

TARGET_MB = 200.0


def write_folder(folder: Path, count: int, archive: Path) -> None:
    folder.mkdir()
    with archive.open(encoding="utf-8") as lines:
        for number, line in enumerate(lines):
            if number >= count:
                break
            record = json.loads(line)
            front = f"---\nlang: {record['lang']}\npublished: {record['published']}\n---\n"
            (folder / f"{record['id']}.md").write_text(front + record["text"], encoding="utf-8")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--articles", type=int, default=10_000, help="articles (10000)")
    parser.add_argument("--formats", nargs="+", default=["json", "jsonl", "csv", "claims"])
    args = parser.parse_args(argv)
    rows = []
    worst = 0.0
    with tempfile.TemporaryDirectory() as tmp:
        archive, folder = Path(tmp) / "articles.jsonl", Path(tmp) / "articles"
        write_archive(archive, args.articles, pool_articles())
        write_folder(folder, args.articles, archive)
        for name, path in (("archive", archive), ("folder", folder)):
            for fmt in args.formats:
                run = run_measured([sys.executable, "-m", "factcheck", "extract", str(path),
                                    "--format", fmt], stdout=Path(tmp) / f"out.{fmt}")
                size = (Path(tmp) / f"out.{fmt}").stat().st_size
                worst = max(worst, run.peak_mb)
                rows.append([name, fmt, run.returncode, f"{run.seconds:.1f}",
                             f"{run.cpu_seconds:.1f}", f"{size / 1e6:.1f}", f"{run.peak_mb:.0f}"])
    lines = table(f"== factcheck extract of {args.articles:,} articles (a fresh process each)",
                  ["input", "format", "exit", "wall s", "CPU s", "output MB", "peak MB"], rows)
    verdict = "ok" if worst < TARGET_MB else "ABOVE TARGET"
    lines.append(f"highest peak {worst:.0f} MB (target under {TARGET_MB:.0f} MB) {verdict}")
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    sys.exit(main())
