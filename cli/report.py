"""`radar report`, `radar releases`, `radar events`, `radar export`: what analysts read from the warehouse.

Registered on the main app by cli/main.py. Read-only: these commands never write to
the warehouse and wait for (do not break) a running ingest.
"""
from __future__ import annotations

import json
import sys
from datetime import date, datetime
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import JustifyMethod
from rich.table import Table
from rich.text import Text

from cli.common import read
from cli.output import console, day
from cli.output import fail as _fail
from transforms.taxonomy import TAXONOMY

# Same defaults as cli/main.py.
DEFAULT_DB = Path("warehouse/radar.duckdb")
DbOption = Annotated[Path, typer.Option("--db", help="DuckDB warehouse file.", envvar="RADAR_DB_PATH")]
SinceOption = Annotated[str | None, typer.Option(
    "--since", help="Only rows dated on or after: 7d, 30d, 2w (before today, UTC) or YYYY-MM-DD. "
                    "Rows without an event date match on when the radar first saw them.")]
OrgOption = Annotated[str | None,
                      typer.Option("--org", help="Only this organization (case-insensitive), e.g. DeepSeek.")]
JsonOption = Annotated[bool, typer.Option("--json", help="One JSON object per line (all columns), for scripts.")]


def _json_default(value: Any) -> Any:
    if isinstance(value, (datetime, date)):
        return value.isoformat()
    return str(value)


def _print_json_lines(rows: list[dict]) -> None:
    for row in rows:
        sys.stdout.write(json.dumps(row, default=_json_default, ensure_ascii=False) + "\n")


def _cell(value: Any) -> Text:
    """Warehouse text for the terminal: never read as rich markup, no escape sequences."""
    from report.page import terminal_text

    return Text(terminal_text(value))


def _table(title: str, columns: list[tuple[str, dict]], rows: list[list[Any]]) -> Table:
    from rich import box

    table = Table(title=title, title_justify="left", box=box.SIMPLE_HEAD, pad_edge=False)
    for name, options in columns:
        table.add_column(name, **options)
    for row in rows:
        table.add_row(*[_cell(v) if not isinstance(v, Text) else v for v in row])
    return table


def _weights(value: Any) -> Text:
    if value is True:
        return Text("open", style="green")
    if value is False:
        return Text("closed", style="red")
    return Text("?", style="dim")


def _short(value: Any, n: int) -> str:
    from report.page import terminal_text

    text = terminal_text(value)
    return text if len(text) <= n else text[: n - 1] + "\u2026"


def register(app: typer.Typer) -> None:
    @app.command()
    def report(
        db: DbOption = DEFAULT_DB,
        out: Annotated[Path | None, typer.Option(
            "--out", help="HTML file to write (default: report.html next to the warehouse).")] = None,
        reference: Annotated[Path | None, typer.Option(
            "--reference",
            help="Add a coverage section against this CSV of known releases (see radar coverage).")] = None,
    ) -> None:
        """Write one self-contained HTML report of the warehouse: works offline, loads nothing from anywhere.

        Release timeline by org (open/closed weights), events per week by type, top orgs, funding totals, feed health,
        quarantine counts, and a filterable table of recent events with evidence and source links (open
        REPORT.html#q=deepseek to start filtered).
        """
        from report.page import write_report
        from warehouse.paths import check_readable

        read(check_readable, db)  # a bad --db is reported before anything is written
        target = out if out is not None else db.parent / "report.html"
        if target.is_dir():
            _fail(f"--out {target} is a directory; give a file name, e.g. {target / 'report.html'}")
        section = None
        if reference is not None:
            from cli.common import coverage_rows
            from report.page import coverage_section

            section = coverage_section(coverage_rows(reference, db), reference.name)
        try:
            path = read(write_report, db, target, section)
        except OSError as exc:
            _fail(f"cannot write {target}: {exc}")
        console.print(Text.assemble("Report written to ", (str(path.resolve()), "bold"),
                                    f" ({path.stat().st_size / 1024:.0f} KiB, self-contained; open it in a browser)"))

    @app.command()
    def releases(
        db: DbOption = DEFAULT_DB,
        since: SinceOption = None,
        org: OrgOption = None,
        open_weights: Annotated[bool | None, typer.Option(
            "--open-weights/--closed-weights", help="Only releases with open (or only with closed) weights.",
            show_default=False)] = None,
        as_json: JsonOption = False,
    ) -> None:
        """Model releases (marts.model_releases), newest first."""
        from warehouse.report_queries import releases as query_releases

        frame = read(query_releases, db, since=day(since, "--since", relative=True), org=org, open_weights=open_weights)
        if as_json:
            _print_json_lines(frame.to_dicts())
            return
        rows = [[r["release_date"] or "?", r["org"], r["model"], _weights(r["open_weights"]), r["license"],
                 r["n_articles"], r["first_seen_at"].strftime("%Y-%m-%d") if r["first_seen_at"] else ""]
                for r in frame.to_dicts()]
        columns: list[tuple[str, dict[str, Any]]] = [
            ("released", {"no_wrap": True}), ("org", {"overflow": "fold", "max_width": 24}),
            ("model", {"overflow": "fold", "max_width": 32}), ("weights", {}),
            ("license", {"overflow": "fold", "max_width": 28}), ("articles", {"justify": "right", "min_width": 8}),
            ("first seen", {"no_wrap": True})]
        console.print(_table(f"Model releases: {frame.height}", columns, rows))

    @app.command()
    def events(
        db: DbOption = DEFAULT_DB,
        type_: Annotated[str | None, typer.Option(
            "--type", help=f"Only this event type: {', '.join(TAXONOMY.names)}.")] = None,
        org: OrgOption = None,
        since: SinceOption = None,
        limit: Annotated[int, typer.Option("--limit", min=1, help="At most this many events.")] = 50,
        as_json: JsonOption = False,
    ) -> None:
        """Canonical events (marts.events) of every type, most recent event date first."""
        from report.page import fmt_usd, known_types
        from warehouse.report_queries import events as query_events

        since_day = day(since, "--since", relative=True)
        if type_ is not None:
            types = read(known_types, db)
            if type_ not in types:
                _fail(f"unknown --type {type_!r}: use one of {', '.join(types)}")
        frame = read(query_events, db, type_=type_, org=org, since=since_day, limit=limit)
        if as_json:
            _print_json_lines(frame.to_dicts())
            return
        rows = []
        for r in frame.to_dicts():
            subject = next((r[k] for k in ("model", "target", "partner", "person", "counterparty", "jurisdiction")
                            if r.get(k)), "")
            amount = fmt_usd(r["amount_usd"]) if r.get("amount_usd") is not None else ""
            rows.append([r["event_date"] or "", r["type"], r["org"] or "", subject, amount,
                         _short(r["evidence"], 240), r["n_articles"]])
        columns: list[tuple[str, dict[str, Any]]] = [
            ("date", {"min_width": 7}), ("type", {"overflow": "fold", "min_width": 7}),
            ("org", {"overflow": "fold", "max_width": 22}), ("subject", {"overflow": "fold", "max_width": 24}),
            ("amount", {"justify": "right", "no_wrap": True}),
            ("evidence", {"overflow": "fold"}), ("n", {"justify": "right"})]
        console.print(_table(f"Events: {frame.height}" + (f" (limit {limit})" if frame.height == limit else ""),
                             columns, rows))

    @app.command()
    def export(
        out_dir: Annotated[Path, typer.Argument(
            metavar="DIR", help="Directory to write <view>.parquet or <view>.csv into (created if missing).")],
        fmt: Annotated[str, typer.Option("--format", help="parquet or csv.")] = "parquet",
        db: DbOption = DEFAULT_DB,
    ) -> None:
        """Write every marts view (events, model_releases, org_activity, feed_health, …) to DIR, one file each.

        All views are read in one snapshot; each file is replaced atomically. In CSV files, text that a spreadsheet
        would run as a formula (starting with =, +, -, @) is prefixed with a quote; Parquet holds the text exactly as
        stored.
        """
        from warehouse.paths import check_readable
        from warehouse.report_queries import EXPORT_FORMATS, export_marts

        read(check_readable, db)  # a bad --db is reported before DIR is created
        fmt = fmt.lower()
        if fmt not in EXPORT_FORMATS:
            _fail(f"unknown --format {fmt!r}: use parquet or csv")
        if out_dir.exists() and not out_dir.is_dir():
            _fail(f"{out_dir} exists and is not a directory")
        try:
            written = read(export_marts, db, out_dir, fmt)
        except OSError as exc:
            _fail(f"cannot write to {out_dir}: {exc}")
        table = Table(title=f"Exported {len(written)} marts views to {out_dir.resolve()}", title_justify="left")
        aligned: tuple[tuple[str, JustifyMethod], ...] = (
            ("view", "left"), ("file", "left"), ("rows", "right"), ("bytes", "right"))
        for name, justify in aligned:
            table.add_column(name, justify=justify)
        for item in written:
            table.add_row(Text(f"marts.{item.view}"), Text(str(item.path)), str(item.rows), f"{item.bytes:,}")
        console.print(table)
