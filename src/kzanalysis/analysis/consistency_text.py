"""Sentences and small tables for the reader of notebook 04 (source consistency).

Each function takes outputs of ``agreement``, ``arithmetic``, ``dating``, ``naming``,
``factcheck`` and ``reliability`` and returns a Markdown string or a readable table, so that a
number stated in the narrative is always the number computed.
"""
from __future__ import annotations

import pandas as pd

from kzanalysis.analysis.factcheck_text import coverage_sentence, not_holding_lines, reliability_sentence
from kzanalysis.analysis.formatting import difference_text, format_amount, format_number


def unknown_words_table(unknown: pd.DataFrame, per_document: int = 8) -> pd.DataFrame:
    """The ``per_document`` most frequent words outside the word list, per document (``misspellings`` output)."""
    top = unknown.sort_values(["doc_id", "n", "token"], ascending=[True, False, True]).groupby("doc_id").head(per_document)
    text = top.groupby("doc_id")[["token", "n"]].apply(
        lambda g: ", ".join(f"{t} ({n})" for t, n in zip(g["token"], g["n"])))
    return text.rename("Most frequent unknown words").rename_axis("Source").reset_index()


def intervals_caveat(reliability: pd.DataFrame) -> str:
    """Why the per-source shares are uncertain: the number of sources and their checkable claims (Markdown)."""
    totals = reliability.drop_duplicates("doc_id")["n_checkable"]
    widths = (reliability["high"] - reliability["low"]).dropna()
    return (f"{len(totals)} sources with {totals.min()}–{totals.max()} checkable claims each give wide intervals: "
            f"the 95% intervals above span {format_number(widths.min(), 'share')} to {format_number(widths.max(), 'share')} "
            "of the scale. A difference "
            "between two sources means little unless their intervals barely overlap.")


def _conflict_lines(conflicts: pd.DataFrame, epairs: pd.DataFrame) -> list[str]:
    lines = [f"  - {r.metric.replace('_', ' ')} ({r.subject}{', ' + r.partner if r.partner else ''}; {r.period_a}"
             + (f" vs {r.period_b}" if r.period_b != r.period_a else "")
             + f"): {r.doc_a} {format_amount(r.value_a, r.unit)} vs {r.doc_b} {format_amount(r.value_b, r.unit)} "
             f"({difference_text(r.difference, r.relative_difference, r.unit)})" for r in conflicts.itertuples()]
    lines += [f"  - event {r.event_key.replace('_', ' ')}: {r.doc_a} {r.date_a} vs {r.doc_b} {r.date_b} "
              f"({r.gap_days} days apart)" for r in epairs[epairs["verdict"] == "date_conflict"].itertuples()]
    return lines or ["  - none"]


def consistency_findings(claims: pd.DataFrame, verdicts: pd.DataFrame, pairs: pd.DataFrame, epairs: pd.DataFrame,
                         factcheck: pd.DataFrame, event_checks: pd.DataFrame, reliability: pd.DataFrame,
                         arithmetic: pd.DataFrame, date_checks: pd.DataFrame, bounds: pd.DataFrame,
                         naming: pd.DataFrame, origin: pd.DataFrame, doc_ids: list[str]) -> str:
    """The chapter's findings (Markdown list): agreement, the fact-check per source, internal consistency."""
    conflicts = pairs[pairs["verdict"] == "conflict"]
    n_shared = int((verdicts["n_other_sources"] > 0).sum())
    events = event_checks[event_checks["checkable"]]
    event_hold = events["verdict"].isin(["holds", "holds to the month"]).sum()
    late = int((date_checks["verdict"] == "after the document's date").sum())
    lines = [
        f"- **Agreement.** Of {len(claims)} claims, {n_shared} concern a series another source also states; "
        f"{(verdicts['verdict'] == 'agree').sum()} are confirmed by another source and "
        f"{(verdicts['verdict'] == 'conflict').sum()} conflict. Every conflict:",
        *_conflict_lines(conflicts, epairs),
        f"- **Fact-check.** {coverage_sentence(factcheck)} {reliability_sentence(reliability)}",
        "- **Claims that do not hold** (they differ from the reference, or present a goal as achieved or the reverse):",
        *["  " + line for line in not_holding_lines(factcheck, doc_ids)],
        f"- **Event dates.** {event_hold} of {len(events)} checkable event dates hold against a dated reference "
        f"(to the day or to the month the text gives); {(events['verdict'] == 'differs').sum()} differ and "
        f"{(events['verdict'] == 'unresolved to the day').sum()} cannot be resolved to the day.",
        f"- **Internal consistency.** {len(arithmetic)} arithmetic checks, "
        f"{(arithmetic['verdict'] == 'inconsistent').sum()} inconsistent; "
        f"{late} events dated after their "
        f"document; {(bounds['verdict'] == 'consistent').sum()} of {len(bounds)} documents are dated on or after "
        "the latest thing they refer to.",
        f"- **Naming.** {len(naming)} actors are written in more than one way; {origin['doc_id'].nunique()} documents "
        f"use transliterated or misspelled forms ({int(origin['n'].sum())} mentions).",
    ]
    return "\n".join(lines)
