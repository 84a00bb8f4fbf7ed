"""analysis.profiles (from consistency.py)."""
from __future__ import annotations

import math
import re

import pandas as pd

from kzanalysis.analysis.naming import ARTEFACT_PATTERNS


def source_profiles(sources: pd.DataFrame, verdicts: pd.DataFrame, events_v: pd.DataFrame,
                    reliability: pd.DataFrame, rates: pd.DataFrame, artefacts: pd.DataFrame,
                    bounds: pd.DataFrame) -> pd.DataFrame:
    """One row per source, every measure of this module side by side.

    Columns: doc_id, outlet, perspective, date, date_basis, n_claims, n_shared (claims
    on a series another source also states), n_corroborated (claims another source
    agrees with), corroborated_share (n_corroborated / n_claims), n_conflicts (claims in
    conflict with another source), n_events, events_corroborated, event_conflicts,
    n_checkable, reference_share (share of checkable claims that hold against the
    fact-check, ``reliability.source_reliability``; NaN if none), n_not_holding (claims
    that differ from their reference or misword it), unknown_per_1000 (words outside the word list per
    1,000, NaN without a list), artefacts (sum of the artefact counts outside excluded
    spans), excluded_spans, origin_forms (transliterations + misspelled names),
    date_verdict (from ``document_date_bounds``).
    """
    rows = []
    artefact_columns = [*ARTEFACT_PATTERNS, "foreign_letter_in_word"]
    for s in sources.sort_values(["date", "doc_id"]).itertuples():
        v = verdicts[verdicts["doc_id"] == s.doc_id]
        ev = events_v[events_v["doc_id"] == s.doc_id]
        rel = reliability[reliability["doc_id"] == s.doc_id].set_index("group")
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
            "n_checkable": int(rel["n_checkable"].max()), "reference_share": rel.loc["holds", "share"],
            "n_not_holding": int(rel.loc["differs", "n"]), "unknown_per_1000": rate,
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
            lines.append(f"Against references, {_share(n_hold, p.n_checkable)} of its checkable claims hold and "
                         f"{p.n_not_holding} {'differs' if p.n_not_holding == 1 else 'differ'}: accuracy is {level}.")
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
