"""The fact-check on the project's real tables: what a "holds" may rest on, and how much is covered."""
from __future__ import annotations

import pandas as pd
import pytest

from kzanalysis import analysis, evidence
from kzanalysis.analysis.factcheck import is_year_of_fact, same_period
from kzanalysis.corpus.sources import load_sources
from kzanalysis.evidence.periods import period_bounds


@pytest.fixture(scope="module")
def refs() -> pd.DataFrame:
    return analysis.reference_table(evidence.load_trade(), evidence.load_facts(), evidence.load_dates())


@pytest.fixture(scope="module")
def verdicts(refs) -> pd.DataFrame:
    return analysis.check_claims(evidence.load_claims(), evidence.load_claim_checks(), refs, load_sources())


@pytest.fixture(scope="module")
def event_verdicts(refs) -> pd.DataFrame:
    return analysis.check_events(evidence.load_events(), evidence.load_event_checks(), refs)


def test_no_holds_rests_on_a_reference_of_another_period_or_definition(verdicts, refs):
    claims = evidence.load_claims().set_index("claim_id")
    written = {d: pd.Timestamp(t).date() for d, t in zip(load_sources()["doc_id"], load_sources()["date"])}
    by_id = refs.set_index("ref_id")
    wrong = []
    for row in verdicts[verdicts["verdict"] == "holds"].itertuples():
        claim = claims.loc[row.claim_id]
        if row.reference_id.startswith(("span:", "order:")):  # computed from linked dates for this claim's own period
            continue
        ref = by_id.loc[row.reference_id]
        if ref["kind"] == "date":  # a date stands for the year of a key fact, nothing else
            ok = is_year_of_fact(claim["metric"], claim["unit"]) and int(ref["period"][:4]) == claim["value"]
        else:
            ok = (ref["metric"] == claim["metric"] and ref["unit"] == claim["unit"]
                  and ref["subject"] == claim["subject"] and ref["partner"] == claim["partner"]
                  and ref["reporter"] in ("", "kazakhstan")
                  and same_period(claim["period"], ref["period"], claim["metric"], written[claim["doc_id"]],
                                  claim["unit"]))
        if not ok:
            wrong.append((row.claim_id, row.reference_id))
    assert not wrong


def test_a_holding_event_date_lies_within_the_date_the_text_gives(event_verdicts):
    for row in event_verdicts[event_verdicts["verdict"] == "holds"].itertuples():
        (a0, a1), (b0, b1) = period_bounds(row.date), period_bounds(row.reference_date)
        assert a0 <= b0 and b1 <= a1, row.event_id


def test_every_claim_and_event_has_a_verdict_and_unverified_ones_a_recorded_search(verdicts, event_verdicts):
    assert len(verdicts) == len(evidence.load_claims())
    assert len(event_verdicts) == len(evidence.load_events())
    searched = set(evidence.load_searches()["item_id"])
    for frame, key in ((verdicts, "claim_id"), (event_verdicts, "event_id")):
        missing = frame.loc[frame["checkable"] & (frame["verdict"] == "unverified"), key]
        assert not set(missing) - searched


def test_every_committed_claim_and_event_is_classified_as_checkable_or_not():
    for checks, key in ((evidence.load_claim_checks(), "claim_id"), (evidence.load_event_checks(), "event_id")):
        unclassified = checks.loc[checks["checkable"].isna(), key].tolist()
        assert not unclassified, f"not yet classified (fill checkable and checkable_reason): {unclassified}"
        assert (checks["checkable_reason"].str.strip() != "").all()


def test_coverage_of_checkable_claims_is_reported(verdicts, capsys):
    checkable = verdicts[verdicts["checkable"]]
    covered = (checkable["verdict"] != "unverified").mean()
    with capsys.disabled():
        print(f"\nfact-check coverage: {int((checkable['verdict'] != 'unverified').sum())} of {len(checkable)} "
              f"checkable claims ({covered:.1%}) have a reference verdict; unverified: "
              f"{', '.join(checkable.loc[checkable['verdict'] == 'unverified', 'claim_id'])}")
    assert covered >= 0.85  # goal 90 %; the claims below it are listed above and in searches.csv


def test_link_problems_name_the_file_row_and_field():
    from kzanalysis.evidence.reference import reference_link_problems

    checks = pd.DataFrame({"claim_id": ["d-c01", "d-c01", "d-c09"], "reference_ids": ["f01;t999", "", ""],
                           "line": [2, 3, 4]})
    items = pd.DataFrame({"claim_id": ["d-c01", "d-c02"]})
    found = {(p.line, p.field, p.message) for p in
             reference_link_problems(checks, "claim_id", items, {"f01"}, "data/reference/claim_checks.csv")}
    assert (2, "reference_ids", "unknown reference id 't999' (not in trade.csv, facts.csv or dates.csv)") in found
    assert (3, "claim_id", "'d-c01' repeats the row on line 2; expected exactly one") in found
    assert (None, "claim_id", "no row for 'd-c02'; every claim needs exactly one") in found
    assert (4, "claim_id", "unknown claim_id 'd-c09'") in found
