"""extract.dates (from extract.py)."""
from __future__ import annotations

import re
from datetime import date, datetime

import pandas as pd
from dateutil import parser as date_parser
from dateutil.relativedelta import relativedelta

from kzanalysis.extract.vocabulary import CARDINALS, DASH, DAY, MONTH_ABBR, MONTH_NAME, MONTHS, STOP_NOUN, YEAR

DATE_COLUMNS = ["doc_id", "sentence_id", "start", "end", "quote", "date", "date_precision", "date_basis",
                "confidence"]


_DATE_PATTERNS: list[tuple[str, re.Pattern]] = [
    # 12-13 October 2022 / 12-13 October
    ("day_range_dmy", re.compile(rf"\b(?P<d1>{DAY})(?:{DASH}|\s+and\s+)(?P<d2>{DAY})\s+(?P<m>{MONTH_NAME})"
                                 rf"(?:,?\s+(?P<y>{YEAR}))?\b")),
    # October 12-13, 2022 / November 16 and 17
    ("day_range_mdy", re.compile(rf"\b(?P<m>{MONTH_NAME})\s+(?P<d1>{DAY})(?:{DASH}|\s+and\s+)(?P<d2>{DAY})"
                                 rf"(?:,?\s+(?P<y>{YEAR}))?(?![\d])")),
    # January-September 2023
    ("month_range", re.compile(rf"\b(?P<m1>{MONTH_NAME}){DASH}(?P<m2>{MONTH_NAME}),?\s+(?P<y>{YEAR})\b")),
    # May 10, 2022 / September 14th / (Daily Sabah, October 11)
    ("mdy", re.compile(rf"\b(?P<m>{MONTH_NAME})\s+(?P<d>{DAY})(?![\d:])(?:,?\s+(?P<y>{YEAR})\b)?")),
    # 10 May 2022 / 10th of May
    ("dmy", re.compile(rf"\b(?P<d>{DAY})(?:\s+of)?\s+(?P<m>{MONTH_NAME})(?:,?\s+(?P<y>{YEAR})\b)?")),
    # 11.05.2022 (day first, as in Europe) / 2022-05-10
    ("numeric_dmy", re.compile(rf"(?<![\d.])(?P<d>0?[1-9]|[12]\d|3[01])\.(?P<mo>0?[1-9]|1[0-2])\.(?P<y>{YEAR})(?![\d.]\d)")),
    ("iso", re.compile(rf"(?<![\d-])(?P<y>{YEAR})-(?P<mo>0[1-9]|1[0-2])-(?P<d>0[1-9]|[12]\d|3[01])(?![\d])")),
    # mid-March 2018 / on March 2019 / December 1991
    ("month_year", re.compile(rf"\b(?P<m>{MONTH_NAME}),?\s+(?P<y>{YEAR})\b")),
    # last July / this March / in January (month without a year: resolved against the document date)
    ("relative_month", re.compile(rf"(?i:\b(?P<rel>last|this|next|past|previous|in|since|until|from|by|early|late|mid|of)"
                                  rf"(?:\s+|-))(?P<m>{MONTH_NAME})\b(?!\s*{DASH}?\d)")),
    # last year / this year / next year
    ("relative_year", re.compile(r"\b(?P<rel>[Ll]ast|[Tt]his|[Nn]ext|[Pp]revious)\s+year\b")),
    # the last five years (a period ending at the document date)
    ("last_n_years", re.compile(r"\b(?P<rel>[Ll]ast|[Pp]ast)\s+(?P<n>\d+|" + "|".join(CARDINALS)
                                + r")\s+years\b")),
    # 1991-2021, 2014–2016
    ("year_range", re.compile(rf"(?<![\w.,$])(?P<y1>{YEAR}){DASH}(?P<y2>{YEAR})(?![\w%])")),
    # the 1990s
    ("decade", re.compile(r"\b(?:the\s+)?(?P<y>1[89]\d0|20\d0)[’']?s\b")),
    # 2021
    ("year", re.compile(rf"(?<![\w.,$€£/-])(?P<y>{YEAR})(?![\w%,.]\w|[\d%])")),
]


_DATE_HINT = re.compile(rf"\d|{MONTH_NAME}|\b[Yy]ear")


_CITATION = re.compile(r"\([^()]{2,60},\s*$")


def _month_number(name: str) -> int:
    key = name.lower().rstrip(".")
    return MONTHS.get(key) or MONTH_ABBR[key]


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
        n = int(groups["n"]) if groups["n"].isdigit() else CARDINALS[groups["n"].lower()]
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


def dates_in(chunk: str, base: int, doc_date: date | None) -> list[tuple[int, int, str, str, str, float]]:
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
    if noun and noun.group(1).endswith("s") and noun.group(1) not in STOP_NOUN and not re.search(
            r"\b(?:in|since|until|by|from|of|to|for|before|after|between|and|during)\s*$", chunk[:start]):
        return True
    return bool(re.match(r"\s*(?:%|per\s?cent|(?:thousand|million|billion|trillion|bn)\b)", after))


def document_date(value: str | date | pd.Timestamp | None) -> date | None:
    """A ``date`` from an ISO string or Timestamp (None stays None)."""
    if value is None or value == "" or (isinstance(value, float) and pd.isna(value)):
        return None
    if isinstance(value, pd.Timestamp):
        return value.date()
    if isinstance(value, date):
        return value
    return date.fromisoformat(str(value)[:10])
