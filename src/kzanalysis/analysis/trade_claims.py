"""analysis.trade_claims (from trade.py)."""
from __future__ import annotations

import pandas as pd

from kzanalysis.analysis.formatting import format_amount

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


#: Metrics of Kazakhstan's trade claims (selected from the fact-check by ``trade_checks.trade_factcheck``).
TRADE_CLAIM_METRICS = [*TRADE_FLOWS, *GROWTH_OF, "trade_partner_rank", "trade_turnover_target"]


#: Level metrics for which two stated periods imply a growth rate (or a multiple).
LEVEL_METRICS = ["trade_turnover", "exports", "imports", "gdp", "fx_reserves", "investment_stock"]


#: Suffix of a stated growth multiple ("17-fold"): ``<level metric>_growth_multiple``.
MULTIPLE_SUFFIX = "_growth_multiple"


#: Suffix of a stated target: ``<level metric>_target``.
TARGET_SUFFIX = "_target"


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
