"""New models from context: names the gazetteer does not know and that no known model line begins ("Ornith-1.0",
"Base1"), told as a model and named again in the article, with their maker. Their occurrences are rows shaped as
names._model_occurrences' (core.extract_mentions adds them to its `models`), so every rule reads them alike."""
from __future__ import annotations

import polars as pl

from transforms import gazetteer as gaz
from transforms.extract.names import (
    BENCHMARK,
    COMPARISON,
    FAMILY_SUFFIX,
    NOT_RELEASED_PREFIX,
    ORG_SHAPE,
    WEAK_COMPARISON,
    _canonical,
    _denies,
    _subject_org,
    char_at,
    org_kind,
    own_site_maker,
)
from transforms.extract.patterns import (
    CLAUSE_BREAK,
    LEXICONS,
    NON_ACTORS,
    NOT_NAMES,
    PHRASE_WORD,
    QUESTION,
)
from transforms.extract.sentences import _blank_unless

# A model-like name: a capitalised word with a version or size in it or after a hyphen ("Ornith-1.0-397B", "Base1").
NEW_NAME = r"\b[A-Z][A-Za-z]*-?[A-Za-z]*\d[\w.]*(?:-[A-Za-z0-9][\w.]*)*"
# Words that open such a name and make it no model: dates, stages, chips, benchmarks, standards (lexicons.toml).
NOT_MODEL = (
    r"^(?:" + "".join(LEXICONS["not_new_model"]) + "|" + LEXICONS["software_product"] + "|" + LEXICONS["chip_line"]
    + r")\b"
)
# ... but a line's name joined to a versioned acronym is a new model of its own: "Gemini-SQL2".
SUB_LINE = r"^[A-Z][A-Za-z]*-[A-Z]{2,}\d"
# Where a sentence tells the name as a model: "the Ornith-1.0 model", "its LLM, Base1", "Ornith-1.0, a self-improving
# family of open-source models".
MODEL_WORD = r"(?:models?|llms?|language models?)\b"
TOLD_AS_MODEL = [
    rf"(?i:its|their|a|an|the|new)\s+(?:[\w\-]+\s+)?(?P<name>{NEW_NAME})\s+(?i:{MODEL_WORD})",
    rf"(?i:{MODEL_WORD}),?\s+(?:(?i:called|named|dubbed)\s+)?(?P<name>{NEW_NAME})",
    rf"(?P<name>{NEW_NAME}),\s+(?i:a|an|the|its|our)\s+(?:[\w\-]+\s+){{0,6}}?(?i:{MODEL_WORD})",
    # a system built on a model is one: "Gemini-SQL2, a new text-to-SQL system built on Gemini 3.1 Pro"
    rf"(?P<name>{NEW_NAME}),\s+(?i:a|an|the|its|our)\s+(?:[\w\-]+\s+){{0,4}}?(?i:system|agent)\s+(?i:built|based)\s+on\s+[A-Z]",
    # a launch announcement's own words: "Introducing Sonic-3.5 and Ink-2.", "Introducing GLM-5.2 1M Context"
    rf"\bIntroducing\s+(?P<name>{NEW_NAME})",
    rf"\bIntroducing\s+{NEW_NAME}(?:,\s+{NEW_NAME})*,?\s+and\s+(?P<name>{NEW_NAME})",
]
# A name without a version, told as a model's own name: "released its first in-house AI model Wednesday morning, called
# Inkling", "its upcoming Watermelon model".
WORD_NAME = r"[A-Z][a-z][A-Za-z]+"  # (camel case too: "MiMo", tests/pages8 w080)
# (a word of a hyphenated name - "Cyber" of "GPT-5.6-Cyber" - is read with it)
WHOLE_WORD = r"(?:^|[^\w\-.])"
LONGER = r"(?:[\-.]\w[\w.\-]*)?\b(?:\s+[A-Z0-9][\w.\-]*)?"
QUOTED_MODEL = (
    rf"[‘'\"“](?P<name>{WORD_NAME}(?:\s+{WORD_NAME})?)[’'\"”]\s+(?:[\w\-]+\s+)?(?:AI|(?i:{MODEL_WORD}|chatbot))\b"
)
# (what sits between the article and the model word is no framework or tool for models, nor a clause whose object the
# models are: "FrontierCode, a benchmark that measures how well models ...", "ZeroSearch, a reinforcement-learning
# framework that lets large language models ...", tests/realset r281, tests/pages9 x026)
DESCRIBED_NAME = (
    rf"(?:^|(?:^|\s)[a-z]+\s+|[,;:]\s+)(?P<name>{WORD_NAME}),\s+(?i:a|an|our|its)\s+(?P<desc>(?:[\w\-]+\s+){{0,6}}?)"
    rf"(?i:ai\s+)?(?i:{MODEL_WORD})"
)
NOT_A_MODEL_DESC = (
    r"(?i:(?:^|\s)(?:that|which|who|for|to|framework|benchmark|dataset|evaluation|method|library|toolkit|platform|"
    r"protocol|api|paper|tool)(?:\s|,|$))"
)
TOLD_AS_NAMED_MODEL = [
    rf"(?i:{MODEL_WORD})[^.;:]{{0,40}}?,?\s+(?i:called|named|dubbed|codenamed)\s+(?P<name>{WORD_NAME})\b",
    rf"(?i:its|their)\s+(?i:upcoming|new|latest|next|first|own)\s+(?P<name>{WORD_NAME})\s+(?i:{MODEL_WORD})",
    # the name after the model word: "Anthropic released its latest model Fable on Tuesday", "OpenAI is rolling out its
    # latest advanced LLM, Sol, for wide public access"
    # (its acronym between: "unveiling its first large language model (LLM), MiMo", tests/pages8 w083)
    rf"(?i:its|their)\s+(?i:upcoming|new|newest|latest|next|first|own)\s+(?:[\w\-]+\s+)?(?i:{MODEL_WORD})"
    rf"(?:\s*\([A-Z]{{2,5}}s?\))?,?\s+(?P<name>{WORD_NAME})\b",
    # ... or set off by a comma after "a new ... model": "the company released a new transformer-based model, Jev, that
    # is not a large language model" (TechCrunch, tests/newsindex u028)
    # (the name closes the apposition: not "a new AI model, Bloomberg reported", "a new open model, Europe's answer")
    rf"(?i:an?\s+(?:brand-)?new)\s+(?:[\w\-]+\s+){{0,2}}?(?i:{MODEL_WORD})\s*,\s+(?P<name>{WORD_NAME})\s*"
    r"(?:,|\s+(?:that|which)\b)",
    # "benchmarking results for Thomson, a first of its kind AI model"
    # (a whole name: after a lower-case word, not a word of "Daybreak Blue" or "Gemini 3.7 Flash")
    # (its description read apart: DESCRIBED_NAME)
    DESCRIBED_NAME,
    # a name quoted before what it is, as headlines tell a new one: "Japan's 'Sakana Fugu' multiagent AI scores well"
    QUOTED_MODEL,
]
# A model repository's address: its owner made it ("https://huggingface.co/deepreinforce-ai/Ornith-1.0-397B").
HF_REPO = r"huggingface\.co/([\w\-]+)/([\w.\-]+)"
SIZED = r"-\d+(?:\.\d+)?[BM]$"
HEADLINE_VERB = r"\s+(?:[a-z]+s|[a-z]+ed|built|made|won|has|have)\b"  # a headline's verb, present or past
OPENING = 3  # the headline and the first sentences
SEP = r"[\s\-_’'.]+"


def _key(name: pl.Expr) -> pl.Expr:
    return name.str.replace_all(SEP, "").str.to_lowercase()


def _maker_name(owner: pl.Expr, g: gaz.Gazetteer) -> pl.Expr:
    """A repository owner as a company name: the gazetteer's, else its words capitalised ("deepreinforce-ai" ->
    "Deepreinforce AI")."""
    words = owner.str.replace_all(r"[\-_]+", " ").str.to_titlecase().str.replace(r"\bAi$", "AI")
    return pl.coalesce(_canonical(owner, g.org_by_key), _canonical(words, g.org_by_key), words)


def new_model_occurrences(sents: pl.DataFrame, models: pl.DataFrame, g: gaz.Gazetteer) -> pl.DataFrame:
    """Rows as names._model_occurrences' for the new models of each article (see the module's docstring)."""
    empty = models.clear()
    named = sents.filter(pl.col("sentence").str.contains(r"[A-Z][A-Za-z]*-?[A-Za-z]*\d"))
    told = pl.concat_list(
        [pl.col("sentence").str.extract_all(p).list.eval(pl.element().str.extract(p, 1)) for p in TOLD_AS_MODEL]
    )
    as_model = (
        named.filter(
            pl.col("low").str.contains(MODEL_WORD + r"|(?:built|based) on")
            | pl.col("sentence").str.contains("Introducing ", literal=True)
        )
        .select("article_id", name=told)
        .explode("name")
        .drop_nulls("name")
        .with_columns(pl.col("name").str.strip_chars_end("."))
        .unique()
    )
    occ = (
        named.join(as_model.select("article_id").unique(), on="article_id", how="semi")
        .select("article_id", "sent_idx", "sentence", "low", name=pl.col("sentence").str.extract_all(NEW_NAME))
        .explode("name")
        .drop_nulls("name")
        .with_columns(pl.col("name").str.strip_chars_end("."))
        .filter(
            (~pl.col("name").str.contains(NOT_MODEL) | pl.col("name").str.contains(SUB_LINE))
            & _canonical(pl.col("name"), g.model_by_key).is_null()
            & _canonical(pl.col("name"), g.org_by_key).is_null()
        )
    )
    candidates, occ = occ, occ.join(as_model, on=["article_id", "name"], how="semi")
    occ = pl.concat([occ, _word_names(sents, g)])
    # Not a name the gazetteer's reading covers, in full or as the start of a longer name ("GPT-5.6-Cyber"), nor one
    # the article names as a company.
    # Nor the last word of a name it covers: "K3" of "Kimi K3" (holdout h1438).
    known = (
        models.select("article_id", "model_text", known=_key(pl.col("model_text"))).drop_nulls().unique()
    )
    covered = (
        occ.select("article_id", "name", key=_key(pl.col("name")))
        .unique()
        .join(known, on="article_id")
        .filter(
            pl.col("key").str.starts_with(pl.col("known"))
            | pl.col("model_text").str.ends_with(pl.lit(" ") + pl.col("name"))
        )
        .select("article_id", "name")
        .unique()
    )
    companies = sents.select("article_id", name=pl.col("new_org")).drop_nulls().unique()
    occ = occ.join(covered, on=["article_id", "name"], how="anti").join(
        companies, on=["article_id", "name"], how="anti"
    )
    # Named in two sentences at least: a name said once is a passing mention.
    occ = occ.filter(pl.col("sent_idx").n_unique().over("article_id", "name") >= 2)
    if occ.is_empty():
        return empty
    makers = _makers(sents, occ, g)
    # A size of a new model is its maker's model too, named once or more ("Ornith-1.0-397B").
    members = (
        candidates.select("article_id", member="name")
        .unique()
        .join(makers, on="article_id")
        .filter(pl.col("member").str.starts_with(pl.col("name") + "-") & pl.col("member").str.contains(SIZED))
        .unique(["article_id", "member"], keep="first")
        .select("article_id", name="member", model_org="model_org")
    )
    occ = pl.concat([occ, candidates.join(members, on=["article_id", "name"], how="semi")])
    return _shaped(occ, pl.concat([makers, members]))


def _told_name(pattern: str) -> pl.Expr:
    """The name a TOLD_AS_NAMED_MODEL pattern reads in a match (pl.element()); where the pattern also reads what the
    name is told as (a `desc` group), none if that is no model (NOT_A_MODEL_DESC)."""
    name = pl.element().str.extract(pattern, 1)
    if "(?P<desc>" not in pattern:
        return name
    desc = pl.element().str.extract_groups(pattern).struct.field("desc")
    return pl.when(~desc.str.contains(NOT_A_MODEL_DESC)).then(name)


def _word_names(sents: pl.DataFrame, g: gaz.Gazetteer) -> pl.DataFrame:
    """The occurrences of the names without a version an article tells as its model's (TOLD_AS_NAMED_MODEL)."""
    told = pl.concat_list(
        [pl.col("sentence").str.extract_all(p).list.eval(_told_name(p)) for p in TOLD_AS_NAMED_MODEL]
    )
    names = (
        sents.filter(
            # (the first pattern reads only the sentences with a model word: the others are blanked for it)
            _blank_unless(pl.col("low").str.contains(MODEL_WORD), pl.col("low")).str.contains(
                r"(?:called|named|dubbed|codenamed|its|their|,)\s"
            )
            | pl.col("sentence").str.contains(QUOTED_MODEL)
        )
        .select("article_id", name=told)
        .explode("name")
        .drop_nulls("name")
        .unique()
        .filter(
            ~pl.col("name").is_in(NOT_NAMES)
            & ~pl.col("name").str.contains(PHRASE_WORD)
            & ~pl.col("name").str.contains(NOT_MODEL)
            & _canonical(pl.col("name"), g.model_by_key).is_null()
            & _canonical(pl.col("name"), g.org_by_key).is_null()
        )
    )
    # (read with the next capitalised word, if any: "Muse" in "Muse Spark" is another name's part)
    return (
        sents.join(names.select("article_id").unique(), on="article_id", how="semi")
        .select(
            "article_id",
            "sent_idx",
            "sentence",
            "low",
            name=pl.col("sentence").str.extract_all(WHOLE_WORD + WORD_NAME + LONGER),
        )
        .explode("name")
        .with_columns(pl.col("name").str.replace(r"^[^A-Z]+", ""))
        # (or the word after a company's name in camel case: "Seed" in "ByteDance Seed has released", pages14 n110)
        .with_columns(name=pl.concat_list("name", pl.col("name").str.extract(r"^[A-Z]\w*[a-z][A-Z]\w*\s+(\S+)$", 1)))
        .explode("name")
        .join(names, on=["article_id", "name"], how="semi")
        .unique(["article_id", "sent_idx", "name"], maintain_order=True)
    )


# "<name>, a model released by <company>": the model's maker, named after it.
MADE_BY_CUE = r"(?:released|developed|built|made|created|trained) by "
# (what describes the maker is no part of its name: "by Chinese startup Zhipu", "by Paris-based Mistral")
MADE_BY = (
    rf",\s+(?:a|an|the)\s+(?:[\w\-]+\s+){{0,3}}?(?:models?|llms?)\s+{MADE_BY_CUE}(?i:the\s+)?"
    r"(?:[A-Z][\w\-]*-based\s+)?(?:(?:[A-Z][a-z]+\s+)?(?:[a-z][\w\-]*\s+){1,3})?"
    rf"({ORG_SHAPE})"
)


def _makers(sents: pl.DataFrame, occ: pl.DataFrame, g: gaz.Gazetteer) -> pl.DataFrame:
    """(article_id, name, model_org): the owner of the name's model repository, else the maker named after it ("Jev, a
    model released by TypeSafe AI"), else the company whose own site it is where that sentence says "we release" (core's
    `site_org`), else the first acting company of the sentence first naming it, else the headline's
    company where that sentence says "its", else the company introduced last where no known one was named later, else
    the company in focus there, else the newly introduced one, else (named in the opening) the headline's company."""
    actor = ~org_kind(pl.element(), g).is_in(NON_ACTORS)
    # ("The company says that its latest model Chai-3 ...": "its" is the headline's company's)
    headline = sents.filter(pl.col("sent_idx") == 0).select(
        "article_id",
        # (the subject of a headline's verb, known or not: "Vibe-coding platform Base44 launches own model")
        headline=pl.coalesce(
            pl.col("orgs").list.filter(actor).list.first(),
            "new_org",
            _subject_org(pl.col("sentence"), HEADLINE_VERB, g),
        ),
    )
    # (the sentence's first acting company read once: `own`, what it is in focus from, and where it was named)
    focus = sents.sort("article_id", "sent_idx").with_columns(
        own=pl.col("orgs").list.filter(actor).list.first()
    ).select(
        "article_id",
        "sent_idx",
        "low",
        "own",
        "site_org",
        focus=pl.col("own").forward_fill().over("article_id"),
        new=pl.col("new_org").forward_fill().over("article_id"),
        focus_at=pl.when(pl.col("own").is_not_null()).then("sent_idx").forward_fill().over("article_id"),
        new_at=pl.when(pl.col("new_org").is_not_null()).then("sent_idx").forward_fill().over("article_id"),
    )
    first = (
        occ.group_by("article_id", "name")
        .agg(sent_idx=pl.col("sent_idx").min())
        .join(focus, on=["article_id", "sent_idx"], how="left")
        .join(headline, on="article_id", how="left")
        .with_columns(its=pl.when(pl.col("low").str.contains(r"\bits\b")).then("headline"))
    )
    repos = (
        sents.filter(pl.col("low").str.contains("huggingface.co/", literal=True))
        .select("article_id", repo=pl.col("low").str.extract_all(HF_REPO))
        .explode("repo")
        .drop_nulls("repo")
        .select(
            "article_id",
            owner=pl.col("repo").str.extract(HF_REPO, 1),
            repo_key=_key(pl.col("repo").str.extract(HF_REPO, 2)),
        )
    )
    owned = (
        first.select("article_id", "name", key=_key(pl.col("name")))
        .join(repos, on="article_id")
        .filter(pl.col("repo_key").str.starts_with(pl.col("key")))
        .group_by("article_id", "name")
        .agg(owner=pl.col("owner").first())
    )
    # A maker named after the model, where the article tells whose it is: "Jev, a model released by TypeSafe AI earlier
    # this month" (TechCrunch, tests/newsindex u030, under the headline "OpenAI's Jev clone ...").
    made_by = (
        occ.filter(pl.col("low").str.contains(MADE_BY_CUE))
        .with_columns(
            maker=pl.col("sentence").str.extract(
                pl.concat_str(pl.col("name").str.escape_regex(), pl.lit(MADE_BY)), 1
            )
        )
        .drop_nulls("maker")
        .group_by("article_id", "name")
        .agg(by=pl.col("maker").sort_by("sent_idx").first())
    )
    return first.join(owned, on=["article_id", "name"], how="left").join(
        made_by, on=["article_id", "name"], how="left"
    ).select(
        "article_id",
        "name",
        model_org=pl.coalesce(
            _maker_name(pl.col("owner"), g),
            pl.coalesce(_canonical(pl.col("by"), g.org_by_key), "by"),
            own_site_maker(),
            # (or where the page's headline names it as "our" one: "Inkling: Our Open-Weights Model" on
            # thinkingmachines.ai, tests/newsindex w020, whose lead names Hugging Face first; not "Our partner Sarvam
            # AI launches ...")
            pl.when((pl.col("sent_idx") == 0) & pl.col("low").str.contains(r"^[^:]{1,40}:\s+our\b")).then("site_org"),
            "own",
            "its",
            # (the company introduced last, where a known one was named no later: "Almeida left OpenAI to start
            # TypeSafe AI, a startup ... This week, the company released a new transformer-based model, Jev",
            # tests/newsindex u028)
            pl.when(pl.col("new_at") >= pl.col("focus_at").fill_null(-1)).then("new"),
            "focus",
            "new",
            # (named first in the opening, it is the headline's company's: "Thomson Reuters built its own AI model")
            pl.when(pl.col("sent_idx") <= OPENING).then("headline"),
        ),
    )


def _shaped(occ: pl.DataFrame, makers: pl.DataFrame) -> pl.DataFrame:
    """The occurrences with the columns names._model_occurrences gives, read from the clause that names each."""
    clauses = (
        occ.with_columns(clause=pl.col("sentence").str.replace_all(CLAUSE_BREAK, "\x1e").str.split("\x1e"))
        .with_columns(clause_idx=pl.int_ranges(pl.col("clause").list.len()))
        .explode("clause", "clause_idx")
        .filter(pl.col("clause").str.contains(pl.col("name"), literal=True))
        .unique(["article_id", "sent_idx", "name"], keep="first", maintain_order=True)
    )
    at = char_at(pl.col("clause"), pl.col("name"), literal=True)
    low = pl.col("clause").str.to_lowercase()
    cue_at = char_at(low, COMPARISON)
    prefix = pl.col("clause").str.slice(0, at).str.to_lowercase()
    after = pl.col("clause").str.slice(at + pl.col("name").str.len_chars())
    rows = clauses.with_columns(
        after_cue=(cue_at < at).fill_null(False),
        bench_clause=low.str.contains(BENCHMARK),
        clause_negated=_denies(low) | pl.col("sentence").str.contains(QUESTION),
        is_family=after.str.contains("^" + FAMILY_SUFFIX),
        weak=prefix.str.contains(WEAK_COMPARISON),
        not_released=prefix.str.contains(NOT_RELEASED_PREFIX),
    ).join(makers, on=["article_id", "name"], how="left")
    return rows.select(
        "article_id",
        "sent_idx",
        pl.col("clause_idx").cast(pl.Int64),
        model=pl.col("name"),
        model_org=pl.col("model_org"),
        is_comparison=pl.col("after_cue") | pl.col("weak"),
        benchmarked=pl.col("after_cue") & pl.col("bench_clause") & ~pl.col("is_family"),
        bench_clause=pl.col("bench_clause"),
        is_family=pl.col("is_family"),
        is_short=pl.lit(False),
        clause_negated=pl.col("clause_negated"),
        not_released=pl.col("not_released"),
        model_text=pl.col("name"),
    )
