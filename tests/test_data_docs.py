"""Great Expectations Data Docs per run: built by the real flow next to the warehouse, readable offline.

The flow tests run the demo corpus through `ingest` in this process (real HTTP server on loopback, real
Prefect, real GX, real DuckDB) and open the pages in headless Chromium, which must make no request that
leaves file://. Chromium tests are skipped without /usr/bin/chromium (CI installs it).
"""
from __future__ import annotations

import json
import re
import subprocess
import sys
import tempfile
from pathlib import Path

import polars as pl
import pytest

import expectations
from cli.demo_server import serve_directory
from config.settings import Settings
from expectations import datadocs
from sources.feeds import load_feeds
from tests.conftest import DEMO, REPO
from tests.test_report_browser import _dom, chromium_command, needs_chromium
from warehouse import db

DEMO_HOST = "demo.radar.test"


# --------------------------------------------------------------------------- helpers


def page_requests(html_file: Path) -> tuple[list[str], str, str]:
    """(URLs the page itself asked the network for, DOM after load, Chromium's log).

    From Chromium's net log: requests with an initiator are the page's; Chromium's own background traffic
    (update checks, account lookups) has none. file:// loads never reach the network stack, so any URL here
    is a request that left file://. Nothing resolves but 127.0.0.1, so nothing leaves the machine either.
    """
    with tempfile.TemporaryDirectory(prefix="radar-chromium-") as tmp:
        netlog = Path(tmp) / "net.json"
        command = chromium_command(html_file.resolve().as_uri(), Path(tmp) / "profile", "--dump-dom",
                                   f"--log-net-log={netlog}")
        done = subprocess.run(command, capture_output=True, text=True, timeout=120, stdin=subprocess.DEVNULL)
        assert done.returncode == 0, done.stderr[-2000:]
        log = json.loads(netlog.read_text(encoding="utf-8"))
    start_job = log["constants"]["logEventTypes"]["URL_REQUEST_START_JOB"]
    urls = [e["params"]["url"] for e in log["events"]
            if e["type"] == start_job and e.get("params", {}).get("initiator", "not an origin") != "not an origin"]
    return urls, done.stdout, done.stderr


def external_references(page: str) -> list[str]:
    """Anything in the markup that would make a browser load from a non-relative URL on open."""
    loads = re.findall(r"<(?:script|link|img|iframe|source|video|audio|embed|object)\b[^>]*?"
                       r"\b(?:src|href|data)\s*=\s*[\"']?((?:[a-z][a-z0-9+.-]*:)?//[^\"'\s>]*)", page, re.I)
    css = re.findall(r"url\(\s*['\"]?((?:[a-z][a-z0-9+.-]*:)?//[^)'\"]*)", page, re.I)
    imports = re.findall(r"@import[^;]*", page, re.I)
    return loads + css + imports


def _demo_with_a_bare_about_entry(root: Path) -> Path:
    """The demo corpus, with the about page's feed entry stripped of title and description: a page that is no
    story and has no feed text to stand in for it, so its row fails the articles suite (it has a failing row to
    show). With its feed text, the page would be stored from that text (issue 16)."""
    import shutil

    copy = root / "demo"
    shutil.copytree(DEMO, copy)
    feed = copy / "feeds" / "circuit-ledger.xml"
    data = feed.read_bytes()  # not UTF-8: edited as bytes
    item = re.search(rb"<item>(?:(?!</item>).)*?/articles/about\.html.*?</item>", data, re.S)[0]
    bare = re.sub(rb"\s*<(title|description)>.*?</\1>", b"", item, flags=re.S)
    feed.write_bytes(data.replace(item, bare))
    return copy


def _run_demo(db_path: Path, demo: Path = DEMO) -> dict:
    from flows.ingest import ingest

    with serve_directory(demo) as base_url:
        feeds = load_feeds(demo / "feeds.toml", base_url=f"http://{DEMO_HOST}/")
        settings = Settings(allow_hosts=("127.0.0.1",), connect_to=(f"{DEMO_HOST}={base_url.removeprefix('http://')}",),
                            min_host_interval_s=0.0)
        return ingest(feeds=feeds, db_path=str(db_path), settings=settings)


@pytest.fixture(scope="module")
def demo_runs(tmp_path_factory):
    """Two polls of the demo corpus into one warehouse: the first finds everything, the second nothing new."""
    db_path = tmp_path_factory.mktemp("datadocs") / "radar.duckdb"
    demo = _demo_with_a_bare_about_entry(tmp_path_factory.mktemp("corpus"))
    first = _run_demo(db_path, demo)
    second = _run_demo(db_path, demo)
    return db_path, first["run_id"], second["run_id"]


def _gx_page(db_path: Path, run_id: str, table: str) -> Path:
    runs = json.loads((datadocs.docs_dir(db_path) / "runs.json").read_text(encoding="utf-8"))
    run = next(r for r in runs if r["run_id"] == run_id)
    page = next(p for p in run["pages"] if p["table"] == table)
    return datadocs.docs_dir(db_path) / page["file"]


# --------------------------------------------------------------------------- after real runs


def test_each_run_leaves_data_docs_next_to_the_warehouse(demo_runs):
    db_path, first, second = demo_runs
    root = db_path.parent / "radar.datadocs"
    assert datadocs.docs_dir(db_path) == root
    run_page = (root / "runs" / f"{first}.html").read_text(encoding="utf-8")
    for suite in ("entries", "articles", "mentions"):
        assert suite in run_page
    # The demo's about page is text but not news: its row fails the articles suite and is quarantined.
    assert "expect_column_values_to_be_in_set(is_article): 1 row(s)" in run_page
    quarantined = db.query(db_path, "select row_key, expectations from ops.quarantine where table_name = 'articles'")
    assert [r["expectations"] for r in quarantined.to_dicts() if r["row_key"].endswith("/about.html")] == [
        "expect_column_values_to_be_in_set(is_article)"]

    # GX's own page for the articles validation names the failing row by its key.
    gx_page = _gx_page(db_path, first, "articles").read_text(encoding="utf-8")
    assert "values must belong to this set" in gx_page and "http://demo.radar.test/articles/about.html" in gx_page
    assert f"{first}" in gx_page  # GX's run name is the radar run id
    for linked in re.findall(r'href="(\.\./[^"#]+)"', gx_page):  # Home and the suite page exist
        assert (_gx_page(db_path, first, "articles").parent / linked).resolve().is_file(), linked

    # The second run (nothing new) is a second entry, listed first.
    index = (root / "index.html").read_text(encoding="utf-8")
    assert index.index(second) < index.index(first)
    assert (root / "runs" / f"{second}.html").is_file()
    assert "Nothing was validated in this run" in (root / "runs" / f"{second}.html").read_text(encoding="utf-8")

    assert all(external_references(p.read_text(encoding="utf-8")) == [] for p in root.rglob("*.html"))


def test_run_artifact_and_report_link_the_data_docs(demo_runs, tmp_path):
    from prefect.client.orchestration import get_client
    from prefect.client.schemas.filters import ArtifactFilter, ArtifactFilterFlowRunId, ArtifactFilterKey

    from report import page as report

    db_path, first, _ = demo_runs
    flow_run_id = db.query(db_path, "select flow_run_id from ops.runs where run_id = ?", [first])["flow_run_id"][0]
    with get_client(sync_client=True) as client:
        artifacts = client.read_artifacts(artifact_filter=ArtifactFilter(
            key=ArtifactFilterKey(any_=["radar-run"]), flow_run_id=ArtifactFilterFlowRunId(any_=[flow_run_id])))
    assert len(artifacts) == 1
    run_page = datadocs.run_page_path(db_path, first).resolve()
    assert f"({run_page.as_uri()})" in artifacts[0].data

    # The report next to the warehouse links the index relatively; one elsewhere still finds it.
    beside = report.write_report(db_path, db_path.parent / "report.html").read_text(encoding="utf-8")
    assert '<a href="radar.datadocs/index.html">Great Expectations Data Docs</a>' in beside
    elsewhere = report.write_report(db_path, tmp_path / "out" / "report.html")
    href = re.search(r'<a href="([^"]+)">Great Expectations Data Docs</a>', elsewhere.read_text(encoding="utf-8"))[1]
    assert (elsewhere.parent / href).resolve() == datadocs.index_path(db_path).resolve()


def test_report_says_plainly_when_there_are_no_data_docs(demo_runs, tmp_path):
    import shutil

    from report import page as report

    db_path, _, _ = demo_runs
    copy = tmp_path / "copy.duckdb"
    shutil.copy(db_path, copy)
    text = report.build_report(copy)
    assert "No Great Expectations Data Docs yet: a run builds them into copy.datadocs next to the warehouse." in text
    assert "datadocs/index.html" not in text


@needs_chromium
def test_data_docs_open_offline_in_a_browser(demo_runs):
    db_path, first, _ = demo_runs
    for page in (datadocs.index_path(db_path), datadocs.run_page_path(db_path, first),
                 _gx_page(db_path, first, "articles")):
        requests, dom_text, log = page_requests(page)
        assert requests == [], f"{page.name} made requests: {requests}"
        assert "Content Security Policy" not in log, log[-2000:]  # nothing even tried to load
        assert first in "".join(_dom(dom_text).body_text)  # the page rendered, and it is this run's
    # GX's page still shows the failing expectation and the row, and our filter script ran under the policy.
    dom = _dom(page_requests(_gx_page(db_path, first, "articles"))[1])
    assert dom.root_attrs.get("data-docs-ready") == "1"
    text = " ".join(dom.body_text)
    assert "1 unexpected values found" in text and "http://demo.radar.test/articles/about.html" in text


@needs_chromium
def test_the_offline_check_sees_what_gx_pages_load_unmodified(tmp_path):
    """The request check above can fail: GX's page as GX renders it loads its CDNs."""
    from great_expectations.render.renderer import ValidationResultsPageRenderer
    from great_expectations.render.view import DefaultJinjaPageView

    expectations.take_results()
    expectations.validate("entries", pl.DataFrame({"entry_id": ["a"], "url": ["https://example.com/a"]}), "entry_id")
    result = expectations.take_results()[0].result
    raw = tmp_path / "raw.html"
    raw.write_text(DefaultJinjaPageView().render(ValidationResultsPageRenderer().render(result)), encoding="utf-8")
    assert external_references(raw.read_text(encoding="utf-8"))
    requests, _, _ = page_requests(raw)
    assert any(u.startswith("https://") for u in requests), requests


# --------------------------------------------------------------------------- building, without a flow


def test_hostile_values_are_text_and_old_runs_are_pruned(tmp_path):
    db_path = tmp_path / "w" / "radar.duckdb"
    hostile = "https://x.example/<img src=x onerror=alert(1)>"
    frame = pl.DataFrame({"entry_id": ["<b>k1</b>", "k2"], "url": [hostile, "https://ok.example/a"]})
    expectations.take_results()
    valid, bad = expectations.validate("entries", frame, "entry_id")
    assert bad.height == 1
    runs = ["r1", "r2", "r3"]
    datadocs.build_run_docs(db_path, runs[0], keep_runs=2)  # results taken from the validate() above
    for run_id in runs[1:]:
        datadocs.build_run_docs(db_path, run_id, results=[], keep_runs=2)

    root = datadocs.docs_dir(db_path)
    # r1 had the one GX page; it went with r1 once two newer runs existed.
    assert not (root / "runs" / "r1.html").exists() and not (root / "validations").exists()
    index = (root / "index.html").read_text(encoding="utf-8")
    assert "r3" in index and "r2" in index and "runs/r1.html" not in index
    assert [r["run_id"] for r in json.loads((root / "runs.json").read_text(encoding="utf-8"))] == ["r3", "r2"]

    # Rebuild r1 with its result kept, and look at GX's page: the values show as text, never as markup.
    expectations.validate("entries", frame, "entry_id")
    datadocs.build_run_docs(db_path, "r1", keep_runs=5)
    page = next((root / "validations").rglob("entries-1.html")).read_text(encoding="utf-8")
    assert "&lt;img src=x onerror=alert(1)&gt;" in page and "&lt;b&gt;k1&lt;/b&gt;" in page
    assert "<img" not in page and "<b>k1" not in page
    assert external_references(page) == []
    # Building r1 again replaces its pages instead of adding a second set beside them.
    expectations.validate("entries", frame, "entry_id")
    datadocs.build_run_docs(db_path, "r1", keep_runs=5)
    assert len(list((root / "validations").rglob("entries-1.html"))) == 1
    with pytest.raises(ValueError):
        datadocs.build_run_docs(db_path, "../escape", results=[])


def test_prewarm_is_idempotent_and_validate_never_waits_for_it_to_be_called():
    """In a fresh interpreter (GX not yet imported): prewarm twice, validate at once, and again after."""
    code = """
import threading, polars as pl, expectations
from expectations import runner
expectations.prewarm(); expectations.prewarm()
assert [t.name for t in threading.enumerate()].count("gx-prewarm") == 1
frame = pl.DataFrame({"entry_id": ["a", "b"], "url": ["https://x.example/a", "ftp://x"]})
valid, bad = expectations.validate("entries", frame, "entry_id")   # while the thread may still be importing
assert valid["entry_id"].to_list() == ["a"] and bad["row_key"].to_list() == ["b"]
runner._state["prewarm"].join(60)
assert not runner._state["prewarm"].is_alive()
expectations.prewarm()
assert [t.name for t in threading.enumerate()].count("gx-prewarm") == 0
print("ok", len(expectations.take_results()))
"""
    done = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, timeout=180)
    assert done.returncode == 0, done.stderr[-3000:]
    assert done.stdout.split() == ["ok", "1"]


def test_docs_build_for_a_warehouse_named_by_a_relative_path(tmp_path, monkeypatch):
    """`radar demo` and `radar run` default to warehouse/radar.duckdb, relative to the working directory."""
    monkeypatch.chdir(tmp_path)
    frame = pl.DataFrame({"entry_id": ["k1", "k2"], "url": ["not a url", "https://ok.example/a"]})
    expectations.take_results()
    expectations.validate("entries", frame, "entry_id")
    page = datadocs.build_run_docs(Path("warehouse/radar.duckdb"), "rel1")
    assert page is not None and page.is_file()
    assert (tmp_path / "warehouse" / "radar.datadocs" / "index.html").is_file()
    assert list((tmp_path / "warehouse" / "radar.datadocs" / "validations").rglob("entries-1.html"))
