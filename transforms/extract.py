"""Article text -> event mentions. Rules over polars frames: sentences, gazetteer hits, cue patterns.

The flow of one batch:
    articles -> sentences (one row each) -> entity hits per sentence (orgs, models with their left context,
    money with its left context) -> one builder per event type -> mentions with a stable event_key.

Pure: no network, no database, no Prefect.
"""
from __future__ import annotations

import functools
import hashlib
import re
import tomllib
from pathlib import Path

import polars as pl

from transforms import event_identity
from transforms import gazetteer as gaz
from transforms.normalize import MONEY_PATTERN, MONTHS, PCT_PATTERN, money_to_usd, resolve_event_date

EXTRACTOR_VERSION = "rules-0.5"
MAX_SENTENCE_CHARS = 1500

MENTION_SCHEMA = {
    "mention_id": pl.String,
    "article_id": pl.String,
    "type": pl.String,
    "org": pl.String,
    "model": pl.String,
    "event_date": pl.String,
    "event_date_precision": pl.String,
    "evidence": pl.String,
    "confidence": pl.Float64,
    "status": pl.String,
    "event_key": pl.String,
    "extractor_version": pl.String,
    "open_weights": pl.Boolean,
    "license": pl.String,
    "amount_usd": pl.Float64,
    "round": pl.String,
    "valuation_usd": pl.Float64,
    "investors": pl.String,
    "target": pl.String,
    "partner": pl.String,
    "pct": pl.Float64,
    "jurisdiction": pl.String,
    "measure": pl.String,
    "person": pl.String,
    "role": pl.String,
    "counterparty": pl.String,
    "matter": pl.String,
    "compared_to": pl.String,
}
TYPED_FIELDS = [
    c for c in MENTION_SCHEMA if list(MENTION_SCHEMA).index(c) > list(MENTION_SCHEMA).index("extractor_version")
]

# --- cue patterns (matched on the lower-cased sentence unless noted) --------------------------------------
ABBREVIATIONS = (
    r"\b(U\.S|U\.K|E\.U|Mr|Mrs|Ms|Dr|Prof|Inc|Corp|Ltd|Co|Jr|Sr|St|vs|No|Gen|Sen|Rep|Gov|approx|e\.g|i\.e|"
    r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\."
)
RELEASE = (
    r"\b(releas(?:e|es|ed|ing)|launch(?:es|ed|ing)?|unveil(?:s|ed|ing)?|introduc(?:e|es|ed|ing)|debut(?:s|ed)?"
    r"|open[- ]?sourc(?:e|es|ed|ing)|roll(?:s|ed|ing)? out|ship(?:s|ped)|made available|now available|available "
    r"(?:to|for|on|via)"
    r"|publish(?:es|ed)|announc(?:e|es|ed|ing)|post(?:s|ed) .{0,120}(?:hugging ?face|github)|upload(?:s|ed)|"
    r"drop(?:s|ped) .{0,40}weights"
    r"|put out|went live|goes live|came out|comes out|is (?:now )?out now"
    # "three sizes through the API: GPT-5, GPT-5 mini and GPT-5 nano"
    r"|(?:sizes|versions|variants)\b[^.:;]{0,30}:)"
)
# A release restated as background ("its earlier models remain available") is not news, unless it is dated.
BACKGROUND = r"\b(earlier|previous|previously|remains?|still|already|existing|older|last year's|predecessor)\b"
NEGATION = (
    r"\b(has not|have not|hasn't|haven't|did not|didn't|does not|doesn't|won't|will not|never|denied|no plans? "
    r"to|not yet"
    r"|(?:dropped|scrapped|abandoned|shelved|cancel+ed) (?:its |the |their )?plans?"
    r"|without a deal|fell through|(?:talks|deal|bid) collapsed|called off|walked away)\b"
)
PLANNED = (
    r"\b(plans? to|planning to|will (?:release|launch|unveil|raise|acquire|buy|ship|debut)|(?:is|are) (?:set|"
    r"expected|poised|preparing|gearing up) to"
    r"|intends? to|aims? to|upcoming|forthcoming|later this year|next year|agreed to (?:acquire|buy))\b"
)
REPORTED = (
    r"\b(reportedly|is said to|are said to|according to (?:people|sources|a report|reports)|in talks|"
    r"rumou?r[a-z]*|people familiar|sources say|sources said)\b"
)
# A score given as the yardstick: "83% ..., against 13% for GPT-4o", "compared with 69.1% for o3".
SCORE = r"(?:an? |just |only )?\d+(?:\.\d+)?\s?(?:%|per ?cent\b|points?\b)"
STRONG_COMPARISON = (
    r"\b(match(?:es|ed|ing)?|compared? (?:to|with)|comparisons? (?:to|with)|comparable to|versus|"
    r"vs\.?|outperform[a-z]*|beat(?:s|ing)?|surpass[a-z]*"
    r"|rival(?:s|ed|ing)?|on par|ahead of|competitive with|exceed[a-z]*|trail[a-z]*|behind|than|"
    r"edg(?:es|ed|ing) out"
    r"|as good as|catch(?:es|ing)? up|similar to|closes? the gap|tops?|topped|edges? over|lead over"
    r"|approach(?:es|ed|ing)|(?:near[- ])?parity|comparably|second only to|narrow(?:s|ed|ing)? the gap"
    r")\b"
    rf"|\bagainst {SCORE}"
)
# ("its first since GPT-2", "since OpenAI introduced o1", "the same licence as the Kimi K2", "the base model X")
WEAK_COMPARISON = (
    r"\b(like|such as|previous|earlier|older|successor|predecessor|builds? on|built on|based on|"
    r"replac[a-z]*|against|unlike"
    r"|since|same|base model|into)\b"
)
RIVALS_NOUN = (
    r"(?i:\brivals?)(,|\s+(?:including|such as|like|in|to|of|and|or|who|which|are|were|have|had|could|would|"
    r"will"
    r"|can|at|from|on|for|with)\b)"
)
RIVAL_COMPOUND = r"\b([A-Za-z][\w.\-]*[A-Z0-9][\w.\-]*|[A-Z][\w.\-]*) rival ([A-Z0-9])"
# "The company released the model on Thursday": the model in focus is the one released.
RELEASE_REF = (
    r"(?i:(?:releas(?:e|es|ed|ing)|launch(?:es|ed|ing)?|unveil(?:s|ed|ing)?|introduc(?:e|es|ed|ing)|"
    r"open-sourc(?:e|es|ed|ing)|ship(?:s|ped)?|debut(?:s|ed)?)\s+(?:the|its|this|that)\s+(?:new\s+|"
    r"latest\s+|updated\s+)?(?:model|system)(?:[^’'\w]|$))"
)
# A release whose object is an unnamed model: "released the first two models of", "put out six smaller models".
RELEASED_MODELS = (
    r"\b(?:releas(?:e|es|ed)|launch(?:es|ed)?|unveil(?:s|ed)?|introduc(?:e|es|ed)|open-sourc(?:e|es|ed)|"
    r"debut(?:s|ed)?"
    r"|ship(?:s|ped)|roll(?:s|ed)? out|put out|publish(?:es|ed))\s+(?:[\w\"“”'’\-]+\s+){0,5}?models?\b"
)
# "Updated 8B and 70B versions were released": sizes of the model in focus.
SIZE_LIST = (
    r"\b\d+(?:\.\d+)?[BM](?:(?:,\s*|,?\s+and\s+|\s*/\s*)\d+(?:\.\d+)?[BM])*\s+(?:versions?|variants?|models?|"
    r"sizes?)\b"
)
# A news dateline before the first sentence: "BERLIN - ", "HANGZHOU, Jan 21 (Radar Wire) - ".
DATELINE = r"^[A-Z][A-Z .'\-]+(?:,[^-–—()]{1,30})?(?:\([^)]{1,40}\))?\s+[-–—]\s+"
# Where a sentence's claims part: "X matches A, and Y is similar to B"; "X beats A; Y trails B".
CLAUSE_BREAK = r";|,?\s+and that\s+|,\s+(?:while|whereas|but)\s+|\s+while\s+|\s[-–—]\s"
# A name used for a product line rather than one model: "its Llama 4 family", "Gemini 2.0, the second generation of".
FAMILY_SUFFIX = (r"""(?:\s+(?:family|series|generation|line-?up)\b|\s+(?:['"‘“][\w\-]+['"’”]\s+"""
                 r"|(?:reasoning|language|open|open-weights?|open-source|ai|small|smaller|new|distilled|chat|frontier"
                 r"|multimodal|thinking)\s+)?models\b"
                 r"|,\s+(?:a|an|the|its)\s+(?:[\w\-]+\s+){0,3}?(?:family|series|generation|line-?up)\b)")
# A model named as what a product uses or gives access to, or as an earlier event's ("for Codex", "access to o1,
# GPT-4o",
# "powered by Gemini", "three months after the startup announced o1"), is not what the sentence releases.
NOT_RELEASED_PREFIX = (
    r"\b(?:access to|for|powered by|runs?|running|run on|using|uses|used|via|on top of|inside|"
    r"integrat\w* into"
    r"|built (?:on|with)|after|following|such as|including access to|fine[- ]?tunes?|fine[- "
    r"]?tun(?:ed|ing)"
    r"|distill(?:ed|ing)? from|from the|on top of the)\s+(?:[\w’'\-]+,?\s+){0,3}$"
)
OPEN_SOURCED = r"\bopen[- ]?sourc(?:ed|es|ing)\b|\breleased (?:the )?(?:open )?weights\b"
OPEN_YES = (
    r"(open[- ]?weights?|open[- ]?sourc[a-z]*|weights (?:are |were )?(?:freely )?(?:available|downloadable|"
    r"published)|on hugging ?face|permissive licen[cs]e)"
)
OPEN_NO = (
    r"(closed[- ]?(?:source|weights?)|proprietary|api[- ]only|without (?:releasing|publishing) (?:the |its "
    r")?weights|not (?:release|publish) (?:the |its )?weights)"
)
LICENSE = (
    r"(MIT|Apache[ -]2\.0|Apache|Llama \d(?:\.\d)? Community|Gemma|Mistral Research|Qwen|Tongyi Qianwen|"
    r"DeepSeek|CC[- ]BY[\w.\-]*|OpenRAIL[\w+\-]*|Modified MIT)\s+[Ll]icen[cs]e"
)
TRAINING = r"\b(train(?:ed|ing)?|to train|training (?:run|cost|costs|bill|budget))\b"
FUNDING = (
    r"\b(?:(?:rais(?:e|es|ed|ing)|secur(?:e|es|ed|ing)|funding round|series [a-h]|seed round|round of funding|"
    r"closes? (?:a|its)"
    r"|investment (?:of|from|led)|backed by|led by|lead(?:s|ing)? [^;]{0,40}?round"
    # "Meta is paying about $14.3 billion for a 49% stake"
    r"|for (?:an? |its )?(?:(?:about |roughly |nearly )?\d+(?:\.\d+)?% |minority |majority )?stake)\b"
    r"|invest(?:s|ed|ing)? (?:an? )?(?:additional |further |another |up to )?(?:us\$|\$|€|£|¥|\d))"
)
# Money that is no round: a rejected or hostile bid, a joint venture's budget; a round the company raised before.
FUNDING_NOT = (
    r"\b(reject[a-z]*|rebuff[a-z]*|turn(?:ed|s)? down|takeover|take control|bid for|offer to (?:buy|"
    r"acquire)|joint venture"
    # money raised or secured that is no investment: a price rise, a settlement, a fine
    r"|raise (?:the |its |their )?(?:\w+ )?prices?|settlements?|fines?|penalt(?:y|ies)"
    # a market rout "led by" a stock; a spending pledge over years in a country or on data centres
    r"|rout|sell-?off|market (?:value|cap\w*)|over (?:the next )?(?:\w+ )?years|pledged|earmarked"
    # a forecast raised, supplies secured, plants built
    r"|rais(?:e|es|ed|ing) (?:its|their|the|his|her) (?:[\w\-]+ ){0,3}?(?:forecasts?|guidance|outlook|"
    r"estimates?"
    r"|spending|capex|targets?|dividends?)|secur\w* (?:supplies|supply|capacity)|invest\w*\b[^.;]{0,80}\bto "
    r"build)\b"
)
FUNDING_BEFORE = (
    r"\b(previously|last year|a year (?:ago|earlier)|the year before|(?:prior|earlier|previous|last) "
    r"(?:round|raise|funding))\b"
)
# Amounts given only as a yardstick ("almost double the $86 billion") are not the round.
YARDSTICK = r"\b(double|triple|than|up from|down from|compared|versus|previous|earlier|last)\b"
VALUATION = r"(valu(?:ed|ation|ing)|post-money|pre-money)"
# ("including $130 million in December": a part of a total, an earlier round)
RUNNING_TOTAL = r"\b(total|bringing|brings|in all|altogether|cumulative|so far|to date|including)\b"
ROUND = r"\b((?:pre-)?seed|Series [A-H]\d?(?: extension)?|Series [A-H]\+?|growth round|strategic round)\b"
ACQUISITION = (
    r"\b(acquir(?:e|es|ed|ing)|acquisition of|(?:to|will|would|agree[sd]? to) buy|buys|bought|buying|"
    r"purchas(?:e|es|ed) of"
    r"|purchas(?:e|es|ed)|takes? over|takeover of|merg(?:e|es|ed|er) with)\b"
)
# An attempt is not a deal ("Meta tried to acquire SSI"); "his purchase of Twitter" is a person's, not a company's.
ACQUISITION_NOT = (
    r"\b(tried to|attempted to|sought to|seeking to|bid to|offer(?:ed|s)? to|(?:his|her) (?:purchase|"
    r"acquisition|takeover))\b"
)
# What is bought that is no company: chips, servers, shares, land ...
# (lower case: "ZT Systems" is a name)
GOODS = (
    r"chips?|GPUs?|servers?|processors?|accelerators?|units?|shares|stakes?|stock|assets|licen[cs]es|rights|data|"
    r"equipment|hardware"
    r"|systems|tokens|bonds|land|buildings?|properties|domains?|patents|credits|capacity|compute|ads|advertising|"
    r"subscriptions?"
    r"|services|companies|startups|firms|businesses"
)
# "the company agreed to buy ...": the subject is the company the story is about.
COMPANY_PRONOUN = r"(?i:\b(?:it|(?:the|[a-z]+(?:’s|'s)) (?:company|firm|group|chipmaker|startup))\s+(?:\w+\s+){0,3}?$)"
# Words a company's name hardly contains, which a Title Case headline's phrases do ("Almost No One Is Buying Them").
PHRASE_WORD = (
    r"\b(?:Is|Are|Was|Were|No|One|The|A|An|Of|To|In|For|And|But|With|How|Why|What|Who|When|Where|This|That|"
    r"It|Its"
    r"|Will|Can|May|Not|After|Before|As|At|By|On|From|Almost|Just|All|Every|Some|Them|They|We|You|Your|Our|"
    r"His|Her)\b"
)
# Where the clause of a verb starts, in the text before it.
CLAUSE_START = r"^.*(?:;|,\s+(?:and|but|while|whereas)\s+|\s+while\s+|\s[-–—]\s)"
# What may stand between the verb and the target's name: "chip designer Ampere", "Jony Ive's device startup io",
# "Israeli networking company Mellanox".
TARGET_DESCRIPTOR = (
    r"^\s*(?:(?:the|its|a|an|rival|fellow)\s+)?(?:[A-Z][\w.]*(?:\s[A-Z][\w.]*)*(?:’s|'s)\s+)?"
    r"(?:(?:[A-Z][a-z]+|[\w\-]+)\s+){0,3}?(?:start-?up|company|firm|maker|developer|provider|lab|"
    r"designer|platform"
    r"|specialist|business|unit|rival|chipmaker|supplier|operator)\s+(?:called\s+|named\s+)?"
)
# The target's name: capitalised words, or a lower-case brand set off by a comma ("io, the hardware startup").
TARGET_NAME = r"^\s*([A-Z][\w.:&\-]*(?:\s+[A-Z][\w.&\-]*){0,3}|[a-z][\w.]*(?:,))"
PARTNERSHIP = (
    r"\b(partner(?:s|ed|ing|ship)?|team(?:s|ed)? up|allian[a-z]+|collaborat[a-z]+|deal with|agreement with|"
    r"tie[- ]up|joint venture)\b"
)
# Deal words that also describe funding and purchases: they make a partnership only where no money goes in as equity
# ("invest") and nothing is bought.
PARTNERSHIP_WEAK = (
    r"\b(agree[sd]? to (?:supply|provide|deploy)|(?:in|under) (?:a|the|an) (?:[a-z\-]+ ){0,3}(?:deal|"
    r"agreement|contract)"
    r"|(?:signed|signs|struck|strikes|agreed) (?:a|an) (?:[a-z\-]+ ){0,3}(?:deal|agreement|contract)"
    r"|contract with|licen[cs]e (?:to|for|agreement|deal)|licen[cs]ing (?:deal|agreement|payment)|to "
    r"licen[cs]e"
    r"|integrat(?:e|es|ed|ing|ion) (?:of )?[a-z]+ into)\b"
)
# A formal pact a government or an investor can be party to.
PARTNERSHIP_FORMAL = r"\b(memorandum of understanding|mou|joint venture|consortium)\b"
# A partnership restated ("remains committed to its partnership") or a company named as a yardstick is not news.
PARTNERSHIP_BACKGROUND = (
    r"\b(remains?|remained|still|already|existing|long-?standing|earlier|previous(?:ly)?|"
    r"commitment to|committed to)\b"
)
# A possibility, not a deal ("potentially in partnership with Oracle").
HEDGE = r"\b(potentially|possibly|might|may)\b"
YARDSTICK_ORG = (
    r"(?i:alternative to|such as|rivals?(?: like)?|unlike|than|versus|competitors?(?: like)?|competing "
    r"with"
    r"|bypass(?:ing)?|challeng(?:e|es|ing)|reliance on)\s+"
)
MARKET = r"\b(stock|shares?|market (?:value|cap[a-z]*)|stock price|share price|valuation)\b"
MARKET_DOWN = (
    r"\b((?:are|is|were|was|closed|ended|finished|trading|traded|opened)\s+(?:\w+\s+)?(?:down|lower)|fell|"
    r"fall(?:s|ing)?|drop[a-z]*|plung[a-z]*|plummet[a-z]*|tumbl[a-z]*|sank|sink[a-z]*|slid[a-z]*|"
    r"slump[a-z]*|los[st]|loss|eras[a-z]*|wip[a-z]* out|shed[a-z]*|declin[a-z]*)\b"
)
MARKET_UP = (
    r"\b((?:are|is|were|was|closed|ended|finished|trading|traded|opened)\s+(?:\w+\s+)?(?:up|higher)|rose|"
    r"ris(?:e|es|ing)|jump[a-z]*|surg[a-z]*|soar[a-z]*|gain[a-z]*|climb[a-z]*|rall[a-z]*|add(?:s|ed|ing))\b"
)
# Policy measures and jurisdictions are data (lexicons.toml): [(pattern, canonical name)], in file order.
LEXICONS = tomllib.loads(Path(__file__).with_name("lexicons.toml").read_text(encoding="utf-8"))


def _pattern(entry: dict) -> str:
    """A lexicon pattern: one string, or a list of pieces written on several lines."""
    value = entry["pattern"]
    return value if isinstance(value, str) else "".join(value)


POLICY_MEASURES = [(_pattern(e), e["name"]) for e in LEXICONS["policy_measure"]]
MEASURE_CUE = _pattern({"pattern": LEXICONS["measure_cue"]})
GENERIC_MEASURE = "AI law"  # (lexicons.toml's last measure: any law, bill or order on AI)
# A policy is news when a government acts on it; "US export controls limit access" is context.
POLICY_ACTION = (
    r"\b(impos[a-z]*|announc[a-z]*|unveil[a-z]*|issu(?:e|es|ed|ing)|sign(?:s|ed|ing)?|adopt[a-z]*|"
    r"approv[a-z]*|pass(?:es|ed)|vot(?:e|es|ed|ing)"
    r"|enter(?:s|ed)? into force|(?:took|takes|take) effect|c(?:a|o)me into force|rescind[a-z]*|"
    r"revok[a-z]*|repeal[a-z]*|publish[a-z]*"
    r"|tighten[a-z]*|add(?:s|ed|ing)|introduc[a-z]*|finali[sz][a-z]*|orders?|ordered|requir[a-z]*|would "
    r"require|ban(?:s|ned)?|block[a-z]*"
    r"|curb(?:s|ed|ing)|restrict(?:s|ed|ing)|responded|establish[a-z]*|set up|renam[a-z]*|would become|"
    r"will become|launch[a-z]*"
    # a measure shown biting ("restrictions, which forced Chinese firms to innovate") is reported as in
    # force
    r"|forced|forcing|prompted|spurred)\b"
)
# "The announcement came a week after Washington imposed ...": an earlier action told as a time marker.
TIME_MARKER = (
    r"\b(?:days?|weeks?|months?|a day|a week|a month|hours?) (?:after|before)\b"
    r"|\b(?:before|after|since|until) (?:the )?(?:release|launch|debut) of\b"
)
# "the Bletchley Declaration", "the AI Safety Institute": named instruments and bodies kept by their own name.
DECLARATION = r"\b([A-Z][a-z]+ Declaration)\b"
AI_INSTITUTE = r"\bAI (?:Safety|Security) Institute\b"
# An institute is news when it is set up or renamed ("renamed its AI Safety Institute the AI Security Institute": the
# new name).
INSTITUTE_ACTION = r"\b(new|permanent|establish[a-z]*|set up|creat[a-z]*|renam[a-z]*|would become|will become)\b"
RENAMED_FROM = r"(?i:renam\w*\s+(?:its\s+|the\s+)?)AI (?:Safety|Security) Institute"
JURISDICTIONS = [(_pattern(e), e["name"]) for e in LEXICONS["jurisdiction"]]
# Place names inside a publication's name are no jurisdiction ("a report by The New York Times").
PUBLICATION = (
    r"\b(?:New York Times|New York Post|Washington Post|Los Angeles Times|Texas Tribune|Wall Street "
    r"Journal)\b"
)
BENCHMARK = (
    r"\b(match(?:es|ed|ing)?|outperform[a-z]*|beat(?:s|ing)?|surpass[a-z]*|rival(?:s|ed|ing)?|on par with|"
    r"exceed[a-z]*|tops?|topped"
    r"|ahead of|better than|competitive with|edg(?:es|ed|ing) out|as good as|comparabl[ey] (?:to|with)"
    r"|approach(?:es|ed|ing)|(?:near[- ])?parity with|(?:results?|performance|scores?|accuracy) (?:[a-z]+ "
    r")?(?:similar|close) to"
    r"|second only to|behind only|narrow(?:s|ed|ing)? the gap"
    r")\b"
    rf"|\b(?:compared (?:with|to)|against|versus|vs\.?) {SCORE}"
)
LEGAL = (
    r"\b(su(?:e|es|ed|ing)|lawsuit|filed (?:a )?(?:suit|complaint)|complaint against|litigation|antitrust "
    r"(?:probe|investigation|case|suit)"
    r"|settle(?:s|d|ment)?|court|fin(?:es|ed) |(?:probe|investigation|inquiry) into|infring[a-z]*)\b"
)
# "Ross Intelligence infringed Thomson Reuters' copyright": the one infringing is the defendant, named first.
INFRINGED = r"\binfring(?:ed|es)\b"
# An AI company suing is the party the matter centres on ("xAI sued Apple and OpenAI").
AI_KINDS = ["lab", "startup"]
MATTERS = r"\b(copyright|antitrust|patent|privacy|defamation|trade secrets?|breach of contract|securities fraud)\b"
LEADERSHIP = (
    r"\b(appoint[a-z]*|nam(?:ed|es) (?:[a-z]+ ){0,4}as|hir(?:ed|es)|steps? down|stepped down|resign[a-z]*|"
    r"depart[a-z]*|leav(?:es|ing)|left"
    r"|join(?:s|ed)|promot[a-z]*|oust[a-z]*|fired|replac[a-z]*|succeed[a-z]*|tapped)\b"
)
ROLE = (
    r"\b(?:CEO|CTO|CFO|COO|CSO|(?i:chief [a-z]+ officer|chief executive|chief scientist|(?:senior |executive "
    r")?vice president(?: of [a-z]+)?"
    r"|research VP|VP of [a-z]+|president|chairman|chairwoman|chair|co-?founder|head of [a-z]+))\b"
)
# Licence names as written -> one spelling (SPDX ids where there is one).
LICENSE_NAMES = [
    (r"^(?i:apache)", "Apache-2.0"),
    (r"^(?i:modified mit)", "Modified MIT"),
    (r"^MIT", "MIT"),
    (r"^Llama (\d(?:\.\d)?) Community", "Llama ${1} Community License"),
    (r"^Mistral Research", "Mistral Research License"),
    (r"^Gemma", "Gemma Terms of Use"),
    (r"^(?:Qwen|Tongyi Qianwen)", "Qwen License"),
    (r"^DeepSeek", "DeepSeek License"),
]
# Shapes of names the gazetteer may not know yet.
ORG_SHAPE = r"[A-Z][\w&.\-]*(?: (?:[A-Z][\w&.\-]*|AI|Labs?|Technologies|Robotics))*"
MODEL_SHAPE = r"[A-Z][\w.]*(?:[\- ][A-Z0-9][\w.]*)*"  # must also contain a digit (checked where used)
RELEASE_VERBS = (
    r"releas(?:e|es|ed)|launch(?:es|ed)?|unveil(?:s|ed)?|introduc(?:e|es|ed)|open-sourc(?:e|es|ed)|open "
    r"sourced|debut(?:s|ed)?"
    r"|ship(?:s|ped)?|roll(?:s|ed)? out|announc(?:e|es|ed)"
)
SUBJECT_VERBS = (
    r"raised|raises|secured|secures|closed|closes|released|releases|launched|launches|unveiled|unveils|"
    r"introduced|open-sourced|announced"
)
NOT_NAMES = [
    "The",
    "It",
    "Its",
    "This",
    "That",
    "These",
    "They",
    "He",
    "She",
    "We",
    "In",
    "On",
    "At",
    "For",
    "But",
    "And",
    "Meanwhile",
    "Today",
    "Yesterday",
    "Earlier",
    "Later",
    "Last",
    "Next",
    "Analysts",
    "Investors",
    "Officials",
    # words that open a sentence before its subject ("Following a new funding round, ...")
    "Following",
    "After",
    "Before",
    "Despite",
    "While",
    "With",
    "As",
    "According",
    "Although",
    "Since",
    "When",
    "If",
    "Under",
    "Over",
    "Among",
    "During",
    "Amid",
    "Unlike",
    "Like",
    "Once",
    "Now",
    "Separately",
    "Still",
    "Also",
]
PERSON = r"\b([A-Z][a-z]+(?:[- ](?:[A-Z][a-z]+|Mc[A-Z][a-z]+|[A-Z]\.)){1,2}|[A-Z][a-z]+ Mc[A-Z][a-z]+)\b"
# "in 2018", "back in 2020": a year that dates the event itself (not "2025's", "since 2019" framing).
PAST_YEAR = (
    r"\b(?:in|during|back in) (?:early |late |mid-)?(?:(?:January|February|March|April|May|June|July|August|"
    r"September"
    r"|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.? (?:\d{1,2},? )?)?(?:19|"
    r"20)\d\d\b"
)
FRONTED_YEAR = (
    r"^[\W\s]*(?i:(?:in|on|back in|by)\s+)?(?:(?i:early|late|mid-)\s*)?"
    r"(?:(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr"
    r"|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?\s+(?:\d{1,2},?\s+)?)?(?:((?:19|20)\d\d)|[‘'’](\d\d))\b"
)
# An event told with a date this many days (a season) before the article was published is background, not news.
STALE_DAYS = 120
# News is told first: a release named only past the lead (title + this many sentences) is news only where the lead
# names the same model (else it is a comparison, a tool or history in a blog post or explainer).
LEAD_SENTENCES = 8
# Necessary conditions (see _where): every date resolve_event_date reads contains one of these (a month name or
# abbreviation, a weekday, "yesterday"/"today", "this morning", "last week/month", a quarter, an ISO date), every
# company _unknown_org reads is "called"/"named", described by a kind word ("a ... startup") or the subject of an
# event verb.
DATE_CUE = r"(?i:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|q[1-4]|quarter|day|morning|week|month)|20\d\d-"
NEW_ORG_CUE = (
    r"called|named|(?i:startup|start-up|company|firm|lab|developer|maker|designer|publisher|studio|group|"
    r"provider)"
    rf"|{SUBJECT_VERBS}"
)
# The part after the dot of a dotted name ("Respond.io", "Hugging Face's hf.co"): read as a separate word, it could be
# taken for a company named like it.
DOTTED_TAIL = r"[A-Za-z0-9]\.[a-z][a-z0-9]{1,5}\b"
# The company a round is told of: the capitalised name right before the verb ("Jeff Bezos's Prometheus raises $12B",
# "OpenAI challenger Acme Labs has raised"), not another company named nearer the amount.
# The company an event is told of: the capitalised name right before the event verb ("Jeff Bezos's Prometheus raises
# $12B", "OpenAI challenger Acme Labs has raised"), not another company named nearer the amount. A name the gazetteer
# knows may stand anywhere; an unknown one only where a subject starts: at the start of the sentence or after a kind
# word or a possessive ("messaging app Respond.io raises", "Livestream shopping platform Whatnot has acquired") - not
# "the researchers who built AI-generated DNA just raised".
SUBJECT_NAME = r"([A-Z][\w&.\-]*(?: (?:[A-Z][\w&.\-]*|AI|Labs?))*)"
ANY_LEFT = r"(?:^|[^\w.’'\-])"
KIND_LEFT = (
    r"(?:^|(?i:startup|start-up|company|firm|app|platform|maker|developer|provider|challenger|rival|"
    r"competitor|lab"
    r"|unicorn|outfit|business|specialist|upstart|creator|designer|operator|giant|chipmaker|[\w.]+(?:’s|"
    r"'s))\s+)"
)
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
FUNDING_TAIL = (
    r"\s+(?:on\s+\w+\s+)?(?:has\s+|have\s+)?(?:just\s+)?"
    r"(?:raised|raises|secures|secured|closes|closed|lands|landed|nabs|nabbed|bags|bagged|gets|got|"
    r"announced|announces)\s"
)
DEAL_TAIL = (
    r"\s+(?:on\s+\w+\s+)?(?:has\s+|have\s+)?(?:also\s+|recently\s+|quietly\s+|officially\s+|now\s+|today\s+)?"
    r"(?:signed|signs|struck|strikes|inked|inks|sealed|seals|partnered|partners|teamed up|teams up|expanded|"
    r"expands"
    r"|deepened|deepens|announced|announces|formed|forms|entered|enters|reached|reaches)\s"
)
# (matched on the text before the verb)
ACQUIRER_TAIL = (
    r"\s+(?:on\s+\w+\s+)?(?:(?:said|says|announced|announces|confirmed|confirms)\s+(?:that\s+)?it\s+)?"
    r"(?:has\s+|have\s+|had\s+)?(?:now\s+|also\s+)?(?:agreed\s+to\s+|will\s+|is\s+to\s+|to\s+|is\s+)?$"
)
LEGAL_TAIL = (
    r"(?:’s|'s)?(?:\s+(?:attorney general|AG))?\s+(?:on\s+\w+\s+)?(?:has\s+|have\s+|is\s+|are\s+)?"
    # "Kristie Carrier filed a wrongful death lawsuit"
    r"(?:filed\s+(?:a|an)\s+(?:[\w\-]+\s+){0,3})?$"
)
PASSIVE_LEGAL = (
    r"\b(?:(?:was|were|been|being|is|are) (?:sued|named in)|(?:suit|lawsuit|complaint) (?:filed |brought "
    r")?by)\b"
)


def _sha(value: str) -> str:
    return hashlib.sha256(value.encode("utf-8")).hexdigest()[:32]


# Page furniture a text extractor keeps: a line that does not end like a sentence (menus, "Skip Navigation", share and
# newsletter boxes, bylines, captions credits, related-article headlines) and is not the first half of a wrapped
# sentence (the next line does not go on in lower case). Long list items ("- Nvidia fell 3%") stay.
SENTENCE_END = r"[.!?。！？:;\"”’')\]…]\s*$"
LIST_ITEM = r"^\s*(?:[-*•·▪]|\d+[.)])\s+(?:\S+\s+){5,}"
# Boilerplate that does end like a sentence.
FURNITURE_LINE = (
    r"(?i:^\s*(?:skip (?:to )?(?:navigation|content|main)|sign up|subscribe|share (?:this|on)|follow us|"
    r"read more"
    r"|related:|see also|advertisement|newsletter|image:|photo:|credit:|copyright|©|all rights reserved)"
    r"|when you (?:purchase|buy) through (?:our )?links|(?:is|as) a (?:senior |staff |contributing "
    r")?(?:reporter|writer|editor|correspondent) (?:at|for|with|covering)\b)"
)
# Byline, dateline and share buttons run into the first sentence of a line: "Reuters Tue 4 Aug 2026 20.47 EDT ... Share
# Prefer the Guardian on Google OpenAI and a subsidiary will pay ...", "Share Save Add as preferred on Google Liv
# McMahon
# Technology reporter BBC John Edwards ...": the line starts after the last button.
SHARE_BUTTONS = (
    r"^.*\b(?:Prefer the [\w ]{1,30}? on Google|Add (?:us )?(?:as (?:a )?preferred (?:source )?)?on Google"
    r"|Add as preferred on Google)\s+"
)
# A site name after the headline: "Replit taps OpenAI's model | Fortune Search Subscribe Home".
TITLE_SITE = r"\s+[|｜]\s.*$"


def split_sentences(articles: pl.DataFrame) -> pl.DataFrame:
    """articles(article_id, title, text, published_at) -> sentences(article_id, sent_idx, sentence, published_at).

    The title is sentence 0: headlines often state the event most plainly. Lines of the text that are page furniture
    (see SENTENCE_END) are not read: an event named only in a related-article headline is not this article's news.
    """
    placeholder = "\u2024"  # one-dot leader stands in for abbreviation dots while splitting
    line = pl.col("line")
    lines = (
        articles.select(
            "article_id",
            "published_at",
            title=pl.col("title").fill_null("").str.replace(TITLE_SITE, ""),
            line=pl.col("text").fill_null("").str.split("\n"),
        )
        .explode("line")
        .with_columns(line=pl.col("line").str.replace(SHARE_BUTTONS, ""))
        .with_columns(
            next_start=line.shift(-1).over("article_id").str.strip_chars_start().str.slice(0, 1),
            # without a title, the text's first line is the headline
            headline=(pl.int_range(pl.len()).over("article_id") == 0) & (pl.col("title").str.strip_chars() == ""),
        )
        .filter(
            (
                line.str.contains(SENTENCE_END)
                | line.str.contains(LIST_ITEM)
                | pl.col("next_start").str.contains(r"^[a-z]")
                | pl.col("headline")
            )
            & ~line.str.contains(FURNITURE_LINE)
        )
        .group_by("article_id", maintain_order=True)
        .agg(pl.col("published_at").first(), pl.col("title").first(), text=line.str.join("\n"))
    )
    articles = articles.select(
        "article_id", "published_at", pl.col("title").fill_null("").str.replace(TITLE_SITE, "")
    ).join(lines.select("article_id", "text"), on="article_id", how="left", maintain_order="left")
    text = pl.concat_str([pl.col("title").fill_null(""), pl.col("text").fill_null("")], separator="\n")
    # Markdown a page was saved as: "[released Sora](https://...)" reads "released Sora"; images are dropped.
    # Entities and spaces before punctuation a text extractor left: "Ben Affleck&#039;s", "River AI , the company".
    text = (
        text.str.replace_all("&#039;", "'", literal=True)
        .str.replace_all("&amp;", "&", literal=True)
        .str.replace_all("&quot;", '"', literal=True)
        .str.replace_all(r"(\w) ([,;:])\s", "$1$2 ")
        .str.replace_all(r"(\w) \.(\s|$)", "$1.$2")
    )
    text = text.str.replace_all(r"!\[[^\]\n]*\]\([^)\s]*\)", "").str.replace_all(
        r"\[([^\]\n]{1,300})\]\((?:https?://|"
        r"/)[^)\s]*\)",
        "$1",
    )
    return (
        articles.select("article_id", "published_at", text.alias("body"))
        .with_columns(
            pl.col("body")
            .str.replace_all(ABBREVIATIONS, f"$1{placeholder}")
            .str.replace_all(r"([.!?。！？][\"”’)]?)\s+", "$1\n")
            .str.split("\n")
            .alias("sentence")
        )
        .explode("sentence")
        .with_columns(
            pl.col("sentence")
            .str.replace_all(placeholder, ".", literal=True)
            .str.strip_chars()
            .str.slice(0, MAX_SENTENCE_CHARS)
        )
        .filter(pl.col("sentence").str.len_chars() > 3)
        .with_columns(sent_idx=pl.int_range(pl.len()).over("article_id"))
        .select("article_id", "sent_idx", "sentence", "published_at")
    )


def _names_past_year(sentence: pl.Expr, published: pl.Expr) -> pl.Expr:
    """'Musk left its board in 2018': an event dated to an earlier year than the article's is background."""
    years = sentence.str.extract_all(PAST_YEAR).list.eval(pl.element().str.extract(r"(\d{4})", 1).cast(pl.Int32))
    return (years.list.max() < published.dt.year().cast(pl.Int32)).fill_null(False)


def _license_name(raw: pl.Expr) -> pl.Expr:
    name = raw
    for pattern, canonical in reversed(LICENSE_NAMES):
        name = pl.when(raw.str.contains(pattern)).then(raw.str.replace(pattern + ".*$", canonical)).otherwise(name)
    return name


_LOOKUPS: dict[int, tuple[dict, pl.Series, pl.Series]] = {}


def _lookup(expr: pl.Expr, mapping: dict, default=None, return_dtype=pl.String) -> pl.Expr:
    """expr.replace_strict(mapping) with the mapping's key and value Series built once per mapping (a dict of thousands
    of gazetteer keys costs milliseconds to convert, on every call). Mappings must live as long as the gazetteer."""
    hit = _LOOKUPS.get(id(mapping))
    if hit is None or hit[0] is not mapping:
        hit = (mapping, pl.Series(list(mapping.keys())), pl.Series(list(mapping.values()), dtype=return_dtype))
        _LOOKUPS[id(mapping)] = hit
    return expr.replace_strict(hit[1], hit[2], default=default, return_dtype=return_dtype)


_BUILT: dict[tuple[str, int], tuple[object, pl.Expr]] = {}


def _built(name: str, build, g: gaz.Gazetteer | None = None) -> pl.Expr:
    """An expression built once (per gazetteer) and reused: str.extract_groups compiles its regex when the expression
    is built, and a few expressions here hold several of those (~15 ms per call in all)."""
    hit = _BUILT.get((name, id(g)))
    if hit is None or hit[0] is not g:
        hit = (g, build())
        _BUILT[(name, id(g))] = hit
    return hit[1]


_MAPS: dict[int, tuple[gaz.Gazetteer, dict]] = {}


def _maps(g: gaz.Gazetteer) -> dict[str, dict]:
    """Lookups derived from a gazetteer, built once per gazetteer."""
    hit = _MAPS.get(id(g))
    if hit is None or hit[0] is not g:
        hit = (
            g,
            {
                "model_org": {m: e["org"] for m, e in g.models.items()},
                "model_open": {m: e.get("open_weights") for m, e in g.models.items()},
                "model_license": {m: e.get("license") for m, e in g.models.items()},
                "org_kind": {name: e.get("kind", "other") for name, e in g.orgs.items()},
            },
        )
        _MAPS[id(g)] = hit
    return hit[1]


def _canonical(expr: pl.Expr, mapping: dict[str, str]) -> pl.Expr:
    return expr.str.replace_all(r"[\s\-_’']+", "").str.to_lowercase().pipe(_lookup, mapping)


def _model_occurrences(sents: pl.DataFrame, g: gaz.Gazetteer, article_orgs: pl.DataFrame) -> pl.DataFrame:
    """One row per model named in a sentence, with whether it is named as a comparison point.

    A sentence is cut into clauses ("X matches A, and Y is similar to B": two claims). In a clause, a model is a
    comparison point when it comes after the clause's first comparison cue ("matching", "ahead of", "competitive
    with" ...) or has a weak cue just before it ("like", "previous", "based on"). `benchmarked` marks the comparison
    points that follow a performance cue ("outperforms", "on par with"): what a benchmark claim is made against.
    `is_family` marks a name used for a product line ("its Llama 4 family", "Llama 3.1, a family of models").
    """
    # Licence names ("Llama 3.1 Community License") are not model mentions. "Cheaper rivals, including ..." is a noun,
    # not a claim; in "trains o1-preview rival Sky-T1" the name after "rival" is the subject and the one before it the
    # yardstick.
    text = (
        pl.col("sentence")
        .str.replace_all(LICENSE, " ")
        .str.replace_all(RIVALS_NOUN, "competitors$1")
        .str.replace_all(RIVAL_COMPOUND, "like $1, $2")
    )
    # Only sentences that name a model are read: where no licence or rival rewrite applies the text is the sentence,
    # so a sentence without a model match and without "licen..."/"rival" has no model occurrence.
    # (`context` finds a match wherever the model pattern does; using it here shares its compiled regex with the
    # extraction below)
    context = rf"(?:\S+\s+){{0,4}}?{g.model_pattern}{FAMILY_SUFFIX}?"
    sents = sents.filter(
        pl.col("sentence").str.contains(context)
        | pl.col("sentence").str.contains(
            r"(?i:rival)|"
            r"[Ll]icen[cs]e"
        )
    )
    clauses = (
        sents.select("article_id", "sent_idx", clause=text.str.replace_all(CLAUSE_BREAK, "\x1e").str.split("\x1e"))
        .explode("clause")
        .with_columns(clause_idx=pl.int_range(pl.len()).over("article_id", "sent_idx"))
    )
    # the lower-cased clause and where its first comparison cue is, computed once (each is used several times)
    clauses = clauses.with_columns(clause_low=pl.col("clause").str.to_lowercase())
    clauses = clauses.with_columns(cue_at=pl.col("clause_low").str.find(STRONG_COMPARISON))
    clause_low, cue_at = pl.col("clause_low"), pl.col("cue_at")
    split = clauses.select(
        "article_id",
        "sent_idx",
        "clause_idx",
        bench_clause=clause_low.str.contains(BENCHMARK),
        clause_negated=clause_low.str.contains(NEGATION),
        before=pl.when(cue_at.is_null()).then(pl.col("clause")).otherwise(pl.col("clause").str.slice(0, cue_at)),
        after=pl.when(cue_at.is_null()).then(pl.lit("")).otherwise(pl.col("clause").str.slice(cue_at)),
    )
    keys = ["article_id", "sent_idx", "clause_idx", "bench_clause", "clause_negated"]
    occ = pl.concat(
        [
            split.select(*keys, pl.col("before").str.extract_all(context).alias("ctx"), after_cue=pl.lit(False)),
            split.select(*keys, pl.col("after").str.extract_all(context).alias("ctx"), after_cue=pl.lit(True)),
        ]
    )
    occ = (
        occ.explode("ctx")
        .drop_nulls("ctx")
        .with_columns(
            occ_idx=pl.int_range(pl.len()).over("article_id", "sent_idx", "clause_idx", "after_cue"),
            is_family=pl.col("ctx").str.contains(FAMILY_SUFFIX + "$"),
            core=pl.col("ctx").str.replace(FAMILY_SUFFIX + "$", ""),
        )
        .with_columns(model_text=pl.col("core").str.extract(rf"({g.model_pattern})$", 1))
        .with_columns(
            model=_canonical(pl.col("model_text"), g.model_by_key),
            is_short=pl.col("model_text")
            .str.replace_all(r"[\s\-_’']+", "")
            .str.to_lowercase()
            .is_in(list(g.short_model_keys)),
            prefix=pl.col("core").str.slice(0, pl.col("core").str.len_chars() - pl.col("model_text").str.len_chars()),
        )
        .with_columns(
            model_org=_lookup(pl.col("model"), _maps(g)["model_org"]),
            is_comparison=pl.col("after_cue") | pl.col("prefix").str.to_lowercase().str.contains(WEAK_COMPARISON),
            not_released=pl.col("prefix").str.to_lowercase().str.contains(NOT_RELEASED_PREFIX),
        )
        # "access to o1, GPT-4o, and Advanced Voice": a model listed right after one that is not released is not either
        .with_columns(
            not_released=pl.when(
                pl.col("prefix").str.contains(r"^[\s,;]*(?:and|or|as well as|&)?\s*$") & (pl.col("occ_idx") > 0)
            )
            .then(None)
            .otherwise(pl.col("not_released"))
            .forward_fill()
            .over("article_id", "sent_idx", "clause_idx", "after_cue", order_by="occ_idx")
        )
        .with_columns(
            benchmarked=pl.col("after_cue")
            & pl.col("bench_clause")
            & ~pl.col("model").is_in(_bare_families(g))
            & ~pl.col("is_family")
        )
        .join(article_orgs, on="article_id", how="left")
        .sort("article_id", "sent_idx", "clause_idx", "after_cue", "occ_idx")
    )
    # A short form ("R1") counts only where its maker is named somewhere in the article.
    return occ.filter(
        pl.col("model").is_not_null()
        & (~pl.col("is_short") | pl.col("article_orgs").list.contains(pl.col("model_org")).fill_null(False))
    ).select(
        "article_id",
        "sent_idx",
        "clause_idx",
        "model",
        "model_org",
        "is_comparison",
        "benchmarked",
        "bench_clause",
        "is_family",
        "is_short",
        "clause_negated",
        "not_released",
    )


def _bare_families(g: gaz.Gazetteer) -> list[str]:
    """Family names without a version ("Qwen", "Gemini"): product lines, not models."""
    return [m for m, e in g.models.items() if e.get("family") == m and not any(c.isdigit() for c in m)]


def _money_occurrences(sents: pl.DataFrame, g: gaz.Gazetteer) -> pl.DataFrame:
    """One row per amount of money, with the few words before it (to tell a valuation or whose cost it is).

    The sentence is cut after each amount ("... priced at \x1f$32 / 1M ... (\x1f$0.40 ..."), so each amount gets its
    own piece and both context widths are read from that one piece: two separate extract_all passes with different
    context widths can find different amounts (one amount hidden inside the other's context) and disagree in count.
    """
    piece = pl.col("piece")
    return (
        sents.select(
            "article_id",
            "sent_idx",
            piece=pl.col("sentence")
            .str.replace_all(r"[\x1e\x1f]", " ")
            .str.replace_all(MONEY_PATTERN, "\x1f${0}\x1e")
            .str.split("\x1e"),
        )
        .explode("piece")
        # the words right after the amount, from the next piece: "at a $1 billion valuation"
        .with_columns(
            follows=piece.shift(-1).over("article_id", "sent_idx").str.extract(r"^([^\x1f]{0,40})", 1).fill_null("")
        )
        .filter(piece.str.contains("\x1f", literal=True))
        .with_columns(
            # the amount with up to 4 (8) words before it, back to the previous amount's end; the 8 words show a
            # valuation told with a hedge: "a deal that values Scale at more than $29 billion"
            ctx=piece.str.extract(r"((?:\S+\s+){0,4}\x1f[^\x1f]*)$", 1).str.replace("\x1f", "", literal=True),
            wide=piece.str.extract(r"((?:\S+\s+){0,8}\x1f[^\x1f]*)$", 1).str.replace("\x1f", "", literal=True),
            money_text=piece.str.extract(r"\x1f([^\x1f]*)$", 1),
        )
        .drop("piece")
        .with_columns(
            amount_usd=_built("money_to_usd", lambda: money_to_usd(pl.col("money_text"))),
            is_valuation=pl.col("ctx").str.to_lowercase().str.contains(VALUATION)
            | pl.col("follows").str.contains(r"^\s*(?i:(?:post|pre)-money\s+)?(?i:valuation)\b")
            | pl.col("wide")
            .str.to_lowercase()
            .str.contains(
                r"\bvalu(?:es|ed|"
                rf"ing)\s+[^,;]*?\bat\s+(?:[a-z]+\s+){{0,3}}"
                rf"{MONEY_PATTERN}$"
            ),
            owner_model=_canonical(
                pl.col("ctx").str.extract(rf"({g.model_pattern})\S*\s+{MONEY_PATTERN}$", 1), g.model_by_key
            ),
            money_idx=pl.int_range(pl.len()).over("article_id", "sent_idx"),
        )
        .drop_nulls("amount_usd")
    )


def _first_in(text: pl.Expr, g: gaz.Gazetteer) -> pl.Expr:
    return _canonical(text.str.extract(f"({g.org_pattern})", 1), g.org_by_key)


def _subject_org(text: pl.Expr, tail: str, g: gaz.Gazetteer) -> pl.Expr:
    """The company named right before an event verb (`tail` matches from the end of the name through the verb): a
    gazetteer name anywhere, an unknown name only in a subject position (see KIND_LEFT)."""
    known = _canonical(text.str.extract(ANY_LEFT + SUBJECT_NAME + tail, 1), g.org_by_key)
    unknown = text.str.extract(KIND_LEFT + SUBJECT_NAME + tail, 1)
    first = unknown.str.extract(r"^(\S+)", 1)
    plausible = (
        (unknown.str.len_chars() >= 2)
        & ~unknown.str.contains(PHRASE_WORD)
        & ~first.is_in(NOT_NAMES + list(MONTHS) + WEEKDAYS)
        & _canonical(unknown, g.model_by_key).is_null()
    )
    return pl.coalesce(known, pl.when(plausible).then(unknown))


def _where(df: pl.DataFrame, cue: pl.Expr, **columns: pl.Expr) -> pl.DataFrame:
    """df with `columns` computed only on the rows where `cue` holds and null on the others.

    For costly expressions that are null wherever a cheap cue is absent (the cue must be implied by every non-null
    result): they run on a fraction of the rows instead of all of them."""
    df = df.with_row_index("_row")
    found = df.filter(cue).select("_row", **columns)
    return df.join(found, on="_row", how="left", maintain_order="left").drop("_row")


def _frame(df: pl.DataFrame, type_: str, **columns: pl.Expr) -> pl.DataFrame:
    """Shape a builder's rows as mentions; fields a type does not have stay null."""
    exprs = []
    for name, dtype in MENTION_SCHEMA.items():
        if name in columns:
            exprs.append(columns[name].cast(dtype).alias(name))
        elif name in ("article_id", "evidence", "event_date", "status", "confidence") and name in df.columns:
            exprs.append(pl.col(name).cast(dtype))
        elif name == "type":
            exprs.append(pl.lit(type_).alias(name))
        elif name == "evidence":
            exprs.append(pl.col("sentence").alias(name))
        else:
            exprs.append(pl.lit(None, dtype=dtype).alias(name))
    return df.select(*exprs, pl.col("sent_idx"))


def extract_mentions(articles: pl.DataFrame, g: gaz.Gazetteer | None = None) -> pl.DataFrame:
    """articles(article_id, title, text, published_at) -> mentions (MENTION_SCHEMA)."""
    g = g or gaz.default()
    if articles.is_empty():
        return pl.DataFrame(schema=MENTION_SCHEMA)
    # `low`, the lower-cased sentence, is computed once here: most cue patterns are matched on it. `org_hits` (the
    # gazetteer's org names as written) is the one full scan with the big org pattern; sentences without any hit are
    # skipped by the rules that need a known company.
    sents = split_sentences(articles).with_columns(
        low=pl.col("sentence").str.to_lowercase(), org_hits=pl.col("sentence").str.extract_all(g.org_pattern)
    )
    low = pl.col("low")
    # Names at token boundaries only: "io" in "Respond.io" or "ai" in "Scaled.ai" is no company (a whole alias like
    # "Z.ai" is one hit and stays).
    sents = sents.with_columns(
        org_hits=pl.when(pl.col("sentence").str.contains(DOTTED_TAIL))
        .then(
            pl.col("org_hits").list.set_difference(
                pl.col("sentence").str.extract_all(DOTTED_TAIL).list.eval(pl.element().str.slice(2))
            )
        )
        .otherwise(pl.col("org_hits"))
    )
    sents = sents.with_columns(
        orgs=pl.col("org_hits").list.eval(_canonical(pl.element(), g.org_by_key)).list.drop_nulls(),
        negated=low.str.contains(NEGATION),
        status=pl.when(low.str.contains(PLANNED))
        .then(pl.lit("planned"))
        .when(low.str.contains(REPORTED))
        .then(pl.lit("reported"))
        .otherwise(pl.lit("done")),
        open_weights=pl.when(low.str.contains(OPEN_SOURCED))
        .then(True)
        .when(low.str.contains(OPEN_NO))
        .then(False)
        .when(low.str.contains(OPEN_YES))
        .then(True),
        past_year=_names_past_year(pl.col("sentence"), pl.col("published_at")),
    )
    # Costly columns that are null in a sentence without their cue word, computed only where it is (a fraction of
    # the sentences): a date needs a month, weekday, quarter or ISO date; a licence the word "licence"/"license".
    sents = _where(
        sents,
        pl.col("sentence").str.contains(DATE_CUE),
        event_date=_built("event_date", lambda: resolve_event_date(pl.col("sentence"), pl.col("published_at"))),
    )
    # "Dec 26, '24: DeepSeek V3 launched" in a 2025 article, "released in December 2024", "In March, the company
    # raised":
    # an event dated well before the article is history. (The lead tells the article's subject, dates included, and a
    # date there often belongs to a background clause beside the news: "its first since GPT-2 in 2019".)
    when = (
        pl.col("event_date")
        .str.to_date("%Y-%m-%d", strict=False)
        .fill_null(pl.col("event_date").str.to_date("%Y-%m", strict=False))
    )
    stale = ((pl.col("published_at").dt.date() - when).dt.total_days() > STALE_DAYS).fill_null(False)
    # (A year alone may date another clause - "Baidu, whose CEO argued in 2024 ..., open-sourced ERNIE 4.5 on June 30" -
    # so it counts only where the sentence gives no date.)
    # A date in front of the sentence dates its main clause, in the lead too: "In September 2023 Huawei announced ...",
    # "Dec 5, '24: o1 launched" in a later year's article.
    fronted = pl.coalesce(pl.col("sentence").str.extract(FRONTED_YEAR, 1),
                          pl.col("sentence").str.extract(FRONTED_YEAR, 2))
    fronted_year = (pl.when(fronted.str.len_chars() == 2).then(pl.lit("20") + fronted).otherwise(fronted)
                    .cast(pl.Int32, strict=False))
    sents = sents.with_columns(
        history=(
            (stale | (pl.col("past_year") & when.is_null())) & (pl.col("sent_idx") > LEAD_SENTENCES)
            | (fronted_year < pl.col("published_at").dt.year().cast(pl.Int32)).fill_null(False)
        )
        & (pl.col("status") != "planned")
    )
    sents = _where(
        sents,
        pl.col("sentence").str.contains("icen", literal=True),
        license=_license_name(pl.col("sentence").str.extract(LICENSE, 1)),
    )
    sents = _where(
        sents,
        pl.col("sentence").str.contains(NEW_ORG_CUE),
        new_org=_built("new_org", lambda: _unknown_org(pl.col("sentence"), g), g),
    )
    article_orgs = (
        sents.select("article_id", "orgs")
        .explode("orgs")
        .group_by("article_id")
        .agg(article_orgs=pl.col("orgs").drop_nulls().unique())
    )
    models = _model_occurrences(sents, g, article_orgs)
    subject = (
        models.filter(
            ~pl.col("is_comparison")
            & ~pl.col("is_family")
            & ~pl.col("model").is_in(_bare_families(g))
            & ~pl.col("clause_negated")
        )
        .group_by("article_id", "sent_idx")
        .agg(subject_model=pl.col("model").first())
    )
    all_sents = (
        sents.join(subject, on=["article_id", "sent_idx"], how="left")
        .sort("article_id", "sent_idx")
        .with_columns(
            # the model and org "in focus": what "the model" / "the company" refer to
            focus_model=pl.col("subject_model").shift(1).forward_fill().over("article_id"),
            focus_org=pl.col("orgs")
            .list.filter(~_lookup(pl.element(), _maps(g)["org_kind"], default="other").is_in(NON_ACTORS))
            .list.first()
            .forward_fill()
            .over("article_id"),
        )
        .with_columns(
            prev_focus_org=pl.col("focus_org").shift(1).over("article_id"),
            focus_new_org=pl.col("new_org").forward_fill().over("article_id"),
        )
    )
    # A negation drops its sentence ("has not released R2"); releases are judged clause by clause, so a sentence that
    # ships two models and drops plans for a third keeps the two.
    sents = all_sents.filter(~pl.col("negated"))
    money = _money_occurrences(sents, g).join(sents, on=["article_id", "sent_idx"], how="inner")
    found = [
        _model_releases(all_sents, models.filter(~pl.col("clause_negated")), g),
        _training_costs(money, sents, g),
        _funding(money, g, _article_short_names(sents, g)),
        _acquisitions(sents, money, g),
        _partnerships(sents, g),
        _market_moves(sents, money, g),
        _policy(sents),
        _benchmarks(sents, models),
        _legal(sents, g),
        _leadership(sents, g),
    ]
    mentions = pl.concat(
        [f for f in found if not f.is_empty()] or [pl.DataFrame(schema={**MENTION_SCHEMA, "sent_idx": pl.Int64})],
        how="vertical_relaxed",
    )
    return _finish(mentions, list(g.orgs), articles.select("article_id", "published_at"))


def _model_releases(sents: pl.DataFrame, models: pl.DataFrame, g: gaz.Gazetteer) -> pl.DataFrame:
    low = pl.col("low")
    # "The raise comes a week after the launch of its newest model": a release used as a time marker is background too.
    # (kept as columns: each is used several times below)
    sents = sents.with_columns(background=low.str.contains(BACKGROUND) | low.str.contains(TIME_MARKER))
    background = pl.col("background")
    # A plan is never background: "plans to open-source Grok 2, in line with a policy of publishing a predecessor".
    sents = sents.with_columns(
        is_cue=low.str.contains(RELEASE)
        & ~(background & pl.col("event_date").is_null() & (pl.col("status") == "done"))
        & ~pl.col("history")
    )
    is_cue = pl.col("is_cue")
    actor = ~_lookup(pl.element(), _maps(g)["org_kind"], default="other").is_in(NON_ACTORS)
    sents = sents.with_columns(
        # "Meta released the first two models of its Llama 4 family. Llama 4 Scout and Llama 4 Maverick are ...":
        # a release that names no model is told by the next sentence's newly named models.
        pending_org=pl.when(
            is_cue & ~pl.col("negated") & pl.col("subject_model").is_null() & low.str.contains(RELEASED_MODELS)
        )
        .then(pl.coalesce(pl.col("orgs").list.filter(actor).list.first(), "focus_org"))
        .shift(1)
        .over("article_id")
    )
    # A lab's announcement headline names the model alone or before a tagline: "Claude 2", "GPT-4o mini: advancing
    # cost-efficient intelligence", "DeepSeek-V3 发布". (A bare family - "Gemini: ..." - is no release; see below.)
    # (also "Claude 3.7 Sonnet and Claude Code", "GPT-4V(ision) system card": names only, or the model's card)
    titled = _canonical(
        pl.col("sentence").str.extract(rf"^({g.model_pattern})(?:\s*[:：]\s|\s+发布|\s*$|{TITLE_NAMES_TAIL})", 1),
        g.model_by_key,
    )
    sents = sents.with_columns(title_model=pl.when(pl.col("sent_idx") == 0).then(titled), verb_cue=is_cue).with_columns(
        is_cue=is_cue | pl.col("title_model").is_not_null()
    )
    cue = sents.filter(is_cue)
    # A bare family name ("Qwen", "Gemini") names a product line, not a release.
    bare_families = _bare_families(g)
    rows = cue.join(
        models.filter(~pl.col("is_comparison") & ~pl.col("not_released") & ~pl.col("model").is_in(bare_families)),
        on=["article_id", "sent_idx"],
        how="inner",
    )
    # (such a headline releases its own model only: "Sky-T1: Train your own o1-preview model" does not release
    # o1-preview)
    rows = rows.filter(pl.col("verb_cue") | (pl.col("model") == pl.col("title_model")))
    specific = models.filter(~pl.col("is_comparison") & ~pl.col("is_family") & ~pl.col("model").is_in(bare_families))
    first_seen = models.group_by("article_id", "model").agg(first_idx=pl.col("sent_idx").min())
    told_next = (
        sents.filter(pl.col("pending_org").is_not_null() & ~pl.col("negated") & ~background & ~pl.col("past_year"))
        .join(specific, on=["article_id", "sent_idx"], how="inner")
        .join(first_seen, on=["article_id", "model"], how="left")
        .filter((pl.col("first_idx") == pl.col("sent_idx")) & (pl.col("model_org") == pl.col("pending_org")))
    )
    no_name = cue.filter(~pl.col("negated") & pl.col("subject_model").is_null() & pl.col("focus_model").is_not_null())
    referred = no_name.filter(pl.col("sentence").str.contains(RELEASE_REF)).with_columns(model=pl.col("focus_model"))
    sized = (
        no_name.with_columns(
            size=pl.col("sentence")
            .str.extract(f"({SIZE_LIST})", 1)
            .str.extract_all(
                r"\d+(?:\.\d+)?[B"
                r"M]"
            )
        )
        .explode("size")
        .drop_nulls("size")
        .with_columns(
            model=_canonical(
                pl.concat_str(
                    pl.col("focus_model").str.replace(r"[\s\-]\d+(?:\.\d+)?[BM]$", ""), pl.col("size"), separator=" "
                ),
                g.model_by_key,
            )
        )
        .drop("size")
        .drop_nulls("model")
    )
    coref = pl.concat([referred, sized], how="diagonal_relaxed").with_columns(
        model_org=_lookup(pl.col("model"), _maps(g)["model_org"]), is_short=pl.lit(False), is_family=pl.lit(False)
    )
    rows = pl.concat([rows, told_next, coref], how="diagonal_relaxed")
    # "Llama 3.1, a family of models" is no release of its own where a member ("Llama 3.1 405B") is released.
    members = rows.select("article_id", member="model").unique()
    subsumed = (
        rows.filter(pl.col("is_family"))
        .select("article_id", "model")
        .unique()
        .join(members, on="article_id")
        .filter(
            (pl.col("member") != pl.col("model"))
            & (
                pl.col("member").str.starts_with(pl.col("model") + " ")
                | pl.col("member").str.starts_with(pl.col("model") + "-")
            )
        )
        .select("article_id", "model")
        .unique()
    )
    rows = rows.join(subsumed, on=["article_id", "model"], how="anti")
    # Licence and openness said of an org's models in general ("DeepSeek's open-weight models, under the MIT License")
    # apply to that org's releases in the same article.
    org_terms = (
        sents.filter(pl.col("license").is_not_null() | pl.col("open_weights").is_not_null())
        .join(models.select("article_id", "sent_idx").unique(), on=["article_id", "sent_idx"], how="anti")
        .explode("orgs")
        .drop_nulls("orgs")
        .group_by("article_id", "orgs")
        .agg(org_license=pl.col("license").drop_nulls().first(), org_open=pl.col("open_weights").drop_nulls().first())
        .rename({"orgs": "model_org"})
    )
    rows = pl.concat(
        [
            rows.with_columns(is_new=pl.lit(False)),
            _unknown_models(cue, models, g),
            _new_versions(sents, g),
            _announced_models(sents, g),
        ],
        how="diagonal_relaxed",
    )
    rows = rows.join(org_terms, on=["article_id", "model_org"], how="left")
    lead = models.filter(pl.col("sent_idx") <= LEAD_SENTENCES).select("article_id", "model").unique()
    # Past the lead a release is news where the release verb takes the model as its object ("On day 9, OpenAI released
    # its o1 model"): a round-up of many launches tells each one so.
    escaped = pl.col("model").str.to_lowercase().str.replace_all(r"([.+*?()\[\]{}|^$\\])", r"\$1")
    direct = low.str.contains(
        pl.concat_str(
            pl.lit(
                r"\b(?:" + RELEASE_VERBS + r"|post(?:s|ed)|upload(?:s|ed)|"
                r"publish(?:es|"
                r"ed))\s+(?:[\w’'\-]+\s+){0,3"
                r"}?"
            ),
            escaped,
        ),
        strict=False,
    ).fill_null(False)
    deep = rows.filter(pl.col("sent_idx") > LEAD_SENTENCES)
    rows = pl.concat(
        [
            rows.filter(pl.col("sent_idx") <= LEAD_SENTENCES),
            deep.join(lead, on=["article_id", "model"], how="semi"),
            deep.join(lead, on=["article_id", "model"], how="anti").filter(direct),
        ],
        how="diagonal_relaxed",
    )
    known_open = _lookup(pl.col("model"), _maps(g)["model_open"], return_dtype=pl.Boolean)
    known_license = _lookup(pl.col("model"), _maps(g)["model_license"])
    return _frame(
        rows,
        "model_release",
        org=pl.col("model_org"),
        model=pl.col("model"),
        # What the sentence says, else what we know of the model, else what the article says of its maker's models.
        open_weights=pl.coalesce("open_weights", known_open, "org_open"),
        license=pl.coalesce("license", known_license, pl.when(known_open.fill_null(True)).then(pl.col("org_license"))),
        confidence=pl.lit(0.85)
        - pl.col("is_short").cast(pl.Float64) * 0.1
        + pl.col("event_date").is_not_null().cast(pl.Float64) * 0.1
        - pl.col("is_new").cast(pl.Float64) * 0.25,
    )


def _unknown_org(sentence: pl.Expr, g: gaz.Gazetteer) -> pl.Expr:
    """A company the gazetteer does not know, from how it is introduced: 'a startup called Foo', 'Foo, a Paris-based
    startup, ...', or a capitalised subject right before an event verb ('Acme AI raised ...')."""
    # Datelines, editors' notes ("[Translated from Chinese tech press]") and a place's possessive come before the name.
    sentence = (
        sentence.str.replace(r"^\[[^\]]{1,80}\]\s*", "")
        .str.replace(DATELINE, "")
        .str.replace(r"^[A-Z][a-z]+(?:’s|'s)\s+", "")
    )
    appos = sentence.str.extract_groups(
        rf"^(?:[^\x00-\x7F]+\s*\()?(?P<name>{ORG_SHAPE})\)?,? (?P<desc>(?:a|an|the) [\w\s,\-]{{0,50}}?)"
        r"(?i:startup|start-up|company|firm|lab|developer|maker|designer|publisher|studio|group|provider)\b"
    )
    candidates = [
        sentence.str.extract(rf"(?i:startup|start-up|company|firm|lab|developer) (?:called|named) ({ORG_SHAPE})", 1),
        # "云帆智算 (Yunfan Zhisuan), a Suzhou-based designer of chips": the romanised name of a Chinese one.
        # (not a person: "Nat Friedman, the former GitHub chief executive, will co-lead the lab")
        pl.when(~appos.struct.field("desc").str.contains(rf"(?i:{ROLE}|\bexecutive\b|\bfounder\b)")).then(
            appos.struct.field("name")
        ),
        sentence.str.extract(rf"^({ORG_SHAPE}) (?:has |have |had |on \w+ )?(?:{SUBJECT_VERBS})\b", 1),
    ]
    name = pl.coalesce(candidates).str.strip_chars()
    known = _canonical(name, g.org_by_key).is_not_null() | _canonical(name, g.model_by_key).is_not_null()
    first = name.str.extract(r"^(\S+)", 1)
    return pl.when(
        ~known
        & ~name.is_in(NOT_NAMES)
        & ~first.is_in(NOT_NAMES)
        & ~first.is_in(list(MONTHS))
        & (name.str.len_chars() >= 2)
    ).then(name)


VERSION_SUFFIX = (
    r"(?:[\s\-](?:Flash-Lite|Flash|Lite|Pro|Ultra|Mini|mini|Nano|Max|Plus|Turbo|Sonnet|Opus|Haiku|"
    r"Thinking|Instruct"
    r"|Cyber|Coder))*\b"
)
VERSION_TAIL = r"[\s\-]?(?:[A-Z][a-z]+\s)?[A-Za-z]?\d+(?:\.\d+)?" + VERSION_SUFFIX
# "Gemini 3.6 Flash, 3.5 Flash-Lite and 3.5 Flash Cyber": versions listed after the first keep its line's name.
VERSION_LIST_SEP = r",\s*(?:and\s+)?|\s+and\s+|\s*&\s*"


def _family_stems(g: gaz.Gazetteer) -> dict[str, str]:
    """Name stems of a maker's model line ("Gemini", "Claude", "Kimi", "GLM": a word the gazetteer has at least three
    models of, all by one org) -> that org; a new version of the line ("Gemini 3.7 Flash") is that org's."""
    orgs: dict[str, set] = {}
    counts: dict[str, int] = {}
    for name, entry in g.models.items():
        stem = re.split(r"[\s\-]", name)[0]
        if (
            entry.get("org")
            and re.fullmatch(r"[A-Za-z]{3,}", stem)
            and stem not in ("OpenAI", "Amazon", "Stable", "Command", "Eleven")
        ):
            orgs.setdefault(stem, set()).add(entry["org"])
            counts[stem] = counts.get(stem, 0) + 1
    return {stem: next(iter(o)) for stem, o in orgs.items() if len(o) == 1 and counts[stem] >= 3}


# After a model's name in a headline: more names only ("Claude 3.7 Sonnet and Claude Code"), or its card.
TITLE_NAMES_TAIL = (
    r"(?:\([a-z]+\))?\s+(?:and|&)\s+[A-Z][\w.\-]*(?:\s+[A-Z0-9][\w.\-]*){0,3}\s*$"
    r"|(?:\([a-z]+\))?\s+(?i:system|model)\s+card\s*$"
)
# A lab announcing its own model: a headline "GraphCast: AI model for ...", "RoboCat: A self-improving robotic agent",
# "Introducing Claude"; a lead "We introduce GraphCast, a state-of-the-art AI model". The name need not be known.
ANNOUNCED_NAME = r"[A-Z][\w.\-]*(?:\s+(?:[A-Z0-9][\w.\-]*|pro|mini|lite|flash|max|plus|turbo|v\d[\w.]*))*"
MODEL_NOUN = r"(?i:models?|llms?|agent)\b"
DESCRIPTION = r"(?P<desc>(?:[\w'’\-]+,?\s+){0,7}?)"
TITLE_ANNOUNCED = (
    rf"^(?:Introducing\s+)?(?P<name>{ANNOUNCED_NAME})\s*[:：]\s+{DESCRIPTION}{MODEL_NOUN}(?P<after>\s*[\w"
    r"\-]*)"
)
LEAD_ANNOUNCED = (
    rf"(?:^(?i:introducing)|\b(?i:we(?:[’']re|\s+are)?\s+introduc(?:e|ing)))\s+(?P<name>{ANNOUNCED_NAME})"
    rf"(?:,\s+|\s*[:：]\s+|\s+(?:is|as)\s+){DESCRIPTION}{MODEL_NOUN}(?P<after>\s*[\w\-]*)"
)
# What the described thing is when it is no model of the lab's ("a framework for text-to-image models", "a benchmark").
NOT_A_MODEL = (
    r"(?i:(?:^|\s)(?:for|of|to|with|in|on|by|from|about|framework|benchmark|dataset|evaluation|method|"
    r"library"
    r"|toolkit|platform|protocol|api|paper)(?:\s|,|$))"
)
NOT_A_MODEL_AFTER = (
    r"^\s*(?i:framework|benchmark|card|evaluation|dataset|api|platform|protocol|library|toolkit|"
    r"training)"
)
# A paper's title: a name, then what the paper does ("Sleeper Agents: Training Deceptive LLMs ...", "Towards X: ...").
# A section label before a headline's colon is no name either ("Opinion: The AI spending boom needs a business model").
# A verb closing a headline's name, and tools named like models ("Gemini CLI: your open-source AI agent").
NAME_VERB = r"\s+(?:Launched|Released|Unveiled|Announced|Arrives|Debuts|Launches|Is Here|Now Available)$"
NOT_A_MODEL_NAME = r"\s(?:CLI|API|SDK|App|Apps|Platform|Studio|Store|Plugin|Extension)$"
PAPER_TITLE = (
    r"^(?:[A-Z][a-z]+ing\b|(?i:towards?|on|beyond|why|how|when|what)\s"
    r"|(?i:opinion|analysis|review|editorial|comment(?:ary)?|interview|explainer|podcast|video|watch|listen"
    r"|live|exclusive|breaking|update|letters?|perspective|column|newsletter|feature|report|op-ed|guest "
    r"post)$)"
)
INTRODUCING_ONLY = r"^(?i:introducing)\s+(?P<name>[A-Z][\w.\-]*)\s*$"


def _announced_models(sents: pl.DataFrame, g: gaz.Gazetteer) -> pl.DataFrame:
    """A lab's announcement of its own model, in its headline or lead (TITLE_ANNOUNCED, LEAD_ANNOUNCED): the model
    the name is, or a new one made by the article's first company (the lab whose page it is), or by the maker of the
    model line the name begins with ("Introducing Claude")."""
    stems = _family_stems(g)
    rows = sents.filter(
        (pl.col("sent_idx") <= 3)
        & ~pl.col("negated")
        & pl.col("sentence").str.contains(r"(?i:introduc|model|llm|agent)")
    )
    if rows.is_empty():
        return rows
    title = pl.col("sentence").str.extract_groups(TITLE_ANNOUNCED)
    lead = pl.col("sentence").str.extract_groups(LEAD_ANNOUNCED)
    # (a headline's "X: ..." first, else a lead's "we introduce X, a ... model"; a headline "Introducing <model line>")
    described = (
        pl.when((pl.col("sent_idx") == 0) & title.struct.field("name").is_not_null()).then(title).otherwise(lead)
    )
    only = pl.when(pl.col("sent_idx") == 0).then(pl.col("sentence").str.extract(INTRODUCING_ONLY, 1))
    first_org = (
        sents.filter(pl.col("sent_idx") <= LEAD_SENTENCES)
        .select("article_id", "sent_idx", "orgs")
        .sort("article_id", "sent_idx")
        .explode("orgs")
        .drop_nulls("orgs")
        .filter(~_lookup(pl.col("orgs"), _maps(g)["org_kind"], default="other").is_in(NON_ACTORS))
        .group_by("article_id")
        .agg(first_org=pl.col("orgs").first())
    )
    desc, after, name = pl.col("desc").fill_null(""), pl.col("after").fill_null(""), pl.col("name")
    model_like = (
        ~desc.str.contains(NOT_A_MODEL)
        & ~after.str.contains(NOT_A_MODEL_AFTER)
        & ~name.str.contains(PHRASE_WORD)
        & ~name.str.contains(PAPER_TITLE)
        & ~name.str.contains(NOT_A_MODEL_NAME)
        & (~desc.str.contains(PAPER_TITLE) | desc.str.starts_with("Introducing"))
    )
    rows = (
        rows.with_columns(
            # "Seed-1.6-Embedding Launched: ...": the headline's verb is no part of the name
            name=described.struct.field("name").str.replace(NAME_VERB, "").str.strip_chars(),
            desc=described.struct.field("desc"),
            after=described.struct.field("after"),
            only=only,
        )
        .with_columns(
            name=pl.when(name.is_not_null() & model_like)
            .then("name")
            .when(pl.col("only").is_in(list(stems)))
            .then("only")
        )
        .drop_nulls("name")
        .join(first_org, on="article_id", how="left")
    )
    known = _canonical(pl.col("name"), g.model_by_key)
    stem_org = _lookup(pl.col("name").str.extract(r"^([A-Za-z]+)", 1), stems)
    rows = rows.filter(_canonical(pl.col("name"), g.org_by_key).is_null()).with_columns(
        model=pl.coalesce(known, "name"),
        model_org=pl.coalesce(_lookup(known, _maps(g)["model_org"]), stem_org, "first_org"),
        is_short=pl.lit(False),
        is_new=known.is_null(),
        is_family=pl.lit(False),
    )
    return rows.drop("name", "desc", "after", "only", "first_org").filter(pl.col("model_org").is_not_null())


def _new_versions(sents: pl.DataFrame, g: gaz.Gazetteer) -> pl.DataFrame:
    """'Introducing Gemini 3.7 Flash', 'Moonshot AI released open weights for Kimi K3': in the title or a release
    sentence of the lead, a version of a known model line that the gazetteer does not know yet is that maker's
    release."""
    stems = _family_stems(g)
    rows = sents.filter(
        (pl.col("sent_idx") <= 3) & ~pl.col("negated") & (pl.col("verb_cue") | (pl.col("sent_idx") == 0))
    )
    listed = rf"((?:{'|'.join(stems)}){VERSION_TAIL}(?:(?:{VERSION_LIST_SEP})\d+(?:\.\d+)?{VERSION_SUFFIX})*)"
    # A headline without a release verb releases only the names it consists of ("Gemini 3.6 Flash, 3.5 Flash-Lite,
    # and 3.5 Flash Cyber"), not one it compares ("Grok 4.6 and GPT5.6 beat Anthropic ...").
    # (and not one named as a yardstick: "... marketed as second only to Claude Fable 5")
    cue_at = pl.col("low").str.find(STRONG_COMPARISON)
    claim = pl.when(cue_at.is_null()).then(pl.col("sentence")).otherwise(pl.col("sentence").str.slice(0, cue_at))
    found = (
        pl.when(pl.col("verb_cue"))
        .then(claim.str.extract(r"\b" + listed, 1))
        .otherwise(
            # (a model repository's page: "DeepSeek-AI/DeepSeek-V4-Pro-0813")
            pl.col("sentence").str.extract(rf"^(?:[\w.\-]+/)?{listed}(?:\s*[:：]|[\-\w]*\s*$)", 1)
        )
    )
    rows = (
        rows.with_columns(model=found.str.replace_all(VERSION_LIST_SEP, "\x1e").str.split("\x1e"))
        .with_columns(stem=pl.col("model").list.first().str.extract(r"^([A-Za-z]+)", 1))
        .explode("model")
        .drop_nulls("model")
        .with_columns(
            model=pl.when(pl.col("model").str.contains(r"^\d"))
            .then(pl.concat_str("stem", pl.lit(" "), "model"))
            .otherwise("model")
            .str.strip_chars()
        )
        .filter(_canonical(pl.col("model"), g.model_by_key).is_null())
    )
    return rows.with_columns(
        model_org=_lookup(pl.col("stem"), stems), is_short=pl.lit(False), is_new=pl.lit(True), is_family=pl.lit(False)
    ).drop("stem")


# Words that open a capitalised name with a number that is no model: a date ("May 2"), a stage ("Phase 2").
NOT_MODEL_WORDS = (
    r"^(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|"
    r"Mar"
    r"|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Phase|"
    r"Stage"
    r"|Step|Part|Chapter|Level|Tier|Round|Season|Episode|Day|Week|Year|Section|Article|Figure|Table|"
    r"Q[1-4])\b"
)
# An evaluation names models it did not make: "We evaluate July 2026 fresh releases Kimi K3, Claude Opus 5, ...".
EVALUATION = r"\b(?:we|i|they) (?:evaluate|evaluated|compare|compared|test|tested|benchmark|benchmarked|ran)\b"
UNKNOWN_RELEASE_VERBS = RELEASE_VERBS + r"|introducing|releasing|launching|unveiling"


def _unknown_models(cue: pl.DataFrame, models: pl.DataFrame, g: gaz.Gazetteer) -> pl.DataFrame:
    """'Acme AI released Zephyr-9', 'Introducing Sonic-3.5 and Ink-2': versioned names right after a release verb,
    not in the gazetteer. Their maker is the maker of the model line the name begins with, else the org named in the
    sentence, else the newly introduced one; confidence is lower."""
    stems = _family_stems(g)
    shape_list = rf"({MODEL_SHAPE}(?:(?:,\s*|,?\s+and\s+|\s*&\s*){MODEL_SHAPE})*)"
    rows = (
        cue.filter(~pl.col("low").str.contains(EVALUATION))
        .with_columns(
            model=pl.col("sentence")
            .str.extract(
                rf"(?i:{UNKNOWN_RELEASE_VERBS})\s+(?:(?i:its|their|a|an|the)\s+)?"
                r"(?:(?i:new|latest|first|open[- ]weights?|open[- ]source|updated|next-generation)\s+)*"
                r"(?:(?i:model|llm|ai model|language model|reasoning model),?\s+)?(?:(?i:called|named|"
                rf"dubbed)\s+)?{shape_list}",
                1,
            )
            .str.replace_all(r",\s*|,?\s+and\s+|\s*&\s*", "\x1e")
            .str.split("\x1e"),
            # "released its first in-house AI model Wednesday morning, called Inkling": a name given as the model's
            called=pl.col("sentence")
            .str.extract(
                r"(?i:model|llm|system)\b[^.;:]{0,40}?,?\s+(?i:called|named|"
                r"dubbed)\s+([A-Z][\w.\-]+(?:\s[A-Z0-9][\w.\-]*){0,2})",
                1,
            )
            .str.strip_chars_end(".,"),
        )
        .with_columns(first=pl.col("model").list.first())
        .explode("model")
        .with_columns(model=pl.col("model").str.strip_chars_end("."))
    )
    rows = rows.with_columns(
        model=pl.when(pl.col("model").str.contains(r"\d"))
        .then("model")
        .when((pl.col("model") == pl.col("first")).fill_null(True) & ~pl.col("called").str.contains(PHRASE_WORD))
        .then("called")
    )
    rows = rows.drop("called", "first").filter(
        pl.col("model").is_not_null() & ~pl.col("model").str.contains(NOT_MODEL_WORDS)
    )
    rows = rows.filter(
        _canonical(pl.col("model"), g.model_by_key).is_null() & _canonical(pl.col("model"), g.org_by_key).is_null()
    )
    # Where a known model is named, a longer known name ("Claude 3.5 Sonnet") covers the candidate ("Claude 3.5").
    rows = rows.join(models.select("article_id", "sent_idx").unique(), on=["article_id", "sent_idx"], how="anti")
    actor = ~_lookup(pl.element(), _maps(g)["org_kind"], default="other").is_in(NON_ACTORS)
    return rows.with_columns(
        model_org=pl.coalesce(
            _lookup(pl.col("model").str.extract(r"^([A-Za-z]+)", 1), stems),
            pl.col("orgs").list.filter(actor).list.first(),
            pl.col("new_org"),
            pl.col("focus_new_org"),
        ),
        is_short=pl.lit(False),
        is_new=pl.lit(True),
    ).filter(pl.col("model_org").is_not_null())


def _training_costs(money: pl.DataFrame, sents: pl.DataFrame, g: gaz.Gazetteer) -> pl.DataFrame:
    # "$2/GPU hour", "$15 per million tokens": a price rate, not what a training run cost.
    money_text = pl.col("money_text").str.replace_all(r"([.+*?()\[\]{}|^$\\])", r"\$1")
    rate = (
        pl.col("sentence")
        .str.contains(pl.concat_str(money_text, pl.lit(r"\s*(?:/|per\b|an? (?:hour|month|year)\b)")), strict=False)
        .fill_null(False)
    )
    rows = money.filter(pl.col("low").str.contains(TRAINING) & ~pl.col("is_valuation") & ~rate)
    # The model in focus (named in an earlier sentence) owns the cost only in the lead: further down an amount with
    # "train" beside it is mostly someone else's run, a replication or a comparison.
    model = pl.coalesce(
        "owner_model", "subject_model", pl.when(pl.col("sent_idx") <= LEAD_SENTENCES).then("focus_model")
    )
    rows = rows.with_columns(model=model).drop_nulls("model")
    return _frame(
        rows,
        "training_cost",
        org=_lookup(pl.col("model"), _maps(g)["model_org"]),
        model=pl.col("model"),
        amount_usd=pl.col("amount_usd"),
        confidence=pl.when(pl.col("owner_model").is_not_null() | pl.col("subject_model").is_not_null())
        .then(0.85)
        .otherwise(0.7),
    )


NON_ACTORS = ["investor", "government", "regulator", "media"]


def _funding(money: pl.DataFrame, g: gaz.Gazetteer, short_names: pl.DataFrame) -> pl.DataFrame:
    """One round per sentence: the first amount that is neither a valuation nor a running total."""
    low = pl.col("low")
    ctx = (
        pl.col("ctx").str.to_lowercase().str.replace_all(r"\b(?:more|less|fewer) than\b", " ")
    )  # "more than $1bn" is the amount
    rows = money.filter(
        low.str.contains(FUNDING)
        & ~low.str.contains(FUNDING_NOT)
        & ~low.str.contains(FUNDING_BEFORE)
        & ~pl.col("history")
        & ~ctx.str.contains(RUNNING_TOTAL)
        & ~ctx.str.contains(YARDSTICK)
    )
    if rows.is_empty():
        return rows
    per_sentence = (
        rows.group_by("article_id", "sent_idx", maintain_order=True)
        .agg(
            amount_usd=pl.col("amount_usd").filter(~pl.col("is_valuation")).first(),
            valuation_usd=pl.col("amount_usd").filter(pl.col("is_valuation")).first(),
            sentence=pl.col("sentence").first(),
            orgs=pl.col("orgs").first(),
            focus_org=pl.col("focus_org").first(),
            new_org=pl.col("new_org").first(),
            event_date=pl.col("event_date").first(),
            status=pl.col("status").first(),
            prev_focus_org=pl.col("prev_focus_org").first(),
            valued=pl.col("sentence")
            .first()
            .str.extract(
                r"\b(?:values|valuing|"
                r"valued)\s+([A-Z][\w.\-]+(?:\s+[A-Z][\w.\-]+)?)",
                1,
            ),
        )
        .drop_nulls("amount_usd")
    )
    # What is valued may be named short ("Scale" for Scale AI): the article's full name for it.
    per_sentence = (
        per_sentence.with_columns(short=pl.col("valued").str.extract(r"^(\S+)", 1))
        .join(short_names, on=["article_id", "short"], how="left")
        .with_columns(valued_org=pl.coalesce(_canonical(pl.col("valued"), g.org_by_key), "appos_short_org"))
        .drop("short", "appos_short_org", "valued")
    )
    is_investor = _lookup(pl.element(), _maps(g)["org_kind"], default="other") == "investor"
    # "Amazon will invest $4 billion in Anthropic": the org after "invest ... in" receives the money.
    # "ASML leads €1.7 billion Series C in Mistral AI", "a round in Chinese chatbot startup Moonshot AI", "a stake in
    # X":
    # so does the org after a lead investor's round or stake "in"; "a deal that values Scale at $29 billion": the one
    # valued.
    recipient = pl.coalesce(
        _canonical(
            pl.col("sentence").str.extract(
                r"(?i:invest\w*|shareholder|backer|leads?|led|co-le(?:d|ads?)|round|"
                rf"stake)[^;]*?\bin\s+(?:the\s+)?(?:[\w\-]+\s+){{0,3}}?({g.org_pattern})",
                1,
            ),
            g.org_by_key,
        ),
        pl.col("valued_org"),
    )
    subject_org = _subject_org(pl.col("sentence").str.replace(r"\b[A-Z]\S*-backed\s+", ""), FUNDING_TAIL, g)
    # Orgs named as what describes a person ("Meta board member Charlie Songhurst", "former GitHub CEO Nat Friedman") or
    # as where money comes from ("a $2.5 billion investment from Microsoft") are not who raised it.
    bystanders = (
        pl.col("sentence")
        .str.extract_all(
            rf"(?:(?:{g.org_pattern})(?:’s|'s)?\s+(?i:co-?)?(?i:founder|board member|ceo|chief executive|cto|president|"
            r"chair\w*|executive|alum\w*|veteran)s?\b"
            rf"|\b(?:from|by|led by|backed by)\s+(?:[\w\-]+\s+){{0,2}}?(?:{g.org_pattern})"
            # a yardstick: "bringing its valuation to $965 billion and surpassing rival OpenAI"
            r"|\b(?i:rivals?|surpass\w*|overtak\w*|than|versus|like|such as)\s+"
            rf"(?:[\w\-]+\s+){{0,2}}?(?:{g.org_pattern}))"
        )
        .list.eval(_canonical(pl.element().str.extract(rf"({g.org_pattern})", 1), g.org_by_key))
        .list.drop_nulls()
    )
    named = pl.col("orgs").list.set_difference(bystanders).list.filter(~is_investor).list.first()
    # "Nvidia will invest $1.5 billion in SB Energy": the subject of "invest" gives the money; the recipient is the name
    # after "in", known or not.
    investing = pl.col("sentence").str.extract(
        r"([A-Z][\w&.\-]*(?:\s+[A-Z][\w&.\-]*)*?)\s+(?:\w+\s+){0,2}?(?i:invest(?:s|ed|ing)?)\b", 1
    )
    unknown_recipient = (
        pl.col("sentence")
        .str.extract(
            r"\b(?i:invest(?:s|ed|ing)?)\b[^;]*?\b(?i:in)\s+(?:the\s+)?([A-Z][\w&.\-]*(?:\s+[A-Z][\w&.\-]*){0,2}?)"
            r"(?:\s+(?i:to|for|as|at|with)\b|[.,;]|$)",
            1,
        )
        .str.strip_chars_end(".,")
    )
    # The company in focus raised only where the sentence refers to it ("The company has raised", "It raised"), not
    # where the round is someone unnamed's ("Legacy players like Berlin-based Charles (which raised ...)").
    refers = pl.col("sentence").str.contains(
        r"(?i:\b(?:it|(?:the|this|that|[a-z]+(?:’s|'s)) (?:[a-z]{1,12}[- ]){0,2}?(?:company|firm|startup|start-up|"
        r"group|business|lab|maker))\s+(?:\w+\s+){0,3}?"
        r"(?:has\s+|have\s+|had\s+)?(?:raised|raises|secured|secures|closed|closes|landed|lands|announced|is raising)"
        # or to its round: "the raise is roughly $3 billion", "The new money follows a ... Series A"
        r"|\b(?:the|this|its) (?:new |latest |fresh )?(?:raise|round|money|funding|financing)\b)"
    )
    # "River AI, the full-stack AI company founded by ..., today announced $1.1 billion": the sentence's subject.
    opens = pl.when(pl.col("sentence").str.starts_with(pl.col("new_org").fill_null("\x00"))).then("new_org")
    # (the company in focus is the one before this sentence where this one names only a yardstick or a backer)
    in_focus = pl.when(pl.col("by").list.contains(pl.col("focus_org"))).then("prev_focus_org").otherwise("focus_org")
    fallback = pl.coalesce(opens, named, "new_org", pl.when(refers).then(in_focus))
    per_sentence = per_sentence.with_columns(
        recipient=recipient, subject_org=subject_org, investing=_canonical(investing, g.org_by_key), by=bystanders
    ).with_columns(
        recipient=pl.coalesce("recipient", pl.when(pl.col("investing").is_not_null()).then(unknown_recipient))
    )
    per_sentence = per_sentence.with_columns(
        org=pl.coalesce(
            "recipient",
            "subject_org",
            pl.when(~pl.col("by").list.contains(fallback) & (fallback != pl.col("investing")).fill_null(True)).then(
                fallback
            ),
        ),
        round=pl.col("sentence").str.extract(ROUND, 1),
    )
    # Investors: the investor-kind orgs named, or, when the recipient is explicit, every other org named.
    investors = (
        per_sentence.select("article_id", "sent_idx", "org", "recipient", investor=pl.col("orgs"))
        .explode("investor")
        .filter(
            (pl.col("investor") != pl.col("org"))
            & (
                (_lookup(pl.col("investor"), _maps(g)["org_kind"], default="other") == "investor")
                | pl.col("recipient").is_not_null()
            )
        )
        .group_by("article_id", "sent_idx")
        .agg(investors=pl.col("investor").unique(maintain_order=True).str.join("; "))
    )
    per_sentence = per_sentence.join(investors, on=["article_id", "sent_idx"], how="left").filter(
        pl.col("org").is_not_null()
    )
    per_sentence = per_sentence.with_columns(
        confidence=pl.when(pl.col("orgs").list.contains(pl.col("org")) | (pl.col("org") == pl.col("subject_org")))
        .then(0.8)
        .otherwise(0.65)
    )
    # One round has one recipient: an amount told again further down (a share bar glued to the lede, "The company has
    # raised ...") is the round of the company its most confident, earliest telling names (the headline's subject).
    per_sentence = (
        per_sentence.with_columns(size=pl.col("amount_usd").round_sig_figs(2))
        .with_columns(
            org=pl.col("org")
            .sort_by(["confidence", "sent_idx"], descending=[True, False])
            .first()
            .over("article_id", "size")
        )
        .drop("size")
    )
    return _frame(
        per_sentence,
        "funding",
        org=pl.col("org"),
        amount_usd=pl.col("amount_usd"),
        valuation_usd=pl.col("valuation_usd"),
        investors=pl.when(pl.col("investors") != "").then(pl.col("investors")),
        round=pl.col("round"),
        confidence=pl.col("confidence"),
    )


@functools.cache
def _split_on(cue: str) -> tuple[pl.Expr, pl.Expr]:
    parts = pl.col("sentence").str.extract_groups(rf"^(?P<before>.*?)(?i:{cue})(?P<after>.*)$")
    return parts.struct.field("before"), parts.struct.field("after")


def _acquisitions(sents: pl.DataFrame, money: pl.DataFrame, g: gaz.Gazetteer) -> pl.DataFrame:
    """'A acquired B': the buyer is the last company named before the verb, the target the name right after it."""
    before, after = _split_on(ACQUISITION)
    # "its merger with Musk's xAI": the owner's name is no part of the target's
    head = after.str.replace(r"^\s*[A-Z][\w.\-]*(?:\s+[A-Z][\w.\-]*)?(?:’s|'s)\s+", " ").str.replace(
        TARGET_DESCRIPTOR, " "
    )
    actor = ~_lookup(pl.element(), _maps(g)["org_kind"], default="other").is_in(["government", "regulator", "media"])
    low = pl.col("low")
    # The buyer is in the verb's own clause: "... struck deals with Anthropic, Google and Cursor, and Musk's company is
    # now acquiring Cursor" is not Google's purchase. Its subject, right before the verb, may be a company the gazetteer
    # does not know ("Livestream shopping platform Whatnot has acquired AI startup Shaped").
    clause = before.str.replace(CLAUSE_START, "")
    subject = _subject_org(clause, ACQUIRER_TAIL, g)
    rows = (
        sents.filter(low.str.contains(ACQUISITION) & ~low.str.contains(ACQUISITION_NOT) & ~pl.col("past_year"))
        .with_columns(
            acquirer=pl.coalesce(
                subject,
                _orgs_in(clause, g).list.filter(actor).list.last(),
                pl.when(clause.str.contains(COMPANY_PRONOUN)).then("prev_focus_org"),
                "new_org",
                pl.when(before.str.contains(COMPANY_PRONOUN)).then("prev_focus_org"),
            ),
            target=pl.coalesce(
                _canonical(head.str.extract(rf"^\s*({g.org_pattern})", 1), g.org_by_key),
                head.str.extract(TARGET_NAME, 1).str.strip_chars_end(",."),
            ),
            # "buying Blackwell chips", "acquired GB300-equipped servers", "bought Nvidia shares": goods, not a company
            goods=head.str.contains(rf"^\s*\S+(?:\s+[A-Z0-9]\S*)*\s+(?:{GOODS})\b"),
        )
        .filter(~pl.col("goods"))
    )
    first_money = (
        money.filter(~pl.col("is_valuation"))
        .group_by("article_id", "sent_idx")
        .agg(amount_usd=pl.col("amount_usd").first())
    )
    rows = rows.join(first_money, on=["article_id", "sent_idx"], how="left").filter(
        pl.col("acquirer").is_not_null()
        & pl.col("target").is_not_null()
        & (pl.col("acquirer") != pl.col("target"))
        & ~pl.col("target").is_in(NOT_NAMES)
        & ~pl.col("target").str.contains(PHRASE_WORD)
    )
    # "Marrowbone" in a headline is the "Marrowbone AI" of the body: a target is its longest spelling in the article.
    longer = rows.select("article_id", full="target").unique()
    rows = (
        rows.join(longer, on="article_id", how="left")
        .with_columns(full=pl.when(pl.col("full").str.starts_with(pl.col("target") + " ")).then("full"))
        .sort("full", descending=True, nulls_last=True)
        .unique(["article_id", "sent_idx", "acquirer", "target"], keep="first", maintain_order=True)
        .with_columns(target=pl.coalesce("full", "target"))
        .sort("article_id", "sent_idx")
    )
    return _frame(
        rows,
        "acquisition",
        org=pl.col("acquirer"),
        target=pl.col("target"),
        amount_usd=pl.col("amount_usd"),
        confidence=pl.lit(0.8),
    )


def _partnerships(sents: pl.DataFrame, g: gaz.Gazetteer) -> pl.DataFrame:
    """Two companies named in a sentence about working together: the first is paired with each other one.

    Investors and governments are partners only in a formal pact (joint venture, memorandum of understanding); a
    company named as a yardstick ("an alternative to Nvidia's") is no party. With only one company named, a deal
    'with' it is made by the company in focus ("The ChatGPT maker has signed a contract with Oracle")."""
    # A partnership needs a party the gazetteer knows (org_hits): only those sentences are read.
    sents = sents.filter(pl.col("org_hits").list.len() > 0)
    # Cue words inside names ("Lightspeed Venture Partners") do not count.
    # ("Microsoft founder Bill Gates and partner Paula Hurd": a person's partner)
    sents = sents.with_columns(
        without_names=pl.col("sentence")
        .str.replace_all(g.org_pattern, "ORG")
        .str.replace_all(r"\bpartner(\s+[A-Z][a-z]+\s+[A-Z][a-z]+)", "associate$1")
        .str.to_lowercase()
        .str.replace_all(
            r"\b(?:its|their|our|his|her|other|key|existing|longtime|a|one) "
            r"partners?\b",
            "associates",
        )
    )
    without_names = pl.col("without_names")
    strong = without_names.str.contains(PARTNERSHIP)
    weak = (
        without_names.str.contains(PARTNERSHIP_WEAK)
        & ~without_names.str.contains(r"\binvest")
        & ~without_names.str.contains(r"\b(acquir\w*|acquisition|takeover|merger)\b")
    )
    formal = without_names.str.contains(PARTNERSHIP_FORMAL)
    parties = _orgs_in(pl.col("sentence").str.replace_all(rf"{YARDSTICK_ORG}(?:{g.org_pattern})", " "), g)
    excluded = pl.when(formal).then(pl.lit(["media"])).otherwise(pl.lit(NON_ACTORS))
    # A division deals for its company: "Microsoft's Azure cloud" is Microsoft (gazetteer `parent`).
    parent = {name: e["parent"] for name, e in g.orgs.items() if e.get("parent")}
    parties = parties.list.eval(pl.element().replace(parent)).list.unique(maintain_order=True)
    low = pl.col("low")
    rows = sents.filter(
        (strong | weak | formal)
        & ~without_names.str.contains(PARTNERSHIP_BACKGROUND)
        & ~low.str.contains(HEDGE)
        & ~low.str.contains(LEGAL)
    ).with_columns(parties=parties, excluded=excluded)
    # Keep the parties whose kind may sign this sort of deal.
    allowed = (
        rows.with_row_index("_row")
        .select("_row", "parties", "excluded")
        .explode("parties")
        .drop_nulls("parties")
        .filter(~_lookup(pl.col("parties"), _maps(g)["org_kind"], default="other").is_in(pl.col("excluded")))
        .group_by("_row")
        .agg(pair=pl.col("parties").unique(maintain_order=True))
    )
    rows = rows.with_row_index("_row").join(allowed, on="_row", how="left").with_columns(pl.col("pair").fill_null([]))
    # The event is the company's: a government or investor party is the partner, not the org.
    is_actor = ~_lookup(pl.element(), _maps(g)["org_kind"], default="other").is_in(NON_ACTORS)
    rows = rows.with_columns(
        pair=pl.concat_list(pl.col("pair").list.filter(is_actor), pl.col("pair").list.filter(~is_actor))
    )
    # (only where the sentence refers to a company without naming it: "India signed a deal with G42" is no deal of the
    # company in focus)
    with_focus = pl.when(
        (pl.col("pair").list.len() == 1)
        & pl.col("sentence").str.contains(
            r"(?i:(?:contract|"
            r"agreement|deal|"
            r"partnership) with)"
        )
        & pl.col("sentence").str.contains(COMPANY_REFERENCE)
        & pl.col("prev_focus_org").is_not_null()
        & (pl.col("prev_focus_org") != pl.col("pair").list.first())
        # ("Anthropic also recently entered into a deal with Macquarie": the named one is the subject)
        & ~pl.col("sentence").str.starts_with(pl.col("pair").list.first().fill_null("\x00"))
    )
    rows = rows.with_columns(
        pair=with_focus.then(pl.concat_list(pl.col("prev_focus_org"), pl.col("pair"))).otherwise("pair")
    )
    # "SpaceX has signed a deal with Reflection AI for access to Nvidia chips": the subject of the deal verb and the
    # company after "with" are the two parties (a company the gazetteer does not know may be the subject).
    subject = _subject_org(pl.col("sentence"), DEAL_TAIL, g).replace(parent)
    with_party = _canonical(
        pl.col("sentence").str.extract(rf"\bwith\s+(?:the\s+)?({g.org_pattern})", 1), g.org_by_key
    ).replace(parent)
    rows = rows.with_columns(
        pair=pl.when(subject.is_not_null() & with_party.is_not_null() & (subject != with_party))
        .then(pl.concat_list(subject, with_party))
        .otherwise("pair")
    )
    # "Arm, Microsoft, Nvidia, Oracle and OpenAI are partners": a list with no hub; only a formal pact pairs its first
    # party with each of the others.
    rows = (
        rows.filter((pl.col("pair").list.len() == 2) | ((pl.col("pair").list.len() > 2) & formal))
        .with_columns(org=pl.col("pair").list.first(), partner=pl.col("pair").list.slice(1))
        .explode("partner")
    )
    # "Google's DeepMind unit" is Google: a party whose name extends the other's is the same company
    rows = rows.filter(
        ~pl.col("partner").str.starts_with(pl.col("org") + " ")
        & ~pl.col("org").str.starts_with(pl.col("partner") + " ")
    )
    return _frame(
        rows,
        "partnership",
        org=pl.col("org"),
        partner=pl.col("partner"),
        confidence=pl.when(strong).then(0.75).otherwise(0.65),
    )


def _market_moves(sents: pl.DataFrame, money: pl.DataFrame, g: gaz.Gazetteer) -> pl.DataFrame:
    low = pl.col("low")
    # The org is a company the gazetteer knows (org_hits): only those sentences are read.
    rows = sents.filter(
        (pl.col("org_hits").list.len() > 0)
        & low.str.contains(MARKET)
        & (low.str.contains(MARKET_DOWN) | low.str.contains(MARKET_UP))
    )
    # "lifted its market value to nearly $2 trillion": the level reached, not the change.
    level = pl.col("ctx").str.contains(rf"\b(?:to|of|at)\s+(?:[a-z]+\s+){{0,2}}{MONEY_PATTERN}$")
    first_money = money.filter(~level).group_by("article_id", "sent_idx").agg(amount=pl.col("amount_usd").first())
    sign = pl.when(low.str.contains(MARKET_DOWN)).then(-1.0).otherwise(1.0)
    owner = _canonical(
        pl.coalesce(
            pl.col("sentence").str.extract(rf"({g.org_pattern})(?:’s|'s)?\s+(?:stock|shares|market|share price)", 1),
            pl.col("sentence").str.extract(rf"(?i:shares|stock) (?:of|in) ({g.org_pattern})", 1),
        ),
        g.org_by_key,
    )
    rows = (
        rows.join(first_money, on=["article_id", "sent_idx"], how="left")
        .with_columns(
            pct=pl.col("sentence").str.extract(PCT_PATTERN, 1).cast(pl.Float64),
            org=pl.coalesce(owner, pl.col("orgs").list.first()),
        )
        .filter((pl.col("amount").is_not_null() | pl.col("pct").is_not_null()) & pl.col("org").is_not_null())
    )
    return pl.concat(
        [
            _frame(
                rows,
                "market_move",
                org=pl.col("org"),
                amount_usd=pl.col("amount") * sign,
                pct=pl.col("pct") * sign,
                confidence=pl.lit(0.75),
            ),
            _listed_moves(sents, g),
        ],
        how="vertical_relaxed",
    )


# "Intel dropped nearly 6% and AMD lost 8%", "Samsung and SK Hynix fell 12% apiece": in a market story each company
# named right before a move verb and its figure moved by that figure.
MOVE_DOWN_VERBS = (
    r"fell|falls|dropped|drops|lost|loses|sank|sinks|slid|slides|shed|sheds|tumbled|plunged|plummeted|"
    r"slumped"
    r"|declined|(?:was|were|closed|ended|traded)\s+(?:\w+\s+)?(?:down|off|lower)"
)
MOVE_UP_VERBS = (
    r"rose|rises|jumped|jumps|gained|gains|surged|surges|soared|soars|climbed|climbs|rallied|rallies|"
    r"added|adds"
    r"|(?:was|were|closed|ended|traded)\s+(?:\w+\s+)?(?:up|higher)"
)
MOVE_HEDGE = (
    r"(?:(?:by\s+)?(?:more than|nearly|almost|about|around|roughly|over|some|as much as|close to|just under|"
    r"just over)\s+)?"
)
# A company's own accounts ("OpenAI lost $5 billion", "revenue rose 50%") are no market move.
ACCOUNTS = r"\b(revenue|sales|profit|earnings|income|loss(?:es)?|users|subscribers|customers|margin|spending|costs?)\b"


def _listed_moves(sents: pl.DataFrame, g: gaz.Gazetteer) -> pl.DataFrame:
    low = pl.col("low")
    # A market story: an article with a sentence about a stock or market value moving.
    # (filters in turn: each pattern runs only on the rows the one before kept)
    stories = (
        sents.filter(low.str.contains(MARKET))
        .filter(low.str.contains(MARKET_DOWN) | low.str.contains(MARKET_UP))
        .select("article_id")
        .unique()
    )
    # (capitalised names, looked up in the gazetteer below: a pattern repeating the gazetteer's would be compiled per
    # call)
    name = r"[A-Z][\w&.\-]*(?:\s+[A-Z][\w&.\-]*)*"
    names = rf"{name}(?:(?:,\s*|,?\s+and\s+(?:its\s+\w+\s+)?){name}){{0,5}}"
    move = (
        rf"(?P<names>{names})(?:’s|'s)?(?:\s+(?:shares|stock|stocks))?(?:\s+(?:also|both|all|each|have|has|"
        r"had))*\s+"
        rf"(?P<verb>{MOVE_DOWN_VERBS}|{MOVE_UP_VERBS})\s+{MOVE_HEDGE}(?P<figure>{PCT_PATTERN}|"
        rf"{MONEY_PATTERN})(?P<shared>\s+(?:each|apiece))?"
    )
    rows = (
        sents.join(stories, on="article_id", how="semi")
        .filter(pl.col("org_hits").list.len() > 0)
        .filter(
            low.str.contains(
                rf"\b(?:{MOVE_DOWN_VERBS}|"
                rf"{MOVE_UP_VERBS})\b"
            )
        )
        .filter(~low.str.contains(ACCOUNTS))
        .with_columns(m=pl.col("sentence").str.extract_all(move))
        .explode("m")
        .drop_nulls("m")
        .with_columns(parts=_built("listed_moves", lambda: pl.col("m").str.extract_groups(move), g))
    )
    if rows.is_empty():
        return pl.DataFrame(schema={**MENTION_SCHEMA, "sent_idx": pl.Int64})
    parts = pl.col("parts")
    rows = rows.with_columns(
        names=parts.struct.field("names")
        .str.replace_all(r",\s*|,?\s+and\s+(?:its\s+\w+\s+)?", "\x1e")
        .str.split("\x1e")
        .list.eval(_canonical(pl.element().str.strip_chars(), g.org_by_key)),
        shared=parts.struct.field("shared").is_not_null() | pl.col("m").str.contains(r"\s(?:both|all)\s"),
        sign=pl.when(parts.struct.field("verb").str.contains(rf"^(?:{MOVE_DOWN_VERBS})$")).then(-1.0).otherwise(1.0),
        pct=parts.struct.field("figure").str.extract(PCT_PATTERN, 1).cast(pl.Float64),
        amount=_built("money_to_usd_figure", lambda: money_to_usd(pl.col("parts").struct.field("figure"))),
    )
    # A list shares the figure only when the text says so ("apiece", "both"); else the figure is the last name's.
    rows = (
        rows.with_columns(names=pl.when(pl.col("shared")).then("names").otherwise(pl.col("names").list.slice(-1, 1)))
        .explode("names")
        .drop_nulls("names")
    )
    return _frame(
        rows,
        "market_move",
        org=pl.col("names"),
        pct=pl.col("pct") * pl.col("sign"),
        amount_usd=pl.when(pl.col("pct").is_null()).then(pl.col("amount") * pl.col("sign")),
        confidence=pl.lit(0.7),
    )


def _policy(sents: pl.DataFrame) -> pl.DataFrame:
    """Every measure a sentence says a government acted on; the jurisdiction named first is the one acting
    ("Beijing responded with a ban on exports to the United States" is China's)."""
    # What follows "a week after" is an earlier action told as a time marker: measures count only before it.
    main = pl.col("sentence").str.replace(rf"(?i:{TIME_MARKER}).*$", "")
    low = main.str.to_lowercase()
    measures = pl.concat_list(
        [pl.when(low.str.contains(pattern)).then(pl.lit(name)) for pattern, name in POLICY_MEASURES]
    )
    institute = pl.when(low.str.contains(INSTITUTE_ACTION)).then(
        main.str.replace_all(RENAMED_FROM, " ").str.extract_all(AI_INSTITUTE).list.last()
    )
    named = pl.concat_list(main.str.extract(DECLARATION, 1), institute)
    places = pl.col("sentence").str.replace_all(PUBLICATION, "the paper")
    positions = pl.concat_list([places.str.find(pattern).fill_null(1 << 30) for pattern, _ in JURISDICTIONS])
    first = positions.list.arg_min()
    found = positions.list.min() < (1 << 30)
    jurisdiction = pl.when(found).then(
        first.replace_strict({i: code for i, (_, code) in enumerate(JURISDICTIONS)}, return_dtype=pl.String)
    )
    rows = (
        sents.filter(pl.col("low").str.contains(MEASURE_CUE) | pl.col("sentence").str.contains("Declaration|Institute"))
        .filter(low.str.contains(POLICY_ACTION))
        .with_columns(measure=pl.concat_list(measures, named).list.drop_nulls().list.unique(maintain_order=True))
        # the generic "AI law" only where no named measure is told ("an executive order on AI" is the order)
        .with_columns(measure=pl.when(pl.col("measure").list.len() > 1)
                      .then(pl.col("measure").list.filter(pl.element() != GENERIC_MEASURE)).otherwise("measure"))
        .explode("measure")
        .drop_nulls("measure")
        .with_columns(jurisdiction=jurisdiction)  # only for sentences with a measure (seven patterns each)
    )
    # The EU's AI Act is the EU's whoever reports it; a declaration is signed by many countries.
    rows = rows.with_columns(
        jurisdiction=pl.when(pl.col("measure") == "AI Act")
        .then(pl.lit("EU"))
        .when(pl.col("measure").str.ends_with(" Declaration"))
        .then(pl.lit("INTL"))
        .otherwise("jurisdiction")
    )
    return _frame(
        rows.filter(pl.col("jurisdiction").is_not_null()),
        "policy",
        jurisdiction=pl.col("jurisdiction"),
        measure=pl.col("measure"),
        confidence=pl.lit(0.7),
        event_date=pl.lit(None, dtype=pl.String),
    )


def _benchmarks(sents: pl.DataFrame, models: pl.DataFrame) -> pl.DataFrame:
    """'X outperforms A and B': one claim per model named after a performance cue, clause by clause. The claim is
    made for the first model named before the cue in that clause, else the sentence's subject, else the model in
    focus ('the new model beats A')."""
    compared = models.filter(pl.col("benchmarked")).select("article_id", "sent_idx", "clause_idx", compared_to="model")
    bare = models.filter(pl.col("is_family")).select("model").unique()
    clause_subject = (
        models.filter(~pl.col("is_comparison") & ~pl.col("is_family"))
        .join(bare, on="model", how="anti")
        .group_by("article_id", "sent_idx", "clause_idx")
        .agg(clause_model=pl.col("model").first())
    )
    rows = (
        compared.join(clause_subject, on=["article_id", "sent_idx", "clause_idx"], how="left")
        .join(sents, on=["article_id", "sent_idx"], how="inner")
        .with_columns(model=pl.coalesce("clause_model", "subject_model", "focus_model"))
        .filter(
            pl.col("model").is_not_null()
            & (pl.col("model") != pl.col("compared_to"))
            # "Is DeepSeek-R1 better than o1?" asks; it claims nothing
            & ~pl.col("sentence").str.contains(r"\?\W*$")
        )
        .join(models.select("model", "model_org").unique("model"), on="model", how="left")
    )
    # A claim is news for the model the article is about (named in its lead); further down, comparisons of other
    # models are an explainer's or a blog's discussion.
    lead = models.filter(pl.col("sent_idx") <= LEAD_SENTENCES).select("article_id", "model").unique()
    rows = pl.concat(
        [
            rows.filter(pl.col("sent_idx") <= LEAD_SENTENCES),
            rows.filter(pl.col("sent_idx") > LEAD_SENTENCES).join(lead, on=["article_id", "model"], how="semi"),
        ]
    )
    return _frame(
        rows,
        "benchmark_claim",
        org=pl.col("model_org"),
        model=pl.col("model"),
        compared_to=pl.col("compared_to"),
        confidence=pl.when(pl.col("clause_model").is_not_null() | pl.col("subject_model").is_not_null())
        .then(0.8)
        .otherwise(0.65),
        event_date=pl.lit(None, dtype=pl.String),
    )


def _orgs_in(text: pl.Expr, g: gaz.Gazetteer) -> pl.Expr:
    return (
        text.str.extract_all(g.org_pattern)
        .list.eval(_canonical(pl.element(), g.org_by_key))
        .list.drop_nulls()
        .list.unique(maintain_order=True)
    )


def _legal(sents: pl.DataFrame, g: gaz.Gazetteer) -> pl.DataFrame:
    """'A sued B and C': one event per plaintiff and defendant; passive voice and 'infringed' swap the sides.

    The org is the defendant, unless the plaintiff is an AI company ("xAI sued Apple"). A party the gazetteer
    does not know is taken from how it is introduced ("sued the AI writing startup Quillmate")."""
    before, after = _split_on(LEGAL)
    low = pl.col("low")
    passive = low.str.contains(PASSIVE_LEGAL)
    swapped = passive | low.str.contains(INFRINGED)
    # "were sued by the Florida attorney general": the party after "by"
    unknown_after = (
        after.str.replace(r"^\s*by\s+(?:the\s+)?", " ")
        .str.replace(TARGET_DESCRIPTOR, " ")
        .str.extract(TARGET_NAME, 1)
        .str.strip_chars_end(",.")
    )
    # "Florida sues OpenAI", "Chegg on Monday filed suit": the plaintiff is the name right before the verb, known or not
    # (a state, a publisher, a startup).
    # ("The Florida attorney general filed suit": the article is no part of the name)
    unknown_before = _subject_org(before.str.replace(r"^(?:The|the)\s+", ""), LEGAL_TAIL, g)
    # "Disney's deal with OpenAI came as it sued AI companies like MiniMax ..., while Lionsgate expanded ...": with a
    # pronoun as the subject, the names before it are no party; the parties after the verb end with its clause.
    pronoun = before.str.contains(r"(?i:\b(?:it|they|he|she|which|who)\s+(?:\w+\s+){0,2}$)")
    after_clause = after.str.replace(CLAUSE_BREAK + ".*$", "")
    rows = sents.filter(low.str.contains(LEGAL) & ~pl.col("past_year")).with_columns(
        left=pl.when(pronoun).then(pl.lit([], dtype=pl.List(pl.String))).otherwise(_orgs_in(before, g)),
        right=_orgs_in(after_clause, g),
    )
    rows = (
        rows.with_columns(
            left=pl.when(pl.col("left").list.len() > 0)
            .then("left")
            .otherwise(pl.concat_list(pl.coalesce(unknown_before, "new_org")).list.drop_nulls()),
            right=pl.when(pl.col("right").list.len() > 0)
            .then("right")
            .otherwise(
                pl.concat_list(
                    pl.when(
                        ~unknown_after.is_in(NOT_NAMES)
                        & unknown_after.str.contains(r"^[A-Z]")
                        & ~unknown_after.str.contains(PHRASE_WORD)
                    ).then(unknown_after)
                ).list.drop_nulls()
            ),
        )
        .with_columns(
            plaintiffs=pl.when(swapped).then("right").otherwise("left"),
            defendants=pl.when(swapped).then("left").otherwise("right"),
        )
        .filter((pl.col("plaintiffs").list.len() > 0) & (pl.col("defendants").list.len() > 0))
    )
    rows = rows.explode("plaintiffs").explode("defendants").filter(pl.col("defendants") != pl.col("plaintiffs"))
    ai_plaintiff = _lookup(pl.col("plaintiffs"), _maps(g)["org_kind"], default="other").is_in(AI_KINDS)
    return _frame(
        rows,
        "legal",
        org=pl.when(ai_plaintiff).then("plaintiffs").otherwise("defendants"),
        counterparty=pl.when(ai_plaintiff).then("defendants").otherwise("plaintiffs"),
        matter=low.str.extract(MATTERS, 1),
        confidence=pl.lit(0.75),
    )


# --- leadership: who moves, from the verb next to the name ---------------------------------------------------
# A name as written: two or three capitalised words ("Lip-Bu Tan", "Daniel De Freitas") or one (a surname, kept only
# when the article names that person in full somewhere).
NAME = (
    r"[A-Z][a-zé’'\-]*[a-zé](?:[ \-](?:[A-Z][a-zé’'\-]*[a-zé]|De|Mc[A-Z][a-z]+"
    # particles written in one word with the name ("Francis deSouza")
    r"|(?:de|di|da|du|le|la|van|von)[A-Z][a-zé’'\-]*[a-zé])){0,2}"
)
# Verbs that say the person named just before them moves: arrives, is promoted, leaves.
MOVE_VERBS = (
    r"becomes|became|will become|to become|takes over|took over|take over|has taken over|joins|joined|join|"
    r"joining"
    r"|is leaving|are leaving|leaves|left|leave|steps down|stepped down|step down|stepping down|resigned|"
    r"resigns|quit|quits|departs|departed|depart"
    r"|named|appointed|promoted|ousted|fired|(?:to |will )?return(?:s|ed)? as|will serve as|serves as"
    r"|will co-lead|succeeds|will succeed|takes the helm|will move to"
)
# "X, the company's chief scientist, is leaving": the name, an optional apposition, auxiliaries, then the verb.
SUBJECT_MOVE = (
    rf"(?P<who>{NAME}(?:,? and {NAME})?)(?P<appos>,[^,;]{{1,140}},)?,?\s+"
    r"(?:(?:has|have|had|is|are|was|were|will|would|to|also|then|officially|now|be|been|expected|"
    rf"set)\s+){{0,4}}"
    rf"(?:{MOVE_VERBS})\b"
)
# "Intel has named Lip-Bu Tan ...", "hired Windsurf chief executive Varun Mohan, co-founder Douglas Chen and ...":
# the people in the object of an appointing verb, up to where the clause turns ("to join", "as", "who").
OBJECT_MOVE = (
    r"\b(?:named|names|appointed|appoints|hired|hires|tapped|taps|promoted|promotes|chaired by|poached|"
    r"poaches"
    r"|replaced [A-Z][\w’'\-]+ with)\s+(?P<span>[^;:.]{0,160}?)(?:\s+to\s|\s+as\s|,\s+(?:who|which|the|a|an|"
    r"former|formerly|previously|ex-|once|now|currently)\b|;|\.|$)"
)
MOVE_CUE = (
    r"becom|became|take|took|join|leav|left|step|resign|quit|depart|named|names|appoint|promot|oust|fired"
    r"|return|serve|co-lead|succeed|move|hire|tap|chaired|poach|replac"
)
# Verbs whose subject appoints someone else (the object moves).
APPOINTING = (
    r"appoint(?:s|ed|ing)?|nam(?:es|ed) (?:[a-z]+ ){0,4}as|hir(?:es|ed)|promot(?:es|ed)|tapped|replac(?:es|"
    r"ed)|fired|oust(?:s|ed)"
)
# A sentence that speaks of a company without naming it: "the company", "its board", "the new group", "the startup".
COMPANY_REFERENCE = (
    r"(?i:\b(?:the|its|our|their|his|her)\s+(?:[\w\-]+\s+){0,2}?(?:company|companies|firm|startup|"
    r"start-up|group|lab"
    r"|team|board|business|unit|division|organi[sz]ation|maker|developer)\b|\bit\s|\bits\s)"
)
APPOINTING_ACTIVE = r"names|named|appoints|appointed|hires|hired|taps|tapped|promotes|promoted"
BACKDROP = (
    r"^(?i:the|this|that|its|his|her)\s+(?:[\w\-]+\s+){0,2}?(?:comes?|came)\s+(?:after|amid|as|on the heels of|"
    r"weeks?|days?|months?)\b"
)
# Leaving verbs: a person who leaves one company to join another is two events.
DEPARTURE = r"\b(leav(?:es|ing)|left|quit[a-z]*|resign[a-z]*|depart[a-z]*|steps? down|stepped down|ousted|fired)\b"
# An apposition about the past ("the former GitHub chief executive") names where the person was, not where they go.
PAST_ROLE = r"\b(?:former|formerly|previously|ex-|once)\b"
# Words that make a capitalised phrase a body, place or title, not a person.
NOT_PERSON_WORDS = (
    r"\b(?:AI|Labs?|Inc|Group|Capital|Ventures|Partners|Technologies|Institute|University|Department|"
    r"Administration"
    r"|Commission|Systems|Office|Council|Parliament|Congress|Senate|Court|House|Secretary|President|"
    r"Chief"
    r"|Officer|Executive|Director|Board|Valley|Street|Bay|City|County|Fund|Bank|Cloud|Studio|News|Times"
    # titles, bodies and page words that take a capital but name no one ("Fed Chair Ben", "Long-Term
    # Benefit Trust", "'Free Mode'", "Search Subscribe Home")
    r"|Fed|Federal|Reserve|Chair|Chairman|Chairwoman|Former|Trust|Benefit|Term|Foundation|Initiative|"
    r"Association"
    r"|Society|Union|Network|Project|Program|Center|Centre|Agency|Authority|Ministry|Committee|"
    r"Republic|State|States"
    r"|United|National|International|Global|General|Senator|Governor|Judge|Justice|Minister|Mode|Free|"
    r"Search"
    r"|Subscribe|Home|Menu|Login|Newsletter|Share|Skip|Navigation|Read|More|Model|Agent|Series|Act|Law|"
    r"Bill"
    r"|Exclusive|Update|Breaking|Opinion|Analysis"
    # prizes, certificates, divisions, compass points of places, and function words of a headline in
    # title case ("Nobel Prize", "South Florida", "Head of Safety Is Leaving")
    r"|Prize|Award|Medal|Certification|Division|Labor|Safety|Security|Policy|North|South|East|West|Is|"
    r"Are|Was"
    r"|Were|While|Will|Has|Have|After|Before|Leaving|Joins|Leaves"
    # software and business words ("System Prompt", "Growth Partner") and countries ("Uber India")
    r"|Prompt|Partner|Platform|Service|Services|Data|Product|Products|Team|India|China|Japan|Korea|"
    r"Europe"
    r"|America|Africa|Asia|Australia|Canada|Germany|France|Britain|Israel|Singapore)\b"
)


def _article_people(sents: pl.DataFrame, g: gaz.Gazetteer) -> pl.DataFrame:
    """Full names of people in an article, keyed by surname, so 'Tan' later in the text is 'Lip-Bu Tan'."""
    people = (
        sents.select("article_id", full=pl.col("sentence").str.extract_all(PERSON))
        .explode("full")
        .drop_nulls("full")
        .filter(_is_person(pl.col("full"), g))
        .with_columns(surname=pl.col("full").str.extract(r"(\S+)$", 1))
        .unique(["article_id", "surname"], keep="first", maintain_order=True)
    )
    return people.select("article_id", "surname", "full")


def _article_short_names(sents: pl.DataFrame, g: gaz.Gazetteer) -> pl.DataFrame:
    """First words of the multi-word companies an article names ('Scale' for Scale AI): what later sentences call
    them."""
    return (
        sents.select("article_id", short_org=pl.col("orgs"))
        .explode("short_org")
        .drop_nulls("short_org")
        .unique()
        .with_columns(short=pl.col("short_org").str.extract(r"^([A-Z][\w.\-]{2,}) \S", 1))
        .drop_nulls("short")
        .rename({"short_org": "appos_short_org"})
        .unique(["article_id", "short"], keep="first")
        .select("article_id", "short", "appos_short_org")
    )


def _is_person(name: pl.Expr, g: gaz.Gazetteer) -> pl.Expr:
    first = name.str.extract(r"^(\S+)", 1)
    return (
        _canonical(name, g.org_by_key).is_null()
        & _canonical(name, g.model_by_key).is_null()
        & _canonical(first, g.org_by_key).is_null()
        & ~first.is_in(NOT_NAMES)
        & ~name.str.contains(NOT_PERSON_WORDS)
        & ~name.str.contains(
            r"^(?:January|February|March|April|May|June|July|August|September|October|November|"
            r"December)\b"
        )
    )


TITLE_BEFORE_NAME = (
    r"\b(?:(?:Fed|Federal Reserve|Treasury|State|Defense|Commerce|Senate|House)\s+)?(?:Chair|Chairman|"
    r"Chairwoman"
    r"|Senator|Sen\.|Governor|Gov\.|Judge|Justice|Secretary|Minister|Professor|Prof\.|Dr\.|Mr\.|Ms\.|"
    r"Mrs\.)\s+([A-Z])"
)


def _mover_names(sents: pl.DataFrame) -> pl.DataFrame:
    """(article, sentence, name as written, apposition) for each person a move verb is said of."""
    # Every move verb (MOVE_VERBS, OBJECT_MOVE, LEADERSHIP) contains one of these words (lower-cased): other sentences
    # name no mover.
    # Titles before a name are not part of it: "former Fed Chair Ben Bernanke" is Ben Bernanke.
    sents = sents.filter(pl.col("low").str.contains(MOVE_CUE)).with_columns(
        # "io was named in the filing": cited, not appointed
        sentence=pl.col("sentence")
        .str.replace_all(TITLE_BEFORE_NAME, "$1")
        .str.replace_all(r"\b(?:named|listed) in\b", "cited in")
        .str.replace_all(r"\bnamed after\b", "called after")
    )
    subject = (
        sents.select("article_id", "sent_idx", m=pl.col("sentence").str.extract_all(SUBJECT_MOVE))
        .explode("m")
        .drop_nulls("m")
        .with_columns(parts=_built("subject_move", lambda: pl.col("m").str.extract_groups(SUBJECT_MOVE)))
        .select(
            "article_id",
            "sent_idx",
            names=pl.col("parts").struct.field("who").str.split(" and ").list.eval(pl.element().str.strip_chars(", ")),
            appos=pl.col("parts").struct.field("appos"),
        )
    )
    obj = (
        sents.select("article_id", "sent_idx", m=pl.col("sentence").str.extract_all(OBJECT_MOVE))
        .explode("m")
        .drop_nulls("m")
        .select(
            "article_id",
            "sent_idx",
            names=pl.col("m").str.extract(OBJECT_MOVE.replace("(?P<span>", "("), 1).str.extract_all(NAME),
            appos=pl.lit(None, dtype=pl.String),
        )
    )
    # "Bob McGrew, the chief research officer, and Barret Zoph, a vice president, were also leaving": people given
    # a role in a sentence about a move, unless they only speak ("Sam Altman said").
    appointee = rf"(?:{ROLE})\s+{PERSON}|{PERSON},\s+(?:(?:the|a|an|its|[A-Z][\w.]*(?:’s|'s))\s+)?(?:{ROLE})"
    # The people named before the first move verb ("X, the CTO, is leaving"), or after it where it appoints in the
    # active
    # voice ("OpenAI has replaced chief revenue officer Denise Dresser"): not those before an appointing verb
    # ("... Neil Buddy Shah, CEO of the Clinton Health Access Initiative, ... who the company appointed in January").
    cue = _built(
        "leadership_cue",
        lambda: pl.col("sentence").str.extract_groups(
            r"^(?P<before>.*?)(?P<verb>(?i:"
            rf"{LEADERSHIP}))(?P<after>.*)$"
        ),
    )
    appointing = cue.struct.field("verb").str.contains(rf"^(?i:{APPOINTING})$") & ~cue.struct.field(
        "before"
    ).str.contains(
        r"(?i:\b(?:was|were|been|being|is|are|be|get|gets|"
        r"got)\s+)$"
    )
    listed = (
        sents.filter(pl.col("low").str.contains(LEADERSHIP))
        .select(
            "article_id",
            "sent_idx",
            names=pl.when(appointing)
            .then(cue.struct.field("after"))
            .otherwise(cue.struct.field("before"))
            .str.extract_all(appointee)
            .list.eval(pl.element().str.extract(PERSON, 1)),
            speakers=pl.concat_list(
                pl.col("sentence").str.extract_all(rf"{PERSON}\s+(?:said|says|told|wrote|added|announced)"),
                # "..., said Paul Davis, head of economic crime at Barclays": a quoted speaker
                pl.col("sentence").str.extract_all(rf"\b(?:said|says|added|wrote)\s+{PERSON}"),
                # "AWS CEO Matt Garman names Dave Treadwell ...": the one who appoints
                pl.col("sentence").str.extract_all(rf"{PERSON}\s+(?:has\s+)?(?:{APPOINTING_ACTIVE})\s+[A-Z]"),
            ).list.eval(pl.element().str.extract(PERSON, 1)),
            appos=pl.lit(None, dtype=pl.String),
        )
        .with_columns(names=pl.col("names").list.set_difference("speakers"))
        .drop("speakers")
    )
    return (
        pl.concat([subject, obj, listed])
        .explode("names")
        .drop_nulls("names")
        .rename({"names": "name"})
        .unique(["article_id", "sent_idx", "name"], keep="first", maintain_order=True)
    )


def _leadership(sents: pl.DataFrame, g: gaz.Gazetteer) -> pl.DataFrame:
    """People said to arrive, be promoted or leave, with the company they join (or lead, or leave).

    The org is, in order: the one the person joins ('to join Google DeepMind'), the one whose role they take ('as
    Meta's chief AI officer', 'chief executive of SSI'), another company in the sentence than the one in the person's
    apposition, the apposition's company ('Jeff Wang, Windsurf's head of business, became ...'), the company in focus.
    Someone who only speaks ('Sam Altman said') is not moving: only the name right before a move verb or in the
    object of an appointing verb counts."""
    people = _article_people(sents, g)
    names = _mover_names(sents).filter(
        ~pl.col("name").str.contains(
            r"^(?:[A-Z][a-z]+ )?(?:Chief|Former|Interim|"
            r"President|Co-founder)\b"
        )
    )
    names = (
        names.join(people, left_on=["article_id", "name"], right_on=["article_id", "surname"], how="left")
        .with_columns(
            person=pl.when(pl.col("name").str.contains(" "))
            .then(pl.col("name"))
            .otherwise(pl.col("full"))
            .str.replace(r"^.*(?:’s|'s)\s+", "")
        )
        .drop_nulls("person")
        .filter(_is_person(pl.col("person"), g))
        .select("article_id", "sent_idx", "person", "appos")
    )
    actor = ~_lookup(pl.element(), _maps(g)["org_kind"], default="other").is_in(NON_ACTORS)
    # "The financing comes after a turbulent few weeks in which X announced her departure": an earlier move told as
    # the backdrop of this article's news.
    backdrop = pl.col("sentence").str.contains(BACKDROP)
    # "He appointed Wang last year to head this effort": a move told as history.
    history = pl.col("low").str.contains(
        r"\b(?:last (?:year|january|february|march|april|may|june|july|august|"
        r"september"
        r"|october|november|december)|(?:a|one|two|three|several|few) years? ago|"
        r"years ago)\b"
    )
    rows = (
        sents.filter(~pl.col("past_year") & ~backdrop & ~history)
        .join(names, on=["article_id", "sent_idx"], how="inner")
        .with_columns(
            short=pl.col("appos")
            .str.split(" and ")
            .list.eval(pl.element().filter(~pl.element().str.contains(PAST_ROLE)))
            .list.join(" and ")
            .str.extract(r"([A-Z][\w.\-]+)(?:’s|'s)", 1)
        )
    )
    rows = rows.join(_article_short_names(sents, g), on=["article_id", "short"], how="left")
    appos_orgs = _orgs_in(pl.col("appos").fill_null(""), g)
    # "Jason Droege, Scale's chief strategy officer and a former Uber executive": Scale, not Uber, is his company.
    current_appos = (
        pl.col("appos")
        .fill_null("")
        .str.split(" and ")
        .list.eval(pl.element().filter(~pl.element().str.contains(PAST_ROLE)))
        .list.join(" and ")
    )
    join_org = _canonical(
        pl.col("sentence").str.extract(rf"\bjoin(?:s|ed|ing)?\s+(?:the\s+)?({g.org_pattern})", 1), g.org_by_key
    )
    gained = r"\b(?:as|becomes?|became|over as|serve as)\s+(?:the\s+)?(?:new\s+|interim\s+|acting\s+)?"
    role_org = pl.coalesce(
        _canonical(pl.col("sentence").str.extract(rf"{gained}({g.org_pattern})(?:’s|'s)", 1), g.org_by_key),
        _canonical(
            pl.col("sentence").str.extract(rf"{gained}(?:{ROLE})\s+(?:of|at)\s+({g.org_pattern})", 1), g.org_by_key
        ),
    )
    rows = rows.with_columns(
        appos_org=pl.coalesce(_orgs_in(current_appos, g).list.filter(actor).list.first(), "appos_short_org"),
        other_org=pl.col("orgs").list.filter(actor).list.set_difference(appos_orgs).list.first(),
        join_org=join_org,
        role_org=role_org,
        is_join=pl.col("sentence").str.contains(r"\bjoin"),
        role=pl.col("sentence").str.extract(
            r"(?:\bas|becomes?|became|named|over "
            rf"as)\s+(?:[\w’'.]+\s+){{0,2}}?((?:interim |acting |new )?(?:{ROLE}))",
            1,
        ),
    ).with_columns(
        org=pl.coalesce(
            "join_org",
            "role_org",
            "other_org",
            pl.when(~pl.col("is_join")).then(pl.col("appos_org")),
            # a company the gazetteer does not know, named (perhaps short: "Yunfan") in the sentence
            pl.when(
                pl.col("sentence").str.contains(pl.col("focus_new_org").str.extract(r"^(\S{3,})", 1), literal=True)
            ).then(pl.col("focus_new_org")),
            # joining "the new group" without naming it: the company the story was about before this
            # sentence
            # (the sentence's own companies are all in the apposition: where the person was); only where the
            # sentence refers to a company at all, not for a person named in passing
            # (or names a role in it: "Daniel Levy, the third co-founder, becomes president")
            pl.when(pl.col("sentence").str.contains(COMPANY_REFERENCE) | pl.col("sentence").str.contains(ROLE)).then(
                "prev_focus_org"
            ),
        ),
    )
    # Leaving one company to join another: the departure is an event of the company left.
    left = rows.filter(pl.col("join_org").is_not_null() & pl.col("sentence").str.contains(DEPARTURE)).with_columns(
        org=pl.coalesce(
            "appos_org", pl.col("orgs").list.filter(actor).list.set_difference(pl.concat_list("join_org")).list.first()
        ),
        role=pl.lit(None, dtype=pl.String),
    )
    rows = pl.concat([rows, left], how="vertical_relaxed").filter(pl.col("org").is_not_null())
    return _frame(
        rows, "leadership", org=pl.col("org"), person=pl.col("person"), role=pl.col("role"), confidence=pl.lit(0.7)
    )


def _longest_names(mentions: pl.DataFrame, columns: list[str], known: list[str]) -> pl.DataFrame:
    """Each name in `columns` the gazetteer does not know replaced by the longest name of the same article that starts
    with it and a space (a known name stays: "Google" is not "Google DeepMind")."""
    names = pl.concat([mentions.select("article_id", name=pl.col(c)) for c in columns]).drop_nulls().unique()
    longer = (
        names.join(names.rename({"name": "full"}), on="article_id")
        .filter(pl.col("full").str.starts_with(pl.col("name") + " ") & ~pl.col("name").is_in(known))
        .sort(pl.col("full").str.len_chars(), descending=True)
        .unique(["article_id", "name"], keep="first")
    )
    for c in columns:
        mentions = (
            mentions.join(longer.rename({"name": c}), on=["article_id", c], how="left", maintain_order="left")
            .with_columns(pl.coalesce("full", c).alias(c))
            .drop("full")
        )
    return mentions


DEMONYMS = [
    "American",
    "Chinese",
    "German",
    "French",
    "British",
    "Japanese",
    "Korean",
    "South Korean",
    "Indian",
    "Canadian",
    "Australian",
    "European",
    "Russian",
    "Italian",
    "Spanish",
    "Dutch",
    "Swiss",
    "Swedish",
    "Israeli",
    "Taiwanese",
    "Brazilian",
    "Irish",
    "Emirati",
    "Saudi",
    "Singaporean",
    "Polish",
    "Belgian",
    "Danish",
    "Norwegian",
    "Finnish",
    "Austrian",
    "Mexican",
    "Turkish",
    "Vietnamese",
    "Indonesian",
]
HEADLINE_VERB_TAIL = (
    r"\s+(?:Nears|Plans|Agrees|Moves|Eyes|Seeks|Wants|Looks|Set|Sets|Says|Confirms|Announces|Unveils|"
    r"Launches"
    r"|Raises|Buys|Acquires|Signs|Inks|Strikes|Closes|Completes|Is|Will|To|In Talks)\b.*$"
)
HEADLINE_DESCRIPTOR = (
    r"^(?:(?:AI|Tech|Chip|Software|Robotics|Data)\s+)?(?:Firm|Startup|Start-up|Company|Maker|"
    r"Lab)\s+([A-Z])"
)


HEADLINE_EVIDENCE_CHARS = 20


def _finish(mentions: pl.DataFrame, known_orgs: list[str], published: pl.DataFrame) -> pl.DataFrame:
    """Drop repeats within an article, add keys, ids and version; one row per (article, event, sentence)."""
    mentions = mentions.with_columns(
        confidence=pl.when(pl.col("status") == "done")
        .then(pl.col("confidence"))
        .otherwise(pl.col("confidence") * 0.8)
        .clip(0.0, 1.0),
        extractor_version=pl.lit(EXTRACTOR_VERSION),
        # A headline that is only a name ("Claude 2") is too short to show as evidence alone: say where it stands.
        evidence=pl.when((pl.col("sent_idx") == 0) & (pl.col("evidence").str.len_chars() < HEADLINE_EVIDENCE_CHARS))
        .then(pl.concat_str(pl.lit("Headline: "), "evidence"))
        .otherwise("evidence"),
    )
    # A title-case headline runs the verb and a descriptor into a name the gazetteer does not know: "Stripe Nears
    # Deal to Buy AI Firm OpenRouter" is Stripe buying OpenRouter.
    sides = ["org", "target", "partner", "counterparty"]
    mentions = mentions.with_columns(
        pl.when(pl.col(c).is_in(known_orgs))
        .then(pl.col(c))
        .otherwise(pl.col(c).str.replace(HEADLINE_VERB_TAIL, "").str.replace(HEADLINE_DESCRIPTOR, "$1"))
        for c in sides
    )
    # "German court holds Google liable", "Google sues Chinese cybercrime network": a nationality is no party.
    mentions = mentions.filter(~pl.any_horizontal(pl.col(c).is_in(DEMONYMS).fill_null(False) for c in sides))
    # A company named short somewhere ("Ross" in a headline) is the article's longer name for it ("Ross Intelligence").
    mentions = _longest_names(mentions, sides, known_orgs)
    # A market move told without a date (the headline) is the article's dated move of the same company.
    dated = (
        mentions.filter((pl.col("type") == "market_move") & pl.col("event_date").is_not_null())
        .group_by("article_id", "org")
        .agg(move_date=pl.col("event_date").first())
    )
    mentions = (
        mentions.join(dated, on=["article_id", "org"], how="left")
        .with_columns(
            event_date=pl.when(pl.col("type") == "market_move")
            .then(pl.coalesce("event_date", "move_date"))
            .otherwise("event_date")
        )
        .drop("move_date")
    )
    # Every mention dated (its own date, else the article's) and keyed (transforms/event_identity.py).
    mentions = event_identity.with_identity(mentions, published)
    # A headline's round without a name ("raises €600 million") is the body's named round of the same size.
    named = (
        mentions.filter((pl.col("type") == "funding") & pl.col("round").is_not_null())
        .select("article_id", "org", size=pl.col("amount_usd").round_sig_figs(2), named_key="event_key")
        .unique(["article_id", "org", "size"], keep="first")
    )
    mentions = (
        mentions.with_columns(size=pl.col("amount_usd").round_sig_figs(2))
        .join(named, on=["article_id", "org", "size"], how="left")
        .with_columns(
            event_key=pl.when((pl.col("type") == "funding") & pl.col("round").is_null())
            .then(pl.coalesce("named_key", "event_key"))
            .otherwise("event_key")
        )
        .drop("size", "named_key")
    )
    mentions = mentions.unique(["article_id", "event_key", "sent_idx"], keep="first", maintain_order=True)
    mentions = mentions.with_columns(
        mention_id=pl.concat_str(
            "article_id", "event_key", pl.col("sent_idx").cast(pl.String), "extractor_version", separator="\x1f"
        ).map_elements(_sha, return_dtype=pl.String)
    )
    return mentions.select(list(MENTION_SCHEMA)).sort("article_id", "type", "event_key")
