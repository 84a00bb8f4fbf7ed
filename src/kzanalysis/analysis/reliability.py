"""Per-source reliability: how the checkable claims of each document fare against references.

The verdicts of ``factcheck.check_claims`` (and optionally ``check_events``) are grouped
(``factcheck.VERDICT_GROUPS``: holds / differs / period or definition mismatch / could not be
verified) and counted per document; each share carries its Wilson score interval
(``stats.wilson_interval``, level ``stats.CONFIDENCE``). Claims that are not checkable
(opinion, plan, forecast) are left out of the denominator.
"""
from __future__ import annotations

from collections.abc import Iterable

import pandas as pd

from kzanalysis.analysis.factcheck import GROUP_ORDER, VERDICT_GROUPS
from kzanalysis.analysis.formatting import format_number
from kzanalysis.analysis.stats import wilson_interval

RELIABILITY_COLUMNS = ["doc_id", "group", "n", "n_checkable", "share", "low", "high"]


def verdict_group(verdict: str) -> str:
    """The reliability group of a verdict ('' for ``not checkable``)."""
    return VERDICT_GROUPS.get(verdict, "")


def source_reliability(checks: pd.DataFrame, doc_ids: Iterable[str]) -> pd.DataFrame:
    """Per document and verdict group: count, share of the document's checkable items, Wilson interval.

    ``checks``: rows with ``doc_id`` and ``verdict`` (``check_claims`` output, or claims and
    events concatenated). Columns (``RELIABILITY_COLUMNS``): doc_id; group (``GROUP_ORDER``);
    n (items in the group); n_checkable (the document's checkable items); share = n /
    n_checkable (NaN if none) and its interval low, high (shares in [0, 1]). One row per
    document and group, documents in the order given, zero counts kept.
    """
    grouped = checks.assign(group=checks["verdict"].map(verdict_group))
    grouped = grouped[grouped["group"] != ""]
    counts = grouped.groupby(["doc_id", "group"]).size()
    rows = []
    for doc in doc_ids:
        total = int(grouped["doc_id"].eq(doc).sum())
        for group in GROUP_ORDER:
            rows.append({"doc_id": doc, "group": group, "n": int(counts.get((doc, group), 0)), "n_checkable": total})
    out = pd.DataFrame(rows, columns=RELIABILITY_COLUMNS[:4])
    low, high = wilson_interval(out["n"], out["n_checkable"])
    out["share"] = (out["n"] / out["n_checkable"]).where(out["n_checkable"] > 0)
    out["low"], out["high"] = low, high
    return out[RELIABILITY_COLUMNS]


def reliability_for_reading(reliability: pd.DataFrame) -> pd.DataFrame:
    """One row per document: ``n (share; low–high)`` per group, with readable column labels."""
    def cell(r: pd.Series) -> str:
        if not r["n_checkable"]:
            return "–"
        return (f"{r['n']} ({format_number(r['share'], 'share')}; "
                f"{format_number(r['low'], 'share')}–{format_number(r['high'], 'share')})")
    wide = (reliability.assign(text=reliability.apply(cell, axis=1))
            .pivot(index="doc_id", columns="group", values="text"))
    wide = wide.reindex(index=list(dict.fromkeys(reliability["doc_id"])), columns=GROUP_ORDER)
    totals = reliability.drop_duplicates("doc_id").set_index("doc_id")["n_checkable"]
    wide.insert(0, "checkable claims", totals.reindex(wide.index))
    wide.columns = [c[0].upper() + c[1:] for c in wide.columns]
    return wide.rename_axis("Source").reset_index()
