"""intake.staging (from intake.py)."""
from __future__ import annotations

import csv
import io
import re
import tempfile
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import pandas as pd

from kzanalysis.io.errors import Problem
from kzanalysis.io.files import copy_inputs, seed_problems, write_bytes_atomic
from kzanalysis.io.paths import layout, relative
from kzanalysis.pipeline.check import check_all

#: Share of control characters (other than tab, newline, carriage return, form feed) above
#: which a UTF-8 file is not prose (a renamed binary, a terminal capture).
MAX_CONTROL_SHARE = 0.001


def candidates_dir(root: Path | None = None) -> Path:
    """Folder of the review files ``<doc_id>.csv`` written by ``add``."""
    return layout(root).data / "candidates"


def backup_dir(root: Path | None = None) -> Path:
    """Folder of the copies of curated tables kept before ``add``/``accept`` rewrite them."""
    return layout(root).data / "backup"


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


def staged_problems(root: Path, replacements: dict[str, bytes]) -> list[Problem]:
    """Problems that the given file replacements would add to the project.

    Copies ``seeds/`` and ``data/`` (without derived tables, backups and review files) to a
    temporary root, writes ``replacements`` there (paths relative to the root), and returns
    the problems ``check_all`` finds there but not in the project as it is, so that a project
    whose other tables are still being curated can still grow.
    """
    before = set(map(str, check_all(root)))
    with tempfile.TemporaryDirectory(prefix="kzanalysis-stage-") as tmp:
        stage = Path(tmp)
        copy_inputs(root, stage)
        for rel, data in replacements.items():
            target = stage / rel
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data)
        return [p for p in check_all(stage) if str(p) not in before]


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


def csv_line(values: list[str]) -> str:
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerow(values)
    return buffer.getvalue()


def appended(existing: bytes | None, header: list[str], lines: list[str]) -> bytes:
    """Existing CSV bytes (or a header) with ``lines`` appended; existing rows stay byte for byte."""
    text = existing.decode("utf-8") if existing else csv_line(header)
    if text and not text.endswith("\n"):
        text += "\n"
    return (text + "".join(lines)).encode("utf-8")


CLI = "command line"  # the ``file`` of a Problem about a command-line argument


def review_csv(review: pd.DataFrame) -> str:
    buffer = io.StringIO()
    review.to_csv(buffer, index=False, lineterminator="\n")
    return buffer.getvalue()


