"""Event identity: the date of every mention, and the key that makes mentions one real-world event.

Pure polars, called once at the end of extraction (transforms/extract/core.py `_finish`), so `radar extract`, the
evaluation and the warehouse merge (warehouse/sql/merge_events.sql groups mentions by this key) agree.

The date rule: the event's own date when its sentence gives one, else the article's published date.
`event_date_precision` says which:
    day      'YYYY-MM-DD' stated by the text ("on Monday", "January 20, 2025", an ISO date)
    month    'YYYY-MM' stated by the text ("in March", "Q3 2024")
    year     'YYYY' stated by the text for an earlier year than the article's ("the rules of 2022")
    article  'YYYY-MM-DD', the article's published date: the text gives none
A mention of an article without a published date whose text gives none has a null date and precision.
"""
from __future__ import annotations

import polars as pl

from transforms import taxonomy
from transforms.normalize import resolve_event_date

PRECISIONS = ("day", "month", "year", "article")  # most to least precise; the merge prefers them in this order
# "in 2022", "back in 2020", "the rules of 2023": a year that dates the event, when no finer date is given.
YEAR = r"\b(?:in|during|back in|of) (?:early |late |mid-)?((?:19|20)\d\d)\b"

# Key fields computed from the mention's fields (see transforms/taxonomy.toml, merge_key).
DERIVED_KEY_FIELDS = set(taxonomy.DERIVED_KEY_FIELDS)


def date_mentions(mentions: pl.DataFrame, published: pl.DataFrame) -> pl.DataFrame:
    """mentions (with `event_date` as the builders found it) + published(article_id, published_at) -> mentions
    with every `event_date` filled by the date rule above and its `event_date_precision`."""
    published_at = pl.col("published_at")
    evidence = pl.col("evidence")
    # Builders that do not date their events (policy, benchmark claims) leave the date of their sentence unread.
    own = pl.coalesce(pl.col("event_date"), resolve_event_date(evidence, published_at))
    year = evidence.str.extract(YEAR, 1)
    earlier_year = pl.when(year.cast(pl.Int32) < published_at.dt.year().cast(pl.Int32).fill_null(1 << 20)).then(year)
    article_day = published_at.dt.strftime("%Y-%m-%d")
    dated = (mentions.join(published.select("article_id", "published_at"), on="article_id", how="left",
                           maintain_order="left")
             .with_columns(own=own)
             .with_columns(event_date=pl.coalesce("own", earlier_year, article_day),
                           event_date_precision=pl.when(pl.col("own").str.len_chars() == 10).then(pl.lit("day"))
                           .when(pl.col("own").str.len_chars() == 7).then(pl.lit("month"))
                           .when(pl.col("own").is_not_null()).then(pl.lit("year"))
                           .when(earlier_year.is_not_null()).then(pl.lit("year"))
                           .when(article_day.is_not_null()).then(pl.lit("article"))))
    return dated.drop("own", "published_at")


def current_merge_rules() -> dict[str, list[str]]:
    """Event type -> the fields whose values make two mentions one event (transforms/taxonomy.toml, merge_key: data a
    user can tune), read again only when the file changes (not on every batch)."""
    return taxonomy.current().merge_keys()


def event_key(rules: dict[str, list[str]], columns: list[str]) -> pl.Expr:
    """The merge key of each mention: its type and the values of the type's fields in `rules`, lower-cased, a
    missing value as '?'. `columns`: the mention frame's, to name a rule's unknown field in the error."""
    unknown = {f for fields in rules.values() for f in fields} - set(columns) - DERIVED_KEY_FIELDS
    if unknown:
        raise ValueError(f"{taxonomy.current().path.name}: merge on unknown fields {sorted(unknown)}")
    derived = {
        # A round is its name when reported ("Series B"), else its size to two significant figures.
        "round_or_amount": pl.coalesce(pl.col("round"),
                                       pl.col("amount_usd").round_sig_figs(2).cast(pl.Int64).cast(pl.String)),
        "pair": pl.concat_str(pl.min_horizontal("org", "partner"), pl.max_horizontal("org", "partner"), separator="+"),
        # The date window of a policy: the calendar month of its date (a year when only the year is known).
        "month": pl.col("event_date").str.slice(0, 7),
    }
    key = pl.lit(None, dtype=pl.String)
    for type_, fields in rules.items():
        parts = [pl.col("type")] + [derived.get(f, pl.col(f)).fill_null("?") for f in fields]
        key = pl.when(pl.col("type") == type_).then(pl.concat_str(parts, separator="|")).otherwise(key)
    return key.str.to_lowercase()


def with_identity(mentions: pl.DataFrame, published: pl.DataFrame,
                  rules: dict[str, list[str]] | None = None) -> pl.DataFrame:
    """Mentions dated by the date rule, with their `event_key`."""
    dated = date_mentions(mentions, published)
    return dated.with_columns(event_key=event_key(rules or current_merge_rules(), dated.columns))
