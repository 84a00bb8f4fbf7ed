"""Fact-check verdicts on literal inputs: one test per verdict type, and the rules that choose a reference."""
from __future__ import annotations

import pandas as pd
import pytest

from kzanalysis.analysis.factcheck import check_claims, check_events
from kzanalysis.analysis.references import REFERENCE_COLUMNS, partner_ranks, reference_table, trade_references

SOURCES = pd.DataFrame({"doc_id": ["doc"], "date": ["2022-10-13"]})


def claim(claim_id="doc-c01", quote="$5.3 billion", metric="trade_turnover", partner="turkiye", period="2021",
          value=5.3e9, unit="usd", qualifier="exact", subject="kazakhstan"):
    return {"claim_id": claim_id, "doc_id": "doc", "quote": quote, "subject": subject, "metric": metric,
            "partner": partner, "period": period, "value": value, "unit": unit, "qualifier": qualifier}


def ref(ref_id, value, period="2021", metric="trade_turnover", partner="turkiye", unit="usd", tier=1,
        reporter="", kind="fact", definition="", published="", subject="kazakhstan"):
    return {"ref_id": ref_id, "kind": kind, "subject": subject, "metric": metric, "partner": partner,
            "reporter": reporter, "period": period, "value": value, "unit": unit, "definition": definition,
            "tier": tier, "agency": "Agency", "publisher": "Publisher", "title": "T", "url": "https://example.org",
            "published": published, "accessed": "2026-12-03", "inputs": ""}


def verdict_of(claims, refs, links=""):
    claims = pd.DataFrame(claims)
    checks = pd.DataFrame({"claim_id": claims["claim_id"], "checkable": True, "checkable_reason": "a statistic",
                           "reference_ids": links})
    return check_claims(claims, checks, pd.DataFrame(refs, columns=REFERENCE_COLUMNS), SOURCES)


def test_a_reference_inside_the_rounding_interval_holds():
    out = verdict_of([claim()], [ref("f01", 5.34e9)])
    assert out.loc[0, ["verdict", "reference_id"]].tolist() == ["holds", "f01"]


def test_a_reference_outside_the_rounding_interval_differs_even_when_within_five_percent():
    # 5.3 bn stands for [5.25, 5.35) bn: 5.1 bn is 3.8 % away and still a difference
    out = verdict_of([claim()], [ref("f01", 5.1e9)])
    assert out.loc[0, "verdict"] == "differs"


def test_about_widens_the_interval_and_over_is_one_sided():
    out = verdict_of([claim(qualifier="approximate"), claim("doc-c02", qualifier="over", quote="over $5.3 billion")],
                     [ref("f01", 5.1e9)])
    assert out["verdict"].tolist() == ["holds", "differs"]


def test_the_reference_is_chosen_by_tier_not_by_closeness_of_value():
    # tier 3 agrees with the claim, tier 1 does not: the tier-1 figure decides
    out = verdict_of([claim()], [ref("f01", 4.1e9, tier=1), ref("f02", 5.3e9, tier=3)])
    row = out.iloc[0]
    assert (row["verdict"], row["reference_id"], row["reference_tier"]) == ("differs", "f01", 1)
    assert row["spread"] == "4.1 bn USD – 5.3 bn USD"


def test_within_the_best_tier_the_latest_publication_decides():
    out = verdict_of([claim()], [ref("f01", 5.0e9, published="2022-01-10"), ref("f02", 5.3e9, published="2023-03-01")])
    assert out.loc[0, ["verdict", "reference_id"]].tolist() == ["holds", "f02"]


def test_another_year_is_a_period_mismatch_not_a_confirmation():
    out = verdict_of([claim()], [ref("f01", 5.3e9, period="2022")])
    assert out.loc[0, "verdict"] == "period mismatch"
    assert "2022" in out.loc[0, "explanation"] and "2021" in out.loc[0, "explanation"]


def test_a_mirror_figure_of_the_same_period_is_a_definition_mismatch():
    trade = pd.DataFrame([{"ref_id": "t001", "partner": "turkiye", "year": 2021, "months": 12, "flow": "turnover",
                           "value": 5.3e9, "reporter": "turkiye", "agency": "TurkStat", "publisher": "TurkStat",
                           "title": "T", "url": "https://example.org", "tier": 1, "published": "",
                           "accessed": "2026-12-03", "note": ""}])
    out = verdict_of([claim()], trade_references(trade).to_dict("records"))
    assert out.loc[0, "verdict"] == "definition mismatch"
    assert "matches that definition" in out.loc[0, "explanation"]


def test_a_cumulative_total_is_a_definition_mismatch_for_a_single_approval():
    out = verdict_of([claim(metric="financing_approved", partner="isdb", period="2022-03", value=1.6e9,
                            quote="$1.6 billion", qualifier="approximate")],
                     [ref("f01", 1.6e9, metric="financing_cumulative", partner="isdb", period="2022-03")], links="f01")
    assert out.loc[0, "verdict"] == "definition mismatch"


def test_a_goal_presented_as_achieved_is_a_wording_verdict():
    out = verdict_of([claim(metric="trade_turnover", period="2022", value=10e9, quote="$10 billion")],
                     [ref("f01", 10e9, metric="trade_turnover_target", period="")], links="f01")
    assert out.loc[0, "verdict"] == "wording"


def test_nothing_linked_is_unverified_and_uncheckable_claims_say_why():
    claims = pd.DataFrame([claim(), claim("doc-c02")])
    checks = pd.DataFrame({"claim_id": ["doc-c01", "doc-c02"], "checkable": [True, False],
                           "checkable_reason": ["a statistic", "a forecast"], "reference_ids": ["", ""]})
    out = check_claims(claims, checks, pd.DataFrame(columns=REFERENCE_COLUMNS), SOURCES)
    assert out["verdict"].tolist() == ["unverified", "not checkable"]
    assert out.loc[1, "explanation"] == "a forecast"


def trade_rows(values: dict[str, float], year=2021):
    return pd.DataFrame([{"ref_id": f"t{i:03d}", "partner": p, "year": year, "months": 12, "flow": "turnover",
                          "value": v, "reporter": "kazakhstan", "agency": "BNS", "publisher": "P", "title": "T",
                          "url": "https://example.org", "tier": 2, "published": "", "accessed": "2026-12-03",
                          "note": ""} for i, (p, v) in enumerate(values.items(), 1)])


def test_ranks_are_recomputed_over_all_partners_of_the_year():
    trade = trade_rows({"russia": 24.5e9, "china": 18e9, "netherlands": 4.2e9, "turkiye": 4.1e9,
                        "south_korea": 3.0e9})
    ranks = partner_ranks(trade_references(trade))
    assert ranks.set_index("partner")["rank"].to_dict() == {"russia": 1, "china": 2, "netherlands": 3,
                                                            "turkiye": 4, "south_korea": 5}


def test_a_stated_rank_above_the_recomputed_lower_bound_differs():
    trade = trade_rows({"russia": 24.5e9, "china": 18e9, "netherlands": 4.2e9, "south_korea": 3.0e9})
    refs = reference_table(trade, pd.DataFrame(columns=["fact_id", *REFERENCE_COLUMNS[2:]]).assign(tier=[]))
    out = verdict_of([claim(metric="trade_partner_rank", partner="south_korea", value=2, unit="rank",
                            quote="second", qualifier="implied")], refs.to_dict("records"))
    assert out.loc[0, "verdict"] == "differs"
    # a rank consistent with the incomplete table is not thereby confirmed
    out = verdict_of([claim(metric="trade_partner_rank", partner="south_korea", value=5, unit="rank",
                            quote="fifth", qualifier="implied")], refs.to_dict("records"))
    assert out.loc[0, "verdict"] == "unverified"


def test_growth_rates_are_computed_from_rows_of_the_same_reporter():
    trade = pd.concat([trade_rows({"turkiye": 3.0e9}, 2020), trade_rows({"turkiye": 4.0e9}, 2021)
                       .assign(ref_id="t101")], ignore_index=True)
    refs = reference_table(trade, pd.DataFrame(columns=["fact_id", *REFERENCE_COLUMNS[2:]]).assign(tier=[]))
    growth = refs[refs["metric"] == "trade_turnover_growth"]
    assert growth["value"].round(6).tolist() == [pytest.approx(33.333333)]
    out = verdict_of([claim(metric="trade_turnover_growth", value=58, unit="percent", quote="58%")],
                     refs.to_dict("records"))
    assert out.loc[0, "verdict"] == "differs"


def events_frame(date, precision):
    return pd.DataFrame([{"event_id": "doc-e01", "doc_id": "doc", "quote": "q", "event_key": "k", "date": date,
                          "date_precision": precision}])


@pytest.mark.parametrize("stated, precision, reference, expected", [
    ("2022-05-10", "day", "2022-05-10", "holds"),
    ("2022-05-10", "day", "2022-05-11", "differs"),
    ("2022-05", "month", "2022-05-10", "holds to the month"),
    ("2022-05", "month", "2022-05", "unresolved to the day"),
    ("2022-07-25", "day", "2022-07-24", "differs"),
])
def test_event_dates_hold_only_at_the_precision_the_text_gives(stated, precision, reference, expected):
    refs = pd.DataFrame([ref("f01", 2022, period=reference, metric="event_date", unit="year")], columns=REFERENCE_COLUMNS)
    checks = pd.DataFrame({"event_id": ["doc-e01"], "checkable": [True], "checkable_reason": ["a dated visit"],
                           "reference_ids": ["f01"]})
    out = check_events(events_frame(stated, precision), checks, refs)
    assert out.loc[0, "verdict"] == expected
