"""An unlabelled pool of real news: every hn-digest candidate article (the candidate rules of pick.py) that is in no
labelled set, tests/holdout included, to see what a rule change does on news no rule was written from.

    python3 tests/holdout/pool.py build [--mirrors ../.mirror] [--realdev ../shared/realdev] [--out ../pool]
        -> <out>/articles/p0001.md ... (as build.py writes them) and <out>/labels.json (no events: a set radar eval
           and `events` read)
    python tests/holdout/pool.py events <out> FILE
        -> FILE: one line per event the extractor reports (after in-article merge): article, type, org, key fields,
           evidence; sorted, so that `diff` of two runs (before and after a change) lists what the change adds and
           takes away

The pool has no labels: a diff is read by eye (or by a helper who judges each event against its article), which is
how the rules of the 2026-12-04 sessions were checked beyond the labelled sets (tests/holdout/README.md)."""
from __future__ import annotations

import argparse
import json
import random
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import pick  # noqa: E402  (tests/holdout/pick.py: the candidate rules)

KEY_FIELDS = ("model", "person", "role", "partner", "counterparty", "amount_usd", "pct", "jurisdiction", "target",
              "compared_to")


def build(mirrors: Path, realdev: Path, out: Path) -> int:
    held = {json.loads(line)["path"] for line in (HERE / "manifest.jsonl").open()}
    rejected = set().union(pick.REJECTED, pick.REJECTED2, pick.REJECTED3, pick.REJECTED4, pick.REJECTED5)
    excl = pick.load_exclusions(realdev)
    seen_urls, seen_titles, rows = set(), set(), []
    for path, blob in pick.read_all(mirrors / pick.REPO_NAME.replace("/", "+") / "repo"):
        if pick.MARKER not in blob or path in held or path in rejected:
            continue
        fm, text = pick.front_matter(blob), pick.article_text(blob)
        url, title = pick.norm_url(fm["source"]), pick.norm_title(fm["title"])
        if pick.reason_out(path, fm, text, excl) or url in seen_urls or title in seen_titles:
            continue
        seen_urls.add(url)
        seen_titles.add(title)
        published, _ = pick.published(fm["source"], fm)
        rows.append((path, published, f"# {fm['title']}\nSource: {fm['source']}\nPublished: {published}\n\n{text}"))
    random.Random("pool").shuffle(rows)
    (out / "articles").mkdir(parents=True, exist_ok=True)
    labels = {}
    for i, (path, published, doc) in enumerate(rows, 1):
        (out / "articles" / f"p{i:04d}.md").write_text(doc, encoding="utf-8")
        labels[f"p{i:04d}"] = {"events": [], "negative": True, "source": {"path": path, "published": published}}
    (out / "labels.json").write_text(json.dumps(labels, indent=0), encoding="utf-8")
    print(f"{len(rows)} articles written to {out}", file=sys.stderr)
    return 0


def events(pool: Path, dest: Path) -> int:
    from cli.main import _extract_files
    from transforms.evaluate import load_labelled_set

    _, articles = load_labelled_set(pool)
    found = _extract_files([(a["id"], a["path"], a["published"], a["url"]) for a in articles])
    lines = sorted(
        "\t".join([e["_file"], e["type"], str(e.get("org")),
                   json.dumps({k: e[k] for k in KEY_FIELDS if e.get(k) is not None}, ensure_ascii=False),
                   (e.get("evidence") or "")[:300].replace("\t", " ").replace("\n", " ")])
        for e in found
    )
    dest.write_text("".join(line + "\n" for line in lines), encoding="utf-8")
    print(f"{len(lines)} events written to {dest}", file=sys.stderr)
    return 0


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = ap.add_subparsers(dest="command", required=True)
    b = sub.add_parser("build", help="write the pool's articles and an event-less labels.json")
    b.add_argument("--mirrors", type=Path, default=pick.REPO.parent / ".mirror")
    b.add_argument("--realdev", type=Path, default=pick.REPO.parent / "shared" / "realdev")
    b.add_argument("--out", type=Path, default=pick.REPO.parent / "pool")
    e = sub.add_parser("events", help="write the events the extractor reports on the pool, one per line")
    e.add_argument("pool", type=Path)
    e.add_argument("dest", type=Path)
    args = ap.parse_args(argv)
    if args.command == "build":
        return build(args.mirrors, args.realdev, args.out)
    return events(args.pool, args.dest)


if __name__ == "__main__":
    sys.exit(main())
