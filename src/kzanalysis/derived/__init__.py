"""Tables rebuilt from seeds and curated tables (``data/derived/``): sentences, mentions, per-document counts."""
from kzanalysis.derived.tables import build, corpus_mentions, derived_tables, document_counts

__all__ = ['build', 'corpus_mentions', 'derived_tables', 'document_counts']
