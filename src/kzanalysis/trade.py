"""Economic figures in the seeds, what they imply, and how they compare with official trade statistics.

Everything here is a pure function over the curated tables (``evidence.load_claims``,
``reference.load_trade``, ``reference.load_facts``, ``actors.load_actors``) and the
attention shares of ``balance.attention_shares``. The notebook ``03_trade_trends`` calls
them in this order:

1. **Economic claims.** ``economic_claims`` keeps the claims about trade, growth, targets,
   investment, reserves, GDP, loans and projects, one tidy row each with a ``topic``.
2. **Precision of a stated figure.** ``written_numbers`` reads every number written in a
   quote ("$6.3 billion" → 6.3e9, "TL 188.62 billion" → 188.62e9, "58%" → 58, "fifth" → 5)
   with half the unit of its last written digit; ``stated_interval(value, quote)`` turns that
   into the half-open interval [low, high) of true values the sentence is compatible with
   ("5.3 billion" → [5.25e9, 5.35e9)).
3. **Implied values.** ``implied_values`` combines stated figures: a level with its growth
   rate gives the previous period's level; two stated years give a growth rate; a stated
   multiple is checked against its stated endpoints; a target is compared with the latest
   stated level; exports plus imports give turnover; the same figure in two currencies
   gives an exchange rate. Each row carries its formula as a Python expression of the
   stated numbers, so that ``evaluate_formula(formula) == value``, and the label ``derived``.
4. **Seeds against official statistics.** ``trade_reference_checks`` puts each trade claim
   next to the reference values for the same partner, flow and period and gives a verdict
   (``matches within rounding`` / ``differs`` / ``no reference``).
5. **Trends.** ``consolidated_series``, ``preferred_series``, ``partner_shares`` and
   ``concentration_by_year`` (HHI across the partners in the reference table).
6. **Discourse against trade.** ``vector_trade_shares`` and ``discourse_vs_trade``.

Units: money in US dollars (plain numbers), growth rates in percent, shares as fractions
0–1, HHI as a fraction 0–1 (multiply by 10,000 for the antitrust convention).

Figure-building functions (returning a matplotlib Figure) follow the computations.
"""
from __future__ import annotations

import ast
import math
import operator
import re
from dataclasses import dataclass
from decimal import Decimal

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.lines import Line2D

from .figures import NEUTRAL, VECTOR_COLOURS, VECTOR_ORDER, vector_label
from .periods import period_bounds

# --------------------------------------------------------------------------------------
# Constants
# --------------------------------------------------------------------------------------

#: Topic of every economic metric (the rows of the "every economic figure" table). Reserves
#: cover foreign-exchange and natural-resource reserves; the development programme is the
#: government's stated targets to 2025 (schools, roads, plants, clinics).
ECONOMIC_TOPICS = {
    "trade_turnover": "trade volume", "exports": "trade volume", "imports": "trade volume",
    "trade_turnover_growth": "growth rate", "exports_growth": "growth rate", "imports_growth": "growth rate",
    "gdp_growth_multiple": "growth rate", "gdp_growth_period_years": "growth rate",
    "trade_turnover_target": "target",
    "trade_partner_rank": "trade rank",
    "investment_stock": "investment", "fdi_cumulative": "investment", "investment_growth_rank": "investment",
    "investor_rank": "investment", "companies": "investment",
    "fx_reserves": "reserves and resources", "oil_reserves": "reserves and resources",
    "oil_reserves_rank": "reserves and resources", "gas_reserves": "reserves and resources",
    "gas_reserves_rank": "reserves and resources", "oil_production_rank": "reserves and resources",
    "gdp": "GDP", "gdp_per_capita_rank": "GDP",
    "financing_approved": "loans and projects", "investment_projects": "loans and projects",
    "investment_projects_value": "loans and projects",
    "schools_planned": "development programme", "roads_repaired_km": "development programme",
    "water_plants": "development programme", "cities": "development programme",
    "university_clinics_cities": "development programme",
}
#: Order of the topics in tables.
TOPIC_ORDER = ["trade volume", "growth rate", "target", "trade rank", "investment", "reserves and resources", "GDP",
               "loans and projects", "development programme"]

#: Claims metrics that are trade flows, and the ``flow`` of ``trade.csv`` each corresponds to.
TRADE_FLOWS = {"trade_turnover": "turnover", "exports": "exports", "imports": "imports"}
#: Growth metrics of trade flows, and the flow metric each is the growth of.
GROWTH_OF = {f"{metric}_growth": metric for metric in TRADE_FLOWS}
#: Metrics checked against the reference tables in ``trade_reference_checks``.
TRADE_CLAIM_METRICS = [*TRADE_FLOWS, *GROWTH_OF, "trade_partner_rank", "trade_turnover_target"]
#: Level metrics for which two stated periods imply a growth rate (or a multiple).
LEVEL_METRICS = ["trade_turnover", "exports", "imports", "gdp", "fx_reserves", "investment_stock"]
#: Suffix of a stated growth multiple ("17-fold"): ``<level metric>_growth_multiple``.
MULTIPLE_SUFFIX = "_growth_multiple"
#: Suffix of a stated target: ``<level metric>_target``.
TARGET_SUFFIX = "_target"

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

#: Reporter whose statistics decide a verdict (mirror statistics are shown alongside).
HOME_REPORTER = "kazakhstan"
#: ``partner`` value of Kazakhstan's total trade in ``trade.csv``.
WORLD = "world"
#: Months of a full year in ``trade.csv``'s ``months`` column.
FULL_YEAR = 12
#: Label of the remainder of Kazakhstan's trade (partners not in a vector of the table).
REST_OF_WORLD = "rest_of_world"
#: Denominators of trade shares: Kazakhstan's total turnover (the ``world`` rows of
#: ``trade.csv``), or, where the table has no total, the turnover with the partners it holds.
SHARE_BASES = {"total": "Kazakhstan's total turnover", "covered": "turnover with the partners in the table"}
#: Fewest partners a year needs for shares of the ``covered`` basis: with fewer, the shares
#: describe the gaps of the table more than Kazakhstan's trade.
MIN_PARTNERS_COVERED = 5
#: Verdicts of ``trade_reference_checks``, in display order.
VERDICTS = ["matches within rounding", "differs", "no reference"]
#: The label of every implied value.
DERIVED = "derived"

#: Columns of ``implied_values``.
IMPLIED_COLUMNS = ["claim_ids", "kind", "description", "subject", "metric", "partner", "period", "formula",
                   "value", "unit", "label"]
#: Columns of ``trade_reference_checks``.
CHECK_COLUMNS = ["claim_id", "doc_id", "metric", "partner", "period", "value", "unit", "qualifier", "low", "high",
                 "reference_value", "reference_reporter", "reference_source", "difference", "relative_difference",
                 "verdict",
                 "mirror_value", "mirror_reporter", "mirror_source", "other_references"]

#: Reader-facing names of trade partners (actor ids of ``trade.csv``).
PARTNER_LABELS = {"russia": "Russia", "china": "China", "italy": "Italy", "turkiye": "Türkiye",
                  "south_korea": "South Korea", "netherlands": "Netherlands", "usa": "United States",
                  "germany": "Germany", "uzbekistan": "Uzbekistan", WORLD: "World (total)",
                  REST_OF_WORLD: "Rest of world"}

_SCALES = "|".join(sorted(SCALE_WORDS, key=len, reverse=True))
_NUMERAL = re.compile(
    r"(?<![\w.,])(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)(?![\d,]*\d)"
    r"(?:[\s\u00a0]*(?P<scale>" + _SCALES + r")\b)?",
    re.IGNORECASE,
)
_WORDS = re.compile(
    r"\b(?P<card>" + "|".join(sorted(CARDINAL_WORDS, key=len, reverse=True)) + r")"
    r"(?:[\s-]+(?P<scale>" + _SCALES + r"))?\b"
    r"|\b(?P<ord>" + "|".join(sorted(ORDINAL_WORDS, key=len, reverse=True)) + r")\b",
    re.IGNORECASE,
)


# --------------------------------------------------------------------------------------
# 1. Economic claims
# --------------------------------------------------------------------------------------

def economic_claims(claims: pd.DataFrame) -> pd.DataFrame:
    """Every economic figure in the seeds, one row per claim.

    Keeps the claims whose metric is in ``ECONOMIC_TOPICS``. Columns: topic, claim_id,
    doc_id, subject, metric, partner, period, value (in ``unit``), unit, qualifier, stated
    (the value for reading, e.g. ``5.3 bn USD``), quote. Sorted by topic (``TOPIC_ORDER``),
    metric, partner, period, claim_id.
    """
    frame = claims[claims["metric"].isin(ECONOMIC_TOPICS)].copy()
    frame["topic"] = frame["metric"].map(ECONOMIC_TOPICS)
    frame["stated"] = [format_amount(v, u) for v, u in zip(frame["value"], frame["unit"])]
    frame["_order"] = frame["topic"].map({t: i for i, t in enumerate(TOPIC_ORDER)})
    frame = frame.sort_values(["_order", "metric", "partner", "period", "claim_id"])
    columns = ["topic", "claim_id", "doc_id", "subject", "metric", "partner", "period", "value", "unit",
               "qualifier", "stated", "quote"]
    return frame[columns].reset_index(drop=True)


# --------------------------------------------------------------------------------------
# 2. Numbers as written, their precision, and unit conversion
# --------------------------------------------------------------------------------------

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


def _exact(value: float) -> Decimal:
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
    target = abs(_exact(value))
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
    exact = _exact(value)
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


def format_amount(value: float, unit: str, digits: int = 6) -> str:
    """A value for reading: ``5.3 bn USD``, ``188.62 bn TRY``, ``58%``, ``×17``, ``rank 5``, ``3,000``.

    Money keeps up to ``digits`` significant digits (enough for every figure as stated).
    """
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    if unit in ("usd", "try", "barrels", "cubic_metres"):
        name = {"usd": "USD", "try": "TRY", "barrels": "barrels", "cubic_metres": "m³"}[unit]
        for scale, word in [(10**12, "tn"), (10**9, "bn"), (10**6, "m")]:
            if abs(value) >= scale:
                return f"{float(_exact(value) / scale):.{digits}g} {word} {name}"
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


# --------------------------------------------------------------------------------------
# 3. Implied values
# --------------------------------------------------------------------------------------

def literal(value: float) -> str:
    """A number as a short Python literal for a formula: 5.3e9 → ``5.3e9``; 58.0 → ``58``; 0.58 → ``0.58``."""
    exact = _exact(value)
    for exponent in (12, 9, 6):
        if abs(exact) >= Decimal(10) ** exponent:
            mantissa = (exact / Decimal(10) ** exponent).normalize()
            return f"{mantissa:f}e{exponent}"
    text = f"{exact.normalize():f}"
    return text


_OPERATORS = {ast.Add: operator.add, ast.Sub: operator.sub, ast.Mult: operator.mul, ast.Div: operator.truediv,
              ast.Pow: operator.pow, ast.USub: operator.neg, ast.UAdd: operator.pos}


def evaluate_formula(formula: str) -> float:
    """The value of an arithmetic formula of numbers (``+ - * / **`` and brackets only).

    ``evaluate_formula("5.3e9 / (1 + 58 / 100)")`` → 3.354…e9. Anything else (names, calls)
    raises ValueError: a formula is data, never code.
    """
    def walk(node: ast.AST) -> float:
        if isinstance(node, ast.Expression):
            return walk(node.body)
        if isinstance(node, ast.Constant) and isinstance(node.value, (int, float)):
            return float(node.value)
        if isinstance(node, ast.BinOp) and type(node.op) in _OPERATORS:
            return _OPERATORS[type(node.op)](walk(node.left), walk(node.right))
        if isinstance(node, ast.UnaryOp) and type(node.op) in _OPERATORS:
            return _OPERATORS[type(node.op)](walk(node.operand))
        raise ValueError(f"{formula!r} is not an arithmetic formula of numbers")
    return walk(ast.parse(formula, mode="eval"))


def _implied_row(claim_ids: list[str], kind: str, description: str, subject: str, metric: str, partner: str,
                 period: str, formula: str, unit: str) -> dict:
    value = evaluate_formula(formula)  # the value is the formula the reader sees, evaluated
    return {"claim_ids": ";".join(claim_ids), "kind": kind, "description": description, "subject": subject,
            "metric": metric, "partner": partner, "period": period, "formula": formula, "value": value,
            "unit": unit, "label": DERIVED}


def previous_period(period: str) -> str:
    """The same period one year earlier: ``2021`` → ``2020``; ``2023-01/2023-09`` → ``2022-01/2022-09``."""
    def shift(part: str) -> str:
        return f"{int(part[:4]) - 1:04d}{part[4:]}"
    return "/".join(shift(p) for p in period.split("/"))


def previous_levels(claims: pd.DataFrame) -> pd.DataFrame:
    """A stated level with a stated growth rate for the same key → the previous period's level.

    previous = level / (1 + growth / 100), for every pair of a flow claim (``TRADE_FLOWS``)
    and its growth claim (``<metric>_growth``) with the same subject, partner and period
    (one row per pair; the two may come from different documents). Columns:
    ``IMPLIED_COLUMNS``; ``period`` is the previous period, ``unit`` the level's.
    """
    rows = []
    for growth_metric, level_metric in GROWTH_OF.items():
        levels = claims[claims["metric"] == level_metric]
        growths = claims[(claims["metric"] == growth_metric) & (claims["unit"] == "percent")]
        pairs = levels.merge(growths, on=["subject", "partner", "period"], suffixes=("", "_g"))
        for p in pairs.sort_values(["claim_id", "claim_id_g"]).itertuples():
            if not p.period:
                continue
            rows.append(_implied_row(
                [p.claim_id, p.claim_id_g], "previous level",
                f"{level_metric} of {p.partner or 'all partners'} in {previous_period(p.period)}, "
                f"from the {p.period} level and its growth rate",
                p.subject, level_metric, p.partner, previous_period(p.period),
                f"{literal(p.value)} / (1 + {literal(p.value_g)} / 100)", p.unit))
    return pd.DataFrame(rows, columns=IMPLIED_COLUMNS)


def _year(period: str) -> int | None:
    return int(period) if re.fullmatch(r"\d{4}", period or "") else None


def growth_between_years(claims: pd.DataFrame) -> pd.DataFrame:
    """Two stated years of the same level → the growth between them.

    For every two claims of a metric in ``LEVEL_METRICS`` with the same subject, partner and
    unit and different calendar years y1 < y2: the percent change (v2 / v1 − 1) × 100 if
    the years are consecutive, else the multiple v2 / v1 and the compound annual growth
    rate ((v2 / v1) ** (1 / (y2 − y1)) − 1) × 100. Pairs of the same document and of
    different documents are both kept (claim_ids say which). Columns: ``IMPLIED_COLUMNS``;
    ``metric`` is ``<metric>_growth`` (percent) or ``<metric>_growth_multiple`` (multiple),
    ``period`` is ``y2`` (consecutive) or ``y1/y2``.
    """
    rows = []
    frame = claims[claims["metric"].isin(LEVEL_METRICS) & (claims["qualifier"] != "target")].copy()
    frame["year"] = frame["period"].map(_year)
    frame = frame[frame["year"].notna()].sort_values(["metric", "partner", "year", "claim_id"])
    for (subject, metric, partner, unit), group in frame.groupby(["subject", "metric", "partner", "unit"], sort=True):
        records = list(group.itertuples())
        for i, a in enumerate(records):
            for b in records[i + 1:]:
                if a.year == b.year:
                    continue
                y1, y2 = int(a.year), int(b.year)
                who = partner or "all partners"
                if y2 - y1 == 1:
                    rows.append(_implied_row(
                        [a.claim_id, b.claim_id], "growth between stated years",
                        f"growth of {metric} ({who}) from {y1} to {y2}", subject, f"{metric}_growth", partner,
                        str(y2), f"({literal(b.value)} / {literal(a.value)} - 1) * 100", "percent"))
                else:
                    rows.append(_implied_row(
                        [a.claim_id, b.claim_id], "multiple between stated years",
                        f"{metric} ({who}) in {y2} as a multiple of {y1}", subject, f"{metric}{MULTIPLE_SUFFIX}",
                        partner, f"{y1}/{y2}", f"{literal(b.value)} / {literal(a.value)}", "multiple"))
                    rows.append(_implied_row(
                        [a.claim_id, b.claim_id], "average annual growth between stated years",
                        f"compound annual growth of {metric} ({who}), {y1}–{y2}", subject, f"{metric}_growth",
                        partner, f"{y1}/{y2}",
                        f"(({literal(b.value)} / {literal(a.value)}) ** (1 / {y2 - y1}) - 1) * 100", "percent"))
    return pd.DataFrame(rows, columns=IMPLIED_COLUMNS)


def _endpoint_years(period: str) -> tuple[int, int] | None:
    if "/" not in (period or ""):
        return None
    first, last = period_bounds(period)
    return first.year, last.year


def multiple_checks(claims: pd.DataFrame, tolerance_years: int = 1) -> pd.DataFrame:
    """A stated growth multiple ("17 fold in 30 years") against its stated endpoints.

    For a ``<metric>_growth_multiple`` claim over ``y1/y2``: the ``<metric>`` claims of the
    same subject and partner whose year is within ``tolerance_years`` of y1 and of y2 (the
    texts date "after independence" loosely) give the multiple end / start. Columns:
    ``IMPLIED_COLUMNS`` (``metric`` is the multiple's metric, ``period`` the endpoints' years).
    """
    rows = []
    multiples = claims[claims["metric"].str.endswith(MULTIPLE_SUFFIX)].sort_values("claim_id")
    for m in multiples.itertuples():
        years = _endpoint_years(m.period)
        if years is None:
            continue
        base = m.metric[: -len(MULTIPLE_SUFFIX)]
        levels = claims[(claims["metric"] == base) & (claims["subject"] == m.subject)
                        & (claims["partner"] == m.partner)].copy()
        levels["year"] = levels["period"].map(lambda p: period_bounds(p)[0].year if p else None)
        levels = levels[levels["year"].notna()].sort_values(["year", "claim_id"])
        starts = levels[(levels["year"] - years[0]).abs() <= tolerance_years]
        ends = levels[(levels["year"] - years[1]).abs() <= tolerance_years]
        for s in starts.itertuples():
            for e in ends.itertuples():
                rows.append(_implied_row(
                    [m.claim_id, s.claim_id, e.claim_id], "multiple from stated endpoints",
                    f"{base} in {e.period} as a multiple of {s.period}, against the stated ×{m.value:g}",
                    m.subject, m.metric, m.partner, f"{s.period}/{e.period}",
                    f"{literal(e.value)} / {literal(s.value)}", "multiple"))
    return pd.DataFrame(rows, columns=IMPLIED_COLUMNS)


def target_gaps(claims: pd.DataFrame) -> pd.DataFrame:
    """How far each stated target is from the latest stated level of the same key.

    For a ``<metric>_target`` claim (subject, partner): the ``<metric>`` claim of the
    latest full calendar year in the whole corpus (ties: lowest claim_id). Two rows per
    target: the gap (target − latest, in the unit) and the increase still needed
    ((target / latest − 1) × 100, percent). Columns: ``IMPLIED_COLUMNS``.
    """
    rows = []
    targets = claims[claims["metric"].str.endswith(TARGET_SUFFIX)].sort_values("claim_id")
    for t in targets.itertuples():
        base = t.metric[: -len(TARGET_SUFFIX)]
        levels = claims[(claims["metric"] == base) & (claims["subject"] == t.subject)
                        & (claims["partner"] == t.partner) & (claims["unit"] == t.unit)].copy()
        levels["year"] = levels["period"].map(_year)
        levels = levels[levels["year"].notna()].sort_values(["year", "claim_id"], ascending=[False, True])
        if levels.empty:
            continue
        latest = levels.iloc[0]
        ids = [t.claim_id, latest["claim_id"]]
        rows.append(_implied_row(
            ids, "gap to target", f"{base} target minus the latest stated level ({latest['period']})",
            t.subject, f"{base}_target_gap", t.partner, latest["period"],
            f"{literal(t.value)} - {literal(latest['value'])}", t.unit))
        rows.append(_implied_row(
            ids, "increase needed for target",
            f"increase of {base} needed to reach the target from the latest stated level ({latest['period']})",
            t.subject, f"{base}_target_increase", t.partner, latest["period"],
            f"({literal(t.value)} / {literal(latest['value'])} - 1) * 100", "percent"))
    return pd.DataFrame(rows, columns=IMPLIED_COLUMNS)


def flow_sums(claims: pd.DataFrame) -> pd.DataFrame:
    """Stated exports and imports of the same key → turnover, and (with their growth rates) its growth.

    For every (subject, partner, period) with an ``exports`` and an ``imports`` claim in the
    same unit: turnover = exports + imports. Where both growth rates are stated too, the
    previous period's turnover (each flow divided by 1 + its growth) and the turnover's
    growth. Columns: ``IMPLIED_COLUMNS``.
    """
    rows = []
    exports = claims[claims["metric"] == "exports"]
    imports = claims[claims["metric"] == "imports"]
    pairs = exports.merge(imports, on=["subject", "partner", "period", "unit"], suffixes=("_x", "_m"))
    growth = claims[claims["metric"].isin(["exports_growth", "imports_growth"])]
    for p in pairs.sort_values(["claim_id_x", "claim_id_m"]).itertuples():
        who = p.partner or "all partners"
        rows.append(_implied_row(
            [p.claim_id_x, p.claim_id_m], "sum of stated flows", f"trade turnover with {who} in {p.period}",
            p.subject, "trade_turnover", p.partner, p.period, f"{literal(p.value_x)} + {literal(p.value_m)}", p.unit))
        same = growth[(growth["subject"] == p.subject) & (growth["partner"] == p.partner)
                      & (growth["period"] == p.period)]
        gx = same[same["metric"] == "exports_growth"].sort_values("claim_id")
        gm = same[same["metric"] == "imports_growth"].sort_values("claim_id")
        if gx.empty or gm.empty:
            continue
        gx, gm = gx.iloc[0], gm.iloc[0]
        before = (f"{literal(p.value_x)} / (1 + {literal(gx['value'])} / 100) + "
                  f"{literal(p.value_m)} / (1 + {literal(gm['value'])} / 100)")
        ids = [p.claim_id_x, p.claim_id_m, gx["claim_id"], gm["claim_id"]]
        rows.append(_implied_row(
            ids, "previous level", f"trade turnover with {who} in {previous_period(p.period)}",
            p.subject, "trade_turnover", p.partner, previous_period(p.period), before, p.unit))
        rows.append(_implied_row(
            ids, "growth of the sum of stated flows", f"growth of trade turnover with {who}, {p.period}",
            p.subject, "trade_turnover_growth", p.partner, p.period,
            f"(({literal(p.value_x)} + {literal(p.value_m)}) / ({before}) - 1) * 100", "percent"))
    return pd.DataFrame(rows, columns=IMPLIED_COLUMNS)


def exchange_rates(claims: pd.DataFrame) -> pd.DataFrame:
    """The same figure stated in US dollars and in Turkish lira → the exchange rate the text used.

    Pairs claims with the same (subject, metric, partner, period), one in ``usd`` and one in
    ``try``: rate = lira / dollars (unit ``try_per_usd``). Columns: ``IMPLIED_COLUMNS``.
    """
    rows = []
    usd = claims[claims["unit"] == "usd"]
    lira = claims[claims["unit"] == "try"]
    pairs = usd.merge(lira, on=["subject", "metric", "partner", "period"], suffixes=("_u", "_t"))
    for p in pairs.sort_values(["claim_id_u", "claim_id_t"]).itertuples():
        rows.append(_implied_row(
            [p.claim_id_u, p.claim_id_t], "exchange rate", f"lira per dollar used for {p.metric} ({p.period})",
            p.subject, p.metric, p.partner, p.period, f"{literal(p.value_t)} / {literal(p.value_u)}", "try_per_usd"))
    return pd.DataFrame(rows, columns=IMPLIED_COLUMNS)


def to_usd(value: float, unit: str, try_per_usd: float | None = None) -> float:
    """A money value in US dollars: ``usd`` as is; ``try`` divided by the lira-per-dollar rate."""
    if unit == "usd":
        return float(value)
    if unit == "try":
        if not try_per_usd:
            raise ValueError("converting lira to dollars needs a lira-per-dollar rate")
        return float(value) / try_per_usd
    raise ValueError(f"{unit!r} is not a currency unit (usd, try)")


def implied_values(claims: pd.DataFrame) -> pd.DataFrame:
    """Every value implied by combining stated figures, each labelled ``derived`` with its formula.

    The union of ``multiple_checks``, ``previous_levels``, ``growth_between_years``,
    ``target_gaps``, ``flow_sums`` and ``exchange_rates``, one row per distinct formula: where
    two rules (or two documents stating the same figure, such as the same target) give the
    same formula, the first row is kept and its claim_ids list every input. Columns:
    claim_ids (the input claims, ``;``-separated), kind, description, subject, metric, partner, period (of the
    implied value), formula (a Python expression of the stated numbers; ``evaluate_formula(formula)
    == value``), value (in ``unit``), unit (``usd``, ``percent``, ``multiple``,
    ``try_per_usd``), label (always ``derived``).
    """
    parts = [multiple_checks(claims), previous_levels(claims), growth_between_years(claims),
             target_gaps(claims), flow_sums(claims), exchange_rates(claims)]
    parts = [p for p in parts if not p.empty]
    if not parts:
        return pd.DataFrame(columns=IMPLIED_COLUMNS)
    frame = pd.concat(parts, ignore_index=True)
    inputs = frame.groupby(["formula", "unit"], sort=False)["claim_ids"].agg(
        lambda ids: ";".join(dict.fromkeys(i for joined in ids for i in joined.split(";"))))
    out = frame.drop_duplicates(["formula", "unit"]).copy()
    out["claim_ids"] = [inputs[(f, u)] for f, u in zip(out["formula"], out["unit"])]
    return out[IMPLIED_COLUMNS].reset_index(drop=True)


# --------------------------------------------------------------------------------------
# 4. Seeds against official statistics
# --------------------------------------------------------------------------------------

def year_and_months(period: str) -> tuple[int, int] | None:
    """(year, months from January) of a claim's period as ``trade.csv`` counts it.

    ``2021`` → (2021, 12); ``2023-01/2023-09`` → (2023, 9); any other period (a day, a
    month, an interval not starting in January or spanning years) → None.
    """
    if re.fullmatch(r"\d{4}", period or ""):
        return int(period), FULL_YEAR
    match = re.fullmatch(r"(\d{4})-01/(\d{4})-(\d{2})", period or "")
    if match and match.group(1) == match.group(2):
        return int(match.group(1)), int(match.group(3))
    return None


def consolidated_series(trade: pd.DataFrame, months: int = FULL_YEAR) -> pd.DataFrame:
    """One value per (partner, year, flow, reporter), from the rows covering ``months`` months.

    Where the reference table holds several figures for the same key (two publishers
    rounding differently), the median is taken. Columns: partner, year (int), flow,
    reporter, value (US dollars), n_rows, sources (publishers, ``; ``-separated).
    """
    rows = trade[trade["months"] == months]
    grouped = rows.groupby(["partner", "year", "flow", "reporter"], sort=True)
    out = grouped.agg(value=("value", "median"), n_rows=("value", "size"),
                      sources=("publisher", lambda s: "; ".join(sorted(set(s))))).reset_index()
    out["year"] = out["year"].astype(int)
    return out


def preferred_series(series: pd.DataFrame) -> pd.DataFrame:
    """Per (partner, year, flow) the value of ``HOME_REPORTER`` where present, else the partner's own.

    ``series``: the output of ``consolidated_series``. Columns: partner, year, flow, value
    (US dollars), reporter (whose figure it is), mirror_value (the partner's figure where
    both exist, else NaN).
    """
    home = series[series["reporter"] == HOME_REPORTER].set_index(["partner", "year", "flow"])["value"]
    mirror = series[series["reporter"] == series["partner"]].set_index(["partner", "year", "flow"])["value"]
    keys = sorted(set(home.index) | set(mirror.index))
    rows = []
    for key in keys:
        if key in home.index:
            rows.append((*key, float(home[key]), HOME_REPORTER, float(mirror[key]) if key in mirror.index else math.nan))
        else:
            rows.append((*key, float(mirror[key]), key[0], math.nan))
    return pd.DataFrame(rows, columns=["partner", "year", "flow", "value", "reporter", "mirror_value"])


def trade_candidates(claim: pd.Series, trade: pd.DataFrame) -> list[dict]:
    """Reference values of ``trade.csv`` for a flow claim (same partner, flow, year, months)."""
    when = year_and_months(claim["period"])
    if when is None or claim["unit"] != "usd" or claim["subject"] != HOME_REPORTER:
        return []
    year, months = when
    partner = claim["partner"] or WORLD
    rows = trade[(trade["partner"] == partner) & (trade["flow"] == TRADE_FLOWS[claim["metric"]])
                 & (trade["year"] == year) & (trade["months"] == months)]
    return [{"value": float(r.value), "reporter": r.reporter,
             "source": f"trade.csv: {r.publisher}, reporter {r.reporter}"}
            for r in rows.sort_values(["reporter", "publisher", "value"]).itertuples()]


def derived_growth_candidates(claim: pd.Series, trade: pd.DataFrame) -> list[dict]:
    """Growth rates computed from ``trade.csv`` (same reporter, same months, consecutive years)."""
    when = year_and_months(claim["period"])
    if when is None or claim["unit"] != "percent" or claim["subject"] != HOME_REPORTER:
        return []
    year, months = when
    base = GROWTH_OF[claim["metric"]]
    series = consolidated_series(trade, months)
    series = series[(series["partner"] == (claim["partner"] or WORLD)) & (series["flow"] == TRADE_FLOWS[base])]
    out = []
    for reporter, group in series.groupby("reporter", sort=True):
        by_year = group.set_index("year")["value"]
        if year in by_year.index and year - 1 in by_year.index:
            formula = f"({literal(by_year[year])} / {literal(by_year[year - 1])} - 1) * 100"
            out.append({"value": 100 * (by_year[year] / by_year[year - 1] - 1), "reporter": reporter,
                        "source": f"trade.csv: derived {formula}, reporter {reporter}"})
    return out


def _fact_candidates(claim: pd.Series, facts: pd.DataFrame) -> list[dict]:
    """``facts.csv`` rows with the claim's key (subject, metric, partner, period, unit)."""
    same = facts[(facts["subject"] == claim["subject"]) & (facts["metric"] == claim["metric"])
                 & (facts["partner"] == claim["partner"]) & (facts["period"] == claim["period"])
                 & (facts["unit"] == claim["unit"])]
    return [{"value": float(f.value), "reporter": "", "source": f"facts.csv {f.fact_id}: {f.publisher}"}
            for f in same.sort_values("fact_id").itertuples()]


def reference_candidates(claim: pd.Series, trade: pd.DataFrame, facts: pd.DataFrame) -> list[dict]:
    """Every reference value for one claim: dicts with value, reporter ('' if the table does not say), source.

    Flows: ``trade.csv`` rows of the same partner (``world`` for Kazakhstan's total), flow,
    year and months (part-year rows only for claims of the same part of the year); growth
    rates: computed from ``trade.csv`` per reporter; all metrics: ``facts.csv`` rows with the
    same key (a ``facts.csv`` value equal to a ``trade.csv`` value for the same claim is the
    same figure twice, and is dropped).
    """
    found: list[dict] = []
    if claim["metric"] in TRADE_FLOWS:
        found += trade_candidates(claim, trade)
    if claim["metric"] in GROWTH_OF:
        found += derived_growth_candidates(claim, trade)
    seen = {c["value"] for c in found}
    found += [c for c in _fact_candidates(claim, facts) if c["value"] not in seen]
    return found


def _priority(candidate: dict) -> int:
    """0 = Kazakhstan's statistics; 1 = reporter not recorded; 2 = the partner's (mirror) statistics."""
    if candidate["reporter"] == HOME_REPORTER:
        return 0
    return 1 if candidate["reporter"] == "" else 2


def _best(candidates: list[dict], value: float, interval: tuple[float, float]) -> dict:
    """A candidate inside the interval if any, else the nearest to ``value`` (ties: first by source)."""
    return min(candidates, key=lambda c: (not in_interval(c["value"], interval), abs(c["value"] - value),
                                          c["source"]))


def trade_reference_checks(claims: pd.DataFrame, trade: pd.DataFrame, facts: pd.DataFrame) -> pd.DataFrame:
    """Each trade claim of the seeds next to the official figure for the same partner, flow and period.

    Trade claims: subject ``kazakhstan`` and a metric in ``TRADE_CLAIM_METRICS``. The
    verdict uses the most preferred reporter that has a figure (Kazakhstan's statistics,
    then ``facts.csv`` rows whose reporter is not recorded, then the partner's mirror
    statistics): ``matches within rounding`` if one of its figures lies in the claim's
    stated interval [low, high) (``stated_interval``), else ``differs``; ``no reference``
    if no figure exists. The partner's own figure is shown alongside (``mirror_*``).

    Columns: claim_id, doc_id, metric, partner, period, value, unit, qualifier, low, high
    (stated interval, in ``unit``), reference_value (the figure in the interval, else the
    nearest; in ``unit``), reference_reporter, reference_source, difference (value −
    reference, in ``unit``: percentage points for a growth rate), relative_difference
    ((value − reference) / reference, a fraction), verdict, mirror_value, mirror_reporter,
    mirror_source (the partner's figure nearest to the claim, where the verdict did not use
    it), other_references (every other figure, ``value (source)``, ``; ``-separated).
    """
    frame = claim_intervals(claims[(claims["subject"] == HOME_REPORTER)
                                   & claims["metric"].isin(TRADE_CLAIM_METRICS)])
    rows = []
    for _, claim in frame.sort_values("claim_id").iterrows():
        interval = (claim["low"], claim["high"])
        candidates = reference_candidates(claim, trade, facts)
        row = {c: claim[c] for c in CHECK_COLUMNS[:10]}
        row.update(reference_value=math.nan, reference_reporter="", reference_source="",
                   difference=math.nan, relative_difference=math.nan, verdict="no reference", mirror_value=math.nan,
                   mirror_reporter="", mirror_source="", other_references="")
        if candidates:
            top = min(_priority(c) for c in candidates)
            best = _best([c for c in candidates if _priority(c) == top], claim["value"], interval)
            row.update(reference_value=best["value"], reference_reporter=best["reporter"],
                       reference_source=best["source"], difference=claim["value"] - best["value"],
                       relative_difference=relative_difference(claim["value"], best["value"]),
                       verdict=VERDICTS[0] if in_interval(best["value"], interval) else VERDICTS[1])
            mirrors = [c for c in candidates if _priority(c) == 2]
            if mirrors and top < 2:
                mirror = _best(mirrors, claim["value"], interval)
                row.update(mirror_value=mirror["value"], mirror_reporter=mirror["reporter"],
                           mirror_source=mirror["source"])
            others = [c for c in candidates if c is not best and c["source"] != row["mirror_source"]]
            row["other_references"] = "; ".join(f"{format_amount(c['value'], claim['unit'])} ({c['source']})"
                                                for c in others)
        rows.append(row)
    return pd.DataFrame(rows, columns=CHECK_COLUMNS)


def implied_against_reference(implied: pd.DataFrame, trade: pd.DataFrame) -> pd.DataFrame:
    """Implied trade levels and growth rates next to Kazakhstan's official figure for the same period.

    Keeps implied values of subject ``kazakhstan`` whose metric is a flow (US dollars) or a
    flow's growth (percent, consecutive years only) and whose period ``trade.csv`` covers.
    Columns: claim_ids, description, period, value, unit, reference_value (Kazakhstan's
    figure, the median where several; for a growth rate, computed from two years),
    reference_source, difference (value − reference, in ``unit``: percentage points for a
    growth rate), relative_difference ((value − reference) / reference, a fraction; US
    dollar levels only).
    """
    columns = ["claim_ids", "description", "period", "value", "unit", "reference_value", "reference_source",
               "difference", "relative_difference"]
    rows = []
    for r in implied[implied["subject"] == HOME_REPORTER].itertuples():
        when = year_and_months(r.period)
        if when is None:
            continue
        year, months = when
        series = consolidated_series(trade, months)
        series = series[(series["partner"] == (r.partner or WORLD)) & (series["reporter"] == HOME_REPORTER)]
        if r.metric in TRADE_FLOWS and r.unit == "usd":
            hit = series[(series["flow"] == TRADE_FLOWS[r.metric]) & (series["year"] == year)]
            if hit.empty:
                continue
            ref, source = float(hit["value"].iloc[0]), hit["sources"].iloc[0]
        elif r.metric in GROWTH_OF and r.unit == "percent":
            flow = series[series["flow"] == TRADE_FLOWS[GROWTH_OF[r.metric]]].set_index("year")["value"]
            if year not in flow.index or year - 1 not in flow.index:
                continue
            ref = 100 * (flow[year] / flow[year - 1] - 1)
            source = f"derived from trade.csv {year - 1} and {year}"
        else:
            continue
        rows.append({"claim_ids": r.claim_ids, "description": r.description, "period": r.period,
                     "value": r.value, "unit": r.unit, "reference_value": ref, "reference_source": source,
                     "difference": r.value - ref,
                     "relative_difference": relative_difference(r.value, ref) if r.unit == "usd" else math.nan})
    return pd.DataFrame(rows, columns=columns)


def latest_official(preferred: pd.DataFrame, partner: str, flow: str = "turnover") -> tuple[int, float] | None:
    """(year, value in US dollars) of Kazakhstan's latest full-year figure for ``partner``
    and ``flow`` in ``preferred_series``; None if the table has none."""
    rows = preferred[(preferred["partner"] == (partner or WORLD)) & (preferred["flow"] == flow)
                     & (preferred["reporter"] == HOME_REPORTER)]
    if rows.empty:
        return None
    last = rows.sort_values("year").iloc[-1]
    return int(last["year"]), float(last["value"])


def biggest_differences(checks: pd.DataFrame, n: int = 3, unit: str | None = None) -> pd.DataFrame:
    """The ``n`` claims that differ most from the official figure, by |relative_difference|.

    ``unit``: rank only claims of this unit (e.g. ``usd`` for trade volumes); None ranks
    all, in which case a growth rate's relative difference (58% against 32% is +80%) is
    ranked with a volume's: read the ``difference`` column too. Ties: claim_id. Columns:
    those of ``trade_reference_checks``.
    """
    differs = checks[checks["verdict"] == VERDICTS[1]].copy()
    if unit is not None:
        differs = differs[differs["unit"] == unit]
    differs["_size"] = differs["relative_difference"].abs()
    return differs.sort_values(["_size", "claim_id"], ascending=[False, True]).head(n).drop(columns="_size") \
        .reset_index(drop=True)


def reference_coverage(trade: pd.DataFrame, facts: pd.DataFrame) -> pd.DataFrame:
    """How much the reference tables hold: one row per table.

    Columns: table, rows, partner_years (distinct (partner, year) pairs, the ``world``
    total counted as a partner; for facts, distinct (subject, metric, partner, period)
    keys), full_year_partner_years (trade only), partners (distinct partners, ``world``
    excluded), full_year_totals (trade only: years with Kazakhstan's full-year total
    turnover), sources (distinct URLs), publishers (distinct), agencies (distinct).
    """
    full = trade[trade["months"] == FULL_YEAR]
    totals = full[(full["partner"] == WORLD) & (full["flow"] == "turnover") & (full["reporter"] == HOME_REPORTER)]
    return pd.DataFrame([
        {"table": "trade.csv", "rows": len(trade),
         "partner_years": len(trade[["partner", "year"]].drop_duplicates()),
         "full_year_partner_years": len(full[["partner", "year"]].drop_duplicates()),
         "partners": trade.loc[trade["partner"] != WORLD, "partner"].nunique(),
         "full_year_totals": totals["year"].nunique(), "sources": trade["url"].nunique(),
         "publishers": trade["publisher"].nunique(), "agencies": trade["agency"].nunique()},
        {"table": "facts.csv", "rows": len(facts),
         "partner_years": len(facts[["subject", "metric", "partner", "period"]].drop_duplicates()),
         "full_year_partner_years": math.nan,
         "partners": facts["partner"].replace("", np.nan).nunique(), "full_year_totals": math.nan,
         "sources": facts["url"].nunique(), "publishers": facts["publisher"].nunique(),
         "agencies": facts["agency"].nunique()},
    ])


# --------------------------------------------------------------------------------------
# 5. Trends: shares of total trade and concentration
# --------------------------------------------------------------------------------------

def share_basis(preferred: pd.DataFrame, flow: str = "turnover") -> str:
    """``total`` if the table holds Kazakhstan's full-year total of ``flow`` for some year, else ``covered``."""
    world = preferred[(preferred["partner"] == WORLD) & (preferred["flow"] == flow)
                      & (preferred["reporter"] == HOME_REPORTER)]
    return "total" if len(world) else "covered"


def partner_shares(preferred: pd.DataFrame, flow: str = "turnover", basis: str = "total",
                   min_partners: int = MIN_PARTNERS_COVERED) -> pd.DataFrame:
    """Each partner's share of Kazakhstan's trade per year, on one of the ``SHARE_BASES``.

    ``preferred``: the output of ``preferred_series``; only Kazakhstan's statistics are used
    (a partner's mirror figure is not on the same basis as Kazakhstan's total, so a year
    where a partner has only a mirror figure leaves that partner out).
    ``basis="total"``: shares of Kazakhstan's total (the ``world`` row of the same year and
    flow), for the years that have one; partners missing from the table make every share
    sum a lower bound. ``basis="covered"``: shares of the turnover with the partners the
    table holds for that year (they sum to 1), for the years with at least
    ``min_partners`` partners. Columns: partner, year, value (US dollars), total (the
    denominator, US dollars), share (fraction 0–1), basis. Sorted by year, partner.
    """
    if basis not in SHARE_BASES:
        raise ValueError(f"basis must be one of {', '.join(SHARE_BASES)}, got {basis!r}")
    rows = preferred[(preferred["flow"] == flow) & (preferred["reporter"] == HOME_REPORTER)]
    part = rows[rows["partner"] != WORLD]
    if basis == "total":
        totals = rows[rows["partner"] == WORLD].set_index("year")["value"]
    else:
        counts = part.groupby("year").size()
        totals = part.groupby("year")["value"].sum()[counts >= min_partners]
    part = part[part["year"].isin(totals.index)]
    out = part[["partner", "year", "value"]].copy()
    out["total"] = out["year"].map(totals).astype(float)
    out["share"] = out["value"] / out["total"]
    out["basis"] = basis
    return out.sort_values(["year", "partner"]).reset_index(drop=True)


def concentration_by_year(shares: pd.DataFrame) -> pd.DataFrame:
    """Herfindahl–Hirschman index of Kazakhstan's trade across the partners in the reference table.

    HHI = Σ share² over the partners of ``partner_shares``. On the ``total`` basis
    (shares of Kazakhstan's total turnover) partners missing from the table are not
    included, so the HHI is a lower bound of the true index. On the ``covered`` basis it is
    the concentration *among the partners in the table*, which is not a bound of the true
    index either way. On both, years are comparable only where the same partners are
    covered. Columns: year, n_partners, partners (``;``-separated), covered_share (Σ share,
    fraction 0–1; 1 on the covered basis), hhi (fraction 0–1), hhi_points (HHI × 10,000,
    the antitrust convention), top_partner, top_share, basis.
    """
    rows = []
    for year, group in shares.groupby("year", sort=True):
        group = group.sort_values(["share", "partner"], ascending=[False, True])
        rows.append({"year": int(year), "n_partners": len(group), "partners": ";".join(sorted(group["partner"])),
                     "covered_share": float(group["share"].sum()), "hhi": float((group["share"] ** 2).sum()),
                     "hhi_points": float((group["share"] ** 2).sum() * 10_000),
                     "top_partner": group["partner"].iloc[0], "top_share": float(group["share"].iloc[0]),
                     "basis": group["basis"].iloc[0]})
    return pd.DataFrame(rows, columns=["year", "n_partners", "partners", "covered_share", "hhi", "hhi_points",
                                       "top_partner", "top_share", "basis"])


# --------------------------------------------------------------------------------------
# 6. Discourse against trade
# --------------------------------------------------------------------------------------

def partner_vectors(actors: pd.DataFrame, partners) -> dict[str, str]:
    """Vector of each trade partner (actor id → vector, from ``data/actors.csv``).

    Raises KeyError naming the partners missing from the gazetteer.
    """
    known = actors.set_index("actor_id")["vector"]
    missing = sorted(set(partners) - set(known.index))
    if missing:
        raise KeyError(f"trade partners not in data/actors.csv: {', '.join(missing)}")
    return {p: known[p] for p in sorted(set(partners))}


def latest_share_year(shares: pd.DataFrame) -> int:
    """The latest year of ``partner_shares`` (a year with a denominator and partners)."""
    if shares.empty:
        raise ValueError("no year of the reference table has trade shares (no total, too few partners)")
    return int(shares["year"].max())


def absent_partners(preferred: pd.DataFrame, year: int, flow: str = "turnover") -> pd.DataFrame:
    """Partners with Kazakhstan's figure for some year of the table but not for ``year``.

    On the ``total`` basis such a partner falls into the rest of the world in ``year``, so
    its vector's share is understated there. ``preferred``: the output of
    ``preferred_series``. Columns: partner, nearest_year (the year of its figure nearest to
    ``year``, the later on a tie), value (US dollars, that year). Sorted by value, largest first.
    """
    rows = preferred[(preferred["flow"] == flow) & (preferred["reporter"] == HOME_REPORTER)
                     & (preferred["partner"] != WORLD)]
    present = set(rows.loc[rows["year"] == year, "partner"])
    out = []
    for partner, group in rows[~rows["partner"].isin(present)].groupby("partner", sort=True):
        nearest = group.assign(gap=(group["year"] - year).abs()).sort_values(["gap", "year"], ascending=[True, False]).iloc[0]
        out.append({"partner": partner, "nearest_year": int(nearest["year"]), "value": float(nearest["value"])})
    frame = pd.DataFrame(out, columns=["partner", "nearest_year", "value"])
    return frame.sort_values(["value", "partner"], ascending=[False, True]).reset_index(drop=True)


def vector_trade_shares(shares: pd.DataFrame, actors: pd.DataFrame, year: int,
                        vectors: list[str] | None = None) -> pd.DataFrame:
    """Share of Kazakhstan's turnover in ``year`` by vector, plus the rest of the world.

    The partners of ``shares`` (``partner_shares``) in ``year`` are mapped to vectors with
    ``partner_vectors``; a vector's share is the sum of its partners' shares (on the
    ``total`` basis a lower bound: partners not in the reference table count as rest of
    world). Columns: vector, partners (``;``-separated; empty where the table has none),
    value (US dollars), share (fraction 0–1; NaN for a vector without any partner in the
    table), basis; one row per vector of ``vectors`` (default: the eight partner vectors in
    ``VECTOR_ORDER``) and, on the ``total`` basis, a last row ``rest_of_world`` (total −
    covered partners; the ``covered`` basis has no rest by definition).
    """
    vectors = list(vectors or [v for v in VECTOR_ORDER if v not in ("other", "domestic")])
    year_rows = shares[shares["year"] == year]
    mapping = partner_vectors(actors, year_rows["partner"])
    year_rows = year_rows.assign(vector=year_rows["partner"].map(mapping))
    rows = []
    for vector in vectors:
        group = year_rows[year_rows["vector"] == vector]
        rows.append({"vector": vector, "partners": ";".join(sorted(group["partner"])),
                     "value": float(group["value"].sum()) if len(group) else math.nan,
                     "share": float(group["share"].sum()) if len(group) else math.nan})
    basis = year_rows["basis"].iloc[0]
    if basis == "total":
        total = float(year_rows["total"].iloc[0])
        covered = float(year_rows["value"].sum())
        rows.append({"vector": REST_OF_WORLD, "partners": "", "value": total - covered,
                     "share": (total - covered) / total})
    out = pd.DataFrame(rows, columns=["vector", "partners", "value", "share"])
    out["basis"] = basis
    return out


def vector_shares_by_year(shares: pd.DataFrame, actors: pd.DataFrame) -> pd.DataFrame:
    """``vector_trade_shares`` for every year of ``shares``, wide: one row per vector (and
    ``rest_of_world``), one column per year, values = share (fraction 0–1; NaN where the
    table has no partner of the vector that year). Shows how much the choice of year matters."""
    frames = [vector_trade_shares(shares, actors, int(y)).assign(year=int(y)) for y in sorted(shares["year"].unique())]
    if not frames:
        return pd.DataFrame()
    long = pd.concat(frames, ignore_index=True)
    order = list(frames[0]["vector"])
    return long.pivot(index="vector", columns="year", values="share").reindex(order)


def discourse_vs_trade(attention: pd.DataFrame, trade_shares: pd.DataFrame) -> pd.DataFrame:
    """Share of the seeds' attention next to share of actual trade, per vector.

    ``attention``: ``balance.attention_shares(mentions, by="all")`` (columns all, vector,
    mentions, share). ``trade_shares``: ``vector_trade_shares``. Columns: vector, mentions,
    attention_share (fraction of partner-vector mentions, 0–1), trade_partners,
    trade_share (fraction 0–1 of the denominator named by ``basis``; NaN where the
    reference table has no partner of the vector), difference (attention − trade, in share
    points, fraction), ratio (attention / trade), reading (``over-discussed`` if attention
    exceeds trade, ``under-discussed`` if trade exceeds attention, ``no trade figure``),
    basis. Rows in the order of ``trade_shares`` (vectors first); the rest-of-world row
    keeps its trade share and has no attention.
    """
    att = attention.set_index("vector")
    rows = []
    for r in trade_shares.itertuples():
        share_a = float(att["share"].get(r.vector, math.nan)) if r.vector != REST_OF_WORLD else math.nan
        mentions = int(att["mentions"].get(r.vector, 0)) if r.vector != REST_OF_WORLD else 0
        difference = share_a - r.share if not math.isnan(r.share) else math.nan
        if r.vector == REST_OF_WORLD:
            reading = "not a vector"
        elif math.isnan(r.share):
            reading = "no trade figure"
        else:
            reading = "over-discussed" if difference > 0 else "under-discussed"
        rows.append({"vector": r.vector, "mentions": mentions, "attention_share": share_a,
                     "trade_partners": r.partners, "trade_share": r.share, "difference": difference,
                     "ratio": share_a / r.share if r.share and not math.isnan(r.share) else math.nan,
                     "reading": reading})
    out = pd.DataFrame(rows, columns=["vector", "mentions", "attention_share", "trade_partners", "trade_share",
                                      "difference", "ratio", "reading"])
    out["basis"] = trade_shares["basis"].iloc[0] if "basis" in trade_shares.columns and len(trade_shares) else "total"
    return out


# --------------------------------------------------------------------------------------
# Tables for reading
# --------------------------------------------------------------------------------------

def _percent(x: float, digits: int = 0) -> str:
    return "" if x is None or math.isnan(x) else f"{100 * x:+.{digits}f}%"


def _interval_text(low: float, high: float, unit: str) -> str:
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


def checks_for_reading(checks: pd.DataFrame) -> pd.DataFrame:
    """``trade_reference_checks`` as text for reading: claim_id, metric, partner, period,
    stated, stated_interval, official (the figure the verdict used), reporter, difference
    (relative, in percent, for amounts; in percentage points for growth rates; in places for
    ranks), verdict, mirror (the partner's own figure, where shown)."""
    out = pd.DataFrame({
        "claim_id": checks["claim_id"], "metric": checks["metric"], "partner": checks["partner"],
        "period": checks["period"],
        "stated": [format_amount(v, u) for v, u in zip(checks["value"], checks["unit"])],
        "stated_interval": [_interval_text(lo, hi, u) for lo, hi, u in zip(checks["low"], checks["high"], checks["unit"])],
        "official": [format_amount(v, u) for v, u in zip(checks["reference_value"], checks["unit"])],
        "reporter": checks["reference_reporter"].replace("", "not recorded").where(checks["reference_source"] != "", ""),
        "difference": [difference_text(d, r, u) for d, r, u in
                       zip(checks["difference"], checks["relative_difference"], checks["unit"])],
        "verdict": checks["verdict"],
        "mirror": [f"{format_amount(v, u)} ({r})" if not math.isnan(v) else ""
                   for v, u, r in zip(checks["mirror_value"], checks["unit"], checks["mirror_reporter"])],
    })
    return out


def implied_for_reading(implied: pd.DataFrame) -> pd.DataFrame:
    """``implied_values`` as text for reading: claim_ids, kind, period, formula, value (formatted), label."""
    return pd.DataFrame({"claim_ids": implied["claim_ids"], "kind": implied["kind"], "period": implied["period"],
                         "formula": implied["formula"],
                         "value": [format_amount(v, u, digits=4) for v, u in zip(implied["value"], implied["unit"])],
                         "label": implied["label"]})


# --------------------------------------------------------------------------------------
# Figures
# --------------------------------------------------------------------------------------

def partner_label(partner: str) -> str:
    """Reader-facing name of a trade partner."""
    return PARTNER_LABELS.get(partner, partner.replace("_", " ").title())


def _partner_order(preferred: pd.DataFrame, vectors: dict[str, str]) -> list[str]:
    """Partners in vector order, then by their latest turnover (largest first)."""
    latest = preferred.sort_values("year").groupby("partner")["value"].last()
    return sorted(latest.index, key=lambda p: (VECTOR_ORDER.index(vectors[p]), -latest[p], p))


def trends_figure(preferred: pd.DataFrame, series: pd.DataFrame, vectors: dict[str, str]) -> plt.Figure:
    """Small multiples: Kazakhstan's full-year turnover with each partner, by year (bn USD).

    Filled markers joined by a line: Kazakhstan's statistics; open markers: the partner's
    own (mirror) statistics, drawn for every year it has one. Part-year rows are not shown.
    """
    turnover = preferred[(preferred["flow"] == "turnover") & (preferred["partner"] != WORLD)]
    mirror = series[(series["flow"] == "turnover") & (series["reporter"] == series["partner"])]
    partners = _partner_order(turnover, vectors)
    years = sorted(set(turnover["year"]) | set(mirror["year"]))
    ncols = 3
    nrows = math.ceil(len(partners) / ncols)
    fig, axes = plt.subplots(nrows, ncols, figsize=(8.0, 2.0 * nrows + 0.8), sharex=True, squeeze=False)
    for ax, partner in zip(axes.ravel(), partners):
        colour = VECTOR_COLOURS[vectors[partner]]
        home = turnover[(turnover["partner"] == partner) & (turnover["reporter"] == HOME_REPORTER)].sort_values("year")
        own = mirror[mirror["partner"] == partner].sort_values("year")
        # one point per year of the axis, NaN where the table has no figure: the line breaks at gaps
        line = home.set_index("year")["value"].reindex(years)
        # the open ring is larger and drawn below, so that equal figures show as a dot inside a ring
        ax.plot(own["year"], billions(own["value"]), "o", markerfacecolor="white", markeredgecolor=colour,
                markersize=8, linestyle="none", zorder=2)
        ax.plot(years, billions(line), "-o", color=colour, markersize=4, linewidth=1.5, zorder=3)
        top = max([*billions(home["value"]), *billions(own["value"]), 1.0])
        ax.set_ylim(0, top * 1.2)
        ax.set_title(partner_label(partner), fontsize=9.5, loc="left")
        ax.tick_params(labelsize=8)
    for ax in axes.ravel()[len(partners):]:
        ax.set_visible(False)
    for ax in axes[:, 0]:
        ax.set_ylabel("bn USD", fontsize=8.5)
    for ax in axes.ravel():
        ax.set_xticks(years[::2] if len(years) > 6 else years)
    handles = [Line2D([], [], color=NEUTRAL, marker="o", markersize=4, label="Kazakhstan's statistics"),
               Line2D([], [], color=NEUTRAL, marker="o", markerfacecolor="white", linestyle="none", markersize=8,
                      label="partner's own (mirror) statistics")]
    fig.suptitle("Kazakhstan's trade turnover with its main partners, full years", x=0.0, y=1.0, ha="left",
                 fontweight="bold", fontsize=12)
    fig.legend(handles=handles, loc="upper left", ncol=2, fontsize=8, bbox_to_anchor=(0.0, 0.965))
    fig.supxlabel("year (a line breaks where the reference table has no figure for a year)", fontsize=9)
    fig.tight_layout(rect=(0, 0, 1, 0.94))
    return fig


def shares_figure(shares: pd.DataFrame, vectors: dict[str, str]) -> plt.Figure:
    """Stacked bars: each partner's share of Kazakhstan's turnover by year (percent).

    One bar per year of ``partner_shares``; partners coloured by vector (partners of the
    same vector in the same colour, separated by white edges and labelled). On the
    ``total`` basis the grey remainder is the rest of the world, including partners the
    reference table lacks for that year; on the ``covered`` basis the bars sum to 100% of
    the trade with the partners in the table, and the axis says so.
    """
    basis = shares["basis"].iloc[0]
    years = sorted(shares["year"].unique())
    partners = _partner_order(shares, vectors)
    fig, ax = plt.subplots(figsize=(8.0, 4.8))
    ax.set_axisbelow(True)
    ax.grid(axis="x", visible=False)
    bottom = np.zeros(len(years))
    for partner in partners:
        values = np.array([100 * shares[(shares["year"] == y) & (shares["partner"] == partner)]["share"].sum()
                           for y in years])
        ax.bar([str(y) for y in years], values, bottom=bottom, color=VECTOR_COLOURS[vectors[partner]],
               edgecolor="white", linewidth=0.8, width=0.6)
        for i, v in enumerate(values):
            if v >= 2.0:
                ax.text(i, bottom[i] + v / 2, f"{partner_label(partner)} {v:.0f}%", ha="center", va="center",
                        fontsize=7, color="white" if vectors[partner] in ("russia", "west") else "black")
        bottom += values
    if basis == "total":
        rest = 100 - bottom
        ax.bar([str(y) for y in years], rest, bottom=bottom, color="#DDDDDD", edgecolor="white", width=0.6)
        for i, v in enumerate(rest):
            ax.text(i, bottom[i] + v / 2, f"rest of world\n(incl. partners\nnot in the table)\n{v:.0f}%",
                    ha="center", va="center", fontsize=7, color="#444444")
    present = [v for v in VECTOR_ORDER if v in set(vectors[p] for p in partners)]
    handles = [Line2D([], [], color=VECTOR_COLOURS[v], linewidth=8, label=vector_label(v)) for v in present]
    ax.legend(handles=handles, loc="upper left", bbox_to_anchor=(1.0, 1.0), fontsize=8, title="vector",
              title_fontsize=8)
    ax.set_ylim(0, 100)
    ax.set_ylabel(f"share of {SHARE_BASES[basis]} (%)" if basis == "total" else
                  "share of turnover with the partners\nin the table (%)")
    ax.set_xlabel("year")
    ax.set_title("Partners' shares of Kazakhstan's total trade" if basis == "total" else
                 "Partners' shares of Kazakhstan's trade with the partners in the table")
    fig.tight_layout()
    return fig


def concentration_figure(hhi: pd.DataFrame) -> plt.Figure:
    """HHI of Kazakhstan's turnover across the partners in the table, by year (points of 10,000).

    Each bar is annotated with the number of partners covered (and, on the ``total``
    basis, their combined share of total trade, the index being a lower bound). On the
    ``covered`` basis the index measures concentration among the partners in the table.
    """
    basis = hhi["basis"].iloc[0]
    fig, ax = plt.subplots(figsize=(8.0, 4.0))
    ax.set_axisbelow(True)
    ax.grid(axis="x", visible=False)
    labels = [str(y) for y in hhi["year"]]
    ax.bar(labels, hhi["hhi_points"], color=NEUTRAL, width=0.5)
    for i, r in enumerate(hhi.itertuples()):
        covered = f",\n{100 * r.covered_share:.0f}% of trade" if basis == "total" else ""
        ax.text(i, r.hhi_points, f"{r.hhi_points:,.0f}\n{r.n_partners} partners{covered}",
                ha="center", va="bottom", fontsize=8)
    ax.set_ylim(0, max(hhi["hhi_points"].max() * 1.45, 100))
    ax.set_ylabel("HHI across partners (points, 0–10,000)")
    ax.set_xlabel("year")
    ax.set_title("Concentration of Kazakhstan's trade across partners (lower bound)" if basis == "total" else
                 "Concentration of Kazakhstan's trade among the partners in the table")
    fig.tight_layout()
    return fig


def discourse_vs_trade_figure(comparison: pd.DataFrame) -> plt.Figure:
    """Dumbbells per vector: share of the seeds' attention (filled) against share of actual trade (open).

    Vectors are sorted by the gap (most over-discussed at the top); vectors without any
    partner in the reference table show their attention only, marked "no trade figure";
    on the ``total`` basis the rest-of-world share of trade is noted above the axes, not
    plotted as a vector.
    """
    basis = comparison["basis"].iloc[0]
    vectors = comparison[comparison["vector"] != REST_OF_WORLD].copy()
    vectors["_gap"] = vectors["difference"].fillna(-np.inf)
    vectors = vectors.sort_values(["_gap", "vector"], ascending=[True, True])
    rest = comparison[comparison["vector"] == REST_OF_WORLD]["trade_share"]
    fig, ax = plt.subplots(figsize=(8.0, 4.8))
    for i, r in enumerate(vectors.itertuples()):
        colour = VECTOR_COLOURS[r.vector]
        a = 100 * r.attention_share
        if math.isnan(r.trade_share):
            ax.plot([a], [i], "o", color=colour, markersize=9, zorder=3)
            ax.text(a + 1.2, i, "no trade figure in the table", va="center", fontsize=8, color="#666666")
            continue
        t = 100 * r.trade_share
        ax.plot([a, t], [i, i], "-", color=colour, linewidth=2.5, alpha=0.6, zorder=2)
        ax.plot([a], [i], "o", color=colour, markersize=9, zorder=3)
        ax.plot([t], [i], "o", markerfacecolor="white", markeredgecolor=colour, markeredgewidth=2, markersize=9,
                zorder=3)
        ratio = f"×{r.ratio:.1f}" if r.ratio >= 1 else f"×{r.ratio:.2f}"
        ax.text(max(a, t) + 1.2, i, f"{a:.0f}% vs {t:.0f}% ({ratio})", va="center", fontsize=8)
    ax.set_yticks(range(len(vectors)))
    ax.set_yticklabels([vector_label(v) for v in vectors["vector"]])
    ax.set_xlim(0, max(100 * vectors["attention_share"].max(), 100 * vectors["trade_share"].max()) + 18)
    ax.set_xlabel(f"share (%): attention = of the seeds' partner-vector mentions;\ntrade = of {SHARE_BASES[basis]}")
    handles = [Line2D([], [], color=NEUTRAL, marker="o", linestyle="none", markersize=8, label="attention in the seeds"),
               Line2D([], [], color=NEUTRAL, marker="o", markerfacecolor="white", linestyle="none", markersize=8,
                      markeredgewidth=2, label="share of actual trade")]
    ax.legend(handles=handles, loc="lower right", fontsize=8)
    if len(rest) and basis == "total":
        ax.text(1.0, 1.0, f"trade with partners outside the table: {100 * float(rest.iloc[0]):.0f}%",
                transform=ax.transAxes, ha="right", va="bottom", fontsize=8, color="#666666")
    ax.set_title("Attention in the seeds vs share of Kazakhstan's trade", pad=16)
    fig.tight_layout()
    return fig


def differences_figure(checks: pd.DataFrame) -> plt.Figure:
    """Each checked trade claim against the official figure its verdict used, in percent of that figure.

    Dot: the claim's relative difference; bar: its stated interval in the same terms (the
    claim matches within rounding where the bar reaches 0); colour: verdict. Claims with
    no reference are not drawn (they are listed in the table). A ``≥`` bar runs to the
    right edge.
    """
    rows = checks[checks["verdict"] != VERDICTS[2]].copy()
    rows = rows.sort_values(["relative_difference", "claim_id"], ascending=[True, True]).reset_index(drop=True)
    colours = {VERDICTS[0]: "#228833", VERDICTS[1]: "#EE6677"}
    fig, ax = plt.subplots(figsize=(8.0, 0.5 * len(rows) + 1.6))
    lows = 100 * (rows["low"] - rows["reference_value"]) / rows["reference_value"]
    highs = 100 * (rows["high"] - rows["reference_value"]) / rows["reference_value"]
    points = 100 * rows["relative_difference"]
    right = max(float(points.max()), 10.0) * 1.25 + 5
    left = min(float(points.min()), float(lows[np.isfinite(lows)].min()) if len(rows) else 0.0, -10.0) * 1.25
    for i, r in rows.iterrows():
        colour = colours[r["verdict"]]
        ax.plot([lows[i], min(highs[i], right)], [i, i], "-", color=colour, linewidth=4, alpha=0.35,
                solid_capstyle="butt")
        ax.plot([points[i]], [i], "o", color=colour, markersize=7)
    ax.axvline(0, color=NEUTRAL, linewidth=0.8)
    ax.set_yticks(range(len(rows)))
    ax.set_yticklabels([f"{c} · {m} · {p or 'all'} · {q or 'no period'}"
                        for c, m, p, q in zip(rows["claim_id"], rows["metric"], rows["partner"], rows["period"])],
                       fontsize=8)
    ax.set_xlim(left, right)
    ax.set_xlabel("claim relative to the official figure (% of the official figure)")
    handles = [Line2D([], [], color=c, marker="o", linewidth=4, alpha=0.6, label=v) for v, c in colours.items()]
    ax.legend(handles=handles, loc="lower right", fontsize=8)
    ax.set_title("Seed claims against official figures (bar: the claim's rounding interval)")
    fig.tight_layout()
    return fig
