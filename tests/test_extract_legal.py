"""Extraction tests of legal events (lawsuits, settlements, rulings) on real sentences."""
from __future__ import annotations

from tests.test_extract import events


def legal(text: str, title: str = "") -> set[tuple]:
    return {(e["org"], e["counterparty"]) for e in events(text, title) if e["type"] == "legal"}


def test_one_person_told_by_what_they_are_sues_and_is_named_by_who_alleges():
    # realset r144: "a pastor" sues; the article then calls him by his surname where he alleges
    text = ('A pastor has sued OpenAI after alleging the software gave him "extremely dangerous medical '
            'recommendations," according to a report by The New York Times. The chatbot also allegedly told Winters '
            'to ignore pleas from friends and family to seek actual medical care. To that end, Winters alleges that '
            'he told the chatbot that "the people in my church think I\'m crazy for not going to the hospital."')
    assert ("OpenAI", "Winters") in legal(text)
    # a sentence's opening word is no one alleging
    text = ("A pastor has sued OpenAI over the advice it gave him. The complaint says much. "
            "He alleges that the chatbot told him to stay home.")
    assert legal(text) == {("OpenAI", "pastor")}
