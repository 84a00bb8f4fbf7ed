"""Official statistics from outside the seeds, each row with its citation.

``load_trade()``: partner (actor id or ``world``), year (int), flow (turnover / exports /
imports), value (float, US dollars), reporter, agency, publisher, title, url, date, note.

``load_facts()``: fact_id, subject, metric, partner, period, period_precision, value,
unit, agency, publisher, title, url, date, note — keyed like ``claims.csv``.
"""
from __future__ import annotations

from pathlib import Path

import pandas as pd

from kzanalysis.io.tables import load_resource


def load_trade(root: Path | None = None) -> pd.DataFrame:
    """``data/reference/trade.csv`` validated against its schema.

    Columns: partner (actor id, ``world`` for Kazakhstan's total), year (int), months (int:
    months from January covered, 12 for a full year, fewer for a part-year figure), flow
    (turnover / exports / imports), value (US dollars), reporter (whose statistics: actor id),
    agency (the statistical body), publisher, title, url, date (of the publication, ISO),
    note. See ``data/README.md``.
    """
    return load_resource("trade", root)


def load_facts(root: Path | None = None) -> pd.DataFrame:
    """``data/reference/facts.csv`` validated against its schema.

    Columns: fact_id, subject, metric, partner, period, period_precision, value (in
    ``unit``), unit, agency, publisher, title, url, date (of the publication), note. Keyed
    like ``claims.csv``, so that a claim and its reference share (subject, metric, partner,
    period); see ``data/README.md``.
    """
    return load_resource("facts", root)


def citation(row: pd.Series) -> str:
    """One-line citation of a reference row: publisher, “title”, agency, URL, date."""
    agency = f" (figures of {row['agency']})" if row.get("agency") and row["agency"] != row["publisher"] else ""
    return f"{row['publisher']}, “{row['title']}”{agency}, {row['url']}, {row['date']}"
