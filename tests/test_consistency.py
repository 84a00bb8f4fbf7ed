"""Verdict logic of kzanalysis.consistency on small literal examples with known answers."""
from __future__ import annotations

import math

import pandas as pd
import pytest

from kzanalysis.analysis.agreement import (
    agreement_matrix,
    claim_pairs,
    claim_verdicts,
    event_pairs,
    event_verdicts,
    interval_gap,
    intervals_overlap,
    series_verdicts,
    uncorroborated_claims,
)
from kzanalysis.analysis.arithmetic import arithmetic_checks
from kzanalysis.analysis.comparable import periods_match
from kzanalysis.analysis.dating import document_date_bounds, event_date_checks
from kzanalysis.analysis.factcheck import check_claims
from kzanalysis.analysis.naming import (
    misspelling_rates,
    misspellings,
    naming_table,
    origin_evidence,
    surface_forms,
    text_artefacts,
    unlisted_names,
    word_tokens,
)
from kzanalysis.analysis.profiles import profile_paragraphs
from kzanalysis.analysis.references import REFERENCE_COLUMNS
from kzanalysis.figures.consistency import agreement_matrix_figure

CLAIM_COLUMNS = ["claim_id", "doc_id", "quote", "subject", "metric", "partner", "period", "value", "unit", "qualifier"]


def claims_frame(rows: list[tuple]) -> pd.DataFrame:
    """Claims from (claim_id, doc_id, quote, subject, metric, partner, period, value, unit, qualifier)."""
    return pd.DataFrame(rows, columns=CLAIM_COLUMNS)


def events_frame(rows: list[tuple]) -> pd.DataFrame:
    """Events from (event_id, event_key, doc_id, date, type)."""
    return pd.DataFrame(rows, columns=["event_id", "event_key", "doc_id", "date", "type"])


def sources_frame(rows: list[tuple]) -> pd.DataFrame:
    """Sources from (doc_id, date, date_precision, date_basis)."""
    frame = pd.DataFrame(rows, columns=["doc_id", "date", "date_precision", "date_basis"])
    frame["date"] = pd.to_datetime(frame["date"])
    return frame


# --- comparing stated intervals (the intervals come from kzanalysis.trade) ------------

def test_touching_rounding_intervals_do_not_overlap_but_shared_ranges_do():
    assert not intervals_overlap((14.5, 15.5), (15.5, 16.5))
    assert intervals_overlap((5.25e9, 5.35e9), (5.335e9, 5.345e9))
    assert intervals_overlap((5e9, math.inf), (4.95e9, 5.05e9))
    assert interval_gap((5.25e9, 5.35e9), (6.25e9, 6.35e9)) == pytest.approx(0.9e9)


def test_an_approximate_figure_agrees_with_a_nearby_exact_one():
    claims = claims_frame([
        ("a-c01", "doc-a", "nearly three thousand companies", "turkiye", "companies", "kazakhstan", "2022", 3000, "count", "approximate"),
        ("b-c01", "doc-b", "2,800 companies", "turkiye", "companies", "kazakhstan", "2022", 2800, "count", "exact"),
    ])
    assert claim_pairs(claims).loc[0, "verdict"] == "agree"


# --- claims across sources -------------------------------------------------------------

TRADE_2021_A = ("a-c01", "doc-a", "reached 5.3 billion dollars in 2021", "kazakhstan", "trade_turnover", "turkiye", "2021", 5.3e9, "usd", "exact")


def test_two_sources_agree_within_rounding_of_the_less_precise_figure():
    claims = claims_frame([TRADE_2021_A,
                           ("b-c01", "doc-b", "turnover was $5.34 billion", "kazakhstan", "trade_turnover", "turkiye", "2021", 5.34e9, "usd", "exact")])
    pairs = claim_pairs(claims)
    assert pairs[["claim_a", "claim_b", "verdict"]].values.tolist() == [["a-c01", "b-c01", "agree"]]
    assert pairs.loc[0, "gap"] == 0


def test_a_conflict_states_by_how_much_the_sources_differ():
    claims = claims_frame([TRADE_2021_A,
                           ("b-c01", "doc-b", "turnover was $6.3 billion", "kazakhstan", "trade_turnover", "turkiye", "2021", 6.3e9, "usd", "exact")])
    pair = claim_pairs(claims).iloc[0]
    assert pair["verdict"] == "conflict"
    assert pair["difference"] == pytest.approx(1.0e9)
    assert pair["relative_difference"] == pytest.approx(1.0e9 / 5.3e9)
    assert pair["gap"] == pytest.approx(6.25e9 - 5.35e9)


def test_different_periods_of_the_same_series_are_complementary():
    claims = claims_frame([TRADE_2021_A,
                           ("b-c01", "doc-b", "surged to $6.3 billion", "kazakhstan", "trade_turnover", "turkiye", "2022", 6.3e9, "usd", "exact")])
    pair = claim_pairs(claims).iloc[0]
    assert (pair["verdict"], pair["note"]) == ("complementary", "different periods")


def test_a_part_of_a_period_larger_than_the_whole_is_a_conflict():
    claims = claims_frame([
        ("a-c01", "doc-a", "exports were $2 billion in 2023", "kazakhstan", "exports", "turkiye", "2023", 2e9, "usd", "exact"),
        ("b-c01", "doc-b", "exports reached $2.92 billion", "kazakhstan", "exports", "turkiye", "2023-01/2023-09", 2.92e9, "usd", "exact"),
    ])
    assert claim_pairs(claims).loc[0, "verdict"] == "conflict"


def test_a_stated_growth_rate_contradicted_by_two_sources_values_is_a_conflict():
    claims = claims_frame([
        ("a-c01", "doc-a", "turnover of $4 billion in 2020", "kazakhstan", "trade_turnover", "turkiye", "2020", 4e9, "usd", "exact"),
        ("b-c01", "doc-b", "reached 5.3 billion by an increase of 58%", "kazakhstan", "trade_turnover", "turkiye", "2021", 5.3e9, "usd", "exact"),
        ("b-c02", "doc-b", "reached 5.3 billion by an increase of 58%", "kazakhstan", "trade_turnover_growth", "turkiye", "2021", 58, "percent", "exact"),
    ])
    pair = claim_pairs(claims).query("metric == 'trade_turnover'").iloc[0]
    assert pair["verdict"] == "conflict"
    assert "+32.5%" in pair["note"] and "b-c02" in pair["note"]


def test_claims_of_one_document_are_never_paired_with_each_other():
    claims = claims_frame([TRADE_2021_A, ("a-c02", "doc-a", "6.3 billion", "kazakhstan", "trade_turnover", "turkiye", "2021", 6.3e9, "usd", "exact")])
    assert claim_pairs(claims).empty


def test_claim_verdicts_mark_single_source_claims_uncorroborated():
    claims = claims_frame([
        TRADE_2021_A,
        ("b-c01", "doc-b", "turnover was $5.34 billion", "kazakhstan", "trade_turnover", "turkiye", "2021", 5.34e9, "usd", "exact"),
        ("b-c02", "doc-b", "30 billion barrels", "kazakhstan", "oil_reserves", "", "", 30e9, "barrels", "exact"),
    ])
    verdicts = claim_verdicts(claims, claim_pairs(claims)).set_index("claim_id")
    assert verdicts["verdict"].to_dict() == {"a-c01": "agree", "b-c01": "agree", "b-c02": "uncorroborated"}
    assert verdicts.loc["a-c01", "agreeing_claims"] == "b-c01"
    assert uncorroborated_claims(verdicts.reset_index())["claim_id"].tolist() == ["b-c02"]


def test_series_verdict_is_conflict_when_any_pair_conflicts():
    claims = claims_frame([
        TRADE_2021_A,
        ("b-c01", "doc-b", "$5.34 billion", "kazakhstan", "trade_turnover", "turkiye", "2021", 5.34e9, "usd", "exact"),
        ("c-c01", "doc-c", "$6.3 billion", "kazakhstan", "trade_turnover", "turkiye", "2021", 6.3e9, "usd", "exact"),
    ])
    series = series_verdicts(claims, claim_pairs(claims))
    assert series[["n_sources", "verdict", "n_agree", "n_conflict"]].values.tolist() == [[3, "conflict", 1, 2]]


# --- events across sources -------------------------------------------------------------

def test_event_dates_agree_when_they_overlap_at_the_coarser_precision():
    events = events_frame([("a-e1", "visit", "doc-a", "2022-05", "visit"), ("b-e1", "visit", "doc-b", "2022-05-10", "visit")])
    pair = event_pairs(events).iloc[0]
    assert (pair["verdict"], pair["gap_days"]) == ("agree", 0)


def test_an_event_date_conflict_counts_the_days_between_the_nearest_bounds():
    events = events_frame([("a-e1", "visit", "doc-a", "2022-05", "visit"), ("b-e1", "visit", "doc-b", "2022-07-01", "visit"),
                           ("c-e1", "visit", "doc-c", "2022-05-10/2022-05-12", "visit")])
    pairs = event_pairs(events).set_index(["doc_a", "doc_b"])
    assert pairs.loc[("doc-a", "doc-b"), ["verdict", "gap_days"]].tolist() == ["date_conflict", 31]
    assert pairs.loc[("doc-b", "doc-c"), "gap_days"] == 50
    assert pairs.loc[("doc-a", "doc-c"), "verdict"] == "agree"
    verdicts = event_verdicts(events, event_pairs(events)).set_index("event_id")["verdict"]
    assert verdicts.to_dict() == {"a-e1": "date_conflict", "b-e1": "date_conflict", "c-e1": "date_conflict"}


def test_agreement_matrix_is_symmetric_and_counts_claims_and_events_together():
    claims = claims_frame([TRADE_2021_A, ("b-c01", "doc-b", "$5.34 billion", "kazakhstan", "trade_turnover", "turkiye", "2021", 5.34e9, "usd", "exact")])
    events = events_frame([("a-e1", "visit", "doc-a", "2022-05", "visit"), ("b-e1", "visit", "doc-b", "2022-07-01", "visit")])
    matrix = agreement_matrix(claim_pairs(claims), event_pairs(events), ["doc-a", "doc-b", "doc-c"])
    cell = matrix.set_index(["doc_a", "doc_b"])
    assert cell.loc[("doc-a", "doc-b"), ["agree", "conflict"]].tolist() == [1, 1]
    assert cell.loc[("doc-b", "doc-a"), ["agree", "conflict"]].tolist() == [1, 1]
    assert cell.loc[("doc-a", "doc-c"), ["agree", "conflict"]].tolist() == [0, 0]
    assert len(matrix) == 9


# --- claims against references ---------------------------------------------------------

def test_a_reference_outside_the_rounding_interval_differs_even_within_five_percent():
    # the old rule accepted 190 bn against 197.1 bn (3.6 % away); "190 billion" stands for [189.5, 190.5) bn
    claims = claims_frame([
        ("a-c01", "doc-a", "increased it to 190 billion dollars in 2021", "kazakhstan", "gdp", "", "2021", 190e9, "usd", "exact"),
    ])
    refs = pd.DataFrame([
        {"ref_id": "f01", "kind": "fact", "subject": "kazakhstan", "metric": "gdp", "partner": "", "reporter": "",
         "period": "2021", "value": 197.1e9, "unit": "usd", "definition": "", "tier": 1, "agency": "A",
         "publisher": "P", "title": "T", "url": "https://example.org", "published": "", "accessed": "2026-12-03",
         "inputs": ""}], columns=REFERENCE_COLUMNS)
    checks = pd.DataFrame({"claim_id": ["a-c01"], "checkable": True, "checkable_reason": "a statistic",
                           "reference_ids": ["f01"]})
    sources = pd.DataFrame({"doc_id": ["doc-a"], "date": ["2022-10-13"]})
    assert check_claims(claims, checks, refs, sources)["verdict"].tolist() == ["differs"]
    assert check_claims(claims, checks, refs.assign(value=190.4e9), sources)["verdict"].tolist() == ["holds"]


# --- internal consistency --------------------------------------------------------------

def test_a_growth_multiple_is_checked_against_the_documents_own_levels():
    claims = claims_frame([
        ("a-c01", "doc-a", "has grew 17 fold in 30 years", "kazakhstan", "gdp_growth_multiple", "", "1991/2021", 17, "multiple", "exact"),
        ("a-c02", "doc-a", "was 11.4 billion dollars", "kazakhstan", "gdp", "", "1992", 11.4e9, "usd", "exact"),
        ("a-c03", "doc-a", "to 190 billion dollars in 2021", "kazakhstan", "gdp", "", "2021", 190e9, "usd", "exact"),
    ])
    check = arithmetic_checks(claims).iloc[0]
    assert (check["check"], check["verdict"]) == ("growth multiple", "consistent")
    assert check["computed"].startswith("×16.7")


def test_a_percent_change_without_the_earlier_value_reports_the_implied_value():
    claims = claims_frame([
        ("a-c01", "doc-a", "decreased by 18.4% to $2.92 billion", "kazakhstan", "exports_growth", "turkiye", "2023-01/2023-09", -18.4, "percent", "exact"),
        ("a-c02", "doc-a", "decreased by 18.4% to $2.92 billion", "kazakhstan", "exports", "turkiye", "2023-01/2023-09", 2.92e9, "usd", "exact"),
    ])
    check = arithmetic_checks(claims).iloc[0]
    assert check["verdict"] == "not checkable"
    assert check["computed"] == "implies exports 2022-01/2022-09 = 3.57843 bn USD"


def test_a_percent_change_contradicted_by_the_documents_own_values_is_inconsistent():
    claims = claims_frame([
        ("a-c01", "doc-a", "an increase of 58%", "kazakhstan", "trade_turnover_growth", "turkiye", "2021", 58, "percent", "exact"),
        ("a-c02", "doc-a", "5.3 billion", "kazakhstan", "trade_turnover", "turkiye", "2021", 5.3e9, "usd", "exact"),
        ("a-c03", "doc-a", "4.0 billion", "kazakhstan", "trade_turnover", "turkiye", "2020", 4.0e9, "usd", "exact"),
    ])
    check = arithmetic_checks(claims).iloc[0]
    assert (check["verdict"], check["computed"]) == ("inconsistent", "+32.5%")


def test_exports_plus_imports_must_match_the_turnover_of_the_same_period():
    claims = claims_frame([
        ("a-c01", "doc-a", "$2.92 billion", "kazakhstan", "exports", "turkiye", "2023", 2.92e9, "usd", "exact"),
        ("a-c02", "doc-a", "$1.51 billion", "kazakhstan", "imports", "turkiye", "2023", 1.51e9, "usd", "exact"),
        ("a-c03", "doc-a", "$6.3 billion", "kazakhstan", "trade_turnover", "turkiye", "2023", 6.3e9, "usd", "exact"),
    ])
    check = arithmetic_checks(claims).query("check == 'total'").iloc[0]
    assert check["verdict"] == "inconsistent"
    assert check["computed"] == "4.43 bn USD (exports + imports)"


def test_the_same_figure_stated_twice_in_one_document_must_agree():
    claims = claims_frame([
        ("a-c01", "doc-a", "15 agreements were signed", "kazakhstan", "agreements_signed", "turkiye", "2022-05-10", 15, "count", "exact"),
        ("a-c02", "doc-a", "a total of 16 agreements", "kazakhstan", "agreements_signed", "turkiye", "2022-05-10", 16, "count", "exact"),
    ])
    check = arithmetic_checks(claims).iloc[0]
    assert (check["check"], check["verdict"]) == ("repeat", "inconsistent")


def test_an_event_after_the_documents_date_is_a_date_conflict_unless_it_is_a_plan():
    sources = sources_frame([("doc-a", "2022-05-11", "day", "stated")])
    events = events_frame([("a-e1", "k1", "doc-a", "2022-07", "visit"), ("a-e2", "k2", "doc-a", "2025", "strategy"),
                           ("a-e3", "k3", "doc-a", "2022-05-10", "visit")])
    events["date_basis"] = "stated"
    checks = event_date_checks(events, sources).set_index("event_id")
    assert checks["verdict"].to_dict() == {"a-e1": "after the document's date", "a-e2": "plan dated after the document",
                                           "a-e3": "consistent"}
    assert checks.loc["a-e3", "days_before_document"] == 1


# --- dating ------------------------------------------------------------------------------

def test_the_latest_event_bounds_the_writing_date_and_a_stated_date_before_it_conflicts():
    sources = sources_frame([("doc-a", "2022-10-13", "day", "inferred"), ("doc-b", "2022-05-01", "day", "stated"),
                             ("doc-c", "2023-01-01", "month", "inferred")])
    events = events_frame([("a-e1", "k1", "doc-a", "2022-10-12/2022-10-13", "visit"), ("a-e2", "k2", "doc-a", "2025", "strategy"),
                           ("b-e1", "k3", "doc-b", "2022-05-10", "visit")])
    bounds = document_date_bounds(events, sources).set_index("doc_id")
    assert bounds.loc["doc-a", ["latest_event", "bound", "days_after_bound", "verdict"]].tolist() == [
        "a-e1", "2022-10-12", 1, "consistent"]
    assert bounds.loc["doc-b", ["days_after_bound", "verdict"]].tolist() == [-9, "date precedes what it refers to"]
    assert bounds.loc["doc-c", "verdict"] == "nothing dated"


def test_the_period_of_a_measured_figure_also_bounds_the_writing_date():
    sources = sources_frame([("doc-a", "2023-09-30", "month", "inferred")])
    events = events_frame([("a-e1", "k1", "doc-a", "2023", "purchase")])
    claims = claims_frame([
        ("a-c01", "doc-a", "$2.92 billion", "kazakhstan", "exports", "turkiye", "2023-01/2023-09", 2.92e9, "usd", "exact"),
        ("a-c02", "doc-a", "10 billion target", "kazakhstan", "trade_turnover_target", "turkiye", "2025", 10e9, "usd", "target"),
    ])
    row = document_date_bounds(events, sources, claims).iloc[0]
    assert row[["event_bound", "latest_claim", "claim_bound", "bound", "days_after_bound"]].tolist() == [
        "2023-01-01", "a-c01", "2023-09-30", "2023-09-30", 0]


# --- naming and text quality -----------------------------------------------------------

MENTIONS = pd.DataFrame([
    ("doc-a", 0, "turkiye", "Turkey", 0, 6, "Turkey"),
    ("doc-a", 1, "turkiye", "Turkey", 20, 26, "Turkey"),
    ("doc-b", 0, "turkiye", "Türkiye", 0, 7, "Türkiye"),
    ("doc-b", 0, "tokayev", "Kasym-Dschomart Tokayev", 10, 33, "Kasym-Dschomart Tokayev"),
    ("doc-a", 1, "russia", "Russia", 30, 36, "Russia"),
], columns=["doc_id", "sentence_id", "actor_id", "alias", "start", "end", "matched"])

ALIASES = pd.DataFrame([
    ("Turkey", "turkiye", "name", ""), ("Türkiye", "turkiye", "name", ""),
    ("Kasym-Dschomart Tokayev", "tokayev", "transliteration", "German transliteration"), ("Russia", "russia", "name", ""),
], columns=["alias", "actor_id", "form", "notes"])


def test_naming_table_lists_each_sources_forms_for_actors_written_in_several_ways():
    actors = pd.DataFrame({"actor_id": ["turkiye", "tokayev", "russia"], "name": ["Türkiye", "Kassym-Jomart Tokayev", "Russia"]})
    table = naming_table(surface_forms(MENTIONS), actors, ["doc-a", "doc-b"])
    assert table.values.tolist() == [["turkiye", "Türkiye", 2, "Turkey (2)", "Türkiye (1)"]]


def test_transliterated_aliases_are_reported_as_evidence_of_origin():
    origin = origin_evidence(MENTIONS, ALIASES)
    assert origin[["doc_id", "form", "alias_form", "n", "notes"]].values.tolist() == [
        ["doc-b", "Kasym-Dschomart Tokayev", "transliteration", 1, "German transliteration"]]


def _sentences(rows: list[tuple]) -> pd.DataFrame:
    """Sentences from (doc_id, sentence_id, start, kind, sentence)."""
    frame = pd.DataFrame(rows, columns=["doc_id", "sentence_id", "start", "kind", "sentence"])
    frame["end"] = frame["start"] + frame["sentence"].str.len()
    return frame


def test_unlisted_names_are_capitalised_runs_outside_the_gazetteer_ranked_by_frequency():
    sents = _sentences([
        ("doc-a", 0, 0, "sentence", "Moreover, Turkey met the Islamic Development Bank in Jeddah."),
        ("doc-a", 1, 100, "sentence", "The bank met in Jeddah; the talks went well."),
        ("doc-b", 0, 0, "heading", "Foreign Policy Openings"),
    ])
    mentions = pd.DataFrame([("doc-a", 0, "turkiye", "Turkey", 10, 16, "Turkey")],
                            columns=["doc_id", "sentence_id", "actor_id", "alias", "start", "end", "matched"])
    names = unlisted_names(sents, mentions)
    assert names[["name", "n", "n_docs"]].values.tolist() == [["Jeddah", 2, 1], ["Islamic Development Bank", 1, 1]]


def test_misspelling_rate_counts_lower_case_words_outside_the_word_list_and_outside_names():
    sents = _sentences([("doc-a", 0, 0, "sentence", "Kazkhstan sold oil for dolars to Turkey and its parter.")])
    mentions = pd.DataFrame([("doc-a", 0, "kazakhstan", "Kazkhstan", 0, 9, "Kazkhstan"), ("doc-a", 0, "turkiye", "Turkey", 34, 40, "Turkey")],
                            columns=["doc_id", "sentence_id", "actor_id", "alias", "start", "end", "matched"])
    tokens = word_tokens(sents, mentions)
    words = {"sold", "oil", "for", "dollars", "to", "and", "its", "partner"}
    assert misspellings(tokens, words)[["token", "n"]].values.tolist() == [["dolars", 1], ["parter", 1]]
    rate = misspelling_rates(tokens, words).iloc[0]
    assert rate[["n_words", "n_judged", "n_unknown"]].tolist() == [10, 8, 2]
    assert rate["per_1000_words"] == pytest.approx(250.0)
    assert math.isnan(misspelling_rates(tokens, None).loc[0, "per_1000_words"])


def test_text_artefacts_count_spacing_slips_and_turkish_letters_inside_english_words():
    sents = _sentences([("doc-a", 0, 0, "sentence", "Wednesday , July: conflicts,received and Erdoğan‘s Confıdence measures."),
                        ("doc-b", 0, 0, "sentence", "Confidence building.")])
    tokens = word_tokens(sents, MENTIONS.iloc[0:0])
    exclusions = pd.DataFrame({"doc_id": ["doc-a"], "quote": ["Similar Posts"]})
    origin = origin_evidence(MENTIONS, ALIASES)
    art = text_artefacts(sents, tokens, exclusions, origin, ["doc-a", "doc-b"]).set_index("doc_id")
    assert art.loc["doc-a", ["excluded_spans", "excluded_chars", "space before punctuation", "no space after punctuation",
                             "opening quote as apostrophe", "foreign_letter_in_word"]].tolist() == [1, 13, 1, 1, 1, 1]
    assert art.loc["doc-b", "transliterations"] == 1


def test_profile_paragraphs_are_built_from_the_measures_only():
    profiles = pd.DataFrame([{
        "doc_id": "doc-a", "outlet": "Outlet *bold*", "perspective": "", "date": "2022-05-11", "date_basis": "stated",
        "n_claims": 10, "n_shared": 4, "n_corroborated": 2, "corroborated_share": 0.2, "n_conflicts": 1,
        "n_events": 3, "events_corroborated": 2, "event_conflicts": 0, "n_checkable": 4, "reference_share": 0.75,
        "n_not_holding": 1, "unknown_per_1000": math.nan, "artefacts": 2, "excluded_spans": 1, "origin_forms": 0,
        "date_verdict": "consistent"}])
    text = profile_paragraphs(profiles)
    assert "Outlet \\*bold\\*" in text
    assert "2 of 10 (20%) are confirmed by another source; 1 claim conflicts with another source." in text
    assert "Most of its figures therefore rest on this source alone." in text
    assert "3 of 4 (75%) of its checkable claims hold and 1 differs: accuracy is mixed." in text
    assert "another source dates 2 of them the same way and none differently." in text




def test_a_count_dated_to_the_month_and_one_dated_to_the_day_are_the_same_period():
    claims = claims_frame([
        ("a-c01", "doc-a", "15 agreements were signed", "kazakhstan", "agreements_signed", "turkiye", "2022-05-10", 15, "count", "exact"),
        ("b-c01", "doc-b", "a total of 15 agreements", "kazakhstan", "agreements_signed", "turkiye", "2022-05", 15, "count", "exact"),
    ])
    assert claim_pairs(claims).loc[0, "verdict"] == "agree"


def test_periods_match_only_the_same_period_for_flows_and_multi_year_spans():
    assert periods_match("2022", "2022-05", "trade_partner_rank")
    assert not periods_match("2022", "2022-01/2022-06", "trade_turnover")
    assert not periods_match("1991/2021", "1991/2019", "fdi_cumulative")
    assert not periods_match("", "2022", "oil_reserves")
    assert periods_match("", "", "trade_turnover_target")


def test_the_agreement_matrix_figure_renders_to_identical_svg_bytes_twice():
    import matplotlib.pyplot as plt

    from kzanalysis import figures as kzf

    claims = claims_frame([TRADE_2021_A, ("b-c01", "doc-b", "$5.34 billion", "kazakhstan", "trade_turnover", "turkiye", "2021", 5.34e9, "usd", "exact")])
    matrix = agreement_matrix(claim_pairs(claims), event_pairs(events_frame([])), ["doc-a", "doc-b"])
    kzf.use_house_style()
    renders = []
    for _ in range(2):
        fig = agreement_matrix_figure(matrix)
        renders.append(kzf.figure_bytes(fig, "svg"))
        plt.close(fig)
    assert renders[0] == renders[1]
