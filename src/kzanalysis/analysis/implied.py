"""analysis.implied (from trade.py)."""
from __future__ import annotations

import ast
import operator
import re
from decimal import Decimal

import pandas as pd

from kzanalysis.analysis.formatting import format_amount
from kzanalysis.analysis.trade_claims import GROWTH_OF, LEVEL_METRICS, MULTIPLE_SUFFIX, TARGET_SUFFIX
from kzanalysis.evidence.periods import period_bounds
from kzanalysis.evidence.precision import exact_decimal

#: The label of every implied value.
DERIVED = "derived"


#: Columns of ``implied_values``.
IMPLIED_COLUMNS = ["claim_ids", "kind", "description", "subject", "metric", "partner", "period", "formula",
                   "value", "unit", "label"]


def literal(value: float) -> str:
    """A number as a short Python literal for a formula: 5.3e9 → ``5.3e9``; 58.0 → ``58``; 0.58 → ``0.58``."""
    exact = exact_decimal(value)
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
    for (subject, metric, partner, _unit), group in frame.groupby(["subject", "metric", "partner", "unit"], sort=True):
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


def implied_for_reading(implied: pd.DataFrame) -> pd.DataFrame:
    """``implied_values`` as text for reading: claim_ids, kind, period, formula, value (formatted), label."""
    return pd.DataFrame({"claim_ids": implied["claim_ids"], "kind": implied["kind"], "period": implied["period"],
                         "formula": implied["formula"],
                         "value": [format_amount(v, u, digits=4) for v, u in zip(implied["value"], implied["unit"])],
                         "label": implied["label"]})
