"""Partnerships: two companies (or a government) in a deal."""
from __future__ import annotations

import polars as pl

from transforms import gazetteer as gaz
from transforms.extract.core import _where
from transforms.extract.names import (
    NO_NAMES,
    ORG,
    ORG_NAME,
    SUBJECT_NAME,
    TAGGED_WORD,
    WEEKDAYS,
    _built,
    _canonical,
    _gazetteer_select,
    _lookup,
    _maps,
    _split_on,
    _subject_org,
    _tagged_orgs,
    _untag,
    _with_orgs_in,
    char_at,
    org_kind,
)
from transforms.extract.patterns import (
    COMPANY_REFERENCE,
    GENERIC_PARTY,
    JURISDICTIONS,
    LEGAL,
    NON_ACTORS,
    NOT_NAMES,
    PHRASE_WORD,
    PLACE_NAME,
    TOLD_AS_PAST,
)
from transforms.extract.rules import Found, _frame
from transforms.normalize import MONTHS

PARTNERSHIP = (
    # (collaborators are people: "along with some key collaborators including Karén Simonyan", tests/pages3 q047)
    r"\b(partner(?:s|ed|ing|ship)?|team(?:s|ed)? up|allian[a-z]+|collaborat(?:e[ds]?|ing|ions?|ive(?:ly)?)|deal with|"
    # ("Oracle landed one of the largest deals in cloud history: a $300 billion arrangement with OpenAI", tests/pages2
    # p036)
    r"agreement with|arrangement with|"
    # (deals in the plural are mostly held, "has partnerships with", unless each of two subjects made one: "have both
    # inked separate licensing and product development deals with OpenAI")
    r"(?:both|separate)\s+(?:[\w\-]+\s+){0,5}?(?:deals|partnerships|agreements)\s+with|"
    # (or announced now: "Nvidia also announced AI partnerships with Indian conglomerates Tata Consultancy Services and
    # Infosys", tests/pages3 q067)
    r"announc(?:ed|es|ing)\s+(?:new\s+)?(?:[\w\-]+\s+)?(?:deals|partnerships|agreements)\s+with|"
    r"tie[- ]up|joint venture|join(?:s|ed|ing)? forces|"
    # ("Nvidia will invest $5 billion in Intel and co-develop chips", "the two tech companies have agreed to co-develop
    # data center and PC chips", tests/pages7 v032, v033)
    # ("SAP and OpenAI announced a joint effort to launch a sovereign AI system", tests/pages11 z085)
    r"co-?develop(?:s|ed|ing)?|co-?design(?:s|ed|ing)?|jointly (?:develop|design|build|launch|offer)\w*"
    r"|(?:a|an|the|their)\s+joint\s+(?:effort|initiative|project|programme|program|offering))\b"
)
# "Apple Trained Own AI Model for China Market with Help from Alibaba" (holdout h1155). (No word of DEAL_WORDS, which
# HEDGE reads: "to test if its AI models can help doctors" hedges nothing.)
HELPED_BY = r"with (?:the |some |a little )?help (?:of|from)"
# Deal words that also describe funding and purchases: they make a partnership only where no money goes in as equity
# ("invest") and nothing is bought. ("Under the agreement, Reflection will get access to Nvidia GB300s and pay SpaceX":
# a deal told before, whose terms name others.)
PARTNERSHIP_WEAK = (
    # (a supplier: "A deal revealed this week will see AMD supply its M4150 graphics processing units (GPUs) to OpenAI's
    # data centers", tests/pages2 p030)
    r"\b(agree[sd]? to (?:supply|provide|deploy)"
    # ("have signed letters of intent to supply memory chips for OpenAI's data centers", "have committed to supplying
    # memory chips to OpenAI's expansive projects", tests/pages12 k013, k016)
    r"|(?:intent|committed|commits|pledged|pledges) to (?:supply|supplying|provide|providing)\b"
    r"|(?:will|to|would) (?:see \S+ )?supply (?:its|their) [^.;]{0,80}? to org|"
    r"(?:in|under) (?:a|an) (?:[a-z\-]+ ){0,3}(?:deal|"
    r"agreement|contract)"
    # ("OpenAI & Oracle Sign $300 Billion Cloud Contract", tests/pages2 p033: a headline drops the article)
    # ("AMD jumps after reaching deal to deploy 50,000 AI chips in data centers run by Oracle", tests/pages2 p049)
    # ("OpenAI and Amazon sealed a US$38 billion agreement", tests/pages12 k060)
    r"|(?:signed|signs|sign|struck|strikes|agreed|inked|inks|reached|reaches|reaching|sealed|seals|clinched|clinches)"
    r" (?:(?:a|an) )?(?:[a-z\-]+ |(?:us|a|c|hk)?\$[\d.,]+ ){0,4}"
    r"(?:deal|agreement|contract)"
    r"|contract with|licen[cs]e (?:to|for|agreement|deal)|licen[cs]ing (?:deal|agreement|payment)|to "
    r"licen[cs]e"
    r"|integrat(?:e|es|ed|ing|ion) (?:of )?[a-z]+ into"
    # "OpenAI announced that ChatGPT would integrate with Apple Intelligence"
    r"|integrat(?:e|es|ed|ing) with"
    # one company's model built into another's products, the sentence's subject: "Samsung will install Google’s Gemini
    # AI on future Galaxy devices", "Samsung plans to embed Google’s advanced Gemini artificial intelligence software
    # into its upcoming Galaxy mobile devices" (tests/pages3 q019; not "By scrutinizing how Microsoft integrates
    # OpenAI’s models into ...")
    # (what it will do: "Microsoft installed Nvidia's GB300 chips in its Fairwater data center" bought chips)
    r"|^org\s+(?:will|plans to|is set to|is planning to|aims to|is going to|is preparing to)\s+(?:[a-z]+\s+)?"
    r"(?:install|embed|integrat)(?:s|ed|ing|e|es)?\s+org(?:’s|'s)\s+(?:[a-z\-]+\s+){0,3}?[a-z][\w.\-]*\s+(?:[a-z\-]+\s+){0,3}?"
    r"(?:on|in|into)\s"
    rf"|{HELPED_BY})\b"
)
# A word of each cue of PARTNERSHIP, PARTNERSHIP_WEAK and PARTNERSHIP_FORMAL, as written in the sentence.
DEAL_WORDS = (
    r"partner|team|allian|collaborat|deal|agree|tie|joint|join|contract|licen|integrat|memorandum|mou|consortium"
    r"|install|embed|co-?develop|co-?design|jointly|intent|commit|pledge"
)
# A company bought is no partner.
TAKEOVER = r"\b(acquir\w*|acquisition|takeover|merger)\b"
# A formal pact a government or an investor can be party to.
PARTNERSHIP_FORMAL = r"\b(memorandum of understanding|mou|joint venture|consortium)\b"
# A partnership restated ("remains committed to its partnership", "the Cursor partnership makes a huge amount of
# sense", "said ... at the time that he's excited to partner")
# or a company named as a yardstick is not news.
PARTNERSHIP_BACKGROUND = (
    # ("SoftBank partnered with OpenAI last year on the Stargate project", "Last May, OpenAI acquired ... LoveFrom, a
    # partnership")
    rf"\b({TOLD_AS_PAST}|"
    # ("Microsoft confirmed its ongoing partnership with OpenAI", tests/searchpages s052)
    r"remains?|remained|still|already|existing|(?:its|their|the|[’']s) ongoing|long-?standing|earlier|prior|"
    r"previous(?:ly)?|"
    # (a commitment to the deal there is: "said it is committed to a long-term partnership with Anthropic"; not "Meta's
    # commitment to open source led it to partner with Microsoft"; a commitment to a new contract is read as its
    # signing, _partnerships)
    r"(?:commitment|committed) to (?:its|their|our|the|this|that|a|an) (?:[\w\-]+ ){0,3}?(?:partnership|alliance"
    r"|relationship|collaboration)|at the time"
    r"|the org (?:partnership|deal|alliance|tie-up)"
    # what a company holds: "SoftBank's investments in AI also include Stargate, a $500 billion joint venture with
    # OpenAI" (tests/searchpages s071)
    r"|(?:investments|holdings|stakes|portfolio)\b[^.;]{0,30}?\b(?:also )?include"
    # what a deal does, told of it as the subject: "The partnership gives OpenAI substantial computing resources and
    # funding, while Microsoft gets access to cutting-edge AI technology" (tests/searchpages s101)
    r"|^(?:the|this|that|their|its) (?:[\w\-]+ )?(?:partnership|deal|alliance|collaboration|tie-up) (?:gives|allows|"
    r"lets|means|provides|brings|grants)"
    # a joint venture described by its owners is an old one: "Altman also spoke about the Stargate data centre project,
    # a joint venture between OpenAI and Oracle" (tests/pages5 t049, t086)
    r"|,\s+(?:a|the)\s+(?:[\w\-]+\s+)?joint venture\s+(?:between|involving|of|led by|owned by"
    r"|backed by)"
    # a deal ended is none: "The U.S. military has officially ended its $200 million contract with AI company Anthropic"
    r"|(?:end(?:s|ed|ing)?|terminat\w+|cancel+(?:s|ed|ing)?|scrap(?:s|ped|ping)?)\s+(?:its|their|the|a|an)\s+"
    r"(?:\S+\s+){0,3}?(?:contract|deal|partnership|agreement|collaboration)s?)\b"
)
# A possibility, not a deal ("potentially in partnership with Oracle", a deal in an "if" clause: "would probably have
# even bigger gripes if OpenAI and the president came to an agreement").
# (the modal "may", not the month: "signed an agreement on May 15")
# (nor a party's absence: "Anthropic and OpenAI are notably absent from A2A's launch partners", holdout h1581)
HEDGE = (
    rf"\b(?:potentially|possibly|might)\b|\bmay\s+[a-z]|\bif\s+[^,;]*?\b(?:{DEAL_WORDS})"
    r"|\b(?:are|is|were|was)\s+(?:\w+\s+)?(?:absent|missing|excluded|left out) from\b|\b(?:are|is|were|was) not among\b"
)
# A body named where it is spoken of, not formed: "coverage of the NVIDIA Open Secure AI Alliance", "NVIDIA's Open
# Secure AI Alliance cites" (not "OpenAI, Google and Microsoft formed the Frontier AI Alliance").
NAMED_BODY = (
    r"(\b(?:of|by|from|at)(?:\s+the)?|[’']s)(?:\s+\x02[^\x02\x03]*\x03)?(?:\s+[A-Z][\w\-]*)+\s+"
    r"(?:Alliance|Coalition|Consortium)\b"
)
# People or programs who work together are no companies' deal: "incidents involving OpenAI agents that collaborated to
# break into various websites" (TechCrunch, tests/newsindex u033). (Read as no cue; another cue of the sentence counts.)
NOT_COMPANIES = (
    r"\b(?:agents|bots|models|researchers|scientists|users|employees|workers|engineers|students|hackers|people)\s+"
    r"(?:that|who)\s+(?:\w+\s+)?(?:collaborat|partner|team)"
)
YARDSTICK_ORG = (
    r"(?i:alternative to|such as|rivals?(?: like)?|unlike|than|versus|competitors?(?: like)?|competing "
    r"with"
    r"|bypass(?:ing)?|challeng(?:e|es|ing)|reliance on|dependen(?:ce|cy) on|depend(?:s|ing)? on)\s+"
)
# Companies given as examples are no parties to each other: "a consortium of firms including SoftBank and Sony",
# "companies including Zed, Replit, Codeium, and Sourcegraph are working with MCP", "an industry consortium that
# includes Adobe, Microsoft, OpenAI, Google".
EXAMPLES = (
    r"\b(?i:including|such as|like|(?:that|which)\s+includes?|whose members include)\s+[A-Z][\w&.\-]*"
    r"(?:(?:,\s+(?:and\s+|or\s+)?|\s+(?:and|or)\s+|\s+)[A-Z][\w&.\-]*)*"
)
DEAL_TAIL = (
    r"\s+(?:on\s+\w+\s+)?(?:has\s+|have\s+)?(?:also\s+|recently\s+|quietly\s+|officially\s+|now\s+|today\s+)?"
    r"(?:signed|signs|struck|strikes|inked|inks|sealed|seals|partnered|partners|teamed up|teams up|expanded|"
    r"expands"
    r"|deepened|deepens|announced|announces|formed|forms|entered|enters|reached|reaches"
    # ("CME Group is partnering with Silicon Data to introduce two compute futures contracts")
    r"|(?:is|are) (?:partnering|teaming up))\s"
)

# "Google DeepMind and A24 announce ... partnership", "Newsmax, Meta Enter AI Content Partnership": two subjects of a
# deal verb are the two parties (one of them may be a company the gazetteer does not know).
JOINT_VERB = (
    r"(?:are\s+|have\s+)?(?:both\s+)?(?i:announc(?:e|es|ed|ing)|enter(?:s|ed|ing)?|sign(?:s|ed|ing)?|form(?:s|ed|ing)?|"
    r"strike|str(?:uck|iking)|ink(?:s|ed)?|seal(?:s|ed)?|forge(?:s|d)?|team(?:s|ed)? up|"
    r"launch(?:es|ed)?|unveil(?:s|ed)?|expand(?:s|ed)?|deepen(?:s|ed)?|join(?:s|ed)? forces|collaborat(?:e|es|ed)"
    # ("BBVA and OpenAI have agreed to extend their partnership", tests/pages16 i044)
    r"|extend(?:s|ed)?|agree(?:s|d)?\s+to\s+(?:extend|expand|deepen|form|create|establish|launch|develop|build))\b"
    # ("Microsoft and Mayo Clinic are partnering to build an AI model", holdout h1403)
    r"|(?:are|were)\s+(?i:partnering|teaming up|collaborating|working together)\b"
    # (a capital "Partners" is a name's end in a list: "Valor Equity Partners and Vy Capital")
    r"|partner(?:s|ed)?\b|Partners? (?:to|on|with|for|in)\b"
)
JOINT_SUBJECTS = (
    r"(?:^|[^\w.’'\-])([A-Z][\w&.\-]*(?: (?:[A-Z][\w&.\-]*|AI|Labs?))*)(?:,\s+|\s+(?:and|&)\s+)"
    # (past the day told between: "Stellantis and Taiwan’s Foxconn on Tuesday announced plans", tests/pages16 i089;
    # and past an owner's or a country's possessive: "Toyota Motor and Alphabet’s Waymo announced", pages17 f011)
    r"(?:[A-Z][a-z]+(?:’s|'s)\s+)?"
    rf"([A-Z][\w&.\-]*(?: (?:[A-Z][\w&.\-]*|AI|Labs?))*?)(?:\s+on\s+[A-Z][a-z]+day)?\s+(?:{JOINT_VERB})"
)

# Two companies, then their supplying a third: SUPPLIERS_OF's groups a, b (the suppliers) and customer.
SUPPLIERS_OF = (
    rf"^[^\x02]{{0,60}}?{ORG_NAME.replace('(', '(?P<a>', 1)}\s+(?:and|&)\s+{ORG_NAME.replace('(', '(?P<b>', 1)}\s+"
    r"(?:[\w’'\-]+\s+){0,6}?(?:supply|supplying|supplies|provide|providing)\s+(?:[\w\-]+\s+){0,4}?(?:to|for)\s+"
    rf"(?:the\s+)?{ORG_NAME.replace('(', '(?P<customer>', 1)}"
)

# The plain telling of a partnership, a subject "partnered with" a party: strong enough to pair two companies the
# gazetteer does not know ("Substack has partnered with the AI detection tool Pangram").
PARTNERED_WITH = r"\b(?:partnered|partnering|teamed up|teaming up|joined forces|joining forces) with\b"
# "USA Today Co., the nation's largest newspaper chain, ignited a dispute by partnering with AI firm Palantir": the
# sentence's subject is who partners (the words before the gerund; its first name is read after).
BY_PARTNERING = r"^(.*?)\s(?:by|after|through)\s+(?:partnering|teaming up|joining forces)\s+with\s"


# A clause contrasted with the one before it, to the sentence's end (group 2): the companies before it are no parties
# of a deal it tells ("McKinsey launched its generative AI practice with much fanfare, while Boston Consulting Group
# partnered directly with Anthropic"). Not a parenthesis: "Anthropic, while continuing to use Amazon chips, partnered
# with Google".
CONTRASTED = r"^(.*?),\s+(?:while|whereas)\s+([^,]*)$"

# A company the sentence opens by comparing with is no party: "In a strategy somewhat similar to the Nvidia-Groq deal,
# AMD is announcing a deal with Cerebras", "Like Nvidia, AMD signed a deal with Cerebras".
FRONTED_LIKE = (
    r"^(?i:(?:much |just )?(?:like|unlike)|similar to|in (?:a|an) [^,]{0,60}?(?:similar|akin) to)\s[^,]{0,80},\s"
)


def _without_fronted_like(text: pl.Expr) -> pl.Expr:
    """`text` without its FRONTED_LIKE opening (kept where a relative clause follows it: "Like OpenAI, which partnered
    with Microsoft, Anthropic ..." tells OpenAI's deal)."""
    return pl.when(text.str.contains(FRONTED_LIKE + r"(?:which|who)\b")).then(text).otherwise(
        text.str.replace(FRONTED_LIKE, " ")
    )


EACH_OWN = ("both", "each", "separately", "independently")
# (two parties listed after a deal word: LISTED_AFTER_CUE before both, only a list's joints between them, and no verb
# after the second, which would make it a subject)
# ("it has partnered with Amazon Web Services (AWS) and AMD": each is its partner, _hub_deals)
LISTED_AFTER_CUE = (
    r"\b(?:deals?|partners?|partnered|partnering|partnerships?|collaborat(?:ions?|ing|es|ed|e)|agreements?|contracts?"
    r"|alliances?"
    r"|tie-ups?)\b"
)
LISTED_BETWEEN = (
    # ("stopped shy of saying that it was collaborating with Apple or Spotify specifically", holdout h925)
    r"^(?:[^;.]{0,80}?)(?:,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+)"
    r"(?:(?:a|an|the|its)\s+(?:[\w\-]+\s+){0,3}?(?:deals?|partnerships?|agreements?|contracts?|collaborations?)"
    r"\s+with\s+)?$"
)
SUBJECT_AFTER = (
    r"^(?:’s|'s)?\s+(?:will|would|is|are|was|were|has|have|had|can|could|also|said|says|plans?|agreed|signed|"
    r"gets?|got|announced|[a-z]+ed)\b"
)


def _tagged(pattern: str) -> str:
    """A pattern of capitalised words and words (EXAMPLES, KIND_BEFORE) read in `tagged`, where a word may hold a
    name's marks (names.ORG)."""
    return pattern.replace("[A-Z]", r"\x02?[A-Z]").replace(r"[\w&.\-]*", r"[\w&.\-\x02\x03]*").replace(
        r"[\w\-]+", TAGGED_WORD
    )


def _plausible(name: pl.Expr, g: gaz.Gazetteer) -> pl.Expr:
    """A name the gazetteer does not know that may be a company's (no phrase of a title-case headline, no model)."""
    return (
        name.is_not_null()
        & (name.str.len_chars() >= 2)
        & _canonical(name, g.org_by_key).is_null()
        & _canonical(name, g.model_by_key).is_null()
        & ~name.is_in(_maps(g)["product_lines"])
        & ~name.str.contains(PHRASE_WORD)
        # (nor a day told after the names: "..., or popularly known as Foxconn, Tuesday announced a new joint venture",
        # tests/pages16 i091)
        & ~name.str.extract(r"^(\S+)", 1).is_in(NOT_NAMES + list(MONTHS) + WEEKDAYS)
    )


# A name in a list: capitalised words ("Square Peg", "Scale AI", "Inflection Labs").
LISTED_NAME = r"[A-Z][\w&.\-]*(?: (?:[A-Z][\w&.\-]*|AI|Labs?))*"
# Kind words before a name: "AI firm Palantir", "leading California-based artificial intelligence company Anthropic".
KIND_BEFORE = (
    r"(?:(?:an?\s+)?(?:[\w\-]+\s+){0,4}?(?i:firm|company|startup|start-up|lab|maker|developer|provider|platform"
    # ("a partnership with South Korean conglomerate SK Group")
    r"|conglomerate|giant|chipmaker|automaker|manufacturer|carrier|retailer|publisher|bank|insurer"
    # ("partnered with the AI detection tool Pangram", "with an internet infrastructure company called Cloudflare")
    r"|tool|service)\s+(?:called\s+|named\s+)?)?"
)
# (after kind words: "partnering with AI firm Palantir"; not an owner or a place: "with DeepMind's safety team",
# "with California-based company Anthropic")
PARTNER_WITH = (
    r"(?i:partner(?:s|ed|ing|ship)?|team(?:s|ed)? up|collaborat(?:es|ed|ing|ion)|allian(?:ce|ces)"
    r"|join(?:s|ed|ing)? forces"
    # ("OpenAI today signed a Memorandum of Understanding (MoU) with NEXTDC", holdout h1800; its qualifier words are
    # checked in _partnerships: not "an employment agreement with Mustafa Suleyman")
    r"|(?P<signed>(?:signed|signs|struck|strikes) (?:a|an) (?:[\w\-$.]+ ){0,4}?(?:deal|agreement|contract|"
    r"memorandum of understanding))(?: \(mou\))?)\s+(?i:with)\s+"
    rf"(?:the\s+)?(?P<kind>{KIND_BEFORE})"
    r"(?P<name>[A-Z][\w&.\-]*(?:\s+(?:[A-Z][\w&.\-]*|&|of\s+[A-Z][\w&.\-]*)){0,4})(?P<mark>[’'\-]?)"
    # the other names of a list: "joining forces with CommBank, Coles and Wesfarmers" (holdout h1800; no person or
    # place: _partnerships)
    rf"(?P<rest>(?:,\s+{LISTED_NAME})*,?\s+and\s+{LISTED_NAME}(?:[^\w\s’'\-]|\s+(?:to|in|on|for)\b|$))?"
)
# A company named before it speaks of itself: "IREN also said Monday that it ..." (one word, no plural: not "Analysts
# said that it", "Jensen Huang told analysts it has struck a deal", where "it" is the company in focus)
NAMED_SPEAKER = r"^[A-Z][\w.&\-]*[^s\W]\s+(?:also\s+)?(?:said|says|announced|confirmed|told)\b"


def _named_speaker(text: pl.Expr) -> pl.Expr:
    """Whether `text` opens with a company's name (no pronoun: "It also said ...") that speaks."""
    return text.str.contains(NAMED_SPEAKER) & ~text.str.contains(r"^(?:It|They|He|She|We|The|This|That)\b")


# What says a name is a person's, set off after it.
PERSON_APPOSITION = (
    r"^,\s+(?:[\w’'\-]+\s+){0,3}?(?:man|woman|billionaire|businessman|businesswoman|entrepreneur|tycoon|founder"
    r"|co-founder|chairman|chairwoman|chief executive)\b"
)
# The last word of a company's name, where no kind words introduce it ("partnering with Silicon Data"): "Eric Wang" is a
# person.
COMPANY_NAME_END = (
    r"\s(?:Data|Labs?|Systems|Technologies|Tech|Group|Inc\.?|AI|Robotics|Capital|Partners|Networks|Energy|Health|"
    r"Therapeutics|Software|Cloud|Security|Analytics|Media|Studios?|Games|Motors|Holdings|Bank|Corp\.?|Co\.?|Ltd\.?)$"
)


def _partnerships(sents: pl.DataFrame, g: gaz.Gazetteer) -> pl.DataFrame:
    """Two companies named in a sentence about working together: the first is paired with each other one.

    Investors and governments are partners only in a formal pact (joint venture, memorandum of understanding),
    publishers only outside one; a company named as a yardstick ("an alternative to Nvidia's") is no party. With only
    one company named, a deal 'with' it is made by the company in focus ("The ChatGPT maker has signed a contract with
    Oracle")."""
    # A partnership needs a party the gazetteer knows (org_hits), or a subject that "partnered with" one it introduces:
    # only those sentences are read.
    # (and only those with a word every cue below holds: the patterns run on few rows)
    sents = sents.filter(
        (pl.col("org_hits").list.len() > 0) | pl.col("low").str.contains(PARTNERED_WITH)
    ).filter(pl.col("low").str.contains(rf"{DEAL_WORDS}|{HELPED_BY}"))
    # Cue words inside names ("Lightspeed Venture Partners") do not count.
    # ("Microsoft founder Bill Gates and partner Paula Hurd": a person's partner)
    # (nor a body's name that ends in one, outside the headline: "TechTimes' coverage of the NVIDIA Open Secure AI
    # Alliance", tests/newsindex v011)
    tagged = pl.col("tagged")
    sents = sents.with_columns(
        without_names=pl.when(pl.col("sent_idx") > 0)
        .then(tagged.str.replace_all(NAMED_BODY, "$1 body"))
        .otherwise(tagged)
        .str.replace_all(ORG, "ORG")
        .str.replace_all(r"\bpartner(\s+[A-Z][a-z]+\s+[A-Z][a-z]+)", "associate$1")
        .str.to_lowercase()
        .str.replace_all(NOT_COMPANIES, "people work")
        # (a kind of software is no deal: "a suite of AI tools for its email, collaboration and cloud software",
        # tests/pages3 q078)
        .str.replace_all(
            r"\bcollaboration(\s+(?:and\s+[\w\-]+\s+)?"
            r"(?:software|tools?|apps?|platforms?|suites?|features?|products?))\b",
            "teamwork$1",
        )
        # (a contract committed to is signed: "OpenAI has committed to a massive cloud infrastructure contract with
        # Oracle", tests/pages2 p033; not "is committed to a privacy-first approach", nor "to its partnership")
        .str.replace_all(
            r"\bcommitted to ((?:a|an)\s+(?:[\w\-$.,]+\s+){0,5}?(?:contract|deal|agreement))\b", "signed $1"
        )
        # (a partner chosen is news: "Anthropic names AWS its primary training partner")
        .str.replace_all(r"\b((?:names|named|makes|made|chose|chooses|selects|selected)\s+org)\s+(?:its|their)\b",
                         "$1 the")
        # a company described as a partner, or a person's title: "Oracle, a major data center partner", "Anthropic’s
        # largest financial and technology partner, Amazon", "in coordination with business partners", "said Jenny
        # Xiao, partner at Leonis Capital"
        .str.replace_all(
            r"\b(?:(?:its|their|our|his|her|other|key|existing|longtime|a|an|one|org(?:’s|'s))(?:\s+[\w\-]+){0,4}?"
            r"|business|funding|chip|government|cooperative)\s+partners?\b(?:\s+at\b)?|\bpartners?\s+at\b",
            "associates",
        )
        # ("Our strategy is to be the reinvention partner of choice for our clients", holdout h1119: what a company
        # wants to be)
        .str.replace_all(r"(\bbe\s+(?:the|a|an|its|their|our)\s+(?:[\w\-]+\s+){0,2}?)partners?\s+of\s+choice\b",
                         "${1}associates")
        # (partners of no one named: "alongside partners across the industry")
        .str.replace_all(r"\b(?:alongside|among|with)\s+partners\s+(?:across|throughout)\b", "among associates")
        # working with a kind of people or firms is no deal between the companies the sentence names: "Apple Music,
        # YouTube, and Spotify dominate the charts — but it’s built a reputation by collaborating with artists"
        # (holdout h1125)
        .str.replace_all(
            r"\b(?:partner(?:s|ed|ing)?|collaborat(?:es?|ed|ing)|team(?:s|ed|ing)? up)\s+with\s+"
            r"(?:(?:its|their|our|the|local|independent|indie|other|more|many|several|various|individual|top|leading|"
            r"young|emerging|human|[a-z]+-[a-z]+)\s+){0,2}"
            r"(?:artists|creators|musicians|writers|authors|schools|universities|researchers|scientists|developers|"
            r"customers|clients|users|brands|retailers|advertisers|creatives|doctors|hospitals|farmers|teachers)\b",
            "works with them",
        )
        # a product named for what it is used for: "a breach of the AI collaboration platform Hugging Face"
        .str.replace_all(r"\bcollaboration (?:platforms?|tools?|software|apps?|suites?|features?|spaces?)\b", "product")
        # an alliance of states is a body, no deal: "NATO, the U.S.-led military alliance headquartered in Brussels"
        # (holdout h927)
        .str.replace_all(r"\b(?:military|defen[cs]e|political|transatlantic|western)\s+alliances?\b", "body")
        # as is a consortium described in apposition (not a new one), what a body is: "research by the National
        # Counterterrorism ... Center (NCITE), a Department of Homeland Security-supported research consortium"
        # (holdout h1041)
        .str.replace_all(
            r",\s+an?\s+(?:[\w\-]+\s+){0,3}?[\w\-]+-(?:supported|backed|funded|based|led)\s+"
            r"(?:[\w\-]+\s+)?consortium\b",
            ", a body",
        )
    )
    without_names = pl.col("without_names")
    strong = without_names.str.contains(PARTNERSHIP)
    weak = (
        without_names.str.contains(PARTNERSHIP_WEAK)
        & ~without_names.str.contains(r"\binvest")
        & ~without_names.str.contains(TAKEOVER)
        # ("agreed to buy AI coding start-up Cursor for $60 billion in an all-stock deal"; not "a contract with Oracle
        # to buy about $300 billion of computing power")
        & ~without_names.str.contains(r"\b(?:buy|buys|bought|buying|purchas\w*)\s+(?:[\w\-]+\s+){0,4}?org\b")
    )
    formal = without_names.str.contains(PARTNERSHIP_FORMAL)
    # (names read in `tagged`: a word of a yardstick or example list may hold a name's mark)
    # (a contrasted clause with no deal names no party: CONTRASTED)
    contrasted = pl.col("tagged").str.extract(CONTRASTED, 1)
    parties = _tagged_orgs(
        pl.when(contrasted.is_not_null() & ~contrasted.str.to_lowercase().str.contains(PARTNERSHIP))
        .then(pl.col("tagged").str.replace(CONTRASTED, "$2"))
        .otherwise(pl.col("tagged"))
        .pipe(_without_fronted_like)
        .str.replace_all(rf"{YARDSTICK_ORG}{ORG}", " ")
        # "OpenAI, Anthropic’s American rival, launched ...": the company a rival is named by is no party
        .str.replace_all(rf"{ORG}(?:’s|'s)\s+(?:[\w\-]+\s+){{0,2}}?(?:rivals?|competitors?)\b", " ")
        # a person's former employer is no party: "collaborating with former Apple design chief Jony Ive" (holdout
        # h1130)
        .str.replace_all(rf"\b(?i:former|ex-)\s*{ORG}", " ")
        # an investor or owner named by what it did is no party: "Chai Discovery (backed by OpenAI at a $1.3 billion
        # valuation, now partnered with Lilly on biologics)" (the unlabelled pool, p2098)
        .str.replace_all(rf"\b(?i:backed|funded|owned|bankrolled)\s+by\s+{ORG}(?:(?:,\s+|,?\s+and\s+){ORG})*", " ")
        .str.replace_all(_tagged(EXAMPLES), " "),
        g,
    )
    # (a publisher or a label licenses its content in a deal - "UMG had announced a partnership with Spotify" - but
    # is no party to a joint venture)
    excluded = pl.when(formal).then(pl.lit(["media"])).otherwise(pl.lit([k for k in NON_ACTORS if k != "media"]))
    # A division deals for its company: "Microsoft's Azure cloud" is Microsoft (gazetteer `parent`).
    parent = _maps(g)["org_parent"]
    parties = parties.list.eval(pl.element().replace(parent)).list.unique(maintain_order=True)
    low = pl.col("low")
    rows = sents.filter(
        (strong | weak | formal)
        & ~without_names.str.contains(PARTNERSHIP_BACKGROUND)
        & ~low.str.contains(HEDGE)
        & ~low.str.contains(LEGAL)
        # (a company bought is no partner: "As part of the collaboration, OpenAI acquired io Products")
        & ~without_names.str.contains(r"\b(?:acquired|acquires|acquiring|to acquire|bought|buys|to buy)\s+org\b")
        # a deal dated well before the article ("In July 2025, Perplexity partnered with Airtel")
        & ~pl.col("history")
    )
    if rows.is_empty():  # (polars compiles every regex of a query even for no rows)
        return _frame(rows, "partnership")  # no rows, in the mentions' shape (mentions() adds the hub deals)
    rows = rows.with_columns(parties=parties, excluded=excluded)
    # Keep the parties whose kind may sign this sort of deal.
    allowed = (
        rows.with_row_index("_row")
        .select("_row", "parties", "excluded")
        .explode("parties")
        .drop_nulls("parties")
        .filter(~org_kind(pl.col("parties"), g).is_in(pl.col("excluded")))
        .group_by("_row")
        .agg(pair=pl.col("parties").unique(maintain_order=True))
    )
    rows = (
        rows.with_row_index("_row")
        .join(allowed, on="_row", how="left")
        .drop("_row")
        .with_columns(pl.col("pair").fill_null([]))
    )
    # The event is the company's: a government or investor party is the partner, not the org.
    is_actor = ~org_kind(pl.element(), g).is_in(NON_ACTORS)
    rows = rows.with_columns(
        pair=pl.concat_list(pl.col("pair").list.filter(is_actor), pl.col("pair").list.filter(~is_actor))
    )
    # (only where the sentence refers to a company without naming it: "India signed a deal with G42" is no deal of the
    # company in focus)
    before_deal = pl.col("sentence").str.extract(r"^(.*?)(?i:(?:contract|agreement|deal|partnership) with)", 1)
    with_focus = pl.when(
        (pl.col("pair").list.len() == 1)
        # (the reference told before the deal: "The U.S. has made direct investments in at least 10 companies,
        # including a deal with Intel that the White House has touted ..., with the value of the company stock
        # surging" is no deal of the company in focus)
        & before_deal.str.contains(COMPANY_REFERENCE)
        & pl.col("prev_focus_org").is_not_null()
        & (pl.col("prev_focus_org") != pl.col("pair").list.first())
        # ("Anthropic also recently entered into a deal with Macquarie", "To accelerate ..., OpenAI will launch its
        # first startup program in Australia, delivered in partnership with ... firms including Blackbird", holdout
        # h1800: the named one is the subject)
        & ~before_deal.str.contains(pl.col("pair").list.first().fill_null("\x00"), literal=True)
        # ("IREN also said Monday that it has signed a deal with Dell Technologies", tests/searchpages s027: "it" is
        # the company that speaks, named as the subject)
        & ~_named_speaker(before_deal)
    )
    rows = rows.with_columns(
        pair=with_focus.then(pl.concat_list(pl.col("prev_focus_org"), pl.col("pair"))).otherwise("pair")
    )
    # "SpaceX has signed a deal with Reflection AI for access to Nvidia chips": the subject of the deal verb and the
    # company after "with" are the two parties (a company the gazetteer does not know may be the subject).
    # (past a lead-in label, "What you need to know: California has entered into a new partnership with
    # California-based company Anthropic", and past the kind words before the name after "with")
    # (the label cut in the gazetteer's threads, where its pattern, slow to compile, stays compiled:
    # names._gazetteer_select)
    # (and past an opening quote mark or a reporting lead-in: "“Patreon has partnered with ...”", "Best explained that
    # Substack has partnered with ...")
    unlabelled = pl.col("sentence").str.replace(
        r"^(?:[A-Z][\w ]{0,30}:\s+|[“\"‘']+|(?:[A-Z][\w.’'\-]*\s+){1,3}(?:said|says|explained|explains|noted|notes|"
        r"wrote|writes)\s+that\s+)",
        "",
    )
    rows = rows.with_columns(_unlabelled=_gazetteer_select(rows.select("sentence"), unlabelled))
    gerund_subject = (
        pl.col("_unlabelled").str.extract(BY_PARTNERING, 1).str.extract_groups(r"^" + SUBJECT_NAME + "(,?)")
    )
    # (a name the gazetteer does not know only as it introduces one, set off by a comma: "Analysts said Acme could grow
    # by partnering with Nvidia" names no party)
    subject = pl.coalesce(
        _subject_org(pl.col("_unlabelled"), DEAL_TAIL, g),
        _canonical(gerund_subject.struct.field("1"), g.org_by_key),
        pl.when(_plausible(gerund_subject.struct.field("1"), g) & (gerund_subject.struct.field("2") == ",")).then(
            gerund_subject.struct.field("1")
        ),
    ).replace(parent)
    with_party = _canonical(
        pl.col("tagged").str.extract(rf"\bwith\s+(?:the\s+)?{_tagged(KIND_BEFORE)}{ORG_NAME}", 1), g.org_by_key
    ).replace(parent)
    # (as columns: a DataFrame's with_columns computes an expression again wherever it is used)
    rows = rows.with_columns(subject=subject, with_party=with_party).drop("_unlabelled").with_columns(
        pair=pl.when(
            pl.col("subject").is_not_null()
            & pl.col("with_party").is_not_null()
            & (pl.col("subject") != pl.col("with_party"))
        )
        .then(pl.concat_list("subject", "with_party"))
        .otherwise("pair")
    )
    # "OpenAI partners with Condé Nast", "Anthropic partners with BCG": a company the gazetteer does not know, right
    # after "partners with", is the one known party's partner.
    # (read only where one party is named: the regexes below cost where run on every row)
    # With no known party, the subject "partnered with" a company or tool it introduces: both are names the gazetteer
    # does not know.
    rows = _where(
        rows,
        pl.col("pair").list.len() <= 2,
        named=_built("partner_with", lambda: pl.col("sentence").str.extract_groups(PARTNER_WITH)),
    )
    named = pl.col("named")
    signed = named.struct.field("signed")
    name = (
        named.struct.field("name").str.strip_chars_end(".,")
        # (a description is no part of the name: "a deal with United Arab Emirates-backed G42", realset r013;
        # "partnered with Seattle-based Acme Robotics")
        .str.replace(r"^(?:\S+\s+){0,3}?\S+-(?:backed|based|owned|led|funded|founded)\s+", "")
    )
    # (nor with a person the sentence tells as one: "has joined forces with Mukesh Ambani, Asia’s richest man", tests/
    # pages3 q072)
    told_after = pl.col("sentence").str.slice(pl.col("sentence").str.find(name, literal=True) + name.str.len_chars())
    named_partner = pl.when(
        (named.struct.field("mark") == "")
        & ~told_after.str.contains(PERSON_APPOSITION).fill_null(False)
        # a deal signed with a person is no partnership ("signed an employment agreement with Mustafa Suleyman", "a
        # licensing deal with Jony Ive"): after "signed ... with", one word, kind words or a company's last word
        & (
            signed.is_null()
            | (
                ~signed.str.contains(r"(?i:employment|purchase|loan|settlement|plea|non-compete|severance)")
                & ((named.struct.field("kind") != "") | ~name.str.contains(" ") | name.str.contains(COMPANY_NAME_END))
            )
        )
    ).then(name)
    # (each other name of the list, but no person with a title or place: "with Acme Health and Dr. Jane Smith", "with
    # Acme Energy and Texas")
    listed_after = (
        named.struct.field("rest").str.extract_all(LISTED_NAME)
        .list.eval(pl.element().str.strip_chars_end(".,"))
        .list.eval(pl.element().filter(
            _plausible(pl.element(), g)
            & ~pl.element().str.contains(r"^(?:Dr|Mr|Mrs|Ms|Prof|Sir)\b")
            & ~pl.element().str.contains(PLACE_NAME)
        ))
    )
    one_named = (pl.col("pair").list.len() == 1) & _plausible(named_partner, g)
    # The company a deal is made "with", told by what it is, is the partner, not a known company the sentence names
    # after it: "Microsoft has signed a $9.7 billion cloud services contract with artificial intelligence cloud services
    # provider IREN, which will give it access to some of Nvidia's chips" (tests/searchpages s027).
    second = pl.col("pair").list.get(1, null_on_oob=True)
    named_before_second = (
        (pl.col("pair").list.len() == 2)
        & (named.struct.field("kind") != "")
        & _plausible(named_partner, g)
        & (pl.col("sentence").str.find(named_partner, literal=True) < pl.col("sentence").str.find(second, literal=True))
    ).fill_null(False)
    rows = rows.with_columns(pair=pl.when(named_before_second).then(
        pl.concat_list(pl.col("pair").list.first(), named_partner)).otherwise("pair"))
    rows = rows.with_columns(
        # (the one known party and each name listed after "with": a hub, so a pair each; see the list filter below)
        hub_list=one_named & (listed_after.list.len() > 0),
        pair=pl.when(one_named)
        .then(pl.concat_list("pair", named_partner, listed_after.fill_null(NO_NAMES)))
        .when(
            (pl.col("pair").list.len() == 0)
            & pl.col("low").str.contains(PARTNERED_WITH)
            & pl.col("subject").is_not_null()
            # (introduced as a company or a tool, or named as one: "CME Group is partnering with Silicon Data to
            # introduce two compute futures contracts", holdout h580; "Lalji teamed up with Eric Wang, his co-founder"
            # pairs two people)
            & ((named.struct.field("kind") != "") | named_partner.str.contains(COMPANY_NAME_END).fill_null(False))
            & _plausible(named_partner, g)
            & (pl.col("subject") != named_partner)
        )
        .then(pl.concat_list("subject", named_partner))
        .otherwise("pair")
    )
    # (one known; an unknown one first only where the sentence starts with it, as _subject_org takes a subject)
    rows = _where(
        rows,
        pl.col("sentence").str.contains(JOINT_VERB),
        joint=_built("joint_subjects", lambda: pl.col("sentence").str.extract_groups(JOINT_SUBJECTS)),
    )
    joint = pl.col("joint")
    names = [joint.struct.field("1"), joint.struct.field("2")]
    known = [_canonical(name, g.org_by_key).replace(parent) for name in names]
    unknown = [
        pl.when(_plausible(name, g) & (pl.col("sentence").str.starts_with(name) | (i == 1))).then(name)
        for i, name in enumerate(names)
    ]
    rows = rows.with_columns(first=pl.coalesce(known[0], unknown[0]), second=pl.coalesce(known[1], unknown[1]))
    # "Vox Media and The Atlantic have both inked separate licensing and product development deals with OpenAI"
    # (tests/searchpages s074): two subjects each in a deal with the company after "with" are its partners, not each
    # other's.
    the_second = names[1].str.replace(r"^The\s+", "")
    each_with = (
        joint.is_not_null()
        & pl.col("with_party").is_not_null()
        & pl.col("low").str.contains(r"\b(?:both|separate)\b")
        & (pl.coalesce(known[0], pl.when(_plausible(names[0], g)).then(names[0])) != pl.col("with_party"))
        & (pl.coalesce(known[1], pl.when(_plausible(the_second, g)).then(names[1])) != pl.col("with_party"))
    ).fill_null(False)
    rows = rows.with_columns(
        each_with=each_with,
        pair=pl.when(each_with)
        .then(pl.concat_list("with_party", pl.coalesce(known[0], names[0]), pl.coalesce(known[1], names[1])))
        .when((known[0].is_not_null() | known[1].is_not_null()) & (pl.col("first") != pl.col("second")))
        .then(pl.concat_list("first", "second"))
        .otherwise("pair"),
    )
    # "Samsung Electronics and SK Hynix have signed letters of intent to supply memory chips for OpenAI's data centers"
    # (tests/pages12 k016): two subjects that supply a third are each its partner, not each other's.
    # (the pattern read and each side named once, as columns: the two columns below read them)
    fields = ("a", "b", "customer")
    sides = tuple(f"_{f}" for f in fields)
    rows = rows.with_columns(_supply=pl.col("tagged").str.extract_groups(SUPPLIERS_OF)).with_columns(
        _canonical(pl.col("_supply").struct.field(f), g.org_by_key).replace(parent).alias(side)
        for f, side in zip(fields, sides, strict=True)
    )
    a, b, customer = (pl.col(side) for side in sides)
    rows = rows.with_columns(
        _supplied=a.is_not_null() & b.is_not_null() & customer.is_not_null() & (a != customer) & (b != customer)
    )
    rows = rows.with_columns(
        each_with=pl.col("each_with") | pl.col("_supplied").fill_null(False),
        pair=pl.when("_supplied").then(pl.concat_list(customer, a, b)).otherwise("pair"),
    ).drop("_supply", "_supplied", *sides)
    # "Arm, Microsoft, Nvidia, Oracle and OpenAI are partners": a list with no hub; only a formal pact pairs its first
    # party with each of the others.
    rows = (
        rows.filter((pl.col("pair").list.len() == 2)
                    | ((pl.col("pair").list.len() > 2)
                       & (formal | pl.col("hub_list").fill_null(False) | pl.col("each_with"))))
        .with_columns(org=pl.col("pair").list.first(), partner=pl.col("pair").list.slice(1))
        .explode("partner")
    )
    # "Google's DeepMind unit" is Google: a party whose name extends the other's is the same company
    rows = rows.filter(
        ~pl.col("partner").str.starts_with(pl.col("org") + " ")
        & ~pl.col("org").str.starts_with(pl.col("partner") + " ")
    )
    # Two subjects each acting on its own are no pair: "Leading AI labs Anthropic and OpenAI both established FDE groups
    # in May, partnering with private equity firms, banks and consulting firms" (holdout h615).
    each_own = pl.lit(False)
    # ("A and B both", "A and B have both launched education partnerships with universities")
    # (with an auxiliary, only where each deals with others: not "Microsoft and OpenAI have both signed a new
    # definitive agreement for the next phase of their partnership")
    # (read once, as a column: the loop below would read it for each told form)
    rows = rows.with_columns(_with_others=pl.col("low").str.contains(r"\bwith\b"))
    for one, other in (("org", "partner"), ("partner", "org")):
        for word in EACH_OWN:
            for aux in ("", "have ", "are ", "had "):
                told = pl.concat_str(pl.col(one), pl.lit(" and "), pl.col(other), pl.lit(f" {aux}{word} "))
                with_others = pl.lit(True) if aux == "" else pl.col("_with_others")
                each_own = each_own | pl.col("sentence").str.contains(told, literal=True) & with_others
    rows = rows.filter(~each_own).drop("_with_others")
    # "a multibillion-dollar deal with AMD for its Instinct GPUs and a multibillion-dollar deal with Amazon", "partner
    # of Cerebras Systems and AMD", "collaborations with ASML, BNP Paribas, Amazon's Alexa+": two parties listed after
    # the deal word are each another's partner, not each other's ("a deal between A and B" pairs them; so does a
    # fronted one, "In a deal with Microsoft, OpenAI will ...": the second is then the clause's subject).
    sentence = pl.col("sentence")
    # (as written, else in any case: "with Intel and NVIDIA" names Nvidia, holdout h1470)
    at_org, at_partner = (
        pl.coalesce(
            char_at(sentence, pl.col(party), literal=True),
            char_at(pl.col("low"), pl.col(party).str.to_lowercase(), literal=True),
        )
        for party in ("org", "partner")
    )
    first_at, second_at = pl.min_horizontal(at_org, at_partner), pl.max_horizontal(at_org, at_partner)
    org_first = at_org < at_partner
    second = pl.when(org_first).then(pl.col("partner")).otherwise(pl.col("org"))
    cue_at = char_at(pl.col("low"), LISTED_AFTER_CUE)
    first_len = pl.when(org_first).then(pl.col("org")).otherwise(pl.col("partner")).str.len_chars()
    between = sentence.str.slice(first_at + first_len, second_at - first_at - first_len)
    after_second = sentence.str.slice(second_at + second.str.len_chars())
    before_first = sentence.str.slice(cue_at, first_at - cue_at)
    listed = (
        (cue_at < first_at)
        # (a deal "between" the two, not one between others before them: "the strong collaboration between our
        # teams, as well as with Intel and NVIDIA")
        & (~before_first.str.contains(r"\bbetween\b") | before_first.str.contains(r"\bbetween\b.*\bwith\b"))
        & between.str.contains(LISTED_BETWEEN)
        & ~after_second.str.contains(SUBJECT_AFTER)
    )
    rows = rows.filter(~listed.fill_null(False))
    return _frame(
        rows,
        "partnership",
        org=pl.col("org"),
        partner=pl.col("partner"),
        confidence=pl.when(strong).then(0.75).otherwise(0.65),
    )


# "Nvidia today announced strategic partnerships ... with Apollo, BlackRock and KKR", "it had struck deals with A, B":
# a hub company and the list of parties after "with".
HUB_DEAL = (
    r"\b(?:partnerships?|partnered|deals?|agreements?|alliances?|pacts?|will work|(?:is|are) working|team(?:s|ed)? up|"
    r"collaborat(?:e|es|ed|ion))"
    r"\b(?:\s+[\w\-’']+){0,10}?\s+with\s+"
)
LISTED_KIND = (
    r"^(?:the\s+)?(?:[\w\-]+\s+){0,3}?(?:firms|companies|startups|vendors|makers|providers|giants|labs|conglomerates)"
    r"\s+(?:[-–—:]\s+)?"
)
# The words a list of names told by their kind may run into (a preposition or a relative word, not the next clause's
# verb: "with several media companies - Bloomberg reported the deals were worth $250 million" lists no Bloomberg).
LIST_END_WORDS = ["to", "for", "in", "on", "at", "as", "with", "under", "over", "that", "which", "who", "across",
                  "through", "from", "by", "including"]
# The deal is made now ("announced", "had struck", "will work with"), not held ("Reddit has licensing agreements with").
HUB_NEWS = (
    r"\b(?:announc\w*|unveil\w*|str(?:uck|ikes?)|sign(?:s|ed)?|ink(?:s|ed)?|seal(?:s|ed)?|enter(?:s|ed)|form(?:s|ed)"
    r"|reach(?:es|ed)|establish\w*|launch\w*|will work|(?:is|are) working|partnered|team(?:s|ed)? up|collaborat\w*)\b"
)


def _hub_deals(sents: pl.DataFrame, g: gaz.Gazetteer) -> pl.DataFrame:
    """A company (the acting one named before the deal word, else the company in focus where the sentence refers to
    it: "it had struck deals with ...") in deals with each party listed after "with", up to the clause's end. Investors
    are parties here: the deal is the hub's."""
    before, after = _split_on(HUB_DEAL)
    is_actor = ~org_kind(pl.element(), g).is_in(NON_ACTORS)
    parent = _maps(g)["org_parent"]
    low = pl.col("low")
    rows = (
        sents.filter(pl.col("low").str.contains(HUB_DEAL))
        .filter(
            low.str.contains(HUB_NEWS)
            & ~low.str.contains(PARTNERSHIP_BACKGROUND)
            & ~low.str.contains(HEDGE)
            & ~low.str.contains(LEGAL)
            # ("investment deals with data center companies": stakes, not partnerships)
            & ~low.str.contains(r"\b(?:investment|funding) (?:deals?|agreements?)\b")
            # ("tied to the partnership and is in line with ...": the deal word and "with" are one phrase)
            & ~low.str.extract(f"({HUB_DEAL})", 1).str.contains(r"\b(?:and|is|are|was|were|in line)\b")
        )
        # (past kind words: "with chip engineering firms Cadence and Synopsys"; read once, as a column)
        .with_columns(
            _after_kind=after.str.replace(LISTED_KIND, "").str.replace_all(r"\s(?:and|of|the|&)\s", ", ")
        )
        .with_columns(
            # (names told as companies, in a list that ends the clause or runs into LIST_END_WORDS)
            kinded=after.str.contains(LISTED_KIND)
            & pl.col("_after_kind").str.extract(r"\s([a-z]+)", 1).is_in(LIST_END_WORDS).fill_null(True),
            # (the list ends at its first lower-case word: "with Apollo, BlackRock and KKR to mobilize ...")
            listed=pl.col("_after_kind").str.replace(r"\s[a-z].*$", ""),
        )
        .drop("_after_kind")
    )
    # (the org pattern's readings first: names._with_orgs_in)
    rows = (
        # (a contrasted clause before the deal is none of its: CONTRASTED)
        _with_orgs_in(rows, g, _before_orgs=_without_fronted_like(before.str.replace(CONTRASTED, "$2")),
                      _listed_orgs=pl.col("listed"))
        .with_columns(
            hubs=pl.col("_before_orgs").list.filter(is_actor).list.eval(pl.element().replace(parent)),
            refers=before.str.contains(COMPANY_REFERENCE) & ~_named_speaker(before),
        )
        .with_columns(
            partner=pl.col("_listed_orgs")
            .list.eval(pl.element().replace(parent))
            .list.unique(maintain_order=True),
            # "with Apollo, BlackRock, Blackstone ...": a name the gazetteer does not know, in a list of companies it
            # mostly knows, is one of them
            unknown=pl.col("listed")
            .str.split(",")
            .list.eval(pl.element().str.strip_chars(" .;:"))
            .list.filter(
                pl.element().str.contains(r"^[A-Z][\w&.\-]*(?: [A-Z][\w&.\-]*){0,2}$")
                # (a name's own article stays: "The Atlantic")
                & ~pl.element().str.replace(r"^The\s+([A-Z])", "$1").str.contains(PHRASE_WORD)
                & ~pl.element().is_in(NOT_NAMES)
            )
            # (a known name told with "The" is the known one: "The Pentagon")
            .list.filter(_canonical(pl.element().str.replace(r"^The\s+", ""), g.org_by_key).is_null()),
        )
        .with_columns(
            # (at least four known ones, twice the unknown: "with Hugging Face, Dell CEO & Founder, Michael Dell" is
            # no list of companies)
            # (or names told as companies: "with two major media companies - The Atlantic and Vox Media")
            partner=pl.when(pl.col("kinded")
                            | (pl.col("partner").list.len() >= 2 * pl.col("unknown").list.len().clip(lower_bound=2)))
            .then(pl.concat_list("partner", "unknown"))
            .otherwise("partner")
        )
    )
    # "Microsoft, Amazon, and Google used their deep pockets ... to strike deals with Inflection AI, Adept AI and
    # Covariant, and Character.ai respectively" (tests/searchpages s019): each hub with its own party, in order, where
    # as many are named and all are known; else the pairs are not known (here Covariant, unknown, shifts the order).
    respectively = pl.col("low").str.contains(r"\brespectively\b")
    paired = (
        rows.filter(respectively & (pl.col("hubs").list.len() >= 2) & (pl.col("unknown").list.len() == 0)
                    & (pl.col("hubs").list.len() == pl.col("partner").list.len()))
        .with_columns(org=pl.col("hubs"))
        .explode("org", "partner")
    )
    rows = (
        rows.filter(~(respectively & (pl.col("hubs").list.len() >= 2)))
        .with_columns(
            org=pl.when(pl.col("hubs").list.len() > 0)
            .then(pl.col("hubs").list.first())
            .when(pl.col("refers"))
            .then("prev_focus_org")
        )
        .explode("partner")
    )
    rows = (
        pl.concat([rows, paired.select(rows.columns)])
        .filter(pl.col("org").is_not_null())
        # ("Google's DeepMind unit" is Google)
        .filter(
            pl.col("partner").is_not_null()
            & (pl.col("partner") != pl.col("org"))
            & ~pl.col("partner").str.starts_with(pl.col("org") + " ")
            & ~pl.col("org").str.starts_with(pl.col("partner") + " ")
        )
    )
    return _frame(rows, "partnership", org=pl.col("org"), partner=pl.col("partner"), confidence=pl.lit(0.7))


# "Replit debuted Free Mode, a new feature powered by OpenAI's GPT-5.6 Luna model. The joint announcement ... heralds an
# enhanced partnership between the two tech companies": a new deal of the two companies the sentence before names.
# (a new or widened one: "an anticompetitive partnership between the two companies" is a matter, not news)
TWO_COMPANIES = (
    r"\b(?:new|enhanced|expanded|deeper|deepened|broader|strategic|multi-?year|joint) (?:[\w\-]+ )?"
    r"(?:partnership|alliance|collaboration) between the two\b"
)


def _between_the_two(all_sents: pl.DataFrame, g: gaz.Gazetteer) -> pl.DataFrame:
    is_actor = ~org_kind(pl.element(), g).is_in(NON_ACTORS)
    rows = (
        all_sents.with_columns(prev=pl.col("orgs").shift(1).over("article_id").list.filter(is_actor))
        .filter(pl.col("low").str.contains(TWO_COMPANIES) & ~pl.col("negated") & ~pl.col("history"))
        .filter(pl.col("prev").list.unique().list.len() == 2)
        .with_columns(pair=pl.col("prev").list.unique(maintain_order=True))
    )
    return _frame(
        rows,
        "partnership",
        org=pl.col("pair").list.first(),
        partner=pl.col("pair").list.last(),
        confidence=pl.lit(0.65),
    )


# "India is deploying 64 Cerebras supercomputers with UAE's G42", "California is partnering with Anthropic": a
# government (a jurisdiction of lexicons.toml, as the sentence's subject) working with a company it names after "with".
GOVERNMENT_WITH = (
    r"^(?:The\s+)?([A-Z][\w.]*(?:\s+[A-Z][\w.]*){0,2})\s+(?:is|are|has|have|will)\s+(?:been\s+|now\s+|also\s+)?"
    r"(?:partnering|working|teaming up|deploying|building|collaborating)\b[^;,]{0,80}?\bwith\s+"
    r"(?:the\s+)?(?:[A-Z][\w.]*(?:’s|'s)\s+)?"
)


def _government_partner(sents: pl.DataFrame, g: gaz.Gazetteer) -> pl.DataFrame:
    rows = sents.filter(pl.col("org_hits").list.len() > 0).filter(pl.col("sentence").str.contains(GOVERNMENT_WITH))
    if rows.is_empty():
        return _frame(rows, "partnership")
    subject = pl.col("sentence").str.extract(GOVERNMENT_WITH, 1)
    government = pl.coalesce(
        [pl.when(subject.str.contains(f"^(?:{pattern})$")).then(pl.lit(name)) for pattern, name in JURISDICTIONS]
    )
    rows = rows.with_columns(
        government=government,
        company=_canonical(pl.col("tagged").str.extract(_tagged(GOVERNMENT_WITH) + ORG_NAME, 2), g.org_by_key),
    ).drop_nulls(["government", "company"])
    return _frame(rows, "partnership", org=pl.col("company"), partner=pl.col("government"), confidence=pl.lit(0.65))


# A government agency's contract with a company, or its use of the company's product, is their partnership (the
# labels' convention: the company is the org, the government its partner): "The Federal Aviation Administration
# announced ... that it awarded Air Space Intelligence a 12-year, $875 million contract", "The U.S. cyber defense agency
# CISA is using Anthropic's AI model Mythos". Read in `tagged`; the company may be a name the gazetteer does not know
# (group 2) where the agency awards it.
CONTRACT_NOUN = r"(?:[\w$.,\-]+\s+){0,6}?(?:contracts?|deal|agreement|task order)\b"
UNKNOWN_COMPANY = r"([A-Z][\w&.\-]*(?: [A-Z][\w&.\-]*){0,3})"
AWARDED_TO = rf"\bawards?(?:ed)?\s+(?:(?:{ORG_NAME})|{UNKNOWN_COMPANY})\s+(?:a|an)\s+{CONTRACT_NOUN}"
# "Palantir was awarded a $10 billion contract by the Army", "Anduril won a contract from the Pentagon"
AWARDED_BY = (
    rf"^(?:The\s+)?(?:(?:{ORG_NAME})|{UNKNOWN_COMPANY})\s+(?:has\s+|have\s+)?(?:been\s+|was\s+)?"
    rf"(?:awarded|won|wins|secured|secures|landed|lands)\s+(?:a|an|the)\s+{CONTRACT_NOUN}\s*(?:from|with|by)\s+"
    rf"(?:the\s+)?(?:[\w.\-]+\s+){{0,3}}?{ORG}"
)
AGENCY_USES = (
    rf"{ORG_NAME}\s+(?:is\s+|are\s+|has\s+|have\s+)?(?:been\s+|now\s+|also\s+|already\s+)?(?:using|uses|"
    rf"deploying|deploys|deployed|adopting|adopts|adopted|(?:began|begun|started) using)\s+(?:the\s+)?"
    rf"{ORG_NAME}(?:’s|'s)\s"
)
# Contracts a government, the sentence's first name, gives to a list of companies: "The Pentagon ..., awarding expanded
# contracts to OpenAI, Google and Microsoft", "the DoD had formalized contracts with OpenAI, Google, and Microsoft"
# (holdout h757): each company listed (group 1: the first name, which must be a government's; group 2: the list).
# (not "Anthropic signed a contract with Palantir to bring Claude to the Pentagon": Anthropic gives it)
AWARDED_LIST = (
    rf"^[^\x02]*{ORG_NAME}[^;]*?"
    rf"\b(?:award(?:s|ed|ing)?|formali[sz](?:es|ed|ing)?|finali[sz](?:es|ed|ing)?|sign(?:s|ed|ing)?)\s+{CONTRACT_NOUN}"
    rf"\s+(?:each\s+)?(?:to|with)\s+((?:{ORG}(?:,\s*(?:and\s+)?|\s+and\s+)?)+)"
)
AGENCY_WORDS = r"award|contract|using|uses|deploy|adopt"


def _government_deals(sents: pl.DataFrame, g: gaz.Gazetteer) -> pl.DataFrame:
    is_government = org_kind(pl.element(), g) == "government"
    rows = sents.filter(
        pl.col("orgs").list.eval(is_government).list.any() & pl.col("low").str.contains(AGENCY_WORDS)
        & ~pl.col("low").str.contains(LEGAL) & ~pl.col("low").str.contains(HEDGE) & ~pl.col("history")
    )
    if rows.is_empty():
        return _frame(rows, "partnership")
    tagged = pl.col("tagged")
    awarded_to, awarded_by, uses = (
        tagged.str.extract_groups(AWARDED_TO),
        tagged.str.extract_groups(AWARDED_BY),
        tagged.str.extract_groups(AGENCY_USES),
    )

    def company(known: pl.Expr, unknown: pl.Expr) -> pl.Expr:
        return pl.coalesce(_canonical(known, g.org_by_key), pl.when(_plausible(unknown, g)).then(unknown))

    awarded_list = tagged.str.extract_groups(AWARDED_LIST)
    listed = (
        pl.when(org_kind(_canonical(awarded_list.struct.field("1"), g.org_by_key), g) == "government")
        .then(awarded_list.struct.field("2"))
        .str.extract_all(ORG_NAME)
        .list.eval(_canonical(_untag(pl.element()), g.org_by_key).drop_nulls())
    )
    one = pl.coalesce(
        pl.when(
            org_kind(_canonical(uses.struct.field("1"), g.org_by_key), g) == "government"
        ).then(_canonical(uses.struct.field("2"), g.org_by_key)),
        company(awarded_to.struct.field("1"), awarded_to.struct.field("2")),
        company(awarded_by.struct.field("1"), awarded_by.struct.field("2")),
    )
    rows = rows.with_columns(
        government=pl.col("orgs").list.filter(is_government).list.first(),
        # (a null, no reading, is dropped by the filter after the explode)
        company=pl.concat_list(listed.fill_null(NO_NAMES), one).list.unique(maintain_order=True),
    ).explode("company").filter(
        pl.col("company").is_not_null()
        & ~org_kind(pl.col("company"), g).is_in(NON_ACTORS)
        & (pl.col("company") != pl.col("government"))
    )
    return _frame(rows, "partnership", org=pl.col("company"), partner=pl.col("government"), confidence=pl.lit(0.7))


# A maker's models made available on another company's platform, as a page's news (its headline names the platform):
# "OpenAI models GPT-5.5 and GPT-5.4—and Codex—now on Amazon Bedrock" (holdout h1224). The platform's owner and the
# maker of a model the headline names are partners. (Names as written: "now lands on Azure" with no model is none.)
PLATFORM_OWNERS = {
    "Amazon Bedrock": "Amazon", "Bedrock": "Amazon", "Amazon SageMaker": "Amazon", "SageMaker": "Amazon",
    "Microsoft Foundry": "Microsoft", "Azure AI Foundry": "Microsoft", "Azure": "Microsoft", "Vertex AI": "Google",
    "Google Cloud": "Google", "Snowflake": "Snowflake", "Databricks": "Databricks", "IBM watsonx": "IBM",
    "watsonx": "IBM", "Oracle Cloud": "Oracle", "GitHub Copilot": "GitHub",
}
PLATFORMS = "|".join(PLATFORM_OWNERS)
NOW_ON = (
    r"\b(?i:now\s+(?:generally\s+|broadly\s+)?(?:available\s+)?(?:on|in)|(?:comes?|coming|arrives?|lands?)\s+(?:to|on|in))"
    rf"\s+(?:the\s+)?({PLATFORMS})\b"
    # ("Claude in Microsoft Foundry is now generally available", holdout h1303)
    rf"|\b(?i:in|on)\s+(?:the\s+)?({PLATFORMS})\s+(?i:is|are)\s+(?i:now\s+)(?i:generally\s+|broadly\s+)?(?i:available)\b"
)


def _on_a_platform(sents: pl.DataFrame, models: pl.DataFrame, g: gaz.Gazetteer) -> pl.DataFrame:
    rows = sents.filter(
        (pl.col("sent_idx") == 0) & pl.col("sentence").str.contains(NOW_ON) & ~pl.col("low").str.contains(HEDGE)
    )
    if rows.is_empty():
        return _frame(rows, "partnership")
    makers = models.filter(pl.col("sent_idx") == 0).select("article_id", maker="model_org").drop_nulls()
    # (or the maker of the model line the headline opens with: "Claude in Microsoft Foundry is now generally
    # available")
    line_maker = _lookup(pl.col("sentence").str.extract(r"^([A-Za-z]+)\s+(?:models?\s+)?(?:in|on)\s", 1),
                         _maps(g)["line_org"])
    rows = (
        rows.join(makers, on="article_id", how="left")
        .with_columns(maker=pl.coalesce("maker", line_maker))
        .drop_nulls("maker")
        .with_columns(
            owner=pl.coalesce(pl.col("sentence").str.extract(NOW_ON, i) for i in (1, 2)).replace_strict(
                PLATFORM_OWNERS, default=None
            )
        )
        # (a division's platform is its company's: Gemini in Google Cloud is no deal of Google DeepMind's)
        .with_columns(maker_company=pl.col("maker").replace(_maps(g)["org_parent"]))
        .filter(
            (pl.col("maker_company") != pl.col("owner"))
            & ~pl.col("maker_company").str.starts_with(pl.col("owner") + " ")
        )
        .unique("article_id", keep="first", maintain_order=True)
    )
    return _frame(rows, "partnership", org=pl.col("maker"), partner=pl.col("owner"), confidence=pl.lit(0.7))


# "Claude Corps is launching as a collaboration between Anthropic, CodePath , and Social Finance ." (holdout h1235): a
# deal told as "a <deal> between" a list of its parties (the text's spaces before commas are gone, sentences.py); the
# first is each other one's partner. A name the gazetteer does not know counts here (the list is the deal's object),
# where the list names at least one company it knows; a deal that is a purchase, an investment or a settlement is none.
# (a party may come with its kind words: "a new collaboration between HPE, NVIDIA, and data streaming company
# Redpanda", holdout h694)
LISTED_PARTY = f"{KIND_BEFORE}{LISTED_NAME}"
LOWER_KIND_BEFORE = KIND_BEFORE.replace("(?i:", "(?:")
DEAL_BETWEEN = (
    r"\b(?i:partnership|collaboration|alliance|joint venture|joint effort|agreement|deal|tie-up)\s+between\s+"
    rf"({LISTED_PARTY}(?:\s*,\s*{LISTED_PARTY})*\s*,?\s+and\s+{LISTED_PARTY})"
)
# (a date after a name is no part of it: "a partnership between OpenAI and Microsoft Tuesday")
DATE_WORDS = (
    rf"\s+(?:{'|'.join(WEEKDAYS + ['Today', 'Yesterday'] + [m for m in MONTHS if not m.endswith('.')])})\b.*$"
)


def _deal_between(sents: pl.DataFrame, g: gaz.Gazetteer) -> pl.DataFrame:
    low = pl.col("low")
    rows = sents.filter(
        low.str.contains(r"\bbetween\b") & pl.col("sentence").str.contains(DEAL_BETWEEN) & ~pl.col("history")
        & ~low.str.contains(PARTNERSHIP_BACKGROUND) & ~low.str.contains(HEDGE) & ~low.str.contains(LEGAL)
        & ~low.str.contains(rf"\binvest|{TAKEOVER}|\b(?:buy\w*|bought|purchas\w*)\b")
    )
    if rows.is_empty():
        return _frame(rows, "partnership")
    name = pl.col("party")
    parent = _maps(g)["org_parent"]
    rows = (
        rows.with_columns(
            party=pl.col("sentence").str.extract(DEAL_BETWEEN, 1)
            .str.replace_all(r"\s*,\s*(?:and\s+)?|\s+and\s+", "\x1e")
            .str.split("\x1e")
        )
        .with_row_index("_row")
        .explode("party")
        # (kind words in lower case only: "Bank Rakyat Indonesia" keeps its first word)
        .with_columns(
            party=name.str.replace(DATE_WORDS, "").str.replace(f"^{LOWER_KIND_BEFORE}", "").str.strip_chars(" .")
        )
        .with_columns(known=_canonical(name, g.org_by_key).replace(parent))
        # (an investor, a government or a newspaper is no party to such a deal)
        .filter(pl.col("known").is_not_null() & ~org_kind(pl.col("known"), g).is_in(NON_ACTORS) | _plausible(name, g))
        .with_columns(party=pl.coalesce("known", "party"))
        .with_columns(
            first=pl.col("party").first().over("_row"), any_known=pl.col("known").is_not_null().any().over("_row")
        )
        .filter(pl.col("any_known") & (pl.col("party") != pl.col("first")))
    )
    return _frame(rows, "partnership", org=pl.col("first"), partner=pl.col("party"), confidence=pl.lit(0.7))


def mentions(found: Found) -> pl.DataFrame:
    found_ = pl.concat(
        [
            _deal_between(found.sents, found.g),
            _on_a_platform(found.sents, found.models, found.g),
            _partnerships(found.sents, found.g),
            _hub_deals(found.sents, found.g),
            _between_the_two(found.all_sents, found.g),
            _government_partner(found.sents, found.g),
            _government_deals(found.sents, found.g),
        ]
    )
    # A kind of company is no party: "publishers collaborating with AI firms" (tests/searchpages s076).
    # Nor is a company its owner's partner: "Microsoft Integrates GitHub into AI Division", "Alphabet's Waymo ... has
    # reached a preliminary agreement with" Toyota, "OpenAI's Stargate initiative" (gazetteer `owners`).
    owners = _maps(found.g)["org_owners"]
    owned = pl.lit(False)
    for side, other in (("org", "partner"), ("partner", "org")):
        owned = owned | pl.col(other).is_in(pl.col(side).replace_strict(owners, default=[], return_dtype=pl.List(
            pl.String)))
    return found_.filter(~pl.col("org").str.contains(GENERIC_PARTY).fill_null(False)
                         & ~pl.col("partner").str.contains(GENERIC_PARTY).fill_null(False)
                         & ~owned.fill_null(False))
