"""Feed bytes to entries, and URL canonicalization."""

import pytest

from tests.conftest import CORPUS, DEMO, needs_shared
from transforms.feeds import parse_feed
from transforms.urls import canonical_url


@pytest.mark.parametrize("raw, expected", [
    ("https://Example.com:443/a?utm_source=x&id=3#frag", "https://example.com/a?id=3"),
    ("http://example.com:80", "http://example.com/"),
    ("/rel/story.html", "https://feeds.example.org/rel/story.html"),
    ("javascript:alert(1)", None),
    ("file:///etc/passwd", None),
    ("", None),
])
def test_canonical_url(raw, expected):
    assert canonical_url(raw, base="https://feeds.example.org/feed.xml") == expected


def test_demo_feeds_parse_with_relative_links_resolved():
    for path in sorted((DEMO / "feeds").glob("*.xml")):
        parsed = parse_feed(path.read_bytes(), f"http://127.0.0.1:8000/feeds/{path.name}")
        assert parsed.error is None, path.name
        assert parsed.entries.height >= 5
        assert all(u.startswith("http://127.0.0.1:8000/articles/") for u in parsed.entries["url"])


def test_latin1_feed_decodes_titles():
    parsed = parse_feed((DEMO / "feeds" / "circuit-ledger.xml").read_bytes(), "http://127.0.0.1/feeds/c.xml")
    assert any("é" in t for t in parsed.entries["title"])


@pytest.mark.parametrize("body, reason", [
    (b"", "empty body"),
    (b"this is not a feed {", "not a feed"),
    (b"<html><body><p>hello</p></body></html>", "not a feed"),
])
def test_non_feeds_are_errors_not_exceptions(body, reason):
    parsed = parse_feed(body, "http://x/feed")
    assert parsed.error is not None and parsed.error.startswith(reason)
    assert parsed.entries.is_empty()


@needs_shared
@pytest.mark.parametrize("name", ["charref_surrogate.xml", "charref_out_of_range.xml", "charref_overflow.xml"])
def test_charrefs_that_make_feedparser_raise_become_errors(name):
    parsed = parse_feed((CORPUS / "hostile" / name).read_bytes(), "http://x/feed")
    assert parsed.error is not None and parsed.error.startswith("unparseable feed:")
    assert parsed.entries.is_empty()
