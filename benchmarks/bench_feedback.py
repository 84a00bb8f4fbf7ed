"""Feedback-loop benchmark: how long a researcher waits for ``make test`` and ``make report``.

    python benchmarks/bench_feedback.py [--runs 3] [--skip-test] [--skip-report] [--skip-pdf] [--no-warmup]

Measured in one run, whole-process wall times, medians of ``--runs`` runs:

- the floor: the four notebooks executed once, serially, each in a fresh kernel, in a
  temporary copy of the project with its derived tables rebuilt (a child process running
  ``report.notebooks.execute_notebook`` on each; nothing is compared or written);
- warm ``make test`` (the environment already installed) and warm ``make report``, each run
  once untimed first so that every timed run is warm. For ``make report`` warm means: nothing
  changed since that untimed run, so the notebooks are up to date (``build/notebook-keys/``) and
  are not executed, and neither the derived tables nor the report are rebuilt; each run's line
  says how many notebooks were executed and how many were up to date (if another process edits
  the inputs meanwhile, notebooks are executed and the line says so);
- the researcher's edit-and-rebuild loop: ``make report`` after a comment is added to the first
  code cell of one notebook (``--edit-notebook``, default 01): that notebook is executed again,
  the others are not; the notebook's original bytes are put back and the report rebuilt
  (untimed) at the end;
- the PDF alone: the print edition rendered from the notebooks as ``kzanalysis report`` renders it
  (PNG figures), layout and writing timed apart, with its page count and size.

It prints each median with the single runs and the ratios to the targets of issue 13
(``make test`` <= 1.3x the floor, ``make report`` <= 25 s). ``make report`` rewrites
``report/`` (and the notebooks, with identical outputs) as it always does; nothing else under
version control is written. No timing is asserted anywhere in the test suite.
"""
from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PYTHON = ROOT / ".venv" / "bin" / "python"
ENV = dict(os.environ, PYTHONHASHSEED="0", MPLBACKEND="Agg", PYDEVD_DISABLE_FILE_VALIDATION="1")

FLOOR_SCRIPT = """
import os, sys, tempfile
from pathlib import Path
from kzanalysis.derived.tables import build
from kzanalysis.pipeline.verify import copy_project
from kzanalysis.report.notebooks import execute_notebook, notebook_paths
with tempfile.TemporaryDirectory(prefix="kzanalysis-floor-") as tmp:
    target = Path(tmp)
    copy_project(Path(sys.argv[1]), target)
    build(target, echo=lambda *a, **k: None)
    os.environ["KZANALYSIS_ROOT"] = str(target)
    paths = notebook_paths(target)
    print(len(paths), "notebooks", file=sys.stderr)
    import time
    started = time.perf_counter()
    for path in paths:
        execute_notebook(path)
    print(f"{time.perf_counter() - started:.3f}")
"""

PDF_SCRIPT = """
import logging, sys, time
from pathlib import Path
import nbformat
from weasyprint import HTML
from kzanalysis.report.build import _pdf_html, render_html
from kzanalysis.report.notebooks import notebook_paths
logging.getLogger("weasyprint").setLevel(logging.ERROR)
logging.getLogger("fontTools").setLevel(logging.ERROR)
root = Path(sys.argv[1])
notebooks = [nbformat.read(p, as_version=4) for p in notebook_paths(root)]
html_text = _pdf_html(render_html(notebooks, root, edition="print"), root / "figures")
started = time.perf_counter()
document = HTML(string=html_text, base_url=str(root / "report")).render()
laid_out = time.perf_counter()
data = document.write_pdf(pdf_identifier=b"kzanalysis-report", uncompressed_pdf=False, pdf_variant="pdf/ua-1")
print(f"{laid_out - started:.3f} {time.perf_counter() - laid_out:.3f} {len(document.pages)} {len(data)}")
"""


def timed(command: list[str], label: str, notes: list[str] | None = None) -> float:
    """Wall time of one command (its output kept in a file); exits if the command fails. With ``notes``,
    appends how many notebooks the command executed and how many were up to date."""
    log = Path(os.environ.get("TMPDIR", "/tmp")) / f"bench_feedback_{label}.log"
    started = time.perf_counter()
    with log.open("w") as out:
        code = subprocess.run(command, cwd=ROOT, env=ENV, stdout=out, stderr=subprocess.STDOUT).returncode
    seconds = time.perf_counter() - started
    if code != 0:
        sys.exit(f"bench_feedback: {' '.join(command)} failed (exit {code}); see {log}")
    if notes is not None:
        text = log.read_text(encoding="utf-8", errors="replace")
        notes.append(f"{text.count(' ... executed in ')} executed, {text.count(' ... up to date')} up to date")
    return seconds


def edit_and_report(notebook: Path, run: int, notes: list[str]) -> float:
    """Add a comment to ``notebook``'s first code cell (a new one each run), then time ``make report``."""
    import nbformat
    nb = nbformat.read(notebook, as_version=4)
    cell = next(c for c in nb.cells if c.cell_type == "code")
    cell.source = cell.source + f"\n# bench_feedback edit {run} at {time.time():.0f}"
    notebook.write_text(nbformat.writes(nb) + "\n", encoding="utf-8")
    return timed(["make", "report"], "report_edit", notes)


def floor_once() -> float:
    """Serial execution of every notebook; the notebooks' own time (setup excluded)."""
    result = subprocess.run([str(PYTHON), "-c", FLOOR_SCRIPT, str(ROOT)], cwd=ROOT, env=ENV,
                            capture_output=True, text=True, check=True)
    return float(result.stdout.strip().splitlines()[-1])


def median_of(runs: int, measure) -> tuple[float, list[float]]:
    values = [measure() for _ in range(runs)]
    return statistics.median(values), values


def line(label: str, median: float, values: list[float]) -> str:
    return f"{label:<34} {median:7.1f} s   (runs: {', '.join(f'{v:.1f}' for v in values)})"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=3, help="timed runs of each measure (median printed)")
    parser.add_argument("--skip-test", action="store_true", help="do not time make test")
    parser.add_argument("--skip-report", action="store_true", help="do not time make report")
    parser.add_argument("--no-warmup", action="store_true", help="no untimed first run (the tree is warm already)")
    parser.add_argument("--skip-pdf", action="store_true", help="do not time the PDF alone")
    parser.add_argument("--skip-edit", action="store_true", help="do not time make report after editing a notebook")
    parser.add_argument("--edit-notebook", default="01", help="prefix of the notebook edited for the edit loop")
    args = parser.parse_args(argv)
    out = [f"bench_feedback: {args.runs} run(s) each, {os.cpu_count()} cores, medians of whole-process wall times"]
    floor, values = median_of(args.runs, floor_once)
    out.append(line("floor: 4 notebooks, serially", floor, values))
    if not args.skip_test:
        if not args.no_warmup:
            timed(["make", "test"], "test_warmup")
        test, values = median_of(args.runs, lambda: timed(["make", "test"], "test"))
        out.append(line("warm make test", test, values))
        out.append(f"  make test / floor = {test / floor:.2f} (target <= 1.3): {'met' if test <= 1.3 * floor else 'NOT met'}")
    if not args.skip_report:
        if not args.no_warmup:
            timed(["make", "report"], "report_warmup")
        notes: list[str] = []
        report, values = median_of(args.runs, lambda: timed(["make", "report"], "report", notes))
        out.append(line("warm make report", report, values))
        out.append(f"  notebooks per run: {'; '.join(notes)}")
        quiet = [v for v, note in zip(values, notes) if note.startswith("0 executed")]
        if quiet and len(quiet) < len(values):  # another process changed an input during the other runs
            out.append(f"  median of the {len(quiet)} run(s) with no notebook executed: {statistics.median(quiet):.1f} s")
        out.append(f"  make report = {report / 25:.2f} x 25 s (target <= 25 s): {'met' if report <= 25 else 'NOT met'};"
                   f" make report / floor = {report / floor:.2f}")
        if not args.skip_edit:
            notebook = next(ROOT.glob(f"notebooks/{args.edit_notebook}*.ipynb"))
            original = notebook.read_bytes()
            notes = []
            try:
                runs = [edit_and_report(notebook, i, notes) for i in range(1, args.runs + 1)]
            finally:
                notebook.write_bytes(original)
            timed(["make", "report"], "report_restore")
            out.append(line(f"make report after editing {notebook.stem}", statistics.median(runs), runs))
            out.append(f"  notebooks per run: {'; '.join(notes)}")
    if not args.skip_pdf:
        parts: list[tuple[float, float, int, int]] = []
        def once():
            result = subprocess.run([str(PYTHON), "-c", PDF_SCRIPT, str(ROOT)], cwd=ROOT, env=ENV,
                                    capture_output=True, text=True, check=True)
            layout_s, write_s, pages, size = result.stdout.split()
            parts.append((float(layout_s), float(write_s), int(pages), int(size)))
            return float(layout_s) + float(write_s)
        out.append(line("PDF render, print edition", *median_of(args.runs, once)))
        lay, wri = statistics.median(p[0] for p in parts), statistics.median(p[1] for p in parts)
        out.append(f"  layout {lay:.1f} s + write {wri:.1f} s; {parts[-1][2]} pages, {parts[-1][3] / 1e6:.1f} MB;"
                   " an unchanged print edition is not re-rendered at all (report/.kzanalysis-report.pdf.key)")
    print("\n".join(out))
    return 0


if __name__ == "__main__":
    sys.exit(main())
