"""Per-source reliability: grouped verdict shares with Wilson intervals."""
from __future__ import annotations

import pandas as pd
import pytest

from kzanalysis.analysis.reliability import reliability_for_reading, source_reliability


def test_shares_count_only_checkable_claims_and_group_the_mismatches():
    checks = pd.DataFrame({"doc_id": ["a", "a", "a", "a", "a", "b"],
                           "verdict": ["holds", "differs", "period mismatch", "definition mismatch",
                                       "not checkable", "unverified"]})
    out = source_reliability(checks, ["a", "b", "c"]).set_index(["doc_id", "group"])
    assert out.loc[("a", "holds"), ["n", "n_checkable"]].tolist() == [1, 4]
    assert out.loc[("a", "period or definition mismatch"), "share"] == pytest.approx(0.5)
    assert out.loc[("b", "could not be verified"), "share"] == 1.0
    assert out.loc[("c", "holds"), "n_checkable"] == 0 and pd.isna(out.loc[("c", "holds"), "share"])


def test_the_interval_is_wilsons_and_contains_the_share():
    checks = pd.DataFrame({"doc_id": ["a"] * 10, "verdict": ["holds"] * 7 + ["differs"] * 3})
    row = source_reliability(checks, ["a"]).set_index("group").loc["holds"]
    # Wilson 95 % interval of 7/10: [0.3968, 0.8922]
    assert (round(row["low"], 4), round(row["high"], 4)) == (0.3968, 0.8922)


def test_the_reading_table_has_one_row_per_source_with_labels():
    checks = pd.DataFrame({"doc_id": ["a", "a"], "verdict": ["holds", "differs"]})
    table = reliability_for_reading(source_reliability(checks, ["a"]))
    assert table.columns.tolist() == ["Source", "Checkable claims", "Holds", "Differs",
                                      "Period or definition mismatch", "Could not be verified"]
    assert table.loc[0, "Holds"].startswith("1 (50%; ")


def test_readable_columns_label_known_names_and_spell_out_the_rest():
    from kzanalysis.analysis.labels import readable_columns
    frame = pd.DataFrame(columns=["doc_id", "n_checkable", "period_a", "trade_share"])
    assert readable_columns(frame).columns.tolist() == ["Source", "Checkable", "Period A", "Trade share"]
