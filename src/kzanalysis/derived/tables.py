"""Derived tables, rebuilt from seeds and curated tables by ``kzanalysis build``.

Written to ``data/derived/`` (never to the curated tables), atomically, and only when
their content changes:

``sentences.csv``: doc_id, sentence_id, start, end, kind, sentence (see ``corpus.sentences``).
``mentions.csv``: doc_id, sentence_id, actor_id, alias, start, end, matched, vector, kind
(see ``actors.mentions``).
``documents.csv``: doc_id, date, outlet, n_chars, n_words, n_sentences, n_mentions,
n_claims, n_events — evidence extracted per document (counts).
"""
from __future__ import annotations

from pathlib import Path

import pandas as pd

from kzanalysis.corpus.sentences import sentences
from kzanalysis.corpus.sources import load_exclusions, load_sources, load_texts
from kzanalysis.evidence.claims import load_claims, load_events
from kzanalysis.gazetteer.actors import load_actors, load_aliases
from kzanalysis.gazetteer.mentions import mentions
from kzanalysis.io.files import write_text_atomic
from kzanalysis.io.paths import layout, project_root, relative
from kzanalysis.io.tables import to_csv_text


def corpus_mentions(root: Path | None = None) -> pd.DataFrame:
    """Mentions of gazetteer actors in every sentence of the corpus (``actors.MENTION_COLUMNS``)."""
    texts = load_texts(root)
    sents = sentences(texts, load_exclusions(root))
    return mentions(sents, texts, load_aliases(root), load_actors(root))


def document_counts(sents: pd.DataFrame, ments: pd.DataFrame, claims: pd.DataFrame,
                    events: pd.DataFrame, sources: pd.DataFrame, texts: dict[str, str]) -> pd.DataFrame:
    """Per document: date, outlet, size (characters, words, sentences) and evidence counts."""
    out = sources[["doc_id", "date", "outlet"]].copy()
    out["date"] = pd.to_datetime(out["date"]).dt.strftime("%Y-%m-%d")
    out["n_chars"] = out["doc_id"].map(lambda d: len(texts[d]))
    out["n_words"] = out["doc_id"].map(lambda d: len(texts[d].split()))
    for column, frame in [("n_sentences", sents), ("n_mentions", ments), ("n_claims", claims), ("n_events", events)]:
        out[column] = out["doc_id"].map(frame.groupby("doc_id").size()).fillna(0).astype(int)
    return out.sort_values(["date", "doc_id"]).reset_index(drop=True)


def derived_tables(root: Path | None = None) -> dict[str, pd.DataFrame]:
    """All derived tables by file name."""
    texts = load_texts(root)
    sents = sentences(texts, load_exclusions(root))
    ments = mentions(sents, texts, load_aliases(root), load_actors(root))
    docs = document_counts(sents, ments, load_claims(root), load_events(root), load_sources(root), texts)
    return {"sentences.csv": sents, "mentions.csv": ments, "documents.csv": docs}


def build(root: Path | None = None, out_dir: Path | None = None, echo=print) -> list[str]:
    """Write every derived table; return the relative paths that changed."""
    root = root or project_root()
    out_dir = out_dir or layout(root).derived
    changed = []
    for name, frame in derived_tables(root).items():
        path = out_dir / name
        if write_text_atomic(path, to_csv_text(frame)):
            changed.append(relative(path, root))
        echo(f"  {relative(path, root)}: {len(frame)} rows{' (updated)' if relative(path, root) in changed else ''}")
    return changed
