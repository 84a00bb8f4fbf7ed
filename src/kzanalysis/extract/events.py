"""extract.events (from extract.py)."""
from __future__ import annotations

import re

import pandas as pd

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


#: Words that make a clause a happening (a visit, talks, a signing, a statement, an election ...).
_HAPPENING = re.compile(
    r"(?i)\b(?:visit\w*|met|meet\w*|talks|negotiat\w*|sign\w*|summit|forum|conference|session|"
    r"said|says|say|told|stated|state[ds]?\s+that|noted|stressed|emphasi[sz]ed|announc\w*|declar\w*|"
    r"elect\w*|vot\w*|held|hold\w*|host\w*|arriv\w*|call(?:ed)?|phone|conversation|establish\w*|found\w*|"
    r"open\w*|launch\w*|inaugurat\w*|took\s+office|anniversary|agreed|adopt\w*|approv\w*|ratif\w*|"
    r"cancel\w*|postpon\w*|attend\w*|receiv\w*|welcom\w*|independen\w*|gained|reported|discuss\w*|events?|travel\w*|reign\w*|rapprochement|in\s+service|since|until|"
    r"organi[sz](?:e|es|ed|ing)|celebrat\w*|festivals?|exhibitions?|ceremon\w*|propos\w*)\b")


_DAY_RANGE = re.compile(r"(\d{4}-\d\d)-\d\d/\1-\d\d")  # "12-13 October": the days of one happening


#: A date line: a capitalised place of one or two words (and country) and a date, opening a paragraph ("ASTANA,
#: Kazakhstan, April 1.").
_DATELINE = re.compile(r"^[A-Z][A-Za-z]+(?:[-\s][A-Z][A-Za-z]+)?(?:,\s+[A-Z][a-z]+)?,\s+$")  # "NUR-SULTAN, ", "NEW DELHI, "


#: How far (characters) from a date a figure of its clause may stand for the date to be the figure's period.
_FIGURE_REACH = 60


def _is_figure_period(sentence: str, s_start: int, start: int, end: int, figures: list[tuple[int, int]]) -> bool:
    """Whether the date at ``start:end`` of ``sentence`` (offsets within it; the sentence begins at
    ``s_start`` of the text) is the period of a figure: its clause holds a quantity of ``figures``
    (text offsets) within ``_FIGURE_REACH`` characters and names no happening ("Last year, trade ... reached $6 billion, Tokayev said":
    the saying is in another clause). "since" and "until" frame a figure's period, so they do not count."""
    # straight double quotes bound a quotation as curly ones do (clause_span): 'said that "trade rose ..."'
    q_left = sentence.rfind('"', 0, start) + 1
    q_right = sentence.find('"', end) if '"' in sentence[end:] else len(sentence)
    left, right = clause_span(sentence, q_left, q_right, start, end)
    near = [(f_start - s_start, f_end - s_start) for f_start, f_end in figures
            if left <= f_start - s_start < right]
    if not any(f_start - end <= _FIGURE_REACH and start - f_end <= _FIGURE_REACH for f_start, f_end in near):
        return False
    rest = re.sub(r"(?i)\b(?:since|until)\b", " ", sentence[left:start] + " " + sentence[end:right])
    return not _HAPPENING.search(rest) and event_type(rest) == "other"


_TARGET_YEAR = re.compile(r"(?i)\bby\s+(?:the\s+end\s+of\s+)?$")
_AFTER_FIGURE = re.compile(r"\s+(?:in|for|as\s+of)\s+(?:the\s+)?$")


def _is_target_or_figure_year(sentence: str, s_start: int, start: int, precision: str,
                              figures: list[tuple[int, int]]) -> bool:
    """Whether a year or month at ``start`` of ``sentence`` is a target ("by 2030") or the period written
    right after a figure ("up from $31 billion in 2022"), even in a clause that names a happening
    ("Tokayev told Xi that trade should reach $40 billion by 2030")."""
    if precision not in ("year", "month"):
        return False
    if precision == "year" and _TARGET_YEAR.search(sentence, max(0, start - 20), start):
        return True
    return any(0 <= start - (f_end - s_start) <= 12 and _AFTER_FIGURE.fullmatch(sentence, f_end - s_start, start)
               for _f_start, f_end in figures)


#: Around a year that names a themed year: "2024 has been declared the Year of ...", "declared 2025 the Year of".
_THEMED_AFTER = re.compile(r"\s+(?:has\s+been|had\s+been|was|is|will\s+be)\s+(?:declared|named|proclaimed|designated|"
                           r"announced)\s+(?:as\s+)?(?:the\s+)?Year\s+of\b")
_THEMED_AROUND = (re.compile(r"(?i)\b(?:declared|named|proclaimed|designated|declaring|naming)\s+$"),
                  re.compile(r"\s+(?:as\s+)?(?:the\s+)?Year\s+of\b"))
#: A capitalised word right before a year, inside an opened quotation: "TransLogistica 2025", “Expo 2017”.
_TITLE_BEFORE = re.compile(r"[A-Z][\w-]*\s+$")


def _is_name_year(sentence: str, start: int, end: int, precision: str) -> bool:
    """Whether the year at ``start:end`` of ``sentence`` is part of a name, not the date of a happening: the
    themed year of a designation ("2024 has been declared the Year of Tourism") or the year of a title in
    quotation marks ('the exhibition "Transport Expo 2025"'), whose own date the text does not give."""
    if precision != "year":
        return False
    if _THEMED_AFTER.match(sentence, end) or (_THEMED_AROUND[0].search(sentence, max(0, start - 20), start)
                                              and _THEMED_AROUND[1].match(sentence, end)):
        return True
    before = sentence[:start]
    quotes = before.count('"') % 2 == 1 or before.count("“") > before.count("”") \
        or before.count("«") > before.count("»")
    return quotes and bool(_TITLE_BEFORE.search(before))


def event_dates(extraction: dict) -> pd.DataFrame:
    """The dates of an extraction (``extract.Extractor.extract``) proposed as dates of events
    (``DATE_COLUMNS``), in text order.

    A date expression dates a happening when the rest of its sentence names one (``_HAPPENING``:
    visits, talks, signings, statements, elections ...); the period of a figure ("rose 33% in
    2021"), a byline date and a target year are context, not events. Periods (ranges, decades,
    "the last 15 years") are never event dates, except the days of one month ("12-13 October"). A date line ("MOSCOW, November 28.") dates the
    sentence it introduces when that sentence names a happening and has no date of its own (a period is not one). A date whose
    clause holds a figure and no happening is that figure's period (``_is_figure_period``).
    """
    dates = extraction["dates"].reset_index(drop=True)
    sents = extraction["sentences"].set_index("sentence_id")
    order = list(sents.index)
    keep = []
    # a happening in a part of a year ("planned events in the second half of 2025") is dated by its year:
    # the tables have no half-year or quarter precision (as "last week" is dated by its month); in a
    # sentence with a figure the part of a year is the figure's period ("in the first quarter, trade ...")
    quantities = extraction.get("quantities")
    with_figures = set() if quantities is None else set(quantities["sentence_id"])
    part = (dates["date_precision"] == "range") & dates["date"].str.fullmatch(r"(\d{4})-\d\d/\1-\d\d") \
        & dates["quote"].str.contains(r"(?i)\b(?:half|quarter)\b") & ~dates["sentence_id"].isin(with_figures)
    dates.loc[part, "date"] = dates.loc[part, "date"].str[:4]
    dates.loc[part, "date_precision"] = "year"
    # a sentence whose only dates are periods ("in January-July") has no date of its own for a date line
    dated = set(dates.loc[(dates["date_precision"] != "range") | dates["date"].str.fullmatch(_DAY_RANGE),
                          "sentence_id"])
    figures = [] if quantities is None else list(zip(quantities["start"], quantities["end"]))
    for _, d in dates.iterrows():
        if d["date_precision"] not in ("day", "month", "year") and not _DAY_RANGE.fullmatch(d["date"]):
            keep.append(False)
            continue
        sentence = sents.at[d["sentence_id"], "sentence"]
        s_start = int(sents.at[d["sentence_id"], "start"])
        offset = d["start"] - s_start
        rest = sentence[:offset] + " " + sentence[offset + len(d["quote"]):]
        if _is_figure_period(sentence, s_start, offset, offset + len(d["quote"]), figures) \
                or _is_target_or_figure_year(sentence, s_start, offset, d["date_precision"], figures) \
                or _is_name_year(sentence, offset, offset + len(d["quote"]), d["date_precision"]):
            keep.append(False)
            continue
        if _HAPPENING.search(rest) or event_type(rest) != "other":
            keep.append(True)
            continue
        following = order[order.index(d["sentence_id"]) + 1:][:2]
        keep.append(bool(_DATELINE.match(sentence[:offset])) and any(
            s not in dated and _HAPPENING.search(sents.at[s, "sentence"]) for s in following[:1]))
    return dates[pd.Series(keep, index=dates.index, dtype=bool)].reset_index(drop=True)
