"""Row-level expectations for the `articles` table."""
from __future__ import annotations

from .entries import URL_REGEX

# The pipeline's minimum article length in characters (same default as
# radar.settings.Settings.min_text_chars); override per call with
# validate("articles", df, key, min_text_chars=...).
MIN_TEXT_CHARS = 300
SHA256_HEX_REGEX = r"^[0-9a-f]{64}\Z"  # hashlib.sha256().hexdigest(): lower-case


def expectations(min_text_chars: int = MIN_TEXT_CHARS) -> list:
    """articles: one row per fetched and text-extracted web page, keyed by article_id."""
    import great_expectations.expectations as gxe

    return [
        gxe.ExpectColumnValuesToNotBeNull(column="article_id"),
        gxe.ExpectColumnValuesToBeUnique(column="article_id"),
        gxe.ExpectColumnValuesToMatchRegex(column="url", regex=URL_REGEX),
        gxe.ExpectColumnValuesToNotBeNull(column="text"),
        gxe.ExpectColumnValueLengthsToBeBetween(column="text", min_value=int(min_text_chars)),
        gxe.ExpectColumnValuesToNotBeNull(column="text_sha"),
        gxe.ExpectColumnValuesToMatchRegex(column="text_sha", regex=SHA256_HEX_REGEX),
        # About pages, cookie walls and JS shells have text but are not news (transforms/articles.py decides).
        gxe.ExpectColumnValuesToBeInSet(column="is_article", value_set=[True]),
    ]
