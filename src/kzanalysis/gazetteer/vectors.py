"""The foreign-policy vectors actors belong to (``data/actors.csv`` column ``vector``), in one order."""
from __future__ import annotations

#: Vectors in the order used in every table and figure.
VECTOR_ORDER = ["russia", "china", "west", "turkic", "central_asia", "middle_east",
                "asia_pacific", "multilateral", "other", "domestic"]


#: Reader-facing labels of the vectors.
VECTOR_LABELS = {
    "russia": "Russia", "china": "China", "west": "West (US, EU)", "turkic": "Türkiye & Turkic world",
    "central_asia": "Central Asia", "middle_east": "Gulf & Middle East", "asia_pacific": "Asia-Pacific",
    "multilateral": "Multilateral bodies", "other": "Other", "domestic": "Kazakhstan (domestic)",
}


def vector_label(vector: str) -> str:
    """Reader-facing label of a vector id."""
    return VECTOR_LABELS.get(vector, vector)


