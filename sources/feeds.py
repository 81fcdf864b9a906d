"""The feeds file: a TOML list of [[feeds]] tables with at least `url`."""
from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path

from transforms.urls import canonical_url


class FeedsFileError(ValueError):
    pass


@dataclass(frozen=True)
class Feed:
    url: str
    name: str | None = None


def load_feeds(path: Path | str, base_url: str | None = None) -> list[Feed]:
    """Read and check a feeds file. `base_url` resolves relative feed URLs (used by the demo)."""
    path = Path(path)
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise FeedsFileError(f"feeds file not found: {path}") from None
    except tomllib.TOMLDecodeError as exc:
        raise FeedsFileError(f"{path} is not valid TOML: {exc}") from None
    tables = data.get("feeds")
    if not isinstance(tables, list) or not tables:
        raise FeedsFileError(f"{path} lists no feeds: add [[feeds]] tables with a url")
    feeds, seen = [], set()
    for i, table in enumerate(tables, start=1):
        raw = table.get("url") if isinstance(table, dict) else None
        url = canonical_url(raw, base=base_url)
        if url is None:
            raise FeedsFileError(f"{path}: feed #{i} has no valid http(s) url: {raw!r}")
        if url in seen:
            continue
        seen.add(url)
        feeds.append(Feed(url=url, name=table.get("name")))
    return feeds
