"""Great Expectations boundary: suites, runner, quarantine.

GX is imported once per test session (the runner caches the context and suites
per process), so only the first test that validates a non-empty frame pays ~7 s.
"""
from __future__ import annotations

import json
import subprocess
import sys
from datetime import datetime, timezone
from pathlib import Path

import polars as pl
import pytest

from expectations import QUARANTINE_SCHEMA, suite_summary, validate
from transforms.articles import ARTICLE_SCHEMA
from transforms.extract import MENTION_SCHEMA
from transforms.feeds import ENTRY_SCHEMA

UTC = timezone.utc
T0 = datetime(2025, 3, 1, 12, 30, 15, 123456, tzinfo=UTC)
SHA = "0123456789abcdef" * 4
LONG_TEXT = "x" * 300

# The schemas the pipeline's transforms produce: the suites are tested against exactly those.
ENTRIES_SCHEMA = ENTRY_SCHEMA
ARTICLES_SCHEMA = ARTICLE_SCHEMA
MENTIONS_SCHEMA = MENTION_SCHEMA


def entry(i, **over):
    row = {
        "entry_id": f"e{i}",
        "feed_url": "https://feeds.example.com/ai.xml",
        "guid": f"guid-{i}",
        "url": f"https://news.example.com/story/{i}?utm=x",
        "title": f"Story {i}",
        "summary": "A summary.",
        "published_at": T0,
    }
    row.update(over)
    return row


def article(i, **over):
    row = {
        "article_id": f"a{i}",
        "url": f"http://news.example.com/story/{i}",
        "feed_url": "https://feeds.example.com/ai.xml",
        "title": f"Story {i}",
        "published_at": T0,
        "text": LONG_TEXT,
        "text_sha": SHA,
        "lang": "en",
        "site_name": "Example News",
        "fetched_at": T0,
        "text_source": "page",
        "is_article": True,
    }
    row.update(over)
    return row


def mention(i, **over):
    row = {c: None for c in MENTIONS_SCHEMA}
    row.update(
        {
            "mention_id": f"m{i}",
            "article_id": f"a{i}",
            "type": "funding",
            "org": "Acme AI",
            "event_date": "2025-03-01",
            "evidence": "Acme AI raised $100M in a Series B led by Example Ventures.",
            "confidence": 0.9,
            "status": "done",
            "event_key": f"funding|acme ai|{i}",
            "extractor_version": "rules-1",
            "amount_usd": 1e8,
            "round": "Series B",
        }
    )
    row.update(over)
    return row


def frame(rows: list[dict], schema) -> pl.DataFrame:
    return pl.DataFrame(rows, schema=schema)


def reasons(quarantined: pl.DataFrame) -> dict[str, str]:
    return dict(zip(quarantined["row_key"].to_list(), quarantined["expectations"].to_list(), strict=True))


# --------------------------------------------------------------------------- entries


def test_entries_good_frame_passes_wholly():
    df = frame(
        [entry(1), entry(2, title=None, summary=None, published_at=None, guid=None, feed_url=None),
         entry(3, url="http://example.org/x")],
        ENTRIES_SCHEMA,
    )
    valid, quarantined = validate("entries", df, "entry_id")
    assert quarantined.is_empty()
    assert quarantined.schema == pl.Schema(QUARANTINE_SCHEMA)
    assert valid.equals(df)


def test_entries_bad_rows_are_quarantined():
    df = frame(
        [
            entry(1),
            entry(2, url="ftp://example.com/file"),
            entry(3, url=None),
            entry(4, url="https://example.com/a b"),
            entry(5),
            entry(6, entry_id="dup"),
            entry(7, entry_id="dup"),
            entry(8, url="https://example.com/trailing\n"),  # `$` would accept this
            entry(9, url="example.com/no-scheme"),
            entry(10),
        ],
        ENTRIES_SCHEMA,
    )
    valid, quarantined = validate("entries", df, "entry_id")
    assert valid["entry_id"].to_list() == ["e1", "e5", "e10"]
    assert valid.schema == df.schema
    assert quarantined["row_key"].to_list() == ["e2", "e3", "e4", "dup", "dup", "e8", "e9"]
    assert quarantined["expectations"].to_list() == [
        "expect_column_values_to_match_regex(url)",
        "expect_column_values_to_not_be_null(url)",
        "expect_column_values_to_match_regex(url)",
        "expect_column_values_to_be_unique(entry_id)",
        "expect_column_values_to_be_unique(entry_id)",
        "expect_column_values_to_match_regex(url)",
        "expect_column_values_to_match_regex(url)",
    ]
    assert set(quarantined["table_name"]) == {"entries"}
    row = json.loads(quarantined["row_json"][0])
    assert row == {
        "entry_id": "e2",
        "feed_url": "https://feeds.example.com/ai.xml",
        "guid": "guid-2",
        "url": "ftp://example.com/file",
        "title": "Story 2",
        "summary": "A summary.",
        "published_at": "2025-03-01T12:30:15.123456+00:00",
        "content": None,
    }


def test_null_key_row_is_quarantined_with_null_row_key_and_all_reasons():
    df = frame([entry(1), entry(2, entry_id=None, url="nope")], ENTRIES_SCHEMA)
    valid, quarantined = validate("entries", df, "entry_id")
    assert valid["entry_id"].to_list() == ["e1"]
    assert quarantined["row_key"].to_list() == [None]
    # several failures: comma-separated, in suite order
    assert quarantined["expectations"][0] == (
        "expect_column_values_to_not_be_null(entry_id),expect_column_values_to_match_regex(url)"
    )
    assert json.loads(quarantined["row_json"][0])["entry_id"] is None


# --------------------------------------------------------------------------- articles


def test_articles_good_frame_passes_wholly():
    df = frame(
        [article(1), article(2, title=None, published_at=None, lang=None, site_name=None),
         article(3, text="é" * 300)],  # length counts characters, not bytes
        ARTICLES_SCHEMA,
    )
    valid, quarantined = validate("articles", df, "article_id")
    assert quarantined.is_empty()
    assert valid.equals(df)


def test_articles_bad_rows_are_quarantined():
    df = frame(
        [
            article(1),
            article(2, text=""),
            article(3, text=None),
            article(4, text_sha=SHA.upper()),
            article(5, text_sha=SHA[:-1]),
            article(6, text_sha=None),
            article(7, url="mailto:someone@example.com"),
            article(8, article_id="a1"),  # duplicate of the first row
            article(10, is_article=False),  # an about page or a cookie wall
            article(11, text_source="guess"),
            article(9),
        ],
        ARTICLES_SCHEMA,
    )
    valid, quarantined = validate("articles", df, "article_id")
    assert valid["article_id"].to_list() == ["a9"]
    assert reasons(quarantined) == {
        "a1": "expect_column_values_to_be_unique(article_id)",
        "a2": "expect_column_value_lengths_to_be_between(text)",
        "a3": "expect_column_values_to_not_be_null(text)",
        "a4": "expect_column_values_to_match_regex(text_sha)",
        "a5": "expect_column_values_to_match_regex(text_sha)",
        "a6": "expect_column_values_to_not_be_null(text_sha)",
        "a7": "expect_column_values_to_match_regex(url)",
        "a10": "expect_column_values_to_be_in_set(is_article)",
        "a11": "expect_column_values_to_be_in_set(text_source)",
    }
    assert quarantined["row_key"].to_list() == ["a1", "a2", "a3", "a4", "a5", "a6", "a7", "a1", "a10", "a11"]
    fetched = json.loads(quarantined["row_json"][1])["fetched_at"]
    assert datetime.fromisoformat(fetched) == T0


def test_a_one_sentence_brief_is_a_valid_article():
    """No minimum length (issue 16): a short brief is news; only empty text is refused."""
    brief = "Anthropic on Tuesday released Claude 3.5 Haiku, its fastest model, to developers through its API."
    df = frame([article(1, text=brief, text_source="summary"), article(2, text="")], ARTICLES_SCHEMA)
    valid, quarantined = validate("articles", df, "article_id")
    assert valid["article_id"].to_list() == ["a1"]
    assert reasons(quarantined) == {"a2": "expect_column_value_lengths_to_be_between(text)"}


# --------------------------------------------------------------------------- mentions


def test_mentions_good_frame_passes_wholly():
    df = frame(
        [
            mention(1),
            mention(2, type="policy", org=None, jurisdiction="EU", measure="AI Act", event_date="2025",
                    amount_usd=None, status=None, confidence=0.0),
            mention(3, type="model_release", event_date="2025-02", open_weights=True, license="apache-2.0",
                    confidence=1.0, status="planned", amount_usd=None),
            mention(4, event_date=None, amount_usd=1e13, evidence="e" * 2000),
            mention(5, amount_usd=-1e13, evidence="e" * 10, type="market_move", pct=-12.5),
        ],
        MENTIONS_SCHEMA,
    )
    valid, quarantined = validate("mentions", df, "mention_id")
    assert quarantined.is_empty()
    assert valid.equals(df)


def test_mentions_bad_rows_are_quarantined():
    df = frame(
        [
            mention(1),
            mention(2, type="ipo"),
            mention(3, type=None, org=None),  # null type is not in the set, but GX skips nulls
            mention(4, event_date="2025-13-01"),
            mention(5, event_date="March 2025"),
            mention(6, evidence="too short"),
            mention(7, evidence="e" * 2001),
            mention(8, evidence=None),
            mention(9, confidence=1.5),
            mention(10, confidence=None),
            mention(11, confidence=float("nan")),  # GX treats NaN as null
            mention(12, status="rumoured"),
            mention(13, event_key=None),
            mention(14, extractor_version=None),
            mention(15, amount_usd=1e15),
            mention(16, amount_usd=float("inf")),
            mention(17, article_id=None),
            mention(18, mention_id="m1"),
            mention(19, type="Funding", confidence=-0.1, amount_usd=-2e13, event_date="2025-1-1"),
            mention(20),
        ],
        MENTIONS_SCHEMA,
    )
    valid, quarantined = validate("mentions", df, "mention_id")
    assert valid["mention_id"].to_list() == ["m3", "m20"]
    assert valid.height + quarantined.height == df.height
    assert valid.schema == df.schema
    assert reasons(quarantined) == {
        "m1": "expect_column_values_to_be_unique(mention_id)",
        "m2": "expect_column_values_to_be_in_set(type)",
        "m4": "expect_column_values_to_match_regex(event_date)",
        "m5": "expect_column_values_to_match_regex(event_date)",
        "m6": "expect_column_value_lengths_to_be_between(evidence)",
        "m7": "expect_column_value_lengths_to_be_between(evidence)",
        "m8": "expect_column_values_to_not_be_null(evidence)",
        "m9": "expect_column_values_to_be_between(confidence)",
        "m10": "expect_column_values_to_not_be_null(confidence)",
        "m11": "expect_column_values_to_not_be_null(confidence)",
        "m12": "expect_column_values_to_be_in_set(status)",
        "m13": "expect_column_values_to_not_be_null(event_key)",
        "m14": "expect_column_values_to_not_be_null(extractor_version)",
        "m15": "expect_column_values_to_be_between(amount_usd)",
        "m16": "expect_column_values_to_be_between(amount_usd)",
        "m17": "expect_column_values_to_not_be_null(article_id)",
        "m19": ",".join(
            [
                "expect_column_values_to_be_in_set(type)",
                "expect_column_values_to_match_regex(event_date)",
                "expect_column_values_to_be_between(confidence)",
                "expect_column_values_to_be_between(amount_usd)",
            ]
        ),
    }
    keys = quarantined["row_key"].to_list()
    assert keys == [k for k in df["mention_id"].to_list() if k not in ("m3", "m20")]
    # non-finite floats stay visible in the quarantined JSON (polars alone writes null)
    rows = {r["mention_id"]: r for r in map(json.loads, quarantined["row_json"].to_list())}
    assert rows["m16"]["amount_usd"] == "Infinity"
    assert rows["m11"]["confidence"] == "NaN"
    assert rows["m15"]["amount_usd"] == 1e15
    assert rows["m2"]["open_weights"] is None


def test_every_failing_row_is_reported_not_just_a_partial_sample():
    # SUMMARY/BASIC result formats stop at 20 unexpected indexes; the runner must not.
    rows = [mention(i, confidence=2.0 if i % 3 == 0 else 0.5) for i in range(1000)]
    df = frame(rows, MENTIONS_SCHEMA)
    valid, quarantined = validate("mentions", df, "mention_id")
    assert quarantined.height == 334
    assert quarantined["row_key"].to_list() == [f"m{i}" for i in range(0, 1000, 3)]
    assert valid["mention_id"].to_list() == [f"m{i}" for i in range(1000) if i % 3]
    assert set(quarantined["expectations"]) == {"expect_column_values_to_be_between(confidence)"}


def test_concurrent_calls_from_threads():
    # Prefect's default task runner uses threads; calls share the one cached GX context.
    from concurrent.futures import ThreadPoolExecutor

    def run(n):
        df = frame([mention(i, evidence="short" if i == n else mention(i)["evidence"]) for i in range(50)],
                   MENTIONS_SCHEMA)
        return validate("mentions", df, "mention_id")[1]["row_key"].to_list()

    with ThreadPoolExecutor(max_workers=4) as pool:
        results = list(pool.map(run, range(8)))
    assert results == [[f"m{n}"] for n in range(8)]


# --------------------------------------------------------------------------- edge cases


@pytest.mark.parametrize(
    "table,schema,key",
    [("entries", ENTRIES_SCHEMA, "entry_id"), ("articles", ARTICLES_SCHEMA, "article_id"),
     ("mentions", MENTIONS_SCHEMA, "mention_id")],
)
def test_empty_frame(table, schema, key):
    df = pl.DataFrame(schema=schema)
    valid, quarantined = validate(table, df, key)
    assert valid.schema == df.schema and valid.is_empty()
    assert quarantined.is_empty()
    assert quarantined.schema == pl.Schema(QUARANTINE_SCHEMA)


def test_empty_frame_and_package_import_do_not_import_gx():
    code = (
        "import sys, polars as pl\n"
        "from expectations import validate\n"
        "v, q = validate('entries', pl.DataFrame(schema={'entry_id': pl.String, 'url': pl.String}), 'entry_id')\n"
        "assert v.is_empty() and q.is_empty()\n"
        "assert 'great_expectations' not in sys.modules\n"
    )
    root = Path(__file__).resolve().parents[1]
    subprocess.run([sys.executable, "-c", code], cwd=root, check=True, timeout=120)


def test_errors():
    df = frame([entry(1)], ENTRIES_SCHEMA)
    with pytest.raises(ValueError, match="no expectation suite"):
        validate("feeds", df, "entry_id")
    with pytest.raises(ValueError, match="key column"):
        validate("entries", df, "id")
    with pytest.raises(ValueError, match=r"lacks column.*url"):
        validate("entries", df.drop("url"), "entry_id")


def test_suite_summary():
    summary = suite_summary()
    assert set(summary) == {"entries", "articles", "mentions"}
    assert "expect_column_values_to_match_regex(url): regex='^https?://\\\\S+\\\\Z'" in summary["entries"]
    assert "expect_column_value_lengths_to_be_between(text): min_value=1" in summary["articles"]  # no minimum length
    assert any(s.startswith("expect_column_values_to_be_between(amount_usd)") for s in summary["mentions"])
