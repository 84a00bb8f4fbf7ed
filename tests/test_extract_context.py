"""Subject, partner and period of figures, and event dates, on literal inputs (issue 16 fixes)."""
from __future__ import annotations

from datetime import date

import pandas as pd

from kzanalysis.extract.context import document_focus
from kzanalysis.extract.events import event_dates
from kzanalysis.extract.extractor import Extractor

ACTORS = pd.DataFrame([
    ("kazakhstan", "Kazakhstan", "state", "domestic", ""),
    ("russia", "Russia", "state", "russia", ""),
    ("armenia", "Armenia", "state", "russia", ""),
    ("azerbaijan", "Azerbaijan", "state", "turkic", ""),
    ("japan", "Japan", "state", "asia_pacific", ""),
    ("turkiye", "Türkiye", "state", "turkic", ""),
    ("cis", "Commonwealth of Independent States", "organisation", "russia", ""),
    ("asia", "Asia", "region", "other", ""),
    ("kazakhstan_mfa", "Ministry of Foreign Affairs of Kazakhstan", "organisation", "domestic", ""),
    ("ria_novosti", "RIA Novosti", "company", "russia", "russia"),
    ("tokayev", "Kassym-Jomart Tokayev", "person", "domestic", "kazakhstan"),
], columns=["actor_id", "name", "kind", "vector", "country"])
ALIASES = pd.DataFrame([
    ("Kazakhstan", "kazakhstan", False), ("Russia", "russia", False), ("Armenia", "armenia", False),
    ("Azerbaijan", "azerbaijan", False), ("Japan", "japan", False), ("Türkiye", "turkiye", False),
    ("CIS", "cis", True), ("Asia", "asia", False), ("Kazakh Foreign Ministry", "kazakhstan_mfa", False),
    ("RIA Novosti", "ria_novosti", False), ("Tokayev", "tokayev", False),
], columns=["alias", "actor_id", "case_sensitive"])


def extract(text: str, published: date = date(2024, 3, 1)) -> dict[str, pd.DataFrame]:
    return Extractor.from_tables(ALIASES, ACTORS).extract("d", text, published)


def figure(text: str, quote: str, published: date = date(2024, 3, 1)) -> pd.Series:
    q = extract(text, published)["quantities"]
    return q[q["quote"] == quote].iloc[0]


def test_the_focus_of_a_document_is_its_most_mentioned_state_else_kazakhstan():
    info = {row.actor_id: (row.kind, row.country) for row in ACTORS.itertuples()}
    mentions = pd.DataFrame({"actor_id": ["russia", "russia", "armenia", "kazakhstan", "ria_novosti"]})
    assert document_focus(mentions, info) == "russia"
    tie = pd.DataFrame({"actor_id": ["japan", "kazakhstan", "tokayev", "japan"]})
    assert document_focus(tie, info) == "kazakhstan"
    assert document_focus(pd.DataFrame({"actor_id": ["asia"]}), info) == "kazakhstan"


def test_a_relation_kazakhstan_is_not_party_to_has_the_documents_state_as_subject():
    text = ("Russia traded with Armenia and Azerbaijan. Russia is the largest partner of the region. "
            "Then comes Azerbaijan, trade with which increased by almost 18 per cent to $4.4 billion.")
    row = figure(text, "$4.4 billion")
    assert (row["subject"], row["partner"]) == ("russia", "azerbaijan")


def test_a_state_is_the_partner_before_an_organisation_and_a_region_never_is():
    text = "Kazakhstan remained Russia’s main trading partner among the CIS countries: trade reached $26 billion."
    assert figure(text, "$26 billion")["partner"] == "russia"
    text = "Russia’s trade with countries in Asia rose to a record $56.2 billion."
    assert figure(text, "$56.2 billion")["partner"] == ""


def test_a_source_of_a_report_is_not_a_party_and_a_kazakh_ministry_acts_for_kazakhstan():
    text = ("Tokayev met the Japanese delegation in Astana with Japan’s minister. According to the Kazakh Foreign "
            "Ministry, trade turnover between the two countries reached $2 billion in 2023.")
    row = figure(text, "$2 billion")
    assert (row["subject"], row["partner"], row["period"]) == ("kazakhstan", "japan", "2023")
    text = "Trade between Kazakhstan and Armenia grew to $1 billion, according to RIA Novosti calculations."
    assert figure(text, "$1 billion")["partner"] == "armenia"


def test_a_rank_among_partners_has_the_other_state_as_partner():
    text = "Last year, trade reached $6 billion, Tokayev said, noting that Türkiye is one of Kazakhstan’s top five " \
           "trading partners and among its leading investors."
    assert (figure(text, "top five")["subject"], figure(text, "top five")["partner"]) == ("kazakhstan", "turkiye")
    assert figure(text, "$6 billion")["partner"] == "turkiye"


def test_a_figure_a_year_earlier_takes_the_year_before_and_a_change_compared_to_a_year_the_year_after():
    text = "In 2023, trade between Russia and Armenia increased by 7% to $56.2 billion from $52.5 billion a year earlier."
    assert figure(text, "$56.2 billion")["period"] == "2023"
    assert figure(text, "$52.5 billion")["period"] == "2022"
    text = "Russia and Armenia: the trade turnover of the countries increased by 5.4% compared to 2022."
    assert figure(text, "5.4%")["period"] == "2023"


def test_a_target_takes_no_day_as_its_period_and_a_visits_length_none():
    text = "Tokayev and Russia agreed to bring trade to $15 billion at a Nov. 12 meeting in Moscow."
    row = figure(text, "$15 billion", date(2024, 11, 20))
    assert (row["qualifier"], row["period"]) == ("target", "")
    text = "On May 22, the ministry said the two-day visit by Tokayev to Japan would strengthen ties."
    assert figure(text, "two-day", date(2024, 5, 23))["period"] == ""


def test_the_period_of_a_figure_is_no_event_even_when_the_sentence_reports_a_saying():
    text = "Last year, trade between Kazakhstan and Türkiye reached $6 billion, Tokayev said on Tuesday."
    events = event_dates(extract(text, date(2024, 11, 14)))
    assert events["quote"].tolist() == ["on Tuesday"]
    text = 'Erdogan said on Tuesday that "the trade volume rose 58 percent since the previous year."'
    assert event_dates(extract(text, date(2022, 5, 10)))["quote"].tolist() == ["on Tuesday"]
