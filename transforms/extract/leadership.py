"""Leadership: a person joining, promoted to or leaving a role at a company."""
from __future__ import annotations

import polars as pl

from transforms import gazetteer as gaz
from transforms.extract.core import _names_past_year
from transforms.extract.names import (
    ORG_NAME,
    WEEKDAYS,
    _built,
    _canonical,
    _gazetteer_select,
    _maps,
    _tagged_orgs,
    _with_orgs_in,
    char_at,
    org_kind,
)
from transforms.extract.patterns import (
    BACKED_BASED,
    CLAUSE_BREAK,
    COMPANY_REFERENCE,
    NON_ACTORS,
    NOT_NAMES,
    PHRASE_WORD,
    ROLE,
    TAGGED_ROLE,
    TOLD_AS_PAST,
)
from transforms.extract.rules import Found, _frame
from transforms.extract.sentences import _blank_unless
from transforms.normalize import MONTHS

JOINED_DESCRIBED = (
    r"\b(?:re)?join(?:s|ed|ing)?\s+(?:the\s+)?(?:[\w\-]+\s+){0,3}?(?i:giant|startup|start-up|company|firm|lab|maker|"
    r"developer|provider|platform|unicorn)\s+([A-Z][\w&.\-]*(?:\s+[A-Z][\w&.\-]*){0,2})"
)
WEEKDAY_AFTER = rf"(?:^|\s+)(?:{'|'.join(WEEKDAYS)})$"
# A dismissal told as being pushed ("Pat Gelsinger was forced out", tests/pages4 r096): a cue, a verb and a departure.
FORCED_OUT = "forced out|pushed out"
LEADERSHIP = (
    r"\b(appoint[a-z]*|nam(?:ed|es) (?:[a-z]+ ){0,4}as|hir(?:ed|es)|steps? down|stepped down|resign[a-z]*|"
    # ("depart", "departs", "departure": not "Department")
    r"depart(?:s|ed|ing|ures?)?\b|leav(?:es|ing)|left"
    # (a promotion, not a department's name in a title: "Issei Hirano, Head of Platform Promotion, explains", holdout
    # h1851; nor "promotional")
    r"|(?:re)?join(?:s|ed)|rejoin(?:ing)?|promot(?:e|es|ed|ing)|(?-i:promotions?)|oust[a-z]*|fired|replac[a-z]*|succeed[a-z]*|tapped"
    rf"|{FORCED_OUT})\b"
)
PERSON = r"\b([A-Z][a-z]+(?:[- ](?:[A-Z][a-z]+|Mc[A-Z][a-z]+|[A-Z]\.)){1,2}|[A-Z][a-z]+ Mc[A-Z][a-z]+)\b"
# --- leadership: who moves, from the verb next to the name ---------------------------------------------------
# A name as written: two or three capitalised words ("Lip-Bu Tan", "Daniel De Freitas") or one (a surname, kept only
# when the article names that person in full somewhere).
NAME = (
    # (a capital inside a word too: "Yann LeCun", "Ron DeSantis")
    r"[A-Z][a-zé’'\-]*[a-zé](?:[ \-](?:[A-Z][a-zé’'\-]*[a-zé](?:[A-Z][a-zé]+)?|De|Mc[A-Z][a-z]+"
    # particles written in one word with the name ("Francis deSouza")
    r"|(?:de|di|da|du|le|la|van|von)[A-Z][a-zé’'\-]*[a-zé])){0,2}"
)
# (two or three words)
FULL_NAME = NAME.removesuffix("{0,2}") + "{1,2}"
# Verbs that say the person named just before them moves: arrives, is promoted, leaves.
# ("Musk becomes world's first trillionaire": one becomes a role, nothing else)
MOVE_VERBS = (
    rf"(?:becomes|became|will become|to become)\s+(?:[\w’'.\-]+\s+){{0,4}}?(?:{ROLE})"
    # "Rodrigo Kede Lima, who's been leading Microsoft's Asia business, will be its president" (holdout h615)
    rf"|will be (?:its|their|the new) (?:{ROLE})"
    # ("Barret Zoph, Luke Metz, and Sam Schoenholz are all rejoining the company", tests/pages2 p080)
    r"|takes over|took over|take over|has taken over|(?:re)?joins|(?:re)?joined|(?:re)?join|"
    r"(?:re)?joining"
    r"|is leaving|are leaving|leaves|left|leave|steps down|stepped down|step down|stepping down|resigned|"
    r"resigns|quit|quits|departs|departed|depart"
    # ("CFO Mike Liberatore exits xAI just 3 months after joining", tests/pages14 n066)
    r"|exits|exited|is exiting"
    # ("Intel's chief technology and AI officer Sachin Katti is departing the company after four years to join
    # OpenAI", tests/pages12 k040)
    r"|is departing|are departing"
    # ("will serve as", not "serves as": a post held, "Pye ... now serves as Kentik's chief scientist", is no move)
    r"|named|appointed|promoted|ousted|fired|(?:to |will )?return(?:s|ed)? as|will serve as"
    # (hired, in the passive: "Yao Shunyu, a researcher who recently worked at OpenAI, has been hired by Tencent",
    # tests/pages9 x089)
    r"|hired by"
    rf"|{FORCED_OUT}"
    # ("two lieutenants, David Zinsner and Michelle Johnston Holthaus, who will act as interim co-CEOs", tests/pages4
    # r098)
    rf"|(?:will )?act as (?:the |its )?(?:interim |acting )(?:{ROLE})"
    # ("Mira Murati, ..., is set to take the helm as the new CEO", tests/searchpages s051)
    r"|will co-lead|succeeds|will succeed|takes the helm|to take the helm|will move to"
    # ("Jeff Wang has stepped in as interim CEO at Windsurf", tests/pages7 v070)
    # ("Lip-Bu Tan steps in as Intel’s new CEO", tests/pages13 m016)
    rf"|(?:stepped|steps|step|stepping) in as (?:the |its |[A-Z][\w.&\-]*(?:’s|'s) )?(?:new |interim |acting )?"
    rf"(?:{ROLE})"
    # ("Apple confirmed that Amar Subramanya, a senior Microsoft executive ..., will replace Giannandrea", tests/pages6
    # u042)
    r"|will replace|would replace"
    # ("Ilya Sutskever ... has taken the helm as CEO of Safe Superintelligence", "has stepped into the CEO role at Safe
    # Superintelligence", tests/pages5 t032, t033)
    # ("Sabih Khan, currently Apple's senior VP of operations, will step into the COO role", tests/pages17 f030)
    rf"|took the helm|taken the helm|taking the helm"
    rf"|(?:stepped|steps|step|stepping) into the (?:{ROLE}) (?:role|post|job)"
    # "Rodrigo Kede Lima, most recently president of Microsoft Asia, will lead it" (a unit the article tells of)
    # ("Peter DeSantis, a senior vice president at Amazon Web Services, will lead a new division", tests/pages13 m055)
    r"|will (?:now )?lead (?:it|(?:the|a) (?:new(?:ly formed)? )?(?:[\w\-]+ ){0,2}?(?:unit|division|group|lab|business"
    r"|organi[sz]ation|venture))\b"
    # "Mia Glaese, who will take on an expanded role as VP of research and safety", "co-founder Demis Hassabis shifts
    # AI role"
    # ("Karandeep Anand ... has taken on the role of chief executive officer (CEO) at Character.AI", tests/pages17 f107)
    # (in another tense, a post named: not "has taken a larger role in management", realdev g24)
    r"|take (?:on )?(?:an? |the )?(?:[\w\-]+ ){0,2}role|shift(?:s|ed)? (?:[\w\-]+ ){0,2}roles?"
    rf"|(?:takes|took|taken|taking) on the role of (?:[\w\-]+ ){{0,2}}?(?:{ROLE})"
    # "Mira Murati, will assume the role of interim CEO" (tests/searchpages s054), "will assume the CEO role of OpenAI's
    # Applications division", "will assume her new role as chief technology officer": a role named, not "has assumed a
    # central role in U.S.-China trade talks"
    rf"|assum(?:e|es|ed|ing) (?:the|her|his|their) (?:[\w\-]+ ){{0,2}}?(?:role|post|position|title) (?:of|as) "
    rf"(?:[\w\-]+ ){{0,2}}?(?:{ROLE})|assum(?:e|es|ed|ing) the (?:{ROLE}) (?:role|post|position)"
    # "Hassabis ... is moving up to chairman of DeepMind and taking over the chief scientist job", "Koray Kavukcuoglu is
    # now chief AI architect at Google"
    rf"|(?:moving|moves|moved) up to|taking over|now\s+(?:the\s+)?(?:[\w’'.\-]+\s+){{0,3}}?(?:{ROLE})\s+(?:at|of)"
    # ("Koray Kavukcuoglu, a top executive at DeepMind, is now Google’s chief AI architect", tests/pages14 n015)
    rf"|is now [A-Z][\w.&\-]*(?:’s|'s)\s+(?:[\w’'.\-]+\s+){{0,3}}?(?:{ROLE})\b"
    # "Hassabis, DeepMind's cofounder ..., was giving up the CEO title and moving to a chairman role" (holdout h1092)
    r"|(?:gives|giving|gave|give)\s+up\s+(?:the|his|her|their)\s+(?:[\w’'\-]+\s+){0,2}?(?:titles?|roles?|posts?|jobs?|positions?)"
)
# "Jumper announced Friday he is leaving Google DeepMind", "told staff this week that he's leaving", "announced her
# departure": the person tells of their own move.
# ("said over the weekend he was leaving for Anthropic", "revealed that he would now be rejoining the tech giant")
SAYS_MOVE = (
    # ("has informed his team that he will leave the company", tests/pages5 t076)
    # (in the present too, as a headline tells it: "Soumith Chintala announces his departure from Meta", tests/pages11
    # z020)
    r"(?:announc(?:ed|es)|said|says|told [\w ]{1,30}?|tells [\w ]{1,30}?|informed [\w ]{1,30}?|confirm(?:ed|s)"
    r"|reveal(?:ed|s)|wrote|writes)\s+"
    r"(?:(?:on\s+|over\s+the\s+|this\s+|last\s+)?(?:[A-Z]\w+day|weekend|week|today|yesterday)\s+)?"
    # (a date set off: "Wang, 28, announced yesterday (June 12) that he will step down as CEO", tests/pages3 q096)
    r"(?:\([^()]{1,30}\)\s+)?"
    r"(?:(?:that\s+)?(?:he|she|they)(?:[’']s|[’']re|\s+is|\s+was|\s+are|\s+were|\s+(?:will|would)\s+(?:now\s+)?be)"
    r"\s+(?:leaving|(?:re)?joining|stepping down|departing)"
    # (a company or a post left or joined: not "said he will leave the decision to shareholders", "he will join the
    # White House AI council")
    # ("said on Wednesday he plans to leave the company at the end of the year", tests/pages5 t077)
    r"|(?:that\s+)?(?:he|she|they)\s+(?:will|would|plans? to|intends? to|is planning to)\s+(?:now\s+)?"
    # ("announced Thursday that he will step into the CEO role at Safe Superintelligence", tests/pages5 t032)
    r"(?:step down|depart|resign|step into (?:the|a) (?:[\w\-]+ ){0,2}?(?:role|post|job|position)"
    r"|(?:leave|(?:re)?join)\s+(?:[A-Z]|(?:the|his|her|their)\s+(?:company|firm|startup|role|post|job|position)\b))"
    # (a move made: "Soumith Chintala has announced that he has left Meta", tests/pages11 z021)
    r"|(?:that\s+)?(?:he|she|they)\s+(?:has|have|had)\s+(?:now\s+|officially\s+)?(?:left|departed|stepped down|resigned"
    r"|(?:re)?joined)\b"
    # (several people: "Bob McGrew and ... Barret Zoph also announced their resignations", tests/pages4 r044)
    r"|(?:his|her|their)\s+(?:departures?|resignations?|exits?))"
)
# "X, the company's chief scientist, is leaving": the name, an optional apposition, auxiliaries, then the verb. (The
# name starts a word: "the US-based Koray Kavukcuoglu" is no "S-based Koray Kavukcuoglu"; a name that is the object of
# a move or a place is no mover: "Salazar, who left Epic Games to join Strava".)
SUBJECT_MOVE = (
    r"(?P<object>\b(?:left|leaves|leaving|quit|joined|joins|from|at)\s+)?"
    # (or a list of full names: "Barret Zoph, Luke Metz, and Sam Schoenholz are all rejoining the company", tests/pages2
    # p080; not "After 27 years at Google, Dean is leaving")
    # (the apposition between commas or dashes, spaced or not: "Barret Zoph — the company’s head of enterprise AI sales
    # — has left", "Ami Vora—who joined Anthropic at the end of 2025—will lead the Product organization", holdout h1826)
    rf"(?P<who>\b{FULL_NAME}(?:,\s+{FULL_NAME}){{1,3}},?\s+and\s+{FULL_NAME}|\b{NAME}(?:,? and {NAME})?)"
    r"(?:(?P<appos>,[^,;]{1,140},|\s*[—–]\s*[^—–;]{1,140}\s*[—–])\s*|,?\s+)"
    r"(?:who\s+will\s+|"
    # ("Mianna Chen, a research program manager at OpenAI ..., has recently left", tests/pages2 p081)
    r"(?i:(?:has|have|had|is|are|was|were|will|would|to|also|then|officially|now|be|been|expected|all|both|"
    # ("James Cameron has agreed to join the board of directors", tests/pages6 u100)
    rf"set|recently|just|quietly|abruptly|suddenly|formally|agreed|agrees)\s+){{0,4}})"
    # (a headline in title case too: "Zico Kolter Joins OpenAI's Board of Directors")
    rf"(?:(?i:{MOVE_VERBS})|{SAYS_MOVE})\b"
    # ("The National Academy of Sciences appointed him": the subject appoints, it does not move; so does one who names a
    # person, unless told in the passive: "Meta CEO Mark Zuckerberg has appointed Shengjia Zhao, ..., as Chief
    # Scientist", tests/pages10 y033; read below)
    rf"(?:(?P<active>\s+(?:him|her|them)\b)|\s+(?P<appointee>{FULL_NAME})\b)?"
)
# (where a person follows the verb that names, appoints, promotes or ousts, the subject is the one who does it: not
# "Jane Doe was named Chief Executive", a role, nor told in the passive)
NAMING_VERB = r"named|appointed|promoted|ousted|fired"
APPOINTS_BY_NAME = rf"(?i:\b(?:{NAMING_VERB}))\s+\S+(?:\s+\S+){{0,2}}$"
PASSIVE_AUX = rf"(?i:\b(?:was|were|is|are|be|been|being|get|gets|got)\s+(?:\w+\s+)?(?:{NAMING_VERB})\b)"
# "Intel has named Lip-Bu Tan ...", "hired Windsurf chief executive Varun Mohan, co-founder Douglas Chen and ...":
# the people in the object of an appointing verb, up to where the clause turns ("to join", "as", "who", "said": "Zig
# Software Foundation, which promotes the Zig programming language, banned ..., said its president Andrew Kelley").
OBJECT_MOVE = (
    r"\b(?:named|names|appointed|appoints|hired|hires|tapped|taps|promoted|promotes|chaired by|poached|"
    # (the participle, a clause of another verb: "has restructured its AI operations, promoting Vinces Yao Shunyu, a
    # former OpenAI researcher, to chief AI scientist", tests/pages9 x090)
    r"promoting|"
    # ("Smartbird, Inc. ... today announced the appointment of Nadia Carlsten as president")
    r"poaches|the appointment of"
    # ("OpenAI is hiring Fidji Simo ... to be the new CEO", "Google has brought in Varun Mohan, co-founder and CEO of
    # Windsurf", tests/pages7 v008, v071)
    r"|is hiring|(?:has |have )?(?:brought|brings|bringing|roped|ropes) in"
    # ("has removed its co-founder and CEO, Sam Altman", "has made the sudden decision to remove co-founder Sam Altman
    # as CEO", tests/pages2 p107, p105: a person told by a role, removed or decided to be, not "plan to remove Fable 5
    # from their subscription accounts", "rejected a proposal to remove chairman Mark Zuckerberg")
    rf"|(?:removed|removes|(?:decision|decided|voted|votes) to remove)\s+(?:(?:its|their|the|his|her)\s+)?{ROLE}"
    # ("OpenAI has welcomed back three high-profile researchers—Barret Zoph, Luke Metz, and Sam Schoenholz—", tests/
    # pages2 p083, "welcomed back former executive Steven Sinofsky": people told by what they are, not "fans welcomed
    # back Super Mario Galaxy")
    rf"|welcom(?:e|es|ed|ing) back\s+(?:[\w\-’']+\s+){{0,3}}?(?:researchers?|executives?|employees?|engineers?|"
    rf"scientists?|leaders?|co-?founders?|deputy|{ROLE}),?"
    r"|replaced [A-Z][\w’'\-]+ with"
    # ("Sam Altman would be stepping down as CEO, and ... he would be replaced by Mira Murati", tests/searchpages s052)
    r"|(?:be|been|is|was|will be) (?:replaced|succeeded) by)"
    r"\s+(?P<span>[^;:.]{0,160}?)(?:\s+to\s|\s+as\s|,\s+(?:who|which|the|a|an|"
    r"former|formerly|previously|ex-|once|now|currently|said|says|told|added|according"
    # (a reason after it, however long: "has removed its co-founder and CEO, Sam Altman, following a review that found
    # he was “not consistently candid ...” with the board of directors, prompting ...", tests/pages2 p107)
    r"|following|after|amid|citing)\b|;|\.|$)"
)
# A move told as a noun, of a person a role introduces: "The departure of Altman prompted the resignation of OpenAI
# President and Co-founder Greg Brockman" (tests/searchpages s054; read as "the appointment of", OBJECT_MOVE). Not one
# of someone a pronoun tells: "This led to the departure of two of its cofounders, Ashish Vaswani and Niki Parmar"
# (s017: the company is Adept, the sentence before's).
# (a role told: not "the departure of Windows Mixed Reality from Windows 11"; "the departure of chief technology officer
# Mira Murati" is one)
NOUN_MOVE = rf"\bthe (?:resignation|departure|ouster|promotion) of ((?:[A-Z][\w.&’'\-]*\s+){{0,3}}(?:and\s+)?{ROLE})"
MOVE_CUE = (
    r"becom|became|take|taking|took|join|leav|left|step|resign|quit|depart|named|names|appoint|promot|oust|fired|now "
    r"|moving"
    r"|return|serve|co-lead|will lead|will be|succeed|move|hire|hiring|brought in|brings in|bringing in|roped in"
    r"|ropes in|tap|chaired|poach|replac|shift"
    r"|giv(?:e|es|ing) up|gave up|assum|remov|welcom|as (?:the|its|their) (?:new|next|incoming) "
    # (NEW_IN_POST)
    r"|new (?:c[a-z]o|co-ceo|chief|president|head|chair|director|vice|general manager|managing)"
    rf"|{FORCED_OUT}"
)
# Verbs whose subject appoints someone else (the object moves).
APPOINTING = (
    r"appoint(?:s|ed|ing)?|nam(?:es|ed) (?:[a-z]+ ){0,4}as|hir(?:es|ed)|promot(?:es|ed)|tapped|replac(?:es|"
    r"ed)|fired|oust(?:s|ed)"
)
APPOINTING_ACTIVE = r"names|named|appoints|appointed|hires|hired|taps|tapped|promotes|promoted"
BACKDROP = (
    r"^(?i:the|this|that|its|his|her)\s+(?:[\w\-]+\s+){0,2}?(?:comes?|came)\s+(?:after|amid|as|on the heels of|"
    r"weeks?|days?|months?)\b"
)
# The founding of a company told in a clause about it, with its time: "the AI startup he launched in 2024".
FOUNDED_WHEN = (
    r"\b(?:he|she|they|it|which|that|who)\s+(?:had\s+)?(?:co-?founded|founded|launched|started|created|set up|"
    rf"established)\s+(?:in\s+(?:19|20)\d\d|{TOLD_AS_PAST})\b"
)
# Leaving verbs: a person who leaves one company to join another is two events.
DEPARTURE = (
    # ("told employees Thursday he is stepping down to join Meta Platforms", tests/pages3 q097)
    r"\b(leav(?:es|ing)|left|quit[a-z]*|resign[a-z]*|depart(?:s|ed|ing|ures?)?|steps? down|stepp(?:ed|ing) down|ousted"
    rf"|fired|{FORCED_OUT})\b"
)
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
    r"|Society|Union|Network|Project|Program|Center|Centre|Agency|Authority|Ministry|Committee|Alliance|Coalition|"
    r"Republic|State|States"
    # (a department after a title: "promoted to SVP, Travel Foundations", holdout h1034)
    r"|Foundations|Operations|Solutions|Services|Products|Platforms|Engineering|Technology|Infrastructure|Research|"
    r"Marketing|Sales"
    r"|United|National|International|Global|General|Senator|Governor|Judge|Justice|Minister|Mode|Free|"
    r"Search"
    r"|Subscribe|Home|Menu|Login|Newsletter|Share|Skip|Navigation|Read|More|Model|Agent|Series|Act|Law|"
    r"Bill"
    r"|Exclusive|Update|Breaking|Opinion|Analysis"
    # (labels and studios a list of subjects names: "Universal Music, Sony Music, and Warner Records joined the suit")
    r"|Music|Records|Pictures|Entertainment|Studios|Games|Media"
    # (publishers and institutions: "World History Encyclopedia", tests/pages8 w071)
    r"|Encyclopedia|Encyclopaedia|Dictionary|Journal|Magazine|Press|Library|Museum|School|College|Hospital|Company"
    r"|Corporation"
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
    names = (
        sents.select("article_id", full=pl.col("sentence").str.extract_all(PERSON))
        .explode("full")
        .drop_nulls("full")
        .filter(_is_person(pl.col("full"), g, words=False))
        .with_columns(surname=pl.col("full").str.extract(r"(\S+)$", 1))
        # ("How Anthropic" of a title-case headline: a company's name is nobody's surname)
        .filter(_canonical(pl.col("surname"), g.org_by_key).is_null())
        .filter(_canonical(pl.col("surname"), g.model_by_key).is_null())
    )
    # "Jacob Bank, Relay founder and CEO, said ... said Bank in a post": a surname that is also a word of bodies and
    # places ("Bank", "House") names a person when the article speaks of the person by it alone.
    listed = names.filter(pl.col("full").str.contains(NOT_PERSON_WORDS)).unique(["article_id", "full"])
    if not listed.is_empty():
        surname = pl.col("surname").str.replace_all(r"([.\-])", r"\$1")
        listed = (
            listed.join(sents.select("article_id", "sentence"), on="article_id")
            .filter(pl.col("sentence").str.contains(
                pl.concat_str(pl.lit(r"\b(?:said|says|told) "), surname, pl.lit(r"\b|(?:^|[.;] )"), surname,
                              pl.lit(r",? (?:who|said|says|told|added)\b"))
            ))
            .select("article_id", "full")
            .unique()
        )
    people = names.filter(~pl.col("full").str.contains(NOT_PERSON_WORDS) | pl.struct("article_id", "full").is_in(
        listed.select(pl.struct("article_id", "full")).to_series().implode()
    ))
    return people.unique(["article_id", "surname"], keep="first", maintain_order=True).select(
        "article_id", "surname", "full"
    )


def _is_person(name: pl.Expr, g: gaz.Gazetteer, words: bool = True) -> pl.Expr:
    """Whether `name` may be a person's; `words=False` leaves out the NOT_PERSON_WORDS test."""
    first = name.str.extract(r"^(\S+)", 1)
    return (
        _canonical(name, g.org_by_key).is_null()
        & _canonical(name, g.model_by_key).is_null()
        & _canonical(first, g.org_by_key).is_null()
        & ~first.is_in(NOT_NAMES)
        # (a title in a title-case headline is no first name: "xAI Co-Founder Igor Babuschkin Resigns", pages8 w078)
        & ~first.str.contains(r"^(?i:co-?founder|founder|chief|ceo|cto|cfo|coo|president|former|interim|acting)$")
        & (~name.str.contains(NOT_PERSON_WORDS) if words else pl.lit(True))
        & ~name.str.contains(
            r"^(?:January|February|March|April|May|June|July|August|September|October|November|"
            r"December)\b"
        )
    )


TITLE_BEFORE_NAME = (
    r"\b(?:(?:Fed|Federal Reserve|Treasury|State|Defense|Commerce|Senate|House)\s+)?(?:Chair|Chairman|"
    r"Chairwoman"
    r"|Senator|Sen\.|Governor|Gov\.|Judge|Justice|Secretary|Minister|Professor|Prof\.|Dr\.|Mr\.|Ms\.|"
    # (an officer's title in capitals: "Intel (INTC) Chief Executive Officer Pat Gelsinger was forced out", tests/pages4
    # r096)
    r"Mrs\.|Chief\s+(?:[A-Z][a-z]+\s+){1,2}Officer)\s+([A-Z])"
)

# ... and a capitalised title the name is set off from by a comma ("OpenAI's Chief Technology Officer, Mira Murati, will
# assume the role of interim CEO", tests/searchpages s054): read as a title, not as the mover's name.
TITLE_BEFORE_APPOSITION = (
    r"\b(?:Chief\s+(?:[A-Z][a-z]+\s+){1,2}Officer|(?:Executive\s+)?(?:Vice\s+)?President)"
    # (of a company: "Chief Executive Officer of Intel, Pat Gelsinger, has been forced out", tests/pages4 r098)
    r"(?:\s+(?:of|at)\s+[A-Z][\w.&\-]*(?:\s+[A-Z][\w.&\-]*){0,2})?(,\s+[A-Z])"
)

# A person announced as a company's new officer is appointed: "She also announced Soumith Chintala as the new CTO of
# Thinking Machines" (tests/searchpages s100).
# (an apposition may stand between: "announced Sean White, former head of research and development at Mozilla, as its
# new CEO", tests/pages3 q050)
ANNOUNCED_AS_NEW = (
    r"\bannounced\s+([A-Z][\w’'\-]+(?:\s+[A-Z][\w’'\-]+){1,2}(?:,[^,;]{1,80},)?\s+as\s+(?:the|its|their)\s+"
    rf"(?:new|next|incoming)\s+(?:{ROLE}))\b"
)

# A person told as a company's new holder of a post has moved into it: "Lip-Bu Tan, Intel’s new CEO", "under new chief
# executive Simon Edwards" (tests/pages13 m012, m026), read as "Lip-Bu Tan became Intel’s CEO" (set apart: not "with
# Zuckerberg and Alexandr Wang, Meta’s new Chief AI Officer", which moves no Zuckerberg).
NEW_IN_POST = (
    (rf"\b({FULL_NAME}),\s+((?:[A-Z][\w.&\-]*(?:’s|'s)|its|their|the company(?:’s|'s))\s+)new\s+({ROLE})",
     "; $1 became $2$3"),
    (rf"\b(?:(?:its|their|the company(?:’s|'s))\s+)?new\s+({ROLE}),?\s+({FULL_NAME})\b", "; $2 became $1"),
)

# Words of a move verb's that move no one, rewritten before the movers are read (pattern, replacement), in order.
NO_MOVE_REWRITES: list[tuple[str, str]] = [
    # what is brought in is no one hired: "MiniMax ... has brought in 14 cornerstone investors, including Aspex,
    # Eastspring, Mirae Asset" (tests/pages10 y056)
    (r"\b(?:brought|brings|bringing|roped|ropes) in\s+(\d|\$|(?:new|more|additional|several|some|many|other|outside|"
     r"cornerstone|strategic|the|a|an|its|their)\s)", "gathered $1"),
    # a photo's place: "CEO Jensen Huang (pictured, left) revealed the tie-up" (tests/pages3 q067; a word stays between
    # the name and what follows: "Jensen Huang (right) appointed Jane Doe" appoints no Jensen Huang)
    (r"\((?:(?:pictured|photographed|seen|shown|from)[,\s]+)?(?:left|right|centre|center)\)", "(pictured)"),
    # the chief one reports to does not move: "a new senior vice president role reporting directly to CEO Sundar
    # Pichai" (tests/pages14 n013; not "safety teams will now report to the company’s VP of research ... Mia Glaese, who
    # will take on an expanded role", realset r163)
    (r"\breport(?:s|ing|ed)?\s+(?:directly\s+)?to\s+(?:(?:the|its|their|[A-Z][\w.&\-]*(?:’s|'s))\s+)?"
     r"(?:CEO|chief executive(?: officer)?|[Pp]resident|[Cc]hairman|[Cc]hair)\s+[A-Z][^,;]*", "reporting"),
    # "io was named in the filing": cited, not appointed; "Premier League and Microsoft join forces": allies
    (r"\b(?:named|listed) in\b", "cited in"),
    # "Jensen Huang recently joined President Trump on a trip to the Middle East": a person joined, no company
    (r"\b(joined|joins|joining)\s+((?:President|Vice President|Senator|Governor|Prime Minister|Chancellor)\s+[A-Z])",
     "met $2"),
    # "The lawsuit names former Apple executives Tang Tan, now OpenAI’s Chief Hardware Officer, and Chang Liu": cited
    (r"\b((?i:lawsuits?|suits?|complaints?|indictments?)\s+(?:also\s+)?)nam(?:es|ed)\b",
     "${1}cites"),
    # "Ubisoft's union reps are calling for Yves Guillemot to step down" (holdout h1419): a demand, no move
    (
        r"\b(?i:call(?:s|ed|ing)?\s+(?:on|for)|demand(?:s|ed|ing)?|urg(?:e|es|ed|ing))\s+"
        r"((?:[A-Z][\w’'.\-]*\s+){1,4}?|(?:him|her|them)\s+)to\s+"
        r"(?:step down|step aside|resign|quit|leave|be (?:fired|removed|ousted|replaced))\b",
        "wanted ${1}out",
    ),
    (r"\bnamed after\b", "called after"),
    # duties taken over are no post: "Chief Operating Officer Brad Lightcap took over more responsibilities for managing
    # OpenAI's day-to-day operations" (tests/pages7 v012)
    (r"\b(?:took|takes|take|taking|taken) over\s+(?:(?:more|some|additional|many|new|broader|the|his|her|their)\s+)?"
     r"(?:[\w\-]+\s+)?(?:responsibilit(?:y|ies)|duties|tasks|work)\b", "handled work"),
    # one who names another as something appoints, the subject does not move: "Altman also named Mark Chen as the new
    # senior vice president of research" (tests/pages4 r046; the present tense is no move verb of a subject)
    *(
        (rf"\b{past}(\s+(?:[A-Z][\w\-’']+\s+){{1,3}}as)\b", f"{present}$1")
        for past, present in (("named", "names"), ("appointed", "appoints"), ("promoted", "promotes"),
                              ("hired", "hires"), ("tapped", "taps"))
    ),
    # the helm taken in a time clause dates something else: "Intel's market value has halved since Pat Gelsinger took
    # the helm"
    (r"\b((?i:since|when|after|before|until)\s+(?:[A-Z][\w’'\-]+\s+){1,3})(?:took|taken|taking|takes) the helm\b",
     "${1}led"),
    # "Chief Financial Officer Bret Johnsen joins the dots between the company's ..." (holdout h1108): an idiom
    (r"\b(?i:join(?:s|ed|ing)?) the dots\b", "connects the dots"),
    (r"\b(?i:join(?:s|ed|ing)? forces)\b", "ally"),
    # "tech execs, including OpenAI's Sam Altman, joined heads of state to discuss ...": a meeting joined, no
    # employer; "a pattern, which it named "Configuration-Based Sandbox Escape"": a thing named, no appointee
    (
        r"\b(?i:join(?:s|ed|ing)?)\s+(?:(?:a|an|the|other|fellow)\s+)?(?:heads? of (?:state|government)|world "
        r"leaders|leaders|meetings?|calls?|summits?|talks|panels?|chorus|ranks|discussions?|conferences?)\b",
        "met",
    ),
    # ... or people at an event: "Kevin Weil, Vice President of OpenAI for Science, joined DOE and other collaborators"
    # (holdout h1814)
    (
        r"\b(?i:join(?:s|ed|ing)?)\s+((?:the\s+)?(?:[A-Z][\w.&\-]*\s+){1,4}and\s+other\s+)"
        r"(?:collaborators|partners|leaders|officials|guests|speakers|panelists|executives|experts|researchers|"
        r"participants)\b",
        "met ${1}people",
    ),
    # (or code: "stores it to a file in the Code Interpreter named `hello.md`", holdout h1549)
    (r"\bnamed\s+[\"“‘'`]", "called "),
    # "They named it HERB — the Heterogeneous Enterprise RAG Benchmark": a thing named
    (r"\bnamed (it|them|this|that)\b", "called $1"),
    # "The US government ... is promoting the expansion of nuclear energy", "Animaj has promoted a proprietary
    # pipeline": a thing promoted, no one; "AI replaces people", "replacing white-collar jobs": no successor
    (r"\bpromot(?:e|es|ed|ing)(\s+(?:a|an)\s)", "touted$1"),
    (r"\bpromoting(\s+(?:the|its|their|our|this|that|these|those)\s)", "touting$1"),
    # "Anthropic promoted Fable 5 as useful for writing and debugging software code": a model promoted
    (r"\bpromot(?:e|es|ed|ing)(\s+[A-Z][\w\-]*\s+\d)", "touted$1"),
    (
        # (a word before the noun: "AI would replace office workers")
        r"\breplac(?:e|es|ed|ing)(\s+(?:[a-z\-]+\s+)?(?:people|workers|humans|human|jobs|staff|employees|engineers|"
        r"programmers|"
        r"developers|coders|writers|artists|roles|tasks|labou?r|search|traditional|existing|entry-level|"
        r"white-collar|entire|the need)\b)",
        "substitute$1",
    ),
    # "a seed round backed by names like ... Google DeepMind's Jeff Dean", "an English mathematician named Thomas
    # Bloom.", "Chang Liu ... are also named as defendants", "Meta ... fired about 8,000 workers", "Federighi was
    # joined by Amar Subramanya", "Abi Noda ... joins Brian Houck of Microsoft to share", "Hal Denbar joined David
    # Van Brunt on the Pool Guy Podcast": a word of a move verb's that moves no one
    (r"\bnames (?:like|such as|including)\b", "people like"),
    # "companies that are far from being household names – Equinix, Digital Realty, Iron Mountain": the noun
    (
        r"\b((?:household|big|bigger|biggest|brand|familiar|famous|well-known|top|marquee|major|other|these|those|"
        r"such|their|its|the|many|some|new|recogni[sz]able)\s+)names\b",
        "${1}labels",
    ),
    # "The hires include former Apple designers Evans Hankey, Tang Tan, and Scott Cannon": the noun, whose list names
    # the company left, not the one joined (holdout h1040); a lab's, not a company named: "One of the lab’s latest hires
    # is Atoosa Kasirzadeh, a Carnegie Mellon professor" (h1347), not "One of Meta's newest hires is Shengjia Zhao"
    (r"\b((?i:the|these|those)\s+(?:[a-z]+(?:’s|'s)\s+(?:latest|recent|newest|new)\s+)?)hires\b", "${1}recruits"),
    # "he, and not Lee Harvey Oswald, fired the fatal shot", "fired back at critics": a shot fired, no one dismissed
    (
        r"\bfired\s+(?:back|off|up|(?:(?:the|a|an|his|her|their|its)\s+)?(?:[a-z\-]+\s+)?(?:shots?|salvos?|rounds?|"
        r"missiles?|rockets?|bullets?|warnings?|warning shots?))\b",
        "shot",
    ),
    (r"\bnamed ((?:[A-Z][\w’'\-]+ ){0,2}[A-Z][\w’'\-]+)([.;)]|$)", "called $1$2"),
    (
        r"\bnamed as (?:a |an |the )?(?:co-)?(?:defendants?|plaintiffs?|respondents?|suspects?|witness(?:es)?|"
        r"part(?:y|ies)|risks?|threats?|finalists?|one of)\b",
        "cited as",
    ),
    (r"\bfired\s+(?:about |around |nearly |more than |some |over |roughly )?\d", "laid off 0"),
    (r"\b(?:is |was |were |been )?joined by\b", "accompanied by"),
    (
        r"\bjoin(?:s|ed)?(\s+(?:[A-Z][a-z]+\s+){1,2}[A-Z][a-z]+\s+(?:of\s+[A-Z]|to (?:share|discuss|talk|chat)\b"
        r"|on (?:the|a|an|his|her|their)\s+(?:[\w\-]+\s+){0,3}?"
        r"(?:podcast|show|panel|stage|call|webinar|livestream)\b))",
        "met$1",
    ),
    # "Soon after Cherny joined the company, an engineer ... showed him", "Zilis' involvement with OpenAI for years
    # after Musk had left the company": a move told as the time of something else is the backdrop, not news (a bare
    # "after X resigned" may be the news a market move follows: kept)
    (
        rf"\b((?i:(?:soon|shortly|long|years?|months?|weeks?|days?)\s+after|since|before|until)\s+{NAME}\s+(?:had\s+)?"
        rf"|(?i:after)\s+{NAME}\s+had\s+)(?:joined|left|quit|departed|resigned|stepped down)\b",
        "${1}met",
    ),
    # "That left one major player off the letter": left out, no one leaves
    (r"\bleft((?:\s+[\w’'\-]+){1,4}?\s+off)\b", "omitted$1"),
    # "its Data Center GPU product, code-named Crescent Island": a thing named, no appointee
    (r"\b(?i:code-?named|nick-?named|so-named)\b", "called"),
    # "Guardrails Alliance ... joins Anthropic-backed Public First Action in opposing the group", "Apple and
    # Microsoft's Xbox have joined the firms hiking prices": an ally in a cause or one of a crowd, no employer
    (r"\b(?i:join(?:s|ed|ing)?)(\s+[^,;.]{1,60}?\s+in\s+[a-z]+ing)\b", "ally$1"),
    (
        r"\b(?i:join(?:s|ed|ing)?)\s+(?:the\s+|a\s+)?(?:other\s+|many\s+|growing\s+)*(?:firms|companies|businesses|brands|"
        r"list|number|wave|crowd|trend|race|fray|push|bandwagon|club|fight|battle|debate|effort|movement|campaign)\b",
        "met",
    ),
]


def _mover_names(sents: pl.DataFrame) -> pl.DataFrame:
    """(article, sentence, name as written, apposition) for each person a move verb is said of."""
    # Every move verb (MOVE_VERBS, OBJECT_MOVE, LEADERSHIP) contains one of these words (lower-cased): other sentences
    # name no mover.
    # Titles before a name are not part of it: "former Fed Chair Ben Bernanke" is Ben Bernanke.
    sentence = (
        pl.col("sentence")
        .str.replace_all(TITLE_BEFORE_NAME, "$1")
        .str.replace_all(TITLE_BEFORE_APPOSITION, "officer$1")
        .str.replace_all(ANNOUNCED_AS_NEW, "named $1")
    )
    for pattern, replacement in NEW_IN_POST:
        sentence = sentence.str.replace_all(pattern, replacement)
    for pattern, replacement in NO_MOVE_REWRITES:
        sentence = sentence.str.replace_all(pattern, replacement)
    # "Meade took over ... when Vision Pro chief Mike Rockwell took over Siri's AI upgrade": a move told in a "when"
    # clause dates another (the backdrop, not news)
    sents = sents.filter(pl.col("low").str.contains(MOVE_CUE)).with_columns(
        sentence=sentence.str.replace(r",?\s+when\s+[^;]*$", "")
    )
    # (SUBJECT_MOVE, 1.7k characters, is read in the gazetteer's threads, where it stays compiled:
    # names._gazetteer_select)
    moves = _gazetteer_select(sents.select("sentence"), pl.col("sentence").str.extract_all(SUBJECT_MOVE))
    subject = (
        sents.select("article_id", "sent_idx", m=moves)
        .explode("m")
        .drop_nulls("m")
        .pipe(lambda df: df.with_columns(parts=_gazetteer_select(
            df.select("m"), _built("subject_move", lambda: pl.col("m").str.extract_groups(SUBJECT_MOVE)))))
        .filter(
            pl.col("parts").struct.field("active").is_null() & pl.col("parts").struct.field("object").is_null()
            & ~(
                pl.col("m").str.contains(APPOINTS_BY_NAME) & ~pl.col("m").str.contains(PASSIVE_AUX)
                & ~pl.col("parts").struct.field("appointee").str.contains(f"(?i:{ROLE})")
            ).fill_null(False)
        )
        .select(
            "article_id",
            "sent_idx",
            names=pl.col("parts").struct.field("who").str.replace_all(r",\s+(?:and\s+)?|\s+and\s+", "\x1f")
            .str.split("\x1f"),
            appos=pl.col("parts").struct.field("appos"),
        )
    )
    # The object is a list of people, each perhaps with a role: "names Theo Hourmouzis General Manager of Australia &
    # New Zealand" names one person (what follows "of", "from", "at" is where); "Memory space names Micron and Seagate
    # lost more than 8%, Western Digital sank ..." names no one (an item that goes on in lower case is a clause).
    items = (
        pl.col("m")
        .str.extract(OBJECT_MOVE.replace("(?P<span>", "("), 1)
        # (a list set off by dashes: "three high-profile researchers—Barret Zoph, Luke Metz, and Sam Schoenholz—")
        .str.replace_all(r"\s*[—–]\s*", ", ")
        .str.replace_all(ROLE, "\x1f")
        .str.replace_all(r"\s+(?:of|from|at)\s+[^\x1f,]*", "")
        .str.replace_all(r",\s*|\s+and\s+", "\x1f")
        .str.split("\x1f")
    )
    obj = (
        sents.select(
            "article_id", "sent_idx", m=pl.col("sentence").str.replace_all(NOUN_MOVE, "the appointment of $1")
            # (a dash written tight is a dash: "researchers—Barret Zoph, ...—following")
            .str.replace_all(r"(\w)[—–](\w)", "$1 — $2")
            .str.extract_all(OBJECT_MOVE)
        )
        .explode("m")
        .drop_nulls("m")
        .select(
            "article_id",
            "sent_idx",
            # (an item that goes on in lower case after a name is a clause; one described before its name is the
            # person: "has appointed ChatGPT co-creator Shengjia Zhao as the chief scientist", tests/searchpages s104)
            names=items.list.eval(
                pl.when(
                    pl.element()
                    .str.replace_all(r"\b(?:the|its|their|new|former|interim|acting|van|von|del)\b", "")
                    .str.contains(r"\b[a-z]{3,}\b")
                )
                .then(pl.element().str.extract(rf"^(?:[\w\-’'.]+\s+){{1,4}}?({NAME})\s*$", 1))
                .otherwise(pl.element())
                .drop_nulls()
            )
            .list.join(", ")
            .str.extract_all(NAME),
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
    # ("The lawsuit accuses OpenAI chief hardware officer Tang Tan ... of encouraging people departing or considering
    # leaving Apple": a gerund with no auxiliary before it tells of others, not of the people named before it)
    participle = cue.struct.field("verb").str.ends_with("ing") & ~cue.struct.field("before").str.contains(
        r"(?i:\b(?:is|are|was|were|be|been|also|now)\s+|[’']s\s+|[’']re\s+)$"
    )
    listed = (
        sents.filter(pl.col("low").str.contains(LEADERSHIP))
        .select(
            "article_id",
            "sent_idx",
            # (not where the move is someone's named by a possessive: "president Greg Brockman has taken a larger
            # role following Simo's departure")
            names=pl.when(appointing)
            .then(cue.struct.field("after"))
            # (nor where "succeed" takes no one: "Mitch Glazier, CEO of the Recording Industry Association of America,
            # ... stressed the need for cooperation to succeed", tests/pages2 p099)
            .when(
                ~cue.struct.field("before").str.contains(r"(?:’s|'s|\b(?:his|her|their))\s+$") & ~participle
                & ~(
                    cue.struct.field("verb").str.contains(r"(?i:^succeed)")
                    & ~cue.struct.field("after").str.contains(r"^\s+(?:[A-Z]|him\b|her\b|them\b|as\b)")
                )
            )
            .then(cue.struct.field("before"))
            .str.extract_all(appointee)
            .list.eval(pl.element().str.extract(PERSON, 1)),
            speakers=pl.concat_list(
                # (an apposition between too: "Fidji Simo, OpenAI’s CEO of applications, revealed that Zoph, Metz, and
                # Schoenholz would be rejoining OpenAI", tests/searchpages s100)
                pl.col("sentence").str.extract_all(
                    rf"{PERSON}\s+(?:said|says|told|wrote|added|announced)"
                    # (who, with an apposition, tells of someone else: not "Mira Murati, OpenAI's CTO, confirmed that
                    # she would step down")
                    rf"|{PERSON},[^,;]{{1,80}},\s+(?:said|says|wrote|announced|revealed|confirmed)\s+(?:that\s+)?[A-Z]"
                ),
                # "..., said Paul Davis, head of economic crime at Barclays": a quoted speaker
                # ("..., said its president Andrew Kelley": the speaker's title between)
                pl.col("sentence").str.extract_all(
                    rf"\b(?:said|says|added|wrote)\s+(?:(?:its|their|the(?:\s+[\w’'\-]+(?:’s|'s))?)\s+(?:{ROLE})\s+)?"
                    rf"{PERSON}"
                ),
                # "AWS CEO Matt Garman names Dave Treadwell ...": the one who appoints
                # ("Altman also named Mark Chen as the new senior vice president of research", tests/pages4 r046)
                pl.col("sentence").str.extract_all(
                    rf"{PERSON}\s+(?:(?:has|also)\s+){{0,2}}(?:{APPOINTING_ACTIVE})\s+[A-Z]"
                ),
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


# The company a person holds a role at, as the article introduces them: "GitHub CEO Thomas Dohmke", "OpenAI's Chief
# Research Officer Bob McGrew", "Alexandr Wang, founder and CEO of Scale AI" (tests/pages8 w027, tests/pages3 q096). Not
# a role held before ("former OpenAI CTO Mira Murati", "the ex-CEO of Uber").
AFFILIATED_NAME = r"[A-Z][a-z]+(?:[- ](?:[A-Z][a-z]+|[A-Z][a-z]*[A-Z][a-z]+)){1,2}"
ROLE_BEFORE_NAME = (
    rf"(?:(?i:former|ex-|then-)\s*)?{ORG_NAME}(?:’s|'s)?\s+(?:(?i:interim|acting|new|current)\s+)?"
    rf"(?:{TAGGED_ROLE})\s+({AFFILIATED_NAME})\b"
)
ROLE_AFTER_NAME = (
    rf"\b({AFFILIATED_NAME}),\s+(?:the\s+)?(?:(?i:former|ex-|then-)\s*)?(?:(?i:interim|acting|new|current)\s+)?"
    # (a backer is not the company: "the Chief Technology Officer at Microsoft-backed OpenAI", tests/pages4 r042)
    rf"(?:(?:{TAGGED_ROLE}|founder)\s+(?:and|&)\s+)?(?:{TAGGED_ROLE})\s+(?:of|at)\s+{ORG_NAME}(?:[\-‑]\w+)?"
)


def _affiliations(sents: pl.DataFrame, g: gaz.Gazetteer) -> pl.DataFrame:
    """(article_id, person, affiliated_org): the first company the article names a person's current role at."""
    tagged = pl.col("tagged")
    told = pl.concat([
        sents.select("article_id", "sent_idx", m=tagged.str.extract_all(pattern)).explode("m").drop_nulls("m")
        .filter(~pl.col("m").str.contains(r"(?i:former|ex-|then-)|\x03[\-‑]"))
        # (a founder stays one after leaving: "DeepMind co-founder Mustafa Suleyman", tests/searchpages s098)
        .filter(~pl.col("m").str.contains(r"(?i:founder)") | pl.col("m").str.contains(r"(?i:founder (?:and|&) )"))
        .select("article_id", "sent_idx",
                person=pl.col("m").str.extract(pattern, person), org=pl.col("m").str.extract(pattern, org))
        for pattern, person, org in ((ROLE_BEFORE_NAME, 2, 1), (ROLE_AFTER_NAME, 1, 2))
    ])
    return (
        told.with_columns(affiliated_org=_canonical(pl.col("org"), g.org_by_key))
        .drop_nulls(["person", "affiliated_org"])
        .filter(~org_kind(pl.col("affiliated_org"), g).is_in(NON_ACTORS).fill_null(False))
        .sort("article_id", "sent_idx")
        .unique(["article_id", "person"], keep="first", maintain_order=True)
        .select("article_id", "person", "affiliated_org")
    )


def _leadership(sents: pl.DataFrame, short_names: pl.DataFrame, g: gaz.Gazetteer) -> pl.DataFrame:
    """People said to arrive, be promoted or leave, with the company they join (or lead, or leave).

    The org is, in order: the one the person joins ('to join Google DeepMind'), the one whose role they take ('as
    Meta's chief AI officer', 'chief executive of SSI'), another company in the sentence than the one in the person's
    apposition, the apposition's company ('Jeff Wang, Windsurf's head of business, became ...'), the company in focus.
    Someone who only speaks ('Sam Altman said') is not moving: only the name right before a move verb or in the
    object of an appointing verb counts."""
    # A title is no part of the name: "Google DeepMind Vice President John Jumper said ... he was leaving".
    names = _mover_names(sents).with_columns(
        name=pl.col("name").str.replace(r"^(?:[A-Z][a-z]+ )?(?:Chief|Former|Interim|President|Co-founder)(?:\s+|$)", "")
    ).filter(pl.col("name") != "")
    # (people are read only in the articles with a mover)
    mover_sents = sents.join(names.select("article_id").unique(), on="article_id", how="semi")
    people = _article_people(mover_sents, g)
    # ("Microsoft's Xbox" is one word once its owner is read off: a single word is a person's only as an article's
    # surname)
    names = (
        names.with_columns(pl.col("name").str.replace(r"^.*(?:’s|'s)\s+", ""))
        .join(people, left_on=["article_id", "name"], right_on=["article_id", "surname"], how="left")
        .with_columns(
            person=pl.when(pl.col("name").str.contains(" "))
            .then(pl.col("name"))
            .otherwise(pl.col("full"))
        )
        .drop_nulls("person")
        # (a full name the article's people hold is one even when a word of it is a body's)
        .filter(_is_person(pl.col("person"), g) | pl.struct("article_id", "person").is_in(
            people.select(pl.struct("article_id", person="full")).to_series().implode()
        ))
        .select("article_id", "sent_idx", "person", "appos")
    )
    actor = ~org_kind(pl.element(), g).is_in(NON_ACTORS)
    governments = [name for name, kind in _maps(g)["org_kind"].items() if kind in ("government", "regulator")]
    # "The financing comes after a turbulent few weeks in which X announced her departure": an earlier move told as
    # the backdrop of this article's news.
    # (both read only the sentences with a mover, the rows kept below: the others are blanked for them)
    mover = pl.col("_mover")
    backdrop = _blank_unless(mover, pl.col("sentence")).str.contains(BACKDROP)
    # "He appointed Wang last year to head this effort": a move told as history. (Not the founding of the company the
    # person now leads: "has taken the helm as CEO of Safe Superintelligence, the AI startup he launched in 2024",
    # tests/pages5 t032, t034: that clause is read without its time.)
    low = _blank_unless(mover, pl.col("low"))
    founded = low.str.contains(FOUNDED_WHEN)
    told_as_past = low.str.replace_all(FOUNDED_WHEN, " ").str.contains(rf"\b(?:{TOLD_AS_PAST}|years ago)\b")
    past_year = pl.when(founded).then(
        _names_past_year(pl.col("sentence").str.replace_all(f"(?i:{FOUNDED_WHEN})", " "), pl.col("published_at"))
    ).otherwise(pl.col("past_year"))
    rows = (
        sents.with_columns(_mover=pl.struct("article_id", "sent_idx").is_in(
            names.select(pl.struct("article_id", "sent_idx")).to_series().implode()
        ))
        .filter(~past_year & ~pl.col("history") & ~backdrop & ~told_as_past)
        .drop("_mover")
        .join(names, on=["article_id", "sent_idx"], how="inner")
        .with_columns(
            short=pl.col("appos")
            .str.split(" and ")
            .list.eval(pl.element().filter(~pl.element().str.contains(PAST_ROLE)))
            .list.join(" and ")
            .str.extract(r"([A-Z][\w.\-]+)(?:’s|'s)", 1)
        )
    )
    if rows.is_empty():  # no mover: the rest is skipped (polars compiles every regex of a query even for no rows)
        return _frame(rows, "leadership")  # no rows, in the mentions' shape
    rows = rows.join(short_names, on=["article_id", "short"], how="left").join(
        _affiliations(mover_sents, g),
        on=["article_id", "person"], how="left",
    )
    # "Jason Droege, Scale's chief strategy officer and a former Uber executive": Scale, not Uber, is his company.
    # (a backer describes the company, it is not his: "Mira Murati, the Chief Technology Officer at Microsoft-backed
    # OpenAI", tests/pages4 r042)
    appos = pl.col("appos").fill_null("").str.replace_all(BACKED_BASED, " ")
    current_appos = (
        appos
        .str.split(" and ")
        .list.eval(pl.element().filter(~pl.element().str.contains(PAST_ROLE)))
        .list.join(" and ")
    )
    join_org = _canonical(
        pl.col("tagged").str.extract(rf"\b(?:re)?join(?:s|ed|ing)?\s+(?:the\s+)?{ORG_NAME}", 1), g.org_by_key
    )
    # ... or one the gazetteer does not know, told by what it is: "Jon Jenkins ... joined mobility giant Lime as its new
    # chief technology officer" (tests/searchpages s101; not the company in focus, which "its" would give)
    # (a known one by its name: "left OpenAI to join AI startup Thinking Machines as its CEO"; a day after it is no part
    # of it: "joined the startup Monday as its chief scientist")
    joined_new = pl.col("sentence").str.extract(JOINED_DESCRIBED, 1).str.replace(WEEKDAY_AFTER, "")
    joined_new = pl.coalesce(
        _canonical(joined_new, g.org_by_key),
        pl.when(~joined_new.str.contains(PHRASE_WORD) & ~joined_new.is_in(NOT_NAMES + WEEKDAYS + list(MONTHS))
                & (joined_new != "")).then(joined_new),
    )
    gained = r"\b(?:as|becomes?|became|over as|serve as)\s+(?:the\s+)?(?:new\s+|interim\s+|acting\s+)?"
    # (the helm or a role taken at a company: "has officially taken the helm of Safe Superintelligence (SSI)", "has
    # stepped into the CEO role at Safe Superintelligence", tests/pages5 t034, t033)
    helm = rf"\b(?i:the helm|the (?:{TAGGED_ROLE}) (?:role|post|job))\s+(?:as\s+\S+\s+)?(?:of|at)\s+{ORG_NAME}"
    role_org = pl.coalesce(
        _canonical(pl.col("tagged").str.extract(helm, 1), g.org_by_key),
        _canonical(pl.col("tagged").str.extract(rf"{gained}{ORG_NAME}(?:’s|'s)", 1), g.org_by_key),
        # (a role's words may be a known name: "head of Google")
        _canonical(
            pl.col("tagged").str.extract(rf"{gained}(?:{TAGGED_ROLE})\s+(?:of|at)\s+{ORG_NAME}", 1), g.org_by_key
        ),
    )
    # "Barret Zoph and Luke Metz left for OpenAI, while Andrew Tulloch left for Meta": the company each person leaves
    # for, read in the person's own clause (from their name to the clause's end); "Google DeepMind Vice President John
    # Jumper said ... he was leaving for Anthropic": the company the clause names besides is the one left.
    at = char_at(pl.col("tagged"), pl.col("person"), literal=True).fill_null(0)
    own_clause = pl.col("tagged").str.slice(at).str.replace(f"(?:{CLAUSE_BREAK}).*$", "")
    clause = pl.concat_str(pl.col("tagged").str.slice(0, at).str.replace(f"^.*(?:{CLAUSE_BREAK})", ""), own_clause)
    left_for = _canonical(
        own_clause.str.extract(
            rf"\b(?:left|leaves|leaving|leave|quit|quits|departed|departs)\s+(?:\S+\s+){{0,3}}?"
            rf"for\s+(?:rival\s+)?{ORG_NAME}",
            1,
        ),
        g.org_by_key,
    )
    # (a one-word "company" that is the surname of a person the article names in full)
    rows = rows.join(
        people.filter((pl.col("full") != pl.col("surname")) & _is_person(pl.col("full"), g))
        .select("article_id", "surname")
        .unique().with_columns(_new_org_is_person=pl.lit(True)),
        left_on=["article_id", "focus_new_org"], right_on=["article_id", "surname"], how="left",
    )
    # (the org pattern's readings first: names._with_orgs_in)
    # (a company the person held a post at before, told in a title: "The Claude maker hired former Stripe CTO Rahul
    # Patil as its new chief technical officer", tests/pages9 x047)
    # (the mover's own title only: not "alongside former OpenAI CTO Murati" beside people rejoining OpenAI, pages2 p080)
    former = pl.col("tagged").str.extract(
        pl.concat_str(pl.lit(rf"(?i:former|ex-)\s*{ORG_NAME}(?:’s|'s)?\s+(?:{TAGGED_ROLE})\s+"),
                      pl.col("person").str.replace_all(r"([.\-])", r"\$1")),
        1,
    ).fill_null("")
    rows = _with_orgs_in(rows, g, _appos_orgs=pl.col("appos").fill_null(""), _current_appos_orgs=current_appos,
                         _former_orgs=pl.concat_str(pl.lit("\x02"), former, pl.lit("\x03")))
    rows = rows.with_columns(
        appos_org=pl.coalesce(pl.col("_current_appos_orgs").list.filter(actor).list.first(), "appos_short_org"),
        other_org=pl.col("orgs").list.filter(actor).list.set_difference("_appos_orgs")
        .list.set_difference("_former_orgs").list.first(),
        join_org=join_org,
        joined_new=joined_new,
        left_for=left_for,
        clause_orgs=_tagged_orgs(clause, g).list.filter(actor),
        role_org=role_org,
        is_join=pl.col("sentence").str.contains(r"\b(?:re)?join"),
        role=pl.col("sentence").str.extract(
            r"(?:\bas|becomes?|became|named|over "
            rf"as|will be)\s+(?:[\w’'.]+\s+){{0,2}}?((?:interim |acting |new )?(?:{ROLE}))",
            1,
        ),
    ).with_columns(
        org=pl.coalesce(
            "join_org",
            "joined_new",
            "left_for",
            "role_org",
            # (one who leaves leaves the company the article gives them a role at: "Microsoft Integrates GitHub into
            # AI Division as CEO Dohmke Resigns", after "GitHub CEO Thomas Dohmke", tests/pages8 w027)
            pl.when(pl.col("low").str.contains(DEPARTURE)).then(pl.col("affiliated_org")),
            "other_org",
            pl.when(~pl.col("is_join")).then(pl.col("appos_org")),
            # (... and so does one whose sentence names no company: "Wang announced yesterday that he will step down as
            # CEO to join a newly formed lab", after "Alexandr Wang, founder and CEO of Scale AI", tests/pages3 q096)
            pl.when(pl.col("orgs").list.len() == 0).then(pl.col("affiliated_org")),
            # a company the gazetteer does not know, named (perhaps short: "Yunfan") in the sentence
            # (not a person the article names: "Altman also named Mark Chen as the new senior vice president",
            # tests/pages4 r046)
            pl.when(
                pl.col("sentence").str.contains(pl.col("focus_new_org").str.extract(r"^(\S{3,})", 1), literal=True)
                & pl.col("_new_org_is_person").is_null()
            ).then(pl.col("focus_new_org")),
            # joining "the new group" without naming it: the company the story was about before this
            # sentence
            # (the sentence's own companies are all in the apposition: where the person was); only where the
            # sentence refers to a company at all, not for a person named in passing
            # (or names a role in it: "Daniel Levy, the third co-founder, becomes president")
            # (not where a government is where the role is: "the Pentagon announced that Kliger had been promoted to
            # the agency's chief data officer")
            pl.when(
                (pl.col("sentence").str.contains(COMPANY_REFERENCE) | pl.col("sentence").str.contains(ROLE))
                & ~pl.col("orgs").list.eval(pl.element().is_in(governments)).list.any()
            ).then("prev_focus_org"),
        ),
    )
    # Leaving one company to join another: the departure is an event of the company left.
    # (one who leaves for a company leaves the other one of their own clause)
    left = rows.filter(
        (pl.col("join_org").is_not_null() | pl.col("joined_new").is_not_null() | pl.col("left_for").is_not_null())
        & pl.col("sentence").str.contains(DEPARTURE)
    ).with_columns(
        org=pl.coalesce(
            "appos_org",
            pl.when(pl.col("join_org").is_not_null())
            .then(pl.col("orgs").list.filter(actor).list.set_difference(pl.concat_list("join_org")))
            .when(pl.col("joined_new").is_not_null())
            .then(pl.col("orgs").list.filter(actor))
            .otherwise(pl.col("clause_orgs").list.set_difference(pl.concat_list("left_for")))
            .list.first(),
        ),
        role=pl.lit(None, dtype=pl.String),
    )
    rows = pl.concat([rows, left], how="vertical_relaxed").filter(pl.col("org").is_not_null())
    # A departure whose company is only the one in focus is the same move again where the article names the company
    # the person leaves elsewhere: "Noam Shazeer ... is leaving Google to join OpenAI. ... Shazeer announced his
    # departure" (holdout h991: Character.AI was in focus).
    from_focus = (
        (pl.col("org") == pl.col("prev_focus_org")).fill_null(False)
        & pl.col("low").str.contains(DEPARTURE)
        & pl.all_horizontal(pl.col(c).is_null() for c in ("join_org", "left_for", "role_org", "other_org", "appos_org"))
    )
    named = left.filter(pl.col("org").is_not_null()).select(pl.struct("article_id", "person")).to_series().implode()
    rows = rows.filter(~(from_focus & pl.struct("article_id", "person").is_in(named)))
    return _frame(
        rows, "leadership", org=pl.col("org"), person=pl.col("person"), role=pl.col("role"), confidence=pl.lit(0.7)
    )


def mentions(found: Found) -> pl.DataFrame:
    return _leadership(found.sents, found.short_names, found.g)
