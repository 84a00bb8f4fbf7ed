"""``kzanalysis check``: validate every input."""
from __future__ import annotations

import argparse
import sys

from kzanalysis.pipeline.check import check_all, summary


def run_check(args: argparse.Namespace) -> int:
    problems = check_all()
    if problems:
        print(f"kzanalysis check: {len(problems)} problem{'s' if len(problems) != 1 else ''} found:", file=sys.stderr)
        for p in problems:
            print(f"  - {p}", file=sys.stderr)
        return 1
    counts = summary()
    print("kzanalysis check: OK: " + ", ".join(f"{n} {label}" for label, n in counts.items()))
    return 0


def register(subparsers: argparse._SubParsersAction) -> None:
    s = subparsers.add_parser("check", help="validate every input; exit 1 if any problem",
                              description="Validate seeds/, data/ and datapackage.json: every table against its "
                                          "schema (frictionless), quotes against their offsets, ids across tables.")
    s.set_defaults(func=run_check)
