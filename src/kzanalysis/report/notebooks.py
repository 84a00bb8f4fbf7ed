"""report.notebooks (from report.py)."""
from __future__ import annotations

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


def run_notebooks(paths: list[Path], timeout: int = 600, echo=print) -> None:
    """Execute each notebook in place, with a progress line per notebook."""
    import nbformat

    total = len(paths)
    for i, path in enumerate(paths, 1):
        echo(f"[{i}/{total}] {relative(path)} ...", end="", flush=True)
        started = time.perf_counter()
        nb = execute_notebook(path, timeout=timeout)
        changed = write_text_atomic(path, nbformat.writes(nb) + "\n")
        echo(f" {time.perf_counter() - started:.1f} s{' (outputs changed)' if changed else ''}")
