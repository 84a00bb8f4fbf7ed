"""The report's execution cache: a notebook runs again exactly when something it could depend on changed.

Small literal projects: the committed inputs (``seeds/``, ``data/``, ``datapackage.json``) and two
short notebooks; notebook 01 writes a figure the way ``save_figure`` does (SVG and PNG, and an
output whose metadata names it), notebook 02 prints. The package code the key covers is stood
in for by a small folder (``package_dir`` patched), so that code edited elsewhere while the tests
run cannot change the key; a test edits that folder to show the code is covered.

What runs is the subject here, not how a cell runs: tests that take the ``in_process_kernel`` fixture
(``conftest.py``) run the cells with ``exec``, at a fraction of a kernel's start-up. The end-to-end
report run (two jobs) and the execution of the failing cell use real kernels.
"""
from __future__ import annotations

import argparse

import nbformat
import pytest

from kzanalysis.cli import report as report_cli
from kzanalysis.io.files import copy_inputs
from kzanalysis.io.paths import project_root
from kzanalysis.report import cache, notebooks
from kzanalysis.report.build import build_report
from kzanalysis.report.notebooks import ReportError, run_notebooks

ROOT = project_root()
EXECUTE_IN_A_KERNEL = notebooks._execute_timed

WRITE_FIGURE = """\
from IPython.display import display
from kzanalysis.io.files import write_bytes_atomic
from kzanalysis.io.paths import layout
for ext in ("svg", "png"):
    write_bytes_atomic(layout().figures / f"01_square.{ext}", f"square as {ext}\\n".encode())
display({"text/plain": "Figure '01_square'"}, raw=True,
        metadata={"kzanalysis": {"figure": "01_square", "caption": "A square", "svg": "figures/01_square.svg"}})
"""


def make_project(tmp_path, monkeypatch) -> list:
    copy_inputs(ROOT, tmp_path)
    (tmp_path / "figures").mkdir()
    (tmp_path / "notebooks").mkdir()
    code = tmp_path / "code"
    code.mkdir()
    (code / "module.py").write_text("VALUE = 1\n")
    monkeypatch.setattr(cache, "package_dir", lambda: code)
    monkeypatch.setenv("KZANALYSIS_ROOT", str(tmp_path))  # the kernels write below the small project
    paths = []
    for name, source in [("01_figure", WRITE_FIGURE), ("02_print", "print(6 * 7)")]:
        nb = nbformat.v4.new_notebook()
        nb.cells = [nbformat.v4.new_markdown_cell(f"# {name}"), nbformat.v4.new_code_cell(source)]
        path = tmp_path / "notebooks" / f"{name}.ipynb"
        nbformat.write(nb, path)
        paths.append(path)
    return paths


def run(paths, root, lines: list[str] | None = None, **options) -> list[str]:
    """Names of the notebooks ``run_notebooks`` executed (not forced unless asked)."""
    echo = (lambda *a, **k: lines.append(" ".join(map(str, a)))) if lines is not None else (lambda *a, **k: None)
    options.setdefault("force", False)
    return [p.stem for p in run_notebooks(paths, echo=echo, root=root, **options)]


def snapshot(folder) -> dict[str, tuple[bytes, int]]:
    return {p.relative_to(folder).as_posix(): (p.read_bytes(), p.stat().st_mtime_ns)
            for p in sorted(folder.rglob("*")) if p.is_file()}


def test_a_second_report_run_executes_nothing_and_leaves_every_file_byte_identical(tmp_path, monkeypatch):
    make_project(tmp_path, monkeypatch)
    first: list[str] = []
    made = build_report(pdf=False, root=tmp_path, echo=lambda *a, **k: first.append(" ".join(map(str, a))), jobs=2)
    assert made["rendered"] is True
    assert any("01_figure.ipynb ... executed in" in x for x in first)
    assert (tmp_path / "figures" / "01_square.svg").read_text() == "square as svg\n"
    assert sorted(p.name for p in (tmp_path / "build" / "notebook-keys").iterdir()) == [
        "01_figure.sha256", "02_print.sha256"]
    before = snapshot(tmp_path)
    second: list[str] = []
    made = build_report(pdf=False, root=tmp_path, echo=lambda *a, **k: second.append(" ".join(map(str, a))), jobs=2)
    assert made["rendered"] is False
    assert second[1:] == [
        "[1/2] notebooks/01_figure.ipynb ... up to date (inputs unchanged; --force to re-execute)",
        "[2/2] notebooks/02_print.ipynb ... up to date (inputs unchanged; --force to re-execute)",
        "kzanalysis report: report/ is up to date (notebooks, figures and inputs unchanged: not re-rendered;"
        " --force to re-render)"]
    assert snapshot(tmp_path) == before  # same bytes, and not even rewritten (same modification times)


def test_the_stamp_lists_the_notebook_and_the_figures_it_wrote(in_process_kernel, tmp_path, monkeypatch):
    paths = make_project(tmp_path, monkeypatch)
    assert run(paths, tmp_path) == ["01_figure", "02_print"]
    lines = (tmp_path / "build" / "notebook-keys" / "01_figure.sha256").read_text().splitlines()
    assert lines[0].endswith("  (key)")
    assert [x.split("  ")[1] for x in lines[1:]] == [
        "figures/01_square.png", "figures/01_square.svg", "notebooks/01_figure.ipynb"]


def test_editing_a_notebooks_code_reexecutes_exactly_that_notebook(in_process_kernel, tmp_path, monkeypatch):
    paths = make_project(tmp_path, monkeypatch)
    run(paths, tmp_path)
    nb = nbformat.read(paths[1], as_version=4)
    nb.cells[1].source = "print(6 * 7)  # the answer"
    nbformat.write(nb, paths[1])
    assert run(paths, tmp_path) == ["02_print"]
    assert run(paths, tmp_path) == []


def test_editing_a_markdown_cell_reexecutes_that_notebook(in_process_kernel, tmp_path, monkeypatch):
    paths = make_project(tmp_path, monkeypatch)
    run(paths, tmp_path)
    nb = nbformat.read(paths[0], as_version=4)
    nb.cells[0].source = "# A figure"
    nbformat.write(nb, paths[0])
    assert run(paths, tmp_path) == ["01_figure"]


def test_a_deleted_or_edited_figure_reexecutes_the_notebook_that_wrote_it(in_process_kernel, tmp_path, monkeypatch):
    paths = make_project(tmp_path, monkeypatch)
    run(paths, tmp_path)
    figure = tmp_path / "figures" / "01_square.png"
    figure.unlink()
    assert run(paths, tmp_path) == ["01_figure"]
    assert figure.read_text() == "square as png\n"
    figure.write_text("edited by hand\n")
    assert run(paths, tmp_path) == ["01_figure"]
    assert figure.read_text() == "square as png\n"


def test_cleared_outputs_reexecute_that_notebook(in_process_kernel, tmp_path, monkeypatch):
    paths = make_project(tmp_path, monkeypatch)
    run(paths, tmp_path)
    nb = nbformat.read(paths[1], as_version=4)
    nb.cells[1].outputs = []
    nbformat.write(nb, paths[1])
    assert run(paths, tmp_path) == ["02_print"]
    assert nbformat.read(paths[1], as_version=4).cells[1].outputs[0]["text"] == "42\n"


@pytest.mark.parametrize("edit", ["seeds", "curated data", "derived data", "datapackage", "package code", "lock file"])
def test_a_shared_input_reexecutes_every_notebook(in_process_kernel, tmp_path, monkeypatch, edit):
    paths = make_project(tmp_path, monkeypatch)
    (tmp_path / "data" / "derived").mkdir(exist_ok=True)
    run(paths, tmp_path)
    target = {"seeds": next((tmp_path / "seeds").glob("*.txt")), "curated data": tmp_path / "data" / "claims.csv",
              "derived data": tmp_path / "data" / "derived" / "new.csv", "datapackage": tmp_path / "datapackage.json",
              "package code": tmp_path / "code" / "module.py",
              "lock file": tmp_path / "requirements" / "lock.txt"}[edit]
    target.parent.mkdir(exist_ok=True)
    with target.open("a", encoding="utf-8") as handle:
        handle.write("\n")
    assert run(paths, tmp_path) == ["01_figure", "02_print"]
    assert run(paths, tmp_path) == []


def test_force_executes_every_notebook(in_process_kernel, tmp_path, monkeypatch):
    paths = make_project(tmp_path, monkeypatch)
    run(paths, tmp_path)
    lines: list[str] = []
    assert run(paths, tmp_path, lines, force=True, jobs=2) == ["01_figure", "02_print"]
    assert lines[0] == "running 2 notebooks, 2 at a time"
    assert all(" ... executed in " in x for x in lines[1:])


def test_the_report_command_takes_force():
    parser = argparse.ArgumentParser()
    report_cli.register(parser.add_subparsers(dest="command"))
    assert parser.parse_args(["report", "--force"]).force is True
    assert parser.parse_args(["report"]).force is False


def test_a_failed_execution_leaves_no_stamp_and_runs_again(in_process_kernel, tmp_path, monkeypatch):
    paths = make_project(tmp_path, monkeypatch)
    run(paths, tmp_path)
    stamp = tmp_path / "build" / "notebook-keys" / "02_print.sha256"
    assert stamp.is_file()
    nb = nbformat.read(paths[1], as_version=4)
    nb.cells[1].source = "raise ValueError('not yet')"
    nbformat.write(nb, paths[1])
    with monkeypatch.context() as real, pytest.raises(ReportError, match="02_print.ipynb: cell 2 raised an error"):
        real.setattr(notebooks, "_execute_timed", EXECUTE_IN_A_KERNEL)  # the failure as a kernel reports it
        run(paths, tmp_path)
    assert not stamp.exists()  # the stamp of the previous execution is gone, none claims this one
    nb.cells[1].source = "print(6 * 7)"
    nbformat.write(nb, paths[1])
    assert run(paths, tmp_path) == ["02_print"]  # same cells as the stamped run, but the stamp is gone


def test_notebooks_outside_the_project_are_executed_and_get_no_stamp(in_process_kernel, tmp_path, monkeypatch):
    make_project(tmp_path, monkeypatch)
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_code_cell("print(1)")]
    elsewhere = tmp_path / "elsewhere.ipynb"
    nbformat.write(nb, elsewhere)
    assert run([elsewhere], tmp_path) == ["elsewhere"]
    assert run([elsewhere], tmp_path) == ["elsewhere"]
    assert not (tmp_path / "build").exists()
