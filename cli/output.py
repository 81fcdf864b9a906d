"""What every command shares on the terminal: where output goes, how an error ends a command, how a date given
on the command line is read."""
from __future__ import annotations

import re
from datetime import date, datetime, timedelta, timezone
from typing import NoReturn

import typer
from rich.console import Console
from rich.text import Text

console = Console()
err = Console(stderr=True, soft_wrap=True)  # an error is one line, however long

_RELATIVE = re.compile(r"(\d+)\s*([dw])")


def fail(message: str, code: int = 2) -> NoReturn:
    """One line on stderr, then exit with `code` (2: bad input). Text from users or feeds is printed as is."""
    err.print(Text.assemble(("error: ", "bold red"), message))
    raise typer.Exit(code)


def day(value: str | None, option: str, relative: bool = False, today: date | None = None) -> date | None:
    """A date option: YYYY-MM-DD, or with `relative` also 7d / 2w (days or weeks before today, UTC)."""
    if value is None:
        return None
    text = value.strip().lower()
    match = _RELATIVE.fullmatch(text) if relative else None
    if match:
        today = today or datetime.now(timezone.utc).date()
        return today - timedelta(days=int(match.group(1)) * (7 if match.group(2) == "w" else 1))
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
        try:
            return date.fromisoformat(text)
        except ValueError:
            pass
    forms = "a number of days or weeks (7d, 30d, 2w) or a date (YYYY-MM-DD)" if relative else "a date as YYYY-MM-DD"
    fail(f"{option} must be {forms}, got {value!r}")


def day_start(value: str | None, option: str) -> datetime | None:
    """A YYYY-MM-DD option as the start of that day, UTC."""
    parsed = day(value, option)
    return None if parsed is None else datetime(parsed.year, parsed.month, parsed.day, tzinfo=timezone.utc)
