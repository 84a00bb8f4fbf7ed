"""Every path the project uses, in one place.

The project root is the folder holding ``pyproject.toml`` and ``seeds/``. It is found
from this file (the package is installed in editable mode from ``src/``), and can be
overridden with the environment variable ``KZANALYSIS_ROOT`` (tests use this to work on
a temporary copy of the project).
"""
from __future__ import annotations

import os
from pathlib import Path

_ENV_ROOT = "KZANALYSIS_ROOT"


def project_root() -> Path:
    """Return the project root folder (absolute)."""
    env = os.environ.get(_ENV_ROOT)
    if env:
        return Path(env).resolve()
    return Path(__file__).resolve().parents[2]


def seeds_dir(root: Path | None = None) -> Path:
    """Folder of the verbatim corpus and its metadata (``sources.csv``, ``exclusions.csv``)."""
    return (root or project_root()) / "seeds"


def data_dir(root: Path | None = None) -> Path:
    """Folder of curated tables and their schema (``datapackage.json``)."""
    return (root or project_root()) / "data"


def derived_dir(root: Path | None = None) -> Path:
    """Folder of tables rebuilt by ``kzanalysis build`` (never edited by hand)."""
    return data_dir(root) / "derived"


def figures_dir(root: Path | None = None) -> Path:
    """Folder of exported figures (SVG and PNG)."""
    return (root or project_root()) / "figures"


def notebooks_dir(root: Path | None = None) -> Path:
    """Folder of the numbered notebooks."""
    return (root or project_root()) / "notebooks"


def report_dir(root: Path | None = None) -> Path:
    """Folder of the rendered report (HTML and PDF)."""
    return (root or project_root()) / "report"


def relative(path: Path, root: Path | None = None) -> str:
    """``path`` relative to the project root, as a POSIX string (for messages and outputs)."""
    base = root or project_root()
    try:
        return Path(path).resolve().relative_to(base.resolve()).as_posix()
    except ValueError:
        return Path(path).name
