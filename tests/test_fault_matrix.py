"""Fault matrix: one real ingest run over a healthy feed plus one feed per way a source can misbehave.

A single FaultServer on 127.0.0.1 answers for three host names, mapped with ``Settings.connect_to`` (as the demo
does), so that Retry-After from the faulty host (which holds off its whole registrable domain) cannot hold off
the healthy feed's article pages:

* ``healthy.test``  -- a real RSS feed whose two article pages (copied from demo/) carry known events;
* ``encodings.test`` -- well-formed feeds in encodings other than UTF-8 (they must load like any other);
* ``faulty.test``   -- every fault route of tests/fault_server.py plus hostile feed bodies written here.

The flow runs once per module (Prefect's ephemeral server costs ~15 s per process); every case below is a
read of that run's warehouse. Nothing connects anywhere but 127.0.0.1: sources.http's socket opener is wrapped
by a spy that refuses any other address, and its resolver by one that only parses literal addresses (a DNS
lookup would fail the run loudly instead of leaving the machine).
"""
from __future__ import annotations

import gzip
import shutil
import socket
import time
from pathlib import Path

import pytest

import sources.http as rh
from config.settings import Settings
from sources.feeds import Feed
from tests.conftest import DEMO, article_html, rss
from tests.fault_server import FaultServer, gzip_bomb
from transforms.articles import articles_frame
from transforms.extract import extract_mentions
from warehouse import db

pytestmark = pytest.mark.timeout(600)  # hang guard for the shared run (Prefect start included), never a speed check

READ_S, TOTAL_S = 1.5, 3.0  # the drip (1 byte/s) never trips the read timeout: only the total deadline ends it
HEALTHY, ENCODINGS, FAULTY = "http://healthy.test", "http://encodings.test", "http://faulty.test"
CANARY_SECRET = "canary-7d1f0c5e-never-store-me"
PASSWD_MARK = "root:x:0:0"

# ------------------------------------------------------------------------------------------------ the table
# (feed path on faulty.test, expected raw.fetches.error_kind, expected start of the recorded reason)
FAULTS = [
    ("/404", "http_status", "HTTP 404 Not Found"),
    ("/500", "http_status", "HTTP 500 Internal Server Error"),
    ("/503", "http_status", "HTTP 503 Service Unavailable"),
    ("/429", "http_status", "HTTP 429 Too Many Requests"),
    ("/hang", "timeout", "ReadTimeout"),                                  # read timeout (1.5 s)
    # 1 byte/s body: only the total deadline stops it
    ("/drip", "timeout", f"exceeded total timeout of {TOTAL_S}s"),
    ("/drip-headers", "timeout", f"exceeded total timeout of {TOTAL_S}s"),
    ("/reset", "protocol", "RemoteProtocolError: Server disconnected"),    # closed (FIN) without a response
    ("/rst", "connect", "connection broken"),                              # TCP RST
    ("/truncated", "protocol", "RemoteProtocolError: peer closed connection without sending complete message body"),
    ("/redirect-loop", "too_many_redirects", "more than 5 redirects"),
    ("/redirect-to-private", "blocked_address", "address 10.0.0.1 is private (blocked)"),
    ("/redirect-to?to=http://169.254.169.254/latest/meta-data/", "blocked_address",
     "address 169.254.169.254 is link-local (blocked)"),
    ("/redirect-to?to=file:///etc/passwd", "blocked_scheme", "scheme 'file' is not allowed"),
    ("/gzip-bomb", "too_large", "body exceeds 10485760 bytes"),            # 50 MB of zeros as ~50 KB of gzip
    ("/big", "too_large", "body exceeds 10485760 bytes (Content-Length 52428800)"),
    ("/big?nolength=1", "too_large", "body exceeds 10485760 bytes"),       # 50 MB, close-delimited
    ("/png", "not_a_feed", "not a feed"),                                  # image/png body
    ("/empty", "not_a_feed", "empty body"),                                # 200 with zero bytes
    ("/files/whitespace.xml", "not_a_feed", "empty body"),
    ("/files/page.html", "not_a_feed", "not a feed"),                      # an HTML page where the feed should be
    ("/files/invalid.xml", "not_a_feed", "not a feed"),                    # not well-formed, no feed root
    ("/files/note.xml", "not_a_feed", "not a feed"),                       # well-formed XML that is no feed
    ("/files/feed.json", "not_a_feed", "not a feed"),                      # JSON Feed: not read, cleanly refused
    ("/files/surrogate.xml", "not_a_feed", "unparseable feed"),            # &#xD800;: feedparser raises
    ("/files/out-of-range.xml", "not_a_feed", "unparseable feed"),         # &#x110000;: feedparser raises
    ("/as-gzip/files/truncated.xml.gz", "protocol", "gzip body ends before"),   # gzip stream cut in half
    ("/files/billion-laughs.xml", "not_a_feed", "refused: the document declares XML entities"),  # 10^9 expansion
    ("/files/quadratic.xml", "not_a_feed", "refused: the document declares XML entities"),  # one big entity, many refs
]

# Hostile bodies that must be survived without harm; their items may be kept (nothing in them is expanded,
# fetched or read from disk). (feed path on faulty.test, what it attacks)
SURVIVE = [
    ("/files/xxe.xml", "external entities to a file and to a URL on the test server"),
    ("/files/external-dtd.xml", "external DTD on the test server"),
]

# Feeds in other encodings: (file, encoding, title, served at encodings.test/enc/<file>)
ENCODED = [
    ("cp1251.xml", "windows-1251", "Новости: модель выпущена"),
    ("latin1.xml", "iso-8859-1", "Café société : l'IA générative arrive"),
    ("latin1-undeclared.xml", None, "Öffentliche Größen übernehmen"),  # latin-1 bytes, no declaration at all
    ("shift_jis.xml", "shift_jis", "人工知能の新しいモデル"),
    ("utf16.xml", "utf-16", "Ünïcödé in UTF-16 with a byte order mark"),
]

HEALTHY_PAGES = {  # page name on healthy.test -> demo article it copies
    "gpt-4o.html": "gpt-4o-launch.html",
    "mistral-b.html": "mistral-series-b.html",
}


# ------------------------------------------------------------------------------------------------ site

def _encoded_feed(encoding: str | None, title: str, link: str) -> bytes:
    body = (f"<rss version=\"2.0\"><channel><title>{title}</title><link>{ENCODINGS}/</link>"
            f"<description>d</description><item><title>{title}</title><link>{link}</link><guid>{link}</guid>"
            f"<pubDate>Tue, 15 Apr 2025 08:00:00 GMT</pubDate></item></channel></rss>")
    if encoding is None:
        return body.encode("iso-8859-1")
    text = f'<?xml version="1.0" encoding="{encoding}"?>\n' + body
    return text.encode(encoding)  # utf-16 writes a byte order mark


def _long_body(topic: str) -> str:
    sentence = (f"This is a plain report about {topic}, written for the fault matrix test of the pipeline. "
                "It has several sentences of ordinary prose, so the extractor reads it as a story. ")
    return "\n".join(sentence * 3 for _ in range(4))


def build_site(root: Path, canary_file: Path, port: int) -> None:
    canary = f"http://127.0.0.1:{port}/canary"
    (root / "healthy").mkdir(parents=True)
    for page, demo_page in HEALTHY_PAGES.items():
        shutil.copy(DEMO / "articles" / demo_page, root / "healthy" / page)
    items = [
        {"title": "OpenAI unveils GPT-4o", "link": f"{HEALTHY}/healthy/gpt-4o.html",
         "date": "Tue, 14 May 2024 09:00:00 GMT"},
        {"title": "Mistral AI raises EUR 600 million", "link": f"{HEALTHY}/healthy/mistral-b.html",
         "date": "Wed, 12 Jun 2024 09:00:00 GMT"},
    ]
    (root / "healthy" / "feed.xml").write_text(rss(items, title="Healthy feed"), encoding="utf-8")

    (root / "enc").mkdir()
    for name, encoding, title in ENCODED:
        page = name.replace(".xml", ".html")
        (root / "enc" / name).write_bytes(_encoded_feed(encoding, title, f"{ENCODINGS}/enc/{page}"))
        (root / "enc" / page).write_text(article_html(f"Story for {name}", _long_body(name)), encoding="utf-8")

    files = root / "files"
    files.mkdir()
    item = "<item><title>{t}</title><link>{l}</link><guid>{l}</guid><description>{d}</description></item>"
    head = '<?xml version="1.0" encoding="utf-8"?>\n'
    channel = '<rss version="2.0"><channel><title>t</title><link>https://example.com/</link><description>d</description>'
    (files / "whitespace.xml").write_bytes(b" \r\n\t \r\n ")
    (files / "page.html").write_text(article_html("Moved", "This document has moved. Please update your bookmarks."),
                                     encoding="utf-8")
    (files / "invalid.xml").write_text("<?xml version='1.0'?>\n<<<>>> &&& </ <!-- never closed", encoding="utf-8")
    (files / "note.xml").write_text(head + "<note><to>Tove</to><body>not a feed</body></note>", encoding="utf-8")
    (files / "feed.json").write_text('{"version": "https://jsonfeed.org/version/1.1", "title": "J", "items": '
                                     '[{"id": "1", "url": "https://example.com/1", "content_text": "x"}]}',
                                     encoding="utf-8")
    (files / "surrogate.xml").write_text(head + channel
                                         + item.format(t="bad &#xD800; ref", l="https://example.com/s", d="d")
                                         + "</channel></rss>", encoding="utf-8")
    (files / "out-of-range.xml").write_text(head + channel
                                            + item.format(t="bad &#x110000; ref", l="https://example.com/o", d="d")
                                            + "</channel></rss>", encoding="utf-8")
    whole = gzip.compress((head + channel + item.format(t="x", l=f"{FAULTY}/files/g.html", d="d" * 2000)
                           + "</channel></rss>").encode())
    (files / "truncated.xml.gz").write_bytes(whole[: len(whole) // 2])
    # External entities: one to a local file holding a secret, one to a URL on the test server itself.
    (files / "xxe.xml").write_text(
        head + f'<!DOCTYPE rss [<!ENTITY file SYSTEM "file://{canary_file}"><!ENTITY passwd SYSTEM "file:///etc/passwd">'
        f'<!ENTITY web SYSTEM "{canary}/xxe-entity">]>\n'
        + channel + item.format(t="xxe &file; &passwd; &web;", l=f"{FAULTY}/files/xxe.html", d="&file;&passwd;&web;")
        + "</channel></rss>", encoding="utf-8")
    (files / "external-dtd.xml").write_text(
        head + f'<!DOCTYPE rss SYSTEM "{canary}/external.dtd">\n'
        + channel + item.format(t="dtd", l=f"{FAULTY}/files/dtd.html", d="d") + "</channel></rss>", encoding="utf-8")
    lol = ['<!ENTITY lol "lol">'] + [f'<!ENTITY lol{i} "{("&lol%s;" % ("" if i == 1 else i - 1)) * 10}">'
                                     for i in range(1, 10)]
    (files / "billion-laughs.xml").write_text(
        head + "<!DOCTYPE rss [" + "".join(lol) + "]>\n"
        + channel + item.format(t="&lol9;", l=f"{FAULTY}/files/lol.html", d="&lol9;") + "</channel></rss>",
        encoding="utf-8")
    (files / "quadratic.xml").write_text(
        head + '<!DOCTYPE rss [<!ENTITY a "' + "A" * 20000 + '">]>\n'
        + channel + item.format(t="&a;" * 5000, l=f"{FAULTY}/files/quad.html", d="&a;" * 5000) + "</channel></rss>",
        encoding="utf-8")


# ------------------------------------------------------------------------------------------------ the run

class _Guard:
    """Wraps sources.http's resolver and socket opener: literal addresses only, 127.0.0.1 only."""

    def __init__(self) -> None:
        self.connects: list[tuple[str, int]] = []
        self.names: list[str] = []

    def resolve(self, host: str, port: int) -> list[str]:
        try:
            infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM, flags=socket.AI_NUMERICHOST)
        except socket.gaierror:
            self.names.append(host)
            raise socket.gaierror(socket.EAI_NONAME, f"test resolver: no DNS for {host}") from None
        return list(dict.fromkeys(i[4][0] for i in infos))

    def open_socket(self, address, timeout):
        self.connects.append(tuple(address[:2]))
        if address[0] != "127.0.0.1":
            raise ConnectionRefusedError(f"test guard: refused a connection to {address}")
        return socket.create_connection(address, timeout)


@pytest.fixture(scope="module")
def matrix(tmp_path_factory):
    from flows.ingest import ingest

    tmp = tmp_path_factory.mktemp("fault_matrix")
    canary_file = tmp / "secret.txt"
    canary_file.write_text(CANARY_SECRET + "\n", encoding="utf-8")
    root = tmp / "site"
    guard = _Guard()
    gzip_bomb()  # compressed now, not on its request: under load that took longer than the fetch's deadline
    with FaultServer(root_dir=root) as server, pytest.MonkeyPatch.context() as mp:
        build_site(root, canary_file, server.port)
        mp.setattr(rh, "resolve", guard.resolve)
        mp.setattr(rh, "open_socket", guard.open_socket)
        mapped = f"127.0.0.1:{server.port}"
        settings = Settings(
            allow_hosts=("127.0.0.1",),
            connect_to=(f"healthy.test={mapped}", f"encodings.test={mapped}", f"faulty.test={mapped}"),
            connect_timeout_s=1.0, read_timeout_s=READ_S, total_timeout_s=TOTAL_S,
            min_host_interval_s=0.0, user_agent="radar-fault-matrix/1.0",
            request_attempts=1,  # each fault's own error, not the retries' (those are tested in test_http.py)
        )
        feeds = ([Feed(url=f"{HEALTHY}/healthy/feed.xml", name="healthy")]
                 + [Feed(url=f"{ENCODINGS}/enc/{name}", name=name) for name, _, _ in ENCODED]
                 + [Feed(url=FAULTY + _case(f)[0], name=_case(f)[0]) for f in FAULTS]
                 + [Feed(url=FAULTY + path, name=path) for path, _ in SURVIVE])
        db_path = tmp / "radar.duckdb"
        started = time.monotonic()
        counts = ingest(feeds=feeds, db_path=str(db_path), settings=settings)
        elapsed = time.monotonic() - started
        requests = [path for path, _ in server.requests]
    return {"counts": counts, "port": server.port, "db": db_path, "guard": guard, "requests": requests, "root": root,
            "elapsed": elapsed, "feeds": feeds}


def _feed_row(matrix, url: str) -> dict:
    rows = db.query(matrix["db"], "select * from marts.feed_health where feed_url = ?", [url]).to_dicts()
    assert len(rows) == 1, f"{url}: expected one row in marts.feed_health, got {len(rows)}"
    return rows[0]


def _feed_fetches(matrix, url: str) -> list[dict]:
    return db.query(matrix["db"], "select * from raw.fetches where kind = 'feed' and url = ?", [url]).to_dicts()


# ------------------------------------------------------------------------------------------------ tests

def test_run_completes_and_counts_every_feed(matrix):
    counts = matrix["counts"]
    assert counts["n_feeds"] == len(matrix["feeds"])
    assert counts["n_feeds_skipped"] == 0
    runs = db.query(matrix["db"], "select status, error, n_feeds_failed from ops.runs").to_dicts()
    assert runs == [{"status": "completed", "error": None, "n_feeds_failed": counts["n_feeds_failed"]}]
    failed = db.query(matrix["db"], "select feed_url from raw.feeds where health <> 'ok'")["feed_url"].to_list()
    assert counts["n_feeds_failed"] == len(failed)
    # Every feed of the table failed, no other feed did.
    assert set(failed) == {FAULTY + _case(f)[0] for f in FAULTS}
    # Exactly one fetch-log row per feed: none is lost or doubled, even the ones that time out.
    per_url = db.query(matrix["db"], "select url, count(*) as n from raw.fetches where kind = 'feed' group by url")
    assert dict(per_url.iter_rows()) == {f.url: 1 for f in matrix["feeds"]}


def _case(f):
    return f.values if hasattr(f, "values") else f


@pytest.mark.parametrize("path, error_kind, reason", FAULTS, ids=[_case(f)[0] for f in FAULTS])
def test_fault_is_recorded_with_reason(matrix, path, error_kind, reason):
    url = FAULTY + path
    (fetch,) = _feed_fetches(matrix, url)
    assert fetch["error_kind"] == error_kind, fetch
    assert fetch["error"] and fetch["error"].startswith(reason), fetch
    assert "\n" not in fetch["error"] and len(fetch["error"]) < 1000  # one readable line
    feed = _feed_row(matrix, url)
    assert feed["health"] == "degraded"
    assert feed["consecutive_failures"] == 1
    assert feed["last_error"] == fetch["error"]
    assert feed["n_entries"] == 0
    assert fetch["elapsed_ms"] < (TOTAL_S + 2) * 1000, "a fault outlived the total timeout"


def test_size_caps_stop_reading_early(matrix):
    """The 50 MB bodies are refused on the declared length or while streaming: nothing of them is kept."""
    for path in ("/gzip-bomb", "/big", "/big?nolength=1"):
        (fetch,) = _feed_fetches(matrix, FAULTY + path)
        assert fetch["n_bytes"] == 0, fetch


@pytest.mark.parametrize("path", ["/503", "/429"])
def test_retry_after_is_honoured(matrix, path):
    """A 429/503 with Retry-After holds the domain off and puts the feed's next poll after the wait."""
    limits = db.query(matrix["db"], "select domain, until_at, reason from raw.rate_limits").to_dicts()
    assert [r["domain"] for r in limits] == ["faulty.test"]
    feed = db.query(matrix["db"], "select next_due_at, last_fetched_at from raw.feeds where feed_url = ?",
                    [FAULTY + path]).to_dicts()[0]
    wait = {"/503": 7, "/429": 5}[path]
    assert (feed["next_due_at"] - feed["last_fetched_at"]).total_seconds() >= wait


def test_private_redirect_refused_before_connecting(matrix):
    """Redirects to 10.0.0.1 / 169.254.169.254 / file:// were judged on the URL: no socket was ever opened
    anywhere but the loopback test server, and no host name was looked up."""
    guard = matrix["guard"]
    assert guard.connects, "the spy saw no connection at all: is it wired into sources.http?"
    assert set(guard.connects) == {("127.0.0.1", matrix["port"])}
    assert guard.names == []


@pytest.mark.parametrize("path, attack", SURVIVE, ids=[s[0] for s in SURVIVE])
def test_hostile_xml_is_survived_without_expansion_or_fetch(matrix, path, attack):
    url = FAULTY + path
    (fetch,) = _feed_fetches(matrix, url)
    assert fetch["status"] == 200
    feed = _feed_row(matrix, url)
    if feed["fetch_health"] != "ok":  # refusing the document is fine, as long as it says why
        assert feed["fetch_health"] == "degraded" and feed["last_error"], feed
    entries = db.query(matrix["db"], "select * from raw.entries where feed_url = ?", [url]).to_dicts()
    for entry in entries:
        for column in ("guid", "url", "title", "summary"):
            value = entry[column] or ""
            assert len(value) <= 20000, f"{attack}: {column} has {len(value)} chars: an entity was expanded"
            assert CANARY_SECRET not in value and PASSWD_MARK not in value, \
                f"{attack}: a local file leaked into {column}"
            assert "lollollol" not in value and "A" * 1000 not in value, f"{attack}: entity expansion in {column}"


def test_nothing_resolved_external_entities(matrix):
    """The XML parser fetched neither the external entity nor the DTD from the test server."""
    assert not [p for p in matrix["requests"] if p.startswith("/canary")]
    text = db.query(matrix["db"], "select string_agg(coalesce(title, '') || coalesce(summary, ''), ' ') as t "
                                  "from raw.entries")["t"][0] or ""
    assert CANARY_SECRET not in text and PASSWD_MARK not in text


@pytest.mark.parametrize("name, encoding, title", ENCODED, ids=[e[0] for e in ENCODED])
def test_non_utf8_feed_loads_with_correct_text(matrix, name, encoding, title):
    url = f"{ENCODINGS}/enc/{name}"
    feed = _feed_row(matrix, url)
    assert feed["fetch_health"] == "ok" and feed["last_error"] is None, feed
    assert feed["title"] == title, "feed title mis-decoded"
    entries = db.query(matrix["db"], "select title, url from raw.entries where feed_url = ?", [url]).to_dicts()
    page = f"{ENCODINGS}/enc/{name.replace('.xml', '.html')}"
    assert entries == [{"title": title, "url": page}]
    articles = db.query(matrix["db"], "select url from raw.articles where feed_url = ?", [url])["url"].to_list()
    assert articles == [page]


def test_healthy_feed_loads_articles_and_events(matrix):
    url = f"{HEALTHY}/healthy/feed.xml"
    feed = _feed_row(matrix, url)
    assert feed["health"] == "ok" and feed["last_error"] is None and feed["last_status"] == 200
    assert feed["n_entries"] == 2

    pages = [f"{HEALTHY}/healthy/{p}" for p in HEALTHY_PAGES]
    articles = db.query(matrix["db"], "select url, text_sha from raw.articles where feed_url = ? order by url", [url])
    assert sorted(articles["url"].to_list()) == sorted(pages)
    fetches = db.query(matrix["db"],
                       "select url, status, error_kind from raw.fetches where kind = 'article' and url like ?",
                       [f"{HEALTHY}/%"]).to_dicts()
    assert sorted(f["url"] for f in fetches) == sorted(pages)
    assert all(f["status"] == 200 and f["error_kind"] is None for f in fetches)
    assert db.query(matrix["db"], "select count(*) as n from ops.quarantine where row_key like ?",
                    [f"{HEALTHY}/%"])["n"][0] == 0

    # The same pages run through the pure transforms give the same text and the same events.
    root = matrix["root"] / "healthy"
    frame = articles_frame([{"url": f"{HEALTHY}/healthy/{p}", "feed_url": url, "content": (root / p).read_bytes(),
                             "entry_title": None, "entry_published_at": None} for p in HEALTHY_PAGES])
    expected_keys = set(extract_mentions(frame)["event_key"].to_list())
    assert dict(articles.select("url", "text_sha").iter_rows()) == dict(frame.select("url", "text_sha").iter_rows())
    stored = db.query(matrix["db"], """
        select distinct m.event_key from core.mentions m join raw.articles a using (article_id)
        where a.feed_url = ?""", [url])
    assert set(stored["event_key"].to_list()) == expected_keys
    events = db.query(matrix["db"], "select type, org, model from core.events").to_dicts()
    assert {"type": "model_release", "org": "OpenAI", "model": "GPT-4o"} in events
    assert any(e["type"] == "funding" and e["org"] == "Mistral AI" for e in events)
    assert set(db.query(matrix["db"], "select event_key from core.events")["event_key"].to_list()) >= expected_keys
