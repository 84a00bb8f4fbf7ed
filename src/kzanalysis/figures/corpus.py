"""figures.corpus (from overview.py)."""
from __future__ import annotations

import matplotlib.pyplot as plt
import pandas as pd

from kzanalysis.figures.style import ACCENT, NEUTRAL


def timeline_figure(overview: pd.DataFrame) -> plt.Figure:
    """Publication dates on a time axis: filled dot = stated date, open dot with arrow = lower bound."""
    frame = overview.sort_values("date").reset_index(drop=True)
    dates = pd.to_datetime(frame["date"])
    fig, ax = plt.subplots(figsize=(6.8, 2.7))
    for y, (row, when) in enumerate(zip(frame.itertuples(), dates)):
        stated = row.date_basis == "stated"
        ax.plot([when], [y], "o", ms=9, color=ACCENT, mfc=ACCENT if stated else "white", mew=1.8, zorder=3)
        if not stated:
            ax.annotate("", xy=(when + pd.Timedelta(days=110), y), xytext=(when + pd.Timedelta(days=12), y),
                        arrowprops={"arrowstyle": "->", "color": NEUTRAL, "lw": 1.2})
        ax.text(when, y + 0.32, f"{row.doc_id} ({row.outlet_country})", ha="center", va="bottom", fontsize=8.5)
    ax.set_yticks([])
    ax.set_ylim(-0.6, len(frame) - 0.1)
    ax.set_xlim(dates.min() - pd.Timedelta(days=150), dates.max() + pd.Timedelta(days=200))
    ax.set_xlabel("Publication date (filled: stated in the text; open with arrow: earliest possible date)")
    ax.set_title("Five documents, June 2021 to late 2023")
    ax.grid(axis="y", visible=False)
    return fig


def evidence_figure(overview: pd.DataFrame) -> plt.Figure:
    """Per document: actor mentions, claims and events extracted (three panels, counts)."""
    frame = overview.sort_values("date")
    fig, axes = plt.subplots(1, 3, figsize=(6.8, 2.6), sharey=True)
    for ax, column, label in zip(axes, ["n_mentions", "n_claims", "n_events"],
                                 ["Actor mentions", "Claims", "Dated events"]):
        ax.barh(frame["doc_id"], frame[column], color=ACCENT)
        for y, v in enumerate(frame[column]):
            ax.text(v, y, f" {v}", va="center", fontsize=8)
        ax.set_title(label, fontsize=10)
        ax.set_xlabel("count")
        ax.grid(axis="y", visible=False)
        ax.set_xlim(0, frame[column].max() * 1.25)
    axes[0].invert_yaxis()
    fig.suptitle("Evidence extracted per document (documents in date order)", x=0.01, ha="left",
                 fontweight="bold", fontsize=12)
    fig.tight_layout()
    return fig
