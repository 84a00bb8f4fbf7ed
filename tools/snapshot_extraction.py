"""Regenerate ``tests/data/extraction_seeds.json``: the extractor's mentions, quantities and dates on the seeds.

    .venv/bin/python tools/snapshot_extraction.py

Run it only when extraction rules change on purpose (and say so in the commit): the test
``tests/test_extraction_snapshot.py`` proves that every other change leaves the output as stored.
"""
import sys

from kzanalysis.extract.snapshot import SNAPSHOT_FILE, extraction_snapshot, snapshot_text
from kzanalysis.io.files import write_text_atomic
from kzanalysis.io.paths import project_root


def main() -> int:
    path = project_root() / SNAPSHOT_FILE
    path.parent.mkdir(parents=True, exist_ok=True)
    snapshot = extraction_snapshot()
    write_text_atomic(path, snapshot_text(snapshot))
    counts = ", ".join(f"{len(rows):,} {name}" for name, rows in sorted(snapshot.items()))
    print(f"wrote {SNAPSHOT_FILE} ({counts})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
