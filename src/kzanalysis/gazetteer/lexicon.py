"""gazetteer.lexicon (from balance.py)."""
from __future__ import annotations

from pathlib import Path

import pandas as pd

from kzanalysis.io.tables import load_resource


def load_lexicon(root: Path | None = None) -> pd.DataFrame:
    """``data/lexicon.csv`` validated against its schema: term, tone, notes."""
    return load_resource("lexicon", root)
