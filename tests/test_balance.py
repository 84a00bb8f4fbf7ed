"""Attention shares, balance indices, bootstrap, tone, co-mentions and events (balance.py)."""
from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest

from kzanalysis.analysis.attention import (
    PARTNER_VECTORS,
    attention_comparison,
    attention_shares,
    balance_indices,
    convex_hull,
    heading_sensitivity,
    mentions_by_segment_kind,
    mentions_with_segments,
    salience_with_pooled,
    sentence_salience,
    sentence_vector_counts,
    shares_with_pooled,
    ternary_regions,
    ternary_xy,
    triangle_shares,
)
from kzanalysis.analysis.bootstrap import (
    bootstrap_differences,
    bootstrap_indices,
    bootstrap_shares,
    bootstrap_triangle,
    first_last_differences,
    indices_per_sentence,
    resampled_counts,
    shares_by_date,
    top_vector_margins,
)
from kzanalysis.analysis.events import events_per_vector, partner_events, period_midpoint
from kzanalysis.analysis.network import actor_nodes, co_mention_matrix, co_mentions, node_sentences, node_table
from kzanalysis.analysis.stats import herfindahl, normalised_entropy, wilson_interval
from kzanalysis.analysis.tone import (
    framing_table,
    lexicon_summary,
    sentence_tone,
    tone_examples,
    tone_terms,
    top_tone_cells,
    vector_tone,
)

K = len(PARTNER_VECTORS)


def mentions(*rows: tuple) -> pd.DataFrame:
    """Mentions table from (doc_id, sentence_id, actor_id, vector[, start, end]) rows."""
    full = []
    for row in rows:
        doc, sid, actor, vector = row[:4]
        start, end = row[4:6] if len(row) > 4 else (0, 1)
        full.append((doc, sid, actor, actor, start, end, actor, vector, "state"))
    return pd.DataFrame(full, columns=["doc_id", "sentence_id", "actor_id", "alias", "start", "end", "matched",
                                       "vector", "kind"])


def sentences(*rows: tuple) -> pd.DataFrame:
    """Sentences table from (doc_id, sentence_id, kind[, text, start]) rows."""
    full = []
    for row in rows:
        doc, sid, kind = row[:3]
        text = row[3] if len(row) > 3 else "x"
        start = row[4] if len(row) > 4 else 0
        full.append((doc, sid, start, start + len(text), kind, text))
    return pd.DataFrame(full, columns=["doc_id", "sentence_id", "start", "end", "kind", "sentence"])


# --- indices -------------------------------------------------------------------------

def test_equal_shares_give_evenness_one_and_hhi_one_over_k():
    assert normalised_entropy([3] * K) == pytest.approx(1.0)
    assert herfindahl([3] * K) == pytest.approx(1 / K)


def test_one_vector_gives_evenness_zero_and_hhi_one():
    counts = [0, 0, 7, 0, 0, 0, 0, 0]
    assert normalised_entropy(counts) == pytest.approx(0.0)
    assert herfindahl(counts) == pytest.approx(1.0)


def test_two_equal_vectors_out_of_eight_give_evenness_one_third_and_hhi_one_half():
    counts = [5, 5, 0, 0, 0, 0, 0, 0]
    assert normalised_entropy(counts) == pytest.approx(math.log(2) / math.log(8))  # = 1/3
    assert normalised_entropy(counts) == pytest.approx(1 / 3)
    assert herfindahl(counts) == pytest.approx(0.5)


def test_indices_of_zero_counts_are_nan_and_work_along_the_last_axis():
    out = normalised_entropy(np.array([[1, 1], [0, 0], [2, 0]]))
    assert out[0] == pytest.approx(1.0) and math.isnan(out[1]) and out[2] == pytest.approx(0.0)
    assert list(herfindahl(np.array([[1, 3], [2, 2]]))) == pytest.approx([0.625, 0.5])


# --- attention shares ----------------------------------------------------------------

def test_shares_count_partner_vectors_only_and_include_zero_rows():
    m = mentions(("d1", 0, "russia", "russia"), ("d1", 0, "russia", "russia"), ("d1", 1, "china", "china"),
                 ("d1", 1, "kazakhstan", "domestic"), ("d1", 2, "ukraine", "other"),
                 ("d2", 0, "turkiye", "turkic"))
    out = attention_by_vector(attention_shares(m))
    assert list(attention_shares(m).columns) == ["doc_id", "vector", "mentions", "share"]
    assert len(attention_shares(m)) == 2 * K
    assert out["d1"] == {"russia": (2, pytest.approx(2 / 3)), "china": (1, pytest.approx(1 / 3))}
    assert out["d2"] == {"turkic": (1, pytest.approx(1.0))}
    sums = attention_shares(m).groupby("doc_id")["share"].sum()
    assert list(sums) == pytest.approx([1.0, 1.0])


def attention_by_vector(shares: pd.DataFrame) -> dict:
    """{group: {vector: (mentions, share)}} for the non-zero rows."""
    out: dict = {}
    for row in shares[shares["mentions"] > 0].itertuples(index=False):
        out.setdefault(row[0], {})[row.vector] = (row.mentions, row.share)
    return out


def test_pooled_shares_use_group_all():
    m = mentions(("d1", 0, "russia", "russia"), ("d2", 0, "china", "china"), ("d2", 1, "china", "china"),
                 ("d2", 1, "eu", "west"))
    out = attention_shares(m, by="all")
    assert list(out.columns) == ["all", "vector", "mentions", "share"]
    assert set(out["all"]) == {"all"}
    assert attention_by_vector(out)["all"] == {"russia": (1, pytest.approx(0.25)), "china": (2, pytest.approx(0.5)),
                                               "west": (1, pytest.approx(0.25))}


def test_heading_mentions_are_excluded_by_default_and_kept_on_request():
    m = mentions(("d1", 0, "russia", "russia"), ("d1", 1, "china", "china"), ("d1", 2, "china", "china"))
    s = sentences(("d1", 0, "heading"), ("d1", 1, "sentence"), ("d1", 2, "bullet"))
    tagged = mentions_with_segments(m, s)
    assert list(tagged["segment_kind"]) == ["heading", "sentence", "bullet"]
    default = attention_by_vector(attention_shares(tagged))["d1"]
    assert default == {"china": (2, pytest.approx(1.0))}
    all_kinds = attention_by_vector(attention_shares(tagged, kinds=("sentence", "bullet", "heading")))["d1"]
    assert all_kinds == {"russia": (1, pytest.approx(1 / 3)), "china": (2, pytest.approx(2 / 3))}


def test_shares_of_a_group_without_partner_mentions_are_nan():
    m = mentions(("d1", 0, "kazakhstan", "domestic"), ("d2", 0, "russia", "russia"))
    out = attention_shares(m)
    assert out.loc[out["doc_id"] == "d1", "share"].isna().all()
    assert (out.loc[out["doc_id"] == "d1", "mentions"] == 0).all()


def test_balance_indices_from_shares():
    m = mentions(*[("d1", i, v, v) for i, v in enumerate(PARTNER_VECTORS)], ("d2", 0, "russia", "russia"),
                 ("d2", 1, "russia", "russia"), ("d2", 2, "china", "china"))
    out = balance_indices(attention_shares(m)).set_index("doc_id")
    assert out.loc["d1", "evenness"] == pytest.approx(1.0)
    assert out.loc["d1", "hhi"] == pytest.approx(1 / K)
    assert out.loc["d2", "hhi"] == pytest.approx(5 / 9)
    assert (out.loc["d2", "top_vector"], out.loc["d2", "mentions"]) == ("russia", 3)
    assert out.loc["d2", "top_share"] == pytest.approx(2 / 3)


def test_sentence_salience_counts_a_sentence_once_and_divides_by_all_sentences():
    m = mentions(("d1", 0, "russia", "russia"), ("d1", 0, "putin", "russia"), ("d1", 1, "china", "china"),
                 ("d1", 1, "russia", "russia"))
    s = sentences(("d1", 0, "sentence"), ("d1", 1, "sentence"), ("d1", 2, "sentence"), ("d1", 3, "sentence"))
    out = sentence_salience(mentions_with_segments(m, s), s).set_index("vector")
    assert (out.loc["russia", "sentences"], out.loc["russia", "n_sentences"]) == (2, 4)
    assert out.loc["russia", "salience"] == pytest.approx(0.5)
    assert out.loc["china", "salience"] == pytest.approx(0.25)
    assert out.loc["west", "salience"] == 0


def test_sentence_vector_counts_include_sentences_without_mentions():
    m = mentions(("d1", 1, "russia", "russia"), ("d1", 1, "russia", "russia"))
    s = sentences(("d1", 0, "sentence"), ("d1", 1, "sentence"), ("d1", 2, "heading"))
    counts = sentence_vector_counts(mentions_with_segments(m, s), s)
    assert list(counts.index) == [("d1", 0), ("d1", 1)]
    assert list(counts["russia"]) == [0, 2]
    presence = sentence_vector_counts(mentions_with_segments(m, s), s, presence=True)
    assert list(presence["russia"]) == [0, 1]


# --- triangle ------------------------------------------------------------------------

def test_triangle_shares_are_normalised_among_the_three_corners():
    m = mentions(("d1", 0, "russia", "russia"), ("d1", 0, "china", "china"), ("d1", 1, "eu", "west"),
                 ("d1", 1, "eu", "west"), ("d1", 2, "turkiye", "turkic"))
    out = triangle_shares(attention_shares(m)).set_index("doc_id")
    assert list(out.loc["d1", ["russia", "china", "west"]]) == pytest.approx([0.25, 0.25, 0.5])
    assert out.loc["d1", "mentions"] == 4


def test_ternary_corners_and_centre_project_to_the_triangle():
    x, y = ternary_xy([1, 0, 0, 1], [0, 1, 0, 1], [0, 0, 1, 1])
    h = math.sqrt(3) / 2
    assert list(x) == pytest.approx([0.0, 1.0, 0.5, 0.5])
    assert list(y) == pytest.approx([0.0, 0.0, h, h / 3])


def test_convex_hull_drops_interior_and_collinear_points():
    hull = convex_hull([0, 1, 1, 0, 0.5, 0.5], [0, 0, 1, 1, 0.5, 0])
    assert sorted(map(tuple, hull.tolist())) == [(0.0, 0.0), (0.0, 1.0), (1.0, 0.0), (1.0, 1.0)]


def test_ternary_region_of_a_cloud_keeps_its_core_and_drops_an_outlier():
    grid = [(a / 10, b / 10) for a in range(3, 6) for b in range(3, 6)]
    rows = [(a, b, 1 - a - b) for a, b in grid] * 5 + [(0.05, 0.05, 0.9)]
    cloud = pd.DataFrame([("d1", i, *r) for i, r in enumerate(rows)], columns=["doc_id", "resample", "russia", "china", "west"])
    region = ternary_regions(cloud, level=0.95)
    x, y = ternary_xy(0.05, 0.05, 0.9)
    assert len(region) >= 3 and set(region["doc_id"]) == {"d1"}
    assert float(region["y"].max()) < float(y)  # the outlier near the West corner is outside the region


# --- bootstrap -----------------------------------------------------------------------

def test_resampling_is_seeded_and_stratified_by_document():
    m = mentions(("d1", 0, "russia", "russia"), ("d1", 1, "china", "china"), ("d2", 0, "eu", "west"))
    counts = sentence_vector_counts(m)
    a = resampled_counts(counts, n_resamples=50, seed=1)
    b = resampled_counts(counts, n_resamples=50, seed=1)
    assert all(np.array_equal(a[g], b[g]) for g in ("d1", "d2", "all"))
    assert (a["d1"].sum(axis=1) == 2).all()  # each resample draws as many sentences as the document has
    assert (a["d2"][:, PARTNER_VECTORS.index("west")] == 1).all()
    assert np.array_equal(a["all"], a["d1"] + a["d2"])


def test_a_document_with_one_vector_has_a_degenerate_interval():
    m = mentions(("d1", 0, "russia", "russia"), ("d1", 1, "russia", "russia"), ("d1", 2, "putin", "russia"))
    out = bootstrap_indices(m, n_resamples=200).set_index(["doc_id", "index"])
    assert list(out.columns) == ["value", "low", "high"]
    assert tuple(out.loc[("d1", "evenness")]) == pytest.approx((0.0, 0.0, 0.0))
    assert tuple(out.loc[("d1", "hhi")]) == pytest.approx((1.0, 1.0, 1.0))
    assert list(out.index.get_level_values("doc_id").unique()) == ["d1", "all"]


def test_interval_brackets_the_observed_value_and_has_the_right_columns():
    rows = [("d1", i, v, v) for i, v in enumerate(["russia"] * 6 + ["china"] * 3 + ["west"] * 1)]
    out = bootstrap_indices(mentions(*rows), n_resamples=1000)
    assert list(out.columns) == ["doc_id", "index", "value", "low", "high"]
    assert ((out["low"] <= out["value"]) & (out["value"] <= out["high"])).all()
    assert (out["high"] > out["low"]).all()


def test_clearly_different_documents_are_told_apart_and_identical_ones_are_not():
    even = [("even", i, v, v) for i, v in enumerate(PARTNER_VECTORS * 4)]
    one = [("one", i, "russia", "russia") for i in range(20)]
    same = [("same", i, v, v) for i, v in enumerate(PARTNER_VECTORS * 4)]
    out = bootstrap_differences(mentions(*even, *one, *same), None,
                                        [("even", "one"), ("even", "same")], "evenness", n_resamples=500)
    assert list(out["excludes_zero"]) == [True, False]
    assert out.loc[0, "difference"] == pytest.approx(1.0)
    assert out.loc[1, "difference"] == pytest.approx(0.0)


def test_top_vector_margin_survives_only_when_the_lead_is_large():
    lead = [("lead", i, "russia", "russia") for i in range(30)] + [("lead", 30 + i, "china", "china") for i in range(3)]
    tie = [("tie", 0, "russia", "russia"), ("tie", 1, "china", "china"), ("tie", 2, "china", "china"),
           ("tie", 3, "russia", "russia"), ("tie", 4, "west", "west")]
    out = top_vector_margins(mentions(*lead, *tie), n_resamples=500).set_index("doc_id")
    assert (out.loc["lead", "top_vector"], out.loc["lead", "runner_up"]) == ("russia", "china")
    assert out.loc["lead", "excludes_zero"]
    assert (out.loc["tie", "top_vector"], out.loc["tie", "runner_up"]) == ("russia", "china")  # tie: earlier in order
    assert out.loc["tie", "margin"] == 0 and not out.loc["tie", "excludes_zero"]


def test_bootstrap_shares_sum_to_one_and_bracket_the_observed_share():
    rows = [("d1", i, v, v) for i, v in enumerate(["russia", "russia", "china", "west"])]
    out = bootstrap_shares(mentions(*rows), n_resamples=300)
    d1 = out[out["doc_id"] == "d1"].set_index("vector")
    assert d1["value"].sum() == pytest.approx(1.0)
    assert d1.loc["russia", "value"] == pytest.approx(0.5)
    assert d1.loc["russia", "low"] <= 0.5 <= d1.loc["russia", "high"]


def test_triangle_resamples_sum_to_one():
    rows = [("d1", i, v, v) for i, v in enumerate(["russia", "china", "west", "turkic"])]
    cloud = bootstrap_triangle(mentions(*rows), n_resamples=100).dropna()
    assert list(cloud.columns) == ["doc_id", "resample", "russia", "china", "west"]
    assert np.allclose(cloud[["russia", "china", "west"]].sum(axis=1), 1.0)


# --- tone ----------------------------------------------------------------------------

LEXICON = pd.DataFrame([("cooperat*", "cooperation", ""), ("partner*", "cooperation", ""),
                        ("strategic partner*", "cooperation", ""), ("war", "conflict", ""),
                        ("threat*", "conflict", ""), ("annex*", "conflict", "")],
                       columns=["term", "tone", "notes"])


def test_lexicon_matches_word_starts_whole_words_and_longest_phrase_first():
    found = tone_terms("A Strategic Partnership, cooperative ties; war, not warning or software; "
                               "threatens; the re-annexation.", LEXICON)
    assert found == {"cooperation": ["strategic partnership", "cooperative"],
                     "conflict": ["war", "threatens", "annexation"]}


def test_tone_words_inside_actor_names_are_not_counted():
    text = "The Shanghai Cooperation Organisation fears war."
    s = sentences(("d1", 0, "sentence", text, 100))
    m = mentions(("d1", 0, "sco", "multilateral", 104, 137))
    assert text[4:37] == "Shanghai Cooperation Organisation"
    masked = sentence_tone(s, LEXICON, m).iloc[0]
    assert (masked["cooperation"], masked["conflict"], masked["conflict_terms"]) == (0, 1, "war")
    unmasked = sentence_tone(s, LEXICON).iloc[0]
    assert (unmasked["cooperation"], unmasked["cooperation_terms"]) == (1, "cooperation")


def test_vector_tone_counts_sentences_not_terms():
    s = sentences(("d1", 0, "sentence", "Partnership and cooperation with Russia."),
                  ("d1", 1, "sentence", "War and threats from Russia, partner of China."),
                  ("d1", 2, "sentence", "China."))
    m = mentions_with_segments(mentions(("d1", 0, "russia", "russia", 33, 39),
                                                ("d1", 1, "russia", "russia", 23, 29),
                                                ("d1", 1, "china", "china", 41, 46),
                                                ("d1", 2, "china", "china", 0, 5)), s)
    tone = sentence_tone(s, LEXICON, m)
    assert list(tone["cooperation"]) == [2, 1, 0] and list(tone["conflict"]) == [0, 2, 0]
    out = vector_tone(tone, m).set_index("vector")
    assert tuple(out.loc["russia", ["n_sentences", "cooperation", "conflict"]]) == (2, 2, 1)
    assert out.loc["russia", "conflict_share"] == pytest.approx(0.5)
    assert tuple(out.loc["china", ["n_sentences", "cooperation", "conflict"]]) == (2, 1, 1)
    assert out.loc["west", "n_sentences"] == 0 and math.isnan(out.loc["west", "cooperation_share"])


def test_wilson_interval_known_values():
    low, high = wilson_interval([5, 0, 0], [10, 10, 0])
    assert low[0] == pytest.approx(0.2366, abs=1e-4) and high[0] == pytest.approx(0.7634, abs=1e-4)
    assert low[1] == pytest.approx(0, abs=1e-12) and high[1] == pytest.approx(0.2775, abs=1e-4)
    assert math.isnan(low[2]) and math.isnan(high[2])


def test_top_tone_cells_and_examples_pick_the_highest_shares():
    table = pd.DataFrame({"vector": ["russia", "china"], "n_sentences": [10, 4],
                          "cooperation_share": [0.2, 0.9], "conflict_share": [0.6, 0.0]})
    cells = top_tone_cells(table, n=2, min_sentences=5)
    assert list(zip(cells["vector"], cells["tone"])) == [("russia", "conflict"), ("russia", "cooperation")]
    s = sentences(("d1", 0, "sentence", "War with Russia."), ("d1", 1, "sentence", "War, threats: Russia."))
    m = mentions(("d1", 0, "russia", "russia", 9, 15), ("d1", 1, "russia", "russia", 14, 20))
    tone = sentence_tone(s, LEXICON, m)
    ex = tone_examples(tone, m, s, cells.head(1), per_cell=1)
    assert list(ex[["sentence_id", "terms", "sentence"]].iloc[0]) == [1, "war;threats", "War, threats: Russia."]


# --- co-mentions ---------------------------------------------------------------------

def test_co_mentions_count_sentences_once_per_pair():
    m = mentions(("d1", 0, "russia", "russia"), ("d1", 0, "russia", "russia"), ("d1", 0, "china", "china"),
                 ("d1", 1, "china", "china"), ("d1", 1, "russia", "russia"), ("d1", 1, "kazakhstan", "domestic"),
                 ("d2", 0, "kazakhstan", "domestic"))
    out = co_mentions(m)
    assert list(out.itertuples(index=False, name=None)) == [("china", "russia", 2), ("china", "kazakhstan", 1),
                                                            ("kazakhstan", "russia", 1)]
    matrix = co_mention_matrix(out, ["kazakhstan", "russia", "china"])
    assert matrix.loc["russia", "china"] == 2 and matrix.loc["china", "russia"] == 2
    assert matrix.loc["kazakhstan", "kazakhstan"] == 0
    nodes = node_sentences(m)
    assert list(nodes.itertuples(index=False, name=None)) == [("china", 2), ("kazakhstan", 2), ("russia", 2)]


def test_persons_fold_into_their_country():
    actors = pd.DataFrame([("russia", "Russia", "state", "russia", ""), ("putin", "Vladimir Putin", "person", "russia", "russia"),
                           ("sco", "SCO", "organisation", "multilateral", "")],
                          columns=["actor_id", "name", "kind", "vector", "country"])
    out = actor_nodes(mentions(("d1", 0, "putin", "russia"), ("d1", 0, "sco", "multilateral")), actors)
    assert list(out["node"]) == ["russia", "sco"]
    assert list(out["node_vector"]) == ["russia", "multilateral"]


# --- events --------------------------------------------------------------------------

def test_partner_events_deduplicate_by_key_and_split_by_vector():
    actors = pd.DataFrame([("kazakhstan", "domestic"), ("tokayev", "domestic"), ("turkiye", "turkic"),
                           ("russia", "russia"), ("china", "china"), ("ukraine", "other")],
                          columns=["actor_id", "vector"])
    events = pd.DataFrame([
        ("2022-05-10-visit-tokayev-turkiye", "a", "2022-05-10", "day", "visit", "tokayev;turkiye"),
        ("2022-05-10-visit-tokayev-turkiye", "b", "2022-05", "month", "visit", "tokayev;turkiye"),
        ("2022-10-summit", "a", "2022-10-12/2022-10-13", "range", "summit", "china;kazakhstan;russia"),
        ("2022-02-war", "a", "2022-02", "month", "war", "russia;ukraine"),
        ("2019-election", "a", "2019", "year", "visit", "kazakhstan"),
    ], columns=["event_key", "doc_id", "date", "date_precision", "type", "actors"])
    out = partner_events(events, actors)
    assert list(zip(out["event_key"], out["vector"])) == [("2022-05-10-visit-tokayev-turkiye", "turkic"),
                                                          ("2022-10-summit", "russia"), ("2022-10-summit", "china")]
    assert out.loc[0, "n_docs"] == 2 and out.loc[0, "doc_ids"] == "a;b" and out.loc[0, "date"] == "2022-05-10"
    assert out.loc[1, "midpoint"] == pd.Timestamp("2022-10-12 12:00")
    counts = events_per_vector(out).set_index("vector")
    assert counts.loc["turkic", "visit or meeting"] == 1 and counts.loc["russia", "summit or forum"] == 1
    assert counts.loc["west", "total"] == 0
    assert counts.loc["china", "first_year"] == 2022


def test_period_midpoint():
    assert period_midpoint("2022") == pd.Timestamp("2022-07-02")
    assert period_midpoint("2022-05-10") == pd.Timestamp("2022-05-10")


# --- tables for the notebook ---------------------------------------------------------

def test_mentions_by_segment_kind_lists_every_vector_with_zeros():
    m = mentions(("d1", 0, "russia", "russia"), ("d1", 1, "russia", "russia"), ("d1", 2, "kazakhstan", "domestic"))
    s = sentences(("d1", 0, "heading"), ("d1", 1, "sentence"), ("d1", 2, "bullet"))
    out = mentions_by_segment_kind(mentions_with_segments(m, s), order=["russia", "china", "domestic"])
    assert list(out.columns) == ["label", "sentence", "bullet", "heading"]
    assert list(out.index) == ["russia", "china", "domestic"]
    assert out.loc["russia", ["sentence", "bullet", "heading"]].tolist() == [1, 0, 1]
    assert out.loc["china", ["sentence", "bullet", "heading"]].tolist() == [0, 0, 0]
    assert out.loc["russia", "label"] == "Russia"


def test_shares_and_salience_with_pooled_rows_last():
    m = mentions(("d1", 0, "russia", "russia"), ("d2", 0, "china", "china"), ("d2", 1, "china", "china"))
    s = sentences(("d1", 0, "sentence"), ("d1", 1, "sentence"), ("d2", 0, "sentence"), ("d2", 1, "sentence"))
    tagged = mentions_with_segments(m, s)
    shares = shares_with_pooled(tagged)
    assert list(shares.columns) == ["doc_id", "vector", "mentions", "share"]
    assert list(dict.fromkeys(shares["doc_id"])) == ["d1", "d2", "all"]
    pooled = shares[shares["doc_id"] == "all"].set_index("vector")["share"]
    assert pooled["russia"] == pytest.approx(1 / 3) and pooled["china"] == pytest.approx(2 / 3)
    salience = salience_with_pooled(tagged, s)
    assert list(salience.columns) == ["doc_id", "vector", "sentences", "n_sentences", "salience"]
    row = salience[(salience["doc_id"] == "all") & (salience["vector"] == "china")].iloc[0]
    assert (row["sentences"], row["n_sentences"], row["salience"]) == (2, 4, pytest.approx(0.5))
    table = attention_comparison(shares, salience, ["d2", "d1", "all"], vectors=["russia", "china"])
    assert list(table.index) == ["d2", "d1", "all"]
    assert table.loc["d1", ("share of mentions (%)", "russia")] == 100
    assert table.loc["d1", ("share of sentences (%)", "russia")] == 50
    assert table.loc["all", ("share of mentions (%)", "china")] == 67
    assert table.columns.get_level_values(1).tolist() == ["russia", "china", "russia", "china"]


def test_heading_sensitivity_compares_indices_with_and_without_headings():
    m = mentions(("d1", 0, "russia", "russia"), ("d1", 1, "china", "china"))
    s = sentences(("d1", 0, "heading"), ("d1", 1, "sentence"))
    out = heading_sensitivity(mentions_with_segments(m, s), ["d1"])
    assert list(out.columns) == ["doc_id", "evenness", "evenness_with_headings", "hhi", "hhi_with_headings",
                                 "evenness_change"]
    row = out.iloc[0]
    assert row["evenness"] == pytest.approx(0.0) and row["hhi"] == pytest.approx(1.0)
    assert row["evenness_with_headings"] == pytest.approx(math.log(2) / math.log(K))
    assert row["hhi_with_headings"] == pytest.approx(0.5)
    assert row["evenness_change"] == pytest.approx(math.log(2) / math.log(K))


def test_indices_per_sentence_puts_both_counts_side_by_side():
    a = pd.DataFrame([("d1", "evenness", 0.5, 0, 1), ("d1", "hhi", 0.3, 0, 1)],
                     columns=["doc_id", "index", "value", "low", "high"])
    b = a.assign(value=[0.6, 0.2])
    out = indices_per_sentence(a, b, ["d1"])
    assert list(out.columns) == ["evenness", "hhi", "evenness_per_sentence", "hhi_per_sentence"]
    assert out.loc["d1"].tolist() == pytest.approx([0.5, 0.3, 0.6, 0.2])


def test_first_last_differences_one_row_per_vector_latest_minus_earliest():
    m = mentions(("d1", 0, "russia", "russia"), ("d1", 1, "china", "china"), ("d2", 0, "china", "china"))
    out = first_last_differences(m, None, "d1", "d2", ["russia", "china"], n_resamples=50)
    assert list(out["statistic"]) == ["russia", "china"]
    assert set(out["doc_a"]) == {"d2"} and set(out["doc_b"]) == {"d1"}
    assert out["difference"].tolist() == pytest.approx([-0.5, 0.5])


def test_shares_by_date_keeps_document_order_and_chosen_vectors():
    docs = pd.DataFrame([("d2", "2021-01-01", "stated", "Türkiye", "x"), ("d1", "2022-01-01", "inferred", "unknown", "y")],
                        columns=["doc_id", "date", "date_basis", "outlet_country", "title"])
    shares = pd.DataFrame([(d, v, val, 0, 1) for d, v, val in
                           [("d1", "russia", 0.1), ("d1", "china", 0.9), ("d2", "russia", 0.4), ("d2", "china", 0.6),
                            ("all", "russia", 0.3), ("all", "china", 0.7)]],
                          columns=["doc_id", "vector", "value", "low", "high"])
    out = shares_by_date(docs, shares, ["china"])
    assert list(out.columns) == ["doc_id", "date", "date_basis", "outlet_country", "china"]
    assert list(out["doc_id"]) == ["d2", "d1"] and out["china"].tolist() == pytest.approx([0.6, 0.9])


def test_lexicon_summary_and_framing_table():
    lexicon = pd.DataFrame([("peace", "cooperation"), ("war", "conflict"), ("ally", "cooperation")],
                           columns=["term", "tone"])
    summary = lexicon_summary(lexicon)
    assert list(summary.itertuples(index=False, name=None)) == [("cooperation", 2, "peace, ally"), ("conflict", 1, "war")]
    framing = pd.DataFrame([("russia", 10, 3, 5, 0.3, 0.5, 0.108, 0.603, 0.237, 0.763)],
                           columns=["vector", "n_sentences", "cooperation", "conflict", "cooperation_share",
                                    "conflict_share", "cooperation_low", "cooperation_high", "conflict_low",
                                    "conflict_high"])
    out = framing_table(framing)
    assert list(out.columns) == ["vector", "n_sentences", "cooperation", "conflict", "cooperation_pct",
                                 "cooperation_95", "conflict_pct", "conflict_95"]
    assert out.iloc[0].tolist() == ["russia", 10, 3, 5, 30.0, "11–60", 50.0, "24–76"]


def test_node_table_names_the_nodes():
    actors = pd.DataFrame([("russia", "Russia", "state", "russia", ""), ("putin", "Vladimir Putin", "person", "russia", "russia"),
                           ("sco", "SCO", "organisation", "multilateral", "")],
                          columns=["actor_id", "name", "kind", "vector", "country"])
    nodes = actor_nodes(mentions(("d1", 0, "putin", "russia"), ("d1", 1, "russia", "russia"),
                                 ("d1", 1, "sco", "multilateral")), actors)
    out = node_table(nodes, actors)
    assert list(out.itertuples(index=False, name=None)) == [("russia", 2, "Russia", "russia"),
                                                            ("sco", 1, "SCO", "multilateral")]
