"""analysis.comparable."""
from __future__ import annotations

from kzanalysis.analysis.trade_claims import MULTIPLE_SUFFIX
from kzanalysis.evidence.periods import period_bounds

#: Metrics whose values add up over time (a part of a period is at most the whole).
FLOW_METRICS = frozenset({"trade_turnover", "exports", "imports"})


def is_flow(metric: str) -> bool:
    """Metrics whose value depends on the length of the period (trade flows, growth rates)."""
    return metric in FLOW_METRICS or metric.endswith(GROWTH_SUFFIX) or metric.endswith(MULTIPLE_SUFFIX)


def periods_match(claim_period: str, fact_period: str, metric: str) -> bool:
    """Whether a reference's period is the claim's period.

    Equal periods always match, and an undated claim matches only an undated reference (a
    target, say). For a level that is not a flow (a stock, a rank, a share, a count), a
    period that overlaps the claim's at the coarser precision also matches ("2022" and
    "2022-05"; "2022-05" and "2022-05-10"), unless either spans more than a year; a flow or
    a growth rate needs the same period (a half-year's trade is not a year's). Used both
    between two sources and between a source and a reference.
    """
    if claim_period == fact_period:
        return True
    if not claim_period or not fact_period or is_flow(metric):
        return False
    if any(span_days(p) > 366 for p in (claim_period, fact_period)):
        return False  # a multi-year span ("1991/2021", cumulative) is a different quantity
    return date_gap_days(claim_period, fact_period) == 0


def span_days(period: str) -> int:
    first, last = period_bounds(period)
    return (last - first).days + 1


#: Growth metrics (percent change over the previous comparable period) → the level metric.
GROWTH_SUFFIX = "_growth"


def date_gap_days(a: str, b: str) -> int:
    """Days between the nearest bounds of two ISO periods (0 if they overlap)."""
    (a0, a1), (b0, b1) = period_bounds(a), period_bounds(b)
    return max(0, (b0 - a1).days, (a0 - b1).days)
