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


def document_table(sources: pd.DataFrame) -> pd.DataFrame:
    """The documents for reading, in the order of ``sources`` (``load_sources``).

    Columns: doc_id, outlet, outlet_country, author, date (``YYYY-MM-DD``), date_precision, date_basis.
    """
    out = sources.assign(date=sources["date"].dt.strftime("%Y-%m-%d"))
    return out[["doc_id", "outlet", "outlet_country", "author", "date", "date_precision", "date_basis"]].reset_index(
        drop=True)


def exclusion_summary(exclusions: pd.DataFrame) -> pd.DataFrame:
    """What was masked per document (``load_exclusions``). Index: doc_id. Columns: spans (count), characters (total length)."""
    return exclusions.groupby("doc_id").agg(spans=("quote", "size"), characters=("quote", lambda q: q.str.len().sum()))


def corpus_findings(overview: pd.DataFrame) -> str:
    """Markdown bullets: size and dating of the corpus, evidence extracted, densest document, outlets by country.

    ``overview``: ``corpus_overview``.
    """
    stated = int((overview["date_basis"] == "stated").sum())
    densest = overview.loc[overview["claims_per_1000_words"].idxmax()]
    countries = overview["outlet_country"].value_counts().sort_index()
    return (
        f"- The corpus has **{len(overview)} documents** and **{overview['n_words'].sum():,} words**, dated from "
        f"{overview['date'].min()} to {overview['date'].max()}; **{stated}** carry a date line, the others are dated "
        "by the latest event they mention.\n"
        f"- **{overview['n_claims'].sum()} claims**, **{overview['n_events'].sum()} dated events** and "
        f"**{overview['n_mentions'].sum():,} actor mentions** were extracted.\n"
        f"- The densest in figures is `{densest['doc_id']}` ({densest['claims_per_1000_words']} claims per 1,000 "
        "words); outlets by country: " + ", ".join(f"{country} {n}" for country, n in countries.items()) + "."
    )
