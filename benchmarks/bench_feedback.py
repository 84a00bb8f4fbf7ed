"""Feedback-loop benchmark: how long a researcher waits for ``make test`` and ``make report``.

    python benchmarks/bench_feedback.py [--runs 3] [--skip-test] [--skip-report] [--skip-pdf] [--no-warmup]

Measured in one run, whole-process wall times, medians of ``--runs`` runs:

- the floor: the four notebooks executed once, serially, each in a fresh kernel, in a
  temporary copy of the project with its derived tables rebuilt (a child process running
  ``report.notebooks.execute_notebook`` on each; nothing is compared or written);
- warm ``make test`` (the environment already installed) and warm ``make report``, each run
  once untimed first so that every timed run is warm;
- the PDF alone, from the current ``report/index.html``: with the inline SVG figures (as
  before) and with their PNG twins (as ``kzanalysis report`` renders it now).

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
import sys, time
from pathlib import Path
from kzanalysis.report.build import _pdf_html, write_pdf
root = Path(sys.argv[1])
html_text = (root / "report" / "index.html").read_text(encoding="utf-8")
if sys.argv[2] == "png":
    html_text = _pdf_html(html_text, root / "figures")
started = time.perf_counter()
pages = write_pdf(html_text, Path(sys.argv[3]), root / "report")
print(f"{time.perf_counter() - started:.3f} {pages}")
"""


def timed(command: list[str], label: str) -> float:
    """Wall time of one command (its output kept in a file); exits if the command fails."""
    log = Path(os.environ.get("TMPDIR", "/tmp")) / f"bench_feedback_{label}.log"
    started = time.perf_counter()
    with log.open("w") as out:
        code = subprocess.run(command, cwd=ROOT, env=ENV, stdout=out, stderr=subprocess.STDOUT).returncode
    seconds = time.perf_counter() - started
    if code != 0:
        sys.exit(f"bench_feedback: {' '.join(command)} failed (exit {code}); see {log}")
    return seconds


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
    parser.add_argument("--skip-pdf", action="store_true", help="do not time the PDF alone (SVG vs PNG figures)")
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
        report, values = median_of(args.runs, lambda: timed(["make", "report"], "report"))
        out.append(line("warm make report", report, values))
        out.append(f"  make report = {report / 25:.2f} x 25 s (target <= 25 s): {'met' if report <= 25 else 'NOT met'};"
                   f" make report / floor = {report / floor:.2f}")
    if not args.skip_pdf and (ROOT / "report" / "index.html").is_file():
        pdf = {}
        for kind in ("svg", "png"):
            def once(kind=kind):
                target = Path(os.environ.get("TMPDIR", "/tmp")) / f"bench_feedback_{kind}.pdf"
                result = subprocess.run([str(PYTHON), "-c", PDF_SCRIPT, str(ROOT), kind, str(target)], cwd=ROOT,
                                        env=ENV, capture_output=True, text=True, check=True)
                return float(result.stdout.split()[0])
            pdf[kind] = median_of(args.runs, once)
            out.append(line(f"PDF render, {kind.upper()} figures", *pdf[kind]))
        out.append(f"  PNG / SVG = {pdf['png'][0] / pdf['svg'][0]:.2f}; an unchanged report is not re-rendered "
                   "at all (report/.kzanalysis-report.pdf.key)")
    print("\n".join(out))
    return 0


if __name__ == "__main__":
    sys.exit(main())
