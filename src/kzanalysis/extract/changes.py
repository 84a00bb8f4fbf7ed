"""extract.changes: changes and multiples stated in words ("tripled", "twice as much", "fell by a third")."""
from __future__ import annotations

import re

from kzanalysis.extract.dates import _plain_lower
from kzanalysis.extract.vocabulary import DECREASE, INCREASE

#: Multiples and fractions written as verbs or words: "doubled", "tripled", "twice as much", "by a third".
_WORD_CHANGES = re.compile(r"(?i)\b(?P<verb>doubl|tripl|quadrupl)(?:ed|es|ing|e)\b|"
                           rf"\b(?P<dir>{INCREASE}|{DECREASE})\s+by\s+(?P<frac>(?:a|one)\s+third|(?:a|one)\s+quarter|half)\b|"
                           r"\b(?P<twice>twice|thrice)\s+(?:as\s+(?:much|many|large|high|big)|more|higher|larger|bigger)\b")
_VERB_FACTORS = {"doubl": 2.0, "tripl": 3.0, "quadrupl": 4.0, "twice": 2.0, "thrice": 3.0}
_FRACTIONS = {"third": 33.3, "quarter": 25.0, "half": 50.0}
#: Strings (lower case) that every match of ``_WORD_CHANGES`` contains one of.
_WORD_CHANGE_PARTS = (*_VERB_FACTORS, *_FRACTIONS)
#: Whether a lower-case text holds one of ``_WORD_CHANGE_PARTS`` (one search instead of one test per part).
_WORD_CHANGE_HINT = re.compile("|".join(_WORD_CHANGE_PARTS))


def word_changes(chunk: str) -> list[dict]:
    """"tripled" (multiple 3), "twice as much" (multiple 2), "fell by a third" (−33.3 percent: fractions
    as a percentage)."""
    out = []
    lower = _plain_lower(chunk)
    if lower is not None and not _WORD_CHANGE_HINT.search(lower):
        return out  # cannot match
    for match in _WORD_CHANGES.finditer(chunk):
        verb = match.group("verb") or match.group("twice")
        if verb:
            out.append(dict(start=match.start(), end=match.end(), value=_VERB_FACTORS[verb.lower()],
                            unit="multiple", kind="multiple", noun="", qualifier="exact", value_confidence=0.7))
        else:
            sign = -1.0 if re.fullmatch(DECREASE, match.group("dir").lower()) else 1.0
            value = _FRACTIONS[match.group("frac").split()[-1].lower()]
            out.append(dict(start=match.start("frac"), end=match.end("frac"), value=sign * value, unit="percent",
                            kind="change", noun="", qualifier="exact", value_confidence=0.6))
    return out
