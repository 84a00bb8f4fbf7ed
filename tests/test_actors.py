"""Gazetteer matching: word boundaries, case, longest match, possessives."""
from __future__ import annotations

import pandas as pd

from kzanalysis.gazetteer.mentions import find_mentions


def aliases(*rows: tuple[str, str, bool]) -> pd.DataFrame:
    return pd.DataFrame(rows, columns=["alias", "actor_id", "case_sensitive"])


GAZ = aliases(("Turkish", "turkiye", False), ("Turkic", "turkic_world", False),
              ("Turkish world", "turkic_world", False), ("US", "usa", True), ("U.S.", "usa", True),
              ("Kazakhstan", "kazakhstan", False), ("Organization of Turkic States", "ots", False),
              ("Erdoğan", "erdogan", False), ("Erdogan", "erdogan", False), ("EU", "eu", True))


def found(text: str) -> list[tuple[str, str]]:
    return list(zip(find_mentions(text, GAZ)["matched"], find_mentions(text, GAZ)["actor_id"]))


def test_turkish_is_not_turkic():
    assert found("Turkish firms and Turkic states") == [("Turkish", "turkiye"), ("Turkic", "turkic_world")]


def test_longest_alias_wins():
    assert found("the Turkish world and the Organization of Turkic States") == [
        ("Turkish world", "turkic_world"), ("Organization of Turkic States", "ots")]


def test_case_sensitive_acronym_does_not_match_common_word():
    assert found("Let us meet the US envoy and the U.S. team") == [("US", "usa"), ("U.S.", "usa")]


def test_possessive_and_hyphen_compounds_match():
    assert found("Kazakhstan’s policy; Türkiye-Kazakhstan ties; Kazakhstan's") == [
        ("Kazakhstan", "kazakhstan"), ("Kazakhstan", "kazakhstan"), ("Kazakhstan", "kazakhstan")]


def test_no_match_inside_longer_word():
    assert found("Kazakhstani officials and the EUR rate") == []


def test_offsets_point_at_the_match_and_diacritic_spellings_are_distinct_aliases():
    text = "Erdoğan met Erdogan."
    frame = find_mentions(text, GAZ)
    assert [text[s:e] for s, e in zip(frame["start"], frame["end"])] == ["Erdoğan", "Erdogan"]
    assert set(frame["actor_id"]) == {"erdogan"}


def test_case_insensitive_alias_matches_other_case():
    assert found("TURKISH and turkish") == [("TURKISH", "turkiye"), ("turkish", "turkiye")]


def test_straight_and_curly_apostrophes_match_each_other():
    gaz = aliases(("People’s Republic of China", "china", False))
    text = "the People's Republic of China and the People’s Republic of China"
    assert list(find_mentions(text, gaz)["matched"]) == ["People's Republic of China", "People’s Republic of China"]
