"""Legal: lawsuits, settlements, fines and probes between two parties."""
from __future__ import annotations

import polars as pl

from transforms import gazetteer as gaz
from transforms.extract.names import _lookup, _maps, _orgs_in, _split_on, _subject_org
from transforms.extract.patterns import (
    CLAUSE_BREAK,
    LEGAL,
    LEXICONS,
    NOT_NAMES,
    PHRASE_WORD,
    TARGET_DESCRIPTOR,
    TARGET_NAME,
    _pattern,
)
from transforms.extract.rules import Found, _frame

# "Ross Intelligence infringed Thomson Reuters' copyright": the one infringing is the defendant, named first.
INFRINGED = r"\binfring(?:ed|es)\b"
# An AI company suing is the party the matter centres on ("xAI sued Apple and OpenAI").
AI_KINDS = ["lab", "startup"]
MATTERS = _pattern({"pattern": LEXICONS["legal_matter"]})  # lexicons.toml
LEGAL_TAIL = (
    r"(?:’s|'s)?(?:\s+(?:attorney general|AG))?\s+(?:on\s+\w+\s+)?(?:has\s+|have\s+|is\s+|are\s+)?"
    # "Kristie Carrier filed a wrongful death lawsuit"
    r"(?:filed\s+(?:a|an)\s+(?:[\w\-]+\s+){0,3})?$"
)
PASSIVE_LEGAL = (
    r"\b(?:(?:was|were|been|being|is|are) (?:sued|named in)|(?:suit|lawsuit|complaint) (?:filed |brought "
    r")?by)\b"
)


def _legal(sents: pl.DataFrame, g: gaz.Gazetteer) -> pl.DataFrame:
    """'A sued B and C': one event per plaintiff and defendant; passive voice and 'infringed' swap the sides.

    The org is the defendant, unless the plaintiff is an AI company ("xAI sued Apple"). A party the gazetteer
    does not know is taken from how it is introduced ("sued the AI writing startup Quillmate")."""
    before, after = _split_on(LEGAL)
    low = pl.col("low")
    passive = low.str.contains(PASSIVE_LEGAL)
    swapped = passive | low.str.contains(INFRINGED)
    # "were sued by the Florida attorney general": the party after "by"
    unknown_after = (
        after.str.replace(r"^\s*by\s+(?:the\s+)?", " ")
        .str.replace(TARGET_DESCRIPTOR, " ")
        .str.extract(TARGET_NAME, 1)
        .str.strip_chars_end(",.")
    )
    # "Florida sues OpenAI", "Chegg on Monday filed suit": the plaintiff is the name right before the verb, known or not
    # (a state, a publisher, a startup).
    # ("The Florida attorney general filed suit": the article is no part of the name)
    unknown_before = _subject_org(before.str.replace(r"^(?:The|the)\s+", ""), LEGAL_TAIL, g)
    # "Disney's deal with OpenAI came as it sued AI companies like MiniMax ..., while Lionsgate expanded ...": with a
    # pronoun as the subject, the names before it are no party; the parties after the verb end with its clause.
    pronoun = before.str.contains(r"(?i:\b(?:it|they|he|she|which|who)\s+(?:\w+\s+){0,2}$)")
    after_clause = after.str.replace(CLAUSE_BREAK + ".*$", "")
    rows = sents.filter(low.str.contains(LEGAL) & ~pl.col("past_year"))
    if rows.is_empty():  # (polars compiles every regex of a query even for no rows)
        return _frame(rows, "legal")  # no rows, in the mentions' shape
    rows = rows.with_columns(
        left=pl.when(pronoun).then(pl.lit([], dtype=pl.List(pl.String))).otherwise(_orgs_in(before, g)),
        right=_orgs_in(after_clause, g),
    )
    rows = (
        rows.with_columns(
            left=pl.when(pl.col("left").list.len() > 0)
            .then("left")
            .otherwise(pl.concat_list(pl.coalesce(unknown_before, "new_org")).list.drop_nulls()),
            right=pl.when(pl.col("right").list.len() > 0)
            .then("right")
            .otherwise(
                pl.concat_list(
                    pl.when(
                        ~unknown_after.is_in(NOT_NAMES)
                        & unknown_after.str.contains(r"^[A-Z]")
                        & ~unknown_after.str.contains(PHRASE_WORD)
                    ).then(unknown_after)
                ).list.drop_nulls()
            ),
        )
        .with_columns(
            plaintiffs=pl.when(swapped).then("right").otherwise("left"),
            defendants=pl.when(swapped).then("left").otherwise("right"),
        )
        .filter((pl.col("plaintiffs").list.len() > 0) & (pl.col("defendants").list.len() > 0))
    )
    rows = rows.explode("plaintiffs").explode("defendants").filter(pl.col("defendants") != pl.col("plaintiffs"))
    ai_plaintiff = _lookup(pl.col("plaintiffs"), _maps(g)["org_kind"], default="other").is_in(AI_KINDS)
    return _frame(
        rows,
        "legal",
        org=pl.when(ai_plaintiff).then("plaintiffs").otherwise("defendants"),
        counterparty=pl.when(ai_plaintiff).then("defendants").otherwise("plaintiffs"),
        matter=low.str.extract(MATTERS, 1),
        confidence=pl.lit(0.75),
    )


def mentions(found: Found) -> pl.DataFrame:
    return _legal(found.sents, found.g)
