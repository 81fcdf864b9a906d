"""Could a confidence learnt from real labelled articles tell the rules' right events from their false ones?

    # the rules of COMMIT on a labelled set's texts, as they first read it (a git worktree; nothing else changes):
    .venv/bin/python tests/realset/calibrate.py dump COMMIT ../pages6-cache
    # (or on some of them: a batch of ../holdout-cache, first read by another commit)
    .venv/bin/python tests/realset/calibrate.py dump COMMIT ../holdout-cache --ids h1340-h1399
    # leave-one-set-out: a logistic model fitted on the other sets' dumps scores each set's events
    .venv/bin/python tests/realset/calibrate.py fit ../holdout-cache ../searchpages-cache ../pages2-cache ...

A dump is `<set>/intake-<commit>[-<first id>].jsonl`: the ids of the articles read, then every mention the rules of
that commit find in them, with the rule's own confidence. Each set (each holdout batch) is read at the commit that
first measured it (its README's "Measured before any rule saw it"), so the model learns from errors as they fall on
unseen news, not from a set the rules were since mended on. The events of each article are merged and matched as
`radar eval` does; a right event (it matches a required label) is 1, a false one 0, the others (optional labels,
repeats) are left out. The model is a logistic regression with an L2 penalty (numpy, which pandas installs) over the
facts of `features`.

What it showed (tests/realset/README.md, "A learnt confidence"): on the first readings it ranks right above false
events far better than the rules' confidence (area under the ROC curve 0.82 against 0.55), but today's rules have
since mended most of the error classes it learns from, and on their output its cut mostly drops right events (model
releases above all). So the radar keeps the rules' confidence; this script is kept to measure the question again as
new unseen sets come in.
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from collections import defaultdict
from datetime import datetime, timezone
from pathlib import Path

import polars as pl

ROOT = Path(__file__).resolve().parents[2]
if sys.argv[1:2] != ["_dump_here"]:  # (a dump imports the worktree's code, on its PYTHONPATH)
    sys.path.insert(0, str(ROOT))

# The sentences of an article's opening (model_release.OPENING_SENTENCES).
OPENING = 3
L2 = 1.0
STEPS, RATE = 3000, 0.1
CUTS = (0.3, 0.5, 0.6, 0.7, 0.8)


def dump(commit: str, set_dir: Path, ids: str | None) -> Path:
    """Run the rules of `commit` over the set's texts (those of the id range `ids`, "h1340-h1399", where given) in a
    temporary worktree; write `<set>/intake-<commit>[-<first id>].jsonl`."""
    out = set_dir / (f"intake-{commit}-{ids.split('-')[0]}.jsonl" if ids else f"intake-{commit}.jsonl")
    with tempfile.TemporaryDirectory() as tmp:
        tree = Path(tmp) / "tree"
        subprocess.run(["git", "-C", str(ROOT), "worktree", "add", "--detach", "-q", str(tree), commit], check=True)
        try:
            subprocess.run([sys.executable, __file__, "_dump_here", str(set_dir.resolve()), str(out.resolve()),
                            ids or ""], cwd=tree, check=True, env={**os.environ, "PYTHONPATH": str(tree)})
        finally:
            subprocess.run(["git", "-C", str(ROOT), "worktree", "remove", "--force", str(tree)], check=True)
    return out


def _dump_here(set_dir: Path, out: Path, ids: str) -> None:
    """(in the worktree) the mentions of the set's texts, by the worktree's rules, with the rule's confidence"""
    from cli.main import _article_from_file
    from transforms.articles import extract_page
    from transforms.evaluate import load_labelled_set
    from transforms.extract import extract_mentions

    _, articles = load_labelled_set(set_dir)
    if ids:
        first, last = ids.split("-")
        articles = [a for a in articles if first <= a["id"] <= last and len(a["id"]) == len(first)]
    rows = []
    for a in articles:
        title, text, date = _article_from_file(a["path"].read_bytes(), a["path"], extract_page)
        day = a.get("published") or date
        rows.append({"article_id": a["id"], "title": title, "text": text, "url": a.get("url"),
                     "published_at": datetime.fromisoformat(day[:10]).replace(tzinfo=timezone.utc) if day else None})
    frame = pl.DataFrame(rows, schema={"article_id": pl.String, "title": pl.String, "text": pl.String,
                                       "url": pl.String, "published_at": pl.Datetime("us", "UTC")})
    with out.open("w", encoding="utf-8") as f:
        f.write(json.dumps({"articles": [a["id"] for a in articles]}) + "\n")
        for m in extract_mentions(frame).to_dicts():
            f.write(json.dumps(m, default=str) + "\n")


def features(mentions: pl.DataFrame, known_orgs: list[str]) -> pl.DataFrame:
    """mentions(article_id, type, org, event_key, sent_idx, confidence, status, amount_usd, evidence) -> one row each
    of the facts the model reads, in the mentions' order. `confidence` is the rule's."""
    event = ["article_id", "event_key"]
    first = pl.col("sent_idx").min().over(event)
    facts = {
        "rule_confidence": pl.col("confidence"),
        "planned": pl.col("status") == "planned",
        "reported": pl.col("status") == "reported",
        # the event as the article tells it: in its headline, first in its lead, how far down, how often
        "in_headline": (pl.col("sent_idx") == 0).any().over(event),
        "in_opening": first <= OPENING,
        "log_first_sentence": first.log1p(),
        "log_mentions": pl.len().over(event).log1p(),
        # a page of many events is a list, a digest or a market report
        "log_events_in_article": pl.col("event_key").n_unique().over("article_id").log1p(),
        "known_org": pl.col("org").is_in(known_orgs),
        "has_amount": pl.col("amount_usd").is_not_null(),
        "log_evidence_chars": pl.col("evidence").str.len_chars().log1p(),
        "quoted": pl.col("evidence").str.contains(r"[\"“”]"),
    }
    types = {f"type_{t}": pl.col("type") == t for t in _types()}
    return mentions.select(**{k: v.cast(pl.Float64).fill_null(0.0) for k, v in {**facts, **types}.items()})


def _types() -> list[str]:
    from transforms.taxonomy import TAXONOMY

    return list(TAXONOMY.types)


def events(set_dir: Path) -> list[dict]:
    """The merged events of the set's dumps, each with its mention facts (features) and verdict."""
    from cli.main import _article_from_file
    from transforms import gazetteer
    from transforms.articles import extract_page
    from transforms.evaluate import load_labelled_set, match_labels, matches, merge_within_article
    from transforms.extract import split_sentences

    dumps = sorted(set_dir.glob("intake-*.jsonl"))
    if not dumps:
        sys.exit(f"no intake-*.jsonl in {set_dir}: run `calibrate.py dump COMMIT {set_dir}` first")
    mentions, read = [], set()
    for path in dumps:
        lines = [json.loads(line) for line in path.open(encoding="utf-8")]
        read |= set(lines[0]["articles"])
        mentions += lines[1:]
    _, articles = load_labelled_set(set_dir)
    articles = [a for a in articles if a["id"] in read]
    # The sentence each mention was told in (dumps carry the evidence, not its position), as the rules split them now.
    texts = []
    for a in articles:
        title, text, _ = _article_from_file(a["path"].read_bytes(), a["path"], extract_page)
        texts.append({"article_id": a["id"], "title": title, "text": text, "published_at": None})
    sents = split_sentences(pl.DataFrame(texts, schema={"article_id": pl.String, "title": pl.String,
                                                         "text": pl.String, "published_at": pl.Datetime("us", "UTC")}))
    where = defaultdict(list)
    for r in sents.iter_rows(named=True):
        where[r["article_id"]].append((r["sent_idx"], r["sentence"]))

    def sent_idx(m: dict) -> int:
        evidence = m["evidence"].removeprefix("Headline: ")
        told = where[m["article_id"]]
        exact = [i for i, s in told if s == evidence]
        near = [i for i, s in told if evidence[:80] in s or s[:80] in evidence]
        return (exact or near or [len(told)])[0]

    frame = pl.DataFrame([dict(m, sent_idx=sent_idx(m)) for m in mentions], infer_schema_length=None)
    facts = features(frame, list(gazetteer.default().orgs)).to_dicts()
    for m, x in zip(mentions, facts, strict=True):
        m["_features"] = x
    by_article = defaultdict(list)
    for e in merge_within_article(mentions):
        by_article[e["article_id"]].append(e)
    out = []
    for a in articles:
        found, labels = by_article.get(a["id"], []), a["events"]
        right = set(match_labels(labels, found).values())
        for i, e in enumerate(found):
            if i in right:
                out.append({"set": set_dir.name.removesuffix("-cache"), "y": 1, **e})
            elif not any(matches(label, e) for label in labels):
                out.append({"set": set_dir.name.removesuffix("-cache"), "y": 0, **e})
    return out


def fit(set_dirs: list[Path]) -> None:
    import numpy as np

    rows = [e for d in set_dirs for e in events(d)]
    names = sorted({k for e in rows for k in e["_features"]})
    x = np.array([[e["_features"].get(k, 0.0) for k in names] for e in rows])
    y = np.array([e["y"] for e in rows], dtype=float)
    sets = np.array([e["set"] for e in rows])
    mean, sd = x.mean(0), x.std(0)
    sd[sd == 0] = 1.0
    z = (x - mean) / sd

    def train(zs, ys):
        w, b = np.zeros(zs.shape[1]), 0.0
        for _ in range(STEPS):
            p = 1 / (1 + np.exp(-(zs @ w + b)))
            w -= RATE * (zs.T @ (p - ys) + L2 * w) / len(ys)
            b -= RATE * (p - ys).mean()
        return w, b

    held_out = np.zeros(len(y))
    for s in sorted(set(sets)):
        w, b = train(z[sets != s], y[sets != s])
        held_out[sets == s] = 1 / (1 + np.exp(-(z[sets == s] @ w + b)))
    print(f"{len(y)} events ({int(y.sum())} right, {int(len(y) - y.sum())} false) from {len(set_dirs)} sets")
    print("each set scored by a model fitted on the others: precision of the events kept at each cut, share of right "
          "events kept")
    print(f"{'set':12} {'all':>6} " + " ".join(f"{'>=' + str(c):>13}" for c in CUTS))
    for s in [*sorted(set(sets)), "all"]:
        k = (sets == s) if s != "all" else np.ones(len(y), bool)
        cells = []
        for c in CUTS:
            kept = k & (held_out >= c)
            cells.append(f"{y[kept].mean() if kept.any() else 0:.3f} / {y[kept].sum() / max(y[k].sum(), 1):.2f}")
        print(f"{s:12} {y[k].mean():6.3f} " + " ".join(f"{c:>13}" for c in cells))
    print(f"area under the ROC curve: held-out model {_auc(held_out, y):.3f}, the rules' confidence "
          f"{_auc(np.array([e['_features']['rule_confidence'] for e in rows]), y):.3f}")
    for lo in np.arange(0, 1, 0.2):
        k = (held_out >= lo) & (held_out < lo + 0.2)
        if k.any():
            print(f"  held-out confidence {lo:.1f}-{lo + 0.2:.1f}: {k.sum():4d} events, mean {held_out[k].mean():.2f}, "
                  f"right {y[k].mean():.2f}")
    w, _ = train(z, y)
    print("weights of the model fitted on every set (scaled facts):")
    for name, weight in sorted(zip(names, w, strict=True), key=lambda p: -abs(p[1])):
        print(f"  {name:24} {weight:+.3f}")


def _auc(score, y) -> float:
    """The chance a right event scores above a false one (ties count half)."""
    right, false = score[y == 1], score[y == 0]
    return float(((right[:, None] > false[None, :]).sum() + 0.5 * (right[:, None] == false[None, :]).sum())
                 / (len(right) * len(false)))


def main() -> None:
    if len(sys.argv) == 5 and sys.argv[1] == "_dump_here":
        _dump_here(Path(sys.argv[2]), Path(sys.argv[3]), sys.argv[4])
        return
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", required=True)
    d = sub.add_parser("dump", help="the rules of a commit over a labelled set's texts")
    d.add_argument("commit")
    d.add_argument("set_dir", type=Path)
    d.add_argument("--ids", help="only the articles of this id range, e.g. h1340-h1399")
    f = sub.add_parser("fit", help="leave-one-set-out figures and the weights")
    f.add_argument("set_dirs", type=Path, nargs="+")
    args = parser.parse_args()
    if args.command == "dump":
        print(dump(args.commit, args.set_dir, args.ids))
    else:
        fit(args.set_dirs)


if __name__ == "__main__":
    main()
