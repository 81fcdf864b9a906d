"""Cue patterns and lexicons shared by several rule modules (matched on the lower-cased sentence unless noted)."""
from __future__ import annotations

import tomllib
from pathlib import Path

from transforms.normalize import MONTHS

# Lexicons are data (transforms/lexicons.toml): policy measures, jurisdictions, roles, legal matters, licences.
LEXICONS = tomllib.loads((Path(__file__).parent.parent / "lexicons.toml").read_text(encoding="utf-8"))


def _pattern(entry: dict) -> str:
    """A lexicon pattern: one string, or a list of pieces written on several lines; a city's (`city`: its names) is
    the lexicon's `city_acting` with them."""
    if "city" in entry:
        return "".join(LEXICONS["city_acting"]).replace("CITY", entry["city"])
    value = entry["pattern"]
    return value if isinstance(value, str) else "".join(value)


# The jurisdictions (lexicons.toml): (pattern, name).
JURISDICTIONS = [(_pattern(e), e["name"]) for e in LEXICONS["jurisdiction"]]
# A name that is a jurisdiction's, whole ("Texas", "Ohio", "China"): a place, no company.
PLACE_NAME = "^(?:" + "|".join(f"(?:{pattern})" for pattern, _ in JURISDICTIONS) + ")$"


# "last May": a month of the year before, as the lower-cased sentence writes it
MONTH_WORDS = "|".join(m.lower() for m in MONTHS if not m.endswith("."))  # (lower case, not abbreviated)
LAST_MONTH = f"last (?:{MONTH_WORDS})"
# An event told as a past year's, in the lower-cased sentence ("last year", "last May", "two years ago")
TOLD_AS_PAST = rf"last year|{LAST_MONTH}|(?:a|one|two|three|several|few) years? ago"
LICENSE = _pattern({"pattern": LEXICONS["license"]})
ROLE = _pattern({"pattern": LEXICONS["role"]})
# ROLE before whitespace in names.ORG's tagged text, where a role's word may be a marked name ("head of Google at ..."):
# the word is matched with its marks; the closing \b, true before whitespace, is left out (a mark is no word end).
TAGGED_ROLE = ROLE.removesuffix(r"\b").replace("[a-z]+", r"(?:[a-z]+|\x02[a-z]+\x03)")

NEGATION = (
    # (a curly apostrophe too: "hasn’t")
    r"\b(has not|have not|hasn[’']t|haven[’']t|did not|didn[’']t|does not|doesn[’']t|won[’']t|will not|never|denied"
    r"|no plans? to|not yet"
    r"|(?:dropped|scrapped|abandoned|shelved|cancel+ed) (?:its |the |their )?plans?"
    r"|without a deal|fell through|(?:talks|deal|bid) collapsed|called off|walked away"
    # "There are currently no laws in the US that require ...", "delays around the release of the company's Gemini 3.5
    # Pro model, which has missed three release deadlines"
    r"|no (?:\w+ )?(?:laws?|rules|regulations)|delay(?:s|ed|ing)? (?:around |in |of )?(?:the )?(?:release|launch)"
    r"|missed (?:\w+ )?(?:release )?deadlines?"
    # ("OpenAI refutes report that it will release AI model Orion later this year", tests/searchpages s005)
    # (reports of what it will do, not any report a sentence also tells of: "raised $13 billion, and dismissed media
    # reports of an IPO")
    r"|(?:refut|den(?:y|ies)|dismiss)\w* (?:a |the |media |news )?reports? (?:that )?(?:it |they |the company )?"
    r"(?:will|would|plans?|is planning|was planning)"
    r")\b"
)
# "not just" is no negation: "When Anthropic announced ... that it had raised $65 billion ..., it didn’t just become the
# most valuable AI startup" (holdout h588): taken out before NEGATION is read.
NOT_ONLY = r"\b(?:not|\w+n[’']t)\s+(?:just|only|merely|simply)\b"
# A question asks, it tells no event: "When does Article 50 of the EU AI Act take effect?", "Did OpenAI release GPT-6?"
# (asked from its first word: not a statement that ends by asking, "Anthropic released Claude Opus 5 on Tuesday, but is
# it better than GPT-5?", nor one that quotes a question)
QUESTION = (
    r"^\W*(?i:did|does|do|is|are|was|were|will|would|can|could|should|has|have|had|why|how|what|when|where|who|which)"
    r"\b[^?]*\?[\s\"'”’)]*$"
)
# A score given as the yardstick: "83% ..., against 13% for GPT-4o", "compared with 69.1% for o3".
SCORE = r"(?:an? |just |only )?\d+(?:\.\d+)?\s?(?:%|per ?cent\b|points?\b)"
STRONG_COMPARISON = (
    r"\b(match(?:es|ed|ing)?|compar(?:e|es|ed|ing)|comparisons? (?:to|with)|comparable to|versus|"
    r"vs\.?|outperform[a-z]*|beat(?:s|ing)?|surpass[a-z]*"
    r"|improv(?:es|ed|ing|ements?)(?: by)?(?: \S+ points?)? over|improv(?:es|ed) on|close to"
    r"|rival(?:s|ed|ing)?|on par|ahead of|competitive(?:ly)? with|exceed[a-z]*|trail[a-z]*|behind|than|"
    r"edg(?:es|ed|ing) out"
    # ("on top of the DeepSeek-R1-Distill-Qwen-7B model" is no comparison)
    r"|as good as|catch(?:es|ing)? up|similar to|closes? the gap|tops|topped|top (?:the|a|its)|edges? over"
    r"|lead over"
    r"|approach(?:es|ed|ing)|(?:near[- ])?parity|comparably|second only to|narrow(?:s|ed|ing)? the gap"
    r")\b"
    rf"|\bagainst {SCORE}"
)
# Where a sentence's claims part: "X matches A, and Y is similar to B"; "X beats A; Y trails B".
CLAUSE_BREAK = r";|,?\s+and that\s+|,\s+(?:while|whereas|but)\s+|\s+while\s+|\s[-–—]\s"




# A company telling of its own release: "We're announcing GPT-4 Omni", "we're excited to introduce", "we've released".
FIRST_PERSON_RELEASE = (
    r"\b(?i:we(?:[’'](?:re|ve)|\s+are|\s+have)?\s+(?:also\s+)?(?:(?:very\s+|so\s+)?(?:excited|thrilled|pleased|proud|happy|"
    r"delighted)\s+to\s+)?(?:introduc(?:e|es|ed|ing)|releas(?:e|ed|ing)|launch(?:ed|ing)?|unveil(?:ed|ing)?|"
    r"announc(?:e|ed|ing)|open-sourc(?:e|ed|ing)))"
)
# ... on its own site (core's `site_org`), or an announcement's "Introducing Inkling-Small" (tests/newsindex w012): the
# site's company releases, whatever other company the sentence names ("we worked with Mistral AI" releases nothing).
# Read on the lower-cased sentence.
FIRST_PERSON = rf"{FIRST_PERSON_RELEASE}|^introducing\s"
# Words a company's name hardly contains, which a Title Case headline's phrases do ("Almost No One Is Buying Them").
PHRASE_WORD = (
    r"\b(?:Is|Are|Was|Were|No|One|The|A|An|Of|To|In|For|And|But|With|How|Why|What|Who|When|Where|This|That|"
    r"It|Its"
    r"|Will|Can|May|Not|After|Before|As|At|By|On|From|Almost|Just|All|Every|Some|Them|They|We|You|Your|Our|"
    r"His|Her|Over|Against|Amid|Into)\b"
)
# A time told before the subject: "Earlier in June, the Florida attorney general sued ...", "Weeks later, Skydio
# announced that it had raised ...".
FRONTED_TIME = (
    r"^(?:(?:Earlier|Later|Last|This|On|In|Since|Meanwhile|Separately|Also|Now|Today|Yesterday)\b[^,]{0,30}"
    # (and a fronted adverb: "Recently, Harvey partnered with OpenAI", tests/pages6 u004)
    r"|(?:Recently|Previously|Additionally|Notably|Ultimately|Finally|Instead|Similarly|Likewise)"
    r"|(?:[A-Z]\w*\s+)(?:\w+\s+){0,2}?(?:later|ago|earlier|after|before))\s*,\s+"
    # (or without its comma: "Earlier this year AMI Labs announced that it had raised more than $1bn")
    r"|^(?:Earlier|Later)\s+this\s+(?:year|month|week)\s+|^Last\s+(?:year|month|week)\s+"
)
# A kind of company told in a title-case headline, no name: "Netflix Paid $587M for Ben Affleck's AI Company".
KIND_ONLY = r"^(?i:(?:AI|tech|software|the)\s+)*(?i:company|startup|start-up|firm|lab|business|unit|maker)$"
# Capitalised words that name a technology or a crowd, never a party: "AI litigation more broadly has targeted tech
# giants such as Anthropic PBC" (no suit by "AI").
GENERIC_PARTY = r"^(?:AI|A\.I\.|AGI|GenAI|LLMs?|GPUs?|Big Tech|Tech|Silicon Valley|Wall Street)$"
# What may stand between the verb and the target's name: "chip designer Ampere", "Jony Ive's device startup io",
# "Israeli networking company Mellanox".
TARGET_DESCRIPTOR = (
    r"^\s*(?:(?:the|its|a|an|rival|fellow)\s+)?(?:[A-Z][\w.]*(?:\s[A-Z][\w.]*)*(?:’s|'s)\s+)?"
    r"(?:(?:[A-Z][a-z]+|[\w\-.]+)\s+){0,4}?(?:start-?up|company|firm|maker|developer|provider|lab|"
    r"designer|platform"
    r"|specialist|business|unit|rival|competitor|chipmaker|supplier|operator|group|network|retailer|chain|brand)\s+"
    r"(?:called\s+|named\s+)?"
    # (up to the name, its first letter kept by the caller's "$1": "network intelligence and observability platform
    # Kentik", not "network" alone)
    r"([A-Z]|[a-z][a-z0-9.]?[A-Z0-9]|[a-z]{1,3}(?:,|\s+[A-Z]))"
)
# Who backs a company or where it is is no part of its name: "Paris-based Mistral AI", "San Francisco-based Acme
# Robotics", "Sequoia-backed Acme", "Beijing-headquartered Horizon" (tests/pages11 z089).
BACKED_BASED = r"(?:\b[A-Z][\w.]*\s+)?\b[A-Z]\S*-(?:backed|based|headquartered|listed|owned)\s+"
# The target's name: capitalised words, or a lower-case brand set off by a comma ("io, the hardware startup").
# (a lower-case name is a brand's, "xAI", "io,": short or with a capital; "buying sprees, snapping up" names nothing)
TARGET_NAME = r"^\s*([A-Z][\w.:&\-]*(?:\s+[A-Z][\w.&\-]*){0,3}|[a-z][a-z0-9.]?[A-Z0-9][\w.]*|[a-z]{1,3}(?:,))"



# "The announcement came a week after Washington imposed ...": an earlier action told as a time marker.
TIME_MARKER = (
    r"\b(?:days?|weeks?|months?|a day|a week|a month|hours?) (?:after|before)\b"
    r"|\b(?:before|after|since|until|prior to) (?:the )?(?:release|launch|debut) of\b"
    # (a day named by a release: "usage has risen sharply since 22 May – the launch day of Claude Sonnet 4", holdout
    # h1773)
    r"|\b(?:since|after|before|until)\b[^.;]{0,30}?\b(?:launch|release) day of\b|\bon the (?:launch|release) day of\b"
)
# (plurals too: "filed lawsuits against", "settlements with")
LEGAL = (
    r"\b(su(?:e|es|ed|ing)|lawsuits?|filed (?:a )?(?:suit|complaint)|complaints? against|litigation|antitrust "
    r"(?:probe|investigation|case|suit)"
    # ("OpenAI's ChatGPT is facing a steep €15 million fine from Italy's data protection authority", tests/searchpages
    # s123)
    r"|settle(?:s|d|ments?)?|courts?|fin(?:es|ed) |fines? from|(?:probe|investigation|inquiry) into"
    r"|infring[a-z]*"
    # "announced a new legal salvo aimed at a Chinese group called ...": an action against a party
    r"|legal (?:action|salvo|offensive|challenge|fight|battle|proceeding)s? (?:against|aimed at|targeting)"
    # ("Thomson Reuters has won its copyright battle against Ross Intelligence", "winning the first major AI copyright
    # case in the United States against Ross Intelligence", tests/pages7 v004, v001)
    # (a battle or fight a legal word names: not "winning the battle against Google for top AI researchers")
    r"|(?:won|wins|winning|lost|loses|losing) (?:[\w\-]+ ){0,8}?(?:case|lawsuit|suit|"
    r"(?:legal|court|copyright|patent|antitrust|trademark) (?:battle|fight)) (?:[\w\-]+ ){0,4}?against)\b"
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
    # sentence adverbs before the subject ("Elsewhere, a new AI startup ... secured $18.5 million")
    "Elsewhere",
    "However",
    "Instead",
    "Indeed",
    "Additionally",
    "Moreover",
    "Furthermore",
    "Nonetheless",
    "Nevertheless",
    "Overall",
    "Ultimately",
    "Currently",
    "Recently",
    "Previously",
    "Notably",
    "Importantly",
    "Similarly",
    "Likewise",
    "Otherwise",
    "Finally",
    "Then",
    "Thus",
    "Plus",
    # interrogatives that open a title-case headline ("How Anthropic May Have Talked Itself Into ...")
    "How",
    "Why",
    "What",
    "Where",
    "Who",
    "Which",
    # a page's section ("About Smartbird", the pool's p0247: no person Smartbird)
    "About",
]
# News is told first: a release named only past the lead (title + this many sentences) is news only where the lead
# names the same model (else it is a comparison, a tool or history in a blog post or explainer).
LEAD_SENTENCES = 8
NON_ACTORS = ["investor", "government", "regulator", "media"]
# A sentence that speaks of a company without naming it: "the company", "its board", "the new group", "the startup".
COMPANY_REFERENCE = (
    r"(?i:\b(?:the|its|our|their|his|her)\s+(?:[\w\-]+\s+){0,2}?(?:company|companies|firm|startup|"
    r"start-up|group|lab"
    r"|team|board|business|unit|division|organi[sz]ation|maker|developer|vendor)\b|\bit\s|\bits\s)"
)

