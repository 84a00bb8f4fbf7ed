"""Sensitivity of the discourse-vs-trade readings to missing partner-years."""
from __future__ import annotations

import pandas as pd

from kzanalysis.analysis.trade_gaps import gap_sensitivity, imputed_preferred

ACTORS = pd.DataFrame({"actor_id": ["russia", "italy", "china"], "vector": ["russia", "west", "china"],
                       "kind": ["state"] * 3})


def preferred() -> pd.DataFrame:
    rows = [("world", 2021, 100e9), ("russia", 2021, 30e9), ("china", 2021, 20e9),
            ("italy", 2019, 8e9), ("italy", 2020, 16e9)]
    return pd.DataFrame([(p, y, "turnover", v, "kazakhstan", float("nan")) for p, y, v in rows],
                        columns=["partner", "year", "flow", "value", "reporter", "mirror_value"])


def test_missing_partner_years_are_imputed_at_the_partners_lowest_and_highest_figure():
    low = imputed_preferred(preferred(), 2021, "low")
    high = imputed_preferred(preferred(), 2021, "high")
    pick = lambda f: f[(f["partner"] == "italy") & (f["year"] == 2021)]["value"].tolist()  # noqa: E731
    assert pick(low) == [8e9] and pick(high) == [16e9]
    assert len(imputed_preferred(preferred(), 2021, "as_is")) == 5


def test_a_reading_that_hangs_on_a_gap_is_flagged_as_flipping():
    # the West has 12 % of attention: with Italy missing it has no trade figure; at 8 % of trade it is
    # over-discussed, at 16 % under-discussed
    attention = pd.DataFrame({"all": "all", "vector": ["russia", "west", "china"], "mentions": [50, 12, 38],
                              "share": [0.50, 0.12, 0.38]})
    out = gap_sensitivity(preferred(), attention, ACTORS, 2021, "total").set_index("vector")
    assert out.loc["west", ["reading_as_is", "reading_low", "reading_high"]].tolist() == [
        "no trade figure", "over-discussed", "under-discussed"]
    assert bool(out.loc["west", "flips"]) and not bool(out.loc["russia", "flips"])
    assert out.loc["russia", "ratio_as_is"] == 0.50 / 0.30


def test_the_turnover_table_labels_a_year_given_only_by_the_partner():
    from kzanalysis.analysis.trade_text import turnover_for_reading
    rows = pd.DataFrame([("china", 2021, "turnover", 25.1e9, "china", float("nan")),
                         ("china", 2022, "turnover", 24.0e9, "kazakhstan", 31.0e9)],
                        columns=["partner", "year", "flow", "value", "reporter", "mirror_value"])
    table = turnover_for_reading(rows)
    assert table.loc[0, 2021] == "25.10 (partner's)" and table.loc[0, 2022] == "24.00"
    assert table.loc[0, "Partner (bn USD)"] == "China"


def test_the_gap_sentence_names_the_vectors_whose_reading_flips():
    from kzanalysis.analysis.trade_text import gaps_sentence
    attention = pd.DataFrame({"all": "all", "vector": ["russia", "west", "china"], "mentions": [50, 12, 38],
                              "share": [0.50, 0.12, 0.38]})
    gaps = gap_sensitivity(preferred(), attention, ACTORS, 2021, "total")
    missing = pd.DataFrame({"partner": ["italy"], "nearest_year": [2020], "value": [16e9]})
    assert gaps_sentence(gaps, missing, 2021) == (
        "Missing for 2021: Italy (figure for 2020). With each imputed at its lowest and highest figure in the "
        "table, the reading flips for West (US, EU): that comparison hangs on the gap.")
