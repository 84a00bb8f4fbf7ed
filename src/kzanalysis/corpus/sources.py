"""corpus.sources (from corpus.py)."""
from __future__ import annotations

from pathlib import Path

import pandas as pd

from kzanalysis.io.errors import Problem
from kzanalysis.io.files import read_seed_text, seed_problems, sha256_of
from kzanalysis.io.paths import layout, project_root, relative
from kzanalysis.io.tables import load_resource, read_resource


def load_sources(root: Path | None = None) -> pd.DataFrame:
    """``seeds/sources.csv`` validated against its schema; ``date`` as Timestamp."""
    frame = load_resource("sources", root)
    frame["date"] = pd.to_datetime(frame["date"])
    return frame


def load_exclusions(root: Path | None = None) -> pd.DataFrame:
    """``seeds/exclusions.csv``: doc_id, start, end, quote, reason."""
    return load_resource("exclusions", root)


def load_texts(root: Path | None = None) -> dict[str, str]:
    """Map doc_id → seed text exactly as stored (strict UTF-8, no newline translation)."""
    root = root or project_root()
    sources = load_resource("sources", root)
    return {row.doc_id: read_seed_text(layout(root).seeds / row.file) for row in sources.itertuples()}


def load_documents(root: Path | None = None) -> pd.DataFrame:
    """One row per document with its text and size (see module docstring for columns)."""
    sources = load_sources(root)
    texts = load_texts(root)
    docs = sources[["doc_id", "file", "title", "outlet", "outlet_country", "date", "date_basis"]].copy()
    docs["text"] = docs["doc_id"].map(texts)
    docs["n_chars"] = docs["text"].str.len()
    docs["n_words"] = docs["text"].str.split().str.len()
    return docs.sort_values(["date", "doc_id"]).reset_index(drop=True)


def corpus_problems(root: Path | None = None) -> list[Problem]:
    """Every problem with the seeds and their metadata (files, hashes, exclusions)."""
    root = root or project_root()
    sources, problems = read_resource("sources", root)
    sources_file = relative(layout(root).seeds / "sources.csv", root)
    listed = set()
    texts: dict[str, str] = {}
    for row in sources.itertuples():
        if not row.file:
            continue
        listed.add(row.file)
        path = layout(root).seeds / row.file
        if not path.is_file():
            problems.append(Problem(sources_file, row.line, "file",
                                    f"seed file {relative(path, root)} does not exist"))
            continue
        found = seed_problems(path)
        if found:
            problems.extend(found)
            continue
        digest = sha256_of(path)
        if row.sha256 and digest != row.sha256:
            problems.append(Problem(sources_file, row.line, "sha256",
                                    f"{row.file} has changed: its SHA-256 is {digest}, the row says {row.sha256} "
                                    "(a seed must stay verbatim; if the change is intended, update the hash)"))
        if row.doc_id:
            texts[row.doc_id] = path.read_bytes().decode("utf-8")
    folder = layout(root).seeds
    if folder.is_dir():
        for path in sorted(folder.iterdir()):
            if path.suffix == ".txt" and path.name not in listed:
                problems.append(Problem(relative(path, root), None, None,
                                        f"seed has no metadata row in {sources_file} (add one with its doc_id)"))
    exclusions, ex_problems = read_resource("exclusions", root)
    problems.extend(ex_problems)
    problems.extend(span_problems(exclusions, texts, relative(layout(root).seeds / "exclusions.csv", root)))
    return problems


def span_problems(frame: pd.DataFrame, texts: dict[str, str], file: str) -> list[Problem]:
    """Problems with quote/start/end rows: unknown doc_id, offsets out of range, quote not at offsets.

    ``frame`` has columns doc_id, quote, start, end, line (as returned by ``read_resource``).
    The message says where the quote does occur, so that an off-by-one is easy to fix.
    """
    problems = []
    for row in frame.itertuples():
        if not row.doc_id or row.quote == "" or pd.isna(row.start) or pd.isna(row.end):
            continue
        if row.doc_id not in texts:
            problems.append(Problem(file, row.line, "doc_id", f"unknown doc_id {row.doc_id!r} (not in seeds/sources.csv)"))
            continue
        text = texts[row.doc_id]
        start, end = int(row.start), int(row.end)
        if not 0 <= start < end <= len(text):
            problems.append(Problem(file, row.line, "start",
                                    f"offsets {start}:{end} are outside the text of {row.doc_id} (0:{len(text)})"))
            continue
        if text[start:end] != row.quote:
            at = text.find(row.quote)
            hint = (f"; the quote occurs at {at}:{at + len(row.quote)}" if at >= 0
                    else "; the quote does not occur in the text at all")
            problems.append(Problem(file, row.line, "quote",
                                    f"text[{start}:{end}] of {row.doc_id} is {text[start:end][:60]!r}, not the quote{hint}"))
    return problems
