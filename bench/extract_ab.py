"""bench/extract_speed.py of two trees, run alternately (the same period, the same load), with the medians.

    .venv/bin/python bench/extract_ab.py --base /path/to/main [--runs 5] [--n 1000]

On a shared machine wall time depends on the others' load: compare CPU-seconds (all polars threads) first. Each run is
a fresh process of the tree's own bench/extract_speed.py with PYTHONPATH set to the tree.
"""
from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def run(tree: Path, n: int) -> dict:
    with tempfile.NamedTemporaryFile(suffix=".json") as out:
        subprocess.run([sys.executable, str(tree / "bench/extract_speed.py"), "--n", str(n), "--json", out.name],
                       env=dict(os.environ, PYTHONPATH=str(tree)), cwd=tree, check=True, capture_output=True)
        res = json.loads(Path(out.name).read_text())
    batch = next(v for k, v in res.items() if k.startswith("batches_of_"))
    return {"articles/s": batch["articles_per_s"], "cpu_s": batch["cpu_seconds"],
            "per_cpu_s": round(n / batch["cpu_seconds"], 1), "one_sentence_cpu_s": res["one_sentence_call_cpu_s"]}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--base", type=Path, required=True)
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--n", type=int, default=1000)
    args = ap.parse_args(argv)
    trees = {"base": args.base.resolve(), "this": ROOT}
    results: dict[str, list[dict]] = {name: [] for name in trees}
    for i in range(args.runs):
        for name, tree in (trees.items() if i % 2 == 0 else reversed(trees.items())):
            r = run(tree, args.n)
            results[name].append(r)
            load = os.getloadavg()[0]
            print(f"run {i + 1} {name:4}: {r}  load {load:.1f}", flush=True)
    for name, rs in results.items():
        med = {k: statistics.median(r[k] for r in rs) for k in rs[0]}
        print(f"median {name:4}: {med}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
