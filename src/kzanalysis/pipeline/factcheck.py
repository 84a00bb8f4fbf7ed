"""Export the fact-check: ``data/derived/factcheck.csv`` and ``data/derived/event_checks.csv``.

Written by ``kzanalysis build`` (after the derived corpus tables), atomically and only when the
content changes; the CSV text is byte-deterministic (rows sorted by id, fixed columns, the
table writer of ``io.tables``). Columns: ``factcheck.FACTCHECK_COLUMNS`` and
``factcheck.EVENT_CHECK_COLUMNS`` (described in ``datapackage.json``).
"""
from __future__ import annotations

from pathlib import Path

from kzanalysis.analysis.factcheck_tables import factcheck_tables
from kzanalysis.io.files import write_text_atomic
from kzanalysis.io.paths import layout, project_root, relative
from kzanalysis.io.tables import to_csv_text

FACTCHECK_FILES = ("factcheck.csv", "event_checks.csv")


def write_factcheck(root: Path | None = None, out_dir: Path | None = None, echo=print) -> list[str]:
    """Write both fact-check tables; return the relative paths that changed."""
    root = root or project_root()
    out_dir = out_dir or layout(root).derived
    claims, events = factcheck_tables(root)
    changed = []
    for name, frame in zip(FACTCHECK_FILES, (claims, events)):
        path = out_dir / name
        if write_text_atomic(path, to_csv_text(frame)):
            changed.append(relative(path, root))
        echo(f"  {relative(path, root)}: {len(frame)} rows{' (updated)' if relative(path, root) in changed else ''}")
    return changed
