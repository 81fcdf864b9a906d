"""Extraction tests of the deal-like event types (market moves, legal, acquisitions, leadership) on real sentences."""
from __future__ import annotations

from tests.test_extract import events


def test_a_surname_that_is_also_a_body_word_names_a_person_the_article_calls_by_it():
    # realset r057: "Bank" is a word of bodies ("Deutsche Bank"), but the article speaks of "Bank, who ..."
    text = ("AI automation startup Relay shuts down, staff joins Google’s Chrome team. "
            "Relay, an AI-powered workflow automation tool, is shutting down, and some of its staff are joining "
            "Google’s Chrome team. Jacob Bank, Relay’s founder and CEO, shared a company announcement Monday. "
            "Bank, who previously spent a little over six years at Google, revealed that he would now be rejoining "
            "the tech giant as VP of Product for Google Chrome.")
    found = [(e["org"], e["person"]) for e in events(text) if e["type"] == "leadership"]
    assert ("Google", "Jacob Bank") in found
    # without the surname told alone, a body word still keeps the name from being a person
    text = "The Bank of England, said it hired Global Bank as its adviser. Global Bank joined Google as an adviser."
    assert not [e for e in events(text) if e["type"] == "leadership"]
