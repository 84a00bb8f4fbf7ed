"""The fact-check of the whole corpus, read from the curated tables (the one place that loads them).

``factcheck_tables(root)`` loads the claims, events, reference tables and the curated
check tables (``data/reference/claim_checks.csv``, ``event_checks.csv``) and returns the
outputs of ``factcheck.check_claims`` and ``check_events``. Notebooks, the derived export
(``data/derived/factcheck.csv``) and the ClaimReview JSON-LD all call it, so that they
show the same verdicts.
"""
from __future__ import annotations

from pathlib import Path

import pandas as pd

from kzanalysis.analysis.factcheck import check_claims, check_events
from kzanalysis.analysis.references import reference_table
from kzanalysis.corpus.sources import load_sources
from kzanalysis.evidence.claims import load_claims, load_events
from kzanalysis.evidence.reference import load_claim_checks, load_dates, load_event_checks, load_facts, load_trade


def reference_table_of(root: Path | None = None) -> pd.DataFrame:
    """``references.reference_table`` over the project's reference tables."""
    return reference_table(load_trade(root), load_facts(root), load_dates(root))


def factcheck_tables(root: Path | None = None) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(claim verdicts, event verdicts): ``check_claims`` and ``check_events`` on the project's tables."""
    refs = reference_table_of(root)
    claims = check_claims(load_claims(root), load_claim_checks(root), refs, load_sources(root))
    events = check_events(load_events(root), load_event_checks(root), refs)
    return claims, events
