"""Names in sentences: gazetteer lookups, model and money occurrences, the company an event is told of, and
unknown companies (helpers the rule modules share)."""
from __future__ import annotations

import dataclasses
import functools
import os
import re
from collections import Counter
from concurrent.futures import ThreadPoolExecutor

import polars as pl

from transforms import gazetteer as gaz
from transforms.extract.patterns import (
    CLAUSE_BREAK,
    FIRST_PERSON,
    FRONTED_TIME,
    GENERIC_PARTY,
    LEXICONS,
    LICENSE,
    NEGATION,
    NOT_NAMES,
    NOT_ONLY,
    PHRASE_WORD,
    QUESTION,
    ROLE,
    SCORE,
    STRONG_COMPARISON,
    SUBJECT_VERBS,
)
from transforms.extract.sentences import _blank_unless
from transforms.normalize import MONEY_PATTERN, MONTHS, money_currency, money_to_usd

# ("its first since GPT-2", "since OpenAI introduced o1", "the same licence as the Kimi K2", "the base model X")
WEAK_COMPARISON = (
    r"\b(like|such as|previous|earlier|older|successor|predecessor|builds? on|built on|based on|"
    r"replac[a-z]*|against|unlike"
    r"|since|same|base model|into|replicat\w*|your own)\b"
)
RIVALS_NOUN = (
    r"(?i:\brivals?)(,|\s+(?:including|such as|like|in|to|of|and|or|who|which|are|were|have|had|could|would|"
    r"will"
    r"|can|at|from|on|for|with)\b)"
)
RIVAL_COMPOUND = r"\b([A-Za-z][\w.\-]*[A-Z0-9][\w.\-]*|[A-Z][\w.\-]*) rival ([A-Z0-9])"
# A news dateline before the first sentence: "BERLIN - ", "HANGZHOU, Jan 21 (Radar Wire) - ".
# ("SAN FRANCISCO, June 17, 2026 (GLOBE NEWSWIRE) -- Smartbird, Inc. ...": a wire's two hyphens for a dash)
DATELINE = r"^[A-Z][A-Z .'\-]+(?:,[^-–—()]{1,30})?(?:\([^)]{1,40}\))?\s+(?:--|[-–—])\s+"
# A name used for a product line rather than one model: "its Llama 4 family", "Gemini 2.0, the second generation of".
FAMILY_SUFFIX = (r"""(?:\s+(?:family|series|generation|line-?up)\b|\s+(?:['"‘“][\w\-]+['"’”]\s+"""
                 r"|(?:reasoning|language|open|open-weights?|open-source|ai|small|smaller|new|distilled|chat|frontier"
                 r"|multimodal|thinking)\s+)?models\b"
                 r"|,\s+(?:a|an|the|its)\s+(?:[\w\-]+\s+){0,3}?(?:family|series|generation|line-?up)\b)")
# A model named as what a product uses or gives access to, or as an earlier event's ("for Codex", "access to o1,
# GPT-4o",
# "powered by Gemini", "three months after the startup announced o1"), is not what the sentence releases.
NOT_RELEASED_PREFIX = (
    r"\b(?:access to|for|powered by|runs?|running|run on|using|uses|used|via|on top of|inside|"
    # "Mistral AI unveils its plan: ..., hosting China's GLM-5.2": a model someone else serves
    r"hosting|hosts|serving|serves|"
    r"integrat\w* into"
    r"|built (?:on|with)|after|following|such as|including access to|fine[- ]?tunes?|fine[- "
    r"]?tun(?:ed|ing)"
    r"|distill(?:ed|ing)? from|from the|on top of the"
    # "the trick introduced by OpenAI's o1": the model is the agent of a release of something else
    r"|(?:introduced|pioneered|popularized) by)\s+(?:[\w’'\-]+,?\s+){0,3}$"
)
# ("The latest investment round has raised Helsing's value to $12 billion", tests/pages5 t042)
VALUATION = r"(valu(?:ed|ation|ing)|post-money|pre-money|value to)"
# A score told against rivals is a comparison: "multiagent AI scores well against Fable 5, GPT 5.5".
SCORED_AGAINST = r"\bscor(?:es|ed|ing) (?:well|strongly|favou?rably|highly|higher) against\b"
# ... and so is doing with less than rivals: "Inkling uses a third as many tokens as Nvidia's Nemotron 3 Ultra".
LESS_THAN = (
    r"\b(?:as (?:many|much)|fewer|less) (?:[\w\-]+ )?(?:tokens|compute|memory|parameters|energy|gpus|chips|"
    r"data) (?:as|than)\b"
)
COMPARISON = STRONG_COMPARISON + "|" + SCORED_AGAINST + "|" + LESS_THAN
BENCHMARK = (
    r"\b(match(?:es|ed|ing)?|outperform[a-z]*|beat(?:s|ing)?|surpass[a-z]*|rival(?:s|ed|ing)?|on par with|"
    r"exceed[a-z]*|tops|topped|top (?:the|a|its)|close to"
    r"|improv(?:es|ed|ing|ements?)(?: by)?(?: \S+ points?)? over|improv(?:es|ed) on"
    r"|ahead of|better than|competitive(?:ly)? with|edg(?:es|ed|ing) out|as good as|comparabl[ey] (?:to|with)"
    r"|approach(?:es|ed|ing)|(?:near[- ])?parity with|(?:results?|performance|scores?|accuracy) (?:[a-z]+ "
    r")?(?:similar|close) to"
    r"|second only to|behind only|narrow(?:s|ed|ing)? the gap"
    r")\b"
    rf"|{SCORED_AGAINST}|{LESS_THAN}"
    rf"|\b(?:compared (?:with|to)|against|versus|vs\.?) {SCORE}"
)
# Shapes of names the gazetteer may not know yet.
ORG_SHAPE = r"[A-Z][\w&.\-]*(?: (?:[A-Z][\w&.\-]*|AI|Labs?|Technologies|Robotics))*"
# The company a round is told of: the capitalised name right before the verb ("Jeff Bezos's Prometheus raises $12B",
# "OpenAI challenger Acme Labs has raised"), not another company named nearer the amount.
# The company an event is told of: the capitalised name right before the event verb ("Jeff Bezos's Prometheus raises
# $12B", "OpenAI challenger Acme Labs has raised"), not another company named nearer the amount. A name the gazetteer
# knows may stand anywhere; an unknown one only where a subject starts: at the start of the sentence or after a kind
# word or a possessive ("messaging app Respond.io raises", "Livestream shopping platform Whatnot has acquired") - not
# "the researchers who built AI-generated DNA just raised".
# (a number between its words too: "Strike 3 Holdings sued Meta", tests/pages17 f024)
SUBJECT_NAME = r"([A-Z][\w&.\-]*(?:(?: \d+)? (?:[A-Z][\w&.\-]*|AI|Labs?))*)"
ACRONYM_AFTER = r"(?:\s+\([A-Z][A-Za-z]{1,6}\))?"
ANY_LEFT = r"(?:^|[^\w.’'\-])"
KIND_LEFT = (
    r"(?:^|(?i:startup|start-up|company|firm|app|platform|maker|developer|provider|challenger|rival|"
    r"competitor|lab"
    # (and a clause's subject after "that": "Soenke told Business Insider that TAR recently raised")
    r"|unicorn|outfit|business|specialist|upstart|creator|designer|operator|giant|chipmaker|that|[\w.]+(?:’s|"
    # ("a supplement company called Humann sued")
    r"'s))\s+(?:called\s+|named\s+)?)"
)
# A version of a known model line the gazetteer does not list yet: the line's name and a version ("Claude Opus 5",
# "Gemini 3.7 Flash", "GLM-5.2", "Kimi K3"; see _model_lines), or a known name and a size or variant it does not list
# ("Sky-T1-7B", "Sky-T1-mini" beside Sky-T1-32B-Preview). (Up to three digits: "Gemini 2025" is no version.)
VERSION_SUFFIX = (
    r"(?:[\s\-](?:Flash-Lite|Flash|Lite|Pro|Ultra|Mini|mini|Nano|Max|Plus|Turbo|Sonnet|Opus|Haiku|"
    r"Thinking|Instruct"
    r"|Cyber|Coder|Lightning|Native Audio|Live|Realtime|TTS))*\b"
)
SOFTWARE_BUILD = r"\b[vV]?\d+\.\d+\.\d[\w.]*"  # "2.1.150", "v2.0.60": a build of a program, no model's version
VERSION_TAIL = r"[\s\-]?(?:[A-Z][a-z]+\s)?[A-Za-z]?\d{1,3}(?:\.\d+)?" + VERSION_SUFFIX
# ("Gemini 2.5 Flash Native Audio", holdout h1807; "Nemotron 3.5 Lightning", h1037: a variant of a known model)
NEW_VARIANT = r"(?:-\d+(?:\.\d+)?[BM]|-mini|-nano|\s(?:Lightning|Native Audio|Live|Realtime|TTS))\b"
# Line names that are common words or other things' names ("Falcon 9" is a rocket).
NOT_LINES = ("OpenAI", "Amazon", "Stable", "Command", "Eleven", "Falcon")
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


# A gazetteer org name in `tagged` (core): the name between these marks (the org pattern's matches, found once per
# sentence table). A rule's pattern reads ORG (ORG_NAME captures the name) in `tagged` where it would embed the org
# pattern. A mark is no word character: `\b` right before or after one does not read as in the sentence ("fined \x02O"
# has none where "fined O" has one), so patterns read in `tagged` match ORG there instead. A word that may hold a name
# ("non-OpenAI") is TAGGED_WORD.
ORG = r"\x02[^\x02\x03]*\x03"
ORG_NAME = r"\x02([^\x02\x03]*)\x03"
TAGGED_WORD = r"[\w\-\x02\x03]+"


def _tag_orgs(sents: pl.DataFrame, g: gaz.Gazetteer) -> pl.Series:
    """The sentences with each gazetteer org name marked (ORG); marks already in the text are blanked."""
    text = pl.col("sentence").str.replace_all(r"[\x02\x03]", " ")
    return _by_script(sents, "sentence", lambda pattern: text.str.replace_all(pattern, "\x02${0}\x03"),
                      g.org_pattern_ascii, g.org_pattern, g)


_ASCII_VIEWS: dict[int, tuple[gaz.Gazetteer, gaz.Gazetteer]] = {}


def _for_text(g: gaz.Gazetteer, sents: pl.DataFrame) -> gaz.Gazetteer:
    """g, or, where no sentence has a character of a non-ASCII alias (most batches of English news), g with its
    ASCII-only patterns: the same matches, read ~100x faster in text with other non-ASCII characters, and one pattern
    compiled where _read_models/_by_script would compile two. Built once per gazetteer."""
    if g.org_pattern == g.org_pattern_ascii or sents["sentence"].str.contains(g.non_ascii_alias_char).any():
        return g
    hit = _ASCII_VIEWS.get(id(g))
    if hit is None or hit[0] is not g:
        view = dataclasses.replace(g, org_pattern=g.org_pattern_ascii, model_pattern=g.model_pattern_ascii)
        hit = _ASCII_VIEWS[id(g)] = (g, view)
    return hit[1]


def _read_models(text: pl.Expr, read, g: gaz.Gazetteer) -> pl.Expr:
    """read(text, model pattern): with the ASCII-only pattern where the text has no character of a non-ASCII alias and
    the whole pattern elsewhere (the same result; see _by_script)."""
    if g.model_pattern == g.model_pattern_ascii:
        return read(text, g.model_pattern)
    return _read_names(text, read, g.model_pattern, g.model_pattern_ascii, g)


def _read_names(text: pl.Expr, read, pattern: str, ascii_pattern: str, g: gaz.Gazetteer) -> pl.Expr:
    # (each pattern reads the other texts blanked: a null value's text is read all the same)
    unicode = text.str.contains(g.non_ascii_alias_char)
    return (
        pl.when(unicode)
        .then(read(_blank_unless(unicode, text), pattern))
        .otherwise(read(pl.when(unicode).then(pl.lit("")).otherwise(text), ascii_pattern))
    )


def _by_script(df: pl.DataFrame, column: str, build, ascii_pattern: str, pattern: str, g: gaz.Gazetteer) -> pl.Series:
    """build(pattern) on df, with the gazetteer's ASCII-only pattern where `column` has no character of a non-ASCII
    alias: the same result, read ~100x faster where the text has other non-ASCII characters (gazetteer.Gazetteer).
    (build reads `column` only, row by row: it runs in the gazetteer's threads, _gazetteer_select.)"""
    texts = df.select(column)
    out = _gazetteer_select(texts, build(ascii_pattern))
    if pattern == ascii_pattern:
        return out
    mask = texts.select(pl.col(column).str.contains(g.non_ascii_alias_char)).to_series()
    if mask.any():
        out = out.scatter(mask.arg_true(), _gazetteer_select(texts.filter(mask), build(pattern)))
    return out


# polars keeps 32 compiled regexes per thread and an extraction uses ~300: each pattern is compiled again on every
# call, the gazetteer's (14-19k characters, 20-90 ms each, in several forms) too. Those are read in threads of their
# own, where nothing else pushes them out of the cache: one expression selected alone on a frame of one chunk is
# evaluated in the calling thread (the chunks of a frame of several are read in polars' threads), so they stay
# compiled from call to call. Only the gazetteer's patterns, a few other large ones (leadership's SUBJECT_MOVE,
# market_move's listed moves) and a few small ones run there, fewer than 32: the texts they read are computed before,
# in the caller's thread. A large frame is read in parts at once, one per thread (as many as polars
# has); the executors are made again in a forked process.
# (Giving the rule modules' reads the same treatment was tried, branch speed8-regex-threads: every expression that reads
# regexes computed alone in threads of at most 24 patterns each. Compile time fell from ~14% to ~3% of the CPU, but a
# call cost 6-15% more CPU than main (medians of alternated runs): reading expressions one by one costs more than
# the compiling it saves.)
_GAZETTEER_THREADS: list = [None, []]
PARALLEL_ROWS = 2000  # a frame of fewer rows is read in one thread


def _gazetteer_select(frame: pl.DataFrame, expr: pl.Expr) -> pl.Series:
    """frame.select(expr), a row-by-row reading of gazetteer patterns, in the gazetteer's threads."""
    if _GAZETTEER_THREADS[0] != os.getpid():
        _GAZETTEER_THREADS[:] = [os.getpid(), [ThreadPoolExecutor(1, thread_name_prefix=f"gazetteer-patterns-{i}")
                                               for i in range(max(1, pl.thread_pool_size()))]]
    executors = _GAZETTEER_THREADS[1]
    parts = min(len(executors), max(1, frame.height // PARALLEL_ROWS))
    size = -(-frame.height // parts)
    futures = [
        executor.submit(lambda part: part.select(expr).to_series(), frame.slice(i * size, size).rechunk())
        for i, executor in enumerate(executors[:parts])
    ]
    out = [future.result() for future in futures]
    return out[0] if parts == 1 else pl.concat(out)


def _read_column(df: pl.DataFrame, text: pl.Expr, read, pattern: str, ascii_pattern: str,
                 g: gaz.Gazetteer) -> pl.Series:
    """read(text, pattern) on df's rows as _read_names reads it (the ASCII-only pattern where the text has no character
    of a non-ASCII alias), the patterns read in the gazetteer's threads. (`text` is computed first, in this thread.)"""
    if pattern == ascii_pattern:
        return _gazetteer_select(df.select(_text=text), read(pl.col("_text"), pattern))
    unicode = pl.col("_text").str.contains(g.non_ascii_alias_char)
    # (each pattern reads the other texts blanked, as in _read_names)
    texts = df.select(_text=text).select(
        _unicode=unicode,
        _ascii=pl.when(unicode).then(pl.lit("")).otherwise(pl.col("_text")),
        _whole=_blank_unless(unicode, pl.col("_text")),
    )
    out = _gazetteer_select(texts.select("_ascii"), read(pl.col("_ascii"), ascii_pattern))
    if not texts["_unicode"].any():
        return out
    whole = _gazetteer_select(texts.select("_whole"), read(pl.col("_whole"), pattern))
    return texts.select(pl.when(pl.col("_unicode")).then(whole).otherwise(out)).to_series()


def _read_model_column(df: pl.DataFrame, text: pl.Expr, read, g: gaz.Gazetteer) -> pl.Series:
    """_read_models(text, read, g) on df, read in the gazetteer's threads."""
    return _read_column(df, text, read, g.model_pattern, g.model_pattern_ascii, g)


def _read_org_column(df: pl.DataFrame, text: pl.Expr, read, g: gaz.Gazetteer) -> pl.Series:
    """read(text, org pattern) on df, as _read_models reads the model pattern (where the names marked in `tagged`
    cannot serve), in the gazetteer's threads."""
    return _read_column(df, text, read, g.org_pattern, g.org_pattern_ascii, g)


# No names: a list column's value where a rule reads none (a null list would drop its row's other names).
NO_NAMES = pl.lit([], dtype=pl.List(pl.String))


def _drop_nulls(lists: pl.Expr) -> pl.Expr:
    """lists.list.drop_nulls(), ~100x faster: polars' list.drop_nulls reads each list apart (~30 ms on a batch's
    sentence table), list.eval reads them all at once."""
    return lists.list.eval(pl.element().drop_nulls())


def _untag(text: pl.Expr) -> pl.Expr:
    """Text cut from `tagged` as the sentence has it."""
    return text.str.replace_all(r"[\x02\x03]", "")


_LOOKUPS: dict[int, tuple[dict, pl.Series, pl.Series]] = {}


def _lookup(expr: pl.Expr, mapping: dict, default=None, return_dtype=pl.String) -> pl.Expr:
    """expr.replace_strict(mapping) with the mapping's key and value Series built once per mapping (a dict of thousands
    of gazetteer keys costs milliseconds to convert, on every call). Mappings must live as long as the gazetteer."""
    hit = _LOOKUPS.get(id(mapping))
    if hit is None or hit[0] is not mapping:
        hit = (mapping, pl.Series(list(mapping.keys())), pl.Series(list(mapping.values()), dtype=return_dtype))
        _LOOKUPS[id(mapping)] = hit
    return expr.replace_strict(hit[1], hit[2], default=default, return_dtype=return_dtype)


_BUILT: dict[tuple[str, int], tuple[object, pl.Expr]] = {}


def _built(name: str, build, g: gaz.Gazetteer | None = None) -> pl.Expr:
    """An expression built once (per gazetteer) and reused: str.extract_groups compiles its regex when the expression
    is built, and a few expressions here hold several of those (~15 ms per call in all)."""
    hit = _BUILT.get((name, id(g)))
    if hit is None or hit[0] is not g:
        hit = (g, build())
        _BUILT[(name, id(g))] = hit
    return hit[1]


_MAPS: dict[int, tuple[gaz.Gazetteer, dict]] = {}


def site_org(url: pl.Expr, g: gaz.Gazetteer) -> pl.Expr:
    """The company whose own site the URL is on (gazetteer `sites`, the host or a domain it is under), else null."""
    host = url.str.extract(r"^[A-Za-z][\w+.\-]*://([^/:?#]+)", 1).str.to_lowercase().str.strip_prefix("www.")
    sites = _maps(g)["site_org"]
    # (the host itself, then the domains it is under: "research.nvidia.com" is under "nvidia.com")
    tails = [host] + [host.str.extract(rf"((?:[^.]+\.){{{n}}}[^.]+)$", 1) for n in (2, 1)]
    return pl.coalesce([tail.replace_strict(sites, default=None, return_dtype=pl.String) for tail in tails])


def own_site_maker() -> pl.Expr:
    """The company whose own site a sentence is on (core's `site_org`) where it says "we release" (FIRST_PERSON), as
    the maker of the model it names, whatever else it names: "Try on Tinker Model card Hugging Face Today, we are
    releasing Inkling-Small" on thinkingmachines.ai (tests/newsindex w012). Read on a row's `low` and `site_org`."""
    return pl.when(pl.col("low").str.contains(FIRST_PERSON)).then(pl.col("site_org"))


def _maps(g: gaz.Gazetteer) -> dict[str, dict]:
    """Lookups derived from a gazetteer, built once per gazetteer."""
    hit = _MAPS.get(id(g))
    if hit is None or hit[0] is not g:
        lines = _model_lines(g)
        hit = (
            g,
            {
                "model_org": {m: e["org"] for m, e in g.models.items()},
                "model_open": {m: e.get("open_weights") for m, e in g.models.items()},
                "model_license": {m: e.get("license") for m, e in g.models.items()},
                # (as written: a day, or a month alone)
                "model_released": {m: e["released"] for m, e in g.models.items() if e.get("released")},
                "org_kind": {name: e.get("kind", "other") for name, e in g.orgs.items()},
                # a division deals for its company: "Microsoft Azure" is Microsoft's
                "org_parent": {name: e["parent"] for name, e in g.orgs.items() if e.get("parent")},
                # ... and a company owned by others deals on its own, but not with them
                "org_owners": {name: e["owners"] for name, e in g.orgs.items() if e.get("owners")},
                # a company's own web hosts ("openai.com", "blog.google"): whose first-person page it is
                "site_org": {site: name for name, e in g.orgs.items() for site in e.get("sites", [])},
                "line_org": lines,
                # the names of model lines and families ("Claude", "Grok", "Qwen"): products, never companies
                "product_lines": sorted(set(_bare_families(g)) | set(lines)),
            },
        )
        _MAPS[id(g)] = hit
    return hit[1]


def org_kind(expr: pl.Expr, g: gaz.Gazetteer) -> pl.Expr:
    """The gazetteer's kind of each org name (company, investor, government, regulator, media, ...; "other" when
    unknown)."""
    return _lookup(expr, _maps(g)["org_kind"], default="other")


def _model_lines(g: gaz.Gazetteer) -> dict[str, str]:
    """Names of model lines ("Gemini", "Claude", "Qwen" of Qwen3, "GLM": the first word, digits dropped, of at least
    three gazetteer models, 80% of them by one org) -> that org: a new version of the line ("Gemini 3.7 Flash") is
    that org's. (GPT-J is EleutherAI's, GPT-5.5 OpenAI's.)"""
    counts: dict[str, Counter] = {}
    for name, entry in g.models.items():
        stem = re.sub(r"\d[\w.]*$", "", re.split(r"[\s\-]", name)[0])
        if entry.get("org") and re.fullmatch(r"[A-Za-z]{3,}", stem) and stem not in NOT_LINES:
            counts.setdefault(stem, Counter())[entry["org"]] += 1
    lines = {}
    for stem, orgs in counts.items():
        org, n = orgs.most_common(1)[0]
        if orgs.total() >= 3 and n >= 0.8 * orgs.total():
            lines[stem] = org
    return lines | {line["name"]: line["org"] for line in LEXICONS["model_line"] if line["org"] in g.orgs}


def _versioned(g: gaz.Gazetteer, model_pattern: str | None = None) -> str:
    """A known model's name (`model_pattern`, by default the gazetteer's), or a new version of a known line
    (VERSION_TAIL, NEW_VARIANT)."""
    # (ASCII classes and boundaries, as in the gazetteer's pattern: Unicode ones take a far slower regex path)
    model = model_pattern or g.model_pattern
    return rf"(?:{model}(?-u:(?:{NEW_VARIANT})?)|(?-u:\b(?:{_model_lines_pattern(g)}){VERSION_TAIL}))"


def _model_lines_pattern(g: gaz.Gazetteer) -> str:
    return "|".join(_maps(g)["line_org"])


def _canonical(expr: pl.Expr, mapping: dict[str, str]) -> pl.Expr:
    return expr.str.replace_all(r"[\s\-_’']+", "").str.to_lowercase().pipe(_lookup, mapping)


def _model_occurrences(sents: pl.DataFrame, g: gaz.Gazetteer, article_orgs: pl.DataFrame) -> pl.DataFrame:
    """One row per model named in a sentence, with whether it is named as a comparison point.

    A sentence is cut into clauses ("X matches A, and Y is similar to B": two claims). In a clause, a model is a
    comparison point when it comes after the clause's first comparison cue ("matching", "ahead of", "competitive
    with" ...) or has a weak cue just before it ("like", "previous", "based on"). `benchmarked` marks the comparison
    points that follow a performance cue ("outperforms", "on par with"): what a benchmark claim is made against.
    `is_family` marks a name used for a product line ("its Llama 4 family", "Llama 3.1, a family of models").
    """
    # Licence names ("Llama 3.1 Community License") are not model mentions. "Cheaper rivals, including ..." is a noun,
    # not a claim; in "trains o1-preview rival Sky-T1" the name after "rival" is the subject and the one before it the
    # yardstick.
    # A number with two dots is a software build, no model's version: "introduced around Claude Code 2.1.150".
    text = (
        pl.col("sentence")
        .str.replace_all(SOFTWARE_BUILD, "#")
        .str.replace_all(LICENSE, " ")
        .str.replace_all(RIVALS_NOUN, "competitors$1")
        .str.replace_all(RIVAL_COMPOUND, "like $1, $2")
    )
    # Only sentences that name a model are read: where no licence or rival rewrite applies the text is the sentence,
    # so a sentence without a model match and without "licen..."/"rival" has no model occurrence.
    # (`context` finds a match wherever the bare model pattern does; the bare pattern is the cheaper test: no
    # leading words to try at every position)
    def context(text: pl.Expr, model: str) -> pl.Expr:
        return text.str.extract_all(rf"(?:\S+\s+){{0,4}}?{_versioned(g, model)}{FAMILY_SUFFIX}?")

    lines = _model_lines_pattern(g)
    named = _by_script(sents, "sentence", lambda pattern: pl.col("sentence").str.contains(_versioned(g, pattern)),
                       g.model_pattern_ascii, g.model_pattern, g)
    sents = sents.filter(
        named
        | pl.col("sentence").str.contains(
            r"(?i:rival)|"
            r"[Ll]icen[cs]e"
        )
    )
    # One lazy query from here (one collect instead of ten); skipped where no sentence names a model: polars compiles
    # every regex of a query even for no rows.
    clauses = (
        sents.lazy()
        .select(
            "article_id", "sent_idx", asked=text.str.contains(QUESTION),
            clause=text.str.replace_all(CLAUSE_BREAK, "\x1e").str.split("\x1e"),
        )
        .explode("clause")
        .with_columns(clause_idx=pl.int_range(pl.len()).over("article_id", "sent_idx"))
    )
    # the lower-cased clause and where its first comparison cue is, computed once (each is used several times)
    clauses = clauses.with_columns(clause_low=pl.col("clause").str.to_lowercase())
    clauses = clauses.with_columns(cue_at=char_at(pl.col("clause_low"), COMPARISON))
    clause_low, cue_at = pl.col("clause_low"), pl.col("cue_at")
    split = clauses.select(
        "article_id",
        "sent_idx",
        "clause_idx",
        bench_clause=clause_low.str.contains(BENCHMARK),
        clause_negated=_denies(clause_low) | pl.col("asked"),
        before=pl.when(cue_at.is_null()).then(pl.col("clause")).otherwise(pl.col("clause").str.slice(0, cue_at)),
        after=pl.when(cue_at.is_null()).then(pl.lit("")).otherwise(pl.col("clause").str.slice(cue_at)),
    )
    keys = ["article_id", "sent_idx", "clause_idx", "bench_clause", "clause_negated"]
    sides = (("before", False), ("after", True))
    # (the model pattern's readings are collected apart, in the gazetteer's threads: _gazetteer_select; with no
    # sentence the query only gives the schema)
    if sents.is_empty():
        parts = [split.select(*keys, _read_models(pl.col(side), context, g).alias("ctx"), after_cue=pl.lit(after))
                 for side, after in sides]
    else:
        split_rows = split.collect()
        parts = [split_rows.select(*keys).with_columns(ctx=_read_model_column(split_rows, pl.col(side), context, g),
                                                        after_cue=pl.lit(after)).lazy()
                 for side, after in sides]
    occ = (
        pl.concat(parts)
        .explode("ctx")
        .drop_nulls("ctx")
        .with_columns(
            occ_idx=pl.int_range(pl.len()).over("article_id", "sent_idx", "clause_idx", "after_cue"),
            is_family=pl.col("ctx").str.contains(FAMILY_SUFFIX + "$"),
            core=pl.col("ctx").str.replace(FAMILY_SUFFIX + "$", ""),
        )
    )

    def named_at_end(text: pl.Expr, model: str) -> pl.Expr:
        return text.str.extract(rf"({_versioned(g, model)})$", 1)

    if sents.is_empty():
        occ = occ.with_columns(model_text=_read_models(pl.col("core"), named_at_end, g))
    else:
        found = occ.collect()
        occ = found.with_columns(model_text=_read_model_column(found, pl.col("core"), named_at_end, g)).lazy()
    occ = (
        occ.with_columns(
            line_text=pl.col("model_text").str.replace(r"\.\d+$", "").str.replace(rf"(\d[\w.]*?){NEW_VARIANT}$", "$1")
        )
        .with_columns(
            # a name the gazetteer does not know is a new model of the line it extends: "GPT-5.5" of GPT-5's maker, a
            # size of a versioned name ("Sky-T1-7B": not "Qwen-7B" in "...-Distill-Qwen-7B"), "Claude Opus 5"
            line_org=pl.coalesce(
                _lookup(_canonical(pl.col("line_text"), g.model_by_key), _maps(g)["model_org"]),
                pl.when(pl.col("model_text").str.contains(rf"^(?:{lines}){VERSION_TAIL}$")).then(
                    _lookup(pl.col("model_text").str.extract(r"^([A-Za-z]+)", 1), _maps(g)["line_org"])
                ),
            ),
        )
        .with_columns(
            model=pl.coalesce(
                _canonical(pl.col("model_text"), g.model_by_key),
                pl.when(pl.col("line_org").is_not_null()).then(pl.col("model_text")),
            ),
            # (a short form's new version is short too: "v2.1" extends DeepSeek's "V2" only where DeepSeek is named, not
            # in "Deep Cogito unveiled Cogito v2.1", tests/pages8 w059)
            is_short=pl.any_horizontal(
                pl.col(text).str.replace_all(r"[\s\-_’']+", "").str.to_lowercase().is_in(list(g.short_model_keys))
                for text in ("model_text", "line_text")
            ),
            prefix=pl.col("core").str.slice(0, pl.col("core").str.len_chars() - pl.col("model_text").str.len_chars()),
        )
        .with_columns(
            model_org=pl.coalesce(_lookup(pl.col("model"), _maps(g)["model_org"]), "line_org"),
            is_comparison=pl.col("after_cue") | pl.col("prefix").str.to_lowercase().str.contains(WEAK_COMPARISON),
            # ("released open weights for Kimi K3", "today released the code for Phi-4", tests/pages17 f019: releases
            # it)
            not_released=pl.col("prefix").str.to_lowercase().str.contains(NOT_RELEASED_PREFIX)
            & ~pl.col("prefix").str.to_lowercase().str.contains(
                r"\b(?:weights|code|checkpoints?) for\s+(?:\S+\s+){0,2}$"
            ),
        )
        # "access to o1, GPT-4o, and Advanced Voice": a model listed right after one that is not released is not either
        .with_columns(
            not_released=pl.when(
                pl.col("prefix").str.contains(r"^[\s,;]*(?:and|or|as well as|&)?\s*$") & (pl.col("occ_idx") > 0)
            )
            .then(None)
            .otherwise(pl.col("not_released"))
            .forward_fill()
            .over("article_id", "sent_idx", "clause_idx", "after_cue", order_by="occ_idx")
        )
        .with_columns(
            benchmarked=pl.col("after_cue")
            & pl.col("bench_clause")
            & ~pl.col("model").is_in(_bare_families(g))
            & ~pl.col("is_family")
        )
        .join(article_orgs.lazy(), on="article_id", how="left")
        .sort("article_id", "sent_idx", "clause_idx", "after_cue", "occ_idx")
    )
    # A short form ("R1") counts only where its maker is named somewhere in the article, or is the maker of a model it
    # names in full ("Opus 4.8" beside "Claude Sonnet 5", tests/realset r282).
    named_in_full = (
        occ.filter(pl.col("model").is_not_null() & ~pl.col("is_short"))
        .select("article_id", "model_org", named_in_full=pl.lit(True))
        .unique()
    )
    occurrences = occ.join(named_in_full, on=["article_id", "model_org"], how="left", maintain_order="left").filter(
        pl.col("model").is_not_null()
        & (
            ~pl.col("is_short")
            | pl.col("article_orgs").list.contains(pl.col("model_org")).fill_null(False)
            | pl.col("named_in_full").fill_null(False)
        )
    )
    # a new name spelt two ways in an article ("GLM-5.2", "GLM 5.2") is one model, as first spelt
    occurrences = occurrences.with_columns(
        model=pl.col("model")
        .first()
        .over("article_id", pl.col("model").str.replace_all(r"[\s\-_’']+", "").str.to_lowercase())
    ).select(
        "article_id",
        "sent_idx",
        "clause_idx",
        "model",
        "model_org",
        "is_comparison",
        "benchmarked",
        "bench_clause",
        "is_family",
        "is_short",
        "clause_negated",
        "not_released",
        "model_text",
    )
    return pl.DataFrame(schema=occurrences.collect_schema()) if sents.is_empty() else occurrences.collect()


def main_maker(sents: pl.DataFrame, models: pl.DataFrame) -> pl.DataFrame:
    """(article_id, model, model_org): the first model an article's sentences tell of (its subject) and its maker."""
    # (a model the gazetteer does not know is the company's in focus: "Today, Cisco is introducing Antares")
    first_org = (
        sents.drop_nulls("focus_org").group_by("article_id").agg(org=pl.col("focus_org").sort_by("sent_idx").first())
    )
    return (
        sents.drop_nulls("subject_model")
        .group_by("article_id")
        .agg(model=pl.col("subject_model").sort_by("sent_idx").first())
        .join(models.select("model", "model_org").unique("model"), on="model", how="left")
        .join(first_org, on="article_id", how="left")
        .select("article_id", "model", model_org=pl.coalesce("model_org", "org"))
        .drop_nulls("model_org")
    )


def char_at(text: pl.Expr, pattern: str | pl.Expr, literal: bool = False) -> pl.Expr:
    """Where `pattern` first occurs in `text`, in characters (null where it does not): what str.slice takes.
    str.find counts bytes, which differ from characters after any character outside ASCII, such as a curly quote."""
    # (a regex: its leftmost match and all after it removed)
    before = text.str.split(pattern).list.first() if literal else text.str.replace(f"(?s)(?:{pattern}).*", "")
    return pl.when(text.str.contains(pattern, literal=literal)).then(before.str.len_chars())


def _denies(text: pl.Expr) -> pl.Expr:
    """Whether the lower-cased `text` tells a negation (NEGATION), "not just" aside (NOT_ONLY)."""
    return text.str.replace_all(NOT_ONLY, " ").str.contains(NEGATION)


def _text_after(name: pl.Expr) -> pl.Expr:
    """What the sentence says after the first place it spells `name` (null where it does not)."""
    sentence = pl.col("sentence")
    return sentence.str.slice(char_at(sentence, name, literal=True) + name.str.len_chars())


def _bare_families(g: gaz.Gazetteer) -> list[str]:
    """Family names without a version ("Qwen", "Gemini"): product lines, not models."""
    return [m for m, e in g.models.items() if e.get("family") == m and not any(c.isdigit() for c in m)]


def _money_occurrences(sents: pl.DataFrame, g: gaz.Gazetteer) -> pl.DataFrame:
    """One row per amount of money, with the few words before it (to tell a valuation or whose cost it is).

    The sentence is cut after each amount ("... priced at \x1f$32 / 1M ... (\x1f$0.40 ..."), so each amount gets its
    own piece and both context widths are read from that one piece: two separate extract_all passes with different
    context widths can find different amounts (one amount hidden inside the other's context) and disagree in count.
    """
    piece = pl.col("piece")

    def owned(text: pl.Expr, model: str) -> pl.Expr:  # the model right before the amount: "GPT-4o's $5"
        return text.str.extract(rf"({model})\S*\s+{MONEY_PATTERN}$", 1)

    # Only sentences with an amount are cut (most have none; a separator character in the text could shift a match).
    # (every amount has a digit: the money pattern runs on the sentences with one)
    sents = sents.filter(pl.col("sentence").str.contains(r"\d")).filter(
        pl.col("sentence").str.contains(MONEY_PATTERN) | pl.col("sentence").str.contains(r"[\x1e\x1f]")
    )
    return (
        sents.select(
            "article_id",
            "sent_idx",
            piece=pl.col("sentence")
            .str.replace_all(r"[\x1e\x1f]", " ")
            .str.replace_all(MONEY_PATTERN, "\x1f${0}\x1e")
            .str.split("\x1e"),
        )
        .explode("piece")
        # the words right after the amount, from the next piece: "at a $1 billion valuation"
        .with_columns(
            follows=piece.shift(-1).over("article_id", "sent_idx").str.extract(r"^([^\x1f]{0,40})", 1).fill_null("")
        )
        .filter(piece.str.contains("\x1f", literal=True))
        .with_columns(
            # the amount with up to 4 (8) words before it, back to the previous amount's end; the 8 words show a
            # valuation told with a hedge: "a deal that values Scale at more than $29 billion"
            ctx=piece.str.extract(r"((?:\S+\s+){0,4}\x1f[^\x1f]*)$", 1).str.replace("\x1f", "", literal=True),
            wide=piece.str.extract(r"((?:\S+\s+){0,8}\x1f[^\x1f]*)$", 1).str.replace("\x1f", "", literal=True),
            money_text=piece.str.extract(r"\x1f([^\x1f]*)$", 1),
        )
        .drop("piece")
        .pipe(lambda df: df.with_columns(_owner=_read_model_column(df, pl.col("ctx"), owned, g)))
        .with_columns(
            amount_usd=_built("money_to_usd", lambda: money_to_usd(pl.col("money_text"))),
            is_valuation=pl.col("ctx").str.to_lowercase().str.contains(VALUATION)
            | pl.col("follows").str.contains(r"^\s*(?i:(?:post|pre)-money\s+)?(?i:valuation)\b")
            | pl.col("wide")
            .str.to_lowercase()
            .str.contains(
                r"\bvalu(?:es|ed|"
                rf"ing)\s+[^,;]*?\bat\s+(?:[a-z]+\s+){{0,3}}"
                rf"{MONEY_PATTERN}$"
            ),
            owner_model=_canonical(pl.col("_owner"), g.model_by_key),
            money_idx=pl.int_range(pl.len()).over("article_id", "sent_idx"),
        )
        .drop("_owner")
        # An amount in another currency with its dollars after it in brackets is those dollars, told once: "has raised
        # 600 million euros ($693.30 million)" (tests/pages5 t042; not the euros at today's rate), "HK$5.4 billion
        # (US$696 million)" (tests/pages11 z089).
        .with_columns(
            _bracketed=(money_currency(pl.col("money_text")) != "USD").fill_null(True)
            & pl.col("follows").str.contains(r"^\s*\((?:about |approximately |roughly |around |some |nearly )?$")
            & pl.col("money_text").shift(-1).over("article_id", "sent_idx").str.contains("$", literal=True)
        )
        .with_columns(
            amount_usd=pl.when(pl.col("_bracketed"))
            .then(pl.col("amount_usd").shift(-1).over("article_id", "sent_idx"))
            .otherwise("amount_usd"),
            _told_before=pl.col("_bracketed").shift(1).over("article_id", "sent_idx").fill_null(False),
        )
        .filter(~pl.col("_told_before"))
        .drop("_bracketed", "_told_before")
        .drop_nulls("amount_usd")
    )


def _subject_org(text: pl.Expr, tail: str, g: gaz.Gazetteer) -> pl.Expr:
    """The company named right before an event verb (`tail` matches from the end of the name through the verb): a
    gazetteer name anywhere, an unknown name only in a subject position (see KIND_LEFT)."""
    # ("The Dutch Data Protection Authority (AP) has fined Uber": the name's acronym in brackets is part of it)
    tail = ACRONYM_AFTER + tail
    # (a sentence's opening conjunction is no word of the name: "So Cognition AI just raised $400 million", tests/
    # pages17 f001)
    text = text.str.replace(r"^(?:So|And|But|Yet)\s+([A-Z])", "$1")
    known = _canonical(text.str.extract(ANY_LEFT + SUBJECT_NAME + tail, 1), g.org_by_key)

    def plausible(unknown: pl.Expr) -> pl.Expr:
        first = unknown.str.extract(r"^(\S+)", 1)
        return pl.when(
            (unknown.str.len_chars() >= 2)
            & ~unknown.str.contains(PHRASE_WORD)
            & ~first.is_in(NOT_NAMES + list(MONTHS) + WEEKDAYS)
            & ~unknown.str.contains(GENERIC_PARTY)
            & _canonical(unknown, g.model_by_key).is_null()
            # (a model line is a product: "Claude entered the Pentagon's networks through a partnership with Palantir")
            & ~unknown.is_in(_maps(g)["product_lines"])
        ).then(unknown)

    # (past a fronted time or adverb: "Recently, Harvey partnered with OpenAI", tests/pages6 u004)
    unknown = text.str.replace(FRONTED_TIME, "").str.extract(KIND_LEFT + SUBJECT_NAME + tail, 1)
    return pl.coalesce(known, _let(unknown, plausible))


def _let(value: pl.Expr, body) -> pl.Expr:
    """body(value) with `value` computed once: a DataFrame's with_columns or filter computes an expression again
    wherever it is used (no common subexpression elimination outside lazy queries)."""
    return pl.concat_list(value).list.eval(body(pl.element())).list.first()


def _unknown_org(sentence: pl.Expr, g: gaz.Gazetteer) -> pl.Expr:
    """A company the gazetteer does not know, from how it is introduced: 'a startup called Foo', 'Foo, a Paris-based
    startup, ...', or a capitalised subject right before an event verb ('Acme AI raised ...')."""
    # Datelines, editors' notes ("[Translated from Chinese tech press]"), a fronted time ("On Thursday, ...", "In an X
    # post on Wednesday, ...") and a place's possessive come before the name.
    return _let(
        sentence.str.replace(r"^\[[^\]]{1,80}\]\s*", "")
        .str.replace(DATELINE, "")
        .str.replace(FRONTED_TIME, "")
        .str.replace(r"^[A-Z][a-z]+(?:’s|'s)\s+", ""),
        lambda sentence: _let(_candidate_org(sentence), lambda name: _new_name(name, g)),
    )


def _candidate_org(sentence: pl.Expr) -> pl.Expr:
    appos = sentence.str.extract_groups(
        # ("Smartbird, Inc. (NASDAQ: BIRD), an AI infrastructure provider": a legal suffix and a ticker after the name)
        rf"^(?:[^\x00-\x7F]+\s*\()?(?P<name>{ORG_SHAPE})\)?(?:, (?:Inc|Corp|Ltd|LLC)\.?)?"
        r"(?: \([A-Za-z]+: ?[A-Z.]+\))?,? "
        r"(?P<desc>(?:a|an|the) [\w\s,\-]{0,50}?)"
        # (the kind word is what the name is, not its owner: "Jason Droege, the company’s chief strategy officer, has
        # been appointed interim CEO", tests/pages3 q097)
        r"(?i:startup|start-up|company|firm|lab|developer|maker|designer|publisher|studio|group|provider)(?:[^\w’']|$)"
    )
    subject = sentence.str.extract_groups(
        # (an adverb between too: "Prime Intellect just released INTELLECT-3", tests/pages13 m088)
        rf"^(?P<name>{ORG_SHAPE}) "
        r"(?:(?:has|have|had|on \w+|just|recently|officially|quietly|today|finally) ){0,2}"
        rf"(?:{SUBJECT_VERBS})\b(?P<person> (?:his|her)\b)?"
    )
    candidates = [
        # (introduced: "a startup called Foo", not the verb "The company named Jane Doe as interim CEO")
        sentence.str.extract(
            rf"\b(?i:an?)\s+(?:[\w\-]+\s+){{0,3}}?(?i:startup|start-up|company|firm|lab|developer) (?:called|named) "
            rf"({ORG_SHAPE})",
            1,
        ),
        # "云帆智算 (Yunfan Zhisuan), a Suzhou-based designer of chips": the romanised name of a Chinese one.
        # (not a person: "Nat Friedman, the former GitHub chief executive, will co-lead the lab")
        pl.when(~appos.struct.field("desc").str.contains(rf"(?i:{ROLE}|\bexecutive\b|\bfounder\b)")).then(
            appos.struct.field("name")
        ),
        # (a person's news is no company's: "In an X post on Wednesday, Shazeer announced his departure", holdout h991)
        pl.when(subject.struct.field("person").is_null()).then(subject.struct.field("name")),
        # a company told as what it is: "Arga is one such company" (TechCrunch, tests/newsindex u017)
        sentence.str.extract(
            rf"^({ORG_SHAPE}) is (?:one such|another|a|an) (?:[\w\-]+ ){{0,3}}?(?:startup|start-up|company|firm)"
            # (the kind word ends what it is: not "Jane Smith is a startup founder", "Berlin is a startup hub")
            r"(?:[,.;]|$|\s+(?:that|which|based|in|from|with|whose|building|making|founded)\b)",
            1,
        ),
        # a company someone starts: "Almeida left OpenAI to start TypeSafe AI, a startup trying to fix that problem"
        # (TechCrunch, tests/newsindex u028)
        sentence.str.extract(
            rf"\b(?:start|started|starting|found|founded|co-founded|launch|launched)\s+({ORG_SHAPE}),\s+(?:a|an)\s+"
            r"(?:[\w\-]+\s+){0,3}?(?:startup|start-up|company|firm|lab)\b",
            1,
        ),
    ]
    return pl.coalesce(candidates).str.strip_chars()


def _new_name(name: pl.Expr, g: gaz.Gazetteer) -> pl.Expr:
    # (a model line is a product, no company: "Claude entered the Pentagon's networks through a partnership with ...")
    known = (
        _canonical(name, g.org_by_key).is_not_null() | _canonical(name, g.model_by_key).is_not_null()
        | name.is_in(_maps(g)["product_lines"])
    )
    first = name.str.extract(r"^(\S+)", 1)
    return pl.when(
        ~known
        & ~name.is_in(NOT_NAMES)
        & ~first.is_in(NOT_NAMES)
        & ~first.is_in(list(MONTHS))
        & (name.str.len_chars() >= 2)
    ).then(name)


@functools.cache
def _split_on(cue: str, column: str = "sentence") -> tuple[pl.Expr, pl.Expr]:
    """The text before and after the first match of `cue` in `column` ("tagged" for the org names in each part, where
    every alternative of the cue starts and ends with a word character: it matches there where it does in the
    sentence; not LEGAL's "fined ", whose `\b` would meet a mark)."""
    parts = pl.col(column).str.extract_groups(rf"^(?P<before>.*?)(?i:{cue})(?P<after>.*)$")
    return parts.struct.field("before"), parts.struct.field("after")


def _with_orgs_in(df: pl.DataFrame, g: gaz.Gazetteer, **texts: pl.Expr) -> pl.DataFrame:
    """df with a column per text: the gazetteer orgs (canonical, once each, in order) the text names, the org pattern
    read in the gazetteer's threads (where it stays compiled: _gazetteer_select)."""
    return df.with_columns(
        _read_org_column(df, text, lambda text, org: text.str.extract_all(org), g)
        .list.eval(_canonical(pl.element(), g.org_by_key).drop_nulls())
        .list.unique(maintain_order=True)
        .alias(name)
        for name, text in texts.items()
    )


def _with_read(df: pl.DataFrame, g: gaz.Gazetteer, read, org: bool = False, **texts: pl.Expr) -> pl.DataFrame:
    """df with a column per text: _read_models(text, read, g) (or the org pattern's reading, with `org`), read in the
    gazetteer's threads. For a rule module, in place of _read_models in an expression."""
    column = _read_org_column if org else _read_model_column
    return df.with_columns(column(df, text, read, g).alias(name) for name, text in texts.items())


def _tagged_orgs(tagged: pl.Expr, g: gaz.Gazetteer) -> pl.Expr:
    """The gazetteer orgs (canonical, once each, in order) named in text cut from `tagged` (_with_orgs_in without
    scanning the org pattern again)."""
    return (
        tagged.str.extract_all(ORG_NAME)
        .list.eval(_canonical(_untag(pl.element()), g.org_by_key).drop_nulls())
        .list.unique(maintain_order=True)
    )


def _article_short_names(sents: pl.DataFrame, g: gaz.Gazetteer) -> pl.DataFrame:
    """First words of the multi-word companies an article names ('Scale' for Scale AI): what later sentences call
    them."""
    return (
        sents.select("article_id", short_org=pl.col("orgs"))
        .explode("short_org")
        .drop_nulls("short_org")
        .unique()
        .with_columns(short=pl.col("short_org").str.extract(r"^([A-Z][\w.\-]{2,}) \S", 1))
        .drop_nulls("short")
        .rename({"short_org": "appos_short_org"})
        .unique(["article_id", "short"], keep="first")
        .select("article_id", "short", "appos_short_org")
    )

