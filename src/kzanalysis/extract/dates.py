"""extract.dates (from extract.py)."""
from __future__ import annotations

import re
from datetime import date, datetime
from functools import lru_cache

import pandas as pd
from dateutil import parser as date_parser
from dateutil.relativedelta import relativedelta

from kzanalysis.extract.vocabulary import CARDINALS, DASH, DAY, MONTH_ABBR, MONTH_NAME, MONTHS, STOP_NOUN, YEAR

DATE_COLUMNS = ["doc_id", "sentence_id", "start", "end", "quote", "date", "date_precision", "date_basis",
                "confidence"]


_WEEKDAY = r"Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
_WEEKDAYS = {name.lower(): i for i, name in enumerate(_WEEKDAY.split("|"))}
_CARDINAL_WORDS = "|".join(sorted(CARDINALS, key=len, reverse=True))
#: Words before a weekday, or in its clause before it, that put it after the document date.
_FUTURE = re.compile(r"(?i)\b(?:next|set\s+for|scheduled\s+for|planned\s+for|will|shall|to\s+be\s+held|due|upcoming|"
                     r"(?:is|are)\s+(?:to|expected\s+to)|expected\s+on)\b")


_DATE_PATTERNS: list[tuple[str, re.Pattern]] = [
    # 12-13 October 2022 / 12-13 October
    ("day_range_dmy", re.compile(rf"\b(?P<d1>{DAY})(?:{DASH}|\s+and\s+)(?P<d2>{DAY})\s+(?P<m>{MONTH_NAME})"
                                 rf"(?:,?\s+(?P<y>{YEAR}))?\b")),
    # October 12-13, 2022 / November 16 and 17
    ("day_range_mdy", re.compile(rf"\b(?P<m>{MONTH_NAME})\s+(?P<d1>{DAY})(?:{DASH}|\s+and\s+)(?P<d2>{DAY})"
                                 rf"(?:,?\s+(?P<y>{YEAR}))?(?![\d])")),
    # January-September 2023
    ("month_range", re.compile(rf"\b(?:[Ff]rom\s+)?(?P<m1>{MONTH_NAME})(?:{DASH}|\s+to\s+|\s+through\s+)(?P<m2>{MONTH_NAME}),?"
                               rf"\s+(?P<y>{YEAR})\b")),
    # January-July / from January to July (no year: the latest such months up to the document date)
    ("month_range_no_year", re.compile(rf"\b(?:[Ff]rom\s+)?(?P<m1>{MONTH_NAME})(?:{DASH}|\s+to\s+|\s+through\s+)"
                                       rf"(?P<m2>{MONTH_NAME})\b(?!,?\s+{YEAR})(?!\s*{DASH}?\d)")),
    # May 10, 2022 / September 14th / (Daily Sabah, October 11)
    ("mdy", re.compile(rf"\b(?P<m>{MONTH_NAME})\s+(?P<d>{DAY})(?![\d:])(?:,?\s+(?P<y>{YEAR})\b)?")),
    # 10 May 2022 / 10th of May
    ("dmy", re.compile(rf"\b(?P<d>{DAY})(?:\s+of)?\s+(?P<m>{MONTH_NAME})(?:,?\s+(?P<y>{YEAR})\b)?")),
    # 11.05.2022 (day first, as in Europe) / 2022-05-10
    ("numeric_dmy", re.compile(rf"(?<![\d.])(?P<d>0?[1-9]|[12]\d|3[01])\.(?P<mo>0?[1-9]|1[0-2])\.(?P<y>{YEAR})(?![\d.]\d)")),
    ("iso", re.compile(rf"(?<![\d-])(?P<y>{YEAR})-(?P<mo>0[1-9]|1[0-2])-(?P<d>0[1-9]|[12]\d|3[01])(?![\d])")),
    # mid-March 2018 / on March 2019 / December 1991
    ("month_year", re.compile(rf"\b(?P<m>{MONTH_NAME}),?\s+(?P<y>{YEAR})\b")),
    # in September last year / March next year
    ("month_relative_year", re.compile(rf"\b(?P<m>{MONTH_NAME})\s+(?P<rel>[Ll]ast|[Tt]his|[Nn]ext)\s+year\b")),
    # the first six months of 2025 / 11 months of 2023 / the first half of 2024 / the first quarter of 2023
    ("part_of_year", re.compile(rf"(?i:\b(?:the\s+)?(?:(?:first|past)\s+)?(?P<n>\d{{1,2}}|{_CARDINAL_WORDS})\s+months"
                                rf"|\b(?:the\s+)?(?P<part>first|second|third|fourth)\s+(?P<unit>half|quarter))\s+(?:of\s+)?"
                                rf"(?P<y>{YEAR})\b")),
    # the first quarter of this year / the first six months of last year (resolved against the document date)
    ("part_of_relative_year", re.compile(rf"(?i:\b(?:the\s+)?(?:(?:first|past)\s+)?(?P<n>\d{{1,2}}|{_CARDINAL_WORDS})\s+"
                                         r"months|\b(?:the\s+)?(?P<part>first|second|third|fourth)\s+(?P<unit>half|quarter))"
                                         r"\s+of\s+(?P<rel>this|last|the\s+current|the\s+previous|the\s+past)\s+year\b")),
    # the first ten months (no year: the latest such months up to the document date)
    ("first_months", re.compile(rf"(?i:\b(?:the\s+)?first\s+(?P<n>\d{{1,2}}|{_CARDINAL_WORDS})\s+months\b)(?!\s+of\b)")),
    # on Thursday / later Thursday / set for Wednesday / next Monday
    ("weekday", re.compile(r"(?:\b(?P<pre>[Oo]n|[Ll]ater|[Ll]ast|[Nn]ext|[Tt]his|set\s+for|scheduled\s+for)\s+)?"
                           rf"\b(?P<w>{_WEEKDAY})\b")),
    # yesterday / last month / last week / two days earlier / three years ago
    ("relative_day", re.compile(r"(?i:\b(?P<word>yesterday|tomorrow|today(?:[’']s)?)(?!\w)|"
                                r"\b(?P<rel>last|this|next|past|previous)\s+"
                                r"(?P<unit>month|week)\b|\b(?P<n>\d{1,2}|" + _CARDINAL_WORDS
                                + r")\s+(?P<units>days|weeks|months|years)\s+(?:ago|earlier|before)\b|"
                                r"\b(?P<dn>\d{1,2}|" + _CARDINAL_WORDS + r")\s+(?P<dunits>decades)\s+ago\b|"
                                r"\b(?P<one>a|one)\s+(?P<ounit>year|decade)\s+ago\b)")),
    # last July / this March / in January (month without a year: resolved against the document date)
    ("relative_month", re.compile(rf"(?i:\b(?P<rel>last|this|next|past|previous|in|since|until|from|by|early|late|mid|of)"
                                  rf"(?:\s+|-))(?P<m>{MONTH_NAME})\b(?!\s*{DASH}?\d)")),
    # last year / this year / next year
    ("relative_year", re.compile(r"\b(?P<rel>[Ll]ast|[Tt]his|[Nn]ext|[Pp]revious|[Cc]urrent)\s+year\b")),
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


#: What a sentence needs to be searched for dates at all (``_may_hold_date`` decides the same, faster).
_DATE_HINT = re.compile(rf"\d|{MONTH_NAME}|\b[Yy]ear|day|month|week|tomorrow|ago")
_ANY_DIGIT = re.compile(r"\d")
_YEAR_WORD = re.compile(r"\b[Yy]ear")
_MONTH_CASED = re.compile(MONTH_NAME)


def _may_hold_date(chunk: str) -> bool:
    """``_DATE_HINT.search(chunk)``, as a disjunction of substring tests and single searches
    (one search of the whole alternation costs several times more)."""
    return bool(_ANY_DIGIT.search(chunk)) or "day" in chunk or "month" in chunk or "week" in chunk \
        or "tomorrow" in chunk or "ago" in chunk or ("ear" in chunk and bool(_YEAR_WORD.search(chunk))) \
        or bool(_MONTH_CASED.search(chunk))


#: What each pattern cannot match without (a necessary condition, tested once per sentence):
#: a pattern whose condition fails is not run, which changes nothing but the time. A kind
#: not listed here is always run.
#: The only characters outside ASCII that case-insensitive matching equates with an ASCII
#: letter (İ and ı with i, ſ with s, the Kelvin sign with k; found by trying every code point,
#: tests/test_extraction_snapshot.py): a text without them can be tested in ``str.lower`` for
#: the letters a case-insensitive pattern needs.
CASEFOLD_EXTRAS = re.compile("[\u0130\u0131\u017f\u212a]")


@lru_cache(maxsize=16)
def _plain_lower(chunk: str) -> str | None:
    """``chunk.lower()``, or None if ``chunk`` holds one of the ``CASEFOLD_EXTRAS`` (then a
    case-insensitive pattern cannot be tested in the lower-case text). Kept for the last few
    sentences: every test of a sentence asks for it."""
    return None if CASEFOLD_EXTRAS.search(chunk) else chunk.lower()


#: A ``relative_day`` match holds one of these (any case): "yesterday", "tomorrow", "today", "last month",
#: "next week", "two days ago", "three years earlier", "a month before".
_RELATIVE_WORDS = ("yesterday", "tomorrow", "today", "month", "week", "ago", "earlier", "before")


def _has_relative_word(chunk: str) -> bool:
    """Whether one of ``_RELATIVE_WORDS`` may occur in ``chunk`` in any case."""
    lower = _plain_lower(chunk)
    return lower is None or any(word in lower for word in _RELATIVE_WORDS)


def _has_part_of_year(chunk: str) -> bool:
    """Whether ``chunk`` may hold "months", "half" or "quarter" in any case (see ``CASEFOLD_EXTRAS``)."""
    lower = _plain_lower(chunk)
    return lower is None or "months" in lower or "half" in lower or "quarter" in lower


#: The patterns write ``MONTH_NAME`` case-sensitive, so "month" is tested so too.
_NEED_TESTS = {"month": _MONTH_CASED.search, "digit": re.compile(r"[0-9]").search, "year_number": re.compile(YEAR).search,
               "day": re.compile("day").search, "year": re.compile("year").search,
               "relative": _has_relative_word,
               "part_of_year": _has_part_of_year, "dash": re.compile(r"[-–—]").search,
               "dotted_month": re.compile(r"\.(?:0?[1-9]|1[0-2])\.").search,
               "iso_month": re.compile(r"-(?:0[1-9]|1[0-2])-").search,
               "dash_year": re.compile(r"[-–—]\s?(?:1[89]|20)").search, "decade": re.compile(r"0[’']?s").search}
_NEEDS = {"day_range_dmy": ("digit", "month"), "day_range_mdy": ("digit", "month"),
          "month_range": ("year_number", "month"), "month_range_no_year": ("month",), "mdy": ("digit", "month"), "dmy": ("digit", "month"),
          "numeric_dmy": ("year_number", "dotted_month"), "iso": ("year_number", "iso_month"),
          "month_year": ("year_number", "month"), "month_relative_year": ("month", "year"),
          "part_of_year": ("year_number", "part_of_year"), "part_of_relative_year": ("part_of_year", "year"), "first_months": ("part_of_year",), "weekday": ("day",),
          "relative_day": ("relative",), "relative_month": ("month",), "relative_year": ("year",),
          "last_n_years": ("year",), "year_range": ("year_number", "dash_year"), "decade": ("year_number", "decade"),
          "year": ("year_number",)}


_CITATION = re.compile(r"\([^()]{2,60},\s*$")


def _month_number(name: str) -> int:
    key = name.lower().rstrip(".")
    return MONTHS.get(key) or MONTH_ABBR[key]


def _day_number(text: str) -> int:
    return int(re.match(r"\d+", text).group())


@lru_cache(maxsize=1024)
def _latest_on_or_before(month: int, day: int | None, reference: date) -> date:
    """The latest date with this month (and day) on or before ``reference``."""
    candidate = date(reference.year, month, day or 1)
    return candidate if candidate <= reference else candidate - relativedelta(years=1)


@lru_cache(maxsize=4096)
def _parsed_day(text: str) -> date | None:
    """The date of "May 10 2022", "September 14th 2000" (month, day, year), None if there is no
    such day. Memoised: a corpus writes the same few hundred dates again and again."""
    try:  # dateutil reads month names and abbreviations, ordinal suffixes ("14th") and checks the day
        return date_parser.parse(text, default=datetime(2000, 1, 1)).date()
    except (ValueError, OverflowError):
        return None


def _parse_date(kind: str, groups: dict, doc_date: date | None) -> tuple[str, str, str, float] | None:
    """(ISO date or interval, precision, basis, confidence) of one match, or None if it is not a date."""
    year = int(groups["y"]) if groups.get("y") else None
    if kind in ("mdy", "dmy"):
        parsed = _parsed_day(f"{groups['m']} {groups['d']} {year or 2000}")
        if parsed is None:
            return None
        if year:
            return parsed.isoformat(), "day", "stated", 0.95
        if doc_date is None:
            return None
        # a month and day without a year take the year of publication (data/eval/GUIDELINES.md)
        return parsed.replace(year=doc_date.year).isoformat(), "day", "inferred", 0.7
    if kind in ("day_range_dmy", "day_range_mdy"):
        month = _month_number(groups["m"])
        d1, d2 = _day_number(groups["d1"]), _day_number(groups["d2"])
        if d2 <= d1:
            return None
        if year is None:
            if doc_date is None:
                return None
            year = _latest_on_or_before(month, d1, doc_date).year
            if groups.get("future"):  # "will be held on June 10-11": the next such days
                year = doc_date.year if (month, d1) >= (doc_date.month, doc_date.day) else doc_date.year + 1
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
    if kind == "first_months":
        last = _count(groups["n"])
        if doc_date is None or not 1 < last <= 12:
            return None
        year = doc_date.year if last <= doc_date.month else doc_date.year - 1
        return f"{year}-01/{year}-{last:02d}", "range", "inferred", 0.6
    if kind == "month_range_no_year":
        m1, m2 = _month_number(groups["m1"]), _month_number(groups["m2"])
        if m2 <= m1 or doc_date is None:
            return None
        year = doc_date.year if m2 <= doc_date.month else doc_date.year - 1
        return f"{year}-{m1:02d}/{year}-{m2:02d}", "range", "inferred", 0.7
    if kind in ("numeric_dmy", "iso"):
        try:
            parsed = date(year, int(groups["mo"]), int(groups["d"]))
        except ValueError:
            return None
        return parsed.isoformat(), "day", "stated", 0.9
    if kind == "month_year":
        return f"{year}-{_month_number(groups['m']):02d}", "month", "stated", 0.95
    if kind in _RELATIVE_KINDS:
        return _RELATIVE_KINDS[kind](groups, doc_date) if doc_date is not None else None
    if kind == "part_of_relative_year":
        if doc_date is None:
            return None
        year = doc_date.year + (0 if groups["rel"].lower().split()[-1] in ("this", "current") else -1)
    if kind in ("part_of_year", "part_of_relative_year"):
        if groups.get("part"):
            size = 6 if groups["unit"].lower() == "half" else 3
            first = 1 + size * _PARTS.index(groups["part"].lower())
            if first > 12:
                return None  # "the third half"
            last = first + size - 1
        else:
            first, last = 1, _count(groups["n"])
            if not 1 <= last <= 12:
                return None
        basis = "stated" if kind == "part_of_year" else "inferred"
        return f"{year}-{first:02d}/{year}-{last:02d}", "range", basis, 0.85
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
        shift = {"last": -1, "previous": -1, "this": 0, "current": 0, "next": 1}[groups["rel"].lower()]
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


_PARTS = ("first", "second", "third", "fourth")


def _count(word: str) -> int:
    return int(word) if word.isdigit() else CARDINALS[word.lower()]


def _month_relative_year(groups: dict, doc_date: date) -> tuple[str, str, str, float]:
    shift = {"last": -1, "this": 0, "next": 1}[groups["rel"].lower()]
    return f"{doc_date.year + shift}-{_month_number(groups['m']):02d}", "month", "inferred", 0.7


def _weekday(groups: dict, doc_date: date) -> tuple[str, str, str, float]:
    """The latest such weekday on or before the document date; the next one after it when the
    words before say it is to come ("set for Wednesday", "next Monday", "will ... on Friday")."""
    wanted = _WEEKDAYS[groups["w"].lower()]
    back = (doc_date.weekday() - wanted) % 7
    if groups.get("future"):
        return (doc_date + relativedelta(days=(wanted - doc_date.weekday()) % 7 or 7)).isoformat(), "day", \
            "inferred", 0.6
    if (groups.get("pre") or "").lower() == "last" and back == 0:
        back = 7
    return (doc_date - relativedelta(days=back)).isoformat(), "day", "inferred", 0.65


def _relative_day(groups: dict, doc_date: date) -> tuple[str, str, str, float] | None:
    """yesterday, today ("today's talks"), tomorrow (day); last/this/next month and week (month: no week precision); N days,
    weeks, months or years ago (day, month or year); N decades, a year or a decade ago (year)."""
    if groups.get("word"):
        word = groups["word"].lower()
        shift = -1 if word == "yesterday" else 0 if word.startswith("today") else 1
        return (doc_date + relativedelta(days=shift)).isoformat(), "day", "inferred", 0.7
    if groups.get("rel"):
        sign = {"last": -1, "past": -1, "previous": -1, "this": 0, "next": 1}[groups["rel"].lower()]
        moved = doc_date + (relativedelta(months=sign) if groups["unit"].lower() == "month"
                            else relativedelta(weeks=sign))
        return f"{moved.year}-{moved.month:02d}", "month", "inferred", 0.6
    if groups.get("dunits") or groups.get("ounit"):  # "three decades ago", "a year ago", "a decade ago"
        n = _count(groups["dn"]) if groups.get("dunits") else 1
        years = n * (1 if (groups.get("ounit") or "").lower() == "year" else 10)
        return str(doc_date.year - years), "year", "inferred", 0.5
    n, unit = _count(groups["n"]), groups["units"].lower()
    moved = doc_date - relativedelta(**{unit: n})
    if unit == "years":
        return str(moved.year), "year", "inferred", 0.6
    if unit == "months":
        return f"{moved.year}-{moved.month:02d}", "month", "inferred", 0.6
    return moved.isoformat(), "day", "inferred", 0.6


_RELATIVE_KINDS = {"month_relative_year": _month_relative_year, "weekday": _weekday, "relative_day": _relative_day}


_GATED_PATTERNS = [(kind, pattern, _NEEDS.get(kind, ())) for kind, pattern in _DATE_PATTERNS]


def dates_in(chunk: str, base: int, doc_date: date | None) -> list[tuple[int, int, str, str, str, float]]:
    """Date expressions in ``chunk`` (offsets shifted by ``base``), longest patterns first, no overlaps."""
    taken: list[tuple[int, int]] = []
    found = []
    if not _may_hold_date(chunk):
        return found
    have: dict[str, bool] = {}  # each need of ``_NEEDS`` tested once per chunk, when a pattern asks
    for kind, pattern, needs in _GATED_PATTERNS:
        for need in needs:
            met = have.get(need)
            if met is None:
                met = have[need] = bool(_NEED_TESTS[need](chunk))
            if not met:
                break
        else:
            found.extend(_matches(kind, pattern, chunk, base, doc_date, taken))
    return _weekday_with_date(chunk, base, sorted(found))


_WEEKDAY_THEN_DATE = re.compile(rf"(?:(?:[Oo]n|[Ll]ater)\s+)?(?:{_WEEKDAY}),\s*")
_WEEKDAY_NAME = re.compile(rf"(?:{_WEEKDAY})\b")


def _weekday_with_date(chunk: str, base: int, found: list[tuple]) -> list[tuple]:
    """Dates with a weekday written right before a stated day ("On Monday, 27 May 2024") joined into
    one date, the stated one: one happening dated once (data/eval/GUIDELINES.md)."""
    out: list[tuple] = []
    for item in found:
        if out and out[-1][3] == "day" and item[3] == "day" and not _WEEKDAY_NAME.match(chunk, item[0] - base) \
                and _WEEKDAY_THEN_DATE.fullmatch(chunk, out[-1][0] - base, item[0] - base):
            out[-1] = (out[-1][0], *item[1:])
        else:
            out.append(item)
    return out


def _matches(kind: str, pattern: re.Pattern, chunk: str, base: int, doc_date: date | None,
             taken: list[tuple[int, int]]) -> list[tuple[int, int, str, str, str, float]]:
    """The dates one pattern of ``dates_in`` finds in ``chunk``, not overlapping ``taken`` (which
    the spans found are added to)."""
    found = []
    for match in pattern.finditer(chunk):
        start, end = match.span()
        if kind == "relative_month":
            start = match.start("rel") if match.group("rel").lower() in ("last", "this", "next", "past",
                                                                          "previous") else match.start("m")
        if kind == "decade" and chunk[start:start + 4].lower() == "the ":
            start += 4
        if any(s < end and start < e for s, e in taken):
            continue
        groups = match.groupdict()
        if kind == "weekday":
            groups["future"] = bool(_FUTURE.search(chunk, max(0, match.start() - 40), match.start("w")))
        elif kind in ("day_range_dmy", "day_range_mdy") and not groups.get("y"):
            groups["future"] = bool(_FUTURE.search(chunk, max(0, match.start() - 40), match.start()))
        parsed = _parse_date(kind, groups, doc_date)
        if parsed is None:
            continue
        if kind == "year" and _year_is_quantity(chunk, start, end):
            continue
        if _CITATION.search(chunk, max(0, start - 80), start) and chunk[end:end + 1] == ")":
            taken.append((start, end))
            continue  # "(Daily Sabah, October 11)": the date of a cited source, not of an event
        taken.append((start, end))
        found.append((base + start, base + end, *parsed))
    return found


#: Plural nouns a year qualifies rather than counts: "the 2022 figures", "2023 results".
_OF_A_YEAR = {"figures", "results", "levels", "indicators", "statistics"}


def _year_is_quantity(chunk: str, start: int, end: int) -> bool:
    """True if a four-digit number is a count or an amount, not a year ("2000 companies", "$2020")."""
    before = chunk[max(0, start - 3):start]
    if re.search(r"[$€£¥₺]\s?$", before):
        return True
    after = chunk[end:end + 40]
    noun = re.match(r"\s+([a-z]+)", after)
    if noun and noun.group(1).endswith("s") and noun.group(1) not in STOP_NOUN \
            and noun.group(1) not in _OF_A_YEAR and not re.search(
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
