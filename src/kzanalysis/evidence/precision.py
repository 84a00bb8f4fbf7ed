"""evidence.precision (from trade.py)."""
from __future__ import annotations

import math
import re
from dataclasses import dataclass
from decimal import Decimal

import pandas as pd

#: Scale words written after a number.
SCALE_WORDS = {"thousand": 1_000, "million": 10**6, "mln": 10**6, "mn": 10**6,
               "billion": 10**9, "bln": 10**9, "bn": 10**9, "trillion": 10**12}


#: Cardinal number words (used with or without a scale word: "three thousand", "five").
CARDINAL_WORDS = {"a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
                  "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15,
                  "twenty": 20, "thirty": 30, "fifty": 50, "hundred": 100}


#: Ordinal number words ("the fifth largest" → rank 5).
ORDINAL_WORDS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
                 "eighth": 8, "ninth": 9, "tenth": 10}


#: Half-width of an ``approximate`` figure as a fraction of its value, used where it is wider
#: than the rounding interval ("nearly 1.6 billion" → ±5%).
APPROXIMATE_MARGIN = Decimal("0.05")


SCALES = "|".join(sorted(SCALE_WORDS, key=len, reverse=True))


_NUMERAL = re.compile(
    r"(?<![\w.,])(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)(?![\d,]*\d)"
    r"(?:[\s\u00a0]*(?P<scale>" + SCALES + r")\b)?",
    re.IGNORECASE,
)


_WORDS = re.compile(
    r"\b(?P<card>" + "|".join(sorted(CARDINAL_WORDS, key=len, reverse=True)) + r")"
    r"(?:[\s-]+(?P<scale>" + SCALES + r"))?\b"
    r"|\b(?P<ord>" + "|".join(sorted(ORDINAL_WORDS, key=len, reverse=True)) + r")\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class WrittenNumber:
    """A number as written in a quote: its value (scale applied), half the unit of its
    last written digit (same scale), and where it is in the quote."""

    text: str
    value: Decimal
    half_unit: Decimal
    start: int
    end: int


def written_numbers(quote: str) -> list[WrittenNumber]:
    """Every number written in ``quote``, in text order, with its precision.

    Numerals: every written digit counts ("10 billion" → 10e9 ± 0.5e9; "5.3 billion" →
    5.3e9 ± 0.05e9; "11,000" → 11,000 ± 0.5; "58%" → 58 ± 0.5; "12th" → 12 ± 0.5).
    Scale words (``SCALE_WORDS``) multiply the number and its precision. Number words:
    "three thousand" → 3,000 ± 500; "five" → 5 ± 0.5; "fifth" → 5 ± 0.5.
    """
    found: list[WrittenNumber] = []
    for m in _NUMERAL.finditer(quote):
        digits = m.group("num").replace(",", "")
        scale = Decimal(SCALE_WORDS[m.group("scale").lower()]) if m.group("scale") else Decimal(1)
        decimals = len(digits.split(".")[1]) if "." in digits else 0
        half = Decimal(5) * Decimal(10) ** (-decimals - 1)
        found.append(WrittenNumber(m.group(0), Decimal(digits) * scale, half * scale, m.start(), m.end()))
    for m in _WORDS.finditer(quote):
        if any(n.start <= m.start() < n.end for n in found):
            continue
        if m.group("ord"):
            number, scale = Decimal(ORDINAL_WORDS[m.group("ord").lower()]), Decimal(1)
        else:
            number = Decimal(CARDINAL_WORDS[m.group("card").lower()])
            scale = Decimal(SCALE_WORDS[m.group("scale").lower()]) if m.group("scale") else Decimal(1)
            if m.group("card").lower() == "a" and not m.group("scale"):
                continue  # the article "a" is a number only in "a thousand"
        found.append(WrittenNumber(m.group(0), number * scale, Decimal("0.5") * scale, m.start(), m.end()))
    return sorted(found, key=lambda n: n.start)


def written_value(text: str) -> float:
    """The first number written in ``text`` as a plain number ("$6.3 billion" → 6.3e9).

    Raises ValueError if ``text`` has no number.
    """
    numbers = written_numbers(text)
    if not numbers:
        raise ValueError(f"no number written in {text!r}")
    return float(numbers[0].value)


def exact_decimal(value: float) -> Decimal:
    """A float as the decimal it was written as (6.3e9 → Decimal('6.3E+9'))."""
    return Decimal(repr(float(value)))


def _half_unit_of_value(value: Decimal) -> Decimal:
    """Half the unit of the last significant digit of a plain number (fallback when the
    quote does not show the number): 6.3e9 → 0.05e9; 58 → 0.5; 4 → 0.5."""
    if value == 0:
        return Decimal("0.5")
    exponent = int(value.normalize().as_tuple().exponent)
    return Decimal(5) * Decimal(10) ** (exponent - 1)


def _precision(value: float, quote: str) -> tuple[Decimal, str]:
    target = abs(exact_decimal(value))
    for number in written_numbers(quote):
        if number.value == target:
            return number.half_unit, "quote"
    return _half_unit_of_value(target), "value"


def stated_precision(value: float, quote: str) -> tuple[float, str]:
    """Half-width of the rounding interval of ``value`` as written in ``quote``, and how it was found.

    The written number of the quote equal to ``|value|`` gives the precision (``"quote"``).
    Where the quote writes the value differently (a rank as a word not listed, a value the
    curator converted), the significant digits of ``value`` itself are used (``"value"``;
    trailing zeros then count as rounding: 10e9 → ±5e9).
    """
    half, how = _precision(value, quote)
    return float(half), how


def stated_interval(value: float, quote: str, qualifier: str = "exact") -> tuple[float, float]:
    """The half-open interval [low, high) of true values compatible with ``value`` as written in ``quote``.

    Rounding: half a unit of the last written digit either side ("5.3 billion" →
    [5.25e9, 5.35e9); "10 billion" → [9.5e9, 10.5e9); "58%" → [57.5, 58.5)).
    ``qualifier`` (the claims column): ``over`` → [value, inf); ``approximate`` → the
    wider of the rounding interval and ±``APPROXIMATE_MARGIN`` (5%) of the value;
    ``exact``, ``target`` and ``implied`` → the rounding interval.
    """
    if qualifier == "over":
        return float(value), math.inf
    exact = exact_decimal(value)
    half = _precision(value, quote)[0]
    if qualifier == "approximate":
        half = max(half, abs(exact) * APPROXIMATE_MARGIN)
    return float(exact - half), float(exact + half)


def in_interval(x: float, interval: tuple[float, float]) -> bool:
    """Whether ``x`` lies in the half-open ``interval`` [low, high)."""
    return interval[0] <= x < interval[1]


def claim_intervals(claims: pd.DataFrame) -> pd.DataFrame:
    """``claims`` with ``low`` and ``high`` (same unit as ``value``): the stated interval [low, high)."""
    out = claims.copy()
    bounds = [stated_interval(v, q, qual) for v, q, qual in zip(out["value"], out["quote"], out["qualifier"])]
    out["low"] = [b[0] for b in bounds]
    out["high"] = [b[1] for b in bounds]
    return out


def relative_difference(value: float, reference: float) -> float:
    """(value − reference) / reference, a fraction (0.29 = the claim is 29% above the reference)."""
    return (value - reference) / reference if reference else math.nan
