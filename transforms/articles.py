"""Article page bytes -> article rows (trafilatura text + metadata). Pure: no network, no database.

An article's text comes from the best source available, recorded as `text_source`: the page's own text when the
page was fetched, its text extracted and it reads as a story ('page'); else the feed entry's full body
('content', content:encoded), its summary ('summary') or its title ('title'). `page_error` says why the page's
text was not used. An article stored from feed text is final for its URL: the page is not fetched again (a
later extractor re-reads the stored text; it never needs the web).
"""
from __future__ import annotations

import hashlib
import html
import json
import re
from collections.abc import Iterable, Iterator
from concurrent.futures import Executor
from datetime import datetime, timezone
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

import polars as pl
import trafilatura
from trafilatura.settings import use_config

from transforms.feeds import html_to_text
from transforms.normalize import each
from transforms.urls import canonical_url, url_hash

if TYPE_CHECKING:
    from polars._typing import SchemaDict

ARTICLE_SCHEMA: SchemaDict = {
    "article_id": pl.String,
    "url": pl.String,
    "canonical_url": pl.String,
    "feed_url": pl.String,
    "title": pl.String,
    "published_at": pl.Datetime("us", "UTC"),
    "text": pl.String,
    "text_sha": pl.String,
    "lang": pl.String,
    "site_name": pl.String,
    "fetched_at": pl.Datetime("us", "UTC"),
    "text_source": pl.String,  # page | content | summary | title
    "page_error": pl.String,  # why the page's own text is not the article's (null when it is)
    "is_article": pl.Boolean,  # false only for a page that is no story and whose entry has no text to replace it
}
TEXT_SOURCES = ["page", "content", "summary", "title"]
# og:type values of pages that are not news stories.
NON_ARTICLE_PAGE_TYPES = ["website", "profile", "product", "video.other", "music.song", "book"]
# Without a date or a declared type, a page this short is a wall or a stub, not a story.
UNDATED_MIN_CHARS = 600
# A page's text this short is a paywall stub, a teaser or a wall, not the story: its entry's feed text stands in
# (feed text itself has no minimum: a one-sentence brief in a feed is news).
PAGE_MIN_CHARS = 300
MAX_HTML_BYTES = 5 * 1024 * 1024
MAX_TEXT_CHARS = 500_000
CONTROL_CHARS = r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]"  # never stored (NUL, ESC, ...); tab and newline stay

_config = use_config()
_config.set("DEFAULT", "EXTRACTION_TIMEOUT", "0")


def extract_page(content: bytes, url: str) -> dict:
    """Main text and metadata of one page. Text is '' when trafilatura finds no article."""
    result = None
    if content and len(content) <= MAX_HTML_BYTES:
        result = trafilatura.extract(
            content, url=url, output_format="json", with_metadata=True,
            include_comments=False, include_tables=False, config=_config,
        )
    meta = json.loads(result) if result else {}
    return {
        "title": meta.get("title"),
        "text": (meta.get("text") or "").strip(),
        "date": meta.get("date"),
        "lang": meta.get("language"),
        "site_name": meta.get("source-hostname") or meta.get("hostname"),
        "page_type": meta.get("pagetype"),
        "canonical_url": canonical_link(content, url),
    }


def read_page(content: bytes, url: str) -> dict:
    """extract_page that never raises: a page that makes the extractor raise gives no text and the error, so one
    bad page costs only itself (this runs in the worker processes)."""
    try:
        return extract_page(content, url)
    except Exception as exc:  # noqa: BLE001
        return {**extract_page(b"", url), "error_type": type(exc).__name__, "error_message": str(exc)[:2000]}


_LINK_TAG = re.compile(rb"<link\b[^>]*>", re.IGNORECASE)
_REL_CANONICAL = re.compile(rb"""\brel\s*=\s*["']?canonical\b""", re.IGNORECASE)
_HREF = re.compile(rb"""\bhref\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""", re.IGNORECASE)


def canonical_link(content: bytes, url: str) -> str | None:
    """The page's <link rel="canonical">, canonicalized, when it stays on the page's own site.

    Another site's canonical is ignored: a hostile page must not be able to claim (and so shadow) someone else's
    article.
    """
    for tag in _LINK_TAG.findall(content[:262_144] if content else b""):
        href = _HREF.search(tag)
        if not _REL_CANONICAL.search(tag) or not href:
            continue
        raw = next(g for g in href.groups() if g is not None).decode("utf-8", errors="replace")
        canonical = canonical_url(html.unescape(raw), base=url)
        if canonical and urlsplit(canonical).hostname == urlsplit(url).hostname:
            return canonical
        return None
    return None


PAGE_SCHEMA: SchemaDict = {
    "url": pl.String, "feed_url": pl.String, "title": pl.String, "page_date": pl.String,
    "entry_published_at": pl.Datetime("us", "UTC"), "text": pl.String, "lang": pl.String, "site_name": pl.String,
    "page_type": pl.String, "canonical_url": pl.String, "fetched_at": pl.Datetime("us", "UTC"),
    "entry_title": pl.String, "entry_summary": pl.String, "entry_content": pl.String, "fetch_error": pl.String,
    "extract_failed": pl.Boolean,
}


def extract_pages(pages: list[dict], executor: Executor | None = None) -> Iterator[dict]:
    """read_page over pages (dicts with url and content bytes), lazily.

    trafilatura holds the GIL, so pass a process pool as `executor` to use more than one core: the pages are
    submitted at once and the iterator yields their results in order as they arrive.
    """
    contents, urls = [p["content"] for p in pages], [p["url"] for p in pages]
    return executor.map(read_page, contents, urls, chunksize=4) if executor else map(read_page, contents, urls)


def articles_frame(pages: list[dict], metas: Iterable[dict] | None = None) -> pl.DataFrame:
    """pages: dicts with url, feed_url, content (bytes), entry_title, entry_published_at, fetched_at, and the
    entry's feed text entry_summary and entry_content (the page's fallback), fetch_error (the fetch's error kind
    when the page could not be fetched); `metas` their extract_pages() results when already started elsewhere
    (default: extracted here, in this process)."""
    metas = extract_pages(pages) if metas is None else metas
    rows = []
    for page, meta in zip(pages, metas, strict=True):  # one extraction result per page
        rows.append({
            "url": page["url"],
            "feed_url": page.get("feed_url"),
            "title": meta["title"] or page.get("entry_title"),
            "page_date": meta["date"],
            "entry_published_at": page.get("entry_published_at"),
            "text": meta["text"],
            "lang": meta["lang"],
            "site_name": meta["site_name"],
            "page_type": meta["page_type"],
            "canonical_url": meta["canonical_url"],
            "fetched_at": page.get("fetched_at") or datetime.now(timezone.utc),
            "entry_title": page.get("entry_title"),
            "entry_summary": html_to_text(page.get("entry_summary")),
            "entry_content": page.get("entry_content"),
            "fetch_error": page.get("fetch_error"),
            "extract_failed": "error_type" in meta,
        })
    return finish_articles(pl.DataFrame(rows, schema=PAGE_SCHEMA))


def finish_articles(df: pl.DataFrame) -> pl.DataFrame:
    """Choose each article's text (its page's, else its entry's), derive ids, hashes and the publication time (the
    page's own date, else the feed's)."""
    page_date = pl.col("page_date").str.to_datetime("%Y-%m-%d", strict=False).dt.replace_time_zone("UTC")
    df = df.with_columns(pl.col("title", "text").str.replace_all(CONTROL_CHARS, "").str.slice(0, MAX_TEXT_CHARS))
    df = _choose_text(df.with_columns(page_is_article=_looks_like_article()))
    return df.with_columns(
        # One story reached through two URLs (two feeds, tracking variants) is one article: its canonical URL.
        article_id=each(df.select(pl.coalesce("canonical_url", "url")).to_series(), url_hash),
        text_sha=each(df["text"], _sha64),
        published_at=pl.coalesce(pl.col("entry_published_at"), page_date),
    ).select(list(ARTICLE_SCHEMA)).unique("article_id", keep="first", maintain_order=True)  # same story, two URLs


def _choose_text(df: pl.DataFrame) -> pl.DataFrame:
    """The page's text when it reads as a story, else the entry's content, summary or title (the first that is not
    blank). A page that is no story and has no feed text to stand in keeps its text, flagged is_article = false
    (the articles suite quarantines it)."""
    clean = lambda column: pl.col(column).str.replace_all(CONTROL_CHARS, "").str.strip_chars()  # noqa: E731
    feed = [(source, clean(f"entry_{source}").str.slice(0, MAX_TEXT_CHARS)) for source in TEXT_SOURCES[1:]]
    feed_source = pl.coalesce([pl.when(text.str.len_chars() > 0).then(pl.lit(source)) for source, text in feed])
    feed_text = pl.coalesce([pl.when(text.str.len_chars() > 0).then(text) for _, text in feed])
    page_usable = (pl.col("fetch_error").is_null() & ~pl.col("extract_failed").fill_null(False)
                   & (pl.col("text").str.len_chars() > 0) & pl.col("page_is_article"))
    page_error = (pl.when(page_usable).then(None)
                  .when(pl.col("fetch_error").is_not_null()).then(pl.col("fetch_error"))
                  .when(pl.col("extract_failed").fill_null(False)).then(pl.lit("extract_failed"))
                  .when(pl.col("text").str.len_chars() == 0).then(pl.lit("no_text"))
                  .otherwise(pl.lit("not_an_article")))
    use_page = page_usable | feed_source.is_null()
    return df.with_columns(
        text=pl.when(use_page).then(pl.col("text")).otherwise(feed_text),
        text_source=pl.when(use_page).then(pl.when(pl.col("text").str.len_chars() > 0).then(pl.lit("page")))
        .otherwise(feed_source),
        page_error=page_error,
        is_article=page_usable | feed_source.is_not_null(),
    )


def _looks_like_article() -> pl.Expr:
    """Text that reads as a story: not a short 'website' page, not an undated stub, prose rather than a list."""
    text, chars = pl.col("text"), pl.col("text").str.len_chars()
    per_k = lambda pattern: text.str.count_matches(pattern) * 1000 / pl.max_horizontal(chars, 1)  # noqa: E731
    sentence_ends, line_breaks = per_k(r"[.!?][\"”’)]?(?:\s|$)|[。！？]"), per_k(r"\n")
    declared_other = pl.col("page_type").str.to_lowercase().is_in(NON_ARTICLE_PAGE_TYPES).fill_null(False)
    undated = pl.col("page_type").is_null() & pl.col("page_date").is_null()
    is_prose = (sentence_ends >= 2) & ~((line_breaks > 20) & (sentence_ends < line_breaks / 3))
    return is_prose & (chars >= PAGE_MIN_CHARS) & ~((declared_other | undated) & (chars < UNDATED_MIN_CHARS))


def _sha64(value: str) -> str:
    return hashlib.sha256(value.encode("utf-8")).hexdigest()
