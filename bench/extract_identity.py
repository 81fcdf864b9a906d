"""Output identity of the extractor: extract_mentions of this tree against a baseline tree, on the same inputs.

    .venv/bin/python bench/extract_identity.py                      # baseline: main at c46962b (exported once)
    .venv/bin/python bench/extract_identity.py --base ../other-checkout --refresh

For speed work: a change must not alter any mention. The corpora (built once by this process, the same parquet for
both sides): realdev, the realset (295 real articles), tests/devset, demo (html pages, through the text extractor),
all of them in one batch, and 2,000 bench articles (bench/extract_speed.make_texts). Each is extracted in one call
and in batches of 7 (a batch's script and hits decide which patterns run), each side in its own process with
PYTHONPATH set to its tree; the mention frames and the model occurrences (Found.models) are compared exactly after
sorting. The baseline's outputs are cached per baseline tree and corpus (--refresh to redo them).
"""
from __future__ import annotations

import argparse
import hashlib
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BASE_COMMIT = "c46962b"
CACHE = Path(tempfile.gettempdir()) / "extract_identity"
SETS = {"realdev": ROOT.parent / "shared/realdev", "realset": ROOT.parent / "realset-cache",  # beside the repo
        "devset": ROOT / "tests/devset", "demo": ROOT / "demo"}
BATCHES = (0, 7)  # 0: the whole corpus in one call


def build_corpora(out: Path, bench_n: int) -> list[str]:
    """Input frames as parquet files in `out`; returns their names."""
    from datetime import datetime, timezone

    import polars as pl

    sys.path.insert(0, str(ROOT / "bench"))
    from cli.main import _article_from_file
    from transforms.articles import extract_page
    from transforms.evaluate import load_labelled_set

    schema = {"article_id": pl.String, "title": pl.String, "text": pl.String, "published_at": pl.Datetime("us", "UTC")}
    frames = {}
    for name, path in SETS.items():
        if not path.exists():
            print(f"  (no {name} at {path})")
            continue
        _, items = load_labelled_set(path)
        rows = []
        for a in items:
            title, text, date = _article_from_file(a["path"].read_bytes(), a["path"], extract_page)
            day = a["published"] or date
            published = datetime.fromisoformat(day[:10]).replace(tzinfo=timezone.utc) if day else None
            rows.append({"article_id": f"{name}:{a['id']}", "title": title, "text": text, "published_at": published})
        frames[name] = pl.DataFrame(rows, schema=schema)
    frames["real_all"] = pl.concat(list(frames.values()))
    import extract_speed

    frames["bench"] = extract_speed.make_texts(bench_n)
    out.mkdir(parents=True, exist_ok=True)
    for name, df in frames.items():
        df.write_parquet(out / f"{name}.parquet")
    return list(frames)


def dump(inputs: Path, out: Path, names: list[str]) -> None:
    """Run in the tree on PYTHONPATH: mentions and model occurrences of each corpus and batching, as parquet."""
    import polars as pl

    from transforms import gazetteer as gaz
    from transforms.extract import core

    seen: list[pl.DataFrame] = []
    real = core._model_occurrences

    def spy(*args, **kwargs):
        models = real(*args, **kwargs)
        seen.append(models)
        return models

    core._model_occurrences = spy
    g = gaz.default()
    out.mkdir(parents=True, exist_ok=True)
    for name in names:
        articles = pl.read_parquet(inputs / f"{name}.parquet")
        for batch in BATCHES:
            start = time.process_time()
            seen.clear()
            size = batch or articles.height
            parts = [core.extract_mentions(articles.slice(i, size), g) for i in range(0, articles.height, size)]
            pl.concat(parts).write_parquet(out / f"{name}.b{batch}.mentions.parquet")
            models = [m for m in seen if not m.is_empty()]
            (pl.concat(models, how="vertical_relaxed") if models else seen[0]).write_parquet(
                out / f"{name}.b{batch}.models.parquet")
            print(f"    {name} batch {batch or 'all'}: {time.process_time() - start:.1f} CPU-s", flush=True)


def run_side(tree: Path, inputs: Path, out: Path, names: list[str]) -> None:
    env = dict(os.environ, PYTHONPATH=str(tree))
    cmd = ["nice", "-n", "5", sys.executable, str(Path(__file__).resolve()), "--dump", str(inputs), str(out), *names]
    subprocess.run(cmd, env=env, check=True, cwd=tree)


def same(a, b) -> bool:
    if a.columns != b.columns or a.schema != b.schema or a.height != b.height:
        return False
    cols = a.columns
    return a.sort(cols, nulls_last=True).equals(b.sort(cols, nulls_last=True))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--base", type=Path, default=None, help=f"baseline tree (default: main at {BASE_COMMIT})")
    ap.add_argument("--bench-n", type=int, default=2000)
    ap.add_argument("--only", default=None, help="comma-separated corpora")
    ap.add_argument("--refresh", action="store_true", help="recompute the baseline's outputs")
    ap.add_argument("--dump", nargs="+", default=None, help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.dump:
        dump(Path(args.dump[0]), Path(args.dump[1]), args.dump[2:])
        return 0
    import polars as pl

    base = args.base
    if base is None:
        base = CACHE / f"tree-{BASE_COMMIT}"
        if not base.exists():
            base.mkdir(parents=True)
            subprocess.run(f"git -C {ROOT} archive {BASE_COMMIT} | tar -x -C {base}", shell=True, check=True)
    inputs = CACHE / f"inputs-{args.bench_n}"
    if not (inputs / "bench.parquet").exists():
        print("building the corpora ...", flush=True)
        build_corpora(inputs, args.bench_n)
    names = [p.name.removesuffix(".parquet") for p in sorted(inputs.glob("*.parquet"))]
    if args.only:
        names = [n for n in names if n in args.only.split(",")]
    base_out = CACHE / ("base-" + hashlib.sha1(str(base.resolve()).encode()).hexdigest()[:8] + f"-{args.bench_n}")
    todo = [n for n in names if args.refresh or not (base_out / f"{n}.b{BATCHES[-1]}.models.parquet").exists()]
    if todo:
        print(f"baseline {base}:", flush=True)
        run_side(base, inputs, base_out, todo)
    mine_out = CACHE / f"mine-{os.getpid()}"
    print(f"this tree {ROOT}:", flush=True)
    run_side(ROOT, inputs, mine_out, names)
    failed = 0
    for name in names:
        for batch in BATCHES:
            for what in ("mentions", "models"):
                a = pl.read_parquet(base_out / f"{name}.b{batch}.{what}.parquet")
                b = pl.read_parquet(mine_out / f"{name}.b{batch}.{what}.parquet")
                ok = same(a, b)
                failed += not ok
                print(f"  {'same' if ok else 'DIFFERENT':9} {name:8} batch {batch or 'all':>3} {what:8} "
                      f"{a.height:6} rows" + ("" if ok else f" (this tree: {b.height})"))
    print("IDENTICAL" if not failed else f"{failed} DIFFERENCES (outputs in {mine_out})")
    if not failed:
        subprocess.run(["rm", "-rf", str(mine_out)], check=False)
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
