"""The markdown summary of one ingest run (the Prefect artifact 'radar-run'). Pure: counts and rows in, text out."""
from __future__ import annotations

from pathlib import Path

import polars as pl


def run_summary_markdown(run_id: str, counts: dict, releases: pl.DataFrame, failing: list[tuple[str, str]],
                         docs_page: Path | None = None) -> str:
    """`releases`: the run's new model releases (org, model, open_weights, event_date); `failing`: (feed url,
    error) of the feeds that failed; `docs_page`: this run's Data Docs page, None when it was not built."""
    lines = [f"# Radar run `{run_id}`", "", "| measure | count |", "|---|---|"]
    lines += [f"| {k.removeprefix('n_').replace('_', ' ')} | {v} |" for k, v in counts.items()]
    lines += ["", "## New model releases", ""]
    if releases.is_empty():
        lines.append("None this run.")
    else:
        lines += ["| org | model | open weights | date |", "|---|---|---|---|"]
        lines += [f"| {_md(r['org'])} | {_md(r['model'])} | {r['open_weights']} | {r['event_date'] or ''} |"
                  for r in releases.to_dicts()]
    if failing:
        lines += ["", "## Failing feeds", ""] + [f"- {_md(url)}: {_md(error)}" for url, error in failing]
    lines += ["", "## Validation", ""]
    if docs_page is None:
        lines.append("Great Expectations Data Docs were not built for this run (the run's log says why).")
    else:
        page = docs_page.resolve()
        lines.append(f"Great Expectations Data Docs of this run: [{page.name}]({page.as_uri()}) at `{page}`; "
                     f"every kept run: `{page.parent.parent / 'index.html'}`.")
    return "\n".join(lines)


def _md(value) -> str:
    """Feed text is untrusted: keep it from breaking the table or injecting markup."""
    text = "" if value is None else str(value)
    return text.replace("|", "\\|").replace("<", "&lt;").replace(">", "&gt;").replace("\n", " ")[:300]
