"""`radar`: run the pipeline, query the warehouse, extract events from files."""
from __future__ import annotations

import json
import os
import sys
import time
from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table
from rich.text import Text

from cli.common import WaitOption
from cli.common import claim_warehouse as _claim_warehouse
from cli.common import stoppable as _stoppable
from cli.output import console, day_start, err
from cli.output import fail as _fail

# Prefect reads these at import: no telemetry, no shutdown tracebacks from the temporary server, time to start
# it on a small machine. Users' own settings win.
for _name, _value in {
    "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
    "PREFECT_SERVER_LOGGING_LEVEL": "CRITICAL",
    "PREFECT_LOGGING_LEVEL": "WARNING",
    "PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS": "120",
    "GX_ANALYTICS_ENABLED": "false",
}.items():
    os.environ.setdefault(_name, _value)

REPO_ROOT = Path(__file__).resolve().parent.parent
DEMO_DIR = REPO_ROOT / "demo"
DEFAULT_DB = Path("warehouse/radar.duckdb")
DEMO_HOST = "demo.radar.test"  # reserved TLD: never resolved, only reached through connect_to

# rich_markup_mode=None: help paragraphs are re-flowed (docstrings wrap at 120 columns) and "[[feeds]]" stays literal.
app = typer.Typer(help="AI Industry Radar: AI-industry events from news feeds, validated, in DuckDB.",
                  rich_markup_mode=None, no_args_is_help=True, add_completion=False, pretty_exceptions_enable=False)

DbOption = Annotated[Path, typer.Option("--db", help="DuckDB warehouse file.", envvar="RADAR_DB_PATH")]
ConfigOption = Annotated[Path | None,
                         typer.Option("--config", help="Settings file (default: ./radar.toml if present).")]


def _run_ingest(feeds, db: Path, settings) -> dict:
    """Ingest, then publish the read snapshot. Apprise URLs stay out of the flow's parameters (Prefect stores them)."""
    from dataclasses import replace

    from flows.ingest import ingest
    from warehouse.snapshot import publish_read_snapshot

    counts = _stoppable(lambda: ingest(feeds=feeds, db_path=str(db), settings=replace(settings, alert_urls=())))
    publish_read_snapshot(db)
    return counts


@app.command()
def run(
    ctx: typer.Context,
    feeds: Annotated[Path, typer.Option("--feeds", help="Feeds file: TOML with [[feeds]] tables (url, name).")],
    db: DbOption = DEFAULT_DB,
    config: ConfigOption = None,
    force: Annotated[bool, typer.Option("--force", help="Poll every feed now, even those whose declared pace, "
                                                         "backoff or Retry-After says to wait.")] = False,
    wait: WaitOption = False,
    shard: Annotated[str | None, typer.Option("--shard", help="Poll only shard I of N (e.g. 2/4): feeds are "
                                                 "assigned to shards by their site's registrable domain.")] = None,
    landing: Annotated[str | None, typer.Option(
        "--landing", metavar="ROOT", help="Distributed mode (docs/scale-out.md): also land every batch in the "
        "landing zone at ROOT (a directory or an s3:// URI) for `radar merge`, and send no alerts (the merger "
        "does); --db is then this worker's own file, which keeps its shard's feed state.")] = None,
) -> None:
    """One poll of every due feed in FILE into the warehouse, then alerts and the read snapshot.

    Exits non-zero only when the run itself fails; a feed that is down is recorded in
    marts.feed_health and raw.fetches, and the other feeds load normally. Exit codes: 2 for bad input
    (feeds file, --db), 3 when another run is writing to the same warehouse (see --wait).
    """
    from sources.feeds import FeedsFileError, load_feeds, parse_shard

    try:
        load_feeds(feeds)  # a bad feeds file (or shard) is a usage error, reported before Prefect starts
        if shard:
            parse_shard(shard)
    except (FeedsFileError, ValueError) as exc:
        _fail(str(exc))
    from alerts.outbox import check_alert_urls
    from config.settings import Settings

    try:
        check_alert_urls(Settings.load(config).alert_urls)  # refused before Prefect starts, like a bad feeds file
    except ValueError as exc:
        _fail(str(exc))
    _claim_warehouse(ctx, db, wait)
    from flows.schedule import scheduled_ingest

    started = time.monotonic()
    # The same flow the scheduler runs: ingest, then alerts to the configured Apprise URLs, then the read snapshot.
    counts = _stoppable(lambda: scheduled_ingest(feeds_file=str(feeds), db_path=str(db),
                                                 config_file=str(config) if config else None, force=force,
                                                 shard=shard, landing_root=landing))
    _print_summary(db, counts, time.monotonic() - started)


@app.command()
def demo(
    ctx: typer.Context,
    db: DbOption = DEFAULT_DB,
    config: ConfigOption = None,
    wait: WaitOption = False,
) -> None:
    """Serve the bundled demo corpus on 127.0.0.1 and run one full ingest of it into the warehouse.

    Exit codes as for `radar run`: 2 for a --db that cannot be written, 3 when another run is writing to it."""
    from cli.demo_server import serve_directory
    from config.settings import Settings
    from sources.feeds import load_feeds

    if not (DEMO_DIR / "feeds.toml").is_file():
        _fail(f"demo corpus not found at {DEMO_DIR}")
    _claim_warehouse(ctx, db, wait)
    started = time.monotonic()
    with serve_directory(DEMO_DIR) as base_url:
        console.print(f"Serving the demo corpus at [bold]{base_url}[/] (loopback only) as http://{DEMO_HOST}")
        # Stored URLs name a fixed host, reached at this run's random port, so a rerun finds the same articles.
        feed_list = load_feeds(DEMO_DIR / "feeds.toml", base_url=f"http://{DEMO_HOST}/")
        address = base_url.removeprefix("http://")
        # The demo server is on loopback, which the fetcher refuses unless allow-listed; it is ours, so no
        # politeness delay between requests.
        settings = Settings.load(config, allow_hosts=("127.0.0.1",), connect_to=(f"{DEMO_HOST}={address}",),
                                 min_host_interval_s=0.0)
        counts = _run_ingest(feed_list, db, settings)
    _print_summary(db, counts, time.monotonic() - started)


def _print_summary(db: Path, counts: dict, seconds: float) -> None:
    from warehouse import reads

    console.print(f"\nRun [bold]{counts['run_id']}[/] finished in {seconds:.1f} s: "
                  f"{counts.get('n_feeds', 0)} feeds ({counts.get('n_feeds_failed', 0)} failed, "
                  f"{counts.get('n_feeds_skipped', 0)} not due), "
                  f"{counts.get('n_entries_new', 0)} new entries, {counts.get('n_articles_new', 0)} new articles, "
                  f"{counts.get('n_mentions_new', 0)} new mentions, {counts.get('n_events_new', 0)} new events.")
    _print_frame(reads.model_releases(db), title="Model releases (marts.model_releases)")
    _print_frame(reads.events_per_type(db), title="Events per type (core.events)")
    quarantine = reads.quarantine_summary(db)
    _print_frame(quarantine,
                 title=f"Quarantined rows (ops.quarantine): {quarantine['n'].sum() if quarantine.height else 0}")
    _print_fetch_failures(db, counts["run_id"])
    failed = reads.feed_problems(db)
    if not failed.is_empty():
        _print_frame(failed, title="Feeds with problems (marts.feed_health)")
    console.print(f"Warehouse: [bold]{db.resolve()}[/]  (try: radar sql --db {db} \"select * from marts.events\")")
    from expectations.datadocs import index_path

    if index_path(db).is_file():
        console.print("Data Docs (Great Expectations results per run):", index_path(db).resolve(), markup=False)


def _print_fetch_failures(db: Path, run_id: str) -> None:
    """This run's failed fetches by kind, with counts and the first few urls (a run can have thousands)."""
    from warehouse import reads

    failures = reads.run_fetch_failures(db, run_id)
    if failures.is_empty():
        return
    failures = failures.with_columns(failures["first_urls"].list.join("\n"))
    _print_frame(failures, title=f"Failed fetches this run: {failures['n'].sum()} (every one is in raw.fetches; "
                                 f"per feed: radar feeds list --db {db})", max_width=100)


def _print_frame(frame, title: str | None = None, max_width: int = 80) -> None:
    """A table of warehouse data: cells and headers are plain text (Rich markup and :emoji: codes in the data are
    shown as written, control characters replaced)."""
    from report.page import terminal_text

    table = Table(title=title, title_justify="left", show_lines=False)
    for column in frame.columns:
        table.add_column(Text(terminal_text(column)), overflow="fold", max_width=max_width)
    for row in frame.iter_rows():
        table.add_row(*[Text(terminal_text(v)) for v in row])
    console.print(table)


@app.command()
def sql(
    query: Annotated[str, typer.Argument(help="SQL to run, e.g. \"select * from marts.model_releases\".")],
    db: DbOption = DEFAULT_DB,
    output: Annotated[str, typer.Option("--format", help="table, csv or json (one object per line).")] = "table",
    allow_files: Annotated[bool, typer.Option("--allow-files", help="Let the query read local files "
                                                                     "(read_csv, read_parquet, ...).")] = False,
) -> None:
    """Run a read-only query against the warehouse; works while a run is writing.

    Only reading statements run (SELECT, WITH, EXPLAIN, PRAGMA, CALL, DESCRIBE, SHOW, SUMMARIZE); COPY, EXPORT,
    ATTACH, INSTALL, LOAD, SET and anything that writes are refused (exit 2). Local files are out of reach
    unless --allow-files, and even then only for reading. In --format csv, LIST/STRUCT/MAP values are JSON.
    """
    import duckdb

    from warehouse import db as wh

    if output not in ("table", "csv", "json"):
        _fail(f"unknown --format {output!r}: use table, csv or json")
    if not query.strip():
        _fail("the query is empty")
    try:
        frame = wh.adhoc_query(db, query, allow_files=allow_files)
    except (FileNotFoundError, wh.WarehouseError) as exc:
        _fail(str(exc))
    except duckdb.PermissionException as exc:
        _fail(f"{' '.join(str(exc).split())} (reading local files needs --allow-files)")
    except duckdb.Error as exc:
        _fail(f"query failed: {' '.join(str(exc).split())}", code=1)
    if output == "csv":
        sys.stdout.write(_json_nested(frame).write_csv())
    elif output == "json":
        for row in frame.to_dicts():
            sys.stdout.write(json.dumps(row, default=str, ensure_ascii=False) + "\n")
    else:
        _print_frame(_json_nested(frame))


def _json_nested(frame):
    """LIST, ARRAY, STRUCT and MAP columns as JSON text (CSV has no nested values; a table shows them as JSON too)."""
    import polars as pl

    nested = [name for name, dtype in frame.schema.items() if dtype.is_nested()]
    return frame.with_columns(
        pl.Series(name, [None if v is None else json.dumps(v, default=str, ensure_ascii=False)
                         for v in frame[name].to_list()], dtype=pl.String)
        for name in nested)


@app.command()
def extract(
    files: Annotated[list[Path], typer.Argument(help="Article files: HTML, or plain text with the title on line 1.")],
    published: Annotated[str | None,
                         typer.Option(help="Publication date (YYYY-MM-DD) used to resolve relative dates.")] = None,
) -> None:
    """Print the events found in article files as JSON lines. No network, no database."""
    from datetime import datetime, timezone

    import polars as pl

    from transforms.articles import extract_page
    from transforms.extract import MENTION_SCHEMA, TYPED_FIELDS, extract_mentions

    published_at = day_start(published, "--published")
    rows = []
    for path in files:
        try:
            raw = path.read_bytes()
        except OSError as exc:
            _fail(f"cannot read {path}: {exc}")
        title, text, date = _article_from_file(raw, path, extract_page)
        page_date = datetime.fromisoformat(date).replace(tzinfo=timezone.utc) if date else None
        rows.append({"article_id": str(path), "title": title, "text": text, "published_at": published_at or page_date})
    articles = pl.DataFrame(rows, schema={"article_id": pl.String, "title": pl.String, "text": pl.String,
                                          "published_at": pl.Datetime("us", "UTC")})
    mentions = extract_mentions(articles)
    keep = ["type", "org", "model", "event_date", "event_date_precision", "evidence", "confidence", "status"]
    for row in mentions.to_dicts():
        event = {k: row[k] for k in keep}
        event.update({k: row[k] for k in TYPED_FIELDS if row[k] is not None and k != "model"})
        event["file"] = row["article_id"]
        sys.stdout.write(json.dumps(event, ensure_ascii=False) + "\n")
    assert set(keep) <= set(MENTION_SCHEMA)


@app.command(name="eval")
def evaluate(
    labels: Annotated[Path, typer.Argument(help="A labelled set: a directory with labels.json (or expected.json), "
                                                "or the file itself.")],
    as_json: Annotated[bool, typer.Option("--json", help="Print the scores as JSON.")] = False,
    show_errors: Annotated[bool, typer.Option("--errors",
                                              help="List each false and missed event with its evidence.")] = False,
    only: Annotated[str | None, typer.Option("--only", help="Score only these article ids (comma-separated).")] = None,
    baseline: Annotated[Path | None, typer.Option(
        "--baseline", help="Quality ratchet: a JSON file {set name: {precision, recall}}; exit 1 when an overall "
                           "figure of this set (named by its directory, or --name) drops below its baseline by more "
                           "than 0.005.")] = None,
    name: Annotated[str | None, typer.Option("--name", help="The set's name in the baseline file "
                                                            "(default: its directory's).")] = None,
    min_confidence: Annotated[float | None, typer.Option(
        "--min-confidence", min=0.0, max=1.0,
        help="Score only the events at or above this confidence: what alerts see (alert_min_confidence, 0.6 by "
             "default). An event below it counts as not found.")] = None,
) -> None:
    """Precision and recall of the extractor per event type against a labelled set, on the events a user sees.

    Two label formats: ../shared/realdev's labels.json ({id: {events, negative, source}}, texts in articles/<id>.md)
    and the devset/demo format ({"articles": [...]}). The events of each article are merged by event key first (a
    story told twice in one article is one event), then matched by the rule in transforms/evaluate.py: same type,
    same org after name normalisation, key fields equal or contained, amounts within 5%; optional labels and
    repeats of a matched event count neither way.

    Then the events of all articles merged by event key, as the warehouse merges them: label pairs marked as
    distinct events (`distinct_event`) must stay two events, and labels of one event told by several articles
    must become one (transforms/evaluate.py score_merged).
    """
    from transforms.evaluate import load_labelled_set, score_merged, score_per_file
    from transforms.extract import TYPED_FIELDS

    if min_confidence is not None and baseline:
        _fail("--baseline holds the figures of every event; score with --min-confidence without it")
    labels_file, articles = load_labelled_set(labels)
    if not labels_file.is_file():
        _fail(f"no labels file at {labels_file}")
    if only:
        wanted = {i.strip() for i in only.split(",")}
        articles = [a for a in articles if a["id"] in wanted or Path(a["id"]).stem in wanted]
    missing = [str(a["path"]) for a in articles if not a["path"].is_file()]
    if missing:
        _fail(f"{len(missing)} labelled article files are missing, e.g. {missing[0]}")
    predicted = _extract_files([(a["id"], a["path"], a["published"], a["url"]) for a in articles])
    if min_confidence is not None:
        predicted = [e for e in predicted if e["confidence"] >= min_confidence]
    gold = [dict(e, _file=a["id"]) for a in articles for e in a["events"]]
    result = score_per_file(gold, predicted)
    result["merged_events"] = score_merged(gold, predicted)
    set_name = name or labels_file.parent.name
    drops = (_below_baseline(baseline, set_name, {**result["overall"], **_merge_rates(result["merged_events"])})
             if baseline else [])
    if as_json:
        if not show_errors:
            result["merged_events"] = {k: v for k, v in result["merged_events"].items()
                                       if k not in ("merged_wrongly", "split")}
        sys.stdout.write(json.dumps({k: v for k, v in result.items()
                                     if show_errors or k in ("overall", "by_type", "merged_events")},
                                    default=str) + "\n")
        if drops:
            _fail(f"quality below the baseline in {baseline}: " + "; ".join(drops), code=1)
        return
    table = Table(title=f"Extraction scores on {labels_file} ({len(articles)} articles)", title_justify="left")
    for column in ("type", "tp", "fp", "fn", "precision", "recall", "f1"):
        table.add_column(column, justify="left" if column == "type" else "right")
    for type_, r in [*result["by_type"].items(), ("overall", result["overall"])]:
        table.add_row(type_, *[str(r[k]) for k in ("tp", "fp", "fn", "precision", "recall", "f1")])
    console.print(table)
    merged = result["merged_events"]
    console.print(f"Merged events across articles: {merged['events']} events; distinct-event pairs kept apart "
                  f"{merged['kept_apart']}/{merged['distinct_pairs']}, same-event pairs merged {merged['merged']}/"
                  f"{merged['same_pairs']} ({merged['unscored_pairs']} pairs with a label not found)",
                  markup=False, highlight=False)
    if show_errors:
        for kind, pairs in (("merged wrongly", merged["merged_wrongly"]), ("split", merged["split"])):
            for a, b in pairs:
                console.print(f"[bold]{kind}[/] " + json.dumps([a, b], ensure_ascii=False, default=str),
                              markup=True, highlight=False)
        shown = ("type", "org", "model", "status", "confidence", *TYPED_FIELDS)
        for kind, items in (("missed", result["missed"]), ("false", result["false"])):
            for e in items:
                fields = {k: v for k, v in e.items()
                          if v is not None and (k in shown or kind == "missed") and k != "_file"}
                console.print(f"[bold]{kind}[/] {e['_file']}: " + json.dumps(fields, ensure_ascii=False, default=str),
                              markup=True, highlight=False)
                if e.get("evidence"):
                    console.print(f"    evidence: {e['evidence']}", markup=False, highlight=False)
    if drops:
        _fail(f"quality below the baseline in {baseline} for {set_name}: " + "; ".join(drops), code=1)


RATCHET_TOLERANCE = 0.005


def _merge_rates(merged: dict) -> dict:
    """The merged-event score as rates the ratchet can hold: distinct pairs kept apart, same-event pairs merged."""
    return {"distinct_kept_apart": (round(merged["kept_apart"] / merged["distinct_pairs"], 3)
                                    if merged["distinct_pairs"] else 1.0),
            "same_event_merged": round(merged["merged"] / merged["same_pairs"], 3) if merged["same_pairs"] else 1.0}


def _below_baseline(baseline: Path, set_name: str, overall: dict) -> list[str]:
    """The overall figures of a labelled set (precision, recall, and the merged-event rates of `_merge_rates`) that
    fell below its committed baseline (more than the tolerance)."""
    try:
        floors = json.loads(baseline.read_text(encoding="utf-8")).get(set_name)
    except (OSError, ValueError) as exc:
        _fail(f"cannot read the baseline {baseline}: {exc}")
    if floors is None:  # a new set: printed, not gated until its line is committed
        err.print(f"note: {baseline} has no line for the set {set_name!r} yet")
        return []
    return [f"{k} {overall[k]} < {floors[k]}"
            for k in ("precision", "recall", "distinct_kept_apart", "same_event_merged")
            if k in floors and overall[k] < floors[k] - RATCHET_TOLERANCE]


def _extract_files(items: list[tuple[str, Path, str | None, str | None]]) -> list[dict]:
    """Events of article files (id, path, published, url), extracted in one batch and merged within each article by
    event key (the most confident mention stands for the event): what a user sees of each article."""
    from datetime import datetime, timezone

    import polars as pl

    from transforms.articles import extract_page
    from transforms.evaluate import merge_within_article
    from transforms.extract import extract_mentions

    rows = []
    for id_, path, published, url in items:
        title, text, date = _article_from_file(path.read_bytes(), path, extract_page)
        day = published or date
        rows.append({"article_id": id_, "title": title, "text": text,
                     "published_at": datetime.fromisoformat(day[:10]).replace(tzinfo=timezone.utc) if day else None,
                     "url": url})
    articles = pl.DataFrame(rows, schema={"article_id": pl.String, "title": pl.String, "text": pl.String,
                                          "published_at": pl.Datetime("us", "UTC"), "url": pl.String})
    mentions = extract_mentions(articles).to_dicts()
    return [dict(m, _file=m["article_id"]) for m in merge_within_article(mentions)]


def _article_from_file(raw: bytes, path: Path, extract_page) -> tuple[str | None, str, str | None]:
    from transforms.evaluate import read_saved_article

    head = raw[:2048].lstrip().lower()
    if head.startswith((b"<!doctype html", b"<html")) or b"<body" in raw[:65536].lower():
        page = extract_page(raw, path.resolve().as_uri())
        return page["title"], page["text"], page["date"]
    # plain text with the title on line 1, or a saved extraction ("# headline", "Source:", "Published:")
    return read_saved_article(raw.decode("utf-8", errors="replace"))


# Command groups kept in their own modules; each has register(app). Add a module here to add its commands.
from cli import backfill, feeds, landing, ops, report, reprocess  # noqa: E402 - after the app they register on

for _module in (report, feeds, ops, backfill, reprocess, landing):
    _module.register(app)


if __name__ == "__main__":
    app()
