"""``kzanalysis evaluate``: score the extractor against the curated tables."""
from __future__ import annotations

import argparse

import pandas as pd

from kzanalysis.extract.evaluation import evaluate, write_score_table
from kzanalysis.io.paths import project_root, relative


def run_evaluate(args: argparse.Namespace) -> int:
    result = evaluate()
    table = result["scores"]
    with pd.option_context("display.width", 200, "display.max_colwidth", 70, "display.max_rows", 10_000):
        print(table.to_string(index=False))
        if not args.quiet:
            for key, title in [("unmatched_claims", "claims stated in the text that no prediction matches"),
                               ("unmatched_predictions", "predicted quantities that match no claim"),
                               ("unmatched_events", "events whose date no prediction matches"),
                               ("wrong_dates", "predicted dates matching no event or claim")]:
                frame = result[key]
                print(f"\n{title} ({len(frame)}):")
                if len(frame):
                    print(frame.to_string(index=False))
    if args.write_readme:
        for path in write_score_table(table):
            print(f"wrote the score table into {relative(path, project_root())}")
    return 0


def register(subparsers: argparse._SubParsersAction) -> None:
    s = subparsers.add_parser("evaluate", help="score the extractor against the curated tables",
                              description="Score the extractor against data/claims.csv and data/events.csv.")
    s.add_argument("--write-readme", action="store_true",
                   help="also write the score table into README.md and benchmarks/README.md (between their markers)")
    s.add_argument("--quiet", action="store_true", help="print the score table only")
    s.set_defaults(func=run_evaluate)
