"""analysis.bootstrap (from balance.py)."""
from __future__ import annotations

import numpy as np
import pandas as pd

from kzanalysis.analysis.attention import DEFAULT_KINDS, PARTNER_VECTORS, POOLED, TRIANGLE, sentence_vector_counts
from kzanalysis.analysis.stats import CONFIDENCE, herfindahl, normalised_entropy

#: Seed of every resampling in this module.
BOOTSTRAP_SEED = 20240101


#: Number of bootstrap resamples.
N_RESAMPLES = 2000


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


def indices_per_sentence(indices: pd.DataFrame, per_sentence: pd.DataFrame, rows: list[str]) -> pd.DataFrame:
    """Observed indices counting mentions next to those counting a vector once per sentence.

    ``indices``: ``bootstrap_indices``; ``per_sentence``: ``bootstrap_indices(...,
    presence=True)``; ``rows``: doc_ids in order. Index: doc_id. Columns: evenness, hhi,
    evenness_per_sentence, hhi_per_sentence.
    """
    out = pd.concat([indices.pivot(index="doc_id", columns="index", values="value"),
                     per_sentence.pivot(index="doc_id", columns="index", values="value").add_suffix("_per_sentence")],
                    axis=1).reindex(rows)
    out.columns.name = None
    return out


def first_last_differences(mentions: pd.DataFrame, sentences: pd.DataFrame | None, first: str, last: str,
                           vectors: list[str], **options) -> pd.DataFrame:
    """The change in attention share from document ``first`` to ``last``, per vector.

    ``options``: passed on to ``bootstrap_differences``. Columns: those of
    ``bootstrap_differences`` (doc_a = ``last``, doc_b = ``first``, statistic = the
    vector), one row per vector in the given order.
    """
    return pd.concat([bootstrap_differences(mentions, sentences, [(last, first)], v, **options) for v in vectors],
                     ignore_index=True)


def shares_by_date(documents: pd.DataFrame, shares: pd.DataFrame, vectors: list[str]) -> pd.DataFrame:
    """Documents in publication order with their dating and outlet, and the shares of ``vectors``.

    ``documents``: doc_id, date, date_basis, outlet_country (one row per document, in
    order); ``shares``: ``bootstrap_shares``. Columns: doc_id, date, date_basis,
    outlet_country, then one column per vector (observed share, fraction 0–1).
    """
    wide = shares.pivot(index="doc_id", columns="vector", values="value")[list(vectors)].reset_index()
    return documents[["doc_id", "date", "date_basis", "outlet_country"]].merge(wide, on="doc_id")
