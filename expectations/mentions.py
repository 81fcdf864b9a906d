"""Row-level expectations for the `mentions` table."""
from __future__ import annotations

from transforms.taxonomy import TAXONOMY

EVENT_TYPES = tuple(TAXONOMY.names)  # transforms/taxonomy.toml
# Typed fields with declared allowed values (transforms/taxonomy.toml [fields], `values`): field -> values.
FIELD_VALUES = {f.name: list(f.values) for f in TAXONOMY.fields.values() if f.values is not None}
STATUSES = ("done", "planned", "reported", "denied")
DATE_PRECISIONS = ("day", "month", "year", "article")  # transforms/event_identity.py PRECISIONS
# YYYY, YYYY-MM or YYYY-MM-DD. [0-9] rather than \d (Python's \d also matches
# non-ASCII digits), months 01-12 and days 01-31, \Z rather than $ (see entries.URL_REGEX), and
# non-capturing groups (pandas warns about capture groups in str.contains).
EVENT_DATE_REGEX = r"^[0-9]{4}(?:-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12][0-9]|3[01]))?)?\Z"
EVIDENCE_MIN_CHARS = 10
EVIDENCE_MAX_CHARS = 2000
MAX_ABS_AMOUNT_USD = 1e13  # $10 trillion; anything bigger is a units/typo error


def expectations() -> list:
    """mentions: one row per extracted industry event (release, funding, policy, ...) in an article."""
    import great_expectations.expectations as gxe

    return [
        gxe.ExpectColumnValuesToNotBeNull(column="mention_id"),
        gxe.ExpectColumnValuesToBeUnique(column="mention_id"),
        gxe.ExpectColumnValuesToNotBeNull(column="article_id"),
        gxe.ExpectColumnValuesToBeInSet(column="type", value_set=list(EVENT_TYPES)),
        gxe.ExpectColumnValuesToMatchRegex(column="event_date", regex=EVENT_DATE_REGEX),
        gxe.ExpectColumnValuesToBeInSet(column="event_date_precision", value_set=list(DATE_PRECISIONS)),
        gxe.ExpectColumnValuesToNotBeNull(column="evidence"),
        gxe.ExpectColumnValueLengthsToBeBetween(
            column="evidence", min_value=EVIDENCE_MIN_CHARS, max_value=EVIDENCE_MAX_CHARS
        ),
        gxe.ExpectColumnValuesToNotBeNull(column="confidence"),
        gxe.ExpectColumnValuesToBeBetween(column="confidence", min_value=0.0, max_value=1.0),
        gxe.ExpectColumnValuesToBeInSet(column="status", value_set=list(STATUSES)),
        gxe.ExpectColumnValuesToNotBeNull(column="event_key"),
        gxe.ExpectColumnValuesToNotBeNull(column="extractor_version"),
        gxe.ExpectColumnValuesToBeBetween(
            column="amount_usd", min_value=-MAX_ABS_AMOUNT_USD, max_value=MAX_ABS_AMOUNT_USD
        ),
        *[gxe.ExpectColumnValuesToBeInSet(column=field, value_set=values) for field, values in FIELD_VALUES.items()],
    ]
