"""Which regexes one extract_mentions call compiles, and what each costs to compile (issue 17).

    PYTHONPATH=. .venv/bin/python bench/regex_profile.py [--n 1000] [--top 30]

polars keeps 32 compiled regexes per thread, and one call uses ~300 distinct ones: each is compiled again on every
call. This logs every regex pattern the polars string methods are given during one call (the call site too), then
times compiling each one alone (on a one-row frame, made new by an empty comment in front).
"""
from __future__ import annotations

import argparse
import sys
import time
import traceback
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import polars as pl  # noqa: E402
from polars.expr.string import ExprStringNameSpace  # noqa: E402

# method -> the positional index of its pattern argument
METHODS = {"contains": 0, "extract": 0, "extract_all": 0, "replace": 0, "replace_all": 0, "find": 0,
           "count_matches": 0, "extract_groups": 0}
CALLS: dict[str, list[str]] = defaultdict(list)  # pattern -> call sites
ON = [False]
SEEN = [0]


def _patch() -> None:
    for name, _ in METHODS.items():
        real = getattr(ExprStringNameSpace, name)

        def wrapper(self, *args, _real=real, _name=name, **kwargs):
            pattern = args[0] if args else kwargs.get("pattern")
            if ON[0] and isinstance(pattern, str) and not kwargs.get("literal"):
                site = next((f"{Path(f.filename).name}:{f.lineno}" for f in reversed(traceback.extract_stack()[:-1])
                             if "/transforms/" in f.filename), "?")
                CALLS[pattern].append(f"{_name}@{site}")
            return _real(self, *args, **kwargs)

        setattr(ExprStringNameSpace, name, wrapper)


def compile_seconds(pattern: str, repeat: int = 2) -> float:
    best = float("inf")
    for _ in range(repeat):
        # a pattern never compiled before (the cache is keyed by the text): the same one after an empty comment
        SEEN[0] += 1
        start = time.perf_counter()
        try:
            pl.select(pl.lit("x").str.contains(f"(?x:#{SEEN[0]}\n){pattern}"))
        except Exception:  # noqa: BLE001 - a replacement string or the like
            return float("nan")
        best = min(best, time.perf_counter() - start)
    return best


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=1000)
    ap.add_argument("--top", type=int, default=30)
    args = ap.parse_args(argv)
    _patch()
    import extract_speed

    from transforms import gazetteer as gaz
    from transforms.extract import extract_mentions

    articles = extract_speed.make_texts(args.n)
    g = gaz.default()
    extract_mentions(articles.head(20), g)
    ON[0] = True
    cpu = time.process_time()
    extract_mentions(articles, g)
    cpu = time.process_time() - cpu
    ON[0] = False
    rows = [(compile_seconds(p), p, sites) for p, sites in CALLS.items()]
    rows.sort(key=lambda r: -(r[0] if r[0] == r[0] else 0))
    total = sum(r[0] for r in rows if r[0] == r[0])
    print(f"{args.n} articles: {cpu:.2f} CPU-s; {len(CALLS)} distinct patterns in {sum(map(len, CALLS.values()))} "
          f"calls; compiling them once: {total:.2f} s")
    for secs, pattern, sites in rows[: args.top]:
        where = ", ".join(sorted(set(sites)))
        print(f"{secs * 1000:8.1f} ms {len(pattern):6} chars x{len(sites)}  {where}  {pattern[:60]!r}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
