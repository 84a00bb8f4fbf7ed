"""``kzanalysis verify``: rebuild in a temporary copy, strict nbval, byte comparison."""
from __future__ import annotations

import argparse

from kzanalysis.pipeline.verify import verify


def run_verify(args: argparse.Namespace) -> int:
    return verify(jobs=args.jobs, unit_tests=args.unit_tests)


def register(subparsers: argparse._SubParsersAction) -> None:
    s = subparsers.add_parser(
        "verify", help="re-run everything in a temporary copy; nbval + byte comparison of figures and derived data")
    s.add_argument("-j", "--jobs", type=int, default=None,
                   help="notebooks executed at once, each in its own kernel (default: one per core, at most 4)")
    s.add_argument("--unit-tests", action="store_true",
                   help="also run the unit tests (tests/) in the same pytest session, on the same workers (make test)")
    s.set_defaults(func=run_verify)
