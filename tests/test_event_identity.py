"""Events with identity: every mention dated (its own date, else the article's, with the precision), merge keys that
keep distinct events apart and one event told by several outlets together, core.events maintained by the merge,
and migration 015 upgrading a warehouse built before it."""
from __future__ import annotations

import shutil
from datetime import datetime, timezone

import polars as pl

from transforms.extract import MENTION_SCHEMA, extract_mentions
from warehouse import db, stages


def _day(iso: str) -> datetime:
    return datetime.fromisoformat(iso).replace(tzinfo=timezone.utc)


def _mentions(articles: list[tuple[str, str, str, str | None]], type_: str | None = None) -> pl.DataFrame:
    """(article_id, title, text, published) -> extracted mentions (of one type)."""
    frame = pl.DataFrame([{"article_id": a, "title": t, "text": x, "published_at": _day(p) if p else None}
                          for a, t, x, p in articles],
                         schema={"article_id": pl.String, "title": pl.String, "text": pl.String,
                                 "published_at": pl.Datetime("us", "UTC")})
    found = extract_mentions(frame)
    return found.filter(pl.col("type") == type_) if type_ else found


def _keys(mentions: pl.DataFrame, article_id: str) -> set[str]:
    return set(mentions.filter(pl.col("article_id") == article_id)["event_key"].to_list())


# Four US chip export actions (October 2022, October 2023, January 2025 and the repeal of the last in May 2025),
# and the January 2025 rule told again by three more outlets.
CHIP_RULES = [
    ("rule-2022", "US restricts exports of AI chips to China",
     "The Commerce Department on Friday imposed sweeping export controls on advanced AI chips bound for China.",
     "2022-10-08"),
    ("rule-2023", "US tightens AI chip export rules",
     "The Biden administration on Tuesday tightened export controls on AI chips, closing loopholes.", "2023-10-18"),
    ("rule-2025", "US unveils AI diffusion rule",
     "The Commerce Department on Monday issued new export controls on AI chips, capping sales to most countries.",
     "2025-01-14"),
    ("repeal-2025", "US rescinds AI diffusion rule",
     "The Commerce Department on Tuesday rescinded the AI diffusion rule and its export controls on AI chips.",
     "2025-05-14"),
    ("outlet-1", "Washington curbs AI chip sales",
     "The United States on Monday announced new export controls on AI chips.", "2025-01-13"),
    ("outlet-2", "New US rule limits chip exports",
     "The Biden administration issued export controls on advanced AI chips on January 13, 2025.", "2025-01-14"),
    ("outlet-3", "What the chip curbs mean",
     "The United States this week imposed export controls on AI chips that cap sales to most countries.", "2025-01-15"),
]


def test_chip_export_rules_of_different_dates_are_distinct_events_and_one_rule_told_thrice_is_one():
    policy = _mentions(CHIP_RULES, "policy")
    rule_keys = [_keys(policy, a) for a in ("rule-2022", "rule-2023", "rule-2025", "repeal-2025")]
    assert all(len(k) == 1 for k in rule_keys), rule_keys
    assert len(set.union(*rule_keys)) == 4  # four actions, four events
    assert _keys(policy, "outlet-1") == _keys(policy, "outlet-2") == _keys(policy, "outlet-3") == rule_keys[2]


def test_every_mention_is_dated_with_its_precision():
    found = _mentions([
        ("day", "", "Acme AI released Zephyr-9 on Thursday.", "2025-03-10"),
        ("month", "", "Acme AI released Zephyr-9 in February.", "2025-03-10"),
        ("year", "", "The US imposed export controls on AI chips in 2022, the Commerce Department said.", "2025-03-10"),
        ("article", "", "Acme AI released Zephyr-9 this spring.", "2025-03-10"),
        ("undated", "", "Acme AI released Zephyr-9 this spring.", None),
    ])
    dated = {r["article_id"]: (r["event_date"], r["event_date_precision"]) for r in found.to_dicts()}
    assert dated == {"day": ("2025-03-06", "day"), "month": ("2025-02", "month"), "year": ("2022", "year"),
                     "article": ("2025-03-10", "article"), "undated": (None, None)}
    # policies and benchmark claims are dated too (their builders leave the date to event_identity): the body's
    # "on Friday", and the headline, which gives none, the article's date
    policy = _mentions(CHIP_RULES[:1], "policy").to_dicts()
    assert {(p["event_date"], p["event_date_precision"]) for p in policy} == {("2022-10-07", "day"),
                                                                              ("2022-10-08", "article")}


def test_market_moves_are_one_event_per_company_and_day():
    moves = _mentions([
        ("wire", "", "Nvidia shares plunged 17% on Monday, wiping $589 billion off its market value.", "2025-01-28"),
        ("same-day", "", "Nvidia's stock fell 17%, erasing $589 billion in market value.", "2025-01-27"),
        ("rebound", "", "Nvidia shares rose 8.9% on Tuesday, recovering part of the loss.", "2025-01-28"),
    ], "market_move")
    assert _keys(moves, "wire") == _keys(moves, "same-day") == {"market_move|nvidia|2025-01-27"}
    assert _keys(moves, "rebound") == {"market_move|nvidia|2025-01-28"}


def test_a_benchmark_claim_is_its_model_and_yardstick():
    claims = _mentions([
        ("one", "", "DeepSeek released DeepSeek-R1, which it says matches OpenAI's o1 on math and coding.",
         "2025-01-21"),
        ("two", "", "DeepSeek-R1, released by DeepSeek on Monday, performs on par with OpenAI's o1.", "2025-01-22"),
    ], "benchmark_claim")
    assert _keys(claims, "one") == _keys(claims, "two") == {"benchmark_claim|deepseek-r1|o1"}


# --- the warehouse --------------------------------------------------------------------------------------------

def _articles(rows: list[tuple[str, str, str, str | None]]) -> pl.DataFrame:
    return pl.DataFrame([{"article_id": a, "url": f"http://{a}.example/story", "feed_url": "http://f", "title": t,
                          "published_at": _day(p), "text": x, "text_sha": "0" * 64, "lang": "en", "site_name": a,
                          "fetched_at": _day(p)} for a, t, x, p in rows])


def _load(path, rows) -> dict:
    return stages.load_article_batch(path, "run", pl.DataFrame(schema={"fetch_id": pl.String}), _articles(rows),
                                     _mentions(rows), pl.DataFrame(schema=stages.QUARANTINE_SCHEMA))


def test_core_events_is_the_merge_of_each_batch_and_marts_events_reads_it(db_path):
    db.migrate(db_path)
    _load(db_path, CHIP_RULES[:3])
    first = _load(db_path, CHIP_RULES[3:])  # the repeal (new) and three more outlets of the January rule (merged)
    assert first["n_events_new"] == 1
    events = db.query(db_path, "select * from marts.events where type = 'policy' order by event_date").to_dicts()
    assert [(e["event_date"], e["event_date_precision"]) for e in events] == [
        ("2022-10-07", "day"), ("2023-10-17", "day"), ("2025-01-13", "day"), ("2025-05-13", "day")]
    january = events[2]
    assert (january["n_articles"], january["n_outlets"]) == (4, 4)
    assert january["sources"] == sorted(f"http://{a}.example/story"
                                        for a in ("rule-2025", "outlet-1", "outlet-2", "outlet-3"))
    assert january["first_published_at"] == _day("2025-01-13")
    # marts.events is the table itself: no regrouping of mentions behind it
    view = db.query(db_path,
                    "select sql from duckdb_views() where schema_name = 'marts' and view_name = 'events'")["sql"][0]
    assert "mentions" not in view.lower()


def test_a_warehouse_built_before_migration_015_upgrades_and_keeps_its_events(db_path, tmp_path, monkeypatch):
    # The old schema (migrations up to 014) with what the old code stored: undated policy mentions under the old
    # key, and the events its merge made from them.
    old = tmp_path / "migrations"
    old.mkdir()
    for script in db.MIGRATIONS.iterdir():
        if script.name.endswith(".sql") and script.name < "015":
            shutil.copy(str(script), old / script.name)
    monkeypatch.setattr(db, "MIGRATIONS", old)
    db.migrate(db_path)
    old_columns = [c for c in MENTION_SCHEMA if c != "event_date_precision"]
    mentions = pl.DataFrame([
        {**{c: None for c in old_columns}, "mention_id": f"m{i}", "article_id": a, "type": "policy",
         "jurisdiction": "US", "measure": "chip export controls", "evidence": x, "confidence": 0.7, "status": "done",
         "event_key": "policy|us|chip export controls", "extractor_version": "rules-0.4",
         "event_date": "2025-01-13" if i == 1 else None}
        for i, (a, _, x, _) in enumerate(CHIP_RULES[2:4])], schema={c: MENTION_SCHEMA[c] for c in old_columns})
    with db.writing(db_path) as con:
        con.register("incoming", _articles(CHIP_RULES[2:4]).with_columns(run_id=pl.lit("old")))
        con.execute("insert into raw.articles by name select * from incoming")
        con.register("incoming", mentions.with_columns(extracted_at=pl.lit(_day("2025-05-14")), run_id=pl.lit("old")))
        con.execute("insert into core.mentions by name select * from incoming")
        con.execute("""insert into core.events (event_key, type, event_date, status, jurisdiction, measure, evidence,
                       confidence, first_seen_at, last_seen_at, n_mentions, n_articles, n_outlets, updated_at)
                       values ('policy|us|chip export controls', 'policy', '2025-01-13', 'done', 'US',
                               'chip export controls', 'x', 0.7, '2025-01-14', '2025-05-14', 2, 2, 2, now())""")
    monkeypatch.undo()

    assert db.migrate(db_path)[0] == "015_event_identity.sql"  # then any later migrations
    events = db.query(db_path, "select * from marts.events").to_dicts()
    assert len(events) == 1
    e = events[0]
    assert (e["event_key"], e["n_articles"], e["event_date"], e["event_date_precision"]) == (
        "policy|us|chip export controls", 2, "2025-01-13", "day")
    assert e["sources"] == ["http://repeal-2025.example/story", "http://rule-2025.example/story"]
    dated = db.query(db_path,
                     "select mention_id, event_date, event_date_precision from core.mentions order by 1").rows()
    assert dated == [("m0", "2025-01-14", "article"), ("m1", "2025-01-13", "day")]
    # The upgraded warehouse takes new batches: mentions under the new keys become their own events.
    _load(db_path, CHIP_RULES[4:5])
    assert set(db.query(db_path, "select event_key from core.events")["event_key"]) == {
        "policy|us|chip export controls", "policy|us|chip export controls|2025-01"}
    # `radar reprocess` re-keys the old mentions: the rule and its repeal part, the old event goes.
    stored = CHIP_RULES[2:4]
    stages.reprocess_batch(db_path, "reprocess", [a for a, *_ in stored], _mentions(stored),
                           pl.DataFrame(schema=stages.QUARANTINE_SCHEMA), [])
    events = db.query(db_path, "select event_key, n_articles from core.events order by event_key").rows()
    assert events == [("policy|us|chip export controls|2025-01", 2), ("policy|us|chip export controls|2025-05", 1)]
