"""The event types, read from their one declaration (transforms/taxonomy.toml, or the file RADAR_TAXONOMY names).

Everything that enumerates the types or their typed fields derives from `TAXONOMY` (loaded once, at import) or, for
the merge keys a user may edit between runs, from `current()` (read again when the file changes).
"""
from __future__ import annotations

import functools
import os
import re
import tomllib
from dataclasses import dataclass
from pathlib import Path

DEFAULT_FILE = Path(__file__).with_name("taxonomy.toml")
# Key fields computed from the mention's fields (see taxonomy.toml, merge_key).
DERIVED_KEY_FIELDS = ("round_or_amount", "pair", "month")
# Fields every mention has besides its type's typed fields, which keys may name.
COMMON_KEY_FIELDS = ("org", "model", "event_date")
# Type and field names: plain lower-case identifiers (a field becomes a warehouse column of that name).
NAME = r"[a-z][a-z0-9_]*"
# polars data types a field may have, with the DuckDB column type that stores it (no polars import here: the alert
# sender and the CLI read this module too).
DTYPES = {"Boolean": "boolean", "String": "varchar", "Float64": "double", "Int64": "bigint"}


@dataclass(frozen=True)
class EventType:
    name: str
    fields: tuple[str, ...]
    rules: str                  # the module whose `mentions(found)` finds this type
    merge_key: tuple[str, ...]
    eval_key: tuple[str, ...]
    other_side: str | None      # undirected events: the field naming the other party
    colour: str
    alerts: bool


@dataclass(frozen=True)
class Field:
    name: str
    dtype: str                  # a polars data type's name (a key of DTYPES)
    values: tuple | None        # the only values allowed, where declared


@dataclass(frozen=True)
class Taxonomy:
    path: Path
    fields: dict[str, Field]            # typed fields, in column order
    types: dict[str, EventType]         # in the order users see them
    extract_order: tuple[str, ...]      # the order the rule modules run in

    @property
    def names(self) -> list[str]:
        return list(self.types)

    def merge_keys(self) -> dict[str, list[str]]:
        return {t.name: list(t.merge_key) for t in self.types.values()}

    def eval_keys(self) -> dict[str, list[str]]:
        return {t.name: list(t.eval_key) for t in self.types.values()}

    def in_extract_order(self) -> list[EventType]:
        listed = [self.types[n] for n in self.extract_order if n in self.types]
        return listed + [t for t in self.types.values() if t.name not in self.extract_order]


def _file() -> Path:
    return Path(os.environ.get("RADAR_TAXONOMY") or DEFAULT_FILE)


def load(path: Path | None = None) -> Taxonomy:
    """Read and check a taxonomy file: every type names declared fields, a rule module, and keys over known fields."""
    path = path or _file()
    raw = tomllib.loads(path.read_text(encoding="utf-8"))
    fields = {}
    bad = [n for n in [*raw.get("fields", {}), *raw.get("types", {})] if not re.fullmatch(NAME, n)]
    if bad:
        raise ValueError(f"{path}: names must be lower-case identifiers ({NAME}): {bad}")
    for name, spec in raw.get("fields", {}).items():
        if spec.get("dtype") not in DTYPES:
            raise ValueError(f"{path}: field {name!r} has dtype {spec.get('dtype')!r}; use one of {sorted(DTYPES)}")
        values = spec.get("values")
        fields[name] = Field(name, spec["dtype"], tuple(values) if values is not None else None)
    types = {}
    for name, spec in raw.get("types", {}).items():
        type_ = EventType(name=name, fields=tuple(spec.get("fields", ())), rules=spec["rules"],
                          merge_key=tuple(spec["merge_key"]), eval_key=tuple(spec.get("eval_key", ())),
                          other_side=spec.get("other_side"), colour=spec["colour"], alerts=bool(spec.get("alerts")))
        unknown = set(type_.fields) - set(fields)
        unknown |= set(type_.merge_key) - set(fields) - set(COMMON_KEY_FIELDS) - set(DERIVED_KEY_FIELDS)
        unknown |= set(type_.eval_key) - set(fields) - set(COMMON_KEY_FIELDS)
        if unknown:
            raise ValueError(f"{path}: type {name!r} names undeclared fields {sorted(unknown)}")
        types[name] = type_
    return Taxonomy(path, fields, types, tuple(raw.get("extract", {}).get("order", ())))


TAXONOMY = load()


@functools.lru_cache(maxsize=8)
def _cached(path: str, mtime_ns: int) -> Taxonomy:
    return load(Path(path))


def current() -> Taxonomy:
    """The taxonomy as the file says now, read again only when it changes: merge keys edited between runs take effect
    on the next batch (and `radar reprocess` re-keys stored mentions by them)."""
    path = _file()
    return _cached(str(path), path.stat().st_mtime_ns)
