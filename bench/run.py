"""Benchmark of the ingest pipeline on a synthetic corpus served from 127.0.0.1.

    python bench/run.py --size 1000                          # what `make bench` runs (BENCH_SIZE=N)
    python bench/run.py --size 1000 --sizes 1000,10000,50000 # plus the scaling run
    python bench/run.py --size 1000 --profile auto           # plus a cProfile of the largest stage

Measures (see bench/README.md): the trafilatura-only ceiling, the full pipeline cold and incremental, the time
per stage, time and peak RSS per size (one fresh process per size), DuckDB upsert against a bare insert,
and the share of the cold run spent in Great Expectations. Prints tables and writes JSON (--out).
No network beyond 127.0.0.1. Nothing here asserts a speed: the numbers are for people.
"""
from __future__ import annotations

import argparse
import atexit
import functools
import hashlib
import json
import os
import platform
import random
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from datetime import datetime, timezone
from pathlib import Path

BENCH = Path(__file__).resolve().parent
REPO = BENCH.parent
for _p in (str(REPO), str(BENCH)):
    if _p not in sys.path:
        sys.path.insert(0, _p)

from worker import PREFECT_DEFAULTS  # noqa: E402  (env defaults only; imports nothing heavy)

for _k, _v in PREFECT_DEFAULTS.items():
    os.environ.setdefault(_k, _v)

import make_corpus  # noqa: E402
from stageclock import NESTED, STAGES, time_calls  # noqa: E402

DEFAULT_OUT = BENCH / "results.json"
PAGE_SIZE = os.sysconf("SC_PAGE_SIZE") if hasattr(os, "sysconf") else 4096


# ------------------------------------------------------------------------------------------ process-tree RSS
def _children_map() -> dict[int, list[int]]:
    kids: dict[int, list[int]] = {}
    for entry in os.scandir("/proc"):
        if not entry.name.isdigit():
            continue
        try:
            with open(f"/proc/{entry.name}/stat", "rb") as f:
                stat = f.read()
        except OSError:
            continue
        ppid = int(stat[stat.rfind(b")") + 2:].split()[1])
        kids.setdefault(ppid, []).append(int(entry.name))
    return kids


def _rss_bytes(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/statm") as f:
            return int(f.read().split()[1]) * PAGE_SIZE
    except (OSError, IndexError, ValueError):
        return 0


class TreeRss(threading.Thread):
    """Samples the summed RSS of a process and all its descendants (Linux /proc) every `interval` seconds."""

    def __init__(self, pid: int, interval: float = 0.2):
        super().__init__(daemon=True, name="bench-rss")
        self.pid, self.interval = pid, interval
        self.peak_tree = self.peak_root = 0
        self.max_procs = 0
        self._stop_event = threading.Event()
        self.available = os.path.isdir("/proc")

    def sample(self) -> None:
        kids = _children_map()
        tree, todo = [], [self.pid]
        while todo:
            pid = todo.pop()
            tree.append(pid)
            todo.extend(kids.get(pid, []))
        sizes = [_rss_bytes(p) for p in tree]
        self.peak_tree = max(self.peak_tree, sum(sizes))
        self.peak_root = max(self.peak_root, sizes[0])
        self.max_procs = max(self.max_procs, len(tree))

    def run(self) -> None:
        while self.available and not self._stop_event.is_set():
            self.sample()
            self._stop_event.wait(self.interval)

    def stop(self) -> None:
        self._stop_event.set()
        self.join(timeout=5)


# ------------------------------------------------------------------------------------------ measurements
def measure_ceiling(corpus: Path, manifest: dict) -> dict:
    """trafilatura alone (transforms.articles.extract_page), pages already in memory, this one process."""
    from transforms.articles import extract_page

    pages = [(f"http://127.0.0.1{p}", (corpus / "site" / p.lstrip("/")).read_bytes()) for p in manifest["pages"]]
    extract_page(pages[0][1], pages[0][0])  # warm-up: lazy imports and caches, not part of the ceiling
    start = time.perf_counter()
    n_text = 0
    for url, content in pages:
        n_text += bool(extract_page(content, url)["text"])
    seconds = time.perf_counter() - start
    n_bytes = sum(len(c) for _, c in pages)
    return {"pages": len(pages), "pages_with_text": n_text, "seconds": round(seconds, 3),
            "articles_per_s": round(len(pages) / seconds, 2), "mb_per_s": round(n_bytes / 1e6 / seconds, 3)}


def _extract_text(item: tuple[str, bytes]) -> bool:
    from transforms.articles import extract_page

    return bool(extract_page(item[1], item[0])["text"])


def measure_ceiling_all_cores(corpus: Path, manifest: dict) -> dict:
    """trafilatura over the same pages in cpu_count processes (what the pipeline's extraction pool can do): the
    ceiling the pipeline is compared with. The pool is started and warmed up (imports) before the clock starts."""
    from concurrent.futures import ProcessPoolExecutor

    pages = [(f"http://127.0.0.1{p}", (corpus / "site" / p.lstrip("/")).read_bytes()) for p in manifest["pages"]]
    workers = os.cpu_count() or 1
    with ProcessPoolExecutor(workers) as pool:
        list(pool.map(_extract_text, pages[:workers], chunksize=1))  # warm-up: one page per process
        start = time.perf_counter()
        n_text = sum(pool.map(_extract_text, pages, chunksize=8))
        seconds = time.perf_counter() - start
    return {"processes": workers, "pages": len(pages), "pages_with_text": n_text, "seconds": round(seconds, 3),
            "articles_per_s": round(len(pages) / seconds, 2)}


def _radar_env(tmp: Path, prefect_home: Path, hosts: dict) -> dict:
    return {**os.environ, "RADAR_MAX_PAGES_PER_FEED": "0", "RADAR_RUN_DEADLINE_S": "0",
            "RADAR_CONFIG": str(tmp / "no-radar.toml"), "PREFECT_HOME": str(prefect_home), **hosts}


def _feeds_file(base: str, manifest: dict, tmp: Path) -> tuple[Path, dict]:
    """feeds.toml, and the environment that reaches each outlet's host on the loopback server
    (make_corpus.outlet_feeds)."""
    urls, allow_hosts, connect_to = make_corpus.outlet_feeds(manifest, base)
    feeds = tmp / "feeds.toml"
    feeds.write_text("".join(f'[[feeds]]\nurl = "{url}"\nname = "{name}"\n\n' for url, name in urls))
    return feeds, {"RADAR_ALLOW_HOSTS": ",".join(allow_hosts), "RADAR_CONNECT_TO": ",".join(connect_to)}


@functools.cache
def _migrated_prefect_db() -> Path:
    """An empty Prefect database with every migration applied, made once per benchmark run."""
    home = Path(tempfile.mkdtemp(prefix="radar-bench-prefect-"))
    atexit.register(shutil.rmtree, home, True)
    subprocess.run([sys.executable, "-m", "prefect", "server", "database", "upgrade", "-y"], check=True,
                   env={**os.environ, "PREFECT_HOME": str(home)}, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return home / "prefect.db"


class RadarProcess:
    """`radar ARGS` as a user runs it, through bench/radar_run.py (its phases timed inside), timed here from process
    start to exit. Each process gets its own PREFECT_HOME: each starts its own temporary Prefect API, as it would.
    That PREFECT_HOME's database exists before the clock starts (a copy of one made by `prefect server database
    upgrade`), as it does for every run of a user's but the very first: creating it costs ~7 CPU-s (measured), once
    per machine."""

    def __init__(self, name: str, args: list[str], tmp: Path, hosts: dict, sample_rss: bool = False,
                 prefect_api_url: str | None = None):
        self.name, self.result, self.log_path = name, tmp / f"{name}-phases.json", tmp / f"{name}.log"
        cmd = [sys.executable, str(BENCH / "radar_run.py"), str(self.result), *args]
        home = tmp / f"prefect-{name}"
        home.mkdir()
        if not prefect_api_url:  # with a running Prefect server there is no temporary API, nor its database
            shutil.copy(_migrated_prefect_db(), home / "prefect.db")
        self.cmd, self.env, self.cwd, self.sample_rss = cmd, _radar_env(tmp, home, hosts), tmp, sample_rss
        if prefect_api_url:
            self.env["PREFECT_API_URL"] = prefect_api_url

    def start(self) -> RadarProcess:
        with open(self.log_path, "wb") as log:
            self.started = time.perf_counter()
            self.proc = subprocess.Popen(self.cmd, stdout=log, stderr=subprocess.STDOUT, cwd=str(self.cwd),
                                         env=self.env)
        self.sampler = TreeRss(self.proc.pid) if self.sample_rss else None
        if self.sampler:
            self.sampler.start()
        return self

    def wait(self) -> dict:
        returncode = self.proc.wait()
        self.process_s = total = time.perf_counter() - self.started
        if self.sampler:
            self.sampler.stop()
        if returncode != 0 or not self.result.is_file():
            raise RuntimeError(f"radar {self.name} failed (exit {returncode}):\n"
                               f"{self.log_path.read_text(errors='replace')[-4000:]}")
        phases = json.loads(self.result.read_text())
        exit_s = total - phases.pop("exit started at")
        rows = {**phases, "exit (prefect api shutdown)": round(exit_s, 3)}
        rows["other (interpreter, checks, lock, flow bookkeeping)"] = round(total - sum(rows.values()), 3)
        out = {"process_s": round(total, 3), "phases_s": rows}
        if self.sampler and self.sampler.available:
            out["peak_rss_tree_mb"] = round(self.sampler.peak_tree / 2**20, 1)
        return out


def run_radar_cli(corpus: Path, manifest: dict, tmp: Path, prefect_api_url: str | None = None) -> dict:
    """`radar run` as a user runs it (bench/radar_run.py), timed here from process start to exit, into a fresh
    warehouse; its phases (Prefect start-up, ingest flow, alerts, snapshot) come back as their own rows. With
    `prefect_api_url` it talks to that server instead of starting its temporary API."""
    from cli.demo_server import serve_directory

    db_path = tmp / "radar-run.duckdb"
    with serve_directory(corpus / "site") as base:
        feeds, hosts = _feeds_file(base, manifest, tmp)
        run = RadarProcess("radar-run", ["run", "--feeds", str(feeds), "--db", str(db_path)], tmp, hosts,
                           sample_rss=True, prefect_api_url=prefect_api_url).start()
        timed = run.wait()
    return {**timed, "pages": manifest["n_pages"], "articles_per_s": round(manifest["n_pages"] / timed["process_s"], 2),
            "db_path": str(db_path)}


def measure_distributed(corpus: Path, manifest: dict, tmp: Path, radar_run: dict, reference_db: Path,
                        counts: list[int], prefect_modes: list[str], server_url: str | None = None) -> dict:
    """Distributed mode on this machine: N shard workers (`radar run --shard I/N --landing ROOT --db worker_I.duckdb`)
    started at once as real processes over the same corpus, then `radar merge` into an empty warehouse; each timed
    from process start to exit. Ratio: radar_run's process time over (all workers done + merge), i.e. articles/s
    against the single-process `radar run` of this benchmark run (1.0: as fast). The merged warehouse is checked
    against radar_run's (articles, mentions, events).

    Per Prefect mode: `temporary`, each process starts its own temporary Prefect API, as `radar run` does without a
    server; `server`, every process talks to one `prefect server` started before the clock, as shard deployments
    on a work pool do (docs/scale-out.md) -- the server is up before any run, so its start-up is nobody's run time.
    radar_run itself always pays its temporary API (the embedded default). `server_url`: a running server to use in
    the `server` mode instead of starting one."""
    from cli.demo_server import serve_directory
    from tests.prefect_server import SessionServer, wait_until_healthy
    from warehouse import db

    def totals(path: Path) -> dict:
        return db.query(path, "select (select count(*) from raw.articles) as articles, (select count(*) from "
                              "core.mentions) as mentions, (select count(*) from core.events) as events").to_dicts()[0]

    reference, rows = totals(reference_db), []
    with serve_directory(corpus / "site") as base:
        feeds, hosts = _feeds_file(base, manifest, tmp)
        for mode in prefect_modes:
            server = SessionServer() if mode == "server" and not server_url else None
            url = (server.url if server else server_url) if mode == "server" else None
            try:
                if url:
                    wait_until_healthy(url, server)
                for n in counts:
                    rows.append(_distributed_run(tmp / f"distributed-{mode}-{n}", feeds, hosts, n, manifest,
                                                 radar_run, url, totals, reference) | {"prefect": mode})
            finally:
                if server:
                    server.stop()
    return {"available": True, "radar_run_process_s": radar_run["process_s"], "reference": reference, "runs": rows}


def _distributed_run(here: Path, feeds: Path, hosts: dict, n: int, manifest: dict, radar_run: dict,
                     prefect_api_url: str | None, totals, reference: dict) -> dict:
    here.mkdir()
    root, main_db = here / "landing", here / "main.duckdb"
    workers = [RadarProcess(f"worker_{i}", ["run", "--feeds", str(feeds), "--shard", f"{i}/{n}", "--landing",
                                            str(root), "--db", str(here / f"worker_{i}.duckdb")], here, hosts,
                            prefect_api_url=prefect_api_url)
               for i in range(1, n + 1)]
    merge_process = RadarProcess("merge", ["merge", "--landing", str(root), "--db", str(main_db)], here, hosts,
                                 prefect_api_url=prefect_api_url)
    started = time.perf_counter()
    timed_workers = [w.wait() for w in [w.start() for w in workers]]
    workers_s = time.perf_counter() - started
    merge = merge_process.start().wait()
    total_s = workers_s + merge["process_s"]
    merged = totals(main_db)
    merge_only = merge["phases_s"]["merge (read landing, validate, transaction)"]
    return {
        "workers": n, "workers_s": round(workers_s, 3), "merge_process_s": merge["process_s"],
        "total_s": round(total_s, 3), "articles_per_s": round(manifest["n_pages"] / total_s, 2),
        "ratio_to_radar_run": round(radar_run["process_s"] / total_s, 4),
        "worker_process_s": [w["process_s"] for w in timed_workers],
        "worker_prefect_startup_s": [w["phases_s"].get("prefect api start-up") for w in timed_workers],
        "worker_ingest_flow_s": [w["phases_s"].get("ingest flow") for w in timed_workers],
        "merge_phases_s": merge["phases_s"], "merged": merged,
        "merge_mentions_per_s": round(merged["mentions"] / merge_only) if merge_only else None,
        "same_as_radar_run": merged == reference,
    }


def _copy_of_source(frames: dict, k: int) -> dict:
    """Copy k of a stored run's rows as other pages would give them: new ids, URLs and event keys (so the events
    grow with the copies too), same text and fields. Copy 0 is the run itself."""
    import polars as pl

    if k == 0:
        return frames
    tag = f"{k:04x}"

    def new_id(column: str) -> pl.Expr:  # 32 hex characters, like the real ids
        return pl.concat_str(pl.col(column).str.slice(0, 28), pl.lit(tag))

    def new_url(column: str) -> pl.Expr:
        return pl.concat_str(pl.col(column), pl.lit(f"?copy={k}"))

    return {
        "entries": frames["entries"].with_columns(new_id("entry_id"), new_url("url")),
        "articles": frames["articles"].with_columns(new_id("article_id"), new_url("url")),
        "mentions": frames["mentions"].with_columns(new_id("mention_id"), new_id("article_id"),
                                                    pl.concat_str(pl.col("event_key"), pl.lit(f"|{tag}"))),
        "fetches": frames["fetches"].with_columns(new_id("fetch_id"), new_url("url")),
    }


def land_run_copies(source_db: Path, root: Path, batch_size: int = 100, min_mentions: int = 0) -> dict:
    """Land the rows a real run stored, cut into batches of `batch_size` articles (with their entries, fetches and
    mentions), copied (new ids, URLs and event keys) until there are `min_mentions` mentions."""
    import polars as pl

    from warehouse import db, landing

    source = {"entries": db.query(source_db, "select * from raw.entries"),
              "articles": db.query(source_db, "select * from raw.articles").with_columns(is_article=pl.lit(True)),
              "mentions": db.query(source_db, "select * from core.mentions"),
              "fetches": db.query(source_db, "select * from raw.fetches")}
    copies = max(1, -(-min_mentions // max(1, source["mentions"].height)))
    batches, n_articles, n_mentions = [], 0, 0
    for k in range(copies):
        rows = _copy_of_source(source, k)
        mentions, fetches = rows["mentions"], rows["fetches"]
        n_articles, n_mentions = n_articles + rows["articles"].height, n_mentions + mentions.height
        batches.append((f"entries-{k}", {"entries": rows["entries"],
                                         "fetches": fetches.filter(pl.col("kind") == "feed")}))
        for i, chunk in enumerate(rows["articles"].iter_slices(batch_size)):
            ids, urls = chunk["article_id"].implode(), chunk["url"].implode()
            batches.append((f"articles-{k}-{i}", {
                "articles": chunk, "mentions": mentions.filter(pl.col("article_id").is_in(ids)),
                "fetches": fetches.filter((pl.col("kind") == "article") & pl.col("url").is_in(urls))}))
    start = time.perf_counter()
    for batch_id, frames in batches:
        landing.write_batch(str(root), "bench-run", batch_id, frames)
    land_s = time.perf_counter() - start
    return {"batches": len(batches), "copies_of_run": copies, "articles": n_articles, "mentions": n_mentions,
            "land_s": round(land_s, 3), "land_batches_per_s": round(len(batches) / land_s, 2)}


def _cpu_s() -> float:
    """CPU time of this process, all its threads (on a shared machine, steadier than wall time)."""
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def time_merge(root: Path, target: Path, n_mentions: int) -> dict:
    """flows.merge.merge_new_batches over the landing root into the warehouse `target`, with its phases. The GX
    import is done before the clock starts (a merger process pays it once)."""
    import expectations
    import flows.merge as merge
    from warehouse import db

    db.migrate(target)
    expectations.suite_summary()  # GX import + context, off the clock
    phases: dict[str, float] = {}
    for module, name, label in ((merge.landing, "read_batches", "read landing"),
                                (merge, "validate_landed", "validate"),
                                (merge.stages, "merge_landed", "duckdb transaction")):
        time_calls(phases, module, name, label)
    start, cpu_start, load_start = time.perf_counter(), _cpu_s(), os.getloadavg()[0]
    counts = merge.merge_new_batches.fn(str(root), str(target))
    merge_s = time.perf_counter() - start
    return {"merge_s": round(merge_s, 3), "merge_mentions_per_s": round(n_mentions / merge_s),
            "merge_cpu_s": round(_cpu_s() - cpu_start, 3), "loadavg_1min": [load_start, os.getloadavg()[0]],
            "merge_phases_s": {k: round(v, 3) for k, v in phases.items()},
            "merged": {k: counts[k] for k in ("n_batches", "n_articles_new", "n_mentions_new", "n_events_new")}}


def measure_merger(source_db: Path, tmp: Path, batch_size: int = 100, min_mentions: int = 0) -> dict:
    """Distributed mode's storage path on the rows a real run stored: cut into batches of `batch_size` articles,
    copied until there are `min_mentions` mentions (so that the merger's fixed costs do not hide its throughput),
    landed (warehouse/landing.py), then merged into an empty warehouse by flows.merge.merge_new_batches (read +
    validate + DuckDB transactions). mentions/s is over the merge."""
    landed = land_run_copies(source_db, tmp / "landing", batch_size, min_mentions)
    return {**landed, **time_merge(tmp / "landing", tmp / "merged.duckdb", landed["mentions"])}


def synthetic_mentions(n: int, seed: int = 7):
    """n rows in transforms.extract.MENTION_SCHEMA plus extracted_at/run_id, as a core.mentions load sees them."""
    import polars as pl

    from transforms.extract import MENTION_SCHEMA

    rng = random.Random(seed)
    types = ["model_release", "funding", "acquisition", "partnership", "market_move", "policy", "training_cost",
             "benchmark_claim", "legal", "leadership"]
    orgs = ["OpenAI", "Anthropic", "DeepSeek", "Nvidia", "Mistral AI", "Google DeepMind", "Meta", "xAI", "Alibaba"]
    models = ["GPT-4o", "Claude 3.5 Sonnet", "DeepSeek-R1", "Mistral Large 2", "Gemini 2.5 Pro", None]
    sentences = [make_corpus.filler_sentence(rng) for _ in range(2000)]
    article_ids = [hashlib.sha256(f"a{i}".encode()).hexdigest()[:32] for i in range(max(1, n // 5))]
    cols: dict[str, list] = {c: [] for c in MENTION_SCHEMA}
    for i in range(n):
        t = types[i % len(types)]
        org = orgs[rng.randrange(len(orgs))]
        with_model = t in ("model_release", "training_cost", "benchmark_claim")
        model = models[rng.randrange(len(models))] if with_model else None
        key = f"{t}|{org}|{model or '?'}|{i % 5000}".lower()
        row = {
            "mention_id": hashlib.sha256(f"m{seed}:{i}".encode()).hexdigest()[:32], "article_id": article_ids[i // 5],
            "type": t, "org": org, "model": model, "event_date": f"2025-{1 + i % 12:02d}",
            "event_date_precision": "month", "evidence": sentences[i % 2000],
            "confidence": 0.5 + (i % 50) / 100, "status": "done", "event_key": key, "extractor_version": "rules-0.1",
            "open_weights": (i % 3 == 0) if t == "model_release" else None,
            "license": "MIT" if t == "model_release" and i % 3 == 0 else None,
            "amount_usd": (float(1e6 * (1 + i % 997))
                           if t in ("funding", "acquisition", "training_cost", "market_move") else None),
            "round": "Series B" if t == "funding" else None,
            "valuation_usd": 5e9 if t == "funding" else None,
            "investors": "Thrive Capital; SoftBank Group" if t == "funding" else None,
            "target": "Codeium" if t == "acquisition" else None, "partner": "Microsoft" if t == "partnership" else None,
            "pct": -3.5 if t == "market_move" else None, "jurisdiction": "US" if t == "policy" else None,
            "measure": "chip export controls" if t == "policy" else None,
            "person": "Amara Okafor" if t == "leadership" else None,
            "role": "chief technology officer" if t == "leadership" else None,
            "counterparty": "The New York Times" if t == "legal" else None,
            "matter": "copyright" if t == "legal" else None,
            "compared_to": "GPT-4o" if t == "benchmark_claim" else None,
        }
        for c in MENTION_SCHEMA:
            cols[c].append(row[c])
    df = pl.DataFrame(cols, schema=MENTION_SCHEMA)
    return df.with_columns(extracted_at=pl.lit(datetime.now(timezone.utc)).cast(pl.Datetime("us", "UTC")),
                           run_id=pl.lit("bench-run"))


def measure_duckdb_load(rows: int, repeats: int = 3) -> dict:
    """warehouse.db.load(con, 'insert_mentions', df) into the migrated warehouse vs a bare INSERT ... SELECT of the
    same Arrow table into a table without constraints. Fresh database files each repeat; medians reported."""
    import duckdb
    import polars as pl

    from warehouse import db

    arrow = synthetic_mentions(rows).to_arrow()
    df = pl.from_arrow(arrow)
    upsert, upsert_commit, reupsert, bare, bare_commit = [], [], [], [], []
    inserted = reinserted = bare_rows = 0
    with tempfile.TemporaryDirectory(prefix="radar-bench-load-") as tmp:
        for r in range(repeats):
            path = Path(tmp) / f"w{r}.duckdb"
            db.migrate(path)
            t0 = time.perf_counter()
            with db.writing(path) as con:
                t1 = time.perf_counter()
                inserted = db.load(con, "insert_mentions", df)
                upsert.append(time.perf_counter() - t1)
            upsert_commit.append(time.perf_counter() - t0)
            with db.writing(path) as con:  # the same rows again: every one conflicts (the incremental case)
                t1 = time.perf_counter()
                reinserted = db.load(con, "insert_mentions", df)
                reupsert.append(time.perf_counter() - t1)

            bare_path = Path(tmp) / f"b{r}.duckdb"
            con = duckdb.connect(str(bare_path))
            try:
                con.register("incoming", arrow)
                con.execute("create table t as select * from incoming limit 0")
                t0 = time.perf_counter()
                con.execute("begin transaction")
                t1 = time.perf_counter()
                con.execute("insert into t select * from incoming")
                bare.append(time.perf_counter() - t1)
                con.execute("commit")
                bare_commit.append(time.perf_counter() - t0)
                bare_rows = con.execute("select count(*) from t").fetchone()[0]
            finally:
                con.close()
    med = statistics.median
    return {
        "rows": rows, "repeats": repeats,
        "upsert_s": round(med(upsert), 4), "upsert_with_connect_commit_s": round(med(upsert_commit), 4),
        "reupsert_all_conflicts_s": round(med(reupsert), 4),
        "bare_insert_s": round(med(bare), 4), "bare_with_commit_s": round(med(bare_commit), 4),
        "rows_inserted": inserted, "rows_reinserted": reinserted, "bare_rows": bare_rows,
        "upsert_rows_per_s": round(rows / med(upsert)), "bare_rows_per_s": round(rows / med(bare)),
        "ratio_upsert_over_bare": round(med(upsert) / med(bare), 2),
        "ratio_upsert_over_bare_best": round(min(upsert) / min(bare), 2),
        "ratio_with_commit": round(med(upsert_commit) / med(bare_commit), 2),
        "runs": {"upsert_s": [round(x, 4) for x in upsert], "bare_s": [round(x, 4) for x in bare],
                 "reupsert_s": [round(x, 4) for x in reupsert]},
    }


def run_worker(size: int, corpus: Path, mode: str, profile: str | None, log_dir: Path) -> dict:
    """One fresh interpreter runs the flow; this process serves the corpus and samples the worker's RSS tree."""
    from cli.demo_server import serve_directory

    result_path = log_dir / f"worker-{size}-{mode}{'-profile' if profile else ''}.json"
    log_path = result_path.with_suffix(".log")
    with serve_directory(corpus / "site") as base:
        cmd = [sys.executable, str(BENCH / "worker.py"), "--base", base, "--corpus", str(corpus), "--mode", mode,
               "--result", str(result_path)]
        if profile:
            cmd += ["--profile", profile]
        started = time.perf_counter()
        with open(log_path, "wb") as log:
            proc = subprocess.Popen(cmd, stdout=log, stderr=subprocess.STDOUT, cwd=str(REPO))
            sampler = TreeRss(proc.pid)
            sampler.start()
            returncode = proc.wait()
            sampler.stop()
        elapsed = time.perf_counter() - started
    if returncode != 0 or not result_path.is_file():
        tail = log_path.read_text(errors="replace")[-4000:]
        raise RuntimeError(f"benchmark worker for size {size} failed (exit {returncode}):\n{tail}")
    out = json.loads(result_path.read_text())
    out["process_s"] = round(elapsed, 3)
    out["peak_rss_tree_mb"] = round(sampler.peak_tree / 2**20, 1) if sampler.available else None
    out["peak_rss_worker_sampled_mb"] = round(sampler.peak_root / 2**20, 1) if sampler.available else None
    out["max_processes"] = sampler.max_procs
    return out


def largest_stage(breakdown: dict) -> str:
    stages = {k: v for k, v in breakdown["stages"].items() if k in STAGES}
    return max(stages, key=lambda k: stages[k]["wall_s"])


# ------------------------------------------------------------------------------------------ report
def build_results(args, sizes, corpora, ceiling, load, workers, profile) -> dict:
    main = workers[args.size]
    cold, inc = main["cold"], main["incremental"]
    n_pages = corpora[args.size]["n_pages"]
    cold_aps = n_pages / cold["wall_s"]
    stages = cold["breakdown"]["stages"]
    gx_setup = stages["gx setup (import + context)"]["wall_s"]
    validate = stages["validate"]["wall_s"]
    return {
        "meta": {
            "started_at": args.started_at, "size": args.size, "sizes": sizes, "python": platform.python_version(),
            "platform": platform.platform(), "cpu_count": os.cpu_count(), "prefect": main.get("prefect_version"),
            "settings": "Settings(allow_hosts=('127.0.0.1',), max_pages_per_feed=0, run_deadline_s=0), else defaults "
                        "(see pipeline_settings); "
                        "one static server (ThreadingHTTPServer) in the parent process",
            "api": main["empty_flow"]["api"],
            "pipeline_settings": main.get("settings"),
            "loadavg_start": args.loadavg_start, "loadavg_end": list(os.getloadavg()),
            "phase_s": args.phase_s,
            "note": "load averages above the core count mean other work shared the machine: compare runs with care",
        },
        "corpus": {str(s): c for s, c in corpora.items()},
        "ceiling": ceiling,
        "pipeline_cold": {
            "pages": n_pages, "wall_s": cold["wall_s"], "articles_per_s": round(cold_aps, 2),
            "ratio_to_ceiling": round(cold_aps / ceiling["articles_per_s"], 4),
            "counts": cold["counts"], "warehouse": cold["warehouse"],
        },
        "incremental": {
            "wall_s": inc["wall_s"], "flow_startup_s": main["empty_flow"]["warm_s"],
            "minus_flow_startup_s": inc["minus_warm_empty_flow_s"],
            "ratio_to_cold": round(inc["wall_s"] / cold["wall_s"], 4),
            "counts": inc["counts"], "new_rows": {k: inc["warehouse"][k] - cold["warehouse"][k]
                                                  for k in ("entries", "articles", "mentions", "events")},
        },
        "flow_startup": {**main["empty_flow"], "import_s": main["import_s"]},
        "stages": {"cold": cold["breakdown"], "incremental": inc["breakdown"]},
        "scaling": [
            {"size": s, "pages": corpora[s]["n_pages"], "cold_wall_s": w["cold"]["wall_s"],
             "articles_per_s": round(corpora[s]["n_pages"] / w["cold"]["wall_s"], 2),
             "process_s": w["process_s"], "peak_rss_tree_mb": w["peak_rss_tree_mb"],
             "peak_rss_worker_mb": w["maxrss_self_mb"], "max_processes": w["max_processes"],
             "largest_stage": largest_stage(w["cold"]["breakdown"]),
             "stage_wall_s": {k: v["wall_s"] for k, v in w["cold"]["breakdown"]["stages"].items()},
             "db_bytes": w["cold"]["warehouse"]["db_bytes"]}
            for s, w in sorted(workers.items()) if s in sizes
        ],
        "duckdb_load": load,
        "gx": {
            "validate_wall_s": validate, "gx_setup_s": gx_setup,
            # The import + context build runs in a background thread once the flow finds work (expectations.prewarm);
            # `validate` is the time the flow was blocked in validation, waiting for that thread included.
            "share_of_cold": round(validate / cold["wall_s"], 4),
            "by_table": stages["validate"].get("by_table", {}),
        },
        "ratios": {
            "pipeline_over_ceiling": round(cold_aps / ceiling["articles_per_s"], 4),
            "incremental_over_cold": round(inc["wall_s"] / cold["wall_s"], 4),
            "incremental_minus_startup_s": inc["minus_warm_empty_flow_s"],
            "upsert_over_bare": load["ratio_upsert_over_bare"],
            "gx_share_of_cold": round(validate / cold["wall_s"], 4),
        },
        "largest_stage": largest_stage(cold["breakdown"]),
        "profile": profile,
    }


def print_report(res: dict) -> None:
    from rich.console import Console
    from rich.table import Table

    console = Console(width=None if sys.stdout.isatty() else 130)
    c, cold, inc, load, gx = res["ceiling"], res["pipeline_cold"], res["incremental"], res["duckdb_load"], res["gx"]
    summary = Table(title=f"AI Industry Radar benchmark — {res['meta']['size']} feed items, "
                          f"{res['meta']['cpu_count']} cores")
    summary.add_column("measure")
    summary.add_column("value", justify="right")
    summary.add_column("notes")
    summary.add_row("ceiling: trafilatura alone", f"{c['articles_per_s']:.1f} articles/s",
                    f"{c['pages']} pages in memory, {c['processes']} processes (cpu_count), {c['seconds']:.1f}s")
    summary.add_row("pipeline cold", f"{cold['articles_per_s']:.1f} articles/s",
                    f"{cold['wall_s']:.1f}s into an empty DuckDB file; {cold['warehouse']['articles']} articles, "
                    f"{cold['warehouse']['mentions']} mentions, {cold['warehouse']['events']} events")
    summary.add_row("pipeline / ceiling", f"{cold['ratio_to_ceiling']:.2f}", "")
    one = c.get("one_process", {})
    if one:
        summary.add_row("trafilatura in one process", f"{one['articles_per_s']:.1f} articles/s",
                        f"the old ceiling; the ceiling above runs {c['processes']} processes")
    run = res.get("radar_run")
    if run:
        summary.add_row("radar run (process start to exit)", f"{run['articles_per_s']:.1f} articles/s",
                        f"{run['process_s']:.1f}s; {run['ratio_to_ceiling']:.2f} x ceiling; peak RSS tree "
                        f"{run['peak_rss_tree_mb']} MB")
        for phase, seconds in run["phases_s"].items():
            summary.add_row(f"  └ {phase}", f"{seconds:.2f}s", "")
    merger = res.get("merger")
    if merger:
        summary.add_row("merger (landing -> warehouse)", f"{merger['merge_mentions_per_s']:,} mentions/s",
                        f"{merger['mentions']} mentions, {merger['articles']} articles in {merger['batches']} batches "
                        f"({merger['copies_of_run']} copies of the run): {merger['merge_s']:.2f}s, "
                        f"{merger['merge_cpu_s']:.1f} CPU s "
                        f"({', '.join(f'{k} {v:.2f}s' for k, v in merger['merge_phases_s'].items())}); "
                        f"landing them took {merger['land_s']:.1f}s")
    for row in res.get("distributed", {}).get("runs", []):
        summary.add_row(f"distributed: {row['workers']} shard worker(s) + merge ({row['prefect']} Prefect API)",
                        f"{row['ratio_to_radar_run']:.2f}x radar run",
                        f"{row['total_s']:.1f}s = workers {row['workers_s']:.1f}s "
                        f"+ merge {row['merge_process_s']:.1f}s "
                        f"({row['merge_mentions_per_s'] or 0:,} mentions/s in the merge); same rows as radar run: "
                        f"{row['same_as_radar_run']}")
    summary.add_row("incremental (same ingest again)", f"{inc['wall_s']:.2f}s",
                    f"{inc['ratio_to_cold']:.1%} of cold; new rows {inc['new_rows']}")
    summary.add_row("incremental minus flow start-up", f"{inc['minus_flow_startup_s']:.2f}s",
                    f"empty flow run: {inc['flow_startup_s']:.3f}s warm, "
                    f"{res['flow_startup']['first_s']:.1f}s first (starts the {res['meta']['api']} API)")
    summary.add_row("DuckDB upsert / bare insert", f"{load['ratio_upsert_over_bare']:.1f}x",
                    f"{load['rows']:,} mentions: {load['upsert_s']:.3f}s vs {load['bare_insert_s']:.3f}s "
                    f"(best of {load['repeats']}: {load['ratio_upsert_over_bare_best']:.1f}x); "
                    f"re-upsert (all conflict) {load['reupsert_all_conflicts_s']:.3f}s")
    summary.add_row("GX validation share of cold", f"{gx['share_of_cold']:.1%}",
                    f"{gx['validate_wall_s']:.1f}s blocked in validation (waiting for the import included); "
                    f"the {gx['gx_setup_s']:.1f}s import + context runs in the background from the flow's start")
    console.print(summary)

    stages = Table(title="Stage breakdown (wall = time the stage was running; sum = over threads)")
    stages.add_column("stage")
    for label in ("cold wall s", "cold %", "cold sum s", "cold cpu s", "calls", "incr wall s", "incr %"):
        stages.add_column(label, justify="right")
    cs, is_ = res["stages"]["cold"]["stages"], res["stages"]["incremental"]["stages"]
    for name in STAGES + NESTED + ["prefect + unattributed"]:
        a, b = cs[name], is_[name]
        label = f"  └ {name}" if name in NESTED else name
        cpu = f"{a['process_cpu_s']:.2f}" if "process_cpu_s" in a else ""
        stages.add_row(label, f"{a['wall_s']:.2f}", f"{a['share_of_flow']:.1%}", f"{a['sum_s']:.2f}", cpu,
                       str(a["calls"]),
                       f"{b['wall_s']:.2f}", f"{b['share_of_flow']:.1%}")
    stages.add_row("flow total", f"{res['stages']['cold']['flow_wall_s']:.2f}", "100%", "", "", "",
                   f"{res['stages']['incremental']['flow_wall_s']:.2f}", "100%")
    console.print(stages)

    scaling = Table(title="Scaling (cold ingest, one fresh process per size)")
    for label in ("size", "pages", "cold s", "articles/s", "peak RSS tree MB", "peak RSS worker MB", "largest stage",
                  "DB MB"):
        scaling.add_column(label, justify="right")
    for row in res["scaling"]:
        scaling.add_row(str(row["size"]), str(row["pages"]), f"{row['cold_wall_s']:.1f}",
                        f"{row['articles_per_s']:.1f}",
                        f"{row['peak_rss_tree_mb']}", f"{row['peak_rss_worker_mb']}", row["largest_stage"],
                        f"{row['db_bytes'] / 1e6:.1f}")
    console.print(scaling)

    prof = res.get("profile")
    if prof:
        for key, title in (("pipeline_functions_cumulative", "pipeline functions by cumulative time"),
                           ("top_self", "all functions by self time")):
            rows = prof.get(key) or []
            t = Table(title=f"cProfile of '{prof['stage']}' ({prof.get('profiled_s', 0):.1f}s profiled, "
                            f"extra cold run): {title}")
            for label in ("function", "ncalls", "self s", "cumulative s", "% of stage"):
                t.add_column(label, justify="right" if label != "function" else "left")
            for row in rows[:15]:
                column = "cumtime_s" if key != "top_self" else "tottime_s"
                share = row[column] / prof["profiled_s"] if prof.get("profiled_s") else 0
                t.add_row(row["function"], str(row["ncalls"]), f"{row['tottime_s']:.3f}", f"{row['cumtime_s']:.3f}",
                          f"{share:.1%}")
            console.print(t)
    console.print(f"largest stage (cold): [bold]{res['largest_stage']}[/bold]; load average "
                  f"{res['meta']['loadavg_start'][0]:.1f} -> {res['meta']['loadavg_end'][0]:.1f} "
                  f"on {res['meta']['cpu_count']} cores")


# ------------------------------------------------------------------------------------------ CLI
def parse_sizes(text: str | None) -> list[int] | None:
    if not text:
        return None
    return sorted({int(s.replace("_", "").replace("k", "000")) for s in text.split(",") if s.strip()})


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="Benchmark the ingest pipeline on a synthetic loopback corpus.")
    ap.add_argument("--size", type=int, default=1000,
                    help="feed items in the main corpus (default 1000; `make bench` passes BENCH_SIZE)")
    ap.add_argument("--sizes", default=None,
                    help="comma-separated sizes for the scaling table, e.g. 1000,10000,50000 (default: --size)")
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT, help="JSON results (default bench/results.json)")
    ap.add_argument("--corpus-root", type=Path, default=make_corpus.DEFAULT_ROOT,
                    help="where corpora are cached (default bench/corpus)")
    ap.add_argument("--seed", type=int, default=make_corpus.DEFAULT_SEED)
    ap.add_argument("--upsert-rows", type=int, default=100_000, help="synthetic mentions for the DuckDB load test")
    ap.add_argument("--merger-mentions", type=int, default=100_000,
                    help="mentions the merger section merges: the radar run's rows copied (new ids) up to this many, "
                         "so that its fixed costs do not hide its throughput (default 100,000)")
    ap.add_argument("--merger-only", type=Path, default=None, metavar="WAREHOUSE",
                    help="run only the merger section, over the rows of this warehouse (e.g. one `radar run` over "
                         "the corpus stored), print its figures as JSON and write nothing else")
    ap.add_argument("--distributed-workers", type=parse_sizes, default=[1, 2, 4],
                    help="shard worker counts for the distributed section (default 1,2,4)")
    ap.add_argument("--distributed-prefect", type=lambda v: v.split(","), default=["temporary", "server"],
                    help="Prefect set-ups for the distributed section, comma-separated: temporary (each process "
                         "starts its own temporary API) and/or server (one `prefect server` for all, started "
                         "before the clock, as deployments use). Default: both")
    ap.add_argument("--prefect-server", default=None, metavar="API_URL",
                    help="the server mode's Prefect API: a server already running (e.g. http://127.0.0.1:4200/api) "
                         "instead of one the benchmark starts")
    ap.add_argument("--radar-run-on-server", action="store_true",
                    help="radar_run talks to --prefect-server instead of starting its temporary API: its figures then "
                         "leave out Prefect's start-up (tests/test_bench.py saves a start-up; never for figures)")
    ap.add_argument("--profile", default=None,
                    help="also cProfile one stage in an extra cold run: a stage name (e.g. 'extract events') "
                         "or 'auto' (the largest)")
    args = ap.parse_args(argv)
    args.started_at = datetime.now(timezone.utc).isoformat(timespec="seconds")
    if args.radar_run_on_server and not args.prefect_server:
        ap.error("--radar-run-on-server needs --prefect-server")
    if args.profile and args.profile != "auto" and args.profile not in STAGES + NESTED:
        ap.error(f"--profile must be 'auto' or one of: {', '.join(STAGES + NESTED)}")
    if args.merger_only:
        with tempfile.TemporaryDirectory(prefix="radar-bench-merger-") as tmp:
            merger = measure_merger(args.merger_only, Path(tmp), min_mentions=args.merger_mentions)
        print(json.dumps({"merger": merger, "loadavg": os.getloadavg()}, indent=1))
        return 0
    args.loadavg_start = list(os.getloadavg())
    args.phase_s = {}
    sizes = parse_sizes(args.sizes) or [args.size]
    all_sizes = sorted(set(sizes) | {args.size})
    log = lambda msg: print(f"[bench] {msg}", file=sys.stderr, flush=True)  # noqa: E731

    corpora, paths = {}, {}
    t_start = time.perf_counter()
    for s in all_sizes:
        t = time.perf_counter()
        paths[s] = make_corpus.generate(s, args.corpus_root, args.seed)
        m = make_corpus.load_manifest(paths[s])
        corpora[s] = {k: m[k] for k in ("n_pages", "n_items", "n_stories", "n_feeds", "n_feed_entries", "page_bytes",
                                        "kinds", "types")}
        corpora[s]["generated_in_s"] = m["generated_in_s"]
        log(f"corpus {s}: {m['n_pages']} pages, {m['page_bytes'] / 1e6:.0f} MB ({time.perf_counter() - t:.1f}s)")

    args.phase_s["corpus"] = round(time.perf_counter() - t_start, 2)
    log(f"ceiling: trafilatura over {corpora[args.size]['n_pages']} pages")
    t = time.perf_counter()
    one_process = measure_ceiling(paths[args.size], make_corpus.load_manifest(paths[args.size]))
    log(f"trafilatura in one process: {one_process['articles_per_s']} articles/s")
    ceiling = measure_ceiling_all_cores(paths[args.size], make_corpus.load_manifest(paths[args.size]))
    ceiling["one_process"] = one_process
    args.phase_s["ceiling"] = round(time.perf_counter() - t, 2)
    log(f"ceiling: {ceiling['articles_per_s']} articles/s in {ceiling['processes']} processes")
    log(f"DuckDB load: {args.upsert_rows:,} mentions")
    t = time.perf_counter()
    load = measure_duckdb_load(args.upsert_rows)
    args.phase_s["duckdb_load"] = round(time.perf_counter() - t, 2)

    workers = {}
    with tempfile.TemporaryDirectory(prefix="radar-bench-") as tmp:
        for s in all_sizes:
            mode = "full" if s == args.size else "cold"
            log(f"pipeline {s} ({mode}) in a fresh process")
            t = time.perf_counter()
            workers[s] = run_worker(s, paths[s], mode, None, Path(tmp))
            args.phase_s[f"pipeline_{s}"] = round(time.perf_counter() - t, 2)
        profile = None
        if args.profile:
            stage = largest_stage(workers[args.size]["cold"]["breakdown"]) if args.profile == "auto" else args.profile
            log(f"profiling '{stage}' in an extra cold run of {args.size}")
            t = time.perf_counter()
            profile = run_worker(args.size, paths[args.size], "cold", stage, Path(tmp)).get("profile")
            args.phase_s["profile"] = round(time.perf_counter() - t, 2)
        log(f"radar run {args.size}: timed from process start to exit")
        t = time.perf_counter()
        radar_run = run_radar_cli(paths[args.size], make_corpus.load_manifest(paths[args.size]), Path(tmp),
                                  args.prefect_server if args.radar_run_on_server else None)
        args.phase_s["radar_run"] = round(time.perf_counter() - t, 2)
        log(f"radar run: {radar_run['process_s']}s; landing + merger over its rows")
        t = time.perf_counter()
        reference_db = Path(radar_run.pop("db_path"))
        merger = measure_merger(reference_db, Path(tmp), min_mentions=args.merger_mentions)
        args.phase_s["merger"] = round(time.perf_counter() - t, 2)
        log(f"merger: {merger['merge_mentions_per_s']} mentions/s")
        log(f"distributed mode: {args.distributed_workers} shard workers at once, then radar merge")
        t = time.perf_counter()
        distributed = measure_distributed(paths[args.size], make_corpus.load_manifest(paths[args.size]), Path(tmp),
                                          radar_run, reference_db, args.distributed_workers, args.distributed_prefect,
                                          args.prefect_server)
        args.phase_s["distributed"] = round(time.perf_counter() - t, 2)

    results = build_results(args, sizes, corpora, ceiling, load, workers, profile)
    run_aps = radar_run["articles_per_s"]
    results["radar_run"] = {**radar_run, "ratio_to_ceiling": round(run_aps / ceiling["articles_per_s"], 4),
                            "ratio_to_pipeline_cold": round(run_aps / results["pipeline_cold"]["articles_per_s"], 4)}
    results["merger"] = merger
    results["distributed"] = distributed
    results["ratios"]["radar_run_over_ceiling"] = results["radar_run"]["ratio_to_ceiling"]
    results["ratios"]["merger_mentions_per_s"] = merger["merge_mentions_per_s"]
    for row in distributed["runs"]:
        results["ratios"][f"distributed_{row['workers']}_workers_{row['prefect']}_api_over_radar_run"] = \
            row["ratio_to_radar_run"]
    by_size = {row["size"]: row for row in results["scaling"]}
    if 1000 in by_size and 10000 in by_size:
        results["ratios"]["time_10k_over_1k"] = round(by_size[10000]["cold_wall_s"] / by_size[1000]["cold_wall_s"], 3)
    results["ratios"]["peak_rss_tree_mb_at_largest_size"] = by_size[max(by_size)]["peak_rss_tree_mb"]
    args.out.parent.mkdir(parents=True, exist_ok=True)
    tmp_out = args.out.with_suffix(".json.tmp")
    tmp_out.write_text(json.dumps(results, indent=1, default=str))
    tmp_out.replace(args.out)
    print_report(results)
    print(f"results written to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
