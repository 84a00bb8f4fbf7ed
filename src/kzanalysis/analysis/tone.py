"""analysis.tone (from balance.py)."""
from __future__ import annotations

import re

import numpy as np
import pandas as pd

from kzanalysis.analysis.attention import DEFAULT_KINDS, PARTNER_VECTORS, POOLED, counted_mentions
from kzanalysis.analysis.stats import CONFIDENCE, wilson_interval

#: Tones of the lexicon.
TONES = ("cooperation", "conflict")


def lexicon_regex(lexicon: pd.DataFrame) -> tuple[re.Pattern, tuple[str, ...]]:
    """One case-insensitive pattern for the lexicon, and the tone of each capture group.

    A term matches on word boundaries; a trailing ``*`` matches any ending
    (``cooperat*`` → cooperation, cooperative); spaces in a phrase match any white
    space. Longer terms are tried first, so ``strategic partner*`` wins over ``partner*``
    and each stretch of text counts once.
    """
    ordered = sorted(zip(lexicon["term"], lexicon["tone"]), key=lambda row: (-len(row[0]), row[0]))
    parts = []
    for term, _tone in ordered:
        stem, wildcard = (term[:-1], True) if term.endswith("*") else (term, False)
        body = r"\s+".join(re.escape(word) for word in stem.split())
        parts.append(f"({body}\\w*)" if wildcard else f"({body})")
    joined = "|".join(parts) if parts else r"(?!x)x"
    return re.compile(rf"(?<![\w])(?:{joined})(?![\w])", re.IGNORECASE), tuple(t for _, t in ordered)


def tone_terms(text: str, lexicon: pd.DataFrame) -> dict[str, list[str]]:
    """Lexicon matches in ``text`` by tone: {"cooperation": [...], "conflict": [...]} (lower case, in text order)."""
    return _tone_matches(text, *lexicon_regex(lexicon))


def _tone_matches(text: str, pattern: re.Pattern, tones: tuple[str, ...]) -> dict[str, list[str]]:
    """Matches of a compiled lexicon in ``text``, by tone (lower case, in text order)."""
    found: dict[str, list[str]] = {tone: [] for tone in TONES}
    for match in pattern.finditer(text):
        found[tones[match.lastindex - 1]].append(match.group(0).lower())
    return found


def _masked(text: str, spans: list[tuple[int, int]]) -> str:
    """``text`` with the given spans replaced by spaces (offsets kept)."""
    chars = list(text)
    for start, end in spans:
        chars[start:end] = " " * (end - start)
    return "".join(chars)


def sentence_tone(sentences: pd.DataFrame, lexicon: pd.DataFrame,
                  mentions: pd.DataFrame | None = None) -> pd.DataFrame:
    """Cooperation and conflict terms in every sentence.

    With ``mentions``, the spans of actor mentions are blanked before matching, so that a
    tone word inside an actor's name ("Shanghai Cooperation Organisation", "Collective
    Security Treaty Organization") does not count as framing.

    Columns: doc_id, sentence_id, kind (segment kind), cooperation, conflict (counts of
    matched terms), cooperation_terms, conflict_terms (the matched words, lower case,
    ``;``-separated in text order; empty if none).
    """
    pattern, tones = lexicon_regex(lexicon)
    spans: dict[tuple[str, int], list[tuple[int, int]]] = {}
    if mentions is not None:
        for row in mentions[["doc_id", "sentence_id", "start", "end"]].itertuples(index=False):
            spans.setdefault((row.doc_id, int(row.sentence_id)), []).append((int(row.start), int(row.end)))
    rows = []
    for sent in sentences.sort_values(["doc_id", "sentence_id"]).itertuples(index=False):
        local = [(s - sent.start, e - sent.start) for s, e in spans.get((sent.doc_id, int(sent.sentence_id)), [])]
        found = _tone_matches(_masked(sent.sentence, local), pattern, tones)
        rows.append((sent.doc_id, int(sent.sentence_id), sent.kind, len(found["cooperation"]),
                     len(found["conflict"]), ";".join(found["cooperation"]), ";".join(found["conflict"])))
    return pd.DataFrame(rows, columns=["doc_id", "sentence_id", "kind", "cooperation", "conflict",
                                       "cooperation_terms", "conflict_terms"])


def vector_tone(tone: pd.DataFrame, mentions: pd.DataFrame, by: str = POOLED,
                vectors: list[str] | None = None, kinds: tuple[str, ...] = DEFAULT_KINDS,
                level: float = CONFIDENCE) -> pd.DataFrame:
    """For the sentences naming each vector: how many carry cooperation or conflict language.

    ``tone``: ``sentence_tone``. ``mentions``: with ``segment_kind`` to restrict to
    ``kinds`` (a sentence naming a vector twice counts once). ``by``: ``"all"`` or ``doc_id``.

    Columns: ``by``, vector, n_sentences (sentences naming the vector), cooperation,
    conflict (sentences with at least one term of that tone; a sentence may have both),
    cooperation_share, conflict_share (fractions 0–1 of n_sentences), cooperation_low,
    cooperation_high, conflict_low, conflict_high (Wilson intervals at ``level``).
    """
    vectors = list(vectors or PARTNER_VECTORS)
    frame = counted_mentions(mentions, kinds)
    frame = frame[frame["vector"].isin(vectors)][["doc_id", "sentence_id", "vector"]].drop_duplicates()
    frame = frame.merge(tone[["doc_id", "sentence_id", "cooperation", "conflict"]],
                        on=["doc_id", "sentence_id"], how="left")
    frame["group"] = POOLED if by == POOLED else frame[by]
    groups = sorted(set(frame["group"])) or [POOLED]
    rows = []
    for group in groups:
        for vector in vectors:
            part = frame[(frame["group"] == group) & (frame["vector"] == vector)]
            rows.append((group, vector, len(part), int((part["cooperation"] > 0).sum()),
                         int((part["conflict"] > 0).sum())))
    out = pd.DataFrame(rows, columns=[by, "vector", "n_sentences", "cooperation", "conflict"])
    for name in TONES:
        with np.errstate(divide="ignore", invalid="ignore"):
            out[f"{name}_share"] = np.where(out["n_sentences"] > 0, out[name] / out["n_sentences"], np.nan)
        out[f"{name}_low"], out[f"{name}_high"] = wilson_interval(out[name], out["n_sentences"], level)
    return out


def top_tone_cells(table: pd.DataFrame, n: int = 4, min_sentences: int = 5) -> pd.DataFrame:
    """The (vector, tone) cells with the largest shares, among vectors named in ≥ ``min_sentences``.

    ``table``: ``vector_tone`` (pooled). Columns: vector, tone, share (fraction 0–1),
    n_sentences; sorted by share (descending), then vector order, cooperation first.
    """
    rows = []
    for row in table[table["n_sentences"] >= min_sentences].itertuples(index=False):
        for position, name in enumerate(TONES):
            rows.append((row.vector, name, getattr(row, f"{name}_share"), row.n_sentences,
                         PARTNER_VECTORS.index(row.vector) if row.vector in PARTNER_VECTORS else 99, position))
    frame = pd.DataFrame(rows, columns=["vector", "tone", "share", "n_sentences", "_v", "_t"])
    frame = frame.sort_values(["share", "_v", "_t"], ascending=[False, True, True]).head(n)
    return frame.drop(columns=["_v", "_t"]).reset_index(drop=True)


def tone_examples(tone: pd.DataFrame, mentions: pd.DataFrame, sentences: pd.DataFrame,
                  cells: pd.DataFrame, per_cell: int = 2,
                  kinds: tuple[str, ...] = DEFAULT_KINDS) -> pd.DataFrame:
    """Example sentences for (vector, tone) cells, so that a reader can judge the coding.

    For each cell (``cells`` with columns vector, tone, e.g. ``top_tone_cells``), the
    ``per_cell`` sentences naming the vector with the most terms of that tone (ties: in
    document and sentence order).

    Columns: vector, tone, doc_id, sentence_id, terms (matched words, ``;``-separated),
    sentence (the text, verbatim).
    """
    frame = counted_mentions(mentions, kinds)[["doc_id", "sentence_id", "vector"]].drop_duplicates()
    frame = frame.merge(tone, on=["doc_id", "sentence_id"]).merge(
        sentences[["doc_id", "sentence_id", "sentence"]], on=["doc_id", "sentence_id"])
    rows = []
    for cell in cells.itertuples(index=False):
        part = frame[(frame["vector"] == cell.vector) & (frame[cell.tone] > 0)]
        part = part.sort_values([cell.tone, "doc_id", "sentence_id"], ascending=[False, True, True]).head(per_cell)
        for row in part.itertuples(index=False):
            rows.append((cell.vector, cell.tone, row.doc_id, int(row.sentence_id),
                         getattr(row, f"{cell.tone}_terms"), row.sentence))
    return pd.DataFrame(rows, columns=["vector", "tone", "doc_id", "sentence_id", "terms", "sentence"])


def lexicon_summary(lexicon: pd.DataFrame) -> pd.DataFrame:
    """The coding scheme in brief. Columns: tone (in ``TONES`` order), n_terms, terms (``, ``-separated, in file order)."""
    rows = []
    for name in TONES:
        terms = lexicon.loc[lexicon["tone"] == name, "term"]
        rows.append((name, len(terms), ", ".join(terms)))
    return pd.DataFrame(rows, columns=["tone", "n_terms", "terms"])


def framing_table(framing: pd.DataFrame) -> pd.DataFrame:
    """``vector_tone`` for reading: counts, whole-percent shares and their intervals as text.

    Columns: vector, n_sentences, cooperation, conflict (sentence counts), then per tone
    ``<tone>_pct`` (share in percent, rounded) and ``<tone>_95`` (its Wilson interval in
    percent, ``low–high``), cooperation first.
    """
    out = framing[["vector", "n_sentences", "cooperation", "conflict"]].copy()
    for name in TONES:
        out[f"{name}_pct"] = (100 * framing[f"{name}_share"]).round(0)
        out[f"{name}_95"] = [f"{100 * lo:.0f}–{100 * hi:.0f}"
                             for lo, hi in zip(framing[f"{name}_low"], framing[f"{name}_high"])]
    return out
