"""Growing the corpus: ``kzanalysis add``, ``kzanalysis accept`` and ``kzanalysis extract``.

``add PATH --title ... --outlet ... --date ...`` checks everything first (the file is
readable UTF-8 text, not empty, not binary, not a copy of a seed already in the corpus;
the doc_id is well formed and new; the date is ISO; the new ``seeds/sources.csv``
passes the same validation as ``kzanalysis check``), then writes three files: the seed
(``seeds/NNN_<hash>.txt``), ``seeds/sources.csv`` with the new row appended (a backup of
the previous one goes to ``data/backup/``), and a review file
``data/candidates/<doc_id>.csv`` with the evidence the extractor proposes. It never
writes ``data/claims.csv`` or ``data/events.csv``. If any write fails, the files written
so far are restored, so the project is exactly as before.

Review: open ``data/candidates/<doc_id>.csv``, write ``yes`` in ``accept`` for each row to
keep (``no`` or nothing for the rest), correct any field (shorten a quote as you like:
offsets are recomputed from it), then run ``accept <doc_id>``. It appends the accepted
rows to ``data/claims.csv`` / ``data/events.csv`` with ids ``<doc_id>-cNN`` /
``<doc_id>-eNN`` after the document's existing ones, validates the result on a
temporary copy of the project with ``kzanalysis.validate.check_all`` before touching the
curated tables, keeps a backup of each table it rewrites (``data/backup/<name>.<n>.csv``)
and marks the moved rows ``done <new id>`` in the review file. It is the only command
that rewrites the curated tables.

Every write goes through ``files.write_bytes_atomic`` / ``write_text_atomic``.
"""
from __future__ import annotations

import argparse
import csv
import hashlib
import io
import re
import shutil
import sys
import tempfile
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import pandas as pd

from . import extract as ex
from .actors import load_actors, load_aliases
from .display import Table
from .errors import DataError, Problem
from .files import MAX_SEED_BYTES, seed_problems, sha256_of, write_bytes_atomic, write_text_atomic
from .paths import data_dir, project_root, relative, seeds_dir
from .tables import read_resource, resource

DEFAULT_RIGHTS = "Text copyright its publisher; included verbatim for research and verification only."
DOC_ID_PATTERN = r"[a-z0-9]+(-[a-z0-9]+)*"
CLI = "command line"  # the ``file`` of a Problem about a command-line argument
#: Share of control characters (other than tab, newline, carriage return, form feed) above
#: which a UTF-8 file is not prose (a renamed binary, a terminal capture).
MAX_CONTROL_SHARE = 0.001
ACCEPT_VALUES = {"", "yes", "no"}


def candidates_dir(root: Path | None = None) -> Path:
    """Folder of the review files ``<doc_id>.csv`` written by ``add``."""
    return data_dir(root) / "candidates"


def backup_dir(root: Path | None = None) -> Path:
    """Folder of the copies of curated tables kept before ``add``/``accept`` rewrite them."""
    return data_dir(root) / "backup"


# ---------------------------------------------------------------------------------------------
# Writing several files as one step
# ---------------------------------------------------------------------------------------------

@dataclass
class Transaction:
    """Atomic writes of several files, undone together: ``rollback()`` restores every file
    written through this object to its previous bytes (or removes it if it was new)."""

    written: list[tuple[Path, bytes | None]] = field(default_factory=list)

    def write(self, path: Path, data: bytes) -> None:
        path = Path(path)
        previous = path.read_bytes() if path.is_file() else None
        self.written.append((path, previous))
        write_bytes_atomic(path, data)

    def rollback(self) -> None:
        for path, previous in reversed(self.written):
            if previous is None:
                path.unlink(missing_ok=True)
            else:
                write_bytes_atomic(path, previous)
        self.written.clear()


def next_backup_path(name: str, root: Path | None = None) -> Path:
    """``data/backup/<name>.<n>.csv`` with n one more than the largest kept so far."""
    folder = backup_dir(root)
    numbers = [int(m.group(1)) for p in folder.glob(f"{name}.*.csv")
               if (m := re.fullmatch(rf"{re.escape(name)}\.(\d+)\.csv", p.name))] if folder.is_dir() else []
    return folder / f"{name}.{max(numbers, default=0) + 1}.csv"


# ---------------------------------------------------------------------------------------------
# Validation on a temporary copy
# ---------------------------------------------------------------------------------------------

def _staged_problems(root: Path, replacements: dict[str, bytes]) -> list[Problem]:
    """Problems that the given file replacements would add to the project.

    Copies ``seeds/`` and ``data/`` (without derived tables, backups and review files) to a
    temporary root, writes ``replacements`` there (paths relative to the root), and returns
    the problems ``check_all`` finds there but not in the project as it is, so that a project
    whose other tables are still being curated can still grow.
    """
    from .validate import check_all
    before = set(map(str, check_all(root)))
    with tempfile.TemporaryDirectory(prefix="kzanalysis-stage-") as tmp:
        stage = Path(tmp)
        shutil.copytree(seeds_dir(root), stage / "seeds")
        shutil.copytree(data_dir(root), stage / "data",
                        ignore=shutil.ignore_patterns("derived", "backup", "candidates"))
        for rel, data in replacements.items():
            target = stage / rel
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data)
        return [p for p in check_all(stage) if str(p) not in before]


# ---------------------------------------------------------------------------------------------
# add
# ---------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class AddResult:
    """What ``add_document`` wrote."""

    doc_id: str
    seed: Path
    candidates: Path
    counts: dict[str, int]  # candidate rows per table


def parse_iso_date(value: str, where: str = "--date") -> tuple[date | None, str, list[Problem]]:
    """(first day, precision, problems) of an ISO date ``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY``."""
    value = value.strip()
    match = re.fullmatch(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?", value)
    if match:
        year, month, day = match.group(1), match.group(2), match.group(3)
        try:
            parsed = date(int(year), int(month or 1), int(day or 1))
            precision = "day" if day else "month" if month else "year"
            return parsed, precision, []
        except ValueError as exc:
            return None, "", [Problem(CLI, None, where, f"{value!r} is not a real date ({exc})")]
    return None, "", [Problem(CLI, None, where,
                              f"{value!r} is not an ISO date: write YYYY-MM-DD (or YYYY-MM, YYYY when only "
                              "the month or year is known)")]


def default_doc_id(outlet: str, when: date) -> str:
    """``<outlet slug>-<year>``: the outlet's first word(s), lower case, e.g. ``jamestown-2023``."""
    words = re.findall(r"[a-z0-9]+", outlet.lower().replace("the ", " "))
    stem = "-".join(words[:2]) if words else "doc"
    return f"{stem}-{when.year}"


def text_problems(path: Path, data: bytes) -> list[Problem]:
    """Problems that make a file unusable as a seed: those of ``files.seed_problems``
    (empty, NUL bytes, not UTF-8, BOM, too large) and control characters of a non-text file."""
    problems = seed_problems(path, data)
    if problems:
        return problems
    text = data.decode("utf-8")
    controls = sum(1 for ch in text if ord(ch) < 32 and ch not in "\t\n\r\f")
    if controls > max(1, MAX_CONTROL_SHARE * len(text)):
        return [Problem(relative(path), None, None,
                        f"{controls} control characters: this is not a text file (a seed must be plain text)")]
    return []


def _csv_line(values: list[str]) -> str:
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerow(values)
    return buffer.getvalue()


def _appended(existing: bytes | None, header: list[str], lines: list[str]) -> bytes:
    """Existing CSV bytes (or a header) with ``lines`` appended; existing rows stay byte for byte."""
    text = existing.decode("utf-8") if existing else _csv_line(header)
    if text and not text.endswith("\n"):
        text += "\n"
    return (text + "".join(lines)).encode("utf-8")


def add_document(path: Path, *, title: str, outlet: str, date_text: str, doc_id: str | None = None,
                 author: str = "", url: str = "", outlet_country: str = "unknown", date_basis: str = "stated",
                 date_evidence: str = "", perspective: str = "", text_quality: str = "",
                 rights: str = DEFAULT_RIGHTS, root: Path | None = None) -> AddResult:
    """Add the text at ``path`` to the corpus (see module docstring); raise ``DataError`` listing
    every problem, with nothing written, if anything is wrong."""
    root = root or project_root()
    path = Path(path)
    problems: list[Problem] = []
    data = b""
    if not path.exists():
        problems.append(Problem(str(path), None, None, "file not found"))
    elif not path.is_file():
        problems.append(Problem(str(path), None, None, "not a file"))
    elif path.stat().st_size > MAX_SEED_BYTES:
        problems.append(Problem(str(path), None, None,
                                f"file is {path.stat().st_size:,} bytes; a seed may be at most {MAX_SEED_BYTES:,}"))
    else:
        data = path.read_bytes()
        problems.extend(Problem(str(path), p.line, p.field, p.message) for p in text_problems(path, data))
    when, precision, date_problems = parse_iso_date(date_text)
    problems.extend(date_problems)
    for name, value in [("--title", title), ("--outlet", outlet)]:
        if not value or not value.strip():
            problems.append(Problem(CLI, None, name, "a value is required"))
    sources_res = resource("sources", root)
    sources, source_problems = read_resource("sources", root)
    if source_problems:
        raise DataError(source_problems)  # fix the existing metadata first
    if doc_id is None and when is not None and outlet.strip():
        doc_id = default_doc_id(outlet, when)
    if doc_id is not None:
        if not re.fullmatch(DOC_ID_PATTERN, doc_id):
            problems.append(Problem(CLI, None, "--doc-id",
                                    f"{doc_id!r} is not a doc_id: lower-case letters and digits in words joined "
                                    "by '-', e.g. jamestown-2023"))
        elif doc_id in set(sources["doc_id"]):
            problems.append(Problem(CLI, None, "--doc-id",
                                    f"doc_id {doc_id!r} is already in seeds/sources.csv; choose another with --doc-id"))
        elif (candidates_dir(root) / f"{doc_id}.csv").exists():
            problems.append(Problem(relative(candidates_dir(root) / f"{doc_id}.csv", root), None, None,
                                    "a review file for this doc_id already exists; remove it or choose another --doc-id"))
    digest = ""
    if data and not any(p.file == str(path) for p in problems):
        digest = hashlib.sha256(data).hexdigest()
        for row in sources.itertuples():
            seed = seeds_dir(root) / row.file
            if row.sha256 == digest or (seed.is_file() and sha256_of(seed) == digest):
                problems.append(Problem(str(path), None, None,
                                        f"same content (SHA-256 {digest[:12]}…) as seeds/{row.file}, "
                                        f"already in the corpus as {row.doc_id!r}"))
                break
    if problems:
        raise DataError(problems)

    assert when is not None and doc_id is not None
    numbers = [int(m.group(1)) for f in sources["file"] if (m := re.match(r"(\d+)_", f))]
    seed_name = f"{max(numbers, default=-1) + 1:03d}_{digest[:16]}.txt"
    seed_path = seeds_dir(root) / seed_name
    row = {
        "doc_id": doc_id, "file": seed_name, "sha256": digest, "title": title.strip(), "outlet": outlet.strip(),
        "outlet_country": outlet_country or "unknown", "author": author, "date": when.isoformat(),
        "date_precision": precision, "date_basis": date_basis,
        "date_evidence": date_evidence or "date given to `kzanalysis add`; check it against the text",
        "url": url, "perspective": perspective or "not yet described (fill in while reviewing)",
        "text_quality": text_quality or "not yet reviewed", "rights": rights,
    }
    old_sources = sources_res.path.read_bytes()
    new_sources = _appended(old_sources, sources_res.columns, [_csv_line([row[c] for c in sources_res.columns])])
    staged = _staged_problems(root, {f"seeds/{seed_name}": data, "seeds/sources.csv": new_sources})
    if staged:
        raise DataError(staged)

    text = data.decode("utf-8")
    extractor = ex.Extractor.from_tables(load_aliases(root), load_actors(root))
    extraction = extractor.extract(doc_id, text, when)
    review = ex.candidates(doc_id, text, extraction)
    review_path = candidates_dir(root) / f"{doc_id}.csv"

    tx = Transaction()
    try:
        tx.write(seed_path, data)
        tx.write(next_backup_path("sources", root), old_sources)
        tx.write(sources_res.path, new_sources)
        tx.write(review_path, _review_csv(review).encode("utf-8"))
    except BaseException:
        tx.rollback()
        raise
    counts = review["table"].value_counts().to_dict()
    return AddResult(doc_id, seed_path, review_path, {t: int(counts.get(t, 0)) for t in ("claims", "events", "mentions")})


def _review_csv(review: pd.DataFrame) -> str:
    buffer = io.StringIO()
    review.to_csv(buffer, index=False, lineterminator="\n")
    return buffer.getvalue()


# ---------------------------------------------------------------------------------------------
# accept
# ---------------------------------------------------------------------------------------------

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
        return [], [Problem(file, 1, None, f"no header row; expected: {', '.join(ex.CANDIDATE_COLUMNS)}")]
    if header != ex.CANDIDATE_COLUMNS:
        return [], [Problem(file, 1, None, f"the header must be: {', '.join(ex.CANDIDATE_COLUMNS)}")]
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
    from .corpus import load_texts
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
    new_lines: dict[str, list[str]] = {"claims": [], "events": []}
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
            new_lines[table].append(_csv_line([values.get(c, "") for c in res.columns]))
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
            replacements[res.path] = _appended(old, res.columns, lines)
    staged = _staged_problems(root, {p.relative_to(root).as_posix(): d for p, d in replacements.items()})
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


# ---------------------------------------------------------------------------------------------
# Command line
# ---------------------------------------------------------------------------------------------

def _cmd_add(args: argparse.Namespace) -> int:
    result = add_document(Path(args.path), title=args.title, outlet=args.outlet, date_text=args.date,
                          doc_id=args.doc_id, author=args.author, url=args.url, outlet_country=args.outlet_country,
                          date_basis=args.date_basis, date_evidence=args.date_evidence,
                          perspective=args.perspective, text_quality=args.text_quality, rights=args.rights)
    root = project_root()
    print(f"kzanalysis add: added {result.doc_id} as {relative(result.seed, root)} (row appended to seeds/sources.csv)")
    print(f"kzanalysis add: review file {relative(result.candidates, root)}: "
          + ", ".join(f"{n} {t} candidates" for t, n in result.counts.items()))
    print("next: write yes in the 'accept' column of the rows to keep, then "
          f"`kzanalysis accept {result.doc_id}`; add aliases for new actors to data/aliases.csv; "
          "then `kzanalysis check` and `kzanalysis build`")
    return 0


def _cmd_accept(args: argparse.Namespace) -> int:
    result = accept_candidates(args.doc_id, dry_run=args.dry_run)
    verb = "would move" if args.dry_run else "moved"
    for table, ids in result.moved.items():
        shown = f" ({ids[0]} … {ids[-1]})" if ids else ""
        print(f"kzanalysis accept: {verb} {len(ids)} row(s) to data/{table}.csv{shown}")
    if result.mentions:
        print(f"kzanalysis accept: {result.mentions} accepted mention row(s) left in place: mentions are derived by "
              "`kzanalysis build`; add new names to data/aliases.csv")
    if result.pending:
        print(f"kzanalysis accept: {result.pending} row(s) not reviewed yet (accept is empty)")
    return 0


def _cmd_extract(args: argparse.Namespace) -> int:
    from .corpus import load_exclusions, load_sources, load_texts, sentences
    root = project_root()
    extractor = ex.Extractor.from_tables(load_aliases(root), load_actors(root))
    if args.file:
        path = Path(args.file)
        data = path.read_bytes() if path.is_file() else b""
        problems = text_problems(path, data) if path.is_file() else [Problem(str(path), None, None, "file not found")]
        when = None
        if args.date:
            when, _, date_problems = parse_iso_date(args.date)
            problems += date_problems
        if problems:
            raise DataError(problems)
        docs = {path.stem: (data.decode("utf-8"), when, None)}
    else:
        texts = load_texts(root)
        sources = load_sources(root).set_index("doc_id")
        unknown = [d for d in args.doc_ids if d not in texts]
        if unknown:
            raise DataError([Problem(CLI, None, "DOC_ID", f"unknown doc_id {d!r} (known: {', '.join(sorted(texts))})")
                             for d in unknown])
        sents = sentences(texts, load_exclusions(root))
        docs = {d: (texts[d], ex.document_date(sources.at[d, "date"]), sents)
                for d in (args.doc_ids or sorted(texts))}
    with pd.option_context("display.width", 200, "display.max_colwidth", 50, "display.max_rows", 10_000):
        for doc_id, (text, when, sents) in docs.items():
            result = extractor.extract(doc_id, text, when, sents)
            if args.output:
                review = ex.candidates(doc_id, text, result)
                target = Path(args.output) / f"{doc_id}.csv"
                write_text_atomic(target, _review_csv(review))
                print(f"kzanalysis extract: wrote {target} ({len(review)} rows)")
                continue
            q = result["quantities"]
            print(f"== {doc_id}: {len(q)} quantities, {len(result['dates'])} dates, "
                  f"{len(result['mentions'])} gazetteer mentions")
            print(repr(Table(q[["start", "quote", "value", "unit", "qualifier", "subject", "partner", "period",
                                "metric", "confidence"]], index=False)))
            print(repr(Table(result["dates"][["start", "quote", "date", "date_precision", "date_basis"]], index=False)))
            if args.names:
                print(repr(Table(result["names"].head(args.names)[["name", "n"]], index=False)))
    return 0


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add the ``add``, ``accept`` and ``extract`` subcommands to ``kzanalysis``'s parser."""
    s = subparsers.add_parser(
        "add", help="add a UTF-8 text to seeds/ with its metadata row, and write candidate evidence for review",
        description="Copy a UTF-8 text into seeds/, append its row to seeds/sources.csv and write candidate "
                    "claims, events and mentions to data/candidates/DOC_ID.csv for review. Everything is "
                    "checked first; on any problem nothing is written. The curated tables are not touched: "
                    "review the candidates, then run `kzanalysis accept DOC_ID`.")
    s.add_argument("path", metavar="PATH", help="the text file (UTF-8, plain text, verbatim)")
    s.add_argument("--title", required=True, help="headline as printed in the text")
    s.add_argument("--outlet", required=True, help="outlet or publisher ('unknown' if the text gives none)")
    s.add_argument("--date", required=True,
                   help="publication date, ISO: YYYY-MM-DD, or YYYY-MM / YYYY when only that is known")
    s.add_argument("--doc-id", default=None, help="short stable id; default: outlet's first words and the year")
    s.add_argument("--author", default="", help="byline, if stated")
    s.add_argument("--url", default="", help="where the text is published")
    s.add_argument("--outlet-country", default="unknown", help="country of the outlet (default: unknown)")
    s.add_argument("--date-basis", default="stated", choices=["stated", "inferred"],
                   help="'stated' if the text gives the date (default), 'inferred' if it is a lower bound")
    s.add_argument("--date-evidence", default="", help="the date line or event the date rests on, quoted")
    s.add_argument("--perspective", default="", help="outlet's country / standpoint, in a few words")
    s.add_argument("--text-quality", default="", help="machine translation, misspellings, page furniture, ...")
    s.add_argument("--rights", default=DEFAULT_RIGHTS, help=f"rights note (default: {DEFAULT_RIGHTS!r})".replace("%", "%%"))
    s.set_defaults(func=_cmd_add)

    s = subparsers.add_parser(
        "accept", help="move reviewed candidates (accept=yes) into data/claims.csv and data/events.csv",
        description="Append the rows of data/candidates/DOC_ID.csv marked 'yes' to the curated tables with new "
                    "ids (DOC_ID-cNN, DOC_ID-eNN), after validating the result on a temporary copy; keeps a "
                    "backup of each table in data/backup/ and marks the moved rows 'done <id>'.")
    s.add_argument("doc_id", metavar="DOC_ID", help="the document whose review file to apply")
    s.add_argument("--dry-run", action="store_true", help="validate and report, write nothing")
    s.set_defaults(func=_cmd_accept)

    s = subparsers.add_parser(
        "extract", help="print the quantities, dates and unknown names the extractor finds (writes nothing)",
        description="Run the extractor on documents of the corpus (all, or the DOC_IDs given) or on a file, and "
                    "print quantities with their guessed subject/partner/period, dates and, with --names, the "
                    "capitalised names the gazetteer does not know.")
    s.add_argument("doc_ids", metavar="DOC_ID", nargs="*", help="documents of the corpus (default: all)")
    s.add_argument("--file", help="extract from this UTF-8 file instead of the corpus")
    s.add_argument("--date", help="document date for --file (ISO), to resolve 'last July' and the like")
    s.add_argument("--names", type=int, default=0, metavar="N",
                   help="also list the N most frequent names not in the gazetteer")
    s.add_argument("--output", metavar="FOLDER", help="write review files FOLDER/DOC_ID.csv instead of printing")
    s.set_defaults(func=_cmd_extract)


def main(argv: list[str] | None = None) -> int:
    """``python -m kzanalysis.intake add ...``: the same as ``kzanalysis add ...``."""
    from .cli import main as cli_main
    return cli_main(argv)


if __name__ == "__main__":
    sys.exit(main())
