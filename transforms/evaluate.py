"""Score extracted events against labels.

Matching rule: same type, same canonical org (when the label names one), and the type's key field equal
(model, target, partner, jurisdiction + measure, person, counterparty, compared_to); amounts within 1%.
Each label matches at most one prediction and vice versa.
"""
from __future__ import annotations

from collections import defaultdict

KEY_FIELDS = {
    "model_release": ["model"],
    "funding": ["amount_usd"],
    "acquisition": ["target"],
    "partnership": ["partner"],
    "market_move": [],
    "policy": ["jurisdiction", "measure"],
    "training_cost": ["model", "amount_usd"],
    "benchmark_claim": ["model", "compared_to"],
    "legal": ["counterparty"],
    "leadership": ["person"],
}
AMOUNT_TOLERANCE = 0.01


def _same(field: str, want, got) -> bool:
    if field.endswith("_usd"):
        return got is not None and want is not None and abs(got - want) <= abs(want) * AMOUNT_TOLERANCE
    return want == got


def matches(label: dict, event: dict) -> bool:
    if label["type"] != event.get("type"):
        return False
    if label["type"] == "partnership":  # a partnership has no direction
        pair = {label.get("org"), label.get("partner")}
        return pair == {event.get("org"), event.get("partner")}
    if label.get("org") is not None and label["org"] != event.get("org"):
        return False
    return all(_same(f, label.get(f), event.get(f)) for f in KEY_FIELDS.get(label["type"], []) if label.get(f) is not None)


def score(labels: list[dict], events: list[dict]) -> dict:
    """Per type and overall: tp, fp, fn, precision, recall, f1, plus the unmatched items for inspection."""
    used = set()
    missed = []
    for label in labels:
        hit = next((i for i, e in enumerate(events) if i not in used and matches(label, e)), None)
        if hit is None:
            missed.append(label)
        else:
            used.add(hit)
    extra = [e for i, e in enumerate(events) if i not in used]
    counts = defaultdict(lambda: {"tp": 0, "fp": 0, "fn": 0})
    for i in used:
        counts[events[i]["type"]]["tp"] += 1
    for e in extra:
        counts[e["type"]]["fp"] += 1
    for m in missed:
        counts[m["type"]]["fn"] += 1
    total = {k: sum(c[k] for c in counts.values()) for k in ("tp", "fp", "fn")}
    by_type = {t: _rates(c) for t, c in sorted(counts.items())}
    return {"overall": _rates(total), "by_type": by_type, "missed": missed, "extra": extra}


def score_per_file(gold: list[dict], predicted: list[dict]) -> dict:
    """Like score(), but an event only matches a label of the same article (key `_file`); counts summed."""
    files = sorted({e["_file"] for e in gold + predicted})
    per_file = [score([g for g in gold if g["_file"] == f], [p for p in predicted if p["_file"] == f]) for f in files]
    counts: dict[str, dict] = {}
    for r in per_file:
        for type_, c in r["by_type"].items():
            acc = counts.setdefault(type_, {"tp": 0, "fp": 0, "fn": 0})
            for k in acc:
                acc[k] += c[k]
    total = {k: sum(c[k] for c in counts.values()) for k in ("tp", "fp", "fn")}
    return {"overall": _rates(total), "by_type": {t: _rates(c) for t, c in sorted(counts.items())},
            "missed": [m for r in per_file for m in r["missed"]], "extra": [e for r in per_file for e in r["extra"]]}


def _rates(c: dict) -> dict:
    p = c["tp"] / (c["tp"] + c["fp"]) if c["tp"] + c["fp"] else 1.0
    r = c["tp"] / (c["tp"] + c["fn"]) if c["tp"] + c["fn"] else 1.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    return {**c, "precision": round(p, 3), "recall": round(r, 3), "f1": round(f1, 3)}
