"""Trade claims in the fact-check, and implied trade values next to Kazakhstan's official figures.

The verdicts themselves are those of ``factcheck.check_claims`` (one rule for notebooks 03
and 04); this module selects the trade claims, measures how far a differing claim is from
its reference, and compares the values implied by combining stated figures
(``implied.implied_values``) with ``trade.csv``.
"""
from __future__ import annotations

import math

import pandas as pd

from kzanalysis.analysis.trade_claims import GROWTH_OF, TRADE_CLAIM_METRICS, TRADE_FLOWS
from kzanalysis.analysis.trade_series import HOME_REPORTER, WORLD, consolidated_series, year_and_months
from kzanalysis.evidence.precision import relative_difference


def trade_factcheck(factcheck: pd.DataFrame) -> pd.DataFrame:
    """The checkable trade claims of ``check_claims`` output (metrics ``TRADE_CLAIM_METRICS``), with
    ``relative_difference`` = (claim − reference) / reference (a fraction; NaN without a reference)."""
    rows = factcheck[factcheck["checkable"] & factcheck["metric"].isin(TRADE_CLAIM_METRICS)].copy()
    rows["relative_difference"] = [relative_difference(v, r) if not math.isnan(r) else math.nan
                                   for v, r in zip(rows["value"], rows["reference_value"])]
    return rows.reset_index(drop=True)


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
    """The ``n`` claims with verdict ``differs`` farthest from their reference, by |relative_difference|.

    ``checks``: ``trade_factcheck`` output. ``unit``: rank only claims of this unit (e.g. ``usd``);
    None ranks all, in which case a growth rate's relative difference (58% against 32% is
    +80%) is ranked with a volume's. Ties: claim_id.
    """
    differs = checks[checks["verdict"] == "differs"].copy()
    if unit is not None:
        differs = differs[differs["unit"] == unit]
    differs["_size"] = differs["relative_difference"].abs()
    return differs.sort_values(["_size", "claim_id"], ascending=[False, True]).head(n).drop(columns="_size") \
        .reset_index(drop=True)
