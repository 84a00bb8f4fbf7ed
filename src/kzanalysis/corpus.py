"""The corpus: seed texts, their metadata, excluded spans, and sentences with offsets.

Columns of the DataFrames returned here:

``load_sources()``: the columns of ``seeds/sources.csv`` (see data/README.md).

``load_documents()``: doc_id, file, title, outlet, date (Timestamp), date_basis,
text (str, exactly as stored), n_chars (characters), n_words (whitespace-separated tokens).

``sentences(...)``: doc_id, sentence_id (0-based, in text order), start, end (character
offsets into the seed text, ``text[start:end] == sentence``), kind (``sentence``,
``heading`` or ``bullet``), sentence (the text). Spans listed in ``seeds/exclusions.csv``
(page furniture) are removed before segmentation.
"""
from __future__ import annotations

import re
from pathlib import Path

import pandas as pd

from .errors import DataError, Problem
from .files import read_seed_text, seed_problems, sha256_of
from .paths import project_root, relative, seeds_dir
from .tables import load_resource, read_resource

# Abbreviations after which a full stop does not end a sentence.
_ABBREVIATIONS = {"mr", "mrs", "ms", "dr", "prof", "st", "vol", "no", "e.g", "i.e", "etc", "vs", "jr", "sr"}
# Words that begin a new sentence even after an initialism such as "U.S." ("... the U.S. According to ...").
_SENTENCE_STARTERS = {"According", "The", "This", "These", "In", "It", "However", "Moreover", "As", "On",
                      "A", "An", "And", "But", "Also", "Thus", "Therefore", "For", "Since", "After", "During"}
_BULLET = re.compile(r"^[ \t]*[•\-\u2013\u2022*][ \t]+")
_BOUNDARY = re.compile(r"[.!?…]+[”\"’')\]]*(?=\s+[“\"‘(\[]?[A-Z0-9ÄÖÜÇŞÍİÎ])")


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
    return {row.doc_id: read_seed_text(seeds_dir(root) / row.file) for row in sources.itertuples()}


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
    sources_file = relative(seeds_dir(root) / "sources.csv", root)
    listed = set()
    texts: dict[str, str] = {}
    for row in sources.itertuples():
        if not row.file:
            continue
        listed.add(row.file)
        path = seeds_dir(root) / row.file
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
    folder = seeds_dir(root)
    if folder.is_dir():
        for path in sorted(folder.iterdir()):
            if path.suffix == ".txt" and path.name not in listed:
                problems.append(Problem(relative(path, root), None, None,
                                        f"seed has no metadata row in {sources_file} (add one with its doc_id)"))
    exclusions, ex_problems = read_resource("exclusions", root)
    problems.extend(ex_problems)
    problems.extend(span_problems(exclusions, texts, relative(seeds_dir(root) / "exclusions.csv", root)))
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


def _mask_exclusions(text: str, spans: list[tuple[int, int]]) -> str:
    """The text with excluded spans replaced by spaces (offsets unchanged)."""
    chars = list(text)
    for start, end in spans:
        for i in range(start, min(end, len(chars))):
            if chars[i] not in "\r\n":
                chars[i] = " "
    return "".join(chars)


def split_sentences(text: str) -> list[tuple[int, int, str]]:
    """Segment ``text`` into (start, end, kind) spans; kind is sentence, heading or bullet.

    Lines are paragraphs. A short line (≤ 12 words) without final punctuation is a
    heading. Within a paragraph, a sentence ends at ., !, ? or … (with any closing quote
    or bracket) followed by white space and a capital, digit or opening quote, except
    after common abbreviations (Mr., Dr., e.g.) and after initialisms such as "U.S."
    unless the next word is a usual sentence opener.
    """
    spans: list[tuple[int, int, str]] = []
    pos = 0
    for line in text.splitlines(keepends=True):
        line_start, pos = pos, pos + len(line)
        body = line.rstrip("\r\n")
        bullet = _BULLET.match(body)
        offset = bullet.end() if bullet else len(body) - len(body.lstrip())
        content = body[offset:].rstrip()
        if not content:
            continue
        base = line_start + offset
        if not bullet and len(content.split()) <= 12 and not re.search(r"[.!?…:;”\"]$", content):
            spans.append((base, base + len(content), "heading"))
            continue
        kind = "bullet" if bullet else "sentence"
        cut = 0
        for match in _BOUNDARY.finditer(content):
            end = match.end()
            if _is_abbreviation(content, match.start(), end):
                continue
            piece = content[cut:end].strip()
            if piece:
                lead = len(content[cut:end]) - len(content[cut:end].lstrip())
                spans.append((base + cut + lead, base + cut + lead + len(piece), kind))
            cut = end
        rest = content[cut:]
        if rest.strip():
            lead = len(rest) - len(rest.lstrip())
            spans.append((base + cut + lead, base + cut + lead + len(rest.strip()), kind))
    return spans


def _is_abbreviation(content: str, dot: int, end: int) -> bool:
    """True if the full stop at ``dot`` belongs to an abbreviation rather than ending a sentence."""
    if content[dot] != ".":
        return False
    word = re.search(r"([\w.]+)$", content[:dot])
    if not word:
        return False
    token = word.group(1)
    if token.lower() in _ABBREVIATIONS:
        return True
    if re.fullmatch(r"(?:[A-Z]\.)*[A-Z]", token):  # U.S, U.N, E.U
        following = re.match(r"\s+([\w’']+)", content[end:])
        return not (following and following.group(1) in _SENTENCE_STARTERS)
    return False


def sentences(texts: dict[str, str], exclusions: pd.DataFrame | None = None) -> pd.DataFrame:
    """Sentences of every document (columns in the module docstring), excluded spans removed."""
    rows = []
    for doc_id in sorted(texts):
        text = texts[doc_id]
        spans = []
        if exclusions is not None and len(exclusions):
            sel = exclusions[exclusions["doc_id"] == doc_id]
            spans = list(zip(sel["start"].astype(int), sel["end"].astype(int)))
        masked = _mask_exclusions(text, spans)
        for i, (start, end, kind) in enumerate(split_sentences(masked)):
            rows.append((doc_id, i, start, end, kind, text[start:end]))
    frame = pd.DataFrame(rows, columns=["doc_id", "sentence_id", "start", "end", "kind", "sentence"])
    return frame.astype({"sentence_id": int, "start": int, "end": int})


def load_sentences(root: Path | None = None) -> pd.DataFrame:
    """Sentences of the corpus, computed from the seeds (see ``sentences``)."""
    problems = corpus_problems(root)
    if problems:
        raise DataError(problems)
    return sentences(load_texts(root), load_exclusions(root))
