"""Pick the held-out real-article set (tests/holdout) from the hn-digest git mirror (stdlib only).

Reproducible: the same mirror commit, the same rules and SEED give the same manifest.

1. Candidates: every `contents/<date>/*.md` of jedipunkz/hn-digest at COMMIT whose `## Original
   Extract` (the text build.py uses) is over 1,500 characters, that is English, is about the AI
   industry (an AI-industry keyword in the HN title + the first 600 characters of the extract), is
   not Show/Ask/Tell/Launch HN, not a GitHub / arXiv / docs / wiki / model-card / forum / video page,
   and whose normalised URL or normalised title is not already in tests/realset/manifest.jsonl or
   ../shared/realdev (labels.json sources, articles/*.md headlines). Reposts of one URL or one title
   are collapsed to the earliest file.
2. Sample: candidates split by outlet kind (NEWS_DOMAINS vs everything else), each stratum sorted by
   path and shuffled with random.Random(f"{SEED}-{kind}"); the first 40 news and 20 other are taken,
   skipping the files listed in REJECTED (junk found on inspection: replaced by the next one of the
   same stratum's shuffled order).
3. Ids h001-h060 are assigned in (published, path) order.
4. Batch 2 (h061-h120), news only: the news candidates that step 2 neither took nor rejected, sorted
   by path and shuffled with random.Random(f"{SEED2}-news"); the first 60 are taken, skipping the
   files listed in REJECTED2; ids h061-h120 are assigned in (published, path) order. Batch 1 is
   written first and is unchanged by batch 2.
5. Batch 3 (h121-h180), news only: the news candidates that batches 1 and 2 neither took nor
   rejected, sorted by path and shuffled with random.Random(f"{SEED3}-news"); the first 60 are
   taken, skipping the files listed in REJECTED3; ids h121-h180 are assigned in (published, path)
   order. Batches 1 and 2 are written first and are unchanged by batch 3.
6. Batch 4 (h181-h240), news only, held out like batch 2: the news candidates that batches 1-3
   neither took nor rejected, sorted by path and shuffled with random.Random(f"{SEED4}-news"); the
   first 60 are taken, skipping the files listed in REJECTED4; ids h181-h240 are assigned in
   (published, path) order. Batches 1-3 are written first and are unchanged by batch 4.
7. Batch 5 (h241-h300), news only, a development batch like batch 3: the same draw from what batches 1-4
   left, seed SEED5, skipping REJECTED5; batches 1-4 are unchanged by it.
8. Batch 6 (h301-h360), news only: the same draw from what batches 1-5 left, seed SEED6, skipping REJECTED6;
   batches 1-5 are unchanged by it.
9. Batch 7 (h361-h420), news only: the same draw from what batches 1-6 left, seed SEED7, skipping REJECTED7;
   batches 1-6 are unchanged by it.
10. Batch 8 (h421-h480), news only: the same draw from what batches 1-7 left, seed SEED8, skipping REJECTED8;
   batches 1-7 are unchanged by it.
11. Batch 9 (h481-h540), news only and **event-cued**: the news candidates batches 1-8 left whose HN title
   matches EVENT_CUE (a verb or noun of an event type, below; chosen without running the extractor), seed
   SEED9, skipping REJECTED9; batches 1-8 are unchanged by it. The random batches carry about 7 required
   events per 60 articles, too few to show where the extractor misses news; this one is drawn to carry more.
12. Batch 10 (h541-), the event-cued news candidates batch 9 left (fewer than 60), seed SEED10, skipping REJECTED10.
13. Batch 11 (h588-), news only and **lead-cued**: the news candidates batches 1-10 left whose extract's first 600
   characters match LEAD_CUE (an amount of money, or a past-tense or reporting phrase of an event type; stricter than
   EVENT_CUE because a lead has many more words than a title; chosen without running the extractor), seed SEED11,
   skipping REJECTED11; batches 1-10 are unchanged by it.
14. Batch 12 (h648-), the lead-cued news candidates batch 11 left (fewer than 60), seed SEED12, skipping REJECTED12.
15. Batch 13 (h680-h739), news only, drawn at random again (no cue) from what batches 1-12 left, seed SEED13, skipping
   REJECTED13: the cued candidates are used up.
16. Batch 14 (h740-h799), the same random draw from what batches 1-13 left, seed SEED14, skipping REJECTED14.
17. Batch 15 (h800-h859), the same random draw from what batches 1-14 left, seed SEED15, skipping REJECTED15.
18. Batch 16 (h860-h919), the same random draw from what batches 1-15 left, seed SEED16, skipping REJECTED16.
19. Batch 17 (h920-h979), the same random draw from what batches 1-16 left, seed SEED17, skipping REJECTED17.
20. Batch 18 (h980-h1039), the same random draw from what batches 1-17 left, seed SEED18, skipping REJECTED18.
21. Batch 19 (h1040-h1099), the same random draw from what batches 1-18 left, seed SEED19, skipping REJECTED19.
22. Batch 20 (h1100-h1159), the same random draw from what batches 1-19 left, seed SEED20, skipping REJECTED20.
23. Batch 21 (h1160-h1219), the same random draw from what batches 1-20 left, seed SEED21, skipping REJECTED21.
24. Batch 22 (h1220-h1279), **lab pages**: a random draw from the *other* candidates batch 1 left whose host is an AI
   lab's or a large technology company's own site (LAB_DOMAINS: their news, blog and research pages, where models
   are announced), seed SEED22, skipping REJECTED22. The news candidates are nearly used up, and the real articles
   we are measured on include such pages.
25. Batch 23 (h1280-h1339), lab pages again: the same draw from the LAB_DOMAINS candidates batch 22 left, seed SEED23,
   skipping REJECTED23; labelled before any rule saw batch 22, measured after.
26. Batch 24 (h1340-h1399), news again: the same random draw as batches 13-21 from the news candidates batches 1-23
   left, seed SEED24, skipping REJECTED24.
27. Batch 25 (h1400-h1459), the same random draw from the news candidates batches 1-24 left, seed SEED25, skipping
   REJECTED25; labelled before any rule saw batch 24, measured after.
28. Batch 26 (h1460-h1497), the last of hn-digest: every news and LAB_DOMAINS candidate batches 1-25 left (fewer than
   60), in the order of seed SEED26, skipping REJECTED26; labelled before any rule saw batch 25, measured after.
29. Batch 27 (h1498-h1557), another source: the bookmark repositories tests/realset also reads (BOOKMARK_REPOS, at the
   same commits), whose `*_raw.md` files hold r.jina.ai reader output of pages their owners bookmarked in 2024-2025,
   mostly blogs. Candidates pass the same rules (reason_out; the title is the page's `Title:`), one per URL or title
   across the three repositories (the first path in repository order); 60 taken in the order of seed SEED27, skipping
   REJECTED27. Published: the URL's date, else the page's `Published Time:`, else the bookmark's date (the file
   name's). (A page without a title is out as "already used": ../shared/realdev has untitled articles, so the empty
   title is in the exclusions; one such page, VandeeFeng's 2025-03-15 "actual-llm-agents-are-coming", is left out by
   this. Kept so, as changing it would reshuffle batches 27-29.)
30. Batches 28 (h1558-h1617), 29 (h1618-h1677) and 30 (h1678-h1737): the next 60 of batch 27's order each; each
   labelled after the rules from the batch before it, measured before any rule saw it.
31. Batch 31 (h1738-): the rest of batch 27's order (fewer than 60 were left), the same way.
32. Batch 32 (h1795-), another source: AI labs' own news pages saved as raw HTML by generative-ai-practice/
   news-summarizer-ai (LAB_PAGES_REPO at LAB_PAGES_COMMIT): `output/<lab>/articles/raw/*.html` (OpenAI News, the
   Google Gemini blog, Anthropic News), URL and title from the sibling `summaries/<same name>.md` front matter. The
   text is what the pipeline reads: trafilatura through transforms.articles.extract_page (so this batch needs the
   project's environment: `.venv/bin/python tests/holdout/pick.py`; rows carry "format": "html"). Published: the
   page's own date (lab_page_date: meta article:published_time, else JSON-LD datePublished, else the date printed
   as the first text element "Month D, YYYY" of the page, the article header's; never the file name's or the
   summary's `published:`, which are sometimes wrong); no date, no row. Candidates: a URL in the summary (none
   lacks one), a date, over 1,500 characters
   of text, a URL not in batches 1-31, tests/realset, ../shared/realdev (labels.json sources, articles' Source:
   lines), ../shared/corpus or ../shared/archive (every http(s) URL written in their files); one per URL. N_32
   taken in the order of seed SEED32.

Usage: .venv/bin/python tests/holdout/pick.py [--mirrors ../.mirror] [--out tests/holdout/manifest.jsonl]
       [--realdev ../shared/realdev] [--shared ../shared] [--list-candidates FILE]
(Batches 1-31 need only the standard library; batch 32 imports transforms.articles, so a plain python3 without the
project's packages stops with an error before writing anything.)
"""

import argparse
import hashlib
import json
import random
import re
import subprocess
import sys
import threading
from pathlib import Path
from urllib.parse import urlsplit

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent
REPO_NAME = "jedipunkz/hn-digest"
COMMIT = "a7be715a39b20df23425a5c2527c879e7a0bb4e7"
MARKER = "## Original Extract"
SEED = 20260823
N_NEWS, N_OTHER = 40, 20
# Batch 2 (h061-h120): news stratum only, a second seeded draw from the news candidates that batch 1
# neither took nor rejected (batch 1 had too few events to measure recall).
SEED2 = 20260901
N_NEWS2 = 60
# Batch 3 (h121-h180): news stratum only, a third seeded draw from the news candidates that batches 1
# and 2 neither took nor rejected (a development batch, used to find errors like batch 1).
SEED3 = 20261001
N_NEWS3 = 60
# Batch 4 (h181-h240): news stratum only, a fourth seeded draw from the news candidates that batches 1-3
# neither took nor rejected (held out like batch 2, which has too few events to measure alone).
SEED4 = 20261204
N_NEWS4 = 60
# Batch 5 (h241-h300): news stratum only, a fifth seeded draw from the news candidates that batches 1-4 neither
# took nor rejected (a development batch: measured once unseen, then used to find errors like batches 1 and 3).
SEED5 = 20261205
N_NEWS5 = 60
# Batch 6 (h301-h360): news stratum only, a sixth seeded draw from what batches 1-5 neither took nor rejected (drawn
# after batches 2 and 4 had been measured many times: measured once unseen, then a development batch like batch 5).
SEED6 = 20261206
N_NEWS6 = 60
# Batch 7 (h361-h420): news stratum only, a seventh seeded draw from what batches 1-6 neither took nor rejected
# (measured once unseen, then a development batch like batches 5 and 6).
SEED7 = 20261207
N_NEWS7 = 60
# Batch 8 (h421-h480): the same, an eighth draw from what batches 1-7 left.
SEED8 = 20261208
N_NEWS8 = 60
# Batch 9 (h481-h540): a ninth draw, from the news candidates whose HN title reads like an event of some type.
SEED9 = 20261209
N_NEWS9 = 60
EVENT_CUE = re.compile(
    r"\b(?:rais(?:es|ed|ing)|funding|valuation|series [a-f]|invest(?:s|ment)"  # funding
    r"|acquir(?:es?|ed)|buys|bought|to buy|acquisition|merger"  # acquisition
    r"|sues?|sued|lawsuit|suit|fined|settle[sd]?|charged|indicted|court|judge|copyright"  # legal
    r"|partners?|partnership|teams up|deal|ties up|alliance"  # partnership
    r"|appoints?|names|hires?|steps down|resigns?|ceo|departs?|leaves|joins|exits?"  # leadership
    r"|launch(?:es)?|releases?|unveils?|debuts?|introduces?|rolls out|open-sources?"  # model release
    r"|bans?|bill|law|regulat\w+|executive order|export|rules?|ministry|act"  # policy
    r"|shares|stocks?|plunges?|soars?|jumps?|falls?|tumbles?|sinks?|rall(?:y|ies)|market cap"  # market move
    r"|benchmark|tops|beats|scores?|cost to train|training cost)\b",  # benchmark, training cost
    re.IGNORECASE)
# Batch 10 (h541-): the event-cued candidates batch 9 left.
SEED10 = 20261210
N_NEWS10 = 60
# Batch 11 (h588-): the news candidates whose extract's lead reads like an event (the event-cued titles are used up).
SEED11 = 20261211
N_NEWS11 = 60
# Batch 12 (h648-): the lead-cued candidates batch 11 left.
SEED12 = 20261212
N_NEWS12 = 60
# Batch 13 (h680-h739): a random draw again.
SEED13 = 20261213
N_NEWS13 = 60
# Batch 14 (h740-h799): a random draw again.
SEED14 = 20261214
N_NEWS14 = 60
# Batch 15 (h800-h859): a random draw again.
SEED15 = 20261215
N_NEWS15 = 60
# Batch 16 (h860-h919): a random draw again.
SEED16 = 20261216
N_NEWS16 = 60
# Batch 17 (h920-h979): a random draw again.
SEED17 = 20261217
N_NEWS17 = 60
# Batch 18 (h980-h1039): a random draw again.
SEED18 = 20261218
N_NEWS18 = 60
# Batch 19 (h1040-h1099): a random draw again.
SEED19 = 20261219
N_NEWS19 = 60
# Batch 20 (h1100-h1159): a random draw again.
SEED20 = 20261220
N_NEWS20 = 60
# Batch 21 (h1160-h1219): a random draw again.
SEED21 = 20261221
N_NEWS21 = 60
# Batch 22 (h1220-h1279): lab pages (LAB_DOMAINS), drawn at random.
SEED22 = 20261222
N_NEWS22 = 60
# Batch 23 (h1280-h1339): lab pages again.
SEED23 = 20261223
N_NEWS23 = 60
# Batch 24 (h1340-h1399): news, a random draw again.
SEED24 = 20261224
N_NEWS24 = 60
# Batch 25 (h1400-h1459): news, a random draw again.
SEED25 = 20261225
N_NEWS25 = 60
# Batch 26 (h1460-): what is left of the news and lab-page candidates.
SEED26 = 20261226
N_NEWS26 = 60
SEED27 = 20261227
N_27 = 60
# (the commits tests/realset/manifest.jsonl reads them at)
BOOKMARK_REPOS = {
    "VandeeFeng/bookmark-summary": "e22fa68282a6808fe50132f573d0e347fc6eb86d",
    "CrazyForks/bookmark-summary": "5cbd8765ed950eec36470688c33d45574e88a491",
    "yiGmMk/bookmark": "64582194c598d35f810c643e2c4fee225bc302ca",
}
BOOKMARK_MARKER = "Markdown Content:\n"
# Batch 32 (h1795-): AI labs' news pages saved as raw HTML (see the docstring).
LAB_PAGES_REPO = "generative-ai-practice/news-summarizer-ai"
LAB_PAGES_COMMIT = "b0fc351ca943861ed1e554a480374713088ba24a"
LAB_PAGES_OUTLETS = {"openai": "OpenAI", "gemini": "Google", "anthropic": "Anthropic"}
LAB_PAGES_LICENCE = "publisher copyright ({}; the repository states no licence)"
SEED32 = 20261232
N_32 = 60
LAB_DOMAINS = {
    "openai.com", "anthropic.com", "claude.com", "blog.google", "deepmind.google", "research.google",
    "cloud.google.com", "microsoft.com", "github.blog", "nvidia.com", "amd.com", "apple.com", "aws.amazon.com",
    "aboutamazon.com", "huggingface.co", "databricks.com", "cloudflare.com", "together.ai", "liquid.ai", "sakana.ai",
    "cohere.com", "primeintellect.ai", "ibm.com", "mozilla.ai", "meta.com", "mistral.ai", "x.ai", "deepseek.com",
}
LEAD_CUE = re.compile(
    r"[$€£]\s?\d[\d.,]*\s?(?:million|billion|[mb]n?\b)|\braised\b|\brais(?:es|ing)\b.{0,40}\bround\b|\bseries [a-e]\b"
    r"|\bacquir(?:e|es|ed|ing)\b|\bacquisition of\b|\bto buy\b"
    r"|\blawsuit\b|\bsued\b|\bsues\b|\bfiled (?:a )?(?:suit|complaint)\b|\bfined\b|\bsettle(?:d|ment)\b"
    r"|\bappointed\b|\bnamed\b.{0,40}\b(?:CEO|chief|president)\b|\bsteps? down\b|\bresign(?:s|ed)\b"
    r"|\bpartner(?:ship|s|ed) with\b|\bteam(?:s|ed) up\b|\breleased\b|\blaunched\b|\bunveiled\b|\bintroduced\b"
    r"|\bexport controls?\b|\bexecutive order\b|\bsigned into law\b|\bbanned\b|\bbans\b"
    r"|\bshares (?:fell|rose|jumped|dropped|plunged|soared|tumbled|slid|climbed|sank)\b|\bmarket (?:cap|value)\b"
    r"|\bbenchmarks?\b|\bto train\b",
    re.IGNORECASE)
MIN_CHARS = 1500

# Files of the seeded sample rejected on inspection (path -> reason); see README.
REJECTED: dict[str, str] = {
    "contents/2026-07-01/HT-ML.app-Deploy-HTML-Artifacts-from-Claude-Code-and-Codex-169d9b00.md":
        "product landing page (site root), not an article",
    "contents/2026-08-13/Fundable-the-AI-platform-for-fund-and-asset-managers-590b87d2.md":
        "product landing page (site root), not an article",
    "contents/2026-07-02/The-Download-a-startup-has-a-solution-for-AI-s-groupthink-problem-7ef6ae3c.md":
        "MIT Technology Review's daily newsletter roundup (The Download): a link list",
}
# Files of batch 2's seeded draw rejected on inspection (path -> reason); see README.
REJECTED2: dict[str, str] = {
    "contents/2026-07-08/The-Download-your-stake-in-OpenAI-and-the-Treasury-s-AI-warning-97eeea77.md":
        "MIT Technology Review's daily newsletter roundup (The Download): a link list",
    "contents/2026-07-14/Why-devs-turn-to-Buildkite-in-the-AI-era-3dce5366.md":
        "paywall stub (The Stack): 1,249 characters of a '12 min read' before 'Subscribe to unlock'",
    "contents/2026-08-19/OpenAI-Is-Taking-Its-Ad-Business-to-31-New-European-Markets-16d062aa.md":
        "paywall stub (Adweek, 'SUBSCRIPTION ONLY'): 748 characters of article text",
}
# Files of batch 3's seeded draw rejected on inspection (path -> reason); see README.
REJECTED3: dict[str, str] = {
    "contents/2026-06-08/Apple-Passwords-Now-Auto-Fixes-Weak-and-Compromised-Passwords-with-Agentic-AI-de8a11b6.md":
        "too short (MacRumors): 812 characters of article text, under the 1,000 characters of prose required",
    "contents/2026-06-16/France-s-Mistral-AI-pursuing-Palantir-style-partnership-with-Kyiv-53090c16.md":
        "paywall stub (Intelligence Online): about 300 characters of article text, then a subscription pitch",
    "contents/2026-07-20/The-Download-AI-hiring-biases-and-weather-data-sabotage-2690d226.md":
        "MIT Technology Review's daily newsletter roundup (The Download): a link list",
}
# Files of batch 4's seeded draw rejected on inspection (path -> reason); see README.
REJECTED4: dict[str, str] = {
    "contents/2026-06-08/The-Download-how-the-World-Cup-ball-will-fly-and-OpenAI-s-super-app-12958be9.md":
        "MIT Technology Review's daily newsletter roundup (The Download): a link list",
    "contents/2026-07-14/The-Download-Claude-s-inner-workings-and-the-future-of-world-models-a2f1e952.md":
        "MIT Technology Review's daily newsletter roundup (The Download): a link list",
    "contents/2026-07-29/The-Download-a-chip-talent-battle-and-deflating-AI-hype-d2b012be.md":
        "MIT Technology Review's daily newsletter roundup (The Download): a link list",
}

# Files of batch 5's seeded draw rejected on inspection (path -> reason); see README.
REJECTED5: dict[str, str] = {
    "contents/2026-06-23/The-Download-the-future-of-chipmaking-and-Anthropic-s-government-clash-01be07db.md":
        "MIT Technology Review's daily newsletter roundup (The Download): a link list",
    "contents/2026-08-17/Firefox-154-Now-Available-with-Manage-AI-Quick-Action-8197d49d.md":
        "too short (Phoronix): one sentence of article text in 1,677 characters of byline and site boilerplate",
    "contents/2026-08-18/What-if-the-AI-capex-bubble-may-not-be-a-bubble-after-all-8e37cc38.md":
        "paywall stub (Australian Financial Review): about 500 characters of article text, then 'Subscribe'",
}

# Files of batch 6's seeded draw rejected on inspection (path -> reason); see README.
REJECTED6: dict[str, str] = {
    "contents/2026-06-04/Companies-Are-Using-Reddit-to-Manipulate-ChatGPT-and-Google-AI-Search-eda6871f.md":
        "paywall stub (404 Media): about 900 characters of article text, then 'This post is for paid members only'",
    "contents/2026-06-04/The-Download-AI-generated-lawsuits-and-virtual-power-plants-for-data-centers-cb94a78b.md":
        "MIT Technology Review's daily newsletter roundup (The Download): a link list",
}

# Files of batch 7's seeded draw rejected on inspection (path -> reason); see README.
REJECTED7: dict[str, str] = {
}

# Files of batch 8's seeded draw rejected on inspection (path -> reason); see README.
REJECTED8: dict[str, str] = {
}
# Files of batch 9's seeded draw rejected on inspection (path -> reason); see README.
REJECTED9: dict[str, str] = {
}
REJECTED10: dict[str, str] = {
    "contents/2026-07-17/The-Download-OpenAI-unveils-GPT-Red-and-heat-pumps-rise-in-the-US-43ee11fc.md":
        "MIT Technology Review's daily newsletter roundup (The Download): a link list",
    "contents/2026-07-28/The-Download-OpenAI-s-predictable-hack-and-an-AI-stock-sell-off-996aa299.md":
        "MIT Technology Review's daily newsletter roundup (The Download): a link list",
}
REJECTED11: dict[str, str] = {
    "contents/2026-07-13/The-Download-a-donor-conception-cap-and-world-models-for-AI-e9caa1f6.md":
        "MIT Technology Review's daily newsletter roundup (The Download): a link list",
    "contents/2026-07-30/The-Download-tricking-LLMs-and-reviving-geothermal-plants-303aa573.md":
        "MIT Technology Review's daily newsletter roundup (The Download): a link list",
    "contents/2026-08-11/The-Download-the-next-big-thing-in-LLMs-and-how-AI-academic-research-is-shifti-459c4767.md":
        "MIT Technology Review's daily newsletter roundup (The Download): a link list",
}
REJECTED12: dict[str, str] = {
}
REJECTED13: dict[str, str] = {
    "contents/2026-06-19/The-Download-AI-bottleneck-debates-and-BCI-trials-take-off-661b1570.md":
        "MIT Technology Review's daily newsletter roundup (The Download): a link list",
}
REJECTED14: dict[str, str] = {
    "contents/2026-06-05/The-Download-AI-hacking-beyond-Mythos-and-chatbots-impact-on-our-brains-8bb0a454.md":
        "MIT Technology Review's daily newsletter roundup (The Download): a link list",
}
REJECTED15: dict[str, str] = {
    "contents/2026-08-10/The-Download-AI-agents-for-science-and-the-censorship-industrial-complex-02c52e86.md":
        "MIT Technology Review's daily newsletter roundup (The Download): a link list",
    "contents/2026-08-13/The-Download-kids-thoughts-on-AI-and-female-clones-of-male-mice-2e695da0.md":
        "MIT Technology Review's daily newsletter roundup (The Download): a link list",
    "contents/2026-08-18/The-Download-how-people-use-AI-and-Flock-s-design-choices-5b601ea4.md":
        "MIT Technology Review's daily newsletter roundup (The Download): a link list",
}
REJECTED16: dict[str, str] = {
    "contents/2026-08-21/The-Download-threats-from-space-mirrors-and-credit-for-AI-drugs-a314ca3a.md":
        "MIT Technology Review's daily newsletter roundup (The Download): a link list",
}
REJECTED17: dict[str, str] = {
    "contents/2026-08-19/The-Download-AI-s-self-improvement-problem-and-what-s-driving-the-heat-285708b5.md":
        "MIT Technology Review's daily newsletter roundup (The Download): a link list",
}
REJECTED18: dict[str, str] = {
    "contents/2026-06-29/The-Download-metric-weaknesses-and-AI-elephant-warnings-836c62cf.md":
        "MIT Technology Review's daily newsletter roundup (The Download): a link list",
    "contents/2026-06-30/The-Download-AI-coworkers-and-stratospheric-internet-18576ea4.md":
        "MIT Technology Review's daily newsletter roundup (The Download): a link list",
}
REJECTED19: dict[str, str] = {
    "contents/2026-08-07/The-Download-a-censorship-conspiracy-theory-and-the-first-virus-created-by-AI-b4507909.md":
        "MIT Technology Review's daily newsletter roundup (The Download): a link list",
}
REJECTED20: dict[str, str] = {
    "contents/2026-06-09/The-Download-whole-body-rejuvenation-drugs-and-five-things-to-know-about-AI-ba35648b.md":
        "MIT Technology Review's daily newsletter roundup (The Download): a link list",
}
REJECTED21: dict[str, str] = {
    "contents/2026-06-03/The-Download-AI-can-run-your-admin-department-now-b1f66d0b.md":
        "MIT Technology Review's daily newsletter roundup (The Download): a link list",
}
REJECTED22: dict[str, str] = {}
REJECTED23: dict[str, str] = {}
REJECTED24: dict[str, str] = {}
REJECTED25: dict[str, str] = {}
REJECTED26: dict[str, str] = {}
REJECTED27: dict[str, str] = {}

NEWS_DOMAINS = {
    # wire services, newspapers, broadcasters, magazines, tech and business news sites
    "techcrunch.com", "cnbc.com", "reuters.com", "bloomberg.com", "theverge.com", "theguardian.com",
    "bbc.com", "bbc.co.uk", "arstechnica.com", "fortune.com", "engadget.com", "wired.com", "apnews.com",
    "cnn.com", "businessinsider.com", "scmp.com", "ft.com", "wsj.com", "nytimes.com", "axios.com",
    "semafor.com", "theinformation.com", "venturebeat.com", "theregister.com", "tomshardware.com",
    "technologyreview.com", "restofworld.org", "finance.yahoo.com", "ca.finance.yahoo.com", "yahoo.com",
    "news.yahoo.com", "morningstar.com", "forbes.com", "latimes.com", "npr.org", "aljazeera.com",
    "abc.net.au", "nbcnews.com", "cbsnews.com", "abcnews.go.com", "theatlantic.com", "washingtonpost.com",
    "economist.com", "japantimes.co.jp", "asia.nikkei.com", "the-independent.com", "independent.co.uk",
    "telegraph.co.uk", "dw.com", "cbc.ca", "euronews.com", "irishtimes.com", "smh.com.au", "404media.co",
    "macrumors.com", "9to5mac.com", "9to5google.com", "siliconangle.com", "the-decoder.com",
    "thenextweb.com", "zdnet.com", "computerworld.com", "newscientist.com", "spectrum.ieee.org",
    "thenewstack.io", "cyberscoop.com", "decrypt.co", "coindesk.com", "hollywoodreporter.com",
    "variety.com", "vanityfair.com", "investors.com", "barchart.com", "tradingview.com",
    "moneycontrol.com", "techfundingnews.com", "qazinform.com", "news.bloomberglaw.com", "politico.com",
    "politico.eu", "theglobeandmail.com", "techradar.com", "pcmag.com", "pcworld.com", "gizmodo.com",
    "theintercept.com", "vox.com", "newyorker.com", "time.com", "usatoday.com", "nypost.com",
    "foxbusiness.com", "marketwatch.com", "barrons.com", "theconversation.com", "infoq.com",
    "electrek.co", "bloomberglaw.com", "sfchronicle.com", "sfstandard.com", "404media.com",
    "platformer.news", "digitimes.com", "koreaherald.com", "koreajoongangdaily.joins.com",
    "koreatimes.co.kr", "theedgemalaysia.com", "straitstimes.com", "economictimes.indiatimes.com",
    "timesofindia.indiatimes.com", "livemint.com", "thehindu.com", "caixinglobal.com", "globaltimes.cn",
    "theeconomist.com", "newsweek.com", "semiengineering.com", "eetimes.com", "datacenterdynamics.com",
    "fastcompany.com", "inc.com", "washingtontimes.com", "thehill.com", "lemonde.fr",
    "heise.de", "golem.de", "lightreading.com", "fierce-network.com", "techspot.com", "wccftech.com",
    "notebookcheck.net", "neowin.net", "windowscentral.com", "cnet.com", "mashable.com",
    "slate.com", "salon.com", "motherboard.vice.com", "vice.com", "businesswire.com", "prnewswire.com",
    "globenewswire.com",
    # further news sites among the candidates' domains (listed from the candidate domain counts,
    # before sampling)
    "bleepingcomputer.com", "rnz.co.nz", "phoronix.com", "nextplatform.com", "quantamagazine.org",
    "petapixel.com", "scientificamerican.com", "futurism.com", "techdirt.com", "kotaku.com",
    "digiday.com", "dexerto.com", "windowslatest.com", "techpolicy.press", "servethehome.com",
    "motherjones.com", "infoworld.com", "english.elpais.com", "cio.com", "cnx-software.com",
    "cryptobriefing.com", "techrepublic.com", "taipeitimes.com", "storagereview.com", "sdtimes.com",
    "sciencenews.org", "searchenginejournal.com", "reason.com", "propublica.org", "pcgamer.com",
    "nymag.com", "notus.org", "nltimes.nl", "news.bloombergtax.com", "missionlocal.org",
    "livescience.com", "koreajoongangdaily.com", "helpnetsecurity.com", "gamingonlinux.com",
    "gamesradar.com", "gamesindustry.biz", "devops.com", "dailycal.org", "creativebloq.com",
    "cityam.com", "calmatters.org", "billboard.com", "americanbanker.com", "abcnews.com",
    "thebulletin.org", "techstrong.ai", "techstrong.it", "unite.ai", "lwn.net", "xda-developers.com",
    "wsoctv.com", "wcax.com", "whbl.com", "united24media.com", "twz.com", "therobotreport.com",
    "theparliamentmagazine.eu", "thenation.com", "thenational.scot", "themarkup.org",
    "themarshallproject.org", "thehustle.co", "thecut.com", "thecentersquare.com", "thebanker.com",
    "theartnewspaper.com", "techxplore.com", "techpowerup.com", "technology.inquirer.net", "tbreak.com",
    "swissinfo.ch", "stockhead.com.au", "statnews.com", "spiegel.de", "sifted.eu", "sherwood.news",
    "sfist.com", "sbs.com.au", "rte.ie", "royalgazette.com", "realclearmarkets.com", "pressgazette.co.uk",
    "popsci.com", "polygon.com", "osnews.com", "omgubuntu.co.uk", "nippon.com", "nme.com", "nextgov.com",
    "news.crunchbase.com", "newrepublic.com", "metro.co.uk", "marketplace.org", "marketbeat.com",
    "makeuseof.com", "macworld.com", "macobserver.com", "macstories.net", "localnewsmatters.org",
    "lifehacker.com", "kyivpost.com", "ksltv.com", "ksl.com", "krebsonsecurity.com", "kqed.org",
    "jpost.com", "itsfoss.com", "insidehighered.com", "informationweek.com", "indianexpress.com",
    "ign.com", "ibtimes.co.uk", "i-programmer.info", "howtogeek.com", "247wallst.com", "abc7news.com",
    "adweek.com", "afr.com", "africanews.com", "androidauthority.com", "aol.com", "arctictoday.com",
    "avclub.com", "bgr.com", "cartoonbrew.com", "ciodive.com", "cjr.org", "cointelegraph.com",
    "complex.com", "computerweekly.com", "csoonline.com", "cryptonews.net", "curbed.com",
    "dailymail.com", "deadline.com", "defector.com", "desmog.com", "dropsitenews.com",
    "dpa-international.com", "dutchnews.nl", "eater.com", "ecommercebytes.com", "eenews.net",
    "etvbharat.com", "financialpost.com", "freightwaves.com", "gamesbeat.com", "geekwire.com",
    "ghacks.net", "govciomedia.com", "hackaday.com", "heraldscotland.com", "timesofisrael.com",
    "timeshighereducation.com", "thestack.technology", "sdxcentral.com", "searchenginewatch.com",
    "slashdot.org", "sixcolors.com", "simpleflying.com", "stereogum.com", "thegamer.com",
    "cloudnativenow.com", "cybersecurity-insiders.com",
    "intelligenceonline.com", "kdnuggets.com", "publictechnology.net", "torrentfreak.com",
    "news.err.ee", "today.rtl.lu", "japan.go.jp", "novaramedia.com", "hackster.io", "bellingcat.com",
}
# Press-release wires carry the company's own text: counted with newsrooms, not news.
NEWS_DOMAINS -= {"businesswire.com", "prnewswire.com", "globenewswire.com"}

EXCLUDED_DOMAINS = (
    "github.com", "gist.github.com", "raw.githubusercontent.com", "gitlab.com", "arxiv.org",
    "openreview.net", "wikipedia.org", "youtube.com", "youtu.be", "x.com", "twitter.com",
    "reddit.com", "news.ycombinator.com", "huggingface.co", "pypi.org", "npmjs.com", "crates.io",
    "readthedocs.io", "readthedocs.org", "docs.rs", "apps.apple.com", "play.google.com",
    "chromewebstore.google.com", "linkedin.com", "facebook.com", "instagram.com", "bsky.app",
    "threads.net", "mastodon.social", "lobste.rs", "producthunt.com", "web.archive.org", "archive.ph",
    "archive.is", "archive.org", "drive.google.com", "docs.google.com", "substack.com",
    # papers, posts on social sites, forums, help pages, stores, books, talks: not articles
    "zenodo.org", "figshare.com", "nber.org", "aclanthology.org", "frontiersin.org", "ssrn.com",
    "biorxiv.org", "medrxiv.org", "researchgate.net", "dl.acm.org", "ieeexplore.ieee.org",
    "xcancel.com", "nitter.net", "lemmy.ml", "community.openai.com", "discourse.group",
    "support.claude.com", "support.apple.com", "platform.claude.com", "learn.microsoft.com",
    "marketplace.visualstudio.com", "store.steampowered.com", "status.cloud.google.com",
    "lists.nongnu.org", "lists.freedesktop.org", "hugedomains.com", "devpost.com", "leanpub.com",
    "nostarch.com", "hup.harvard.edu", "ted.com", "bailii.org", "rentry.co", "pastehtml.dev",
)
# huggingface.co is a model/dataset/space page except its blog.
ALLOWED_PREFIXES = ("huggingface.co/blog/",)
DOC_PATH = re.compile(r"(^|/)(docs?|documentation|api|reference|manual|wiki|changelog|releases?)(/|$)", re.I)

AI_TERMS = re.compile(
    r"\b(AI|A\.I\.|AGI|artificial intelligence|machine learning|deep learning|neural|LLMs?|GPUs?|TPUs?|"
    r"data ?cent(er|re)s?|chatbots?|generative|OpenAI|Anthropic|Nvidia|NVIDIA|Gemini|Claude|ChatGPT|GPT-?\w*|"
    r"Llama|DeepSeek|Mistral|xAI|Grok|Copilot|Hugging Face|Perplexity|Qwen|Alibaba|Baidu|Moonshot|Kimi|"
    r"MiniMax|Zhipu|GLM|Cohere|Midjourney|Stability|Sora|Veo|DeepMind|Meta Superintelligence|"
    r"superintelligence|TSMC|semiconductors?|chips?|chipmakers?|AMD|Cerebras|Groq|CoreWeave|"
    r"Databricks|Scale AI|Cursor|Anysphere|Windsurf|Codex|agentic|AI agents?|language models?|"
    r"foundation models?|frontier models?|open[- ]weights?|inference|training run|export controls?)\b"
)
PREFIX_EXCLUDED = re.compile(r"^\s*(Show|Ask|Tell|Launch) HN\b", re.I)
EN_STOP = re.compile(r"\b(the|and|of|to|in|is|that|for|it|with|on|as|was|are|by|this|be|from)\b", re.I)


def norm_url(url: str) -> str:
    p = urlsplit(url.strip())
    host = p.netloc.lower().removeprefix("www.")
    return host + p.path.rstrip("/")


def norm_title(title: str) -> str:
    return re.sub(r"[^a-z0-9]+", " ", title.lower()).strip()


def domain(url: str) -> str:
    return urlsplit(url).netloc.lower().removeprefix("www.")


def in_domains(host: str, domains) -> bool:
    return any(host == d or host.endswith("." + d) for d in domains)


def front_matter(blob: str) -> dict:
    fm = {}
    head = blob.split("\n---\n", 1)[0]
    for line in head.splitlines():
        m = re.match(r'^(\w+):\s*"?(.*?)"?\s*$', line)
        if m:
            fm[m.group(1)] = m.group(2).replace('\\"', '"')
    return fm


def article_text(blob: str) -> str:  # as tests/realset/build.py does for this repository
    return blob[blob.index(MARKER) + len(MARKER):].lstrip("\n")


URL_DATE = re.compile(r"/(20\d\d)/(\d\d|[A-Za-z]{3})/(\d\d)(/|$)")
MONTHS = {m: i for i, m in enumerate(
    ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"], 1)}


def published(url: str, fm: dict) -> tuple[str, str]:
    m = URL_DATE.search(urlsplit(url).path)
    if m:
        y, mo, d = m.group(1), m.group(2), m.group(3)
        mo = f"{MONTHS[mo.title()]:02d}" if mo.title() in MONTHS else mo
        if mo.isdigit() and 1 <= int(mo) <= 12 and 1 <= int(d) <= 31:
            return f"{y}-{mo}-{d}", "url"
    return fm["posted_at"][:10], "hn_posted_at"


def outlet_name(host: str, known: dict) -> str:
    for h in (host, ".".join(host.split(".")[-2:])):
        if h in known:
            return known[h]
    return host


def load_exclusions(realdev: Path):
    urls, titles, paths = set(), set(), set()
    for line in (HERE.parent / "realset" / "manifest.jsonl").read_text().splitlines():
        if line.strip():
            r = json.loads(line)
            urls.add(norm_url(r["url"]))
            titles.add(norm_title(r["title"]))
            paths.add(r["path"])
    labels = json.loads((realdev / "labels.json").read_text())
    for _k, v in labels.items():
        if isinstance(v, dict) and "source" in v:
            urls.add(norm_url(v["source"]["url"]))
            paths.add(v["source"]["path"])
    for f in sorted((realdev / "articles").glob("*.md")):
        first = f.read_text(encoding="utf-8").split("\n", 1)[0]
        titles.add(norm_title(first.removeprefix("# ")))
    return urls, titles, paths


def known_outlets() -> dict:
    known = {}
    for line in (HERE.parent / "realset" / "manifest.jsonl").read_text().splitlines():
        if line.strip():
            r = json.loads(line)
            known.setdefault(domain(r["url"]), r["outlet"])
    known.update({
        "reuters.com": "Reuters", "bloomberg.com": "Bloomberg", "ft.com": "Financial Times",
        "wsj.com": "The Wall Street Journal", "nytimes.com": "The New York Times", "axios.com": "Axios",
        "semafor.com": "Semafor", "theinformation.com": "The Information", "bbc.co.uk": "BBC News",
        "washingtonpost.com": "The Washington Post", "economist.com": "The Economist",
        "politico.com": "Politico", "politico.eu": "Politico Europe", "theregister.co.uk": "The Register",
        "9to5mac.com": "9to5Mac", "9to5google.com": "9to5Google", "gizmodo.com": "Gizmodo",
        "techradar.com": "TechRadar", "pcmag.com": "PCMag", "pcworld.com": "PCWorld", "vox.com": "Vox",
        "newyorker.com": "The New Yorker", "time.com": "Time", "marketwatch.com": "MarketWatch",
        "theintercept.com": "The Intercept", "openai.com": "OpenAI", "nvidia.com": "NVIDIA",
        "blogs.nvidia.com": "NVIDIA (blog)", "ai.meta.com": "Meta AI (blog)", "mistral.ai": "Mistral AI",
        "x.ai": "xAI", "microsoft.com": "Microsoft", "blogs.microsoft.com": "Microsoft (blog)",
        "fastcompany.com": "Fast Company", "thehill.com": "The Hill", "cnet.com": "CNET",
        "heise.de": "heise online", "datacenterdynamics.com": "DatacenterDynamics",
        "newsweek.com": "Newsweek", "straitstimes.com": "The Straits Times", "techspot.com": "TechSpot",
        "wccftech.com": "Wccftech", "sfstandard.com": "The San Francisco Standard",
        "sfchronicle.com": "San Francisco Chronicle", "platformer.news": "Platformer",
        "nbcnews.com": "NBC News", "abcnews.go.com": "ABC News", "usatoday.com": "USA Today",
        "news.yahoo.com": "Yahoo News", "theglobeandmail.com": "The Globe and Mail",
        "digitimes.com": "DigiTimes", "eetimes.com": "EE Times", "semiengineering.com": "Semiconductor Engineering",
        "bleepingcomputer.com": "BleepingComputer", "nextplatform.com": "The Next Platform",
        "deadline.com": "Deadline", "avclub.com": "The A.V. Club", "infoworld.com": "InfoWorld",
        "techcommunity.microsoft.com": "Microsoft Tech Community (blog)", "asml.com": "ASML",
        "astralcodexten.com": "Astral Codex Ten", "noahpinion.blog": "Noahpinion",
        "newsletter.kentbeck.com": "Kent Beck (newsletter)", "read.misalignedmag.com": "Misaligned (magazine)",
        "blog.cosmos-institute.org": "Cosmos Institute (blog)", "zilliz.com": "Zilliz (blog)",
        "coroot.com": "Coroot (blog)", "marginlab.ai": "Margin Lab (blog)", "rnz.co.nz": "RNZ",
        "phoronix.com": "Phoronix", "techstrong.ai": "Techstrong.ai", "lesswrong.com": "LessWrong",
        "claude.com": "Claude (Anthropic blog)", "quantamagazine.org": "Quanta Magazine",
        "scientificamerican.com": "Scientific American", "futurism.com": "Futurism",
        "businesswire.com": "Business Wire", "prnewswire.com": "PR Newswire", "globenewswire.com": "GlobeNewswire",
    })
    return known


def read_all(git_dir: Path, commit: str = COMMIT, under: str = "contents/", suffix: str = ".md", raw: bool = False):
    """Yield (path, blob text) for every <under>**<suffix> at `commit`, via one `git cat-file --batch` (raw: the
    blob's bytes, undecoded)."""
    ls = subprocess.run(["git", f"--git-dir={git_dir}", "ls-tree", "-r", "-z", commit, *([under] if under else [])],
                        capture_output=True, check=True).stdout.decode("utf-8")
    entries = []
    for rec in ls.split("\0"):
        if rec:
            meta, path = rec.split("\t", 1)
            _, kind, sha = meta.split()
            if kind == "blob" and path.endswith(suffix):
                entries.append((path, sha))
    entries.sort()
    proc = subprocess.Popen(["git", f"--git-dir={git_dir}", "cat-file", "--batch"],
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE)
    def feed():  # in a thread: writing everything first would deadlock on a full stdout pipe
        proc.stdin.write("".join(f"{sha}\n" for _, sha in entries).encode())
        proc.stdin.close()

    threading.Thread(target=feed, daemon=True).start()
    for path, _sha in entries:
        header = proc.stdout.readline().split()
        size = int(header[2])
        data = proc.stdout.read(size)
        proc.stdout.read(1)
        yield path, data if raw else data.decode("utf-8", errors="replace")
    proc.wait()


def reason_out(path: str, fm: dict, text: str, excl) -> str | None:
    """Why a file is not a candidate (None: it is one)."""
    urls, titles, paths = excl
    url, title = fm.get("source", ""), fm.get("title", "")
    if len(text) <= MIN_CHARS:
        return "short"
    if PREFIX_EXCLUDED.match(title):
        return "show/ask hn"
    host = domain(url)
    full = host + urlsplit(url).path
    if not url or (in_domains(host, EXCLUDED_DOMAINS) and not full.startswith(ALLOWED_PREFIXES)):
        return "excluded domain"
    if host.startswith(("docs.", "developer.", "developers.", "api.", "wiki.", "support.", "help.",
                        "status.", "lists.", "forum.", "forums.", "discuss.", "community.", "store.")) \
            or DOC_PATH.search(urlsplit(url).path):
        return "docs page"
    if urlsplit(url).path.lower().endswith((".pdf", ".txt", ".xml", ".json")):
        return "document file"
    if path in paths or norm_url(url) in urls or norm_title(title) in titles:
        return "already used"
    words = re.findall(r"[A-Za-z']+", text[:5000])
    letters = sum(c.isalpha() for c in text[:5000])
    ascii_letters = sum(c.isascii() and c.isalpha() for c in text[:5000])
    if not words or ascii_letters < 0.9 * letters or len(EN_STOP.findall(text[:5000])) < 0.12 * len(words):
        return "not English prose"
    lede = title + "\n" + text[:600]
    if not AI_TERMS.search(lede):
        return "no AI keyword"
    lines = [ln for ln in text.splitlines() if ln.strip()]
    if lines and sum(bool(re.match(r"^\s*([-*•]|\d+\.)\s", ln)) for ln in lines) > 0.6 * len(lines):
        return "list page"
    return None


def bookmark_candidates(mirrors: Path, excl, known: dict) -> list[dict]:
    """Batch 27's candidates: the bookmark repositories' `*_raw.md` pages that pass reason_out, one per URL or title."""
    seen_urls, seen_titles = set(), set()
    cands = []
    for repo, commit in BOOKMARK_REPOS.items():
        for path, blob in read_all(mirrors / repo.replace("/", "+") / "repo", commit, "", "_raw.md"):
            head = blob.split(BOOKMARK_MARKER, 1)[0]
            field = {k: v.strip() for k, v in re.findall(r"^(Title|URL Source|Published Time):(.*)$", head, re.M)}
            if BOOKMARK_MARKER not in blob or not field.get("URL Source"):
                continue
            url, title = field["URL Source"], field.get("Title", "")
            text = blob[blob.index(BOOKMARK_MARKER) + len(BOOKMARK_MARKER):]  # as tests/realset/build.py
            if reason_out(path, {"source": url, "title": title}, text, excl) or norm_url(url) in seen_urls \
                    or norm_title(title) in seen_titles:
                continue
            seen_urls.add(norm_url(url))
            seen_titles.add(norm_title(title))
            pub, pub_from = published(url, {"posted_at": ""})
            if not pub and re.match(r"^\d{4}-\d\d-\d\d", field.get("Published Time", "")):
                pub, pub_from = field["Published Time"][:10], "page_published_time"
            if not pub:
                pub, pub_from = re.search(r"(\d{4}-\d\d-\d\d)", path.rsplit("/", 1)[-1]).group(1), "clip_date"
            host = domain(url)
            cands.append({
                "url": url, "outlet": outlet_name(host, known), "published": pub, "published_from": pub_from,
                "title": title, "repo": repo, "path": path, "commit": commit,
                "sha256": hashlib.sha256(text.encode("utf-8")).hexdigest(), "licence": "publisher copyright",
                "stored": False, "why": "",
            })
    return cands


URL_IN_TEXT = re.compile(r"https?://[^\s\"'<>()\\\[\]{}|^`]+")
PRINTED_DATE = re.compile(r">\s*((?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.? (\d{1,2}), (20\d\d))\s*<")


def shared_urls(realdev: Path, shared: Path) -> set[str]:
    """Batch 32's further exclusions (normalised URLs): ../shared/realdev's articles' `Source:` lines, and every http(s)
    URL written in any file of ../shared/corpus and ../shared/archive (feeds, saved pages, the lab-announcement
    archive)."""
    urls = set()
    for f in sorted((realdev / "articles").glob("*.md")):
        m = re.search(r"^Source: (\S+)", f.read_text(encoding="utf-8"), re.M)
        if m:
            urls.add(norm_url(m.group(1)))
    for folder in ("corpus", "archive"):
        for f in sorted((shared / folder).rglob("*")):
            if f.is_file():
                urls.update(norm_url(u) for u in URL_IN_TEXT.findall(f.read_bytes().decode("utf-8", errors="replace")))
    return urls


def lab_page_date(page: str) -> str | None:
    """A saved lab page's publication date (YYYY-MM-DD) from the page itself: meta article:published_time (Google's
    blog), else JSON-LD datePublished, else the first date printed as a text element ("Dec 3, 2025", "December 3,
    2025": the article header's on OpenAI's and Anthropic's pages, whose <time datetime> elements are only the
    related posts' dates)."""
    for tag in re.findall(r"<meta\b[^>]*>", page):
        if re.search(r"""property=["']article:published_time["']""", tag):
            m = re.search(r"""content=["'](\d{4}-\d\d-\d\d)""", tag)
            if m:
                return m.group(1)
    for block in re.findall(r"<script[^>]*application/ld\+json[^>]*>(.*?)</script>", page, re.S):
        m = re.search(r'"datePublished"\s*:\s*"(\d{4}-\d\d-\d\d)', block)
        if m:
            return m.group(1)
    m = PRINTED_DATE.search(page)
    if m:
        return f"{m.group(3)}-{MONTHS[m.group(1)[:3]]:02d}-{int(m.group(2)):02d}"
    return None


def lab_page_candidates(mirrors: Path, used_urls: set[str]) -> tuple[list[dict], int, dict[str, int]]:
    """Batch 32's candidates (see the docstring), the number of article pages, and the pages left out by reason."""
    sys.path.insert(0, str(REPO))
    from transforms.articles import extract_page  # lazy: only this source needs the project's environment

    git_dir = mirrors / LAB_PAGES_REPO.replace("/", "+") / "repo"
    summaries = dict(read_all(git_dir, LAB_PAGES_COMMIT, "output/", ".md"))
    seen, cands, stats, files = set(), [], {}, 0
    for path, blob in read_all(git_dir, LAB_PAGES_COMMIT, "output/", ".html", raw=True):
        parts = path.split("/")
        if len(parts) != 5 or parts[2:4] != ["articles", "raw"] or parts[1] not in LAB_PAGES_OUTLETS:
            continue  # changelogs, release notes, deprecations
        files += 1
        lab = parts[1]
        fm = front_matter(summaries.get(path.replace("/raw/", "/summaries/").removesuffix(".html") + ".md", ""))
        url, title = fm.get("url", ""), fm.get("title", "")
        text = extract_page(blob, url)["text"] if url else ""
        pub = lab_page_date(blob.decode("utf-8", errors="replace"))
        why = ("no url" if not url else "already used" if norm_url(url) in used_urls else "no date" if not pub
               else "short" if len(text) <= MIN_CHARS else "repeat" if norm_url(url) in seen else None)
        if why:
            stats[why] = stats.get(why, 0) + 1
            continue
        seen.add(norm_url(url))
        cands.append({
            "url": url, "outlet": LAB_PAGES_OUTLETS[lab], "published": pub, "published_from": "page", "title": title,
            "repo": LAB_PAGES_REPO, "path": path, "commit": LAB_PAGES_COMMIT,
            "sha256": hashlib.sha256(text.encode("utf-8")).hexdigest(),
            "licence": LAB_PAGES_LICENCE.format(LAB_PAGES_OUTLETS[lab]), "stored": False, "why": "", "format": "html",
        })
    return cands, files, stats


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--mirrors", type=Path, default=REPO.parent / ".mirror")
    ap.add_argument("--realdev", type=Path, default=REPO.parent / "shared" / "realdev")
    ap.add_argument("--shared", type=Path, default=REPO.parent / "shared",
                    help="its corpus/ and archive/ URLs are not drawn again (batch 32)")
    ap.add_argument("--out", type=Path, default=HERE / "manifest.jsonl")
    ap.add_argument("--list-candidates", type=Path)
    args = ap.parse_args(argv)

    excl = load_exclusions(args.realdev)
    known = known_outlets()
    git_dir = args.mirrors / REPO_NAME.replace("/", "+") / "repo"
    stats: dict[str, int] = {}
    seen_urls, seen_titles = set(), set()
    cands = []
    total = 0
    for path, blob in read_all(git_dir):
        total += 1
        if MARKER not in blob:
            stats["no extract"] = stats.get("no extract", 0) + 1
            continue
        fm = front_matter(blob)
        text = article_text(blob)
        why = reason_out(path, fm, text, excl)
        if why is None and (norm_url(fm["source"]) in seen_urls or norm_title(fm["title"]) in seen_titles):
            why = "repost"
        if why:
            stats[why] = stats.get(why, 0) + 1
            continue
        seen_urls.add(norm_url(fm["source"]))
        seen_titles.add(norm_title(fm["title"]))
        host = domain(fm["source"])
        pub, pub_from = published(fm["source"], fm)
        cands.append({
            "url": fm["source"], "outlet": outlet_name(host, known), "published": pub,
            "published_from": pub_from, "title": fm["title"], "repo": REPO_NAME, "path": path,
            "commit": COMMIT, "sha256": hashlib.sha256(text.encode("utf-8")).hexdigest(),
            "licence": "publisher copyright", "stored": False, "why": "",
            "_kind": "news" if in_domains(host, NEWS_DOMAINS) else "other", "_host": host, "_lead": text[:600],
        })
    print(f"{total} files; {len(cands)} candidates "
          f"({sum(c['_kind'] == 'news' for c in cands)} news, {sum(c['_kind'] == 'other' for c in cands)} other)",
          file=sys.stderr)
    for k, v in sorted(stats.items(), key=lambda kv: -kv[1]):
        print(f"  out: {k}: {v}", file=sys.stderr)
    if args.list_candidates:
        args.list_candidates.write_text("".join(
            f"{c['_kind']}\t{c['_host']}\t{c['path']}\t{c['title']}\n" for c in cands))

    picked = []
    for kind, n in (("news", N_NEWS), ("other", N_OTHER)):
        pool = sorted((c for c in cands if c["_kind"] == kind), key=lambda c: c["path"])
        random.Random(f"{SEED}-{kind}").shuffle(pool)
        taken = [c for c in pool if c["path"] not in REJECTED][:n]
        picked += taken
    picked.sort(key=lambda c: (c["published"], c["path"]))

    # Batches 2-14: news only (batches 9 and 10: event-cued titles only; batches 11 and 12: event-cued leads), each
    # from the news candidates the batches before it neither took nor rejected.
    batches = [picked]
    used = {c["path"] for c in picked} | set(REJECTED)
    for number, seed, n, rejected in ((2, SEED2, N_NEWS2, REJECTED2), (3, SEED3, N_NEWS3, REJECTED3),
                                      (4, SEED4, N_NEWS4, REJECTED4), (5, SEED5, N_NEWS5, REJECTED5),
                                      (6, SEED6, N_NEWS6, REJECTED6),
                                      (7, SEED7, N_NEWS7, REJECTED7), (8, SEED8, N_NEWS8, REJECTED8),
                                      (9, SEED9, N_NEWS9, REJECTED9), (10, SEED10, N_NEWS10, REJECTED10),
                                      (11, SEED11, N_NEWS11, REJECTED11), (12, SEED12, N_NEWS12, REJECTED12),
                                      (13, SEED13, N_NEWS13, REJECTED13), (14, SEED14, N_NEWS14, REJECTED14),
                                      (15, SEED15, N_NEWS15, REJECTED15), (16, SEED16, N_NEWS16, REJECTED16),
                                      (17, SEED17, N_NEWS17, REJECTED17),
                                      (18, SEED18, N_NEWS18, REJECTED18),
                                      (19, SEED19, N_NEWS19, REJECTED19),
                                      (20, SEED20, N_NEWS20, REJECTED20),
                                      (21, SEED21, N_NEWS21, REJECTED21),
                                      (22, SEED22, N_NEWS22, REJECTED22),
                                      (23, SEED23, N_NEWS23, REJECTED23),
                                      (24, SEED24, N_NEWS24, REJECTED24),
                                      (25, SEED25, N_NEWS25, REJECTED25),
                                      (26, SEED26, N_NEWS26, REJECTED26)):
        def cued(c, number=number):
            if number < 9 or number >= 13:
                return True
            return EVENT_CUE.search(c["title"]) if number < 11 else LEAD_CUE.search(c["_lead"])

        def eligible(c, number=number):
            lab_page = c["_kind"] == "other" and in_domains(c["_host"], LAB_DOMAINS)
            if number in (22, 23):
                return lab_page
            if number == 26:
                return lab_page or (c["_kind"] == "news" and cued(c))
            return c["_kind"] == "news" and cued(c)

        pool = sorted((c for c in cands if c["path"] not in used and eligible(c)), key=lambda c: c["path"])
        print(f"batch {number}: {len(pool)} candidates left after the batches before it", file=sys.stderr)
        random.Random(f"{seed}-news").shuffle(pool)
        taken = [c for c in pool if c["path"] not in rejected][:n]
        taken.sort(key=lambda c: (c["published"], c["path"]))
        batches.append(taken)
        used |= {c["path"] for c in taken} | set(rejected)

    # Batch 27: another source (see the docstring).
    pool = sorted(bookmark_candidates(args.mirrors, excl, known), key=lambda c: (c["repo"], c["path"]))
    print(f"batch 27: {len(pool)} candidates in the bookmark repositories", file=sys.stderr)
    random.Random(f"{SEED27}-bookmarks").shuffle(pool)
    pool = [c for c in pool if c["path"] not in REJECTED27]
    # (batches 28-31: the next N_27 each, in the same order; batch 31 takes what is left)
    for start in (0, N_27, 2 * N_27, 3 * N_27, 4 * N_27):
        taken = pool[start:start + N_27]
        taken.sort(key=lambda c: (c["published"], c["path"]))
        batches.append(taken)

    # Batch 32: AI labs' news pages saved as HTML (see the docstring); no URL of batches 1-31 or of the shared sets.
    used_urls = excl[0] | shared_urls(args.realdev, args.shared) | {norm_url(c["url"]) for b in batches for c in b}
    pool, files, stats = lab_page_candidates(args.mirrors, used_urls)
    print(f"batch 32: {files} lab pages, {len(pool)} candidates; out: "
          + ", ".join(f"{k} {v}" for k, v in sorted(stats.items(), key=lambda kv: -kv[1])), file=sys.stderr)
    pool.sort(key=lambda c: c["path"])
    random.Random(f"{SEED32}-lab-pages").shuffle(pool)
    taken = pool[:N_32]
    taken.sort(key=lambda c: (c["published"], c["path"]))
    batches.append(taken)

    with args.out.open("w") as f:
        for i, c in enumerate((c for batch in batches for c in batch), 1):
            row = {"id": f"h{i:03d}", **{k: v for k, v in c.items() if not k.startswith("_")}}
            f.write(json.dumps(row, ensure_ascii=False) + "\n")
    print(f"{sum(map(len, batches))} rows written to {args.out} "
          f"({', '.join(f'batch {i}: {len(b)}' for i, b in enumerate(batches, 1))})", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
