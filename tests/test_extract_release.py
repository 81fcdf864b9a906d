"""Model releases, benchmark claims and training costs on real news prose (short quoted sentences of the realset and
realdev articles, named by id)."""
from __future__ import annotations

from datetime import datetime, timezone

import polars as pl
import pytest

from tests import extract_batch
from transforms.extract import extract_mentions

PUBLISHED = datetime(2026, 6, 20, tzinfo=timezone.utc)
# (the weeks of known models' releases, for tests that release them: told long after, undated, they are history)
GPT_4O_WEEK = datetime(2024, 5, 15, tzinfo=timezone.utc)
GPT_4O_MINI_WEEK = datetime(2024, 7, 20, tzinfo=timezone.utc)
SORA_WEEK = datetime(2024, 12, 10, tzinfo=timezone.utc)
GPT_5_WEEK = datetime(2025, 8, 8, tzinfo=timezone.utc)
LLAMA_4_WEEK = datetime(2025, 4, 7, tzinfo=timezone.utc)
GEMINI_3_WEEK = datetime(2025, 11, 19, tzinfo=timezone.utc)
# sentences that tell nothing, to push a sentence past the lead
FILLER = " ".join(f"Sovereign nations can now deploy AI locally, point {i}." for i in range(10))


def events(text: str, title: str = "", published: datetime = PUBLISHED) -> list[dict]:
    return extract_batch.events(text, title, published)


@pytest.fixture(scope="module", autouse=True)
def _texts_extracted_in_one_batch(request):
    extract_batch.extract_module_texts(request, PUBLISHED)


def typed(found: list[dict], type_: str, *fields: str) -> set[tuple]:
    return {tuple(e[f] for f in ("org", "model", *fields)) for e in found if e["type"] == type_}


def test_a_release_told_with_an_ing_verb_past_the_lead_is_news():
    # realdev g27 (The Verge): "is also releasing" takes the model as its object
    found = events(FILLER + " The company is also releasing Claude Mythos 5, but provided few details on what that "
                   "means.", title="Anthropic releases its first Mythos-class model")
    assert ("Anthropic", "Claude Mythos 5") in typed(found, "model_release")


def test_a_plan_told_only_past_the_lead_is_no_release():
    # realdev g17 (Fortune): an aside on an upcoming model, far down an article about a White House meeting
    sentence = ("The White House also requested OpenAI limit the release of its upcoming GPT 5.6 model to a small "
                "number of government-approved partners because of its advanced capabilities.")
    assert not typed(events(FILLER + " " + sentence), "model_release")
    # in the lead it is the news, as a plan
    assert [e["status"] for e in events(sentence) if e["type"] == "model_release"] == ["planned"]


def test_a_new_model_named_twice_and_told_as_a_model_is_its_repository_owners():
    # realset r279 (deep-reinforce.com): an unknown name, told as a family of models, named again; the Hugging Face
    # repository's owner made it
    text = ("Introducing Ornith-1.0, a self-improving family of open-source models specially for agentic coding tasks. "
            "Ornith-1.0 spans the full spectrum. We serve the model for training and inference ( "
            "https://huggingface.co/deepreinforce-ai/Ornith-1.0-397B/blob/main/chat_template.jinja ), and modify "
            "Harbor to align with vLLM's reasoning_content key.")
    assert ("Deepreinforce AI", "Ornith-1.0") in typed(events(text), "model_release")
    # named once, it is a passing mention
    assert not typed(events(text.split(". Ornith")[0] + "."), "model_release")


def test_a_headline_release_without_a_name_releases_the_articles_first_new_model():
    # realdev g31 (TechCrunch): the model is named far down, as "its LLM"; the headline's subject made it
    text = (FILLER + " The company says the first iteration of its LLM, Base1, was developed and trained on a dataset "
            "generated from real user interactions on the platform. " + FILLER + " But Shlomo is betting that the "
            "huge engineering effort to develop Base1 will cement its positioning.")
    found = events(text, title="Vibe-coding platform Base44 launches own model as AI startups seek defensibility")
    assert typed(found, "model_release") == {("Base44", "Base1")}
    # without the headline's release, the same text releases nothing
    assert not typed(events(text, title="Vibe-coding platform Base44 hires a new CFO"), "model_release")


def test_a_funding_rounds_amount_beside_a_training_word_is_no_training_cost():
    # devset 101: "trained" describes the model; the amount is the round's
    found = events("BERLIN - Tessellate Labs, a two-year-old Berlin startup that builds language models for lawyers, "
                   "on Monday released Tess-7B, a 7-billion-parameter model trained heavily on German and Austrian "
                   "court decisions, and said it had raised €12m in a Series A round. Tess-7B matches GPT-4o mini.")
    assert not typed(found, "training_cost")


def test_a_size_of_a_new_model_of_the_lead_claims_its_benchmark_past_the_lead():
    # realset r279: the flagship size, named past the lead, beats a known model
    text = ("Introducing Ornith-1.0, a self-improving family of open-source models specially for agentic coding tasks. "
            "Ornith-1.0 spans the full spectrum. We serve it ( https://huggingface.co/deepreinforce-ai/Ornith-1.0-397B "
            "). " + FILLER + " At the flagship scale, Ornith-1.0-397B achieves 77.5 "
            "on Terminal-Bench 2.1 and 82.4 on SWE-Bench Verified, surpassing Claude Opus 4.7 on both.")
    assert ("Ornith-1.0-397B", "Claude Opus 4.7") in {
        (m, c) for _, m, c in typed(events(text), "benchmark_claim", "compared_to")
    }


def test_a_release_told_far_down_of_a_model_the_lead_does_not_name_is_no_news():
    # realset r243 (a history of open models): sentence 119 of a long article
    release = "Berkeley launches Koala, a dialogue model trained entirely using freely available data."
    assert not typed(events(" ".join([FILLER] * 6) + " " + release), "model_release")
    # nearer the lead it is news still (past the lead, a direct object of the release verb)
    assert typed(events(FILLER + " " + release), "model_release")


def test_past_the_opening_a_benchmark_claim_is_news_only_for_the_main_companys_model():
    # realset r287 (a piece on Claude Opus 5): another company's model compared in the lead is the piece's discussion
    text = ("On the IPI benchmark, Opus 5 improved over Opus 4.8, reducing the probability of an attacker succeeding "
            "within 15 attempts from 5.5% to 2.0%. It also improved on Sonnet 5. Opus 5 also outperformed all "
            "non-Claude models on this benchmark. The most robust non-Claude model was Muse Spark at 16.5%. The most "
            "capable GPT 5.6 variant, Sol, was comparable to its predecessor GPT 5.5 (20.0% versus 20.8% within 15 "
            "attempts), and was 10 times as likely to be successfully attacked as Claude Opus 5 at 2.0%.")
    claims = typed(events(text, title="Anthropic's Opus 5 Is Better at Resisting Prompt Injection"), "benchmark_claim")
    assert {org for org, _ in claims} == {"Anthropic"}


def test_a_name_without_a_version_told_as_the_companys_model_is_a_model():
    # realdev g30 (Business Insider): a codename, told as "its upcoming ... model", named again
    text = ("Meta's superintelligence chief says its upcoming Watermelon model now matches GPT-5.5 on key AI "
            "benchmarks. Watermelon, our next model after Avocado, is currently in training, Wang said.")
    assert ("Meta", "Watermelon", "GPT-5.5") in typed(events(text), "benchmark_claim", "compared_to")
    # a word of a longer known name is none ("Muse" of Muse Spark)
    assert not [e for e in events(text + " Watermelon uses more compute than Muse Spark, its latest Muse model.")
                if e["model"] == "Muse"]


def test_a_name_described_as_a_model_in_the_opening_is_the_headline_companys():
    # realset r185 (Thomson Reuters): "Thomson, a first of its kind AI model", benchmarked in the opening
    text = ("Today we're sharing the first benchmarking results for Thomson, performing competitively with Claude Opus "
            "4.8 and ahead of GPT-5.5 and Gemini 3.1 Pro. Today, we are sharing early benchmarking results for "
            "Thomson, a first of its kind AI model.")
    found = events(text, title="Thomson Reuters built its own AI model that now ranks among the best")
    assert ("Thomson Reuters", "Thomson", "Claude Opus 4.8") in typed(found, "benchmark_claim", "compared_to")
    # a word of a longer name is none: "Daybreak Blue, its other cyber models access tier" (realset r008)
    found = events("OpenAI is pointing most companies toward Daybreak Blue, its other cyber models access tier. Blue "
                   "is the broader tier for approved defenders, and Blue beats Red.")
    assert not [e for e in found if e["model"] == "Blue"]


def test_a_model_line_released_first_told_as_a_model_is_a_release():
    # realdev g40 (Ars Technica, December 2024): Sora is a bare line name, released here as "its text-to-video model"
    articles = pl.DataFrame([{
        "article_id": "a", "title": "", "published_at": datetime(2024, 12, 20, tzinfo=timezone.utc),
        "text": "On day 3, OpenAI released Sora, its text-to-video model, as a standalone product now accessible "
                "through sora.com for ChatGPT Plus and Pro subscribers.",
    }])
    assert ("OpenAI", "Sora") in typed(extract_mentions(articles).to_dicts(), "model_release")
    # a bare line name otherwise names no release
    assert not typed(events("Google released Gemma to developers on Tuesday."), "model_release")


def test_a_chronicle_item_is_no_release():
    # realset r267 (a blog essay, 2025): a list of breakthroughs, one a year
    text = ("Let me cherry-pick a few notable examples. "
            "- in 2024 a ragtag group of internet fanatics developed Muon, which seems to be a better optimizer. "
            "- in 2025 DeepSeek released DeepSeek-R1, an open-source model that has equivalent reasoning power to "
            "similar closed-source models from AI labs.")
    assert not typed(events(text), "model_release")
    # alone, the year fronting this year's release dates it
    assert ("DeepSeek", "DeepSeek-R1") in typed(events("In 2026 DeepSeek released DeepSeek-R1, an open-source model."),
                                                "model_release")


def test_permission_to_release_is_no_release():
    # realset r016 (a policy story): the release is one the government lets happen, not one that happened
    sentence = ("The U.S. government on Friday granted Anthropic permission to release its Mythos 5 model to a group "
                "of roughly 100 companies and federal agencies, according to multiple media reports.")
    assert not typed(events(sentence), "model_release")
    assert typed(events("Anthropic released its Mythos 5 model on Friday."), "model_release")


def test_a_model_named_as_a_level_is_a_yardstick():
    # realset r238 (simonwillison.net): "GPT-4 level outputs" compares with GPT-4, it releases nothing
    sentence = ("In addition to producing GPT-4 level outputs, it introduced several brand new capabilities to the "
                "field, most notably its 1 million token input context length.")
    assert not typed(events(sentence, title="OpenAI introduced GPT-4 level models"), "model_release")
    assert typed(events("OpenAI introduced GPT-4o, its new model.", published=GPT_4O_WEEK), "model_release")


def test_a_quoted_name_a_headline_releases_is_a_model_the_lead_calls_one():
    # realset r278 (sakana.ai): the headline quotes the name, the lead calls it "Our Fugu Ultra model"
    title = "Sakana AI Releases 'Fugu Ultra' to Match Frontier Performance"
    lead = ("Our Fugu Ultra model stands shoulder-to-shoulder with leading models across the industry's most "
            "rigorous engineering, scientific, and reasoning benchmarks.")
    assert ("Sakana AI", "Fugu Ultra") in typed(events(lead, title=title), "model_release")
    # a quoted name the article never calls a model is some other product
    assert not typed(events("The robot walks and talks.", title="Acme AI unveils 'Superman' robot"), "model_release")


def test_a_release_added_with_also_past_the_lead_is_alerted():
    # realset r002 (anthropic.com): the second model of the announcement, told far down
    found = events(FILLER + " For a small group of cyberdefenders and infrastructure providers, we're also launching "
                   "Claude Mythos 5.", title="Anthropic launches Claude Fable 5")
    (mythos,) = [e for e in found if e["type"] == "model_release" and e["model"] == "Claude Mythos 5"]
    assert mythos["confidence"] >= 0.6
    # without "also", a release told that far down stays below the alert threshold
    found = events(FILLER + " For a small group of cyberdefenders, Anthropic launched Claude Mythos 5.",
                   title="Anthropic launches Claude Fable 5")
    assert [e["confidence"] < 0.6 for e in found if e["model"] == "Claude Mythos 5"] == [True]


def test_the_lead_releasing_the_headlines_model_by_description():
    # realset r252 (interconnects.ai): the headline names the model, the lead releases it as "their first ... model"
    title = "DeepSeek R1's recipe to replicate o1 and the future of reasoning LMs"
    lead = ("Yesterday, January 20th, China's open-weights frontier AI laboratory, DeepSeek AI, released their first "
            "full fledged reasoning model.")
    assert ("DeepSeek", "DeepSeek-R1") in typed(events(lead, title=title), "model_release")
    # with a headline about something else, "their first ... model" names no model
    assert not typed(events(lead, title="The future of reasoning LMs"), "model_release")


def test_a_known_name_written_with_a_version_is_a_newer_model():
    # realset r010 (blog.google): "Nano Banana" is the gazetteer's Gemini 2.5 Flash Image; "Nano Banana 2 Lite" is new
    text = ("Introducing Nano Banana 2 Lite: our fastest image model yet. Nano Banana 2 Lite is available today in "
            "Google AI Studio, Gemini API and Gemini Enterprise Agent Platform.")
    found = events(text, title="Google launches Nano Banana 2 Lite")
    assert {m for _, m in typed(found, "model_release")} == {"Nano Banana 2 Lite"}
    # realdev g40 (TechCrunch): without a version the name is the known model
    found = events("On day 3, OpenAI released Sora, its text-to-video model, as a standalone product.",
                   published=SORA_WEEK)
    assert typed(found, "model_release") == {("OpenAI", "Sora")}


def test_a_model_a_headline_only_teases_is_planned():
    # realset r006 (9to5Google): Gemini 3.6 Flash is announced, Gemini 4 only teased
    found = events("", title="Google announces Gemini 3.6 Flash and cybersecurity AI, teases 3.5 Pro, Gemini 4")
    status = {e["model"]: e["status"] for e in found if e["type"] == "model_release"}
    assert status["Gemini 3.6 Flash"] == "done"
    assert status["Gemini 4"] == "planned"


def test_a_new_family_of_models_introduced_in_the_opening_is_the_headlines_company():
    # realset r250 (answer.ai): "a family of ... models" describes a model; "improvements over older generation
    # encoders" compares, it tells no background; the maker is the company the headline names
    text = ("This blog post introduces ModernBERT, a family of state-of-the-art encoder-only models representing "
            "improvements over older generation encoders across the board.")
    found = events(text, title="Finally, a Replacement for BERT: Introducing ModernBERT – Answer.AI")
    assert ("Answer.AI", "ModernBERT") in typed(found, "model_release")
    # a release told as background stays background
    assert not typed(events(text.replace("over older generation", "and its older"), title="Answer.AI"),
                     "model_release")
    # a name not told as a model is not the company in focus's (archive lab-announcements.jsonl: a paper's title)
    found = events("agibot_world: authored 3 papers, including Hume: Introducing System-2 Thinking in "
                   "Visual-Language-Action Model.", title="[HuggingFace] authored 3 papers")
    assert not typed(found, "model_release")


def test_a_variant_word_hyphened_onto_a_known_name_is_that_variant():
    # realset r294 (novasky-ai.github.io), r288: the release names the variant, not the known model it extends
    found = events("We are excited to introduce **Sky-T1-32B-Flash**, our updated reasoning language model that "
                   "significantly reduces overthinking.", title="NovaSky")
    assert {m for _, m in typed(found, "model_release")} == {"Sky-T1-32B-Flash"}
    found = events("Alibaba released Qwen 3.8-Max this week.")
    assert typed(found, "model_release") == {("Alibaba", "Qwen 3.8-Max")}


def test_a_short_name_of_a_model_named_in_full_is_one_release():
    # realset r001 (SCMP): "MiniMax-M3" in the headline, "M3" in the lead: one release, one alert
    found = events("Chinese artificial intelligence start-up MiniMax has released M3, a model built for long and "
                   "complex coding tasks.", title="MiniMax debuts MiniMax-M3 for long and complex coding tasks")
    assert {m for _, m in typed(found, "model_release")} == {"MiniMax-M3"}


def test_a_release_of_the_headlines_model_told_past_the_lead_is_alerted():
    # realset r010 (blog.google): the headline names the model, its availability is told far down
    found = events(FILLER + " Nano Banana 2 Lite is available today in Google AI Studio, Gemini API and Gemini "
                   "Enterprise Agent Platform.", title="Start building with Nano Banana 2 Lite")
    (release,) = [e for e in found if e["type"] == "model_release"]
    assert release["model"] == "Nano Banana 2 Lite" and release["confidence"] >= 0.6


def test_a_number_listed_after_a_model_with_a_noun_after_it_is_a_quantity():
    # tests/holdout h055 (Mistral AI's news page): "1 gigawatt" is no "GLM 1"
    found = events("Mistral AI unveils its plan for European AI sovereignty: SLA-backed regional inference, five-year "
                   "European Compute Unit contracts, hosting China's GLM-5.2, and 1 gigawatt of compute by 2030.")
    assert not {m for _, m in typed(found, "model_release") if m == "GLM 1"}
    # a variant word after a listed version still names a version
    assert ("OpenAI", "GPT-4o mini") in typed(
        events("OpenAI released GPT-4o and 4o mini.", published=GPT_4O_MINI_WEEK), "model_release"
    )


def test_a_build_number_of_a_program_is_no_model_version():
    # tests/holdout h002 (Marginlab): a regression dated by the tool's builds, in an article measuring it
    assert not typed(events("The regression was introduced around Claude Code 2.1.150 and 2.1.151."), "model_release")


def test_a_model_another_company_hosts_is_not_released():
    # tests/holdout h055 (Mistral AI's news page): Mistral hosts Zhipu's model, it releases nothing of Zhipu's
    found = events("Mistral AI unveils its plan for European AI sovereignty: SLA-backed regional inference, five-year "
                   "European Compute Unit contracts, hosting China's GLM-5.2, and 1 gigawatt of compute by 2030.")
    assert not typed(found, "model_release")


def test_a_launch_heading_without_a_full_stop_is_read():
    # realset r277 (docs.z.ai): the docs page heads its launch with a line that has no full stop
    text = ("Search... Navigation Language Models Guides API Reference\n"
            "Introducing GLM-5.2 1M Context: Making Long-Horizon Tasks Stable and Practical\n"
            "Coding Capabilities Validated by Both Benchmarks and Developers\n")
    assert ("Zhipu AI", "GLM-5.2") in typed(events(text, title="GLM-5.2 - Overview"), "model_release")
    # a heading of another kind stays page furniture
    assert not typed(events("Navigation\nGLM-5.2 1M Context Available Now\nCoding Capabilities\n",
                            title="GLM-5.2 - Overview"), "model_release")

    # holdout h1272 (deepmind.google), batch 22: launch headings one under another are links to other posts
    teasers = ("Our leading text-to-image model\nIntroducing Gemini 3.5 Flash Cyber\n"
               "Introducing Gemini 3.6 Flash, 3.5 Flash-Lite, and 3.5 Flash Cyber\nFollow us\n")
    assert not typed(events(teasers, title="DeepMind Models"), "model_release")
    # the page's own heading told twice is its news
    own = "Introducing GLM-5.2 1M Context: Making Long-Horizon Tasks Stable and Practical\n"
    assert ("Zhipu AI", "GLM-5.2") in typed(events(own + own, title="GLM-5.2 1M Context"), "model_release")
    # ... and so is a heading introducing the name the title carries, above a link to another post
    headings = "Introducing GLM-5.2\nIntroducing GLM Coding Plan\nMore text here.\n"
    title = "GLM-5.2: long-horizon tasks made stable"
    assert ("Zhipu AI", "GLM-5.2") in typed(events(headings, title=title), "model_release")


def test_a_name_the_lab_introduces_and_the_lead_calls_a_model_is_its_release():
    # realset r278 (sakana.ai): "We are excited to introduce X" names no model where it stands; the lead says it is one
    text = ("We are excited to introduce Sakana Fugu, a new product from Sakana AI that delivers a full multi-agent "
            "orchestration system as a single foundation model. Fugu dynamically orchestrates the world's best "
            "models. Sakana Fugu is itself a language model trained to call various LLMs in an agent pool.")
    assert ("Sakana AI", "Sakana Fugu") in typed(events(text, title="Beyond Bigger Models"), "model_release")
    # a thing the lead calls a benchmark or a tool for models is no model
    text = ("We're excited to introduce FrontierCode, a benchmark from Cognition. FrontierCode is a benchmark for "
            "coding models.")
    assert not typed(events(text, title="Cognition blog"), "model_release")


def test_a_new_name_extending_a_known_models_is_its_makers():
    # realset r294 (NovaSky blog): Lambda, named after the announcement ("according to Lambda Cloud pricing"), is a
    # supplier; Sky-T1-32B-Flash extends NovaSky's Sky-T1
    text = ("We are excited to introduce Sky-T1-32B-Flash, our updated reasoning language model that reduces "
            "overthinking. It requires only $275 for the complete training recipe using 8xH100s according to Lambda "
            "Cloud pricing.")
    assert {o for o, m in typed(events(text, title="Think Less, Achieve More"), "model_release")
            if m == "Sky-T1-32B-Flash"} == {"NovaSky"}


def test_a_cost_recalled_as_an_estimate_past_the_lead_is_no_news():
    # realset r189 (an essay on Google's AI spending): another model's cost, dated to a past year, recalled far down
    sentence = ("Training one Gemini model ran about $190 million (Gemini Ultra, 2023, the last public estimate); "
                "being the provider costs Alphabet roughly $49 billion a year in R&D.")
    assert not typed(events(FILLER + " " + sentence), "training_cost")
    # a cost stated plainly is still told (demo deepseek-r1-cost: "training GPT-4 cost more than $100 million")
    assert typed(events(FILLER + " Sam Altman had said that training GPT-4 cost more than $100 million."),
                 "training_cost", "amount_usd") == {("OpenAI", "GPT-4", 100_000_000.0)}


def test_a_headline_announcing_a_model_takes_the_maker_the_page_names_below_it():
    # lab-announcements archive (Google DeepMind's blog): the headline names the model, the text its maker
    found = events("Robots are quickly becoming part of our lives. Google DeepMind researchers trained the agent "
                   "across many arms.", title="RoboCat: A self-improving robotic agent")
    assert ("Google DeepMind", "RoboCat") in typed(found, "model_release")


def test_a_launch_headline_naming_a_new_version_before_or_after_its_verb():
    # lab-announcements archive (ByteDance Seed's blog): "X Released: ...", "Official Release of X: ..."
    text = "A generalizable robot operation model from the ByteDance Seed team that supports long-range tasks."
    assert ("ByteDance", "GR-3") in typed(events(text, title="Seed Research￨GR-3 Released: A Generalist Robot Model"),
                                           "model_release")
    assert ("ByteDance", "Seed1.8") in typed(
        events(text, title="Official Release of Seed1.8: A Generalized Agentic Model"), "model_release")
    # no model spoken of, or a numbered part, is no release
    assert not typed(events("Microsoft said so.", title="The Release of Windows 11: A Review"), "model_release")
    assert not typed(events("Apple said so. A model.", title="Chapter 2 Released"), "model_release")


def test_a_release_talked_about_is_no_release():
    # tests/holdout h442 (WIRED, batch 8, development): meetings about re-releasing a model release nothing
    text = ("The Trump administration has been happier talking to Anthropic lately, according to people familiar with "
            "the matter: They don’t have to deal with CEO Dario Amodei anymore, because he’s been replaced in meetings "
            "about re-releasing the Claude Fable 5 AI model by his cofounder Tom Brown.")
    assert not [e for e in events(text) if e["type"] == "model_release"]
    # the release itself still is one
    assert [e["model"] for e in events("Anthropic released Claude Fable 5 on Tuesday.")
            if e["type"] == "model_release"] == ["Claude Fable 5"]


def test_a_new_models_name_told_after_the_model_word():
    # holdout h655 (TechCrunch) and h662 (TechCrunch), batch 12: a one-word name the gazetteer does not know, named
    # again in the article
    text = ("Anthropic released its latest model Fable on Tuesday, billing it as a public and limited version of its "
            "powerful and much-hyped cybersecurity model Mythos.")
    title = "Cybersecurity researchers aren't happy about the guardrails on Anthropic's Fable"
    assert ("Anthropic", "Fable") in typed(events(text, title=title), "model_release")
    text = ("OpenAI is rolling out its latest advanced LLM, Sol, for wide public access. Sol is considered to be at "
            "least on par with Anthropic's Fable.")
    assert ("OpenAI", "Sol") in typed(events(text), "model_release")


def test_a_headline_that_asks_or_explains_about_a_model_releases_nothing():
    # unlabelled pool, lazerg.uz blog (hn-digest 2026-07-28): an explainer's "<model>: What It Is and Why the Hype?"
    text = ("What Claude Fable 5 actually does - a smart Telegram bot, reading receipts and contracts, customer "
            "support - and when it's overkill for a small business.")
    assert not typed(events(text, title="Claude Fable 5: What It Is and Why the Hype?"), "model_release")
    # a lab's "<model>: <tagline>" headline still releases it
    assert ("Google DeepMind", "Gemini 3.9 Flash") in typed(
        events(text, title="Gemini 3.9 Flash: our fastest model yet"), "model_release")


def test_release_words_that_say_something_else_release_nothing():
    # unlabelled pool (hn-digest 2026 blogs): a figure "published", a model that "came out" as good as another
    assert not typed(events("The same recorded token mix would have cost about $11.96 on Claude Opus 4.8 and $23.92 "
                            "on Claude Fable 5 at published list prices."), "model_release")
    assert not typed(events("On quality, Mistral Medium 3.5 came out almost as good as Sonnet in our tests, in line "
                            "with the published numbers."), "model_release")
    assert ("Mistral AI", "Mistral Medium 3.5") in typed(events("Mistral Medium 3.5 came out on Tuesday."),
                                                         "model_release")
    # tests/holdout h733 (SCMP, batch 13, development): a byline's "Published:" run into the lead
    assert not typed(events("2 -MIN READ 2 -MIN 5 Listen Xinmei Shen Published: 4:00pm, 7 Aug 2026 Updated: 6:37pm, 7 "
                            "Aug 2026 China’s top open-weight AI model Kimi K3 broke out of its test environment."),
                     "model_release")


def test_a_model_named_for_its_price_is_a_yardstick():
    # unlabelled pool (hn-digest 2026): the older model's pricing is what the new one launched at
    found = typed(events("Anthropic launched Claude Opus 5 at Opus 4.8 pricing."), "model_release")
    assert found == {("Anthropic", "Claude Opus 5")}


def test_a_release_a_sentence_opens_with_as_its_time_is_background():
    # holdout h1278 (anthropic.com research page), batch 22: the release is the time of what the page tells
    text = (
        "When we announced Claude Mythos 5, we shared that we were experimenting with the model to accelerate parts "
        "of the drug design process."
    )
    assert not typed(events(text), "model_release", "model")
    # the same release told as the news is one
    assert typed(events("Today we announced Claude Mythos 5, our most capable model."), "model_release", "model")


def test_the_last_word_of_a_known_models_name_is_no_new_model():
    # tests/holdout h1438 (Fortune): "K3" of "Kimi K3" read as a new model of the page's company
    text = ("These concerns have been heightened by last week’s debut of Kimi K3, an advanced open-source AI model "
            "from Chinese AI startup Moonshot. Chinese AI companies have continuously kept the American industry on "
            "its toes, beginning with DeepSeek R1 in 2025, and most recently with this month’s release of Kimi K3.")
    found = events(text, title="Hugging Face says it resorted to a Chinese AI model")
    assert {model for _, model in typed(found, "model_release")} <= {"Kimi K3", "DeepSeek R1"}


def test_a_release_held_back_is_no_release():
    # tests/holdout h1438 (Fortune): a government asked a lab to restrict a release
    text = ("It also initially asked OpenAI to restrict the release of its GPT-5.6 Sol model until OpenAI could offer "
            "assurances its guardrails around cyber capabilities were also robust.")
    assert not typed(events(text), "model_release")
    for held in ("It also asked OpenAI to restrict the launch of its GPT-5.6 Sol model.",
                 "OpenAI postponed the release of its GPT-5.6 Sol model after safety testing.",
                 "OpenAI withheld the release of its GPT-5.6 Sol model."):
        assert not typed(events(held), "model_release"), held
    assert typed(events("OpenAI released its GPT-5.6 Sol model on Tuesday."), "model_release")


def test_a_lab_releasing_a_model_as_it_writes_is_news_past_the_lead():
    # tests/holdout h1267 (Google DeepMind's blog): the release is told far down the page, in the present
    lead = " ".join(["Cyclone forecast accuracy has been steadily advancing over recent decades."] * 6)
    text = (lead + " Additionally, we are releasing WeatherNext 2-mini, a compact version of the model that can run "
            "on a single TPU in a free public Colab notebook.")
    title = "AI model achieves breakthrough in forecasting cyclones – Google DeepMind"
    assert ("Google DeepMind", "WeatherNext 2-mini") in typed(events(text, title=title), "model_release")
    # a release told in the past, past the lead, is not read so
    past = lead + " Last year we released WeatherNext 2-mini, a compact version of the model."
    assert ("Google DeepMind", "WeatherNext 2-mini") not in typed(events(past, title=title), "model_release")


def test_a_company_out_with_a_model_releases_it():
    # tests/holdout h1037 (VentureBeat): "is out with" a new version of a known line
    text = ("The company is out on Tuesday with Nemotron 3.5 Lightning, a 30-billion-parameter open mixture-of-experts "
            "model built for high-volume, specialized agent tasks.")
    assert ("Nvidia", "Nemotron 3.5 Lightning") in typed(events(text, title="Nvidia news"), "model_release")
    # and a model the gazetteer does not know
    assert ("Mistral AI", "Magistral 2") in typed(events("Mistral is out today with Magistral 2, a reasoning model."),
                                                  "model_release")
    # word being out about a model releases nothing
    assert not typed(events("Word is out with regard to GPT-6."), "model_release")


def test_codex_the_coding_agent_is_no_model():
    # tests/holdout h469 (9to5Mac): the app's launch on another platform; h450: what the agent introduced
    text = ("“Linux has been one of the most-requested platforms for the desktop app, and this launch extends ChatGPT "
            "and Codex across every major desktop operating system,” the company said Tuesday.")
    assert not typed(events(text, title="OpenAI brings Codex to Linux"), "model_release")
    # nor is a tool named after it, released ("OpenAI open-sourced an Apache-2.0 Codex Security CLI", pool p1598)
    assert not typed(events("OpenAI open-sourced an Apache-2.0 Codex Security CLI for repo scans and CI."),
                     "model_release")
    # a versioned Codex model is one
    assert ("OpenAI", "GPT-5-Codex") in typed(events("OpenAI released GPT-5-Codex on Monday."), "model_release")


def test_what_a_paper_introduces_or_a_launch_given_as_an_example_is_no_release():
    # tests/holdout h1517 (Simon Willison's blog), batch 27: a paper's system
    text = ("The new DeepMind paper introduces a system called CaMeL (short for CApabilities for MachinE Learning), "
            "a new approach to mitigating prompt injection attacks.")
    assert not typed(events(text, title="CaMeL offers a promising new direction"), "model_release")
    # tests/holdout h1510 (a blog), batch 27: a launch as the example of a point
    assert not typed(events("The launch of OpenAI’s o1 model illustrates this risk."), "model_release")
    # a lab's own introduction, and a launch told as news, still are
    assert typed(events("OpenAI launched its o1 model on Thursday."), "model_release")
    assert ("Acme AI", "Zephyr-9") in typed(events("Acme AI released Zephyr-9, a new open model, on Monday."),
                                            "model_release")


def test_what_is_said_of_a_model_or_models_given_as_examples_are_no_release():
    # tests/holdout h1561 (Simon Willison's DevDay live blog), batch 28: a rate limit announced
    text = ("They started with some demos of o1 being used in applications, and announced that the rate limit for o1 "
            "doubled to 10000 RPM (from 5000 RPM) - same as GPT-4 now.")
    assert not typed(events(text, title="OpenAI DevDay 2024 live blog"), "model_release")
    # tests/holdout h1614 (minimaxir.com), batch 28: what labs have released, as examples
    text = ("FLUX.1-dev immediately overshadowed the famous Stable Diffusion line of image generation models, while "
            "leading AI labs have released models such as Seedream, Ideogram, and Qwen-Image.")
    assert not typed(events(text), "model_release")
    # tests/holdout h1571 (HKUST's blog), batch 28: a release as a point in time
    assert not typed(events("Many of our experiments were completed prior to the release of DeepSeek-R1."),
                     "model_release")
    # a release announced is still one
    assert typed(events("OpenAI announced that GPT-5 is now available to all users.", published=GPT_5_WEEK),
                 "model_release")


def test_what_was_introduced_in_a_paper_is_no_release_and_nano_banana_pro_is_its_own_model():
    # tests/holdout h1632 (Oxen.ai's blog), batch 29: a method's paper and a model it was used for
    text = ("It was first introduced in their paper DeepSeekMath: Pushing the Limits of Mathematical Reasoning in "
            "Open Language Models, but was also used in the post-training of DeepSeek-R1.")
    assert not typed(events(text), "model_release")
    # tests/holdout h1676 (minimaxir.com), batch 29: the nickname of a newer model, not the older one's
    found = typed(events("Google released Nano Banana Pro on Thursday, an AI image model."), "model_release")
    assert ("Google DeepMind", "Nano Banana Pro") in found
    assert ("Google DeepMind", "Gemini 2.5 Flash Image") not in found


def test_the_release_rules_of_blog_pages_leave_ordinary_releases_alone():
    # (review of this session's rules: each narrowed to its own shape)
    for text, want, published in (
        ("OpenAI announced that GPT-5 is generally available.", ("OpenAI", "GPT-5"), GPT_5_WEEK),
        ("Meta has released two new models, including Llama 4 Scout and Llama 4 Maverick.", ("Meta", "Llama 4 Scout"),
         LLAMA_4_WEEK),
        ("Two years after ChatGPT's launch, OpenAI released GPT-5.", ("OpenAI", "GPT-5"), GPT_5_WEEK),
        ("Google released Gemini 3, just after OpenAI's launch of GPT-5.1.", ("Google DeepMind", "Gemini 3"),
         GEMINI_3_WEEK),
        ("Together with a technical paper DeepSeek introduced DeepSeek-V4, its new open-weight model.",
         ("DeepSeek", "DeepSeek-V4"), PUBLISHED),
        ("Google's launch of Gemini 3 Pro shows it has caught up with OpenAI.", ("Google DeepMind", "Gemini 3 Pro"),
         GEMINI_3_WEEK),
    ):
        assert want in typed(events(text, published=published), "model_release"), text
    # "out with" something that is no model releases nothing
    assert not typed(events("OpenAI is out with a warning that GPT-5 can be misused."), "model_release")


def test_a_known_models_release_told_long_after_it_without_a_date_is_history():
    # tests/holdout h1732 (2025-11-23) and h1723 (2025-08-17), batch 30 (blogs): GPT-5 (2025-08-07) and GPT-4 (2023)
    # as history
    gpt5 = ("When GPT-5 launched, the overall mood was very negative, and the consensus was that it wasn’t a strong "
            "model.")
    assert not typed(events(gpt5, published=datetime(2025, 11, 23, tzinfo=timezone.utc)), "model_release")
    gpt4 = ("But this time, the release wasn't met with the same universal acclaim that people felt for GPT-4. GPT-4 "
            "was such a huge breakthrough the likes of which we haven't really seen since.")
    assert not typed(events(gpt4, published=datetime(2025, 8, 17, tzinfo=timezone.utc)), "model_release")
    # told in the model's week, the same words are its news
    assert ("OpenAI", "GPT-5") in typed(events(gpt5, published=GPT_5_WEEK), "model_release")
    # weights published later are news of their own; a name the gazetteer does not date is left alone
    late_weights = "xAI open-sourced Grok 2 on Hugging Face."
    assert ("xAI", "Grok 2") in typed(events(late_weights, published=datetime(2025, 8, 24, tzinfo=timezone.utc)),
                                      "model_release")
    assert typed(events("DeepSeek released DeepSeek-V4, its new model.", published=PUBLISHED), "model_release")


@pytest.mark.parametrize(
    "text,published,want",
    [
        # tests/holdout h1773 (The Pragmatic Engineer, 2025-07-01), batch 31: Claude Sonnet 4 was released on 22 May
        ("And usage has risen sharply since 22 May – the launch day of Claude Sonnet 4 and Claude Code: Claude Code "
         "usage increased by 40%.", (2025, 7, 1), None),
        # (a release on the day itself is still news: review)
        ("Today is the launch day of Claude Opus 4.1, which Anthropic released this morning.", (2025, 8, 5),
         ("Anthropic", "Claude Opus 4.1")),
        # a month-only release date is its month's end: GPT-5.1 (2025-11) told 34 days after 12 November is news still
        ("OpenAI released GPT-5.1 to all ChatGPT users.", (2025, 12, 16), ("OpenAI", "GPT-5.1")),
        # a release used as a time marker, even beside a date, which dates the other clause (tests/holdout h1828,
        # Anthropic's own page, batch 32); a release told with its date is news still
        ("This report introduces new metrics of AI usage to provide a rich portrait of interactions with Claude in "
         "November 2025, just prior to the release of Opus 4.5.", (2025, 11, 30), None),
        ("Anthropic released Claude Opus 4.5 on November 24.", (2025, 11, 25), ("Anthropic", "Claude Opus 4.5")),
        # ... and so is a dated release in the main clause beside a time marker (review)
        ("OpenAI released GPT-5.2 on December 11, days after Google launched Gemini 3 Pro.", (2025, 12, 20),
         ("OpenAI", "GPT-5.2")),
    ],
)
def test_a_day_or_time_named_by_a_release_is_no_release(text, published, want):
    found = typed(events(text, published=datetime(*published, tzinfo=timezone.utc)), "model_release")
    if want is None:
        assert not found
    else:
        assert want in found


def test_a_release_someone_is_considering_keeps_its_status():
    # (review) its status is not changed by someone "considering" it
    text = "Google released Gemini 3 Pro on Tuesday, and many enterprises are considering it for their workflows."
    found = [e for e in events(text, published=datetime(2025, 11, 20, tzinfo=timezone.utc))
             if e["type"] == "model_release"]
    assert [e["status"] for e in found] == ["done"]


def test_a_variant_of_a_known_model_is_named_whole():
    # tests/holdout h1807 (Google's own page, 2025-12-12), batch 32: a new variant of a model released months before
    text = "Today, we’re releasing an updated Gemini 2.5 Flash Native Audio for live voice agents."
    found = typed(events(text, published=datetime(2025, 12, 12, tzinfo=timezone.utc)), "model_release")
    assert {model for _, model in found} == {"Gemini 2.5 Flash Native Audio"}
    # (a variant word of a new version of a known line: test_a_company_out_with_a_model_releases_it)
    # a feature's name after a model is no variant (review)
    text = "Google launched Gemini 3 Pro Audio Overviews in NotebookLM."
    found = typed(events(text, published=datetime(2025, 12, 12, tzinfo=timezone.utc)), "model_release")
    assert "Gemini 3 Pro Audio" not in {model for _, model in found}


def test_a_deep_research_agent_is_no_model():
    # tests/holdout h1693 (a blog, 2025), batch 30: an agent built on the model, named after it
    text = ("Google unveiled its Gemini 1.5 Deep Research in December 2024, OpenAI followed with its Deep Research in "
            "February 2025, and Perplexity introduced its own Deep Research shortly after.")
    assert not typed(events(text, published=datetime(2025, 3, 1, tzinfo=timezone.utc)), "model_release")
    # the model itself is still released
    assert typed(events("Google unveiled Gemini 3.5 Pro on Tuesday, with a Deep Research mode."), "model_release")


def test_a_new_model_set_off_by_a_comma_is_released_by_the_startup_just_started():
    # tests/newsindex u028 (TechCrunch, 2026-09-18): "the company" is the startup introduced last, not OpenAI
    text = ("Two years ago, Almeida left OpenAI to start TypeSafe AI, a startup trying to fix that problem. This week, "
            "the company released a new transformer-based model, Jev, that is not a large language model (LLM). A "
            "screenshot shows a comparison of Jev and an OpenAI model responding to the same requests.")
    assert typed(events(text, title="A new kind of AI model from a ChatGPT inventor is thrilling developers"),
                 "model_release") == {("TypeSafe AI", "Jev")}
    # (review) the name closes the apposition: a source named after "a new AI model" is none
    text = ("Meta is preparing a new AI model, Bloomberg reported on Tuesday. Bloomberg said the model would launch "
            "in June.")
    assert not typed(events(text, title="Meta readies a new model"), "model_release")


def test_a_new_models_maker_named_after_it_is_its_maker():
    # tests/newsindex u030 (TechCrunch, 2026-09-30): the headline's "OpenAI's Jev clone" makes Jev no OpenAI model
    text = ("The API apparently provides similar functionality to Jev, a model released by TypeSafe AI earlier this "
            "month that’s explicitly designed for software automation. Developers have been using Jev to augment "
            "LLMs and, in doing so, have found that they’re faster and cheaper.")
    found = events(text, title="OpenAI’s Jev clone could help the frontier lab stop its swarming agents")
    assert ("OpenAI", "Jev") not in typed(found, "model_release")
    # (review) what describes the maker is no part of its name
    text = ("The API mirrors Jev, a model released by Chinese startup Zhipu earlier this month. Developers have been "
            "using Jev to augment LLMs.")
    assert ("Chinese", "Jev") not in typed(events(text), "model_release")


def test_releases_told_in_an_article_that_ranks_or_compares_models_are_its_background():
    # tests/newsindex w022 (aimlapi's blog, 2026-06-23): a ranking of the spring's models
    text = ("Overview Something genuinely different happened in the spring of 2026. Within roughly a 30-day window, "
            "OpenAI shipped GPT-5.5, Anthropic released Claude Opus 4.7, Google announced Gemini 3.5 Flash at I/O, "
            "DeepSeek dropped V4 Pro with MIT licensing and a price cut that cut costs by 75%, and Alibaba unveiled "
            "Qwen 3.7 Max with benchmark wins that surprised even close observers of the field.")
    title = "Best LLM Models 2026 Compared: Reasoning, Coding, Multimodal & Price — AI/ML API Blog"
    assert not typed(events(text, title=title), "model_release")
    assert typed(events(text, title="The spring of 2026 in AI"), "model_release")
    # (review) a headline that tells a launch, or ranks what is not a model, is no ranking of models
    text = "Anthropic released Claude Opus 5 on Tuesday, its most capable model."
    for title in ("Best model yet: Anthropic launches Claude Opus 5",
                  "Top 5 things to know about Anthropic's new Claude Opus 5 model"):
        assert ("Anthropic", "Claude Opus 5") in typed(events(text, title=title), "model_release")


def test_we_on_a_companys_own_site_is_that_company():
    # tests/newsindex w012 (thinkingmachines.ai, 2026): the page's button row names Hugging Face before "we"
    text = ("Try on Tinker Model card Hugging Face Today, we are releasing Inkling-Small, an efficient open-weights "
            "model that achieves comparable performance to Inkling at a quarter of its size.")

    def makers(url: str | None) -> set[str]:
        articles = pl.DataFrame([{"article_id": "a", "title": "Introducing Inkling-Small", "text": text,
                                  "published_at": PUBLISHED, "url": url}])
        return {e["org"] for e in extract_mentions(articles).to_dicts() if e["type"] == "model_release"}

    assert makers("https://thinkingmachines.ai/news/inkling-small/") == {"Thinking Machines Lab"}
    # (a site's subdomain too; another site, or none, says nothing of whose "we" it is)
    assert makers("https://www.thinkingmachines.ai/blog/x") == {"Thinking Machines Lab"}
    assert makers("https://techcrunch.com/2026/09/01/inkling-small/") == {"Hugging Face"}
    assert makers(None) == {"Hugging Face"}


def test_a_companys_site_is_read_from_its_host_or_a_domain_it_is_under():
    from transforms import gazetteer
    from transforms.extract.names import site_org

    urls = ["https://openai.com/index/a", "http://blog.google/x", "https://research.nvidia.com/labs/cosmos",
            "https://techcrunch.com/a", "https://notopenai.com/x", "not a url", None]
    found = pl.DataFrame({"url": urls}, schema={"url": pl.String}).select(
        site_org(pl.col("url"), gazetteer.default())).to_series().to_list()
    assert found == ["OpenAI", "Google", "Nvidia", None, None, None, None]


def test_a_release_a_company_denies_reports_of_is_none():
    # tests/searchpages s005 (a search index's page, 2024): "refutes report that it will release"
    assert not typed(events("OpenAI denies reports it will release GPT-5 this year.", published=GPT_5_WEEK),
                     "model_release")
    assert not typed(events("OpenAI refutes report that it will release GPT-5 later this year.",
                            published=GPT_5_WEEK), "model_release")


def test_we_who_work_with_a_maker_on_a_companys_site_is_no_maker():
    # (review) on developer.nvidia.com, "we" who worked with the maker do not make its model
    articles = pl.DataFrame([{"article_id": "a", "title": "A post", "published_at": PUBLISHED,
                              "text": "Mistral AI released Zorblax-7, and we worked with them to optimize it. "
                                      "Zorblax-7 is a new open-weights model.",
                              "url": "https://developer.nvidia.com/blog/zorblax"}])
    found = extract_mentions(articles).to_dicts()
    assert {e["org"] for e in found if e["type"] == "model_release"} == {"Mistral AI"}


def test_a_software_or_device_version_is_no_model():
    # the holdout pool (hn-digest pages): an IDE and an operating system are released like models, yet are none
    assert not typed(events("Apple launched Xcode 27 during WWDC’26, introducing a bunch of agentic development "
                            "improvements, including official agent skills."), "model_release")
    assert not typed(events("Serlet, Apple’s then-senior vice president of software engineering, was introducing OS X "
                            "10.6 Snow Leopard, a release Apple claimed would emphasize small refinements."),
                     "model_release")
    assert not typed(events("Google released Android 17 on Tuesday."), "model_release")
    # (a model released beside them still is one)
    assert typed(events("Acme AI released Zephyr-9, its new model, on Tuesday."), "model_release") == {
        ("Acme AI", "Zephyr-9")}


def test_a_release_someone_is_kept_from_or_that_is_taken_back_is_none():
    # the holdout pool (a newsletter): the government kept one model back and made a lab withdraw another
    assert not typed(events("First, it forced Anthropic to un-release Fable 5 two weeks ago, and now it prevents "
                            "OpenAI from releasing GPT-5.6 at all."), "model_release")
    assert not typed(events("The directive bars Anthropic from releasing Claude Fable 5 abroad."), "model_release")
    # (a release told beside a block still is one)
    assert ("OpenAI", "GPT-5.6") in typed(events("OpenAI released GPT-5.6 on Tuesday, days after a court blocked Acme "
                                                 "from selling its chips."), "model_release")


def test_review_kept_from_releasing_and_a_galaxy_model():
    assert not typed(events("The regulator kept OpenAI from releasing GPT-6 in Europe."), "model_release")
    assert ("Nvidia", "Galaxy-7B") in typed(events("Nvidia released Galaxy-7B, an open model, on Tuesday."),
                                            "model_release")


def test_a_launch_price_charts_published_and_a_release_dating_another_clause_are_no_release():
    # the unlabelled pool (hn-digest articles outside every labelled set): p1061, p0504, p0796
    for text in [
        "Anthropic now says Claude Sonnet 5’s launch price of $2 input / $0.20 cache reads / $10 output per million "
        "tokens is the standard price.",
        "I read the three benchmark charts it published, and Claude Opus 5 wins all three, including Meta’s own "
        "internal eval.",
        "The short version: Meta published three benchmark charts, and Claude Opus 5 comes first on all three.",
        "After multiple years of growth, the repo was getting 100+ new issues every month, and when Anthropic's Opus "
        "4.6 model was released, PRs hit an inflection point.",
    ]:
        assert not typed(events(text), "model_release"), text
    # a release told with its date, or launched at a price, is still one
    assert typed(events("When Anthropic's Opus 4.6 model was released on Thursday, users cheered."),
                 "model_release") == {("Anthropic", "Opus 4.6")}
    assert typed(events("Anthropic launched Claude Sonnet 5 today at a launch price of $2 per million tokens."),
                 "model_release") == {("Anthropic", "Claude Sonnet 5")}


def test_a_release_of_a_new_name_denied_in_its_clause_is_none():
    # found by the question rule's review: the names the gazetteer does not know had no negation read at all
    for text in ["OpenAI did not release GPT-6 last week.", "OpenAI has not released Zephyr-9 yet.",
                 "Did Acme release Zephyr-9 last week?"]:
        assert not typed(events(text), "model_release"), text
    # a denial after the name, in another clause, is not the release's
    assert typed(events("Acme released Zephyr-9, which does not read images."), "model_release") == {
        ("Acme", "Zephyr-9")
    }


def test_a_release_verb_tells_of_no_model_past_a_clause_break():
    # the unlabelled pool (p1100): Claude Fable 5 is the subject of the clause after "while", not what was shipped
    text = ("GPT-5.6 Sol's $100 run shipped some genuinely low-quality AI clips, while Claude Fable 5 happened to pick "
            "a model with more coherent output.")
    assert ("Anthropic", "Claude Fable 5") not in typed(events(text), "model_release")
    text = "OpenAI released GPT-5.5 on Tuesday, while Google's Gemini 3 Pro remains the leader on most benchmarks."
    assert typed(events(text), "model_release") == {("OpenAI", "GPT-5.5")}


def test_review_mends_of_the_release_rules():
    # review of e3ce55c..a8d1c38: a negation in a relative clause before the verb is not the release's
    assert typed(events("DeepSeek, which did not respond to a request for comment, released DeepSeek-V4 on "
                        "Wednesday."), "model_release") == {("DeepSeek", "DeepSeek-V4")}
    assert typed(events("Alibaba, which has never open-sourced its largest models, released Qwen4-Max on Thursday."),
                 "model_release") == {("Alibaba", "Qwen4-Max")}
    # a dash sets off the model's name, not a clause
    assert ("OpenAI", "GPT-5.5 Pro") in typed(events(
        "OpenAI released a new model on Tuesday - GPT-5.5 Pro - for ChatGPT subscribers."), "model_release")


def test_a_new_version_the_release_verb_takes_further_into_the_lead_is_released():
    # tests/holdout h1037 (VentureBeat): the launch is told in the lead's seventh sentence
    text = ("Nvidia's Nemotron 3.5 Lightning pairs with its NeMo Switchyard router. Enterprises running always-on AI "
            "agents keep hitting the same tradeoff. Send every task to a frontier model and the bill climbs fast. "
            "Build custom routing logic and that becomes its own engineering project. Nvidia is proposing a fix. The "
            "company is out on Tuesday with Nemotron 3.5 Lightning, a 30-billion-parameter open mixture-of-experts "
            "model built for high-volume, specialized agent tasks.")
    assert typed(events(text, "Nvidia's Switchyard router reshuffles AI models mid-task"), "model_release") == {
        ("Nvidia", "Nemotron 3.5 Lightning")}
    # (there, a version the verb does not take is no release: a yardstick of another clause)
    text = ("Nvidia sells chips. Enterprises keep hitting the same tradeoff. Send every task to a frontier model. "
            "Build custom routing logic. Nvidia is proposing a fix. Nvidia launched a router that beats Nemotron 3.5 "
            "Lightning on cost.")
    assert not typed(events(text, "Nvidia's router"), "model_release")


def test_a_research_page_headed_with_a_new_version_of_a_known_line_releases_it():
    # tests/holdout h1283 (research.nvidia.com): "Cosmos" is a line of Nvidia's (lexicons.toml model_line)
    found = events("Cosmos 3 connects understanding, generation, simulation, and action through a shared omnimodal "
                   "world model.", "Cosmos 3: Omnimodal World Models for Physical AI")
    assert typed(found, "model_release") == {("Nvidia", "Cosmos 3")}


def test_a_name_spelt_with_a_non_breaking_hyphen_is_read_and_its_history_is_no_release():
    # 113 saved articles of the labelled sets and the pool spell "GPT‑5" with U+2011 (tests/searchpages s042)
    found = events("OpenAI’s GPT\u20114 was trained for $78M.")
    assert {(e["org"], e["model"]) for e in found if e["type"] == "training_cost"} == {("OpenAI", "GPT-4")}
    # (in the headline too)
    assert typed(events("OpenAI released it on Monday.", "OpenAI launches GPT\u20115.7"), "model_release") == {
        ("OpenAI", "GPT-5.7")}
    # what that shows of the release checks: a release that dates the sentence (holdout h1846) and a model not out yet
    # (the pool, p2371) are no release
    assert not typed(events("With the release of GPT\u20113.5, the team experienced its first major breakthrough."),
                     "model_release")
    assert not typed(events("After investigating, we now know that this particular incident was driven by a "
                            "combination of OpenAI models — including GPT\u20115.6 Sol and an even more capable "
                            "pre\u2011release model, all with reduced cyber refusals for evaluation purposes — while "
                            "being internally tested on a benchmark."), "model_release")


def test_a_headline_announcing_our_model_on_a_labs_own_site_is_the_labs_release():
    # tests/newsindex w020 (thinkingmachines.ai): a name like a gerund, and a lead that names Hugging Face first
    articles = pl.DataFrame([{
        "article_id": "a", "title": "Inkling: Our Open-Weights Model",
        "text": "Try on Tinker Model card Hugging Face Our mission is to build AI that extends human will and "
                "judgment. Our model, called Inkling, is a Mixture-of-Experts transformer with 975B total parameters.",
        "published_at": PUBLISHED, "url": "https://thinkingmachines.ai/news/introducing-inkling/"}])
    found = extract_mentions(articles).to_dicts()
    assert typed(found, "model_release") == {("Thinking Machines Lab", "Inkling")}
    # (a paper titled with a gerund is still no release: "Scaling: How Models Learn")
    assert not typed(events("We study this.", "Scaling: What Our Experiments Say About Model Size"), "model_release")


def test_review_of_this_sessions_release_rules():
    # a review of 30eb09d..34b628b
    # (a launch that opens the lead in the present is news, not a time clause)
    assert typed(events("With the launch of Claude Opus 5.1, Anthropic now leads on coding benchmarks. The model is "
                        "available today."), "model_release") == {("Anthropic", "Claude Opus 5.1")}
    # (further into the lead, a version awaited or expected is not released)
    lead = "Nvidia sells chips. Enterprises want speed. Costs climb. Routing is hard. Nvidia is proposing a fix. "
    assert not typed(events(lead + "Nvidia has yet to release Nemotron 4.5 Ultra, its largest open model."),
                     "model_release")
    assert not typed(events(lead + "Analysts expect Nvidia to announce Cosmos Reason 3 at GTC."), "model_release")


def test_second_review_of_this_sessions_release_rules():
    # a review of 34b628b..0bb867b: section labels and gerund headlines on a lab's own site are no models; the site's
    # company makes only what its headline calls "our" one; a partner's model named in a lab's headline is the partner's
    for title, url in (("Opinion: Our AI models are failing us", "https://www.theguardian.com/x"),
                       ("Training: Our Models", "https://www.anthropic.com/news/x"),
                       ("Reasoning: Our Models Now Think Longer", "https://openai.com/index/x")):
        articles = pl.DataFrame([{"article_id": "a", "title": title, "text": "We train models.",
                                  "published_at": PUBLISHED, "url": url}])
        assert not typed(extract_mentions(articles).to_dicts(), "model_release")
    articles = pl.DataFrame([{"article_id": "a", "title": "Our partner Sarvam AI launches Sarvam-M2, a Hindi reasoning "
                              "model", "text": "Sarvam AI builds models.", "published_at": PUBLISHED,
                              "url": "https://blogs.nvidia.com/x"}])
    assert typed(extract_mentions(articles).to_dicts(), "model_release") == {("Sarvam AI", "Sarvam-M2")}
    # (a history told with a possessive subject or an irregular verb)
    for text in ("With the release of GPT-5.5, OpenAI's user base exploded.",
                 "Following the release of Qwen 4, Alibaba's cloud revenue rose 30%."):
        assert not typed(events(text), "model_release")
    # (further into the lead: "open sourced" with a space, and a plan told as one)
    lead = "Nvidia sells chips. Enterprises want speed. Costs climb. Routing is hard. Nvidia is proposing a fix. "
    assert typed(events(lead + "On Tuesday, Nvidia open sourced Nemotron 4.5 Ultra, its largest open model."),
                 "model_release") == {("Nvidia", "Nemotron 4.5 Ultra")}
    assert typed(events(lead + "Nvidia will release Nemotron 4.5 Ultra next month."), "model_release", "status") == {
        ("Nvidia", "Nemotron 4.5 Ultra", "planned")}
