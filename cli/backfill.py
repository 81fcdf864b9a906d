"""`radar backfill` (history from archives) and `radar coverage` (found vs a reference list of releases)."""
from __future__ import annotations

import json
import sys
import time
from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table
from rich.text import Text

from cli.common import claim_warehouse, coverage_rows, stoppable
from cli.output import console, day, err
from cli.output import fail as _fail
from cli.report import DbOption, _json_default


def backfill(
    ctx: typer.Context,
    sources: Annotated[list[Path], typer.Argument(
        help="JSON-lines files of entries (url, title, summary or text or html, published, feed), directories of "
             "saved pages (.html/.md/.txt with manifest.jsonl or front matter), saved RSS/Atom files or a "
             "directory of successive versions of one feed (replayed in name order), WARC files (.warc, .warc.gz).",
        show_default=False)],
    db: DbOption = Path("warehouse/radar.duckdb"),
    since: Annotated[str | None, typer.Option(help="Only stories published on or after YYYY-MM-DD.")] = None,
    until: Annotated[str | None, typer.Option(help="Only stories published on or before YYYY-MM-DD.")] = None,
    alert: Annotated[bool, typer.Option("--alert", help="Alert on events this backfill finds first (default: "
                                                       "history is not alerted).")] = False,
    wait: Annotated[bool, typer.Option("--wait", help="If a run is writing to the warehouse, wait for it (default: "
                                                     "exit at once with code 3).")] = False,
) -> None:
    """Load history from archives through the same stages as a poll (text, events, validation, merge), without
    the network. Idempotent and resumable: stories already stored are skipped; each source is a run in ops.runs."""
    missing = [str(s) for s in sources if not s.exists()]
    if missing:
        _fail(f"no such source: {', '.join(missing)}")
    since_day, until_day = day(since, "--since"), day(until, "--until")
    claim_warehouse(ctx, db, wait)  # one writer at a time, as for radar run
    import expectations

    expectations.prewarm()
    from config.settings import Settings
    from flows.backfill import backfill as backfill_flow

    started = time.monotonic()

    def progress(source: str, counts: dict) -> None:
        """One line per committed batch, on a terminal and in logs alike: a long backfill shows it is moving,
        and a killed one shows how far it got."""
        err.print(f"{source}: {counts['n_done']}/{counts['n_items']} items, {counts['n_articles_new']} new articles, "
                  f"{counts['n_events_new']} new events, {counts['n_skipped']} already stored "
                  f"({time.monotonic() - started:.0f} s)", highlight=False, soft_wrap=True)

    results = stoppable(
        lambda: backfill_flow(sources=[str(s) for s in sources], db_path=str(db), settings=Settings.load(),
                              since=since_day, until=until_day, alert=alert, progress=progress),
        lambda _done: "interrupted: the committed batches stay; the same backfill again resumes")
    table = Table(title=f"Backfill into {db} ({time.monotonic() - started:.0f} s)")
    for column in ("source", "items", "already stored", "new articles", "new mentions", "new events", "quarantined"):
        table.add_column(column, justify="left" if column == "source" else "right")
    for r in results:
        table.add_row(Text(r["source"]), *(str(r[k]) for k in ("n_items", "n_skipped", "n_articles_new",
                                                             "n_mentions_new", "n_events_new", "n_quarantined")))
    console.print(table)
    if not alert:
        console.print("Events found first by this backfill are not alerted (use --alert to alert them).")


def coverage(
    reference: Annotated[Path, typer.Option("--reference", help="CSV of known releases (Epoch AI's notable "
                                                                "models by default).", show_default=False)],
    db: DbOption = Path("warehouse/radar.duckdb"),
    since: Annotated[str | None, typer.Option(help="From this date: YYYY-MM-DD or 30d/12w.")] = None,
    until: Annotated[str | None, typer.Option(help="Up to this date, YYYY-MM-DD.")] = None,
    orgs: Annotated[list[str] | None, typer.Option("--orgs", help="Only these organizations: comma-separated "
                                                                     "or repeated.")] = None,
    columns: Annotated[str | None, typer.Option(help="Map another list's columns: "
                                                        "model=Name,org=Lab,date=Released[,access=Access].")] = None,
    include_unreleased: Annotated[bool, typer.Option(help="Count reference models marked Unreleased.")] = False,
    as_json: Annotated[bool, typer.Option("--json", help="One JSON object per release (found, missed, "
                                                          "radar_only).")] = False,
    limit: Annotated[int, typer.Option(help="Missed and radar-only releases listed.")] = 20,
) -> None:
    """How many of a reference list's releases the radar found, per organisation and quarter, which it missed,
    which it found that the list lacks, and the lag from the release date to the radar's first article."""
    import polars as pl

    from transforms import coverage as cov

    orgs = [o.strip() for value in orgs or [] for o in value.split(",") if o.strip()]
    rows = cov.within(coverage_rows(reference, db, columns, include_unreleased), day(since, "--since", relative=True),
                      day(until, "--until"), orgs)
    if as_json:
        for row in rows.to_dicts():
            sys.stdout.write(json.dumps(row, default=_json_default, ensure_ascii=False) + "\n")
        return
    found, total = int((rows["status"] == "found").sum()), int(rows["status"].is_in(["found", "missed"]).sum())
    console.print(Text(f"Coverage of {reference.name}: {found} of {total} reference releases found"
                       + (f" ({found / total:.0%})" if total else "")
                       + f"; {(rows['status'] == 'radar_only').sum()} found by the radar only, "
                       + f"{(rows['status'] == 'after_reference').sum()} after the list ends.", style="bold"))
    for by in ("org", "quarter"):
        console.print(_summary_table(cov.summary(rows, by).head(40), by))
    for status, title in (("missed", "Missed"), ("radar_only", "Found by the radar, not in the list")):
        part = rows.filter(pl.col("status") == status)
        if part.height:
            console.print(_list_table(part.head(limit), f"{title} ({part.height}, first {min(limit, part.height)})"))


def _summary_table(frame, by: str) -> Table:
    table = Table(title=f"Per {by}")
    for column in (by, "reference", "found", "missed", "recall", "radar only", "median lag (days)"):
        table.add_column(column, justify="left" if column == by else "right")
    for r in frame.to_dicts():
        table.add_row(Text(str(r[by])), str(r["reference"]), str(r["found"]), str(r["missed"]),
                      "" if r["recall"] is None else f"{r['recall']:.0%}", str(r["radar_only"]),
                      "" if r["median_lag_days"] is None else f"{r['median_lag_days']:.0f}")
    return table


def _list_table(frame, title: str) -> Table:
    table = Table(title=title)
    for column in ("org", "model", "reference date", "radar first article"):
        table.add_column(column)
    for r in frame.to_dicts():
        table.add_row(Text(str(r["org"] or "")), Text(str(r["model"] or "")), str(r["ref_date"] or ""),
                      str(r["first_article_at"] or "")[:10])
    return table


def register(app: typer.Typer) -> None:
    app.command()(backfill)
    app.command()(coverage)
