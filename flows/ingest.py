"""The ingest flow: one poll of the due feeds (of one shard), from feed bytes to canonical events. Wiring only:
every decision is a pure function in the package of its stage, and every batch is written by one call,
warehouse.stages.load_batch (the seam a landing zone for many workers replaces).

The tasks, in the order the data moves (tasks exchange plain data only: urls, bytes, page dicts, frames):

    fetch-feeds       sources.fetching     feed bytes, by conditional GET
    parse-feeds       transforms.feeds     entries (in worker processes when many feeds changed)
    validate          expectations         entries
    load-batch        warehouse.stages     feed states, fetch log, Retry-After, entries         batch "feeds"
    then for each batch of pending pages (sources.fetch_policy says which, and how many):
    fetch-pages       sources.fetching     page bytes (robots.txt, per-host limits, the run's deadline)
    extract-articles  transforms.articles  text, in worker processes (feed text when the page fails)
    validate          expectations         articles
    extract-mentions  transforms.extract   mentions
    validate          expectations         mentions
    load-batch        warehouse.stages     fetch log, Retry-After, articles, mentions,          batch "pages-N"
                                           quarantine; events merged
"""
from __future__ import annotations

import time
import uuid
from pathlib import Path

import polars as pl
from prefect import flow, get_run_logger, task
from prefect.artifacts import create_markdown_artifact
from prefect.cache_policies import NO_CACHE
from prefect.context import FlowRunContext
from prefect.exceptions import TerminationSignal

import expectations
from config.settings import Settings
from flows import progress, stopping, workers
from sources import fetch_policy, fetching, polling
from sources.feeds import Feed, feeds_in_shard, parse_shard
from sources.http import FetchResult
from transforms import ingest_rows
from transforms.articles import articles_frame
from transforms.extract import EXTRACTOR_VERSION, MENTION_SCHEMA, extract_mentions
from transforms.isolate import failure_quarantine, isolating
from transforms.run_summary import run_summary_markdown
from warehouse import db, landing, stages


@flow(name="radar-ingest", log_prints=False)
def ingest(feeds: list[Feed], db_path: str, settings: Settings | None = None, force: bool = False,
           shard: str | None = None, landing_root: str | None = None) -> dict:
    """One poll of every due feed in `feeds` (of shard "I/N" only, when given) into the warehouse at `db_path`;
    returns the run's counts. With `landing_root` (distributed mode, docs/scale-out.md) every batch is also landed
    there for the merger; `db_path` is then the worker's own file, which keeps its shard's feed state."""
    expectations.take_results()  # validations before this run (earlier calls in this process) are not its own
    settings = settings or Settings.load()
    deadline = time.time() + settings.run_deadline_s if settings.run_deadline_s > 0 else None
    db_file = Path(db_path)
    feeds = feeds_in_shard(feeds, parse_shard(shard) if shard else None)
    db.migrate(db_file)
    reloaded = load_landed_batches(db_file, landing_root) if landing_root else 0
    run_id = uuid.uuid4().hex
    context = FlowRunContext.get()  # None when called as ingest.fn() in tests
    flow_run = context.flow_run if context else None
    stages.start_run(db_file, run_id, str(flow_run.id) if flow_run else None)
    counts = {"n_feeds": len(feeds), **({"n_batches_reloaded": reloaded} if landing_root else {})}
    try:
        previous, limited = stages.feed_states(db_file), stages.rate_limits(db_file)
        due = polling.due_feeds(feeds, previous, limited, stages.now(), force)
        counts["n_feeds_skipped"] = len(feeds) - len(due)
        progress.expect("feeds", len(due))
        with workers.run_pool(settings.extract_workers):
            results = fetch_feeds(due, previous, settings)
            # GX (~4 CPU-s to import) only when there may be rows to validate: a poll that finds every feed
            # unchanged and no page pending never imports it. The import overlaps with parsing in the workers.
            if polling.changed(results):
                expectations.prewarm()
            polls = parse_feeds(due, results)
            progress.advance("feeds", len(polls))
            counts["n_feeds_failed"] = sum(1 for p in polls if p.error)
            feed_limits = polling.retry_after_limits(results, stages.now())
            entries, bad_entries = validate("entries", polling.entries(polls), key="entry_id")
            loaded = load_batch(db_file, run_id, "feeds", landing_root, {
                "feeds": polling.feed_states(polls, previous, stages.now()),
                "rate_limits": feed_limits, "fetches": polling.feed_fetch_log(polls, run_id, stages.now()),
                "entries": entries, "quarantine": bad_entries})
            counts["n_entries_new"] = loaded["n_entries_new"]
            pending = stages.pending_articles(db_file, [feed.url for feed in feeds])
            if not pending.is_empty():
                expectations.prewarm()  # overlaps with fetching the pages
            counts.update(process_articles(db_file, run_id, pending, settings,
                                           polling.held_off(limited, feed_limits), deadline, landing_root))
            retry_failed_extractions(db_file, run_id, counts, landing_root)
        counts["n_quarantined"] += loaded["n_quarantined"]
    except BaseException as exc:
        # Ctrl-C or SIGTERM: the batches committed so far stay, and the next run resumes with the rest.
        interrupted = isinstance(exc, (KeyboardInterrupt, TerminationSignal)) or stopping.signalled()
        status = "interrupted" if interrupted else "failed"
        stages.finish_run(db_file, run_id, status, counts, error=f"{type(exc).__name__}: {exc}")
        raise
    stages.finish_run(db_file, run_id, "completed", counts)
    docs_page = build_data_docs(db_file, run_id)
    summary = run_summary_markdown(run_id, counts, stages.run_releases(db_file, run_id),
                                   [(p.feed.url, p.error[1]) for p in polls if p.error], docs_page)
    create_markdown_artifact(key="radar-run", markdown=summary, description="What this poll found")
    return {"run_id": run_id, **({"shard": shard} if shard else {}), **counts}


def process_articles(db_path: Path, run_id: str, pending: pl.DataFrame, settings: Settings,
                     limited: dict, deadline: float | None, landing_root: str | None = None) -> dict:
    """Fetch, extract, validate and load the pending pages batch by batch; each batch commits on its own.

    Three batches are in flight, as task futures, so both cores stay busy: while the worker processes extract the
    text of batch n, a task thread fetches batch n+1 and this thread finishes batch n-1 (mentions, validation,
    load). Pages over the per-feed cap, pages still in backoff, pages of a domain that sent Retry-After and pages
    not started before the deadline wait for a later run (`n_pages_waiting`).
    """
    totals = {"n_articles_new": 0, "n_mentions_new": 0, "n_events_new": 0, "n_quarantined": 0,
              "n_pages_waiting": pending.height}
    planned = fetch_policy.pages_for_run(pending, stages.now(), settings.max_pages_per_feed)
    batches = planned.iter_slices(settings.article_batch_size)
    progress.expect("pages", planned.height)
    fetching_next = _submit_fetch(next(batches, None), settings, limited, deadline)
    extracting, n_batches = None, 0
    while fetching_next is not None or extracting is not None:
        fetched = None
        if fetching_next is not None:
            batch, future = fetching_next
            results = future.result()
            n_batches += 1
            totals["n_pages_waiting"] -= len(results)
            progress.advance("pages", len(results))
            limits = polling.retry_after_limits(results, stages.now())
            limited = polling.held_off(limited, limits)  # its domain's later pages wait for a later run
            fetching_next = _submit_fetch(next(batches, None), settings, limited, deadline)
            pages = ingest_rows.pages_to_extract(
                batch, fetching.settled_pages(batch, results, stages.MAX_ARTICLE_ATTEMPTS))
            fetched = (f"pages-{n_batches}", results, limits, extract_articles.submit(pages))
        if extracting is not None:
            _finish_batch(db_path, run_id, landing_root, *extracting, totals)
        extracting = fetched
    return totals


def _submit_fetch(batch: pl.DataFrame | None, settings: Settings, limited: dict, deadline: float | None):
    """(batch, future of its pages), or None when there is no batch left or the deadline has passed."""
    if batch is None or (deadline is not None and time.time() >= deadline):
        return None
    batch = fetch_policy.not_held_off(batch, limited)
    failures_so_far = dict(zip(batch["url"], batch["n_failed"], strict=True))
    return batch, fetch_pages.submit(batch["url"].to_list(), settings, failures_so_far, deadline)


def _finish_batch(db_path: Path, run_id: str, landing_root: str | None, batch_id: str, results: list[FetchResult],
                  limits: pl.DataFrame, extracting, totals: dict) -> None:
    articles, failed_texts = extracting.result()
    articles, bad_articles = validate("articles", articles, key="url")
    mentions, failed_extractions = extract_events(articles)
    mentions, bad_mentions = validate("mentions", mentions, key="mention_id")
    # A mention whose article failed validation cannot exist; a failed mention never blocks its article.
    quarantine = pl.concat([failed_texts, bad_articles, failed_extractions, bad_mentions], how="diagonal_relaxed")
    counts = load_batch(db_path, run_id, batch_id, landing_root, {
        "fetches": polling.fetch_log(results, "article", run_id, stages.now()), "rate_limits": limits,
        "articles": articles, "mentions": mentions, "quarantine": quarantine})
    for name, value in counts.items():
        totals[name] += value
    progress.advance("batches")
    progress.advance("articles", counts["n_articles_new"])
    progress.advance("events", counts["n_events_new"])


def retry_failed_extractions(db_path: Path, run_id: str, totals: dict, landing_root: str | None = None) -> None:
    """Stored articles whose event extraction raised are tried again once the extractor version has changed;
    with the same version a rerun leaves them be (they would only raise again). One batch, "reextract", through
    the one write seam: landed too in distributed mode, so the merger gets the mentions and the quarantine rows
    that go (`recovered_extractions`)."""
    articles = stages.articles_to_reextract(db_path, EXTRACTOR_VERSION)
    if articles.is_empty():
        return
    mentions, failed = extract_events(articles)
    mentions, bad_mentions = validate("mentions", mentions, key="mention_id")
    quarantine = pl.concat([failed, bad_mentions], how="diagonal_relaxed")
    recovered = articles.select("article_id").filter(~pl.col("article_id").is_in(failed["row_key"].to_list()))
    counts = load_batch(db_path, run_id, "reextract", landing_root, {
        "mentions": mentions, "quarantine": quarantine, "recovered_extractions": recovered})
    for name, value in counts.items():
        totals[name] += value


def load_landed_batches(db_path: Path, landing_root: str) -> int:
    """Batches that this worker's unfinished runs landed but did not load into its own file (killed, or stopped,
    between the two), loaded now as the merger loads them: the rerun then knows those feeds polled and those pages
    fetched, and fetches nothing twice (its fetch log would reach the merger twice). Returns the batches loaded."""
    runs = stages.unfinished_runs(db_path)
    version = landing.markers_version(landing_root) if runs else None
    if version is None:
        return 0
    batches = stages.unmerged_batches(db_path, landing.committed_batches(landing_root, version, run_ids=runs))
    if batches.is_empty():
        return 0
    stages.merge_landed(db_path, landing_root, version, batches, landing.read_batches(landing_root, batches))
    return batches.height


# --------------------------------------------------------------------------- tasks

@task(name="fetch-feeds", cache_policy=NO_CACHE)
def fetch_feeds(feeds: list[Feed], previous: dict[str, dict], settings: Settings) -> list[FetchResult]:
    """Every feed in one task (Prefect's per-task bookkeeping costs more than a 304); never raises for a bad feed.
    No Prefect retries: the client never raises, a failed feed is tried again at its next turn."""
    return fetching.fetch_feeds([f.url for f in feeds], previous, settings)


@task(name="parse-feeds", cache_policy=NO_CACHE)
def parse_feeds(feeds: list[Feed], results: list[FetchResult]) -> list[polling.FeedPoll]:
    """Each feed's poll: its fetch, its entries (parsed only when the feed changed) and its error, if any; one
    warning for all the feeds that failed."""
    changed = polling.changed(results)
    parsed = workers.parse_feeds([results[i].content for i in changed],
                                 [results[i].final_url or feeds[i].url for i in changed],
                                 [results[i].headers for i in changed])
    by_position = dict(zip(changed, parsed, strict=True))
    polls = polling.feed_polls(feeds, results, [by_position.get(i) for i in range(len(feeds))])
    logger = get_run_logger()
    for poll in polls:
        if poll.error:
            logger.debug("feed %s failed: %s", poll.feed.url, poll.error[1])
        elif poll.parsed is not None and poll.parsed.warning:  # malformed, but its entries were recovered
            logger.debug("feed %s is malformed (entries kept): %s", poll.feed.url, poll.parsed.warning)
    warning = polling.failed_feeds_warning(polls)
    if warning:
        logger.warning(warning)
    return polls


# No Prefect retries: Fetcher.get never raises; it retries a transient failure itself (tenacity, sources/http.py).
@task(name="fetch-pages", cache_policy=NO_CACHE)
def fetch_pages(urls: list[str], settings: Settings, n_failed: dict[str, int] | None = None,
                deadline: float | None = None) -> list[FetchResult]:
    """Article pages that robots.txt allows, none started after `deadline`. No Prefect retries (the client never
    raises): a page that failed transiently is tried again on a later run, up to MAX_ARTICLE_ATTEMPTS
    (`n_failed`: each url's earlier failed attempts), and the last attempt says it gave up."""
    return fetching.give_up_last_attempts(fetching.fetch_pages(urls, settings, deadline), n_failed or {},
                                              stages.MAX_ARTICLE_ATTEMPTS)


@task(name="extract-articles", cache_policy=NO_CACHE)
def extract_articles(pages: list[dict]) -> tuple[pl.DataFrame, pl.DataFrame]:
    """Article rows of the pages (text from the page, else the entry's feed text), and quarantine rows for the
    pages whose text extraction raised or killed its worker, or that are no article."""
    metas = workers.read_pages(pages)
    articles = articles_frame(pages, metas)
    return articles, ingest_rows.text_quarantine(pages, metas, articles)


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


@task(name="load-batch", cache_policy=NO_CACHE)
def load_batch(db_path: Path, run_id: str, batch_id: str, landing_root: str | None,
               frames: dict[str, pl.DataFrame]) -> dict:
    """Every row of one batch, one transaction (warehouse.stages.load_batch). With `landing_root`, the batch is
    landed there first (the merger's input), then loaded into the worker's own file, whose feed states, entries
    and pages tell the worker's next run what is due and what is fetched already (docs/scale-out.md). Landed
    first, and recorded as held in the worker's file: a worker killed between the two loads the landed batch on
    its next run (load_landed_batches) instead of fetching its pages again."""
    if not landing_root:
        return stages.load_batch(db_path, run_id, batch_id, frames)
    attempt = landing.write_batch(landing_root, run_id, batch_id, stages.batch_frames(run_id, **frames))
    # None: this run landed this batch id before, which its new run id and unique batch ids rule out
    return stages.load_batch(db_path, run_id, batch_id, frames, landed=(landing_root, attempt or ""))


@task(name="build-data-docs", cache_policy=NO_CACHE)
def build_data_docs(db_path: Path, run_id: str) -> Path | None:
    """GX Data Docs of this run's validations, next to the warehouse. Once per run, after the data is stored:
    a failure here costs the docs, never the run."""
    started = time.perf_counter()
    try:
        page = expectations.datadocs.build_run_docs(db_path, run_id)
    except Exception as exc:  # noqa: BLE001
        get_run_logger().warning("Data Docs not built: %s: %s", type(exc).__name__, exc)
        return None
    get_run_logger().info("Data Docs built in %.2f s: %s", time.perf_counter() - started, page)
    return page
