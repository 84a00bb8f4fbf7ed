"""analysis.trade_series (from trade.py)."""
from __future__ import annotations

import math
import re

import numpy as np
import pandas as pd

from kzanalysis.gazetteer.vectors import VECTOR_ORDER

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


#: Reader-facing names of trade partners (actor ids of ``trade.csv``).
PARTNER_LABELS = {"russia": "Russia", "china": "China", "italy": "Italy", "turkiye": "Türkiye",
                  "south_korea": "South Korea", "netherlands": "Netherlands", "usa": "United States",
                  "germany": "Germany", "uzbekistan": "Uzbekistan", WORLD: "World (total)",
                  REST_OF_WORLD: "Rest of world"}


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


def partner_label(partner: str) -> str:
    """Reader-facing name of a trade partner."""
    return PARTNER_LABELS.get(partner, partner.replace("_", " ").title())
