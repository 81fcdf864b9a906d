"""Where extract_mentions spends its time, by line of transforms/ (a sampling profiler of the calling thread).

    PYTHONPATH=. .venv/bin/python bench/line_profile.py [--n 1000] [--runs 3] [--top 40]

A thread samples the main thread's stack every millisecond while extract_mentions runs on batches of --n bench
articles and counts, for each sample, the innermost line of transforms/ (polars releases the GIL while it works, so
the sample lands on the line whose polars call is running) and, separately, the outermost line in transforms/extract
(which rule module or step of core). Wall-clock shares: compare runs made under the same load.
"""
from __future__ import annotations

import argparse
import sys
import threading
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=1000)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--top", type=int, default=40)
    args = ap.parse_args(argv)
    import extract_speed

    from transforms import gazetteer as gaz
    from transforms.extract import extract_mentions

    articles = extract_speed.make_texts(args.n)
    g = gaz.default()
    extract_mentions(articles.head(20), g)
    main_id = threading.get_ident()
    inner: Counter = Counter()
    outer: Counter = Counter()
    stop = threading.Event()

    def sample():
        while not stop.is_set():
            frame = sys._current_frames().get(main_id)
            lines = []
            while frame is not None:
                name = frame.f_code.co_filename
                if "/transforms/" in name:
                    lines.append(f"{Path(name).name}:{frame.f_lineno}")
                frame = frame.f_back
            if lines:
                inner[lines[0]] += 1
                outer[next((x for x in reversed(lines[:-1]) if not x.startswith("core.py")), lines[0])
                      if len(lines) > 1 else lines[0]] += 1
            time.sleep(0.001)

    thread = threading.Thread(target=sample, daemon=True)
    thread.start()
    cpu, wall = time.process_time(), time.perf_counter()
    for _ in range(args.runs):
        extract_mentions(articles, g)
    cpu, wall = time.process_time() - cpu, time.perf_counter() - wall
    stop.set()
    thread.join()
    total = sum(inner.values())
    print(f"{args.runs} x {args.n} articles: {wall:.2f} s, {cpu:.2f} CPU-s; {total} samples")
    print("innermost line of transforms/:")
    for line, count in inner.most_common(args.top):
        print(f"  {100 * count / total:5.1f}%  {line}")
    print("outermost line below core (the rule module's entry, or core's step):")
    for line, count in outer.most_common(20):
        print(f"  {100 * count / total:5.1f}%  {line}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
