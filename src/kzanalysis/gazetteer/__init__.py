"""Actors and their aliases, mention matching in the texts, and the framing lexicon."""
from kzanalysis.gazetteer.actors import gazetteer_problems, load_actors, load_aliases
from kzanalysis.gazetteer.lexicon import load_lexicon
from kzanalysis.gazetteer.mentions import Gazetteer, MENTION_COLUMNS, alias_regex, aliases_occurring, find_mentions, mentions
from kzanalysis.gazetteer.vectors import VECTOR_LABELS, VECTOR_ORDER, vector_label

__all__ = ['Gazetteer', 'MENTION_COLUMNS', 'VECTOR_LABELS', 'VECTOR_ORDER', 'alias_regex', 'aliases_occurring', 'find_mentions', 'gazetteer_problems', 'load_actors', 'load_aliases', 'load_lexicon', 'mentions', 'vector_label']
