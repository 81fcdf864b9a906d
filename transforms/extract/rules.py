"""The contract of a rule module: what it reads (`Found`) and how it shapes its rows (`_frame`, MENTION_SCHEMA).

A rule module (declared per type in transforms/taxonomy.toml, `rules`) has `mentions(found: Found) -> pl.DataFrame`:
the type's mentions, one row per event told in a sentence, shaped by `_frame(rows, "<type>", field=expr, ...)` (the
columns of MENTION_SCHEMA plus `sent_idx`). extract_mentions then keys, dates and deduplicates them (core._finish).
"""
from __future__ import annotations

from dataclasses import dataclass

import polars as pl

from transforms import gazetteer as gaz
from transforms.taxonomy import TAXONOMY

# Every mention's fields, then the typed fields of transforms/taxonomy.toml ([fields], in its order).
COMMON_SCHEMA = {
    "mention_id": pl.String,
    "article_id": pl.String,
    "type": pl.String,
    "org": pl.String,
    "model": pl.String,
    "event_date": pl.String,
    "event_date_precision": pl.String,
    "evidence": pl.String,
    "confidence": pl.Float64,
    "status": pl.String,
    "event_key": pl.String,
    "extractor_version": pl.String,
}
MENTION_SCHEMA = {**COMMON_SCHEMA, **{f.name: getattr(pl, f.dtype) for f in TAXONOMY.fields.values()}}
TYPED_FIELDS = list(TAXONOMY.fields)


@dataclass(frozen=True)
class Found:
    """What the rule modules read. The columns of the sentence tables are documented in sentences.py."""

    all_sents: pl.DataFrame  # the sentence table, negated sentences ("has not released R2") too
    sents: pl.DataFrame      # the sentences that are not negated
    models: pl.DataFrame     # one row per model named in a sentence (names._model_occurrences), all sentences
    money: pl.DataFrame      # one row per amount of money in `sents` (names._money_occurrences) with its sentence's row
    short_names: pl.DataFrame  # the first words of the companies `sents` name (names._article_short_names)
    g: gaz.Gazetteer


def _frame(df: pl.DataFrame, type_: str, **columns: pl.Expr) -> pl.DataFrame:
    """Shape a builder's rows as mentions; fields a type does not have stay null."""
    exprs = []
    for name, dtype in MENTION_SCHEMA.items():
        if name in columns:
            exprs.append(columns[name].cast(dtype).alias(name))
        elif name in ("article_id", "evidence", "event_date", "status", "confidence") and name in df.columns:
            exprs.append(pl.col(name).cast(dtype))
        elif name == "type":
            exprs.append(pl.lit(type_).alias(name))
        elif name == "evidence":
            exprs.append(pl.col("sentence").alias(name))
        else:
            exprs.append(pl.lit(None, dtype=dtype).alias(name))
    return df.select(*exprs, pl.col("sent_idx"))
