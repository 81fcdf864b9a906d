"""Model releases: a known or new model named with a release verb, with its maker and weights."""
from __future__ import annotations

import polars as pl

from transforms import gazetteer as gaz
from transforms.extract.core import _where
from transforms.extract.names import (
    SOFTWARE_BUILD,
    VERSION_SUFFIX,
    VERSION_TAIL,
    _bare_families,
    _built,
    _canonical,
    _lookup,
    _maps,
    _text_after,
    _versioned,
    _with_read,
    char_at,
    org_kind,
    own_site_maker,
)
from transforms.extract.patterns import (
    FIRST_PERSON_RELEASE,
    LEAD_SENTENCES,
    LEXICONS,
    NEGATION,
    NON_ACTORS,
    PHRASE_WORD,
    QUESTION,
    STRONG_COMPARISON,
    TIME_MARKER,
)
from transforms.extract.rules import Found, _frame
from transforms.extract.sentences import _blank_unless

# "The company is out on Tuesday with Nemotron 3.5 Lightning, a 30-billion-parameter open ... model" (holdout h1037)
# (a versioned name right after "with": not "out with a warning that GPT-5 can be misused")
OUT_WITH_LEAD = r"(?:is|are) out (?:(?:on|this|early|late) \w+ |today )?with"
OUT_WITH = (
    rf"{OUT_WITH_LEAD} (?:its |their |the )?(?:new |latest )?"
    r"[a-z][\w.\-]*(?:[ \-]?\d|[ \-][a-z][\w.\-]*[ \-]?\d)"
)
RELEASE = (
    r"\b(releas(?:e|es|ed|ing)|launch(?:es|ed|ing)?|unveil(?:s|ed|ing)?|introduc(?:e|es|ed|ing)|debut(?:s|ed)?"
    # ("open source" as an adjective - "It's cheap, open source", "an open-source model" - releases nothing)
    r"|open[- ]?sourc(?:es|ed|ing)|(?:to|will|would|and) open[- ]?source"
    r"|roll(?:s|ed|ing)? out|ship(?:s|ped)|(?:to|will|would) ship\b|made available|now available|available "
    r"(?:to|for|on|via)"
    r"|publish(?:es|ed)|announc(?:e|es|ed|ing)|post(?:s|ed) .{0,120}(?:hugging ?face|github)|upload(?:s|ed)|"
    r"drop(?:s|ped) .{0,40}weights"
    # (a model dropped: "Sarvam recently dropped Sarvam-1", "GPT-5.4 dropped last night"; not a price that drops from
    # or to a figure)
    r"|drop(?:s|ped)(?:\s+(?:its|their|a|an|the|two|three|four|new|this|last|on|today|yesterday|[a-z][\w.\-]*\d)\b|[.,;]|$)"
    r"|put out|went live|goes live|came out|comes out|is (?:now )?out now"
    rf"|{OUT_WITH}"
    # "three sizes through the API: GPT-5, GPT-5 mini and GPT-5 nano"
    r"|(?:sizes|versions|variants)\b[^.:;]{0,30}:)"
)
CHRONICLE_YEAR = r"^\W*(?i:in)\s+((?:19|20)\d\d)\b"
OPENING_SENTENCES = 3  # the headline and the first sentences
FAR_DOWN = 50  # sentences: past this a release of a model the lead does not name is no news
# A release restated as background ("its earlier models remain available") is not news, unless it is dated.
BACKGROUND = r"\b(earlier|previous|previously|remains?|still|already|existing|older|last year's|predecessor)\b"
# ... and so is one a sentence opens with as its time ("When we announced Claude Mythos 5, we shared that ...").
RELEASE_AS_TIME = (
    r"^(?:when|since|ever since|after|once) (?:we|it|they|the company) (?:first )?"
    r"(?:announced|released|launched|unveiled|introduced|debuted|shipped)\b"
    # "With the release of GPT-3.5, the team experienced its first major breakthrough" (holdout h1846, a history)
    # (told in the past: not "With the launch of Claude Opus 5.1, Anthropic now leads on coding benchmarks")
    r"|^(?:with|after|since|following) the (?:release|launch|debut) of [^,;]{1,60}, (?:the |its |their )?"
    r"(?:[\w\-’']+ ){0,3}?(?:[a-z]+ed|was|were|had|became|began|saw|got|grew|took|made|came|went|rose|fell|hit|led"
    r"|won|lost|drew|sold|brought|kept|left|paid|ran|said|sent|spent|stood|told|shot|soared|sank|slid)\b"
    # a clause that dates the main one: "and when Anthropic's Opus 4.6 model was released, PRs hit an inflection point"
    r"|\b(?:when|ever since|once) (?:[\w’'.\-]+ ){1,6}?(?:was|were) (?:first |finally )?"
    r"(?:released|launched|unveiled|introduced|announced),"
)
# ("Earlier the same week Sakana AI ... launched Fugu": a release days ago is news still)
RECENT = r"earlier (?:this|the same|that) (?:week|month)\b"
# ... nor is a comparison with what came before: "improvements over older generation encoders", "faster than its
# predecessor".
COMPARED_TO_OLD = (
    r"\b(?:over|than|from|versus|vs\.?|compared (?:to|with)|beyond)\s+(?:the\s+|its\s+|their\s+|all\s+)?"
    r"(?:earlier|previous|older|existing|predecessor)"
)
# A release someone is let do is none yet: "granted Anthropic permission to release its Mythos 5 model" (its release
# verb is no cue).
PERMITTED = (
    r"\b(?:permission|approval|clearance|authori[sz]ation|go-ahead|green light|licen[cs]e|(?:allowed|permitted|"
    r"authori[sz]ed|cleared)(?: \w+)?) to (?:release|launch|ship|deploy|roll out|open-source)\b"
)
# A release talked about is no release: "he's been replaced in meetings about re-releasing the Claude Fable 5 AI model",
# "held "constructive" talks ... about releasing Siri AI in the bloc".
RELEASE_AS_TOPIC = (
    r"\b(?:about|over|regarding|whether(?: or not)? to)\s+(?:re-?)?(?:releas|launch|open-sourc|unveil)(?:e|es|ing)?\b"
    # ... as is one held back: "asked OpenAI to restrict the release of its GPT-5.6 Sol model" (holdout h1438)
    r"|\b(?:restrict(?:s|ed|ing)?|delay(?:s|ed|ing)?|halt(?:s|ed|ing)?|paus(?:e|es|ed|ing)|postpon(?:e|es|ed|ing)"
    r"|block(?:s|ed|ing)?|withh(?:old|olds|eld|olding)|stop(?:s|ped|ping)?)\s+(?:the|its|their)\s+"
    r"(?:public\s+)?(?:release|launch)\b"
    # ... and one given as an example: "The launch of OpenAI’s o1 model illustrates this risk" (holdout h1510)
    r"|\b(?:release|launch|debut)\s+of\s+[^.;]{1,60}?\s+(?:illustrates|illustrated|exemplifies|exemplified)\b"
)
# Release words that say something else: "the published numbers", "at published list prices" (a figure made public),
# "came out almost as good as Sonnet in our tests" (turned out).
NOT_A_RELEASE_VERB = (
    r"\bpublished\s+(?:[\w\-]+\s+){0,2}?(?:numbers|prices|results|scores|figures|data|benchmarks|evals?|rates|charts"
    r"|graphs|tables)\b"
    r"|\bcame out (?:almost |nearly |slightly |far |much )?(?:as|better|worse|ahead|behind|on top|top)\b"
    # a byline's date run into the lead: "Xinmei Shen Published: 4:00pm, 7 Aug 2026 Updated: ..."
    r"|\bpublished(?: on)?:\s"
    r"|\bout with (?:regard|respect)\b"  # "word is out with regard to GPT-6"
    # what a paper introduces is a method, no release: "The new DeepMind paper introduces a system called CaMeL"
    # (holdout h1517, Simon Willison's blog)
    r"|\b(?:paper|study|preprint)(?:,?\s+(?:that|which|also))?\s+(?:introduc|present|propos|describ)\w*"
    # ... nor is a release "since" tells, a time ("which has remained mostly out of the public eye since releasing
    # low-cost AI systems in January", tests/pages2 p065; the sentence's other clauses are read: "Since releasing GPT-4o
    # in May, OpenAI has launched o1", "Meta has struggled since releasing Llama 4, and the company launched Llama 4.1")
    r"|\bsince (?:first )?(?:releasing|launching|unveiling|debuting|introducing|rolling out)\b"
    # ... nor is the paper's own publication: "appeared in a peer-reviewed article in the academic journal Nature
    # published on Wednesday" (tests/pages2 p066)
    r"|\b(?:article|paper|study|preprint|journal)\b[^.;,]{0,40}?\bpublished\b"
    # ... or what was introduced in one: "It was first introduced in their paper DeepSeekMath: ..." (holdout h1632)
    r"|\bintroduc\w* in (?:a|an|the|their|its|our|his|her) (?:\w+ )?paper\b"
    # a release someone is kept from: "now it prevents OpenAI from releasing GPT-5.6 at all" (the holdout pool)
    r"|\b(?:prevent|bar|block|stop|forbid|keep|kept|forbade)(?:s|ed|red|ped|ing|ping|den)? (?:[\w.’'\-]+ ){1,3}?from "
    r"(?:releas|launch|ship)\w*"
    # ... or taken back: "it forced Anthropic to un-release Fable 5 two weeks ago"
    r"|\bun-?releas\w*"
    # ... or not out yet: "an even more capable pre-release model" (the pool)
    r"|\bpre-?releas\w*"
    # what is announced about a model's limits or price is no release of it: "announced that the rate limit for o1
    # doubled" (holdout h1561)
    r"|\bannounc\w* that (?:the )?(?:rate limits?|prices?|pricing|usage|quotas?|limits?)\b"
    # ... nor is a price it launched at, or charts one published: "Claude Sonnet 5’s launch price of $2 input is the
    # standard price", "I read the three benchmark charts it published, and Claude Opus 5 wins all three" (the pool)
    r"|\blaunch (?:prices?|pricing)\b"
    # ("the first estimate it has released of R1's training costs", tests/pages2 p066)
    r"|\b(?:charts?|graphs?|tables?|numbers|results|scores|figures|benchmarks?|evals?|estimates?|details|data)\s+"
    r"(?:that\s+)?(?:it|they|we|he|she|the company)\s+(?:has\s+|have\s+|had\s+)?(?:published|released|posted|shared)\b"
    # models given as examples of what labs have released: "leading AI labs have released models such as Seedream,
    # Ideogram, and Qwen-Image" (holdout h1614)
    r"|\b(?:labs|companies|developers|rivals|competitors|others|firms|startups)\s+(?:\w+\s+)?(?:have|has) released "
    r"(?:\w+ ){0,2}?models,? (?:such as|like|including)\b"
    # a release as the time of something else: "performed by us independently before DeepSeek-R1’s release" (holdout
    # h1571; only these words are taken out: "Two years after ChatGPT's launch, OpenAI released GPT-5" releases)
    r"|\b(?:before|after|since|until|prior to) [\w.\-]+(?:’s|'s) (?:release|launch|debut)\b"
)
# A model offered on another company's cloud is distributed, not released: "GPT-5.5, GPT-5.4, and Codex are now
# generally available on Amazon Bedrock", "also available via third-party services like Azure Foundry".
ON_A_CLOUD = (
    r"\b(?:now |also |generally |broadly |widely )*available (?:\w+ ){0,3}?(?:on|via|through|in|from) "
    r"(?:[\w\-]+ ){0,4}?(?:amazon bedrock|bedrock|sagemaker|azure|microsoft foundry|snowflake|databricks|watsonx|"
    r"oracle cloud|third-party)\b"
)
# A version number after a known name, with its variant words ("Nano Banana 2 Lite"), unless a count or measure
# follows ("Sora 2 minutes", "Veo 3x", "Imagen 2 models").
NEW_VERSION_TAIL = rf"^([\s\-]\d{{1,2}}(?:\.\d{{1,2}})?{VERSION_SUFFIX})"
NOT_A_VERSION_AFTER = (
    r"^(?:%|\.\d|[xX]\b|\s*(?i:times|percent|per|months?|years?|weeks?|days?|hours?|minutes?|seconds?|billion|"
    r"million|thousand)\b|\s+[a-z]{3,}s\b)"
)
# A variant word hyphened onto a known name is another model: "Sky-T1-32B-Flash" is not Sky-T1-32B.
VARIANT_TAIL = (
    r"^((?:-(?:Flash|Lite|Pro|Ultra|Mini|Nano|Max|Plus|Turbo|Preview|Instruct|Chat|Thinking|Reasoning|Coder|Cyber|"
    r"Vision|Exp|Experimental|Small|Medium|Large|Air))+)\b"
)
# The verbs before a model's name: where the last one teases, the model is a plan.
TEASE = r"^(?:teas|hint)"
TEASE_OR_RELEASE = (
    r"\b(?:teas(?:e|es|ed|ing)|hint(?:s|ed)? at|releas\w*|launch\w*|unveil\w*|introduc\w*|announc\w*|debut\w*|"
    r"ship(?:s|ped)?|roll(?:s|ed)? out)\b"
)
# A model named as a yardstick by a suffix: "GPT-4 level outputs", "a Mythos-class model".
# ("Anthropic launched Claude Opus 5 at Opus 4.8 pricing": the older model's price is the yardstick)
YARDSTICK_SUFFIX = r"^[\s\-](?:level|class|grade|caliber|calibre|tier|like|pricing|prices)\b"
# "The company released the model on Thursday": the model in focus is the one released.
RELEASE_REF = (
    r"(?i:(?:releas(?:e|es|ed|ing)|launch(?:es|ed|ing)?|unveil(?:s|ed|ing)?|introduc(?:e|es|ed|ing)|"
    r"open-sourc(?:e|es|ed|ing)|ship(?:s|ped)?|debut(?:s|ed)?)\s+(?:the|its|this|that)\s+(?:new\s+|"
    r"latest\s+|updated\s+)?(?:model|system)(?:[^’'\w]|$))"
)
# Where the headline names the model, a lead's release of "their first full fledged reasoning model" is its release.
RELEASE_REF_WIDE = (
    r"(?i:(?:releas(?:e|es|ed|ing)|launch(?:es|ed|ing)?|unveil(?:s|ed|ing)?|introduc(?:e|es|ed|ing)|"
    r"open-sourc(?:e|es|ed|ing)|debut(?:s|ed)?)\s+(?:the|its|their|this|that)\s+(?:[\w\-]+\s+){0,4}?"
    r"(?:model|system)(?:[^’'\w]|$))"
)
# A release whose object is an unnamed model: "released the first two models of", "put out six smaller models".
RELEASED_MODELS = (
    r"\b(?:releas(?:e|es|ed)|launch(?:es|ed)?|unveil(?:s|ed)?|introduc(?:e|es|ed)|open-sourc(?:e|es|ed)|"
    r"debut(?:s|ed)?"
    r"|ship(?:s|ped)|roll(?:s|ed)? out|put out|publish(?:es|ed))\s+(?:[\w\"“”'’\-]+\s+){0,5}?models?\b"
)
# "Updated 8B and 70B versions were released": sizes of the model in focus.
SIZE_LIST = (
    r"\b\d+(?:\.\d+)?[BM](?:(?:,\s*|,?\s+and\s+|\s*/\s*)\d+(?:\.\d+)?[BM])*\s+(?:versions?|variants?|models?|"
    r"sizes?)\b"
)
# A release told as an announcement's object ("announced the launch of Magistral, a sophisticated reasoning model",
# tests/pages10 y084)
LAUNCH_OF = r"announc(?:e|es|ed|ing) the (?:launch|release|debut) of"
# A name told as a model right after its release verb ("released Sora, its text-to-video model"; a link between).
FIRST_OF_LINE = (
    rf"(?:\b(?:releas|launch|unveil|introduc|debut)(?:e|es|ed)?|{LAUNCH_OF})\s+([A-Z][\w\-]*)\]?(?:\([^)\s]*\))?,\s+"
    # (a word in quotes too: "a new “reasoning” model", tests/pages10 y085)
    r"(?:its|a|an)\s+(?:[\"“]?[\w\-]+[\"”]?\s+){0,4}?(?:AI\s+)?models?\b"
)
# What a name is when these follow it: a machine, an app or a program, not a model.
PRODUCT_AFTER = (
    r"^(?:\s+[\w\-]+)?\s+(?:servers?|apps?|application|browser|(?:smart)?phones?|laptops?|PCs?|chips?|GPUs?|CPUs?|"
    r"processors?|accelerators?|cards?|devices?|headsets?|glasses|tunnels?|extensions?|plugins?|plug-ins?|SDK|CLI|IDE)\b"
    r"|^,\s+(?:a|an|the|its)\s+(?:[\w\-]+\s+){0,3}?(?:servers?|apps?|application|browser|(?:smart)?phones?|laptops?|"
    r"chips?|GPUs?|CPUs?|processors?|accelerators?|cards?|devices?|headsets?|system|platform|tool|tunnel)\b"
    # (an agent built on the model: "Google unveiled its Gemini 1.5 Deep Research in December 2024", holdout h1693)
    r"|^\s+Deep Research\b"
)
MODEL_SHAPE = r"[A-Z][\w.]*(?:[\- ][A-Z0-9][\w.]*)*"  # must also contain a digit (checked where used)
RELEASE_VERBS = (
    r"releas(?:e|es|ed)|launch(?:es|ed)?|unveil(?:s|ed)?|introduc(?:e|es|ed)|open-sourc(?:e|es|ed)|open "
    r"sourced|debut(?:s|ed)?"
    r"|ship(?:s|ped)?|roll(?:s|ed)? out|announc(?:e|es|ed)|drop(?:s|ped)"
)


def _model_releases(sents: pl.DataFrame, models: pl.DataFrame, g: gaz.Gazetteer) -> pl.DataFrame:
    low = pl.col("low")
    # "The raise comes a week after the launch of its newest model": a release used as a time marker is background too.
    # (kept as columns: each is used several times below)
    # (RECENT and COMPARED_TO_OLD are taken out only where one of the words they end in is: elsewhere the sentence is
    # read as it is, not copied twice)
    older = pl.col("_older")
    recent_kept = _blank_unless(older, low).str.replace_all(RECENT, "").str.replace_all(COMPARED_TO_OLD, "")
    sents = (
        sents.with_columns(_older=low.str.contains("earlier|previous|older|existing|predecessor"))
        .with_columns(
            background=pl.when(older).then(recent_kept).otherwise(low).str.contains(BACKGROUND)
            | low.str.contains(TIME_MARKER)
            | low.str.contains(RELEASE_AS_TIME)
        )
        .drop("_older")
    )
    background = pl.col("background")
    # A plan is never background: "plans to open-source Grok 2, in line with a policy of publishing a predecessor"; a
    # report is ("export controls days after Anthropic released Fable 5 publicly, reportedly citing concerns").
    cue_text = (
        low.str.replace_all(PERMITTED, "").str.replace_all(ON_A_CLOUD, "").str.replace_all(RELEASE_AS_TOPIC, "")
        .str.replace_all(NOT_A_RELEASE_VERB, "")
    )
    # Where the only model released is the time marker's, a date does not make it news: the date is the other
    # clause's ("interactions with Claude in November 2025, just prior to the release of Opus 4.5", holdout h1828;
    # not "OpenAI released GPT-5.2 on December 11, days after Google launched Gemini 3 Pro": a release and a model
    # before the marker).
    before_marker = pl.col("sentence").str.replace(rf"(?i:{TIME_MARKER}).*$", "")
    sents = _where(
        sents,
        low.str.contains(TIME_MARKER),
        _released_before_marker=before_marker.str.to_lowercase().str.contains(RELEASE)
        & before_marker.str.contains(_versioned(g)),
    )
    sents = sents.with_columns(
        is_cue=cue_text.str.contains(RELEASE)
        & ~(background & pl.col("event_date").is_null() & (pl.col("status") != "planned"))
        & (pl.col("_released_before_marker").fill_null(True) | (pl.col("status") == "planned"))
        & ~pl.col("history")
    ).drop("_released_before_marker")
    # A chronicle's item is history whatever its year ("- in 2022 Stanford researchers gave us FlashAttention ... - in
    # 2025 DeepSeek released DeepSeek-R1"): a sentence fronted by a year, beside one fronted by another year.
    # (the year read once, as a column: an expression used three times in with_columns is read three times)
    year = pl.col("_year")
    beside = pl.coalesce(year.shift(1), year.shift(-1)).over("article_id", order_by="sent_idx")
    sents = (
        sents.with_columns(_year=pl.col("sentence").str.extract(CHRONICLE_YEAR, 1))
        .with_columns(is_cue=pl.col("is_cue") & ~(beside != year).fill_null(False))
        .drop("_year")
    )
    is_cue = pl.col("is_cue")
    actor = ~org_kind(pl.element(), g).is_in(NON_ACTORS)
    sents = sents.with_columns(
        # "Meta released the first two models of its Llama 4 family. Llama 4 Scout and Llama 4 Maverick are ...":
        # a release that names no model is told by the next sentence's newly named models.
        # (RELEASED_MODELS read in the cue sentences only: the others are blanked for it)
        pending_org=pl.when(
            is_cue
            & ~pl.col("negated")
            & pl.col("subject_model").is_null()
            & _blank_unless(is_cue, low).str.contains(RELEASED_MODELS)
        )
        .then(pl.coalesce(pl.col("orgs").list.filter(actor).list.first(), "focus_org"))
        .shift(1)
        .over("article_id")
    )
    # A lab's announcement headline names the model alone or before a tagline: "Claude 2", "GPT-4o mini: advancing
    # cost-efficient intelligence", "DeepSeek-V3 发布". (A bare family - "Gemini: ..." - is no release; see below.)
    # (also "Claude 3.7 Sonnet and Claude Code", "GPT-4V(ision) system card": names only, or the model's card)
    # (a new version of a known line is named as written: "Gemini 3.7 Flash")
    # (the model pattern read first: names._with_read)
    # A headline that asks or explains (read in headlines only, once: _new_versions reads it too).
    sents = sents.with_columns(
        explainer_title=_blank_unless(pl.col("sent_idx") == 0, pl.col("sentence")).str.contains(EXPLAINER_TITLE)
    )
    sents = _with_read(
        sents,
        g,
        lambda text, model: text.str.extract(
            rf"^({_versioned(g, model)})(?:\s*[:：]\s|\s+发布|\s*$|{TITLE_NAMES_TAIL})", 1
        ),
        # (read in headlines only: the other sentences are blanked, as a null value's text is read all the same)
        _title_name=_blank_unless((pl.col("sent_idx") == 0) & ~pl.col("explainer_title"), pl.col("sentence")),
    )
    title_name = pl.col("_title_name")
    titled = pl.coalesce(_canonical(title_name, g.model_by_key), title_name)
    sents = sents.with_columns(title_model=pl.when(pl.col("sent_idx") == 0).then(titled), verb_cue=is_cue).with_columns(
        is_cue=is_cue | pl.col("title_model").is_not_null()
    ).drop("_title_name")
    cue = sents.filter(is_cue)
    # A bare family name ("Qwen", "Gemini") names a product line, not a release.
    bare_families = _bare_families(g)
    # (unless the release's object is the line's first model, told as one: "OpenAI [released Sora](...), its
    # text-to-video model, as a standalone product")
    cue = cue.with_columns(first_of_line=pl.col("sentence").str.extract(FIRST_OF_LINE, 1))
    rows = cue.join(
        models.filter(~pl.col("is_comparison") & ~pl.col("not_released")),
        on=["article_id", "sent_idx"],
        how="inner",
    ).filter(~pl.col("model").is_in(bare_families) | (pl.col("model_text") == pl.col("first_of_line")))
    # (such a headline releases its own model only: "Sky-T1: Train your own o1-preview model" does not release
    # o1-preview)
    rows = rows.filter(pl.col("verb_cue") | (pl.col("model") == pl.col("title_model")))
    # The release cue must tell of the model: as its object ("Google has released Gemini 3.7 Flash", "released Llama 4
    # Scout and Llama 4 Maverick", "released two new foundation models: ... and ERNIE X1", "trained a reasoning model
    # called s1") or its subject ("DeepSeek's R1 model, released in January"), not as a cue of another clause ("R1
    # just came out a few days ago out of nowhere, and then there's o1 and o3").
    # (the stretches of the sentence where a name would be so told, found once per cue sentence: a regex per row, built
    # from the name, would be compiled per row)
    verb = rf"(?:{RELEASE}|\b(?:post(?:s|ed)|upload(?:s|ed)))"
    # (none across a clause break: "OpenAI released GPT-5.5 on Tuesday, while Google's Gemini 3 Pro remains the leader")
    word = r"[^\s\x1f]+"
    stretches = [
        rf"{verb}(?:\s+{word}){{1,7}}",  # its object, up to six words on
        rf"{verb}[^.;:\x1f]{{0,60}}:[^;\x1f]*",  # a list after a colon
        # (further on after the models it announces: "released two large language models with open weights for the
        # first time since GPT-2: gpt-oss-120b and gpt-oss-20b", tests/pages14 n068; not "uploaded dynamic quantized
        # versions ... in size to: huggingface.co/unsloth/DeepSeek-R1-GGUF", realset r272)
        rf"{verb}[^.;:\x1f]{{0,40}}\b(?:models|llms)\b[^.;:\x1f]{{0,60}}:[^;\x1f]*",
        rf"\b(?:called|named|dubbed)\s+{word}(?:\s+{word}){{0,3}}",
        rf"(?:{word}\s+){{1,6}}{RELEASE}",  # its subject, up to four words before
    ]
    # (a dash sets off an apposition as often as a clause: "released a new model on Tuesday - GPT-5.5 Pro - for ...")
    broken = low.str.replace_all(STRETCH_BREAK, " \x1f ")
    cue = cue.with_columns(
        told_of=pl.concat_str([broken.str.extract_all(p).list.join("\x1e") for p in stretches], separator="\x1e")
    )
    rows = rows.join(cue.select("article_id", "sent_idx", "told_of"), on=["article_id", "sent_idx"], how="left")
    # (its first word is enough: "released upgraded Llama 3.1 8B and Llama 3.1 70B models")
    head = pl.col("model_text").str.to_lowercase().str.extract(r"^(\S+)", 1)
    told = pl.col("told_of").str.contains(head, literal=True)
    rows = rows.filter(~pl.col("verb_cue") | pl.col("model_text").is_null() | told.fill_null(False))
    specific = models.filter(~pl.col("is_comparison") & ~pl.col("is_family") & ~pl.col("model").is_in(bare_families))
    first_seen = models.group_by("article_id", "model").agg(first_idx=pl.col("sent_idx").min())
    told_next = (
        sents.filter(pl.col("pending_org").is_not_null() & ~pl.col("negated") & ~background & ~pl.col("past_year"))
        .join(specific, on=["article_id", "sent_idx"], how="inner")
        .join(first_seen, on=["article_id", "model"], how="left")
        .filter((pl.col("first_idx") == pl.col("sent_idx")) & (pl.col("model_org") == pl.col("pending_org")))
    )
    no_name = cue.filter(~pl.col("negated") & pl.col("subject_model").is_null() & pl.col("focus_model").is_not_null())
    headline = sents.filter(pl.col("sent_idx") == 0).select("article_id", head_model="subject_model")
    referred = (
        no_name.join(headline, on="article_id", how="left")
        .filter(
            pl.col("sentence").str.contains(RELEASE_REF)
            | (pl.col("sent_idx") <= LEAD_SENTENCES)
            & (pl.col("focus_model") == pl.col("head_model")).fill_null(False)
            & pl.col("sentence").str.contains(RELEASE_REF_WIDE)
        )
        .drop("head_model")
        .with_columns(model=pl.col("focus_model"))
    )
    sized = (
        no_name.with_columns(
            size=pl.col("sentence")
            .str.extract(f"({SIZE_LIST})", 1)
            .str.extract_all(
                r"\d+(?:\.\d+)?[B"
                r"M]"
            )
        )
        .explode("size")
        .drop_nulls("size")
        .with_columns(
            model=_canonical(
                pl.concat_str(
                    pl.col("focus_model").str.replace(r"[\s\-]\d+(?:\.\d+)?[BM]$", ""), pl.col("size"), separator=" "
                ),
                g.model_by_key,
            )
        )
        .drop("size")
        .drop_nulls("model")
    )
    coref = pl.concat([referred, sized], how="diagonal_relaxed").with_columns(
        model_org=_lookup(pl.col("model"), _maps(g)["model_org"]), is_short=pl.lit(False), is_family=pl.lit(False)
    )
    rows = pl.concat([rows, told_next, coref], how="diagonal_relaxed")
    # "Llama 3.1, a family of models" is no release of its own where a member ("Llama 3.1 405B") is released.
    members = rows.select("article_id", member="model").unique()
    subsumed = (
        rows.filter(pl.col("is_family"))
        .select("article_id", "model")
        .unique()
        .join(members, on="article_id")
        .filter(
            (pl.col("member") != pl.col("model"))
            & (
                pl.col("member").str.starts_with(pl.col("model") + " ")
                | pl.col("member").str.starts_with(pl.col("model") + "-")
            )
        )
        .select("article_id", "model")
        .unique()
    )
    rows = rows.join(subsumed, on=["article_id", "model"], how="anti")
    # Licence and openness said of an org's models in general ("DeepSeek's open-weight models, under the MIT License")
    # apply to that org's releases in the same article.
    org_terms = (
        sents.filter(pl.col("license").is_not_null() | pl.col("open_weights").is_not_null())
        .join(models.select("article_id", "sent_idx").unique(), on=["article_id", "sent_idx"], how="anti")
        .explode("orgs")
        .drop_nulls("orgs")
        .group_by("article_id", "orgs")
        .agg(org_license=pl.col("license").drop_nulls().first(), org_open=pl.col("open_weights").drop_nulls().first())
        .rename({"orgs": "model_org"})
    )
    rows = pl.concat(
        [
            rows.with_columns(is_new=pl.lit(False)),
            _unknown_models(cue, models, g),
            _new_versions(sents, models, g),
            _announced_models(sents, g),
            _quoted_models(cue, sents, g),
            _headline_new_model(cue, models, g),
        ],
        how="diagonal_relaxed",
    )
    rows = rows.join(org_terms, on=["article_id", "model_org"], how="left")
    # (a name said as a yardstick, "GPT-4 level outputs", is no release of it)
    named = pl.coalesce("model_text", "model")
    # (nor is a name told as what is not a model: "the ProLiant Compute DL394 Gen12, a next-generation 2U server",
    # "launched the C2 server", "a dedicated Codex app")
    # (what follows the name read once, for both)
    rows = rows.filter(
        ~_text_after(named).str.contains(rf"(?:{YARDSTICK_SUFFIX})|(?:{PRODUCT_AFTER})").fill_null(False)
    )
    lead = models.filter(pl.col("sent_idx") <= LEAD_SENTENCES).select("article_id", "model").unique()
    # Past the lead a release is news where the release verb takes the model as its object ("On day 9, OpenAI released
    # its o1 model"): a round-up of many launches tells each one so.
    escaped = pl.col("model").str.to_lowercase().str.replace_all(r"([.+*?()\[\]{}|^$\\])", r"\$1")

    def takes(before: str, where: pl.Expr) -> pl.Expr:
        """The sentence's release verb, after `before`, takes the model as its object. (Read only in the rows `where`
        holds that have the verb, false elsewhere: the pattern is the row's own, compiled for each row.)"""
        verb = rf"\b{before}(?:{UNKNOWN_RELEASE_VERBS}|post(?:s|ed)|upload(?:s|ed)|publish(?:es|ed))\s+"
        pattern = pl.concat_str(pl.lit(rf"{verb}(?:[\w’'\-]+\s+){{0,3}}?"), escaped)
        return low.str.contains(pl.when(where & low.str.contains(verb)).then(pattern), strict=False).fill_null(False)

    # ("The company is also releasing Claude Mythos 5")
    direct = takes("", pl.col("sent_idx") <= FAR_DOWN)
    deep = rows.filter(pl.col("sent_idx") > LEAD_SENTENCES)
    rows = pl.concat(
        [
            rows.filter(pl.col("sent_idx") <= LEAD_SENTENCES),
            deep.join(lead, on=["article_id", "model"], how="semi"),
            # (not far down: there a release verb tells a history's or a list's item, "Berkeley launches Koala")
            deep.join(lead, on=["article_id", "model"], how="anti").filter(direct & (pl.col("sent_idx") <= FAR_DOWN)),
        ],
        how="diagonal_relaxed",
    )
    # A plan told only past the lead is an aside ("requested OpenAI limit the release of its upcoming GPT 5.6 model").
    rows = rows.filter((pl.col("sent_idx") <= LEAD_SENTENCES) | (pl.col("status") != "planned"))
    # (a release no maker is found for - "release the model" where the model in focus is a new one - is not told)
    rows = rows.filter(pl.col("model_org").is_not_null())
    # The headline's model is the article's subject: its release told further down is the news.
    headline_models = (
        models.filter((pl.col("sent_idx") == 0) & ~pl.col("is_comparison"))
        .select("article_id", "model", in_headline=pl.lit(True))
        .unique()
    )
    rows = rows.join(headline_models, on=["article_id", "model"], how="left").with_columns(
        pl.col("in_headline").fill_null(False)
    )
    # A known name without a version, written with one, is a newer model of that name: "Nano Banana 2 Lite" is not
    # Nano Banana (the gazetteer's Gemini 2.5 Flash Image), "Sora 2" not Sora.
    written = pl.col("model_text")
    after = _text_after(written)
    tail = after.str.extract(NEW_VERSION_TAIL, 1)
    versioned = (
        ~written.str.contains(r"\d")
        & tail.is_not_null()
        & ~after.str.slice(tail.str.len_chars()).str.contains(NOT_A_VERSION_AFTER)
    )
    variant = after.str.extract(VARIANT_TAIL, 1)
    rows = rows.with_columns(
        model=pl.when(versioned.fill_null(False))
        .then(pl.concat_str(written, tail))
        .when(variant.is_not_null())
        .then(pl.concat_str(written, variant))
        .otherwise("model")
    )
    # A short name of a model the article names in full is that model: "M3" of "MiniMax-M3", "K3" of "Kimi K3".
    full = (
        rows.select("article_id", "model_org", "model")
        .unique()
        .join(rows.select("article_id", "model_org", full="model").unique(), on=["article_id", "model_org"])
        .filter(
            pl.col("full").str.ends_with(" " + pl.col("model")) | pl.col("full").str.ends_with("-" + pl.col("model"))
        )
        .group_by("article_id", "model_org", "model")
        .agg(pl.col("full").sort_by(pl.col("full").str.len_chars()).last())
    )
    rows = (
        rows.join(full, on=["article_id", "model_org", "model"], how="left")
        .with_columns(model=pl.coalesce("full", "model"))
        .drop("full")
    )
    # A model the sentence only teases is a plan ("Google announces Gemini 3.6 Flash ..., teases 3.5 Pro, Gemini 4"):
    # the last verb before its name tells.
    verbs = (
        pl.col("sentence")
        .str.slice(0, char_at(pl.col("sentence"), named, literal=True))
        .str.to_lowercase()
        .str.extract_all(TEASE_OR_RELEASE)
    )
    rows = rows.with_columns(
        status=pl.when(verbs.list.last().str.contains(TEASE).fill_null(False))
        .then(pl.lit("planned"))
        .otherwise("status")
    )
    known_open = _lookup(pl.col("model"), _maps(g)["model_open"], return_dtype=pl.Boolean)
    known_license = _lookup(pl.col("model"), _maps(g)["model_license"])
    return _frame(
        rows,
        "model_release",
        org=pl.col("model_org"),
        model=pl.col("model"),
        # What the sentence says, else what we know of the model, else what the article says of its maker's models.
        open_weights=pl.coalesce("open_weights", known_open, "org_open"),
        license=pl.coalesce("license", known_license, pl.when(known_open.fill_null(True)).then(pl.col("org_license"))),
        # Where the release is told decides most (on realdev + the real set, releases told in the headline or lead
        # were right 28 times in 29, those further down 3 in 7): a release told only past the lead stays below the
        # default alert threshold (alert_min_confidence 0.6). A name the gazetteer does not know yet is no doubt in
        # itself (new names are what releases are).
        confidence=pl.when(pl.col("sent_idx") <= OPENING_SENTENCES)
        .then(0.95)
        .when(pl.col("sent_idx") <= LEAD_SENTENCES)
        .then(0.85)
        # (further down, "also" adds a release to the news: "we're also launching Claude Mythos 5", "It has also
        # released Gemini 3.5 Flash Lite"; and the headline's model is the news)
        .when(takes(r"also\s+", pl.col("sent_idx") > LEAD_SENTENCES) | pl.col("in_headline"))
        .then(0.7)
        .otherwise(0.5)
        - pl.col("is_short").cast(pl.Float64) * 0.1
        + pl.col("event_date").is_not_null().cast(pl.Float64) * 0.05
        - pl.col("is_new").cast(pl.Float64) * 0.05,
    )


def _headline_new_model(cue: pl.DataFrame, models: pl.DataFrame, g: gaz.Gazetteer) -> pl.DataFrame:
    """'Vibe-coding platform Base44 launches own model' ... 'the first iteration of its LLM, Base1': a headline release
    that names no model releases the first new model (one the gazetteer does not know) its article names."""
    new = (
        models.filter(
            ~pl.col("is_comparison") & ~pl.col("not_released") & _canonical(pl.col("model"), g.model_by_key).is_null()
        )
        .sort("article_id", "sent_idx")
        .group_by("article_id")
        .agg(pl.col("model", "model_org").first())
    )
    return (
        cue.filter(
            (pl.col("sent_idx") == 0)
            & pl.col("verb_cue")
            & ~pl.col("negated")
            & pl.col("subject_model").is_null()
            & pl.col("low").str.contains(RELEASED_MODELS)
        )
        .join(new, on="article_id")
        .with_columns(is_short=pl.lit(False), is_new=pl.lit(True), is_family=pl.lit(False))
    )


# "Gemini 3.6 Flash, 3.5 Flash-Lite and 3.5 Flash Cyber": versions listed after the first keep its line's name.
VERSION_LIST_SEP = r",\s*(?:and\s+)?|\s+and\s+|\s*&\s*"


# A headline that asks or explains is about a model, not its launch: "Claude Fable 5: What It Is and Why the Hype?".
EXPLAINER_TITLE = (
    r"\?\s*$|[:：]\s+(?i:what|why|how|who|is|are|should|can|does|do|will)\b"
    r"|(?i:\b(?:review|explained|hands-on|first impressions|everything you need to know)\b)"
)
# After a model's name in a headline: more names only ("Claude 3.7 Sonnet and Claude Code"), or its card.
TITLE_NAMES_TAIL = (
    r"(?:\([a-z]+\))?\s+(?:and|&)\s+[A-Z][\w.\-]*(?:\s+[A-Z0-9][\w.\-]*){0,3}\s*$"
    r"|(?:\([a-z]+\))?\s+(?i:system|model)\s+card\s*$"
)
# A lab announcing its own model: a headline "GraphCast: AI model for ...", "RoboCat: A self-improving robotic agent",
# "Introducing Claude"; a lead "We introduce GraphCast, a state-of-the-art AI model". The name need not be known.
ANNOUNCED_NAME = r"[A-Z][\w.\-]*(?:\s+(?:[A-Z0-9][\w.\-]*|pro|mini|lite|flash|max|plus|turbo|v\d[\w.]*))*"
MODEL_NOUN = r"(?i:models?|llms?|agent)\b"
# (a word in quotes too: "a new “reasoning” model", tests/pages10 y085)
DESCRIPTION = r"(?P<desc>(?:[\"“]?[\w'’\-]+[\"”]?,?\s+){0,7}?)"
TITLE_ANNOUNCED = (
    rf"^(?:Introducing\s+)?(?P<name>{ANNOUNCED_NAME})\s*[:：]\s+{DESCRIPTION}{MODEL_NOUN}(?P<after>\s*[\w"
    r"\-]*)"
)
# (the lab speaking of itself with any release verb, patterns.FIRST_PERSON_RELEASE: "We're announcing GPT-4 Omni, our
# new flagship model", "We are excited to introduce ...", "we've released ...")
PRESENT_FIRST_PERSON_RELEASE = r"\bwe(?:[’']re| are) (?:also )?(?:releasing|introducing|launching|open-sourcing)\b"
LEAD_ANNOUNCED = (
    rf"(?:^(?i:introducing)|{FIRST_PERSON_RELEASE})\s+\**(?P<name>{ANNOUNCED_NAME})\**"
    rf"(?:,\s+|\s*[:：]\s+|\s+(?:is|as)\s+){DESCRIPTION}{MODEL_NOUN}(?P<after>\s*[\w\-]*)"
)
# What the described thing is when it is no model of the lab's ("a framework for text-to-image models", "a benchmark").
# "We are excited to introduce Sakana Fugu, a new product from Sakana AI that ...": a name the lab introduces, told
# as a model elsewhere in the lead ("Sakana Fugu is itself a language model trained to ...", IS_A_MODEL after it).
FIRST_PERSON_NAMED = rf"{FIRST_PERSON_RELEASE}\s+\**(?P<name>{ANNOUNCED_NAME})\**(?:,|\s*[:：]|\s+[-–—])"
IS_A_MODEL = (
    r"^\s+(?:is|are)\s+(?:itself\s+|also\s+|now\s+)?(?:a|an|our|the)\s+(?P<desc>(?:[\w'’\-]+,?\s+){0,5}?)"
    r"(?:models?|llms?)\b"
)
NOT_A_MODEL = (
    r"(?i:(?:^|\s)(?:for|of|to|with|in|on|by|from|about|framework|benchmark|dataset|evaluation|method|"
    r"library"
    r"|toolkit|platform|protocol|api|paper)(?:\s|,|$))"
)
# ("ModernBERT, a family of state-of-the-art encoder-only models": a family of models is models)
# (nor is a version of the model: "we are releasing WeatherNext 2-mini, a compact version of the model", h1267)
FAMILY_OF = (
    r"^(?i:(?:new\s+)?(?:family|series|suite|collection|set|pair)\s+of\s+"
    r"|(?:an?\s+)?(?:[\w\-]+\s+)?(?:version|variant|edition)\s+of\s+(?:the|our|its|this)\s+)"
)


def _describes_a_model(desc: pl.Expr) -> pl.Expr:
    """Whether a description names a model (or a family or version of models), not a framework or a tool for them."""
    return ~desc.str.replace(FAMILY_OF, "").str.contains(NOT_A_MODEL)


NOT_A_MODEL_AFTER = (
    r"^\s*(?i:framework|benchmark|card|evaluation|dataset|api|platform|protocol|library|toolkit|"
    r"training"
    # (nor the model noun again, in the plural: "CVE-Bench: testing LLM agents on ...")
    r"|(?:models|llms|agents)$)"
)
# The model noun ends what the name is ("RoboCat: A self-improving robotic agent", "GraphCast: AI model for ...", "RT-2:
# New model translates vision and language into action"); a word of another kind after it makes the noun a modifier or
# the subject of a clause: "Zork-bench: An LLM reasoning eval", "J-Space: Yet Another LLM Mind Reader?", "Letterpaths:
# Or how LLMs can be good ...", "CVE-Bench: testing LLM agents on ...".
MODEL_NOUN_ENDS = (
    r"^\s*(?:$|(?i:for|that|which|with|from|by|in|on|to|of|at|trained|built|designed|capable|family|series|using|"
    r"optimi[sz]ed|fine-tuned|based|powered|developed|made|released|now|is|are|was)$|[a-z]+[^s\W]s$)"
)
# A paper's title: a name, then what the paper does ("Sleeper Agents: Training Deceptive LLMs ...", "Towards X: ...").
# A section label before a headline's colon is no name either ("Opinion: The AI spending boom needs a business model").
# A verb closing a headline's name, and tools named like models ("Gemini CLI: your open-source AI agent").
NAME_VERB = r"\s+(?:Launched|Released|Unveiled|Announced|Arrives|Debuts|Launches|Is Here|Now Available)$"
MAKER_VERB = (
    r"^(?:[A-Z][\w.\-]*\s+){1,3}?(?:Open[- ]Sources?|Launches|Releases|Unveils|Introduces|Debuts|Announces|Drops|"
    r"Ships|Rolls Out)\s+"
)
NOT_A_MODEL_NAME = r"\s(?:CLI|API|SDK|App|Apps|Platform|Studio|Store|Plugin|Extension)$"
PAPER_TITLE = (
    r"^(?:[A-Z][a-z]+ing\b|(?i:towards?|on|beyond|why|how|when|what)\s"
    r"|(?i:opinion|analysis|review|editorial|comment(?:ary)?|interview|explainer|podcast|video|watch|listen"
    r"|live|exclusive|breaking|update|letters?|perspective|column|newsletter|feature|report|op-ed|guest "
    # (a summary's label: "TLDR: Baichuan-M2 is a 32-billion-parameter medical AI model ...", tests/pages15 j026)
    r"post|tl;?dr|summary|recap|highlights|key (?:points|takeaways))$)"
)
# A launch headline naming a new version before or after its verb: "Seed3D 2.0 Released: Higher Precision ...",
# "Seed Research | GR-3 Released: ...", "Official Release of Seed1.8: A Generalized Agentic Model", "Seedance 2.0
# Official Launch", "Announcing the Open-Source Release of ..." (past a section label before a bar; a name the gazetteer
# does not know must carry a version number).
SECTION_LABEL = r"^(?:[^|｜￨]{0,60}[|｜￨]\s*)?"
HEADLINE_RELEASED = (
    rf"{SECTION_LABEL}(?:(?i:announcing)\s+)?(?:(?i:the)\s+)?(?:(?i:official|first|open-source|public)\s+)*"
    rf"(?i:release|launch)\s+of\s+(?P<before>{ANNOUNCED_NAME})(?:\s*[:：]|\s*$)"
    rf"|{SECTION_LABEL}(?P<after>{ANNOUNCED_NAME})\s+(?:(?i:officially)\s+)?(?:Released|Launched|Open-Sourced|"
    r"Official (?:Launch|Release))(?:\s*[:：]|\s*$)"
)
INTRODUCING_ONLY = r"^(?i:introducing)\s+(?P<name>[A-Z][\w.\-]*)\s*$"


def _announced_models(sents: pl.DataFrame, g: gaz.Gazetteer) -> pl.DataFrame:
    """A lab's announcement of its own model, in its headline or lead (TITLE_ANNOUNCED, LEAD_ANNOUNCED): the model
    the name is, or a new one made by the article's first company (the lab whose page it is), or by the maker of the
    model line the name begins with ("Introducing Claude")."""
    stems = _maps(g)["line_org"]
    rows = sents.filter(
        # (past the lead, a lab releasing a model as it writes: "Additionally, we are releasing WeatherNext 2-mini, a
        # compact version of the model", h1267)
        ((pl.col("sent_idx") <= 3) | pl.col("low").str.contains(PRESENT_FIRST_PERSON_RELEASE))
        & ~pl.col("negated")
        & pl.col("sentence").str.contains(r"(?i:introduc|model|llm|agent|releas|launch|unveil|announc|open-sourc)")
    )
    if rows.is_empty():
        return rows
    rows = _told_as_model(rows, sents)
    lead_model = (
        sents.filter(pl.col("sent_idx") <= LEAD_SENTENCES)
        .group_by("article_id")
        .agg(
            _lead_model=pl.col("low").str.contains(r"\b(?:models?|llms?)\b").any(),
            # (the names the lead says a thing is called: "Our model, called Inkling, is ...")
            _called=pl.col("sentence").str.extract_all(r"\b(?:called|named)\s+[A-Z][\w.\-]*")
            .list.explode(keep_nulls=False, empty_as_null=False).str.replace(r"^\S+\s+", ""),
        )
    )
    rows = rows.join(lead_model, on="article_id", how="left")
    title = _built("title_announced", lambda: pl.col("sentence").str.extract_groups(TITLE_ANNOUNCED))
    lead = _built("lead_announced", lambda: pl.col("sentence").str.extract_groups(LEAD_ANNOUNCED))
    # (a headline's "X: ..." first, else a lead's "we introduce X, a ... model"; a headline "Introducing <model line>")
    described = (
        pl.when((pl.col("sent_idx") == 0) & title.struct.field("name").is_not_null()).then(title).otherwise(lead)
    )
    only = pl.when(pl.col("sent_idx") == 0).then(pl.col("sentence").str.extract(INTRODUCING_ONLY, 1))
    released = pl.when(pl.col("sent_idx") == 0).then(
        pl.col("sentence").str.extract_groups(HEADLINE_RELEASED)
    )
    headline_released = pl.coalesce(released.struct.field("before"), released.struct.field("after"))
    first_org = (
        sents.filter(pl.col("sent_idx") <= LEAD_SENTENCES)
        .select("article_id", "sent_idx", "orgs")
        .sort("article_id", "sent_idx")
        .explode("orgs")
        .drop_nulls("orgs")
        .filter(~org_kind(pl.col("orgs"), g).is_in(NON_ACTORS))
        .group_by("article_id")
        .agg(first_org=pl.col("orgs").first())
    )
    desc, after, name = pl.col("desc").fill_null(""), pl.col("after").fill_null(""), pl.col("name")
    model_like = (
        _describes_a_model(desc)
        & ~after.str.contains(NOT_A_MODEL_AFTER)
        & after.str.contains(MODEL_NOUN_ENDS)
        & ~name.str.contains(PHRASE_WORD)
        # (a name like a gerund is a paper's, "Scaling: ...", unless the lab calls it its own model and the lead says
        # so by name: "Inkling: Our Open-Weights Model" ... "Our model, called Inkling, is ...", tests/newsindex w020;
        # not "Training: Our Models", nor "Opinion: Our AI models are failing us")
        & (~name.str.contains(PAPER_TITLE) | desc.str.contains(r"^(?i:our)\s") & pl.col("_called").list.contains(name))
        & ~name.str.contains(NOT_A_MODEL_NAME)
        & (~desc.str.contains(PAPER_TITLE) | desc.str.starts_with("Introducing"))
    )
    rows = (
        rows.with_columns(
            # "Seed-1.6-Embedding Launched: ...": the headline's verb is no part of the name
            # (nor is the maker's with its verb before it: "Baidu Open Sources ERNIE 4.5: LLM Series ...", tests/pages12
            # k001)
            name=described.struct.field("name").str.replace(NAME_VERB, "").str.replace(MAKER_VERB, "")
            .str.strip_chars(),
            desc=described.struct.field("desc"),
            after=described.struct.field("after"),
            only=only,
            headline_released=headline_released,
            # (the lab's own headline: "NAME: Our ...")
            _own=described.struct.field("desc").fill_null("").str.contains(r"^(?i:our)\s"),
        )
        .with_columns(
            name=pl.when(name.is_not_null() & model_like)
            .then("name")
            .when(pl.col("only").is_in(list(stems)))
            .then("only")
            .when(
                ~pl.col("told_name").str.contains(PHRASE_WORD)
                & ~pl.col("told_name").str.contains(PAPER_TITLE)
                & ~pl.col("told_name").str.contains(NOT_A_MODEL_NAME)
            )
            .then("told_name")
            # (the headline or the lead must speak of a model: "Chapter 2 Released", "Windows 11 released" are none)
            .when(
                pl.col("headline_released").str.contains(r"\d")
                & pl.col("_lead_model").fill_null(False)
                & ~pl.col("headline_released").str.contains(NOT_MODEL_WORDS)
                & ~pl.col("headline_released").str.contains(PHRASE_WORD)
                & ~pl.col("headline_released").str.contains(NOT_A_MODEL_NAME)
            )
            .then("headline_released")
        )
        .drop_nulls("name")
        .join(first_org, on="article_id", how="left")
    )
    known = _canonical(pl.col("name"), g.model_by_key)
    stem_org = _lookup(pl.col("name").str.extract(r"^([A-Za-z]+)", 1), stems)
    line_org = _lookup(
        _canonical(pl.col("name").str.extract(r"^([A-Za-z]+[\- ][A-Za-z]*\d+[A-Za-z]*)[\- ]", 1), g.model_by_key),
        _maps(g)["model_org"],
    )
    rows = rows.filter(_canonical(pl.col("name"), g.org_by_key).is_null()).with_columns(
        model=pl.coalesce(known, "name"),
        # (a new name that extends a known model's - "Sky-T1-32B-Flash" of Sky-T1 - is its maker's, before the lead's
        # first company, which may be a supplier: "according to Lambda Cloud pricing", realset r294)
        # (a headline announcing a model on a lab's own site is the lab's: "Inkling: Our Open-Weights Model" on
        # thinkingmachines.ai, tests/newsindex w020, whose lead names Hugging Face first)
        model_org=pl.coalesce(
            _lookup(known, _maps(g)["model_org"]), stem_org, line_org,
            pl.when((pl.col("sent_idx") == 0) & pl.col("_own")).then("site_org"), "first_org",
        ),
        is_short=pl.lit(False),
        is_new=known.is_null(),
        is_family=pl.lit(False),
    )
    return rows.drop(
        "name", "desc", "after", "only", "told_name", "headline_released", "_lead_model", "_called", "_own", "first_org"
    ).filter(pl.col("model_org").is_not_null())


def _told_as_model(rows: pl.DataFrame, sents: pl.DataFrame) -> pl.DataFrame:
    """rows with `told_name`: the name a first-person release in the lead takes (FIRST_PERSON_NAMED) where the lead
    says it is a model (IS_A_MODEL, not a framework or a tool for models), else null."""
    named = pl.when(pl.col("sent_idx") > 0).then(pl.col("sentence").str.extract(FIRST_PERSON_NAMED, 1))
    rows = rows.with_columns(_named=named)
    lead = (
        sents.filter(pl.col("sent_idx") <= LEAD_SENTENCES)
        .group_by("article_id")
        .agg(_lead=pl.col("sentence").str.join(" "))
    )
    candidates = rows.filter(pl.col("_named").is_not_null())
    if candidates.is_empty():
        return rows.drop("_named").with_columns(told_name=pl.lit(None, pl.String))
    # (the lead read after each place the name stands, up to the description's noun)
    told = (
        candidates.select("article_id", "sent_idx", "_named")
        .join(lead, on="article_id")
        .with_columns(_after=pl.col("_lead").str.split(pl.col("_named")).list.slice(1))
        .explode("_after")
        .with_columns(_desc=pl.col("_after").str.extract(IS_A_MODEL, 1))
        .filter(pl.col("_desc").is_not_null() & _describes_a_model(pl.col("_desc")))
        .select("article_id", "sent_idx", told_name="_named")
        .unique()
    )
    return rows.drop("_named").join(told, on=["article_id", "sent_idx"], how="left")


def _new_versions(sents: pl.DataFrame, models: pl.DataFrame, g: gaz.Gazetteer) -> pl.DataFrame:
    """'Introducing Gemini 3.7 Flash', 'Moonshot AI released open weights for Kimi K3': in the title or a release
    sentence of the lead, a version of a known model line that the gazetteer does not know yet is that maker's
    release."""
    stems = _maps(g)["line_org"]
    # (further into the lead, only a name the release verb takes: "The company is out on Tuesday with Nemotron 3.5
    # Lightning, a 30-billion-parameter open mixture-of-experts model", holdout h1037; a list or an aside there is
    # mostly other labs' versions)
    rows = sents.filter(
        ((pl.col("sent_idx") <= 3) | (pl.col("sent_idx") <= LEAD_SENTENCES) & pl.col("verb_cue"))
        & ~pl.col("negated")
        & (pl.col("verb_cue") | (pl.col("sent_idx") == 0) & ~pl.col("explainer_title"))
    )
    listed = rf"((?:{'|'.join(stems)}){VERSION_TAIL}(?:(?:{VERSION_LIST_SEP})\d+(?:\.\d+)?{VERSION_SUFFIX})*)"
    # (a release the verb tells as made, or as set with "will": not one awaited, "Nvidia has yet to release ...",
    # "Analysts expect Nvidia to announce ...")
    taken = (
        r"(?i:\b(?:releas(?:es|ed)|launch(?:es|ed)|unveil(?:s|ed)|introduc(?:es|ed)|open[- ]sourc(?:es|ed)"
        r"|debut(?:s|ed)|ship(?:s|ped)|roll(?:s|ed) out|announc(?:es|ed)"
        # (a plan told as one is a planned release still: "Nvidia will release ... next month")
        r"|(?:did|will) (?:release|launch|unveil|introduce|ship|open-source)"
        rf"|{UNKNOWN_GERUNDS}|{OUT_WITH_LEAD})\s+"
        rf"(?:[\w’'\-]+\s+){{0,3}}?){listed}"
    )
    # A headline without a release verb releases only the names it consists of ("Gemini 3.6 Flash, 3.5 Flash-Lite,
    # and 3.5 Flash Cyber"), not one it compares ("Grok 4.6 and GPT5.6 beat Anthropic ...").
    # (and not one named as a yardstick: "... marketed as second only to Claude Fable 5")
    cue_at = char_at(pl.col("low"), STRONG_COMPARISON)
    claim = pl.when(cue_at.is_null()).then(pl.col("sentence")).otherwise(pl.col("sentence").str.slice(0, cue_at))
    claim = claim.str.replace_all(SOFTWARE_BUILD, "#")  # ("introduced around Claude Code 2.1.150")
    # A number listed after a name that a lower-case noun follows is a quantity, no version of the line: "hosting
    # GLM-5.2, and 1 gigawatt of compute" (the list is cut there; "4o mini" stays a version).
    claim = claim.str.replace_all(rf"(?:{VERSION_LIST_SEP})(\d+(?:\.\d+)?\s+[a-z]{{2,}})", " ; ${1}").str.replace_all(
        r" ; (\d+(?:\.\d+)?\s+(?:mini|nano)\b)", ", ${1}"
    )
    found = (
        pl.when(pl.col("verb_cue") & (pl.col("sent_idx") > 3))
        .then(claim.str.extract(taken, 1))
        .when(pl.col("verb_cue"))
        .then(claim.str.extract(r"\b" + listed, 1))
        .otherwise(
            # (a model repository's page: "DeepSeek-AI/DeepSeek-V4-Pro-0813")
            pl.col("sentence").str.extract(rf"^(?:[\w.\-]+/)?{listed}(?:\s*[:：]|[\-\w]*\s*$)", 1)
        )
    )
    rows = (
        rows.with_columns(model=found.str.replace_all(VERSION_LIST_SEP, "\x1e").str.split("\x1e"))
        .with_columns(stem=pl.col("model").list.first().str.extract(r"^([A-Za-z]+)", 1))
        .explode("model")
        .drop_nulls("model")
        .with_columns(
            model=pl.when(pl.col("model").str.contains(r"^\d"))
            .then(pl.concat_str("stem", pl.lit(" "), "model"))
            .otherwise("model")
            .str.strip_chars()
        )
        .filter(_canonical(pl.col("model"), g.model_by_key).is_null())
        # (not one the sentence names as what a product runs on: "a feature powered by OpenAI's GPT-5.6 Luna model")
        .join(
            models.filter(pl.col("not_released") | pl.col("is_comparison")),
            on=["article_id", "sent_idx", "model"],
            how="anti",
        )
    )
    return rows.with_columns(
        model_org=_lookup(pl.col("stem"), stems), is_short=pl.lit(False), is_new=pl.lit(True), is_family=pl.lit(False)
    ).drop("stem")


# Words that open a capitalised name with a number that is no model: a date ("May 2"), a stage ("Phase 2").
NOT_MODEL_WORDS = (
    r"^(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|"
    r"Mar"
    r"|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Phase|"
    r"Stage"
    r"|Step|Part|Chapter|Level|Tier|Round|Season|Episode|Day|Week|Year|Section|Article|Figure|Table|"
    rf"Q[1-4]|{LEXICONS['software_product']}|{LEXICONS['chip_line']})\b"
)
# An evaluation names models it did not make: "We evaluate July 2026 fresh releases Kimi K3, Claude Opus 5, ...".
EVALUATION = r"\b(?:we|i|they) (?:evaluate|evaluated|compare|compared|test|tested|benchmark|benchmarked|ran)\b"
UNKNOWN_GERUNDS = "introducing|releasing|launching|unveiling"
UNKNOWN_RELEASE_VERBS = RELEASE_VERBS + rf"|{UNKNOWN_GERUNDS}|{OUT_WITH}|{LAUNCH_OF}"
# Where the stretch a release verb tells of ends (patterns.CLAUSE_BREAK but a dash).
STRETCH_BREAK = r";|,?\s+and that\s+|,\s+(?:while|whereas|but)\s+|\s+while\s+"
# A release verb denied, then at most a few words (no comma) before the name: "did not release", "has not released its"
DENIED_RELEASE = (
    rf"(?:{NEGATION})\s+(?:\w+\s+){{0,2}}?(?:release|releasing|launch|launching|{UNKNOWN_RELEASE_VERBS})\s+"
    r"(?:[^\s,;]+\s+){0,4}?$"
)
# After a name: its description as a model ("LFM2.5-230M, our smallest model yet").
DESCRIBED_AS_MODEL = (
    rf"^[\"'’”]?,\s+(?i:a|an|its|the|our|their)\s+{DESCRIPTION.replace('?P<desc>', '')}(?i:models?|llms?)\b"
)
APPOSITIVE = (
    # ("Samsung has introduced the Tiny Recursive Model (TRM), a new AI model with just 7 million parameters", tests/
    # pages10 y021: a name after "the", with its initials after it)
    rf"(?i:{UNKNOWN_RELEASE_VERBS})\s+(?:(?i:its|their|the)\s+)?[\"'‘“]?(?P<name>[A-Z][\w.\-]*(?:\s[A-Z0-9][\w.\-]*){{0,2}})"
    rf"[\"'’”]?(?:\s+\([A-Z][\w\-]*\))?\s?,\s+(?i:a|an|its|the)\s+{DESCRIPTION}(?i:model|llm)s?\b"
    r"(?P<next>\s+[a-z]+)?"
)
# (a model noun that describes what follows it describes no model: "a model customization method", realdev g40)
NOT_A_MODEL_NEXT = (
    r"^\s+(?:customization|training|method|technique|approach|framework|tool|maker|builder|developer|provider|company|"
    r"startup|platform|hub|library|router|routing)$"
)


PRODUCT_NEXT = (
    r"^\s+(?:network|service|plan|phone|smartphone|handset|tablet|laptop|app|store|card|console|headset|glasses|car|"
    r"vehicle|robot|truck|satellite|rocket)s?\b"
)


def _unknown_models(cue: pl.DataFrame, models: pl.DataFrame, g: gaz.Gazetteer) -> pl.DataFrame:
    """'Acme AI released Zephyr-9', 'Introducing Sonic-3.5 and Ink-2': versioned names right after a release verb,
    not in the gazetteer. Their maker is the maker of the model line the name begins with, else the org named in the
    sentence, else the newly introduced one; confidence is lower."""
    stems = _maps(g)["line_org"]
    shape_list = rf"({MODEL_SHAPE}(?:(?:,\s*|,?\s+and\s+|\s*&\s*){MODEL_SHAPE})*)"
    rows = (
        cue.filter(~pl.col("low").str.contains(EVALUATION))
        .with_columns(
            model=pl.col("sentence")
            .str.extract(
                rf"(?i:{UNKNOWN_RELEASE_VERBS})\s+(?:(?i:its|their|a|an|the)\s+)?"
                r"(?:(?i:new|latest|first|open[- ]weights?|open[- ]source|updated|next-generation)\s+)*"
                r"(?:(?i:model|llm|ai model|language model|reasoning model),?\s+)?(?:(?i:called|named|"
                rf"dubbed)\s+)?{shape_list}",
                1,
            )
            .str.replace_all(r",\s*|,?\s+and\s+|\s*&\s*", "\x1e")
            .str.split("\x1e"),
            # "released its first in-house AI model Wednesday morning, called Inkling": a name given as the model's
            called=pl.col("sentence")
            .str.extract(
                r"(?i:model|llm|system)\b[^.;:]{0,40}?,?\s+(?i:called|named|"
                r"dubbed)\s+([A-Z][\w.\-]+(?:\s[A-Z0-9][\w.\-]*){0,2})",
                1,
            )
            .str.strip_chars_end(".,"),
            # "launched Fugu, a model named after ...", "releases Soofi S, an open 30B model": a name the release verb
            # takes, described as a model
            described=_built("appositive", lambda: pl.col("sentence").str.extract_groups(APPOSITIVE)),
        )
        .with_columns(
            called=pl.coalesce(
                "called",
                pl.when(
                    _describes_a_model(pl.col("described").struct.field("desc"))
                    & ~pl.col("described").struct.field("next").str.contains(NOT_A_MODEL_NEXT).fill_null(False)
                ).then(
                    pl.col("described").struct.field("name")
                ),
            )
        )
        .drop("described")
        .with_columns(first=pl.col("model").list.first())
        .explode("model")
        .with_columns(model=pl.col("model").str.strip_chars_end("."))
    )
    rows = rows.with_columns(
        model=pl.when(pl.col("model").str.contains(r"\d"))
        .then("model")
        .when((pl.col("model") == pl.col("first")).fill_null(True) & ~pl.col("called").str.contains(PHRASE_WORD))
        .then("called")
    )
    # A release denied or asked about is none: "OpenAI has not released Zephyr-9 yet", "Did Acme release Zephyr-9?" (the
    # negation right before the verb that takes the name: not "DeepSeek, which did not respond to a request for comment,
    # released DeepSeek-V4", nor "Acme released Zephyr-9, which does not read images")
    before_name = pl.col("sentence").str.split(pl.col("model")).list.first().str.to_lowercase()
    rows = rows.drop("called", "first").filter(
        pl.col("model").is_not_null() & ~pl.col("model").str.contains(NOT_MODEL_WORDS)
        & ~before_name.str.contains(DENIED_RELEASE).fill_null(False)
        & ~pl.col("sentence").str.contains(QUESTION)
        # ("OpenAI open-sourced an Apache-2.0 Codex Security CLI": a tool)
        & ~pl.col("model").str.contains(NOT_A_MODEL_NAME)
    )
    rows = rows.filter(
        _canonical(pl.col("model"), g.model_by_key).is_null() & _canonical(pl.col("model"), g.org_by_key).is_null()
    )
    # Where a known model is named, a longer known name ("Claude 3.5 Sonnet") covers the candidate ("Claude 3.5"); a
    # new model whose maker the article's first naming of it does not tell covers nothing ("Prime Intellect Releases
    # INTELLECT-3" over "Prime Intellect has officially released INTELLECT-3", tests/pages13 m085).
    covering = models.filter(pl.col("model_org").is_not_null()).select("article_id", "sent_idx").unique()
    rows = rows.join(covering, on=["article_id", "sent_idx"], how="anti")
    # (nor a product named by the noun after it: "launched the Reliance Jio 4G network", tests/pages14 n083)
    rows = rows.filter(~_text_after(pl.col("model")).str.contains(PRODUCT_NEXT).fill_null(False))
    actor = ~org_kind(pl.element(), g).is_in(NON_ACTORS)
    desc = _text_after(pl.col("model")).str.replace(r"^\*+", "").str.extract(DESCRIBED_AS_MODEL, 1)
    described = desc.is_not_null() & _describes_a_model(desc)
    return rows.with_columns(
        model_org=pl.coalesce(
            _lookup(pl.col("model").str.extract(r"^([A-Za-z]+)", 1), stems),
            own_site_maker(),
            pl.col("orgs").list.filter(actor).list.first(),
            pl.col("new_org"),
            pl.col("focus_new_org"),
            # (in the opening, of a name told as a model, the company in focus: "Introducing ModernBERT – Answer.AI" ...
            # "This blog post introduces ModernBERT, a family of ... models")
            pl.when((pl.col("sent_idx") <= OPENING_SENTENCES) & described.fill_null(False)).then("focus_org"),
        ),
        is_short=pl.lit(False),
        is_new=pl.lit(True),
    ).filter(pl.col("model_org").is_not_null())


# "Sakana AI Releases 'Fugu Ultra' to Match Frontier Performance": a quoted name the release verb takes.
QUOTED_RELEASE = (
    rf"(?i:{UNKNOWN_RELEASE_VERBS})\s+(?:(?i:its|their|the|a|an)\s+)?(?:(?i:new|latest)\s+)?[\"'‘“]"
    r"([A-Z][\w.\-]*(?:\s[A-Z0-9][\w.\-]*){0,2})[\"'’”]"
)


def _quoted_models(cue: pl.DataFrame, sents: pl.DataFrame, g: gaz.Gazetteer) -> pl.DataFrame:
    """A quoted name a release verb takes in the opening, that the lead tells as a model ("Our Fugu Ultra model"): a
    headline quotes a product's name, and the model's is one the article calls a model. Its maker is the company the
    sentence names."""
    rows = (
        cue.filter((pl.col("sent_idx") <= OPENING_SENTENCES) & ~pl.col("negated"))
        .with_columns(model=pl.col("sentence").str.extract(QUOTED_RELEASE, 1))
        .drop_nulls("model")
        .filter(
            ~pl.col("model").str.contains(PHRASE_WORD)
            & _canonical(pl.col("model"), g.org_by_key).is_null()
        )
    )
    if rows.is_empty():
        return rows
    lead = sents.filter(pl.col("sent_idx") <= LEAD_SENTENCES).select("article_id", lead="low")
    told = (
        rows.select("article_id", "model")
        .unique()
        .join(lead, on="article_id")
        .filter(pl.col("lead").str.contains(pl.col("model").str.to_lowercase() + " model", literal=True))
        .select("article_id", "model")
        .unique()
    )
    actor = ~org_kind(pl.element(), g).is_in(NON_ACTORS)
    known = _canonical(pl.col("model"), g.model_by_key)
    return (
        rows.join(told, on=["article_id", "model"], how="semi")
        .with_columns(
            model=pl.coalesce(known, "model"),
            model_org=pl.coalesce(
                _lookup(known, _maps(g)["model_org"]), pl.col("orgs").list.filter(actor).list.first()
            ),
            is_short=pl.lit(False),
            is_new=known.is_null(),
            is_family=pl.lit(False),
        )
        .filter(pl.col("model_org").is_not_null())
    )


# A model the gazetteer knows was released this many days or more before the article: its "release" told without a
# date is history ("When GPT-5 launched, the overall mood was very negative", "the release wasn't met with the same
# universal acclaim that people felt for GPT-4", holdout h1732, h1723), unless the weights are what is new
# ("xAI open-sources Grok 2.5" a year after its launch). (The gazetteer dates a model by its first release, a preview
# included: general availability told undated 45 days after a preview is read as history too.)
KNOWN_FOR_DAYS = 45
WEIGHTS_NOW = r"(?i)open[- ]?sourc|open[- ]weights?|weights"


def _without_known_old_models(releases: pl.DataFrame, sents: pl.DataFrame, g: gaz.Gazetteer) -> pl.DataFrame:
    published = sents.select("article_id", "published_at").unique("article_id")
    released = _lookup(pl.col("model"), _maps(g)["model_released"])
    # (a month alone is read as its last day: a release is not history before it could have been)
    released_on = released.str.to_date("%Y-%m-%d", strict=False).fill_null(
        (released + "-01").str.to_date("%Y-%m-%d", strict=False).dt.month_end()
    )
    old = (pl.col("published_at").dt.date() - released_on).dt.total_days() >= KNOWN_FOR_DAYS
    return (
        releases.join(published, on="article_id", how="left")
        .filter(
            ~(old.fill_null(False) & pl.col("event_date").is_null() & ~pl.col("evidence").str.contains(WEIGHTS_NOW))
        )
        .drop("published_at")
    )


# A headline that ranks or compares models: the releases the article tells are its background ("Best LLM Models 2026
# Compared: Reasoning, Coding, Multimodal & Price", tests/newsindex w022).
ROUNDUP_TITLE = (
    r"(?i:^(?:the\s+)?(?:best|top\s+\d+)\s+(?:[\w\-]+\s+){0,2}?(?:models|llms|chatbots)\b|\b(?:compared|ranked)\s*"
    r"(?:[:：]|$)|\bcomparison\s*$)"
)
# (not a headline that tells a launch: "Best model yet: Anthropic launches Claude Opus 5")
ROUNDUP_NOT = r"(?i:\b(?:launch|releas|unveil|ship|debut|introduc)\w*)"


def mentions(found: Found) -> pl.DataFrame:
    releases = _model_releases(found.all_sents, found.models.filter(~pl.col("clause_negated")), found.g)
    roundups = found.all_sents.filter(
        (pl.col("sent_idx") == 0) & pl.col("sentence").str.contains(ROUNDUP_TITLE)
        & ~pl.col("sentence").str.contains(ROUNDUP_NOT)
    )
    releases = releases.join(roundups.select("article_id"), on="article_id", how="anti")
    return _without_known_old_models(releases, found.all_sents, found.g)
