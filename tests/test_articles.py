"""Article pages: rel=canonical makes one story one article, whichever URL reached it."""
from cli.demo_server import serve_directory
from config.settings import Settings
from sources.feeds import Feed
from tests.conftest import REPO, article_html, rss
from transforms.articles import canonical_link
from warehouse import db

BODY = ("Anthropic released Claude 3.5 Sonnet on June 20, 2024, saying the model outperforms Claude 3 Opus. " * 6)


def test_canonical_link_is_taken_only_from_the_same_site():
    page = b'<head><link rel="canonical" href="/story?utm_source=feed"></head>'
    assert canonical_link(page, "https://news.example.com/story?ref=rss") == "https://news.example.com/story"
    assert canonical_link(b"<link href='https://other.example.org/x' rel=canonical>",
                          "https://news.example.com/a") is None
    assert canonical_link(b"<p>no link tag</p>", "https://news.example.com/a") is None


def test_one_story_through_two_feeds_and_two_urls_is_stored_once(tmp_path, db_path):
    site = tmp_path / "site"
    (site / "feeds").mkdir(parents=True)
    page = article_html("Anthropic ships Claude 3.5 Sonnet", BODY).replace(
        "<head>", '<head><link rel="canonical" href="/story.html">')
    (site / "story.html").write_text(page, encoding="utf-8")
    (site / "amp-story.html").write_text(page, encoding="utf-8")  # the same page at a second address
    (site / "feeds" / "a.xml").write_text(rss([{"title": "t", "link": "/story.html?utm_source=a",
                                                "date": "Fri, 21 Jun 2024 08:00:00 GMT"}]))
    (site / "feeds" / "b.xml").write_text(rss([{"title": "t", "link": "/amp-story.html",
                                                "date": "Fri, 21 Jun 2024 09:00:00 GMT"}]))
    from flows.ingest import ingest

    with serve_directory(site) as base:
        feeds = [Feed(url=f"{base}/feeds/a.xml"), Feed(url=f"{base}/feeds/b.xml")]
        ingest(feeds=feeds, db_path=str(db_path), settings=Settings(allow_hosts=("127.0.0.1",)))
        again = ingest(feeds=feeds, db_path=str(db_path), settings=Settings(allow_hosts=("127.0.0.1",)), force=True)
    articles = db.query(db_path, "select url, canonical_url from raw.articles")
    assert articles["canonical_url"].to_list() == [f"{base}/story.html"]
    assert db.query(db_path, "select n_articles from marts.model_releases")["n_articles"].to_list() == [1]
    # The second address is not fetched again on the next poll: it was fetched fine and stored under the canonical.
    assert again["n_articles_new"] == 0
    fetched = db.query(db_path, "select url, count(*) as n from raw.fetches where kind = 'article' group by url")
    assert sorted(fetched["n"].to_list()) == [1, 1]


def test_the_ingest_transforms_run_no_python_function_on_the_polars_thread_pool():
    """A `radar run` deadlocked: `map_elements` in finish_articles (an extraction thread) waited on polars' pool for
    the GIL while the main thread held it in GX validation's `to_pandas` (py-spy dump; polars issues 26821, 27396).
    The ingest path computes per-value Python functions in its own thread (transforms.normalize.each)."""
    ingest_path = [REPO / "transforms" / name for name in ("articles.py", "backfill.py", "feeds.py", "ingest_rows.py")]
    ingest_path += sorted((REPO / "transforms" / "extract").glob("*.py"))
    offenders = [str(p.relative_to(REPO)) for p in ingest_path if "map_elements(" in p.read_text(encoding="utf-8")]
    assert offenders == []
