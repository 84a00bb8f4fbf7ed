"""Reference figures from outside the seeds, each row with its citation and source tier.

Every reference row carries ``tier`` (1 = the official producer itself, 2 = a named outlet
quoting it, 3 = anything else), ``published`` (ISO year, month or day of the page; '' if the
page gives none), ``accessed`` (ISO day the page was read), ``definition`` (what the number
is, in words) and ``locator`` (where on the page the figure is). The columns are described
in ``data/README.md`` and ``datapackage.json``.

- ``load_trade()``: Kazakhstan's trade by partner and period (``ref_id`` ``tNNN``);
- ``load_facts()``: other figures keyed like ``claims.csv`` (``fact_id`` ``fNN``);
- ``load_dates()``: reference dates of events (``ref_id`` ``dNN``);
- ``load_claim_checks()`` / ``load_event_checks()``: per claim / event, checkable or not and why,
  linked reference ids, and the researchers' hand verdict (never used by the engine);
- ``load_searches()``: searches that found nothing usable.
"""
from __future__ import annotations

from pathlib import Path

import pandas as pd

from kzanalysis.io.errors import Problem
from kzanalysis.io.tables import load_resource

#: Columns every reference table shares: the citation.
CITATION_COLUMNS = ["agency", "publisher", "title", "url", "published", "accessed", "tier", "locator", "note"]


def load_trade(root: Path | None = None) -> pd.DataFrame:
    """``data/reference/trade.csv`` validated against its schema.

    Columns: ref_id (``tNNN``), partner (actor id, ``world`` for Kazakhstan's total), year
    (int), months (int: months from January covered, 12 for a full year), flow (turnover /
    exports / imports), value (US dollars), reporter (whose statistics: ``kazakhstan`` or the
    partner, a mirror figure), definition, then ``CITATION_COLUMNS`` (tier an int 1–3).
    """
    return load_resource("trade", root)


def load_facts(root: Path | None = None) -> pd.DataFrame:
    """``data/reference/facts.csv`` validated against its schema.

    Columns: fact_id (``fNN``), subject, metric, partner, period, period_precision, value (in
    ``unit``), unit, definition, then ``CITATION_COLUMNS``. Keyed like ``claims.csv``, so that
    a claim and its reference share (subject, metric, partner, period); one metric key, one
    definition.
    """
    return load_resource("facts", root)


def load_dates(root: Path | None = None) -> pd.DataFrame:
    """``data/reference/dates.csv`` validated against its schema.

    Columns: ref_id (``dNN``), subject, partner (actor ids), event (what happened, in words),
    date (ISO day, month, year or ``a/b``), date_precision (day / month / year / range), then
    ``CITATION_COLUMNS``.
    """
    return load_resource("dates", root)


def load_claim_checks(root: Path | None = None) -> pd.DataFrame:
    """``data/reference/claim_checks.csv``: one row per claim of ``claims.csv``.

    Columns: claim_id, checkable (bool), checkable_reason, reference_ids (``;``-separated
    ``fNN`` / ``tNNN`` / ``dNN``), reviewer_verdict, reviewer_note (the researchers' hand
    reading, kept to compare with the computed verdict, never used to compute it).
    """
    return load_resource("claim_checks", root)


def load_event_checks(root: Path | None = None) -> pd.DataFrame:
    """``data/reference/event_checks.csv``: one row per event of ``events.csv``; columns as
    ``load_claim_checks`` with event_id instead of claim_id."""
    return load_resource("event_checks", root)


def load_searches(root: Path | None = None) -> pd.DataFrame:
    """``data/reference/searches.csv``: item_id (a claim id, an event id or ``trade:PARTNER:YEAR``),
    looked_for, where, why_nothing."""
    return load_resource("searches", root)


def citation(row: pd.Series) -> str:
    """One-line citation of a reference row: publisher, “title”, agency, publication date, access date, URL.

    The publication date is "n.d." when the page gives none.
    """
    agency = f" (figures of {row['agency']})" if row.get("agency") and row["agency"] != row["publisher"] else ""
    published = row.get("published") or "n.d."
    return (f"{row['publisher']}, “{row['title']}”{agency}, {published}, accessed {row['accessed']}, "
            f"{row['url']}")


def reference_link_problems(checks: pd.DataFrame, key: str, items: pd.DataFrame, known_ids: set[str],
                            file: str) -> list[Problem]:
    """Problems of a checks table (``claim_checks`` or ``event_checks``, with its ``line`` column).

    Every reference id must exist in ``known_ids`` (ids of trade, facts and dates); every item
    of ``items`` (claims or events, column ``key``) must have exactly one row, and every row an
    item.
    """
    problems = []
    for row in checks.itertuples():
        for ref in (row.reference_ids or "").split(";"):
            if ref and ref not in known_ids:
                problems.append(Problem(file, row.line, "reference_ids",
                                        f"unknown reference id {ref!r} (not in trade.csv, facts.csv or dates.csv)"))
    first: dict[str, int] = {}
    for item, line in zip(checks[key], checks["line"]):
        if item in first:
            problems.append(Problem(file, int(line), key,
                                    f"{item!r} repeats the row on line {first[item]}; expected exactly one"))
        first.setdefault(item, int(line))
    present = set(checks[key])
    for item in items[key]:
        if item not in present:
            problems.append(Problem(file, None, key, f"no row for {item!r}; every {key[:-3]} needs exactly one"))
    for row in checks.itertuples():
        if getattr(row, key) not in set(items[key]):
            problems.append(Problem(file, row.line, key, f"unknown {key} {getattr(row, key)!r}"))
    return problems
