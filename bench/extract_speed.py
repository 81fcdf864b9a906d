"""Event-extraction throughput (issue 4): transforms.extract.extract_mentions over N plain-text articles of ~800 words.

    .venv/bin/python bench/extract_speed.py                # 10,000 articles
    .venv/bin/python bench/extract_speed.py --n 2000 --json bench/extract_speed.json

The texts are built in memory from bench/make_corpus.py's story and filler generators (real organisations and
models, fictional events), so no HTML and no trafilatura is involved: this measures the extractor alone.
Reported: articles/s for one call over all N articles and for the pipeline's batches
(Settings.article_batch_size), the CPU seconds of the batches (wall time on a shared machine depends on the load),
the fixed CPU cost of one call on a one-sentence article (what every small batch and unit test pays: polars compiles
each regex again per call, its cache holds only 32) and, as a machine-speed baseline measured in the same run, the
ratio to polars doing a single lower-case + `str.contains` pass over the same texts (the least any extractor must do).
"""
from __future__ import annotations

import argparse
import json
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import make_corpus  # noqa: E402
import polars as pl  # noqa: E402

from config.settings import Settings  # noqa: E402
from transforms import gazetteer as gaz  # noqa: E402
from transforms.extract import extract_mentions  # noqa: E402

BATCH = Settings().article_batch_size  # what the ingest flow hands extract_mentions at once


def make_texts(n: int, words: int = 800, seed: int = make_corpus.DEFAULT_SEED) -> pl.DataFrame:
    """n articles: an event story (headline, dek, event sentences) padded with background prose to ~`words`."""
    rows = []
    for i in range(n):
        rng = random.Random(f"{seed}:extract:{i}")
        story = make_corpus.make_story(i, rng)
        title, dek, sentences = make_corpus.event_text(story, rng)
        body = [dek, *sentences]
        while sum(len(s.split()) for s in body) < words:
            body.insert(rng.randrange(1, len(body) + 1), make_corpus.filler_sentence(rng))
        rows.append({"article_id": f"a{i:06d}", "title": title, "text": " ".join(body), "published_at": story.date})
    return pl.DataFrame(rows, schema={"article_id": pl.String, "title": pl.String, "text": pl.String,
                                      "published_at": pl.Datetime("us", "UTC")})


def timed(fn) -> tuple[float, object]:
    start = time.perf_counter()
    out = fn()
    return time.perf_counter() - start, out


def cpu_timed(fn) -> tuple[float, float]:
    """(wall seconds, CPU seconds of this process: all polars threads) of fn()."""
    cpu = time.process_time()
    wall, _ = timed(fn)
    return wall, time.process_time() - cpu


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=10_000, help="articles (default 10,000)")
    ap.add_argument("--words", type=int, default=800, help="approximate words per article (default 800)")
    ap.add_argument("--json", type=Path, default=None, help="also write the figures to this JSON file")
    args = ap.parse_args(argv)

    t_gen, articles = timed(lambda: make_texts(args.n, args.words))
    g = gaz.default()
    extract_mentions(articles.head(20), g)  # warm-up: gazetteer regexes compiled, lazy imports done
    n = articles.height
    mean_words = articles.select(pl.col("text").str.split(" ").list.len().mean()).item()

    t_base, _ = timed(lambda: articles.select(pl.col("text").str.to_lowercase().str.contains(r"\braise[sd]?\b").sum()))
    t_all, mentions = timed(lambda: extract_mentions(articles, g))
    t_batched, cpu_batched = cpu_timed(
        lambda: [extract_mentions(articles.slice(i, BATCH), g) for i in range(0, n, BATCH)])
    one_sentence = articles.head(1).with_columns(pl.col("text").str.extract(r"^([^.]*\.)", 1))
    _, cpu_one = cpu_timed(lambda: [extract_mentions(one_sentence, g) for _ in range(5)])

    res = {
        "articles": n, "mean_words": round(mean_words, 1), "generated_in_s": round(t_gen, 2),
        "mentions": mentions.height,
        "one_call": {"seconds": round(t_all, 3), "articles_per_s": round(n / t_all, 1)},
        f"batches_of_{BATCH}": {"seconds": round(t_batched, 3), "articles_per_s": round(n / t_batched, 1),
                                "cpu_seconds": round(cpu_batched, 3)},
        "one_sentence_call_cpu_s": round(cpu_one / 5, 3),
        "baseline_one_regex_pass": {"seconds": round(t_base, 3), "articles_per_s": round(n / t_base, 1)},
        "ratio_one_call_to_baseline": round(t_all / t_base, 1),
        "target_articles_per_s": 1000,  # issue 17, at the pipeline batch size
    }
    print(f"{n:,} articles, {mean_words:.0f} words on average, {mentions.height:,} mentions")
    print(f"  one call            {t_all:7.2f} s  {n / t_all:8.0f} articles/s")
    print(f"  batches of {BATCH:<9,}{t_batched:7.2f} s  {n / t_batched:8.0f} articles/s"
          f"  ({cpu_batched:.2f} CPU-s: {n / cpu_batched:.0f} articles per CPU-s)")
    print(f"  one-sentence call   {cpu_one / 5:7.3f} CPU-s (the fixed cost of a call)")
    print(f"  baseline regex pass {t_base:7.2f} s  {n / t_base:8.0f} articles/s"
          f"  (extraction costs {t_all / t_base:.0f}x one regex pass)")
    if args.json:
        args.json.write_text(json.dumps(res, indent=1) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
