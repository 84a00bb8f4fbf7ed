"""ISO periods as the tables write them: ``2021``, ``2022-03``, ``2022-05-10``, ``a/b``.

``period_bounds("2022-03")`` → (2022-03-01, 2022-03-31): the first and last day covered.
"""
from __future__ import annotations

import calendar
import re
from datetime import date

_PART = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


def _bounds_of_part(part: str) -> tuple[date, date]:
    match = _PART.match(part)
    if not match:
        raise ValueError(f"{part!r} is not an ISO year, month or date")
    year, month, day = match.group(1), match.group(2), match.group(3)
    y = int(year)
    if month is None:
        return date(y, 1, 1), date(y, 12, 31)
    m = int(month)
    if not 1 <= m <= 12:
        raise ValueError(f"{part!r}: month {m} is not between 1 and 12")
    if day is None:
        return date(y, m, 1), date(y, m, calendar.monthrange(y, m)[1])
    d = int(day)
    last = calendar.monthrange(y, m)[1]
    if not 1 <= d <= last:
        raise ValueError(f"{part!r}: day {d} does not exist in {y}-{m:02d}")
    return date(y, m, d), date(y, m, d)


def period_bounds(period: str) -> tuple[date, date]:
    """First and last day covered by an ISO period or interval; ValueError if invalid."""
    if "/" in period:
        left, right = period.split("/", 1)
        first, _ = _bounds_of_part(left)
        _, last = _bounds_of_part(right)
        if last < first:
            raise ValueError(f"{period!r}: the interval ends before it starts")
        return first, last
    return _bounds_of_part(period)


def period_precision(period: str) -> str:
    """``year``, ``month``, ``day`` or ``range`` for a valid period; ``none`` for ''."""
    if not period:
        return "none"
    if "/" in period:
        return "range"
    return {1: "year", 2: "month", 3: "day"}[len(period.split("-"))]
