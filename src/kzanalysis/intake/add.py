"""intake.add (from intake.py)."""
from __future__ import annotations

import hashlib
import re
from pathlib import Path

from kzanalysis.extract.candidates import candidates
from kzanalysis.extract.extractor import Extractor
from kzanalysis.gazetteer.actors import load_actors, load_aliases
from kzanalysis.intake.staging import (
    CLI,
    AddResult,
    Transaction,
    appended,
    candidates_dir,
    csv_line,
    default_doc_id,
    next_backup_path,
    parse_iso_date,
    review_csv,
    staged_problems,
    text_problems,
)
from kzanalysis.io.errors import DataError, Problem
from kzanalysis.io.files import MAX_SEED_BYTES, sha256_of
from kzanalysis.io.paths import layout, project_root, relative
from kzanalysis.io.tables import read_resource, resource

DEFAULT_RIGHTS = "Text copyright its publisher; included verbatim for research and verification only."


DOC_ID_PATTERN = r"[a-z0-9]+(-[a-z0-9]+)*"




def add_document(path: Path, *, title: str, outlet: str, date_text: str, doc_id: str | None = None,
                 author: str = "", url: str = "", outlet_country: str = "unknown", date_basis: str = "stated",
                 date_evidence: str = "", perspective: str = "", text_quality: str = "",
                 rights: str = DEFAULT_RIGHTS, root: Path | None = None) -> AddResult:
    """Add the text at ``path`` to the corpus (see module docstring); raise ``DataError`` listing
    every problem, with nothing written, if anything is wrong."""
    root = root or project_root()
    path = Path(path)
    problems: list[Problem] = []
    data = b""
    if not path.exists():
        problems.append(Problem(str(path), None, None, "file not found"))
    elif not path.is_file():
        problems.append(Problem(str(path), None, None, "not a file"))
    elif path.stat().st_size > MAX_SEED_BYTES:
        problems.append(Problem(str(path), None, None,
                                f"file is {path.stat().st_size:,} bytes; a seed may be at most {MAX_SEED_BYTES:,}"))
    else:
        data = path.read_bytes()
        problems.extend(Problem(str(path), p.line, p.field, p.message) for p in text_problems(path, data))
    when, precision, date_problems = parse_iso_date(date_text)
    problems.extend(date_problems)
    for name, value in [("--title", title), ("--outlet", outlet)]:
        if not value or not value.strip():
            problems.append(Problem(CLI, None, name, "a value is required"))
    sources_res = resource("sources", root)
    sources, source_problems = read_resource("sources", root)
    if source_problems:
        raise DataError(source_problems)  # fix the existing metadata first
    if doc_id is None and when is not None and outlet.strip():
        doc_id = default_doc_id(outlet, when)
    if doc_id is not None:
        if not re.fullmatch(DOC_ID_PATTERN, doc_id):
            problems.append(Problem(CLI, None, "--doc-id",
                                    f"{doc_id!r} is not a doc_id: lower-case letters and digits in words joined "
                                    "by '-', e.g. jamestown-2023"))
        elif doc_id in set(sources["doc_id"]):
            problems.append(Problem(CLI, None, "--doc-id",
                                    f"doc_id {doc_id!r} is already in seeds/sources.csv; choose another with --doc-id"))
        elif (candidates_dir(root) / f"{doc_id}.csv").exists():
            problems.append(Problem(relative(candidates_dir(root) / f"{doc_id}.csv", root), None, None,
                                    "a review file for this doc_id already exists; remove it or choose another --doc-id"))
    digest = ""
    if data and not any(p.file == str(path) for p in problems):
        digest = hashlib.sha256(data).hexdigest()
        for row in sources.itertuples():
            seed = layout(root).seeds / row.file
            if row.sha256 == digest or (seed.is_file() and sha256_of(seed) == digest):
                problems.append(Problem(str(path), None, None,
                                        f"same content (SHA-256 {digest[:12]}…) as seeds/{row.file}, "
                                        f"already in the corpus as {row.doc_id!r}"))
                break
    if problems:
        raise DataError(problems)

    assert when is not None and doc_id is not None
    numbers = [int(m.group(1)) for f in sources["file"] if (m := re.match(r"(\d+)_", f))]
    seed_name = f"{max(numbers, default=-1) + 1:03d}_{digest[:16]}.txt"
    seed_path = layout(root).seeds / seed_name
    row = {
        "doc_id": doc_id, "file": seed_name, "sha256": digest, "title": title.strip(), "outlet": outlet.strip(),
        "outlet_country": outlet_country or "unknown", "author": author, "date": when.isoformat(),
        "date_precision": precision, "date_basis": date_basis,
        "date_evidence": date_evidence or "date given to `kzanalysis add`; check it against the text",
        "url": url, "perspective": perspective or "not yet described (fill in while reviewing)",
        "text_quality": text_quality or "not yet reviewed", "rights": rights,
    }
    old_sources = sources_res.path.read_bytes()
    new_sources = appended(old_sources, sources_res.columns, [csv_line([row[c] for c in sources_res.columns])])
    staged = staged_problems(root, {f"seeds/{seed_name}": data, "seeds/sources.csv": new_sources})
    if staged:
        raise DataError(staged)

    text = data.decode("utf-8")
    extractor = Extractor.from_tables(load_aliases(root), load_actors(root))
    extraction = extractor.extract(doc_id, text, when)
    review = candidates(doc_id, text, extraction)
    review_path = candidates_dir(root) / f"{doc_id}.csv"

    tx = Transaction()
    try:
        tx.write(seed_path, data)
        tx.write(next_backup_path("sources", root), old_sources)
        tx.write(sources_res.path, new_sources)
        tx.write(review_path, review_csv(review).encode("utf-8"))
    except BaseException:
        tx.rollback()
        raise
    counts = review["table"].value_counts().to_dict()
    return AddResult(doc_id, seed_path, review_path, {t: int(counts.get(t, 0)) for t in ("claims", "events", "mentions")})
