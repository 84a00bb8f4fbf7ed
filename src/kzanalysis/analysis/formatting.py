"""analysis.formatting (from trade.py)."""
from __future__ import annotations

import math

from kzanalysis.evidence.precision import exact_decimal


def format_amount(value: float, unit: str, digits: int = 6) -> str:
    """A value for reading: ``5.3 bn USD``, ``188.62 bn TRY``, ``58%``, ``×17``, ``rank 5``, ``3,000``, ``2009``.

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
                return f"{float(exact_decimal(value) / scale):.{digits}g} {word} {name}"
        return f"{value:,.0f} {name}"
    if unit == "percent":
        return f"{value:.4g}%"
    if unit == "multiple":
        return f"×{value:.4g}"
    if unit == "rank":
        return f"rank {value:g}"
    if unit == "try_per_usd":
        return f"{value:.4g} TRY per USD"
    return f"{value:,.6g}"


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


def difference_text(difference: float, relative: float, unit: str) -> str:
    """A difference for reading: relative (percent) for amounts; percentage points for
    growth rates (``unit`` percent); places for ranks."""
    if math.isnan(difference):
        return ""
    if unit == "percent":
        return f"{difference:+.1f} pp"
    if unit == "rank":
        return f"{difference:+g} places"
    return _percent(relative)
