"""Fact-check verdicts: each checkable claim and dated event against its references.

Which claims are checkable, and which references bear on each, is curated in
``data/reference/claim_checks.csv`` and ``event_checks.csv``; the verdict is computed here.

Choosing the reference (never by closeness of value):

1. candidates: the references linked to the claim, plus every reference with the claim's
   subject, metric and partner;
2. *same definition*: the claim's metric and unit, and for trade Kazakhstan's own statistics
   (a partner-reported "mirror" figure is another definition);
3. *same period*: ``comparable.periods_match``; an undated claim speaks of the time of
   writing and matches references dated in the year before its document;
4. among those, the best source tier; among that tier, the most recently published figure
   decides, and the spread of all of them is shown.

Tolerance is the stated figure's own interval (``evidence.precision.stated_interval``: half
a unit of its last digit, widened by "about", one-sided for "over"), not a fixed percentage.

Verdicts (``FACTCHECK_VERDICTS``): ``holds``; ``differs``; ``period mismatch`` (references exist only
for other periods); ``definition mismatch`` (only another definition for the same period:
cumulative vs annual, stock vs flow, part vs aggregate, mirror vs reporter); ``wording``
(the text presents a target as achieved or the reverse); ``unverified`` (nothing usable:
``data/reference/searches.csv`` records the search); ``not checkable`` (opinion, plan,
forecast). A rank recomputed over all partners of the year in the trade table is a lower
bound on the place number, so it can only show that a stated rank is too high.
"""
from __future__ import annotations

import math
from datetime import date, timedelta

import pandas as pd

from kzanalysis.analysis.comparable import periods_match
from kzanalysis.analysis.formatting import format_amount
from kzanalysis.analysis.references import RANK_METRIC
from kzanalysis.analysis.trade_claims import TARGET_SUFFIX
from kzanalysis.analysis.trade_series import HOME_REPORTER
from kzanalysis.evidence.periods import period_bounds
from kzanalysis.evidence.precision import claim_intervals, in_interval

FACTCHECK_VERDICTS = ["holds", "differs", "period mismatch", "definition mismatch", "wording", "unverified",
            "not checkable"]
EVENT_VERDICTS = ["holds", "holds to the month", "differs", "unresolved to the day", "unverified",
                  "not checkable"]
#: Verdicts grouped for per-source reliability.
VERDICT_GROUPS = {"holds": "holds", "holds to the month": "holds", "differs": "differs",
                  "period mismatch": "period or definition mismatch",
                  "definition mismatch": "period or definition mismatch", "wording": "differs",
                  "unverified": "could not be verified", "unresolved to the day": "could not be verified"}
GROUP_ORDER = ["holds", "differs", "period or definition mismatch", "could not be verified"]

FACTCHECK_COLUMNS = ["claim_id", "doc_id", "quote", "metric", "partner", "period", "value", "unit", "qualifier",
                 "low", "high", "checkable", "checkable_reason", "verdict", "reference_id", "reference_value",
                 "reference_period", "reference_definition", "reference_tier", "reference_source",
                 "reference_url", "spread", "tier3_only", "explanation"]

def _linked(ids: str) -> list[str]:
    return [i for i in (ids or "").split(";") if i]


def _source(ref: pd.Series) -> str:
    when = f", {ref['published']}" if ref["published"] else ""
    return f"{ref['agency']} — {ref['publisher']}{when} (tier {int(ref['tier'])})"


def _undated_window(written: date | None) -> tuple[date, date] | None:
    return None if written is None else (written - timedelta(days=366), written)


def same_period(claim_period: str, ref_period: str, metric: str, written: date | None) -> bool:
    """Whether a reference's period is the claim's (an undated claim: the year before its document)."""
    if claim_period or not ref_period:
        return periods_match(claim_period, ref_period, metric)
    window = _undated_window(written)
    if window is None:
        return False
    first, last = period_bounds(ref_period)
    return first <= window[1] and window[0] <= last and (last - first).days <= 366


def same_definition(claim: pd.Series, ref: pd.Series) -> bool:
    """Same metric key and unit; for a trade figure, Kazakhstan's own statistics (not a mirror figure)."""
    return (ref["metric"] == claim["metric"] and ref["unit"] == claim["unit"]
            and ref["reporter"] in ("", HOME_REPORTER))


def candidates(claim: pd.Series, links: list[str], refs: pd.DataFrame) -> pd.DataFrame:
    """References linked to the claim plus those with its subject, metric and partner (sorted by ref_id)."""
    keyed = (refs["subject"] == claim["subject"]) & (refs["metric"] == claim["metric"]) & \
            (refs["partner"] == claim["partner"])
    return refs[keyed | refs["ref_id"].isin(links)].sort_values("ref_id")


def _decide(claim: pd.Series, pool: pd.DataFrame) -> tuple[pd.Series, str, str]:
    """Among same-period, same-definition references: (deciding reference, verdict, spread)."""
    best = pool[pool["tier"] == pool["tier"].min()]
    best = best.assign(_pub=best["published"].fillna("")).sort_values(["_pub", "ref_id"])
    ref = best.iloc[-1]
    values = sorted(set(pool["value"]))
    spread = "" if len(values) < 2 else " – ".join(format_amount(v, claim["unit"]) for v in (values[0], values[-1]))
    if claim["metric"] == RANK_METRIC and ref["kind"] == "computed":
        # a recomputed rank is a lower bound on the place number: it can refute, not confirm
        stated = [r for _, r in pool.iterrows() if r["kind"] != "computed"]
        if claim["value"] < ref["value"]:
            return ref, "differs", spread
        if stated:
            return _decide(claim, pd.DataFrame(stated))
        return ref, "unverified", spread
    inside = in_interval(ref["value"], (claim["low"], claim["high"]))
    return ref, "holds" if inside else "differs", spread


def _explain(claim: pd.Series, verdict: str, ref: pd.Series | None, others: pd.DataFrame) -> str:
    unit = claim["unit"]
    stated = format_amount(claim["value"], unit)
    if ref is None:
        return "no reference bears on this figure; see data/reference/searches.csv"
    value = format_amount(ref["value"], ref["unit"])
    where = f"{ref['agency']} via {ref['publisher']}"
    period = ref["period"] or "no period"
    if verdict == "holds":
        return f"{where}: {value} ({period}); stated {stated} is within its rounding"
    if verdict == "differs":
        if claim["metric"] == RANK_METRIC and ref["kind"] == "computed":
            return f"trade table: {ref['definition']}; at best rank {value.replace('rank ', '')}, not {stated}"
        return f"{where}: {value} ({period}); stated {stated}"
    if verdict == "period mismatch":
        periods = ", ".join(sorted(set(others["period"].replace("", "no period"))))
        return (f"references only for {periods}; none for {claim['period'] or 'the time of writing'} "
                f"(e.g. {where}: {value}, {period})")
    if verdict == "definition mismatch":
        fits = in_interval(ref["value"], (claim["low"], claim["high"]))
        what = ref["definition"] or ref["metric"].replace("_", " ")
        return (f"no figure of the same definition for {claim['period'] or 'the time of writing'}; "
                f"{what} ({where}) is {value}" + ("; the stated figure matches that definition" if fits else ""))
    if verdict == "wording":
        return f"{where}: {value} is a {'goal' if ref['metric'].endswith(TARGET_SUFFIX) else 'result'}; the text presents it as the other"
    return f"{ref['definition']}"


def check_claims(claims: pd.DataFrame, checks: pd.DataFrame, refs: pd.DataFrame,
                 sources: pd.DataFrame) -> pd.DataFrame:
    """One row per claim (``FACTCHECK_COLUMNS``): verdict, deciding reference, spread, explanation.

    ``checks``: data/reference/claim_checks.csv (claim_id, checkable, checkable_reason,
    reference_ids); ``refs``: ``references.reference_table``; ``sources``: seeds/sources.csv
    (the document date stands for an undated claim's period). Values in the claim's unit;
    ``spread`` is the range of same-period, same-definition references where they disagree;
    ``tier3_only`` is True when the deciding reference is tier 3.
    """
    written = {d: pd.Timestamp(t).date() for d, t in zip(sources["doc_id"], sources["date"])}
    meta = checks.set_index("claim_id")
    frame = claim_intervals(claims).sort_values("claim_id")
    rows = []
    for _, claim in frame.iterrows():
        row = {c: claim[c] for c in FACTCHECK_COLUMNS[:11]}
        info = meta.loc[claim["claim_id"]] if claim["claim_id"] in meta.index else None
        row.update(checkable=bool(info is not None and info["checkable"]),
                   checkable_reason="" if info is None else info["checkable_reason"],
                   reference_id="", reference_value=math.nan, reference_period="", reference_definition="",
                   reference_tier=pd.NA, reference_source="", reference_url="", spread="", tier3_only=False)
        if not row["checkable"]:
            row.update(verdict="not checkable", explanation=row["checkable_reason"] or "not curated as checkable")
            rows.append(row)
            continue
        pool = candidates(claim, _linked(info["reference_ids"]), refs)
        when = written.get(claim["doc_id"])
        interval = (claim["low"], claim["high"])
        period_ok = pd.Series([same_period(claim["period"], r["period"], claim["metric"], when)
                               for _, r in pool.iterrows()], index=pool.index, dtype=bool)
        definition_ok = pd.Series([same_definition(claim, r) for _, r in pool.iterrows()], index=pool.index,
                                  dtype=bool)
        ref, others = None, pool.iloc[0:0]
        target_pair = pool[(pool["metric"] + TARGET_SUFFIX == claim["metric"])
                           | (pool["metric"] == claim["metric"] + TARGET_SUFFIX)] if len(pool) else pool
        if len(pool) and (period_ok & definition_ok).any():
            ref, verdict, spread = _decide(claim, pool[period_ok & definition_ok])
            row["spread"] = spread
        elif any(in_interval(v, interval) for v in target_pair["value"]):
            verdict = "wording"
            ref = target_pair.iloc[0]
        elif len(pool) and (period_ok & ~definition_ok).any():
            verdict = "definition mismatch"
            other = pool[period_ok & ~definition_ok]
            fits = other[[in_interval(v, interval) for v in other["value"]]]
            ref = (fits if len(fits) else other).sort_values(["tier", "ref_id"]).iloc[0]
        elif len(pool) and definition_ok.any():
            verdict = "period mismatch"
            others = pool[definition_ok]
            ref = others.sort_values(["tier", "ref_id"]).iloc[0]
        else:
            verdict = "unverified"
        if ref is not None:
            row.update(reference_id=ref["ref_id"], reference_value=ref["value"], reference_period=ref["period"],
                       reference_definition=ref["definition"], reference_tier=int(ref["tier"]),
                       reference_source=_source(ref), reference_url=ref["url"], tier3_only=int(ref["tier"]) == 3)
        row.update(verdict=verdict, explanation=_explain(claim, verdict, ref, others))
        rows.append(row)
    out = pd.DataFrame(rows, columns=FACTCHECK_COLUMNS)
    out["reference_tier"] = out["reference_tier"].astype("Int64")
    return out.reset_index(drop=True)


EVENT_CHECK_COLUMNS = ["event_id", "doc_id", "quote", "event_key", "date", "date_precision", "checkable",
                       "checkable_reason", "verdict", "reference_id", "reference_date", "reference_tier",
                       "reference_source", "reference_url", "explanation"]


def check_events(events: pd.DataFrame, checks: pd.DataFrame, refs: pd.DataFrame) -> pd.DataFrame:
    """One row per event (``EVENT_CHECK_COLUMNS``): its date against the best-tier linked reference date.

    A text date known only to the month cannot be confirmed to the day: if the month agrees
    the verdict is ``holds to the month`` (and the reference gives the day), or ``unresolved
    to the day`` when no linked reference gives a day either. Dates that do not overlap
    ``differ``. The event is identified by curation (``event_checks.csv`` links it to its
    reference), never by the nearest date.
    """
    meta = checks.set_index("event_id")
    dated = refs[refs["metric"] == "event_date"].set_index("ref_id")
    rows = []
    for e in events.sort_values("event_id").itertuples():
        info = meta.loc[e.event_id] if e.event_id in meta.index else None
        row = {"event_id": e.event_id, "doc_id": e.doc_id, "quote": e.quote, "event_key": e.event_key,
               "date": e.date, "date_precision": e.date_precision,
               "checkable": bool(info is not None and info["checkable"]),
               "checkable_reason": "" if info is None else info["checkable_reason"],
               "reference_id": "", "reference_date": "", "reference_tier": pd.NA, "reference_source": "",
               "reference_url": ""}
        if not row["checkable"]:
            row.update(verdict="not checkable", explanation=row["checkable_reason"] or "not curated as checkable")
            rows.append(row)
            continue
        linked = [i for i in _linked(info["reference_ids"]) if i in dated.index]
        if not linked or not e.date:
            row.update(verdict="unverified", explanation="no dated reference; see data/reference/searches.csv")
            rows.append(row)
            continue
        pool = dated.loc[linked].reset_index()
        pool = pool.assign(_day=pool["period"].str.len() == 10).sort_values(["tier", "_day", "ref_id"],
                                                                            ascending=[True, False, True])
        ref = pool.iloc[0]
        (a0, a1), (b0, b1) = period_bounds(e.date), period_bounds(ref["period"])
        overlap = a0 <= b1 and b0 <= a1
        if not overlap:
            verdict = "differs"
            explanation = f"{ref['agency']} via {ref['publisher']}: {ref['period']}; the text gives {e.date}"
        elif e.date_precision == "day" and len(ref["period"]) == 10:
            verdict, explanation = "holds", f"{ref['agency']} via {ref['publisher']}: {ref['period']}"
        elif len(ref["period"]) == 10:
            verdict = "holds to the month"
            explanation = f"the text gives {e.date}; the day, {ref['period']}, is given by {ref['publisher']}"
        else:
            verdict = "unresolved to the day"
            explanation = (f"{ref['publisher']} confirms {ref['period']} but no linked source gives the day; "
                           "the official announcement (akorda.kz or the partner's ministry) would resolve it")
        row.update(verdict=verdict, explanation=explanation, reference_id=ref["ref_id"],
                   reference_date=ref["period"], reference_tier=int(ref["tier"]),
                   reference_source=_source(ref), reference_url=ref["url"])
        rows.append(row)
    out = pd.DataFrame(rows, columns=EVENT_CHECK_COLUMNS)
    out["reference_tier"] = out["reference_tier"].astype("Int64")
    return out
