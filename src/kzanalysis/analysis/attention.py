"""analysis.attention (from balance.py)."""
from __future__ import annotations

import math

import numpy as np
import pandas as pd

from kzanalysis.analysis.stats import CONFIDENCE, herfindahl, normalised_entropy
from kzanalysis.gazetteer.vectors import VECTOR_ORDER, vector_label

#: The partner vectors, in the project's order (``domestic`` and ``other`` excluded).
PARTNER_VECTORS = [v for v in VECTOR_ORDER if v not in ("domestic", "other")]


#: Segment kinds counted by default (headings are structure, not attention).
DEFAULT_KINDS = ("sentence", "bullet")


#: The corners of the ternary plot.
TRIANGLE = ("russia", "china", "west")


#: Group value of the pooled corpus.
POOLED = "all"


def mentions_with_segments(mentions: pd.DataFrame, sentences: pd.DataFrame) -> pd.DataFrame:
    """The mentions table with ``segment_kind`` added: the kind of the segment each sits in.

    Columns: those of ``mentions`` (doc_id, sentence_id, actor_id, alias, start, end,
    matched, vector, kind — ``kind`` is the actor's kind) plus ``segment_kind``
    (``sentence``, ``bullet`` or ``heading``, from ``sentences`` joined on
    (doc_id, sentence_id)).
    """
    kinds = sentences.set_index(["doc_id", "sentence_id"])["kind"].rename("segment_kind")
    return mentions.join(kinds, on=["doc_id", "sentence_id"])


def counted_mentions(mentions: pd.DataFrame, kinds: tuple[str, ...] | None) -> pd.DataFrame:
    """Mentions in segments of ``kinds`` (all mentions if there is no ``segment_kind`` column)."""
    if kinds is None or "segment_kind" not in mentions.columns:
        return mentions
    return mentions[mentions["segment_kind"].isin(kinds)]


def _segments(sentences: pd.DataFrame, kinds: tuple[str, ...] | None) -> pd.DataFrame:
    """Sentences of ``kinds`` (all if None)."""
    return sentences if kinds is None else sentences[sentences["kind"].isin(kinds)]


def attention_shares(mentions: pd.DataFrame, by: str = "doc_id", vectors: list[str] | None = None,
                     kinds: tuple[str, ...] = DEFAULT_KINDS) -> pd.DataFrame:
    """Share of partner-vector mentions per group.

    ``mentions``: the mentions table (``build.corpus_mentions()``); if it has a
    ``segment_kind`` column (see ``mentions_with_segments``), only mentions in segments of
    ``kinds`` are counted, else all. ``by``: a column of ``mentions`` (e.g. ``doc_id``), or
    ``"all"`` to pool the corpus (group value ``"all"``). ``vectors``: the partner vectors
    (default ``PARTNER_VECTORS``); mentions of any other vector are left out.

    Columns: ``by`` (group), vector, mentions (count), share (fraction 0–1 of the group's
    partner mentions; sums to 1 per group; NaN for a group with no partner mention). One
    row per (group, vector), zero rows included; groups sorted, vectors in the given order.
    """
    vectors = list(vectors or PARTNER_VECTORS)
    frame = counted_mentions(mentions, kinds)
    keys = pd.Series(POOLED, index=frame.index) if by == POOLED else frame[by]
    groups = sorted(set(keys)) if len(frame) else ([POOLED] if by == POOLED else [])
    counted = frame["vector"].isin(vectors)
    counts = pd.crosstab(keys[counted], frame.loc[counted, "vector"])
    counts = counts.reindex(index=groups, columns=vectors, fill_value=0)
    totals = counts.sum(axis=1)
    shares = counts.div(totals.where(totals > 0), axis=0)
    out = pd.DataFrame({
        by: np.repeat(groups, len(vectors)),
        "vector": vectors * len(groups),
        "mentions": counts.to_numpy().ravel().astype(int),
        "share": shares.to_numpy().ravel().astype(float),
    })
    return out


def sentence_salience(mentions: pd.DataFrame, sentences: pd.DataFrame, by: str = "doc_id",
                      vectors: list[str] | None = None,
                      kinds: tuple[str, ...] = DEFAULT_KINDS) -> pd.DataFrame:
    """Share of sentences that name each partner vector at least once.

    ``sentences``: the corpus segments (doc_id, sentence_id, kind, ...); only segments of
    ``kinds`` count, in the numerator and the denominator. ``by``: ``doc_id`` or ``"all"``.

    Columns: ``by``, vector, sentences (count of segments naming the vector),
    n_sentences (count of segments of the group), salience (fraction 0–1; the vectors of
    a group need not sum to 1, since one sentence may name several vectors or none).
    """
    vectors = list(vectors or PARTNER_VECTORS)
    segs = _segments(sentences, kinds)
    present = sentence_vector_counts(mentions, segs, vectors, kinds, presence=True)
    keys = (pd.Series(POOLED, index=present.index) if by == POOLED
            else pd.Series(present.index.get_level_values("doc_id"), index=present.index))
    counts = present.groupby(keys.to_numpy()).sum()
    sizes = keys.value_counts()
    groups = sorted(counts.index)
    rows = []
    for group in groups:
        for vector in vectors:
            n = int(sizes[group])
            k = int(counts.loc[group, vector])
            rows.append((group, vector, k, n, k / n if n else math.nan))
    return pd.DataFrame(rows, columns=[by, "vector", "sentences", "n_sentences", "salience"])


def sentence_vector_counts(mentions: pd.DataFrame, sentences: pd.DataFrame | None = None,
                           vectors: list[str] | None = None, kinds: tuple[str, ...] = DEFAULT_KINDS,
                           presence: bool = False) -> pd.DataFrame:
    """Mentions of each partner vector in each sentence: the unit the bootstrap resamples.

    With ``sentences``, every segment of ``kinds`` is a row (sentences naming no partner
    count as zero rows, as they must when sentences are resampled); without, only the
    sentences holding a counted mention. ``presence=True`` counts a vector once per
    sentence (1 if named, else 0), so that a long list in one sentence weighs as one.

    Index: (doc_id, sentence_id), sorted. Columns: one per vector (counts of mentions, or
    0/1 with ``presence``).
    """
    vectors = list(vectors or PARTNER_VECTORS)
    frame = counted_mentions(mentions, kinds)
    frame = frame[frame["vector"].isin(vectors)]
    counts = pd.crosstab([frame["doc_id"], frame["sentence_id"]], frame["vector"])
    counts = counts.reindex(columns=vectors, fill_value=0)
    if sentences is not None:
        segs = _segments(sentences, kinds)
        index = pd.MultiIndex.from_frame(segs[["doc_id", "sentence_id"]])
        counts = counts.reindex(index.union(counts.index), fill_value=0)
        counts = counts.loc[index] if len(index) else counts.iloc[0:0]
    counts.index = counts.index.set_names(["doc_id", "sentence_id"])
    counts.columns.name = None
    counts = counts.sort_index().astype(int)
    return (counts > 0).astype(int) if presence else counts


def balance_indices(shares: pd.DataFrame, by: str = "doc_id") -> pd.DataFrame:
    """Evenness and HHI per group, from the long table of ``attention_shares``.

    k is the number of vectors per group in ``shares`` (8 partner vectors by default).

    Columns: ``by``, mentions (count of partner mentions), evenness (0–1), hhi (1/k–1),
    top_vector (the vector with the largest share; first in vector order on a tie),
    top_share (its share, fraction 0–1).
    """
    rows = []
    for group, part in shares.groupby(by, sort=True):
        counts = part["mentions"].to_numpy()
        top = int(np.argmax(counts))
        rows.append((group, int(counts.sum()), normalised_entropy(counts), herfindahl(counts),
                     part["vector"].iloc[top], float(part["share"].iloc[top])))
    return pd.DataFrame(rows, columns=[by, "mentions", "evenness", "hhi", "top_vector", "top_share"])


def triangle_shares(shares: pd.DataFrame, by: str = "doc_id",
                    corners: tuple[str, str, str] = TRIANGLE) -> pd.DataFrame:
    """Russia : China : West (or other ``corners``) shares within the three, per group.

    Columns: ``by``, one column per corner (fraction 0–1, the three sum to 1; NaN if the
    group names none of them), mentions (count of mentions of the three).
    """
    wide = shares.pivot(index=by, columns="vector", values="mentions").reindex(columns=list(corners))
    total = wide.sum(axis=1)
    out = wide.div(total.where(total > 0), axis=0).astype(float)
    out["mentions"] = total.astype(int)
    out.columns.name = None
    return out.reset_index()


def ternary_xy(a, b, c) -> tuple[np.ndarray, np.ndarray]:
    """2-D position of barycentric coordinates (a, b, c) in an equilateral triangle.

    Corner a is at (0, 0), b at (1, 0), c at (0.5, √3/2); inputs are normalised to sum 1.
    """
    a, b, c = (np.asarray(v, dtype=float) for v in (a, b, c))
    total = a + b + c
    b, c = b / total, c / total
    return b + c / 2, c * math.sqrt(3) / 2


def convex_hull(x, y) -> np.ndarray:
    """Vertices of the convex hull of points (x, y), counter-clockwise, as an (n, 2) array.

    Andrew's monotone chain; collinear points on an edge are dropped. Fewer than three
    distinct points are returned as they are (sorted).
    """
    points = sorted(set(zip(np.asarray(x, dtype=float).tolist(), np.asarray(y, dtype=float).tolist())))
    if len(points) < 3:
        return np.array(points, dtype=float).reshape(-1, 2)

    def cross(o, a, b):
        return (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0])

    lower: list = []
    for p in points:
        while len(lower) >= 2 and cross(lower[-2], lower[-1], p) <= 0:
            lower.pop()
        lower.append(p)
    upper: list = []
    for p in reversed(points):
        while len(upper) >= 2 and cross(upper[-2], upper[-1], p) <= 0:
            upper.pop()
        upper.append(p)
    return np.array(lower[:-1] + upper[:-1], dtype=float)


def ternary_regions(cloud: pd.DataFrame, corners: tuple[str, str, str] = TRIANGLE,
                    level: float = CONFIDENCE) -> pd.DataFrame:
    """The region holding ``level`` of each document's bootstrap resamples in the ternary plot.

    ``cloud``: ``bootstrap_triangle``. Resamples are projected with ``ternary_xy``; the
    ``level`` share closest to the resamples' mean (Mahalanobis distance, so the region
    follows the cloud's shape) is kept, and the region is their convex hull.

    Columns: doc_id, vertex (0, 1, ... counter-clockwise), x, y (plot coordinates).
    """
    frames = []
    for doc, part in cloud.dropna().groupby("doc_id", sort=False):
        x, y = ternary_xy(*(part[c] for c in corners))
        xy = np.column_stack([x, y])
        centred = xy - xy.mean(axis=0)
        cov = np.cov(centred, rowvar=False)
        inverse = np.linalg.pinv(cov) if np.isfinite(cov).all() else np.zeros((2, 2))
        distance = np.einsum("ij,jk,ik->i", centred, inverse, centred)
        kept = xy[distance <= np.quantile(distance, level)]
        hull = convex_hull(kept[:, 0], kept[:, 1])
        frames.append(pd.DataFrame({"doc_id": doc, "vertex": np.arange(len(hull)), "x": hull[:, 0], "y": hull[:, 1]}))
    return pd.concat(frames, ignore_index=True) if frames else pd.DataFrame(columns=["doc_id", "vertex", "x", "y"])


def mentions_by_segment_kind(mentions: pd.DataFrame, order: list[str] | None = None) -> pd.DataFrame:
    """What the gazetteer found, by vector and kind of segment: what is counted and what is left out.

    ``mentions``: with ``segment_kind`` (``mentions_with_segments``). ``order``: the vectors
    (default ``VECTOR_ORDER``, ``domestic`` and ``other`` included).

    Index: vector (in ``order``). Columns: label (the vector's label), sentence, bullet,
    heading (counts of mentions in segments of that kind; zero where none).
    """
    order = list(order or VECTOR_ORDER)
    table = pd.crosstab(mentions["vector"], mentions["segment_kind"]).reindex(
        index=order, columns=["sentence", "bullet", "heading"], fill_value=0)
    table.columns.name = None
    table.insert(0, "label", [vector_label(v) for v in table.index])
    return table


def _with_pooled(by_doc: pd.DataFrame, pooled: pd.DataFrame) -> pd.DataFrame:
    """Per-document rows, then the pooled rows with their ``all`` column renamed ``doc_id``."""
    return pd.concat([by_doc, pooled.rename(columns={POOLED: "doc_id"})], ignore_index=True)


def shares_with_pooled(mentions: pd.DataFrame, kinds: tuple[str, ...] = DEFAULT_KINDS) -> pd.DataFrame:
    """``attention_shares`` per document followed by the pooled corpus (doc_id ``"all"``).

    Columns: doc_id, vector, mentions, share (as in ``attention_shares``).
    """
    return _with_pooled(attention_shares(mentions, kinds=kinds), attention_shares(mentions, by=POOLED, kinds=kinds))


def salience_with_pooled(mentions: pd.DataFrame, sentences: pd.DataFrame,
                         kinds: tuple[str, ...] = DEFAULT_KINDS) -> pd.DataFrame:
    """``sentence_salience`` per document followed by the pooled corpus (doc_id ``"all"``).

    Columns: doc_id, vector, sentences, n_sentences, salience (as in ``sentence_salience``).
    """
    return _with_pooled(sentence_salience(mentions, sentences, kinds=kinds),
                        sentence_salience(mentions, sentences, by=POOLED, kinds=kinds))


def attention_comparison(shares: pd.DataFrame, salience: pd.DataFrame, rows: list[str],
                         vectors: list[str] | None = None) -> pd.DataFrame:
    """The two attention measures side by side, in whole percent.

    ``shares``: ``shares_with_pooled``; ``salience``: ``salience_with_pooled``; ``rows``:
    the doc_ids to show, in order. Index: doc_id. Columns: a two-level index, (``share of
    mentions (%)`` or ``share of sentences (%)``, vector); values are integers (percent,
    rounded half to even).
    """
    vectors = list(vectors or PARTNER_VECTORS)
    wide = pd.concat(
        {"share of mentions (%)": shares.pivot(index="doc_id", columns="vector", values="share"),
         "share of sentences (%)": salience.pivot(index="doc_id", columns="vector", values="salience")}, axis=1,
    ).reindex(index=rows).reindex(columns=vectors, level=1)
    return (100 * wide).round(0).astype(int)


def heading_sensitivity(mentions: pd.DataFrame, doc_order: list[str]) -> pd.DataFrame:
    """Balance indices without and with the mentions in headings, per document.

    Columns: doc_id (in ``doc_order``), evenness, evenness_with_headings, hhi,
    hhi_with_headings, evenness_change (with headings − without).
    """
    default = balance_indices(attention_shares(mentions)).set_index("doc_id")
    headed = balance_indices(attention_shares(mentions, kinds=DEFAULT_KINDS + ("heading",))).set_index("doc_id")
    out = pd.DataFrame({
        "evenness": default["evenness"], "evenness_with_headings": headed["evenness"],
        "hhi": default["hhi"], "hhi_with_headings": headed["hhi"],
    }).reindex(doc_order)
    out["evenness_change"] = out["evenness_with_headings"] - out["evenness"]
    return out.rename_axis("doc_id").reset_index()
