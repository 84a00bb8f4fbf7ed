"""extract.documents: what a quantity takes from the rest of its document (its state, its counterpart, a
figure stated before)."""
from __future__ import annotations

import re

import pandas as pd

from kzanalysis.extract.vocabulary import FOCUS_ACTOR


def _party(actor_id: str, info: dict[str, tuple[str, str]]) -> str:
    """The party an actor stands for: a person or company counts for its country (and a domestic
    organisation for Kazakhstan, ``quantity_context``)."""
    kind, country = info.get(actor_id, ("", ""))
    return country if kind in ("person", "company", "organisation") and country else actor_id


#: Units of a figure that, stated again in the same document, is the same figure for the same thing
#: (a percentage, a count or a tonnage recurs by chance).
_RESTATED_UNITS = frozenset({"usd", "eur", "rub", "kzt", "cny", "try", "gbp"})


def _restated(frame: pd.DataFrame) -> pd.DataFrame:
    """A sum of money stated again in a document ("$4.2bn" in the headline and the body,
    a quote restating the narrative), or a count of ten or more of the same noun, without a partner or
    period of its own takes those of its first occurrence that has them (data/eval/GUIDELINES.md,
    "Repeated figures")."""
    if frame.empty:
        return frame
    frame = frame.copy()
    first: dict[tuple, tuple[str, str, str]] = {}
    for i in frame.sort_values(["doc_id", "start"]).index:
        row = frame.loc[i]
        # a count of the same things ("52 joint projects" in a quote and in the narrative) is restated too
        counted = row["unit"] == "count" and row["kind"] == "count" and row["value"] >= 10 and bool(row["noun"])
        if row["unit"] not in _RESTATED_UNITS and not counted:
            continue
        key = (row["doc_id"], row["unit"], row["value"], row["noun"] if counted else "")
        if key not in first:
            if row["partner"] or row["period"]:
                first[key] = (row["subject"], row["partner"], row["period"], row["period_precision"])
            continue
        subject, partner, period, precision = first[key]
        if not row["partner"] and partner:
            frame.at[i, "subject"], frame.at[i, "partner"] = subject, partner
        if not row["period"] and period:
            frame.at[i, "period"], frame.at[i, "period_precision"] = period, precision
    return frame


def document_focus(mentions: pd.DataFrame, info: dict[str, tuple[str, str]]) -> str:
    """The state a document is about: Kazakhstan when it is one of the main parties (mentioned at least
    half as often as the state most often mentioned, a person or company counting for its country) or
    when no state is mentioned, else the state most often mentioned (a report on Russia's trade with its
    neighbours, naming Kazakhstan once or twice, is about Russia; a report on a visit of Korea's president
    to Kazakhstan, naming Korean companies, is about Kazakhstan's relations)."""
    counts: dict[str, int] = {}
    for actor in mentions["actor_id"]:
        party = _party(actor, info)
        if info.get(party, ("", ""))[0] == "state":
            counts[party] = counts.get(party, 0) + 1
    if not counts or 2 * counts.get(FOCUS_ACTOR, 0) >= max(counts.values()):
        return FOCUS_ACTOR
    return max(counts, key=lambda p: (counts[p], p == FOCUS_ACTOR))


def document_counterpart(mentions: pd.DataFrame, info: dict[str, tuple[str, str]], focus: str) -> str:
    """The state most often mentioned in a document other than ``focus`` (a person or company counting for
    its country; the first mentioned on a tie), '' if there is none: the other side of a bilateral report."""
    counts: dict[str, int] = {}
    for actor in mentions["actor_id"]:
        party = _party(actor, info)
        if party != focus and info.get(party, ("", ""))[0] == "state":
            counts[party] = counts.get(party, 0) + 1
    return max(counts, key=lambda p: counts[p]) if counts else ""


#: Between a figure and the figure it is compared with, in one sentence: "38% of ... against 33% a year earlier",
#: "$5 billion, compared to $4 billion", "versus".
_COMPARED_BETWEEN = re.compile(r"(?i)[^.;]{0,80}?\b(?:against|compared\s+(?:to|with)|versus|vs\.?)\s+"
                               r"(?:the\s+|about\s+|around\s+|nearly\s+|almost\s+)*")


def _compared(frame: pd.DataFrame, texts: dict[str, str]) -> pd.DataFrame:
    """A figure stated as the comparison of the figure before it in its sentence, in the same unit ("38% of
    Russia's trade with the region against 33% a year earlier"), is of the same relation: it takes that
    figure's subject and partner."""
    if frame.empty:
        return frame
    frame = frame.copy()
    previous = None
    for i in frame.sort_values(["doc_id", "start"]).index:
        row = frame.loc[i]
        if previous is not None and previous["doc_id"] == row["doc_id"] \
                and previous["sentence_id"] == row["sentence_id"] and previous["unit"] == row["unit"] \
                and _COMPARED_BETWEEN.fullmatch(texts[row["doc_id"]], int(previous["end"]), int(row["start"])):
            frame.at[i, "subject"], frame.at[i, "partner"] = previous["subject"], previous["partner"]
        previous = frame.loc[i]
    return frame


#: Right before the number of a window of years that has no end of its own ("over 5 years", "during the 10
#: years"; "the last/past N years" end with the document's year and are dates of their own).
_WINDOW_BEFORE = re.compile(r"(?i)\b(?:over|during|within)\s+(?:the\s+)?$")
#: Before a level in a window: its start ("from $2 billion") or its end ("to $3.1 billion", "amounting to").
_WINDOW_START = re.compile(r"(?i)\bfrom\s+$")
_WINDOW_END = re.compile(r"(?i)\b(?:to|reaching|reached|totall?ing)\s+$")
#: A later sentence that refers back to the window: "during the period under review", "in this period".
_WINDOW_AGAIN = re.compile(r"(?i)\b(?:the\s+period\s+under\s+review|the\s+reviewed\s+period|this\s+period|the\s+same\s+period)\b")


def _windows(frame: pd.DataFrame, dates: pd.DataFrame, texts: dict[str, str]) -> pd.DataFrame:
    """Figures of a window of N years with no end of its own ("trade over 5 years increased by 29.5 percent,
    amounting to $4.4 billion. ... decreased during the period under review and amounted to $1.3 billion in
    2023"): the window ends with the latest year stated in its sentence or the next one of its paragraph
    (E, none: no guess). A change after it in its sentence, or in the next sentence that refers back to "the
    period under review", has the period (E-N+1)/E; a level after it reached "to" or "amounting to" E,
    one "from" which it changed E-N."""
    if frame.empty:
        return frame
    frame = frame.copy()
    for i in frame.index[(frame["kind"] == "framing") & (frame["unit"] == "year")]:
        row = frame.loc[i]
        text, doc, sid = texts[row["doc_id"]], row["doc_id"], int(row["sentence_id"])
        n = int(row["value"])
        if not 1 < n <= 50 or not _WINDOW_BEFORE.search(text, max(0, int(row["start"]) - 16), int(row["start"])):
            continue
        nearby = dates[(dates["doc_id"] == doc) & dates["sentence_id"].isin([sid, sid + 1])
                       & (dates["date_precision"] == "year") & (dates["start"] > row["end"])]
        nearby = nearby[["\n\n" not in text[int(row["end"]):int(s)] for s in nearby["start"]]]
        if nearby.empty:
            continue
        end = max(int(y) for y in nearby["date"])
        window = f"{end - n + 1}/{end}"
        figures = frame[(frame["doc_id"] == doc) & frame["sentence_id"].isin([sid, sid + 1])
                        & (frame["start"] > row["end"])].sort_values("start")
        previous_end = int(row["end"])
        for j, q in figures.iterrows():
            lead = text[max(previous_end, int(q["start"]) - 24):int(q["start"])]
            later = int(q["sentence_id"]) != sid
            if later and not _WINDOW_AGAIN.search(text, previous_end, int(q["start"])):
                previous_end = int(q["end"])
                continue
            if q["kind"] in ("change", "multiple"):
                frame.at[j, "period"], frame.at[j, "period_precision"] = window, "range"
            elif not later and q["kind"] == "money" and not q["period"]:
                if _WINDOW_START.search(lead):
                    frame.at[j, "period"], frame.at[j, "period_precision"] = str(end - n), "year"
                elif _WINDOW_END.search(lead):
                    frame.at[j, "period"], frame.at[j, "period_precision"] = str(end), "year"
            previous_end = int(q["end"])
    return frame
