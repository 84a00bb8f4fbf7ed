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

import numpy as np
import pandas as pd

from kzanalysis.corpus.sentences import sentences
from kzanalysis.corpus.sources import load_exclusions, load_sources, load_texts
from kzanalysis.evidence.claims import load_claims, load_events
from kzanalysis.extract.dates import document_date
from kzanalysis.extract.eval_set import SPLITS, eval_gold, eval_predictions, load_eval_set
from kzanalysis.extract.events import event_dates
from kzanalysis.extract.extractor import Extractor
from kzanalysis.extract.quantities import numeric_claims
from kzanalysis.extract.vocabulary import FOCUS_ACTOR
from kzanalysis.gazetteer.actors import load_actors, load_aliases
from kzanalysis.io.files import write_text_atomic
from kzanalysis.io.paths import layout, project_root

REL_TOL = 1e-9
SCORE_COLUMNS = ["task", "gold", "predicted", "matched", "precision", "recall", "f1"]
README_START = "<!-- evaluation:start -->"
README_END = "<!-- evaluation:end -->"


def predictions(root: Path | None = None) -> dict[str, pd.DataFrame]:
    """The extractor's output on every seed: ``quantities`` (``QUANTITY_COLUMNS`` +
    ``CONTEXT_COLUMNS``), ``dates`` (``DATE_COLUMNS``), ``mentions`` and ``events`` (the dates
    proposed as events, ``extract.events.event_dates``), excluded spans masked."""
    root = root or project_root()
    texts = load_texts(root)
    sents = sentences(texts, load_exclusions(root))
    sources = load_sources(root).set_index("doc_id")
    extractor = Extractor.from_tables(load_aliases(root), load_actors(root))
    out: dict[str, list[pd.DataFrame]] = {"quantities": [], "dates": [], "mentions": [], "events": []}
    for doc_id in sorted(texts):
        result = extractor.extract(doc_id, texts[doc_id], document_date(sources.at[doc_id, "date"]), sents)
        for key in ("quantities", "dates", "mentions"):
            out[key].append(result[key])
        out["events"].append(event_dates(result))
    return {key: pd.concat(frames, ignore_index=True) for key, frames in out.items()}


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


# --- scores with bootstrap intervals: seeds, dev, test -------------------------------------------

#: Seed of the bootstrap over documents, and its number of resamples.
EVAL_SEED = 20240116
EVAL_RESAMPLES = 2000

#: Columns of ``evaluation_table``: per split and task the counts (gold items, predicted items,
#: gold items found, predictions correct) and precision, recall, F1, each with the bounds of a
#: 95% percentile bootstrap interval that resamples documents.
EVAL_COLUMNS = ["split", "task", "documents", "gold", "predicted", "found", "correct",
                "precision", "precision_low", "precision_high", "recall", "recall_low", "recall_high",
                "f1", "f1_low", "f1_high"]

#: Tasks of the table, in order.
EVAL_TASKS = ["mentions", "quantity values", "quantities (value+unit+period+partner)", "periods of matched values",
              "event dates (date+precision)"]

#: Per-document counts: one row per (task, doc_id) with gold, predicted, found, correct.
COUNT_COLUMNS = ["task", "doc_id", "gold", "predicted", "found", "correct"]

_UNIT_ALIASES = {"year": "years", "day": "days"}


def _unit(unit: str) -> str:
    return _UNIT_ALIASES.get(unit, unit)


def _greedy(pred: pd.DataFrame, gold: pd.DataFrame, ok) -> list[int]:
    """Index in ``pred`` matched by each gold row (-1 if none): ``_match_one_to_one`` in text order."""
    found, _ = _match_one_to_one(pred, gold, ok)
    return found


def match_mentions(pred: pd.DataFrame, gold: pd.DataFrame) -> list[int]:
    """Gold mentions (doc_id, start, end, actor_id) to predicted mentions: same document,
    overlapping spans, same actor id ("Chinese" is a mention of ``china`` in both)."""
    return _greedy(pred, gold, lambda p, g: _overlaps(p.start, p.end, g.start, g.end) and p.actor_id == g.actor_id)


def match_values(pred: pd.DataFrame, gold: pd.DataFrame) -> list[int]:
    """Gold quantities to predicted ones: same document, overlapping spans, the same absolute
    value within ``REL_TOL`` (the sign of a change is scored with the full match)."""
    return _greedy(pred, gold, lambda p, g: _overlaps(p.start, p.end, g.start, g.end)
                   and _same_value(abs(p.value), abs(g.value)))


def full_match(p, g) -> bool:
    """Value (with its sign), unit, period and partner all equal (a value-matched pair)."""
    return (_same_value(p.value, g.value) and _unit(p.unit) == _unit(g.unit) and p.period == g.period
            and p.partner == g.partner)


def match_event_dates(pred: pd.DataFrame, gold: pd.DataFrame) -> list[int]:
    """Gold events to predicted event dates: same document, overlapping spans, same date and precision."""
    return _greedy(pred, gold, lambda p, g: _overlaps(p.start, p.end, g.start, g.end) and p.date == g.date
                   and p.date_precision == g.date_precision)


def _per_doc(task: str, docs: list[str], gold_doc: pd.Series, found_gold: pd.Series,
             pred_doc: pd.Series, correct_pred: pd.Series) -> list[tuple]:
    """COUNT_COLUMNS rows: per document, gold and found (gold_doc, found_gold: bool per gold
    item), predicted and correct (pred_doc, correct_pred: bool per prediction)."""
    return [(task, d, int((gold_doc == d).sum()), int((pred_doc == d).sum()),
             int(found_gold[gold_doc == d].sum()), int(correct_pred[pred_doc == d].sum())) for d in docs]


def task_counts(pred: dict[str, pd.DataFrame], gold: dict[str, pd.DataFrame], docs: list[str]) -> pd.DataFrame:
    """Per-document counts (``COUNT_COLUMNS``) of every task in ``EVAL_TASKS``.

    ``pred``: ``mentions`` (doc_id, start, end, actor_id), ``quantities`` (doc_id, start, end,
    value, unit, period, partner; a change carries its sign), ``events`` (doc_id, start, end,
    date, date_precision). ``gold``: the same, with ``group`` on quantities (items of one
    group are one claim: found if any is found; ``gold_groups``). A prediction is correct
    if it matches a gold item one-to-one; gold and found of quantities count groups.
    Periods: over value-matched pairs, a non-empty predicted period is a guess and a gold
    period a gold item; correct = found = equal periods.
    """
    rows: list[tuple] = []
    m_gold, m_pred = gold["mentions"], pred["mentions"].reset_index(drop=True)
    hit = pd.Series(match_mentions(m_pred, m_gold), index=m_gold.index)
    rows += _per_doc(EVAL_TASKS[0], docs, m_gold["doc_id"], hit >= 0, m_pred["doc_id"],
                     m_pred.index.isin(hit[hit >= 0]))
    q_gold, q_pred = gold["quantities"], pred["quantities"].reset_index(drop=True)
    hit = pd.Series(match_values(q_pred, q_gold), index=q_gold.index)
    full = pd.Series([h >= 0 and full_match(q_pred.loc[h], g) for h, g in zip(hit, q_gold.itertuples())],
                     index=q_gold.index, dtype=bool)
    groups = q_gold.assign(value_hit=hit >= 0, full_hit=full).groupby("group").agg(
        doc_id=("doc_id", "first"), value_hit=("value_hit", "any"), full_hit=("full_hit", "any"))
    rows += _per_doc(EVAL_TASKS[1], docs, groups["doc_id"], groups["value_hit"], q_pred["doc_id"],
                     pd.Series(q_pred.index.isin(hit[hit >= 0])))
    rows += _per_doc(EVAL_TASKS[2], docs, groups["doc_id"], groups["full_hit"], q_pred["doc_id"],
                     pd.Series(q_pred.index.isin(hit[full])))
    pairs = [(g.doc_id, g.period, q_pred.at[h, "period"]) for h, g in zip(hit, q_gold.itertuples()) if h >= 0]
    pairs_frame = pd.DataFrame(pairs, columns=["doc_id", "gold", "pred"])
    same = pairs_frame["gold"] == pairs_frame["pred"]
    gold_rows, guess_rows = pairs_frame["gold"] != "", pairs_frame["pred"] != ""
    rows += _per_doc(EVAL_TASKS[3], docs, pairs_frame.loc[gold_rows, "doc_id"], same[gold_rows],
                     pairs_frame.loc[guess_rows, "doc_id"], same[guess_rows])
    e_gold, e_pred = gold["events"], pred["events"].reset_index(drop=True)
    hit = pd.Series(match_event_dates(e_pred, e_gold), index=e_gold.index)
    rows += _per_doc(EVAL_TASKS[4], docs, e_gold["doc_id"], hit >= 0, e_pred["doc_id"],
                     pd.Series(e_pred.index.isin(hit[hit >= 0])))
    return pd.DataFrame(rows, columns=COUNT_COLUMNS)


def _rates(gold, predicted, found, correct):
    with np.errstate(invalid="ignore", divide="ignore"):
        precision = np.where(predicted > 0, correct / np.maximum(predicted, 1), np.nan)
        recall = np.where(gold > 0, found / np.maximum(gold, 1), np.nan)
        f1 = np.where(precision + recall > 0, 2 * precision * recall / (precision + recall), 0.0)
    return precision, recall, np.where(np.isnan(precision) | np.isnan(recall), np.nan, f1)


def bootstrap_scores(counts: pd.DataFrame, n_resamples: int = EVAL_RESAMPLES, seed: int = EVAL_SEED,
                     level: float = 0.95) -> pd.DataFrame:
    """Precision, recall and F1 of each task of ``counts`` (``COUNT_COLUMNS``) with percentile
    bootstrap intervals: documents are resampled with replacement (``numpy.random.default_rng(seed)``,
    the same draws for every task) and the counts of the drawn documents summed.
    Columns: ``EVAL_COLUMNS`` without ``split``. A resample without predictions (or gold) has no
    precision (recall) and is left out of that interval."""
    docs = sorted(counts["doc_id"].unique())
    rng = np.random.default_rng(seed)
    draws = rng.integers(0, len(docs), size=(n_resamples, len(docs))) if docs else np.zeros((0, 0), int)
    tail = (1 - level) / 2 * 100
    rows = []
    for task in dict.fromkeys(counts["task"]):
        frame = counts[counts["task"] == task].set_index("doc_id").reindex(docs, fill_value=0)
        values = frame[["gold", "predicted", "found", "correct"]].to_numpy(float)
        point = _rates(*values.sum(axis=0))
        sums = values[draws].sum(axis=1) if len(docs) else np.zeros((0, 4))
        resampled = _rates(*sums.T)
        bounds = []
        for series in resampled:
            kept = series[~np.isnan(series)]
            bounds += list(np.percentile(kept, [tail, 100 - tail])) if len(kept) else [np.nan, np.nan]
        p, r, f = (float(x) for x in point)
        rows.append((task, len(docs), *(int(v) for v in values.sum(axis=0)), p, bounds[0], bounds[1],
                     r, bounds[2], bounds[3], f, bounds[4], bounds[5]))
    return pd.DataFrame(rows, columns=EVAL_COLUMNS[1:])


#: Seed claims (``data/claims.csv``) that are not numeric claims by ``data/eval/GUIDELINES.md``
#: section 2, so that the seeds and the evaluation set score quantities by one definition:
#: the number of an occasion (metric ``*_number``, ``anniversary_years``: "the 3rd meeting",
#: "the 30th anniversary"); a rank 1 stated without a number ("his first foreign visit", "the
#: largest oil producer": no "1", "1st", "top" or "number one"); a number of years that frames
#: a period ("In the last five years", "in 30 years", "for the last 30 years"). They stay in
#: ``data/claims.csv`` for the fact-check; the extractor labels them ``NOT_CLAIM_KINDS``.
_OCCASION_METRIC = re.compile(r"_number$|^anniversary_years$")
_NUMBERED_RANK = re.compile(r"(?i)\b1(?:st)?\b|\btop\b|\bnumber\s+one\b")
_FRAMING_YEARS = re.compile(r"(?i)\b(?:in|for|during|over|within)\s+(?:the\s+)?(?:(?:last|past|next)\s+)?"
                            r"[\w.-]+\s+years?\b")


def not_numeric_claim(claims: pd.DataFrame) -> pd.Series:
    """True for the seed claims that the extraction scores do not count as numeric claims
    (see ``_OCCASION_METRIC``: occasions, ranks without a number, framing durations)."""
    occasion = claims["metric"].str.contains(_OCCASION_METRIC)
    order = (claims["unit"] == "rank") & (claims["value"] == 1) & ~claims["quote"].str.contains(_NUMBERED_RANK)
    framing = (claims["unit"] == "year") & claims["quote"].str.contains(_FRAMING_YEARS) \
        & ~claims["metric"].isin(["presidency_years", "term_length", "visit_duration"])
    return occasion | order | framing


def counterpart_partner(claims: pd.DataFrame) -> pd.Series:
    """The partner of each claim as the guidelines define it: Kazakhstan's counterpart. A curated
    claim that records a foreign subject (an investor, a lender) with partner ``kazakhstan``
    ("Türkiye's direct investments in Kazakhstan") has that subject as its partner."""
    swap = (claims["partner"] == FOCUS_ACTOR) & (claims["subject"] != "") & (claims["subject"] != FOCUS_ACTOR)
    return claims["partner"].where(~swap, claims["subject"])


def seed_gold(root: Path | None = None) -> dict[str, pd.DataFrame]:
    """The curated tables as gold (``task_counts``): ``data/derived/mentions.csv``, the claims
    stated in the text (``stated_claims``) that are numeric claims by the evaluation guidelines
    (``not_numeric_claim`` left out; partner: ``counterpart_partner``; one group per claim) and
    ``data/events.csv``."""
    claims = stated_claims(load_claims(root))
    claims = claims[~not_numeric_claim(claims)]
    claims = claims.assign(partner=counterpart_partner(claims))
    mentions = pd.read_csv(layout(root).derived / "mentions.csv", keep_default_na=False)
    return {"mentions": mentions[["doc_id", "start", "end", "actor_id"]],
            "quantities": claims[["doc_id", "start", "end", "value", "unit", "period", "partner"]].assign(
                group=claims["claim_id"]),
            "events": load_events(root)[["doc_id", "start", "end", "date", "date_precision"]]}


def evaluation_table(splits: tuple[str, ...] = ("seeds", *SPLITS), root: Path | None = None,
                     n_resamples: int = EVAL_RESAMPLES) -> pd.DataFrame:
    """``EVAL_COLUMNS`` for each split in ``splits`` (``seeds``: the five seeds against the curated
    tables; ``dev``, ``test``: the evaluation set ``data/eval``) and each task of ``EVAL_TASKS``."""
    frames = []
    evalset = load_eval_set(root) if set(splits) & set(SPLITS) else None
    for split in splits:
        if split == "seeds":
            pred, gold, docs = predictions(root), seed_gold(root), sorted(load_texts(root))
            pred["quantities"] = numeric_claims(pred["quantities"])
        else:
            part = evalset.split(split)
            extractor = Extractor.from_tables(load_aliases(root), load_actors(root))
            pred, gold, docs = eval_predictions(part, extractor), eval_gold(part), sorted(part.texts)
        table = bootstrap_scores(task_counts(pred, gold, docs), n_resamples)
        frames.append(table.assign(split=split)[EVAL_COLUMNS])
    return pd.concat(frames, ignore_index=True)


def readable_table(table: pd.DataFrame) -> pd.DataFrame:
    """``evaluation_table`` for reading: split, task, documents, gold, predicted, and precision,
    recall and F1 each as "0.912 (0.850–0.960)" (point estimate and 95% bootstrap interval)."""
    def cell(row, name: str) -> str:
        point, low, high = row[name], row[f"{name}_low"], row[f"{name}_high"]
        return "–" if pd.isna(point) else f"{point:.3f} ({low:.2f}–{high:.2f})"

    out = table[["split", "task", "documents", "gold", "predicted"]].copy()
    for name in ("precision", "recall", "f1"):
        out[name] = [cell(row, name) for _, row in table.iterrows()]
    return out
