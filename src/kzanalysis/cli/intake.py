"""``kzanalysis add``, ``accept`` and ``extract``: grow the corpus."""
from __future__ import annotations

import argparse
from pathlib import Path

import pandas as pd

from kzanalysis.corpus.sentences import sentences
from kzanalysis.corpus.sources import load_exclusions, load_sources, load_texts
from kzanalysis.extract.candidates import candidates
from kzanalysis.extract.dates import document_date
from kzanalysis.extract.extractor import Extractor
from kzanalysis.gazetteer.actors import load_actors, load_aliases
from kzanalysis.intake.accept import accept_candidates
from kzanalysis.intake.add import DEFAULT_RIGHTS, add_document
from kzanalysis.intake.staging import CLI, parse_iso_date, review_csv, text_problems
from kzanalysis.io.errors import DataError, Problem
from kzanalysis.io.files import write_text_atomic
from kzanalysis.io.paths import project_root, relative
from kzanalysis.report.display import Table


def _cmd_add(args: argparse.Namespace) -> int:
    result = add_document(Path(args.path), title=args.title, outlet=args.outlet, date_text=args.date,
                          doc_id=args.doc_id, author=args.author, url=args.url, outlet_country=args.outlet_country,
                          date_basis=args.date_basis, date_evidence=args.date_evidence,
                          perspective=args.perspective, text_quality=args.text_quality, rights=args.rights)
    root = project_root()
    print(f"kzanalysis add: added {result.doc_id} as {relative(result.seed, root)} (row appended to seeds/sources.csv)")
    print(f"kzanalysis add: review file {relative(result.candidates, root)}: "
          + ", ".join(f"{n} {t} candidates" for t, n in result.counts.items()))
    print("next: write yes in the 'accept' column of the rows to keep, then "
          f"`kzanalysis accept {result.doc_id}`; add aliases for new actors to data/aliases.csv; "
          "then `kzanalysis check` and `kzanalysis build`")
    return 0


def _cmd_accept(args: argparse.Namespace) -> int:
    result = accept_candidates(args.doc_id, dry_run=args.dry_run)
    verb = "would move" if args.dry_run else "moved"
    for table, ids in result.moved.items():
        shown = f" ({ids[0]} … {ids[-1]})" if ids else ""
        print(f"kzanalysis accept: {verb} {len(ids)} row(s) to data/{table}.csv{shown}")
    if result.mentions:
        print(f"kzanalysis accept: {result.mentions} accepted mention row(s) left in place: mentions are derived by "
              "`kzanalysis build`; add new names to data/aliases.csv")
    if result.pending:
        print(f"kzanalysis accept: {result.pending} row(s) not reviewed yet (accept is empty)")
    return 0


def _cmd_extract(args: argparse.Namespace) -> int:
    root = project_root()
    extractor = Extractor.from_tables(load_aliases(root), load_actors(root))
    if args.file:
        path = Path(args.file)
        data = path.read_bytes() if path.is_file() else b""
        problems = text_problems(path, data) if path.is_file() else [Problem(str(path), None, None, "file not found")]
        when = None
        if args.date:
            when, _, date_problems = parse_iso_date(args.date)
            problems += date_problems
        if problems:
            raise DataError(problems)
        docs = {path.stem: (data.decode("utf-8"), when, None)}
    else:
        texts = load_texts(root)
        sources = load_sources(root).set_index("doc_id")
        unknown = [d for d in args.doc_ids if d not in texts]
        if unknown:
            raise DataError([Problem(CLI, None, "DOC_ID", f"unknown doc_id {d!r} (known: {', '.join(sorted(texts))})")
                             for d in unknown])
        sents = sentences(texts, load_exclusions(root))
        docs = {d: (texts[d], document_date(sources.at[d, "date"]), sents)
                for d in (args.doc_ids or sorted(texts))}
    with pd.option_context("display.width", 200, "display.max_colwidth", 50, "display.max_rows", 10_000):
        for doc_id, (text, when, sents) in docs.items():
            result = extractor.extract(doc_id, text, when, sents)
            if args.output:
                review = candidates(doc_id, text, result)
                target = Path(args.output) / f"{doc_id}.csv"
                write_text_atomic(target, review_csv(review))
                print(f"kzanalysis extract: wrote {target} ({len(review)} rows)")
                continue
            q = result["quantities"]
            print(f"== {doc_id}: {len(q)} quantities, {len(result['dates'])} dates, "
                  f"{len(result['mentions'])} gazetteer mentions")
            print(repr(Table(q[["start", "quote", "value", "unit", "qualifier", "subject", "partner", "period",
                                "metric", "confidence"]], index=False)))
            print(repr(Table(result["dates"][["start", "quote", "date", "date_precision", "date_basis"]], index=False)))
            if args.names:
                print(repr(Table(result["names"].head(args.names)[["name", "n"]], index=False)))
    return 0


def _command(subparsers: argparse._SubParsersAction, func, name: str, help: str,
             description: str) -> argparse.ArgumentParser:
    """Add one subcommand handled by ``func``; return its parser for the arguments."""
    command = subparsers.add_parser(name, help=help, description=description)
    command.set_defaults(func=func)
    return command


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add the ``add``, ``accept`` and ``extract`` subcommands to ``kzanalysis``'s parser."""
    s = _command(subparsers, _cmd_add, "add", help="add a UTF-8 text to seeds/ with its metadata row, and write candidate evidence for review",
        description="Copy a UTF-8 text into seeds/, append its row to seeds/sources.csv and write candidate "
                    "claims, events and mentions to data/candidates/DOC_ID.csv for review. Everything is "
                    "checked first; on any problem nothing is written. The curated tables are not touched: "
                    "review the candidates, then run `kzanalysis accept DOC_ID`.")
    s.add_argument("path", metavar="PATH", help="the text file (UTF-8, plain text, verbatim)")
    s.add_argument("--title", required=True, help="headline as printed in the text")
    s.add_argument("--outlet", required=True, help="outlet or publisher ('unknown' if the text gives none)")
    s.add_argument("--date", required=True,
                   help="publication date, ISO: YYYY-MM-DD, or YYYY-MM / YYYY when only that is known")
    s.add_argument("--doc-id", default=None, help="short stable id; default: outlet's first words and the year")
    s.add_argument("--author", default="", help="byline, if stated")
    s.add_argument("--url", default="", help="where the text is published")
    s.add_argument("--outlet-country", default="unknown", help="country of the outlet (default: unknown)")
    s.add_argument("--date-basis", default="stated", choices=["stated", "inferred"],
                   help="'stated' if the text gives the date (default), 'inferred' if it is a lower bound")
    s.add_argument("--date-evidence", default="", help="the date line or event the date rests on, quoted")
    s.add_argument("--perspective", default="", help="outlet's country / standpoint, in a few words")
    s.add_argument("--text-quality", default="", help="machine translation, misspellings, page furniture, ...")
    s.add_argument("--rights", default=DEFAULT_RIGHTS, help=f"rights note (default: {DEFAULT_RIGHTS!r})".replace("%", "%%"))


    s = _command(subparsers, _cmd_accept, "accept", help="move reviewed candidates (accept=yes) into data/claims.csv and data/events.csv",
        description="Append the rows of data/candidates/DOC_ID.csv marked 'yes' to the curated tables with new "
                    "ids (DOC_ID-cNN, DOC_ID-eNN), after validating the result on a temporary copy; keeps a "
                    "backup of each table in data/backup/ and marks the moved rows 'done <id>'.")
    s.add_argument("doc_id", metavar="DOC_ID", help="the document whose review file to apply")
    s.add_argument("--dry-run", action="store_true", help="validate and report, write nothing")


    s = _command(subparsers, _cmd_extract, "extract", help="print the quantities, dates and unknown names the extractor finds (writes nothing)",
        description="Run the extractor on documents of the corpus (all, or the DOC_IDs given) or on a file, and "
                    "print quantities with their guessed subject/partner/period, dates and, with --names, the "
                    "capitalised names the gazetteer does not know.")
    s.add_argument("doc_ids", metavar="DOC_ID", nargs="*", help="documents of the corpus (default: all)")
    s.add_argument("--file", help="extract from this UTF-8 file instead of the corpus")
    s.add_argument("--date", help="document date for --file (ISO), to resolve 'last July' and the like")
    s.add_argument("--names", type=int, default=0, metavar="N",
                   help="also list the N most frequent names not in the gazetteer")
    s.add_argument("--output", metavar="FOLDER", help="write review files FOLDER/DOC_ID.csv instead of printing")

