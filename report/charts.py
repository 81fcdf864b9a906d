"""The report's charts: Vega-Lite specs built with altair, rendered to inline SVG by vl-convert (offline: Vega runs
inside the vl-convert wheel; nothing is fetched and the page carries no chart JavaScript).

Every text that reaches a chart is cleaned first (`clean`: control characters become U+FFFD): vl-convert aborts
the whole process on a control character in SVG text, and feed text is hostile. Vega escapes the rest as XML.
altair and vl_convert are imported on first use (altair alone takes about a second): the CLI's listings import
this package's page module without drawing anything.
Chart ARIA descriptions are off: they would repeat hostile text inside attributes; each <svg> gets one aria-label.
"""
from __future__ import annotations

import html
import math
import re
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from transforms.taxonomy import TAXONOMY

EVENT_TYPES = TAXONOMY.names  # transforms/taxonomy.toml, in its order
TYPE_COLORS = {t.name: t.colour for t in TAXONOMY.types.values()}
OTHER_COLOR = "#8c8c8c"
WEIGHTS = {True: ("open weights", "#1a9850"), False: ("closed weights", "#c0392b"),
           None: ("weights unknown", "#7f7f7f")}
WIDTH = 860  # plot width in px; the SVG scales to the page (CSS) through its viewBox
MAX_WEEKS = 104
MAX_TIMELINE_ORGS = 30
VL_VERSION = "6.1"  # what altair 6 writes; vl-convert names versions without the 'v'
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff]")
# Approximate width of one character of 11 px sans-serif label text, to keep labels apart.
CHAR_PX = 6.3


def _altair():
    import altair

    return altair


def clean(value: Any) -> str:
    """A value as display text: None is empty, control characters (and lone surrogates) become U+FFFD."""
    return "" if value is None else _CONTROL.sub("\ufffd", str(value))


def short(value: Any, limit: int) -> str:
    text = clean(value)
    return text if len(text) <= limit else text[: max(limit - 1, 0)] + "\u2026"


def type_color(type_: Any) -> str:
    return TYPE_COLORS.get(type_, OTHER_COLOR) if isinstance(type_, str) else OTHER_COLOR


def type_order(types) -> list[str]:
    return sorted(set(types), key=lambda t: (EVENT_TYPES.index(t) if t in EVENT_TYPES else len(EVENT_TYPES), t))


def _type_scale(types: list[str]):
    alt = _altair()
    return alt.Scale(domain=types, range=[type_color(t) for t in types])


def to_svg(chart, label: str) -> str:
    """The chart as an inline <svg> with one aria-label and the page's chart class (its size comes from CSS)."""
    import vl_convert

    # The browser draws the text with the font vl-convert measured it with (generic sans-serif at both ends), and
    # the padding leaves room for what still differs.
    spec = (chart.configure(aria=False, font="sans-serif", padding={"left": 24, "right": 24, "top": 4, "bottom": 4})
            .configure_view(stroke=None).configure_legend(labelFontSize=12, symbolSize=90).to_dict())
    svg = vl_convert.vegalite_to_svg(spec, vl_version=VL_VERSION)
    head, rest = svg.split(">", 1)
    head = re.sub(r'\sclass="[^"]*"', "", head)  # Vega's root class="marks": an element has one class attribute
    return f'{head} class="chart" role="img" aria-label="{html.escape(label, quote=True)}">{rest}'


# --- model releases: one lane per organization ----------------------------------------------------------------

@dataclass(frozen=True)
class Placed:
    org: str
    day: date
    row: int          # sub-row of the org's lane: marks (and their labels) that would collide go to another row
    label_left: bool  # the label sits left of the mark (near the right edge)


def place_marks(items: list[tuple[str, date, str]], lo: date, hi: date, width: float = WIDTH) -> list[Placed]:
    """Rows for (org, day, label) marks, in the order given, so that no mark hides another and no label overlaps a
    mark or label of its lane: each mark with its label takes a horizontal span, and goes to the first row of its
    lane where that span is free (greedy interval packing, by day)."""
    span_days = max((hi - lo).days, 1)
    rows_end: dict[str, list[float]] = {}
    placed: list[Placed | None] = [None] * len(items)
    for i in sorted(range(len(items)), key=lambda i: (items[i][0], items[i][1], items[i][2])):
        org, day, label = items[i]
        x = width * (day - lo).days / span_days
        text_w = CHAR_PX * len(label) + 10
        label_left = x + text_w > width
        start, end = (x - text_w - 8, x + 8) if label_left else (x - 8, x + text_w + 8)
        ends = rows_end.setdefault(org, [])
        row = next((n for n, e in enumerate(ends) if e <= start), len(ends))
        if row == len(ends):
            ends.append(end)
        else:
            ends[row] = end
        placed[i] = Placed(org, day, row, label_left)
    return placed  # type: ignore[return-value]


def releases_timeline(rows: list[dict], event_day) -> tuple[str, list[dict], list[str]]:
    """Model releases on a time axis, one lane per org; returns (svg, undated releases, orgs not drawn)."""
    alt = _altair()
    dated: list[dict] = []
    undated: list[dict] = []
    for r in rows:
        day = event_day(r.get("release_date"))
        (dated if day else undated).append({**r, "_day": day[0] if day else None, "_prec": day[1] if day else None})
    if not dated:
        return "", undated, []
    latest: dict[str, date] = {}
    for r in dated:
        org = clean(r.get("org")) or "(unknown org)"
        latest[org] = max(latest.get(org, r["_day"]), r["_day"])
    order = sorted(latest, key=lambda o: (-latest[o].toordinal(), o))
    hidden, order = order[MAX_TIMELINE_ORGS:], order[:MAX_TIMELINE_ORGS]
    drawn = [r for r in dated if (clean(r.get("org")) or "(unknown org)") in order]
    lo, hi = min(r["_day"] for r in drawn), max(r["_day"] for r in drawn)
    pad = max(timedelta(days=20), (hi - lo) * 0.04)
    lo, hi = lo - pad, hi + pad
    labels = [short(r.get("model") or "?", 26) for r in drawn]
    placed = place_marks([(clean(r.get("org")) or "(unknown org)", r["_day"], lab)
                          for r, lab in zip(drawn, labels, strict=True)],
                         lo, hi)
    n_rows = 1 + max(p.row for p in placed)
    data = []
    for r, p, lab in zip(drawn, placed, labels, strict=True):
        name, _ = WEIGHTS.get(r.get("open_weights"), WEIGHTS[None])
        data.append({"org": p.org, "day": r["_day"].isoformat(), "row": p.row, "label": lab,
                     "weights": name, "precision": "to the day" if r["_prec"] == "day" else "to the month or year",
                     "side": "left" if p.label_left else "right"})
    x = alt.X("day:T", title=None, scale=alt.Scale(domain=[lo.isoformat(), hi.isoformat()]),
              axis=alt.Axis(format="%Y-%m", grid=True, tickCount=8, labelFontSize=11))
    y = alt.Y("org:N", sort=order, title=None, axis=alt.Axis(labelLimit=170, labelFontSize=12, domain=False,
                                                            ticks=False, labelPadding=8))
    y_offset = alt.YOffset("row:O", scale=alt.Scale(domain=list(range(n_rows)), paddingInner=0.1))
    base = alt.Chart(alt.Data(values=data)).encode(x=x, y=y, yOffset=y_offset)
    weights = [w for w, _ in WEIGHTS.values()]
    weight_colors = alt.Scale(domain=weights, range=[c for _, c in WEIGHTS.values()])
    marks = base.mark_point(size=110, strokeWidth=2, opacity=1).encode(
        color=alt.Color("weights:N", scale=weight_colors,
                        legend=alt.Legend(title=None, orient="top", direction="horizontal")),
        shape=alt.Shape("weights:N", scale=alt.Scale(domain=weights, range=["circle", "diamond", "square"]),
                        legend=None),
        fill=alt.condition(alt.datum.precision == "to the day",
                           alt.Color("weights:N", scale=weight_colors, legend=None), alt.value("#ffffff")),
    )
    right = base.transform_filter(alt.datum.side == "right").mark_text(align="left", dx=10, fontSize=11,
                                                                       color="#333a47").encode(text="label:N")
    left = base.transform_filter(alt.datum.side == "left").mark_text(align="right", dx=-10, fontSize=11,
                                                                     color="#333a47").encode(text="label:N")
    # With a yOffset the step is the height of one sub-row: a lane is n_rows of them.
    chart = alt.layer(marks, right, left).properties(width=WIDTH, height=alt.Step(26 if n_rows == 1 else 17))
    return to_svg(chart, "Model releases by organization over time"), undated, hidden


# --- events per week -----------------------------------------------------------------------------------------

def weekly_bars(rows: list[dict], today: date) -> tuple[str, int]:
    """Stacked bars of events per week by type: each bar one week wide on a time axis of at least 12 weeks, so a
    single week is one narrow bar, not the whole width. Returns (svg, events not drawn: beyond a year from now or
    before the last MAX_WEEKS weeks)."""
    alt = _altair()
    if not rows:
        return "", 0
    horizon = today - timedelta(days=today.weekday()) + timedelta(weeks=52)
    weeks = sorted({r["week"] for r in rows if r["week"] <= horizon}) or sorted({r["week"] for r in rows})
    end = weeks[-1]
    start = max(weeks[0], end - timedelta(weeks=MAX_WEEKS - 1))
    shown = [r for r in rows if start <= r["week"] <= end]
    hidden = sum(int(r["n"]) for r in rows) - sum(int(r["n"]) for r in shown)
    if (end - start).days < 7 * 11:  # a short span: centre it in 12 weeks
        extra = timedelta(weeks=math.ceil((11 - (end - start).days / 7) / 2))
        start, end = start - extra, end + extra
    types = type_order(clean(r["type"]) for r in shown)
    data = [{"week": r["week"].isoformat(), "week_end": (r["week"] + timedelta(days=7)).isoformat(),
             "type": clean(r["type"]), "n": int(r["n"])} for r in shown]
    chart = alt.Chart(alt.Data(values=data)).mark_bar(stroke="#ffffff", strokeWidth=0.5).encode(
        x=alt.X("week:T", title=None,
                scale=alt.Scale(domain=[start.isoformat(), (end + timedelta(days=7)).isoformat()]),
                axis=alt.Axis(format="%Y-%m" if (end - start).days > 7 * 26 else "%Y-%m-%d", labelFontSize=11,
                              tickCount=8, labelOverlap=True)),
        x2="week_end:T",
        y=alt.Y("sum(n):Q", title="events", stack="zero", axis=alt.Axis(tickMinStep=1, format="d")),
        color=alt.Color("type:N", scale=_type_scale(types), sort=types,
                        legend=alt.Legend(title=None, orient="top", direction="horizontal", columns=6,
                                          labelLimit=160)),
        order=alt.Order("type_index:Q"),
    ).transform_calculate(
        type_index=f"indexof({types!r}, datum.type)",
    ).properties(width=WIDTH, height=200)
    return to_svg(chart, "Events per week by type"), hidden


# --- horizontal bars -----------------------------------------------------------------------------------------

def hbars(rows: list[dict], label: str, *, stacked: bool = False, colors: dict[str, str] | None = None,
          single_color: str = "#59a14f") -> str:
    """Horizontal bars, one per row label (in the given order), stacked by segment if `stacked`, with a note at
    each bar's end. rows: {"name", "segment", "value", "note"}."""
    alt = _altair()
    if not rows:
        return ""
    names = list(dict.fromkeys(clean(r["name"]) for r in rows))
    data = [{"name": clean(r["name"]), "segment": clean(r.get("segment")), "value": float(r["value"]),
             "note": short(r.get("note"), 40)} for r in rows]
    y = alt.Y("name:N", sort=names, title=None, axis=alt.Axis(labelLimit=190, labelFontSize=12, ticks=False,
                                                             domain=False))
    base = alt.Chart(alt.Data(values=data))
    if stacked:
        segments = list(dict.fromkeys(str(d["segment"]) for d in data))
        domain = type_order(segments) if colors is TYPE_COLORS else segments
        color = alt.Color("segment:N", sort=domain, legend=alt.Legend(title=None, orient="top", direction="horizontal",
                                                                     columns=6, labelLimit=160),
                          scale=alt.Scale(domain=domain, range=[(colors or {}).get(s, OTHER_COLOR) for s in domain]))
        bars = base.mark_bar(stroke="#ffffff", strokeWidth=0.5).encode(
            y=y, x=alt.X("sum(value):Q", title=None, axis=alt.Axis(tickMinStep=1)), color=color,
            order=alt.Order("segment_index:Q")).transform_calculate(
            segment_index=f"indexof({domain!r}, datum.segment)")
    else:
        bars = base.mark_bar(color=single_color).encode(y=y, x=alt.X("sum(value):Q", title=None, axis=None))
    notes = base.transform_aggregate(total="sum(value)", note="max(note)", groupby=["name"]).mark_text(
        align="left", dx=5, fontSize=11, color="#5b6475").encode(y=y, x="total:Q", text="note:N")
    chart = alt.layer(bars, notes).properties(width=WIDTH - 200, height=alt.Step(24))
    return to_svg(chart, label)
