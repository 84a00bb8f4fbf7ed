"""Shared fixtures: a temporary copy of the project's inputs, to break on purpose, and notebooks run
in-process where a test is about what runs, not how a cell runs."""
from __future__ import annotations

import contextlib
import io
import os
import time
from pathlib import Path

import nbformat
import pytest

from kzanalysis.io.files import copy_inputs
from kzanalysis.io.paths import project_root
from kzanalysis.report import notebooks

ROOT = project_root()


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of seeds/, data/ (curated tables) and datapackage.json (their schema) in a temporary root."""
    copy_inputs(ROOT, tmp_path)
    (tmp_path / "figures").mkdir()
    monkeypatch.setenv("KZANALYSIS_ROOT", str(tmp_path))
    return tmp_path


def rewrite(path: Path, old: str, new: str, count: int = 1) -> None:
    """Replace ``old`` by ``new`` in a UTF-8 file (asserting that ``old`` is there)."""
    text = path.read_bytes().decode("utf-8")
    assert old in text, f"{old!r} not in {path.name}"
    path.write_bytes(text.replace(old, new, count).encode("utf-8"))


def in_process_execute(path, timeout: int = 600, environ=None):
    """Stand-in for ``notebooks._execute_timed``: each code cell run by ``exec`` in one namespace; its
    prints become a stdout stream output and each ``display(data, raw=True, metadata=...)`` a
    display_data output, as the kernel gives them. Like the real one it takes the caller's environment
    (in a pool's worker, ``KZANALYSIS_ROOT`` must name the small project, not the one the worker started in)."""
    if environ is not None:
        os.environ.clear()
        os.environ.update(environ)
    started = time.perf_counter()
    nb = nbformat.read(path, as_version=4)
    namespace: dict = {}
    for cell in (c for c in nb.cells if c.cell_type == "code"):
        displayed: list = []

        def display(data, raw=False, metadata=None, _into=displayed):
            _into.append(nbformat.v4.new_output("display_data", data=data, metadata=metadata or {}))
        namespace["display"] = display
        printed = io.StringIO()
        with contextlib.redirect_stdout(printed):
            exec(cell.source.replace("from IPython.display import display\n", ""), namespace)
        cell.outputs = ([nbformat.v4.new_output("stream", name="stdout", text=printed.getvalue())]
                        if printed.getvalue() else []) + displayed
    return nb, time.perf_counter() - started


@pytest.fixture
def in_process_kernel(monkeypatch):
    """``run_notebooks`` (and the report build) execute notebooks with ``in_process_execute``, also in a
    pool's workers (the stand-in is pickled by reference, as the real one is)."""
    monkeypatch.setattr(notebooks, "_execute_timed", in_process_execute)
