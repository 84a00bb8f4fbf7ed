"""analysis.dating (from consistency.py)."""
from __future__ import annotations

from datetime import date

import pandas as pd

from kzanalysis.analysis.comparable import is_flow
from kzanalysis.evidence.periods import period_bounds

#: Event types dated by the period they plan or target (a strategy "until 2025", a
#: cooperation plan "for 2024"): such a date may lie after the text was written, so these
#: events never bound a writing date and are not date conflicts when they lie after it.
PLAN_TYPES = frozenset({"strategy"})


#: Claims that state a plan or target rather than a measured figure (qualifier, metric).
PLAN_QUALIFIERS = frozenset({"target"})


PLAN_METRIC_WORDS = ("_target", "_planned")


def _document_interval(source: pd.Series) -> tuple[date, date]:
    """The days a document's date (``date`` + ``date_precision``) covers."""
    day = pd.Timestamp(source["date"]).date()
    precision = source["date_precision"]
    text = day.isoformat() if precision == "day" else day.isoformat()[:7] if precision == "month" else day.isoformat()[:4]
    return period_bounds(text)


def event_date_checks(events: pd.DataFrame, sources: pd.DataFrame) -> pd.DataFrame:
    """Every event against the date of the document that mentions it.

    A document cannot report an event that starts after the last day its date allows.
    Columns: event_id, doc_id, event_date, date_basis (of the event: ``inferred`` where
    the text says e.g. "last July" and the curator resolved it from the document's date),
    document_date, document_date_basis, days_before_document (first day of the
    document's date minus the event's first day; negative: the event may start after
    the document's date begins), verdict (``consistent``; ``plan dated after the document``
    for a ``PLAN_TYPES`` event, whose date is the period planned; ``after the document's
    date`` otherwise: a date conflict).
    """
    src = sources.set_index("doc_id")
    rows = []
    for e in events.sort_values(["doc_id", "event_id"]).itertuples():
        s = src.loc[e.doc_id]
        d0, d1 = _document_interval(s)
        e0, e1 = period_bounds(e.date)
        rows.append({"event_id": e.event_id, "doc_id": e.doc_id, "event_date": e.date, "date_basis": e.date_basis,
                     "document_date": pd.Timestamp(s["date"]).strftime("%Y-%m-%d"),
                     "document_date_basis": s["date_basis"], "days_before_document": (d0 - e0).days,
                     "verdict": "consistent" if e0 <= d1 else "plan dated after the document" if e.type in PLAN_TYPES
                     else "after the document's date"})
    return pd.DataFrame(rows, columns=["event_id", "doc_id", "event_date", "date_basis", "document_date",
                                       "document_date_basis", "days_before_document", "verdict"])


def _is_plan_claim(claim: pd.Series) -> bool:
    return claim["qualifier"] in PLAN_QUALIFIERS or any(w in claim["metric"] for w in PLAN_METRIC_WORDS)


def document_date_bounds(events: pd.DataFrame, sources: pd.DataFrame, claims: pd.DataFrame | None = None) -> pd.DataFrame:
    """For every document, the lower bound on its writing date set by what it refers to.

    Events: the first day of the latest-starting event the document refers to (an event
    dated "2022-10-12/2022-10-13" bounds the text to 2022-10-12 or later: the most
    cautious reading); events of ``PLAN_TYPES`` are left out (their date is a period
    planned, not an event that happened). Claims (optional): the last day of the latest
    period of a measured flow (trade, growth: a figure for January–September 2023 is known
    only after that period ends); levels are left out (their period is often "now",
    resolved by the curator from the document's own date), and so are plans and targets.
    The bound is the later of the two.

    Columns: doc_id, n_events (events used), latest_event (event_id), latest_event_date
    (as written in events.csv), event_bound (ISO date), latest_claim (claim_id),
    latest_claim_period, claim_bound (ISO date, '' without claims), bound (the later
    bound), date (the document's date in sources.csv), date_precision, date_basis,
    days_after_bound (last day the document's date allows minus the bound; negative: the
    date is earlier than something the text describes), verdict (``consistent`` / ``date
    precedes what it refers to`` / ``nothing dated``).
    """
    rows = []
    for _, src in sources.sort_values("doc_id").iterrows():
        doc = src["doc_id"]
        mine = events[(events["doc_id"] == doc) & ~events["type"].isin(PLAN_TYPES)]
        _, d1 = _document_interval(src)
        row = {"doc_id": doc, "n_events": len(mine), "latest_event": "", "latest_event_date": "", "event_bound": "",
               "latest_claim": "", "latest_claim_period": "", "claim_bound": ""}
        candidates = []
        if len(mine):
            start, eid, written = max(((period_bounds(d)[0], i, d) for d, i in zip(mine["date"], mine["event_id"])),
                                      key=lambda t: (t[0], t[1]))
            row.update(latest_event=eid, latest_event_date=written, event_bound=start.isoformat())
            candidates.append(start)
        if claims is not None:
            measured = claims[(claims["doc_id"] == doc) & (claims["period"] != "")]
            measured = measured[[is_flow(c["metric"]) and not _is_plan_claim(c) for _, c in measured.iterrows()]]
            if len(measured):
                last, cid, period = max(((period_bounds(p)[1], i, p) for p, i in zip(measured["period"], measured["claim_id"])),
                                        key=lambda t: (t[0], t[1]))
                row.update(latest_claim=cid, latest_claim_period=period, claim_bound=last.isoformat())
                candidates.append(last)
        row.update(date=pd.Timestamp(src["date"]).strftime("%Y-%m-%d"), date_precision=src["date_precision"],
                   date_basis=src["date_basis"])
        if candidates:
            bound = max(candidates)
            days = (d1 - bound).days
            row.update(bound=bound.isoformat(), days_after_bound=days,
                       verdict="consistent" if days >= 0 else "date precedes what it refers to")
        else:
            row.update(bound="", days_after_bound=pd.NA, verdict="nothing dated")
        rows.append(row)
    frame = pd.DataFrame(rows)
    frame["days_after_bound"] = frame["days_after_bound"].astype("Int64")
    return frame[["doc_id", "n_events", "latest_event", "latest_event_date", "event_bound", "latest_claim",
                  "latest_claim_period", "claim_bound", "bound", "date", "date_precision", "date_basis",
                  "days_after_bound", "verdict"]]
