"""Row-level expectations for the `articles` table."""
from __future__ import annotations

from .entries import URL_REGEX

SHA256_HEX_REGEX = r"^[0-9a-f]{64}\Z"  # hashlib.sha256().hexdigest(): lower-case
TEXT_SOURCES = ["page", "content", "summary", "title"]  # transforms/articles.py, best first


def expectations() -> list:
    """articles: one row per article (its page's text, else its feed entry's), keyed by article_id.

    No minimum length: a one-sentence brief is news. Text must not be empty (it is stripped).
    """
    import great_expectations.expectations as gxe

    return [
        gxe.ExpectColumnValuesToNotBeNull(column="article_id"),
        gxe.ExpectColumnValuesToBeUnique(column="article_id"),
        gxe.ExpectColumnValuesToMatchRegex(column="url", regex=URL_REGEX),
        gxe.ExpectColumnValuesToNotBeNull(column="text"),
        gxe.ExpectColumnValueLengthsToBeBetween(column="text", min_value=1),
        gxe.ExpectColumnValuesToNotBeNull(column="text_sha"),
        gxe.ExpectColumnValuesToMatchRegex(column="text_sha", regex=SHA256_HEX_REGEX),
        gxe.ExpectColumnValuesToBeInSet(column="text_source", value_set=TEXT_SOURCES),
        # About pages, cookie walls and JS shells whose entry has no text to stand in (transforms/articles.py).
        gxe.ExpectColumnValuesToBeInSet(column="is_article", value_set=[True]),
    ]
