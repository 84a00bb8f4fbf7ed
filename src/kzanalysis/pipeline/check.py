"""Validation of every input: the corpus, every table, and the links between them.

``check_all()`` returns every problem found (empty list when all is well), so that a user
sees them all at once; ``summary()`` counts what was validated.
"""
from __future__ import annotations

from pathlib import Path

import pandas as pd

from kzanalysis.corpus.sources import corpus_problems, load_texts, span_problems
from kzanalysis.corpus.wordlist import word_list_problems
from kzanalysis.evidence.claims import actor_reference_problems, period_problems
from kzanalysis.extract.eval_set import eval_problems
from kzanalysis.gazetteer.actors import gazetteer_problems
from kzanalysis.io.errors import Problem
from kzanalysis.io.files import seed_problems
from kzanalysis.io.paths import layout, project_root, relative
from kzanalysis.io.tables import read_resource, resource, resource_names


def check_all(root: Path | None = None) -> list[Problem]:
    """Every problem in seeds, metadata, curated tables and reference tables."""
    root = root or project_root()
    problems = corpus_problems(root)
    try:
        texts = load_texts(root) if not problems else _readable_texts(root)
    except Exception:  # corpus problems already describe why
        texts = {}
    frames: dict[str, pd.DataFrame] = {}
    for name in resource_names(root):
        if name in ("sources", "exclusions"):
            continue
        frame, found = read_resource(name, root)
        frames[name] = frame
        problems.extend(found)

    def rel(name: str) -> str:
        return relative(resource(name, root).path, root)

    actors = frames.get("actors")
    known = set(actors["actor_id"]) if actors is not None else set()
    if actors is not None and frames.get("aliases") is not None:
        aliases = frames["aliases"]
        ok = aliases.dropna(subset=["case_sensitive", "expected_new"])
        problems.extend(gazetteer_problems(actors.assign(line=actors["line"]), ok, texts,
                                                      alias_lines=ok["line"], root=root))
    for name in ("claims", "events"):
        frame = frames.get(name)
        if frame is None or not len(frame):
            continue
        problems.extend(_doc_id_problems(frame, texts, rel(name)))
        problems.extend(span_problems(frame[frame["doc_id"].isin(texts)], texts, rel(name)))
    if frames.get("claims") is not None:
        claims = frames["claims"]
        problems.extend(actor_reference_problems(claims, ["subject", "partner"], known, rel("claims")))
        problems.extend(period_problems(claims, "period", "period_precision", rel("claims")))
    if frames.get("events") is not None:
        events = frames["events"]
        problems.extend(actor_reference_problems(events, ["actors"], known, rel("events")))
        problems.extend(period_problems(events, "date", "date_precision", rel("events")))
    if frames.get("trade") is not None:
        problems.extend(actor_reference_problems(frames["trade"], ["partner", "reporter"], known, rel("trade"),
                                                 allowed=frozenset({"world"})))
    if frames.get("facts") is not None:
        problems.extend(actor_reference_problems(frames["facts"], ["subject", "partner"], known, rel("facts")))
        problems.extend(period_problems(frames["facts"], "period", "period_precision", rel("facts")))
    problems.extend(word_list_problems(root))
    problems.extend(eval_problems(root))  # data/eval: every quote is text[start:end] of its file
    return sorted(set(problems), key=lambda p: (p.file, p.line or 0, p.field or "", p.message))


def _readable_texts(root: Path) -> dict[str, str]:
    """Texts of the seeds that can be read, for cross-checks while other seeds are broken."""
    sources, _ = read_resource("sources", root)
    texts = {}
    for row in sources.itertuples():
        path = layout(root).seeds / row.file if row.file else None
        if path and path.is_file() and not seed_problems(path):
            texts[row.doc_id] = path.read_bytes().decode("utf-8")
    return texts


def _doc_id_problems(frame: pd.DataFrame, texts: dict[str, str], file: str) -> list[Problem]:
    return [Problem(file, row.line, "doc_id", f"unknown doc_id {row.doc_id!r} (not in seeds/sources.csv)")
            for row in frame.itertuples() if row.doc_id and row.doc_id not in texts]


def summary(root: Path | None = None) -> dict[str, int]:
    """Counts of validated items: documents, actors, aliases, claims, events, reference rows, lexicon terms."""
    root = root or project_root()
    counts = {}
    for name, label in [("sources", "documents"), ("actors", "actors"), ("aliases", "aliases"),
                        ("claims", "claims"), ("events", "events"), ("trade", "trade reference rows"),
                        ("facts", "fact reference rows"), ("lexicon", "lexicon terms")]:
        frame, _ = read_resource(name, root)
        counts[label] = len(frame)
    return counts
