"""figures.consistency (from consistency.py)."""
from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.ticker import MaxNLocator

from kzanalysis.analysis.dating import PLAN_TYPES
from kzanalysis.analysis.reference_checks import REFERENCE_TOLERANCE
from kzanalysis.evidence.periods import period_bounds
from kzanalysis.figures.style import ACCENT, NEUTRAL

#: Colours of verdicts (Paul Tol "bright": colour-blind safe).
VERDICT_COLOURS = {"agree": "#228833", "holds": "#228833", "conflict": "#EE6677",
                   "differs": "#EE6677", "complementary": "#4477AA", "uncorroborated": "#BBBBBB",
                   "no reference": "#BBBBBB", "date_conflict": "#EE6677"}


def agreement_matrix_figure(matrix: pd.DataFrame) -> plt.Figure:
    """Two source × source panels: pairs of statements that agree, and that conflict."""
    docs = sorted(matrix["doc_a"].unique())
    fig, axes = plt.subplots(1, 2, figsize=(9.5, 4.4))
    for ax, column, title, cmap in [(axes[0], "agree", "Agreements", "Greens"), (axes[1], "conflict", "Conflicts", "Reds")]:
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
    fig.suptitle("Where two sources state the same figure or event: do they agree?", x=0.01, ha="left",
                 fontweight="bold", fontsize=12)
    fig.tight_layout()
    return fig


def reference_error_figure(checks: pd.DataFrame, clip: float = 0.5) -> plt.Figure:
    """Relative error of every checkable claim against its nearest reference, by source.

    Errors beyond ±``clip`` (a fraction) are drawn at the edge with their value written.
    """
    sel = checks[checks["verdict"] != "no reference"].sort_values(["doc_id", "claim_id"]).reset_index(drop=True)
    fig, ax = plt.subplots(figsize=(8.0, max(2.5, 0.32 * len(sel) + 1.2)))
    ax.axvspan(-100 * REFERENCE_TOLERANCE, 100 * REFERENCE_TOLERANCE, color="#E8F4E8", zorder=0,
               label=f"within ±{100 * REFERENCE_TOLERANCE:.0f}%")
    ax.axvline(0, color=NEUTRAL, lw=0.8)
    for y, r in enumerate(sel.itertuples()):
        x = 100 * max(-clip, min(clip, r.relative_error))
        ax.plot([x], [y], "o" if r.verdict == "holds" else "X", ms=7, color=VERDICT_COLOURS[r.verdict], zorder=3)
        if abs(r.relative_error) > clip:
            ax.text(x, y, f"  {100 * r.relative_error:+.0f}%  ", va="center", fontsize=7.5,
                    ha="right" if x > 0 else "left")
    ax.set_yticks(range(len(sel)), [f"{r.doc_id} · {r.metric} {r.partner} {r.period}".replace("  ", " ") for r in sel.itertuples()],
                  fontsize=7.5)
    ax.invert_yaxis()
    ax.set_xlim(-100 * clip * 1.08, 100 * clip * 1.08)
    ax.set_xlabel("claim minus reference, % of the reference (nearest reference where several)")
    ax.set_title("Claims against official references")
    handles = [plt.Line2D([], [], marker="o", ls="", color=VERDICT_COLOURS["holds"], label="holds"),
               plt.Line2D([], [], marker="X", ls="", color=VERDICT_COLOURS["differs"], label="differs")]
    ax.legend(handles=handles, loc="lower right", fontsize=8)
    ax.grid(axis="y", visible=False)
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
    fig.suptitle("Source profiles (sources in date order)", x=0.01, ha="left", fontweight="bold", fontsize=12)
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
