"""Merge two independent labelers' files into tests/realset/labels.json and report their agreement.

    .venv/bin/python tests/realset/merge_labels.py LABELER_A.json --b LABELER_B.json [--manifest M] [--out labels.json]

Both files follow ../shared/realdev's format ({id: {"events": [...], "negative": bool}}); events are compared with
the evaluation's own matching rule (transforms.evaluate.matches). An event both labelers require is required; an
event only one of them requires, or that either marks optional, becomes optional (it counts neither way when
scoring). An article is negative only when both say so.
"""
from __future__ import annotations

import argparse
import json
from collections import Counter
from pathlib import Path

from transforms.evaluate import matches

HERE = Path(__file__).resolve().parent


def _pair(label: dict, others: list[dict], used: set[int]) -> int | None:
    """Index of the first unused event of `others` that `label` matches (either direction of the rule)."""
    for i, other in enumerate(others):
        if i not in used and (matches(label, other) or matches(other, label)):
            return i
    return None


def merge_article(a: dict, b: dict) -> tuple[dict, Counter]:
    stats: Counter = Counter()
    a_req = [e for e in a["events"] if not e.get("optional")]
    b_req = [e for e in b["events"] if not e.get("optional")]
    events, used = [], set()
    for event in a_req:
        i = _pair(event, b_req, used)
        stats[f"{event['type']}:a_required"] += 1
        if i is not None:
            used.add(i)
            stats[f"{event['type']}:agreed"] += 1
            events.append(event)
        else:
            events.append({**event, "optional": True})
    for i, event in enumerate(b_req):
        stats[f"{event['type']}:b_required"] += 1
        if i not in used:
            events.append({**event, "optional": True})
    for event in [e for e in a["events"] + b["events"] if e.get("optional")]:
        if _pair(event, events, set()) is None:
            events.append({**event, "optional": True})
    return {"events": events, "negative": bool(a.get("negative") and b.get("negative"))}, stats


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("a", type=Path, nargs="+", help="labeler A's file(s), then --b")
    parser.add_argument("--b", type=Path, nargs="+", required=True, help="labeler B's file(s)")
    parser.add_argument("--manifest", type=Path, default=HERE / "manifest.jsonl",
                        help="the set's manifest (default tests/realset's; e.g. tests/holdout/manifest.jsonl)")
    parser.add_argument("--out", type=Path, default=None, help="default: labels.json beside the manifest")
    args = parser.parse_args()
    a = {k: v for p in args.a for k, v in json.loads(p.read_text(encoding="utf-8")).items()}
    b = {k: v for p in args.b for k, v in json.loads(p.read_text(encoding="utf-8")).items()}
    manifest = {r["id"]: r for r in map(json.loads, args.manifest.read_text(encoding="utf-8").splitlines())}
    out = args.out or args.manifest.parent / "labels.json"
    missing = sorted(set(manifest) - set(a) | set(manifest) - set(b))
    if missing:
        raise SystemExit(f"not labeled by both: {missing[:10]}…")
    merged, totals = ({"_about": "Labels for the articles of manifest.jsonl, merged from two independent labelers "
                                 "by merge_labels.py; conventions and matching rule of ../shared/realdev/README.md."},
                      Counter())
    negatives = Counter()
    for id_ in sorted(manifest):
        merged[id_], stats = merge_article(a[id_], b[id_])
        row = manifest[id_]
        # (the provenance fields each set's manifest has: a repository's path and commit, or a search's query)
        merged[id_]["source"] = {k: row[k] for k in ("url", "published", "outlet", "repo", "path", "commit", "query")
                                 if k in row}
        totals.update(stats)
        negatives[(bool(a[id_].get("negative")), bool(b[id_].get("negative")))] += 1
    out.write_text(json.dumps(merged, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")

    types = sorted({k.split(":")[0] for k in totals})
    print(f"{'type':<16} {'A req':>6} {'B req':>6} {'agreed':>7} {'agreement':>10}")
    for t in types + ["all"]:
        pick = (lambda k: True) if t == "all" else (lambda k, t=t: k.startswith(t + ":"))
        n_a = sum(v for k, v in totals.items() if pick(k) and k.endswith(":a_required"))
        n_b = sum(v for k, v in totals.items() if pick(k) and k.endswith(":b_required"))
        agreed = sum(v for k, v in totals.items() if pick(k) and k.endswith(":agreed"))
        share = 2 * agreed / (n_a + n_b) if n_a + n_b else 1.0
        print(f"{t:<16} {n_a:>6} {n_b:>6} {agreed:>7} {share:>10.3f}")
    print(f"negative verdicts (A, B): {dict(negatives)}")
    required = Counter(e["type"] for k, v in merged.items() if k != "_about"
                       for e in v["events"] if not e.get("optional"))
    print(f"merged: {sum(required.values())} required events {dict(required)}; "
          f"{sum(1 for k, v in merged.items() if k != '_about' and v['negative'])} negatives")


if __name__ == "__main__":
    main()
