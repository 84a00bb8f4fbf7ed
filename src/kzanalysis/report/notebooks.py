"""report.notebooks (from report.py)."""
from __future__ import annotations

import json
import os
import tempfile
import time
from pathlib import Path
from typing import TYPE_CHECKING

from kzanalysis.io.files import write_text_atomic
from kzanalysis.io.paths import layout, project_root, relative
from kzanalysis.report.cache import (
    digest,
    forget,
    is_project_notebook,
    is_up_to_date,
    notebook_figures,
    notebook_key,
    project_inputs,
    record,
    stamp_path,
)

if TYPE_CHECKING:  # nbformat imports jsonschema (slow); notebooks import this package
    import nbformat


class ReportError(RuntimeError):
    """A notebook failed while the report was built; the message names notebook and cell."""


def notebook_paths(root: Path | None = None) -> list[Path]:
    """The numbered notebooks (``NN_name.ipynb``), in order."""
    return sorted(p for p in layout(root).notebooks.glob("[0-9][0-9]_*.ipynb"))


def execute_notebook(path: Path, timeout: int = 600) -> nbformat.NotebookNode:
    """Run a notebook top to bottom in a fresh kernel (cwd = its folder); return it executed.

    Raises ``ReportError`` naming the notebook, the cell number (1-based, counting all
    cells) and the exception if any cell raises.
    """
    import nbformat
    from jupyter_client.manager import KernelManager
    from nbclient import NotebookClient

    nb = nbformat.read(path, as_version=4)
    with tempfile.TemporaryDirectory(prefix="kzanalysis-kernel-") as sockets:
        # IPC sockets (absolute paths) rather than TCP on localhost: nothing listens on the
        # network while a notebook runs
        manager = KernelManager(kernel_name="python3", transport="ipc", ip=str(Path(sockets) / "kernel"))
        client = NotebookClient(nb, km=manager, timeout=timeout, kernel_name="python3", record_timing=False,
                                resources={"metadata": {"path": str(path.parent)}})
        try:
            _execute(client, nb, path)
        finally:  # the client does not shut down a kernel manager it was handed
            if manager.has_kernel:
                manager.shutdown_kernel(now=False)
    return coalesce_streams(nb)


def _execute(client, nb: nbformat.NotebookNode, path: Path) -> None:
    """Run ``client``; turn a failing cell into a ``ReportError`` naming notebook and cell."""
    from nbclient.exceptions import CellExecutionError

    try:
        client.execute()
    except CellExecutionError as exc:
        index = next((i for i, c in enumerate(nb.cells) if c.cell_type == "code"
                      and any(o.get("output_type") == "error" for o in c.get("outputs", []))), None)
        where = f"cell {index + 1}" if index is not None else "a cell"
        first = str(exc).strip().splitlines()[-1] if str(exc).strip() else type(exc).__name__
        raise ReportError(f"{relative(path)}: {where} raised an error: {first}") from None


def coalesce_streams(nb: nbformat.NotebookNode) -> nbformat.NotebookNode:
    """Merge consecutive ``stream`` outputs of the same name in every code cell, in place.

    How a kernel splits printed text into messages depends on timing; merging makes the
    saved outputs identical from run to run (nbval compares the merged text too).
    """
    for cell in nb.cells:
        if cell.cell_type != "code":
            continue
        merged: list = []
        for output in cell.get("outputs", []):
            previous = merged[-1] if merged else None
            if (output.get("output_type") == "stream" and previous is not None
                    and previous.get("output_type") == "stream" and previous.get("name") == output.get("name")):
                previous["text"] = previous["text"] + output["text"]
            else:
                merged.append(output)
        cell.outputs = merged
    return nb


def _default_jobs(count: int) -> int:
    """How many of ``count`` notebooks run at once by default: one per core, at most ``count``."""
    return max(1, min(count, os.cpu_count() or 1))


def run_notebooks(paths: list[Path], timeout: int = 600, echo=print, jobs: int | None = 1, force: bool = True,
                  root: Path | None = None) -> list[Path]:
    """Execute each notebook in place, with a progress line per notebook; return those executed.

    With ``force`` False a notebook of the project is executed only if its inputs changed since its
    last successful execution (``report.cache``: the package code, seeds, data with the derived tables,
    ``datapackage.json``, the lock file, the Python version and the notebook's cells), or if the
    notebook file or a figure it wrote differs from what that execution wrote; otherwise its line
    says "up to date". Every executed project notebook gets its stamp
    (``build/notebook-keys/<name>.sha256``), written after the notebook was written back and removed
    before it runs, so a killed build never leaves a stamp for an execution that did not complete.

    With ``jobs`` > 1 (None: one per core) up to ``jobs`` notebooks run at once, each in its own worker process and
    its own fresh kernel (the notebooks are independent: each reads the derived tables and
    writes only its own figures). The notebooks are still written back, and their progress
    lines printed, in order, so what a run writes and prints does not depend on which
    notebook finishes first. A failing notebook raises ``ReportError`` once the notebooks
    before it are written; the ones after it are not written.
    """
    import contextlib

    import nbformat

    root = root or project_root()
    total = len(paths)
    inputs = digest(project_inputs(root)) if any(is_project_notebook(p, root) for p in paths) else ""
    plans = {path: _plan(path, root, inputs) for path in paths}
    pending = [p for p in paths if force or plans[p] is None or not is_up_to_date(*plans[p], root)]
    for path in pending:
        if plans[path] is not None:
            forget(plans[path][0])
    jobs = _default_jobs(len(pending)) if jobs is None else jobs
    futures = {}
    with contextlib.ExitStack() as stack:
        if jobs > 1 and len(pending) > 1:
            echo(f"running {len(pending)} notebooks, {min(jobs, len(pending))} at a time")
            pool = stack.enter_context(_pool(min(jobs, len(pending))))
            futures = {path: pool.submit(_execute_timed, path, timeout, dict(os.environ)) for path in pending}
        try:
            for i, path in enumerate(paths, 1):
                label = f"[{i}/{total}] {relative(path, root)} ..."
                if path not in pending:
                    echo(f"{label} up to date (inputs unchanged; --force to re-execute)")
                    continue
                if path in futures:
                    nb, seconds = futures[path].result()
                else:
                    echo(label, end="", flush=True)
                    label = ""
                    nb, seconds = _execute_timed(path, timeout)
                changed = write_text_atomic(path, nbformat.writes(nb) + "\n")
                if plans[path] is not None:
                    stamp, key = plans[path]
                    record(stamp, key, [path, *notebook_figures(nb, root)], root)
                echo(f"{label} executed in {seconds:.1f} s{' (outputs changed)' if changed else ''}")
        except BaseException:
            for future in futures.values():
                future.cancel()
            raise
    return pending


def _plan(path: Path, root: Path, inputs: str) -> tuple[Path, str] | None:
    """A project notebook's stamp and the key of its execution now (None for a notebook outside the project)."""
    if not is_project_notebook(path, root):
        return None
    nb = json.loads(path.read_text(encoding="utf-8"))
    return stamp_path(root, "notebook-keys", path.stem), notebook_key(nb, path, root, inputs)


def _pool(workers: int):
    """A process pool for notebooks. Its workers are forked from a fresh server process ("forkserver"), not
    from this one: after a notebook ran here, this process holds the kernel client's threads, and a fork
    of a threaded process can deadlock."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("forkserver" if "forkserver" in methods else "spawn")
    return ProcessPoolExecutor(max_workers=workers, mp_context=context)


def _execute_timed(path: Path, timeout: int, environ: dict[str, str] | None = None) -> tuple[nbformat.NotebookNode, float]:
    """``execute_notebook`` in a worker process, with its wall time. ``environ``: the caller's environment
    at submission, which the kernel inherits (a forkserver's workers start with the environment the
    server had when it started, which may name another project root, e.g. ``KZANALYSIS_ROOT``)."""
    if environ is not None:
        os.environ.clear()
        os.environ.update(environ)
    started = time.perf_counter()
    nb = execute_notebook(path, timeout=timeout)
    return nb, time.perf_counter() - started
