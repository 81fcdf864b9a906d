"""Shards (issue 13): feeds go to shards by registrable domain, stably across runs and machines, and
`radar run --shard I/N` polls only its shard's feeds."""
from __future__ import annotations

import os
import subprocess
import sys

import pytest

from sources.feeds import Feed, Shard, ShardError, feeds_in_shard, parse_shard, shard_of
from sources.politeness import registrable_domain
from tests.conftest import REPO

FEEDS = [Feed(f"https://{host}/feed{i}.xml") for i in range(3) for host in
         ("example.com", "news.example.com", "blog.example.co.uk", "example.co.uk", "a.example.org",
          "b.example.org", "site1.test", "site2.test", "site3.test", "site4.test", "site5.test", "127.0.0.1")]


@pytest.mark.parametrize("n", [1, 2, 3, 5])
def test_shards_partition_the_feeds_and_keep_a_site_together(n):
    parts = [feeds_in_shard(FEEDS, Shard(i, n)) for i in range(1, n + 1)]
    assert sorted(f.url for part in parts for f in part) == sorted(f.url for f in FEEDS)  # each feed in one shard
    assert sum(len(p) for p in parts) == len(FEEDS)
    for part in parts:
        assert [f for f in FEEDS if f in part] == part  # the file's order is kept
    shard_of_domain: dict[str, int] = {}
    for i, part in enumerate(parts, start=1):
        for feed in part:
            assert shard_of_domain.setdefault(registrable_domain(feed.url), i) == i
    assert len({registrable_domain(f.url) for f in FEEDS}) == 9  # the fixture does hold sites with several hosts
    if n > 1:
        assert sum(1 for p in parts if p) > 1  # not everything in one shard


def test_shard_of_is_the_same_in_every_process():
    """A salted hash (Python's hash() of a str) would differ between processes; the digest must not."""
    code = ("from sources.feeds import shard_of; "
            "print([shard_of(u, 7) for u in ['https://a.example/x', 'https://b.example.org/y', 'http://10.0.0.1/z']])")
    outputs = {subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, check=True,
                              env={**os.environ, "PYTHONHASHSEED": seed}).stdout for seed in ("1", "2", "3")}
    assert len(outputs) == 1
    assert outputs.pop().strip() == str([shard_of(u, 7) for u in
                                         ["https://a.example/x", "https://b.example.org/y", "http://10.0.0.1/z"]])


def test_parse_shard():
    assert parse_shard("2/4") == Shard(2, 4) and str(Shard(2, 4)) == "2/4"
    assert feeds_in_shard(FEEDS, None) == FEEDS == feeds_in_shard(FEEDS, parse_shard("1/1"))
    for bad in ("", "2", "0/3", "4/3", "a/b", "1/0", "-1/3"):
        with pytest.raises(ShardError):
            parse_shard(bad)


RADAR = REPO / ".venv" / "bin" / "radar"


@pytest.mark.timeout(900)  # one real `radar run` (Prefect's temporary server included), never a speed check
@pytest.mark.skipif(not RADAR.exists(), reason="needs the project's virtualenv (make install)")
def test_radar_run_with_a_shard_polls_only_that_shards_feeds(tmp_path):
    from tests.conftest import article_html, rss
    from tests.fault_server import FaultServer
    from warehouse import db

    hosts = [f"news.site{i}.test" for i in range(8)]  # eight sites, each reached on 127.0.0.1 through connect_to
    mine = [h for h in hosts if shard_of(f"http://{h}/", 2) == 1]
    assert mine and len(mine) < len(hosts)  # both shards hold feeds
    root = tmp_path / "site"
    root.mkdir()
    for h in hosts:
        (root / f"{h}.html").write_text(article_html(f"Story of {h}", f"Cohere raised $5 million, said {h}. " * 20),
                                        encoding="utf-8")
    with FaultServer(root_dir=root) as server:
        for h in hosts:
            (root / f"{h}.xml").write_text(rss([{"title": f"Story of {h}", "link": f"http://{h}/{h}.html",
                                                 "date": "Tue, 15 Apr 2025 08:00:00 GMT"}]), encoding="utf-8")
        feeds = tmp_path / "feeds.toml"
        feeds.write_text("".join(f'[[feeds]]\nurl = "http://{h}/{h}.xml"\n' for h in hosts), encoding="utf-8")
        config = tmp_path / "radar.toml"
        connect = ", ".join(f'"{h}=127.0.0.1:{server.port}"' for h in hosts)
        config.write_text(f'allow_hosts = ["127.0.0.1"]\nconnect_to = [{connect}]\nobey_robots = false\n'
                          'min_host_interval_s = 0\n', encoding="utf-8")
        db_path = tmp_path / "radar.duckdb"
        run = subprocess.run([str(RADAR), "run", "--feeds", str(feeds), "--db", str(db_path), "--config", str(config),
                              "--shard", "1/2"], cwd=tmp_path, capture_output=True, text=True, timeout=800)
        assert run.returncode == 0, run.stderr
        requested = {p for p, _ in server.requests}

    polled = db.query(db_path, "select feed_url from raw.feeds")["feed_url"].to_list()
    assert sorted(polled) == sorted(f"http://{h}/{h}.xml" for h in mine)
    fetched = db.query(db_path, "select distinct url from raw.fetches")["url"].to_list()
    assert sorted(fetched) == sorted([f"http://{h}/{h}.xml" for h in mine] + [f"http://{h}/{h}.html" for h in mine])
    assert requested == {f"/{h}.xml" for h in mine} | {f"/{h}.html" for h in mine}  # the other shard: not a byte
    assert db.query(db_path, "select count(*) as n from raw.articles")["n"][0] == len(mine)

    bad = subprocess.run([str(RADAR), "run", "--feeds", str(feeds), "--db", str(db_path), "--shard", "3/2"],
                         cwd=tmp_path, capture_output=True, text=True, timeout=120)
    assert bad.returncode == 2 and "between 1 and N" in bad.stderr
