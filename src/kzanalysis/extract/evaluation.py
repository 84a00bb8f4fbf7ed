"""Scoring the extractor (``kzanalysis.extract``) against the curated tables.

Run ``python -m kzanalysis.evaluate`` to print the scores and every unmatched item;
``--write-readme`` also puts the score table into ``README.md`` and ``benchmarks/README.md``
(between their ``evaluation`` markers).

Matching rules (one-to-one, in text order):

- **Quantities.** A predicted quantity matches a curated claim if it is in the same
  document, its character span overlaps the claim's quote span, its unit equals the
  claim's unit and its value equals the claim's value within a relative tolerance of
  1e-9 (both in the claims' units: usd, try, percent, count, rank, km, ...). Scored against
  the claims that state a figure in the text: claims with qualifier ``implied`` (a value
  the curators derived, such as rank 1 for the first country in a list) and claims whose
  value is a calendar year (``unit`` year, value ≥ 1800: "signed in 2009") are left out
  of this score; the second row of the table scores against every claim.
- **Dates.** A predicted date matches a curated event if it is in the same document, its
  span overlaps the event's quote and its ISO date equals the event's ``date``. Recall is
  over events; for precision a predicted date also counts as correct when it equals the
  period (or the calendar-year value) of a claim whose quote it overlaps.
- **Subject / partner / period.** Over the curated claims of the quantity score: a guess
  is correct if it equals the claim's value. Precision = correct / guesses made (a
  non-empty guess on a matched claim); recall = correct / claims with a non-empty value.
"""
from __future__ import annotations

import re
from pathlib import Path

import pandas as pd

from kzanalysis.corpus.sentences import sentences
from kzanalysis.corpus.sources import load_exclusions, load_sources, load_texts
from kzanalysis.evidence.claims import load_claims, load_events
from kzanalysis.extract.dates import document_date
from kzanalysis.extract.extractor import Extractor
from kzanalysis.gazetteer.actors import load_actors, load_aliases
from kzanalysis.io.files import write_text_atomic
from kzanalysis.io.paths import project_root

REL_TOL = 1e-9
SCORE_COLUMNS = ["task", "gold", "predicted", "matched", "precision", "recall", "f1"]
README_START = "<!-- evaluation:start -->"
README_END = "<!-- evaluation:end -->"


def predictions(root: Path | None = None) -> dict[str, pd.DataFrame]:
    """The extractor's output on every seed: ``quantities`` (``QUANTITY_COLUMNS`` +
    ``CONTEXT_COLUMNS``) and ``dates`` (``DATE_COLUMNS``), excluded spans masked."""
    root = root or project_root()
    texts = load_texts(root)
    sents = sentences(texts, load_exclusions(root))
    sources = load_sources(root).set_index("doc_id")
    extractor = Extractor.from_tables(load_aliases(root), load_actors(root))
    quantities, dates = [], []
    for doc_id in sorted(texts):
        result = extractor.extract(doc_id, texts[doc_id], document_date(sources.at[doc_id, "date"]), sents)
        quantities.append(result["quantities"])
        dates.append(result["dates"])
    return {"quantities": pd.concat(quantities, ignore_index=True), "dates": pd.concat(dates, ignore_index=True)}


def is_calendar_year(claims: pd.DataFrame) -> pd.Series:
    """True for claims whose value is a calendar year ("signed in 2009": unit year, value ≥ 1800)."""
    return (claims["unit"] == "year") & (claims["value"] >= 1800)


def stated_claims(claims: pd.DataFrame) -> pd.DataFrame:
    """Claims that state a figure in the text: not ``implied``, not a calendar year."""
    return claims[(claims["qualifier"] != "implied") & ~is_calendar_year(claims)].reset_index(drop=True)


def _overlaps(a_start: int, a_end: int, b_start: int, b_end: int) -> bool:
    return a_start < b_end and b_start < a_end


def _same_value(a: float, b: float) -> bool:
    return abs(a - b) <= REL_TOL * max(abs(a), abs(b))


def _match_one_to_one(predicted: pd.DataFrame, gold: pd.DataFrame, matches) -> tuple[list[int], set[int]]:
    """Greedy one-to-one matching of ``gold`` rows (in their order) to ``predicted`` rows.

    Each gold row takes the first unused prediction of the same ``doc_id`` for which
    ``matches(prediction, gold_row)`` holds (both as itertuples rows). Returns the index in
    ``predicted`` matched by each gold row (-1 if none), and the set of used indices.
    """
    used: set[int] = set()
    found_for: list[int] = []
    by_doc = {doc: frame for doc, frame in predicted.groupby("doc_id")}
    for item in gold.itertuples():
        found = -1
        frame = by_doc.get(item.doc_id)
        if frame is not None:
            for idx, p in zip(frame.index, frame.itertuples()):
                if idx not in used and matches(p, item):
                    found = idx
                    used.add(idx)
                    break
        found_for.append(found)
    return found_for, used


def match_quantities(predicted: pd.DataFrame, claims: pd.DataFrame) -> pd.DataFrame:
    """One row per curated claim: claim_id, doc_id, quote, value, unit, subject, partner, period,
    and the matched prediction's index in ``predicted`` (``pred``, -1 if none) with its
    ``pred_subject``, ``pred_partner``, ``pred_period`` ('' if none).

    Each prediction matches at most one claim; claims are taken in (doc_id, start) order and
    each takes the first unused prediction that matches (same document, overlapping span,
    same unit, same value within ``REL_TOL``).
    """
    ordered = claims.sort_values(["doc_id", "start", "claim_id"])
    found_for, _ = _match_one_to_one(
        predicted, ordered,
        lambda p, claim: (_overlaps(p.start, p.end, claim.start, claim.end) and p.unit == claim.unit
                          and _same_value(p.value, claim.value)))
    rows = []
    for claim, found in zip(ordered.itertuples(), found_for):
        guess = predicted.loc[found] if found >= 0 else None
        rows.append((claim.claim_id, claim.doc_id, claim.quote, claim.value, claim.unit, claim.subject,
                     claim.partner, claim.period, found,
                     guess["subject"] if guess is not None else "", guess["partner"] if guess is not None else "",
                     guess["period"] if guess is not None else ""))
    return pd.DataFrame(rows, columns=["claim_id", "doc_id", "quote", "value", "unit", "subject", "partner", "period",
                                       "pred", "pred_subject", "pred_partner", "pred_period"])


def match_dates(predicted: pd.DataFrame, events: pd.DataFrame, claims: pd.DataFrame) -> tuple[pd.DataFrame, pd.Series]:
    """(one row per event with the matched prediction index ``pred`` (-1 if none),
    a boolean Series over ``predicted``: True if the date is correct).

    A predicted date is correct if it matches an event (same document, overlapping span,
    same ISO date; one-to-one) or equals the period or calendar-year value of a claim whose
    quote it overlaps.
    """
    ordered = events.sort_values(["doc_id", "start", "event_id"])
    found_for, used = _match_one_to_one(
        predicted, ordered,
        lambda p, event: _overlaps(p.start, p.end, event.start, event.end) and p.date == event.date)
    rows = [(event.event_id, event.doc_id, event.quote, event.date, found)
            for event, found in zip(ordered.itertuples(), found_for)]
    matched = pd.DataFrame(rows, columns=["event_id", "doc_id", "quote", "date", "pred"])
    correct = pd.Series(False, index=predicted.index)
    correct[list(used)] = True
    year_claims = claims[is_calendar_year(claims)]
    for idx, p in predicted.iterrows():
        if correct[idx]:
            continue
        same_doc = claims[claims["doc_id"] == p["doc_id"]]
        for c in same_doc.itertuples():
            if not _overlaps(p["start"], p["end"], c.start, c.end):
                continue
            if c.period == p["date"] or (c.claim_id in set(year_claims["claim_id"]) and p["date"] == str(int(c.value))):
                correct[idx] = True
                break
    return matched, correct


def _prf(name: str, gold: int, predicted: int, matched_gold: int, correct_pred: int | None = None) -> dict:
    correct_pred = matched_gold if correct_pred is None else correct_pred
    precision = correct_pred / predicted if predicted else 0.0
    recall = matched_gold / gold if gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return dict(task=name, gold=gold, predicted=predicted, matched=matched_gold, precision=round(precision, 3),
                recall=round(recall, 3), f1=round(f1, 3))


def _guess_scores(name: str, matched: pd.DataFrame, gold_col: str, pred_col: str) -> dict:
    hit = matched[matched["pred"] >= 0]
    guesses = hit[hit[pred_col] != ""]
    correct = int((guesses[pred_col] == guesses[gold_col]).sum())
    gold = int((matched[gold_col] != "").sum())
    return _prf(name, gold, len(guesses), correct)


def scores(pred: dict[str, pd.DataFrame], claims: pd.DataFrame, events: pd.DataFrame) -> dict[str, pd.DataFrame]:
    """The evaluation: ``scores`` (``SCORE_COLUMNS``: task, gold items, predicted items, matched,
    precision, recall, f1), ``quantities`` (``match_quantities`` over the stated claims),
    ``unmatched_claims``, ``unmatched_predictions`` (predicted quantities matching no claim),
    ``unmatched_events`` and ``wrong_dates`` (predicted dates matching nothing curated)."""
    q = pred["quantities"]
    stated = stated_claims(claims)
    matched = match_quantities(q, stated)
    matched_all = match_quantities(q, claims)
    used = set(matched_all.loc[matched_all["pred"] >= 0, "pred"])
    event_match, date_ok = match_dates(pred["dates"], events, claims)
    rows = [
        _prf("quantities (claims stated in the text)", len(stated), len(q), int((matched["pred"] >= 0).sum()),
             len(set(matched.loc[matched["pred"] >= 0, "pred"]) | used)),
        _prf("quantities (all claims, incl. implied and calendar years)", len(claims), len(q),
             int((matched_all["pred"] >= 0).sum())),
        _prf("dates (events)", len(events), len(pred["dates"]), int((event_match["pred"] >= 0).sum()),
             int(date_ok.sum())),
        _guess_scores("subject of matched quantities", matched, "subject", "pred_subject"),
        _guess_scores("partner of matched quantities", matched, "partner", "pred_partner"),
        _guess_scores("period of matched quantities", matched, "period", "pred_period"),
    ]
    unmatched_pred = q.loc[~q.index.isin(used), ["doc_id", "start", "quote", "value", "unit", "kind"]]
    return {
        "scores": pd.DataFrame(rows, columns=SCORE_COLUMNS),
        "quantities": matched,
        "unmatched_claims": matched.loc[matched["pred"] < 0, ["claim_id", "quote", "value", "unit"]],
        "unmatched_predictions": unmatched_pred.reset_index(drop=True),
        "unmatched_events": event_match.loc[event_match["pred"] < 0, ["event_id", "date", "quote"]],
        "wrong_dates": pred["dates"].loc[~date_ok, ["doc_id", "start", "quote", "date"]].reset_index(drop=True),
    }


def evaluate(root: Path | None = None) -> dict[str, pd.DataFrame]:
    """``scores`` over the project's seeds and curated tables."""
    return scores(predictions(root), load_claims(root), load_events(root))


def markdown_table(frame: pd.DataFrame) -> str:
    """A DataFrame as a GitHub Markdown table (values as printed by pandas)."""
    numeric = [pd.api.types.is_numeric_dtype(frame[c]) for c in frame.columns]
    header = "| " + " | ".join(frame.columns) + " |"
    rule = "|" + "|".join("---:" if n else "---" for n in numeric) + "|"
    body = ["| " + " | ".join(f"{v:.3f}" if isinstance(v, float) else str(v) for v in row) + " |"
            for row in frame.itertuples(index=False)]
    return "\n".join([header, rule, *body])


def replace_section(text: str, start: str, end: str, content: str) -> str:
    """``text`` with the part between the ``start`` and ``end`` markers replaced by ``content``."""
    pattern = re.compile(re.escape(start) + r".*?" + re.escape(end), re.S)
    if not pattern.search(text):
        raise ValueError(f"markers {start} … {end} not found")
    return pattern.sub(lambda _: f"{start}\n{content}\n{end}", text)


def write_score_table(table: pd.DataFrame, root: Path | None = None) -> list[Path]:
    """Write the score table between the markers of README.md and benchmarks/README.md; return the files."""
    root = root or project_root()
    written = []
    for path in (root / "README.md", root / "benchmarks" / "README.md"):
        text = path.read_text(encoding="utf-8")
        write_text_atomic(path, replace_section(text, README_START, README_END, markdown_table(table)))
        written.append(path)
    return written
