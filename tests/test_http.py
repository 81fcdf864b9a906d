"""Tests for sources.http against a local misbehaving server (127.0.0.1 only).

No test connects anywhere but 127.0.0.1: blocked addresses are refused before any
socket is opened (asserted with a spy on sources.http.open_socket), and other host names
are answered by a fake resolver.
"""
from __future__ import annotations

import gzip
import json
import socket
import time

import pytest

import sources.http as rh
from config.settings import Settings
from sources.http import Fetcher, FetchResult, blocked_reason

try:  # works whether or not tests/ is a package
    from .fault_server import BIG_SIZE, FaultServer, gzip_bomb
except ImportError:
    from fault_server import BIG_SIZE, FaultServer, gzip_bomb

pytestmark = pytest.mark.timeout(20)  # hang guard only

REAL_RESOLVE = rh.resolve
READ_S, TOTAL_S = 1.0, 3.0
LOOPBACK = ("127.0.0.1",)


def make_settings(**overrides) -> Settings:
    base = dict(allow_hosts=LOOPBACK, connect_timeout_s=1.0, read_timeout_s=READ_S,
                total_timeout_s=TOTAL_S, max_redirects=5, user_agent="radar-test/1.0")
    base.update(overrides)
    return Settings(**base)


@pytest.fixture(scope="module")
def server():
    with FaultServer() as srv:
        yield srv


@pytest.fixture
def fetcher():
    with Fetcher(make_settings()) as f:
        yield f


@pytest.fixture
def connects(monkeypatch):
    """Records every address the client opens a socket to."""
    seen: list[tuple[str, int]] = []
    real = rh.open_socket

    def spy(address, timeout):
        seen.append(address)
        assert address[0] == "127.0.0.1", f"test tried to connect to {address}"
        return real(address, timeout)

    monkeypatch.setattr(rh, "open_socket", spy)
    return seen


def fake_dns(monkeypatch, table: dict[str, list[str]]):
    def resolve(host, port):
        if host in table:
            return table[host]
        try:  # literal IPs still work; nothing is ever sent to a DNS server
            return [i[4][0] for i in socket.getaddrinfo(host, port, flags=socket.AI_NUMERICHOST)]
        except socket.gaierror:
            pass
        raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")

    monkeypatch.setattr(rh, "resolve", resolve)


@pytest.fixture(autouse=True)
def no_real_dns(monkeypatch):
    """No test may send a DNS query: names come from a fake table, literals are parsed locally."""
    fake_dns(monkeypatch, {"localhost": ["127.0.0.1"]})


def get(fetcher: Fetcher, url: str, **kw) -> FetchResult:
    kw.setdefault("max_bytes", 1024 * 1024)
    return fetcher.get(url, **kw)


# ------------------------------------------------------------------ success paths

def test_ok(fetcher, server, connects):
    r = get(fetcher, server.base_url + "/ok")
    assert r.ok and r.error_kind is None and r.error is None
    assert (r.status, r.content) == (200, b"hello world")
    assert r.final_url == server.base_url + "/ok" and r.url == r.final_url
    assert r.headers["content-type"] == "text/plain"
    assert all(k == k.lower() for k in r.headers)
    assert r.elapsed_ms >= 0 and connects


def test_headers_sent(fetcher, server):
    r = get(fetcher, server.base_url + "/echo-headers", accept="application/rss+xml", etag='"x"',
            last_modified="Tue, 01 Jan 2030 00:00:00 GMT")
    sent = {k.lower(): v for k, v in json.loads(r.content).items()}
    assert sent["user-agent"] == "radar-test/1.0"
    assert sent["accept"] == "application/rss+xml"
    assert sent["if-none-match"] == '"x"'
    assert sent["if-modified-since"] == "Tue, 01 Jan 2030 00:00:00 GMT"


def test_etag_not_modified(fetcher, server):
    fresh = get(fetcher, server.base_url + "/etag")
    assert fresh.ok and fresh.content == b"fresh content" and fresh.headers["etag"] == '"v1"'
    r = get(fetcher, server.base_url + "/etag", etag=fresh.headers["etag"])
    assert r.ok and r.not_modified and r.status == 304 and r.content == b"" and r.error_kind is None
    r = get(fetcher, server.base_url + "/etag", last_modified=fresh.headers["last-modified"])
    assert r.ok and r.not_modified
    r = get(fetcher, server.base_url + "/etag", etag='"stale"')
    assert r.status == 200 and not r.not_modified


def test_redirect_chain_within_limit(fetcher, server):
    r = get(fetcher, server.base_url + "/redirect-chain/5")
    assert r.ok and r.content == b"end of chain"
    assert r.url == server.base_url + "/redirect-chain/5"
    assert r.final_url == server.base_url + "/redirect-chain/0"  # relative Locations resolved


def test_serves_files_from_root_dir(tmp_path, fetcher):
    (tmp_path / "feeds").mkdir()
    (tmp_path / "feeds" / "a.xml").write_bytes(b"<rss/>")
    with FaultServer(root_dir=tmp_path) as srv:
        r = get(fetcher, srv.url("feeds/a.xml"))
        assert r.ok and r.content == b"<rss/>"
        assert get(fetcher, srv.url("feeds/missing.xml")).error_kind == "http_status"
        assert get(fetcher, srv.url("../../etc/passwd")).error_kind == "http_status"
        assert get(fetcher, srv.url("ok")).content == b"hello world"  # fault routes still there


@pytest.fixture(scope="module")
def tls_files(tmp_path_factory):
    """A self-signed certificate for 127.0.0.1 (cert.pem, key.pem)."""
    pytest.importorskip("cryptography")
    import datetime
    import ipaddress

    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "127.0.0.1")])
    now = datetime.datetime.now(datetime.timezone.utc)
    cert = (x509.CertificateBuilder().subject_name(name).issuer_name(name).public_key(key.public_key())
            .serial_number(1).not_valid_before(now - datetime.timedelta(minutes=5))
            .not_valid_after(now + datetime.timedelta(days=1))
            .add_extension(x509.SubjectAlternativeName([x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]), False)
            .sign(key, hashes.SHA256()))
    d = tmp_path_factory.mktemp("tls")
    (d / "cert.pem").write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    (d / "key.pem").write_bytes(key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                                  serialization.NoEncryption()))
    return d / "cert.pem", d / "key.pem"


def test_https_through_guarded_backend(tls_files, monkeypatch):
    import ssl

    import httpx

    cert, key = tls_files
    server_ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    server_ctx.load_cert_chain(cert, key)
    with FaultServer(ssl_context=server_ctx) as srv:
        with Fetcher(make_settings()) as f:  # default trust store: the self-signed cert is refused
            r = get(f, srv.base_url + "/ok")
        assert r.error_kind == "connect" and "CERTIFICATE_VERIFY_FAILED" in r.error
        monkeypatch.setattr(httpx, "create_ssl_context", lambda *a, **k: ssl.create_default_context(cafile=str(cert)))
        with Fetcher(make_settings()) as f:
            r = get(f, srv.base_url + "/ok")
        assert r.ok and r.content == b"hello world" and r.final_url.startswith("https://127.0.0.1:")


# ------------------------------------------------------------------ HTTP status errors

@pytest.mark.parametrize("path,status,message", [
    ("/404", 404, "HTTP 404 Not Found"),
    ("/500", 500, "HTTP 500 Internal Server Error (after 3 attempts)"),  # a 5xx without Retry-After is retried
    ("/503", 503, "HTTP 503 Service Unavailable"),  # it says when to come back (Retry-After): not retried now
])
def test_http_status(fetcher, server, path, status, message):
    before = len(server.requests)
    r = get(fetcher, server.base_url + path)
    assert (r.error_kind, r.status, r.error, r.content) == ("http_status", status, message, b"")
    assert not r.ok
    assert ([p for p, _ in server.requests[before:]] == [path] * r.attempts
            and r.attempts == (3 if path == "/500" else 1))


@pytest.mark.parametrize("status", [500, 502, 503, 504])
def test_transient_server_error_is_retried_until_the_page_comes(fetcher, server, status):
    before = len(server.requests)
    server.answer("/ok", status, b"down", times=2)  # a 5xx without Retry-After twice, then /ok answers as usual
    r = get(fetcher, server.base_url + "/ok")
    assert (r.ok, r.status, r.content, r.attempts) == (True, 200, b"hello world", 3)
    assert [p for p, _ in server.requests[before:]] == ["/ok"] * 3


def test_no_retry_for_permanent_failures_or_retry_after(fetcher, server):
    before = len(server.requests)
    server.answer("/busy", 503, b"busy", headers={"Retry-After": "120"})
    assert get(fetcher, server.base_url + "/busy").attempts == 1
    assert get(fetcher, server.base_url + "/404").attempts == 1
    assert [p for p, _ in server.requests[before:]] == ["/busy", "/404"]


def test_retries_stay_within_the_total_deadline(server):
    with Fetcher(make_settings(total_timeout_s=1.0, retry_wait_s=0.4, request_attempts=10)) as f:
        r = get(f, server.base_url + "/500")
    assert r.error_kind == "http_status" and 1 < r.attempts < 10  # the deadline, not the attempt count, stopped it


def test_503_keeps_retry_after(fetcher, server):
    assert get(fetcher, server.base_url + "/503").headers["retry-after"] == "7"


# ------------------------------------------------------------------ timeouts and broken servers

def test_hang_times_out(fetcher, server):
    t0 = time.monotonic()
    r = get(fetcher, server.base_url + "/hang")
    assert r.error_kind == "timeout" and r.status is None
    assert time.monotonic() - t0 < TOTAL_S + 2


def test_drip_hits_total_deadline(server):
    # read timeout 2 s > drip interval 1 s: only the total deadline can stop this one
    with Fetcher(make_settings(read_timeout_s=2.0, total_timeout_s=2.5)) as f:
        t0 = time.monotonic()
        r = get(f, server.base_url + "/drip")
        took = time.monotonic() - t0
    assert r.error_kind == "timeout" and r.status == 200 and r.content == b""
    assert "total" in r.error
    assert took < 2.5 + 2.0 + 1  # total + read timeout (+ slack)


def test_header_drip_hits_total_deadline(server):
    with Fetcher(make_settings(read_timeout_s=2.0, total_timeout_s=1.5)) as f:
        t0 = time.monotonic()
        r = get(f, server.base_url + "/drip-headers")
        took = time.monotonic() - t0
    assert r.error_kind == "timeout" and r.status is None
    assert took < 1.5 + 1


def test_reset_is_protocol_error(fetcher, server):
    r = get(fetcher, server.base_url + "/reset")
    assert r.error_kind == "protocol" and r.status is None and r.content == b""


def test_truncated_body_is_protocol_error(fetcher, server):
    r = get(fetcher, server.base_url + "/truncated")
    assert r.error_kind == "protocol" and r.status == 200 and r.content == b""


def test_connection_refused(fetcher):
    with socket.socket() as s:  # grab a free port, then close it: nothing listens there
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    r = get(fetcher, f"http://127.0.0.1:{port}/")
    assert r.error_kind == "connect" and r.status is None


# ------------------------------------------------------------------ size caps

def test_big_rejected_by_content_length(fetcher, server):
    r = get(fetcher, server.base_url + "/big", max_bytes=1_000_000)
    assert r.error_kind == "too_large" and r.content == b""
    assert r.error.startswith("body exceeds 1000000 bytes")


def test_big_without_length_stopped_while_streaming(fetcher, server):
    r = get(fetcher, server.base_url + "/big?nolength=1", max_bytes=1_000_000)
    assert (r.error_kind, r.error) == ("too_large", "body exceeds 1000000 bytes")


def test_gzip_bomb_stopped_on_decompressed_size(fetcher, server):
    gzip_bomb()  # built once per process: building it inside the request would outlast READ_S
    r = get(fetcher, server.base_url + "/gzip-bomb", max_bytes=5 * 1024 * 1024)
    assert (r.error_kind, r.error) == ("too_large", "body exceeds 5242880 bytes after decompression")


def test_gzip_is_decoded(fetcher, server):
    gzip_bomb()  # built once per process: building it inside the request would outlast READ_S
    r = get(fetcher, server.base_url + "/gzip-bomb", max_bytes=BIG_SIZE)
    assert r.ok and len(r.content) == BIG_SIZE and r.headers["content-encoding"] == "gzip"
    assert r.content.count(0) == BIG_SIZE


def _gzip_members(*parts: bytes) -> bytes:
    """Each part compressed as its own gzip member, the members one after another (RFC 1952 allows it)."""
    return b"".join(gzip.compress(part) for part in parts)


@pytest.fixture
def gzip_site(tmp_path):
    """A loopback server whose /as-gzip/NAME sends tmp_path/NAME verbatim with Content-Encoding: gzip."""
    with FaultServer(root_dir=tmp_path) as srv:
        yield tmp_path, srv


def test_feed_in_two_gzip_members_keeps_every_entry(gzip_site, fetcher):
    from tests.conftest import rss
    from transforms.feeds import parse_feed

    root, srv = gzip_site
    items = [{"title": f"Story {i}", "link": f"https://news.example/{i}", "date": "Tue, 25 Nov 2025 10:00:00 GMT"}
             for i in range(20)]
    document = rss(items).encode()
    cut = document.index(b"<item>", len(document) // 2)  # the second member starts mid-document
    (root / "feed.xml").write_bytes(_gzip_members(document[:cut], document[cut:]))
    r = get(fetcher, srv.base_url + "/as-gzip/feed.xml")
    assert r.ok and r.content == document
    assert parse_feed(r.content, srv.base_url + "/as-gzip/feed.xml").entries.height == 20


def test_gzip_bomb_in_many_members_stopped_at_the_cap(gzip_site, fetcher):
    root, srv = gzip_site
    (root / "bomb.gz").write_bytes(_gzip_members(*[bytes(1024 * 1024)] * 8))   # 8 MB of zeros, 8 members
    r = get(fetcher, srv.base_url + "/as-gzip/bomb.gz", max_bytes=5 * 1024 * 1024)
    assert (r.error_kind, r.error) == ("too_large", "body exceeds 5242880 bytes after decompression")
    assert get(fetcher, srv.base_url + "/as-gzip/bomb.gz", max_bytes=8 * 1024 * 1024).content == bytes(8 * 1024 * 1024)


@pytest.mark.parametrize("members", [1, 2])
def test_truncated_gzip_member_fails(gzip_site, fetcher, members):
    root, srv = gzip_site
    whole = _gzip_members(*[b"<rss>" + b"x" * 5000 + b"</rss>"] * members)
    (root / "cut.gz").write_bytes(whole[:-6])   # the last member loses its trailer
    r = get(fetcher, srv.base_url + "/as-gzip/cut.gz")
    assert r.error_kind == "protocol" and "truncated" in r.error and r.content == b""


# ------------------------------------------------------------------ redirects

def test_redirect_loop(fetcher, server):
    r = get(fetcher, server.base_url + "/redirect-loop")
    assert r.error_kind == "too_many_redirects" and r.status == 302


def test_redirect_chain_over_limit(fetcher, server):
    r = get(fetcher, server.base_url + "/redirect-chain/6")
    assert r.error_kind == "too_many_redirects"


def test_redirect_to_private_refused_without_connecting(fetcher, server, connects):
    r = get(fetcher, server.base_url + "/redirect-to-private")
    assert r.error_kind == "blocked_address"
    assert r.error == "address 10.0.0.1 is private (blocked)"
    assert r.final_url == "http://10.0.0.1/"
    assert all(addr[0] == "127.0.0.1" for addr in connects)


@pytest.mark.parametrize("target", ["file:///etc/passwd", "gopher://127.0.0.1:70/", "ftp://127.0.0.1/"])
def test_redirect_to_other_scheme(fetcher, server, target):
    r = get(fetcher, f"{server.base_url}/redirect-to?to={target}")
    assert r.error_kind == "blocked_scheme"


def test_redirect_to_unlisted_loopback_name(fetcher, server, connects):
    # 127.0.0.1 is allow-listed, "localhost" is not (the allow-list matches the host as written)
    r = get(fetcher, f"{server.base_url}/redirect-to?to=http://localhost:{server.port}/ok")
    assert r.error_kind == "blocked_address" and "loopback" in r.error
    assert len(connects) == 1


# ------------------------------------------------------------------ SSRF guard

@pytest.mark.parametrize("url", [
    "file:///etc/passwd", "gopher://127.0.0.1:70/_x", "javascript:alert(1)", "ftp://example.org/",
    "//example.org/x", "data:text/plain,hi",
])
def test_blocked_schemes(fetcher, url, connects):
    r = get(fetcher, url)
    assert r.error_kind == "blocked_scheme" and r.status is None and not connects


def test_loopback_blocked_without_allow_list(server, connects):
    before = len(server.requests)
    with Fetcher(make_settings(allow_hosts=())) as f:
        for url in (server.base_url + "/ok", f"http://localhost:{server.port}/ok"):
            r = get(f, url)
            assert r.error_kind == "blocked_address" and "loopback" in r.error, url
            assert r.status is None
    assert connects == [] and len(server.requests) == before


@pytest.mark.parametrize("host", ["2130706433", "0x7f.1", "127.1", "0", "[::1]", "[::ffff:127.0.0.1]"])
def test_alternative_loopback_spellings_blocked(host, connects, monkeypatch):
    # getaddrinfo parses all of these as numbers (AI_NUMERICHOST: no DNS query can leave
    # the machine); none is allow-listed as written, all end up at a blocked address
    def numeric_only(h, port):
        infos = socket.getaddrinfo(h, port, type=socket.SOCK_STREAM, flags=socket.AI_NUMERICHOST)
        return [info[4][0] for info in infos]

    monkeypatch.setattr(rh, "resolve", numeric_only)
    with Fetcher(make_settings(allow_hosts=LOOPBACK)) as f:
        r = get(f, f"http://{host}:9/")
    assert r.error_kind == "blocked_address", r
    assert connects == []


def test_hostname_resolving_to_private_refused(fetcher, monkeypatch, connects):
    fake_dns(monkeypatch, {"intranet.example": ["10.1.2.3"]})
    r = get(fetcher, "http://intranet.example/")
    assert (r.error_kind, r.error) == ("blocked_address", "address 10.1.2.3 is private (blocked)")
    assert connects == []


def test_any_private_address_in_answer_refuses_host(fetcher, monkeypatch, connects):
    fake_dns(monkeypatch, {"mixed.example": ["8.8.8.8", "169.254.169.254"]})
    r = get(fetcher, "http://mixed.example/")
    assert r.error == "address 169.254.169.254 is link-local (blocked)"
    assert connects == []


def test_dns_failure(fetcher, monkeypatch, connects):
    fake_dns(monkeypatch, {})
    r = get(fetcher, "http://no-such-host.invalid/")
    assert r.error_kind == "dns" and r.status is None and connects == []


def test_peer_address_checked_after_connect(fetcher, server, monkeypatch):
    """DNS says public, but the socket ends up connected to loopback (as after a DNS
    rebinding or a NAT trick): the check on the socket's peer address refuses it."""
    fake_dns(monkeypatch, {"rebind.example": ["8.8.8.8"]})
    attempted = []

    def misdirect(address, timeout):  # never touches 8.8.8.8: always dials the local server
        attempted.append(address)
        return socket.create_connection(("127.0.0.1", server.port), timeout)

    monkeypatch.setattr(rh, "open_socket", misdirect)
    before = len(server.requests)
    r = get(fetcher, "http://rebind.example/ok")
    assert (r.error_kind, r.error) == ("blocked_address", "address 127.0.0.1 is loopback (blocked)")
    assert attempted == [("8.8.8.8", 80)]  # pinned to the checked address
    assert len(server.requests) == before  # no request bytes were sent


def test_allow_listed_hostname_connects_to_checked_address(server, monkeypatch, connects):
    fake_dns(monkeypatch, {"feeds.internal": ["127.0.0.1"]})
    with Fetcher(make_settings(allow_hosts=("Feeds.Internal",))) as f:
        r = get(f, f"http://feeds.internal:{server.port}/ok")
    assert r.ok and connects == [("127.0.0.1", server.port)]


@pytest.mark.parametrize("address,reason", [
    ("169.254.169.254", "link-local"),
    ("10.0.0.1", "private"),
    ("172.16.5.4", "private"),
    ("192.168.1.1", "private"),
    ("127.0.0.1", "loopback"),
    ("127.8.8.8", "loopback"),
    ("0.0.0.0", "unspecified"),
    ("224.0.0.1", "multicast"),
    ("100.64.0.1", "shared address space"),
    ("240.0.0.1", "reserved"),
    ("255.255.255.255", "reserved"),
    ("192.0.2.1", "private"),
    ("::1", "loopback"),
    ("::", "unspecified"),
    ("fe80::1%eth0", "link-local"),
    ("fd00::1", "private"),
    ("ff02::1", "multicast"),
    ("::ffff:127.0.0.1", "IPv4-embedded loopback"),
    ("::ffff:169.254.169.254", "IPv4-embedded link-local"),
    ("::ffff:10.0.0.1", "IPv4-embedded private"),
    ("2002:a00:1::", "IPv4-embedded private"),
    ("64:ff9b::a00:1", "IPv4-embedded private"),
])
def test_blocked_reason(address, reason):
    assert blocked_reason(address) == reason


@pytest.mark.parametrize("address", ["8.8.8.8", "93.184.216.34", "2606:4700:4700::1111", "::ffff:8.8.8.8"])
def test_global_addresses_pass(address):
    assert blocked_reason(address) is None


# ------------------------------------------------------------------ concurrency

def test_get_many_order_and_per_host_limit(server, monkeypatch):
    fake_dns(monkeypatch, {"alpha.test": ["127.0.0.1"], "beta.test": ["127.0.0.1"]})
    settings = make_settings(allow_hosts=("alpha.test", "beta.test", "127.0.0.1"),
                             per_host_concurrency=2, fetch_workers=8)
    urls = [f"http://{host}:{server.port}/slow?ms=300&i={i}"
            for i in range(6) for host in ("alpha.test", "beta.test")]
    urls += [server.base_url + "/404", "file:///etc/passwd"]
    with Fetcher(settings) as f:
        results = f.get_many(urls, max_bytes=1024)
    assert [r.url for r in results] == urls
    assert all(r.ok for r in results[:12])
    assert [r.content.decode().split("&i=")[1] for r in results[:12]] == [str(i) for i in range(6) for _ in "ab"]
    assert [r.error_kind for r in results[12:]] == ["http_status", "blocked_scheme"]
    peaks = {host.split(":")[0]: n for host, n in server.max_active.items()}
    assert peaks["alpha.test"] == 2 and peaks["beta.test"] == 2  # limit reached, never exceeded


def test_get_many_waits_for_a_free_worker_without_spinning(server, monkeypatch):
    """With every worker busy and another host ready, the dispatcher sleeps until a request finishes: one wake-up
    per finished request, not a busy loop that holds the GIL the fetching threads need."""
    import sources.http as http_module

    fake_dns(monkeypatch, {"alpha.test": ["127.0.0.1"], "beta.test": ["127.0.0.1"]})
    wakeups: list[float | None] = []
    real_wait = http_module.wait
    monkeypatch.setattr(http_module, "wait", lambda fs, timeout=None, **kw: (
        wakeups.append(timeout), real_wait(fs, timeout=timeout, **kw))[1])
    settings = make_settings(allow_hosts=("alpha.test", "beta.test", "127.0.0.1"), fetch_workers=1)
    urls = [f"http://{host}:{server.port}/slow?ms=200&i={i}" for i in range(2) for host in ("alpha.test", "beta.test")]
    with Fetcher(settings) as f:
        assert all(r.ok for r in f.get_many(urls, max_bytes=1024))
    assert len(wakeups) <= 2 * len(urls), len(wakeups)


def test_get_many_empty(fetcher):
    assert fetcher.get_many([], max_bytes=10) == []


@pytest.mark.parametrize("url", ["http://[::1/", "http://[::1", "http:///nohost", "https://", "http://exa mple.com/",
                                 "http://0177.0.0.1/", "http://example.com:99999/", "http://example.com:0/"])
def test_malformed_urls(fetcher, url, connects):
    """A URL that cannot be parsed is recorded as such (permanent), not as a protocol or robots failure."""
    r = get(fetcher, url)
    assert r.error_kind == "invalid_url" and r.status is None and not connects, r


def test_real_resolver_on_literal():
    assert REAL_RESOLVE("127.0.0.1", 80) == ["127.0.0.1"]  # numeric: answered without DNS


def test_fetch_result_flags():
    r = FetchResult("u", "u", 304, b"", {}, 1, None, None)
    assert r.ok and r.not_modified
    r = FetchResult("u", None, None, b"", {}, 1, "dns", "x")
    assert not r.ok and not r.not_modified
