"""Policy: a government acting on a measure (lexicons.toml: measures and jurisdictions)."""
from __future__ import annotations

import polars as pl

from transforms import gazetteer as gaz
from transforms.extract.names import DATELINE, ORG_NAME, _built, _canonical, _drop_nulls, org_kind
from transforms.extract.patterns import JURISDICTIONS, LEXICONS, TIME_MARKER, _pattern
from transforms.extract.rules import Found, _frame

# (pattern, name, whether it is matched on the sentence as written rather than lower-cased)
POLICY_MEASURES = [(_pattern(e), e["name"], e.get("cased", False)) for e in LEXICONS["policy_measure"]]
MEASURE_CUE = _pattern({"pattern": LEXICONS["measure_cue"]})
GENERIC_MEASURE = "AI law"  # (lexicons.toml's last measure: any law, bill or order on AI)
RESTRICTIONS = "restrictions"  # (lexicons.toml: restrictions put on a company)
# A measure weighed ("Argentina is considering legislation to allow AI-run companies", holdout h011): an action, and
# its policy is planned (_policy).
CONSIDERING = r"(?:is|are) (?:now )?considering"
# A policy is news when a government acts on it; "US export controls limit access" is context.
POLICY_ACTION = (
    r"\b(impos[a-z]*|announc[a-z]*|unveil[a-z]*|issu(?:e|es|ed|ing)|sign(?:s|ed|ing)?|adopt(?:s|ed|ing)?|"
    # ("the adoption of the Ministerial Declaration", not "encouraging international adoption of its AI platforms")
    r"adoption of (?:the|a|an|new)\s|"
    r"approv[a-z]*|authori[sz](?:es|ed|ing)|pass(?:es|ed)|vot(?:e|es|ed|ing)|la(?:y|ys|id|ying) out"
    r"|enter(?:s|ed)? into force|(?:took|takes|take|taking) effect|c(?:a|o)me into force|rescind[a-z]*|"
    r"(?:goes|go|went|going|gone) into effect|(?:becomes?|became|becoming) enforceable|"
    r"revok[a-z]*|repeal[a-z]*|publish[a-z]*|present(?:s|ed)"
    # (restrictions taken off: "lifted its restrictions on Anthropic's smartest models")
    r"|(?:lift(?:s|ed|ing)?|eas(?:es|ed|ing)) (?:its |the |some )?(?:restrictions|curbs|limits|ban|controls)"
    # ("released a package of rules designed to update export controls", "Commerce Updates Chip-Export Restrictions")
    # (not the noun, "oppose updates to the California ... Act", "Terms of Service update notice"; nor a page or a rule
    # updated before: NO_UPDATE, read in _measures_as_nouns)
    r"|updat(?:ed|ing)|to update|updates (?:its|their|the|chip|export|ai)\b"
    r"|tighten[a-z]*|add(?:s|ed|ing)|introduc[a-z]*|finali[sz][a-z]*|ordered|enact(?:s|ed)|implement(?:s|ed)"
    # (a draft told as proposed: "has proposed changes to the IT Rules to tackle harm from AI-generated content",
    # tests/pages11 z099; "rules mandating labels")
    # (the verb with its object: not "as proposed in the Act", "the proposed Taiwan chip export controls", "the
    # evaluations it mandates")
    r"|propos(?:es|ed)\s+(?:a|an|the|its|new|draft|changes|amendments)\b|mandating"
    r"|requir(?:e|es|ed|ing)|would "
    r"require|ban(?:s|ned)?|block[a-z]*"
    r"|curb(?:s|ed|ing)|restrict(?:s|ed|ing)|responded|establish[a-z]*|set up|renam[a-z]*|would become|"
    r"will become|launch[a-z]*"
    # a measure shown biting ("restrictions, which forced Chinese firms to innovate") is reported as in
    # force
    r"|forced|forcing|prompted|spurred"
    # (a measure put off: "Colorado delays implementing first-in-the-nation AI law", tests/pages11 z054)
    # (the verb with its object: not "tariff uncertainty causes delays in chipmakers’ investment decisions")
    r"|(?:delay(?:s|ed)|postpon(?:es|ed))\s+(?:implement\w*|enforc\w*|(?:the|its|their|parts of|some|many|key)\s)"
    rf"|{CONSIDERING}"
    # "orders" a verb, not the noun a measure is named by ("the 2023 Biden Executive Order on AI")
    r"|order(?:s|ing)? (?:the|a|an|all|its|their|companies|agencies|federal|state))\b"
)
# "ban" and "curbs" as nouns (after a determiner or a modifier) are the measure, not its action: "thus partially
# evade chip bans" tells of no one acting.
NOUN_ACTION = (
    r"\b((?i:chip|export|import|trade|travel|the|a|an|its|their|these|those|such|any|new|outright|blanket|evade|"
    r"evading|evaded|circumvent(?:s|ed|ing)?|despite|amid)\s+)(?i:ban|bans|curbs)\b"
)
# ... as are the participles that describe a thing: "The second cluster of banned ChatGPT accounts also likely
# originated in China" (holdout h1471).
DESCRIBING_PARTICIPLE = r"\b((?i:of|the|a|an|these|those|its|their)\s+)(?i:banned|blocked|restricted)(\s+\w)"


# ... and so is what a standing measure does, told in its relative clause: "highlighting several contradictions in the
# bill, including amendments that both restricted students' AI access" (holdout h353). (A plan keeps its "would": "a
# bill that would require"; an act told beside it still counts: "California passed a law that requires ...".)
MEASURE_DESCRIBED = (
    r"\b((?i:regulations?|rules?|laws?|acts?|bills?|amendments?|directives?|measures?)\s+(?:that|which)\s+"
    r"(?:both\s+|also\s+|already\s+)?)(?i:requir(?:e|es|ed)|ban(?:s|ned)?|restrict(?:s|ed)|block(?:s|ed)|forc(?:es|ed))\b"
)


# ... and what a standing measure says, in the present: "In Europe, the EU AI Act requires frontier developers to
# conduct and document model evaluations" (TechCrunch, tests/newsindex u027) tells the law, not a government acting.
# (a measure called by its name, or "The law": not "China's new rules require ...", which tells of new ones)
MEASURE_SAYS = (
    r"\b((?:(?i:the|this|that|its|their)\s+)?(?:[A-Z][\w.’'\-]*\s+){1,4}(?i:regulations?|rules?|laws?|acts?|bills?|"
    r"amendments?|directives?|orders?|frameworks?|codes?)\s+(?:also\s+|already\s+)?)"
    r"(?i:requires?|bans?|restricts?|prohibits?|forbids?|mandates?)\b"
)


# "This story has been updated to include comment ...", "Under export controls updated in 2023, ...", "Updated guidance
# from the European Commission ... is expected": a page or a rule updated before is no action.
NO_UPDATE = r"(?i:\b(?:(?:has|have|had) been|was|were) updated\b|\bupdated (?:in|on|since) (?:\w+ )?\d{4}\b|^updated\b)"


def _measures_as_nouns(text: pl.Expr) -> pl.Expr:
    """The text with the measure words that are no action (NOUN_ACTION, DESCRIBING_PARTICIPLE, MEASURE_DESCRIBED,
    MEASURE_SAYS) read as "measure"."""
    return (
        text.str.replace_all(NOUN_ACTION, "${1}measure").str.replace_all(DESCRIBING_PARTICIPLE, "${1}measure$2")
        .str.replace_all(MEASURE_DESCRIBED, "${1}measure").str.replace_all(MEASURE_SAYS, "${1}measure")
        .str.replace_all(NO_UPDATE, "noted")
    )


# An action someone is asked to take is not taken: "The company urged Washington to pursue stricter semiconductor export
# restrictions and impose penalties", "researchers ... have since called on the Trump administration to revoke the
# export control order" (read up to the request: "signed an executive order urging AI model makers to submit" is
# signed).
REQUEST = (
    r"\b(?:urg(?:e|es|ed|ing)|call(?:s|ed|ing)? on|ask(?:s|ed|ing)?|press(?:es|ed|ing)?|lobb(?:y|ies|ied|ying)|"
    r"petition(?:s|ed|ing)?)\s+[^.;]{0,80}?\bto\s+[a-z]"
)
CIRCUMSTANCE = r"^(?i:facing|amid|despite|in the face of)\s[^,;]{1,80},\s*"
# ("In a surprise reversal that answers ... questions like "Are AI chip exports to China still banned?", the Trump
# administration has officially rescinded ...", tests/pages7 v043)
FRONTED_PHRASE = r"^(?:As part of|In response to|In an?|Following|After|Amid)\s[^,;]{1,160},\s+"
# "the Bletchley Declaration", "the AI Safety Institute": named instruments and bodies kept by their own name.
DECLARATION = r"\b([A-Z][a-z]+ Declaration)\b"
SIGNED_BY_STATES = r"\b(?:countries|nations|governments|states|leaders|ministers|heads of state)\b"
AI_INSTITUTE = r"\bAI (?:Safety|Security) Institute\b"
# An institute is news when it is set up or renamed ("renamed its AI Safety Institute the AI Security Institute": the
# new name).
INSTITUTE_ACTION = r"\b(new|permanent|establish[a-z]*|set up|creat[a-z]*|renam[a-z]*|would become|will become)\b"
# (the action told of the institute, a few words before its name: not "The U.K. AI Security Institute also said
# Anthropic's Mythos model created fake online identities")
INSTITUTE_SET_UP = rf"{INSTITUTE_ACTION}\W+(?:[\w’'.\-]+\W+){{0,4}}?ai (?:safety|security) institute\b"
RENAMED_FROM = r"(?i:renam\w*\s+(?:its\s+|the\s+)?)AI (?:Safety|Security) Institute"
# The jurisdictions' patterns as one, each in a group of its own (j0, j1, ...): the group of its first match is the
# jurisdiction named first, at a tie the one listed first, as where each pattern's first match is found apart (the
# ~70 patterns, compiled on every call, took ~50 ms).
JURISDICTION = "|".join(f"(?P<j{i}>{pattern})" for i, (pattern, _) in enumerate(JURISDICTIONS))
# ... or its legislature, which the article names the country of, not always its headline: "The National Assembly
# votes to pass the Law on Artificial Intelligence" (tests/pages5 t061, t065)
LEGISLATURE_REFERENCE = r"\b(?:the|its) (?:national assembly|parliament|legislature|senate)\b"
GOVERNMENT_REFERENCE = rf"\b(?:the|its) (?:government|cabinet|administration|ministry)\b|{LEGISLATURE_REFERENCE}"
# ... and a head of government named, whom the sentence does not place: "Governor Gavin Newsom has signed the
# Transparency in Frontier Artificial Intelligence Act (TFAIA) into law" under "California First US State to Regulate
# AI with New Safety Law" (tests/searchpages s041). Read on the sentence as written ("Premier League clubs" is none).
HEAD_OF_GOVERNMENT = r"^(?:Gov\.|Governor|Premier|Prime Minister)\s+[A-Z][\w’'\-]+\s+[A-Z]"
# Place names inside a publication's name are no jurisdiction ("a report by The New York Times").
PUBLICATION = (
    r"\b(?:New York Times|New York Post|Washington Post|Los Angeles Times|Texas Tribune|Wall Street "
    r"Journal|Seattle Times|San Francisco (?:Chronicle|Standard|Examiner))\b"
)
# ... nor is a continent's region named for America ("one of the first countries in Latin America", tests/pages15
# j109, is no US measure).
REGION = r"\b(?:Latin|South|Central|North) America\b"


def _with_jurisdiction(df: pl.DataFrame) -> pl.DataFrame:
    """df with `jurisdiction`: the code of the jurisdiction its sentence names first, else null (a publication's
    name is none)."""
    groups = df.select(
        _built("jurisdiction", lambda: pl.col("sentence").str.replace_all(PUBLICATION, "the paper")
               .str.replace_all(REGION, "the region")
               .str.extract_groups(JURISDICTION))
    ).unnest("sentence")
    first = pl.coalesce(
        pl.when(pl.col(f"j{i}").is_not_null()).then(pl.lit(code)) for i, (_, code) in enumerate(JURISDICTIONS)
    )
    return df.with_columns(jurisdiction=groups.select(first).to_series())


def _with_headline_jurisdiction(rows: pl.DataFrame, sents: pl.DataFrame, refers: pl.Expr) -> pl.DataFrame:
    """rows with no jurisdiction whose `refers` holds ("the government ...") take the one their headline names; a
    legislature's, the one country the article names ("Effective from March 1, 2026, the Law on AI is Vietnam's first
    piece of legislation", tests/pages5 t065)."""
    referred = rows.filter(pl.col("jurisdiction").is_null() & refers)
    if referred.is_empty():
        return rows
    headline = (
        sents.filter((pl.col("sent_idx") == 0) & pl.col("article_id").is_in(referred["article_id"].implode()))
        .pipe(_with_jurisdiction)
        .select("article_id", headline_jurisdiction="jurisdiction")
    )
    # A legislature's country is the one country the article names, headline included (not a guess between "China and
    # the US"); read only in those articles, which are few.
    legislature = referred.filter(pl.col("low").str.contains(LEGISLATURE_REFERENCE))["article_id"].unique()
    if not legislature.is_empty():
        text = (
            sents.filter(pl.col("article_id").is_in(legislature.implode()))
            .group_by("article_id")
            .agg(text=pl.col("sentence").str.join(" "))
        )
        named = text.select(
            "article_id",
            countries=pl.concat_list(
                pl.when(pl.col("text").str.contains(pattern)).then(pl.lit(name)) for pattern, name in JURISDICTIONS
            ).list.drop_nulls(),
        ).select(
            "article_id",
            headline_jurisdiction=pl.when(pl.col("countries").list.len() == 1).then(pl.col("countries").list.first()),
        )
        headline = pl.concat([headline.filter(~pl.col("article_id").is_in(legislature.implode())), named])
    return (
        rows.join(headline, on="article_id", how="left")
        .with_columns(
            jurisdiction=pl.when(refers)
            .then(pl.coalesce("jurisdiction", "headline_jurisdiction"))
            .otherwise("jurisdiction")
        )
        .drop("headline_jurisdiction")
    )


# Who acts is told before the action: a government, a body or an official of one, a measure itself ("New rules
# require ..."), a jurisdiction ("China has banned ...") or a person (a head of government: "Sunak announced"). A
# company or a group that is none enacts nothing: "The company urged Washington to ...", "I have signed the Rome
# Declaration", "A US university has announced a ban", "The AI Alliance convened 30 partners ... to launch".
GOVERNMENT_ACTOR = (
    r"(?i:\b(?:governments?|administration|departments?|ministry|ministries|ministers?|commission(?:er)?s?|"
    r"congress\w*|senat\w*|house|lawmakers?|legislat\w*|parliament\w*|regulators?|regulatory|agency|agencies|"
    r"authorit\w*|courts?|judges?|president|presidential|governors?|premier|prime minister|officials?|states?|"
    r"secretary|"
    r"council|white house|pentagon|treasury|bureau|cabinet|mayor|city|county|province|federal|national|public|"
    r"beijing|washington|brussels|whitehall|westminster|kremlin|tokyo|seoul|new delhi|moscow|trump|biden|xi|"
    # regulators known by their initials ("the CMA also ordered Google to provide clearer attribution", holdout h928)
    r"cma|ftc|fcc|ofcom|cnil|cac|miit|doj|"
    r"law|laws|act|bill|rules?|regulations?|order|ban|controls?|restrictions?|tariffs?|sanctions?|measures?|"
    r"polic(?:y|ies)|directive|guidance|framework|requirements?|code|standards?|licen[cs]e|curbs?|limits?)\b)"
)
NON_GOVERNMENT_ACTOR = (
    r"(?i:\b(?:i|we|company|companies|firm|firms|startup|industry|university|researchers?|scientists?|groups?|"
    r"coalition|alliance|foundation|consortium|association|laureates|people|users|employees|workers|experts|"
    r"critics|advocates|activists|lobby\w*|ceo|executives?|founders?)\b)"
)

BODY = "AI body"  # (lexicons.toml: a body set up for AI, a government's only where no company is named)
FUNDING_CALL = "AI funding call"  # (lexicons.toml: public money for AI, where a government acts)


def _policy(sents: pl.DataFrame, g: gaz.Gazetteer) -> pl.DataFrame:
    """Every measure a sentence says a government acted on; the jurisdiction named first is the one acting
    ("Beijing responded with a ban on exports to the United States" is China's)."""
    # What follows "a week after" is an earlier action told as a time marker, what follows "urged X to" a request:
    # measures count only before it.
    # (`main` and `low` as columns, made once: each use of an expression in with_columns computes it again)
    # A measure in a fronted circumstance is the backdrop of the main clause's act ("Facing US chip curbs, China
    # launches photonics lab").
    main_text = (
        pl.col("sentence").str.replace(rf"(?i:{TIME_MARKER}).*$", "").str.replace(rf"(?i:{REQUEST}).*$", "")
        .str.replace(CIRCUMSTANCE, "")
    )
    main, low = pl.col("_main"), pl.col("_low")
    measures = pl.concat_list(
        [
            pl.when((main if cased else low).str.contains(pattern)).then(pl.lit(name))
            for pattern, name, cased in POLICY_MEASURES
        ]
    )
    institute = pl.when(low.str.contains(INSTITUTE_SET_UP)).then(
        main.str.replace_all(RENAMED_FROM, " ").str.extract_all(AI_INSTITUTE).list.last()
    )
    named = pl.concat_list(main.str.extract(DECLARATION, 1), institute)
    # (the action is looked for in the whole sentence first: its part `main` has it only where the sentence does)
    rows = sents.filter(pl.col("low").str.contains(POLICY_ACTION)).filter(
        pl.col("low").str.contains(MEASURE_CUE) | pl.col("sentence").str.contains("Declaration|Institute")
    ).filter(_measures_as_nouns(main_text).str.to_lowercase().str.contains(POLICY_ACTION))
    if rows.is_empty():  # (polars compiles every regex of a query even for no rows)
        return _frame(rows, "policy")
    # (who acts: the words right before an action (any of the sentence's: "Anthropic announced on Friday that the US
    # government issued ..."), datelines dropped ("Washington, D.C., June 2, 2026 /PR Newswire/ — Penlink ..."), or the
    # one it is done "by")
    text = (
        pl.col("sentence").str.replace(r"^.{0,80}?/\s*PR\s?Newswire\s*/\s*[-–—]\s*", "").str.replace(DATELINE, "")
        .pipe(_measures_as_nouns)
    )
    actors = (
        rows.select(
            "article_id", "sent_idx", "orgs",
            actor=text.str.extract_all(rf".{{0,80}}?(?i:{POLICY_ACTION})(?:\s+by\s+[^,;:()]{{1,40}})?"),
        )
        .with_row_index("_row")
        .explode("actor")
        .drop_nulls("actor")
    )
    # (a company among those words: "Anthropic revoked access ...")
    company = (
        actors.explode("orgs").drop_nulls("orgs")
        .filter(~org_kind(pl.col("orgs"), g).is_in(["government", "regulator"])
                & pl.col("actor").str.contains(pl.col("orgs"), literal=True))
        .select("_row", "actor").unique().with_columns(_company=pl.lit(True))
    )
    governed = (
        actors.join(company, on=["_row", "actor"], how="left")
        .filter(
            pl.col("actor").str.contains(GOVERNMENT_ACTOR)
            # (a jurisdiction may only describe who acts: "A US university has announced a ban")
            | ~(pl.col("actor").str.contains(NON_GOVERNMENT_ACTOR) | pl.col("_company").fill_null(False))
        )
        .select("article_id", "sent_idx")
        .unique()
    )
    rows = rows.join(governed, on=["article_id", "sent_idx"], how="semi")
    if rows.is_empty():
        return _frame(rows, "policy")
    rows = (
        rows.with_columns(_main=main_text)
        .with_columns(_low=main.str.to_lowercase())
        .with_columns(measure=pl.concat_list(measures, named).pipe(_drop_nulls).list.unique(maintain_order=True))
        # the generic "AI law" only where no named measure is told ("an executive order on AI" is the order)
        .with_columns(measure=pl.when(pl.col("measure").list.len() > 1)
                      .then(pl.col("measure").list.filter(pl.element() != GENERIC_MEASURE)).otherwise("measure"))
        .drop("_main", "_low")
        .explode("measure")
        .drop_nulls("measure")
        # (an AI fund is a government's only where a government acts: not "Paris-based investor Elaia launched a €100
        # million AI fund")
        .filter((pl.col("measure") != FUNDING_CALL) | pl.col("low").str.contains(GOVERNMENT_ACTOR))
        # ("Nvidia has launched a new national centre for AI research in Taiwan": a company's centre)
        .filter(
            (pl.col("measure") != BODY)
            | (pl.col("orgs").list.eval(org_kind(pl.element(), g)
                                        .is_in(["government", "regulator"]).not_()).list.sum() == 0)
        )
        .pipe(_with_jurisdiction)  # only for sentences with a measure
    )
    # (the main clause's before a fronted phrase's: "As part of extensive updates to export restrictions aimed at
    # limiting China’s access to ..., the United States is imposing limitations on the sale of chips", tests/pages2
    # p092; only where the main clause opens on it, as its subject: not "After a review by the White House, export
    # controls on advanced chips sold to China were tightened")
    fronted = pl.col("sentence").str.contains(FRONTED_PHRASE)
    if rows.select(fronted.any()).item():
        in_main = _with_jurisdiction(rows.select(
            sentence=pl.col("sentence").str.replace(FRONTED_PHRASE, "").str.extract(r"^((?:\S+\s+){0,3}\S+)", 1)
        ))
        rows = rows.with_columns(
            jurisdiction=pl.when(fronted).then(pl.coalesce(in_main["jurisdiction"], pl.col("jurisdiction")))
            .otherwise("jurisdiction")
        )
    # "with the government also announcing a revised version of its AI robotics strategy": the government the
    # headline names ("Japan plans sovereign AI model").
    rows = _with_headline_jurisdiction(
        rows, sents,
        pl.col("low").str.contains(GOVERNMENT_REFERENCE) | pl.col("sentence").str.contains(HEAD_OF_GOVERNMENT),
    )
    # The EU's AI Act is the EU's whoever reports it (the Entity List the US's); a declaration is signed by many
    # countries, and one no country or government is told to sign is civil society's ("The Leiden Declaration, ... now
    # with over 2,000 signatories").
    declaration = pl.col("measure").str.ends_with(" Declaration")
    rows = rows.filter(
        ~declaration | pl.col("jurisdiction").is_not_null() | pl.col("low").str.contains(SIGNED_BY_STATES)
    ).with_columns(
        jurisdiction=pl.when(pl.col("measure") == "AI Act")
        .then(pl.lit("EU"))
        # (the Entity List is the US Commerce Department's, whoever a sentence names first: "adds 16 entities to the
        # Entity List, including AI companies that are acting at the behest of Beijing", bis.gov, tests/searchpages
        # s090; not China's "unreliable entity list", nor "its Entity List" of another government)
        .when((pl.col("measure") == "entity list")
              & ~pl.col("low").str.contains(
                  r"unreliable entity|\bits entity list|(?:china|beijing|chinese)\S* (?:\w+ )?entity"))
        .then(pl.lit("US"))
        .when(declaration)
        .then(pl.lit("INTL"))
        .otherwise("jurisdiction")
    )
    # Restrictions are put on a company, which the event is about ("lifted its restrictions on Anthropic's smartest
    # models"); restrictions on no company named are not read ("to impose restrictions on the model").
    restricted = _canonical(
        pl.col("tagged").str.extract(rf"(?i:restrictions|curbs|limits|ban) on\s+(?:the\s+)?{ORG_NAME}", 1), g.org_by_key
    )
    rows = rows.with_columns(org=pl.when(pl.col("measure") == RESTRICTIONS).then(restricted)).filter(
        (pl.col("measure") != RESTRICTIONS) | pl.col("org").is_not_null()
    )
    return _frame(
        rows.filter(pl.col("jurisdiction").is_not_null()),
        "policy",
        org=pl.col("org"),
        jurisdiction=pl.col("jurisdiction"),
        measure=pl.col("measure"),
        confidence=pl.lit(0.7),
        event_date=pl.lit(None, dtype=pl.String),
        # (a measure weighed is a plan: "Argentina is considering legislation ...")
        status=pl.when(pl.col("low").str.contains(rf"\b{CONSIDERING}\b")).then(pl.lit("planned")).otherwise("status"),
    )


# "The Trump administration has asked OpenAI to stagger the release of its new model", "the White House had ordered
# Anthropic to suspend access to Fable 5": a government's directive to a company is a measure aimed at that company.
# (a court's order is legal news; a company asking a government is a request: the target must be a company)
# (a permission too: "The US government has allowed Anthropic to release its powerful Mythos AI model to select
# companies", holdout h268)
DIRECTIVE_VERB = (
    r"\b(?:asked|ordered|told|directed|instructed|requested|forced|allowed|permitted|authori[sz]ed"
    # ("we wrote about the Trump administration forcing Anthropic to shut down Fable 5 and Mythos 5", holdout h878)
    r"|asking|ordering|telling|directing|instructing|requesting|forcing|allowing|permitting|authori[sz]ing"
    # (a headline's present: "UK orders Google to allow publishers to opt out of AI scraping", holdout h1167)
    r"|asks|orders|tells|directs|instructs|requests|forces|allows|permits|authori[sz]es)\s"
)
# Who acts, the few words before the verb, and the words that may stand between them.
ACTOR_WORDS = r"(?P<actor>(?:[\w’'.\-]+\s+){1,6}?)"
ACTING_ADVERBS = r"has|have|had|also|formally|reportedly|quietly"
DIRECTIVE = (
    rf"{ACTOR_WORDS}(?:(?:{ACTING_ADVERBS})\s+)*"
    rf"{DIRECTIVE_VERB}(?:the\s+)?(?P<target>[A-Z][^,;:]{{0,40}}?)\s+(?:not\s+)?to\s+[a-z]"
)
# A permission granted is one allowed: "The US government on Friday granted Anthropic permission to release its Mythos
# 5 model to a group of companies" (tests/realset r016) reads as "allowed Anthropic to release".
GRANTED_PERMISSION = (
    r"\b(?:granted|grants|gave|gives)\s+((?:the\s+)?[A-Z][\w.\-’']*(?:\s+[A-Z][\w.\-]*){0,3})\s+"
    r"(?:permission|approval|clearance|the go-ahead|an?\s+(?:[a-z]+\s+)?licen[cs]e)\s+to\s"
)
# A government barring a company outright is a restriction put on it: "The US says it restricted Anthropic AI over
# foreign intelligence risks" (holdout h1358), "Italy's privacy regulator blocked DeepSeek" (a headline's title case
# too: "Italy Bans DeepSeek").
BAN_VERB = r"\b(?i:banned|blocked|restricted|blacklisted|barred|bans|blocks|restricts|blacklists|bars)\s"
COMPANY_BAN = (
    rf"{ACTOR_WORDS}(?:(?:{ACTING_ADVERBS}|temporarily|says it|said it)\s+)*"
    rf"{BAN_VERB}(?:(?:the\s+)?(?:use\s+of|access\s+to)\s+)?"
    # (the company told by what it is: "Australia has banned the Chinese AI company DeepSeek from government systems",
    # tests/pages12 k068)
    r"(?:the\s+(?:[A-Z][\w\-]*\s+)?(?:[a-zA-Z\-]+\s+){0,2}?(?:company|firm|start-?up|app|chatbot|lab|developer)\s+)?"
    r"(?P<target>[A-Z][^,;:]{0,40})"
)
# ... told by that government, not by someone it reports ("The UK government said Google has banned DeepSeek"), nor by
# a measure already standing ("US sanctions have barred Huawei from buying advanced chips since 2019")
BAN_NOT_ACTOR = (
    r"(?i:\b(?:said|says|that|reported|according|sanctions|controls|rules|laws?|acts?|ban|curbs|limits|polic(?:y|ies)|"
    r"restrictions)\b)"
)
# (a deal blocked is a ruling on the deal, not a restriction on the company: "China has blocked Meta’s $2 billion
# acquisition of AI startup Manus", "The FTC blocked Microsoft from buying Activision Blizzard"; nor is a chipmaker's
# trade, which is export control: "restricted Nvidia chip sales to China", "blocked Nvidia from selling its H20 chips")
DEAL_BLOCKED = (
    r"^[^,;:]{1,30}?[’']s\s+(?:[$\w.\-]+\s+){0,4}?(?:acquisition|deal|merger|purchase|takeover|bid)\b"
    r"|^\S+\s+from\s+(?:buying|acquiring|merging|taking over|purchasing|selling|exporting|shipping)\b"
    r"|^\S+(?:[’']s)?\s+(?:[\w\-]+\s+){0,2}?(?i:chips?|semiconductors?|gpus?)\s+(?:sales|exports|shipments)\b"
)
COURT = r"courts?|judges?|jury|justices?"
NOT_DIRECTIVE_ACTOR = rf"(?i:\b(?:{COURT})\b)"
# A passive order told in a case is the court's: "Meta was ordered to pay $567 million into an abatement fund in New
# Mexico as part of a public nuisance case" (holdout h409).
COURT_ORDER = rf"(?i:\b(?:{COURT}|case|lawsuits?|suits?|trial|verdict|ruling|damages|to pay)\b)"
# ... told of the company, its government named after "by" or only in the headline: "Anthropic said it was ordered to
# suspend foreign nationals from using Claude Fable 5" under "Anthropic suspends new AI tools over US Government
# security concerns" (holdout h600), "OpenAI was asked by the administration to gate its recent GPT-5.6 release".
# (not "forced", which a bug or a rival does too)
PASSIVE_DIRECTIVE = (
    r"(?P<target>[A-Z][^,;:]{0,40}?)\s+(?:said\s+(?:it|they)\s+)?(?:was|were|has been|had been|is being|are being)\s+"
    r"(?:ordered|asked|told|directed|instructed)\s+(?:by\s+(?P<actor>[^,;:]{1,40}?)\s+)?(?:not\s+)?to\s+[a-z]"
)


def _is_government(actor: pl.Expr) -> pl.Expr:
    """A directive's actor is a government: one named by its kind, or a state named alone ("UK orders Google to allow
    publishers to opt out of AI scraping", holdout h1167)."""
    return actor.str.contains(GOVERNMENT_ACTOR) | actor.str.contains(rf"^(?:[Tt]he\s+)?(?:{JURISDICTION})\s*$")


def _directives(sents: pl.DataFrame, g: gaz.Gazetteer) -> pl.DataFrame:
    rows = sents.filter(
        pl.col("sentence").str.contains(f"{DIRECTIVE_VERB}|{GRANTED_PERMISSION}|{BAN_VERB}")  # (one scan for the three)
        & ~pl.col("past_year") & ~pl.col("history") & (pl.col("org_hits").list.len() > 0)
    )
    if rows.is_empty():
        return _frame(rows, "policy")
    told = pl.col("sentence").str.replace(GRANTED_PERMISSION, "allowed ${1} to ")
    # (each reading and the active actor's test made once, as columns: actor and target both read them)
    active, passive, ban = pl.col("_active").struct, pl.col("_passive").struct, pl.col("_ban").struct
    rows = (
        rows.with_columns(
            _active=told.str.extract_groups(DIRECTIVE),
            _passive=told.str.extract_groups(PASSIVE_DIRECTIVE),
            _ban=told.str.extract_groups(COMPANY_BAN),
        )
        .with_columns(_by_active=_is_government(active.field("actor")).fill_null(False))
        .with_columns(banned=~pl.col("_by_active") & _is_government(ban.field("actor")).fill_null(False))
        .with_columns(
            actor=pl.when("_by_active").then(active.field("actor")).when("banned").then(ban.field("actor"))
            .otherwise(passive.field("actor")),
            target=pl.when("_by_active").then(active.field("target")).when("banned").then(ban.field("target"))
            .otherwise(passive.field("target")),
        )
        .drop("_active", "_passive", "_ban", "_by_active")
        .filter(~(pl.col("banned") & (pl.col("target").str.contains(DEAL_BLOCKED)
                                      | pl.col("actor").str.contains(BAN_NOT_ACTOR)
                                      | pl.col("actor").str.contains(NON_GOVERNMENT_ACTOR))))
    )
    # (nor by a company the gazetteer knows among a ban's actor words: "a national champion" or "state-backed" is no
    # government)
    by_company = (
        rows.filter("banned").select("article_id", "sent_idx", "actor", "org_hits").explode("org_hits")
        .filter(pl.col("actor").str.contains(pl.col("org_hits"), literal=True)
                & ~org_kind(_canonical(pl.col("org_hits"), g.org_by_key), g).is_in(["government", "regulator"]))
        .select("article_id", "sent_idx").unique()
    )
    rows = (
        rows.join(by_company, on=["article_id", "sent_idx"], how="anti")
        .filter(
            (_is_government(pl.col("actor")) & ~pl.col("actor").str.contains(NOT_DIRECTIVE_ACTOR))
            # (a passive one with no "by": a target and no actor)
            | (pl.col("target").is_not_null() & pl.col("actor").is_null()
               & ~pl.col("sentence").str.contains(COURT_ORDER))
        )
        .explode("org_hits")
        .filter(pl.col("target").str.starts_with(pl.col("org_hits")))
        .with_columns(org=_canonical(pl.col("org_hits"), g.org_by_key))
        .filter(pl.col("org").is_not_null() & ~org_kind(pl.col("org"), g).is_in(["government", "regulator"]))
        .unique(["article_id", "sent_idx"], keep="first", maintain_order=True)
    )
    if rows.is_empty():
        return _frame(rows, "policy")
    rows = rows.with_columns(_with_jurisdiction(rows.select(sentence=pl.col("actor").fill_null("")))["jurisdiction"])
    # ("The government told Anthropic to disable the models", "Anthropic said it was ordered to ...": the government
    # the headline names)
    rows = _with_headline_jurisdiction(
        rows, sents, pl.col("actor").str.to_lowercase().str.contains(GOVERNMENT_REFERENCE) | pl.col("actor").is_null()
    ).filter(pl.col("jurisdiction").is_not_null())
    return _frame(
        rows,
        "policy",
        org=pl.col("org"),
        jurisdiction=pl.col("jurisdiction"),
        measure=pl.when("banned").then(pl.lit(RESTRICTIONS)).otherwise(pl.lit("directive to ") + pl.col("org")),
        confidence=pl.lit(0.7),
        event_date=pl.lit(None, dtype=pl.String),
    )


def mentions(found: Found) -> pl.DataFrame:
    return pl.concat([_policy(found.sents, found.g), _directives(found.sents, found.g)], how="vertical_relaxed")
