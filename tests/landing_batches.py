"""Real batches for the landing-zone tests: the demo corpus served on 127.0.0.1, fetched with the pipeline's HTTP
client and run through the pipeline's own stages (feed parsing, text extraction, event extraction, validation),
cut into batches the way a worker cuts them. Each batch is the keyword arguments of warehouse.stages.batch_frames,
so the same batch can be loaded into a warehouse directly (the embedded mode) or landed and merged.

Also runnable as a process, so tests can run several at once and kill them with SIGKILL at a chosen point:

    python -m tests.landing_batches land ROOT RUN_ID PICKLE [--shard I/N] [--die-at TABLE]
        lands the pickled batches whose index is I modulo N; --die-at: SIGKILL itself just before writing TABLE
    python -m tests.landing_batches run BATCH_ID RADAR_ARGS...
        `radar RADAR_ARGS...` in this process, which SIGKILLs its process group (itself, its extraction workers)
        when the ingest flow has landed batch BATCH_ID and is about to load it into the worker's own file
    python -m tests.landing_batches merge ROOT DB [--die-at STATEMENT]
        merges the landing zone into DB (flows.merge.merge_new_batches); --die-at: SIGKILL itself just before
        running warehouse/sql/STATEMENT.sql, inside the merge's open transaction
"""
from __future__ import annotations

import argparse
import os
import pickle
import signal
import sys
from pathlib import Path

import polars as pl

import expectations
from config.settings import Settings
from flows.ingest import extract_articles, extract_events
from sources import polling
from sources.feeds import load_feeds
from sources.http import Fetcher
from transforms.feeds import ENTRY_SCHEMA, parse_feed
from warehouse import landing, stages

DEMO = Path(__file__).resolve().parent.parent / "demo"


def demo_batches(base_url: str, run_id: str, batch_size: int = 4) -> list[tuple[str, dict]]:
    """(batch_id, batch_frames kwargs): one feed-poll batch, then the article pages in batches of `batch_size`."""
    settings = Settings(allow_hosts=("127.0.0.1",), min_host_interval_s=0.0)
    feeds = load_feeds(DEMO / "feeds.toml", base_url=base_url)
    with Fetcher(settings) as fetcher:
        results = fetcher.get_many([f.url for f in feeds], max_bytes=settings.max_feed_bytes)
        parsed = [parse_feed(r.content, r.final_url or f.url, r.headers) for f, r in zip(feeds, results, strict=False)]
        feed_rows = polling.feed_states(polling.feed_polls(feeds, results, parsed), {}, stages.now())
        entries = pl.concat([p.entries for p in parsed] or [pl.DataFrame(schema=ENTRY_SCHEMA)])
        valid_entries, bad_entries = expectations.validate("entries", entries, key="entry_id")
        batches = [("poll", {"feeds": feed_rows, "fetches": polling.fetch_log(results, "feed", run_id, stages.now()),
                             "entries": valid_entries, "quarantine": bad_entries})]
        pending = valid_entries.unique("url", keep="first", maintain_order=True)
        for i, chunk in enumerate(pending.iter_slices(batch_size)):
            pages_fetched = fetcher.get_many(chunk["url"].to_list(), max_bytes=settings.max_page_bytes)
            pages = [{"url": r.url, "feed_url": e["feed_url"], "content": r.content if r.ok else b"",
                      "fetch_error": None if r.ok else r.error_kind, "entry_title": e["title"],
                      "entry_published_at": e["published_at"], "entry_summary": e["summary"],
                      "entry_content": e.get("content")}
                     for r, e in zip(pages_fetched, chunk.to_dicts(), strict=False)]
            articles, failed_texts = extract_articles.fn(pages)
            articles, bad_articles = expectations.validate("articles", articles, key="url")
            mentions, failed_mentions = extract_events.fn(articles)
            mentions, bad_mentions = expectations.validate("mentions", mentions, key="mention_id")
            batches.append((f"articles-{i}", {
                "fetches": polling.fetch_log(pages_fetched, "article", run_id, stages.now()), "articles": articles,
                "mentions": mentions,
                "quarantine": pl.concat([failed_texts, bad_articles, failed_mentions, bad_mentions],
                                        how="diagonal_relaxed")}))
    return batches


def load_embedded(db_path: Path, run_id: str, batches: list[tuple[str, dict]]) -> None:
    """The batches as the single-process pipeline writes them: one warehouse transaction each."""
    for _, kwargs in batches:
        if "feeds" in kwargs:
            stages.record_feed_poll(db_path, kwargs["feeds"], kwargs["fetches"], kwargs["entries"],
                                    kwargs["quarantine"], pl.DataFrame(), run_id)
        else:
            stages.load_article_batch(db_path, run_id, kwargs["fetches"], kwargs["articles"], kwargs["mentions"],
                                      kwargs["quarantine"])


def land(root: str, run_id: str, batches: list[tuple[str, dict]]) -> int:
    return sum(landing.write_batch(root, run_id, batch_id, stages.batch_frames(run_id, **kwargs)) is not None
               for batch_id, kwargs in batches)


def _die_before(module, name: str, arg: int, target: str) -> None:
    """Replace module.name so the process kills itself (SIGKILL: no cleanup, no rollback) when called with
    `target` as its argument number `arg`; its whole process group when it leads one (started in a new session:
    its extraction workers die with it)."""
    real = getattr(module, name)

    def dying(*args, **kwargs):
        if args[arg] == target:
            print(f"dying before {target}", flush=True)
            if os.getpgid(0) == os.getpid():
                os.killpg(0, signal.SIGKILL)
            os.kill(os.getpid(), signal.SIGKILL)
        return real(*args, **kwargs)

    setattr(module, name, dying)


def main(argv: list[str]) -> None:
    if argv[:1] == ["run"]:
        from cli.main import app

        _die_before(stages, "load_batch", 2, argv[1])  # load_batch(path, run_id, batch_id, ...)
        app(argv[2:])
        return
    parser = argparse.ArgumentParser()
    parser.add_argument("command", choices=["land", "merge"])
    parser.add_argument("root")
    parser.add_argument("target", help="run id (land) or warehouse path (merge)")
    parser.add_argument("pickled", nargs="?")
    parser.add_argument("--shard", default="0/1")
    parser.add_argument("--die-at")
    args = parser.parse_args(argv)
    if args.command == "land":
        if args.die_at:
            _die_before(landing, "_append", 1, args.die_at)
        shard, n_shards = map(int, args.shard.split("/"))
        batches = pickle.loads(Path(args.pickled).read_bytes())
        print(land(args.root, args.target, [b for i, b in enumerate(batches) if i % n_shards == shard]), flush=True)
    else:
        from flows.merge import merge_new_batches
        from warehouse import db

        if args.die_at:
            _die_before(db, "load", 1, args.die_at)
        print(merge_new_batches.fn(args.root, args.target), flush=True)


if __name__ == "__main__":
    main(sys.argv[1:])
