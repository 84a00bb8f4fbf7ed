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
