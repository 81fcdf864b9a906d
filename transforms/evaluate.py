"""Score extracted events against labels, with the matching rule of ../shared/realdev/README.md.

Per article, one required label matches at most one prediction, greedily, when
1. the type is equal;
2. the org is equal after normalisation (`norm_name`: lower-case, letters and digits only, a trailing
   Inc/Corp/Ltd/LLC/PLC/Co/Company/Group/Technologies/Labs, a trailing "AI" and a leading "The" dropped, common
   aliases folded);
   partnership and legal also match with org and partner/counterparty swapped; policy matches on the
   jurisdiction ("New York (US)" accepts New York or US) or on the org;
3. the type's key fields, when the label has them, agree: names equal or one contained in the other after
   normalisation (a model after dropping its org's name from its front), amounts within 5%.
A required label without a match is missed; a prediction is false only when it matches no label of its article
at all (a repeat of a matched event, or a match to an optional label, is neither right nor wrong).
"""
from __future__ import annotations

import json
import re
from collections import defaultdict
from datetime import date
from pathlib import Path

from transforms.taxonomy import TAXONOMY

# Per type, the fields a prediction must agree on with a label (transforms/taxonomy.toml, eval_key); a policy is
# matched on its jurisdiction or org (see `matches`).
KEY_FIELDS = TAXONOMY.eval_keys()
# The field that names the other side of an undirected event.
OTHER_SIDE = {t.name: t.other_side for t in TAXONOMY.types.values() if t.other_side}
AMOUNT_TOLERANCE = 0.05
SUFFIX_WORDS = {"inc", "corp", "corporation", "ltd", "llc", "plc", "co", "company", "group", "technologies", "labs",
                "ai"}
ALIASES = {
    "googledeepmind": "google", "deepmind": "google", "alphabet": "google", "googlecloud": "google",
    "metaplatforms": "meta", "metaai": "meta", "facebook": "meta",
    "aws": "amazon", "amazonwebservices": "amazon",
    "zhipu": "zai", "zhipuai": "zai", "zai": "zai", "z": "zai",  # Z.ai loses its "ai" like Cognition AI
    "us": "us", "usa": "us", "unitedstates": "us", "unitedstatesofamerica": "us", "commercedepartment": "us",
    "departmentofcommerce": "us", "uscommercedepartment": "us", "bis": "us", "bureauofindustryandsecurity": "us",
    "whitehouse": "us", "usgovernment": "us",
    "cn": "china", "prc": "china", "chinesegovernment": "china",
    "uk": "uk", "unitedkingdom": "uk", "britain": "uk", "greatbritain": "uk", "ukgovernment": "uk",
    "eu": "eu", "europeanunion": "eu", "europeancommission": "eu",
    "nyt": "newyorktimes", "thenewyorktimes": "newyorktimes",
    "hewlettpackardenterprise": "hpe", "waltdisney": "disney",
    # (the labels name Mira Murati's company both ways; "Lab" is no suffix word of other names)
    "thinkingmachineslab": "thinkingmachines",
    # (the Allen Institute for AI calls itself Ai2; "ai" is dropped as a suffix word)
    "alleninstitutefor": "ai2", "alleninstituteforartificialintelligence": "ai2", "allenai": "ai2", "allen": "ai2",
    # (the labels name the US defence department all these ways; the gazetteer's name is "U.S. Department of Defense")
    "pentagon": "pentagon", "departmentofdefense": "pentagon", "usdepartmentofdefense": "pentagon",
    "departmentofwar": "pentagon", "usdepartmentofwar": "pentagon", "usdepartmentofwarpentagon": "pentagon",
    "dod": "pentagon",
    # (the US agencies' acronyms, as labels write them where the text does: tests/pages2's FTC suits; the gazetteer's
    # names are the full ones)
    "ftc": "federaltradecommission", "usftc": "federaltradecommission",
    "usfederaltradecommission": "federaltradecommission",
    "sec": "securitiesandexchangecommission", "ussecuritiesandexchangecommission": "securitiesandexchangecommission",
    "doj": "usdepartmentofjustice", "departmentofjustice": "usdepartmentofjustice",
    "justicedepartment": "usdepartmentofjustice",
}


ACRONYM_SKIP = {"of", "for", "and", "the", "de", "du", "des", "la", "le", "und", "für"}


def norm_name(name) -> str:
    """'Cognition AI, Inc.' -> 'cognition'; 'Google DeepMind' -> 'google'; None -> ''."""
    if name is None:
        return ""
    words = re.findall(r"[a-z0-9]+", str(name).lower().replace("&", "and"))
    while len(words) > 1 and words[-1] in SUFFIX_WORDS:
        words.pop()
    if len(words) > 1 and words[0] == "the":  # "The Walt Disney Company" is Disney
        words.pop(0)
    joined = "".join(words)
    return ALIASES.get(joined, joined)


def _names(value) -> set[str]:
    """A label's name and the alternatives it accepts: 'New York (US)' -> {'newyork', 'us'}."""
    if value is None:
        return set()
    text = str(value)
    outside = re.sub(r"\([^)]*\)", "", text)
    found = {norm_name(text), norm_name(outside)} | {norm_name(part) for part in re.findall(r"\(([^)]*)\)", text)}
    # A name of three capitalised words or more is also its initials: "Technology Innovation Institute" is TII, "Asian
    # News International" ANI (labels and news write either).
    words = [w for w in re.findall(r"[A-Za-z0-9]+", outside) if w not in ACRONYM_SKIP]
    if len(words) >= 3 and all(w[0].isupper() for w in words):
        found.add("".join(w[0] for w in words).lower())
    return {n for n in found if n}


def _contained(want: str, got: str) -> bool:
    return bool(want) and bool(got) and (want in got or got in want)


def _model_key(model, org) -> str:
    """A model's name without its maker's in front: ('Mistral Large 2', 'Mistral AI') -> 'large2'."""
    key, org_key = norm_name(model), norm_name(org)
    raw = re.sub(r"[^a-z0-9]", "", str(model or "").lower())
    for prefix in {org_key, re.sub(r"[^a-z0-9]", "", str(org or "").lower())} - {""}:
        if raw.startswith(prefix) and len(raw) > len(prefix):
            return raw[len(prefix):]
    return key


def _field_agrees(field: str, label: dict, event: dict, event_org) -> bool:
    want, got = label.get(field), event.get(field)
    if want is None:
        return True
    if got is None:
        return False
    if field.endswith("_usd"):
        try:
            return abs(float(got) - float(want)) <= abs(float(want)) * AMOUNT_TOLERANCE
        except (TypeError, ValueError):
            return False
    if field == "model":
        return _contained(_model_key(want, label.get("org")), _model_key(got, event_org))
    return _contained(norm_name(want), norm_name(got))


def matches(label: dict, event: dict) -> bool:
    """Whether a prediction matches a label (type, org, key fields), by the rule in the module docstring."""
    type_ = str(label.get("type"))
    if type_ != event.get("type"):
        return False
    if type_ == "policy":
        wanted = _names(label.get("jurisdiction")) | _names(label.get("org"))
        got = _names(event.get("jurisdiction")) | _names(event.get("org"))
        return not wanted or bool(wanted & got)
    # Orientations of the prediction: as given, and for undirected events with its two sides swapped.
    orientations = [event]
    side = OTHER_SIDE.get(type_)
    if side:
        orientations.append({**event, "org": event.get(side), side: event.get("org")})
    for candidate in orientations:
        if label.get("org") is not None and not (_names(label["org"]) & _names(candidate.get("org"))):
            continue
        if all(_field_agrees(f, label, candidate, candidate.get("org")) for f in KEY_FIELDS.get(type_, [])):
            return True
    return False


def match_labels(labels: list[dict], events: list[dict]) -> dict[int, int]:
    """One article's required labels -> the prediction each matched (index to index), greedily in label order."""
    hits: dict[int, int] = {}
    for i, label in enumerate(labels):
        if label.get("optional"):
            continue
        hit = next((j for j, e in enumerate(events) if j not in hits.values() and matches(label, e)), None)
        if hit is not None:
            hits[i] = hit
    return hits


def score(labels: list[dict], events: list[dict]) -> dict:
    """One article's labels against its predictions: per type and overall counts, the missed labels and false events."""
    hits = match_labels(labels, events)
    counts: dict[str, dict] = defaultdict(lambda: {"tp": 0, "fp": 0, "fn": 0})
    missed = []
    for i, label in enumerate(labels):
        if label.get("optional"):
            continue
        counts[label["type"]]["tp" if i in hits else "fn"] += 1
        if i not in hits:
            missed.append(label)
    used = set(hits.values())
    false = [e for i, e in enumerate(events) if i not in used and not any(matches(lab, e) for lab in labels)]
    for e in false:
        counts[e["type"]]["fp"] += 1
    return {"counts": dict(counts), "missed": missed, "false": false}


def score_per_file(gold: list[dict], predicted: list[dict]) -> dict:
    """Labels and predictions of many articles (key `_file`): a prediction only matches a label of its own article."""
    files = sorted({e["_file"] for e in gold + predicted})
    counts: dict[str, dict] = defaultdict(lambda: {"tp": 0, "fp": 0, "fn": 0})
    missed, false = [], []
    for f in files:
        r = score([g for g in gold if g["_file"] == f], [p for p in predicted if p["_file"] == f])
        for type_, c in r["counts"].items():
            for k in c:
                counts[type_][k] += c[k]
        missed += r["missed"]
        false += r["false"]
    total = {k: sum(c[k] for c in counts.values()) for k in ("tp", "fp", "fn")}
    return {"overall": _rates(total), "by_type": {t: _rates(c) for t, c in sorted(counts.items())},
            "missed": missed, "false": false}


def _rates(c: dict) -> dict:
    p = c["tp"] / (c["tp"] + c["fp"]) if c["tp"] + c["fp"] else 1.0
    r = c["tp"] / (c["tp"] + c["fn"]) if c["tp"] + c["fn"] else 1.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    return {**c, "precision": round(p, 3), "recall": round(r, 3), "f1": round(f1, 3)}


# Types whose identity includes their date (their merge key has the date or its month): the same measure or move on
# another day is another event.
DATED_IDENTITY = {t.name for t in TAXONOMY.types.values() if {"event_date", "month"} & set(t.merge_key)}


def _same_event(a: dict, b: dict) -> bool:
    """Two labels of one real-world event: same type, org and key fields (names equal after normalisation, not
    merely contained; a policy's measure too), and the same date where both give one (a policy and a market move
    must both give one)."""
    if a["type"] != b["type"]:
        return False
    type_ = a["type"]
    side = OTHER_SIDE.get(type_)
    if side:  # undirected: the two sides as a set
        if {norm_name(a.get("org")), norm_name(a.get(side))} != {norm_name(b.get("org")), norm_name(b.get(side))}:
            return False
    elif not _related(a, b):
        return False
    for field in KEY_FIELDS.get(type_, []) + (["measure"] if type_ == "policy" else []):
        if field == side:
            continue
        x, y = a.get(field), b.get(field)
        if x is None or y is None:
            if x is not y:
                return False
        elif field.endswith("_usd"):
            if abs(float(x) - float(y)) > abs(float(x)) * AMOUNT_TOLERANCE:
                return False
        elif field == "model":
            if _model_key(x, a.get("org")) != _model_key(y, b.get("org")):
                return False
        elif norm_name(x) != norm_name(y):
            return False
    dates = a.get("event_date"), b.get("event_date")
    if type_ in DATED_IDENTITY and None in dates:
        return False
    return None in dates or dates[0] == dates[1]


def _related(a: dict, b: dict) -> bool:
    """Two labels a merge could confuse: same type, same org (or jurisdiction, for a policy)."""
    names = lambda e: _names(e.get("org")) | (_names(e.get("jurisdiction")) if e["type"] == "policy" else set())  # noqa: E731
    return a["type"] == b["type"] and bool(names(a) & names(b))


def score_merged(gold: list[dict], predicted: list[dict]) -> dict:
    """Events merged across articles by event key, as the warehouse merges them (key `_file` on labels and
    predictions, `event_key` on predictions).

    distinct: pairs of labels that must stay two events - a label marked `distinct_event` (hard_case) with every
    other label of the same type and org in the set that is not the same event (a sibling: DeepSeek-R1 and
    DeepSeek-R1-0528, the diffusion rule and its rescission). same: pairs of labels in different articles that are
    one event (`_same_event`): one event when merged.
    A pair counts only when both labels were found (matched a prediction in their articles)."""
    required = [g for g in gold if not g.get("optional")]
    key_of: dict[int, str] = {}  # index in `required` -> the event key of the prediction that matched it
    for f in sorted({g["_file"] for g in required}):
        labels = [(i, g) for i, g in enumerate(required) if g["_file"] == f]
        events = [p for p in predicted if p["_file"] == f]
        for li, ei in match_labels([g for _, g in labels], events).items():
            key_of[labels[li][0]] = events[ei]["event_key"]
    distinct, same = [], []
    for i, a in enumerate(required):
        for j in range(i + 1, len(required)):
            b = required[j]
            if not _related(a, b):
                continue
            if a["_file"] != b["_file"] and _same_event(a, b):
                same.append((i, j))
            elif "distinct_event" in (a.get("hard_case") or []) + (b.get("hard_case") or []) and not _same_event(a, b):
                distinct.append((i, j))
    found = lambda pairs: [(i, j) for i, j in pairs if i in key_of and j in key_of]  # noqa: E731
    show = lambda i: {"_file": required[i]["_file"], "event_key": key_of[i],  # noqa: E731
                      **{k: v for k, v in required[i].items()
                         if k in ("type", "org", "model", "jurisdiction", "event_date")}}
    merged_wrongly = [(show(i), show(j)) for i, j in found(distinct) if key_of[i] == key_of[j]]
    split = [(show(i), show(j)) for i, j in found(same) if key_of[i] != key_of[j]]
    return {"distinct_pairs": len(found(distinct)), "kept_apart": len(found(distinct)) - len(merged_wrongly),
            "same_pairs": len(found(same)), "merged": len(found(same)) - len(split),
            "unscored_pairs": len(distinct) + len(same) - len(found(distinct)) - len(found(same)),
            "events": len({p["event_key"] for p in predicted}), "merged_wrongly": merged_wrongly, "split": split}


def merge_within_article(mentions: list[dict]) -> list[dict]:
    """What a user sees of an article: one event per event key (its most confident mention; between equals the one
    warehouse/sql/merge_events.sql picks, the lowest mention_id)."""
    best: dict[tuple, dict] = {}
    for m in sorted(mentions, key=lambda m: (-(m.get("confidence") or 0), m.get("mention_id") or "")):
        best.setdefault((m["article_id"], m["event_key"]), m)
    return list(best.values())


def load_labelled_set(path: Path) -> tuple[Path, list[dict]]:
    """A labelled set -> (labels file, articles), each article {id, path, published, url, events}.

    Two formats: `labels.json` as in ../shared/realdev ({id: {events, negative, source}}, texts in articles/<id>.md)
    and the devset/demo format ({"articles": [{file or page, published, events, not_article}]})."""
    if path.is_dir():
        path = next((path / n for n in ("labels.json", "expected.json") if (path / n).is_file()), path / "labels.json")
    spec = json.loads(path.read_text(encoding="utf-8"))
    articles = []
    if isinstance(spec.get("articles"), list):
        for item in spec["articles"]:
            if item.get("not_article"):
                continue
            file = path.parent / (item.get("file") or item["page"])
            articles.append({"id": file.name, "path": file, "published": item.get("published"), "url": item.get("url"),
                             "events": item["events"]})
    else:
        for id_, item in spec.items():
            if id_.startswith("_"):
                continue
            file = next((p for p in (path.parent / "articles" / f"{id_}.md", path.parent / "articles" / f"{id_}.txt",
                                     path.parent / f"{id_}.md") if p.is_file()), path.parent / "articles" / f"{id_}.md")
            source = item.get("source") or {}
            published = source.get("published") or item.get("published")
            # (the page's address, as the pipeline's articles carry it: the extractor reads whose site it is)
            articles.append({"id": id_, "path": file, "published": published,
                             "url": source.get("url") or item.get("url"), "events": item.get("events", [])})
    return path, articles


def read_saved_article(text: str) -> tuple[str, str, str | None]:
    """A saved extraction ('# headline', 'Source: URL', 'Published: YYYY-MM-DD', blank, text) or plain text with the
    title on line 1 -> (title, body, published date or None)."""
    title, _, body = text.partition("\n")
    published = None
    header = re.match(r"(?:\s*(?:Source|URL):[^\n]*\n|\s*Published:\s*(\d{4}-\d{2}-\d{2})[^\n]*\n)+", body)
    if header:
        published = header.group(1) or (re.search(r"Published:\s*(\d{4}-\d{2}-\d{2})", header.group(0))
                                         or [None, None])[1]
        body = body[header.end():]
    if published:
        date.fromisoformat(published)
    return title.strip().removeprefix("# ").strip(), body, published
