"""Property tests (hypothesis): the extractor never raises on any text, and money and dates survive a round trip
through the words a newsroom would write them in."""
from __future__ import annotations

import re
from datetime import date, datetime, timedelta, timezone

import polars as pl
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.conftest import CORPUS, SHARED, needs_shared
from transforms.extract import MENTION_SCHEMA, extract_mentions
from transforms.normalize import MONEY_PATTERN, USD_RATES, money_to_usd, resolve_event_date

ARTICLES = {"article_id": pl.String, "title": pl.String, "text": pl.String, "published_at": pl.Datetime("us", "UTC")}
# One extract_mentions call costs ~0.2 s whatever its size: each example is a whole batch of texts.
SETTINGS = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# Text that looks like news often enough to reach the extraction rules, and anything else Unicode allows.
NEWSY = st.sampled_from([
    "OpenAI released GPT-4o on May 13, 2024.", "Anthropic raised $4 billion led by Amazon.", "DeepSeek",
    "Nvidia shares fell 17% on Monday, erasing $593 billion.", "The US imposed chip export controls.",
    "Mistral AI partnered with Microsoft.", "The New York Times sued OpenAI.", "named CEO", " $", "€", "%",
    "Q3", "in March", "last week", "R1", "V3-0324", ".", "\n", "“", "’s", "深度求索发布了新模型。",
])
TEXT = st.lists(st.one_of(st.text(), NEWSY), max_size=12).map(" ".join)
PUBLISHED = st.one_of(st.none(), st.datetimes(min_value=datetime(1971, 1, 1), max_value=datetime(2099, 12, 31),
                                              timezones=st.just(timezone.utc)))


def _articles(rows: list[tuple[str, str, datetime | None]]) -> pl.DataFrame:
    return pl.DataFrame([{"article_id": f"a{i}", "title": t, "text": x, "published_at": p}
                         for i, (t, x, p) in enumerate(rows)], schema=ARTICLES)


@SETTINGS
@given(st.lists(st.tuples(TEXT, TEXT, PUBLISHED), min_size=1, max_size=8))
def test_extraction_never_raises_on_any_text(rows):
    mentions = extract_mentions(_articles(rows))
    assert list(mentions.schema) == list(MENTION_SCHEMA)
    assert set(mentions["article_id"].to_list()) <= {f"a{i}" for i in range(len(rows))}
    assert mentions["confidence"].is_between(0, 1).all()


def _real_fragments() -> list[str]:
    """Lines of real pages (read from ../shared at test time, never copied here): saved news extractions with their
    page furniture, and the corpus's HTML pages (German, Chinese, price lists, tables, link lists) with tags dropped."""
    if not SHARED.is_dir():
        return []
    lines = []
    for path in sorted((SHARED / "realdev" / "articles").glob("*.md")):
        lines += path.read_text(encoding="utf-8", errors="replace").splitlines()
    for path in sorted((CORPUS / "html").glob("*.html")):
        text = re.sub(r"<[^>]+>", "\n", path.read_bytes().decode("utf-8", errors="replace"))
        lines += text.splitlines()
    lines = [line.strip() for line in lines if len(line.strip()) > 2]
    # the shapes that broke or might break the rules, kept apart so hypothesis draws them often
    shaped = [line for line in lines if re.search(r"[$€£¥]|\||^[-*•\d]|[^\x00-\x7f]", line)]
    return sorted(set(lines)) + sorted(set(shaped))


REAL_FRAGMENTS = _real_fragments()
REAL_TEXT = st.lists(st.one_of(st.sampled_from(REAL_FRAGMENTS or ["-"]), NEWSY, st.text(max_size=20)),
                     min_size=1, max_size=15).flatmap(lambda parts: st.sampled_from([" ", "\n", " | ", "\n- "]).map(
                         lambda sep: sep.join(parts)))


@needs_shared
@SETTINGS
@given(st.lists(st.tuples(REAL_TEXT, REAL_TEXT, PUBLISHED), min_size=1, max_size=8))
def test_extraction_never_raises_on_fragments_of_real_pages(rows):
    mentions = extract_mentions(_articles(rows))
    assert list(mentions.schema) == list(MENTION_SCHEMA)
    assert mentions["confidence"].is_between(0, 1).all()


@needs_shared
def test_extraction_never_raises_on_whole_real_pages():
    """Each real line as a title and the whole of each saved page as one article: one batch."""
    pages = [(path.name, path.read_text(encoding="utf-8", errors="replace"))
             for path in sorted((SHARED / "realdev" / "articles").glob("*.md"))]
    rows = [(name, text, datetime(2026, 1, 1, tzinfo=timezone.utc)) for name, text in pages]
    rows += [(line, "", None) for line in REAL_FRAGMENTS[::7]]
    mentions = extract_mentions(_articles(rows))
    assert list(mentions.schema) == list(MENTION_SCHEMA)


def test_extraction_handles_empty_and_huge_texts():
    huge = "OpenAI released GPT-4o on May 13, 2024, and Anthropic raised $4 billion. " * 30_000  # ~2.2 MB, one line
    no_stops = "a" * 1_000_000  # a megabyte without a sentence end
    articles = _articles([("", "", None), ("t", huge, datetime(2024, 5, 14, tzinfo=timezone.utc)),
                          ("", no_stops, None)])
    mentions = extract_mentions(articles)
    assert set(mentions["article_id"].to_list()) == {"a1"}  # the huge article still yields its events
    assert "model_release" in mentions["type"].to_list()
    assert extract_mentions(articles.head(0)).is_empty()


# ------------------------------------------------------------------------------------------------ money

MULTIPLIER_WORDS = [("", 1.0), (" thousand", 1e3), (" million", 1e6), ("m", 1e6), (" billion", 1e9), ("bn", 1e9),
                    (" trillion", 1e12)]
# How amounts are written: (prefix, suffix, currency)
CURRENCY_FORMS = [("$", "", "USD"), ("US$", "", "USD"), ("€", "", "EUR"), ("£", "", "GBP"), ("¥", "", "CNY"),
                  ("", " dollars", "USD"), ("", " euros", "EUR"), ("", " yuan", "CNY"), ("", " yen", "JPY"),
                  ("", " won", "KRW"), ("", " rupees", "INR"), ("USD ", "", "USD")]


@settings(max_examples=200, deadline=None)
@given(whole=st.integers(min_value=1, max_value=999), cents=st.one_of(st.none(), st.integers(0, 99)),
       mult=st.sampled_from(MULTIPLIER_WORDS), form=st.sampled_from(CURRENCY_FORMS))
def test_money_round_trips_through_its_written_form(whole, cents, mult, form):
    (mult_word, factor), (prefix, suffix, currency) = mult, form
    if suffix and not mult_word.startswith(" ") and mult_word:
        mult_word = " " + mult_word  # "5 bn yuan": a suffixed currency needs the space
    number = f"{whole}" if cents is None else f"{whole}.{cents:02d}"
    written = f"{prefix}{number}{mult_word}{suffix}"
    sentence = f"The company said on Tuesday that it had raised {written} from investors."
    found = pl.select(pl.lit(sentence).str.extract(f"({MONEY_PATTERN})", 1)).item()
    assert found == written
    usd = pl.select(money_to_usd(pl.lit(found))).item()
    expected = float(number) * factor * USD_RATES[currency]
    assert abs(usd - expected) <= 1e-9 * expected


def test_thousands_separators_and_bare_numbers():
    values = pl.select(money_to_usd(pl.Series(["$1,250,000", "€2,500", "12 dollars"]))).to_series().to_list()
    assert values == [1_250_000.0, 2_500 * USD_RATES["EUR"], 12.0]


# ------------------------------------------------------------------------------------------------ dates

DATE_FORMS = [lambda d: d.strftime("%B %-d, %Y"),
              lambda d: d.strftime("%b. %-d, %Y") if d.month != 5 else d.strftime("%B %-d, %Y"),
              lambda d: d.isoformat(),
              lambda d: d.strftime("%B %-dth, %Y") if d.day in (4, 5, 6, 7, 8, 9) else d.strftime("%B %-d %Y")]


@settings(max_examples=200, deadline=None)
@given(day=st.dates(min_value=date(2000, 1, 1), max_value=date(2099, 12, 31)), form=st.sampled_from(DATE_FORMS),
       lag=st.integers(min_value=0, max_value=400))
def test_full_dates_round_trip_whatever_the_article_date(day, form, lag):
    published = datetime(day.year, day.month, day.day, 12, tzinfo=timezone.utc) + timedelta(days=lag)
    sentence = f"The model was released on {form(day)}, the company said."
    frame = pl.DataFrame({"s": [sentence], "p": [published]}, schema={"s": pl.String, "p": pl.Datetime("us", "UTC")})
    assert frame.select(resolve_event_date(pl.col("s"), pl.col("p"))).item() == day.isoformat()


@settings(max_examples=100, deadline=None)
@given(published=st.dates(min_value=date(2001, 1, 1), max_value=date(2099, 12, 31)), month=st.integers(1, 12))
def test_a_bare_month_is_the_latest_one_not_after_the_article(published, month):
    name = date(2000, month, 1).strftime("%B")
    frame = pl.DataFrame({"s": [f"The company said in {name} that it would expand."],
                          "p": [datetime(published.year, published.month, published.day, tzinfo=timezone.utc)]},
                         schema={"s": pl.String, "p": pl.Datetime("us", "UTC")})
    year = published.year if month <= published.month else published.year - 1
    assert frame.select(resolve_event_date(pl.col("s"), pl.col("p"))).item() == f"{year}-{month:02d}"
