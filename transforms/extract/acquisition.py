"""Acquisitions: a company buying another (not goods, not an attempt)."""
from __future__ import annotations

import polars as pl

from transforms import gazetteer as gaz
from transforms.extract.names import (
    ORG_NAME,
    _canonical,
    _new_name,
    _split_on,
    _subject_org,
    _with_orgs_in,
    _with_read,
    org_kind,
)
from transforms.extract.patterns import (
    BACKED_BASED,
    KIND_ONLY,
    LAST_MONTH,
    NOT_NAMES,
    PHRASE_WORD,
    TARGET_DESCRIPTOR,
    TARGET_NAME,
)
from transforms.extract.rules import Found, _frame
from transforms.extract.sentences import _blank_unless, _title_case
from transforms.normalize import MONEY_PATTERN

ACQUISITION = (
    r"\b(acquir(?:e|es|ed|ing)|acquisition of|(?:to|will|would|agree[sd]? to) buy|buys|bought|buying|"
    r"purchas(?:e|es|ed) of"
    r"|purchas(?:e|es|ed)|takes? over|takeover of|merg(?:e|es|ed|er) with"
    # "Nvidia snaps up Kumo AI", "Netflix paid $587 million for InterPositive"
    r"|snap(?:s|ped|ping)? up|scoop(?:s|ed|ing)? up"
    r"|(?:pay|pays|paid|paying)\s+(?:about\s+|roughly\s+|around\s+|nearly\s+|more than\s+)?\$[\d.,]+\s?"
    r"(?:billion|million|bn|mn|[bm])?\s+for)\b"
)
# An attempt is not a deal ("Meta tried to acquire SSI"); "his purchase of Twitter" is a person's, not a company's.
ACQUISITION_NOT = (
    r"\b(tried to|attempted to|sought to|seeking to|bid to|offer(?:ed|s)? to|(?:his|her) (?:purchase|"
    r"acquisition|takeover)"
    # a deal stopped or imagined: "China has blocked Meta's $2 billion acquisition of AI startup Manus", "Maybe Google,
    # AWS or Microsoft scoops up OpenAI"; one told as last year's: "OpenAI bought io last year", "Last May, OpenAI
    # acquired Ive's design firm LoveFrom"
    rf"|block(?:s|ed|ing)?|barred|maybe|last year|a year ago|years ago|{LAST_MONTH})\b"
)
# What is bought that is no company: chips, servers, shares, land ...
# (lower case: "ZT Systems" is a name)
GOODS = (
    r"chips?|GPUs?|servers?|processors?|accelerators?|units?|shares|stakes?|stock|assets|licen[cs]es|rights|data|"
    r"equipment|hardware"
    r"|systems|tokens|bonds|land|buildings?|properties|domains?|patents|credits|capacity|compute|ads|advertising|"
    r"subscriptions?"
    r"|services|companies|startups|firms|businesses|RAM|memory|storage|books|code"
)
REST_OF = (
    r"^\s*(?:what (?:remained|remains|was left|is left) of|the (?:rest|remainder|remaining (?:parts?|assets|"
    r"businesses|business)) of)\s+"
)
# "Google is buying all of Spirit Airlines’ data", "Google buys crashed airline Spirit's data at auction", "Google has
# acquired the data of failed US airline Spirit": a company's whole data or assets bought are the company's (the name
# ends where a lower-case word other than a preposition would go on: "US airline Spirit" is Spirit).
OWNED_END = r"(?:[.,;]|\s+(?:at|for|in|to|from|and|which|that|because|out)\b|\s*$)"
OWNED_NAME = r"([A-Z][\w.&\-]*(?:\s+[A-Z][\w.&\-]*){0,2})"
OWNED_DESCRIPTOR = r"(?:[a-z][\w\-]*\s+|[A-Z]{2,}\s+){0,3}?"
OWNED = (
    rf"^\s*(?:all\s+of\s+)?(?:the\s+)?{OWNED_DESCRIPTOR}{OWNED_NAME}(?:’s|'s|’|')\s+(?:data|datasets?|assets)\b"
    rf"|^\s*(?:all\s+of\s+)?the\s+(?:data|datasets?|assets)\s+of\s+{OWNED_DESCRIPTOR}{OWNED_NAME}{OWNED_END}"
)
# "the company agreed to sell its data to Google for $10 million", "which Google bid for and won for just $10 million":
# the price of a deal told beside it, in a sentence that names the buyer selling, bidding or paying "for" an amount.
PRICE_CUE = r"\b(?:sells?|sold|sale|bid|won|paid|pays?|paying|auction)\b"
PRICE = rf"\bfor\s+(?:just\s+|only\s+|about\s+|around\s+|roughly\s+)?{MONEY_PATTERN}$"
# "the company agreed to buy ...": the subject is the company the story is about.
COMPANY_PRONOUN = r"(?i:\b(?:it|(?:the|[a-z]+(?:’s|'s)) (?:company|firm|group|chipmaker|startup))\s+(?:\w+\s+){0,3}?$)"
# Where the clause of a verb starts, in the text before it.
CLAUSE_START = r"^.*(?:;|,\s+(?:and|but|while|whereas)\s+|\s+while\s+|\s[-–—]\s)"
# (matched on the text before the verb)
ACQUIRER_TAIL = (
    r"\s+(?:on\s+\w+\s+)?(?:(?:said|says|announced|announces|confirmed|confirms)\s+(?:that\s+)?it\s+)?"
    r"(?:has\s+|have\s+|had\s+)?(?:now\s+|also\s+)?(?:agreed\s+to\s+|will\s+|is\s+to\s+|to\s+|is\s+)?$"
)


# "U.K. chip company Graphcore has been formally acquired by Japan’s SoftBank" (tests/pages15 j017) is told as
# "Japan’s SoftBank acquired U.K. chip company Graphcore": the subject named in the passive's own clause, and the
# buyer after "by". (Not a pronoun's or a relative clause's: "it was acquired by Atlassian last year", "Windsurf, which
# was acquired by Cognition", whose acquisition is background.)
ACQUIRED_BY = (
    r"(^|[,;:]\s+|\)\s+|\s+(?:and|but|that|after|as|when|while)\s+)"
    r"((?:[\w.’'&\-]+\s+){0,4}?[A-Z][\w.&\-]*(?:\s+[A-Z][\w.&\-]*){0,3})"
    r"\s+(?:(?:has|have|had)\s+been|was|were)\s+(?:[a-z]+ly\s+)?acquired\s+by\s+(?:the\s+)?"
    # (a name's last word without the sentence's full stop)
    r"((?:[A-Z][a-z]+(?:’s|'s)\s+)?[A-Z][\w&\-]*(?:\.\w+)*(?:\s+[A-Z][\w&\-]*(?:\.\w+)*){0,3})"
)


# ("It was acquired by US investment firm Bain Capital in 2018", tests/pages16 i099: a pronoun names no company; nor
# does any other of NOT_NAMES)
NOT_ACQUIRED = [*NOT_NAMES, "Those", "Which", "Who"]


def _first_amounts(money: pl.DataFrame) -> pl.DataFrame:
    """(article_id, sent_idx, amount_usd): each sentence's first amount that is no valuation, a deal's price."""
    return (
        money.filter(~pl.col("is_valuation"))
        .group_by("article_id", "sent_idx")
        .agg(amount_usd=pl.col("amount_usd").first())
    )


def _acquisitions(sents: pl.DataFrame, money: pl.DataFrame, g: gaz.Gazetteer) -> pl.DataFrame:
    """'A acquired B': the buyer is the last company named before the verb, the target the name right after it."""
    # (a buying spree is no purchase's verb: "In the latest chapter in Meta's AI buying and hiring spree, Meta has
    # acquired AI voice cloning startup PlayAI", tests/pages12 k099)
    sents = sents.with_columns(
        _acquisition_text=pl.col("sentence").str.replace_all(
            r"(?i)\bbuying(?:\s+and\s+\w+)?\s+(?:spree|binge)", "spree"
        )
    )
    # (the passive's pattern read only in the sentences that have its words: the others are blanked for it)
    passive = _blank_unless(pl.col("low").str.contains(" acquired by ", literal=True), pl.col("_acquisition_text"))
    sents = sents.with_columns(
        _acquisition_text=pl.when(~passive.str.extract(ACQUIRED_BY, 2).is_in(NOT_ACQUIRED))
        .then(passive.str.replace(ACQUIRED_BY, "$1$3 acquired $2"))
        .otherwise("_acquisition_text")
    )
    before, after = _split_on(ACQUISITION, "_acquisition_text")
    # "its merger with Musk's xAI": the owner's name is no part of the target's
    # (a text extractor's "Ben Affleck ‘s AI startup" too)
    # ("to acquire what remained of Windsurf", "buys the rest of Acme": the company is what is left of it)
    head = (
        after.str.replace(REST_OF, " ")
        # (of up to three words: "to acquire Sir Jony Ive's startup io", tests/pages7 v025)
        .str.replace(r"^\s*[A-Z][\w.\-]*(?:\s+[A-Z][\w.\-]*){0,2}\s?[’‘']s\s+", " ")
        .str.replace(TARGET_DESCRIPTOR, " $1")
        # (where it is based is no part of the name: "Google’s purchase of UK-based DeepMind", tests/pages17 f084)
        .str.replace(r"^\s*" + BACKED_BASED, " ")
    )
    actor = ~org_kind(pl.element(), g).is_in(["government", "regulator", "media"])
    low = pl.col("low")
    # The buyer is in the verb's own clause: "... struck deals with Anthropic, Google and Cursor, and Musk's company is
    # now acquiring Cursor" is not Google's purchase. Its subject, right before the verb, may be a company the gazetteer
    # does not know ("Livestream shopping platform Whatnot has acquired AI startup Shaped").
    clause = before.str.replace(CLAUSE_START, "").str.replace(BACKED_BASED, "")
    subject = _subject_org(clause, ACQUIRER_TAIL, g)
    # (ACQUISITION_NOT reads only the sentences ACQUISITION matches: the others are blanked for it)
    bought = low.str.contains(ACQUISITION)
    rows = sents.filter(
        bought & ~_blank_unless(bought, low).str.contains(ACQUISITION_NOT) & ~pl.col("past_year") & ~pl.col("history")
    )
    if rows.is_empty():  # (polars compiles every regex of a query even for no rows)
        return _frame(rows, "acquisition")  # no rows, in the mentions' shape
    # (the org pattern's readings first: names._with_orgs_in)
    rows = _with_orgs_in(rows, g, _clause_orgs=clause)
    rows = _with_read(rows, g, lambda text, org: text.str.extract(rf"^\s*({org})", 1), org=True, _head_org=head)
    rows = (
        rows.with_columns(
            acquirer=pl.coalesce(
                subject,
                pl.col("_clause_orgs").list.filter(actor).list.last(),
                pl.when(clause.str.contains(COMPANY_PRONOUN)).then("prev_focus_org"),
                "new_org",
                pl.when(before.str.contains(COMPANY_PRONOUN)).then("prev_focus_org"),
            ),
            target=pl.coalesce(
                pl.coalesce(after.str.extract(OWNED, 1), after.str.extract(OWNED, 2)).str.strip_chars_end(",."),
                _canonical(pl.col("_head_org"), g.org_by_key),
                head.str.extract(TARGET_NAME, 1).str.strip_chars_end(",."),
            ),
            # "buying Blackwell chips", "acquired GB300-equipped servers", "bought Nvidia shares": goods, not a company
            # (in a title-case headline too: "Google Is Quietly Buying Code from Play Store Developers")
            goods=(
                head.str.contains(rf"^\s*(?:\S+(?:\s+[A-Z0-9]\S*)*\s+)?(?:{GOODS})\b")
                # (goods bought from a seller the descriptor pattern would pass over: "buying books from one company
                # called Better World Books", holdout h1486)
                | after.str.contains(rf"^\s*(?:\S+\s+){{0,2}}?(?:{GOODS})\s+from\b")
                | (_title_case(pl.col("sentence")) & head.str.contains(rf"^\s*(?i:{GOODS})\b"))
            ) & ~after.str.contains(OWNED),
        )
        .drop("_clause_orgs", "_head_org")
        .filter(~pl.col("goods"))
    )
    first_money = _first_amounts(money)
    prices = (
        money.filter(pl.col("ctx").str.contains(PRICE) & pl.col("low").str.contains(PRICE_CUE))
        .sort("sent_idx")
        .explode("orgs")
        .group_by("article_id", "orgs")
        .agg(price=pl.col("amount_usd").first())
        .rename({"orgs": "acquirer"})
    )
    rows = (
        rows.join(first_money, on=["article_id", "sent_idx"], how="left")
        .join(prices, on=["article_id", "acquirer"], how="left")
        .with_columns(amount_usd=pl.coalesce("amount_usd", "price"))
        .drop("price")
    )
    rows = rows.filter(
        pl.col("acquirer").is_not_null()
        & pl.col("target").is_not_null()
        & (pl.col("acquirer") != pl.col("target"))
        & ~pl.col("target").is_in(NOT_NAMES)
        & (pl.col("target") != "AI")  # ("the acquisition of Ben Affleck’s AI startup")
        # (a capital "The" inside a sentence starts a name: "agreed to acquire The Browser Company", tests/pages6 u007)
        & ~pl.when(~pl.col("sentence").str.starts_with(pl.col("target")) & ~_title_case(pl.col("sentence")))
        .then(pl.col("target").str.replace(r"^The\s+", ""))
        .otherwise(pl.col("target"))
        .str.contains(PHRASE_WORD)
        # ("Netflix Paid $587M for Ben Affleck's AI Company": a title-case headline's kind word is no name)
        & ~pl.col("target").str.contains(KIND_ONLY)
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


# A unit sold to a buyer is the buyer's acquisition of it: "ABB has announced the signing of an agreement to sell its
# robotics division to SoftBank Group for an enterprise value of $5.4 billion" (tests/pages9 x104) is SoftBank's
# purchase of ABB Robotics. (The seller may be a company the gazetteer does not know, as the subject of a verb: "Swiss
# engineering major ABB announced on Wednesday it will divest its robotics division to Japan's SoftBank Group", x105.)
SOLD = r"(?:sell|sells|sold|selling|divest|divests|divested|divesting|offload|offloads|offloaded)"
UNIT = r"(?:division|unit|business|arm|subsidiary|operations)"
UNIT_SOLD = (
    rf"(?:{ORG_NAME}|\b([A-Z][\w&.\-]*(?: [A-Z][\w&.\-]*){{0,2}})\s+(?:has\s+|have\s+)?(?:announced|said|agreed|to"
    rf"|will|plans|is|{SOLD})\b)[^;]{{0,80}}?\b{SOLD}\s+(?:its\s+|their\s+)?((?:[a-z][\w\-]*\s+){{1,2}}?)"
    rf"{UNIT}\s+to\s+(?:[A-Z][a-z]+(?:’s|'s)\s+)?{ORG_NAME}"
)


def _units_sold(sents: pl.DataFrame, money: pl.DataFrame, g: gaz.Gazetteer) -> pl.DataFrame:
    rows = sents.filter(
        pl.col("low").str.contains(rf"\b{SOLD}\s+(?:its\s+|their\s+)?(?:[a-z][\w\-]*\s+){{1,2}}?{UNIT}\s+to\s")
    )
    if rows.is_empty():  # (polars compiles every regex of a query even for no rows)
        return _frame(rows, "acquisition")
    sold = pl.col("tagged").str.extract_groups(UNIT_SOLD)
    rows = rows.with_columns(
        # (the seller may be a company the gazetteer does not know, as the sentence's subject)
        seller=pl.coalesce(_canonical(sold.struct.field("1"), g.org_by_key), _new_name(sold.struct.field("2"), g)),
        unit=sold.struct.field("3").str.strip_chars().str.to_titlecase(),
        buyer=_canonical(sold.struct.field("4"), g.org_by_key),
    ).filter(pl.col("seller").is_not_null() & pl.col("buyer").is_not_null() & (pl.col("seller") != pl.col("buyer")))
    rows = rows.join(_first_amounts(money), on=["article_id", "sent_idx"], how="left")
    return _frame(rows, "acquisition", org=pl.col("buyer"), target=pl.concat_str("seller", pl.lit(" "), "unit"),
                  amount_usd=pl.col("amount_usd"), confidence=pl.lit(0.75))


def mentions(found: Found) -> pl.DataFrame:
    return pl.concat([_acquisitions(found.sents, found.money, found.g), _units_sold(found.sents, found.money, found.g)],
                     how="vertical_relaxed")
