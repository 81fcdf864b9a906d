"""The single Great Expectations boundary of the pipeline.

`validate(table, df, key)` checks a polars frame against the row-level suite for
`table` and splits it into (valid, quarantined). This is the only module that
imports great_expectations, and it does so lazily (the import takes seconds): the
first non-empty `validate()` / `suite_summary()` call in a process imports GX and
builds one ephemeral context plus the suites; later calls reuse them. `prewarm()` starts
that import in a background thread so a flow can overlap it with fetching.

Each non-empty `validate()` also keeps its result (failing rows cut down to a sample);
`take_results()` hands them over for the run's Data Docs (expectations/datadocs.py).
"""
from __future__ import annotations

import html
import importlib
import json
import logging
import math
import os
import sys
import threading
import types
from collections import Counter, deque
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

import polars as pl

TABLES: tuple[str, ...] = ("entries", "articles", "mentions")

QUARANTINE_SCHEMA: dict[str, pl.DataType] = {
    "table_name": pl.String(),
    "row_key": pl.String(),
    "expectations": pl.String(),
    "row_json": pl.String(),
}

# Per-row results: COMPLETE is the only format that returns *every* failing index
# (SUMMARY/BASIC truncate to partial_unexpected_count). Skip what we do not use.
_RESULT_FORMAT: dict[str, Any] = {
    "result_format": "COMPLETE",
    "partial_unexpected_count": 0,
    "include_unexpected_rows": False,
    "return_unexpected_index_query": False,
}

_DATASOURCE_NAME = "radar_boundary"

_lock = threading.RLock()  # guards the cache and the (not thread-safe) GX context
_state: dict[str, Any] = {}  # "gx", "context", "batch_definitions", "prewarm" (the thread)
_suites: dict[tuple, _Suite] = {}

# Every validation result since the last take_results(), for the run's Data Docs (expectations/datadocs.py).
# Bounded so a long-lived process that never builds docs cannot grow without limit; a run makes
# 1 + 2 * (pages / batch size) of them.
MAX_KEPT_RESULTS = 2000
SAMPLE_ROWS = 20  # failing rows per expectation kept for the docs (their values and row keys)
_kept: deque[Validation] = deque(maxlen=MAX_KEPT_RESULTS)
_kept_lock = threading.Lock()  # not `_lock`: a prewarm thread holds that for seconds while it imports GX


@dataclass(frozen=True)
class _Suite:
    gx_suite: Any  # great_expectations.ExpectationSuite
    names: tuple[str, ...]  # quarantine names, in suite order
    columns: frozenset[str]  # columns the suite reads
    position: dict[str, int]  # name -> index in `names`
    summary: tuple[str, ...]


@dataclass(frozen=True)
class Validation:
    """One non-empty validate() call, kept for Data Docs."""

    table: str
    suite: Any  # great_expectations.ExpectationSuite
    result: Any  # ExpectationSuiteValidationResult; failing rows cut down to a sample (see _keep)
    n_rows: int


def empty_quarantine() -> pl.DataFrame:
    """A zero-row quarantine frame with the standard schema."""
    return pl.DataFrame(schema=QUARANTINE_SCHEMA)


def expectation_name(expectation_type: str, column: str | None) -> str:
    """'expect_column_values_to_match_regex' + 'url' -> 'expect_column_values_to_match_regex(url)'."""
    return f"{expectation_type}({column})" if column else expectation_type


# --------------------------------------------------------------------------- GX plumbing


def _gx():
    """Import great_expectations (once); analytics off before the import."""
    gx = _state.get("gx")
    if gx is None:
        os.environ["GX_ANALYTICS_ENABLED"] = "false"
        _defer_unused_imports()
        with _without_sqlalchemy():
            import great_expectations as gx  # noqa: PLC0415 - deliberately lazy (seconds)
            from great_expectations.execution_engine import pandas_execution_engine  # noqa: PLC0415

        # GX hashes every cell of each dataframe it gets (under 1 GB) for a "pandas_data_fingerprint" in the
        # batch markers, which nothing here reads: half the time of validating articles (their text) or 100k
        # mentions. Threshold 0: no fingerprint; which rows pass is unchanged.
        pandas_execution_engine.HASH_THRESHOLD = 0

        # Its INFO lines (temporary docs dirs and such) are noise in a pipeline's log.
        for name in ["great_expectations", *logging.root.manager.loggerDict]:
            if name.startswith("great_expectations"):
                logging.getLogger(name).setLevel(logging.WARNING)

        _state["gx"] = gx
    return gx


class _ImportedOnFirstUse(types.ModuleType):
    """Stands for a module until one of its attributes is read, then imports it and reads from it."""

    def __getattr__(self, name: str) -> Any:
        if sys.modules.get(self.__name__) is self:
            del sys.modules[self.__name__]  # from now on the module itself
        return getattr(importlib.import_module(self.__name__), name)


def _defer_unused_imports() -> None:
    """GX imports modules for features we never use, at a cost paid by every run that validates: `from scipy import
    stats` in three distribution expectations (~1.3 CPU-s) and `import altair` for the charts of one of them (~0.4).
    Until something reads them for real, they are stand-ins that import them on first use. scipy.stats is set on the
    scipy package (the import system would load a lazy sys.modules entry of a submodule at once, to read its
    `__spec__`); altair, a top-level module, is a sys.modules entry."""
    if "scipy.stats" not in sys.modules:
        import scipy  # type: ignore[import-untyped]  # noqa: PLC0415 - the package alone is cheap

        if "stats" not in vars(scipy):
            scipy.stats = _ImportedOnFirstUse("scipy.stats")
    sys.modules.setdefault("altair", _ImportedOnFirstUse("altair"))


@contextmanager
def _without_sqlalchemy() -> Iterator[None]:
    """GX as installed without its optional SQL support (sqlalchemy), which validating frames does not use: the
    import of sqlalchemy fails for GX's import alone (~0.45 CPU-s saved). A process that has sqlalchemy already keeps
    it; another thread importing sqlalchemy during these seconds would fail (none does: the Prefect client does not
    import it, its API server runs in a process of its own)."""
    if "sqlalchemy" in sys.modules:
        yield
        return
    sys.modules["sqlalchemy"] = None  # type: ignore[assignment]  # `import sqlalchemy` raises ImportError
    try:
        yield
    finally:
        if sys.modules.get("sqlalchemy", 0) is None:
            del sys.modules["sqlalchemy"]


def prewarm() -> None:
    """Start importing GX and building the context in a background thread, so that a run can overlap the
    seconds this takes with fetching feeds. Idempotent; validate() works whether or not this was called or
    has finished (it waits on `_lock`, which the thread holds while it builds the context)."""
    if _state.get("context") is not None or _state.get("prewarm") is not None:
        return
    # Non-blocking: if `_lock` is busy, GX is already being imported or used, so there is nothing to warm.
    if not _lock.acquire(blocking=False):
        return
    try:
        if _state.get("context") is None and _state.get("prewarm") is None:
            thread = threading.Thread(target=_prewarm, name="gx-prewarm", daemon=True)
            _state["prewarm"] = thread
            thread.start()
    finally:
        _lock.release()


def _prewarm() -> None:
    try:
        _context()
    except Exception:  # noqa: BLE001 - the first validate() builds it again and raises there, where it matters
        logging.getLogger(__name__).debug("GX prewarm failed", exc_info=True)


def _context():
    """The per-process ephemeral context with one pandas dataframe asset per table."""
    with _lock:
        ctx = _state.get("context")
        if ctx is not None:
            return ctx
        gx = _gx()
        from great_expectations.data_context.types.base import ProgressBarsConfig  # noqa: PLC0415

        ctx = gx.get_context(mode="ephemeral")
        # No tqdm "Calculating Metrics" bars on stderr for every validation.
        ctx.variables.progress_bars = ProgressBarsConfig(globally=False, metric_calculations=False)
        ctx.variables.analytics_enabled = False
        datasource = ctx.data_sources.add_pandas(_DATASOURCE_NAME)
        _state["batch_definitions"] = {
            table: datasource.add_dataframe_asset(table).add_batch_definition_whole_dataframe("whole")
            for table in TABLES
        }
        _state["context"] = ctx
        return ctx


def _check_table(table: str) -> None:
    if table not in TABLES:
        raise ValueError(f"no expectation suite for table {table!r}; known: {', '.join(TABLES)}")


def _suite(table: str, params: dict[str, Any]) -> _Suite:
    """Build (once per table and parameter set) the GX suite for `table`."""
    _check_table(table)
    cache_key = (table, tuple(sorted(params.items())))
    with _lock:
        cached = _suites.get(cache_key)
        if cached is not None:
            return cached
        ctx = _context()
        gx = _state["gx"]
        module = importlib.import_module(f"{__package__}.{table}")
        exps = list(module.expectations(**params))

        names: list[str] = []
        columns: set[str] = set()
        summary: list[str] = []
        for exp in exps:
            kwargs = dict(exp.configuration.kwargs)
            column = kwargs.pop("column", None)
            name = expectation_name(exp.expectation_type, column)
            if name in names:
                raise ValueError(f"suite {table!r} has two expectations named {name}")
            if column is None:
                raise ValueError(f"{name}: only single-column row-level expectations are supported")
            names.append(name)
            columns.add(column)
            detail = ", ".join(f"{k}={v!r}" for k, v in kwargs.items())
            summary.append(f"{name}: {detail}" if detail else name)

        suite_name = table + (
            "[" + ",".join(f"{k}={v}" for k, v in cache_key[1]) + "]" if params else ""
        )
        gx_suite = ctx.suites.add(gx.ExpectationSuite(name=suite_name, expectations=exps))
        built = _Suite(
            gx_suite=gx_suite,
            names=tuple(names),
            columns=frozenset(columns),
            position={n: i for i, n in enumerate(names)},
            summary=tuple(summary),
        )
        _suites[cache_key] = built
        return built


def _raised_exception(exception_info: Any) -> str | None:
    """GX puts either {'raised_exception': ...} or {<metric id>: {'raised_exception': ...}} here."""
    if not exception_info:
        return None
    infos = [exception_info] if "raised_exception" in exception_info else list(exception_info.values())
    for info in infos:
        if isinstance(info, dict) and info.get("raised_exception"):
            return str(info.get("exception_message") or "unknown error")
    return None


# --------------------------------------------------------------------------- JSON rows


def _rows_json(frame: pl.DataFrame) -> list[str]:
    """Each row as a JSON object (datetimes as ISO-8601 strings, binary as hex).

    polars writes NaN/inf floats as null; where that would hide the reason a row
    failed, the value is written as the string "NaN" / "Infinity" / "-Infinity".
    """
    # polars' JSON writer panics on Binary columns: write those as hex strings.
    binary = [pl.col(c).bin.encode("hex") for c, t in frame.schema.items() if t == pl.Binary]
    encodable = frame.with_columns(binary) if binary else frame
    encoded = encodable.select(pl.struct(pl.all()).struct.json_encode().alias("j")).to_series().to_list()
    float_cols = [c for c, t in frame.schema.items() if t in (pl.Float32, pl.Float64)]
    if not float_cols:
        return encoded
    nonfinite = frame.select(
        pl.any_horizontal([pl.col(c).is_nan() | pl.col(c).is_infinite() for c in float_cols])
        .fill_null(False)
        .alias("x")
    ).to_series()
    for i in nonfinite.arg_true().to_list():
        row = json.loads(encoded[i])
        for c in float_cols:
            v = frame[i, c]
            if v is not None and not math.isfinite(v):
                row[c] = "NaN" if math.isnan(v) else ("Infinity" if v > 0 else "-Infinity")
        encoded[i] = json.dumps(row, ensure_ascii=False, separators=(",", ":"))
    return encoded


# --------------------------------------------------------------------------- public API


def validate(
    table: str, df: pl.DataFrame, key: str, **suite_params: Any
) -> tuple[pl.DataFrame, pl.DataFrame]:
    """Validate df against the suite for `table` ('entries' | 'articles' | 'mentions').

    Returns (valid, quarantined). `valid` has exactly df's schema and the rows that
    passed every expectation, in original order. `quarantined` has one row per
    failing input row, in input order, with columns table_name, row_key (column
    `key` as string), expectations (comma-separated failed expectation names such
    as 'expect_column_values_to_match_regex(url)', in suite order) and row_json
    (the row as a JSON object, datetimes as ISO strings). An empty df returns
    (df, empty quarantine frame) without touching GX.

    `suite_params` are passed to the table's expectation builder, e.g.
    validate("entries", df, "entry_id", some_limit=10) for a builder that takes `some_limit`.

    Raises ValueError for an unknown table, a missing key column or a df lacking
    a column the suite checks, and RuntimeError if GX fails to evaluate an
    expectation (as opposed to rows failing it).
    """
    _check_table(table)
    if key not in df.columns:
        raise ValueError(f"key column {key!r} not in {table} frame (columns: {df.columns})")
    if df.height == 0:
        return df, empty_quarantine()

    suite = _suite(table, suite_params)
    missing = suite.columns.difference(df.columns)
    if missing:
        raise ValueError(f"{table} frame lacks column(s) the suite checks: {sorted(missing)}")

    # The polars -> pandas boundary: only the checked columns, positional 0..n-1 index,
    # so GX's unexpected_index_list values are row positions in df.
    pdf = df.select([c for c in df.columns if c in suite.columns]).to_pandas()
    pdf = pdf.reset_index(drop=True)

    with _lock:
        batch = _state["batch_definitions"][table].get_batch(batch_parameters={"dataframe": pdf})
        result = batch.validate(suite.gx_suite, result_format=_RESULT_FORMAT)

    failed: dict[int, set[int]] = {}
    for res in result.results:
        cfg = res.expectation_config
        name = expectation_name(cfg.type, cfg.kwargs.get("column"))
        error = _raised_exception(res.exception_info)
        if error is not None:
            raise RuntimeError(f"{table}: GX could not evaluate {name}: {error}")
        if res.success:
            continue
        indexes = (res.result or {}).get("unexpected_index_list")
        if not indexes:
            raise RuntimeError(f"{table}: {name} failed without row indexes: {res.result!r}")
        pos = suite.position[name]
        for idx in indexes:
            failed.setdefault(int(idx), set()).add(pos)

    _keep(table, suite, result, df, key)
    if not failed:
        return df, empty_quarantine()

    bad_positions = sorted(failed)
    mask = pl.Series("bad", [False] * df.height, dtype=pl.Boolean).scatter(bad_positions, True)
    valid = df.filter(~mask)
    bad = df.filter(mask)
    quarantined = pl.DataFrame(
        {
            "table_name": [table] * len(bad_positions),
            "row_key": bad.get_column(key).cast(pl.String),
            "expectations": [
                ",".join(suite.names[p] for p in sorted(failed[i])) for i in bad_positions
            ],
            "row_json": _rows_json(bad),
        },
        schema=QUARANTINE_SCHEMA,
    )
    return valid, quarantined


def _keep(table: str, suite: _Suite, result: Any, df: pl.DataFrame, key: str) -> None:
    """Keep the result for Data Docs, with each failing expectation's rows cut down to a sample that GX's
    page renderer shows as a table of value, count and row key (the full lists can be as long as the batch).

    The sample is HTML-escaped here: GX writes these values into its table cells as raw HTML, and they come
    from feeds and web pages. They are kept for those pages only.
    """
    for res in result.results:
        details = res.result
        if res.success or not details or not details.get("unexpected_index_list"):
            continue
        positions = [int(i) for i in details["unexpected_index_list"][:SAMPLE_ROWS]]
        values = [_display(v) for v in (details.get("unexpected_list") or [])[:SAMPLE_ROWS]]
        values += [None] * (len(positions) - len(values))
        keys = [_display(k) for k in df.get_column(key).cast(pl.String).gather(positions).to_list()]
        column = res.expectation_config.kwargs.get("column")
        # GX may list more values than indexes
        details["unexpected_index_list"] = [{column: v, "row_key": k} for v, k in zip(values, keys, strict=False)]
        details["unexpected_index_column_names"] = ["row_key"]
        details["partial_unexpected_list"] = values
        details["partial_unexpected_counts"] = [{"value": v, "count": n} for v, n in Counter(values).most_common()]
        details.pop("unexpected_list", None)
    with _kept_lock:
        _kept.append(Validation(table=table, suite=suite.gx_suite, result=result, n_rows=df.height))


def _display(value: Any) -> str | None:
    """A sampled value as escaped text; missing values (None, NaN, pandas NA) as None, which GX shows as null."""
    if value is None or (isinstance(value, float) and math.isnan(value)) or type(value).__name__ == "NAType":
        return None
    return html.escape(str(value)[:200], quote=True)


def take_results() -> list[Validation]:
    """The validation results kept since the last call, oldest first, and forget them (one run's worth)."""
    with _kept_lock:
        taken = list(_kept)
        _kept.clear()
    return taken


def suite_summary() -> dict[str, list[str]]:
    """table -> human-readable expectation names (with their parameters), for docs.

    Uses each table's default parameters. Imports GX on first use.
    """
    return {table: list(_suite(table, {}).summary) for table in TABLES}
