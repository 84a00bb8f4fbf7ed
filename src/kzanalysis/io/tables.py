"""Reading curated CSV tables against their schema in ``datapackage.json``.

The data package at the repository root is a Frictionless Tabular Data Package; tables are
validated by the `frictionless` library (``frictionless validate datapackage.json`` checks
the same), and this module only turns the library's findings into the project's
``Problem`` records (file, CSV line with the header as line 1, field, what was expected),
collects all of them, and gives the columns their types for pandas.

A table whose exact bytes already passed under the same schema and library version is not
validated again (``validation_stamp``): notebooks load tables that ``kzanalysis check`` has
just validated, and the library's start-up costs seconds per process.

Two checks are the project's own because the library does not make them: a table must be
strict UTF-8 without byte-order mark (``io.files.seed_problems``), and a record must sit on
one line (a quoted newline is valid CSV, but it breaks line numbers and line-wise review).
"""
from __future__ import annotations

import csv
import functools
import hashlib
import io
import json
import os
import re
from dataclasses import dataclass
from datetime import date
from importlib import metadata
from pathlib import Path

import pandas as pd

from kzanalysis.io.errors import DataError, Problem
from kzanalysis.io.files import seed_problems, write_bytes_atomic
from kzanalysis.io.paths import layout, project_root, relative

#: Largest table accepted, in bytes (curated tables are a few hundred kB).
MAX_TABLE_BYTES = 50_000_000


@dataclass(frozen=True)
class Resource:
    """One table of the data package: its name, absolute path and Table Schema fields."""

    name: str
    path: Path
    fields: tuple[dict, ...]
    descriptor: dict

    @property
    def columns(self) -> list[str]:
        return [f["name"] for f in self.fields]


#: Parsed ``datapackage.json`` files of this process, by the SHA-256 of their bytes.
_PACKAGES: dict[str, dict] = {}


def load_package(root: Path | None = None) -> dict:
    """The parsed ``datapackage.json`` of the project root.

    Parsed once per content in a process (the key is the SHA-256 of its bytes, so an edited
    file is parsed again); the returned dict is shared: do not modify it."""
    data = layout(root).package.read_bytes()
    key = hashlib.sha256(data).hexdigest()
    if key not in _PACKAGES:
        if len(_PACKAGES) >= 16:
            _PACKAGES.clear()
        _PACKAGES[key] = json.loads(data.decode("utf-8"))
    return _PACKAGES[key]


def resource(name: str, root: Path | None = None) -> Resource:
    """The resource called ``name`` (e.g. ``"claims"``), with its path resolved against the root."""
    root = root or project_root()
    for res in load_package(root)["resources"]:
        if res["name"] == name:
            return Resource(name, (root / res["path"]).resolve(), tuple(res["schema"]["fields"]), res)
    raise KeyError(f"no resource {name!r} in datapackage.json")


def resource_names(root: Path | None = None) -> list[str]:
    """Names of all resources, in the package's order."""
    return [r["name"] for r in load_package(root)["resources"]]


# ---------------------------------------------------------------------------------------
# The library's findings as Problems
# ---------------------------------------------------------------------------------------

_TYPE_HINTS = {
    "integer": "expected a whole number",
    "number": "expected a plain number such as 6300000000 or 18.4",
    "boolean": "expected true or false",
    "date": "expected an ISO date YYYY-MM-DD",
}


def _type_message(field: dict, cell: str) -> str:
    hint = _TYPE_HINTS.get(field["type"], f"expected a {field['type']}")
    if field["type"] == "number" and "," in cell:
        hint += " (use a point as decimal separator and no thousands separator)"
    return f"{hint}, got {cell!r}"


def _constraint_message(field: dict, cell: str, note: str) -> str:
    cons = field.get("constraints", {})
    if note.startswith('constraint "required"'):
        return "a value is required"
    if note.startswith('constraint "enum"'):
        return f"expected one of {', '.join(map(str, cons['enum']))}; got {cell!r}"
    if note.startswith('constraint "pattern"'):
        return f"{cell!r} does not match the expected form /{cons['pattern']}/"
    if note.startswith('constraint "minimum"'):
        return f"must be at least {cons['minimum']}, got {cell}"
    if note.startswith('constraint "maximum"'):
        return f"must be at most {cons['maximum']}, got {cell}"
    return note


def _header_problems(res: Resource, file: str, header_row: list[str]) -> list[Problem]:
    """The library compares labels by position; say instead which columns are missing, extra or moved."""
    expected = ", ".join(res.columns)
    missing = [c for c in res.columns if c not in header_row]
    extra = [c for c in header_row if c not in res.columns]
    problems = [Problem(file, 1, c, "column is missing from the header") for c in missing]
    problems += [Problem(file, 1, c, f"unexpected column (expected: {expected})") for c in extra]
    return problems or [Problem(file, 1, None, f"columns are out of order; expected: {expected}")]


def _library_problems(res: Resource, file: str, line_of_row: dict[int, int], header_row: list[str]) -> list[Problem]:
    """Validate with frictionless; one Problem per error, header errors alone if the header is wrong."""
    from frictionless import Resource as FrictionlessResource

    descriptor = {k: v for k, v in res.descriptor.items() if k != "path"}
    table = FrictionlessResource({**descriptor, "path": res.path.name}, basepath=str(res.path.parent))
    report = table.validate()
    fields = {f["name"]: f for f in res.fields}
    header, rows = [], []
    for task in report.tasks:
        for error in task.errors:
            kind = error.type
            if kind in ("extra-label", "missing-label", "incorrect-label", "duplicate-label", "blank-label"):
                header.append(error)
            elif kind not in ("primary-key",):  # a one-field primary key repeats the unique error
                rows.append(error)
    if header:
        return _header_problems(res, file, header_row)
    problems = []
    for error in rows:
        line = line_of_row.get(error.row_number, error.row_number)
        if error.type == "type-error":
            problems.append(Problem(file, line, error.field_name, _type_message(fields[error.field_name], error.cell)))
        elif error.type == "constraint-error":
            problems.append(Problem(file, line, error.field_name,
                                    _constraint_message(fields[error.field_name], error.cell, error.note)))
        elif error.type == "unique-error":
            first = re.search(r"position (\d+)", error.note)
            where = f" (first on line {line_of_row.get(int(first.group(1)), first.group(1))})" if first else ""
            problems.append(Problem(file, line, error.field_name, f"duplicate {error.cell!r}{where}"))
        elif error.type in ("extra-cell", "missing-cell"):
            problems.append(Problem(file, line, None, f"row has a different number of fields than the header "
                                                      f"({len(res.columns)}): {error.type.replace('-', ' ')}"))
        elif error.type == "blank-row":
            problems.append(Problem(file, line, None, "empty line inside the table"))
        else:
            problems.append(Problem(file, line, getattr(error, "field_name", None), error.message))
    return problems


# ---------------------------------------------------------------------------------------
# Validated once per content
# ---------------------------------------------------------------------------------------

def cache_dir() -> Path:
    """Folder of validation stamps: ``$KZANALYSIS_CACHE``, else ``$XDG_CACHE_HOME/kzanalysis``, else ``~/.cache/kzanalysis``."""
    if os.environ.get("KZANALYSIS_CACHE"):
        return Path(os.environ["KZANALYSIS_CACHE"])
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "kzanalysis"


def validation_stamp(res: Resource, data: bytes) -> Path:
    """Stamp file that exists once these exact bytes passed the library's validation under this schema.

    The key is the SHA-256 of the table's bytes, its resource descriptor and the frictionless
    version, so any change to the table, the schema or the library validates again.
    """
    digest = hashlib.sha256()
    digest.update(data)
    digest.update(json.dumps(res.descriptor, sort_keys=True).encode("utf-8"))
    digest.update(_library_version().encode("utf-8"))
    return cache_dir() / "validated" / f"{digest.hexdigest()}.ok"


@functools.cache
def _library_version() -> str:
    """The installed frictionless version (read once per process: metadata look-ups cost milliseconds)."""
    return metadata.version("frictionless")


def _write_stamp(stamp: Path) -> None:
    try:
        write_bytes_atomic(stamp, b"")
    except OSError:  # a read-only home only costs speed
        pass


# ---------------------------------------------------------------------------------------
# Reading
# ---------------------------------------------------------------------------------------

def _records(text: str) -> tuple[list[list[str]], dict[int, int], list[int]]:
    """CSV records, the CSV line where each row (frictionless row number) starts, and rows spanning lines."""
    reader = csv.reader(io.StringIO(text, newline=""))
    records, line_of_row, multi = [], {}, []
    line = 1
    for row_number, cells in enumerate(reader, start=1):
        line_of_row[row_number] = line
        if reader.line_num > line:
            multi.append(row_number)
        line = reader.line_num + 1
        records.append(cells)
    return records, line_of_row, multi


def _typed_value(raw: str, field: dict) -> object:
    """A valid cell as a Python value (``None`` for empty); the library has already checked it."""
    if raw == "":
        return None
    kind = field["type"]
    if kind == "integer":
        return int(raw)
    if kind == "number":
        return float(raw)
    if kind == "boolean":
        return raw in field.get("trueValues", ["true"])
    if kind == "date":
        return date.fromisoformat(raw)
    return raw


#: Results of ``read_resource`` in this process, by what they depend on: the table's path relative
#: to the root (as the problems name it), its schema and the SHA-256 of its bytes. A notebook loading
#: the same table several times, and a copy of the project in which only another table differs
#: (``check`` of a staged copy, tests that break one table), read and validate it once.
_READ_CACHE: dict[tuple[str, str, str, str], tuple[pd.DataFrame, list[Problem]]] = {}


def read_resource(name: str, root: Path | None = None) -> tuple[pd.DataFrame, list[Problem]]:
    """Read and validate one table; return (rows, problems) (cached by content, see ``_READ_CACHE``).

    See ``_read_resource``.
    """
    res = resource(name, root)
    if not res.path.is_file():
        return _read_resource(res, root)
    data = res.path.read_bytes()
    if len(data) > MAX_TABLE_BYTES:
        return _read_resource(res, root)
    key = (relative(res.path, root), relative(res.path), json.dumps(res.descriptor, sort_keys=True),
           hashlib.sha256(data).hexdigest())
    if key not in _READ_CACHE:
        if len(_READ_CACHE) >= 256:
            _READ_CACHE.clear()
        _READ_CACHE[key] = _read_resource(res, root, data)
    frame, problems = _READ_CACHE[key]
    return frame.copy(), list(problems)


def _read_resource(res: Resource, root: Path | None, data: bytes | None = None) -> tuple[pd.DataFrame, list[Problem]]:
    """Read and validate one table; return (rows, problems).

    Rows come as a DataFrame with the schema's columns plus ``line`` (the CSV line where the
    row starts). A row with a problem is still returned, with None in the cells that failed,
    so that cross-table checks can run; callers that need clean data use ``load_resource``.
    """
    file = relative(res.path, root)
    empty = pd.DataFrame(columns=[*res.columns, "line"])
    if not res.path.is_file():
        return empty, [Problem(file, None, None, "file not found")]
    data = res.path.read_bytes() if data is None else data
    if len(data) > MAX_TABLE_BYTES:
        return empty, [Problem(file, None, None, f"file is {len(data):,} bytes; a table may be at most {MAX_TABLE_BYTES:,}")]
    problems = [p for p in seed_problems(res.path, data) if "empty" not in p.message]
    if problems:
        return empty, problems
    records, line_of_row, multi = _records(data.decode("utf-8"))
    if not records:
        return empty, [Problem(file, 1, None, f"no header row; expected columns: {', '.join(res.columns)}")]
    problems = [Problem(file, line_of_row[n], None, "a quoted field spans several lines; put each record on one line")
                for n in multi]
    stamp = validation_stamp(res, data)
    if not stamp.is_file():
        found = _library_problems(res, file, line_of_row, records[0])
        problems += found
        if not found:
            _write_stamp(stamp)
    if any(p.line == 1 for p in problems):
        return empty, problems
    bad = {(p.line, p.field) for p in problems}
    fields = res.fields
    rows = []
    for row_number, cells in enumerate(records[1:], start=2):
        line = line_of_row[row_number]
        if len(cells) != len(fields) or not any(cells):
            continue  # reported above (field count, blank row)
        row = {f["name"]: (None if (line, f["name"]) in bad else _typed_value(raw, f)) for f, raw in zip(fields, cells)}
        row["line"] = line
        rows.append(row)
    frame = pd.DataFrame(rows, columns=[*res.columns, "line"]) if rows else empty
    return _typed(frame, fields), problems


def _typed(frame: pd.DataFrame, fields: tuple[dict, ...]) -> pd.DataFrame:
    """Give columns their schema dtypes: strings as str ('' for empty), ints nullable."""
    out = frame.copy()
    for f in fields:
        col = f["name"]
        if f["type"] == "string":
            out[col] = out[col].fillna("").astype(str)
        elif f["type"] == "integer":
            out[col] = pd.array(out[col], dtype="Int64")
        elif f["type"] == "number":
            out[col] = out[col].astype(float)
        elif f["type"] == "boolean":
            out[col] = out[col].astype("boolean")
    out["line"] = out["line"].astype(int)
    return out.reset_index(drop=True)


def load_resource(name: str, root: Path | None = None) -> pd.DataFrame:
    """Read one table; raise ``DataError`` listing every problem, else return its rows (no ``line``)."""
    frame, problems = read_resource(name, root)
    if problems:
        raise DataError(problems)
    return frame.drop(columns="line")


def to_csv_text(frame: pd.DataFrame) -> str:
    """Deterministic CSV text of a DataFrame (UTF-8, ``\\n``, minimal quoting, floats via repr)."""
    buffer = io.StringIO()
    frame.to_csv(buffer, index=False, lineterminator="\n")
    return buffer.getvalue()
