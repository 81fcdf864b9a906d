"""Model releases, benchmark claims and training costs on real news prose (short quoted sentences of the realset and
realdev articles, named by id)."""
from __future__ import annotations

from datetime import datetime, timezone

import polars as pl

from transforms.extract import extract_mentions

PUBLISHED = datetime(2026, 6, 20, tzinfo=timezone.utc)
# sentences that tell nothing, to push a sentence past the lead
FILLER = " ".join(f"Sovereign nations can now deploy AI locally, point {i}." for i in range(10))


def events(text: str, title: str = "") -> list[dict]:
    articles = pl.DataFrame([{"article_id": "a", "title": title, "text": text, "published_at": PUBLISHED}])
    return extract_mentions(articles).to_dicts()


def typed(found: list[dict], type_: str, *fields: str) -> set[tuple]:
    return {tuple(e[f] for f in ("org", "model", *fields)) for e in found if e["type"] == type_}


def test_a_release_told_with_an_ing_verb_past_the_lead_is_news():
    # realdev g27 (The Verge): "is also releasing" takes the model as its object
    found = events(FILLER + " The company is also releasing Claude Mythos 5, but provided few details on what that "
                   "means.", title="Anthropic releases its first Mythos-class model")
    assert ("Anthropic", "Claude Mythos 5") in typed(found, "model_release")


def test_a_plan_told_only_past_the_lead_is_no_release():
    # realdev g17 (Fortune): an aside on an upcoming model, far down an article about a White House meeting
    sentence = ("The White House also requested OpenAI limit the release of its upcoming GPT 5.6 model to a small "
                "number of government-approved partners because of its advanced capabilities.")
    assert not typed(events(FILLER + " " + sentence), "model_release")
    # in the lead it is the news, as a plan
    assert [e["status"] for e in events(sentence) if e["type"] == "model_release"] == ["planned"]
