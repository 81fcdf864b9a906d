"""Training costs: an amount of money beside a training word, owned by the model in focus."""
from __future__ import annotations

import polars as pl

from transforms import gazetteer as gaz
from transforms.extract.names import _lookup, _maps, main_maker
from transforms.extract.patterns import LEAD_SENTENCES
from transforms.extract.rules import Found, _frame

# A model named as where a run started: "using the 1.5B DeepSeek-R1", "fine-tuned from Qwen2.5-32B".
BASE_MODEL = (
    r"\b(?:using|used|uses|fine-tun(?:ed|ing|es?)(?: from| on)?|distill(?:ed|ing) from|built on|based on) (?:\S+ ){0,2}"
)
FUNDING = r"\b(?:rais(?:e|es|ed|ing)|funding|invest(?:s|ed|ment)|secur(?:es|ed))\b"
ROUND = r"^\s*(?:in\s+)?(?:(?:a|an|its|the)\s+)?(?:new\s+)?(?:(?i:series\s+\w+|seed|funding|investment)\b)"
# A figure told as a guess or an estimate.
RECALLED = r"\b(?:might|may|could|perhaps|estimates?|estimated|reportedly)\b"
TRAINING = r"\b(train(?:ed|ing)?|to train|training (?:run|cost|costs|bill|budget))\b"
COSTS_TOLD = r"\btrain\w*\b[^.;]{0,80}\bcost|\bcosts? (?:of|to) train"


def _literal(text: pl.Expr) -> pl.Expr:
    """The text as a regex that matches it literally."""
    return text.str.replace_all(r"([.+*?()\[\]{}|^$\\])", r"\$1")


def _made_before(sents: pl.DataFrame, models: pl.DataFrame) -> pl.DataFrame:
    """Past the lead, a cost told in a sentence that names no model is of the run the sentence before told of: the last
    model it names by the article's maker (the maker of the first model its sentences tell of), e.g. "..., resulting
    in a new SOTA open-weights 7B reasoning model Sky-T1-mini. The training takes 36 hours using 8xH100s, which is
    around $870"."""
    main = main_maker(sents, models).select("article_id", main_org="model_org")
    made = (
        models.filter(~pl.col("is_comparison") & ~pl.col("is_family"))
        .join(main, on="article_id")
        .filter(pl.col("model_org") == pl.col("main_org"))
        .group_by("article_id", "sent_idx")
        .agg(made_before=pl.col("model").last())
        .with_columns(pl.col("sent_idx") + 1)
    )
    return made.join(models.select("article_id", "sent_idx").unique(), on=["article_id", "sent_idx"], how="anti")


def _training_costs(money: pl.DataFrame, sents: pl.DataFrame, models: pl.DataFrame, g: gaz.Gazetteer) -> pl.DataFrame:
    # "$2/GPU hour", "$15 per million tokens", "Sonnet 5's $2/$10 rate": a price rate, not what a training run cost.
    money_text = _literal(pl.col("money_text"))
    rate = (
        pl.col("sentence")
        .str.contains(
            pl.concat_str(pl.lit(r"(?:/\s*)"), money_text, pl.lit(r"|"), money_text,
                          pl.lit(r"\s*(?:/|per\b|an? (?:hour|month|year)\b|rates?\b|pricing\b)")),
            strict=False,
        )
        .fill_null(False)
    )
    # (`rate` is a regex per row, compiled per row: only the few amounts beside "train" are tested)
    rows = money.filter(pl.col("low").str.contains(TRAINING) & ~pl.col("is_valuation")).filter(~rate)
    # "a model trained heavily on court decisions, and said it had raised €12m in a Series A round": a round's amount
    rows = rows.filter(~pl.col("ctx").str.to_lowercase().str.contains(FUNDING) & ~pl.col("follows").str.contains(ROUND))
    # The model in focus (named in an earlier sentence) owns the cost only in the lead: further down an amount with
    # "train" beside it is mostly someone else's run, a replication or a comparison.
    model = pl.coalesce(
        "owner_model",
        "subject_model",
        pl.when(pl.col("sent_idx") <= LEAD_SENTENCES).then("focus_model").otherwise("made_before"),
    )
    rows = rows.join(_made_before(sents, models), on=["article_id", "sent_idx"], how="left")
    rows = rows.with_columns(model=model).drop_nulls("model")
    # Nor did the model a run started from ("using the 1.5B DeepSeek-R1-Distill-Qwen model, ... a $42 compute budget"):
    # the cost is of the new run. (A regex per row again: only in the rows whose owner is not told and whose sentence
    # has the words of a start.)
    started = pl.col("owner_model").is_null() & pl.col("sentence").str.contains(BASE_MODEL)
    base = pl.col("sentence").str.contains(
        pl.when(started).then(pl.concat_str(pl.lit(BASE_MODEL), _literal(pl.col("model")))), strict=False
    )
    rows = rows.filter(~base.fill_null(False) | pl.col("owner_model").is_not_null())
    # A model the sentence names only as a yardstick ("replicates the DeepSeek-R1-Zero approach (side note: it costs
    # less than $30 to train)", "Train your own O1 preview model within $450") did not cost the amount.
    named_as = models.group_by("article_id", "sent_idx", "model").agg(only_used=pl.col("is_comparison").all())
    rows = rows.join(named_as, on=["article_id", "sent_idx", "model"], how="left").filter(
        # (one whose own amount is told is its cost still: "compared to GPT-4's $100 million")
        ~pl.col("only_used").fill_null(False) | pl.col("owner_model").is_not_null()
    )
    # Past the lead, the cost of a model the lead does not name, told as a guess or dated to a past year, is a known
    # figure recalled in an argument ("DeepSeek v3's $6m training cost and the continued crash in LLM prices might
    # hint ...", "Training one Gemini model ran about $190 million (Gemini Ultra, 2023, the last public estimate)"), not
    # news. (A cost stated plainly still counts: "Altman had said that training GPT-4 cost more than $100 million".)
    # (where the lead is about training costs, the costs further down are its news: "Training advanced AI models like
    # OpenAI's ChatGPT and Google's Gemini Ultra requires millions of dollars, with costs escalating rapidly. ... Last
    # year, OpenAI's GPT-4 cost an estimated $78.4 million to train", tests/pages3 q086)
    in_lead = models.filter(pl.col("sent_idx") <= LEAD_SENTENCES).select("article_id", "model", in_lead=pl.lit(True))
    about_costs = (
        sents.filter((pl.col("sent_idx") <= LEAD_SENTENCES) & pl.col("low").str.contains(COSTS_TOLD))
        .select("article_id", about_costs=pl.lit(True)).unique()
    )
    recalled = (pl.col("sent_idx") > LEAD_SENTENCES) & pl.col("in_lead").is_null() & pl.col("about_costs").is_null() & (
        pl.col("past_year") | pl.col("low").str.contains(RECALLED)
    )
    rows = (
        rows.join(in_lead.unique(), on=["article_id", "model"], how="left")
        .join(about_costs, on="article_id", how="left")
        .filter(~recalled)
        .drop("in_lead", "about_costs")
    )
    makers = models.drop_nulls("model_org").group_by("article_id", "model").agg(maker=pl.col("model_org").first())
    rows = rows.join(makers, on=["article_id", "model"], how="left")
    return _frame(
        rows,
        "training_cost",
        # (a new model's maker as its occurrences give it: new_models.py)
        org=pl.coalesce(_lookup(pl.col("model"), _maps(g)["model_org"]), "maker"),
        model=pl.col("model"),
        amount_usd=pl.col("amount_usd"),
        confidence=pl.when(pl.col("owner_model").is_not_null() | pl.col("subject_model").is_not_null())
        .then(0.85)
        .otherwise(0.7),
    )


def mentions(found: Found) -> pl.DataFrame:
    return _training_costs(found.money, found.sents, found.models, found.g)
