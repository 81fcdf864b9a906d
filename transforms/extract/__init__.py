"""Article text -> event mentions. Rules over polars frames: sentences, gazetteer hits, cue patterns.

The flow of one batch (core.extract_mentions):
    articles -> sentences (one row each; the sentence table's columns are documented in sentences.py) -> entity hits
    per sentence (orgs, models with their left context, money with its left context: names.py) -> the rule module of
    every event type declared in transforms/taxonomy.toml (model_release.py, funding.py, ...; their contract is
    rules.py) -> mentions with a stable event_key.

Pure: no network, no database, no Prefect.
"""
from transforms.extract.core import EXTRACTOR_VERSION, extract_mentions
from transforms.extract.rules import MENTION_SCHEMA, TYPED_FIELDS, Found
from transforms.extract.sentences import MAX_SENTENCE_CHARS, split_sentences

__all__ = ["EXTRACTOR_VERSION", "MAX_SENTENCE_CHARS", "MENTION_SCHEMA", "TYPED_FIELDS", "Found", "extract_mentions",
           "split_sentences"]
