"""The seed article, served as a page in a feed on loopback, run through the real flow into a real DuckDB."""
from __future__ import annotations

import pytest

from cli.demo_server import serve_directory
from config.settings import Settings
from sources.feeds import Feed
from tests.conftest import article_html, needs_shared, rss, seed_article
from warehouse import db

pytestmark = needs_shared


def _matches(event: dict, want: dict) -> bool:
    """Every field the label gives agrees (amounts within 1%)."""
    for key, value in want.items():
        if key == "why":
            continue
        got = event.get(key)
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            if got is None or abs(got - value) > abs(value) * 0.01:
                return False
        elif got != value:
            return False
    return True


@pytest.fixture
def seed_site(tmp_path):
    title, body, expected = seed_article()
    site = tmp_path / "site"
    (site / "articles").mkdir(parents=True)
    (site / "feeds").mkdir()
    (site / "articles" / "seed.html").write_text(article_html(title, body), encoding="utf-8")
    (site / "articles" / "empty.html").write_text(article_html("Nothing here", ""), encoding="utf-8")
    items = [
        {"title": title, "link": "/articles/seed.html", "date": "Tue, 15 Apr 2025 08:00:00 GMT"},
        {"title": "Gone", "link": "/articles/missing.html", "date": "Tue, 15 Apr 2025 09:00:00 GMT"},
        {"title": "Empty page", "link": "/articles/empty.html", "date": "Tue, 15 Apr 2025 10:00:00 GMT"},
    ]
    (site / "feeds" / "seed.xml").write_text(rss(items), encoding="utf-8")
    (site / "feeds" / "not-xml.xml").write_text("this is not a feed at all {", encoding="utf-8")
    with serve_directory(site) as base:
        yield base, expected


def test_seed_article_yields_expected_events_and_errors_are_recorded(seed_site, db_path):
    from flows.ingest import ingest

    base, expected = seed_site
    feeds = [Feed(url=f"{base}/feeds/seed.xml", name="Seed"), Feed(url=f"{base}/feeds/not-xml.xml", name="Broken")]
    settings = Settings(allow_hosts=("127.0.0.1",))
    counts = ingest(feeds=feeds, db_path=str(db_path), settings=settings)
    # The missing page (404) and the empty one give their entries' titles as text (issue 16: feed text counts).
    assert counts["n_articles_new"] == 3
    sources = {r["url"].rsplit("/", 1)[-1]: (r["text_source"], r["page_error"])
               for r in db.query(db_path, "select url, text_source, page_error from raw.articles").to_dicts()}
    assert sources["seed.html"] == ("page", None) and sources["missing.html"] == ("title", "http_404")
    assert sources["empty.html"][0] == "title" and sources["empty.html"][1] in ("no_text", "not_an_article")

    events = db.query(db_path, "select * from marts.events").to_dicts()
    for want in expected["must_find"]:
        assert any(_matches(e, want) for e in events), f"missing {want}"
    for unwanted in expected["must_not_find"]:
        assert not any(_matches(e, unwanted) for e in events), f"found forbidden {unwanted}"

    fetch_errors = db.query(db_path,
                            "select url, status, error_kind from raw.fetches where error_kind is not null").to_dicts()
    assert any(r["url"].endswith("/articles/missing.html") and r["status"] == 404 for r in fetch_errors)
    assert any(r["url"].endswith("/feeds/not-xml.xml") and r["error_kind"] == "not_a_feed" for r in fetch_errors)
    quarantined = db.query(db_path, "select table_name, row_key, expectations from ops.quarantine").to_dicts()
    assert [q["row_key"].rsplit("/", 1)[-1] for q in quarantined if q["table_name"] == "articles"] in (
        [], ["empty.html"])  # 'not_an_article' when trafilatura finds its boilerplate, nothing when it finds no text
    health = {r["feed_url"].rsplit("/", 1)[-1]: r["health"]
              for r in db.query(db_path, "select * from marts.feed_health").to_dicts()}
    assert health == {"seed.xml": "ok", "not-xml.xml": "degraded"}

    # A second poll of the same feeds adds nothing.
    tables = ["raw.entries", "raw.articles", "core.mentions", "core.events", "ops.quarantine"]
    before = {t: db.query(db_path, f"select count(*) as n from {t}")["n"][0] for t in tables}
    again = ingest(feeds=feeds, db_path=str(db_path), settings=settings)
    after = {t: db.query(db_path, f"select count(*) as n from {t}")["n"][0] for t in tables}
    assert after == before
    assert again["n_articles_new"] == 0 and again["n_events_new"] == 0
