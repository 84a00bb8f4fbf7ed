"""Curated claims and events, reference statistics with citations, periods, and the precision of stated figures."""
from kzanalysis.evidence.claims import actor_reference_problems, event_actors, load_claims, load_events, period_problems
from kzanalysis.evidence.periods import period_bounds, period_precision
from kzanalysis.evidence.precision import APPROXIMATE_MARGIN, CARDINAL_WORDS, ORDINAL_WORDS, SCALES, SCALE_WORDS, WrittenNumber, claim_intervals, exact_decimal, in_interval, relative_difference, stated_interval, stated_precision, written_numbers, written_value
from kzanalysis.evidence.reference import CITATION_COLUMNS, citation, load_claim_checks, load_dates, load_event_checks, load_facts, load_searches, load_trade, reference_link_problems

__all__ = ['APPROXIMATE_MARGIN', 'CARDINAL_WORDS', 'CITATION_COLUMNS', 'ORDINAL_WORDS', 'SCALES', 'SCALE_WORDS', 'WrittenNumber', 'actor_reference_problems', 'citation', 'claim_intervals', 'event_actors', 'exact_decimal', 'in_interval', 'load_claim_checks', 'load_claims', 'load_dates', 'load_event_checks', 'load_events', 'load_facts', 'load_searches', 'load_trade', 'period_bounds', 'period_precision', 'period_problems', 'reference_link_problems', 'relative_difference', 'stated_interval', 'stated_precision', 'written_numbers', 'written_value']
