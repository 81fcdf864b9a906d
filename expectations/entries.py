"""Row-level expectations for the `entries` table."""
from __future__ import annotations

URL_REGEX = r"^https?://\S+\Z"  # `\Z`, not `$`: Python's `$` also matches before a trailing "\n"


def expectations() -> list:
    """entries: one row per feed item seen in an RSS/Atom feed (before the article is fetched)."""
    import great_expectations.expectations as gxe

    return [
        gxe.ExpectColumnValuesToNotBeNull(column="entry_id"),
        gxe.ExpectColumnValuesToBeUnique(column="entry_id"),
        gxe.ExpectColumnValuesToNotBeNull(column="url"),
        gxe.ExpectColumnValuesToMatchRegex(column="url", regex=URL_REGEX),
    ]
