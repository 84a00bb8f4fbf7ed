"""figures.trade (from trade.py)."""
from __future__ import annotations

import math

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.lines import Line2D

from kzanalysis.analysis.factcheck import VERDICT_GROUPS
from kzanalysis.analysis.formatting import billions
from kzanalysis.analysis.trade_series import HOME_REPORTER, REST_OF_WORLD, SHARE_BASES, WORLD, partner_label
from kzanalysis.figures.consistency import GROUP_COLOURS, GROUP_MARKERS
from kzanalysis.figures.style import NEUTRAL, VECTOR_COLOURS, finish
from kzanalysis.gazetteer.vectors import VECTOR_ORDER, vector_label


def _partner_order(preferred: pd.DataFrame, vectors: dict[str, str]) -> list[str]:
    """Partners in vector order, then by their latest turnover (largest first)."""
    latest = preferred.sort_values("year").groupby("partner")["value"].last()
    return sorted(latest.index, key=lambda p: (VECTOR_ORDER.index(vectors[p]), -latest[p], p))


#: Fewer consecutive years than this are drawn as points, not as a trend line.
MIN_TREND_YEARS = 4


def _run_lengths(values: pd.Series) -> pd.Series:
    """For each non-missing value, the length of the run of consecutive non-missing values it is in."""
    present = values.notna()
    run_id = (present != present.shift()).cumsum()
    lengths = present.groupby(run_id).transform("sum")
    return lengths.where(present, 0)


def trends_figure(preferred: pd.DataFrame, series: pd.DataFrame, vectors: dict[str, str]) -> plt.Figure:
    """Small multiples: Kazakhstan's full-year turnover with each partner, by year (bn USD).

    Filled markers: Kazakhstan's statistics, joined by a line only over ``MIN_TREND_YEARS`` or more
    consecutive years (one reporter per line: the partner's figures never join it); open markers:
    the partner's own (mirror) statistics, drawn for every year it has one. Part-year rows are not shown.
    """
    turnover = preferred[(preferred["flow"] == "turnover") & (preferred["partner"] != WORLD)]
    mirror = series[(series["flow"] == "turnover") & (series["reporter"] == series["partner"])]
    partners = _partner_order(turnover, vectors)
    years = sorted(set(turnover["year"]) | set(mirror["year"]))
    ncols = 5 if len(partners) > 9 else 3  # many partners: five to a row, so the figure fits half a page
    nrows = math.ceil(len(partners) / ncols)
    fig, axes = plt.subplots(nrows, ncols, figsize=(7.2, 1.6 * nrows + 0.9), sharex=True, squeeze=False)
    for ax, partner in zip(axes.ravel(), partners):
        colour = VECTOR_COLOURS[vectors[partner]]
        home = turnover[(turnover["partner"] == partner) & (turnover["reporter"] == HOME_REPORTER)].sort_values("year")
        own = mirror[mirror["partner"] == partner].sort_values("year")
        # one point per year of the axis, NaN where the table has no figure: the line breaks at gaps,
        # and a run of fewer than MIN_TREND_YEARS consecutive years is drawn as points, not as a trend
        line = home.set_index("year")["value"].reindex(years)
        line = line.where(_run_lengths(line) >= MIN_TREND_YEARS)
        ax.plot(home["year"], billions(home["value"]), "o", color=colour, markersize=4, zorder=3)
        # the open ring is larger and drawn below, so that equal figures show as a dot inside a ring
        ax.plot(own["year"], billions(own["value"]), "o", markerfacecolor="white", markeredgecolor=colour,
                markersize=8, linestyle="none", zorder=2)
        ax.plot(years, billions(line), "-", color=colour, linewidth=1.5, zorder=3)
        top = max([*billions(home["value"]), *billions(own["value"]), 1.0])
        ax.set_ylim(0, top * 1.2)
        ax.set_title(partner_label(partner), fontsize=9.5, loc="left")
        ax.tick_params(labelsize=8.5)
    for ax in axes.ravel()[len(partners):]:
        ax.set_visible(False)
    for ax in axes[:, 0]:
        ax.set_ylabel("bn USD", fontsize=8.5)
    for ax in axes.ravel():
        step = 3 if ncols > 3 and len(years) > 4 else 2 if len(years) > 6 else 1  # narrow panels: fewer years
        ax.set_xticks(years[::step], [f"{y}" for y in years[::step]])
    handles = [Line2D([], [], color=NEUTRAL, marker="o", markersize=4, label="Kazakhstan's statistics"),
               Line2D([], [], color=NEUTRAL, marker="o", markerfacecolor="white", linestyle="none", markersize=8,
                      label="partner's own (mirror) statistics")]
    fig.suptitle("Kazakhstan's trade turnover with its main partners, full years", x=0.0, y=1.0, ha="left",
                 fontweight="bold", fontsize=12)
    fig.legend(handles=handles, loc="upper left", ncol=2, fontsize=8.5, bbox_to_anchor=(0.0, 0.965))
    fig.supxlabel(f"year (a line joins only runs of {MIN_TREND_YEARS} or more consecutive years with "
                  "Kazakhstan's figure)", fontsize=9)
    fig.tight_layout(rect=(0, 0, 1, 0.94))
    return fig


def shares_figure(shares: pd.DataFrame, vectors: dict[str, str]) -> plt.Figure:
    """Stacked bars: each partner's share of Kazakhstan's turnover by year (percent).

    One bar per year of ``partner_shares``; partners coloured by vector (partners of the
    same vector in the same colour, separated by white edges and labelled). On the
    ``total`` basis the grey remainder is the rest of the world, including partners the
    reference table lacks for that year; on the ``covered`` basis the bars sum to 100% of
    the trade with the partners in the table, and the axis says so.
    """
    basis = shares["basis"].iloc[0]
    years = sorted(shares["year"].unique())
    partners = _partner_order(shares, vectors)
    fig, ax = plt.subplots(figsize=(8.0, 4.0))
    ax.set_axisbelow(True)
    ax.grid(axis="x", visible=False)
    bottom = np.zeros(len(years))
    for partner in partners:
        values = np.array([100 * shares[(shares["year"] == y) & (shares["partner"] == partner)]["share"].sum()
                           for y in years])
        ax.bar([str(y) for y in years], values, bottom=bottom, color=VECTOR_COLOURS[vectors[partner]],
               edgecolor="white", linewidth=0.8, width=0.6)
        for i, v in enumerate(values):
            if v >= 2.0:
                ax.text(i, bottom[i] + v / 2, f"{partner_label(partner)} {v:.0f}%", ha="center", va="center",
                        fontsize=7, color="white" if vectors[partner] in ("russia", "west") else "black")
        bottom += values
    if basis == "total":
        rest = 100 - bottom
        ax.bar([str(y) for y in years], rest, bottom=bottom, color="#DDDDDD", edgecolor="white", width=0.6)
        for i, v in enumerate(rest):
            ax.text(i, bottom[i] + v / 2, f"rest of world\n(incl. partners\nnot in the table)\n{v:.0f}%",
                    ha="center", va="center", fontsize=7, color="#444444")
    present = [v for v in VECTOR_ORDER if v in set(vectors[p] for p in partners)]
    handles = [Line2D([], [], color=VECTOR_COLOURS[v], linewidth=8, label=vector_label(v)) for v in present]
    ax.legend(handles=handles, loc="upper left", bbox_to_anchor=(1.0, 1.0), fontsize=8, title="vector",
              title_fontsize=8)
    return finish(fig, ax, "Partners' shares of Kazakhstan's total trade" if basis == "total" else
                  "Partners' shares of Kazakhstan's trade with the partners in the table", "year",
                  f"share of {SHARE_BASES[basis]} (%)" if basis == "total" else
                  "share of turnover with the partners\nin the table (%)", ylim=(0, 100))


def concentration_figure(hhi: pd.DataFrame) -> plt.Figure:
    """HHI of Kazakhstan's turnover across the partners in the table, by year (points of 10,000).

    Each bar is annotated with the number of partners covered (and, on the ``total``
    basis, their combined share of total trade, the index being a lower bound). On the
    ``covered`` basis the index measures concentration among the partners in the table.
    """
    basis = hhi["basis"].iloc[0]
    fig, ax = plt.subplots(figsize=(8.0, 4.0))
    ax.set_axisbelow(True)
    ax.grid(axis="x", visible=False)
    labels = [str(y) for y in hhi["year"]]
    ax.bar(labels, hhi["hhi_points"], color=NEUTRAL, width=0.5)
    for i, r in enumerate(hhi.itertuples()):
        covered = f",\n{100 * r.covered_share:.0f}% of trade" if basis == "total" else ""
        ax.text(i, r.hhi_points, f"{r.hhi_points:,.0f}\n{r.n_partners} partners{covered}",
                ha="center", va="bottom", fontsize=8)
    return finish(fig, ax, "Concentration of Kazakhstan's trade across partners (lower bound)" if basis == "total" else
                  "Concentration of Kazakhstan's trade among the partners in the table", "year",
                  "HHI across partners (points, 0–10,000)", ylim=(0, max(hhi["hhi_points"].max() * 1.45, 100)))


def discourse_vs_trade_figure(comparison: pd.DataFrame) -> plt.Figure:
    """Dumbbells per vector: share of the seeds' attention (filled) against share of actual trade (open).

    Vectors are sorted by the gap (most over-discussed at the top); vectors without any
    partner in the reference table show their attention only, marked "no trade figure";
    on the ``total`` basis the rest-of-world share of trade is noted above the axes, not
    plotted as a vector.
    """
    basis = comparison["basis"].iloc[0]
    vectors = comparison[comparison["vector"] != REST_OF_WORLD].copy()
    vectors["_gap"] = vectors["difference"].fillna(-np.inf)
    vectors = vectors.sort_values(["_gap", "vector"], ascending=[True, True])
    rest = comparison[comparison["vector"] == REST_OF_WORLD]["trade_share"]
    fig, ax = plt.subplots(figsize=(8.0, 0.34 * len(vectors) + 1.0))
    for i, r in enumerate(vectors.itertuples()):
        colour = VECTOR_COLOURS[r.vector]
        a = 100 * r.attention_share
        if math.isnan(r.trade_share):
            ax.plot([a], [i], "o", color=colour, markersize=9, zorder=3)
            ax.text(a + 1.2, i, "no trade figure in the table", va="center", fontsize=8, color="#666666")
            continue
        t = 100 * r.trade_share
        ax.plot([a, t], [i, i], "-", color=colour, linewidth=2.5, alpha=0.6, zorder=2)
        ax.plot([a], [i], "o", color=colour, markersize=9, zorder=3)
        ax.plot([t], [i], "o", markerfacecolor="white", markeredgecolor=colour, markeredgewidth=2, markersize=9,
                zorder=3)
        ratio = f"×{r.ratio:.1f}" if r.ratio >= 1 else f"×{r.ratio:.2f}"
        ax.text(max(a, t) + 1.2, i, f"{a:.0f}% vs {t:.0f}% ({ratio})", va="center", fontsize=8)
    ax.set_yticks(range(len(vectors)))
    ax.set_yticklabels([vector_label(v) for v in vectors["vector"]])
    ax.set_xlim(0, max(100 * vectors["attention_share"].max(), 100 * vectors["trade_share"].max()) + 18)
    ax.set_xlabel(f"share (%): attention = of the seeds' partner-vector mentions;\ntrade = of {SHARE_BASES[basis]}")
    handles = [Line2D([], [], color=NEUTRAL, marker="o", linestyle="none", markersize=8, label="attention in the seeds"),
               Line2D([], [], color=NEUTRAL, marker="o", markerfacecolor="white", linestyle="none", markersize=8,
                      markeredgewidth=2, label="share of actual trade")]
    ax.legend(handles=handles, loc="lower right", fontsize=8)
    if len(rest) and basis == "total":
        ax.text(1.0, 1.0, f"trade with partners outside the table: {100 * float(rest.iloc[0]):.0f}%",
                transform=ax.transAxes, ha="right", va="bottom", fontsize=8, color="#666666")
    ax.set_title("Attention in the seeds vs share of Kazakhstan's trade", pad=16)
    fig.tight_layout()
    return fig


def differences_figure(checks: pd.DataFrame) -> plt.Figure:
    """Each checked trade claim against the reference its verdict used, in percent of that reference.

    ``checks``: ``analysis.trade_factcheck``. Marker: the claim's relative difference; bar: its
    stated interval in the same terms (the claim is within rounding where the bar reaches 0);
    colour and marker shape: the verdict group. Claims without a reference value are not drawn
    (they are in the fact-check table). A ``≥`` bar runs to the right edge.
    """
    rows = checks[checks["reference_value"].notna() & (checks["reference_value"] != 0)].copy()
    rows = rows.sort_values(["relative_difference", "claim_id"], ascending=[True, True]).reset_index(drop=True)
    groups = rows["verdict"].map(VERDICT_GROUPS)
    fig, ax = plt.subplots(figsize=(7.2, 0.3 * len(rows) + 1.5))
    lows = 100 * (rows["low"] - rows["reference_value"]) / rows["reference_value"]
    highs = 100 * (rows["high"] - rows["reference_value"]) / rows["reference_value"]
    points = 100 * rows["relative_difference"]
    right = max(float(points.max()) if len(rows) else 0.0, 10.0) * 1.25 + 5
    left = min(float(points.min()) if len(rows) else 0.0,
               float(lows[np.isfinite(lows)].min()) if len(rows) else 0.0, -10.0) * 1.25
    for i in rows.index:
        colour = GROUP_COLOURS[groups[i]]
        ax.plot([lows[i], min(highs[i], right)], [i, i], "-", color=colour, linewidth=4, alpha=0.35,
                solid_capstyle="butt")
        ax.plot([points[i]], [i], GROUP_MARKERS[groups[i]], color=colour, markersize=7)
    ax.axvline(0, color=NEUTRAL, linewidth=0.8)
    ax.set_yticks(range(len(rows)))
    ax.set_yticklabels([f"{c} · {v}" for c, v in zip(rows["claim_id"], rows["verdict"])], fontsize=8.5)
    ax.set_xlim(left, right)
    ax.set_xlabel("claim relative to the reference (% of the reference)", fontsize=9)
    shown = [g for g in GROUP_MARKERS if g in set(groups)]
    handles = [Line2D([], [], color=GROUP_COLOURS[g], marker=GROUP_MARKERS[g], linewidth=4, alpha=0.7, label=g)
               for g in shown]
    ax.legend(handles=handles, loc="upper center", bbox_to_anchor=(0.5, -0.12), ncol=len(shown), fontsize=8.5)
    ax.set_title("Trade claims against their references (bar: the claim's rounding interval)", fontsize=10.5)
    fig.tight_layout()
    return fig
