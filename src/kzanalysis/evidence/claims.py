"""Curated evidence: claims and events, each with a quote and its offsets in a seed.

``load_claims()``: claim_id, doc_id, quote, start, end, subject, metric, partner, period,
period_precision, value (float, in ``unit``), unit, qualifier, notes.

``load_events()``: event_id, event_key, doc_id, quote, start, end, date, date_precision,
date_basis, type, actors (``;``-separated actor ids), place, count (Int64), notes.

The columns are described in data/README.md.
"""
from __future__ import annotations

from pathlib import Path

import pandas as pd

from kzanalysis.evidence.periods import period_bounds, period_precision
from kzanalysis.io.errors import Problem
from kzanalysis.io.tables import load_resource


def load_claims(root: Path | None = None) -> pd.DataFrame:
    """``data/claims.csv`` validated against its schema."""
    return load_resource("claims", root)


def load_events(root: Path | None = None) -> pd.DataFrame:
    """``data/events.csv`` validated against its schema."""
    return load_resource("events", root)


def event_actors(events: pd.DataFrame) -> pd.DataFrame:
    """One row per (event, actor): event_id, event_key, doc_id, date, type, actor_id."""
    long = events[["event_id", "event_key", "doc_id", "date", "type", "actors"]].copy()
    long["actor_id"] = long.pop("actors").str.split(";")
    return long.explode("actor_id").reset_index(drop=True)


def period_problems(frame: pd.DataFrame, column: str, precision_column: str, file: str) -> list[Problem]:
    """Periods that are not real dates ("2022-13-01") or disagree with their precision column."""
    problems = []
    for row in frame.itertuples():
        value = getattr(row, column)
        precision = getattr(row, precision_column)
        if value is None or (value == "" and precision in ("", "none")):
            continue
        try:
            period_bounds(value) if value else None
        except ValueError as exc:
            problems.append(Problem(file, row.line, column, str(exc)))
            continue
        if precision and period_precision(value) != precision:
            problems.append(Problem(file, row.line, precision_column,
                                    f"{column} {value!r} has precision {period_precision(value)!r}, the row says {precision!r}"))
    return problems


def actor_reference_problems(frame: pd.DataFrame, columns: list[str], known: set[str], file: str,
                             allowed: frozenset[str] = frozenset()) -> list[Problem]:
    """Cells naming actor ids (``;``-lists allowed) that are not in the gazetteer."""
    problems = []
    for row in frame.itertuples():
        for column in columns:
            cell = getattr(row, column)
            if not cell:
                continue
            for actor in str(cell).split(";"):
                if actor not in known and actor not in allowed:
                    problems.append(Problem(file, row.line, column,
                                            f"unknown actor id {actor!r} (not in data/actors.csv)"))
    return problems
