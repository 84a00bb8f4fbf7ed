"""The seed texts and their metadata: loading, validation, exclusions, sentence segments, the word list."""
from kzanalysis.corpus.sentences import load_sentences, sentences, split_sentences
from kzanalysis.corpus.sources import corpus_problems, load_documents, load_exclusions, load_sources, load_texts, span_problems
from kzanalysis.corpus.wordlist import INFLECTIONS, PREFIXES, WORD_LIST_FILE, known_word, load_word_list, word_list_path, word_list_problems

__all__ = ['INFLECTIONS', 'PREFIXES', 'WORD_LIST_FILE', 'corpus_problems', 'known_word', 'load_documents', 'load_exclusions', 'load_sentences', 'load_sources', 'load_texts', 'load_word_list', 'sentences', 'span_problems', 'split_sentences', 'word_list_path', 'word_list_problems']
