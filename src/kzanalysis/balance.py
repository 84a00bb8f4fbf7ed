"""How balanced is the "multi-vector" policy, as the sources describe it.

Attention to Kazakhstan's partner vectors is measured from the gazetteer's mentions
(``build.corpus_mentions()``); balance is measured by two indices over the eight partner
vectors; bootstrap intervals resample sentences; framing uses a small lexicon
(``data/lexicon.csv``); co-mentions count sentences naming two actors; events come from
``data/events.csv``.

Definitions used throughout (units in brackets):

- *partner vectors*: ``PARTNER_VECTORS``, the eight vectors of ``figures.VECTOR_ORDER``
  without ``domestic`` (Kazakhstan, its capital, Kazakh persons) and ``other`` (theatres of
  conflict such as Ukraine or Afghanistan). Shares are over these eight only.
- *segment kind*: the kind of the corpus segment a mention sits in (``sentence``,
  ``bullet`` or ``heading``). Headings are excluded by default (``DEFAULT_KINDS``): a
  heading such as "Russia" is structure, not attention.
- *share* [fraction 0–1]: mentions of a vector / mentions of all partner vectors.
- *salience* [fraction 0–1]: sentences naming a vector at least once / all sentences.
- *evenness* [0–1]: Shannon entropy of the shares divided by ln k, k = 8 partner vectors
  (fixed, so documents are comparable): 1 = equal attention to all eight, 0 = one vector.
- *HHI* [1/k–1]: Herfindahl–Hirschman index, the sum of squared shares: 1/8 = even,
  1 = one vector only.
- *bootstrap*: sentences are resampled with replacement within each document
  (``numpy.random.default_rng(BOOTSTRAP_SEED)``, ``N_RESAMPLES`` resamples); the pooled
  corpus (group ``"all"``) sums the documents' resamples (stratified by document);
  intervals are percentile intervals at ``CONFIDENCE``.

Figure-building functions (returning a matplotlib Figure) follow the computations.
"""
from __future__ import annotations

import math
import re
import textwrap
from itertools import combinations
from pathlib import Path

import matplotlib.dates as mdates
import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.lines import Line2D
from matplotlib.patches import Patch

from .figures import NEUTRAL, VECTOR_COLOURS, VECTOR_ORDER, vector_label
from .periods import period_bounds
from .tables import load_resource

#: The partner vectors, in the project's order (``domestic`` and ``other`` excluded).
PARTNER_VECTORS = [v for v in VECTOR_ORDER if v not in ("domestic", "other")]
#: Segment kinds counted by default (headings are structure, not attention).
DEFAULT_KINDS = ("sentence", "bullet")
#: Seed of every resampling in this module.
BOOTSTRAP_SEED = 20240101
#: Number of bootstrap resamples.
N_RESAMPLES = 2000
#: Level of every interval.
CONFIDENCE = 0.95
#: The corners of the ternary plot.
TRIANGLE = ("russia", "china", "west")
#: Group value of the pooled corpus.
POOLED = "all"
#: Event types counted as diplomatic events with a partner, and the group each is shown in.
EVENT_TYPE_GROUPS = {
    "visit": "visit or meeting", "meeting": "visit or meeting", "phone_call": "visit or meeting",
    "agreement": "agreement or memorandum", "memorandum": "agreement or memorandum",
    "summit": "summit or forum", "forum": "summit or forum",
}
#: Tones of the lexicon.
TONES = ("cooperation", "conflict")
#: Actor kinds folded into their country in the co-mention network (Putin counts as Russia).
FOLDED_KINDS = ("person", "company")


# ---------------------------------------------------------------------------------------
# Mentions → attention shares
# ---------------------------------------------------------------------------------------

def mentions_with_segments(mentions: pd.DataFrame, sentences: pd.DataFrame) -> pd.DataFrame:
    """The mentions table with ``segment_kind`` added: the kind of the segment each sits in.

    Columns: those of ``mentions`` (doc_id, sentence_id, actor_id, alias, start, end,
    matched, vector, kind — ``kind`` is the actor's kind) plus ``segment_kind``
    (``sentence``, ``bullet`` or ``heading``, from ``sentences`` joined on
    (doc_id, sentence_id)).
    """
    kinds = sentences.set_index(["doc_id", "sentence_id"])["kind"].rename("segment_kind")
    return mentions.join(kinds, on=["doc_id", "sentence_id"])


def _counted_mentions(mentions: pd.DataFrame, kinds: tuple[str, ...] | None) -> pd.DataFrame:
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
    frame = _counted_mentions(mentions, kinds)
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
    frame = _counted_mentions(mentions, kinds)
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


# ---------------------------------------------------------------------------------------
# Shares → balance indices
# ---------------------------------------------------------------------------------------

def normalised_entropy(counts, k: int | None = None):
    """Shannon entropy of the shares in ``counts`` (last axis) divided by ln ``k``.

    ``counts``: counts or shares per vector (array-like, last axis = vectors; any leading
    axes are kept, e.g. resamples). ``k``: number of categories for the normalisation
    (default: the length of the last axis). Returns values in [0, 1] (NaN where the
    total is zero): 1 when all k categories have equal shares, 0 when one has everything.
    """
    arr = np.asarray(counts, dtype=float)
    k = arr.shape[-1] if k is None else k
    total = arr.sum(axis=-1, keepdims=True)
    with np.errstate(divide="ignore", invalid="ignore"):
        p = arr / total
        terms = np.where(p > 0, -p * np.log(np.where(p > 0, p, 1.0)), 0.0)
        result = terms.sum(axis=-1) / math.log(k)
    result = np.where(total[..., 0] > 0, result, np.nan)
    return float(result) if result.ndim == 0 else result


def herfindahl(counts):
    """Herfindahl–Hirschman index: the sum of squared shares (last axis).

    Returns values in [1/k, 1] (NaN where the total is zero): 1/k for equal shares over
    k categories, 1 when one category has everything.
    """
    arr = np.asarray(counts, dtype=float)
    total = arr.sum(axis=-1, keepdims=True)
    with np.errstate(divide="ignore", invalid="ignore"):
        result = ((arr / total) ** 2).sum(axis=-1)
    result = np.where(total[..., 0] > 0, result, np.nan)
    return float(result) if result.ndim == 0 else result


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


# ---------------------------------------------------------------------------------------
# Bootstrap intervals (resampling sentences)
# ---------------------------------------------------------------------------------------

def resampled_counts(counts: pd.DataFrame, n_resamples: int = N_RESAMPLES,
                     seed: int = BOOTSTRAP_SEED) -> dict[str, np.ndarray]:
    """Bootstrap resamples of the vector counts of each document and of the pooled corpus.

    ``counts``: ``sentence_vector_counts`` (index doc_id, sentence_id; one column per
    vector). For each document (in sorted order, from one generator seeded with
    ``seed``), its sentences are drawn with replacement, as many as it has, and their
    counts summed. The pooled corpus (key ``"all"``) is the sum of the documents'
    resamples: resampling stratified by document.

    Returns: {doc_id or "all": array of shape (n_resamples, number of vectors)} (counts).
    """
    rng = np.random.default_rng(seed)
    out: dict[str, np.ndarray] = {}
    docs = sorted(set(counts.index.get_level_values("doc_id")))
    for doc in docs:
        matrix = counts.xs(doc, level="doc_id").to_numpy()
        draws = rng.integers(0, len(matrix), size=(n_resamples, len(matrix)))
        out[doc] = matrix[draws].sum(axis=1)
    out[POOLED] = sum(out[d] for d in docs) if docs else np.zeros((n_resamples, counts.shape[1]), dtype=int)
    return out


def _statistic(counts: np.ndarray, name: str, vectors: list[str]) -> np.ndarray:
    """``evenness``, ``hhi``, or the share of vector ``name``, of counts (last axis = vectors)."""
    if name == "evenness":
        return normalised_entropy(counts, k=len(vectors))
    if name == "hhi":
        return herfindahl(counts)
    if name in vectors:
        counts = np.asarray(counts, dtype=float)
        total = counts.sum(axis=-1)
        with np.errstate(divide="ignore", invalid="ignore"):
            return np.where(total > 0, counts[..., vectors.index(name)] / total, np.nan)
    raise ValueError(f"unknown statistic {name!r}: expected evenness, hhi or one of {', '.join(vectors)}")


def _interval(draws: np.ndarray, level: float) -> tuple[float, float]:
    """Percentile interval of bootstrap draws (NaN draws ignored)."""
    tail = (1 - level) / 2
    low, high = np.nanquantile(draws, [tail, 1 - tail])
    return float(low), float(high)


def _bootstrap(mentions: pd.DataFrame, sentences: pd.DataFrame | None, vectors: list[str] | None,
               kinds: tuple[str, ...], n_resamples: int, seed: int, presence: bool
               ) -> tuple[list[str], dict[str, np.ndarray], dict[str, np.ndarray]]:
    """(vectors, observed counts per group, resampled counts per group), groups incl. "all"."""
    vectors = list(vectors or PARTNER_VECTORS)
    counts = sentence_vector_counts(mentions, sentences, vectors, kinds, presence=presence)
    observed = {doc: part.to_numpy().sum(axis=0) for doc, part in counts.groupby(level="doc_id", sort=True)}
    observed[POOLED] = counts.to_numpy().sum(axis=0)
    return vectors, observed, resampled_counts(counts, n_resamples, seed)


def bootstrap_indices(mentions: pd.DataFrame, sentences: pd.DataFrame | None = None,
                      vectors: list[str] | None = None, kinds: tuple[str, ...] = DEFAULT_KINDS,
                      n_resamples: int = N_RESAMPLES, seed: int = BOOTSTRAP_SEED,
                      level: float = CONFIDENCE, presence: bool = False) -> pd.DataFrame:
    """Evenness and HHI of each document and of the pooled corpus, with bootstrap intervals.

    Arguments as in ``sentence_vector_counts`` and ``resampled_counts``; pass
    ``sentences`` so that sentences without partner mentions are resampled too.

    Columns: doc_id (a document, or ``"all"`` for the pooled corpus, last), index
    (``evenness`` or ``hhi``), value (the index of the observed counts), low, high (the
    percentile interval at ``level`` of the resampled indices).
    """
    vectors, observed, draws = _bootstrap(mentions, sentences, vectors, kinds, n_resamples, seed, presence)
    rows = []
    for group in observed:
        for index in ("evenness", "hhi"):
            low, high = _interval(_statistic(draws[group], index, vectors), level)
            rows.append((group, index, float(_statistic(observed[group], index, vectors)), low, high))
    return pd.DataFrame(rows, columns=["doc_id", "index", "value", "low", "high"])


def bootstrap_shares(mentions: pd.DataFrame, sentences: pd.DataFrame | None = None,
                     vectors: list[str] | None = None, kinds: tuple[str, ...] = DEFAULT_KINDS,
                     n_resamples: int = N_RESAMPLES, seed: int = BOOTSTRAP_SEED,
                     level: float = CONFIDENCE) -> pd.DataFrame:
    """Attention share of each vector in each document and the pooled corpus, with intervals.

    Columns: doc_id (``"all"`` last), vector, value (share, fraction 0–1), low, high
    (percentile interval at ``level``; the same resamples as ``bootstrap_indices``).
    """
    vectors, observed, draws = _bootstrap(mentions, sentences, vectors, kinds, n_resamples, seed, False)
    rows = []
    for group in observed:
        for vector in vectors:
            low, high = _interval(_statistic(draws[group], vector, vectors), level)
            rows.append((group, vector, float(_statistic(observed[group], vector, vectors)), low, high))
    return pd.DataFrame(rows, columns=["doc_id", "vector", "value", "low", "high"])


def bootstrap_differences(mentions: pd.DataFrame, sentences: pd.DataFrame | None,
                          pairs: list[tuple[str, str]], statistic: str,
                          vectors: list[str] | None = None, kinds: tuple[str, ...] = DEFAULT_KINDS,
                          n_resamples: int = N_RESAMPLES, seed: int = BOOTSTRAP_SEED,
                          level: float = CONFIDENCE) -> pd.DataFrame:
    """Difference of a statistic between two documents, with a bootstrap interval.

    ``statistic``: ``evenness``, ``hhi`` or a vector id (its attention share). The
    documents are resampled independently, so the differences of their resamples are
    resamples of the difference.

    Columns: doc_a, doc_b, statistic, difference (a − b, observed), low, high (percentile
    interval at ``level``), excludes_zero (True if the interval lies on one side of 0:
    a difference larger than resampling noise).
    """
    vectors, observed, draws = _bootstrap(mentions, sentences, vectors, kinds, n_resamples, seed, False)
    rows = []
    for a, b in pairs:
        diff = _statistic(draws[a], statistic, vectors) - _statistic(draws[b], statistic, vectors)
        low, high = _interval(diff, level)
        value = float(_statistic(observed[a], statistic, vectors) - _statistic(observed[b], statistic, vectors))
        rows.append((a, b, statistic, value, low, high, bool(low > 0 or high < 0)))
    return pd.DataFrame(rows, columns=["doc_a", "doc_b", "statistic", "difference", "low", "high",
                                       "excludes_zero"])


def top_vector_margins(mentions: pd.DataFrame, sentences: pd.DataFrame | None = None,
                       vectors: list[str] | None = None, kinds: tuple[str, ...] = DEFAULT_KINDS,
                       n_resamples: int = N_RESAMPLES, seed: int = BOOTSTRAP_SEED,
                       level: float = CONFIDENCE) -> pd.DataFrame:
    """Is the vector with the largest share clearly ahead of the runner-up?

    Columns: doc_id (``"all"`` last), top_vector, runner_up (vectors with the largest and
    second-largest observed share; ties go to the earlier vector in order), top_share,
    runner_up_share (fractions 0–1), margin (top_share − runner_up_share), low, high
    (percentile interval of the margin over the same resamples), excludes_zero (True if
    the top vector leads in at least ``level`` of the interval's mass: low > 0).
    """
    vectors, observed, draws = _bootstrap(mentions, sentences, vectors, kinds, n_resamples, seed, False)
    rows = []
    for group, counts in observed.items():
        order = sorted(range(len(vectors)), key=lambda j: (-counts[j], j))
        top, second = vectors[order[0]], vectors[order[1]]
        shares = [float(_statistic(counts, v, vectors)) for v in (top, second)]
        margin = _statistic(draws[group], top, vectors) - _statistic(draws[group], second, vectors)
        low, high = _interval(margin, level)
        rows.append((group, top, second, shares[0], shares[1], shares[0] - shares[1], low, high, bool(low > 0)))
    return pd.DataFrame(rows, columns=["doc_id", "top_vector", "runner_up", "top_share", "runner_up_share",
                                       "margin", "low", "high", "excludes_zero"])


def bootstrap_triangle(mentions: pd.DataFrame, sentences: pd.DataFrame | None = None,
                       corners: tuple[str, str, str] = TRIANGLE, kinds: tuple[str, ...] = DEFAULT_KINDS,
                       n_resamples: int = N_RESAMPLES, seed: int = BOOTSTRAP_SEED) -> pd.DataFrame:
    """Resampled Russia : China : West shares (within the three), to draw the noise of each point.

    Uses the same resamples as ``bootstrap_indices`` (the counts of the three corners are
    taken from the resamples of all partner vectors).

    Columns: doc_id (``"all"`` last), resample (0 … n_resamples − 1), one column per corner
    (fraction 0–1, summing to 1; NaN in a resample naming none of the three).
    """
    vectors, _observed, draws = _bootstrap(mentions, sentences, None, kinds, n_resamples, seed, False)
    frames = []
    for group, matrix in draws.items():
        part = matrix[:, [vectors.index(c) for c in corners]].astype(float)
        total = part.sum(axis=1, keepdims=True)
        with np.errstate(divide="ignore", invalid="ignore"):
            part = np.where(total > 0, part / total, np.nan)
        frame = pd.DataFrame(part, columns=list(corners))
        frame.insert(0, "resample", np.arange(n_resamples))
        frame.insert(0, "doc_id", group)
        frames.append(frame)
    return pd.concat(frames, ignore_index=True)


# ---------------------------------------------------------------------------------------
# Framing: cooperation and conflict language in sentences naming each vector
# ---------------------------------------------------------------------------------------

def load_lexicon(root: Path | None = None) -> pd.DataFrame:
    """``data/lexicon.csv`` validated against its schema: term, tone, notes."""
    return load_resource("lexicon", root)


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


def wilson_interval(successes, trials, level: float = CONFIDENCE) -> tuple[np.ndarray, np.ndarray]:
    """Wilson score interval of a proportion (arrays allowed); NaN where ``trials`` is 0."""
    k = np.asarray(successes, dtype=float)
    n = np.asarray(trials, dtype=float)
    z = _normal_quantile(1 - (1 - level) / 2)
    with np.errstate(divide="ignore", invalid="ignore"):
        p = k / n
        centre = (p + z * z / (2 * n)) / (1 + z * z / n)
        half = z * np.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / (1 + z * z / n)
    low = np.where(n > 0, np.clip(centre - half, 0, 1), np.nan)
    high = np.where(n > 0, np.clip(centre + half, 0, 1), np.nan)
    return low, high


def _normal_quantile(q: float) -> float:
    """Quantile of the standard normal distribution (bisection on erf; no SciPy needed)."""
    lo, hi = -10.0, 10.0
    for _ in range(200):
        mid = (lo + hi) / 2
        if 0.5 * (1 + math.erf(mid / math.sqrt(2))) < q:
            lo = mid
        else:
            hi = mid
    return (lo + hi) / 2


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
    frame = _counted_mentions(mentions, kinds)
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
    frame = _counted_mentions(mentions, kinds)[["doc_id", "sentence_id", "vector"]].drop_duplicates()
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


# ---------------------------------------------------------------------------------------
# Co-mentions
# ---------------------------------------------------------------------------------------

def actor_nodes(mentions: pd.DataFrame, actors: pd.DataFrame,
                folded_kinds: tuple[str, ...] = FOLDED_KINDS) -> pd.DataFrame:
    """The mentions with ``node``: the actor, or its country for persons and companies.

    Folding persons into their state (Putin → russia, Tokayev → kazakhstan) makes the
    network about states and organisations; an actor of a folded kind without a country
    stays itself.

    Columns: those of ``mentions`` plus node (actor id) and node_vector (its vector).
    """
    info = actors.set_index("actor_id")
    out = mentions.copy()
    kind = out["actor_id"].map(info["kind"])
    country = out["actor_id"].map(info["country"]).fillna("")
    fold = kind.isin(folded_kinds) & (country != "")
    out["node"] = out["actor_id"].where(~fold, country)
    out["node_vector"] = out["node"].map(info["vector"])
    return out


def co_mentions(mentions: pd.DataFrame, node: str = "actor_id",
                kinds: tuple[str, ...] = DEFAULT_KINDS) -> pd.DataFrame:
    """Pairs of nodes named in the same sentence, and in how many sentences.

    ``node``: the column naming what is counted (``actor_id``, ``node`` from
    ``actor_nodes``, or ``vector``). A sentence naming A three times and B once counts
    once for (A, B); a node is never paired with itself.

    Columns: source, target (node ids, source < target), sentences (count); sorted by
    sentences (descending), then source, target.
    """
    frame = _counted_mentions(mentions, kinds)
    per_sentence = frame.groupby(["doc_id", "sentence_id"], sort=True)[node].agg(lambda s: sorted(set(s)))
    counts: dict[tuple[str, str], int] = {}
    for names in per_sentence:
        for pair in combinations(names, 2):
            counts[pair] = counts.get(pair, 0) + 1
    out = pd.DataFrame([(a, b, n) for (a, b), n in counts.items()], columns=["source", "target", "sentences"])
    return out.sort_values(["sentences", "source", "target"], ascending=[False, True, True]).reset_index(drop=True)


def node_sentences(mentions: pd.DataFrame, node: str = "actor_id",
                   kinds: tuple[str, ...] = DEFAULT_KINDS) -> pd.DataFrame:
    """How many sentences name each node. Columns: node, sentences (count); sorted by count, then node."""
    frame = _counted_mentions(mentions, kinds)[["doc_id", "sentence_id", node]].drop_duplicates()
    out = frame.groupby(node).size().rename("sentences").reset_index().rename(columns={node: "node"})
    return out.sort_values(["sentences", "node"], ascending=[False, True]).reset_index(drop=True)


def co_mention_matrix(pairs: pd.DataFrame, order: list[str]) -> pd.DataFrame:
    """Symmetric matrix of co-mention counts (sentences) over ``order``, zero diagonal."""
    matrix = pd.DataFrame(0, index=order, columns=order, dtype=int)
    for row in pairs.itertuples(index=False):
        if row.source in matrix.index and row.target in matrix.index:
            matrix.loc[row.source, row.target] += row.sentences
            matrix.loc[row.target, row.source] += row.sentences
    return matrix


# ---------------------------------------------------------------------------------------
# Events by partner vector
# ---------------------------------------------------------------------------------------

def period_midpoint(period: str) -> pd.Timestamp:
    """The middle day of an ISO period or interval (``2022`` → 2022-07-02, ``2022-05-10`` → itself)."""
    first, last = period_bounds(period)
    return pd.Timestamp(first) + (pd.Timestamp(last) - pd.Timestamp(first)) / 2


def partner_events(events: pd.DataFrame, actors: pd.DataFrame,
                   type_groups: dict[str, str] | None = None,
                   vectors: list[str] | None = None) -> pd.DataFrame:
    """Diplomatic events with a partner, one row per (real-world event, partner vector).

    Events of the types in ``type_groups`` (default ``EVENT_TYPE_GROUPS``) whose actors
    include a partner vector; an event reported by several documents (same
    ``event_key``) counts once. An event with actors of two partner vectors (a summit)
    has a row for each.

    Columns: event_key, date (ISO period as in events.csv, from the first reporting
    document), date_precision, midpoint (Timestamp: middle of the period, for plotting),
    year (int, of the midpoint), type, type_group, vector, actors (the event's actor ids of
    that vector, ``;``-separated), n_docs (documents reporting the event), doc_ids
    (``;``-separated); sorted by midpoint, event_key, vector order.
    """
    groups = type_groups or EVENT_TYPE_GROUPS
    vectors = list(vectors or PARTNER_VECTORS)
    vector_of = actors.set_index("actor_id")["vector"]
    chosen = events[events["type"].isin(groups)].sort_values(["event_key", "doc_id"])
    rows = []
    for key, part in chosen.groupby("event_key", sort=True):
        first = part.iloc[0]
        names = sorted({a for cell in part["actors"] for a in str(cell).split(";") if a})
        for vector in vectors:
            members = [a for a in names if vector_of.get(a) == vector]
            if not members:
                continue
            midpoint = period_midpoint(first["date"])
            rows.append((key, first["date"], first["date_precision"], midpoint, midpoint.year, first["type"],
                         groups[first["type"]], vector, ";".join(members), part["doc_id"].nunique(),
                         ";".join(sorted(set(part["doc_id"])))))
    out = pd.DataFrame(rows, columns=["event_key", "date", "date_precision", "midpoint", "year", "type",
                                      "type_group", "vector", "actors", "n_docs", "doc_ids"])
    out["_v"] = out["vector"].map(vectors.index)
    return out.sort_values(["midpoint", "event_key", "_v"]).drop(columns="_v").reset_index(drop=True)


def events_per_vector(partner: pd.DataFrame, vectors: list[str] | None = None) -> pd.DataFrame:
    """Counts of partner events per vector and type group.

    Columns: vector, one column per type group (counts), total, first_year, last_year
    (years of the earliest and latest event; empty for none). One row per vector in order.
    """
    vectors = list(vectors or PARTNER_VECTORS)
    group_names = list(dict.fromkeys(EVENT_TYPE_GROUPS.values()))
    table = pd.crosstab(partner["vector"], partner["type_group"]).reindex(index=vectors, columns=group_names,
                                                                          fill_value=0)
    table.columns.name = None
    table["total"] = table.sum(axis=1)
    years = partner.groupby("vector")["year"]
    table["first_year"] = years.min().reindex(vectors).astype("Int64")
    table["last_year"] = years.max().reindex(vectors).astype("Int64")
    return table.rename_axis("vector").reset_index()


# ---------------------------------------------------------------------------------------
# Figures
# ---------------------------------------------------------------------------------------

def _short_label(vector: str) -> str:
    """Two-line vector label for crowded axes."""
    return {"turkic": "Türkiye &\nTurkic world", "central_asia": "Central\nAsia", "middle_east": "Gulf &\nMiddle East",
            "asia_pacific": "Asia-\nPacific", "multilateral": "Multi-\nlateral", "west": "West\n(US, EU)"}.get(
        vector, vector_label(vector))


def attention_heatmap_figure(shares: pd.DataFrame, salience: pd.DataFrame, doc_order: list[str],
                             doc_labels: dict[str, str] | None = None) -> plt.Figure:
    """Two heatmaps, documents × partner vectors: mention share (top), sentence salience (bottom).

    ``shares``: ``attention_shares`` by doc_id plus the pooled rows (doc_id ``"all"``);
    ``salience``: ``sentence_salience`` likewise. Rows follow ``doc_order``.
    """
    doc_labels = doc_labels or {}
    vectors = list(dict.fromkeys(shares["vector"]))
    panels = [(shares, "share", "Share of partner mentions (%)"),
              (salience, "salience", "Share of sentences naming the vector (%)")]
    fig, axes = plt.subplots(2, 1, figsize=(8.0, 7.6))
    for ax, (frame, column, title) in zip(axes, panels):
        wide = frame.pivot(index="doc_id", columns="vector", values=column).reindex(index=doc_order, columns=vectors)
        values = 100 * wide.to_numpy(dtype=float)
        ax.imshow(values, cmap="Blues", vmin=0, vmax=max(60.0, np.nanmax(values)), aspect="auto")
        for (i, j), v in np.ndenumerate(values):
            ax.text(j, i, f"{v:.0f}", ha="center", va="center", fontsize=8.5,
                    color="white" if v > 35 else "#222222")
        ax.set_xticks(range(len(vectors)), [_short_label(v) for v in vectors], fontsize=8)
        ax.set_yticks(range(len(doc_order)), [doc_labels.get(d, d) for d in doc_order], fontsize=8.5)
        for label, vector in zip(ax.get_xticklabels(), vectors):
            label.set_color(VECTOR_COLOURS[vector])
            label.set_fontweight("bold")
        ax.grid(False)
        ax.set_title(title, fontsize=10.5)
        ax.set_xlabel("Partner vector")
        ax.set_ylabel("Document (date order)")
        ax.axhline(len(doc_order) - 1.5, color="white", lw=3)
    fig.suptitle("Attention to each partner vector, per document (cells in %)", x=0.01, ha="left",
                 fontweight="bold", fontsize=12)
    fig.tight_layout()
    return fig


def indices_figure(indices: pd.DataFrame, doc_order: list[str], doc_labels: dict[str, str] | None = None,
                   k: int = len(PARTNER_VECTORS)) -> plt.Figure:
    """Evenness and HHI per document (and pooled) with bootstrap intervals, two panels."""
    doc_labels = doc_labels or {}
    fig, axes = plt.subplots(1, 2, figsize=(8.0, 3.8), sharey=True)
    specs = [("evenness", "Evenness (normalised entropy, 0–1)", 1.0, "1 = equal attention to all 8"),
             ("hhi", f"Herfindahl–Hirschman index (1/{k}–1)", 1 / k, f"1/{k} = equal attention")]
    for ax, (index, xlabel, ref, ref_label) in zip(axes, specs):
        part = indices[indices["index"] == index].set_index("doc_id").reindex(doc_order)
        y = np.arange(len(doc_order))
        pooled = np.array([d == POOLED for d in doc_order])
        value, low, high = (part[c].to_numpy() for c in ("value", "low", "high"))
        for mask, colour, marker in [(~pooled, NEUTRAL, "o"), (pooled, "#000000", "D")]:
            ax.errorbar(value[mask], y[mask], xerr=[(value - low)[mask], (high - value)[mask]],
                        fmt=marker, color=colour, ms=6, capsize=3, lw=1.4)
        for yy, v in zip(y, value):
            ax.text(v, yy - 0.3, f"{v:.2f}", ha="center", va="bottom", fontsize=7.5)
        ax.axvline(ref, color="#999999", ls="--", lw=1)
        ax.text(ref, len(doc_order) - 0.45, ref_label, fontsize=7.5, color="#666666",
                ha="right" if index == "evenness" else "left")
        ax.set_xlabel(xlabel)
        ax.grid(axis="y", visible=False)
    axes[0].set_xlim(0, 1.05)
    axes[1].set_xlim(0, max(0.6, float(np.nanmax(indices.loc[indices["index"] == "hhi", "high"])) + 0.05))
    axes[0].set_yticks(range(len(doc_order)), [doc_labels.get(d, d) for d in doc_order], fontsize=8.5)
    axes[0].set_ylim(len(doc_order) - 0.3, -0.7)
    axes[0].set_ylabel("Document (date order)")
    fig.suptitle("Balance of attention over the eight partner vectors (95% bootstrap intervals)",
                 x=0.01, ha="left", fontweight="bold", fontsize=11.5)
    fig.tight_layout()
    return fig


def ternary_figure(triangle: pd.DataFrame, regions: pd.DataFrame, doc_labels: dict[str, str] | None = None,
                   corners: tuple[str, str, str] = TRIANGLE) -> plt.Figure:
    """Ternary plot of Russia : China : West per document, with each document's 95% resampling region.

    ``triangle``: ``triangle_shares`` (doc_id incl. ``"all"``); ``regions``:
    ``ternary_regions`` (outlines drawn in the document's line style).
    """
    doc_labels = doc_labels or {}
    fig, ax = plt.subplots(figsize=(7.6, 7.4))
    h = math.sqrt(3) / 2
    ax.plot([0, 1, 0.5, 0], [0, 0, h, 0], color="#333333", lw=1.2)
    for t in (0.2, 0.4, 0.6, 0.8):  # lines of constant share, and tick labels on the edge where that share is read
        for a, b, c in [((t, t), (1 - t, 0), (0, 1 - t)), ((1 - t, 0), (t, t), (0, 1 - t)),
                        ((1 - t, 0), (0, 1 - t), (t, t))]:
            x, y = ternary_xy(a, b, c)
            ax.plot(x, y, color="#E0E0E0", lw=0.7, zorder=0)
        for (a, b, c), (dx, dy), ha in [((1 - t, t, 0), (0, -0.025), "center"),      # China share, bottom edge
                                        ((0, 1 - t, t), (0.02, 0.0), "left"),         # West share, right edge
                                        ((t, 0, 1 - t), (-0.02, 0.0), "right")]:      # Russia share, left edge
            x, y = ternary_xy(a, b, c)
            ax.text(x + dx, y + dy, f"{t:.0%}", ha=ha, va="center", fontsize=7, color="#888888")
    edge_titles = [((0.5, -0.075), 0, corners[1]), ((0.855, 0.495), -60, corners[2]), ((0.145, 0.495), 60, corners[0])]
    for (x, y), angle, corner in edge_titles:
        ax.text(x, y, f"share of {vector_label(corner)} (%)", rotation=angle, ha="center", va="center",
                fontsize=8, color=VECTOR_COLOURS[corner])
    for (x, y), corner, ha, va in [((0, 0), corners[0], "right", "top"), ((1, 0), corners[1], "left", "top"),
                                   ((0.5, h), corners[2], "center", "bottom")]:
        ax.text(x + {"right": -0.01, "left": 0.01, "center": 0}[ha], y + (0.015 if va == "bottom" else -0.01),
                vector_label(corner), ha=ha, va=va, color=VECTOR_COLOURS[corner], fontweight="bold", fontsize=10.5)
    styles = [("o", "-"), ("s", "--"), ("^", ":"), ("v", "-."), ("P", (0, (5, 1, 1, 1, 1, 1)))]
    docs = [d for d in triangle["doc_id"] if d != POOLED]
    handles = []
    for doc, (marker, line) in zip(docs, styles * 2):
        outline = regions[regions["doc_id"] == doc]
        if len(outline) >= 3:
            ax.fill(outline["x"], outline["y"], facecolor="#9A9A9A", alpha=0.08, edgecolor="none", zorder=1)
            xs, ys = np.append(outline["x"], outline["x"].iloc[0]), np.append(outline["y"], outline["y"].iloc[0])
            ax.plot(xs, ys, color="#777777", lw=1.0, ls=line, zorder=2)
        elif len(outline) == 2:  # resamples on a line (e.g. Russia and China always named together)
            ax.plot(outline["x"], outline["y"], color="#777777", lw=2.2, ls=line, zorder=2)
        row = triangle[triangle["doc_id"] == doc].iloc[0]
        x, y = ternary_xy(*(row[c] for c in corners))
        ax.scatter(x, y, s=75, color=NEUTRAL, edgecolor="white", lw=1.2, marker=marker, zorder=3)
        handles.append(Line2D([], [], marker=marker, color="#777777", mfc=NEUTRAL, mec=NEUTRAL, ls=line, ms=8,
                              label=f"{doc_labels.get(doc, doc)}, n = {int(row['mentions'])}"))
    if POOLED in set(triangle["doc_id"]):
        row = triangle[triangle["doc_id"] == POOLED].iloc[0]
        x, y = ternary_xy(*(row[c] for c in corners))
        ax.scatter(x, y, s=130, color="#000000", marker="*", zorder=4)
        handles.append(Line2D([], [], marker="*", color="#000000", ls="", ms=11,
                              label=f"all five pooled, n = {int(row['mentions'])}"))
    x, y = ternary_xy(1, 1, 1)
    ax.plot(x, y, "+", color="#999999", ms=12, mew=1.2)
    ax.annotate("equal thirds", (x, y), xytext=(6, -12), textcoords="offset points", fontsize=7.5, color="#777777")
    ax.legend(handles=handles, loc="upper center", bbox_to_anchor=(0.5, 0.0), ncol=2, fontsize=8,
              title="point: observed shares; outline: region holding 95% of bootstrap resamples", title_fontsize=8)
    ax.set_xlim(-0.12, 1.12)
    ax.set_ylim(-0.1, h + 0.06)
    ax.set_aspect("equal")
    ax.axis("off")
    ax.set_title("Russia : China : West, shares of the mentions of the three")
    return fig


def over_time_figure(shares: pd.DataFrame, documents: pd.DataFrame,
                     vectors: tuple[str, ...] = ("russia", "china", "west", "turkic")) -> plt.Figure:
    """Attention share of chosen vectors per document, documents in publication order.

    ``shares``: ``bootstrap_shares`` (doc_id, vector, value, low, high); ``documents``:
    doc_id, date (ISO string), date_basis, outlet_country, in publication order. Points
    are not joined: consecutive documents come from different outlets.
    """
    fig, ax = plt.subplots(figsize=(8.0, 4.4))
    docs = list(documents["doc_id"])
    x = np.arange(len(docs))
    width = 0.17
    for j, vector in enumerate(vectors):
        part = shares[shares["vector"] == vector].set_index("doc_id").reindex(docs)
        xs = x + (j - (len(vectors) - 1) / 2) * width
        value = 100 * part["value"].to_numpy()
        ax.errorbar(xs, value, yerr=[value - 100 * part["low"].to_numpy(), 100 * part["high"].to_numpy() - value],
                    fmt="o", color=VECTOR_COLOURS[vector], ms=6.5, capsize=2.5, elinewidth=1.5,
                    label=vector_label(vector))
    for edge in x[:-1] + 0.5:
        ax.axvline(edge, color="#E5E5E5", lw=0.8)
    labels = [f"{row.doc_id}\n{row.date}{'' if row.date_basis == 'stated' else ' (≥)'}\noutlet: {row.outlet_country}"
              for row in documents.itertuples()]
    ax.set_xticks(x, labels, fontsize=8)
    ax.set_xlim(-0.5, len(docs) - 0.5)
    ax.set_ylabel("Share of partner mentions (%)")
    ax.set_xlabel("Document in publication order (≥: the date is a lower bound) and the outlet's country")
    ax.set_ylim(0, None)
    ax.grid(axis="x", visible=False)
    ax.legend(ncol=len(vectors), loc="lower center", bbox_to_anchor=(0.5, 1.0), fontsize=8.5)
    ax.set_title("Attention to four vectors, document by document (95% bootstrap intervals)", pad=26)
    fig.tight_layout()
    return fig


def framing_figure(table: pd.DataFrame) -> plt.Figure:
    """Diverging bars per vector: share of its sentences with conflict (left) and cooperation (right) language.

    ``table``: ``vector_tone`` (pooled); Wilson intervals as error bars; n = sentences.
    """
    frame = table.set_index("vector")
    vectors = list(frame.index)
    y = np.arange(len(vectors))
    fig, ax = plt.subplots(figsize=(8.0, 4.6))
    for i, vector in enumerate(vectors):
        row = frame.loc[vector]
        colour = VECTOR_COLOURS[vector]
        if row["n_sentences"] == 0:
            continue
        coop, conf = 100 * row["cooperation_share"], 100 * row["conflict_share"]
        ax.barh(i, coop, color=colour, height=0.6)
        ax.barh(i, -conf, color="white", edgecolor=colour, hatch="////", height=0.6, lw=1.2)
        ax.errorbar([coop], [i], xerr=[[coop - 100 * row["cooperation_low"]], [100 * row["cooperation_high"] - coop]],
                    color="#333333", capsize=2, lw=0.9)
        ax.errorbar([-conf], [i], xerr=[[100 * row["conflict_high"] - conf], [conf - 100 * row["conflict_low"]]],
                    color="#333333", capsize=2, lw=0.9)
        ax.text(102, i, f"n = {int(row['n_sentences'])}", va="center", fontsize=8)
    ax.axvline(0, color="#333333", lw=0.8)
    ax.set_yticks(y, [vector_label(v) for v in vectors])
    for label, vector in zip(ax.get_yticklabels(), vectors):
        label.set_color(VECTOR_COLOURS[vector])
        label.set_fontweight("bold")
    ax.set_ylim(len(vectors) - 0.5, -0.5)
    ax.set_xlim(-100, 112)
    ax.set_xticks(range(-100, 101, 25), [f"{abs(t)}" for t in range(-100, 101, 25)])
    ax.set_xlabel("Share of the sentences naming the vector (%): ← conflict / risk language | cooperation language →")
    ax.grid(axis="y", visible=False)
    ax.legend(handles=[Patch(facecolor="white", edgecolor=NEUTRAL, hatch="////", label="conflict / risk terms"),
                       Patch(facecolor=NEUTRAL, label="cooperation terms"),
                       Line2D([], [], color="#333333", lw=0.9, label="95% Wilson interval")],
              loc="upper center", bbox_to_anchor=(0.5, -0.16), ncol=3, fontsize=8.5)
    ax.set_title("How the sentences naming each vector are framed (all five documents)")
    fig.tight_layout()
    return fig




def co_mention_figure(pairs: pd.DataFrame, nodes: pd.DataFrame, centre: str = "kazakhstan",
                      n_nodes: int = 18, min_spoke: int = 2, min_chord: int = 3) -> plt.Figure:
    """Co-mention network with ``centre`` in the middle and the most-named nodes on a ring.

    ``pairs``: ``co_mentions`` over nodes; ``nodes``: node, name, vector, sentences (how
    many sentences name the node), sorted by sentences. Ring nodes are the ``n_nodes``
    most-named nodes other than the centre, grouped by vector in the project's order. A
    line joins the centre to a node named with it in at least ``min_spoke`` sentences,
    and two ring nodes named together in at least ``min_chord``; width ∝ sentences.
    """
    info = nodes.set_index("node")
    ring = nodes[nodes["node"] != centre].head(n_nodes).copy()
    ring["_v"] = ring["vector"].map(lambda v: VECTOR_ORDER.index(v) if v in VECTOR_ORDER else 99)
    ring = ring.sort_values(["_v", "sentences", "node"], ascending=[True, False, True])
    angles = np.pi / 2 - 2 * np.pi * np.arange(len(ring)) / max(len(ring), 1)
    pos = {centre: (0.0, 0.0)}
    pos.update({n: (math.cos(a), math.sin(a)) for n, a in zip(ring["node"], angles)})
    fig, ax = plt.subplots(figsize=(8.0, 6.6))
    inside = pairs[pairs["source"].isin(pos) & pairs["target"].isin(pos)]
    spoke = (inside["source"] == centre) | (inside["target"] == centre)
    shown = inside[(spoke & (inside["sentences"] >= min_spoke)) | (~spoke & (inside["sentences"] >= min_chord))]
    top = max(int(shown["sentences"].max()) if len(shown) else 1, 1)
    for row in shown.sort_values(["sentences", "source", "target"]).itertuples(index=False):
        (x0, y0), (x1, y1) = pos[row.source], pos[row.target]
        is_spoke = centre in (row.source, row.target)
        ax.plot([x0, x1], [y0, y1], color="#7A7A7A" if is_spoke else "#ABABAB", lw=0.6 + 7 * row.sentences / top,
                alpha=0.85, zorder=1, solid_capstyle="round")
        where = 0.55 if is_spoke else 0.5
        ax.text(x0 + where * (x1 - x0), y0 + where * (y1 - y0), str(row.sentences), fontsize=7, color="#333333",
                ha="center", va="center", zorder=2,
                bbox={"boxstyle": "round,pad=0.12", "fc": "white", "ec": "none", "alpha": 0.85})
    biggest = float(nodes["sentences"].max())
    for name, (x, y) in pos.items():
        row = info.loc[name]
        ax.scatter(x, y, s=60 + 1000 * row["sentences"] / biggest, color=VECTOR_COLOURS.get(row["vector"], NEUTRAL),
                   edgecolor="white", lw=1.2, zorder=3)
        if name == centre:
            ax.text(x, y - 0.13, f"{row['name']} ({int(row['sentences'])})", ha="center", va="top",
                    fontsize=8.5, fontweight="bold", zorder=4,
                    bbox={"boxstyle": "round,pad=0.2", "fc": "white", "ec": "none", "alpha": 0.9})
        else:
            label = textwrap.fill(row["name"], width=22)
            ha = "left" if x > 0.25 else "right" if x < -0.25 else "center"
            va = "center" if ha != "center" else ("bottom" if y > 0 else "top")
            ax.text(x + 0.08 * np.sign(x) * (ha != "center"), y + 0.07 * np.sign(y) * (ha == "center"),
                    f"{label}\n({int(row['sentences'])})", ha=ha, va=va, fontsize=8, zorder=4, linespacing=1.1)
    used = [v for v in VECTOR_ORDER if v in set(ring["vector"]) | {info.loc[centre, "vector"]}]
    ax.legend(handles=[Patch(color=VECTOR_COLOURS[v], label=vector_label(v)) for v in used],
              loc="upper left", bbox_to_anchor=(0.98, 1.0), fontsize=8, title="vector", title_fontsize=8)
    ax.set_xlim(-1.6, 1.6)
    ax.set_ylim(-1.3, 1.3)
    ax.set_aspect("equal")
    ax.axis("off")
    ax.set_title("Who is named in the same sentence as whom (numbers: sentences)")
    fig.subplots_adjust(left=0.0, right=0.8, bottom=0.01, top=0.94)
    return fig


def events_timeline_figure(partner: pd.DataFrame, vectors: list[str] | None = None,
                           zoom_from: str = "2022-01-01", zoom_to: str | None = None) -> plt.Figure:
    """Dated diplomatic events per partner vector: one row per vector, marker by type group.

    Events from ``zoom_from`` on are drawn in a wider right panel (most events the texts
    report are recent); earlier ones in a compressed left panel. Events on the same day
    of the same vector and type group are drawn side by side, not on top of each other.
    """
    vectors = list(vectors or PARTNER_VECTORS)
    markers = {"visit or meeting": "o", "agreement or memorandum": "s", "summit or forum": "^"}
    offsets = {"visit or meeting": -0.22, "agreement or memorandum": 0.0, "summit or forum": 0.22}
    split = pd.Timestamp(zoom_from)
    end = pd.Timestamp(zoom_to) if zoom_to else max(partner["midpoint"].max(), split) + pd.Timedelta(days=60)
    early = partner[partner["midpoint"] < split]
    fig, (left, right) = plt.subplots(1, 2, figsize=(8.0, 4.6), sharey=True, gridspec_kw={"width_ratios": [1, 1.6]})
    start = (early["midpoint"].min() if len(early) else split - pd.Timedelta(days=365)) - pd.Timedelta(days=300)
    for ax, (lo, hi) in [(left, (start, split)), (right, (split, end))]:
        span_days = (hi - lo).days
        for i, vector in enumerate(vectors):
            part = partner[(partner["vector"] == vector) & (partner["midpoint"] >= lo) & (partner["midpoint"] < hi)]
            for group, marker in markers.items():
                sub = part[part["type_group"] == group].sort_values(["midpoint", "event_key"])
                nudge = sub.groupby("midpoint").cumcount().to_numpy() * span_days * 0.012
                ax.scatter(sub["midpoint"] + pd.to_timedelta(nudge, unit="D"), np.full(len(sub), i + offsets[group]),
                           marker=marker, s=44, color=VECTOR_COLOURS[vector], edgecolor="#333333", lw=0.5, zorder=3)
        ax.set_xlim(lo, hi)
        ax.grid(axis="y", visible=False)
    left.xaxis.set_major_locator(mdates.YearLocator(4))
    left.xaxis.set_major_formatter(mdates.DateFormatter("%Y"))
    right.xaxis.set_major_locator(mdates.MonthLocator(bymonth=[1, 4, 7, 10]))
    right.xaxis.set_major_formatter(mdates.DateFormatter("%Y-%m"))
    right.tick_params(axis="x", labelsize=8)
    right.spines["left"].set_linestyle((0, (3, 3)))
    left.set_title(f"before {split.year}", fontsize=9, fontweight="normal", loc="center")
    right.set_title(f"from {split.strftime('%Y-%m')} (wider scale)", fontsize=9, fontweight="normal", loc="center")
    left.set_yticks(range(len(vectors)), [f"{vector_label(v)} ({(partner['vector'] == v).sum()})" for v in vectors])
    for label, vector in zip(left.get_yticklabels(), vectors):
        label.set_color(VECTOR_COLOURS[vector])
        label.set_fontweight("bold")
    left.set_ylim(len(vectors) - 0.5, -0.5)
    fig.supxlabel("Date of the event (month- or year-dated events at the middle of the period)", fontsize=9.5)
    fig.legend(handles=[Line2D([], [], marker=m, color=NEUTRAL, ls="", ms=7, label=g) for g, m in markers.items()],
               loc="upper center", bbox_to_anchor=(0.55, 0.935), ncol=3, fontsize=8.5)
    fig.suptitle("Visits, agreements and summits per partner vector (number of events in brackets)", x=0.01,
                 ha="left", fontweight="bold", fontsize=11.5)
    fig.tight_layout(rect=(0, 0, 1, 0.9))
    return fig
