"""Verification that committed outputs are reproducible: ``kzanalysis verify``.

1. copies the inputs (``seeds/``, ``data/``, ``datapackage.json``, ``notebooks/``) to a temporary
   project root;
2. rebuilds the derived tables there;
3. runs strict nbval over every notebook there (``pytest --nbval --nbval-current-env``):
   each notebook is re-executed in a fresh kernel, every stored text output is compared,
   and the figures the notebooks save land in the temporary ``figures/``. With ``jobs`` > 1
   the notebooks run concurrently on pytest-xdist workers (``-n jobs --dist loadfile``: all
   cells of one notebook go to one worker, in order, in that notebook's own kernel; each
   notebook writes only its own figures, so the outputs do not depend on the schedule);
4. compares the rebuilt ``figures/`` and ``data/derived/`` byte for byte with the
   committed ones and lists every file that is missing, extra or changed;
5. meanwhile (in a process of its own, started before nbval) lays out the print edition of the
   notebooks with the committed figures (``pipeline.verify_layout``) and lists every table wider
   than its page and every table row split across a page break (a print edition that passed
   before, byte for byte with its figures and the same WeasyPrint, is not laid out again). The notebooks' stored outputs
   are what nbval proves a fresh execution gives, and the figures are those step 4 proves
   rebuilt byte for byte, so this is the layout of the report that ``kzanalysis report`` renders.

The working tree is never written to. Exit status 0 only if nbval passes and nothing differs.
"""
from __future__ import annotations

import filecmp
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from kzanalysis.io.files import copy_inputs
from kzanalysis.io.paths import layout, project_root
from kzanalysis.pipeline.rebuild import rebuild


def copy_project(root: Path, target: Path) -> None:
    """Copy what a rebuild needs (inputs and notebooks) into ``target``; figures and derived data start empty."""
    copy_inputs(root, target, notebooks=True)
    (target / "figures").mkdir()
    (target / "data" / "derived").mkdir()


def compare_folders(committed: Path, rebuilt: Path) -> list[str]:
    """Differences between two folders' files: 'changed: x', 'missing: x' (not rebuilt), 'extra: x' (not committed)."""
    old = {p.relative_to(committed).as_posix() for p in committed.rglob("*") if p.is_file()} if committed.is_dir() else set()
    new = {p.relative_to(rebuilt).as_posix() for p in rebuilt.rglob("*") if p.is_file()} if rebuilt.is_dir() else set()
    out = [f"missing: {name}" for name in sorted(old - new)]
    out += [f"extra: {name}" for name in sorted(new - old)]
    out += [f"changed: {name}" for name in sorted(old & new)
            if not filecmp.cmp(committed / name, rebuilt / name, shallow=False)]
    return out


#: The layout check's process (``python -c``: the module is imported by the package, so not ``-m``).
_LAYOUT_CHECK = "import sys; from kzanalysis.pipeline.verify_layout import _main; sys.exit(_main())"


def _default_jobs() -> int:
    """Notebooks run at once by default: one per core, at most 4 (there are four notebooks)."""
    return max(1, min(4, os.cpu_count() or 1))


def _nbval_command(jobs: int, target: Path, root: Path, unit_tests: bool = False) -> list[str]:
    """The strict nbval run (no ``--nbval-lax``) over ``target``'s notebooks, on ``jobs`` xdist workers if > 1,
    with the unit tests under ``root``'s ``tests/`` in the same session if ``unit_tests``. It runs in
    ``root`` with its ``pyproject.toml``; the plugin ``pipeline.verify_session`` gives each notebook's
    kernel its project and keeps each notebook's cells together on one worker."""
    command = [sys.executable, "-m", "pytest", "--nbval", "--nbval-current-env", "-p", "no:cacheprovider",
               "-p", "kzanalysis.pipeline.verify_session", "-q", "--rootdir", str(root),
               "-c", str(root / "pyproject.toml")]
    if jobs > 1:
        command += ["-n", str(jobs), "--dist", "loadscope"]
    return command + [str(target / "notebooks")] + ([str(root / "tests")] if unit_tests else [])


def verify(root: Path | None = None, echo=print, jobs: int | None = None, unit_tests: bool = False) -> int:
    """Run the verification described in the module docstring; return an exit status. With
    ``unit_tests``, the unit tests (``tests/``) run in nbval's session, on the same workers."""
    root = root or project_root()
    jobs = _default_jobs() if jobs is None else max(1, jobs)
    with tempfile.TemporaryDirectory(prefix="kzanalysis-verify-") as tmp:
        target = Path(tmp)
        copy_project(root, target)
        echo("kzanalysis verify: rebuilding derived data in a temporary copy")
        rebuild(target, echo=lambda *a, **k: None)
        env = dict(os.environ, PYTHONHASHSEED="0", MPLBACKEND="Agg")
        echo("kzanalysis verify: strict nbval over every notebook (each re-executed in a fresh kernel"
             f"{f', {jobs} at a time' if jobs > 1 else ''})"
             + (", and the unit tests (tests/) in the same session" if unit_tests else ""))
        layout_check = subprocess.Popen([sys.executable, "-c", _LAYOUT_CHECK, str(target), str(layout(root).figures)],
                                        cwd=target, env=dict(env, KZANALYSIS_ROOT=str(target)), text=True,
                                        stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
        try:
            result = subprocess.run(_nbval_command(jobs, target, root, unit_tests), cwd=root, env=env)
            layout_out, _ = layout_check.communicate()
        finally:  # interrupted: do not leave the layout check running
            if layout_check.poll() is None:
                layout_check.kill()
                layout_check.wait()
        problems = []
        for label, committed, rebuilt in [("figures", layout(root).figures, target / "figures"),
                                          ("data/derived", layout(root).derived, target / "data" / "derived")]:
            problems += [f"{label}/{d.split(': ', 1)[1]} ({d.split(': ', 1)[0]})"
                         for d in compare_folders(committed, rebuilt)]
        notes = [x for x in layout_out.splitlines() if not x.startswith("problem: ")]
        if layout_check.returncode != 0:
            echo(f"kzanalysis verify: the print edition's layout is not sound ({'; '.join(notes)}):")
            for line in layout_out.splitlines():
                if line.startswith("problem: "):
                    echo(f"  - {line.removeprefix('problem: ')}")
        else:
            echo("kzanalysis verify: every table of the print edition fits its page; no table row is split"
                 f" ({'; '.join(notes)})")
        if problems:
            echo(f"kzanalysis verify: {len(problems)} output(s) differ from the committed ones:")
            for p in problems:
                echo(f"  - {p}")
        else:
            echo("kzanalysis verify: figures/ and data/derived/ rebuilt byte-identical to the committed files")
        if result.returncode != 0:
            echo(f"kzanalysis verify: nbval{' or a unit test' if unit_tests else ''} failed (see above)")
        return 1 if problems or result.returncode != 0 or layout_check.returncode != 0 else 0
