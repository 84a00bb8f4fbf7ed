"""``kzanalysis report`` and ``kzanalysis run``: execute notebooks, render the report."""
from __future__ import annotations

import argparse
import sys

from kzanalysis.report.build import build_report
from kzanalysis.report.notebooks import notebook_paths, run_notebooks


def run_report(args: argparse.Namespace) -> int:
    build_report(execute=not args.no_execute, pdf=not args.no_pdf, timeout=args.timeout, jobs=args.jobs,
                 force=args.force)
    return 0


def run_run(args: argparse.Namespace) -> int:
    paths = notebook_paths()
    chosen = [p for p in paths if not args.notebooks or any(p.name.startswith(n) or p.stem == n for n in args.notebooks)]
    if not chosen:
        print(f"kzanalysis run: no notebook matches {' '.join(args.notebooks)}", file=sys.stderr)
        return 2
    run_notebooks(chosen, timeout=args.timeout, jobs=args.jobs)
    return 0


def register(subparsers: argparse._SubParsersAction) -> None:
    s = subparsers.add_parser("report", help="execute notebooks, export figures, render report/ (HTML and PDF)")
    s.add_argument("--no-execute", action="store_true", help="render the notebooks as committed, without running them")
    s.add_argument("--no-pdf", action="store_true", help="render the HTML report only")
    s.add_argument("--timeout", type=int, default=600, help="seconds allowed per notebook cell (default 600)")
    s.add_argument("-j", "--jobs", type=int, help="notebooks executed at once, each in its own kernel "
                   "(default: one per core; outputs and their order do not depend on it)")
    s.add_argument("--force", action="store_true", help="execute every notebook and render everything again, "
                   "even if nothing changed since the last run (default: only what changed; see README)")
    s.set_defaults(func=run_report)
    s = subparsers.add_parser("run", help="execute notebooks in place (all, or those whose name starts with the given prefixes)")
    s.add_argument("notebooks", nargs="*", help="name prefixes such as 01 or 02_multivector_balance")
    s.add_argument("--timeout", type=int, default=600, help="seconds allowed per cell (default 600)")
    s.add_argument("-j", "--jobs", type=int, help="notebooks executed at once (default: one per core)")
    s.set_defaults(func=run_run)
