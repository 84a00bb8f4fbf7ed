"""The fact-check for the reader: tables with readable labels and the sentences of the findings.

Inputs are the outputs of ``factcheck.check_claims`` (``FACTCHECK_COLUMNS``) and
``factcheck.check_events`` (``EVENT_CHECK_COLUMNS``). Claim and event ids are kept in the
text (the report turns claim ids into links to their passage; reference ids such as ``f27``
or ``t012`` into links to the reference list).
"""
from __future__ import annotations

import re

import pandas as pd

from kzanalysis.analysis.factcheck import EVENT_VERDICTS, FACTCHECK_VERDICTS
from kzanalysis.analysis.formatting import format_amount, format_number, is_place_held_by_another
from kzanalysis.analysis.trade_series import partner_label

#: Verdicts of items that are not checked (left out of the counts of checkable items).
UNCHECKED = ("not checkable", "not yet classified")

#: Verdicts under which a checkable claim is not confirmed by its reference.
NOT_HOLDING = ["differs", "wording"]

FACTCHECK_TABLE_COLUMNS = ["Claim", "Verdict", "Stated", "Reference (period)", "Source (tier)", "Explanation"]
EVENT_TABLE_COLUMNS = ["Event", "Verdict", "Date in the text", "Reference date", "Source (tier)", "Explanation"]


def _quoted(item_id: str, quote: str) -> str:
    return f"{item_id}: “{quote}”"


def _source(reference_id: str, source: str) -> str:
    return f"{reference_id} · {source}" if reference_id else "–"


def _short_source(reference_id: str, source: str) -> str:
    """The reference id (a link to its entry in the reference list) and the tier, for the compact table."""
    tier = re.search(r"\(tier \d\)\s*$", source or "")
    return f"{reference_id} {tier.group(0).strip()}" if reference_id and tier else _source(reference_id, source)


def _short_explanation(explanation: str) -> str:
    """The explanation without its opening "AGENCY via PUBLISHER: VALUE (PERIOD); " and its closing
    " (e.g. AGENCY via PUBLISHER: …)", which repeat the table's reference and source columns (kept
    when it is the whole explanation)."""
    short = _EXAMPLE_REFERENCE.sub("", _SOURCE_PREFIX.sub("", explanation, count=1))
    return short or explanation


_SOURCE_PREFIX = re.compile(r"^[^;]* via [^;]*: [^;]*; ")
#: " (e.g. AGENCY via PUBLISHER: VALUE, PERIOD)" at the end: the reference and source columns name it
_EXAMPLE_REFERENCE = re.compile(r" \(e\.g\. .*\)$")


def _reference(value: float, unit: str, period: str) -> str:
    text = format_amount(value, unit, digits=4)
    return f"{text} ({period or 'no period'})" if text else "–"


def _verdict_order(frame: pd.DataFrame, verdicts: list[str], key: str) -> pd.DataFrame:
    order = {v: i for i, v in enumerate(verdicts)}
    return frame.assign(_o=frame["verdict"].map(order)).sort_values(["_o", key]).drop(columns="_o")


def _subject(item_id: str, metric: str, partner: str) -> str:
    what = metric.replace("_", " ")
    return f"{item_id} ({what}{', ' + partner.replace(chr(95), chr(32)) if partner else ''})"


def factcheck_for_reading(factcheck: pd.DataFrame, quotes: bool = True) -> pd.DataFrame:
    """One row per checkable claim (``FACTCHECK_TABLE_COLUMNS``), in verdict order then claim id.

    With ``quotes`` False the *Claim* column names the claim by its id and what it states
    ("doc-c02 (trade turnover, turkey)") instead of quoting it: the compact table of the print
    edition, whose claim ids link to their quote in the sources appendix.
    """
    rows = _verdict_order(factcheck[factcheck["checkable"]], FACTCHECK_VERDICTS, "claim_id")
    unit = rows["unit"]
    partners = rows["partner"].fillna("") if "partner" in rows else pd.Series("", index=rows.index)
    claim = ([_quoted(i, q) for i, q in zip(rows["claim_id"], rows["quote"])] if quotes else
             [_subject(i, m, p) for i, m, p in zip(rows["claim_id"], rows["metric"], partners)])
    return pd.DataFrame({
        "Claim": claim,
        "Verdict": rows["verdict"],
        "Stated": [format_amount(v, u) for v, u in zip(rows["value"], unit)],
        "Reference (period)": [_reference(v, u, p) for v, u, p in
                               zip(rows["reference_value"], unit, rows["reference_period"])],
        "Source (tier)": [_source(i, s) if quotes else _short_source(i, s)
                          for i, s in zip(rows["reference_id"], rows["reference_source"])],
        "Explanation": [(e if quotes else _short_explanation(e)) + (" (tier 3 only)" if t3 else "")
                        for e, t3 in zip(rows["explanation"], rows["tier3_only"])],
    }, columns=FACTCHECK_TABLE_COLUMNS).reset_index(drop=True)


def event_checks_for_reading(event_checks: pd.DataFrame) -> pd.DataFrame:
    """One row per checkable event mention (``EVENT_TABLE_COLUMNS``), in verdict order then event id."""
    rows = _verdict_order(event_checks[event_checks["checkable"]], EVENT_VERDICTS, "event_id")
    return pd.DataFrame({
        "Event": [_quoted(i, q) for i, q in zip(rows["event_id"], rows["quote"])],
        "Verdict": rows["verdict"],
        "Date in the text": rows["date"].replace("", "–"),
        "Reference date": rows["reference_date"].replace("", "–"),
        "Source (tier)": [_source(i, s) for i, s in zip(rows["reference_id"], rows["reference_source"])],
        "Explanation": rows["explanation"],
    }, columns=EVENT_TABLE_COLUMNS).reset_index(drop=True)


def verdict_counts(checks: pd.DataFrame, verdicts: list[str]) -> pd.Series:
    """Checkable items per verdict (every verdict listed, zeros kept), named ``items``."""
    checkable = checks[checks["checkable"]]
    shown = [v for v in verdicts if v not in UNCHECKED]
    return checkable["verdict"].value_counts().reindex(shown, fill_value=0).rename("items")


def coverage_sentence(factcheck: pd.DataFrame) -> str:
    """How many claims are checkable and how many of those got a verdict against a reference (Markdown)."""
    checkable = factcheck[factcheck["checkable"]]
    judged = checkable["verdict"] != "unverified"
    share = judged.mean() if len(checkable) else float("nan")
    return (f"Of **{len(factcheck)} claims**, **{len(checkable)}** are checkable; **{int(judged.sum())}** of them "
            f"({format_number(share, 'share')}) have a verdict against a cited reference, and {int((~judged).sum())} could not be "
            "verified (each with a recorded search).")


def _not_holding_item(r) -> str:
    """One claim that does not hold: what it states against what its reference gives."""
    what = r.metric.replace("_", " ")
    if is_place_held_by_another(r.value, r.reference_value, r.unit):
        partner = partner_label(r.partner) if r.partner else "its partner"
        text = (f"{r.claim_id} ({what}) states {partner} {format_amount(r.value, r.unit)}, a place the reference "
                f"gives to another partner ({r.reference_period or 'no period'}), {r.reference_id}")
    else:
        text = (f"{r.claim_id} ({what}) states {format_amount(r.value, r.unit)}, reference "
                f"{_reference(r.reference_value, r.unit, r.reference_period)}, {r.reference_id}")
    return text + (" (tier 3 only)" if r.tier3_only else "")


def not_holding_lines(factcheck: pd.DataFrame, doc_ids: list[str]) -> list[str]:
    """Markdown list items: per document, every checkable claim that differs from its reference (or is misworded)."""
    bad = factcheck[factcheck["verdict"].isin(NOT_HOLDING)]
    lines = []
    for doc in doc_ids:
        mine = bad[bad["doc_id"] == doc].sort_values("claim_id")
        if not len(mine):
            lines.append(f"- **{doc}**: every checked claim holds or is not contradicted by its reference.")
            continue
        items = "; ".join(_not_holding_item(r) for r in mine.itertuples())
        lines.append(f"- **{doc}** ({len(mine)} not holding): {items}.")
    return lines


def reliability_sentence(reliability: pd.DataFrame) -> str:
    """Per document: the share of checkable claims that hold, with its interval (Markdown)."""
    holds = reliability[reliability["group"] == "holds"]
    parts = [f"{r.doc_id} {r.n} of {r.n_checkable} ({format_number(r.low, 'share')}–{format_number(r.high, 'share')})"
             for r in holds.itertuples()
             if r.n_checkable]
    return "Checkable claims that hold, per source (95% Wilson interval): " + "; ".join(parts) + "."
