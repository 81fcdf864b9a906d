"""Polite polling: declared pace, Retry-After, backoff with jitter, robots.txt and per-host spacing."""
import random
import time
from datetime import datetime, timedelta, timezone

import pytest

from cli.demo_server import serve_directory
from config.settings import Settings
from sources import politeness
from sources.http import Fetcher

NOW = datetime(2025, 4, 15, 12, 0, tzinfo=timezone.utc)


@pytest.mark.parametrize("url, domain", [
    ("https://news.bbc.co.uk/x", "bbc.co.uk"),
    ("https://www.36kr.com/feed", "36kr.com"),
    ("https://a.b.example.com.cn/", "example.com.cn"),
    ("http://127.0.0.1:8000/feed", "127.0.0.1"),
    # Where guessing second-level labels was wrong: the Public Suffix List knows these.
    ("https://foo.github.io/post", "foo.github.io"),      # github.io is a (private) public suffix
    ("https://x.com.au/", "x.com.au"),
    ("https://news.x.com.au/", "x.com.au"),
    ("https://www.city.kobe.jp/", "city.kobe.jp"),          # *.kobe.jp is a suffix, city.kobe.jp an exception
    ("https://a.b.example.co.za/", "example.co.za"),
    ("https://blog.example.ne.jp/", "example.ne.jp"),
    ("https://ai.example.com.br/", "example.com.br"),
    ("https://research.bbc.uk/", "bbc.uk"),
    ("https://www.example.de/", "example.de"),
    ("https://EXAMPLE.COM./feed", "example.com"),
    ("http://demo.radar.test:8080/feed", "radar.test"),  # no listed suffix: the default rule, last two labels
    ("http://localhost/feed", "localhost"),
    ("http://[::1]:8000/feed", "::1"),
    ("http://[::1", ""),
])
def test_registrable_domain(url, domain):
    assert politeness.registrable_domain(url) == domain


def test_retry_after_in_seconds_or_http_date():
    assert politeness.retry_after_seconds({"retry-after": "120"}, NOW) == 120
    in_ten_minutes = (NOW + timedelta(minutes=10)).strftime("%a, %d %b %Y %H:%M:%S GMT")
    assert politeness.retry_after_seconds({"retry-after": in_ten_minutes}, NOW) == pytest.approx(600)
    assert politeness.retry_after_seconds({"retry-after": "soon"}, NOW) is None
    assert politeness.retry_after_seconds({}, NOW) is None


def test_declared_pace_takes_the_longest_of_ttl_max_age_and_expires():
    headers = {"cache-control": "public, max-age=1800",
               "expires": (NOW + timedelta(hours=1)).strftime("%a, %d %b %Y %H:%M:%S GMT")}
    assert politeness.declared_pace_seconds(headers, ttl_minutes=10, now=NOW) == pytest.approx(3600)
    assert politeness.declared_pace_seconds({}, ttl_minutes=None, now=NOW) is None


def test_backoff_grows_exponentially_with_jitter_and_a_cap():
    rng = random.Random(1)
    waits = [politeness.backoff_seconds(n, rng) for n in (1, 2, 3, 4)]
    assert all(0.8 * 60 * 2 ** i <= w <= 1.2 * 60 * 2 ** i for i, w in enumerate(waits))
    assert politeness.backoff_seconds(50, rng) <= politeness.BACKOFF_MAX_S * 1.2
    assert len({round(politeness.backoff_seconds(3), 3) for _ in range(20)}) > 1  # feeds do not retry in lockstep


def test_failed_feed_waits_at_least_its_retry_after():
    due = politeness.next_due(NOW, failed=True, consecutive_failures=1, headers={"retry-after": "7200"},
                              ttl_minutes=None)
    assert due - NOW >= timedelta(seconds=7200)
    assert politeness.next_due(NOW, failed=False, consecutive_failures=0, headers={}, ttl_minutes=None) is None


@pytest.fixture
def site(tmp_path):
    (tmp_path / "robots.txt").write_text("User-agent: *\nDisallow: /private/\n", encoding="utf-8")
    for name in ("a", "b", "c"):
        (tmp_path / f"{name}.html").write_text(f"<p>{name}</p>", encoding="utf-8")
    (tmp_path / "private").mkdir()
    (tmp_path / "private" / "x.html").write_text("<p>x</p>", encoding="utf-8")
    with serve_directory(tmp_path) as base:
        yield base


def test_robots_txt_is_obeyed_and_cached(site):
    address = site.removeprefix("http://")
    settings = Settings(allow_hosts=("127.0.0.1",), connect_to=(f"polite.test={address}",))
    with Fetcher(settings) as fetcher:
        assert fetcher.robots_refusal("http://polite.test/a.html") is None
        assert fetcher.robots_refusal("http://polite.test/private/x.html") == ("robots_disallowed",
                                                                               "disallowed by robots.txt")
        assert list(fetcher._robots) == ["http://polite.test"]  # one robots.txt fetch per origin


def test_requests_to_one_host_are_spaced(site):
    address = site.removeprefix("http://")
    polite = Settings(allow_hosts=("127.0.0.1",), connect_to=(f"polite.test={address}",), min_host_interval_s=0.3)
    urls = [f"http://polite.test/{n}.html" for n in ("a", "b", "c")]
    with Fetcher(polite) as fetcher:
        started = time.monotonic()
        assert all(r.ok for r in fetcher.get_many(urls, max_bytes=10_000))
        assert time.monotonic() - started >= 0.6  # three starts, 0.3 s apart (a lower bound, not a speed)


def test_spacing_waits_are_computed_not_polled(site, monkeypatch):
    """The dispatcher sleeps only when nothing is in flight, and then exactly until the host's next start: at most
    one sleep per request, never a fixed tick repeated until the interval has passed."""
    import sources.http as http_module

    sleeps: list[float] = []
    real_sleep = time.sleep
    monkeypatch.setattr(http_module.time, "sleep", lambda s: (sleeps.append(s), real_sleep(s)))
    address = site.removeprefix("http://")
    polite = Settings(allow_hosts=("127.0.0.1",), connect_to=(f"polite.test={address}",), min_host_interval_s=0.3,
                      per_host_concurrency=1)
    urls = [f"http://polite.test/{n}.html" for n in ("a", "b", "c")]
    with Fetcher(polite) as fetcher:
        assert all(r.ok for r in fetcher.get_many(urls, max_bytes=10_000))
    assert len(sleeps) <= len(urls) - 1 and sum(sleeps) >= 0.4, sleeps


def test_a_retry_to_someone_elses_host_waits_the_host_interval(monkeypatch):
    """A retry is another request start: to a host that is not the operator's own, it waits at least
    min_host_interval_s even when retry_wait_s is shorter."""
    from tests.fault_server import FaultServer

    waits: list[float] = []
    real_sleep = time.sleep
    monkeypatch.setattr(time, "sleep", lambda s: (waits.append(s), real_sleep(s)))
    with FaultServer() as server:
        server.answer("/ok", 502, b"bad gateway", times=1)
        address = server.base_url.removeprefix("http://")
        settings = Settings(allow_hosts=("127.0.0.1",), connect_to=(f"polite.test={address}",),
                            min_host_interval_s=0.6, retry_wait_s=0.01, total_timeout_s=10)
        with Fetcher(settings) as fetcher:
            result = fetcher.get("http://polite.test/ok", max_bytes=1000)
    assert result.ok and result.attempts == 2
    assert len(waits) == 1 and waits[0] >= 0.6, waits
