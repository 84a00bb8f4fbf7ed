"""The appendix of claims in their passages, each passage printed once.

Claims close together in a text share their passage: the passages (up to ``CONTEXT``
characters either side of a claim's quote, within its paragraph) of claims of one document
that overlap are merged, and the merged passage is printed once with every quote in it
highlighted and anchored (``claim-ID``).
"""
from __future__ import annotations

import html
from pathlib import Path

import pandas as pd

from kzanalysis.corpus.sources import load_texts
from kzanalysis.evidence.claims import load_claims
from kzanalysis.io.paths import project_root

#: Characters of context either side of a quote.
CONTEXT = 160

#: Columns of ``claim_passages``.
PASSAGE_COLUMNS = ["doc_id", "start", "end", "claim_ids"]


def _window(text: str, start: int, end: int) -> tuple[int, int]:
    left = max(text.rfind("\n", 0, start) + 1, start - CONTEXT)
    right = text.find("\n", end)
    right = min(len(text) if right < 0 else right, end + CONTEXT)
    return left, right


def claim_passages(claims: pd.DataFrame, texts: dict[str, str]) -> pd.DataFrame:
    """The passages of ``claims`` (columns doc_id, start, end: character offsets), overlapping ones
    merged: columns ``PASSAGE_COLUMNS`` (claim_ids: the claims in the passage, in text order)."""
    rows = []
    for doc_id, group in claims.sort_values(["doc_id", "start", "end"]).groupby("doc_id", sort=False):
        text = texts[doc_id]
        current: dict | None = None
        for c in group.itertuples():
            left, right = _window(text, int(c.start), int(c.end))
            if current is not None and left <= current["end"]:
                current["end"] = max(current["end"], right)
                current["claim_ids"].append(c.claim_id)
                continue
            current = {"doc_id": doc_id, "start": left, "end": right, "claim_ids": [c.claim_id]}
            rows.append(current)
    return pd.DataFrame(rows, columns=PASSAGE_COLUMNS)


def claims_appendix(root: Path | None = None) -> str:
    """The appendix as HTML (escaped): one item per passage, its claims listed and highlighted."""
    root = root or project_root()
    claims = load_claims(root)
    texts = load_texts(root)
    by_id = claims.set_index("claim_id")
    items = []
    for p in claim_passages(claims, texts).itertuples():
        text = texts[p.doc_id]
        marks = sorted((int(by_id.at[c, "start"]), int(by_id.at[c, "end"]), c) for c in p.claim_ids)
        pieces, at = [], p.start
        for start, end, cid in marks:
            if start < at:  # a quote inside another one: its anchor sits on the enclosing mark
                pieces.append(f'<span id="claim-{html.escape(cid)}"></span>')
                continue
            pieces.append(html.escape(text[at:start]))
            pieces.append(f'<span id="claim-{html.escape(cid)}"></span><mark>{html.escape(text[start:end])}</mark>')
            at = end
        pieces.append(html.escape(text[at:p.end]))
        before = "…" if p.start > 0 and text[p.start - 1] != "\n" else ""
        after = "…" if p.end < len(text) and text[p.end] != "\n" else ""
        labels = "; ".join(
            f"<b>{html.escape(c)}</b> {html.escape(str(by_id.at[c, 'metric']))}" for c in p.claim_ids)
        items.append(f'<li>{labels} (<a href="#doc-{html.escape(p.doc_id)}">{html.escape(p.doc_id)}</a>, '
                     f'characters {p.start}–{p.end}): <q>{before}{"".join(pieces)}{after}</q></li>')
    return '<ol class="claims">' + "".join(items) + "</ol>"
