"""``kzanalysis verify``: rebuild in a temporary copy, strict nbval, byte comparison."""
from __future__ import annotations

import argparse

from kzanalysis.pipeline.verify import verify


def run_verify(args: argparse.Namespace) -> int:
    return verify(jobs=args.jobs)


def register(subparsers: argparse._SubParsersAction) -> None:
    s = subparsers.add_parser(
        "verify", help="re-run everything in a temporary copy; nbval + byte comparison of figures and derived data")
    s.add_argument("-j", "--jobs", type=int, default=None,
                   help="notebooks executed at once, each in its own kernel (default: one per core, at most 4)")
    s.set_defaults(func=run_verify)
