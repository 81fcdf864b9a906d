"""The ingest flow: one poll of every feed, from feed bytes to canonical events. Thin wiring only.

Read top to bottom it follows the data: fetch feeds -> parse entries (transforms/feeds) -> fetch new pages ->
extract text (transforms/articles) -> extract mentions (transforms/extract) -> validate (expectations) ->
load and merge events (warehouse/stages).
"""
from __future__ import annotations

import multiprocessing
import os
import uuid
from concurrent.futures import Executor, ProcessPoolExecutor
from contextlib import contextmanager
from datetime import datetime, timedelta
from pathlib import Path

import polars as pl
from prefect import flow, get_run_logger, task
from prefect.artifacts import create_markdown_artifact
from prefect.cache_policies import NO_CACHE
from prefect.context import get_run_context

import expectations
from radar.feeds import Feed
from radar import politeness
from radar.http import FetchResult, Fetcher
from radar.settings import Settings
from transforms.articles import articles_frame
from transforms.extract import extract_mentions
from transforms.feeds import ENTRY_SCHEMA, parse_feed
from warehouse import db, stages

FETCH_SCHEMA = {
    "fetch_id": pl.String, "run_id": pl.String, "kind": pl.String, "url": pl.String, "final_url": pl.String,
    "status": pl.Int32, "n_bytes": pl.Int64, "elapsed_ms": pl.Int32, "error_kind": pl.String, "error": pl.String,
    "fetched_at": pl.Datetime("us", "UTC"),
}
DEAD_AFTER_FAILURES = 5
MIN_PAGES_FOR_POOL = 16  # starting worker processes costs ~1 s; below this one process is faster
LIMIT_SCHEMA = {"domain": pl.String, "until_at": pl.Datetime("us", "UTC"), "reason": pl.String}


def fetch_rows(results: list[FetchResult], kind: str, run_id: str, errors: dict[str, tuple[str, str]] | None = None) -> pl.DataFrame:
    """The fetch log rows for these results; `errors` overrides the error of a url (e.g. a body that is not a feed)."""
    errors = errors or {}
    rows = []
    for r in results:
        kind_err, err = errors.get(r.url, (r.error_kind, r.error))
        rows.append({
            "fetch_id": uuid.uuid4().hex, "run_id": run_id, "kind": kind, "url": r.url, "final_url": r.final_url,
            "status": r.status, "n_bytes": len(r.content), "elapsed_ms": r.elapsed_ms,
            "error_kind": kind_err, "error": err, "fetched_at": stages.now(),
        })
    return pl.DataFrame(rows, schema=FETCH_SCHEMA)


@task(name="poll-feed", cache_policy=NO_CACHE)
def poll_feed(feed: Feed, state: dict, settings: Settings) -> dict:
    """Fetch one feed (conditional GET) and parse its entries. Never raises for a bad feed: the reason is returned."""
    with Fetcher(settings) as fetcher:
        result = fetcher.get(feed.url, max_bytes=settings.max_feed_bytes,
                             etag=state.get("etag"), last_modified=state.get("last_modified"))
    parsed = None
    error = (result.error_kind, result.error) if not result.ok else None
    if result.ok and not result.not_modified:
        parsed = parse_feed(result.content, result.final_url or feed.url, result.headers)
        if parsed.error:
            error = ("not_a_feed", parsed.error)
    if error:
        get_run_logger().warning("feed %s failed: %s", feed.url, error[1])
    return {"feed": feed, "result": result, "parsed": parsed, "error": error}


def feed_state_row(poll: dict, previous: dict) -> dict:
    feed, result, parsed, error = poll["feed"], poll["result"], poll["parsed"], poll["error"]
    failures = previous.get("consecutive_failures", 0) + 1 if error else 0
    health = "ok" if not error else ("dead" if failures >= DEAD_AFTER_FAILURES else "degraded")
    now = stages.now()
    due = politeness.next_due(now, failed=bool(error), consecutive_failures=failures, headers=result.headers,
                              ttl_minutes=parsed.ttl_minutes if parsed else None)
    return {
        "feed_url": feed.url, "name": feed.name, "title": parsed.title if parsed else None,
        "etag": result.headers.get("etag") if result.ok else None,
        "last_modified": result.headers.get("last-modified") if result.ok else None,
        "health": health, "consecutive_failures": failures, "last_error": error[1] if error else None,
        "last_status": result.status, "n_entries_last": parsed.entries.height if parsed else None,
        "last_fetched_at": now, "last_ok_at": None if error else now, "next_due_at": due,
    }


def rate_limit_rows(results: list[FetchResult]) -> pl.DataFrame:
    """A 429/503 with Retry-After holds off the whole registrable domain, not just the one host."""
    now, rows = stages.now(), []
    for r in results:
        wait = politeness.retry_after_seconds(r.headers, now) if r.status in (429, 503) else None
        if wait:
            rows.append({"domain": politeness.registrable_domain(r.url), "until_at": now + timedelta(seconds=wait),
                         "reason": f"HTTP {r.status} Retry-After {r.headers.get('retry-after')}"})
    return pl.DataFrame(rows, schema=LIMIT_SCHEMA)


@task(name="record-feed-poll", cache_policy=NO_CACHE)
def record_feed_poll(db_path: Path, run_id: str, polls: list[dict], previous: dict[str, dict]) -> tuple[int, int]:
    """Validate entries, store feed states, fetch log and entries; returns (new entries, quarantined entries)."""
    feeds = pl.DataFrame([feed_state_row(p, previous.get(p["feed"].url, {})) for p in polls])
    feeds = feeds.with_columns(pl.col(c).cast(pl.Datetime("us", "UTC")) for c in ("last_ok_at", "last_fetched_at", "next_due_at"))
    fetches = fetch_rows([p["result"] for p in polls], "feed", run_id,
                         {p["result"].url: p["error"] for p in polls if p["error"]})
    entries = pl.concat([p["parsed"].entries for p in polls if p["parsed"]] or [pl.DataFrame(schema=ENTRY_SCHEMA)])
    valid, quarantined = expectations.validate("entries", entries, key="entry_id")
    limits = rate_limit_rows([p["result"] for p in polls])
    n_new = stages.record_feed_poll(db_path, feeds, fetches, valid, quarantined, limits, run_id)
    return n_new, quarantined.height


@task(name="fetch-pages", cache_policy=NO_CACHE, retries=1, retry_delay_seconds=2)
def fetch_pages(urls: list[str], settings: Settings) -> list[FetchResult]:
    """Fetch article pages that robots.txt allows; a refusal is recorded like any other failed fetch."""
    with Fetcher(settings) as fetcher:
        verdicts = {u: fetcher.robots_allows(u) if settings.obey_robots else (True, None) for u in urls}
        allowed = [u for u in urls if verdicts[u][0]]
        fetched = dict(zip(allowed, fetcher.get_many(allowed, max_bytes=settings.max_page_bytes)))
    return [fetched.get(u) or FetchResult(u, None, None, b"", error_kind="robots", error=verdicts[u][1]) for u in urls]


@task(name="extract-articles", cache_policy=NO_CACHE)
def extract_articles(pending: pl.DataFrame, results: list[FetchResult], pool: Executor | None = None) -> pl.DataFrame:
    by_url = {r["url"]: r for r in pending.to_dicts()}
    pages = [
        {"url": r.url, "feed_url": by_url[r.url]["feed_url"], "content": r.content,
         "entry_title": by_url[r.url]["title"], "entry_published_at": by_url[r.url]["published_at"]}
        for r in results if r.ok
    ]
    return articles_frame(pages, executor=pool if len(pages) >= MIN_PAGES_FOR_POOL else None)


@task(name="extract-mentions", cache_policy=NO_CACHE)
def extract_events(articles: pl.DataFrame) -> pl.DataFrame:
    return extract_mentions(articles)


@task(name="validate", cache_policy=NO_CACHE)
def validate(table: str, frame: pl.DataFrame, key: str, **params) -> tuple[pl.DataFrame, pl.DataFrame]:
    return expectations.validate(table, frame, key=key, **params)


@task(name="load-article-batch", cache_policy=NO_CACHE)
def load_article_batch(db_path: Path, run_id: str, fetches, articles, mentions, quarantine) -> dict:
    return stages.load_article_batch(db_path, run_id, fetches, articles, mentions, quarantine)


def process_articles(db_path: Path, run_id: str, pending: pl.DataFrame, settings: Settings) -> dict:
    """Fetch, extract, validate and load pending articles batch by batch; each batch commits on its own."""
    totals = {"n_articles_new": 0, "n_mentions_new": 0, "n_events_new": 0, "n_quarantined": 0}
    if pending.is_empty():
        return totals
    with _extraction_pool(settings, pending.height) as pool:
        for batch in pending.iter_slices(settings.article_batch_size):
            _process_batch(db_path, run_id, batch, settings, pool, totals)
    return totals


@contextmanager
def _extraction_pool(settings: Settings, n_pages: int):
    """Worker processes for text extraction, only when there is enough work to pay for starting them."""
    workers = settings.extract_workers or os.cpu_count() or 1
    if workers < 2 or n_pages < MIN_PAGES_FOR_POOL:
        yield None
        return
    # spawn, not fork: this process runs threads (Prefect, the fetcher), and forking those can deadlock.
    with ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("spawn"),
                             initializer=_die_with_parent) as pool:
        yield pool


def _die_with_parent() -> None:
    """In a pool worker: ask Linux to kill this process when the run's process dies (even by SIGKILL), so a killed
    run leaves no orphaned extraction workers behind."""
    try:
        import ctypes
        import signal

        ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, signal.SIGKILL)  # 1 = PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass  # not Linux: workers still exit when they find the parent's pipe closed


def _process_batch(db_path: Path, run_id: str, batch: pl.DataFrame, settings: Settings, pool, totals: dict) -> None:
    # Domains that sent Retry-After wait; their pages stay pending for a later run.
    limited = stages.rate_limits(db_path)
    batch = batch.filter(~pl.col("url").map_elements(politeness.registrable_domain, return_dtype=pl.String).is_in(list(limited)))
    results = fetch_pages(batch["url"].to_list(), settings)
    stages.record_rate_limits(db_path, rate_limit_rows(results))
    articles = extract_articles(batch, results, pool)
    articles, bad_articles = validate("articles", articles, key="url", min_text_chars=settings.min_text_chars)
    mentions = extract_events(articles)
    mentions, bad_mentions = validate("mentions", mentions, key="mention_id")
    # A mention whose article failed validation cannot exist; a failed mention never blocks its article.
    counts = load_article_batch(db_path, run_id, fetch_rows(results, "article", run_id), articles, mentions,
                                pl.concat([bad_articles, bad_mentions]))
    for name, value in counts.items():
        totals[name] += value


def due_feeds(feeds: list[Feed], previous: dict[str, dict], limited: dict[str, datetime], force: bool) -> list[Feed]:
    """Feeds whose own pace, backoff or domain Retry-After lets them be polled now (all of them with force)."""
    if force:
        return feeds
    now = stages.now()
    return [f for f in feeds
            if (previous.get(f.url, {}).get("next_due_at") or now) <= now
            and politeness.registrable_domain(f.url) not in limited]


@flow(name="radar-ingest", log_prints=False)
def ingest(feeds: list[Feed], db_path: str, settings: Settings | None = None, force: bool = False) -> dict:
    """One poll of every due feed in `feeds` into the warehouse at `db_path`; returns the run's counts."""
    expectations.prewarm()  # the GX import (seconds) overlaps with fetching feeds
    expectations.take_results()  # validations before this run (earlier calls in this process) are not its own
    settings = settings or Settings.load()
    db_path = Path(db_path)
    db.migrate(db_path)
    run_id = uuid.uuid4().hex
    flow_run = get_run_context().flow_run
    stages.start_run(db_path, run_id, str(flow_run.id) if flow_run else None)
    counts = {"n_feeds": len(feeds)}
    try:
        previous = stages.feed_states(db_path)
        due = due_feeds(feeds, previous, stages.rate_limits(db_path), force)
        counts["n_feeds_skipped"] = len(feeds) - len(due)
        futures = [poll_feed.submit(feed, previous.get(feed.url, {}), settings) for feed in due]
        polls = [f.result() for f in futures]
        counts["n_feeds_failed"] = sum(1 for p in polls if p["error"])
        counts["n_entries_new"], n_bad_entries = record_feed_poll(db_path, run_id, polls, previous)
        pending = stages.pending_articles(db_path, [feed.url for feed in feeds])
        counts.update(process_articles(db_path, run_id, pending, settings))
        counts["n_quarantined"] += n_bad_entries
    except BaseException as exc:
        stages.finish_run(db_path, run_id, "failed", counts, error=f"{type(exc).__name__}: {exc}")
        raise
    stages.finish_run(db_path, run_id, "completed", counts)
    docs_page = build_data_docs(db_path, run_id)
    create_markdown_artifact(key="radar-run", markdown=run_summary_markdown(db_path, run_id, polls, counts, docs_page),
                             description="What this poll found")
    return {"run_id": run_id, **counts}


@task(name="build-data-docs", cache_policy=NO_CACHE)
def build_data_docs(db_path: Path, run_id: str) -> Path | None:
    """GX Data Docs of this run's validations, next to the warehouse. Once per run, after the data is stored:
    a failure here costs the docs, never the run."""
    import time

    started = time.perf_counter()
    try:
        page = expectations.datadocs.build_run_docs(db_path, run_id)
    except Exception as exc:  # noqa: BLE001
        get_run_logger().warning("Data Docs not built: %s: %s", type(exc).__name__, exc)
        return None
    get_run_logger().info("Data Docs built in %.2f s: %s", time.perf_counter() - started, page)
    return page


def run_summary_markdown(db_path: Path, run_id: str, polls: list[dict], counts: dict,
                         docs_page: Path | None = None) -> str:
    releases = db.query(db_path, db.sql_text("run_releases"), {"run_id": run_id})
    lines = [f"# Radar run `{run_id}`", "", "| measure | count |", "|---|---|"]
    lines += [f"| {k.removeprefix('n_').replace('_', ' ')} | {v} |" for k, v in counts.items()]
    lines += ["", "## New model releases", ""]
    if releases.is_empty():
        lines.append("None this run.")
    else:
        lines += ["| org | model | open weights | date |", "|---|---|---|---|"]
        lines += [f"| {_md(r['org'])} | {_md(r['model'])} | {r['open_weights']} | {r['event_date'] or ''} |"
                  for r in releases.to_dicts()]
    failing = [p for p in polls if p["error"]]
    if failing:
        lines += ["", "## Failing feeds", ""] + [f"- {_md(p['feed'].url)}: {_md(p['error'][1])}" for p in failing]
    lines += ["", "## Validation", ""]
    if docs_page is None:
        lines.append("Great Expectations Data Docs were not built for this run (the run's log says why).")
    else:
        page = docs_page.resolve()
        lines.append(f"Great Expectations Data Docs of this run: [{page.name}]({page.as_uri()}) at `{page}`; "
                     f"every kept run: `{page.parent.parent / 'index.html'}`.")
    return "\n".join(lines)


def _md(value) -> str:
    """Feed text is untrusted: keep it from breaking the table or injecting markup."""
    text = "" if value is None else str(value)
    return text.replace("|", "\\|").replace("<", "&lt;").replace(">", "&gt;").replace("\n", " ")[:300]
