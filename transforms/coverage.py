"""Coverage: of the model releases a reference list knows (Epoch AI's notable models by default), which did the
radar find, which did it miss, which did it find that the list lacks, and how late was its first article.

Pure: frames in, frames out. Names are matched through the gazetteer's aliases (so 'GPT 4o', 'gpt-4o' and
'GPT-4o' are one model) and a spelling-insensitive key, never by substring: 'GPT-4' is not 'GPT-4o'.
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

import polars as pl

from transforms import gazetteer

if TYPE_CHECKING:
    from polars._typing import SchemaDict

# Epoch AI's column names; another list maps its own with ReferenceColumns.
EPOCH_COLUMNS = {"model": "Model", "org": "Organization", "date": "Publication date",
                 "access": "Model accessibility"}
UNRELEASED = ["Unreleased"]  # Epoch's accessibility value for models never made available
REFERENCE_SCHEMA: SchemaDict = {"ref_model": pl.String, "ref_org": pl.String, "ref_date": pl.Date, "access": pl.String}
RELEASE_SCHEMA: SchemaDict = {"org": pl.String, "model": pl.String, "release_date": pl.String,
                  "first_article_at": pl.Datetime("us", "UTC")}
# One lab under its parent, as the evaluation's matching rule folds them (../shared/realdev/README.md).
ORG_FOLD = {"Google DeepMind": "Google", "Alphabet": "Google"}
_ORG_SUFFIX = re.compile(r"\b(inc|corp|corporation|ltd|llc|plc|co|company|group|technologies|labs|research|ai)\.?$")


def model_key(name: str | None, org: str | None = None) -> str | None:
    """The gazetteer's canonical model when it knows the name, else a spelling-insensitive key without the
    maker's name in front ('Meta Llama 3.1 405B' and 'Llama-3.1-405B' share one)."""
    if not name:
        return None
    gaz = gazetteer.default()
    key = gazetteer.alias_key(name)
    if key in gaz.model_by_key:
        return gazetteer.alias_key(gaz.model_by_key[key])
    for maker in filter(None, [org, *(org or "").split(",")]):
        prefix = gazetteer.alias_key(maker)
        if prefix and key.startswith(prefix) and len(key) > len(prefix):
            stripped = key[len(prefix):]
            return gazetteer.alias_key(gaz.model_by_key.get(stripped, stripped))
    return re.sub(r"[^0-9a-z.]+", "", key) or None


def org_name(org: str | None) -> str | None:
    """The first organisation of a reference row, under the gazetteer's canonical name when it knows it."""
    if not org:
        return None
    first = org.split(",")[0].strip()
    gaz = gazetteer.default()
    for candidate in (first, _ORG_SUFFIX.sub("", first.lower()).strip()):
        canonical = gaz.org_by_key.get(gazetteer.alias_key(candidate))
        if canonical:
            return ORG_FOLD.get(canonical, canonical)
    return ORG_FOLD.get(first, first)


def reference_frame(raw: pl.DataFrame, columns: dict[str, str] | None = None,
                    include_unreleased: bool = False) -> pl.DataFrame:
    """The reference list's rows as (ref_model, ref_org, ref_date, access); undated rows are dropped."""
    columns = {**EPOCH_COLUMNS, **(columns or {})}
    missing = [c for k, c in columns.items() if k != "access" and c not in raw.columns]
    if missing:
        raise ValueError(f"reference list has no column(s) {', '.join(map(repr, missing))}; "
                         f"it has {', '.join(raw.columns[:12])}… (map yours with --columns)")
    access = pl.col(columns["access"]) if columns["access"] in raw.columns else pl.lit(None, pl.String)
    ref = raw.select(
        ref_model=pl.col(columns["model"]).cast(pl.String).str.strip_chars(),
        ref_org=pl.col(columns["org"]).cast(pl.String).map_elements(org_name, return_dtype=pl.String),
        ref_date=pl.col(columns["date"]).cast(pl.String).str.slice(0, 10).str.to_date("%Y-%m-%d", strict=False),
        access=access.cast(pl.String),
    ).filter(pl.col("ref_model").is_not_null() & pl.col("ref_date").is_not_null())
    if not include_unreleased:
        ref = ref.filter(~pl.col("access").is_in(UNRELEASED).fill_null(False))
    return ref.cast(pl.Schema(REFERENCE_SCHEMA))


def _keyed(frame: pl.DataFrame, model: str, org: str) -> pl.DataFrame:
    return frame.with_columns(
        key=pl.struct(model, org).map_elements(lambda r: model_key(r[model], r[org]), return_dtype=pl.String))


def compare(releases: pl.DataFrame, reference: pl.DataFrame) -> pl.DataFrame:
    """One row per reference release (found or missed) and per radar release the reference lacks.

    Columns: status (found | missed | radar_only | after_reference: later than the list's last entry), org, model,
    ref_model, ref_date, release_date, first_article_at, lag_days (first article minus the reference date; negative
    when the radar saw it before the list's date, e.g. a preview), quarter.
    """
    radar = _keyed(releases.cast(pl.Schema(RELEASE_SCHEMA)), "model", "org").with_columns(
        org=pl.col("org").map_elements(org_name, return_dtype=pl.String))
    radar = radar.group_by("key").agg(pl.col("org").first(), pl.col("model").first(),
                                      pl.col("release_date").min(), pl.col("first_article_at").min())
    ref = _keyed(reference, "ref_model", "ref_org").sort("ref_date").unique("key", keep="first", maintain_order=True)
    joined = ref.join(radar, on="key", how="full", coalesce=True)
    quarter_of = lambda d: pl.format("{}-Q{}", d.dt.year(), d.dt.quarter())  # noqa: E731
    release_day = pl.col("release_date").str.slice(0, 10).str.to_date("%Y-%m-%d", strict=False)
    radar_day = pl.coalesce(release_day, pl.col("first_article_at").dt.date())
    # A release after the list's last entry is not one the list lacks: the list had not got that far.
    list_ends = reference["ref_date"].max()
    return joined.select(
        status=pl.when(pl.col("ref_model").is_null() & (radar_day > list_ends).fill_null(False))
                 .then(pl.lit("after_reference"))
                 .when(pl.col("ref_model").is_null()).then(pl.lit("radar_only"))
                 .when(pl.col("model").is_null()).then(pl.lit("missed")).otherwise(pl.lit("found")),
        org=pl.coalesce("ref_org", "org"),
        model=pl.coalesce("model", "ref_model"),
        ref_model=pl.col("ref_model"),
        ref_date=pl.col("ref_date"),
        release_date=pl.col("release_date"),
        first_article_at=pl.col("first_article_at"),
        lag_days=(pl.col("first_article_at").dt.date() - pl.col("ref_date")).dt.total_days(),
        quarter=quarter_of(pl.coalesce("ref_date", radar_day)),
    ).sort("status", "org", "model", nulls_last=True)


def within(rows: pl.DataFrame, since=None, until=None, orgs: list[str] | None = None) -> pl.DataFrame:
    """Rows whose date (the reference's, else the radar's) falls in [since, until], of these orgs."""
    day = pl.coalesce("ref_date", pl.col("release_date").str.slice(0, 10).str.to_date("%Y-%m-%d", strict=False),
                      pl.col("first_article_at").dt.date())
    keep = pl.lit(True)
    if since:
        keep &= day >= since
    if until:
        keep &= day <= until
    if orgs:
        wanted = {(org_name(o) or o).lower() for o in orgs}
        keep &= pl.col("org").str.to_lowercase().is_in(list(wanted))
    return rows.filter(keep.fill_null(False))


def summary(rows: pl.DataFrame, by: str) -> pl.DataFrame:
    """Per `by` (org or quarter): reference releases, found, missed, recall, radar-only, median lag in days.
    Orgs come largest first; quarters in time order."""
    rows = rows.filter(pl.col("status") != "after_reference")
    order = ([by], [False]) if by == "quarter" else (["reference", by], [True, False])
    return (rows.group_by(by).agg(
        reference=pl.col("status").is_in(["found", "missed"]).sum(),
        found=(pl.col("status") == "found").sum(),
        missed=(pl.col("status") == "missed").sum(),
        radar_only=(pl.col("status") == "radar_only").sum(),
        median_lag_days=pl.col("lag_days").filter(pl.col("status") == "found").median(),
    ).with_columns(recall=pl.when(pl.col("reference") > 0).then(pl.col("found") / pl.col("reference")))
        .sort(order[0], descending=order[1]))
