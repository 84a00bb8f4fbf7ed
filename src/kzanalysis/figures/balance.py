"""figures.balance (from balance.py)."""
from __future__ import annotations

import math
import textwrap

import matplotlib.dates as mdates
import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.lines import Line2D
from matplotlib.patches import Patch

from kzanalysis.analysis.attention import PARTNER_VECTORS, POOLED, TRIANGLE, ternary_xy
from kzanalysis.analysis.network import MIN_CHORD, MIN_SPOKE, RING_NODES
from kzanalysis.figures.style import NEUTRAL, VECTOR_COLOURS
from kzanalysis.gazetteer.vectors import VECTOR_ORDER, vector_label


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
    fig, axes = plt.subplots(2, 1, figsize=(6.8, 5.8))
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
    fig, axes = plt.subplots(1, 2, figsize=(6.8, 3.2), sharey=True)
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
    fig, ax = plt.subplots(figsize=(6.0, 5.8))
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
    fig, ax = plt.subplots(figsize=(6.8, 3.7))
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
    fig, ax = plt.subplots(figsize=(6.8, 3.9))
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
                      n_nodes: int = RING_NODES, min_spoke: int = MIN_SPOKE, min_chord: int = MIN_CHORD) -> plt.Figure:
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
    fig, ax = plt.subplots(figsize=(6.8, 5.0))
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
    fig, (left, right) = plt.subplots(1, 2, figsize=(6.8, 3.9), sharey=True, gridspec_kw={"width_ratios": [1, 1.6]})
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
