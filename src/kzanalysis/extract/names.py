"""extract.names (from extract.py)."""
from __future__ import annotations

import re

import pandas as pd

from kzanalysis.extract.quantities import sentence_spans
from kzanalysis.extract.vocabulary import MONTHS
from kzanalysis.gazetteer.mentions import Gazetteer

NAME_COLUMNS = ["name", "n", "n_docs", "first_doc", "first_start", "example"]


_NAME = re.compile(r"(?<![\w’'])(?:[A-Z][\w’'.-]*[a-z]\w*|[A-Z]{2,}[a-z]?)"
                   r"(?:(?:\s+(?:of|the|for|de|al|bin|von|van)){0,2}\s+(?:[A-Z][\w’'.-]*[a-z]\w*|[A-Z]{2,}))*")


#: Capitalised words that begin sentences or are titles, not names.
_NOT_NAMES = {"The", "This", "These", "That", "Those", "In", "It", "Its", "However", "Moreover", "As", "On", "A",
              "An", "And", "But", "Also", "Thus", "Therefore", "For", "Since", "After", "During", "Both", "First",
              "Furthermore", "Indeed", "Yet", "If", "When", "While", "Although", "Even", "Besides", "Within",
              "Without", "With", "By", "At", "From", "To", "Of", "Some", "Many", "Most", "Other", "Such", "There",
              "Here", "What", "Which", "Who", "How", "Why", "Now", "Then", "According", "Perhaps", "Rather",
              "Likewise", "Ultimately", "Recently", "Along", "Because", "Under", "Upon", "Among", "Despite",
              "Mr", "Mrs", "Ms", "Dr", "President", "Prime", "Minister", "Common", "Large",
              "Find", "Kazakh", "We", "They", "He", "She", "His", "Her", "Their", "Our", "Is", "Are", "Was",
              "Last", "Next", "Mid", "Early", "Late", "Later", "Earlier", "Meanwhile", "Today", "Yesterday",
              "Currently", "Finally", "Overall", "Still", "Instead", "Again", "Only", "Once", "Every", "Each",
              "So", "Not", "No", "All", "One", "Two", "Several", "Another", "Following", "Given", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday",
              "Saturday", "Sunday"}


def names_in(text: str, gazetteer: Gazetteer, spans: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Capitalised word sequences in the sentence/bullet spans of ``text`` that the gazetteer
    does not match: (start, end, name). A lone capitalised word opening a sentence is skipped."""
    out = []
    for s, e, kind in spans:
        if kind == "heading":
            continue
        chunk = text[s:e]
        known = [(a, b) for a, b, _, _ in gazetteer.find(chunk)]
        for match in _NAME.finditer(chunk):
            start, end = match.span()
            name = re.sub(r"[’']s$", "", match.group()).rstrip(".’'")
            words = name.split()
            while words and (words[0] in _NOT_NAMES or words[0].split("-")[0].lower() in MONTHS):
                start += len(words[0]) + (len(chunk[start + len(words[0]):]) - len(chunk[start + len(words[0]):].lstrip()))
                words = words[1:]
            if not words:
                continue
            name = " ".join(words)
            end = start + len(chunk[start:].split(words[-1], 1)[0]) + len(words[-1])
            if any(a < end and start < b for a, b in known):
                continue
            if len(words) == 1 and start == 0:
                continue  # a capitalised first word may be an ordinary word
            if len(name) < 3 or name.isdigit():
                continue
            out.append((s + start, s + end, name))
    return out


def unknown_names(texts: dict[str, str], gazetteer: Gazetteer,
                  sentences: pd.DataFrame | None = None) -> pd.DataFrame:
    """Capitalised names the gazetteer does not know, ranked by frequency (``NAME_COLUMNS``).

    ``n`` counts occurrences, ``n_docs`` documents; ``first_doc``/``first_start`` locate the
    first occurrence and ``example`` is its sentence (shortened to 160 characters).
    """
    rows = []
    for doc_id in sorted(texts):
        text = texts[doc_id]
        spans = [(s, e, k) for _, s, e, k in sentence_spans(text, sentences, doc_id)]
        for start, _end, name in names_in(text, gazetteer, spans):
            sentence = next(text[s:e] for s, e, _ in spans if s <= start < e)
            rows.append((name, doc_id, start, sentence[:160]))
    frame = pd.DataFrame(rows, columns=["name", "doc_id", "start", "example"])
    if frame.empty:
        return pd.DataFrame(columns=NAME_COLUMNS)
    grouped = frame.groupby("name", sort=False)
    out = pd.DataFrame({
        "n": grouped.size(),
        "n_docs": grouped["doc_id"].nunique(),
        "first_doc": grouped["doc_id"].first(),
        "first_start": grouped["start"].first(),
        "example": grouped["example"].first(),
    }).reset_index()
    out = out.sort_values(["n", "n_docs", "name"], ascending=[False, False, True]).reset_index(drop=True)
    return out[NAME_COLUMNS].astype({"n": int, "n_docs": int, "first_start": int})
