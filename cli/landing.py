"""`radar merge` and `radar landing …`: distributed mode's merger and the landing zone (docs/scale-out.md)."""
from __future__ import annotations

import time
from pathlib import Path
from typing import Annotated

import typer

from cli.output import console

DbOption = Annotated[Path, typer.Option("--db", help="DuckDB warehouse file.", envvar="RADAR_DB_PATH")]
LandingOption = Annotated[str, typer.Option("--landing", help="Landing zone root: a directory, or an object-store URI "
                                                              "(s3://…, gs://…, az://…; credentials from the "
                                                              "environment).", envvar="RADAR_LANDING")]
DEFAULT_DB = Path("warehouse/radar.duckdb")

landing_app = typer.Typer(rich_markup_mode=None, help="The landing zone workers write to in distributed mode.",
                          no_args_is_help=True)


def merge(
    ctx: typer.Context,
    landing: LandingOption,
    db: DbOption = DEFAULT_DB,
    config: Annotated[Path | None, typer.Option("--config", help="Settings file (alert URLs, rules).")] = None,
    wait: Annotated[bool, typer.Option("--wait", help="If another process is writing to the warehouse, "
                                                      "wait for it.")] = False,
) -> None:
    """Merge the batches workers landed since the last merge into the warehouse, send due alerts, publish the read
    snapshot. Idempotent: a merge killed midway and run again leaves the warehouse as one clean merge would.
    Exit codes: 2 for bad input, 3 when another process is writing to the warehouse (see --wait)."""
    from cli.common import claim_warehouse, stoppable

    claim_warehouse(ctx, db, wait)
    from flows.merge import merge_landing

    started = time.monotonic()
    counts = stoppable(lambda: merge_landing(landing_root=landing, db_path=str(db),
                                             config_file=str(config) if config else None),
                       lambda done: "interrupted: an uncommitted merge is rolled back; the next merge resumes")
    console.print(f"Merged {counts['n_batches']} landed batches in {time.monotonic() - started:.1f} s: "
                  f"{counts['n_entries_new']} new entries, {counts['n_articles_new']} new articles, "
                  f"{counts['n_mentions_new']} new mentions, {counts['n_events_new']} new events, "
                  f"{counts['n_quarantined']} quarantined; {counts['alerts']['n_sent']} alerts sent "
                  f"(landing version {counts['markers_version']}).", highlight=False)


@landing_app.command()
def compact(
    landing: LandingOption,
    db: Annotated[Path | None, typer.Option("--db", help="The warehouse the landing zone is merged into: runs it "
                                                            "holds entirely are dropped from the landing zone.",
                                               envvar="RADAR_DB_PATH")] = None,
    grace_hours: Annotated[float, typer.Option("--grace-hours", help="Keep merged runs that landed a batch this "
                                                                     "recently (a run may still be writing).")] = 6.0,
    retention_hours: Annotated[int, typer.Option("--retention-hours", help="Delete unreferenced files older "
                                                                           "than this.")] = 24,
) -> None:
    """Compact the landing zone: drop merged runs (with --db), merge small files, vacuum old ones."""
    from flows.merge import compact_landing

    report = compact_landing.fn(landing_root=landing, db_path=str(db) if db else None, grace_hours=grace_hours,
                                retention_hours=retention_hours)
    console.print(f"Landing zone {landing}: {report['runs_dropped']} merged runs dropped, "
                  f"{report['files_compacted']} small files compacted, {report['files_vacuumed']} old files "
                  "deleted.", highlight=False)


@landing_app.command()
def status(landing: LandingOption,
           db: Annotated[Path | None, typer.Option("--db", envvar="RADAR_DB_PATH")] = None) -> None:
    """Batches landed (per run), and how many the warehouse has merged."""
    import polars as pl

    from warehouse import landing as zone
    from warehouse import stages

    batches = zone.committed_batches(landing)
    merged = stages.merged_batches(db) if db and db.exists() else None
    if merged is not None:
        batches = batches.join(merged.with_columns(merged=pl.lit(True)), on=["run_id", "batch_id"], how="left")
    console.print(f"landing version {zone.markers_version(landing)}: {batches.height} batches landed"
                  + (f", {int(batches['merged'].fill_null(False).sum())} merged into {db}"
                     if merged is not None else ""),
                  highlight=False)


def register(app: typer.Typer) -> None:
    app.command(name="merge")(merge)
    app.add_typer(landing_app, name="landing")
