"""The gazetteer check finds in one automaton pass what a regular expression per alias finds."""
from __future__ import annotations

import re

import pytest

from kzanalysis.gazetteer.mentions import _RegexGazetteer, alias_regex, aliases_occurring

ROWS = [("Turkic States", "ots", False), ("Organization of Turkic States", "ots", False), ("US", "usa", True),
        ("Kazakhstan", "kazakhstan", False), ("KZ", "kazakhstan", True), ("Erdoğan", "erdogan", False),
        ("Central Asia", "central_asia", False), (" Ankara", "turkey", False), ("People's Republic", "china", False)]


@pytest.mark.parametrize("text", [
    "the Organization of Turkic  States\nmet", "us and the US; kz KZ", "KAZAKHSTAN’s path", "ERDOĞAN spoke",
    "Central\u00a0Asia", "to Ankara", "People’s Republic", "Kazakhstani firms, USA", ""])
def test_aliases_occurring_equals_one_search_per_alias(text):
    expected = {(alias, cs) for alias, _, cs in ROWS
                if re.search(rf"(?<![\w]){alias_regex(alias)}(?![\w])", text, 0 if cs else re.IGNORECASE)}
    assert aliases_occurring(ROWS, text) == expected


def test_an_alias_inside_a_longer_mention_still_occurs():
    found = aliases_occurring(ROWS, "the Organization of Turkic States met")
    assert ("Turkic States", False) in found and ("Organization of Turkic States", False) in found


def test_the_grouped_regex_matcher_equals_one_flat_alternation():
    rows = tuple(sorted(ROWS, key=lambda r: (-len(r[0]), r[0], r[1])))
    parts = [f"({alias_regex(a)})" if cs else f"((?i:{alias_regex(a)}))" for a, _, cs in rows]
    flat = _RegexGazetteer(re.compile(rf"(?<![\w])(?:{'|'.join(parts)})(?![\w])"), tuple((a, x) for a, x, _ in rows))
    grouped = _RegexGazetteer.from_rows(rows)
    for text in ["the Organization of Turkic  States and Turkic States", "US us KZ kz Kazakhstan’s", " Ankara x",
                 "ERDOĞAN Erdogan erdoğan", "People’s Republic People's republic", "Central\tAsia"]:
        assert grouped.find(text) == flat.find(text), text
