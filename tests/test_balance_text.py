"""Sentences for the reader (analysis.balance_text, analysis.overview): values stated are values computed."""
from __future__ import annotations

import pandas as pd

from kzanalysis.analysis.balance_text import (
    balance_table,
    ci_text,
    co_mention_finding,
    co_mention_legend,
    data_summary,
    differences_finding,
    document_labels,
    evenness_finding,
    events_finding,
    framing_finding,
    headings_finding,
    number_word,
    shift_finding,
    tone_examples_text,
)
from kzanalysis.analysis.overview import corpus_findings, document_table, exclusion_summary


def indices() -> pd.DataFrame:
    """``bootstrap_indices`` of two documents and the pooled corpus."""
    return pd.DataFrame([
        ("d1", "evenness", 0.9, 0.8, 0.95), ("d1", "hhi", 0.2, 0.15, 0.3),
        ("d2", "evenness", 0.5, 0.3, 0.6), ("d2", "hhi", 0.45, 0.3, 0.6),
        ("all", "evenness", 0.85, 0.8, 0.9), ("all", "hhi", 0.21, 0.18, 0.25),
    ], columns=["doc_id", "index", "value", "low", "high"])


def margins() -> pd.DataFrame:
    """``top_vector_margins``: d1's lead is noise, d2's and the pool's are clear."""
    return pd.DataFrame([
        ("d1", "west", "russia", 0.30, 0.28, 0.02, -0.2, 0.25, False),
        ("d2", "turkic", "west", 0.62, 0.15, 0.47, 0.26, 0.68, True),
        ("all", "turkic", "russia", 0.35, 0.20, 0.15, 0.05, 0.25, True),
    ], columns=["doc_id", "top_vector", "runner_up", "top_share", "runner_up_share", "margin", "low", "high",
                "excludes_zero"])


DOCUMENTS = pd.DataFrame([("d1", "2021-06-15", "A", "unknown"), ("d2", "2022-05-11", "B", "Türkiye")],
                         columns=["doc_id", "date", "outlet", "outlet_country"])


def test_number_words_and_intervals():
    assert [number_word(n) for n in (0, 2, 5, 10, 11, 2000)] == ["zero", "two", "five", "ten", "11", "2,000"]
    assert ci_text(0.8594, 0.8041, 0.894) == "0.86 [0.80, 0.89]"
    assert ci_text(43.75, 30.6, 57.9, 0) == "44 [31, 58]"


def test_document_labels_and_data_summary():
    assert document_labels(DOCUMENTS) == {"d1": "d1 (2021-06-15)", "d2": "d2 (2022-05-11)", "all": "all two, pooled"}
    line = data_summary(DOCUMENTS, pd.DataFrame(index=range(7)), pd.DataFrame(index=range(3)))
    assert line.startswith("2 documents, 7 segments, 3 actor mentions; partner vectors: russia, china, west, turkic")
    assert line.endswith("; 2,000 bootstrap resamples (seed 20240101)")


def test_balance_table_has_one_row_per_document_and_the_pool():
    lines = balance_table(indices(), margins(), DOCUMENTS, document_labels(DOCUMENTS)).splitlines()
    assert lines[0].startswith("**Balance per document** (95% bootstrap intervals, 2,000 resamples of sentences; "
                               "evenness 1 and HHI 0.125 would be equal attention to all eight partner vectors)")
    assert lines[4] == ("| d1 (2021-06-15) | unknown | 0.90 [0.80, 0.95] | 0.20 [0.15, 0.30] | West (US, EU) (30%) | "
                        "no: Russia 28%, margin interval [-20, 25] |")
    assert lines[5] == ("| d2 (2022-05-11) | Türkiye | 0.50 [0.30, 0.60] | 0.45 [0.30, 0.60] | "
                        "Türkiye & Turkic world (62%) | yes, by 47 points [26, 68] |")
    assert lines[6].startswith("| all two, pooled | – | 0.85 [0.80, 0.90] | 0.21 [0.18, 0.25] |")
    assert len(lines) == 7


def test_evenness_and_differences_findings():
    assert evenness_finding(indices()) == (
        "- **Evenness.** Pooled, the two texts have evenness 0.85 [0.80, 0.90] and HHI 0.21 [0.18, 0.25]; of the "
        "single documents, the most even is `d1` (0.90), the least `d2` (0.50).")
    diffs = pd.DataFrame([("d1", "d2", "evenness", 0.4, 0.1, 0.6, True), ("d1", "d3", "evenness", 0.1, -0.1, 0.3, False)],
                         columns=["doc_a", "doc_b", "statistic", "difference", "low", "high", "excludes_zero"])
    text = differences_finding(diffs, margins())
    assert "1 of 2 pairwise differences in evenness exclude zero: d1 vs d2 (+0.40 [+0.10, +0.60])." in text
    assert "clearly ahead of the runner-up in 1 of 2 documents." in text
    assert "exclude zero." in differences_finding(diffs.iloc[1:], margins())


def test_headings_and_shift_findings():
    sensitivity = pd.DataFrame({"doc_id": ["d1", "d2"], "evenness_change": [-0.01, -0.019]})
    assert headings_finding(sensitivity) == ("- **Headings.** Counting mentions in headings too changes evenness by at "
                                             "most 0.019 (in `d2`).")
    first_last = pd.DataFrame([("d2", "d1", "russia", -0.177, -0.325, -0.04, True),
                               ("d2", "d1", "china", -0.039, -0.13, 0.044, False)],
                              columns=["doc_a", "doc_b", "statistic", "difference", "low", "high", "excludes_zero"])
    text = shift_finding(first_last, DOCUMENTS)
    assert text.startswith("- **Over time or over outlets.** From `d1` (outlet's country: unknown) to `d2` "
                           "(outlet's country: Türkiye): Russia -18 points [-32, -4] (outside the noise); "
                           "China -4 points [-13, +4] (within the noise).")
    assert "two documents from two outlets cannot tell a trend" in text


def framing() -> pd.DataFrame:
    """``vector_tone``: russia high conflict, turkic high cooperation, china too rare to compete."""
    return pd.DataFrame([
        ("russia", 48, 14, 21, 14 / 48, 21 / 48, 0.18, 0.43, 0.31, 0.58),
        ("turkic", 82, 41, 9, 0.5, 9 / 82, 0.39, 0.61, 0.06, 0.20),
        ("china", 5, 0, 5, 0.0, 1.0, 0.0, 0.43, 0.57, 1.0),
    ], columns=["vector", "n_sentences", "cooperation", "conflict", "cooperation_share", "conflict_share",
                "cooperation_low", "cooperation_high", "conflict_low", "conflict_high"])


def test_framing_finding_compares_vectors_named_often_enough():
    text = framing_finding(framing(), min_sentences=20)
    assert text.startswith("- **Framing.** Sentences naming Russia carry conflict or risk language most often "
                           "(44% of 48); those naming Türkiye & Turkic world carry cooperation language most often "
                           "(50% of 82), among the vectors named in at least 20 sentences.")
    assert "Russia (44 [31, 58]%) and of Türkiye & Turkic world (11 [6, 20]%) have Wilson intervals that do not overlap" \
        in text
    overlapping = framing().assign(conflict_high=[0.58, 0.40, 1.0])
    assert framing_finding(overlapping).endswith("have overlapping Wilson intervals: the difference is not clear.")
    assert "China" not in text


def test_co_mention_and_events_findings():
    pairs = pd.DataFrame([("kazakhstan", "turkiye", 65), ("china", "russia", 18), ("china", "kazakhstan", 23)],
                         columns=["source", "target", "sentences"])
    names = {"kazakhstan": "Kazakhstan", "turkiye": "Türkiye", "china": "China", "russia": "Russia"}
    assert co_mention_finding(pairs, names) == (
        "- **Co-mentions.** Kazakhstan is named most often together with Türkiye (65 sentences); the most frequent "
        "pair without Kazakhstan is China and Russia (18 sentences).")
    partner = pd.DataFrame({"event_key": ["a", "a", "b", "c"], "vector": ["russia", "china", "west", "west"]})
    per_vector = pd.DataFrame({"vector": ["russia", "china", "west"], "total": [1, 1, 2]})
    assert events_finding(partner, per_vector) == (
        "- **Events.** The texts report 3 distinct visits, agreements and summits with partners; most involve "
        "West (US, EU) (2).")


def test_co_mention_legend_states_the_drawing_parameters():
    text = co_mention_legend(n_nodes=12, min_spoke=2, min_chord=4)
    assert "the 12 most-named other nodes" in text
    assert "in at least two sentences, a chord joins two ring nodes named together in at least four" in text


def test_tone_examples_text_wraps_the_sentence_under_its_cell():
    examples = pd.DataFrame([("russia", "conflict", "d1", 3, "war;threat", "War is a threat to all of us here.")],
                            columns=["vector", "tone", "doc_id", "sentence_id", "terms", "sentence"])
    assert tone_examples_text(examples, width=20).splitlines() == [
        "[russia / conflict] d1, sentence 3; terms: war;threat", "    War is a threat", "    to all of us", "    here."]


# --- notebook 01 ---------------------------------------------------------------------

def test_document_table_formats_dates_and_keeps_order():
    sources = pd.DataFrame({"doc_id": ["b", "a"], "outlet": ["B", "A"], "outlet_country": ["x", "y"],
                            "author": ["", "n"], "date": pd.to_datetime(["2021-06-15", "2022-01-01"]),
                            "date_precision": ["day", "month"], "date_basis": ["stated", "inferred"], "text": ["", ""]})
    out = document_table(sources)
    assert list(out.columns) == ["doc_id", "outlet", "outlet_country", "author", "date", "date_precision",
                                 "date_basis"]
    assert list(out["doc_id"]) == ["b", "a"] and list(out["date"]) == ["2021-06-15", "2022-01-01"]


def test_exclusion_summary_counts_spans_and_characters():
    out = exclusion_summary(pd.DataFrame({"doc_id": ["a", "a", "b"], "quote": ["abc", "de", "f"]}))
    assert out.loc["a"].tolist() == [2, 5] and out.loc["b"].tolist() == [1, 1]


def test_corpus_findings_state_the_totals():
    overview = pd.DataFrame({
        "doc_id": ["a", "b"], "outlet_country": ["Türkiye", "unknown"], "date": ["2021-06-15", "2023-01-01"],
        "date_basis": ["stated", "inferred"], "n_words": [1500, 2000], "n_mentions": [600, 700],
        "n_claims": [3, 10], "n_events": [2, 4], "claims_per_1000_words": [2.0, 5.0]})
    assert corpus_findings(overview).splitlines() == [
        "- The corpus has **2 documents** and **3,500 words**, dated from 2021-06-15 to 2023-01-01; **1** carry a "
        "date line, the others are dated by the latest event they mention.",
        "- **13 claims**, **6 dated events** and **1,300 actor mentions** were extracted.",
        "- The densest in figures is `b` (5.0 claims per 1,000 words); outlets by country: Türkiye 1, unknown 1.",
    ]


def test_events_per_vector_for_reading_names_vectors_and_marks_missing_years():
    from kzanalysis.analysis.balance_text import events_per_vector_for_reading
    per_vector = pd.DataFrame({"vector": ["turkic", "west"], "visit or meeting": [2, 0], "total": [2, 0],
                               "first_year": pd.array([2021, None], dtype="Int64"),
                               "last_year": pd.array([2022, None], dtype="Int64")})
    out = events_per_vector_for_reading(per_vector)
    assert list(out.columns) == ["Vector", "Visit or meeting", "Total", "First year", "Last year"]
    assert out["Vector"].tolist() == ["Türkiye & Turkic world", "West (US, EU)"]
    assert out["First year"].tolist() == ["2021", "–"]
