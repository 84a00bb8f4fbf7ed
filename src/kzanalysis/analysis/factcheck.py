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

Special references: a linked date (``dates.csv``) stands for the year of a key fact
(``is_year_of_fact``: "member since 2015"); a duration claim (``*_years``) is compared with
the exact span between its linked dates (``span_references``; anniversaries in completed
years); a rank claim is refuted by a reference giving that place to another partner in the
same period (``rank_rivals``). Another definition of the same quantity (``same_quantity``:
``X_mirror``, a reserves aggregate and its parts, a cumulative total and one approval) gives
``definition mismatch``; a reference in another unit or about another partner is context only.

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
from collections.abc import Mapping
from datetime import date, timedelta

import pandas as pd

from kzanalysis.analysis.comparable import is_flow, periods_match
from kzanalysis.analysis.formatting import format_amount
from kzanalysis.analysis.references import RANK_METRIC
from kzanalysis.analysis.trade_claims import TARGET_SUFFIX
from kzanalysis.analysis.trade_series import HOME_REPORTER
from kzanalysis.evidence.periods import period_bounds
from kzanalysis.evidence.precision import claim_intervals, in_interval

FACTCHECK_VERDICTS = ["holds", "differs", "period mismatch", "definition mismatch", "wording", "unverified",
                      "not checkable", "not yet classified"]
EVENT_VERDICTS = ["holds", "holds to the month", "differs", "unresolved to the day", "unverified",
                  "not checkable", "not yet classified"]
#: Explanation of an item whose check row has no ``checkable`` value yet (added by ``kzanalysis accept``).
UNCLASSIFIED = "not yet classified as checkable or not: a to-do for a reviewer (data/reference/*_checks.csv)"
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

def _unclassified(info: Mapping | None) -> bool:
    """Whether a check row exists but its ``checkable`` is empty (a new item not yet reviewed)."""
    return info is not None and pd.isna(info["checkable"])


def _without_check(info: Mapping | None, reason: str) -> tuple[str, str] | None:
    """(verdict, explanation) of an item not checked against references: not yet classified, or
    not checkable; None for a checkable item."""
    if _unclassified(info):
        return "not yet classified", UNCLASSIFIED
    if not _checkable(info):
        return "not checkable", reason or "not curated as checkable"
    return None


def _checkable(info: Mapping | None) -> bool:
    """``checkable`` of a check row; False when there is no row or it is not yet classified."""
    return bool(info is not None and not pd.isna(info["checkable"]) and info["checkable"])


def _linked(ids: str) -> list[str]:
    return [i for i in (ids or "").split(";") if i]


def _source(ref: Mapping) -> str:
    when = f", {ref['published']}" if ref["published"] else ""
    return f"{ref['agency']} — {ref['publisher']}{when} (tier {int(ref['tier'])})"


def _undated_window(written: date | None) -> tuple[date, date] | None:
    return None if written is None else (written - timedelta(days=366), written)


#: Metrics whose value is the calendar year of a key fact (``membership_start``, ``chairmanship_year``):
#: the value is the date, so any reference of the fact speaks of the same period.
YEAR_OF_FACT_SUFFIXES = ("_year", "_start")


def is_year_of_fact(metric: str, unit: str) -> bool:
    """Whether a claim's value is the calendar year of a key fact (unit ``year``, metric ``*_year`` / ``*_start``)."""
    return unit == "year" and metric.endswith(YEAR_OF_FACT_SUFFIXES)


def dates_as_years(claim: pd.Series, pool: pd.DataFrame) -> pd.DataFrame:
    """For a year-of-fact claim, its linked reference dates (kind ``date``) as the year they give.

    A date reference of ``dates.csv`` has no value; linked by curation to a claim such as
    "became a WTO member in 2015", it stands for the year of its date (the first day of a range).
    """
    if not is_year_of_fact(claim["metric"], claim["unit"]) or not len(pool):
        return pool
    dated = pool["kind"] == "date"
    if not dated.any():
        return pool
    out = pool.assign(value=pool["value"].astype(float))
    out.loc[dated, "value"] = [float(p[:4]) for p in out.loc[dated, "period"]]
    out.loc[dated, ["metric", "unit", "subject", "partner"]] = [claim["metric"], "year", claim["subject"],
                                                              claim["partner"]]
    return out


#: Duration metrics counted in completed years (the 30th anniversary is reached after 30 full years).
ANNIVERSARY_METRICS = frozenset({"anniversary_years"})


def span_references(claim: pd.Series, pool: pd.DataFrame, written: date | None) -> pd.DataFrame:
    """For a duration claim (unit ``year``, metric ``*_years``), the years between its linked reference dates.

    Two or more linked dates: from the earliest to the latest; one date: from it to the
    claim's period end, or to the document's date for an undated claim ("the 30th
    anniversary", written in May 2022). Exact spans in years (days / 365.25), compared with
    the stated figure's rounding like any value. Returns computed references
    (``span:dA/dB``), tier = the weakest input.
    """
    dated = pool[pool["kind"] == "date"] if len(pool) else pool
    if claim["unit"] != "year" or not claim["metric"].endswith("_years") or not len(dated):
        return pool.iloc[0:0]
    starts = sorted((period_bounds(p)[0], i) for i, p in zip(dated["ref_id"], dated["period"]))
    first, first_id = starts[0]
    if len(starts) > 1:
        last, last_id = starts[-1]
    elif claim["period"] or written is not None:
        last, last_id = (period_bounds(claim["period"])[1] if claim["period"] else written), "text"
    else:
        return pool.iloc[0:0]
    inputs = dated[dated["ref_id"].isin([first_id, last_id])]
    years = (last - first).days / 365.25
    completed = claim["metric"] in ANNIVERSARY_METRICS
    if completed:  # an n-th anniversary is reached on the day n full years have passed
        years = float(last.year - first.year - ((last.month, last.day) < (first.month, first.day)))
    end = f"{last_id} ({last})" if last_id != "text" else f"the date of the text ({last})"
    row = {**inputs.iloc[0].to_dict(), "ref_id": f"span:{first_id}/{last_id}", "kind": "computed",
           "subject": claim["subject"], "metric": claim["metric"], "partner": claim["partner"],
           "period": claim["period"], "value": years, "unit": "year",
           "definition": f"{'completed ' if completed else ''}years from {first_id} ({first}) to {end}",
           "tier": int(inputs["tier"].max()),
           "inputs": ";".join(inputs["ref_id"])}
    return pd.DataFrame([row], columns=pool.columns)


#: Ordering claims checked against the order of their linked dates ("his first foreign visit").
ORDER_SUFFIX = "_visit_rank"


def order_references(claim: pd.Series, pool: pd.DataFrame) -> pd.DataFrame:
    """For an ordering claim (unit ``rank``, metric ``*_visit_rank``), its place among its linked dates.

    The linked dates (kind ``date``) are the visits curation found in the claim's window
    ("after the January events"); the claim's own visit is the one with its partner. Place =
    1 + the number of other partners visited earlier (first day of each date or range). A
    computed reference ``order:dA;dB…`` with tier = the weakest input; no own-partner date, or
    no date of another partner, no reference (a stated "first" then rests on its other references).
    """
    dated = pool[pool["kind"] == "date"] if len(pool) else pool
    if claim["unit"] != "rank" or not claim["metric"].endswith(ORDER_SUFFIX) or not len(dated):
        return pool.iloc[0:0]
    starts = pd.Series([period_bounds(p)[0] for p in dated["period"]], index=dated.index)
    own = starts[dated["partner"] == claim["partner"]]
    if not len(own) or (dated["partner"] == claim["partner"]).all():
        return pool.iloc[0:0]  # no other visit linked: the dates alone say nothing about the order
    first_by_partner = starts.groupby(dated["partner"]).min()
    earlier = sorted(p for p, s in first_by_partner.items() if p != claim["partner"] and s < own.min())
    ids = ";".join(sorted(dated["ref_id"]))
    listed = ", ".join(f"{p} ({first_by_partner[p]})" for p in earlier) or "none"
    row = {**dated.iloc[0].to_dict(), "ref_id": f"order:{ids}", "kind": "computed",
           "subject": claim["subject"], "metric": claim["metric"], "partner": claim["partner"],
           "period": claim["period"], "value": float(1 + len(earlier)), "unit": "rank",
           "definition": f"place of the visit to {claim['partner']} ({own.min()}) among the linked dated visits; "
                         f"earlier: {listed}",
           "tier": int(dated["tier"].max()), "inputs": ids}
    return pd.DataFrame([row], columns=pool.columns)


def periods_overlap(a: str, b: str) -> bool:
    """Whether two ISO periods share a day ('' overlaps nothing)."""
    if not a or not b:
        return False
    (a0, a1), (b0, b1) = period_bounds(a), period_bounds(b)
    return a0 <= b1 and b0 <= a1


def same_period(claim_period: str, ref_period: str, metric: str, written: date | None, unit: str = "") -> bool:
    """Whether a reference's period is the claim's (an undated claim: the year before its document).

    For a year-of-fact metric (``is_year_of_fact``) every reference of the fact qualifies: its
    value, not its period, says when the fact happened.
    """
    if is_year_of_fact(metric, unit):
        return True
    if claim_period or not ref_period:
        return periods_match(claim_period, ref_period, metric)
    window = _undated_window(written)
    if window is None:
        return False
    first, last = period_bounds(ref_period)
    return first <= window[1] and window[0] <= last and (last - first).days <= 366


def same_definition(claim: pd.Series, ref: pd.Series) -> bool:
    """Same subject, partner, metric key and unit; for a trade figure, Kazakhstan's own statistics (not a mirror figure).

    A linked reference about another partner (the Netherlands' rank beside South Korea's) is
    context, never the figure itself.
    """
    return (ref["metric"] == claim["metric"] and ref["unit"] == claim["unit"]
            and ref["subject"] == claim["subject"] and ref["partner"] == claim["partner"]
            and ref["reporter"] in ("", HOME_REPORTER))


#: Metric keys that measure the same quantity under another definition (an aggregate and its parts,
#: a running total and one approval, a stock and a flow); ``X_mirror`` / ``X_lower_bound`` are variants of ``X``.
DEFINITION_FAMILIES = (frozenset({"fx_reserves_total", "fx_reserves_nbk", "national_fund_assets"}),
                       frozenset({"financing_approved", "financing_cumulative"}),
                       frozenset({"fdi_cumulative", "fdi_gross_inflow"}))
VARIANT_SUFFIXES = ("_mirror", "_lower_bound")


def same_quantity(a: str, b: str) -> bool:
    """Whether metric keys ``a`` and ``b`` measure one quantity (equal, a variant, or one family)."""
    if a == b or any(a == b + x or b == a + x for x in VARIANT_SUFFIXES):
        return True
    return any(a in family and b in family for family in DEFINITION_FAMILIES)


def other_definition_of(claim: pd.Series, ref: pd.Series, definition_ok: bool, period_ok: bool) -> bool:
    """Whether ``ref`` is the claim's quantity under another definition, for the claim's period.

    Same unit, subject and partner, a metric of the same quantity (``same_quantity``), and the
    claim's period, or (not for flows) a period containing it: a cumulative total up to 2022
    bears on "approved in March 2022" as another definition.
    """
    if definition_ok or ref["unit"] != claim["unit"] or ref["partner"] != claim["partner"] \
            or ref["subject"] != claim["subject"] or not same_quantity(claim["metric"], ref["metric"]):
        return False
    if period_ok:
        return True
    if is_flow(claim["metric"]) or not claim["period"] or not ref["period"]:
        return False
    (c0, c1), (r0, r1) = period_bounds(claim["period"]), period_bounds(ref["period"])
    return r0 <= c0 and c1 <= r1


def rank_rivals(claim: pd.Series, pool: pd.DataFrame, period_ok: pd.Series) -> pd.DataFrame:
    """References giving the claim's place to another partner in the same period (a place is held by one)."""
    if claim["unit"] != "rank" or not claim["partner"] or not len(pool):
        return pool.iloc[0:0]
    mask = (period_ok & (pool["metric"] == claim["metric"]) & (pool["unit"] == "rank")
            & (pool["partner"] != claim["partner"]) & (pool["partner"] != "") & (pool["kind"] != "computed")
            & (pool["value"] == claim["value"]) & (pool["period"] != ""))
    return pool[mask]


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


def _places_apart(stated: float, reference: float) -> str:
    """How far apart two places are, in words ("differs by 1 place", "differs by 3 places")."""
    n = int(round(abs(float(stated) - float(reference))))
    return f"differs by {n} place{'' if n == 1 else 's'}"


def _explain(claim: pd.Series, verdict: str, ref: pd.Series | None, others: pd.DataFrame) -> str:
    unit = claim["unit"]
    stated = format_amount(claim["value"], unit)
    if ref is None:
        return "no reference bears on this figure; see data/reference/searches.csv"
    value = format_amount(ref["value"], ref["unit"])
    where = f"{ref['agency']} via {ref['publisher']}"
    period = ref["period"] or "no period"
    if verdict == "holds":
        if unit == "rank":  # a place has no rounding: it is the same or another
            return f"{where}: {value} ({period}); stated {stated}, the same place"
        return f"{where}: {value} ({period}); stated {stated} is within its rounding"
    if verdict == "differs":
        if ref["partner"] != claim["partner"] and ref["unit"] == "rank":
            return f"{where}: {ref['partner']} holds that place ({value}, {period}), not {claim['partner']}"
        if claim["metric"] == RANK_METRIC and ref["kind"] == "computed":
            return f"trade table: {ref['definition']}; at best rank {value.replace('rank ', '')}, not {stated}"
        if unit == "rank" and ref["unit"] == "rank":
            return f"{where}: {value} ({period}); stated {stated}, {_places_apart(claim['value'], ref['value'])}"
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


def _plain_strings(frame: pd.DataFrame) -> pd.DataFrame:
    """``frame`` with its string columns as Python objects (same values): the per-row work below runs ~1.5x faster."""
    strings = {c: object for c in frame.columns if pd.api.types.is_string_dtype(frame[c].dtype)
               and frame[c].dtype != object}
    return frame.astype(strings) if strings else frame


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
    frame = _plain_strings(claim_intervals(claims).sort_values("claim_id"))
    refs = _plain_strings(refs)
    rows = []
    for _, claim in frame.iterrows():
        row = {c: claim[c] for c in FACTCHECK_COLUMNS[:11]}
        info = meta.loc[claim["claim_id"]] if claim["claim_id"] in meta.index else None
        row.update(checkable=_checkable(info), checkable_reason="" if info is None else info["checkable_reason"],
                   reference_id="", reference_value=math.nan, reference_period="", reference_definition="",
                   reference_tier=pd.NA, reference_source="", reference_url="", spread="", tier3_only=False)
        if (outcome := _without_check(info, row["checkable_reason"])) is not None:
            row.update(verdict=outcome[0], explanation=outcome[1])
            rows.append(row)
            continue
        when = written.get(claim["doc_id"])
        pool = dates_as_years(claim, candidates(claim, _linked(info["reference_ids"]), refs))
        computed = pd.concat([span_references(claim, pool, when), order_references(claim, pool)])
        pool = pd.concat([pool, computed], ignore_index=True) if len(computed) else pool
        interval = (claim["low"], claim["high"])
        period_ok = pd.Series([same_period(claim["period"], r["period"], claim["metric"], when, claim["unit"])
                               for _, r in pool.iterrows()], index=pool.index, dtype=bool)
        definition_ok = pd.Series([same_definition(claim, r) for _, r in pool.iterrows()], index=pool.index,
                                  dtype=bool)
        other_definition = pd.Series([other_definition_of(claim, r, ok, p)
                                      for (_, r), ok, p in zip(pool.iterrows(), definition_ok, period_ok)],
                                     index=pool.index, dtype=bool)
        rivals = rank_rivals(claim, pool, period_ok)
        ref, others = None, pool.iloc[0:0]
        target_pair = pool[(pool["metric"] + TARGET_SUFFIX == claim["metric"])
                           | (pool["metric"] == claim["metric"] + TARGET_SUFFIX)] if len(pool) else pool
        if len(pool) and (period_ok & definition_ok).any():
            ref, verdict, spread = _decide(claim, pool[period_ok & definition_ok])
            row["spread"] = spread
        elif len(rivals):
            verdict = "differs"
            ref = rivals.sort_values(["tier", "ref_id"]).iloc[0]
        elif any(in_interval(v, interval) for v in target_pair["value"]):
            verdict = "wording"
            ref = target_pair.iloc[0]
        elif len(pool) and other_definition.any():
            verdict = "definition mismatch"
            other = pool[other_definition]
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
        explanation = _explain(claim, verdict, ref, others)
        if verdict == "differs" and len(pool):
            inside = pd.Series([in_interval(v, interval) for v in pool["value"]], index=pool.index, dtype=bool)
            fits = pool[other_definition & inside]
            if len(fits):
                alt = fits.sort_values(["tier", "ref_id"]).iloc[0]
                explanation += (f"; the stated figure matches another definition: {alt['definition']} "
                                f"({alt['publisher']}, {format_amount(alt['value'], alt['unit'])})")
        row.update(verdict=verdict, explanation=explanation)
        rows.append(row)
    out = pd.DataFrame(rows, columns=FACTCHECK_COLUMNS)
    out["reference_tier"] = out["reference_tier"].astype("Int64")
    return out.reset_index(drop=True)


EVENT_CHECK_COLUMNS = ["event_id", "doc_id", "quote", "event_key", "date", "date_precision", "checkable",
                       "checkable_reason", "verdict", "reference_id", "reference_date", "reference_tier",
                       "reference_source", "reference_url", "explanation"]


def check_events(events: pd.DataFrame, checks: pd.DataFrame, refs: pd.DataFrame) -> pd.DataFrame:
    """One row per event (``EVENT_CHECK_COLUMNS``): its date against the best-tier linked reference date.

    A text date holds when the reference date lies within it (a day, a range, or a year the
    text gives as a year). A text date known only to the month cannot be confirmed to the
    day: if the month agrees the verdict is ``holds to the month`` (and the reference gives
    the day), or ``unresolved to the day`` when no linked reference gives a day either (also
    when the reference is coarser than the text). Dates that do not overlap ``differ``. The event is identified by curation (``event_checks.csv`` links it to its
    reference), never by the nearest date.
    """
    # plain dicts, not a DataFrame lookup per event: the loop runs for every project copy `check` validates
    meta = {row["event_id"]: row for row in checks.to_dict("records")}
    dated: dict[str, list[dict]] = {}
    for ref in refs[refs["metric"] == "event_date"].to_dict("records"):
        dated.setdefault(ref["ref_id"], []).append(ref)
    rows = []
    for e in events.sort_values("event_id").itertuples():
        info = meta.get(e.event_id)
        row = {"event_id": e.event_id, "doc_id": e.doc_id, "quote": e.quote, "event_key": e.event_key,
               "date": e.date, "date_precision": e.date_precision,
               "checkable": _checkable(info),
               "checkable_reason": "" if info is None else info["checkable_reason"],
               "reference_id": "", "reference_date": "", "reference_tier": pd.NA, "reference_source": "",
               "reference_url": ""}
        if (outcome := _without_check(info, row["checkable_reason"])) is not None:
            row.update(verdict=outcome[0], explanation=outcome[1])
            rows.append(row)
            continue
        linked = [ref for i in _linked(info["reference_ids"]) for ref in dated.get(i, [])]
        if not linked or not e.date:
            row.update(verdict="unverified", explanation="no dated reference; see data/reference/searches.csv")
            rows.append(row)
            continue
        # the best tier first; within it a reference that gives the day, then by id
        ref = min(linked, key=lambda r: (r["tier"], len(r["period"]) != 10, r["ref_id"]))
        (a0, a1), (b0, b1) = period_bounds(e.date), period_bounds(ref["period"])
        overlap = a0 <= b1 and b0 <= a1
        within = a0 <= b0 and b1 <= a1  # the reference is as precise as the text, or more
        if not overlap:
            verdict = "differs"
            explanation = f"{ref['agency']} via {ref['publisher']}: {ref['period']}; the text gives {e.date}"
        elif within and e.date_precision != "month":
            # a day, a range or a year as the text gives it, confirmed at that precision
            verdict, explanation = "holds", f"{ref['agency']} via {ref['publisher']}: {ref['period']}"
        elif within and len(ref["period"]) == 10:
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
