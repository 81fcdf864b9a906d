"""Funding rounds: money raised, with its round, valuation and investors."""
from __future__ import annotations

import polars as pl

from transforms import gazetteer as gaz
from transforms.extract.names import (
    ORG,
    ORG_NAME,
    TAGGED_WORD,
    _canonical,
    _subject_org,
    org_kind,
)
from transforms.extract.patterns import BACKED_BASED, FRONTED_TIME, LEXICONS, PLACE_NAME
from transforms.extract.rules import Found, _frame
from transforms.normalize import MONTHS

# Countries and states as the jurisdiction lexicon names them (a country raises no round).
JURISDICTION_NAMES = [entry["name"] for entry in LEXICONS["jurisdiction"]]
FUNDING = (
    r"\b(?:(?:rais(?:e|es|ed|ing)"
    # (money secured: not "to secure AI computing infrastructure, with a base value of $17.4 billion", "to secure its
    # CEO", "a loan secured against its GPUs", tests/pages5 t058, tests/pages6 u103)
    r"|secur(?:e|es|ed|ing)\s*(?:[\w\-]+\s+){0,3}?(?:us\$|\$|€|£|¥|\d[\d.,]*|funding|financing|investments?|backing|capital"
    r"|series|seed|rounds?|equity)"
    r"|funding round|series [a-h]|seed round|round of funding|"
    # a headline's verbs of money got ("Barex nabs $20M for AI agents")
    r"(?:lands?|landed|nabs?|nabbed|bags?|bagged|snags?|snagged|gets?|got|scores?|scored|(?:pulls?|pulled|hauls?|hauled"
    r"|rakes?|raked) in)\s+(?:a\s+)?(?:fresh\s+|new\s+)?(?:us\$|\$|€|£|¥)|"
    r"closes? (?:a|its)"
    # ("xAI just closed a $6 billion round at a $24 billion post-money valuation in May", tests/pages2 p023; a round:
    # not "closed a $69 billion acquisition")
    r"|clos(?:ed|ing) (?:a|an|its) [^.;]{0,40}?\b(?:round|raise|financing)\b"
    r"|investment (?:of|from|led)|backed by|led by|lead(?:s|ing)? [^;]{0,40}?round"
    # "Meta is paying about $14.3 billion for a 49% stake"
    r"|for (?:an? |its )?(?:(?:about |roughly |nearly )?\d+(?:\.\d+)?% |minority |majority )?stake)\b"
    # ("will invest as much as $15 billion in Anthropic PBC", tests/pages12 k105)
    r"|invest(?:s|ed|ing)? (?:an? )?(?:additional |further |another |up to |as much as )?"
    r"(?:us\$|\$|€|£|¥|\d)"
    # "announced a $14.3 billion investment in AI startup Scale", "acquired a 49% stake in the company through a $14.3
    # billion investment" (tests/pages3 q101, q097)
    r"|(?:announc|mak|made)\w* (?:a|an) (?:us\$|\$|€|£|¥)[^;]{0,30}?investment in"
    # (a stake bought through an investment: not "Berkshire Hathaway bought a stake in Alphabet worth $4.3 billion")
    r"|(?:acquir|buy|bought|tak|took)\w* (?:a|an) (?:\d+(?:\.\d+)?% |minority |majority )?stake\b[^;]{0,60}?"
    r"\binvestment\b"
    # "Nvidia plans to take a $5 billion stake in chipmaker Intel", "announcing a $5 billion stake in Intel"
    # (tests/pages7 v033, v029: a stake of a sum taken in a company is money put in)
    # (the sum right before "stake": not "announced a $2 billion sale of its stake in Mobileye")
    r"|(?:tak(?:e|es|ing)|took|announc\w*) (?:a|an) (?:us\$|\$|€|£|¥)[\d.,]+\s*(?:[mb]illion|bn|m|b)?\s+stake in\b"
    # "OpenAI has completed a secondary share sale totaling roughly $7 billion"
    r"|share sale)"
)
# Money that is no round: a rejected or hostile bid, a joint venture's budget; a round the company raised before.
FUNDING_NOT = (
    r"\b(reject[a-z]*|rebuff[a-z]*|turn(?:ed|s)? down|takeover|take control|bid for|offer to (?:buy|"
    r"acquire)|joint venture"
    # a company bought for the amount: "Databricks, a software unicorn backed by Microsoft, Amazon and Google, is buying
    # a generative AI startup for US$1.3 billion" (tests/pages3 q017)
    r"|(?:buy|buys|buying|bought|acquir\w*)\s+(?:a|an|the)\s+(?:[\w\-]+\s+){0,4}?(?:startup|company|firm|maker|developer)"
    r"\s+for\b"
    # money raised or secured that is no investment: a price rise, a settlement, a fine
    r"|raise (?:the |its |their )?(?:\w+ )?prices?|settlements?|fines?|penalt(?:y|ies)"
    # a market rout "led by" a stock; a spending pledge over years in a country or on data centres
    r"|rout|sell-?off|market (?:value|cap\w*)|over (?:the next )?(?:\w+ )?years|pledged|earmarked"
    # a forecast raised, supplies secured, plants built
    # ("raises TSMC's total investment pipeline in Arizona to $265 billion", "raising the midpoint by $2.5 billion")
    r"|rais(?:e|es|ed|ing) (?:its|their|the|his|her|[\w\-]+['’]s) (?:[\w\-]+ ){0,3}?(?:forecasts?|guidance|"
    r"outlook|estimates?"
    r"|spending|capex|targets?|dividends?|midpoint|totals?|pipeline|ranges?)"
    # ("Meta raised the lower end of its annual capital expenditures forecast by $2 billion", a search-index page of
    # 2024; tests/searchpages s024)
    r"|rais(?:e|es|ed|ing) the (?:lower|upper|low|high|bottom|top) end of (?:its|their|the) (?:[\w\-]+ ){0,4}?"
    r"(?:forecasts?|guidance|outlook|ranges?|estimates?)"
    r"|secur\w* (?:supplies|supply|capacity)|invest\w*\b[^.;]{0,80}\bto build"
    # what is raised that is no money: "breakthroughs ... have raised doubts", "raising fresh questions over risk"; a
    # price raised ("Pro at $20/mo (raised from $15 in 2026 ...)"); money to spend ("plans to spend as much as $145
    # billion on capex ... securing the graphics processing units")
    r"|rais(?:e|es|ed|ing) (?:\w+ )?(?:doubts?|concerns?|questions?|fears?|eyebrows|alarms?|hopes|expectations)"
    r"|rais(?:e|es|ed|ing) from (?:us\$|\$|€|£)"
    r"|\bspend(?:s|ing)? (?:as much as |up to |about |roughly |over )?(?:us\$|\$|€|£)"
    # money borrowed is no equity round: "raised $775 million by borrowing against its GPUs", "raised €830 million in
    # debt", "raise debt for a data center", "secured a $2 billion credit facility" (not the loans a company's product
    # makes: "uses AI to underwrite loans")
    r"|borrow\w*|in debt|debt financing|raise debt|(?:a|in|term|bank|bridge|margin) loans?|loans? (?:from|facilit\w*)"
    r"|credit (?:facility|line)"
    # shares sold to the public are a listing, not a round: "is set to have what would be the largest IPO on record
    # next week, raising $75 billion" (holdout h1407; the labels hold listings optional at most)
    # (the listing's own money only: "raised $65 billion ..., and its IPO paperwork is at the SEC" is a round)
    # (not a round raised before one: "raised $250 million in a Series G round ahead of its IPO")
    r"|(?:ipos?|public offering|listing)\b[^;]{0,60},\s+raising"
    r"|rais\w* [^;,]{0,60}\b(?:in|through|via|with) (?:its|an|the|a|their) (?:[\w\-]+ ){0,2}?"
    r"(?:ipos?|public offering|listing)"
    # a cost raised ("raising the cost to $50 billion"); money someone would need ("it will have to raise at least
    # another $200 billion", "when someone like OpenAI needs an investment of $30 billion scale", "That would require
    # Google ... each investing $500-700B per year"); money spent on a company's own build-out ("investing $1 billion
    # in a new Forward Deployed Engineering unit", "will invest $13 billion building a new data centre"); an approval
    # or a contract secured
    r"|rais(?:e|es|ed|ing) (?:the|its|their) (?:[\w\-]+ ){0,2}?(?:costs?|bill|budget|fees?|rates?|stakes|bar)"
    r"|(?:have|has|had|need|needs|needed) to raise|would (?:need to |have to )?(?:raise|require)"
    r"|needs? (?:an? )?investment"
    # (investors are no company spending: "Crusoe raises $1.4bn as investors pile in to AI data centres", tests/pages5
    # t087)
    r"|invest(?:s|ed|ing|ments?)?\b [^.;]{0,60}?(?:\bbuilding\b|\bin (?:a |an |its |the |their )?(?:new )?"
    r"(?:[\w\-]+ ){0,4}?"
    r"(?:unit|division|data ?cent(?:er|re)s?|facilit(?:y|ies)|plant|factory|campus|infrastructure|expansion)\b)"
    r"|secur\w* (?:approval|permission|permits?|planning|consent|(?:a |an )?(?:[\w\-]+ ){0,2}?(?:permit|licen[cs]e|"
    r"contract|deal|agreement)))\b"
)
FUNDING_BEFORE = (
    r"\b(previously|last year|a year (?:ago|earlier)|the year before|(?:prior|earlier|previous|last) "
    r"(?:round|raise|funding)"
    # "Musk, who had by that point reportedly invested $100 million"
    r"|by (?:that|this) point|by then|by that time)\b"
)
# ("The company announced in May that it had raised a $113 million Series B" in an August article: the month it was
# told in dates the round as well)
FRONTED_MONTH = (
    r"(?:^(?:In|Back in|Earlier in)|\b(?:announced|said|revealed|disclosed|reported|confirmed) in)\s+"
    r"(January|February|March|April|May|June|July|August|September|October|November|December)\b"
)
# Amounts given only as a yardstick ("almost double the $86 billion") are not the round.
YARDSTICK = r"\b(double|triple|than|up from|down from|compared|versus|previous|earlier|last)\b"
# The amount's noun right after it, when it is a deal's and no round's (_funding).
# (not past a comma: "raises $62.5M, eyes acquisitions")
DEAL_AFTER = r"^\s*(?:[\w\-]+\s+){0,2}?(?i:contracts?|deals?|agreements?|acquisitions?|purchases?|takeover|order)\b"
# ("including $130 million in December": a part of a total, an earlier round)
RUNNING_TOTAL = r"\b(total|bringing|brings|in all|altogether|cumulative|so far|to date|including)\b"
ROUND = r"\b((?:pre-)?seed|Series [A-H]\d?(?: extension)?|Series [A-H]\+?|growth round|strategic round)\b"
# (a headline in title case too: "Pocket Raises $11M"; "emerged from stealth with a $50 million seed round")
FUNDING_TAIL = (
    r"\s+(?:on\s+\w+\s+)?(?:has\s+|have\s+)?(?:(?:just|recently|reportedly|also|quietly)\s+)?"
    r"(?i:raised|raises|secures|secured|closes|closed|lands|landed|nabs|nabbed|bags|bagged|gets|got|snags|snagged|"
    r"scores|scored|(?:pulls|pulled|hauls|hauled|rakes|raked) in|"
    # ("Humanoid robot startup Figure has drawn a $675 million investment from Jeff Bezos, AI chipmaker Nvidia ...",
    # tests/pages4 r054)
    r"drew|drawn|draws|"
    # ("Sakana, which means 'fish' in Japanese, has completed a $135 million funding round", tests/pages5 t099)
    r"completed|completes|"
    r"announced|announces|emerg(?:es|ed) from stealth with)\s"
)
# "It raised ..." names the company in focus only where it was named within the last few sentences: further on, "it"
# is more often a company the gazetteer does not know ("It raised a €120K seed" 40 sentences after Uber, "The Chinese
# humanoid firm raised $900 million" in a newsletter that named Meta items before).
FOCUS_AGE = 3
# A name set off by commas is still the subject: "Preview, a production platform for AI video, raises $12M",
# "Nguyen's startup, Radical Numerics, emerged from stealth with": the commas and the description go.
APPOSED_SUBJECT = (
    # (or a relative clause: "Sakana, which means 'fish' in Japanese, has completed a $135 million funding round",
    # tests/pages5 t099)
    # (or a participle: "Startup company Harvey, dedicated to creating an AI "copilot" for lawyers, has raised $100
    # million", tests/pages6 u001, after what it is)
    r"^((?:(?i:startup|start-up|company|firm|lab)\s+)*(?:[A-Z][\w&.\-]*\s+)*?[A-Z][\w&.\-]*),\s+"
    r"(?:a|an|the|which|who|dedicated|focused|known|founded|based|backed|headquartered|specializing|specialising)\s+"
    r"[^,;]{3,80}?,\s+"
    r"|(?i:(startup|start-up|company|firm|lab)),\s+([A-Z][\w&.\-]*(?:\s+[A-Z][\w&.\-]*){0,2}),\s+"
)


INVESTORS_PART = (
    r"\b(?:which|who)\s+(?:also\s+)?(?:put in|puts in|injected|injects|contributed|contributes|chipped in|invested|"
    r"invests)\s+(?:about\s+|roughly\s+|nearly\s+|around\s+)?(?:us)?[$€£¥\d]"
)


def _funding(money: pl.DataFrame, g: gaz.Gazetteer, short_names: pl.DataFrame) -> pl.DataFrame:
    """One round per sentence: the first amount that is neither a valuation nor a running total."""
    low = pl.col("low")
    ctx = (
        pl.col("ctx").str.to_lowercase().str.replace_all(r"\b(?:more|less|fewer) than\b", " ")
    )  # "more than $1bn" is the amount
    # "In March, OpenAI raised $122 billion" in a June article: a round of a month before last is background.
    fronted = pl.col("sentence").str.extract(FRONTED_MONTH, 1).replace_strict(MONTHS, default=None)
    months_ago = (pl.col("published_at").dt.month().cast(pl.Int64) - fronted.cast(pl.Int64)) % 12
    # ("Should You Invest $1,000 in Amazon.com Right Now?": a question claims nothing)
    rows = money.filter(
        ~pl.col("sentence").str.contains(r"\?\W*$")
        & low.str.contains(FUNDING)
        & ~low.str.contains(FUNDING_NOT)
        & ~low.str.contains(FUNDING_BEFORE)
        & ~pl.col("history")
        & ~(months_ago >= 2).fill_null(False)
        & ~ctx.str.contains(RUNNING_TOTAL)
        # ("The company has raised $15 million to date", "Guilded had raised $10.2 million total")
        & ~pl.col("follows").str.contains(r"^\s*(?i:in total|total|in all|altogether|so far|to date)\b")
        & ~ctx.str.contains(YARDSTICK)
        # (the sum of a contract or a purchase is no round: "today's $9.7 billion contract with Australia's IREN",
        # tests/pages14 n031; a funding deal is one)
        & ~(
            pl.col("follows").str.contains(DEAL_AFTER)
            & ~pl.col("follows").str.contains(r"(?i:fund|financ|invest|equity)")
        )
        # (an investor's part of a round is not its size: "led by Thrive Capital, ..., which put in $1.3 billion",
        # tests/searchpages s066)
        & ~ctx.str.contains(INVESTORS_PART)
    )
    # (a sentence with several companies' money together is no one's round: "Anthropic and OpenAI have raised a little
    # under $300 billion combined since 2019, but I estimate their true cost is at least $500 billion"; nor is a
    # year's total: "raised over $300 billion in 2026 alone"; not "raised $40 billion in March alone")
    rows = rows.join(
        money.filter(
            pl.col("follows").str.contains(
                r"^\s*(?i:combined|together|between them|in (?:\d{4}|(?:this|last|the) year) alone)\b"
            )
        ),
        on=["article_id", "sent_idx"], how="anti",
    )
    if rows.is_empty():
        return _frame(rows, "funding")  # no rows, in the mentions' shape
    per_sentence = (
        rows.group_by("article_id", "sent_idx", maintain_order=True)
        .agg(
            amount_usd=pl.col("amount_usd").filter(~pl.col("is_valuation")).first(),
            valuation_usd=pl.col("amount_usd").filter(pl.col("is_valuation")).first(),
            sentence=pl.col("sentence").first(),
            tagged=pl.col("tagged").first(),
            orgs=pl.col("orgs").first(),
            focus_org=pl.col("focus_org").first(),
            new_org=pl.col("new_org").first(),
            event_date=pl.col("event_date").first(),
            status=pl.col("status").first(),
            prev_focus_org=pl.col("prev_focus_org").first(),
            focus_org_age=pl.col("focus_org_age").first(),
            focus_new_org=pl.col("focus_new_org").first(),
            focus_new_org_age=pl.col("focus_new_org_age").first(),
            valued=pl.col("sentence")
            .first()
            .str.extract(
                r"\b(?:values|valuing|"
                r"valued)\s+([A-Z][\w.\-]+(?:\s+[A-Z][\w.\-]+)?)",
                1,
            ),
            # ("announced a $14.3 billion investment in AI startup Scale", tests/pages3 q101)
            invested_in=pl.col("sentence")
            .first()
            .str.extract(
                r"\b(?i:invest\w*|stake)\b[^;]*?\bin\s+(?:the\s+)?(?:(?:AI|[a-z][\w\-]*)\s+){0,3}([A-Z][\w.\-]+)", 1
            )
            .str.strip_chars_end("."),
        )
        .drop_nulls("amount_usd")
    )
    # What is valued or invested in may be named short ("Scale" for Scale AI): the article's full name for it.
    per_sentence = (
        per_sentence.with_columns(short=pl.col("valued").str.extract(r"^(\S+)", 1))
        .join(short_names, on=["article_id", "short"], how="left")
        .with_columns(valued_org=pl.coalesce(_canonical(pl.col("valued"), g.org_by_key), "appos_short_org"))
        .drop("short", "appos_short_org", "valued")
        .join(short_names.rename({"short": "invested_in"}), on=["article_id", "invested_in"], how="left")
        .rename({"appos_short_org": "invested_in_org"})
        .drop("invested_in")
    )
    is_investor = org_kind(pl.element(), g) == "investor"
    # "Amazon will invest $4 billion in Anthropic": the org after "invest ... in" receives the money.
    # "ASML leads €1.7 billion Series C in Mistral AI", "a round in Chinese chatbot startup Moonshot AI", "a stake in
    # X":
    # so does the org after a lead investor's round or stake "in"; "a deal that values Scale at $29 billion": the one
    # valued.
    recipient = pl.coalesce(
        # "Mira Murati, former CTO of OpenAI, secures $2bn in funding for her start-up, Thinking Machines Lab" (tests/
        # pages7 v017): a founder raises for the company named
        _canonical(
            pl.col("tagged").str.extract(
                r"\b(?i:funding|financing|capital|money)\s+for\s+(?i:her|his|their|its)\s+(?i:new\s+)?"
                rf"(?i:start-?up|company|venture|firm|lab)(?:,\s+|\s+){ORG_NAME}",
                1,
            ),
            g.org_by_key,
        ),
        _canonical(
            # (not a yardstick: "closed a $6 billion round ..., just in front of Databricks", tests/pages2 p023)
            pl.col("tagged").str.replace_all(r"\bin front of\b", "ahead of").str.extract(
                r"(?i:invest\w*|shareholder|backer|leads?|led|co-le(?:d|ads?)|round|"
                rf"stake)[^;]*?\bin\s+(?:the\s+)?(?:{TAGGED_WORD}\s+){{0,3}}?{ORG_NAME}",
                1,
            ),
            g.org_by_key,
        ),
        pl.col("invested_in_org"),
        pl.col("valued_org"),
    )
    subject_org = _subject_org(
        pl.col("sentence")
        .str.replace(FRONTED_TIME, "")
        .str.replace(BACKED_BASED, "")
        .str.replace(APPOSED_SUBJECT, "$1$2 $3 "),
        FUNDING_TAIL,
        g,
    )
    # Orgs named as what describes a person ("Meta board member Charlie Songhurst", "former GitHub CEO Nat Friedman") or
    # as where money comes from ("a $2.5 billion investment from Microsoft") are not who raised it.
    tagged = pl.col("tagged")
    # ("with investments from Microsoft, OpenAI Startup Fund, NVIDIA, Jeff Bezos ...": every backer listed, one more a
    # pass; tests/pages4 r058)
    for _ in range(3):
        tagged = tagged.str.replace_all(rf"(\bfrom\s+{ORG}),\s+(?:and\s+)?(\x02)", "$1 and from $2")
    bystanders = (
        tagged
        # (a backer listed after one who is no company: "The company, backed by Jeff Bezos and Nvidia, is reportedly
        # seeking $500 million", tests/pages17 f104; or past the words between: "is backed by the Japanese conglomerate
        # along with the California chipmaker Nvidia and Microsoft", f076)
        .str.replace_all(r"\b((?:led|backed) by\s+[^,;.\x02]{1,40}?)\s+(?:and|along with|alongside|together with)\s+"
                         r"(?:[\w\-]+\s+){0,3}?(\x02)", "$1 and led by $2")
        # ("a Series B led by Tiger Global and Shopify": every backer listed)
        .str.replace_all(rf"\b((?:led|backed) by\s+{ORG})\s+and\s+", "$1 and led by ")
        # ("signing up tech giants like Tencent and Alibaba": every example listed)
        .str.replace_all(rf"\b((?:like|such as)\s+{ORG}),?\s+(?:and|or)\s+", "$1 and like ")
        # ("an investment fund of Peter Thiel, who co-founded PayPal and Palantir Technologies", tests/pages15 j047:
        # what a person founded is no company of the round)
        .str.replace_all(rf"\b((?i:co-?founded|founded)\s+{ORG}),?\s+and\s+", "$1 and founded ")
        .str.extract_all(
            rf"(?:{ORG}(?:’s|'s)?[\s\-]+(?i:co-?)?(?i:founder|board member|ceo|chief executive|cto|president|"
            r"chair\w*|executive|alum\w*|veteran)s?\b"
            rf"|\b(?:from|by|led by|backed by|via)\s+(?:{TAGGED_WORD}\s+){{0,2}}?{ORG}"
            # a backer named as what describes another: "joins Anthropic-backed Public First Action"
            rf"|{ORG}-(?i:backed|funded)\b"
            rf"|\b(?i:co-?founded|founded)\s+{ORG}"
            # "with investors including US computer chip giant Nvidia"
            rf"|\b(?i:investors|backers|participants)\s+(?i:including|included|includ|such as|like)\w*\s+"
            rf"(?:{TAGGED_WORD}\s+){{0,4}}?{ORG}"
            # a yardstick: "bringing its valuation to $965 billion and surpassing rival OpenAI"
            # (or "the biggest offering since Uber in 2019")
            r"|\b(?i:(?:arch-?)?rivals?|surpass\w*|overtak\w*|pass(?:es|ed|ing)|best(?:s|ed|ing)|beat(?:s|ing)?|outpac\w*|"
            r"than|versus|like|such as|since)\s+"
            rf"(?:{TAGGED_WORD}\s+){{0,2}}?{ORG}"
            # a name inside a quoted phrase: "to build what it calls a “Hugging Face for RL environments.”"
            rf"|[“\"][^”\"]{{0,60}}?{ORG}"
            # a name in a fronted time: "Just a couple weeks before OpenAI officially announced its raise, it was
            # reported competitor Anthropic had just started to chat with investors" (tests/pages2 p023)
            rf"|^(?:{TAGGED_WORD}\s+){{0,3}}?(?i:days?|weeks?|months?)\s+(?i:before|after)\s+[^,]{{0,60}}?{ORG})"
        )
        .list.eval(_canonical(pl.element().str.extract(ORG_NAME, 1), g.org_by_key).drop_nulls())
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
    recent = pl.col("focus_org_age") <= FOCUS_AGE
    # (the company the gazetteer does not know, introduced just before, where no company it knows is in focus but as
    # a backer or a yardstick: "Arga is one such company. The startup on Wednesday said it had raised $10 million",
    # tests/newsindex u017)
    new_in_focus = (pl.col("focus_new_org_age") <= 1) & (
        pl.col("focus_org").is_null() | pl.col("by").list.contains(pl.col("focus_org"))
    )
    fallback = pl.coalesce(
        opens,
        named,
        "new_org",
        pl.when(refers & new_in_focus).then("focus_new_org"),
        pl.when(refers & recent).then(in_focus),
    )
    per_sentence = per_sentence.with_columns(
        recipient=recipient, subject_org=subject_org, investing=_canonical(investing, g.org_by_key), by=bystanders
    ).with_columns(
        recipient=pl.coalesce("recipient", pl.when(pl.col("investing").is_not_null()).then(unknown_recipient))
    )
    # Money invested with no one named to receive it is spent, not raised: "The Secure Fund invested more than $500,000
    # across 50 projects", "Microsoft ... said it is investing $60 million to support the efforts".
    spent = (
        # ("Microsoft announced a $3 billion investment in India to expand cloud and AI infrastructure")
        pl.col("sentence").str.contains(
            r"\b(?i:invest(?:s|ed|ing)?)\s+(?:\w+\s+){0,3}?(?:us\$|\$|€|£|¥)|\b(?i:investment)\s+(?i:in|into)\b"
        )
        & pl.col("recipient").is_null()
        & ~pl.col("sentence").str.contains(r"(?i:\brais\w*|\bround\b|\bseries [a-h]\b|\bseed\b|\bstake\b)")
    )
    per_sentence = per_sentence.filter(~spent)
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
                (org_kind(pl.col("investor"), g) == "investor")
                | pl.col("recipient").is_not_null()
            )
        )
        .group_by("article_id", "sent_idx")
        .agg(investors=pl.col("investor").unique(maintain_order=True).str.join("; "))
    )
    # (a government or a country raises no round: "Last month Japan announced a 14-year growth strategy targeting ...",
    # "China just raised $7.4 billion", the holdout pool)
    per_sentence = per_sentence.join(investors, on=["article_id", "sent_idx"], how="left").filter(
        pl.col("org").is_not_null()
        # (nor a newspaper that reports one: "The Financial Times reported earlier this year that Crusoe was in talks
        # to raise roughly $500 million", tests/pages5 t089)
        & ~org_kind(pl.col("org"), g).fill_null("").is_in(["government", "media"])
        & ~pl.col("org").is_in(JURISDICTION_NAMES)
        & ~pl.col("org").str.contains(PLACE_NAME)
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


# A round is never this small: "$20/month ... which raised" is a price (holdout h1689).
SMALLEST_ROUND_USD = 100_000


def mentions(found: Found) -> pl.DataFrame:
    rounds = _funding(found.money, found.g, found.short_names)
    return rounds.filter(pl.col("amount_usd").is_null() | (pl.col("amount_usd") >= SMALLEST_ROUND_USD))
