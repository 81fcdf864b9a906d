"""The scorer: the matching rule of ../shared/realdev/README.md on small hand-made label/prediction pairs, and
`radar eval` on both label formats."""
from __future__ import annotations

import json
import subprocess
import sys

from tests.conftest import REPO, SHARED, needs_shared
from transforms.evaluate import matches, merge_within_article, norm_name, read_saved_article, score


def test_names_are_normalised_suffixes_dropped_and_aliases_folded():
    assert norm_name("Cognition AI") == norm_name("Cognition") == "cognition"
    assert norm_name("Anthropic, Inc.") == norm_name("anthropic")
    assert norm_name("Scale AI Labs") == "scale"
    assert norm_name("Google DeepMind") == norm_name("Alphabet") == norm_name("Google") == "google"
    assert norm_name("Meta AI") == norm_name("Facebook") == "meta"
    assert norm_name("AWS") == "amazon" and norm_name("Mistral AI") == norm_name("Mistral")
    assert norm_name("Zhipu") == norm_name("Z.ai")
    assert norm_name("United States") == norm_name("Commerce Department") == norm_name("BIS") == "us"
    assert norm_name("xAI") == "xai" and norm_name("OpenAI") == "openai"  # one word: its "AI" is part of the name
    assert norm_name("Microsoft") != norm_name("Meta")


def test_key_fields_match_by_containment_and_amounts_within_five_percent():
    label = {"type": "funding", "org": "Etched", "amount_usd": 500_000_000}
    assert matches(label, {"type": "funding", "org": "Etched Inc", "amount_usd": 520_000_000})
    assert not matches(label, {"type": "funding", "org": "Etched", "amount_usd": 530_000_000})
    assert not matches(label, {"type": "funding", "org": "Etched", "amount_usd": None})
    assert not matches(label, {"type": "acquisition", "org": "Etched", "amount_usd": 500_000_000})
    release = {"type": "model_release", "org": "Mistral AI", "model": "Mistral Large 2"}
    assert matches(release, {"type": "model_release", "org": "Mistral", "model": "Large 2"})
    assert matches(release, {"type": "model_release", "org": "Mistral", "model": "mistral-large-2"})
    assert not matches(release, {"type": "model_release", "org": "Mistral", "model": "Codestral"})
    assert matches({"type": "leadership", "org": "Meta", "person": "Alexandr Wang", "role": "CAIO"},
                   {"type": "leadership", "org": "Meta", "person": "Wang", "role": None})
    # a label without the key field matches on type and org alone
    assert matches({"type": "funding", "org": "Databricks", "amount_usd": None, "valuation_usd": 188e9},
                   {"type": "funding", "org": "Databricks", "amount_usd": 1e9})


def test_partnerships_and_lawsuits_have_no_direction_policies_match_on_jurisdiction_or_org():
    assert matches({"type": "partnership", "org": "Etched", "partner": "Jane Street"},
                   {"type": "partnership", "org": "Jane Street", "partner": "Etched"})
    assert matches({"type": "legal", "org": "Apple", "counterparty": "OpenAI"},
                   {"type": "legal", "org": "OpenAI", "counterparty": "Apple Inc."})
    assert not matches({"type": "legal", "org": "Apple", "counterparty": "OpenAI"},
                       {"type": "legal", "org": "OpenAI", "counterparty": "Musk"})
    state_law = {"type": "policy", "org": "New York", "jurisdiction": "New York (US)", "measure": "RAISE Act"}
    assert matches(state_law, {"type": "policy", "org": None, "jurisdiction": "US", "measure": "AI law"})
    assert matches(state_law, {"type": "policy", "org": None, "jurisdiction": "New York"})
    assert not matches(state_law, {"type": "policy", "org": None, "jurisdiction": "EU"})
    assert matches({"type": "policy", "org": "Nvidia", "jurisdiction": "China"},
                   {"type": "policy", "org": "Nvidia", "jurisdiction": "US"})


def test_optional_labels_and_repeats_count_neither_way_and_misses_and_falses_are_listed():
    labels = [{"type": "funding", "org": "Etched", "amount_usd": 700e6},
              {"type": "funding", "org": "Etched", "amount_usd": 300e6, "optional": True},
              {"type": "acquisition", "org": "Etched", "target": "Tiny"}]
    events = [{"type": "funding", "org": "Etched", "amount_usd": 700e6},
              {"type": "funding", "org": "Etched", "amount_usd": 701e6},   # a repeat of the matched round
              {"type": "funding", "org": "Etched", "amount_usd": 300e6},   # an optional label: not counted
              {"type": "funding", "org": "Meta", "amount_usd": 12e9}]      # false
    result = score(labels, events)
    assert result["counts"]["funding"] == {"tp": 1, "fp": 1, "fn": 0}
    assert result["counts"]["acquisition"] == {"tp": 0, "fp": 0, "fn": 1}
    assert [e["org"] for e in result["false"]] == ["Meta"]
    assert [m["type"] for m in result["missed"]] == ["acquisition"]


def test_an_event_told_twice_in_an_article_is_one_event():
    mentions = [{"article_id": "a", "event_key": "k", "confidence": 0.5, "evidence": "later"},
                {"article_id": "a", "event_key": "k", "confidence": 0.9, "evidence": "headline"},
                {"article_id": "b", "event_key": "k", "confidence": 0.4, "evidence": "other article"}]
    merged = merge_within_article(mentions)
    assert sorted(m["evidence"] for m in merged) == ["headline", "other article"]


def test_saved_extractions_lose_their_header_lines():
    title, body, published = read_saved_article("# Etched raises\nSource: https://x.test/a\nPublished: 2026-08-18\n\nText.")
    assert (title, body.strip(), published) == ("Etched raises", "Text.", "2026-08-18")
    assert read_saved_article("Plain title\nBody") == ("Plain title", "Body", None)


def _eval(target: str, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "cli.main", "eval", target, *args], cwd=REPO,
                          capture_output=True, text=True, timeout=600)


def test_radar_eval_reads_the_devset_format_and_holds_its_committed_baseline():
    result = _eval("tests/devset", "--json", "--baseline", "tests/quality_baseline.json")
    assert result.returncode == 0, result.stderr
    scores = json.loads(result.stdout)
    assert scores["overall"]["tp"] > 0 and "model_release" in scores["by_type"]


@needs_shared
def test_radar_eval_reads_realdev_labels_and_lists_errors_with_evidence():
    result = _eval(str(SHARED / "realdev"), "--json", "--errors", "--only", "g01,g02,g03")
    assert result.returncode == 0, result.stderr
    scores = json.loads(result.stdout)
    required = sum(1 for id_ in ("g01", "g02", "g03")
                   for e in json.loads((SHARED / "realdev" / "labels.json").read_text())[id_]["events"] if not e.get("optional"))
    assert scores["overall"]["tp"] + scores["overall"]["fn"] == required
    assert all(e["evidence"] for e in scores["false"])
    assert {e["_file"] for e in scores["false"] + scores["missed"]} <= {"g01", "g02", "g03"}


def test_the_quality_ratchet_fails_when_a_figure_drops_below_its_baseline(tmp_path):
    baseline = tmp_path / "baseline.json"
    baseline.write_text(json.dumps({"devset": {"precision": 1.01, "recall": 0.0}}))
    result = _eval("tests/devset", "--baseline", str(baseline))
    assert result.returncode == 1
    assert "precision" in result.stderr and "recall" not in result.stderr.split("baseline")[-1]
    assert "overall" in result.stdout  # the per-type table is still printed
