"""Command line: ``kzanalysis check | build | report | run | verify | evaluate | add | accept | extract``.

Each module of this package adds its commands to the parser through ``register(subparsers)``
and handles them with functions that return an exit status; nothing else in the package
imports the command line.
"""
from __future__ import annotations

import argparse
import sys

from kzanalysis.cli import build, check, evaluate, intake, report, verify
from kzanalysis.io.errors import DataError
from kzanalysis.report.notebooks import ReportError

DESCRIPTION = """\
kzanalysis: an evidence-first analysis of Kazakhstan's multi-vector foreign policy.

Commands:
  check     validate the corpus and every table (exit 1 and a list of problems if any)
  build     rebuild the derived tables in data/derived/ from seeds and curated tables
  report    run the notebooks, export figures, render report/index.html and the PDF
  run       execute chosen notebooks in place (fresh kernel each), e.g. kzanalysis run 02
  verify    rebuild everything in a temporary copy: strict nbval over the notebooks, and
            figures/ and data/derived/ compared byte for byte with the committed files
  evaluate  score the extractor (precision, recall, F1 with intervals) on seeds and held-out texts
  add       add a new text to seeds/ with its metadata row; write candidate evidence for review
  accept    move reviewed candidates into data/claims.csv and data/events.csv (keeps a backup)
  extract   print what the extractor finds in a document (writes nothing)

Run `kzanalysis COMMAND --help` for the options of one command.
"""

#: The modules whose ``register`` adds commands, in the order of ``--help``.
COMMAND_MODULES = (check, build, report, verify, evaluate, intake)


def parser() -> argparse.ArgumentParser:
    """The argument parser with every command registered."""
    p = argparse.ArgumentParser(prog="kzanalysis", description=DESCRIPTION,
                                formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = p.add_subparsers(dest="command", metavar="COMMAND")
    for module in COMMAND_MODULES:
        module.register(sub)
    return p


def main(argv: list[str] | None = None) -> int:
    """Entry point of the ``kzanalysis`` console script."""
    args = parser().parse_args(argv)
    if not getattr(args, "func", None):
        parser().print_help()
        return 2
    try:
        return args.func(args)
    except (DataError, ReportError) as exc:  # bad input or a failing notebook: say so, no traceback
        print(f"kzanalysis {args.command}: {exc}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
