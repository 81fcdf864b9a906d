"""The event extractor: the seed article through `radar extract`, and the precision guards on small texts."""
from __future__ import annotations

import json
import subprocess
import sys
from datetime import datetime, timezone

import polars as pl
import pytest

from expectations.mentions import EVIDENCE_MIN_CHARS
from tests import extract_batch
from tests.conftest import REPO, SEED_DIR, SHARED, needs_shared
from transforms.articles import html_to_text
from transforms.evaluate import matches
from transforms.extract import MENTION_SCHEMA, extract_mentions
from transforms.normalize import USD_RATES

PUBLISHED = datetime(2025, 3, 10, tzinfo=timezone.utc)
# (the weeks of known models' releases, for tests that release them: told long after, undated, they are history)
GPT_4O_WEEK = datetime(2024, 5, 15, tzinfo=timezone.utc)
LLAMA_3_1_WEEK = datetime(2024, 7, 25, tzinfo=timezone.utc)


def events(text: str, title: str = "", published: datetime = PUBLISHED) -> list[dict]:
    return extract_batch.events(text, title, published)


@pytest.fixture(scope="module", autouse=True)
def _texts_extracted_in_one_batch(request):
    extract_batch.extract_module_texts(request, PUBLISHED)


def kinds(found: list[dict]) -> set[tuple]:
    return {(e["type"], e["org"], e["model"]) for e in found}


@needs_shared
def test_radar_extract_on_the_seed_article_meets_the_contract():
    expected = json.loads((SEED_DIR / "expected.json").read_text(encoding="utf-8"))
    result = subprocess.run(
        [sys.executable, "-m", "cli.main", "extract", "--published", expected["assume_published"],
         str(SEED_DIR / expected["article"])], cwd=REPO, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    found = [json.loads(line) for line in result.stdout.splitlines()]
    for event in found:
        assert {"type", "org", "model", "event_date", "evidence", "confidence"} <= set(event)
        assert 0 <= event["confidence"] <= 1
    for want in expected["must_find"]:
        assert any(
            matches(want, e)
            and all(e.get(k) == v for k, v in want.items() if k in ("open_weights", "license", "event_date"))
            for e in found
        ), f"missing {want}"
    for unwanted in expected["must_not_find"]:
        label = {k: v for k, v in unwanted.items() if k != "why"}
        assert not any(all(e.get(k) == v for k, v in label.items()) for e in found), f"found {unwanted}"


def test_every_mention_has_the_schema_and_a_stable_key():
    found = events("OpenAI released GPT-4o on May 13, 2024. OpenAI released GPT-4o to all users.")
    assert found and all(set(e) == set(MENTION_SCHEMA) for e in found)
    assert {e["event_key"] for e in found} == {"model_release|openai|gpt-4o"}
    assert found[0]["event_date"] == "2024-05-13"


def test_comparison_points_are_not_releases():
    found = events("Alibaba released Qwen2.5-Max, which it says outperforms DeepSeek-V3 and matches GPT-4o.")
    assert ("model_release", "Alibaba", "Qwen2.5-Max") in kinds(found)
    assert not {k for k in kinds(found) if k[0] == "model_release" and k[2] in ("DeepSeek-V3", "GPT-4o")}
    assert {e["compared_to"] for e in found if e["type"] == "benchmark_claim"} == {"DeepSeek-V3", "GPT-4o"}


def test_negations_are_dropped_and_plans_and_rumours_are_marked():
    found = events(
        "OpenAI has not released GPT-5. Meta plans to launch Llama 5 later this year. "
        "Mistral AI is reportedly in talks to raise $1 billion."
    )
    assert not [e for e in found if e["model"] == "GPT-5"]
    status = {(e["type"], e["org"]): e["status"] for e in found}
    assert status[("model_release", "Meta")] == "planned"
    assert status[("funding", "Mistral AI")] == "reported"


def test_unknown_startups_and_models_are_found_with_lower_confidence():
    found = events(
        "Acme AI, a Berlin-based startup, released Zephyr-9 on Monday under the Apache 2.0 license. "
        "Separately, a startup called Foo Robotics raised $20 million in a seed round."
    )
    release = next(e for e in found if e["type"] == "model_release")
    assert (release["org"], release["model"], release["license"]) == ("Acme AI", "Zephyr-9", "Apache-2.0")
    funding = next(e for e in found if e["type"] == "funding")
    assert (funding["org"], funding["amount_usd"], funding["round"]) == ("Foo Robotics", 20e6, "seed")
    known = events("Meta released Llama 3.1 405B on July 23, 2024.")[0]
    assert release["confidence"] < known["confidence"]


def test_licence_names_and_minor_versions_do_not_become_other_models():
    # (dated as the model's news: a known model's release told undated long after it is history)
    found = events("Meta released Llama 3.1 405B under the Llama 3.1 Community License.", published=LLAMA_3_1_WEEK)
    assert kinds(found) == {("model_release", "Meta", "Llama 3.1 405B")}
    assert found[0]["license"] == "Llama 3.1 Community License"
    assert not [e for e in events("OpenAI released GPT-4.7 today.") if e["model"] == "GPT-4"]


@pytest.mark.parametrize(
    "text, field, value",
    [
        ("Amazon will invest an additional $4 billion in Anthropic.", "org", "Anthropic"),
        (
            "Mistral AI raised €600 million in a Series B round led by General Catalyst, valuing it at €5.8 billion.",
            "round",
            "Series B",
        ),
        ("The New York Times sued OpenAI and Microsoft over copyright.", "counterparty", "The New York Times"),
        ("OpenAI was sued by The New York Times over copyright.", "org", "OpenAI"),
        ("OpenAI CTO Mira Murati is leaving the company.", "person", "Mira Murati"),
        ("Nvidia's shares fell 17%, erasing $589 billion in market value.", "amount_usd", -589e9),
    ],
)
def test_typed_fields(text, field, value):
    assert value in [e[field] for e in events(text)]


def test_a_speaker_is_not_the_one_leaving():
    found = events(
        "Chief executive Sam Altman said that Bob McGrew, the chief research officer, was also leaving OpenAI."
    )
    assert {e["person"] for e in found if e["type"] == "leadership"} == {"Bob McGrew"}


def test_articles_without_events_yield_nothing():
    assert (
        events(
            "The conference drew two hundred readers who debated agents, power bills and coffee. "
            "Nobody announced anything, and the panels ended on time."
        )
        == []
    )


def test_demo_scores_stay_high():
    result = subprocess.run(
        [sys.executable, "-m", "cli.main", "eval", "demo", "--json"],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    scores = json.loads(result.stdout)
    print("demo extraction scores:", json.dumps(scores["overall"]))
    assert (
        scores["by_type"]["model_release"]["precision"] == 1.0 and scores["by_type"]["model_release"]["recall"] == 1.0
    )
    assert scores["overall"]["precision"] >= 0.85 and scores["overall"]["recall"] >= 0.8


# --- rules added for leadership, acquisition, partnership, policy, legal, comparison (positive and negative each) ---


def _typed(found: list[dict], type_: str, *fields: str) -> set[tuple]:
    return {tuple(e[f] for f in ("org", *fields)) for e in found if e["type"] == type_}


@pytest.mark.parametrize(
    "text,want",
    [
        # the name right before a move verb; the apposition's company is the one the role is in
        ("Jeff Wang, Windsurf's head of business, became interim chief executive.", ("Windsurf", "Jeff Wang")),
        # the object of an appointing verb
        (
            "Intel has named Lip-Bu Tan, a semiconductor industry veteran, as its chief executive.",
            ("Intel", "Lip-Bu Tan"),
        ),
        # a capital inside a surname (The Atlantic 2026-07-24, hn-digest, outside every labelled set)
        (
            "Facebook then hired Yann LeCun, an NYU professor, to establish the company’s AI-research lab; Uber "
            "poached some 40 Carnegie Mellon researchers to work on driverless cars.",
            ("Meta", "Yann LeCun"),
        ),
        # the company joined, not the one named in the past apposition
        (
            "Meta is building a lab. Nat Friedman, the former GitHub chief executive, will co-lead the lab.",
            ("Meta", "Nat Friedman"),
        ),
        # a surname later in the article is the person named in full earlier
        ("Intel picked Lip-Bu Tan, a veteran. Tan takes over as chief executive on March 18.", ("Intel", "Lip-Bu Tan")),
        # a title is no part of the name; a time between "said" and the move (realdev g15, Bloomberg 2026-06-23)
        (
            "The stock fell as much as 7.2% after Google DeepMind Vice President John Jumper said over the weekend he "
            "was leaving for Anthropic.",
            ("Google DeepMind", "John Jumper"),
        ),
        # a role taken on in a relative clause (realset r163, wired.com 2026-07; r161, theguardian.com 2026-08-08)
        (
            "OpenAI's safety teams will now report to the company's VP of research and head of alignment Mia Glaese, "
            "who will take on an expanded role as VP of research and safety.",
            ("OpenAI", "Mia Glaese"),
        ),
        (
            "Google DeepMind will now be run by Hassabis's longstanding colleague, the US-based Koray Kavukcuoglu, who "
            "will take the non-CEO role of senior vice-president of DeepMind.",
            ("Google DeepMind", "Koray Kavukcuoglu"),
        ),
        # the role's domain after "of" is no person (anthropic.com/news/theo-hourmouzis-general-manager-...)
        (
            "Anthropic names Theo Hourmouzis General Manager of Australia & New Zealand and officially opens Sydney "
            "office",
            ("Anthropic", "Theo Hourmouzis"),
        ),
        # a role shifted (realset r161, theguardian.com 2026-08-08)
        (
            "Google DeepMind enters a new era as co-founder Demis Hassabis shifts AI role",
            ("Google DeepMind", "Demis Hassabis"),
        ),
        # a headline in title case (openai.com, 2024-08)
        ("Zico Kolter Joins OpenAI’s Board of Directors", ("OpenAI", "Zico Kolter")),
        # an apposition between dashes (tests/holdout h760, The Verge, batch 14)
        (
            "Five months after returning to OpenAI, Barret Zoph — the company’s head of enterprise AI sales — has "
            "departed, The Verge has learned.",
            ("OpenAI", "Barret Zoph"),
        ),
        # ... and between dashes with no spaces (tests/holdout h1826, Anthropic's own page, batch 32)
        (
            "Ami Vora—who joined Anthropic at the end of 2025—will lead the Product organization, partnering closely "
            "with Rahul Patil, our CTO, to scale the Claude experiences that millions of users rely on every day.",
            ("Anthropic", "Ami Vora"),
        ),
        # (review) "and other" people of another clause are no event's
        ("Jane Doe joined OpenAI as CTO and other executives are expected to follow.", ("OpenAI", "Jane Doe")),
        # a company's newest hire, named (not a lab's "latest hires": test_leadership_not_moves_in_context)
        (
            "One of Meta's newest hires is Shengjia Zhao, who joins as chief scientist of Meta Superintelligence Labs.",
            ("Meta", "Shengjia Zhao"),
        ),
        # tests/searchpages s104 (Mint), s052, s051: the appointee described before the name; "replaced by"; "is set
        # to take the helm"
        (
            "Meta CEO Mark Zuckerberg on Friday announced that his company's new Superintelligence Labs has appointed "
            "ChatGPT co-creator Shengjia Zhao as the chief scientist.",
            ("Meta", "Shengjia Zhao"),
        ),
        (
            "OpenAI’s board of directors announced on Friday that Sam Altman would be stepping down as CEO, and that "
            "he would be replaced by Mira Murati.",
            ("OpenAI", "Mira Murati"),
        ),
        (
            "Mira Murati, the innovative mind behind many of OpenAI’s breakthroughs, is set to take the helm as the "
            "new CEO.",
            ("OpenAI", "Mira Murati"),
        ),
    ],
)
def test_leadership_moves(text, want):
    assert want in _typed(events(text), "leadership", "person")


def test_leaving_for_a_company_is_read_in_the_persons_own_clause():
    # realset r160 (The Verge): each person leaves for the company of their own clause
    found = events("Barret Zoph and Luke Metz left for OpenAI, while Andrew Tulloch left for Meta.")
    assert _typed(found, "leadership", "person") == {
        ("OpenAI", "Barret Zoph"),
        ("OpenAI", "Luke Metz"),
        ("Meta", "Andrew Tulloch"),
    }
    # realdev g15 (Bloomberg): the company the clause names besides is the one left
    found = events("Last week, one of Google's most prominent researchers, Noam Shazeer, announced he was leaving for "
                   "OpenAI.")
    assert _typed(found, "leadership", "person") == {("Google", "Noam Shazeer"), ("OpenAI", "Noam Shazeer")}


def test_leaving_to_join_is_two_events():
    found = events("Scale AI said its founder and chief executive, Alexandr Wang, is leaving to join Meta.")
    assert {("Meta", "Alexandr Wang"), ("Scale AI", "Alexandr Wang")} <= _typed(found, "leadership", "person")


@pytest.mark.parametrize(
    "text",
    [
        "Interim co-chief executives David Zinsner and Michelle Johnston Holthaus will return to their roles at Intel.",
        "Musk left the OpenAI board in 2018 and is suing the company.",
        "OpenAI chief executive Sam Altman said the company would keep hiring researchers.",
        "Nat Friedman, the former GitHub chief executive, praised the launch.",
        # the subject appoints someone else (anthropic.com news feed, ../shared/corpus/feeds/real)
        "Anthropic thanked him. He served as director of the Center for Advanced Study in the Behavioral Sciences. "
        "The National Academy of Sciences appointed him to its Committee on Responsible Computing Research.",
        # the company left is no person (../shared/corpus/html/fundus_techcrunch_2024_05_17_strava_ai.html)
        "Strava competes with Netflix for attention. The company also last month procured a new chief technology "
        "officer (CTO) alongside Salazar, who left Epic Games to join Strava as chief product officer.",
        # allies, not a move (news.microsoft.com 2025-07-01)
        "Premier League and Microsoft join forces to create fan-friendly digital platforms",
        # "names" as a noun (realdev g12, CNBC 2026-07-29)
        "Memory space names Micron and Seagate lost more than 8%, Western Digital sank nearly 7% and Sandisk shed 14%.",
        # the move is the one named by the possessive (realdev g24, fortune.com 2026-08-13)
        "OpenAI co-founder and president Greg Brockman has taken a larger role in management following Simo’s "
        "departure.",
        # one becomes a role, nothing else (realset r106, a CNBC headline)
        "list 3 of 4 SpaceX IPO debuts in US markets, Musk becomes world’s first trillionaire",
        # a move in a "when" clause dates another (realset r162, The Verge)
        "Apple's Vision Products Group grew when Vision Pro chief Mike Rockwell took over Siri's AI upgrade.",
        # a role at a government agency is not the company in focus's (realset r024, Wired)
        "Anthropic hired him in 2024. Not long afterward, the Pentagon publicly announced that Kliger had been "
        "promoted to the agency’s chief data officer.",
        # a product named, no appointee (tests/holdout h242, Tom's Hardware)
        "At Computex 2026 , Intel is offering a few more details and updates for its next-generation Data Center GPU "
        "product, code-named Crescent Island. The Crescent Island GPU will be built on Intel's Xe3P GPU architecture.",
        # a title-case headline's "How" and a company named "as" a risk (tests/holdout h261, Ars Technica)
        "How Anthropic may have talked itself into an AI export ban\nThe export ban follows public clashes. In "
        "February, the Pentagon named Anthropic as a supply-chain risk to national security.",
        # a product among firms raising prices (tests/holdout h273, BBC News)
        "Apple and Microsoft's Xbox have joined the firms hiking prices for devices and games consoles which are "
        "years old.",
        # a political group that joins another in a cause (tests/holdout h283, Fortune)
        "Guardrails Alliance, which has raised $5 million towards a $15 million goal, joins Anthropic-backed Public "
        "First Action in opposing the group.",
        # hn-digest articles outside every labelled set (tests/holdout/README "unlabelled pool"): the Commerce
        # "Department" is no departure; a thing promoted; "AI replaces people"; a product joining a fight
        "Lutnick then spoke with Anthropic chief executive Dario Amodei on Friday, as the Commerce Department drew up "
        "its letter imposing export controls on Fable 5.",
        "The US government, under President Donald Trump, is financially and regulatorily promoting the expansion of "
        "nuclear energy to secure leadership in the AI race.",
        "For its part, Animaj has promoted a proprietary pipeline using tools including AI-assisted sketch-to-pose "
        "prediction.",
        "While tech companies such as Atlassian have said their approach is not “AI replaces people”, chief executive "
        "Mike Cannon-Brookes has said it would be “disingenuous to pretend AI doesn’t change the mix”.",
        "By June 2026, Claude Code, Cursor, Codex, and Antigravity converged on one agentic coding blueprint—now Grok "
        "Build joins the fight over price and habits.",
        # backers named as "names like", a person "named" (called), parties "named as defendants", workers fired, a
        # presenter joined by colleagues, a podcast guest
        "The company launched with real momentum: a $33 million seed round backed by names like a16z crypto’s Chris "
        "Dixon, Google DeepMind’s Jeff Dean, and Perplexity’s Aravind Srinivas.",
        "But in all likelihood none of this would have happened had it not been for an English mathematician named "
        "Thomas Bloom.",
        "io Products and Chang Liu, an electrical engineer at OpenAI who was at Apple until January, are also named as "
        "defendants in the lawsuit.",
        "Meta has been slashing jobs throughout the year, and in May fired about 8,000 workers, said Rob May, CEO of "
        "Neurometric.",
        "Federighi was joined by Amar Subramanya (vice president of AI), Mike Rockwell (Siri lead), and Sebastien "
        "Marineau-Mes (software VP).",
        "Recorded live at DX Annual, Abi Noda, co-founder and CEO of DX, joins Brian Houck of Microsoft to share an "
        "early look at DX’s new research.",
        # hn-digest articles outside every labelled set (tests/holdout/README "unlabelled pool"; The Guardian,
        # Neowin, Wired): "household names", a word before the workers AI replaces, people departing (not the
        # person named before them)
        "The datacentres the town hosts are owned and maintained by companies that are far from being "
        "household names – Equinix, Digital Realty, Iron Mountain – but serve famous customers including "
        "Amazon, Google, Oracle and Microsoft.",
        "Mustafa Suleyman, the head of Microsoft AI, recently took back his statements concerning "
        "white-collar jobs that he gave to the Financial Times in an interview made back in February, "
        "where he claimed that AI would replace office workers within 12 to 18 months.",
        # (an unlabelled pool article) people a lawsuit names
        "The lawsuit names former Apple executives Tang Tan, now OpenAI’s Chief Hardware Officer, and Chang Liu, who "
        "works as an electrical engineer at OpenAI, as two people involved in allegedly stealing Apple’s intellectual "
        "property.",
        "The lawsuit accuses OpenAI chief hardware officer Tang Tan, who spent 24 years at Apple and "
        "oversaw iPhone product design, and his colleagues at the AI company of encouraging people "
        "departing or considering leaving Apple to bring with them proprietary and unreleased technology.",
    ],
)
def test_leadership_not_moves(text):
    assert not _typed(events(text), "leadership", "person")


@pytest.mark.parametrize(
    "title,text",
    [
        # hn-digest articles outside every labelled set (tests/holdout/README "unlabelled pool"), with their headlines
        # and the sentences before: a benchmark named (cringely.com 2026-06-02), a model promoted (The Guardian
        # 2026-06-09), a move told under an earlier year (The Guardian 2026-06-19)
        ("AI: The Thirty Percent Confession",
         "While one part of the building handled the marketing, another part — Salesforce AI Research, the people "
         "whose job is to measure things rather than sell them — built a test to find out how well today’s best AI can "
         "do something gloriously unglamorous: find the right piece of information when it’s scattered across the "
         "mess of a normal company. Slack threads. GitHub. Meeting transcripts. Documents nobody filed correctly. The "
         "stuff every real business actually runs on.\nThey named it HERB — the Heterogeneous Enterprise RAG Benchmark "
         "— and they didn’t build it on the cheap."),
        ("Anthropic releases 'safe' version of Claude Mythos AI model to public",
         "Dubbed Fable 5, the model is the first to be made widely available from the company’s new Mythos class – "
         "its most advanced lineup of AI technology, unveiled in April but restricted to a small set of partner "
         "institutions for months over cybersecurity concerns.\nAnthropic promoted Fable 5 as useful for writing and "
         "debugging software code, answering complex research questions and analyzing images."),
        # (techdirt 2026-07-29: left out, no one leaves; joe.dev 2026-06-09: "Around 2011")
        ("Anthropic Doesn't Want Open Weight Models Banned. Just All That Makes Them Good",
         "That left one major player off the letter: Anthropic (a company that has so far refused to release any open "
         "weight models)."),
        ("Google's 20% 'project' has become AI's 120% 'attention'",
         "Around 2011, Larry Page returned as CEO with a “more wood behind fewer arrows” push, and Google Labs was "
         "shut down."),
        ("Guadagnino's Sam Altman movie dropped by Amazon after partnership with OpenAI",
         "Page Six reported last month that the hero of Rich’s story is OpenAI co-founder Ilya Sutskever, played by "
         "Anora star Yura Borisov. In 2023, Sutskever was one of the board members who ousted Altman as CEO; after "
         "Altman reinstatement a week later, Sutskever stepped down from the board."),
        # tests/holdout h362 (Wired, 2026-05-31) and h375 (BBC News, 2026-06-13), batch 7, development: a move told as
        # the time of something else
        ("AI Agents Plunged the Tech World into Chaos",
         "Roll back to early 2024, when Boris Cherny was an Instagram tech lead, working remotely from a house he "
         "shared with his partner in rural Japan.\nSoon after Cherny joined the company, an engineer named Adam "
         "Wolff showed him Anthropic’s work on automated coding."),
        ("Former OpenAI board member says Elon Musk offered her sperm donations",
         "A former OpenAI board member has explained how her unconventional personal relationship with Elon Musk "
         "evolved into having four of his children.\nWhen asked earlier this week about Zilis' involvement with "
         "OpenAI for years after Musk had left the company, Brockman said: \"We trusted her to keep the Elon conflict "
         "under control.\""),
        # tests/holdout h366 (New Scientist, 2026-06-05; batch 7, development): a speaker given his title after "said"
        ("Flood of AI 'garbage' is pushing open-source developers to the limit",
         "Many projects are blocking new contributors in a bid to stem the flow of what has been labelled “ drive-by "
         "contributions ” generated by AI, often submitted by young developers who want to have an expansive GitHub "
         "submission history to boost their appeal to software-company recruiters. Zig Software Foundation, which "
         "promotes the Zig programming language, banned AI-assisted contributions because they were “invariably "
         "garbage”, said its president Andrew Kelley."),
        # (popular.info 2026-08-15, an unlabelled pool article: a shot fired)
        ("Meta will train its AI on Newsmax, a far-right media outlet",
         "An article on the film published by Newsmax states that it “presents compelling forensic and eyewitness "
         "evidence, previously unavailable to the public, supporting [Mafia hit man James] Files’ contention that he, "
         "and not Lee Harvey Oswald, fired the fatal shot at America’s 35th president.”"),
        # tests/holdout h1040 (MacRumors, batch 19): "the hires", a noun, lists people by the company they left
        ("Everything We Know About OpenAI's Planned iPhone Rival",
         "The hires include former Apple designers Evans Hankey, Tang Tan, and Scott Cannon, prompting Apple to "
         "offer its iPhone Product Design team retention bonuses of up to $400,000 in restricted stock units."),
        # tests/holdout h1347 (The Atlantic, batch 24): a lab's "latest hires", a noun, are its research staff (a
        # company's newest hire named as its chief scientist is a move: test_leadership_moves)
        ("Thinking About AI Through Architecture and Philosophy",
         "DeepMind reportedly employs at least 10 philosophers, a couple of whom joined just last month. One of the "
         "lab’s latest hires is Atoosa Kasirzadeh, a Carnegie Mellon professor now on leave, who plans to study what "
         "it means to live in a world where “ cognitive agency ” is no longer uniquely human."),
        # tests/holdout h1814 (OpenAI's own page, batch 32): people joined at an event
        ("Deepening our collaboration with the U.S. Department of Energy",
         "This announcement follows today’s Genesis Mission event at the White House, where Kevin Weil, Vice "
         "President of OpenAI for Science, joined DOE and other collaborators."),
        # tests/holdout h1851 (OpenAI's own page, batch 32): a department's name in a speaker's title
        ("Powering tax donations with AI powered personalized recommendations",
         "Using the OpenAI API, the company developed the Choice AI feature.\nIssei Hirano, Head of Platform "
         "Promotion in the Product Division, explains the decision, “We selected Recursive as our partner because of "
         "their advanced AI expertise and their global experience.”"),
    ],
)
def test_leadership_not_moves_in_context(title, text):
    assert not _typed(events(text, title=title), "leadership", "person")


@pytest.mark.parametrize(
    "text,want",
    [
        (
            "SoftBank said it would buy chip designer Ampere Computing for $6.5 billion.",
            ("SoftBank", "Ampere Computing"),
        ),
        (
            "OpenAI is acquiring io, the hardware startup co-founded by Jony Ive, in an all-stock deal.",
            ("OpenAI", "io"),
        ),
        (
            "Nvidia has completed its acquisition of Run:ai after the European Commission cleared the deal.",
            ("Nvidia", "Run:ai"),
        ),
        # the headline's short name is the body's full one
        (
            "Cindervale Software, a maker of accounting tools, said it had acquired Marrowbone AI for $48 million.",
            ("Cindervale Software", "Marrowbone AI"),
        ),
    ],
)
def test_acquisition_targets(text, want):
    title = "Cindervale Software buys document-AI startup Marrowbone" if "Marrowbone" in text else ""
    assert _typed(events(text, title=title), "acquisition", "target") == {want}


def test_a_company_is_named_as_the_news_names_it():
    # the labels and the news call Anysphere by its product's name (realdev g04, CNBC 2026-06-16)
    found = events("", title="SpaceX to buy Cursor AI parent Anysphere for $60B")
    assert _typed(found, "acquisition", "target") == {("SpaceX", "Cursor")}


@pytest.mark.parametrize(
    "text",
    [
        "Earlier this year Meta tried to acquire Safe Superintelligence, an approach that was rebuffed.",
        "OpenAI had agreed to buy Windsurf for $3 billion, but the exclusivity period expired without a deal.",
        "Backers came from Tesla, SpaceX and his purchase of Twitter.",
        "Nvidia made commitments when China approved its acquisition of Mellanox Technologies in 2020.",
        # hn-digest articles outside every labelled set (tests/holdout/README "unlabelled pool"): a deal blocked (MIT
        # Technology Review 2026-06-04), told as last year's or last May's (CNN 2026-07-10, Ars Technica 2026-07),
        # imagined (louwrentius.com)
        "Plus: China has blocked Meta’s $2 billion acquisition of AI startup Manus.",
        "OpenAI bought io last year.",
        "Last May, OpenAI acquired Ive’s design firm LoveFrom, a partnership reportedly focused on a handheld, "
        "screenless device that accepts audio and visual input from around the user.",
        "Maybe Google, AWS or Microsoft scoops up OpenAI or Antropic when they reach the end of the runway.",
    ],
)
def test_not_acquisitions(text):
    assert not _typed(events(text), "acquisition", "target")


@pytest.mark.parametrize(
    "text,pair",
    [
        ("Google is paying $2.4 billion for a non-exclusive licence to Windsurf's technology.", {"Google", "Windsurf"}),
        (
            "OpenAI is a customer. The ChatGPT maker has signed a contract with Oracle to buy computing power.",
            {"OpenAI", "Oracle"},
        ),
        # a division deals for its company
        ("Anthropic struck a partnership with Microsoft Azure to sell its models.", {"Anthropic", "Microsoft"}),
        # a government is a party to a memorandum of understanding
        (
            "The Department for Science, Innovation and Technology signed a memorandum of understanding "
            "with Anthropic.",
            {"Anthropic", "Department for Science, Innovation and Technology"},
        ),
        # two subjects of a deal verb, one the gazetteer does not know (realset r065, a Newsmax headline, and r063,
        # deepmind.google 2026-06-25)
        ("Newsmax, Meta Enter AI Content Partnership", {"Newsmax", "Meta"}),
        ("Google DeepMind and A24 announce first-of-its-kind research partnership", {"Google DeepMind", "A24"}),
        # (holdout h1403, Microsoft's news page; h1798, openai.com)
        ("Microsoft and Mayo Clinic are partnering to build an AI model trained on medical records.",
         {"Microsoft", "Mayo Clinic"}),
        ("OpenAI and Thrive Holdings are partnering to accelerate enterprise AI adoption.",
         {"OpenAI", "Thrive Holdings"}),
        # a company the gazetteer does not know, right after "partners with" (../shared/archive lab announcements:
        # openai.com, anthropic.com)
        (
            "OpenAI partners with the American Federation of Teachers to launch a 5-year initiative equipping 400,000 "
            "K-12 educators to lead AI innovation in classrooms.",
            {"OpenAI", "American Federation of Teachers"},
        ),
        # (BCG is the gazetteer's Boston Consulting Group)
        ("Anthropic partners with BCG", {"Anthropic", "Boston Consulting Group"}),
        # past a lead-in label and the kind words before the name (realset r067, gov.ca.gov 2026-06-29)
        (
            "What you need to know: California has entered into a new partnership with California-based company "
            "Anthropic to help state agencies responsibly use artificial intelligence.",
            {"California", "Anthropic"},
        ),
        # (news.microsoft.com/source/2025/07/01/premier-league-and-microsoft-join-forces-...)
        (
            "Premier League and Microsoft join forces to create fan-friendly digital platforms",
            {"Premier League", "Microsoft"},
        ),
        # the month May is no hedge (realdev g09, Rest of World)
        (
            "G42, backed by Abu Dhabi sovereign wealth fund Mubadala, signed an agreement on May 15 to deploy an AI "
            "supercomputer, comprising 64 systems made by U.S. chipmaker Cerebras.",
            {"G42", "Cerebras"},
        ),
        # an integration of one company's product with another's (realdev g40, Ars Technica)
        (
            "On day 5, OpenAI announced that ChatGPT would integrate with Apple Intelligence across iOS, iPadOS, and "
            "macOS devices.",
            {"OpenAI", "Apple"},
        ),
        # a new partnership "between the two companies" the sentence before names (realdev g10, Fortune)
        (
            "Vibe coding company Replit debuted Free Mode today, a new feature powered by OpenAI's GPT-5.6 Luna model. "
            "The joint announcement, shared exclusively with Fortune, heralds an enhanced partnership between the two "
            "tech companies that will see them work on several future products, they said.",
            {"Replit", "OpenAI"},
        ),
        # a kind word before the partner's name (realset r100, Bloomberg)
        (
            "Nvidia is busy. A partnership with South Korean conglomerate SK Group unveiled late Friday means the "
            "companies will be doing more than $500 billion in business with each other, Nvidia said.",
            {"Nvidia", "SK Group"},
        ),
        # a government as the subject working with a company (realdev g09, Rest of World)
        (
            "India is deploying 64 Cerebras supercomputers with UAE’s G42, creating a domestic compute alternative to "
            "break the cloud monopoly held by American Big Tech giants.",
            {"G42", "India"},
        ),
    ],
)
def test_partnerships(text, pair):
    assert {frozenset((o, p)) for o, p in _typed(events(text), "partnership", "partner")} == {frozenset(pair)}


def test_a_deal_dated_a_year_before_the_article_is_history():
    # an unlabelled pool article (TechCrunch, 2026-08-18; tests/holdout/README "unlabelled pool")
    text = (
        "In July 2025, Perplexity partnered with Airtel, India’s second biggest telecom operator, to offer a free "
        "12-month Perplexity Pro subscription, normally worth about $200, to the Indian carrier’s 360 million "
        "customers."
    )
    assert not _typed(events(text, published=datetime(2026, 8, 18, tzinfo=timezone.utc)), "partnership", "partner")
    assert _typed(events(text, published=datetime(2025, 7, 20, tzinfo=timezone.utc)), "partnership", "partner") == {
        ("Perplexity", "Airtel")
    }


def test_a_governments_directive_to_a_company_is_a_policy_aimed_at_it():
    # holdout h558 (Reuters on Yahoo), with the zero-width non-joiners of its copy
    text = (
        "June 25 (Reuters) - The Trump administration has asked OpenAI to \u200cstagger the release of \u200cits new "
        "model over security concerns, The Information reported on Thursday."
    )
    assert ("OpenAI", "US") in _typed(events(text), "policy", "jurisdiction")
    # holdout h585 (Los Angeles Times): a court's order is legal news, no policy
    text = (
        "A New Mexico court ordered Meta to pay $942 million and take steps to make the platform safer, including "
        "preventing minors from engaging in romantic or sexualized interactions with its AI chatbots."
    )
    assert not _typed(events(text), "policy", "jurisdiction")
    # holdout h268 (CNN): a permission is a measure aimed at the company too
    text = (
        "The US government has allowed Anthropic to release its powerful Mythos AI model to select companies and "
        "organizations, revising license requirements after ordering an export block earlier this month in the wake of "
        "national security fears."
    )
    assert ("Anthropic", "US") in _typed(events(text), "policy", "jurisdiction")
    # holdout h1167 (AP News), batch 21: a headline's present tense, the state named alone
    headline = "UK orders Google to allow publishers to opt out of AI scraping"
    assert _typed(events(headline), "policy", "jurisdiction") == {("Google", "UK")}
    # a company named alone orders no one
    assert not _typed(events("Microsoft orders Intel to supply more chips"), "policy", "jurisdiction")


def test_restrictions_put_on_a_company_are_a_policy_aimed_at_it():
    # tests/holdout h826 (Platformer, batch 15): the restrictions lifted are on Anthropic's models
    text = (
        "What happened: The US Commerce Department lifted its restrictions on Anthropic ’s smartest models. Claude "
        "Fable 5 is now included across Anthropic’s platforms on its paid plans."
    )
    assert _typed(events(text), "policy", "jurisdiction") == {("Anthropic", "US")}
    # pool (Wired, 2026-06-16): restrictions on no company named are not read
    text = (
        "The NSA responded that it believed it was indeed possible to strip away Fable 5’s guardrails, prompting the "
        "administration to impose restrictions on the model."
    )
    assert not _typed(events(text), "policy", "jurisdiction")
    # tests/holdout h1358 (MIT Technology Review, batch 24): a government restricting the company itself, beside a
    # deal it blocked (a ruling on the deal, not on the company) and a company restricting a rival
    text = (
        "The US says it restricted Anthropic AI over foreign intelligence risks. Plus: China has blocked Meta’s $2 "
        "billion acquisition of AI startup Manus. Anthropic restricted OpenAI's access to Claude."
    )
    assert _typed(events(text), "policy", "jurisdiction") == {("Anthropic", "US")}
    # a company's ban a government reports, a standing measure, a deal blocked, a chipmaker's trade (export controls)
    for text in ("The UK government said Google has banned DeepSeek from its app store.",
                 "US sanctions have barred Huawei from buying advanced chips since 2019.",
                 "The FTC blocked Microsoft from buying Activision Blizzard.",
                 "The US blocked Nvidia from selling its H20 chips to China."):
        assert not {e["org"] for e in events(text) if e["type"] == "policy"} - {None}, text


def test_a_government_forcing_a_company_is_a_policy_aimed_at_it():
    # tests/holdout h878 (Techdirt, batch 16): the directive told in a gerund
    text = "Yesterday we wrote about the Trump administration forcing Anthropic to shut down Fable 5 and Mythos 5."
    assert _typed(events(text), "policy", "jurisdiction") == {("Anthropic", "US")}


def test_a_permission_granted_is_a_policy_aimed_at_the_company():
    # tests/realset r016 (CNBC): "granted Anthropic permission to" reads as "allowed Anthropic to"
    text = (
        "The US government on Friday granted Anthropic permission to release its Mythos 5 model to a group of "
        "companies and federal agencies, according to reports."
    )
    assert _typed(events(text), "policy", "jurisdiction") == {("Anthropic", "US")}
    # a contract given is no permission
    assert not _typed(events("The Pentagon gave OpenAI a contract to build models for the Army."), "policy",
                      "jurisdiction")


def test_a_regulator_known_by_its_initials_directs_a_company():
    # tests/holdout h928 (SFist), batch 17: the UK's Competition and Markets Authority told as "the CMA"
    text = (
        "According to Ars Technica , the CMA also ordered Google to provide clearer attribution and links to "
        "publishers within AI-generated search results and barred the company from penalizing sites that choose to "
        "opt out."
    )
    assert _typed(events(text), "policy", "jurisdiction") == {("Google", "UK")}


def test_a_states_attorney_general_sues_for_the_state():
    # holdout h545 (CNBC): the attorney general's title and name, then the surname alone
    text = (
        "Florida Attorney General James Uthmeier on Monday filed a lawsuit against OpenAI and its CEO Sam Altman, "
        "alleging that the artificial intelligence company knowingly released an unsafe product. Uthmeier's lawsuit "
        "is the latest example of OpenAI's mounting legal woes."
    )
    assert _typed(events(text), "legal", "counterparty") == {("OpenAI", "Florida")}
    # holdout h585 (Los Angeles Times): "Atty. Gen." ends no sentence
    text = (
        "In June, Florida Atty. Gen. James Uthmeier sued OpenAI and its chief executive, Sam Altman, for failing to "
        "warn the public about ChatGPT’s dangers."
    )
    assert _typed(events(text), "legal", "counterparty") == {("OpenAI", "Florida")}


def test_stock_sold_is_no_market_move():
    # holdout h567 (MarketBeat): a bond sale beside insider stock sales
    text = (
        "Amazon sold $25 billion in bonds to fund a $200 billion 2026 AI infrastructure push, even as weaker bond "
        "demand and rising insider stock sales signal investor caution."
    )
    assert not _typed(events(text), "market_move", "amount_usd")


def test_what_a_lawsuit_comes_as_names_no_party():
    # holdout h515 (CBC News): the suit's backdrop names rivals, not defendants
    text = (
        "Apple on Friday accused OpenAI of stealing trade secrets. Apple's lawsuit comes as OpenAI has been exploring "
        "whether to go public on Wall Street and faces heightened competition from rivals, including Anthropic and "
        "Google."
    )
    parties = {frozenset(pair) for pair in _typed(events(text), "legal", "counterparty")}
    assert not {party for pair in parties for party in pair} & {"Anthropic", "Google"}


def test_a_move_dated_months_before_the_article_past_its_lead_is_history():
    # holdout h517 (Ars Technica, 2026-07-13): an engineer's move in January, told in a lawsuit's story
    lead = "Apple sued OpenAI on Friday. " + " ".join(f"The complaint runs to {n} pages." for n in range(10, 19))
    text = lead + " Chang Liu left Apple for OpenAI in January 2026."
    published = datetime(2026, 7, 13, tzinfo=timezone.utc)
    assert not _typed(events(text, published=published), "leadership", "person")
    assert _typed(events(text, published=datetime(2026, 2, 2, tzinfo=timezone.utc)), "leadership", "person")


def test_a_name_unknown_in_a_list_of_known_partners_is_one_of_them():
    # realset r042 (Guardian): "Apollo" alone is no gazetteer name, but it stands in a list of companies
    text = (
        "The chipmaker said it had struck deals with Apollo, BlackRock, Blackstone, Brookfield, Goldman Sachs and "
        "KKR, and that the investors were for the first time treating AI hardware as an asset class."
    )
    assert ("Apollo",) in {(p,) for _, p in _typed(events("Nvidia gets $500B. " + text), "partnership", "partner")}
    # realset r240 (Hugging Face blog): a person and a role after a partner are no partners
    text = (
        "Dell: In partnership with Hugging Face, Dell CEO & Founder, Michael Dell, announced an on-premise solution "
        "to run DeepSeek-R1."
    )
    partners = {p for _, p in _typed(events(text), "partnership", "partner")}
    assert not partners & {"Founder", "Michael Dell", "Dell CEO"}


@pytest.mark.parametrize(
    "text",
    [
        "AMD said the partnership would make its chips an alternative to Nvidia's.",
        # tests/holdout h321 (TechCrunch, 2026-06-24; batch 6, development): the company it depends on is no partner
        "The partnership was officially announced in October, but OpenAI’s chip plans have long been rumored as a way "
        "to reduce the company’s dependence on Nvidia’s GPUs.",
        "Microsoft remains committed to its partnership with OpenAI, he added.",
        "Arm, Microsoft, Nvidia, Oracle and OpenAI are named as the key technology partners.",
        "xAI intends to build a supercomputer, potentially in partnership with Oracle.",
        # unlabelled pool articles (tests/holdout/README "unlabelled pool"): a deal told as last year's
        "SoftBank partnered with OpenAI last year on the Stargate project, a joint venture building AI infrastructure "
        "in the United States.",
        "Meta, the parent of Facebook, last year formed a joint venture, a VIE, to build a Louisiana data center "
        "through a partnership with Blue Owl Capital.",
        # an unlabelled pool article (tests/holdout/README "unlabelled pool"): members of a consortium, no deal
        "The Coalition for Content Provenance and Authenticity, an industry consortium that includes Adobe, "
        "Microsoft, OpenAI, Google, and major camera manufacturers, defined a standard for content credentials.",
        # tests/holdout h364 (notus.org, 2026-06-04; batch 7, development): a deal in an "if" clause
        "Many conservatives who oppose government interventions in the economy were critical of Trump’s deal with "
        "Intel, and would probably have even bigger gripes if OpenAI and the president came to an agreement.",
        # an earlier deal (mistral.ai news feed, ../shared/corpus/feeds/real)
        "This builds off prior scientific collaborations together with NVIDIA, including the development of the "
        "Mistral Nemo model.",
        # an owner, not a party (a lab announcement, openai.com 2017)
        "In collaboration with DeepMind’s safety team, we’ve developed an algorithm which can infer what humans want.",
        # a partnership told as a known one (realdev g04, SpaceX to buy Cursor)
        "SpaceX President and COO Gwynne Shotwell recently told CNBC's Morgan Brennan that the Cursor partnership "
        '"makes a huge amount of sense."',
        # companies given as examples (realset r121, a Japan AI strategy article)
        "The homemade AI model will be developed by Noetra, a consortium of firms including SoftBank and Sony.",
        # the terms of a deal told before (realdev g08, CNBC 2026-06-22)
        "Under the agreement, Reflection will get immediate access to Nvidia GB300s, top-of-the-line AI chips, and "
        "has agreed to pay SpaceX $150 million per month.",
        # a partnership as a suit's matter, not a new deal (realset r244, The Verge)
        "Musk released these emails last week as part of a lawsuit he filed against OpenAI and Microsoft. They are "
        "ostensibly meant to demonstrate an anticompetitive partnership between the two companies.",
        "xAI may partner with Oracle on the supercomputer.",
        # a company described as a partner, or a person's title: hn-digest articles outside every labelled set
        # (tests/holdout/README "unlabelled pool": Catenaa 2026-06-26, Interconnects 2026-06-14, Ars Technica
        # 2026-06-08, The GitHub Blog 2026-08-16)
        "Shares of SoftBank Group, a large OpenAI backer, and Oracle, a major data center partner, both fell following "
        "the news of the revised IPO timeline.",
        "The White House was tipped off to the risk by Anthropic’s largest financial and technology partner, Amazon.",
        "“Approximately a year ago, OpenAI’s strategy was swing for the fences, whereas Anthropic’s strategy is make "
        "money first,” said Jenny Xiao, partner at Leonis Capital and former researcher at OpenAI.",
        "GitHub, Microsoft, and external funding partners have contributed $1.88 million, distributed through GitHub "
        "Sponsors.",
        # a company bought in a deal (unlabelled pool: CodeRabbit blog, 2026-06-29)
        "On June 16, 2026, SpaceX agreed to buy AI coding start-up Cursor for $60 billion in an all-stock deal.",
        # a partnership told as ongoing (tests/searchpages s052)
        "Microsoft confirmed its ongoing partnership with OpenAI, expressing support for the leadership change.",
        # what a deal does, told of it (tests/searchpages s101)
        "The partnership gives OpenAI substantial computing resources and funding, while Microsoft gets access to "
        "cutting-edge AI technology.",
        # a kind of company is no party (tests/searchpages s076)
        "Other deals followed, including partnerships involving Politico and Axel Springer, highlighting the growing "
        "trend of publishers collaborating with AI firms.",
    ],
)
def test_not_partnerships(text):
    assert not _typed(events(text), "partnership", "partner")


@pytest.mark.parametrize(
    "text,want",
    [
        (
            "China's internet regulator on Friday issued rules requiring AI-generated text and images to be labelled.",
            ("CN", "AI content labeling rules"),
        ),
        (
            "Beijing responded on Tuesday with a ban on exports to the United States of gallium and germanium.",
            ("CN", "mineral export ban"),
        ),
        ("The United States and China both signed the Bletchley Declaration.", ("INTL", "Bletchley Declaration")),
        ("Britain has renamed its AI Safety Institute the AI Security Institute.", ("UK", "AI Security Institute")),
        ("President Donald Trump on Thursday signed an executive order on AI.", ("US", "executive order")),
        # realset r123 (SCMP): rules taking effect
        (
            "With Beijing’s rules on humanlike AI interaction services taking effect on July 15, Doubao and Qwen move "
            "to disable customised features.",
            ("CN", "AI law"),
        ),
        # realset r122 (Al Jazeera): a national strategy on AI
        (
            "South Korea has laid out a sweeping industrial strategy focused on semiconductor chips and artificial "
            "intelligence projects as President Lee Jae Myung pledges to cement overwhelming industry leadership.",
            ("South Korea", "AI law"),
        ),
        # realset r127 (whitehouse.gov): the order's own text
        (
            "By the authority vested in me as President by the Constitution and the laws of the United States of "
            "America, it is hereby ordered: Section 1.",
            ("US", "executive order"),
        ),
        # realset r103 (Al Jazeera): the president acting is his country, not the one named after him
        (
            "In December, Trump announced that he would allow Nvidia to sell its H200 chip to China, in a major "
            "loosening of Washington’s export controls.",
            ("US", "chip export controls"),
        ),
        # tests/holdout h1082 (Euronews, batch 19): public money offered for AI compute
        (
            "The European Commission has launched a call for tenders to publicly finance up to seven AI gigafactories "
            "in Europe, as Brussels races to build sovereign infrastructure to train advanced AI models.",
            ("EU", "AI funding call"),
        ),
        # tests/holdout h302 (BBC News, batch 6): export controls told as rules on selling the chips
        (
            "Separately on Sunday, the US tightened its rules on selling Nvidia's most advanced chips to Chinese "
            "firms.",
            ("US", "chip export controls"),
        ),
        # tests/holdout h011 (Forbes, batch 1): legislation weighed is a planned measure
        (
            "Argentina is considering legislation to allow AI-run companies with no human owners or executives.",
            ("Argentina", "AI law"),
        ),
        # tests/holdout h251 (batch 5): travel put under a government's approval
        (
            "China now requires people working in AI at private firms to secure travel approval before leaving the "
            "country.",
            ("CN", "travel restrictions"),
        ),
        # tests/holdout h541 (Euronews, batch 9): an amount a government agency puts into an AI programme
        (
            "Germany’s federal innovation agency SPRIND is launching a €125 million AI competition to help Europe "
            "build its own frontier artificial intelligence labs.",
            ("Germany", "AI funding call"),
        ),
        ("China requires AI chatbots to label generated content.", ("CN", "AI content labeling rules")),
        # tests/searchpages s090 (bis.gov): the Entity List is the US's, whoever the sentence names
        (
            "The second final rule adds 16 entities to the Entity List, including artificial intelligence (AI) "
            "companies that are acting at the behest of Beijing to further China’s goals.",
            ("US", "entity list"),
        ),
        # (a Chinese measure named like it)
        ("China added Micron to its unreliable entity list on Friday.", ("CN", "entity list")),
        # tests/realset r132 (European Commission, 2026-07-08): a plan a government presents on AI
        (
            "The European Commission has presented a plan to address the risks and harness the opportunities of "
            "advanced artificial intelligence (AI) in cybersecurity.",
            ("EU", "AI law"),
        ),
        # (review) a label that is no labelling
        ("Tennessee passed a law requiring AI firms to pay record labels for training data.",
         ("Tennessee (US)", "AI law")),
    ],
)
def test_policy_measures(text, want):
    found = {(e["jurisdiction"], e["measure"]) for e in events(text) if e["type"] == "policy"}
    assert found == {want}


def test_a_companys_ai_fund_is_no_policy():
    assert not [e for e in events("Sequoia unveiled a $200 million AI fund on Tuesday.") if e["type"] == "policy"]
    assert not [e for e in events("OpenAI launches a $50 million fund to support AI nonprofits.")
                if e["type"] == "policy"]
    # (review) an investor the gazetteer does not know, named with its city
    assert not [e for e in events("Paris-based investor Elaia launched a €100 million AI fund on Tuesday.")
                if e["type"] == "policy"]


def test_a_measure_being_considered_is_planned():
    text = "The UK is now considering legislation on AI chatbots for children."
    found = [e for e in events(text) if e["type"] == "policy"]
    assert [e["status"] for e in found] == ["planned"]


def test_a_declaration_no_state_signs_is_no_policy():
    # unlabelled pool (hn-digest 2026): mathematicians' declaration, endorsed by a non-governmental union
    text = ("The Leiden Declaration, published two weeks later, and now with over 2,000 signatories, acted as a state "
            "of the union on how mathematicians are thinking about AI.")
    assert not [e for e in events(text) if e["type"] == "policy"]
    found = events("Twenty-eight countries signed the Bletchley Declaration on Wednesday.")
    assert {(e["jurisdiction"], e["measure"]) for e in found if e["type"] == "policy"} == {
        ("INTL", "Bletchley Declaration")}


def test_policy_of_the_government_the_headline_names():
    # realset r121 (Japan Times): "the government" of the headline's country
    text = (
        "Noetra will focus in particular on physical AI, with the government also announcing on Tuesday a revised "
        "version of its AI robotics strategy."
    )
    found = events(text, title="Japan plans sovereign AI model and 10M robots")
    assert {(e["jurisdiction"], e["measure"]) for e in found if e["type"] == "policy"} == {("Japan", "AI law")}
    # without a government referred to, a sentence naming no jurisdiction is no country's policy
    text = "Noetra also announced on Tuesday a revised version of its AI robotics strategy."
    found = events(text, title="Japan plans")
    assert not [e for e in found if e["type"] == "policy"]
    # tests/searchpages s041 (a search index's page): a governor the sentence does not place is the headline's state's
    found = events("Governor Gavin Newsom has signed the Transparency in Frontier Artificial Intelligence Act (TFAIA) "
                   "into law, following a previous veto in 2021.",
                   title="California First US State to Regulate AI with New Safety Law")
    assert {e["jurisdiction"] for e in found if e["type"] == "policy"} == {"California (US)"}


@pytest.mark.parametrize(
    "text",
    [
        "US export controls, which limit China's access to Nvidia's chips, have made compute the biggest expense.",
        "The announcement came a week after Washington imposed a fresh round of export controls on chips.",
        "The model had been evaluated by the UK's AI Safety Institute before launch.",
        # tests/holdout h351 (CNBC, 2026-08-10; batch 6, development): an institute speaking, "created" told of a model
        "The U.K. AI Security Institute also said Anthropic's Mythos model created fake online identities in an "
        "attempt to pressure humans into approving malicious code updates to an open-source project.",
        # lab-announcements.jsonl (OpenAI, "A Primer on the EU AI Act"): requirements explained, not imposed
        "We’re sharing a preliminary overview of the EU AI Act including upcoming deadlines and requirements, with a "
        "particular focus on prohibited and high-risk use cases.",
        # realset r291 (Stratechery): an order named, not acted on
        "I mentioned above I would get to OpenAI’s greatest crime, which I consider to be the 2023 Biden Executive "
        "Order on AI.",
        # hn-digest articles outside every labelled set (tests/holdout/README "unlabelled pool"): who acts is no
        # government (a blogger, researchers, industry groups, an industry alliance, a company complying)
        "I have signed the Rome Declaration and Anthropic, OpenAI, DeepSeek, other frontier labs, and their employees "
        "should do the same.",
        "That’s why 16 researchers from 15 universities have published the Leiden Declaration on Artificial "
        "Intelligence and Mathematics.",
        "The AI Alliance convened 30 partners in Paris to launch Project Tapestry, a coalition building open, "
        "sovereign frontier AI.",
        "Anthropic said that it added the watermark in order to comply with the European Union's AI Act, and that it "
        "plans to roll out a free application programming interface.",
        # tests/holdout h403 (techdirt, 2026-07-29; batch 7, development) and an unlabelled pool article: bans and
        # curbs as nouns, which no one is said to impose here
        "It allows China to build much better models than its number of chips would ordinarily enable, and thus "
        "partially evade chip bans.",
        "Even so, Chinese firms still trail their American counterparts by more than 6-to-1 in capital raised from "
        "markets over the past two years, with Washington’s chip export curbs complicating the catch-up effort.",
        # unlabelled pool articles (a blog, 2026-07-06; TechCrunch, 2026-06-15): an action asked for, not taken
        "The company urged Washington to pursue stricter semiconductor export restrictions and impose penalties on AI "
        "developers caught running distillation operations.",
        "Moussouris and dozens of other top security researchers and experts have since called on the Trump "
        "administration to revoke the export control order, calling the move to pull advanced cybersecurity "
        "capabilities from network defenders in the U.S. as “dangerous.”",
        # tests/holdout h430 (SCMP headline, batch 8, development): the measure is the backdrop of China's act
        "Facing US chip curbs, China launches photonics lab to power AI with light.",
        # travel that is no measure; a label no one is made to put
        "Travel approval for the conference took the team two weeks, and the company paid for it.",
        "The startup requires no sign-up and lets users label their own photos with AI.",
        "Researchers presented a plan for AI regulation at the conference.",
    ],
)
def test_policy_context_is_not_news(text):
    assert not [e for e in events(text) if e["type"] == "policy"]


def test_a_government_ordering_a_company_acts():
    # an unlabelled pool article (CNBC, 2026-06-24; tests/holdout/README "unlabelled pool"): "ordering the company"
    text = (
        "The company said earlier this month that it received an export control directive from the Trump "
        "administration ordering the company to suspend access to its latest Claude models, Fable 5 and Mythos 5 , "
        '"by any foreign national, whether inside or outside the United States, including foreign national Anthropic '
        'employees.'
    )
    assert "US" in {e["jurisdiction"] for e in events(text) if e["type"] == "policy"}


def test_a_disclosure_requirement_is_a_measure():
    # realset r116 (Japan Times headline)
    found = [e for e in events("Japan to require AI firms to disclose training data") if e["type"] == "policy"]
    assert {(e["jurisdiction"], e["measure"]) for e in found} == {("Japan", "disclosure requirement")}


def test_an_alliance_of_governments_on_ai_is_a_measure():
    # realset r114 (Al Jazeera)
    found = [e for e in events("China's Xi Jinping launches new AI alliance, WAICO") if e["type"] == "policy"]
    assert {(e["jurisdiction"], e["measure"]) for e in found} == {("CN", "international AI alliance")}


def test_a_government_named_in_a_title_case_headline():
    # realset r112 (ABC News): "Australian Government", capitalised
    found = events("Australian Government Establishes Office of AI")
    assert {j for _, j in _typed(found, "policy", "jurisdiction")} == {"Australia"}


@pytest.mark.parametrize(
    "text,want",
    [
        ("Elon Musk's xAI sued Apple and OpenAI on Monday over antitrust.", {("xAI", "Apple"), ("xAI", "OpenAI")}),
        (
            "Italy's data protection authority has fined OpenAI €15m over privacy.",
            {("OpenAI", "Garante per la protezione dei dati personali")},
        ),
        (
            "A judge ruled that Ross Intelligence infringed Thomson Reuters' copyright.",
            {("Ross Intelligence", "Thomson Reuters")},
        ),
        (
            "Harrowgate Press, an independent publisher, has sued the AI writing startup Quillmate over copyright.",
            {("Quillmate", "Harrowgate Press")},
        ),
    ],
)
def test_legal_sides(text, want):
    assert _typed(events(text), "legal", "counterparty") == want


def test_legal_infringement_noun_does_not_swap_sides():
    found = events("The New York Times sued OpenAI and Microsoft, accusing them of copyright infringement.")
    assert _typed(found, "legal", "counterparty") == {
        ("OpenAI", "The New York Times"),
        ("Microsoft", "The New York Times"),
    }


@pytest.mark.parametrize(
    "text,want",
    [
        # realset r139 (Decrypt): the plaintiff named after "filed ... by", the defendant the company the sentence names
        (
            "The complaint, filed June 14 in the U.S. District Court for the Northern District of California by "
            "customer Karl Kahn, alleges Anthropic misled customers about the amount of usage included.",
            {("Anthropic", "Karl Kahn")},
        ),
        # realset r145 (Meta layoffs): a plaintiff told by what it is
        (
            "Meta’s AI-fueled layoffs targeted workers with disabilities, alleged a lawsuit filed by 26 employees who "
            "were selected for termination.",
            {("Meta", "employees")},
        ),
        # realset r147 (AP): who asks a judge to sanction a company is its other side
        (
            "The New York Times, the Daily News and other media outlets are asking a federal judge to impose "
            "sanctions on OpenAI, escalating a legal fight over artificial intelligence and copyright.",
            {("OpenAI", "The New York Times")},
        ),
        # realset r135 (DW): "the internet giant" is the company in focus
        (
            "A Munich court ruled that Google can be held liable for its AI overviews. Judges were asked to rule on "
            "lawsuits filed against the internet giant by two Munich-based publishing companies.",
            {("Google", "publishing companies")},
        ),
    ],
)
def test_legal_plaintiff_who_filed(text, want):
    assert _typed(events(text), "legal", "counterparty") == want


def test_legal_company_a_court_holds_liable_and_the_side_the_articles_suit_describes():
    # realset r153 (Ars Technica)
    text = (
        "A German court has ruled that Google is liable for false statements in AI Overviews. The preliminary ruling "
        "came in a case flagged by The Decoder, where two publishers found that Google’s AI Overviews incorrectly "
        "linked them to scams."
    )
    assert _typed(events(text), "legal", "counterparty") == {("Google", "publishers")}
    # without a side the article describes, no event; nor where no court holds anyone liable
    assert not _typed(events("A German court has ruled that Google is liable for false statements."), "legal", "matter")
    text = "Companies can be held liable if they mislead customers, a lawyer for the publishers said of Google."
    assert not _typed(events(text), "legal", "counterparty")


def test_legal_action_aimed_at_a_party_called_by_name():
    # realset r137 (Ars Technica): a legal action against a group the gazetteer does not know, introduced by "called"
    text = (
        "Google has announced a new legal salvo aimed at a Chinese group called Outsider Enterprise, which is "
        "allegedly responsible for a massive AI-powered scam campaign."
    )
    assert _typed(events(text), "legal", "counterparty") == {("Outsider Enterprise", "Google")}
    # a suit against parties told only by what they are names no side
    assert not _typed(events("Google has filed lawsuits against scammers before."), "legal", "counterparty")


def test_legal_matter_after_over_names_no_party_and_a_quoted_suit_no_sides():
    # realset r148 (a headline): the government sued, not the company the matter names
    found = events("Legion LegalTech sues U.S. over Anthropic Fable 5 and Mythos 5 shutdown")
    assert _typed(found, "legal", "counterparty") == {("U.S", "Legion LegalTech")}
    # realset r141 (AP): the party named after "accusing" is still a side
    found = events("Apple files lawsuit accusing OpenAI of stealing trade secrets")
    assert _typed(found, "legal", "counterparty") == {("OpenAI", "Apple")}
    # realset r244 (The Verge): a suit quoted names what it speaks of
    text = (
        "They trace OpenAI’s evolution from an open-source nonprofit to what the lawsuit calls a “closed-source de "
        "facto subsidiary” of Microsoft that abandoned its mission to develop AI for good."
    )
    assert not _typed(events(text), "legal", "counterparty")


def test_legal_plaintiff_told_as_the_subject_by_what_it_is():
    assert _typed(
        events("Three authors filed a class action lawsuit against Nvidia, alleging copyright infringement."),
        "legal",
        "counterparty",
    ) == {("Nvidia", "authors")}
    found = events("OpenAI was hit with a lawsuit by a group of authors on Tuesday.")
    assert _typed(found, "legal", "counterparty") == {("OpenAI", "authors")}
    # complaints to a company, or use cases, are no lawsuit
    assert not _typed(events("Users filed complaints about ChatGPT with OpenAI."), "legal", "counterparty")
    assert not _typed(events("OpenAI received complaints from users about the new model."), "legal", "counterparty")
    assert not _typed(events("Anthropic showcased use cases from Microsoft and Salesforce."), "legal", "counterparty")


def test_legal_described_side_is_the_person_the_article_names_for_it():
    # tests/devset 009 (Reuters on the Bartz v. Anthropic settlement)
    text = (
        "Anthropic has agreed to pay at least $1.5 billion to settle a class-action lawsuit brought by authors who "
        "accused the AI company of using pirated copies of their books. Lawyers for the plaintiffs, led by authors "
        "Andrea Bartz, Charles Graeber and Kirk Wallace Johnson, called it the largest recovery in history."
    )
    assert _typed(events(text), "legal", "counterparty") == {("Anthropic", "Andrea Bartz")}
    # a law's name is no person ("the Pregnant Workers Fairness Act", realset r145)
    text = (
        "Meta’s layoffs targeted workers on leave, alleged a lawsuit filed by 26 employees. They allege that Meta "
        "violated the Pregnant Workers Fairness Act."
    )
    assert _typed(events(text), "legal", "counterparty") == {("Meta", "employees")}
    # realset r136 (Guardian): one person told by what she is, named as who "said in a lawsuit"; a group stays a group
    text = (
        "Canadian mother sues OpenAI, alleging ChatGPT led her daughter to kill herself. Kristie Carrier said in a "
        "lawsuit filed in San Francisco state court that OpenAI’s safety systems never flagged the conversations. "
        "OpenAI is already facing 18 similar lawsuits filed by families of people who committed or attempted suicide."
    )
    assert _typed(events(text), "legal", "counterparty") == {("OpenAI", "Kristie Carrier"), ("OpenAI", "families")}
    # a name is no suit (../shared/archive/lab-announcements.jsonl, OpenAI news, March 2024)
    text = "Dr. Sue Desmond-Hellmann, Nicole Seligman, Fidji Simo join; Sam Altman rejoins board | Organization: OpenAI"
    assert not _typed(events(text), "legal", "counterparty")
    # a court or judge the case is brought before is no party
    assert not _typed(events("The case against OpenAI was taken up by Judge Sidney Stein."), "legal", "counterparty")


@pytest.mark.parametrize(
    "text,released,not_released",
    [
        ("xAI launches Grok 3, claims it tops GPT-4o.", "Grok 3", "GPT-4o"),
        ("OpenAI on Tuesday released gpt-oss-120b, its first open model since GPT-2 in 2019.", "gpt-oss-120b", "GPT-2"),
        # an unlabelled pool article (quesma.com, 2026-08-02): "comparing ... with" a model
        (
            "We evaluate July 2026 fresh releases Kimi K3, Claude Opus 5, Grok 4.5, Gemini 3.6 Flash, and DeepSeek V4 "
            "Flash 0731 on Baba Is Bench, an LLM agent benchmark based on the puzzle game Baba Is You, comparing pass "
            "rate, speed, and cost with Claude Fable 5 and GPT-5.6.",
            "Kimi K3",
            "Claude Fable 5",
        ),
    ],
)
def test_comparison_cues(text, released, not_released):
    models = {e["model"] for e in events(text) if e["type"] == "model_release"}
    assert released in models and not_released not in models


# hn-digest articles outside every labelled set (tests/holdout/README "unlabelled pool"): a program's build, a server,
# an app and a chip are no model
@pytest.mark.parametrize(
    "text",
    [
        "Everything in this piece describes the workflow as it ships in Claude Code v2.1.170; later builds may change "
        "it.",
        "Background sessions were introduced in version v2.0.60.",
        "At COMPUTEX 2026, HPE announced the ProLiant Compute DL394 Gen12, a next-generation 2U server built around "
        "the NVIDIA Vera CPU.",
        "The AI read the guide, launched the C2 server on a VPS, and launched the Cloudflare tunnel to route traffic.",
        "OpenAI later released a dedicated Codex app, adding an in-app browser feature in April.",
        "Apple plans to release an M6 chip for entry-level Macs as soon as this year.",
        # models offered on another company's cloud: distributed, not released
        "GPT-5.5, GPT-5.4, and Codex are now generally available on Amazon Bedrock.",
        "Opus 4.6 and Haiku 4.5 are also available via third-party services like Azure Foundry and Amazon Bedrock.",
    ],
)
def test_a_build_or_a_machine_is_no_model_release(text):
    assert not [e["model"] for e in events(text) if e["type"] == "model_release"]


def test_a_release_told_as_a_time_marker_is_background():
    found = events(
        "Anthropic raised money. The raise comes a week after the launch of its newest model, Claude 3.7 Sonnet."
    )
    assert not [e for e in found if e["type"] == "model_release"]
    assert [e for e in events("Anthropic launched Claude 3.7 Sonnet.") if e["type"] == "model_release"]


# --- rules-0.2: weekdays, clause-level comparisons, score yardsticks, "X rival Y" ------------------------------


def test_a_weekday_resolves_to_the_latest_such_day_up_to_the_article_date():
    # PUBLISHED is Monday 2025-03-10: "on Thursday" is 2025-03-06, "on Monday" the same day.
    assert events("Acme AI released Zephyr-9 on Thursday.")[0]["event_date"] == "2025-03-06"
    assert events("Acme AI released Zephyr-9 on Monday.")[0]["event_date"] == "2025-03-10"
    # no date in the text: the article's, with its precision saying so
    undated = events("Acme AI released Zephyr-9 this spring.")[0]
    assert (undated["event_date"], undated["event_date_precision"]) == ("2025-03-10", "article")


def test_a_dated_release_is_news_even_when_an_older_model_is_named_as_the_yardstick():
    found = events(
        "Anthropic on Thursday released Claude 3.5 Sonnet and said it outperforms its previous flagship, Claude 3 Opus."
    )
    assert ("model_release", "Anthropic", "Claude 3.5 Sonnet") in kinds(found)
    assert ("model_release", "Anthropic", "Claude 3 Opus") not in kinds(found)


def _claims(found):
    return {(e["model"], e["compared_to"]) for e in found if e["type"] == "benchmark_claim"}


def test_beating_humans_or_baselines_is_no_claim_against_a_rival():
    # tests/holdout h127 (batch 3): tools that "can outperform humans" at a task
    text = ("OpenAI released GPT-5.5 on Monday. Both tools are designed to find hidden security weaknesses in digital "
            "systems and can outperform humans at some hacking and cyber-security tasks.")
    assert not _claims(events(text))
    # the pool (tests/holdout/README): a method's agents beating baselines
    assert not _claims(events("Anthropic released Claude Opus 4.6. NLA-equipped agents outperform baselines."))
    # tests/holdout batch 28: a hedged comparison (h1609), a price (h1614), a model told by what it is (h1575)
    assert not _claims(events("Anthropic released Claude Sonnet 4.5. Claude Sonnet 4.5 may be better than Claude "
                              "Sonnet 4, but still not as good as Claude Opus 4.1."))
    assert not _claims(events("Google released Gemini 2.5 Flash Image. It is on par with most modern diffusion models, "
                              "and much cheaper than GPT Image 1."))
    assert not _claims(events("DeepSeek released DeepSeek-R1. Their results show that with the right approach, a 1B "
                              "parameter model can outperform a 405B Llama 3 model."))
    # ... while the model in focus described, a rival beaten beside a price, or "designed to better" still claim
    for text in ("Anthropic released Claude Opus 5. It is a new model that outperforms GPT-5 on SWE-bench Verified.",
                 "Claude Opus 5 beats GPT-5 on SWE-bench Verified and is cheaper than Opus 4.",
                 "Claude Opus 5, designed to better handle long tasks, outperforms GPT-5 on SWE-bench Verified."):
        assert ("Claude Opus 5", "GPT-5") in _claims(events(text)), text
    # a model beating larger models still is a claim
    assert _claims(events("Meta released Llama 4 Scout. Llama 4 Scout outperforms a dozen larger models on reasoning."))


def test_each_clause_makes_its_own_benchmark_claim():
    found = events(
        "OpenAI says gpt-oss-120b achieves near-parity with o4-mini on reasoning benchmarks, "
        "and that gpt-oss-20b delivers results similar to o3-mini."
    )
    assert _claims(found) == {("gpt-oss-120b", "o4-mini"), ("gpt-oss-20b", "o3-mini")}


def test_a_score_given_as_the_yardstick_is_a_benchmark_claim():
    found = events("On SimpleQA, GPT-4.5 hallucinated in 37.1% of answers, compared with 61.8% for GPT-4o.")
    assert _claims(found) == {("GPT-4.5", "GPT-4o")}
    # a price comparison is no benchmark
    assert not _claims(events("GPT-4.5 costs $75 per million tokens, compared with $2.50 for GPT-4o."))


def test_a_price_pair_beside_training_is_no_training_cost():
    # unlabelled pool (hn-digest 2026): "$2/$10" is a price per million input and output tokens
    found = events("Anthropic limits training on Claude outputs, while Sonnet 5's $2/$10 rate is now permanent.")
    assert not [e for e in found if e["type"] == "training_cost"]
    assert [e["amount_usd"] for e in events("DeepSeek said training V3 cost $5.6 million.")
            if e["type"] == "training_cost"] == [5.6e6]


def test_ranking_behind_or_approaching_a_model_is_a_claim_against_it():
    found = events("Zhipu says GLM-4.5 ranks third among all models, behind only OpenAI's o3 and xAI's Grok 4.")
    assert _claims(found) == {("GLM-4.5", "o3"), ("GLM-4.5", "Grok 4")}
    found = events(
        "DeepSeek released DeepSeek-R1-0528. DeepSeek says the updated model is now approaching OpenAI's o3."
    )
    assert _claims(found) == {("DeepSeek-R1-0528", "o3")}


def test_rivals_as_a_noun_is_no_claim_and_a_model_rival_headline_names_the_new_model():
    found = events(
        "OpenAI faces cheaper rivals, including DeepSeek, whose model has drawn comparisons with o1.",
        title="OpenAI released GPT-4.5",
    )
    assert not _claims(found)
    found = events("", title="Berkeley team trains o1-preview rival Sky-T1 for under $450")
    assert ("o1-preview", "Sky-T1-32B-Preview") not in _claims(found)


def test_a_base_model_something_is_distilled_into_is_not_the_subject():
    found = events(
        "DeepSeek distilled its new model's chain of thought into Alibaba's Qwen3-8B, producing "
        "DeepSeek-R1-0528-Qwen3-8B. "
        "That small model matches Qwen3-235B-A22B on AIME 2024."
    )
    assert _claims(found) == {("DeepSeek-R1-0528-Qwen3-8B", "Qwen3-235B-A22B")}


def _releases(found):
    return {(e["org"], e["model"], e["status"]) for e in found if e["type"] == "model_release"}


def test_a_release_that_names_no_model_is_told_by_the_next_sentence():
    found = events(
        "Meta released the first two models of its Llama 4 family on Saturday. "
        "Llama 4 Scout and Llama 4 Maverick are its first mixture-of-experts models."
    )
    assert {m for _, m, _ in _releases(found)} == {"Llama 4 Scout", "Llama 4 Maverick"}
    # the next sentence's models are background, or the release sentence has no model for an object
    assert not _releases(
        events(
            "Mistral released two new models on Monday. Its earlier models, including Mixtral 8x7B, remain available."
        )
    )
    assert not _releases(events("Anthropic tested the system before launch. Claude 3.5 Haiku is cheaper."))


def test_the_model_in_focus_is_the_one_released_by_reference():
    text = "Moonshot AI's new reasoning model, Kimi K2 Thinking, cost $4.6 million to train. {}"
    assert ("Moonshot AI", "Kimi K2 Thinking", "done") in _releases(
        events(text.format("The company released the model on Thursday."))
    )
    assert not _releases(events(text.format("The company has not released the model.")))


def test_size_variants_of_the_model_in_focus():
    found = events(
        "Meta released Llama 3.1 405B on Tuesday. Updated 8B and 70B versions were released at the same time.",
        published=LLAMA_3_1_WEEK,
    )
    assert {m for _, m, _ in _releases(found)} == {"Llama 3.1 405B", "Llama 3.1 8B", "Llama 3.1 70B"}
    # sizes the gazetteer does not know for that model name nothing
    assert {
        m
        for _, m, _ in _releases(
            events("OpenAI released GPT-4o. Updated 8B and 70B versions were released.", published=GPT_4O_WEEK)
        )
    } == {"GPT-4o"}


def test_a_family_is_no_release_of_its_own_when_a_member_is_released():
    found = events(
        "Meta on Tuesday released Llama 3.1, a family of open-weight models, and Llama 3.1 405B leads it.",
        title="Meta releases Llama 3.1 405B",
    )
    assert {m for _, m, _ in _releases(found)} == {"Llama 3.1 405B"}
    assert {m for _, m, _ in _releases(events("Alibaba released Qwen3, a family of eight open-weight models."))} == {
        "Qwen3"
    }


def test_negation_is_judged_per_clause_for_releases():
    found = events(
        "Altman said it would ship GPT-4.5 within weeks, and that it had dropped plans to release o3 as a "
        "standalone product.",
        title="OpenAI roadmap",
    )
    assert ("OpenAI", "GPT-4.5", "planned") in _releases(found)
    assert "o3" not in {m for _, m, _ in _releases(found)}


def test_a_plan_is_not_background():
    found = events("xAI plans to open-source Grok 2 soon, in line with a policy of publishing a model's predecessor.")
    assert ("xAI", "Grok 2", "planned") in _releases(found)
    assert not _releases(events("Its predecessor, Grok 2, remains available."))


def test_unknown_models_after_a_dateline_and_of_the_startup_in_focus():
    found = events(
        "BERLIN - Tessellate Labs, a two-year-old Berlin startup, on Monday released Tess-7B, a legal model."
    )
    assert ("Tessellate Labs", "Tess-7B", "done") in _releases(found)
    found = events(
        "A startup called Quarrystone AI has raised $20 million. Quarrystone plans to release its first "
        "model, Slate-1, this summer."
    )
    assert ("Quarrystone AI", "Slate-1", "planned") in _releases(found)


def _rounds(found):
    return {(e["org"], round(e["amount_usd"] / 1e6)) for e in found if e["type"] == "funding"}


def test_a_lead_investors_round_belongs_to_the_company_it_is_in():
    assert _rounds(events("", title="ASML leads €1.7 billion Series C in Mistral AI, takes about 11% stake")) == {
        ("Mistral AI", 1759)
    }
    found = events("Alibaba leads over US$1bn round in Chinese chatbot startup Moonshot AI, sources say")
    assert _rounds(found) == {("Moonshot AI", 1000)}
    # a company that raised for itself keeps its round
    assert _rounds(events("Mistral AI has raised €600m in a Series B round led by General Catalyst.")) == {
        ("Mistral AI", 621)
    }


def test_a_stake_bought_is_funding_of_the_company_valued():
    found = events(
        "Scale AI confirmed the deal. Meta is paying about $14.3 billion for a 49% stake, a deal that "
        "values Scale at more than $29 billion."
    )
    assert {(e["org"], e["amount_usd"], e["valuation_usd"]) for e in found if e["type"] == "funding"} == {
        ("Scale AI", 14.3e9, 29e9)
    }


def test_earlier_rounds_rejected_bids_and_venture_budgets_are_not_this_articles_round():
    assert not _rounds(events("Inflection AI had raised $1.3 billion last year at a $4 billion valuation."))
    assert not _rounds(events("Founded in 2021, Yunfan previously raised a Series A of 300 million yuan."))
    assert not _rounds(
        events("OpenAI's board rejected a $97.4 billion offer from a group of investors led by Elon Musk.")
    )
    assert not _rounds(
        events(
            "Trump announced a joint venture between OpenAI, SoftBank and Oracle with an initial "
            "investment of $100 billion."
        )
    )
    # reported speech of this round still counts
    assert _rounds(events("Tessellate Labs released a model and said it had raised €12m in a Series A round.")) == {
        ("Tessellate Labs", 12)
    }


def test_a_round_fronted_by_a_month_before_last_is_background():
    # realset r188 (published 2026-06-16): "In March, OpenAI raised $122 billion of financing in a funding round that
    # valued the company at $852 billion." (this file's articles are published 2025-03-10)
    text = "In {}, OpenAI raised $122 billion of financing in a funding round that valued the company at $852 billion."
    assert not _rounds(events(text.format("January")))
    assert _rounds(events(text.format("February"))) == {("OpenAI", 122000)}
    # realset r052 (published 2026-08-16): the month the round was announced in dates it, told anywhere
    text = ("Stripe is hiring. The company announced in {} that it had raised a $113 million Series B, at a reported "
            "$1.3 billion valuation.")
    assert not _rounds(events(text.format("January")))
    assert _rounds(events(text.format("March")))


def test_a_chinese_startup_is_named_by_its_romanised_name():
    found = events(
        "[Translated from Chinese tech press] 云帆智算 (Yunfan Zhisuan), a Suzhou-based designer of chips, "
        "has completed a 1.5 billion yuan Series B financing round."
    )
    assert {e["org"] for e in found if e["type"] == "funding"} == {"Yunfan Zhisuan"}


def _moves(found):
    return {(e["org"], e["person"]) for e in found if e["type"] == "leadership"}


def test_a_move_told_as_the_backdrop_of_the_news_is_not_an_event():
    found = events(
        "OpenAI raised $6.6 billion. The financing comes after a turbulent few weeks in which chief "
        "technology "
        "officer Mira Murati announced her departure."
    )
    assert not _moves(found)
    assert ("OpenAI", "Mira Murati") in _moves(
        events("OpenAI said chief technology officer Mira Murati is leaving the company.")
    )


def test_a_hire_at_an_unknown_company_named_short_in_the_sentence():
    found = events(
        "[Translated] 云帆智算 (Yunfan Zhisuan), a Suzhou-based designer of chips, closed a Series B round. "
        "Yunfan also announced that Wei Lanqing has joined as chief technology officer."
    )
    assert ("Yunfan Zhisuan", "Wei Lanqing") in _moves(found)


def test_a_person_introduced_with_a_role_is_not_an_unknown_company():
    found = events(
        "Meta created a new lab. Nat Friedman, the former GitHub chief executive, will co-lead the lab with Wang."
    )
    assert all(e["org"] != "Nat Friedman" for e in found)


def test_the_gazetteer_trie_prefers_the_longest_alias_in_any_spelling():
    from transforms import gazetteer as gaz

    pattern = gaz._alternation(["Llama 3.1", "LLaMA 3.1", "Llama 3.1 405B", "GPT-4", "GPT-4o", "Gemini"])
    found = (
        pl.DataFrame({"s": ["LLAMA-3.1-405B beat GPT 4o, GPT-4.5 and Gemini; Geminis and GPT-4 too"]})
        .select(pl.col("s").str.extract_all(pattern))["s"][0]
        .to_list()
    )
    # "GPT-4" is not read inside "GPT-4.5" (the minor version is taken, so no entry matches it exactly)
    assert found == ["LLAMA-3.1-405B", "GPT 4o", "GPT-4.5", "Gemini", "GPT-4"]


def test_a_price_list_with_a_parenthesised_amount_does_not_crash_the_money_reader():
    # Regression: two context widths read by two extract_all passes disagreed on how many amounts there were
    # ("($0.40" is no word boundary for the wider one) and explode() raised ShapeError.
    text = (
        "GPT-Realtime-2 is priced at $32 / 1M audio input tokens ($0.40 for cached input tokens) "
        "and $64 / 1M audio output tokens."
    )
    found = events(text, title="OpenAI prices its realtime model")
    assert all(set(e) == set(MENTION_SCHEMA) for e in found)
    assert not [e for e in found if e["type"] == "funding"]  # a price is no round


# --- rules-0.3: real prose (page furniture, subjects, token boundaries, persons) -------------------------------
def test_a_related_article_headline_in_the_page_furniture_is_not_the_articles_news():
    text = (
        "Etched said on Tuesday that it had hired more engineers.\n"
        "Jeff Bezos's Prometheus raises $12B to build an 'artificial general engineer' for the physical world\n"
        "The wildest allegations in Apple's trade secrets lawsuit against OpenAI\n"
        "Sign up for our newsletter.\n"
    )
    assert not [e for e in events(text, title="Etched hires") if e["type"] in ("funding", "legal")]


def test_a_line_of_short_links_parted_by_semicolons_is_furniture():
    # unlabelled pool, pluralistic.net (hn-digest 2026): the blog's links to its posts of years past
    line = ("Object permanence: Disney characters x clean underwear; Transparent Pontiac; Makers v dog with LED "
            "collar; Microsoft buys Linkedin; Legitimate greatness.")
    assert not [e for e in events(f"Cory wrote about enshittification.\n{line}\n") if e["type"] == "acquisition"]
    # a sentence with a few semicolons is read
    found = events("Microsoft buys Linkedin for $26 billion; the deal is its largest; shares rose.")
    assert [e["org"] for e in found if e["type"] == "acquisition"] == ["Microsoft"]


def test_a_related_story_under_its_section_label_is_furniture():
    # tests/holdout h469 (TechCrunch, batch 8, development): the "AI" label line above another story's headline, which
    # ends with a closing quote; a paragraph under a label that ends like a sentence stays
    text = (
        "OpenAI is finally bringing a dedicated ChatGPT desktop app to Linux operating systems.\n"
        "AI\n"
        "Brad Lightcap, OpenAI’s longtime COO, is leaving to ‘start something new’\n"
        "AI\n"
        "Peter Steinberger joined OpenAI on Sunday.\n"
    )
    found = events(text, title="OpenAI launches ChatGPT desktop app for Linux")
    assert {e["person"] for e in found if e["type"] == "leadership"} == {"Peter Steinberger"}


def test_a_headline_in_title_case_inside_the_text_is_another_articles():
    # hn-digest articles outside every labelled set (tests/holdout/README "unlabelled pool"): related headlines that end
    # like a sentence (a closing quote) or are list items; a sentence dense with names ends with a full stop and stays
    text = (
        "The union said the settlements were unfair.\n"
        "Musicians Union Sues UMG, WMG Over AI Settlements: ‘Refused to Provide Compensation’\n"
        "• CNN Declares War on Perplexity, Files Lawsuit Alleging Unlawful Content Distribution\n"
        "Florida Attorney General James Uthmeier sued OpenAI and CEO Sam Altman.\n"
    )
    found = events(text, title="Billboard")
    # (a state's attorney general sues for the state)
    assert {(e["org"], e["counterparty"]) for e in found if e["type"] == "legal"} == {("OpenAI", "Florida")}


def test_the_standfirst_under_the_headline_is_read_though_it_has_no_full_stop():
    # realset r289 (artificialanalysis.ai, 2026-08-14): the page repeats the headline, then the standfirst without a
    # full stop; the related-article lines at the end of the page stay furniture
    title = "Gemini 3.7 Flash: On the Intelligence vs. Time per Task Pareto frontier"
    standfirst = ("Google has released Gemini 3.7 Flash, improving 4 points over Gemini 3.6 Flash and reaching the "
                  "Intelligence vs. Time per Task Pareto frontier")
    related = "Upstage Solar Pro 4: Benchmarks and analysis\nUpstage has released Solar Pro 4\n"
    found = events(f"{title}\n{standfirst}\n{related}", title=title)
    assert ("benchmark_claim", "Gemini 3.7 Flash", "Gemini 3.6 Flash") in {
        (e["type"], e["model"], e["compared_to"]) for e in found}
    assert not [e for e in found if "Solar" in (e["model"] or "")]
    # not after any other line: under a related headline it is furniture still
    assert not [e for e in events(f"Other news\n{standfirst}\n", title=title) if e["type"] == "benchmark_claim"]


def test_the_round_is_its_subjects_and_names_stop_at_token_boundaries():
    found = events("", title="Malaysia's AI agent-powered messaging app Respond.io raises $62.5M, eyes acquisitions")
    assert {(e["org"], e["amount_usd"]) for e in found if e["type"] == "funding"} == {("Respond.io", 62.5e6)}
    found = events("Scaled Cognition raises $100 million to build reliable agents.")
    assert {e["org"] for e in found if e["type"] == "funding"} == {"Scaled Cognition"}
    # an unknown name counts only in a subject position
    assert not [
        e
        for e in events("The researchers who built AI-generated DNA just raised $50M to reinvent biology.")
        if e["type"] == "funding" and e["org"] == "AI-generated DNA"
    ]


@pytest.mark.parametrize(
    "title,text,want",
    [
        # the subject set off by commas (realset r035, sequoiacap.com/article/partnering-with-preview-lights-...)
        ("Preview, a production platform for AI video, raises $12M seed led by Sequoia", "", ("Preview", 12)),
        # a headline in title case (realset r037, finance.yahoo.com/.../pocket-raises-11m-accel-others-...)
        ("Pocket Raises $11M as Demand Surges for Its Personal AI Assistant Device", "", ("Pocket", 11)),
        # a name apposed to "startup" (realdev g03, fortune.com 2026-06-15)
        (
            "",
            "Nguyen’s startup, Radical Numerics, emerged from stealth with a $50 million seed round led by Emergence "
            "Capital, Fortune has learned exclusively.",
            ("Radical Numerics", 50),
        ),
        # where a company is is no part of its name (realset r039, techfundingnews.com 2026-06-08)
        (
            "",
            "London-based Wassist raises $1.1 million pre-seed round led by Playfair to make WhatsApp commerce "
            "accessible without engineering teams.",
            ("Wassist", 1),
        ),
        # "the startup" is the one introduced in the sentence before (tests/newsindex u017, TechCrunch)
        (
            "Arga is building a better way to train enterprise AI agents",
            "Arga is one such company. The startup on Wednesday said it had raised $10 million in a seed funding "
            "round that was led by General Catalyst, with participation from Box Group, Emergence, Gradient and SV "
            "Angel.",
            ("Arga", 10),
        ),
    ],
)
def test_the_round_is_its_subjects_when_set_off_by_commas_or_in_title_case(title, text, want):
    assert _rounds(events(text, title=title)) == {want}


def test_titles_and_bodies_are_not_persons():
    found = events(
        "Anthropic on Thursday announced it has appointed Ben Bernanke, former chair of the Federal "
        "Reserve, "
        "to its Long-Term Benefit Trust.",
        title="Anthropic appoints former Fed Chair Ben Bernanke to its trust",
    )
    assert {e["person"] for e in found if e["type"] == "leadership"} == {"Ben Bernanke"}


def test_unknown_buyers_and_plaintiffs_in_subject_position():
    found = events("Livestream shopping platform Whatnot has acquired AI startup Shaped, a machine learning company.")
    assert {(e["org"], e["target"]) for e in found if e["type"] == "acquisition"} == {("Whatnot", "Shaped")}
    found = events("", title="Florida sues OpenAI, Sam Altman, in lawsuit over violent incidents")
    assert {frozenset((e["org"], e["counterparty"])) for e in found if e["type"] == "legal"} == {
        frozenset(("OpenAI", "Florida"))
    }


def test_a_model_a_product_gives_access_to_is_not_released():
    found = events(
        'OpenAI also launched ChatGPT Pro, a $200 subscription tier that provides "unlimited" access to o1, '
        "GPT-4o, and Advanced Voice features."
    )
    assert not [e for e in found if e["type"] == "model_release"]


# --- rules-0.4: news is told first and recently; headlines of labs' own posts ---

FILLER = " ".join(f"Paragraph {i} talks about the weather in the valley." for i in range(10))


def _released(found: list[dict]) -> set[tuple]:
    return {(e["org"], e["model"]) for e in found if e["type"] == "model_release"}


def test_a_lab_headline_naming_a_model_is_its_release_and_only_its_own():
    assert _released(
        events("", title="GPT-4o mini: advancing cost-efficient intelligence", published=LLAMA_3_1_WEEK)
    ) == {
        ("OpenAI", "GPT-4o mini")
    }
    assert _released(
        events("", title="DeepSeek-V3 发布 2024/12/26", published=datetime(2024, 12, 26, tzinfo=timezone.utc))
    ) == {("DeepSeek", "DeepSeek-V3")}
    assert ("OpenAI", "o1-preview") not in _released(
        events("", title="Sky-T1: Train your own o1-preview model within $450")
    )


def test_a_release_past_the_lead_is_news_only_when_direct_and_recent():
    # the same sentence is the news in the lead, history further down an article about something else
    assert _released(events("Meta released Llama 3 70B in April 2024. " + FILLER)) == {("Meta", "Llama 3 70B")}
    assert not _released(
        events("OpenAI announced new pricing. " + FILLER + " Meta released Llama 3 70B in April 2024.")
    )
    assert _released(
        events(
            "OpenAI announced new pricing. " + FILLER + " Meta released Llama 3 70B, its new open model.",
            published=datetime(2024, 4, 20, tzinfo=timezone.utc),
        )
    ) == {("Meta", "Llama 3 70B")}
    # a model named as what is fine-tuned, or only as a comparison down the page, is not released
    assert not _released(
        events(
            "OpenAI announced new pricing. "
            + FILLER
            + " We released a model that we fine-tune Qwen2.5-32B-Instruct into."
        )
    )


def test_price_rates_questions_and_bystanders_are_no_events():
    found = events("DeepSeek-V3 training took 2,788 thousand H800 GPU hours at a cost of $2/GPU hour.")
    assert not [e for e in found if e["type"] == "training_cost"]
    assert not [e for e in events("Is DeepSeek-R1 better than o1?") if e["type"] == "benchmark_claim"]
    found = events(
        "Augustus has raised a $1.1 million pre-seed round led by Playfair, with participation from Meta "
        "board member Charlie Songhurst."
    )
    assert {e["org"] for e in found if e["type"] == "funding"} == {"Augustus"}
    assert not [
        e for e in events("", title="OpenAI's Head of Safety Is Leaving the Company") if e["type"] == "leadership"
    ]


def test_a_title_case_headline_verb_is_not_part_of_the_buyer():
    found = events("", title="Stripe Nears Deal to Buy AI Firm OpenRouter for over $7B")
    assert {(e["org"], e["target"]) for e in found if e["type"] == "acquisition"} == {("Stripe", "OpenRouter")}


def test_a_new_version_of_a_known_model_line_is_its_makers_release():
    found = events(
        "Gemini 3.7 Flash is our most intelligent workhorse model yet.", title="Introducing Gemini 3.7 Flash"
    )
    assert _released(found) == {("Google DeepMind", "Gemini 3.7 Flash")}
    assert _released(events("Moonshot AI released open weights for Kimi K3.")) == {("Moonshot AI", "Kimi K3")}
    # a line named in passing further down is no release
    assert not _released(events("OpenAI announced new pricing. " + FILLER + " Some compare it with Gemini 3.7 Flash."))


def test_a_nationality_is_no_party():
    found = events("", title="German court holds Google liable for fake AI answers")
    assert not [e for e in found if "German" in (e["org"], e["counterparty"])]


# --- rules-0.5: one event, one actor - the subject of its verb, not the company in focus or a bystander ---


def test_one_round_told_twice_is_the_round_of_its_headlines_subject():
    # "The company has raised" further down, after another company was named, is still the headline's round
    found = events(
        "Zentrix keeps shoppers on WhatsApp, which Meta owns. The company has raised a $1.1 million "
        "pre-seed "
        "round led by Playfair.",
        title="Zentrix raises $1.1M",
    )
    assert _rounds(found) == {("Zentrix", 1)}
    # two rounds of two sizes stay two companies' rounds
    found = events("Bolt Robotics raised $50 million in a Series B.", title="Zentrix raises $180M")
    assert _rounds(found) == {("Zentrix", 180), ("Bolt Robotics", 50)}


def test_an_amount_followed_by_valuation_is_the_valuation_and_parts_of_a_total_are_no_round():
    found = [e for e in events("Augustus raised $180 million at a $1 billion valuation.") if e["type"] == "funding"]
    assert [(e["amount_usd"], e["valuation_usd"]) for e in found] == [(180e6, 1e9)]
    found = [
        e for e in events("Augustus raised $180 million; its valuation was not disclosed.") if e["type"] == "funding"
    ]
    assert [(e["amount_usd"], e["valuation_usd"]) for e in found] == [(180e6, None)]
    # "including $130 million in December": a part of the total, an earlier round
    assert not _rounds(
        events("The round brings Acme's total funding to $630 million, including $130 million raised in December.")
    )
    assert _rounds(events("Acme raised $100 million, including $20 million from Nvidia.")) == {("Acme", 100)}


def test_the_one_who_appoints_and_a_move_told_as_last_years_are_no_moves():
    found = _moves(events("AWS CEO Matt Garman names Dave Treadwell SVP of Compute as Dave Brown departs."))
    assert "Matt Garman" not in {p for _, p in found} and "Dave Brown" in {p for _, p in found}
    # the object of an appointing verb, given a role, does move
    assert "Denise Dresser" in {
        p
        for _, p in _moves(
            events("OpenAI has replaced chief revenue officer Denise Dresser after nine months on the job.")
        )
    }
    # people named before an appointing verb are bystanders: the one appointed is another
    assert not _moves(
        events(
            "Bernanke joins the board alongside Neil Buddy Shah, CEO of the Clinton Health Access "
            "Initiative, who the company appointed in January."
        )
    )
    assert not _moves(events("Meta appointed Alexandr Wang last year to head its superintelligence lab."))
    assert _moves(events("Meta appointed Alexandr Wang on Monday to head its superintelligence lab.")) == {
        ("Meta", "Alexandr Wang")
    }


def _market(found):
    return {(e["org"], e["pct"], e["amount_usd"]) for e in found if e["type"] == "market_move"}


# hn-digest articles outside every labelled set (tests/holdout/README "unlabelled pool"): a share of a market, of
# tokens or of visits is no stock
@pytest.mark.parametrize(
    "text",
    [
        "TSMC's share in the global pure foundry market rose to 73 percent in the first quarter from 69 percent in "
        "late 2024, while Samsung's slipped slightly to about 7 percent.",
        "DeepSeek’s share of tokens jumped from under 1% to 17% in a single month, while its share of spend stayed "
        "near 1%.",
        "Although Cursor has gained some mind share (from 69% in January to 75% in May–July), it has experienced a "
        "small decline in adoption.",
        # (Yahoo Finance 2026-06-24, pool) a group's total, not one company's move
        "The “Magnificent Seven” plus Broadcom and Oracle have lost roughly $2.7 trillion in market value in June, "
        "according to Yahoo Finance analysis, as investors take a harder look at the companies funding the AI "
        "build-out.",
    ],
)
def test_a_share_of_a_market_is_no_market_move(text):
    assert not [e for e in events(text) if e["type"] == "market_move"]


def test_a_figure_told_after_the_moves_occasion_is_each_companys():
    # tests/holdout h886 (CNBC, batch 16): "both plunged following the Meta news, sinking about 12% each"
    text = (
        "Shares of neocloud companies CoreWeave and Nebius Group both plunged following the Meta news, sinking about "
        "12% each."
    )
    assert _market(events(text)) == {("CoreWeave", -12.0, None), ("Nebius", -12.0, None)}


def test_listed_moves_past_a_ticker_an_aside_or_another_clauses_accounts():
    # tests/searchpages s030, s028, s032 (search-index pages of a chip selloff): a ticker in brackets, ", however,",
    # "approximately"; "capital spending" in the clause after the move is no account of the move
    story = "A broad selloff wiped out $1.3 trillion in market value as chip stocks fell. "
    assert _market(events(story + "Advanced Micro Devices (AMD) lost nearly 11%, while Marvell Technology dropped "
                          "approximately 17%.")) == {("AMD", -11.0, None), ("Marvell", -17.0, None)}
    assert _market(events(story + "Intel, however, tumbled nearly 9% after a Reuters report.")) == {
        ("Intel", -9.0, None)}
    assert _market(events(story + "Intel dropped nearly 9% after Reuters reported its executives are expected to "
                          "present a plan to revamp capital spending.")) == {("Intel", -9.0, None)}
    # (a company's own accounts still are none)
    assert not _market(events(story + "OpenAI lost $5 billion on revenue of $3.7 billion last year."))


def test_a_moves_direction_is_the_one_told_last_before_its_figure():
    # hn-digest articles outside every labelled set (tests/holdout/README "unlabelled pool"): a fall named first
    found = events("Even after declines Wednesday, SoftBank Group’s stock has also surged this year and was last up "
                   "about 45.5% for the period.")
    assert [(e["org"], e["pct"]) for e in found if e["type"] == "market_move"] == [("SoftBank", 45.5)]


def test_each_company_in_a_market_storys_list_moves_by_its_own_figure():
    found = _market(
        events(
            "Chip shares fell on Monday. Intel dropped nearly 6% and AMD lost 8%. "
            "Samsung Electronics and its competitor SK Hynix fell 12% apiece. AMD also shed around $110 "
            "billion."
        )
    )
    assert {
        ("Intel", -6.0, None),
        ("AMD", -8.0, None),
        ("Samsung", -12.0, None),
        ("SK Hynix", -12.0, None),
        ("AMD", None, -110e9),
    } <= found
    assert {("Intel", -6.0, None), ("AMD", -6.0, None)} <= _market(
        events("Chip shares fell on Monday. Intel and AMD were both off around 6%.")
    )
    # a list without "apiece"/"both" gives the figure to the name right before the verb only
    assert ("Nvidia", -3.0, None) not in _market(events("Chip shares fell on Monday. Nvidia and AMD lost 8%."))
    # outside a market story, and a company's own accounts, are no market moves
    assert not _market(events("Intel dropped nearly 6% and AMD lost 8%."))
    assert not _market(events("Chip shares fell on Monday. OpenAI lost $5 billion last year as its revenue rose 50%."))


def test_companies_and_figures_in_two_lists_move_respectively():
    # realdev g12 (CNBC, the memory selloff)
    found = _market(
        events(
            "Chip shares fell on Monday. SK Hynix, Samsung Electronics and Micron — all key players in the memory "
            "space — lost $176 billion, $173 billion and $113 billion, respectively."
        )
    )
    assert found == {("SK Hynix", None, -176e9), ("Samsung", None, -173e9), ("Micron", None, -113e9)}
    # two lists of different lengths pair nothing; the last company is not given the first figure
    text = "Chip shares fell on Monday. Tencent and Alibaba were up 4.29% and 2.05% and 3%, respectively."
    found = _market(events(text))
    assert ("Alibaba", 4.29, None) not in found
    # unlabelled pool (hn-digest 2026): the company named right before "stock" moves by its own figure, not the first
    found = _market(events("Goldman Sachs and Morgan Stanley stock fell as much as 4.9% and 4.2%, respectively, on "
                           "Friday in New York."))
    assert found == {("Goldman Sachs", -4.9, None), ("Morgan Stanley", -4.2, None)}
    # tests/searchpages s084: the moves told as a noun ("saw decreases of")
    found = _market(events("Stocks fell on Monday. The negative sentiment spread to tech giants like Microsoft and "
                           "Tesla, which saw decreases of 3.4% and 3.7%, respectively."))
    assert found == {("Microsoft", -3.4, None), ("Tesla", -3.7, None)}


def test_money_added_beside_money_invested_is_no_move_in_value():
    # the unlabelled pool (p2450, a market column): Amazon's $25 billion went into Anthropic, no share moved by it
    text = ("Nvidia shares fell 6% on Friday. Anthropic separately committed $200 billion to Google Cloud while Google "
            "invested up to $40 billion back into Anthropic; Amazon added $25 billion.")
    assert _market(events(text)) == {("Nvidia", -6.0, None)}
    # value added in an investing week is still a move
    text = ("Nvidia shares fell 6% on Friday while Google invested $40 billion in Anthropic; Amazon added $25 billion "
            "in market value.")
    assert ("Amazon", None, 25e9) in _market(events(text))


def test_declining_to_do_something_is_no_fall():
    # the unlabelled pool (p0019): a round's terms made competing offers easier to decline; no share fell
    assert not _market(events(
        "In “DeepSeek’s $7.4 Billion Price Tag,” we argued that the round’s LP structure, 5-year lock-up, and Liang’s "
        "personal $3bn anchor were designed to give researchers a valuation anchor that made competing offers easier "
        "to decline."
    ))
    assert not _market(events("Nvidia, valued at $4 trillion, declined to comment on the $2 billion stake."))
    assert _market(events("Nvidia's market value declined 5% on Monday.")) == {("Nvidia", -5.0, None)}


def test_a_market_wraps_list_in_signed_figures_moves_each_company():
    # tests/searchpages s029: "~" is about, "-13%" a fall, "+5%" a rise
    text = ("Chip stocks fell on Monday. Nvidia fell ~6% (>$300B), Micron -13% (>$150B), AMD ~-11%, and Broadcom "
            "-7.9%.")
    assert _market(events(text)) == {("Nvidia", -6.0, None), ("Micron", -13.0, None), ("AMD", -11.0, None),
                                     ("Broadcom", -7.9, None)}
    assert _market(events("Chip stocks rose. Nvidia rose 3%, AMD +5%.")) == {("Nvidia", 3.0, None), ("AMD", 5.0, None)}


def test_shares_that_slipped_fell():
    # tests/devset 048 (AMD-OpenAI deal)
    found = _market(events("AMD signed a chip deal with OpenAI. Nvidia shares slipped about 1% on the news."))
    assert ("Nvidia", -1.0, None) in found


def test_a_move_told_as_a_noun():
    # realdev g12 (CNBC)
    text = "Chip shares fell on Monday. The selloff was led by Nvidia, which saw a $238 billion rout since Friday."
    assert _market(events(text)) == {("Nvidia", None, -238e9)}
    assert not _market(events("Chip shares fell on Monday. Nvidia had a record quarter."))


def test_the_stock_of_the_company_in_focus_moves_when_a_sentence_opens_on_it():
    # realset r093 (BBC, SpaceX earnings) and realdev g22 (Chegg): the company is named in an earlier sentence
    assert _market(events("SpaceX reported its first earnings. Its stock fell 9% on Wednesday morning.")) == {
        ("SpaceX", -9.0, None)
    }
    assert _market(events("Chegg sued Google. The stock was down 24% in extended trading.")) == {("Chegg", -24.0, None)}
    # realset r089 (Guardian): "closed 5% lower" is a fall
    text = "Nvidia is in talks. News of the talks knocked Nvidia’s shares on Monday; they closed 5% lower."
    assert _market(events(text)) == {("Nvidia", -5.0, None)}
    # the market as a whole, or a company's own accounts, are no move of the company in focus
    assert not _market(events("Chegg sued Google. The stock market fell 2% on Monday."))
    assert not _market(events("Chegg sued Google. Its revenue fell 24% in the quarter."))


def test_a_market_storys_list_told_in_the_present_tense():
    # tests/holdout h423 (Yahoo Finance, batch 8, development): "is up" in a market story's list
    found = _market(events("The three-stock AI Stack Tracker is up roughly 86% since that date, with Dell now nearly "
                           "44% of the basket. Since March 30, Dell is up nearly 150%, while Snowflake is up over 60% "
                           "and Ford is up a little less than that."))
    assert {(org, pct) for org, pct, _ in found} >= {("Snowflake", 60.0), ("Dell Technologies", 150.0)}
    # realset r086 (Ars Technica): "the company's shares are down" after a company the gazetteer does not know is no
    # move of the company in focus
    assert not _market(events("X-energy, which develops small modular nuclear reactors and is backed by Amazon, came "
                              "to market in April. Deep Fission raised $40 million in June, a 73 percent cut from its "
                              "initial target. The company’s shares are down 33 percent from its Wall Street debut."))


def test_a_part_of_a_companys_equity_is_no_market_move():
    # realset r079 (OpenAI's proposed gift of equity to a sovereign wealth fund)
    text = (
        "OpenAI CEO Sam Altman has proposed giving 5% of the company’s equity to a U.S. sovereign wealth fund, "
        "reviving discussions about letting the public share in the financial gains from the AI boom."
    )
    assert not _market(events(text))
    assert _market(events("OpenAI's valuation rose 5% to $300 billion.")) == {("OpenAI", 5.0, None)}


def test_a_share_sale_is_a_round():
    # realset r036 (CNBC)
    found = events("OpenAI has completed a secondary share sale totaling roughly $7 billion, CNBC confirmed.")
    assert _rounds(found) == {("OpenAI", 7000)}


def test_money_invested_by_then_is_background():
    # realset r244 (The Verge): an investment told as standing at an earlier point
    text = (
        "The loss of Musk, who had by that point reportedly invested $100 million, put OpenAI’s nonprofit model in "
        "peril."
    )
    assert not _rounds(events(text))


def test_the_investor_named_as_subject_or_bystander_is_not_who_raised():
    assert _rounds(events("Nvidia will invest $1.5 billion in SB Energy.")) == {("SB Energy", 1500)}
    assert _rounds(events("Amazon will invest $4 billion in Anthropic.")) == {("Anthropic", 4000)}
    assert not {
        org
        for org, _ in _rounds(
            events(
                "GitHub is popular. He raised a reported $225 million from Stripe's "
                "founders and former GitHub CEO Nat Friedman."
            )
        )
    } & {"GitHub"}
    assert not {
        org
        for org, _ in _rounds(
            events("Following a new funding round, the valuation of the developer has approached the $1 trillion mark.")
        )
    } & {"Following"}


def test_a_market_rout_and_a_spending_pledge_over_years_are_no_rounds():
    assert not _rounds(events("The selloff was led by Nvidia, which saw a $238 billion rout since Friday."))
    assert not _rounds(events("Microsoft plans to invest $17.5 billion over four years in India's data centres."))
    assert _rounds(events("Acme Robotics raised $50 million in a round led by Nvidia.")) == {("Acme Robotics", 50)}


def test_the_company_in_focus_raised_only_where_the_sentence_refers_to_it_or_its_round():
    assert not _rounds(
        events(
            "Replit builds coding agents. Legacy players like Berlin-based Charles (which raised a "
            "$20 million "
            "Series A led by Salesforce Ventures) have proven the market."
        )
    )
    assert _rounds(events("Replit builds coding agents. The company has raised $250 million.")) == {("Replit", 250)}
    assert _rounds(events("Replit builds coding agents. Other outlets reported the raise is roughly $3 billion.")) == {
        ("Replit", 3000)
    }


def test_a_move_with_no_company_named_is_the_focus_companys_only_where_the_sentence_refers_to_one():
    assert not _moves(events("OpenAI ships models. Greg Brockman joined Sarah Friar in updating shareholders."))
    assert _moves(events("OpenAI ships models. Daniel Levy, the third co-founder, becomes president.")) == {
        ("OpenAI", "Daniel Levy")
    }
    assert _moves(events("OpenAI ships models. Sean White takes over as its chief executive.")) == {
        ("OpenAI", "Sean White")
    }


def _deals(found):
    return {frozenset((e["org"], e["partner"])) for e in found if e["type"] == "partnership"}


def test_a_deal_is_its_subjects_and_the_company_in_focus_only_where_the_sentence_refers_to_one():
    assert _deals(
        events("Perplexity ships search. Getty Images has announced a multi-year partnership with OpenAI.")
    ) == {frozenset(("Getty Images", "OpenAI"))}
    assert frozenset(("Liquid AI", "Google")) not in _deals(
        events("Liquid AI ships models. India signed a deal with Google to deploy a supercomputer.")
    )
    assert _deals(events("OpenAI ships models. The ChatGPT maker has signed a contract with Oracle.")) == {
        frozenset(("OpenAI", "Oracle"))
    }


def test_goods_bought_are_no_acquisition_but_a_company_named_systems_is():
    found = events('Moonshot AI "acquired GB300-equipped servers" in Thailand, the official said.')
    assert not [e for e in found if e["type"] == "acquisition"]
    found = events("AMD agreed to acquire ZT Systems for $4.9 billion.")
    assert {(e["org"], e["target"]) for e in found if e["type"] == "acquisition"} == {("AMD", "ZT Systems")}


# --- labs' own announcements (issue 15's coverage misses), read from ../shared/archive at test time -----------------
ARCHIVE = SHARED / "archive" / "lab-announcements.jsonl"


def _archive_releases(*urls: str) -> dict[str, set[tuple]]:
    """(org, model) of each release found in the archive's entries with these URLs, each read as a backfill reads it:
    the title, then the title and the summary as the text."""
    wanted = set(urls)
    rows = [row for row in map(json.loads, ARCHIVE.read_text(encoding="utf-8").splitlines()) if row["url"] in wanted]
    assert {row["url"] for row in rows} == wanted, "the archive no longer holds these entries"
    articles = pl.DataFrame(
        [
            {
                "article_id": row["url"],
                "title": row["title"],
                "text": row["title"] + "\n\n" + html_to_text(row.get("summary") or ""),
                "published_at": datetime.fromisoformat(row["published"]),
            }
            for row in rows
        ]
    )
    found = extract_mentions(articles).filter(pl.col("type") == "model_release")
    assert (found["evidence"].str.len_chars() >= EVIDENCE_MIN_CHARS).all(), "evidence the mentions suite quarantines"
    return {url: {(e["org"], e["model"]) for e in found.filter(pl.col("article_id") == url).to_dicts()} for url in urls}


@needs_shared
def test_a_labs_announcement_of_its_own_model_is_a_release():
    found = _archive_releases(
        "https://www.anthropic.com/news/introducing-claude",  # "Introducing <model line>"
        "https://www.anthropic.com/news/claude-2",  # a headline that is only the model's name
        "https://www.anthropic.com/news/claude-3-7-sonnet",  # "<model> and <product>"
        "https://deepmind.google/discover/blog/graphcast-ai-model-for-faster-and-more-accurate-global-weather-forecasti"
        "ng/",
        "https://deepmind.google/discover/blog/robocat-a-self-improving-robotic-agent/",  # "X: A ... agent"
        "https://deepmind.google/discover/blog/rt-2-new-model-translates-vision-and-language-into-action/",
    )
    models = {url.rstrip("/").rsplit("/", 1)[1]: {m for _, m in pairs} for url, pairs in found.items()}
    assert models["introducing-claude"] == {"Claude"}
    assert models["claude-2"] == {"Claude 2"}
    assert models["claude-3-7-sonnet"] == {"Claude 3.7 Sonnet"}
    assert {
        m.lower() for m in models["graphcast-ai-model-for-faster-and-more-accurate-global-weather-forecasting"]
    } == {"graphcast"}
    assert models["robocat-a-self-improving-robotic-agent"] == {"RoboCat"}
    assert models["rt-2-new-model-translates-vision-and-language-into-action"] == {"RT-2"}
    # the maker of a name the gazetteer does not know is the lab whose page it is
    assert {org for pairs in found.values() for org, m in pairs if m == "RoboCat"} == {"Google"}


@needs_shared
def test_a_labs_papers_products_and_benchmarks_are_no_releases():
    found = _archive_releases(
        "https://www.anthropic.com/research/sleeper-agents-training-deceptive-llms-that-persist-through-safety-training",
        "https://www.anthropic.com/research/towards-monosemanticity-decomposing-language-models-with-dictionary-learnin"
        "g",
        "https://www.anthropic.com/research/collective-constitutional-ai-aligning-a-language-model-with-public-input",
        "https://seed.bytedance.com/en/research/megascale-scaling-large-language-model-training-to-more-than-10-000-gpu"
        "s",
        "https://seed.bytedance.com/en/public_papers/mef-a-systematic-evaluation-framework-for-text-to-image-models",
        "https://www.anthropic.com/news/claude-pro",
        "https://www.anthropic.com/news/introducing-claude-for-education",
        "https://www.anthropic.com/news/introducing-claude-to-canada",
        "https://www.anthropic.com/news/claude-2-amazon-bedrock",
        "https://openai.com/index/paperbench",
    )
    assert {url: pairs for url, pairs in found.items() if pairs} == {}


def test_a_version_listed_after_a_model_lines_name_keeps_the_lines_name():
    found = events(
        "We are introducing new Gemini models, including Gemini 9.6 Flash, 9.5 Flash-Lite and 9.5 Flash Cyber."
    )
    assert {e["model"] for e in found if e["type"] == "model_release"} == {
        "Gemini 9.6 Flash",
        "Gemini 9.5 Flash-Lite",
        "Gemini 9.5 Flash Cyber",
    }
    # a headline without a release verb that compares models releases none of them
    assert not [
        e
        for e in events("Useful details.", title="Grok 9.6 and Claude Opus 9 beat rivals at finding bugs")
        if e["type"] == "model_release"
    ]


def test_names_after_introducing_are_released_by_the_company_in_focus_but_dates_and_stages_are_not():
    found = events("Acme Voice AI releases new speech models. Introducing Sonic-7.5 and Ink-9.")
    assert {(e["org"], e["model"]) for e in found if e["type"] == "model_release"} == {
        ("Acme Voice AI", "Sonic-7.5"),
        ("Acme Voice AI", "Ink-9"),
    }
    found = events("Firebird Labs and the government jointly announced Phase 2 on Monday.")
    assert not [e for e in found if e["type"] == "model_release"]


def test_share_buttons_and_a_byline_before_the_first_sentence_are_furniture():
    text = (
        "Jane Roe Tue 4 Aug 2026 20.47 EDT Share Prefer the Guardian on Google "
        "A teacher sued OpenAI in federal court on Tuesday."
    )
    assert ("OpenAI", "Google") not in {(e["org"], e["counterparty"]) for e in events(text) if e["type"] == "legal"}


@pytest.mark.parametrize(
    "text, unwanted",
    [
        # a forecast raised, supplies secured, a yardstick rival: no round of theirs
        ("Alphabet raised its capital spending forecast to as much as $205 billion this year.", "funding"),
        ("Micron said its customers had committed $22 billion to secure supplies of its chips.", "funding"),
        # a person's partner, a lab and its own division
        ("The founders sat next to Microsoft founder Bill Gates and partner Paula Hurd at the game.", "partnership"),
        (
            "A24 and Google have struck a partnership that will see the studio work with Google's DeepMind unit.",
            "none-with-self",
        ),
    ],
)
def test_what_is_no_event_of_that_kind(text, unwanted):
    found = events(text)
    if unwanted == "none-with-self":
        assert not [
            e for e in found if e["type"] == "partnership" and {e["org"], e["partner"]} <= {"Google", "Google DeepMind"}
        ]
    else:
        assert not [e for e in found if e["type"] == unwanted]


def test_the_round_is_the_raising_companys_not_its_yardsticks_or_backers():
    assert _rounds(
        events(
            "Anthropic builds models. The AI company recently raised $65 billion, bringing its valuation "
            "to "
            "$965 billion and surpassing rival OpenAI."
        )
    ) == {("Anthropic", 65000)}
    assert _rounds(events("Google Invests $75M in A24 to Develop AI Filmmaking Tools")) == {("A24", 75)}
    assert _rounds(
        events(
            "River Robotics , the startup founded by a former Tesla engineer, today announced $40 "
            "million in "
            "funding, led by General Catalyst with strategic investment from Nvidia and AMD Ventures."
        )
    ) == {("River Robotics", 40)}


def test_suits_filed_by_a_person_or_a_states_attorney_general():
    found = {
        (e["org"], e["counterparty"])
        for e in events(
            "Jane Roe filed a wrongful death lawsuit against OpenAI on Thursday. "
            "The Florida attorney general filed suit in federal district court against Character.AI on Monday."
        )
        if e["type"] == "legal"
    }
    assert found == {("OpenAI", "Jane Roe"), ("Character.AI", "Florida")}
    # a pronoun's suit is no suit of the company named before it
    assert not [
        e
        for e in events("The studio's deal with OpenAI came as it sued AI companies like MiniMax and Midjourney.")
        if e["type"] == "legal" and "OpenAI" in (e["org"], e["counterparty"])
    ]


def test_a_states_ai_law_is_policy_of_that_state():
    found = events("Connecticut Governor Ned Lamont signed a bill regulating AI tools used by employers on Tuesday.")
    assert {e["jurisdiction"] for e in found if e["type"] == "policy"} == {"Connecticut (US)"}
    # hn-digest articles outside every labelled set (tests/holdout/README "unlabelled pool"): a law "enacted"
    found = events("This week, New York Gov. Kathy Hochul enacted a one-year moratorium on the construction of AI data "
                   "centers in her state.")
    assert {e["jurisdiction"] for e in found if e["type"] == "policy"} == {"New York (US)"}


def test_a_citys_measure_is_policy_of_that_city():
    # tests/holdout h594 (batch 11): a city council's moratorium
    found = events("Officials in Seattle voted to approve a one-year moratorium on new large-scale artificial "
                   "intelligence data centers to allow time for the city to regulate the projects.")
    assert {e["jurisdiction"] for e in found if e["type"] == "policy"} == {"Seattle (US)"}
    # a city is no state of the same name, and a company's home is no jurisdiction
    found = events("New York City passed a law requiring audits of AI hiring tools.")
    assert {e["jurisdiction"] for e in found if e["type"] == "policy"} == {"New York City (US)"}
    found = events("San Francisco-based Acme said the EU imposed new rules on AI chatbots.")
    assert {e["jurisdiction"] for e in found if e["type"] == "policy"} == {"EU"}
    # a venue or a newspaper is no city acting
    found = events("Speaking in San Francisco, President Trump signed an executive order on AI.")
    assert {e["jurisdiction"] for e in found if e["type"] == "policy"} == {"US"}
    found = events("The San Francisco Standard reported that California lawmakers passed a bill banning AI companion "
                   "apps for minors.")
    assert {e["jurisdiction"] for e in found if e["type"] == "policy"} == {"California (US)"}


def test_a_thing_named_in_code_is_no_appointment():
    # tests/holdout h1549 (a security blog), batch 27: a file named in a product
    text = ("Anthropic's Claude can run code. It reads data from the user and stores it to a file in the Code "
            "Interpreter named `hello.md`, specifically at this location `/mnt/user-data/outputs/hello.md`.")
    assert not [e for e in events(text) if e["type"] == "leadership"]


def test_software_words_and_countries_are_no_person():
    found = events(
        "OpenAI poaches Uber India chief. The developers split the prompt into a System Prompt and a User "
        "Prompt, so named because the developer writes the System Prompt."
    )
    assert not [e for e in found if e["type"] == "leadership" and e["person"] in ("Uber India", "System Prompt")]


def test_a_date_in_front_of_a_release_in_a_later_years_article_is_history():
    assert not [e for e in events("In September 2023 Huawei announced the Kirin 9000S chip and the Zephyr-9 model.")
                if e["type"] == "model_release"]
    assert [e for e in events("OpenAI released o3-mini on Friday.") if e["type"] == "model_release"]


def test_a_past_year_in_words_in_front_of_a_release_is_history():
    # tests/holdout h1355 (CNBC, batch 24): the year told as "last year", a month of it in front
    assert not [e for e in events("In April of last year, Meta's release of Llama 4 fell flat, failing to captivate "
                                  "developers and leading Zuckerberg to reconsider his company's approach to AI "
                                  "development.") if e["type"] == "model_release"]
    assert [e for e in events("In April, Meta released Llama 4 with open weights.") if e["type"] == "model_release"]
    # tests/holdout h1350 (The Verge, batch 24): years of it
    assert not _typed(events("For years, Microsoft’s AI business leaned hard on its early and exclusive partnership "
                             "with OpenAI."), "partnership", "partner")
    assert _typed(events("For years to come, Microsoft and OpenAI will work together under a new partnership "
                         "announced Tuesday."), "partnership", "partner")


def test_open_source_as_an_adjective_and_a_models_idea_are_no_release():
    # realset r253, r246: "open source" describes a model; "introduced by o1" releases a trick, not o1
    assert not [e for e in events("It’s cheap, open source, and has validated what OpenAI is doing with o1 & o3.")
                if e["type"] == "model_release"]
    assert not [e for e in events("Inference scaling is the trick introduced by OpenAI's o1 and now explored by other "
                                  "models such as Qwen's QwQ.") if e["type"] == "model_release"]
    assert [e for e in events("Mistral open-sourced Mistral 7B on Wednesday.") if e["type"] == "model_release"]


def test_a_company_in_deals_with_a_list_of_parties():
    # realset r070: a hub and the parties listed after "with", investors too
    found = events("NVIDIA today announced strategic partnerships to establish independent compute financing platforms "
                   "with BlackRock, Blackstone, Goldman Sachs and KKR to mobilize over $500 billion of capital.")
    assert {(e["org"], e["partner"]) for e in found if e["type"] == "partnership"} >= {
        ("Nvidia", "BlackRock"), ("Nvidia", "Blackstone"), ("Nvidia", "Goldman Sachs"), ("Nvidia", "KKR")}
    # realset r100, r062: stakes, and a clause that goes on past the deal, are no partnership
    for text in ("Nvidia also has made investment deals with data center companies including IREN Ltd., CoreWeave "
                 "Inc. and Nebius Group NV.",
                 "Google’s roughly $75 million investment is tied to the partnership and is in line with what Thrive "
                 "Capital invested during the studio’s last funding round."):
        assert not [e for e in events(text) if e["type"] == "partnership"], text


def test_a_person_telling_of_their_own_move():
    # realset r155, r166: "announced Friday he is leaving ... to join", "announced her departure"
    found = events("John Jumper, a chemist and computer scientist who once won a Nobel Prize alongside Demis Hassabis, "
                   "announced Friday he is leaving Google DeepMind to join Anthropic.")
    assert {(e["org"], e["person"]) for e in found if e["type"] == "leadership"} == {
        ("Google DeepMind", "John Jumper"), ("Anthropic", "John Jumper")}
    found = events("And on Thursday, Denise Dresser, OpenAI's revenue chief, announced her departure.")
    assert {(e["org"], e["person"]) for e in found if e["type"] == "leadership"} == {("OpenAI", "Denise Dresser")}


def test_large_companies_buy_and_the_yardsticks_and_backers_of_a_round_raise_nothing():
    # realset r049: a company the gazetteer now knows buys a startup named after its founder's possessive (as a text
    # extractor wrote it, "Affleck ‘s")
    found = events("Netflix paid $587 million in cash when it purchased Ben Affleck ‘s AI startup InterPositive.")
    assert {(e["org"], e["target"]) for e in found if e["type"] == "acquisition"} == {("Netflix", "InterPositive")}
    # realdev g09: a yardstick after "since"; realset r039: the second backer of "led by A and B"
    assert not [e for e in events("It went public on the Nasdaq on May 14 and raised $5.55 billion in the biggest U.S. "
                                  "tech stock offering since Uber in 2019.") if e["org"] == "Uber"]
    assert not [e for e in events("Global tool Wati, backed by $35 million in total funding, including a Series B led "
                                  "by Tiger Global and Shopify, has proven that brands want WhatsApp communication.")
                if e["org"] == "Shopify"]


def test_a_competition_regulators_measures_on_a_gatekeeper_are_policy():
    # realset r113: new DMA measures; realdev g06 (shortened): the act's scope alone is no measure
    found = events("After several months of consideration, the European Commission has announced new DMA measures that "
                   "will force Google to support interoperability and competition in the European Union.")
    policies = {(e["jurisdiction"], e["measure"]) for e in found if e["type"] == "policy"}
    assert policies == {("EU", "competition measures")}
    assert not [e for e in events("Whenever Meta makes acquisitions that fall within the scope of Europe’s Digital "
                                  "Markets Act, it must notify the European Commission, which publishes details.")
                if e["type"] == "policy"]


def test_a_model_named_as_a_yardstick_did_not_cost_the_training_amount():
    # realset r241: a replication of a model's approach
    text = ("One notable example is TinyZero, a 3B parameter model that replicates the DeepSeek-R1-Zero approach "
            "(side note: it costs less than $30 to train).")
    assert not [e for e in events(text) if e["type"] == "training_cost"]


def test_an_articles_events_do_not_depend_on_its_batch():
    # A batch that names a company in non-ASCII letters ("Condé Nast") is read with the gazetteer's whole patterns,
    # whose Unicode word boundaries are slow on any text with a curly quote; a batch without, and in a mixed batch
    # each text without such a letter, with the ASCII-only ones (names._for_text, _by_script, _read_names).
    # openai.com/index/conde-nast (the headline, ../shared/archive/lab-announcements.jsonl); realset r070
    conde = "OpenAI partners with Condé Nast"
    nvidia = ("NVIDIA today announced strategic partnerships to establish independent compute financing platforms "
              "with BlackRock, Blackstone, Goldman Sachs and KKR to mobilize over $500 billion of capital.")

    def extract(**titles: str) -> list[dict]:
        articles = pl.DataFrame([{"article_id": id_, "title": title, "text": "", "published_at": PUBLISHED}
                                 for id_, title in titles.items()])
        return extract_mentions(articles).to_dicts()

    together = extract(a=conde, b=nvidia)
    assert ("OpenAI", "Condé Nast") in {(e["org"], e["partner"]) for e in together if e["article_id"] == "a"}
    assert [e for e in together if e["article_id"] == "b"] == extract(b=nvidia)
    assert [e for e in together if e["article_id"] == "a"] == extract(a=conde)


def test_the_model_a_run_started_from_did_not_cost_the_training_amount():
    # realset r273 (a newsletter on small-model RL): the $42 is the new run's, not DeepSeek-R1's
    text = ("So, using the 1.5B DeepSeek-R1-Distill-Qwen model, they find that with only 7000 training examples and "
            "a $42 compute budget, RL fine-tuning can lead to strong improvements.")
    assert not [e for e in events(text) if e["type"] == "training_cost"]
    # the model's own run still costs what it cost (demo deepseek-r1-cost.html)
    found = events("DeepSeek had reported that the final training run of DeepSeek-V3, the general-purpose base model "
                   "on which R1 was built, cost about $5.6 million in GPU time.")
    assert {(e["model"], e["amount_usd"]) for e in found if e["type"] == "training_cost"} == {("DeepSeek-V3", 5.6e6)}


def test_versions_of_known_model_lines_are_models():
    # realset r287 (schneier.com, 2026-07-31): a tier's new version ("Opus 5") measured against the last one
    found = events("On the IPI benchmark, Opus 5 improved over Opus 4.8, reducing the probability of an attacker "
                   "succeeding within 15 attempts from 5.5% to 2.0%.")
    assert {(e["org"], e["model"], e["compared_to"]) for e in found if e["type"] == "benchmark_claim"} == {
        ("Anthropic", "Opus 5", "Opus 4.8")}
    # realset r295 (NovaSky blog): sizes of a known name are new models, and "on top of" a model compares nothing
    found = events("We are excited to release **Sky-T1-7B**, a SOTA open-recipe 7B model on math reasoning tasks. "
                   "We also release **Sky-T1-mini**, trained with simple Reinforcement Learning (RL) applied on top of "
                   "the DeepSeek-R1-Distill-Qwen-7B model, achieving close to OpenAI o1-mini performance on popular "
                   "math benchmarks.")
    assert {e["model"] for e in found if e["type"] == "model_release"} == {"Sky-T1-7B", "Sky-T1-mini"}
    assert {(e["model"], e["compared_to"]) for e in found if e["type"] == "benchmark_claim"} == {
        ("Sky-T1-mini", "o1-mini")}
    # realset r013 (Rest of World): "open weights for" a model releases it
    assert kinds(events("Moonshot AI released open weights for Kimi K3.")) == {
        ("model_release", "Moonshot AI", "Kimi K3")}


def test_a_model_is_not_measured_against_itself_named_shorter():
    # realset r282 (artificialanalysis.ai): "Sonnet 5" is the Claude Sonnet 5 the article is about
    found = events("➤ For reasoning and knowledge-heavy tasks, Sonnet still sits behind its larger siblings: despite "
                   "substantial gains across many evaluations, heavy reasoning and knowledge benchmarks still show "
                   "Opus 4.8 ahead of Sonnet 5.",
                   title="Claude Sonnet 5: strong agentic performance at a higher cost per task")
    assert not [e for e in found if e["type"] == "benchmark_claim" and e["model"].endswith(e["compared_to"])]


def test_a_new_name_the_release_verb_takes_and_calls_a_model_is_released():
    # realset r011 (TechCrunch, 2026-06-27): a name without a version, described as a model; "earlier the same week"
    # is recent news, not background
    found = events("Earlier the same week Sakana AI, a Tokyo-based AI startup launched Fugu , a model named after the "
                   "Japanese word for blowfish.")
    assert kinds(found) >= {("model_release", "Sakana AI", "Fugu")}
    # realset r010 (Google for Developers): a new name of a known maker's line
    found = events("At Google I/O we introduced Gemini Omni Flash, the model where Gemini’s multimodal reasoning meets "
                   "video generation.", title="Start Building with Gemini Omni Flash")
    assert ("model_release", "Gemini Omni Flash") in {(e["type"], e["model"]) for e in found}
    # realset r281: described as a benchmark, it is none
    found = events("We’re excited to introduce FrontierCode, a benchmark that measures how well models can truly meet "
                   "the standards of high-quality production codebases.", title="FrontierCode")
    assert not [e for e in found if e["type"] == "model_release"]


def test_a_release_cue_of_another_clause_or_a_time_marker_releases_nothing():
    # realset r253 (timkellogg.me, 2025-01-25): "came out" tells of R1, not of the models named after it
    assert not [e for e in events("R1 just came out a few days ago out of nowhere, and then there’s o1 and o3, but "
                                  "no o2.") if e["type"] == "model_release" and e["model"] in ("o1", "o3")]
    # realset r119: a release as the time of a measure, told with "reportedly", is background
    assert not [e for e in events("But the administration imposed the export controls days after Anthropic released "
                                  "Fable 5 publicly, reportedly citing concerns that the model could be jailbroken.")
                if e["type"] == "model_release"]
    # realdev g10: the model a new feature is powered by is not released
    assert not [e for e in events("Vibe coding company Replit debuted Free Mode today, a new feature powered by "
                                  "OpenAI’s GPT-5.6 Luna model.") if e["type"] == "model_release"]


def test_a_release_told_only_past_the_lead_is_below_the_alert_threshold():
    # realset r013's release sentence, as the lead and past it (ten sentences on): alerts (alert_min_confidence 0.6)
    # are sent for the first only
    release = "Moonshot AI released open weights for Kimi K3."
    filler = " ".join(f"Sovereign nations can now deploy AI locally, point {i}." for i in range(10))
    lead = [e for e in events(release + " " + filler) if e["type"] == "model_release"]
    deep = [e for e in events(filler + " " + release) if e["type"] == "model_release"]
    assert lead and deep
    assert min(e["confidence"] for e in lead) >= 0.6 > max(e["confidence"] for e in deep)


def test_a_stock_sent_up_moves_and_a_price_paid_per_month_is_no_move():
    # tests/holdout h043 (TechCrunch): "send ... stock up" names the move without a verb of its own
    assert _market(events("This combination of positive results was enough to send Amazon’s stock up nearly 10% in "
                          "after-hours trading.")) == {("Amazon", 10.0, None)}
    # tests/holdout h049 (The Next Platform): the amount is what Google pays for capacity, not what the stock did
    assert not _market(events("Interestingly, SpaceX stock was initially up as it went public last month because "
                              "Google was renting capacity on the SpaceX “Colossus” supercomputer for $920 million "
                              "a month."))


def test_a_move_up_to_a_role_or_a_role_held_now_is_a_move():
    # tests/holdout h049 (The Next Platform), a reshuffle told with the people first
    found = _moves(events(
        "Now, Demis Hassabis, who was one of the co-founders of the DeepMind acquisition and who was the chief "
        "executive officer of that DeepMind division, is moving up to chairman of DeepMind and taking over the chief "
        "scientist job at Google from Dean. And finally, Koray Kavukcuoglu is now chief AI architect at Google and is "
        "in charge of the Gemini models."))
    assert {("Google", "Demis Hassabis"), ("Google", "Koray Kavukcuoglu")} <= found
    # one who simply holds a role is no move
    assert not _moves(events("Sundar Pichai, who is now chief executive of Alphabet, spoke on Tuesday."))
    # tests/holdout h1092 (Fortune): a title given up, told after the apposition that names the lab
    assert ("Google DeepMind", "Demis Hassabis") in _moves(
        events(
            "Google DeepMind CEO Demis Hassabis had some news for employees. Hassabis, DeepMind’s cofounder and the "
            "lab’s longtime steward, was giving up the CEO title and moving to a chairman role, they said."
        )
    )
    # tests/holdout h991 (Business Insider): the departure told again, with only the founder's company in focus, is
    # the departure from the company named before
    found = _moves(
        events(
            "Noam Shazeer is leaving Google to join OpenAI. Noam Shazeer, a co-lead at Gemini and the founder of "
            "Character.AI is leaving Google to join OpenAI in the latest AI talent war move. In an X post on "
            "Wednesday, Shazeer announced his departure and said he looks forward to working with the "
            '"exceptional team" at the ChatGPT maker.',
            title="Noam Shazeer Left Google for OpenAI",
        )
    )
    assert found == {("Google", "Noam Shazeer"), ("OpenAI", "Noam Shazeer")}
    # (a departure from a company the gazetteer does not know, told in the first sentence, stays)
    found = _moves(
        events(
            "Cindervale Software, a Columbus, Ohio-based maker of AI tools, said chief executive Jane Doe is leaving "
            "the company."
        )
    )
    assert found == {("Cindervale Software", "Jane Doe")}
    # giving up something else is no move
    assert not _moves(events("Demis Hassabis said Google was giving up the idea of a standalone app."))


def test_an_order_told_as_signed_by_the_president_is_an_executive_order():
    # tests/holdout h008 (CNBC): the order is named only as "the order", signed by Trump
    for sentence in ("Signed by Trump on Tuesday, the order asks for access to AI models 30 days before their release "
                     "for a benchmarking process to assess their capabilities.",
                     "The order, which Trump signed on Tuesday, asks for access to AI models 30 days before their "
                     "release."):
        found = [e for e in events(sentence) if e["type"] == "policy"]
        assert [(e["jurisdiction"], e["measure"]) for e in found] == [("US", "executive order")], sentence


def test_a_photo_credit_and_a_share_button_run_into_a_sentence_are_no_sides_of_a_suit():
    # tests/holdout h123 (NBC News): "Add NBC News to Google" and "... / Getty Images file" are page furniture
    found = events("on Share Add NBC News to Google June 1, 2026, 10:33 AM EDT By Abigail Brooks and Jared Perlo "
                   "Florida Attorney General James Uthmeier sued OpenAI and CEO Sam Altman on Monday, accusing the "
                   "company of putting profit over safety.\nRodriguez Carrillo / Getty Images file The lawsuit adds to "
                   "a growing list of legal efforts brought by governments as well as private citizens against "
                   "OpenAI, many of which contain similar allegations.", title="Florida sues OpenAI")
    assert {e["counterparty"] for e in found if e["type"] == "legal"} == {"Florida"}


def test_a_total_or_a_forecast_raised_is_no_funding_round():
    # tests/holdout h156 (Tom's Hardware) and h162 (CNBC): "raises" a company's total or a forecast's midpoint
    for sentence in ("The fresh commitment raises TSMC's total investment pipeline in Arizona to $265 billion.",
                     "And on Wednesday, Meta narrowed its own capex forecast range, raising the midpoint by $2.5 "
                     "billion for the year.",
                     # (tests/searchpages s024, a search index's page of 2024)
                     "Last month, Meta raised the lower end of its annual capital expenditures forecast by $2 billion, "
                     "setting a range of $66 billion to $72 billion."):
        assert not [e for e in events(sentence) if e["type"] == "funding"], sentence
    rounds = [e["amount_usd"] for e in events("Mistral raised $600 million on Tuesday.") if e["type"] == "funding"]
    assert rounds == [6e8]


def test_a_lower_case_word_is_no_acquisition_target_unless_it_reads_as_a_brand():
    # tests/holdout h158 (TechCrunch): "buying sprees" buys no company called "sprees"
    found = events("Anthropic and OpenAI have each gone on buying sprees, snapping up developer tooling, AI services "
                   "shops, and product-testing startups to convert model capability into enterprise revenue.")
    assert not [e for e in found if e["type"] == "acquisition"]
    # realdev g23: "io" is a company
    assert [e["target"] for e in events("OpenAI is acquiring io, the device startup, for $6.5 billion.")
            if e["type"] == "acquisition"] == ["io"]


def test_a_meeting_joined_or_a_thing_named_is_no_leadership_move():
    # tests/holdout h134 (CNBC): executives joined heads of state at a summit
    assert not _moves(events("Around a dozen tech execs, including OpenAI's Sam Altman, joined heads of state to "
                             "discuss opportunities and challenges around AI. Tech leaders and heads of state, "
                             "including President Donald Trump, joined a meeting about AI standards at the G7 Summit."))
    # tests/holdout h157 (BleepingComputer): a pattern named by a security firm
    assert not _moves(events("In April, Cymulate documented the same pattern, which it named \"Configuration-Based "
                             "Sandbox Escape,\" across Claude Code, Gemini CLI and Codex CLI."))
    # an employer joined is still a move
    assert ("OpenAI", "Peter Steinberger") in _moves(events("Peter Steinberger joined OpenAI on Sunday."))


def test_a_press_release_announcing_the_appointment_of_its_new_chief():
    # unlabelled pool (ir.smartbird.ai, 2026-06-17): a wire's dateline with two hyphens, the company's legal suffix and
    # ticker before its description, and the appointment told as a noun
    text = ("SAN FRANCISCO, June 17, 2026 (GLOBE NEWSWIRE) -- Smartbird, Inc. (NASDAQ: BIRD), an AI infrastructure "
            "provider, today announced the appointment of Nadia Carlsten as president and chief executive officer.")
    assert _moves(events(text)) == {("Smartbird", "Nadia Carlsten")}
    assert ("OpenAI", "Nadia Carlsten") in _moves(events("OpenAI today announced the appointment of Nadia Carlsten as "
                                                         "chief executive officer."))


# hn-digest articles outside every labelled set (tests/holdout/README "unlabelled pool"): parties listed after the deal
# word are not each other's partners; a model line is no party
@pytest.mark.parametrize(
    "text",
    [
        "It also signed a deal with ARM last year to secure compute for its recommendation systems, in addition to a "
        "multibillion-dollar deal with AMD for its Instinct GPUs and a multibillion-dollar deal with Amazon.",
        "Core42, a partner of Cerebras Systems and AMD as well as other AI system suppliers, was chosen.",
        "The messaging was all about partnerships: collaborations with ASML, BNP Paribas, Amazon's Alexa+ and how they "
        "were helping them.",
        "Claude entered the Pentagon’s classified networks through a partnership with Palantir and was reportedly used "
        "during the United States’ intervention in Venezuela.",
        "It allows me to have a sort of collaboration with Claude, where I can almost work in it like in Google Docs.",
    ],
)
def test_parties_listed_or_products_are_not_partners_of_each_other(text):
    assert not [(e["org"], e["partner"]) for e in events(text) if e["type"] == "partnership"]


@pytest.mark.parametrize(
    "text,want",
    [
        ("In a deal with Microsoft, OpenAI will get more compute.", {("Microsoft", "OpenAI")}),
        ("The partnership between Microsoft and OpenAI was revised.", {("Microsoft", "OpenAI")}),
    ],
)
def test_a_fronted_deal_or_one_between_two_still_pairs_them(text, want):
    assert {tuple(sorted((e["org"], e["partner"]))) for e in events(text) if e["type"] == "partnership"} == want


def test_the_company_a_rival_is_named_by_is_no_partner():
    # tests/holdout h144 (CNBC): "Anthropic’s American rival" names OpenAI, it makes no deal with Anthropic
    found = events("OpenAI, Anthropic’s American rival, launched its GPT-5.6 model the same day with very limited "
                   "access, agreeing for the first time to let the U.S. government vet authorized partners on a "
                   "client-by-client basis.")
    assert not [e for e in found if e["type"] == "partnership"]


def _partners(found: list[dict]) -> set[tuple]:
    return {(e["org"], e["partner"]) for e in found if e["type"] == "partnership"}


def test_a_subject_partnered_with_a_company_it_introduces():
    # tests/holdout h151 (PetaPixel): a quoted sentence, the partner introduced as "a company called ..."
    text = ("“Patreon has partnered with an internet infrastructure company called Cloudflare to block AI training "
            "crawlers from using the work you publish on your Patreon to train their AI models,” the post reads.")
    assert ("Patreon", "Cloudflare") in _partners(events(text))
    # tests/holdout h163 (404 Media): a reporting lead-in, and neither company known to the gazetteer
    text = ("Best explained that Substack has partnered with the AI detection tool Pangram, which is now built in to "
            "Substack and allows any user to scan a piece of writing.")
    assert ("Substack", "Pangram") in _partners(events(text))
    # realset r066 (Forbes): the sentence's subject partners "by partnering with"
    text = ("USA Today Co., the nation's largest newspaper chain, ignited a significant internal dispute by partnering "
            "with AI firm Palantir to monetize audience data.")
    assert ("USA Today Co.", "Palantir") in _partners(events(text))
    # an unknown capitalised word opening the sentence is no party unless it introduces one
    assert not _partners(events("Analysts said Acme could grow by partnering with Nvidia."))
    # realset r028: two people teaming up is no partnership of companies
    assert not _partners(events("Lalji teamed up with Eric Wang, his co-founder at Ivella, and Walt Leung, a former "
                                "engineering manager at Nextdoor, and founded Natural in 2025."))


# hn-digest articles outside every labelled set (tests/holdout/README "unlabelled pool"): a cost raised, money someone
# would need, a company's own build-out, an approval secured
@pytest.mark.parametrize(
    "text",
    [
        "Meta just announced a massive expansion of a data center being built in Louisiana, raising the cost to $50 "
        "billion.",
        "These funds will be insufficient to cover Anthropic’s costs, meaning that it will have to raise at least "
        "another $200 billion in the next year.",
        "That would require Google, Meta, OpenAI, & Microsoft each investing $500-700B per year, a 5-7x increase "
        "from today’s levels.",
        "Amazon Web Services on Tuesday announced it is investing $1 billion in a new Forward Deployed Engineering "
        "unit that will help its customers build and roll out artificial intelligence systems.",
        "Alberta Premier Danielle Smith speaks during an announcement that Meta Platforms Inc. will invest $13 billion "
        "building a new data centre in Sturgeon County.",
        "Singapore-based company Datagrid has secured approval to build a NZ$3.5bn (US$2bn) AI datacentre on a "
        "49-hectare site in Makarewa.",
        "Elsewhere, a new AI startup, literally called Taste Labs, recently secured $18.5 million in funding.",
        # money invested with no one to receive it, a question, a rival bested, a name in a quoted phrase
        "The Secure Fund invested more than $500,000 across 50 projects, pairing maintainers with GitHub Security Lab "
        "experts.",
        "Along with the announcements, Microsoft – a member of the project’s partner consortium – said it is investing "
        "$60 million to support the efforts.",
        "Should You Invest $1,000 in Amazon.com Right Now?",
        "It raised $65 billion at a $965 billion valuation (also besting OpenAI) at the end of May.",
        "Prime Intellect, whose earlier seed round Karpathy personally backed, raised a $130 million Series A to build "
        "what it calls a “Hugging Face for RL environments.”",
    ],
)
def test_money_that_is_no_round_of_the_org_named(text):
    # (a round of Taste Labs itself would be right; the sentence adverb is no company)
    assert not [e for e in events(text) if e["type"] == "funding" and e["org"] != "Taste Labs"]


@pytest.mark.parametrize(
    "text,want",
    [("Weeks later, Skydio announced that it had raised $110 million through existing investors, raising its "
      "valuation to $4.4 billion.", {("Skydio", 110)})],
)
def test_a_round_told_after_a_fronted_time_is_its_subjects(text, want):
    assert _rounds(events(text)) == want


def test_money_borrowed_is_no_funding_round():
    # tests/holdout h154 (Nebius): a loan against GPUs; h055 (VentureBeat, Mistral): a debt raise
    for text in ("Nebius raised $775 million by borrowing against its GPUs.",
                 "Mistral raised €830 million ($962 million) in debt this month to fund its data center near Paris."):
        assert not [e for e in events(text) if e["type"] == "funding"]
    # an equity round is still one, also of a company whose product makes loans
    assert [e for e in events("Nebius raised $775 million in a Series C round.") if e["type"] == "funding"]
    text = ("Upstart, an AI lending startup that uses models to underwrite loans, raised $30 million in a Series A "
            "round.")
    assert [e for e in events(text) if e["type"] == "funding"]


def test_shares_sold_in_a_listing_are_no_funding_round():
    # tests/holdout h1407 (abc7news): the money an IPO raises; the labels hold listings optional at most
    for text in ("SpaceX, which in addition to its rocket and satellite business has an AI business, is set to have "
                 "what would be the largest IPO on record next week, raising $75 billion.",
                 "Cerebras raised $5.55 billion in its initial public offering on Thursday."):
        assert not [e for e in events(text) if e["type"] == "funding"]
    # a round told beside a listing, or raised before one, is still one
    text = "Anthropic raised $65 billion at a valuation of $965 billion, and its IPO paperwork is at the SEC."
    assert _rounds(events(text)) == {("Anthropic", 65000)}
    assert _rounds(events("Cerebras raised $250 million in a Series G round ahead of its IPO.")) == {("Cerebras", 250)}
    text = "Ahead of its IPO next year, Databricks raised $10 billion from Thrive Capital."
    assert _rounds(events(text)) == {("Databricks", 10000)}


def test_a_publishers_disclosure_is_no_news():
    # tests/holdout h1445 (ZDNET): the publisher's own lawsuit, told in its disclosure note
    text = ("(Disclosure: Ziff Davis, ZDNET's parent company, filed an April 2025 lawsuit against OpenAI, alleging it "
            "infringed Ziff Davis copyrights in training and operating its AI systems.)")
    assert not events(text)
    assert not events(text.replace("(Disclosure:", "DISCLOSURE:"))
    assert [e for e in events(text.removeprefix("(Disclosure: ").rstrip(")")) if e["type"] == "legal"]


def test_a_participle_that_describes_a_thing_is_no_measure_taken():
    # tests/holdout h1471 (The Register): accounts an AI lab banned, and tariffs criticised
    text = ("The second cluster of banned ChatGPT accounts also likely originated in China and used OpenAI’s models to "
            "write comments and draw political cartoons criticizing US tech policies and tariffs.")
    assert not [e for e in events(text) if e["type"] == "policy"]
    assert [e for e in events("Italy's regulator banned DeepSeek on Friday.") if e["type"] == "policy"]


def test_a_product_for_collaboration_is_no_partnership():
    # tests/holdout h172: "the AI collaboration platform Hugging Face" names what the platform is for
    text = ("About two weeks ago, OpenAI disclosed an incident in which AI agents powered by two of the company's "
            "models escaped containment and went on a hacking spree culminating in a breach of the AI collaboration "
            "platform Hugging Face.")
    assert not _partners(events(text))
    assert ("OpenAI", "Hugging Face") in _partners(events("OpenAI announced a collaboration with Hugging Face."))


def test_a_publisher_or_label_is_a_party_to_a_partnership():
    # realset r227 (music and AI): a record label's deal with a streaming service
    text = ("But a day before, UMG had announced a partnership with Spotify that allows users to create AI-assisted "
            "remixes of certain songs.")
    assert ("Spotify", "Universal Music Group") in _partners(events(text))


def test_two_subjects_that_collaborate_are_partners():
    # shared/archive/lab-announcements.jsonl (Anthropic's news page): one of the two unknown to the gazetteer
    text = ("Anthropic and Infosys collaborate to build AI agents for telecommunications and other regulated "
            "industries.")
    assert ("Anthropic", "Infosys") in _partners(events(text))


def test_a_measure_a_government_acts_on_in_reported_speech_is_policy():
    # tests/holdout h257 (The Register): the company reports what the government did
    found = events("Anthropic announced on Friday that the US government issued an export control directive that "
                   "required the AI upstart to prevent any non-US citizens from accessing its cybersecurity models "
                   "Mythos 5 and Fable 5.")
    assert [e["jurisdiction"] for e in found if e["type"] == "policy"] == ["US"]


def test_a_body_a_government_sets_up_for_ai_is_policy():
    # tests/holdout h133 (PublicTechnology): a UK ministry launches a national centre for AI in policing
    text = ("The Home Office has formally launched a new national centre for scaling up the use of artificial "
            "intelligence for policing in England and Wales.")
    assert {(e["jurisdiction"], e["measure"]) for e in events(text) if e["type"] == "policy"} == {("UK", "AI body")}
    # a company's new centre is no policy
    text = "Nvidia has launched a new national centre for artificial intelligence research in Taiwan."
    assert not [e for e in events(text) if e["type"] == "policy"]


def test_places_in_a_sentence_are_counted_in_characters_past_curly_quotes():
    # IEEE Spectrum, 2026-07-21 (hn-digest, outside every labelled set: tests/holdout/README "unlabelled pool").
    # str.find counts bytes: after the four curly quotes (3 bytes each) its offset cut "GPT-5.5" 8 characters too far.
    from transforms.extract.names import char_at

    sentence = ("Nix said GLM 5.2 comes “really close” to frontier models like Anthropic’s Opus and OpenAI’s "
                "GPT-5.5—close enough to earn a permanent spot in his rotation.")
    found = pl.DataFrame({"s": [sentence]}).select(
        literal=pl.col("s").str.slice(char_at(pl.col("s"), pl.lit("GPT-5.5"), literal=True)),
        regex=pl.col("s").str.slice(char_at(pl.col("s"), r"\bclose enough\b")),
        absent=char_at(pl.col("s"), "Gemini"),
    ).row(0, named=True)
    assert found == {"literal": sentence[sentence.index("GPT-5.5"):],
                     "regex": "close enough to earn a permanent spot in his rotation.", "absent": None}


# Sentences of hn-digest articles outside every labelled set (tests/holdout/README "unlabelled pool"), each of which
# was reported as a round of the wrong company or of none.
@pytest.mark.parametrize(
    "text",
    [
        # a running total, told after the amount (kuber.studio, 2026-06-06)
        "Guilded had raised $10.2 million total and had around 500,000 downloads at the time.",
        # a price raised (devtoolsreview.com 2026-08-10), money to spend (CNBC 2026-07-01), the examples of a list
        # (CoinDesk 2026-06-02)
        "Windsurf, now Devin Desktop — Free tier with daily quota, Pro at $20/mo (raised from $15 in 2026 under "
        "Cognition ownership), Max at $200/mo, Teams at $40/user/mo.",
        "Meta told investors in April that it plans to spend as much as $145 billion on capex this year as it "
        "continues developing data centers and securing the graphics processing units needed to train AI models and "
        "run large workloads.",
        "Titan Network built its crowdsourced computing infrastructure on a slim $1 million seed round, signing up "
        "tech giants like Tencent and Alibaba.",
        # doubts raised (Yahoo Finance, 2026-06-10)
        "Markets have witnessed a broader debate in recent months about SoftBank’s commitments of more than $60 "
        "billion to OpenAI at a time when recent breakthroughs by rival Anthropic PBC have raised doubts for some "
        "investors about the business.",
    ],
)
def test_not_funding(text):
    assert not [e for e in events(text) if e["type"] == "funding"]


def test_an_archrival_or_a_photo_agency_raised_no_round():
    # Forbes, 2026-05-29 (a photo caption run into the sentence): the round is Anthropic's, not OpenAI's or Getty's
    text = ("Anthropic CEO Dario Amodei AFP via Getty Images When Anthropic announced on Thursday that it had raised "
            "$65 billion at an eye-watering valuation of $965 billion, it didn’t just become the most valuable AI "
            "startup in the world, eclipsing $852 billion-valued archrival OpenAI.")
    assert not {e["org"] for e in events(text) if e["type"] == "funding"} & {"OpenAI", "Getty Images"}


# MIT Technology Review, "The Download", 2026-06-16 (unlabelled pool): numbered headings, each with its story below
NEWSLETTER_ITEMS = [
    "1 The US says it restricted Anthropic AI over foreign intelligence risks",
    "Commerce chief Lutnick said he acted over national security fears. ( Reuters $)",
    "+ Following the ban, Anthropic disabled access to its new models. ( BBC )",
    "+ Both sides are increasingly desperate for a resolution. ( WSJ $)",
    "2 DeepSeek just became China's most valuable startup",
    "It raised $7 billion, the largest-ever first-round funding for an AI startup. ( The Information $)",
]


def test_a_numbered_heading_is_read_and_it_names_its_storys_company():
    found = events("\n".join(NEWSLETTER_ITEMS), title="The Download: the first brain implant power user")
    assert _rounds(found) == {("DeepSeek", 7000)}


def test_it_raised_is_not_a_company_named_sentences_before():
    # without its heading, "It" is no company the text names near: Anthropic was named four sentences before
    found = events("\n".join(item for item in NEWSLETTER_ITEMS if not item.startswith("2 ")),
                   title="The Download: the first brain implant power user")
    assert _rounds(found) == set()


def test_a_most_read_list_is_no_heading():
    # realset r029 (CoinDesk, 2026-07-21): a numbered list of other stories, each timed, none with a story below
    text = ("3 Galaxy sets up $5 million fund to help shield Bitcoin against quantum computing threats 1 hour ago\n"
            "4 Russia’s parliament passes crypto market law with $3,800 annual cap for retail investors 2 hours ago\n"
            "5 MoneyGram's CEO says blockchain works best when customers don't know it's there 4 hours ago\n"
            "6 Jack Mallers steps down as XXI Capital CEO as Tether's plans to merge three bitcoin firms falls "
            "5 hours ago\n"
            "7 Bitcoin rally has broad-based support as institutions, whales, options traders pile in 6 hours ago")
    assert events(text) == []


def test_an_acquisition_fronted_by_an_earlier_year_is_history():
    # Software Freedom Conservancy blog, 2026-07-03 (unlabelled pool; numbered as a footnote)
    text = ("In June 2018, Microsoft acquired Github for US$7.5 billion — at which time Github became a wholly owned "
            "subsidary (effectively, just a separate division within Microsoft).")
    assert not [e for e in events(text) if e["type"] == "acquisition"]


def test_the_company_far_past_the_last_one_named_is_none_of_them():
    # Bloomberg via Yahoo Finance, 2026-06-10 (unlabelled pool): SoftBank (an investor, never "the company" in focus)
    # is the story; OpenAI was the last acting company named, seven sentences before "The company's shares declined"
    text = (
        "SoftBank Group Corp.’s talks with potential creditors to raise at least $6 billion from a margin loan backed "
        "by its OpenAI stake have stalled, people familiar with the matter said, just weeks after the Japanese "
        "conglomerate cut its initial target from $10 billion.\n"
        "The company is considering various fundraising options, according to the people, who asked not to be "
        "identified discussing private matters. It could still move forward with the margin loan at a later stage, "
        "they added.\n"
        "It’s unclear why the margin loan discussions stalled. Borrowers and creditors can pause and revisit "
        "fundraising discussions for various reasons, and SoftBank hasn’t elaborated on its plans, the people said. "
        "SoftBank had secured some $5 billion for the loan before the development, people familiar with the matter "
        "said, though it was unclear if those were verbal or written commitments.\n"
        "SoftBank declined to comment. The company’s shares declined as much as 9.7% Wednesday."
    )
    found = events(text, title="SoftBank Attempt to Get $6 Billion OpenAI Margin Loan Stalls")
    assert not [e for e in found if e["type"] == "market_move" and e["org"] == "OpenAI"]


def test_a_photo_agency_credited_is_no_party():
    # popular.info, 2026-08-15 (hn-digest, outside every labelled set: tests/holdout/README "unlabelled pool")
    text = ("News anchors work at Newsmax's booth during the 2024 Republican National Convention in Milwaukee, "
            "Wisconsin, July 16, 2024. (PATRICK T. FALLON/AFP via Getty Images) This week, Newsmax — a far-right news "
            "organization with a strong allegiance to President Trump and a history of pushing wild conspiracy "
            "theories — announced it had struck a deal with Meta.")
    found = events(text, title="Meta will train its AI on Newsmax, a far-right media outlet")
    assert "Getty Images" not in {e.get("partner") for e in found} | {e["org"] for e in found}


def test_a_contract_ended_is_no_partnership():
    # EFF Deeplinks, 2026-06-04 (unlabelled pool: tests/holdout/README): related-article teasers, the second of which
    # tells of a contract ended (the company in focus was OpenAI, from the first)
    text = (
        "OpenAI, the maker of ChaptGPT, is rightfully facing widespread criticism for its decisions to fill the gap "
        "the U.S. Department of Defense (DoD) created when rival Anthropic refused to drop its restrictions against "
        "using its AI for surveillance and autonomous weapons systems. After protests from both users and...\n"
        "The U.S. military has officially ended its $200 million contract with AI company Anthropic and has ordered "
        "all other military contractors to cease use of their products."
    )
    found = events(text, title="EFF Testifies to Congress on Protecting Americans' Rights from Government AI")
    assert not [e for e in found if e["type"] == "partnership"]


def test_a_headline_tells_its_name_as_a_model_only_where_the_model_noun_ends_it():
    # a blog headline whose model noun is a modifier (huggingface.co/blog, hn-digest, outside every labelled set):
    # the first company the lead names (Anthropic) made no "J-Space"
    text = (
        "What would it mean to find a thought in a language model?\n"
        "How is this different from other interpretability tools?\n"
        "If you're like me, you may feel that there have already been many papers and claims about \"reading the LLM "
        "mind\" in the past few years. Anthropic's earlier On the Biology of a Large Language Model , for example, "
        "traced hidden multi-step reasoning, poetry planning and multilingual circuits in Claude 3.5 Haiku."
    )
    found = events(text, title="J-Space: Yet Another LLM Mind Reader?")
    assert "J-Space" not in {e["model"] for e in found if e["type"] == "model_release"}


def test_settling_on_plans_is_no_settlement():
    # abishekmuthian.com (hn-digest, outside every labelled set: tests/holdout/README "unlabelled pool")
    text = ("After using the $200 and $100 Anthropic monthly plans for Claude, I have now settled on $20 Anthropic + "
            "$20 OpenAI + $10 OpenCode Go monthly plans for coding and design work.")
    assert not [e for e in events(text) if e["type"] == "legal"]


@pytest.mark.parametrize(
    "text,kind",
    [
        # hn-digest articles outside every labelled set (tests/holdout/README "unlabelled pool"): a law that does not
        # exist (WIRED 2026-07-14), a release delayed (Fortune 2026-08-10), two companies' money together
        # (wheresyoured.at 2026-06-30), a startup's kind word as a target (The Verge 2026-05-30)
        ("There are currently no laws in the US that require the government to disclose if AI has been used in the "
         "creation of rules, policies, or regulation.", "policy"),
        ("Once a front-runner, the company has recently ceded ground to rivals, especially OpenAI and Anthropic. This "
         "was most evident in delays around the release of the company’s Gemini 3.5 Pro model, which has missed three "
         "release deadlines in recent months.", "model_release"),
        ("Anthropic and OpenAI have raised a little under $300 billion combined since 2019, but I estimate their true "
         "cost is at least $500 billion given hyperscaler capex investments that were necessary for them to exist, "
         "and that’s before you consider the $340 billion or more that Oracle is spending to build out the 7.",
         "funding"),
        # (a period's total, the pool's p0364)
        ("Anthropic and OpenAI raised (assuming the rounds completely close) over $300 billion in 2026 alone, and take "
         "up the vast majority of available AI compute.", "funding"),
        ("Netflix is embracing the technology with the creation of an AI animation studio and the acquisition of Ben "
         "Affleck’s AI startup , while Amazon’s Prime Video just ordered three AI-generated animation series .",
         "acquisition"),
    ],
)
def test_no_event_of_this_kind(text, kind):
    assert not [e for e in events(text) if e["type"] == kind]


def test_a_company_passed_raised_no_round():
    # aiweekly.co, 2026-06-26 (unlabelled pool): "it" is Anthropic, named sentences before; OpenAI is the one passed
    text = ("Anthropic spent the quarter winning. In April, Claude Opus 4.7 retook the crown for the most powerful "
            "model anyone could use. In early May, Dario Amodei revealed revenue had grown 80-fold in a single quarter "
            "to a $44 billion run-rate. On May 28 it raised $65 billion at a $965 billion valuation — passing OpenAI "
            "as the most valuable AI company on earth — and three days later filed confidentially to go public .")
    assert {e["org"] for e in events(text) if e["type"] == "funding"} == {"Anthropic"}


def test_a_long_kind_description_before_an_unknown_target_is_stripped():
    # holdout h620 (SDxCentral): four words and a kind word before the name, neither company in the gazetteer
    text = "Infoblox is to acquire network intelligence and observability platform Kentik."
    assert _typed(events(text), "acquisition", "target") == {("Infoblox", "Kentik")}


def test_goods_in_a_title_case_headline_are_no_target():
    # holdout h593 (404 Media): "Code" is capitalised only because the headline is in title case
    title = "Google Is Quietly Buying Code from Play Store Developers to Train AI"
    found = events("Google pays app developers for their code.", title=title)
    assert not _typed(found, "acquisition", "target")


# holdout h620 (SDxCentral): the sentence before the two below, which names Ian Pye and Cloudflare
KENTIK_FOUNDERS = (
    "Akamai Technologies veteran Freedman co-founded Kentik in 2014 with COO Justin Biegel and Cloudflare alumni Ian "
    "Applegate and Ian Pye. "
)


def test_a_round_dated_to_an_earlier_year_is_history():
    # holdout h620 (SDxCentral, 2026): "In a 2021 Series C funding round", past the article's lead
    lead = "Infoblox is to acquire Kentik. " + " ".join(f"Kentik serves {n} customers." for n in range(10, 19))
    text = lead + " " + KENTIK_FOUNDERS + (
        "Pye now leads research there. In a 2021 Series C funding round, the firm raised $40 million to bring its "
        "total funding to approximately $102 million."
    )
    assert not _typed(events(text), "funding", "amount_usd")


def test_a_post_held_is_no_move():
    # holdout h620 (SDxCentral): "now serves as" tells what someone is, not a change
    text = KENTIK_FOUNDERS + (
        "Pye, said to be Cloudflare's first-ever employee, now serves as Kentik's chief scientist and CTO."
    )
    assert not _typed(events(text), "leadership", "person")


def test_a_valuation_left_and_money_raised_are_no_market_move():
    # holdout h588 (Forbes): the level a valuation rose from, and a round told beside a sell-off
    text = (
        "Anthropic’s near-trillion dollar valuation is up from an already massive $380 billion just four months ago "
        "and up more than 15-fold from $61.5 billion a year ago. Over the course of roughly one busy week in "
        "February, it released its coding model Claude Opus 4.6, rattling global software stocks and wiping out "
        "billions of dollars of value as investors worried these firms might become obsolete; made headlines for its "
        "Super Bowl ads that jabbed at its rival OpenAI’s decision to place ads in ChatGPT; and raised $30 billion at "
        "a $340 billion valuation."
    )
    assert not _typed(events(text), "market_move", "amount_usd")


def test_suits_told_as_a_class_name_no_parties():
    # holdout h598 (Billboard): the parties of example suits in a general statement
    text = (
        "In most of these lawsuits — including ones brought by the major record labels against AI music generators "
        "Suno and Udio — tech companies have argued that the so-called fair use principle of copyright law allows "
        "them to create transformative works without licensing the training data."
    )
    assert not _typed(events(text), "legal", "counterparty")


def test_a_photo_caption_run_into_a_sentence_is_dropped_with_its_credit():
    # holdout h588 (Forbes): an audio player's lines and a caption before the article's first sentence
    text = (
        "This voice experience is generated by AI. Learn more . Anthropic CEO Dario Amodei AFP via Getty Images When "
        "Anthropic announced on Thursday that it had raised $65 billion at an eye-watering valuation of $965 billion, "
        "it didn’t just become the most valuable AI startup in the world."
    )
    assert _typed(events(text), "funding", "amount_usd") == {("Anthropic", 65_000_000_000)}


def test_a_country_outside_the_big_economies_is_a_jurisdiction():
    # The Nerd Reich (2026-06-09), an article of the unlabelled pool; holdout h011 tells the same measure
    text = (
        "Peter Thiel relocates to Argentina as Javier Milei unveils legislation to make it a lawless paradise for AI "
        "billionaires and their machines."
    )
    assert {e["jurisdiction"] for e in events(text) if e["type"] == "policy"} == {"Argentina"}


def test_a_company_ordered_by_an_unnamed_government_is_the_headlines_measure():
    # holdout h600 (BBC News): the order told in the passive, the government only in the headline
    title = "Anthropic suspends new AI tools over US Government security concerns"
    text = (
        "In a statement published on its website, Anthropic said it was ordered to suspend foreign nationals from "
        "using Claude Fable 5, a program that the company self-described as \"too powerful\"."
    )
    assert _typed(events(text, title=title), "policy", "jurisdiction") == {("Anthropic", "US")}


def test_a_company_ordered_to_pay_in_a_case_is_no_directive():
    # holdout h409 (CNBC): a court's order, told in the passive, under a headline that names China
    title = "China is gaining ground in AI. But the U.S. still has a major advantage"
    text = (
        "Meta was ordered to pay $567 million into an abatement fund in New Mexico as part of a public nuisance case "
        "that's just one of many suits the company faces related to alleged harms caused by its apps."
    )
    assert not [e for e in events(text, title=title) if e["type"] == "policy"]


def test_the_registers_end_mark_keeps_the_last_paragraph_and_a_price_is_no_move():
    # holdout h674 (The Register): the article's last paragraph, ended with the site's mark, tells the day's move
    text = (
        "SpaceX beat revenue forecasts in its first results as a public company.\n"
        "SpaceX shares fell about 10 percent to $110.95 in pre-market trading, well below their $135 IPO price and "
        "less than half their $225.64 peak. ®\n"
        "AI AND ML"
    )
    moves = [e for e in events(text) if e["type"] == "market_move"]
    assert [(e["org"], e["pct"], e["amount_usd"]) for e in moves] == [("SpaceX", -10.0, None)]


def test_the_owner_of_a_move_is_told_in_the_clause_of_its_figure():
    # holdout h625 (Los Angeles Times): the first clause names a stock with no figure
    text = (
        "Only Alphabet’s stock has outperformed the S&P 500 Index this year, and shares of Microsoft and Oracle have "
        "dropped more than 20%."
    )
    assert _typed(events(text), "market_move", "pct") == {("Microsoft", -20.0), ("Oracle", -20.0)}


def test_one_who_will_be_its_president_moves():
    # holdout h615 (CNBC): the new unit's president, told in the future tense after a relative clause
    text = (
        "With the new venture, called Microsoft Frontier Co., the software vendor said Thursday that 6,000 employees "
        "will be embedded with clients. Rodrigo Kede Lima, who's been leading Microsoft's Asia business, will be its "
        "president."
    )
    assert _typed(events(text), "leadership", "person", "role") == {("Microsoft", "Rodrigo Kede Lima", "president")}


def test_a_move_of_the_company_in_focus_after_an_opening_conjunction():
    # holdout h669 (BBC News), batch 12: the company's stock, the company being the headline's
    title = "Google burning through cash with spiralling AI costs"
    text = ("Google's parent company Alphabet reported quarterly revenue of $100bn. But the company's stock fell 4% in "
            "after hours trading.")
    assert _typed(events(text, title=title), "market_move", "pct") == {("Google", -4.0)}


def test_a_level_passed_is_no_amount_moved_and_the_owner_is_the_figures_subject():
    # AI Weekly's Q2 2026 recap (aiweekly.co/recap/q2-2026, in the unlabelled pool): a share price passed, a valuation
    # dipped below, and a move told after a clause about another company
    text = (
        "SpaceX listed June 12 at $135 a share, raced past $200, and added close to $1 trillion in value over a long "
        "weekend. After Broadcom's outlook disappointed and a hot jobs report stoked rate fears, Nvidia fell about 6% "
        "and dipped below a $5 trillion valuation, dragging Micron, AMD, and Marvell with it."
    )
    moves = {(e["org"], e["pct"], e["amount_usd"]) for e in events(text) if e["type"] == "market_move"}
    assert moves == {("SpaceX", None, 1e12), ("Nvidia", -6.0, None)}


def test_an_investor_listed_or_a_founders_company_is_not_who_raised():
    # holdout h715 (BBC News), batch 13: the round is the subject's, after a time told without a comma; Nvidia is an
    # investor "including" it, Amazon a founder's company
    text = (
        "Earlier this year AMI Labs announced that it had raised more than $1bn (£760m), with investors including US "
        "computer chip giant Nvidia and the fund that manages the private wealth of Amazon-founder Jeff Bezos."
    )
    assert _typed(events(text), "funding", "amount_usd") == {("AMI Labs", 1_000_000_000)}


def test_a_country_raises_no_round():
    # tests/realset r121 (The Japan Times): a government's investment plan
    text = (
        "Last month Japan announced a 14-year growth strategy targeting public and private investment of ¥370 "
        "trillion ($2.3 trillion) in 17 sectors including physical AI, chips, quantum technology and nuclear fusion."
    )
    assert not [e for e in events(text) if e["type"] == "funding"]


def test_adoption_of_a_product_is_no_measure_adopted():
    # holdout h729 (CNBC), batch 13: "adoption" of a country’s platforms; the adoption of a declaration still is an act
    text = (
        "Viewed together with China's efforts to strengthen domestic control over strategically important "
        "technologies while encouraging international adoption of its AI platforms, the strategy becomes increasingly "
        "clear: protect critical capabilities at home while expanding technological influence abroad."
    )
    assert not [e for e in events(text) if e["type"] == "policy"]


def test_a_price_is_no_round():
    # tests/holdout h1689 (a blog, batch 30): a subscription's price beside "raised"
    text = ("In fact, the O1 model used in OpenAI's ChatGPT Plus subscription for $20/month is basically the same "
            "model as the one used in their new ChatGPT Pro subscription for 10x the price ($200/month, which raised "
            "plenty of eyebrows).")
    assert not [e for e in events(text) if e["type"] == "funding"]
    assert [e for e in events("OpenAI raised $40 billion on Monday.") if e["type"] == "funding"]


def test_what_a_standing_measure_does_told_in_its_relative_clause_is_no_act():
    # tests/holdout h353 (batch 6): the amendments' content, told while a legislator opposes the bill
    found = events("Earlier in the day, West Virginia's Ethan Liu had also opposed it, highlighting several "
                   "contradictions in the bill, including amendments that both restricted students' AI access while "
                   "appearing to give teachers wide discretion over when and how AI is used.")
    assert not [e for e in found if e["type"] == "policy"]
    # an act told beside it still counts, and a plan keeps its "would"
    for text, want in (
        ("California passed a law that requires AI companies to publish safety plans.", "California (US)"),
        ("The EU adopted rules that ban AI social scoring.", "EU"),
    ):
        assert {e["jurisdiction"] for e in events(text) if e["type"] == "policy"} == {want}, text
    # what a standing measure says, in the present (TechCrunch, tests/newsindex u027; unlabelled pool articles), is
    # no act either
    for text in (
        "In Europe, the EU AI Act requires frontier developers to conduct and document model evaluations and "
        "adversarial testing and report serious incidents.",
        "MSG Entertainment has been upfront about its use of facial recognition at its New York venues because New "
        "York City law requires companies to disclose the use of biometric technology.",
    ):
        assert not [e for e in events(text) if e["type"] == "policy"], text


def test_a_person_speaking_or_told_as_a_founder_is_no_company():
    # (review) a spokesperson who "said it raised", a person "is a startup founder"
    text = ("Mistral AI has closed a new funding round. Mensch said on Tuesday that it raised €1.7 billion in a "
            "Series C.")
    assert {e["org"] for e in events(text) if e["type"] == "funding"} <= {"Mistral AI"}
    text = ("Jane Smith is a startup founder in Berlin. The startup she runs said it raised $5 million this week.")
    assert "Jane Smith" not in {e["org"] for e in events(text)}


def test_this_sessions_rules_leave_the_ordinary_events_of_their_kind():
    # (review) each sentence an ordinary event the session's rules first lost or misread
    story = "A broad selloff wiped out $1.3 trillion in market value as chip stocks fell. "
    assert _rounds(events("Anthropic raised $13 billion in new funding, and dismissed media reports of an IPO.")) == {
        ("Anthropic", 13000)}
    assert _rounds(events("Anthropic raised the top end of its funding round to $13 billion, people familiar said.")) \
        == {("Anthropic", 13000)}
    assert _typed(events("Amid ongoing trade tensions, Nvidia and Mistral AI announced a partnership to build an AI "
                         "cloud in France."), "partnership", "partner")
    assert not _market(events(story + "In the third quarter, revenue at Nvidia rose 94% to $35.1 billion."))
    assert not _typed(events("Intel's market value has halved since Pat Gelsinger took the helm."), "leadership",
                      "person")
    assert ("Meta", "Jane Doe") in _typed(events("A Bloomberg report named Jane Doe as Meta's new CFO."), "leadership",
                                          "person")
    assert not [e for e in events("Premier League clubs adopted new rules on AI refereeing on Monday.",
                                  title="UK passes new AI rules") if e["type"] == "policy"]
    for text, want in (("China's Ministry of Commerce added Skydio to its Entity List.", "CN"),
                       ("China's new rules require AI chatbots to label generated content.", "CN")):
        assert {e["jurisdiction"] for e in events(text) if e["type"] == "policy"} == {want}, text


def test_the_ai_act_is_a_law_only_as_written():
    # the holdout pool (an essay): "let AI act" names no law, and imposing a question is no act on one
    assert not _typed(events("It imposes a question: at what point do we let AI act, and with what signals do we "
                             "decide that what it did is acceptable?"), "policy")
    assert _typed(events("The EU adopted the AI Act on Tuesday."), "policy", "jurisdiction", "measure") == {
        (None, "EU", "AI Act")}
    assert _typed(events("The EU's AI act took effect on Friday."), "policy", "jurisdiction", "measure") == {
        (None, "EU", "AI Act")}


def test_a_law_that_goes_into_effect_is_acted_on():
    # tests/holdout h1022 (WIRED): the bloc's Artificial Intelligence Act, in force from a date
    text = ("These new transparency regulations come as part of the bloc’s Artificial Intelligence Act, which goes "
            "into effect August 2.")
    assert _typed(events(text), "policy", "jurisdiction", "measure") == {(None, "EU", "AI Act")}
    assert _typed(events("Article 50 of the EU AI Act becomes enforceable on August 2, 2026."), "policy",
                  "jurisdiction", "measure") == {(None, "EU", "AI Act")}
    # another Artificial Intelligence Act is no EU law (tests/searchpages s037)
    assert ("EU" not in {e["jurisdiction"] for e in events(
        "California Gov. Gavin Newsom signed the Transparency in Frontier Artificial Intelligence Act, otherwise known "
        "as SB 53, into law Monday afternoon.") if e["type"] == "policy"})


def test_a_country_told_as_raising_money_raises_no_round():
    # the holdout pool (a newsletter): a country's money is no company's funding round
    assert not _typed(events("China just raised $7.4 billion."), "funding")
    assert _typed(events("Mistral raised $2 billion on Tuesday."), "funding") == {("Mistral AI",)}


def test_a_percentage_written_with_a_thousands_comma_is_read_whole():
    # the holdout pool: "3,000%" was read as 0 (the figure after the comma)
    assert _market(events("Nvidia shares rose 1,200% last year.")) == {("Nvidia", 1200.0, None)}
    assert _market(events("Nvidia shares fell 3.5% on Tuesday.")) == {("Nvidia", -3.5, None)}


def test_an_investors_part_of_a_round_is_not_its_size():
    # tests/searchpages s066, s069 (news pages): the lead investor's $1.3 billion of OpenAI's round
    assert not _rounds(events("The funding round was led by Thrive Capital, the venture capital firm headed by Josh "
                              "Kushner, which put in $1.3 billion.", title="OpenAI raises money"))
    found = events("OpenAI raised $6.6 billion in a round led by Thrive Capital, which put in $1.3 billion.")
    assert _rounds(found) == {("OpenAI", 6600)}


def test_a_company_joined_told_by_what_it_is_is_the_persons_new_company():
    # tests/searchpages s101 (a news page listing moves): "its" is Lime's, not the company the page was about before
    found = events("OpenAI hired Sam Smith. — Jon Jenkins, who previously led Amazon’s cashierless technology efforts, "
                   "joined mobility giant Lime as its new chief technology officer.")
    assert _moves(found) == {("OpenAI", "Sam Smith"), ("Lime", "Jon Jenkins")}
    # (leaving a known company to join one is two events still)
    found = events("Jane Smith left Google to join AI startup Acme as its chief technology officer.")
    assert _moves(found) == {("Acme", "Jane Smith"), ("Google", "Jane Smith")}


def test_review_joined_days_governments_and_listed_thousands():
    # (review) a day after the company is no part of its name; a known company joined keeps its name
    assert not _moves(events("Jane Doe joined the startup Monday as its chief scientist."))
    assert ("Thinking Machines Lab", "Mira Murati") in _moves(
        events("Mira Murati left OpenAI to join AI startup Thinking Machines as its CEO."))
    # (a government's stake moves the company's shares, not the government's)
    assert _market(events("The Trump administration took a 10% stake in Intel, sending its shares up 7%.")) == {
        ("Intel", 7.0, None)}
    assert _market(events("Nvidia and AMD shares rose 1,200% and 800%, respectively.")) == {
        ("Nvidia", 1200.0, None), ("AMD", 800.0, None)}
    # (lawmakers letting "the AI act" name no law)
    assert not _typed(events("Lawmakers passed a bill that would let the AI act without human oversight in "
                             "hospitals."), "policy", "measure") & {(None, "AI Act")}


def test_a_market_figure_has_no_group_of_its_own():
    # (read-through) market_move's list and noun patterns read their parts by group number: a group inside FIGURE (as
    # PCT_PATTERN's) made "which saw a 10% gain" read "10" for the noun, and the gain a loss
    import re

    from transforms.extract import market_move

    assert re.compile(market_move.FIGURE).groups == 0
    noun = re.search(market_move.NOUN_MOVE, "The rally was led by Nvidia, which saw a 10% gain since Friday.")
    assert noun.group(1, 2, 3) == ("Nvidia", "10%", "gain")


def test_a_question_tells_no_event():
    # the unlabelled pool (p2068, an explainer on the EU AI Act): the question is no news, the answer is
    text = ("When does Article 50 of the EU AI Act take effect? Article 50 becomes enforceable on August 2, 2026, two "
            "years after the EU AI Act entered into force on August 1, 2024.")
    assert [e["evidence"] for e in events(text) if e["type"] == "policy"] == [
        "Article 50 becomes enforceable on August 2, 2026, two years after the EU AI Act entered into force on "
        "August 1, 2024."
    ]
    assert not events("Did OpenAI release GPT-6 last week?")
    assert not events("Will Nvidia buy Arm for $40 billion?”")


def test_review_mends_of_the_pool_rules_keep_true_events():
    # review of e3ce55c..a8d1c38: each sentence lost a true event or gained a false one under the first versions
    # a statement that ends by asking, or quotes a question, still tells its event
    assert ("Anthropic", "model_release") in {(e["org"], e["type"]) for e in events(
        "Anthropic released Claude Opus 5 on Tuesday, but is it better than GPT-5?")}
    assert _market(events("Nvidia shares fell 4% after a Barron's column asked “Is the AI boom over?”")) == {
        ("Nvidia", -4.0, None)}
    # a month's round is a round ("alone" makes a total only of a year)
    assert _typed(events("OpenAI raised $40 billion in March alone."), "funding", "amount_usd") == {("OpenAI", 40e9)}
    # shares that "declined to close 5% lower" fell
    assert _market(events("Intel shares declined to close 5% lower on Thursday.")) == {("Intel", -5.0, None)}
    # value added beside money committed to buy something, not invested, is a move
    text = ("Oracle shares soared on Wednesday. Oracle added $244 billion in a single day after it said OpenAI "
            "committed to buy $300 billion of computing power.")
    assert ("Oracle", None, 244e9) in _market(events(text))
    # Colorado's AI Act is no EU law
    assert {e["jurisdiction"] for e in events("Colorado's AI Act will go into effect in June 2026.")
            if e["type"] == "policy"} == {"Colorado (US)"}


def test_a_curly_apostrophe_negates_and_not_just_does_not():
    # tests/searchpages s005 ("the company doesn’t “have plans to release a model code-named Orion”"): a curly
    # apostrophe negates as a straight one does
    assert not events("Anthropic hasn’t released Claude Opus 6 yet.")
    assert not events("OpenAI hasn’t partnered with Apple.")
    # tests/holdout h588: "it didn’t just become the most valuable AI startup" denies nothing
    text = ("When Anthropic announced on Thursday that it had raised $65 billion at an eye-watering valuation of $965 "
            "billion, it didn’t just become the most valuable AI startup in the world.")
    assert _typed(events(text), "funding", "amount_usd") == {("Anthropic", 65e9)}


def test_export_controls_updated_by_the_commerce_department_are_acted_on():
    # tests/searchpages s088 (a law firm's note) and s089 (NAM): the rules updated, the restrictions on U.S. exports
    text = ("Department of Commerce’s Bureau of Industry and Security (BIS) released a package of rules designed to "
            "update export controls on advanced computing semiconductors and semiconductor manufacturing equipment, as "
            "well as items that support supercomputing applications and end-uses, to arms embargoed countries, "
            "including the PRC.")
    assert {(e["jurisdiction"], e["measure"]) for e in events(text) if e["type"] == "policy"} == {
        ("US", "chip export controls")}
    text = ("The Biden administration announced broad updates to restrictions on U.S. exports of advanced computing "
            "and semiconductor-making equipment to China, according to Reuters.")
    assert {(e["jurisdiction"], e["measure"]) for e in events(text) if e["type"] == "policy"} == {
        ("US", "chip export controls")}
    # (an update as a noun is no action: the unlabelled pool, p1390)
    assert not [e for e in events("Some for-profit entities oppose updates to the California Artificial Intelligence "
                                  "Transparency Act.") if e["type"] == "policy"]


def test_an_officer_who_assumes_a_role_or_is_announced_as_the_new_one_moves():
    # tests/searchpages s054 (the capitalised title set off before the name) and s100
    assert _moves(events("OpenAI's Chief Technology Officer, Mira Murati, will assume the role of interim CEO.")) == {
        ("OpenAI", "Mira Murati")}
    assert _moves(events("She also announced Soumith Chintala as the new CTO of Thinking Machines, describing him as "
                         "a brilliant and seasoned leader.")) == {("Thinking Machines Lab", "Soumith Chintala")}
    # (a product announced is no person: "announced Gemini Ultra as the new default model")
    assert not _moves(events("Google announced Gemini Ultra as the new default model for its assistant."))


def test_a_move_told_as_a_noun_of_a_person_a_name_introduces():
    # tests/searchpages s054; s017 (the cofounders "its" tells are another company's, the sentence before's)
    assert _moves(events("The departure of Altman prompted the resignation of OpenAI President and Co-founder Greg "
                         "Brockman, who expressed his best wishes for the company.")) == {("OpenAI", "Greg Brockman")}
    assert not _moves(events("Adept has faced challenges in acquiring customers. This led to the departure of two of "
                             "its cofounders, Ashish Vaswani and Niki Parmar, who went on to launch a startup."))

def test_people_who_rejoin_or_are_removed_move():
    # tests/pages2 p080, p105, p107; searchpages s100 (who reveals the move is no mover); realset r160
    trio = {("OpenAI", "Barret Zoph"), ("OpenAI", "Luke Metz"), ("OpenAI", "Sam Schoenholz")}
    assert _moves(events("OpenAI’s CEO of applications, Fidji Simo, announced that Barret Zoph, Luke Metz, and Sam "
                         "Schoenholz are all rejoining the company after a brief stint at Thinking Machines.")) == trio
    assert _moves(events("OpenAI has made the sudden decision to remove co-founder Sam Altman as CEO.")) == {
        ("OpenAI", "Sam Altman")}
    assert _moves(events("OpenAI, the artificial intelligence company, has removed its co-founder and CEO, Sam Altman, "
                         "following a review.")) == {("OpenAI", "Sam Altman")}
    assert _moves(events("Just under an hour after Murati's announcement, Fidji Simo, OpenAI’s CEO of applications, "
                         "revealed that Zoph, Metz, and Schoenholz would be rejoining OpenAI.")) == set()
    assert _moves(events("Lilian Weng, a cofounder of the AI startup Thinking Machines Lab who stepped down this week, "
                         "is rejoining OpenAI.")) == {
        ("OpenAI", "Lilian Weng"), ("Thinking Machines Lab", "Lilian Weng")}
    # (a thing removed is no person; a place before a comma is no name of a list: holdout h049)
    assert not _moves(events("Anthropic plans to remove Fable 5 from their subscription accounts."))
    assert _moves(events("Jeff Dean has worked at Google since 1999. After 27 years at Google, Dean is leaving to be "
                         "head of an AI startup called Discovery Loop.")) == {("Google", "Jeff Dean")}

def test_a_list_items_mark_a_wrap_s_which_and_shares_a_reference_owns():
    # tests/pages2 p020 (a "Key Points" list), p053, p050
    assert _typed(events("Key Points\n- Approximately $1.1bn in disclosed VC funding for AI chip startups on a single "
                         "Tuesday.\n- MatX raised $500m to build MatX One, an LLM-optimised accelerator blending SRAM "
                         "speed with HBM for KV caches.", "AI chip startups soak up $1.1B in funding"),
                  "funding", "amount_usd") == {("MatX", 500e6)}
    assert ("Dell Technologies", 32.0, None) in _market(events(
        "Nvidia shares rose 4% on Thursday. Other stocks on the move included Dell Technologies which skyrocketed 32% "
        "after the personal computer maker forecast annual revenue above Wall Street estimates."))
    assert not _market(events("The chipmaker's shares jumped by over 30% after announcing a multi-year supply "
                              "agreement with OpenAI that could generate tens of billions in revenue."))

def test_a_contract_committed_to_or_signed_without_an_article_and_companies_a_count_lists_sued():
    # tests/pages2 p033, p074
    assert _partners(events("In a landmark deal, OpenAI has committed to a massive cloud infrastructure contract with "
                            "Oracle, signaling a new phase in the AI arms race.")) == {("OpenAI", "Oracle")}
    assert _partners(events("OpenAI and Oracle sign $300 billion cloud contract.")) == {("OpenAI", "Oracle")}
    # (a commitment to the deal there is stays background)
    assert not _partners(events("Microsoft remains committed to its partnership with OpenAI."))
    ftc = "Federal Trade Commission"
    assert {(e["org"], e["counterparty"]) for e in events(
        "The FTC also sued three ecommerce companies — Ascend Ecom, Ecommerce Empire Builders, and FBA Machine — which "
        "promised customers passive income.") if e["type"] == "legal"} == {
        ("Ascend Ecom", ftc), ("Ecommerce Empire Builders", ftc), ("FBA Machine", ftc)}

def test_a_move_told_with_an_adverb_before_the_verb():
    # tests/pages2 p081, p085
    assert _moves(events("Mianna Chen, a research program manager at OpenAI responsible for preparing AI models for "
                         "release, has recently left and plans to join Murati at her new company, according to a "
                         "person familiar with the move.", "OpenAI researcher leaves for Murati's startup")) == {
        ("OpenAI", "Mianna Chen")}
    assert _moves(events("Jonathan Lachman, the former head of special projects at OpenAI, recently left to join a new "
                         "artificial intelligence research lab.", "OpenAI special projects head leaves")) == {
        ("OpenAI", "Jonathan Lachman")}
    # ("succeed" taking no one is no succession: tests/pages2 p099)
    assert not _moves(events("Mitch Glazier, CEO of the Recording Industry Association of America, emphasised the "
                             "industry's willingness to collaborate but stressed the need for cooperation to succeed."))
    assert _moves(events("Jane Smith, CFO of Anthropic, will succeed Dario Amodei as CEO.")) >= {
        ("Anthropic", "Jane Smith")}

def test_the_jurisdiction_acting_is_the_main_clauses_not_a_fronted_phrases():
    # tests/pages2 p092
    text = ("As part of extensive updates to export restrictions aimed at limiting China’s access to advanced "
            "semiconductor technology, the United States is imposing limitations on the sale of chips developed by "
            "Nvidia Corp. specifically for the Chinese market.")
    assert {(e["jurisdiction"], e["measure"]) for e in events(text) if e["type"] == "policy"} == {
        ("US", "chip export controls")}

def test_review_of_the_pages2_rules():
    # a review of f266934..dc9006d (a helper ran 243 inputs through both trees): each was read wrong as first written
    # (a product's departure, a removal proposed, a list of labels, a person who tells of their own move)
    assert not _moves(events("Apple confirmed the departure of Siri Shortcuts Gallery from the App Store in iOS 18."))
    assert not _moves(events("Meta shareholders again rejected a proposal to remove chairman Mark Zuckerberg from his "
                             "dual role."))
    assert not _moves(events("Tesla's board has the power to remove CEO Elon Musk, legal experts say."))
    assert not _moves(events("Nintendo fans welcomed back Super Mario Galaxy when the remaster launched."))
    assert not _moves(events("Universal Music, Sony Music, and Warner Records joined the lawsuit against Suno."))
    assert _moves(events("Mira Murati, OpenAI's CTO, confirmed that she would step down after six years.")) == {
        ("OpenAI", "Mira Murati")}
    assert _moves(events("OpenAI announced the departure of chief technology officer Mira Murati.")) == {
        ("OpenAI", "Mira Murati")}
    # (an order to pay no fine; a ban of what no name is; the rest of the sentence is no party)
    def legal(text):
        return {(e["org"], e["counterparty"]) for e in events(text) if e["type"] == "legal"}
    assert not legal("The CMA ordered Microsoft to pay closer attention to competition concerns in the cloud market.")
    assert not legal("The European Commission is requiring gatekeepers such as Apple and Google to pay closer "
                     "attention to interoperability.")
    assert not legal("The CAC barred domestic tech firms from purchasing Nvidia chips.")
    assert not legal("The FCC banned AI-generated voices from being used in robocalls.")
    assert legal("The Garante ordered OpenAI to pay a fine of 15 million euros.") == {
        ("OpenAI", "Garante per la protezione dei dati personali")}
    # (a listed suit ends with its list of names; "Bros." ends no sentence)
    assert legal("Warner Bros. Discovery sued two AI firms: Minimax and Hailuo AI, claiming they copied Superman and "
                 "Batman.") == {("Minimax", "Warner Bros. Discovery"), ("Hailuo AI", "Warner Bros. Discovery")}
    # (a figure set off by ", which" is no share move; shares a reference owns are not the "after" clause's company)
    assert _market(events("Shares of Oracle fell 3% in early trading. Backlog at Oracle, which rose 359% to $455 "
                          "billion, stunned investors.")) == {("Oracle", -3.0, None)}
    assert not _market(events("The software maker's shares fell 5% after Anthropic released new Claude plugins."))
    # (a commitment to something else is no deal; "Apple is committed to a privacy-first approach to AI, unlike Google,
    # which signed a deal with Samsung" pairs Apple with Samsung, a limit: the second review's mend, below)
    assert not _partners(events("Apple is committed to a privacy-first approach to AI and to its users."))

def test_shares_sent_moving_and_suits_told_with_their_filer_or_action_between():
    # tests/pages2 p034, p079, p076
    assert _market(events("Oracle reported record bookings. The rally, which sent the company’s shares up by more than "
                          "39% on Wednesday, lifted Ellison’s net worth.")) == {("Oracle", 39.0, None)}
    assert _market(events("Oracle reported results. The miss sent its shares tumbling 12% in after-hours "
                          "trading.")) == {("Oracle", -12.0, None)}
    def legal(text):
        return {(e["org"], e["counterparty"]) for e in events(text) if e["type"] == "legal"}
    ftc = "Federal Trade Commission"
    assert legal("The FTC settled an enforcement action against DoNotPay, Inc., an online subscription service.") == {
        ("DoNotPay", ftc)}
    assert legal("A recent example came earlier this month, in a lawsuit the FTC filed against Automators, Inc., three "
                 "principals, and several related entities.") == {("Automators", ftc)}

def test_rounds_parted_by_semicolons_are_each_their_companys():
    # tests/pages2 p016, p020; not money told by the clause before (the unlabelled pool: "Amazon added $25 billion")
    found = _typed(events("The majority of the capital was raised by three companies: MatX, a startup founded by "
                          "former Google engineers, secured $500 million; SambaNova Systems raised $350 million; and "
                          "Dutch startup Axelera AI brought in $250 million."), "funding", "amount_usd")
    assert ("SambaNova", 350e6) in found and ("SambaNova", 500e6) not in found
    assert not _market(events("Google invested up to $40 billion back into Anthropic; Amazon added $25 billion."))
    assert not _typed(events("Chesky hopes the new services could eventually bring in $1 billion or more."), "funding")

def test_second_review_of_the_pages2_rules():
    # a review of dc9006d..9ec64bf (a helper ran 287 inputs through both trees): each was read wrong as first
    # written
    # (revenue "brought in" or orders "picked up" are no round; two clauses with one round are not split)
    assert not _typed(events("Apple brought in $94.9 billion in sales during the quarter."), "funding")
    assert not _typed(events("Palantir picked up $400 million in new government contracts this quarter."), "funding")
    assert not _typed(events("Scale AI raised $1 billion last year; Meta later paid $14.3 billion for a 49% stake in "
                             "the company."), "funding", "amount_usd") >= {("Meta", 14.3e9)}
    # (a reference's shares are not the company "its" may mean where the sentence opens on another)
    assert not _market(events("Nike posted strong quarterly results, which sent its shares up 8%.",
                              "Stocks making the biggest moves midday: Nvidia, Tesla, Nike"))
    # (a commitment to something else keeps the deal told beside it)
    assert _partners(events("Meta's commitment to open source led it to partner with Microsoft on Llama 2.")) == {
        ("Meta", "Microsoft")}
    assert not _partners(events("Google said it is committed to a long-term partnership with Anthropic."))
    # (an amount to pay told with a hedge is a fine)
    assert {(e["org"], e["counterparty"]) for e in events(
        "The SEC ordered Ripple to pay nearly $125 million in a civil penalty.") if e["type"] == "legal"} == {
        ("Ripple", "Securities and Exchange Commission")}
    # (people welcomed back, told by what they are; a president joined is no company)
    assert _moves(events("Microsoft welcomed back former executive Steven Sinofsky as an adviser.")) == {
        ("Microsoft", "Steven Sinofsky")}
    assert _moves(events("OpenAI has welcomed back three high-profile researchers—Barret Zoph, Luke Metz, and Sam "
                         "Schoenholz—from Thinking Machines.")) == {
        ("OpenAI", "Barret Zoph"), ("OpenAI", "Luke Metz"), ("OpenAI", "Sam Schoenholz")}
    assert not _moves(events("Nvidia CEO Jensen Huang recently joined President Trump on a trip to the Middle East."))
    # (the main clause's jurisdiction only as its subject)
    assert {e["jurisdiction"] for e in events("After a review by the White House, export controls on advanced chips "
                                              "sold to China were tightened.") if e["type"] == "policy"} == {"US"}

def test_a_leap_in_a_share_price():
    # tests/pages2 p050 (IG): the move told as a noun, "leap"; a leap that is no share's is no move
    assert _market(events(
        "The dramatic more-than 25% leap in Advanced Micro Devices' (AMD) share price in pre-market trading today can "
        "largely be traced to a breakout announcement.")) == {("AMD", 25.0, None)}
    assert _market(events("Nvidia's revenue took a 25% leap last quarter.")) == set()


def test_a_release_told_as_a_time_or_of_a_paper_is_no_release():
    # tests/pages2 p065 and p066 (Reuters reposts on DeepSeek's training cost): "since releasing" dates the clause; an
    # estimate released, a journal's article published, release no model
    title = "DeepSeek reveals R1 cost just $294,000 to train"
    for text in (
        "The Hangzhou-based company, which has remained mostly out of the public eye since releasing low-cost AI "
        "systems in January, detailed R1 model's training cost in a paper.",
        "The rare update from the Hangzhou-based company - the first estimate it has released of R1's training costs - "
        "appeared in a peer-reviewed article in the academic journal Nature published on Wednesday.",
        "The update appeared in a peer-reviewed article about R1 in the academic journal Nature published on "
        "Wednesday.",
    ):
        assert _typed(events(text, title=title), "model_release", "model") == set(), text
    assert _typed(events("DeepSeek released R1 on Wednesday.", title=title), "model_release", "model") == {
        ("DeepSeek", "DeepSeek-R1")}


def test_a_round_closed_and_its_yardsticks():
    # tests/pages2 p023 (a weekly column on AI valuations): a round "closed"; a company the round is ranked in front
    # of, or one named in a fronted time, did not raise it
    found = events("xAI just closed a $6 billion round at a $24 billion post-money valuation in May, meaning if it "
                   "does raise the new round, its value would have nearly doubled in five months — to the point where "
                   "it would now be the 9th most valuable VC-backed startup, just in front of Databricks.")
    assert _typed(found, "funding", "amount_usd", "valuation_usd") == {("xAI", 6e9, 24e9)}
    found = events("Just a couple weeks before OpenAI officially announced its raise, it was reported competitor "
                   "Anthropic had just started to chat with investors about raising at a $30 billion to $40 billion "
                   "valuation.")
    assert {e["org"] for e in found if e["type"] == "funding"} == {"Anthropic"}
    # (a deal closed is no round)
    assert _typed(events("Microsoft closed a $69 billion acquisition of Activision."), "funding") == set()


def test_a_launch_that_may_come_is_planned():
    # tests/pages2 p002: "OpenAI May Launch a New AI Model Soon", a headline; in the text the maybe is often another
    # clause's
    assert {e["status"] for e in events("The company did not say when.", title="OpenAI may launch GPT-6 soon")} == {
        "planned"}
    found = events("OpenAI launched GPT-5 on Thursday, and Google could release Gemini 3 within weeks.",
                   title="The week in AI")
    assert {(e["model"], e["status"]) for e in found if e["type"] == "model_release"} == {("GPT-5", "done")}


def test_meta_s_investment_in_scale_and_its_ceo_moving():
    # tests/pages3 q097, q101 (Meta's $14.3 billion for 49% of Scale AI; its CEO leaves for Meta)
    for text in (
        "Meta acquired a 49% stake in Scale AI through a $14.3 billion investment.",
        "Scale AI is a data company. The company announced a $14.3 billion investment in AI startup Scale.",
    ):
        assert _typed(events(text, title="Meta invests in Scale AI"), "funding", "amount_usd") == {
            ("Scale AI", 14.3e9)}, text
    # (an investment told as a noun, with no one announcing it, is background: holdout h608, h610)
    assert _typed(events("Indie movie fans are upset about Google DeepMind’s $75 million investment in the studio."),
                  "funding") == set()
    found = events("Alexandr Wang, co-founder and CEO of Scale AI, told employees Thursday he is stepping down to join "
                   "Meta Platforms.")
    assert {e["org"] for e in found if e["type"] == "leadership"} == {"Scale AI", "Meta"}
    # the company's officer named before the company's role is a person, no company
    found = events("Scale AI said on Friday it had a new boss. Jason Droege, the company’s chief strategy officer, has "
                   "been appointed interim CEO.")
    assert _moves(found) == {("Scale AI", "Jason Droege")}


def test_partnerships_announced_with_a_list_and_a_model_built_in():
    # tests/pages3 q067 (Nvidia in India), q071 (Reliance Industries), q019 (Samsung and Gemini)
    found = events("During the conference, Nvidia also announced AI partnerships with Indian conglomerates Tata "
                   "Consultancy Services and Infosys.")
    assert _partners(found) == {("Nvidia", "Tata Consultancy Services"), ("Nvidia", "Infosys")}
    assert _partners(events("Nvidia announced a partnership with Reliance Industries for building AI infrastructure.")
                     ) == {("Nvidia", "Reliance Industries")}
    for text in ("Samsung will install Google’s Gemini AI on future Galaxy devices to enhance performance.",
                 "Samsung plans to embed Google’s advanced Gemini artificial intelligence software into its upcoming "
                 "Galaxy mobile devices."):
        assert _partners(events(text)) == {("Samsung", "Google")}, text
    # (partnerships held are no news; one company's use of another's models is a deal only as the sentence's subject)
    assert _partners(events("Nvidia has partnerships with Infosys and Wipro.")) == set()
    assert _partners(events("By scrutinizing how Microsoft integrates OpenAI’s models into its software ecosystem, "
                            "regulators hope to learn more.")) == set()


def test_photo_places_collaborators_and_tycoons_are_no_events():
    # tests/pages3 q067, q047, q072
    found = events("Announced during Nvidia’s AI Summit being held in Mumbai, CEO Jensen Huang (pictured, left) "
                   "revealed the tie-up during a keynote conversation.")
    assert _moves(found) == set()
    found = events("His decision to leave Inflection, a startup he co-founded, along with some key collaborators "
                   "including Karén Simonyan, signifies a strategic shift, moving Microsoft closer to the forefront of "
                   "generative AI technology integration.")
    assert _partners(found) == set()
    found = events("Nvidia Corp. CEO Jensen Huang has joined forces with Mukesh Ambani, Asia’s richest man, to advance "
                   "artificial intelligence (AI) infrastructure in India.")
    assert _partners(found) == set()
    # (a company told by what it is stays a partner)
    assert _partners(events("Nvidia has joined forces with Acme Robotics, a Texas startup, to build robots.")) == {
        ("Nvidia", "Acme Robotics")}


def test_an_appointment_announced_with_an_apposition_and_a_startup_bought_for_an_amount():
    # tests/pages3 q050, q017
    found = events("Inflection is pivoting. The startup behind the Pi chatbot announced Sean White, former head of "
                   "research and development at Mozilla, as its new CEO, with plans to shift focus towards serving "
                   "commercial customers.")
    assert _moves(found) == {("Inflection AI", "Sean White")}
    found = events("[SAN FRANCISCO] Yet another billion-dollar deal has landed in the red-hot artificial intelligence "
                   "(AI) space: Databricks, a software unicorn backed by Microsoft, Amazon and Google, is buying a "
                   "generative AI startup for US$1.3 billion.")
    assert _typed(found, "funding") == set()
    # (a kind of software is no deal: q078)
    found = events("The presentation came two days after Alphabet Inc’s (GOOGL.O) Google unveiled a suite of AI tools "
                   "for its email, collaboration and cloud software, and gave a glimpse of a rival to ChatGPT from the "
                   "American research lab OpenAI.")
    assert _partners(found) == set()


def test_a_company_named_short_is_the_one_in_focus():
    # tests/pages3 q101: "Scale" for Scale AI, where the article names it in full
    found = events("Meta took a 49% stake in Scale AI on Thursday. Despite stepping down as CEO, Wang will remain on "
                   "Scale’s board of directors. Jason Droege, who previously worked at Uber Eats and Axon, will take "
                   "over as interim CEO.")
    assert _moves(found) == {("Scale AI", "Jason Droege")}
    # (not the end of another name: "Fox News" is no News Corp; nor is a person appointed a company introduced)
    found = events("News Corp owns the Post. Fox News reported the move. The company named Jane Doe as interim CEO.")
    assert {e["org"] for e in found if e["type"] == "leadership"} <= {"News Corp"}


def test_review_of_the_pages3_rules():
    # a helper ran ~15,000 real and 194 written inputs through the trees before and after this session's rules; each
    # regression it found, mended (written inputs are the reviewer's, marked so)
    # a short name that is a word of its own, or a newspaper's, is no company in focus (written)
    found = events("Perplexity was sued by The New York Times last week. The startup said on Tuesday it raised $500 "
                   "million in a new funding round.")
    assert {e["org"] for e in found if e["type"] == "funding"} == {"Perplexity"}
    found = events("Nvidia said the U.S. Department of Commerce told it a license is required. U.S. officials said the "
                   "rule would be enforced. The company's shares fell 6% on Wednesday.")
    assert _market(found) == {("Nvidia", -6.0, None)}
    # a fronted "Since releasing" leaves the main clause's release (written)
    found = events("Since releasing GPT-4o in May, OpenAI has launched o1 this week.")
    assert _typed(found, "model_release", "model") == {("OpenAI", "o1")}
    found = events("Meta has struggled since releasing Llama 4 in April, and the company launched Llama 4.1 this week.",
                   title="The week in AI")
    assert _typed(found, "model_release", "model") == {("Meta", "Llama 4.1")}
    # a photo's place keeps a word between the name and the verb (written)
    assert _moves(events("Jensen Huang (right) appointed Jane Doe as Nvidia's new CFO.")) == {("Nvidia", "Jane Doe")}
    # no suit from a clinical trial, a price battle, a trial run or the court of public opinion (written)
    for text in ("The trial involving Pfizer and Moderna enrolled 3,000 patients.",
                 "The price battle pitting DeepSeek against Alibaba has cut token costs by 90%.",
                 "OpenAI and Google are clashing in a trial run of their new agents.",
                 "Microsoft is taking on Google in the courtroom of public opinion."):
        assert not [e for e in events(text) if e["type"] == "legal"], text
    # a stake bought in a listed company, an investment in a country, are no rounds (written)
    for text in ("Berkshire Hathaway bought a stake in Alphabet worth $4.3 billion last quarter.",
                 "Microsoft announced a $3 billion investment in India to expand cloud and AI infrastructure."):
        assert _typed(events(text), "funding") == set(), text
    assert _typed(events("Microsoft announced a $10 billion investment in OpenAI."), "funding") == {("OpenAI",)}
    # chips installed are bought, no partnership (written); "collaboratively" still tells one
    assert _partners(events("Microsoft installed Nvidia's GB300 chips in its Fairwater data center.")) == set()
    assert _partners(events("OpenAI and Microsoft worked collaboratively on the new Azure cluster.")) == {
        ("OpenAI", "Microsoft")}
    # a yardstick told short is the gazetteer's model (realset r295: "117k R1 responses" beside DeepSeek-R1)
    found = events("Sky-T1-7B outperforms models distilled from DeepSeek-R1, trained on 117k R1 responses.")
    assert {e["compared_to"] for e in found if e["type"] == "benchmark_claim"} <= {"DeepSeek-R1"}


def test_supply_deals_and_arrangements_are_partnerships():
    # tests/pages2 p036, p030, p049: a deal told as an arrangement, a supplier's deliveries, a deal reached
    found = events("Then, Oracle landed one of the largest deals in cloud history: a $300 billion arrangement with "
                   "OpenAI.")
    assert {frozenset(p) for p in _partners(found)} == {frozenset({"Oracle", "OpenAI"})}
    found = events("A deal revealed this week will see AMD supply its M4150 graphics processing units (GPUs) to "
                   "OpenAI's data centers starting in the second half of 2026.")
    assert {frozenset(p) for p in _partners(found)} == {frozenset({"AMD", "OpenAI"})}
    found = events("Shares of the chipmaker rose 3%.", title="AMD jumps after reaching deal to deploy 50,000 AI chips "
                   "in data centers run by Oracle")
    assert {frozenset(p) for p in _partners(found)} == {frozenset({"AMD", "Oracle"})}
    # a supplier named with no buyer tells no deal
    assert _partners(events("Nvidia will supply its Blackwell chips to customers from next quarter.")) == set()


def test_a_removal_with_a_long_reason_and_a_move_told_by_its_mover():
    # tests/pages2 p107: the object of "removed" ends where a reason begins, however long the sentence
    found = events("OpenAI, the artificial intelligence company, has removed its co-founder and CEO, Sam Altman, "
                   "following a review that found he was “not consistently candid in his communications” with the "
                   "board of directors, prompting a loss of confidence in his leadership.")
    assert _moves(found) == {("OpenAI", "Sam Altman")}
    # tests/pages3 q096: a person who says they will step down (a date set off between) moves, from the company the
    # article gives them the post at
    found = events("Meta is recruiting Alexandr Wang, founder and CEO of Scale AI, to strengthen its efforts. "
                   "Wang, 28, announced yesterday (June 12) that he will step down as CEO to join a newly formed AI "
                   "lab at Meta.")
    assert ("Scale AI", "Alexandr Wang") in _moves(found)
    found = events("Alexandr Wang announced that he will step down as CEO of Scale AI to join Meta.")
    assert _moves(found) == {("Meta", "Alexandr Wang"), ("Scale AI", "Alexandr Wang")}
    # ... nor one who leaves a decision or joins a council (the review's written cases)
    for text in ("Elon Musk announced that he will leave the decision to shareholders.",
                 "Jensen Huang said he will leave no stone unturned, Nvidia said.",
                 "Google CEO Sundar Pichai announced that he will join the White House AI council."):
        assert _moves(events(text)) == set(), text
    # ... not a speaker who tells of someone else
    assert _moves(events("Sam Altman said that Mira Murati will step down as OpenAI's CTO.")) == {
        ("OpenAI", "Mira Murati")}


def test_review_of_the_pages4_errors():
    # tests/pages4 r096, r098: forced out, a capitalised title before the name, co-CEOs who will act as such
    found = events("Intel (INTC) Chief Executive Officer Pat Gelsinger was forced out after the board lost confidence "
                   "in his plans to turn around the company.")
    assert _moves(found) == {("Intel", "Pat Gelsinger")}
    found = events("Chief Executive Officer of Intel, Pat Gelsinger, has been forced out less than four years after "
                   "taking the helm of the company, handing control to two lieutenants, David Zinsner and Michelle "
                   "Johnston Holthaus, who will act as interim co-CEOs.")
    assert _moves(found) == {("Intel", "Pat Gelsinger"), ("Intel", "David Zinsner"),
                             ("Intel", "Michelle Johnston Holthaus")}
    # ... and an idiom is no move (holdout h1108, found checking the rule above)
    assert _moves(events("SpaceX set out its IPO pitch in a video in which Chief Financial Officer Bret Johnsen joins "
                         "the dots between the company's rockets and its satellites.")) == set()
    # r042: a backer describes the company, it is not the person's
    found = events("Mira Murati, the Chief Technology Officer at Microsoft-backed OpenAI, has announced her "
                   "resignation from the artificial intelligence startup.")
    assert _moves(found) == {("OpenAI", "Mira Murati")}
    # r044: several people announce their resignations
    assert _moves(events("Bob McGrew and Barret Zoph also announced their resignations from OpenAI.")) == {
        ("OpenAI", "Bob McGrew"), ("OpenAI", "Barret Zoph")}
    # r054: a round drawn; r058: every backer listed after "investments from" is a bystander, a venture arm too
    found = events("Humanoid robot startup Figure has drawn a $675 million investment from Jeff Bezos, AI chipmaker "
                   "Nvidia, ChatGPT-maker OpenAI and others.")
    assert _typed(found, "funding") == {("Figure",)}
    found = events("Figure AI builds humanoid robots. The company announced on Thursday that it raised $675 million in "
                   "Series B funding at a $2.6 billion valuation with investments from Microsoft, OpenAI Startup Fund, "
                   "NVIDIA, Intel Capital and ARK Invest.")
    assert _typed(found, "funding") == {("Figure AI",)}


def test_second_review_of_the_pages4_errors():
    # r013: "The shares" with no owner are the company before's, not one named after the figure
    found = events("TSMC shares on the Taipei exchange soared to a new record on Friday. The shares climbed 6%, "
                   "reaching T$1,100, despite looming political uncertainties stemming from a U.S. investigation "
                   "into potential chip sales to Huawei.")
    assert {m[0] for m in _market(found)} == {"TSMC"}
    # r002: a move over the past months is the stock's record; the year so far is kept (realset r090)
    found = events("Intel is in talks. The company’s share price has declined 16% in the past 12 months.")
    assert _market(found) == set()
    assert _market(events("Apple stock has jumped 24% so far this year.")) == {("Apple", 24.0, None)}
    # ... only right after the figure (pages2 p051: another figure of a run-on sentence stays; a day's move compared)
    assert _market(events("AMD stock jumped 35% on Monday, its best day in the last six months.")) == {
        ("AMD", 35.0, None)}
    # r012: money raised and a valuation gained are no move in the market
    assert _market(events("Mistral AI was founded in April last year, raising more than $400 million in October and "
                          "gaining a valuation of over $2 billion by December.")) == set()
    # r103: a chip line's parts are no models
    found = events("The Chinese company recently launched the Ascend 910C and 920 chips, with the Ascend 910D in "
                   "testing.")
    assert _typed(found, "model_release", "model") == set()
    # r046: the one who names another as something is no mover, nor a company named by its surname
    found = events("Sam Altman runs OpenAI. Altman also named Mark Chen as the new senior vice president of research "
                   "and Matt Knight as the chief information security officer.")
    assert ("OpenAI", "Mark Chen") in _moves(found)
    assert not {m for m in _moves(found) if m[1] == "Sam Altman" or m[0] == "Altman"}


def test_review_of_the_pages5_errors():
    # t065, t107, pages4 r019: a legislature passes a law; its country is the article's or the body's own
    found = events("The National Assembly votes to pass the Law on Artificial Intelligence. The law is Vietnam's first "
                   "piece of legislation on AI.")
    assert {e["jurisdiction"] for e in found if e["type"] == "policy"} == {"Vietnam"}
    found = events("At the end of last year, the Legislative Yuan passed the third reading of the \"Artificial "
                   "Intelligence (AI) Basic Law.\"")
    assert {e["jurisdiction"] for e in found if e["type"] == "policy"} == {"Taiwan"}
    found = events("On December 26, 2024, the South Korean National Assembly passed the \"Basic Act on the Development "
                   "of Artificial Intelligence and the Establishment of Trust\".")
    assert {e["jurisdiction"] for e in found if e["type"] == "policy"} == {"South Korea"}
    # t042: euros with their dollars in brackets are those dollars
    found = events("German defence start-up Helsing has raised 600 million euros ($693.30 million) in its latest "
                   "investment round, lead by Spotify founder Daniel Ek, the firm said.")
    assert {(e["org"], e["amount_usd"]) for e in found if e["type"] == "funding"} == {("Helsing", 693_300_000.0)}
    # t089: a newspaper that reports a raise raises nothing
    found = events("The Financial Times reported earlier this year that Crusoe was in talks to raise roughly $500 "
                   "million in a funding round.")
    assert "Financial Times" not in {e["org"] for e in found if e["type"] == "funding"}
    # t033, t032, t034: a role or the helm taken at a company (a clause on its founding dates no move)
    for text in ("Ilya Sutskever, co-founder of OpenAI, has stepped into the CEO role at Safe Superintelligence "
                 "following the departure of Daniel Gross.",
                 "Ilya Sutskever, co-founder of OpenAI, has taken the helm as CEO of Safe Superintelligence, the AI "
                 "startup he launched in 2024.",
                 "Ilya Sutskever has officially taken the helm of Safe Superintelligence (SSI) the AI startup he "
                 "co-founded last year."):
        assert ("Safe Superintelligence", "Ilya Sutskever") in _moves(events(text)), text
        assert ("OpenAI", "Ilya Sutskever") not in _moves(events(text)), text
    # ... but a move told as last year's is still history, and the helm taken in a time clause dates something else
    assert _moves(events("Google appointed Jane Doe last year to head its AI effort.")) == set()
    assert _moves(events("Intel's market value has halved since Pat Gelsinger took the helm.")) == set()
    # t058, t056: a company's legal form ends no sentence; "the Amsterdam-listed company's shares" are the one in focus
    found = events("Following the announcement, shares of Nebius Group N.V. (NASDAQ: NBIS) surged 53% in after-hours "
                   "trading.")
    assert _market(found) == {("Nebius", 53.0, None)}
    found = events("Nebius will supply Microsoft with compute. The Amsterdam-listed company's shares surged "
                   "approximately 33%.")
    assert _market(found) == {("Nebius", 33.0, None)}
    # t100, t104: a live quote after a name is the page's; a name a ticker follows is a listed company
    assert _market(events("Shares of Palantir (PLTR 2.1%) fell 9% on Tuesday.")) == {("Palantir", -9.0, None)}
    found = events("Shares of SoundHound AI (SOUN 2.73%) took off like a shot this morning, soaring as much as 79.6%.")
    assert _market(found) == {("SoundHound AI", 79.6, None)}
    # t103: a share "rocketed"; a company in the clause after the figure that tells its cause is no owner
    found = events("On Feb. 15, Acme Robotics stock rocketed 67% higher following news that Nvidia had disclosed a "
                   "stake in the company.")
    assert "Nvidia" not in {m[0] for m in _market(found)}
    assert _market(events("On Feb. 15, SoundHound AI stock rocketed 67% higher.")) == {("SoundHound AI", 67.0, None)}
    # t042: a valuation raised is no amount raised
    found = events("The latest investment round has raised Helsing's value to $12 billion, the Financial Times "
                   "reported on Tuesday.")
    assert {e["amount_usd"] for e in found if e["type"] == "funding"} <= {None}
    # t049: a joint venture described by its owners is no new deal of the sentence's company
    found = events("In addition to the deal with Kakao, Altman also spoke about the Stargate data centre project, a "
                   "joint venture between OpenAI and Oracle.")
    assert not {p for p in _partners(found) if "Kakao" in p and ("Oracle" in p or "Stargate" in p)}
    # t076, t077: a person who informs the team, or says they plan, to leave the company moves
    found = events("Yann LeCun, the Godfather of AI and head of a research lab at Meta Platforms Inc., has informed "
                   "his team that he will leave the company at the end of this year to establish a new venture.")
    assert _moves(found) == {("Meta", "Yann LeCun")}
    found = events("Yann LeCun, a pivotal force at Meta Platforms, said on Wednesday he plans to leave the company at "
                   "the end of the year to launch a new AI startup.")
    assert _moves(found) == {("Meta", "Yann LeCun")}
    # t099: a round completed by a subject a relative clause follows
    found = events("Sakana AI is a Tokyo lab. Sakana, which means ‘fish’ in Japanese, has completed a $135 million "
                   "funding round.")
    assert _rounds(found) == {("Sakana", 135)}
    # t067: a chip launched is no model; t085: Crusoe Energy Systems LLC is Crusoe
    assert _typed(events("AMD officially launched the MI300X in late 2023."), "model_release", "model") == set()
    found = events("US-based data-centre specialist Crusoe Energy Systems LLC has secured approximately $1.38 billion "
                   "in a Series E round.")
    assert {e["org"] for e in found if e["type"] == "funding"} == {"Crusoe"}


def test_review_of_the_pages4_and_pages5_rules():
    # a helper ran ~5,400 real articles and ~110 written sentences through the trees before and after this session's
    # rules; each regression it found, mended (written inputs are the reviewer's)
    # "rocketed" is a verb, no "rocket company" or "space rockets" (holdout h829, h070)
    found = events("SpaceX and Tesla stock has slumped this year, with the rocket company down about 26% since its "
                   "debut.")
    assert {m[1] for m in _market(found)} <= {-26.0}
    found = events("Elon Musk’s SpaceX, which makes AI models as well as space rockets, announced last week it is "
                   "seeking a $1.77tn (£1.31tn) valuation on the US stock market.")
    assert _market(found) == set()
    # "The stock ..." with the company named later in the sentence is still its move (holdout h602)
    found = events("The stock continued to soar on Monday, rising nearly 20% and ending the day with SpaceX as the "
                   "sixth most valuable company in the world.")
    assert _market(found) == {("SpaceX", 20.0, None)}
    # a ticker quote is dropped only where another figure follows it (written)
    found = events("Shares of Oracle rose 3% on Monday; Nvidia (NVDA -1.2%) slipped.")
    assert _market(found) == {("Oracle", 3.0, None), ("Nvidia", -1.2, None)}
    # a legislature's country is the article's only one, not a guess (written)
    found = events("China and the US are racing on AI. Beijing issued rules last week. The Senate passed a bill on AI "
                   "on Tuesday.")
    assert {e["evidence"] for e in found if e["type"] == "policy"} <= {"Beijing issued rules last week."}
    # "will replace" moves its subject in (tests/pages6 u042); "Startup company Harvey, dedicated to ..., has raised"
    # (u001)
    found = events("In an announcement on Monday, Apple confirmed that Amar Subramanya, a senior Microsoft executive "
                   "with 16 years of prior experience at Google, will replace Giannandrea.")
    assert _moves(found) == {("Apple", "Amar Subramanya")}
    assert _moves(events("Nvidia said AI will replace many jobs.")) == set()
    found = events("Startup company Harvey, dedicated to creating an AI \"copilot\" for lawyers, has raised $100 "
                   "million in its latest round of funding, with a valuation now reaching $1.5 billion.")
    assert _rounds(found) == {("Harvey", 100)}


def test_review_of_the_pages6_errors_past_the_session():
    # u004: a company the gazetteer does not know, after a fronted adverb, is the subject that partnered
    found = events("Recently, Harvey partnered with OpenAI to create a custom-trained case law model.")
    assert {(e["org"], e["partner"]) for e in found if e["type"] == "partnership"} == {("Harvey", "OpenAI")}
    # u006, u007: a capital "The" inside a sentence starts the target's name
    found = events("Atlassian has officially agreed to acquire The Browser Company for a staggering $610 million, paid "
                   "entirely in cash.")
    assert {(e["org"], e["target"]) for e in found if e["type"] == "acquisition"} == {("Atlassian",
                                                                                        "The Browser Company")}
    found = events("Today, the announcement of Atlassian’s intended acquisition of The Browser Company, maker of Arc "
                   "and now Dia, may not grab the same headlines as a new version of ChatGPT.")
    assert {(e["org"], e["target"]) for e in found if e["type"] == "acquisition"} == {("Atlassian",
                                                                                        "The Browser Company")}


def test_review_of_the_pages7_errors():
    # v033, v029: a stake of a sum taken in a company is money put in; v032, v033: companies that co-develop are
    # partners
    found = events("Nvidia plans to take a $5 billion stake in chipmaker Intel as the two tech companies have agreed "
                   "to co-develop data center and PC chips.")
    assert {(e["org"], e["amount_usd"]) for e in found if e["type"] == "funding"} == {("Intel", 5_000_000_000.0)}
    assert {(e["org"], e["partner"]) for e in found if e["type"] == "partnership"} == {("Nvidia", "Intel")}
    found = events("Nvidia just stunned Silicon Valley by announcing a $5 billion stake in Intel.")
    assert {e["org"] for e in found if e["type"] == "funding"} == {"Intel"}
    found = events("Nvidia will invest $5 billion in Intel and co-develop chips for data centers and personal "
                   "computers.")
    assert {(e["org"], e["partner"]) for e in found if e["type"] == "partnership"} == {("Nvidia", "Intel")}
    # (a stake told without a sum, or bought on the market, is no round: not "bought a stake in Alphabet worth ...")
    found = events("Berkshire Hathaway bought a stake in Alphabet worth $4.3 billion.")
    assert not [e for e in found if e["type"] == "funding"]
    # v004, v001: a case won against a party is a lawsuit between the two; v002: a kind in a title-case headline is no
    # party ("Against AI Company")
    for text in ("In a landmark case, Thomson Reuters has won its copyright battle against Ross Intelligence.",
                 "Thomson Reuters has achieved a significant legal victory, winning the first major AI copyright case "
                 "in the United States against Ross Intelligence."):
        found = events(text)
        assert {frozenset((e["org"], e["counterparty"])) for e in found if e["type"] == "legal"} == {
            frozenset(("Thomson Reuters", "Ross Intelligence"))}, text
    found = events("A long story.", title="Thomson Reuters Wins Landmark Fair Use Case Against AI Company in Copyright "
                                          "Battle")
    assert "AI Company" not in {e.get("counterparty") for e in found} | {e["org"] for e in found}
    # v070, v073: "stepped in as interim CEO", "roped in" a person
    found = events("Following the shake-up, Jeff Wang has stepped in as interim CEO at Windsurf.")
    assert {(e["org"], e["person"]) for e in found if e["type"] == "leadership"} == {("Windsurf", "Jeff Wang")}
    # (a review of the session's rules: "roped in", "brought in" and "naming" a person, read in the object of an
    # appointing verb, also took brand ambassadors, keynote speakers and a Person of the Year; left out)
    found = events("Computex is bringing in Jensen Huang as its new keynote speaker, a move that surprised few.")
    assert not [e for e in found if e["type"] == "leadership"]
    # v043: a quoted question the sentence goes on after ends no sentence, and the main clause's government acts
    found = events('In a surprise reversal that answers questions like "What happened to the AI export '
                   'restrictions?" and "Are AI chip exports to China still banned?", the Trump administration has '
                   'officially rescinded the AI Diffusion Rule just days before it was set to take effect.')
    assert {e["jurisdiction"] for e in found if e["type"] == "policy"} == {"US"}
    from transforms.extract import split_sentences
    sents = split_sentences(pl.DataFrame([{"article_id": "a", "title": "A headline", "published_at": PUBLISHED,
                                           "text": 'He asked "why?" and left. “Stop!” she said. Done.'}]))
    assert sents["sentence"].to_list() == ["A headline", 'He asked "why?" and left.', "“Stop!” she said.", "Done."]
    # v012: duties taken over are no post
    found = events("Altman had shifted his focus to research while Chief Operating Officer Brad Lightcap took over "
                   "more responsibilities for managing OpenAI’s day-to-day operations.")
    assert not [e for e in found if e["type"] == "leadership"]
    # v017: a founder's money "for her start-up, X" is X's round
    found = events("Mira Murati, former CTO of OpenAI, secures $2bn in funding for her start-up, Thinking Machines "
                   "Lab, valuing the company at $10bn.")
    assert {e["org"] for e in found if e["type"] == "funding"} == {"Thinking Machines Lab"}
    # v094: bare "Shares" moving are the company in focus's; "Shares of Nvidia" are Nvidia's
    found = events("Meta reported earnings on Wednesday. Shares dropped more than 11% on Thursday.")
    assert {(e["org"], e["pct"]) for e in found if e["type"] == "market_move"} == {("Meta", -11.0)}
    found = events("Meta reported earnings on Wednesday. Shares of Nvidia dropped more than 11% on Thursday.")
    assert {e["org"] for e in found if e["type"] == "market_move"} == {"Nvidia"}
    # (review: a battle that is no legal one, a stake sold, a market's shares, a brand after a quoted question)
    for text in ("OpenAI is winning the battle against Google for top AI researchers.",
                 "Intel announced a $2 billion sale of its stake in Mobileye on Tuesday.",
                 "Global chip stocks slid on Tuesday after Nvidia warned on sales. Shares fell 3% across the sector."):
        assert not events(text), text
    found = events('Reporters asked "Will you sell?" xAI then raised $6 billion from investors.')
    assert {e["org"] for e in found if e["type"] == "funding"} == {"xAI"}
    # v067: a company named in what a party is accused of is no party (a suit "accusing" its defendant still has one)
    found = events("xAI sued Apple, accusing the tech giant of favouring OpenAI’s ChatGPT in its App Store rankings.")
    assert {e["counterparty"] for e in found if e["type"] == "legal"} == {"Apple"}
    found = events("Apple files lawsuit accusing OpenAI of stealing trade secrets.")
    assert {frozenset((e["org"], e["counterparty"])) for e in found if e["type"] == "legal"} == {
        frozenset(("Apple", "OpenAI"))}
    # v025: a possessive of three words is the owner, not the target ("Sir Jony Ive's startup io")
    found = events("OpenAI has struck a landmark deal to acquire Sir Jony Ive's startup Acme for $6.5 billion.")
    assert {e["target"] for e in found if e["type"] == "acquisition"} == {"Acme"}


def test_market_moves_told_by_a_session_or_a_ticker():
    """A move needs no "shares" or "stock" where the sentence names a trading session or an exchange's ticker."""
    # pages8 w056: a session ("in morning trading"), in an article that never says "shares"
    found = events("China adopted guidelines to halt the use of U.S.-made microprocessors from Intel and AMD in "
                   "government servers. AMD fell 2% while Intel dropped 4% in morning trading Monday.")
    assert {(e["org"], e["pct"]) for e in found if e["type"] == "market_move"} == {("AMD", -2.0), ("Intel", -4.0)}
    # pages4 r014: a ticker ("(TW:2330)")
    found = events("TSMC (TW:2330) rose as much as 3% during the session to reach an all-time high of T$1,740.")
    assert {(e["org"], e["pct"]) for e in found if e["type"] == "market_move"} == {("TSMC", 3.0)}
    # (a company named by its ticker is no move: pages2 p010)
    found = events("The company reportedly trained its model using just $6 million and a couple thousand Nvidia "
                   "(NASDAQ: NVDA) graphics processing units, a bomb it dropped in January.")
    assert not [e for e in found if e["type"] == "market_move"]
    # pages4 r074: an index in a market wrap's list is no company ("Dow Jones" is the publisher's name too)
    found = events("The S&P 500 index added 0.30% to 6,532.04 points, the technology-focused Nasdaq rose 0.03% to "
                   "21,886.06 points, while the Dow Jones fell 0.48% to 45,490.92 points. Oracle shares jumped 36%.")
    assert {e["org"] for e in found if e["type"] == "market_move"} == {"Oracle"}
    # (no session, no ticker: a company's figure that is no market's)
    assert not [e for e in events("AMD fell 2% while Intel dropped 4% in the latest survey of developers.")
                if e["type"] == "market_move"]

def test_a_measure_told_by_what_it_regulates():
    # pages5 t014: "a provisional measure ... that aims to regulate the use of artificial intelligence"
    found = events("The Brazilian Senate approved a provisional measure on May 22, 2024, that aims to regulate the use "
                   "of artificial intelligence (AI) in the country.")
    assert {(e["jurisdiction"], e["measure"]) for e in found if e["type"] == "policy"} == {("Brazil", "AI law")}

def test_a_leader_leaves_the_company_the_article_gives_them_a_role_at():
    # pages8 w027: the headline names the parent first; the next sentence introduces "GitHub CEO Thomas Dohmke"
    found = events("Microsoft announced GitHub CEO Thomas Dohmke's resignation, as he aims to launch a startup.",
                   title="Microsoft Integrates GitHub into AI Division as CEO Dohmke Resigns")
    assert {(e["org"], e["person"]) for e in found if e["type"] == "leadership"} == {("GitHub", "Thomas Dohmke")}
    # pages3 q096: a sentence naming no company, after "Alexandr Wang, founder and CEO of Scale AI"
    found = events("As Meta races against Big Tech rivals, it’s recruiting Alexandr Wang, founder and CEO of Scale AI, "
                   "to strengthen its efforts. Wang, 28, announced yesterday (June 12) that he will step down as CEO "
                   "to join a newly formed AI team.")
    assert {(e["org"], e["person"]) for e in found if e["type"] == "leadership"} == {("Scale AI", "Alexandr Wang")}
    # (a founder's company, a backer and a former post are no role held now: searchpages s098, pages4 r042)
    found = events("Inflection AI is led by DeepMind co-founder Mustafa Suleyman. Suleyman resigned from the board.")
    assert "Google DeepMind" not in {e["org"] for e in found if e["type"] == "leadership"}
    found = events("Mira Murati, the Chief Technology Officer at Microsoft-backed OpenAI, is leaving the company.")
    assert {e["org"] for e in found if e["type"] == "leadership"} == {"OpenAI"}
    # pages9 x047: the company of the mover's former title is not the one hiring; pages2 p080: another's former title
    found = events("The Claude maker hired former Stripe CTO Rahul Patil as its new chief technical officer, signaling "
                   "the company's urgent push to scale.", title="Anthropic hires a new CTO")
    assert {(e["org"], e["person"]) for e in found if e["type"] == "leadership"} == {("Anthropic", "Rahul Patil")}
    found = events("OpenAI’s CEO of applications, Fidji Simo, announced that Barret Zoph and Luke Metz are rejoining "
                   "the company after a brief stint at Thinking Machines, alongside former OpenAI CTO Murati.")
    assert ("OpenAI", "Barret Zoph") in {(e["org"], e["person"]) for e in found if e["type"] == "leadership"}

def test_a_listed_company_the_gazetteer_does_not_know_moves_with_its_shares():
    # pages5 t094, pages7 v083: a name right before its shares or stock
    found = events("However, following the announcement, Core Scientific’s shares fell by 15% before trading began, "
                   "while Nvidia-backed CoreWeave saw a decrease of approximately 4%.")
    assert ("Core Scientific", -15.0) in {(e["org"], e["pct"]) for e in found if e["type"] == "market_move"}
    found = events("The news sent Confluent’s stock, trading under the ticker CFLT, rocketing up about 29% in morning "
                   "trading, where it held steady by midday.")
    assert {(e["org"], e["pct"]) for e in found if e["type"] == "market_move"} == {("Confluent", 29.0)}
    # (a market's, a region's, a class's or a listing's shares are no company's)
    for text in ("Asian shares fell 3% on Monday.", "Hong Kong-listed shares of the group fell 10% on Monday.",
                 "Shanghai shares rose 2% in afternoon trading.", "Class A shares rose 5% on Friday."):
        assert not [e for e in events(text) if e["type"] == "market_move"], text

def test_a_person_told_only_by_a_common_noun_is_no_side_of_a_suit():
    # pages5 t069, t073: the side a reader learns nothing from ("a mother", "a woman"); the article names her later
    for text in ("Google and artificial intelligence chatbot maker Character Technologies have agreed to settle a "
                 "lawsuit from a Florida mother who alleged a chatbot pushed her teenage son to kill himself.",
                 "Google, AI firm must face lawsuit filed by a mother over suicide of son, US court says."):
        assert not {e["counterparty"] for e in events(text) if e["type"] == "legal"} & {"mother", "woman"}, text
    # (a group so told is a side: "publishers")
    found = events("A group of publishers sued Google in Munich over false claims in its AI Overviews.")
    assert {frozenset((e["org"], e["counterparty"])) for e in found if e["type"] == "legal"} == {
        frozenset(("Google", "publishers"))}

def test_secured_is_a_round_only_where_money_is_secured():
    # pages5 t058, pages6 u103, holdout h113: computing, a chief executive and a loan's collateral are no money raised
    for text in ("Microsoft has formalized a five-year agreement with Nebius Group to secure AI computing "
                 "infrastructure, with a base value of $17.4 billion.",
                 "Meta’s acquisition of Scale AI for $14.3 billion, primarily to secure its CEO Alexandr Wang, "
                 "underscores the lengths to which Zuckerberg is willing to go.",
                 "Morgan Stanley arranged a $917m loan secured against Lambda’s Nvidia GPUs."):
        assert not [e for e in events(text) if e["type"] == "funding"], text
    # (money secured, told with an adjective, a currency or no space: pages8 w088, pages6 u054, pages7 v017)
    for text, org in (("The news that Fei-Fei Li’s startup, World Labs, secured a staggering $1 billion in financing "
                       "to pursue spatial intelligence is not just a financial headline.", "World Labs"),
                      ("Chinese artificial intelligence startup Zhipu AI recently secured 500 million yuan ($69.04 "
                       "million) in funding from state-owned Huafa Group.", "Zhipu AI")):
        assert org in {e["org"] for e in events(text) if e["type"] == "funding"}, text

def test_a_title_in_a_title_case_headline_is_no_first_name():
    # pages8 w078
    found = events("Igor Babuschkin has left xAI.", title="xAI Co-Founder Igor Babuschkin Resigns to Launch AI Safety "
                                                          "Venture, Musk Sends Well Wishes")
    assert {e["person"] for e in found if e["type"] == "leadership"} == {"Igor Babuschkin"}
    # pages8 w071: a publisher that joins a programme is no person joining a company
    found = events("Some publishers participate in Perplexity’s ad revenue-sharing program, and World History "
                   "Encyclopedia recently joined that publisher program and launched a Perplexity-powered chatbot.")
    assert not [e for e in found if e["type"] == "leadership"]

def test_money_a_company_got_is_its_round_and_a_margin_loan_is_none():
    # pages2 p020: a headline's verb of money got
    found = events("SambaNova got $350m and an Intel collaboration to bring its SN50 dataflow accelerator to market, "
                   "with SoftBank deployments planned.")
    assert {(e["org"], e["amount_usd"]) for e in found if e["type"] == "funding"} == {("SambaNova", 350_000_000.0)}
    # holdout h597, h231: a loan is no round
    for text in ("It has arranged a $20 billion margin loan on its stake in chip designer Arm.",):
        assert not [e for e in events(text) if e["type"] == "funding"], text
    found = events("SoftBank's lenders have become more cautious.", title="SoftBank Attempt to Get $6B OpenAI Margin "
                                                                         "Loan Stalls")
    assert not [e for e in found if e["type"] == "funding"]

def test_a_unit_sold_to_a_buyer_is_the_buyers_acquisition():
    # pages9 x104, x105: the seller the gazetteer does not know, the unit named by the seller's name and its kind
    for text in ("ABB has announced the signing of an agreement to sell its robotics division to SoftBank Group for an "
                 "enterprise value of $5.375bn, abandoning its previous intention to spin off the division.",
                 "Swiss engineering major ABB announced on Wednesday it will divest its robotics division to Japan's "
                 "SoftBank Group Corp. for an enterprise value of nearly $5.4 billion."):
        found = [e for e in events(text) if e["type"] == "acquisition"]
        assert {(e["org"], e["target"]) for e in found} == {("SoftBank", "ABB Robotics")}, text
        assert 5.3e9 < found[0]["amount_usd"] < 5.5e9
    # (a product sold to customers is no unit)
    assert not [e for e in events("Nvidia sells its chips to Microsoft and Meta.") if e["type"] == "acquisition"]

def test_review_of_the_pages10_errors():
    # y052: a deal told with four words before its noun
    found = events("OpenAI and AMD have inked a multibillion-dollar supply and equity agreement poised to reshape how "
                   "large AI models are built and powered.", title="OpenAI turns to AMD for its next era of AI compute")
    assert {frozenset(p) for p in _partners(found)} == {frozenset({"OpenAI", "AMD"})}
    # y025: what a relative clause tells of the party sued names no party
    found = events("Japanese media giants Nikkei and Asahi Shimbun have filed a lawsuit against Perplexity AI, which "
                   "is backed by Amazon founder Jeff Bezos and Nvidia Corporation NVDA.")
    sides = {(e["org"], e["counterparty"]) for e in found if e["type"] == "legal"}
    assert sides == {("Perplexity", "Nikkei"), ("Perplexity", "Asahi Shimbun")}
    # y033: who appoints a person named after the verb does not move; the appointee does
    found = events("Meta CEO Mark Zuckerberg has appointed Shengjia Zhao, a key architect behind OpenAI's ChatGPT, as "
                   "Chief Scientist of the company's newly launched Superintelligence Labs.")
    assert _moves(found) == {("Meta", "Shengjia Zhao")}
    # ... told in the passive, or with a role after the verb, the subject moves
    assert _moves(events("Jane Doe has been appointed Chief Technology Officer at OpenAI.")) == {("OpenAI", "Jane Doe")}
    assert _moves(events("Jane Doe was named Chief Executive Officer of OpenAI.")) == {("OpenAI", "Jane Doe")}
    # y021: a new model after "the", with its initials, described as a model
    found = events("Samsung has introduced the Tiny Recursive Model (TRM), a new AI model with just 7 million "
                   "parameters that rivals or outperforms much larger language models.")
    assert ("Samsung", "Tiny Recursive Model") in {(e["org"], e["model"]) for e in found
                                                   if e["type"] == "model_release"}
    # (realdev g40: a method named so is no model)
    found = events("OpenAI unveiled Reinforcement Fine-Tuning (RFT), a model customization method that will let "
                   "developers modify o-series models for specific tasks.")
    assert not [e for e in found if e["type"] == "model_release"]
    # y072, y074: a settlement's two sides
    for text in ("A federal judge on Thursday approved a $1.5 billion settlement between Anthropic and authors who "
                 "sued the company.",
                 "A California federal judge granted preliminary approval of Anthropic PBC’s $1.5 billion settlement "
                 "to resolve authors’ copyright class action over the AI company’s downloading of pirated books."):
        found = events(text)
        assert {(e["org"], e["counterparty"]) for e in found if e["type"] == "legal"} == {("Anthropic", "authors")}


def test_a_models_score_on_a_named_test_in_the_opening_is_a_claim():
    # pages11 z061: a score on a named test, no rival named
    found = events("Claude Sonnet 4.6 scores 72.5% on the OSWorld benchmark for desktop computer operation, up from "
                   "under 15% in late 2024, nearly matching human performance.")
    assert {(e["org"], e["model"], e["compared_to"]) for e in found
            if e["type"] == "benchmark_claim"} == {("Anthropic", "Claude Sonnet 4.6", "OSWorld")}
    # (a share of something is no test: "GPT-5 reached 40% of users")
    found = events("GPT-5 reached 40% of users in its first week, OpenAI said.")
    assert not [e for e in found if e["type"] == "benchmark_claim"]


def test_review_of_the_pages11_errors():
    # z089: Hong Kong dollars with their US dollars in brackets are those dollars; where a company is is no part of its
    # name
    found = events("Beijing-headquartered Horizon raised HK$5.4 billion (US$696 million) in an offering that priced "
                   "its shares at the top end of the marketed price range.")
    assert {(e["org"], e["amount_usd"]) for e in found if e["type"] == "funding"} == {("Horizon", 696e6)}
    # ... and alone, Hong Kong dollars at their rate, not US dollars
    found = events("Acme Robotics raised HK$50 million in a Series B round.")
    assert {e["amount_usd"] for e in found if e["type"] == "funding"} == {50e6 * USD_RATES["HKD"]}
    # z099, z100: a government that proposes rules acts; the Indian government is India's
    for text in ("New Delhi: The Ministry of Electronics and Information Technology has proposed changes to the IT "
                 "Rules to tackle harm from AI-generated content, including deepfakes.",
                 "The Indian government proposed rules requiring labels on AI-generated content."):
        assert {e["jurisdiction"] for e in events(text) if e["type"] == "policy"} == {"India"}, text
    # (not a measure told as proposed, nor what a law mandates)
    for text in ("Sanctions authority, as proposed in the Deterring American AI Model Theft Act, may be another tool.",
                 "The proposed Taiwan chip export controls would let prosecutors treat AI chip smuggling as a crime.",
                 "The EU AI Act's high-risk deadline arrives in August, and the evaluations it mandates are measuring "
                 "models."):
        assert not [e for e in events(text) if e["type"] == "policy"], text
    # z093: a move in a listing's debut
    found = events("Chinese artificial intelligence model developer MiniMax Group jumped 50 percent in its Hong Kong "
                   "market debut on Friday.")
    assert _market(found) == {("MiniMax", 50.0, None)}
    # z021: a person who says they have left moves
    assert _moves(events("Soumith Chintala has announced that he has left Meta.")) == {("Meta", "Soumith Chintala")}
    # z085: a joint effort announced, or a launch made jointly, is a partnership
    for text in ("SAP and OpenAI announced a joint effort to launch a sovereign AI system for Germany’s public sector.",
                 "SAP and OpenAI will jointly launch a sovereign AI system for Germany."):
        assert {frozenset(p) for p in _partners(events(text))} == {frozenset({"SAP", "OpenAI"})}, text
    # z014, z016: a title-case headline's verb is no part of who sues
    for title in ("Hollywood Studios Take Legal Action Against Chinese AI Company MiniMax",
                  "Major Hollywood Studios File Copyright Lawsuit Against China’s MiniMax Over AI Service"):
        assert not [e for e in events("", title=title) if e["type"] == "legal"], title


def test_review_of_the_pages12_errors():
    # k013, k016: two companies that commit to supply a third are each its partner, not each other's
    for text in ("Samsung Electronics and SK Hynix have signed letters of intent to supply memory chips for OpenAI's "
                 "data centers, as South Korean chipmakers join forces with the ChatGPT maker.",
                 "In a landmark collaboration, Samsung Electronics and SK Hynix have committed to supplying memory "
                 "chips to OpenAI's expansive projects."):
        found = {frozenset(p) for p in _partners(events(text))}
        assert found == {frozenset({"OpenAI", "Samsung"}), frozenset({"OpenAI", "SK Hynix"})}, text
    # k099: a buying spree is no purchase's verb
    found = events("In the latest chapter in Meta's AI buying and hiring spree, Meta has acquired AI voice cloning "
                   "startup PlayAI.")
    assert {(e["org"], e["target"]) for e in found if e["type"] == "acquisition"} == {("Meta", "PlayAI")}
    # k040: a person who is departing moves
    found = events("Intel’s chief technology and AI officer Sachin Katti is departing the company after four years to "
                   "join OpenAI.")
    assert _moves(found) == {("Intel", "Sachin Katti"), ("OpenAI", "Sachin Katti")}
    # k001: the maker and its verb before a headline's colon are no part of the model's name
    found = events("", title="Baidu Open Sources ERNIE 4.5: LLM Series Scaling from 0.3B to 424B Parameters")
    assert {(e["org"], e["model"]) for e in found if e["type"] == "model_release"} == {("Baidu", "ERNIE 4.5")}
    # k001: under a title that is no headline, the first line of five words or more is the headline
    found = events("\nBaidu Open Sources ERNIE 4.5: LLM Series Scaling from 0.3B to 424B Parameters\n\nAnalysis of "
                   "Target Audience for Baidu Open Sources ERNIE 4.5", title="←back to Blog")
    assert {(e["org"], e["model"]) for e in found if e["type"] == "model_release"} == {("Baidu", "ERNIE 4.5")}
    # (not a saved page's label line, realdev g41)
    found = events("Title: OpenAI's o3 suggests AI models are scaling in new ways | TechCrunch\n\nURL Source: "
                   "https://techcrunch.com/2024/12/23/", title="---")
    assert not [e for e in found if e["type"] == "model_release" and e["model"] == "Title"]
    # k105: an investment of as much as a sum is that sum's round (not "has invested over $13 billion", a total)
    found = events("Microsoft Corp. and Nvidia Corp. will invest as much as $15 billion in Anthropic PBC, marking one "
                   "of the largest joint bets on an artificial intelligence startup.")
    assert {(e["org"], e["amount_usd"]) for e in found if e["type"] == "funding"} == {("Anthropic", 15e9)}


def test_companies_the_gazetteer_learnt_from_real_pages():
    # tests/searchpages s027 (IREN, an AI cloud) and s007 (Baichuan's romanised Chinese name)
    assert _market(events("Microsoft has signed a cloud contract with IREN. Shares of IREN rose 22% before the opening "
                          "bell in the US.")) == {("IREN", 22.0, None)}
    assert _typed(events("Baichuan Zhineng has secured $50 million in startup funding."), "funding", "amount_usd") == {
        ("Baichuan AI", 50e6)}
    # tests/pages8 w097-w102, w047-w050 (read after its intake measurement): Nokia, LegalZoom
    assert _market(events("Nvidia announced a partnership with Nokia. Shares of Nokia rose 22% on Tuesday.")) == {
        ("Nokia", 22.0, None)}
    assert _market(events("LegalZoom shares fell 19.7% on Tuesday.")) == {("LegalZoom", -19.7, None)}
    # tests/pages9 x010 (read after its measurement): Alphawave, one of the telecoms, industrials and chipmakers added
    assert _market(events("Alphawave soared 26% to 187.9 pence per share in trading today on the LSE.")) == {
        ("Alphawave", 26.0, None)}


def test_review_of_this_sessions_market_policy_and_leadership_rules():
    # a review of 30eb09d..34b628b
    # (a noun move of what follows "respectively" is no share move)
    assert _market(events("Shares of Amazon rose 9% after hours. Amazon and Microsoft saw increases of 20% and 39%, "
                          "respectively, in their cloud businesses.")) == {("Amazon", 9.0, None)}
    # (an editor's note or a past update is no policy act)
    for text in ("This story has been updated to include comment from the Commerce Department on the chip export "
                 "restrictions.", "Under export controls updated in 2023, Nvidia cannot sell its most advanced chips "
                 "to China."):
        assert not [e for e in events(text) if e["type"] == "policy"]
    # (a role assumed is a post named; a thing announced as the new one is no person)
    assert not _moves(events("Nvidia CEO Jensen Huang has assumed a central role in U.S.-China trade talks."))
    assert not _moves(events("Google announced Gemini Live as the new default assistant on Pixel phones."))
    assert not _moves(events("OpenAI announced Abu Dhabi as its next Stargate site."))


def test_second_review_of_this_sessions_market_policy_and_leadership_rules():
    # a review of 34b628b..0bb867b
    assert _market(events("Stocks fell. Nvidia and AMD saw gains of 3% and 5%, respectively, in after-hours "
                          "trading.")) == {("Nvidia", 3.0, None), ("AMD", 5.0, None)}
    assert _market(events("Stocks fell. Shares of Nvidia and AMD saw declines of 4% and 6%, respectively, on "
                          "Friday.")) == {("Nvidia", -4.0, None), ("AMD", -6.0, None)}
    # (a rule updated now is acted on; guidance updated is expected, no act)
    found = events("The Commerce Department on Monday updated its export controls on advanced AI chips to China.")
    assert {e["measure"] for e in found if e["type"] == "policy"} == {"chip export controls"}
    assert not [e for e in events("Updated guidance from the European Commission on the AI Act is expected next "
                                  "month.") if e["type"] == "policy"]
    assert _moves(events("Fidji Simo will assume the CEO role of OpenAI's Applications division.")) == {
        ("OpenAI", "Fidji Simo")}
    assert _moves(events("Jane Doe will assume her new role as chief technology officer of Mistral AI in July.")) == {
        ("Mistral AI", "Jane Doe")}


def test_review_of_the_misses_across_the_development_sets():
    # pages10 y085, y084: a product line's first model told as a model, with a word of its description in quotes, or
    # as the object of an announced launch
    for text in ("On 10 June, French AI startup Mistral unveiled Magistral, a new “reasoning” model designed to tackle "
                 "complex problems through structured, step-by-step logic.",
                 "French artificial intelligence startup Mistral recently announced the launch of Magistral, a "
                 "sophisticated \"reasoning\" model."):
        assert ("Mistral AI", "Magistral") in {(e["org"], e["model"]) for e in events(text)
                                               if e["type"] == "model_release"}, text
    # ... and a new name so told
    found = events("Acme AI announced the launch of Zephyrine, its new “agentic” model.")
    assert ("Acme AI", "Zephyrine") in {(e["org"], e["model"]) for e in found if e["type"] == "model_release"}
    # pages10 y026: a party taken to court is sued
    found = events("The New York Times has taken Perplexity to court, accusing the AI search startup of scraping its "
                   "journalism.")
    sides = {(e["org"], e["counterparty"]) for e in found if e["type"] == "legal"}
    assert sides == {("Perplexity", "The New York Times")}
    # pages11 z020: a departure announced in a headline's present tense
    assert _moves(events("Soumith Chintala announces his departure from Meta after eleven years.")) == {
        ("Meta", "Soumith Chintala")}
    # pages11 z054: a law put off is a government's action; delays as a noun are none
    found = events("Colorado delays implementing first-in-the-nation AI law")
    assert {e["jurisdiction"] for e in found if e["type"] == "policy"} == {"Colorado (US)"}
    assert not [e for e in events("US tariff uncertainty causes delays in chipmakers’ investment decisions under the "
                                  "export rules.") if e["type"] == "policy"]
    # pages11 z066 (pages6 u036, pages9 x081 too): legal proceedings against a party
    found = events("Ziff Davis, a digital media publisher, has initiated legal proceedings against OpenAI, accusing "
                   "the Microsoft-backed AI company of copyright infringement.")
    assert {(e["org"], e["counterparty"]) for e in found if e["type"] == "legal"} == {("OpenAI", "Ziff Davis")}
    # pages12 k060: an agreement sealed, its sum in US dollars written "US$"
    found = events("In a bold move, OpenAI and Amazon sealed a US$38 billion agreement that grants the ChatGPT creator "
                   "access to AWS data centres.")
    assert {frozenset(p) for p in _partners(found)} == {frozenset({"OpenAI", "Amazon"})}
    # pages12 k068: a government bans a company told by what it is
    found = events("Australia has banned the Chinese AI company DeepSeek from government systems and devices due to "
                   "national security concerns.")
    assert {(e["org"], e["jurisdiction"]) for e in found if e["type"] == "policy"} == {("DeepSeek", "Australia")}
    # pages11 z092: a listing's close told with its figure and no word of shares
    found = events("Zhipu AI closed 13.2% higher on Thursday.")
    assert _market(found) == {("Zhipu AI", 13.2, None)}
    # (pages8 w059) a version number after an unknown name is no new version of DeepSeek's "V2" line where DeepSeek is
    # not named; where it is, it is
    for text in ("Deep Cogito unveiled Cogito v2.1, a substantial 671-billion-parameter system.",
                 "Mistral unveiled Foo v3.5."):
        assert not [e for e in events(text) if e["type"] == "model_release"], text
    assert {(e["org"], e["model"]) for e in events("DeepSeek unveiled V3.5.") if e["type"] == "model_release"} == {
        ("DeepSeek", "V3.5")}
    # pages7 v008, v071: a person being hired, or brought in, moves; investors brought in do not
    assert _moves(events("OpenAI is hiring Fidji Simo — the CEO of grocery delivery firm Instacart — to be the new CEO "
                         "of OpenAI Applications.")) == {("OpenAI", "Fidji Simo")}
    assert _moves(events("Tech giant Google has brought in Varun Mohan, co-founder and CEO of Windsurf, as part of its "
                         "ongoing efforts to strengthen its AI capabilities.")) == {("Google", "Varun Mohan")}
    assert not _moves(events("MiniMax, on the other hand, has brought in 14 cornerstone investors, including Aspex, "
                             "Eastspring, Mirae Asset, Alibaba, and E Fund."))


def test_review_of_the_pages13_errors():
    # m088: an unknown company's release told with an adverb between the name and the verb
    found = events("Prime Intellect just released INTELLECT-3, a 106B-parameter Mixture-of-Experts (MoE) model that "
                   "utilizes only 12B active parameters at inference time.")
    assert ("Prime Intellect", "INTELLECT-3") in {(e["org"], e["model"]) for e in found
                                                  if e["type"] == "model_release"}
    # m009: a party being taken to court
    found = events("Amazon is taking Perplexity AI to court over its Comet browser.")
    assert {(e["org"], e["counterparty"]) for e in found if e["type"] == "legal"} == {("Perplexity", "Amazon")}
    # m016: stepping in as a company's new CEO
    assert _moves(events("Amid intense competition, semiconductor industry veteran Lip-Bu Tan steps in as Intel’s new "
                         "CEO, bringing a mindset fueled by challenges.")) == {("Intel", "Lip-Bu Tan")}
    # m012, m026: a person told as a company's new holder of a post; not one listed beside them
    assert _moves(events("Everything you need to know about Lip-Bu Tan, Intel’s new CEO")) == {("Intel", "Lip-Bu Tan")}
    assert _moves(events("Groq will continue to operate independently under new chief executive Simon Edwards.")) == {
        ("Groq", "Simon Edwards")}
    assert ("Meta", "Mark Zuckerberg") not in _moves(events(
        "He will work closely with Mark Zuckerberg and Alexandr Wang, Meta’s new Chief AI Officer."))
    # m072, m073: a government allowing chips' exports acts on export controls
    for text in ("President Trump announced White House approval for Nvidia to export H200 AI chips to approved "
                 "customers in China.",
                 "Donald Trump authorized exports of Nvidia's H200 AI chips to China, easing previous restrictions"):
        assert {(e["jurisdiction"], e["measure"]) for e in events(text) if e["type"] == "policy"} == {
            ("US", "chip export controls")}, text
    # m037, m040: a market value reached is a move with no figure (not the level as its amount); a private company's
    # valuation passed is none (realset r041)
    for text in ("Nvidia made history by becoming the first company to reach a $5 trillion market valuation.",
                 "Nvidia has become the first company to achieve a market capitalisation of $5 trillion."):
        assert _market(events(text)) == {("Nvidia", None, None)}, text
    assert not _market(events("Anthropic has become the most valuable artificial intelligence startup in the world, "
                              "surpassing OpenAI in market valuation."))
    # m055: one who will lead a new division moves
    assert _moves(events("Peter DeSantis, a senior vice president at Amazon Web Services, will lead a new division "
                         "that brings together frontier AI models.")) == {("AWS", "Peter DeSantis")}
    # (pages5 t030, pages6 u043, u100) one who says they will step into a post moves, as does one brought in or who has
    # agreed to join
    assert _moves(events("OpenAI co-founder Ilya Sutskever announced Thursday that he will step into the CEO role at "
                         "Safe Superintelligence, an artificial intelligence startup he founded in 2024.")) == {
        ("Safe Superintelligence", "Ilya Sutskever")}
    assert _moves(events("Apple has made a sharp leadership pivot in its AI department, bringing in Amar Subramanya to "
                         "replace outgoing chief John Giannandrea.")) >= {("Apple", "Amar Subramanya")}
    assert _moves(events("Now, James Cameron has agreed to join the board of directors for the controversial tech "
                         "company Stability AI.")) == {("Stability AI", "James Cameron")}
    # (realset r282) a short form counts where the article names another model of its maker in full
    found = events("Claude Sonnet 5 outperforms Opus 4.8 on agentic knowledge work tasks.",
                   title="Claude Sonnet 5 review")
    assert {e["compared_to"] for e in found if e["type"] == "benchmark_claim"} == {"Opus 4.8"}
    # m018-m022: MBZUAI is named as news names it, whichever way the page spells it
    found = events("Researchers at the Mohamed bin Zayed University of Artificial Intelligence released K2 Think, an "
                   "open-source reasoning model.")
    assert {e["org"] for e in found if e["type"] == "model_release"} == {"MBZUAI"}


def test_review_of_new_model_names():
    # pages13 m085: a new model named first in a headline that does not tell its maker is released by the company
    # that a later sentence says released it
    found = events("Prime Intellect has officially released INTELLECT-3, a 106-billion-parameter Mixture-of-Experts "
                   "(MoE) model. The INTELLECT-3 model was trained using Prime Intellect's proprietary RL stack.",
                   title="Prime Intellect Releases INTELLECT-3, Open-Sourcing 106B MoE Model and RL Stack")
    assert ("Prime Intellect", "INTELLECT-3") in _released(found)
    # pages8 w080: a name in camel case told as a model
    found = events("The smartphone maker announced on Friday that MiMo, an open-source model with 7 billion "
                   "parameters, rivals larger models. According to Xiaomi, MiMo is the company’s first large language "
                   "model.", title="Xiaomi Unveils MiMo AI Model")
    assert ("Xiaomi", "MiMo") in _released(found)
    # (realset r281, pages9 x026) ... not a name told as a benchmark or a framework for models
    for text in ("We’re excited to introduce FrontierCode, a benchmark that measures how well models can truly meet "
                 "the standards of production codebases. FrontierCode was built by Cognition.",
                 "Alibaba’s research team has unveiled ZeroSearch, a reinforcement-learning framework that lets large "
                 "language models teach themselves how to search. ZeroSearch needs no search engine."):
        assert not _released(events(text)), text
    # pages12 k093: a model dropped is released; a price that drops is not
    assert _released(events("The Bengaluru-based startup Sarvam recently dropped Sarvam-1, a 2-billion parameter "
                            "model designed for Indian languages.",
                            published=datetime(2024, 11, 1, tzinfo=timezone.utc))) == {("Sarvam AI", "Sarvam-1")}
    assert not _released(events("On Claude Opus 4.8 our example thread drops from $11.35 to $2.07, an 81.8% "
                                "reduction."))


def test_review_of_the_pages14_errors():
    # n031 (pages12 k107 too): the sum of a contract is no round, even beside a round's name; a funding deal's is one
    found = events("Microsoft is writing checks faster than a startup burning through Series A funding, and today's "
                   "$9.7 billion contract with Australia's IREN proves the company isn't slowing down.")
    assert not [e for e in found if e["type"] == "funding"]
    found = events("Acme AI raised $40 million in a Series A funding deal led by Sequoia.")
    assert {(e["org"], e["amount_usd"]) for e in found if e["type"] == "funding"} == {("Acme AI", 40_000_000)}
    # n015: one who is now a company's holder of a post moves
    assert _moves(events("Koray Kavukcuoglu, a top executive at DeepMind, is now Google’s chief AI architect.")) == {
        ("Google", "Koray Kavukcuoglu")}
    # n066: the first point under a page's summary label is its news, not a related story under a section's label; and
    # one who exits a company leaves it
    found = events("Key Points\n- CFO Mike Liberatore exits xAI just 3 months after joining\n- Resignation follows "
                   "$10B funding and data center expansion\nElon Musk’s AI startup, xAI, is losing key leaders.",
                   title="Key Points")
    assert ("xAI", "Mike Liberatore") in _moves(found)
    # n001, n054 (pages4 r032 too): a score with its measure after it, on a named test
    found = events("DeepSeek AI today unveiled DeepSeek-Prover-V2, an open-source large language model that achieves "
                   "a record 88.9% pass rate on the MiniF2F benchmark for formal theorem proving.")
    assert {(e["model"], e["compared_to"]) for e in found if e["type"] == "benchmark_claim"} == {
        ("DeepSeek-Prover-V2", "MiniF2F")}
    found = events("OpenAI’s latest o3 reasoning model achieved an unprecedented 25% success rate on Frontier Math "
                   "problems.")
    assert {(e["model"], e["compared_to"]) for e in found if e["type"] == "benchmark_claim"} == {
        ("o3", "Frontier Math")}
    # n090 (pages2 p061 too): a government banning the use of AI
    found = events("Illinois has banned the use of AI in mental health therapy, making it the latest state to draw a "
                   "hard line on chatbots in clinical care.")
    assert {e["jurisdiction"] for e in found if e["type"] == "policy"} == {"Illinois (US)"}
    # n036: in a market story, a company named with its legal form, its fall told in a participle after its plight
    found = events("Chip stocks slumped on Friday. Communications chipmaker Broadcom Corp. was hammered last week, "
                   "falling 31 percent, or $67.19, between Nov. 7 and Nov. 8.")
    assert _market(found) == {("Broadcom", -31.0, None)}
    # n068: models listed after a colon further on than a plain list's, where the verb's object is the models; not an
    # upload's destination (realset r272)
    found = events("OpenAI has released two large language models with open weights for the first time since GPT-2: "
                   "gpt-oss-120b and gpt-oss-20b.")
    assert _released(found) == {("OpenAI", "gpt-oss-120b"), ("OpenAI", "gpt-oss-20b")}
    # n005, n006: a party noun that begins a name is no party ("Authors Guild sues ..."); a group told by it is
    assert not [e for e in events("Authors Guild sues universities over online books") if e["type"] == "legal"]
    found = events("Three authors filed a class action lawsuit against Nvidia.")
    assert {(e["org"], e["counterparty"]) for e in found if e["type"] == "legal"} == {("Nvidia", "authors")}
    # n013: the chief one reports to does not move; one named as the company's VP whom teams report to does (r163)
    assert _moves(events("Google has appointed Koray Kavukcuoglu, Google DeepMind’s chief technology officer, as its "
                         "first chief AI architect, a new senior vice president role reporting directly to CEO Sundar "
                         "Pichai.")) == {("Google", "Koray Kavukcuoglu")}
    # n083: a versioned name launched with a product's noun after it is no model
    found = events("The announcement comes almost a year after Ambani launched the Reliance Jio 4G network with free "
                   "voice calls for life.")
    assert not _released(found)


def test_review_of_the_pages15_errors():
    # j033, j036: the person a trade introduces right after "sued" is the defendant, not a company named later
    found = events("xAI has sued former engineer Xuechen Li for allegedly stealing its confidential technology, and "
                   "then attempting to take it to OpenAI where was supposed to join earlier this month.")
    assert {frozenset(pair) for pair in _typed(found, "legal", "counterparty")} == {frozenset({"xAI", "Xuechen Li"})}
    # j017: a company acquired by another, in the passive
    found = events("U.K. chip company Graphcore has been formally acquired by Japan’s SoftBank.")
    assert _typed(found, "acquisition", "target") == {("SoftBank", "Graphcore")}
    # ... not what a pronoun's clause tells of a company named before
    assert not _typed(events("The founders started Arc, and it was acquired by Atlassian for $610 million."),
                      "acquisition", "target")
    # j064-j068: any country can pass an AI law, not only the ones news named most before
    found = events("Kazakhstan’s president has signed a law establishing the country’s first regulatory framework for "
                   "artificial intelligence, setting principles for safety, transparency and accountability.")
    assert {e["jurisdiction"] for e in found if e["type"] == "policy"} == {"Kazakhstan"}
    # j109: Latin America is no US
    found = events("On 7 May 2024, the Chilean Chamber of Deputies introduced the Artificial Intelligence (AI) Bill, "
                   "making it one of the first countries in Latin America to kickstart legislative efforts.")
    assert "US" not in {e["jurisdiction"] for e in found if e["type"] == "policy"}
    # j047: what a backer's founder co-founded is no company of the round
    found = events("His lock screen content platform Glance, a subsidiary of InMobi, has raised $145 million from "
                   "Google and existing investor Mithril Capital, an investment fund of Peter Thiel, who co-founded "
                   "PayPal and Palantir Technologies.")
    assert not {e["org"] for e in found if e["type"] == "funding"} & {"Palantir", "PayPal"}
    # j026: a summary's label before a headline's colon is no model's name
    found = events("Baichuan released it.", title="TLDR: Baichuan-M2 is a 32-billion-parameter medical AI model that "
                   "introduces a dynamic verification framework to bridge the gap between benchmark performance and "
                   "real-world clinical utility.")
    assert {e["model"] for e in found if e["type"] == "model_release"} == {"Baichuan-M2"}
    # pages16 i099 (the one error of this session's rules read there): a pronoun acquired names no company
    assert not _typed(events("It was acquired by US investment firm Bain Capital in 2018."), "acquisition", "target")


def test_review_of_the_pages16_errors():
    # i044: two companies that agree to extend their partnership
    found = events("BBVA and OpenAI have agreed to extend their partnership through a multi-year programme focused on "
                   "the wider use of generative artificial intelligence.")
    assert {frozenset(p) for p in _typed(found, "partnership", "partner")} == {frozenset({"BBVA", "OpenAI"})}
    # i099: a percentage written "pc", as British papers write it
    found = events("Shares in Kioxia jump 10pc on Tokyo debut")
    assert {(e["org"], e["pct"]) for e in found if e["type"] == "market_move"} == {("Kioxia", 10.0)}
    # i091: a weekday after the names is no partner
    found = events("Auto group Stellantis N.V. (STLA) and Taiwanese electronics giant Hon Hai Precision Industry Co., "
                   "or popularly known as Foxconn, Tuesday announced a new joint venture, called Mobile Drive.")
    assert "Tuesday" not in {e["partner"] for e in found if e["type"] == "partnership"}
    # i008, i052: a ticker names the company the article gives it to
    found = events("Tempus AI, Inc. (Nasdaq: TEM), a healthcare technology company, experienced a sharp decline in its "
                   "stock price. Following the report's publication, TEM shares fell as much as 18%, marking one of "
                   "the worst trading days in the company's history.")
    assert {(e["org"], e["pct"]) for e in found if e["type"] == "market_move"} == {("Tempus AI", -18.0)}
    found = events("Data center real estate investment trust Fermi's FRMI.O shares plunge 42% to $8.4 premarket")
    assert {(e["org"], e["pct"]) for e in found if e["type"] == "market_move"} == {("Fermi", -42.0)}
    # i062, i066: suits told as the likes of the article's own are no suits of their parties
    found = events("The case joins dozens of similar lawsuits filed by authors, news outlets and content owners "
                   "against tech companies including OpenAI, Microsoft and Meta over alleged misuse of copyrighted "
                   "material.")
    assert not [e for e in found if e["type"] == "legal"]
    found = events("However, it is likely that the Salesforce case will settle rather than go to trial, similar to the "
                   "settlement of the Anthropic lawsuit, said Kashyap Kompella, founder and analyst at RPA2AI.")
    assert not [e for e in found if e["type"] == "legal"]


def test_review_of_the_pages17_errors():
    # f001: a sentence's opening conjunction is no word of the company's name
    found = events("So Cognition AI just raised $400 million at a $10.2 billion valuation.")
    assert {e["org"] for e in found if e["type"] == "funding"} == {"Cognition AI"}
    # f084: where a target is based is no part of its name
    found = events("Nvidia acquired Israel-based Run:ai for $700 million.")
    assert _typed(found, "acquisition", "target") == {("Nvidia", "Run:ai")}
    # f104, f076: backers listed after one who is no company, or past the words between, are no company of the round
    found = events("The company, backed by Jeff Bezos and Nvidia, is reportedly seeking $500 million in funding at an "
                   "$8 billion valuation.")
    assert "Nvidia" not in {e["org"] for e in found if e["type"] == "funding"}
    found = events("The $1.05bn investment is backed by the Japanese conglomerate along with the California chipmaker "
                   "Nvidia and Microsoft, and is the biggest investment to date in a European AI startup.")
    assert not {e["org"] for e in found if e["type"] == "funding"} & {"Nvidia", "Microsoft"}
    # f030, f107: one who will step into a post's role, or has taken on the role of a post, moves
    assert _moves(events("Sabih Khan, currently Apple's senior VP of operations, will step into the COO role.")) == {
        ("Apple", "Sabih Khan")}
    assert _moves(events("Karandeep Anand, a notable name in artificial intelligence, has taken on the role of chief "
                         "executive officer (CEO) at Character.AI.")) == {("Character.AI", "Karandeep Anand")}
    # ... not one who has taken a larger role in something (realdev g24)
    assert not _moves(events("OpenAI co-founder and president Greg Brockman has taken a larger role in management "
                             "following Simo’s departure."))
    # f078: an amount with its multiplier hyphenated, as an adjective
    found = events("LONDON: Britain's tech start-up Wayve on Tuesday announced a record $1.05-billion fundraising led "
                   "by Japan's SoftBank to develop artificial intelligence systems for autonomous vehicles.")
    assert {(e["org"], e["amount_usd"]) for e in found if e["type"] == "funding"} == {("Wayve", 1_050_000_000)}
    # f019: the code released for a model releases it
    found = events("Microsoft Corp. today released the code for Phi-4, a small language model that can generate text "
                   "and solve math problems.")
    assert {e["model"] for e in found if e["type"] == "model_release"} == {"Phi-4"}
    # f011: the second of two companies named with its owner's possessive
    found = events("Toyota Motor and Alphabet’s Waymo announced a potential collaboration on Wednesday to create a new "
                   "autonomous vehicle platform.")
    assert {frozenset(p) for p in _typed(found, "partnership", "partner")} == {frozenset({"Toyota", "Waymo"})}
    # f021, f024: a number between a name's words
    found = events("Strike 3 Holdings sued Meta in July, alleging it downloaded adult videos to train AI.")
    assert {frozenset(p) for p in _typed(found, "legal", "counterparty")} == {frozenset({"Meta", "Strike 3 Holdings"})}


def test_review_of_the_development_sets_errors_of_2026_12_08():
    # pages9 x090: promoting, a participle of the clause, names its object's new post
    assert _moves(events("Tencent Holdings has restructured its AI operations, promoting Yao Shunyu, a former OpenAI "
                         "researcher, to chief AI scientist.")) == {("Tencent", "Yao Shunyu")}
    # pages9 x089: hired, in the passive, by the company named after it
    assert _moves(events("Yao Shunyu, a researcher who recently worked at OpenAI, has been hired by Tencent Holdings "
                         "Ltd., according to sources.")) == {("Tencent", "Yao Shunyu")}
    # ... not one who hired someone
    assert _moves(events("Tencent hired by far the most engineers of any Chinese company last year.")) == set()
    # pages17 f102, f103, f105, pages10 y029 (and five more): a side told by what it is, where the article names a side
    # against the same company, is the same suit
    found = events("Dow Jones and the New York Post sued Perplexity in October, alleging it copied their articles. "
                   "Publishers have sued Perplexity for copyright infringement before.")
    assert {e["counterparty"] for e in found if e["type"] == "legal"} <= {"Dow Jones", "New York Post"}
    # ... but one so told is the suit where no side is named (realset r135: a court's name is no side)
    found = events("Judges at the Munich Regional Court I were asked to rule on lawsuits filed against Google by two "
                   "Munich-based publishing companies.")
    assert {e["counterparty"] for e in found if e["type"] == "legal" and e["org"] == "Google"}
    # pages8 w083: a new model's name after the model word and its acronym
    text = ("Chinese tech giant Xiaomi has entered the competitive artificial intelligence (AI) world by unveiling its "
            "first large language model (LLM), MiMo. MiMo has 7 billion parameters.")
    assert ("Xiaomi", "MiMo") in {(e["org"], e["model"]) for e in events(text) if e["type"] == "model_release"}
    # pages8 w027, pages17 f012, pages12 k013 (and four more): a company owned by another is no partner of its owner
    assert not _typed(events("Microsoft Integrates GitHub into AI Division as CEO Dohmke Resigns"), "partnership",
                      "partner")
    found = events("Alphabet’s Waymo self-driving division has reached a preliminary agreement with Toyota Motor.")
    assert frozenset({"Google", "Waymo"}) not in {frozenset(p) for p in _typed(found, "partnership", "partner")}
    # pages5 t087: investors piling in to data centres are no company spending on its own build-out
    found = events("Crusoe raises $1.4bn as investors pile in to AI data centres")
    assert {(e["org"], e["amount_usd"]) for e in found if e["type"] == "funding"} == {("Crusoe", 1_400_000_000)}
    assert not [e for e in events("Meta is investing $1 billion in a new data centre.") if e["type"] == "funding"]
    # pages8 w054-w056: a government keeping foreign chips out of its own computers
    found = events("China has introduced guidelines to phase out U.S. microprocessors from Intel and AMD from "
                   "government personal computers and servers, the Financial Times reported on Sunday.")
    policies = {(e["jurisdiction"], e["measure"]) for e in found if e["type"] == "policy"}
    assert policies == {("CN", "government chip ban")}
