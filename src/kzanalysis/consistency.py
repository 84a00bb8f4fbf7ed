"""Source consistency: where the five documents agree, conflict, or stand alone.

Everything here is a pure function over the curated tables (``evidence.load_claims``,
``evidence.load_events``, ``reference.load_facts``, ``reference.load_trade``), the
gazetteer's mentions (``build.corpus_mentions``) and the sentences of the corpus. The
notebook ``04_source_consistency`` calls these functions in order:

1. **Precision of a stated figure.** ``kzanalysis.trade.stated_interval(value, quote,
   qualifier)`` (one implementation for the project) reads how a number is written
   ("5.3 billion" → ±0.05e9, "58%" → ±0.5, "17 fold" → ±0.5; ``approximate`` and ``over``
   from the claims' qualifier) and gives the half-open interval of values the sentence
   is compatible with. Two figures *agree* when their intervals overlap
   (``intervals_overlap``): within rounding of the less precise figure.
2. **Claims across sources.** ``claim_pairs`` compares every two claims of different
   documents that share (subject, metric, partner, unit): same period → ``agree`` or
   ``conflict``; different periods → ``complementary`` unless a check shows them
   incompatible (a part of a period larger than the whole; a stated growth rate that the
   two values contradict), then ``conflict``. ``claim_verdicts`` gives one verdict per
   claim (``uncorroborated`` where no other source states the same figure).
   ``event_pairs`` does the same for events sharing an ``event_key`` (``agree`` /
   ``date_conflict``).
3. **Claims against references.** ``reference_checks`` gives each claim a verdict
   (``holds`` / ``differs`` / ``no reference``) and its relative error against
   ``data/reference/facts.csv`` and ``data/reference/trade.csv``.
4. **Internal consistency.** ``arithmetic_checks`` (growth multiples, percentage changes,
   totals within one document) and ``event_date_checks`` (events against the document's
   own date).
5. **Dating.** ``document_date_bounds``: the latest event a document refers to bounds its
   writing date from below.
6. **Naming and text quality.** ``surface_forms``, ``origin_evidence``,
   ``unlisted_names``, ``misspellings`` / ``misspelling_rates`` (against an English word
   list passed in) and ``text_artefacts``.
7. **Profiles.** ``source_profiles`` (one row per source) and ``profile_paragraphs``
   (Markdown built from those measures only).

Figures (functions returning a matplotlib Figure) follow the computations.
"""
from __future__ import annotations

import math
import re
from collections.abc import Iterable
from datetime import date

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.ticker import MaxNLocator

from .figures import ACCENT, NEUTRAL
from .periods import period_bounds
from .trade import (VERDICTS, claim_intervals, format_amount as _trade_format, in_interval, reference_candidates,
                    trade_reference_checks)
from .wordlist import load_word_list  # noqa: F401  (used by notebook 04 as kc.load_word_list)

# --------------------------------------------------------------------------------------
# Constants
# --------------------------------------------------------------------------------------

#: A claim "holds" against a reference if the reference lies within the claim's stated
#: interval, or within this relative distance of the stated value: official statistics of
#: the same flow differ between agencies and revisions by a few percent (notebook 03).
REFERENCE_TOLERANCE = 0.05

#: An undated claim speaks of the time of writing: it is compared with references of a
#: level (not a flow, not a multi-year span) dated within this many years of its document.
UNDATED_WINDOW_YEARS = 5

#: Metrics whose values add up over time (a part of a period is at most the whole).
FLOW_METRICS = frozenset({"trade_turnover", "exports", "imports"})

#: Growth metrics (percent change over the previous comparable period) → the level metric.
GROWTH_SUFFIX = "_growth"
MULTIPLE_SUFFIX = "_growth_multiple"

#: ``trade.trade_reference_checks`` verdicts → the verdicts of ``reference_checks``.
TRADE_VERDICTS = dict(zip(VERDICTS, ["holds", "differs", "no reference"]))

#: Event types dated by the period they plan or target (a strategy "until 2025", a
#: cooperation plan "for 2024"): such a date may lie after the text was written, so these
#: events never bound a writing date and are not date conflicts when they lie after it.
PLAN_TYPES = frozenset({"strategy"})

#: Claims that state a plan or target rather than a measured figure (qualifier, metric).
PLAN_QUALIFIERS = frozenset({"target"})
PLAN_METRIC_WORDS = ("_target", "_planned")

#: Key of a claim (data/README.md); claims are compared only in the same unit.
CLAIM_KEY = ["subject", "metric", "partner", "period"]
SERIES_KEY = ["subject", "metric", "partner", "unit"]

#: Alias forms (data/aliases.csv) that say something about a text's origin.
ORIGIN_FORMS = ("transliteration", "misspelling")

#: Verdict order used in tables and figures.
CLAIM_VERDICTS = ["agree", "conflict", "complementary", "uncorroborated"]
REFERENCE_VERDICTS = ["holds", "differs", "no reference"]

#: Colours of verdicts (Paul Tol "bright": colour-blind safe).
VERDICT_COLOURS = {"agree": "#228833", "holds": "#228833", "conflict": "#EE6677",
                   "differs": "#EE6677", "complementary": "#4477AA", "uncorroborated": "#BBBBBB",
                   "no reference": "#BBBBBB", "date_conflict": "#EE6677"}

_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")

def format_amount(value: float, unit: str) -> str:
    """A value for reading (``kzanalysis.trade.format_amount``), years written plainly (2009)."""
    return f"{value:.0f}" if unit == "year" else _trade_format(value, unit)


# --------------------------------------------------------------------------------------
# 1. Comparing stated intervals (the intervals themselves come from kzanalysis.trade)
# --------------------------------------------------------------------------------------

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


# --------------------------------------------------------------------------------------
# 2. Claims and events across sources
# --------------------------------------------------------------------------------------

def _bounds(period: str) -> tuple[date, date] | None:
    return period_bounds(period) if period else None


def _previous_comparable(period: str) -> str:
    """The same period one year earlier: ``2021`` → ``2020``; ``2023-01/2023-09`` → ``2022-01/2022-09``."""
    def shift(part: str) -> str:
        return f"{int(part[:4]) - 1:04d}{part[4:]}"
    return "/".join(shift(p) for p in period.split("/"))


def _growth_interval(v1: tuple[float, float], v2: tuple[float, float]) -> tuple[float, float]:
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
    if _previous_comparable(late["period"]) == early["period"]:
        stated = growth[(growth["subject"] == a["subject"]) & (growth["partner"] == a["partner"])
                        & (growth["metric"] == a["metric"] + GROWTH_SUFFIX) & (growth["period"] == late["period"])]
        for g in stated.itertuples():
            implied = _growth_interval((early["low"], early["high"]), (late["low"], late["high"]))
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


def date_gap_days(a: str, b: str) -> int:
    """Days between the nearest bounds of two ISO periods (0 if they overlap)."""
    (a0, a1), (b0, b1) = period_bounds(a), period_bounds(b)
    return max(0, (b0 - a1).days, (a0 - b1).days)


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


# --------------------------------------------------------------------------------------
# 3. Claims against references
# --------------------------------------------------------------------------------------

def _is_flow(metric: str) -> bool:
    """Metrics whose value depends on the length of the period (trade flows, growth rates)."""
    return metric in FLOW_METRICS or metric.endswith(GROWTH_SUFFIX) or metric.endswith(MULTIPLE_SUFFIX)


def periods_match(claim_period: str, fact_period: str, metric: str) -> bool:
    """Whether a reference's period is the claim's period.

    Equal periods always match, and an undated claim matches only an undated reference (a
    target, say). For a level that is not a flow (a stock, a rank, a share, a count), a
    period that overlaps the claim's at the coarser precision also matches ("2022" and
    "2022-05"; "2022-05" and "2022-05-10"), unless either spans more than a year; a flow or
    a growth rate needs the same period (a half-year's trade is not a year's). Used both
    between two sources and between a source and a reference.
    """
    if claim_period == fact_period:
        return True
    if not claim_period or not fact_period or _is_flow(metric):
        return False
    if any(_span_days(p) > 366 for p in (claim_period, fact_period)):
        return False  # a multi-year span ("1991/2021", cumulative) is a different quantity
    return date_gap_days(claim_period, fact_period) == 0


def _span_days(period: str) -> int:
    first, last = period_bounds(period)
    return (last - first).days + 1


def _near_document(fact_period: str, metric: str, written: date | None) -> bool:
    """Whether a dated reference can stand for an undated claim written on ``written``."""
    if written is None or not fact_period or _is_flow(metric) or _span_days(fact_period) > 366:
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


# --------------------------------------------------------------------------------------
# 4. Internal consistency
# --------------------------------------------------------------------------------------

def _check_row(doc: str, check: str, claim_ids: Iterable[str], stated: str, computed: str, verdict: str, note: str) -> dict:
    return {"doc_id": doc, "check": check, "claims": ";".join(claim_ids), "stated": stated,
            "computed": computed, "verdict": verdict, "note": note}


def arithmetic_checks(claims: pd.DataFrame) -> pd.DataFrame:
    """Arithmetic within each document, from its own claims.

    - growth multiple: a ``*_growth_multiple`` claim against the ratio of the latest to
      the earliest value of the level metric in the same document;
    - percent change: a ``*_growth`` claim against the level values of its period and the
      previous comparable period in the same document; where the document gives only the
      later value, the implied earlier value is reported (``not checkable``);
    - totals: ``exports`` + ``imports`` against ``trade_turnover`` for the same period;
    - repeats: the same key stated twice in one document with values that do not agree.

    Columns: doc_id, check (``growth multiple``, ``percent change``, ``total``,
    ``repeat``), claims (``;``-separated ids), stated, computed (readable strings),
    verdict (``consistent``, ``inconsistent``, ``not checkable``), note.
    """
    frame = claim_intervals(claims)
    rows = []
    for doc, mine in frame.groupby("doc_id", sort=True):
        for _, m in mine[mine["metric"].str.endswith(MULTIPLE_SUFFIX)].iterrows():
            base = m["metric"][:-len(MULTIPLE_SUFFIX)]
            levels = mine[(mine["metric"] == base) & (mine["subject"] == m["subject"]) & (mine["partner"] == m["partner"])]
            levels = levels[levels["period"] != ""].copy()
            if len(levels) < 2:
                rows.append(_check_row(doc, "growth multiple", [m["claim_id"]], format_amount(m["value"], m["unit"]), "", "not checkable",
                                       f"fewer than two {base} values in the document"))
                continue
            levels["start"] = [period_bounds(p)[0] for p in levels["period"]]
            first, last = levels.sort_values("start").iloc[0], levels.sort_values("start").iloc[-1]
            ratio = (last["low"] / first["high"], last["high"] / first["low"])
            ok = intervals_overlap(ratio, (m["low"], m["high"]))
            rows.append(_check_row(doc, "growth multiple", [m["claim_id"], first["claim_id"], last["claim_id"]],
                                   format_amount(m["value"], m["unit"]),
                                   f"×{last['value'] / first['value']:.1f} ({format_amount(last['value'], last['unit'])} / "
                                   f"{format_amount(first['value'], first['unit'])})",
                                   "consistent" if ok else "inconsistent",
                                   f"{base} {first['period']} → {last['period']}"))
        growth = mine[mine["metric"].str.endswith(GROWTH_SUFFIX) & (mine["unit"] == "percent")]
        for _, g in growth.iterrows():
            base = g["metric"][:-len(GROWTH_SUFFIX)]
            same = mine[(mine["metric"] == base) & (mine["subject"] == g["subject"]) & (mine["partner"] == g["partner"])]
            later = same[same["period"] == g["period"]]
            earlier = same[same["period"] == _previous_comparable(g["period"])] if g["period"] else same.iloc[0:0]
            if len(later) and len(earlier):
                lv, ev = later.iloc[0], earlier.iloc[0]
                implied = _growth_interval((ev["low"], ev["high"]), (lv["low"], lv["high"]))
                ok = intervals_overlap(implied, (g["low"], g["high"]))
                rows.append(_check_row(doc, "percent change", [g["claim_id"], ev["claim_id"], lv["claim_id"]],
                                       f"{g['value']:+g}%", f"{100 * (lv['value'] / ev['value'] - 1):+.1f}%",
                                       "consistent" if ok else "inconsistent", f"{base} {ev['period']} → {lv['period']}"))
            elif len(later):
                lv = later.iloc[0]
                previous = lv["value"] / (1 + g["value"] / 100)
                rows.append(_check_row(doc, "percent change", [g["claim_id"], lv["claim_id"]], f"{g['value']:+g}%",
                                       f"implies {base} {_previous_comparable(g['period'])} = {format_amount(previous, lv['unit'])}",
                                       "not checkable", "the document gives no value for the earlier period"))
        for period in sorted(set(mine["period"]) - {""}):
            parts = {m: mine[(mine["metric"] == m) & (mine["period"] == period) & (mine["unit"] == "usd")]
                     for m in ("exports", "imports", "trade_turnover")}
            if all(len(p) for p in parts.values()):
                for partner in sorted(set(parts["trade_turnover"]["partner"])):
                    x = parts["exports"][parts["exports"]["partner"] == partner]
                    i = parts["imports"][parts["imports"]["partner"] == partner]
                    t = parts["trade_turnover"][parts["trade_turnover"]["partner"] == partner]
                    if len(x) and len(i):
                        x, i, t = x.iloc[0], i.iloc[0], t.iloc[0]
                        total = (x["low"] + i["low"], x["high"] + i["high"])
                        ok = intervals_overlap(total, (t["low"], t["high"]))
                        rows.append(_check_row(doc, "total", [t["claim_id"], x["claim_id"], i["claim_id"]],
                                               format_amount(t["value"], "usd"),
                                               f"{format_amount(x['value'] + i['value'], 'usd')} (exports + imports)",
                                               "consistent" if ok else "inconsistent", f"{partner or 'world'} {period}"))
        for key, same in mine.groupby(CLAIM_KEY + ["unit"], sort=True):
            if len(same) < 2:
                continue
            records = same.sort_values("claim_id").to_dict("records")
            first = records[0]
            for other in records[1:]:
                ok = intervals_overlap((first["low"], first["high"]), (other["low"], other["high"]))
                rows.append(_check_row(doc, "repeat", [first["claim_id"], other["claim_id"]],
                                       format_amount(first["value"], first["unit"]),
                                       format_amount(other["value"], other["unit"]), "consistent" if ok else "inconsistent",
                                       f"{key[1]} {key[2] or ''} {key[3] or '(no period)'}".replace("  ", " ")))
    return pd.DataFrame(rows, columns=["doc_id", "check", "claims", "stated", "computed", "verdict", "note"])


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


# --------------------------------------------------------------------------------------
# 5. Dating the undated
# --------------------------------------------------------------------------------------

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
            measured = measured[[_is_flow(c["metric"]) and not _is_plan_claim(c) for _, c in measured.iterrows()]]
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


# --------------------------------------------------------------------------------------
# 6. Naming, translation and text quality
# --------------------------------------------------------------------------------------

def surface_forms(mentions: pd.DataFrame) -> pd.DataFrame:
    """How often each document writes each surface form of each actor.

    Columns: actor_id, doc_id, form (the text as matched, e.g. ``Türkiye``), n (count).
    """
    counts = mentions.groupby(["actor_id", "doc_id", "matched"]).size().rename("n").reset_index()
    counts = counts.rename(columns={"matched": "form"})
    return counts.sort_values(["actor_id", "doc_id", "n", "form"], ascending=[True, True, False, True]).reset_index(drop=True)


def naming_table(forms: pd.DataFrame, actors: pd.DataFrame, doc_ids: Iterable[str],
                 only_varied: bool = True) -> pd.DataFrame:
    """Actor × source table of surface forms: one row per actor, one column per document
    holding ``form (n); form (n)`` (most frequent first, '' where not mentioned).

    Columns: actor_id, name, n_forms (distinct forms across the corpus, compared
    case-insensitively), then one column per doc_id. With ``only_varied`` only actors
    written in more than one way are kept.
    """
    docs = sorted(doc_ids)
    rows = []
    names = actors.set_index("actor_id")["name"]
    for actor, group in forms.groupby("actor_id", sort=True):
        n_forms = group["form"].str.casefold().nunique()
        if only_varied and n_forms < 2:
            continue
        row = {"actor_id": actor, "name": names.get(actor, actor), "n_forms": n_forms}
        for doc in docs:
            mine = group[group["doc_id"] == doc]
            row[doc] = "; ".join(f"{f} ({n})" for f, n in zip(mine["form"], mine["n"]))
        rows.append(row)
    return pd.DataFrame(rows, columns=["actor_id", "name", "n_forms", *docs])


def origin_evidence(mentions: pd.DataFrame, aliases: pd.DataFrame) -> pd.DataFrame:
    """Mentions whose alias is a transliteration or a misspelling (``aliases.csv`` form):
    evidence of where a text comes from (a German transliteration in an English text).

    Columns: doc_id, actor_id, form (as matched), alias_form (``transliteration`` /
    ``misspelling``), n (mentions), notes (from aliases.csv).
    """
    info = aliases.drop_duplicates("alias").set_index("alias")[["form", "notes"]].rename(columns={"form": "alias_form"})
    joined = mentions.join(info, on="alias")
    sel = joined[joined["alias_form"].isin(ORIGIN_FORMS)]
    out = sel.groupby(["doc_id", "actor_id", "matched", "alias_form", "notes"]).size().rename("n").reset_index()
    out = out.rename(columns={"matched": "form"})
    return out[["doc_id", "actor_id", "form", "alias_form", "n", "notes"]].sort_values(["doc_id", "actor_id", "form"]).reset_index(drop=True)


_CAPITALISED = re.compile(
    r"(?<![\w’'])[A-Z][\w’'\-]*(?:[ \t]+(?:(?:of|the|for|on|de|al|bin)[ \t]+)?[A-Z][\w’'\-]*)*")


#: Capitalised words that are never names of actors (months, days, titles).
NOT_NAMES = frozenset({
    "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
    "November", "December", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
    "Mr", "Mrs", "Ms", "Dr", "Prof",
})


def _strip_possessive(word: str) -> str:
    return re.sub(r"['’]s$", "", word)


def unlisted_names(sentences: pd.DataFrame, mentions: pd.DataFrame, words: set[str] | None = None) -> pd.DataFrame:
    """Capitalised names that the gazetteer does not list, ranked by frequency.

    Runs of capitalised words (joined by ``of``, ``the``, ``for`` ...) in sentences and
    bullets (not headings); a gazetteer mention breaks a run and is not part of it. A single
    word is dropped if it only ever opens a sentence (``Moreover``), or if its lower-case
    form occurs in lower case elsewhere in the corpus or in ``words`` (an English word
    list, optional): it is then an ordinary word, not a name. Months, days and titles
    (``NOT_NAMES``) are dropped.

    Columns: name, n (occurrences), n_docs, docs (``;``-separated doc ids).
    """
    body = sentences[sentences["kind"] != "heading"]
    lower_vocab = {w for s in body["sentence"] for w in _WORD.findall(s) if w[0].islower()}
    spans: dict[str, list[tuple[int, int]]] = {}
    for m in mentions.itertuples():
        spans.setdefault(m.doc_id, []).append((m.start, m.end))
    found = []
    for s in body.itertuples():
        chars = list(s.sentence)
        for a, b in spans.get(s.doc_id, []):  # a gazetteer mention breaks a run of capitals
            for i in range(max(a - s.start, 0), min(b - s.start, len(chars))):
                chars[i] = "|"
        for m in _CAPITALISED.finditer("".join(chars)):
            name = _strip_possessive(m.group(0).strip("-’'"))
            found.append((name, s.doc_id, m.start() == 0))
    frame = pd.DataFrame(found, columns=["name", "doc_id", "initial"])
    if frame.empty:
        return pd.DataFrame(columns=["name", "n", "n_docs", "docs"])
    frame = frame[~frame["name"].isin(NOT_NAMES)]
    single = ~frame["name"].str.contains(r"\s")
    ordinary = frame["name"].str.lower().isin(lower_vocab) | (frame["name"].str.lower().isin(words) if words else False)
    only_initial = frame.groupby("name")["initial"].transform("all")
    frame = frame[~(single & (ordinary | only_initial))]
    out = frame.groupby("name").agg(n=("doc_id", "size"), n_docs=("doc_id", "nunique"),
                                    docs=("doc_id", lambda d: ";".join(sorted(set(d))))).reset_index()
    return out.sort_values(["n", "n_docs", "name"], ascending=[False, False, True]).reset_index(drop=True)


def word_tokens(sentences: pd.DataFrame, mentions: pd.DataFrame) -> pd.DataFrame:
    """Alphabetic word tokens of the analysed text (page furniture excluded), with a flag
    for tokens inside a gazetteer mention.

    Columns: doc_id, token (possessive ’s removed), capitalised (bool), in_name (bool:
    inside a gazetteer mention), start (offset in the seed text).
    """
    spans: dict[str, list[tuple[int, int]]] = {}
    for m in mentions.itertuples():
        spans.setdefault(m.doc_id, []).append((m.start, m.end))
    rows = []
    for s in sentences.sort_values(["doc_id", "sentence_id"]).itertuples():
        for m in _WORD.finditer(s.sentence):
            start = s.start + m.start()
            inside = any(a <= start < b for a, b in spans.get(s.doc_id, []))
            token = _strip_possessive(m.group(0))
            rows.append((s.doc_id, token, token[0].isupper(), inside, start))
    return pd.DataFrame(rows, columns=["doc_id", "token", "capitalised", "in_name", "start"])


def misspellings(tokens: pd.DataFrame, words: set[str]) -> pd.DataFrame:
    """Tokens not in the English word list ``words`` (compared in lower case).

    Only tokens outside gazetteer names and not capitalised are judged (a capitalised
    word mid-text is most often a name the word list cannot know). Columns: doc_id,
    token, n (occurrences).
    """
    lexicon = {w.casefold() for w in words}
    judged = tokens[~tokens["in_name"] & ~tokens["capitalised"]]
    unknown = judged[~judged["token"].str.casefold().isin(lexicon)]
    out = unknown.groupby(["doc_id", "token"]).size().rename("n").reset_index()
    return out.sort_values(["doc_id", "token"]).reset_index(drop=True)


def misspelling_rates(tokens: pd.DataFrame, words: set[str] | None) -> pd.DataFrame:
    """Per document: n_words (all word tokens), n_judged (lower-case tokens outside names),
    n_unknown (judged tokens not in ``words``), per_1000_words (n_unknown per 1,000 judged
    tokens). Without a word list (``words`` is None) the last two are missing."""
    rows = []
    bad = misspellings(tokens, words) if words is not None else None
    for doc, mine in tokens.groupby("doc_id", sort=True):
        judged = int((~mine["in_name"] & ~mine["capitalised"]).sum())
        n_unknown = int(bad.loc[bad["doc_id"] == doc, "n"].sum()) if bad is not None else pd.NA
        rows.append({"doc_id": doc, "n_words": len(mine), "n_judged": judged, "n_unknown": n_unknown,
                     "per_1000_words": (1000 * n_unknown / judged if judged else math.nan) if bad is not None else math.nan})
    frame = pd.DataFrame(rows)
    frame["n_unknown"] = frame["n_unknown"].astype("Int64")
    return frame


#: Text artefacts counted by ``text_artefacts``: name → (regular expression, what it shows).
ARTEFACT_PATTERNS = {
    "space before punctuation": (r"\w[ \t]+[,;:](?=\s)", "typesetting slip or scraped widget (“Wednesday , July”)"),
    "no space after punctuation": (r"[a-z][,;][A-Za-z]", "words run together (“conflicts,received”)"),
    "opening quote as apostrophe": (r"\w‘s\b", "a left quotation mark used as an apostrophe (“Erdoğan‘s”)"),
    "doubled word": (r"\b(\w+)\s+\1\b", "a word written twice"),
}


def text_artefacts(sentences: pd.DataFrame, tokens: pd.DataFrame, exclusions: pd.DataFrame,
                   origin: pd.DataFrame, doc_ids: Iterable[str]) -> pd.DataFrame:
    """Signs of scraping and translation per document (counts).

    Columns: doc_id, excluded_spans (page furniture cut out by ``seeds/exclusions.csv``),
    excluded_chars, one column per ``ARTEFACT_PATTERNS`` entry (matches in the analysed
    sentences), foreign_letter_in_word (a dotless ı, ş or ğ inside a word that is written
    elsewhere in the corpus with plain letters: “Confıdence”, a Turkish keyboard),
    transliterations, misspelled_names (gazetteer mentions whose alias form says so).
    """
    rows = []
    plain = {t.casefold() for t in tokens["token"]}
    swap = str.maketrans({"ı": "i", "ş": "s", "ğ": "g"})
    for doc in sorted(doc_ids):
        sents = sentences[sentences["doc_id"] == doc]["sentence"]
        excl = exclusions[exclusions["doc_id"] == doc]
        row = {"doc_id": doc, "excluded_spans": len(excl), "excluded_chars": int(excl["quote"].str.len().sum())}
        for name, (pattern, _) in ARTEFACT_PATTERNS.items():
            row[name] = int(sum(len(re.findall(pattern, s)) for s in sents))
        mine = tokens[tokens["doc_id"] == doc]["token"]
        row["foreign_letter_in_word"] = int(sum(1 for t in mine if re.search("[ışğ]", t)
                                                and t.translate(swap).casefold() in plain))
        o = origin[origin["doc_id"] == doc]
        row["transliterations"] = int(o.loc[o["alias_form"] == "transliteration", "n"].sum())
        row["misspelled_names"] = int(o.loc[o["alias_form"] == "misspelling", "n"].sum())
        rows.append(row)
    return pd.DataFrame(rows)


# --------------------------------------------------------------------------------------
# 7. Source profiles
# --------------------------------------------------------------------------------------

def source_profiles(sources: pd.DataFrame, verdicts: pd.DataFrame, events_v: pd.DataFrame,
                    accuracy: pd.DataFrame, rates: pd.DataFrame, artefacts: pd.DataFrame,
                    bounds: pd.DataFrame) -> pd.DataFrame:
    """One row per source, every measure of this module side by side.

    Columns: doc_id, outlet, perspective, date, date_basis, n_claims, n_shared (claims
    on a series another source also states), n_corroborated (claims another source
    agrees with), corroborated_share (n_corroborated / n_claims), n_conflicts (claims in
    conflict with another source), n_events, events_corroborated, event_conflicts,
    n_checkable, reference_share (share of checkable claims that hold; NaN if none),
    median_abs_error (fraction), unknown_per_1000 (words outside the word list per
    1,000, NaN without a list), artefacts (sum of the artefact counts outside excluded
    spans), excluded_spans, origin_forms (transliterations + misspelled names),
    date_verdict (from ``document_date_bounds``).
    """
    rows = []
    artefact_columns = [*ARTEFACT_PATTERNS, "foreign_letter_in_word"]
    for s in sources.sort_values(["date", "doc_id"]).itertuples():
        v = verdicts[verdicts["doc_id"] == s.doc_id]
        ev = events_v[events_v["doc_id"] == s.doc_id]
        acc = accuracy.set_index("doc_id").loc[s.doc_id]
        art = artefacts.set_index("doc_id").loc[s.doc_id]
        rate = rates.set_index("doc_id")["per_1000_words"].get(s.doc_id, math.nan)
        n_claims = len(v)
        n_corr = int((v["verdict"] == "agree").sum())
        rows.append({
            "doc_id": s.doc_id, "outlet": s.outlet, "perspective": s.perspective,
            "date": pd.Timestamp(s.date).strftime("%Y-%m-%d"), "date_basis": s.date_basis,
            "n_claims": n_claims, "n_shared": int((v["n_other_sources"] > 0).sum()), "n_corroborated": n_corr,
            "corroborated_share": n_corr / n_claims if n_claims else math.nan,
            "n_conflicts": int((v["verdict"] == "conflict").sum()),
            "n_events": len(ev), "events_corroborated": int((ev["verdict"] == "agree").sum()),
            "event_conflicts": int((ev["verdict"] == "date_conflict").sum()),
            "n_checkable": int(acc["n_checkable"]), "reference_share": acc["share_hold"],
            "median_abs_error": acc["median_abs_error"], "unknown_per_1000": rate,
            "artefacts": int(sum(art[c] for c in artefact_columns)), "excluded_spans": int(art["excluded_spans"]),
            "origin_forms": int(art["transliterations"] + art["misspelled_names"]),
            "date_verdict": bounds.set_index("doc_id").loc[s.doc_id, "verdict"],
        })
    return pd.DataFrame(rows)


def _md(text: str) -> str:
    """Escape Markdown control characters in a curated string."""
    return re.sub(r"([\\`*_{}\[\]<>()#+!|])", r"\\\1", str(text))


def _share(n: int, d: int) -> str:
    return f"{n} of {d} ({100 * n / d:.0f}%)" if d else "none"


def _count(n: int, singular: str, plural: str | None = None) -> str:
    """"1 claim", "3 claims"."""
    return f"{n} {singular if n == 1 else (plural or singular + 's')}"


def profile_paragraphs(profiles: pd.DataFrame) -> str:
    """A short Markdown paragraph per source, built only from ``source_profiles`` measures.

    The wording follows fixed thresholds (stated here so the reader can check them):
    corroboration is "thin" when fewer than a quarter of a source's claims are confirmed
    by another source; reference accuracy is "high" from 80% of checkable claims, "mixed"
    from 50%, else "low", and not rated with fewer than 3 checkable claims.
    """
    paragraphs = []
    for p in profiles.itertuples():
        lines = [f"**{p.doc_id}** ({_md(p.outlet)}; dated {p.date}, {p.date_basis})."]
        if p.n_claims:
            lines.append(f"Of its {_count(p.n_claims, 'claim')}, {p.n_shared} concern a series another source also gives, and "
                         f"{_share(p.n_corroborated, p.n_claims)} are confirmed by another source"
                         + (f"; {_count(p.n_conflicts, 'claim')} {'conflicts' if p.n_conflicts == 1 else 'conflict'} with another source."
                            if p.n_conflicts
                            else "; none conflicts with another source."))
            thin = p.n_corroborated < 0.25 * p.n_claims
            lines.append("Most of its figures therefore rest on this source alone." if thin
                         else "A good part of its figures is confirmed elsewhere.")
        else:
            lines.append("It states no numeric claim, so its figures cannot be compared.")
        n_hold = round(p.reference_share * p.n_checkable) if p.n_checkable else 0
        if p.n_checkable >= 3:
            level = "high" if p.reference_share >= 0.8 else "mixed" if p.reference_share >= 0.5 else "low"
            lines.append(f"Against official references, {_share(n_hold, p.n_checkable)} of its checkable claims hold "
                         f"(median error {100 * p.median_abs_error:.1f}%): accuracy is {level}.")
        elif p.n_checkable:
            lines.append(f"Only {_count(p.n_checkable, 'claim')} can be checked against a reference ({n_hold} "
                         f"{'holds' if n_hold == 1 else 'hold'}): too few to rate its accuracy.")
        else:
            lines.append("None of its claims can be checked against a reference.")
        if p.n_events:
            lines.append(f"It dates {_count(p.n_events, 'event')}; another source dates {p.events_corroborated} of them "
                         "the same way" + (f" and {p.event_conflicts} differently." if p.event_conflicts else " and none differently."))
        quality = []
        if not math.isnan(p.unknown_per_1000):
            quality.append(f"{p.unknown_per_1000:.1f} words per 1,000 outside the word list")
        quality.append(_count(p.artefacts, "typesetting or keyboard artefact"))
        quality.append(_count(p.origin_forms, "transliterated or misspelled name"))
        quality.append(_count(p.excluded_spans, "span", "spans") + " of page furniture excluded")
        lines.append("Text quality: " + ", ".join(quality) + ".")
        if p.date_verdict != "consistent":
            lines.append(f"Its date: {p.date_verdict}.")
        paragraphs.append(" ".join(lines))
    return "\n\n".join(paragraphs)


# --------------------------------------------------------------------------------------
# Figures
# --------------------------------------------------------------------------------------

def agreement_matrix_figure(matrix: pd.DataFrame) -> plt.Figure:
    """Two source × source panels: pairs of statements that agree, and that conflict."""
    docs = sorted(matrix["doc_a"].unique())
    fig, axes = plt.subplots(1, 2, figsize=(9.5, 4.4))
    for ax, column, title, cmap in [(axes[0], "agree", "Agreements", "Greens"), (axes[1], "conflict", "Conflicts", "Reds")]:
        grid = matrix.pivot(index="doc_a", columns="doc_b", values=column).reindex(index=docs, columns=docs)
        values = grid.to_numpy().astype(float)
        np.fill_diagonal(values, np.nan)
        top = max(1.0, np.nanmax(values) if np.isfinite(values).any() else 1.0)
        ax.imshow(np.ma.masked_invalid(values), cmap=cmap, vmin=0, vmax=top * 1.3)
        for i in range(len(docs)):
            for j in range(len(docs)):
                text = "–" if i == j else f"{int(values[i, j])}"
                ax.text(j, i, text, ha="center", va="center", fontsize=9, color="black")
        ax.set_xticks(range(len(docs)), docs, rotation=35, ha="right", fontsize=8)
        ax.set_yticks(range(len(docs)), docs if ax is axes[0] else [""] * len(docs), fontsize=8)
        ax.set_title(f"{title} (pairs of claims and events)", fontsize=10)
        ax.set_xlabel("source")
        ax.grid(False)
    axes[0].set_ylabel("source")
    fig.suptitle("Where two sources state the same figure or event: do they agree?", x=0.01, ha="left",
                 fontweight="bold", fontsize=12)
    fig.tight_layout()
    return fig


def reference_error_figure(checks: pd.DataFrame, clip: float = 0.5) -> plt.Figure:
    """Relative error of every checkable claim against its nearest reference, by source.

    Errors beyond ±``clip`` (a fraction) are drawn at the edge with their value written.
    """
    sel = checks[checks["verdict"] != "no reference"].sort_values(["doc_id", "claim_id"]).reset_index(drop=True)
    fig, ax = plt.subplots(figsize=(8.0, max(2.5, 0.32 * len(sel) + 1.2)))
    ax.axvspan(-100 * REFERENCE_TOLERANCE, 100 * REFERENCE_TOLERANCE, color="#E8F4E8", zorder=0,
               label=f"within ±{100 * REFERENCE_TOLERANCE:.0f}%")
    ax.axvline(0, color=NEUTRAL, lw=0.8)
    for y, r in enumerate(sel.itertuples()):
        x = 100 * max(-clip, min(clip, r.relative_error))
        ax.plot([x], [y], "o" if r.verdict == "holds" else "X", ms=7, color=VERDICT_COLOURS[r.verdict], zorder=3)
        if abs(r.relative_error) > clip:
            ax.text(x, y, f"  {100 * r.relative_error:+.0f}%  ", va="center", fontsize=7.5,
                    ha="right" if x > 0 else "left")
    ax.set_yticks(range(len(sel)), [f"{r.doc_id} · {r.metric} {r.partner} {r.period}".replace("  ", " ") for r in sel.itertuples()],
                  fontsize=7.5)
    ax.invert_yaxis()
    ax.set_xlim(-100 * clip * 1.08, 100 * clip * 1.08)
    ax.set_xlabel("claim minus reference, % of the reference (nearest reference where several)")
    ax.set_title("Claims against official references")
    handles = [plt.Line2D([], [], marker="o", ls="", color=VERDICT_COLOURS["holds"], label="holds"),
               plt.Line2D([], [], marker="X", ls="", color=VERDICT_COLOURS["differs"], label="differs")]
    ax.legend(handles=handles, loc="lower right", fontsize=8)
    ax.grid(axis="y", visible=False)
    return fig


def source_profile_figure(profiles: pd.DataFrame) -> plt.Figure:
    """Five panels per source: corroborated share, reference accuracy (both with the counts
    behind them), conflicts, typesetting artefacts (or words outside the word list where a
    list exists), and transliterated or misspelled names."""
    frame = profiles.reset_index(drop=True)
    panels = [("corroborated_share", "Claims confirmed by\nanother source (%)", ("n_corroborated", "n_claims")),
              ("reference_share", "Checkable claims that\nhold vs references (%)", ("n_hold", "n_checkable")),
              ("n_conflicts", "Claims in conflict with\nanother source (count)", None),
              ("artefacts", "Typesetting / keyboard\nartefacts (count)", None),
              ("origin_forms", "Transliterated or\nmisspelled names (count)", None)]
    if frame["unknown_per_1000"].notna().any():
        panels[3] = ("unknown_per_1000", "Words outside the word\nlist (per 1,000 words)", None)
    frame = frame.assign(n_hold=(frame["reference_share"].fillna(0) * frame["n_checkable"]).round().astype(int))
    fig, axes = plt.subplots(1, len(panels), figsize=(11.0, 3.6), sharey=True)
    for ax, (column, label, counts) in zip(axes, panels):
        share = counts is not None
        values = frame[column].astype(float) * (100 if share else 1)
        ax.barh(range(len(frame)), values.fillna(0), color=ACCENT)
        for y, v in enumerate(values):
            if pd.isna(v):
                text = " n/a"
            elif share:
                text = f" {v:.0f} ({frame.loc[y, counts[0]]}/{frame.loc[y, counts[1]]})"
            else:
                text = f" {v:.0f}" if float(v).is_integer() else f" {v:.1f}"
            ax.text(0 if pd.isna(v) else v, y, text, va="center", fontsize=7.5)
        top = values.max() if values.notna().any() else 1
        ax.set_xlim(0, 150 if share else max(1.0, top) * 1.4)
        if share:
            ax.set_xticks([0, 50, 100])
        elif column != "unknown_per_1000":
            ax.xaxis.set_major_locator(MaxNLocator(integer=True))
        ax.set_xlabel(label, fontsize=8.5)
        ax.grid(axis="y", visible=False)
    axes[0].set_yticks(range(len(frame)), frame["doc_id"], fontsize=8.5)
    axes[0].invert_yaxis()
    fig.suptitle("Source profiles (sources in date order)", x=0.01, ha="left", fontweight="bold", fontsize=12)
    fig.tight_layout()
    return fig


def date_bounds_figure(events: pd.DataFrame, bounds: pd.DataFrame, years_before: int = 4) -> plt.Figure:
    """Per document: the dated events it refers to (dots), the lower bound of its writing
    date (ring: its latest event or measured figure) and its date in sources.csv (bar: thick if stated, thin if inferred). The time axis starts
    ``years_before`` years before the earliest bound; older events are counted at the left
    edge."""
    frame = bounds.sort_values("date").reset_index(drop=True)
    bound_dates = pd.to_datetime(frame.loc[frame["bound"] != "", "bound"])
    left = pd.Timestamp(year=bound_dates.min().year - years_before, month=1, day=1)
    right = pd.Timestamp(year=max(bound_dates.max(), pd.to_datetime(frame["date"]).max()).year + 1, month=7, day=1)
    fig, ax = plt.subplots(figsize=(8.5, 3.8))
    for y, b in enumerate(frame.itertuples()):
        mine = events[(events["doc_id"] == b.doc_id) & ~events["type"].isin(PLAN_TYPES)]
        starts = [pd.Timestamp(period_bounds(d)[0]) for d in mine["date"]]
        shown = [t for t in starts if t >= left]
        ax.plot(shown, [y] * len(shown), "o", ms=4, color=NEUTRAL, alpha=0.6, zorder=2)
        older = len(starts) - len(shown)
        if older:
            ax.text(left, y + 0.18, f"◂ {older} earlier", fontsize=7.5, color=NEUTRAL, va="bottom")
        if b.bound:
            ax.plot([pd.Timestamp(b.bound)], [y], "o", ms=11, mfc="none", mec=ACCENT, mew=1.8, zorder=3)
        late = b.verdict.startswith("date precedes")
        ax.plot([pd.Timestamp(b.date)], [y], "|", ms=18, mew=3 if b.date_basis == "stated" else 1.5,
                color=VERDICT_COLOURS["conflict"] if late else VERDICT_COLOURS["agree"], zorder=4)
    ax.set_xlim(left, right)
    ax.set_ylim(-0.6, len(frame) - 0.3)
    ax.set_yticks(range(len(frame)), frame["doc_id"], fontsize=8.5)
    ax.set_xlabel("date (first day of each event's date)")
    ax.set_title("Dated events each document refers to, and its own date")
    ax.grid(axis="y", visible=False)
    handles = [plt.Line2D([], [], marker="o", ls="", color=NEUTRAL, ms=4, label="event"),
               plt.Line2D([], [], marker="o", ls="", mfc="none", mec=ACCENT, ms=10, label="lower bound (latest\nevent or figure)"),
               plt.Line2D([], [], marker="|", ls="", color=VERDICT_COLOURS["agree"], ms=14, mew=3, label="document's date,\nstated"),
               plt.Line2D([], [], marker="|", ls="", color=VERDICT_COLOURS["agree"], ms=14, mew=1.5, label="document's date,\ninferred")]
    ax.legend(handles=handles, loc="upper left", bbox_to_anchor=(1.01, 1.0), fontsize=8)
    return fig
