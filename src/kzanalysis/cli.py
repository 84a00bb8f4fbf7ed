"""Command line: ``kzanalysis check | build | report | run | verify | add | accept | extract``."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .errors import DataError

DESCRIPTION = """\
kzanalysis: an evidence-first analysis of Kazakhstan's multi-vector foreign policy.

Commands:
  check    validate the corpus and every table in data/ (exit 1 and a list of problems if any)
  build    rebuild the derived tables in data/derived/ from seeds and curated tables
  report   run the notebooks in order, export figures, render report/index.html and the PDF
  run      execute chosen notebooks in place (fresh kernel each), e.g. kzanalysis run 02
  verify   rebuild everything in a temporary copy: strict nbval over the notebooks, and
           figures/ and data/derived/ compared byte for byte with the committed files
  add      add a new text to seeds/ with its metadata row; write candidate evidence for review
  accept   move reviewed candidates into data/claims.csv and data/events.csv (keeps a backup)
  extract  print what the extractor finds in a document (writes nothing)

Run `kzanalysis COMMAND --help` for the options of one command.
"""


def _cmd_check(args: argparse.Namespace) -> int:
    from .validate import check_all, summary
    problems = check_all()
    if problems:
        print(f"kzanalysis check: {len(problems)} problem{'s' if len(problems) != 1 else ''} found:", file=sys.stderr)
        for p in problems:
            print(f"  - {p}", file=sys.stderr)
        return 1
    counts = summary()
    print("kzanalysis check: OK: " + ", ".join(f"{n} {label}" for label, n in counts.items()))
    return 0


def _cmd_build(args: argparse.Namespace) -> int:
    from .build import build
    print("kzanalysis build: rebuilding data/derived/")
    changed = build()
    print(f"kzanalysis build: {len(changed)} file(s) changed")
    return 0


def _cmd_report(args: argparse.Namespace) -> int:
    from .report import build_report
    build_report(execute=not args.no_execute, pdf=not args.no_pdf, timeout=args.timeout)
    return 0


def _cmd_run(args: argparse.Namespace) -> int:
    from .report import notebook_paths, run_notebooks
    paths = notebook_paths()
    chosen = [p for p in paths if not args.notebooks or any(p.name.startswith(n) or p.stem == n for n in args.notebooks)]
    if not chosen:
        print(f"kzanalysis run: no notebook matches {' '.join(args.notebooks)}", file=sys.stderr)
        return 2
    run_notebooks(chosen, timeout=args.timeout)
    return 0


def _cmd_verify(args: argparse.Namespace) -> int:
    from .verify import verify
    return verify()


def parser() -> argparse.ArgumentParser:
    """The argument parser (also used to render ``--help`` in the README)."""
    p = argparse.ArgumentParser(prog="kzanalysis", description=DESCRIPTION,
                                formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = p.add_subparsers(dest="command", metavar="COMMAND")
    s = sub.add_parser("check", help="validate every input; exit 1 if any problem")
    s.set_defaults(func=_cmd_check)
    s = sub.add_parser("build", help="rebuild data/derived/ from seeds and curated tables")
    s.set_defaults(func=_cmd_build)
    s = sub.add_parser("report", help="execute notebooks, export figures, render report/ (HTML and PDF)")
    s.add_argument("--no-execute", action="store_true", help="render the notebooks as committed, without running them")
    s.add_argument("--no-pdf", action="store_true", help="render the HTML report only")
    s.add_argument("--timeout", type=int, default=600, help="seconds allowed per notebook cell (default 600)")
    s.set_defaults(func=_cmd_report)
    s = sub.add_parser("run", help="execute notebooks in place (all, or those whose name starts with the given prefixes)")
    s.add_argument("notebooks", nargs="*", help="name prefixes such as 01 or 02_multivector_balance")
    s.add_argument("--timeout", type=int, default=600, help="seconds allowed per cell (default 600)")
    s.set_defaults(func=_cmd_run)
    s = sub.add_parser("verify", help="re-run everything in a temporary copy; nbval + byte comparison of figures and derived data")
    s.set_defaults(func=_cmd_verify)
    from .intake import register
    register(sub)
    return p


def main(argv: list[str] | None = None) -> int:
    """Entry point of the ``kzanalysis`` console script."""
    args = parser().parse_args(argv)
    if not getattr(args, "func", None):
        parser().print_help()
        return 2
    try:
        return args.func(args)
    except DataError as exc:
        print(f"kzanalysis {args.command}: {exc}", file=sys.stderr)
        return 1
    except Exception as exc:  # a failing notebook: name it, no traceback
        from .report import ReportError
        if isinstance(exc, ReportError):
            print(f"kzanalysis {args.command}: {exc}", file=sys.stderr)
            return 1
        raise


if __name__ == "__main__":
    sys.exit(main())
