"""The evaluation of the extractor (kzanalysis.extract.evaluation, extract.eval_set) on small literal inputs."""
from __future__ import annotations

import pandas as pd

from kzanalysis.extract.eval_set import (
    actor_problems,
    gold_groups,
    overlap_problems,
    quote_problems,
    same_as_problems,
    split_of,
)
from kzanalysis.extract.evaluation import (
    EVAL_COLUMNS,
    bootstrap_scores,
    counterpart_partner,
    full_match,
    match_event_dates,
    match_mentions,
    match_values,
    not_numeric_claim,
    task_counts,
)


def frame(rows, columns) -> pd.DataFrame:
    return pd.DataFrame(rows, columns=columns)


MENTION = ["doc_id", "start", "end", "actor_id"]
QUANTITY = ["doc_id", "start", "end", "value", "unit", "period", "partner"]
EVENT = ["doc_id", "start", "end", "date", "date_precision"]


def test_the_split_rule_is_the_first_hex_digit_of_sha256():
    # sha256("efe-01") starts with 0-7, sha256("trend-01") with 8-f (see data/eval/GUIDELINES.md)
    assert split_of("efe-01") == "dev"
    assert split_of("trend-01") == "test"


def test_a_mention_matches_by_overlap_and_actor():
    pred = frame([("a", 0, 7, "china"), ("a", 20, 26, "russia")], MENTION)
    gold = frame([("a", 0, 7, "china"), ("a", 20, 26, "kazakhstan"), ("b", 0, 7, "china")], MENTION)
    assert match_mentions(pred, gold) == [0, -1, -1]


def test_a_value_matches_by_overlap_and_absolute_value_and_full_match_needs_the_rest():
    pred = frame([("a", 10, 13, -17.0, "percent", "2023", "kyrgyzstan"), ("a", 30, 42, 2.9e9, "usd", "", "")],
                 QUANTITY)
    gold = frame([("a", 10, 13, -17.0, "percent", "2023", "kyrgyzstan"),
                  ("a", 30, 42, 2.9e9 * (1 + 1e-12), "usd", "2023", "kyrgyzstan")], QUANTITY)
    assert match_values(pred, gold) == [0, 1]
    assert full_match(pred.loc[0], gold.loc[0])
    assert not full_match(pred.loc[1], gold.loc[1])  # period and partner missing
    assert not full_match(pred.loc[0].copy().replace({-17.0: 17.0}), gold.loc[0])  # the sign of a change counts


def test_an_event_date_needs_the_same_date_and_precision():
    pred = frame([("a", 5, 15, "2022-11-28", "day"), ("a", 40, 49, "2022", "year")], EVENT)
    gold = frame([("a", 5, 14, "2022-11-28", "day"), ("a", 40, 49, "2022-05", "month")], EVENT)
    assert match_event_dates(pred, gold) == [0, -1]


def test_a_repeated_figure_is_one_claim():
    gold = frame([("a", "q01", ""), ("a", "q02", "same as q01"), ("a", "q03", "same as q02; 'over'"),
                  ("b", "q01", "")], ["doc_id", "qid", "notes"])
    assert gold_groups(gold).tolist() == ["a:q01", "a:q01", "a:q01", "b:q01"]


def test_counts_per_document_and_task():
    pred = {"mentions": frame([("a", 0, 5, "china")], MENTION),
            "quantities": frame([("a", 10, 13, 5.0, "percent", "2023", "china"),
                                 ("a", 50, 52, 7.0, "count", "", "")], QUANTITY),
            "events": frame([("a", 60, 70, "2023-01-02", "day")], EVENT)}
    gold = {"mentions": frame([("a", 0, 5, "china"), ("b", 0, 5, "china")], MENTION),
            "quantities": frame([("a", 10, 13, 5.0, "percent", "2023", "china"),
                                 ("a", 80, 83, 5.0, "percent", "2023", "china")], QUANTITY).assign(group=["g1", "g1"]),
            "events": frame([("b", 60, 70, "2023-01-02", "day")], EVENT)}
    counts = task_counts(pred, gold, ["a", "b"]).set_index(["task", "doc_id"])
    assert counts.loc[("mentions", "a")].tolist() == [1, 1, 1, 1]
    assert counts.loc[("mentions", "b")].tolist() == [1, 0, 0, 0]
    assert counts.loc[("quantity values", "a")].tolist() == [1, 2, 1, 1]  # one group, found once
    assert counts.loc[("event dates (date+precision)", "a")].tolist() == [0, 1, 0, 0]


def test_bootstrap_intervals_are_deterministic_and_contain_the_estimate():
    counts = frame([("t", d, 10, 10, f, f) for d, f in zip("abcdef", [10, 9, 8, 10, 7, 9])],
                   ["task", "doc_id", "gold", "predicted", "found", "correct"])
    one = bootstrap_scores(counts, n_resamples=500, seed=1)
    two = bootstrap_scores(counts, n_resamples=500, seed=1)
    pd.testing.assert_frame_equal(one, two)
    row = one.iloc[0]
    assert list(one.columns) == EVAL_COLUMNS[1:]
    assert row["precision"] == 53 / 60
    assert row["precision_low"] <= row["precision"] <= row["precision_high"] <= 1.0


def test_a_quote_that_is_not_its_text_span_is_a_problem():
    texts = {"a": "Trade rose 33% in 2021."}
    rows = frame([(2, "a", 11, 14, "33%"), (3, "a", 11, 14, "34%"), (4, "z", 0, 1, "T")],
                 ["line", "doc_id", "start", "end", "text"])
    problems = quote_problems(rows, texts, "data/eval/quantities.csv")
    assert [(p.line, p.field) for p in problems] == [(3, "text"), (4, "doc_id")]


def test_overlapping_mentions_of_one_document_are_problems_and_touching_ones_are_not():
    rows = frame([(2, "a", 0, 10), (3, "a", 5, 8), (4, "a", 11, 12), (5, "b", 6, 9), (6, "a", 9, 11)],
                 ["line", "doc_id", "start", "end"])
    problems = overlap_problems(rows, "data/eval/mentions.csv")
    assert [(p.line, p.field) for p in problems] == [(3, "start"), (6, "start")]
    assert "overlaps line 2 [0:10]" in problems[1].message


def test_a_mention_names_an_actor_of_the_gazetteer_or_of_the_sets_own_list_and_never_both():
    rows = frame([(2, "a", "kazakhstan"), (3, "a", "sdf_group"), (4, "b", "atlantis")], ["line", "doc_id", "actor_id"])
    problems = actor_problems(rows, "data/eval/mentions.csv", {"kazakhstan", "china"}, {"sdf_group": 2, "china": 3})
    assert [(p.file, p.line, p.field) for p in problems] == [("data/eval/mentions.csv", 4, "actor_id"),
                                                           ("data/eval/actors.csv", 3, "actor_id")]
    assert "'atlantis' is neither in data/actors.csv nor in data/eval/actors.csv" in problems[0].message
    assert "'china' is in data/actors.csv too" in problems[1].message


def test_a_same_as_note_must_name_a_qid_of_its_own_document():
    rows = frame([(2, "a", "q01", ""), (3, "a", "q02", "same as q01"), (4, "b", "q01", "same as q02")],
                 ["line", "doc_id", "qid", "notes"])
    problems = same_as_problems(rows, "data/eval/quantities.csv")
    assert [(p.line, p.field) for p in problems] == [(4, "notes")]


def test_seed_gold_leaves_out_what_the_guidelines_do_not_count_as_numeric_claims():
    claims = frame([
        ("Xi Jinping made his first foreign visit to Kazakhstan", "foreign_visit_rank", "rank", 1.0),
        ("Kazakhstan is known as the largest oil producer", "oil_production_rank", "rank", 1.0),
        ("Tokayev attended the 3rd meeting of the Council", "council_meeting_number", "count", 3.0),
        ("In the 30th anniversary of its independence", "anniversary_years", "year", 30.0),
        ("In the last five years, 25 agreements have been signed", "agreements_signed_period_years", "year", 5.0),
        ("Turkey is the fifth largest trade partner of Kazakhstan", "trade_partner_rank", "rank", 5.0),
        ("among the top 10 investors", "investor_rank", "rank", 10.0),
        ("28-years president Nursultan Nazarbayev", "presidency_years", "year", 28.0),
        ("In the last five years, 25 agreements have been signed", "agreements_signed", "count", 25.0),
    ], ["quote", "metric", "unit", "value"])
    assert not_numeric_claim(claims).tolist() == [True] * 5 + [False] * 4


def test_seed_gold_partner_is_the_counterpart_of_kazakhstan():
    claims = frame([("turkiye", "kazakhstan"), ("kazakhstan", "china"), ("", "kazakhstan"), ("russia", "")],
                   ["subject", "partner"])
    assert counterpart_partner(claims).tolist() == ["turkiye", "china", "kazakhstan", ""]

