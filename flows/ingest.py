"""The ingest flow: one poll of every feed, from feed bytes to canonical events. Thin wiring only.

Read top to bottom it follows the data: fetch feeds -> parse entries (transforms/feeds) -> fetch new pages ->
extract text (transforms/articles) -> extract mentions (transforms/extract) -> validate (expectations) ->
load and merge events (warehouse/stages).
"""
from __future__ import annotations

import time
import uuid
from collections import Counter
from collections.abc import Iterator
from concurrent.futures import Executor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import replace
from datetime import datetime, timedelta
from pathlib import Path

import polars as pl
from prefect import flow, get_run_logger, task
from prefect.artifacts import create_markdown_artifact
from prefect.cache_policies import NO_CACHE
from prefect.context import get_run_context
from prefect.exceptions import TerminationSignal

import expectations
from flows.workers import LazyPool
from sources.feeds import Feed
from sources import fetch_policy
from sources import politeness
from flows import progress
from sources.http import FetchResult, Fetcher
from config.settings import Settings
from transforms.articles import articles_frame, extract_page, extract_pages
from transforms.extract import EXTRACTOR_VERSION, MENTION_SCHEMA, extract_mentions
from transforms.isolate import FAILURE_SCHEMA, failure_quarantine, isolating
from transforms.feeds import ENTRY_SCHEMA, ParsedFeed, parse_feed
from warehouse import db, stages

FETCH_SCHEMA = {
    "fetch_id": pl.String, "run_id": pl.String, "kind": pl.String, "url": pl.String, "final_url": pl.String,
    "status": pl.Int32, "n_bytes": pl.Int64, "elapsed_ms": pl.Int32, "error_kind": pl.String, "error": pl.String,
    "failure": pl.String, "fetched_at": pl.Datetime("us", "UTC"),
}
DEAD_AFTER_FAILURES = 5
MIN_PAGES_FOR_POOL = 16  # starting a worker process costs ~0.7 s; below this one process is faster
MIN_FEEDS_FOR_POOL = 8
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
            "error_kind": kind_err, "error": err, "failure": fetch_policy.failure_class(kind_err, r.status),
            "fetched_at": stages.now(),
        })
    return pl.DataFrame(rows, schema=FETCH_SCHEMA)


@task(name="poll-feeds", cache_policy=NO_CACHE)
def poll_feeds(feeds: list[Feed], previous: dict[str, dict], settings: Settings, pool: LazyPool) -> list[dict]:
    """Fetch every feed (conditional GET, one client, per-host limits) and parse those that changed.

    One task for all feeds, not one per feed: Prefect's per-task bookkeeping costs more than a 304. Never raises
    for a bad feed: the reason is the poll's `error`.
    """
    validators = {f.url: (previous.get(f.url, {}).get("etag"), previous.get(f.url, {}).get("last_modified"))
                  for f in feeds}
    with Fetcher(settings) as fetcher:
        results = fetcher.get_many([f.url for f in feeds], max_bytes=settings.max_feed_bytes, validators=validators)
    parsed = parse_changed_feeds(feeds, results, pool)
    polls = []
    for i, (feed, result) in enumerate(zip(feeds, results)):
        feed_parsed = parsed.get(i)
        error = (result.error_kind, result.error) if not result.ok else None
        if feed_parsed is not None and feed_parsed.error:
            error = ("not_a_feed", feed_parsed.error)
        if error:
            get_run_logger().debug("feed %s failed: %s", feed.url, error[1])
        elif feed_parsed is not None and feed_parsed.warning:  # malformed, but its entries were recovered
            get_run_logger().debug("feed %s is malformed (entries kept): %s", feed.url, feed_parsed.warning)
        polls.append({"feed": feed, "result": result, "parsed": feed_parsed, "error": error})
    _warn_failed_feeds(polls)
    return polls


def _warn_failed_feeds(polls: list[dict]) -> None:
    """One warning for all the feeds that failed (one per feed is at debug level): counts by kind, a few urls.
    The full list is in raw.fetches, marts.feed_health and `radar feeds list`."""
    failed = [p for p in polls if p["error"]]
    if failed:
        kinds = Counter(p["error"][0] or "error" for p in failed)
        get_run_logger().warning("%d of %d feeds failed (%s), e.g. %s", len(failed), len(polls),
                                 ", ".join(f"{kind} {n}" for kind, n in kinds.most_common()),
                                 ", ".join(p["feed"].url for p in failed[:3]))


def parse_changed_feeds(feeds: list[Feed], results: list[FetchResult], pool: LazyPool) -> dict[int, ParsedFeed]:
    """Parse the feeds that came back with a body (not 304, not failed), in the worker processes when many did."""
    changed = [i for i, r in enumerate(results) if r.ok and not r.not_modified]
    executor = pool.get() if len(changed) >= MIN_FEEDS_FOR_POOL else None
    args = ([results[i].content for i in changed], [results[i].final_url or feeds[i].url for i in changed],
            [results[i].headers for i in changed])
    return dict(zip(changed, executor.map(parse_feed, *args) if executor else map(parse_feed, *args)))


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


# No Prefect retries: Fetcher.get never raises; it retries a transient failure itself (tenacity, sources/http.py).
@task(name="fetch-pages", cache_policy=NO_CACHE)
def fetch_pages(urls: list[str], settings: Settings, n_failed: dict[str, int] | None = None,
                deadline: float | None = None) -> list[FetchResult]:
    """Fetch article pages that robots.txt allows; a refusal is recorded like any other failed fetch.

    `n_failed` counts each url's earlier failed attempts: a transient failure on the last allowed attempt says
    that the page is given up. Nothing starts after `deadline` (time.time()): the urls not attempted get no
    result at all, so they stay pending for the next run.
    """
    n_failed = n_failed or {}
    refused: dict[str, tuple[str, str]] = {}
    with Fetcher(settings) as fetcher:
        checked = []
        for u in urls:
            if deadline is not None and time.time() >= deadline:
                break
            refusal = fetcher.robots_refusal(u) if settings.obey_robots else None
            if refusal:
                refused[u] = refusal
            else:
                checked.append(u)
        fetched = dict(zip(checked, fetcher.get_many(checked, max_bytes=settings.max_page_bytes, deadline=deadline)))
    results = []
    for u in urls:
        result = fetched.get(u)
        if u in refused:
            result = FetchResult(u, None, None, b"", error_kind=refused[u][0], error=refused[u][1])
        if result is None:
            continue  # not attempted before the deadline
        attempt = n_failed.get(u, 0) + 1
        if fetch_policy.failure_class(result.error_kind, result.status) == "transient" \
                and attempt >= stages.MAX_ARTICLE_ATTEMPTS:
            result = replace(result, error=f"{result.error} (given up after {attempt} attempts)")
        results.append(result)
    return results


def start_text_extraction(pending: pl.DataFrame, results: list[FetchResult], pool: LazyPool) -> tuple[list[dict], Iterator]:
    """Hand the fetched pages to the worker processes and return at once; the texts arrive while the flow
    finishes the previous batch. A page that could not be fetched comes along with its fetch error: its article's
    text is its entry's feed text (transforms/articles.py)."""
    by_url = {r["url"]: r for r in pending.to_dicts()}
    pages = [
        {"url": r.url, "feed_url": by_url[r.url]["feed_url"], "content": r.content if r.ok else b"",
         "fetch_error": None if r.ok else _fetch_error(r),
         "entry_title": by_url[r.url]["title"], "entry_published_at": by_url[r.url]["published_at"],
         "entry_summary": by_url[r.url].get("summary"), "entry_content": by_url[r.url].get("content")}
        for r in results if _settled(r, by_url[r.url])
    ]
    executor = pool.get() if sum(1 for r in results if r.ok) >= MIN_PAGES_FOR_POOL else None
    return pages, _surviving_dead_workers(pages, extract_pages(pages, executor), pool, executor)


def _settled(result: FetchResult, entry: dict) -> bool:
    """Whether this page's article is made now. A page that failed transiently (sources/fetch_policy.py) with
    attempts left is retried on a later run, and its article waits, unless the feed carried the post's full text
    (content:encoded), which is as good as the page. Fetched, permanently failed and given-up pages settle now,
    the failed ones from their feed text."""
    if result.ok or entry.get("content"):
        return True
    transient = fetch_policy.failure_class(result.error_kind, result.status) == "transient"
    return not transient or entry.get("n_failed", 0) + 1 >= stages.MAX_ARTICLE_ATTEMPTS


def _fetch_error(result: FetchResult) -> str:
    return f"http_{result.status}" if result.error_kind == "http_status" and result.status else result.error_kind


def _surviving_dead_workers(pages: list[dict], metas: Iterator, pool: LazyPool, executor: Executor | None) -> Iterator:
    """The pages' texts in order. A page that kills its worker process breaks the whole pool: the pages not yet
    read are then read again in fresh processes, halving the set until the page that kills them is alone."""
    done = 0
    try:
        for meta in metas:
            yield meta
            done += 1
    except BrokenProcessPool:
        pool.discard(executor)
        yield from _read_bisecting(pages[done:], pool)


def _read_bisecting(pages: list[dict], pool: LazyPool) -> list[dict]:
    executor = pool.get()
    try:
        return list(extract_pages(pages, executor))
    except BrokenProcessPool:
        pool.discard(executor)
        if len(pages) == 1:
            return [{**extract_page(b"", pages[0]["url"]), "error_type": "BrokenProcessPool",
                     "error_message": "the worker process extracting this page died"}]
        middle = len(pages) // 2
        return _read_bisecting(pages[:middle], pool) + _read_bisecting(pages[middle:], pool)


@task(name="extract-articles", cache_policy=NO_CACHE)
def extract_articles(pages: list[dict], metas: Iterator) -> tuple[pl.DataFrame, pl.DataFrame]:
    """Article rows, and quarantine rows for the pages whose text extraction raised or that are no article (a
    navigation, video or error page): their articles are stored from their entries' feed text."""
    metas = list(metas)
    articles = articles_frame(pages, metas)
    failures = pl.DataFrame([{"row_key": p["url"], "error_type": m["error_type"], "error_message": m["error_message"]}
                             for p, m in zip(pages, metas) if "error_type" in m], schema=FAILURE_SCHEMA)
    not_articles = articles.filter((pl.col("page_error") == "not_an_article") & pl.col("is_article")).select(
        table_name=pl.lit("articles"), row_key="url", stage=pl.lit("extract_text"),
        expectations=pl.lit("not_an_article: the page is no story; its text is the feed entry's"),
        row_json=pl.struct("url", "title", "text_source").struct.json_encode())
    return articles, pl.concat([failure_quarantine(failures, "articles", "extract_text", articles, key="url"),
                                not_articles], how="diagonal_relaxed")


@task(name="extract-mentions", cache_policy=NO_CACHE)
def extract_events(articles: pl.DataFrame) -> tuple[pl.DataFrame, pl.DataFrame]:
    """Mentions of the articles, and quarantine rows for the articles whose extraction raised (retried only when
    EXTRACTOR_VERSION changes: see retry_failed_extractions)."""
    parts, failures = isolating(extract_mentions, articles, key="article_id")
    mentions = pl.concat(parts) if parts else pl.DataFrame(schema=MENTION_SCHEMA)
    return mentions, failure_quarantine(failures, "mentions", "extract_events", articles, "article_id",
                                        EXTRACTOR_VERSION)


@task(name="validate", cache_policy=NO_CACHE)
def validate(table: str, frame: pl.DataFrame, key: str, **params) -> tuple[pl.DataFrame, pl.DataFrame]:
    """(valid, quarantined); a row that makes validation itself raise is quarantined with the error."""
    parts, failures = isolating(lambda part: expectations.validate(table, part, key=key, **params), frame, key)
    valid = pl.concat([v for v, _ in parts]) if parts else frame.clear()
    quarantined = [q for _, q in parts] + [failure_quarantine(failures, table, f"validate_{table}", frame, key)]
    return valid, pl.concat(quarantined, how="diagonal_relaxed")


@task(name="load-article-batch", cache_policy=NO_CACHE)
def load_article_batch(db_path: Path, run_id: str, fetches, articles, mentions, quarantine) -> dict:
    return stages.load_article_batch(db_path, run_id, fetches, articles, mentions, quarantine)


def process_articles(db_path: Path, run_id: str, pending: pl.DataFrame, settings: Settings, pool: LazyPool,
                     deadline: float | None = None) -> dict:
    """Fetch, extract, validate and load pending articles batch by batch; each batch commits on its own.

    Three batches are in flight, so both cores stay busy: while the worker processes extract the text of batch n,
    a task thread fetches batch n+1 and this process finishes batch n-1 (events, validation, load).
    The run is bounded: pages still in backoff, pages over the per-feed cap and pages not started before the
    deadline wait for a later run (`n_pages_waiting`).
    """
    totals = {"n_articles_new": 0, "n_mentions_new": 0, "n_events_new": 0, "n_quarantined": 0,
              "n_pages_waiting": pending.height}
    chosen = fetch_policy.cap_per_feed(fetch_policy.due_now(pending, stages.now()), settings.max_pages_per_feed)
    slices = chosen.iter_slices(settings.article_batch_size)
    ahead = _start_fetch(db_path, next(slices, None), settings, deadline)
    progress.expect("pages", chosen.height)
    started = None
    while ahead is not None:
        batch, fetching = ahead
        results = fetching.result()
        totals["n_pages_waiting"] -= len(results)
        progress.advance("pages", len(results))
        stages.record_rate_limits(db_path, rate_limit_rows(results))
        ahead = _start_fetch(db_path, next(slices, None), settings, deadline)
        current = (results, *start_text_extraction(batch, results, pool))
        if started is not None:
            _finish_and_report(db_path, run_id, settings, started, totals)
        started = current
    if started is not None:
        _finish_and_report(db_path, run_id, settings, started, totals)
    return totals


def _finish_and_report(db_path: Path, run_id: str, settings: Settings, started: tuple, totals: dict) -> None:
    """Finish a batch, then tell whoever shows progress that it committed, with its articles and events."""
    before = dict(totals)
    _finish_batch(db_path, run_id, settings, *started, totals)
    progress.advance("batches")
    progress.advance("articles", totals["n_articles_new"] - before["n_articles_new"])
    progress.advance("events", totals["n_events_new"] - before["n_events_new"])


def _start_fetch(db_path: Path, batch: pl.DataFrame | None, settings: Settings, deadline: float | None):
    """Submit the fetch of a batch's pages; (batch, future), or None when there is no batch left or the run's
    deadline has passed."""
    if batch is None or (deadline is not None and time.time() >= deadline):
        return None
    # Domains that sent Retry-After in any batch fetched so far wait; their pages stay pending for a later run.
    limited = stages.rate_limits(db_path)
    batch = batch.filter(~pl.col("url").map_elements(politeness.registrable_domain, return_dtype=pl.String)
                         .is_in(list(limited)))
    n_failed = dict(zip(batch["url"], batch["n_failed"]))
    return batch, fetch_pages.submit(batch["url"].to_list(), settings, n_failed, deadline)


def _finish_batch(db_path: Path, run_id: str, settings: Settings, results: list[FetchResult], pages: list[dict],
                  metas: Iterator, totals: dict) -> None:
    articles, failed_texts = extract_articles(pages, metas)
    articles, bad_articles = validate("articles", articles, key="url")
    mentions, failed_extractions = extract_events(articles)
    mentions, bad_mentions = validate("mentions", mentions, key="mention_id")
    # A mention whose article failed validation cannot exist; a failed mention never blocks its article.
    counts = load_article_batch(db_path, run_id, fetch_rows(results, "article", run_id), articles, mentions,
                                pl.concat([failed_texts, bad_articles, failed_extractions, bad_mentions],
                                          how="diagonal_relaxed"))
    for name, value in counts.items():
        totals[name] += value


def retry_failed_extractions(db_path: Path, run_id: str, totals: dict) -> None:
    """Stored articles whose event extraction raised are tried again once the extractor version has changed;
    with the same version a rerun leaves them be (they would only raise again)."""
    articles = stages.articles_to_reextract(db_path, EXTRACTOR_VERSION)
    if articles.is_empty():
        return
    mentions, failed = extract_events(articles)
    mentions, bad_mentions = validate("mentions", mentions, key="mention_id")
    counts = stages.load_reextracted(db_path, run_id, articles["article_id"], mentions,
                                     pl.concat([failed, bad_mentions], how="diagonal_relaxed"))
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
    deadline = time.time() + settings.run_deadline_s if settings.run_deadline_s > 0 else None
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
        progress.expect("feeds", len(due))
        with LazyPool(settings.extract_workers) as pool:
            polls = poll_feeds(due, previous, settings, pool)
            progress.advance("feeds", len(polls))
            counts["n_feeds_failed"] = sum(1 for p in polls if p["error"])
            counts["n_entries_new"], n_bad_entries = record_feed_poll(db_path, run_id, polls, previous)
            pending = stages.pending_articles(db_path, [feed.url for feed in feeds])
            counts.update(process_articles(db_path, run_id, pending, settings, pool, deadline))
            retry_failed_extractions(db_path, run_id, counts)
        counts["n_quarantined"] += n_bad_entries
    except BaseException as exc:
        # Ctrl-C or SIGTERM: the batches committed so far stay, and the next run resumes with the rest.
        status = "interrupted" if isinstance(exc, (KeyboardInterrupt, TerminationSignal)) else "failed"
        stages.finish_run(db_path, run_id, status, counts, error=f"{type(exc).__name__}: {exc}")
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
