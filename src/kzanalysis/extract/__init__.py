"""Finding candidate evidence in a text: numbers, quantities, dates, context, unknown names, events; and scoring it."""
from kzanalysis.extract.candidates import CANDIDATE_COLUMNS, CLAIM_FIELDS, EVENT_FIELDS, candidates
from kzanalysis.extract.context import CONTEXT_COLUMNS, quantity_context
from kzanalysis.extract.dates import DATE_COLUMNS, dates_in, document_date
from kzanalysis.extract.evaluation import README_END, README_START, REL_TOL, SCORE_COLUMNS, evaluate, is_calendar_year, markdown_table, match_dates, match_quantities, predictions, replace_section, scores, stated_claims, write_score_table
from kzanalysis.extract.events import clause_span, event_type
from kzanalysis.extract.extractor import Extractor, number_text
from kzanalysis.extract.names import NAME_COLUMNS, names_in, unknown_names
from kzanalysis.extract.quantities import QUANTITY_COLUMNS, find_dates, find_quantities, quantities_in, sentence_spans
from kzanalysis.extract.vocabulary import CARDINALS, COMPILED_CACHE_SIZE, CURRENCY_AFTER, CURRENCY_BEFORE, DASH, DAY, DECREASE, DETERMINERS, DIGITS, FOCUS_ACTOR, INCREASE, MEASURES, METRIC_CUES, MONTHS, MONTH_ABBR, MONTH_NAME, OCCASION_NOUNS, ORDINAL_WORD, PARTY_NOUNS, PERCENT, QUALIFIERS, RAISE_TO, RANK_WORDS, ROLE_NOUNS, SCALES, STOP_NOUN, TARGET_CUE, TIME_UNITS, WORD_NUMBER, YEAR, number_from_words

__all__ = ['CANDIDATE_COLUMNS', 'CARDINALS', 'CLAIM_FIELDS', 'COMPILED_CACHE_SIZE', 'CONTEXT_COLUMNS', 'CURRENCY_AFTER', 'CURRENCY_BEFORE', 'DASH', 'DATE_COLUMNS', 'DAY', 'DECREASE', 'DETERMINERS', 'DIGITS', 'EVENT_FIELDS', 'Extractor', 'FOCUS_ACTOR', 'INCREASE', 'MEASURES', 'METRIC_CUES', 'MONTHS', 'MONTH_ABBR', 'MONTH_NAME', 'NAME_COLUMNS', 'OCCASION_NOUNS', 'ORDINAL_WORD', 'PARTY_NOUNS', 'PERCENT', 'QUALIFIERS', 'QUANTITY_COLUMNS', 'RAISE_TO', 'RANK_WORDS', 'README_END', 'README_START', 'REL_TOL', 'ROLE_NOUNS', 'SCALES', 'SCORE_COLUMNS', 'STOP_NOUN', 'TARGET_CUE', 'TIME_UNITS', 'WORD_NUMBER', 'YEAR', 'candidates', 'clause_span', 'dates_in', 'document_date', 'evaluate', 'event_type', 'find_dates', 'find_quantities', 'is_calendar_year', 'markdown_table', 'match_dates', 'match_quantities', 'names_in', 'number_from_words', 'number_text', 'predictions', 'quantities_in', 'quantity_context', 'replace_section', 'scores', 'sentence_spans', 'stated_claims', 'unknown_names', 'write_score_table']
