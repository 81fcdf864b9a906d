"""Analyst outputs over the warehouse: the offline HTML report, filtered listings, and the marts export.

The page is rendered from Jinja2 templates (report/templates/) with charts drawn by altair/Vega-Lite and inlined as
SVG (report/charts.py); its SQL is in warehouse/sql/report_*.sql, read by warehouse/report_queries.py.

Every string that comes out of the warehouse was written by somebody on the internet (feed titles, article
titles, evidence sentences, even org and type names), so the HTML report treats all of it as hostile:
- text is cleaned of control characters and HTML-escaped in every element and attribute (Jinja2 autoescaping,
  with `clean` applied to every value first; `esc` for the few strings built here);
- a value becomes a link only if it is an absolute http(s) URL (`safe_url`), with no referrer and no opener;
  the one other link, to the Great Expectations Data Docs next to the warehouse, is a path built here;
- the page loads nothing: no CDN, no fonts, no images; CSS, JS and the SVG charts are inline, and a strict
  Content-Security-Policy (`default-src 'none'`, the one script and the one stylesheet allowed by hash)
  stops anything that escaping missed from running or fetching.
"""
from __future__ import annotations

import base64
import hashlib
import html
import math
import os
import re
from datetime import date, datetime, timezone
from functools import cache
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlsplit

import jinja2
from markupsafe import Markup

from expectations import datadocs
from report import charts
from report.charts import TYPE_COLORS, clean, short
from transforms.taxonomy import TAXONOMY
from warehouse.files import write_text_atomic
from warehouse.report_queries import TOP_N, ReportData, load_report_data, present_types

# --- hostile text ------------------------------------------------------------------------------------------

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff]")


def esc(value: Any, limit: int | None = None) -> str:
    """Escaped text for an HTML element or a quoted attribute, optionally shortened to `limit` characters."""
    return html.escape(clean(value) if limit is None else short(value, limit), quote=True)


def safe_url(value: Any) -> str | None:
    """The URL if it is an absolute http(s) URL without whitespace or control characters, else None."""
    if not isinstance(value, str) or not value or len(value) > 2048:
        return None
    if any(c.isspace() for c in value) or _CONTROL.search(value) or any(c in value for c in "<>\"'`\\"):
        return None
    try:
        parts = urlsplit(value)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return None
    return value


def terminal_text(value: Any) -> str:
    """Text safe to print on a terminal: no escape sequences or other control characters (newlines become spaces)."""
    if value is None:
        return ""
    return _CONTROL.sub("\ufffd", re.sub(r"[\r\n\t]+", " ", str(value)))


# --- money, dates ------------------------------------------------------------------------------------------

def fmt_usd(amount: float | None) -> str:
    if amount is None or (isinstance(amount, float) and math.isnan(amount)):
        return ""
    sign = "-" if amount < 0 else ""
    a = abs(amount)
    for scale, suffix in ((1e12, "T"), (1e9, "B"), (1e6, "M"), (1e3, "K")):
        if a >= scale:
            v = a / scale
            return f"{sign}${v:.1f}{suffix}" if v < 100 else f"{sign}${v:.0f}{suffix}"
    return f"{sign}${a:,.0f}"


def event_day(value: Any) -> tuple[date, str] | None:
    """A warehouse event_date (YYYY-MM-DD, YYYY-MM or YYYY) as (a day to plot, precision), or None."""
    if not isinstance(value, str):
        return None
    try:
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
            return date.fromisoformat(value), "day"
        if re.fullmatch(r"\d{4}-\d{2}", value):
            return date(int(value[:4]), int(value[5:7]), 15), "month"
        if re.fullmatch(r"\d{4}", value):
            return date(int(value), 7, 1), "year"
    except ValueError:
        return None
    return None


def _utc(value: Any) -> str:
    if isinstance(value, datetime):
        if value.tzinfo is not None:
            value = value.astimezone(timezone.utc)
        return value.strftime("%Y-%m-%d %H:%M UTC")
    return clean(value)




# --- HTML ------------------------------------------------------------------------------------------------

def feed_text_sources(row: dict) -> str:
    """'20/22 articles: page 18, content 2' for a marts.feed_health row: how many of the feed's recent entries
    became articles, and where their text came from ('' for a warehouse older than those columns)."""
    if not row.get("recent_entries"):
        return ""
    sources = ", ".join(f"{source} {row[f'n_text_{source}']}" for source in ("page", "content", "summary", "title")
                        if row.get(f"n_text_{source}"))
    return f"{row['recent_articles']}/{row['recent_entries']} articles" + (f": {sources}" if sources else "")



# The typed fields _subject and _details show in their own words.
SHOWN_FIELDS = {"model", "target", "partner", "counterparty", "jurisdiction", "person", "role", "amount_usd", "pct",
                "round", "valuation_usd", "investors", "open_weights", "license", "measure", "matter", "compared_to"}


def _subject(e: dict) -> str:
    if e.get("type") == "leadership" and e.get("person"):
        return clean(e["person"]) + (f" ({clean(e['role'])})" if e.get("role") else "")
    for key in ("model", "target", "partner", "counterparty", "jurisdiction", "person"):
        if e.get(key):
            return clean(e[key])
    return ""


def _details(e: dict) -> str:
    bits = []
    if e.get("amount_usd") is not None:
        bits.append(fmt_usd(e["amount_usd"]))
    if e.get("pct") is not None:
        bits.append(f"{e['pct']:+g}%")
    if e.get("round"):
        bits.append(clean(e["round"]))
    if e.get("valuation_usd") is not None:
        bits.append(f"valued {fmt_usd(e['valuation_usd'])}")
    if e.get("investors"):
        bits.append(f"investors: {clean(e['investors'])}")
    if e.get("type") == "model_release":
        ow = e.get("open_weights")
        bits.append("open weights" if ow is True else "closed weights" if ow is False else "weights unknown")
    for key, prefix in (("license", "license: "), ("measure", ""), ("matter", ""), ("compared_to", "vs ")):
        if e.get(key):
            bits.append(prefix + clean(e[key]))
    # a typed field of a type declared in transforms/taxonomy.toml that neither the subject nor the lines above show
    type_ = e.get("type")
    declared = TAXONOMY.types.get(type_) if isinstance(type_, str) else None
    for key in declared.fields if declared else ():
        if key not in SHOWN_FIELDS and e.get(key) is not None:
            bits.append(f"{clean(key)}: {clean(e[key])}")
    if e.get("status") and e.get("status") != "done":
        bits.append(clean(e["status"]))
    return "; ".join(bits)




def known_types(db_path: Path | str) -> list[str]:
    """Every event type of the taxonomy, then any other type the warehouse holds."""
    return charts.type_order([*charts.EVENT_TYPES, *present_types(db_path)])


def _sources(sources: Any) -> list[dict]:
    """The first five source articles of an event: a link only for an absolute http(s) URL."""
    out = []
    for s in list(sources or [])[:5]:
        url, title = (s.get("url"), s.get("title")) if isinstance(s, dict) else (s, None)
        link = safe_url(url)
        text = clean(title) or (urlsplit(link).netloc if link else "")
        out.append({"link": link, "text": text or (link or url), "url": url})
    return out


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" + ("" if n == 1 else "s")


def _finalize(value: Any) -> Any:
    """Every {{ value }} in a template: markup we built stays as it is; anything else becomes clean text (then
    autoescaped); None prints as nothing."""
    return value if isinstance(value, Markup) else clean(value)


TEMPLATES = Path(__file__).parent / "templates"


@cache
def _environment() -> jinja2.Environment:
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(TEMPLATES), autoescape=True, finalize=_finalize,
                             undefined=jinja2.StrictUndefined, trim_blocks=False, lstrip_blocks=False)
    env.filters.update(short=short, clean=clean, utc=_utc)
    env.globals.update(feed_text_sources=feed_text_sources, subject=_subject, details=_details, sources=_sources,
                       type_colors=TYPE_COLORS)
    return env


def _sha256(text: str) -> str:
    return "sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii")


CSS = ((TEMPLATES / "report.css").read_text(encoding="utf-8") + f".swatch {{ background: {charts.OTHER_COLOR}; }}\n"
       + "".join(f".swatch.t-{t} {{ background: {c}; }}\n" for t, c in TYPE_COLORS.items()))
SCRIPT = (TEMPLATES / "report.js").read_text(encoding="utf-8")
CSP = (f"default-src 'none'; script-src '{_sha256(SCRIPT)}'; style-src '{_sha256(CSS)}'; img-src data:; "
       "base-uri 'none'; form-action 'none'")


def coverage_section(rows: Any, reference_name: str) -> str:
    """Coverage against a reference list (transforms.coverage.compare rows): per-quarter bars of found and
    missed reference releases, and the per-organisation table."""
    from transforms import coverage as cov

    by_quarter, by_org = cov.summary(rows, "quarter").to_dicts(), cov.summary(rows, "org").head(20).to_dicts()
    bars = charts.hbars(
        [{"name": r["quarter"], "segment": part, "value": r[part], "note": f"{r['found']}/{r['reference']} found"}
         for r in by_quarter if r["reference"] for part in ("found", "missed")],
        "Reference releases per quarter: found (green) and missed (grey)", stacked=True,
        colors={"found": "#2e7d32", "missed": "#c9ced8"})
    return _environment().get_template("coverage.html.j2").render(
        found=sum(r["found"] for r in by_org), total=sum(r["reference"] for r in by_quarter),
        reference_name=reference_name, bars=Markup(bars), by_org=by_org)


def render_report(data: ReportData, data_docs_href: str | None = None, coverage: str | None = None,
                  today: date | None = None) -> str:
    """The report's HTML. `data_docs_href`: link to the Great Expectations Data Docs index, None if there is none;
    `coverage`: the coverage section (coverage_section), when a reference list was given."""
    t, run = data.totals, data.last_run
    timeline, undated, timeline_hidden = charts.releases_timeline(data.releases, event_day)
    weekly, weekly_hidden = charts.weekly_bars(data.weekly, today or datetime.now(timezone.utc).date())
    weekly_notes = ([f"{data.weekly_undated} event(s) without a day-precise date are not drawn"]
                    if data.weekly_undated else [])
    if weekly_hidden:
        weekly_notes.append(f"{weekly_hidden} event(s) outside the last {charts.MAX_WEEKS} weeks shown are not drawn")
    activity = charts.hbars(
        [{"name": r["org"], "segment": r["type"], "value": r["n_events"], "note": _plural(int(r["total"]), "event")}
         for r in data.org_activity],
        "Top organizations by number of events", stacked=True, colors=TYPE_COLORS)
    funding = charts.hbars(
        [{"name": r["org"], "value": r["total_usd"],
          "note": f"{fmt_usd(r['total_usd'])} in {_plural(int(r['n_events']), 'event')}"}
         for r in data.funding if r["total_usd"] is not None and r["total_usd"] > 0],
        "Funding raised per organization", single_color=TYPE_COLORS["funding"])
    health: dict[str, int] = {}
    for r in data.feeds:
        health[clean(r["health"])] = health.get(clean(r["health"]), 0) + 1
    release_rows = sorted(data.releases, key=lambda r: (clean(r.get("release_date")) or "0"), reverse=True)
    macros: Any = _environment().get_template("macros.html.j2").module  # its macros, as callables
    weights_badge, badge = macros.weights, macros.badge
    nav = [("overview", "Overview"), ("releases", "Releases"), *((("coverage", "Coverage"),) if coverage else ()),
           ("weekly", "Per week"), ("orgs", "Organizations"), ("funding", "Funding"), ("feeds", "Feeds"),
           ("quarantine", "Quarantine"), ("events", "Events")]
    return _environment().get_template("report.html.j2").render(
        d=data, csp=CSP, css=Markup(CSS), script=Markup(SCRIPT), nav=nav, top_n=TOP_N,
        db_name=Path(data.db_path).name, generated_at=data.generated_at,
        run_text=f"last run {clean(run['status'])} at {_utc(run['started_at'])}" if run else "no runs recorded",
        cards=[(t["events"], "events"),
               (t["releases"], f"model releases ({t['open_releases']} open, {t['closed_releases']} closed weights)"),
               (t["orgs"], "organizations"), (t["articles"], "articles"),
               (f"{t['feeds_ok']}/{t['feeds']}", "feeds healthy"),
               (t["quarantined"], "quarantined rows")],
        runs_rows=[[short(r["run_id"], 12), badge(clean(r["status"])), _utc(r["started_at"]),
                    f"{clean(r['n_feeds'])} ({clean(r['n_feeds_failed'])})", r["n_articles_new"], r["n_events_new"],
                    r["n_quarantined"], short(r["error"], 200)] for r in data.runs],
        timeline=Markup(timeline), timeline_hidden=timeline_hidden, undated=undated,
        release_rows=[[clean(r["release_date"]) or "?", short(r["org"], 80), short(r["model"], 80),
                       weights_badge(r["open_weights"]), short(r["license"], 80), r["n_articles"],
                       _utc(r["first_seen_at"])] for r in release_rows[:300]],
        coverage=Markup(coverage) if coverage else None,
        weekly=Markup(weekly), no_weekly=Markup('<p class="note">No events with a day-precise date yet.</p>'),
        weekly_notes=weekly_notes,
        activity=Markup(activity), no_activity=Markup('<p class="note">No events yet.</p>'),
        funding=Markup(funding), no_funding=Markup('<p class="note">No funding events yet.</p>'),
        funding_rows=[[short(r["org"], 80), fmt_usd(r["total_usd"]), r["n_events"], fmt_usd(r["valuation_usd"]),
                       r["latest"]] for r in data.funding],
        feeds_summary=", ".join(f"{n} {h}" for h, n in sorted(health.items())) or "no feeds",
        q_total=sum(int(r["n_rows"]) for r in data.quarantine),
        quarantine_rows=[[short(r["table_name"], 60), short(r["expectations"], 300), r["n_rows"], r["n_seen"],
                          _utc(r["last_seen_at"])] for r in data.quarantine],
        data_docs_href=data_docs_href, docs_dir=datadocs.docs_dir(data.db_path).name,
        event_types=charts.type_order(clean(e["type"]) for e in data.recent),
        shown_note=(f"the {len(data.recent)} most recent of {data.n_events}" if data.n_events > len(data.recent)
                    else f"all {data.n_events}"),
    )


def data_docs_href(db_path: Path | str, report_path: Path | str) -> str | None:
    """The Data Docs index as a link relative to the report (a file: URL if no relative path exists), or None."""
    index = datadocs.index_path(db_path)
    if not index.is_file():
        return None
    try:
        return quote(Path(os.path.relpath(index.resolve(), Path(report_path).resolve().parent)).as_posix())
    except ValueError:  # another drive (Windows)
        return index.resolve().as_uri()


def build_report(db_path: Path | str, out: Path | str | None = None, coverage: str | None = None) -> str:
    """The report for a file at `out` (default: report.html next to the warehouse, as `radar report` writes it)."""
    out = out if out is not None else Path(db_path).parent / "report.html"
    return render_report(load_report_data(db_path), data_docs_href(db_path, out), coverage)


def write_report(db_path: Path | str, out: Path | str, coverage: str | None = None) -> Path:
    """Render the report and replace `out` atomically."""
    text = build_report(db_path, out, coverage)
    return write_text_atomic(out, text)
