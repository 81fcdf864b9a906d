"""One benchmark process: runs the real ingest flow against a corpus served by the parent (bench/run.py).

Started by run.py in a fresh interpreter per corpus size, so imports, the Prefect ephemeral API, the GX context
and peak RSS all belong to that size alone. Writes its measurements as JSON to --result.

    mode cold: empty flow (starts Prefect's API) x4, then one ingest into an empty DuckDB file
    mode full: the same, then the identical ingest again (nothing new: conditional GETs, no new pages)
"""
from __future__ import annotations

import argparse
import dataclasses
import json
import os
import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path

PREFECT_DEFAULTS = {
    "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
    "PREFECT_SERVER_LOGGING_LEVEL": "CRITICAL",
    "PREFECT_LOGGING_LEVEL": "WARNING",
    "PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS": "120",
    "GX_ANALYTICS_ENABLED": "false",
}
for _k, _v in PREFECT_DEFAULTS.items():
    os.environ.setdefault(_k, _v)

BENCH = Path(__file__).resolve().parent
REPO = BENCH.parent
for _p in (str(REPO), str(BENCH)):
    if _p not in sys.path:
        sys.path.insert(0, _p)


def _maxrss_mb(who: int) -> float:
    return round(resource.getrusage(who).ru_maxrss / 1024, 1)  # Linux: KiB


def warehouse_counts(db_path: Path) -> dict:
    from warehouse import db

    tables = {"entries": "raw.entries", "articles": "raw.articles", "mentions": "core.mentions",
              "events": "core.events", "quarantine": "ops.quarantine", "fetches": "raw.fetches"}
    out = {name: int(db.query(db_path, f"select count(*) as n from {t}")["n"][0]) for name, t in tables.items()}
    by_type = db.query(db_path, "select type, count(*) as n from core.events group by type order by type")
    out["events_by_type"] = {r["type"]: r["n"] for r in by_type.to_dicts()}
    out["db_bytes"] = db_path.stat().st_size
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--base", required=True, help="base url of the served corpus site")
    ap.add_argument("--corpus", type=Path, required=True)
    ap.add_argument("--mode", choices=["cold", "full"], default="full")
    ap.add_argument("--result", type=Path, required=True)
    ap.add_argument("--profile", default=None, help="stage to run under cProfile (inflates its time)")
    args = ap.parse_args(argv)

    t0 = time.perf_counter()
    import make_corpus
    import prefect
    from prefect import flow
    from stageclock import StageClock

    from config.settings import Settings
    from flows.ingest import ingest
    from sources.feeds import Feed
    import_s = time.perf_counter() - t0

    manifest = json.loads((args.corpus / "manifest.json").read_text())
    urls, allow_hosts, connect_to = make_corpus.outlet_feeds(manifest, args.base)
    feeds = [Feed(url=url, name=name) for url, name in urls]
    # One run takes the whole corpus: the benchmark measures throughput, not the bounded-run defaults.
    settings = Settings(allow_hosts=allow_hosts, connect_to=connect_to, max_pages_per_feed=0, run_deadline_s=0)
    settings_used = {k: v for k, v in dataclasses.asdict(settings).items() if k not in ("extra", "user_agent")}
    result: dict = {"size": manifest["size"], "mode": args.mode, "import_s": round(import_s, 3),
                    "prefect_version": prefect.__version__, "n_feeds": len(feeds), "n_pages": manifest["n_pages"],
                    "settings": settings_used}

    @flow(name="bench-empty-flow")
    def empty_flow() -> None:
        return None

    # The first flow run in a process starts Prefect's ephemeral API server (unless PREFECT_API_URL is set);
    # later runs show the fixed cost every flow run pays.
    t = time.perf_counter()
    empty_flow()
    first = time.perf_counter() - t
    warm = []
    for _ in range(3):
        t = time.perf_counter()
        empty_flow()
        warm.append(time.perf_counter() - t)
    result["empty_flow"] = {"first_s": round(first, 3), "warm_s": round(statistics.median(warm), 4),
                            "warm_runs_s": [round(w, 4) for w in warm],
                            "api": os.environ.get("PREFECT_API_URL") or "ephemeral"}

    clock = StageClock({f.url for f in feeds}, profile_stage=args.profile).install()
    with tempfile.TemporaryDirectory(prefix="radar-bench-") as tmp:
        db_path = Path(tmp) / "radar.duckdb"

        def run(label: str) -> dict:
            clock.reset()
            start = time.perf_counter()
            counts = ingest(feeds=feeds, db_path=str(db_path), settings=settings)
            end = time.perf_counter()
            out = {"wall_s": round(end - start, 3), "counts": counts, "breakdown": clock.report(start, end)}
            print(f"[worker {manifest['size']}] {label}: {end - start:.1f}s {counts}", file=sys.stderr, flush=True)
            return out

        result["cold"] = run("cold")
        result["cold"]["warehouse"] = warehouse_counts(db_path)
        result["rss_after_cold_mb"] = _maxrss_mb(resource.RUSAGE_SELF)
        if args.mode == "full":
            result["incremental"] = run("incremental")
            result["incremental"]["warehouse"] = warehouse_counts(db_path)
            result["incremental"]["minus_warm_empty_flow_s"] = round(
                result["incremental"]["wall_s"] - result["empty_flow"]["warm_s"], 3)
    clock.uninstall()
    if args.profile:
        result["profile"] = clock.profile_report()
    result["maxrss_self_mb"] = _maxrss_mb(resource.RUSAGE_SELF)
    result["maxrss_children_mb"] = _maxrss_mb(resource.RUSAGE_CHILDREN)  # only children already reaped
    args.result.write_text(json.dumps(result, indent=1, default=str))
    return 0


if __name__ == "__main__":
    sys.exit(main())
