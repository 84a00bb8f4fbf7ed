"""Every path the project uses, in one place.

The project root is the folder holding ``pyproject.toml`` and ``seeds/``. It is found
from this file (the package is installed in editable mode from ``src/``), and can be
overridden with the environment variable ``KZANALYSIS_ROOT`` (tests use this to work on
a temporary copy of the project).
"""
from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

_ENV_ROOT = "KZANALYSIS_ROOT"


def project_root() -> Path:
    """Return the project root folder (absolute)."""
    env = os.environ.get(_ENV_ROOT)
    if env:
        return Path(env).resolve()
    return Path(__file__).resolve().parents[3]


@dataclass(frozen=True)
class Layout:
    """Where everything is, below one project root (absolute paths)."""

    root: Path        # the folder holding pyproject.toml
    seeds: Path       # the verbatim corpus and its metadata (sources.csv, exclusions.csv)
    package: Path     # datapackage.json: the schema of every table
    data: Path        # curated tables
    derived: Path     # tables rebuilt by ``kzanalysis build`` (never edited by hand)
    figures: Path     # exported figures (SVG and PNG)
    notebooks: Path   # the numbered notebooks
    report: Path      # the rendered report (HTML and PDF)


def layout(root: Path | None = None) -> Layout:
    """The project's folders and files below ``root`` (default: ``project_root()``)."""
    base = root or project_root()
    return Layout(root=base, seeds=base / "seeds", package=base / "datapackage.json", data=base / "data",
                  derived=base / "data" / "derived", figures=base / "figures", notebooks=base / "notebooks",
                  report=base / "report")


def relative(path: Path, root: Path | None = None) -> str:
    """``path`` relative to the project root, as a POSIX string (for messages and outputs)."""
    base = root or project_root()
    try:
        return Path(path).resolve().relative_to(base.resolve()).as_posix()
    except ValueError:
        return Path(path).name
