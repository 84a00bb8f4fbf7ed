"""A build killed mid-way leaves every previous output intact, and the next run completes.

The killed build is the real one (``kzanalysis report --no-pdf``: notebooks executed concurrently in
fresh kernels, written back atomically, HTML rendered) over a small project: the committed inputs and
figures, and two short notebooks in place of the four long ones. Notebook 01 rewrites one
figure and finishes; notebook 02 rewrites every committed figure over and over, alternating
between its committed bytes and a variant (so that every write really writes: unchanged
bytes are not rewritten), with the same atomic writes (``io.files.write_bytes_atomic``) that
``figures.style.save_figure`` uses, and is killed (build and kernel, SIGKILL) while it is
writing. After the kill every figure is one of its two complete versions, never a part of
one. The next run is the same build (``report.build.build_report``, which the command calls) in this
process, with the cells run in-process (``conftest.in_process_kernel``): it removes the temporaries the
killed run left and ends with the committed bytes. That is the worst moment of a real build, which
spends its time writing figures between computations, at a fraction of the cost of running the real
notebooks (and of starting their kernels a second time).
"""
from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import threading
import time

import nbformat

from kzanalysis.io.files import copy_inputs
from kzanalysis.io.paths import project_root
from kzanalysis.report.build import build_report

ROOT = project_root()

REWRITE_ONE = """\
from pathlib import Path
from kzanalysis.io.files import write_bytes_atomic
from kzanalysis.io.paths import layout
figures = layout().figures
first = sorted(figures.glob("*.svg"))[0]
write_bytes_atomic(first, first.read_bytes())
print("rewrote", first.name)
"""

REWRITE_ALL = """\
import os
from pathlib import Path
from kzanalysis.io.files import write_bytes_atomic
from kzanalysis.io.paths import layout, project_root
figures = layout().figures
originals = {p: p.read_bytes().removesuffix(VARIANT)  # as committed, also after a killed run
             for p in sorted(figures.iterdir()) if p.is_file() and not p.name.startswith(".")}
marker = project_root() / "writing.pid"
for round_ in range(1, 2 * ROUNDS + 1):  # odd rounds the variant, even rounds the committed bytes
    for path, data in originals.items():
        write_bytes_atomic(path, data + VARIANT if round_ % 2 else data)
    if round_ == 3:
        marker.write_text(str(os.getpid()))
print("rewrote", len(originals), "figures", 2 * ROUNDS, "times")
"""


VARIANT = b"\n<!-- variant -->\n"


def snapshot(folder) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def small_project(tmp_path, rounds: int) -> None:
    copy_inputs(ROOT, tmp_path)
    shutil.copytree(ROOT / "figures", tmp_path / "figures")
    (tmp_path / "notebooks").mkdir()
    for name, source in [("01_rewrite_one", REWRITE_ONE), ("02_rewrite_all", rewrite_all(rounds))]:
        nb = nbformat.v4.new_notebook()
        nb.cells = [nbformat.v4.new_markdown_cell(f"# {name}"), nbformat.v4.new_code_cell(source)]
        nbformat.write(nb, tmp_path / "notebooks" / f"{name}.ipynb")


def test_killed_report_build_loses_nothing_and_next_run_completes(in_process_kernel, tmp_path, monkeypatch):
    small_project(tmp_path, rounds=100_000)  # far longer than the test waits: it is killed while writing
    before = {name: snapshot(tmp_path / name) for name in ("notebooks", "figures")}
    assert len(before["figures"]) >= 2
    env = dict(os.environ, KZANALYSIS_ROOT=str(tmp_path), PYTHONHASHSEED="0", MPLBACKEND="Agg")
    command = [sys.executable, "-m", "kzanalysis", "report", "--no-pdf"]
    proc = subprocess.Popen(command, cwd=tmp_path, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                            text=True, start_new_session=True)
    lines: list[str] = []
    reader = threading.Thread(target=lambda: lines.extend(proc.stdout), daemon=True)
    reader.start()
    marker = tmp_path / "writing.pid"
    deadline = time.monotonic() + 300
    # notebooks run concurrently by default: wait until 01 is written back and 02 is writing
    while not (marker.is_file() and marker.read_text() and any(x.startswith("[1/2]") for x in lines)):
        assert proc.poll() is None, "build ended before notebook 02 was killed:\n" + "".join(lines)
        assert time.monotonic() < deadline, "notebook 02 never started writing:\n" + "".join(lines)
        time.sleep(0.05)
    time.sleep(0.3)  # well inside the write loop
    kernel = int(marker.read_text())
    os.killpg(proc.pid, signal.SIGKILL)
    os.kill(kernel, signal.SIGKILL)  # the kernel runs in a session of its own
    proc.wait(timeout=30)
    reader.join(timeout=30)
    out = "".join(lines)
    assert "[1/2] notebooks/01_rewrite_one.ipynb ..." in out and "[2/2]" not in out, out
    assert "report: wrote" not in out  # killed before the report was rendered
    # every notebook is still a complete, valid notebook (01 written back executed), and
    # every figure is byte-identical: no half-written file under a real name
    for name in before["notebooks"]:
        json.loads((tmp_path / "notebooks" / name).read_text(encoding="utf-8"))
    executed = nbformat.read(tmp_path / "notebooks" / "01_rewrite_one.ipynb", as_version=4)
    assert executed.cells[1].outputs[0]["text"].startswith("rewrote ")
    after = snapshot(tmp_path / "figures")
    real = {k: v for k, v in after.items() if not k.split("/")[-1].startswith(".")}
    assert set(real) == set(before["figures"])
    for name, data in real.items():
        assert data in (before["figures"][name], before["figures"][name] + VARIANT), f"{name} is damaged"
    # the next run cleans up temporaries left by the killed one and completes
    small_project_rounds(tmp_path, rounds=3)
    monkeypatch.setenv("KZANALYSIS_ROOT", str(tmp_path))
    leftovers = {p.name for p in (tmp_path / "figures").glob(".*.tmp")}
    done: list[str] = []  # what the command would print
    made = build_report(pdf=False, root=tmp_path, jobs=1,
                        echo=lambda *a, end="\n", **k: done.append(" ".join(map(str, a)) + end))
    printed = "".join(done)
    assert made["rendered"] is True and "\nkzanalysis report: wrote report/index.html" in printed, printed
    assert "[2/2] notebooks/02_rewrite_all.ipynb ... executed in" in printed, printed
    assert (tmp_path / "report" / "index.html").is_file()
    assert leftovers.isdisjoint(p.name for p in (tmp_path / "figures").iterdir())
    assert not list((tmp_path / "figures").glob(".*.tmp"))
    assert snapshot(tmp_path / "figures") == before["figures"]
    finished = nbformat.read(tmp_path / "notebooks" / "02_rewrite_all.ipynb", as_version=4)
    assert finished.cells[1].outputs[0]["text"] == f"rewrote {len(before['figures'])} figures 6 times\n"


def small_project_rounds(tmp_path, rounds: int) -> None:
    """Make notebook 02 short for the run after the kill (the rest of the project as the kill left it)."""
    path = tmp_path / "notebooks" / "02_rewrite_all.ipynb"
    nb = nbformat.read(path, as_version=4)
    nb.cells[1].source = rewrite_all(rounds)
    nbformat.write(nb, path)


def rewrite_all(rounds: int) -> str:
    """Notebook 02's code: ``2 * rounds`` passes over the figures, alternating variant and committed bytes."""
    return REWRITE_ALL.replace("ROUNDS", str(rounds)).replace("VARIANT", repr(VARIANT))
