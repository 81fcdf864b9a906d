"""Money, percentages and dates as polars expressions."""
from datetime import datetime, timezone

import polars as pl
import pytest

from transforms.normalize import MONEY_PATTERN, USD_RATES, money_to_usd, resolve_event_date


@pytest.mark.parametrize("text, usd", [
    ("$5.6 million", 5.6e6),
    ("US$2bn", 2e9),
    ("€600m", 600e6 * USD_RATES["EUR"]),
    ("1.5 billion yuan", 1.5e9 * USD_RATES["CNY"]),
    ("$6.6B", 6.6e9),
    ("600 billion dollars", 600e9),
    ("$1,200", 1200.0),
    ("USD 3 billion", 3e9),
])
def test_money_to_usd(text, usd):
    got = pl.DataFrame({"m": [text]}).select(money_to_usd(pl.col("m")).alias("usd"))["usd"][0]
    assert got == pytest.approx(usd)


def test_money_pattern_finds_every_amount_in_a_sentence():
    sentence = "Trained for $5.6 million, compared to GPT-4's $100 million and 1.5 billion yuan elsewhere."
    found = pl.DataFrame({"s": [sentence]}).select(pl.col("s").str.extract_all(MONEY_PATTERN))["s"][0].to_list()
    assert found == ["$5.6 million", "$100 million", "1.5 billion yuan"]


@pytest.mark.parametrize("sentence, expected", [
    ("R1, released in January 2025, stunned", "2025-01"),
    ("the V3-0324 model, launched in March, further", "2025-03"),
    ("on January 20, 2025 it shipped", "2025-01-20"),
    ("it shipped May 13 with", "2024-05-13"),          # May is after April: last year's May
    ("the company said yesterday", "2025-04-14"),
    ("results for Q3 2024 were", "2024-07"),
    ("on 2025-02-03 it", "2025-02-03"),
    ("Anthropic on Thursday released", "2025-04-10"),  # 2025-04-15 is a Tuesday: the Thursday before
    ("late on Tuesday it shipped", "2025-04-15"),       # the article's own weekday is the same day
    ("the Tuesday meeting", None),                       # a weekday without "on" dates nothing
    ("no date at all", None),
    # realset r156 (TechCrunch): a future tense looks ahead to the next such month
    ("Singh will join OpenAI in September and report to Kiran Mani", "2025-09"),
    ("Singh joined OpenAI in September", "2024-09"),
    # pool p2501 (a wire, 2026): when a state began dates no event of the sentence
    ("Lily Yan Hughes, who has served as an independent director of the company since October 2025, has been "
     "appointed board chair.", None),
    ("Since March 3, 2024 he ran the lab; he left on April 2.", "2025-04-02"),
    # holdout h598 (Billboard): "this past October" is the last October before the article
    ("during the investor earnings call for Universal Music Group this past October, CEO Lucian Grainge said",
     "2024-10"),
])
def test_event_dates_resolve_against_the_article_date(sentence, expected):
    published = datetime(2025, 4, 15, tzinfo=timezone.utc)
    frame = pl.DataFrame({"s": [sentence], "p": [published]})
    assert frame.select(resolve_event_date(pl.col("s"), pl.col("p")).alias("d"))["d"][0] == expected
