"""Readable column labels for tables shown to a reader (``trade_turnover`` → ``Trade turnover``)."""
from __future__ import annotations

import pandas as pd

#: Labels that the generic rule would get wrong.
LABELS = {"doc_id": "Source", "claim_id": "Claim", "event_id": "Event", "claim_ids": "Claims", "doc_a": "Source A",
          "doc_b": "Source B", "claim_a": "Claim A", "claim_b": "Claim B", "n": "Count", "hhi": "HHI",
          "hhi_points": "HHI (points)", "pct": "%", "n_claims": "Claims", "n_shared": "On a shared series",
          "n_corroborated": "Corroborated", "n_conflicts": "Conflicts", "n_events": "Events",
          "n_checkable": "Checkable", "n_not_holding": "Not holding", "unknown_per_1000": "Unknown words per 1,000",
          "per_1000_words": "Per 1,000 words", "relative_difference": "Relative difference"}


def label(column: object) -> str:
    """One column name for reading: a known label, else underscores as spaces, first letter upper case."""
    text = str(column)
    if text in LABELS:
        return LABELS[text]
    if len(text) > 2 and text[-2:] in ("_a", "_b"):  # one of a pair: period_a → Period A
        text = text[:-1] + text[-1].upper()
    text = text.replace("_", " ")
    return text[:1].upper() + text[1:]


def readable_columns(frame: pd.DataFrame) -> pd.DataFrame:
    """``frame`` with every column (and named index level) relabelled by ``label``."""
    out = frame.rename(columns={c: label(c) for c in frame.columns})
    if any(n is not None for n in out.index.names):
        out.index = out.index.set_names([label(n) if n is not None else None for n in out.index.names])
    return out
