"""Why transforms/urls.py keeps its own canonical_url rather than courlan's normalize_url (a trafilatura dependency).

Each case is a pair of URLs that must give one canonical form (one article) or two (two articles); the test runs
both functions, so it shows where courlan agrees and keeps failing loudly if courlan's behaviour ever changes in a
way that would let us switch. Switching would also re-key articles: article ids are hashes of canonical URLs, so a
changed canonical form makes every stored article look new on the next poll (see docs note in transforms/urls.py).
"""
from __future__ import annotations

import pytest
from courlan import normalize_url

from transforms.urls import canonical_url

SAME = [  # both functions must fold these to one URL
    ("https://Example.COM:443/a?id=5", "https://example.com/a?id=5"),
    ("https://example.com/a?utm_source=rss&id=5&fbclid=x", "https://example.com/a?id=5"),
    ("http://example.com:80/x", "http://example.com/x"),
]
DIFFERENT = [  # distinct resources: must stay distinct
    ("https://example.com/a?id=5", "https://example.com/a?id=6"),
    ("http://example.com:8080/x", "http://example.com/x"),
]
# Where courlan is wrong for article identity (measured with courlan 1.4.0):
COURLAN_WRONG = [
    # a fragment names a place in the same page: one article, but courlan keeps it
    ("https://example.com/story#comments", "https://example.com/story"),
    # a default port on an IPv6 literal is still a default port: courlan keeps :443
    ("https://[2001:db8::1]:443/x", "https://[2001:db8::1]/x"),
]


def test_courlan_and_ours_agree_on_the_basics():
    for a, b in SAME:
        assert canonical_url(a) == canonical_url(b) and normalize_url(a) == normalize_url(b), (a, b)
    for a, b in DIFFERENT:
        assert canonical_url(a) != canonical_url(b) and normalize_url(a) != normalize_url(b), (a, b)


@pytest.mark.parametrize("a, b", COURLAN_WRONG)
def test_where_courlan_splits_one_article_in_two(a, b):
    assert canonical_url(a) == canonical_url(b)
    assert normalize_url(a) != normalize_url(b)  # if this starts failing, courlan fixed it: reconsider switching


def test_courlan_changes_a_reserved_character_in_the_path():
    """RFC 3986 2.2: ';' is a reserved delimiter, and percent-encoding it names a different resource
    (servers read ';jsessionid=' as a path parameter, '%3B' as part of the segment). courlan encodes it."""
    url = "https://example.com/article;jsessionid=AB12"
    assert canonical_url(url) == url
    assert normalize_url(url) == "https://example.com/article%3Bjsessionid=AB12"


def test_courlan_does_not_refuse_what_is_not_a_web_page():
    """Article URLs come from hostile feeds: only absolute http(s) URLs may become articles."""
    for bad in ("javascript:alert(1)", "file:///etc/passwd", "mailto:x@example.com"):
        assert canonical_url(bad) is None
        assert normalize_url(bad).split(":")[0] in ("javascript", "file", "mailto")
