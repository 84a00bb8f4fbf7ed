"""extract.candidates (from extract.py)."""
from __future__ import annotations

import re

import pandas as pd

from kzanalysis.extract.events import clause_span, event_type
from kzanalysis.extract.extractor import number_text

CLAIM_FIELDS = ["subject", "metric", "partner", "period", "period_precision", "value", "unit", "qualifier"]


EVENT_FIELDS = ["event_key", "date", "date_precision", "date_basis", "type", "actors", "place", "count"]


#: Columns of a review file ``data/candidates/<doc_id>.csv``.
CANDIDATE_COLUMNS = ["candidate_id", "table", "accept", "doc_id", "quote", "start", "end",
                     *CLAIM_FIELDS, *EVENT_FIELDS, "notes", "confidence"]


def candidates(doc_id: str, text: str, extraction: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """Rows of the review file for one document (``CANDIDATE_COLUMNS``), in text order.

    ``table`` says where an accepted row goes: ``claims`` (a quantity), ``events`` (a dated
    clause) or ``mentions`` (an actor mention, or a name not in the gazetteer: for growing
    ``data/aliases.csv``; not moved by ``accept``). ``quote`` is the clause around the
    quantity or date (shorten it while reviewing; ``accept`` recomputes the offsets).
    ``accept`` is empty: the reviewer writes ``yes`` (or ``no``).
    """
    sents = extraction["sentences"].set_index("sentence_id")
    rows: list[dict] = []
    for q in extraction["quantities"].itertuples():
        left, right = clause_span(text, int(sents.at[q.sentence_id, "start"]), int(sents.at[q.sentence_id, "end"]),
                              q.start, q.end)
        rows.append(dict(table="claims", quote=text[left:right], start=left, end=right,
                         subject=q.subject, metric=q.metric, partner=q.partner, period=q.period,
                         period_precision=q.period_precision, value=number_text(q.value), unit=q.unit,
                         qualifier=q.qualifier,
                         notes=f"extracted {q.kind} {text[q.start:q.end]!r} at {q.start}:{q.end}"
                               + (f" ({q.noun})" if q.noun and q.kind == "count" else ""),
                         confidence=q.confidence, _order=(q.start, 0)))
    ments = extraction["mentions"]
    for d in extraction["dates"].itertuples():
        s_start, s_end = int(sents.at[d.sentence_id, "start"]), int(sents.at[d.sentence_id, "end"])
        left, right = clause_span(text, s_start, s_end, d.start, d.end, minimum=40)
        sentence = text[s_start:s_end]
        in_sentence = ments[ments["sentence_id"] == d.sentence_id]
        actors = ";".join(sorted(set(in_sentence["actor_id"])))
        etype = event_type(text[left:right])
        if etype == "other":
            etype = event_type(sentence)
        key = "-".join(p for p in [d.date.replace("/", "-to-"), etype, "-".join(actors.split(";")) if actors else ""] if p)
        place = ""
        place_match = re.search(r"\b(?:in|to)\s+([A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)", text[left:right])
        if place_match:
            place = place_match.group(1)
        count = ""
        if etype in ("agreement", "memorandum"):
            q = extraction["quantities"]
            hits = q[(q["sentence_id"] == d.sentence_id) & (q["unit"] == "count")]
            if len(hits):
                count = str(int(hits.iloc[0]["value"]))
        rows.append(dict(table="events", quote=text[left:right], start=left, end=right, event_key=key,
                         date=d.date, date_precision=d.date_precision, date_basis=d.date_basis, type=etype,
                         actors=actors, place=place, count=count,
                         notes=f"extracted date {d.quote!r} at {d.start}:{d.end}",
                         confidence=round(d.confidence * (0.8 if etype == "other" else 1.0), 2),
                         _order=(d.start, 1)))
    for m in ments.itertuples():
        rows.append(dict(table="mentions", quote=m.matched, start=m.start, end=m.end, actors=m.actor_id,
                         notes=f"gazetteer alias {m.alias!r}", confidence=1.0, _order=(m.start, 2)))
    names = extraction["names"]
    counts = dict(zip(names["name"], names["n"])) if len(names) else {}
    for start, end, name in extraction["name_spans"].itertuples(index=False):
        rows.append(dict(table="mentions", quote=text[start:end], start=start, end=end, actors="",
                         notes=f"not in the gazetteer ({counts.get(name, 1)} in this document): "
                               "add an alias to data/aliases.csv if it is an actor",
                         confidence=0.0, _order=(start, 3)))
    rows.sort(key=lambda r: r.pop("_order"))
    out = pd.DataFrame(rows, columns=[c for c in CANDIDATE_COLUMNS if c not in ("candidate_id", "accept", "doc_id")])
    out.insert(0, "candidate_id", [f"{doc_id}-k{i:03d}" for i in range(1, len(out) + 1)])
    out.insert(1, "table", out.pop("table"))
    out.insert(2, "accept", "")
    out.insert(3, "doc_id", doc_id)
    out = out.fillna("")
    out["start"] = out["start"].astype(int)
    out["end"] = out["end"].astype(int)
    return out[CANDIDATE_COLUMNS]
