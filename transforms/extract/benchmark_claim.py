"""Benchmark claims: a model measured against a yardstick. The yardstick is a model named after a performance cue
(`benchmarked` model occurrences), a name with a parameter count there, a lower score told right after the model's, or,
for a model the article names no rival of, a yardstick told by what it is ("a dozen larger models")."""
from __future__ import annotations

import polars as pl

from transforms import gazetteer as gaz
from transforms.extract.names import BENCHMARK, _bare_families, char_at, main_maker
from transforms.extract.patterns import LEAD_SENTENCES, LEXICONS, PHRASE_WORD, _pattern
from transforms.extract.rules import Found, _frame

# The headline and the first sentences: a claim there is news whoever's model it is; further on (the lead included:
# "The most capable GPT 5.6 variant, Sol, was comparable to its predecessor GPT 5.5" in a piece on Claude Opus 5) only
# for the article's main company's model.
OPENING_SENTENCES = 3
# A comparison told as a hope or forecast ("supposed to rival GPT 5.6"): lexicons.toml
HEDGE = _pattern({"pattern": LEXICONS["benchmark_hedge"]})
# A yardstick told by what it is, after a performance cue: lexicons.toml
YARDSTICK = _pattern({"pattern": LEXICONS["benchmark_yardstick"]})
# ... or told as a ranking ("Ranked #1 on accuracy"): lexicons.toml
RANKED = _pattern({"pattern": LEXICONS["benchmark_rank"]})
NOT_RANKED = LEXICONS["benchmark_rank_not"]
# "ahead of" told of time, no ranking: "to fix vulnerabilities ahead of models with similar capabilities becoming
# generally available" (holdout h1279).
AHEAD_IN_TIME = r"\bahead of (?:[\w\-]+\s+){0,6}?(?:becoming|being|reaching|getting|going|arriving|launching)\b"
# A claimant told by what it is ("a 1B parameter model can outperform ...").
# (a subject: opening the sentence or a clause, or what a finding is about; not "It is a new model that outperforms")
INDEFINITE_CLAIMANT = (
    r"(?:^|[,;:]\s*|\b(?:that|says|said|found|finds|shows|showed)\s+)(?:a|an)\s+(?:[\w\-]+\s+){0,3}?models?\s+"
    r"(?:\w+\s+){0,2}?(?:outperform|beat|surpass|match|rival|exceed)"
)
# A price compared is no benchmark: the rival named after it (PRICED_AFTER's group) is read.
PRICED_AFTER = r"\b(?:cheaper|pricier|costlier|more expensive|less expensive) than (.*)$"
# A score a model got on a test: "scoring 88%", "scored just 32%", "an execution accuracy of 80.04 percent" (not a
# share or a growth: "reached 60%").
SCORED = r"\b(?:scor(?:e|es|ed|ing)|accuracy|pass rate|success rate|pass ratio)\b"
# A model's name with its parameter count: "OpenThinker-7B", "Olmo 3 32B", "Apertus 70B".
# (a whole name: not the tail of a longer one, "V3-0324" of "DeepSeek-V3-0324"; its words capitalised or numbers)
SIZED_NAME = r"(?:^|[\s(\[,;:\"“‘])[A-Z][A-Za-z0-9.]*(?:[ \-][A-Z0-9][A-Za-z0-9.]*){0,3}?[ \-]\d+(?:\.\d+)?B\b"
PERCENT = r"\d+(?:\.\d+)?\s?(?:%|per ?cent\b)"


# A version told after a product line's name: "Nemotron 3 Ultra" after "Nemotron".
VERSION_AFTER = r"^\s+(\d+(?:\.\d+)*(?:-\w+|\s+[A-Z][a-z]+)?)\b"


def _versioned_lines(sents: pl.DataFrame, models: pl.DataFrame, g: gaz.Gazetteer) -> pl.DataFrame:
    """'Inkling uses a third as many tokens as Nvidia's Nemotron 3 Ultra': a product line's name the gazetteer knows,
    with a version it does not know yet, after a performance cue is a yardstick (a bare line is none: "beats Llama")."""
    line = models.filter(
        pl.col("model").is_in(_bare_families(g)) & pl.col("is_comparison") & pl.col("bench_clause")
        & ~pl.col("is_family")
    ).select("article_id", "sent_idx", "clause_idx", "model", "model_text")
    if line.is_empty():
        return line.select("article_id", "sent_idx", "clause_idx", benchmarked=pl.lit(True), compared_to="model")
    after = pl.col("sentence").str.split(pl.col("model_text")).list.get(1, null_on_oob=True)
    return (
        line.join(sents.select("article_id", "sent_idx", "sentence"), on=["article_id", "sent_idx"])
        .with_columns(version=after.str.extract(VERSION_AFTER, 1))
        .drop_nulls("version")
        .select("article_id", "sent_idx", "clause_idx", compared_to=pl.concat_str("model", pl.lit(" "), "version"))
    )


def _letters(name: pl.Expr) -> pl.Expr:
    """A name's letters and digits, lower-cased ("GLM 5.2" and "GLM-5.2" alike)."""
    return name.str.to_lowercase().str.replace_all(r"[^a-z0-9]", "")


def _named_yardsticks(sents: pl.DataFrame, models: pl.DataFrame, g: gaz.Gazetteer) -> pl.DataFrame:
    """'X outperforms A and B': one claim per model named after a performance cue, clause by clause. The claim is
    made for the first model named before the cue in that clause, else the sentence's subject, else the model in
    focus ('the new model beats A')."""
    compared = pl.concat([
        # (a yardstick is read by the gazetteer's name, and told as the text names it, as its readers would: "Gemini
        # Ultra's 59.1%", not "Gemini 1.0 Ultra", tests/pages3 q037-q040; by the gazetteer's name where one ends with
        # the other, letters and digits alike: "OpenAI o1-mini", "R1", "GLM 5.2" are o1-mini, DeepSeek-R1, GLM-5.2)
        models.filter(pl.col("benchmarked")).select(
            "article_id", "sent_idx", "clause_idx", compared_to="model",
            compared_text=pl.when(
                _letters(pl.col("model_text")).str.ends_with(_letters(pl.col("model")))
                | _letters(pl.col("model")).str.ends_with(_letters(pl.col("model_text")))
            ).then("model").otherwise("model_text"),
            versioned=pl.lit(False)
        ),
        _versioned_lines(sents, models, g).select(
            "article_id", "sent_idx", "clause_idx", "compared_to", compared_text="compared_to", versioned=pl.lit(True)
        ),
    ])
    bare = models.filter(pl.col("is_family")).select("model").unique()
    clause_subject = (
        models.filter(~pl.col("is_comparison") & ~pl.col("is_family"))
        .join(bare, on="model", how="anti")
        .group_by("article_id", "sent_idx", "clause_idx")
        .agg(clause_model=pl.col("model").first())
    )
    return (
        compared.join(clause_subject, on=["article_id", "sent_idx", "clause_idx"], how="left")
        .join(sents.select("article_id", "sent_idx", "subject_model", "focus_model"), on=["article_id", "sent_idx"])
        .select(
            "article_id",
            "sent_idx",
            "compared_to",
            "compared_text",
            model=pl.coalesce("clause_model", "subject_model", "focus_model"),
            told=pl.col("clause_model").is_not_null() | pl.col("subject_model").is_not_null(),
            versioned="versioned",
        )
        # (a yardstick read from a product line's name only for a model the sentence names: "it matches ... larger
        # models such as Gemma 4-31B" in a piece on several sizes is one size's claim)
        .filter(~pl.col("versioned") | pl.col("told"))
        .drop("versioned")
    )


def _score_pairs(sents: pl.DataFrame, models: pl.DataFrame) -> pl.DataFrame:
    """'The o3 model blew past the scores of all previous AI models, scoring 88%. OpenAI's next best AI model, o1,
    scored just 32%.': a model's score told right after the higher score of another is a claim of the other against
    it. Each sentence names one model and gives one score (SCORED); one that makes a claim of its own is left to
    _named_yardsticks."""
    per_sentence = (
        models.filter(~pl.col("is_family"))
        .group_by("article_id", "sent_idx")
        .agg(named=pl.col("model").unique(maintain_order=True), cue=pl.col("bench_clause").any())
        .filter(~pl.col("cue"))
    )
    scored = (
        sents.filter(pl.col("low").str.contains(SCORED))
        .with_columns(scores=pl.col("low").str.extract_all(PERCENT))
        .join(per_sentence, on=["article_id", "sent_idx"])
        .filter(pl.col("scores").list.len() == pl.col("named").list.len())
        .select(
            "article_id",
            "sent_idx",
            "named",
            score=pl.col("scores").list.eval(pl.element().str.extract(r"([\d.]+)", 1).cast(pl.Float64, strict=False)),
        )
    )
    # (the higher score is one model's; the sentence right after may give several lower ones: "OpenAI's GPT-5.5-xhigh
    # scores about 72.8 percent, and Anthropic's Claude Opus 4.6 lands around 70.9 percent")
    higher = scored.filter(pl.col("named").list.len() == 1).select(
        "article_id", "sent_idx", only=pl.col("named").list.first(), score=pl.col("score").list.first()
    )
    lower = scored.select(
        "article_id", sent_idx=pl.col("sent_idx") - 1, only_then="named", score_then=pl.col("score").list.max()
    )
    return (
        higher.join(lower, on=["article_id", "sent_idx"])
        .filter(pl.col("score") > pl.col("score_then"))
        .explode("only_then")
        .filter(pl.col("only") != pl.col("only_then"))
        .select(
            "article_id",
            # (told, and dated, where the yardstick is)
            sent_idx=pl.col("sent_idx") + 1,
            model=pl.col("only"),
            compared_to=pl.col("only_then"),
            told=pl.lit(True),
        )
    )


def _sized_yardsticks(sents: pl.DataFrame, models: pl.DataFrame) -> pl.DataFrame:
    """'Sky-T1-7B ..., outperforming models trained with ... (e.g., OpenThinker-7B trained on 117k R1 responses)': a
    name with a parameter count (SIZED_NAME) after a performance cue is a model the gazetteer does not know yet, the
    yardstick of a claim made for the sentence's subject, else (in the lead) the model in focus."""
    cued = models.filter(pl.col("bench_clause")).select("article_id", "sent_idx").unique()
    candidates = (
        sents.join(cued, on=["article_id", "sent_idx"])
        .filter(pl.col("sentence").str.contains(SIZED_NAME))
        .select(
            "article_id",
            "sent_idx",
            compared_to=pl.col("sentence")
            .str.slice(char_at(pl.col("low"), BENCHMARK).fill_null(pl.col("low").str.len_chars()))
            .str.extract_all(SIZED_NAME)
            .list.eval(pl.element().str.strip_chars_start(" \t\n([,;:\"“‘")),
            model=pl.coalesce(
                "subject_model", pl.when(pl.col("sent_idx") <= LEAD_SENTENCES).then(pl.col("focus_model"))
            ),
            told=pl.col("subject_model").is_not_null(),
        )
        .explode("compared_to")
        .drop_nulls("compared_to")
        .filter(~pl.col("compared_to").str.contains(PHRASE_WORD))
    )
    # (a size of a model the gazetteer knows is that model's, "Qwen 3.6 35B", and a piece of its name no other model,
    # "Qwen3-235B" of "Qwen3-235B-A22B")
    known = models.select("article_id", "sent_idx", "model_text").unique()
    sized_known = (
        candidates.join(known, on=["article_id", "sent_idx"])
        .filter(
            pl.col("compared_to").str.starts_with(pl.col("model_text"))
            | pl.col("model_text").str.contains(pl.col("compared_to"), literal=True)
        )
        .select("article_id", "sent_idx", "compared_to")
    )
    return candidates.join(sized_known, on=["article_id", "sent_idx", "compared_to"], how="anti").select(
        "article_id", "sent_idx", "model", "compared_to", "told"
    )


# "Claude Sonnet 4.6 scores 72.5% on the OSWorld benchmark", "DeepSeekMath-V2 ... achieves 118 of 120 points on Putnam
# 2024" (tests/pages11 z061, z110): a model's score on a named test, told in the opening, is a claim against that test.
SCORED_ON = (
    r"\b(?:scor(?:es|ed|ing)|achiev(?:es|ed|ing)|hits|hit|reach(?:es|ed|ing)|posts|posted|notch(?:es|ed))\s+"
    r"(?:(?:a|an|the)\s+)?(?:(?:record|new|top|best|state-of-the-art|unprecedented)\s+)?(?:score\s+of\s+)?"
    # (the figure's measure after it: "achieves a record 88.9% pass rate on the MiniF2F benchmark", "achieved an
    # unprecedented 25% success rate on Frontier Math problems", tests/pages14 n001, n054)
    rf"(?:{PERCENT}|\d+\s*(?:/|of|out of)\s*\d+(?:\s+points)?)"
    r"(?:\s+(?:pass|success|solve)\s+(?:rate|ratio)|\s+accuracy)?"
    r"\s+on\s+(?:the\s+)?"
    r"([A-Z][\w.\-]*(?:[ \-][A-Z0-9][\w.\-]*){0,3})"
)


def _scored_on_tests(sents: pl.DataFrame) -> pl.DataFrame:
    """The sentence's subject model (or, in the lead, the model in focus) scored on a named test (SCORED_ON)."""
    return (
        sents.filter((pl.col("sent_idx") <= OPENING_SENTENCES) & pl.col("low").str.contains(SCORED))
        .with_columns(compared_to=pl.col("sentence").str.extract(SCORED_ON, 1))
        .drop_nulls("compared_to")
        .select(
            "article_id",
            "sent_idx",
            model=pl.coalesce("subject_model", pl.col("focus_model")),
            compared_to="compared_to",
            told=pl.col("subject_model").is_not_null(),
        )
        .drop_nulls("model")
    )


def _unnamed_yardsticks(sents: pl.DataFrame, models: pl.DataFrame, named: pl.DataFrame) -> pl.DataFrame:
    """'The Antares family of small language model outperforms a dozen larger models': a claim against a yardstick
    told by what it is (YARDSTICK) or a ranking ("Ranked #1 on accuracy": RANKED), made for the sentence's subject,
    else (in the lead) the model in focus. Only for a model the article names no rival of (`named` claims): else the
    rivals named tell the claim."""
    return (
        sents.filter(
            (pl.col("low").str.contains(YARDSTICK) | pl.col("low").str.contains(RANKED))
            & ~pl.col("low").str.contains(AHEAD_IN_TIME)
        )
        .join(models.filter(pl.col("benchmarked")).select("article_id", "sent_idx").unique(),
              on=["article_id", "sent_idx"], how="anti")
        .select(
            "article_id",
            "sent_idx",
            model=pl.coalesce(
                "subject_model", pl.when(pl.col("sent_idx") <= LEAD_SENTENCES).then(pl.col("focus_model"))
            ),
            compared_to=pl.coalesce(pl.col("low").str.extract(YARDSTICK, 1), pl.col("low").str.extract(RANKED, 1)),
            told=pl.col("subject_model").is_not_null(),
        )
        .drop_nulls("model")
        .filter(~pl.col("compared_to").str.contains(NOT_RANKED))
        .join(named.select("article_id", "model").unique(), on=["article_id", "model"], how="anti")
    )


def _benchmarks(sents: pl.DataFrame, models: pl.DataFrame, g: gaz.Gazetteer) -> pl.DataFrame:
    named = pl.concat(
        [_named_yardsticks(sents, models, g), _score_pairs(sents, models), _sized_yardsticks(sents, models)],
        how="diagonal",
    )
    # (a score on a named test, for a model the article names no rival of)
    named = pl.concat(
        [named, _scored_on_tests(sents).join(named.select("article_id", "model").unique(), on=["article_id", "model"],
                                             how="anti")],
        how="diagonal",
    )
    claims = pl.concat([named, _unnamed_yardsticks(sents, models, named)], how="diagonal")
    main = main_maker(sents, models)
    rows = (
        claims.join(sents, on=["article_id", "sent_idx"], how="inner")
        .filter(
            pl.col("model").is_not_null()
            & (pl.col("model") != pl.col("compared_to"))
            # nor measured against itself named shorter ("Opus 4.8 ahead of Sonnet 5" of Claude Sonnet 5)
            & ~pl.col("model").str.ends_with(pl.concat_str(pl.lit(" "), "compared_to"))
            & ~pl.col("compared_to").str.ends_with(pl.concat_str(pl.lit(" "), "model"))
            # "Is DeepSeek-R1 better than o1?" asks; it claims nothing
            & ~pl.col("sentence").str.contains(r"\?\W*$")
            # a model told only by what it is makes the claim, not the model in focus: "a 1B parameter model can
            # outperform a 405B Llama 3 model" (holdout h1575)
            & ~(~pl.col("told") & pl.col("low").str.contains(INDEFINITE_CLAIMANT))
            # a price compared is no benchmark: "on par with most modern popular diffusion models ..., and much
            # cheaper than `gpt-image-1`’s $0.17/image" (holdout h1614): no claim against the rival priced
            & ~pl.col("low")
            .str.extract(PRICED_AFTER, 1)
            .str.contains(pl.col("compared_to").str.to_lowercase().str.extract(r"^([a-z0-9]+)", 1), literal=True)
            .fill_null(False)
            & ~pl.col("low").str.contains(HEDGE)
        )
        .join(models.select("model", "model_org").unique("model"), on="model", how="left")
        .join(main.rename({"model_org": "main_org"}), on=["article_id", "model"], how="left")
        # (a company the claim's sentence names is the rival's maker: "Seed1.5-VL outperforms ..., including OpenAI
        # CUA")
        .with_columns(
            model_org=pl.coalesce(
                "model_org", pl.when(~pl.col("orgs").list.contains(pl.col("main_org"))).then(pl.col("main_org"))
            )
        )
    )
    # A claim is news for the model the article is about (named in its lead, and made by the maker of the first model
    # its sentences tell of); further down, comparisons of other models are an explainer's or a blog's discussion.
    lead = models.filter(pl.col("sent_idx") <= LEAD_SENTENCES).select("article_id", "model").unique()
    # (a size of a model of the lead is that model's: "Ornith-1.0-397B" of Ornith-1.0)
    lead = pl.concat(
        [
            lead,
            models.select("article_id", "model")
            .unique()
            .join(lead.rename({"model": "base"}), on="article_id")
            .filter(
                pl.col("model").str.starts_with(pl.col("base") + "-")
                & pl.col("model").str.contains(r"-\d+(?:\.\d+)?[BM]$")
            )
            .select("article_id", "model"),
        ]
    ).unique()
    rows = pl.concat(
        [
            rows.filter(pl.col("sent_idx") <= OPENING_SENTENCES),
            rows.filter(pl.col("sent_idx") > OPENING_SENTENCES)
            .join(lead, on=["article_id", "model"], how="semi")
            .join(main.select("article_id", "model_org"), on=["article_id", "model_org"], how="semi"),
        ]
    )
    return _frame(
        rows,
        "benchmark_claim",
        org=pl.col("model_org"),
        model=pl.col("model"),
        compared_to=pl.coalesce("compared_text", "compared_to"),
        confidence=pl.when(pl.col("told")).then(0.8).otherwise(0.65),
        event_date=pl.lit(None, dtype=pl.String),
    )


def mentions(found: Found) -> pl.DataFrame:
    return _benchmarks(found.sents, found.models, found.g)
