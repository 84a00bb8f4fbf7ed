"""analysis.trade_checks (from trade.py)."""
from __future__ import annotations

import math

import pandas as pd

from kzanalysis.analysis.formatting import difference_text, format_amount, interval_text
from kzanalysis.analysis.implied import literal
from kzanalysis.analysis.trade_claims import GROWTH_OF, TRADE_CLAIM_METRICS, TRADE_FLOWS
from kzanalysis.analysis.trade_series import HOME_REPORTER, WORLD, consolidated_series, year_and_months
from kzanalysis.evidence.precision import claim_intervals, in_interval, relative_difference

#: Verdicts of ``trade_reference_checks``, in display order.
VERDICTS = ["matches within rounding", "differs", "no reference"]


#: Columns of ``trade_reference_checks``.
CHECK_COLUMNS = ["claim_id", "doc_id", "metric", "partner", "period", "value", "unit", "qualifier", "low", "high",
                 "reference_value", "reference_reporter", "reference_source", "difference", "relative_difference",
                 "verdict",
                 "mirror_value", "mirror_reporter", "mirror_source", "other_references"]


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


def checks_for_reading(checks: pd.DataFrame) -> pd.DataFrame:
    """``trade_reference_checks`` as text for reading: claim_id, metric, partner, period,
    stated, stated_interval, official (the figure the verdict used), reporter, difference
    (relative, in percent, for amounts; in percentage points for growth rates; in places for
    ranks), verdict, mirror (the partner's own figure, where shown)."""
    out = pd.DataFrame({
        "claim_id": checks["claim_id"], "metric": checks["metric"], "partner": checks["partner"],
        "period": checks["period"],
        "stated": [format_amount(v, u) for v, u in zip(checks["value"], checks["unit"])],
        "stated_interval": [interval_text(lo, hi, u) for lo, hi, u in zip(checks["low"], checks["high"], checks["unit"])],
        "official": [format_amount(v, u) for v, u in zip(checks["reference_value"], checks["unit"])],
        "reporter": checks["reference_reporter"].replace("", "not recorded").where(checks["reference_source"] != "", ""),
        "difference": [difference_text(d, r, u) for d, r, u in
                       zip(checks["difference"], checks["relative_difference"], checks["unit"])],
        "verdict": checks["verdict"],
        "mirror": [f"{format_amount(v, u)} ({r})" if not math.isnan(v) else ""
                   for v, u, r in zip(checks["mirror_value"], checks["unit"], checks["mirror_reporter"])],
    })
    return out
