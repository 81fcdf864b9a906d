"""The HTML report on a small warehouse full of hostile text: escaped everywhere, self-contained, charts drawn."""
from __future__ import annotations

import base64
import hashlib
import re
from datetime import date, datetime, timedelta, timezone
from html.parser import HTMLParser
from pathlib import Path

import pytest

from report import page as report
from warehouse import db

T0 = datetime(2025, 2, 1, 12, 0, tzinfo=timezone.utc)

SCRIPT_PAYLOAD = "<script>alert(1)</script>"
# What the injected markup would do if it ever ran: the browser test looks for these markers.
MARKER_SCRIPT = ("<script>document.title='PWNED';"
                 "document.documentElement.setAttribute('data-pwned','script')</script>")
MARKER_IMG = "<img src=x onerror=\"document.documentElement.setAttribute('data-pwned','img')\">"


def hostile_warehouse(path: Path, leak_base: str = "http://127.0.0.1:9") -> Path:
    """A migrated warehouse with a handful of events, feeds, runs and quarantined rows; much of the text is hostile.

    `leak_base` is where hostile markup tries to load things from (the browser test serves it on loopback and
    checks that nothing came).
    """
    db.migrate(path)
    now = datetime.now(timezone.utc)
    articles = [
        ("a1", "https://news.example/deepseek-r1", f"{SCRIPT_PAYLOAD} DeepSeek ships R1 <img src=x onerror=alert(3)>"),
        ("a2", "https://news.example/openai-funding", "OpenAI raises $6.6 billion"),
        ("a3", "javascript:alert(document.domain)", "A link that must not become a link"),
        ("a4", f"{leak_base}/article-page", f"<link rel=stylesheet href={leak_base}/leak.css> Policy news"),
        ("a5", "https://news.example/\"onmouseover=\"alert(4)", "Quote breakout attempt"),
    ]
    events = [
        dict(event_key="model_release|deepseek|deepseek-r1", type="model_release", org="DeepSeek", model="DeepSeek-R1",
             event_date="2025-01-20", open_weights=True, license="MIT",
             evidence="DeepSeek released DeepSeek-R1 on January 20, 2025 under the MIT license.",
             first_seen_at=T0 - timedelta(days=11), sources=["a1"]),
        dict(event_key="model_release|openai|gpt-4o", type="model_release", org="OpenAI", model="GPT-4o",
             event_date="2024-05-13", open_weights=False, evidence="OpenAI released GPT-4o on May 13, 2024.",
             first_seen_at=datetime(2024, 5, 14, tzinfo=timezone.utc), sources=["a2"]),
        dict(event_key="model_release|meta|llama 3.1 8b", type="model_release", org="Meta", model="Llama 3.1 8B",
             event_date=None, open_weights=True, license="Llama 3.1 Community License",
             evidence="Meta also released Llama 3.1 8B.", first_seen_at=datetime(2024, 7, 24, tzinfo=timezone.utc),
             sources=[]),
        dict(event_key="model_release|evil|x", type="model_release", org=f"Evil{SCRIPT_PAYLOAD}Corp",
             model="<img src=x onerror=alert(2)>", event_date="2025-02", open_weights=None,
             evidence=f"Evil Corp released {SCRIPT_PAYLOAD} {MARKER_IMG}", first_seen_at=T0, sources=["a1", "a3"]),
        dict(event_key="model_release|fresh|new-model", type="model_release", org="Fresh Labs", model="Fresh-1",
             event_date=None, open_weights=False, evidence="Fresh Labs released Fresh-1 today.",
             first_seen_at=now - timedelta(days=1), sources=[]),
        dict(event_key="funding|openai|2024-10", type="funding", org="OpenAI", event_date="2024-10-02",
             amount_usd=6.6e9, round="growth round", valuation_usd=157e9,
             evidence="OpenAI said on October 2, 2024, that it had raised $6.6 billion.",
             first_seen_at=datetime(2024, 10, 3, tzinfo=timezone.utc), sources=["a2", "a5"]),
        dict(event_key="funding|xai|series c", type="funding", org="xAI", event_date="2024-12-23", amount_usd=6e9,
             round="Series C", evidence="xAI closed a $6 billion Series C round.",
             first_seen_at=datetime(2024, 12, 24, tzinfo=timezone.utc), sources=[]),
        dict(event_key="policy|us|chip export controls", type="policy", org=None, jurisdiction="US",
             measure="chip export controls", event_date="2025-01-13",
             evidence=f"The US tightened chip export controls. {MARKER_SCRIPT} {MARKER_IMG} "
                      f"<img src=\"{leak_base}/leak.png\"><iframe src=\"{leak_base}/frame\"></iframe>",
             first_seen_at=datetime(2025, 1, 14, tzinfo=timezone.utc), sources=["a4", "a3"]),
        dict(event_key="legal|nyt|openai", type="legal", org="The New York Times", counterparty="OpenAI",
             matter="copyright", event_date="2023-12-27", status="planned",
             evidence="The New York Times sued OpenAI and Microsoft.",
             first_seen_at=datetime(2023, 12, 28, tzinfo=timezone.utc), sources=[]),
        dict(event_key="partnership|markup|x", type="partnership", org="[/]Rich[bold red]Markup[link=http://x]",
             partner="\x1b[31mTerminal escape\x1b[0m", event_date="2024-06-10",
             evidence="A partnership whose names are [/bold] rich markup and \x1b]0;title\x07 escapes.",
             first_seen_at=datetime(2024, 6, 11, tzinfo=timezone.utc), sources=[]),
    ]
    with db.writing(path) as con:
        for article_id, url, title in articles:
            con.execute("insert into raw.articles (article_id, url, feed_url, title, published_at, text, text_sha,"
                        " lang, site_name, fetched_at, run_id) values (?, ?, 'https://feeds.example/ai.xml', ?, ?, ?,"
                        " ?, 'en', 'Example', ?, 'run1')", [article_id, url, title, T0, "x" * 400, "0" * 64, T0])
        for e in events:
            e = dict(e)
            sources = e.pop("sources")
            # core.events keeps the urls of its articles, as the merge writes them (warehouse/sql/merge_events.sql)
            urls = sorted({url for article_id, url, _ in articles if article_id in sources}) or None
            row = {"status": "done", "confidence": 0.9, "last_seen_at": e["first_seen_at"],
                   "n_mentions": len(sources) or 1, "n_articles": len(sources) or 1, "n_outlets": 1, "updated_at": T0,
                   "sources": urls, **e}
            columns = ", ".join(row)
            con.execute(f"insert into core.events ({columns}) values ({', '.join('?' * len(row))})", list(row.values()))
            for i, article_id in enumerate(sources):
                con.execute("insert into core.mentions (mention_id, article_id, type, org, evidence, confidence,"
                            " status, event_key, extractor_version, extracted_at, run_id) values (?, ?, ?, ?, ?, 0.9,"
                            " 'done', ?, 'test', ?, 'run1')",
                            [f"{e['event_key']}#{i}", article_id, e["type"], e.get("org"), e["evidence"],
                             e["event_key"], T0])
        con.execute("insert into raw.feeds (feed_url, name, title, health, consecutive_failures, last_status,"
                    " n_entries_last, last_fetched_at, last_ok_at) values"
                    " ('https://feeds.example/ai.xml', 'Example AI', 'Example AI news', 'ok', 0, 200, 5, ?, ?)",
                    [T0, T0])
        con.execute("insert into raw.feeds (feed_url, name, title, health, consecutive_failures, last_status,"
                    " last_error, last_fetched_at) values ('https://dead.example/rss', ?, NULL, 'dead', 5, 503, ?, ?)",
                    [f"Dead {SCRIPT_PAYLOAD}", f"HTTP 503 {MARKER_IMG}", T0])
        con.execute("insert into raw.entries (entry_id, feed_url, guid, url, title, first_seen_at, run_id) values"
                    " ('e1', 'https://feeds.example/ai.xml', 'g1', 'https://news.example/deepseek-r1', 't', ?, 'run1')",
                    [T0])
        for key, table, expectation in (
                ("https://bad.example/1", "articles", "expect_column_values_to_be_in_set(is_article)"),
                ("https://bad.example/2", "articles", "expect_column_values_to_be_in_set(is_article)"),
                ("m9", "mentions", f"expect_column_values_to_not_be_null({SCRIPT_PAYLOAD})")):
            con.execute("insert into ops.quarantine (table_name, row_key, expectations, row_json, run_id,"
                        " first_seen_at, last_seen_at) values (?, ?, ?, '{}', 'run1', ?, ?)",
                        [table, key, expectation, T0, T0])
        con.execute("insert into ops.runs (run_id, started_at, finished_at, status, n_feeds, n_feeds_failed,"
                    " n_entries_new, n_articles_new, n_mentions_new, n_events_new, n_quarantined) values"
                    " ('run1', ?, ?, 'completed', 2, 1, 1, 5, 12, 10, 3)", [T0, T0 + timedelta(seconds=30)])
    return path


@pytest.fixture
def warehouse(tmp_path: Path) -> Path:
    return hostile_warehouse(tmp_path / "radar.duckdb")


class _Collector(HTMLParser):
    """Every tag with its attributes, whether it sits inside the events table, and the inline scripts/styles."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict, bool]] = []
        self.stack: list[str] = []
        self.in_events = 0
        self.scripts: list[str] = []
        self.styles: list[str] = []
        self._raw: str | None = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "table" and attrs.get("id") == "events-table":
            self.in_events += 1
        self.tags.append((tag, attrs, self.in_events > 0))
        if tag in ("script", "style"):
            self._raw = tag
            (self.scripts if tag == "script" else self.styles).append("")

    def handle_endtag(self, tag):
        if tag == "table" and self.in_events:
            self.in_events -= 1
        if tag == self._raw:
            self._raw = None

    def handle_data(self, data):
        if self._raw == "script":
            self.scripts[-1] += data
        elif self._raw == "style":
            self.styles[-1] += data


def _parse(text: str) -> _Collector:
    parser = _Collector()
    parser.feed(text)
    parser.close()
    return parser


def _sha(text: str) -> str:
    return "sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode()


def test_report_escapes_all_hostile_text(warehouse, tmp_path):
    out = report.write_report(warehouse, tmp_path / "out" / "report.html")
    text = out.read_text(encoding="utf-8")
    assert "<script>alert" not in text and "<script>document" not in text
    assert "<img" not in text and "<iframe" not in text and "<link rel=stylesheet" not in text
    assert re.search(r"<[a-z]+[^>]*\son[a-z]+\s*=", text, re.I) is None  # no event-handler attribute at all
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in text
    assert "&lt;img src=x onerror=alert(2)&gt;" in text
    assert "\x1b" not in text and "\x07" not in text
    parsed = _parse(text)
    assert [t for t, _, _ in parsed.tags].count("script") == 1
    assert len(parsed.scripts) == 1 and len(parsed.styles) == 1


def test_report_has_strict_csp_matching_its_one_script_and_style(warehouse):
    text = report.build_report(warehouse)
    parsed = _parse(text)
    csp = [a["content"] for t, a, _ in parsed.tags if t == "meta" and a.get("http-equiv") == "Content-Security-Policy"]
    assert len(csp) == 1
    policy = dict(p.strip().split(" ", 1) for p in csp[0].split(";"))
    assert policy["default-src"] == "'none'"
    assert policy["script-src"] == f"'{_sha(parsed.scripts[0])}'"
    assert policy["style-src"] == f"'{_sha(parsed.styles[0])}'"
    assert "unsafe" not in csp[0] and "http" not in csp[0]
    # The CSP meta comes before anything it governs.
    order = [(t, a.get("http-equiv")) for t, a, _ in parsed.tags]
    assert order.index(("meta", "Content-Security-Policy")) < order.index(("style", None))


def test_report_draws_svg_charts(warehouse):
    text = report.build_report(warehouse)
    svgs = re.findall(r"<svg\b[^>]*>(.*?)</svg>", text, re.S)
    assert len(svgs) >= 4  # releases timeline, weekly bars, type legend, top orgs, funding
    labels = re.findall(r'<svg\b[^>]*aria-label="([^"]*)"', text)
    assert {"Model releases by organization over time", "Events per week by type",
            "Top organizations by number of events", "Funding raised per organization"} <= set(labels)
    for body in svgs:
        assert re.search(r"<(rect|circle|line|text)\b", body)
    for root in re.findall(r"<svg\b[^>]*>", text):  # one of each attribute (a browser keeps only the first)
        names = re.findall(r'\s([a-z:-]+)="', root)
        assert len(names) == len(set(names)) and 'class="chart"' in root, root
    timeline = text[text.index('aria-label="Model releases by organization over time"'):]
    timeline = timeline[: timeline.index("</svg>")]
    marks = _symbols(timeline)  # DeepSeek-R1 (open, to the day), GPT-4o (closed), Evil Corp's (unknown, month only)
    assert sorted(fill for _, _, fill, _ in marks) == sorted([OPEN, CLOSED, "#ffffff"])
    assert {stroke for _, _, _, stroke in marks} == {OPEN, CLOSED, UNKNOWN}  # hollow: the month-only release
    assert ">DeepSeek-R1</text>" in timeline and ">GPT-4o</text>" in timeline
    assert ">&lt;img src=x onerror=alert(" in timeline  # hostile model name: text, escaped (and shortened)
    assert "Llama 3.1 8B" not in timeline  # undated: in the table, not on the time axis
    assert "2 release(s) without a date" in text
    assert "$6.6B" in text and "$6.0B" in text  # funding totals


OPEN, CLOSED, UNKNOWN = (report.charts.WEIGHTS[k][1] for k in (True, False, None))


def _symbols(svg: str) -> list[tuple[float, float, str, str]]:
    """(x, y, fill, stroke) of every point mark that Vega drew."""
    groups = re.findall(r'<g class="mark-symbol role-mark[^"]*"[^>]*>(.*?)</g>', svg, re.S)
    return [(float(x), float(y), fill, stroke) for group in groups for x, y, fill, stroke in re.findall(
        r'<path transform="translate\(([\d.]+),([\d.]+)\)" d="[^"]*" fill="([^"]*)" stroke="([^"]*)"', group)]


def _texts(svg: str) -> list[tuple[float, float, str, str]]:
    """(x, y, anchor, text) of every text mark of the chart's layers (not the axes)."""
    groups = re.findall(r'<g class="mark-text role-mark[^"]*"[^>]*>(.*?)</g>', svg, re.S)
    return [(float(x), float(y), anchor, text) for group in groups for anchor, x, y, text in re.findall(
        r'<text text-anchor="(\w+)" transform="translate\(([\d.]+),([\d.]+)\)"[^>]*>([^<]*)</text>', group)]


def test_one_week_is_one_narrow_bar_not_the_whole_width():
    """Before: a warehouse whose dated events all fall in one week drew that week as one bar across the plot."""
    svg, hidden = report.charts.weekly_bars([{"week": date(2025, 1, 6), "type": "funding", "n": 2}], date(2025, 2, 1))
    bars = re.findall(r'<g class="mark-rect role-mark[^"]*"[^>]*><path d="M[\d.]+,[\d.]+h([\d.]+)v', svg)
    assert hidden == 0 and len(bars) == 1
    assert float(bars[0]) < report.charts.WIDTH / 8


def test_releases_on_one_day_do_not_hide_each_other_and_labels_do_not_overlap():
    """Before: two releases of one org on the same day drew one mark over the other, and labels of releases a few
    days apart overlapped in the org's row."""
    rows = [dict(org="Lab", model=f"Lab-Model-{n}-with-a-long-name", open_weights=True, release_date=day)
            for n, day in enumerate(["2025-01-10", "2025-01-10", "2025-01-13", "2025-01-20"])]
    rows.append(dict(org="Other", model="Far", open_weights=False, release_date="2024-03-01"))
    svg, undated, hidden = report.charts.releases_timeline(rows, report.event_day)
    marks = _symbols(svg)
    assert len(marks) == 5 and len({(round(x), round(y)) for x, y, _, _ in marks}) == 5  # every mark visible
    labels = [t for t in _texts(svg) if "Lab-Model" in t[3]]
    assert len(labels) == 4
    spans = [(y, x - (len(text) * report.charts.CHAR_PX if anchor == "end" else 0),
              x + (0 if anchor == "end" else len(text) * report.charts.CHAR_PX)) for x, y, anchor, text in labels]
    for i, (y1, a1, b1) in enumerate(spans):
        for y2, a2, b2 in spans[i + 1:]:
            assert abs(y1 - y2) >= 10 or b1 <= a2 or b2 <= a1, (spans, "labels overlap")


def test_place_marks_packs_rows_greedily():
    lo, hi = date(2025, 1, 1), date(2025, 12, 31)
    placed = report.charts.place_marks([("A", date(2025, 6, 1), "x" * 20), ("A", date(2025, 6, 1), "y"),
                                        ("A", date(2025, 9, 1), "z"), ("B", date(2025, 6, 1), "w")], lo, hi)
    assert [p.row for p in placed] == [0, 1, 0, 0]  # same day: second row; far apart or another org: first row
    assert report.charts.place_marks([("A", hi, "near the right edge")], lo, hi)[0].label_left


def test_control_characters_never_reach_the_chart_renderer():
    """vl-convert aborts the whole process on a control character in SVG text: charts get cleaned text."""
    rows = [dict(org="Org\x1b[31m", model="M\x07odel\x00", open_weights=True, release_date="2025-01-10")]
    svg, _, _ = report.charts.releases_timeline(rows, report.event_day)
    assert "\x1b" not in svg and "\x07" not in svg and "M\ufffdodel\ufffd" in svg


def test_report_loads_nothing_from_outside(warehouse):
    text = report.build_report(warehouse)
    parsed = _parse(text)
    for tag, attrs, in_events in parsed.tags:
        for name, value in attrs.items():
            value = value or ""
            if name in ("src", "srcset", "data", "action", "formaction", "poster", "background", "xlink:href"):
                pytest.fail(f"<{tag} {name}={value!r}> would load something")
            if name == "href":
                if tag == "link":
                    assert value == "data:,", value  # the favicon stub, so the browser asks for nothing
                elif value.startswith("#"):
                    continue
                else:
                    assert tag == "a" and in_events, f"<{tag} href={value!r}> outside the events table"
                    assert re.match(r"https?://", value), value
                    assert "noreferrer" in attrs.get("rel", "")
    for chunk in parsed.styles:
        assert "url(" not in chunk and "@import" not in chunk and "http" not in chunk
    assert ("http" not in parsed.scripts[0] and "fetch(" not in parsed.scripts[0]
            and "innerHTML" not in parsed.scripts[0])
    # Every http(s):// outside an <a href> inside the events table is escaped text, never markup.
    hrefs = [a["href"] for t, a, inside in parsed.tags if t == "a" and inside]
    assert "https://news.example/deepseek-r1" in hrefs
    assert not any(h.startswith("javascript") for h in hrefs)
    assert 'href="javascript' not in text
    assert not any('"' in h or "onmouseover" in h for h in hrefs)  # the quote-breakout URL is text, not a link
    assert "(javascript:alert(document.domain))" in text


def test_report_sections_show_feed_health_quarantine_and_events(warehouse):
    text = report.build_report(warehouse)
    assert "1 dead, 1 ok" in text
    assert "3 row(s) failed validation" in text
    assert "expect_column_values_to_be_in_set(is_article)" in text
    events_table = text[text.index('id="events-table"'):]
    assert events_table.count("<tr data-type=") == 10
    assert 'data-type="policy"' in events_table and "chip export controls" in events_table
    assert "DeepSeek ships R1" in events_table  # a source link shows the article title (escaped)
    assert "Showing all 10 events" in text


def test_report_on_an_empty_warehouse(tmp_path):
    path = tmp_path / "empty.duckdb"
    db.migrate(path)
    text = report.build_report(path)
    assert "No dated model releases yet." in text and "No events with a day-precise date yet." in text
    assert "no runs recorded" in text and "<script>" in text


def test_report_on_a_missing_warehouse(tmp_path):
    with pytest.raises(FileNotFoundError, match="no warehouse"):
        report.build_report(tmp_path / "nope.duckdb")


def test_safe_url_and_escaping_helpers():
    assert report.safe_url("https://a.example/x?y=1") == "https://a.example/x?y=1"
    for bad in ("javascript:alert(1)", "JAVASCRIPT:alert(1)", "data:text/html,<script>", "//evil.example/x",
                "http://", "http://a.example/\"onclick=\"x", "https://a.example/ x", "vbscript:x", None, 42, "",
                "http://[::1", "ftp://a.example/f"):
        assert report.safe_url(bad) is None, bad
    assert report.esc('<a href="x">\x00') == "&lt;a href=&quot;x&quot;&gt;\ufffd"
    assert report.esc("abcdef", 4) == "abc\u2026"
    assert report.terminal_text("a\x1b[31mb\nc") == "a\ufffd[31mb c"


def test_money_and_dates():
    assert report.fmt_usd(6.6e9) == "$6.6B" and report.fmt_usd(-6e11) == "-$600B" and report.fmt_usd(621e6) == "$621M"
    assert report.fmt_usd(15.525e6) == "$15.5M" and report.fmt_usd(None) == ""
    assert report.event_day("2025-01-20") == (date(2025, 1, 20), "day")
    assert report.event_day("2025-02") == (date(2025, 2, 15), "month")
    assert report.event_day("2025-13-01") is None and report.event_day("<x>") is None and report.event_day(None) is None
