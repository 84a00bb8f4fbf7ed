"""The fact-check export (data/derived/factcheck.csv) and the reader's sentences of notebook 04."""
from __future__ import annotations

import pandas as pd

from kzanalysis.analysis.consistency_text import intervals_caveat
from kzanalysis.analysis.factcheck_text import coverage_sentence, event_checks_for_reading
from kzanalysis.analysis.reliability import source_reliability
from kzanalysis.pipeline.factcheck import FACTCHECK_FILES, write_factcheck


def test_the_export_is_written_once_and_is_byte_deterministic(tmp_path):
    first = write_factcheck(out_dir=tmp_path, echo=lambda *a: None)
    data = {name: (tmp_path / name).read_bytes() for name in FACTCHECK_FILES}
    second = write_factcheck(out_dir=tmp_path, echo=lambda *a: None)
    assert len(first) == 2 and second == []
    assert {name: (tmp_path / name).read_bytes() for name in FACTCHECK_FILES} == data
    table = pd.read_csv(tmp_path / "factcheck.csv", keep_default_na=False)
    assert table["claim_id"].is_unique and table["claim_id"].is_monotonic_increasing


def test_the_coverage_sentence_counts_checkable_claims_with_a_reference_verdict():
    frame = pd.DataFrame({"checkable": [True, True, True, False],
                          "verdict": ["holds", "unverified", "period mismatch", "not checkable"]})
    assert coverage_sentence(frame).startswith("Of **4 claims**, **3** are checkable; **2** of them (66.7%)")


def test_event_rows_keep_only_checkable_mentions_with_readable_labels():
    events = pd.DataFrame({"event_id": ["d-e02", "d-e01"], "quote": ["in May", "on 10 May"], "checkable": [True, False],
                           "verdict": ["unresolved to the day", "not checkable"], "date": ["2022-05", "2022-05-10"],
                           "reference_date": ["2022-05", ""], "reference_id": ["d01", ""],
                           "reference_source": ["A — P (tier 2)", ""], "explanation": ["no day", "plan"]})
    table = event_checks_for_reading(events)
    assert table.to_dict("records") == [{"Event": "d-e02: “in May”", "Verdict": "unresolved to the day",
                                         "Date in the text": "2022-05", "Reference date": "2022-05",
                                         "Source (tier)": "d01 · A — P (tier 2)", "Explanation": "no day"}]


def test_the_intervals_caveat_states_the_range_of_checkable_claims():
    checks = pd.DataFrame({"doc_id": ["a"] * 10 + ["b"] * 30, "verdict": ["holds"] * 40})
    text = intervals_caveat(source_reliability(checks, ["a", "b"]))
    assert text.startswith("2 sources with 10–30 checkable claims each give wide intervals")
