"""Content-keyed stamps: skip a build step whose inputs and outputs are exactly those of its last run.

A *stamp* is a small text file under ``build/`` (git-ignored) in the format of ``sha256sum``:
its first line is the step's key (the SHA-256 of everything the step could depend on), each
further line the SHA-256 and relative path of one file the step wrote. A step is up to date
when its stamp exists, holds the key computed now, and every listed output still has the
listed bytes; so an edited input, an edited or deleted output, or a stamp from another
version of the code all make the step run again. A stamp is written atomically, only after
the step's outputs are in place, and a step about to run removes its stamp first: a build
killed in between leaves no stamp that claims work which did not complete.

Used for the notebooks (``notebook_key``: ``kzanalysis report`` re-executes only a notebook
whose inputs changed), the derived tables (``pipeline.rebuild``), the notebook pages and the
rendered report. ``kzanalysis verify`` never reads a stamp: it executes every notebook.
"""
from __future__ import annotations

import hashlib
import platform
from collections.abc import Iterable, Mapping
from pathlib import Path

from kzanalysis.io.files import write_text_atomic
from kzanalysis.io.paths import layout, relative

#: Where stamps live, below the project root (git-ignored, like everything under ``build/``).
STAMP_DIR = "build"
#: Folder and file names never hashed: caches of tools, checkpoints, temporaries of atomic writes.
SKIPPED_NAMES = ("__pycache__", ".ipynb_checkpoints")


def package_dir() -> Path:
    """The folder of the ``kzanalysis`` code actually imported (``src/kzanalysis`` in the checkout)."""
    return Path(__file__).resolve().parents[1]


def _skipped(path: Path, base: Path) -> bool:
    parts = path.relative_to(base).parts
    return any(p in SKIPPED_NAMES for p in parts) or (path.name.startswith(".") and path.name.endswith(".tmp"))


def files_under(folder: Path, exclude: Iterable[Path] = ()) -> list[Path]:
    """Every file below ``folder`` (sorted), without tool caches, temporaries and the ``exclude`` folders."""
    if not folder.is_dir():
        return []
    excluded = [Path(e).resolve() for e in exclude]
    return sorted(p for p in folder.rglob("*") if p.is_file() and not _skipped(p, folder)
                  and not any(p.resolve().is_relative_to(e) for e in excluded))


def digest(named: Mapping[str, Path | bytes | str]) -> str:
    """SHA-256 over (name, content) pairs in name order; a path is read (a missing file hashes as missing)."""
    hasher = hashlib.sha256()
    for name in sorted(named):
        value = named[name]
        if isinstance(value, Path):
            data = value.read_bytes() if value.is_file() else b"(missing)"
        else:
            data = value.encode("utf-8") if isinstance(value, str) else value
        hasher.update(f"{name}\0{len(data)}\0".encode())
        hasher.update(data)
    return hasher.hexdigest()


def project_inputs(root: Path, derived: bool = True) -> dict[str, Path | str]:
    """What any step could depend on: the package code, ``seeds/``, ``data/`` (with ``data/derived/``
    unless ``derived`` is False), ``datapackage.json``, ``requirements/lock.txt`` and the Python version;
    keyed by a name relative to the root (the code as ``kzanalysis/...``)."""
    paths = layout(root)
    named: dict[str, Path | str] = {"python": platform.python_version()}
    code = package_dir()
    named.update({f"kzanalysis/{p.relative_to(code).as_posix()}": p for p in files_under(code)})
    for folder in (paths.seeds, paths.data):
        excluded = () if derived else (paths.derived,)
        named.update({relative(p, root): p for p in files_under(folder, excluded)})
    named["datapackage.json"] = paths.package
    named["requirements/lock.txt"] = root / "requirements" / "lock.txt"
    return named


def stamp_path(root: Path, kind: str, name: str) -> Path:
    """``build/<kind>/<name>.sha256`` below ``root`` (e.g. ``build/notebook-keys/01_corpus.sha256``)."""
    return root / STAMP_DIR / kind / f"{name}.sha256"


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest() if path.is_file() else "missing"


def is_up_to_date(stamp: Path, key: str, root: Path) -> bool:
    """True if ``stamp`` records ``key`` and every output it lists still has the recorded SHA-256."""
    try:
        lines = stamp.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        return False
    if not lines or lines[0].split("  ")[0] != key:
        return False
    for entry in lines[1:]:
        sha, _, name = entry.partition("  ")
        if not name or _sha256(root / name) != sha:
            return False
    return True


def record(stamp: Path, key: str, outputs: Iterable[Path], root: Path) -> None:
    """Write ``stamp`` (atomically): ``key``, then the SHA-256 of each output as it is now."""
    lines = [f"{key}  (key)"] + [f"{_sha256(p)}  {relative(p, root)}" for p in sorted(set(outputs))]
    write_text_atomic(stamp, "\n".join(lines) + "\n")


def forget(stamp: Path) -> None:
    """Remove ``stamp`` (before its step runs, so that an interrupted run leaves none)."""
    stamp.unlink(missing_ok=True)


def _text(value: str | list[str]) -> str:
    """A notebook field as one string (the JSON file may split it into lines)."""
    return "".join(value) if isinstance(value, list) else value


def notebook_source(nb: Mapping) -> str:
    """A notebook's cells without their outputs: type and source of each, in order (``nb`` as read by
    ``nbformat`` or as plain JSON)."""
    return "".join(f"{cell['cell_type']}\0{_text(cell.get('source', ''))}\0" for cell in nb["cells"])


def notebook_figures(nb: Mapping, root: Path) -> list[Path]:
    """The figure files a notebook wrote, as its outputs name them (``save_figure``: SVG and PNG)."""
    names = {out.get("metadata", {}).get("kzanalysis", {}).get("figure")
             for cell in nb["cells"] if cell["cell_type"] == "code" for out in cell.get("outputs", [])}
    folder = layout(root).figures
    return [folder / f"{name}.{ext}" for name in sorted(n for n in names if n) for ext in ("svg", "png")]


def notebook_key(nb: Mapping, path: Path, root: Path, inputs: str) -> str:
    """The key of a notebook's execution: the project inputs' digest (``inputs``), its path and its cells
    (code and markdown, not outputs). Its outputs (the notebook file itself and the figures it wrote)
    are listed in its stamp, so an edited or deleted figure or cleared outputs also make it run."""
    return digest({"inputs": inputs, "notebook": relative(path, root), "cells": notebook_source(nb)})


def is_project_notebook(path: Path, root: Path) -> bool:
    """True if ``path`` is one of the notebooks of the project at ``root`` (only those are cached)."""
    return Path(path).resolve().parent == layout(root).notebooks.resolve()
