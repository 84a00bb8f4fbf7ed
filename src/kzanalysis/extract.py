"""Candidate evidence extracted automatically from a text: quantities, dates, actor mentions.

Nothing here writes a file; ``kzanalysis.intake`` turns these tables into a review file
(``data/candidates/<doc_id>.csv``) and ``kzanalysis.evaluate`` scores them against the
curated tables. Rules are general English patterns; no seed text is special-cased.

Offsets are Python ``str`` indices into the text exactly as given (``text[start:end] ==
quote``), as everywhere in the project.

``find_quantities(text, doc_id, ...)``: one row per number stated in the text —
doc_id, sentence_id, start, end (the number with its currency, scale and unit words),
quote (``text[start:end]``), value (float, in ``unit``; a decrease "decreased by 18.4%"
is -18.4), unit (the claims' units: ``usd``, ``try``, ``percent``, ``count``, ``rank``,
``km``, ``barrels``, ``cubic_metres``, ``multiple``, ``year``, or another currency code
such as ``eur``), kind (``money``, ``percent``, ``change`` (a percentage with a
direction), ``count``, ``rank``, ``ordinal`` (the Nth meeting, summit, anniversary),
``measure``, ``duration``), noun (what is counted, lower case, '' if none), qualifier
(``exact``, ``approximate``, ``over``, ``target``), value_confidence (0–1: how sure the
value and unit are).

``find_dates(text, doc_id, doc_date, ...)``: one row per date expression — doc_id,
sentence_id, start, end, quote, date (ISO: ``2022-05-10``, ``2022-05``, ``2022`` or an
interval ``a/b``), date_precision (``day``, ``month``, ``year``, ``range``), date_basis
(``stated`` when the text gives the year, ``inferred`` when it is resolved against the
document's date, as in "last July" or "September 14th"), confidence (0–1).

``quantity_context(quantities, mentions, dates, sentences, actors)``: the quantities
with the guesses added — subject, partner (actor ids), period, period_precision,
metric (from the metric vocabulary, '' if no cue), context_confidence (0–1) and
confidence (value_confidence × context_confidence).

``unknown_names(texts, gazetteer)``: capitalised names not in the gazetteer, ranked by
frequency — name, n (occurrences), n_docs, first_doc, first_start, example.

``candidates(...)``: all of the above as rows of a review file (``CANDIDATE_COLUMNS``).

Libraries: dates are located with regular expressions (a date must be found *in* prose,
with its offsets) and read with ``dateutil`` (month names and abbreviations, ordinal days
such as "14th", real-day checks), with ``dateutil.relativedelta`` resolving "last July"
against the document date; ``dateutil`` is already pinned as a dependency of pandas.
``dateparser.search_dates`` was not used: it returns no offsets, is slow on whole texts
and reads verbs ("may", "march") and counts ("15 agreements") as dates. Number words are
a closed English vocabulary read by ``number_from_words`` (30 lines with tests):
``text2num``'s ``alpha2digit`` rewrites the text (offsets are lost), leaves "a thousand"
half-converted, and its offset API wants a token stream.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime

import pandas as pd
from dateutil import parser as date_parser
from dateutil.relativedelta import relativedelta

from .actors import Gazetteer, MENTION_COLUMNS
from .corpus import split_sentences

# ---------------------------------------------------------------------------------------------
# Constants
# ---------------------------------------------------------------------------------------------

#: Compiled gazetteer subsets kept per extractor (a document's aliases rarely repeat exactly,
#: so a small cache keeps a worker's memory flat on a long stream of documents).
COMPILED_CACHE_SIZE = 128

#: The project's frame: Kazakhstan's aggregates and its bilateral figures have it as subject
#: (data/README.md, claims.subject).
FOCUS_ACTOR = "kazakhstan"

QUANTITY_COLUMNS = ["doc_id", "sentence_id", "start", "end", "quote", "value", "unit", "kind", "noun",
                    "qualifier", "value_confidence"]
DATE_COLUMNS = ["doc_id", "sentence_id", "start", "end", "quote", "date", "date_precision", "date_basis",
                "confidence"]
CONTEXT_COLUMNS = ["subject", "partner", "period", "period_precision", "metric", "context_confidence",
                   "confidence"]
NAME_COLUMNS = ["name", "n", "n_docs", "first_doc", "first_start", "example"]
CLAIM_FIELDS = ["subject", "metric", "partner", "period", "period_precision", "value", "unit", "qualifier"]
EVENT_FIELDS = ["event_key", "date", "date_precision", "date_basis", "type", "actors", "place", "count"]
#: Columns of a review file ``data/candidates/<doc_id>.csv``.
CANDIDATE_COLUMNS = ["candidate_id", "table", "accept", "doc_id", "quote", "start", "end",
                     *CLAIM_FIELDS, *EVENT_FIELDS, "notes", "confidence"]

_CARDINALS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30,
    "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
}
_ORDINALS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
    "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13, "fourteenth": 14,
    "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19,
    "twentieth": 20, "thirtieth": 30, "fortieth": 40, "fiftieth": 50, "sixtieth": 60, "seventieth": 70,
    "eightieth": 80, "ninetieth": 90, "hundredth": 100, "thousandth": 1000,
    # a frequent misspelling of "fourth"; counted only before an occasion or a rank word
    # ("the forth meeting", "forth largest"), never in "back and forth" or "put forth"
    "forth": 4,
}
_SCALES = {"hundred": 1e2, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12,
           "bn": 1e9, "mn": 1e6, "mln": 1e6, "m": 1e6, "tn": 1e12, "k": 1e3}
_TENS = [w for w, v in _CARDINALS.items() if v >= 20]

#: Currency words and symbols → unit. Common misspellings of "dollar" (one l) are general
#: typos of non-native writers, matched by the pattern ``doll?ars?``.
_CURRENCY_BEFORE = [  # written before the number
    (r"US\s?\$|\$|USD|US dollars?", "usd"), (r"TL|TRY|₺", "try"), (r"€|EUR", "eur"), (r"£|GBP", "gbp"),
    (r"₸|KZT", "kzt"), (r"₽|RUB", "rub"), (r"¥|CNY|RMB", "cny"),
]
_CURRENCY_AFTER = [  # written after the number (and its scale word)
    (r"(?:US\s+|U\.S\.\s+|American\s+)?doll?ars?|USD|US\$", "usd"), (r"(?:Turkish\s+)?liras?|TL|TRY", "try"),
    (r"euros?|EUR", "eur"), (r"pounds?\s+sterling|GBP", "gbp"), (r"tenge|KZT", "kzt"),
    (r"r[ou]ubles?|RUB", "rub"), (r"yuan|renminbi|CNY|RMB", "cny"),
]
#: Units of measure written after the number → (unit, factor to the unit).
_MEASURES = [
    (r"kilomet(?:er|re)s?|km", "km", 1.0), (r"miles?", "km", 1.609344),
    (r"barrels?|bbl", "barrels", 1.0), (r"cubic\s+met(?:er|re)s?|m3|m³", "cubic_metres", 1.0),
    (r"bcm", "cubic_metres", 1e9), (r"(?:-\s*)?fold", "multiple", 1.0),
    (r"tonnes?|tons?", "tonnes", 1.0), (r"hectares?", "hectares", 1.0),
]
_PERCENT = r"%|\s?per\s?cent\b|\s?pct\b"
_TIME_UNITS = {"year", "years", "month", "months", "week", "weeks", "day", "days", "decade", "decades",
               "century", "centuries", "hour", "hours"}
#: Nouns after an ordinal that make it a rank ("the fifth largest", "the third country which ...").
_RANK_WORDS = r"largest|biggest|leading|highest|lowest|smallest|most|major|richest|top"
_RANK_NOUNS = {"country", "state", "nation", "partner", "investor", "economy", "exporter", "importer",
               "producer", "supplier", "buyer", "lender", "donor", "place", "position"}
#: Nouns after an ordinal that number an occasion ("the sixth summit", "the 30th anniversary").
_OCCASION_NOUNS = {"meeting", "summit", "session", "anniversary", "congress", "forum", "conference",
                   "round", "edition", "council", "assembly"}
#: Nouns after an ordinal that make it a title, not a figure ("the first president").
_ROLE_NOUNS = {"president", "presidents", "minister", "ministers", "chairman", "secretary", "leader", "lady",
               "king", "queen", "head", "deputy", "vice", "world", "war", "half", "quarter", "time", "times",
               "step", "steps", "place"}
#: Plural nouns that refer to the parties themselves ("the two countries", "both states"):
#: a small count of them restates who is involved rather than claiming a figure.
_PARTY_NOUNS = {"countries", "states", "nations", "powers", "sides", "parties", "leaders", "presidents",
                "governments", "neighbours", "neighbors", "capitals", "peoples", "republics"}
_DETERMINERS = {"the", "these", "those", "its", "their", "our", "his", "her", "both", "all", "each",
                "every", "of", "last", "past", "next", "first", "recent", "previous", "coming"}
_STOP_NOUN = {"in", "of", "that", "which", "who", "were", "was", "is", "are", "have", "has", "had", "be",
              "been", "between", "to", "for", "with", "and", "or", "from", "by", "on", "at", "as", "the",
              "a", "an", "than", "per", "into", "over", "under", "since", "after", "before", "will",
              "would", "could", "can", "may", "it", "they", "this", "these", "those", "its", "their",
              "worth", "each", "while", "about", "among", "across", "during", "until", "within", "such",
              "not", "also", "so", "but", "if", "when", "where", "there", "here", "operating"}
_QUALIFIERS = [
    ("over", r"(?:over|more\s+than|above|exceed(?:ed|ing|s)?|passed|surpass(?:ed|ing)?|in\s+excess\s+of|"
             r"at\s+least|upwards\s+of)\s*$"),
    ("approximate", r"(?:nearly|almost|approximately|approx\.?|about|around|roughly|some|close\s+to|"
                    r"an\s+estimated|estimated\s+at|circa|ca\.|up\s+to)\s*$"),
]
_TARGET_CUE = re.compile(r"\b(?:target(?:s|ed)?|aim(?:s|ed)?|goal|plan(?:s|ned)?\s+to|projected|"
                         r"expected\s+to|seek(?:s|ing)?\s+to|determined\s+as)\b", re.I)
#: "to raise trade to $10 billion": a base-form verb of increase followed by "to" + amount is a goal.
_RAISE_TO = re.compile(r"(?i)\b(?:raise|increase|bring|boost|lift|double|triple|expand)\s+(?:[\w’'-]+\s+){0,6}to\s*$")
_INCREASE = r"increas\w*|grow\w*|grew|rose|ris(?:e|es|ing)|surg\w*|jump\w*|climb\w*|soar\w*|gain\w*|up|expan\w*|higher"
_DECREASE = r"decreas\w*|declin\w*|fell|fall\w*|drop\w*|shr[ai]nk\w*|contract\w*|down|lower|plung\w*|slump\w*|reduc\w*"

_MONTHS = {m: i for i, m in enumerate(
    ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
     "november", "december"], start=1)}
_MONTH_ABBR = {"jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9,
               "oct": 10, "nov": 11, "dec": 12}
_MONTH_NAME = (r"(?:January|February|March|April|May|June|July|August|September|October|November|December|"
               r"Jan\.|Feb\.|Mar\.|Apr\.|Jun\.|Jul\.|Aug\.|Sept?\.|Oct\.|Nov\.|Dec\.)")
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_YEAR = r"(?:1[89]\d\d|20\d\d)"
_DASH = r"\s?[-–—]\s?"

# Metric vocabulary cues (data/README.md): first match in the quantity's clause wins.
_METRIC_CUES = [
    (r"gross\s+domestic\s+product|\bGDP\b", {"money": "gdp", "multiple": "gdp_growth_multiple"}),
    (r"trade\s+(?:volume|turnover)|turnover|bilateral\s+trade|trade\s+between|volume\s+of\s+trade|external\s+trade",
     {"money": "trade_turnover", "change": "trade_turnover_growth"}),
    (r"trad(?:e|ing)\s+part?n?er", {"rank": "trade_partner_rank"}),
    (r"\bexports?\b", {"money": "exports", "change": "exports_growth"}),
    (r"\bimports?\b", {"money": "imports", "change": "imports_growth"}),
    (r"reserves?", {"money": "fx_reserves", "measure": "reserves", "rank": "reserves_rank"}),
    (r"invest\w*", {"money": "investment_stock", "rank": "investor_rank", "count": "investment_projects"}),
    (r"agreements?", {"count": "agreements_signed"}),
    (r"memorand\w*", {"count": "memoranda_signed"}),
    (r"compan(?:y|ies)", {"count": "companies"}),
    (r"financ\w*|loan|credit", {"money": "financing_approved"}),
    (r"summit", {"ordinal": "summit_number"}),
    (r"anniversary", {"ordinal": "anniversary_years"}),
    (r"meeting|council", {"ordinal": "council_meeting_number"}),
    (r"visits?", {"count": "visits_count"}),
]

_WORD_NUMBER = re.compile(
    r"(?<![\w-])(?:a(?=\s+(?:hundred|thousand|million|billion|trillion)\b)|(?:"
    + "|".join(sorted(list(_CARDINALS) + ["hundred", "thousand", "million", "billion", "trillion"],
                      key=len, reverse=True))
    + r"))(?:(?:\s+|-)(?:and\s+)?(?:"
    + "|".join(sorted(list(_CARDINALS) + ["hundred", "thousand", "million", "billion", "trillion"],
                      key=len, reverse=True))
    + r"))*(?![\w-])", re.I)
_ORDINAL_WORD = re.compile(
    r"(?<![\w-])(?:(?:" + "|".join(_TENS) + r")-)?(?:" + "|".join(sorted(_ORDINALS, key=len, reverse=True))
    + r")(?![\w])", re.I)
_DIGITS = re.compile(r"(?<![\w.,/:+\-])(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?:(st|nd|rd|th)\b)?(?![\d,]\d)"
                     r"(?![.:/]\d)")


# ---------------------------------------------------------------------------------------------
# Number words
# ---------------------------------------------------------------------------------------------

def number_from_words(words: str) -> float:
    """Value of an English number written in words: "three thousand" → 3000, "a thousand" →
    1000, "twenty-one" → 21, "fifth" → 5. Raises ValueError if a word is not a number word."""
    total, current = 0.0, 0.0
    tokens = [t for t in re.split(r"[\s-]+", words.strip().lower()) if t and t != "and"]
    if not tokens:
        raise ValueError("no number words")
    for i, token in enumerate(tokens):
        if token == "a" and i == 0:
            current = 1
        elif token in _CARDINALS:
            current += _CARDINALS[token]
        elif token in _ORDINALS:
            current += _ORDINALS[token] if _ORDINALS[token] < 100 else 0
            if _ORDINALS[token] >= 100:
                current = (current or 1) * _ORDINALS[token]
        elif token == "hundred":
            current = (current or 1) * 100
        elif token in ("thousand", "million", "billion", "trillion"):
            total += (current or 1) * _SCALES[token]
            current = 0
        else:
            raise ValueError(f"{token!r} is not a number word")
    return total + current


# ---------------------------------------------------------------------------------------------
# Dates
# ---------------------------------------------------------------------------------------------

_DATE_PATTERNS: list[tuple[str, re.Pattern]] = [
    # 12-13 October 2022 / 12-13 October
    ("day_range_dmy", re.compile(rf"\b(?P<d1>{_DAY})(?:{_DASH}|\s+and\s+)(?P<d2>{_DAY})\s+(?P<m>{_MONTH_NAME})"
                                 rf"(?:,?\s+(?P<y>{_YEAR}))?\b")),
    # October 12-13, 2022 / November 16 and 17
    ("day_range_mdy", re.compile(rf"\b(?P<m>{_MONTH_NAME})\s+(?P<d1>{_DAY})(?:{_DASH}|\s+and\s+)(?P<d2>{_DAY})"
                                 rf"(?:,?\s+(?P<y>{_YEAR}))?(?![\d])")),
    # January-September 2023
    ("month_range", re.compile(rf"\b(?P<m1>{_MONTH_NAME}){_DASH}(?P<m2>{_MONTH_NAME}),?\s+(?P<y>{_YEAR})\b")),
    # May 10, 2022 / September 14th / (Daily Sabah, October 11)
    ("mdy", re.compile(rf"\b(?P<m>{_MONTH_NAME})\s+(?P<d>{_DAY})(?![\d:])(?:,?\s+(?P<y>{_YEAR})\b)?")),
    # 10 May 2022 / 10th of May
    ("dmy", re.compile(rf"\b(?P<d>{_DAY})(?:\s+of)?\s+(?P<m>{_MONTH_NAME})(?:,?\s+(?P<y>{_YEAR})\b)?")),
    # 11.05.2022 (day first, as in Europe) / 2022-05-10
    ("numeric_dmy", re.compile(rf"(?<![\d.])(?P<d>0?[1-9]|[12]\d|3[01])\.(?P<mo>0?[1-9]|1[0-2])\.(?P<y>{_YEAR})(?![\d.]\d)")),
    ("iso", re.compile(rf"(?<![\d-])(?P<y>{_YEAR})-(?P<mo>0[1-9]|1[0-2])-(?P<d>0[1-9]|[12]\d|3[01])(?![\d])")),
    # mid-March 2018 / on March 2019 / December 1991
    ("month_year", re.compile(rf"\b(?P<m>{_MONTH_NAME}),?\s+(?P<y>{_YEAR})\b")),
    # last July / this March / in January (month without a year: resolved against the document date)
    ("relative_month", re.compile(rf"(?i:\b(?P<rel>last|this|next|past|previous|in|since|until|from|by|early|late|mid|of)"
                                  rf"(?:\s+|-))(?P<m>{_MONTH_NAME})\b(?!\s*{_DASH}?\d)")),
    # last year / this year / next year
    ("relative_year", re.compile(r"\b(?P<rel>[Ll]ast|[Tt]his|[Nn]ext|[Pp]revious)\s+year\b")),
    # the last five years (a period ending at the document date)
    ("last_n_years", re.compile(r"\b(?P<rel>[Ll]ast|[Pp]ast)\s+(?P<n>\d+|" + "|".join(_CARDINALS)
                                + r")\s+years\b")),
    # 1991-2021, 2014–2016
    ("year_range", re.compile(rf"(?<![\w.,$])(?P<y1>{_YEAR}){_DASH}(?P<y2>{_YEAR})(?![\w%])")),
    # the 1990s
    ("decade", re.compile(r"\b(?:the\s+)?(?P<y>1[89]\d0|20\d0)[’']?s\b")),
    # 2021
    ("year", re.compile(rf"(?<![\w.,$€£/-])(?P<y>{_YEAR})(?![\w%,.]\w|[\d%])")),
]


_DATE_HINT = re.compile(rf"\d|{_MONTH_NAME}|\b[Yy]ear")
_CITATION = re.compile(r"\([^()]{2,60},\s*$")


def _month_number(name: str) -> int:
    key = name.lower().rstrip(".")
    return _MONTHS.get(key) or _MONTH_ABBR[key]


def _day_number(text: str) -> int:
    return int(re.match(r"\d+", text).group())


def _latest_on_or_before(month: int, day: int | None, reference: date) -> date:
    """The latest date with this month (and day) on or before ``reference``."""
    candidate = date(reference.year, month, day or 1)
    return candidate if candidate <= reference else candidate - relativedelta(years=1)


def _parse_date(kind: str, groups: dict, doc_date: date | None) -> tuple[str, str, str, float] | None:
    """(ISO date or interval, precision, basis, confidence) of one match, or None if it is not a date."""
    year = int(groups["y"]) if groups.get("y") else None
    if kind in ("mdy", "dmy"):
        text = f"{groups['m']} {groups['d']} {year or 2000}"
        try:  # dateutil reads month names and abbreviations, ordinal suffixes ("14th") and checks the day
            parsed = date_parser.parse(text, default=datetime(2000, 1, 1)).date()
        except (ValueError, OverflowError):
            return None
        if year:
            return parsed.isoformat(), "day", "stated", 0.95
        if doc_date is None:
            return None
        resolved = _latest_on_or_before(parsed.month, parsed.day, doc_date)
        return resolved.isoformat(), "day", "inferred", 0.7
    if kind in ("day_range_dmy", "day_range_mdy"):
        month = _month_number(groups["m"])
        d1, d2 = _day_number(groups["d1"]), _day_number(groups["d2"])
        if d2 <= d1:
            return None
        if year is None:
            if doc_date is None:
                return None
            year = _latest_on_or_before(month, d1, doc_date).year
            basis, conf = "inferred", 0.7
        else:
            basis, conf = "stated", 0.9
        try:
            first, last = date(year, month, d1), date(year, month, d2)
        except ValueError:
            return None
        return f"{first.isoformat()}/{last.isoformat()}", "range", basis, conf
    if kind == "month_range":
        m1, m2 = _month_number(groups["m1"]), _month_number(groups["m2"])
        if m2 <= m1:
            return None
        return f"{year}-{m1:02d}/{year}-{m2:02d}", "range", "stated", 0.9
    if kind in ("numeric_dmy", "iso"):
        try:
            parsed = date(year, int(groups["mo"]), int(groups["d"]))
        except ValueError:
            return None
        return parsed.isoformat(), "day", "stated", 0.9
    if kind == "month_year":
        return f"{year}-{_month_number(groups['m']):02d}", "month", "stated", 0.95
    if kind == "relative_month":
        if doc_date is None:
            return None
        month = _month_number(groups["m"])
        rel = groups["rel"].lower()
        if groups["m"] == "May" and rel in ("in", "by", "of", "from", "until", "since"):
            return None  # "may" after a preposition is rare as a month without a year; avoid the verb
        if rel == "next":
            resolved = date(doc_date.year, month, 1)
            resolved = resolved if resolved > doc_date else resolved + relativedelta(years=1)
        elif rel == "this":
            resolved = date(doc_date.year, month, 1)
        else:
            resolved = _latest_on_or_before(month, None, doc_date)
            if rel in ("last", "past", "previous") and resolved.year == doc_date.year and month == doc_date.month:
                resolved -= relativedelta(years=1)
        return f"{resolved.year}-{month:02d}", "month", "inferred", 0.6
    if kind == "relative_year":
        if doc_date is None:
            return None
        shift = {"last": -1, "previous": -1, "this": 0, "next": 1}[groups["rel"].lower()]
        return str(doc_date.year + shift), "year", "inferred", 0.6
    if kind == "last_n_years":
        if doc_date is None:
            return None
        n = int(groups["n"]) if groups["n"].isdigit() else _CARDINALS[groups["n"].lower()]
        if not 1 < n <= 50:
            return None
        return f"{doc_date.year - n + 1}/{doc_date.year}", "range", "inferred", 0.4
    if kind == "year_range":
        y1, y2 = int(groups["y1"]), int(groups["y2"])
        if y2 <= y1:
            return None
        return f"{y1}/{y2}", "range", "stated", 0.8
    if kind == "decade":
        y = int(groups["y"])
        return f"{y}/{y + 9}", "range", "stated", 0.8
    if kind == "year":
        return str(year), "year", "stated", 0.8
    raise ValueError(kind)


def _dates_in(chunk: str, base: int, doc_date: date | None) -> list[tuple[int, int, str, str, str, float]]:
    """Date expressions in ``chunk`` (offsets shifted by ``base``), longest patterns first, no overlaps."""
    taken: list[tuple[int, int]] = []
    found = []
    if not _DATE_HINT.search(chunk):
        return found
    for kind, pattern in _DATE_PATTERNS:
        for match in pattern.finditer(chunk):
            start, end = match.span()
            if kind == "relative_month":
                start = match.start("rel") if match.group("rel").lower() in ("last", "this", "next", "past",
                                                                              "previous") else match.start("m")
            if kind == "decade" and chunk[start:start + 4].lower() == "the ":
                start += 4
            if any(s < end and start < e for s, e in taken):
                continue
            parsed = _parse_date(kind, match.groupdict(), doc_date)
            if parsed is None:
                continue
            if kind == "year" and _year_is_quantity(chunk, start, end):
                continue
            if _CITATION.search(chunk, max(0, start - 80), start) and chunk[end:end + 1] == ")":
                taken.append((start, end))
                continue  # "(Daily Sabah, October 11)": the date of a cited source, not of an event
            taken.append((start, end))
            found.append((base + start, base + end, *parsed))
    return sorted(found)


def _year_is_quantity(chunk: str, start: int, end: int) -> bool:
    """True if a four-digit number is a count or an amount, not a year ("2000 companies", "$2020")."""
    before = chunk[max(0, start - 3):start]
    if re.search(r"[$€£¥₺]\s?$", before):
        return True
    after = chunk[end:end + 40]
    noun = re.match(r"\s+([a-z]+)", after)
    if noun and noun.group(1).endswith("s") and noun.group(1) not in _STOP_NOUN and not re.search(
            r"\b(?:in|since|until|by|from|of|to|for|before|after|between|and|during)\s*$", chunk[:start]):
        return True
    return bool(re.match(r"\s*(?:%|per\s?cent|(?:thousand|million|billion|trillion|bn)\b)", after))


# ---------------------------------------------------------------------------------------------
# Quantities
# ---------------------------------------------------------------------------------------------

@dataclass
class _Number:
    start: int
    end: int
    value: float
    ordinal: bool
    words: bool


def _numbers_in(chunk: str) -> list[_Number]:
    """Numbers in ``chunk``: digits (with thousands separators, ordinal suffixes) and words."""
    found: list[_Number] = []
    for match in _DIGITS.finditer(chunk):
        raw = match.group()
        suffix = match.group(1)
        digits = raw[:-len(suffix)] if suffix else raw
        found.append(_Number(match.start(), match.end(), float(digits.replace(",", "")), bool(suffix), False))
    for match in _ORDINAL_WORD.finditer(chunk):
        found.append(_Number(match.start(), match.end(), number_from_words(match.group()), True, True))
    for match in _WORD_NUMBER.finditer(chunk):
        if any(n.start <= match.start() < n.end for n in found):
            continue
        found.append(_Number(match.start(), match.end(), number_from_words(match.group()), False, True))
    return sorted(found, key=lambda n: n.start)


_NEXT_WORD = re.compile(r"(\s+|-)([A-Za-z][A-Za-z’'-]*)")


def _following_words(chunk: str, pos: int, limit: int = 4) -> tuple[list[str], int]:
    """Up to ``limit`` words after ``pos`` forming a noun phrase (stops at function words or
    punctuation); return them and the end offset of the last."""
    words, ends = _following_word_ends(chunk, pos, limit)
    return words, (ends[-1] if ends else pos)


def _following_word_ends(chunk: str, pos: int, limit: int = 4) -> tuple[list[str], list[int]]:
    """The words of ``_following_words`` and the end offset of each."""
    words: list[str] = []
    ends: list[int] = []
    end = pos
    while len(words) < limit:
        match = _NEXT_WORD.match(chunk, end)
        if not match or match.group(2).lower() in _STOP_NOUN:
            break
        words.append(match.group(2))
        end = match.end()
        ends.append(end)
    return words, ends


def _head_noun(words: list[str]) -> tuple[str, int]:
    """The head of a short noun phrase: the last plural-looking word, else the first; and its index."""
    for i in range(len(words) - 1, -1, -1):
        w = words[i].lower()
        if w.endswith("s") and not w.endswith("ss") and w not in _STOP_NOUN:
            return w, i
    return (words[0].lower(), 0) if words else ("", -1)


def _qualifier(before: str) -> tuple[str, int]:
    """Qualifier implied by the words just before a number, and how many characters they take."""
    for name, pattern in _QUALIFIERS:
        match = re.search(r"(?i)\b" + pattern, before)
        if match:
            return name, len(before) - match.start()
    return "exact", 0


def _direction(chunk: str, start: int, end: int) -> int:
    """+1 / -1 if a percentage is a change ("decreased by 18.4%", "an increase of 58%", "a 40% rise"),
    0 if it is a level ("from 40% to 68.5%")."""
    before = chunk[max(0, start - 40):start]
    after = chunk[end:end + 40]
    verb_by = re.search(rf"(?i)\b({_INCREASE}|{_DECREASE})\s+by\s+(?:(?:an?|some|about|around|nearly|almost|over|more\s+than|approximately)\s+)*$", before)
    noun_of = re.search(rf"(?i)\b(?:an?\s+)?(?:\w+\s+)?(increase|rise|growth|gain|jump|surge|decrease|decline|"
                        rf"drop|fall|reduction|contraction)\s+of\s+(?:(?:some|about|around|nearly|almost|over|more\s+than|approximately)\s+)*$", before)
    noun_after = re.match(rf"(?i)\s+(?:\w+\s+)?(increase|rise|growth|gain|jump|surge|decrease|decline|drop|fall|"
                          rf"reduction|contraction|higher|lower|up|down)\b", after)
    up_down = re.search(r"(?i)\b(up|down)\s+$", before)
    for match in (verb_by, noun_of, noun_after, up_down):
        if match:
            return -1 if re.fullmatch(_DECREASE, match.group(1).lower()) else 1
    return 0


def _quantity(chunk: str, num: _Number, has_money_cue: bool, has_target_cue: bool) -> dict | None:
    """Classify one number in its sentence; None when it is not a stated quantity."""
    before = chunk[max(0, num.start - 60):num.start]
    start, end = num.start, num.end
    value = num.value
    qualifier, _ = _qualifier(before)
    if num.ordinal:
        return _ordinal(chunk, num, before)
    # "top 10 investors"
    if re.search(r"(?i)\btop\s+$", before):
        words, _ = _following_words(chunk, end)
        noun, _ = _head_noun(words)
        return dict(start=start - 4, end=end, value=value, unit="rank", kind="rank", noun=noun,
                    qualifier="exact", value_confidence=0.7)
    # Currency written before the number: $6.3 billion, TL 188.62 billion
    unit = None
    money_start = start
    for pattern, code in _CURRENCY_BEFORE:
        match = re.search(rf"(?:(?<![A-Za-z])(?:{pattern}))\s?$", before)
        if match:
            unit, money_start = code, num.start - (len(before) - match.start())
            break
    # Scale word after the number: billion, bn, thousand
    scale_match = re.match(r"(?i)(?:\s+|\s?-\s?|(?<=\d))(hundred|thousand|million|billion|trillion|bn|mn|mln|tn|m|k)"
                           r"(?![\w])", chunk[end:])
    scale_word = ""
    if scale_match and not (num.words and scale_match.group(1).lower() in ("hundred", "thousand", "million",
                                                                             "billion", "trillion")):
        scale_word = scale_match.group(1).lower()
        if scale_word in ("m", "k") and not chunk[end:end + 1].isalpha():
            scale_word = ""  # "5 m" is metres, not millions; only "5m" / "$5m" count
        if scale_word:
            value *= _SCALES[scale_word]
            end += scale_match.end()
    rest = chunk[end:]
    # Currency written after: billion dollars, million euros
    if unit is None:
        for pattern, code in _CURRENCY_AFTER:
            match = re.match(rf"\s+(?:of\s+)?(?:{pattern})(?![\w])", rest)
            if match:
                unit = code
                end += match.end()
                break
    if unit is not None:
        qualifier, _ = _qualifier(chunk[max(0, money_start - 60):money_start])
        if qualifier == "exact" and (has_target_cue or _RAISE_TO.search(chunk, 0, money_start)):
            qualifier = "target"
        conf = 0.95 if (scale_word or value >= 1000) else 0.85
        return dict(start=min(money_start, start), end=end, value=value, unit=unit, kind="money", noun="",
                    qualifier=qualifier, value_confidence=conf)
    # Percent
    pct = re.match(_PERCENT, rest, re.I)
    if pct:
        end += pct.end()
        direction = _direction(chunk, start, end)
        kind = "change" if direction else "percent"
        return dict(start=start, end=end, value=value * (direction or 1), unit="percent", kind=kind, noun="",
                    qualifier=qualifier, value_confidence=0.9)
    # Units of measure: kilometres, barrels, cubic metres, -fold
    for pattern, unit_name, factor in _MEASURES:
        match = re.match(rf"(?i)(?:\s*|\s+of\s+)(?:{pattern})(?![\w])", rest)
        if match:
            end += match.end()
            return dict(start=start, end=end, value=value * factor, unit=unit_name,
                        kind="measure", noun=unit_name, qualifier=qualifier, value_confidence=0.9)
    # A scale word with no currency or unit: money when the sentence speaks of money
    words, word_ends = _following_word_ends(chunk, end)
    noun, head_index = _head_noun(words)
    if scale_word and (not words or noun in ("reserves", "reserve")) and has_money_cue:
        return dict(start=start, end=end, value=value, unit="usd", kind="money", noun="",
                    qualifier=qualifier, value_confidence=0.6)
    if not words:
        return None
    first = words[0].lower()
    # Durations: "in 30 years", "the last five years", "every three years", "28-years president"
    if first.split("-")[0] in ("year", "years"):
        unit_end = _word_end(chunk, end)
        return dict(start=start, end=unit_end, value=value, unit="year", kind="duration",
                    noun=words[1].lower() if chunk[end:end + 1] == "-" and len(words) > 1 else "years",
                    qualifier=qualifier, value_confidence=0.6)
    if first in _TIME_UNITS:
        return None  # months, weeks, days: no unit for them in the tables
    if num.value >= 1800 and num.value <= 2100 and not num.words and "," not in chunk[num.start:num.end]:
        return None  # a year (dates are found separately)
    if not re.fullmatch(r"[a-z][a-z’'-]*", noun):
        return None  # "5 Ministers" is fine (lower-cased), initials and codes are not counted
    if noun in _PARTY_NOUNS and num.value <= 3:
        return None
    prev = re.search(r"([A-Za-z]+)\s+$", before)
    if num.words and num.value < 10 and prev and prev.group(1).lower() in _DETERMINERS:
        return None  # "the two countries", "these three issues": anaphora, not a figure
    if num.words and num.value == 1:
        return None  # "one" is mostly a pronoun or an article
    count_end = word_ends[head_index]  # the quote runs to the counted noun: "53 water treatment plants"
    conf = 0.75 if noun.endswith("s") else 0.5
    return dict(start=start, end=count_end, value=value, unit="count", kind="count", noun=noun,
                qualifier=qualifier, value_confidence=conf)


def _ordinal(chunk: str, num: _Number, before: str) -> dict | None:
    """An ordinal as a rank ("the fifth largest", "ranks 16th", "the first state to recognise")
    or as the number of an occasion ("the 3rd meeting", "the 30th anniversary"); None otherwise."""
    start, end, value = num.start, num.end, num.value
    words, words_end = _following_words(chunk, end, limit=3)
    first = words[0].lower() if words else ""
    misspelt = chunk[start:end].lower() == "forth"
    if first.split("-")[0] in _RANK_WORDS.split("|"):
        return dict(start=start, end=_word_end(chunk, end), value=value, unit="rank", kind="rank",
                    noun=first, qualifier="exact", value_confidence=0.9)
    if re.search(r"(?i)\b(?:rank(?:s|ed|ing)?|placed?|position(?:ed)?)\s+$", before) and not misspelt:
        return dict(start=start, end=end, value=value, unit="rank", kind="rank", noun="",
                    qualifier="exact", value_confidence=0.85)
    if re.match(r"(?i)\s+of\s+all\b", chunk[end:]) or not words:
        return None  # "First of all"
    occasion = next((w.lower() for w in words if w.lower() in _OCCASION_NOUNS), "")
    if occasion:
        if value == 1:
            return None  # "the first meeting" says that it happened, not a number to check
        return dict(start=start, end=end, value=value, unit="year" if occasion == "anniversary" else "count",
                    kind="ordinal", noun=occasion, qualifier="exact", value_confidence=0.7)
    if misspelt or any(w.lower() in _ROLE_NOUNS for w in words):
        return None  # "the first president", "the Second World War": titles
    noun, _ = _head_noun(words)
    if noun in _TIME_UNITS:
        return None  # "the first year"
    return dict(start=start, end=words_end, value=value, unit="rank", kind="rank", noun=noun,
                qualifier="exact", value_confidence=0.6)


def _superlatives(chunk: str) -> list[dict]:
    """"the largest oil producer", "the biggest in Central Asia": rank 1 without an ordinal."""
    out = []
    for match in _SUPERLATIVE.finditer(chunk):
        if re.search(r"(?i)\bone\s+of\s+$", chunk[max(0, match.start() - 10):match.start()]):
            continue  # "one of the largest": not a rank
        out.append(dict(start=match.start(1), end=match.end(1), value=1.0, unit="rank", kind="rank",
                        noun=match.group(1).lower(), qualifier="exact", value_confidence=0.5))
    return out


_SUPERLATIVE = re.compile(r"(?i)\bthe\s+(largest|biggest)\b")


def _word_end(chunk: str, pos: int) -> int:
    """End of the word (or hyphenated compound) that follows ``pos``: "fifth largest" → after "largest"."""
    match = re.match(r"(?:\s+|-)[A-Za-z][\w-]*", chunk[pos:])
    return pos + match.end() if match else pos


_ARITHMETIC = re.compile(r"[+×=/]\s?$")
_ARITHMETIC_AFTER = re.compile(r"\s?[+×=]")
_MONEY_CUE = re.compile(r"(?i)doll?ars?|\$|\bUSD\b|\breserves?\b|\btrade\b|\bexports?\b|\bimports?\b|"
                        r"\binvest\w*|\bGDP\b|gross\s+domestic|\bfinanc\w*|\bbudget\b|\bloans?\b|\bfunds?\b|"
                        r"\bworth\b|\bturnover\b")


def _quantities_in(chunk: str, base: int, skip: list[tuple[int, int]]) -> list[dict]:
    """Quantities in one sentence ``chunk`` (offsets shifted by ``base``), skipping date spans."""
    has_money = bool(_MONEY_CUE.search(chunk))
    out = []
    last_end = -1
    numbers = _numbers_in(chunk)
    for i, num in enumerate(numbers):
        if num.start < last_end or any(s <= base + num.start < e for s, e in skip):
            continue
        if _ARITHMETIC.search(chunk, max(0, num.start - 3), num.start) or _ARITHMETIC_AFTER.match(chunk, num.end):
            continue  # "5 + 1 format", "2 x 3": part of a name or formula
        # a goal word counts for the numbers around it only: between the neighbouring numbers
        # written in digits ("reached $4.4 billion in 2023 ... set a target of $10 billion": only
        # the second is a target; "the two countries" is no boundary)
        before = [n for n in numbers[:i] if not n.words]
        after = [n for n in numbers[i + 1:] if not n.words]
        window_start = before[-1].end if before else 0
        window_end = after[0].start if after else len(chunk)
        has_target = bool(_TARGET_CUE.search(chunk[window_start:window_end]))
        found = _quantity(chunk, num, has_money, has_target)
        if found is None:
            continue
        found["start"] += base
        found["end"] += base
        last_end = found["end"] - base
        out.append(found)
    for found in _superlatives(chunk):
        found["start"] += base
        found["end"] += base
        out.append(found)
    return sorted(out, key=lambda q: q["start"])


def _sentence_spans(text: str, sentences: pd.DataFrame | None, doc_id: str) -> list[tuple[int, int, int, str]]:
    """(sentence_id, start, end, kind) of the document's sentences (segmenting if not given)."""
    if sentences is not None:
        sel = sentences[sentences["doc_id"] == doc_id]
        return list(zip(sel["sentence_id"], sel["start"], sel["end"], sel["kind"]))
    return [(i, s, e, k) for i, (s, e, k) in enumerate(split_sentences(text))]


def find_dates(text: str, doc_id: str, doc_date: date | None = None,
               sentences: pd.DataFrame | None = None) -> pd.DataFrame:
    """Date expressions in ``text`` (columns ``DATE_COLUMNS``, see module docstring).

    Dates without a year ("September 14th", "last July", "12-13 October") are resolved to the
    latest such date on or before ``doc_date`` (a text reports what has happened), and
    marked ``inferred``; without ``doc_date`` they are skipped.
    """
    rows = []
    for sid, s, e, _kind in _sentence_spans(text, sentences, doc_id):
        for start, end, iso, precision, basis, conf in _dates_in(text[s:e], s, doc_date):
            rows.append((doc_id, sid, start, end, text[start:end], iso, precision, basis, conf))
    frame = pd.DataFrame(rows, columns=DATE_COLUMNS)
    return frame.astype({"sentence_id": int, "start": int, "end": int, "confidence": float})


def find_quantities(text: str, doc_id: str, sentences: pd.DataFrame | None = None,
                    dates: pd.DataFrame | None = None) -> pd.DataFrame:
    """Quantities stated in ``text`` (columns ``QUANTITY_COLUMNS``, see module docstring).

    ``dates`` (from ``find_dates``) are spans that are not quantities ("in 2021"); found
    here when not given. Headings are skipped.
    """
    if dates is None:
        dates = find_dates(text, doc_id, None, sentences)
    skip = [(s, e) for s, e, quote in zip(dates["start"], dates["end"], dates["quote"])
            if not quote.endswith("years")]  # "the last five years" is a period and a duration
    rows = []
    for sid, s, e, kind in _sentence_spans(text, sentences, doc_id):
        if kind == "heading":
            continue
        for q in _quantities_in(text[s:e], s, skip):
            rows.append((doc_id, sid, q["start"], q["end"], text[q["start"]:q["end"]], float(q["value"]),
                         q["unit"], q["kind"], q["noun"], q["qualifier"], q["value_confidence"]))
    frame = pd.DataFrame(rows, columns=QUANTITY_COLUMNS)
    return frame.astype({"sentence_id": int, "start": int, "end": int, "value": float,
                         "value_confidence": float})


# ---------------------------------------------------------------------------------------------
# Subject, partner, period
# ---------------------------------------------------------------------------------------------

_BILATERAL_CUE = re.compile(r"(?i)\btrad(?:e|ing)\b|turnover|\bexports?\b|\bimports?\b|\bbetween\b|bilateral")
_ANAPHORA = re.compile(r"(?i)\b(?:the|this|that)\s+(?:two\s+)?(?:country|countries|state|states|nation|nations)\b|"
                       r"\bboth\s+(?:countries|states|sides)\b")
#: How much farther than a state an actor of this kind counts when choosing the subject.
_KIND_WEIGHT = {"state": 1.0, "organisation": 1.2, "person": 1.2, "company": 1.5, "region": 3.0, "initiative": 3.0}
_INVEST_CUE = re.compile(r"(?i)invest\w*|\bFDI\b|-owned\b|\bcompanies\b")


def _party(actor_id: str, info: dict[str, tuple[str, str]]) -> str:
    """The party an actor stands for: a person or company counts for its country."""
    kind, country = info.get(actor_id, ("", ""))
    return country if kind in ("person", "company") and country else actor_id


def _guess_context(q: pd.Series, sentence: str, s_start: int, sent_mentions: list[tuple[int, int, str]],
                   context_mentions: list[tuple[int, int, str]], sent_dates: list[tuple[int, int, str, str]],
                   info: dict[str, tuple[str, str]]) -> tuple[str, str, str, str, str, float]:
    """(subject, partner, period, period_precision, metric, confidence) of one quantity."""
    centre = (q["start"] + q["end"]) / 2
    conf = 0.9
    # Parties of the sentence, nearest first; regions and initiatives count as farther than
    # states and organisations ("Central Asian geopolitics" is a setting, rarely the subject).
    ranked = sorted((abs((start + end) / 2 - centre) * _KIND_WEIGHT.get(info.get(actor, ("", ""))[0], 1.0),
                     start, _party(actor, info)) for start, end, actor in sent_mentions)
    parties = [(start, party) for _, start, party in ranked]
    distinct = list(dict.fromkeys(p for _, p in parties))
    bilateral = bool(_BILATERAL_CUE.search(sentence))
    invest = bool(_INVEST_CUE.search(sentence))
    anaphora = bool(_ANAPHORA.search(sentence))
    if (not distinct or (bilateral and len(distinct) < 2) or (anaphora and len(distinct) < 2)) and context_mentions:
        conf = 0.6  # "the two countries", "the country's ...": the parties of the sentences before
        counts: dict[str, int] = {}
        for _, _, actor in context_mentions:
            counts[_party(actor, info)] = counts.get(_party(actor, info), 0) + 1
        order = {p: i for i, p in enumerate(_party(a, info) for _, _, a in context_mentions)}
        kinds = {p: info.get(p, ("", ""))[0] for p in counts}
        ranked_context = sorted(counts, key=lambda p: (kinds[p] != "state", -counts[p], order[p]))
        wanted = 1 if (anaphora and not bilateral and not re.search(r"(?i)\btwo\b|\bboth\b", sentence)) else 2
        for party in ranked_context:
            if party not in distinct and len(distinct) < max(wanted, len(distinct)):
                distinct.append(party)
    subject, partner = "", ""
    if invest and distinct:
        hosts = [p for st, p in parties if re.search(r"(?i)\bin\s+(?:the\s+)?$",
                                                     sentence[max(0, st - s_start - 8):st - s_start])]
        investors = [p for p in distinct if p not in hosts]
        if hosts and investors:
            subject, partner = investors[0], hosts[0]
        else:
            subject = distinct[0]
            conf *= 0.8
    elif bilateral and len(distinct) >= 2:
        if FOCUS_ACTOR in distinct:
            subject, partner = FOCUS_ACTOR, next(p for p in distinct if p != FOCUS_ACTOR)
        else:
            subject, partner = distinct[0], distinct[1]
            conf *= 0.7
    elif distinct:
        subject = distinct[0]
        if len(distinct) > 1:
            conf *= 0.8
    else:
        subject, conf = FOCUS_ACTOR, 0.3
    if q["unit"] == "rank" and partner == "" and FOCUS_ACTOR in distinct and subject != FOCUS_ACTOR \
            and re.search(r"(?i)part?n?er|investor", sentence):
        subject, partner = FOCUS_ACTOR, subject  # "Türkiye is Kazakhstan's fourth-largest trading partner"
    if subject == partner:
        partner = ""
    period, precision = "", "none"
    if sent_dates:
        # "68.5% in 2020": a date introduced right after the quantity belongs to it
        following = [d for d in sent_dates if 0 <= d[0] - q["end"] <= 12
                     and re.fullmatch(r"\s+(?:in|for|by|as\s+of|during|since)\s+(?:the\s+)?",
                                      sentence[q["end"] - s_start:d[0] - s_start])]
        nearest = following[0] if following else min(sent_dates, key=lambda d: abs((d[0] + d[1]) / 2 - centre))
        period, precision = nearest[2], nearest[3]
    metric = _guess_metric(q, sentence, q["start"] - s_start)
    return subject, partner, period, precision, metric, round(conf, 2)


def _guess_metric(q: pd.Series, sentence: str, offset: int) -> str:
    """A metric from the vocabulary, from cue words nearest the quantity in its sentence ('' if none)."""
    kind = "money" if q["unit"] in ("usd", "try", "eur", "gbp", "kzt", "rub", "cny") else q["kind"]
    if q["unit"] == "multiple":
        kind = "multiple"
    if q["noun"]:  # "15 agreements": the counted noun names the metric
        for pattern, by_kind in _METRIC_CUES:
            if by_kind.get(kind) and re.fullmatch(pattern, q["noun"], re.I):
                return by_kind[kind]
    best = ("", 10**9)
    for pattern, by_kind in _METRIC_CUES:
        metric = by_kind.get(kind)
        if not metric:
            continue
        for match in re.finditer(pattern, sentence, re.I):
            distance = min(abs(match.start() - offset), abs(match.end() - offset))
            if distance < best[1]:
                best = (metric, distance)
    metric = best[0]
    if metric == "reserves_rank":
        metric = "oil_reserves_rank" if re.search(r"(?i)\boil\b", sentence) else "gas_reserves_rank"
    if metric == "reserves":
        metric = {"barrels": "oil_reserves", "cubic_metres": "gas_reserves"}.get(q["unit"], "")
    if metric == "trade_turnover" and q["qualifier"] == "target":
        metric = "trade_turnover_target"
    return metric


def quantity_context(quantities: pd.DataFrame, mentions: pd.DataFrame, dates: pd.DataFrame,
                     sentences: pd.DataFrame, texts: dict[str, str], actors: pd.DataFrame) -> pd.DataFrame:
    """The quantities with subject, partner, period and metric guessed from their sentence.

    Columns: ``QUANTITY_COLUMNS`` + ``CONTEXT_COLUMNS`` (see module docstring). Rules:
    the parties are the gazetteer actors of the sentence (a person or company counts for its
    country), nearest first; if there are none (or a bilateral figure names fewer than two),
    the two sentences before are used, at lower confidence. A bilateral figure (trade,
    exports, "between") involving Kazakhstan has it as subject and the other party as
    partner; an investment figure has the investor as subject and the place invested "in"
    as partner; otherwise the nearest party is the subject. The period is the nearest date
    expression of the sentence.
    """
    info = {row.actor_id: (row.kind, row.country) for row in actors.itertuples()}
    out = []
    for doc_id, qs in quantities.groupby("doc_id", sort=True):
        text = texts[doc_id]
        sents = sentences[sentences["doc_id"] == doc_id].set_index("sentence_id")
        ments = mentions[mentions["doc_id"] == doc_id]
        by_sentence = {sid: list(zip(g["start"], g["end"], g["actor_id"])) for sid, g in ments.groupby("sentence_id")}
        docs_dates = dates[dates["doc_id"] == doc_id]
        dates_by_sentence = {sid: list(zip(g["start"], g["end"], g["date"], g["date_precision"]))
                             for sid, g in docs_dates.groupby("sentence_id")}
        for _, q in qs.iterrows():
            sid = q["sentence_id"]
            s_start, s_end = int(sents.at[sid, "start"]), int(sents.at[sid, "end"])
            context = []
            for back in (sid - 1, sid - 2):
                if back in sents.index and sents.at[back, "kind"] != "heading":
                    context.extend(sorted(by_sentence.get(back, []), key=lambda m: -m[0]))
            guess = _guess_context(q, text[s_start:s_end], s_start, by_sentence.get(sid, []), context,
                                   dates_by_sentence.get(sid, []), info)
            out.append((*q.tolist(), *guess, round(q["value_confidence"] * guess[-1], 2)))
    frame = pd.DataFrame(out, columns=QUANTITY_COLUMNS + CONTEXT_COLUMNS)
    return frame.astype({"sentence_id": int, "start": int, "end": int, "value": float,
                         "value_confidence": float, "context_confidence": float, "confidence": float})


# ---------------------------------------------------------------------------------------------
# Names not in the gazetteer
# ---------------------------------------------------------------------------------------------

_NAME = re.compile(r"(?<![\w’'])(?:[A-Z][\w’'.-]*[a-z]\w*|[A-Z]{2,}[a-z]?)"
                   r"(?:(?:\s+(?:of|the|for|de|al|bin|von|van)){0,2}\s+(?:[A-Z][\w’'.-]*[a-z]\w*|[A-Z]{2,}))*")
#: Capitalised words that begin sentences or are titles, not names.
_NOT_NAMES = {"The", "This", "These", "That", "Those", "In", "It", "Its", "However", "Moreover", "As", "On", "A",
              "An", "And", "But", "Also", "Thus", "Therefore", "For", "Since", "After", "During", "Both", "First",
              "Furthermore", "Indeed", "Yet", "If", "When", "While", "Although", "Even", "Besides", "Within",
              "Without", "With", "By", "At", "From", "To", "Of", "Some", "Many", "Most", "Other", "Such", "There",
              "Here", "What", "Which", "Who", "How", "Why", "Now", "Then", "According", "Perhaps", "Rather",
              "Likewise", "Ultimately", "Recently", "Along", "Because", "Under", "Upon", "Among", "Despite",
              "Mr", "Mrs", "Ms", "Dr", "President", "Prime", "Minister", "Although", "Common", "Large",
              "Find", "Kazakh", "We", "They", "He", "She", "His", "Her", "Their", "Our", "Is", "Are", "Was",
              "Last", "Next", "Mid", "Early", "Late", "Later", "Earlier", "Meanwhile", "Today", "Yesterday",
              "Currently", "Finally", "Overall", "Still", "Instead", "Again", "Only", "Once", "Every", "Each",
              "Yet", "So", "Not", "No", "All", "One", "Two", "Several", "Another", "Following", "Given", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday",
              "Saturday", "Sunday"}


def names_in(text: str, gazetteer: Gazetteer, spans: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Capitalised word sequences in the sentence/bullet spans of ``text`` that the gazetteer
    does not match: (start, end, name). A lone capitalised word opening a sentence is skipped."""
    out = []
    for s, e, kind in spans:
        if kind == "heading":
            continue
        chunk = text[s:e]
        known = [(a, b) for a, b, _, _ in gazetteer.find(chunk)]
        for match in _NAME.finditer(chunk):
            start, end = match.span()
            name = re.sub(r"[’']s$", "", match.group()).rstrip(".’'")
            words = name.split()
            while words and (words[0] in _NOT_NAMES or words[0].split("-")[0].lower() in _MONTHS):
                start += len(words[0]) + (len(chunk[start + len(words[0]):]) - len(chunk[start + len(words[0]):].lstrip()))
                words = words[1:]
            if not words:
                continue
            name = " ".join(words)
            end = start + len(chunk[start:].split(words[-1], 1)[0]) + len(words[-1])
            if any(a < end and start < b for a, b in known):
                continue
            if len(words) == 1 and start == 0:
                continue  # a capitalised first word may be an ordinary word
            if len(name) < 3 or name.isdigit():
                continue
            out.append((s + start, s + end, name))
    return out


def unknown_names(texts: dict[str, str], gazetteer: Gazetteer,
                  sentences: pd.DataFrame | None = None) -> pd.DataFrame:
    """Capitalised names the gazetteer does not know, ranked by frequency (``NAME_COLUMNS``).

    ``n`` counts occurrences, ``n_docs`` documents; ``first_doc``/``first_start`` locate the
    first occurrence and ``example`` is its sentence (shortened to 160 characters).
    """
    rows = []
    for doc_id in sorted(texts):
        text = texts[doc_id]
        spans = [(s, e, k) for _, s, e, k in _sentence_spans(text, sentences, doc_id)]
        for start, end, name in names_in(text, gazetteer, spans):
            sentence = next(text[s:e] for s, e, _ in spans if s <= start < e)
            rows.append((name, doc_id, start, sentence[:160]))
    frame = pd.DataFrame(rows, columns=["name", "doc_id", "start", "example"])
    if frame.empty:
        return pd.DataFrame(columns=NAME_COLUMNS)
    grouped = frame.groupby("name", sort=False)
    out = pd.DataFrame({
        "n": grouped.size(),
        "n_docs": grouped["doc_id"].nunique(),
        "first_doc": grouped["doc_id"].first(),
        "first_start": grouped["start"].first(),
        "example": grouped["example"].first(),
    }).reset_index()
    out = out.sort_values(["n", "n_docs", "name"], ascending=[False, False, True]).reset_index(drop=True)
    return out[NAME_COLUMNS].astype({"n": int, "n_docs": int, "first_start": int})


# ---------------------------------------------------------------------------------------------
# Events from dates
# ---------------------------------------------------------------------------------------------

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


def _clause(text: str, s_start: int, s_end: int, start: int, end: int, minimum: int = 30) -> tuple[int, int]:
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


# ---------------------------------------------------------------------------------------------
# One document end to end
# ---------------------------------------------------------------------------------------------

def _folded(text: str) -> str:
    """Lower case, white space runs as one space, curly apostrophes straight (for substring tests)."""
    return _SPACES.sub(" ", text.lower()).replace("’", "'")


_SPACES = re.compile(r"\s+")


@dataclass(frozen=True)
class Extractor:
    """A compiled gazetteer with the actors' kinds and countries: build once, apply to many texts.

    ``gazetteer_for(text)`` is ``actors.Gazetteer`` compiled from only the aliases that occur
    in the text as a substring (compared in lower case, with white space runs and
    apostrophes folded as the gazetteer's own patterns fold them): an alias that is not a
    substring cannot match, so the mentions are exactly the same, and a regular expression
    of a few dozen aliases runs several times faster than one of all of them. Compiled
    subsets are kept per extractor.
    """

    gazetteer: Gazetteer
    actors: pd.DataFrame
    aliases: pd.DataFrame
    alias_keys: tuple[str, ...]
    _compiled: dict = field(default_factory=dict, compare=False, repr=False)

    @classmethod
    def from_tables(cls, aliases: pd.DataFrame, actors: pd.DataFrame) -> "Extractor":
        aliases = aliases.reset_index(drop=True)
        keys = tuple(_folded(a.strip()) for a in aliases["alias"])
        return cls(Gazetteer.from_aliases(aliases), actors, aliases, keys)

    def gazetteer_for(self, text: str) -> Gazetteer:
        """The gazetteer restricted to the aliases that can occur in ``text``."""
        folded = _folded(text)
        keep = tuple(i for i, key in enumerate(self.alias_keys) if key in folded)
        if keep not in self._compiled:
            if len(self._compiled) >= COMPILED_CACHE_SIZE:
                self._compiled.clear()
            self._compiled[keep] = Gazetteer.from_aliases(self.aliases.iloc[list(keep)])
        return self._compiled[keep]

    def sentences(self, doc_id: str, text: str) -> pd.DataFrame:
        """Sentences of one text (columns of ``corpus.sentences``)."""
        rows = [(doc_id, i, s, e, k, text[s:e]) for i, (s, e, k) in enumerate(split_sentences(text))]
        frame = pd.DataFrame(rows, columns=["doc_id", "sentence_id", "start", "end", "kind", "sentence"])
        return frame.astype({"sentence_id": int, "start": int, "end": int})

    def mentions(self, doc_id: str, text: str, sentences: pd.DataFrame) -> pd.DataFrame:
        """Gazetteer mentions sentence by sentence (``actors.MENTION_COLUMNS``)."""
        rows = []
        gazetteer = self.gazetteer_for(text)
        for sent in sentences[sentences["doc_id"] == doc_id].itertuples():
            chunk = text[sent.start:sent.end]
            for s, e, alias, actor in gazetteer.find(chunk):
                rows.append((doc_id, sent.sentence_id, actor, alias, sent.start + s, sent.start + e, chunk[s:e]))
        frame = pd.DataFrame(rows, columns=MENTION_COLUMNS[:7])
        frame = frame.join(self.actors.set_index("actor_id")[["vector", "kind"]], on="actor_id")
        return frame.astype({"sentence_id": int, "start": int, "end": int})[MENTION_COLUMNS]

    def extract(self, doc_id: str, text: str, doc_date: date | None,
                sentences: pd.DataFrame | None = None) -> dict[str, pd.DataFrame]:
        """Everything for one text, as DataFrames: ``sentences``, ``mentions``, ``dates``,
        ``quantities`` (with ``CONTEXT_COLUMNS``), ``names`` (``unknown_names``) and
        ``name_spans`` (start, end, name of each unknown name)."""
        sents = sentences if sentences is not None else self.sentences(doc_id, text)
        sents = sents[sents["doc_id"] == doc_id]
        ments = self.mentions(doc_id, text, sents)
        dates = find_dates(text, doc_id, doc_date, sents)
        quants = find_quantities(text, doc_id, sents, dates)
        context = quantity_context(quants, ments, dates, sents, {doc_id: text}, self.actors)
        spans = list(zip(sents["start"], sents["end"], sents["kind"]))
        name_spans = pd.DataFrame(names_in(text, self.gazetteer, spans), columns=["start", "end", "name"])
        names = unknown_names({doc_id: text}, self.gazetteer, sents)
        return {"sentences": sents, "mentions": ments, "dates": dates, "quantities": context, "names": names,
                "name_spans": name_spans}

    def counts(self, text: str, doc_date: date | None = None) -> tuple[int, int, int, int]:
        """(sentences, mentions, quantities, dates) of one text, without building DataFrames
        (the fast path used by the scale benchmark)."""
        spans = split_sentences(text)
        gazetteer = self.gazetteer_for(text)
        n_mentions = n_quantities = n_dates = 0
        for s, e, kind in spans:
            chunk = text[s:e]
            n_mentions += len(gazetteer.find(chunk))
            found = _dates_in(chunk, s, doc_date)
            n_dates += len(found)
            if kind != "heading":
                skip = [(a, b) for a, b, *_ in found if not text[a:b].endswith("years")]
                n_quantities += len(_quantities_in(chunk, s, skip))
        return len(spans), n_mentions, n_quantities, n_dates


def candidates(doc_id: str, text: str, extraction: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """Rows of the review file for one document (``CANDIDATE_COLUMNS``), in text order.

    ``table`` says where an accepted row goes: ``claims`` (a quantity), ``events`` (a dated
    clause) or ``mentions`` (an actor mention, or a name not in the gazetteer: for growing
    ``data/aliases.csv``; not moved by ``accept``). ``quote`` is the clause around the
    quantity or date (shorten it while reviewing; ``accept`` recomputes the offsets).
    ``accept`` is empty: the reviewer writes ``yes`` (or ``no``).
    """
    sents = extraction["sentences"].set_index("sentence_id")
    rows: list[dict] = []
    for q in extraction["quantities"].itertuples():
        left, right = _clause(text, int(sents.at[q.sentence_id, "start"]), int(sents.at[q.sentence_id, "end"]),
                              q.start, q.end)
        rows.append(dict(table="claims", quote=text[left:right], start=left, end=right,
                         subject=q.subject, metric=q.metric, partner=q.partner, period=q.period,
                         period_precision=q.period_precision, value=_number_text(q.value), unit=q.unit,
                         qualifier=q.qualifier,
                         notes=f"extracted {q.kind} {text[q.start:q.end]!r} at {q.start}:{q.end}"
                               + (f" ({q.noun})" if q.noun and q.kind == "count" else ""),
                         confidence=q.confidence, _order=(q.start, 0)))
    ments = extraction["mentions"]
    for d in extraction["dates"].itertuples():
        s_start, s_end = int(sents.at[d.sentence_id, "start"]), int(sents.at[d.sentence_id, "end"])
        left, right = _clause(text, s_start, s_end, d.start, d.end, minimum=40)
        sentence = text[s_start:s_end]
        in_sentence = ments[ments["sentence_id"] == d.sentence_id]
        actors = ";".join(sorted(set(in_sentence["actor_id"])))
        etype = event_type(text[left:right])
        if etype == "other":
            etype = event_type(sentence)
        key = "-".join(p for p in [d.date.replace("/", "-to-"), etype, "-".join(actors.split(";")) if actors else ""] if p)
        place = ""
        place_match = re.search(r"\b(?:in|to)\s+([A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)", text[left:right])
        if place_match:
            place = place_match.group(1)
        count = ""
        if etype in ("agreement", "memorandum"):
            q = extraction["quantities"]
            hits = q[(q["sentence_id"] == d.sentence_id) & (q["unit"] == "count")]
            if len(hits):
                count = str(int(hits.iloc[0]["value"]))
        rows.append(dict(table="events", quote=text[left:right], start=left, end=right, event_key=key,
                         date=d.date, date_precision=d.date_precision, date_basis=d.date_basis, type=etype,
                         actors=actors, place=place, count=count,
                         notes=f"extracted date {d.quote!r} at {d.start}:{d.end}",
                         confidence=round(d.confidence * (0.8 if etype == "other" else 1.0), 2),
                         _order=(d.start, 1)))
    for m in ments.itertuples():
        rows.append(dict(table="mentions", quote=m.matched, start=m.start, end=m.end, actors=m.actor_id,
                         notes=f"gazetteer alias {m.alias!r}", confidence=1.0, _order=(m.start, 2)))
    names = extraction["names"]
    counts = dict(zip(names["name"], names["n"])) if len(names) else {}
    for start, end, name in extraction["name_spans"].itertuples(index=False):
        rows.append(dict(table="mentions", quote=text[start:end], start=start, end=end, actors="",
                         notes=f"not in the gazetteer ({counts.get(name, 1)} in this document): "
                               "add an alias to data/aliases.csv if it is an actor",
                         confidence=0.0, _order=(start, 3)))
    rows.sort(key=lambda r: r.pop("_order"))
    out = pd.DataFrame(rows, columns=[c for c in CANDIDATE_COLUMNS if c not in ("candidate_id", "accept", "doc_id")])
    out.insert(0, "candidate_id", [f"{doc_id}-k{i:03d}" for i in range(1, len(out) + 1)])
    out.insert(1, "table", out.pop("table"))
    out.insert(2, "accept", "")
    out.insert(3, "doc_id", doc_id)
    out = out.fillna("")
    out["start"] = out["start"].astype(int)
    out["end"] = out["end"].astype(int)
    return out[CANDIDATE_COLUMNS]


def _number_text(value: float) -> str:
    """A plain number as the tables write it: 6300000000, 18.4, -18.4."""
    return f"{value:.15g}" if abs(value) < 1e16 else repr(value)


def document_date(value: str | date | pd.Timestamp | None) -> date | None:
    """A ``date`` from an ISO string or Timestamp (None stays None)."""
    if value is None or value == "" or (isinstance(value, float) and pd.isna(value)):
        return None
    if isinstance(value, pd.Timestamp):
        return value.date()
    if isinstance(value, date):
        return value
    return date.fromisoformat(str(value)[:10])
