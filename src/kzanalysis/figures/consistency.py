"""figures.consistency (from consistency.py)."""
from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.ticker import MaxNLocator

from kzanalysis.analysis.dating import PLAN_TYPES
from kzanalysis.evidence.periods import period_bounds
from kzanalysis.figures.style import ACCENT, NEUTRAL

#: Colours of verdicts (Paul Tol "bright": colour-blind safe).
VERDICT_COLOURS = {"agree": "#228833", "holds": "#228833", "conflict": "#EE6677",
                   "differs": "#EE6677", "complementary": "#4477AA", "uncorroborated": "#BBBBBB",
                   "no reference": "#BBBBBB", "date_conflict": "#EE6677"}


def agreement_matrix_figure(matrix: pd.DataFrame) -> plt.Figure:
    """Two source × source panels: pairs of statements that agree, and that conflict."""
    docs = sorted(matrix["doc_a"].unique())
    panels = [("agree", "Agreements", "Greens"), ("conflict", "Conflicts", "Reds")]
    if not matrix["conflict"].fillna(0).astype(float).any():  # an all-zero panel shows nothing: say so instead
        panels = panels[:1]
    fig, axes = plt.subplots(1, len(panels), figsize=(9.5 if len(panels) == 2 else 5.0, 4.4 if len(panels) == 2 else 3.9), squeeze=False)
    axes = list(axes[0])
    for ax, (column, title, cmap) in zip(axes, panels):
        grid = matrix.pivot(index="doc_a", columns="doc_b", values=column).reindex(index=docs, columns=docs)
        values = grid.to_numpy().astype(float)
        np.fill_diagonal(values, np.nan)
        top = max(1.0, np.nanmax(values) if np.isfinite(values).any() else 1.0)
        ax.imshow(np.ma.masked_invalid(values), cmap=cmap, vmin=0, vmax=top * 1.3)
        for i in range(len(docs)):
            for j in range(len(docs)):
                text = "–" if i == j else f"{int(values[i, j])}"
                ax.text(j, i, text, ha="center", va="center", fontsize=9, color="black")
        ax.set_xticks(range(len(docs)), docs, rotation=35, ha="right", fontsize=8)
        ax.set_yticks(range(len(docs)), docs if ax is axes[0] else [""] * len(docs), fontsize=8)
        ax.set_title(f"{title} (pairs of claims and events)", fontsize=10)
        ax.set_xlabel("source")
        ax.grid(False)
    axes[0].set_ylabel("source")
    fig.suptitle("Where two sources state the same figure or event: do they agree?"
                 + ("" if len(panels) == 2 else "\nNo pair of sources conflicts on any claim or event"),
                 x=0.01, ha="left", fontweight="bold", fontsize=11)
    fig.tight_layout()
    return fig


#: Marker per reliability group, so that verdicts differ by shape as well as colour.
GROUP_MARKERS = {"holds": "o", "differs": "X", "period or definition mismatch": "D", "could not be verified": "s"}
GROUP_COLOURS = {"holds": "#228833", "differs": "#EE6677", "period or definition mismatch": "#CCBB44",
                 "could not be verified": "#777777"}


GROUP_TITLES = {"holds": "Holds", "differs": "Differs", "period or definition mismatch": "Period or\ndefinition\nmismatch",
                "could not be verified": "Could not\nbe verified"}


def reliability_figure(reliability: pd.DataFrame) -> plt.Figure:
    """One panel per verdict group: each source's share of checkable claims (marker) with its
    Wilson interval (bar) and the count behind it (``reliability``: ``source_reliability``)."""
    groups = list(dict.fromkeys(reliability["group"]))
    docs = list(dict.fromkeys(reliability["doc_id"]))
    fig, axes = plt.subplots(1, len(groups), figsize=(7.2, 0.42 * len(docs) + 1.9), sharey=True)
    for ax, group in zip(np.atleast_1d(axes), groups):
        rows = reliability[reliability["group"] == group].set_index("doc_id").reindex(docs)
        colour = GROUP_COLOURS.get(group, NEUTRAL)
        for y, r in enumerate(row for _, row in rows.iterrows()):
            if not r["n_checkable"]:
                ax.text(2, y, "no checkable claim", va="center", fontsize=8)
                continue
            ax.plot([100 * r["low"], 100 * r["high"]], [y, y], color=colour, lw=2.2, alpha=0.55)
            ax.plot([100 * r["share"]], [y], GROUP_MARKERS.get(group, "o"), color=colour, ms=7)
            ax.text(100 * r["share"], y - 0.28, f"{int(r['n'])}/{int(r['n_checkable'])}", ha="center",
                    va="bottom", fontsize=8)
        ax.set_xlim(-4, 104)
        ax.set_xticks([0, 50, 100], ["0", "50", "100%"], fontsize=8.5)
        ax.set_title(GROUP_TITLES.get(group, group), fontsize=9, loc="left")
        ax.grid(axis="y", visible=False)
    first = np.atleast_1d(axes)[0]
    first.set_yticks(range(len(docs)), docs, fontsize=9)
    first.set_ylim(len(docs) - 0.4, -0.7)
    fig.suptitle("Checkable claims per source, by verdict (share, 95% interval, count)", x=0.01, ha="left",
                 fontweight="bold", fontsize=10.5)
    fig.tight_layout()
    return fig


def source_profile_figure(profiles: pd.DataFrame) -> plt.Figure:
    """Five panels per source: corroborated share, reference accuracy (both with the counts
    behind them), conflicts, typesetting artefacts (or words outside the word list where a
    list exists), and transliterated or misspelled names."""
    frame = profiles.reset_index(drop=True)
    panels = [("corroborated_share", "Claims confirmed by\nanother source (%)", ("n_corroborated", "n_claims")),
              ("reference_share", "Checkable claims that\nhold vs references (%)", ("n_hold", "n_checkable")),
              ("n_conflicts", "Claims in conflict with\nanother source (count)", None),
              ("artefacts", "Typesetting / keyboard\nartefacts (count)", None),
              ("origin_forms", "Transliterated or\nmisspelled names (count)", None)]
    if frame["unknown_per_1000"].notna().any():
        panels[3] = ("unknown_per_1000", "Words outside the word\nlist (per 1,000 words)", None)
    if not frame["n_conflicts"].fillna(0).astype(float).any():  # no all-zero panel (the title says so)
        panels = [panel for panel in panels if panel[0] != "n_conflicts"]
    frame = frame.assign(n_hold=(frame["reference_share"].fillna(0) * frame["n_checkable"]).round().astype(int))
    fig, axes = plt.subplots(1, len(panels), figsize=(11.0, 3.6), sharey=True)
    for ax, (column, label, counts) in zip(axes, panels):
        share = counts is not None
        values = frame[column].astype(float) * (100 if share else 1)
        ax.barh(range(len(frame)), values.fillna(0), color=ACCENT)
        for y, v in enumerate(values):
            if pd.isna(v):
                text = " n/a"
            elif share:
                text = f" {v:.0f} ({frame.loc[y, counts[0]]}/{frame.loc[y, counts[1]]})"
            else:
                text = f" {v:.0f}" if float(v).is_integer() else f" {v:.1f}"
            ax.text(0 if pd.isna(v) else v, y, text, va="center", fontsize=7.5)
        top = values.max() if values.notna().any() else 1
        ax.set_xlim(0, 150 if share else max(1.0, top) * 1.4)
        if share:
            ax.set_xticks([0, 50, 100])
        elif column != "unknown_per_1000":
            ax.xaxis.set_major_locator(MaxNLocator(integer=True))
        ax.set_xlabel(label, fontsize=8.5)
        ax.grid(axis="y", visible=False)
    axes[0].set_yticks(range(len(frame)), frame["doc_id"], fontsize=8.5)
    axes[0].invert_yaxis()
    fig.suptitle("Source profiles (sources in date order)"
                 + ("" if "n_conflicts" in [p[0] for p in panels] else "; no claim conflicts with another source"), x=0.01, ha="left", fontweight="bold", fontsize=12)
    fig.tight_layout()
    return fig


def date_bounds_figure(events: pd.DataFrame, bounds: pd.DataFrame, years_before: int = 4) -> plt.Figure:
    """Per document: the dated events it refers to (dots), the lower bound of its writing
    date (ring: its latest event or measured figure) and its date in sources.csv (bar: thick if stated, thin if inferred). The time axis starts
    ``years_before`` years before the earliest bound; older events are counted at the left
    edge."""
    frame = bounds.sort_values("date").reset_index(drop=True)
    bound_dates = pd.to_datetime(frame.loc[frame["bound"] != "", "bound"])
    left = pd.Timestamp(year=bound_dates.min().year - years_before, month=1, day=1)
    right = pd.Timestamp(year=max(bound_dates.max(), pd.to_datetime(frame["date"]).max()).year + 1, month=7, day=1)
    fig, ax = plt.subplots(figsize=(8.5, 3.8))
    for y, b in enumerate(frame.itertuples()):
        mine = events[(events["doc_id"] == b.doc_id) & ~events["type"].isin(PLAN_TYPES)]
        starts = [pd.Timestamp(period_bounds(d)[0]) for d in mine["date"]]
        shown = [t for t in starts if t >= left]
        ax.plot(shown, [y] * len(shown), "o", ms=4, color=NEUTRAL, alpha=0.6, zorder=2)
        older = len(starts) - len(shown)
        if older:
            ax.text(left, y + 0.18, f"◂ {older} earlier", fontsize=7.5, color=NEUTRAL, va="bottom")
        if b.bound:
            ax.plot([pd.Timestamp(b.bound)], [y], "o", ms=11, mfc="none", mec=ACCENT, mew=1.8, zorder=3)
        late = b.verdict.startswith("date precedes")
        ax.plot([pd.Timestamp(b.date)], [y], "|", ms=18, mew=3 if b.date_basis == "stated" else 1.5,
                color=VERDICT_COLOURS["conflict"] if late else VERDICT_COLOURS["agree"], zorder=4)
        if late:  # the verdict by label as well as colour
            ax.text(pd.Timestamp(b.date), y - 0.32, "date before its bound", fontsize=7.5, ha="center",
                    va="bottom", color=VERDICT_COLOURS["conflict"])
    ax.set_xlim(left, right)
    ax.set_ylim(-0.6, len(frame) - 0.3)
    ax.set_yticks(range(len(frame)), frame["doc_id"], fontsize=8.5)
    ax.set_xlabel("date (first day of each event's date)")
    ax.set_title("Dated events each document refers to, and its own date")
    ax.grid(axis="y", visible=False)
    handles = [plt.Line2D([], [], marker="o", ls="", color=NEUTRAL, ms=4, label="event"),
               plt.Line2D([], [], marker="o", ls="", mfc="none", mec=ACCENT, ms=10, label="lower bound (latest\nevent or figure)"),
               plt.Line2D([], [], marker="|", ls="", color=VERDICT_COLOURS["agree"], ms=14, mew=3, label="document's date,\nstated"),
               plt.Line2D([], [], marker="|", ls="", color=VERDICT_COLOURS["agree"], ms=14, mew=1.5, label="document's date,\ninferred")]
    ax.legend(handles=handles, loc="upper left", bbox_to_anchor=(1.01, 1.0), fontsize=8)
    return fig
