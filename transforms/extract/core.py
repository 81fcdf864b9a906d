"""extract_mentions: sentences -> the sentence table -> entity occurrences -> the rule module of every declared type
-> mentions with a stable event_key (`_finish`)."""
from __future__ import annotations

import hashlib
import importlib

import polars as pl

from transforms import event_identity
from transforms import gazetteer as gaz
from transforms.extract.names import (
    ORG_NAME,
    _article_short_names,
    _bare_families,
    _built,
    _canonical,
    _denies,
    _for_text,
    _model_occurrences,
    _money_occurrences,
    _tag_orgs,
    _unknown_org,
    _untag,
    org_kind,
    site_org,
)
from transforms.extract.new_models import new_model_occurrences
from transforms.extract.patterns import (
    LEAD_SENTENCES,
    LEXICONS,
    LICENSE,
    MONTH_WORDS,
    NEGATION,
    NON_ACTORS,
    NOT_NAMES,
    PLACE_NAME,
    QUESTION,
    SUBJECT_VERBS,
    TOLD_AS_PAST,
)
from transforms.extract.rules import MENTION_SCHEMA, Found
from transforms.extract.sentences import _blank_unless, split_sentences
from transforms.normalize import each, resolve_event_date
from transforms.taxonomy import TAXONOMY

EXTRACTOR_VERSION = "rules-0.5"
# Sentences: past this, an event whose companies the article names nowhere else is an aside (_without_lone_asides).
LONE_ASIDE_FAR = 25

# Cues of the sentence table's columns (sentences.py documents them), matched on the lower-cased sentence unless noted.
PLANNED = (
    r"\b(plans? to|planning to|will (?:release|launch|unveil|raise|acquire|buy|ship|debut)|(?:is|are) (?:set|"
    r"expected|poised|preparing|gearing up) to"
    r"|intends? to|aims? to|upcoming|forthcoming|later this year|next year|agreed to (?:acquire|buy))\b"
)
# First words of names that are words of their own, never a company's short name ("National security officials").
COMMON_FIRST_WORDS = ["U.S.", "US", "UK", "EU", "Data", "State", "National", "News", "New", "United", "General",
                      "American", "First", "Open", "Global", "International", "Federal", "European", "Digital",
                      "Public", "Royal", "World", "Central", "Advanced", "Applied"]
# A headline that tells a launch that may come ("OpenAI May Launch a New AI Model Soon", tests/pages2 p002); in a
# sentence of the text the maybe is often another clause's ("OpenAI launched GPT-5, and Google could release Gemini 3").
MAY_LAUNCH = r"\b(?:may|might|could) (?:soon )?(?:release|launch|unveil|raise|acquire|buy|ship|debut)\b"
REPORTED = (
    r"\b(reportedly|is said to|are said to|according to (?:people|sources|a report|reports)|in talks|"
    r"rumou?r[a-z]*|people familiar|sources say|sources said)\b"
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
# A word every match of OPEN_SOURCED, OPEN_YES and OPEN_NO has (see _where).
OPEN_CUE = "open|weight|hugging|permissive|closed|proprietary|api"




# "in 2018", "back in 2020": a year that dates the event itself (not "2025's", "since 2019" framing).
PAST_YEAR = (
    r"\b(?i:in|during|back in|around|circa) (?:early |late |mid-)?(?:(?:January|February|March|April|May|June|July|"
    r"August|September"
    r"|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.? (?:\d{1,2},? )?)?(?:19|"
    r"20)\d\d\b"
    # ("In a 2021 Series C funding round, the firm raised $40 million")
    r"|\b(?i:in|during) (?i:a|an|the|its|their|his|her) (?:19|20)\d\d\b"
)
FRONTED_YEAR = (
    r"^[\W\s]*(?i:(?:in|on|back in|by)\s+)?(?:(?i:early|late|mid-)\s*)?"
    r"(?:(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr"
    r"|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?\s+(?:\d{1,2},?\s+)?)?(?:((?:19|20)\d\d)|[‘'’](\d\d))\b"
)
# A sentence opening with a past year told in words dates its main clause too: "In April of last year, Meta's release
# of Llama 4 fell flat", "Last May, ...", "Two years ago, ...", or a span of them: "For years, Microsoft’s AI business
# leaned hard on its early and exclusive partnership with OpenAI" (the lower-cased sentence).
# (not "Last year's top open model maker, Meta, today released", "Because of last year's outage", "For years to come")
FRONTED_PAST = (
    rf"^[\W\s]*(?:(?:in|back in|by)\s+)?(?:(?:early|late|mid-?)\s*)?"
    rf"(?:(?:{MONTH_WORDS}|spring|summer|fall|autumn|winter|the (?:start|end|beginning|middle) of)\s+(?:of\s+)?)?"
    rf"(?:{TOLD_AS_PAST})"
    r"(?:$|[^\w’'])|^[\W\s]*for (?:years|decades|a decade)(?: now)?\s*,"
)
# Sentences after the last one naming a company that "the company" or "it" may still refer to it (core: focus_org).
FOCUS_SPAN = 6
# An event told with a date this many days (a season) before the article was published is background, not news.
STALE_DAYS = 120
# Necessary conditions (see _where), as narrow as their cases (transforms/normalize.py, names._unknown_org): every
# date resolve_event_date reads contains one of these (a capitalised month name or abbreviation, a weekday in any case,
# "yesterday"/"today", "this morning", "last week/month", "Q3" or "third quarter", an ISO date); every company
# _unknown_org reads is "called"/"named", the subject of an event verb, or described by a kind word after " a"/" an"/
# " the" ("Foo, a Paris-based startup": the sentence has both; one pattern for "the kind word within 50 characters"
# read real text ~40x slower).
DATE_CUE = r"Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|Q[1-4]|quarter|(?i:day)|morning|week|month|20\d\d-"
NEW_ORG_CUE = (
    pl.col("sentence").str.contains(rf"called|named|{SUBJECT_VERBS}")
    # (the kind words are read only in the sentences with an article: the others are blanked for them)
    # ("Arga is one such company", tests/newsindex u017)
    | _blank_unless(
        pl.col("sentence").str.contains(" (?:a|an|the|one such|another) "), pl.col("sentence")
    ).str.contains(r"(?i:startup|start-up|company|firm|lab|developer|maker|designer|publisher|studio|group|provider)")
)
# The part after the dot of a dotted name ("Respond.io", "Hugging Face's hf.co"): read as a separate word, it could be
# taken for a company named like it.
DOTTED_TAIL = r"[A-Za-z0-9]\.[a-z][a-z0-9]{1,5}\b"


def _sha(value: str) -> str:
    return hashlib.sha256(value.encode("utf-8")).hexdigest()[:32]


def _names_past_year(sentence: pl.Expr, published: pl.Expr) -> pl.Expr:
    """'Musk left its board in 2018': an event dated to an earlier year than the article's is background."""
    years = sentence.str.extract_all(PAST_YEAR).list.eval(pl.element().str.extract(r"(\d{4})", 1).cast(pl.Int32))
    return (years.list.max() < published.dt.year().cast(pl.Int32)).fill_null(False)


# Licence names as written -> one spelling (SPDX ids where there is one).
LICENSE_NAMES = [(entry["pattern"], entry["name"]) for entry in LEXICONS["license_name"]]


def _license_name(raw: pl.Expr) -> pl.Expr:
    name = raw
    for pattern, canonical in reversed(LICENSE_NAMES):
        name = pl.when(raw.str.contains(pattern)).then(raw.str.replace(pattern + ".*$", canonical)).otherwise(name)
    return name


def _where(df: pl.DataFrame, cue: pl.Expr, **columns: pl.Expr) -> pl.DataFrame:
    """df with `columns` computed only on the rows where `cue` holds and null on the others.

    For costly expressions that are null wherever a cheap cue is absent (the cue must be implied by every non-null
    result): they run on a fraction of the rows instead of all of them."""
    keep = df.select(cue.fill_null(False)).to_series()
    found = df.filter(keep)
    if found.is_empty():  # nulls of the columns' types, without running (and compiling the regexes of) `columns`
        schema = found.lazy().select(**columns).collect_schema()
        return df.with_columns(pl.lit(None, dtype=schema[name]).alias(name) for name in columns)
    found = found.select(**columns)
    # (each row's value gathered from its row of `found`, a null index elsewhere: no join copying df's columns)
    at = pl.select(pl.when(keep).then(keep.cum_sum() - 1)).to_series()
    return df.with_columns(found[name].gather(at) for name in columns)


def extract_mentions(articles: pl.DataFrame, g: gaz.Gazetteer | None = None) -> pl.DataFrame:
    """articles(article_id, title, text, published_at[, url]) -> mentions (MENTION_SCHEMA)."""
    g = g or gaz.default()
    if articles.is_empty():
        return pl.DataFrame(schema=MENTION_SCHEMA)
    # `low`, the lower-cased sentence, is computed once here: most cue patterns are matched on it. `tagged` (the
    # sentence with the gazetteer's org names marked, names.ORG) is the one scan with the big org pattern: the rules
    # match ORG in it instead of the pattern (compiled again on every call, ~30 ms a pattern). `org_hits` are its
    # names; sentences without any hit are skipped by the rules that need a known company.
    sents = split_sentences(articles)
    g = _for_text(g, sents)
    # (the company whose own site an article is on, where the articles carry their URL, as the pipeline's do)
    site = pl.col("url").cast(pl.String) if "url" in articles.columns else pl.lit(None, dtype=pl.String)
    sents = sents.join(articles.select("article_id", site_org=site_org(site, g)).unique("article_id"), on="article_id",
                       how="left", maintain_order="left")
    sents = sents.with_columns(low=pl.col("sentence").str.to_lowercase(), tagged=_tag_orgs(sents, g))
    sents = sents.with_columns(org_hits=pl.col("tagged").str.extract_all(ORG_NAME).list.eval(_untag(pl.element())))
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
    # (names._denies read only where a negation is: the others are blanked for it)
    sents = sents.with_columns(_negation=low.str.contains(NEGATION))
    negation = pl.col("_negation")
    sents = sents.with_columns(
        # (nulls dropped inside list.eval: list.drop_nulls reads each list apart, names._drop_nulls)
        orgs=pl.col("org_hits").list.eval(_canonical(pl.element(), g.org_by_key).drop_nulls()),
        negated=negation & _denies(_blank_unless(negation, low)) | low.str.contains(QUESTION),
        status=pl.when(low.str.contains(PLANNED) | (pl.col("sent_idx") == 0) & low.str.contains(MAY_LAUNCH))
        .then(pl.lit("planned"))
        .when(low.str.contains(REPORTED))
        .then(pl.lit("reported"))
        .otherwise(pl.lit("done")),
        past_year=_names_past_year(pl.col("sentence"), pl.col("published_at")),
    ).drop("_negation")
    sents = _where(
        sents,
        low.str.contains(OPEN_CUE),
        open_weights=pl.when(low.str.contains(OPEN_SOURCED))
        .then(True)
        .when(low.str.contains(OPEN_NO))
        .then(False)
        .when(low.str.contains(OPEN_YES))
        .then(True),
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
    # (one reading of the pattern: each use of an expression in a DataFrame's with_columns reads it again)
    fronted = _built("fronted", lambda: pl.col("sentence").str.extract_groups(FRONTED_YEAR))
    fronted_year = pl.coalesce(fronted.struct.field("1"), pl.lit("20") + fronted.struct.field("2")).cast(
        pl.Int32, strict=False
    )
    sents = sents.with_columns(
        history=(
            (stale | (pl.col("past_year") & when.is_null())) & (pl.col("sent_idx") > LEAD_SENTENCES)
            | (fronted_year < pl.col("published_at").dt.year().cast(pl.Int32)).fill_null(False)
            | pl.col("low").str.contains(FRONTED_PAST)
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
        NEW_ORG_CUE,
        new_org=_built("new_org", lambda: _unknown_org(pl.col("sentence"), g), g),
    )
    article_orgs = (
        sents.select("article_id", "orgs")
        .explode("orgs")
        .group_by("article_id")
        .agg(article_orgs=pl.col("orgs").drop_nulls().unique())
    )
    models = _model_occurrences(sents, g, article_orgs)
    # (and the new models each article tells of, that the gazetteer's reading does not find: new_models.py)
    models = pl.concat([models, new_model_occurrences(sents, models, g)], how="vertical_relaxed")
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
    # A company named short where the article names it in full is named all the same: "Scale will continue to operate
    # independently. Jason Droege, the company’s chief strategy officer, has been appointed interim CEO" (Scale AI,
    # tests/pages3 q097) - for what "the company" refers to.
    # (only a company's, in a word no sentence uses otherwise: not "The" of The New York Times, "U.S." of a department,
    # "Data" of the Data Protection Commission)
    short = _article_short_names(sents, g).filter(
        ~org_kind(pl.col("appos_short_org"), g).is_in(NON_ACTORS)
        & ~pl.col("short").is_in(NOT_NAMES + COMMON_FIRST_WORDS)
        & ~pl.col("short").str.contains(PLACE_NAME)
    )
    named_short = (
        sents.select("article_id", "sent_idx", "sentence")
        .join(short, on="article_id")
        # (the short name alone, not the end of another name: "Scale will", "but Scale claims", not "Fox News reported"
        # for News Corp; found literally, its neighbours read by a fixed pattern: a pattern per row compiles per row)
        .with_columns(at=pl.col("sentence").str.find(pl.col("short"), literal=True))
        .drop_nulls("at")
        .filter(
            pl.col("sentence").str.slice(0, pl.col("at")).str.contains(r"(?:^|(?:^|\s)[a-z][\w’'\-]*\s|[,;:—–(]\s*)$")
            & pl.col("sentence")
            .str.slice(pl.col("at") + pl.col("short").str.len_chars())
            .str.contains(r"^(?:’s|'s)?(?:\s+[a-z]|[.,;]|$)")
        )
        .group_by("article_id", "sent_idx")
        .agg(short_org=pl.col("appos_short_org").first())
    )
    all_sents = (
        sents.join(subject, on=["article_id", "sent_idx"], how="left")
        .join(named_short, on=["article_id", "sent_idx"], how="left")
        .sort("article_id", "sent_idx")
        .with_columns(
            acting=pl.coalesce(
                pl.col("orgs").list.filter(~org_kind(pl.element(), g).is_in(NON_ACTORS)).list.first(), "short_org"
            )
        )
        .drop("short_org")
        .with_columns(
            # the model and org "in focus": what "the model" / "the company" refer to
            focus_model=pl.col("subject_model").shift(1).forward_fill().over("article_id"),
            focus_org=pl.col("acting").forward_fill().over("article_id"),
            # how many sentences back the company in focus was last named
            focus_org_age=pl.col("sent_idx")
            - pl.when(pl.col("acting").is_not_null()).then(pl.col("sent_idx")).forward_fill().over("article_id"),
        )
        # "the company" this many sentences past the last one naming a company is rarely that one (a newsletter's
        # next item, a company the gazetteer does not know): no company is in focus there
        .with_columns(focus_org=pl.when(pl.col("focus_org_age") <= FOCUS_SPAN).then("focus_org"))
        .with_columns(
            prev_focus_org=pl.col("focus_org").shift(1).over("article_id"),
            focus_new_org=pl.col("new_org").forward_fill().over("article_id"),
            # (and how many sentences back it was introduced)
            focus_new_org_age=pl.col("sent_idx")
            - pl.when(pl.col("new_org").is_not_null()).then(pl.col("sent_idx")).forward_fill().over("article_id"),
        )
        .drop("acting")
    )
    # A negation drops its sentence ("has not released R2"); releases are judged clause by clause, so a sentence that
    # ships two models and drops plans for a third keeps the two.
    sents = all_sents.filter(~pl.col("negated"))
    money = _money_occurrences(sents, g).join(sents, on=["article_id", "sent_idx"], how="inner")
    # Every declared type's rule module (transforms/taxonomy.toml), in the order they ran before it was declared.
    found = Found(
        all_sents=all_sents, sents=sents, models=models, money=money, short_names=_article_short_names(sents, g), g=g
    )
    parts = [importlib.import_module(type_.rules).mentions(found) for type_ in TAXONOMY.in_extract_order()]
    mentions = pl.concat(
        [f for f in parts if not f.is_empty()] or [pl.DataFrame(schema={**MENTION_SCHEMA, "sent_idx": pl.Int64})],
        how="vertical_relaxed",
    )
    mentions = _without_lone_asides(mentions, all_sents)
    return _finish(mentions, list(g.orgs), articles.select("article_id", "published_at"))


def _without_lone_asides(mentions: pl.DataFrame, sents: pl.DataFrame) -> pl.DataFrame:
    """Mentions less those far down an article (past LONE_ASIDE_FAR sentences) whose companies - the org and its
    partner or counterparty - the article names in no other sentence: a related post's teaser at the foot of the page
    ("On June 10, 2026, German robotics company NEURA Robotics announced one of the largest funding rounds ..." under an
    essay on AI hype cycles), a backer named in passing. A government's measure (no org), a release or a claim (its
    model is the subject) and a market move (a market story lists each company once) are kept."""
    sides = ["org", "partner", "counterparty"]
    mentions = mentions.with_row_index("_row")
    far = mentions.filter(
        (pl.col("sent_idx") > LONE_ASIDE_FAR)
        & pl.col("org").is_not_null()
        & ~pl.col("type").is_in(["model_release", "benchmark_claim", "market_move"])
    )
    if far.is_empty():
        return mentions.drop("_row")
    # (the sentences naming each side, as the gazetteer reads them or as written - a company it does not know -, read
    # only for the few far mentions)
    texts = sents.join(far.select("article_id").unique(), on="article_id", how="semi").select(
        "article_id", "sentence", "orgs"
    )
    sided = far.select("_row", "article_id", side=pl.concat_list(sides)).explode("side").drop_nulls("side")
    # (each name read once per sentence of its article, however many far mentions name it)
    counts = (
        sided.select("article_id", "side")
        .unique()
        .join(texts, on="article_id")
        .filter(
            pl.col("orgs").list.contains(pl.col("side"))
            | pl.col("sentence").str.contains(pl.col("side"), literal=True)
        )
        .group_by("article_id", "side")
        .agg(named_in=pl.len())
    )
    named = (
        sided.join(counts, on=["article_id", "side"], how="left").group_by("_row").agg(most=pl.col("named_in").max())
    )
    lone = far.join(named, on="_row", how="left").filter(pl.col("most").fill_null(0) < 2)
    return mentions.join(lone.select("_row"), on="_row", how="anti").drop("_row")


def _longest_names(mentions: pl.DataFrame, columns: list[str], known: list[str]) -> pl.DataFrame:
    """Each name in `columns` the gazetteer does not know replaced by the longest name of the same article that starts
    with it and a space (a known name stays: "Google" is not "Google DeepMind")."""
    names = pl.concat([mentions.select("article_id", name=pl.col(c)) for c in columns]).drop_nulls().unique()
    longer = (
        names.join(names.rename({"name": "full"}), on="article_id")
        .filter(pl.col("full").str.starts_with(pl.col("name") + " ") & ~pl.col("name").is_in(known))
        .sort(pl.col("full").str.len_chars(), "full", descending=[True, False])  # ties by name: the same every run
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
    identity = mentions.select(
        pl.concat_str("article_id", "event_key", pl.col("sent_idx").cast(pl.String), "extractor_version",
                      separator="\x1f")
    ).to_series()
    mentions = mentions.with_columns(mention_id=each(identity, _sha))
    return mentions.sort("article_id", "type", "event_key", "sent_idx").select(list(MENTION_SCHEMA))

