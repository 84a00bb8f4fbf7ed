"""Figures and dates of phrasings met in unseen text (issue 16, item 3), on literal inputs."""
from __future__ import annotations

from datetime import date

import pandas as pd

from kzanalysis.extract.dates import dates_in
from kzanalysis.extract.extractor import Extractor
from kzanalysis.extract.quantities import find_quantities, quantities_in

ACTORS = pd.DataFrame([
    ("kazakhstan", "Kazakhstan", "state", "domestic", ""),
    ("usa", "United States", "state", "west", ""),
    ("south_korea", "South Korea", "state", "asia_pacific", ""),
    ("saudi_arabia", "Saudi Arabia", "state", "middle_east", ""),
], columns=["actor_id", "name", "kind", "vector", "country"])
ALIASES = pd.DataFrame([
    ("Kazakhstan", "kazakhstan", False), ("US", "usa", True), ("South Korea", "south_korea", False),
    ("Saudi", "saudi_arabia", False),
], columns=["alias", "actor_id", "case_sensitive"])


def found(text: str) -> list[tuple[str, float, str]]:
    return [(text[q["start"]:q["end"]], q["value"], q["unit"]) for q in quantities_in(text, 0, [])]


def figure(text: str, quote: str, published: date = date(2022, 3, 1)) -> pd.Series:
    q = Extractor.from_tables(ALIASES, ACTORS).extract("d", text, published)["quantities"]
    return q[q["quote"] == quote].iloc[0]


def test_a_scale_letter_written_onto_the_number_multiplies_it():
    assert found("to reach $10B trade volume") == [("$10B", 1e10, "usd")]
    assert found("a $4.2bn contract") == [("$4.2bn", 4.2e9, "usd")]
    assert found("They invested $5m in the plant") == [("$5m", 5e6, "usd")]
    assert [value for _, value, _ in found("the dam is 5 m high")] == [5.0]  # a separate "m" is not millions


def test_twice_as_much_is_a_multiple_of_two():
    assert found("They bought twice as much grain.") == [("twice as much", 2.0, "multiple")]
    assert found("He came twice.") == []


def test_a_part_of_a_total_is_one_claim_with_the_part_as_value():
    assert found("40 of the 50 regions joined.") == [("40 of the 50 regions", 40.0, "count")]
    assert found("76 out of 89 deputies voted") == [("76 out of 89 deputies", 76.0, "count")]
    # "one of the 5 largest" is no part of a total: a rank band, as "among the 5 largest" (GUIDELINES: ranks)
    assert found("one of the 5 largest investors") == [("5", 5.0, "rank")]


def test_aiming_to_reach_a_figure_makes_it_a_target():
    [q] = quantities_in("aiming to reach a trade turnover of $1 billion", 0, [])
    assert q["qualifier"] == "target"


def test_a_figure_in_the_headline_is_a_claim():
    text = "Kazakhstan, South Korea sign 11 cooperation documents\n\nThe presidents met on Monday.\n"
    quotes = list(find_quantities(text, "d")["quote"])
    assert quotes == ["11 cooperation documents"]


def test_a_mention_inside_the_figure_is_its_currency_not_a_party():
    assert figure("In 2020, foreign direct investment was US$17.2 billion.", "US$17.2 billion")["partner"] == ""


def test_a_sentence_without_parties_borrows_them_only_for_a_relation():
    text = ("Saudi investors opened a fund in Kazakhstan. The government plans the construction of "
            "a thousand schools until 2025.")
    assert figure(text, "a thousand schools")["partner"] == ""
    text = "Saudi investors opened a fund in Kazakhstan. Trade grew by 12 percent."
    assert figure(text, "12 percent")["partner"] == "saudi_arabia"


def test_figures_before_a_comparison_year_take_the_year_after_it():
    text = "Investment in Kazakhstan reached $23.7 billion, growing 37.7 percent compared to 2020."
    assert figure(text, "$23.7 billion")["period"] == "2021"
    assert figure(text, "37.7 percent")["period"] == "2021"


def test_an_investor_named_alone_in_a_text_on_kazakhstan_is_the_partner():
    text = "Kazakhstan met investors. In 2023 the volume of investments from South Korea reached $9.6 billion."
    assert figure(text, "$9.6 billion")["partner"] == "south_korea"


def test_decades_and_single_years_ago_are_resolved_against_the_document_date():
    text = "Ties were established nearly three decades ago, a decade ago they grew, and a year ago they boomed."
    got = [(text[s:e], iso, precision) for s, e, iso, precision, *_ in dates_in(text, 0, date(2022, 10, 11))]
    assert got == [("three decades ago", "1992", "year"), ("a decade ago", "2012", "year"),
                   ("a year ago", "2021", "year")]


def dates_of(text: str, published: date) -> list[tuple[str, str, str]]:
    return [(text[s:e], iso, precision) for s, e, iso, precision, *_ in dates_in(text, 0, published)]


def test_month_ranges_with_and_without_a_year():
    assert dates_of("57.8 million tons from January through October 2024.", date(2024, 11, 25)) == [
        ("from January through October 2024", "2024-01/2024-10", "range")]
    assert dates_of("Trade exceeded 1.5 trillion rubles in January-July, he said.", date(2023, 9, 25)) == [
        ("January-July", "2023-01/2023-07", "range")]
    assert dates_of("in October-December", date(2023, 9, 25)) == [("October-December", "2022-10/2022-12", "range")]


def test_a_part_of_this_or_last_year_is_resolved_against_the_document_date():
    published = date(2024, 5, 27)
    assert dates_of("In the first quarter of this year, trade exceeded $100 million", published) == [
        ("the first quarter of this year", "2024-01/2024-03", "range")]
    assert dates_of("in the first six months of last year", published) == [
        ("the first six months of last year", "2023-01/2023-06", "range")]
    assert dates_of("in the third quarter of 2023", published) == [("the third quarter of 2023", "2023-07/2023-09", "range")]


def test_a_weekday_before_a_stated_day_is_one_date():
    assert dates_of("On Monday, 27 May 2024, negotiations were held", date(2024, 5, 27)) == [
        ("On Monday, 27 May 2024", "2024-05-27", "day")]
    assert dates_of("On Monday, Tuesday, they met", date(2024, 11, 7)) == [
        ("On Monday", "2024-11-04", "day"), ("Tuesday", "2024-11-05", "day")]


def test_rubles_and_scales_in_bln():
    assert found("exceeded 1.5 trillion rubles ($15.6 bln) in") == [
        ("1.5 trillion rubles", 1.5e12, "rub"), ("$15.6 bln", 1.56e10, "usd")]


def test_a_flow_of_goods_takes_the_period_of_the_sentence_before():
    text = "In January-October 2024, oil exports reached 57.8 million tons. About 7.2 million tons were shipped to Kazakhstan."
    assert figure(text, "7.2 million tons", date(2024, 11, 25))["period"] == "2024-01/2024-10"


def test_today_or_a_weekday_is_not_the_period_of_a_figure():
    text = "Kazakhstan welcomed today's meeting, as trade increased by 29.5 percent."
    assert figure(text, "29.5 percent", date(2024, 7, 12))["period"] == ""


def test_a_change_against_the_same_period_of_the_previous_year_is_of_the_year_after():
    text = "Kazakhstan's trade with South Korea rose 12 percent compared to the same period of the previous year."
    row = figure(text, "12 percent", date(2024, 8, 1))
    assert (row["period"], row["partner"]) == ("2024", "south_korea")


def test_the_first_months_without_a_year_are_those_up_to_the_document_date():
    assert dates_of("for the first 10 months, oil transit amounted to", date(2024, 11, 20)) == [
        ("the first 10 months", "2024-01/2024-10", "range")]
    assert dates_of("in the first six months of 2025 trade", date(2024, 11, 20)) == [
        ("the first six months of 2025", "2025-01/2025-06", "range")]


def test_one_of_the_n_largest_is_a_rank():
    assert found("Kazakhstan is one of the 15 largest exporters of grain.") == [("15", 15.0, "rank")]


def test_such_between_a_number_and_its_noun_is_skipped_but_such_as_is_not():
    assert found("Forty-two such joint ventures now operate.") == [("Forty-two such joint ventures", 42.0, "count")]
    assert found("Five such as these.") == []


def test_both_ends_of_a_move_between_ranks_are_ranks():
    assert found("Japan moved from seventh to fifth place among investors.") == [
        ("seventh", 7.0, "rank"), ("fifth place", 5.0, "rank")]
    assert found("It climbed from 12th to 9th position.") == [("12th", 12.0, "rank"), ("9th position", 9.0, "rank")]


def test_the_current_year_and_future_weekdays_are_resolved_against_the_document_date():
    found_dates = dates_in("Exports in the current year rose.", 0, date(2024, 6, 5))
    assert [(d[2], d[3]) for d in found_dates] == [("2024", "year")]
    upcoming = dates_in("The upcoming talks on Friday are to open the forum.", 0, date(2024, 6, 5))  # a Wednesday
    assert [d[2] for d in upcoming] == ["2024-06-07"]
    expected = dates_in("The minister is expected to arrive on Monday.", 0, date(2024, 6, 5))
    assert [d[2] for d in expected] == ["2024-06-10"]


def test_a_number_word_joined_to_a_noun_by_a_hyphen_is_a_count_but_not_a_fraction_or_a_direction():
    assert found("They agreed a four-party format and a three-stage plan.") == [
        ("four-party", 4.0, "count"), ("three-stage", 3.0, "count")]
    assert found("Two-way trade grew and two-thirds of it is oil.") == []
