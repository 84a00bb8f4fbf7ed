"""Trade analysis: precision of stated figures, implied values, reference verdicts, shares, HHI."""
from __future__ import annotations

import math

import pandas as pd
import pytest

from kzanalysis.analysis.formatting import billions, format_amount
from kzanalysis.analysis.implied import (
    IMPLIED_COLUMNS,
    evaluate_formula,
    exchange_rates,
    flow_sums,
    growth_between_years,
    implied_values,
    literal,
    multiple_checks,
    previous_levels,
    target_gaps,
    to_usd,
)
from kzanalysis.analysis.trade_checks import biggest_differences
from kzanalysis.analysis.trade_series import (
    absent_partners,
    concentration_by_year,
    consolidated_series,
    discourse_vs_trade,
    partner_shares,
    partner_vectors,
    preferred_series,
    share_basis,
    vector_shares_by_year,
    vector_trade_shares,
    year_and_months,
)
from kzanalysis.evidence.precision import in_interval, stated_interval, stated_precision, written_numbers, written_value

CLAIM_COLUMNS = ["claim_id", "doc_id", "quote", "subject", "metric", "partner", "period", "value", "unit",
                 "qualifier"]
TRADE_COLUMNS = ["partner", "year", "months", "flow", "value", "reporter", "agency", "publisher", "url"]
FACT_COLUMNS = ["fact_id", "subject", "metric", "partner", "period", "value", "unit", "publisher", "url", "agency"]


def claims(*rows) -> pd.DataFrame:
    return pd.DataFrame(list(rows), columns=CLAIM_COLUMNS)


def trade_rows(*rows) -> pd.DataFrame:
    frame = pd.DataFrame(list(rows), columns=TRADE_COLUMNS[:7])
    frame["agency"] = frame["agency"].fillna("")
    frame["publisher"] = [f"pub{i}" for i in range(len(frame))]
    frame["url"] = [f"https://example.org/{i}" for i in range(len(frame))]
    return frame


def facts(*rows) -> pd.DataFrame:
    frame = pd.DataFrame(list(rows), columns=FACT_COLUMNS[:7])
    frame["publisher"] = "factpub"
    frame["url"] = "https://example.org/f"
    frame["agency"] = ""
    return frame


NO_FACTS = facts()


# --- numbers as written and unit conversion ------------------------------------------

def test_written_numbers_apply_scale_words_and_keep_currency_figures_apart():
    numbers = written_numbers("surged to $6.3 billion (TL 188.62 billion)")
    assert [float(n.value) for n in numbers] == [6.3e9, 188.62e9]
    assert [float(n.half_unit) for n in numbers] == [0.05e9, 0.005e9]


def test_written_numbers_read_thousands_separators_words_and_ordinals():
    assert [float(n.value) for n in written_numbers("the repair of 11,000 kilometers")] == [11_000]
    assert [float(n.value) for n in written_numbers("nearly three thousand companies")] == [3_000]
    assert [float(n.value) for n in written_numbers("the fifth largest trade partner")] == [5]
    assert [float(n.value) for n in written_numbers("the 12th largest in the world")] == [12]


def test_written_value_converts_a_stated_amount_to_a_plain_number():
    assert written_value("$24.5 billion") == 24.5e9
    assert written_value("939.6 mn") == 939.6e6
    assert written_value("3 trillion cubic meters") == 3e12
    with pytest.raises(ValueError):
        written_value("no figure here")


def test_to_usd_converts_lira_with_the_given_rate_and_refuses_other_units():
    assert to_usd(6.3e9, "usd") == 6.3e9
    assert to_usd(188.62e9, "try", try_per_usd=188.62 / 6.3) == pytest.approx(6.3e9)
    with pytest.raises(ValueError):
        to_usd(1.0, "try")
    with pytest.raises(ValueError):
        to_usd(1.0, "percent")


def test_format_amount_and_billions_are_for_reading():
    assert format_amount(5.3e9, "usd") == "5.3 bn USD"
    assert format_amount(188.62e9, "try") == "188.62 bn TRY"
    assert format_amount(939.6e6, "usd") == "939.6 m USD"
    assert format_amount(-18.4, "percent") == "-18.4%"
    assert format_amount(17, "multiple") == "×17"
    assert billions(6.3e9) == 6.3


# --- rounding-aware intervals ----------------------------------------------------------

@pytest.mark.parametrize("value, quote, expected", [
    (5.3e9, "reached 5.3 billion dolars by an increase of 58% in 2021", (5.25e9, 5.35e9)),
    (24.5e9, "reached a record high of $24.5 billion", (24.45e9, 24.55e9)),
    (58, "reached 5.3 billion dolars by an increase of 58% in 2021", (57.5, 58.5)),
    (10e9, "determined as 10 billion dollars", (9.5e9, 10.5e9)),
    (2.92e9, "decreased by 18.4% to $2.92 billion", (2.915e9, 2.925e9)),
    (-18.4, "decreased by 18.4% to $2.92 billion", (-18.45, -18.35)),
    (5, "Turkey is the fifth largest trade parter", (4.5, 5.5)),
])
def test_stated_interval_is_half_a_unit_of_the_last_written_digit(value, quote, expected):
    assert stated_interval(value, quote) == expected


def test_stated_interval_precision_comes_from_the_quote_not_the_value():
    # "10 billion" is written to the unit digit (±0.5e9); the bare value 10e9 alone would say ±5e9.
    assert stated_precision(10e9, "10 billion dollars") == (0.5e9, "quote")
    assert stated_precision(10e9, "ten-digit number") == (5e9, "value")


def test_stated_interval_over_is_open_above_and_approximate_widens_to_five_percent():
    assert stated_interval(5e9, "which passed $5 billion", "over") == (5e9, math.inf)
    # rounding ±0.05e9 is narrower than 5% (±0.08e9): the 5% wins
    assert stated_interval(1.6e9, "approximately 1.6 billion dolars", "approximate") == (1.52e9, 1.68e9)
    # rounding ±0.5e9 is wider than 5% of 3e9 (±0.15e9): the rounding interval wins
    assert stated_interval(3e9, "about 3 billion", "approximate") == (2.5e9, 3.5e9)


def test_intervals_are_half_open():
    low_high = stated_interval(5.3e9, "5.3 billion")
    assert in_interval(5.25e9, low_high)
    assert in_interval(5.349e9, low_high)
    assert not in_interval(5.35e9, low_high)
    assert not in_interval(5.2e9, low_high)


# --- implied values --------------------------------------------------------------------

def test_evaluate_formula_computes_arithmetic_and_refuses_code():
    assert evaluate_formula("5.3e9 / (1 + 58 / 100)") == pytest.approx(3.3544303797e9)
    assert evaluate_formula("((2 / 1) ** (1 / 2) - 1) * 100") == pytest.approx(41.421356)
    with pytest.raises(ValueError):
        evaluate_formula("__import__('os')")


def test_literal_writes_numbers_as_short_python_literals():
    assert [literal(x) for x in (5.3e9, 58.0, -18.4, 190e9, 939.6e6, 0.58)] == \
        ["5.3e9", "58", "-18.4", "190e9", "939.6e6", "0.58"]


def test_a_level_and_its_growth_rate_imply_the_previous_level():
    frame = claims(
        ("d-c01", "d", "5.3 billion", "kazakhstan", "trade_turnover", "turkiye", "2021", 5.3e9, "usd", "exact"),
        ("d-c02", "d", "58%", "kazakhstan", "trade_turnover_growth", "turkiye", "2021", 58, "percent", "exact"),
    )
    out = previous_levels(frame)
    assert len(out) == 1
    row = out.iloc[0]
    assert row["formula"] == "5.3e9 / (1 + 58 / 100)"
    assert row["value"] == pytest.approx(5.3e9 / 1.58)
    assert (row["claim_ids"], row["period"], row["unit"], row["label"]) == ("d-c01;d-c02", "2020", "usd", "derived")


def test_two_stated_years_imply_a_growth_rate_or_a_multiple_and_annual_rate():
    frame = claims(
        ("a-c01", "a", "5.3 billion", "kazakhstan", "trade_turnover", "turkiye", "2021", 5.3e9, "usd", "exact"),
        ("b-c01", "b", "$6.3 billion", "kazakhstan", "trade_turnover", "turkiye", "2022", 6.3e9, "usd", "exact"),
        ("a-c02", "a", "11.4 billion", "kazakhstan", "gdp", "", "1992", 11.4e9, "usd", "exact"),
        ("a-c03", "a", "190 billion", "kazakhstan", "gdp", "", "2021", 190e9, "usd", "exact"),
    )
    out = growth_between_years(frame).set_index("kind")
    growth = out.loc["growth between stated years"]
    assert growth["formula"] == "(6.3e9 / 5.3e9 - 1) * 100"
    assert growth["value"] == pytest.approx((6.3 / 5.3 - 1) * 100)
    assert out.loc["multiple between stated years", "value"] == pytest.approx(190 / 11.4)
    assert out.loc["average annual growth between stated years", "value"] == \
        pytest.approx(((190 / 11.4) ** (1 / 29) - 1) * 100)


def test_a_stated_multiple_is_checked_against_its_stated_endpoints():
    frame = claims(
        ("a-c01", "a", "17 fold", "kazakhstan", "gdp_growth_multiple", "", "1991/2021", 17, "multiple", "exact"),
        ("a-c02", "a", "11.4 billion", "kazakhstan", "gdp", "", "1992", 11.4e9, "usd", "exact"),
        ("a-c03", "a", "190 billion", "kazakhstan", "gdp", "", "2021", 190e9, "usd", "exact"),
    )
    out = multiple_checks(frame)
    assert list(out["formula"]) == ["190e9 / 11.4e9"]
    assert out["value"].iloc[0] == pytest.approx(16.666666)
    assert out["claim_ids"].iloc[0] == "a-c01;a-c02;a-c03"


def test_target_gap_uses_the_latest_stated_year_of_the_corpus():
    frame = claims(
        ("a-c01", "a", "5.3 billion", "kazakhstan", "trade_turnover", "turkiye", "2021", 5.3e9, "usd", "exact"),
        ("b-c01", "b", "$6.3 billion", "kazakhstan", "trade_turnover", "turkiye", "2022", 6.3e9, "usd", "exact"),
        ("a-c02", "a", "10 billion", "kazakhstan", "trade_turnover_target", "turkiye", "", 10e9, "usd", "target"),
    )
    out = target_gaps(frame).set_index("kind")
    assert out.loc["gap to target", "formula"] == "10e9 - 6.3e9"
    assert out.loc["gap to target", "value"] == pytest.approx(3.7e9)
    assert out.loc["increase needed for target", "value"] == pytest.approx((10 / 6.3 - 1) * 100)
    assert out.loc["gap to target", "claim_ids"] == "a-c02;b-c01"


def test_exports_and_imports_with_growth_rates_imply_turnover_and_its_growth():
    frame = claims(
        ("b-c01", "b", "$2.92 billion", "kazakhstan", "exports", "turkiye", "2023-01/2023-09", 2.92e9, "usd", "exact"),
        ("b-c02", "b", "18.4%", "kazakhstan", "exports_growth", "turkiye", "2023-01/2023-09", -18.4, "percent", "exact"),
        ("b-c03", "b", "$1.51 billion", "kazakhstan", "imports", "turkiye", "2023-01/2023-09", 1.51e9, "usd", "exact"),
        ("b-c04", "b", "40.4%", "kazakhstan", "imports_growth", "turkiye", "2023-01/2023-09", 40.4, "percent", "exact"),
    )
    out = flow_sums(frame)
    assert list(out["kind"]) == ["sum of stated flows", "previous level", "growth of the sum of stated flows"]
    before = 2.92e9 / (1 - 0.184) + 1.51e9 / (1 + 0.404)
    assert out["value"].tolist() == pytest.approx([4.43e9, before, (4.43e9 / before - 1) * 100])
    assert out["period"].tolist() == ["2023-01/2023-09", "2022-01/2022-09", "2023-01/2023-09"]
    assert (out["label"] == "derived").all()


def test_the_same_figure_in_dollars_and_lira_implies_an_exchange_rate():
    frame = claims(
        ("b-c01", "b", "$6.3 billion", "kazakhstan", "trade_turnover", "turkiye", "2022", 6.3e9, "usd", "exact"),
        ("b-c02", "b", "TL 188.62 billion", "kazakhstan", "trade_turnover", "turkiye", "2022", 188.62e9, "try", "exact"),
    )
    out = exchange_rates(frame)
    assert out["formula"].tolist() == ["188.62e9 / 6.3e9"]
    assert out["value"].iloc[0] == pytest.approx(29.939682)
    assert out["unit"].iloc[0] == "try_per_usd"


def test_every_implied_formula_evaluates_to_its_value():
    frame = claims(
        ("d-c01", "d", "5.3 billion", "kazakhstan", "trade_turnover", "turkiye", "2021", 5.3e9, "usd", "exact"),
        ("d-c02", "d", "58%", "kazakhstan", "trade_turnover_growth", "turkiye", "2021", 58, "percent", "exact"),
        ("b-c01", "b", "$6.3 billion", "kazakhstan", "trade_turnover", "turkiye", "2022", 6.3e9, "usd", "exact"),
        ("d-c03", "d", "10 billion", "kazakhstan", "trade_turnover_target", "turkiye", "", 10e9, "usd", "target"),
    )
    out = implied_values(frame)
    assert len(out) == 4
    assert list(out.columns) == IMPLIED_COLUMNS
    for formula, value in zip(out["formula"], out["value"]):
        assert evaluate_formula(formula) == value


# --- seeds against reference statistics ------------------------------------------------

def test_year_and_months_reads_full_years_and_january_based_intervals_only():
    assert year_and_months("2021") == (2021, 12)
    assert year_and_months("2023-01/2023-09") == (2023, 9)
    assert year_and_months("2023-04/2023-09") is None
    assert year_and_months("2022-05") is None
    assert year_and_months("") is None


def test_biggest_differences_ranks_differing_claims_by_relative_difference():
    checks = pd.DataFrame({"claim_id": ["a", "b", "c", "d"], "unit": ["usd", "usd", "percent", "usd"],
                           "verdict": ["differs", "differs", "differs", "matches within rounding"],
                           "relative_difference": [0.1, -0.3, 0.8, 0.0]})
    assert biggest_differences(checks, n=3, unit="usd")["claim_id"].tolist() == ["b", "a"]
    assert biggest_differences(checks, n=2)["claim_id"].tolist() == ["c", "b"]


# --- series, shares, concentration, discourse against trade ----------------------------

def reference_table() -> pd.DataFrame:
    return trade_rows(
        ("world", 2022, 12, "turnover", 100e9, "kazakhstan", ""),
        ("world", 2023, 12, "turnover", 120e9, "kazakhstan", ""),
        ("china", 2022, 12, "turnover", 24.1e9, "kazakhstan", ""),
        ("china", 2022, 12, "turnover", 24.0e9, "kazakhstan", ""),
        ("china", 2022, 12, "turnover", 31.2e9, "china", ""),
        ("china", 2023, 12, "turnover", 30e9, "kazakhstan", ""),
        ("russia", 2023, 12, "turnover", 24e9, "kazakhstan", ""),
        ("russia", 2023, 9, "turnover", 18e9, "kazakhstan", ""),
        ("turkiye", 2023, 12, "turnover", 6e9, "kazakhstan", ""),
        ("usa", 2021, 12, "turnover", 2.5e9, "usa", ""),
    )


def test_consolidated_series_takes_the_median_of_duplicate_figures_and_skips_part_years():
    series = consolidated_series(reference_table())
    china = series[(series["partner"] == "china") & (series["year"] == 2022) & (series["reporter"] == "kazakhstan")]
    assert china["value"].tolist() == [24.05e9] and china["n_rows"].tolist() == [2]
    assert series[series["partner"] == "russia"]["value"].tolist() == [24e9]


def test_preferred_series_prefers_kazakh_figures_and_keeps_the_mirror():
    preferred = preferred_series(consolidated_series(reference_table())).set_index(["partner", "year"])
    assert preferred.loc[("china", 2022), "reporter"] == "kazakhstan"
    assert preferred.loc[("china", 2022), "mirror_value"] == 31.2e9
    assert preferred.loc[("usa", 2021), "reporter"] == "usa"


def test_partner_shares_and_hhi_over_the_partners_in_the_table():
    preferred = preferred_series(consolidated_series(reference_table()))
    shares = partner_shares(preferred)
    assert shares[shares["year"] == 2023].set_index("partner")["share"].to_dict() == \
        pytest.approx({"china": 0.25, "russia": 0.2, "turkiye": 0.05})
    hhi = concentration_by_year(shares).set_index("year")
    assert hhi.loc[2023, "hhi"] == pytest.approx(0.25**2 + 0.2**2 + 0.05**2)
    assert hhi.loc[2023, "hhi_points"] == pytest.approx(1050)
    assert hhi.loc[2023, "covered_share"] == pytest.approx(0.5)
    assert hhi.loc[2022, "n_partners"] == 1
    assert 2021 not in hhi.index  # no total for 2021


def actors_table() -> pd.DataFrame:
    return pd.DataFrame({"actor_id": ["china", "russia", "turkiye", "usa", "italy"],
                         "vector": ["china", "russia", "turkic", "west", "west"]})


def test_vector_trade_shares_sum_partners_and_keep_the_rest_of_world():
    shares = pd.DataFrame({"partner": ["china", "russia", "turkiye", "usa", "italy"], "year": [2023] * 5,
                           "value": [25e9, 20e9, 5e9, 3e9, 12e9], "total": [100e9] * 5, "basis": ["total"] * 5,
                           "share": [0.25, 0.2, 0.05, 0.03, 0.12]})
    out = vector_trade_shares(shares, actors_table(), 2023,
                                    vectors=["russia", "china", "west", "turkic", "middle_east"]).set_index("vector")
    assert out.loc["west", "share"] == pytest.approx(0.15)
    assert out.loc["west", "partners"] == "italy;usa"
    assert math.isnan(out.loc["middle_east", "share"])
    assert out.loc["rest_of_world", "share"] == pytest.approx(0.35)


def test_partner_vectors_names_partners_missing_from_the_gazetteer():
    with pytest.raises(KeyError, match="netherlands"):
        partner_vectors(actors_table(), ["china", "netherlands"])


def test_discourse_vs_trade_reads_over_and_under_discussion():
    attention = pd.DataFrame({"all": ["all"] * 3, "vector": ["russia", "turkic", "middle_east"],
                              "mentions": [20, 50, 30], "share": [0.2, 0.5, 0.3]})
    trade_shares = pd.DataFrame({"vector": ["russia", "turkic", "middle_east", "rest_of_world"],
                                 "partners": ["russia", "turkiye", "", ""],
                                 "value": [20e9, 5e9, math.nan, 75e9], "share": [0.2 + 0.05, 0.05, math.nan, 0.75]})
    out = discourse_vs_trade(attention, trade_shares).set_index("vector")
    assert out.loc["turkic", "reading"] == "over-discussed"
    assert out.loc["turkic", "ratio"] == pytest.approx(10)
    assert out.loc["russia", "reading"] == "under-discussed"
    assert out.loc["russia", "difference"] == pytest.approx(-0.05)
    assert out.loc["middle_east", "reading"] == "no trade figure"
    assert out.loc["rest_of_world", "reading"] == "not a vector"


def test_implied_values_keep_one_row_per_formula_listing_every_input():
    frame = claims(
        ("b-c01", "b", "$6.3 billion", "kazakhstan", "trade_turnover", "turkiye", "2022", 6.3e9, "usd", "exact"),
        ("a-c01", "a", "10 billion", "kazakhstan", "trade_turnover_target", "turkiye", "", 10e9, "usd", "target"),
        ("c-c01", "c", "10 billion", "kazakhstan", "trade_turnover_target", "turkiye", "", 10e9, "usd", "target"),
    )
    out = implied_values(frame)
    gap = out[out["kind"] == "gap to target"]
    assert len(gap) == 1
    assert gap["claim_ids"].iloc[0] == "a-c01;b-c01;c-c01"


def test_vector_shares_by_year_has_one_column_per_year_with_a_total():
    shares = pd.DataFrame({"partner": ["china", "russia", "china"], "year": [2022, 2022, 2023],
                           "value": [20e9, 30e9, 40e9], "total": [100e9, 100e9, 100e9], "basis": ["total"] * 3,
                           "share": [0.2, 0.3, 0.4]})
    wide = vector_shares_by_year(shares, actors_table())
    assert list(wide.columns) == [2022, 2023]
    assert wide.loc["china", 2023] == pytest.approx(0.4)
    assert math.isnan(wide.loc["russia", 2023])
    assert wide.loc["rest_of_world", 2022] == pytest.approx(0.5)


def test_share_basis_is_the_total_when_the_table_has_one_else_the_partners_covered():
    with_total = preferred_series(consolidated_series(reference_table()))
    assert share_basis(with_total) == "total"
    without = with_total[with_total["partner"] != "world"]
    assert share_basis(without) == "covered"


def test_covered_basis_shares_sum_to_one_and_need_enough_partners():
    preferred = preferred_series(consolidated_series(reference_table()))
    shares = partner_shares(preferred, basis="covered", min_partners=3)
    assert shares["year"].unique().tolist() == [2023]  # 2022 has one partner with a Kazakh figure
    assert shares.set_index("partner")["share"].to_dict() == \
        pytest.approx({"china": 30 / 60, "russia": 24 / 60, "turkiye": 6 / 60})
    hhi = concentration_by_year(shares).iloc[0]
    assert hhi["covered_share"] == pytest.approx(1.0)
    assert hhi["hhi"] == pytest.approx(0.5**2 + 0.4**2 + 0.1**2)
    with pytest.raises(ValueError):
        partner_shares(preferred, basis="partners")


def test_absent_partners_are_those_with_a_figure_in_another_year_only():
    preferred = pd.DataFrame([
        ("italy", 2021, "turnover", 14e9, "kazakhstan", math.nan),
        ("italy", 2023, "turnover", 16e9, "kazakhstan", math.nan),
        ("russia", 2022, "turnover", 26e9, "kazakhstan", math.nan),
        ("usa", 2020, "turnover", 2e9, "kazakhstan", math.nan),
        ("world", 2022, "turnover", 134e9, "kazakhstan", math.nan),
        ("china", 2021, "turnover", 30e9, "china", math.nan),  # a mirror figure only: not Kazakhstan's
    ], columns=["partner", "year", "flow", "value", "reporter", "mirror_value"])
    absent = absent_partners(preferred, 2022)
    assert absent.to_dict("records") == [
        {"partner": "italy", "nearest_year": 2023, "value": 16e9},  # 2021 and 2023 tie: the later
        {"partner": "usa", "nearest_year": 2020, "value": 2e9},
    ]
