"""`radar feeds list|add|import` through the real CLI, and the curated feeds file."""
import json
import tomllib
from pathlib import Path

import pytest
from typer.testing import CliRunner

from cli.main import app
from sources.feeds import load_feeds
from tests.conftest import REPO
from transforms.urls import canonical_url

CURATED = REPO / "feeds" / "curated.toml"
HEADER = "# my feeds — hand written, keep this comment\n# second line\n\n"


def run(*args: str):
    result = CliRunner().invoke(app, [str(a) for a in args], env={"COLUMNS": "250"})
    return result


def listed(feeds: Path, db: Path) -> list[dict]:
    result = run("feeds", "list", "--feeds", feeds, "--db", db, "--json")
    assert result.exit_code == 0, result.output
    return [json.loads(line) for line in result.stdout.splitlines() if line.strip()]


def test_add_list_import_round_trip(tmp_path):
    feeds, db = tmp_path / "feeds.toml", tmp_path / "no-warehouse.duckdb"
    feeds.write_text(HEADER + '[[feeds]]\nurl = "https://first.example.com/rss"  # inline comment\nname = "First"\n',
                     encoding="utf-8")

    added = run("feeds", "add", "https://Second.Example.com:443/feed.xml?utm_source=x", "--feeds", feeds,
                "--name", 'Second "quoted" \\ name', "--category", "tech-press")
    assert added.exit_code == 0, added.output
    assert "Added" in added.stdout
    text = feeds.read_text(encoding="utf-8")
    assert text.startswith(HEADER + '[[feeds]]\nurl = "https://first.example.com/rss"  # inline comment\n')
    assert [(f.url, f.name) for f in load_feeds(feeds)] == [
        ("https://first.example.com/rss", "First"),
        ("https://second.example.com/feed.xml", 'Second "quoted" \\ name'),
    ]
    assert tomllib.loads(text)["feeds"][1]["category"] == "tech-press"

    duplicate = run("feeds", "add", "HTTPS://first.example.com/rss#x", "--feeds", feeds)
    assert duplicate.exit_code == 1
    assert "already in" in duplicate.stderr
    assert feeds.read_text(encoding="utf-8") == text

    opml = tmp_path / "subs.opml"
    opml.write_text("""<?xml version="1.0" encoding="UTF-8"?>
<opml version="2.0"><head><title>export</title></head><body>
  <outline text="AI news">
    <outline type="rss" text="First again" xmlUrl="https://first.example.com/rss"/>
    <outline type="rss" text="Third" title="Third Feed" xmlUrl="https://third.example.com/atom"/>
    <outline text="Chinese">
      <outline type="rss" text="量子位" xmlUrl="https://zh.example.cn/feed"/>
    </outline>
    <outline type="rss" text="Evil" xmlUrl="javascript:alert(1)"/>
    <outline type="rss" text="Third dup" xmlUrl="https://third.example.com/atom#dup"/>
  </outline>
</body></opml>""", encoding="utf-8")
    dry = run("feeds", "import", opml, "--feeds", feeds, "--dry-run")
    assert dry.exit_code == 0, dry.output
    assert "Would add 2 feeds" in dry.stdout and feeds.read_text(encoding="utf-8") == text

    imported = run("feeds", "import", opml, "--feeds", feeds)
    assert imported.exit_code == 0, imported.output
    assert "Added 2 feeds" in imported.stdout and "skipped 3" in imported.stdout
    for reason in ("already in", "not an absolute http(s) URL", "duplicate of an earlier outline"):
        assert reason in imported.stdout
    assert feeds.read_text(encoding="utf-8").startswith(text)
    table = tomllib.loads(feeds.read_text(encoding="utf-8"))["feeds"]
    assert table[2:] == [
        {"url": "https://third.example.com/atom", "name": "Third Feed", "category": "AI news"},
        {"url": "https://zh.example.cn/feed", "name": "量子位", "category": "Chinese"},
    ]

    again = run("feeds", "import", opml, "--feeds", feeds)
    assert again.exit_code == 0 and "Added 0 feeds" in again.stdout

    rows = listed(feeds, db)
    assert [r["name"] for r in rows] == ["First", 'Second "quoted" \\ name', "Third Feed", "量子位"]
    assert all(r["in_file"] and r["health"] is None for r in rows)
    table_out = run("feeds", "list", "--feeds", feeds, "--db", db)
    assert table_out.exit_code == 0, table_out.output
    assert "https://zh.example.cn/feed" in table_out.stdout and "No warehouse at" in table_out.stdout


def test_add_creates_a_missing_file_and_keeps_crlf(tmp_path):
    new = tmp_path / "sub" / "new.toml"
    assert run("feeds", "add", "https://a.example.com/feed", "--feeds", new).exit_code == 0
    assert load_feeds(new)[0].url == "https://a.example.com/feed" and new.read_text().startswith("#")

    crlf = tmp_path / "crlf.toml"
    crlf.write_bytes(b'# windows\r\n[[feeds]]\r\nurl = "https://b.example.com/feed"')  # no final newline
    assert run("feeds", "add", "https://c.example.com/feed", "--feeds", crlf, "--name", "C").exit_code == 0
    raw = crlf.read_bytes()
    assert raw.startswith(b'# windows\r\n[[feeds]]\r\nurl = "https://b.example.com/feed"\r\n')
    assert b"\n" not in raw.replace(b"\r\n", b"")
    assert [f.url for f in load_feeds(crlf)] == ["https://b.example.com/feed", "https://c.example.com/feed"]


@pytest.mark.parametrize("url", ["javascript:alert(1)", "file:///etc/passwd", "example.com/feed", "/feed.xml",
                                 "https://", "https://exa mple.com/feed", "https://user:pw@example.com/feed", " "])
def test_add_rejects_invalid_urls_with_usage_error(tmp_path, url):
    feeds = tmp_path / "feeds.toml"
    result = run("feeds", "add", url, "--feeds", feeds)
    assert result.exit_code == 2, result.output
    assert "invalid feed URL" in result.stderr or "empty" in result.stderr
    assert not feeds.exists()


def test_add_refuses_to_touch_a_broken_or_incompatible_file(tmp_path):
    broken = tmp_path / "broken.toml"
    broken.write_text("[[feeds]\nurl = 'x'\n")
    result = run("feeds", "add", "https://a.example.com/feed", "--feeds", broken)
    assert result.exit_code == 2 and "not valid TOML" in result.stderr
    assert broken.read_text() == "[[feeds]\nurl = 'x'\n"

    inline = tmp_path / "inline.toml"
    inline.write_text('feeds = [{url = "https://b.example.com/feed"}]\n')
    result = run("feeds", "add", "https://a.example.com/feed", "--feeds", inline)
    assert result.exit_code == 2 and "inline array" in result.stderr
    assert inline.read_text() == 'feeds = [{url = "https://b.example.com/feed"}]\n'


def test_name_with_control_characters_and_markup_is_stored_verbatim(tmp_path):
    feeds = tmp_path / "feeds.toml"
    name = "[bold]not markup[/bold]\x7f\x01 tab\there"
    result = run("feeds", "add", "https://a.example.com/feed", "--feeds", feeds, "--name", name)
    assert result.exit_code == 0, result.output
    assert load_feeds(feeds)[0].name == name
    assert "[bold]not markup[/bold]" in run("feeds", "list", "--feeds", feeds, "--db", tmp_path / "x.duckdb").stdout


def test_usage_errors_exit_2(tmp_path):
    assert run("feeds", "list", "--feeds", tmp_path / "missing.toml").exit_code == 2
    assert run("feeds", "list").exit_code == 2                       # --feeds is required
    assert run("feeds", "add", "--feeds", tmp_path / "f.toml").exit_code == 2  # URL is required
    assert run("feeds", "import", tmp_path / "missing.opml", "--feeds", tmp_path / "f.toml").exit_code == 2
    assert run("feeds", "bogus").exit_code == 2

    bomb = tmp_path / "bomb.opml"
    bomb.write_text('<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;&a;&a;">]>'
                    '<opml><body><outline text="&b;" xmlUrl="https://bomb.example/f"/></body></opml>')
    result = run("feeds", "import", bomb, "--feeds", tmp_path / "f.toml")
    assert result.exit_code == 2 and "DOCTYPE" in result.stderr
    assert not (tmp_path / "f.toml").exists()


def test_help_texts():
    for args in (["feeds", "--help"], ["feeds", "list", "--help"], ["feeds", "add", "--help"],
                 ["feeds", "import", "--help"]):
        result = run(*args)
        assert result.exit_code == 0 and "Usage" in result.stdout and "--" in result.stdout
    assert "OPML" in run("feeds", "import", "--help").stdout
    assert run("feeds").exit_code == 2  # no subcommand: help, as for `radar` itself


def test_list_shows_health_and_flags_feeds_missing_from_the_file(tmp_path):
    from warehouse import db as wh

    db = tmp_path / "radar.duckdb"
    wh.migrate(db)
    with wh.writing(db) as con:
        con.execute("""insert into raw.feeds (feed_url, name, health, consecutive_failures, last_error, last_fetched_at)
                       values ('https://a.example.com/feed', 'A', 'ok', 0, null, '2025-05-01 10:00:00+00'),
                              ('https://b.example.com/feed', 'B', 'dead', 5, 'HTTP 404 [Not Found]',
                               '2025-05-02 12:30:00+00'),
                              ('https://gone.example.com/feed', 'Gone', 'degraded', 2, 'timeout', null)""")
    feeds = tmp_path / "feeds.toml"
    feeds.write_text('[[feeds]]\nurl = "https://a.example.com/feed"\nname = "A"\n\n'
                     '[[feeds]]\nurl = "https://B.example.com/feed"\nname = "B"\n\n'
                     '[[feeds]]\nurl = "https://new.example.com/feed"\nname = "New"\n')

    rows = {r["url"]: r for r in listed(feeds, db)}
    assert rows["https://a.example.com/feed"] == {
        "name": "A", "url": "https://a.example.com/feed", "in_file": True, "health": "ok", "failures": 0,
        "last_error": None, "articles": None, "no_page_text": None, "last_fetched": "2025-05-01 10:00:00"}
    assert rows["https://b.example.com/feed"]["health"] == "dead"
    assert rows["https://b.example.com/feed"]["failures"] == 5
    assert rows["https://b.example.com/feed"]["last_error"] == "HTTP 404 [Not Found]"
    assert rows["https://b.example.com/feed"]["last_fetched"] == "2025-05-02 12:30:00"
    assert rows["https://new.example.com/feed"]["health"] == "not fetched yet"
    assert rows["https://gone.example.com/feed"]["in_file"] is False

    result = run("feeds", "list", "--feeds", feeds, "--db", db)
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert "HTTP 404 [Not Found]" in out and "dead" in out and "2025-05-02 12:30:00" in out
    assert "Gone (not in feeds file)" in out
    assert "not fetched yet" in out


def test_list_says_a_feed_whose_entries_all_fail_is_degraded_and_why(tmp_path):
    """Issue 16: the feed itself answers (fetch health ok), but no entry got its page's text: degraded, with the
    share of entries that became articles, their text source and the reasons for the rest."""
    from warehouse import db as wh

    db = tmp_path / "radar.duckdb"
    wh.migrate(db)
    with wh.writing(db) as con:
        con.execute("""insert into raw.feeds (feed_url, name, health, consecutive_failures, last_fetched_at)
                       values ('https://a.example.com/feed', 'A', 'ok', 0, '2025-05-01 10:00:00+00'),
                              ('https://b.example.com/feed', 'B', 'ok', 0, '2025-05-01 10:00:00+00')""")
        con.execute("""insert into raw.entries (entry_id, feed_url, url, title, first_seen_at, run_id) values
                       ('e1', 'https://a.example.com/feed', 'https://a.example.com/1', 't', now(), 'r'),
                       ('e2', 'https://a.example.com/feed', 'https://a.example.com/2', 't', now(), 'r'),
                       ('e3', 'https://a.example.com/feed', 'https://a.example.com/3', 't', now(), 'r'),
                       ('e4', 'https://b.example.com/feed', 'https://b.example.com/1', 't', now(), 'r')""")
        con.execute("""insert into raw.fetches (fetch_id, run_id, kind, url, status, error_kind, fetched_at) values
                       ('f1', 'r', 'article', 'https://a.example.com/1', null, 'connect', now()),
                       ('f2', 'r', 'article', 'https://a.example.com/2', 404, 'http_status', now()),
                       ('f3', 'r', 'article', 'https://a.example.com/3', null, 'connect', now()),
                       ('f4', 'r', 'article', 'https://b.example.com/1', 200, null, now())""")
        con.execute("""insert into raw.articles (article_id, url, feed_url, text, text_sha, fetched_at, run_id,
                                                 text_source, page_error) values
                       ('a1', 'https://a.example.com/1', 'https://a.example.com/feed', 'x', 's', now(), 'r',
                        'content', 'connect'),
                       ('a2', 'https://a.example.com/2', 'https://a.example.com/feed', 'x', 's', now(), 'r',
                        'title', 'http_404'),
                       ('b1', 'https://b.example.com/1', 'https://b.example.com/feed', 'x', 's', now(), 'r',
                        'page', null)""")
    feeds = tmp_path / "feeds.toml"
    feeds.write_text('[[feeds]]\nurl = "https://a.example.com/feed"\nname = "A"\n\n'
                     '[[feeds]]\nurl = "https://b.example.com/feed"\nname = "B"\n')
    rows = {r["url"]: r for r in listed(feeds, db)}
    a, b = rows["https://a.example.com/feed"], rows["https://b.example.com/feed"]
    assert a["health"] == "degraded" and b["health"] == "ok"
    assert a["articles"] == "2/3 articles: content 1, title 1" and b["articles"] == "1/1 articles: page 1"
    assert a["no_page_text"] == "connect 2, http_404 1" and b["no_page_text"] is None

    result = run("feeds", "list", "--feeds", feeds, "--db", db)
    assert result.exit_code == 0, result.output
    assert "degraded" in result.stdout and "connect 2" in result.stdout


def test_list_with_a_database_that_has_no_marts(tmp_path):
    import duckdb

    db = tmp_path / "empty.duckdb"
    duckdb.connect(str(db)).close()
    feeds = tmp_path / "feeds.toml"
    feeds.write_text('[[feeds]]\nurl = "https://a.example.com/feed"\n')
    result = run("feeds", "list", "--feeds", feeds, "--db", db)
    assert result.exit_code == 0, result.output
    assert "no marts.feed_health" in result.stdout


def test_curated_feeds_file():
    feeds = load_feeds(CURATED)
    assert len(feeds) >= 30
    tables = tomllib.loads(CURATED.read_text(encoding="utf-8"))["feeds"]
    assert len(tables) == len(feeds), "duplicates after canonicalisation"
    canon = [canonical_url(t["url"]) for t in tables]
    assert len(set(canon)) == len(tables)
    for table in tables:
        assert table["url"].startswith("https://") and canonical_url(table["url"]) is not None, table
        assert canonical_url(table["url"]) == table["url"], f"not in canonical form: {table['url']}"
        assert isinstance(table.get("name"), str) and table["name"].strip(), table
        assert isinstance(table.get("category"), str) and table["category"].strip(), table
    categories = {t["category"] for t in tables}
    assert categories == {"ai-labs", "tech-press", "chinese-press", "model-releases"}
    assert CURATED.read_text(encoding="utf-8").startswith("#")
