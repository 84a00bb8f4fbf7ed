"""Rebuild everything in ``data/derived/``: the corpus tables, then the fact-check exports.

One function for the two places that rebuild: ``kzanalysis build`` and ``kzanalysis verify``
(in its temporary copy), so that both produce the same set of files.
"""
from __future__ import annotations

from pathlib import Path

from kzanalysis.derived.tables import build
from kzanalysis.pipeline.factcheck import write_factcheck


def rebuild(root: Path | None = None, echo=print) -> list[str]:
    """Write the derived corpus tables and the fact-check tables; return the relative paths that changed."""
    changed = build(root, echo=echo)
    changed += write_factcheck(root, echo=echo)
    return changed
