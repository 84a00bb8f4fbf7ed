"""Numbers for reading: the one formatter of every table and sentence of the report.

Rules (``format_number``): thousands separators on amounts (``24,500,000,000``), never on
years (``2022``); ranks as places (``4th``); differences of percentages in percentage points
(``+25.7 pp``); other numbers with four significant digits in plain decimal notation (never
``1.2e-05``); a value that rounds to zero is ``0``, never ``-0``; missing values are ``–``.
"""
from __future__ import annotations

import math
import re
from numbers import Number

from kzanalysis.evidence.precision import exact_decimal


def format_amount(value: float, unit: str, digits: int = 6) -> str:
    """A value for reading: ``5.3 bn USD``, ``188.62 bn TRY``, ``58%``, ``×17``, ``5th`` (a rank), ``3,000``, ``2009``.

    Money keeps up to ``digits`` significant digits (enough for every figure as stated);
    years are written plainly, without a thousands separator.
    """
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    if unit == "year":
        return f"{value:.0f}"
    if unit in ("usd", "try", "barrels", "cubic_metres"):
        name = {"usd": "USD", "try": "TRY", "barrels": "barrels", "cubic_metres": "m³"}[unit]
        for scale, word in [(10**12, "tn"), (10**9, "bn"), (10**6, "m")]:
            if abs(value) >= scale:
                return f"{significant(float(exact_decimal(value) / scale), digits)} {word} {name}"
        return f"{significant(value, digits)} {name}"
    if unit == "percent":
        return significant(value, 4) + "%"
    if unit == "multiple":
        return "×" + significant(value, 4)
    if unit == "rank":
        return ordinal(value) if float(value).is_integer() else f"rank {significant(value, 4)}"
    if unit == "try_per_usd":
        return f"{significant(value, 4)} TRY per USD"
    return significant(value, digits)


#: A number literal of a formula with a power-of-ten exponent (``190e9``, ``5.3e12``, ``2e-3``).
_SCALED_LITERAL = re.compile(r"(?<![\w.])(\d+(?:\.\d+)?)[eE]([+-]?\d+)(?![\w.])")
_SCALE_WORDS = {12: "tn", 9: "bn", 6: "m"}


def formula_for_reading(formula: str) -> str:
    """A formula of ``implied_values`` (Python literals such as ``190e9 / 11.4e9``) for reading:
    ``190 bn / 11.4 bn``; other exponents in plain decimals (never scientific notation)."""
    def plain(match: re.Match) -> str:
        mantissa, exponent = match.group(1), int(match.group(2))
        if exponent in _SCALE_WORDS:
            return f"{significant(float(mantissa), 6, separator=False)} {_SCALE_WORDS[exponent]}"
        return significant(float(f"{mantissa}e{exponent}"), 6)
    return _SCALED_LITERAL.sub(plain, formula)


def billions(value: float) -> float:
    """US dollars → billions of US dollars (for axes and tables)."""
    return value / 1e9


def _percent(x: float, digits: int = 0) -> str:
    return "" if x is None or math.isnan(x) else f"{100 * x:+.{digits}f}%"


def interval_text(low: float, high: float, unit: str) -> str:
    shown = "count" if unit == "rank" else unit
    if math.isinf(high):
        return f"≥ {format_amount(low, shown)}"
    return f"[{format_amount(low, shown)}, {format_amount(high, shown)})"


def is_place_held_by_another(value: float, reference_value: float, unit: str) -> bool:
    """Whether a rank claim that differs names the right place but the wrong partner: the
    reference gives the stated place (``value`` = ``reference_value``) to another partner, so that
    "4th against 4th" would read as agreement."""
    return unit == "rank" and not math.isnan(reference_value) and round(value) == round(reference_value)


def difference_text(difference: float, relative: float, unit: str) -> str:
    """A difference for reading: relative (percent) for amounts; percentage points for
    growth rates (``unit`` percent); places for ranks."""
    if math.isnan(difference):
        return ""
    if unit == "percent":
        return f"{difference:+.1f} pp"
    if unit == "rank":
        places = abs(round(difference))
        return "same place" if places == 0 else f"{places:g} place{'s' if places != 1 else ''} {'lower' if difference > 0 else 'higher'}"
    return _percent(relative)


#: How a missing value is written.
MISSING = "–"

#: The kinds ``format_number`` knows (see the module docstring).
NUMBER_KINDS = ("number", "amount", "year", "rank", "percent", "pp", "share")


def _no_negative_zero(text: str) -> str:
    """``-0``, ``-0.0``, ``−0.00`` → the same without the sign."""
    if text[:1] in "-−" and not any(ch in "123456789" for ch in text):
        return text[1:]
    return text


def significant(value: float, digits: int = 4, separator: bool = True) -> str:
    """``value`` with ``digits`` significant digits in plain decimal notation (never scientific);
    whole numbers exact; thousands separators if ``separator``; no ``-0``."""
    number = float(value)
    comma = "," if separator else ""
    if number.is_integer():
        return _no_negative_zero(f"{number:{comma}.0f}")
    magnitude = math.floor(math.log10(abs(number)))
    decimals = min(12, max(0, digits - 1 - magnitude))
    if abs(number) >= 1000:
        decimals = min(decimals, 1)
    text = f"{number:{comma}.{decimals}f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return _no_negative_zero(text)


def ordinal(value: float) -> str:
    """A rank as a place: 1 → ``1st``, 2 → ``2nd``, 11 → ``11th``, 23 → ``23rd``."""
    n = int(round(float(value)))
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def format_number(value: object, kind: str = "number", digits: int = 4, na_rep: str = MISSING) -> str:
    """One number as text by ``kind`` (one of ``NUMBER_KINDS``):

    - ``number``/``amount``: thousands separators, ``digits`` significant digits for fractions;
    - ``year``: a calendar year, no separator (``2022``);
    - ``rank``: a place (``4th``);
    - ``percent``: a value already in percent (``58%``); ``share``: a fraction shown in percent (0.58 → ``58%``);
    - ``pp``: a signed difference of two percentages, in percentage points (``+25.7 pp``).

    Missing values (None, NaN, pandas NA) are ``na_rep``; infinities ``∞``/``−∞``; anything not a
    number is returned as ``str``; booleans as ``yes``/``no``.
    """
    if kind not in NUMBER_KINDS:
        raise ValueError(f"unknown number kind {kind!r}; one of {', '.join(NUMBER_KINDS)}")
    if value is None or value is _pandas_missing(value):
        return na_rep
    if isinstance(value, bool):
        return "yes" if value else "no"
    if not isinstance(value, Number):
        return str(value)
    number = float(value)
    if math.isnan(number):
        return na_rep
    if math.isinf(number):
        return "∞" if number > 0 else "−∞"
    if kind == "year":
        return _no_negative_zero(f"{number:.0f}")
    if kind == "rank":
        return ordinal(number) if number.is_integer() else significant(number, digits)
    if kind == "share":
        return significant(round(100 * number, 1), digits) + "%"
    if kind == "percent":
        return significant(number, digits) + "%"
    if kind == "pp":
        text = _no_negative_zero(f"{number:+.1f}")
        return ("0" if text.lstrip("+-") == "0.0" else text) + " pp"
    return significant(number, digits)


def _pandas_missing(value: object) -> object:
    """``value`` if it is pandas' NA or NaT (so that ``value is _pandas_missing(value)`` tests it), else a sentinel."""
    name = type(value).__name__
    return value if name in ("NAType", "NaTType") else _SENTINEL


_SENTINEL = object()
