"""Which dates of unseen phrasings are dates of events (issue 16, item 3), on literal inputs."""
from __future__ import annotations

from datetime import date

import pandas as pd

from kzanalysis.extract.events import event_dates
from kzanalysis.extract.extractor import Extractor

ACTORS = pd.DataFrame([("kazakhstan", "Kazakhstan", "state", "domestic", ""), ("china", "China", "state", "china", ""),
                       ("tokayev", "Tokayev", "person", "domestic", "kazakhstan")],
                      columns=["actor_id", "name", "kind", "vector", "country"])
ALIASES = pd.DataFrame([("Kazakhstan", "kazakhstan", False), ("China", "china", False), ("Tokayev", "tokayev", False)],
                       columns=["alias", "actor_id", "case_sensitive"])


def events(text: str, published: date) -> list[tuple[str, str]]:
    found = event_dates(Extractor.from_tables(ALIASES, ACTORS).extract("d", text, published))
    return list(zip(found["quote"], found["date"]))


def test_a_target_year_and_a_figures_year_are_not_events_even_in_a_statement():
    text = "Tokayev told Xi that Kazakhstan aims to trade $40 billion with China annually by 2030, up from $31 billion in 2022."
    assert events(text, date(2023, 5, 18)) == []


def test_ties_established_decades_ago_are_dated():
    text = "The visit will develop ties, which were established nearly three decades ago."
    assert events(text, date(2022, 10, 11)) == [("three decades ago", "1992")]


def test_a_happening_in_a_part_of_a_year_is_dated_by_the_year():
    text = "Tokayev discussed cooperation with China, including planned events in the second half of 2025."
    assert events(text, date(2025, 3, 1)) == [("the second half of 2025", "2025")]


def test_a_date_line_dates_a_happening_whose_sentence_states_only_a_period():
    text = ("Trade keeps growing\n\nBEIJING, March 3. /Xinhua/. Exports from China to Kazakhstan rose 8 percent in "
            "January-February, Tokayev said at a meeting with the Chinese ambassador.")
    assert events(text, date(2025, 3, 3)) == [("March 3", "2025-03-03")]


def test_a_themed_year_and_the_year_of_a_quoted_title_are_not_dates_of_events():
    text = "Tokayev said that 2026 has been declared the Year of Culture of Kazakhstan in China."
    assert events(text, date(2025, 9, 1)) == []
    text = 'Tokayev invited China to attend the fair "Agro Kazakhstan 2026" in Astana.'
    assert events(text, date(2025, 9, 1)) == []
    text = "Tokayev invited China to attend an agricultural fair in Astana in 2026."
    assert events(text, date(2025, 9, 1)) == [("2026", "2026")]


def test_a_proposed_or_organised_happening_with_a_year_is_an_event():
    text = "Tokayev proposed organizing Days of Kazakh Cinema in China in 2026."
    assert events(text, date(2025, 9, 1)) == [("2026", "2026")]


def test_a_date_line_with_a_hyphenated_or_two_word_place_dates_its_happening():
    text = "Talks\n\nNUR-SULTAN, May 4. Kazakhstan held talks with China on transit."
    assert events(text, date(2022, 5, 4)) == [("May 4", "2022-05-04")]
    text = "Talks\n\nNEW DELHI, May 4. Kazakhstan held talks with China on transit."
    assert events(text, date(2022, 5, 4)) == [("May 4", "2022-05-04")]
