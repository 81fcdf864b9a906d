"""Benchmark claims and training costs on short real sentences (transforms/extract/benchmark_claim.py,
training_cost.py)."""
from __future__ import annotations

from datetime import datetime, timezone

import pytest

from tests import extract_batch

PUBLISHED = datetime(2026, 6, 20, tzinfo=timezone.utc)


def events(text: str, title: str = "") -> list[dict]:
    return extract_batch.events(text, title, PUBLISHED)


@pytest.fixture(scope="module", autouse=True)
def _texts_extracted_in_one_batch(request):
    extract_batch.extract_module_texts(request, PUBLISHED)


def claims(found: list[dict]) -> set[tuple]:
    return {(e["org"], e["model"], e["compared_to"]) for e in found if e["type"] == "benchmark_claim"}


def test_a_comparison_told_as_a_hope_is_no_claim():
    # realset r006
    text = ("Google is testing Gemini 3.5 Pro. The company claims its new flagship model, which is supposed to rival "
            "GPT 5.6 and Claude Fable/Sonnet 5, is currently in testing with unnamed partners.")
    assert not claims(events(text))
    # the same comparison told as a result is one
    assert claims(events("Google said Gemini 3.5 Pro beats GPT 5.6 on coding benchmarks."))


def test_a_score_told_right_after_a_higher_one_is_a_claim_against_its_model():
    # realdev g41
    lead = "The o3 model does well on benchmarks. "
    higher = ("That said, the o3 model blew past the scores of all previous AI models, scoring 88% in one of its "
              "attempts. ")
    lower = "OpenAI’s next best AI model, o1, scored just 32%."
    assert claims(events(lead + higher + lower)) == {("OpenAI", "o3", "o1")}
    # the lower score first claims nothing for it
    assert not claims(events(lead + lower + " " + higher))
    # a share is no score on a test
    assert not claims(events(lead + "Usage of o3 reached 88% of the market. OpenAI’s older model, o1, reached 32%."))


def costs(found: list[dict]) -> set[tuple]:
    return {(e["model"], e["amount_usd"]) for e in found if e["type"] == "training_cost"}


def test_a_cost_past_the_lead_naming_no_model_is_of_the_makers_model_the_sentence_before_made():
    # realset r295
    lead = "We are excited to release Sky-T1-7B, a SOTA open-recipe 7B model. " + "We show that RL helps. " * 8
    made = ("Second, we show that simple RL can further enhance the current SOTA 7B reasoning model "
            "DeepSeek-R1-Distill-Qwen-7B’s capability, resulting in a new SOTA open-weights 7B reasoning model "
            "Sky-T1-mini, with close to o1-mini performance. ")
    cost = "The training takes 36 hours using 8xH100s, which is around $870 according to Lambda Cloud Pricing."
    assert costs(events(lead + made + cost)) == {("Sky-T1-mini", 870.0)}
    # a model of another maker the sentence before names did not cost it
    other = "Meanwhile, researchers elsewhere fine-tuned DeepSeek-V3 on new data. "
    assert not costs(events(lead + other + cost))


def test_a_name_with_a_parameter_count_after_a_performance_cue_is_a_yardstick():
    # realset r295
    text = ("We demonstrate a recipe for training Sky-T1-7B with RL and SFT from the Qwen2.5-Math-7B base model using "
            "only 5k distilled data from a strong teacher model QwQ, outperforming models trained with over 100k "
            "distilled data from a much stronger teacher model DeepSeek-R1 (e.g., OpenThinker-7B trained on 117k R1 "
            "responses).")
    assert ("NovaSky", "Sky-T1-7B", "OpenThinker-7B") in claims(events(text))
    # a size of a known model, or the tail of its name, is no other yardstick (devset 079)
    text = "On SWE-bench Verified Kimi K2 scored 65.8%, ahead of DeepSeek-V3-0324 and Qwen3-235B-A22B."
    assert {c for _, _, c in claims(events(text))} == {"DeepSeek-V3-0324", "Qwen3-235B-A22B"}


def test_a_yardstick_told_by_what_it_is_is_a_claim_only_where_no_rival_is_named():
    # realset r285
    lead = ("Antares: Open Weight AI Models for Vulnerability Localization. Today, Cisco is introducing Antares, a "
            "family of security small language models. ")
    claim = ("Benchmark testing shows that these models outperform many powerful closed- and open-weight models in "
             "this critical security task at a fraction of the cost.")
    assert claims(events(lead + claim)) == {("Cisco", "Antares", "many powerful closed- and open-weight models")}
    # realset r287: the rival named tells the claim
    text = ("Anthropic released Claude Opus 5 today. On the IPI benchmark, Opus 5 improved over Opus 4.8. "
            "Opus 5 also outperformed all non-Claude models on this benchmark.")
    assert {c for _, _, c in claims(events(text))} == {"Opus 4.8"}


def test_a_company_the_claim_names_is_no_maker_of_a_model_the_gazetteer_does_not_know():
    # ../shared/archive/lab-announcements.jsonl (Seed1.5-VL Technical Report): OpenAI makes the rival, not Seed1.5-VL
    text = ("We present Seed1.5-VL, a vision-language foundation model. Moreover, in agent-centric tasks such as GUI "
            "control and gameplay, Seed1.5-VL outperforms leading multimodal systems, including OpenAI CUA and Claude "
            "3.7.")
    assert not [c for c in claims(events(text, title="Seed1.5-VL Technical Report")) if c[0] == "OpenAI"]


def test_a_launch_introducing_versioned_names_tells_new_models_and_a_ranking_is_their_claim():
    # realset r276 (Cartesia's launch page)
    text = ("Introducing Sonic-3.5 and Ink-2. Ink-2: Ranked #1 on accuracy, with fast turn-taking for natural "
            "conversations. Sonic-3.5: Ranked #1 for naturalness, low latency with support for 40+ languages.")
    found = claims(events(text, title="Cartesia AI releases SOTA TTS and ASR models"))
    assert {m for _, m, _ in found} == {"Sonic-3.5", "Ink-2"}
    assert ("Cartesia AI", "Ink-2", "accuracy") in found
    # a store's ranking is no benchmark
    text = "Introducing Sonic-3.5 and Ink-2. Ink-2: Ranked #1 on the App Store within a day."
    assert not claims(events(text, title="Cartesia AI releases SOTA TTS and ASR models"))


def test_a_name_quoted_before_what_it_is_is_a_new_model_and_scoring_well_against_is_a_claim():
    # realset r170 (headline)
    title = "Japan's 'Sakana Fugu' multiagent AI scores well against Fable 5, GPT 5.5"
    text = ("TOKYO -- Japanese startup Sakana AI announced Monday the public release of the Sakana Fugu service that "
            "combines multiple artificial intelligence models into one collaborative workflow.")
    assert ("Sakana AI", "Sakana Fugu", "GPT 5.5") in claims(events(text, title=title))
    # a quoted name that is no model's ("the 'Tokyo Summit' event") tells none
    assert not claims(events(text, title="Japan's 'Tokyo Summit' event scores well against GPT 5.5 rivals"))


def test_doing_with_less_than_a_rival_of_a_known_line_with_a_new_version_is_a_claim():
    # realdev g29
    text = ("Thinking Machines Lab released its first in-house AI model Wednesday morning, called Inkling. Inkling is "
            "designed to give calibrated answers. On one benchmark, the company says, Inkling uses a third as many "
            "tokens as Nvidia’s Nemotron 3 Ultra — its latest generation open-weight model — to hit the same coding "
            "performance.")
    assert ("Thinking Machines Lab", "Inkling", "Nemotron 3 Ultra") in claims(events(text))
    # the bare line is no yardstick
    assert not claims(events(text.replace("Nemotron 3 Ultra", "Nemotron")))


def test_a_system_built_on_a_model_is_a_new_model_and_lower_scores_told_next_are_its_yardsticks():
    # realset r169
    text = ("Google Research unveiled Gemini-SQL2, a new text-to-SQL system built on Gemini 3.1 Pro. On the BIRD "
            "benchmark, which measures how accurately these translations work, Gemini-SQL2 hits an execution accuracy "
            "of 80.04 percent, putting it in first place, according to Google. OpenAI's GPT-5.5-xhigh scores about "
            "72.8 percent, and Anthropic's Claude Opus 4.6 lands around 70.9 percent.")
    found = claims(events(text, title="Google Gemini-SQL2 tops text-to-SQL benchmarks"))
    assert {("Google", "Gemini-SQL2", "GPT-5.5"), ("Google", "Gemini-SQL2", "Claude Opus 4.6")} <= found
    # a higher score told next is no claim for the first
    assert not claims(events(text.replace("80.04", "60.04"), title="Google Gemini-SQL2 tops text-to-SQL benchmarks"))


def test_ahead_of_told_of_time_is_no_ranking():
    # holdout h1279 (claude.com), batch 22
    text = (
        "Claude Mythos 5 is now available in Claude Security. This gave defenders a window of time to find and fix "
        "vulnerabilities ahead of models with similar capabilities becoming generally available or reaching malicious "
        "actors."
    )
    assert not claims(events(text))
    # a ranking told with the same words is one
    assert claims(events("Claude Mythos 5 is now available. It finished ahead of rival models on every benchmark."))


def test_a_yardstick_is_told_as_the_text_names_it():
    # tests/pages3 q037 (a gogoai page on "Claude 4"): "Gemini Ultra", as its readers (and labels) name it, not the
    # gazetteer's "Gemini 1.0 Ultra"
    found = events("Claude 4 achieves a reported 78.3% on the GPQA Diamond benchmark, surpassing GPT-4o's 53.6% and "
                   "Gemini Ultra's 59.1%.")
    assert {c[2] for c in claims(found)} == {"GPT-4o", "Gemini Ultra"}


def test_costs_further_down_an_article_about_training_costs_are_its_news():
    # tests/pages3 q086 (Visual Capitalist on the AI Index's estimates): the lead is about training costs, so an
    # estimate further down is no cost recalled in passing
    lead = ("Training advanced AI models like OpenAI's ChatGPT and Google's Gemini Ultra requires millions of dollars, "
            "with costs escalating rapidly. ")
    filler = "The graph above shows the increase. How costs are determined is explained below. Epoch AI helped. " * 3
    cost = ("Last year, OpenAI's GPT-4 cost an estimated $78.4 million to train, a steep increase from Google's "
            "PaLM model.")
    found = events(lead + filler + cost, title="The rising cost of training AI models")
    assert {(e["model"], e["amount_usd"]) for e in found if e["type"] == "training_cost"} == {("GPT-4", 78.4e6)}
    # (in an article about something else it is recalled)
    found = events("Nvidia shipped new chips. Demand is high. Sales rose. Analysts cheered. " * 3 + cost,
                   title="Nvidia ships Blackwell Ultra")
    assert [e for e in found if e["type"] == "training_cost"] == []
