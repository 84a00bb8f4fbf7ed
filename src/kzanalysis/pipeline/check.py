"""Validation of every input: the corpus, every table, and the links between them.

``check_all()`` returns every problem found (empty list when all is well), so that a user
sees them all at once; ``summary()`` counts what was validated.
"""
from __future__ import annotations

import hashlib
from pathlib import Path

import pandas as pd

from kzanalysis.analysis.factcheck import check_claims, check_events
from kzanalysis.analysis.references import reference_table
from kzanalysis.corpus.sources import corpus_problems, load_texts, span_problems
from kzanalysis.corpus.wordlist import word_list_problems
from kzanalysis.evidence.claims import actor_reference_problems, period_problems
from kzanalysis.evidence.reference import reference_link_problems
from kzanalysis.extract.eval_set import eval_folder, eval_problems
from kzanalysis.gazetteer.actors import gazetteer_problems
from kzanalysis.io.errors import Problem
from kzanalysis.io.files import seed_problems
from kzanalysis.io.paths import layout, project_root, relative
from kzanalysis.io.tables import read_resource, resource, resource_names


def check_all(root: Path | None = None) -> list[Problem]:
    """Every problem in seeds, metadata, curated tables and reference tables.

    A pure function of the input files: within one process, inputs already checked (same
    paths, same bytes; ``_inputs_digest``) are not checked again, as tests and the staged
    validation of ``add``/``accept`` check the same inputs many times."""
    root = root or project_root()
    key = _inputs_digest(root)
    if key not in _CHECKED:
        if len(_CHECKED) >= 64:
            _CHECKED.clear()
        _CHECKED[key] = tuple(_check_all(root))
    return list(_CHECKED[key])


_CHECKED: dict[str, tuple[Problem, ...]] = {}
_DIGEST_READ_LIMIT = 8_000_000  # bytes; a larger file is keyed by size and modification time, unread


def _inputs_digest(root: Path) -> str:
    """SHA-256 over every file under ``seeds/`` and ``data/`` and of ``datapackage.json``:
    relative path, kind, and bytes (size and modification time for a file too large to read)."""
    digest = hashlib.sha256()
    places = layout(root)
    for top in (places.seeds, places.data, places.package):
        paths = sorted(top.rglob("*")) if top.is_dir() else [top]
        for path in paths:
            digest.update(path.relative_to(places.root).as_posix().encode("utf-8", "surrogateescape") + b"\0")
            if path.is_symlink():
                digest.update(b"link:" + str(path.readlink()).encode("utf-8", "surrogateescape"))
            elif path.is_file():
                info = path.stat()
                if info.st_size > _DIGEST_READ_LIMIT:
                    digest.update(f"big:{info.st_size}:{info.st_mtime_ns}".encode())
                else:
                    content = path.read_bytes()
                    digest.update(f"file:{len(content)}:".encode() + content)
            else:
                digest.update(b"dir" if path.is_dir() else b"missing")
            digest.update(b"\0")
    return digest.hexdigest()


def _check_all(root: Path) -> list[Problem]:
    problems = corpus_problems(root)
    try:
        texts = load_texts(root) if not problems else _readable_texts(root)
    except Exception:  # corpus problems already describe why
        texts = {}
    frames: dict[str, pd.DataFrame] = {}
    derived = layout(root).derived
    for name in resource_names(root):
        # seeds are checked by corpus_problems; data/derived/ holds outputs of `build`, not inputs
        # (checked by tests/test_derived_tables.py and byte-compared by `verify`)
        if name in ("sources", "exclusions") or resource(name, root).path.is_relative_to(derived):
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
        key = _file_key(root, [resource("actors", root).path, resource("aliases", root).path],
                        b"".join(f"{d}\0{texts[d]}\0".encode() for d in sorted(texts)))
        problems.extend(_memoised(_GAZETTEER_CHECKED, key, lambda: gazetteer_problems(
            actors.assign(line=actors["line"]), ok, texts, alias_lines=ok["line"], root=root)))
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
    if frames.get("dates") is not None:
        problems.extend(actor_reference_problems(frames["dates"], ["subject", "partner"], known, rel("dates")))
        problems.extend(period_problems(frames["dates"], "date", "date_precision", rel("dates")))
    problems.extend(_fact_check_problems_of_files(frames, rel, root, clean=not problems))
    problems.extend(word_list_problems(root))
    evals = sorted(p for p in eval_folder(root).rglob("*") if p.is_file()) if eval_folder(root).is_dir() else []
    # data/eval: every quote is text[start:end] of its file (once its tables pass their schemas:
    # a cell that is not an integer offset is already reported above with its line and field)
    eval_prefix = relative(eval_folder(root), root) + "/"
    if not any(p.file.startswith(eval_prefix) for p in problems):
        problems.extend(_memoised(_EVAL_CHECKED, _file_key(root, [*evals, resource("actors", root).path]),
                                     lambda: eval_problems(root)))
    return sorted(set(problems), key=lambda p: (p.file, p.line or 0, p.field or "", p.message))


REFERENCE_TABLES = ("trade", "facts", "dates")
CHECK_TABLES = ("claims", "events", "claim_checks", "event_checks", "searches", *REFERENCE_TABLES)


def fact_check_problems(frames: dict[str, pd.DataFrame], rel, root: Path, clean: bool = True) -> list[Problem]:
    """Links of the fact-check curation: reference ids exist, one check row per claim and event,
    and a recorded search (``searches.csv``) for every checkable item whose computed verdict is
    ``unverified``. The last check runs the engine, so only on tables without other problems."""
    if any(frames.get(name) is None for name in CHECK_TABLES):
        return []
    known = set(frames["trade"]["ref_id"]) | set(frames["facts"]["fact_id"]) | set(frames["dates"]["ref_id"])
    problems = reference_link_problems(frames["claim_checks"], "claim_id", frames["claims"], known,
                                       rel("claim_checks"))
    problems += reference_link_problems(frames["event_checks"], "event_id", frames["events"], known,
                                        rel("event_checks"))
    if problems or not clean:
        return problems
    sources, found = read_resource("sources", root)
    if found:
        return problems
    strip = {name: frames[name].drop(columns="line") for name in CHECK_TABLES}
    searched = set(strip["searches"]["item_id"])
    # Only a checkable item without a recorded search can raise the problem, and the engine judges each
    # item on its own (its row, its check row, the references): it runs on those items alone.
    open_claims = _open_items(strip["claims"], strip["claim_checks"], "claim_id", searched)
    open_events = _open_items(strip["events"], strip["event_checks"], "event_id", searched)
    if not len(open_claims) and not len(open_events):
        return problems
    refs = reference_table(strip["trade"], strip["facts"], strip["dates"])
    verdicts = []
    if len(open_claims):
        verdicts.append((check_claims(open_claims, strip["claim_checks"], refs, sources), "claim_id", "claim_checks"))
    if len(open_events):
        verdicts.append((check_events(open_events, strip["event_checks"], refs), "event_id", "event_checks"))
    for out, key, name in verdicts:
        lines = dict(zip(frames[name][key], frames[name]["line"]))
        for item in out.loc[out["checkable"] & (out["verdict"] == "unverified"), key]:
            if item not in searched:
                problems.append(Problem(rel(name), int(lines[item]), "reference_ids",
                                        f"{item}: checkable, verdict 'unverified' (no usable reference), and no "
                                        f"row in data/reference/searches.csv records the search"))
    return problems


def _open_items(items: pd.DataFrame, checks: pd.DataFrame, key: str, searched: set[str]) -> pd.DataFrame:
    """Rows of ``items`` whose check row says checkable and that no recorded search names."""
    checkable = set(checks.loc[checks["checkable"].fillna(False).astype(bool), key])
    return items[items[key].isin(checkable - searched)]


_FACT_CHECKED: dict[str, tuple[Problem, ...]] = {}
_GAZETTEER_CHECKED: dict[str, tuple[Problem, ...]] = {}
_EVAL_CHECKED: dict[str, tuple[Problem, ...]] = {}


def _file_key(root: Path, paths: list[Path], extra: bytes = b"") -> str:
    """SHA-256 over ``datapackage.json``, each path (relative to ``root``) with its bytes, and ``extra``:
    the key of a check that is a function of those files alone (and of where they lie, which its
    messages name)."""
    digest = hashlib.sha256(layout(root).package.read_bytes())
    for path in paths:
        digest.update(f"\0{relative(path, root)}\0".encode())
        try:
            digest.update(path.read_bytes() if path.is_file() else b"(missing)")
        except OSError as exc:  # the check itself reports an unreadable file; the key only has to differ
            digest.update(f"(unreadable: {exc})".encode())
    digest.update(b"\0" + extra)
    return digest.hexdigest()


def _memoised(store: dict[str, tuple[Problem, ...]], key: str, compute) -> list[Problem]:
    """``compute()`` once per ``key`` in this process (at most 64 keys kept): the tests and the staged
    validation of ``add``/``accept`` check many project copies that differ in one file only."""
    if key not in store:
        if len(store) >= 64:
            store.clear()
        store[key] = tuple(compute())
    return list(store[key])


def _fact_check_problems_of_files(frames: dict[str, pd.DataFrame], rel, root: Path, clean: bool) -> list[Problem]:
    """``fact_check_problems`` of tables read from the project's files, memoised by those files.

    The result is a function of the bytes of the tables it reads (``CHECK_TABLES`` and the
    sources, read against ``datapackage.json``), of their relative paths and of ``clean``: a
    project copy that differs elsewhere (a broken word list, a new seed, an eval file), as many
    tests and ``accept``'s staged validation make, does not run the fact-check engine again. Of
    the sources it reads only the dates of the documents that claims cite (an undated claim's
    period), so a new seed (``add``) does not run it again either."""
    if any(frames.get(name) is None for name in CHECK_TABLES):
        return fact_check_problems(frames, rel, root, clean=clean)  # nothing to check (and to key)
    sources, found = read_resource("sources", root)
    cited = sources[sources["doc_id"].isin(set(frames["claims"]["doc_id"]))].sort_values("doc_id")
    extra = f"clean={clean}\0sources\0{bool(found)}\0".encode()
    extra += repr(list(zip(cited["doc_id"], cited["date"].astype(str)))).encode()
    key = _file_key(root, [resource(name, root).path for name in CHECK_TABLES], extra)
    return _memoised(_FACT_CHECKED, key, lambda: fact_check_problems(frames, rel, root, clean=clean))


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
                        ("facts", "fact reference rows"), ("dates", "date reference rows"),
                        ("claim_checks", "claim checks"), ("event_checks", "event checks"),
                        ("searches", "recorded searches"), ("lexicon", "lexicon terms")]:
        frame, _ = read_resource(name, root)
        counts[label] = len(frame)
    return counts
