"""Every reference value in one long table, and ranks recomputed from the trade table.

A fact-check compares a claim with *references*: rows of ``data/reference/facts.csv``,
rows of ``data/reference/trade.csv`` (as flows of a period), event dates of
``data/reference/dates.csv`` (metric ``event_date``, period = the date), growth rates computed from two
trade rows of the same reporter, and a partner's rank recomputed over all partners of a
year. ``reference_table`` puts them in one frame with the columns a verdict needs.

Columns of ``reference_table`` (``REFERENCE_COLUMNS``):

- ref_id: ``fNN`` (facts.csv), ``tNNN`` (trade.csv), ``dNN`` (dates.csv), ``growth:tA/tB`` or
  ``rank:PARTNER:YEAR`` (computed);
- kind: ``fact``, ``trade``, ``date``, ``computed``;
- subject, metric, partner: actor ids and the metric key (one key, one definition);
- reporter: whose statistics a trade value is (``kazakhstan`` or the partner: a mirror figure); '' for facts;
- period: ISO period (a year, a month, a day, or ``A/B``); part-year trade as ``YYYY-01/YYYY-MM``;
- value [unit], unit (a date: NaN and '');
- definition: what the number is, in words (``reporter``, ``mirror``, ``cumulative gross inflow`` …);
- tier: 1 = the producer itself, 2 = a named outlet quoting it, 3 = anything else; a computed
  reference has the weakest tier of its inputs;
- agency, publisher, title, url, published (ISO or ''), accessed: the citation;
- inputs: for computed references, the ref_ids used (``;``-separated).
"""
from __future__ import annotations

import pandas as pd

from kzanalysis.analysis.trade_claims import TRADE_FLOWS
from kzanalysis.analysis.trade_series import HOME_REPORTER, WORLD

REFERENCE_COLUMNS = ["ref_id", "kind", "subject", "metric", "partner", "reporter", "period", "value", "unit",
                     "definition", "tier", "agency", "publisher", "title", "url", "published", "accessed", "inputs"]

#: trade.csv flow → claims' metric key.
FLOW_TO_METRIC = {flow: metric for metric, flow in TRADE_FLOWS.items()}

#: Metric of an event's reference date (dates.csv; period = the date).
DATE_METRIC = "event_date"

#: Metric of a partner's rank by turnover in Kazakhstan's trade (claims.csv vocabulary).
RANK_METRIC = "trade_partner_rank"


def trade_period(year: int, months: int) -> str:
    """ISO period of a trade row: ``2022`` for a full year, ``2023-01/2023-09`` for January–September."""
    return str(year) if months == 12 else f"{year}-01/{year}-{months:02d}"


def trade_references(trade: pd.DataFrame) -> pd.DataFrame:
    """``trade.csv`` rows as references (partner ``world`` = Kazakhstan's total, partner '')."""
    out = pd.DataFrame({
        "ref_id": trade["ref_id"], "kind": "trade", "subject": HOME_REPORTER,
        "metric": trade["flow"].map(FLOW_TO_METRIC),
        "partner": trade["partner"].where(trade["partner"] != WORLD, ""),
        "reporter": trade["reporter"],
        "period": [trade_period(y, m) for y, m in zip(trade["year"], trade["months"])],
        "value": trade["value"].astype(float), "unit": "usd",
        "definition": ["reporter" if r == HOME_REPORTER else "mirror" for r in trade["reporter"]],
        "tier": trade["tier"].astype(int), "agency": trade["agency"], "publisher": trade["publisher"],
        "title": trade["title"], "url": trade["url"], "published": trade["published"],
        "accessed": trade["accessed"], "inputs": "",
    })
    return out[REFERENCE_COLUMNS]


def fact_references(facts: pd.DataFrame) -> pd.DataFrame:
    """``facts.csv`` rows as references."""
    out = facts.rename(columns={"fact_id": "ref_id"}).assign(kind="fact", reporter="", inputs="")
    out["tier"] = out["tier"].astype(int)
    return out[REFERENCE_COLUMNS]


def date_references(dates: pd.DataFrame) -> pd.DataFrame:
    """``dates.csv`` rows as references: metric ``event_date``, period = the date, definition = the event."""
    out = pd.DataFrame({
        "ref_id": dates["ref_id"], "kind": "date", "subject": dates["subject"], "metric": DATE_METRIC,
        "partner": dates["partner"], "reporter": "", "period": dates["date"], "value": float("nan"), "unit": "",
        "definition": dates["event"], "tier": dates["tier"].astype(int), "agency": dates["agency"],
        "publisher": dates["publisher"], "title": dates["title"], "url": dates["url"],
        "published": dates["published"], "accessed": dates["accessed"], "inputs": "",
    })
    return out[REFERENCE_COLUMNS]


def growth_references(trade_refs: pd.DataFrame) -> pd.DataFrame:
    """Growth rates [percent] of one flow between consecutive years, from two rows of the same reporter and months.

    Where a reporter has several rows for one year (different publishers), each pair is
    kept: the verdict chooses among them by tier like any other reference.
    """
    flows = trade_refs[trade_refs["kind"] == "trade"].copy()
    flows["year"] = flows["period"].str[:4].astype(int)
    flows["span"] = flows["period"].str[4:]
    rows = []
    # grouped in plain Python (as groupby(["metric", "partner", "reporter", "span"], sort=True), then
    # by year, would: keys in sorted order, a missing key left out, rows by year and ref_id): the same
    # pairs in the same order, without a DataFrame per group
    groups: dict[tuple, dict[int, list]] = {}
    for r in flows.sort_values(["year", "ref_id"]).itertuples():
        key = (r.metric, r.partner, r.reporter, r.span)
        if not any(pd.isna(k) for k in key):
            groups.setdefault(key, {}).setdefault(r.year, []).append(r)
    for key in sorted(groups):
        by_year = groups[key]
        for year, now in by_year.items():
            before = by_year.get(year - 1)
            if before is None:
                continue
            for a in now:
                for b in before:
                    rows.append({
                        "ref_id": f"growth:{b.ref_id}/{a.ref_id}", "kind": "computed", "subject": a.subject,
                        "metric": f"{a.metric}_growth", "partner": a.partner, "reporter": a.reporter,
                        "period": a.period, "value": 100 * (a.value / b.value - 1), "unit": "percent",
                        "definition": f"{a.definition}; computed as ({a.ref_id} / {b.ref_id} − 1) × 100",
                        "tier": max(a.tier, b.tier), "agency": a.agency, "publisher": f"{b.publisher}; {a.publisher}",
                        "title": "growth computed from two reference rows", "url": a.url,
                        "published": a.published, "accessed": a.accessed, "inputs": f"{b.ref_id};{a.ref_id}"})
    return pd.DataFrame(rows, columns=REFERENCE_COLUMNS)


def partner_ranks(trade_refs: pd.DataFrame) -> pd.DataFrame:
    """Each partner's rank by turnover over all partners of a full year in Kazakhstan's own statistics.

    Per (year, partner) the best-tier figure is used (ties: the larger ref_id, i.e. the
    later-added row); partners are ranked by it. The table never holds every partner, so the
    rank is a *lower bound on the place number*: a partner missing from the table could only
    push the others down. Columns: year, partner, rank, n_partners, value [USD], ref_id,
    tier, lower_bound (always True unless the table is known complete).
    """
    flows = trade_refs[(trade_refs["kind"] == "trade") & (trade_refs["metric"] == "trade_turnover")
                       & (trade_refs["reporter"] == HOME_REPORTER) & (trade_refs["partner"] != "")
                       & trade_refs["period"].str.fullmatch(r"\d{4}")]
    best = (flows.sort_values(["period", "partner", "tier", "ref_id"], ascending=[True, True, True, False])
            .drop_duplicates(["period", "partner"]))
    rows = []
    for period, year in best.groupby("period", sort=True):
        year = year.sort_values(["value", "partner"], ascending=[False, True]).reset_index(drop=True)
        for i, r in year.iterrows():
            rows.append({"year": int(period), "partner": r.partner, "rank": i + 1, "n_partners": len(year),
                         "value": r.value, "ref_id": r.ref_id, "tier": int(year["tier"].max()), "lower_bound": True})
    return pd.DataFrame(rows, columns=["year", "partner", "rank", "n_partners", "value", "ref_id", "tier",
                                       "lower_bound"])


def rank_references(ranks: pd.DataFrame, trade_refs: pd.DataFrame) -> pd.DataFrame:
    """``partner_ranks`` as references (metric ``trade_partner_rank``; definition says it is a lower bound)."""
    rows = []
    by_id = trade_refs.set_index("ref_id")
    for year, group in ranks.groupby("year", sort=True):
        inputs = ";".join(group["ref_id"])
        for r in group.itertuples():
            source = by_id.loc[r.ref_id]
            above = ", ".join(group.loc[group["rank"] < r.rank, "partner"])
            rows.append({
                "ref_id": f"rank:{r.partner}:{year}", "kind": "computed", "subject": HOME_REPORTER,
                "metric": RANK_METRIC, "partner": r.partner, "reporter": HOME_REPORTER, "period": str(year),
                "value": float(r.rank), "unit": "rank",
                "definition": (f"place among the {r.n_partners} partners with a {year} figure in trade.csv "
                               f"(lower bound: partners missing from the table could rank higher)"
                               + (f"; above it: {above}" if above else "")),
                "tier": r.tier, "agency": source["agency"], "publisher": "computed from trade.csv",
                "title": f"ranks of Kazakhstan's partners by turnover, {year}", "url": source["url"],
                "published": "", "accessed": source["accessed"], "inputs": inputs})
    return pd.DataFrame(rows, columns=REFERENCE_COLUMNS)


def reference_table(trade: pd.DataFrame, facts: pd.DataFrame, dates: pd.DataFrame | None = None) -> pd.DataFrame:
    """Every reference (facts, trade rows, event dates, computed growth rates and ranks), sorted by ref_id.

    ``trade``, ``facts``, ``dates``: ``evidence.load_trade()``, ``load_facts()``, ``load_dates()``
    (``dates`` may be omitted: no event dates). Columns: ``REFERENCE_COLUMNS``.
    """
    trade_refs = trade_references(trade)
    parts = [fact_references(facts), trade_refs, growth_references(trade_refs),
             rank_references(partner_ranks(trade_refs), trade_refs)]
    if dates is not None and len(dates):
        parts.append(date_references(dates))
    parts = [p for p in parts if len(p)]
    return pd.concat(parts, ignore_index=True).sort_values("ref_id").reset_index(drop=True)
