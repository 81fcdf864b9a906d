"""`radar feeds …`: list, add and import (OPML) the feeds of a feeds file.

The feeds file is the user's: new feeds are appended as text, so comments, order and layout of what is
already there stay byte for byte. Before anything is written the file plus the new text is parsed again,
and a file that would not load is left untouched.

Exit codes: 0 done, 1 refused (the feed is already in the file) or the warehouse could not be read,
2 usage errors (bad URL, missing or invalid feeds/OPML file, unsafe OPML).
"""
from __future__ import annotations

import json
import sys
import tomllib
from pathlib import Path
from typing import Annotated

import typer
from rich.markup import escape
from rich.table import Table
from rich.text import Text

from cli.output import console, err
from cli.output import fail as _fail
from transforms.urls import canonical_url

DEFAULT_DB = Path("warehouse/radar.duckdb")
NEW_FILE_HEADER = ("# Feeds for AI Industry Radar: `radar run --feeds THIS_FILE`.\n"
                   "# One [[feeds]] table per feed (url, name, optional category).\n")

feeds_app = typer.Typer(rich_markup_mode=None,
    help="Manage a feeds file: list feeds with their health, add one, import an OPML export.",
    no_args_is_help=True, add_completion=False, pretty_exceptions_enable=False,
)

FeedsOption = Annotated[Path, typer.Option("--feeds", help="Feeds file: TOML with [[feeds]] tables (url, name).",
                                           show_default=False)]
DbOption = Annotated[Path, typer.Option("--db", help="DuckDB warehouse file (health is read from marts.feed_health).",
                                        envvar="RADAR_DB_PATH")]


def register(app: typer.Typer) -> None:
    app.add_typer(feeds_app, name="feeds")




# ---------------------------------------------------------------------------------------------- file access

def _read_text(path: Path) -> str | None:
    """The feeds file's text exactly as stored (line endings kept); None when it does not exist."""
    if path.is_dir():
        _fail(f"{path} is a directory, not a feeds file")
    try:
        return path.read_bytes().decode("utf-8")
    except FileNotFoundError:
        return None
    except UnicodeDecodeError as exc:
        _fail(f"{path} is not UTF-8 text: {exc}")
    except OSError as exc:
        _fail(f"cannot read {path}: {exc.strerror or exc}")


def _existing_urls(path: Path, text: str | None) -> set[str]:
    """Canonical URLs already in the file; a file that exists but would not load is a usage error."""
    from sources.feeds import FeedsFileError, load_feeds

    if text is None:
        return set()
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        _fail(f"{path} is not valid TOML: {exc}; fix it before adding feeds")
    if not data.get("feeds"):
        return set()  # comments only, or other settings: fine to append to
    try:
        return {feed.url for feed in load_feeds(path)}
    except FeedsFileError as exc:
        _fail(f"{exc}; fix it before adding feeds")


def _toml_string(value: str) -> str:
    """A TOML basic string: quotes, backslashes and control characters escaped."""
    out = []
    for ch in value:
        if ch in ('"', "\\"):
            out.append("\\" + ch)
        elif ch == "\t":
            out.append(ch)
        elif ord(ch) < 0x20 or ord(ch) == 0x7F:
            out.append(f"\\u{ord(ch):04x}")
        else:
            out.append(ch)
    return '"' + "".join(out) + '"'


def _feed_block(feed: dict, newline: str) -> str:
    lines = ["[[feeds]]"]
    for key in ("url", "name", "category"):
        if feed.get(key):
            lines.append(f"{key} = {_toml_string(str(feed[key]))}")
    return newline.join(lines) + newline


def _append_feeds(path: Path, text: str | None, feeds: list[dict]) -> None:
    """Append one [[feeds]] table per feed; check the result loads before touching the file."""
    from sources.feeds import FeedsFileError, load_feeds

    newline = "\r\n" if text and "\r\n" in text else "\n"
    prefix = ""
    if text is None:
        prefix = NEW_FILE_HEADER.replace("\n", newline)
    elif text and not text.endswith("\n"):
        prefix = newline
    addition = prefix + "".join(newline + _feed_block(feed, newline) for feed in feeds)
    try:
        data = tomllib.loads((text or "") + addition)
    except tomllib.TOMLDecodeError as exc:
        _fail(f"cannot append to {path}: the result would not be valid TOML ({exc}); "
              "is `feeds` written as an inline array? Use [[feeds]] tables")
    if not isinstance(data.get("feeds"), list):
        _fail(f"cannot append to {path}: `feeds` there is not a list of [[feeds]] tables")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("ab") as handle:
            handle.write(addition.encode("utf-8"))
    except OSError as exc:
        _fail(f"cannot write {path}: {exc.strerror or exc}")
    try:
        load_feeds(path)
    except FeedsFileError as exc:  # pragma: no cover - checked above; a concurrent writer could still race us
        _fail(f"{path} was written but does not load: {exc}", code=1)


def _check_url(url: str) -> str:
    """The canonical form of a feed URL given on the command line, or a usage error saying why not."""
    raw = url.strip()
    if not raw:
        _fail("the feed URL is empty")
    if any(ch.isspace() or ord(ch) < 0x20 or ord(ch) == 0x7F for ch in raw):
        _fail(f"invalid feed URL {raw!r}: it contains whitespace or control characters")
    canonical = canonical_url(raw)
    if canonical is None:
        _fail(f"invalid feed URL {raw!r}: give an absolute http:// or https:// URL with a host, "
              "e.g. https://example.com/ai/rss.xml")
    from urllib.parse import urlsplit

    if urlsplit(raw).username is not None:
        _fail(f"invalid feed URL {raw!r}: user:password@ in feed URLs is not supported")
    return canonical


# ---------------------------------------------------------------------------------------------- commands

@feeds_app.command("list")
def list_feeds(
    feeds: FeedsOption,
    db: DbOption = DEFAULT_DB,
    as_json: Annotated[bool, typer.Option("--json",
                                          help="One JSON object per feed and line instead of a table.")] = False,
) -> None:
    """List the feeds in FILE, with their health from the warehouse when it exists.

    Health, consecutive failures, last error, last fetch time, how many recent entries became articles (and
    where their text came from) and why the others got no page text come from marts.feed_health: a feed that
    answers but none of whose entries got their page's text is "degraded".
    Feeds the warehouse knows but FILE no longer lists are shown too, flagged "not in feeds file".
    """
    from sources.feeds import FeedsFileError, load_feeds

    try:
        feed_list = load_feeds(feeds)
    except FeedsFileError as exc:
        _fail(str(exc))
    health, note = _health(db)
    rows = []
    for feed in feed_list:
        h = health.pop(feed.url, None)
        rows.append({"name": feed.name, "url": feed.url, "in_file": True, **_health_fields(h, note is None)})
    for url, h in sorted(health.items()):
        rows.append({"name": h.get("name") or h.get("title"), "url": url, "in_file": False, **_health_fields(h, True)})

    if as_json:
        for row in rows:
            sys.stdout.write(json.dumps(row, default=str, ensure_ascii=False) + "\n")
        if note:
            err.print(escape(note))
        return
    table = Table(title=f"Feeds in {feeds} ({len(feed_list)})", title_justify="left")
    columns = [("name", 30), ("url", 60)]
    if note is None:  # health columns only when there is health to show
        columns += [("health", 15), ("failures", 8), ("last error", 40), ("articles (text from)", 30),
                    ("no page text because", 30), ("last fetched (UTC)", 19)]
    for column, width in columns:
        table.add_column(column, overflow="fold", max_width=width, justify="right" if column == "failures" else "left")
    for row in rows:
        name = Text(row["name"] or "")
        if not row["in_file"]:
            name.append(" (not in feeds file)", style="bold yellow")
        cells = [name, Text(row["url"])]
        if note is None:
            cells += [Text(row["health"] or "", style=_HEALTH_STYLE.get(row["health"] or "", "")),
                      Text("" if row["failures"] is None else str(row["failures"])),
                      Text(row["last_error"] or ""), Text(row["articles"] or ""), Text(row["no_page_text"] or ""),
                      Text(row["last_fetched"] or "")]
        table.add_row(*cells)
    console.print(table)
    if note:
        console.print(escape(note))


_HEALTH_STYLE = {"ok": "green", "degraded": "yellow", "dead": "bold red"}


def _health(db: Path) -> tuple[dict[str, dict], str | None]:
    """marts.feed_health by feed URL, or ({}, why not) when there is no readable warehouse."""
    import duckdb

    from warehouse import db as wh
    from warehouse import reads

    try:
        frame = reads.feed_health(db)
    except FileNotFoundError:
        return {}, f"No warehouse at {db}: health unknown (it appears after `radar run --db {db}`)."
    except wh.WarehouseError as exc:
        _fail(str(exc))
    except duckdb.CatalogException:
        return {}, f"{db} has no marts.feed_health view: health unknown (run `radar run` to migrate it)."
    except duckdb.Error as exc:
        _fail(f"cannot read {db}: {exc}", code=1)
    return {row["feed_url"]: row for row in frame.to_dicts()}, None


def _health_fields(h: dict | None, warehouse_read: bool) -> dict:
    if h is None:
        return {"health": "not fetched yet" if warehouse_read else None, "failures": None,
                "last_error": None, "articles": None, "no_page_text": None, "last_fetched": None}
    fetched = h.get("last_fetched_at")
    if fetched is not None and hasattr(fetched, "astimezone"):
        from datetime import timezone

        fetched = (fetched.astimezone(timezone.utc) if fetched.tzinfo else fetched).strftime("%Y-%m-%d %H:%M:%S")
    from report.page import feed_text_sources

    return {"health": h.get("health"), "failures": h.get("consecutive_failures"),
            "last_error": h.get("last_error"), "articles": feed_text_sources(h) or None,
            "no_page_text": h.get("no_page_text_reasons"), "last_fetched": fetched}


@feeds_app.command("add")
def add(
    url: Annotated[str, typer.Argument(help="The feed's absolute http(s) URL (RSS or Atom).", show_default=False)],
    feeds: FeedsOption,
    name: Annotated[str | None, typer.Option("--name", help="Display name of the feed.")] = None,
    category: Annotated[str | None, typer.Option("--category", help="Optional category, e.g. tech-press.")] = None,
) -> None:
    """Append a feed to FILE (created if missing), keeping everything already in it.

    The URL must be an absolute http(s) URL (exit code 2 otherwise).
    A feed already in FILE is refused with exit code 1; URLs are compared canonicalised (host case, default port,
    fragment and tracking parameters ignored).
    """
    canonical = _check_url(url)
    text = _read_text(feeds)
    if canonical in _existing_urls(feeds, text):
        _fail(f"{canonical} is already in {feeds}", code=1)
    name = name.strip() if name else None
    category = category.strip() if category else None
    _append_feeds(feeds, text, [{"url": canonical, "name": name, "category": category}])
    label = f"{escape(name)} " if name else ""
    console.print(f"Added {label}[bold]{escape(canonical)}[/] to {escape(str(feeds))}")


@feeds_app.command("import")
def import_opml(
    opml_file: Annotated[Path, typer.Argument(metavar="FILE.opml", help="OPML export of a feed reader.",
                                              show_default=False)],
    feeds: FeedsOption,
    dry_run: Annotated[bool, typer.Option("--dry-run", help="Report what would be added; write nothing.")] = False,
) -> None:
    """Add the feeds of an OPML file to FILE (created if missing); report what was added and skipped.

    Nested outlines are included; the enclosing outline's text becomes the feed's category.
    Skipped, with the reason: feeds already in FILE, duplicates within the OPML, URLs that are not http(s)
    (javascript:, file:, relative …).
    An OPML with a DOCTYPE or entity declarations is refused without being expanded (exit code 2).
    """
    from sources.opml import OpmlError, read_opml

    try:
        parsed = read_opml(opml_file)
    except OpmlError as exc:
        _fail(f"{opml_file}: {exc}")
    text = _read_text(feeds)
    existing = _existing_urls(feeds, text)
    new, skipped = [], [(s.url or "", s.name, s.reason) for s in parsed.skipped]
    for feed in parsed.feeds:
        if feed["url"] in existing:
            skipped.append((feed["url"], feed["name"], f"already in {feeds}"))
        else:
            new.append(feed)
    if new and not dry_run:
        _append_feeds(feeds, text, new)
    verb = "Would add" if dry_run else "Added"
    console.print(f"{verb} {len(new)} feed{'s' if len(new) != 1 else ''} to {escape(str(feeds))}, "
                  f"skipped {len(skipped)}.")
    if new:
        table = Table(title="Added" if not dry_run else "Would add", title_justify="left")
        for column in ("name", "url", "category"):
            table.add_column(column, overflow="fold", max_width=60)
        for feed in new:
            table.add_row(Text(feed["name"] or ""), Text(feed["url"]), Text(feed["category"] or ""))
        console.print(table)
    if skipped:
        table = Table(title="Skipped", title_justify="left")
        for column in ("name", "url", "reason"):
            table.add_column(column, overflow="fold", max_width=60)
        for url, name, reason in skipped:
            table.add_row(Text(name or ""), Text(url), Text(reason))
        console.print(table)
