"""``kzanalysis evaluate``: score the extractor on the seeds and on the evaluation set ``data/eval``."""
from __future__ import annotations

import argparse

import pandas as pd

from kzanalysis.extract.eval_set import SPLITS
from kzanalysis.extract.evaluation import evaluate, evaluation_table, readable_table, write_score_table
from kzanalysis.io.paths import project_root, relative


def run_evaluate(args: argparse.Namespace) -> int:
    splits = ("seeds", *SPLITS) if args.split == "all" else (args.split,)
    table = readable_table(evaluation_table(splits))
    with pd.option_context("display.width", 200, "display.max_colwidth", 70, "display.max_rows", 10_000):
        print(table.to_string(index=False))
        if args.details:  # the seeds only: the test split is scored, never inspected item by item
            result = evaluate()
            for key, title in [("unmatched_claims", "seed claims stated in the text that no prediction matches"),
                               ("unmatched_predictions", "predicted seed quantities that match no claim"),
                               ("unmatched_events", "seed events whose date no prediction matches"),
                               ("wrong_dates", "predicted seed dates matching no event or claim")]:
                frame = result[key]
                print(f"\n{title} ({len(frame)}):")
                if len(frame):
                    print(frame.to_string(index=False))
    if args.write_readme:
        for path in write_score_table(table):
            print(f"wrote the score table into {relative(path, project_root())}")
    return 0


def register(subparsers: argparse._SubParsersAction) -> None:
    s = subparsers.add_parser(
        "evaluate", help="score the extractor on the seeds and the evaluation set",
        description="Precision, recall and F1 (95% bootstrap intervals over documents) of mentions, quantity "
                    "values, full quantity matches, periods and event dates: on the seeds against the curated "
                    "tables, and on the dev and test splits of data/eval.")
    s.add_argument("--split", choices=["seeds", *SPLITS, "all"], default="all", help="what to score (default: all)")
    s.add_argument("--write-readme", action="store_true",
                   help="also write the table into README.md and benchmarks/README.md (between their markers)")
    s.add_argument("--details", action="store_true", help="also list the seeds' unmatched items")
    s.set_defaults(func=run_evaluate)
