"""corpus.sentences (from corpus.py)."""
from __future__ import annotations

import re
from pathlib import Path

import pandas as pd

from kzanalysis.corpus.sources import corpus_problems, load_exclusions, load_texts
from kzanalysis.io.errors import DataError

# Abbreviations after which a full stop does not end a sentence.
_ABBREVIATIONS = {"mr", "mrs", "ms", "dr", "prof", "st", "vol", "no", "e.g", "i.e", "etc", "vs", "jr", "sr"}


# Words that begin a new sentence even after an initialism such as "U.S." ("... the U.S. According to ...").
_SENTENCE_STARTERS = {"According", "The", "This", "These", "In", "It", "However", "Moreover", "As", "On",
                      "A", "An", "And", "But", "Also", "Thus", "Therefore", "For", "Since", "After", "During"}


_BULLET = re.compile(r"^[ \t]*[•\-\u2013\u2022*][ \t]+")


_BOUNDARY = re.compile(r"[.!?…]+[”\"’')\]]*(?=\s+[“\"‘(\[]?[A-Z0-9ÄÖÜÇŞÍİÎ])")


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
        if not bullet and not _FINAL_PUNCTUATION.search(content) and len(content.split()) <= 12:
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


_FINAL_PUNCTUATION = re.compile(r"[.!?…:;”\"]$")


_INITIALISM = re.compile(r"(?:[A-Z]\.)*[A-Z]")
_NEXT_TOKEN = re.compile(r"\s+([\w’']+)")


def _is_abbreviation(content: str, dot: int, end: int) -> bool:
    """True if the full stop at ``dot`` belongs to an abbreviation rather than ending a sentence."""
    if content[dot] != ".":
        return False
    # the run of word characters and full stops just before the dot (what ``([\w.]+)$`` finds in
    # ``content[:dot]``), read backwards from the dot: a search of the whole line at every full
    # stop would be quadratic in its length
    stop = dot - 1 if dot and content[dot - 1] == "\n" else dot  # ``$`` also matches before a final newline
    start = stop
    while start > 0 and (content[start - 1].isalnum() or content[start - 1] in "_."):  # ``\w`` or "."
        start -= 1
    if start == stop:
        return False
    token = content[start:stop]
    if token.lower() in _ABBREVIATIONS:
        return True
    if _INITIALISM.fullmatch(token):  # U.S, U.N, E.U
        following = _NEXT_TOKEN.match(content, end)
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
