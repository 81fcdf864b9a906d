"""Per-article isolation (issue 16, item 1): an article that raises in a per-article stage costs only itself.

Event extraction is fault-injected (a wrapper raising for articles that carry a marker), so these tests do not
depend on any one extractor bug; the real poison sentence of the issue must land too, as events or as a
quarantine row, never as a failed run.
"""
from __future__ import annotations

from datetime import datetime, timezone

import polars as pl
import pytest

import flows.ingest as ingest_module
import transforms.articles as articles_module
from cli.demo_server import serve_directory
from config.settings import Settings
from flows import workers
from sources.feeds import Feed
from sources.fetching import settled_pages
from sources.http import FetchResult
from tests import poison_pages
from tests.conftest import article_html
from transforms.extract import EXTRACTOR_VERSION
from transforms.ingest_rows import pages_to_extract
from transforms.isolate import isolating
from warehouse import db

MARKER = "POISON-ROW-MARKER"
REAL_POISON = ("GPT-Realtime-2 is priced at $32 / 1M audio input tokens ($0.40 for cached input tokens) and "
               "$64 / 1M audio output tokens.")
ORGS = ["Mistral AI", "Cohere", "Anthropic", "xAI", "Perplexity", "Runway"]


def _story(i: int, extra: str = "") -> tuple[str, str]:
    org = ORGS[i % len(ORGS)]
    title = f"{org} raises ${100 + i} million (story {i})"
    body = (f"{org} said on Tuesday that it raised ${100 + i} million in a Series C funding round led by "
            f"Example Capital {i}. The company will use the money to hire engineers and buy compute. {extra}\n"
            f"Analysts said the round was one of the largest of the month for the sector, story number {i}. "
            "Investors have poured money into model makers this year as demand for computing power keeps rising.")
    return title, body


def _site(tmp_path, stories: list[tuple[str, str]]) -> object:
    site = tmp_path / "site"
    site.mkdir()
    items = []
    for i, (title, body) in enumerate(stories):
        (site / f"{i}.html").write_text(article_html(title, body), encoding="utf-8")
        items.append(f"<item><title>{title}</title><link>/{i}.html</link><guid>/{i}.html</guid>"
                     f"<pubDate>Tue, 15 Apr 2025 08:{i % 60:02d}:00 GMT</pubDate></item>")
    (site / "feed.xml").write_text('<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>t</title>'
                                   f"<link>/</link><description>t</description>{''.join(items)}</channel></rss>",
                                   encoding="utf-8")
    return site


class PoisonedExtractor:
    """extract_mentions that raises for any batch holding an article with the marker; counts those calls."""

    def __init__(self, real):
        self.real, self.poison_calls, self.calls = real, 0, 0

    def __call__(self, articles: pl.DataFrame, *args, **kwargs) -> pl.DataFrame:
        self.calls += 1
        if articles["text"].str.contains(MARKER, literal=True).any():
            self.poison_calls += 1
            raise ValueError(f"injected failure on {MARKER}")
        return self.real(articles, *args, **kwargs)


# ------------------------------------------------------------------------------------------- pure bisection

def test_isolating_returns_every_good_row_and_only_the_poison_ones():
    frame = pl.DataFrame({"id": [str(i) for i in range(100)], "text": ["ok"] * 100}).with_columns(
        text=pl.when(pl.col("id").is_in(["7", "61", "62"])).then(pl.lit(MARKER)).otherwise("text"))
    calls = []

    def fn(part: pl.DataFrame) -> pl.DataFrame:
        calls.append(part.height)
        if part["text"].str.contains(MARKER).any():
            raise KeyError("boom")
        return part.select("id")

    results, failures = isolating(fn, frame, key="id")
    assert sorted(pl.concat(results)["id"].to_list(), key=int) == [str(i) for i in range(100) if i not in (7, 61, 62)]
    assert failures.to_dicts() == [{"row_key": k, "error_type": "KeyError", "error_message": "'boom'"}
                                   for k in ("7", "61", "62")]
    clean = frame.filter(pl.col("text") != MARKER)
    calls.clear()
    results, failures = isolating(fn, clean, key="id")
    assert calls == [clean.height] and failures.is_empty()  # a clean batch is one call: the fast path


def test_isolating_does_not_swallow_ctrl_c():
    def interrupted(part):
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        isolating(interrupted, pl.DataFrame({"id": ["1", "2"]}), key="id")


# ------------------------------------------------------------------------------------------- the flow

@pytest.fixture
def poisoned(monkeypatch):
    extractor = PoisonedExtractor(ingest_module.extract_mentions)
    monkeypatch.setattr(ingest_module, "extract_mentions", extractor)
    return extractor


def _stored(db_path, sql, params=None):
    return db.query(db_path, sql, params).to_dicts()


@pytest.mark.timeout(600)
def test_poison_articles_cost_only_themselves_and_are_retried_only_for_a_new_extractor(tmp_path, db_path, poisoned,
                                                                                       monkeypatch):
    good = [_story(i) for i in range(10)]
    poison = [_story(10, f"This sentence carries {MARKER}."), _story(11, f"{MARKER} again.")]
    real = [_story(12, REAL_POISON)]
    site = _site(tmp_path, good + poison + real)
    settings = Settings(allow_hosts=("127.0.0.1",), min_host_interval_s=0, extract_workers=1)
    with serve_directory(site) as base:
        feeds = [Feed(url=f"{base}/feed.xml", name="Poisoned")]
        counts = ingest_module.ingest(feeds=feeds, db_path=str(db_path), settings=settings)
        run = _stored(db_path, "select status, error from ops.runs")
        assert run == [{"status": "completed", "error": None}]
        assert counts["n_articles_new"] == 13  # every article lands, the poison ones too (their text is stored)

        urls = {f"{base}/{i}.html": i for i in range(13)}
        articles = _stored(db_path, "select article_id, url, text_source from raw.articles")
        assert sorted(urls[a["url"]] for a in articles) == list(range(13))  # each once
        by_id = {a["article_id"]: urls[a["url"]] for a in articles}
        with_mentions = {by_id[r["article_id"]]
                         for r in _stored(db_path, "select distinct article_id from core.mentions")}
        assert set(range(10)) <= with_mentions  # every good article yielded its events
        assert not {10, 11} & with_mentions

        quarantined = _stored(db_path, "select * from ops.quarantine where stage = 'extract_events'")
        poisoned_ids = {q["row_key"]: q for q in quarantined}
        assert {by_id[k] for k in poisoned_ids} - {12} == {10, 11}
        for q in poisoned_ids.values():
            assert q["table_name"] == "mentions" and q["extractor_version"] == EXTRACTOR_VERSION
        assert {q["error_type"] for k, q in poisoned_ids.items() if by_id[k] != 12} == {"ValueError"}
        # The real sentence: events or a quarantine row, never a failed run.
        assert 12 in with_mentions or 12 in {by_id[k] for k in poisoned_ids}

        # A rerun with the same extractor does not try the poison again.
        poisoned.poison_calls = 0
        again = ingest_module.ingest(feeds=feeds, db_path=str(db_path), settings=settings)
        assert poisoned.poison_calls == 0 and again["n_articles_new"] == 0 and again["n_mentions_new"] == 0
        assert _stored(db_path, "select status from ops.runs where status <> 'completed'") == []

        # A new extractor version (here: one that no longer raises) takes them up again, once.
        monkeypatch.setattr(ingest_module, "EXTRACTOR_VERSION", "rules-next")
        monkeypatch.setattr(ingest_module, "extract_mentions", poisoned.real)
        fixed = ingest_module.ingest(feeds=feeds, db_path=str(db_path), settings=settings)
        assert fixed["n_mentions_new"] > 0
        with_mentions = {by_id[r["article_id"]]
                         for r in _stored(db_path, "select distinct article_id from core.mentions")}
        assert {10, 11} <= with_mentions
        left = {by_id[q["row_key"]]
                for q in _stored(db_path, "select row_key from ops.quarantine where stage = 'extract_events'")}
        assert not {10, 11} & left
        n_mentions = _stored(db_path, "select count(*) as n from core.mentions")[0]["n"]
        ingest_module.ingest(feeds=feeds, db_path=str(db_path), settings=settings)
        assert _stored(db_path, "select count(*) as n from core.mentions")[0]["n"] == n_mentions


@pytest.mark.timeout(300)
def test_real_poison_sentence_alone_lands(tmp_path, db_path):
    """The sentence of issue 16 with the real extractor, whatever its state: the run completes and the article is
    stored, with its events or with a quarantine row saying what raised."""
    site = _site(tmp_path, [_story(0, REAL_POISON), _story(1)])
    settings = Settings(allow_hosts=("127.0.0.1",), min_host_interval_s=0, extract_workers=1)
    with serve_directory(site) as base:
        ingest_module.ingest(feeds=[Feed(url=f"{base}/feed.xml")], db_path=str(db_path), settings=settings)
        (article,) = _stored(db_path, "select article_id from raw.articles where url = ?", [f"{base}/0.html"])
    mentions = _stored(db_path, "select count(*) as n from core.mentions where article_id = ?", [article["article_id"]])
    quarantined = _stored(db_path, "select error_type from ops.quarantine where row_key = ?", [article["article_id"]])
    assert mentions[0]["n"] > 0 or quarantined
    assert _stored(db_path, "select status from ops.runs") == [{"status": "completed"}]


def test_a_row_that_makes_validation_raise_is_quarantined_alone(monkeypatch):
    import expectations

    real = expectations.validate

    def fragile(table, frame, key, **params):
        if frame[key].str.contains(MARKER).any():
            raise RuntimeError("GX could not evaluate")
        return real(table, frame, key, **params)

    monkeypatch.setattr(expectations, "validate", fragile)
    frame = pl.DataFrame({"entry_id": ["e1", f"e2{MARKER}", "e3"], "feed_url": ["https://f.example/x"] * 3,
                          "guid": ["1", "2", "3"], "url": [f"https://n.example/{i}" for i in range(3)],
                          "title": ["t"] * 3, "summary": [None] * 3,
                          "published_at": [datetime(2025, 1, 1, tzinfo=timezone.utc)] * 3, "content": [None] * 3})
    valid, quarantined = ingest_module.validate.fn("entries", frame, key="entry_id")
    assert valid["entry_id"].to_list() == ["e1", "e3"]
    (row,) = quarantined.to_dicts()
    assert (row["row_key"] == f"e2{MARKER}" and row["stage"] == "validate_entries"
            and row["error_type"] == "RuntimeError")


# ------------------------------------------------------------------------------------------- text extraction

def _pending_and_results(n: int, poison: set[int]) -> tuple[pl.DataFrame, list[FetchResult]]:
    urls = [f"https://news.example/{i}" for i in range(n)]
    pending = pl.DataFrame({"url": urls, "feed_url": ["https://news.example/feed"] * n,
                            "title": [f"Entry title {i}. Cohere raised $5{i} million." for i in range(n)],
                            "published_at": [datetime(2025, 4, 15, tzinfo=timezone.utc)] * n,
                            "summary": [None] * n, "content": [None] * n, "n_failed": [0] * n})
    results = []
    for i, url in enumerate(urls):
        title, body = _story(i, poison_pages.MARKER.decode() if i in poison else "")
        results.append(FetchResult(url, url, 200, article_html(title, body).encode()))
    return pending, results


def _pages(pending: pl.DataFrame, results: list[FetchResult]) -> list[dict]:
    return pages_to_extract(pending, settled_pages(pending, results, max_attempts=3))


@pytest.mark.timeout(300)
def test_a_page_that_kills_its_worker_costs_only_itself(monkeypatch):
    monkeypatch.setattr(articles_module, "read_page", poison_pages.read_page_or_die)
    monkeypatch.setattr(workers, "MIN_PAGES_FOR_POOL", 2)
    pending, results = _pending_and_results(6, poison={2})
    with workers.run_pool(2):  # the task gets plain page dicts; the run's worker processes are its business
        articles, quarantine = ingest_module.extract_articles.fn(_pages(pending, results))
    by_url = {r["url"]: r for r in articles.to_dicts()}
    assert len(by_url) == 6
    for i in (0, 1, 3, 4, 5):
        assert by_url[f"https://news.example/{i}"]["text_source"] == "page"
    dead = by_url["https://news.example/2"]
    assert dead["text_source"] == "title" and dead["page_error"] == "extract_failed"
    assert dead["text"].startswith("Entry title 2")
    (row,) = quarantine.to_dicts()
    assert row["row_key"] == "https://news.example/2" and row["stage"] == "extract_text"
    assert row["error_type"] == "BrokenProcessPool"


def test_a_page_that_makes_the_extractor_raise_costs_only_itself(monkeypatch):
    real = articles_module.extract_page

    def fragile(content, url):
        if poison_pages.MARKER in content:
            raise RecursionError("maximum recursion depth exceeded")
        return real(content, url)

    monkeypatch.setattr(articles_module, "extract_page", fragile)
    pending, results = _pending_and_results(4, poison={1})
    articles, quarantine = ingest_module.extract_articles.fn(_pages(pending, results))  # no run pool: in-process
    assert articles.filter(pl.col("text_source") == "page")["url"].to_list() == [
        f"https://news.example/{i}" for i in (0, 2, 3)]
    assert quarantine["row_key"].to_list() == ["https://news.example/1"]
    assert quarantine["error_type"].to_list() == ["RecursionError"]
