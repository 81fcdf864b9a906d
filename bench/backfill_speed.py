"""Backfill throughput (issue 15): `radar backfill` of title+summary entries, the real lab announcements in
../shared/archive/lab-announcements.jsonl repeated under distinct URLs to N entries.

    .venv/bin/python bench/backfill_speed.py                 # 10,000 entries
    .venv/bin/python bench/backfill_speed.py --n 3000 --json bench/backfill_speed.json

Reported: entries/s of the whole backfill (read, articles, validation, events, load, merge) into a fresh DuckDB
file, after the one-off Great Expectations import (timed separately); a second backfill of the same file
(everything already stored); and, as the baseline measured in the same run, event extraction alone over the same
texts in one call — the stage no backfill can skip — as a ratio.
"""
from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

ARCHIVE = ROOT.parent / "shared" / "archive" / "lab-announcements.jsonl"


def make_archive(path: Path, n: int) -> None:
    lines = [json.loads(line) for line in ARCHIVE.read_text(encoding="utf-8").splitlines() if line.strip()]
    with open(path, "w", encoding="utf-8") as out:
        for i in range(n):
            record = dict(lines[i % len(lines)])
            record["url"] = f"{record['url']}?copy={i // len(lines)}" if i >= len(lines) else record["url"]
            out.write(json.dumps(record) + "\n")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=10_000)
    parser.add_argument("--json", type=Path, help="also write the figures here")
    args = parser.parse_args()
    if not ARCHIVE.is_file():
        sys.exit(f"needs {ARCHIVE} (../shared beside the repository)")

    import expectations
    from config.settings import Settings
    from flows.backfill import backfill
    from sources.archive import read_source
    from transforms.backfill import text_articles
    from transforms.extract import extract_mentions

    started = time.perf_counter()
    expectations.runner._context()  # the one-off GX import and context, timed on its own
    gx_import_s = time.perf_counter() - started

    with tempfile.TemporaryDirectory() as tmp:
        source, db_path = Path(tmp) / "entries.jsonl", Path(tmp) / "bench.duckdb"
        make_archive(source, args.n)
        settings = Settings()

        started = time.perf_counter()
        (batch,) = list(read_source(source))
        articles = text_articles(batch.items)
        extract_mentions(articles)
        baseline_s = time.perf_counter() - started

        started = time.perf_counter()
        (cold,) = backfill.fn([str(source)], str(db_path), settings=settings)
        cold_s = time.perf_counter() - started
        started = time.perf_counter()
        backfill.fn([str(source)], str(db_path), settings=settings)
        warm_s = time.perf_counter() - started

    figures = {
        "entries": args.n, "batch_size": settings.backfill_batch_size,
        "gx_import_s": round(gx_import_s, 2),
        "baseline_read_and_extract_s": round(baseline_s, 2),
        "backfill_s": round(cold_s, 2), "entries_per_s": round(args.n / cold_s, 1),
        "ratio_to_baseline": round(baseline_s / cold_s, 3),
        "repeat_backfill_s": round(warm_s, 2), "repeat_entries_per_s": round(args.n / warm_s, 1),
        "articles_new": cold["n_articles_new"], "events_new": cold["n_events_new"],
    }
    for key, value in figures.items():
        print(f"{key:>30}: {value}")
    if args.json:
        args.json.write_text(json.dumps(figures, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
