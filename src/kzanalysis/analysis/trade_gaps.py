"""How the discourse-vs-trade readings depend on the partner-years missing from the reference table.

A partner with Kazakhstan's figure for other years but none for the comparison year
(``trade_series.absent_partners``) counts as "rest of the world" there, which understates its
vector's share of trade. ``gap_sensitivity`` recomputes every vector's reading with each
missing partner-year imputed at the lowest and at the highest figure the table holds for
that partner in any year (its plausible range), next to the reading with the gap left as it is.
"""
from __future__ import annotations

import pandas as pd

from kzanalysis.analysis.trade_series import (
    HOME_REPORTER,
    REST_OF_WORLD,
    WORLD,
    absent_partners,
    discourse_vs_trade,
    partner_shares,
    vector_trade_shares,
)

SCENARIOS = {"as_is": "gap left (rest of the world)", "low": "lowest figure of the partner",
             "high": "highest figure of the partner"}
GAP_COLUMNS = ["vector", "ratio_as_is", "reading_as_is", "ratio_low", "reading_low", "ratio_high",
               "reading_high", "flips"]


def imputed_preferred(preferred: pd.DataFrame, year: int, scenario: str, flow: str = "turnover") -> pd.DataFrame:
    """``preferred_series`` with each partner missing in ``year`` given its lowest (``low``) or
    highest (``high``) figure of any year, as Kazakhstan's statistics; ``as_is`` returns it unchanged."""
    if scenario == "as_is":
        return preferred
    rows = preferred[(preferred["flow"] == flow) & (preferred["reporter"] == HOME_REPORTER)
                     & (preferred["partner"] != WORLD)]
    added = []
    for partner in absent_partners(preferred, year, flow)["partner"]:
        values = rows.loc[rows["partner"] == partner, "value"]
        value = float(values.min() if scenario == "low" else values.max())
        added.append({"partner": partner, "year": year, "flow": flow, "value": value, "reporter": HOME_REPORTER,
                      "mirror_value": float("nan")})
    return pd.concat([preferred, pd.DataFrame(added, columns=preferred.columns)], ignore_index=True)


def gap_sensitivity(preferred: pd.DataFrame, attention: pd.DataFrame, actors: pd.DataFrame, year: int,
                    basis: str) -> pd.DataFrame:
    """Per vector: ratio (attention / trade) and reading under each of ``SCENARIOS``.

    Columns (``GAP_COLUMNS``): vector; ratio_* (NaN without a trade figure) and reading_*
    (``over-discussed``, ``under-discussed``, ``no trade figure``) for as_is, low, high;
    flips (True where the reading is not the same in all three). The rest of the world is left out.
    """
    frames = {}
    for scenario in SCENARIOS:
        shares = partner_shares(imputed_preferred(preferred, year, scenario), basis=basis)
        frames[scenario] = discourse_vs_trade(attention, vector_trade_shares(shares, actors, year)).set_index("vector")
    out = pd.DataFrame({"vector": [v for v in frames["as_is"].index if v != REST_OF_WORLD]})
    for scenario, frame in frames.items():
        out[f"ratio_{scenario}"] = out["vector"].map(frame["ratio"])
        out[f"reading_{scenario}"] = out["vector"].map(frame["reading"])
    readings = out[[f"reading_{s}" for s in SCENARIOS]]
    out["flips"] = readings.nunique(axis=1) > 1
    return out[GAP_COLUMNS]
