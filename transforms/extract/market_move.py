"""Market moves: a company's shares or market value rising or falling, one sentence or a list."""
from __future__ import annotations

import polars as pl

from transforms import gazetteer as gaz
from transforms.extract.names import (
    ORG_NAME,
    _built,
    _canonical,
    _gazetteer_select,
    _let,
    _new_name,
    _tagged_orgs,
    org_kind,
)
from transforms.extract.patterns import PLACE_NAME
from transforms.extract.rules import MENTION_SCHEMA, Found, _frame
from transforms.extract.sentences import _blank_unless
from transforms.normalize import MONEY_PATTERN, PCT_FIGURE, PCT_PATTERN, money_to_usd, pct_value

# ("shares", not "share": "mind share", "market share", "the share of visits" are no stock)
MARKET = (
    r"\b(stocks?|shares|market (?:value|cap[a-z]*)|stock price|share (?:price|prices|index|indices)|(?:a|per) share"
    r"|(?:premarket|pre-market|after-hours|intraday) trading|valuation"
    # (a move told in a session: "AMD fell 2% while Intel dropped 4% in morning trading Monday", tests/pages8 w056)
    r"|(?:in|during) (?:[\w\-]+ ){0,2}trading"
    # (or in a listing's first day: "MiniMax Group jumped 50 percent in its Hong Kong market debut", tests/pages11
    # z093)
    r"|in (?:its|their|the company[’']s) (?:[\w\-]+ ){0,3}debut|on (?:its|their) (?:first day of trading|debut)"
    # (a close told with its figure: "Zhipu AI ... opened 3.3% higher than its offer price of HK$116.20 apiece and
    # ended 13.2% higher at HK$131.50", tests/pages11 z092)
    r"|(?:closed|ended|finished|opened)\s+[\d.]+\s?(?:%|per ?cent)\s+(?:higher|lower))\b"
    # (an exchange's ticker followed by a figure: "TSMC (TW:2330) rose as much as 3% during the session", tests/pages4
    # r014; not a company named by its ticker, "a couple thousand Nvidia (NASDAQ: NVDA) graphics processing units")
    r"|\((?:nasdaq|nyse|nyse american|otc|tsx|lse|asx|hkex|hkg|sse|szse|tse|tyo|twse|tw|krx|kosdaq|sgx|nse|bse|etr"
    r"|xetra|epa|ams|bit)\s?:\s?[a-z0-9.]+\)\s+(?:[a-z]+\s+){1,4}\d"
)
# Stock sold or granted is no market: "Amazon sold $25 billion in bonds ..., even as weaker bond demand and rising
# insider stock sales signal investor caution".
STOCK_DEALT = r"\bstock (?:sales?|offerings?|buybacks?|options?|awards?|grants?|compensation|splits?|picks?)\b"
# "Newsmax up 7% in premarket trading"
PCT_IN_TRADING = (
    r"(?:about\s+|nearly\s+|almost\s+|more than\s+)?\d[\d.]*\s?(?:%|per ?cent)\s+in\s+(?:[\w\-]+\s+)?trading"
)
LEVEL_REACHED = r"reach\w*|hit|hits|hitting|tops|topped|topping|cross\w*|surpass\w*|achiev\w*"
MARKET_VALUE = r"market\s+(?:value|valuation|capitali[sz]ation|cap)\b"
# (told by its sum: not "surpassing OpenAI in market valuation", realset r041, a private company's)
MARKET_VALUE_REACHED = (
    rf"\b(?:{LEVEL_REACHED})\s+(?:a\s+|the\s+)?(?:\$[\d.,]+\s*(?:trillion|billion|tn|bn)\s+{MARKET_VALUE}"
    rf"|{MARKET_VALUE}\s+of\s+(?:about\s+|over\s+|more than\s+|nearly\s+)?\$)"
)
MARKET_DOWN = (
    r"\b((?:are|is|were|was|closed|ended|finished|trading|traded|opened)\s+(?:[\w.%]+\s+)?(?:down|lower)|fell|"
    r"fall(?:s|ing)?|drop[a-z]*|plung[a-z]*|plummet[a-z]*|tumbl[a-z]*|sank|sink[a-z]*|slid[a-z]*|"
    r"slump[a-z]*|slipp?(?:ed|ing|s)|los[st]|loss|eras[a-z]*|wip[a-z]* out|shed[a-z]*|declin[a-z]*|"
    rf"(?:stock|shares)\s+down|down\s+{PCT_IN_TRADING})\b"
)
MARKET_UP = (
    r"\b((?:are|is|were|was|closed|ended|finished|trading|traded|opened)\s+(?:[\w.%]+\s+)?(?:up|higher)|rose|"
    # ("On Feb. 15, SoundHound AI stock rocketed 67% higher", tests/pages5 t103)
    # (the verb only: not "the rocket company", "space rockets", holdout h829, h070)
    r"ris(?:e|es|ing)|jump[a-z]*|surg[a-z]*|soar[a-z]*|skyrocket[a-z]*|rocket(?:ed|ing)|gain[a-z]*|climb[a-z]*|"
    r"rall[a-z]*|add(?:s|ed|ing)|"
    # ("The dramatic more-than 25% leap in Advanced Micro Devices' (AMD) share price", tests/pages2 p050)
    r"leap(?:s|t|ed|ing)?|"
    # "enough to send Amazon's stock up nearly 10% in after-hours trading"
    rf"(?:stock|shares)\s+up|up\s+{PCT_IN_TRADING}"
    # a market value reached ("became the first company to reach a $5 trillion market valuation", "to achieve a market
    # capitalisation of $5 trillion", tests/pages13 m037, m040; a market's: not a private round's valuation)
    rf"|{MARKET_VALUE_REACHED})"
)

# "The 'Magnificent Seven' plus Broadcom and Oracle have lost roughly $2.7 trillion in market value": a group's total
# is no one company's move.
GROUP_MOVE = r"\b(?:combined|collectively|together|magnificent seven|mag(?:nificent)? 7|megacaps?|hyperscalers|plus)\b"
# "giving 5% of the company's equity to a fund", "a 10% stake": a part of something, not a move.
STAKE = rf"{PCT_PATTERN}\s+(?:of|stake)\b"


def _group_subject(low: pl.Expr) -> pl.Expr:
    """Whether a group moves (GROUP_MOVE told before the move: not "Apple stock has jumped 24% ..., outperforming the
    other six of the 'Magnificent Seven'")."""
    return low.str.extract(rf"^(.*?)(?:{MARKET_DOWN}|{MARKET_UP})", 1).str.contains(GROUP_MOVE).fill_null(False)


def _sign(low: pl.Expr) -> pl.Expr:
    """-1 for a fall, 1 for a rise: the direction told last before the figure ("Even after declines Wednesday, SoftBank
    Group's stock has also surged this year and was last up about 45.5%" rose), else any fall told."""
    last_direction = (
        low.str.extract(rf"^(.*?){PCT_PATTERN}", 1).str.extract(rf"^.*((?:{MARKET_DOWN})|(?:{MARKET_UP}))", 1)
    )
    return (
        pl.when(last_direction.is_not_null())
        .then(pl.when(last_direction.str.contains(MARKET_DOWN)).then(-1.0).otherwise(1.0))
        .when(low.str.contains(MARKET_DOWN))
        .then(-1.0)
        .otherwise(1.0)
    )


# A clause after a move's figure that tells its cause or another company's move (cut before the owner is read).
AFTER_THE_FIGURE = (
    rf"^(.*?{PCT_PATTERN}[^;]*?)\s(?:following|after|amid|on news|because|while|whereas|despite)\b.*$"
)
DECLINED = (
    r"\bdeclin(?:e|es|ed|ing) to (?:comment|say|discuss|disclose|name|elaborate|specify|provide|confirm|answer"
    r"|respond)\b"
    r"|\bto decline(?:[.,;:]|$|\s+(?:an?|the|their|its|his|her|our|offers?|comment|to)\b)"
)
NOT_MOVERS = ["media", "government", "regulator"]  # (kinds of org whose shares do not trade)
# A listed company the gazetteer does not know, named with its shares: "Core Scientific shares fell 20%", "shares of
# Confluent jumped 29%" (tests/pages5 t093, tests/pages7 v083); read where no known company owns the move.
UNKNOWN_NAME = r"([A-Z][\w&.\-]*(?: [A-Z][\w&.\-]*){0,3})"
UNKNOWN_OWNERS = [
    rf"(?:^|[^\w’'])(?:[a-z]+\s)?{UNKNOWN_NAME}(?:’s|'s)?\s+(?:stock|shares|share price)\b",
    rf"\b(?i:shares|stock) (?:of|in) {UNKNOWN_NAME}",
]
# ... not a market's, a region's or a class's: "Asian shares fell", "Class A shares", "Nasdaq stocks".
NOT_OWNERS = (
    r"^(?:Asian|European|American|Chinese|Japanese|Korean|Indian|Global|World|Tech|Technology|Chip|Bank|Banking|Energy"
    r"|Software|AI|Nasdaq|Dow|Dow Jones|S&P|FTSE|Nikkei|Hang Seng|Stoxx|DAX|Class [A-Z]|Series [A-Z]|Big Tech"
    r"|Wall Street|Magnificent Seven|Meanwhile|However|But|And|Its|Their|The|Our|His|Her"
    r"|Shanghai|Shenzhen|Hong Kong|Tokyo|Seoul|London|Frankfurt|Paris|Mumbai|Taipei|Singapore|Sydney|Toronto|New York)$"
    # ("Hong Kong-listed shares", "U.S.-traded stock")
    r"|-[a-z]+$"
)


def _market_moves(sents: pl.DataFrame, money: pl.DataFrame, g: gaz.Gazetteer) -> pl.DataFrame:
    low = pl.col("low")
    # The org is a company the gazetteer knows (org_hits): only those sentences are read.
    # (filters in turn: each pattern runs only on the rows the one before kept)
    unknown_owner = pl.coalesce(pl.col("sentence").str.extract(pattern, 1) for pattern in UNKNOWN_OWNERS)
    rows = sents.filter(
        _blank_unless(
            (pl.col("org_hits").list.len() > 0) | pl.col("low").str.contains(r"\b(?:shares|stock)\b"), low
        ).str.replace_all(STOCK_DEALT, " ").str.contains(MARKET)
    ).filter(
        # (declining to do something is no fall: "declined to comment", "offers easier to decline")
        low.str.replace_all(DECLINED, " ").str.contains(MARKET_DOWN) | low.str.contains(MARKET_UP)
    ).filter(
        ~_group_subject(low)
        # (two lists paired "respectively" are read by _respective_moves: "Goldman Sachs and Morgan Stanley stock fell
        # as much as 4.9% and 4.2%, respectively" moves Morgan Stanley by 4.2%, not by the first figure)
        & ~_blank_unless(low.str.contains("respectively", literal=True), pl.col("sentence")).str.contains(RESPECTIVELY)
    )
    # "lifted its market value to nearly $2 trillion", "its valuation ... jumping from $380 billion in February to
    # $965 billion in May": a level, the one reached or the one left, not the change.
    # ("is up from an already massive $380 billion")
    # ("raced past $200", "dipped below a $5 trillion valuation": a level passed)
    # ("added close to $1 trillion in value": an amount told as about, not a level)
    level = (
        pl.col("ctx")
        .str.replace(r"\bclose to\s+", "about ")
        .str.contains(rf"\b(?:to|of|at|from|past|above|below|{LEVEL_REACHED})\s+(?:[a-z]+\s+){{0,3}}{MONEY_PATTERN}$")
    )
    # "wiping out billions of dollars of value ...; and raised $30 billion": money raised is a round, not the move.
    # ("raising more than $400 million in October and gaining a valuation of over $2 billion", tests/pages4 r012)
    raised = pl.col("ctx").str.contains(
        rf"\b(?:rais(?:e|es|ed|ing)|secur(?:e|es|ed|ing))\s+(?:[a-z]+\s+){{0,3}}{MONEY_PATTERN}$"
    )
    # "renting capacity ... for $920 million a month": a price or a rate, not what the market moved.
    price = pl.col("ctx").str.contains(rf"\bfor\s+(?:[a-z]+\s+){{0,2}}{MONEY_PATTERN}$")
    rate = pl.col("follows").str.contains(r"^\s*(?:a|an|per|each)\s+(?:month|year|week|day|quarter|share)\b")
    # "well below their $135 IPO price and less than half their $225.64 peak": a share's price, not the move.
    price_point = pl.col("follows").str.contains(r"^\s*(?:[\w\-]+\s+)?(?:price|peak|high|low)\b")
    first_money = (
        money.filter(~level & ~price & ~rate & ~raised & ~price_point)
        .group_by("article_id", "sent_idx")
        .agg(amount=pl.col("amount_usd").first())
    )
    sign = _sign(low)
    # (no publisher, nor a government: "The Trump administration took a 10% stake in Intel, sending its shares up 7%")
    not_mover = org_kind(pl.element(), g).is_in(NOT_MOVERS)
    # The owner told in the clause of the figure, else in the sentence: "Only Alphabet’s stock has outperformed the S&P
    # 500 Index this year, and shares of Microsoft and Oracle have dropped more than 20%" (holdout h625).
    # (a column: the owner reads it three times)
    figure_clause = pl.col("_figure_clause")
    owner = _canonical(
        pl.coalesce(
            *(
                text.str.extract(pattern, 1)
                for text in (figure_clause, pl.col("tagged"))
                for pattern in (
                    rf"{ORG_NAME}(?:’s|'s)?\s+(?:stock|shares|market|share price)",
                    rf"(?i:shares|stock) (?:of|in) {ORG_NAME}",
                )
            ),
            # ("After Broadcom's outlook disappointed and a hot jobs report stoked rate fears, Nvidia fell about 6%")
            figure_clause.str.extract(ORG_NAME, 1),
        ),
        g.org_by_key,
    )
    owner = pl.when(~org_kind(owner, g).is_in(NOT_MOVERS).fill_null(False)).then(owner)
    if rows.is_empty():  # (polars compiles every regex of a query even for no rows)
        return pl.concat([_listed_moves(sents, g), _referred_moves(sents)], how="vertical_relaxed")
    rows = (
        rows.join(first_money, on=["article_id", "sent_idx"], how="left")
        .with_columns(_figure_clause=pl.col("tagged").str.extract(rf"([^,;]*?){PCT_PATTERN}", 1))
        .with_columns(
            pct=pct_value(pl.col("sentence").str.replace_all(STAKE, " ")),
            # ("Shares of the social media giant climbed ... following a report from the New York Times": the
            # reporter is not the company moving)
            # (nor a company named after shares that a reference owns, the cause of the move more often than not: "The
            # chipmaker's shares jumped by over 30% after announcing a multi-year supply agreement with OpenAI", tests/
            # pages2 p050, "The software maker's shares fell 5% after Anthropic released new Claude plugins")
            org=pl.coalesce(
                owner,
                _let(unknown_owner.str.replace(r"^(?:[A-Z][a-z]+day|Shares|Stock)\s+", ""), lambda name: pl.when(
                    ~name.str.contains(NOT_OWNERS) & ~name.str.contains(PLACE_NAME)
                ).then(_new_name(name, g))),
                # (not one named in a clause after the figure that gives the cause or another move: "SoundHound AI
                # stock rocketed 67% higher following news that ... Nvidia had disclosed a stake", tests/pages5 t103)
                pl.when(~pl.col("sentence").str.contains(REFERRING_OWNER))
                .then(_tagged_orgs(pl.col("tagged").str.replace(AFTER_THE_FIGURE, "$1"), g)
                      .list.filter(~not_mover).list.first()),
            ),
        )
        .drop("_figure_clause")
        # (a market value reached is told by its level, no change: the move has no figure)
        .filter(
            (pl.col("amount").is_not_null() | pl.col("pct").is_not_null() | low.str.contains(MARKET_VALUE_REACHED))
            & pl.col("org").is_not_null()
        )
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
            _referred_moves(sents),
        ],
        how="vertical_relaxed",
    )


# A move told in a participle, down or up ("with SK Hynix and Samsung Electronics falling by more than 10%").
FALLING = "falling|dropping|sliding|tumbling|sinking|plunging"
RISING = "rising|jumping|climbing|surging|soaring|gaining"
# "Intel dropped nearly 6% and AMD lost 8%", "Samsung and SK Hynix fell 12% apiece": in a market story each company
# named right before a move verb and its figure moved by that figure.
MOVE_DOWN_VERBS = (
    r"fell|falls|dropped|drops|lost|loses|sank|sinks|slid|slides|slipped|slips|shed|sheds|tumbled|plunged|plummeted|"
    r"slumped"
    r"|declined|(?:was|were|closed|ended|traded)\s+(?:\w+\s+)?(?:down|off|lower)"
    # "with SK Hynix and Samsung Electronics falling by more than 10%", "... and Seagate Technology all down by more
    # than 4%"
    rf"|{FALLING}|(?:all|both|each)\s+down"
)
MOVE_UP_VERBS = (
    r"rose|rises|jumped|jumps|gained|gains|surged|surges|soared|soars|climbed|climbs|rallied|rallies|"
    r"added|adds|skyrocketed|skyrockets|rocketed"
    r"|(?:was|were|closed|ended|traded)\s+(?:\w+\s+)?(?:up|higher)"
    rf"|{RISING}|(?:all|both|each)\s+up"
)
# In a market story's list, the present tense too ("Since March 30, Dell is up nearly 150%, while Snowflake is up over
# 60%"); not where a sentence refers to its company ("The company's shares are down 33 percent" after a company the
# gazetteer does not know: the one in focus is not it).
LISTED_DOWN_VERBS = rf"{MOVE_DOWN_VERBS}|(?:is|are)\s+(?:\w+\s+)?(?:down|lower)"
LISTED_UP_VERBS = rf"{MOVE_UP_VERBS}|(?:is|are)\s+(?:\w+\s+)?(?:up|higher)"
MOVE_HEDGE = (
    r"(?:by\s+)?(?:(?:more than|nearly|almost|about|around|roughly|approximately|over|some|as much as|close to|"
    r"just under|just over)\s+|~\s?)?"
)
# A market wrap's list told in signed figures: "Nvidia fell ~6% (>$300B), Micron -13% (>$150B), AMD ~-11%" (tests/
# searchpages s029): each item is read as its move ("Micron fell 13%").
SIGNED_FALL = r"(\s)~?\s?[-−–]\s?(\d+(?:\.\d+)?\s?%)"
SIGNED_RISE = r"(\s)~?\s?\+\s?(\d+(?:\.\d+)?\s?%)"
# The figure told after the move's occasion, in a participle ("CoreWeave and Nebius Group both plunged following the
# Meta news, sinking about 12% each", holdout h886).
MOVE_BRIDGE = (
    rf"(?:[^.;%$\d]{{1,60}}?,\s+(?:{FALLING}|losing|shedding|{RISING}|adding)\s+)?"
)
# A company's own accounts ("OpenAI lost $5 billion", "revenue rose 50%") are no market move.
ACCOUNTS = r"\b(revenue|sales|profit|earnings|income|loss(?:es)?|users|subscribers|customers|margin|spending|costs?)\b"


def _signed_moves(rows: pl.DataFrame, org: pl.Expr, pct: pl.Expr, amount_usd: pl.Expr, sign: pl.Expr) -> pl.DataFrame:
    """Market moves of `rows`: the percentage when the figure is one, else the amount of money, with the move's sign."""
    return _frame(rows, "market_move", org=org, pct=pct * sign,
                  amount_usd=pl.when(pct.is_null()).then(amount_usd * sign), confidence=pl.lit(0.7))


# (money put in, told with its amount: "Google invested up to $40 billion back into Anthropic")
INVESTED = (
    r"\b(?:invest(?:s|ed|ing)?|committ(?:ed|ing)|commits?|pour(?:s|ed)?|put)\s+(?:up to\s+|about\s+|roughly\s+|"
    rf"another\s+|an additional\s+)?{MONEY_PATTERN}"
)


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
    # ("Advanced Micro Devices (AMD) lost nearly 11%, while Marvell Technology dropped approximately 17%", "Intel,
    # however, tumbled nearly 9%": tests/searchpages s030, s028)
    move = (
        rf"(?P<names>{names})(?:\s+\([A-Z]{{2,6}}\))?(?:,\s+(?:however|meanwhile|though|too|in turn),)?"
        # ("Other stocks on the move included Dell Technologies which skyrocketed 32%", tests/pages2 p053; not
        # "Backlog at Oracle, which rose 359%", set off by a comma)
        r"(?:’s|'s)?(?:\s+(?:shares|stock|stocks))?(?:\s+which)?(?:\s+(?:also|both|all|each|have|has|had))*"
        # (a participle after the company's plight: "Broadcom Corp. was hammered last week, falling 31 percent", tests/
        # pages14 n036)
        r"(?:\s+(?:was|were)\s+[a-z]+(?:\s+[a-z]+){0,3},)?\s+"
        rf"(?P<verb>{LISTED_DOWN_VERBS}|{LISTED_UP_VERBS})\s+{MOVE_BRIDGE}{MOVE_HEDGE}(?P<figure>{PCT_PATTERN}|"
        rf"{MONEY_PATTERN})(?P<shared>\s+(?:each|apiece))?"
    )
    told = sents.join(stories, on="article_id", how="semi").filter(pl.col("org_hits").list.len() > 0)
    rows = told.filter(
        low.str.contains(
            rf"\b(?:{LISTED_DOWN_VERBS}|"
            rf"{LISTED_UP_VERBS})\b"
        )
    ).filter(~_group_subject(low))
    # (told as a verb or as a noun: "which saw decreases of 3.4% and 3.7%, respectively")
    respective = told.filter(low.str.contains("respectively", literal=True)).filter(
        ~_group_subject(low) & ~low.str.contains(ACCOUNTS)
    )
    paired = pl.concat([_respective_moves(respective, g), _noun_moves(told, g)], how="vertical_relaxed")
    # (`move`, 1.5k characters, is read in the gazetteer's threads, where it stays compiled: names._gazetteer_select)
    texts = rows.select(
        pl.col("sentence").str.replace_all(RESPECTIVELY, " ").str.replace_all(SIGNED_FALL, "${1}fell ${2}")
        .str.replace_all(SIGNED_RISE, "${1}rose ${2}")
    )
    # The company's own accounts are read in the move and the words right before and after it ("revenue at Nvidia rose
    # 94%", "OpenAI lost $5 billion on revenue of ..."), not in another clause: "Intel dropped nearly 9% after Reuters
    # reported CEO Pat Gelsinger ... are expected to ... revamp capital spending" (tests/searchpages s032) is a move.
    # (where the move starts, in characters)
    at = pl.col("sentence").str.split(pl.col("m")).list.first().str.len_chars().cast(pl.Int64)
    rows = (
        rows.with_columns(m=_gazetteer_select(texts, pl.col("sentence").str.extract_all(move)))
        .explode("m")
        .drop_nulls("m")
        .filter(~pl.col("sentence").str.slice((at - 30).clip(lower_bound=0), pl.col("m").str.len_chars() + 70)
                .str.to_lowercase().str.contains(ACCOUNTS).fill_null(False))
        .pipe(lambda df: df.with_columns(parts=_gazetteer_select(
            df.select("m"), _built("listed_moves", lambda: pl.col("m").str.extract_groups(move), g))))
    )
    if rows.is_empty():
        return paired
    parts = pl.col("parts")
    rows = rows.with_columns(
        names=parts.struct.field("names")
        .str.replace_all(r",\s*|,?\s+and\s+(?:its\s+\w+\s+)?", "\x1e")
        .str.split("\x1e")
        # (a name with its legal form, as wire copy writes it: "Broadcom Corp.", tests/pages14 n036)
        .list.eval(pl.coalesce(
            _canonical(pl.element().str.strip_chars(), g.org_by_key),
            _canonical(pl.element().str.strip_chars().str.replace(LEGAL_FORM, ""), g.org_by_key),
        )),
        shared=parts.struct.field("shared").is_not_null() | pl.col("m").str.contains(r"\s(?:both|all)\s"),
        sign=pl.when(parts.struct.field("verb").str.contains(rf"^(?:{LISTED_DOWN_VERBS})$"))
        .then(-1.0)
        .otherwise(1.0),
        pct=pct_value(parts.struct.field("figure")),
        amount=_built("money_to_usd_figure", lambda: money_to_usd(pl.col("parts").struct.field("figure"))),
    )
    # Money "added" beside money invested is an investment, no move in value: "Google invested up to $40 billion back
    # into Anthropic; Amazon added $25 billion" (unless told as value: "added $1 trillion in market value").
    invested = pl.col("pct").is_null() & pl.col("low").str.contains(INVESTED) & ~pl.col("sentence").str.contains(
        rf"{MONEY_PATTERN}\s+(?:in|of)\s+(?:market\s+)?(?:value|valuation|capitali[sz]ation|cap)\b"
    )
    rows = rows.filter(~invested)
    # A list shares the figure only when the text says so ("apiece", "both"); else the figure is the last name's.
    rows = (
        rows.with_columns(names=pl.when(pl.col("shared")).then("names").otherwise(pl.col("names").list.slice(-1, 1)))
        .explode("names")
        .drop_nulls("names")
        # (no publisher's nor government's, as in _market_moves: "while the Dow Jones fell 0.48%" is the index, tests/
        # pages4 r074)
        .filter(~org_kind(pl.col("names"), g).is_in(NOT_MOVERS).fill_null(False))
    )
    listed = _signed_moves(rows, pl.col("names"), pl.col("pct"), pl.col("amount"), pl.col("sign"))
    return pl.concat([listed, paired], how="vertical_relaxed")


NAME = r"[A-Z][\w&.\-]*(?:\s+[A-Z][\w&.\-]*)*"
LEGAL_FORM = r",?\s+(?:Corp\.?|Corporation|Inc\.?|Ltd\.?|PLC|plc|Co\.|Holdings)$"
# (no capturing group: the patterns below are read by group number)
FIGURE = rf"{MOVE_HEDGE}(?:{PCT_FIGURE}|{MONEY_PATTERN})"
MOVE_VERB = rf"(?:{MOVE_DOWN_VERBS}|{MOVE_UP_VERBS})"
# "SK Hynix, Samsung Electronics and Micron — all key players in the memory space — lost $176 billion, $173 billion
# and $113 billion, respectively": the n-th company moved by the n-th figure.
# ("tech giants like Microsoft and Tesla, which saw decreases of 3.4% and 3.7%, respectively", tests/searchpages s084:
# the move told as a noun)
MOVE_DOWN_NOUNS = r"decreases?|declines?|drops?|falls?|losses?"
MOVE_NOUN = rf"saw\s+(?:{MOVE_DOWN_NOUNS}|increases?|gains?|rises?|jumps?)\s+of"
RESPECTIVELY = (
    rf"({NAME}(?:(?:,\s*|,?\s+and\s+){NAME}){{1,5}})[^.;]{{0,80}}?\s({MOVE_VERB}|{MOVE_NOUN})\s+"
    rf"({FIGURE}(?:(?:,\s*|,?\s+and\s+){FIGURE}){{1,5}}),?\s+respectively"
)
def _respective_moves(rows: pl.DataFrame, g: gaz.Gazetteer) -> pl.DataFrame:
    """Companies and figures told in two lists ("respectively")."""
    sentence = pl.col("sentence")
    rows = rows.filter(pl.col("low").str.contains("respectively", literal=True))
    if rows.is_empty():  # (polars compiles every regex of a query even for no rows)
        return pl.DataFrame(schema={**MENTION_SCHEMA, "sent_idx": pl.Int64})
    rows = rows.with_columns(
        names=sentence.str.extract(RESPECTIVELY, 1).str.replace_all(r",\s*|,?\s+and\s+", "\x1e").str.split("\x1e"),
        verb=sentence.str.extract(RESPECTIVELY, 2),
        figures=sentence.str.extract(RESPECTIVELY, 3).str.extract_all(FIGURE),
    )
    # (a noun tells a move of what follows it, where something does: "saw increases of 20% and 39%, respectively, in
    # their cloud businesses" are no share moves)
    # (not where that is trading: "saw gains of 3% and 5%, respectively, in after-hours trading")
    told_of = (
        pl.col("verb").str.starts_with("saw")
        & pl.col("sentence").str.contains(r"respectively,?\s+(?:in|of|for|across)\s")
        & ~pl.col("sentence").str.contains(r"respectively,?\s+in\s+(?:[\w\-]+\s+)?trading\b")
    )
    rows = rows.filter(~told_of)
    both = rows.filter(pl.col("names").list.len() == pl.col("figures").list.len()).explode("names", "figures")
    both = both.with_columns(org=_canonical(pl.col("names").str.strip_chars(), g.org_by_key)).drop_nulls("org")
    down = pl.col("verb").str.contains(rf"^(?:{MOVE_DOWN_VERBS}|saw\s+(?:{MOVE_DOWN_NOUNS})\s+of)$")
    sign = pl.when(down).then(-1.0).otherwise(1.0)
    pct = pct_value(pl.col("figures"))
    return _signed_moves(both, pl.col("org"), pct, money_to_usd(pl.col("figures").str.replace(MOVE_HEDGE, "")), sign)


# "The selloff was led by Nvidia, which saw a $238 billion rout since market close on Friday": a move told as a noun.
NOUN_MOVE = (
    rf"({NAME})(?:’s|'s)?,?(?:\s+which)?\s+(?:saw|suffered|posted|recorded|had)\s+(?:a|an)\s+({FIGURE})\s+"
    r"(?:(?:one|single)-day\s+)?(rout|drop|decline|fall|slide|plunge|loss|selloff|sell-off|wipeout|gain|jump|rally|surge)\b"
)


def _noun_moves(rows: pl.DataFrame, g: gaz.Gazetteer) -> pl.DataFrame:
    sentence = pl.col("sentence")
    rows = rows.filter(pl.col("low").str.contains(r"\b(?:saw|suffered|posted|recorded|had) an? \S+"))
    if rows.is_empty():  # (polars compiles every regex of a query even for no rows)
        return pl.DataFrame(schema={**MENTION_SCHEMA, "sent_idx": pl.Int64})
    rows = rows.with_columns(
        org=_canonical(sentence.str.extract(NOUN_MOVE, 1), g.org_by_key),
        figure=sentence.str.extract(NOUN_MOVE, 2),
        sign=pl.when(sentence.str.extract(NOUN_MOVE, 3).str.contains("gain|jump|rally|surge"))
        .then(1.0)
        .otherwise(-1.0),
    ).drop_nulls("org")
    pct = pct_value(pl.col("figure"))
    return _signed_moves(rows, pl.col("org"), pct, money_to_usd(pl.col("figure").str.replace(MOVE_HEDGE, "")),
                         pl.col("sign"))


# "Its stock fell 9% on Wednesday morning", "The stock was down 24% in extended trading": a sentence that opens on the
# shares of the company in focus (the one the article last named) moves them by its figure.
# (after an opening conjunction: "But the company's stock fell 4% in after hours trading", holdout h669)
LEAD_CONJUNCTION = r"(?i:(?:but|and|yet|still|meanwhile|however),?\s+)?"
REFERRED_MOVE = (
    r"^" + LEAD_CONJUNCTION
    # ("The Amsterdam-listed company's shares surged approximately 33%", tests/pages5 t056)
    + r"(?i:(?:its|the (?:[\w\-]+ ){0,2}?company(?:’s|'s)|the)\s+(?:stock|shares|share price)|shares (?:of|in) the "
    # ("Shares of the AI software company climbed 9% on Wednesday")
    r"(?:[a-z\-]+ ){0,3}?(?:company|firm|giant|maker|chipmaker|startup|group|provider|developer)"
    # (bare, as news tells the company's move in its next sentence: "Shares fell almost 17% across four sessions",
    # tests/pages7 v091; not "Shares of Nvidia fell", whose owner is named)
    r"|shares)"
    rf"(?:\s+(?:also|have|has|had))*\s+(?:{MOVE_DOWN_VERBS}|{MOVE_UP_VERBS})\s+{MOVE_HEDGE}(?:{PCT_PATTERN}|"
    rf"{MONEY_PATTERN})"
)

# "The stock's 7.5% after-hours drop mostly wiped out its gains": the move told as a noun of the shares in focus.
REFERRED_NOUN_MOVE = (
    r"^" + LEAD_CONJUNCTION + r"(?i:(?:its|the company(?:’s|'s)|the)\s+(?:stock|shares|share price))(?:’s|'s|’|')\s+"
    rf"{MOVE_HEDGE}(?:{PCT_PATTERN}|{MONEY_PATTERN})\s+(?:[\w\-]+\s+)?"
    r"(?:drop|fall|decline|slide|plunge|slump|selloff|sell-off|gain|jump|rise|rally|surge|climb)[a-z]*\b"
)
DOWN_NOUN = r"\s(?:drop|fall|decline|slide|plunge|slump|selloff|sell-off)[a-z]*$"

# ... or what sent them moving: "The rally, which sent the company’s shares up by more than 39% on Wednesday" (tests/
# pages2 p034)
SENT_DOWN = "down|lower|tumbling|plunging|falling|sliding"
SENT_MOVE = (
    r"\b(?i:sen(?:t|ds|ding)\s+(?:its|the company(?:’s|'s))\s+(?:stock|shares|share price)\s+"
    rf"(?:up|higher|soaring|surging|jumping|climbing|{SENT_DOWN}))\s+"
    rf"{MOVE_HEDGE}(?:{PCT_PATTERN})"
)
REFERRED_START = (
    r"^" + LEAD_CONJUNCTION
    + r"(?:its (?:stock|share)|the (?:(?:[\w\-]+ ){0,2}?company(?:’s|'s) )?(?:stock|share)|shares\s)"
    r"|\bsen(?:t|ds|ding) (?:its|the company(?:’s|'s)) (?:stock|shares|share price)\b"
)


# Shares a reference owns, not a name: "The chipmaker's shares", "Its stock".
REFERRING_OWNER = r"^(?:The|Its)\s+(?:[a-z][\w\-]*\s+){0,2}?[a-z][\w\-]*(?:’s|'s)\s+(?:shares|stock|share price)\b"


def _referred_moves(sents: pl.DataFrame) -> pl.DataFrame:
    rows = sents.filter(
        pl.col("focus_org").is_not_null()
        & pl.col("low").str.contains(REFERRED_START)
    )
    if rows.is_empty():  # (polars compiles every regex of a query even for no rows)
        return pl.DataFrame(schema={**MENTION_SCHEMA, "sent_idx": pl.Int64})
    rows = rows.with_columns(
        m=pl.coalesce(
            pl.col("sentence").str.extract(rf"({REFERRED_MOVE})", 1),
            pl.col("sentence").str.extract(rf"({REFERRED_NOUN_MOVE})", 1),
            # (where the sentence opens on the company or a reference: not "Nike posted strong quarterly results, which
            # sent its shares up 8%", a company the gazetteer does not know)
            pl.when(
                pl.col("sentence").str.contains(r"^(?:The|This|That|These|Those|Its|It|Their|A|An)\b")
                | pl.col("sentence").str.starts_with(pl.col("focus_org"))
            ).then(pl.col("sentence").str.extract(rf"({SENT_MOVE})", 1)),
        )
    ).drop_nulls("m")
    # (bare "Shares" of a market, not the company's: "Shares fell 3% across the sector", "Shares rose 1.5% across the
    # Nasdaq as tech stocks rallied")
    rows = rows.filter(
        ~pl.col("m").str.contains(r"^" + LEAD_CONJUNCTION + r"(?i:shares)\b")
        | ~pl.col("sentence").str.contains(
            r"(?i)\b(?:across|sectors?|index|indexes|nasdaq|s&p|dow|broader market|stocks)\b"
        )
    )
    sign = (
        pl.when(pl.col("m").str.contains(
            rf"\s(?:{MOVE_DOWN_VERBS})\s|(?i:{DOWN_NOUN})|(?i:\s(?:{SENT_DOWN})\s)"
        )).then(-1.0).otherwise(1.0)
    )
    pct = pct_value(pl.col("m"))
    # (a company named only after the move is no owner the sentence refers to: "The shares climbed 6%, ... despite ...
    # a U.S. investigation into potential chip sales to Huawei" are TSMC's, the company before, tests/pages4 r013)
    named_after = pl.col("sentence").str.find(pl.col("focus_org"), literal=True) > pl.col("sentence").str.find(
        pl.col("m"), literal=True
    )
    owner = pl.when(named_after.fill_null(False)).then(pl.col("prev_focus_org")).otherwise(pl.col("focus_org"))
    return _signed_moves(rows, owner, pct, money_to_usd(pl.col("m").str.extract(MONEY_PATTERN, 0)), sign)


# "Cindervale's shares, which trade on the Nasdaq, rose 6.2% on Monday": the shares of a company the gazetteer does not
# know, named as the article introduced it (focus_new_org, "Cindervale Software, a Columbus, Ohio-based maker ...").
UNKNOWN_OWNER = r"^([A-Z][\w.&\-]+(?:\s+[A-Z][\w.&\-]+)?)(?:’s|'s)\s+(?:shares|stock|share price)\b"


def _unknown_owner_moves(sents: pl.DataFrame) -> pl.DataFrame:
    # (or the shares of a listed company the sentence gives the ticker of: "Shares of SoundHound AI (SOUN 2.73%) took
    # off like a shot this morning, soaring as much as 79.6%", tests/pages5 t100)
    listed = pl.col("listed_name").is_not_null() & pl.col("low").str.contains(r"\b(?:shares|stock)\b")
    rows = sents.filter(
        (pl.col("org_hits").list.len() == 0)
        & ((pl.col("focus_new_org").is_not_null() & pl.col("sentence").str.contains(UNKNOWN_OWNER)) | listed)
    )
    if rows.is_empty():  # (polars compiles every regex of a query even for no rows)
        return pl.DataFrame(schema={**MENTION_SCHEMA, "sent_idx": pl.Int64})
    name = pl.col("sentence").str.extract(UNKNOWN_OWNER, 1)
    low = pl.col("low")
    rows = rows.filter(
        (pl.col("focus_new_org") == name) | pl.col("focus_new_org").str.starts_with(name + " ") | listed
    ).filter(~low.str.contains(ACCOUNTS) & (low.str.contains(MARKET_DOWN) | low.str.contains(MARKET_UP)))
    sign = _sign(low)
    pct = pct_value(pl.col("sentence").str.replace_all(STAKE, " "))
    owner = pl.when(listed).then(pl.col("listed_name")).otherwise(pl.col("focus_new_org"))
    return _signed_moves(rows.filter(pct.is_not_null()), owner, pct, pl.lit(None), sign)


# A move over the past months or year, told right after the figure, is the stock's record, not the day's news: "The
# company’s share price has declined 16% in the past 12 months" (tests/pages4 r002). (Not the year so far: "Apple stock
# has jumped 24% so far this year" is told with its record day, realset r090; nor a day's move compared: "jumped 35% on
# Monday, its best day in the last six months".)
OVER_A_PERIOD = (
    r"\s+(?:in|over|during) the (?:past|last|previous) "
    r"(?:(?:\d+|few|several|two|three|four|six|nine|twelve|18)\s+(?:months|years)|year)\b"
)


def _over_a_period(moves: pl.DataFrame) -> pl.Series:
    """Whether each move's own figure is told over a period (OVER_A_PERIOD after it): read per row on the few moves
    only, since one evidence may tell several figures ("AMD stock rockets more than 35% ... although AMD shares have
    climbed 75% in the last six months", tests/pages2 p051)."""
    figure = pl.col("pct").abs().cast(pl.String).str.replace(r"\.0$", "").str.replace_all(r"\.", r"\.")
    told = pl.concat_str(pl.lit(r"(?:^|[^\d.])"), figure, pl.lit(r"\s?(?:%|per ?cent)" + OVER_A_PERIOD))
    return moves.select(
        pl.when(pl.col("pct").is_not_null()).then(pl.col("evidence").str.contains(told)).otherwise(False)
    ).to_series()


# A live quote a financial site prints after a company's name is the page's, not the news: "Shares of SoundHound AI
# (SOUN 2.73%) took off like a shot this morning, soaring as much as 79.6%" (tests/pages5 t100; the name's ticker may
# be a marked alias in `tagged`).
TICKER_QUOTE = r"\s*\(\x02?(?:[A-Za-z]+:\s*)?[A-Za-z.]{1,6}\x03?\s+[+\-−]?\d+(?:\.\d+)?%\)"


# A name a ticker follows is a listed company's, known or not: "SoundHound AI (SOUN 2.73%)", "(NASDAQ: SOUN)".
LISTED_NAME = (
    r"([A-Z][\w.&\-]+(?:\s+[A-Z][\w.&\-]+){0,2})"
    rf"(?:{TICKER_QUOTE}|\s*\((?:NASDAQ|Nasdaq|NYSE|NYSEARCA|AMEX|OTC|TSX|LSE)\s*:\s*[A-Z.]{{1,6}}\))"
)


def _without_quotes(sents: pl.DataFrame) -> pl.DataFrame:
    """The sentences without a TICKER_QUOTE another figure follows (in each of their texts: "Nvidia (NVDA -1.2%)
    slipped" keeps its only figure), only those with one rewritten; `listed_name`, the first name a ticker follows
    (LISTED_NAME)."""
    quoted = pl.col("sentence").str.contains("%)", literal=True)
    listed = pl.col("sentence").str.contains(r"\([A-Z]", literal=False)
    quote_then_figure = TICKER_QUOTE + r"([^%]*?\d(?:\.\d+)?\s?(?:%|per ?cent))"
    return sents.with_columns(
        pl.when(listed).then(pl.col("sentence").str.extract(LISTED_NAME, 1)).alias("listed_name"),
        *(pl.when(quoted).then(pl.col(text).str.replace_all(quote_then_figure, "$1")).otherwise(pl.col(text))
          for text in ("sentence", "low", "tagged")),
    )


# A ticker names the company the article gives it to: "Tempus AI, Inc. (Nasdaq: TEM) ... TEM shares fell as much as
# 18%", "Fermi's FRMI.O shares plunge 42%" (tests/pages16 i008, i052).
TICKER = r"^[A-Z]{2,5}(?:\.[A-Z]{1,2})?$"
TICKER_GIVEN = (
    r"([A-Z][\w&\-]*(?:\s+[A-Z][\w&\-]*){0,3}?)(?:,?\s+(?:Inc|Corp|Ltd|N\.V|plc|PLC)\.?)?\s+"
    r"\((?:[A-Za-z]+\s?:\s?)?([A-Z]{2,5})\)"
)
TICKER_OWNED = r"([A-Z][\w&\-]*)(?:’s|'s)\s+([A-Z]{2,5})(?:\.[A-Z]{1,2})?\s+(?:shares|stock)"


def _named_for_tickers(moves: pl.DataFrame, sents: pl.DataFrame, g: gaz.Gazetteer) -> pl.DataFrame:
    """moves with a ticker for org given the name of the company the article gives that ticker to (not a name the
    gazetteer knows: "Advanced Micro Devices (AMD)" stays AMD)."""
    is_ticker = pl.col("org").str.contains(TICKER) & _canonical(pl.col("org"), g.org_by_key).is_null()
    tickered = moves.filter(is_ticker)
    if tickered.is_empty():
        return moves
    given = (
        sents.join(tickered.select("article_id").unique(), on="article_id", how="semi")
        .select("article_id", told=pl.concat_list(pl.col("sentence").str.extract_all(TICKER_GIVEN),
                                                  pl.col("sentence").str.extract_all(TICKER_OWNED)))
        .explode("told")
        .drop_nulls("told")
        .select(
            "article_id",
            ticker=pl.coalesce(pl.col("told").str.extract(p, 2) for p in (TICKER_GIVEN, TICKER_OWNED)),
            company=pl.coalesce(pl.col("told").str.extract(p, 1) for p in (TICKER_GIVEN, TICKER_OWNED)),
        )
        .unique(["article_id", "ticker"], keep="first", maintain_order=True)
    )
    return (
        moves.with_columns(ticker=pl.when(is_ticker).then(pl.col("org").str.replace(r"\.[A-Z]{1,2}$", "")))
        .join(given, on=["article_id", "ticker"], how="left")
        .with_columns(org=pl.coalesce("company", "org"))
        .drop("ticker", "company")
    )


def mentions(found: Found) -> pl.DataFrame:
    sents = _without_quotes(found.sents)
    moves = pl.concat(
        [_market_moves(sents, found.money, found.g), _unknown_owner_moves(sents)], how="vertical_relaxed"
    )
    return _named_for_tickers(moves.filter(~_over_a_period(moves)), sents, found.g)
