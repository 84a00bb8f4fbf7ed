"""analysis.stats (from balance.py)."""
from __future__ import annotations

import math

import numpy as np

#: Level of every interval.
CONFIDENCE = 0.95


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
