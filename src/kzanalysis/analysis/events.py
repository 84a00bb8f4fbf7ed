"""analysis.events (from balance.py)."""
from __future__ import annotations

import pandas as pd

from kzanalysis.analysis.attention import PARTNER_VECTORS
from kzanalysis.evidence.periods import period_bounds

#: Event types counted as diplomatic events with a partner, and the group each is shown in.
EVENT_TYPE_GROUPS = {
    "visit": "visit or meeting", "meeting": "visit or meeting", "phone_call": "visit or meeting",
    "agreement": "agreement or memorandum", "memorandum": "agreement or memorandum",
    "summit": "summit or forum", "forum": "summit or forum",
}


def period_midpoint(period: str) -> pd.Timestamp:
    """The middle day of an ISO period or interval (``2022`` → 2022-07-02, ``2022-05-10`` → itself)."""
    first, last = period_bounds(period)
    return pd.Timestamp(first) + (pd.Timestamp(last) - pd.Timestamp(first)) / 2


def partner_events(events: pd.DataFrame, actors: pd.DataFrame,
                   type_groups: dict[str, str] | None = None,
                   vectors: list[str] | None = None) -> pd.DataFrame:
    """Diplomatic events with a partner, one row per (real-world event, partner vector).

    Events of the types in ``type_groups`` (default ``EVENT_TYPE_GROUPS``) whose actors
    include a partner vector; an event reported by several documents (same
    ``event_key``) counts once. An event with actors of two partner vectors (a summit)
    has a row for each.

    Columns: event_key, date (ISO period as in events.csv, from the first reporting
    document), date_precision, midpoint (Timestamp: middle of the period, for plotting),
    year (int, of the midpoint), type, type_group, vector, actors (the event's actor ids of
    that vector, ``;``-separated), n_docs (documents reporting the event), doc_ids
    (``;``-separated); sorted by midpoint, event_key, vector order.
    """
    groups = type_groups or EVENT_TYPE_GROUPS
    vectors = list(vectors or PARTNER_VECTORS)
    vector_of = actors.set_index("actor_id")["vector"]
    chosen = events[events["type"].isin(groups)].sort_values(["event_key", "doc_id"])
    rows = []
    for key, part in chosen.groupby("event_key", sort=True):
        first = part.iloc[0]
        names = sorted({a for cell in part["actors"] for a in str(cell).split(";") if a})
        for vector in vectors:
            members = [a for a in names if vector_of.get(a) == vector]
            if not members:
                continue
            midpoint = period_midpoint(first["date"])
            rows.append((key, first["date"], first["date_precision"], midpoint, midpoint.year, first["type"],
                         groups[first["type"]], vector, ";".join(members), part["doc_id"].nunique(),
                         ";".join(sorted(set(part["doc_id"])))))
    out = pd.DataFrame(rows, columns=["event_key", "date", "date_precision", "midpoint", "year", "type",
                                      "type_group", "vector", "actors", "n_docs", "doc_ids"])
    out["_v"] = out["vector"].map(vectors.index)
    return out.sort_values(["midpoint", "event_key", "_v"]).drop(columns="_v").reset_index(drop=True)


def events_per_vector(partner: pd.DataFrame, vectors: list[str] | None = None) -> pd.DataFrame:
    """Counts of partner events per vector and type group.

    Columns: vector, one column per type group (counts), total, first_year, last_year
    (years of the earliest and latest event; empty for none). One row per vector in order.
    """
    vectors = list(vectors or PARTNER_VECTORS)
    group_names = list(dict.fromkeys(EVENT_TYPE_GROUPS.values()))
    table = pd.crosstab(partner["vector"], partner["type_group"]).reindex(index=vectors, columns=group_names,
                                                                          fill_value=0)
    table.columns.name = None
    table["total"] = table.sum(axis=1)
    years = partner.groupby("vector")["year"]
    table["first_year"] = years.min().reindex(vectors).astype("Int64")
    table["last_year"] = years.max().reindex(vectors).astype("Int64")
    return table.rename_axis("vector").reset_index()
