"""One typed settings object: defaults < radar.toml < environment variables."""
from __future__ import annotations

import os
import re
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field, fields, replace
from pathlib import Path

DEFAULT_USER_AGENT = "AI-Industry-Radar/0.1 (+https://github.com/ai-industry-radar)"


def _split(value: str) -> tuple[str, ...]:
    return tuple(part for part in re.split(r"[\s,]+", value.strip()) if part)


@dataclass(frozen=True)
class Settings:
    db_path: Path = Path("warehouse/radar.duckdb")
    # Hosts/addresses that may be fetched although private or loopback (SSRF allow-list).
    allow_hosts: tuple[str, ...] = ()
    alert_urls: tuple[str, ...] = ()
    # 'host=address:port' overrides of where a host is reached (as curl --connect-to); used by the demo.
    connect_to: tuple[str, ...] = ()
    user_agent: str = DEFAULT_USER_AGENT
    connect_timeout_s: float = 5.0
    read_timeout_s: float = 15.0
    total_timeout_s: float = 30.0
    max_feed_bytes: int = 10 * 1024 * 1024
    max_page_bytes: int = 5 * 1024 * 1024
    max_redirects: int = 5
    # One fetch makes at most this many requests: a transient failure (no response, reset, 5xx without Retry-After)
    # is tried again after retry_wait_s, then twice that (with jitter), always within total_timeout_s.
    request_attempts: int = 3
    retry_wait_s: float = 0.5
    per_host_concurrency: int = 2
    # Politeness: seconds between request starts to one host (0 for your own servers, e.g. the demo).
    min_host_interval_s: float = 1.0
    obey_robots: bool = True
    fetch_workers: int = 8
    extract_workers: int = 0  # processes for text extraction; 0 = one per CPU
    article_batch_size: int = 1000
    # Backfill items carry their text (no fetch, no trafilatura for most): bigger batches spread the fixed cost of
    # each validation and extraction call over more rows.
    backfill_batch_size: int = 5000
    # Bounded runs. At most this many article pages of one feed are fetched in one run, oldest entries first;
    # the rest wait for the next run (nothing is dropped; marts.feed_health.n_backlog counts them). 0 = no cap.
    max_pages_per_feed: int = 200
    # Seconds after the run starts when no more page fetch is started: requests in flight finish, committed
    # batches stay, and the remaining pages wait for the next run. 0 = no deadline.
    run_deadline_s: float = 600.0
    extra: dict = field(default_factory=dict)

    @classmethod
    def load(cls, config_file: Path | None = None, env: Mapping[str, str] | None = None, **overrides) -> Settings:
        env = os.environ if env is None else env
        values: dict = {}
        path = config_file or Path(env.get("RADAR_CONFIG", "radar.toml"))
        if path.is_file():
            values.update(tomllib.loads(path.read_text(encoding="utf-8")))
        known = {f.name: f for f in fields(cls)}
        for name in known:
            env_value = env.get(f"RADAR_{name.upper()}")
            if env_value is not None:
                values[name] = env_value
        settings = cls()
        coerced: dict[str, object] = {}
        extra: dict[str, object] = {}
        for key, value in values.items():
            if key not in known:
                extra[key] = value
                continue
            default = getattr(settings, key)
            if isinstance(default, bool):
                coerced[key] = (value.strip().lower() in ("1", "true", "yes", "on") if isinstance(value, str)
                                else bool(value))
            elif isinstance(default, tuple):
                coerced[key] = _split(value) if isinstance(value, str) else tuple(value)
            elif isinstance(default, Path):
                coerced[key] = Path(value)
            elif isinstance(default, (int, float)) and not isinstance(default, bool):
                coerced[key] = type(default)(value)
            else:
                coerced[key] = value
        coerced.update({k: v for k, v in overrides.items() if v is not None})
        return replace(settings, extra=extra, **coerced)  # type: ignore[arg-type]  # each value coerced to its field's type above
