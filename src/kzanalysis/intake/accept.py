"""Accepting reviewed candidates: rows marked ``yes`` move into ``data/claims.csv`` / ``data/events.csv``.

Each moved row gets the next free id of its document, offsets recomputed from its quote, and a
row in ``data/reference/claim_checks.csv`` / ``event_checks.csv`` with ``checkable`` empty (not yet
classified; the fact-check shows it as a to-do). All tables are validated together before
anything is written, the old files are backed up, and the writes are one transaction.
"""
from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass
from pathlib import Path

from kzanalysis.corpus.sources import load_texts
from kzanalysis.extract.candidates import CANDIDATE_COLUMNS
from kzanalysis.intake.staging import Transaction, appended, candidates_dir, csv_line, next_backup_path, staged_problems
from kzanalysis.io.errors import DataError, Problem
from kzanalysis.io.files import seed_problems
from kzanalysis.io.paths import project_root, relative
from kzanalysis.io.tables import read_resource, resource

ACCEPT_VALUES = {"", "yes", "no"}


@dataclass(frozen=True)
class AcceptResult:
    """What ``accept_candidates`` moved: new ids per curated table, and what it left."""

    moved: dict[str, list[str]]
    mentions: int  # accepted mention rows (not moved: mentions are derived by ``build``)
    pending: int  # rows not reviewed yet


def read_review(doc_id: str, root: Path | None = None) -> tuple[list[dict], list[Problem]]:
    """Rows of ``data/candidates/<doc_id>.csv`` (each with its CSV ``line``) and their problems."""
    path = candidates_dir(root) / f"{doc_id}.csv"
    file = relative(path, root)
    if not path.is_file():
        return [], [Problem(file, None, None, f"no review file for {doc_id!r} (run `kzanalysis add` first)")]
    problems = [p for p in seed_problems(path) if "empty" not in p.message]
    if problems:
        return [], problems
    reader = csv.reader(io.StringIO(path.read_bytes().decode("utf-8"), newline=""))
    try:
        header = next(reader)
    except (StopIteration, csv.Error):
        return [], [Problem(file, 1, None, f"no header row; expected: {', '.join(CANDIDATE_COLUMNS)}")]
    if header != CANDIDATE_COLUMNS:
        return [], [Problem(file, 1, None, f"the header must be: {', '.join(CANDIDATE_COLUMNS)}")]
    rows = []
    for cells in reader:
        line = reader.line_num
        if not cells:
            continue
        if len(cells) != len(header):
            problems.append(Problem(file, line, None, f"row has {len(cells)} fields, the header has {len(header)}"))
            continue
        row = dict(zip(header, cells), line=line)
        accept = row["accept"].strip().lower()
        if accept not in ACCEPT_VALUES and not accept.startswith("done"):
            problems.append(Problem(file, line, "accept", f"write yes, no or leave empty; got {row['accept']!r}"))
        if row["table"] not in ("claims", "events", "mentions"):
            problems.append(Problem(file, line, "table", f"expected claims, events or mentions; got {row['table']!r}"))
        if row["doc_id"] != doc_id:
            problems.append(Problem(file, line, "doc_id", f"expected {doc_id!r}; got {row['doc_id']!r}"))
        rows.append(row)
    return rows, problems


#: Each curated table's fact-check classification table: ``accept`` adds a row per new item, with
#: ``checkable`` empty (not yet classified), for a reviewer to fill in.
CHECK_TABLES = {"claims": "claim_checks", "events": "event_checks"}
TO_CLASSIFY = "to classify: added by kzanalysis accept; say whether a primary source could confirm it, and why"


def _locate(text: str, quote: str, start: str) -> tuple[int, int] | None:
    """Offsets of ``quote`` in ``text``: the given start if it holds, else the nearest occurrence."""
    try:
        s = int(start)
    except ValueError:
        s = 0
    if quote and text[s:s + len(quote)] == quote:
        return s, s + len(quote)
    hits = [m.start() for m in re.finditer(re.escape(quote), text)] if quote else []
    if not hits:
        return None
    best = min(hits, key=lambda h: abs(h - s))
    return best, best + len(quote)


def accept_candidates(doc_id: str, root: Path | None = None, dry_run: bool = False) -> AcceptResult:
    """Move the review rows marked ``yes`` into the curated tables (see module docstring)."""
    root = root or project_root()
    rows, problems = read_review(doc_id, root)
    review_path = candidates_dir(root) / f"{doc_id}.csv"
    file = relative(review_path, root)
    texts = load_texts(root)
    if doc_id not in texts:
        problems.append(Problem(file, None, None, f"doc_id {doc_id!r} is not in seeds/sources.csv"))
    if problems:
        raise DataError(problems)
    text = texts[doc_id]
    chosen = [r for r in rows if r["accept"].strip().lower() == "yes"]
    pending = sum(1 for r in rows if r["accept"].strip() == "")
    mentions = sum(1 for r in chosen if r["table"] == "mentions")
    new_lines: dict[str, list[str]] = {"claims": [], "events": [], "claim_checks": [], "event_checks": []}
    moved: dict[str, list[str]] = {"claims": [], "events": []}
    marks: dict[int, str] = {}
    for table, letter in (("claims", "c"), ("events", "e")):
        res = resource(table, root)
        existing, _ = read_resource(table, root)
        id_col = res.columns[0]
        numbers = [int(m.group(1)) for i in existing[id_col]
                   if isinstance(i, str) and (m := re.fullmatch(rf"{re.escape(doc_id)}-{letter}(\d+)", i))]
        n = max(numbers, default=0)
        for row in (r for r in chosen if r["table"] == table):
            span = _locate(text, row["quote"], row["start"])
            if span is None:
                problems.append(Problem(file, row["line"], "quote", f"the quote does not occur in the text of {doc_id}"))
                continue
            n += 1
            new_id = f"{doc_id}-{letter}{n:02d}"
            note = "; ".join(p for p in [row["notes"], f"from review row {row['candidate_id']}"] if p)
            values = {**row, id_col: new_id, "start": str(span[0]), "end": str(span[1]), "notes": note}
            new_lines[table].append(csv_line([values.get(c, "") for c in res.columns]))
            check_table = CHECK_TABLES[table]
            check_row = {resource(check_table, root).columns[0]: new_id, "checkable_reason": TO_CLASSIFY}
            new_lines[check_table].append(csv_line([check_row.get(c, "") for c in resource(check_table, root).columns]))
            moved[table].append(new_id)
            marks[row["line"]] = f"done {new_id}"
    if problems:
        raise DataError(problems)
    if not any(new_lines.values()):
        return AcceptResult(moved, mentions, pending)

    replacements: dict[Path, bytes] = {}
    for table, lines in new_lines.items():
        if lines:
            res = resource(table, root)
            old = res.path.read_bytes() if res.path.is_file() else None
            replacements[res.path] = appended(old, res.columns, lines)
    staged = staged_problems(root, {p.relative_to(root).as_posix(): d for p, d in replacements.items()})
    if staged:
        raise DataError(staged)
    if dry_run:
        return AcceptResult(moved, mentions, pending)

    review_text = _marked_review(review_path, marks)
    tx = Transaction()
    try:
        for path, data in replacements.items():
            if path.is_file():
                tx.write(next_backup_path(path.stem, root), path.read_bytes())
            tx.write(path, data)
        tx.write(review_path, review_text.encode("utf-8"))
    except BaseException:
        tx.rollback()
        raise
    return AcceptResult(moved, mentions, pending)


def _marked_review(path: Path, marks: dict[int, str]) -> str:
    """The review file with ``accept`` set to ``done <id>`` on the given CSV lines."""
    reader = csv.reader(io.StringIO(path.read_bytes().decode("utf-8"), newline=""))
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    header = next(reader)
    writer.writerow(header)
    col = header.index("accept")
    for cells in reader:
        if reader.line_num in marks:
            cells[col] = marks[reader.line_num]
        writer.writerow(cells)
    return out.getvalue()
