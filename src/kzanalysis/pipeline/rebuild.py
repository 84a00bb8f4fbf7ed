"""Rebuild everything in ``data/derived/``: the corpus tables, then the fact-check exports.

One function for the two places that rebuild: ``kzanalysis build`` and ``kzanalysis verify``
(in its temporary copy), so that both produce the same set of files. A rebuild whose inputs
(the package code, ``seeds/``, the curated ``data/``, ``datapackage.json``, the lock file, the
Python version) and outputs are those of the last one is skipped (stamp
``build/output-keys/derived.sha256``, see ``report.cache``); ``force`` rebuilds regardless.
"""
from __future__ import annotations

from pathlib import Path

from kzanalysis.derived.tables import build
from kzanalysis.io.paths import layout, project_root, relative
from kzanalysis.pipeline.factcheck import write_factcheck
from kzanalysis.report.cache import digest, files_under, forget, is_up_to_date, project_inputs, record, stamp_path


def rebuild(root: Path | None = None, echo=print, force: bool = False) -> list[str]:
    """Write the derived corpus tables and the fact-check tables; return the relative paths that changed."""
    root = root or project_root()
    derived = layout(root).derived
    stamp, key = stamp_path(root, "output-keys", "derived"), digest(project_inputs(root, derived=False))
    if not force and files_under(derived) and is_up_to_date(stamp, key, root):
        echo(f"  {relative(derived, root)}/ is up to date (inputs unchanged: not rebuilt)")
        return []
    forget(stamp)
    changed = build(root, echo=echo)
    changed += write_factcheck(root, echo=echo)
    record(stamp, key, files_under(derived), root)
    return changed
