"""analysis.agreement (from consistency.py)."""
from __future__ import annotations

import math
from collections.abc import Iterable
from datetime import date

import pandas as pd

from kzanalysis.analysis.comparable import FLOW_METRICS, GROWTH_SUFFIX, date_gap_days, periods_match
from kzanalysis.analysis.formatting import format_amount
from kzanalysis.evidence.periods import period_bounds
from kzanalysis.evidence.precision import claim_intervals

#: Key of a claim (data/README.md); claims are compared only in the same unit.
CLAIM_KEY = ["subject", "metric", "partner", "period"]


SERIES_KEY = ["subject", "metric", "partner", "unit"]


#: Verdict order used in tables and figures.
CLAIM_VERDICTS = ["agree", "conflict", "complementary", "uncorroborated"]


def interval_gap(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Distance between two intervals (0 if they overlap or touch), in their unit."""
    return max(0.0, b[0] - a[1], a[0] - b[1])


def intervals_overlap(a: tuple[float, float], b: tuple[float, float]) -> bool:
    """True if two stated intervals share more than an end point.

    Rounding intervals are half-open (5.35 rounds to 5.4, not 5.3), so "15" [14.5, 15.5]
    and "16" [15.5, 16.5] do not overlap; an interval of zero width overlaps an interval
    that contains it.
    """
    low, high = max(a[0], b[0]), min(a[1], b[1])
    return low < high or (low == high and (a[0] == a[1] or b[0] == b[1]))


def _bounds(period: str) -> tuple[date, date] | None:
    return period_bounds(period) if period else None


def previous_comparable(period: str) -> str:
    """The same period one year earlier: ``2021`` → ``2020``; ``2023-01/2023-09`` → ``2022-01/2022-09``."""
    def shift(part: str) -> str:
        return f"{int(part[:4]) - 1:04d}{part[4:]}"
    return "/".join(shift(p) for p in period.split("/"))


def growth_interval(v1: tuple[float, float], v2: tuple[float, float]) -> tuple[float, float]:
    """Percent change from a value in [v1] to a value in [v2], as an interval."""
    lo1, hi1 = max(v1[0], 1e-300), max(v1[1], 1e-300)
    return 100 * (v2[0] / hi1 - 1), 100 * (v2[1] / lo1 - 1)


def _pair_verdict(a: pd.Series, b: pd.Series, growth: pd.DataFrame) -> tuple[str, str]:
    """Verdict and explanation for two claims of one series (see ``claim_pairs``)."""
    ia, ib = (a["low"], a["high"]), (b["low"], b["high"])
    if periods_match(a["period"], b["period"], a["metric"]):
        return ("agree", "intervals overlap") if intervals_overlap(ia, ib) else ("conflict", "same period, values differ beyond rounding")
    pa, pb = _bounds(a["period"]), _bounds(b["period"])
    if pa is None or pb is None:
        return "complementary", "one period unstated: not comparable"
    if a["metric"] in FLOW_METRICS and pa != pb:
        inner, outer = (a, b) if pb[0] <= pa[0] and pa[1] <= pb[1] else (b, a) if pa[0] <= pb[0] and pb[1] <= pa[1] else (None, None)
        if inner is not None:
            if inner["low"] > outer["high"]:
                return "conflict", f"the value for {inner['period']} exceeds the value for the whole of {outer['period']}"
            return "complementary", f"{inner['period']} is part of {outer['period']} and smaller"
    early, late = (a, b) if pa[0] < pb[0] else (b, a)
    if previous_comparable(late["period"]) == early["period"]:
        stated = growth[(growth["subject"] == a["subject"]) & (growth["partner"] == a["partner"])
                        & (growth["metric"] == a["metric"] + GROWTH_SUFFIX) & (growth["period"] == late["period"])]
        for g in stated.itertuples():
            implied = growth_interval((early["low"], early["high"]), (late["low"], late["high"]))
            if not intervals_overlap(implied, (g.low, g.high)):
                return "conflict", (f"the two values imply a change of {100 * (late['value'] / early['value'] - 1):+.1f}%, "
                                    f"{g.claim_id} states {g.value:+g}%")
    return "complementary", "different periods"


def claim_pairs(claims: pd.DataFrame) -> pd.DataFrame:
    """Every pair of claims from two different documents on the same series.

    A series is (subject, metric, partner, unit); two periods count as the same period as
    ``periods_match`` says. Returns one row per pair (``a`` is the claim whose document
    sorts first): subject, metric, partner, unit, claim_a, claim_b,
    doc_a, doc_b, period_a, period_b, value_a, value_b (in ``unit``), low_a, high_a,
    low_b, high_b (stated intervals), verdict (``agree``, ``conflict``, ``complementary``),
    difference (value_b − value_a, in ``unit``), relative_difference (difference /
    value_a, a fraction), gap (distance between the stated intervals, in ``unit``; 0 when
    they overlap), note (why).
    """
    frame = claim_intervals(claims)
    growth = frame[frame["metric"].str.endswith(GROWTH_SUFFIX)]
    rows = []
    for key, series in frame.groupby(SERIES_KEY, sort=True):
        series = series.sort_values(["doc_id", "period", "claim_id"])
        records = [r for _, r in series.iterrows()]
        for i, a in enumerate(records):
            for b in records[i + 1:]:
                if a["doc_id"] == b["doc_id"]:
                    continue
                if b["doc_id"] < a["doc_id"]:
                    a, b = b, a
                verdict, note = _pair_verdict(a, b, growth)
                diff = b["value"] - a["value"]
                rows.append({
                    "subject": key[0], "metric": key[1], "partner": key[2], "unit": key[3],
                    "claim_a": a["claim_id"], "claim_b": b["claim_id"], "doc_a": a["doc_id"], "doc_b": b["doc_id"],
                    "period_a": a["period"], "period_b": b["period"], "value_a": a["value"], "value_b": b["value"],
                    "low_a": a["low"], "high_a": a["high"], "low_b": b["low"], "high_b": b["high"],
                    "verdict": verdict, "difference": diff,
                    "relative_difference": diff / a["value"] if a["value"] else math.nan,
                    "gap": (interval_gap((a["low"], a["high"]), (b["low"], b["high"]))
                            if periods_match(a["period"], b["period"], a["metric"]) else math.nan),
                    "note": note,
                })
    columns = ["subject", "metric", "partner", "unit", "claim_a", "claim_b", "doc_a", "doc_b", "period_a",
               "period_b", "value_a", "value_b", "low_a", "high_a", "low_b", "high_b", "verdict",
               "difference", "relative_difference", "gap", "note"]
    return pd.DataFrame(rows, columns=columns).sort_values(["subject", "metric", "partner", "claim_a", "claim_b"]).reset_index(drop=True)


def claim_verdicts(claims: pd.DataFrame, pairs: pd.DataFrame) -> pd.DataFrame:
    """One verdict per claim, from its pairs with other sources.

    Columns: claim_id, doc_id, subject, metric, partner, period, value, unit, verdict
    (``conflict`` if any other source's figure conflicts with it: the same period beyond
    rounding, or another period incompatibly; else ``agree`` if one agrees, else ``complementary`` if other sources give the same
    series for other periods compatibly, else ``uncorroborated``: no other source states
    this series), n_other_sources (documents with a claim on the same series),
    agreeing_claims, conflicting_claims (``;``-separated claim ids).
    """
    long = pd.concat([
        pairs.rename(columns={"claim_a": "claim_id", "claim_b": "other", "doc_b": "other_doc"})[["claim_id", "other", "other_doc", "verdict"]],
        pairs.rename(columns={"claim_b": "claim_id", "claim_a": "other", "doc_a": "other_doc"})[["claim_id", "other", "other_doc", "verdict"]],
    ], ignore_index=True)
    out = claims[["claim_id", "doc_id", "subject", "metric", "partner", "period", "value", "unit"]].copy()

    def summary(claim_id: str) -> tuple[str, int, str, str]:
        mine = long[long["claim_id"] == claim_id]
        agree = sorted(mine.loc[mine["verdict"] == "agree", "other"])
        conflict = sorted(mine.loc[mine["verdict"] == "conflict", "other"])
        if conflict:
            verdict = "conflict"
        elif agree:
            verdict = "agree"
        elif len(mine):
            verdict = "complementary"
        else:
            verdict = "uncorroborated"
        return verdict, mine["other_doc"].nunique(), ";".join(agree), ";".join(conflict)

    parts = [summary(c) for c in out["claim_id"]]
    out["verdict"] = [p[0] for p in parts]
    out["n_other_sources"] = [p[1] for p in parts]
    out["agreeing_claims"] = [p[2] for p in parts]
    out["conflicting_claims"] = [p[3] for p in parts]
    return out.sort_values("claim_id").reset_index(drop=True)


def series_verdicts(claims: pd.DataFrame, pairs: pd.DataFrame) -> pd.DataFrame:
    """One row per series stated by two or more documents.

    Columns: subject, metric, partner, unit, n_sources, sources (``;``-separated doc ids),
    periods (``;``-separated), values (``doc: value @ period`` joined by ``; ``), verdict
    (``conflict`` if any pair conflicts, else ``agree`` if any same-period pair agrees,
    else ``complementary``), n_agree, n_conflict, n_complementary (pairs).
    """
    rows = []
    for key, series in claims.groupby(SERIES_KEY, sort=True):
        if series["doc_id"].nunique() < 2:
            continue
        sel = pairs[(pairs["subject"] == key[0]) & (pairs["metric"] == key[1]) & (pairs["partner"] == key[2]) & (pairs["unit"] == key[3])]
        counts = sel["verdict"].value_counts()
        verdict = "conflict" if counts.get("conflict", 0) else "agree" if counts.get("agree", 0) else "complementary"
        series = series.sort_values(["doc_id", "period"])
        rows.append({
            "subject": key[0], "metric": key[1], "partner": key[2], "unit": key[3],
            "n_sources": series["doc_id"].nunique(), "sources": ";".join(sorted(series["doc_id"].unique())),
            "periods": ";".join(sorted({p or "(none)" for p in series["period"]})),
            "values": "; ".join(f"{r.doc_id}: {format_amount(r.value, r.unit)} @ {r.period or '(none)'}"
                                for r in series.itertuples()),
            "verdict": verdict, "n_agree": int(counts.get("agree", 0)), "n_conflict": int(counts.get("conflict", 0)),
            "n_complementary": int(counts.get("complementary", 0)),
        })
    columns = ["subject", "metric", "partner", "unit", "n_sources", "sources", "periods", "values", "verdict",
               "n_agree", "n_conflict", "n_complementary"]
    return pd.DataFrame(rows, columns=columns)


def uncorroborated_claims(verdicts: pd.DataFrame) -> pd.DataFrame:
    """Claims no other source states (any period): claim_id, doc_id, subject, metric,
    partner, period, value, unit."""
    sel = verdicts[verdicts["verdict"] == "uncorroborated"]
    return sel[["claim_id", "doc_id", "subject", "metric", "partner", "period", "value", "unit"]].reset_index(drop=True)




def event_pairs(events: pd.DataFrame) -> pd.DataFrame:
    """Every pair of mentions of the same ``event_key`` in two different documents.

    Two dates agree if they overlap at the coarser precision (``2022-05`` and
    ``2022-05-10`` agree). Columns: event_key, event_a, event_b, doc_a, doc_b, date_a,
    date_b, verdict (``agree`` / ``date_conflict``), gap_days (days between the nearest
    bounds of the two dates; 0 when they agree).
    """
    rows = []
    for key, group in events.groupby("event_key", sort=True):
        records = group.sort_values(["doc_id", "event_id"]).to_dict("records")
        for i, a in enumerate(records):
            for b in records[i + 1:]:
                if a["doc_id"] == b["doc_id"]:
                    continue
                gap = date_gap_days(a["date"], b["date"])
                rows.append({"event_key": key, "event_a": a["event_id"], "event_b": b["event_id"],
                             "doc_a": a["doc_id"], "doc_b": b["doc_id"], "date_a": a["date"], "date_b": b["date"],
                             "verdict": "agree" if gap == 0 else "date_conflict", "gap_days": gap})
    return pd.DataFrame(rows, columns=["event_key", "event_a", "event_b", "doc_a", "doc_b", "date_a", "date_b",
                                       "verdict", "gap_days"])


def event_verdicts(events: pd.DataFrame, pairs: pd.DataFrame) -> pd.DataFrame:
    """One verdict per event mention: event_id, doc_id, event_key, date, verdict
    (``date_conflict``, ``agree`` or ``uncorroborated``), n_other_sources."""
    long = pd.concat([pairs.rename(columns={"event_a": "event_id", "doc_b": "other_doc"})[["event_id", "other_doc", "verdict"]],
                      pairs.rename(columns={"event_b": "event_id", "doc_a": "other_doc"})[["event_id", "other_doc", "verdict"]]],
                     ignore_index=True)
    out = events[["event_id", "doc_id", "event_key", "date"]].copy()
    verdicts, others = [], []
    for event_id in out["event_id"]:
        mine = long[long["event_id"] == event_id]
        verdicts.append("date_conflict" if (mine["verdict"] == "date_conflict").any()
                        else "agree" if len(mine) else "uncorroborated")
        others.append(mine["other_doc"].nunique())
    out["verdict"], out["n_other_sources"] = verdicts, others
    return out.sort_values("event_id").reset_index(drop=True)


def agreement_matrix(claim_pairs_: pd.DataFrame, event_pairs_: pd.DataFrame, doc_ids: Iterable[str]) -> pd.DataFrame:
    """Source × source counts of agreements and conflicts (claims and events together).

    Long table, symmetric (each pair appears as (a, b) and (b, a)): doc_a, doc_b, agree,
    conflict (pairs of claims with the same period that conflict, pairs of complementary
    claims found incompatible, and event date conflicts), complementary (counts).
    """
    docs = sorted(doc_ids)
    both = pd.concat([
        claim_pairs_[["doc_a", "doc_b", "verdict"]],
        event_pairs_[["doc_a", "doc_b", "verdict"]].replace({"verdict": {"date_conflict": "conflict"}}),
    ], ignore_index=True)
    mirrored = pd.concat([both, both.rename(columns={"doc_a": "doc_b", "doc_b": "doc_a"})], ignore_index=True)
    grid = pd.MultiIndex.from_product([docs, docs], names=["doc_a", "doc_b"])
    counts = mirrored.groupby(["doc_a", "doc_b", "verdict"]).size().unstack("verdict")
    counts = counts.reindex(grid).fillna(0)
    for column in ["agree", "conflict", "complementary"]:
        if column not in counts:
            counts[column] = 0
    return counts[["agree", "conflict", "complementary"]].astype(int).reset_index()
