"""Reading curated CSV tables against their schema in ``data/datapackage.json``.

The schema is a Frictionless Table Schema (a standard any Frictionless tool reads); the
validator is this module's own small one so that every problem is reported with the file,
the CSV line (the header is line 1) and the field, and all problems are collected before
one ``DataError`` is raised.

Checked per table: header (missing / extra / misordered columns), a field count per row
(quoted newlines inside a field are accepted by CSV, but reported because they break
line-oriented review), required values, types (integer, number, boolean, date),
``enum``, ``pattern``, ``minimum``/``maximum`` and ``unique``.
"""
from __future__ import annotations

import csv
import io
import json
import math
import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pandas as pd

from .errors import DataError, Problem
from .files import seed_problems
from .paths import data_dir, project_root, relative

#: Largest table accepted, in bytes (curated tables are a few hundred kB).
MAX_TABLE_BYTES = 50_000_000


@dataclass(frozen=True)
class Resource:
    """One table of the data package: its name, absolute path and Table Schema."""

    name: str
    path: Path
    fields: tuple[dict, ...]

    @property
    def columns(self) -> list[str]:
        return [f["name"] for f in self.fields]


def load_package(root: Path | None = None) -> dict:
    """The parsed ``data/datapackage.json``."""
    path = data_dir(root) / "datapackage.json"
    return json.loads(path.read_text(encoding="utf-8"))


def resource(name: str, root: Path | None = None) -> Resource:
    """The resource called ``name`` (e.g. ``"claims"``), with its path resolved."""
    root = root or project_root()
    for res in load_package(root)["resources"]:
        if res["name"] == name:
            path = (data_dir(root) / res["path"]).resolve()
            return Resource(name, path, tuple(res["schema"]["fields"]))
    raise KeyError(f"no resource {name!r} in data/datapackage.json")


def resource_names(root: Path | None = None) -> list[str]:
    """Names of all resources, in the package's order."""
    return [r["name"] for r in load_package(root)["resources"]]


def _parse(value: str, field: dict) -> tuple[object, str | None]:
    """Convert one cell; return (value, error message or None). Empty string → None."""
    kind = field["type"]
    if value == "":
        return None, None
    if kind == "string":
        return value, None
    if kind == "integer":
        if re.fullmatch(r"-?\d+", value):
            return int(value), None
        return None, f"expected a whole number, got {value!r}"
    if kind == "number":
        if re.fullmatch(r"-?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?", value):
            number = float(value)
            if math.isfinite(number):
                return number, None
        hint = " (use a point as decimal separator and no thousands separator)" if "," in value else ""
        return None, f"expected a plain number such as 6300000000 or 18.4, got {value!r}{hint}"
    if kind == "boolean":
        if value in field.get("trueValues", ["true"]):
            return True, None
        if value in field.get("falseValues", ["false"]):
            return False, None
        return None, f"expected true or false, got {value!r}"
    if kind == "date":
        try:
            if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
                raise ValueError
            return date.fromisoformat(value), None
        except ValueError:
            return None, f"expected an ISO date YYYY-MM-DD, got {value!r}"
    raise ValueError(f"unsupported field type {kind!r}")


def _check_constraints(value: object, raw: str, field: dict) -> str | None:
    cons = field.get("constraints", {})
    if value is None:
        return "a value is required" if cons.get("required") else None
    if "enum" in cons and value not in cons["enum"]:
        return f"expected one of {', '.join(cons['enum'])}; got {raw!r}"
    if "pattern" in cons and not re.fullmatch(cons["pattern"], raw):
        return f"{raw!r} does not match the expected form /{cons['pattern']}/"
    if "minimum" in cons and value < cons["minimum"]:
        return f"must be at least {cons['minimum']}, got {raw}"
    if "maximum" in cons and value > cons["maximum"]:
        return f"must be at most {cons['maximum']}, got {raw}"
    return None


def read_resource(name: str, root: Path | None = None) -> tuple[pd.DataFrame, list[Problem]]:
    """Read and validate one table; return (rows, problems).

    Rows are returned as a DataFrame with the schema's columns plus ``line`` (the CSV
    line where the row starts). A row with any problem is still returned (with None in
    the cells that failed), so that cross-table checks can run; callers that need clean
    data use ``load_resource``.
    """
    res = resource(name, root)
    file = relative(res.path, root)
    columns = res.columns
    empty = pd.DataFrame(columns=[*columns, "line"])
    if not res.path.is_file():
        return empty, [Problem(file, None, None, "file not found")]
    data = res.path.read_bytes()
    if len(data) > MAX_TABLE_BYTES:
        return empty, [Problem(file, None, None, f"file is {len(data):,} bytes; a table may be at most {MAX_TABLE_BYTES:,}")]
    problems = [p for p in seed_problems(res.path, data) if "empty" not in p.message]
    if problems:
        return empty, problems
    text = data.decode("utf-8")
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    try:
        header = next(reader)
    except StopIteration:
        return empty, [Problem(file, 1, None, f"no header row; expected columns: {', '.join(columns)}")]
    except csv.Error as exc:
        return empty, [Problem(file, 1, None, f"not readable as CSV: {exc}")]
    missing = [c for c in columns if c not in header]
    extra = [c for c in header if c not in columns]
    if missing or extra:
        for c in missing:
            problems.append(Problem(file, 1, c, "column is missing from the header"))
        for c in extra:
            problems.append(Problem(file, 1, c, f"unexpected column (expected: {', '.join(columns)})"))
        return empty, problems
    if header != columns:
        problems.append(Problem(file, 1, None, f"columns are out of order; expected: {', '.join(columns)}"))
        return empty, problems
    fields = {f["name"]: f for f in res.fields}
    rows: list[dict] = []
    seen: dict[str, dict[object, int]] = {c: {} for c in columns
                                          if fields[c].get("constraints", {}).get("unique")}
    line = 2
    while True:
        try:
            cells = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            problems.append(Problem(file, reader.line_num, None, f"not readable as CSV: {exc}"))
            break
        start_line, line = line, reader.line_num + 1
        if not cells:
            problems.append(Problem(file, start_line, None, "empty line inside the table"))
            continue
        if line - start_line > 1:
            problems.append(Problem(file, start_line, None,
                                    "a quoted field spans several lines; put each record on one line"))
        if len(cells) != len(columns):
            problems.append(Problem(file, start_line, None,
                                    f"row has {len(cells)} fields, the header has {len(columns)}"))
            continue
        row: dict = {"line": start_line}
        for col, raw in zip(columns, cells):
            value, error = _parse(raw, fields[col])
            if error is None:
                error = _check_constraints(value, raw, fields[col])
            if error:
                problems.append(Problem(file, start_line, col, error))
                value = None
            row[col] = value
            if col in seen and value is not None:
                if value in seen[col]:
                    problems.append(Problem(file, start_line, col,
                                            f"duplicate {raw!r} (first on line {seen[col][value]})"))
                else:
                    seen[col][value] = start_line
        rows.append(row)
    frame = pd.DataFrame(rows, columns=[*columns, "line"]) if rows else empty
    return _typed(frame, res.fields), problems


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
