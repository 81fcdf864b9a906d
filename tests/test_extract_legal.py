"""Extraction tests of legal events (lawsuits, settlements, rulings) on real sentences."""
from __future__ import annotations

import pytest

from tests import extract_batch
from tests.test_extract import PUBLISHED, events


@pytest.fixture(scope="module", autouse=True)
def _texts_extracted_in_one_batch(request):
    extract_batch.extract_module_texts(request, PUBLISHED)


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


def test_a_body_that_alleges_in_a_suit_story_sues_the_companies_its_allegation_opens_on():
    # realset r138 (its headline: "Musicians shortchanged by AI deals with labels, lawsuit alleges")
    text = ("American Federation of Musicians alleges that Universal Music Group and Warner Music Group have not "
            "compensated musicians as part of the companies' settlement with AI companies Suno and Udio.")
    title = "Musicians shortchanged by AI deals with labels, lawsuit alleges"
    found = legal(text, title)
    assert ("Universal Music Group", "American Federation of Musicians") in found
    assert ("Warner Music Group", "American Federation of Musicians") in found
    assert not {pair for pair in found if "Suno" in pair or "Udio" in pair}
    # outside a suit's story an allegation is no suit
    assert not legal(text, "Musicians shortchanged by AI deals with labels")


def test_a_province_told_by_its_abbreviation_takes_legal_action():
    # realset r146 (CBC): "B.C." ends no sentence, and is British Columbia
    text = ("The B.C. government is pursuing legal action against OpenAI for the role it alleges the company played "
            "in the Tumbler Ridge mass shooting.")
    assert legal(text) == {("OpenAI", "British Columbia")}


def test_the_company_in_focus_sued_told_as_the_company():
    # realset r152 (AP): "the company" is OpenAI, and a fronted time is no part of the subject
    text = ("OpenAI received a subpoena from several states. Earlier in June, the Florida attorney general sued the "
            "company after two separate shootings where alleged gunmen were reported to have asked ChatGPT questions.")
    assert ("OpenAI", "Florida") in legal(text)
    text = "OpenAI faces scrutiny. The company was sued by Ziff Davis over copyright."
    assert ("OpenAI", "Ziff Davis") in legal(text)
    # with no other company in focus, "the company" names no second side
    assert not legal("Ziff Davis said the company infringed its copyrights.")


def test_the_first_or_latest_to_sue():
    # realset r136 (optional label Florida v. OpenAI)
    text = ("Florida became the first US state to sue OpenAI earlier this month, accusing the company of harming "
            "children by providing information to school shooters.")
    assert ("OpenAI", "Florida") in legal(text)
    assert ("OpenAI", "The New York Times") in legal("The New York Times became the latest publisher to sue OpenAI.")


def test_who_sued_is_what_the_words_after_by_describe_not_a_place_their_story_names():
    # tests/holdout h123 (Florida sues OpenAI): "British Columbia" is where the victims were, the families sued
    text = ("OpenAI has also been sued by the families of several victims of February’s mass shooting in Tumbler "
            "Ridge, British Columbia.")
    found = {(e["org"], e["counterparty"]) for e in events(text) if e["type"] == "legal"}
    assert found == {("OpenAI", "families")}
    # a body named right after "by" is still the party
    found = {(e["org"], e["counterparty"]) for e in events("OpenAI was sued by the Florida attorney general on Monday.")
             if e["type"] == "legal"}
    assert found == {("OpenAI", "Florida")}


def test_both_sides_introduced_as_a_company_called_so():
    # tests/holdout h165 (404 Media): neither side is a company the gazetteer knows
    text = ("In February, a supplement company called Humann sued a competitor called Ambrosia Brands because "
            "Ambrosia allegedly directed and influenced the creation of hundreds of TikTok Shop videos.")
    found = {(e["org"], e["counterparty"]) for e in events(text) if e["type"] == "legal"}
    assert found == {("Ambrosia Brands", "Humann")}


def test_a_headline_files_lawsuit_without_an_article():
    # unlabelled pool (myfloridalegal.com, 2026): a headline drops the "a" of "filed a lawsuit"
    found = legal("The complaint was filed in state court.",
                  title="Florida AG files lawsuit against OpenAI, CEO Sam Altman for deceptive practices")
    assert found == {("OpenAI", "Florida")}
    # with the article, as before
    assert legal("Kristie Carrier filed a wrongful death lawsuit against OpenAI.") == {("OpenAI", "Kristie Carrier")}


def test_a_regulator_named_with_its_acronym_in_brackets_fines():
    # unlabelled pool (nltimes.nl, 2026): the acronym after the name is part of the subject
    text = ("The Dutch Data Protection Authority (AP) has fined Uber €825 million for deactivating driver accounts "
            "through automated systems and without adequately informing them.")
    assert legal(text) == {("Uber", "Dutch Data Protection Authority")}


def test_a_criminal_group_sued_is_the_one_the_article_names_by_what_it_is_called():
    # tests/holdout h431 (The Register): the suit tells what the group is, the next sentence what it is called
    text = ("Google has sued an alleged China-based cybercrime operation it says used AI-powered phishing kits to "
            "blast out millions of scam text messages. The complaint targets a group Google refers to as the "
            "\"Outsider Enterprise,\" which the company describes as a sprawling criminal network.")
    assert legal(text) == {("Outsider Enterprise", "Google")}
    # tests/holdout h014 (BleepingComputer): named first; the suit "targeting" it, brought by "the tech giant"
    text = ("In a coordinated effort, the FBI, working with Google and Black Lotus Labs, has dismantled a massive "
            "Chinese phishing-as-a-service operation called Outsider Enterprise with thousands of phishing websites. "
            "The tech giant has filed a civil lawsuit targeting the operation’s infrastructure.")
    assert legal(text) == {("Outsider Enterprise", "Google")}
    # a group the article never names by a name is no party
    assert not legal("Google has sued an alleged China-based cybercrime operation over scam texts.")



def test_a_court_is_no_party():
    # tests/holdout h749 (The Decoder, batch 14): the court that ruled is not Google's opponent
    assert not legal("The Regional Court of Munich hit Google with a temporary injunction barring the company from "
                     "spreading false claims about two Munich-based publishers through its AI-generated search "
                     "overviews.")
    assert not legal("The Munich court has fired the warning shot of those consequences, and Google must search its "
                     "soul and find the truth.")
    assert legal("The New York Times sued OpenAI in federal court in Manhattan.") == {("OpenAI", "The New York Times")}


def test_a_time_fronted_before_the_plaintiff_is_no_part_of_it():
    # tests/holdout h917 (The Guardian, batch 16): "Now," before the one suing
    assert legal("Now, Kistler is suing Eightfold AI, the Silicon Valley maker of hiring software used by hundreds of "
                 "companies, including those where she applied, in a class action lawsuit.") == {
        ("Eightfold AI", "Kistler")
    }


def test_a_ruling_supposed_is_no_case():
    # tests/holdout h812 (The Independent, batch 15): a ruling the government fears, not one made; the suit told next
    # (the NAACP's against xAI) is the case
    text = ("The Pentagon would be “severely” impacted by a court ruling that prevents xAI from being “deployed, "
            "refined and upgraded” across the Pentagon, according to the Department of Justice. The Trump "
            "administration is asking a federal judge in Mississippi to toss out a lawsuit brought by the NAACP, "
            "which claims Musk’s xAI is violating the Clean Air Act by running dozens of gas-burning turbines despite "
            "lacking permits for them.")
    assert legal(text) == {("xAI", "NAACP")}


def test_the_case_a_suit_comes_after_names_no_party_of_it():
    # tests/holdout h140 (Ars Technica, batch 3): the Supreme Court's Cox case is the backdrop of the Times' motion;
    # Sony, a party of that case, is none of the Times'
    assert not legal("NYT’s motion comes after the Supreme Court sided with Cox Communications in a case where Sony "
                     "tried and failed to claim that Cox was contributing to music piracy as an Internet service "
                     "provider, which set a new standard for contributory infringement.")


def test_a_payment_settlement_is_no_legal_settlement():
    # holdout h1238 (aws.amazon.com), batch 22
    text = (
        "AWS WAF’s integration with payment settlement and verification flows are provided by Coinbase’s x402 "
        "Facilitator."
    )
    assert not legal(text)
    assert legal("Coinbase reached a settlement with AWS over the lawsuit.")


def test_a_person_named_sue_is_no_suit():
    # tests/holdout h1503 (LessWrong, the OpenAI email archive), batch 27: a board listed by name
    text = ("OpenAI Nonprofit’s board consists of OpenAI LP employees Greg Brockman (Chairman & CTO), Ilya Sutskever "
            "(Chief Scientist), and Sam Altman (CEO), and non-employees Adam D’Angelo, Holden Karnofsky, Reid Hoffman, "
            "Sue Yoon, and Tasha McCauley.")
    assert not legal(text)
    assert legal("Authors sue OpenAI over copyright.")


def test_a_suit_told_beside_a_person_named_sue_is_one():
    assert legal("The Times sued OpenAI on Monday, according to its general counsel, Sue Smith.")


def test_a_compound_adjective_of_infringement_tells_no_suit():
    # tests/holdout h140 (Ars Technica's headline): "copyright-infringing" describes the supercomputer
    assert not legal("", title="NYT slams Microsoft for building copyright-infringing supercomputer for OpenAI")
    # an infringement told as a verb is still the suit's
    assert ("OpenAI", "The New York Times") in legal("The New York Times sued OpenAI for infringing its copyrights.")


def test_a_person_told_by_what_they_are_sues_a_company_the_article_names_in_full_before():
    # tests/holdout h443 (batch 8): a model sues "Rainbow", the article's "fashion retailer Rainbow Shops"
    text = ("Models claim fashion retailer Rainbow Shops used AI to create lookalike images of them around the same "
            "time that their work dried up. This prompted a series of emails from the models to Rainbow regarding the "
            "alleged AI-generated images of them. One model Francheska Pujols filed a lawsuit against Rainbow on May "
            "22, claiming the images defamed her and created confusion about her endorsement of the company’s "
            "products, among other allegations.")
    title = "Models accuse fashion brand of using AI to recreate them"
    assert legal(text, title=title) == {("Rainbow Shops", "Francheska Pujols")}
    # tests/holdout h813 (batch 14): the person set off by commas
    text = ("The 90-year-old retailer Rainbow told its fashion models that fewer people will be needed. One of the "
            "models, Francheska Pujols, sued Rainbow on May 22, alleging the images defamed her.")
    assert legal(text) == {("Rainbow", "Francheska Pujols")}
    # (tests/holdout h911, batch 16) a name a preposition ties to another is no plaintiff
    assert ("OpenAI", "Mother Jones") not in legal(
        "(The Center for Investigative Reporting, the parent company of Mother Jones, has sued OpenAI for copyright "
        "violations.")
    # (realset r151, a related press release) a county sued is no company
    assert not legal("Today, the Justice Department filed suit against Montgomery County, Maryland (County).")
    # (review) a lawyer is no plaintiff; a government or a person sued is not read as a company after "against"
    assert ("OpenAI", "John Smith") not in legal(
        "On Tuesday, lawyer John Smith filed a lawsuit against OpenAI on behalf of the family of a teenager.")
    assert ("Trump", "Anthropic") not in legal("Anthropic filed a lawsuit against the Trump administration on Monday.")
    assert ("Anthropic", "Trump") not in legal("Anthropic filed a lawsuit against the Trump administration on Monday.")
    # (review) a company the gazetteer knows keeps its name; a title-case headline gives no full name
    assert ("Google", "Epic Games") in legal(
        "Epic Games sued Google over its app store fees. Developers on the platform Google Play pay up to 30% of "
        "sales.")
    assert ("Perplexity", "Reddit") in legal("Reddit sued Perplexity on Wednesday over data scraping.",
                                             title="Reddit Sues AI Startup Perplexity Over Data Scraping")


def test_a_companys_reporter_or_engineer_who_sues_is_no_suit_of_the_company():
    # tests/searchpages s044 (a search index's page): the newspaper employs the reporter; it is no plaintiff
    assert not legal("In short: A New York Times reporter and other authors have sued major AI companies including "
                     "Anthropic, Google, OpenAI, Meta, Perplexity, and xAI, alleging AI copyright infringement.")
    # (the person is the side, and a company suing on its own still is one)
    assert legal("Former OpenAI engineer Jane Smith sued OpenAI on Monday.") == {("OpenAI", "Jane Smith")}
    assert ("OpenAI", "The New York Times") in legal("The New York Times sued OpenAI and Microsoft on Tuesday.")


def test_a_fine_from_a_regulator_is_the_regulators_action_against_the_company():
    # tests/searchpages s123 (a search index's page): the fine's "from" names who acts
    assert legal("OpenAI's ChatGPT is facing a steep €15 million fine from Italy's data protection authority.") == {
        ("OpenAI", "Garante per la protezione dei dati personali")}
    assert not legal("The company paid a fine from the tax office.")


def test_a_fine_told_after_an_active_verb_keeps_the_verbs_sides():
    # (review) the fine "from" a regulator is no passive where the sentence's first cue is an active one
    assert legal("The EU fined Google €2.4 billion, the largest fine from a regulator at the time.") == {
        ("Google", "EU")}
    assert not legal("Apple's App Store fee changes are fine by Epic Games, Tim Sweeney said.")


def test_who_accuses_in_a_suit_sues_whom_they_accuse_a_government_included():
    # holdout h387 (Ars Technica, Reuters' report): the suit is told first, its sides by "accused"
    assert legal("In a lawsuit filed Tuesday, Alibaba accused the Trump administration of blacklisting the company "
                 "after falsely linking the company to the Chinese military, Reuters reported.") == {
        ("US government", "Alibaba")}
    assert legal("Alibaba sued the Biden administration on Tuesday.") == {("US government", "Alibaba")}
    # (an accusation outside a suit is none)
    assert not legal("In an interview on Tuesday, Alibaba accused the Trump administration of hypocrisy.")


def test_who_asks_a_judge_to_end_a_suit_sues_no_one():
    # holdout h812 (a news page): the administration defends; the suit is the NAACP's against xAI
    found = legal("The Trump administration is asking a federal judge in Mississippi to toss out a lawsuit brought by "
                  "the NAACP, which claims Musk’s xAI is violating the Clean Air Act.")
    assert ("xAI", "US government") not in found and ("xAI", "NAACP") in found
    found = legal("The White House is asking a federal judge to dismiss a lawsuit brought by the NAACP, which claims "
                  "Musk’s xAI is violating the Clean Air Act.")
    assert ("xAI", "White House") not in found and ("xAI", "NAACP") in found
    assert legal("Authors are asking a federal judge to sanction OpenAI.") == {("OpenAI", "Authors")}


def test_a_newspapers_published_investigation_is_no_probe():
    # the holdout pool: reporting that "investigates" is no legal action against its subject
    assert not legal("Three days after the New York Times published its 2023 investigation into Singham’s global "
                     "propaganda operation, ANSWER co-signed a coalition letter defending the network.")
    assert legal("The FTC opened an investigation into Microsoft on Tuesday.") == {
        ("Microsoft", "Federal Trade Commission")}


def test_a_title_case_headlines_prepositions_make_no_party():
    # tests/searchpages s047 (a news page's headline): "AI Companies Over Copyright" is no company
    assert not legal("Authors Escalate Legal Battle Against AI Companies Over Copyright Infringement")
    assert legal("Authors sued Acme Robotics over copyright on Monday.") == {("Acme Robotics", "Authors")}


def test_review_the_suit_rules_keep_their_sides():
    # (review) the passive "is accused" names no plaintiff; a suit told "against" someone keeps its own defendant
    assert not legal("In a lawsuit filed Tuesday, Microsoft is accused of helping OpenAI infringe the newspaper's "
                     "copyrights.")
    found = legal("In a lawsuit filed against OpenAI, Elon Musk accused Sam Altman of betraying the mission.")
    assert ("Sam Altman", "Elon Musk") not in found
    # (asking to dismiss ends no suit told before it; a regulator that ran an investigation still probes)
    assert legal("Elon Musk sued OpenAI on Monday, and OpenAI asked a judge to dismiss the suit hours later.") == {
        ("OpenAI", "Elon Musk")}
    assert ("Microsoft", "Federal Trade Commission") in legal(
        "The FTC ran an investigation into Microsoft's investment in OpenAI.")


def test_the_plaintiff_named_in_apposition_who_filed_the_suit_sues_the_company_in_focus():
    # tests/holdout h495 (CNET): the suit is told first with no plaintiff, who is named further down
    text = ("Anthropic is facing a newly proposed class action lawsuit over usage limits. Claude is an AI assistant "
            "designed for coding. The plaintiff, Karl Khan, filed the suit in the US District Court for the Northern "
            "District of California on Sunday.")
    assert legal(text) == {("Anthropic", "Karl Khan")}
    # plaintiffs the article never names are no side (realset r145)
    assert not legal("Meta used internal AI tools to select employees for layoffs, according to the complaint filed "
                     "yesterday by 26 “Doe” plaintiffs in US District Court.")


def test_a_suit_that_only_dates_the_sentence_is_no_suit():
    # tests/holdout h724 (a piece on book scanning): Google is named in a person's past, not as a side
    assert not legal("During the Anthropic lawsuit, Tom Harvey, who previously participated in the creation of Google "
                     "Books before leading Anthropic's Project Panama digitalization project, confirmed that the AI "
                     "firm hired several document scanning companies.")


def test_plaintiffs_who_sue_keep_their_suit():
    # review of e3ce55c..a8d1c38: only a plaintiff read from "The plaintiff, ..., filed the suit" and never named is
    # dropped
    assert legal("Plaintiffs sued Meta in federal court in California on Monday.") == {("Meta", "Plaintiffs")}


# The suits of tests/searchpages s045 and s047 (one story, told by two sites): John Carreyrou against six companies.
CARREYROU_SUITS = {(org, "John Carreyrou") for org in ("Anthropic", "Google", "OpenAI", "Meta", "xAI", "Perplexity")}


def test_he_or_she_who_sues_is_the_person_the_sentence_before_names_by_their_trade():
    # tests/searchpages s045 (a news site's story of the authors' suits)
    text = ("Leading the charge is New York Times investigative reporter John Carreyrou, best known for exposing the "
            "Theranos scandal and writing the bestselling book “Bad Blood.” Alongside five other writers, he has filed "
            "lawsuits against Anthropic, Google, OpenAI, Meta, Elon Musk’s xAI, and Perplexity.")
    assert legal(text) == CARREYROU_SUITS
    # (a person the sentence before names by no trade is no plaintiff read from "he")
    assert not legal("The book was written by John Carreyrou. He has filed lawsuits against Anthropic and Google.")


def test_legal_action_launched_by_a_group_against_the_firms_it_lists():
    # tests/searchpages s047: the group is named by the person it includes; the firms are those after the colon
    text = ("A fresh wave of legal action has been launched by a coalition of writers, including investigative "
            "journalist John Carreyrou, against six leading artificial intelligence firms: Anthropic, Google, OpenAI, "
            "Meta, xAI, and Perplexity.")
    assert legal(text) == CARREYROU_SUITS


def test_review_of_this_sessions_legal_rules():
    # a review of 30eb09d..34b628b: each sentence was read wrong by the rules as first written
    # ("he" who sues is not a person someone spoke to, nor one "he" could not be)
    assert not legal("Musk told reporter Kara Swisher in 2023 that OpenAI had betrayed its mission. Last week, he "
                     "filed a lawsuit against OpenAI in federal court.")
    assert not legal("The actress spoke with reporter Jane Doe. She sued OpenAI.")
    # (a suit's "against" far from its word is another clause's)
    assert legal("The suit brought by Elon Musk in March claims OpenAI abandoned its nonprofit mission in order to "
                 "compete against Google.") == {("OpenAI", "Elon Musk")}
    # (the firms listed after a colon are read without their asides)
    assert legal("The lawsuit, filed by authors against two AI companies: Anthropic, which is backed by Amazon and "
                 "Google, and Meta, seeks damages.") == {("Anthropic", "authors"), ("Meta", "authors")}
    # (a plaintiff "including" someone is named only with their trade: no "Pulitzer Prize")
    assert legal("A group of authors sued Anthropic on Tuesday. The authors, including Pulitzer Prize winner Kai Bird, "
                 "say the company copied their books.") == {("Anthropic", "authors")}
    assert legal("Several employees sued xAI last week. The employees, including Senior Engineer Jane Doe, say they "
                 "were not paid.") == {("xAI", "employees")}


def test_second_review_of_this_sessions_legal_rules():
    # a review of 34b628b..0bb867b: the person the sentence before is about, after a fronted time; a firm's aside in
    # brackets is no end of the list
    assert legal("Last year, author Jane Smith published her tenth novel. Last week, she filed a lawsuit against "
                 "OpenAI.") == {("OpenAI", "Jane Smith")}
    found = legal("The lawsuit, filed by artists against three companies: Stability AI (the maker of Stable "
                  "Diffusion), Midjourney and DeviantArt, seeks damages.")
    assert found >= {("Stability AI", "artists"), ("Midjourney", "artists")}


def test_a_regulators_ban_or_order_to_pay_is_its_action_against_the_company():
    # (tests/searchpages s119, s121)
    garante = "Garante per la protezione dei dati personali"
    assert legal("Italy's data protection authority, the Garante, banned U.S.-based artificial intelligence chatbot "
                 "company Replika from processing the personal data of Italian users.") == {("Replika", garante)}
    assert legal("The Garante della privacy closes the investigation into ChatGpt, requiring the developer OpenAI to "
                 "pay a fine of EUR 15 million and to carry out a six-month information campaign.") == {
        ("OpenAI", garante)
    }
    # (a ban by no regulator is no action; an order to do more than pay is policy's directive)
    assert not legal("OpenAI banned users from generating images of politicians.")
    assert not legal("The FTC ordered Meta to stop using children's data.")
    assert not legal("The company barred employees from using ChatGPT at work.")


def test_a_trial_told_by_its_two_sides():
    # tests/pages3 q090, q091, q093, q095 (one trial, four pages' wordings); "Getty" alone is Getty Images
    for text, title in (
        ("The trial involving Getty Images and Stability AI began in London on Monday.", ""),
        ("On Monday a trial commenced at London’s High Court, pitting global photography giant Getty Images against "
         "London-based artificial intelligence firm Stability AI in the UK’s first major copyright case.", ""),
        ("Getty Images and Stability AI are facing off in a landmark copyright trial in London.", ""),
        ("LONDON – Getty Images is confronting the artificial intelligence firm Stability AI in a London courtroom in "
         "what marks the first significant copyright trial in the generative AI sector.", ""),
        ("Body.", "UK Trial Between Getty And Stability AI Tests AI's Legal Boundaries"),
        ("Getty has filed a similar lawsuit against Stability AI in the US, specifically in Delaware.", ""),
    ):
        assert {frozenset(side) for side in legal(text, title)} == {frozenset({"Getty Images", "Stability AI"})}, text
    # (a clinical trial, a team facing off in a final, are no cases)
    assert legal("The trial involving Pfizer and 300 patients began on Monday.") == set()
    assert legal("Google and OpenAI are facing off in a race for users.") == set()


def test_a_relative_clause_about_the_plaintiff_names_no_party():
    # tests/pages3 q061: xAI is what Musk launched, not who sues; pages2 p101: whom the RIAA represents
    assert legal("Musk, who launched xAI last year, expanded his lawsuit against ChatGPT maker OpenAI last month "
                 "saying OpenAI illegally sought to monopolize the market.") == set()
