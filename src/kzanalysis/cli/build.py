"""``kzanalysis build``: rebuild the derived tables."""
from __future__ import annotations

import argparse

from kzanalysis.pipeline.rebuild import rebuild


def run_build(args: argparse.Namespace) -> int:
    print("kzanalysis build: rebuilding data/derived/")
    changed = rebuild()
    print(f"kzanalysis build: {len(changed)} file(s) changed")
    return 0


def register(subparsers: argparse._SubParsersAction) -> None:
    s = subparsers.add_parser("build", help="rebuild data/derived/ from seeds and curated tables")
    s.set_defaults(func=run_build)
