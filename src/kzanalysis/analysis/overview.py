"""analysis.overview (from overview.py)."""
from __future__ import annotations

from pathlib import Path

import pandas as pd

from kzanalysis.corpus.sources import load_sources
from kzanalysis.derived.tables import derived_tables


def corpus_overview(root: Path | None = None) -> pd.DataFrame:
    """Per document: metadata, size and evidence counts (see module docstring)."""
    docs = derived_tables(root)["documents.csv"]
    sources = load_sources(root)[["doc_id", "outlet_country", "date_basis"]]
    out = docs.merge(sources, on="doc_id")
    out["claims_per_1000_words"] = (1000 * out["n_claims"] / out["n_words"]).round(1)
    return out[["doc_id", "outlet", "outlet_country", "date", "date_basis", "n_words", "n_sentences",
                "n_mentions", "n_claims", "n_events", "claims_per_1000_words"]]
