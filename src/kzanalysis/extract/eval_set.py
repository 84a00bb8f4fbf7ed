"""The out-of-sample evaluation set (``data/eval/``): loading, the split rule, the quote check.

The set holds excerpts of news and analysis texts the extractor was not built on, annotated
by hand (``data/eval/GUIDELINES.md``): ``documents.csv`` (one row per text, with its
``published`` date and ``split``), ``mentions.csv``, ``quantities.csv``, ``events.csv``
(``doc_id``, ``start``, ``end``, ``text``: the quote is ``text[start:end]`` of
``texts/<doc_id>.txt``, read as strict UTF-8 without newline translation).

Split rule (by document, fixed before any scoring): a document is in ``dev`` when the first
hex digit of ``sha256(doc_id)`` is 0-7, else in ``test``.
"""
from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from kzanalysis.extract.dates import document_date
from kzanalysis.extract.events import event_dates
from kzanalysis.extract.extractor import Extractor
from kzanalysis.extract.quantities import numeric_claims
from kzanalysis.io.errors import Problem
from kzanalysis.io.paths import layout, project_root, relative

EVAL_TABLES = ("documents", "mentions", "quantities", "events")
SPLITS = ("dev", "test")
_INTEGER_COLUMNS = ("start", "end")
_SAME_AS = re.compile(r"same as (q\d+)")


@dataclass(frozen=True)
class EvalSet:
    """The evaluation set: its four tables (DataFrames of strings, ``start``/``end`` as int,
    quantities' ``value`` as float) and the texts by ``doc_id``."""

    documents: pd.DataFrame
    mentions: pd.DataFrame
    quantities: pd.DataFrame
    events: pd.DataFrame
    texts: dict[str, str]

    def split(self, name: str) -> EvalSet:
        """The part of the set whose documents are in split ``name`` (``dev`` or ``test``)."""
        docs = self.documents[self.documents["split"] == name].reset_index(drop=True)
        keep = set(docs["doc_id"])

        def sel(frame: pd.DataFrame) -> pd.DataFrame:
            return frame[frame["doc_id"].isin(keep)].reset_index(drop=True)

        return EvalSet(docs, sel(self.mentions), sel(self.quantities), sel(self.events),
                       {d: t for d, t in self.texts.items() if d in keep})


def split_of(doc_id: str) -> str:
    """``dev`` if the first hex digit of sha256(doc_id) is 0-7, else ``test``."""
    return "dev" if int(hashlib.sha256(doc_id.encode("utf-8")).hexdigest()[0], 16) <= 7 else "test"


def eval_folder(root: Path | None = None) -> Path:
    """``data/eval`` below the project root."""
    return (root or project_root()) / "data" / "eval"


def read_eval_text(path: Path) -> str:
    """A text of the set, as strict UTF-8 without newline translation."""
    return path.read_bytes().decode("utf-8")


def _read_table(path: Path) -> pd.DataFrame:
    frame = pd.read_csv(path, dtype=str, keep_default_na=False)
    for column in _INTEGER_COLUMNS:
        if column in frame:
            frame[column] = frame[column].astype(int)
    if "value" in frame:
        frame["value"] = frame["value"].astype(float)
    frame.insert(0, "line", range(2, len(frame) + 2))
    return frame


def load_eval_set(root: Path | None = None) -> EvalSet:
    """The evaluation set under ``root/data/eval`` (every table has a ``line`` column: its CSV line)."""
    folder = eval_folder(root)
    tables = {name: _read_table(folder / f"{name}.csv") for name in EVAL_TABLES}
    texts = {doc: read_eval_text(folder / "texts" / f"{doc}.txt") for doc in tables["documents"]["doc_id"]}
    return EvalSet(tables["documents"], tables["mentions"], tables["quantities"], tables["events"], texts)


def eval_problems(root: Path | None = None) -> list[Problem]:
    """Problems of the evaluation set: a missing folder or text, a split that breaks the rule,
    an unknown ``doc_id``, and any quote that is not ``text[start:end]`` of its file."""
    root = root or project_root()
    folder = eval_folder(root)
    if not (folder / "documents.csv").is_file():
        return []
    problems: list[Problem] = []
    docs = _read_table(folder / "documents.csv")
    file = relative(folder / "documents.csv", root)
    texts = {}
    for row in docs.itertuples():
        path = folder / "texts" / f"{row.doc_id}.txt"
        try:
            texts[row.doc_id] = read_eval_text(path)
        except (OSError, UnicodeDecodeError) as exc:
            problems.append(Problem(file, row.line, "doc_id", f"cannot read {relative(path, root)}: {exc}"))
        if row.split != split_of(row.doc_id):
            problems.append(Problem(file, row.line, "split",
                                    f"{row.split!r}, but the sha256 rule gives {split_of(row.doc_id)!r}"))
    for name in EVAL_TABLES[1:]:
        path = folder / f"{name}.csv"
        table = _read_table(path)
        problems.extend(quote_problems(table, texts, relative(path, root)))
        if name == "mentions":
            problems.extend(overlap_problems(table, relative(path, root)))
            problems.extend(actor_problems(table, relative(path, root), *_actor_ids(root)))
        if name == "quantities":
            problems.extend(same_as_problems(table, relative(path, root)))
    return problems


def _actor_ids(root: Path) -> tuple[set[str], dict[str, int], str]:
    """(ids of ``data/actors.csv``, ids of ``data/eval/actors.csv`` with their CSV lines, the latter's
    relative path); a missing file gives no ids (``check`` reports a missing or malformed table by its schema)."""
    actors, eval_actors = layout(root).data / "actors.csv", eval_folder(root) / "actors.csv"
    known = set(_read_table(actors)["actor_id"]) if actors.is_file() else set()
    table = _read_table(eval_actors) if eval_actors.is_file() else pd.DataFrame(columns=["line", "actor_id"])
    return known, dict(zip(table["actor_id"], table["line"])), relative(eval_actors, root)


def actor_problems(mentions: pd.DataFrame, file: str, known: set[str], eval_known: dict[str, int],
                   eval_file: str = "data/eval/actors.csv") -> list[Problem]:
    """A mention whose ``actor_id`` is neither in ``known`` (data/actors.csv) nor in ``eval_known``
    (``eval_file``, the actors new in the set: id -> CSV line); an id of ``eval_file`` that
    data/actors.csv also has."""
    problems = [Problem(file, int(row.line), "actor_id",
                        f"{row.actor_id!r} is neither in data/actors.csv nor in {eval_file}")
                for row in mentions.itertuples() if row.actor_id not in known and row.actor_id not in eval_known]
    problems += [Problem(eval_file, int(line), "actor_id", f"{actor!r} is in data/actors.csv too: list it in one place")
                 for actor, line in sorted(eval_known.items()) if actor in known]
    return problems


def overlap_problems(frame: pd.DataFrame, file: str) -> list[Problem]:
    """A Problem for each mention whose span ``[start, end)`` overlaps the previous mention of its document."""
    problems = []
    for _, rows in frame.sort_values(["doc_id", "start", "end", "line"]).groupby("doc_id", sort=True):
        previous = None
        for row in rows.itertuples():
            if previous is not None and row.start < previous.end:
                problems.append(Problem(file, row.line, "start",
                                        f"mention [{row.start}:{row.end}] overlaps line {previous.line} "
                                        f"[{previous.start}:{previous.end}] of {row.doc_id!r}"))
            previous = row if previous is None or row.end > previous.end else previous
    return problems


def same_as_problems(frame: pd.DataFrame, file: str) -> list[Problem]:
    """A Problem for each ``same as qNN`` note whose qid does not exist in the same document."""
    known = set(zip(frame["doc_id"], frame["qid"]))
    return [Problem(file, row.line, "notes", f"refers to {qid!r}, which is not a qid of {row.doc_id!r}")
            for row in frame.itertuples()
            for qid in _SAME_AS.findall(row.notes)
            if (row.doc_id, qid) not in known]


def quote_problems(frame: pd.DataFrame, texts: dict[str, str], file: str) -> list[Problem]:
    """A Problem for each row whose ``text`` is not ``texts[doc_id][start:end]`` (or whose doc_id is unknown)."""
    problems = []
    for row in frame.itertuples():
        if row.doc_id not in texts:
            problems.append(Problem(file, row.line, "doc_id", f"unknown doc_id {row.doc_id!r} (not in documents.csv)"))
            continue
        found = texts[row.doc_id][row.start:row.end]
        if found != row.text:
            problems.append(Problem(file, row.line, "text",
                                    f"quote {row.text!r} is not text[{row.start}:{row.end}] = {found!r}"))
    return problems


def eval_gold(evalset: EvalSet) -> dict[str, pd.DataFrame]:
    """The annotations as the scorer reads them (``evaluation.task_counts``): ``mentions``
    (doc_id, start, end, actor_id), ``quantities`` (doc_id, start, end, value with the sign of
    its ``direction``, unit, period, partner, group: ``gold_groups``), ``events`` (doc_id,
    start, end, date, date_precision)."""
    q = evalset.quantities.copy()
    q["value"] = q["value"] * q["direction"].map(lambda d: -1.0 if d.strip() == "-1" else 1.0)
    q["group"] = gold_groups(q)
    return {"mentions": evalset.mentions[["doc_id", "start", "end", "actor_id"]],
            "quantities": q[["doc_id", "start", "end", "value", "unit", "period", "partner", "group"]],
            "events": evalset.events[["doc_id", "start", "end", "date", "date_precision"]]}


def eval_predictions(evalset: EvalSet, extractor: Extractor) -> dict[str, pd.DataFrame]:
    """The extractor's output on every text of ``evalset`` (document date = ``published``):
    ``mentions``, ``quantities`` (with context; ``numeric_claims`` only) and ``events`` (``extract.events.event_dates``)."""
    out: dict[str, list[pd.DataFrame]] = {"mentions": [], "quantities": [], "events": []}
    published = dict(zip(evalset.documents["doc_id"], evalset.documents["published"]))
    for doc_id in sorted(evalset.texts):
        result = extractor.extract(doc_id, evalset.texts[doc_id], document_date(published[doc_id]))
        out["mentions"].append(result["mentions"])
        out["quantities"].append(numeric_claims(result["quantities"]))
        out["events"].append(as_eval_dates(event_dates(result)))
    return {k: pd.concat(v, ignore_index=True) for k, v in out.items()}


_DAY_RANGE = re.compile(r"(\d{4}-\d\d-\d\d)/\d{4}-\d\d-\d\d")


def as_eval_dates(events: pd.DataFrame) -> pd.DataFrame:
    """Event dates in the precisions of the evaluation set (``GUIDELINES.md``: day, month or year;
    there is no range): the days of one happening ("on April 18-19", a range of the extractor) are
    dated by its first day, at day precision."""
    first = events["date"].str.extract(_DAY_RANGE, expand=False)
    days = (events["date_precision"] == "range") & first.notna()
    events = events.copy()
    events.loc[days, "date"] = first[days]
    events.loc[days, "date_precision"] = "day"
    return events


def gold_groups(quantities: pd.DataFrame) -> pd.Series:
    """The claim each gold quantity restates: its own ``qid``, or the first ``qid`` of its
    ``same as qNN`` chain (notes), so that a figure repeated in headline and body is one claim."""
    refs = {(d, q): m.group(1) if (m := _SAME_AS.search(n)) else q
            for d, q, n in zip(quantities["doc_id"], quantities["qid"], quantities["notes"])}

    def root(doc: str, qid: str) -> str:
        seen = set()
        while refs.get((doc, qid), qid) != qid and qid not in seen:
            seen.add(qid)
            qid = refs[(doc, qid)]
        return qid

    return pd.Series([f"{d}:{root(d, q)}" for d, q in zip(quantities["doc_id"], quantities["qid"])],
                     index=quantities.index)
