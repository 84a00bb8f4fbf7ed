"""The fact-check as schema.org ClaimReview JSON-LD, and as tables for reading."""
from __future__ import annotations

import json
import math

import pandas as pd

from kzanalysis.analysis.factcheck import FACTCHECK_COLUMNS
from kzanalysis.analysis.factcheck_text import factcheck_for_reading, not_holding_lines
from kzanalysis.report.claimreview import BEST_RATING, RATING_SCALE, claimreview_jsonld

SOURCES = pd.DataFrame({"doc_id": ["doc"], "title": ["A title"], "outlet": ["Outlet"], "author": [""],
                        "date": [pd.Timestamp("2022-05-11")], "url": ["https://example.org/a"]})


def factcheck_rows() -> pd.DataFrame:
    base = {c: "" for c in FACTCHECK_COLUMNS}
    rows = []
    for i, (verdict, checkable, ref) in enumerate([("holds", True, 5.3e9), ("differs", True, 4.1e9),
                                                  ("not checkable", False, math.nan),
                                                  ("unverified", True, math.nan)], start=1):
        rows.append({**base, "claim_id": f"doc-c0{i}", "doc_id": "doc", "quote": f"quote {i}", "value": 5.3e9, "metric": "trade_turnover",
                     "unit": "usd", "checkable": checkable, "verdict": verdict, "reference_value": ref,
                     "reference_period": "2021" if ref == ref else "", "reference_id": "t001" if ref == ref else "",
                     "reference_source": "Agency — Publisher (tier 1)" if ref == ref else "",
                     "tier3_only": False, "explanation": f"because {i}"})
    return pd.DataFrame(rows, columns=FACTCHECK_COLUMNS)


def test_the_jsonld_parses_and_has_one_review_per_checkable_claim():
    reviews = json.loads(claimreview_jsonld(factcheck_rows(), SOURCES))
    assert [r["identifier"] for r in reviews] == ["doc-c01", "doc-c02", "doc-c04"]
    first = reviews[0]
    assert first["@type"] == "ClaimReview" and first["claimReviewed"] == "quote 1"
    assert first["itemReviewed"]["@type"] == "Claim"
    assert first["itemReviewed"]["appearance"]["url"] == "https://example.org/a"
    assert first["itemReviewed"]["author"]["name"] == "Outlet"
    assert first["url"] == "index.html#claim-doc-c01"
    assert first["reviewRating"]["alternateName"] == "holds"
    assert first["reviewRating"]["ratingValue"] == BEST_RATING == RATING_SCALE["holds"]
    assert reviews[1]["reviewRating"]["ratingValue"] == 1


def test_the_jsonld_is_byte_deterministic():
    assert claimreview_jsonld(factcheck_rows(), SOURCES) == claimreview_jsonld(factcheck_rows().iloc[::-1], SOURCES)


def test_the_reading_table_has_labels_and_keeps_only_checkable_claims():
    table = factcheck_for_reading(factcheck_rows())
    assert len(table.columns) <= 7 and "claim_id" not in table.columns
    assert table["Verdict"].tolist() == ["holds", "differs", "unverified"]
    assert table.loc[1, "Claim"] == "doc-c02: “quote 2”"
    assert table.loc[1, "Reference (period)"] == "4.1 bn USD (2021)"
    assert table.loc[2, "Source (tier)"] == "–"


def test_claims_that_do_not_hold_are_listed_per_document_with_their_reference():
    lines = not_holding_lines(factcheck_rows(), ["doc", "other"])
    assert lines[0] == "- **doc** (1 not holding): doc-c02 (trade turnover) states 5.3 bn USD, reference 4.1 bn USD (2021), t001."
    assert "every checked claim holds" in lines[1]


def test_the_project_jsonld_has_one_review_per_checkable_claim(tmp_path):
    from kzanalysis.analysis.factcheck_tables import factcheck_tables
    from kzanalysis.corpus.sources import load_sources
    from kzanalysis.report.claimreview import write_claimreview

    factcheck = factcheck_tables()[0]
    path = tmp_path / "claimreview.jsonld"
    write_claimreview(factcheck, load_sources(), path)
    reviews = json.loads(path.read_text(encoding="utf-8"))
    assert sorted(r["identifier"] for r in reviews) == sorted(factcheck.loc[factcheck["checkable"], "claim_id"])
    assert all(r["reviewRating"]["ratingValue"] == RATING_SCALE[r["reviewRating"]["alternateName"]] for r in reviews)


def test_a_rank_that_names_the_right_place_for_the_wrong_partner_is_not_read_as_agreement():
    rows = factcheck_rows().iloc[[1]].assign(metric="trade_partner_rank", unit="rank", value=4.0, reference_value=4.0,
                                             partner="south_korea", reference_id="f61")
    line = not_holding_lines(rows, ["doc"])[0]
    assert "states South Korea 4th, a place the reference gives to another partner (2021), f61" in line
    assert "reference 4th" not in line
