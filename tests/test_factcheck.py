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


def test_a_claim_not_yet_classified_is_a_to_do_not_a_verdict():
    claims = pd.DataFrame([claim(), claim("doc-c02")])
    checks = pd.DataFrame({"claim_id": ["doc-c01", "doc-c02"],
                           "checkable": pd.array([pd.NA, True], dtype="boolean"),
                           "checkable_reason": ["to classify", "a statistic"], "reference_ids": ["r1", "r1"]})
    refs = pd.DataFrame([ref("r1", 5.3e9)], columns=REFERENCE_COLUMNS)
    out = check_claims(claims, checks, refs, SOURCES)
    assert out["verdict"].tolist() == ["not yet classified", "holds"]
    assert not out.loc[0, "checkable"] and out.loc[0, "reference_id"] == ""
    events = pd.DataFrame([{"event_id": "doc-e01", "doc_id": "doc", "quote": "q", "event_key": "k",
                            "date": "2022-05-10", "date_precision": "day"}])
    event_checks = pd.DataFrame({"event_id": ["doc-e01"], "checkable": pd.array([pd.NA], dtype="boolean"),
                                 "checkable_reason": ["to classify"], "reference_ids": [""]})
    assert check_events(events, event_checks, refs)["verdict"].tolist() == ["not yet classified"]


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


def date_ref(ref_id, period, subject="kazakhstan", partner="wto", tier=1):
    return {**ref(ref_id, float("nan"), period=period, metric="event_date", partner=partner, unit="",
                  subject=subject, tier=tier), "kind": "date", "definition": "an event"}


def test_a_linked_reference_date_stands_for_the_year_of_a_key_fact():
    out = verdict_of([claim(metric="membership_start", partner="wto", period="2015-11-30", value=2015, unit="year",
                            quote="November 30, 2015")], [date_ref("d01", "2015-11-30")], links="d01")
    assert out.loc[0, ["verdict", "reference_id"]].tolist() == ["holds", "d01"]


def test_the_year_of_a_key_fact_is_compared_by_value_whatever_the_reference_period():
    # "since 2006": a tier-1 source dating the start to 2003 refutes it, even though a tier-3 page says 2006
    out = verdict_of([claim(metric="joint_exercises_start", partner="nato", period="2006", value=2006, unit="year",
                            quote="since 2006")],
                     [ref("f01", 2003, period="2003", metric="joint_exercises_start", partner="nato", unit="year"),
                      ref("f02", 2006, period="2006", metric="joint_exercises_start", partner="nato", unit="year",
                          tier=3)], links="f01;f02")
    assert out.loc[0, ["verdict", "reference_id"]].tolist() == ["differs", "f01"]


def test_a_linked_reference_about_another_partner_is_not_the_claims_figure():
    out = verdict_of([claim(metric="trade_partner_rank", partner="south_korea", value=4, unit="rank", quote="4th",
                            qualifier="implied")],
                     [ref("f01", 4, metric="trade_partner_rank", partner="netherlands", unit="rank")], links="f01")
    # the Netherlands holds 4th place in 2021: South Korea cannot
    row = out.iloc[0]
    assert (row["verdict"], row["reference_id"]) == ("differs", "f01")
    assert "netherlands holds that place" in row["explanation"]


def test_a_reference_in_another_unit_is_no_reference_for_the_figure():
    out = verdict_of([claim(metric="ministers_in_delegation", value=6, unit="count", quote="6 Ministers",
                            period="2022-05-10")],
                     [ref("f01", 2022, metric="enhanced_strategic_partnership_year", unit="year",
                          period="2022-05-10")], links="f01")
    assert out.loc[0, "verdict"] == "unverified"


def test_a_cumulative_total_over_a_longer_period_is_a_definition_mismatch_for_one_approval():
    out = verdict_of([claim(metric="financing_approved", subject="isdb", partner="kazakhstan", period="2022-03",
                            value=1.6e9, quote="approximately 1.6 billion", qualifier="approximate")],
                     [ref("f01", 1.6e9, metric="financing_cumulative", subject="isdb", partner="kazakhstan",
                          period="1995/2022")], links="f01")
    assert out.loc[0, "verdict"] == "definition mismatch"
    assert "matches that definition" in out.loc[0, "explanation"]


def test_a_mirror_figure_is_named_when_the_reporters_figure_differs():
    out = verdict_of([claim(metric="trade_turnover_growth", value=58, unit="percent", quote="58%")],
                     [ref("f01", 33, metric="trade_turnover_growth", unit="percent"),
                      ref("f02", 58, metric="trade_turnover_growth_mirror", unit="percent", definition="mirror")],
                     links="f01;f02")
    assert out.loc[0, ["verdict", "reference_id"]].tolist() == ["differs", "f01"]
    assert "matches another definition: mirror" in out.loc[0, "explanation"]


def test_a_duration_is_counted_exactly_between_two_linked_dates():
    # 1 Dec 1991 to 19 Mar 2019 is 27.3 years: "28 years" is outside its rounding interval [27.5, 28.5)
    out = verdict_of([claim(metric="presidency_years", partner="", period="1991/2019", value=28, unit="year",
                            quote="28-years")],
                     [date_ref("d01", "1991-12-01", partner=""), date_ref("d02", "2019-03-19", partner="")],
                     links="d01;d02")
    assert out.loc[0, ["verdict", "reference_id"]].tolist() == ["differs", "span:d01/d02"]
    assert out.loc[0, "reference_value"] == pytest.approx(27.3, abs=0.05)


def test_an_anniversary_counts_completed_years_up_to_the_text():
    # relations from 2 Feb 1993: in November 2022 the 30th anniversary is not yet reached
    out = verdict_of([claim(metric="anniversary_years", partner="eu", period="2022-11-16/2022-11-17", value=30,
                            unit="year", quote="30th")], [date_ref("d01", "1993-02-02", partner="eu")], links="d01")
    assert out.loc[0, ["verdict", "reference_value"]].tolist() == ["differs", 29]
    out = verdict_of([claim(metric="anniversary_years", partner="eu", period="2023-02-02", value=30,
                            unit="year", quote="30th")], [date_ref("d01", "1993-02-02", partner="eu")], links="d01")
    assert out.loc[0, "verdict"] == "holds"


@pytest.mark.parametrize("stated, precision, reference, expected", [
    ("2009", "year", "2009-10-22", "holds"),
    ("2009", "year", "2009-10", "holds"),
    ("2022-10-12/2022-10-13", "range", "2022-10-12", "holds"),
    ("2022-05-10", "day", "2022-05", "unresolved to the day"),
])
def test_an_event_date_holds_at_the_precision_the_text_gives(stated, precision, reference, expected):
    refs = pd.DataFrame([date_ref("d01", reference)], columns=REFERENCE_COLUMNS)
    checks = pd.DataFrame({"event_id": ["doc-e01"], "checkable": [True], "checkable_reason": ["a dated visit"],
                           "reference_ids": ["d01"]})
    assert check_events(events_frame(stated, precision), checks, refs).loc[0, "verdict"] == expected


def test_reference_table_yields_dates_as_event_date_references():
    dates = pd.DataFrame([{"ref_id": "d01", "subject": "kazakhstan", "partner": "wto", "event": "accession",
                           "date": "2015-11-30", "date_precision": "day", "agency": "WTO", "publisher": "WTO",
                           "title": "T", "url": "https://example.org", "published": "", "accessed": "2026-12-03",
                           "tier": 1, "locator": "", "note": ""}])
    empty = pd.DataFrame(columns=["fact_id", *REFERENCE_COLUMNS[2:]]).assign(tier=[])
    refs = reference_table(trade_rows({"russia": 1e9}), empty, dates)
    row = refs.set_index("ref_id").loc["d01"]
    assert (row["metric"], row["period"], row["kind"], row["definition"]) == ("event_date", "2015-11-30", "date",
                                                                            "accession")


def test_an_ordering_claim_is_checked_against_the_order_of_its_linked_dates():
    stated = claim(quote="his first foreign visit, to Turkey", metric="foreign_visit_rank", subject="tokayev",
                   period="2022-05-10", value=1, unit="rank")
    dates = [ref(i, float("nan"), period=p, metric="event_date", partner=partner, subject="tokayev", kind="date",
                 unit="", tier=2)
             for i, p, partner in (("d1", "2022-02-04", "china"), ("d2", "2022-02-10", "russia"),
                                   ("d3", "2022-05-10/2022-05-11", "turkiye"))]
    out = verdict_of([stated], dates, links="d1;d2;d3")
    assert out.loc[0, "verdict"] == "differs"
    assert out.loc[0, "reference_value"] == 3 and out.loc[0, "reference_id"] == "order:d1;d2;d3"
    later = [ref("d4", float("nan"), period="2022-06-01", metric="event_date", partner="china", subject="tokayev",
                 kind="date", unit="", tier=2)]
    assert verdict_of([stated], dates[2:] + later, links="d3;d4").loc[0, "verdict"] == "holds"
    # the own visit alone says nothing about the order: no computed reference
    assert verdict_of([stated], dates[2:], links="d3").loc[0, "verdict"] == "unverified"


def test_a_rank_has_no_rounding_its_explanation_says_same_place_or_how_many_places_apart():
    rank = {"metric": "trade_partner_rank", "unit": "rank", "qualifier": "exact"}
    out = verdict_of([claim(quote="5th", value=5, **rank), claim("doc-c02", quote="2nd", value=2, **rank)],
                     [ref("f01", 5, **{k: rank[k] for k in ("metric", "unit")})])
    assert out["verdict"].tolist() == ["holds", "differs"]
    assert out.loc[0, "explanation"] == "Agency via Publisher: 5th (2021); stated 5th, the same place"
    assert out.loc[1, "explanation"] == "Agency via Publisher: 5th (2021); stated 2nd, differs by 3 places"
    assert not out["explanation"].str.contains("rounding").any()
