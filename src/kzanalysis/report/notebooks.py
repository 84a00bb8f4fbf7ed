"""report.notebooks (from report.py)."""
from __future__ import annotations

import os
import tempfile
import time
from pathlib import Path
from typing import TYPE_CHECKING

from kzanalysis.io.files import write_text_atomic
from kzanalysis.io.paths import layout, relative

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


def run_notebooks(paths: list[Path], timeout: int = 600, echo=print, jobs: int | None = 1) -> None:
    """Execute each notebook in place, with a progress line per notebook.

    With ``jobs`` > 1 (None: one per core) up to ``jobs`` notebooks run at once, each in its own worker process and
    its own fresh kernel (the notebooks are independent: each reads the derived tables and
    writes only its own figures). The notebooks are still written back, and their progress
    lines printed, in order, so what a run writes and prints does not depend on which
    notebook finishes first. A failing notebook raises ``ReportError`` once the notebooks
    before it are written; the ones after it are not written.
    """
    import nbformat

    total = len(paths)
    jobs = _default_jobs(total) if jobs is None else jobs
    if jobs <= 1 or total <= 1:
        for i, path in enumerate(paths, 1):
            echo(f"[{i}/{total}] {relative(path)} ...", end="", flush=True)
            started = time.perf_counter()
            nb = execute_notebook(path, timeout=timeout)
            changed = write_text_atomic(path, nbformat.writes(nb) + "\n")
            echo(f" {time.perf_counter() - started:.1f} s{' (outputs changed)' if changed else ''}")
        return
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    echo(f"running {total} notebooks, {min(jobs, total)} at a time")
    context = multiprocessing.get_context("fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn")
    with ProcessPoolExecutor(max_workers=min(jobs, total), mp_context=context) as pool:
        futures = [pool.submit(_execute_timed, path, timeout) for path in paths]
        try:
            for i, (path, future) in enumerate(zip(paths, futures), 1):
                nb, seconds = future.result()
                changed = write_text_atomic(path, nbformat.writes(nb) + "\n")
                echo(f"[{i}/{total}] {relative(path)} ... {seconds:.1f} s{' (outputs changed)' if changed else ''}")
        except BaseException:
            for future in futures:
                future.cancel()
            raise


def _execute_timed(path: Path, timeout: int) -> tuple[nbformat.NotebookNode, float]:
    """``execute_notebook`` in a worker process, with its wall time."""
    started = time.perf_counter()
    nb = execute_notebook(path, timeout=timeout)
    return nb, time.perf_counter() - started
