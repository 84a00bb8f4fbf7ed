"""analysis.reference_checks (from consistency.py)."""
from __future__ import annotations

import math
from collections.abc import Iterable
from datetime import date

import pandas as pd

from kzanalysis.analysis.comparable import UNDATED_WINDOW_YEARS, date_gap_days, is_flow, periods_match, span_days
from kzanalysis.analysis.trade_checks import VERDICTS, reference_candidates, trade_reference_checks
from kzanalysis.evidence.periods import period_bounds
from kzanalysis.evidence.precision import claim_intervals, in_interval

#: A claim "holds" against a reference if the reference lies within the claim's stated
#: interval, or within this relative distance of the stated value: official statistics of
#: the same flow differ between agencies and revisions by a few percent (notebook 03).
REFERENCE_TOLERANCE = 0.05




#: ``trade.trade_reference_checks`` verdicts → the verdicts of ``reference_checks``.
TRADE_VERDICTS = dict(zip(VERDICTS, ["holds", "differs", "no reference"]))


REFERENCE_VERDICTS = ["holds", "differs", "no reference"]








def _near_document(fact_period: str, metric: str, written: date | None) -> bool:
    """Whether a dated reference can stand for an undated claim written on ``written``."""
    if written is None or not fact_period or is_flow(metric) or span_days(fact_period) > 366:
        return False
    first, last = period_bounds(fact_period)
    middle = first + (last - first) / 2
    return abs((middle - written).days) <= UNDATED_WINDOW_YEARS * 365.25


def _references_for(claim: pd.Series, facts: pd.DataFrame, written: date | None = None) -> list[tuple[float, str]]:
    """(value, source label) of every ``facts.csv`` value for one claim (``written``: the
    date of the claim's document, used for undated claims)."""
    same = facts[(facts["subject"] == claim["subject"]) & (facts["metric"] == claim["metric"])
                 & (facts["partner"] == claim["partner"]) & (facts["unit"] == claim["unit"])]
    same = same[[periods_match(claim["period"], p, claim["metric"])
                 or (not claim["period"] and _near_document(p, claim["metric"], written)) for p in same["period"]]]
    return [(float(f.value), f"facts.csv {f.fact_id} ({f.publisher}, {f.period or 'no period'})")
            for f in same.itertuples()]


def reference_checks(claims: pd.DataFrame, facts: pd.DataFrame, trade: pd.DataFrame,
                     sources: pd.DataFrame | None = None) -> pd.DataFrame:
    """Each claim against the reference values that share its key.

    Kazakhstan's trade claims (the metrics of ``trade.TRADE_CLAIM_METRICS``) get the verdict
    of ``trade.trade_reference_checks``, so that notebooks 03 and 04 judge them by one rule:
    Kazakhstan's own statistics first, the partner's mirror figure only where Kazakhstan's
    is missing, and ``holds`` only within the claim's stated interval.

    Every other claim is checked against ``facts.csv`` rows with the same (subject, metric,
    partner, unit) whose period matches (``periods_match``), and, for an undated claim
    (which speaks of the time of writing) of a level, those dated within
    ``UNDATED_WINDOW_YEARS`` of its document's date in ``sources`` (if given). Such a claim
    ``holds`` if the nearest reference lies within its stated interval or within
    ``REFERENCE_TOLERANCE`` of its value (a level quoted a year or two from the reference's
    date may have moved that much); else it ``differs``.

    Columns: claim_id, doc_id, subject, metric, partner, period, unit, value, low, high,
    n_references, reference_value (the reference nearest to the claim, in ``unit``),
    reference (its source), relative_error ((value − reference) / reference, a fraction,
    for the nearest reference), verdict (``holds``, ``differs``, ``no reference``).
    """
    frame = claim_intervals(claims)
    written = ({} if sources is None else
               {d: pd.Timestamp(t).date() for d, t in zip(sources["doc_id"], sources["date"])})
    trade_checks = trade_reference_checks(claims, trade, facts).set_index("claim_id")
    rows = []
    for _, claim in frame.sort_values("claim_id").iterrows():
        row = {c: claim[c] for c in ["claim_id", "doc_id", "subject", "metric", "partner", "period", "unit",
                                     "value", "low", "high"]}
        if claim["claim_id"] in trade_checks.index:
            check = trade_checks.loc[claim["claim_id"]]
            refs = reference_candidates(claim, trade, facts)
            error = check["relative_difference"]
            row.update(n_references=len(refs), reference_value=check["reference_value"],
                       reference=check["reference_source"], relative_error=error,
                       verdict=TRADE_VERDICTS[check["verdict"]])
            rows.append(row)
            continue
        refs = _references_for(claim, facts, written.get(claim["doc_id"]))
        row["n_references"] = len(refs)
        if not refs:
            row.update(reference_value=math.nan, reference="", relative_error=math.nan, verdict="no reference")
        else:
            value, source = min(refs, key=lambda r: (abs(r[0] - claim["value"]), r[1]))
            within = in_interval(value, (claim["low"], claim["high"]))
            error = (claim["value"] - value) / value if value else math.nan
            holds = within or (math.isfinite(error) and abs(error) <= REFERENCE_TOLERANCE)
            row.update(reference_value=value, reference=source, relative_error=error,
                       verdict="holds" if holds else "differs")
        rows.append(row)
    columns = ["claim_id", "doc_id", "subject", "metric", "partner", "period", "unit", "value", "low", "high",
               "n_references", "reference_value", "reference", "relative_error", "verdict"]
    return pd.DataFrame(rows, columns=columns)


#: ``facts.csv`` metric holding the reference date of an event (period = the date).
EVENT_DATE_METRIC = "event_date"


def event_reference_checks(events: pd.DataFrame, facts: pd.DataFrame) -> pd.DataFrame:
    """Each event against the reference dates of ``facts.csv`` (metric ``event_date``).

    A reference fact names the event by its actors (``subject``, and ``partner`` where
    given) and its year (``value``), with the date in ``period``. An event is matched to a
    fact when its ``actors`` include both and its date falls in that year; where one
    document has several such events, the one nearest the reference date is taken (the
    facts carry no event type, so this is the most charitable identification). The
    dates then hold if they overlap at the coarser precision.

    Columns: event_id, doc_id, event_key, date, fact_id, reference_date, gap_days (days
    between the nearest bounds), verdict (``holds`` / ``differs``). Events without a
    reference are not listed.
    """
    refs = facts[facts["metric"] == EVENT_DATE_METRIC]
    rows = []
    actor_sets = {e.event_id: set(e.actors.split(";")) for e in events.itertuples()}
    for f in refs.sort_values("fact_id").itertuples():
        wanted = {f.subject} | ({f.partner} if f.partner else set())
        year = (date(int(f.value), 1, 1), date(int(f.value), 12, 31))
        for doc, mine in events.groupby("doc_id", sort=True):
            candidates = []
            for e in mine.itertuples():
                e0, e1 = period_bounds(e.date)
                if wanted <= actor_sets[e.event_id] and e0 <= year[1] and year[0] <= e1:
                    candidates.append((date_gap_days(e.date, f.period), e.event_id, e))
            if not candidates:
                continue
            gap = min(c[0] for c in candidates)
            for g, _, e in sorted(candidates, key=lambda c: (c[0], c[1])):
                if g != gap:
                    break
                rows.append({"event_id": e.event_id, "doc_id": doc, "event_key": e.event_key, "date": e.date,
                             "fact_id": f.fact_id, "reference_date": f.period, "gap_days": g,
                             "verdict": "holds" if g == 0 else "differs"})
    return pd.DataFrame(rows, columns=["event_id", "doc_id", "event_key", "date", "fact_id", "reference_date",
                                       "gap_days", "verdict"]).sort_values(["doc_id", "event_id", "fact_id"]).reset_index(drop=True)


def reference_accuracy(checks: pd.DataFrame, doc_ids: Iterable[str]) -> pd.DataFrame:
    """Per source: n_claims, n_checkable (claims with a reference), n_hold, n_differ,
    share_hold (n_hold / n_checkable, a fraction; NaN if nothing is checkable),
    median_abs_error (median |relative error| of checkable claims, a fraction)."""
    rows = []
    for doc in sorted(doc_ids):
        mine = checks[checks["doc_id"] == doc]
        checkable = mine[mine["verdict"] != "no reference"]
        n_hold = int((checkable["verdict"] == "holds").sum())
        rows.append({"doc_id": doc, "n_claims": len(mine), "n_checkable": len(checkable), "n_hold": n_hold,
                     "n_differ": len(checkable) - n_hold,
                     "share_hold": n_hold / len(checkable) if len(checkable) else math.nan,
                     "median_abs_error": float(checkable["relative_error"].abs().median()) if len(checkable) else math.nan})
    return pd.DataFrame(rows)
