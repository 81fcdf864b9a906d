"""Per-stage timing of the ingest flow without touching the pipeline code.

`StageClock.install()` replaces module attributes in this process only (monkeypatching, as a test would):
the stage functions the flow calls are wrapped so every call records (stage, start, end, thread). Names that
flows/ingest.py imports directly (`from transforms.articles import articles_frame`) are patched in the
`flows.ingest` namespace as well as in their home module.

Stages run concurrently in places (feeds are fetched by a thread pool; page text is extracted in worker processes
while the flow finishes the previous batch), so each stage reports both
`sum_s` (total time inside its calls, over all threads) and `wall_s` (length of the union of its call intervals:
how long the stage was running at all). What the flow's wall time does not cover with any stage is Prefect's
own work (task and flow run bookkeeping against the API, state handling) plus the flow's glue code.
"""
from __future__ import annotations

import cProfile
import functools
import io
import pstats
import threading
import time
from dataclasses import dataclass
from pathlib import Path

# Order of the report; "nested" stages run inside another one and are not added to the accounted time.
STAGES = [
    "fetch feeds", "parse feeds", "fetch pages", "extract text", "extract events", "validate",
    "load", "warehouse bookkeeping", "flow glue",
]
NESTED = ["gx setup (import + context)"]


@dataclass
class Call:
    stage: str
    detail: object
    start: float
    end: float
    thread: int
    cpu: float  # process CPU seconds (all threads) during the call: robust to a busy machine for sequential stages


def time_calls(phases: dict[str, float], owner, name: str, label: str) -> None:
    """Replace owner.name (in this process only) so the time spent in each call adds to phases[label]."""
    real = getattr(owner, name)

    def timed(*args, **kwargs):
        start = time.perf_counter()
        try:
            return real(*args, **kwargs)
        finally:
            phases[label] = phases.get(label, 0.0) + time.perf_counter() - start

    setattr(owner, name, timed)


def union_length(intervals: list[tuple[float, float]]) -> float:
    total, cur_start, cur_end = 0.0, None, None
    for start, end in sorted(intervals):
        if cur_end is None or start > cur_end:
            if cur_end is not None:
                total += cur_end - cur_start
            cur_start, cur_end = start, end
        else:
            cur_end = max(cur_end, end)
    if cur_end is not None:
        total += cur_end - cur_start
    return total


class StageClock:
    def __init__(self, feed_urls: set[str], profile_stage: str | None = None):
        self.feed_urls = feed_urls
        self.calls: list[Call] = []
        self._lock = threading.Lock()
        self._patched: list[tuple[object, str, object]] = []
        self.missing: list[str] = []
        self.profile_stage = profile_stage
        self.profiler = cProfile.Profile() if profile_stage else None
        self._profiling = threading.Lock()

    # ------------------------------------------------------------------ wrapping
    def _wrap(self, fn, stage: str, detail=None, when=None):
        clock = self

        @functools.wraps(fn)
        def timed(*args, **kwargs):
            if when is not None and not when(*args, **kwargs):
                return fn(*args, **kwargs)
            try:  # the pipeline's signatures move on; a detail that no longer fits is dropped, not fatal
                info = detail(*args, **kwargs) if detail else None
            except Exception:
                info = None
            # cProfile follows one thread: profile a call only when no other thread is being profiled.
            prof = stage == clock.profile_stage and clock._profiling.acquire(blocking=False)
            start, cpu_start = time.perf_counter(), time.process_time()
            if prof:
                clock.profiler.enable()
            try:
                return fn(*args, **kwargs)
            finally:
                if prof:
                    clock.profiler.disable()
                    clock._profiling.release()
                end, cpu = time.perf_counter(), time.process_time() - cpu_start
                with clock._lock:
                    clock.calls.append(Call(stage, info, start, end, threading.get_ident(), cpu))

        timed.__wrapped_by_bench__ = fn
        return timed

    def _patch(self, owner, name: str, stage: str, **kw) -> None:
        original = getattr(owner, name, None)
        if original is None:  # renamed or removed in the pipeline: report it instead of failing
            self.missing.append(f"{getattr(owner, '__name__', owner)}.{name}")
            return
        self._patched.append((owner, name, original))
        setattr(owner, name, self._wrap(original, stage, **kw))

    def install(self) -> StageClock:
        import expectations
        import expectations.runner
        import flows.ingest as ingest_mod
        import transforms.articles
        import transforms.extract
        import transforms.ingest_rows
        from flows import workers
        from sources import fetch_policy, polling
        from sources.http import Fetcher
        from warehouse import db, stages

        feed_urls = self.feed_urls

        def first_arg(args, kwargs, name):  # args[0] is the instance for methods
            return args[1] if len(args) > 1 else kwargs.get(name)

        self._patch(Fetcher, "get", "fetch feeds", when=lambda *a, **k: first_arg(a, k, "url") in feed_urls)
        # get_many fetches the feeds too (then its calls to get are timed as "fetch feeds").
        self._patch(Fetcher, "get_many", "fetch pages", detail=lambda *a, **k: len(first_arg(a, k, "urls")),
                    when=lambda *a, **k: not set(first_arg(a, k, "urls") or []) & feed_urls)
        self._patch(Fetcher, "robots_refusal", "fetch pages")
        # Feeds and pages are parsed in worker processes (a wrapped parse_feed could not be pickled to them): time
        # the calls that hand them out and collect the results (pages: in the extract-articles task's thread).
        self._patch(workers, "parse_feeds", "parse feeds")
        self._patch(workers, "read_pages", "extract text", detail=lambda pages, *a, **k: len(pages))
        for owner in (transforms.articles, ingest_mod):
            self._patch(owner, "articles_frame", "extract text")
        for owner in (transforms.extract, ingest_mod):
            self._patch(owner, "extract_mentions", "extract events", detail=lambda articles, *a, **k: articles.height)
        # flows/ingest.py calls expectations.validate through the package attribute (its validate task);
        # expectations.runner.validate is the same function, left alone to avoid double counting.
        self._patch(expectations, "validate", "validate", detail=lambda table, df, *a, **k: (table, df.height))
        self._patch(expectations.runner, "_context", "gx setup (import + context)")
        for name in ("load_batch", "load_article_batch"):
            self._patch(stages, name, "load")
        for name in ("start_run", "finish_run", "feed_states", "rate_limits", "pending_articles"):
            self._patch(stages, name, "warehouse bookkeeping")
        for name in ("migrate", "query"):
            self._patch(db, name, "warehouse bookkeeping")
        # The poll's decisions and row shaping (pure functions the flow calls).
        for name in ("due_feeds", "feed_polls", "feed_states", "fetch_log", "retry_after_limits", "held_off"):
            self._patch(polling, name, "flow glue")
        for name in ("pages_for_run", "not_held_off", "settled_pages", "give_up_last_attempts"):
            self._patch(fetch_policy, name, "flow glue")
        for name in ("pages_to_extract", "text_quarantine"):
            self._patch(transforms.ingest_rows, name, "flow glue")
        self._patch(ingest_mod, "run_summary_markdown", "flow glue")
        return self

    def uninstall(self) -> None:
        for owner, name, original in reversed(self._patched):
            setattr(owner, name, original)
        self._patched.clear()

    def reset(self) -> None:
        with self._lock:
            self.calls.clear()

    # ------------------------------------------------------------------ report
    def report(self, flow_start: float, flow_end: float) -> dict:
        """Per-stage seconds for the calls between flow_start and flow_end."""
        wall = flow_end - flow_start
        calls = [c for c in self.calls if c.start >= flow_start - 1e-6 and c.end <= flow_end + 1e-6]
        stages = {}
        for name in STAGES + NESTED:
            mine = [c for c in calls if c.stage == name]
            entry = {
                "calls": len(mine),
                "sum_s": round(sum(c.end - c.start for c in mine), 4),
                "wall_s": round(union_length([(c.start, c.end) for c in mine]), 4),
                # Summed per call; overlapping calls (threaded stages) count shared CPU more than once.
                "process_cpu_s": round(sum(c.cpu for c in mine), 4),
                "nested": name in NESTED,
            }
            entry["share_of_flow"] = round(entry["wall_s"] / wall, 4) if wall else None
            if name == "validate":
                per_table: dict[str, dict] = {}
                for c in mine:
                    table, rows = c.detail if isinstance(c.detail, tuple) else ("?", 0)
                    t = per_table.setdefault(table, {"calls": 0, "rows": 0, "sum_s": 0.0})
                    t["calls"] += 1
                    t["rows"] += rows
                    t["sum_s"] = round(t["sum_s"] + c.end - c.start, 4)
                entry["by_table"] = per_table
            elif mine and isinstance(mine[0].detail, int):
                entry["items"] = sum(c.detail for c in mine if isinstance(c.detail, int))
            stages[name] = entry
        accounted = union_length([(c.start, c.end) for c in calls if c.stage in STAGES])
        stages["prefect + unattributed"] = {
            "calls": 0, "sum_s": round(wall - accounted, 4), "wall_s": round(wall - accounted, 4), "nested": False,
            "share_of_flow": round((wall - accounted) / wall, 4) if wall else None,
        }
        return {"flow_wall_s": round(wall, 4), "accounted_wall_s": round(accounted, 4), "stages": stages,
                "unpatched": list(self.missing)}

    def profile_report(self, top: int = 30) -> dict | None:
        if not self.profiler:
            return None
        stats = pstats.Stats(self.profiler)
        rows = []
        for (file, line, func), (_cc, nc, tt, ct, _callers) in stats.stats.items():  # type: ignore[attr-defined]
            rows.append({"function": f"{func} ({_short(file)}:{line})", "ncalls": nc, "tottime_s": round(tt, 4),
                         "cumtime_s": round(ct, 4)})
        by_cum = sorted(rows, key=lambda r: r["cumtime_s"], reverse=True)[:top]
        ours = sorted((r for (file, _, _), r in zip(stats.stats, rows, strict=True)  # type: ignore[attr-defined]
                       if file.startswith(_REPO) and "/bench/" not in file),
                      key=lambda r: r["cumtime_s"], reverse=True)[:top]
        by_tot = sorted(rows, key=lambda r: r["tottime_s"], reverse=True)[:top]
        text = io.StringIO()
        pstats.Stats(self.profiler, stream=text).sort_stats("tottime").print_stats(top)
        total = max((r["cumtime_s"] for r in rows), default=0.0)
        return {"stage": self.profile_stage, "profiled_s": total, "pipeline_functions_cumulative": ours,
                "top_cumulative": by_cum, "top_self": by_tot, "pstats_text": text.getvalue()}


_REPO = str(Path(__file__).resolve().parent.parent) + "/"


def _short(path: str) -> str:
    for marker in ("site-packages/", _REPO, "lib/python3.11/"):
        if marker in path:
            return path.split(marker, 1)[1]
    return path
