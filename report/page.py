"""Analyst outputs over the warehouse: the offline HTML report, filtered listings, and the marts export.

Everything here reads the warehouse through `warehouse.db.read_only()`; nothing writes to it.

Every string that comes out of the warehouse was written by somebody on the internet (feed titles, article
titles, evidence sentences, even org and type names), so the HTML report treats all of it as hostile:
- text is cleaned of control characters and HTML-escaped (`esc`) in every element and attribute;
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
import tempfile
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from typing import Any, Iterable
from urllib.parse import quote, urlsplit

import duckdb
import polars as pl

from warehouse.files import write_text_atomic

from expectations import datadocs
from warehouse import db as wh

EVENT_TYPES = ["model_release", "funding", "acquisition", "partnership", "market_move", "policy",
               "training_cost", "benchmark_claim", "legal", "leadership"]
TYPE_COLORS = {
    "model_release": "#4e79a7", "funding": "#59a14f", "acquisition": "#f28e2b", "partnership": "#76b7b2",
    "market_move": "#e15759", "policy": "#b07aa1", "training_cost": "#edc948", "benchmark_claim": "#9c755f",
    "legal": "#ff9da7", "leadership": "#bcbd22",
}
OTHER_COLOR = "#8c8c8c"
OPEN_COLOR, CLOSED_COLOR, UNKNOWN_COLOR = "#1a9850", "#c0392b", "#7f7f7f"
RECENT_EVENTS_LIMIT = 500
MAX_WEEKS = 104
MAX_TIMELINE_ORGS = 30
TOP_N = 15

# --- hostile text ------------------------------------------------------------------------------------------

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff]")


def clean(value: Any) -> str:
    """A value as display text: None is empty, control characters (and lone surrogates) become U+FFFD."""
    if value is None:
        return ""
    return _CONTROL.sub("\ufffd", str(value))


def esc(value: Any, limit: int | None = None) -> str:
    """Escaped text for an HTML element or a quoted attribute, optionally shortened to `limit` characters."""
    text = clean(value)
    if limit is not None and len(text) > limit:
        text = text[: max(limit - 1, 0)] + "\u2026"
    return html.escape(text, quote=True)


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


_SINCE_RELATIVE = re.compile(r"^(\d{1,5})([dw])$")


def parse_since(value: str, today: date | None = None) -> date:
    """`7d`, `2w` (days or weeks before today, UTC) or `YYYY-MM-DD`."""
    today = today or datetime.now(timezone.utc).date()
    text = value.strip().lower()
    match = _SINCE_RELATIVE.match(text)
    if match:
        n = int(match.group(1)) * (7 if match.group(2) == "w" else 1)
        return today - timedelta(days=n)
    try:
        return date.fromisoformat(text) if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text) else _bad_since(value)
    except ValueError:
        return _bad_since(value)


def _bad_since(value: str) -> date:
    raise ValueError(f"--since must be a number of days or weeks (7d, 30d, 2w) or a date (YYYY-MM-DD), got {value!r}")


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


# --- listings for the CLI ------------------------------------------------------------------------------------

# A row matches --since D when its event date is on or after D; a date known only to the month (or year)
# matches when that month (year) is D's or later. Rows without a date match on when the radar first saw them.
_SINCE_SQL = """($since is null or case when {date} is null then first_seen_at::date >= $since::date
                 else {date} >= substr(strftime($since::date, '%Y-%m-%d'), 1, length({date})) end)"""


def releases(db_path: Path | str, since: date | None = None, org: str | None = None,
             open_weights: bool | None = None) -> pl.DataFrame:
    """marts.model_releases filtered: org (case-insensitive), open or closed weights, released since a day."""
    sql = f"""
        select * from marts.model_releases
        where ($org is null or lower(org) = lower($org))
          and ($open is null or open_weights = $open)
          and {_SINCE_SQL.format(date='release_date')}
        order by release_date desc nulls last, first_seen_at desc, org, model"""
    return wh.query(db_path, sql, {"org": org, "open": open_weights, "since": since})


def events(db_path: Path | str, type_: str | None = None, org: str | None = None, since: date | None = None,
           limit: int | None = 50) -> pl.DataFrame:
    """marts.events filtered by type, org (case-insensitive) and date; most recent event date first."""
    sql = f"""
        select * from marts.events
        where ($type is null or type = $type)
          and ($org is null or lower(org) = lower($org))
          and {_SINCE_SQL.format(date='event_date')}
        order by event_date desc nulls last, first_seen_at desc, event_key
        limit $limit"""
    return wh.query(db_path, sql, {"type": type_, "org": org, "since": since,
                                   "limit": limit if limit is not None else 2**62})


def known_types(db_path: Path | str) -> list[str]:
    present = wh.query(db_path, "select distinct type from core.events")["type"].to_list()
    return EVENT_TYPES + sorted(t for t in present if t not in EVENT_TYPES)


# --- export ------------------------------------------------------------------------------------------------

EXPORT_FORMATS = ("parquet", "csv")


@dataclass
class Exported:
    view: str
    path: Path
    rows: int
    bytes: int


def marts_views(con: duckdb.DuckDBPyConnection) -> list[str]:
    rows = con.execute("select table_name from information_schema.tables where table_schema = 'marts' "
                       "order by table_name").fetchall()
    return [r[0] for r in rows]


def export_marts(db_path: Path | str, out_dir: Path | str, fmt: str = "parquet") -> list[Exported]:
    """Every view in the marts schema to OUT_DIR/<view>.<fmt>, each file replaced atomically; one snapshot."""
    if fmt not in EXPORT_FORMATS:
        raise ValueError(f"unknown format {fmt!r}: use parquet or csv")
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    options = "format parquet, compression zstd" if fmt == "parquet" else "format csv, header true"
    written = []
    with wh.read_only(db_path) as con:
        con.execute("begin transaction")  # one snapshot for all views
        for view in marts_views(con):
            if not re.fullmatch(r"[A-Za-z0-9_]+", view):
                continue  # not a name we can put in a file name safely; the marts views are ours
            target = out_dir / f"{view}.{fmt}"
            fd, tmp_name = tempfile.mkstemp(prefix=f".{view}.", suffix=f".{fmt}", dir=out_dir)
            os.close(fd)
            try:
                literal = "'" + tmp_name.replace("'", "''") + "'"
                columns = "*" if fmt == "parquet" else _csv_safe_columns(con, view)
                con.execute(f'copy (select {columns} from marts."{view}") to {literal} ({options})')
                rows = con.execute(f'select count(*) from marts."{view}"').fetchall()[0][0]
                os.replace(tmp_name, target)
            except BaseException:
                Path(tmp_name).unlink(missing_ok=True)
                raise
            written.append(Exported(view, target, int(rows), target.stat().st_size))
        con.execute("commit")
    return written


# Text a spreadsheet would run as a formula when it opens a CSV file.
_FORMULA_START = r"^[=+\-@\t\r]"


def _csv_safe_columns(con, view: str) -> str:
    """The view's columns, with text starting like a formula prefixed by a quote (OWASP's advice for CSV): feed
    text is untrusted, and CSV files end up in Excel."""
    rows = con.execute("select column_name, data_type from information_schema.columns "
                       "where table_schema = 'marts' and table_name = ? order by ordinal_position", [view]).fetchall()
    out = []
    for name, type_ in rows:
        col = '"' + name.replace('"', '""') + '"'
        out.append(f"case when regexp_matches({col}, '{_FORMULA_START}') then concat(chr(39), {col}) else {col} end "
                   f"as {col}" if type_ == "VARCHAR" else col)
    return ", ".join(out)


# --- report data -------------------------------------------------------------------------------------------

@dataclass
class ReportData:
    db_path: str
    generated_at: datetime
    totals: dict
    last_run: dict | None
    runs: list[dict]
    releases: list[dict]
    weekly: list[dict]
    weekly_undated: int
    org_activity: list[dict]
    funding: list[dict]
    feeds: list[dict]
    quarantine: list[dict]
    recent: list[dict]
    n_events: int


def _rows(con, sql: str, params: list | dict | None = None) -> list[dict]:
    return wh.frame(con, sql, params).to_dicts()


def load_report_data(db_path: Path | str) -> ReportData:
    """Everything the report shows, read in one snapshot."""
    with wh.read_only(db_path) as con:
        con.execute("begin transaction")
        totals = _rows(con, """
            select (select count(*) from core.events) as events,
                   (select count(*) from marts.model_releases) as releases,
                   (select count(*) from marts.model_releases where open_weights) as open_releases,
                   (select count(*) from marts.model_releases where not open_weights) as closed_releases,
                   (select count(distinct org) from core.events) as orgs,
                   (select count(*) from raw.articles) as articles,
                   (select count(*) from raw.feeds) as feeds,
                   (select count(*) from marts.feed_health where health = 'ok') as feeds_ok,
                   (select count(*) from ops.quarantine) as quarantined""")[0]
        runs = _rows(con, """select run_id, status, started_at, finished_at, n_feeds, n_feeds_failed, n_articles_new,
                                    n_events_new, n_quarantined, error
                             from ops.runs order by started_at desc limit 10""")
        release_rows = _rows(con, """select org, model, open_weights, license, release_date, first_seen_at,
                                            n_articles, n_outlets
                                     from marts.model_releases""")
        weekly = _rows(con, """
            with dated as (select type, try_strptime(event_date, '%Y-%m-%d')::date as day from core.events)
            select date_trunc('week', day)::date as week, type, count(*) as n
            from dated where day is not null group by all order by week, type""")
        undated = con.execute("select count(*) from core.events "
                              "where try_strptime(event_date, '%Y-%m-%d') is null").fetchall()[0][0]
        activity = _rows(con, """
            with per_org as (select org, sum(n_events) as total from marts.org_activity group by org
                             order by total desc, org limit $n)
            select a.org, a.type, a.n_events, p.total from marts.org_activity a join per_org p using (org)
            order by p.total desc, a.org, a.n_events desc, a.type""", {"n": TOP_N})
        funding = _rows(con, """
            select org, count(*) as n_events, sum(amount_usd) as total_usd, max(valuation_usd) as valuation_usd,
                   max(event_date) as latest
            from marts.events where type = 'funding' and amount_usd is not null and org is not null
            group by org order by total_usd desc, org limit $n""", {"n": TOP_N})
        feeds = _rows(con, """
            select * from marts.feed_health
            order by case health when 'dead' then 0 when 'degraded' then 1 when 'new' then 2 else 3 end, feed_url""")
        quarantine = _rows(con, """
            select table_name, expectations, count(*) as n_rows, sum(n_seen) as n_seen, max(last_seen_at) as last_seen_at
            from ops.quarantine group by table_name, expectations order by n_rows desc, table_name, expectations""")
        recent = _rows(con, """
            with src as (
                select m.event_key, a.url, any_value(a.title) as title
                from core.mentions m join raw.articles a using (article_id)
                group by m.event_key, a.url
            ),
            sources as (
                select event_key, list({'url': url, 'title': title} order by url) as sources
                from src group by event_key
            )
            select e.* exclude (sources), s.sources  -- core.events.sources has the urls only; the report shows titles too
            from core.events e left join sources s using (event_key)
            order by e.event_date desc nulls last, e.first_seen_at desc, e.event_key
            limit $n""", {"n": RECENT_EVENTS_LIMIT})
        con.execute("commit")
    return ReportData(
        db_path=str(db_path), generated_at=datetime.now(timezone.utc), totals=totals,
        last_run=runs[0] if runs else None, runs=runs, releases=release_rows, weekly=weekly,
        weekly_undated=int(undated), org_activity=activity, funding=funding, feeds=feeds, quarantine=quarantine,
        recent=recent, n_events=int(totals["events"]),
    )


# --- SVG ---------------------------------------------------------------------------------------------------

def _attrs(attrs: dict) -> str:
    out = []
    for key, value in attrs.items():
        if value is None:
            continue
        if isinstance(value, float):
            value = f"{value:.1f}"
        out.append(f' {key}="{esc(value)}"')
    return "".join(out)


def _el(tag: str, attrs: dict, body: str | None = None) -> str:
    if body is None:
        return f"<{tag}{_attrs(attrs)}/>"
    return f"<{tag}{_attrs(attrs)}>{body}</{tag}>"


def _tip(text: str) -> str:
    return f"<title>{esc(text, 300)}</title>"


def _svg(width: int, height: int, label: str, body: str) -> str:
    return (f'<svg class="chart" viewBox="0 0 {width} {height}" role="img" aria-label="{esc(label)}">'
            f"{body}</svg>")


def type_color(type_: Any) -> str:
    return TYPE_COLORS.get(type_, OTHER_COLOR) if isinstance(type_, str) else OTHER_COLOR


def _nice_step(maximum: float, target_ticks: int = 5) -> float:
    if maximum <= 0:
        return 1
    raw = maximum / target_ticks
    magnitude = 10 ** math.floor(math.log10(raw))
    for m in (1, 2, 5, 10):
        if raw <= m * magnitude:
            return max(m * magnitude, 1)
    return 10 * magnitude


def _add_months(d: date, n: int) -> date:
    y, m = divmod(d.month - 1 + n, 12)
    return date(d.year + y, m + 1, 1)


def _time_ticks(lo: date, hi: date) -> list[tuple[date, str]]:
    span = (hi - lo).days
    step = 1 if span <= 150 else 3 if span <= 3 * 366 else 12 * max(1, math.ceil(span / 365 / 8))
    ticks = []
    m = date(lo.year, lo.month, 1)
    if m < lo:
        m = _add_months(m, 1)
    while m <= hi and len(ticks) < 40:
        if (step < 12 and (m.month - 1) % step == 0) or (step >= 12 and m.month == 1 and m.year % (step // 12) == 0):
            ticks.append((m, m.strftime("%Y-%m") if step < 12 else str(m.year)))
        m = _add_months(m, 1)
    return ticks


def _legend(items: list[tuple[str, str]], x: float, y: float, width: float) -> tuple[str, float]:
    """Colored squares with labels, wrapped to `width`; returns (svg, height used)."""
    parts, cx, cy = [], x, y
    for label, color in items:
        w = 22 + 6.6 * min(len(clean(label)), 28)
        if cx + w > x + width and cx > x:
            cx, cy = x, cy + 18
        parts.append(_el("rect", {"x": cx, "y": cy, "width": 11, "height": 11, "fill": color, "rx": 2}))
        parts.append(_el("text", {"x": cx + 15, "y": cy + 10, "class": "lg"}, esc(label, 28)))
        cx += w
    return "".join(parts), cy - y + 18


def releases_timeline_svg(rows: list[dict]) -> tuple[str, list[dict]]:
    """Model releases as marks on one lane per org; returns (svg, undated releases)."""
    dated, undated = [], []
    for r in rows:
        day = event_day(r.get("release_date"))
        (dated if day else undated).append({**r, "_day": day[0] if day else None, "_prec": day[1] if day else None})
    if not dated:
        return "", undated
    lanes: dict[str, list[dict]] = {}
    for r in sorted(dated, key=lambda r: r["_day"]):
        lanes.setdefault(clean(r.get("org")) or "(unknown org)", []).append(r)
    order = sorted(lanes, key=lambda o: (-max(r["_day"] for r in lanes[o]).toordinal(), o))
    hidden = order[MAX_TIMELINE_ORGS:]
    order = order[:MAX_TIMELINE_ORGS]
    lo = min(r["_day"] for o in order for r in lanes[o])
    hi = max(r["_day"] for o in order for r in lanes[o])
    pad = max(timedelta(days=20), (hi - lo) * 0.04)
    lo, hi = lo - pad, hi + pad
    width, left, right, top, lane_h = 1000, 170, 30, 40, 50
    height = top + lane_h * len(order) + 34
    plot_w = width - left - right

    def x_of(d: date) -> float:
        return left + plot_w * (d - lo).days / max((hi - lo).days, 1)

    parts = []
    legend, _ = _legend([("open weights", OPEN_COLOR), ("closed weights", CLOSED_COLOR),
                         ("weights unknown", UNKNOWN_COLOR)], left, 8, plot_w)
    parts.append(legend)
    parts.append('<text x="%d" y="%d" class="lg">\u25cb hollow: date known to the month or year only</text>'
                 % (left + 470, 18))
    axis_y = top + lane_h * len(order)
    for tick, label in _time_ticks(lo, hi):
        x = x_of(tick)
        parts.append(_el("line", {"x1": x, "x2": x, "y1": top - 6, "y2": axis_y, "class": "grid"}))
        parts.append(_el("text", {"x": x, "y": axis_y + 16, "class": "tick", "text-anchor": "middle"}, esc(label)))
    for i, org in enumerate(order):
        y = top + i * lane_h + lane_h / 2
        if i % 2 == 0:
            parts.append(_el("rect", {"x": left - 160, "y": top + i * lane_h, "width": plot_w + 160,
                                      "height": lane_h, "class": "lane"}))
        parts.append(_el("text", {"x": left - 10, "y": y + 4, "class": "lane-label", "text-anchor": "end"},
                         _tip(org) + esc(org, 24)))
        for j, r in enumerate(lanes[org]):
            x = x_of(r["_day"])
            ow = r.get("open_weights")
            color = OPEN_COLOR if ow is True else CLOSED_COLOR if ow is False else UNKNOWN_COLOR
            weights = "open weights" if ow is True else "closed weights" if ow is False else "weights unknown"
            tip = _tip(f"{clean(r.get('model'))} ({org}), {clean(r.get('release_date'))}"
                       f"{' (month only)' if r['_prec'] == 'month' else ' (year only)' if r['_prec'] == 'year' else ''}"
                       f": {weights}{', ' + clean(r.get('license')) if r.get('license') else ''}"
                       f"; {r.get('n_articles') or 0} article(s)")
            fill = color if r["_prec"] == "day" else "#ffffff"
            if ow is False:
                mark = _el("rect", {"x": x - 6, "y": y - 6, "width": 12, "height": 12, "fill": fill, "stroke": color,
                                    "stroke-width": 2, "transform": f"rotate(45 {x:.1f} {y:.1f})"}, tip)
            else:
                mark = _el("circle", {"cx": x, "cy": y, "r": 7, "fill": fill, "stroke": color, "stroke-width": 2}, tip)
            parts.append(mark)
            anchor = "end" if x > width - right - 60 else "start" if x < left + 60 else "middle"
            ly = y - 11 if j % 2 == 0 else y + 20
            parts.append(_el("text", {"x": x, "y": ly, "class": "mark-label", "text-anchor": anchor},
                             esc(r.get("model") or "?", 26)))
    parts.append(_el("line", {"x1": left, "x2": width - right, "y1": axis_y, "y2": axis_y, "class": "axis"}))
    svg = _svg(width, height, "Model releases by organization over time", "".join(parts))
    if hidden:
        svg += f'<p class="note">{len(hidden)} more organization(s) with releases not drawn: {esc(", ".join(hidden), 400)}</p>'
    return svg, undated


def weekly_svg(rows: list[dict], today: date | None = None) -> tuple[str, int]:
    """Stacked bars of events per week by type (event date known to the day); returns (svg, events not drawn)."""
    if not rows:
        return "", 0
    today = today or datetime.now(timezone.utc).date()
    horizon = today - timedelta(days=today.weekday()) + timedelta(weeks=52)
    weeks_present = sorted({r["week"] for r in rows if r["week"] <= horizon}) or sorted({r["week"] for r in rows})
    end = weeks_present[-1]
    start = max(weeks_present[0], end - timedelta(weeks=MAX_WEEKS - 1))
    n_weeks = (end - start).days // 7 + 1
    counts: dict[date, dict[str, int]] = {}
    hidden = 0
    types: list[str] = []
    for r in rows:
        if not (start <= r["week"] <= end):
            hidden += int(r["n"])
            continue
        t = clean(r["type"])
        counts.setdefault(r["week"], {})[t] = counts.get(r["week"], {}).get(t, 0) + int(r["n"])
        if t not in types:
            types.append(t)
    types.sort(key=lambda t: (EVENT_TYPES.index(t) if t in EVENT_TYPES else len(EVENT_TYPES), t))
    width, left, right, top, bottom = 1000, 44, 16, 10, 40
    legend, legend_h = _legend([(t, type_color(t)) for t in types], left, top, width - left - right)
    top += legend_h + 8
    plot_h = 200
    height = top + plot_h + bottom
    plot_w = width - left - right
    max_total = max((sum(c.values()) for c in counts.values()), default=1)
    step = _nice_step(max_total)
    y_max = step * math.ceil(max_total / step)
    bar_w = plot_w / n_weeks

    def y_of(v: float) -> float:
        return top + plot_h - plot_h * v / y_max

    parts = [legend]
    v = 0.0
    while v <= y_max + 1e-9:
        parts.append(_el("line", {"x1": left, "x2": width - right, "y1": y_of(v), "y2": y_of(v), "class": "grid"}))
        parts.append(_el("text", {"x": left - 6, "y": y_of(v) + 4, "class": "tick", "text-anchor": "end"}, f"{v:g}"))
        v += step
    label_every = max(1, math.ceil(n_weeks / 12 / 4.35))  # months between labels
    for i in range(n_weeks):
        week = start + timedelta(weeks=i)
        x = left + i * bar_w
        base = 0
        for t in types:
            n = counts.get(week, {}).get(t, 0)
            if not n:
                continue
            parts.append(_el("rect", {"x": x + 0.5, "y": y_of(base + n), "width": max(bar_w - 1, 0.8),
                                      "height": y_of(base) - y_of(base + n), "fill": type_color(t)},
                             _tip(f"week of {week.isoformat()}: {n} {t}")))
            base += n
        first_of_month = (week + timedelta(days=6)).replace(day=1)
        if (week <= first_of_month and (first_of_month.month - 1) % label_every == 0) or n_weeks == 1:
            parts.append(_el("line", {"x1": x, "x2": x, "y1": top + plot_h, "y2": top + plot_h + 4, "class": "axis"}))
            anchor = "end" if x > width - right - 50 else "start"
            parts.append(_el("text", {"x": x + (bar_w if anchor == "end" else 0), "y": top + plot_h + 17,
                                      "class": "tick", "text-anchor": anchor},
                             first_of_month.strftime("%Y-%m") if n_weeks > 1 else week.isoformat()))
    parts.append(_el("line", {"x1": left, "x2": width - right, "y1": top + plot_h, "y2": top + plot_h, "class": "axis"}))
    return _svg(width, height, "Events per week by type", "".join(parts)), hidden


def hbar_svg(rows: list[tuple[str, list[tuple[str, float, str]], str]], label: str) -> str:
    """Horizontal bars: (row label, [(segment label, value, color)], annotation at the bar's end)."""
    if not rows:
        return ""
    width, left, right, top, row_h = 1000, 190, 150, 6, 26
    height = top + row_h * len(rows) + 6
    plot_w = width - left - right
    max_total = max(sum(v for _, v, _ in segs) for _, segs, _ in rows) or 1
    parts = []
    for i, (name, segs, note) in enumerate(rows):
        y = top + i * row_h
        parts.append(_el("text", {"x": left - 8, "y": y + 17, "class": "lane-label", "text-anchor": "end"},
                         _tip(name) + esc(name, 26)))
        x = float(left)
        for seg_label, value, color in segs:
            w = plot_w * value / max_total
            parts.append(_el("rect", {"x": x, "y": y + 4, "width": max(w, 1.0), "height": row_h - 8, "fill": color},
                             _tip(f"{name}: {seg_label}")))
            x += w
        parts.append(_el("text", {"x": x + 6, "y": y + 17, "class": "tick"}, esc(note, 40)))
    return _svg(width, height, label, "".join(parts))


# --- HTML --------------------------------------------------------------------------------------------------

CSS = """
:root { --report-css: 1; --fg: #1d2330; --muted: #5b6475; --line: #d9dde5; --bg: #ffffff; --panel: #f6f7f9; }
* { box-sizing: border-box; }
body { margin: 0; font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, Helvetica, Arial, sans-serif;
       color: var(--fg); background: var(--bg); }
header { padding: 18px 28px 10px; border-bottom: 1px solid var(--line); }
header h1 { margin: 0 0 4px; font-size: 22px; }
header p { margin: 0; color: var(--muted); }
nav { padding: 8px 28px; border-bottom: 1px solid var(--line); background: var(--panel); }
nav a { margin-right: 14px; color: #2b5797; text-decoration: none; }
main { padding: 8px 28px 40px; max-width: 1280px; }
section { margin: 22px 0 30px; }
h2 { font-size: 17px; margin: 0 0 8px; border-bottom: 1px solid var(--line); padding-bottom: 4px; }
.cards { display: flex; flex-wrap: wrap; gap: 10px; }
.card { background: var(--panel); border: 1px solid var(--line); border-radius: 6px; padding: 8px 14px; min-width: 130px; }
.card b { display: block; font-size: 20px; }
.card span { color: var(--muted); font-size: 12px; }
.note { color: var(--muted); font-size: 12.5px; margin: 4px 0; }
svg.chart { width: 100%; height: auto; max-width: 1000px; display: block; font-family: inherit; }
svg .grid { stroke: #e3e6eb; stroke-width: 1; }
svg .axis { stroke: #8a93a3; stroke-width: 1; }
svg .tick { font-size: 11px; fill: var(--muted); }
svg .lg { font-size: 11.5px; fill: var(--fg); }
svg .lane { fill: #f4f6f9; }
svg .lane-label { font-size: 12px; fill: var(--fg); }
svg .mark-label { font-size: 10.5px; fill: #333a47; }
table { border-collapse: collapse; width: 100%; font-size: 12.5px; }
th, td { text-align: left; vertical-align: top; padding: 4px 6px; border-bottom: 1px solid var(--line);
         unicode-bidi: isolate; overflow-wrap: break-word; word-break: normal; }
th { background: var(--panel); position: sticky; top: 0; }
td.num, th.num { text-align: right; white-space: nowrap; }
td.nowrap { white-space: nowrap; }
td.evidence { max-width: 520px; min-width: 260px; }
td.evidence, td.sources { overflow-wrap: anywhere; }
.badge { display: inline-block; padding: 0 6px; border-radius: 8px; font-size: 11.5px; background: #e8eaee; }
.badge.ok, .badge.open { background: #d7f0df; color: #145c2f; }
.badge.degraded, .badge.new { background: #fff1c9; color: #6b5200; }
.badge.dead, .badge.failed, .badge.closed { background: #fbd9d5; color: #7c1d12; }
.swatch { display: inline-block; width: 9px; height: 9px; border-radius: 2px; margin-right: 4px; }
.filter { display: flex; gap: 10px; align-items: center; margin: 6px 0 8px; flex-wrap: wrap; }
.filter input { padding: 5px 8px; width: 340px; border: 1px solid #b9c0cc; border-radius: 4px; font: inherit; }
.filter select { padding: 4px; font: inherit; }
.sources a { display: block; color: #2b5797; }
.sources span.bad { display: block; color: var(--muted); }
tr[hidden] { display: none; }
details summary { cursor: pointer; color: var(--muted); }
@media print { nav, .filter { display: none; } th { position: static; } }
""" + f".swatch {{ background: {OTHER_COLOR}; }}\n" + "".join(f".swatch.t-{t} {{ background: {c}; }}\n" for t, c in TYPE_COLORS.items())

SCRIPT = """
(function () {
  'use strict';
  var input = document.getElementById('q');
  var typeSelect = document.getElementById('qtype');
  var counter = document.getElementById('qcount');
  var rows = Array.prototype.slice.call(document.querySelectorAll('#events-table tbody tr'));
  var texts = rows.map(function (row) { return row.textContent.toLowerCase(); });
  function apply() {
    var terms = input.value.toLowerCase().split(/\\s+/).filter(Boolean);
    var type = typeSelect.value;
    var shown = 0;
    rows.forEach(function (row, i) {
      var ok = (!type || row.getAttribute('data-type') === type) &&
        terms.every(function (term) { return texts[i].indexOf(term) !== -1; });
      row.hidden = !ok;
      if (ok) { shown += 1; }
    });
    counter.textContent = shown + ' of ' + rows.length + ' events shown';
  }
  function fromHash() {
    var match = /^#q=(.*)$/.exec(window.location.hash);
    if (match) {
      try { input.value = decodeURIComponent(match[1].replace(/\\+/g, ' ')); } catch (e) { input.value = ''; }
    }
  }
  if (input && typeSelect && counter) {
    input.addEventListener('input', apply);
    typeSelect.addEventListener('change', apply);
    window.addEventListener('hashchange', function () { fromHash(); apply(); });
    fromHash();
    apply();
  }
  var root = document.documentElement;
  root.setAttribute('data-report-ready', '1');
  if (window.getComputedStyle(root).getPropertyValue('--report-css').trim() === '1') {
    root.setAttribute('data-report-css', '1');
  }
})();
"""


def _sha256(text: str) -> str:
    return "sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii")


CSP = (f"default-src 'none'; script-src '{_sha256(SCRIPT)}'; style-src '{_sha256(CSS)}'; img-src data:; "
       "base-uri 'none'; form-action 'none'")


def _table(headers: list[tuple[str, str]], rows: Iterable[list[str]], table_id: str | None = None) -> str:
    """headers: (escaped label, css class); rows: already-escaped cell HTML."""
    head = "".join(f'<th class="{cls}">{label}</th>' for label, cls in headers)
    body = "".join("<tr>" + "".join(f'<td class="{cls}">{cell}</td>' for cell, (_, cls) in zip(r, headers)) + "</tr>"
                   for r in rows)
    ident = f' id="{table_id}"' if table_id else ""
    return f"<table{ident}><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def _weights_badge(value: Any) -> str:
    if value is True:
        return '<span class="badge open">open</span>'
    if value is False:
        return '<span class="badge closed">closed</span>'
    return '<span class="badge">unknown</span>'


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" + ("" if n == 1 else "s")


def _type_class(type_: Any) -> str:
    return f" t-{type_}" if type_ in TYPE_COLORS else ""


def feed_text_sources(row: dict) -> str:
    """'20/22 articles: page 18, content 2' for a marts.feed_health row: how many of the feed's recent entries
    became articles, and where their text came from ('' for a warehouse older than those columns)."""
    if not row.get("recent_entries"):
        return ""
    sources = ", ".join(f"{source} {row[f'n_text_{source}']}" for source in ("page", "content", "summary", "title")
                        if row.get(f"n_text_{source}"))
    return f"{row['recent_articles']}/{row['recent_entries']} articles" + (f": {sources}" if sources else "")


def _badge(value: Any) -> str:
    text = clean(value)
    cls = text if text in ("ok", "degraded", "dead", "new", "failed", "completed", "running") else ""
    return f'<span class="badge {cls}">{esc(text, 40)}</span>'


def _card(value: Any, label: str) -> str:
    return f'<div class="card"><b>{esc(value)}</b><span>{esc(label)}</span></div>'


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
    if e.get("status") and e.get("status") != "done":
        bits.append(clean(e["status"]))
    return "; ".join(bits)


def _sources_cell(sources: Any) -> str:
    if not sources:
        return ""
    out = []
    for s in list(sources)[:5]:
        url, title = (s.get("url"), s.get("title")) if isinstance(s, dict) else (s, None)
        link = safe_url(url)
        text = clean(title) or (urlsplit(link).netloc if link else "")
        if link:
            out.append(f'<a href="{esc(link)}" rel="noopener noreferrer nofollow" referrerpolicy="no-referrer" '
                       f'target="_blank" title="{esc(link, 300)}">{esc(text or link, 90)}</a>')
        else:
            out.append(f'<span class="bad" title="not an http(s) link">{esc(text or url, 90)} '
                       f'({esc(url, 60)})</span>')
    if len(sources) > 5:
        out.append(f'<span class="bad">+{len(sources) - 5} more</span>')
    return "".join(out)


def coverage_section(rows: Any, reference_name: str) -> str:
    """Coverage against a reference list (transforms.coverage.compare rows): per-quarter bars of found and
    missed reference releases, and the per-organisation table."""
    from transforms import coverage as cov

    by_quarter, by_org = cov.summary(rows, "quarter").to_dicts(), cov.summary(rows, "org").head(20).to_dicts()
    found, total = sum(r["found"] for r in by_org), sum(r["reference"] for r in by_quarter)
    bars = hbar_svg([(r["quarter"], [("found", float(r["found"]), "#2e7d32"), ("missed", float(r["missed"]), "#c9ced8")],
                      f"{r['found']}/{r['reference']} found") for r in by_quarter if r["reference"]],
                    "Reference releases per quarter: found (green) and missed (grey)")
    table = _table(
        [("org", ""), ("reference", "num"), ("found", "num"), ("missed", "num"), ("recall", "num"),
         ("radar only", "num"), ("median lag (days)", "num")],
        ([esc(r["org"], 60), esc(r["reference"]), esc(r["found"]), esc(r["missed"]),
          "" if r["recall"] is None else f"{r['recall']:.0%}", esc(r["radar_only"]),
          "" if r["median_lag_days"] is None else f"{r['median_lag_days']:.0f}"] for r in by_org))
    return (f'<section id="coverage"><h2>Coverage</h2><p class="note">{found} of {total} releases in '
            f"{esc(reference_name)} found; lag = the radar's first article minus the list's date.</p>"
            f"{bars}{table}</section>")


def render_report(data: ReportData, data_docs_href: str | None = None, coverage: str | None = None) -> str:
    """The report's HTML. `data_docs_href`: link to the Great Expectations Data Docs index, None if there is none;
    `coverage`: the coverage section (coverage_section), when a reference list was given."""
    t = data.totals
    run = data.last_run
    run_text = (f"last run {clean(run['status'])} at {_utc(run['started_at'])}" if run else "no runs recorded")
    sections = []

    cards = "".join([
        _card(t["events"], "events"),
        _card(t["releases"], f"model releases ({t['open_releases']} open, {t['closed_releases']} closed weights)"),
        _card(t["orgs"], "organizations"),
        _card(t["articles"], "articles"),
        _card(f"{t['feeds_ok']}/{t['feeds']}", "feeds healthy"),
        _card(t["quarantined"], "quarantined rows"),
    ])
    runs_table = _table(
        [("run", ""), ("status", ""), ("started", "nowrap"), ("feeds (failed)", "num"), ("new articles", "num"),
         ("new events", "num"), ("quarantined", "num"), ("error", "")],
        ([esc(r["run_id"], 12), _badge(r["status"]), esc(_utc(r["started_at"])),
          f"{esc(r['n_feeds'])} ({esc(r['n_feeds_failed'])})", esc(r["n_articles_new"]), esc(r["n_events_new"]),
          esc(r["n_quarantined"]), esc(r["error"], 200)] for r in data.runs))
    sections.append(f'<section id="overview"><h2>Overview</h2><div class="cards">{cards}</div>'
                    f"<details><summary>Recent runs ({len(data.runs)})</summary>{runs_table}</details></section>")

    timeline, undated = releases_timeline_svg(data.releases)
    release_rows = sorted(data.releases, key=lambda r: (clean(r.get("release_date")) or "0"), reverse=True)
    release_table = _table(
        [("released", "nowrap"), ("org", ""), ("model", ""), ("weights", ""), ("license", ""), ("articles", "num"),
         ("first seen", "nowrap")],
        ([esc(r["release_date"]) or "?", esc(r["org"], 80), esc(r["model"], 80), _weights_badge(r["open_weights"]),
          esc(r["license"], 80), esc(r["n_articles"]), esc(_utc(r["first_seen_at"]))] for r in release_rows[:300]))
    undated_note = (f'<p class="note">{len(undated)} release(s) without a date are listed in the table only.</p>'
                    if undated else "")
    sections.append(
        '<section id="releases"><h2>Model releases by organization</h2>'
        + (timeline or '<p class="note">No dated model releases yet.</p>') + undated_note
        + f"<details><summary>All model releases ({len(data.releases)})</summary>{release_table}</details></section>")

    weekly, hidden = weekly_svg(data.weekly)
    notes = []
    if data.weekly_undated:
        notes.append(f"{data.weekly_undated} event(s) without a day-precise date are not drawn")
    if hidden:
        notes.append(f"{hidden} event(s) outside the last {MAX_WEEKS} weeks shown are not drawn")
    sections.append(
        '<section id="weekly"><h2>Events per week by type</h2>'
        '<p class="note">By event date (the week it happened, not when it was reported).</p>'
        + (weekly or '<p class="note">No events with a day-precise date yet.</p>')
        + (f'<p class="note">{esc("; ".join(notes))}.</p>' if notes else "") + "</section>")

    by_org: dict[str, list[tuple[str, float, str]]] = {}
    totals_by_org: dict[str, int] = {}
    for r in data.org_activity:
        org = clean(r["org"])
        by_org.setdefault(org, []).append((f"{int(r['n_events'])} {clean(r['type'])}", float(r["n_events"]),
                                           type_color(r["type"])))
        totals_by_org[org] = int(r["total"])
    activity_svg = hbar_svg([(org, segs, _plural(totals_by_org[org], "event")) for org, segs in by_org.items()],
                            "Top organizations by number of events")
    present_types = sorted({clean(r["type"]) for r in data.org_activity},
                           key=lambda x: (EVENT_TYPES.index(x) if x in EVENT_TYPES else 99, x))
    legend_svg, legend_h = _legend([(x, type_color(x)) for x in present_types], 0, 0, 1000)
    legend_block = _svg(1000, int(legend_h) + 2, "Event types", legend_svg) if present_types else ""
    sections.append(
        f'<section id="orgs"><h2>Top organizations by activity</h2>'
        f'<p class="note">Events per organization (top {TOP_N}), colored by type.</p>'
        + legend_block + (activity_svg or '<p class="note">No events yet.</p>') + "</section>")

    funding_rows = [(clean(r["org"]), [(fmt_usd(r["total_usd"]), float(r["total_usd"]), TYPE_COLORS["funding"])],
                     f"{fmt_usd(r['total_usd'])} in {_plural(int(r['n_events']), 'event')}")
                    for r in data.funding if r["total_usd"] is not None and r["total_usd"] > 0]
    funding_table = _table(
        [("org", ""), ("total raised (USD)", "num"), ("events", "num"), ("max valuation", "num"), ("latest", "nowrap")],
        ([esc(r["org"], 80), esc(fmt_usd(r["total_usd"])), esc(r["n_events"]), esc(fmt_usd(r["valuation_usd"])),
          esc(r["latest"])] for r in data.funding))
    sections.append(
        '<section id="funding"><h2>Funding totals</h2>'
        '<p class="note">Sum of amount_usd over funding events per organization (top '
        f'{TOP_N}); each canonical event counts once.</p>'
        + (hbar_svg(funding_rows, "Funding raised per organization") or '<p class="note">No funding events yet.</p>')
        + (f"<details><summary>Funding table</summary>{funding_table}</details>" if data.funding else "") + "</section>")

    feeds_table = _table(
        [("feed", ""), ("health", ""), ("failures", "num"), ("last status", "num"), ("last error", ""),
         ("entries", "num"), ("recent entries: text from", ""), ("no page text because", ""), ("last ok", "nowrap")],
        ([f"{esc(r['name'] or r['title'], 80)}<br><span class=\"note\">{esc(r['feed_url'], 200)}</span>",
          _badge(r["health"]), esc(r["consecutive_failures"]), esc(r["last_status"]), esc(r["last_error"], 200),
          esc(r["n_entries"]), esc(feed_text_sources(r)), esc(r.get("no_page_text_reasons"), 200),
          esc(_utc(r["last_ok_at"]))] for r in data.feeds))
    counts: dict[str, int] = {}
    for r in data.feeds:
        counts[clean(r["health"])] = counts.get(clean(r["health"]), 0) + 1
    summary = ", ".join(f"{n} {h}" for h, n in sorted(counts.items())) or "no feeds"
    sections.append(f'<section id="feeds"><h2>Feed health</h2><p class="note">{esc(summary)}</p>'
                    + (feeds_table if data.feeds else "") + "</section>")

    q_total = sum(int(r["n_rows"]) for r in data.quarantine)
    q_table = _table(
        [("table", ""), ("failed expectations", ""), ("rows", "num"), ("times seen", "num"), ("last seen", "nowrap")],
        ([esc(r["table_name"], 60), esc(r["expectations"], 300), esc(r["n_rows"]), esc(r["n_seen"]),
          esc(_utc(r["last_seen_at"]))] for r in data.quarantine))
    docs_dir = datadocs.docs_dir(data.db_path).name
    docs_note = (f'Every expectation and its result, per run: <a href="{esc(data_docs_href)}">Great Expectations Data '
                 f"Docs</a> ({esc(docs_dir)}, next to the warehouse)." if data_docs_href else
                 f"No Great Expectations Data Docs yet: a run builds them into {esc(docs_dir)} next to the warehouse.")
    sections.append(f'<section id="quarantine"><h2>Quarantine</h2><p class="note">{q_total} row(s) failed validation '
                    f'and were kept out of the warehouse tables (ops.quarantine). {docs_note}</p>'
                    + (q_table if data.quarantine else "") + "</section>")

    types_in_table = sorted({clean(e["type"]) for e in data.recent},
                            key=lambda x: (EVENT_TYPES.index(x) if x in EVENT_TYPES else 99, x))
    options = '<option value="">all types</option>' + "".join(
        f'<option value="{esc(x)}">{esc(x, 40)}</option>' for x in types_in_table)
    event_rows = []
    for e in data.recent:
        cells = [
            esc(e["event_date"]) or '<span class="note">undated</span>',
            f'<span class="swatch{_type_class(e["type"])}"></span>{esc(e["type"], 40)}',
            esc(e["org"], 80), esc(_subject(e), 120), esc(_details(e), 300),
            esc(e["evidence"], 1000), _sources_cell(e.get("sources")),
            esc(f"{e['confidence']:.2f}" if isinstance(e.get("confidence"), float) else e.get("confidence")),
        ]
        event_rows.append((clean(e["type"]), cells))
    headers = [("date", "nowrap"), ("type", "nowrap"), ("org", ""), ("subject", ""), ("details", ""),
               ("evidence", "evidence"), ("sources", "sources"), ("conf.", "num")]
    head = "".join(f'<th class="{cls}">{label}</th>' for label, cls in headers)
    body = "".join(f'<tr data-type="{esc(type_)}">' + "".join(
        f'<td class="{cls}">{cell}</td>' for cell, (_, cls) in zip(cells, headers)) + "</tr>"
        for type_, cells in event_rows)
    shown_note = (f"the {len(data.recent)} most recent of {data.n_events}" if data.n_events > len(data.recent)
                  else f"all {data.n_events}")
    sections.append(
        '<section id="events"><h2>Recent events</h2>'
        f'<p class="note">Showing {shown_note} events, by event date. Links open the source articles.</p>'
        '<div class="filter"><input id="q" type="search" placeholder="Filter: org, model, words in the evidence…" '
        f'aria-label="Filter events"><select id="qtype" aria-label="Event type">{options}</select>'
        '<span id="qcount" class="note"></span></div>'
        f'<table id="events-table"><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table></section>')

    if coverage:
        sections.insert(2, coverage)
    nav = "".join(f'<a href="#{a}">{label}</a>' for a, label in (
        ("overview", "Overview"), ("releases", "Releases"), *((("coverage", "Coverage"),) if coverage else ()),
        ("weekly", "Per week"), ("orgs", "Organizations"),
        ("funding", "Funding"), ("feeds", "Feeds"), ("quarantine", "Quarantine"), ("events", "Events")))
    return (
        "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n"
        f'<meta http-equiv="Content-Security-Policy" content="{CSP}">\n'
        '<meta name="referrer" content="no-referrer">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        '<link rel="icon" href="data:,">\n'
        "<title>AI Industry Radar report</title>\n"
        f"<style>{CSS}</style>\n</head><body>\n"
        f"<header><h1>AI Industry Radar</h1><p>Warehouse {esc(Path(data.db_path).name)} · generated "
        f"{esc(_utc(data.generated_at))} · {esc(run_text)}</p></header>\n"
        f"<nav>{nav}</nav>\n<main>\n" + "\n".join(sections) + "\n</main>\n"
        f"<script>{SCRIPT}</script>\n</body></html>\n"
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
