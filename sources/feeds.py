"""The feeds file: a TOML list of [[feeds]] tables with at least `url`."""
from __future__ import annotations

import hashlib
import tomllib
from dataclasses import dataclass
from pathlib import Path

from sources.politeness import registrable_domain
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


# --------------------------------------------------------------------------- shards

class ShardError(ValueError):
    pass


@dataclass(frozen=True)
class Shard:
    """Shard `index` of `count` (1-based, written "I/N"): the feeds one worker polls."""
    index: int
    count: int

    def __str__(self) -> str:
        return f"{self.index}/{self.count}"


def parse_shard(text: str) -> Shard:
    """'2/4' -> Shard(2, 4). Shards are numbered from 1 to N."""
    index, sep, count = (text or "").strip().partition("/")
    if not sep or not index.strip().isdigit() or not count.strip().isdigit():
        raise ShardError(f"a shard is written I/N (e.g. 1/4), got {text!r}")
    shard = Shard(int(index), int(count))
    if not 1 <= shard.index <= shard.count:
        raise ShardError(f"shard {text!r}: I must be between 1 and N")
    return shard


def shard_of(url: str, count: int) -> int:
    """The shard (1..count) that polls this feed: chosen by its registrable domain, so every feed of one site lands
    in one worker and per-site politeness (request spacing, Retry-After) stays in that worker. A digest, not
    hash(): the same on every machine and every run (Python salts str hashes per process)."""
    digest = hashlib.blake2b(registrable_domain(url).encode("utf-8"), digest_size=8).digest()
    return int.from_bytes(digest, "big") % count + 1


def feeds_in_shard(feeds: list[Feed], shard: Shard | None) -> list[Feed]:
    """The feeds of one shard, in their order; all of them without a shard."""
    if shard is None or shard.count == 1:
        return list(feeds)
    return [f for f in feeds if shard_of(f.url, shard.count) == shard.index]
