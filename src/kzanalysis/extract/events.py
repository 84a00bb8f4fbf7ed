"""extract.events (from extract.py)."""
from __future__ import annotations

import re

_EVENT_TYPES = [
    ("phone_call", r"phone\s+call|telephone|called"), ("summit", r"summit"), ("memorandum", r"memorand"),
    ("forum", r"\bforum\b|congress"), ("agreement", r"agreement|treaty|deal|partnership|signed"),
    ("visit", r"visit|travel+ed|trip|arrived|came\s+to|went\s+to"), ("election", r"elect"),
    ("resignation", r"resign"), ("accession", r"accession|acceded|joined"), ("membership", r"member"),
    ("chairmanship", r"chairmanship|chaired|presided|precided"), ("annexation", r"annex"),
    ("war", r"\bwar\b|invasion|invaded"), ("independence", r"independence"),
    ("recognition", r"recogni[sz]"), ("strategy", r"strategy|concept|programme|program|plan\b"),
    ("announcement", r"announc|declar"), ("financing", r"financ|loan|approved"),
    ("purchase", r"purchas|bought"), ("meeting", r"meeting|\bmet\b|talks"),
]


def event_type(clause: str) -> str:
    """Event type from cue words in ``clause`` (the first cue type that occurs), else ``other``."""
    for name, pattern in _EVENT_TYPES:
        if re.search(pattern, clause, re.I):
            return name
    return "other"


def clause_span(text: str, s_start: int, s_end: int, start: int, end: int, minimum: int = 30) -> tuple[int, int]:
    """Span of the clause around ``start:end`` within its sentence: from the previous clause
    boundary (, ; : ( ) “ ” — outside numbers) to the next, widened to ``minimum`` characters."""
    boundary = re.compile(r"(?<!\d),|,(?!\d{3})|[;:()“”—]")
    left, right = s_start, s_end
    for match in boundary.finditer(text, s_start, start):
        left = match.end()
    match = boundary.search(text, end, s_end)
    if match:
        right = match.start()
    while right - left < minimum and (left > s_start or right < s_end):
        prev = [m.end() for m in boundary.finditer(text, s_start, max(s_start, left - 1))]
        new_left = prev[-1] if prev else s_start
        nxt = boundary.search(text, min(s_end, right + 1), s_end)
        new_right = nxt.start() if nxt else s_end
        if (new_left, new_right) == (left, right):
            break
        left, right = new_left, new_right
    while left < right and text[left].isspace():
        left += 1
    while right > left and text[right - 1] in " \t.":
        right -= 1
    return left, right
