"""The word list knows regular inflections and compounds of its words, and no more."""
from __future__ import annotations

import pytest

from kzanalysis.corpus.wordlist import known_word, load_word_list

WORDS = frozenset({"attach", "economy", "transform", "stuck", "conjunctural", "polar", "appreciated", "competes",
                   "stop", "plan", "make", "nationalism", "cooperation", "don't"})


@pytest.mark.parametrize("word", ["attach", "Attaches", "economies", "transformative", "stuckness",
                                  "conjuncturally", "multipolar", "underappreciated", "outcompetes", "stopped",
                                  "planning", "making", "ethnonationalism", "cooperations", "don’t"])
def test_regular_forms_of_listed_words_are_known(word):
    assert known_word(word, WORDS)


@pytest.mark.parametrize("word", ["atach", "economys", "parter", "precided", "polars" + "x", "unknown", "st",
                                  "prestopped"])
def test_misspellings_and_forms_not_made_by_a_rule_are_unknown(word):
    assert not known_word(word, WORDS)


def test_the_project_list_knows_the_words_issue_15_found_missing_but_not_the_seeds_misspellings():
    words = load_word_list()
    for word in ["capita", "transformative", "underappreciated", "attaches", "recognise", "multiethnic"]:
        assert known_word(word, words), word
    for typo in ["dolar", "parter", "framwoek", "investemnts", "precided", "aformentioned", "digned"]:
        assert not known_word(typo, words), typo
