"""The one parser of date options (cli/output.py): the forms it takes and the one-line error for the rest."""
from __future__ import annotations

from datetime import date, datetime, timezone

import pytest
import typer

from cli.output import day, day_start

TODAY = date(2025, 3, 15)


@pytest.mark.parametrize(("value", "relative", "expected"), [
    ("2024-02-29", False, date(2024, 2, 29)), (" 2024-02-29 ", True, date(2024, 2, 29)),
    ("7d", True, date(2025, 3, 8)), ("30d", True, date(2025, 2, 13)), ("2w", True, date(2025, 3, 1)),
    ("0d", True, TODAY), (None, False, None),
])
def test_day_reads_dates_and_relative_spans(value, relative, expected):
    assert day(value, "--since", relative=relative, today=TODAY) == expected


@pytest.mark.parametrize(("value", "relative"), [("7d", False), ("2024-02-30", False), ("last week", True),
                                                 ("2024/02/01", True), ("", False), ("20240201", False),
                                                 ("7", True), ("d7", True), ("2025-1-2", True), ("-3d", True)])
def test_day_refuses_other_forms_with_one_line_and_exit_2(value, relative, capsys):
    with pytest.raises(typer.Exit) as exit_:
        day(value, "--until", relative=relative, today=TODAY)
    assert exit_.value.exit_code == 2
    message = capsys.readouterr().err
    assert message.count("\n") == 1 and "--until must be" in message and "YYYY-MM-DD" in message


def test_day_start_is_midnight_utc():
    assert day_start("2024-05-01", "--published") == datetime(2024, 5, 1, tzinfo=timezone.utc)


def test_help_paragraphs_reflow_and_brackets_stay_literal():
    """Docstrings are wrapped at 120 characters in the source: --help joins a paragraph's lines again (no break
    where the source wrapped) and prints TOML's [[feeds]] as written (rich markup once swallowed it)."""
    from typer.testing import CliRunner

    from cli.main import app

    result = CliRunner().invoke(app, ["run", "--help"], terminal_width=200)
    assert result.exit_code == 0, result.output
    assert "[[feeds]]" in result.output
    assert "a feed that is down is recorded in marts.feed_health and raw.fetches, and the other feeds load" \
        in result.output
    result = CliRunner().invoke(app, ["report", "--help"], terminal_width=200)
    assert "top orgs, funding totals, feed health, quarantine counts" in result.output
