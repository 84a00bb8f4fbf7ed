"""A golden snapshot of what the extractor finds on the seeds: mentions, quantities, dates.

``tests/data/extraction_seeds.json`` holds ``extraction_snapshot()`` as written by
``tools/snapshot_extraction.py``; a test compares the extractor's current output with it, so a
change meant only to make extraction faster is proved to change nothing. When extraction
*rules* change on purpose, regenerate the file with the tool and say so in the commit.
"""
from __future__ import annotations

import json
import math
from pathlib import Path

from kzanalysis.corpus.sentences import sentences
from kzanalysis.corpus.sources import load_exclusions, load_sources, load_texts
from kzanalysis.extract.dates import DATE_COLUMNS, document_date
from kzanalysis.extract.extractor import Extractor
from kzanalysis.extract.quantities import QUANTITY_COLUMNS
from kzanalysis.gazetteer.actors import load_actors, load_aliases
from kzanalysis.gazetteer.mentions import MENTION_COLUMNS
from kzanalysis.io.paths import project_root

#: The snapshot file, relative to the project root.
SNAPSHOT_FILE = "tests/data/extraction_seeds.json"

#: Columns kept per table: what the rules decide (span, text, value, unit, kind, ...).
SNAPSHOT_COLUMNS = {"mentions": MENTION_COLUMNS[:7], "quantities": QUANTITY_COLUMNS, "dates": DATE_COLUMNS}


def _plain(value: object) -> object:
    """A JSON value: numpy scalars as Python numbers, a missing value as None."""
    if hasattr(value, "item"):
        value = value.item()
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return None
    return value


def extraction_snapshot(root: Path | None = None) -> dict[str, list[list]]:
    """Mentions, quantities and dates the extractor finds in every seed (excluded spans masked,
    each document with its date from ``seeds/sources.csv``), as sorted lists of rows with the
    columns of ``SNAPSHOT_COLUMNS``: deterministic, so two runs give equal snapshots."""
    root = root or project_root()
    texts = load_texts(root)
    sents = sentences(texts, load_exclusions(root))
    dates = load_sources(root).set_index("doc_id")["date"]
    extractor = Extractor.from_tables(load_aliases(root), load_actors(root))
    out: dict[str, list[list]] = {name: [] for name in SNAPSHOT_COLUMNS}
    for doc_id in sorted(texts):
        found = extractor.extract(doc_id, texts[doc_id], document_date(dates[doc_id]), sents)
        for name, columns in SNAPSHOT_COLUMNS.items():
            frame = found[name][columns]
            out[name].extend([_plain(v) for v in row] for row in frame.itertuples(index=False))
    return {name: sorted(rows, key=lambda row: json.dumps(row, ensure_ascii=False)) for name, rows in out.items()}


def snapshot_text(snapshot: dict[str, list[list]]) -> str:
    """The snapshot as the file stores it: JSON, one row per line, columns named once per table."""
    parts = []
    for name in sorted(snapshot):
        rows = ",\n    ".join(json.dumps(row, ensure_ascii=False) for row in snapshot[name])
        parts.append(f'  "{name}": {{\n    "columns": {json.dumps(SNAPSHOT_COLUMNS[name])},\n'
                     f'    "rows": [\n    {rows}\n    ]\n  }}')
    return "{\n" + ",\n".join(parts) + "\n}\n"


def read_snapshot(path: Path) -> dict[str, list[list]]:
    """The rows of a snapshot file, per table."""
    data = json.loads(path.read_bytes().decode("utf-8"))
    return {name: table["rows"] for name, table in data.items()}
