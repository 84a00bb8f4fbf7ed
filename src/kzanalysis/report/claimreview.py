"""The fact-check as schema.org ``ClaimReview`` JSON-LD (``report/claimreview.jsonld``).

One ``ClaimReview`` per checkable claim of ``factcheck.check_claims``:

- ``claimReviewed``: the quote; ``itemReviewed``: a ``Claim`` whose ``appearance`` is the
  source document (its URL in ``seeds/sources.csv``, or no URL where the document has
  none) with the document's author or outlet as ``author``/``publisher``;
- ``reviewRating``: ``alternateName`` = the verdict, ``ratingValue`` on the scale
  ``RATING_SCALE`` (worst 1, best 5), ``ratingExplanation`` = the one-line explanation;
- ``url``: the claim's anchor in the report (``index.html#claim-ID``); ``author``: the project.

The output is deterministic (sorted by claim id, keys in a fixed order, no timestamps).
"""
from __future__ import annotations

import json
from pathlib import Path

import pandas as pd

from kzanalysis.analysis.factcheck_tables import factcheck_tables
from kzanalysis.corpus.sources import load_sources
from kzanalysis.io.files import write_text_atomic
from kzanalysis.io.paths import layout

#: ``ratingValue`` per verdict (1 = contradicted by the reference … 5 = confirmed).
RATING_SCALE = {"differs": 1, "wording": 2, "period mismatch": 3, "definition mismatch": 3, "unverified": 3,
                "holds": 5}
WORST_RATING, BEST_RATING = 1, 5
PROJECT = {"@type": "Organization", "name": "kzanalysis developers"}
REPORT_PAGE = "index.html"


def _appearance(source: pd.Series) -> dict:
    creator = source["author"] or source["outlet"]
    item: dict = {"@type": "CreativeWork", "name": source["title"],
                  "author": {"@type": "Organization", "name": creator},
                  "publisher": {"@type": "Organization", "name": source["outlet"]},
                  "datePublished": pd.Timestamp(source["date"]).strftime("%Y-%m-%d")}
    if source["url"]:
        item["url"] = source["url"]
    return item


def claim_reviews(factcheck: pd.DataFrame, sources: pd.DataFrame, report_page: str = REPORT_PAGE) -> list[dict]:
    """One ``ClaimReview`` dict per checkable claim (see the module docstring), sorted by claim id."""
    by_doc = sources.set_index("doc_id")
    reviews = []
    for r in factcheck[factcheck["checkable"]].sort_values("claim_id").itertuples():
        source = by_doc.loc[r.doc_id]
        appearance = _appearance(source)
        reviews.append({
            "@context": "https://schema.org", "@type": "ClaimReview",
            "url": f"{report_page}#claim-{r.claim_id}",
            "claimReviewed": r.quote,
            "itemReviewed": {"@type": "Claim", "appearance": appearance, "author": appearance["author"],
                             "datePublished": appearance["datePublished"]},
            "author": PROJECT,
            "reviewRating": {"@type": "Rating", "alternateName": r.verdict,
                             "ratingValue": RATING_SCALE[r.verdict], "worstRating": WORST_RATING,
                             "bestRating": BEST_RATING, "ratingExplanation": r.explanation},
            "identifier": r.claim_id,
        })
    return reviews


def claimreview_jsonld(factcheck: pd.DataFrame, sources: pd.DataFrame) -> str:
    """The reviews as one JSON-LD document (an array), UTF-8 text ending in a newline."""
    return json.dumps(claim_reviews(factcheck, sources), ensure_ascii=False, indent=1) + "\n"


def write_claimreview(factcheck: pd.DataFrame, sources: pd.DataFrame, path: Path) -> bool:
    """Write ``claimreview_jsonld`` to ``path`` atomically; True if the file changed."""
    return write_text_atomic(path, claimreview_jsonld(factcheck, sources))


def write_report_claimreview(root: Path | None = None) -> Path:
    """Compute the fact-check from the project's tables and write ``report/claimreview.jsonld``; return its path."""
    path = layout(root).report / "claimreview.jsonld"
    write_claimreview(factcheck_tables(root)[0], load_sources(root), path)
    return path
