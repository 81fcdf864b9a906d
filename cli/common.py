"""What several commands share besides cli/output.py: the writer-lock claim of the commands that write, running a flow
that Ctrl-C or SIGTERM stops cleanly, and reads of the warehouse that turn a missing file or a DuckDB error into one
clear line. Imports no other cli module, so the command modules and cli/main.py can all import it without a cycle."""
from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.text import Text

from cli.output import err, fail

EXIT_BUSY = 3  # another run holds the warehouse's writer lock
WaitOption = Annotated[bool, typer.Option("--wait", help="If another run is writing to the warehouse, wait for it "
                                                         f"to finish (default: exit at once with code {EXIT_BUSY}).")]


def check_db_writable(db: Path) -> None:
    """A --db a run cannot write is a usage error: one line, exit 2, before anything is fetched or Prefect starts."""
    from warehouse.paths import WarehouseError, check_writable

    try:
        check_writable(db)
    except WarehouseError as exc:
        fail(str(exc))


def claim_warehouse(ctx: typer.Context, db: Path, wait: bool) -> None:
    """Check --db, then hold the warehouse's writer lock until this command ends (warehouse/lock.py): a second
    run on the same warehouse exits at once with EXIT_BUSY, or with --wait waits its turn."""
    from warehouse.lock import WarehouseBusy, writer_lock
    from warehouse.paths import WarehouseError

    check_db_writable(db)

    def waiting(holder: str) -> None:
        err.print(Text(f"waiting: another run is writing to {db} ({holder})"))

    try:
        ctx.with_resource(writer_lock(db, wait=wait, on_wait=waiting))
    except WarehouseBusy as exc:
        fail(str(exc), code=EXIT_BUSY)
    except WarehouseError as exc:
        fail(str(exc))


def stoppable(run_flow, interrupted_line=None):
    """Run a flow (with live ingest progress on a terminal) on Prefect's temporary server, which never outlives
    this process; Ctrl-C or SIGTERM stops it within seconds with one line, keeping the committed batches
    (flows/stopping.py says how)."""
    from flows import progress, stopping

    interrupted_line = interrupted_line or ingest_interrupted_line
    with progress.display() as done, stopping.stop_on_signals(lambda: interrupted_line(done)) as stop:
        try:
            if stopping.temporary_api_needed():
                import expectations

                # The GX import (~4 CPU-s) fills the seconds the temporary API takes to start. With a server there
                # is no such wait, and the flow imports GX only when it finds something to validate.
                expectations.prewarm()
            stopping.start_prefect_api()
            return run_flow()
        except BaseException:
            if stop.signum is None:
                raise
            stop.exit_now()


def ingest_interrupted_line(done: dict) -> str:
    return (f"interrupted: {done.get('batches', 0)} batches committed ({done.get('articles', 0)} new articles, "
            f"{done.get('events', 0)} new events); the next run resumes")


def read(fn, *args, **kwargs):
    """Run a read of the warehouse, turning a missing file or a DuckDB error into a clear message."""
    import duckdb

    from warehouse.paths import WarehouseError

    try:
        return fn(*args, **kwargs)
    except (FileNotFoundError, WarehouseError) as exc:
        fail(str(exc))
    except duckdb.Error as exc:
        fail(f"cannot read the warehouse: {' '.join(str(exc).split())}", code=1)


def coverage_rows(reference: Path, db: Path, columns: str | None = None, include_unreleased: bool = False):
    """transforms.coverage.compare of the warehouse's releases with the reference CSV (`radar coverage` and
    `radar report --reference`); clear errors, exit 2."""
    import polars as pl

    from transforms import coverage as cov
    from warehouse import reads

    if not reference.is_file():
        fail(f"no reference list at {reference}")
    mapping = {}
    for pair in filter(None, (columns or "").split(",")):
        key, _, value = pair.partition("=")
        if key.strip() not in cov.EPOCH_COLUMNS or not value.strip():
            fail(f"--columns takes model=…,org=…,date=…,access=…; not {pair!r}")
        mapping[key.strip()] = value.strip()
    try:
        ref = cov.reference_frame(pl.read_csv(reference, infer_schema_length=0), mapping, include_unreleased)
    except (ValueError, pl.exceptions.PolarsError) as exc:
        fail(f"cannot read {reference}: {exc}")
    releases = read(reads.coverage_releases, db)
    return cov.compare(releases, ref)
